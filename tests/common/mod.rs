//! Helpers shared by the `egui_kittest` tests: pointer clicks at map positions.
#![allow(dead_code, reason = "each test binary uses part of these helpers")]

use dispatch_atlas::geometry::projection::LonLat;
use dispatch_atlas::ui::DispatchAtlasApp;
use dispatch_atlas::ui::convert::pos2;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// Where a lon/lat is drawn in the harness's window.
pub fn screen_pos(harness: &Harness<'_, DispatchAtlasApp>, at: LonLat) -> Pos2 {
    let state = harness
        .state()
        .state()
        .unwrap_or_else(|| panic!("the embedded atlas loads"));
    let projector = state
        .projector()
        .unwrap_or_else(|| panic!("the map has been laid out"));
    pos2(projector.screen_from_lonlat(at))
}

/// A primary click at `pos`, with the hover that precedes it.
pub fn click_at(harness: &mut Harness<'_, DispatchAtlasApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

/// A secondary (right) click at `pos`, which opens the map's context menu.
pub fn right_click_at(harness: &mut Harness<'_, DispatchAtlasApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

/// A click on whatever is drawn at `at`.
pub fn click_place(harness: &mut Harness<'_, DispatchAtlasApp>, at: LonLat) {
    let pos = screen_pos(harness, at);
    click_at(harness, pos);
}
