//! Lakes named with French's generic word: "le lac Tchad", "du lac
//! Victoria", "le Lac Tanganyika".
//!
//! Natural Earth names lakes in English, and so does the gazetteer ("Lake
//! Chad"). French writes the generic first, often in lower case, and the
//! specific in French ("Tchad"). The words after "lac" name a lake when
//! "Lake" and those words, or "Lake" and the own name of a place they are
//! another name of ("Tchad": the country Chad), is a lake of the gazetteer. The mention
//! then spans "lac" too, and replaces what the parser read in its words
//! (the country, a namesake town).
//!
//! Invariants: the mentions stay in text order without overlapping; the
//! specific is one or two capitalised words; nothing changes in a text
//! without "lac " in it.

use super::PlaceMention;
use super::gazetteer::{EntryKind, Gazetteer};
use crate::text::fold::fold_str;
use crate::text::prepared::PreparedText;

/// A lake named so is hardly anything else.
const CONFIDENCE: f32 = 0.95;
/// The longest specific read, in words ("lac Léré Ouest" is rare).
const MAX_SPECIFIC_WORDS: usize = 2;

/// Puts the lakes named "lac X" among `mentions` (in text order), in place
/// of the mentions their words held.
pub fn french_lakes(gazetteer: &Gazetteer, text: &PreparedText, mentions: &mut Vec<PlaceMention>) {
    let folded = &text.folded;
    // Most texts have none: one substring search, then nothing.
    if !folded.text.contains("lac ") {
        return;
    }
    let mut lakes = Vec::new();
    for (at, _) in folded.text.match_indices("lac ") {
        let bounded = folded.text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !bounded {
            continue;
        }
        if let Some(lake) = lake_at(gazetteer, text, at) {
            lakes.push(lake);
        }
    }
    if lakes.is_empty() {
        return;
    }
    mentions.retain(|m| !lakes.iter().any(|l| m.start < l.end && l.start < m.end));
    mentions.extend(lakes);
    mentions.sort_by_key(|m| m.start);
}

/// The lake named by "lac" at folded byte `at` and the words after it.
fn lake_at(gazetteer: &Gazetteer, text: &PreparedText, at: usize) -> Option<PlaceMention> {
    let folded = &text.folded;
    let chars = text.chars.as_slice();
    // The specific's words, as folded byte spans, each capitalised as written.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut from = at + "lac ".len();
    while words.len() < MAX_SPECIFIC_WORDS {
        let rest = &folded.text[from..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let capitalised = chars
            .get(folded.original_char(from))
            .is_some_and(|c| c.is_uppercase());
        if len == 0 || !capitalised {
            break;
        }
        words.push((from, from + len));
        if !rest[len..].starts_with(' ') {
            break;
        }
        from += len + 1;
    }
    // The longest specific that names a lake.
    (1..=words.len()).rev().find_map(|n| {
        let (first, _) = words[0];
        let (_, last) = words[n - 1];
        let specific = &folded.text[first..last];
        let (start, end) = folded.original_span(at, last);
        let lake = lake_named(gazetteer, specific)?;
        Some(PlaceMention::of_entry(
            text,
            (start, end),
            gazetteer,
            lake,
            CONFIDENCE,
        ))
    })
}

/// The lake "Lake {specific}" (or "Lac {specific}", as Natural Earth names
/// a few: "Lac Mai-Ndombe"), or "Lake {name}" where the specific is another
/// name of a place whose own name is `name` ("Tchad": Chad).
fn lake_named(gazetteer: &Gazetteer, specific: &str) -> Option<u32> {
    let is_lake = |e: &u32| {
        let entry = gazetteer.entry(*e);
        entry.kind == EntryKind::Physical
            && (entry.name.starts_with("Lake ") || entry.name.starts_with("Lac "))
    };
    let own_names = gazetteer
        .entries_named(specific)
        .into_iter()
        .map(|e| fold_str(&gazetteer.entry(e).name));
    std::iter::once(specific.to_owned())
        .chain(own_names)
        .find_map(|name| {
            ["lake", "lac"].iter().find_map(|generic| {
                gazetteer
                    .entries_named(&format!("{generic} {name}"))
                    .into_iter()
                    .find(is_lake)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::super::geoparse;

    use crate::geoparse::gazetteer::embedded_for_tests as gazetteer;

    #[test]
    fn the_words_after_lac_name_the_lake_by_their_own_name_or_their_places() {
        for (text, surface) in [
            // The specific in French: the country Tchad is Chad.
            (
                "Des raids autour du lac Tchad ont tué dix pêcheurs.",
                "lac Tchad",
            ),
            ("Les îles du Lac Tchad sont désertées.", "Lac Tchad"),
            // The specific as in English.
            (
                "Les pêcheurs du lac Victoria manquent de poissons.",
                "lac Victoria",
            ),
        ] {
            let found = geoparse(gazetteer(), text);
            let lake = found
                .iter()
                .find(|m| m.name.starts_with("Lake ") || m.name.starts_with("Lac "))
                .unwrap_or_else(|| panic!("{text}: {found:?}"));
            assert_eq!(&*lake.surface, surface, "{found:?}");
            assert_eq!(
                found.len(),
                1,
                "the lake replaces its words' reading: {found:?}"
            );
        }
    }

    #[test]
    fn lac_before_no_lake_leaves_the_text_as_read() {
        for text in [
            "La province du Lac est sous état d'urgence, près du Tchad.",
            "Le lac est à sec près de Mopti.",
            "Un lac Tchadien.",
        ] {
            let found = geoparse(gazetteer(), text);
            assert!(
                found.iter().all(|m| !m.name.starts_with("Lake ")),
                "{text}: {found:?}"
            );
        }
    }
}
