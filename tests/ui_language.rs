//! The interface in English and in French, driven through `egui_kittest`:
//! the language switched from View → Language, the menus, the legend, the
//! side panel and a dossier read in it, place names in it where the data
//! has them; and the View menu's toggles of the reference layers.

mod common;

use common::app;
use dispatch_atlas::atlas::FeatureKind;
use dispatch_atlas::i18n::{Language, text_in};
use dispatch_atlas::state::Command;
use dispatch_atlas::state::view_settings::{ReferenceLayer, ViewCommand};
use dispatch_atlas::ui::DispatchAtlasApp;
use dispatch_atlas::ui::side_panel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn say(language: Language, id: &str) -> String {
    text_in(language, id, &[])
}

fn in_language(language: Language) -> Harness<'static, DispatchAtlasApp> {
    let mut harness = app();
    harness
        .state_mut()
        .apply(ViewCommand::SetLanguage(language).into());
    harness.run();
    harness
}

fn select(harness: &mut Harness<'static, DispatchAtlasApp>, name: &str) {
    let id = harness
        .state()
        .state()
        .and_then(|s| s.atlas.find_by_name(name).map(|f| f.id.clone()))
        .unwrap_or_else(|| panic!("{name}"));
    harness.state_mut().apply(Command::Select(Some(id)));
    harness.run();
}

#[test]
fn the_language_is_switched_from_the_view_menu_and_the_menus_follow() {
    let mut harness = app();
    harness.get_by_label("File");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("Français").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .state()
            .map(|s| s.view_settings().language()),
        Some(Language::French)
    );
    for menu in ["Fichier", "Édition", "Affichage", "Articles", "Aide"] {
        harness.get_by_label(menu);
    }
    assert!(
        harness.query_by_label("File").is_none(),
        "no English menu left"
    );
    // And back.
    harness.get_by_label("Affichage").click();
    harness.run();
    harness.get_by_label("Langue").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("File");
}

/// The same window in each language: menus, legend, a country's panel and
/// its (empty) dossier, each string from that language's catalogue.
#[test]
fn menus_legend_panel_and_dossier_speak_each_language() {
    for language in Language::ALL {
        let mut harness = in_language(language);
        for id in ["menu-file", "menu-edit", "menu-view", "menu-help"] {
            harness.get_by_label(&say(language, id));
        }
        for id in [
            "legend-title",
            "legend-capital",
            "legend-river",
            "legend-lake",
        ] {
            harness.get_by_label(&say(language, id));
        }
        select(&mut harness, "Mali");
        let name = side_panel::accessible_name();
        let panel = harness.get_by_label(&name);
        // The kind, and in English the label of the country row too.
        assert!(
            panel
                .query_all_by_label(&say(language, "kind-country"))
                .count()
                >= 1
        );
        panel.get_by_label(&say(language, "panel-zoom-to"));
        panel.get_by_label(&say(language, "annotation-title"));
        panel.get_by_label_contains(&say(language, "dossier-empty"));
    }
    // The two really differ (a catalogue that fell back would pass above).
    assert_ne!(
        say(Language::English, "legend-title"),
        say(Language::French, "legend-title")
    );
}

/// Names in the interface's language where the data has them: the region
/// of Timbuktu is Tombouctou in French, Ménaka stays Ménaka.
#[test]
fn place_names_follow_the_language() {
    let mut harness = in_language(Language::French);
    let timbuktu = harness.state().state().and_then(|s| {
        s.atlas
            .features()
            .iter()
            .find(|f| f.kind == FeatureKind::Region && f.name == "Timbuktu")
            .map(|f| f.id.clone())
    });
    harness.state_mut().apply(Command::Select(timbuktu));
    harness.run();
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label("Tombouctou");
    panel.get_by_label("Région (niveau 1)");
}

/// View → Rivers and lakes hides the water and brings it back; View →
/// Towns and capitals is remembered in the settings.
#[test]
fn the_view_menu_toggles_the_reference_layers() {
    let mut harness = app();
    let rivers_shown = |h: &Harness<'static, DispatchAtlasApp>| {
        h.state().state().map_or(0, |s| {
            s.atlas
                .features()
                .iter()
                .filter(|f| f.kind == FeatureKind::River && !f.hidden)
                .count()
        })
    };
    let before = rivers_shown(&harness);
    assert!(before > 100, "{before} rivers");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Rivers and lakes").click();
    harness.run();
    assert_eq!(rivers_shown(&harness), 0);
    // A click in a menu closes it.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Towns and capitals").click();
    harness.run();
    let towns = harness
        .state()
        .state()
        .map(|s| s.view_settings().shows(ReferenceLayer::Towns));
    assert_eq!(towns, Some(false));
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Rivers and lakes").click();
    harness.run();
    assert_eq!(rivers_shown(&harness), before);
}
