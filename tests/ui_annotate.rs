//! Annotating in the real app, through `egui_kittest`: a note typed in the
//! side panel, a marker added with a right-click, undo and redo by keyboard.

mod common;

use common::{app, app_with_articles, click_place, right_click_at, screen_pos};
use dispatch_atlas::atlas::FeatureId;
use dispatch_atlas::geometry::projection::LonLat;
use dispatch_atlas::ui::DispatchAtlasApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const MENAKA: LonLat = LonLat {
    lon: 2.396_09,
    lat: 15.919_85,
};

fn note_of(harness: &Harness<'_, DispatchAtlasApp>, id: &str) -> Option<String> {
    let state = harness.state().state()?;
    state
        .annotations()
        .note(&FeatureId(id.into()))
        .map(|a| a.note.clone())
}

fn undo(harness: &mut Harness<'_, DispatchAtlasApp>, shift: bool) {
    let modifiers = if shift {
        Modifiers::COMMAND | Modifiers::SHIFT
    } else {
        Modifiers::COMMAND
    };
    harness.key_press_modifiers(modifiers, Key::Z);
    harness.run();
}

#[test]
fn a_note_typed_in_the_panel_is_kept_and_can_be_undone() {
    let mut harness = app();
    click_place(&mut harness, MENAKA);
    let note = harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note");
    note.focus();
    note.type_text("Legionnaire died near here");
    harness.run();
    assert_eq!(
        note_of(&harness, "geonames:2453514"),
        None,
        "committed only when done"
    );
    // Done typing: the field loses the keyboard.
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(
        note_of(&harness, "geonames:2453514").as_deref(),
        Some("Legionnaire died near here")
    );
    // Tab went on to the tags field; Esc leaves it, so the keys reach the app.
    harness.key_press(Key::Escape);
    harness.run();
    // Ctrl+Z takes it back, Ctrl+Shift+Z brings it again; the field follows.
    undo(&mut harness, false);
    assert_eq!(note_of(&harness, "geonames:2453514"), None);
    harness.get_by_label_contains("Undone: Note on Ménaka");
    undo(&mut harness, true);
    assert!(note_of(&harness, "geonames:2453514").is_some());
    harness.run();
    let note = harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note");
    assert_eq!(note.value().as_deref(), Some("Legionnaire died near here"));
}

#[test]
fn right_click_adds_a_named_marker_that_can_be_deleted() {
    let mut harness = app();
    let at = LonLat {
        lon: 1.0,
        lat: 15.0,
    };
    let pos = screen_pos(&harness, at);
    right_click_at(&mut harness, pos);
    let name = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Marker name");
    name.focus();
    name.type_text("Checkpoint");
    harness.run();
    harness.get_by_label("Add marker here").click();
    harness.run();
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    let marker = &state.annotations().markers[0];
    assert_eq!(marker.name, "Checkpoint");
    assert!((marker.at.lon - at.lon).abs() < 0.05 && (marker.at.lat - at.lat).abs() < 0.05);
    // The new marker is selected and its panel offers to delete it.
    let name = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name");
    assert_eq!(name.value().as_deref(), Some("Checkpoint"));
    harness.get_by_label("Delete marker").click();
    harness.run();
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    assert!(state.annotations().markers.is_empty());
    undo(&mut harness, false);
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    assert_eq!(state.annotations().markers.len(), 1);
}

#[test]
fn a_zone_drawn_with_clicks_gets_a_panel_with_the_reports_inside() {
    let mut harness = app_with_articles();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    let corners = [(-1.0, 15.0), (3.5, 15.0), (3.5, 17.0), (-1.0, 17.0)];
    for (lon, lat) in corners {
        let pos = screen_pos(&harness, LonLat { lon, lat });
        common::click_at(&mut harness, pos);
    }
    harness.key_press(Key::Enter);
    harness.run();
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    assert_eq!(state.annotations().zones.len(), 1);
    assert_eq!(state.annotations().zones[0].corners.len(), 4);
    let name = dispatch_atlas::ui::side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label("Your zone");
    panel.get_by_label("Delete zone");
    // Gao and Ménaka lie inside: their reports are listed.
    let reports = panel.get_by_label_contains("Reports (");
    assert!(
        !format!("{reports:?}").contains("(0 mentions"),
        "{reports:?}"
    );
    panel.get_by_label_contains("evacuated by helicopter to Gao in northern Mali");
}
