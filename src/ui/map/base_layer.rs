//! The map's fills and outlines, rebuilt only when the view changes.
//!
//! Triangles come precomputed from the atlas (world space); here they are only
//! moved to the screen. While the camera and the map rectangle stay the same,
//! the same shapes are handed to egui again without any work.

use egui::epaint::{PathStroke, WHITE_UV, tessellator::Path};
use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke};

use dispatch_map_gl::{MapGl, View};

use super::gpu_scene;
use crate::atlas::shape::detail_tier;
use crate::atlas::{AreaLevel, AreaShape, Atlas, Feature};
use crate::geometry::projection::{Projector, WorldPoint};
use crate::geometry::tessellate::WorldMesh;
use crate::ui::convert::pos2;
use crate::ui::style::faded_area_style;
use crate::view::camera::Camera;

/// Outline vertices closer than this to the previous one (pixels) are skipped:
/// invisible detail under a line a pixel or two wide, that would only cost
/// tessellation time when zoomed out.
const OUTLINE_MIN_STEP_PX: f32 = 1.0;

use super::outline_rules::{HAIRLINE_BELOW_PX, HAIRLINE_PX, MIN_OUTLINED_PX, MIN_OUTLINED_RING_PX};

/// Screen-space shapes for one camera, map rectangle and generation of the
/// atlas's contents (layers added, shown, hidden, faded).
///
/// With a GPU ([`BaseLayer::with_gpu`]), zoomed-out views are one paint
/// callback: the fills and outlines of every tier of detail stay on the GPU
/// (uploaded when the contents change) and only the camera changes per frame.
/// Zoomed in to full detail, and without a GPU (tests, headless measures, a
/// driver that refused the shaders), they are egui meshes built here.
#[derive(Default)]
pub struct BaseLayer {
    key: Option<(Camera, Rect, u64, u32, bool)>,
    shapes: Vec<Shape>,
    gpu: Option<MapGl>,
    /// Builds the GPU scene off the UI thread (started with the first).
    builder: Option<gpu_scene::SceneBuilder>,
    /// The contents' generation last asked of the builder.
    requested: Option<u64>,
    gpu_failure_reported: bool,
}

impl BaseLayer {
    #[must_use]
    pub fn with_gpu(gpu: MapGl) -> Self {
        Self {
            gpu: Some(gpu),
            ..Self::default()
        }
    }

    /// The GPU, unless there is none or it gave up (said once on stderr).
    fn working_gpu(&mut self) -> Option<MapGl> {
        let gpu = self.gpu.as_ref()?;
        match gpu.failure() {
            None => Some(gpu.clone()),
            Some(failure) => {
                if !self.gpu_failure_reported {
                    eprintln!("dispatch-atlas: drawing the map without the GPU path: {failure}");
                    self.gpu_failure_reported = true;
                }
                None
            }
        }
    }

    /// Whether every tier the GPU draws is set for `generation` (headless
    /// measures wait for it, as a user's eye would not notice).
    #[must_use]
    pub fn gpu_scene_ready(&self, generation: u64) -> bool {
        self.gpu.as_ref().is_some_and(|g| {
            gpu_scene::gpu_tiers().all(|tier| g.tier_generation(tier) == Some(generation))
        })
    }

    /// A paint callback that uploads the parts of the GPU scene waiting for
    /// a draw, if any: added to every frame, also those the GPU does not
    /// draw (the tier in view still being built), else the builder would
    /// wait for an upload that never comes.
    #[must_use]
    pub fn pending_upload(&self, rect: Rect) -> Option<Shape> {
        let gpu = self.gpu.as_ref()?;
        (gpu.has_pending() && gpu.failure().is_none())
            .then(|| Shape::Callback(gpu.upload_callback(rect)))
    }

    /// Headless runs, where no draw ever comes: the waiting parts of the
    /// GPU scene are dropped as if uploaded.
    pub fn discard_gpu_uploads(&self) {
        if let Some(gpu) = &self.gpu {
            gpu.discard_uploads();
        }
    }

    /// Asks for the GPU scene of `generation` if not asked yet. Without a
    /// thread to build it on, the GPU path is given up.
    fn request_scene(
        &mut self,
        gpu: &MapGl,
        atlas: &Atlas,
        generation: u64,
        opacity: &dyn Fn(&Feature) -> f32,
        ctx: &egui::Context,
    ) {
        if self.requested == Some(generation) {
            return;
        }
        if self.builder.is_none() {
            self.builder = gpu_scene::SceneBuilder::start(gpu.clone(), ctx.clone());
        }
        let asked = self
            .builder
            .as_ref()
            .is_some_and(|b| b.request(generation, gpu_scene::drawn_features(atlas, opacity)));
        if asked {
            self.requested = Some(generation);
        } else {
            eprintln!(
                "dispatch-atlas: drawing the map without the GPU path: no thread to build it"
            );
            self.gpu = None;
        }
    }

    /// The shapes for this view, rebuilt only if the view or the contents
    /// changed. `opacity` fades a feature (its layer's opacity);
    /// `feathering` is the anti-aliasing width (a physical pixel, in points).
    /// Zoomed out, once the GPU holds the scene of these contents (built on
    /// another thread; meanwhile egui meshes), one paint callback.
    #[allow(
        clippy::too_many_arguments,
        reason = "the view, the contents and how to draw them"
    )]
    pub fn shapes(
        &mut self,
        atlas: &Atlas,
        projector: &Projector,
        rect: Rect,
        generation: u64,
        feathering: f32,
        opacity: &dyn Fn(&Feature) -> f32,
        ctx: &egui::Context,
    ) -> &[Shape] {
        let gpu = self.working_gpu();
        if let Some(gpu) = &gpu {
            self.request_scene(gpu, atlas, generation, opacity, ctx);
        }
        let scale = projector.camera().scale();
        let tier = detail_tier(scale);
        let gpu = gpu.filter(|g| {
            gpu_scene::gpu_tiers().contains(&tier) && g.tier_generation(tier) == Some(generation)
        });
        let key = (
            projector.camera(),
            rect,
            generation,
            feathering.to_bits(),
            gpu.is_some(),
        );
        if self.key != Some(key) {
            self.shapes = match gpu {
                Some(gpu) => {
                    let camera = projector.camera();
                    let (visible_min, visible_max) = projector.visible_world();
                    let view = View {
                        tier: detail_tier(scale),
                        visible_min: [visible_min.x as f32, visible_min.y as f32],
                        visible_max: [visible_max.x as f32, visible_max.y as f32],
                        scale: scale as f32,
                        offset: [
                            (f64::from(rect.width()) / 2.0 - camera.center.x * scale) as f32,
                            (f64::from(rect.height()) / 2.0 - camera.center.y * scale) as f32,
                        ],
                        rules: gpu_scene::RULES,
                    };
                    std::iter::once(Shape::Callback(gpu.callback(rect, view)))
                        .chain(dot_shapes(atlas, projector, opacity))
                        .collect()
                }
                None => build(atlas, projector, feathering, opacity),
            };
            self.key = Some(key);
        }
        &self.shapes
    }
}

/// The dots of imported multi-points, which no tier holds.
fn dot_shapes(
    atlas: &Atlas,
    projector: &Projector,
    opacity: &dyn Fn(&Feature) -> f32,
) -> Vec<Shape> {
    let mut dots = Vec::new();
    for (index, feature) in atlas.features().iter().enumerate() {
        let Some(shape) = atlas
            .shape(index)
            .filter(|s| !feature.hidden && !s.dots.is_empty())
        else {
            continue;
        };
        if !is_visible(shape, projector) {
            continue;
        }
        let colour = faded_area_style(feature, opacity(feature)).stroke.color;
        dots.extend(
            shape
                .dots
                .iter()
                .map(|&w| Shape::circle_filled(pos2(projector.screen_from_world(w)), 3.5, colour)),
        );
    }
    dots
}

/// Whether a feature's world box meets the visible part of the world.
#[must_use]
pub fn is_visible(shape: &AreaShape, projector: &Projector) -> bool {
    let (min, max) = projector.visible_world();
    shape.world_max.x >= min.x
        && shape.world_min.x <= max.x
        && shape.world_max.y >= min.y
        && shape.world_min.y <= max.y
}

fn build(
    atlas: &Atlas,
    projector: &Projector,
    feathering: f32,
    opacity: &dyn Fn(&Feature) -> f32,
) -> Vec<Shape> {
    // A few big meshes rather than thousands of shapes: egui appends each
    // shape to its output, and a world of regions as separate paths cost it
    // more than drawing them.
    let mut fills = Mesh::default();
    let mut outlines: std::collections::BTreeMap<u8, Mesh> = std::collections::BTreeMap::new();
    let mut path = Path::default();
    let scale = projector.camera().scale();
    for (index, feature) in atlas.features().iter().enumerate() {
        let Some(shape) = atlas
            .shape(index)
            .filter(|_| !feature.hidden && feature.kind.in_base_map())
        else {
            continue;
        };
        if !is_visible(shape, projector) || !crate::atlas::reference::drawn_at(feature, scale) {
            continue;
        }
        let style = faded_area_style(feature, opacity(feature));
        let level = shape.level(scale);
        if style.fill != Color32::TRANSPARENT
            && let Some(level) = level
        {
            append_screen_mesh(&mut fills, &level.mesh, projector, style.fill);
        }
        let extent =
            (shape.world_max.x - shape.world_min.x).max(shape.world_max.y - shape.world_min.y);
        // Lines are always drawn: they have no fill to stand for them.
        let is_area = !shape.levels.is_empty();
        if !is_area || extent * scale >= MIN_OUTLINED_PX {
            let out = outlines.entry(style.outline_layer).or_default();
            // Small areas get hairlines: a world of regions seen whole is a
            // lace of borders, and a hairline costs egui three vertices a
            // point rather than four.
            let mut stroke = style.stroke;
            if is_area && extent * scale < HAIRLINE_BELOW_PX {
                stroke.width = stroke.width.min(HAIRLINE_PX);
            }
            stroke_outlines(
                out,
                &mut path,
                shape,
                projector,
                stroke,
                feathering,
                MIN_OUTLINED_RING_PX,
            );
        }
    }
    std::iter::once(fills)
        .chain(outlines.into_values())
        .filter(|m| !m.is_empty())
        .map(Shape::mesh)
        .chain(dot_shapes(atlas, projector, opacity))
        .collect()
}

/// A world-space mesh moved to the screen, in one colour, appended to `out`.
fn append_screen_mesh(out: &mut Mesh, world: &WorldMesh, projector: &Projector, color: Color32) {
    let base = u32::try_from(out.vertices.len()).unwrap_or(u32::MAX);
    out.vertices
        .extend(world.vertices.iter().map(|v| egui::epaint::Vertex {
            pos: pos2(projector.screen_from_world(v)),
            uv: WHITE_UV,
            color,
        }));
    world.indices.extend_offset(&mut out.indices, base);
}

/// The rings and lines of `shape`, decimated to what the screen shows and
/// stroked into `out` (egui's own line tessellation, into one mesh).
/// Rings smaller than `min_ring_px` on screen are left out.
fn stroke_outlines(
    out: &mut Mesh,
    path: &mut Path,
    shape: &AreaShape,
    projector: &Projector,
    stroke: Stroke,
    feathering: f32,
    min_ring_px: f32,
) {
    let stroke = PathStroke::from(stroke);
    let level = shape.level(projector.camera().scale());
    for ring in level.into_iter().flat_map(AreaLevel::rings) {
        let points = decimate(ring, projector, true);
        if points.len() >= 3 && Rect::from_points(&points).size().max_elem() >= min_ring_px {
            path.clear();
            path.add_line_loop(&points);
            path.stroke_closed(feathering, &stroke, out);
        }
    }
    for line in &shape.lines {
        let mut points = decimate(line.iter().copied(), projector, false);
        if points.len() == 1 {
            // A line shorter than a pixel: still show where it is.
            points.push(points[0] + egui::vec2(0.5, 0.0));
        }
        if points.len() >= 2 {
            path.clear();
            path.add_open_points(&points);
            path.stroke_open(feathering, &stroke, out);
        }
    }
}

/// A world-space mesh moved to the screen, in one colour.
#[must_use]
pub fn screen_mesh(world: &WorldMesh, projector: &Projector, color: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    append_screen_mesh(&mut mesh, world, projector, color);
    mesh
}

/// Every ring of `shape` (however small) and every line stroked into one
/// mesh, and every dot as a small circle, decimated to what the screen can
/// show: the outline of one feature (hovered, selected).
#[must_use]
pub fn outline_shapes(
    shape: &AreaShape,
    projector: &Projector,
    stroke: Stroke,
    feathering: f32,
) -> Vec<Shape> {
    let mut outline = Mesh::default();
    stroke_outlines(
        &mut outline,
        &mut Path::default(),
        shape,
        projector,
        stroke,
        feathering,
        0.0,
    );
    let dots = shape
        .dots
        .iter()
        .map(|&w| Shape::circle_filled(pos2(projector.screen_from_world(w)), 3.5, stroke.color));
    std::iter::once(Shape::mesh(outline)).chain(dots).collect()
}

/// Whether the path turns back on itself at `b` (from `a`, to `c`): a
/// needle (a fjord seen from afar) whose mitred stroke would shoot across
/// the screen.
fn turns_back(a: Pos2, b: Pos2, c: Pos2) -> bool {
    let (incoming, outgoing) = ((b - a).normalized(), (c - b).normalized());
    incoming.dot(outgoing) < NEEDLE_COSINE
}

/// Turns sharper than this (cosine of the angle between the segments:
/// about 160°) are needles, dropped.
const NEEDLE_COSINE: f32 = -0.94;

/// The screen points of a ring (`closed`) or line, without steps under
/// [`OUTLINE_MIN_STEP_PX`]; rings also without needles (a line may go out
/// and back on purpose: a patrol's track).
fn decimate(
    ring: impl ExactSizeIterator<Item = WorldPoint>,
    projector: &Projector,
    closed: bool,
) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(ring.len());
    for w in ring {
        let p = pos2(projector.screen_from_world(w));
        if points
            .last()
            .is_some_and(|last| last.distance(p) < OUTLINE_MIN_STEP_PX)
        {
            continue;
        }
        while closed
            && let [.., a, b] = points[..]
            && turns_back(a, b, p)
        {
            points.pop();
        }
        points.push(p);
    }
    if !closed {
        return points;
    }
    // closed_line joins the last point to the first (rings do not repeat it,
    // but decimation may land on it).
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    // The seam: needles at the last point or at the first.
    while let [first, second, .., before, last] = points[..] {
        if turns_back(before, last, first) {
            points.pop();
        } else if turns_back(last, first, second) {
            points.remove(0);
        } else {
            break;
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::projection::{LonLat, ScreenPoint, ScreenRect};

    /// One world unit is 1000 px, the world's corner at the screen's.
    fn projector() -> Projector {
        let rect = ScreenRect {
            min: ScreenPoint { x: 0.0, y: 0.0 },
            max: ScreenPoint {
                x: 1000.0,
                y: 1000.0,
            },
        };
        let camera = Camera::looking_at(LonLat { lon: 0.0, lat: 0.0 }, 1000.0);
        Projector::new(camera, rect)
    }

    fn world(points: &[(f64, f64)]) -> Vec<WorldPoint> {
        points
            .iter()
            .map(|&(x, y)| WorldPoint {
                x: x / 1000.0,
                y: y / 1000.0,
            })
            .collect()
    }

    #[test]
    fn a_line_shorter_than_the_outline_threshold_is_still_drawn() {
        use crate::atlas::{Atlas, Feature, FeatureGeometry, FeatureKind};
        let mut road = Feature::town(
            "layer:t/road".into(),
            "Road".into(),
            None,
            LonLat { lon: 0.0, lat: 0.0 },
            serde_json::Map::new(),
        );
        road.kind = FeatureKind::Imported;
        // Two kilometres: a fraction of a pixel at this zoom.
        road.geometry = FeatureGeometry::Other(geo::GeometryCollection::new_from(vec![
            geo::Geometry::LineString(geo::LineString::from(vec![(0.0, 0.0), (0.02, 0.0)])),
        ]));
        let atlas = Atlas::from_features(vec![road]);
        let shapes = build(&atlas, &projector(), 1.0, &|_| 1.0);
        assert!(
            shapes
                .iter()
                .any(|s| matches!(s, Shape::Mesh(m) if !m.vertices.is_empty())),
            "the road is stroked"
        );
    }

    #[test]
    fn needles_and_sub_pixel_steps_are_dropped() {
        // A square with a needle (out to x = 900 and straight back) on its
        // right side, a sub-pixel step, and a needle at the seam.
        let ring = world(&[
            (100.0, 100.0),
            (100.3, 100.0),
            (200.0, 100.0),
            (200.0, 150.0),
            (900.0, 151.0),
            (200.0, 152.0),
            (200.0, 200.0),
            (100.0, 200.0),
            (100.0, 120.0),
            (100.0, 900.0),
            (100.0, 110.0),
        ]);
        let points = decimate(ring.iter().copied(), &projector(), true);
        assert!(
            points.iter().all(|p| p.x < 300.0 && p.y < 300.0),
            "{points:?}"
        );
        assert_eq!(points.len(), 7, "{points:?}");
        // An open line may come back on itself.
        let line = world(&[(100.0, 100.0), (500.0, 100.0), (100.0, 101.5)]);
        assert_eq!(decimate(line.iter().copied(), &projector(), false).len(), 3);
    }
}
