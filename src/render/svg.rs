//! The map as SVG: what the window shows, drawn from the same palette, label
//! rules and projector, with a legend, a scale bar and the data attribution.

use std::fmt::Write as _;

use crate::atlas::{AreaLevel, FeatureGeometry, FeatureKind};
use crate::geometry::projection::{Projector, ScreenPoint, WorldPoint};
use crate::view::labels::{LabelCandidate, place_labels_avoiding};
use crate::view::palette::{self, Line, Paint, approximate_text_width, area_paint, label_style};
use crate::view::scale_bar::scale_bar;

use super::{ATTRIBUTION, Frame, Scene};

/// Outline vertices closer than this (pixels) to the previous one are left out.
const MIN_STEP_PX: f32 = 0.6;

/// Escapes text for XML.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn fill_attrs(paint: Paint, opacity: f32) -> String {
    let (colour, alpha) = paint.svg();
    format!(r#"fill="{colour}" fill-opacity="{:.3}""#, alpha * opacity)
}

fn stroke_attrs(line: Line, opacity: f32) -> String {
    let (colour, alpha) = line.paint.svg();
    format!(
        r#"fill="none" stroke="{colour}" stroke-opacity="{:.3}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round""#,
        alpha * opacity,
        line.width
    )
}

/// `M x y L x y …` for one ring or line, decimated; `None` if too small.
fn path_data(
    points: impl IntoIterator<Item = WorldPoint>,
    projector: &Projector,
    closed: bool,
) -> Option<String> {
    let mut d = String::new();
    let mut last: Option<ScreenPoint> = None;
    let mut count = 0;
    for w in points {
        let p = projector.screen_from_world(w);
        if last.is_some_and(|l| (l.x - p.x).hypot(l.y - p.y) < MIN_STEP_PX) {
            continue;
        }
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if count == 0 { "M" } else { " L" },
            p.x,
            p.y
        );
        last = Some(p);
        count += 1;
    }
    let enough = if closed { count >= 3 } else { count >= 2 };
    enough.then(|| if closed { d + " Z" } else { d })
}

fn visible(min: WorldPoint, max: WorldPoint, projector: &Projector) -> bool {
    let (vmin, vmax) = projector.visible_world();
    max.x >= vmin.x && min.x <= vmax.x && max.y >= vmin.y && min.y <= vmax.y
}

/// Fills, then outlines in their layer order, of every visible area (and the
/// lines and dots of imported features).
fn areas(out: &mut String, scene: &Scene<'_>, projector: &Projector) {
    let mut outlines: Vec<(u8, String)> = Vec::new();
    let _ = writeln!(out, r#"<g id="areas">"#);
    for (index, feature) in scene.atlas.features().iter().enumerate() {
        let Some(shape) = scene.atlas.shape(index).filter(|_| !feature.hidden) else {
            continue;
        };
        if !visible(shape.world_min, shape.world_max, projector) {
            continue;
        }
        let paint = area_paint(feature);
        let opacity = (scene.opacity)(feature);
        let level = shape.level(projector.camera().scale());
        if !paint.fill.is_transparent()
            && let Some(level) = level
        {
            let d: Vec<String> = level
                .rings()
                .filter_map(|r| path_data(r, projector, true))
                .collect();
            if !d.is_empty() {
                let _ = writeln!(
                    out,
                    r#"<path d="{}" fill-rule="evenodd" {}/>"#,
                    d.join(" "),
                    fill_attrs(paint.fill, opacity)
                );
            }
        }
        let rings = level
            .into_iter()
            .flat_map(AreaLevel::rings)
            .filter_map(|r| path_data(r, projector, true));
        let lines = shape
            .lines
            .iter()
            .filter_map(|l| path_data(l.iter().copied(), projector, false));
        let d: Vec<String> = rings.chain(lines).collect();
        if !d.is_empty() {
            outlines.push((
                paint.outline_layer,
                format!(
                    r#"<path d="{}" {}/>"#,
                    d.join(" "),
                    stroke_attrs(paint.line, opacity)
                ),
            ));
        }
        for &dot in &shape.dots {
            let p = projector.screen_from_world(dot);
            outlines.push((
                paint.outline_layer,
                format!(
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" {}/>"#,
                    p.x,
                    p.y,
                    fill_attrs(paint.line.paint, opacity)
                ),
            ));
        }
    }
    outlines.sort_by_key(|(layer, _)| *layer);
    for (_, element) in outlines {
        let _ = writeln!(out, "{element}");
    }
    let _ = writeln!(out, "</g>");
}

/// A point feature's symbol: a dot for towns, a diamond for the tripoint and
/// for the user's markers (in their colour).
fn marker(out: &mut String, at: ScreenPoint, kind: FeatureKind, colour: Option<Paint>) {
    let r = palette::MARKER_RADIUS;
    let outline = stroke_attrs(palette::MARKER_OUTLINE, 1.0).replace(r#"fill="none" "#, "");
    match kind {
        FeatureKind::Tripoint | FeatureKind::Marker => {
            let (fill, (dx, dy)) = if kind == FeatureKind::Marker {
                (
                    colour.unwrap_or(palette::USER_MARKER_FILL),
                    (r + 0.5, r + 2.5),
                )
            } else {
                (palette::TRIPOINT_FILL, (r + 1.5, r + 1.5))
            };
            let (c, a) = fill.svg();
            let _ = writeln!(
                out,
                r#"<path d="M{x:.1} {t:.1} L{rgt:.1} {y:.1} L{x:.1} {b:.1} L{l:.1} {y:.1} Z" fill="{c}" fill-opacity="{a:.3}" {outline}/>"#,
                x = at.x,
                y = at.y,
                t = at.y - dy,
                b = at.y + dy,
                l = at.x - dx,
                rgt = at.x + dx,
            );
        }
        _ => {
            let (c, a) = colour.unwrap_or(palette::CITY_FILL).svg();
            let _ = writeln!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{r}" fill="{c}" fill-opacity="{a:.3}" {outline}/>"#,
                at.x, at.y
            );
        }
    }
}

fn markers(out: &mut String, scene: &Scene<'_>, projector: &Projector, frame: &Frame) {
    let _ = writeln!(out, r#"<g id="markers">"#);
    for feature in scene.atlas.features().iter().filter(|f| !f.hidden) {
        let FeatureGeometry::Point(at) = feature.geometry else {
            continue;
        };
        let p = projector.screen_from_lonlat(at);
        if frame.contains(p, 10.0) {
            let colour = scene
                .annotations
                .note(&feature.id)
                .and_then(|a| a.colour)
                .map(|c| Paint::rgb(c.0[0], c.0[1], c.0[2]));
            marker(out, p, feature.kind, colour);
        }
    }
    let _ = writeln!(out, "</g>");
}

fn text(out: &mut String, at: ScreenPoint, size: f32, paint: Paint, anchor: &str, content: &str) {
    let (c, a) = paint.svg();
    let _ = writeln!(
        out,
        r##"<text x="{:.1}" y="{:.1}" font-size="{size}" fill="{c}" fill-opacity="{a:.3}" text-anchor="{anchor}" stroke="#ffffff" stroke-opacity="0.8" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{}</text>"##,
        at.x,
        at.y,
        xml(content)
    );
}

/// Names, placed by the same rules as in the window.
fn labels(
    out: &mut String,
    scene: &Scene<'_>,
    projector: &Projector,
    frame: &Frame,
    badges: &[crate::geometry::projection::ScreenRect],
) {
    let mut specs = Vec::new();
    let mut candidates = Vec::new();
    for (index, feature) in scene
        .atlas
        .features()
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.hidden)
    {
        let anchor = projector.screen_from_lonlat(feature.label_at);
        if !frame.contains(anchor, 0.0) {
            continue;
        }
        let screen_width = scene.atlas.shape(index).map_or(f32::MAX, |s| {
            let a = projector.screen_from_world(s.world_min);
            let b = projector.screen_from_world(s.world_max);
            (b.x - a.x).abs()
        });
        let Some(style) = label_style(feature, screen_width) else {
            continue;
        };
        let width = approximate_text_width(&style.text, style.size);
        let height = style.size * 1.2;
        let positions: Vec<ScreenPoint> = if style.beside_marker {
            let gap = palette::MARKER_RADIUS + 4.0;
            vec![
                ScreenPoint {
                    x: anchor.x + gap + width / 2.0,
                    y: anchor.y,
                },
                ScreenPoint {
                    x: anchor.x - gap - width / 2.0,
                    y: anchor.y,
                },
                ScreenPoint {
                    x: anchor.x,
                    y: anchor.y - gap - height / 2.0,
                },
                ScreenPoint {
                    x: anchor.x,
                    y: anchor.y + gap + height / 2.0,
                },
            ]
        } else {
            vec![anchor]
        };
        let group = specs.len();
        for center in positions {
            candidates.push((
                LabelCandidate {
                    center,
                    width,
                    height,
                    priority: style.priority,
                    group,
                },
                group,
            ));
        }
        specs.push(style);
    }
    let boxes: Vec<LabelCandidate> = candidates.iter().map(|(c, _)| *c).collect();
    let _ = writeln!(out, r#"<g id="labels">"#);
    for i in place_labels_avoiding(&boxes, 2.0, badges) {
        let (candidate, group) = candidates[i];
        let style = &specs[group];
        let baseline = ScreenPoint {
            x: candidate.center.x,
            y: candidate.center.y + style.size * 0.35,
        };
        text(
            out,
            baseline,
            style.size,
            style.paint,
            "middle",
            &style.text,
        );
    }
    let _ = writeln!(out, "</g>");
}

/// Red badges with each feature's number of mentions in the articles, laid
/// out as the window lays them out ([`crate::view::badges`]).
fn badges(out: &mut String, placed: &[crate::view::badges::Placed]) {
    let _ = writeln!(out, r#"<g id="badges">"#);
    let (fill, _) = palette::BADGE_FILL.svg();
    for badge in placed {
        let at = badge.center;
        let label = badge.count.to_string();
        let w = crate::view::badges::width(badge.count);
        if badge.is_cluster() {
            let _ = writeln!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="19" rx="9" fill="none" stroke="{fill}" stroke-width="1.5"/>"#,
                at.x - w / 2.0 - 2.0,
                at.y - 9.5,
                w + 4.0
            );
        }
        let _ = writeln!(
            out,
            r##"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="15" rx="7" fill="{fill}" stroke="#ffffff"/><text x="{:.1}" y="{:.1}" font-size="10.5" fill="#ffffff" text-anchor="middle">{label}</text>"##,
            at.x - w / 2.0,
            at.y - 7.5,
            at.x,
            at.y + 3.7
        );
    }
    let _ = writeln!(out, "</g>");
}

/// Scale bar and attribution, bottom right; legend, bottom left.
fn furniture(out: &mut String, projector: &Projector, frame: &Frame) {
    let (width, height) = (frame.width as f32, frame.height as f32);
    let dark = palette::LABEL_DARK.svg().0;
    let attribution_width = approximate_text_width(ATTRIBUTION, 10.5);
    let _ = writeln!(
        out,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="16" fill="#ffffff" fill-opacity="0.7"/><text x="{:.1}" y="{:.1}" font-size="10.5" fill="#000000" text-anchor="end">{}</text>"##,
        width - attribution_width - 12.0,
        height - 22.0,
        attribution_width + 8.0,
        width - 8.0,
        height - 10.0,
        xml(ATTRIBUTION)
    );
    if let Some(bar) = scale_bar(projector.metres_per_pixel(), 140.0) {
        let (right, y) = (width - 12.0, height - 34.0);
        let left = right - bar.pixels;
        let _ = writeln!(
            out,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="23" rx="3" fill="#ffffff" fill-opacity="0.75"/><path d="M{left:.1} {:.1} L{left:.1} {y:.1} L{right:.1} {y:.1} L{right:.1} {:.1}" fill="none" stroke="{dark}" stroke-width="2"/><text x="{:.1}" y="{:.1}" font-size="10.5" fill="{dark}" text-anchor="middle">{}</text>"##,
            left - 6.0,
            y - 18.0,
            bar.pixels + 12.0,
            y - 5.0,
            y - 5.0,
            f32::midpoint(left, right),
            y - 6.0,
            xml(&bar.label)
        );
    }
    let rows: [(&str, Paint, Option<Line>); 7] = [
        (
            "Mali, Niger, Burkina Faso",
            palette::FOCUS_FILL,
            Some(palette::FOCUS_LINE),
        ),
        (
            "Other countries",
            palette::CONTEXT_FILL,
            Some(palette::CONTEXT_LINE),
        ),
        (
            "Three-borders zone",
            palette::ZONE_FILL,
            Some(palette::ZONE_LINE),
        ),
        (
            "Your zones",
            palette::USER_ZONE_FILL,
            Some(palette::USER_ZONE_LINE),
        ),
        ("Town (GeoNames)", palette::CITY_FILL, None),
        ("Your markers", palette::USER_MARKER_FILL, None),
        ("Mentions in the articles", palette::BADGE_FILL, None),
    ];
    let top = height - 20.0 - rows.len() as f32 * 18.0 - 22.0;
    let _ = writeln!(
        out,
        r##"<g id="legend"><rect x="10" y="{top:.1}" width="190" height="{:.1}" rx="4" fill="#ffffff" fill-opacity="0.88" stroke="#b5ad9f"/><text x="18" y="{:.1}" font-size="11.5" fill="{dark}">Legend</text>"##,
        rows.len() as f32 * 18.0 + 26.0,
        top + 15.0
    );
    for (i, (label, fill, line)) in rows.iter().enumerate() {
        let row_y = top + 24.0 + i as f32 * 18.0;
        let (colour, alpha) = fill.svg();
        match line {
            Some(line) => {
                let (sc, sa) = line.paint.svg();
                let _ = write!(
                    out,
                    r#"<rect x="18" y="{row_y:.1}" width="18" height="12" fill="{colour}" fill-opacity="{alpha:.3}" stroke="{sc}" stroke-opacity="{sa:.3}" stroke-width="{}"/>"#,
                    line.width.min(2.0)
                );
            }
            None => {
                let _ = write!(
                    out,
                    r##"<circle cx="27" cy="{:.1}" r="5" fill="{colour}" fill-opacity="{alpha:.3}" stroke="#ffffff"/>"##,
                    row_y + 6.0
                );
            }
        }
        let _ = writeln!(
            out,
            r#"<text x="44" y="{:.1}" font-size="11" fill="{dark}">{}</text>"#,
            row_y + 10.0,
            xml(label)
        );
    }
    let _ = writeln!(out, "</g>");
}

/// The whole map as an SVG document.
#[must_use]
pub fn svg(scene: &Scene<'_>, frame: &Frame) -> String {
    let projector = frame.projector();
    let mut out = String::with_capacity(1 << 20);
    let (ocean, _) = palette::OCEAN.svg();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif">"#,
        w = frame.width,
        h = frame.height
    );
    let _ = writeln!(out, "<title>Dispatch Atlas map</title>");
    let _ = writeln!(
        out,
        r#"<rect width="{}" height="{}" fill="{ocean}"/>"#,
        frame.width, frame.height
    );
    areas(&mut out, scene, &projector);
    markers(&mut out, scene, &projector, frame);
    let placed = crate::view::badges::place(crate::view::badges::candidates(
        scene.atlas,
        &projector,
        scene.mention_counts,
        frame.rect(),
    ));
    labels(
        &mut out,
        scene,
        &projector,
        frame,
        &crate::view::badges::rects(&placed),
    );
    badges(&mut out, &placed);
    furniture(&mut out, &projector, frame);
    out.push_str("</svg>\n");
    out
}
