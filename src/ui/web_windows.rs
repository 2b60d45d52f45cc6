//! Articles from the web: Add from link (Ctrl+L), the Feeds window, and the
//! form that confirms a pasted article (Ctrl+Shift+V). Fetching is the
//! library's; these windows only push commands.

use crate::tr;
use egui::{Context, RichText};

use crate::articles::Article;
use crate::corpus::store::FeedRow;
use crate::state::web::WebCommand;
use crate::state::{AppState, Command};

/// The fields of the paste form, as edited.
#[derive(Debug, Default, Clone)]
struct PasteForm {
    title: String,
    outlet: String,
    date: String,
    url: String,
    language: String,
    /// The article the form was filled from (its text is kept as is).
    from: Option<Article>,
}

/// What these windows remember between frames: what is typed.
#[derive(Debug, Default)]
pub struct WebWindows {
    links: String,
    feed_url: String,
    opml_path: String,
    paste: Option<PasteForm>,
    /// Open last frame (a window opening takes the keyboard).
    link_was_open: bool,
}

impl WebWindows {
    pub fn show(&mut self, ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
        self.add_link(ctx, state, commands);
        self.feeds(ctx, state, commands);
        self.paste_form(ctx, state, commands);
    }

    fn add_link(&mut self, ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
        let open_now = state.web().add_link_open();
        let focus = open_now && !self.link_was_open;
        self.link_was_open = open_now;
        if !open_now {
            return;
        }
        let mut open = true;
        egui::Window::new(tr!("links-title"))
            .id(egui::Id::unique("links-window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(tr!("links-explain"));
                let label = ui.label(tr!("links-label"));
                let edit = ui
                    .add(
                        egui::TextEdit::multiline(&mut self.links)
                            .hint_text("https://www.example.org/afrique/2024/03/14/mali-attaque")
                            .desired_rows(4)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if focus {
                    edit.request_focus();
                }
                ui.horizontal(|ui| {
                    let any = !self.links.trim().is_empty();
                    if ui
                        .add_enabled(any, egui::Button::new(tr!("links-fetch")))
                        .clicked()
                    {
                        let links: Vec<String> =
                            self.links.split_whitespace().map(str::to_owned).collect();
                        self.links.clear();
                        commands.push(WebCommand::AddLinks(links).into());
                    }
                    if ui.button(tr!("cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        commands.push(WebCommand::ShowAddLink(false).into());
                    }
                });
            });
        if !open {
            commands.push(WebCommand::ShowAddLink(false).into());
        }
    }

    fn feeds(&mut self, ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
        let web = state.web();
        if !web.feeds_open() {
            return;
        }
        if self.opml_path.is_empty() {
            self.opml_path = default_opml_path();
        }
        let mut open = true;
        egui::Window::new(tr!("feeds-title"))
            .id(egui::Id::unique("feeds-window"))
            .open(&mut open)
            .default_size([620.0, 420.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label(tr!("feeds-address"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.feed_url)
                            .hint_text(tr!("feeds-address-hint"))
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                    if ui
                        .add_enabled(
                            !self.feed_url.trim().is_empty(),
                            egui::Button::new(tr!("feeds-subscribe")),
                        )
                        .clicked()
                    {
                        commands
                            .push(WebCommand::Subscribe(std::mem::take(&mut self.feed_url)).into());
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(
                            !web.feeds().is_empty(),
                            egui::Button::new(tr!("feeds-refresh-all")),
                        )
                        .clicked()
                    {
                        commands.push(WebCommand::Refresh(None).into());
                    }
                    let mut minutes = web.refresh_minutes();
                    let label = ui.label(tr!("feeds-refresh-every"));
                    let drag = ui
                        .add(
                            egui::DragValue::new(&mut minutes)
                                .range(0..=1440)
                                .suffix(" min"),
                        )
                        .labelled_by(label.id)
                        .on_hover_text(tr!("feeds-refresh-zero"));
                    if drag.changed() {
                        commands.push(WebCommand::SetRefreshMinutes(minutes).into());
                    }
                    ui.label(RichText::new(tr!("feeds-while-open")).weak());
                });
                ui.separator();
                if web.feeds().is_empty() {
                    ui.label(RichText::new(tr!("feeds-none")).weak());
                }
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for feed in web.feeds() {
                            feed_row(ui, feed, commands);
                            ui.separator();
                        }
                    });
                ui.horizontal(|ui| {
                    let label = ui.label(tr!("feeds-opml-file"));
                    ui.add(egui::TextEdit::singleline(&mut self.opml_path).desired_width(300.0))
                        .labelled_by(label.id);
                    let path = std::path::PathBuf::from(self.opml_path.trim());
                    let any = !self.opml_path.trim().is_empty();
                    if ui
                        .add_enabled(any, egui::Button::new(tr!("feeds-import")))
                        .clicked()
                    {
                        commands.push(WebCommand::ImportOpml(path.clone()).into());
                    }
                    if ui
                        .add_enabled(any, egui::Button::new(tr!("feeds-export")))
                        .clicked()
                    {
                        commands.push(WebCommand::ExportOpml(path).into());
                    }
                });
            });
        if !open {
            commands.push(WebCommand::ShowFeeds(false).into());
        }
    }

    fn paste_form(&mut self, ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
        let web = state.web();
        let Some(draft) = web.paste_draft() else {
            if web.is_reading_paste() {
                self.paste = None;
            }
            return;
        };
        let form = self.paste.get_or_insert_with(|| {
            let a = &draft.article;
            PasteForm {
                title: a.title.clone(),
                outlet: a.outlet.clone().unwrap_or_default(),
                date: a.date.clone().unwrap_or_default(),
                url: a.url.clone().unwrap_or_default(),
                language: a.language.clone().unwrap_or_default(),
                from: Some(a.clone()),
            }
        });
        let mut open = true;
        let mut done = false;
        egui::Window::new(tr!("menu-paste"))
            .id(egui::Id::unique("paste-window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                for warning in &draft.warnings {
                    ui.colored_label(ui.visuals().warn_fg_color, warning);
                }
                paste_fields(ui, form);
                let date_ok = form.date.trim().is_empty()
                    || crate::articles::html::date_from_str(&form.date).is_some();
                if !date_ok {
                    ui.colored_label(ui.visuals().error_fg_color, tr!("paste-bad-date"));
                }
                let body = form.from.as_ref().map_or("", |a| a.body.as_str());
                ui.label(
                    RichText::new(tr!("paste-words", count = body.split_whitespace().count()))
                        .weak(),
                );
                egui::ScrollArea::vertical()
                    .max_height(180.0)
                    .show(ui, |ui| {
                        ui.label(body.chars().take(3000).collect::<String>());
                    });
                ui.horizontal(|ui| {
                    let ready = date_ok && !form.title.trim().is_empty() && !body.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new(tr!("paste-add")))
                        .clicked()
                        && let Some(mut article) = form.from.clone()
                    {
                        let known = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
                        form.title.trim().clone_into(&mut article.title);
                        article.outlet = known(&form.outlet);
                        article.date = known(&form.date)
                            .and_then(|d| crate::articles::html::date_from_str(&d));
                        article.url = known(&form.url);
                        article.language = known(&form.language).map(|l| l.to_lowercase());
                        commands.push(WebCommand::ConfirmPaste(Box::new(article)).into());
                        done = true;
                    }
                    if ui.button(tr!("cancel")).clicked() {
                        commands.push(WebCommand::CancelPaste.into());
                        done = true;
                    }
                });
            });
        if !open {
            commands.push(WebCommand::CancelPaste.into());
            done = true;
        }
        if done {
            self.paste = None;
        }
    }
}

/// The paste form's fields: title, outlet, date, link, language.
fn paste_fields(ui: &mut egui::Ui, form: &mut PasteForm) {
    egui::Grid::new("paste-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, value, hint) in [
                (tr!("paste-title"), &mut form.title, String::new()),
                (
                    tr!("paste-outlet"),
                    &mut form.outlet,
                    tr!("paste-outlet-hint"),
                ),
                (tr!("paste-date"), &mut form.date, tr!("paste-date-hint")),
                (tr!("paste-link"), &mut form.url, tr!("paste-link-hint")),
                (
                    tr!("paste-language"),
                    &mut form.language,
                    "en, fr…".to_owned(),
                ),
            ] {
                let label = ui.label(name);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
}

fn feed_row(ui: &mut egui::Ui, feed: &FeedRow, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(feed.title.clone().unwrap_or_else(|| tr!("feeds-untitled"))).strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button(tr!("feeds-unsubscribe")).clicked() {
                commands.push(WebCommand::Unsubscribe(feed.id).into());
            }
            if ui.small_button(tr!("feeds-refresh")).clicked() {
                commands.push(WebCommand::Refresh(Some(feed.id)).into());
            }
        });
    });
    ui.label(RichText::new(&feed.url).weak().small());
    let refreshed = feed.refreshed_at_s.map_or_else(
        || tr!("feeds-not-refreshed"),
        |s| tr!("feeds-refreshed", ago = ago(s)),
    );
    ui.label(format!(
        "{refreshed} · {}",
        tr!("feeds-items", items = feed.items, new = feed.new_items)
    ));
    if let Some(error) = &feed.error {
        ui.colored_label(ui.visuals().warn_fg_color, error);
    }
}

/// "3 min ago", "2 h ago", "5 days ago".
fn ago(seconds: i64) -> String {
    let elapsed = (crate::corpus::store::now_s() - seconds).max(0);
    match elapsed {
        0..60 => tr!("ago-now"),
        60..3600 => tr!("ago-minutes", count = elapsed / 60),
        3600..86_400 => tr!("ago-hours", count = elapsed / 3600),
        _ => tr!("ago-days", count = elapsed / 86_400),
    }
}

fn default_opml_path() -> String {
    std::env::var_os("HOME").map_or_else(
        || "feeds.opml".to_owned(),
        |home| {
            std::path::Path::new(&home)
                .join("dispatch-atlas-feeds.opml")
                .display()
                .to_string()
        },
    )
}
