//! `dispatch-atlas export [--articles DIR] [--annotations FILE] [--precision N]
//! [--only-annotated] -o OUT.geojson`: the annotated GeoJSON File → Export
//! writes, without a window.

use std::path::Path;

use anyhow::{Context, Result};

use crate::commands::workspace::{Inputs, Workspace, load};
use crate::export::{ExportOptions, export};
use crate::save::write_atomically;

/// What the command was asked for.
#[derive(Debug)]
pub struct ExportRequest<'a> {
    pub inputs: Inputs<'a>,
    pub precision: u32,
    pub only_annotated: bool,
    pub out: &'a Path,
}

pub fn run(request: &ExportRequest<'_>) -> Result<()> {
    let Workspace {
        atlas,
        corpus,
        annotations,
    } = load(&request.inputs)?;
    let options = ExportOptions {
        precision: request.precision,
        only_annotated: request.only_annotated,
        ..ExportOptions::default()
    };
    let value = export(&atlas, &annotations, &corpus, &options);
    let text = serde_json::to_string(&value).context("serialising the export")?;
    write_atomically(request.out, text.as_bytes())
        .with_context(|| format!("writing {}", request.out.display()))?;
    eprintln!(
        "dispatch-atlas: {} features ({} articles, {} annotated) written to {}",
        value["features"].as_array().map_or(0, Vec::len),
        corpus.len(),
        annotations.notes.len() + annotations.markers.len() + annotations.zones.len(),
        request.out.display()
    );
    Ok(())
}
