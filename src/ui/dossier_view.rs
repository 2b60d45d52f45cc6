//! The side panel's reports section: the selected feature's dossier, excerpts
//! grouped by article with the mention highlighted, figures as a table, and a
//! chart where a quantity changes.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Grid, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use crate::atlas::{Feature, FeatureId};
use crate::dossier::{Dossier, FigureSpan, dossier};
use crate::state::{AppState, Command};

pub const MENTION_BG: Color32 = Color32::from_rgb(0xff, 0xe8, 0x8a);
pub const FIGURE_BG: Color32 = Color32::from_rgb(0xc9, 0xe4, 0xff);

/// A kind of highlighted span in a text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Mention,
    Figure,
}

/// `text` with `spans` (char offsets) highlighted.
#[must_use]
pub fn highlighted(
    text: &str,
    spans: &[(usize, usize, Mark)],
    font: &FontId,
    color: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| byte_of.get(c).copied().unwrap_or(text.len());
    let mut spans: Vec<_> = spans.to_vec();
    spans.sort_by_key(|s| s.0);
    let plain = TextFormat::simple(font.clone(), color);
    let mut cursor = 0;
    for (start, end, mark) in spans {
        if start < cursor || end <= start {
            continue; // overlapping spans: the first one wins
        }
        job.append(&text[at(cursor)..at(start)], 0.0, plain.clone());
        let background = if mark == Mark::Mention {
            MENTION_BG
        } else {
            FIGURE_BG
        };
        job.append(
            &text[at(start)..at(end)],
            0.0,
            TextFormat {
                background,
                ..plain.clone()
            },
        );
        cursor = end;
    }
    job.append(&text[at(cursor)..], 0.0, plain);
    job
}

/// The dossier of the selected feature, computed again only when the
/// selection or the corpus changes.
#[derive(Default)]
pub struct DossierCache {
    key: Option<(FeatureId, u64)>,
    dossier: Option<Dossier>,
}

impl DossierCache {
    pub fn get(&mut self, feature: &Feature, state: &AppState) -> &Dossier {
        let key = (feature.id.clone(), state.corpus.generation());
        if self.key.as_ref() != Some(&key) || self.dossier.is_none() {
            self.dossier = Some(dossier(feature, &state.corpus));
            self.key = Some(key);
        }
        self.dossier
            .get_or_insert_with(|| dossier(feature, &state.corpus))
    }
}

/// An article's title cut to fit a table cell.
fn short(title: &str) -> String {
    if title.chars().count() <= 28 {
        return title.to_owned();
    }
    let cut: String = title.chars().take(27).collect();
    format!("{}…", cut.trim_end())
}

/// "same in …" / "…: 5100", short; the full titles go in the tooltip.
fn figure_sources(f: &FigureSpan) -> (String, String) {
    let mut short_parts = Vec::new();
    let mut long_parts = Vec::new();
    let more = |n: usize| {
        if n > 0 {
            format!(" (+{n} more)")
        } else {
            String::new()
        }
    };
    if !f.corroborated_by.is_empty() {
        let names: Vec<String> = f.corroborated_by.iter().map(|t| short(t)).collect();
        short_parts.push(format!(
            "same in {}{}",
            names.join(", "),
            more(f.more_corroborating)
        ));
        long_parts.push(format!(
            "Also reported by: {}{}",
            f.corroborated_by.join("; "),
            more(f.more_corroborating)
        ));
    }
    for other in &f.differs_from {
        let sources = |n: usize| {
            if n > 1 {
                format!(" and {} other(s)", n - 1)
            } else {
                String::new()
            }
        };
        short_parts.push(format!("{}: {}", short(&other.article), other.value));
        long_parts.push(format!(
            "{}{} give {}",
            other.article,
            sources(other.sources),
            other.value
        ));
    }
    if f.more_values > 0 {
        short_parts.push(format!("{} other value(s)", f.more_values));
        long_parts.push(format!("{} other value(s) not listed", f.more_values));
    }
    (short_parts.join("; "), long_parts.join("\n"))
}

fn change_chart(ui: &mut Ui, id: usize, f: &FigureSpan) {
    let Some((from, to)) = f.figure.change else {
        return;
    };
    let unit = f.figure.unit.clone().unwrap_or_default();
    ui.label(RichText::new(format!("from {from} to {to} {unit}")).strong());
    let bars = vec![
        Bar::new(0.0, from)
            .name("from")
            .fill(Color32::from_rgb(0x9b, 0xb7, 0xd4)),
        Bar::new(1.0, to)
            .name("to")
            .fill(Color32::from_rgb(0x2c, 0x6e, 0xa8)),
    ];
    Plot::new(("figure-change", id))
        .height(90.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_axes([false, true])
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(unit, bars).width(0.6));
        });
}

/// The reports section of the side panel.
pub fn show(
    ui: &mut Ui,
    state: &AppState,
    feature: &Feature,
    cache: &mut DossierCache,
    commands: &mut Vec<Command>,
) {
    ui.separator();
    let d = cache.get(feature, state);
    ui.heading(format!(
        "Reports ({} mention{} in {} article{})",
        d.mentions,
        if d.mentions == 1 { "" } else { "s" },
        d.articles.len(),
        if d.articles.len() == 1 { "" } else { "s" }
    ));
    if let Some(progress) = &state.progress {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!(
                "Reading articles ({}/{})…",
                progress.done, progress.total
            ));
        });
    }
    if d.is_empty() {
        if state.progress.is_none() {
            ui.label(
                RichText::new(
                    "No article mentions this place yet. Add articles with File, Open articles…",
                )
                .weak(),
            );
        }
        return;
    }
    excerpts(ui, d, commands);
    figures_table(ui, d);
}

fn excerpts(ui: &mut Ui, d: &Dossier, commands: &mut Vec<Command>) {
    let font = FontId::proportional(13.5);
    let text_color = ui.visuals().text_color();
    for article in &d.articles {
        ui.add_space(6.0);
        ui.label(RichText::new(&article.title).strong());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    article.outlet.as_deref().unwrap_or("unknown outlet"),
                    article.date.as_deref().unwrap_or("date unknown")
                ))
                .weak(),
            );
            if ui
                .small_button("Open article")
                .on_hover_text("Read it in full, places and figures highlighted")
                .clicked()
            {
                commands.push(Command::ShowArticle(Some(article.article.clone())));
            }
            if let Some(url) = &article.url {
                ui.hyperlink_to("source", url);
            }
        });
        for excerpt in &article.excerpts {
            let spans: Vec<(usize, usize, Mark)> = excerpt
                .mentions
                .iter()
                .map(|m| (m.start, m.end, Mark::Mention))
                .chain(
                    excerpt
                        .figures
                        .iter()
                        .map(|f| (f.figure.start, f.figure.end, Mark::Figure)),
                )
                .collect();
            egui::Frame::group(ui.style()).show(ui, |ui| {
                let mut job = highlighted(&excerpt.text, &spans, &font, text_color);
                job.wrap.max_width = ui.available_width();
                ui.label(job);
            });
        }
    }
}

fn figures_table(ui: &mut Ui, d: &Dossier) {
    let figures: Vec<(&str, &FigureSpan)> = d.figures().collect();
    if figures.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Figures").strong());
    Grid::new("dossier-figures")
        .num_columns(4)
        .striped(true)
        .max_col_width(150.0)
        .show(ui, |ui| {
            for header in ["Value", "Counts", "Article", "Sources"] {
                ui.label(RichText::new(header).small().strong());
            }
            ui.end_row();
            for (title, f) in &figures {
                let value = format!(
                    "{}{}",
                    f.figure
                        .qualifier
                        .as_deref()
                        .map(|q| format!("{q} "))
                        .unwrap_or_default(),
                    f.figure.surface
                );
                ui.label(value)
                    .on_hover_text(format!("value {}", f.figure.value));
                ui.label(f.figure.unit.as_deref().unwrap_or("—"));
                ui.add(egui::Label::new(RichText::new(short(title)).small()).wrap())
                    .on_hover_text(*title);
                let (sources, details) = figure_sources(f);
                let cell = ui.add(egui::Label::new(RichText::new(sources).small()).wrap());
                if !details.is_empty() {
                    cell.on_hover_text(details);
                }
                ui.end_row();
            }
        });
    let mut chart_id = 0;
    for (_, f) in figures.iter().filter(|(_, f)| f.figure.change.is_some()) {
        // A change is reported on both ends: chart it once.
        if f.figure
            .change
            .is_some_and(|(from, _)| (from - f.figure.value).abs() > f64::EPSILON)
        {
            continue;
        }
        chart_id += 1;
        change_chart(ui, chart_id, f);
    }
}
