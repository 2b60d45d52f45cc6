//! The map's reference layers from Natural Earth 1:10m (public domain), as
//! cached in `../shared/natural-earth/` (see its README: upstream repository,
//! commit, paths, hashes): towns and capitals, rivers, lakes, and the names
//! of seas and oceans.
//!
//! What is kept, by one rule for all (no feature is picked by hand):
//! - **Africa at full detail**: everything whose box meets
//!   [`crate::natural_earth::AFRICA_BOX`] (lon −26…64, lat −40…38: Africa, its seas and islands).
//! - **The rest of the world coarser**: towns that are capitals of countries
//!   or of `SCALERANK` ≤ [`WORLD_TOWN_RANK`]; rivers and lakes of
//!   `scalerank` ≤ [`WORLD_WATER_RANK`], simplified (Ramer–Douglas–Peucker,
//!   [`crate::natural_earth::WORLD_SIMPLIFY_DEG`]).
//! - Seas and oceans: every named one, as a label point, the pole of
//!   inaccessibility of its largest polygon (polylabel, tolerance a 25th of
//!   its size, as the app labels areas).
//!
//! Each town is given the GeoNames id the geoparser's gazetteer uses, so that
//! a report naming it counts on it: Natural Earth's `GEONAMEID` if
//! `cities1000.json` has it, else the entry of `cities1000.json` with the
//! same folded name (or ASCII name) nearest to it within
//! [`SAME_TOWN_KM`]; a town with neither keeps an id of its own
//! (`ne:town:` + its Who's On First id).

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use geo::{BoundingRect, Simplify};
use serde_json::{Map, Value};

use crate::geojson_out::OutFeature;
use crate::natural_earth::{
    WORLD_SIMPLIFY_DEG, geometry_of, in_africa, number, read_checked, text, title_case,
};

/// The files read, with the SHA-256 of their uncompressed text (from the
/// folder's README).
const FILES: [(&str, &str); 5] = [
    (
        "ne_10m_populated_places.geojson.gz",
        "536ed7d8b1618e999d0569f69300e642b8b6a62234fb516fedfee0bb2901609f",
    ),
    (
        "ne_10m_rivers_lake_centerlines.geojson.gz",
        "784acb3c691109ed2f32b6efbc51d7082eb4b16ea8c12f4d83f76bb625845a3e",
    ),
    (
        "ne_10m_lakes.geojson.gz",
        "93c8fdf0e591e113f449d0d466e15c7a9841b9b6571c7afe41f95ba51b322452",
    ),
    (
        "ne_10m_geography_marine_polys.geojson.gz",
        "3a50bf3ffcd2fde0da13e5503099c549ccc46885164fd8010e679b2372538fbc",
    ),
    (
        "ne_10m_geography_regions_polys.geojson.gz",
        "79c72247f5b7531f103e2216799cf91c0b03df8fc8a772414e85594a82908fa4",
    ),
];

/// Outside Africa, towns of this `SCALERANK` or more important (capitals always).
const WORLD_TOWN_RANK: u64 = 2;
/// Outside Africa, rivers and lakes of this `scalerank` or more important.
const WORLD_WATER_RANK: f64 = 3.0;
/// A Natural Earth town and a GeoNames entry of the same name closer than
/// this are the same town.
const SAME_TOWN_KM: f64 = 15.0;

/// GeoNames' towns of `cities1000.json`, by id and on a one-degree grid.
struct GeoNames {
    by_id: HashMap<u64, (String, f64, f64)>,
    grid: HashMap<(i32, i32), Vec<u64>>,
    /// The focus countries' towns (id, country, population), for the towns
    /// Natural Earth lacks.
    focus: Vec<(u64, String, u64)>,
}

impl GeoNames {
    fn load(cities_json: &Path) -> Result<Self> {
        let cities = crate::read_json(cities_json)?;
        let cities = cities.as_object().context("cities1000.json")?;
        let mut by_id = HashMap::new();
        let mut grid: HashMap<(i32, i32), Vec<u64>> = HashMap::new();
        let mut focus = Vec::new();
        for city in cities.values() {
            let (Some(id), Some(lat), Some(lon)) = (
                city.get("geonameid").and_then(Value::as_u64),
                number(city, "latitude"),
                number(city, "longitude"),
            ) else {
                continue;
            };
            let name = text(city, "name").unwrap_or_default();
            by_id.insert(id, (name, lat, lon));
            grid.entry(cell(lat, lon)).or_default().push(id);
            let country = text(city, "countrycode").unwrap_or_default();
            if crate::FOCUS.contains(&country.as_str()) {
                let population = city.get("population").and_then(Value::as_u64).unwrap_or(0);
                focus.push((id, country, population));
            }
        }
        focus.sort_unstable();
        Ok(Self { by_id, grid, focus })
    }

    /// The GeoNames id of a Natural Earth town (see the module's rule).
    fn id_of(&self, claimed: Option<u64>, names: &[String], lat: f64, lon: f64) -> Option<u64> {
        if let Some(id) = claimed.filter(|id| self.by_id.contains_key(id)) {
            return Some(id);
        }
        let folded: Vec<String> = names
            .iter()
            .map(|n| dispatch_names::fold::fold_str(n))
            .collect();
        let (row, column) = cell(lat, lon);
        let mut best: Option<(f64, u64)> = None;
        for dr in -1..=1 {
            for dc in -1..=1 {
                for &id in self
                    .grid
                    .get(&(row + dr, column + dc))
                    .into_iter()
                    .flatten()
                {
                    let (name, clat, clon) = &self.by_id[&id];
                    if !folded.contains(&dispatch_names::fold::fold_str(name)) {
                        continue;
                    }
                    let km = distance_km(lat, lon, *clat, *clon);
                    if km <= SAME_TOWN_KM && best.is_none_or(|(b, bid)| (km, id) < (b, bid)) {
                        best = Some((km, id));
                    }
                }
            }
        }
        best.map(|(_, id)| id)
    }
}

#[allow(clippy::cast_possible_truncation, reason = "degrees, floored")]
fn cell(lat: f64, lon: f64) -> (i32, i32) {
    (lat.floor() as i32, lon.floor() as i32)
}

pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// How many features each file got.
pub struct Counts {
    pub towns: usize,
    pub towns_matched: usize,
    pub rivers: usize,
    pub lakes: usize,
    pub seas: usize,
    pub physical: usize,
}

/// Writes `towns.geojson`, `rivers.geojson`, `lakes.geojson`,
/// `seas.geojson` and `physical.geojson` into `out`.
pub fn build(natural_earth: &Path, cities_json: &Path, out: &Path) -> Result<Counts> {
    let [places, rivers, lakes, marine, regions] =
        FILES.map(|(name, sha)| read_checked(natural_earth, name, sha));
    let geonames = GeoNames::load(cities_json)?;
    let (mut towns, towns_matched) = towns(&places?, &geonames)?;
    let natural_earth_towns = towns.len();
    towns.extend(focus_towns(&towns, &geonames));
    let added = towns.len() - natural_earth_towns;
    eprintln!("towns.geojson: {added} towns of Mali, Niger and Burkina Faso from GeoNames");
    crate::geojson_out::write(&out.join("towns.geojson"), &towns)?;
    let rivers = water(&rivers?, "river", |p| {
        text(p, "featurecla").as_deref() == Some("River")
    })?;
    crate::geojson_out::write(&out.join("rivers.geojson"), &rivers)?;
    let lakes = water(&lakes?, "lake", |_| true)?;
    crate::geojson_out::write(&out.join("lakes.geojson"), &lakes)?;
    let seas = seas(&marine?)?;
    crate::geojson_out::write(&out.join("seas.geojson"), &seas)?;
    let physical = crate::physical::build(&regions?)?;
    crate::geojson_out::write(&out.join("physical.geojson"), &physical)?;
    Ok(Counts {
        towns: towns.len(),
        towns_matched,
        rivers: rivers.len(),
        lakes: lakes.len(),
        seas: seas.len(),
        physical: physical.len(),
    })
}

fn towns(features: &[Value], geonames: &GeoNames) -> Result<(Vec<OutFeature>, usize)> {
    let mut out = Vec::new();
    let mut matched = 0;
    let mut taken = std::collections::HashSet::new();
    for feature in features {
        let p = feature
            .get("properties")
            .context("a town without properties")?;
        let (Some(name), Some(lat), Some(lon)) = (
            text(p, "NAME"),
            number(p, "LATITUDE"),
            number(p, "LONGITUDE"),
        ) else {
            continue;
        };
        let class = text(p, "FEATURECLA").unwrap_or_default();
        // Stations and historic sites are not towns.
        if !(class.contains("capital") || class == "Populated place") {
            continue;
        }
        let capital = match class.as_str() {
            "Admin-0 capital" => Some("country"),
            "Admin-1 capital" => Some("region"),
            _ => None,
        };
        #[allow(
            clippy::cast_sign_loss,
            clippy::cast_possible_truncation,
            reason = "small ranks"
        )]
        let rank = number(p, "SCALERANK").unwrap_or(10.0).max(0.0) as u64;
        let point = geo::Point::new(lon, lat);
        let africa = in_africa(geo::Rect::new(point.0, point.0));
        if !africa && capital != Some("country") && rank > WORLD_TOWN_RANK {
            continue;
        }
        let names: Vec<String> = ["NAME", "NAMEASCII", "GN_ASCII", "NAME_EN", "NAME_FR"]
            .iter()
            .filter_map(|k| text(p, k))
            .collect();
        #[allow(
            clippy::cast_sign_loss,
            clippy::cast_possible_truncation,
            reason = "ids"
        )]
        let claimed = number(p, "GEONAMEID")
            .filter(|&g| g > 0.0)
            .map(|g| g as u64);
        let geonameid = geonames.id_of(claimed, &names, lat, lon);
        #[allow(
            clippy::cast_sign_loss,
            clippy::cast_possible_truncation,
            reason = "ids"
        )]
        let id = match geonameid {
            Some(g) => format!("geonames:{g}"),
            None => format!("ne:town:{}", number(p, "wof_id").unwrap_or(0.0) as u64),
        };
        // Natural Earth lists a few towns twice (an alternative capital).
        if !taken.insert(id.clone()) {
            continue;
        }
        matched += usize::from(geonameid.is_some());
        let mut properties = Map::new();
        properties.insert("name".into(), name.into());
        if let Some(fr) = text(p, "NAME_FR") {
            properties.insert("name_fr".into(), fr.into());
        }
        properties.insert("scalerank".into(), rank.into());
        properties.insert(
            "min_zoom".into(),
            p.get("min_zoom").cloned().unwrap_or(Value::Null),
        );
        if let Some(capital) = capital {
            properties.insert("capital".into(), capital.into());
        }
        properties.insert(
            "iso_a2".into(),
            p.get("ISO_A2").cloned().unwrap_or(Value::Null),
        );
        properties.insert(
            "population".into(),
            p.get("POP_MAX").cloned().unwrap_or(Value::Null),
        );
        if let Some(g) = geonameid {
            properties.insert("geonameid".into(), g.into());
        }
        properties.insert(
            "source".into(),
            "Natural Earth 1:10m populated places".into(),
        );
        out.push(OutFeature {
            id,
            properties,
            geometry: geo::Geometry::Point(point),
        });
    }
    // Most important first: the app shows them in this order.
    out.sort_by(|a, b| {
        let rank = |f: &OutFeature| f.properties.get("scalerank").and_then(Value::as_u64);
        rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id))
    });
    Ok((out, matched))
}

/// Mali, Niger and Burkina Faso's towns of [`FOCUS_TOWN_PEOPLE`] or more in
/// GeoNames that Natural Earth lacks (Kidal, Douentza, Téra…: no town of
/// Natural Earth within [`SAME_TOWN_KM`] and none with their id), shown
/// from a zoom by population ([`focus_town_zoom`]).
fn focus_towns(natural_earth: &[OutFeature], geonames: &GeoNames) -> Vec<OutFeature> {
    let taken: std::collections::HashSet<&str> =
        natural_earth.iter().map(|t| t.id.as_str()).collect();
    let points: Vec<(f64, f64)> = natural_earth
        .iter()
        .filter_map(|t| match &t.geometry {
            geo::Geometry::Point(p) => Some((p.y(), p.x())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (id, country, population) in &geonames.focus {
        let key = format!("geonames:{id}");
        let Some((name, lat, lon)) = geonames.by_id.get(id) else {
            continue;
        };
        let near = points
            .iter()
            .any(|&(plat, plon)| distance_km(*lat, *lon, plat, plon) <= SAME_TOWN_KM);
        if *population < FOCUS_TOWN_PEOPLE || taken.contains(key.as_str()) || near {
            continue;
        }
        let mut properties = Map::new();
        properties.insert("name".into(), name.clone().into());
        properties.insert("scalerank".into(), 9.into());
        properties.insert("min_zoom".into(), focus_town_zoom(*population).into());
        properties.insert("iso_a2".into(), country.clone().into());
        properties.insert("population".into(), (*population).into());
        properties.insert("geonameid".into(), (*id).into());
        properties.insert("source".into(), "GeoNames cities1000".into());
        out.push(OutFeature {
            id: key,
            properties,
            geometry: geo::Geometry::Point(geo::Point::new(*lon, *lat)),
        });
    }
    out
}

/// Towns of the focus countries Natural Earth lacks are added from this
/// many people on.
const FOCUS_TOWN_PEOPLE: u64 = 10_000;

/// The zoom a GeoNames town shows from: the largest with Natural Earth's
/// towns of the same size in the region (its 50,000-people towns show
/// from 6.7 at most).
fn focus_town_zoom(population: u64) -> f64 {
    match population {
        100_000.. => 6.0,
        30_000.. => 7.0,
        _ => 8.0,
    }
}

/// Rivers or lakes: Africa whole, elsewhere the important ones, simplified.
fn water(features: &[Value], kind: &str, keep: impl Fn(&Value) -> bool) -> Result<Vec<OutFeature>> {
    let mut out = Vec::new();
    for (n, feature) in features.iter().enumerate() {
        let p = feature
            .get("properties")
            .context("a feature without properties")?;
        if !keep(p) {
            continue;
        }
        let Some(geometry) = geometry_of(feature) else {
            continue;
        };
        let Some(rect) = geometry.bounding_rect() else {
            continue;
        };
        let rank = number(p, "scalerank").unwrap_or(10.0);
        let geometry = if in_africa(rect) {
            geometry
        } else if rank <= WORLD_WATER_RANK {
            match geometry {
                geo::Geometry::LineString(l) => {
                    geo::Geometry::LineString(l.simplify(WORLD_SIMPLIFY_DEG))
                }
                geo::Geometry::MultiLineString(l) => {
                    geo::Geometry::MultiLineString(l.simplify(WORLD_SIMPLIFY_DEG))
                }
                geo::Geometry::Polygon(a) => geo::Geometry::Polygon(a.simplify(WORLD_SIMPLIFY_DEG)),
                geo::Geometry::MultiPolygon(a) => {
                    geo::Geometry::MultiPolygon(a.simplify(WORLD_SIMPLIFY_DEG))
                }
                other => other,
            }
        } else {
            continue;
        };
        let mut properties = Map::new();
        if let Some(name) = text(p, "name") {
            properties.insert("name".into(), name.into());
        }
        properties.insert(
            "scalerank".into(),
            p.get("scalerank").cloned().unwrap_or(Value::Null),
        );
        for key in ["min_zoom", "min_label", "featurecla"] {
            properties.insert(key.into(), p.get(key).cloned().unwrap_or(Value::Null));
        }
        // A lake's point for the gazetteer: the pole of inaccessibility of
        // its largest polygon, the rule of `physical.geojson`'s regions.
        if let Some([lon, lat]) = crate::physical::pole_of_largest(&geometry) {
            properties.insert("label".into(), serde_json::json!([lon, lat]));
        }
        out.push(OutFeature {
            id: format!("ne:{kind}:{n}"),
            properties,
            geometry: crate::geojson_out::orient_rfc7946(geometry),
        });
    }
    Ok(out)
}

fn seas(features: &[Value]) -> Result<Vec<OutFeature>> {
    use geo::Area;
    let mut out = Vec::new();
    for (n, feature) in features.iter().enumerate() {
        let p = feature
            .get("properties")
            .context("a sea without properties")?;
        let Some(name) = text(p, "name") else {
            continue;
        };
        let largest = match geometry_of(feature) {
            Some(geo::Geometry::Polygon(a)) => a,
            Some(geo::Geometry::MultiPolygon(a)) => {
                match a
                    .0
                    .into_iter()
                    .max_by(|x, y| x.unsigned_area().total_cmp(&y.unsigned_area()))
                {
                    Some(a) => a,
                    None => continue,
                }
            }
            _ => continue,
        };
        let size = largest
            .bounding_rect()
            .map_or(0.0, |b| b.width().max(b.height()));
        let Ok(point) = polylabel::polylabel(&largest, &(size / 25.0).max(1e-6)) else {
            continue;
        };
        let mut properties = Map::new();
        properties.insert("name".into(), title_case(&name).into());
        if let Some(fr) = text(p, "name_fr") {
            properties.insert("name_fr".into(), title_case(&fr).into());
        }
        if let Some(alt) = text(p, "namealt") {
            properties.insert("name_alt".into(), title_case(&alt).into());
        }
        for key in ["scalerank", "min_label", "featurecla"] {
            properties.insert(key.into(), p.get(key).cloned().unwrap_or(Value::Null));
        }
        out.push(OutFeature {
            id: format!("ne:sea:{n}"),
            properties,
            geometry: geo::Geometry::Point(point),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Bamako to Niamey: about 1,100 km.
        let km = distance_km(12.65, -8.0, 13.51, 2.11);
        assert!((km - 1_100.0).abs() < 200.0, "{km}");
    }
}
