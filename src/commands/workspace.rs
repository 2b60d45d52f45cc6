//! What `export` and `render` both load, as the app has it: the atlas, the
//! stored corpus, the embedded reports and a folder of articles (their towns
//! added to the map), GeoJSON layers, and an annotations file (markers and
//! zones added).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::annotations::Annotations;
use crate::annotations::file::from_geojson;
use crate::atlas::Atlas;
use crate::commands::geoparse::load_atlas_and_gazetteer;
use crate::dossier::analysis::Corpus;
use crate::dossier::places_to_add;
use crate::import::import_file;
use crate::library::article_files_in;
use crate::state::layer_id;

/// The files a headless command was given.
#[derive(Debug, Default)]
pub struct Inputs<'a> {
    pub articles_dir: Option<&'a Path>,
    pub annotations: Option<&'a Path>,
    pub layers: &'a [PathBuf],
    /// The corpus store (`None`: the window's, if there is one).
    pub db: Option<&'a Path>,
}

/// Everything loaded.
#[derive(Debug)]
pub struct Workspace {
    pub atlas: Atlas,
    pub corpus: Corpus,
    pub annotations: Annotations,
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

pub fn load(inputs: &Inputs<'_>) -> Result<Workspace> {
    let (mut atlas, gazetteer) = load_atlas_and_gazetteer()?;
    let files: Vec<PathBuf> = match inputs.articles_dir {
        Some(dir) => {
            anyhow::ensure!(dir.is_dir(), "--articles {}: not a folder", dir.display());
            article_files_in(dir)
        }
        None => Vec::new(),
    };
    // The stored corpus (as the window sees it), the embedded reports and the
    // folder's files, each text once.
    let stored = super::corpus::stored_articles(inputs.db, &gazetteer)?;
    let corpus = super::corpus::corpus_with(stored, &gazetteer, super::embedded_and(&files)?);
    // Towns the articles name that the atlas lacks, as in the app.
    for article in corpus.articles() {
        atlas.add_points(places_to_add(&atlas, article));
    }
    for path in inputs.layers {
        let layer = import_file(path, &layer_id(path))?;
        for warning in &layer.warnings {
            eprintln!("dispatch-atlas: {}: {warning}", path.display());
        }
        atlas.add_features(layer.features);
    }
    let annotations = match inputs.annotations {
        Some(path) => read_annotations(path)?,
        None => Annotations::default(),
    };
    for feature in annotations.user_features() {
        atlas.upsert(feature);
    }
    Ok(Workspace {
        atlas,
        corpus,
        annotations,
    })
}
