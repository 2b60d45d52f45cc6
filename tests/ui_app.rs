//! The real app, driven through `egui_kittest`: clicks at projected positions,
//! then text found through AccessKit, as a screen reader would find it.

mod common;

use common::{app, click_at, screen_pos};
use dispatch_atlas::atlas::{FeatureId, FeatureKind};
use dispatch_atlas::geometry::projection::LonLat;
use dispatch_atlas::ui::DispatchAtlasApp;
use dispatch_atlas::ui::side_panel;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The side panel's accessibility node, whose text the tests read.
fn panel<'h>(harness: &'h Harness<'_, DispatchAtlasApp>) -> egui_kittest::Node<'h> {
    // The query borrows its label for as long as the node: a few bytes
    // leaked per query, in a test.
    let name: &'static str = Box::leak(side_panel::accessible_name().into_boxed_str());
    harness.get_by_label(name)
}

fn selected(harness: &Harness<'_, DispatchAtlasApp>) -> Option<FeatureId> {
    harness.state().state().and_then(|s| s.selected.clone())
}

#[test]
fn clicking_menakas_marker_opens_its_panel() {
    let mut harness = app();
    assert!(
        harness.query_by_label("Ménaka").is_none(),
        "no panel before the click"
    );
    let menaka = LonLat {
        lon: 2.39609,
        lat: 15.91985,
    };
    let pos = screen_pos(&harness, menaka);
    click_at(&mut harness, pos);
    let panel = panel(&harness);
    panel.get_by_label("Ménaka");
    panel.get_by_label("Populated place");
    panel.get_by_label("15.91985° N, 2.39609° E");
    assert_eq!(
        selected(&harness),
        Some(FeatureId("geonames:2453514".into()))
    );
}

#[test]
fn a_click_a_few_pixels_off_the_marker_still_picks_it() {
    let mut harness = app();
    let pos = screen_pos(
        &harness,
        LonLat {
            lon: -0.04472,
            lat: 16.27167,
        },
    ) + egui::vec2(4.0, -3.0);
    click_at(&mut harness, pos);
    panel(&harness).get_by_label("Gao");
    panel(&harness).get_by_label("Populated place");
}

#[test]
fn clicking_the_middle_of_niger_shows_niger() {
    let mut harness = app();
    let pos = screen_pos(
        &harness,
        LonLat {
            lon: 9.0,
            lat: 17.5,
        },
    );
    click_at(&mut harness, pos);
    // Regions win over countries: the panel shows the region, in Niger.
    panel(&harness).get_by_label("Agadez");
    panel(&harness).get_by_label("Niger (NE)").click();
    harness.run();
    let panel = panel(&harness);
    panel.get_by_label("Niger");
    panel.get_by_label("Niger (NE)");
    assert_eq!(selected(&harness), Some(FeatureId("country:NE".into())));
}

#[test]
fn the_zone_wins_over_the_regions_it_covers() {
    let mut harness = app();
    // In Tillabéri, away from markers: inside the three-borders zone.
    let pos = screen_pos(
        &harness,
        LonLat {
            lon: 1.0,
            lat: 14.0,
        },
    );
    click_at(&mut harness, pos);
    let panel = panel(&harness);
    panel.get_by_label("Three-borders zone");
    for country in ["Mali (ML)", "Niger (NE)", "Burkina Faso (BF)"] {
        panel.get_by_label(country);
    }
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = app();
    let pos = screen_pos(
        &harness,
        LonLat {
            lon: 2.39609,
            lat: 15.91985,
        },
    );
    click_at(&mut harness, pos);
    assert!(selected(&harness).is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(selected(&harness), None);
    assert!(
        harness
            .query_by_label(&side_panel::accessible_name())
            .is_none(),
        "the panel closed"
    );
}

#[test]
fn home_brings_the_sahel_back_after_panning_away() {
    let mut harness = app();
    let start = harness.state().state().map(|s| s.camera);
    for _ in 0..5 {
        harness.key_press(Key::ArrowLeft);
        harness.run();
    }
    assert_ne!(
        harness.state().state().map(|s| s.camera),
        start,
        "arrow keys pan"
    );
    harness.key_press(Key::Home);
    harness.run();
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    let projector = state.projector().unwrap_or_else(|| panic!("projector"));
    let niger = state
        .atlas
        .find("Niger", FeatureKind::Country)
        .and_then(dispatch_atlas::atlas::Feature::bbox);
    let niger = niger.unwrap_or_else(|| panic!("Niger"));
    let p = projector.screen_from_lonlat(LonLat::from_coord(niger.max()));
    assert!(
        projector.rect().contains(p),
        "Niger's north-east corner is back on screen"
    );
}

#[test]
fn about_dialog_credits_the_data() {
    let mut harness = app();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About Dispatch Atlas").click();
    harness.run();
    harness.get_by_label_contains("Made with Natural Earth");
    harness.get_by_label_contains("GeoNames (geonames.org), CC BY 4.0");
}

#[test]
fn broken_embedded_data_is_explained_not_panicked_on() {
    use dispatch_atlas::atlas::DataError;
    let error = DataError::Feature {
        file: "data/regions.geojson".into(),
        feature: "region:ML-7".into(),
        reason: "has no geometry".into(),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 500.0))
        .build_eframe(move |_| DispatchAtlasApp::from_atlas(Err(error), None));
    harness.run();
    harness.get_by_label("Dispatch Atlas cannot start");
    harness.get_by_label_contains("data/regions.geojson: feature region:ML-7: has no geometry");
}

/// A reference layer that cannot be read is named in the status bar, and
/// the map opens without it.
#[test]
fn a_damaged_reference_layer_is_said_and_the_map_opens_without_it() {
    use dispatch_atlas::atlas::load::DataFile;
    use dispatch_atlas::atlas::reference::Layers;
    use dispatch_atlas::atlas::{Atlas, embedded};
    let files = Layers {
        lakes: DataFile {
            name: "data/lakes.geojson",
            text: "[1, 2",
        },
        ..embedded::REFERENCE
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| {
            DispatchAtlasApp::from_atlas(Atlas::load_with_reference(&files), None)
        });
    harness.run();
    harness.get_by_label_contains("data/lakes.geojson");
    harness.get_by_label("Mali, Niger, Burkina Faso");
    let lakes = harness.state().state().map_or(1, |s| {
        s.atlas
            .features()
            .iter()
            .filter(|f| f.kind == FeatureKind::Lake)
            .count()
    });
    assert_eq!(lakes, 0);
}

#[test]
fn find_place_selects_and_frames_a_feature_by_any_of_its_names() {
    let mut harness = app();
    let edit = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find place");
    edit.focus();
    edit.type_text("Liptako-Gourma");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        selected(&harness),
        Some(FeatureId("zone:three-borders".into()))
    );
    panel(&harness).get_by_label("Three-borders zone");

    let edit = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find place");
    edit.focus();
    edit.type_text("x");
    harness.run();
    harness.get_by_label("Go").click();
    harness.run();
    harness.get_by_label_contains("No place of the map is called");
}

/// A capital of the reference layers is on the default view, and a click
/// on it opens its panel like any town's.
#[test]
fn clicking_bamako_opens_its_panel() {
    let mut harness = app();
    let bamako = harness
        .state()
        .state()
        .and_then(|s| s.atlas.find("Bamako", FeatureKind::City))
        .map_or_else(
            || panic!("Bamako is on the map"),
            |f| (f.id.clone(), f.point()),
        );
    let pos = screen_pos(&harness, bamako.1.unwrap_or_else(|| panic!("a point")));
    click_at(&mut harness, pos);
    assert_eq!(selected(&harness), Some(bamako.0));
    let panel = panel(&harness);
    panel.get_by_label("Bamako");
    panel.get_by_label("Populated place");
}
