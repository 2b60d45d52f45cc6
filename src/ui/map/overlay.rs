//! What is drawn above the base layer each frame: highlights, markers, labels,
//! the scale bar and the attribution.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use crate::atlas::{Atlas, Feature, FeatureId, FeatureKind};
use crate::geometry::projection::Projector;
use crate::ui::convert::{pos2 as to_pos2, screen_point};
use crate::ui::map::base_layer::{is_visible, outline_shapes, screen_mesh};
use crate::ui::style;
use crate::view::labels::{LabelCandidate, place_labels};
use crate::view::scale_bar::scale_bar;

/// Outline (and, when selected, a tint) of the hovered or selected feature.
pub fn highlight(
    painter: &Painter,
    atlas: &Atlas,
    projector: &Projector,
    id: &FeatureId,
    selected: bool,
) {
    let Some(index) = atlas.index_of(id) else {
        return;
    };
    let stroke = if selected {
        style::SELECTED_STROKE
    } else {
        style::HOVER_STROKE
    };
    match atlas.shape(index) {
        Some(shape) if is_visible(shape, projector) => {
            if selected && let Some(level) = shape.level(projector.camera().scale()) {
                painter.add(Shape::mesh(screen_mesh(
                    &level.mesh,
                    projector,
                    style::SELECTED_FILL,
                )));
            }
            painter.extend(outline_shapes(shape, projector, stroke));
        }
        Some(_) => {}
        None => {
            if let Some(at) = atlas.features()[index].point() {
                let c = to_pos2(projector.screen_from_lonlat(at));
                painter.circle_stroke(c, style::MARKER_RADIUS + 3.5, stroke);
            }
        }
    }
}

/// City markers are dots; the tripoint is a diamond so it reads differently.
pub fn marker(painter: &Painter, center: Pos2, kind: FeatureKind, colour: Option<Color32>) {
    let r = style::MARKER_RADIUS;
    if kind == FeatureKind::Marker {
        // A pin: a square on its corner, so it never reads as a town.
        let pin = vec![
            pos2(center.x, center.y - r - 2.5),
            pos2(center.x + r + 0.5, center.y),
            pos2(center.x, center.y + r + 2.5),
            pos2(center.x - r - 0.5, center.y),
        ];
        let fill = colour.unwrap_or(style::USER_MARKER_FILL);
        painter.add(Shape::convex_polygon(pin, fill, style::MARKER_OUTLINE));
    } else if kind == FeatureKind::Tripoint {
        let diamond = vec![
            pos2(center.x, center.y - r - 1.5),
            pos2(center.x + r + 1.5, center.y),
            pos2(center.x, center.y + r + 1.5),
            pos2(center.x - r - 1.5, center.y),
        ];
        painter.add(Shape::convex_polygon(
            diamond,
            style::TRIPOINT_FILL,
            style::MARKER_OUTLINE,
        ));
    } else {
        painter.circle(
            center,
            r,
            colour.unwrap_or(style::CITY_FILL),
            style::MARKER_OUTLINE,
        );
    }
}

/// The zone being drawn: its corners, the edges so far, and the edge that
/// would close it at the pointer.
pub fn zone_in_progress(
    painter: &Painter,
    projector: &Projector,
    corners: &[crate::geometry::projection::LonLat],
    cursor: Option<Pos2>,
) {
    let points: Vec<Pos2> = corners
        .iter()
        .map(|&c| to_pos2(projector.screen_from_lonlat(c)))
        .collect();
    let stroke = style::USER_ZONE_STROKE;
    if let (Some(&last), Some(pointer)) = (points.last(), cursor) {
        let dashed = Stroke::new(1.5, stroke.color.gamma_multiply(0.7));
        painter.extend(Shape::dashed_line(&[last, pointer], dashed, 6.0, 4.0));
        if let Some(&first) = points.first().filter(|_| points.len() >= 2) {
            painter.extend(Shape::dashed_line(&[pointer, first], dashed, 6.0, 4.0));
        }
    }
    if points.len() >= 2 {
        painter.add(Shape::line(points.clone(), stroke));
    }
    for p in points {
        painter.circle(p, 4.0, Color32::WHITE, stroke);
    }
}

/// Every point feature, in the colour the user gave it if any.
pub fn markers(
    painter: &Painter,
    atlas: &Atlas,
    projector: &Projector,
    colour_of: impl Fn(&FeatureId) -> Option<Color32>,
) {
    for feature in atlas.features().iter().filter(|f| !f.hidden) {
        if let Some(at) = feature.point() {
            let p = to_pos2(projector.screen_from_lonlat(at));
            if painter.clip_rect().expand(10.0).contains(p) {
                marker(painter, p, feature.kind, colour_of(&feature.id));
            }
        }
    }
}

struct LabelSpec {
    text: String,
    font: FontId,
    color: Color32,
    /// Labels for markers sit beside the marker, not on it.
    beside_marker: bool,
    priority: i32,
}

fn label_spec(feature: &Feature, screen_width: f32) -> Option<LabelSpec> {
    let style = crate::view::palette::label_style(feature, screen_width)?;
    Some(LabelSpec {
        text: style.text,
        font: FontId::proportional(style.size),
        color: style::colour(style.paint),
        beside_marker: style.beside_marker,
        priority: style.priority,
    })
}

/// Names of features, placed so that no two overlap.
pub fn labels(painter: &Painter, atlas: &Atlas, projector: &Projector) {
    let clip = painter.clip_rect();
    let mut galleys = Vec::new();
    let mut candidates = Vec::new();
    for (index, feature) in atlas
        .features()
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.hidden)
    {
        let anchor = to_pos2(projector.screen_from_lonlat(feature.label_at));
        if !clip.contains(anchor) {
            continue;
        }
        let screen_width = atlas.shape(index).map_or(f32::MAX, |s| {
            let a = projector.screen_from_world(s.world_min);
            let b = projector.screen_from_world(s.world_max);
            (b.x - a.x).abs()
        });
        let Some(spec) = label_spec(feature, screen_width) else {
            continue;
        };
        let galley = painter.layout_no_wrap(spec.text, spec.font, spec.color);
        let size = galley.size();
        // Markers' names go right of the marker, or left if that is taken;
        // area names on their label point, or a line below or above it.
        let beside = style::MARKER_RADIUS + 4.0 + size.x / 2.0;
        let line = size.y * 1.2;
        let positions: [(egui::Vec2, i32); 3] = if spec.beside_marker {
            [
                (vec2(beside, 0.0), 0),
                (vec2(-beside, 0.0), -1),
                (vec2(0.0, -line), -2),
            ]
        } else {
            [
                (vec2(0.0, 0.0), 0),
                (vec2(0.0, line), -1),
                (vec2(0.0, -line), -2),
            ]
        };
        for (offset, demote) in positions {
            candidates.push(LabelCandidate {
                center: screen_point(anchor + offset),
                width: size.x,
                height: size.y,
                priority: spec.priority + demote,
                group: index,
            });
            galleys.push(galley.clone());
        }
    }
    for i in place_labels(&candidates, 2.0) {
        let c = &candidates[i];
        let galley = galleys[i].clone();
        let top_left = pos2(c.center.x - c.width / 2.0, c.center.y - c.height / 2.0);
        // A soft halo keeps names readable over borders and the zone's fill.
        let halo = Color32::from_rgba_unmultiplied(255, 255, 255, 150);
        painter.rect_filled(
            Rect::from_min_size(top_left, galley.size()).expand(1.0),
            3.0,
            halo,
        );
        painter.galley(top_left, galley, Color32::BLACK);
    }
}

/// A scale bar in the bottom-right corner, true at the centre of the view.
pub fn scale_bar_and_attribution(painter: &Painter, projector: &Projector, rect: Rect) {
    let attribution = "Made with Natural Earth · GeoNames (CC BY 4.0)";
    let font = FontId::proportional(10.5);
    let text_pos = rect.right_bottom() + vec2(-8.0, -6.0);
    let galley = painter.layout_no_wrap(attribution.to_owned(), font.clone(), style::LABEL_MUTED);
    let text_rect = Align2::RIGHT_BOTTOM.anchor_size(text_pos, galley.size());
    painter.rect_filled(
        text_rect.expand(2.0),
        2.0,
        Color32::from_rgba_unmultiplied(255, 255, 255, 170),
    );
    painter.galley(text_rect.min, galley, Color32::BLACK);

    let Some(bar) = scale_bar(projector.metres_per_pixel(), 140.0) else {
        return;
    };
    let right = rect.right() - 12.0;
    let y = text_rect.top() - 10.0;
    let left = right - bar.pixels;
    let back = Rect::from_min_max(pos2(left - 6.0, y - 18.0), pos2(right + 6.0, y + 5.0));
    painter.rect_filled(
        back,
        3.0,
        Color32::from_rgba_unmultiplied(255, 255, 255, 190),
    );
    let stroke = Stroke::new(2.0, style::LABEL_DARK);
    painter.line_segment([pos2(left, y), pos2(right, y)], stroke);
    painter.line_segment([pos2(left, y - 5.0), pos2(left, y)], stroke);
    painter.line_segment([pos2(right, y - 5.0), pos2(right, y)], stroke);
    painter.text(
        pos2(f32::midpoint(left, right), y - 4.0),
        Align2::CENTER_BOTTOM,
        bar.label,
        font,
        style::LABEL_DARK,
    );
}

/// The hovered feature's name next to the pointer.
pub fn hover_name(painter: &Painter, feature: &Feature, cursor: Pos2) {
    let text = format!("{} · {}", feature.name, feature.kind.label());
    let galley = painter.layout_no_wrap(text, FontId::proportional(13.0), style::LABEL_DARK);
    let rect = Rect::from_min_size(cursor + vec2(14.0, 10.0), galley.size()).expand(4.0);
    painter.rect(
        rect,
        4.0,
        Color32::from_rgba_unmultiplied(255, 255, 245, 235),
        Stroke::new(1.0, style::LABEL_MUTED),
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(4.0, 4.0), galley, Color32::BLACK);
}

/// Numbered badges on features the articles mention.
pub fn badges<S: std::hash::BuildHasher>(
    painter: &Painter,
    atlas: &Atlas,
    projector: &Projector,
    counts: &std::collections::HashMap<FeatureId, usize, S>,
) {
    let clip = painter.clip_rect();
    for feature in atlas.features().iter().filter(|f| !f.hidden) {
        let Some(&count) = counts.get(&feature.id) else {
            continue;
        };
        let anchor = to_pos2(projector.screen_from_lonlat(feature.label_at));
        let at = if feature.point().is_some() {
            anchor + vec2(-style::MARKER_RADIUS - 2.0, -style::MARKER_RADIUS - 9.0)
        } else {
            anchor + vec2(0.0, -22.0)
        };
        if !clip.contains(at) {
            continue;
        }
        let galley = painter.layout_no_wrap(
            count.to_string(),
            FontId::proportional(10.5),
            Color32::WHITE,
        );
        let rect = Rect::from_center_size(at, galley.size() + vec2(8.0, 2.0));
        painter.rect(
            rect,
            7.0,
            style::BADGE_FILL,
            Stroke::new(1.0, Color32::WHITE),
            egui::StrokeKind::Outside,
        );
        painter.galley(rect.center() - galley.size() / 2.0, galley, Color32::WHITE);
    }
}
