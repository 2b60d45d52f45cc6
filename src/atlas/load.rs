//! GeoJSON text to [`Feature`]s, for the data files the atlas embeds.

use geo::{Geometry, MultiPolygon};
use serde_json::{Map, Value};

use super::error::DataError;
use super::feature::{Feature, FeatureGeometry, FeatureId, FeatureKind, label_point};
use crate::geometry::projection::LonLat;

/// One GeoJSON file and the name to report it by.
#[derive(Clone, Copy, Debug)]
pub struct DataFile {
    pub name: &'static str,
    pub text: &'static str,
}

/// A feature as read from a data file, before it is given a kind.
pub struct RawFeature {
    pub id: String,
    pub properties: Map<String, Value>,
    pub geometry: Geometry<f64>,
}

/// Parses `file` as a `FeatureCollection`.
pub fn read_collection(file: &DataFile) -> Result<Vec<RawFeature>, DataError> {
    let parsed: geojson::GeoJson = file.text.parse().map_err(|source| DataError::GeoJson {
        file: file.name.to_owned(),
        source: Box::new(source),
    })?;
    let geojson::GeoJson::FeatureCollection(collection) = parsed else {
        return Err(DataError::NotACollection {
            file: file.name.to_owned(),
        });
    };
    let mut out = Vec::with_capacity(collection.features.len());
    for (n, feature) in collection.features.into_iter().enumerate() {
        let id = match &feature.id {
            Some(geojson::feature::Id::String(s)) => s.clone(),
            Some(geojson::feature::Id::Number(num)) => num.to_string(),
            None => format!("#{n}"),
        };
        let fail = |reason: String| DataError::Feature {
            file: file.name.to_owned(),
            feature: id.clone(),
            reason,
        };
        let geometry = feature
            .geometry
            .ok_or_else(|| fail("has no geometry".into()))?;
        let geometry: Geometry<f64> = geometry
            .try_into()
            .map_err(|e: geojson::Error| fail(e.to_string()))?;
        out.push(RawFeature {
            id,
            properties: feature.properties.unwrap_or_default(),
            geometry,
        });
    }
    Ok(out)
}

/// A required string property, or an error naming file, feature and property.
pub fn required_str(
    file: &DataFile,
    id: &str,
    properties: &Map<String, Value>,
    key: &str,
) -> Result<String, DataError> {
    properties
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| DataError::Feature {
            file: file.name.to_owned(),
            feature: id.to_owned(),
            reason: format!("property {key:?} is missing or not a string"),
        })
}

fn optional_str(properties: &Map<String, Value>, key: &str) -> Option<String> {
    properties
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub(super) fn into_areas(
    file: &DataFile,
    id: &str,
    geometry: Geometry<f64>,
) -> Result<MultiPolygon<f64>, DataError> {
    match geometry {
        Geometry::Polygon(p) => Ok(MultiPolygon(vec![p])),
        Geometry::MultiPolygon(mp) => Ok(mp),
        other => Err(DataError::Feature {
            file: file.name.to_owned(),
            feature: id.to_owned(),
            reason: format!("expected a Polygon or MultiPolygon, found {other:?}")
                .chars()
                .take(120)
                .collect(),
        }),
    }
}

fn area_feature(
    file: &DataFile,
    id: String,
    name: String,
    kind: FeatureKind,
    areas: MultiPolygon<f64>,
    properties: Map<String, Value>,
) -> Result<Feature, DataError> {
    let label_at = label_point(&areas).ok_or_else(|| DataError::Feature {
        file: file.name.to_owned(),
        feature: id.clone(),
        reason: "has an empty outline".into(),
    })?;
    let aliases = ["name_fr", "name_de", "name_alt"]
        .iter()
        .filter_map(|k| optional_str(&properties, k))
        .filter(|a| *a != name)
        .fold(Vec::new(), |mut acc, a| {
            if !acc.contains(&a) {
                acc.push(a);
            }
            acc
        });
    Ok(Feature {
        id: FeatureId(id),
        name,
        kind,
        country: optional_str(&properties, "iso_a2"),
        countries: Vec::new(),
        geometry: FeatureGeometry::Area(areas),
        context: false,
        hidden: false,
        label_at,
        aliases,
        properties: properties.into(),
        source_geometry: None,
        reference: None,
    })
}

/// Countries; those not in `focus` are drawn as context.
pub fn countries(file: &DataFile, focus: &[&str]) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let name = required_str(file, &id, &properties, "name")?;
                let areas = into_areas(file, &id, geometry)?;
                let mut feature =
                    area_feature(file, id, name, FeatureKind::Country, areas, properties)?;
                feature.context = feature
                    .country
                    .as_deref()
                    .is_none_or(|c| !focus.contains(&c));
                Ok(feature)
            },
        )
        .collect()
}

/// Admin-1 regions. Natural Earth's own label point is used when present.
pub fn regions(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let name = required_str(file, &id, &properties, "name")?;
                let areas = into_areas(file, &id, geometry)?;
                let ne_label = match (
                    properties.get("longitude").and_then(Value::as_f64),
                    properties.get("latitude").and_then(Value::as_f64),
                ) {
                    (Some(lon), Some(lat)) => Some(LonLat { lon, lat }),
                    _ => None,
                };
                let mut feature =
                    area_feature(file, id, name, FeatureKind::Region, areas, properties)?;
                if let Some(label) = ne_label {
                    feature.label_at = label;
                }
                Ok(feature)
            },
        )
        .collect()
}

/// Populated places (GeoNames points).
pub fn places(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let name = required_str(file, &id, &properties, "name")?;
                let Geometry::Point(point) = geometry else {
                    return Err(DataError::Feature {
                        file: file.name.to_owned(),
                        feature: id,
                        reason: "expected a Point".into(),
                    });
                };
                let at = LonLat::from_coord(point.0);
                let country = optional_str(&properties, "iso_a2");
                Ok(Feature::town(id, name, country, at, properties))
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_is_named_in_the_error() {
        let file = DataFile {
            name: "data/broken.geojson",
            text: "{\"type\": \"FeatureCollection\", \"features\": [",
        };
        let err = countries(&file, &[])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("data/broken.geojson: not valid GeoJSON"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_name_is_reported_with_file_and_feature() {
        let file = DataFile {
            name: "data/x.geojson",
            text: r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"country:XX","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#,
        };
        let err = countries(&file, &[])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "data/x.geojson: feature country:XX: property \"name\" is missing or not a string"
        );
    }

    #[test]
    fn a_point_where_an_area_belongs_is_refused() {
        let file = DataFile {
            name: "data/x.geojson",
            text: r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"r","properties":{"name":"R"},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#,
        };
        let err = regions(&file)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("expected a Polygon or MultiPolygon"), "{err}");
    }
}
