//! Figures: the numbers an article reports (troops, casualties, ages, days…),
//! in digits or words, in English and French, with what they count.
//!
//! Not figures: dates and years, times of day, ranks and regiment numbers
//! ("1st class", "first foreign cavalry regiment"), and codes ("G5", "AK-47").

pub mod tokens;
mod words;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::text::calendar::is_month;
use crate::text::prepared::PreparedText;
use tokens::{Token, TokenKind, tokenize};
use words::{
    approximate_noun, is_casualty_word, is_count_noun, ordinal_value, parse_number_words,
    qualifier_ending_at,
};

/// A number reported in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The numeral as written ("4,500", "forty-three", "une centaine").
    pub surface: Arc<str>,
    /// Char offsets (Unicode scalar values); `end` exclusive.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// What it counts ("soldiers", "years of age", "days"), when the text says.
    pub unit: Option<Arc<str>>,
    /// "more than", "about", "at least"…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// For "from 4,500 to 5,100": the pair, on both figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<(f64, f64)>,
    /// "dozens", "des centaines": the value is an order of magnitude.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// "the second soldier killed": a running count.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ordinal: bool,
    /// A toll: people killed or wounded ("43 soldiers killed"), as opposed
    /// to a strength ("5,100 soldiers deployed") of the same unit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub casualties: bool,
}

impl Figure {
    /// The quantity the figure's unit counts, the same in English and
    /// French ("troops" and "militaires" are "soldiers"), if it has a unit.
    #[must_use]
    pub fn quantity(&self) -> Option<&str> {
        self.unit.as_deref().map(words::unit_quantity)
    }

    /// Whether `other` reports the same quantity: the same thing counted
    /// (in English or French) and both tolls or neither. Running counts and
    /// orders of magnitude are not comparable with counts.
    #[must_use]
    pub fn same_quantity(&self, other: &Figure) -> bool {
        let comparable = !(self.ordinal || other.ordinal || self.vague || other.vague);
        let unit = match (self.unit.as_deref(), other.unit.as_deref()) {
            (Some(a), Some(b)) => words::unit_quantity(a) == words::unit_quantity(b),
            _ => true,
        };
        comparable && unit && self.casualties == other.casualties
    }
}

/// Whether a casualty word stands near the figure in its clause: "43
/// soldats français ont été tués", "killed 71 soldiers", "the number of
/// French dead … has increased to 43".
fn counts_casualties(tokens: &[Token], first: usize, last: usize) -> bool {
    let in_clause = |t: &&Token| !matches!(t.lower, "." | ";" | "!" | "?" | ":" | ",");
    let after = tokens.iter().skip(last + 1).take(6).take_while(in_clause);
    let before = tokens[first.saturating_sub(12)..first]
        .iter()
        .rev()
        .take_while(in_clause);
    after.chain(before).any(|t| is_casualty_word(t.lower))
}

struct Found {
    first: usize,
    last: usize,
    value: f64,
    vague: bool,
    ordinal: bool,
    age: bool,
}

impl Found {
    /// A plain count over tokens `first..=last`.
    fn count(first: usize, last: usize, value: f64) -> Self {
        Self {
            first,
            last,
            value,
            vague: false,
            ordinal: false,
            age: false,
        }
    }
}

fn word<'t>(tokens: &'t [Token<'_>], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| t.lower)
}

fn is_year(token: &Token, tokens: &[Token], i: usize) -> bool {
    let plain = token.lower.len() == 4 && token.lower.chars().all(|c| c.is_ascii_digit());
    let value: u32 = token.lower.parse().unwrap_or(0);
    plain && (1800..=2100).contains(&value) && !is_count_noun(word(tokens, i + 1))
}

/// What follows the digits of a numeral ordinal, folded: "44th", "44e",
/// "44ème", "1er", "1re".
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "e", "eme", "er", "re"];

/// Articles before an ordinal of a running count: "the second", "le 44e",
/// "du deuxième soldat" (de + le), "au troisième jour" (à + le).
const DEFINITE_ARTICLES: &[&str] = &["the", "le", "la", "l'", "du", "au"];

/// Words that make an ordinal a rank or a unit's name, not a count.
const RANK_WORDS: &[&str] = &[
    "class",
    "classe",
    "grade",
    "rank",
    "regiment",
    "battalion",
    "bataillon",
    "company",
    "compagnie",
    "brigade",
    "division",
    "squadron",
    "escadron",
    "infantry",
    "infanterie",
    "cavalry",
    "cavalerie",
    "armoured",
    "armored",
    "blinde",
    "parachute",
    "foreign",
    "etranger",
    "arrondissement",
    "century",
    "siecle",
    "anniversary",
    "anniversaire",
];

/// "the 44th French soldier killed", "le 44e soldat", "le 44ème militaire":
/// a numeral ordinal after a definite article with a counted noun just after
/// it is a running count. Ranks and regiments ("1st class", "le 1er REC",
/// "2e régiment") count nothing and stay out.
fn running_count(tokens: &[Token], i: usize) -> Option<Found> {
    let suffix = tokens.get(i + 1).filter(|s| !s.space_before)?;
    let ordinal = ORDINAL_SUFFIXES.contains(&suffix.lower);
    let after_article = i
        .checked_sub(1)
        .is_some_and(|p| DEFINITE_ARTICLES.contains(&tokens[p].lower));
    // The noun it counts, before any word of rank ("1st class legionnaire").
    let counted = counted_noun_within(tokens, i + 2, 3, |_| false);
    if !(ordinal && after_article && counted) {
        return None;
    }
    let value = tokens[i].lower.parse::<u32>().ok()?;
    Some(Found {
        ordinal: true,
        ..Found::count(i, i + 1, f64::from(value))
    })
}

/// A counted noun among the `within` words from token `from`, before any
/// word of rank ("1st class legionnaire") or where `stop` says.
fn counted_noun_within(
    tokens: &[Token],
    from: usize,
    within: usize,
    stop: impl Fn(&Token) -> bool,
) -> bool {
    tokens
        .iter()
        .skip(from)
        .take(within)
        .take_while(|t| t.kind == TokenKind::Word && !RANK_WORDS.contains(&t.lower) && !stop(t))
        .any(|t| is_count_noun(t.lower))
}

/// A number glued to letters or codes: "G5", "AK-47", "COVID-19", "1st", "10h30".
fn is_code_or_rank(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let glued_before = prev.is_some_and(|p| {
        !t.space_before
            && (p.kind == TokenKind::Word || matches!(p.lower, "-" | "#" | ":" | "/" | "."))
    });
    let next = tokens.get(i + 1);
    let glued_after = next.is_some_and(|n| !n.space_before && n.kind == TokenKind::Word);
    let suffix = next.map_or("", |n| n.lower);
    // Ordinals, and times of day ("10h", "9am").
    let ordinal_suffix = ORDINAL_SUFFIXES.contains(&suffix) || ["h", "am", "pm"].contains(&suffix);
    glued_before
        || (glued_after && ordinal_suffix)
        || prev.is_some_and(|p| ["no", "n°"].contains(&p.lower))
}

fn is_date_or_time(tokens: &[Token], i: usize) -> bool {
    let next = word(tokens, i + 1);
    let prev = i.checked_sub(1).map_or("", |p| tokens[p].lower);
    let colon_time = tokens
        .get(i + 1)
        .is_some_and(|n| n.lower == ":" && !n.space_before)
        && tokens
            .get(i + 2)
            .is_some_and(|n| n.kind == TokenKind::Number && !n.space_before);
    let slash_date = tokens
        .get(i + 1)
        .is_some_and(|n| n.lower == "/" && !n.space_before);
    is_month(next)
        || is_month(prev)
        || colon_time
        || slash_date
        || ["a.m", "p.m", "gmt", "utc", "heures"].contains(&next)
}

fn digits_value(text: &str) -> Option<f64> {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    // "4,500" groups; "4,5" is a French decimal.
    let comma_decimal = plain
        .rsplit_once(',')
        .is_some_and(|(_, frac)| frac.len() <= 2);
    let normalized = if comma_decimal {
        plain.replace(',', ".")
    } else {
        plain.replace(',', "")
    };
    normalized.parse().ok()
}

/// Reads a figure starting at token `i`, if there is one.
fn read_at(tokens: &[Token], i: usize) -> Option<Found> {
    let t = &tokens[i];
    match t.kind {
        TokenKind::Number => {
            if let Some(found) = running_count(tokens, i) {
                return Some(found);
            }
            if is_year(t, tokens, i) || is_code_or_rank(tokens, i) || is_date_or_time(tokens, i) {
                return None;
            }
            let mut value = digits_value(t.lower)?;
            let mut last = i;
            // "1.5 million"
            if let Some(scale) = words::scale(word(tokens, i + 1)) {
                value *= scale;
                last = i + 1;
            }
            // "21-year-old"
            let age = tokens
                .get(i + 1)
                .is_some_and(|n| n.lower == "-" && !n.space_before)
                && word(tokens, i + 2).starts_with("year");
            Some(Found {
                age,
                ..Found::count(i, last, value)
            })
        }
        // Most words are no number: the tokenizer marked those that may be.
        TokenKind::Word if !t.number_word => None,
        TokenKind::Word => {
            // "a dozen", "a hundred soldiers", "une centaine", "des milliers"
            if let Some((value, vague)) = approximate_noun(t.lower) {
                let article = i.checked_sub(1).map(|p| tokens[p].lower);
                let first = match article {
                    Some("a" | "an" | "une" | "un") if !vague => i - 1,
                    _ => i,
                };
                if vague
                    && !matches!(article, Some("des" | "several" | "many") | None)
                    && !t.lower.ends_with('s')
                {
                    return None;
                }
                return Some(Found {
                    first,
                    last: i,
                    value,
                    vague,
                    ordinal: false,
                    age: false,
                });
            }
            if let Some(value) = ordinal_value(t.lower) {
                let after_the = i
                    .checked_sub(1)
                    .is_some_and(|p| DEFINITE_ARTICLES.contains(&tokens[p].lower));
                // A running count counts something: "the second French
                // soldier killed", "du deuxième soldat". "La deuxième ville
                // du pays" is a rank: what follows "du" is not what it counts.
                let before_counted_noun = counted_noun_within(tokens, i + 1, 2, |n| {
                    matches!(n.lower, "of" | "du" | "de" | "des" | "d'")
                });
                return (after_the && before_counted_noun).then_some(Found {
                    first: i,
                    last: i,
                    value,
                    vague: false,
                    ordinal: true,
                    age: false,
                });
            }
            let (value, used) = parse_number_words(tokens, i)?;
            let last = i + used - 1;
            // "one", "un", "une" alone are pronouns or articles unless a
            // counted noun follows ("one soldier").
            if (value - 1.0).abs() < f64::EPSILON
                && used == 1
                && !is_count_noun(word(tokens, last + 1))
            {
                return None;
            }
            // French "un", "une" before a noun is the indefinite article ("Un
            // soldat a été tué": a soldier) unless the text makes it a
            // count: "au moins un soldat", "un mort et trois blessés".
            if used == 1
                && matches!(t.lower, "un" | "une")
                && qualifier_before(tokens, i).is_none()
                && !counted_alongside(tokens, last + 1)
            {
                return None;
            }
            Some(Found::count(i, last, value))
        }
        TokenKind::Punct => None,
    }
}

/// "un mort et trois blessés", "un soldat, deux civils": the noun at `noun`
/// is followed by another count.
fn counted_alongside(tokens: &[Token], noun: usize) -> bool {
    let joined = tokens
        .get(noun + 1)
        .is_some_and(|t| matches!(t.lower, "et" | "," | "and"));
    let next = noun + 2;
    joined
        && tokens.get(next).is_some_and(|t| {
            t.kind == TokenKind::Number || parse_number_words(tokens, next).is_some()
        })
}

/// What a figure counts: the first counted noun within the next few words.
fn unit_after(tokens: &[Token], last: usize) -> Option<String> {
    for t in tokens.iter().skip(last + 1).take(3) {
        if t.kind != TokenKind::Word {
            return None;
        }
        // French elides "de" before a vowel: "une vingtaine d'hommes".
        let noun = t.lower.strip_prefix("d'").unwrap_or(t.lower);
        if is_count_noun(noun) {
            return Some(noun.to_owned());
        }
    }
    None
}

fn qualifier_before(tokens: &[Token], first: usize) -> Option<String> {
    qualifier_ending_at(tokens, first).map(str::to_owned)
}

/// Every figure in `text`.
#[must_use]
pub fn extract_figures(text: &str) -> Vec<Figure> {
    figures_in(&PreparedText::new(text))
}

/// Every figure in a prepared text (the geoparser reads the same one).
#[must_use]
pub fn figures_in(text: &PreparedText) -> Vec<Figure> {
    let tokens = tokenize(&text.folded.text);
    let mut figures: Vec<(Figure, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(found) = read_at(&tokens, i) else {
            i += 1;
            continue;
        };
        let (start, end) = text
            .folded
            .original_span(tokens[found.first].start(), tokens[found.last].end());
        let unit = if found.age
            || is_age_apposition(text, &tokens, found.first, found.last)
            || is_stated_age(&tokens, found.first)
        {
            Some("years of age".to_owned())
        } else {
            unit_after(&tokens, found.last)
        };
        figures.push((
            Figure {
                surface: Arc::from(text.surface(start, end)),
                start,
                end,
                value: found.value,
                unit: unit.map(Arc::from),
                qualifier: qualifier_before(&tokens, found.first),
                change: None,
                vague: found.vague,
                ordinal: found.ordinal,
                casualties: counts_casualties(&tokens, found.first, found.last),
            },
            found.first,
            found.last,
        ));
        i = found.last + 1;
    }
    link_ranges(&tokens, &mut figures);
    link_earlier_values(&tokens, &mut figures);
    figures.into_iter().map(|(f, _, _)| f).collect()
}

/// Words that put an earlier value after a new one: "5,100 troops, up from
/// 4,500", "5 100 soldats, contre 4 500".
const EARLIER_VALUE: &[&[&str]] = &[&["up", "from"], &["down", "from"], &["contre"]];

/// "5,100 troops, up from 4,500 earlier this year": the second figure is the
/// same quantity before the change. Both get the pair (earlier, later), and
/// the second the first's unit unless one follows it directly.
fn link_earlier_values(tokens: &[Token], figures: &mut [(Figure, usize, usize)]) {
    for k in 1..figures.len() {
        let (a_last, b_first) = (figures[k - 1].2, figures[k].1);
        let Some(cue) = EARLIER_VALUE.iter().find(|cue| {
            b_first >= cue.len()
                && cue
                    .iter()
                    .zip(&tokens[b_first - cue.len()..b_first])
                    .all(|(w, t)| t.lower == *w)
        }) else {
            continue;
        };
        // Same sentence, close by: a few words ("troops in the region under
        // Operation Barkhane") and commas between.
        let between = tokens
            .get(a_last + 1..b_first - cue.len())
            .unwrap_or_default();
        let close = between.len() <= 10
            && between
                .iter()
                .all(|t| t.kind == TokenKind::Word || t.lower == ",");
        if !close || figures[k - 1].0.unit.is_none() || figures[k].0.change.is_some() {
            continue;
        }
        let own_unit = tokens
            .get(figures[k].2 + 1)
            .is_some_and(|t| is_count_noun(t.lower));
        if !own_unit {
            let unit = figures[k - 1].0.unit.clone();
            figures[k].0.unit = unit;
        }
        let pair = (figures[k].0.value, figures[k - 1].0.value);
        figures[k - 1].0.change = Some(pair);
        figures[k].0.change = Some(pair);
    }
}

/// "aged 23", "âgé de 23 ans", "at the age of 23", "at age 23".
fn is_stated_age(tokens: &[Token], first: usize) -> bool {
    let back = |n: usize| first.checked_sub(n).map_or("", |p| tokens[p].lower);
    back(1) == "aged"
        || (back(1) == "de" && matches!(back(2), "age" | "agee" | "ages" | "agees"))
        || (back(1) == "of" && back(2) == "age")
        || (back(1) == "age" && back(2) == "at")
}

/// "Clément, 21, has…": a small number between commas right after a name.
fn is_age_apposition(text: &PreparedText, tokens: &[Token], first: usize, last: usize) -> bool {
    // Tokens are folded: whether the word before is a name, the original says.
    let capitalised = |t: &Token| {
        text.chars
            .get(text.folded.original_char(t.start()))
            .is_some_and(|c| c.is_uppercase())
    };
    let comma_before =
        first >= 2 && tokens[first - 1].lower == "," && capitalised(&tokens[first - 2]);
    // "Clément, 21, …", or with the unit: "Kévin Clément, 21 ans, du …".
    let comma_at = |k: usize| tokens.get(k).is_some_and(|t| t.lower == ",");
    let comma_after = comma_at(last + 1)
        || (matches!(word(tokens, last + 1), "ans" | "years") && comma_at(last + 2));
    let plausible = tokens[first]
        .lower
        .parse::<u32>()
        .is_ok_and(|v| (1..=120).contains(&v));
    comma_before && comma_after && plausible && first == last
}

/// "from 4,500 to 5,100 soldiers": both ends get the pair, and the unit if
/// only the second has one.
fn link_ranges(tokens: &[Token], figures: &mut [(Figure, usize, usize)]) {
    for k in 1..figures.len() {
        let (a_last, b_first) = (figures[k - 1].2, figures[k].1);
        let linked =
            b_first == a_last + 2 && ["to", "a", "à", "-", "–"].contains(&tokens[a_last + 1].lower);
        if !linked {
            continue;
        }
        let pair = (figures[k - 1].0.value, figures[k].0.value);
        let unit = figures[k].0.unit.clone();
        figures[k - 1].0.change = Some(pair);
        figures[k].0.change = Some(pair);
        if figures[k - 1].0.unit.is_none() {
            figures[k - 1].0.unit = unit;
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "values parsed from integer numerals are exact"
)]
mod tests;
