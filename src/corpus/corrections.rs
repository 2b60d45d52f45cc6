//! The user's corrections of the geoparser: a mention placed elsewhere, or
//! words that name no place. Stored with the article
//! ([`super::store::Store::set_correction`]) and applied to its analysis
//! wherever the analysis is read (a restart, a re-analysis by a newer
//! analyser), so a correction wins in every dossier, badge and export.

use serde::{Deserialize, Serialize};

use crate::geoparse::PlaceMention;

/// What the user said of the words at `start..end` (char offsets into the
/// article's text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub start: usize,
    pub end: usize,
    /// The place they name, or `None`: they name no place.
    pub place: Option<PlaceMention>,
}

impl Correction {
    /// The words of `mention` placed at `place` (`None`: not a place).
    #[must_use]
    pub fn of(mention: &PlaceMention, place: Option<PlaceMention>) -> Self {
        Self {
            start: mention.start,
            end: mention.end,
            place: place.map(|mut p| {
                p.corrected = true;
                p.confidence = 1.0;
                p
            }),
        }
    }
}

/// Applies `corrections` to an article's mentions (in text order): the
/// mention of the same words is replaced or dropped; a place for words the
/// parser did not find is added in its place in the text.
///
/// Invariant: afterwards, for each correction, the mentions over its words
/// are exactly its place (none for "not a place"), and the mentions are in
/// text order.
pub fn apply(places: &mut Vec<PlaceMention>, corrections: &[Correction]) {
    for correction in corrections {
        let same = |m: &PlaceMention| m.start == correction.start && m.end == correction.end;
        // The correction's words are the place's, whatever it was given.
        let place = correction.place.clone().map(|mut p| {
            p.start = correction.start;
            p.end = correction.end;
            p
        });
        match (places.iter().position(same), place) {
            (Some(at), Some(place)) => places[at] = place,
            (Some(at), None) => {
                places.remove(at);
            }
            (None, Some(place)) => {
                let at = places.partition_point(|m| m.start < place.start);
                places.insert(at, place);
            }
            (None, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::geoparse::MentionKind;

    fn mention(start: usize, name: &str, id: &str) -> PlaceMention {
        PlaceMention {
            surface: Arc::from(name),
            start,
            end: start + name.chars().count(),
            name: Arc::from(name),
            country: None,
            lat: 0.0,
            lon: 0.0,
            kind: MentionKind::City,
            gazetteer: Arc::from(id),
            confidence: 0.6,
            entry: 0,
            corrected: false,
            unlisted: false,
        }
    }

    #[test]
    fn a_correction_replaces_drops_or_adds_the_mention_of_its_words() {
        let mut places = vec![
            mention(0, "Kidal", "geonames:1"),
            mention(20, "Paris", "geonames:2"),
        ];
        let kidal_in_mali = mention(0, "Kidal", "geonames:9");
        let corrections = [
            Correction::of(&places[0], Some(kidal_in_mali)),
            Correction::of(&places[1], None),
            // Words the parser missed, given with another span: the
            // correction's span wins.
            Correction {
                start: 10,
                end: 16,
                place: Some(mention(9, "Inatès", "geonames:3")),
            },
        ];
        apply(&mut places, &corrections);
        let ids: Vec<&str> = places.iter().map(|m| &*m.gazetteer).collect();
        assert_eq!(ids, ["geonames:9", "geonames:3"]);
        assert_eq!((places[1].start, places[1].end), (10, 16));
        assert!(places[0].corrected && !places[0].is_uncertain());
        // Applying again changes nothing.
        let once = places.clone();
        apply(&mut places, &corrections);
        assert_eq!(places, once);
    }

    #[test]
    fn a_place_the_gazetteer_lacks_kept_where_it_was_put_is_the_users() {
        // "Keep it near Tillia": the same place, now the user's, still
        // marked as one the gazetteer lacks.
        let mut near = mention(5, "Inatès", "geonames:7");
        near.unlisted = true;
        assert!(near.is_uncertain());
        let mut places = vec![near.clone()];
        apply(&mut places, &[Correction::of(&near, Some(near.clone()))]);
        assert_eq!(&*places[0].gazetteer, "geonames:7");
        assert!(places[0].corrected && places[0].unlisted && !places[0].is_uncertain());
        // It survives the store's JSON.
        let json = serde_json::to_string(&places[0]).unwrap_or_default();
        let back: PlaceMention = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert!(back.unlisted && back.corrected);
    }

    #[test]
    fn a_correction_survives_a_json_round_trip() {
        let c = Correction::of(
            &mention(3, "Gao", "geonames:1"),
            Some(mention(3, "Gao", "x")),
        );
        let json = serde_json::to_string(&c).unwrap_or_default();
        let back: Correction = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, c);
        assert!(back.place.is_some_and(|p| p.corrected));
    }
}
