//! File → Open articles: paths typed or pasted one per line, or clicked in
//! the folder listed below (files can also be dropped on the window, or given
//! on the command line).

use crate::tr;
use egui::{Context, RichText};

use super::folder_browser::{FolderBrowser, Picked};
use crate::folder::ARTICLE_EXTENSIONS;
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

/// The dialog's memory: the paths typed, and the folder being browsed.
#[derive(Debug, Default)]
pub struct OpenArticles {
    pub buffer: String,
    /// `None` until first shown (then the home folder).
    folder: Option<std::path::PathBuf>,
    browser: FolderBrowser,
}

impl OpenArticles {
    /// A clicked file joins the list (once); a clicked folder is browsed.
    fn pick(&mut self, picked: Picked) {
        match picked {
            Picked::Folder(folder) => self.folder = Some(folder),
            Picked::File(file) => {
                if !paths(&self.buffer).contains(&file) {
                    if !self.buffer.is_empty() && !self.buffer.ends_with('\n') {
                        self.buffer.push('\n');
                    }
                    self.buffer.push_str(&file.display().to_string());
                    self.buffer.push('\n');
                }
            }
        }
    }
}

pub fn show(
    ctx: &Context,
    open: bool,
    dialog: &mut OpenArticles,
    articles_dir: Option<&std::path::Path>,
    commands: &mut Vec<Command>,
) {
    if !open {
        dialog.browser.refresh();
        return;
    }
    let folder = dialog
        .folder
        .get_or_insert_with(|| {
            std::env::var_os("HOME")
                .map(std::path::PathBuf::from)
                .or_else(|| std::env::current_dir().ok())
                .unwrap_or_default()
        })
        .clone();
    let buffer = &mut dialog.buffer;
    let mut picked = None;
    let mut still_open = true;
    egui::Window::new(tr!("open-title"))
        .id(egui::Id::unique("open-articles"))
        .open(&mut still_open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(tr!("open-explain"));
            ui.add(
                egui::TextEdit::multiline(buffer)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/reports/menaka-2020-05-09.txt"),
            );
            picked = dialog.browser.show(ui, &folder, ARTICLE_EXTENSIONS);
            ui.label(RichText::new(tr!("open-hint")).small());
            if let Some(dir) = articles_dir {
                ui.label(
                    RichText::new(tr!("open-folder-read", folder = dir.display().to_string()))
                        .small(),
                );
            }
            ui.horizontal(|ui| {
                let files = paths(buffer);
                if ui
                    .add_enabled(!files.is_empty(), egui::Button::new(tr!("file-open")))
                    .clicked()
                {
                    commands.push(Command::OpenArticles(files));
                    buffer.clear();
                }
                if ui.button(tr!("cancel")).clicked() {
                    commands.push(Command::ShowOpenArticles(false));
                }
            });
        });
    if let Some(picked) = picked {
        dialog.pick(picked);
    }
    if !still_open {
        commands.push(Command::ShowOpenArticles(false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_path_per_line() {
        assert_eq!(super::paths(" a.txt \n\n b.md\n").len(), 2);
    }

    #[test]
    fn a_clicked_file_is_added_once_and_a_folder_browsed() {
        let mut dialog = OpenArticles {
            buffer: "/typed/first.txt".to_owned(),
            ..OpenArticles::default()
        };
        let file = std::path::PathBuf::from("/reports/menaka.txt");
        dialog.pick(Picked::File(file.clone()));
        dialog.pick(Picked::File(file.clone()));
        assert_eq!(
            paths(&dialog.buffer),
            vec![std::path::PathBuf::from("/typed/first.txt"), file]
        );
        dialog.pick(Picked::Folder("/reports/2020".into()));
        assert_eq!(dialog.folder, Some("/reports/2020".into()));
    }
}
