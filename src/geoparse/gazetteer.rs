//! The gazetteer: names the geoparser can recognise, and where they are.
//!
//! Built by the data build (`tools/build-data/src/gazetteer.rs`; sources in
//! `data/PROVENANCE.md`) as two embedded files: the entries
//! (`data/gazetteer.tsv.gz`: GeoNames places, Natural Earth admin-1 regions,
//! countries, demonyms, the curated zones) and the name index
//! (`data/gazetteer-names.fst.gz`: every folded name with the entries bearing
//! it). The index is used as inflated, with no automaton to compile, so
//! loading costs little more than inflating and reading the entries, and
//! setting every name's first word (read off the index in about 13 ms) so
//! that the geoparser walks the index only from words that begin a name.
//! Zones take their positions from the atlas.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::io::Read;
use std::sync::Arc;

use dispatch_names::index::{Found, IndexError, NameIndex, Resume};

#[cfg(doc)]
use super::words::word_key_is_exact;
use super::words::{is_word_byte, word_key};
use crate::text::fold::{fold_str, folds_to};

/// Generic words of seas' French names, folded, which French writes in
/// lower case before the name ("la mer Rouge", "l'océan Indien").
const SEA_GENERICS: [&str; 6] = ["mer", "golfe", "ocean", "baie", "detroit", "canal"];

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Country,
    Region,
    Continent,
    /// A sea, an ocean, a gulf (Natural Earth marine areas): a macro-region.
    Sea,
    /// A named physical region (the Sahel, the Sahara, the Aïr: Natural
    /// Earth's geography regions): a macro-region.
    Physical,
    /// An airport, airfield or air base (`OurAirports`).
    Facility,
    City,
    Zone,
    /// "Malian", "Nigérien": not a place, but says which country a text is about.
    Demonym,
}

impl EntryKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => Self::Country,
            "region" => Self::Region,
            "continent" => Self::Continent,
            "sea" => Self::Sea,
            "physical" => Self::Physical,
            "facility" => Self::Facility,
            "city" => Self::City,
            "zone" => Self::Zone,
            "demonym" => Self::Demonym,
            _ => return None,
        })
    }

    /// Whether entries of this kind have a position of their own in the file.
    fn has_position(self) -> bool {
        !matches!(self, Self::Zone | Self::Demonym)
    }

    /// The kind as `geoparse --json` reports it.
    #[must_use]
    pub fn output_kind(self) -> super::MentionKind {
        use super::MentionKind;
        match self {
            Self::Country => MentionKind::Country,
            Self::Region | Self::Continent => MentionKind::Region,
            Self::City => MentionKind::City,
            Self::Facility => MentionKind::Facility,
            Self::Zone => MentionKind::Zone,
            Self::Sea | Self::Physical | Self::Demonym => MentionKind::Other,
        }
    }
}

/// An entry's id: `geonames:ID`, `iso:CC`, `ne:CODE`, `zone:…`,
/// `demonym:CC`. GeoNames' 170,000 are kept as their number: a string of its
/// own for each cost 8 MB, and a mention's copy is shared by the library's
/// interner anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryId {
    /// `geonames:N`.
    GeoNames(u32),
    /// Any other id, whole.
    Other(Arc<str>),
}

impl EntryId {
    const GEONAMES: &'static str = "geonames:";

    /// The id of `text`; `geonames:N` as its number when it reads back the
    /// same (no leading zero, no sign).
    #[must_use]
    pub fn parse(text: &str) -> Self {
        text.strip_prefix(Self::GEONAMES)
            .filter(|n| !n.starts_with(['0', '+']))
            .and_then(|n| n.parse().ok())
            .map_or_else(|| Self::Other(Arc::from(text)), Self::GeoNames)
    }

    /// Whether this is the id written `text`.
    #[must_use]
    pub fn is(&self, text: &str) -> bool {
        match self {
            Self::GeoNames(n) => text
                .strip_prefix(Self::GEONAMES)
                .is_some_and(|t| !t.starts_with(['0', '+']) && t.parse() == Ok(*n)),
            Self::Other(id) => **id == *text,
        }
    }

    /// The id as a string (mentions carry it).
    #[must_use]
    pub fn to_arc(&self) -> Arc<str> {
        match self {
            Self::GeoNames(n) => Arc::from(format!("{}{n}", Self::GEONAMES)),
            Self::Other(id) => Arc::clone(id),
        }
    }
}

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::GeoNames(n) => write!(f, "{}{n}", Self::GEONAMES),
            Self::Other(id) => f.write_str(id),
        }
    }
}

/// One named thing.
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    pub id: EntryId,
    pub name: Arc<str>,
    pub country: Option<Arc<str>>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

impl Entry {
    /// Whether the entry bears this folded name itself, not as one of its
    /// alternate names: "New York" is New York City's own name less its
    /// generic "City", as "Kuwait" is Kuwait City's (a town's: the
    /// region "Nelson City" is not "Nelson").
    #[must_use]
    pub fn bears_name(&self, folded: &str) -> bool {
        folds_to(&self.name, folded)
            || self.kind == EntryKind::City
                && self
                    .name
                    .strip_suffix(" City")
                    .is_some_and(|name| folds_to(name, folded))
    }
}

/// A zone as the atlas defines it, for the gazetteer.
#[derive(Clone, Debug)]
pub struct ZoneName {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub lat: f64,
    pub lon: f64,
}

/// Why the gazetteer could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("the embedded gazetteer cannot be decompressed: {0}")]
    Decompress(#[from] std::io::Error),
    #[error("data/gazetteer.tsv.gz: line {line}: {reason}")]
    Line { line: usize, reason: String },
    #[error("data/gazetteer-names.fst.gz: {0}")]
    Names(#[from] IndexError),
    #[error("the gazetteer names zone {0:?}, which the atlas does not draw")]
    ZoneNotInAtlas(String),
}

/// Entries, the name index, and the word lists context rules need.
pub struct Gazetteer {
    entries: Vec<Entry>,
    names: NameIndex<Cow<'static, [u8]>>,
    common_words: HashSet<String>,
    /// Common given names (`data/given-names.txt`), folded.
    given_names: HashSet<String>,
    /// [`word_key`]s of the first words of the names that may be written in
    /// lower case: zones ("the three borders region") and countries whose
    /// name is no ordinary word ("northern mali"); other names need a capital
    /// to start.
    lowercase_starts: rustc_hash::FxHashSet<u64>,
    /// The [`word_key`]s of every name's first word: a text word outside this
    /// set begins no name, whatever follows it.
    first_words: HashMap<u64, Resume>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("names", &self.names.len())
            .finish_non_exhaustive()
    }
}

const EMBEDDED_ENTRIES_GZ: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");
const EMBEDDED_NAMES_GZ: &[u8] = include_bytes!("../../data/gazetteer-names.fst.gz");
const EMBEDDED_COMMON_WORDS: &str = include_str!("../../data/common-words.txt");
const EMBEDDED_GIVEN_NAMES: &str = include_str!("../../data/given-names.txt");

/// Country codes shared between entries: 175,000 entries name some 250
/// countries, and a string of its own for each cost 5 MB.
type CountryCodes = HashMap<Box<str>, Arc<str>>;

fn parse_line(
    line: &str,
    number: usize,
    zones: &[ZoneName],
    countries: &mut CountryCodes,
) -> Result<Entry, GazetteerError> {
    let bad = |reason: &str| GazetteerError::Line {
        line: number,
        reason: reason.to_owned(),
    };
    let mut fields = line.split('\t');
    let mut next = || {
        fields
            .next()
            .ok_or_else(|| bad("expected 7 tab-separated fields"))
    };
    let (kind, id, name, country, lat, lon, population) = (
        next()?,
        next()?,
        next()?,
        next()?,
        next()?,
        next()?,
        next()?,
    );
    if fields.next().is_some() {
        return Err(bad("expected 7 tab-separated fields"));
    }
    let kind = EntryKind::parse(kind).ok_or_else(|| bad("unknown kind"))?;
    let (lat, lon) = if kind.has_position() {
        (
            lat.parse().map_err(|_| bad("latitude is not a number"))?,
            lon.parse().map_err(|_| bad("longitude is not a number"))?,
        )
    } else if kind == EntryKind::Zone {
        let zone = zones
            .iter()
            .find(|z| z.id == id)
            .ok_or_else(|| GazetteerError::ZoneNotInAtlas(id.to_owned()))?;
        (zone.lat, zone.lon)
    } else {
        (f64::NAN, f64::NAN)
    };
    Ok(Entry {
        kind,
        id: EntryId::parse(id),
        name: Arc::from(name),
        country: (!country.is_empty()).then(|| {
            if let Some(code) = countries.get(country) {
                Arc::clone(code)
            } else {
                let code: Arc<str> = Arc::from(country);
                countries.insert(Box::from(country), Arc::clone(&code));
                code
            }
        }),
        lat,
        lon,
        population: population
            .parse()
            .map_err(|_| bad("population is not a number"))?,
    })
}

/// The word lists the gazetteer's rules consult, one word per line.
#[derive(Clone, Copy, Debug, Default)]
pub struct Words<'a> {
    /// Common English and French words (`data/common-words.txt`).
    pub common: &'a str,
    /// Common given names (`data/given-names.txt`).
    pub given_names: &'a str,
}

/// Country names (folded) that are also ordinary words in English or
/// French, never taken for the country when written in lower case ("turkey",
/// "chad", "grenade"). The common-word list cannot tell: it counts "mali"
/// and "france" as common, since news write them so often.
pub const ORDINARY_COUNTRY_WORDS: [&str; 12] = [
    "turkey",
    "china",
    "chad",
    "jordan",
    "georgia",
    "guinea",
    "japan",
    "chile",
    "grenade",
    "maurice",
    "dominique",
    "niue",
];

impl Gazetteer {
    /// The gazetteer compiled into the binary, with the atlas's zones.
    pub fn load_embedded(zones: &[ZoneName]) -> Result<Self, GazetteerError> {
        // The entries file inflates to about 10 MB.
        let mut tsv = String::with_capacity(12 << 20);
        flate2::read::GzDecoder::new(EMBEDDED_ENTRIES_GZ).read_to_string(&mut tsv)?;
        let mut names = Vec::with_capacity(5 << 20);
        flate2::read::GzDecoder::new(EMBEDDED_NAMES_GZ).read_to_end(&mut names)?;
        Self::from_parts(
            &tsv,
            Cow::Owned(names),
            zones,
            Words {
                common: EMBEDDED_COMMON_WORDS,
                given_names: EMBEDDED_GIVEN_NAMES,
            },
        )
    }

    /// A gazetteer from entries as TSV text, a name index over their line
    /// numbers (see `tools/build-data/src/gazetteer.rs` for both), the
    /// atlas's zones, and word lists.
    pub fn from_parts(
        tsv: &str,
        names: Cow<'static, [u8]>,
        zones: &[ZoneName],
        words: Words<'_>,
    ) -> Result<Self, GazetteerError> {
        // Sized once: grown by doubling, 174,000 entries left a third of
        // the vector unused (6 MB) and copied it on every step.
        let mut entries = Vec::with_capacity(tsv.bytes().filter(|&b| b == b'\n').count() + 1);
        let mut countries = CountryCodes::default();
        for (n, line) in tsv.lines().enumerate() {
            if !line.is_empty() {
                entries.push(parse_line(line, n + 1, zones, &mut countries)?);
            }
        }
        let word_set = |text: &str| -> HashSet<String> {
            text.lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(fold_str)
                .collect()
        };
        let common_words = word_set(words.common);
        let given_names = word_set(words.given_names);
        let first_word = |name: &str| {
            fold_str(name)
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .map(str::to_owned)
        };
        let zone_starts = zones
            .iter()
            .flat_map(|zone| zone.aliases.iter().chain(std::iter::once(&zone.name)))
            .filter_map(|name| first_word(name));
        let country_starts = entries
            .iter()
            .filter(|e| e.kind == EntryKind::Country)
            .filter_map(|e| first_word(&e.name))
            .filter(|w| !ORDINARY_COUNTRY_WORDS.contains(&w.as_str()));
        // French sets a sea's generic word in lower case ("le golfe de
        // Guinée"): those words may start a sea's name.
        let sea_starts = entries
            .iter()
            .any(|e| e.kind == EntryKind::Sea)
            .then_some(SEA_GENERICS.iter().map(|w| (*w).to_owned()))
            .into_iter()
            .flatten();
        let lowercase_starts = zone_starts
            .chain(country_starts)
            .chain(sea_starts)
            .map(|w| word_key(&w))
            .collect();
        let names = NameIndex::new(names)?;
        let mut first_words = HashMap::with_capacity_and_hasher(200_000, rustc_hash::FxBuildHasher);
        names.first_words(is_word_byte, |word, resume| {
            // Folded names are UTF-8 and first words end before an ASCII byte.
            if let Ok(word) = std::str::from_utf8(word) {
                first_words.insert(word_key(word), resume);
            }
        });
        Ok(Self {
            entries,
            names,
            common_words,
            given_names,
            lowercase_starts,
            first_words,
        })
    }

    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    #[must_use]
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Every name that starts at byte `start` of the folded text and ends
    /// where `accept_end` holds, with the entries bearing it, into `found`
    /// (shortest first). `first_word`: where the text's first word there
    /// ends and what [`Gazetteer::first_word`] said of it, to skip reading it
    /// again (only for a word whose key is exact: see [`word_key_is_exact`]).
    pub fn names_at(
        &self,
        folded: &str,
        start: usize,
        first_word: Option<(usize, Resume)>,
        accept_end: impl Fn(usize) -> bool,
        found: &mut Found,
    ) {
        let text = folded.as_bytes();
        // The index is embedded data, but an entry it names must exist.
        let limit = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        match first_word {
            Some(resume) => self
                .names
                .names_resuming(text, start, resume, limit, accept_end, found),
            None => self.names.names_at(text, start, limit, accept_end, found),
        }
    }

    /// The entries bearing exactly this name (folded: case and accents do
    /// not matter), in the gazetteer's order.
    #[must_use]
    pub fn entries_named(&self, name: &str) -> Vec<u32> {
        let folded = fold_str(name.trim());
        let mut found = Found::default();
        self.names_at(&folded, 0, None, |end| end == folded.len(), &mut found);
        found
            .iter()
            .filter(|(end, _)| *end == folded.len())
            .flat_map(|(_, entries)| entries.iter().copied())
            .collect()
    }

    /// Whether some name's first word has this [`word_key`], and if so
    /// where the name index's walk picks up after it.
    #[must_use]
    pub fn first_word(&self, key: u64) -> Option<Resume> {
        self.first_words.get(&key).copied()
    }

    /// Whether a name may start with the lower-case word of this
    /// [`word_key`] (a zone's: "three borders region"); other names need a
    /// capital.
    #[must_use]
    pub fn may_start_lowercase_key(&self, key: u64) -> bool {
        self.lowercase_starts.contains(&key)
    }

    /// Whether `folded` is an ordinary English or French word.
    #[must_use]
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.common_words.contains(folded)
    }

    /// Whether a folded word is a common given name ("olivia", "roger").
    #[must_use]
    pub fn is_given_name(&self, folded: &str) -> bool {
        self.given_names.contains(folded)
    }
}

/// The embedded gazetteer, loaded once for the crate's unit tests.
#[cfg(test)]
pub(crate) fn embedded_for_tests() -> &'static Gazetteer {
    static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let atlas = crate::atlas::Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
        Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("gazetteer: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_id_reads_back_as_written() {
        for text in [
            "geonames:2453514",
            "geonames:0",
            "geonames:007",
            "geonames:+5",
            "geonames:99999999999",
            "geonames:",
            "iso:ML",
            "zone:three-borders",
            "",
        ] {
            let id = EntryId::parse(text);
            assert_eq!(id.to_string(), text);
            assert_eq!(&*id.to_arc(), text);
            assert!(id.is(text), "{text}");
        }
        assert_eq!(
            EntryId::parse("geonames:2453514"),
            EntryId::GeoNames(2_453_514)
        );
        assert!(matches!(EntryId::parse("geonames:007"), EntryId::Other(_)));
        let id = EntryId::parse("geonames:12");
        for other in ["geonames:012", "geonames:+12", "geonames:1", "iso:12", "12"] {
            assert!(!id.is(other), "{other}");
        }
    }
    use dispatch_names::index::NameIndexBuilder;

    const TSV: &str = "country\tiso:ML\tMali\tML\t17.3\t-3.5\t0\n\
city\tgeonames:2457163\tGao\tML\t16.27167\t-0.04472\t133110\n\
demonym\tdemonym:ML\tMalian\tML\t\t\t0\n\
zone\tzone:x\tThree-borders zone\t\t\t\t0\n";

    fn zones() -> Vec<ZoneName> {
        vec![ZoneName {
            id: "zone:x".into(),
            name: "Three-borders zone".into(),
            aliases: vec!["zone des trois frontières".into()],
            lat: 15.0,
            lon: 1.0,
        }]
    }

    fn names() -> Cow<'static, [u8]> {
        let mut builder = NameIndexBuilder::new();
        for (name, entry) in [
            ("Mali", 0),
            ("Gao", 1),
            ("Gawo", 1),
            ("Malian", 2),
            ("Mali", 7),
        ] {
            builder.add(name, entry);
        }
        Cow::Owned(builder.build().unwrap_or_default())
    }

    #[test]
    fn entries_names_and_zones_come_together() {
        let g = Gazetteer::from_parts(
            TSV,
            names(),
            &zones(),
            Words {
                common: "police\n",
                given_names: "olivia\n",
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.entries().len(), 4);
        assert!(g.is_common_word("police"));
        assert!(g.is_given_name("olivia") && !g.is_given_name("police"));
        assert!(g.may_start_lowercase_key(word_key("zone")));
        // Whole first words only: "gao" begins names, "ga" and "gaoual" none.
        let begins_a_name = |w: &str| g.first_word(word_key(w)).is_some();
        assert!(begins_a_name("gao") && begins_a_name("malian"));
        assert!(!begins_a_name("ga") && !begins_a_name("gaoual"));
        let zone = g.entry(3);
        assert_eq!(
            (zone.kind, zone.lat, zone.lon),
            (EntryKind::Zone, 15.0, 1.0)
        );
        let text = "mali gawo";
        let boundary = |end: usize| text.as_bytes().get(end).is_none_or(|&b| b == b' ');
        // Entry 7 does not exist: dropped rather than trusted.
        let names_at = |start, first_word| {
            let mut found = Found::default();
            g.names_at(text, start, first_word, boundary, &mut found);
            found.to_vec()
        };
        assert_eq!(names_at(0, None), vec![(4, vec![0])]);
        assert_eq!(names_at(5, None), vec![(9, vec![1])]);
        let gawo = g.first_word(word_key("gawo")).map(|resume| (9, resume));
        assert!(gawo.is_some());
        assert_eq!(names_at(5, gawo), vec![(9, vec![1])]);
    }

    #[test]
    fn a_broken_line_is_reported_with_its_number() {
        let error = |tsv: &str| {
            Gazetteer::from_parts(tsv, names(), &zones(), Words::default())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            error("city\tx\tX\n"),
            "data/gazetteer.tsv.gz: line 1: expected 7 tab-separated fields"
        );
        assert!(
            error("\ncity\tx\tX\tML\tnorth\t0\t0\n").contains("line 2: latitude is not a number")
        );
        assert!(
            error("zone\tzone:y\tY\t\t\t\t0\n")
                .contains("\"zone:y\", which the atlas does not draw")
        );
    }

    #[test]
    fn damaged_name_index_is_an_error() {
        let error =
            Gazetteer::from_parts(TSV, Cow::Borrowed(&[0, 1, 2]), &zones(), Words::default())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
        assert!(error.starts_with("data/gazetteer-names.fst.gz:"), "{error}");
    }
}
