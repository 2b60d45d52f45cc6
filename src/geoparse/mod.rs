//! Geoparsing: find the places an article names, and say which places they are.
//!
//! 1. **Recognise**: the text is folded (case and accents) and its words
//!    scanned once: lower-case words are noted for the context rules, and a
//!    word that is some name's first word (a set of the gazetteer's first
//!    words, capitalised words only but for zones) is a place where the name
//!    index (an automaton: an FST) is walked for every name that begins
//!    there; the longest one that ends on a word boundary and passes the
//!    context checks ([`context`]) is a mention.
//! 2. **Resolve**: each mention's candidate entries are scored by kind
//!    (countries before zones before regions before towns), population, and the
//!    document's country context (countries named or implied by demonyms,
//!    and the countries of the places read without doubt).
//! 3. **Judge**: a reading that the context makes unlikely is dropped (a
//!    given name alone, read as a small place of a country the article does
//!    not name; a foreign village with no place word beside it), and the
//!    confidence says how sure the reading is (see [`confidence`]).
//! 4. **Unlisted**: a name the gazetteer lacks that the text puts in or near
//!    a place found ("at Banibangou, in the Tillabéri region"), or in a list
//!    of towns, is put at that place, in doubt ([`unlisted`]).

pub mod alternatives;
pub mod context;
pub mod gazetteer;
mod lac;
mod siblings;
pub mod unlisted;
pub mod words;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::focus::is_focus_country;
use crate::text::fold::Folded;
use crate::text::prepared::PreparedText;
use context::{LowercaseWords, Surroundings};
use dispatch_names::index::{Found, Resume};
use gazetteer::{Entry, EntryKind, Gazetteer};
use words::{is_word_byte, word_key, word_key_is_exact};

/// What kind of place a mention names, as `geoparse --json` prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    City,
    /// A first-level region, or a continent.
    Region,
    Country,
    Zone,
    /// An airport, airfield or air base.
    Facility,
    Other,
}

impl MentionKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Region => "region",
            Self::Country => "country",
            Self::Zone => "zone",
            Self::Facility => "facility",
            Self::Other => "other",
        }
    }
}

impl std::fmt::Display for MentionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place named in a text, resolved to one gazetteer entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The text as written.
    /// Shared between mentions that write a name alike, once the library
    /// has interned it.
    pub surface: Arc<str>,
    /// Char offsets (Unicode scalar values) into the text; `end` exclusive.
    pub start: usize,
    pub end: usize,
    /// Shared with the gazetteer entry (see [`gazetteer::Entry`]).
    pub name: Arc<str>,
    pub country: Option<Arc<str>>,
    pub lat: f64,
    pub lon: f64,
    pub kind: MentionKind,
    /// `geonames:ID`, `iso:CC`, `zone:…`, or a Natural Earth code.
    pub gazetteer: Arc<str>,
    /// How sure the resolution is, from 0 to 1.
    pub confidence: f32,
    /// Index of the entry in the gazetteer (not printed).
    #[serde(skip)]
    pub entry: u32,
    /// The user placed it (`corpus::corrections`): it wins over the parser.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
    /// The gazetteer lacks the place: it is put at the place the text puts
    /// it in or near (`entry`, `name`, `lat`, `lon` are that place's; see
    /// [`unlisted`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlisted: bool,
}

/// Mentions placed with less confidence than this are marked uncertain in
/// the window. Measured on the `GeoWebNews` corpus (`bench/calibration.py`): under 0.8
/// from 36 % to 57 % of them are right, above it 77 % to 84 %.
pub const UNCERTAIN_BELOW: f32 = 0.8;

impl PlaceMention {
    /// The mention of chars `start..end` of `text` read as gazetteer entry
    /// `index`, with `confidence`.
    fn of_entry(
        text: &PreparedText,
        (start, end): (usize, usize),
        gazetteer: &Gazetteer,
        index: u32,
        confidence: f32,
    ) -> Self {
        let entry = gazetteer.entry(index);
        Self {
            surface: Arc::from(text.surface(start, end)),
            start,
            end,
            name: entry.name.clone(),
            country: entry.country.clone(),
            lat: entry.lat,
            lon: entry.lon,
            kind: entry.kind.output_kind(),
            gazetteer: entry.id.to_arc(),
            confidence,
            entry: index,
            corrected: false,
            unlisted: false,
        }
    }

    /// Whether the place chosen for the mention is in doubt (another
    /// reading came close): the window marks it ("placed at Gao? — 62 %").
    #[must_use]
    pub fn is_uncertain(&self) -> bool {
        !self.corrected && self.confidence < UNCERTAIN_BELOW
    }
}

/// A recognised name before resolution.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about the name's context, each read by one rule"
)]
struct Recognised {
    start: usize,
    end: usize,
    /// The same span in the folded text (bytes): the surface's folded form.
    folded: (usize, usize),
    candidates: Vec<u32>,
    /// Some candidate bears the name itself, not as an alternate name.
    borne: bool,
    /// A country bears the name itself ("Benin", "Mexico").
    country_named: bool,
    region_head: bool,
    /// "à Tombouctou", "ville de Tombouctou", "the town of Gao", a dateline
    /// ("NEW YORK (AP) —"): a town.
    town_cue: bool,
    /// A common given name alone ("Olivia"): see [`person_rather_than`].
    given_name: bool,
    /// A place word beside it: "in", "near", "of" before, "region" after.
    place_cue: bool,
    /// A region only if of the country the article is about ("dans l'Est"):
    /// see [`context::NameFacts::region_only_by_article`].
    region_of_leading_country_only: bool,
}

impl Recognised {
    /// No place word beside it and no town cue: the name alone says it is
    /// a place.
    fn cueless(&self) -> bool {
        !self.place_cue && !self.town_cue
    }

    /// The name as folded, from the text's folded form.
    fn key<'t>(&self, folded: &'t Folded) -> &'t str {
        folded
            .text
            .get(self.folded.0..self.folded.1)
            .unwrap_or_default()
    }
}

/// The words of the folded text, as byte spans `[start, end)`. Multi-byte
/// characters count as word bytes, so every span lies on char boundaries.
fn words(folded: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = folded.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        (start < i).then_some((start, i))
    })
}

/// A word where a name may begin.
struct NameStart {
    start: usize,
    /// Where the word ends and where the name index's walk resumes after
    /// it, when its key is exact.
    first_word: Option<(usize, Resume)>,
}

/// Every name starting at `at` that ends on a word boundary, into `found`.
fn names_at(gazetteer: &Gazetteer, folded: &Folded, at: &NameStart, found: &mut Found) {
    let bytes = folded.text.as_bytes();
    let word_end = |end: usize| bytes.get(end).is_none_or(|&b| !is_word_byte(b));
    gazetteer.names_at(&folded.text, at.start, at.first_word, word_end, found);
}

/// One pass over the text's words: the ones written in lower case (for the
/// context rules), and the word starts where a name may begin: a capitalised word,
/// or one of the few lower-case words a zone's name starts with, that is
/// some name's first word.
fn scan_words(
    gazetteer: &Gazetteer,
    folded: &Folded,
    chars: &[char],
) -> (LowercaseWords, Vec<NameStart>) {
    let mut lowercase = LowercaseWords::for_text_of(folded.text.len());
    let mut name_starts = Vec::new();
    for (start, end) in words(&folded.text) {
        let word = &folded.text[start..end];
        let key = word_key(word);
        let first = chars.get(folded.original_char(start));
        if !first.is_some_and(|c| c.is_uppercase()) {
            if first.is_some_and(|c| c.is_lowercase()) {
                lowercase.insert(key);
            }
            if !gazetteer.may_start_lowercase_key(key) {
                continue;
            }
        }
        if let Some(resume) = gazetteer.first_word(key) {
            name_starts.push(NameStart {
                start,
                first_word: word_key_is_exact(word).then_some((end, resume)),
            });
        }
    }
    (lowercase, name_starts)
}

fn recognise(
    gazetteer: &Gazetteer,
    folded: &Folded,
    chars: &[char],
) -> (Vec<Recognised>, Vec<String>) {
    let (lowercase, name_starts) = scan_words(gazetteer, folded, chars);
    let mut mentions = Vec::new();
    let mut demonym_countries = Vec::new();
    // Surnames seen after a first name or a title ("Jacob Zuma"): later,
    // standalone, they still name the person ("Zuma said").
    let mut people: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    // First names seen before a surname ("Noma Dumezweni"): alone later, they
    // still name the person, unless they are also a large town's name.
    let mut first_names: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    let mut skip_until = 0;
    let mut found = Found::default();
    for at in name_starts {
        let start = at.start;
        if start < skip_until {
            continue;
        }
        names_at(gazetteer, folded, &at, &mut found);
        // Longest first.
        for (end, entries) in found.iter().rev() {
            let (cs, ce) = folded.original_span(start, end);
            let key = folded.text.get(start..end).unwrap_or_default();
            let surroundings = Surroundings::new(chars, cs, ce, key);
            // A demonym is never a place, but tells which country the text is about.
            if let Some(&d) = entries
                .iter()
                .find(|&&e| gazetteer.entry(e).kind == EntryKind::Demonym)
            {
                if surroundings.is_capitalised() {
                    demonym_countries
                        .extend(gazetteer.entry(d).country.as_deref().map(str::to_owned));
                    skip_until = end;
                    break;
                }
                continue;
            }
            let facts = context::NameFacts::new(gazetteer, &surroundings, &lowercase);
            let given_name = facts.is_bare_given_name();
            let place_cue = facts.has_place_cue();
            let mut candidates: Vec<u32> = entries
                .iter()
                .copied()
                .filter(|&e| facts.accepts(gazetteer.entry(e)))
                .collect();
            // A lake or a river named like a country ("lac Tchad", "the
            // Niger River"): the gazetteer holds no lakes and rivers, and the
            // country's point, or its namesakes' (Nigeria's Niger state), is
            // hundreds of kilometres away. A town's or a region's own lake
            // or river ("Lake Manassas", "the Tijuana River") is on its
            // shore: still the place meant.
            if surroundings.names_water_body()
                && entries
                    .iter()
                    .any(|&e| gazetteer.entry(e).kind == EntryKind::Country)
            {
                candidates.clear();
            }
            drop_regions_named_after_macro_regions(gazetteer, &mut candidates, || {
                surroundings.followed_by_region_word()
            });
            if candidates.is_empty() {
                if surroundings.looks_like_surname() {
                    people.insert(surroundings.folded_surface());
                } else if surroundings.looks_like_first_name() {
                    first_names.insert(surroundings.folded_surface());
                }
                continue;
            }
            let towns_only = candidates
                .iter()
                .all(|&e| gazetteer.entry(e).kind == EntryKind::City);
            let population_below = |below: u64| {
                candidates
                    .iter()
                    .all(|&e| gazetteer.entry(e).population < below)
            };
            // A city of millions after "Baseball" or "Smart" is still the
            // city ("Baseball Toronto", "Smart Dubai Office").
            if towns_only
                && (people.contains(key) && population_below(METROPOLIS)
                    || first_names.contains(key) && population_below(100_000))
            {
                continue;
            }
            mentions.push(Recognised {
                start: cs,
                end: ce,
                folded: (start, end),
                borne: candidates
                    .iter()
                    .any(|&e| gazetteer.entry(e).bears_name(key)),
                country_named: candidates.iter().any(|&e| {
                    let entry = gazetteer.entry(e);
                    entry.kind == EntryKind::Country && entry.bears_name(key)
                }),
                candidates,
                region_head: surroundings.followed_by_region_word(),
                town_cue: surroundings.after_french_a()
                    || surroundings.after_town_word()
                    || surroundings.is_dateline(),
                given_name,
                place_cue,
                region_of_leading_country_only: facts.region_only_by_article(),
            });
            skip_until = end;
            break;
        }
    }
    (mentions, demonym_countries)
}

/// A region of the countries the product follows named after a
/// macro-region (Burkina Faso's Sahel region) is that region only with a
/// word that says so ("la région du Sahel", "the Sahel region"): in news
/// of the war, "the Sahel" alone is the belt, and the region would win it
/// by the article's country.
///
/// Elsewhere the region is the usual reading of such a name (Alaska,
/// Punjab, Baluchistan: Natural Earth also names a physical region so) and
/// the article's context decides as for any other name.
fn drop_regions_named_after_macro_regions(
    gazetteer: &Gazetteer,
    candidates: &mut Vec<u32>,
    region_head: impl Fn() -> bool,
) {
    let kind = |e: u32| gazetteer.entry(e).kind;
    let macro_region = |&e: &u32| {
        matches!(
            kind(e),
            EntryKind::Physical | EntryKind::Sea | EntryKind::Continent
        )
    };
    let focus_region = |&e: &u32| {
        kind(e) == EntryKind::Region && is_focus_country(gazetteer.entry(e).country.as_deref())
    };
    // Read the words around only for such a name (rare).
    if candidates.iter().any(macro_region) && candidates.iter().any(focus_region) && !region_head()
    {
        candidates.retain(|e| !focus_region(e));
    }
}

/// The document's countries, in the order the text names them (demonyms
/// after): named ones count double, demonyms once.
fn country_context(
    gazetteer: &Gazetteer,
    mentions: &[Recognised],
    demonyms: &[String],
) -> Vec<(String, u32)> {
    let mut counts: Vec<(String, u32)> = Vec::new();
    let mut bump = |code: &str, by: u32| match counts.iter_mut().find(|(c, _)| c == code) {
        Some((_, n)) => *n += by,
        None => counts.push((code.to_owned(), by)),
    };
    for m in mentions {
        for &e in &m.candidates {
            let entry = gazetteer.entry(e);
            if entry.kind == EntryKind::Country
                && let Some(code) = &entry.country
            {
                bump(code, 2);
            }
        }
    }
    for code in demonyms {
        bump(code, 1);
    }
    counts
}

/// What a town of unknown population weighs as: the floor of GeoNames'
/// `cities1000`, which lists places of 1,000 people or more, and seats.
const UNKNOWN_TOWN_POPULATION: u64 = 1_000;

/// A city this big outranks its small namesakes in the article's country.
const METROPOLIS: u64 = 1_000_000;

fn score(entry: &Entry, surface_key: &str, context: &[(String, u32)], m: &Recognised) -> f64 {
    let base = match entry.kind {
        EntryKind::Country => 12.0,
        EntryKind::Continent | EntryKind::Zone | EntryKind::Sea => 11.0,
        // Below a country, above a region: "Tagant", the plateau, is the
        // Mauritanian region in a report on Mauritania (but see
        // [`drop_regions_named_after_macro_regions`]).
        EntryKind::Physical => 9.0,
        EntryKind::Region => 8.0,
        // A facility's names are its own ("Gao Airport"); alone, a
        // keyword of it never outranks a town of that name (population 0).
        EntryKind::City | EntryKind::Facility => 5.0,
        EntryKind::Demonym => 0.0,
    };
    // A town named by one of its alternate names is a weaker reading than
    // an entry that bears the name itself ("Florida": the state, not
    // Floridablanca). Where none bears it (a French or English exonym:
    // "Tombouctou" names both Timbuktu and its region) the town keeps its
    // weight: "un commerçant de Tombouctou" is from the town.
    let alternate = if entry.kind == EntryKind::City && m.borne && !entry.bears_name(surface_key) {
        2.5
    } else {
        0.0
    };
    // A town of unknown population (0: a seat GeoNames lists without a
    // count, a place known by its airfield) weighs as the smallest listed.
    let people = if entry.kind == EntryKind::City {
        entry.population.max(UNKNOWN_TOWN_POPULATION)
    } else {
        entry.population
    };
    let population = (people as f64 + 1.0).log10() * 0.8;
    // A city of millions is known by its name the world over: "London",
    // "Rome", "St. Petersburg" in an American report are still the
    // capitals, not the article's country's small namesakes.
    // Not where a country bears the name: "Benin" and "Mexico" are the
    // countries, whatever the cities called "Benin City" and "Mexico City"
    // in full (the article's context still decides between them).
    let metropolis =
        if entry.kind == EntryKind::City && entry.population >= METROPOLIS && !m.country_named {
            2.5
        } else {
            0.0
        };
    let in_context =
        mentions_of_country(entry, context).map_or(0.0, |n| 3.0 + f64::from(n.min(6)) * 0.25);
    let head = if m.region_head && entry.kind == EntryKind::Region {
        4.0
    } else {
        0.0
    };
    let town = if m.town_cue && entry.kind == EntryKind::City {
        3.0
    } else {
        0.0
    };
    base + population + metropolis + in_context + head + town - alternate
}

/// A town this close to a place the article reads without doubt is its
/// neighbour.
const NEIGHBOUR_KM: f64 = 250.0;
/// What being such a neighbour weighs: more than a namesake's extra
/// population of a hundredfold or less, or one more mention of its country
/// ("dont Léré, Niono et Diafarabé" in a report on Mali that also names
/// France: Léré of Mali, a village the gazetteer has at 0 people, not Léré of
/// France, 1,290).
const NEIGHBOUR_WEIGHT: f64 = 1.5;

/// The entries' points, read once for [`nearby`].
fn points_of(
    gazetteer: &Gazetteer,
    entries: impl IntoIterator<Item = u32>,
) -> Vec<(u32, f64, f64)> {
    let point = |i: u32| (i, gazetteer.entry(i).lat, gazetteer.entry(i).lon);
    entries.into_iter().map(point).collect()
}

/// Places named together lie together: a town near a place the article
/// reads without doubt (`sure`: entry, latitude, longitude; other than
/// itself) outranks its namesakes far from all of them.
fn nearby(entry: &Entry, index: u32, sure: &[(u32, f64, f64)]) -> f64 {
    use geo::{Distance as _, Haversine};
    const NEIGHBOUR_M: f64 = NEIGHBOUR_KM * 1_000.0;
    if entry.kind != EntryKind::City || sure.is_empty() {
        return 0.0;
    }
    let at = geo::Point::new(entry.lon, entry.lat);
    let near = sure.iter().any(|&(other, lat, lon)| {
        other != index && Haversine.distance(at, geo::Point::new(lon, lat)) <= NEIGHBOUR_M
    });
    if near { NEIGHBOUR_WEIGHT } else { 0.0 }
}

/// A common given name alone ("Olivia", "Clarence", "Mary") read as a small
/// town or a region of a country the article does not speak of: a person.
/// A big town ("Florence", "Victoria, B.C."), or a place of the article's
/// countries, stays a place.
fn person_rather_than(entry: &Entry, surface_key: &str, context: &[(String, u32)]) -> bool {
    let place_kind = match entry.kind {
        EntryKind::City => entry.population < 100_000 || !entry.bears_name(surface_key),
        EntryKind::Region => true,
        _ => false,
    };
    place_kind && mentions_of_country(entry, context).is_none()
}

/// How sure a reading is: from its margin over the next reading, less for
/// a village named without a cue. On `GeoWebNews` such villages, even in the
/// article's country, are right about a third of the time
/// (`bench/calibration.py`); the cap keeps them out of the "sure" band
/// (≥ 0.9) without marking them doubtful (< [`UNCERTAIN_BELOW`]): on Sahel
/// news they are nearly always right.
fn confidence(margin: f64, entry: &Entry, m: &Recognised) -> f32 {
    const CUELESS_VILLAGE_AT_MOST: f64 = 0.85;
    let by_margin = (1.0 - (-margin).exp() * 0.5).clamp(0.5, 0.99);
    let cueless_village = m.cueless() && is_village(entry);
    (if cueless_village {
        by_margin.min(CUELESS_VILLAGE_AT_MOST)
    } else {
        by_margin
    }) as f32
}

/// A town of fewer than 15,000 people.
fn is_village(entry: &Entry) -> bool {
    const VILLAGE_BELOW: u64 = 15_000;
    entry.kind == EntryKind::City && entry.population < VILLAGE_BELOW
}

/// A village of a country the article does not speak of: named without a
/// word that makes it a place ("in", "near", "region"), on world news
/// (`GeoWebNews`) fewer than one in ten such readings are right, the name
/// is most often a person's, a brand's or a word's; with such a word, in an
/// article about other countries, it is most often a village of theirs the
/// gazetteer lacks (`places_in` asks in those two cases).
///
/// Not a village of the countries the product follows
/// ([`crate::focus`]), nor one of a country two such villages share
/// ("Tessit, Ansongo et Ménaka"): they speak for each other.
fn unheard_of_village(entry: &Entry, context: &[(String, u32)], corroborated: &[&str]) -> bool {
    let country = entry.country.as_deref();
    is_village(entry)
        && mentions_of_country(entry, context).is_none()
        && !is_focus_country(country)
        && !country.is_some_and(|c| corroborated.contains(&c))
}

/// A town read by one of its alternate names, of a country the article does
/// not name (asked as for [`unheard_of_village`]): "Inata", a village of
/// Burkina Faso the gazetteer lacks, is not Inada in Japan; "around Ber",
/// in a report on Mali, is not Véroia in Greece.
fn foreign_alternate(entry: &Entry, surface_key: &str, context: &[(String, u32)]) -> bool {
    entry.kind == EntryKind::City
        && !entry.bears_name(surface_key)
        && mentions_of_country(entry, context).is_none()
        && !is_focus_country(entry.country.as_deref())
}

/// The distinct places read, in the text's order (for distances).
fn distinct_places(readings: &[Option<(u32, f64)>]) -> Vec<u32> {
    let mut seen = rustc_hash::FxHashSet::default();
    readings
        .iter()
        .flatten()
        .map(|&(index, _)| index)
        .filter(|&index| seen.insert(index))
        .collect()
}

/// A town of under 100,000 people more than 2,000 km from every other
/// place the article names (two at least; its own country, if named, is
/// one of them and near): a namesake of a place the gazetteer lacks ("à
/// Solhan", a village of Burkina Faso, in a report on the Sahel, is not
/// Solhan in Turkey). On `GeoWebNews` it drops twelve wrong readings and
/// two right ones. Not a town of the countries the product follows.
fn far_namesake(entry: &Entry, index: u32, places: &[u32], gazetteer: &Gazetteer) -> bool {
    use geo::{Distance as _, Haversine};
    const FAR_M: f64 = 2_000_000.0;
    if entry.kind != EntryKind::City
        || entry.population >= 100_000
        || is_focus_country(entry.country.as_deref())
    {
        return false;
    }
    let at = geo::Point::new(entry.lon, entry.lat);
    let mut others = 0;
    for &other in places.iter().filter(|&&p| p != index) {
        let o = gazetteer.entry(other);
        if !o.lat.is_finite() || !o.lon.is_finite() {
            continue;
        }
        if Haversine.distance(at, geo::Point::new(o.lon, o.lat)) < FAR_M {
            return false;
        }
        others += 1;
    }
    others >= 2
}

/// The country the article is about: the first it names (the
/// headline's, in wire copy: "Côte d'Ivoire : dans le Nord, la frontière
/// avec le Burkina" is about Côte d'Ivoire, however often it names
/// Burkina Faso). [`country_context`] lists countries in the order the
/// text names them.
fn leading_country(context: &[(String, u32)]) -> Option<&str> {
    context.first().map(|(code, _)| code.as_str())
}

/// How often the article speaks of the entry's country (see
/// [`country_context`]), if it does.
fn mentions_of_country(entry: &Entry, context: &[(String, u32)]) -> Option<u32> {
    let country = entry.country.as_deref()?;
    context
        .iter()
        .find(|(code, _)| code == country)
        .map(|&(_, n)| n)
}

/// The countries of which two different places or more, among the readings
/// that `counts`, are named in the article.
fn countries_named_twice<'g>(
    gazetteer: &'g Gazetteer,
    recognised: &[Recognised],
    readings: &[Option<(u32, f64)>],
    counts: impl Fn(&Recognised, u32) -> bool,
) -> Vec<&'g str> {
    let places = recognised.iter().zip(readings).filter_map(|(m, reading)| {
        let (index, _) = (*reading)?;
        counts(m, index).then_some(index)
    });
    countries_of_two(gazetteer, places.map(|index| (index, index)))
}

/// The countries where two names of the article, or more, may each be a
/// place that `counts` (any of their candidates).
fn countries_of_two_names<'g>(
    gazetteer: &'g Gazetteer,
    recognised: &[Recognised],
    counts: impl Fn(&Recognised, u32) -> bool,
) -> Vec<&'g str> {
    // A name is told apart by its first candidate: the same name read
    // twice counts once.
    let candidates = recognised.iter().flat_map(|m| {
        let name = m.candidates.first().copied().unwrap_or_default();
        m.candidates
            .iter()
            .filter(|&&e| counts(m, e))
            .map(move |&e| (e, name))
    });
    countries_of_two(gazetteer, candidates)
}

/// The countries of two different things or more among `(entry, thing)`
/// pairs: one pass, with each country's first thing kept (a long text has
/// thousands of names).
fn countries_of_two(gazetteer: &Gazetteer, pairs: impl Iterator<Item = (u32, u32)>) -> Vec<&str> {
    let mut first: rustc_hash::FxHashMap<&str, (u32, bool)> = rustc_hash::FxHashMap::default();
    for (entry, thing) in pairs {
        if let Some(country) = gazetteer.entry(entry).country.as_deref() {
            let seen = first.entry(country).or_insert((thing, false));
            seen.1 |= seen.0 != thing;
        }
    }
    let mut countries: Vec<&str> = first
        .into_iter()
        .filter_map(|(country, (_, twice))| twice.then_some(country))
        .collect();
    countries.sort_unstable();
    countries
}

/// A reading this far ahead of the next is without doubt (its place's
/// country then counts as the article's context).
const SURE_MARGIN: f64 = 2.0;

/// Finds and resolves every place named in `text`.
#[must_use]
pub fn geoparse(gazetteer: &Gazetteer, text: &str) -> Vec<PlaceMention> {
    places_in(gazetteer, &PreparedText::new(text))
}

/// Finds and resolves every place named in a prepared text (the figure
/// extractor reads the same one): the gazetteer's (lakes named in French
/// too: [`lac`]), then those it lacks that the text puts beside them
/// ([`unlisted`]).
#[must_use]
pub fn places_in(gazetteer: &Gazetteer, text: &PreparedText) -> Vec<PlaceMention> {
    let mut mentions = listed_places_in(gazetteer, text);
    lac::french_lakes(gazetteer, text, &mut mentions);
    let (unlisted, replaced) = unlisted::unlisted_places(gazetteer, text, &mentions);
    if !replaced.is_empty() {
        let mut index = 0;
        mentions.retain(|_| {
            index += 1;
            !replaced.contains(&(index - 1))
        });
    }
    if !unlisted.is_empty() {
        mentions.extend(unlisted);
        mentions.sort_by_key(|m| m.start);
    }
    mentions
}

/// The places of the gazetteer named in `text`, in text order.
fn listed_places_in(gazetteer: &Gazetteer, text: &PreparedText) -> Vec<PlaceMention> {
    let (folded, chars) = (&text.folded, text.chars.as_slice());
    let (recognised, demonyms) = recognise(gazetteer, folded, chars);
    let mut context = country_context(gazetteer, &recognised, &demonyms);
    // The best reading (ties to the first entry) and its margin over the
    // next best, in one pass over the candidates.
    let resolve = |m: &Recognised, context: &[(String, u32)], sure: &[(u32, f64, f64)]| {
        let key = m.key(folded);
        // A name with one reading keeps it whatever its neighbours.
        let sure = if m.candidates.len() > 1 { sure } else { &[] };
        let mut best: Option<(f64, u32)> = None;
        let mut runner_up: Option<f64> = None;
        for &e in &m.candidates {
            let entry = gazetteer.entry(e);
            let s = score(entry, key, context, m) + nearby(entry, e, sure);
            match best {
                Some((b, i)) if s.total_cmp(&b).then(i.cmp(&e)).is_gt() => {
                    runner_up = Some(b);
                    best = Some((s, e));
                }
                Some(_) => runner_up = Some(runner_up.map_or(s, |r| r.max(s))),
                None => best = Some((s, e)),
            }
        }
        let (best, index) = best?;
        Some((index, runner_up.map_or(10.0, |r| best - r)))
    };
    // The article's other places speak too: the country of each town or
    // region read without doubt ("Ontario", "Bamako") counts once, so that
    // a name with namesakes abroad ("London", "Kidal") goes to the one the
    // article is about.
    // A given name alone ("Paul") does not speak for its place's country:
    // it would make itself a place.
    // Nor does a village, or a town read by an alternate name, alone: a
    // name with one reading is read "without doubt" for want of rivals, and
    // would put its own country in the context ("in Karma", a village of
    // Burkina Faso the gazetteer lacks, is not Karma in India). Two names
    // that may be such places of one country speak for each other
    // ("Creston … Castlegar": Creston is also a larger village of Iowa).
    let doubtful = |m: &Recognised, index: u32| {
        let entry = gazetteer.entry(index);
        is_village(entry) || !entry.bears_name(m.key(folded))
    };
    // Asked only once a doubtful reading comes up (most articles have none).
    let vouched = std::cell::OnceCell::new();
    let mut places_seen = std::collections::HashSet::new();
    // In the text's order, each reading with the context so far: a town
    // read without doubt helps read the next ("Mississauga and Brampton").
    for m in recognised.iter().filter(|m| !m.given_name) {
        let Some((index, margin)) = resolve(m, &context, &[]) else {
            continue;
        };
        let entry = gazetteer.entry(index);
        let country = entry.country.as_deref();
        if doubtful(m, index)
            && !country.is_some_and(|c| {
                vouched
                    .get_or_init(|| countries_of_two_names(gazetteer, &recognised, doubtful))
                    .contains(&c)
            })
        {
            continue;
        }
        if margin >= SURE_MARGIN
            && matches!(entry.kind, EntryKind::City | EntryKind::Region)
            && places_seen.insert(index)
            && let Some(code) = country
        {
            match context.iter_mut().find(|(c, _)| c == code) {
                Some((_, n)) => *n += 1,
                None => context.push((code.to_owned(), 1)),
            }
        }
    }
    // The context is settled: each mention is resolved once more, for good,
    // its towns weighed by how near they lie to the places read without
    // doubt.
    let sure = points_of(gazetteer, places_seen);
    let mut resolved: Vec<Option<(u32, f64)>> = recognised
        .iter()
        .map(|m| resolve(m, &context, &sure))
        .collect();
    siblings::regions_of_a_list_share_a_country(gazetteer, chars, &recognised, &mut resolved);
    // Countries of which two villages or more are named.
    let corroborated = countries_named_twice(gazetteer, &recognised, &resolved, |_, e| {
        is_village(gazetteer.entry(e))
    });
    let places = distinct_places(&resolved);
    recognised
        .into_iter()
        .zip(resolved)
        .filter_map(|(m, reading)| {
            let (index, margin) = reading?;
            let entry = gazetteer.entry(index);
            let key = m.key(folded);
            if m.given_name && person_rather_than(entry, key, &context) {
                return None;
            }
            // Without a cue, or in an article about other countries (a
            // place word is no help there: "in Karma", a village of
            // Burkina Faso the gazetteer lacks, is not Karma in India).
            if (m.cueless() || !context.is_empty())
                && (unheard_of_village(entry, &context, &corroborated)
                    || foreign_alternate(entry, key, &context))
            {
                return None;
            }
            if far_namesake(entry, index, &places, gazetteer) {
                return None;
            }
            if m.region_of_leading_country_only
                && entry.kind == EntryKind::Region
                && entry.country.as_deref() != leading_country(&context)
            {
                return None;
            }
            Some(PlaceMention::of_entry(
                text,
                (m.start, m.end),
                gazetteer,
                index,
                confidence(margin, entry, &m),
            ))
        })
        .collect()
}
