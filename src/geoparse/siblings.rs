//! Regions named in one list lie in one country: "les provinces du Poni et
//! de la Comoé" are two provinces of Burkina Faso, even in a report on Côte
//! d'Ivoire, which has a Comoé district of its own. Scoring weighs each
//! name against the article's countries alone, and a report on a border
//! names both countries about as often; the list's other name settles it.
//!
//! Invariant: a reading only moves to another of the mention's own
//! candidates, a region of the country its list neighbour's region is in;
//! names read as towns, countries or macro-regions are left as they are.

use super::gazetteer::{EntryKind, Gazetteer};
use super::{Recognised, SURE_MARGIN};
use crate::text::fold::fold_str;

/// Words that may stand between two names of one list: "Poni et de la
/// Comoé", "Mopti, Ségou", "Diffa and the Tillabéri".
const LIST_WORDS: &[&str] = &[
    "et", "and", "de", "du", "des", "la", "le", "les", "l", "d", "the", "of",
];

/// The confidence margin of a reading the list settled: surer than a
/// coin toss, less than a name read without doubt.
const LIST_MARGIN: f64 = 1.0;

/// Whether the text between two names joins them in one list: only list
/// words and commas, and at least one "and", "et" or comma.
fn joined_as_list(between: &[char]) -> bool {
    let text: String = between.iter().collect();
    let mut joined = false;
    for piece in text.split(|c: char| c.is_whitespace() || c == ',') {
        let word = fold_str(piece.trim_end_matches(['\'', '’']));
        if word.is_empty() {
            continue;
        }
        if !LIST_WORDS.contains(&word.as_str()) {
            return false;
        }
        joined |= matches!(word.as_str(), "et" | "and");
    }
    joined || between.contains(&',')
}

/// The country of a region read without doubt: its only reading, or one
/// far ahead of the next.
fn sure_region_country<'g>(
    gazetteer: &'g Gazetteer,
    m: &Recognised,
    reading: Option<(u32, f64)>,
) -> Option<&'g str> {
    let (index, margin) = reading?;
    let entry = gazetteer.entry(index);
    let sure = m.candidates.len() == 1 || margin >= SURE_MARGIN;
    (sure && entry.kind == EntryKind::Region)
        .then_some(entry.country.as_deref())
        .flatten()
}

/// Moves each region of a list to its neighbour's country when the two
/// readings disagree and the mention has a region of that country among
/// its candidates (see the module's doc). `recognised` and `resolved` are
/// in text order, one reading per mention.
pub(super) fn regions_of_a_list_share_a_country(
    gazetteer: &Gazetteer,
    chars: &[char],
    recognised: &[Recognised],
    resolved: &mut [Option<(u32, f64)>],
) {
    let before = resolved.to_vec();
    for (i, m) in recognised.iter().enumerate() {
        let Some((index, margin)) = before[i] else {
            continue;
        };
        let entry = gazetteer.entry(index);
        if entry.kind != EntryKind::Region || margin >= SURE_MARGIN {
            continue;
        }
        let neighbours = [i.checked_sub(1), Some(i + 1)];
        let country = neighbours.into_iter().flatten().find_map(|j| {
            let other = recognised.get(j)?;
            let (from, to) = if j < i {
                (other.end, m.start)
            } else {
                (m.end, other.start)
            };
            let between = chars.get(from..to)?;
            if !joined_as_list(between) {
                return None;
            }
            sure_region_country(gazetteer, other, before[j])
        });
        let Some(country) = country else {
            continue;
        };
        if entry.country.as_deref() == Some(country) {
            continue;
        }
        let same_country = m.candidates.iter().copied().find(|&c| {
            let candidate = gazetteer.entry(c);
            candidate.kind == EntryKind::Region && candidate.country.as_deref() == Some(country)
        });
        if let Some(candidate) = same_country {
            resolved[i] = Some((candidate, LIST_MARGIN));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> bool {
        joined_as_list(&text.chars().collect::<Vec<_>>())
    }

    #[test]
    fn list_words_join_names() {
        assert!(joined(" et de la "));
        assert!(joined(", "));
        assert!(joined(" and the "));
        assert!(joined(" et de l’"));
        assert!(!joined(" de la "));
        assert!(!joined(" region of Niger and the "));
        assert!(!joined(". "));
    }
}
