//! Common English and French words (PyPI wordfreq's "small" lists, CC BY-SA
//! 4.0 data): thousands of GeoNames towns are also ordinary words ("Police",
//! "Bar", "Born", "Of"), so the geoparser asks for more evidence before it
//! takes one of these as a place.
//!
//! wordfreq stores each language as gzip'd `MessagePack`: a header, then one list
//! of words per centibel of frequency (list `i` holds words of frequency
//! 10^(-i/100)), so a Zipf frequency of `z` is list `900 - 100 z`.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

/// Words at least this frequent: list 500 is Zipf 4.0, once per 100,000 words.
const LAST_BIN: usize = 500;

fn words(path: &Path) -> Result<Vec<String>> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?,
    )
    .read_to_end(&mut bytes)?;
    let value = rmpv::decode::read_value(&mut bytes.as_slice())
        .with_context(|| format!("decoding {}", path.display()))?;
    let bins = value.as_array().context("wordfreq list is not an array")?;
    let mut out = Vec::new();
    // bins[0] is the header.
    for bin in bins.iter().skip(1).take(LAST_BIN) {
        for word in bin.as_array().into_iter().flatten() {
            if let Some(w) = word.as_str() {
                out.push(w.to_owned());
            }
        }
    }
    Ok(out)
}

/// Writes one lowercase word per line, sorted.
pub fn build(wordfreq_data: &Path, out_path: &Path) -> Result<usize> {
    let mut all = BTreeSet::new();
    for lang in ["en", "fr"] {
        all.extend(
            words(&wordfreq_data.join(format!("small_{lang}.msgpack.gz")))?
                .into_iter()
                .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic)),
        );
    }
    let mut text = all
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    std::fs::write(out_path, text).with_context(|| format!("writing {}", out_path.display()))?;
    Ok(all.len())
}
