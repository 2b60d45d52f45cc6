//! Search (Ctrl+K): words typed are searched in every stored sentence by the
//! library's worker; the matching sentences are listed with their article,
//! outlet and date (only the visible rows are laid out); choosing one opens
//! the article and frames its places; the map can be filtered to the
//! matching articles.

use crate::tr;
use egui::{Context, RichText};

use crate::state::{AppState, Command, SearchCommand};

/// Height of one result: the article's line and the sentence's.
const ROW_HEIGHT: f32 = 40.0;

/// The window's memory: what is typed.
#[derive(Debug, Default)]
pub struct SearchWindow {
    pub buffer: String,
    /// Open last frame: when it opens, the field takes the keyboard.
    was_open: bool,
}

impl SearchWindow {
    pub fn show(&mut self, ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
        let search = state.search();
        let focus = search.is_open() && !self.was_open;
        self.was_open = search.is_open();
        if !search.is_open() {
            return;
        }
        let mut open = true;
        egui::Window::new(tr!("search-title"))
            .id(egui::Id::unique("search-window"))
            .open(&mut open)
            .default_size([560.0, 480.0])
            .show(ctx, |ui| {
                let edit = ui
                    .horizontal(|ui| {
                        let label = ui.label(tr!("search-words"));
                        ui.add(
                            egui::TextEdit::singleline(&mut self.buffer)
                                .hint_text(tr!("search-hint"))
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id)
                    })
                    .inner;
                if focus {
                    edit.request_focus();
                }
                if edit.changed() {
                    commands.push(Command::Search(SearchCommand::Ask(self.buffer.clone())));
                }
                if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    commands.push(Command::Search(SearchCommand::Show(false)));
                }
                results(ui, state, commands);
            });
        if !open {
            commands.push(Command::Search(SearchCommand::Show(false)));
        }
    }
}

fn results(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let search = state.search();
    ui.horizontal(|ui| {
        if search.is_waiting() {
            ui.spinner();
        }
        if let Some(answer) = search.answer() {
            let listed = if answer.hits.len() >= crate::state::MAX_HITS {
                format!(" {}", tr!("search-best", count = answer.hits.len()))
            } else {
                String::new()
            };
            ui.label(format!(
                "{}{listed}",
                tr!(
                    "search-found",
                    sentences = answer.hits.len(),
                    articles = answer.articles.len()
                )
            ));
            if !answer.articles.is_empty()
                && ui
                    .button(tr!("search-filter-map"))
                    .on_hover_text(tr!("search-filter-map-hint"))
                    .clicked()
            {
                commands.push(Command::Search(SearchCommand::FilterMap));
            }
        }
        if let Some(filter) = search.filter()
            && ui
                .button(tr!("search-show-all"))
                .on_hover_text(tr!(
                    "search-map-counts",
                    count = filter.articles,
                    query = filter.query.as_str()
                ))
                .clicked()
        {
            commands.push(Command::Search(SearchCommand::ClearFilter));
        }
    });
    let Some(answer) = search.answer() else {
        return;
    };
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, answer.hits.len(), |ui, rows| {
            for hit in &answer.hits[rows] {
                let source = format!(
                    "{} — {} · {}",
                    hit.title,
                    hit.outlet.clone().unwrap_or_else(|| tr!("outlet-unknown")),
                    hit.date
                        .clone()
                        .unwrap_or_else(|| tr!("article-date-unknown"))
                );
                let row = ui
                    .vertical(|ui| {
                        ui.set_height(ROW_HEIGHT - ui.spacing().item_spacing.y);
                        ui.add(egui::Label::new(RichText::new(&source).small().weak()).truncate());
                        ui.add(
                            egui::Button::new(RichText::new(&hit.text))
                                .frame(false)
                                .truncate(),
                        )
                        .on_hover_text(format!(
                            "{}\n\n{source}\n{}",
                            hit.text,
                            tr!("search-hit-hint")
                        ))
                    })
                    .inner;
                if row.clicked() {
                    commands.push(Command::Search(SearchCommand::Open(hit.name.clone())));
                }
            }
        });
}
