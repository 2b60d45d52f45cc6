//! Undo and redo for annotation edits.
//!
//! Annotations are small (notes and markers, kilobytes), so each edit keeps a
//! snapshot of the state before it: undo can never disagree with what an edit
//! did, whatever the edit was.

use super::Annotations;

/// How many edits can be undone.
const DEPTH: usize = 200;

/// The annotations and the edits that led to them.
#[derive(Debug, Default)]
pub struct History {
    current: Annotations,
    undo: Vec<(String, Annotations)>,
    redo: Vec<(String, Annotations)>,
}

impl History {
    #[must_use]
    pub fn new(current: Annotations) -> Self {
        Self {
            current,
            ..Self::default()
        }
    }

    #[must_use]
    pub fn current(&self) -> &Annotations {
        &self.current
    }

    /// Applies `edit`, described as `what` ("Note on Mali"), as one undoable
    /// step. An edit that changes nothing is not recorded; returns whether
    /// anything changed.
    pub fn edit(&mut self, what: &str, edit: impl FnOnce(&mut Annotations)) -> bool {
        let mut next = self.current.clone();
        edit(&mut next);
        if next == self.current {
            return false;
        }
        let before = std::mem::replace(&mut self.current, next);
        self.undo.push((what.to_owned(), before));
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    /// Replaces everything (File → Open), undoably.
    pub fn replace(&mut self, what: &str, annotations: Annotations) -> bool {
        self.edit(what, |a| *a = annotations)
    }

    /// What undo would undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(what, _)| what.as_str())
    }

    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(what, _)| what.as_str())
    }

    /// Undoes the last edit; returns its description.
    pub fn undo(&mut self) -> Option<String> {
        let (what, before) = self.undo.pop()?;
        let after = std::mem::replace(&mut self.current, before);
        self.redo.push((what.clone(), after));
        Some(what)
    }

    /// Redoes the last undone edit; returns its description.
    pub fn redo(&mut self) -> Option<String> {
        let (what, after) = self.redo.pop()?;
        let before = std::mem::replace(&mut self.current, after);
        self.undo.push((what.clone(), before));
        Some(what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::FeatureId;
    use crate::geometry::projection::LonLat;

    #[test]
    fn undo_and_redo_walk_the_edits() {
        let mut h = History::default();
        let at = LonLat {
            lon: 1.0,
            lat: 15.0,
        };
        assert!(h.edit("Add marker", |a| {
            a.add_marker("A", at);
        }));
        let id = h.current().markers[0].id.clone();
        assert!(h.edit("Rename", |a| {
            a.rename(&id, "B");
        }));
        assert!(!h.edit("Rename", |a| {
            a.rename(&id, "B");
        }));
        assert_eq!(h.undo_label(), Some("Rename"));
        assert_eq!(h.undo().as_deref(), Some("Rename"));
        assert_eq!(h.current().markers[0].name, "A");
        assert_eq!(h.undo().as_deref(), Some("Add marker"));
        assert!(h.current().is_empty());
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo().as_deref(), Some("Add marker"));
        assert_eq!(h.redo().as_deref(), Some("Rename"));
        assert_eq!(h.current().markers[0].name, "B");
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn a_new_edit_clears_redo_and_depth_is_bounded() {
        let mut h = History::default();
        for i in 0..(DEPTH + 10) {
            h.edit("Move", |a| {
                a.set_note(
                    FeatureId("country:ML".into()),
                    super::super::Annotation {
                        note: i.to_string(),
                        ..Default::default()
                    },
                );
            });
        }
        let mut undone = 0;
        while h.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, DEPTH);
        h.edit("Note", |a| {
            a.set_note(
                FeatureId("x".into()),
                super::super::Annotation {
                    note: "n".into(),
                    ..Default::default()
                },
            );
        });
        assert_eq!(h.redo_label(), None);
    }
}
