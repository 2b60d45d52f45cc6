//! Number words and the vocabulary around figures, in English and French.
//! All entries are folded (lower-case, no accents), like token lookups.

use super::tokens::{Token, TokenKind};

/// Nouns a figure counts besides those of [`UNIT_GROUPS`]; the first counted
/// noun after a number is its unit (see [`is_count_noun`]).
const OTHER_COUNT_NOUNS: &[&str] = &[
    "women",
    "woman",
    "casualties",
    "casualty",
    "attackers",
    "rebels",
    "villagers",
    "officers",
    "police",
    "policemen",
    "gendarmes",
    "minutes",
    "miles",
    "metres",
    "meters",
    "aircraft",
    "drones",
    "bombs",
    "states",
    "times",
    "villages",
    "towns",
    "operations",
    "bases",
    "camps",
    "tonnes",
    "tons",
    "percent",
    "euros",
    "dollars",
    "nationals",
    "students",
    "votes",
    "voters",
    "cases",
    "patients",
    "jobs",
    "homes",
    "houses",
    "families",
    "residents",
    "workers",
    "prisoners",
    "detainees",
    "suspects",
    "femmes",
    "femme",
    "victime",
    "fois",
    "gendarmes",
    "policiers",
    "habitants",
    "deplaces",
];

/// Every counted noun, folded, as a set: asked of several words around
/// every number of a text.
static COUNT_NOUNS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        UNIT_GROUPS
            .iter()
            .flat_map(|(_, members)| members.iter().copied())
            .chain(OTHER_COUNT_NOUNS.iter().copied())
            .collect()
    });

/// Whether a folded word is a noun figures count ("soldiers", "militaires",
/// "days").
#[must_use]
pub fn is_count_noun(word: &str) -> bool {
    COUNT_NOUNS.contains(word)
}

/// What a unit counts, the same in English and French: "soldiers",
/// "troops" and "militaires" all count troops. A unit outside these groups
/// is its own quantity.
const UNIT_GROUPS: &[(&str, &[&str])] = &[
    (
        "troops",
        &[
            "soldiers",
            "soldier",
            "troops",
            "troop",
            "men",
            "man",
            "legionnaires",
            "legionnaire",
            "peacekeepers",
            "soldats",
            "soldat",
            "militaires",
            "militaire",
            "hommes",
            "homme",
            "casques",
        ],
    ),
    (
        "killed",
        &[
            "killed", "dead", "deaths", "death", "tues", "tue", "morts", "mort",
        ],
    ),
    ("wounded", &["wounded", "injured", "blesses", "blesse"]),
    ("civilians", &["civilians", "civilian", "civils", "civil"]),
    (
        "people",
        &["people", "persons", "person", "personnes", "personne"],
    ),
    (
        "militants",
        &[
            "militants",
            "militant",
            "jihadists",
            "jihadist",
            "terrorists",
            "terrorist",
            "fighters",
            "fighter",
            "insurgents",
            "djihadistes",
            "jihadistes",
            "terroristes",
        ],
    ),
    ("hostages", &["hostages", "otages"]),
    ("children", &["children", "child", "enfants"]),
    ("victims", &["victims", "victimes"]),
    ("days", &["days", "day", "jours", "jour"]),
    ("weeks", &["weeks", "week", "semaines", "semaine"]),
    ("months", &["months", "month", "mois"]),
    ("years", &["years", "year", "ans", "annees"]),
    ("hours", &["hours", "hour", "heures"]),
    ("kilometres", &["kilometres", "kilometers", "km"]),
    ("vehicles", &["vehicles", "vehicules"]),
    ("helicopters", &["helicopters", "helicopteres"]),
    ("attacks", &["attacks", "attack", "attaques", "attaque"]),
    ("countries", &["countries", "nations", "pays"]),
    ("members", &["members", "membres"]),
    ("refugees", &["refugees", "refugies"]),
];

/// The quantity a unit counts (see [`UNIT_GROUPS`]). Units are folded
/// already (they are the folded words after a figure), so nothing is
/// allocated: the dossier asks this of every pair of figures it compares.
#[must_use]
pub fn unit_quantity(unit: &str) -> &str {
    UNIT_GROUPS
        .iter()
        .find(|(_, members)| members.contains(&unit))
        .map_or_else(|| unit.trim_end_matches('s'), |(quantity, _)| *quantity)
}

/// Words near a figure that make it a toll: people killed or wounded, not
/// a strength ("43 soldiers killed" against "5,100 soldiers deployed").
const CASUALTY_WORDS: &[&str] = &[
    "killed",
    "kill",
    "kills",
    "died",
    "dead",
    "deaths",
    "death",
    "wounded",
    "injured",
    "casualties",
    "perished",
    "lost",
    "tues",
    "tue",
    "tuees",
    "tuee",
    "morts",
    "mort",
    "blesses",
    "blesse",
    "decedes",
    "deces",
    "pertes",
    "victimes",
    "tombes",
];

/// [`CASUALTY_WORDS`] as a set: asked of a score of words around every figure.
static CASUALTY_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| CASUALTY_WORDS.iter().copied().collect());

/// Whether a folded word makes a figure near it a toll ("killed", "tués").
#[must_use]
pub fn is_casualty_word(word: &str) -> bool {
    CASUALTY_SET.contains(word)
}

/// Qualifiers before a figure, longest first so "more than" beats "than".
const QUALIFIERS: &[&str] = &[
    "as many as",
    "more than",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "plus de",
    "moins de",
    "au moins",
    "pres de",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "environ",
    "quelque",
    "jusqu'a",
    "presque",
];

/// [`QUALIFIERS`] split into words, in the same order.
static QUALIFIER_WORDS: std::sync::LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    std::sync::LazyLock::new(|| {
        QUALIFIERS
            .iter()
            .map(|q| (*q, q.split(' ').collect()))
            .collect()
    });

/// The qualifier whose words are the tokens just before token `first`
/// ("more than 40"), the longest if several are.
pub fn qualifier_ending_at(tokens: &[Token], first: usize) -> Option<&'static str> {
    QUALIFIER_WORDS
        .iter()
        .find(|(_, words)| {
            first >= words.len()
                && words
                    .iter()
                    .zip(&tokens[first - words.len()..first])
                    .all(|(w, t)| t.lower == *w)
        })
        .map(|(q, _)| *q)
}

/// Cardinals, folded (see [`NUMBER_WORDS`]).
const CARDINALS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("un", 1.0),
    ("une", 1.0),
    ("two", 2.0),
    ("deux", 2.0),
    ("three", 3.0),
    ("trois", 3.0),
    ("four", 4.0),
    ("quatre", 4.0),
    ("five", 5.0),
    ("cinq", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("sept", 7.0),
    ("eight", 8.0),
    ("huit", 8.0),
    ("nine", 9.0),
    ("neuf", 9.0),
    ("ten", 10.0),
    ("dix", 10.0),
    ("eleven", 11.0),
    ("onze", 11.0),
    ("twelve", 12.0),
    ("douze", 12.0),
    ("thirteen", 13.0),
    ("treize", 13.0),
    ("fourteen", 14.0),
    ("quatorze", 14.0),
    ("fifteen", 15.0),
    ("quinze", 15.0),
    ("sixteen", 16.0),
    ("seize", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("trente", 30.0),
    ("forty", 40.0),
    ("quarante", 40.0),
    ("fifty", 50.0),
    ("cinquante", 50.0),
    ("sixty", 60.0),
    ("soixante", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Multipliers: "1.5 million", "deux cents".
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("cent", 100.0),
    ("cents", 100.0),
    ("thousand", 1e3),
    ("mille", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("milliard", 1e9),
    ("milliards", 1e9),
];

/// Nouns of an approximate number: "a dozen", "une centaine" (exact),
/// "dozens", "des milliers" (vague: `true`).
const APPROXIMATE: &[(&str, f64, bool)] = &[
    ("dozen", 12.0, false),
    ("douzaine", 12.0, false),
    ("dozens", 12.0, true),
    ("douzaines", 12.0, true),
    ("hundreds", 100.0, true),
    ("centaines", 100.0, true),
    ("thousands", 1000.0, true),
    ("milliers", 1000.0, true),
    ("millions", 1e6, true),
    ("dizaine", 10.0, false),
    ("dizaines", 10.0, true),
    ("quinzaine", 15.0, false),
    ("vingtaine", 20.0, false),
    ("trentaine", 30.0, false),
    ("quarantaine", 40.0, false),
    ("cinquantaine", 50.0, false),
    ("soixantaine", 60.0, false),
    ("centaine", 100.0, false),
    ("millier", 1000.0, false),
];

/// Ordinals that express a running count ("the second soldier killed").
/// "first"/"premier" are left out: they name ranks and regiments far more often.
const ORDINALS: &[(&str, f64)] = &[
    ("second", 2.0),
    ("deuxieme", 2.0),
    ("seconde", 2.0),
    ("third", 3.0),
    ("troisieme", 3.0),
    ("fourth", 4.0),
    ("quatrieme", 4.0),
    ("fifth", 5.0),
    ("cinquieme", 5.0),
    ("sixth", 6.0),
    ("sixieme", 6.0),
    ("seventh", 7.0),
    ("septieme", 7.0),
    ("eighth", 8.0),
    ("huitieme", 8.0),
    ("ninth", 9.0),
    ("neuvieme", 9.0),
    ("tenth", 10.0),
    ("dixieme", 10.0),
];

/// What one folded word can be in a number (most words are none of these).
#[derive(Clone, Copy, Debug, Default)]
struct NumberWord {
    cardinal: Option<f64>,
    scale: Option<f64>,
    approximate: Option<(f64, bool)>,
    ordinal: Option<f64>,
}

/// Every word a figure may start with or be made of, from the tables
/// above, and French "vingt(s)" (which multiplies or adds: see
/// [`add_part`]). One lookup answers for every word of a text.
static NUMBER_WORDS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, NumberWord>> =
    std::sync::LazyLock::new(|| {
        let mut words: rustc_hash::FxHashMap<&'static str, NumberWord> =
            rustc_hash::FxHashMap::default();
        for &(w, v) in CARDINALS {
            words.entry(w).or_default().cardinal = Some(v);
        }
        for &(w, v) in SCALES {
            words.entry(w).or_default().scale = Some(v);
        }
        for &(w, v, vague) in APPROXIMATE {
            words.entry(w).or_default().approximate = Some((v, vague));
        }
        for &(w, v) in ORDINALS {
            words.entry(w).or_default().ordinal = Some(v);
        }
        words.entry("vingt").or_default();
        words.entry("vingts").or_default();
        words
    });

/// The shapes of the words of [`NUMBER_WORDS`]: for each first letter and
/// length, a bit for each second letter and a bit for each last letter. A
/// word whose shape no number word has needs no lookup: nearly all of a
/// text's words ("the" has the first letter and length of "ten" and "two",
/// not their second or last letter).
struct Shapes {
    second_letters: [[u32; 32]; 26],
    last_letters: [[u32; 32]; 26],
}

impl Shapes {
    /// A word's shape, if it has one (ASCII lower-case letters first,
    /// second and last, fewer than 32 bytes): its first letter and length
    /// as indices, its second and last letters as bits.
    fn of(word: &[u8]) -> Option<(usize, usize, u32, u32)> {
        let (&first, &second, &last) = (word.first()?, word.get(1)?, word.last()?);
        let bit = |b: u8| b.is_ascii_lowercase().then(|| 1u32 << (b - b'a'));
        let (_, second, last) = (bit(first)?, bit(second)?, bit(last)?);
        (word.len() < 32).then(|| (usize::from(first - b'a'), word.len(), second, last))
    }
}

static NUMBER_WORD_SHAPES: std::sync::LazyLock<Shapes> = std::sync::LazyLock::new(|| {
    let mut shapes = Shapes {
        second_letters: [[0; 32]; 26],
        last_letters: [[0; 32]; 26],
    };
    for word in NUMBER_WORDS.keys() {
        if let Some((first, len, second, last)) = Shapes::of(word.as_bytes()) {
            shapes.second_letters[first][len] |= second;
            shapes.last_letters[first][len] |= last;
        }
    }
    shapes
});

/// Whether a folded word, or the part of a hyphenated one before its first
/// hyphen ("forty" of "forty-three"), is a number word: a word that may
/// begin a figure.
#[must_use]
pub fn is_number_head(head: &str) -> bool {
    let shaped = Shapes::of(head.as_bytes()).is_some_and(|(first, len, second, last)| {
        let shapes = &*NUMBER_WORD_SHAPES;
        shapes.second_letters[first][len] & second != 0
            && shapes.last_letters[first][len] & last != 0
    });
    shaped && NUMBER_WORDS.contains_key(head)
}

fn unit_word(w: &str) -> Option<f64> {
    NUMBER_WORDS.get(w)?.cardinal
}

/// Multipliers: "1.5 million", "deux cents".
pub fn scale(w: &str) -> Option<f64> {
    NUMBER_WORDS.get(w)?.scale
}

/// Adds one number word to a running `(total, current)`; false if not one.
fn add_part(part: &str, total: &mut f64, current: &mut f64) -> bool {
    if let Some(v) = unit_word(part) {
        *current += v;
    } else if part == "vingt" || part == "vingts" {
        // "quatre-vingt(s)" is 4 × 20.
        if (2.0..=9.0).contains(current) {
            *current *= 20.0;
        } else {
            *current += 20.0;
        }
    } else if let Some(s) = scale(part) {
        if s >= 1e3 {
            *total += current.max(1.0) * s;
            *current = 0.0;
        } else {
            *current = current.max(1.0) * s;
        }
    } else {
        return part == "et" || part == "and";
    }
    true
}

/// Number words from token `i` on ("forty-three", "one hundred and twenty",
/// "quarante-trois", "vingt et un"): the value and how many tokens it used.
pub fn parse_number_words(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    // Most words are not numbers: decide on the first part before any work.
    let head = tokens.get(i)?.lower.split('-').next().unwrap_or_default();
    if unit_word(head).is_none() && scale(head).is_none() && head != "vingt" && head != "vingts" {
        return None;
    }
    let (mut total, mut current) = (0.0, 0.0);
    let mut used = 0;
    let mut j = i;
    while let Some(t) = tokens.get(j) {
        if t.kind != TokenKind::Word {
            break;
        }
        let joiner = t.lower == "and" || t.lower == "et";
        if joiner {
            // Only inside a number: "hundred and twenty", "vingt et un".
            let next_is_number = tokens
                .get(j + 1)
                .is_some_and(|n| unit_word(n.lower).is_some());
            if used == 0 || !next_is_number {
                break;
            }
            j += 1;
            continue;
        }
        let parts: Vec<&str> = t.lower.split('-').collect();
        let (mut t2, mut c2) = (total, current);
        if !parts.iter().all(|p| add_part(p, &mut t2, &mut c2))
            || parts.iter().all(|p| *p == "et" || *p == "and")
        {
            break;
        }
        total = t2;
        current = c2;
        j += 1;
        used = j - i;
    }
    (used > 0).then_some((total + current, used))
}

/// "a dozen", "une centaine" (exact), "dozens", "des milliers" (vague).
pub fn approximate_noun(w: &str) -> Option<(f64, bool)> {
    NUMBER_WORDS.get(w)?.approximate
}

/// Ordinals that express a running count ("the second soldier killed").
pub fn ordinal_value(w: &str) -> Option<f64> {
    NUMBER_WORDS.get(w)?.ordinal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_filter_lets_every_number_word_through() {
        for word in NUMBER_WORDS.keys() {
            assert!(is_number_head(word), "{word}");
        }
        for word in [
            "the",
            "des",
            "said",
            "sept-",
            "",
            "deux\u{e9}",
            "Deux",
            "twentyish",
        ] {
            assert!(!is_number_head(word), "{word}");
        }
    }

    #[test]
    fn one_lookup_answers_each_role() {
        assert_eq!(unit_word("quarante"), Some(40.0));
        assert_eq!(scale("milliards"), Some(1e9));
        assert_eq!(approximate_noun("millions"), Some((1e6, true)));
        assert_eq!(scale("millions"), Some(1e6));
        assert_eq!(ordinal_value("seconde"), Some(2.0));
        assert_eq!(unit_word("vingt"), None);
        assert!(is_number_head("vingts"));
    }
}
