//! What is under the cursor, in two steps: an R-tree of bounding boxes finds
//! the few candidates, then exact geometry decides (point-in-polygon for areas,
//! on-screen distance for points). Areas are prepared once as interval trees of
//! their edges, so a point-in-polygon test on a 1:10m outline with thousands of
//! vertices looks at a handful of edges instead of all of them.

use geo::Contains;
use geo::indexed::IntervalTreeMultiPolygon;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::feature::{Feature, FeatureGeometry};
use crate::geometry::projection::{Projector, ScreenPoint};

type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// A feature's lon/lat box in the tree; hidden features are not pickable.
fn entry(index: usize, feature: &Feature) -> Option<Entry> {
    let b = feature.bbox().filter(|_| !feature.hidden)?;
    Some(Entry::new(
        Rectangle::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]),
        index,
    ))
}

/// R-tree over the lon/lat bounding boxes of an atlas's features, and each
/// area's outline prepared for containment tests.
pub struct HitIndex {
    tree: RTree<Entry>,
    prepared: Vec<Option<IntervalTreeMultiPolygon<f64>>>,
}

impl std::fmt::Debug for HitIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HitIndex")
            .field("features", &self.tree.size())
            .finish_non_exhaustive()
    }
}

impl HitIndex {
    #[must_use]
    pub fn build(features: &[Feature]) -> Self {
        let entries = features
            .iter()
            .enumerate()
            .filter_map(|(i, f)| entry(i, f))
            .collect();
        let prepared = features
            .iter()
            .map(|f| match &f.geometry {
                FeatureGeometry::Area(areas) => Some(IntervalTreeMultiPolygon::new(areas)),
                FeatureGeometry::Point(_) => None,
            })
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
            prepared,
        }
    }

    /// Takes `feature` (at `index`) out of the tree, before it changes.
    pub fn remove(&mut self, index: usize, feature: &Feature) {
        if let Some(e) = entry(index, feature) {
            self.tree.remove(&e);
        }
    }

    /// Adds a point feature that was appended to the atlas at `index`.
    pub fn insert_point(&mut self, index: usize, feature: &Feature) {
        if let Some(e) = entry(index, feature) {
            self.tree.insert(e);
        }
        self.prepared.resize_with(index + 1, || None);
    }

    /// The feature to pick at `pos_in_screen`: a point within `radius_px`
    /// pixels first (the nearest), else the area of highest rank containing
    /// the cursor (zone, then region, then country; the smaller on a tie).
    #[must_use]
    pub fn pick(
        &self,
        features: &[Feature],
        projector: &Projector,
        pos_in_screen: ScreenPoint,
        radius_px: f32,
    ) -> Option<usize> {
        let corner = |dx: f32, dy: f32| {
            projector.lonlat_from_screen(ScreenPoint {
                x: pos_in_screen.x + dx,
                y: pos_in_screen.y + dy,
            })
        };
        let (sw, ne) = (corner(-radius_px, radius_px), corner(radius_px, -radius_px));
        let envelope = AABB::from_corners([sw.lon, sw.lat], [ne.lon, ne.lat]);
        let cursor = projector.lonlat_from_screen(pos_in_screen).to_point();

        // (rank, tie-break, index): lowest wins.
        let mut best: Option<(u8, f64, usize)> = None;
        for entry in self.tree.locate_in_envelope_intersecting(&envelope) {
            let index = entry.data;
            let feature = &features[index];
            let tie_break = match &feature.geometry {
                FeatureGeometry::Point(at) => {
                    let p = projector.screen_from_lonlat(*at);
                    let d = (p.x - pos_in_screen.x).hypot(p.y - pos_in_screen.y);
                    if d > radius_px {
                        continue;
                    }
                    f64::from(d)
                }
                FeatureGeometry::Area(_) => {
                    let inside = self
                        .prepared
                        .get(index)
                        .and_then(Option::as_ref)
                        .is_some_and(|p| p.contains(&cursor));
                    if !inside {
                        continue;
                    }
                    feature.bbox().map_or(f64::MAX, |b| b.width() * b.height())
                }
            };
            let candidate = (feature.kind.pick_rank(), tie_break, index);
            if best.is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                best = Some(candidate);
            }
        }
        best.map(|(_, _, index)| index)
    }
}
