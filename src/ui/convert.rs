//! The one place where the core's screen types meet egui's.

use crate::geometry::projection::{ScreenPoint, ScreenRect};

#[must_use]
pub fn pos2(p: ScreenPoint) -> egui::Pos2 {
    egui::pos2(p.x, p.y)
}

#[must_use]
pub fn screen_point(p: egui::Pos2) -> ScreenPoint {
    ScreenPoint { x: p.x, y: p.y }
}

#[must_use]
pub fn screen_rect(r: egui::Rect) -> ScreenRect {
    ScreenRect {
        min: screen_point(r.min),
        max: screen_point(r.max),
    }
}
