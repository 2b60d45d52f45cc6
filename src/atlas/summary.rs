//! The headless view of the atlas printed by `dispatch-atlas places --json`.

use serde::Serialize;

use super::{Atlas, FeatureGeometry, FeatureKind};

/// One line of `places --json`: points carry `lon`/`lat`, areas a `bbox`
/// (`[west, south, east, north]`, as in GeoJSON).
#[derive(Debug, Serialize, PartialEq)]
#[serde(untagged)]
pub enum PlaceSummary {
    Point {
        name: String,
        kind: FeatureKind,
        country: Option<String>,
        lon: f64,
        lat: f64,
    },
    Area {
        name: String,
        kind: FeatureKind,
        country: Option<String>,
        bbox: [f64; 4],
    },
}

/// Every feature of the atlas, countries first, then regions, places, zones
/// and the tripoint; within a kind, in atlas order.
#[must_use]
pub fn summarize(atlas: &Atlas) -> Vec<PlaceSummary> {
    let order = [
        FeatureKind::Country,
        FeatureKind::Region,
        FeatureKind::City,
        FeatureKind::Zone,
        FeatureKind::Tripoint,
    ];
    order
        .iter()
        .flat_map(|&kind| atlas.features().iter().filter(move |f| f.kind == kind))
        .filter_map(|f| match &f.geometry {
            FeatureGeometry::Point(at) => Some(PlaceSummary::Point {
                name: f.name.clone(),
                kind: f.kind,
                country: f.country.clone(),
                lon: at.lon,
                lat: at.lat,
            }),
            FeatureGeometry::Area(_) | FeatureGeometry::Other(_) => {
                f.bbox().map(|b| PlaceSummary::Area {
                    name: f.name.clone(),
                    kind: f.kind,
                    country: f.country.clone(),
                    bbox: [b.min().x, b.min().y, b.max().x, b.max().y],
                })
            }
        })
        .collect()
}
