//! Annotation commands: notes, markers, undo/redo, and the files they go to
//! (autosave, Save As, Open, Export).
//!
//! Every edit goes through the undo history, then the user's markers are
//! brought into the atlas (so they are drawn and picked like places) and the
//! annotations are saved atomically to the autosave file, so killing the app
//! loses nothing that was applied.

use std::path::{Path, PathBuf};

use super::AppState;
use crate::annotations::file::{from_geojson, to_geojson};
use crate::annotations::{Annotation, Annotations};
use crate::atlas::{FeatureId, FeatureKind};
use crate::export::{ExportOptions, export};
use crate::geometry::projection::LonLat;
use crate::save::write_atomically;

/// Coordinates in saved annotation files: 6 decimals, about 0.1 m.
const FILE_PRECISION: u32 = 6;

/// What the user can do to annotations.
#[derive(Debug, Clone, PartialEq)]
pub enum AnnotationCommand {
    /// Sets a feature's note, tags, colour and export flag (blank removes it).
    SetNote {
        id: FeatureId,
        annotation: Annotation,
    },
    AddMarker {
        name: String,
        at: LonLat,
    },
    RenameMarker {
        id: FeatureId,
        name: String,
    },
    MoveMarker {
        id: FeatureId,
        at: LonLat,
    },
    DeleteMarker(FeatureId),
    Undo,
    Redo,
    /// File → Save annotations as…
    SaveAs(PathBuf),
    /// File → Open annotations… (replaces the current ones, undoably).
    Open(PathBuf),
    /// File → Export annotated GeoJSON…
    Export(PathBuf),
}

impl AppState {
    /// The annotations as they stand.
    #[must_use]
    pub fn annotations(&self) -> &Annotations {
        self.history.current()
    }

    /// What Edit → Undo would undo ("Add marker").
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Where edits are saved as they happen (the user's data folder), and
    /// what was saved there last time. A file that cannot be read is moved
    /// aside, not overwritten, and the user is told.
    pub fn restore_annotations(&mut self, autosave: PathBuf) {
        match std::fs::read_to_string(&autosave) {
            Ok(text) => match from_geojson(&text) {
                Ok((annotations, warnings)) => {
                    self.history = crate::annotations::history::History::new(annotations);
                    self.messages.extend(
                        warnings
                            .into_iter()
                            .map(|w| format!("{}: {w}", autosave.display())),
                    );
                }
                Err(e) => {
                    let aside = autosave.with_extension("unreadable.geojson");
                    let moved = std::fs::rename(&autosave, &aside).is_ok();
                    self.messages.push(format!(
                        "Your saved annotations ({}) could not be read: {e}. {}",
                        autosave.display(),
                        if moved {
                            format!("The file was kept as {}.", aside.display())
                        } else {
                            "Autosave is off so that the file is not overwritten.".to_owned()
                        }
                    ));
                    if !moved {
                        self.sync_markers();
                        return;
                    }
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                self.messages.push(format!(
                    "Your saved annotations ({}) could not be read: {e}. Autosave is off so that the file is not overwritten.",
                    autosave.display()
                ));
                self.sync_markers();
                return;
            }
        }
        self.autosave = Some(autosave);
        self.sync_markers();
    }

    pub(super) fn apply_annotation(&mut self, command: AnnotationCommand) {
        let changed = match command {
            AnnotationCommand::SetNote { id, annotation } => {
                let what = format!("Note on {}", self.name_of(&id));
                self.history.edit(&what, |a| a.set_note(id, annotation))
            }
            AnnotationCommand::AddMarker { name, at } => {
                let mut added = None;
                let changed = self.history.edit("Add marker", |a| {
                    added = Some(a.add_marker(&name, at));
                });
                self.sync_markers();
                self.selected = added;
                changed
            }
            AnnotationCommand::RenameMarker { id, name } => {
                self.history.edit("Rename marker", |a| {
                    a.rename_marker(&id, &name);
                })
            }
            AnnotationCommand::MoveMarker { id, at } => self.history.edit("Move marker", |a| {
                a.move_marker(&id, at);
            }),
            AnnotationCommand::DeleteMarker(id) => {
                if self.selected.as_ref() == Some(&id) {
                    self.selected = None;
                }
                self.history.edit("Delete marker", |a| {
                    a.delete_marker(&id);
                })
            }
            AnnotationCommand::Undo => self.undo_redo(true),
            AnnotationCommand::Redo => self.undo_redo(false),
            AnnotationCommand::SaveAs(path) => {
                self.write_annotations(&path);
                false
            }
            AnnotationCommand::Open(path) => self.open_annotations(&path),
            AnnotationCommand::Export(path) => {
                self.export_to(&path);
                false
            }
        };
        if changed {
            self.sync_markers();
            if let Some(path) = self.autosave.clone() {
                self.write_annotations_quietly(&path);
            }
        }
    }

    fn name_of(&self, id: &FeatureId) -> String {
        self.atlas
            .get(id)
            .map_or_else(|| id.0.clone(), |f| f.name.clone())
    }

    fn undo_redo(&mut self, undo: bool) -> bool {
        let done = if undo {
            self.history.undo().map(|w| format!("Undone: {w}"))
        } else {
            self.history.redo().map(|w| format!("Redone: {w}"))
        };
        let changed = done.is_some();
        let nothing = if undo {
            "Nothing to undo"
        } else {
            "Nothing to redo"
        };
        self.status = Some(done.unwrap_or_else(|| nothing.to_owned()));
        changed
    }

    /// The atlas draws and picks the markers the annotations hold, and no others.
    fn sync_markers(&mut self) {
        let markers = self.history.current().markers.clone();
        let stale: Vec<FeatureId> = self
            .atlas
            .features()
            .iter()
            .filter(|f| f.kind == FeatureKind::Marker && !f.hidden)
            .filter(|f| !markers.iter().any(|m| m.id == f.id))
            .map(|f| f.id.clone())
            .collect();
        for id in &stale {
            self.atlas.hide_point(id);
        }
        for marker in &markers {
            self.atlas.upsert_point(marker.to_feature());
        }
        if self
            .selected
            .as_ref()
            .is_some_and(|id| self.atlas.get(id).is_none_or(|f| f.hidden))
        {
            self.selected = None;
        }
    }

    fn annotations_text(&self) -> String {
        let value = to_geojson(self.history.current(), &self.atlas, FILE_PRECISION);
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    /// Autosave: a failure is said once per failure, not per keystroke.
    fn write_annotations_quietly(&mut self, path: &Path) {
        if let Err(e) = write_atomically(path, self.annotations_text().as_bytes()) {
            self.messages.push(format!(
                "Annotations could not be saved to {}: {e}",
                path.display()
            ));
        }
    }

    fn write_annotations(&mut self, path: &Path) {
        match write_atomically(path, self.annotations_text().as_bytes()) {
            Ok(()) => self.status = Some(format!("Annotations saved to {}", path.display())),
            Err(e) => self.messages.push(format!(
                "Annotations could not be saved to {}: {e}",
                path.display()
            )),
        }
    }

    fn open_annotations(&mut self, path: &Path) -> bool {
        let read = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| from_geojson(&text).map_err(|e| e.to_string()));
        match read {
            Ok((annotations, warnings)) => {
                self.messages.extend(
                    warnings
                        .into_iter()
                        .map(|w| format!("{}: {w}", path.display())),
                );
                let what = format!("Open {}", path.display());
                let changed = self.history.replace(&what, annotations);
                self.status = Some(format!("Annotations opened from {}", path.display()));
                changed
            }
            Err(e) => {
                self.messages
                    .push(format!("{} could not be opened: {e}", path.display()));
                false
            }
        }
    }

    fn export_to(&mut self, path: &Path) {
        let value = export(
            &self.atlas,
            self.history.current(),
            &self.corpus,
            &ExportOptions::default(),
        );
        let text = serde_json::to_string(&value).unwrap_or_default();
        match write_atomically(path, text.as_bytes()) {
            Ok(()) => {
                let count = value["features"].as_array().map_or(0, Vec::len);
                self.status = Some(format!("Exported {count} features to {}", path.display()));
            }
            Err(e) => self.messages.push(format!(
                "The export could not be written to {}: {e}",
                path.display()
            )),
        }
    }
}

#[cfg(test)]
mod tests;
