//! The egui layer: draws [`AppState`] and turns what the user does into
//! [`Command`]s, applied once the frame is drawn.

pub mod convert;
pub mod dialogs;
pub mod legend;
pub mod map;
pub mod side_panel;
pub mod style;

use anyhow::anyhow;
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::atlas::{Atlas, DataError};
use crate::state::{AppState, Command, KEY_ZOOM_FACTOR};
use crate::ui::convert::screen_point;
use crate::view::camera::Camera;
use map::MapView;

/// Where the camera is kept between runs (eframe's storage).
const CAMERA_KEY: &str = "dispatch-atlas/camera";

const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// Opens the main window and runs until it is closed.
pub fn run() -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dispatch Atlas")
            .with_app_id("dispatch-atlas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Dispatch Atlas",
        options,
        Box::new(|cc| Ok(Box::new(DispatchAtlasApp::new(cc)))),
    )
    .map_err(|e| anyhow!("could not open the window: {e}"))
}

/// The application: its state, or why there is none.
pub struct DispatchAtlasApp {
    state: Result<AppState, String>,
    map: MapView,
}

impl DispatchAtlasApp {
    /// The app as eframe creates it, with the camera of the last run.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        cc.egui_ctx.set_theme(egui::Theme::Light);
        let camera = cc
            .storage
            .and_then(|s| eframe::get_value::<Camera>(s, CAMERA_KEY));
        Self::with_camera(camera)
    }

    /// The app on the embedded atlas; `None` fits the Sahel on the first frame.
    #[must_use]
    pub fn with_camera(camera: Option<Camera>) -> Self {
        Self::from_atlas(Atlas::load_embedded(), camera)
    }

    /// The app on an atlas that may have failed to load; a failure is shown
    /// in the window, naming the file and the reason, instead of the map.
    #[must_use]
    pub fn from_atlas(atlas: Result<Atlas, DataError>, camera: Option<Camera>) -> Self {
        let state = atlas
            .map(|atlas| AppState::new(atlas, camera))
            .map_err(|e| format!("The embedded map data could not be loaded.\n\n{e}"));
        Self {
            state,
            map: MapView::default(),
        }
    }

    /// The state, for tests and tools that drive the app.
    #[must_use]
    pub fn state(&self) -> Option<&AppState> {
        self.state.as_ref().ok()
    }
}

impl eframe::App for DispatchAtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let state = match &mut self.state {
            Ok(state) => state,
            Err(message) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading("Dispatch Atlas cannot start");
                    ui.label(RichText::new(message.as_str()).monospace());
                });
                return;
            }
        };
        let mut commands = Vec::new();
        top_bar(ui, &mut commands);
        status_bar(ui, state);
        let selected = state.selected.as_ref().and_then(|id| state.atlas.get(id));
        if let Some(feature) = selected {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(320.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        // A named region, so screen readers (and tests) can
                        // tell the panel's text from the rest of the window.
                        let region = egui::UiBuilder::new()
                            .accessibility_label(side_panel::ACCESSIBLE_NAME)
                            .accessibility_role(egui::accesskit::Role::Region);
                        ui.scope_builder(region, |ui| {
                            side_panel::show(ui, &state.atlas, feature, &mut commands);
                        });
                    });
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.map.show(ui, state, &mut commands));
        dialogs::about(ui.ctx(), state.about_open, &mut commands);
        dialogs::shortcuts(ui.ctx(), state.shortcuts_open, &mut commands);
        if ui.input_mut(|i| i.consume_shortcut(&HELP)) {
            commands.push(Command::ShowShortcuts(!state.shortcuts_open));
        }
        if ui.input_mut(|i| i.consume_shortcut(&QUIT)) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if !commands.is_empty() {
            ui.ctx().request_repaint();
        }
        state.apply_all(commands);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(state) = &self.state {
            eframe::set_value(storage, CAMERA_KEY, &state.camera);
        }
    }
}

fn zoom_centre(factor: f64) -> Command {
    Command::Zoom {
        factor,
        anchor_dx: 0.0,
        anchor_dy: 0.0,
    }
}

fn top_bar(ui: &mut Ui, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT)))
                    .clicked()
                {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if ui
                    .add(egui::Button::new("Fit Mali, Niger, Burkina Faso").shortcut_text("Home"))
                    .clicked()
                {
                    commands.push(Command::FitFocus);
                }
                if ui
                    .add(egui::Button::new("Zoom in").shortcut_text("+"))
                    .clicked()
                {
                    commands.push(zoom_centre(KEY_ZOOM_FACTOR));
                }
                if ui
                    .add(egui::Button::new("Zoom out").shortcut_text("-"))
                    .clicked()
                {
                    commands.push(zoom_centre(1.0 / KEY_ZOOM_FACTOR));
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .add(egui::Button::new("Keyboard shortcuts").shortcut_text("F1"))
                    .clicked()
                {
                    commands.push(Command::ShowShortcuts(true));
                }
                if ui.button("About Dispatch Atlas").clicked() {
                    commands.push(Command::ShowAbout(true));
                }
            });
            ui.separator();
            if ui
                .button("Fit Sahel")
                .on_hover_text("Frame Mali, Niger and Burkina Faso (Home)")
                .clicked()
            {
                commands.push(Command::FitFocus);
            }
        });
    });
}

fn status_bar(ui: &mut Ui, state: &AppState) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let cursor = ui.ctx().pointer_hover_pos().map(screen_point);
            match (state.projector(), cursor) {
                (Some(projector), Some(p)) if projector.rect().contains(p) => {
                    ui.label(RichText::new(projector.lonlat_from_screen(p).display()).monospace());
                }
                _ => {
                    ui.label(RichText::new("Move the pointer over the map for coordinates").weak());
                }
            }
            if let Some(projector) = state.projector() {
                ui.separator();
                ui.label(format!(
                    "{:.2} km per pixel",
                    projector.metres_per_pixel() / 1000.0
                ));
            }
            if let Some(feature) = state.hovered.as_ref().and_then(|id| state.atlas.get(id)) {
                ui.separator();
                ui.label(format!("{} · {}", feature.name, feature.kind.label()));
            }
        });
    });
}
