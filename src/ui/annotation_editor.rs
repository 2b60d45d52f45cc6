//! The side panel's "Your annotation" section: note, tags, colour, whether it
//! is exported, and for the user's markers their name and a delete button.
//!
//! Text is edited in a draft and committed as one undoable edit when the field
//! loses focus (click elsewhere, Tab); colour and checkboxes commit at once.
//! While no field has the keyboard, the draft follows the state, so undo and
//! File → Open show up immediately.

use crate::tr;
use egui::{Id, RichText, Ui};

use crate::annotations::{Annotation, Colour, parse_tags};
use crate::atlas::{Feature, FeatureId, FeatureKind};
use crate::state::{AnnotationCommand, AppState, Command};

/// Text being edited, for one feature.
#[derive(Debug, Default)]
pub struct Draft {
    id: Option<FeatureId>,
    note: String,
    tags: String,
    name: String,
}

impl Draft {
    fn load(&mut self, feature: &Feature, annotation: &Annotation) {
        self.id = Some(feature.id.clone());
        annotation.note.clone_into(&mut self.note);
        self.tags = annotation.tags.join(", ");
        feature.name.clone_into(&mut self.name);
    }
}

/// The user's own markers and zones: they can be renamed and deleted.
fn drawn_by_user(feature: &Feature) -> bool {
    matches!(feature.kind, FeatureKind::Marker | FeatureKind::UserZone)
}

const NOTE_ID: &str = "annotation-note";
const TAGS_ID: &str = "annotation-tags";
const NAME_ID: &str = "annotation-marker-name";

/// Esc in a field means "done editing": it must not also clear the map's
/// selection (the map, drawn after the panel, would see the key otherwise).
fn keep_escape_to_the_field(ui: &Ui, edit: &egui::Response) {
    if edit.lost_focus() {
        ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    }
}

fn set(commands: &mut Vec<Command>, id: &FeatureId, annotation: Annotation) {
    commands.push(Command::Annotation(AnnotationCommand::SetNote {
        id: id.clone(),
        annotation,
    }));
}

/// The marker's name, committed when the field loses focus.
fn name_row(ui: &mut Ui, feature: &Feature, draft: &mut Draft, commands: &mut Vec<Command>) {
    let label = ui.label(tr!("annotation-name"));
    let edit = ui
        .add(egui::TextEdit::singleline(&mut draft.name).id(Id::unique(NAME_ID)))
        .labelled_by(label.id);
    keep_escape_to_the_field(ui, &edit);
    if edit.lost_focus() && draft.name.trim() != feature.name {
        commands.push(Command::Annotation(AnnotationCommand::Rename {
            id: feature.id.clone(),
            name: draft.name.clone(),
        }));
    }
    ui.end_row();
}

/// Note and tags, each committed when its field loses focus.
fn text_rows(
    ui: &mut Ui,
    id: &FeatureId,
    current: &Annotation,
    draft: &mut Draft,
    commands: &mut Vec<Command>,
) {
    let label = ui.label(tr!("annotation-note"));
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut draft.note)
                .id(Id::unique(NOTE_ID))
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(tr!("annotation-note-hint")),
        )
        .labelled_by(label.id);
    keep_escape_to_the_field(ui, &edit);
    if edit.lost_focus() && draft.note != current.note {
        let note = draft.note.clone();
        set(
            commands,
            id,
            Annotation {
                note,
                ..current.clone()
            },
        );
    }
    ui.end_row();
    let label = ui.label(tr!("annotation-tags"));
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut draft.tags)
                .id(Id::unique(TAGS_ID))
                .desired_width(f32::INFINITY)
                .hint_text(tr!("annotation-tags-hint")),
        )
        .labelled_by(label.id);
    keep_escape_to_the_field(ui, &edit);
    let tags = parse_tags(&draft.tags);
    if edit.lost_focus() && tags != current.tags {
        set(
            commands,
            id,
            Annotation {
                tags,
                ..current.clone()
            },
        );
    }
    ui.end_row();
}

/// A colour (on or off, and which), committed at once.
fn colour_row(ui: &mut Ui, id: &FeatureId, current: &Annotation, commands: &mut Vec<Command>) {
    ui.label(tr!("annotation-colour"));
    ui.horizontal(|ui| {
        let mut coloured = current.colour.is_some();
        let mut rgb = current.colour.unwrap_or(Colour::MARKER).0;
        let toggled = ui
            .checkbox(&mut coloured, "")
            .on_hover_text(tr!("annotation-use-colour"))
            .changed();
        let picked = ui.color_edit_button_srgb(&mut rgb).changed();
        if toggled || picked {
            let colour = (coloured || picked).then_some(Colour(rgb));
            set(
                commands,
                id,
                Annotation {
                    colour,
                    ..current.clone()
                },
            );
        }
    });
    ui.end_row();
}

pub fn show(
    ui: &mut Ui,
    state: &AppState,
    feature: &Feature,
    draft: &mut Draft,
    commands: &mut Vec<Command>,
) {
    let current = state
        .annotations()
        .note(&feature.id)
        .cloned()
        .unwrap_or_default();
    let ids = [NOTE_ID, TAGS_ID, NAME_ID].map(Id::unique);
    let editing = ui.memory(|m| m.focused().is_some_and(|f| ids.contains(&f)));
    if !editing || draft.id.as_ref() != Some(&feature.id) {
        draft.load(feature, &current);
    }
    ui.separator();
    ui.label(RichText::new(tr!("annotation-title")).strong());
    egui::Grid::new("annotation")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            if drawn_by_user(feature) {
                name_row(ui, feature, draft, commands);
            }
            text_rows(ui, &feature.id, &current, draft, commands);
            colour_row(ui, &feature.id, &current, commands);
        });
    let mut export = current.export;
    if ui.checkbox(&mut export, tr!("annotation-export")).changed() {
        set(
            commands,
            &feature.id,
            Annotation {
                export,
                ..current.clone()
            },
        );
    }
    ui.horizontal(|ui| {
        let delete = if feature.kind == FeatureKind::UserZone {
            tr!("annotation-delete-zone")
        } else {
            tr!("annotation-delete-marker")
        };
        if drawn_by_user(feature) && ui.button(delete).clicked() {
            commands.push(Command::Annotation(AnnotationCommand::Delete(
                feature.id.clone(),
            )));
        }
        ui.label(RichText::new(tr!("annotation-saved")).small().weak());
    });
}
