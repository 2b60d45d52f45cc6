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
pub const CASUALTY_WORDS: &[&str] = &[
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

/// Qualifiers before a figure, longest first so "more than" beats "than".
pub const QUALIFIERS: &[&str] = &[
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

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" | "un" | "une" => 1.0,
        "two" | "deux" => 2.0,
        "three" | "trois" => 3.0,
        "four" | "quatre" => 4.0,
        "five" | "cinq" => 5.0,
        "six" => 6.0,
        "seven" | "sept" => 7.0,
        "eight" | "huit" => 8.0,
        "nine" | "neuf" => 9.0,
        "ten" | "dix" => 10.0,
        "eleven" | "onze" => 11.0,
        "twelve" | "douze" => 12.0,
        "thirteen" | "treize" => 13.0,
        "fourteen" | "quatorze" => 14.0,
        "fifteen" | "quinze" => 15.0,
        "sixteen" | "seize" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" | "trente" => 30.0,
        "forty" | "quarante" => 40.0,
        "fifty" | "cinquante" => 50.0,
        "sixty" | "soixante" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Multipliers: "1.5 million", "deux cents".
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" | "cent" | "cents" => 100.0,
        "thousand" | "mille" => 1e3,
        "million" | "millions" => 1e6,
        "billion" | "billions" | "milliard" | "milliards" => 1e9,
        _ => return None,
    })
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
                .is_some_and(|n| unit_word(&n.lower).is_some());
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
    Some(match w {
        "dozen" | "douzaine" => (12.0, false),
        "dozens" | "douzaines" => (12.0, true),
        "hundreds" | "centaines" => (100.0, true),
        "thousands" | "milliers" => (1000.0, true),
        "millions" => (1e6, true),
        "dizaine" => (10.0, false),
        "dizaines" => (10.0, true),
        "quinzaine" => (15.0, false),
        "vingtaine" => (20.0, false),
        "trentaine" => (30.0, false),
        "quarantaine" => (40.0, false),
        "cinquantaine" => (50.0, false),
        "soixantaine" => (60.0, false),
        "centaine" => (100.0, false),
        "millier" => (1000.0, false),
        _ => return None,
    })
}

/// Ordinals that express a running count ("the second soldier killed").
/// "first"/"premier" are left out: they name ranks and regiments far more often.
pub fn ordinal_value(w: &str) -> Option<f64> {
    Some(match w {
        "second" | "deuxieme" | "seconde" => 2.0,
        "third" | "troisieme" => 3.0,
        "fourth" | "quatrieme" => 4.0,
        "fifth" | "cinquieme" => 5.0,
        "sixth" | "sixieme" => 6.0,
        "seventh" | "septieme" => 7.0,
        "eighth" | "huitieme" => 8.0,
        "ninth" | "neuvieme" => 9.0,
        "tenth" | "dixieme" => 10.0,
        _ => return None,
    })
}
