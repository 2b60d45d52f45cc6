//! Annotations as a GeoJSON file: the autosave, and File → Save As / Open.
//!
//! The file is a `FeatureCollection` any GIS can open: one feature per marker
//! and per annotated feature (with the atlas's geometry), the annotation in
//! its properties (`note`, `tags`, `colour` with simplestyle's `marker-color`,
//! `fill` and `stroke`, `export`). Reading accepts our own files and our
//! exports; properties it does not know are kept with the annotation and
//! written back unchanged.

use serde_json::{Map, Value, json};

use super::{Annotation, Annotations, Colour, Marker, UserZone, parse_tags};
use crate::atlas::{Atlas, Feature, FeatureId, FeatureKind};
use crate::export::geometry;
use crate::geometry::projection::LonLat;

/// Written at the top of the file, so that a reader knows what it holds.
const FORMAT_MEMBER: &str = "dispatch_atlas";

/// Properties this program writes itself (from the atlas, the annotation or
/// the articles); any other property is the user's or an imported file's and
/// is kept as it is.
pub const OWN_PROPERTIES: &[&str] = &[
    "name",
    "kind",
    "country",
    "note",
    "tags",
    "colour",
    "export",
    "marker-color",
    "fill",
    "stroke",
    "excerpts",
    "figures",
    "mentions",
    "provenance",
];

/// Why a file could not be read as annotations.
#[derive(Debug, thiserror::Error)]
pub enum AnnotationFileError {
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a GeoJSON FeatureCollection or Feature (its \"type\" is {0})")]
    NotFeatures(String),
}

/// The annotation's properties, with simplestyle colours so that uMap,
/// geojson.io and QGIS show the user's colour.
pub fn write_annotation(annotation: &Annotation, properties: &mut Map<String, Value>) {
    for (key, value) in &annotation.extra {
        properties.insert(key.clone(), value.clone());
    }
    if !annotation.note.is_empty() {
        properties.insert("note".into(), annotation.note.clone().into());
    }
    if !annotation.tags.is_empty() {
        properties.insert("tags".into(), json!(annotation.tags));
    }
    if let Some(colour) = annotation.colour {
        let hex = colour.hex();
        for key in ["colour", "marker-color", "fill", "stroke"] {
            properties.insert(key.into(), hex.clone().into());
        }
    }
    properties.insert("export".into(), annotation.export.into());
}

/// The identity properties every written feature carries.
pub fn write_identity(feature: &Feature, properties: &mut Map<String, Value>) {
    properties.insert("name".into(), feature.name.clone().into());
    properties.insert("kind".into(), feature.kind.as_str().into());
    if let Some(country) = &feature.country {
        properties.insert("country".into(), country.clone().into());
    }
}

/// Coordinates in saved annotation files: 6 decimals, about 0.1 m.
pub const FILE_PRECISION: u32 = 6;

/// The text of an annotation file: the annotations and, so that a restart
/// after a crash reopens them (annotations on their features need them), the
/// open layers.
#[must_use]
pub fn annotations_text<'f>(
    annotations: &Annotations,
    feature: &dyn Fn(&FeatureId) -> Option<&'f Feature>,
    layers: &[std::path::PathBuf],
) -> String {
    let mut value = to_geojson_with(annotations, feature, FILE_PRECISION);
    set_layers(&mut value, layers);
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The annotations as a GeoJSON `FeatureCollection`.
#[must_use]
pub fn to_geojson(annotations: &Annotations, atlas: &Atlas, precision: u32) -> Value {
    to_geojson_with(annotations, &|id| atlas.get(id), precision)
}

/// [`to_geojson`], the annotated features found by `feature` (an autosave
/// in the background holds copies of those few, not the whole atlas).
#[must_use]
pub fn to_geojson_with<'f>(
    annotations: &Annotations,
    feature: &dyn Fn(&FeatureId) -> Option<&'f Feature>,
    precision: u32,
) -> Value {
    let mut features = Vec::new();
    let user_features = annotations.user_features();
    let annotated = annotations.notes.iter().map(|(id, a)| (id, Some(a)));
    let unannotated = user_features
        .iter()
        .filter(|f| !annotations.notes.contains_key(&f.id))
        .map(|f| (&f.id, None));
    let mut written: Vec<(&FeatureId, Option<&Annotation>)> =
        unannotated.chain(annotated).collect();
    written.sort_by(|a, b| a.0.cmp(b.0));
    for (id, annotation) in written {
        let feature = user_features
            .iter()
            .find(|f| &f.id == id)
            .or_else(|| feature(id));
        let mut properties = Map::new();
        if let Some(annotation) = annotation {
            write_annotation(annotation, &mut properties);
        }
        let geometry = feature.map_or(Value::Null, |f| {
            write_identity(f, &mut properties);
            geometry::feature_geometry(f, precision)
        });
        features.push(json!({
            "type": "Feature",
            "id": id.0,
            "geometry": geometry,
            "properties": properties,
        }));
    }
    json!({
        "type": "FeatureCollection",
        FORMAT_MEMBER: {
            "content": "annotations",
            "version": 1,
            "next_marker": annotations.next_marker,
            "next_zone": annotations.next_zone,
        },
        "features": features,
    })
}

/// What reading found besides the annotations: features skipped, values
/// that could not be used (each said once, per feature).
pub type Warnings = Vec<String>;

fn json_error(e: &serde_json::Error) -> AnnotationFileError {
    AnnotationFileError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// A drawn zone's corners: the exterior ring of a Polygon, without the
/// closing repeat.
fn zone_corners(geometry: &Value) -> Option<Vec<LonLat>> {
    if geometry.get("type")?.as_str()? != "Polygon" {
        return None;
    }
    let ring = geometry
        .get("coordinates")?
        .as_array()?
        .first()?
        .as_array()?;
    let mut corners = Vec::with_capacity(ring.len());
    for position in ring {
        let c = position.as_array()?;
        let (lon, lat) = (c.first()?.as_f64()?, c.get(1)?.as_f64()?);
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        corners.push(LonLat { lon, lat });
    }
    if corners.len() > 1 && corners.first() == corners.last() {
        corners.pop();
    }
    (corners.len() >= 3).then_some(corners)
}

fn marker_position(geometry: &Value) -> Option<LonLat> {
    if geometry.get("type")?.as_str()? != "Point" {
        return None;
    }
    let c = geometry.get("coordinates")?.as_array()?;
    let (lon, lat) = (c.first()?.as_f64()?, c.get(1)?.as_f64()?);
    ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat))
        .then_some(LonLat { lon, lat })
}

/// Reads one feature's annotation from its properties.
fn read_annotation(
    properties: &Map<String, Value>,
    label: &str,
    warnings: &mut Warnings,
) -> Annotation {
    let mut annotation = Annotation::default();
    for (key, value) in properties {
        match (key.as_str(), value) {
            ("note", Value::String(s)) => s.clone_into(&mut annotation.note),
            ("tags", Value::Array(items)) => {
                let text: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                annotation.tags = parse_tags(&text.join(","));
            }
            ("tags", Value::String(s)) => annotation.tags = parse_tags(s),
            ("colour", Value::String(s)) => match Colour::parse(s) {
                Some(c) => annotation.colour = Some(c),
                None => warnings.push(format!("{label}: colour {s:?} is not #rrggbb; left out")),
            },
            ("export", Value::Bool(b)) => annotation.export = *b,
            (key, _) if OWN_PROPERTIES.contains(&key) => {}
            _ => {
                annotation.extra.insert(key.clone(), value.clone());
            }
        }
    }
    annotation
}

/// Reads annotations from GeoJSON text (our files and our exports).
pub fn from_geojson(text: &str) -> Result<(Annotations, Warnings), AnnotationFileError> {
    from_value(&parse(text)?)
}

/// The text as JSON, or where it stops being JSON.
pub fn parse(text: &str) -> Result<Value, AnnotationFileError> {
    serde_json::from_str(text).map_err(|e| json_error(&e))
}

/// Notes the open layers' paths in a written file (the autosave does, so
/// that a restart after a crash reopens them).
pub fn set_layers(file: &mut Value, layers: &[std::path::PathBuf]) {
    if let Some(member) = file.get_mut(FORMAT_MEMBER) {
        member["layers"] = json!(layers);
    }
}

/// The layers' paths a file notes, if any.
#[must_use]
pub fn layers(file: &Value) -> Vec<std::path::PathBuf> {
    serde_json::from_value(file[FORMAT_MEMBER]["layers"].clone()).unwrap_or_default()
}

/// Reads annotations from parsed GeoJSON.
pub fn from_value(value: &Value) -> Result<(Annotations, Warnings), AnnotationFileError> {
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("missing");
    let features: Vec<&Value> = match kind {
        "FeatureCollection" => value
            .get("features")
            .and_then(Value::as_array)
            .map(|f| f.iter().collect())
            .unwrap_or_default(),
        "Feature" => vec![value],
        other => return Err(AnnotationFileError::NotFeatures(format!("{other:?}"))),
    };
    let mut annotations = Annotations::default();
    let mut warnings = Warnings::new();
    for (n, feature) in features.into_iter().enumerate() {
        let label = format!("feature {}", n + 1);
        let id = match feature.get("id") {
            Some(Value::String(s)) if !s.is_empty() => FeatureId(s.clone()),
            Some(Value::Number(x)) => FeatureId(x.to_string()),
            _ => {
                warnings.push(format!(
                    "{label}: no \"id\", so no feature to attach it to; skipped"
                ));
                continue;
            }
        };
        let empty = Map::new();
        let properties = feature
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let label = format!("{label} ({id})");
        // The user's own markers and zones carry their shape here; a note
        // whose shape is unusable is still kept below, under its id.
        let kind = properties.get("kind").and_then(Value::as_str);
        let name = |default: &str| {
            properties
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_owned()
        };
        let geometry = feature.get("geometry");
        if kind == Some(FeatureKind::Marker.as_str()) {
            match geometry.and_then(marker_position) {
                Some(at) => annotations.markers.push(Marker {
                    id: id.clone(),
                    name: name("Marker"),
                    at,
                }),
                None => warnings.push(format!(
                    "{label}: a marker without a valid lon/lat point; not placed"
                )),
            }
        } else if kind == Some(FeatureKind::UserZone.as_str()) {
            match geometry.and_then(zone_corners) {
                Some(corners) => annotations.zones.push(UserZone {
                    id: id.clone(),
                    name: name("Zone"),
                    corners,
                }),
                None => warnings.push(format!(
                    "{label}: a zone without a valid polygon of three corners or more; not drawn"
                )),
            }
        }
        let annotation = read_annotation(properties, &label, &mut warnings);
        annotations.set_note(id, annotation);
    }
    let numbered = |prefix: &str, ids: &mut dyn Iterator<Item = &FeatureId>| {
        ids.filter_map(|id| id.0.strip_prefix(prefix)?.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
    };
    let stated = |key: &str| {
        value
            .get(FORMAT_MEMBER)
            .and_then(|m| m.get(key))
            .and_then(Value::as_u64)
            .unwrap_or(0)
    };
    annotations.next_marker = numbered(
        "user:marker:",
        &mut annotations.markers.iter().map(|m| &m.id),
    )
    .max(stated("next_marker"));
    annotations.next_zone = numbered("user:zone:", &mut annotations.zones.iter().map(|z| &z.id))
        .max(stated("next_zone"));
    Ok((annotations, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atlas() -> Atlas {
        Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    fn sample() -> Annotations {
        let mut a = Annotations::default();
        a.add_marker(
            "Camp",
            LonLat {
                lon: 2.4,
                lat: 15.9,
            },
        );
        a.add_marker(
            "Well",
            LonLat {
                lon: 0.5,
                lat: 14.7,
            },
        );
        let mut extra = Map::new();
        extra.insert("analyst".into(), json!({"name": "R.", "checked": [1, 2]}));
        a.set_note(
            FeatureId("country:ML".into()),
            Annotation {
                note: "Two reports;\nsecond line".into(),
                tags: vec!["verify".into(), "casualties".into()],
                colour: Some(Colour([0x12, 0xab, 0xef])),
                export: false,
                extra,
            },
        );
        a.set_note(
            FeatureId("user:marker:1".into()),
            Annotation {
                note: "Seen from the road".into(),
                ..Annotation::default()
            },
        );
        a
    }

    #[test]
    fn a_written_file_reads_back_the_same() {
        let atlas = atlas();
        let original = sample();
        let text = to_geojson(&original, &atlas, 6).to_string();
        let (read, warnings) = from_geojson(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(read, original);
    }

    #[test]
    fn features_carry_geometry_identity_and_simplestyle() {
        let value = to_geojson(&sample(), &atlas(), 6);
        let features = value["features"].as_array().cloned().unwrap_or_default();
        assert_eq!(features.len(), 3);
        let mali = features.iter().find(|f| f["id"] == "country:ML");
        let mali = mali.unwrap_or_else(|| panic!("Mali missing"));
        assert_eq!(mali["properties"]["name"], "Mali");
        assert_eq!(mali["properties"]["marker-color"], "#12abef");
        assert_eq!(mali["properties"]["fill"], "#12abef");
        assert_eq!(mali["properties"]["analyst"]["checked"][1], 2);
        assert!(matches!(
            mali["geometry"]["type"].as_str(),
            Some("Polygon" | "MultiPolygon")
        ));
        let camp = features.iter().find(|f| f["id"] == "user:marker:1");
        assert_eq!(
            camp.map(|c| c["geometry"]["coordinates"].clone()),
            Some(json!([2.4, 15.9]))
        );
    }

    #[test]
    fn bad_files_are_explained() {
        let err = from_geojson("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("line 3, column 16"), "{err}");
        let err = from_geojson("{\"type\": \"Point\", \"coordinates\": [0, 0]}").err();
        assert!(err.is_some_and(|e| e.to_string().contains("\"Point\"")));
        let (a, warnings) = from_geojson(
            r#"{"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": null, "properties": {"note": "no id"}},
                {"type": "Feature", "id": "user:marker:4", "geometry": {"type": "Point", "coordinates": [500, 0]},
                 "properties": {"kind": "marker", "note": "far away"}},
                {"type": "Feature", "id": 7, "geometry": null, "properties": {"colour": "blue", "note": "n"}}
            ]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(a.markers.is_empty());
        // The note of the bad marker is not lost: it stays keyed by its id.
        assert_eq!(
            a.note(&FeatureId("user:marker:4".into()))
                .map(|n| n.note.as_str()),
            Some("far away")
        );
        assert_eq!(
            a.note(&FeatureId("7".into())).map(|n| n.note.as_str()),
            Some("n")
        );
    }

    #[test]
    fn marker_numbers_continue_after_the_file() {
        let text = to_geojson(&sample(), &atlas(), 6).to_string();
        let (mut read, _) = from_geojson(&text).unwrap_or_else(|e| panic!("{e}"));
        let id = read.add_marker("New", LonLat { lon: 0.0, lat: 0.0 });
        assert_eq!(id.0, "user:marker:3");
    }
}
