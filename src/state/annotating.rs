//! Annotation commands: notes, markers, undo/redo, and the files they go to
//! (autosave, Save As, Open, Export).
//!
//! Every edit goes through the undo history, then the user's markers are
//! brought into the atlas (so they are drawn and picked like places) and the
//! annotations are saved atomically to the autosave file, so killing the app
//! loses nothing that was applied.

use crate::tr;
use std::path::{Path, PathBuf};

use super::AppState;
use crate::annotations::file::{self, from_geojson};
use crate::annotations::{Annotation, Annotations};
use crate::atlas::{FeatureGeometry, FeatureId, FeatureKind};
use crate::geometry::projection::LonLat;
use crate::save::write_atomically;

/// What the status bar says while a zone is being drawn.
#[must_use]
pub fn drawing_help() -> String {
    tr!("drawing-help")
}

/// Autosaves are written by a job, one at a time, the latest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutosaveJob {
    Idle,
    Running,
    /// Edits were made while a save ran: another follows it.
    RunningThenAgain,
}

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
    Rename {
        id: FeatureId,
        name: String,
    },
    MoveTo {
        id: FeatureId,
        at: LonLat,
    },
    Delete(FeatureId),
    /// A zone from its corners (three or more).
    AddZone {
        name: String,
        corners: Vec<LonLat>,
    },
    /// Drawing a zone on the map: start, click corners, finish or cancel.
    StartZone,
    AddCorner(LonLat),
    /// Backspace: the last corner placed.
    RemoveCorner,
    FinishZone,
    CancelZone,
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
            Ok(text) => match file::parse(&text).and_then(|v| Ok((file::from_value(&v)?, v))) {
                Ok(((annotations, warnings), value)) => {
                    self.history = crate::annotations::history::History::new(annotations);
                    self.requested_imports.extend(file::layers(&value));
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
                        "{} {}",
                        tr!(
                            "annotations-unreadable",
                            file = autosave.display().to_string(),
                            error = e.to_string()
                        ),
                        if moved {
                            tr!("annotations-kept-as", file = aside.display().to_string())
                        } else {
                            tr!("annotations-autosave-off")
                        }
                    ));
                    if !moved {
                        self.sync_user_features();
                        return;
                    }
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                self.messages.push(format!(
                    "{} {}",
                    tr!(
                        "annotations-unreadable",
                        file = autosave.display().to_string(),
                        error = e.to_string()
                    ),
                    tr!("annotations-autosave-off")
                ));
                self.sync_user_features();
                return;
            }
        }
        self.autosave = Some(autosave);
        self.sync_user_features();
    }

    pub(super) fn apply_annotation(&mut self, command: AnnotationCommand) {
        let changed = match command {
            AnnotationCommand::SetNote { id, annotation } => {
                let what = tr!("undo-note", name = self.name_of(&id));
                self.history.edit(&what, |a| a.set_note(id, annotation))
            }
            AnnotationCommand::AddMarker { name, at } => {
                let mut added = None;
                let changed = self.history.edit(&tr!("undo-add-marker"), |a| {
                    added = Some(a.add_marker(&name, at));
                });
                self.sync_user_features();
                self.selected = added;
                changed
            }
            AnnotationCommand::Rename { id, name } => {
                let what =
                    self.zone_or_marker(&id, tr!("undo-rename-zone"), tr!("undo-rename-marker"));
                self.history.edit(&what, |a| {
                    a.rename(&id, &name);
                })
            }
            AnnotationCommand::MoveTo { id, at } => {
                let what = self.zone_or_marker(&id, tr!("undo-move-zone"), tr!("undo-move-marker"));
                self.history.edit(&what, |a| {
                    if !a.move_marker(&id, at) {
                        a.move_zone(&id, at);
                    }
                })
            }
            AnnotationCommand::Delete(id) => {
                if self.selected.as_ref() == Some(&id) {
                    self.selected = None;
                }
                let what =
                    self.zone_or_marker(&id, tr!("undo-delete-zone"), tr!("undo-delete-marker"));
                self.history.edit(&what, |a| {
                    a.delete(&id);
                })
            }
            AnnotationCommand::AddZone { name, corners } => self.add_zone(&name, corners),
            AnnotationCommand::StartZone => {
                self.drawing = Some(Vec::new());
                self.status = Some(drawing_help());
                false
            }
            AnnotationCommand::AddCorner(at) => {
                if let Some(corners) = &mut self.drawing
                    && corners.last() != Some(&at)
                {
                    corners.push(at);
                }
                false
            }
            AnnotationCommand::RemoveCorner => {
                if let Some(corners) = &mut self.drawing {
                    corners.pop();
                }
                false
            }
            AnnotationCommand::FinishZone => match self.drawing.take() {
                Some(corners) if corners.len() >= 3 => {
                    self.status = None;
                    self.add_zone("", corners)
                }
                Some(corners) => {
                    // Not enough corners yet: keep drawing, and say why.
                    self.drawing = Some(corners);
                    self.status = Some(tr!("zone-three-corners"));
                    false
                }
                None => false,
            },
            AnnotationCommand::CancelZone => {
                if self.drawing.take().is_some() {
                    self.status = Some(tr!("zone-cancelled"));
                }
                false
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
            self.sync_user_features();
            self.autosave_now();
        }
    }

    fn add_zone(&mut self, name: &str, corners: Vec<LonLat>) -> bool {
        let mut added = None;
        let changed = self.history.edit(&tr!("undo-draw-zone"), |a| {
            added = a.add_zone(name, corners);
        });
        if added.is_none() {
            self.messages.push(tr!("zone-corners-on-map"));
        }
        self.sync_user_features();
        self.selected = added.or(self.selected.take());
        changed
    }

    /// `zone` if `id` is one of the user's zones, else `marker` (undo labels).
    fn zone_or_marker(&self, id: &FeatureId, zone: String, marker: String) -> String {
        if self.history.current().zone(id).is_some() {
            zone
        } else {
            marker
        }
    }

    fn name_of(&self, id: &FeatureId) -> String {
        self.atlas
            .get(id)
            .map_or_else(|| id.0.clone(), |f| f.name.clone())
    }

    fn undo_redo(&mut self, undo: bool) -> bool {
        let done = if undo {
            self.history.undo().map(|w| tr!("undone", what = w))
        } else {
            self.history.redo().map(|w| tr!("redone", what = w))
        };
        let changed = done.is_some();
        let nothing = if undo {
            tr!("nothing-to-undo")
        } else {
            tr!("nothing-to-redo")
        };
        self.status = Some(done.unwrap_or(nothing));
        changed
    }

    /// The atlas draws and picks the markers and zones the annotations hold,
    /// and no others.
    fn sync_user_features(&mut self) {
        let annotations = self.history.current();
        let user = annotations.user_features();
        let stale: Vec<FeatureId> = self
            .atlas
            .features()
            .iter()
            .filter(|f| matches!(f.kind, FeatureKind::Marker | FeatureKind::UserZone) && !f.hidden)
            .filter(|f| !annotations.is_user_feature(&f.id))
            .map(|f| f.id.clone())
            .collect();
        let mut changed = !stale.is_empty();
        self.atlas_mut().set_hidden(&stale, true);
        for feature in user {
            // A note, tag or colour edit leaves the shapes as they are: the
            // map's meshes and GPU scene are rebuilt only when one changes.
            let unchanged = self.atlas.get(&feature.id).is_some_and(|f| {
                !f.hidden && f.name == feature.name && same_shape(&f.geometry, &feature.geometry)
            });
            if !unchanged {
                self.atlas_mut().upsert(feature);
                changed = true;
            }
        }
        if changed {
            self.layer_generation += 1;
        }
        // A zone drawn around towns gets their badge count.
        self.recount_areas();
        if self
            .selected
            .as_ref()
            .is_some_and(|id| self.atlas.get(id).is_none_or(|f| f.hidden))
        {
            self.selected = None;
        }
    }

    fn annotations_text(&self) -> String {
        file::annotations_text(
            self.history.current(),
            &|id| self.atlas.get(id),
            &self.layer_paths(),
        )
    }

    /// Saves to the autosave file, if there is one (after edits, and when
    /// layers open or close), in the background: the annotations are
    /// written by a job, one at a time, the latest last.
    pub(super) fn autosave_now(&mut self) {
        let Some(path) = self.autosave.clone() else {
            return;
        };
        if self.autosave_job != AutosaveJob::Idle {
            // Written again when the save under way ends (see `autosaved`).
            self.autosave_job = AutosaveJob::RunningThenAgain;
            return;
        }
        self.autosave_job = AutosaveJob::Running;
        let annotations = self.history.current();
        let features = annotations
            .notes
            .keys()
            .filter_map(|id| self.atlas.get(id))
            .cloned()
            .collect();
        self.jobs.push(crate::jobs::Job::Autosave {
            features,
            annotations: self.history.current().clone(),
            layers: self.layer_paths(),
            path,
        });
    }

    /// An autosave ended: a failure is said (once per failure, not per
    /// keystroke), and edits made meanwhile are saved now.
    pub(super) fn autosaved(&mut self, path: &Path, result: Result<(), String>) {
        let again = self.autosave_job == AutosaveJob::RunningThenAgain;
        self.autosave_job = AutosaveJob::Idle;
        if let Err(e) = result {
            self.messages.push(tr!(
                "annotations-not-saved",
                file = path.display().to_string(),
                error = e
            ));
        }
        if again {
            self.autosave_now();
        }
    }

    fn write_annotations(&mut self, path: &Path) {
        match write_atomically(path, self.annotations_text().as_bytes()) {
            Ok(()) => {
                self.status = Some(tr!("annotations-saved", file = path.display().to_string()));
            }
            Err(e) => self.messages.push(tr!(
                "annotations-not-saved",
                file = path.display().to_string(),
                error = e.to_string()
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
                let what = tr!("undo-open", file = path.display().to_string());
                let changed = self.history.replace(&what, annotations);
                self.status = Some(tr!("annotations-opened", file = path.display().to_string()));
                changed
            }
            Err(e) => {
                self.messages
                    .push(format!("{} could not be opened: {e}", path.display()));
                false
            }
        }
    }

    /// Queues the export as a background job over a snapshot: the
    /// features (copied), the annotations and the corpus (shared).
    fn export_to(&mut self, path: &Path) {
        let job = crate::jobs::Job::Export {
            features: self.atlas.features().to_vec(),
            annotations: self.history.current().clone(),
            corpus: self.corpus.clone(),
            path: path.to_owned(),
        };
        self.status = Some(job.label());
        self.jobs.push(job);
    }
}

/// Whether two geometries are the same shape at the same place.
fn same_shape(a: &FeatureGeometry, b: &FeatureGeometry) -> bool {
    match (a, b) {
        (FeatureGeometry::Point(a), FeatureGeometry::Point(b)) => a == b,
        (FeatureGeometry::Area(a), FeatureGeometry::Area(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
