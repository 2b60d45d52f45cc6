//! The atlas as a GPU scene: for each tier of detail the map can be zoomed
//! out to, every visible area's fill triangles and outline segments in world
//! space, in the colours of [`crate::ui::style::area_style`]. Built when the map's contents
//! change (a layer added, shown, hidden or faded), not when the camera moves.

use std::sync::Arc;

use dispatch_map_gl::{
    ALWAYS, Batch, MapGl, OutlineRules, POINT_BYTES, PointStyle, extent_code, width_16ths,
};
use egui::Color32;

use crate::atlas::shape::{DETAIL_TIERS, detail_tier};
use crate::atlas::{AreaLevel, AreaShape, Atlas, Feature};
use crate::geometry::projection::WorldPoint;
use crate::ui::style::faded_area_style;
use crate::view::camera::MIN_SCALE;

use super::outline_rules::{HAIRLINE_BELOW_PX, HAIRLINE_PX, MIN_OUTLINED_PX, MIN_OUTLINED_RING_PX};

/// The CPU path's outline rules, for the GPU to apply at each zoom.
pub const RULES: OutlineRules = OutlineRules {
    min_outlined_px: MIN_OUTLINED_PX as f32,
    hairline_below_px: HAIRLINE_BELOW_PX as f32,
    hairline_px: HAIRLINE_PX,
    min_ring_px: MIN_OUTLINED_RING_PX,
};

/// Chunks are culled on a grid of this many cells a side over the world.
const GRID: u32 = 32;

/// A tier reaches the GPU in parts of about this size: the builder holds
/// the part it builds and at most one waiting for the next draw (a whole
/// tier of the world's regions is 44 MB), and each draw uploads a part.
pub const PART_BYTES: usize = 2 << 20;

/// How often a builder waiting for a draw looks for a newer request.
const WAIT_STEP: std::time::Duration = std::time::Duration::from_millis(50);

/// The tiers the GPU draws: every tier but the finest (zoomed in, the CPU
/// path draws only what is on screen at full detail), up to the coarsest the
/// camera can zoom out to.
#[must_use]
pub fn gpu_tiers() -> std::ops::RangeInclusive<usize> {
    1..=detail_tier(MIN_SCALE).min(DETAIL_TIERS - 1)
}

fn world(p: WorldPoint) -> [f32; 2] {
    [p.x as f32, p.y as f32]
}

fn extent(points: impl IntoIterator<Item = WorldPoint>) -> f64 {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        min_x = min_x.min(p.x);
        min_y = min_y.min(p.y);
        max_x = max_x.max(p.x);
        max_y = max_y.max(p.y);
    }
    (max_x - min_x).max(max_y - min_y)
}

/// A shown feature, as the scene draws it: taken from the atlas on the UI
/// thread (its shape shared, not copied), drawn into a scene on the
/// builder's.
#[derive(Clone)]
pub struct Drawn {
    index: usize,
    outline_layer: u8,
    shape: Arc<AreaShape>,
    fill: Color32,
    stroke: egui::Stroke,
    /// The web-map zoom from which it is drawn (reference layers' rivers).
    min_zoom: f32,
}

/// Whether `drawn` is part of `tier`: a river is, if the tier's finest
/// scale is zoomed in enough for it (the CPU path's rule at that scale).
fn in_tier(drawn: &Drawn, tier: usize) -> bool {
    use crate::atlas::reference::web_zoom_from_scale;
    drawn.min_zoom <= 0.0
        || web_zoom_from_scale(crate::atlas::shape::tier_max_scale(tier)) >= drawn.min_zoom
}

/// Every shown feature with a shape, in its style (`opacity` fades a
/// feature: its layer's opacity, as on the CPU path).
#[must_use]
pub fn drawn_features(atlas: &Atlas, opacity: &dyn Fn(&Feature) -> f32) -> Vec<Drawn> {
    atlas
        .features()
        .iter()
        .enumerate()
        .filter(|(_, feature)| !feature.hidden && feature.kind.in_base_map())
        .filter_map(|(index, feature)| {
            let shape = atlas.shared_shape(index)?;
            let style = faded_area_style(feature, opacity(feature));
            Some(Drawn {
                index,
                outline_layer: style.outline_layer,
                shape,
                fill: style.fill,
                stroke: style.stroke,
                min_zoom: feature.reference.map_or(0.0, |r| r.min_zoom),
            })
        })
        .collect()
}

/// Builds scenes on a thread of its own, the latest asked for first: a
/// world of regions takes a tenth of a second, which the UI thread must not
/// spend (the layer's opacity slider asks for one per step). Each is handed
/// to the GPU side with its generation, and a repaint is asked for.
pub struct SceneBuilder {
    worker: crate::jobs::latest::Latest<(u64, Vec<Drawn>)>,
}

impl SceneBuilder {
    /// Starts the worker; `None` if the system refuses a thread (the map
    /// then draws with egui meshes).
    #[must_use]
    pub fn start(gpu: MapGl, ctx: egui::Context) -> Option<Self> {
        let worker = crate::jobs::latest::Latest::start(
            "map-scene",
            move |(generation, features): (u64, Vec<Drawn>), newest| {
                let order = chunk_order(&features);
                // Tier by tier, coarsest (smallest, and the zoomed-out
                // start's) first, each in parts handed over as soon as
                // built and uploaded by the next draw, so at most two parts
                // are held at once. A newer request cuts this one short.
                for tier in gpu_tiers().rev() {
                    let (points, indices) = tier_total(&features, tier);
                    if !gpu.begin_tier(generation, tier, points, indices) {
                        break;
                    }
                    let mut hand_over = |part: Batch| {
                        // The part before must have reached the GPU.
                        while !gpu.wait_for_uploads(WAIT_STEP) {
                            if gpu.failure().is_some() || newest.newer() {
                                return false;
                            }
                        }
                        if newest.newer() {
                            return false;
                        }
                        let added = gpu.add_to_tier(generation, tier, part);
                        ctx.request_repaint();
                        added
                    };
                    let built =
                        build_tier_in_parts(&features, &order, tier, PART_BYTES, &mut hand_over);
                    if !built || !gpu.finish_tier(generation, tier) {
                        break;
                    }
                    ctx.request_repaint();
                }
            },
        )?;
        Some(Self { worker })
    }

    /// Asks for the scene of `generation`; false if the worker is gone.
    #[must_use]
    pub fn request(&self, generation: u64, features: Vec<Drawn>) -> bool {
        self.worker.request((generation, features))
    }
}

/// How many points and fill indices [`build_tier`] pushes for `drawn` in
/// `tier` (at most: triangles with a missing corner are left out).
fn tier_size(drawn: &Drawn, tier: usize) -> (usize, usize) {
    if !in_tier(drawn, tier) {
        return (0, 0);
    }
    let shape = &drawn.shape;
    let level = shape.tier_level(tier);
    let ring_points = level.map_or(0, |l| l.vertex_count() + l.ring_ends.len());
    let line_points: usize = shape.lines.iter().map(|l| l.len().max(2)).sum();
    let indices = if drawn.fill == Color32::TRANSPARENT {
        0
    } else {
        level.map_or(0, |l| l.mesh.indices.len())
    };
    (ring_points + line_points, indices)
}

/// Pushes one feature's rings and lines as points (outlined in its style);
/// returns, for each vertex of its level's mesh, the point it became.
fn push_outlines(batch: &mut Batch, drawn: &Drawn, tier: usize) -> Vec<u32> {
    let shape = &drawn.shape;
    let mut style = PointStyle {
        fill: drawn.fill.to_array(),
        line: drawn.stroke.color.to_array(),
        width_16ths: width_16ths(drawn.stroke.width),
        feature_extent: extent_code(
            (shape.world_max.x - shape.world_min.x).max(shape.world_max.y - shape.world_min.y),
        ),
        ring_extent: ALWAYS,
    };
    let mut point_of_vertex = Vec::new();
    for ring in shape
        .tier_level(tier)
        .into_iter()
        .flat_map(AreaLevel::rings)
    {
        style.ring_extent = extent_code(extent(ring.clone()));
        let first = ring.clone().next();
        for v in ring {
            point_of_vertex.push(batch.point_count());
            batch.push_point(world(v), &style, true);
        }
        // The ring closes on its first point, where no segment starts.
        if let Some(first) = first {
            batch.push_point(world(first), &style, false);
        }
    }
    style.feature_extent = ALWAYS;
    style.ring_extent = ALWAYS;
    for line in &shape.lines {
        for (i, &v) in line.iter().enumerate() {
            batch.push_point(world(v), &style, i + 1 < line.len() || line.len() == 1);
        }
        // A one-point line: a segment to itself still shows where it is.
        if let [only] = line.as_slice() {
            batch.push_point(world(*only), &style, false);
        }
    }
    point_of_vertex
}

/// The order features are drawn and culled in: by chunk — the features of
/// one outline layer whose box's centre falls in one cell of a grid over the
/// world, culled together — as (outline layer, cell, feature, index in
/// `drawn`). Points (so outline segments) go by layer — context countries
/// under regions under focus countries… — as the CPU path stacks outlines;
/// fills in the same order, all under every outline.
#[must_use]
pub fn chunk_order(drawn: &[Drawn]) -> Vec<(u8, u32, usize, usize)> {
    let cell = |shape: &AreaShape| {
        #[allow(clippy::cast_sign_loss, reason = "clamped to the grid first")]
        let at = |v: f64| {
            (v * f64::from(GRID))
                .floor()
                .clamp(0.0, f64::from(GRID - 1)) as u32
        };
        let x = f64::midpoint(shape.world_min.x, shape.world_max.x);
        let y = f64::midpoint(shape.world_min.y, shape.world_max.y);
        at(y) * GRID + at(x)
    };
    let mut order: Vec<(u8, u32, usize, usize)> = drawn
        .iter()
        .enumerate()
        .map(|(i, d)| (d.outline_layer, cell(&d.shape), d.index, i))
        .collect();
    order.sort_unstable();
    order
}

/// The order's chunks: runs of features of one outline layer in one cell.
fn chunks(order: &[(u8, u32, usize, usize)]) -> impl Iterator<Item = &[(u8, u32, usize, usize)]> {
    order.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
}

/// How many points and fill indices a tier of `drawn` holds in all.
#[must_use]
pub fn tier_total(drawn: &[Drawn], tier: usize) -> (usize, usize) {
    drawn.iter().fold((0, 0), |(points, indices), d| {
        let (p, i) = tier_size(d, tier);
        (points + p, indices + i)
    })
}

/// One tier's fills and outlines of the shown features (from
/// [`drawn_features`], in [`chunk_order`]), handed to `emit` in parts of
/// about `part_bytes` (whole chunks; the first part numbers from 0, each
/// next one on from the last). Stops, returning false, when `emit` does.
pub fn build_tier_in_parts(
    drawn: &[Drawn],
    order: &[(u8, u32, usize, usize)],
    tier: usize,
    part_bytes: usize,
    emit: &mut dyn FnMut(Batch) -> bool,
) -> bool {
    let groups: Vec<_> = chunks(order).collect();
    let group_size = |group: &[(u8, u32, usize, usize)]| {
        group
            .iter()
            .filter_map(|&(.., i)| drawn.get(i))
            .map(|d| tier_size(d, tier))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    let mut previous = Batch::default();
    let mut start = 0;
    while start < groups.len() {
        // Whole chunks up to the part's size, sized up front.
        let (mut points, mut indices, mut end) = (0, 0, start);
        while end < groups.len() && points * POINT_BYTES + indices * 4 < part_bytes {
            let (p, i) = group_size(groups[end]);
            (points, indices, end) = (points + p, indices + i, end + 1);
        }
        let mut part = Batch::following(&previous, points, indices);
        for group in &groups[start..end] {
            push_chunk(&mut part, drawn, group, tier);
        }
        previous = Batch::following(&part, 0, 0);
        if !emit(part) {
            return false;
        }
        start = end;
    }
    true
}

/// One chunk's features: their outlines as points, then their fills.
fn push_chunk(batch: &mut Batch, drawn: &[Drawn], chunk: &[(u8, u32, usize, usize)], tier: usize) {
    batch.begin_chunk();
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for &(.., i) in chunk {
        let Some(feature) = drawn.get(i).filter(|d| in_tier(d, tier)) else {
            continue;
        };
        let points = push_outlines(batch, feature, tier);
        let (lo, hi) = (
            world(feature.shape.world_min),
            world(feature.shape.world_max),
        );
        min = [min[0].min(lo[0]), min[1].min(lo[1])];
        max = [max[0].max(hi[0]), max[1].max(hi[1])];
        if feature.fill == Color32::TRANSPARENT {
            continue;
        }
        let Some(level) = feature.shape.tier_level(tier) else {
            continue;
        };
        // Whole triangles only (every mesh index has its point).
        for triangle in level.mesh.indices.triangles() {
            let corner = |k: usize| points.get(triangle[k] as usize).copied();
            if let (Some(a), Some(b), Some(c)) = (corner(0), corner(1), corner(2)) {
                batch.push_indices([a, b, c]);
            }
        }
    }
    batch.end_chunk(min, max);
}

/// One tier whole, in one part: for tests.
#[cfg(test)]
#[must_use]
fn build_tier(drawn: &[Drawn], order: &[(u8, u32, usize, usize)], tier: usize) -> Batch {
    let mut whole = Batch::default();
    build_tier_in_parts(drawn, order, tier, usize::MAX, &mut |part| {
        whole = part;
        true
    });
    whole
}

/// Every tier at once, in tier order (tier 0, drawn on the CPU, empty): for
/// tests.
#[cfg(test)]
fn build(drawn: &[Drawn]) -> Vec<Batch> {
    let order = chunk_order(drawn);
    let mut tiers = vec![Batch::default(); *gpu_tiers().end() + 1];
    for tier in gpu_tiers() {
        tiers[tier] = build_tier(drawn, &order, tier);
    }
    tiers
}

/// Bytes of every tier: for tests.
#[cfg(test)]
fn bytes(tiers: &[Batch]) -> usize {
    tiers.iter().map(Batch::bytes).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zoomed_out_tier_holds_the_default_atlas() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let scene = build(&drawn_features(&atlas, &|_| 1.0));
        assert_eq!(scene.len(), *gpu_tiers().end() + 1);
        assert_eq!(scene[0].bytes(), 0, "the finest tier is drawn on the CPU");
        for tier in gpu_tiers() {
            let batch = &scene[tier];
            assert!(batch.index_count() > 0 && batch.index_count().is_multiple_of(3));
            assert!(batch.segment_count() > 0);
        }
        // Coarser tiers hold fewer segments.
        let first = scene[*gpu_tiers().start()].segment_count();
        let last = scene[*gpu_tiers().end()].segment_count();
        assert!(last < first, "{last} ≥ {first}");
    }

    #[test]
    fn tiers_are_sized_up_front_exactly() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let drawn = drawn_features(&atlas, &|_| 1.0);
        let order = chunk_order(&drawn);
        for tier in gpu_tiers() {
            let (points, indices) = drawn
                .iter()
                .map(|d| tier_size(d, tier))
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
            let batch = build_tier(&drawn, &order, tier);
            assert_eq!(batch.point_count() as usize, points, "tier {tier}");
            assert_eq!(batch.index_count(), indices, "tier {tier}");
        }
    }

    #[test]
    fn a_tier_in_parts_is_the_whole_tier_cut_at_chunks() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let drawn = drawn_features(&atlas, &|_| 1.0);
        let order = chunk_order(&drawn);
        let tier = *gpu_tiers().start();
        let whole = build_tier(&drawn, &order, tier);
        let mut parts = Vec::new();
        let done = build_tier_in_parts(&drawn, &order, tier, 64 << 10, &mut |part| {
            parts.push(part);
            true
        });
        assert!(done);
        assert!(parts.len() > 2, "{} parts of 64 kB", parts.len());
        let sum = |f: fn(&Batch) -> usize| parts.iter().map(f).sum::<usize>();
        assert_eq!(sum(Batch::bytes), whole.bytes());
        assert_eq!(sum(Batch::index_count), whole.index_count());
        assert_eq!(sum(Batch::segment_count), whole.segment_count());
        assert_eq!(sum(Batch::chunk_count), whole.chunk_count());
        assert_eq!(
            parts.last().map(Batch::point_count),
            Some(whole.point_count()),
            "numbered on from part to part"
        );
        assert_eq!(
            (whole.point_count() as usize, whole.index_count()),
            tier_total(&drawn, tier)
        );
        let mut asked = 0;
        let stopped = !build_tier_in_parts(&drawn, &order, tier, 64 << 10, &mut |_| {
            asked += 1;
            false
        });
        assert!(stopped && asked == 1, "stops when told to");
    }

    #[test]
    fn hidden_features_are_left_out_and_faded_ones_fainter() {
        let mut atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let full = bytes(&build(&drawn_features(&atlas, &|_| 1.0)));
        let faded = build(&drawn_features(&atlas, &|_| 0.5));
        assert_eq!(bytes(&faded), full, "fading changes colours, not geometry");
        let ids: Vec<_> = atlas.features().iter().map(|f| f.id.clone()).collect();
        atlas.set_hidden(&ids, true);
        assert_eq!(bytes(&build(&drawn_features(&atlas, &|_| 1.0))), 0);
    }
}
