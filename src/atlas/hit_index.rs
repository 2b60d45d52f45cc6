//! What is under the cursor, in two steps: an R-tree of bounding boxes finds
//! the few candidates, then exact geometry decides (point-in-polygon for areas,
//! on-screen distance for points). Areas are prepared once with their edges in
//! bands ([`Outline`]), so a point-in-polygon test on a 1:10m outline with
//! thousands of vertices looks at a handful of edges instead of all of them.

use std::sync::Arc;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::feature::{Feature, FeatureGeometry};
use super::outline::Outline;
use super::shape::AreaShape;
use crate::geometry::projection::{LonLat, Projector, ScreenPoint, WorldPoint};
use crate::geometry::simplify::segment_distance2;

type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// A feature's box in world space (where the map is drawn, so a cursor's
/// neighbourhood and a point's distance need no projection per candidate);
/// hidden features are not pickable.
fn entry(index: usize, feature: &Feature) -> Option<Entry> {
    // Water would take the clicks meant for the regions around it.
    if !feature.kind.is_picked() {
        return None;
    }
    let b = feature.bbox().filter(|_| !feature.hidden)?;
    // World y grows southward: the north-west corner is the minimum.
    let north_west = WorldPoint::from_lonlat(LonLat {
        lon: b.min().x,
        lat: b.max().y,
    });
    let south_east = WorldPoint::from_lonlat(LonLat {
        lon: b.max().x,
        lat: b.min().y,
    });
    Some(Entry::new(
        Rectangle::from_corners([north_west.x, north_west.y], [south_east.x, south_east.y]),
        index,
    ))
}

/// Distance in pixels from `pos` to the nearest line or point of `collection`.
fn screen_distance(
    collection: &geo::GeometryCollection<f64>,
    projector: &Projector,
    pos: ScreenPoint,
) -> f32 {
    use geo::CoordsIter;
    let to_screen = |c: geo::Coord<f64>| {
        projector.screen_from_lonlat(crate::geometry::projection::LonLat::from_coord(c))
    };
    let coord = |p: ScreenPoint| geo::Coord {
        x: f64::from(p.x),
        y: f64::from(p.y),
    };
    #[allow(clippy::cast_possible_truncation, reason = "pixels")]
    let to_segment = |a: ScreenPoint, b: ScreenPoint| {
        segment_distance2(coord(pos), coord(a), coord(b)).sqrt() as f32
    };
    let mut best = f32::MAX;
    for geometry in collection {
        let lines: Vec<geo::LineString<f64>> = match geometry {
            geo::Geometry::LineString(l) => vec![l.clone()],
            geo::Geometry::MultiLineString(ml) => ml.0.clone(),
            geo::Geometry::Polygon(p) => std::iter::once(p.exterior().clone())
                .chain(p.interiors().iter().cloned())
                .collect(),
            geo::Geometry::MultiPolygon(mp) => mp
                .iter()
                .flat_map(|p| {
                    std::iter::once(p.exterior().clone()).chain(p.interiors().iter().cloned())
                })
                .collect(),
            other => {
                for c in other.coords_iter() {
                    let p = to_screen(c);
                    best = best.min((p.x - pos.x).hypot(p.y - pos.y));
                }
                Vec::new()
            }
        };
        for line in &lines {
            for segment in line.lines() {
                best = best.min(to_segment(to_screen(segment.start), to_screen(segment.end)));
            }
        }
    }
    best
}

/// R-tree over the lon/lat bounding boxes of an atlas's features, and each
/// area's outline prepared for containment tests.
#[derive(Clone, Default)]
pub struct HitIndex {
    tree: RTree<Entry>,
    outlines: Vec<Option<Arc<Outline>>>,
}

impl std::fmt::Debug for HitIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HitIndex")
            .field("features", &self.tree.size())
            .finish_non_exhaustive()
    }
}

impl HitIndex {
    /// Adds the features at these indices (of `features`) with their
    /// prepared outlines. Many at once rebuild the tree in one bulk load
    /// (a better tree, and faster than inserting one by one).
    pub fn insert_all(&mut self, features: &[Feature], added: Vec<(usize, Option<Arc<Outline>>)>) {
        let entries: Vec<Entry> = added
            .iter()
            .filter_map(|(i, _)| entry(*i, features.get(*i)?))
            .collect();
        for (i, outline) in added {
            if self.outlines.len() <= i {
                self.outlines.resize_with(i + 1, || None);
            }
            self.outlines[i] = outline;
        }
        if entries.len() > self.tree.size() {
            let all = std::mem::take(&mut self.tree).into_iter().chain(entries);
            self.tree = RTree::bulk_load(all.collect());
        } else {
            for e in entries {
                self.tree.insert(e);
            }
        }
    }

    /// Takes `feature` (at `index`) out of the tree, before it changes.
    pub fn remove(&mut self, index: usize, feature: &Feature) {
        if let Some(e) = entry(index, feature) {
            self.tree.remove(&e);
        }
    }

    /// Puts `new` where `old` was (at `index`), with its own box and outline.
    pub fn replace(
        &mut self,
        index: usize,
        old: &Feature,
        new: &Feature,
        outline: Option<Arc<Outline>>,
    ) {
        self.remove(index, old);
        if let Some(slot) = self.outlines.get_mut(index) {
            *slot = outline;
        }
        if let Some(e) = entry(index, new) {
            self.tree.insert(e);
        }
    }

    /// Adds back the feature at `index` (shown again), its outline kept.
    pub fn insert(&mut self, index: usize, feature: &Feature) {
        if let Some(e) = entry(index, feature) {
            self.tree.insert(e);
        }
    }

    /// The areas (by index) whose outline contains `at`.
    #[must_use]
    pub fn areas_containing(
        &self,
        shapes: &[Option<std::sync::Arc<AreaShape>>],
        at: LonLat,
    ) -> Vec<usize> {
        let p = WorldPoint::from_lonlat(at);
        let envelope = AABB::from_point([p.x, p.y]);
        self.tree
            .locate_in_envelope_intersecting(&envelope)
            .map(|entry| entry.data)
            .filter(|&index| {
                let level = shapes
                    .get(index)
                    .and_then(Option::as_deref)
                    .and_then(AreaShape::source);
                self.outlines
                    .get(index)
                    .and_then(Option::as_ref)
                    .zip(level)
                    .is_some_and(|(outline, level)| outline.contains(level, p))
            })
            .collect()
    }

    /// The feature to pick at `pos_in_screen`: a point within `radius_px`
    /// pixels first (the nearest), else a line within reach or the area of
    /// highest rank containing the cursor (zone, then region, then country;
    /// the smaller on a tie).
    #[must_use]
    pub fn pick(
        &self,
        features: &[Feature],
        shapes: &[Option<std::sync::Arc<AreaShape>>],
        projector: &Projector,
        pos_in_screen: ScreenPoint,
        radius_px: f32,
        shown: &dyn Fn(&Feature) -> bool,
    ) -> Option<usize> {
        let cursor = projector.world_from_screen(pos_in_screen);
        let scale = projector.camera().scale();
        let reach = f64::from(radius_px) / scale;
        let envelope = AABB::from_corners(
            [cursor.x - reach, cursor.y - reach],
            [cursor.x + reach, cursor.y + reach],
        );

        // (rank, inside an area, tie-break, index): lowest wins. Within a
        // rank, a line or point within reach beats an area around the
        // cursor (pointing at a road in a zone means the road); then the
        // nearest line or point (pixels), or the smallest area (world units²).
        let mut best: Option<(u8, bool, f64, usize)> = None;
        for entry in self.tree.locate_in_envelope_intersecting(&envelope) {
            let index = entry.data;
            let feature = &features[index];
            // A town the map does not draw at this zoom cannot be clicked.
            if !shown(feature) {
                continue;
            }
            let tie_break = match &feature.geometry {
                FeatureGeometry::Point(_) => {
                    // A point's box is the point (in world space).
                    let at = entry.geom().lower();
                    let d = (at[0] - cursor.x).hypot(at[1] - cursor.y) * scale;
                    if d > f64::from(radius_px) {
                        continue;
                    }
                    d
                }
                FeatureGeometry::Area(_) => {
                    let level = shapes
                        .get(index)
                        .and_then(Option::as_deref)
                        .and_then(AreaShape::source);
                    let inside = self
                        .outlines
                        .get(index)
                        .and_then(Option::as_ref)
                        .zip(level)
                        .is_some_and(|(outline, level)| outline.contains(level, cursor));
                    if !inside {
                        continue;
                    }
                    // The box in the tree: measuring the outline's own box
                    // would walk every vertex of a big region on every hover.
                    let (lower, upper) = (entry.geom().lower(), entry.geom().upper());
                    (upper[0] - lower[0]) * (upper[1] - lower[1])
                }
                FeatureGeometry::Other(collection) => {
                    let d = screen_distance(collection, projector, pos_in_screen);
                    if d > radius_px {
                        continue;
                    }
                    f64::from(d)
                }
            };
            let is_area = matches!(feature.geometry, FeatureGeometry::Area(_));
            let candidate = (feature.kind.pick_rank(), is_area, tie_break, index);
            if best.is_none_or(|b| (candidate.0, candidate.1, candidate.2) < (b.0, b.1, b.2)) {
                best = Some(candidate);
            }
        }
        best.map(|(_, _, _, index)| index)
    }
}
