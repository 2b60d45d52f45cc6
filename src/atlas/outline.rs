//! Point-in-area tests in microseconds: an area's edges bucketed into
//! horizontal bands, so a test looks only at the edges of the cursor's band.
//!
//! The edges are those of the area as drawn (its full-detail level, in world
//! space): what the user points at is what is picked. Each edge is the index
//! of its first vertex in that level (4 bytes; it runs to the next vertex, or
//! back to its ring's first), where geo's interval tree kept a copy of every
//! segment in a tree node (about sixteen times the memory for a world of
//! regions).

use crate::atlas::shape::AreaLevel;
use crate::geometry::projection::WorldPoint;

/// About this many edges per band, on average.
const EDGES_PER_BAND: usize = 8;
const MAX_BANDS: usize = 1 << 16;

/// An area's edges by band of world y.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    y_min: f64,
    band_height: f64,
    /// The edges of band `b` are `edges[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// Each edge as the index of its first vertex in the level, flagged with
    /// [`CLOSES`] if it is a ring's last (back to the ring's first vertex).
    edges: Vec<u32>,
}

/// The flag of an edge that closes its ring. Vertex indices stay below it:
/// files are at most 1 GB, so far fewer than 2³¹ vertices.
const CLOSES: u32 = 1 << 31;

/// The two vertices of `edge`, a ring's ends being `ring_ends`.
fn edge_ends(edge: u32, ring_ends: &[u32]) -> (usize, usize) {
    let first = edge & !CLOSES;
    if edge & CLOSES == 0 {
        return (first as usize, first as usize + 1);
    }
    let ring = ring_ends.partition_point(|&end| end <= first);
    let start = ring.checked_sub(1).and_then(|r| ring_ends.get(r)).copied();
    (first as usize, start.unwrap_or(0) as usize)
}

impl Outline {
    /// The outline of `level` (every ring, closed).
    #[must_use]
    pub fn new(level: &AreaLevel) -> Self {
        let vertices = &level.mesh.vertices;
        let mut ring_edges = Vec::with_capacity(vertices.len());
        let mut start = 0u32;
        for &end in &level.ring_ends {
            for i in start..end.min(CLOSES) {
                ring_edges.push(if i + 1 == end { i | CLOSES } else { i });
            }
            start = end;
        }
        let (y_min, y_max) = vertices.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| {
            (lo.min(v.y), hi.max(v.y))
        });
        if ring_edges.is_empty() || y_max < y_min {
            return Self::default();
        }
        let bands = (ring_edges.len() / EDGES_PER_BAND).clamp(1, MAX_BANDS);
        #[allow(clippy::cast_precision_loss, reason = "at most 65,536 bands")]
        let band_height = ((y_max - y_min) / bands as f64).max(f64::MIN_POSITIVE);
        let band_of = |y: f64| -> usize {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "clamped to the bands"
            )]
            let b = ((y - y_min) / band_height).floor().max(0.0) as usize;
            b.min(bands - 1)
        };
        let span = |edge: u32| {
            let (a, b) = edge_ends(edge, &level.ring_ends);
            let y = |i: usize| vertices.get(i).map_or(y_min, |v| v.y);
            let (ya, yb) = (y(a), y(b));
            band_of(ya.min(yb))..=band_of(ya.max(yb))
        };
        // Counting sort: sizes, then offsets, then the edges in place.
        let mut starts = vec![0u32; bands + 1];
        for &edge in &ring_edges {
            for b in span(edge) {
                starts[b + 1] += 1;
            }
        }
        for b in 0..bands {
            starts[b + 1] += starts[b];
        }
        let mut fill = starts.clone();
        let mut edges = vec![0u32; starts[bands] as usize];
        for &edge in &ring_edges {
            for b in span(edge) {
                edges[fill[b] as usize] = edge;
                fill[b] += 1;
            }
        }
        Self {
            y_min,
            band_height,
            starts,
            edges,
        }
    }

    /// Whether `p` lies inside (even–odd: holes are outside), `level`
    /// being the one the outline was made from.
    #[must_use]
    pub fn contains(&self, level: &AreaLevel, p: WorldPoint) -> bool {
        let vertices = &level.mesh.vertices;
        let bands = self.starts.len().saturating_sub(1);
        if bands == 0 || p.y < self.y_min {
            return false;
        }
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "checked against the bands"
        )]
        let band = ((p.y - self.y_min) / self.band_height).floor() as usize;
        if band > bands {
            return false;
        }
        let band = band.min(bands - 1);
        let range = self.starts[band] as usize..self.starts[band + 1] as usize;
        let mut inside = false;
        for &edge in self.edges.get(range).unwrap_or_default() {
            let (first, second) = edge_ends(edge, &level.ring_ends);
            let (Some(a), Some(b)) = (vertices.get(first), vertices.get(second)) else {
                continue;
            };
            if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) {
                inside = !inside;
            }
        }
        inside
    }

    /// Bytes held (for `stats`).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.starts.capacity() * 4 + self.edges.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::shape::AreaShape;
    use crate::atlas::{Feature, FeatureGeometry};
    use crate::geometry::projection::LonLat;
    use geo::{Contains, LineString, MultiPolygon, Polygon};

    fn feature(areas: MultiPolygon<f64>) -> Feature {
        let mut f = Feature::town(
            "t".into(),
            "t".into(),
            None,
            LonLat { lon: 0.0, lat: 0.0 },
            serde_json::Map::new(),
        );
        f.geometry = FeatureGeometry::Area(areas);
        f
    }

    #[test]
    fn agrees_with_geo_on_a_ring_with_a_hole_and_an_island() {
        #[allow(clippy::cast_precision_loss)]
        let star: Vec<(f64, f64)> = (0..=400)
            .map(|i| {
                let t = f64::from(i % 400) / 400.0 * std::f64::consts::TAU;
                let r = if i % 2 == 0 { 10.0 } else { 4.0 };
                (r * t.cos(), r * t.sin())
            })
            .collect();
        let hole = LineString::from(vec![
            (-1.0, -1.0),
            (1.0, -1.0),
            (1.0, 1.0),
            (-1.0, 1.0),
            (-1.0, -1.0),
        ]);
        let island = LineString::from(vec![(20.0, 0.0), (22.0, 0.0), (22.0, 2.0), (20.0, 0.0)]);
        let areas = MultiPolygon(vec![
            Polygon::new(LineString::from(star), vec![hole]),
            Polygon::new(island, vec![]),
        ]);
        let f = feature(areas.clone());
        let shape = AreaShape::of(&f).unwrap_or_else(|| panic!("an area"));
        let level = shape.source().unwrap_or_else(|| panic!("a level"));
        let outline = Outline::new(level);
        let world_areas: Vec<Polygon<f64>> = areas
            .iter()
            .map(crate::geometry::tessellate::polygon_to_world)
            .collect();
        let mut state = 7u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            #[allow(clippy::cast_precision_loss)]
            let x = (state >> 11) as f64 / (1u64 << 53) as f64;
            x * 50.0 - 25.0
        };
        let mut inside = 0;
        for _ in 0..5_000 {
            let p = LonLat {
                lon: next(),
                lat: next(),
            };
            let world = WorldPoint::from_lonlat(p);
            // Edges are straight on the map (in world space), as drawn.
            let expected = world_areas
                .iter()
                .any(|poly| poly.contains(&geo::Point::new(world.x, world.y)));
            let got = outline.contains(level, world);
            assert_eq!(got, expected, "{p:?}");
            inside += usize::from(got);
        }
        assert!(inside > 200, "{inside} points inside");
        assert!(outline.heap_bytes() > 0);
    }
}
