//! Ramer–Douglas–Peucker simplification of rings, on squared distances.
//!
//! geo's `Simplify` does the same with `hypot` for every distance, which made
//! it the largest cost of preparing a world of regions (a third of opening
//! the file); comparing squared distances gives the same points several
//! times faster.

use geo::{Coord, LineString, Polygon};

/// Squared distance from `p` to the segment `a`–`b` (also what picking a
/// line measures, in pixels).
#[must_use]
pub fn segment_distance2(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    ex * ex + ey * ey
}

/// The points of `line` that RDP keeps at `tolerance` (the ends always).
#[must_use]
pub fn simplify_line(line: &[Coord<f64>], tolerance: f64) -> Vec<Coord<f64>> {
    let n = line.len();
    if n < 3 {
        return line.to_vec();
    }
    let tolerance2 = tolerance * tolerance;
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0, n - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (line[first], line[last]);
        let (mut farthest, mut at) = (0.0, first);
        for (i, &p) in line.iter().enumerate().take(last).skip(first + 1) {
            let d = segment_distance2(p, a, b);
            if d > farthest {
                (farthest, at) = (d, i);
            }
        }
        if farthest > tolerance2 {
            keep[at] = true;
            stack.push((first, at));
            stack.push((at, last));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(&p, kept)| kept.then_some(p))
        .collect()
}

/// A closed ring simplified, or `None` if it collapses below a triangle.
#[must_use]
pub fn simplify_ring(ring: &LineString<f64>, tolerance: f64) -> Option<LineString<f64>> {
    let kept = simplify_line(&ring.0, tolerance);
    (kept.len() >= 4).then(|| LineString::new(kept))
}

/// A polygon simplified ring by ring: holes that collapse are dropped, and
/// the polygon is `None` if its exterior collapses.
#[must_use]
pub fn simplify_polygon(polygon: &Polygon<f64>, tolerance: f64) -> Option<Polygon<f64>> {
    let exterior = simplify_ring(polygon.exterior(), tolerance)?;
    let holes = polygon
        .interiors()
        .iter()
        .filter_map(|h| simplify_ring(h, tolerance))
        .collect();
    Some(Polygon::new(exterior, holes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Simplify;

    fn wiggle(n: usize) -> LineString<f64> {
        #[allow(clippy::cast_precision_loss)]
        let mut coords: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let x = i as f64 / n as f64 * 10.0;
                (x, (x * 7.0).sin() * 0.3 + (x * 31.0).cos() * 0.02)
            })
            .collect();
        coords.extend([(10.0, 5.0), (0.0, 5.0), (0.0, 0.0)]);
        LineString::from(coords)
    }

    #[test]
    fn keeps_the_same_points_as_geo() {
        let ring = wiggle(3_000);
        for tolerance in [0.001, 0.01, 0.05, 0.2] {
            let ours = simplify_line(&ring.0, tolerance);
            let geos = ring.simplify(tolerance);
            assert_eq!(ours, geos.0, "tolerance {tolerance}");
        }
    }

    #[test]
    fn collapsed_rings_and_holes_go() {
        let tiny = LineString::from(vec![(0.0, 0.0), (0.1, 0.0), (0.1, 0.01), (0.0, 0.0)]);
        assert!(simplify_ring(&tiny, 1.0).is_none());
        let polygon = Polygon::new(wiggle(500), vec![tiny.clone()]);
        let simplified = simplify_polygon(&polygon, 0.05);
        assert!(simplified.is_some_and(|p| p.interiors().is_empty()));
        assert!(simplify_polygon(&Polygon::new(tiny, vec![]), 1.0).is_none());
    }
}
