//! `dispatch-atlas geoparse --json FILE...`: one JSON object per file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::articles::read::read_text_file;
use crate::atlas::Atlas;
use crate::dossier::analysis::analyse_text;
use crate::figures::Figure;
use crate::geoparse::PlaceMention;
use crate::geoparse::gazetteer::Gazetteer;

#[derive(Serialize)]
struct FileResult<'a> {
    file: &'a str,
    places: Vec<PlaceMention>,
    figures: Vec<Figure>,
}

/// Loads the atlas and the gazetteer with the atlas's zones.
pub fn load_atlas_and_gazetteer() -> Result<(Atlas, Gazetteer)> {
    let atlas = Atlas::load_embedded().context("loading the embedded atlas")?;
    let gazetteer =
        Gazetteer::load_embedded(&atlas.zone_names()).context("loading the gazetteer")?;
    Ok((atlas, gazetteer))
}

/// Runs the command; a file that cannot be read is reported on stderr and
/// makes the exit status non-zero, the others are still printed.
pub fn run(files: &[PathBuf]) -> Result<()> {
    let (_, gazetteer) = load_atlas_and_gazetteer()?;
    let mut out = std::io::stdout().lock();
    let mut failed = 0usize;
    for path in files {
        match read_text_file(path) {
            Ok(file) => {
                for warning in &file.warnings {
                    eprintln!("dispatch-atlas: {warning}");
                }
                let name = path.to_string_lossy();
                let (places, figures) = analyse_text(&gazetteer, &file.text);
                let result = FileResult {
                    file: &name,
                    places,
                    figures,
                };
                serde_json::to_writer(&mut out, &result)?;
                writeln!(out)?;
            }
            Err(err) => {
                eprintln!("dispatch-atlas: {err}");
                failed += 1;
            }
        }
    }
    out.flush()?;
    anyhow::ensure!(
        failed == 0,
        "{failed} of {} file(s) could not be read",
        files.len()
    );
    Ok(())
}
