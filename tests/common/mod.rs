//! Helpers shared by the `egui_kittest` tests: the app in a harness, waiting
//! for its background work, pointer clicks at map positions.
#![allow(dead_code, reason = "each test binary uses part of these helpers")]

pub mod cli;
pub mod http;

use dispatch_atlas::geometry::projection::LonLat;
use dispatch_atlas::ui::DispatchAtlasApp;
use dispatch_atlas::ui::convert::pos2;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// The app, with the camera fitted to the Sahel, in a 1280×800 window.
pub fn app() -> Harness<'static, DispatchAtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        .build_eframe(|cc| DispatchAtlasApp::new(cc));
    in_english(&mut harness);
    harness.run();
    harness
}

/// Without saved settings the app starts in the system's language: the
/// tests speak English whatever the machine's locale (tests of the French
/// interface switch to it themselves). Applied from the next frame on.
pub fn in_english(harness: &mut Harness<'static, DispatchAtlasApp>) {
    use dispatch_atlas::i18n::Language;
    use dispatch_atlas::state::view_settings::ViewCommand;
    harness
        .state_mut()
        .apply(ViewCommand::SetLanguage(Language::English).into());
}

/// The app with its worker reading the embedded reports (its store in
/// memory), once they are read.
pub fn app_with_articles() -> Harness<'static, DispatchAtlasApp> {
    app_with_library(None, Vec::new())
}

/// The app with its library on the store at `db`, reading `folder` as its
/// articles folder, once everything is read (a start of the real app).
pub fn app_with_store(
    db: &std::path::Path,
    folder: Vec<std::path::PathBuf>,
) -> Harness<'static, DispatchAtlasApp> {
    app_with_library(Some(db.to_owned()), folder)
}

fn app_with_library(
    db: Option<std::path::PathBuf>,
    folder: Vec<std::path::PathBuf>,
) -> Harness<'static, DispatchAtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(64)
        .build_eframe(move |cc| {
            let mut app = DispatchAtlasApp::new(cc);
            app.store_path.clone_from(&db);
            app.start_library(&cc.egui_ctx, folder.clone());
            app
        });
    in_english(&mut harness);
    wait_while(
        &mut harness,
        "articles still not read",
        DispatchAtlasApp::is_reading,
    );
    harness
}

/// Steps the harness while `busy` holds (background work), three minutes at most.
pub fn wait_while(
    harness: &mut Harness<'_, DispatchAtlasApp>,
    what: &str,
    busy: impl Fn(&DispatchAtlasApp) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(3);
    while busy(harness.state()) {
        assert!(
            std::time::Instant::now() < deadline,
            "{what} after 3 minutes"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

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

/// Scrolls the side panel down, as a user would, until a label containing
/// `text` is laid out (reports are laid out only where the panel shows
/// them); panics if it never is.
pub fn scroll_panel_to(harness: &mut Harness<'_, DispatchAtlasApp>, text: &str) {
    use egui_kittest::kittest::Queryable;
    for _ in 0..40 {
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        harness.hover_at(Pos2::new(1100.0, 500.0));
        harness.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run();
    }
    panic!("{text:?} is not in the side panel, scrolled to its end");
}
