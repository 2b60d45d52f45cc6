//! Any GeoJSON file as a layer of features: a `FeatureCollection`, a `Feature` or
//! a bare geometry, every geometry type.
//!
//! A file that is not JSON, or not GeoJSON, is an error (with the line and
//! column); a feature that cannot be drawn is a warning naming it and why, and
//! the others still load. The top level is parsed with each feature left as
//! a borrowed slice of the file's bytes until its turn, so a large file never
//! exists as one big JSON tree.

pub mod geometry;

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::atlas::feature::{Feature, FeatureGeometry, FeatureId, FeatureKind, label_point};
use crate::geometry::projection::LonLat;
use geometry::{Notes, feature_geometry};

/// Files larger than this are refused (they would not fit in memory drawn).
pub const MAX_BYTES: u64 = 1 << 30;

/// Why a file could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {size} bytes is over the 1 GB limit for imported files")]
    TooLarge { path: String, size: u64 },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not valid JSON at line {line}, column {column}: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: not GeoJSON: {reason}")]
    NotGeoJson { path: String, reason: String },
}

/// A file's features, ready to add to the atlas, and what went wrong on the way.
#[derive(Debug)]
pub struct ImportedLayer {
    pub name: String,
    pub features: Vec<Feature>,
    /// One line per feature skipped or repaired, and per file-level oddity.
    pub warnings: Vec<String>,
}

/// The top level of a GeoJSON text, features left unparsed.
/// Features are borrowed slices of the file's bytes: no copy, no tree.
#[derive(Deserialize)]
struct TopLevel<'a> {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(borrow)]
    features: Option<Vec<&'a RawValue>>,
    crs: Option<Value>,
    // A Feature or a bare geometry at the top: its members, to rebuild it.
    id: Option<Value>,
    #[serde(borrow)]
    properties: Option<&'a RawValue>,
    #[serde(borrow)]
    geometry: Option<&'a RawValue>,
    #[serde(borrow)]
    coordinates: Option<&'a RawValue>,
    #[serde(borrow)]
    geometries: Option<&'a RawValue>,
}

impl TopLevel<'_> {
    /// The top-level object itself (a Feature or a geometry), rebuilt from
    /// the members kept.
    fn rebuild(&self) -> Result<Value, serde_json::Error> {
        let mut object = Map::new();
        if let Some(kind) = &self.kind {
            object.insert("type".into(), kind.clone().into());
        }
        if let Some(id) = &self.id {
            object.insert("id".into(), id.clone());
        }
        let raw = [
            ("properties", &self.properties),
            ("geometry", &self.geometry),
            ("coordinates", &self.coordinates),
            ("geometries", &self.geometries),
        ];
        for (key, value) in raw {
            if let Some(value) = value {
                object.insert(key.into(), serde_json::from_str(value.get())?);
            }
        }
        Ok(Value::Object(object))
    }
}

fn json_error(path: &str, e: &serde_json::Error) -> ImportError {
    ImportError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// Reads and imports a file; `layer` is the layer's id prefix (`layer:3`).
pub fn import_file(path: &Path, layer: &str) -> Result<ImportedLayer, ImportError> {
    import_file_up_to(path, layer, MAX_BYTES)
}

fn import_file_up_to(
    path: &Path,
    layer: &str,
    max_bytes: u64,
) -> Result<ImportedLayer, ImportError> {
    let shown = path.display().to_string();
    let io = |source| ImportError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max_bytes {
        return Err(ImportError::TooLarge { path: shown, size });
    }
    // The bytes are read once (at most 1 GB); the top level is parsed with
    // each feature left as a borrowed slice of them, and features are then
    // parsed one at a time: never a JSON tree of the whole file. (serde's
    // reader-based parsing goes byte by byte and copies every feature.)
    let bytes = std::fs::read(path).map_err(io)?;
    let top: TopLevel<'_> = serde_json::from_slice(&bytes).map_err(|e| json_error(&shown, &e))?;
    let name = path
        .file_stem()
        .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned());
    import_top(&top, &shown, &name, layer)
}

/// Imports GeoJSON text; `path` names it in messages.
pub fn import_str(
    text: &str,
    path: &str,
    name: &str,
    layer: &str,
) -> Result<ImportedLayer, ImportError> {
    let top: TopLevel<'_> = serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
    import_top(&top, path, name, layer)
}

fn import_top(
    top: &TopLevel<'_>,
    path: &str,
    name: &str,
    layer: &str,
) -> Result<ImportedLayer, ImportError> {
    let not_geojson = |reason: String| ImportError::NotGeoJson {
        path: path.to_owned(),
        reason,
    };
    let mut warnings = Vec::new();
    if top.crs.is_some() {
        warnings.push(
            "the file has a \"crs\" member, which RFC 7946 removed: coordinates are read as WGS84 longitude, latitude"
                .to_owned(),
        );
    }
    let mut out = Builder::new(layer);
    match top.kind.as_deref() {
        Some("FeatureCollection") => {
            let features = top
                .features
                .as_ref()
                .ok_or_else(|| not_geojson("a FeatureCollection without \"features\"".into()))?;
            for (n, raw) in features.iter().enumerate() {
                match serde_json::from_str::<Value>(raw.get()) {
                    Ok(value) => out.feature(n, &value),
                    Err(e) => out.skip(n, None, &e.to_string()),
                }
            }
        }
        Some("Feature") => {
            let value = top.rebuild().map_err(|e| json_error(path, &e))?;
            out.feature(0, &value);
        }
        Some(
            "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
            | "GeometryCollection",
        ) => {
            let value = top.rebuild().map_err(|e| json_error(path, &e))?;
            out.geometry(0, None, Map::new(), &value);
        }
        Some(other) => return Err(not_geojson(format!("unknown \"type\" {other:?}"))),
        None => return Err(not_geojson("no \"type\" member at the top".into())),
    }
    warnings.extend(out.summary());
    warnings.extend(out.warnings);
    Ok(ImportedLayer {
        name: name.to_owned(),
        features: out.features,
        warnings,
    })
}

/// Collects features and per-feature warnings.
struct Builder<'a> {
    layer: &'a str,
    features: Vec<Feature>,
    /// The ids given so far (a set: files have thousands of features).
    ids: std::collections::HashSet<FeatureId>,
    warnings: Vec<String>,
    three_d: usize,
    closed_rings: usize,
}

/// Names the feature by the first of these properties it has.
const NAME_KEYS: [&str; 6] = ["name", "NAME", "Name", "title", "label", "name_en"];

impl<'a> Builder<'a> {
    fn new(layer: &'a str) -> Self {
        Self {
            layer,
            features: Vec::new(),
            ids: std::collections::HashSet::new(),
            warnings: Vec::new(),
            three_d: 0,
            closed_rings: 0,
        }
    }

    fn skip(&mut self, n: usize, id: Option<&str>, reason: &str) {
        let which = id.map_or_else(
            || format!("feature {}", n + 1),
            |id| format!("feature {} ({id})", n + 1),
        );
        self.warnings.push(format!("{which} skipped: {reason}"));
    }

    fn feature(&mut self, n: usize, value: &Value) {
        let id = match value.get("id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(x)) => Some(x.to_string()),
            _ => None,
        };
        if value.get("type").and_then(Value::as_str) != Some("Feature") {
            let found = value
                .get("type")
                .map_or_else(|| "no type".to_owned(), Value::to_string);
            return self.skip(n, id.as_deref(), &format!("not a Feature ({found})"));
        }
        let properties = match value.get("properties") {
            Some(Value::Object(p)) => p.clone(),
            None | Some(Value::Null) => Map::new(),
            Some(other) => {
                self.warnings.push(format!(
                    "feature {}: \"properties\" is {} rather than an object; ignored",
                    n + 1,
                    if other.is_array() {
                        "an array"
                    } else {
                        "not an object"
                    }
                ));
                Map::new()
            }
        };
        match value.get("geometry") {
            None | Some(Value::Null) => self.skip(n, id.as_deref(), "no geometry, nothing to draw"),
            Some(geometry) => self.geometry(n, id, properties, geometry),
        }
    }

    fn geometry(
        &mut self,
        n: usize,
        id: Option<String>,
        properties: Map<String, Value>,
        value: &Value,
    ) {
        let mut notes = Notes::default();
        let geometry = match feature_geometry(value, &mut notes) {
            Ok(g) => g,
            Err(reason) => return self.skip(n, id.as_deref(), &reason),
        };
        self.three_d += usize::from(notes.three_d);
        self.closed_rings += notes.closed_rings;
        let Some(label_at) = label_position(&geometry) else {
            return self.skip(n, id.as_deref(), "empty geometry");
        };
        let name = NAME_KEYS
            .iter()
            .find_map(|k| properties.get(*k).and_then(Value::as_str))
            .map(str::to_owned)
            .or_else(|| id.clone())
            .unwrap_or_else(|| format!("Feature {}", n + 1));
        let local = id.unwrap_or_else(|| format!("#{}", n + 1));
        let mut feature_id = FeatureId(format!("{}/{local}", self.layer));
        // Ids must be unique within a layer; a repeated one gets its position.
        if !self.ids.insert(feature_id.clone()) {
            self.warnings.push(format!(
                "feature {}: id {local:?} is used twice; this one is {local}#{}",
                n + 1,
                n + 1
            ));
            feature_id = FeatureId(format!("{}/{local}#{}", self.layer, n + 1));
            self.ids.insert(feature_id.clone());
        }
        self.features.push(Feature {
            id: feature_id,
            name,
            kind: FeatureKind::Imported,
            country: None,
            countries: Vec::new(),
            geometry,
            context: false,
            hidden: false,
            label_at,
            aliases: Vec::new(),
            properties,
            // Heights are not drawn, but exports keep them.
            source_geometry: notes.three_d.then(|| std::sync::Arc::new(value.clone())),
        });
    }

    fn summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.three_d > 0 {
            out.push(format!(
                "{} feature(s) have 3D positions: drawn in 2D, heights kept in exports",
                self.three_d
            ));
        }
        if self.closed_rings > 0 {
            out.push(format!(
                "{} polygon ring(s) were not closed (last position ≠ first); closed them",
                self.closed_rings
            ));
        }
        out
    }
}

/// Areas with more outline than this are labelled at geo's interior point
/// (fast) rather than the pole of inaccessibility (polylabel measures the
/// distance to every edge for every cell it tries: on a world file of
/// regions it was a sixth of the whole opening time).
const POLYLABEL_MAX_VERTICES: usize = 2_000;

/// Where the name goes: inside the largest area, on a point, or at the first
/// position of lines.
fn label_position(geometry: &FeatureGeometry) -> Option<LonLat> {
    use geo::CoordsIter;
    match geometry {
        FeatureGeometry::Point(p) => Some(*p),
        FeatureGeometry::Area(areas) if areas.coords_count() <= POLYLABEL_MAX_VERTICES => {
            label_point(areas)
        }
        FeatureGeometry::Area(areas) => {
            use geo::InteriorPoint;
            areas.interior_point().map(|p| LonLat::from_coord(p.0))
        }
        FeatureGeometry::Other(collection) => {
            collection.coords_iter().next().map(LonLat::from_coord)
        }
    }
}

#[cfg(test)]
mod tests;
