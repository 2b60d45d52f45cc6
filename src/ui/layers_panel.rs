//! View → Layers: every opened GeoJSON file with its visibility, opacity,
//! zoom-to, close, and the problems found reading it.

use crate::tr;
use egui::{Context, RichText, Ui};

use crate::progress::{Snapshot, Stage};
use crate::state::{AppState, Command, FileAction, LayerCommand};

pub fn show(ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
    if !state.dialogs.layers {
        return;
    }
    let mut open = true;
    egui::Window::new(tr!("menu-layers"))
        .id(egui::Id::unique("layers-window"))
        .open(&mut open)
        .default_width(320.0)
        .default_pos([16.0, 120.0])
        .show(ctx, |ui| {
            if state.layers.is_empty() && state.importing.is_empty() {
                ui.label(tr!("layers-none"));
            }
            for path in &state.importing {
                ui.horizontal(|ui| {
                    import_progress(ui, path, state.import_progress.get(path), 120.0);
                });
            }
            for layer in &state.layers {
                ui.separator();
                ui.horizontal(|ui| {
                    let mut visible = layer.visible;
                    if ui
                        .checkbox(&mut visible, "")
                        .on_hover_text(tr!("layers-show-hide"))
                        .changed()
                    {
                        commands.push(Command::Layer(LayerCommand::SetVisible(
                            layer.id.clone(),
                            visible,
                        )));
                    }
                    ui.label(RichText::new(&layer.name).strong())
                        .on_hover_text(layer.path.display().to_string());
                    ui.label(
                        RichText::new(tr!("layers-features", count = layer.features.len())).weak(),
                    );
                });
                ui.horizontal(|ui| {
                    let mut opacity = layer.opacity;
                    let slider =
                        egui::Slider::new(&mut opacity, 0.0..=1.0).text(tr!("layers-opacity"));
                    if ui.add(slider).changed() {
                        commands.push(Command::Layer(LayerCommand::SetOpacity(
                            layer.id.clone(),
                            opacity,
                        )));
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button(tr!("layers-zoom")).clicked() {
                        commands.push(Command::Layer(LayerCommand::ZoomTo(layer.id.clone())));
                    }
                    if ui.button(tr!("layers-close")).clicked() {
                        commands.push(Command::Layer(LayerCommand::Remove(layer.id.clone())));
                    }
                });
                if !layer.warnings.is_empty() {
                    egui::CollapsingHeader::new(tr!(
                        "layers-problems",
                        count = layer.warnings.len()
                    ))
                    .id_salt(&layer.id)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(160.0)
                            .show(ui, |ui| {
                                for w in &layer.warnings {
                                    ui.label(RichText::new(w).small());
                                }
                            });
                    });
                }
            }
            ui.separator();
            if ui.button(tr!("layers-open")).clicked() {
                commands.push(Command::ShowFileDialog(Some(FileAction::ImportLayer)));
            }
        });
    if !open {
        commands.push(Command::Layer(LayerCommand::ShowPanel(false)));
    }
}

/// A file being opened: its name, the stage, and a bar (features done of
/// the total), or a spinner while the bytes are read.
pub fn import_progress(
    ui: &mut Ui,
    path: &std::path::Path,
    progress: Option<&Snapshot>,
    bar_width: f32,
) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if let Some(p) = progress.filter(|p| p.total > 0) {
        ui.label(tr!(
            "layers-opening-stage",
            name = name.as_str(),
            stage = p.stage.label()
        ));
        ui.add(
            egui::ProgressBar::new(p.fraction())
                .desired_width(bar_width)
                .text(progress_text(*p)),
        );
    } else {
        ui.spinner();
        ui.label(tr!("layers-opening", name = name.as_str()));
    }
}

/// What a file's progress bar says: megabytes read (a collection is read
/// and checked a window at a time), then features checked or prepared.
fn progress_text(p: Snapshot) -> String {
    let done = p.done.min(p.total);
    match p.stage {
        Stage::Reading => format!("{done} / {} MB", p.total),
        Stage::Checking | Stage::Preparing => {
            tr!("layers-features-done", done = done, total = p.total)
        }
    }
}
