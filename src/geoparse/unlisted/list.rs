//! A name in a list of towns the parser found: "dont Léré, Niono et
//! Diafarabé", "venus d'Arbinda, de Diguel et de Baraboulé", "Djibo à
//! Namssiguia et à Arbinda". Each is put at the nearest town of the list.

use super::tokens::{Token, is_apostrophe, is_space};
use super::words::{CUES_BEFORE_PARTICLE, LIST_CUES, is_conjunction, is_particle, word_in};
use super::{CONFIDENCE_IN_LIST, Finder, MAX_NAME_WORDS, Placement};
use crate::geoparse::gazetteer::EntryKind;

/// Tokens read each way around a town for a list it is part of.
const LIST_REACH: usize = 24;

impl Finder<'_> {
    /// The names the gazetteer lacks in a list of towns with `anchor`:
    /// "dont Léré, Niono et Diafarabé". Each is placed at the nearest town
    /// of the list; this returns those nearest to `anchor` (the list is
    /// read again from each of its towns).
    pub(super) fn listed_with(&self, anchor: usize) -> Vec<(usize, usize, Placement)> {
        if self.kind(anchor) != EntryKind::City || !self.beside_separator(anchor) {
            return Vec::new();
        }
        let (tokens, at) = self.window(anchor);
        let Some(items) = self.list_around(&tokens, at) else {
            return Vec::new();
        };
        let nearest_town = |i: usize| {
            items
                .iter()
                .enumerate()
                .filter(|(_, item)| item.mention.is_some())
                .min_by_key(|&(j, _)| (i.abs_diff(j), j))
                .and_then(|(_, item)| item.mention)
        };
        items
            .iter()
            .enumerate()
            .filter(|&(i, item)| item.mention.is_none() && nearest_town(i) == Some(anchor))
            .map(|(_, item)| {
                (
                    item.start,
                    item.end,
                    Placement {
                        anchor,
                        confidence: CONFIDENCE_IN_LIST,
                    },
                )
            })
            .collect()
    }

    /// A comma or a conjunction just before or after a mention (maybe
    /// before its particle): it may be in a list. Most places are not,
    /// and this is read in chars, before any word is folded.
    fn beside_separator(&self, anchor: usize) -> bool {
        let (chars, m) = (self.chars, &self.mentions[anchor]);
        let is = |word: &[char], words: &[&str]| {
            words.iter().any(|w| {
                w.chars().count() == word.len()
                    && w.chars()
                        .zip(word)
                        .all(|(a, b)| b.to_ascii_lowercase() == a)
            })
        };
        let mut i = m.end;
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        let from = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        if chars.get(from) == Some(&',') || is(&chars[from..i], &["et", "and", "ou", "or"]) {
            return true;
        }
        // Backwards, past one particle ("et de Baraboulé", "et d'Arbinda").
        let mut i = m.start;
        for _ in 0..2 {
            while i > 0 && is_space(chars[i - 1]) {
                i -= 1;
            }
            if i > 0 && chars[i - 1] == ',' {
                return true;
            }
            let to = if i > 0 && is_apostrophe(chars[i - 1]) {
                i - 1
            } else {
                i
            };
            let mut from = to;
            while from > 0 && chars[from - 1].is_alphabetic() {
                from -= 1;
            }
            let word = &chars[from..to];
            if is(word, &["et", "and", "ou", "or"]) {
                return true;
            }
            if !is(word, &["de", "du", "des", "of", "d", "à", "À"]) {
                return false;
            }
            i = from;
        }
        false
    }

    /// The tokens around a mention in text order, as far as a list may
    /// reach each way (and the word before it), within the sentence and
    /// [`LIST_REACH`]; and the mention's index among them.
    fn window(&self, anchor: usize) -> (Vec<Token>, usize) {
        let m = &self.mentions[anchor];
        let in_list = |t: &Token| {
            matches!(t, Token::Comma | Token::Mention(_))
                || is_conjunction(t)
                || self.is_item_particle(t)
                || self.is_name_word(t)
        };
        let mut tokens = Vec::new();
        let mut reader = self.backward(m.start);
        while tokens.len() < LIST_REACH {
            let token = reader.next_token();
            if token == Token::Stop {
                break;
            }
            let last = !in_list(&token);
            tokens.push(token);
            if last {
                break;
            }
        }
        tokens.reverse();
        let at = tokens.len();
        tokens.push(Token::Mention(anchor));
        let mut reader = self.forward(m.end);
        for _ in 0..LIST_REACH {
            let token = reader.next_token();
            if !in_list(&token) {
                break;
            }
            tokens.push(token);
        }
        (tokens, at)
    }

    /// The list of towns and names `tokens[at]` belongs to, in text order:
    /// items joined by commas, the last two by "et", "and", "ou" or "or",
    /// each maybe after "de" ("d'Arbinda, de Diguel et de Baraboulé"), the
    /// whole after a word that introduces places. `None` if there is no
    /// such list, or it holds other places than towns (a list of
    /// countries is not one of villages).
    fn list_around(&self, tokens: &[Token], at: usize) -> Option<Vec<Item>> {
        let anchor = at_mention(&tokens[at])?;
        let own_particle = at > 0 && self.is_item_particle(&tokens[at - 1]);
        let mut items = vec![self.item_of(anchor, if own_particle { at - 1 } else { at })];
        let mut conjunctions = 0;
        // Leftwards: a separator, then an item ending before it.
        let mut first = items[0].first;
        loop {
            let mut p = first;
            let conjunction = match p.checked_sub(1).map(|i| &tokens[i]) {
                Some(Token::Comma) => false,
                Some(t) if is_conjunction(t) => true,
                _ => break,
            };
            p -= 1;
            if conjunction && p > 0 && tokens[p - 1] == Token::Comma {
                p -= 1;
            }
            if conjunction && conjunctions > 0 {
                break;
            }
            match self.item_ending(tokens, p)? {
                Some(item) => {
                    conjunctions += usize::from(conjunction);
                    first = item.first;
                    items.insert(0, item);
                }
                None => break,
            }
        }
        // Rightwards: a separator, then an item starting after it; the
        // item after the conjunction is the last.
        let mut last = at + 1;
        while conjunctions == 0 {
            let mut p = last;
            let conjunction = match tokens.get(p) {
                Some(Token::Comma) => {
                    p += 1;
                    if tokens.get(p).is_some_and(is_conjunction) {
                        p += 1;
                        true
                    } else {
                        false
                    }
                }
                Some(t) if is_conjunction(t) => {
                    p += 1;
                    true
                }
                _ => break,
            };
            match self.item_starting(tokens, p)? {
                Some((item, next)) => {
                    conjunctions += usize::from(conjunction);
                    last = next;
                    items.push(item);
                }
                None => break,
            }
        }
        let unknown = items.iter().any(|i| i.mention.is_none());
        (conjunctions == 1 && unknown && self.introduces_list(tokens, first)).then_some(items)
    }

    /// The item whose last token is `tokens[end - 1]`: `Some(None)` if
    /// there is none, `None` if it is a place other than a town.
    #[allow(clippy::option_option, reason = "no item, or no list at all")]
    fn item_ending(&self, tokens: &[Token], end: usize) -> Option<Option<Item>> {
        let Some(last) = end.checked_sub(1) else {
            return Some(None);
        };
        if let Token::Mention(i) = tokens[last] {
            if self.kind(i) != EntryKind::City {
                return None;
            }
            let first = if last > 0 && self.is_item_particle(&tokens[last - 1]) {
                last - 1
            } else {
                last
            };
            return Some(Some(self.item_of(i, first)));
        }
        let mut first = end;
        while first > 0 && self.is_name_word(&tokens[first - 1]) && end - first < MAX_NAME_WORDS {
            first -= 1;
        }
        if first == end || (first > 0 && self.is_name_word(&tokens[first - 1])) {
            return Some(None);
        }
        let Some((start, stop)) = self.name_span(&tokens[first..end]) else {
            return Some(None);
        };
        if first > 0 && self.is_item_particle(&tokens[first - 1]) {
            first -= 1;
        }
        Some(Some(Item {
            first,
            start,
            end: stop,
            mention: None,
        }))
    }

    /// The item whose first token (after a particle) is `tokens[start]`,
    /// and the index after it; as [`Self::item_ending`].
    #[allow(clippy::option_option, reason = "no item, or no list at all")]
    fn item_starting(&self, tokens: &[Token], start: usize) -> Option<Option<(Item, usize)>> {
        let first = start;
        let start = if tokens.get(start).is_some_and(|t| self.is_item_particle(t)) {
            start + 1
        } else {
            start
        };
        match tokens.get(start) {
            Some(&Token::Mention(i)) => {
                if self.kind(i) != EntryKind::City {
                    return None;
                }
                Some(Some((self.item_of(i, first), start + 1)))
            }
            Some(_) => {
                let mut end = start;
                while end < tokens.len() && self.is_name_word(&tokens[end]) {
                    end += 1;
                }
                if end == start || end - start > MAX_NAME_WORDS {
                    return Some(None);
                }
                Some(self.name_span(&tokens[start..end]).map(|(s, e)| {
                    (
                        Item {
                            first,
                            start: s,
                            end: e,
                            mention: None,
                        },
                        end,
                    )
                }))
            }
            None => Some(None),
        }
    }

    fn item_of(&self, mention: usize, first: usize) -> Item {
        let m = &self.mentions[mention];
        Item {
            first,
            start: m.start,
            end: m.end,
            mention: Some(mention),
        }
    }

    /// A word that introduces places comes before the list's first item
    /// (`tokens[first]`): "dont", "including", "à", "venus de".
    fn introduces_list(&self, tokens: &[Token], first: usize) -> bool {
        let Some(before) = first.checked_sub(1) else {
            return false;
        };
        let token = &tokens[before];
        // "relient Djibo à Namssiguia et à Arbinda": "à" is the cue.
        if tokens.get(first).is_some_and(|t| self.is_a_grave(t)) {
            return true;
        }
        let after_particle = tokens.get(first).is_some_and(is_particle);
        match token {
            t if self.is_a_grave(t) => true,
            t if after_particle => word_in(t, CUES_BEFORE_PARTICLE) || word_in(t, LIST_CUES),
            t if word_in(t, LIST_CUES) => true,
            t if is_particle(t) => before
                .checked_sub(1)
                .is_some_and(|i| word_in(&tokens[i], CUES_BEFORE_PARTICLE)),
            _ => false,
        }
    }
}

/// One item of a list of places.
struct Item {
    /// Its first token (its particle, if any).
    first: usize,
    /// Its words' char span.
    start: usize,
    end: usize,
    /// The mention, for a town the parser found.
    mention: Option<usize>,
}

fn at_mention(token: &Token) -> Option<usize> {
    match token {
        Token::Mention(i) => Some(*i),
        _ => None,
    }
}
