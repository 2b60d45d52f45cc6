//! Colours and strokes: one distinct style per kind of feature, shared by the
//! map and its legend so that the two always agree.

use egui::{Color32, Stroke};

use crate::atlas::Feature;

use crate::view::palette::{self, Line, Paint};

/// A palette colour as egui's (both premultiplied).
#[must_use]
pub const fn colour(p: Paint) -> Color32 {
    Color32::from_rgba_premultiplied(p.0[0], p.0[1], p.0[2], p.0[3])
}

/// A palette line as egui's stroke.
#[must_use]
pub const fn stroke(line: Line) -> Stroke {
    Stroke {
        width: line.width,
        color: colour(line.paint),
    }
}

pub const OCEAN: Color32 = colour(palette::OCEAN);
pub const CONTEXT_FILL: Color32 = colour(palette::CONTEXT_FILL);
pub const CONTEXT_STROKE: Stroke = stroke(palette::CONTEXT_LINE);
pub const FOCUS_FILL: Color32 = colour(palette::FOCUS_FILL);
pub const FOCUS_STROKE: Stroke = stroke(palette::FOCUS_LINE);
pub const REGION_STROKE: Stroke = stroke(palette::REGION_LINE);
pub const ZONE_FILL: Color32 = colour(palette::ZONE_FILL);
pub const ZONE_STROKE: Stroke = stroke(palette::ZONE_LINE);
pub const CITY_FILL: Color32 = colour(palette::CITY_FILL);
pub const RIVER_STROKE: Stroke = stroke(palette::RIVER_LINE);
pub const LAKE_STROKE: Stroke = stroke(palette::LAKE_LINE);
pub const TRIPOINT_FILL: Color32 = colour(palette::TRIPOINT_FILL);
pub const MARKER_OUTLINE: Stroke = stroke(palette::MARKER_OUTLINE);
pub const HOVER_STROKE: Stroke = stroke(palette::HOVER_LINE);
pub const SELECTED_STROKE: Stroke = stroke(palette::SELECTED_LINE);
pub const SELECTED_FILL: Color32 = colour(palette::SELECTED_FILL);
pub const IMPORTED_FILL: Color32 = colour(palette::IMPORTED_FILL);
pub const IMPORTED_STROKE: Stroke = stroke(palette::IMPORTED_LINE);
pub const USER_ZONE_FILL: Color32 = colour(palette::USER_ZONE_FILL);
pub const USER_ZONE_STROKE: Stroke = stroke(palette::USER_ZONE_LINE);
pub const USER_MARKER_FILL: Color32 = colour(palette::USER_MARKER_FILL);
pub const BADGE_FILL: Color32 = colour(palette::BADGE_FILL);
pub const LABEL_DARK: Color32 = colour(palette::LABEL_DARK);
pub const LABEL_MUTED: Color32 = colour(palette::LABEL_MUTED);
pub const LABEL_REGION: Color32 = colour(palette::LABEL_REGION);

/// How an area is filled and outlined.
#[derive(Clone, Copy, Debug)]
pub struct AreaStyle {
    pub fill: Color32,
    pub stroke: Stroke,
    /// Outlines are drawn in this order so that country borders stay above
    /// region borders, and the zone above both.
    pub outline_layer: u8,
}

#[must_use]
pub fn area_style(feature: &Feature) -> AreaStyle {
    let paint = palette::area_paint(feature);
    AreaStyle {
        fill: colour(paint.fill),
        stroke: stroke(paint.line),
        outline_layer: paint.outline_layer,
    }
}

/// A feature's style faded by its layer's opacity (`alpha` under 1), as
/// both map paths (egui meshes and GPU buffers) draw it.
#[must_use]
pub fn faded_area_style(feature: &Feature, alpha: f32) -> AreaStyle {
    let mut style = area_style(feature);
    if alpha < 1.0 {
        style.fill = style.fill.gamma_multiply(alpha);
        style.stroke.color = style.stroke.color.gamma_multiply(alpha);
    }
    style
}

/// Adds the embedded fallback font after egui's own, so that names such as
/// "Đắk Lắk" or "Gədəbəy" show their letters rather than empty boxes.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "noto-sans-latin-extended",
        egui::FontData::from_static(crate::fonts::LATIN_EXTENDED),
        [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect(),
    ));
}

/// Marker radius in pixels, for drawing and for picking.
pub const MARKER_RADIUS: f32 = palette::MARKER_RADIUS;
/// How close (pixels) the pointer must be to a marker to pick it.
pub const PICK_RADIUS: f32 = 8.0;

/// Reports new since the user's last visit: a dot on badges, a tag in dossiers.
pub const NEW_MARK: Color32 = Color32::from_rgb(230, 120, 20);
