//! Places the gazetteer lacks, found by how the text places them, and put
//! at the named place the text puts them in or near.
//!
//! The war's villages and camps are below GeoNames' 1,000-person floor
//! (Inatès, Seytenga, Diafarabé), and no published source lists them. News
//! place them as they name them, and so does this rule:
//! - **in or near a named place**: "at Banibangou, in the Tillabéri region",
//!   "près d'Anéfis, au sud de Kidal", "around Ber, near Timbuktu", "near
//!   Tesker in Zinder";
//! - **among towns**: "dont Léré, Niono et Diafarabé", "venus d'Arbinda,
//!   de Diguel et de Baraboulé";
//! - **a town's quarter**: "le quartier de Hamdallaye, à Bamako", "the Saga
//!   and Lamordé districts" of Niamey (a quarter's head outranks a namesake
//!   abroad: Saga in Japan);
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
//!
//! Parts: `tokens` (reading a text's words outwards from a place), `words`
//! (the word lists), `beside` (a name the text puts in or near a place),
//! `list` (a name in a list of towns), `quarter` (a town's quarters); here,
//! what may be such a name, and the same name again.

mod beside;
mod list;
mod quarter;
mod tokens;
mod words;

use std::sync::Arc;

use rustc_hash::FxHashSet as HashSet;
use smol_str::SmolStr;

use super::PlaceMention;
use super::gazetteer::{EntryKind, Gazetteer};
use crate::text::calendar::is_calendar_word;
use crate::text::fold::fold_str;
use crate::text::prepared::PreparedText;
use tokens::{Reader, Token, in_word};
use words::{is_connective, is_particle};

/// How sure a place put beside a named one is: it may be tens of
/// kilometres away, so it is always marked as in doubt.
const CONFIDENCE_BESIDE: f32 = 0.5;
/// A place in a list of towns is placed at the nearest of them.
const CONFIDENCE_IN_LIST: f32 = 0.4;

/// The longest name read (words): longer runs of capitals are titles.
const MAX_NAME_WORDS: usize = 3;

/// What places a name the gazetteer lacks: a mention of the text.
#[derive(Clone, Copy, Debug)]
struct Placement {
    /// The mention whose place it takes.
    anchor: usize,
    confidence: f32,
}

/// Finds names the gazetteer lacks that the text places beside the places
/// the parser found (`mentions`, in text order), and places them there.
/// Returns the new mentions, in text order, and the indices of the
/// mentions they replace (a town's quarter read as a namesake abroad).
#[must_use]
pub fn unlisted_places(
    gazetteer: &Gazetteer,
    text: &PreparedText,
    mentions: &[PlaceMention],
) -> (Vec<PlaceMention>, Vec<usize>) {
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
        found.extend(finder.near_then_in(anchor).map(|(start, end)| {
            (
                start,
                end,
                Placement {
                    anchor,
                    confidence: CONFIDENCE_BESIDE,
                },
            )
        }));
        found.extend(finder.listed_with(anchor));
    }
    let quarters = quarters(&finder, text);
    if found.is_empty() && quarters.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // A word read across a mention's edge ("Djibo-Bourzanga", where the
    // parser found "Djibo") is not a name of its own.
    found.retain(|&(start, end, _)| !finder.overlaps_mention(start, end));
    // A quarter's head outranks another rule's reading of its name, and
    // the parser's of a namesake abroad.
    found.retain(|&(start, end, _)| !quarters.iter().any(|q| start < q.1 && q.0 < end));
    found.extend(quarters.iter().map(|&(start, end, p, _)| (start, end, p)));
    let replaced: Vec<usize> = quarters.iter().filter_map(|q| q.3).collect();
    found.sort_by_key(|&(start, end, _)| (start, end));
    found.dedup_by_key(|&mut (start, _, _)| start);
    one_place_per_name(&mut found, text);
    finder.again(&mut found, text);
    let found = found
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
        .collect();
    (found, replaced)
}

/// The quarters of towns and the villages of regions the text names
/// ([`quarter`]), found from their head words ("quartier", "district",
/// "villages"…): a few substring searches, and nothing more in most texts.
fn quarters(finder: &Finder<'_>, text: &PreparedText) -> Vec<quarter::Quarter> {
    /// The heads, each searched for with memchr's SIMD substring search:
    /// `str::match_indices` per head, or a look at every space, cost more
    /// than all the parser's other rules (`valgrind --tool=callgrind` over
    /// `GeoWebNews`).
    static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            [
                "quartier",
                "district",
                "neighbourhood",
                "neighborhood",
                "suburb",
                "faubourg",
                "village",
                "localite",
                "hameau",
                "hamlet",
                "prefecture",
                "department",
                "departement",
                "cercle",
                "county",
                "commune",
            ]
            .into_iter()
            .map(memchr::memmem::Finder::new)
            .collect()
        });
    let folded = &text.folded.text;
    let bytes = folded.as_bytes();
    let mut out = Vec::new();
    for finder_of_head in FINDERS.iter() {
        for at in finder_of_head.find_iter(bytes) {
            // At a word's start (a byte of a non-ASCII char is a letter's).
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'-'
                    || !bytes[at - 1].is_ascii())
            {
                continue;
            }
            let rest = &folded[at..];
            let len = rest.find(|c: char| !in_word(c)).unwrap_or(rest.len());
            let (start, end) = text.folded.original_span(at, at + len);
            out.extend(finder.quarters_at(start, end, &rest[..len]));
        }
    }
    out.sort_by_key(|q| q.0);
    out.dedup_by_key(|q| q.0);
    out
}

/// A name placed by several rules ("dont Kayes, Nioro et Diboli" puts it
/// at the nearest town listed; "À Diboli, poste frontalier en face de
/// Kidira" beside Kidira) is one place: every mention of it takes the
/// surest placement (a phrase that places it beside a named place over a
/// list), the first in the text among equals.
fn one_place_per_name(found: &mut [(usize, usize, Placement)], text: &PreparedText) {
    if found.len() < 2 {
        return;
    }
    let names: Vec<String> = found
        .iter()
        .map(|&(s, e, _)| fold_str(&text.surface(s, e)))
        .collect();
    let mut best: rustc_hash::FxHashMap<&str, Placement> = rustc_hash::FxHashMap::default();
    for (name, &(_, _, placement)) in names.iter().zip(found.iter()) {
        best.entry(name)
            .and_modify(|b| {
                if placement.confidence > b.confidence {
                    *b = placement;
                }
            })
            .or_insert(placement);
    }
    for (name, entry) in names.iter().zip(found.iter_mut()) {
        entry.2 = best[name.as_str()];
    }
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

    fn kind(&self, mention: usize) -> EntryKind {
        self.gazetteer.entry(self.mentions[mention].entry).kind
    }

    /// The name whose last word `reader` reads next, and the token before
    /// it: 1 to [`MAX_NAME_WORDS`] capitalised words that may name a place
    /// the gazetteer lacks.
    fn name_before(&self, reader: &mut Reader<'_>) -> Option<(usize, usize, Token)> {
        let first = reader.next_token();
        self.name_with(first, reader)
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::geoparse::gazetteer::embedded_for_tests as gazetteer;

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
                "lac", "Tchad", "Lac", "quartier", "districts", "neighbourhood", "of",
                "Saga", "Niamey",
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
