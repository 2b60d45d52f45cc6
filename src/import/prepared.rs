//! A layer read and made ready for the map off the UI thread.

use super::ImportedLayer;
use crate::atlas::Prepared;

/// An imported layer as a command carries it: its features already
/// prepared for drawing and picking, so the UI thread only moves them in.
#[derive(Debug, Clone)]
pub struct ImportedLayerData {
    pub name: String,
    pub features: Vec<Prepared>,
    pub warnings: Vec<String>,
}

impl ImportedLayerData {
    /// Prepares the features (levels of detail, triangles, outline
    /// indexes) on every core, counting them in `progress`: call it on the
    /// reader's thread.
    #[must_use]
    pub fn prepare(layer: ImportedLayer, progress: &crate::import::Progress) -> Self {
        Self {
            name: layer.name,
            features: Prepared::all_with_progress(layer.features, progress),
            warnings: layer.warnings,
        }
    }
}

impl From<ImportedLayer> for ImportedLayerData {
    fn from(layer: ImportedLayer) -> Self {
        Self::prepare(layer, &crate::import::Progress::default())
    }
}
