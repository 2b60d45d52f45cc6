//! Mention badges laid out without overlaps, for the window and the image
//! export alike.
//!
//! Places (points) first, most mentioned first: a badge that would overlap
//! one already placed joins it, and the cluster shows the sum (the places
//! are distinct, so their mentions add up). Then areas, where there is room:
//! an area's count already includes the places inside it, so it is never
//! added to a cluster (that would count mentions twice); it is left out
//! instead, and the panel still gives it. Place names are laid out after
//! badges and avoid them ([`rects`]), so badges never cover a name.
//!
//! The work is the features that have badges and are on screen, never the
//! atlas or the corpus.

use crate::atlas::{Atlas, FeatureId};
use crate::geometry::projection::{LonLat, Projector, ScreenPoint, ScreenRect};
use crate::view::palette::MARKER_RADIUS;

/// Height of a badge, in pixels.
pub const HEIGHT: f32 = 15.0;
/// Free space kept around each badge, in pixels.
const GAP: f32 = 1.0;

/// A badge's width for its number (10.5 px digits and a rounded margin).
#[must_use]
pub fn width(count: usize) -> f32 {
    let digits = count.max(1).ilog10() + 1;
    digits as f32 * 6.2 + 8.0
}

/// One feature's badge before layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub feature: FeatureId,
    pub center: ScreenPoint,
    pub count: usize,
    /// Where the feature is (for a cluster's zoom).
    pub at: LonLat,
    pub is_point: bool,
}

/// A badge to draw: one feature's, or a cluster of places.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub center: ScreenPoint,
    pub count: usize,
    /// The features counted, the one the badge stands at first.
    pub members: Vec<FeatureId>,
    /// The members' positions: a click on a cluster frames them.
    pub extent: (LonLat, LonLat),
}

impl Placed {
    #[must_use]
    pub fn rect(&self) -> ScreenRect {
        rect_at(self.center, self.count)
    }

    #[must_use]
    pub fn is_cluster(&self) -> bool {
        self.members.len() > 1
    }
}

fn rect_at(center: ScreenPoint, count: usize) -> ScreenRect {
    let half_w = width(count) / 2.0 + GAP;
    let half_h = HEIGHT / 2.0 + GAP;
    ScreenRect {
        min: ScreenPoint {
            x: center.x - half_w,
            y: center.y - half_h,
        },
        max: ScreenPoint {
            x: center.x + half_w,
            y: center.y + half_h,
        },
    }
}

fn overlaps(a: &ScreenRect, b: &ScreenRect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

/// The badges of the features in `counts` that are shown and on screen
/// (`view`), each at its place: above-left of a point's marker, above an
/// area's label point.
#[must_use]
pub fn candidates<S: std::hash::BuildHasher>(
    atlas: &Atlas,
    projector: &Projector,
    counts: &std::collections::HashMap<FeatureId, usize, S>,
    view: ScreenRect,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = counts
        .iter()
        .filter_map(|(id, &count)| {
            let feature = atlas.get(id).filter(|f| !f.hidden)?;
            let anchor = projector.screen_from_lonlat(feature.label_at);
            let is_point = feature.point().is_some();
            let center = if is_point {
                ScreenPoint {
                    x: anchor.x - MARKER_RADIUS - 2.0,
                    y: anchor.y - MARKER_RADIUS - 9.0,
                }
            } else {
                ScreenPoint {
                    x: anchor.x,
                    y: anchor.y - 22.0,
                }
            };
            view.contains(center).then(|| Candidate {
                feature: id.clone(),
                center,
                count,
                at: feature.label_at,
                is_point,
            })
        })
        .collect();
    // A stable order (the map iterates a hash map): the same view lays out
    // the same badges every frame.
    out.sort_by(|a, b| a.feature.0.cmp(&b.feature.0));
    out
}

/// Lays the candidates out: see the module's documentation.
#[must_use]
pub fn place(mut candidates: Vec<Candidate>) -> Vec<Placed> {
    candidates.sort_by(|a, b| {
        (b.is_point, b.count)
            .cmp(&(a.is_point, a.count))
            .then_with(|| a.feature.0.cmp(&b.feature.0))
    });
    let mut placed: Vec<Placed> = Vec::new();
    for c in candidates {
        let rect = rect_at(c.center, c.count);
        let hit = placed.iter().position(|p| overlaps(&p.rect(), &rect));
        match hit {
            None => placed.push(Placed {
                center: c.center,
                count: c.count,
                members: vec![c.feature],
                extent: (c.at, c.at),
            }),
            Some(i) if c.is_point => {
                let p = &mut placed[i];
                p.count += c.count;
                p.members.push(c.feature);
                p.extent = (
                    LonLat {
                        lon: p.extent.0.lon.min(c.at.lon),
                        lat: p.extent.0.lat.min(c.at.lat),
                    },
                    LonLat {
                        lon: p.extent.1.lon.max(c.at.lon),
                        lat: p.extent.1.lat.max(c.at.lat),
                    },
                );
            }
            // An area's badge where there is no room: left out.
            Some(_) => {}
        }
    }
    placed
}

/// The boxes the badges take, for the labels to avoid.
#[must_use]
pub fn rects(placed: &[Placed]) -> Vec<ScreenRect> {
    placed.iter().map(Placed::rect).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(name: &str, x: f32, count: usize, is_point: bool) -> Candidate {
        Candidate {
            feature: FeatureId(name.into()),
            center: ScreenPoint { x, y: 100.0 },
            count,
            at: LonLat {
                lon: f64::from(x) / 100.0,
                lat: 10.0,
            },
            is_point,
        }
    }

    #[test]
    fn overlapping_places_merge_into_a_cluster_with_the_sum() {
        let placed = place(vec![
            candidate("a", 100.0, 3, true),
            candidate("b", 105.0, 40, true),
            candidate("c", 300.0, 7, true),
        ]);
        assert_eq!(placed.len(), 2);
        let cluster = &placed[0];
        assert_eq!(cluster.count, 43);
        assert_eq!(cluster.members[0].0, "b", "stands at the most mentioned");
        assert!(cluster.is_cluster());
        assert!(
            (cluster.extent.0.lon - 1.0).abs() < 1e-9 && (cluster.extent.1.lon - 1.05).abs() < 1e-9
        );
        assert!(!placed[1].is_cluster());
    }

    #[test]
    fn an_area_never_joins_a_cluster_and_no_two_badges_overlap() {
        let placed = place(vec![
            candidate("mali", 102.0, 500, false),
            candidate("gao", 100.0, 30, true),
            candidate("niger", 400.0, 90, false),
        ]);
        let counts: Vec<usize> = placed.iter().map(|p| p.count).collect();
        assert_eq!(counts, vec![30, 90], "Mali's badge left out, not summed");
        let rects = rects(&placed);
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!overlaps(a, b));
            }
        }
    }

    #[test]
    fn widths_grow_with_digits() {
        assert!(width(9) < width(10) && width(10) < width(38_767));
        assert!((width(0) - width(1)).abs() < f32::EPSILON);
    }
}
