//! The side panel's reports section: the selected feature's dossier, excerpts
//! grouped by article with the mention highlighted, figures as a table, and a
//! chart where a quantity changes.

use crate::tr;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Grid, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::atlas::{Feature, FeatureId};
use crate::dossier::{
    ArticleExcerpts, FeatureMatch, FigureSpan, Via, article_excerpts, excerpt_figures,
};
use crate::state::word_filter::{WordFilterCommand, filter_words};
use crate::state::{AppState, Command};
use crate::text::fold::fold_str;

pub const MENTION_BG: Color32 = Color32::from_rgb(0xff, 0xe8, 0x8a);
pub const FIGURE_BG: Color32 = Color32::from_rgb(0xc9, 0xe4, 0xff);
/// A mention placed with doubt, or near the place (a place the gazetteer
/// lacks).
pub const UNCERTAIN_BG: Color32 = Color32::from_rgb(0xf3, 0xd6, 0xc4);

/// A kind of highlighted span in a text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Mention,
    /// A place the gazetteer lacks, shown at the place it is near.
    Near,
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
        let background = match mark {
            Mark::Mention => MENTION_BG,
            Mark::Near => UNCERTAIN_BG,
            Mark::Figure => FIGURE_BG,
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

/// An article's title cut to fit a table cell.
fn short(title: &str) -> String {
    if title.chars().count() <= 28 {
        return title.to_owned();
    }
    let cut: String = title.chars().take(27).collect();
    format!("{}…", cut.trim_end())
}

/// "same in 2 others · 3 other values", short (with the one title or value
/// when there is just one); the titles and values go in the tooltip.
fn figure_sources(f: &FigureSpan) -> (String, String) {
    let mut short_parts = Vec::new();
    let mut long_parts = Vec::new();
    let same = f.corroborated_by.len() + f.more_corroborating;
    match (same, f.corroborated_by.first()) {
        (0, _) | (_, None) => {}
        (1, Some(title)) => short_parts.push(tr!("figure-same-in", title = short(title))),
        (n, Some(_)) => short_parts.push(tr!("figure-same-in-others", count = n)),
    }
    if same > 0 {
        let more = if f.more_corroborating > 0 {
            format!("\n{}", tr!("figure-and-more", count = f.more_corroborating))
        } else {
            String::new()
        };
        long_parts.push(format!(
            "{}\n{}{more}",
            tr!("figure-also-reported-by"),
            f.corroborated_by.join("\n")
        ));
    }
    let values = f.differs_from.len() + f.more_values;
    match (values, f.differs_from.first()) {
        (0, _) | (_, None) => {}
        (1, Some(other)) => short_parts.push(format!("{}: {}", short(&other.article), other.value)),
        (n, Some(_)) => short_parts.push(tr!("figure-other-values", count = n)),
    }
    if values > 0 {
        long_parts.push(tr!("figure-other-values-title"));
        for other in &f.differs_from {
            let others = if other.sources > 1 {
                format!(" {}", tr!("figure-and-others", count = other.sources - 1))
            } else {
                String::new()
            };
            long_parts.push(format!(
                "{}{others}",
                tr!(
                    "figure-value-in",
                    value = other.value,
                    article = other.article.as_str()
                )
            ));
        }
        if f.more_values > 0 {
            long_parts.push(tr!("figure-and-more-values", count = f.more_values));
        }
    }
    (short_parts.join(" · "), long_parts.join("\n"))
}

fn change_chart(ui: &mut Ui, id: usize, f: &FigureSpan) {
    let Some((from, to)) = f.figure.change else {
        return;
    };
    let unit = f.figure.unit.as_deref().unwrap_or_default().to_owned();
    ui.label(
        RichText::new(tr!(
            "figure-change",
            from = from,
            to = to,
            unit = unit.as_str()
        ))
        .strong(),
    );
    let bars = vec![
        Bar::new(0.0, from)
            .name(tr!("figure-from"))
            .fill(Color32::from_rgb(0x9b, 0xb7, 0xd4)),
        Bar::new(1.0, to)
            .name(tr!("figure-to"))
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

/// How an article list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Outlet,
    MostMentions,
}

impl Sort {
    const ALL: [Self; 4] = [Self::Newest, Self::Oldest, Self::Outlet, Self::MostMentions];

    fn label(self) -> String {
        match self {
            Self::Newest => tr!("sort-newest"),
            Self::Oldest => tr!("sort-oldest"),
            Self::Outlet => tr!("sort-outlet"),
            Self::MostMentions => tr!("sort-mentions"),
        }
    }
}

/// One article of the dossier, with what sorting and filtering need.
struct Row {
    id: Arc<str>,
    mentions: usize,
    title: String,
    outlet: Option<String>,
    date: Option<String>,
    language: Option<String>,
}

/// Time a frame may spend on the dossier's figures summary (the rest is
/// done over the next frames).
const SUMMARY_BUDGET: std::time::Duration = std::time::Duration::from_millis(2);
/// Height of an article not laid out yet.
const ESTIMATED_ROW_HEIGHT: f32 = 140.0;

/// The distinct values of one quantity across the dossier.
#[derive(Default)]
struct QuantityValues {
    /// value → titles of the articles giving it (each once).
    values: BTreeMap<u64, (f64, Vec<String>)>,
}

/// The selected feature's reports: the list of articles about it (from
/// the roll-up's index, not a walk over the corpus), sorted and filtered;
/// each article's excerpts worked out when it scrolls into view; the
/// figures summary built a slice per frame.
#[derive(Default)]
pub struct DossierCache {
    /// The selection, the corpus's and the atlas's areas' generations it was made for.
    key: Option<(FeatureId, u64, u64)>,
    target: Option<FeatureMatch>,
    rows: Vec<Row>,
    /// Indices into `rows`, filtered and sorted.
    shown: Vec<usize>,
    sort: Sort,
    filter: String,
    language: Option<String>,
    /// Each article's excerpts, once laid out.
    excerpts: HashMap<Arc<str>, Option<ArticleExcerpts>>,
    heights: HashMap<Arc<str>, f32>,
    /// Figures by quantity (unit, toll or not) and how far the summary has got.
    summary: BTreeMap<(String, bool), QuantityValues>,
    summarised: usize,
    /// When the list was last made: while articles stream in (the corpus
    /// changes every frame), it is made again at most this often.
    made_at: Option<std::time::Instant>,
    /// The languages of the articles, for the filter (made with the list,
    /// not every frame).
    languages: Vec<String>,
    /// The library's answer to the word filter that `shown` was made with
    /// (its serial); words without an answer yet leave `shown` as it was.
    filtered_with: Option<u64>,
}

/// How often a dossier's list follows a corpus that changes every frame.
const REFRESH_WHILE_READING: std::time::Duration = std::time::Duration::from_millis(750);

impl DossierCache {
    /// Starts again when the selection, the corpus or the areas changed (a
    /// layer shown or hidden changes which places lie in which area).
    /// `false` while the list is kept a little behind a corpus that grows
    /// every frame (the caller asks for a frame later to catch up).
    fn refresh(&mut self, feature: &Feature, state: &AppState) -> bool {
        let key = (
            feature.id.clone(),
            state.corpus.generation(),
            state.atlas.area_generation(),
        );
        if self.key.as_ref() == Some(&key) {
            return true;
        }
        // The same feature and areas, only more articles: not every frame.
        let same_view = self
            .key
            .as_ref()
            .is_some_and(|(id, _, areas)| *id == key.0 && *areas == key.2);
        if same_view
            && self
                .made_at
                .is_some_and(|t| t.elapsed() < REFRESH_WHILE_READING)
        {
            return false;
        }
        self.key = Some(key);
        self.made_at = Some(std::time::Instant::now());
        self.target = Some(FeatureMatch::new(feature));
        self.rows = state
            .articles_about(feature)
            .into_iter()
            .filter_map(|(id, mentions)| {
                let a = &state.corpus.get(&id)?.article;
                Some(Row {
                    mentions,
                    title: a.title.clone(),
                    outlet: a.outlet.clone(),
                    date: a.date.clone(),
                    language: a.language.clone(),
                    id,
                })
            })
            .collect();
        self.languages = self
            .rows
            .iter()
            .filter_map(|r| r.language.clone())
            .collect();
        self.languages.sort();
        self.languages.dedup();
        self.excerpts.clear();
        self.summary.clear();
        self.summarised = 0;
        self.arrange(state);
        true
    }

    /// Filters and sorts the rows (when they or the controls change). Words
    /// are matched in titles and outlets here, in the texts by the library
    /// (see `state::word_filter`): until its answer to these words comes,
    /// in titles and outlets only.
    fn arrange(&mut self, state: &AppState) {
        let words: Vec<String> = filter_words(&self.filter)
            .into_iter()
            .map(fold_str)
            .collect();
        let answer = state.word_matches().filter(|m| m.query == self.filter);
        self.filtered_with = answer.map(|m| m.serial);
        let matches = |row: &Row| {
            if self.language.is_some() && row.language != self.language {
                return false;
            }
            if words.is_empty() {
                return true;
            }
            let mut title_and_outlet = fold_str(&row.title);
            title_and_outlet.push(' ');
            title_and_outlet.push_str(&fold_str(row.outlet.as_deref().unwrap_or("")));
            match answer {
                Some(answer) => answer.accepts(&row.id, &title_and_outlet),
                None => words.iter().all(|w| title_and_outlet.contains(w.as_str())),
            }
        };
        self.shown = (0..self.rows.len())
            .filter(|&i| matches(&self.rows[i]))
            .collect();
        let rows = &self.rows;
        let date = |i: usize| rows[i].date.as_deref().unwrap_or("");
        // Undated articles last either way; ties by title, then id, so the
        // order does not change from one frame (or run) to the next.
        let tie = |a: usize, b: usize| {
            rows[a]
                .title
                .cmp(&rows[b].title)
                .then_with(|| rows[a].id.cmp(&rows[b].id))
        };
        let undated = |i: usize| rows[i].date.is_none();
        let sort = self.sort;
        self.shown.sort_by(|&a, &b| {
            let order = match sort {
                Sort::Newest => (undated(a), std::cmp::Reverse(date(a)))
                    .cmp(&(undated(b), std::cmp::Reverse(date(b)))),
                Sort::Oldest => (undated(a), date(a)).cmp(&(undated(b), date(b))),
                Sort::Outlet => (rows[a].outlet.is_none(), &rows[a].outlet)
                    .cmp(&(rows[b].outlet.is_none(), &rows[b].outlet))
                    .then_with(|| date(b).cmp(date(a))),
                Sort::MostMentions => rows[b]
                    .mentions
                    .cmp(&rows[a].mentions)
                    .then_with(|| date(b).cmp(date(a))),
            };
            order.then_with(|| tie(a, b))
        });
    }

    /// An article's excerpts, worked out the first time it is shown.
    fn excerpts_of(
        &mut self,
        id: &Arc<str>,
        feature: &Feature,
        state: &AppState,
    ) -> Option<&ArticleExcerpts> {
        let target = self.target.as_ref()?;
        self.excerpts
            .entry(Arc::clone(id))
            .or_insert_with(|| {
                let analysed = state.corpus.get(id)?;
                article_excerpts(feature, target, analysed, &state.corpus).map(|(e, _)| e)
            })
            .as_ref()
    }

    /// Adds articles to the figures summary until this frame's budget is spent.
    fn summarise(&mut self, feature: &Feature, state: &AppState) {
        let Some(target) = &self.target else { return };
        let started = std::time::Instant::now();
        while self.summarised < self.rows.len() && started.elapsed() < SUMMARY_BUDGET {
            let row = &self.rows[self.summarised];
            self.summarised += 1;
            let Some(analysed) = state.corpus.get(&row.id) else {
                continue;
            };
            for f in excerpt_figures(feature, target, analysed) {
                if f.ordinal || f.vague {
                    continue;
                }
                let quantity = f.quantity().unwrap_or("(no unit)").to_owned();
                let entry = self
                    .summary
                    .entry((quantity, f.casualties))
                    .or_default()
                    .values
                    .entry(f.value.to_bits())
                    .or_insert_with(|| (f.value, Vec::new()));
                if !entry.1.contains(&row.title) {
                    entry.1.push(row.title.clone());
                }
            }
        }
    }
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
    let made_before = cache.key.clone();
    if !cache.refresh(feature, state) {
        ui.ctx().request_repaint_after(REFRESH_WHILE_READING);
    }
    let has_words = !filter_words(&cache.filter).is_empty();
    if has_words && cache.key != made_before {
        // The list was made again (more articles): the text index is asked again.
        commands.push(WordFilterCommand::Ask(cache.filter.clone()).into());
    }
    if let Some(answer) = state.word_matches()
        && answer.query == cache.filter
        && cache.filtered_with != Some(answer.serial)
    {
        cache.arrange(state);
    }
    let mentions: usize = cache.rows.iter().map(|r| r.mentions).sum();
    let articles = cache.rows.len();
    ui.heading(tr!(
        "dossier-heading",
        mentions = mentions,
        articles = articles
    ));
    if let Some(progress) = &state.progress {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!(
                "dossier-reading",
                done = progress.done,
                total = progress.total
            ));
        });
    }
    if cache.rows.is_empty() {
        if state.progress.is_none() {
            ui.label(RichText::new(tr!("dossier-empty")).weak());
        }
        return;
    }
    controls(ui, state, cache, commands);
    articles_list(ui, state, feature, cache, commands);
    cache.summarise(feature, state);
    figures_summary(ui, cache);
    if cache.summarised < cache.rows.len() {
        ui.ctx().request_repaint();
    }
}

fn controls(ui: &mut Ui, state: &AppState, cache: &mut DossierCache, commands: &mut Vec<Command>) {
    let mut changed = false;
    let mut words_changed = false;
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new("dossier-sort", tr!("dossier-order"))
            .selected_text(cache.sort.label())
            .show_ui(ui, |ui| {
                for sort in Sort::ALL {
                    changed |= ui
                        .selectable_value(&mut cache.sort, sort, sort.label())
                        .changed();
                }
            });
        let languages = cache.languages.clone();
        if !languages.is_empty() {
            egui::ComboBox::new("dossier-language", tr!("dossier-language"))
                .selected_text(
                    cache
                        .language
                        .clone()
                        .unwrap_or_else(|| tr!("dossier-all-languages")),
                )
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut cache.language, None, tr!("dossier-all-languages"))
                        .changed();
                    for l in languages {
                        let label = l.clone();
                        changed |= ui
                            .selectable_value(&mut cache.language, Some(l), label)
                            .changed();
                    }
                });
        }
        let label = ui.label(tr!("dossier-filter"));
        words_changed = ui
            .add(
                egui::TextEdit::singleline(&mut cache.filter)
                    .hint_text(tr!("dossier-filter-hint"))
                    .desired_width(140.0),
            )
            .labelled_by(label.id)
            .changed();
        let waiting = !filter_words(&cache.filter).is_empty()
            && state.word_matches().is_none_or(|m| m.query != cache.filter);
        if waiting {
            ui.spinner();
        }
    });
    if words_changed && !filter_words(&cache.filter).is_empty() {
        commands.push(WordFilterCommand::Ask(cache.filter.clone()).into());
    }
    if changed || words_changed {
        cache.arrange(state);
    }
    if cache.shown.len() < cache.rows.len() {
        ui.label(
            RichText::new(tr!(
                "dossier-shown",
                shown = cache.shown.len(),
                total = cache.rows.len()
            ))
            .weak(),
        );
    }
}

/// The articles, laid out only where the panel's scroll view shows them:
/// the others take their last measured (or an estimated) height.
fn articles_list(
    ui: &mut Ui,
    state: &AppState,
    feature: &Feature,
    cache: &mut DossierCache,
    commands: &mut Vec<Command>,
) {
    let visible = ui.clip_rect();
    let mut skipped = 0.0;
    for k in 0..cache.shown.len() {
        let row = &cache.rows[cache.shown[k]];
        let height = cache
            .heights
            .get(&row.id)
            .copied()
            .unwrap_or(ESTIMATED_ROW_HEIGHT);
        let top = ui.cursor().top() + skipped;
        if top + height < visible.top() || top > visible.bottom() {
            skipped += height;
            continue;
        }
        if skipped > 0.0 {
            ui.add_space(skipped);
            skipped = 0.0;
        }
        let id = Arc::clone(&row.id);
        let new = state
            .corpus
            .get(&id)
            .is_some_and(|a| state.is_new(&a.article));
        let Some(article) = cache.excerpts_of(&id, feature, state) else {
            continue;
        };
        let rect = ui
            .scope(|ui| article_card(ui, article, new, commands))
            .response
            .rect;
        cache
            .heights
            .insert(id, rect.height() + ui.spacing().item_spacing.y);
    }
    if skipped > 0.0 {
        ui.add_space(skipped);
    }
}

/// The marks of an excerpt: its places (those the gazetteer lacks apart)
/// and its figures.
fn excerpt_spans(excerpt: &crate::dossier::Excerpt) -> Vec<(usize, usize, Mark)> {
    excerpt
        .mentions
        .iter()
        .map(|m| {
            let mark = if m.via == Via::Near {
                Mark::Near
            } else {
                Mark::Mention
            };
            (m.start, m.end, mark)
        })
        .chain(
            excerpt
                .figures
                .iter()
                .map(|f| (f.figure.start, f.figure.end, Mark::Figure)),
        )
        .collect()
}

/// `new`: stored since the user's last visit.
fn article_card(ui: &mut Ui, article: &ArticleExcerpts, new: bool, commands: &mut Vec<Command>) {
    let font = FontId::proportional(13.5);
    let text_color = ui.visuals().text_color();
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if new {
            ui.label(
                RichText::new(tr!("dossier-new"))
                    .small()
                    .strong()
                    .color(egui::Color32::WHITE)
                    .background_color(crate::ui::style::NEW_MARK),
            )
            .on_hover_text(tr!("dossier-new-hint"));
        }
        ui.label(RichText::new(&article.title).strong());
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{} · {}",
                article
                    .outlet
                    .clone()
                    .unwrap_or_else(|| tr!("outlet-unknown")),
                article
                    .date
                    .clone()
                    .unwrap_or_else(|| tr!("article-date-unknown"))
            ))
            .weak(),
        );
        if ui
            .small_button(tr!("dossier-open-article"))
            .on_hover_text(tr!("dossier-open-article-hint"))
            .clicked()
        {
            commands.push(Command::ShowArticle(Some(article.article.clone())));
        }
        if let Some(url) = &article.url {
            ui.hyperlink_to(tr!("dossier-source"), url);
        }
    });
    for excerpt in &article.excerpts {
        let spans = excerpt_spans(excerpt);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            let mut job = highlighted(&excerpt.text, &spans, &font, text_color);
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        });
    }
    let figures: Vec<&FigureSpan> = article.excerpts.iter().flat_map(|e| &e.figures).collect();
    if figures.is_empty() {
        return;
    }
    Grid::new(("dossier-figures", &article.article))
        .num_columns(3)
        .striped(true)
        .max_col_width(150.0)
        .show(ui, |ui| {
            for f in &figures {
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
                    .on_hover_text(tr!("figure-value", value = f.figure.value));
                ui.label(f.figure.unit.as_deref().unwrap_or("—"));
                let (sources, details) = figure_sources(f);
                let cell = ui.add(egui::Label::new(RichText::new(sources).small()).wrap());
                if !details.is_empty() {
                    cell.on_hover_text(details);
                }
                ui.end_row();
            }
        });
    for (i, f) in figures.iter().enumerate() {
        // A change is reported on both ends: chart it once.
        if f.figure
            .change
            .is_some_and(|(from, _)| (from - f.figure.value).abs() < f64::EPSILON)
        {
            change_chart(ui, i, f);
        }
    }
}

/// Each quantity once, with its values and their number of sources; the
/// articles giving each value on demand.
fn figures_summary(ui: &mut Ui, cache: &DossierCache) {
    if cache.summary.is_empty() && cache.summarised >= cache.rows.len() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new(tr!("figures-title")).strong());
    if cache.summarised < cache.rows.len() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!(
                "figures-reading",
                done = cache.summarised,
                total = cache.rows.len()
            ));
        });
    }
    for ((quantity, toll), values) in &cache.summary {
        let mut ranked: Vec<&(f64, Vec<String>)> = values.values.values().collect();
        ranked.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.total_cmp(&b.0)));
        let head: Vec<String> = ranked
            .iter()
            .take(4)
            .map(|(v, titles)| format!("{v} ×{}", titles.len()))
            .collect();
        let more = if ranked.len() > 4 {
            format!(" {}", tr!("figures-values", count = ranked.len()))
        } else {
            String::new()
        };
        let title = format!(
            "{quantity}{}: {}{more}",
            if *toll {
                format!(" {}", tr!("figures-toll"))
            } else {
                String::new()
            },
            head.join(", ")
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("figures-summary", quantity, toll))
            .show(ui, |ui| {
                for (v, titles) in ranked.iter().take(50) {
                    let listed: Vec<String> = titles.iter().take(3).map(|t| short(t)).collect();
                    let rest = titles.len().saturating_sub(3);
                    ui.label(
                        RichText::new(format!(
                            "{v}: {}{}",
                            listed.join("; "),
                            if rest > 0 {
                                format!(" {}", tr!("figures-and-more", count = rest))
                            } else {
                                String::new()
                            }
                        ))
                        .small(),
                    )
                    .on_hover_text(titles.join("\n"));
                }
                if ranked.len() > 50 {
                    ui.label(
                        RichText::new(tr!("figure-and-more-values", count = ranked.len() - 50))
                            .small()
                            .weak(),
                    );
                }
            });
    }
}
