//! Any GeoJSON file as a layer of features: a `FeatureCollection`, a `Feature` or
//! a bare geometry, every geometry type.
//!
//! A file that is not JSON, or not GeoJSON, is an error (with the line and
//! column); a feature that cannot be drawn is a warning naming it and why, and
//! the others still load. A collection file is read a window at a time
//! ([`stream`]); anything else, and text in memory, is parsed with each
//! feature left as a borrowed slice of the text. Either way the features are
//! read in parallel (geometries straight into coordinate vectors, properties
//! kept as text), so a large file never exists as a JSON tree.

pub mod geometry;
pub mod prepared;
pub mod stream;

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::atlas::Properties;
use crate::atlas::feature::{Feature, FeatureGeometry, FeatureId, FeatureKind, label_point};
use crate::atlas::properties::Keys;
use crate::geometry::projection::LonLat;
pub use crate::progress::{Progress, Stage};
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
    import_file_up_to(path, layer, MAX_BYTES, &Progress::default())
}

/// [`import_file`], telling `progress` how far it has got.
pub fn import_file_with_progress(
    path: &Path,
    layer: &str,
    progress: &Progress,
) -> Result<ImportedLayer, ImportError> {
    import_file_up_to(path, layer, MAX_BYTES, progress)
}

fn import_file_up_to(
    path: &Path,
    layer: &str,
    max_bytes: u64,
    progress: &Progress,
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
    let name = path
        .file_stem()
        .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned());
    // A collection is read a window at a time (see `stream`): the file's
    // text is never held whole.
    let mut file = std::fs::File::open(path).map_err(io)?;
    // A UTF-8 byte-order mark (Windows tools write one; GDAL reads it) is
    // skipped and said; other encodings are not GeoJSON (RFC 7946: UTF-8).
    let mut start = [0u8; 3];
    let got = std::io::Read::read(&mut file, &mut start).map_err(io)?;
    let bom = bom_of(&start[..got], &shown)?;
    std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(bom.len() as u64)).map_err(io)?;
    if let stream::Streamed::Layer(mut imported) =
        stream::import(&mut file, size - bom.len() as u64, &name, layer, progress).map_err(io)?
    {
        if !bom.is_empty() {
            imported.warnings.insert(0, bom_warning(&shown));
        }
        return Ok(imported);
    }
    // Anything else (a Feature, a geometry, JSON to explain) is read whole
    // (at most 1 GB): the top level is parsed with each feature left as a
    // borrowed slice of the bytes, and the features are then read on every
    // core, geometries straight into coordinate vectors: never a JSON tree
    // of the whole file. (serde's reader-based parsing goes byte by byte
    // and copies every feature.)
    let bytes = std::fs::read(path).map_err(io)?;
    import_bytes(&bytes, &shown, &name, layer, progress)
}

/// Imports a GeoJSON file's bytes read whole; `path` names it in messages.
pub fn import_bytes(
    bytes: &[u8],
    path: &str,
    name: &str,
    layer: &str,
    progress: &Progress,
) -> Result<ImportedLayer, ImportError> {
    let bom = bom_of(bytes, path)?;
    let bytes = &bytes[bom.len()..];
    let top: TopLevel<'_> = serde_json::from_slice(bytes).map_err(|e| json_error(path, &e))?;
    let mut imported = import_top(&top, path, name, layer, progress)?;
    if !bom.is_empty() {
        imported.warnings.insert(0, bom_warning(path));
    }
    Ok(imported)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The UTF-8 byte-order mark `bytes` start with (or nothing); an error for
/// the mark of another encoding.
fn bom_of<'a>(bytes: &[u8], path: &str) -> Result<&'a [u8], ImportError> {
    match encoding_rs::Encoding::for_bom(bytes) {
        None => Ok(&[]),
        Some((encoding, _)) if encoding == encoding_rs::UTF_8 => Ok(UTF8_BOM),
        Some((encoding, _)) => Err(ImportError::NotGeoJson {
            path: path.to_owned(),
            reason: format!(
                "the file is in {}; GeoJSON is UTF-8 (RFC 7946): save it again as UTF-8",
                encoding.name()
            ),
        }),
    }
}

fn bom_warning(path: &str) -> String {
    format!("{path}: starts with a UTF-8 byte-order mark; it was skipped")
}

/// Imports GeoJSON text; `path` names it in messages.
pub fn import_str(
    text: &str,
    path: &str,
    name: &str,
    layer: &str,
) -> Result<ImportedLayer, ImportError> {
    import_bytes(text.as_bytes(), path, name, layer, &Progress::default())
}

fn import_top(
    top: &TopLevel<'_>,
    path: &str,
    name: &str,
    layer: &str,
    progress: &Progress,
) -> Result<ImportedLayer, ImportError> {
    use rayon::prelude::*;
    let not_geojson = |reason: String| ImportError::NotGeoJson {
        path: path.to_owned(),
        reason,
    };
    let mut out = Builder::new(layer);
    match top.kind.as_deref() {
        Some("FeatureCollection") => {
            let features = top
                .features
                .as_ref()
                .ok_or_else(|| not_geojson("a FeatureCollection without \"features\"".into()))?;
            // Features are independent: read on every core, then named in order.
            progress.start(Stage::Checking, features.len());
            let names = features.first().and_then(|f| property_names(f.get()));
            let parsed: Vec<Parsed> = features
                .par_iter()
                .with_min_len(16)
                .map(|raw| {
                    let parsed = parse_feature(raw.get(), names.as_ref());
                    progress.advance();
                    parsed
                })
                .collect();
            for (n, parsed) in parsed.into_iter().enumerate() {
                out.add(n, parsed);
            }
        }
        Some("Feature") => {
            let value = top.rebuild().map_err(|e| json_error(path, &e))?;
            out.add(0, parse_feature(&value.to_string(), None));
        }
        Some(
            "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
            | "GeometryCollection",
        ) => {
            let value = top.rebuild().map_err(|e| json_error(path, &e))?;
            let parsed = Parsed {
                invalid_json: false,
                id: None,
                properties_warning: None,
                outcome: ready(None, &value.to_string(), None),
            };
            out.add(0, parsed);
        }
        Some(other) => return Err(not_geojson(format!("unknown \"type\" {other:?}"))),
        None => return Err(not_geojson("no \"type\" member at the top".into())),
    }
    Ok(out.finish(name, top.crs.is_some().then(crs_warning)))
}

/// The warning for a file with a `"crs"` member.
fn crs_warning() -> String {
    "the file has a \"crs\" member, which RFC 7946 removed: coordinates are read as WGS84 longitude, latitude"
        .to_owned()
}

/// A feature's members, its geometry left as text for the geometry reader.
#[derive(Deserialize)]
struct RawFeature<'a> {
    #[serde(rename = "type")]
    kind: Option<Value>,
    id: Option<Value>,
    /// Kept as text (see [`Properties`]); only the name is read now.
    #[serde(borrow)]
    properties: Option<&'a RawValue>,
    #[serde(borrow)]
    geometry: Option<&'a RawValue>,
}

/// The properties that may name a feature, in the order they are tried.
#[derive(Deserialize, Default)]
#[allow(non_snake_case, reason = "the files' own keys")]
struct NameKeys {
    name: Option<Value>,
    NAME: Option<Value>,
    Name: Option<Value>,
    title: Option<Value>,
    label: Option<Value>,
    name_en: Option<Value>,
}

impl NameKeys {
    fn first(self) -> Option<String> {
        [
            self.name,
            self.NAME,
            self.Name,
            self.title,
            self.label,
            self.name_en,
        ]
        .into_iter()
        .flatten()
        .find_map(|v| match v {
            Value::String(s) => Some(s),
            _ => None,
        })
    }
}

/// One feature read and checked (on any thread), not yet named.
struct Parsed {
    /// The feature's text is not valid JSON: the whole file is refused
    /// (and explained by the whole-file reader).
    invalid_json: bool,
    id: Option<String>,
    /// `"properties"` was neither an object nor null (ignored).
    properties_warning: Option<&'static str>,
    outcome: Result<Ready, String>,
}

/// What a drawable feature brings.
struct Ready {
    properties: Properties,
    /// The first of [`NameKeys`] that is a string.
    name: Option<String>,
    geometry: FeatureGeometry,
    label_at: LonLat,
    notes: Notes,
    source_geometry: Option<std::sync::Arc<Value>>,
}

/// The names of the properties of the feature in `text` (a layer's first),
/// which the features with the same names share (see
/// [`Properties::text_sharing`]).
fn property_names(text: &str) -> Option<Keys> {
    let raw: RawFeature<'_> = serde_json::from_str(text).ok()?;
    crate::atlas::properties::keys_of(raw.properties?.get())
}

/// One feature's text read and checked; its properties share `names` if
/// they have them.
fn parse_feature(text: &str, names: Option<&Keys>) -> Parsed {
    let raw: RawFeature<'_> = match serde_json::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            // A data error ("duplicate field") stops the reading before the
            // rest of the text is checked: check it, as the whole-file
            // reader would.
            let invalid_json = e.is_syntax()
                || e.is_eof()
                || serde_json::from_str::<serde::de::IgnoredAny>(text).is_err();
            return Parsed {
                invalid_json,
                id: None,
                properties_warning: None,
                outcome: Err(e.to_string()),
            };
        }
    };
    let id = match &raw.id {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(x)) => Some(x.to_string()),
        _ => None,
    };
    let (properties, properties_warning) = match raw.properties.map(|p| (p, p.get().trim_start())) {
        Some((raw, text)) if text.starts_with('{') => (Some(raw), None),
        None => (None, None),
        Some((_, text)) if text.starts_with('[') => (None, Some("an array")),
        Some(_) => (None, Some("not an object")),
    };
    let outcome = if raw.kind.as_ref().and_then(Value::as_str) == Some("Feature") {
        match raw.geometry {
            None => Err("no geometry, nothing to draw".to_owned()),
            Some(geometry) => ready(properties, geometry.get(), names),
        }
    } else {
        let found = raw
            .kind
            .as_ref()
            .map_or_else(|| "no type".to_owned(), Value::to_string);
        Err(format!("not a Feature ({found})"))
    };
    Parsed {
        invalid_json: false,
        id,
        properties_warning,
        outcome,
    }
}

/// The geometry read and checked, where the label goes, and the name.
fn ready(
    properties: Option<&RawValue>,
    geometry_text: &str,
    names: Option<&Keys>,
) -> Result<Ready, String> {
    let mut notes = Notes::default();
    let geometry = feature_geometry(geometry_text, &mut notes)?;
    let label_at = label_position(&geometry).ok_or("empty geometry")?;
    // Heights are not drawn, but exports keep them: the source, as read.
    let source_geometry = if notes.three_d {
        serde_json::from_str(geometry_text)
            .ok()
            .map(std::sync::Arc::new)
    } else {
        None
    };
    let name = properties
        .and_then(|p| serde_json::from_str::<NameKeys>(p.get()).ok())
        .and_then(NameKeys::first);
    Ok(Ready {
        properties: properties.map_or_else(Properties::default, |p| {
            Properties::text_sharing(p.get(), names)
        }),
        name,
        geometry,
        label_at,
        notes,
        source_geometry,
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

    /// The `n`th feature of the file (from 0): added, or skipped with a warning.
    fn add(&mut self, n: usize, parsed: Parsed) {
        if let Some(what) = parsed.properties_warning {
            self.warnings.push(format!(
                "feature {}: \"properties\" is {what} rather than an object; ignored",
                n + 1
            ));
        }
        let id = parsed.id;
        let ready = match parsed.outcome {
            Ok(ready) => ready,
            Err(reason) => {
                let which = id.as_ref().map_or_else(
                    || format!("feature {}", n + 1),
                    |id| format!("feature {} ({id})", n + 1),
                );
                self.warnings.push(format!("{which} skipped: {reason}"));
                return;
            }
        };
        self.three_d += usize::from(ready.notes.three_d);
        self.closed_rings += ready.notes.closed_rings;
        let properties = ready.properties;
        let name = ready
            .name
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
            geometry: ready.geometry,
            context: false,
            hidden: false,
            label_at: ready.label_at,
            aliases: Vec::new(),
            properties,
            source_geometry: ready.source_geometry,
            reference: None,
        });
    }

    /// The layer: `crs_warning` first, then what was repaired in all, then
    /// each feature's warning.
    fn finish(self, name: &str, crs_warning: Option<String>) -> ImportedLayer {
        let mut warnings: Vec<String> = crs_warning.into_iter().collect();
        warnings.extend(self.summary());
        warnings.extend(self.warnings);
        ImportedLayer {
            name: name.to_owned(),
            features: self.features,
            warnings,
        }
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

/// Where the name goes: inside the largest area, on a point, or at the first
/// position of lines.
fn label_position(geometry: &FeatureGeometry) -> Option<LonLat> {
    use geo::CoordsIter;
    match geometry {
        FeatureGeometry::Point(p) => Some(*p),
        FeatureGeometry::Area(areas) => label_point(areas),
        FeatureGeometry::Other(collection) => {
            collection.coords_iter().next().map(LonLat::from_coord)
        }
    }
}

#[cfg(test)]
mod tests;
