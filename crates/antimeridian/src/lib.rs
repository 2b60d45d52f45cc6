//! Polygons whose rings jump across the antimeridian (an edge from 179.9° to
//! −179.9° is 0.2° long on Earth, but 359.8° across a flat map) or wind
//! around a pole, turned into planar polygons cut at ±180°, as RFC 7946
//! §3.1.9 asks. Flat-map code (tessellation, point-in-polygon, GeoJSON
//! linters) then sees the shape the data means.
//!
//! Each ring is unwrapped (longitudes made continuous), closed through the
//! pole if it winds around one, cut into ±180° strips and shifted back; the
//! polygon is the even-odd combination (XOR) of its rings, so a hole still
//! cuts its exterior wherever the cuts fall.

use geo::{BooleanOps, Coord, LineString, MultiPolygon, Polygon, Rect, Translate};

/// Whether a step between two longitudes is a jump across the antimeridian.
fn jumps(a: f64, b: f64) -> bool {
    (b - a).abs() > 180.0
}

/// Whether any ring of `shape` jumps across the antimeridian.
#[must_use]
pub fn crosses(shape: &MultiPolygon<f64>) -> bool {
    shape.iter().any(polygon_crosses)
}

fn polygon_crosses(polygon: &Polygon<f64>) -> bool {
    std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .any(|ring| ring.lines().any(|l| jumps(l.start.x, l.end.x)))
}

/// The ring with continuous longitudes, and whether it winds around a pole.
fn unwrap(ring: &LineString<f64>) -> (Vec<Coord<f64>>, bool) {
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len() + 2);
    for &c in &ring.0 {
        let x = match out.last() {
            Some(prev) => {
                let mut step = c.x - (prev.x - 360.0 * (prev.x / 360.0).round());
                step -= 360.0 * (step / 360.0).round();
                prev.x + step
            }
            None => c.x,
        };
        out.push(Coord { x, y: c.y });
    }
    let winds = match (out.first(), out.last()) {
        (Some(a), Some(b)) => (b.x - a.x).abs() > 180.0,
        _ => false,
    };
    (out, winds)
}

/// One ring as planar polygons within −180°..180°.
fn ring_area(ring: &LineString<f64>) -> MultiPolygon<f64> {
    let (mut coords, winds) = unwrap(ring);
    if let (true, Some(&first), Some(&last)) = (winds, coords.first(), coords.last()) {
        // Around a pole: close the ring along it (the nearer pole).
        let mean_lat = coords.iter().map(|c| c.y).sum::<f64>() / coords.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        coords.push(Coord { x: last.x, y: pole });
        coords.push(Coord {
            x: first.x,
            y: pole,
        });
        coords.push(first);
    }
    let unwrapped = MultiPolygon::new(vec![Polygon::new(LineString::new(coords), vec![])]);
    let mut parts = Vec::new();
    for sheet in -2i32..=2 {
        let offset = f64::from(sheet) * 360.0;
        let strip = Rect::new(
            Coord {
                x: offset - 180.0,
                y: -90.0,
            },
            Coord {
                x: offset + 180.0,
                y: 90.0,
            },
        );
        let cut = unwrapped.intersection(&MultiPolygon::new(vec![strip.to_polygon()]));
        parts.extend(cut.translate(-offset, 0.0));
    }
    MultiPolygon::new(parts)
}

/// `shape` with every polygon that crosses the antimeridian (or winds around
/// a pole) replaced by its planar pieces; other polygons are kept as they are.
#[must_use]
pub fn cut_at_antimeridian(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let mut out = Vec::with_capacity(shape.0.len());
    for polygon in shape {
        if !polygon_crosses(polygon) {
            out.push(polygon.clone());
            continue;
        }
        let mut area = MultiPolygon::new(Vec::new());
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            area = area.xor(&ring_area(ring));
        }
        out.extend(area);
    }
    MultiPolygon::new(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, BoundingRect};

    fn polygon(points: &[(f64, f64)], holes: &[&[(f64, f64)]]) -> Polygon<f64> {
        Polygon::new(
            LineString::from(points.to_vec()),
            holes.iter().map(|h| LineString::from(h.to_vec())).collect(),
        )
    }

    #[test]
    fn a_polygon_across_the_antimeridian_becomes_two() {
        let shape = MultiPolygon::new(vec![polygon(
            &[
                (170.0, 10.0),
                (-170.0, 10.0),
                (-170.0, -10.0),
                (170.0, -10.0),
                (170.0, 10.0),
            ],
            &[],
        )]);
        assert!(crosses(&shape));
        let cut = cut_at_antimeridian(&shape);
        assert_eq!(cut.0.len(), 2);
        assert!(
            (cut.unsigned_area() - 400.0).abs() < 1e-9,
            "{}",
            cut.unsigned_area()
        );
        for part in &cut {
            let b = part.bounding_rect().unwrap_or_else(|| panic!("empty part"));
            assert!(b.min().x >= -180.0 && b.max().x <= 180.0);
            assert!(b.width() <= 10.0 + 1e-9);
        }
        assert!(!crosses(&cut));
    }

    #[test]
    fn a_hole_across_the_antimeridian_still_cuts_both_sides() {
        let shape = MultiPolygon::new(vec![polygon(
            &[
                (160.0, 20.0),
                (-160.0, 20.0),
                (-160.0, -20.0),
                (160.0, -20.0),
                (160.0, 20.0),
            ],
            &[&[
                (175.0, 5.0),
                (175.0, -5.0),
                (-175.0, -5.0),
                (-175.0, 5.0),
                (175.0, 5.0),
            ]],
        )]);
        let cut = cut_at_antimeridian(&shape);
        assert!((cut.unsigned_area() - (40.0 * 40.0 - 10.0 * 10.0)).abs() < 1e-9);
    }

    #[test]
    fn a_ring_around_the_south_pole_becomes_a_cap() {
        // A coastline circling the pole at 70° S, east to west, with the jump.
        let mut ring: Vec<(f64, f64)> = (0..36)
            .map(|i| (180.0 - f64::from(i) * 10.0, -70.0))
            .collect();
        ring.push(ring[0]);
        let shape = MultiPolygon::new(vec![polygon(&ring, &[])]);
        let cut = cut_at_antimeridian(&shape);
        // The band from 70° S to the pole, all the way round.
        assert!(
            (cut.unsigned_area() - 360.0 * 20.0).abs() < 1e-6,
            "{}",
            cut.unsigned_area()
        );
        let b = cut.bounding_rect().unwrap_or_else(|| panic!("empty"));
        assert_eq!((b.min().y, b.max().y), (-90.0, -70.0));
    }

    #[test]
    fn other_polygons_are_left_alone() {
        let shape = MultiPolygon::new(vec![polygon(
            &[(0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 0.0)],
            &[],
        )]);
        assert!(!crosses(&shape));
        assert_eq!(cut_at_antimeridian(&shape), shape);
    }
}
