//! `dispatch-atlas geoparse --json FILE...`: one JSON object per file.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

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
/// makes the exit status non-zero, the others are still printed. With
/// `timing`, the time spent analysing (not reading, not writing) and the
/// bytes analysed go to stderr at the end.
pub fn run(files: &[PathBuf], timing: bool) -> Result<()> {
    let (_, gazetteer) = load_atlas_and_gazetteer()?;
    // Buffered: stdout is line-buffered, and a file's JSON comes as many
    // small writes, each scanned for a line break.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0usize;
    let (mut analysing, mut analysed_bytes) = (Duration::ZERO, 0usize);
    for path in files {
        match read_text_file(path) {
            Ok(file) => {
                for warning in &file.warnings {
                    eprintln!("dispatch-atlas: {warning}");
                }
                let name = path.to_string_lossy();
                let started = Instant::now();
                let (places, figures) = analyse_text(&gazetteer, &file.text);
                analysing += started.elapsed();
                analysed_bytes += file.text.len();
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
    if timing {
        let seconds = analysing.as_secs_f64();
        #[allow(
            clippy::cast_precision_loss,
            reason = "a byte count far below 2^52, printed as megabytes"
        )]
        let megabytes = analysed_bytes as f64 / 1e6;
        eprintln!(
            "analysed {analysed_bytes} bytes in {:.1} ms: {:.1} MB/s",
            seconds * 1e3,
            megabytes / seconds.max(f64::MIN_POSITIVE)
        );
    }
    anyhow::ensure!(
        failed == 0,
        "{failed} of {} file(s) could not be read",
        files.len()
    );
    Ok(())
}
