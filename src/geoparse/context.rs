//! Whether a name found in a text really names a place there: capitalisation,
//! the words around it, and how ordinary the word is. These rules are general
//! (titles before person names, organisation names, common words); none knows
//! any particular article.

use super::gazetteer::{Entry, EntryKind, Gazetteer};
use std::collections::HashSet;

use crate::text::fold::fold_str;

/// Words that introduce a person: "Mr Clement", "President Macron".
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "president",
    "minister",
    "general",
    "gen",
    "colonel",
    "col",
    "sergeant",
    "sgt",
    "brigadier",
    "legionnaire",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "corporal",
    "cpl",
    "private",
    "pte",
    "major",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "judge",
    "chancellor",
    "commander",
    "admiral",
    "secretary",
    "ambassador",
    "monsieur",
    "madame",
    "mme",
    "m",
    "chef",
    "colonel-major",
    "saint-cyrien",
    "coach",
    "rep",
    "representative",
    "officer",
    "detective",
    "sheriff",
];

/// Capitalised words that may stand before a place name without making it part
/// of another name: sentence-starting function words and compass words.
const LEADERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "of",
    "from",
    "to",
    "for",
    "and",
    "or",
    "but",
    "with",
    "near",
    "by",
    "into",
    "across",
    "over",
    "against",
    "between",
    "outside",
    "inside",
    "as",
    "while",
    "when",
    "after",
    "before",
    "since",
    "during",
    "throughout",
    "around",
    "via",
    "le",
    "la",
    "les",
    "l",
    "de",
    "du",
    "des",
    "d",
    "en",
    "au",
    "aux",
    "a",
    "dans",
    "vers",
    "pour",
    "et",
    "ou",
    "par",
    "sur",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "upper",
    "lower",
    "greater",
    "nord",
    "sud",
    "est",
    "ouest",
    "centre",
    "center",
    "rural",
    "metropolitan",
    "downtown",
    "all",
    "both",
    "across",
];

/// Words after a name that make it a place ("Ménaka region", "Niger Delta").
const GEO_HEADS: &[&str] = &[
    "region",
    "regions",
    "province",
    "state",
    "county",
    "city",
    "town",
    "village",
    "river",
    "valley",
    "airport",
    "district",
    "department",
    "island",
    "islands",
    "mountains",
    "lake",
    "gulf",
    "sea",
    "ocean",
    "desert",
    "basin",
    "delta",
    "zone",
    "area",
    "border",
    "borders",
    "capital",
    "plateau",
    "peninsula",
    "coast",
    "bay",
    "strait",
    "prefecture",
    "municipality",
    "commune",
    "cercle",
    "governorate",
    "territory",
    "highlands",
    "plains",
    "forest",
    "township",
    "parish",
    "borough",
    "metro",
    "suburbs",
    "countryside",
];

/// Heads that name an administrative region, to prefer a region over a town.
const REGION_HEADS: &[&str] = &[
    "region",
    "province",
    "state",
    "department",
    "prefecture",
    "governorate",
    "county",
];

/// Lowercase words allowed inside a multi-word name ("Bosnia and Herzegovina").
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "du", "des", "la", "le", "les", "et", "d", "l", "al", "el", "upon",
    "on", "sur", "en", "y", "da", "do", "dos", "das", "di", "van", "von", "der", "den", "am", "im",
];

/// Words before a common-word place name that make it a place ("in Bar").
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "from", "to", "into", "towards", "a", "au", "en", "pres",
];

fn word_at(chars: &[char], mut i: usize, forward: bool) -> String {
    let mut word = Vec::new();
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.';
    if forward {
        while i < chars.len() && part(chars[i]) {
            word.push(chars[i]);
            i += 1;
        }
    } else {
        while i > 0 && part(chars[i - 1]) {
            word.push(chars[i - 1]);
            i -= 1;
        }
        word.reverse();
    }
    let word: String = word.into_iter().collect();
    word.trim_end_matches(['.', '\'', '’']).to_owned()
}

/// The text around one recognised name.
pub struct Surroundings<'a> {
    chars: &'a [char],
    start: usize,
    end: usize,
    /// The word just before (same sentence, one space apart), as written.
    previous: Option<String>,
    /// The word just after (one space apart), as written.
    next: Option<String>,
    sentence_initial: bool,
}

impl<'a> Surroundings<'a> {
    #[must_use]
    pub fn new(chars: &'a [char], start: usize, end: usize) -> Self {
        // Before: skip spaces and opening quotes; a sentence end or line break
        // in between means there is no previous word in this sentence.
        let mut i = start;
        while i > 0
            && matches!(
                chars[i - 1],
                ' ' | '\u{a0}' | '“' | '"' | '‘' | '«' | '(' | '\''
            )
        {
            i -= 1;
        }
        let sentence_initial = i == 0
            || matches!(
                chars[i - 1],
                '.' | '!' | '?' | '\n' | ':' | '\r' | '—' | '|'
            );
        let previous = (!sentence_initial && i < start && chars[i - 1].is_alphanumeric())
            .then(|| word_at(chars, i, false));
        let next = (end < chars.len() && chars[end] == ' ')
            .then(|| word_at(chars, end + 1, true))
            .filter(|w| !w.is_empty());
        Self {
            chars,
            start,
            end,
            previous,
            next,
            sentence_initial,
        }
    }

    fn surface(&self) -> String {
        self.chars[self.start..self.end].iter().collect()
    }

    /// The surface starts with a capital letter.
    #[must_use]
    pub fn is_capitalised(&self) -> bool {
        self.chars.get(self.start).is_some_and(|c| c.is_uppercase())
    }

    /// "… region", "… province": prefer an administrative region.
    #[must_use]
    pub fn followed_by_region_word(&self) -> bool {
        self.next
            .as_deref()
            .is_some_and(|n| REGION_HEADS.contains(&fold_str(n).as_str()))
    }

    fn previous_folded(&self) -> Option<String> {
        self.previous.as_deref().map(fold_str)
    }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every word of a multi-word surface is capitalised or a connector.
fn well_capitalised(surface: &str) -> bool {
    let mut words = surface.split([' ', '-']).filter(|w| !w.is_empty());
    let first_ok = words.next().is_some_and(capitalised);
    first_ok
        && words.all(|w| {
            capitalised(w)
                || CONNECTORS.contains(&fold_str(w).as_str())
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Whether `entry` may be what the name at `s` means.
#[must_use]
pub fn accepts(
    gazetteer: &Gazetteer,
    entry: &Entry,
    s: &Surroundings<'_>,
    lowercase: &LowercaseWords,
) -> bool {
    let surface = s.surface();
    let single_word = !surface.contains([' ', '-']);
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();

    // Capitals: zones may be written in lower case ("the three borders region");
    // everything else must look like a name.
    let multi_word_zone = entry.kind == EntryKind::Zone && !single_word;
    if !multi_word_zone && !well_capitalised(&surface) {
        return false;
    }
    // Short all-capital words are acronyms ("EU", "UN") unless a country's ("UK").
    let all_caps = surface
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if letters <= 3 && all_caps && entry.kind != EntryKind::Country {
        return false;
    }
    if letters < 3 && entry.kind != EntryKind::Country {
        return false;
    }

    let previous = s.previous_folded();
    let previous_raw = s.previous.as_deref().unwrap_or_default();
    // A title before it: a person ("Mr Clement", "President Macron").
    if previous.as_deref().is_some_and(|p| TITLES.contains(&p)) {
        return false;
    }
    // An alphanumeric code before it: an organisation or model ("G5 Sahel").
    if previous_raw.chars().any(|c| c.is_ascii_digit())
        && previous_raw.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let next_is_head = s
        .next
        .as_deref()
        .is_some_and(|n| GEO_HEADS.contains(&fold_str(n).as_str()));
    if single_word && !next_is_head {
        // Part of a longer capitalised name that is not a place: a person
        // ("Florence Parly", "Kevin Clement") or an organisation ("Radio France
        // Internationale").
        let previous_is_name = capitalised(previous_raw)
            && !previous
                .as_deref()
                .is_some_and(|p| LEADERS.contains(&p) || TITLES.contains(&p));
        let next_is_name = s
            .next
            .as_deref()
            .is_some_and(|n| capitalised(n) && !LEADERS.contains(&fold_str(n).as_str()));
        if previous_is_name || next_is_name {
            return false;
        }
    }
    // An adjective ("Saharan nations"): a town's alternate name that ends like
    // a demonym and is followed by a lower-case word.
    if entry.kind == EntryKind::City && single_word {
        let key = fold_str(&surface);
        let adjectival = ["an", "ian", "ean", "ese", "ish", "ic", "ique", "ien", "ais"]
            .iter()
            .any(|e| key.ends_with(e));
        let next_lower = s
            .next
            .as_deref()
            .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
        if adjectival && next_lower && key != fold_str(&entry.name) {
            return false;
        }
    }
    // An ordinary word that is also the name of a small town ("Police", "Bar"):
    // only after "in", "at", "near"…, and never if the text uses it lower-case.
    if matches!(entry.kind, EntryKind::City | EntryKind::Region) && single_word {
        let key = fold_str(&surface);
        let common = gazetteer.is_common_word(&key) && entry.population < 200_000;
        if common {
            let after_locative = previous.as_deref().is_some_and(|p| LOCATIVES.contains(&p));
            if !after_locative || s.sentence_initial {
                return false;
            }
        }
        if lowercase.0.contains(&key) {
            return false;
        }
    }
    true
}

/// Every word a text writes in lower case, folded: a name that also occurs
/// like this is an ordinary word in this text.
pub struct LowercaseWords(HashSet<String>);

/// Collects the [`LowercaseWords`] of a text.
#[must_use]
pub fn lowercase_words(chars: &[char]) -> LowercaseWords {
    let mut words = HashSet::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphabetic() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            if chars[start].is_lowercase() {
                words.insert(fold_str(&chars[start..i].iter().collect::<String>()));
            }
        } else {
            i += 1;
        }
    }
    LowercaseWords(words)
}
