//! The other places a mention's words may name, for the user to choose
//! from when the parser chose wrong ("Kidal": the Malian town, not its
//! namesake region; "Niger": the country or the state of Nigeria).
//!
//! Invariant: every alternative bears the mention's words as one of its
//! names, and none is the place the mention already names.

use std::sync::Arc;

use super::PlaceMention;
use super::gazetteer::{EntryKind, Gazetteer};

/// At most this many alternatives are offered: beyond it, namesakes are
/// villages the user would not scroll through (the biggest come first).
pub const MAX_ALTERNATIVES: usize = 12;

/// The places `mention`'s words may also name, as mentions of them placed
/// by the user: countries, zones and macro-regions first, then regions,
/// then towns, each by population.
#[must_use]
pub fn alternatives(gazetteer: &Gazetteer, mention: &PlaceMention) -> Vec<PlaceMention> {
    let mut entries: Vec<u32> = gazetteer
        .entries_named(&mention.surface)
        .into_iter()
        .filter(|&e| {
            let entry = gazetteer.entry(e);
            entry.kind != EntryKind::Demonym && !entry.id.is(&mention.gazetteer)
        })
        .collect();
    entries.sort_by_key(|&e| {
        let entry = gazetteer.entry(e);
        let kind_order = match entry.kind {
            EntryKind::Country => 0,
            EntryKind::Zone | EntryKind::Continent | EntryKind::Sea | EntryKind::Physical => 1,
            EntryKind::Region => 2,
            EntryKind::City | EntryKind::Facility | EntryKind::Demonym => 3,
        };
        (kind_order, std::cmp::Reverse(entry.population), e)
    });
    entries.dedup();
    entries
        .into_iter()
        .take(MAX_ALTERNATIVES)
        .map(|e| placed_at(gazetteer, mention, e))
        .collect()
}

/// `mention` placed by the user at gazetteer entry `entry`.
#[must_use]
pub fn placed_at(gazetteer: &Gazetteer, mention: &PlaceMention, entry: u32) -> PlaceMention {
    let e = gazetteer.entry(entry);
    PlaceMention {
        surface: Arc::clone(&mention.surface),
        start: mention.start,
        end: mention.end,
        name: Arc::clone(&e.name),
        country: e.country.clone(),
        lat: e.lat,
        lon: e.lon,
        kind: e.kind.output_kind(),
        gazetteer: e.id.to_arc(),
        confidence: 1.0,
        entry,
        corrected: true,
        unlisted: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::geoparse;

    fn gazetteer() -> Gazetteer {
        let atlas = crate::atlas::Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
        Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_name_with_namesakes_offers_them_biggest_first_and_not_itself() {
        let g = gazetteer();
        let found = geoparse(&g, "Fighting was reported near Niger's border.");
        let niger = found
            .iter()
            .find(|m| &*m.surface == "Niger")
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!(&*niger.gazetteer, "iso:NE");
        let others = alternatives(&g, niger);
        assert!(!others.is_empty() && others.len() <= MAX_ALTERNATIVES);
        assert!(others.iter().all(|o| *o.gazetteer != *niger.gazetteer));
        assert!(others.iter().all(|o| o.corrected && !o.is_uncertain()));
        assert!(
            others
                .iter()
                .all(|o| (o.start, o.end) == (niger.start, niger.end)),
            "the same words"
        );
        // Nigeria's Niger State, a region, comes before any town.
        let kinds: Vec<_> = others.iter().map(|o| o.kind).collect();
        let first_city = kinds
            .iter()
            .position(|k| *k == crate::geoparse::MentionKind::City);
        let first_region = kinds
            .iter()
            .position(|k| *k == crate::geoparse::MentionKind::Region);
        assert!(
            first_region.is_some() && first_city.is_none_or(|c| Some(c) > first_region),
            "{others:?}"
        );
    }

    #[test]
    fn words_no_entry_bears_offer_nothing() {
        let g = gazetteer();
        let mut found = geoparse(&g, "Troops left Gao on Monday.");
        let gao = found.remove(0);
        let mut nowhere = gao.clone();
        nowhere.surface = Arc::from("Qwxzv");
        assert!(alternatives(&g, &nowhere).is_empty());
    }
}
