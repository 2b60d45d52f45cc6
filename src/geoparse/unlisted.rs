//! Places the gazetteer lacks, found by how the text places them, and put
//! at the named place the text puts them in or near.
//!
//! The war's villages and camps are below GeoNames' 1,000-person floor
//! (Inatès, Seytenga, Diafarabé), and no published source lists them. News
//! place them as they name them, and so does this rule:
//! - **in or near a named place**: "at Banibangou, in the Tillabéri region",
//!   "près d'Anéfis, au sud de Kidal", "around Ber, near Timbuktu";
//! - **among towns**: "dont Léré, Niono et Diafarabé", "venus d'Arbinda,
//!   de Diguel et de Baraboulé";
//! - **again**, once placed: "The attack on Seytenga".
//!
//! Such a mention is `unlisted`. It is placed at the named place (its
//! point and its entry, so that that place's dossier holds the report)
//! with a low confidence: the window marks it as placed in doubt, and the
//! user can correct it.
//!
//! Invariants: an unlisted mention overlaps no other mention; its words are
//! capitalised, none of them a common word, a title or a calendar word, nor
//! alone a given name; a word that introduces a place comes before it ("at",
//! "à", "près de", "the village of").

use std::sync::Arc;

use rustc_hash::FxHashSet as HashSet;
use smol_str::SmolStr;

use super::PlaceMention;
use super::gazetteer::{EntryKind, Gazetteer};
use crate::text::calendar::is_calendar_word;
use crate::text::fold::fold_str;
use crate::text::prepared::PreparedText;

/// How sure a place put beside a named one is: it may be tens of
/// kilometres away, so it is always marked as in doubt.
const CONFIDENCE_BESIDE: f32 = 0.5;
/// A place in a list of towns is placed at the nearest of them.
const CONFIDENCE_IN_LIST: f32 = 0.4;

/// The longest name read (words): longer runs of capitals are titles.
const MAX_NAME_WORDS: usize = 3;
/// Words between the comma and the named place: ", in Burkina Faso's
/// northern Seno province", ", localité située à une soixantaine de
/// kilomètres à l'est de".
const MAX_PHRASE_WORDS: usize = 12;
/// Chars before a place where the comma of [`MAX_PHRASE_WORDS`] may be.
const PHRASE_REACH: usize = 120;
/// Tokens read each way around a town for a list it is part of.
const LIST_REACH: usize = 24;

/// A word, a comma, a name the parser found, or anything else (which ends
/// the phrase being read).
#[derive(Clone, Debug, PartialEq)]
enum Token {
    /// Folded; `start..end` in chars. An elided particle ("d'", "l'") is
    /// one word, with its apostrophe.
    Word {
        folded: SmolStr,
        start: usize,
        end: usize,
    },
    Comma,
    /// A possessive's apostrophe ("Mali's").
    Apostrophe,
    /// The index of a mention the parser found.
    Mention(usize),
    Stop,
}

/// Reads a text's tokens outwards from a position, one way, within its
/// line.
struct Reader<'a> {
    chars: &'a [char],
    mentions: &'a [PlaceMention],
    at: usize,
    forward: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// French elided particles: "d'", "l'", "qu'", "jusqu'".
const ELIDED: [&str; 4] = ["d", "l", "qu", "jusqu"];

impl<'a> Reader<'a> {
    fn new(chars: &'a [char], mentions: &'a [PlaceMention], at: usize, forward: bool) -> Self {
        Self {
            chars,
            mentions,
            at,
            forward,
        }
    }

    fn word(&self, start: usize, end: usize) -> Token {
        let chars = &self.chars[start..end];
        // Most words are ASCII: folded inline, without a string between.
        let folded = if chars.iter().all(char::is_ascii) {
            chars.iter().map(char::to_ascii_lowercase).collect()
        } else {
            let text: String = chars.iter().collect();
            SmolStr::new(fold_str(&text).replace('’', "'"))
        };
        Token::Word { folded, start, end }
    }

    fn next_token(&mut self) -> Token {
        if self.forward {
            self.next_forward()
        } else {
            self.next_backward()
        }
    }

    fn next_backward(&mut self) -> Token {
        let chars = self.chars;
        while self.at > 0 && is_space(chars[self.at - 1]) {
            self.at -= 1;
        }
        if self.at == 0 {
            return Token::Stop;
        }
        // A mention ends here (mentions are in text order).
        let ends_before = self.mentions.partition_point(|m| m.end < self.at);
        if let Some(m) = self.mentions.get(ends_before)
            && m.end == self.at
        {
            self.at = m.start;
            return Token::Mention(ends_before);
        }
        let c = chars[self.at - 1];
        if c == ',' {
            self.at -= 1;
            return Token::Comma;
        }
        if is_apostrophe(c) {
            // "d'Anéfis": the particle before the apostrophe is one word.
            let end = self.at;
            let mut start = end - 1;
            while start > 0 && chars[start - 1].is_alphabetic() {
                start -= 1;
            }
            let particle: String = chars[start..end - 1].iter().collect();
            if ELIDED.contains(&fold_str(&particle).as_str()) {
                self.at = start;
                return self.word(start, end);
            }
            self.at -= 1;
            return Token::Apostrophe;
        }
        if !in_word(c) {
            return Token::Stop;
        }
        let end = self.at;
        while self.at > 0 && in_word(chars[self.at - 1]) {
            self.at -= 1;
        }
        self.word(self.at, end)
    }

    fn next_forward(&mut self) -> Token {
        let chars = self.chars;
        while self.at < chars.len() && is_space(chars[self.at]) {
            self.at += 1;
        }
        if self.at >= chars.len() {
            return Token::Stop;
        }
        let starts_at = self.mentions.partition_point(|m| m.start < self.at);
        if let Some(m) = self.mentions.get(starts_at)
            && m.start == self.at
        {
            self.at = m.end;
            return Token::Mention(starts_at);
        }
        let c = chars[self.at];
        if c == ',' {
            self.at += 1;
            return Token::Comma;
        }
        if !in_word(c) {
            return Token::Stop;
        }
        let start = self.at;
        while self.at < chars.len() && in_word(chars[self.at]) {
            self.at += 1;
        }
        // "d'Arbinda": the particle and its apostrophe are one word.
        if self.at < chars.len() && is_apostrophe(chars[self.at]) {
            let particle: String = chars[start..self.at].iter().collect();
            if ELIDED.contains(&fold_str(&particle).as_str()) {
                self.at += 1;
                return self.word(start, self.at);
            }
        }
        self.word(start, self.at)
    }
}

/// Words that put a place near another: ", near Timbuktu", ", au sud de
/// Kidal", ", à 30 km de Gao", ", sur l'axe Djibo-Bourzanga".
const NEAR_WORDS: &[&str] = &[
    "near",
    "outside",
    "close",
    "around",
    "nearby",
    "pres",
    "loin",
    "environs",
    "abords",
    "autour",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "nord",
    "sud",
    "est",
    "ouest",
    "nord-est",
    "nord-ouest",
    "sud-est",
    "sud-ouest",
    "road",
    "route",
    "axe",
];

/// Words that put a place in another, given a region's or a town's word:
/// ", in the Tillabéri region", ", dans le cercle de Niono", ", a village in".
const IN_WORDS: &[&str] = &["in", "within", "dans"];

/// Heads that make "in" mean "inside": a region's word.
const HEADS: &[&str] = &[
    "region",
    "province",
    "state",
    "department",
    "departement",
    "prefecture",
    "county",
    "district",
    "cercle",
];

/// Words that call a place a town or a village: with "in" or "of" they put
/// it inside the place after them ("a village in", "villages of the Tillia
/// department"), and they make it a place whatever word comes before it
/// ("le contrôle de Ber, localité située à…").
const TOWN_WORDS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "locality",
    "localities",
    "localite",
    "localites",
    "ville",
    "villes",
    "hamlet",
    "hamlets",
    "bourgade",
    "commune",
    "communes",
    "capital",
    "chef-lieu",
];

/// Other words such a phrase may hold: articles, particles, sizes,
/// directions as adjectives, approximations.
const FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "from",
    "on",
    "la",
    "le",
    "les",
    "l'",
    "de",
    "du",
    "des",
    "d'",
    "au",
    "aux",
    "une",
    "un",
    "some",
    "about",
    "environ",
    "quelque",
    "quelques",
    "trentaine",
    "vingtaine",
    "dizaine",
    "centaine",
    "small",
    "little",
    "remote",
    "petite",
    "petit",
    "desert",
    "border",
    "frontier",
    "frontaliere",
    "rural",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "centre",
    "center",
    "far",
    "extreme",
    "s",
    "sur",
    "between",
    "entre",
    "et",
    "and",
    "its",
    "situee",
    "situe",
    "situees",
    "situes",
    "situated",
    "located",
    "lying",
    "roughly",
    "approximately",
    "cinquantaine",
    "soixantaine",
    "quarantaine",
    "quinzaine",
];

/// Words before a name that introduce a place: "at Banibangou", "à
/// Inatès", "near Gao", "autour de Nampala" (particles are read with the
/// word before them: [`CUES_BEFORE_PARTICLE`]).
const CUES: &[&str] = &[
    "in", "at", "near", "around", "outside", "from", "vers", "toward", "towards",
];

/// Words before "de" or "of" that make the next name a place: "près de",
/// "the village of", "la commune de".
const CUES_BEFORE_PARTICLE: &[&str] = &[
    "pres",
    "autour",
    "loin",
    "environs",
    "abords",
    "alentours",
    "village",
    "villages",
    "ville",
    "villes",
    "localite",
    "localites",
    "commune",
    "communes",
    "town",
    "towns",
    "city",
    "hamlet",
    "locality",
    "localities",
    "camp",
    "outskirts",
    "venus",
    "venues",
    "originaires",
];

/// Words before a list of places: "dont Léré, Niono et Diafarabé",
/// "including Gao, Ansongo and Bourem".
const LIST_CUES: &[&str] = &[
    "in",
    "at",
    "near",
    "around",
    "from",
    "including",
    "between",
    "like",
    "as",
    "dont",
    "notamment",
    "comme",
    "entre",
    "vers",
    "among",
    "parmi",
];

fn word_in(token: &Token, list: &[&str]) -> bool {
    matches!(token, Token::Word { folded, .. } if list.contains(&folded.as_str()))
}

fn is_particle(token: &Token) -> bool {
    word_in(token, &["de", "d'", "du", "of"])
}

/// What places a name the gazetteer lacks: a mention of the text.
#[derive(Clone, Copy, Debug)]
struct Placement {
    /// The mention whose place it takes.
    anchor: usize,
    confidence: f32,
}

/// Finds names the gazetteer lacks that the text places beside the places
/// the parser found (`mentions`, in text order), and places them there.
/// Returns the new mentions, in text order.
#[must_use]
pub fn unlisted_places(
    gazetteer: &Gazetteer,
    text: &PreparedText,
    mentions: &[PlaceMention],
) -> Vec<PlaceMention> {
    let chars = text.chars.as_slice();
    let finder = Finder {
        gazetteer,
        chars,
        mentions,
    };
    let mut found: Vec<(usize, usize, Placement)> = Vec::new();
    for (anchor, m) in mentions.iter().enumerate() {
        if !can_anchor(gazetteer, m) {
            continue;
        }
        for (start, end) in finder.beside(anchor) {
            found.push((
                start,
                end,
                Placement {
                    anchor,
                    confidence: CONFIDENCE_BESIDE,
                },
            ));
        }
        found.extend(finder.listed_with(anchor));
    }
    if found.is_empty() {
        return Vec::new();
    }
    // A word read across a mention's edge ("Djibo-Bourzanga", where the
    // parser found "Djibo") is not a name of its own.
    found.retain(|&(start, end, _)| !finder.overlaps_mention(start, end));
    found.sort_by_key(|&(start, end, _)| (start, end));
    found.dedup_by_key(|&mut (start, _, _)| start);
    finder.again(&mut found, text);
    found
        .into_iter()
        .map(|(start, end, p)| {
            let anchor = &mentions[p.anchor];
            PlaceMention {
                surface: Arc::from(text.surface(start, end)),
                start,
                end,
                confidence: p.confidence.min(anchor.confidence),
                kind: super::MentionKind::City,
                unlisted: true,
                corrected: false,
                ..anchor.clone()
            }
        })
        .collect()
}

/// A town, a region or a facility may place a village beside it; a
/// country or a macro-region is too large to.
fn can_anchor(gazetteer: &Gazetteer, m: &PlaceMention) -> bool {
    !m.unlisted
        && matches!(
            gazetteer.entry(m.entry).kind,
            EntryKind::City | EntryKind::Region | EntryKind::Facility
        )
}

struct Finder<'a> {
    gazetteer: &'a Gazetteer,
    chars: &'a [char],
    mentions: &'a [PlaceMention],
}

impl Finder<'_> {
    fn overlaps_mention(&self, start: usize, end: usize) -> bool {
        // Mentions are in text order and do not overlap: the first that
        // ends after `start` is the only one that may.
        let i = self.mentions.partition_point(|m| m.end <= start);
        self.mentions.get(i).is_some_and(|m| m.start < end)
    }

    fn backward(&self, at: usize) -> Reader<'_> {
        Reader::new(self.chars, self.mentions, at, false)
    }

    fn forward(&self, at: usize) -> Reader<'_> {
        Reader::new(self.chars, self.mentions, at, true)
    }

    /// "CUE Name, PHRASE anchor" (or a list of names: "in Intazayene,
    /// Bakorat and Wistane, villages of the Tillia department"): the names'
    /// char spans. A phrase with a town's word ("localité située à…", "a
    /// village near") needs no cue before the name.
    fn beside(&self, anchor: usize) -> Vec<(usize, usize)> {
        let m = &self.mentions[anchor];
        // Most places have no comma shortly before them in their clause:
        // looked for in chars before reading words.
        // And the word before that comma is capitalised, as a name is.
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
        while before == Token::Comma || is_conjunction(&before) {
            let mut token = reader.next_token();
            if is_conjunction(&before) {
                conjunctions += 1;
                if token == Token::Comma {
                    token = reader.next_token();
                }
            }
            let item = match token {
                // A town the parser found may be listed with them.
                Token::Mention(i) if self.kind(i) == EntryKind::City => {
                    Some((usize::MAX, usize::MAX, reader.next_token()))
                }
                first @ Token::Word { .. } => self.name_with(first, &mut reader),
                _ => None,
            };
            let Some((start, end, b)) = item else {
                return Vec::new();
            };
            if start != usize::MAX {
                names.push((start, end));
            }
            before = b;
        }
        // Several names are a list only with one "and" or "et".
        if names.len() > 1 && conjunctions != 1 || conjunctions > 1 {
            return Vec::new();
        }
        let cue = match &before {
            token if self.is_a_grave(token) => true,
            token if word_in(token, CUES) => true,
            token if is_particle(token) => word_in(&reader.next_token(), CUES_BEFORE_PARTICLE),
            _ => false,
        };
        if cue || phrase.town_word {
            names
        } else {
            Vec::new()
        }
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

    /// The name whose last word is `first` (read backwards by `reader`),
    /// and the token before it; as [`Self::name_before`].
    fn name_with(&self, first: Token, reader: &mut Reader<'_>) -> Option<(usize, usize, Token)> {
        let mut run = Vec::new();
        let mut token = first;
        while self.is_name_word(&token) {
            run.push(token);
            if run.len() > MAX_NAME_WORDS {
                return None;
            }
            token = reader.next_token();
        }
        run.reverse();
        let (start, end) = self.name_span(&run)?;
        Some((start, end, token))
    }

    /// A particle before an item of a list: "de Diguel", "d'Arbinda", "à
    /// Namssiguia".
    fn is_item_particle(&self, token: &Token) -> bool {
        is_particle(token) || self.is_a_grave(token)
    }

    /// "à", not the article "a".
    fn is_a_grave(&self, token: &Token) -> bool {
        matches!(token, Token::Word { folded, start, .. }
            if folded == "a" && matches!(self.chars[*start], 'à' | 'À'))
    }

    fn kind(&self, mention: usize) -> EntryKind {
        self.gazetteer.entry(self.mentions[mention].entry).kind
    }

    /// The name whose last word `reader` reads next, and the token before
    /// it: 1 to [`MAX_NAME_WORDS`] capitalised words that may name a place
    /// the gazetteer lacks.
    fn name_before(&self, reader: &mut Reader<'_>) -> Option<(usize, usize, Token)> {
        let mut span: Option<(usize, usize)> = None;
        let mut words: Vec<SmolStr> = Vec::new();
        let before = loop {
            let token = reader.next_token();
            match &token {
                Token::Word { folded, start, end }
                    if self.chars[*start].is_uppercase() && !is_connective(folded) =>
                {
                    words.push(folded.clone());
                    span = Some((*start, span.map_or(*end, |(_, e)| e)));
                    if words.len() > MAX_NAME_WORDS {
                        return None;
                    }
                }
                _ => break token,
            }
        };
        let (start, end) = span?;
        words.reverse();
        self.may_be_unlisted(&words, start, end)
            .then_some((start, end, before))
    }

    /// The name's words may name a place the gazetteer lacks: capitalised
    /// as names are (not an acronym), no common word, title or calendar
    /// word, not a given name alone, and no name the gazetteer gives
    /// anything but towns (a country, a nationality, a region: the parser
    /// left it out for a reason).
    fn may_be_unlisted(&self, words: &[SmolStr], start: usize, end: usize) -> bool {
        let g = self.gazetteer;
        let acronym = self.chars[start..end]
            .iter()
            .filter(|c| c.is_uppercase())
            .count()
            > words.len() + self.chars[start..end].iter().filter(|&&c| c == '-').count();
        if acronym || words.iter().any(|w| w.len() < 2) {
            return false;
        }
        if words
            .iter()
            .any(|w| g.is_common_word(w) || is_calendar_word(w) || super::context::is_title(w))
        {
            return false;
        }
        if words.len() == 1 && g.is_given_name(&words[0]) {
            return false;
        }
        let name = words.join(" ");
        g.entries_named(&name)
            .into_iter()
            .all(|e| matches!(g.entry(e).kind, EntryKind::City | EntryKind::Facility))
    }

    /// The names the gazetteer lacks in a list of towns with `anchor`:
    /// "dont Léré, Niono et Diafarabé". Each is placed at the nearest town
    /// of the list; this returns those nearest to `anchor` (the list is
    /// read again from each of its towns).
    fn listed_with(&self, anchor: usize) -> Vec<(usize, usize, Placement)> {
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

    fn is_name_word(&self, token: &Token) -> bool {
        matches!(token, Token::Word { folded, start, .. }
            if self.chars[*start].is_uppercase() && !is_connective(folded))
    }

    /// The char span of a run of name words, if they may name a place the
    /// gazetteer lacks.
    fn name_span(&self, run: &[Token]) -> Option<(usize, usize)> {
        let mut words = Vec::new();
        let (mut start, mut end) = (usize::MAX, 0);
        for token in run {
            if let Token::Word {
                folded,
                start: s,
                end: e,
            } = token
            {
                words.push(folded.clone());
                start = start.min(*s);
                end = end.max(*e);
            }
        }
        (!words.is_empty() && self.may_be_unlisted(&words, start, end)).then_some((start, end))
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
            Token::Word { folded, start, .. } if folded == "a" => {
                matches!(self.chars[*start], 'à' | 'À')
            }
            t if after_particle => word_in(t, CUES_BEFORE_PARTICLE) || word_in(t, LIST_CUES),
            t if word_in(t, LIST_CUES) => true,
            t if is_particle(t) => before
                .checked_sub(1)
                .is_some_and(|i| word_in(&tokens[i], CUES_BEFORE_PARTICLE)),
            _ => false,
        }
    }

    /// Other places where a placed name is written again, capitalised, as
    /// a word of its own and in no other mention: placed alike.
    fn again(&self, found: &mut Vec<(usize, usize, Placement)>, text: &PreparedText) {
        let folded = &text.folded;
        let names: Vec<(String, Placement)> = found
            .iter()
            .map(|&(s, e, p)| (fold_str(&text.surface(s, e)), p))
            .collect();
        let mut seen: HashSet<String> = HashSet::default();
        for (name, placement) in names {
            if !seen.insert(name.clone()) {
                continue;
            }
            for (at, _) in folded.text.match_indices(name.as_str()) {
                let bounded = |i: usize| {
                    folded.text[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !in_word(c))
                };
                let after = at + name.len();
                if !bounded(at) || folded.text[after..].chars().next().is_some_and(in_word) {
                    continue;
                }
                let (start, end) = folded.original_span(at, after);
                let taken = |s: usize, e: usize| s < end && start < e;
                if !self.chars.get(start).is_some_and(|c| c.is_uppercase())
                    || self.overlaps_mention(start, end)
                    || found.iter().any(|&(s, e, _)| taken(s, e))
                {
                    continue;
                }
                found.push((start, end, placement));
            }
        }
        found.sort_by_key(|&(start, end, _)| (start, end));
    }
}

/// A word written capitalised inside a name that is no name's word.
fn is_connective(folded: &str) -> bool {
    CUES.contains(&folded) || LIST_CUES.contains(&folded) || matches!(folded, "et" | "and" | "a")
}

/// What a phrase that places a name says besides.
struct Phrase {
    /// It calls the name a town or a village: "localité", "a village".
    town_word: bool,
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

fn is_conjunction(token: &Token) -> bool {
    word_in(token, &["et", "and", "ou", "or"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            let atlas =
                crate::atlas::Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
            Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("{e}"))
        })
    }

    #[test]
    fn towns_the_parser_found_are_no_unlisted_name() {
        // "Djibo-Bourzanga": two towns the parser found, one word to read.
        let text = "Le convoi a été attaqué à Djibo-Bourzanga, près de Kaya.";
        let found = super::super::geoparse(gazetteer(), text);
        let surfaces: Vec<&str> = found.iter().map(|m| &*m.surface).collect();
        assert_eq!(surfaces, ["Djibo", "Bourzanga", "Kaya"], "{found:?}");
        assert!(found.iter().all(|m| !m.unlisted));
        // One of them unknown: the word is one name, put near Kaya.
        let text = "Le convoi a été attaqué à Tagou-Namssiguia, près de Kaya.";
        let found = super::super::geoparse(gazetteer(), text);
        assert!(
            found
                .iter()
                .any(|m| &*m.surface == "Tagou-Namssiguia" && m.unlisted && &*m.name == "Kaya"),
            "{found:?}"
        );
    }

    // Words that make the rules fire, in any order: the parser never
    // panics, and its mentions stay in order without overlapping.
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn mentions_stay_ordered_and_apart(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "at", "à", "près", "de", "d'", "Kobadié", "Gao", "Kidal", ",", "et", "and",
                "in", "the", "region", "Tillabéri", "Djibo-Kobadié", "Kobadié-Gao", "near",
                "dont", "’", "'s", "Mali", "du", "Soum", "province", ".", "\n", "À", "Tanaga",
            ]),
            0..40,
        )) {
            let text = words.join(" ");
            let found = super::super::geoparse(gazetteer(), &text);
            let chars: Vec<char> = text.chars().collect();
            for (i, m) in found.iter().enumerate() {
                prop_assert!(m.start < m.end && m.end <= chars.len());
                let surface: String = chars[m.start..m.end].iter().collect();
                prop_assert_eq!(&*m.surface, surface.as_str());
                if let Some(next) = found.get(i + 1) {
                    prop_assert!(m.end <= next.start, "{:?}", found);
                }
            }
        }
    }
}
