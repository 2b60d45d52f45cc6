//! Why the atlas could not be built, always naming the file at fault.

/// An error in the atlas's data. Every variant names the file so that a user
/// (or a developer who regenerated `data/`) knows where to look.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{file}: not valid GeoJSON: {source}")]
    GeoJson {
        file: String,
        #[source]
        source: Box<geojson::Error>,
    },
    #[error("{file}: not valid JSON: {source}")]
    Json {
        file: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}: expected a FeatureCollection")]
    NotACollection { file: String },
    #[error("{file}: feature {feature}: {reason}")]
    Feature {
        file: String,
        feature: String,
        reason: String,
    },
    #[error("{file}: zone {zone}: {reason}")]
    Zone {
        file: String,
        zone: String,
        reason: String,
    },
    #[error("{file}: no point is shared by the outlines of {countries}")]
    NoTripoint { file: String, countries: String },
}
