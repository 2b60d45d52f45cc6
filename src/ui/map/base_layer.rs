//! The map's fills and outlines, rebuilt only when the view changes.
//!
//! Triangles come precomputed from the atlas (world space); here they are only
//! moved to the screen. While the camera and the map rectangle stay the same,
//! the same shapes are handed to egui again without any work.

use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke, epaint::WHITE_UV};

use crate::atlas::{AreaShape, Atlas, Feature};
use crate::geometry::projection::{Projector, WorldPoint};
use crate::geometry::tessellate::WorldMesh;
use crate::ui::convert::pos2;
use crate::ui::style::area_style;
use crate::view::camera::Camera;

/// Outline vertices closer than this to the previous one (pixels) are skipped:
/// invisible detail that would only cost tessellation time when zoomed out.
const OUTLINE_MIN_STEP_PX: f32 = 0.6;

/// Screen-space shapes for one camera, map rectangle and generation of the
/// atlas's contents (layers added, shown, hidden, faded).
#[derive(Default)]
pub struct BaseLayer {
    key: Option<(Camera, Rect, u64)>,
    shapes: Vec<Shape>,
}

impl BaseLayer {
    /// The shapes for this view, rebuilt only if the view or the contents
    /// changed. `opacity` fades a feature (its layer's opacity).
    pub fn shapes(
        &mut self,
        atlas: &Atlas,
        projector: &Projector,
        rect: Rect,
        generation: u64,
        opacity: &dyn Fn(&Feature) -> f32,
    ) -> &[Shape] {
        let key = (projector.camera(), rect, generation);
        if self.key != Some(key) {
            self.shapes = build(atlas, projector, opacity);
            self.key = Some(key);
        }
        &self.shapes
    }
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

fn build(atlas: &Atlas, projector: &Projector, opacity: &dyn Fn(&Feature) -> f32) -> Vec<Shape> {
    let mut fills = Vec::new();
    let mut outlines: Vec<(u8, Shape)> = Vec::new();
    for (index, feature) in atlas.features().iter().enumerate() {
        let Some(shape) = atlas.shape(index).filter(|_| !feature.hidden) else {
            continue;
        };
        if !is_visible(shape, projector) {
            continue;
        }
        let mut style = area_style(feature);
        let alpha = opacity(feature);
        if alpha < 1.0 {
            style.fill = style.fill.gamma_multiply(alpha);
            style.stroke.color = style.stroke.color.gamma_multiply(alpha);
        }
        if style.fill != Color32::TRANSPARENT {
            fills.push(Shape::mesh(screen_mesh(&shape.fill, projector, style.fill)));
        }
        outlines.extend(
            outline_shapes(shape, projector, style.stroke)
                .into_iter()
                .map(|s| (style.outline_layer, s)),
        );
    }
    outlines.sort_by_key(|(layer, _)| *layer);
    fills
        .into_iter()
        .chain(outlines.into_iter().map(|(_, s)| s))
        .collect()
}

/// A world-space mesh moved to the screen, in one colour.
#[must_use]
pub fn screen_mesh(world: &WorldMesh, projector: &Projector, color: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(world.vertices.len());
    mesh.vertices
        .extend(world.vertices.iter().map(|&v| egui::epaint::Vertex {
            pos: pos2(projector.screen_from_world(v)),
            uv: WHITE_UV,
            color,
        }));
    mesh.indices.clone_from(&world.indices);
    mesh
}

/// Every ring of `shape` as a closed line, every line as an open one, and
/// every dot as a small circle, decimated to what the screen can show.
#[must_use]
pub fn outline_shapes(shape: &AreaShape, projector: &Projector, stroke: Stroke) -> Vec<Shape> {
    let rings = shape.rings.iter().filter_map(|ring| {
        let points = decimate(ring, projector);
        (points.len() >= 3).then(|| Shape::closed_line(points, stroke))
    });
    let lines = shape.lines.iter().filter_map(|line| {
        let mut points = decimate(line, projector);
        if points.len() == 1 {
            // A line shorter than a pixel: still show where it is.
            points.push(points[0] + egui::vec2(0.5, 0.0));
        }
        (points.len() >= 2).then(|| Shape::line(points, stroke))
    });
    let dots = shape
        .dots
        .iter()
        .map(|&w| Shape::circle_filled(pos2(projector.screen_from_world(w)), 3.5, stroke.color));
    rings.chain(lines).chain(dots).collect()
}

fn decimate(ring: &[WorldPoint], projector: &Projector) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(ring.len());
    for &w in ring {
        let p = pos2(projector.screen_from_world(w));
        if points
            .last()
            .is_none_or(|last| last.distance(p) >= OUTLINE_MIN_STEP_PX)
        {
            points.push(p);
        }
    }
    // The ring is closed (last = first); closed_line closes it again.
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points
}
