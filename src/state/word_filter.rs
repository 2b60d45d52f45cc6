//! The dossier's word filter, answered by the library from the store's
//! full-text index: each word typed gives the articles whose text has a word
//! starting with it. The UI thread then only checks titles and outlets and
//! looks names up in sets; it never reads the articles' texts (a dossier of
//! Mali at 10,000 articles is thousands of them).

use std::collections::HashSet;
use std::sync::Arc;

use super::{AppState, Command};
pub use crate::corpus::search::filter_words;
use crate::text::fold::fold_str;

/// What the dossier's filter does.
#[derive(Debug)]
pub enum WordFilterCommand {
    /// The words typed (asked of the library after the frame).
    Ask(String),
    /// The library's answer to question `serial`: per word, the articles
    /// (short names) whose text has it.
    Answer {
        serial: u64,
        query: String,
        words: Vec<(String, Vec<String>)>,
    },
}

/// An answer: per word (folded), the articles whose text has it.
#[derive(Debug)]
pub struct WordMatches {
    pub query: String,
    pub words: Vec<(String, HashSet<Arc<str>>)>,
    /// Bumped per answer, so a dossier knows to filter again.
    pub serial: u64,
}

impl WordMatches {
    /// Whether an article (by title, outlet and id) has every word: in its
    /// title or outlet (any case or accents), or in its text.
    #[must_use]
    pub fn accepts(&self, id: &str, title_and_outlet_folded: &str) -> bool {
        self.words
            .iter()
            .all(|(word, ids)| title_and_outlet_folded.contains(word.as_str()) || ids.contains(id))
    }
}

/// The filter's state.
#[derive(Debug, Default)]
pub struct WordFilter {
    serial: u64,
    request: Option<(String, u64)>,
    answer: Option<WordMatches>,
}

impl AppState {
    /// The last answer to the dossier's filter.
    #[must_use]
    pub fn word_matches(&self) -> Option<&WordMatches> {
        self.word_filter.answer.as_ref()
    }

    /// The filter's question for the library, once (UI glue).
    pub fn take_word_filter_request(&mut self) -> Option<(String, u64)> {
        self.word_filter.request.take()
    }

    pub(super) fn apply_word_filter(&mut self, command: WordFilterCommand) {
        let filter = &mut self.word_filter;
        match command {
            WordFilterCommand::Ask(typed) => {
                filter.serial += 1;
                filter.request = Some((typed, filter.serial));
            }
            WordFilterCommand::Answer {
                serial,
                query,
                words,
            } => {
                // An answer to an older question is of no use.
                if serial != filter.serial {
                    return;
                }
                let words = words
                    .into_iter()
                    .map(|(word, names)| {
                        (fold_str(&word), names.into_iter().map(Arc::from).collect())
                    })
                    .collect();
                filter.answer = Some(WordMatches {
                    query,
                    words,
                    serial,
                });
            }
        }
    }
}

impl From<WordFilterCommand> for Command {
    fn from(command: WordFilterCommand) -> Self {
        Self::WordFilter(command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_answer_is_kept_and_words_match_title_outlet_or_text() {
        let atlas = crate::atlas::Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut state = AppState::new(atlas, None);
        state.apply(WordFilterCommand::Ask("ména".into()).into());
        let first = state.take_word_filter_request().map_or(0, |(_, s)| s);
        state.apply(WordFilterCommand::Ask("ménaka rfi".into()).into());
        let second = state.take_word_filter_request().map_or(0, |(_, s)| s);
        state.apply(
            WordFilterCommand::Answer {
                serial: first,
                query: "ména".into(),
                words: vec![("ména".into(), vec!["a.txt".into()])],
            }
            .into(),
        );
        assert!(state.word_matches().is_none(), "an older answer is dropped");
        state.apply(
            WordFilterCommand::Answer {
                serial: second,
                query: "ménaka rfi".into(),
                words: vec![
                    ("Ménaka".into(), vec!["a.txt".into(), "b.txt".into()]),
                    ("rfi".into(), vec![]),
                ],
            }
            .into(),
        );
        let m = state.word_matches().unwrap_or_else(|| panic!("an answer"));
        assert!(m.accepts("a.txt", &fold_str("Attaque · RFI")));
        assert!(
            !m.accepts("b.txt", &fold_str("Attack · Reuters")),
            "rfi is nowhere"
        );
        assert!(
            m.accepts("c.txt", &fold_str("À Ménaka · RFI")),
            "both words in title and outlet"
        );
        assert_eq!(
            filter_words(" Ménaka, l'attaque "),
            ["Ménaka", "l", "attaque"]
        );
    }
}
