//! Named physical regions (`physical.geojson`) from Natural Earth 1:10m's
//! geography regions (public domain): the Sahel, the Sahara, the Ténéré,
//! the Aïr, the Niger Delta… with their outlines, so that the map can name
//! them and a dossier can gather what lies in them.
//!
//! What is kept, by one rule (no feature is picked by hand):
//! - the classes of land a report names as a region ([`KEPT_CLASSES`]);
//!   not islands (their names are those of countries and provinces:
//!   Madagascar, Japan), coasts (Ivory Coast, Gold Coast: a country and a
//!   town), continents (the gazetteer has them from GeoNames) nor lakes
//!   (the lakes layer);
//! - in Africa's box ([`crate::natural_earth::AFRICA_BOX`]) those of
//!   `scalerank` ≤ [`AFRICA_RANK`], simplified to [`AFRICA_SIMPLIFY_DEG`];
//!   elsewhere those of `scalerank` ≤ [`WORLD_RANK`], simplified to
//!   [`crate::natural_earth::WORLD_SIMPLIFY_DEG`];
//! - features of one name (the Great Rift Valley comes in two parts) are
//!   one region; its parts smaller than [`MIN_PART_SHARE`] of its largest
//!   are left out (Natural Earth's tiling leaves slivers along its edges:
//!   431 of 729 parts, which cost the first frame time for nothing drawn).
//!
//! Each region's representative point (`label`) is the pole of
//! inaccessibility of its largest polygon (polylabel, tolerance a 25th of
//! its size): the rule the app uses to place an area's name, and the point
//! the gazetteer gives the region.

use anyhow::{Context, Result};
use geo::{Area, BoundingRect, Simplify};
use serde_json::{Map, Value};

use crate::geojson_out::OutFeature;
use crate::natural_earth::{WORLD_SIMPLIFY_DEG, geometry_of, in_africa, slug, text, title_case};

/// The pole of inaccessibility of `polygon` (polylabel, tolerance a 25th
/// of its size), as `[lon, lat]`.
fn pole(polygon: &geo::Polygon<f64>) -> Option<[f64; 2]> {
    let size = polygon
        .bounding_rect()
        .map_or(0.0, |b| b.width().max(b.height()));
    let label = polylabel::polylabel(polygon, &(size / 25.0).max(1e-6)).ok()?;
    Some([label.x(), label.y()])
}

/// The pole of the largest polygon of an area (`None` for lines and points).
pub fn pole_of_largest(geometry: &geo::Geometry<f64>) -> Option<[f64; 2]> {
    match geometry {
        geo::Geometry::Polygon(p) => pole(p),
        geo::Geometry::MultiPolygon(m) => {
            m.0.iter()
                .max_by(|x, y| x.unsigned_area().total_cmp(&y.unsigned_area()))
                .and_then(pole)
        }
        _ => None,
    }
}

/// Natural Earth's `featurecla` values kept.
pub const KEPT_CLASSES: [&str; 16] = [
    "Desert",
    "Plain",
    "Plateau",
    "Basin",
    "Geoarea",
    "Range/mtn",
    "Pen/cape",
    "Peninsula",
    "Delta",
    "Depression",
    "Valley",
    "Lowland",
    "Wetlands",
    "Tundra",
    "Foothills",
    "Isthmus",
];

/// In Africa's box, regions of this `scalerank` or more important: the
/// Ténéré, the Aïr, the Adrar des Ifoghas' neighbours, El Djouf.
const AFRICA_RANK: u64 = 4;
/// Elsewhere, regions of this `scalerank` or more important (the Sahara's
/// peers: Gobi, Alps, Siberia, Patagonia…).
const WORLD_RANK: u64 = 2;
/// In Africa's box, outlines simplified to this tolerance (degrees, about
/// 1 km): a region's outline is drawn only when it is selected.
const AFRICA_SIMPLIFY_DEG: f64 = 0.01;

/// A part smaller than this share of its region's largest part is left out.
const MIN_PART_SHARE: f64 = 0.02;

/// One region being gathered: its name, properties and parts.
struct Region {
    properties: Map<String, Value>,
    parts: Vec<geo::Polygon<f64>>,
}

/// The physical regions kept, in the source's order, one per name.
pub fn build(features: &[Value]) -> Result<Vec<OutFeature>> {
    let mut regions: Vec<(String, Region)> = Vec::new();
    for feature in features {
        let p = feature
            .get("properties")
            .context("a region without properties")?;
        let (Some(name), Some(class)) = (text(p, "name"), text(p, "featurecla")) else {
            continue;
        };
        if !KEPT_CLASSES.contains(&class.as_str()) {
            continue;
        }
        let Some(geometry) = geometry_of(feature) else {
            continue;
        };
        let Some(rect) = geometry.bounding_rect() else {
            continue;
        };
        let rank = p
            .get("scalerank")
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX);
        let africa = in_africa(rect);
        let tolerance = if africa && rank <= AFRICA_RANK {
            AFRICA_SIMPLIFY_DEG
        } else if rank <= WORLD_RANK {
            WORLD_SIMPLIFY_DEG
        } else {
            continue;
        };
        let parts: Vec<geo::Polygon<f64>> = match geometry {
            geo::Geometry::Polygon(a) => vec![a],
            geo::Geometry::MultiPolygon(a) => a.0,
            _ => continue,
        };
        let parts = parts
            .into_iter()
            .map(|a| a.simplify(tolerance))
            .filter(|a| a.exterior().0.len() >= 4);
        // "‘Erg Chech": Natural Earth keeps the transliterated ayn.
        let name = title_case(name.trim_start_matches(['‘', '’', '\'']));
        if let Some((_, region)) = regions.iter_mut().find(|(n, _)| *n == name) {
            region.parts.extend(parts);
            continue;
        }
        let mut properties = Map::new();
        properties.insert("name".into(), name.clone().into());
        if let Some(alt) = text(p, "namealt") {
            properties.insert("name_alt".into(), title_case(&alt).into());
        }
        properties.insert("featurecla".into(), class.into());
        for key in ["scalerank", "min_label", "region"] {
            properties.insert(key.into(), p.get(key).cloned().unwrap_or(Value::Null));
        }
        regions.push((
            name,
            Region {
                properties,
                parts: parts.collect(),
            },
        ));
    }
    let mut out = Vec::new();
    for (
        name,
        Region {
            mut properties,
            parts,
        },
    ) in regions
    {
        let Some(largest) = parts
            .iter()
            .max_by(|x, y| x.unsigned_area().total_cmp(&y.unsigned_area()))
            .cloned()
        else {
            continue;
        };
        let floor = largest.unsigned_area() * MIN_PART_SHARE;
        let parts: Vec<geo::Polygon<f64>> = parts
            .into_iter()
            .filter(|p| p.unsigned_area() >= floor)
            .collect();
        let Some(label) = pole(&largest) else {
            continue;
        };
        properties.insert("label".into(), serde_json::json!(label));
        out.push(OutFeature {
            id: format!("ne:physical:{}", slug(&name)),
            properties,
            geometry: crate::geojson_out::orient_rfc7946(geo::Geometry::MultiPolygon(
                geo::MultiPolygon(parts),
            )),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(name: &str, class: &str, rank: u64, lon: f64, lat: f64) -> Value {
        serde_json::json!({
            "type": "Feature",
            "properties": {"name": name, "featurecla": class, "scalerank": rank, "min_label": 3.0},
            "geometry": {"type": "Polygon", "coordinates": [[
                [lon, lat], [lon + 2.0, lat], [lon + 2.0, lat + 1.0], [lon, lat + 1.0], [lon, lat]
            ]]},
        })
    }

    #[test]
    fn the_kept_classes_and_ranks_make_one_region_per_name() {
        let features = [
            region("SAHEL", "Plain", 2, 0.0, 14.0),
            // Islands and coasts share their names with countries.
            region("MADAGASCAR", "Island", 1, 46.0, -20.0),
            region("Ivory Coast", "Coast", 5, -5.0, 5.0),
            // Outside Africa, only the great regions.
            region("Jutland", "Geoarea", 4, 9.0, 56.0),
            region("GOBI DESERT", "Desert", 1, 105.0, 43.0),
            // Two parts, one region.
            region("GREAT RIFT VALLEY", "Valley", 3, 36.0, 0.0),
            region("GREAT RIFT VALLEY", "Valley", 3, 30.0, -8.0),
        ];
        let out = build(&features).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = out.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ne:physical:sahel",
                "ne:physical:gobi-desert",
                "ne:physical:great-rift-valley"
            ]
        );
        assert_eq!(out[0].properties["name"], "Sahel");
        let geo::Geometry::MultiPolygon(rift) = &out[2].geometry else {
            panic!("two parts make a multipolygon");
        };
        assert_eq!(rift.0.len(), 2);
        // The label lies inside the region (a pole of inaccessibility).
        let label = &out[0].properties["label"];
        let (lon, lat) = (label[0].as_f64(), label[1].as_f64());
        assert!(
            lon.is_some_and(|x| x > 0.0 && x < 2.0) && lat.is_some_and(|y| y > 14.0 && y < 15.0),
            "{label}"
        );
    }

    #[test]
    fn slugs_are_folded_words() {
        assert_eq!(slug("Aïr Mts."), "air-mts");
        assert_eq!(slug("Plat. du Tademaït"), "plat-du-tademait");
    }
}
