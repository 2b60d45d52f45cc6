//! Opening a GeoJSON file in the real app: read in the background, drawn,
//! clicked, its properties shown as a table; a broken file explained.

mod common;

use common::{app, click_place, wait_while};
use dispatch_atlas::geometry::projection::LonLat;
use dispatch_atlas::state::{Command, FileAction, LayerCommand};
use dispatch_atlas::ui::DispatchAtlasApp;
use dispatch_atlas::ui::side_panel;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, Queryable};

fn open(harness: &mut Harness<'static, DispatchAtlasApp>, path: std::path::PathBuf) {
    harness
        .state_mut()
        .apply(Command::Layer(LayerCommand::Import(vec![path])));
    wait_while(
        harness,
        "the file still not read",
        DispatchAtlasApp::is_importing,
    );
}

fn scratch(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("da-ui-layers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn an_opened_layer_is_clickable_and_shows_its_properties() {
    let mut harness = app();
    let path = scratch(
        "sectors.geojson",
        r#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "s1", "properties": {"name": "Sector Alpha", "commander": "Lt. Diallo"},
           "geometry": {"type": "Polygon", "coordinates": [[[1, 15], [2, 15], [2, 16], [1, 16], [1, 15]]]}},
          {"type": "Feature", "id": "bad", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 99]}}
        ]}"#,
    );
    open(&mut harness, path);
    // The layers panel lists it with its problem.
    harness.get_by_label("sectors");
    harness.get_by_label_contains("1 problem reading it");
    click_place(
        &mut harness,
        LonLat {
            lon: 1.2,
            lat: 15.8,
        },
    );
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    // The heading, and the "name" row of the properties table.
    assert_eq!(panel.query_all_by_label("Sector Alpha").count(), 2);
    panel.get_by_label("commander");
    panel.get_by_label("Lt. Diallo");
    panel.get_by_label("Imported feature");
}

#[test]
fn a_broken_file_is_explained_and_nothing_else_changes() {
    let mut harness = app();
    let path = scratch(
        "broken.geojson",
        "{\"type\": \"FeatureCollection\",\n \"features\": [}",
    );
    open(&mut harness, path);
    harness.get_by_label_contains("broken.geojson: not valid JSON at line 2, column");
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    assert!(state.layers.is_empty());
}

/// A text field (not a label) holding `value`.
fn text_field_with(node: &AccessKitNode<'_>, value: &str) -> bool {
    node.role() == Role::TextInput && node.value().as_deref() == Some(value)
}

#[test]
fn a_layer_is_opened_by_clicking_through_the_folder_listing() {
    let mut harness = app();
    let path = scratch(
        "clicked.geojson",
        r#"{"type": "Feature", "properties": {"name": "Clicked Sector"},
            "geometry": {"type": "Polygon", "coordinates": [[[1, 15], [2, 15], [2, 16], [1, 16], [1, 15]]]}}"#,
    );
    let folder = path.parent().unwrap_or_else(|| panic!("a folder"));
    harness
        .state_mut()
        .apply(Command::ShowFileDialog(Some(FileAction::ImportLayer)));
    harness.run();
    // Point the path at the scratch folder: its files are listed below.
    let suggested = dispatch_atlas::ui::file_dialog::suggested_path(FileAction::ImportLayer);
    harness
        .get_by(|n| text_field_with(n, &suggested))
        .set_text_value_accesskit(&format!(
            "{}{}",
            folder.display(),
            std::path::MAIN_SEPARATOR
        ));
    harness.run();
    harness.get_by_label("clicked.geojson").click();
    harness.run();
    let picked = path.display().to_string();
    harness.get_by(|n| text_field_with(n, &picked));
    harness.get_by_label("Open").click();
    harness.run();
    wait_while(
        &mut harness,
        "the clicked file still not read",
        DispatchAtlasApp::is_importing,
    );
    harness.get_by_label("clicked");
    assert!(
        harness.query_by_label("Open a GeoJSON layer").is_none(),
        "the dialog closes once the file is opened"
    );
}

#[test]
fn vietnamese_and_azerbaijani_names_have_their_letters() {
    // egui_kittest fails on a glyph no font has: these names need the
    // embedded fallback (Ubuntu Light has no ắ, ə or ḷ).
    let mut harness = app();
    let path = scratch(
        "letters.geojson",
        r#"{"type": "Feature", "properties": {"name": "Đắk Lắk", "alt": "Gədəbəy, Kaḷutara"},
            "geometry": {"type": "Polygon", "coordinates": [[[1, 15], [2, 15], [2, 16], [1, 16], [1, 15]]]}}"#,
    );
    open(&mut harness, path);
    click_place(
        &mut harness,
        LonLat {
            lon: 1.5,
            lat: 15.5,
        },
    );
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label("Gədəbəy, Kaḷutara");
    assert!(panel.query_all_by_label("Đắk Lắk").count() >= 1);
}
