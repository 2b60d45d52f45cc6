//! Imported GeoJSON layers: their features live in the atlas (drawn, picked,
//! annotated and given dossiers like any other); this keeps what belongs to
//! each file, whether it is shown, how opaque, and what went wrong reading it.

use crate::tr;
use std::path::PathBuf;

use super::AppState;
use crate::atlas::{Feature, FeatureId, Prepared};

/// A layer's id: `layer:` and a hash of the file's absolute path, so that
/// the same file opened in another session has the same feature ids (and
/// its features get their annotations back). FNV-1a, which never changes.
#[must_use]
pub fn layer_id(path: &std::path::Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in absolute.to_string_lossy().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("layer:{:08x}", hash >> 32)
}

/// One opened file.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// `layer:` and a hash of the path ([`layer_id`]), the prefix of its features' ids.
    pub id: String,
    pub name: String,
    pub path: PathBuf,
    pub visible: bool,
    /// 0 (invisible) to 1.
    pub opacity: f32,
    pub features: Vec<FeatureId>,
    /// Features skipped or repaired while reading.
    pub warnings: Vec<String>,
}

/// What the user can do to layers.
#[derive(Debug, Clone)]
pub enum LayerCommand {
    /// Read these GeoJSON files as layers (in the background).
    Import(Vec<PathBuf>),
    /// A file was read (from the import worker) as layer `id`.
    Imported {
        id: String,
        path: PathBuf,
        data: Box<ImportedLayerData>,
    },
    /// How far the reader of a file has got (from the UI glue, each frame).
    Progress {
        path: PathBuf,
        progress: crate::progress::Snapshot,
    },
    /// A file could not be read at all (from the import worker).
    Failed {
        path: PathBuf,
        message: String,
    },
    SetVisible(String, bool),
    SetOpacity(String, f32),
    ZoomTo(String),
    /// Hides the layer's features and drops it from the list.
    Remove(String),
    ShowPanel(bool),
}

pub use crate::import::prepared::ImportedLayerData;

impl AppState {
    /// Hands the files asked for to a reader, each with the id its layer
    /// will have. A file already open (or being read) is not read twice.
    pub fn take_requested_imports(&mut self) -> Vec<(String, PathBuf)> {
        let paths: Vec<PathBuf> = self.requested_imports.drain(..).collect();
        let mut out = Vec::new();
        for path in paths {
            let id = layer_id(&path);
            let open = self.layers.iter().any(|l| l.id == id)
                || self.importing.iter().any(|p| layer_id(p) == id);
            if open {
                self.status = Some(format!("{} is already open", path.display()));
                continue;
            }
            self.importing.push(path.clone());
            out.push((id, path));
        }
        out
    }

    /// The paths of the open layers (remembered between runs).
    #[must_use]
    pub fn layer_paths(&self) -> Vec<PathBuf> {
        self.layers.iter().map(|l| l.path.clone()).collect()
    }

    /// Whether `path` looks like GeoJSON (opened as a layer, not an article).
    #[must_use]
    pub fn is_geojson_path(path: &std::path::Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"))
    }

    /// The opacity of the layer a feature belongs to (1 for the atlas's own).
    #[must_use]
    pub fn layer_opacity(&self, feature: &Feature) -> f32 {
        feature
            .id
            .0
            .split_once('/')
            .and_then(|(prefix, _)| self.layers.iter().find(|l| l.id == prefix))
            .map_or(1.0, |l| l.opacity)
    }

    pub(super) fn apply_layer(&mut self, command: LayerCommand) {
        match command {
            LayerCommand::Import(paths) => {
                self.requested_imports.extend(paths);
                self.dialogs.file = None;
            }
            LayerCommand::Progress { path, progress } => {
                // Nothing drawn changes: the layer generation stays.
                self.import_progress.insert(path, progress);
                return;
            }
            LayerCommand::Imported { id, path, data } => {
                self.importing.retain(|p| p != &path);
                self.import_progress.remove(&path);
                self.add_layer(&id, path, *data);
                self.autosave_now();
            }
            LayerCommand::Failed { path, message } => {
                self.importing.retain(|p| p != &path);
                self.import_progress.remove(&path);
                self.messages.push(message);
            }
            LayerCommand::SetVisible(id, visible) => {
                if let Some(layer) = self.layers.iter_mut().find(|l| l.id == id) {
                    layer.visible = visible;
                    let ids = layer.features.clone();
                    self.atlas_mut().set_hidden(&ids, !visible);
                    if !visible && self.selected.as_ref().is_some_and(|s| ids.contains(s)) {
                        self.selected = None;
                    }
                }
            }
            LayerCommand::SetOpacity(id, opacity) => {
                if let Some(layer) = self.layers.iter_mut().find(|l| l.id == id)
                    && opacity.is_finite()
                {
                    layer.opacity = opacity.clamp(0.0, 1.0);
                }
            }
            LayerCommand::ZoomTo(id) => self.zoom_to_layer(&id),
            LayerCommand::Remove(id) => {
                if let Some(position) = self.layers.iter().position(|l| l.id == id) {
                    let layer = self.layers.remove(position);
                    self.atlas_mut().set_hidden(&layer.features, true);
                    if self
                        .selected
                        .as_ref()
                        .is_some_and(|s| layer.features.contains(s))
                    {
                        self.selected = None;
                    }
                    self.status = Some(tr!("layer-closed", name = layer.name.as_str()));
                    self.autosave_now();
                }
            }
            LayerCommand::ShowPanel(open) => self.dialogs.layers = open,
        }
        self.layer_generation += 1;
    }

    fn add_layer(&mut self, id: &str, path: PathBuf, data: ImportedLayerData) {
        // The reader named the features with the id it was given; make sure.
        let prefix = format!("{id}/");
        let features: Vec<Prepared> = data
            .features
            .into_iter()
            .filter(|p| p.feature.id.0.starts_with(&prefix))
            .collect();
        let ids: Vec<FeatureId> = features.iter().map(|p| p.feature.id.clone()).collect();
        let count = ids.len();
        self.atlas_mut().add_prepared(features);
        // Reopened after Close layer: its features are there, hidden.
        self.atlas_mut().set_hidden(&ids, false);
        self.status = Some(format!(
            "{}: {count} feature(s){}",
            data.name,
            if data.warnings.is_empty() {
                String::new()
            } else {
                format!(", {} warning(s) (see Layers)", data.warnings.len())
            }
        ));
        self.layers.push(Layer {
            id: id.to_owned(),
            name: data.name,
            path,
            visible: true,
            opacity: 1.0,
            features: ids,
            warnings: data.warnings,
        });
        self.dialogs.layers = true;
        self.zoom_to_layer(id);
        self.recount_areas();
    }

    fn zoom_to_layer(&mut self, id: &str) {
        let Some(layer) = self.layers.iter().find(|l| l.id == id) else {
            return;
        };
        let mut extent: Option<geo::Rect<f64>> = None;
        for b in layer
            .features
            .iter()
            .filter_map(|f| self.atlas.get(f))
            .filter_map(Feature::bbox)
        {
            extent = Some(crate::export::geometry::union(extent, b));
        }
        if let Some(b) = extent {
            self.fit_box(b);
        }
    }
}

#[cfg(test)]
mod tests;
