//! Deterministic GeoJSON writing: RFC 7946 winding, 6-decimal coordinates,
//! one feature per line so that data changes read well in `git diff`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use geo::{Geometry, Orient, orient::Direction};
use serde_json::{Map, Value};

/// A feature ready to be written.
pub struct OutFeature {
    pub id: String,
    pub properties: Map<String, Value>,
    pub geometry: Geometry<f64>,
}

/// Cut at the antimeridian (RFC 7946 §3.1.9: world-atlas keeps rings that
/// jump from 179.9° to −180°, and Antarctica as a ring around the pole), then
/// exterior rings counter-clockwise and holes clockwise (§3.1.6).
pub fn orient_rfc7946(geometry: Geometry<f64>) -> Geometry<f64> {
    use dispatch_antimeridian::{crosses, cut_at_antimeridian};
    let areas = match geometry {
        Geometry::Polygon(p) => geo::MultiPolygon::new(vec![p]),
        Geometry::MultiPolygon(mp) => mp,
        other => return other,
    };
    let areas = if crosses(&areas) {
        cut_at_antimeridian(&areas)
    } else {
        areas
    };
    match <[geo::Polygon<f64>; 1]>::try_from(areas.0) {
        Ok([single]) => Geometry::Polygon(single.orient(Direction::Default)),
        Err(parts) => {
            Geometry::MultiPolygon(geo::MultiPolygon::new(parts).orient(Direction::Default))
        }
    }
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn round_coords(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64()
                && let Some(r) = serde_json::Number::from_f64(round6(f))
            {
                *n = r;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(round_coords),
        _ => {}
    }
}

fn feature_json(feature: &OutFeature) -> Value {
    let geometry = geojson::Geometry::new(geojson::Value::from(&feature.geometry));
    let mut geometry = serde_json::to_value(geometry).unwrap_or(Value::Null);
    if let Some(coords) = geometry.get_mut("coordinates") {
        round_coords(coords);
    }
    let mut out = Map::new();
    out.insert("type".into(), "Feature".into());
    out.insert("id".into(), feature.id.clone().into());
    out.insert(
        "properties".into(),
        Value::Object(feature.properties.clone()),
    );
    out.insert("geometry".into(), geometry);
    Value::Object(out)
}

pub fn write(path: &Path, features: &[OutFeature]) -> Result<()> {
    let mut text = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, feature) in features.iter().enumerate() {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(&serde_json::to_string(&feature_json(feature))?);
    }
    text.push_str("\n]}\n");
    let mut file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    Ok(())
}
