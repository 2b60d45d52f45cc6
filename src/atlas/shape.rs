//! What the map needs to draw a feature, in world space, computed once: each
//! area at a few levels of detail (outline simplified, then triangulated), so
//! that a zoomed-out view of the whole world draws a few vertices per pixel
//! rather than every vertex of a 1:10m coastline.

use geo::{BoundingRect, LineString, MultiPolygon, Polygon};

use super::feature::{Feature, FeatureGeometry};
use crate::geometry::projection::{LonLat, WorldPoint};
use crate::geometry::simplify::simplify_polygon;
use crate::geometry::tessellate::{WorldMesh, polygon_to_world, tessellate_world};
use crate::view::camera::MAX_SCALE;

/// The simplification of each coarser level, in world units (the world is
/// the unit square, 40 075 km wide at the equator): about 150 m, 600 m,
/// 2.4 km, 10 km, 39 km and 160 km. Each level is used while its error
/// stays under [`MAX_ERROR_PX`] on screen.
const LEVEL_TOLERANCES: [f64; 6] = [
    1.0 / 262_144.0,
    1.0 / 65_536.0,
    1.0 / 16_384.0,
    1.0 / 4_096.0,
    1.0 / 1_024.0,
    1.0 / 256.0,
];

/// A coarser level is drawn while its simplification error is under this
/// many pixels: outlines are a pixel wide, so the shape moves by at most
/// their width (and by a quarter of it on average: levels are a factor 4
/// apart).
pub const MAX_ERROR_PX: f64 = 1.0;

/// The tolerances grow by 4 from level to level, so a level simplified from
/// the one before is at most 1 + 1/4 + 1/16 + … < 4/3 of its own tolerance
/// away from the source.
const CASCADE_ERROR: f64 = 4.0 / 3.0;

/// A coarser level is kept only if it has at most this share of the
/// vertices of the finer one kept (else it would cost memory for little).
const MAX_SHARE: f64 = 0.5;

/// How many tiers of detail there are: within a tier every area is drawn at
/// the same level whatever the scale, so a tier's triangles can be kept on the
/// GPU and drawn at any scale of its range.
pub const DETAIL_TIERS: usize = LEVEL_TOLERANCES.len() + 1;

/// The tier of detail drawn at `pixels_per_world`: 0 (every area at full
/// detail) when zoomed in, up to `DETAIL_TIERS - 1` for the whole world.
#[must_use]
pub fn detail_tier(pixels_per_world: f64) -> usize {
    let allowed = MAX_ERROR_PX / pixels_per_world;
    LEVEL_TOLERANCES
        .iter()
        .filter(|&&t| t * CASCADE_ERROR <= allowed)
        .count()
}

/// The largest scale (pixels per world width) drawn at `tier`: where its
/// coarsest tolerance still fits the error allowed (unbounded for tier 0).
#[must_use]
pub fn tier_max_scale(tier: usize) -> f64 {
    match tier.checked_sub(1).and_then(|t| LEVEL_TOLERANCES.get(t)) {
        Some(&tolerance) => MAX_ERROR_PX / (tolerance * CASCADE_ERROR),
        None => f64::INFINITY,
    }
}

/// An area at one level of detail: its rings, and their triangles.
#[derive(Clone, Debug, Default)]
pub struct AreaLevel {
    /// Largest distance (world units) from the source outline; 0 for the source.
    pub tolerance: f64,
    /// Every ring's vertices one after the other (without repeating the
    /// first at the end) and the fill's triangles over them.
    pub mesh: WorldMesh,
    /// Where each ring ends in `mesh.vertices` (exclusive).
    pub ring_ends: Vec<u32>,
}

/// How far (world units) a level's stored vertices may lie from its
/// computed ones: a 64th of a pixel at the finest zoom the level is drawn
/// at (for the source, the camera's deepest; for a coarser level, where its
/// distance from the source, `tolerance`, reaches [`MAX_ERROR_PX`]).
fn storage_error(tolerance: f64) -> f64 {
    let finest_scale = if tolerance > 0.0 {
        MAX_ERROR_PX / tolerance
    } else {
        MAX_SCALE
    };
    1.0 / 64.0 / finest_scale
}

impl AreaLevel {
    fn new(tolerance: f64, polygons: &[Polygon<f64>]) -> Self {
        // Kept for the whole session: `tessellate_world` gives back the room
        // its buffers grew into, packs the triangles' indices and stores the
        // vertices as offsets.
        let (mesh, ring_ends) = tessellate_world(polygons, storage_error(tolerance));
        Self {
            tolerance,
            mesh,
            ring_ends: ring_ends.into_iter().map(index_u32).collect(),
        }
    }

    /// Each ring's vertices (closed implicitly: the last joins the first).
    pub fn rings(
        &self,
    ) -> impl Iterator<Item = impl ExactSizeIterator<Item = WorldPoint> + Clone + '_> + '_ {
        let mut start = 0;
        self.ring_ends.iter().map(move |&end| {
            let ring = self.mesh.vertices.range(start..end as usize);
            start = end as usize;
            ring
        })
    }

    #[must_use]
    pub fn vertex_count(&self) -> usize {
        self.mesh.vertices.len()
    }

    /// Bytes held: vertices, triangle indices, ring ends.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.mesh.vertices.heap_bytes()
            + self.mesh.indices.heap_bytes()
            + self.ring_ends.capacity() * 4
    }
}

/// Vertex counts are far below 2³² (files are at most 1 GB): u32 indices,
/// egui's type, suffice.
#[allow(clippy::cast_possible_truncation, reason = "see above")]
fn index_u32(i: usize) -> u32 {
    i as u32
}

/// What the map needs to draw an area (or imported lines and points), in
/// world space, computed once.
#[derive(Clone, Debug)]
pub struct AreaShape {
    /// The areas, finest (the source) first, then ever coarser; empty for
    /// lines and points.
    pub levels: Vec<AreaLevel>,
    /// Open polylines (imported lines).
    pub lines: Vec<Vec<WorldPoint>>,
    /// Single positions (imported multi-points).
    pub dots: Vec<WorldPoint>,
    pub world_min: WorldPoint,
    pub world_max: WorldPoint,
}

fn world_line(line: &LineString<f64>) -> Vec<WorldPoint> {
    line.coords()
        .map(|&c| WorldPoint::from_lonlat(LonLat::from_coord(c)))
        .collect()
}

/// The polygons of `world` simplified by `tolerance`: those smaller than it
/// dropped (they would be under a pixel), holes too.
fn simplified(world: &[Polygon<f64>], tolerance: f64) -> Vec<Polygon<f64>> {
    let big_enough = |ring: &LineString<f64>| {
        ring.bounding_rect()
            .is_some_and(|b| b.width().max(b.height()) >= tolerance)
    };
    world
        .iter()
        .filter(|p| big_enough(p.exterior()))
        .filter_map(|p| {
            let holes = p.interiors().iter().filter(|h| big_enough(h)).cloned();
            simplify_polygon(
                &Polygon::new(p.exterior().clone(), holes.collect()),
                tolerance,
            )
        })
        .collect()
}

impl AreaShape {
    fn bounded(levels: Vec<AreaLevel>, lines: Vec<Vec<WorldPoint>>, dots: Vec<WorldPoint>) -> Self {
        let mut min = WorldPoint {
            x: f64::MAX,
            y: f64::MAX,
        };
        let mut max = WorldPoint {
            x: f64::MIN,
            y: f64::MIN,
        };
        let source = levels.first().map(|l| l.mesh.vertices.iter());
        for p in source
            .into_iter()
            .flatten()
            .chain(lines.iter().flatten().copied())
            .chain(dots.iter().copied())
        {
            min = WorldPoint {
                x: min.x.min(p.x),
                y: min.y.min(p.y),
            };
            max = WorldPoint {
                x: max.x.max(p.x),
                y: max.y.max(p.y),
            };
        }
        Self {
            levels,
            lines,
            dots,
            world_min: min,
            world_max: max,
        }
    }

    fn areas(areas: &MultiPolygon<f64>) -> Self {
        let world: Vec<Polygon<f64>> = areas.iter().map(polygon_to_world).collect();
        let mut levels = vec![AreaLevel::new(0.0, &world)];
        // Each level simplifies the one kept before (fewer vertices to look
        // at): its distance from the source is at most the sum of the
        // tolerances on the way, which [`CASCADE_ERROR`] bounds.
        let mut finer_polygons = world;
        for tolerance in LEVEL_TOLERANCES {
            let coarser = simplified(&finer_polygons, tolerance);
            let count: usize = coarser
                .iter()
                .map(|p| {
                    std::iter::once(p.exterior())
                        .chain(p.interiors())
                        .map(|r| r.0.len().saturating_sub(1))
                        .sum::<usize>()
                })
                .sum();
            let finer = levels.last().map_or(0, AreaLevel::vertex_count);
            #[allow(clippy::cast_precision_loss, reason = "a ratio of counts")]
            if (count as f64) <= finer as f64 * MAX_SHARE {
                levels.push(AreaLevel::new(tolerance * CASCADE_ERROR, &coarser));
                finer_polygons = coarser;
            }
        }
        // Kept all session: no room for levels that were not kept.
        levels.shrink_to_fit();
        Self::bounded(levels, Vec::new(), Vec::new())
    }

    /// Lines and points (and a mixed collection's polygons, as outlines).
    fn others(collection: &geo::GeometryCollection<f64>) -> Self {
        let (mut lines, mut dots) = (Vec::new(), Vec::new());
        let rings = |p: &Polygon<f64>| {
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .map(world_line)
                .collect::<Vec<_>>()
        };
        for g in collection {
            match g {
                geo::Geometry::LineString(l) => lines.push(world_line(l)),
                geo::Geometry::MultiLineString(ml) => lines.extend(ml.iter().map(world_line)),
                geo::Geometry::Polygon(p) => lines.extend(rings(p)),
                geo::Geometry::MultiPolygon(mp) => lines.extend(mp.iter().flat_map(rings)),
                geo::Geometry::Point(p) => {
                    dots.push(WorldPoint::from_lonlat(LonLat::from_coord(p.0)));
                }
                geo::Geometry::MultiPoint(mp) => dots.extend(
                    mp.iter()
                        .map(|p| WorldPoint::from_lonlat(LonLat::from_coord(p.0))),
                ),
                _ => {}
            }
        }
        Self::bounded(Vec::new(), lines, dots)
    }

    /// The shape of a feature; points have none (they are drawn as markers).
    #[must_use]
    pub fn of(feature: &Feature) -> Option<Self> {
        match &feature.geometry {
            FeatureGeometry::Area(areas) => Some(Self::areas(areas)),
            FeatureGeometry::Other(collection) => Some(Self::others(collection)),
            FeatureGeometry::Point(_) => None,
        }
    }

    /// The coarsest level whose error is invisible at `pixels_per_world`
    /// (the camera's scale); `None` for lines and points.
    #[must_use]
    pub fn level(&self, pixels_per_world: f64) -> Option<&AreaLevel> {
        self.coarsest_within(MAX_ERROR_PX / pixels_per_world)
    }

    /// The coarsest level at most `allowed` (world units) from the source;
    /// the source if none is.
    fn coarsest_within(&self, allowed: f64) -> Option<&AreaLevel> {
        self.levels
            .iter()
            .rev()
            .find(|l| l.tolerance <= allowed)
            .or(self.levels.first())
    }

    /// The level drawn in tier `tier` (see [`detail_tier`]): the same one
    /// [`AreaShape::level`] picks at every scale of that tier.
    #[must_use]
    pub fn tier_level(&self, tier: usize) -> Option<&AreaLevel> {
        let Some(allowed) = tier
            .checked_sub(1)
            .and_then(|i| LEVEL_TOLERANCES.get(i))
            .map(|t| t * CASCADE_ERROR)
        else {
            return self.levels.first();
        };
        self.coarsest_within(allowed)
    }

    /// The area at full detail.
    #[must_use]
    pub fn source(&self) -> Option<&AreaLevel> {
        self.levels.first()
    }

    /// Vertices kept for drawing, all levels together.
    #[must_use]
    pub fn vertex_count(&self) -> usize {
        self.levels
            .iter()
            .map(AreaLevel::vertex_count)
            .sum::<usize>()
            + self.lines.iter().map(Vec::len).sum::<usize>()
            + self.dots.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, polygon};

    fn wiggly_square(teeth: usize) -> MultiPolygon<f64> {
        // A 10° square whose bottom edge zigzags by 0.001° (about 110 m).
        let mut coords: Vec<(f64, f64)> = (0..=teeth)
            .map(|i| {
                #[allow(clippy::cast_precision_loss)]
                let x = 10.0 * i as f64 / teeth as f64;
                (x, if i % 2 == 0 { 0.0 } else { 0.001 })
            })
            .collect();
        coords.extend([(10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]);
        MultiPolygon(vec![Polygon::new(LineString::from(coords), vec![])])
    }

    #[test]
    fn a_tier_draws_the_level_picked_at_every_scale_in_it() {
        let shape = AreaShape::areas(&wiggly_square(2_000));
        let mut scale = 100.0;
        let mut tiers = std::collections::BTreeSet::new();
        while scale < 4.0e7 {
            let tier = detail_tier(scale);
            tiers.insert(tier);
            assert!(tier < DETAIL_TIERS);
            let (a, b) = (shape.level(scale), shape.tier_level(tier));
            assert!(
                match (a, b) {
                    (Some(a), Some(b)) => std::ptr::eq(a, b),
                    (None, None) => true,
                    _ => false,
                },
                "scale {scale}: tier {tier}"
            );
            scale *= 1.07;
        }
        assert_eq!(tiers.len(), DETAIL_TIERS, "every tier is met: {tiers:?}");
        for tier in 1..DETAIL_TIERS {
            // The largest scale of a tier is drawn at that tier, and a bit
            // more is the next finer one.
            assert_eq!(detail_tier(tier_max_scale(tier) * 0.999), tier);
            assert_eq!(detail_tier(tier_max_scale(tier) * 1.01), tier - 1);
        }
        assert_eq!(detail_tier(4.0e7), 0);
    }

    #[test]
    fn coarser_levels_have_fewer_vertices_and_the_same_area() {
        let areas = wiggly_square(2_000);
        let shape = AreaShape::areas(&areas);
        assert!(shape.levels.len() >= 2, "{} levels", shape.levels.len());
        let source_area = shape.levels[0].mesh.area();
        for pair in shape.levels.windows(2) {
            assert!(pair[1].tolerance > pair[0].tolerance);
            assert!(pair[1].vertex_count() < pair[0].vertex_count());
        }
        let coarsest = shape.levels.last().map_or(0.0, |l| l.mesh.area());
        assert!((coarsest - source_area).abs() < source_area * 0.01);
        let world: f64 = areas
            .iter()
            .map(|p| polygon_to_world(p).unsigned_area())
            .sum();
        assert!((source_area - world).abs() < world * 1e-9);
    }

    #[test]
    fn the_level_drawn_depends_on_the_zoom() {
        let shape = AreaShape::areas(&wiggly_square(2_000));
        let whole_world_in_1000_px = shape.level(1_000.0).map(|l| l.tolerance);
        let street = shape.level(1e9).map(|l| l.tolerance);
        assert_eq!(street, Some(0.0), "zoomed in: the source");
        assert!(
            whole_world_in_1000_px > Some(0.0),
            "zoomed out: a coarser level"
        );
        let allowed = MAX_ERROR_PX / 1_000.0;
        assert!(whole_world_in_1000_px.is_some_and(|t| t <= allowed));
    }

    #[test]
    fn rings_are_ranges_of_the_mesh_vertices() {
        let with_hole = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0), (x: 0.0, y: 0.0)],
            interiors: [[(x: 3.0, y: 3.0), (x: 3.0, y: 6.0), (x: 6.0, y: 6.0), (x: 3.0, y: 3.0)]],
        );
        let shape = AreaShape::areas(&MultiPolygon(vec![with_hole]));
        let rings: Vec<usize> = shape.levels[0].rings().map(|r| r.len()).collect();
        assert_eq!(rings, [4, 3]);
        assert_eq!(shape.levels.len(), 1, "nothing to simplify");
    }

    #[test]
    fn islands_smaller_than_a_level_leave_it() {
        let big = wiggly_square(2_000);
        let mut areas = big.0.clone();
        areas.push(polygon![(x: 20.0, y: 0.0), (x: 20.001, y: 0.0), (x: 20.0, y: 0.001), (x: 20.0, y: 0.0)]);
        let shape = AreaShape::areas(&MultiPolygon(areas));
        let rings = |l: &AreaLevel| l.rings().count();
        assert_eq!(rings(&shape.levels[0]), 2);
        assert_eq!(shape.levels.last().map(rings), Some(1));
    }
}
