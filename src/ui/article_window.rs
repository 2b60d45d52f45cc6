//! An article in full, every recognised place and figure highlighted; a click
//! on a place selects it on the map.

use crate::tr;
use egui::{Context, RichText, Ui};

use crate::dossier::analysis::AnalysedArticle;
use crate::state::{AppState, Command};
use crate::ui::dossier_view::{FIGURE_BG, MENTION_BG, UNCERTAIN_BG};

enum Piece<'a> {
    Plain(String),
    Place(&'a crate::geoparse::PlaceMention),
    Figure(&'a crate::figures::Figure),
}

/// The body cut into plain text, places and figures, per paragraph.
fn paragraphs(analysed: &AnalysedArticle) -> Vec<Vec<Piece<'_>>> {
    let chars: Vec<char> = analysed.article.body.chars().collect();
    let mut marks: Vec<(usize, usize, Piece<'_>)> = analysed
        .places
        .iter()
        .map(|p| (p.start, p.end, Piece::Place(p)))
        .chain(
            analysed
                .figures
                .iter()
                .map(|f| (f.start, f.end, Piece::Figure(f))),
        )
        .collect();
    marks.sort_by_key(|m| m.0);
    let mut out = vec![Vec::new()];
    let push_plain = |out: &mut Vec<Vec<Piece<'_>>>, from: usize, to: usize| {
        let text: String = chars[from..to].iter().collect();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Vec::new());
            }
            if !line.is_empty()
                && let Some(p) = out.last_mut()
            {
                p.push(Piece::Plain(line.to_owned()));
            }
        }
    };
    let mut cursor = 0;
    for (start, end, piece) in marks {
        if start < cursor || end > chars.len() {
            continue;
        }
        push_plain(&mut out, cursor, start);
        if let Some(p) = out.last_mut() {
            p.push(piece);
        }
        cursor = end;
    }
    push_plain(&mut out, cursor, chars.len());
    out.retain(|p| !p.is_empty());
    out
}

/// The right-click menu of a mention: the other places of its name, "not a
/// place", and undo. The alternatives are looked up only while it is open.
fn correction_menu(
    ui: &mut Ui,
    state: &AppState,
    article: &str,
    mention: &crate::geoparse::PlaceMention,
    commands: &mut Vec<Command>,
) {
    use crate::state::corrections::CorrectionCommand;
    ui.label(RichText::new(tr!("article-correct-title", words = &*mention.surface)).strong());
    let correct = |place| CorrectionCommand::correct(article, mention, place);
    let others = state
        .gazetteer
        .as_deref()
        .map(|g| crate::geoparse::alternatives::alternatives(g, mention))
        .unwrap_or_default();
    if others.is_empty() {
        ui.label(RichText::new(tr!("article-no-alternative")).weak());
    }
    for other in others {
        let words = format!(
            "{} — {}{}",
            other.name,
            kind_label(other.kind),
            other
                .country
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        );
        if ui.button(words).clicked() {
            commands.push(correct(Some(other)).into());
            ui.close();
        }
    }
    // A place the gazetteer lacks has no namesakes to choose from: the user
    // may keep it where the parser put it, which then counts as theirs.
    if mention.unlisted
        && !mention.corrected
        && ui
            .button(tr!("article-keep-near", place = &*mention.name))
            .clicked()
    {
        commands.push(correct(Some(mention.clone())).into());
        ui.close();
    }
    ui.separator();
    if ui.button(tr!("article-not-a-place")).clicked() {
        commands.push(correct(None).into());
        ui.close();
    }
    if ui
        .add_enabled(
            state.can_undo_correction(),
            egui::Button::new(tr!("menu-undo-correction")),
        )
        .clicked()
    {
        commands.push(CorrectionCommand::Undo.into());
        ui.close();
    }
}

/// A mention's kind in the interface's words.
fn kind_label(kind: crate::geoparse::MentionKind) -> String {
    use crate::atlas::FeatureKind;
    use crate::geoparse::MentionKind;
    match kind {
        MentionKind::City => FeatureKind::City.label(),
        MentionKind::Facility => tr!("mention-kind-facility"),
        MentionKind::Region => FeatureKind::Region.label(),
        MentionKind::Country => FeatureKind::Country.label(),
        MentionKind::Zone => FeatureKind::Zone.label(),
        MentionKind::Other => tr!("mention-kind-other"),
    }
}

fn body(ui: &mut Ui, state: &AppState, analysed: &AnalysedArticle, commands: &mut Vec<Command>) {
    for paragraph in paragraphs(analysed) {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for piece in paragraph {
                match piece {
                    Piece::Plain(text) => {
                        ui.label(text);
                    }
                    Piece::Place(p) => {
                        let feature = state.atlas.named_by(&p.gazetteer);
                        let mut hover = format!(
                            "{} ({}, {}) — {:.4}° N, {:.4}° E",
                            p.name,
                            p.kind,
                            p.country.as_deref().unwrap_or("—"),
                            p.lat,
                            p.lon
                        );
                        if p.corrected {
                            hover = format!("{hover}\n{}", tr!("mention-corrected"));
                            // Kept near the place it was put at: still one
                            // the gazetteer lacks.
                            if p.unlisted {
                                let near = tr!("mention-unlisted-kept", name = &*p.name);
                                hover = format!("{near}\n{hover}");
                            }
                        }
                        hover = format!("{hover}\n{}", tr!("article-correct-hint"));
                        // A doubtful reading is marked, and says how sure.
                        let text = if p.is_uncertain() {
                            // A place the gazetteer lacks says so: it is
                            // only put near the place it is shown at.
                            let percent = format!("{:.0}", p.confidence * 100.0);
                            let doubt = if p.unlisted {
                                tr!("mention-unlisted", name = &*p.name, percent = percent)
                            } else {
                                tr!("mention-uncertain", name = &*p.name, percent = percent)
                            };
                            hover = format!("{doubt}\n{hover}");
                            RichText::new(&*p.surface)
                                .background_color(UNCERTAIN_BG)
                                .underline()
                        } else {
                            RichText::new(&*p.surface).background_color(MENTION_BG)
                        };
                        let response = match feature {
                            Some(f) => {
                                let response = ui.link(text).on_hover_text(format!(
                                    "{hover}\n{}",
                                    tr!("article-click-place")
                                ));
                                if response.clicked() {
                                    commands.push(Command::Select(Some(f.id.clone())));
                                    commands.push(Command::ZoomTo(f.id.clone()));
                                }
                                response
                            }
                            None => ui
                                .add(egui::Label::new(text).sense(egui::Sense::click()))
                                .on_hover_text(hover),
                        };
                        response.context_menu(|ui| {
                            correction_menu(ui, state, &analysed.article.id, p, commands);
                        });
                    }
                    Piece::Figure(f) => {
                        let what = f.unit.as_deref().unwrap_or("");
                        ui.label(RichText::new(&*f.surface).background_color(FIGURE_BG))
                            .on_hover_text(format!("{} {what}", f.value));
                    }
                }
            }
        });
        ui.add_space(6.0);
    }
}

pub fn show(ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
    let Some(id) = &state.article_shown else {
        return;
    };
    let Some(analysed) = state.corpus.get(id) else {
        return;
    };
    let mut open = true;
    egui::Window::new(RichText::new(&analysed.article.title).strong())
        .id(egui::Id::unique("article-window"))
        .open(&mut open)
        .default_size([560.0, 520.0])
        .resizable(true)
        .show(ctx, |ui| {
            let a = &analysed.article;
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    a.outlet_or_unknown(),
                    a.date
                        .clone()
                        .unwrap_or_else(|| tr!("article-date-unknown"))
                ))
                .weak(),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(tr!(
                        "article-found",
                        places = analysed.places.len(),
                        figures = analysed.figures.len()
                    ))
                    .small(),
                );
                if ui
                    .small_button(tr!("article-remove"))
                    .on_hover_text(tr!("article-remove-hint"))
                    .clicked()
                {
                    commands.push(Command::RemoveArticle(a.id.clone()));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| body(ui, state, analysed, commands));
        });
    if !open {
        commands.push(Command::ShowArticle(None));
    }
}
