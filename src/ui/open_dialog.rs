//! File → Open articles: paths typed or pasted one per line (files can also be
//! dropped on the window, or given on the command line).

use egui::{Context, RichText};

use crate::state::Command;

/// Paths from the dialog's text, one per line, blank lines skipped.
#[must_use]
pub fn paths(text: &str) -> Vec<std::path::PathBuf> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(std::path::PathBuf::from)
        .collect()
}

pub fn show(
    ctx: &Context,
    open: bool,
    buffer: &mut String,
    articles_dir: Option<&std::path::Path>,
    commands: &mut Vec<Command>,
) {
    if !open {
        return;
    }
    let mut still_open = true;
    egui::Window::new("Open articles")
        .open(&mut still_open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label("Article files (.txt, .md, .html), one path per line:");
            ui.add(
                egui::TextEdit::multiline(buffer)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/reports/menaka-2020-05-09.txt"),
            );
            ui.label(
                RichText::new(
                    "You can also drop files on the window, or name them on the command line.",
                )
                .small(),
            );
            if let Some(dir) = articles_dir {
                ui.label(
                    RichText::new(format!(
                        "Files in {} are read at every start.",
                        dir.display()
                    ))
                    .small(),
                );
            }
            ui.horizontal(|ui| {
                let files = paths(buffer);
                if ui
                    .add_enabled(!files.is_empty(), egui::Button::new("Open"))
                    .clicked()
                {
                    commands.push(Command::OpenArticles(files));
                    buffer.clear();
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::ShowOpenArticles(false));
                }
            });
        });
    if !still_open {
        commands.push(Command::ShowOpenArticles(false));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_path_per_line() {
        assert_eq!(super::paths(" a.txt \n\n b.md\n").len(), 2);
    }
}
