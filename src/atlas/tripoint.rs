//! The point where three countries meet, found in their outlines rather than
//! typed in: Natural Earth's admin-0 outlines come from one topology, so
//! neighbours share their border vertices exactly and a tripoint is the vertex
//! all three outlines have in common.

use std::collections::HashSet;

use geo::CoordsIter;

use super::error::DataError;
use super::feature::{Feature, FeatureGeometry, FeatureId, FeatureKind};
use crate::geometry::projection::LonLat;

/// Vertices equal to the micro-degree (the data's precision) count as shared.
fn key(c: geo::Coord<f64>) -> (i64, i64) {
    ((c.x * 1e6).round() as i64, (c.y * 1e6).round() as i64)
}

fn vertices(feature: &Feature) -> HashSet<(i64, i64)> {
    match &feature.geometry {
        FeatureGeometry::Area(areas) => areas.coords_iter().map(key).collect(),
        FeatureGeometry::Point(_) | FeatureGeometry::Other(_) => HashSet::new(),
    }
}

/// The tripoint of the three countries with these ISO codes, as a feature.
pub fn tripoint(file: &str, countries: &[Feature], codes: [&str; 3]) -> Result<Feature, DataError> {
    let not_found = || DataError::NoTripoint {
        file: file.to_owned(),
        countries: codes.join(", "),
    };
    let outline = |code: &str| {
        countries
            .iter()
            .find(|c| c.kind == FeatureKind::Country && c.country.as_deref() == Some(code))
            .map(vertices)
            .ok_or_else(not_found)
    };
    let [first, second, third] = [outline(codes[0])?, outline(codes[1])?, outline(codes[2])?];
    // Sorted so that, were there several shared vertices, the choice is stable.
    let mut shared: Vec<(i64, i64)> = first
        .iter()
        .filter(|v| second.contains(v) && third.contains(v))
        .copied()
        .collect();
    shared.sort_unstable();
    let &(micro_lon, micro_lat) = shared.first().ok_or_else(not_found)?;
    let at = LonLat {
        lon: micro_lon as f64 / 1e6,
        lat: micro_lat as f64 / 1e6,
    };
    let of_codes = |language| {
        codes
            .iter()
            .filter_map(|code| {
                countries
                    .iter()
                    .find(|c| c.country.as_deref() == Some(*code))
                    .map(|c| c.name_in(language).into_owned())
            })
            .collect::<Vec<String>>()
            .join("–")
    };
    let names = of_codes(crate::i18n::Language::English);
    let mut properties = serde_json::Map::new();
    properties.insert(
        "name_fr".into(),
        format!("Tripoint {}", of_codes(crate::i18n::Language::French)).into(),
    );
    Ok(Feature {
        id: FeatureId(format!("tripoint:{}", codes.join("-"))),
        name: format!("{names} tripoint"),
        kind: FeatureKind::Tripoint,
        country: None,
        countries: codes.iter().map(|c| (*c).to_owned()).collect(),
        geometry: FeatureGeometry::Point(at),
        context: false,
        hidden: false,
        label_at: at,
        aliases: Vec::new(),
        properties: properties.into(),
        source_geometry: None,
        reference: None,
    })
}
