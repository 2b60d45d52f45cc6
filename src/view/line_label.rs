//! A river's name written along the river: on the straightest stretch of
//! its visible course long enough for the name, nearest the middle of that
//! course, turned to follow it, kept upright, and lifted just off the line
//! (on it, the line would strike the letters through).
//!
//! Invariants: the stretch lies inside the clip rectangle; its chord is at
//! least the name's length and its path at most [`MAX_WIGGLE`] times the
//! chord (a name on a meander would not read); the angle is within ±90°.

use crate::geometry::projection::{Projector, ScreenPoint, ScreenRect, WorldPoint};

/// How much longer than its chord a stretch may be and still carry a name.
pub const MAX_WIGGLE: f32 = 1.12;

/// Screen points closer than this to the previous one are skipped (pixels).
const STEP_PX: f32 = 2.0;

/// Where a name goes along a line: its centre and its angle (radians,
/// clockwise on screen, within ±π/2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlongLine {
    pub center: ScreenPoint,
    pub angle: f32,
}

impl AlongLine {
    /// The axis-aligned box of a `width` × `height` name turned by the
    /// angle, for the placement's collision test.
    #[must_use]
    pub fn bounds(&self, width: f32, height: f32) -> (f32, f32) {
        let (sin, cos) = (self.angle.sin().abs(), self.angle.cos().abs());
        (width * cos + height * sin, width * sin + height * cos)
    }
}

fn distance(a: ScreenPoint, b: ScreenPoint) -> f32 {
    (b.x - a.x).hypot(b.y - a.y)
}

fn inside(rect: &ScreenRect, p: ScreenPoint) -> bool {
    p.x >= rect.min.x && p.x <= rect.max.x && p.y >= rect.min.y && p.y <= rect.max.y
}

/// The runs of `line` on screen that lie inside `clip`, thinned to a point
/// every [`STEP_PX`].
fn visible_runs(
    line: &[WorldPoint],
    projector: &Projector,
    clip: &ScreenRect,
) -> Vec<Vec<ScreenPoint>> {
    let mut runs = Vec::new();
    let mut run: Vec<ScreenPoint> = Vec::new();
    for &w in line {
        let p = projector.screen_from_world(w);
        if !inside(clip, p) {
            if run.len() >= 2 {
                runs.push(std::mem::take(&mut run));
            }
            run.clear();
            continue;
        }
        if run.last().is_none_or(|&last| distance(last, p) >= STEP_PX) {
            run.push(p);
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Where along a run names are tried, as shares of its length: the middle
/// first, then either side of it.
const TARGETS: [f32; 5] = [0.5, 0.3, 0.7, 0.15, 0.85];

/// The best stretch of one run for a name `width_px` long (see the module).
///
/// ```
/// use dispatch_atlas::geometry::projection::ScreenPoint;
/// use dispatch_atlas::view::line_label::along_run;
/// let line: Vec<ScreenPoint> = (0..=10).map(|i| ScreenPoint { x: i as f32 * 10.0, y: 50.0 }).collect();
/// let place = along_run(&line, 40.0).unwrap();
/// assert_eq!(place.center, ScreenPoint { x: 50.0, y: 50.0 });
/// assert_eq!(place.angle, 0.0);
/// assert!(along_run(&line, 200.0).is_none());
/// ```
#[must_use]
pub fn along_run(run: &[ScreenPoint], width_px: f32) -> Option<AlongLine> {
    along_run_near(run, width_px, 0.0, 0.5)
}

/// Stretches of one run for the name, the nearest to each of [`TARGETS`]
/// (alternatives for the placement, best first; no two the same).
#[must_use]
pub fn along_run_all(run: &[ScreenPoint], width_px: f32, lift_px: f32) -> Vec<AlongLine> {
    let mut out: Vec<AlongLine> = Vec::new();
    for target in TARGETS {
        if let Some(place) = along_run_near(run, width_px, lift_px, target)
            && !out.contains(&place)
        {
            out.push(place);
        }
    }
    out
}

/// The straight-enough stretch whose middle is nearest `target` (a share
/// of the run's length).
fn along_run_near(
    run: &[ScreenPoint],
    width_px: f32,
    lift_px: f32,
    target: f32,
) -> Option<AlongLine> {
    if run.len() < 2 || width_px <= 0.0 {
        return None;
    }
    // Arc length at each point.
    let mut at = Vec::with_capacity(run.len());
    let mut total = 0.0;
    at.push(0.0);
    for pair in run.windows(2) {
        total += distance(pair[0], pair[1]);
        at.push(total);
    }
    let middle = total * target;
    let mut best: Option<(f32, usize, usize)> = None;
    let mut end = 0;
    for start in 0..run.len() {
        end = end.max(start + 1);
        // The shortest stretch from `start` whose chord fits the name.
        while end < run.len() && distance(run[start], run[end]) < width_px {
            end += 1;
        }
        if end >= run.len() {
            break;
        }
        let path = at[end] - at[start];
        let chord = distance(run[start], run[end]);
        if path > chord * MAX_WIGGLE {
            continue;
        }
        let off_middle = (f32::midpoint(at[start], at[end]) - middle).abs();
        if best.is_none_or(|(b, _, _)| off_middle < b) {
            best = Some((off_middle, start, end));
        }
    }
    let (_, start, end) = best?;
    let (a, b) = (run[start], run[end]);
    let mut angle = (b.y - a.y).atan2(b.x - a.x);
    // Upright: never read from right to left.
    if angle > std::f32::consts::FRAC_PI_2 {
        angle -= std::f32::consts::PI;
    } else if angle < -std::f32::consts::FRAC_PI_2 {
        angle += std::f32::consts::PI;
    }
    // The text's "up" is (sin, −cos) of its angle on screen.
    let (sin, cos) = angle.sin_cos();
    Some(AlongLine {
        center: ScreenPoint {
            x: f32::midpoint(a.x, b.x) + sin * lift_px,
            y: f32::midpoint(a.y, b.y) - cos * lift_px,
        },
        angle,
    })
}

/// Where a name `width_px` × `height_px` may go along `lines` (a river's
/// parts) in the part of the screen `clip`: stretches of the two longest
/// visible runs that have room, best first, the name's centre lifted half
/// its height and a little more off the line.
#[must_use]
pub fn along_lines(
    lines: &[Vec<WorldPoint>],
    projector: &Projector,
    clip: &ScreenRect,
    width_px: f32,
    height_px: f32,
) -> Vec<AlongLine> {
    let lift_px = height_px / 2.0 + 1.5;
    let mut runs: Vec<Vec<ScreenPoint>> = lines
        .iter()
        .flat_map(|line| visible_runs(line, projector, clip))
        .collect();
    let length = |run: &Vec<ScreenPoint>| run.windows(2).map(|p| distance(p[0], p[1])).sum::<f32>();
    runs.sort_by(|a, b| length(b).total_cmp(&length(a)));
    runs.iter()
        .take(2)
        .flat_map(|run| along_run_all(run, width_px, lift_px))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f32, y: f32) -> ScreenPoint {
        ScreenPoint { x, y }
    }

    #[test]
    fn a_name_follows_a_slope_and_stays_upright() {
        // Drawn right to left, rising: the name still reads left to right.
        let line = vec![p(100.0, 0.0), p(50.0, 50.0), p(0.0, 100.0)];
        let place = along_run(&line, 60.0).unwrap_or_else(|| panic!("fits"));
        assert!(
            (place.angle.to_degrees() + 45.0).abs() < 0.01,
            "{}",
            place.angle.to_degrees()
        );
    }

    #[test]
    fn a_meander_carries_no_name() {
        let zigzag: Vec<ScreenPoint> = (0..40)
            .map(|i| p(i as f32 * 3.0, if i % 2 == 0 { 0.0 } else { 12.0 }))
            .collect();
        assert!(along_run(&zigzag, 30.0).is_none());
    }

    #[test]
    fn the_box_of_a_turned_name_grows() {
        let place = AlongLine {
            center: p(0.0, 0.0),
            angle: std::f32::consts::FRAC_PI_2,
        };
        let (w, h) = place.bounds(40.0, 10.0);
        assert!((w - 10.0).abs() < 0.01 && (h - 40.0).abs() < 0.01);
    }
}
