//! What is drawn above the base layer each frame: highlights, markers, labels,
//! the scale bar and the attribution.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use crate::atlas::reference::Visibility;
use crate::atlas::{Atlas, Feature, FeatureId, FeatureKind};
use crate::geometry::projection::Projector;
use crate::ui::convert::{pos2 as to_pos2, screen_point};
use crate::ui::map::base_layer::{is_visible, outline_shapes, screen_mesh};
use crate::ui::map::discs::Discs;
use crate::ui::style;
use crate::view::labels::{LabelCandidate, place_labels_avoiding};
use crate::view::palette::Symbol;
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
            let feathering = 1.0 / painter.ctx().pixels_per_point();
            painter.extend(outline_shapes(shape, projector, stroke, feathering));
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

/// The symbol of a point ([`crate::view::palette::symbol`]): towns are
/// dots (reference towns smaller, capitals ringed), the tripoint a diamond,
/// the user's markers pins. Dots go into `discs` (one mesh, see
/// [`Discs`]); pins and diamonds are painted over them when it is.
pub fn marker(discs: &mut Discs, center: Pos2, symbol: Symbol, colour: Option<Color32>) {
    let r = style::MARKER_RADIUS;
    match symbol {
        Symbol::Pin => {
            // A square on its corner, so it never reads as a town.
            let pin = vec![
                pos2(center.x, center.y - r - 2.5),
                pos2(center.x + r + 0.5, center.y),
                pos2(center.x, center.y + r + 2.5),
                pos2(center.x - r - 0.5, center.y),
            ];
            let fill = colour.unwrap_or(style::USER_MARKER_FILL);
            discs.above(Shape::convex_polygon(pin, fill, style::MARKER_OUTLINE));
        }
        Symbol::Tripoint => {
            let diamond = vec![
                pos2(center.x, center.y - r - 1.5),
                pos2(center.x + r + 1.5, center.y),
                pos2(center.x, center.y + r + 1.5),
                pos2(center.x - r - 1.5, center.y),
            ];
            discs.above(Shape::convex_polygon(
                diamond,
                style::TRIPOINT_FILL,
                style::MARKER_OUTLINE,
            ));
        }
        Symbol::Capital => {
            let fill = colour.unwrap_or(style::CITY_FILL);
            discs.ringed(center, r, Color32::WHITE, Stroke::new(1.8, fill));
            discs.ringed(center, r - 2.8, fill, Stroke::NONE);
        }
        Symbol::ReferenceTown => {
            discs.ringed(
                center,
                crate::view::palette::REFERENCE_TOWN_RADIUS,
                colour.unwrap_or(style::CITY_FILL),
                Stroke::new(1.0, Color32::WHITE),
            );
        }
        Symbol::Town => {
            discs.ringed(
                center,
                r,
                colour.unwrap_or(style::CITY_FILL),
                style::MARKER_OUTLINE,
            );
        }
        Symbol::Unmarked => {}
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

/// Above this many points on screen, towns and imported points are drawn
/// as plain dots in one mesh (a layer of conflict events has tens of
/// thousands; egui would tessellate each outlined circle on its own).
const MANY_MARKERS: usize = 2_000;

/// Every point feature, in the colour the user gave it if any. Returns
/// whether the points were many (drawn as plain dots, to be left unnamed).
pub fn markers(
    painter: &Painter,
    atlas: &Atlas,
    projector: &Projector,
    visibility: &Visibility<'_>,
    colour_of: impl Fn(&FeatureId) -> Option<Color32>,
) -> bool {
    let area = painter.clip_rect().expand(10.0);
    let visible: Vec<(&Feature, Pos2)> = atlas
        .features()
        .iter()
        .filter(|f| !f.hidden && f.kind != FeatureKind::Sea && visibility.drawn(f))
        .filter_map(|f| Some((f, to_pos2(projector.screen_from_lonlat(f.point()?)))))
        .filter(|(_, p)| area.contains(*p))
        .collect();
    let dense = visible.len() > MANY_MARKERS;
    let mut dots = egui::Mesh::default();
    // Dense dots: one per cell of DOT_CELL_PX pixels (the others would be
    // drawn over it), the cells taken kept as bits.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "screen cells, clamped"
    )]
    let (columns, rows) = (
        (area.width() / DOT_CELL_PX).ceil().max(1.0) as usize,
        (area.height() / DOT_CELL_PX).ceil().max(1.0) as usize,
    );
    let mut taken = vec![0u64; (columns * rows).div_ceil(64)];
    let mut discs = Discs::new(painter.ctx());
    for (feature, p) in visible {
        let colour = colour_of(&feature.id);
        let plain = matches!(feature.kind, FeatureKind::City | FeatureKind::Imported);
        if dense && plain {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "inside the area, so non-negative and in range"
            )]
            let cell = (((p.y - area.min.y) / DOT_CELL_PX) as usize).min(rows - 1) * columns
                + (((p.x - area.min.x) / DOT_CELL_PX) as usize).min(columns - 1);
            let (word, bit) = (cell / 64, 1u64 << (cell % 64));
            if taken[word] & bit == 0 {
                taken[word] |= bit;
                dot(&mut dots, p, colour.unwrap_or(style::CITY_FILL));
            }
        } else {
            let symbol = crate::view::palette::symbol(feature, visibility.reported(feature));
            marker(&mut discs, p, symbol, colour);
        }
    }
    if !dots.is_empty() {
        painter.add(Shape::mesh(dots));
    }
    discs.paint(painter);
    dense
}

/// Dense dots closer than this (pixels) are drawn once.
const DOT_CELL_PX: f32 = 2.0;

/// A small filled diamond appended to `mesh` (at 5 px it reads as a dot,
/// with four vertices rather than a circle's dozens).
fn dot(mesh: &mut egui::Mesh, center: Pos2, colour: Color32) {
    let r = style::MARKER_RADIUS * 0.7;
    let first = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for corner in [vec2(0.0, -r), vec2(r, 0.0), vec2(0.0, r), vec2(-r, 0.0)] {
        mesh.colored_vertex(center + corner, colour);
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
}

struct LabelSpec {
    text: String,
    font: FontId,
    color: Color32,
    /// Labels for markers sit beside the marker, not on it.
    beside_marker: bool,
    priority: i32,
}

fn label_spec(feature: &Feature, screen_width: f32, reported: bool) -> Option<LabelSpec> {
    let mut style =
        crate::view::palette::label_style(feature, screen_width, crate::i18n::current())?;
    if reported {
        crate::view::palette::as_reported(&mut style);
    }
    Some(LabelSpec {
        text: style.text,
        font: FontId::proportional(style.size),
        color: style::colour(style.paint),
        beside_marker: style.beside_marker,
        priority: style.priority,
    })
}

/// At most this many names are laid out and offered for placement per
/// frame, the most important first: a screen holds a few hundred, and a
/// layer of events would otherwise lay out tens of thousands of names.
const MAX_LABELS_CONSIDERED: usize = 600;

/// Names of features, placed so that no two overlap; with `plain_points`
/// false, towns and imported points go unnamed (too many on screen).
pub fn labels(
    painter: &Painter,
    names: &mut super::name_galleys::NameGalleys,
    atlas: &Atlas,
    projector: &Projector,
    visibility: &Visibility<'_>,
    plain_points: bool,
    badges: &[crate::geometry::projection::ScreenRect],
) {
    let mut wanted = features_named(painter, atlas, projector, visibility, plain_points);
    let mut rivers = rivers_named(atlas, projector, visibility);
    // Names are laid out most important first: when more are new than a
    // frame lays out, the lesser ones wait (see `name_galleys`).
    let to_lay_out = rivers
        .iter_mut()
        .map(|(_, spec)| spec)
        .chain(wanted.iter_mut().map(|(_, _, spec)| spec))
        .map(|spec| super::name_galleys::NameWanted {
            text: std::mem::take(&mut spec.text),
            font: spec.font.clone(),
            colour: spec.color,
            priority: spec.priority,
        })
        .collect();
    let mut galleys = names.get_by_priority(painter, to_lay_out).into_iter();
    let mut candidates = Candidates::default();
    for ((index, spec), galley) in rivers.iter().zip(galleys.by_ref()) {
        if let Some(galley) = galley {
            river_candidates(
                painter,
                atlas,
                projector,
                *index,
                spec,
                &galley,
                &mut candidates,
            );
        }
    }
    for ((index, anchor, spec), galley) in wanted.into_iter().zip(galleys) {
        let Some(galley) = galley else {
            continue;
        };
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
            candidates.push(
                LabelCandidate {
                    center: screen_point(anchor + offset),
                    width: size.x,
                    height: size.y,
                    priority: spec.priority + demote,
                    group: index,
                },
                &galley,
                0.0,
            );
        }
    }
    let Candidates {
        list: candidates,
        galleys,
        angles,
    } = candidates;
    for i in place_labels_avoiding(&candidates, 2.0, badges) {
        let c = &candidates[i];
        let galley = galleys[i].clone();
        if angles[i] != 0.0 {
            paint_turned(painter, pos2(c.center.x, c.center.y), galley, angles[i]);
            continue;
        }
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

/// A name turned by `angle` (radians) about `center`, with a thin white
/// halo: a river's name often lies over a border that follows the river.
fn paint_turned(painter: &Painter, center: Pos2, galley: std::sync::Arc<egui::Galley>, angle: f32) {
    let half = galley.size() / 2.0;
    let (sin, cos) = angle.sin_cos();
    let turned_half = vec2(half.x * cos - half.y * sin, half.x * sin + half.y * cos);
    let top_left = center - turned_half;
    let white = Color32::from_rgba_unmultiplied(255, 255, 255, 190);
    for offset in [
        vec2(-1.0, 0.0),
        vec2(1.0, 0.0),
        vec2(0.0, -1.0),
        vec2(0.0, 1.0),
    ] {
        painter.add(
            egui::epaint::TextShape::new(top_left + offset, galley.clone(), white)
                .with_override_text_color(white)
                .with_angle(angle),
        );
    }
    painter.add(egui::epaint::TextShape::new(top_left, galley, Color32::BLACK).with_angle(angle));
}

/// Places offered to the names, each with its galley and its angle
/// (rivers' names turn along them; 0 for the others).
#[derive(Default)]
struct Candidates {
    list: Vec<LabelCandidate>,
    galleys: Vec<std::sync::Arc<egui::Galley>>,
    angles: Vec<f32>,
}

impl Candidates {
    fn push(
        &mut self,
        candidate: LabelCandidate,
        galley: &std::sync::Arc<egui::Galley>,
        angle: f32,
    ) {
        self.list.push(candidate);
        self.galleys.push(std::sync::Arc::clone(galley));
        self.angles.push(angle);
    }
}

/// The features named on screen (not rivers), each with its label's anchor
/// and spec: at most [`MAX_LABELS_CONSIDERED`], in drawing order.
fn features_named(
    painter: &Painter,
    atlas: &Atlas,
    projector: &Projector,
    visibility: &Visibility<'_>,
    plain_points: bool,
) -> Vec<(usize, Pos2, LabelSpec)> {
    let clip = painter.clip_rect();
    let mut wanted: Vec<(usize, Pos2, LabelSpec)> = atlas
        .features()
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.hidden && f.kind != FeatureKind::River && visibility.named(f))
        .filter(|(_, f)| {
            plain_points
                || f.point().is_none()
                || !matches!(f.kind, FeatureKind::City | FeatureKind::Imported)
        })
        .filter_map(|(index, feature)| {
            let anchor = to_pos2(projector.screen_from_lonlat(feature.label_at));
            if !clip.contains(anchor) {
                return None;
            }
            let screen_width = atlas.shape(index).map_or(f32::MAX, |s| {
                let a = projector.screen_from_world(s.world_min);
                let b = projector.screen_from_world(s.world_max);
                (b.x - a.x).abs()
            });
            let reported = visibility.reported(feature);
            Some((index, anchor, label_spec(feature, screen_width, reported)?))
        })
        .collect();
    if wanted.len() > MAX_LABELS_CONSIDERED {
        // The most important, ties in drawing order (stable from frame to frame).
        let key = |w: &(usize, Pos2, LabelSpec)| (std::cmp::Reverse(w.2.priority), w.0);
        wanted.select_nth_unstable_by_key(MAX_LABELS_CONSIDERED, key);
        wanted.truncate(MAX_LABELS_CONSIDERED);
        wanted.sort_unstable_by_key(|w| w.0);
    }
    wanted
}

/// The rivers on screen that are named, with their labels' specs.
fn rivers_named(
    atlas: &Atlas,
    projector: &Projector,
    visibility: &Visibility<'_>,
) -> Vec<(usize, LabelSpec)> {
    atlas
        .features()
        .iter()
        .enumerate()
        .filter(|(index, feature)| {
            feature.kind == FeatureKind::River
                && !feature.hidden
                && !feature.name.is_empty()
                && visibility.named(feature)
                && atlas
                    .shape(*index)
                    .is_some_and(|s| is_visible(s, projector))
        })
        .filter_map(|(index, feature)| Some((index, label_spec(feature, f32::MAX, false)?)))
        .collect()
}

/// Candidates for the name of river `index`, along it on screen
/// ([`crate::view::line_label`]), pushed with their galley and angles.
fn river_candidates(
    painter: &Painter,
    atlas: &Atlas,
    projector: &Projector,
    index: usize,
    spec: &LabelSpec,
    galley: &std::sync::Arc<egui::Galley>,
    candidates: &mut Candidates,
) {
    let Some(shape) = atlas.shape(index) else {
        return;
    };
    let clip = painter.clip_rect().shrink(4.0);
    let clip = crate::geometry::projection::ScreenRect {
        min: screen_point(clip.min),
        max: screen_point(clip.max),
    };
    let size = galley.size();
    let places =
        crate::view::line_label::along_lines(&shape.lines, projector, &clip, size.x, size.y);
    for (n, place) in places.into_iter().enumerate() {
        let (width, height) = place.bounds(size.x, size.y);
        candidates.push(
            LabelCandidate {
                center: place.center,
                width,
                height,
                priority: spec.priority - i32::try_from(n).unwrap_or(i32::MAX),
                group: index,
            },
            galley,
            place.angle,
        );
    }
}

/// A scale bar in the bottom-right corner, true at the centre of the view.
pub fn scale_bar_and_attribution(painter: &Painter, projector: &Projector, rect: Rect) {
    let attribution = crate::tr!("map-attribution");
    let font = FontId::proportional(10.5);
    let text_pos = rect.right_bottom() + vec2(-8.0, -6.0);
    let galley = painter.layout_no_wrap(attribution, font.clone(), style::LABEL_MUTED);
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
    let text = format!(
        "{} · {}",
        feature.name_in(crate::i18n::current()),
        feature.kind.label()
    );
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

/// Numbered badges on features the articles mention, laid out by
/// [`crate::view::badges::place`]; a cluster is drawn with a second ring, and
/// a badge counting reports new since the last visit (`new`) has a dot.
pub fn badges<S: std::hash::BuildHasher>(
    painter: &Painter,
    placed: &[crate::view::badges::Placed],
    new: &std::collections::HashMap<crate::atlas::FeatureId, usize, S>,
) {
    // The badges' backgrounds in one mesh, then their numbers over it.
    let mut discs = Discs::new(painter.ctx());
    let mut numbers = Vec::with_capacity(placed.len());
    for badge in placed {
        let galley = painter.layout_no_wrap(
            badge.count.to_string(),
            FontId::proportional(10.5),
            Color32::WHITE,
        );
        let at = to_pos2(badge.center);
        let rect = Rect::from_center_size(
            at,
            vec2(
                crate::view::badges::width(badge.count),
                crate::view::badges::HEIGHT,
            ),
        );
        if badge.is_cluster() {
            // A second ring, on white.
            discs.ringed_stadium(
                rect.expand(2.0),
                Color32::WHITE,
                Stroke::new(1.5, style::BADGE_FILL),
            );
        }
        discs.ringed_stadium(rect, style::BADGE_FILL, Stroke::new(1.0, Color32::WHITE));
        if !new.is_empty() && badge.members.iter().any(|m| new.contains_key(m)) {
            new_dot(&mut discs, rect.right_top());
        }
        numbers.push((at - galley.size() / 2.0, galley));
    }
    discs.paint(painter);
    for (at, galley) in numbers {
        painter.galley(at, galley, Color32::WHITE);
    }
}

/// The mark of reports new since the last visit (badges and legend).
pub fn new_dot(discs: &mut Discs, at: egui::Pos2) {
    discs.ringed(at, 3.5, style::NEW_MARK, Stroke::new(1.0, Color32::WHITE));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::projection::{LonLat, ScreenPoint, ScreenRect};
    use crate::view::camera::Camera;

    /// `count` imported points spread over a degree around Ménaka, and what
    /// `markers` and `labels` paint of them in an 800×600 view.
    /// Returns whether they were dense, each mesh's vertices, and the texts.
    fn paint_points(count: usize) -> (bool, Vec<usize>, usize) {
        let points = (0..count)
            .map(|i| {
                #[allow(clippy::cast_precision_loss)]
                let (dx, dy) = ((i % 100) as f64 / 100.0, (i / 100) as f64 / 100.0);
                let mut f = Feature::town(
                    format!("layer:t/{i}"),
                    format!("event {i}"),
                    None,
                    LonLat {
                        lon: 2.0 + dx,
                        lat: 15.5 + dy,
                    },
                    serde_json::Map::new(),
                );
                f.kind = FeatureKind::Imported;
                f
            })
            .collect();
        let atlas = Atlas::from_features(points);
        let rect = ScreenRect {
            min: ScreenPoint { x: 0.0, y: 0.0 },
            max: ScreenPoint { x: 800.0, y: 600.0 },
        };
        let projector = Projector::new(
            Camera::looking_at(
                LonLat {
                    lon: 2.5,
                    lat: 15.9,
                },
                20_000.0,
            ),
            rect,
        );
        let ctx = egui::Context::default();
        let mut dense = false;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter_at(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                vec2(800.0, 600.0),
            ));
            let visibility = Visibility {
                scale: projector.camera().scale(),
                shown: crate::atlas::reference::Shown::ALL,
                mentioned: &std::collections::HashMap::new(),
            };
            dense = markers(&painter, &atlas, &projector, &visibility, |_| None);
            let mut names = super::super::name_galleys::NameGalleys::default();
            names.begin_frame(1.0);
            labels(
                &painter,
                &mut names,
                &atlas,
                &projector,
                &visibility,
                !dense,
                &[],
            );
        });
        output.textures_delta.clear();
        let meshes: Vec<usize> = output
            .shapes
            .iter()
            .filter_map(|s| match &s.shape {
                Shape::Mesh(mesh) => Some(mesh.vertices.len()),
                _ => None,
            })
            .collect();
        let texts = output
            .shapes
            .iter()
            .filter(|s| matches!(s.shape, Shape::Text(_)))
            .count();
        (dense, meshes, texts)
    }

    #[test]
    fn a_few_points_are_markers_with_names_and_many_are_dots_in_one_mesh() {
        let (dense, meshes, texts) = paint_points(50);
        assert!(!dense);
        assert_eq!(meshes, [50 * 8], "ringed dots, two quads each, one mesh");
        assert!(texts > 0, "names placed");
        let many = MANY_MARKERS + 500;
        let (dense, meshes, texts) = paint_points(many);
        assert!(dense);
        assert_eq!(meshes.len(), 1, "every dot in one mesh");
        assert!(meshes[0] <= 4 * many, "plain dots: {meshes:?}");
        assert_eq!(texts, 0, "too many to name");
    }
}
