//! A name the text puts in or near a place it has found: "at Banibangou,
//! in the Tillabéri region", "près d'Anéfis, au sud de Kidal", "in
//! Intazayene, Bakorat and Wistane, villages of the Tillia department".

use super::tokens::{Reader, Token, in_word};
use super::words::{
    CUES, CUES_BEFORE_PARTICLE, FILLERS, HEADS, IN_WORDS, NEAR_WORDS, TOWN_WORDS, is_conjunction,
    is_particle, word_in,
};
use super::{Finder, PlaceMention};
use crate::geoparse::gazetteer::EntryKind;

/// Words between the comma and the named place: ", in Burkina Faso's
/// northern Seno province", ", localité située à une soixantaine de
/// kilomètres à l'est de".
const MAX_PHRASE_WORDS: usize = 12;
/// Chars before a place where the comma of [`MAX_PHRASE_WORDS`] may be.
const PHRASE_REACH: usize = 120;

impl Finder<'_> {
    /// "CUE Name, PHRASE anchor" (or a list of names: "in Intazayene,
    /// Bakorat and Wistane, villages of the Tillia department"): the names'
    /// char spans. A phrase with a town's word ("localité située à…", "a
    /// village near") needs no cue before the name.
    pub(super) fn beside(&self, anchor: usize) -> Vec<(usize, usize)> {
        let m = &self.mentions[anchor];
        // Most places have no comma shortly before them in their clause,
        // or none after a capitalised word, as a name is: both looked for
        // in chars, before any word is read.
        let from = m.start.saturating_sub(PHRASE_REACH);
        let comma = self.chars[from..m.start]
            .iter()
            .rev()
            .take_while(|&&c| !matches!(c, '.' | ';' | ':' | '\n' | '(' | ')'))
            .position(|&c| c == ',')
            .map(|back| m.start - 1 - back);
        let Some(comma) = comma else {
            return Vec::new();
        };
        let mut word_start = comma;
        while word_start > 0 && in_word(self.chars[word_start - 1]) {
            word_start -= 1;
        }
        if word_start == comma || !self.chars[word_start].is_uppercase() {
            return Vec::new();
        }
        let mut reader = self.backward(m.start);
        let Some(phrase) = self.phrase_before(&mut reader, m) else {
            return Vec::new();
        };
        // The names before the comma, last first.
        let Some((start, end, mut before)) = self.name_before(&mut reader) else {
            return Vec::new();
        };
        let mut names = vec![(start, end)];
        let mut conjunctions = 0;
        // The word before a particle that is no item's: "le contrôle de
        // Tansarga et de Logobou" reads "contrôle".
        let mut past_particle = None;
        loop {
            // An item's own particle: "et de Logobou", ", d'Arbinda", "et à Inatès".
            if self.is_item_particle(&before) {
                let token = reader.next_token();
                if token == Token::Comma || is_conjunction(&token) {
                    before = token;
                } else {
                    past_particle = Some(token);
                    break;
                }
            }
            if before != Token::Comma && !is_conjunction(&before) {
                break;
            }
            let mut token = reader.next_token();
            if is_conjunction(&before) {
                conjunctions += 1;
                if token == Token::Comma {
                    token = reader.next_token();
                }
            }
            // A town the parser found may be listed with them.
            before = match token {
                Token::Mention(i) if self.kind(i) == EntryKind::City => reader.next_token(),
                first @ Token::Word { .. } => match self.name_with(first, &mut reader) {
                    Some((start, end, b)) => {
                        names.push((start, end));
                        b
                    }
                    None => return Vec::new(),
                },
                _ => return Vec::new(),
            };
        }
        // Several names are a list only with one "and" or "et".
        if names.len() > 1 && conjunctions != 1 || conjunctions > 1 {
            return Vec::new();
        }
        let cue = match (&before, past_particle) {
            (token, _) if self.is_a_grave(token) => true,
            (token, Some(past)) if is_particle(token) => word_in(&past, CUES_BEFORE_PARTICLE),
            (token, _) => word_in(token, CUES),
        };
        if cue || phrase.town_word {
            names
        } else {
            Vec::new()
        }
    }

    /// "near Tesker in Zinder", "près de Tanzak dans le Soum": a name
    /// right before "in" and the place, after a word that only places
    /// ("near", not "at" or "from": "a reporter at Reuters in Dakar").
    pub(super) fn near_then_in(&self, anchor: usize) -> Option<(usize, usize)> {
        let m = &self.mentions[anchor];
        // Most places follow no "in": read in chars, before any word.
        let from = m.start.saturating_sub(10);
        let before: String = self.chars[from..m.start]
            .iter()
            .map(char::to_ascii_lowercase)
            .collect();
        let mut before = before.as_str();
        for article in ["l'", "le ", "la ", "les ", "the "] {
            if let Some(rest) = before.strip_suffix(article)
                && (article == "l'" || rest.ends_with(' ') || rest.is_empty())
            {
                before = rest;
                break;
            }
        }
        if !(before.ends_with(" in ") || before.ends_with(" dans ")) {
            return None;
        }
        let mut reader = self.backward(m.start);
        let mut token = reader.next_token();
        if word_in(&token, &["le", "la", "l'", "les", "the"]) {
            token = reader.next_token();
        }
        if !word_in(&token, IN_WORDS) {
            return None;
        }
        let (start, end, before) = self.name_before(&mut reader)?;
        let cue = word_in(&before, &["near", "around", "outside"])
            || is_particle(&before)
                && word_in(
                    &reader.next_token(),
                    &["pres", "autour", "environs", "abords", "alentours"],
                );
        cue.then_some((start, end))
    }

    /// The phrase between a comma and the place `m`, read backwards by
    /// `reader` up to and with the comma, if it puts a place in or near
    /// `m`: ", in the Tillabéri region", ", au sud de Kidal", ", villages
    /// of the Tillia department".
    fn phrase_before(&self, reader: &mut Reader<'_>, m: &PlaceMention) -> Option<Phrase> {
        let (mut near, mut inside, mut of, mut head) = (false, false, false, false);
        let mut town_word = false;
        let mut words = 0;
        loop {
            let token = reader.next_token();
            match &token {
                Token::Comma => break,
                Token::Apostrophe => {}
                Token::Mention(i) if self.kind(*i) == EntryKind::Country => {}
                Token::Word { folded, .. } => {
                    let w = folded.as_str();
                    if NEAR_WORDS.contains(&w) {
                        near = true;
                    } else if IN_WORDS.contains(&w) {
                        inside = true;
                    } else if TOWN_WORDS.contains(&w) {
                        town_word = true;
                    } else if HEADS.contains(&w) {
                        head = true;
                    } else if matches!(w, "of" | "de" | "du" | "des" | "d'") {
                        of = true;
                    } else if !FILLERS.contains(&w) && !w.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                }
                _ => return None,
            }
            words += 1;
            if words > MAX_PHRASE_WORDS {
                return None;
            }
        }
        // "in the Tillabéri region": the head may follow the place.
        head = head || word_in(&self.forward(m.end).next_token(), HEADS);
        let placed = near || (inside || of) && (head || town_word);
        placed.then_some(Phrase { town_word })
    }
}

/// What a phrase that places a name says besides.
struct Phrase {
    /// It calls the name a town or a village: "localité", "a village".
    town_word: bool,
}
