//! Feature geometry as RFC 7946 GeoJSON: lon/lat positions rounded to a
//! chosen number of decimals, polygons cut at the antimeridian, exterior
//! rings counter-clockwise and holes clockwise, and a bounding box.

use geo::orient::{Direction, Orient};
use geo::{BoundingRect, MultiPolygon, Rect};
use serde_json::{Value, json};

use crate::atlas::feature::FeatureGeometry;

/// Rounds to `precision` decimals (6 ≈ 0.1 m, the RFC's suggestion).
fn round(x: f64, precision: u32) -> f64 {
    let scale = 10f64.powi(i32::try_from(precision.min(15)).unwrap_or(15));
    let rounded = (x * scale).round() / scale;
    // -0.0 prints as "-0.0"; a position of 0 should read 0.
    if rounded == 0.0 { 0.0 } else { rounded }
}

fn position(x: f64, y: f64, precision: u32) -> Value {
    json!([round(x, precision), round(y, precision)])
}

fn ring(ring: &geo::LineString<f64>, precision: u32) -> Value {
    Value::Array(
        ring.coords()
            .map(|c| position(c.x, c.y, precision))
            .collect(),
    )
}

/// `MultiPolygon` with RFC 7946 winding; a single polygon is written as a `Polygon`.
fn areas(shape: &MultiPolygon<f64>, precision: u32) -> Value {
    let cut;
    let shape = if dispatch_antimeridian::crosses(shape) {
        cut = dispatch_antimeridian::cut_at_antimeridian(shape);
        &cut
    } else {
        shape
    };
    let oriented = shape.orient(Direction::Default);
    let polygon = |p: &geo::Polygon<f64>| {
        Value::Array(
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .map(|r| ring(r, precision))
                .collect(),
        )
    };
    if let [single] = oriented.0.as_slice() {
        json!({"type": "Polygon", "coordinates": polygon(single)})
    } else {
        json!({
            "type": "MultiPolygon",
            "coordinates": oriented.0.iter().map(polygon).collect::<Vec<_>>(),
        })
    }
}

fn line(l: &geo::LineString<f64>, precision: u32) -> Value {
    ring(l, precision)
}

/// Lines and points of an imported feature (polygons of a mixed collection too).
fn other(g: &geo::Geometry<f64>, precision: u32) -> Value {
    match g {
        geo::Geometry::Point(p) => {
            json!({"type": "Point", "coordinates": position(p.x(), p.y(), precision)})
        }
        geo::Geometry::MultiPoint(mp) => json!({
            "type": "MultiPoint",
            "coordinates": mp.iter().map(|p| position(p.x(), p.y(), precision)).collect::<Vec<_>>(),
        }),
        geo::Geometry::LineString(l) => {
            json!({"type": "LineString", "coordinates": line(l, precision)})
        }
        geo::Geometry::MultiLineString(ml) => json!({
            "type": "MultiLineString",
            "coordinates": ml.iter().map(|l| line(l, precision)).collect::<Vec<_>>(),
        }),
        geo::Geometry::Polygon(p) => areas(&MultiPolygon::new(vec![p.clone()]), precision),
        geo::Geometry::MultiPolygon(mp) => areas(mp, precision),
        geo::Geometry::GeometryCollection(gc) => collection(gc, precision),
        // Not produced by the importer (it reads GeoJSON types only).
        geo::Geometry::Line(l) => json!({"type": "LineString", "coordinates": [
            position(l.start.x, l.start.y, precision), position(l.end.x, l.end.y, precision)]}),
        geo::Geometry::Rect(r) => areas(&MultiPolygon::new(vec![r.to_polygon()]), precision),
        geo::Geometry::Triangle(t) => areas(&MultiPolygon::new(vec![t.to_polygon()]), precision),
    }
}

fn collection(gc: &geo::GeometryCollection<f64>, precision: u32) -> Value {
    match gc.0.as_slice() {
        [single] => other(single, precision),
        members => json!({
            "type": "GeometryCollection",
            "geometries": members.iter().map(|g| other(g, precision)).collect::<Vec<_>>(),
        }),
    }
}

/// Every number of a coordinates array rounded (heights too).
fn rounded(value: &Value, precision: u32) -> Value {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map_or(Value::Null, |x| json!(round(x, precision))),
        Value::Array(items) => Value::Array(items.iter().map(|v| rounded(v, precision)).collect()),
        other => other.clone(),
    }
}

/// A polygon's rings, rounded, the exterior counter-clockwise and holes
/// clockwise (judged on lon/lat; heights ride along).
fn wound_rings(rings: &Value, precision: u32) -> Value {
    let Some(rings) = rings.as_array() else {
        return rounded(rings, precision);
    };
    let wound = rings.iter().enumerate().map(|(i, ring)| {
        let positions: Vec<Value> = ring.as_array().cloned().unwrap_or_default();
        let xy = |p: &Value| (p[0].as_f64().unwrap_or(0.0), p[1].as_f64().unwrap_or(0.0));
        let twice_area: f64 = positions
            .windows(2)
            .map(|w| {
                let ((x1, y1), (x2, y2)) = (xy(&w[0]), xy(&w[1]));
                x1 * y2 - x2 * y1
            })
            .sum();
        let counter_clockwise = twice_area > 0.0;
        let mut positions = positions;
        if counter_clockwise != (i == 0) {
            positions.reverse();
        }
        rounded(&Value::Array(positions), precision)
    });
    Value::Array(wound.collect())
}

/// A geometry with heights, as read: rounded and wound as RFC 7946 asks.
fn with_heights(value: &Value, precision: u32) -> Value {
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let coordinates = value.get("coordinates").unwrap_or(&Value::Null);
    match kind {
        "Polygon" => json!({"type": kind, "coordinates": wound_rings(coordinates, precision)}),
        "MultiPolygon" => json!({
            "type": kind,
            "coordinates": coordinates
                .as_array()
                .map(|ps| ps.iter().map(|p| wound_rings(p, precision)).collect::<Vec<_>>()),
        }),
        "GeometryCollection" => json!({
            "type": kind,
            "geometries": value
                .get("geometries")
                .and_then(Value::as_array)
                .map(|gs| gs.iter().map(|g| with_heights(g, precision)).collect::<Vec<_>>()),
        }),
        _ => json!({"type": kind, "coordinates": rounded(coordinates, precision)}),
    }
}

/// A feature's geometry for export: the source's, heights and all, when it
/// had heights; otherwise the map's.
#[must_use]
pub fn feature_geometry(feature: &crate::atlas::Feature, precision: u32) -> Value {
    match &feature.source_geometry {
        Some(source) => with_heights(source, precision),
        None => geometry(&feature.geometry, precision),
    }
}

/// The GeoJSON geometry object of a feature.
#[must_use]
pub fn geometry(geometry: &FeatureGeometry, precision: u32) -> Value {
    match geometry {
        FeatureGeometry::Point(p) => {
            json!({"type": "Point", "coordinates": position(p.lon, p.lat, precision)})
        }
        FeatureGeometry::Area(shape) => areas(shape, precision),
        FeatureGeometry::Other(gc) => collection(gc, precision),
    }
}

/// The lon/lat box of a feature's geometry.
#[must_use]
pub fn bounds(geometry: &FeatureGeometry) -> Option<Rect<f64>> {
    match geometry {
        FeatureGeometry::Point(p) => Some(Rect::new(p.to_coord(), p.to_coord())),
        FeatureGeometry::Area(shape) => shape.bounding_rect(),
        FeatureGeometry::Other(gc) => gc.bounding_rect(),
    }
}

/// A `bbox` member: `[west, south, east, north]`, rounded outwards enough
/// to contain the rounded positions.
#[must_use]
pub fn bbox(rect: Rect<f64>, precision: u32) -> Value {
    json!([
        round(rect.min().x, precision),
        round(rect.min().y, precision),
        round(rect.max().x, precision),
        round(rect.max().y, precision),
    ])
}

/// The box around several boxes.
#[must_use]
pub fn union(a: Option<Rect<f64>>, b: Rect<f64>) -> Rect<f64> {
    match a {
        None => b,
        Some(a) => Rect::new(
            geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
            geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::projection::LonLat;
    use geo::{LineString, Polygon, Winding};

    #[test]
    fn points_are_rounded_lon_first() {
        let g = geometry(
            &FeatureGeometry::Point(LonLat {
                lon: 2.396_087_9,
                lat: 15.919_853_1,
            }),
            6,
        );
        assert_eq!(
            g,
            json!({"type": "Point", "coordinates": [2.396_088, 15.919_853]})
        );
    }

    #[test]
    fn rings_are_wound_as_rfc_7946_says() {
        // Exterior clockwise, hole counter-clockwise: both the wrong way round.
        let exterior = LineString::from(vec![
            (0.0, 0.0),
            (0.0, 4.0),
            (4.0, 4.0),
            (4.0, 0.0),
            (0.0, 0.0),
        ]);
        let hole = LineString::from(vec![
            (1.0, 1.0),
            (2.0, 1.0),
            (2.0, 2.0),
            (1.0, 2.0),
            (1.0, 1.0),
        ]);
        assert!(exterior.is_cw() && hole.is_ccw());
        let shape = MultiPolygon::new(vec![Polygon::new(exterior, vec![hole])]);
        let g = geometry(&FeatureGeometry::Area(shape), 6);
        assert_eq!(g["type"], "Polygon");
        let ring = |i: usize| -> LineString<f64> {
            let coords: Vec<(f64, f64)> = g["coordinates"][i]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| Some((p[0].as_f64()?, p[1].as_f64()?)))
                .collect();
            LineString::from(coords)
        };
        assert!(ring(0).is_ccw(), "exterior must be counter-clockwise");
        assert!(ring(1).is_cw(), "holes must be clockwise");
    }

    #[test]
    fn shapes_across_the_antimeridian_are_cut() {
        let ring = LineString::from(vec![
            (170.0, 10.0),
            (-170.0, 10.0),
            (-170.0, -10.0),
            (170.0, -10.0),
            (170.0, 10.0),
        ]);
        let g = geometry(
            &FeatureGeometry::Area(MultiPolygon::new(vec![Polygon::new(ring, vec![])])),
            6,
        );
        assert_eq!(g["type"], "MultiPolygon");
        let longitudes: Vec<f64> = g["coordinates"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|p| p[0].as_array().cloned().unwrap_or_default())
            .filter_map(|c| c[0].as_f64())
            .collect();
        assert!(
            longitudes
                .iter()
                .all(|x| x.abs() <= 180.0 && (x.abs() >= 170.0)),
            "{longitudes:?}"
        );
    }

    #[test]
    fn negative_zero_is_written_as_zero() {
        assert_eq!(round(-0.000_000_1, 6).to_string(), "0");
        assert_eq!(
            bbox(Rect::new((-1.234_567_89, 0.0), (1.0, 2.0)), 3),
            json!([-1.235, 0.0, 1.0, 2.0])
        );
    }
}
