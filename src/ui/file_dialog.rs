//! File → Save annotations as / Open annotations / Export annotated GeoJSON /
//! Open GeoJSON layer / Export map image: a path typed or pasted (Xvfb and
//! many desktops have no file portal; a typed path works everywhere), with
//! the folder it points into listed below to click through.

use crate::tr;
use std::path::{Path, PathBuf};

use egui::{Context, RichText};

use super::folder_browser::{FolderBrowser, Picked};

use crate::state::{AnnotationCommand, Command, FileAction, LayerCommand};

impl FileAction {
    fn title(self) -> String {
        match self {
            Self::SaveAnnotations => tr!("file-save-title"),
            Self::OpenAnnotations => tr!("file-open-annotations-title"),
            Self::Export => tr!("file-export-title"),
            Self::ImportLayer => tr!("file-layer-title"),
            Self::ExportImage => tr!("file-image-title"),
        }
    }

    fn button(self) -> String {
        match self {
            Self::SaveAnnotations => tr!("file-save"),
            Self::OpenAnnotations | Self::ImportLayer => tr!("file-open"),
            Self::Export | Self::ExportImage => tr!("file-export"),
        }
    }

    fn explanation(self) -> String {
        match self {
            Self::SaveAnnotations => tr!("file-save-explain"),
            Self::OpenAnnotations => tr!("file-open-annotations-explain"),
            Self::Export => tr!("file-export-explain"),
            Self::ExportImage => tr!("file-image-explain"),
            Self::ImportLayer => tr!("file-layer-explain"),
        }
    }

    /// The files listed under the path.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::ExportImage => &["png", "svg"],
            _ => &["geojson", "json"],
        }
    }

    /// Whether the dialog names a file to write: picking a folder keeps
    /// the file name typed.
    fn writes(self) -> bool {
        matches!(
            self,
            Self::SaveAnnotations | Self::Export | Self::ExportImage
        )
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

/// The dialog's memory: which action it was opened for, the path typed, and
/// the listing of the folder it points into.
#[derive(Debug, Default)]
pub struct FileDialog {
    shown_for: Option<FileAction>,
    path: String,
    /// Just opened: the path field takes the keyboard, so Enter confirms.
    focus: bool,
    browser: FolderBrowser,
}

/// The path after a click in the listing: a file's own path; a folder's,
/// with the file name typed kept when the dialog writes a file.
#[must_use]
pub fn path_after_pick(typed: &str, picked: &Picked, writes: bool) -> String {
    match picked {
        Picked::File(path) => path.display().to_string(),
        Picked::Folder(folder) => {
            let typed = typed.trim();
            let name = Path::new(typed)
                .file_name()
                .filter(|_| writes && !typed.ends_with(std::path::MAIN_SEPARATOR))
                .filter(|_| !Path::new(typed).is_dir());
            match name {
                Some(name) => folder.join(name).display().to_string(),
                None => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
            }
        }
    }
}

impl FileDialog {
    pub fn show(&mut self, ctx: &Context, action: Option<FileAction>, commands: &mut Vec<Command>) {
        if action != self.shown_for {
            self.shown_for = action;
            if let Some(action) = action {
                self.path = suggested_path(action);
                self.focus = true;
                self.browser.refresh();
            }
        }
        if let Some(action) = action {
            let focus = std::mem::take(&mut self.focus);
            show(
                ctx,
                action,
                &mut self.path,
                focus,
                &mut self.browser,
                commands,
            );
        }
    }
}

fn show(
    ctx: &Context,
    action: FileAction,
    buffer: &mut String,
    focus: bool,
    browser: &mut FolderBrowser,
    commands: &mut Vec<Command>,
) {
    let mut still_open = true;
    egui::Window::new(action.title())
        .id(egui::Id::unique("file-dialog"))
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
            let folder = crate::folder::folder_of(buffer);
            if let Some(picked) = browser.show(ui, &folder, action.extensions()) {
                *buffer = path_after_pick(buffer, &picked, action.writes());
            }
            ui.label(RichText::new(tr!("file-atomic")).small());
            ui.horizontal(|ui| {
                let path = buffer.trim();
                let go = ui
                    .add_enabled(!path.is_empty(), egui::Button::new(action.button()))
                    .clicked();
                if (go || entered) && !path.is_empty() {
                    commands.push(action.command(PathBuf::from(path)));
                    commands.push(Command::ShowFileDialog(None));
                }
                if ui.button(tr!("cancel")).clicked() {
                    commands.push(Command::ShowFileDialog(None));
                }
            });
        });
    if !still_open {
        commands.push(Command::ShowFileDialog(None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_folder_keeps_the_file_name_of_a_save_and_a_file_replaces_all() {
        let sep = std::path::MAIN_SEPARATOR;
        let typed = format!("{sep}nowhere{sep}export.geojson");
        let folder = PathBuf::from(format!("{sep}elsewhere"));
        assert_eq!(
            path_after_pick(&typed, &Picked::Folder(folder.clone()), true),
            folder.join("export.geojson").display().to_string()
        );
        assert_eq!(
            path_after_pick(&typed, &Picked::Folder(folder.clone()), false),
            format!("{}{sep}", folder.display())
        );
        let file = folder.join("layer.geojson");
        assert_eq!(
            path_after_pick(&typed, &Picked::File(file.clone()), true),
            file.display().to_string()
        );
        assert_eq!(
            path_after_pick(
                &format!("{sep}nowhere{sep}"),
                &Picked::Folder(folder.clone()),
                true
            ),
            format!("{}{sep}", folder.display())
        );
    }
}
