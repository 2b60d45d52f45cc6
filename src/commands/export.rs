//! `dispatch-atlas export [--articles DIR] [--annotations FILE] [--precision N]
//! [--only-annotated] -o OUT.geojson`: the annotated GeoJSON File → Export
//! writes, without a window.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::annotations::Annotations;
use crate::annotations::file::from_geojson;
use crate::commands::geoparse::load_atlas_and_gazetteer;
use crate::dossier::analysis::Corpus;
use crate::dossier::places_to_add;
use crate::export::{ExportOptions, export};
use crate::import::import_file;
use crate::library::article_files_in;
use crate::save::write_atomically;
use crate::state::layer_id;

/// What the command was asked for.
#[derive(Debug)]
pub struct ExportRequest<'a> {
    pub articles_dir: Option<&'a Path>,
    pub annotations: Option<&'a Path>,
    pub layers: &'a [PathBuf],
    pub precision: u32,
    pub only_annotated: bool,
    pub out: &'a Path,
}

fn read_annotations(path: &Path) -> Result<Annotations> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading annotations from {}", path.display()))?;
    let (annotations, warnings) = from_geojson(&text)
        .with_context(|| format!("reading annotations from {}", path.display()))?;
    for warning in warnings {
        eprintln!("dispatch-atlas: {}: {warning}", path.display());
    }
    Ok(annotations)
}

pub fn run(request: &ExportRequest<'_>) -> Result<()> {
    let (mut atlas, gazetteer) = load_atlas_and_gazetteer()?;
    let files: Vec<PathBuf> = match request.articles_dir {
        Some(dir) => {
            anyhow::ensure!(dir.is_dir(), "--articles {}: not a folder", dir.display());
            article_files_in(dir)
        }
        None => Vec::new(),
    };
    let corpus = Corpus::analyse(&gazetteer, super::embedded_and(&files)?);
    // Towns the articles name that the atlas lacks are exported too, as in the app.
    for article in &corpus.articles {
        atlas.add_points(places_to_add(atlas.features(), article));
    }
    for path in request.layers {
        let layer = import_file(path, &layer_id(path))?;
        for warning in &layer.warnings {
            eprintln!("dispatch-atlas: {}: {warning}", path.display());
        }
        atlas.add_features(layer.features);
    }
    let annotations = match request.annotations {
        Some(path) => read_annotations(path)?,
        None => Annotations::default(),
    };
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
        corpus.articles.len(),
        annotations.notes.len() + annotations.markers.len(),
        request.out.display()
    );
    Ok(())
}
