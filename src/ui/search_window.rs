//! Search (Ctrl+K): words typed are searched in every stored sentence by the
//! library's worker; the matching sentences are listed with their article,
//! outlet and date (only the visible rows are laid out); choosing one opens
//! the article and frames its places; the map can be filtered to the
//! matching articles.

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
        egui::Window::new("Search articles")
            .open(&mut open)
            .default_size([560.0, 480.0])
            .show(ctx, |ui| {
                let edit = ui
                    .horizontal(|ui| {
                        let label = ui.label("Words");
                        ui.add(
                            egui::TextEdit::singleline(&mut self.buffer)
                                .hint_text("any case or accents: menaka attaque, soldiers killed…")
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
                format!(" (the best {} shown)", answer.hits.len())
            } else {
                String::new()
            };
            ui.label(format!(
                "{} sentence(s) in {} article(s){listed}",
                answer.hits.len(),
                answer.articles.len()
            ));
            if !answer.articles.is_empty()
                && ui
                    .button("Filter the map to these articles")
                    .on_hover_text("Badges count only the articles that match")
                    .clicked()
            {
                commands.push(Command::Search(SearchCommand::FilterMap));
            }
        }
        if let Some(filter) = search.filter()
            && ui
                .button("Show all articles")
                .on_hover_text(format!(
                    "The map counts {} article(s) matching “{}”",
                    filter.articles, filter.query
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
                    hit.outlet.as_deref().unwrap_or("unknown outlet"),
                    hit.date.as_deref().unwrap_or("date unknown")
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
                            "{}\n\n{source}\nClick to open the article and frame its places",
                            hit.text
                        ))
                    })
                    .inner;
                if row.clicked() {
                    commands.push(Command::Search(SearchCommand::Open(hit.name.clone())));
                }
            }
        });
}
