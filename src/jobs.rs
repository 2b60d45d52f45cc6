//! Work the UI thread must not wait for, run on a thread of its own from a
//! snapshot of the state, reporting an [`Outcome`]. `AppState` queues jobs
//! (`take_jobs`); the UI glue starts them and applies what they report as
//! `Command::JobDone`. (This module knows nothing of the state: no cycle.)
//! [`latest`]: a worker serving only the newest of its requests (the map's
//! GPU scene).
//!
//! A pasted page is read by the reader view here (a saved page can be
//! megabytes). An export of annotated GeoJSON builds the dossier of every feature: with
//! a corpus of 10,000 articles, about 35 s and 400 MB of JSON.

pub mod latest;
pub mod priority;

use crate::tr;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::annotations::Annotations;
use crate::articles::load::{LoadedArticle, article_from_clipboard};
use crate::atlas::{Atlas, Feature, FeatureId};
use crate::dossier::analysis::Corpus;
use crate::export::{ExportOptions, export_features};
use crate::import::prepared::ImportedLayerData;
use crate::render::{Frame, Scene};
use crate::save::write_atomically;

/// A snapshot and what to do with it.
#[derive(Debug)]
pub enum Job {
    /// File → Export annotated GeoJSON (Ctrl+E).
    Export {
        features: Vec<Feature>,
        annotations: Annotations,
        corpus: Corpus,
        path: PathBuf,
    },
    /// File → Export map image: the view drawn and encoded (PNG or SVG).
    ExportImage {
        atlas: Arc<Atlas>,
        annotations: Annotations,
        mention_counts: HashMap<FeatureId, usize>,
        /// Layer id → opacity (features of other layers are opaque).
        layer_opacity: HashMap<String, f32>,
        frame: Frame,
        path: PathBuf,
        /// The language of the map's names and legend.
        language: crate::i18n::Language,
        /// The reference layers shown.
        shown: crate::atlas::reference::Shown,
    },
    /// The annotations written to their autosave file.
    Autosave {
        /// The annotated features of the atlas (copies of those few: a job
        /// holding the atlas would make the next change to the map copy it all).
        features: Vec<Feature>,
        annotations: Annotations,
        layers: Vec<PathBuf>,
        path: PathBuf,
    },
    /// A GeoJSON file read, checked and prepared for the map (levels of
    /// detail, triangles, outline indexes) on every core, counted in
    /// `progress`; `id` is its layer's.
    ImportLayer {
        id: String,
        path: PathBuf,
        progress: Arc<crate::import::Progress>,
    },
    /// Articles → Paste article: the clipboard's HTML (else text) read as
    /// an article, for the user to confirm.
    ReadPasted {
        html: Option<String>,
        text: Option<String>,
    },
}

/// What a finished job reports.
#[derive(Debug)]
pub enum Outcome {
    Exported {
        path: PathBuf,
        /// Features written, or why nothing was.
        result: Result<usize, String>,
    },
    Pasted(LoadedArticle),
    LayerRead {
        id: String,
        path: PathBuf,
        result: Result<Box<ImportedLayerData>, String>,
    },
    ImageWritten {
        path: PathBuf,
        frame: Frame,
        result: Result<(), String>,
    },
    Autosaved {
        path: PathBuf,
        result: Result<(), String>,
    },
}

impl Job {
    /// What the status bar says while it runs.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Export { path, .. } => tr!("job-exporting", file = path.display().to_string()),
            Self::ReadPasted { .. } => tr!("job-reading-paste"),
            Self::ExportImage { path, .. } => {
                tr!("image-drawing", file = path.display().to_string())
            }
            Self::Autosave { .. } => tr!("job-autosaving"),
            Self::ImportLayer { path, .. } => tr!("job-reading", file = path.display().to_string()),
        }
    }

    /// Does the work (on the calling thread).
    #[must_use]
    pub fn run(self) -> Outcome {
        match self {
            Self::Export {
                features,
                annotations,
                corpus,
                path,
            } => {
                let value =
                    export_features(&features, &annotations, &corpus, &ExportOptions::default());
                let count = value["features"].as_array().map_or(0, Vec::len);
                let text = serde_json::to_string(&value).unwrap_or_default();
                let result = write_atomically(&path, text.as_bytes())
                    .map(|()| count)
                    .map_err(|e| e.to_string());
                Outcome::Exported { path, result }
            }
            Self::ExportImage {
                atlas,
                annotations,
                mention_counts,
                layer_opacity,
                frame,
                path,
                language,
                shown,
            } => {
                let opacity = |f: &Feature| {
                    f.id.0
                        .split_once('/')
                        .and_then(|(layer, _)| layer_opacity.get(layer).copied())
                        .unwrap_or(1.0)
                };
                let scene = Scene {
                    atlas: &atlas,
                    annotations: &annotations,
                    mention_counts: &mention_counts,
                    opacity: &opacity,
                    language,
                    shown,
                };
                let result = crate::render::write(&scene, &frame, &path).map_err(|e| e.to_string());
                Outcome::ImageWritten {
                    path,
                    frame,
                    result,
                }
            }
            Self::Autosave {
                features,
                annotations,
                layers,
                path,
            } => {
                let text = crate::annotations::file::annotations_text(
                    &annotations,
                    &|id| features.iter().find(|f| &f.id == id),
                    &layers,
                );
                let result = write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string());
                Outcome::Autosaved { path, result }
            }
            Self::ImportLayer { id, path, progress } => {
                let result = crate::import::import_file_with_progress(&path, &id, &progress)
                    .map(|layer| Box::new(ImportedLayerData::prepare(layer, &progress)))
                    .map_err(|e| e.to_string());
                Outcome::LayerRead { id, path, result }
            }
            Self::ReadPasted { html, text } => {
                Outcome::Pasted(article_from_clipboard(html.as_deref(), text.as_deref()))
            }
        }
    }
}

/// A job running on its thread.
pub struct Running {
    pub label: String,
    /// A layer being read: its file and how far it has got.
    pub progress: Option<(PathBuf, Arc<crate::import::Progress>)>,
    result: Receiver<Outcome>,
}

impl Running {
    /// Starts `job`; `wake` is called when it is done (to repaint).
    pub fn start(job: Job, wake: impl Fn() + Send + 'static) -> Self {
        let label = job.label();
        let progress = match &job {
            Job::ImportLayer { path, progress, .. } => Some((path.clone(), Arc::clone(progress))),
            _ => None,
        };
        let (tx, result) = channel();
        let spawned = std::thread::Builder::new()
            .name("job".into())
            .spawn(move || {
                // The window may have closed meanwhile; nobody listens then.
                let _ = tx.send(job.run());
                wake();
            });
        if let Err(e) = spawned {
            eprintln!("dispatch-atlas: cannot start a background job: {e}");
        }
        Self {
            label,
            progress,
            result,
        }
    }

    /// Waits at most `timeout` for the job to end (the window is closing:
    /// an autosave or an export under way should finish).
    #[must_use]
    pub fn wait(&self, timeout: std::time::Duration) -> bool {
        self.result.recv_timeout(timeout).is_ok()
    }

    /// The job's outcome, once it is done; a job whose thread died says
    /// so in words.
    #[must_use]
    pub fn poll(&self) -> Option<Result<Outcome, String>> {
        match self.result.try_recv() {
            Ok(outcome) => Some(Ok(outcome)),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Err(format!(
                "{} failed: the background job stopped without a result",
                self.label
            ))),
        }
    }
}
