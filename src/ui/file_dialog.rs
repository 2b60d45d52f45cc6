//! File → Save annotations as / Open annotations / Export annotated GeoJSON:
//! a path typed or pasted (Xvfb and many desktops have no file portal; a
//! typed path works everywhere).

use std::path::PathBuf;

use egui::{Context, RichText};

use crate::state::{AnnotationCommand, Command, FileAction, LayerCommand};

impl FileAction {
    fn title(self) -> &'static str {
        match self {
            Self::SaveAnnotations => "Save annotations as",
            Self::OpenAnnotations => "Open annotations",
            Self::Export => "Export annotated GeoJSON",
            Self::ImportLayer => "Open a GeoJSON layer",
            Self::ExportImage => "Export map image",
        }
    }

    fn button(self) -> &'static str {
        match self {
            Self::SaveAnnotations => "Save",
            Self::OpenAnnotations | Self::ImportLayer => "Open",
            Self::Export | Self::ExportImage => "Export",
        }
    }

    fn explanation(self) -> &'static str {
        match self {
            Self::SaveAnnotations => {
                "A GeoJSON file with your notes and markers (they are also saved automatically)."
            }
            Self::OpenAnnotations => {
                "A file saved here or exported from here; it replaces the current annotations (Ctrl+Z undoes)."
            }
            Self::Export => {
                "Every feature with your exported notes, the article excerpts and figures about it, as RFC 7946 GeoJSON."
            }
            Self::ExportImage => {
                "The map as you see it, with your markers and zones, the legend, the scale bar and the credits: .png or .svg by the name you give."
            }
            Self::ImportLayer => {
                "Any GeoJSON file (FeatureCollection, Feature or geometry; up to 1 GB), drawn over the map as a layer. You can also drop it on the window."
            }
        }
    }

    fn command(self, path: PathBuf) -> Command {
        match self {
            Self::SaveAnnotations => Command::Annotation(AnnotationCommand::SaveAs(path)),
            Self::OpenAnnotations => Command::Annotation(AnnotationCommand::Open(path)),
            Self::Export => Command::Annotation(AnnotationCommand::Export(path)),
            Self::ImportLayer => Command::Layer(LayerCommand::Import(vec![path])),
            Self::ExportImage => Command::ExportImage(path),
        }
    }
}

/// Where a file goes unless the user types another path.
#[must_use]
pub fn suggested_path(action: FileAction) -> String {
    let dir = std::env::var_os("HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let name = match action {
        FileAction::Export => "dispatch-atlas-export.geojson",
        FileAction::SaveAnnotations | FileAction::OpenAnnotations => "annotations.geojson",
        FileAction::ImportLayer => "",
        FileAction::ExportImage => "dispatch-atlas-map.png",
    };
    dir.join(name).display().to_string()
}

/// The dialog's memory: which action it was opened for, and the path typed.
#[derive(Debug, Default)]
pub struct FileDialog {
    shown_for: Option<FileAction>,
    path: String,
    /// Just opened: the path field takes the keyboard, so Enter confirms.
    focus: bool,
}

impl FileDialog {
    pub fn show(&mut self, ctx: &Context, action: Option<FileAction>, commands: &mut Vec<Command>) {
        if action != self.shown_for {
            self.shown_for = action;
            if let Some(action) = action {
                self.path = suggested_path(action);
                self.focus = true;
            }
        }
        if let Some(action) = action {
            let focus = std::mem::take(&mut self.focus);
            show(ctx, action, &mut self.path, focus, commands);
        }
    }
}

fn show(
    ctx: &Context,
    action: FileAction,
    buffer: &mut String,
    focus: bool,
    commands: &mut Vec<Command>,
) {
    let mut still_open = true;
    egui::Window::new(action.title())
        .open(&mut still_open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(action.explanation());
            let edit = ui.add(
                egui::TextEdit::singleline(buffer)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/annotations.geojson"),
            );
            if focus {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.label(
                RichText::new(
                    "Files are written atomically: an interrupted save leaves the old file intact.",
                )
                .small(),
            );
            ui.horizontal(|ui| {
                let path = buffer.trim();
                let go = ui
                    .add_enabled(!path.is_empty(), egui::Button::new(action.button()))
                    .clicked();
                if (go || entered) && !path.is_empty() {
                    commands.push(action.command(PathBuf::from(path)));
                    commands.push(Command::ShowFileDialog(None));
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::ShowFileDialog(None));
                }
            });
        });
    if !still_open {
        commands.push(Command::ShowFileDialog(None));
    }
}
