//! One GeoJSON geometry object to a map geometry, checked position by
//! position: what cannot be drawn is an error naming the reason; what can be
//! repaired (an unclosed ring, a third coordinate) is repaired and noted.

use geo::{
    Coord, Geometry, GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon,
    Point, Polygon,
};
use serde_json::Value;

use crate::atlas::feature::FeatureGeometry;
use crate::geometry::projection::LonLat;

/// What was repaired or dropped in a geometry that still loads.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// Positions had a third coordinate (height): kept in the source, drawn in 2D.
    pub three_d: bool,
    /// Rings whose last position did not repeat the first: closed.
    pub closed_rings: usize,
}

type Result<T> = std::result::Result<T, String>;

fn position(value: &Value, notes: &mut Notes) -> Result<Coord<f64>> {
    let items = value.as_array().ok_or_else(|| {
        format!(
            "a position must be an array of numbers, found {}",
            kind_of(value)
        )
    })?;
    let number = |i: usize| -> Result<f64> {
        let v = items
            .get(i)
            .ok_or("a position needs a longitude and a latitude")?;
        v.as_f64()
            .ok_or_else(|| format!("a coordinate must be a number, found {}", kind_of(v)))
    };
    let (lon, lat) = (number(0)?, number(1)?);
    if !lon.is_finite() || !lat.is_finite() {
        return Err("a coordinate is not a finite number".into());
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(format!(
            "longitude {lon} is outside −180..180 (not WGS84 lon/lat?)"
        ));
    }
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!(
            "latitude {lat} is outside −90..90 (lat/lon swapped?)"
        ));
    }
    if items.len() > 2 {
        number(2)?;
        notes.three_d = true;
    }
    Ok(Coord { x: lon, y: lat })
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn array<'v>(value: &'v Value, what: &str) -> Result<&'v Vec<Value>> {
    value
        .as_array()
        .ok_or_else(|| format!("{what} must be an array, found {}", kind_of(value)))
}

fn positions(value: &Value, notes: &mut Notes) -> Result<Vec<Coord<f64>>> {
    array(value, "coordinates")?
        .iter()
        .map(|p| position(p, notes))
        .collect()
}

fn line(value: &Value, notes: &mut Notes) -> Result<LineString<f64>> {
    let coords = positions(value, notes)?;
    if coords.len() < 2 {
        return Err("a line needs at least two positions".into());
    }
    Ok(LineString::new(coords))
}

fn ring(value: &Value, notes: &mut Notes) -> Result<LineString<f64>> {
    let mut coords = positions(value, notes)?;
    if coords.first() != coords.last() {
        if let Some(&first) = coords.first() {
            coords.push(first);
        }
        notes.closed_rings += 1;
    }
    if coords.len() < 4 {
        return Err("a polygon ring needs at least four positions (three corners)".into());
    }
    Ok(LineString::new(coords))
}

fn polygon(value: &Value, notes: &mut Notes) -> Result<Polygon<f64>> {
    let rings = array(value, "a polygon")?;
    let Some((exterior, holes)) = rings.split_first() else {
        return Err("empty polygon".into());
    };
    let holes = holes
        .iter()
        .map(|h| ring(h, notes))
        .collect::<Result<Vec<_>>>()?;
    Ok(Polygon::new(ring(exterior, notes)?, holes))
}

/// The members of a multi-geometry, each parsed by `part`; none is an error.
fn parts<T>(
    coordinates: &Value,
    notes: &mut Notes,
    part: fn(&Value, &mut Notes) -> Result<T>,
    empty: impl Fn() -> String,
) -> Result<Vec<T>> {
    let members = array(coordinates, "coordinates")?
        .iter()
        .map(|m| part(m, notes))
        .collect::<Result<Vec<_>>>()?;
    if members.is_empty() {
        return Err(empty());
    }
    Ok(members)
}

/// Lines cut where they jump across the antimeridian, so they are not drawn
/// across the whole map.
fn split_at_antimeridian(line: &LineString<f64>) -> Vec<LineString<f64>> {
    let mut parts = vec![Vec::new()];
    for pair in line.0.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if let Some(part) = parts.last_mut()
            && part.is_empty()
        {
            part.push(a);
        }
        if (b.x - a.x).abs() > 180.0 {
            let edge = if a.x > 0.0 { 180.0 } else { -180.0 };
            let b_unwrapped = b.x + 2.0 * edge;
            let t = (edge - a.x) / (b_unwrapped - a.x);
            let lat = a.y + t * (b.y - a.y);
            if let Some(part) = parts.last_mut() {
                part.push(Coord { x: edge, y: lat });
            }
            parts.push(vec![Coord { x: -edge, y: lat }, b]);
        } else if let Some(part) = parts.last_mut() {
            part.push(b);
        }
    }
    parts
        .into_iter()
        .filter(|p| p.len() >= 2)
        .map(LineString::new)
        .collect()
}

/// Parses a geometry object into geo's types.
fn geo_geometry(value: &Value, notes: &mut Notes, depth: usize) -> Result<Geometry<f64>> {
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .ok_or("a geometry needs a \"type\"")?;
    if kind == "GeometryCollection" {
        if depth > 8 {
            return Err("geometry collections nested too deeply".into());
        }
        let members = array(
            value.get("geometries").unwrap_or(&Value::Null),
            "\"geometries\"",
        )?;
        let parts = members
            .iter()
            .map(|m| geo_geometry(m, notes, depth + 1))
            .collect::<Result<Vec<_>>>()?;
        if parts.is_empty() {
            return Err("empty geometry collection".into());
        }
        return Ok(Geometry::GeometryCollection(GeometryCollection::new_from(
            parts,
        )));
    }
    let coordinates = value
        .get("coordinates")
        .ok_or_else(|| format!("a {kind} needs \"coordinates\""))?;
    let empty = || format!("empty {kind}");
    Ok(match kind {
        "Point" => Geometry::Point(Point(position(coordinates, notes)?)),
        "MultiPoint" => {
            let points = positions(coordinates, notes)?;
            if points.is_empty() {
                return Err(empty());
            }
            Geometry::MultiPoint(MultiPoint::new(points.into_iter().map(Point).collect()))
        }
        "LineString" => Geometry::LineString(line(coordinates, notes)?),
        "MultiLineString" => Geometry::MultiLineString(MultiLineString::new(parts(
            coordinates,
            notes,
            line,
            empty,
        )?)),
        "Polygon" => Geometry::Polygon(polygon(coordinates, notes)?),
        "MultiPolygon" => Geometry::MultiPolygon(MultiPolygon::new(parts(
            coordinates,
            notes,
            polygon,
            empty,
        )?)),
        other => return Err(format!("unknown geometry type {other:?}")),
    })
}

/// Every polygon, and everything else, of a geometry (collections flattened).
fn flatten(
    geometry: Geometry<f64>,
    polygons: &mut Vec<Polygon<f64>>,
    others: &mut Vec<Geometry<f64>>,
) {
    match geometry {
        Geometry::Polygon(p) => polygons.push(p),
        Geometry::MultiPolygon(mp) => polygons.extend(mp),
        Geometry::GeometryCollection(gc) => {
            for g in gc {
                flatten(g, polygons, others);
            }
        }
        Geometry::LineString(l) => {
            others.extend(
                split_at_antimeridian(&l)
                    .into_iter()
                    .map(Geometry::LineString),
            );
        }
        Geometry::MultiLineString(ml) => others.extend(
            ml.iter()
                .flat_map(split_at_antimeridian)
                .map(Geometry::LineString),
        ),
        other => others.push(other),
    }
}

/// A GeoJSON geometry object as the map draws it: one point, areas (cut at
/// the antimeridian), or lines and points (with any polygons of a mixed
/// collection drawn as their outlines).
pub fn feature_geometry(value: &Value, notes: &mut Notes) -> Result<FeatureGeometry> {
    let geometry = geo_geometry(value, notes, 0)?;
    if let Geometry::Point(p) = geometry {
        return Ok(FeatureGeometry::Point(LonLat::from_coord(p.0)));
    }
    let (mut polygons, mut others) = (Vec::new(), Vec::new());
    flatten(geometry, &mut polygons, &mut others);
    let areas = MultiPolygon::new(polygons);
    let areas = if dispatch_antimeridian::crosses(&areas) {
        dispatch_antimeridian::cut_at_antimeridian(&areas)
    } else {
        areas
    };
    if others.is_empty() {
        return Ok(FeatureGeometry::Area(areas));
    }
    others.extend(areas.into_iter().map(Geometry::Polygon));
    Ok(FeatureGeometry::Other(GeometryCollection::new_from(others)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(value: &Value) -> (Result<FeatureGeometry>, Notes) {
        let mut notes = Notes::default();
        (feature_geometry(value, &mut notes), notes)
    }

    #[test]
    fn every_geometry_type_loads() {
        let cases = [
            json!({"type": "Point", "coordinates": [2.4, 15.9]}),
            json!({"type": "MultiPoint", "coordinates": [[2.4, 15.9], [0.0, 16.0]]}),
            json!({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}),
            json!({"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]}),
            json!({"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [1, 1]]]}),
            json!({"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}),
            json!({"type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": [0, 0]},
                {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
            ]}),
        ];
        for case in &cases {
            let (result, notes) = parse(case);
            assert!(result.is_ok(), "{case}: {result:?}");
            assert_eq!(notes, Notes::default());
        }
    }

    #[test]
    fn repairs_are_noted() {
        let (result, notes) = parse(
            &json!({"type": "Polygon", "coordinates": [[[0, 0, 100], [4, 0, 120], [4, 4, 90]]]}),
        );
        assert!(matches!(result, Ok(FeatureGeometry::Area(_))));
        assert_eq!(
            notes,
            Notes {
                three_d: true,
                closed_rings: 1
            }
        );
    }

    #[test]
    fn bad_geometries_say_why() {
        let error = |v: Value| parse(&v).0.err().unwrap_or_default();
        assert!(error(json!({"type": "Point", "coordinates": [200, 0]})).contains("longitude 200"));
        assert!(
            error(json!({"type": "Point", "coordinates": [0, 95]})).contains("lat/lon swapped")
        );
        assert!(
            error(json!({"type": "Point", "coordinates": ["a", 0]})).contains("found a string")
        );
        assert!(
            error(json!({"type": "Point", "coordinates": [1]}))
                .contains("longitude and a latitude")
        );
        assert!(
            error(json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}))
                .contains("four positions")
        );
        assert!(
            error(json!({"type": "MultiPolygon", "coordinates": []}))
                .contains("empty MultiPolygon")
        );
        assert!(error(json!({"type": "Polygon", "coordinates": []})).contains("empty polygon"));
        assert!(
            error(json!({"type": "Circle", "coordinates": [0, 0]}))
                .contains("unknown geometry type")
        );
        assert!(error(json!({"coordinates": [0, 0]})).contains("\"type\""));
        assert!(
            error(json!({"type": "LineString", "coordinates": 5})).contains("must be an array")
        );
    }

    #[test]
    fn lines_across_the_antimeridian_are_split() {
        let (result, _) =
            parse(&json!({"type": "LineString", "coordinates": [[170, 0], [-170, 10]]}));
        let Ok(FeatureGeometry::Other(collection)) = result else {
            panic!("lines expected")
        };
        assert_eq!(collection.0.len(), 2);
        let Geometry::LineString(first) = &collection.0[0] else {
            panic!("a line")
        };
        assert_eq!(first.0.last().map(|c| (c.x, c.y)), Some((180.0, 5.0)));
    }
}
