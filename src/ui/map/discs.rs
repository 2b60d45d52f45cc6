//! Ringed dots and badges as textured quads in one mesh.
//!
//! egui draws a filled circle of up to about 6.7 px as one quad of its font
//! atlas, but tessellates anything larger, any outlined circle and any
//! rounded rectangle into a feathered polygon of about a hundred triangles.
//! Thousands of town dots and badges were then 100,000 triangles a frame;
//! a software renderer (llvmpipe, where there is no GPU) keeps memory per
//! triangle, and that was over 20 MB of the process at 10,000 articles.
//! Here every disc is one quad of a mip-mapped disc texture (sharp at any
//! size), a ring a larger disc under a smaller one, a badge a quad between two
//! discs, and a frame's worth of them one mesh: one draw call.

use egui::{
    Color32, ColorImage, Context, Id, Mesh, Painter, Pos2, Rect, Stroke, TextureFilter, TextureId,
    TextureOptions, TextureWrapMode, pos2, vec2,
};

/// The disc texture's side and the disc's radius in it (texels): the edge
/// fades over one texel, and its mip levels keep that fade about a pixel
/// wide when drawn small.
const SIDE_TEXELS: usize = 64;
const RADIUS_TEXELS: f32 = 31.0;

/// Discs and stadiums added one by one, painted together; then the shapes
/// that must be over them (the user's pins over towns).
pub struct Discs {
    mesh: Mesh,
    above: Vec<egui::Shape>,
}

impl Discs {
    #[must_use]
    pub fn new(ctx: &Context) -> Self {
        Self {
            mesh: Mesh::with_texture(disc_texture(ctx)),
            above: Vec::new(),
        }
    }

    /// A shape painted over the discs.
    pub fn above(&mut self, shape: egui::Shape) {
        self.above.push(shape);
    }

    /// A disc of `radius` points filled with `fill`, ringed outside by
    /// `ring` (its width added to the radius), as egui's outlined circle.
    pub fn ringed(&mut self, center: Pos2, radius: f32, fill: Color32, ring: Stroke) {
        if has_ring(ring) {
            self.disc(center, radius + ring.width, ring.color);
        }
        self.disc(center, radius, fill);
    }

    /// A stadium (a rectangle whose short sides are half discs) filling
    /// `rect`, ringed outside by `ring`.
    pub fn ringed_stadium(&mut self, rect: Rect, fill: Color32, ring: Stroke) {
        if has_ring(ring) {
            self.stadium(rect.expand(ring.width), ring.color);
        }
        self.stadium(rect, fill);
    }

    fn disc(&mut self, center: Pos2, radius: f32, fill: Color32) {
        // The quad is the texture's square, a little wider than the disc.
        let half_side = radius * (SIDE_TEXELS as f32 / 2.0) / RADIUS_TEXELS;
        self.mesh.add_rect_with_uv(
            Rect::from_center_size(center, vec2(2.0 * half_side, 2.0 * half_side)),
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            fill,
        );
    }

    fn stadium(&mut self, rect: Rect, fill: Color32) {
        let radius = rect.height().min(rect.width()) / 2.0;
        let left = pos2(rect.left() + radius, rect.center().y);
        let right = pos2(rect.right() - radius, rect.center().y);
        self.disc(left, radius, fill);
        if right.x > left.x {
            self.disc(right, radius, fill);
            // The texture's centre is solid.
            let centre = Rect::from_center_size(pos2(0.5, 0.5), vec2(0.0, 0.0));
            self.mesh.add_rect_with_uv(
                Rect::from_min_max(pos2(left.x, rect.top()), pos2(right.x, rect.bottom())),
                centre,
                fill,
            );
        }
    }

    /// Paints the discs in the order added, then the shapes above them.
    pub fn paint(self, painter: &Painter) {
        if !self.mesh.is_empty() {
            painter.add(egui::Shape::mesh(self.mesh));
        }
        painter.extend(self.above);
    }
}

fn has_ring(ring: Stroke) -> bool {
    ring.width > 0.0 && ring.color != Color32::TRANSPARENT
}

/// The white disc, uploaded once per context: its handle is kept in the
/// context's memory (which keeps the texture alive), its id beside it, so
/// that a frame reads a `Copy` id rather than cloning (and dropping) the
/// handle for every batch.
fn disc_texture(ctx: &Context) -> TextureId {
    let key = Id::unique("dispatch-atlas/disc-texture");
    if let Some(id) = ctx.data(|d| d.get_temp::<TextureId>(key)) {
        return id;
    }
    let handle = ctx.load_texture(
        "disc",
        disc_image(),
        TextureOptions {
            magnification: TextureFilter::Linear,
            minification: TextureFilter::Linear,
            wrap_mode: TextureWrapMode::ClampToEdge,
            mipmap_mode: Some(TextureFilter::Linear),
        },
    );
    let id = handle.id();
    ctx.data_mut(|d| {
        d.insert_temp(key.with("handle"), handle);
        d.insert_temp(key, id);
    });
    id
}

/// A white disc, its coverage in alpha (premultiplied), fading over a texel.
fn disc_image() -> ColorImage {
    let centre = SIDE_TEXELS as f32 / 2.0;
    let pixels = (0..SIDE_TEXELS * SIDE_TEXELS)
        .map(|i| {
            let (x, y) = (
                (i % SIDE_TEXELS) as f32 + 0.5,
                (i / SIDE_TEXELS) as f32 + 0.5,
            );
            let distance = (x - centre).hypot(y - centre);
            let coverage = (RADIUS_TEXELS + 0.5 - distance).clamp(0.0, 1.0);
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "coverage is in 0..=1"
            )]
            let alpha = (coverage * 255.0).round() as u8;
            Color32::from_white_alpha(alpha)
        })
        .collect();
    ColorImage::new([SIDE_TEXELS, SIDE_TEXELS], pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The triangles and the draw calls egui makes of what `paint` draws.
    fn cost(paint: impl Fn(&Painter)) -> (usize, usize) {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            paint(ui.painter());
        });
        // The disc texture's upload: no painter here to take it.
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let triangles = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        (triangles, primitives.len())
    }

    #[test]
    fn ringed_dots_and_badges_are_a_few_triangles_in_one_draw() {
        let white = Stroke::new(1.0, Color32::WHITE);
        let centres = (0..100).map(|i| pos2(10.0 + 7.0 * i as f32, 50.0));
        let (outlined, _) = cost(|p| {
            for c in centres.clone() {
                p.circle(c, 7.5, Color32::RED, white);
            }
        });
        let (ringed, draws) = cost(|p| {
            let mut discs = Discs::new(p.ctx());
            for c in centres.clone() {
                discs.ringed(c, 7.5, Color32::RED, white);
                discs.ringed_stadium(
                    Rect::from_center_size(c, vec2(30.0, 15.0)),
                    Color32::RED,
                    white,
                );
            }
            discs.paint(p);
        });
        assert_eq!(draws, 1, "one mesh");
        // A ringed disc: two quads; a ringed badge: two quads and two discs,
        // twice.
        assert_eq!(ringed, 100 * (2 * 2 + 2 * 3 * 2));
        assert!(outlined > 5 * ringed, "egui's outlined circles: {outlined}");
    }

    #[test]
    fn the_texture_is_a_disc_of_its_radius_with_a_solid_centre() {
        let image = disc_image();
        let at = |x: usize, y: usize| image.pixels[y * SIDE_TEXELS + x].a();
        assert_eq!(at(32, 32), 255, "solid centre (the stadium's middle)");
        assert_eq!(at(0, 0), 0, "clear corner");
        assert_eq!(at(32, 0), 0, "beyond the radius");
        assert_eq!(at(32, 2), 255, "inside the radius");
    }

    #[test]
    fn a_stadium_covers_its_rect() {
        let mut discs = Discs::new(&egui::Context::default());
        let rect = Rect::from_center_size(pos2(50.0, 50.0), vec2(30.0, 15.0));
        discs.ringed_stadium(rect, Color32::RED, Stroke::NONE);
        // The disc's quad is a bit wider than the disc (the texture's margin).
        let margin = 7.5 * (32.0 / RADIUS_TEXELS - 1.0);
        let bounds = discs.mesh.calc_bounds();
        assert!((bounds.min - rect.min).length() <= margin * 1.5 + 1e-3);
        assert!((bounds.max - rect.max).length() <= margin * 1.5 + 1e-3);
    }
}
