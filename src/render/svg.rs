//! The map as SVG: what the window shows, drawn from the same palette, label
//! rules and projector, with a legend, a scale bar and the data attribution.

use std::fmt::Write as _;

use crate::atlas::reference::drawn_at;
use crate::atlas::{AreaLevel, FeatureGeometry, FeatureKind};
use crate::geometry::projection::{Projector, ScreenPoint, WorldPoint};
use crate::view::labels::{LabelCandidate, place_labels_avoiding};
use crate::view::line_label::along_lines;
use crate::view::palette::{
    self, Line, Paint, Symbol, approximate_text_width, area_paint, label_style,
};
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
        let Some(shape) = scene.atlas.shape(index).filter(|_| {
            !feature.hidden
                && feature.kind.in_base_map()
                && drawn_at(feature, projector.camera().scale())
        }) else {
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

/// A point feature's symbol ([`palette::symbol`]), as the window draws it.
fn marker(out: &mut String, at: ScreenPoint, symbol: Symbol, colour: Option<Paint>) {
    let r = palette::MARKER_RADIUS;
    let outline = stroke_attrs(palette::MARKER_OUTLINE, 1.0).replace(r#"fill="none" "#, "");
    match symbol {
        Symbol::Tripoint | Symbol::Pin => {
            let (fill, (dx, dy)) = if symbol == Symbol::Pin {
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
        Symbol::Capital => {
            let (c, a) = colour.unwrap_or(palette::CITY_FILL).svg();
            let _ = writeln!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="#ffffff" stroke="{c}" stroke-opacity="{a:.3}" stroke-width="1.8"/><circle cx="{x:.1}" cy="{y:.1}" r="{inner}" fill="{c}" fill-opacity="{a:.3}"/>"##,
                x = at.x,
                y = at.y,
                inner = r - 2.8,
            );
        }
        Symbol::Town | Symbol::ReferenceTown => {
            let (c, a) = colour.unwrap_or(palette::CITY_FILL).svg();
            let (r, outline) = if symbol == Symbol::Town {
                (r, outline)
            } else {
                (
                    palette::REFERENCE_TOWN_RADIUS,
                    r##"stroke="#ffffff" stroke-width="1""##.to_owned(),
                )
            };
            let _ = writeln!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{r}" fill="{c}" fill-opacity="{a:.3}" {outline}/>"#,
                at.x, at.y
            );
        }
        Symbol::Unmarked => {}
    }
}

fn markers(out: &mut String, scene: &Scene<'_>, projector: &Projector, frame: &Frame) {
    let _ = writeln!(out, r#"<g id="markers">"#);
    let visibility = scene.visibility(projector);
    for feature in scene
        .atlas
        .features()
        .iter()
        .filter(|f| !f.hidden && f.kind != FeatureKind::Sea && visibility.drawn(f))
    {
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
            marker(
                out,
                p,
                palette::symbol(feature, visibility.reported(feature)),
                colour,
            );
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

/// Where a river's name may go: along the river (see `view::line_label`).
struct RiverLabel<'s, 'a> {
    scene: &'s Scene<'a>,
    projector: &'s Projector,
    frame: &'s Frame,
}

/// Label candidates with their group, and the turned ones' angle (degrees)
/// and centre by candidate.
type Candidates = Vec<(LabelCandidate, usize)>;
type Turned = std::collections::HashMap<usize, (f32, ScreenPoint)>;

impl RiverLabel<'_, '_> {
    /// Pushes the river's candidates (group `group`); its style if any.
    fn candidates(
        &self,
        index: usize,
        group: usize,
        candidates: &mut Candidates,
        turned: &mut Turned,
    ) -> Option<palette::LabelStyle> {
        let feature = &self.scene.atlas.features()[index];
        let shape = self.scene.atlas.shape(index)?;
        let style = label_style(feature, f32::MAX, self.scene.language)?;
        if style.text.is_empty() {
            return None;
        }
        let width = approximate_text_width(&style.text, style.size);
        let places = along_lines(
            &shape.lines,
            self.projector,
            &self.frame.rect(),
            width,
            style.size,
        );
        for (n, place) in places.into_iter().enumerate() {
            let (w, h) = place.bounds(width, style.size * 1.2);
            turned.insert(candidates.len(), (place.angle.to_degrees(), place.center));
            candidates.push((
                LabelCandidate {
                    center: place.center,
                    width: w,
                    height: h,
                    priority: style.priority - i32::try_from(n).unwrap_or(i32::MAX),
                    group,
                },
                group,
            ));
        }
        Some(style)
    }
}

/// Where a name `width` × `height` may go: beside a marker (right, left,
/// above, below), or on an area's label point.
fn label_positions(
    anchor: ScreenPoint,
    beside_marker: bool,
    width: f32,
    height: f32,
) -> Vec<ScreenPoint> {
    if !beside_marker {
        return vec![anchor];
    }
    let gap = palette::MARKER_RADIUS + 4.0;
    let at = |dx: f32, dy: f32| ScreenPoint {
        x: anchor.x + dx,
        y: anchor.y + dy,
    };
    vec![
        at(gap + width / 2.0, 0.0),
        at(-gap - width / 2.0, 0.0),
        at(0.0, -gap - height / 2.0),
        at(0.0, gap + height / 2.0),
    ]
}

/// A river's name turned by `degrees` about `center`.
fn turned_text(out: &mut String, style: &palette::LabelStyle, center: ScreenPoint, degrees: f32) {
    let (c, a) = style.paint.svg();
    let _ = writeln!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-size="{}" fill="{c}" fill-opacity="{a:.3}" text-anchor="middle" stroke="#ffffff" stroke-opacity="0.75" stroke-width="2.5" paint-order="stroke" transform="rotate({degrees:.1} {x:.1} {cy:.1})">{}</text>"##,
        style.size,
        xml(&style.text),
        x = center.x,
        y = center.y + style.size * 0.35,
        cy = center.y,
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
    let mut candidates: Candidates = Vec::new();
    // Rivers' names, along them.
    let mut turned = Turned::new();
    let visibility = scene.visibility(projector);
    let river = RiverLabel {
        scene,
        projector,
        frame,
    };
    for (index, feature) in scene
        .atlas
        .features()
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.hidden && visibility.named(f))
    {
        if feature.kind == FeatureKind::River {
            if let Some(style) = river.candidates(index, specs.len(), &mut candidates, &mut turned)
            {
                specs.push(style);
            }
            continue;
        }
        let anchor = projector.screen_from_lonlat(feature.label_at);
        if !frame.contains(anchor, 0.0) {
            continue;
        }
        let screen_width = scene.atlas.shape(index).map_or(f32::MAX, |s| {
            let a = projector.screen_from_world(s.world_min);
            let b = projector.screen_from_world(s.world_max);
            (b.x - a.x).abs()
        });
        let Some(mut style) = label_style(feature, screen_width, scene.language) else {
            continue;
        };
        if visibility.reported(feature) {
            palette::as_reported(&mut style);
        }
        let width = approximate_text_width(&style.text, style.size);
        let height = style.size * 1.2;
        let positions = label_positions(anchor, style.beside_marker, width, height);
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
        if let Some(&(degrees, center)) = turned.get(&i) {
            turned_text(out, style, center, degrees);
            continue;
        }
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
fn furniture(
    out: &mut String,
    projector: &Projector,
    frame: &Frame,
    language: crate::i18n::Language,
) {
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
    legend(out, height, language);
}

/// What a legend row shows beside its name.
enum Swatch {
    Area(Paint, Line),
    Line(Line),
    Symbol(Symbol, Option<Paint>),
    Badge,
}

/// The legend, bottom left, in `language`.
fn legend(out: &mut String, height: f32, language: crate::i18n::Language) {
    let dark = palette::LABEL_DARK.svg().0;
    let tr = |id: &str| crate::i18n::text_in(language, id, &[]);
    let rows: [(String, Swatch); 11] = [
        (
            tr("legend-focus"),
            Swatch::Area(palette::FOCUS_FILL, palette::FOCUS_LINE),
        ),
        (
            tr("legend-other-countries"),
            Swatch::Area(palette::CONTEXT_FILL, palette::CONTEXT_LINE),
        ),
        (
            tr("legend-zone"),
            Swatch::Area(palette::ZONE_FILL, palette::ZONE_LINE),
        ),
        (
            tr("legend-user-zones"),
            Swatch::Area(palette::USER_ZONE_FILL, palette::USER_ZONE_LINE),
        ),
        (
            tr("legend-lake"),
            Swatch::Area(palette::OCEAN, palette::LAKE_LINE),
        ),
        (tr("legend-river"), Swatch::Line(palette::RIVER_LINE)),
        (tr("legend-capital"), Swatch::Symbol(Symbol::Capital, None)),
        (
            tr("legend-town"),
            Swatch::Symbol(Symbol::ReferenceTown, None),
        ),
        (
            tr("legend-reported-town"),
            Swatch::Symbol(Symbol::Town, None),
        ),
        (tr("legend-markers"), Swatch::Symbol(Symbol::Pin, None)),
        (tr("legend-mentions"), Swatch::Badge),
    ];
    let top = height - 20.0 - rows.len() as f32 * 18.0 - 22.0;
    let _ = writeln!(
        out,
        r##"<g id="legend"><rect x="10" y="{top:.1}" width="210" height="{:.1}" rx="4" fill="#ffffff" fill-opacity="0.88" stroke="#b5ad9f"/><text x="18" y="{:.1}" font-size="11.5" fill="{dark}">{}</text>"##,
        rows.len() as f32 * 18.0 + 26.0,
        top + 15.0,
        xml(&tr("legend-title"))
    );
    for (i, (label, swatch)) in rows.iter().enumerate() {
        let row_y = top + 24.0 + i as f32 * 18.0;
        match swatch {
            Swatch::Area(fill, line) => {
                let (colour, alpha) = fill.svg();
                let (sc, sa) = line.paint.svg();
                let _ = write!(
                    out,
                    r#"<rect x="18" y="{row_y:.1}" width="18" height="12" fill="{colour}" fill-opacity="{alpha:.3}" stroke="{sc}" stroke-opacity="{sa:.3}" stroke-width="{}"/>"#,
                    line.width.min(2.0)
                );
            }
            Swatch::Line(line) => {
                let (sc, sa) = line.paint.svg();
                let _ = write!(
                    out,
                    r#"<path d="M18 {y:.1} L36 {y:.1}" stroke="{sc}" stroke-opacity="{sa:.3}" stroke-width="{}"/>"#,
                    line.width,
                    y = row_y + 6.0
                );
            }
            Swatch::Symbol(symbol, colour) => {
                marker(
                    out,
                    ScreenPoint {
                        x: 27.0,
                        y: row_y + 6.0,
                    },
                    *symbol,
                    *colour,
                );
            }
            Swatch::Badge => {
                let (colour, alpha) = palette::BADGE_FILL.svg();
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
    furniture(&mut out, &projector, frame, scene.language);
    out.push_str("</svg>\n");
    out
}
