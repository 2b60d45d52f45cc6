//! The list under a file dialog's path: the folder's sub-folders and the
//! files the dialog takes, to click through instead of typing (a typed or
//! pasted path still works everywhere, portals or not).

use crate::tr;
use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::folder::{FolderEntry, list_folder};

/// What the user clicked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Folder(PathBuf),
    File(PathBuf),
}

/// The listing of the folder shown, read again only when the folder
/// changes (or the dialog is reopened), not every frame.
#[derive(Debug, Default)]
pub struct FolderBrowser {
    listed: Option<(PathBuf, Result<Vec<FolderEntry>, String>)>,
}

impl FolderBrowser {
    /// Forgets the listing: the next show reads the folder again.
    pub fn refresh(&mut self) {
        self.listed = None;
    }

    /// Lists `dir` (folders, and files with one of `extensions`).
    pub fn show(&mut self, ui: &mut Ui, dir: &Path, extensions: &[&str]) -> Option<Picked> {
        if self.listed.as_ref().is_none_or(|(listed, _)| listed != dir) {
            let entries = list_folder(dir, extensions).map_err(|e| e.to_string());
            self.listed = Some((dir.to_path_buf(), entries));
        }
        let (_, entries) = self.listed.as_ref()?;
        let mut picked = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!("folder-in", folder = dir.display().to_string())).small());
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty())
                && ui
                    .small_button(tr!("folder-up"))
                    .on_hover_text(tr!("folder-up-hint"))
                    .clicked()
            {
                picked = Some(Picked::Folder(parent.to_path_buf()));
            }
        });
        match entries {
            Err(e) => {
                ui.label(RichText::new(tr!("folder-unlisted", error = e.clone())).weak());
            }
            Ok(entries) if entries.is_empty() => {
                let kinds = extensions
                    .iter()
                    .map(|x| format!(".{x}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                ui.label(RichText::new(tr!("folder-empty", kinds = kinds)).weak());
            }
            Ok(entries) => {
                egui::ScrollArea::vertical()
                    .max_height(180.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for entry in entries {
                            // A folder ends with a separator, as shells
                            // list them (the fonts have no folder icon).
                            let text = if entry.is_dir {
                                format!("{}{}", entry.name, std::path::MAIN_SEPARATOR)
                            } else {
                                entry.name.clone()
                            };
                            if ui.selectable_label(false, text).clicked() {
                                picked = Some(if entry.is_dir {
                                    Picked::Folder(entry.path.clone())
                                } else {
                                    Picked::File(entry.path.clone())
                                });
                            }
                        }
                    });
            }
        }
        picked
    }
}
