//! `dispatch-atlas dossier NAME [--json]`: what the side panel shows, over the
//! stored corpus, the embedded reports and any files given.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::commands::geoparse::load_atlas_and_gazetteer;
use crate::dossier::{Dossier, dossier};

fn text_report(d: &Dossier) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) — {} mention(s) in {} article(s)",
        d.name,
        d.kind.as_str(),
        d.mentions,
        d.articles.len()
    );
    for article in &d.articles {
        let _ = writeln!(
            out,
            "\n== {} — {}, {}",
            article.title,
            article.outlet.as_deref().unwrap_or("unknown outlet"),
            article.date.as_deref().unwrap_or("date unknown")
        );
        for excerpt in &article.excerpts {
            let _ = writeln!(out, "  • {}", excerpt.text);
            for f in &excerpt.figures {
                let unit = f.figure.unit.as_deref().unwrap_or("");
                let mut note = String::new();
                if !f.corroborated_by.is_empty() {
                    let _ = write!(note, " [also in: {}", f.corroborated_by.join("; "));
                    if f.more_corroborating > 0 {
                        let _ = write!(note, " and {} more", f.more_corroborating);
                    }
                    note.push(']');
                }
                for other in &f.differs_from {
                    let _ = write!(note, " [{} gives {}", other.article, other.value);
                    if other.sources > 1 {
                        let _ = write!(note, ", as do {} other(s)", other.sources - 1);
                    }
                    note.push(']');
                }
                if f.more_values > 0 {
                    let _ = write!(note, " [{} other value(s)]", f.more_values);
                }
                let _ = writeln!(
                    out,
                    "      {} = {} {unit}{note}",
                    f.figure.surface, f.figure.value
                );
            }
        }
    }
    out
}

pub fn run(name: &str, json: bool, files: &[PathBuf], db: Option<&Path>) -> Result<()> {
    let (atlas, gazetteer) = load_atlas_and_gazetteer()?;
    let Some(feature) = atlas.find_by_name(name) else {
        bail!("no feature of the atlas is called {name:?}; `dispatch-atlas places` lists them");
    };
    let stored = super::corpus::stored_articles(db, &gazetteer)?;
    let corpus = super::corpus::corpus_with(stored, &gazetteer, super::embedded_and(files)?);
    let report = dossier(feature, &corpus);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", text_report(&report))?;
    }
    Ok(())
}
