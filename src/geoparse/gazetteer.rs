//! The gazetteer: names the geoparser can recognise, and where they are.
//!
//! Loaded from `data/gazetteer.tsv.gz` (GeoNames places, Natural Earth admin-1
//! regions, countries and demonyms; see `data/PROVENANCE.md`) plus the atlas's
//! zones. Every name is folded and compiled into one Aho-Corasick automaton;
//! a pattern maps to all the entries that bear that name.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

use crate::text::fold::fold_str;

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Country,
    Region,
    Continent,
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
            "city" => Self::City,
            "zone" => Self::Zone,
            "demonym" => Self::Demonym,
            _ => return None,
        })
    }

    /// The kind as `geoparse --json` reports it.
    #[must_use]
    pub fn output_kind(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Region | Self::Continent => "region",
            Self::City => "city",
            Self::Zone => "zone",
            Self::Demonym => "other",
        }
    }
}

/// One named thing.
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    /// `geonames:ID`, `iso:CC`, `ne:CODE`, `zone:…`, `demonym:CC`.
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
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
    #[error("data/gazetteer.tsv.gz: cannot decompress: {0}")]
    Decompress(#[from] std::io::Error),
    #[error("data/gazetteer.tsv.gz: line {line}: {reason}")]
    Line { line: usize, reason: String },
    #[error("cannot build the name automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Names, entries and the automaton over the folded names.
pub struct Gazetteer {
    entries: Vec<Entry>,
    automaton: AhoCorasick,
    /// For each automaton pattern, the entries bearing that name.
    pattern_entries: Vec<Vec<u32>>,
    common_words: HashSet<String>,
    /// First words of the names that may be written in lower case (zones:
    /// "three borders region"); other names need a capital to start.
    lowercase_starts: HashSet<String>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("patterns", &self.pattern_entries.len())
            .finish_non_exhaustive()
    }
}

const EMBEDDED_GZ: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");
const EMBEDDED_COMMON_WORDS: &str = include_str!("../../data/common-words.txt");

fn parse_line(line: &str, number: usize) -> Result<(Entry, Vec<&str>), GazetteerError> {
    let bad = |reason: &str| GazetteerError::Line {
        line: number,
        reason: reason.to_owned(),
    };
    let fields: Vec<&str> = line.split('\t').collect();
    let [kind, id, name, country, lat, lon, population, names] = fields[..] else {
        return Err(bad("expected 8 tab-separated fields"));
    };
    let entry = Entry {
        kind: EntryKind::parse(kind).ok_or_else(|| bad("unknown kind"))?,
        id: id.to_owned(),
        name: name.to_owned(),
        country: (!country.is_empty()).then(|| country.to_owned()),
        lat: lat.parse().map_err(|_| bad("latitude is not a number"))?,
        lon: lon.parse().map_err(|_| bad("longitude is not a number"))?,
        population: population
            .parse()
            .map_err(|_| bad("population is not a number"))?,
    };
    Ok((entry, names.split('|').filter(|n| !n.is_empty()).collect()))
}

/// English plurals and French feminine forms of a demonym ("Malians", "Malienne").
fn demonym_forms(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_owned(), format!("{name}s")];
    if name.ends_with("ien") || name.ends_with("éen") {
        forms.push(format!("{name}ne"));
        forms.push(format!("{name}nes"));
    } else if name.ends_with('e') {
        // "Française" comes from "Français": handled by the next branch.
    } else {
        forms.push(format!("{name}e"));
        forms.push(format!("{name}es"));
    }
    forms
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, with the atlas's zones.
    pub fn load_embedded(zones: &[ZoneName]) -> Result<Self, GazetteerError> {
        let mut tsv = String::new();
        flate2::read::GzDecoder::new(EMBEDDED_GZ).read_to_string(&mut tsv)?;
        Self::from_parts(&tsv, zones, EMBEDDED_COMMON_WORDS)
    }

    /// A gazetteer from TSV text (see `tools/build-data/src/gazetteer.rs` for
    /// the format), zones, and common words one per line.
    pub fn from_parts(
        tsv: &str,
        zones: &[ZoneName],
        common_words: &str,
    ) -> Result<Self, GazetteerError> {
        let mut entries = Vec::new();
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        let add = |by_name: &mut HashMap<String, Vec<u32>>, name: &str, index: u32| {
            let folded = fold_str(name.trim());
            if folded.chars().filter(|c| c.is_alphanumeric()).count() >= 2 {
                let list = by_name.entry(folded).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        };
        for (n, line) in tsv.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let (entry, names) = parse_line(line, n + 1)?;
            let index = entries.len() as u32;
            for name in names
                .iter()
                .copied()
                .chain(std::iter::once(entry.name.as_str()))
            {
                if entry.kind == EntryKind::Demonym {
                    for form in demonym_forms(name) {
                        add(&mut by_name, &form, index);
                    }
                } else {
                    add(&mut by_name, name, index);
                }
            }
            entries.push(entry);
        }
        let mut lowercase_starts = HashSet::new();
        for zone in zones {
            let index = entries.len() as u32;
            for name in zone.aliases.iter().chain(std::iter::once(&zone.name)) {
                let folded = fold_str(name);
                if let Some(first) = folded
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                {
                    lowercase_starts.insert(first.to_owned());
                }
            }
            for name in zone.aliases.iter().chain(std::iter::once(&zone.name)) {
                add(&mut by_name, name, index);
            }
            entries.push(Entry {
                kind: EntryKind::Zone,
                id: zone.id.clone(),
                name: zone.name.clone(),
                country: None,
                lat: zone.lat,
                lon: zone.lon,
                population: 0,
            });
        }
        // Sorted so that pattern ids (and so results) do not depend on hashing.
        let mut names: Vec<(String, Vec<u32>)> = by_name.into_iter().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(names.iter().map(|(name, _)| name.as_bytes()))?;
        Ok(Self {
            entries,
            automaton,
            pattern_entries: names.into_iter().map(|(_, e)| e).collect(),
            common_words: common_words
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(fold_str)
                .collect(),
            lowercase_starts,
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

    #[must_use]
    pub fn automaton(&self) -> &AhoCorasick {
        &self.automaton
    }

    /// The entries named by automaton pattern `pattern`.
    #[must_use]
    pub fn entries_of_pattern(&self, pattern: usize) -> &[u32] {
        self.pattern_entries.get(pattern).map_or(&[], Vec::as_slice)
    }

    /// Whether a name may start with this (folded) lower-case word.
    #[must_use]
    pub fn may_start_lowercase(&self, folded_word: &str) -> bool {
        self.lowercase_starts.contains(folded_word)
    }

    /// Whether `folded` is an ordinary English or French word.
    #[must_use]
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.common_words.contains(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "country\tiso:ML\tMali\tML\t17.3\t-3.5\t0\tMali\n\
city\tgeonames:2457163\tGao\tML\t16.27167\t-0.04472\t133110\tGao|Gawo\n\
demonym\tdemonym:ML\tMalian\tML\t0\t0\t0\tMalian|Malien\n";

    #[test]
    fn names_are_folded_and_shared_between_entries() {
        let g = Gazetteer::from_parts(TSV, &[], "police\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.entries().len(), 3);
        assert!(g.is_common_word("police"));
        let mali = g.entries().iter().find(|e| e.kind == EntryKind::Country);
        assert_eq!(mali.map(|e| e.name.as_str()), Some("Mali"));
    }

    #[test]
    fn a_broken_line_is_reported_with_its_number() {
        let err = Gazetteer::from_parts("city\tx\tX\n", &[], "")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "data/gazetteer.tsv.gz: line 1: expected 8 tab-separated fields"
        );
        let err = Gazetteer::from_parts("city\tx\tX\tML\tnorth\t0\t0\tX\n", &[], "")
            .err()
            .map(|e| e.to_string());
        assert!(err.unwrap_or_default().contains("latitude is not a number"));
    }

    #[test]
    fn demonyms_get_plural_and_feminine_forms() {
        let forms = demonym_forms("Malien");
        assert!(forms.contains(&"Maliens".to_owned()) && forms.contains(&"Malienne".to_owned()));
    }
}
