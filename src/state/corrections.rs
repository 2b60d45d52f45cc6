//! The user's corrections of the geoparser, from the article window: a
//! mention placed at another place of the same name, or its words marked as
//! no place. The article's analysis is changed in the corpus (its badges
//! recounted: work in proportion to the article) and the correction sent
//! to the library to store, where it wins at every later start. Undoable.

use super::{AppState, Command};
use crate::corpus::corrections::{Correction, apply};
use crate::geoparse::PlaceMention;
use crate::tr;

/// What the article window asks.
#[derive(Debug, Clone)]
pub enum CorrectionCommand {
    /// The words of a mention name another place, or none.
    Correct(Box<MentionCorrection>),
    /// Takes the last correction back.
    Undo,
}

/// The words of `mention` in article `article` (its id) name `place`
/// (`None`: no place).
#[derive(Debug, Clone)]
pub struct MentionCorrection {
    pub article: String,
    pub mention: PlaceMention,
    pub place: Option<PlaceMention>,
}

impl CorrectionCommand {
    /// [`CorrectionCommand::Correct`] from its parts.
    #[must_use]
    pub fn correct(article: &str, mention: &PlaceMention, place: Option<PlaceMention>) -> Self {
        Self::Correct(Box::new(MentionCorrection {
            article: article.to_owned(),
            mention: mention.clone(),
            place,
        }))
    }
}

/// The mention a correction replaced (`None`: there was none).
struct Replaced(Option<PlaceMention>);

/// What undoing a correction puts back.
#[derive(Debug)]
struct Undo {
    article: String,
    start: usize,
    end: usize,
    /// The mention of those words before (`None`: there was none).
    before: Option<PlaceMention>,
}

/// The corrections made in this window, for undo.
#[derive(Debug, Default)]
pub struct Corrections {
    undo: Vec<Undo>,
}

impl From<CorrectionCommand> for Command {
    fn from(command: CorrectionCommand) -> Self {
        Self::Correction(command)
    }
}

impl AppState {
    /// Whether a correction can be taken back.
    #[must_use]
    pub fn can_undo_correction(&self) -> bool {
        !self.corrections.undo.is_empty()
    }

    pub(super) fn apply_correction(&mut self, command: CorrectionCommand) {
        match command {
            CorrectionCommand::Correct(asked) => {
                let MentionCorrection {
                    article,
                    mention,
                    place,
                } = *asked;
                let correction = Correction::of(&mention, place);
                let Some(Replaced(before)) = self.correct_in_corpus(&article, &correction) else {
                    return;
                };
                self.status = Some(match &correction.place {
                    Some(p) => tr!(
                        "correction-placed",
                        words = &*mention.surface,
                        place = place_words(p)
                    ),
                    None => tr!("correction-not-a-place", words = &*mention.surface),
                });
                self.corrections.undo.push(Undo {
                    article: article.clone(),
                    start: correction.start,
                    end: correction.end,
                    before,
                });
                self.library_jobs.push(crate::library::Job::Correct {
                    article,
                    correction,
                });
            }
            CorrectionCommand::Undo => {
                let Some(undo) = self.corrections.undo.pop() else {
                    return;
                };
                let back = Correction {
                    start: undo.start,
                    end: undo.end,
                    place: undo.before.clone(),
                };
                if self.correct_in_corpus(&undo.article, &back).is_none() {
                    return;
                }
                self.status = Some(tr!("correction-undone"));
                // A reading the user had made stays theirs; the parser's
                // own reading needs no row.
                let job = match undo.before {
                    Some(before) if before.corrected => crate::library::Job::Correct {
                        article: undo.article,
                        correction: back,
                    },
                    _ => crate::library::Job::Uncorrect {
                        article: undo.article,
                        start: undo.start,
                        end: undo.end,
                    },
                };
                self.library_jobs.push(job);
            }
        }
    }

    /// Applies `correction` to the article's analysis in the corpus and
    /// recounts its badges; the mention it replaced, or `None` if the
    /// article is gone.
    fn correct_in_corpus(&mut self, article: &str, correction: &Correction) -> Option<Replaced> {
        let analysed = self.corpus.get(article)?;
        let before = analysed
            .places
            .iter()
            .find(|m| m.start == correction.start && m.end == correction.end)
            .cloned();
        let mut changed = analysed.clone();
        apply(&mut changed.places, std::slice::from_ref(correction));
        // Replaces the article: its old counts go, the new ones come.
        self.add_article(changed);
        Some(Replaced(before))
    }
}

/// "Ménaka (ML)", as a status line names a place.
fn place_words(place: &PlaceMention) -> String {
    match &place.country {
        Some(country) => format!("{} ({country})", place.name),
        None => place.name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::alternatives::alternatives;

    /// The window's state with the embedded reports analysed.
    fn state_with_reports() -> AppState {
        crate::state::tests::state_with_seeds()
    }

    #[test]
    fn a_correction_moves_the_badge_is_sent_to_the_store_and_undoes() {
        let mut state = state_with_reports();
        let gazetteer = state
            .gazetteer
            .clone()
            .unwrap_or_else(|| panic!("gazetteer"));
        let (article, mention) = state
            .corpus
            .articles()
            .iter()
            .find_map(|a| {
                let m = a.places.iter().find(|m| &*m.gazetteer == "iso:ML")?;
                Some((a.article.id.clone(), m.clone()))
            })
            .unwrap_or_else(|| panic!("a report naming Mali"));
        let mali = crate::atlas::FeatureId("country:ML".into());
        let count = |state: &AppState, id| state.mention_counts().get(id).copied().unwrap_or(0);
        let before = count(&state, &mali);
        // Not a place: Mali loses one mention.
        state.take_library_jobs();
        state.apply(CorrectionCommand::correct(&article, &mention, None).into());
        assert_eq!(count(&state, &mali), before - 1);
        let jobs = state.take_library_jobs();
        assert!(
            matches!(&jobs[..], [crate::library::Job::Correct { correction, .. }] if correction.place.is_none()),
            "{jobs:?}"
        );
        // Undo: the parser's reading is back, and the store forgets.
        state.apply(CorrectionCommand::Undo.into());
        assert_eq!(count(&state, &mali), before);
        assert!(matches!(
            &state.take_library_jobs()[..],
            [crate::library::Job::Uncorrect { .. }]
        ));
        assert!(!state.can_undo_correction());
        // Another place of the name: the mention counts there, marked as the user's.
        let elsewhere = alternatives(&gazetteer, &mention);
        let Some(other) = elsewhere.first().cloned() else {
            panic!("Mali has no namesake")
        };
        state.apply(CorrectionCommand::correct(&article, &mention, Some(other.clone())).into());
        assert_eq!(count(&state, &mali), before - 1);
        let corrected = state
            .corpus
            .get(&article)
            .and_then(|a| a.places.iter().find(|m| m.gazetteer == other.gazetteer))
            .unwrap_or_else(|| panic!("the chosen place"));
        assert!(corrected.corrected);
    }
}
