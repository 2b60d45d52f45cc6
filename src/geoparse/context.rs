//! Whether a name found in a text really names a place there: capitalisation,
//! the words around it, and how ordinary the word is. These rules are general
//! (titles before person names, organisation names, common words); none knows
//! any particular article.

use super::gazetteer::{Entry, EntryKind, Gazetteer, ORDINARY_COUNTRY_WORDS};
use super::words::word_key;
use rustc_hash::FxHashSet as HashSet;
use smol_str::SmolStr;
use std::sync::LazyLock;

use crate::focus::is_focus_country;
use crate::text::calendar::is_calendar_word;
use crate::text::fold::{fold_str, folds_to};

/// A word list as a set: the rules ask several lists about every name found,
/// and hashing once beats comparing with up to a hundred words.
fn word_set(words: &[&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

/// Lower-case words that introduce a company's name: "the French nuclear
/// group Orano", "the mining company Resolute", "le groupe Bolloré".
static COMPANY_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
        "group",
        "company",
        "firm",
        "conglomerate",
        "giant",
        "operator",
        "airline",
        "carrier",
        "miner",
        "insurer",
        "lender",
        "groupe",
        "societe",
        "entreprise",
        "compagnie",
        "firme",
        "geant",
        "operateur",
    ])
});

/// Words that introduce a person: "Mr Clement", "President Macron".
static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
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
        // Clergy: "Archbishop Luis Antonio Tagle", "Imam Mahmoud Dicko".
        "archbishop",
        "bishop",
        "cardinal",
        "reverend",
        "rev",
        "pastor",
        "imam",
        "sheikh",
        "cheikh",
        "emir",
        "abbe",
        "pere",
        // Kin: "his father Zachary", "husband Kanye West", "sa fille Awa".
        "father",
        "mother",
        "son",
        "sons",
        "daughter",
        "daughters",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "wife",
        "husband",
        "girlfriend",
        "boyfriend",
        "fiance",
        "fiancee",
        "widow",
        "widower",
        "dad",
        "mum",
        "mom",
        "uncle",
        "aunt",
        "cousin",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
        "grandfather",
        "grandmother",
        "mere",
        "fils",
        "fille",
        "frere",
        "soeur",
        "epouse",
        "mari",
        "oncle",
        "tante",
        "neveu",
    ])
});

/// Capitalised words that may stand before a place name without making it part
/// of another name: sentence-starting function words and compass words.
static LEADERS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
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
    ])
});

/// Words after a name that make it a place ("Ménaka region", "Niger Delta").
static GEO_HEADS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
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
    ])
});

/// Verbs of speech: "Sandberg said" is a person, not a town.
static SPEECH_VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
        "said",
        "says",
        "told",
        "added",
        "explained",
        "wrote",
        "tweeted",
        "argued",
        "claimed",
        "insisted",
        "noted",
        "stated",
        "asked",
        "replied",
        "recalled",
        "admitted",
        "announced",
        "declared",
        "dit",
        "explique",
        "ajoute",
        "affirme",
        "declare",
    ])
});

/// Heads that name an administrative region, to prefer a region over a town.
static REGION_HEADS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
        "region",
        "province",
        "state",
        "department",
        "prefecture",
        "governorate",
        "county",
    ])
});

/// The words that join a list's last name: "Ségou and Timbuktu".
const LIST_AND: [&str; 3] = ["and", "et", "&"];

/// A plural region head, folded: "regions", "provinces", "régions",
/// "départements", "counties".
fn plural_region_head(word: &str) -> bool {
    word == "counties"
        || word
            .strip_suffix('s')
            .is_some_and(|one| REGION_HEADS.contains(one) || FRENCH_REGION_HEADS.contains(&one))
}

/// The head of the list a name stands in, folded: the first word after
/// (`forward`) or before it that is neither capitalised (a name of the
/// list), nor "and", "et", "de", "of", nor a comma; going back, the word
/// before "de" or "of" ("régions de"). `None` if the sentence ends first,
/// no "and" joins the list, or the list runs long.
fn list_head(chars: &[char], at: usize, forward: bool) -> Option<Word> {
    const MAX_WORDS: usize = 12;
    let mut i = at;
    let mut joined = false;
    let mut after_of = false;
    for _ in 0..MAX_WORDS {
        // Spaces and commas between words.
        loop {
            let c = if forward {
                chars.get(i)
            } else {
                i.checked_sub(1).map(|j| &chars[j])
            };
            match c {
                Some(' ' | '\u{a0}' | ',') => {
                    if forward {
                        i += 1;
                    } else {
                        i -= 1;
                    }
                }
                _ => break,
            }
        }
        // Going back, a sentence's end stops the list ("Mali. Ségou").
        if !forward && i > 0 && matches!(chars[i - 1], '.' | '!' | '?' | ';' | ':') {
            return None;
        }
        let word = word_at(chars, i, forward);
        if word.is_empty() {
            return None;
        }
        let n = word.chars().count();
        i = if forward { i + n } else { i - n };
        let folded = fold_word(&word);
        if LIST_AND.contains(&folded.as_str()) {
            joined = true;
            after_of = false;
        } else if matches!(folded.as_str(), "de" | "d" | "of" | "d'") {
            after_of = true;
        } else if capitalised(&word) {
            after_of = false;
        } else {
            // Going back, the head stands before "de": "régions de Mopti".
            return (joined && (forward || after_of)).then_some(folded);
        }
    }
    None
}

/// Heads before a region's name in French ("département de", "État de"),
/// folded, besides [`REGION_HEADS`].
const FRENCH_REGION_HEADS: &[&str] = &["departement", "etat", "wilaya", "cercle"];

/// Particles of family names: "Mike de Kock", "Roger van Boxtel".
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "dos", "das", "di", "du", "del", "della", "ter", "ten",
];

/// Heads before a town's name: "ville de Tombouctou", "the town of Gao",
/// "la commune de Boni".
const TOWN_HEADS: &[&str] = &["ville", "town", "city", "village", "commune", "localite"];

/// Prepositions that may govern a place's name (besides [`LOCATIVES`]).
/// Not "by": it introduces an author.
const PREPOSITIONS: &[&str] = &[
    "on", "of", "around", "between", "through", "across", "via", "beyond", "toward", "within",
    "de", "du", "d", "des", "vers", "sur", "entre", "dans", "depuis", "jusqu",
];

/// Words of a lake or a river before its name ("Lake Chad", "le lac
/// Tchad", "le fleuve Niger"); "River" follows it ("the Niger River").
const WATER_WORDS: &[&str] = &["lake", "lac", "fleuve", "river", "riviere"];

/// Capitalised words that make a macro-region's name another's: "the
/// Inner Niger Delta" (in Mali) is not the Niger Delta (in Nigeria).
/// Compass words are not among them: "the Central Sahel" is the Sahel.
const PART_WORDS: &[&str] = &["Inner", "Outer", "Upper", "Lower"];

/// Words for a part of a river, before "du" ("le delta intérieur du
/// Niger", "la boucle du Niger", "les rives du Niger", "la vallée du
/// Sénégal"), folded; "valley", "basin", "bend" and "delta" after its
/// name in English ("the Niger bend", "the Inner Niger Delta": the Niger
/// Delta itself is a physical region of the gazetteer, read first).
const RIVER_PART_WORDS: &[&str] = &[
    "delta",
    "interieur",
    "boucle",
    "vallee",
    "bassin",
    "rive",
    "rives",
    "berge",
    "berges",
    "embouchure",
    "crue",
    "crues",
];
const RIVER_PART_WORDS_AFTER: &[&str] = &["river", "valley", "basin", "bend", "delta"];

/// Articles that begin a name when capitalised inside a sentence: "La
/// Niña", "Le Monde", "El Universal", "Al Jazeera".
const CAPITALISED_ARTICLES: &[&str] = &["La", "Le", "Les", "El", "Los", "Las", "Al", "Il", "Lo"];

/// Currencies after a country's name: "40 US dollars", "CFA francs" name
/// money, not the place.
const CURRENCY_WORDS: &[&str] = &[
    "dollar",
    "dollars",
    "cent",
    "cents",
    "franc",
    "francs",
    "peso",
    "pesos",
    "rupee",
    "rupees",
    "dinar",
    "dinars",
    "shilling",
    "shillings",
    "naira",
    "cedi",
    "cedis",
    "lari",
    "yuan",
    "rand",
];

/// Lowercase words allowed inside a multi-word name ("Bosnia and Herzegovina").
static CONNECTORS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
        "of", "the", "and", "de", "du", "des", "la", "le", "les", "et", "d", "l", "al", "el",
        "upon", "on", "sur", "en", "y", "da", "do", "dos", "das", "di", "van", "von", "der", "den",
        "am", "im",
    ])
});

/// Words before a common-word place name that make it a place ("in Bar").
static LOCATIVES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    word_set(&[
        "in", "at", "near", "outside", "from", "to", "into", "towards", "a", "au", "en", "pres",
        // French "from" and "towards": "des renforts depuis Bol", "vers Mopti".
        "depuis", "vers",
    ])
});

/// A word that introduces a person ("Mr", "President"), folded.
#[must_use]
pub fn is_title(folded: &str) -> bool {
    TITLES.contains(folded)
}

/// A character after which a new sentence (or headline part) begins.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n' | ':' | '\r' | '—' | '|')
}

/// A short word, kept inline: a name's neighbours, made for every name found.
type Word = SmolStr;

/// Folds a word as [`fold_str`] does, inline when it is short and ASCII (most).
fn fold_word(word: &str) -> Word {
    if word.is_ascii() {
        word.chars().map(|c| c.to_ascii_lowercase()).collect()
    } else {
        Word::new(fold_str(word))
    }
}

fn word_at(chars: &[char], mut i: usize, forward: bool) -> Word {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.';
    let (from, to) = if forward {
        let from = i;
        while i < chars.len() && part(chars[i]) {
            i += 1;
        }
        (from, i)
    } else {
        let to = i;
        while i > 0 && part(chars[i - 1]) {
            i -= 1;
        }
        (i, to)
    };
    let mut to = to;
    while to > from && matches!(chars[to - 1], '.' | '\'' | '’') {
        to -= 1;
    }
    chars[from..to].iter().copied().collect()
}

/// The text around one recognised name.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about the text, each read by one rule"
)]
pub struct Surroundings<'a> {
    chars: &'a [char],
    start: usize,
    end: usize,
    /// The name as written, and as folded (from the folded text).
    surface: Word,
    key: &'a str,
    /// The word just before (same sentence, one space apart), as written.
    previous: Option<Word>,
    /// The word just after (one space apart), as written.
    next: Option<Word>,
    /// The same two words folded, for the word lists (folded once here: the
    /// rules ask about them many times).
    previous_folded: Option<Word>,
    next_folded: Option<Word>,
    sentence_initial: bool,
    /// The previous word opens its sentence: capitalised because of that,
    /// maybe an ordinary word ("Given Tunisia's…", "Selon Bamako").
    previous_opens_sentence: bool,
    /// Only spaces between the previous word and the name: "Sahel (Niger"
    /// or "Members «Mali" are two names, not one.
    previous_adjacent: bool,
    /// The word before is a middle initial ("Gino D. Bassett").
    previous_initial: bool,
    /// A capitalised word and a comma come just before: "Baltimore, Md.".
    after_name_and_comma: bool,
    /// The name opens a line, set in capitals and followed by "(", "," or a
    /// dash: a dateline ("PARIS (Reuters) -", "BAMAKO, 12 mars").
    dateline: bool,
}

impl<'a> Surroundings<'a> {
    #[must_use]
    pub fn new(chars: &'a [char], start: usize, end: usize, key: &'a str) -> Self {
        // Before: skip spaces and opening quotes; a sentence end or line break
        // in between means there is no previous word in this sentence.
        let mut i = start;
        let mut previous_adjacent = true;
        while i > 0
            && matches!(
                chars[i - 1],
                ' ' | '\u{a0}' | '“' | '"' | '‘' | '«' | '(' | '[' | '\'' | '’'
            )
        {
            previous_adjacent &= matches!(chars[i - 1], ' ' | '\u{a0}');
            i -= 1;
        }
        let line_initial = i == 0 || matches!(chars[i - 1], '\n' | '\r');
        let capitals = chars[start..end]
            .iter()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
        let after = &chars[end..chars.len().min(end + 3)];
        // In capitals: "PARIS (Reuters) -", "BAMAKO, 12 mars". Written as a
        // name, a dateline says more: a date or an agency follows
        // ("Tombouctou, 2 octobre (RFI) -", "Niamey (AFP) -").
        let dateline = line_initial
            && if capitals {
                after.first() == Some(&',') || matches!(after, [' ', '(' | '-' | '–' | '—', ..])
            } else {
                chars[start].is_uppercase()
                    && (matches!(after, [',', ' ', d] if d.is_ascii_digit())
                        || matches!(after, [' ', '(', a] if a.is_uppercase()))
            };
        // A middle initial ("Gino D. Bassett") ends no sentence.
        let initial = i >= 3
            && chars[i - 1] == '.'
            && chars[i - 2].is_uppercase()
            && matches!(chars[i - 3], ' ' | '\u{a0}');
        let sentence_initial = i == 0 || (!initial && ends_sentence(chars[i - 1]));
        let previous =
            (!sentence_initial && i < start && (chars[i - 1].is_alphanumeric() || initial))
                .then(|| word_at(chars, i, false));
        let previous_opens_sentence = previous.as_deref().is_some_and(|word| {
            let mut j = i.saturating_sub(word.chars().count());
            while j > 0 && matches!(chars[j - 1], ' ' | '\u{a0}' | '“' | '"' | '‘' | '«' | '(')
            {
                j -= 1;
            }
            j == 0 || ends_sentence(chars[j - 1])
        });
        let next = (end < chars.len() && chars[end] == ' ')
            .then(|| word_at(chars, end + 1, true))
            .filter(|w| !w.is_empty());
        Self {
            chars,
            start,
            end,
            surface: chars[start..end].iter().copied().collect(),
            key,
            previous_folded: previous.as_deref().map(fold_word),
            next_folded: next.as_deref().map(fold_word),
            previous,
            next,
            sentence_initial,
            previous_opens_sentence,
            previous_adjacent,
            previous_initial: initial,
            after_name_and_comma: i >= 2
                && chars[i - 1] == ','
                && chars[i - 2].is_alphabetic()
                && capitalised(&word_at(chars, i - 1, false)),
            dateline,
        }
    }

    /// The name's line is a headline in title case (read only when a rule
    /// needs it: it scans the line).
    fn headline(&self) -> bool {
        title_case_line(self.chars, self.start, self.end)
    }

    fn surface(&self) -> &str {
        &self.surface
    }

    /// The surface starts with a capital letter.
    #[must_use]
    pub fn is_capitalised(&self) -> bool {
        self.chars.get(self.start).is_some_and(|c| c.is_uppercase())
    }

    /// "… region", "… province", "région de …", "the province of …":
    /// prefer an administrative region.
    #[must_use]
    pub fn followed_by_region_word(&self) -> bool {
        self.next_folded
            .as_deref()
            .is_some_and(|n| REGION_HEADS.contains(n) || plural_region_head(n))
            || self.after_region_word()
            || self.in_list_of_regions()
    }

    /// A name in a list whose plural head says they are regions: "Ségou
    /// and Timbuktu regions", "the Mopti, Ségou and Timbuktu regions", "les
    /// régions de Mopti et de Ségou". A list needs "and" or "et"; only
    /// names, commas and "de" may stand between the name and the head.
    fn in_list_of_regions(&self) -> bool {
        // Most names are followed by none of these: nothing more to read.
        let next_joins = self
            .next_folded
            .as_deref()
            .is_some_and(|n| LIST_AND.contains(&n))
            || self.chars.get(self.end) == Some(&',');
        let previous_joins = self
            .previous_folded
            .as_deref()
            .is_some_and(|p| LIST_AND.contains(&p) || matches!(p, "de" | "d" | "of"));
        (next_joins
            && list_head(self.chars, self.end, true).is_some_and(|h| plural_region_head(&h)))
            || (previous_joins
                && list_head(self.chars, self.start, false).is_some_and(|h| plural_region_head(&h)))
    }

    /// "région de Tillabéri", "région d'Agadez", "the province of Sindh".
    fn after_region_word(&self) -> bool {
        self.head_before_of().is_some_and(|head| {
            REGION_HEADS.contains(head.as_str())
                || FRENCH_REGION_HEADS.contains(&head.as_str())
                || plural_region_head(&head)
        })
    }

    /// "ville de Tombouctou", "the town of Gao": a town, not its region.
    #[must_use]
    pub fn after_town_word(&self) -> bool {
        self.head_before_of()
            .is_some_and(|head| TOWN_HEADS.contains(&head.as_str()))
    }

    /// The word before "de", "of" or "d'" before the name, folded: the head
    /// of "région de Tillabéri", "the town of Gao". French contracts "de
    /// le" to "du" and "de les" to "des", and keeps "de la": "la province
    /// du Soum", "la région des Hauts-Bassins", "la région de la Boucle du
    /// Mouhoun".
    fn head_before_of(&self) -> Option<String> {
        // Most names follow no "de" or "of": nothing more to read.
        if !self
            .previous_folded
            .as_deref()
            .is_some_and(|p| matches!(p, "de" | "of" | "d" | "du" | "des" | "la" | "l"))
        {
            return None;
        }
        let from = self.start.saturating_sub(28);
        let before = fold_str(&self.chars[from..self.start].iter().collect::<String>());
        let before = before.trim_end();
        let rest = [" de la", " de l'", " de", " of", " d'", " du", " des"]
            .iter()
            .find_map(|of| before.strip_suffix(of))?;
        rest.rsplit(' ').next().map(str::to_owned)
    }

    /// After a verb of leading and "by": a person ("la faction dirigée par
    /// Bakura", "a group led by Kufa"), unless a country ("a force led by
    /// France").
    fn after_led_by(&self) -> bool {
        self.previous_folded
            .as_deref()
            .is_some_and(|p| matches!(p, "by" | "par"))
            && self.word_before_previous().is_some_and(|w| {
                matches!(
                    fold_word(&w).as_str(),
                    "led"
                        | "headed"
                        | "commanded"
                        | "dirige"
                        | "dirigee"
                        | "diriges"
                        | "dirigees"
                        | "commande"
                        | "commandee"
                        | "commandes"
                        | "commandees"
                        | "mene"
                        | "menee"
                        | "conduit"
                        | "conduite"
                )
            })
    }

    /// A company's word before it, in lower case: the name is the
    /// company's ("the nuclear group Orano"), unless a country's.
    fn after_company_word(&self) -> bool {
        self.previous_folded
            .as_deref()
            .is_some_and(|p| COMPANY_WORDS.contains(p))
            && self
                .previous
                .as_deref()
                .is_some_and(|p| p.starts_with(char::is_lowercase))
    }

    /// The code of the country named right after the name and "du", "de
    /// la", "of": "l'Est du Burkina Faso", "the North of Cameroon".
    /// Read only for a compass or ordinary word alone ("Est", "North").
    fn country_after_of(&self, gazetteer: &Gazetteer) -> Option<std::sync::Arc<str>> {
        // Most names are followed by no "of": nothing more to read.
        if !self
            .next_folded
            .as_deref()
            .is_some_and(|n| matches!(n, "du" | "de" | "of"))
            || self.key.contains(' ')
            || !(LEADERS.contains(self.key) || gazetteer.is_common_word(self.key))
        {
            return None;
        }
        let to = (self.end + 48).min(self.chars.len());
        let after = fold_str(&self.chars[self.end..to].iter().collect::<String>());
        let rest = ["du ", "de la ", "de l'", "de ", "of the ", "of "]
            .iter()
            .find_map(|of| after.trim_start().strip_prefix(of))?;
        let mut words = Vec::new();
        for word in rest.split_whitespace().take(3) {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            words.push(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        (1..=words.len()).rev().find_map(|n| {
            gazetteer
                .entries_named(&words[..n].join(" "))
                .into_iter()
                .map(|e| gazetteer.entry(e))
                .find(|e| e.kind == EntryKind::Country)
                .and_then(|e| e.country.clone())
        })
    }

    /// The word before the previous one, as written, when only spaces lie
    /// between them: "Mike" in "Mike de Kock".
    fn word_before_previous(&self) -> Option<Word> {
        let previous = self.previous.as_deref()?;
        let mut i = self.start;
        while i > 0 && matches!(self.chars[i - 1], ' ' | '\u{a0}') {
            i -= 1;
        }
        i = i.checked_sub(previous.chars().count())?;
        let gap = i;
        while i > 0 && matches!(self.chars[i - 1], ' ' | '\u{a0}') {
            i -= 1;
        }
        (i < gap && i > 0 && self.chars[i - 1].is_alphanumeric())
            .then(|| word_at(self.chars, i, false))
            .filter(|w| !w.is_empty())
    }

    /// After a family name's particle that follows a name: "Mike de Kock",
    /// "Roger van Boxtel", "Philippe de Marigny de Mandeville". Not after a
    /// common word that is not a given name ("Région de Gao", "Camp de
    /// Kati"), nor after a head.
    #[must_use]
    pub fn after_name_particle(&self, gazetteer: &Gazetteer) -> bool {
        if !self.previous_adjacent
            || !self
                .previous_folded
                .as_deref()
                .is_some_and(|p| NAME_PARTICLES.contains(&p))
            || self.previous.as_deref().is_none_or(capitalised)
        {
            return false;
        }
        self.word_before_previous().is_some_and(|word| {
            let folded = fold_str(&word);
            capitalised(&word)
                && (!gazetteer.is_common_word(&folded) || gazetteer.is_given_name(&folded))
                && !LEADERS.contains(folded.as_str())
                && !TITLES.contains(folded.as_str())
                && !GEO_HEADS.contains(folded.as_str())
                && !REGION_HEADS.contains(folded.as_str())
                && !FRENCH_REGION_HEADS.contains(&folded.as_str())
                && !TOWN_HEADS.contains(&folded.as_str())
        })
    }

    /// The name is a lake's or a river's: "lac Tchad", "the Niger River",
    /// "la boucle du Niger", "the Niger valley" (the gazetteer holds
    /// neither).
    #[must_use]
    pub fn names_water_body(&self) -> bool {
        let after_water_word = self.previous_adjacent
            && self
                .previous_folded
                .as_deref()
                .is_some_and(|p| WATER_WORDS.contains(&p));
        after_water_word
            || self
                .next_folded
                .as_deref()
                .is_some_and(|n| RIVER_PART_WORDS_AFTER.contains(&n))
            || self
                .head_before_of()
                .is_some_and(|h| RIVER_PART_WORDS.contains(&h.as_str()))
    }

    /// The name opens a dateline ("PARIS (Reuters) -"): news date a report
    /// from a town.
    #[must_use]
    pub fn is_dateline(&self) -> bool {
        self.dateline
    }

    /// "à Tombouctou": French puts "à" before a town (a region or a
    /// country takes "dans", "au", "en").
    #[must_use]
    pub fn after_french_a(&self) -> bool {
        self.previous
            .as_deref()
            .is_some_and(|p| p == "à" || p == "À")
    }

    /// Ordinary words ending on a park's or a building's word, right after
    /// a capitalised name's word: the tail of a longer name that is no
    /// place ("the W National Park", not the Greenland region nor the New
    /// Jersey town "National Park"). Not after a possessive ("Ghana's Upper
    /// East"); only names whose last word heads a park's or a building's
    /// name ("Republican Orange County" is the county).
    fn is_tail_of_longer_name(&self, gazetteer: &Gazetteer, last_word: &str) -> bool {
        NAME_HEADS.contains(&fold_str(last_word).as_str())
            && self.previous_is_name()
            && !self.previous_is_ordinary_opening(gazetteer)
            && !self.after_possessive()
    }

    /// Right after a possessive: "Ghana's Upper East region".
    fn after_possessive(&self) -> bool {
        let before = &self.chars[..self.start];
        let before = before
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(&[][..], |end| &before[..=end]);
        matches!(before, [.., '\'' | '’', 's' | 'S'] | [.., 's', '\'' | '’'])
    }

    /// The word before is a capitalised name, not "In" or "President",
    /// and nothing but spaces lies between. An initial is a name's even
    /// when it is also a word ("Gino D. Bassett", "John A. Smith").
    fn previous_is_name(&self) -> bool {
        if !self.previous_adjacent {
            return false;
        }
        if self.previous_initial {
            return true;
        }
        let (Some(previous), Some(folded)) =
            (self.previous.as_deref(), self.previous_folded.as_deref())
        else {
            return false;
        };
        capitalised(previous) && !LEADERS.contains(folded) && !TITLES.contains(folded)
    }

    /// The word after is a capitalised name (not a day or a month: AP
    /// style writes "in Bamako Monday"; not an acronym: "Immokalee TIGER
    /// grant", "Gao `FAMa`").
    fn next_is_name(&self) -> bool {
        self.next
            .as_deref()
            .is_some_and(|n| capitalised(n) && !is_acronym(n))
            && !self
                .next_folded
                .as_deref()
                .is_some_and(|n| LEADERS.contains(n) || is_calendar_word(n))
    }

    /// The word before opens the sentence and is an ordinary word there
    /// ("Given", "Considering", "Selon"), not a first name. A participle
    /// opening a sentence is one even when rarer than the common words
    /// ("Neighbouring Senegal and Guinea…", "Bordering Mali, …").
    fn previous_is_ordinary_opening(&self, gazetteer: &Gazetteer) -> bool {
        let participle = |p: &str| p.len() > 6 && (p.ends_with("ing") || p.ends_with("ed"));
        self.previous_opens_sentence
            && self.previous_folded.as_deref().is_some_and(|p| {
                (gazetteer.is_common_word(p) || participle(p)) && !gazetteer.is_given_name(p)
            })
    }

    /// The capitalised word the name is joined to by a hyphen, before or
    /// after ("Diaz-Balart", "Lin-Manuel", "Nord-Mali"), as written.
    fn hyphen_partner(&self) -> Option<Word> {
        let after = (self.end + 1 < self.chars.len() && self.chars[self.end] == '-')
            .then(|| word_at(self.chars, self.end + 1, true));
        let before = (self.start >= 2 && self.chars[self.start - 1] == '-')
            .then(|| word_at(self.chars, self.start - 1, false));
        after.into_iter().chain(before).find(|w| capitalised(w))
    }

    /// Joined by a hyphen to a capitalised word that begins no place's
    /// name: part of a compound name ("Diaz-Balart", "Miami-Dade" is a
    /// place pair, "Nord-Mali" a direction).
    fn in_hyphenated_name(&self, gazetteer: &Gazetteer) -> bool {
        self.hyphen_partner().is_some_and(|partner| {
            let folded = fold_str(&partner);
            let first = folded.split(['-', '\'']).next().unwrap_or_default();
            !LEADERS.contains(first) && gazetteer.first_word(word_key(first)).is_none()
        })
    }

    /// The text of the name, for recording people's names.
    #[must_use]
    pub fn folded_surface(&self) -> String {
        self.key.to_owned()
    }

    /// A first name, going by its context: before a capitalised name.
    #[must_use]
    pub fn looks_like_first_name(&self) -> bool {
        !self.surface().contains([' ', '-']) && self.next_is_name()
    }

    /// A person's surname, going by its context: after a title or a first name.
    #[must_use]
    pub fn looks_like_surname(&self) -> bool {
        let after_title = self
            .previous_folded
            .as_deref()
            .is_some_and(|p| TITLES.contains(p));
        let single = !self.surface().contains([' ', '-']);
        single && (after_title || self.previous_is_name())
    }
}

/// Whether the line around `[start, end)` is a short headline in title case:
/// three to twenty words, seven in ten of them capitalised.
///
/// Read outwards from the name, and given up as soon as the line cannot be
/// one (a 21st word, a 7th word in lower case): most names beside a
/// capitalised word are in prose, and reading their whole line made this
/// the geoparser's costliest rule.
fn title_case_line(chars: &[char], start: usize, end: usize) -> bool {
    const REACH: usize = 200;
    let in_run = |c: char| c.is_alphabetic() || matches!(c, '\'' | '’' | '-');
    let line_break = |c: char| matches!(c, '\n' | '\r');
    let mut count = LineWords::default();
    // The word the name begins, then forwards to the line's end.
    let mut from = start;
    while from > 0 && start - from < REACH && in_run(chars[from - 1]) {
        from -= 1;
    }
    let mut in_word = false;
    let mut i = from;
    while i < chars.len() && i.saturating_sub(end) < REACH && !line_break(chars[i]) {
        let c = chars[i];
        if c.is_alphabetic() {
            if !in_word && !count.add(c.is_uppercase()) {
                return false;
            }
            in_word = true;
        } else if !matches!(c, '\'' | '’' | '-') {
            in_word = false;
        }
        i += 1;
    }
    // Backwards to the line's start: a word is a run of letters, apostrophes
    // and hyphens, capitalised as its first letter.
    let mut first_letter: Option<char> = None;
    let mut i = from;
    while i > 0 && start - (i - 1) <= REACH && !line_break(chars[i - 1]) {
        let c = chars[i - 1];
        if c.is_alphabetic() {
            first_letter = Some(c);
        } else if !in_run(c)
            && let Some(letter) = first_letter.take()
            && !count.add(letter.is_uppercase())
        {
            return false;
        }
        i -= 1;
    }
    if let Some(letter) = first_letter
        && !count.add(letter.is_uppercase())
    {
        return false;
    }
    count.is_headline()
}

/// Words of a line counted for [`title_case_line`].
#[derive(Default)]
struct LineWords {
    all: usize,
    lower: usize,
}

impl LineWords {
    /// Counts a word; false once the line cannot be a headline.
    fn add(&mut self, capitalised: bool) -> bool {
        self.all += 1;
        self.lower += usize::from(!capitalised);
        self.all <= 20 && self.lower * 10 <= 20 * 3
    }

    fn is_headline(&self) -> bool {
        (3..=20).contains(&self.all) && (self.all - self.lower) * 10 >= self.all * 7
    }
}

/// Two capitals or more in a word, as acronyms are written ("TIGER",
/// `FAMa`, `MINUSMA`).
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Generic words news write in lower case after a facility's name ("Gao
/// airport", "the Madama air base" ends with "base").
const FACILITY_GENERICS: [&str; 5] = ["airport", "airfield", "aerodrome", "base", "heliport"];

/// Every word of a name is an ordinary word or a connector: "White House",
/// "Orange County", "National Park".
fn of_common_words(gazetteer: &Gazetteer, key: &str) -> bool {
    key.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| CONNECTORS.contains(w) || gazetteer.is_common_word(w))
}

/// Words that end the names of parks, reserves and buildings ("the W
/// National Park", "Dulles International Airport"): after a capitalised
/// word, a name of ordinary words ending on one is that longer name's tail.
const NAME_HEADS: [&str; 20] = [
    "park",
    "parks",
    "reserve",
    "airport",
    "airfield",
    "station",
    "court",
    "hospital",
    "stadium",
    "university",
    "college",
    "school",
    "centre",
    "center",
    "square",
    "street",
    "avenue",
    "road",
    "bridge",
    "garden",
];

/// Every word of a multi-word surface is capitalised or a connector. A
/// French elision before a capitalised word is a connector joined to it:
/// "Côte d'Ivoire", "Côte d’Ivoire".
fn well_capitalised(surface: &str) -> bool {
    let mut words = surface.split([' ', '-']).filter(|w| !w.is_empty());
    let first_ok = words.next().is_some_and(capitalised);
    let elided = |w: &str| {
        ["d'", "d’", "l'", "l’"]
            .iter()
            .find_map(|e| w.strip_prefix(e))
            .is_some_and(capitalised)
    };
    first_ok
        && words.all(|w| {
            capitalised(w)
                || elided(w)
                || CONNECTORS.contains(fold_str(w).as_str())
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// What the text around one recognised name says, worked out once for all
/// the gazetteer entries that bear the name (a common name has dozens).
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about the text, each read by one rule"
)]
pub struct NameFacts<'s> {
    /// The name as written, and folded.
    surface: &'s str,
    key: &'s str,
    single_word: bool,
    /// Fails whatever the entry: lower case, an acronym, a month…
    rejected_for_all: bool,
    /// Fails unless the entry is a country ("UK", "USA" are acronyms too).
    rejected_unless_country: bool,
    /// Written like a name: every word capitalised (or a connector).
    well_capitalised: bool,
    /// A lower-case first word before a name written like one: French
    /// typography sets the generic word of a sea in lower case ("la mer
    /// Méditerranée", "le golfe de Guinée", "l'océan Atlantique").
    generic_then_name: bool,
    /// "Gao airport": a name, then a facility's generic word in lower case.
    name_then_generic: bool,
    next_is_head: bool,
    after_definite_article: bool,
    next_is_speech_verb: bool,
    /// A lower-case word after it, not a function word: "Police station".
    next_lower: bool,
    /// A lower-case word after it, whatever it is.
    next_any_lower: bool,
    adjectival: bool,
    common_word: bool,
    after_locative: bool,
    sentence_initial: bool,
    leader: bool,
    lowercase_in_text: bool,
    /// Beside a capitalised word: part of a longer name ("Florence Parly").
    in_longer_name: bool,
    /// After a family name's particle: "Mike de Kock".
    after_name_particle: bool,
    /// After a capitalised word that names a part: "the Inner Niger
    /// Delta", "Upper Niger".
    after_part_word: bool,
    /// Before a currency: "US dollars".
    before_currency: bool,
    /// Part of a hyphenated name that is no place: "Diaz-Balart".
    in_hyphenated_name: bool,
    /// After a capitalised article inside a sentence: the name is "La
    /// Niña", "Le Monde", "Al Jazeera", which the gazetteer does not hold
    /// (it would have matched the longer name).
    after_capitalised_article: bool,
    /// After a preposition that may govern a place: "the attack on
    /// Inatès", "north of Gao", "entre Gao et Kidal".
    after_preposition: bool,
    /// A common given name alone, with no place word around it: "Olivia",
    /// "his dog, Levi,".
    bare_given_name: bool,
    /// A name of several words, every one of them a common word or a
    /// connector ("White House").
    common_words_only: bool,
    /// Every letter of the name is in lower case.
    all_lower_case: bool,
    /// In a title-case headline, where every word is capitalised.
    headline: bool,
    /// A compass or ordinary word before "of" and a country ("l'Est du
    /// Burkina Faso"): that country's code, whose region it may name.
    of_country: Option<std::sync::Arc<str>>,
    /// After a region's word and "de" or "of": "la région de l'Est", "la
    /// province du Lac" (a compass or an ordinary word is then the region).
    after_region_word: bool,
}

impl<'s> NameFacts<'s> {
    #[must_use]
    pub fn new(gazetteer: &Gazetteer, s: &'s Surroundings<'_>, lowercase: &LowercaseWords) -> Self {
        let surface = s.surface();
        let key = s.key;
        let single_word = !surface.contains([' ', '-']);
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        // Short all-capital words are acronyms ("EU", "NAFTA", "AMLO") unless a
        // country's ("UK", "USA") or in a headline set in capitals ("NEAR
        // MÉNAKA"); inner capitals mark brands and surnames ("MoD", "McGregor").
        let shouting =
            s.previous.as_deref().is_some_and(all_caps) || s.next.as_deref().is_some_and(all_caps);
        let acronym = all_caps(surface) && letters <= 5 && !shouting && !s.dateline;
        // So do acronyms with a lower-case letter ("FAMa", "AfDB").
        let inner_capital = surface.split([' ', '-']).any(|w| {
            let mut letters = w.chars();
            let two_capitals = letters.next().is_some_and(char::is_uppercase)
                && letters.next().is_some_and(char::is_uppercase);
            (two_capitals && w.chars().any(char::is_lowercase))
                || w.chars()
                    .zip(w.chars().skip(1))
                    .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
        });
        // A name does not end on "of" or "de" ("University of").
        let last_word = surface.rsplit([' ', '-']).next().unwrap_or_default();
        let dangling = !single_word && CONNECTORS.contains(fold_str(last_word).as_str());
        let previous = s.previous_folded.as_deref();
        let previous_raw = s.previous.as_deref().unwrap_or_default();
        // A title before it: a person ("Mr Clement", "President Macron").
        let after_title = previous.is_some_and(|p| TITLES.contains(p));
        // An alphanumeric code before it: an organisation or model ("G5 Sahel").
        let after_code = previous_raw.chars().any(|c| c.is_ascii_digit())
            && previous_raw.chars().any(char::is_alphabetic);
        let next_folded = s.next_folded.as_deref();
        let next_is_head = next_folded.is_some_and(|n| GEO_HEADS.contains(n));
        // Part of a longer capitalised name that is not a place: a person
        // ("Florence Parly", "Kevin Clement") or an organisation ("Radio
        // France Internationale").
        let in_longer_name = single_word
            && !next_is_head
            && ((s.previous_is_name() && !s.previous_is_ordinary_opening(gazetteer))
                || s.next_is_name());
        let calendar = single_word && is_calendar_word(key);
        let next_any_lower = s
            .next
            .as_deref()
            .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
        let common_words_only = !single_word && of_common_words(gazetteer, key);
        Self {
            single_word,
            rejected_for_all: dangling || after_title || after_code || calendar,
            in_longer_name,
            after_name_particle: s.after_name_particle(gazetteer),
            after_part_word: s.previous_adjacent && PART_WORDS.contains(&previous_raw),
            before_currency: next_folded.is_some_and(|n| CURRENCY_WORDS.contains(&n)),
            in_hyphenated_name: single_word && s.in_hyphenated_name(gazetteer),
            after_capitalised_article: s.previous_adjacent
                && !s.previous_opens_sentence
                && CAPITALISED_ARTICLES.contains(&previous_raw),
            after_preposition: previous_raw.chars().all(char::is_lowercase)
                && previous.is_some_and(|p| PREPOSITIONS.contains(&p)),
            bare_given_name: single_word
                && !next_is_head
                && !previous.is_some_and(|p| LOCATIVES.contains(p))
                && gazetteer.is_given_name(key),
            common_words_only,
            // Only a name beside a capitalised word needs to know.
            headline: in_longer_name && s.headline(),
            all_lower_case: surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_lowercase),
            // A name ending with a full stop is an abbreviation: a region's
            // after a town and a comma ("Baltimore, Md.", "Kamloops, B.C."),
            // short and in capitals but no acronym; elsewhere only a
            // country's ("the U.S. military"), not "22nd St. North.".
            rejected_unless_country: s.after_company_word()
                || s.after_led_by()
                || common_words_only
                    && !shouting
                    && !next_is_head
                    && s.is_tail_of_longer_name(gazetteer, last_word)
                || if surface.ends_with('.') {
                    !s.after_name_and_comma
                } else {
                    acronym || inner_capital || letters < 3
                },
            well_capitalised: well_capitalised(surface),
            name_then_generic: surface.rsplit_once(' ').is_some_and(|(rest, last)| {
                FACILITY_GENERICS.contains(&last) && well_capitalised(rest)
            }),
            generic_then_name: surface.split_once(' ').is_some_and(|(first, rest)| {
                let words = || rest.split([' ', '-']).filter(|w| !w.is_empty());
                first.chars().all(char::is_lowercase)
                    && words().any(capitalised)
                    && words().all(|w| capitalised(w) || CONNECTORS.contains(fold_str(w).as_str()))
            }),
            next_is_head,
            // English "the", French "le", "la", "les", "l'" (in lower case:
            // "La Haye" is a name).
            after_definite_article: ["the", "The", "le", "la", "les", "l"].contains(&previous_raw),
            next_is_speech_verb: next_folded.is_some_and(|n| SPEECH_VERBS.contains(n)),
            // A function word after it ("à San et à Kati") says nothing; a
            // noun does ("Police station").
            next_lower: next_any_lower
                && !next_folded.is_some_and(|n| LEADERS.contains(n) || CONNECTORS.contains(n)),
            next_any_lower,
            adjectival: ["an", "ian", "ean", "ese", "ish", "ic", "ique", "ien", "ais"]
                .iter()
                .any(|e| key.ends_with(e)),
            common_word: gazetteer.is_common_word(key),
            // French "à" folds to "a", the English article: "a Time Warner
            // company" is no locative.
            after_locative: previous.is_some_and(|p| LOCATIVES.contains(p))
                && (previous != Some("a") || previous_raw.starts_with(['à', 'À'])),
            sentence_initial: s.sentence_initial,
            leader: LEADERS.contains(key),
            of_country: s.country_after_of(gazetteer),
            after_region_word: s.after_region_word(),
            lowercase_in_text: lowercase.0.contains(&word_key(key)),
            key,
            surface,
        }
    }

    /// The name is written with the same letters, in the same case, as `name`
    /// (accents aside).
    fn same_case_as(&self, name: &str) -> bool {
        // Letter by letter, collecting neither: asked of every candidate
        // entry of every name found.
        let alphabetic = |c: &char| c.is_alphabetic();
        self.surface
            .chars()
            .filter(alphabetic)
            .map(char::is_uppercase)
            .eq(name.chars().filter(alphabetic).map(char::is_uppercase))
    }

    /// A common given name with no place word around it ("Olivia",
    /// "Clarence"): a person, unless the article's context makes it a place
    /// (see `geoparse`).
    #[must_use]
    pub fn is_bare_given_name(&self) -> bool {
        self.bare_given_name
    }

    /// A word beside the name says it is a place: "in", "near", "à", "of",
    /// "on" before it, "region", "airport" after it.
    #[must_use]
    pub fn has_place_cue(&self) -> bool {
        self.after_locative || self.after_preposition || self.next_is_head
    }

    /// The name is a word of another name, or of money: "US dollars", "La
    /// Niña", "Le Monde", "Diaz-Balart", "Mike de Kock", "Roger van Boxtel"
    /// (a town or a region then; a country keeps its name), "the Inner
    /// Niger Delta" (a macro-region).
    fn part_of_another_name(&self, entry: &Entry) -> bool {
        let town_or_region = matches!(entry.kind, EntryKind::City | EntryKind::Region);
        let macro_region = matches!(
            entry.kind,
            EntryKind::Physical | EntryKind::Sea | EntryKind::Continent
        );
        self.before_currency
            || macro_region && self.after_part_word
            || town_or_region
                && ((self.after_capitalised_article && !self.headline)
                    || self.in_hyphenated_name
                    || self.after_name_particle)
    }

    /// A region of the country named after the name: "l'Est du Burkina
    /// Faso" is the Est region of Burkina Faso, which has one (a head does
    /// as much: "the East region").
    fn region_of_country_after(&self, entry: &Entry) -> bool {
        entry.kind == EntryKind::Region
            && self.of_country.is_some()
            && self.of_country == entry.country
    }

    /// A compass or ordinary word after an article, capitalised as a
    /// region's name is and named by no head or country: "Burkina Faso :
    /// dans l'Est, …". It is a region only of the country the article is
    /// about, the first it names (the parser keeps it for that country's
    /// region alone): elsewhere "the West" is the Western world.
    #[must_use]
    pub fn region_only_by_article(&self) -> bool {
        self.single_word
            && (self.leader || self.common_word)
            && self.after_definite_article
            && !self.next_is_head
            && !self.after_region_word
            && self.of_country.is_none()
    }

    /// Whether the name is written as `entry`'s name may be: capitalised,
    /// or in one of the lower-case forms news give some kinds.
    fn written_as_name_of(&self, entry: &Entry) -> bool {
        // Capitals: zones may be written in lower case ("the three borders
        // region"); everything else must look like a name.
        let multi_word_zone = entry.kind == EntryKind::Zone && !self.single_word;
        let lower_case_generic = (entry.kind == EntryKind::Sea && self.generic_then_name)
            || (entry.kind == EntryKind::Facility && self.name_then_generic);
        // A country written in lower case ("troops in northern mali", as
        // captions and social posts write): not a name that is an ordinary
        // word too ("turkey", "chad", "china").
        let lower_case_country = entry.kind == EntryKind::Country
            && self.all_lower_case
            && !self
                .key
                .split(' ')
                .any(|w| ORDINARY_COUNTRY_WORDS.contains(&w));
        // French sets a macro-region's qualifier in lower case ("l'Afrique
        // subsaharienne", "l'Afrique centrale"); the whole name is in the
        // index, so only its first word need be capitalised.
        let lower_case_qualifier = entry.kind == EntryKind::Continent
            && !self.single_word
            && self.surface.starts_with(char::is_uppercase);
        multi_word_zone
            || self.well_capitalised
            || lower_case_country
            || lower_case_generic
            || lower_case_qualifier
    }

    /// Whether `entry` may be what the name means here.
    #[must_use]
    pub fn accepts(&self, entry: &Entry) -> bool {
        let is_city = entry.kind == EntryKind::City;
        if !self.written_as_name_of(entry) {
            return false;
        }
        if self.rejected_for_all
            || (entry.kind != EntryKind::Country && self.rejected_unless_country)
        {
            return false;
        }
        // Beside a capitalised word it is part of a longer name, except in a
        // title-case headline ("Attack Near Gao Kills 12"), where every word
        // is capitalised: there a country, or a place after "in", "near"…,
        // is still a place.
        if self.in_longer_name
            && !(self.headline && (entry.kind == EntryKind::Country || self.after_locative))
        {
            return false;
        }
        // "Sandberg said": a small town's name as the subject of a verb of
        // speech is a person ("who was from Dewsbury said" is not).
        if is_city
            && self.single_word
            && entry.population < 100_000
            && self.next_is_speech_verb
            && !self.after_locative
        {
            return false;
        }
        // "the White House", "the Capitol", "l'Élysée": a small town's name
        // after a definite article is a building or an institution (but "the
        // Ménaka region" is not).
        if is_city && entry.population < 50_000 && self.after_definite_article && !self.next_is_head
        {
            return false;
        }
        if self.part_of_another_name(entry) {
            return false;
        }
        // Asked only where a rule needs it: most entries are settled before.
        let alternate = || !entry.bears_name(self.key);
        // A town's alternate name that is the first word of its name ("Igbo"
        // for Igbo-Ukwu) is mostly something else: only with a word that
        // makes it a place (but "Bobo" is Bobo-Dioulasso in the countries
        // the product follows).
        if is_city
            && !self.has_place_cue()
            && !is_focus_country(entry.country.as_deref())
            && entry
                .name
                .split_once([' ', '-'])
                .is_some_and(|(first, _)| folds_to(first, self.key))
        {
            return false;
        }
        // A name written with inner capitals ("NoMa", "DeKalb") is written
        // so: "Noma" is someone's name.
        if is_city && written_with_inner_capital(&entry.name) && !self.same_case_as(&entry.name) {
            return false;
        }
        // A town's alternate name made of ordinary words only, as a
        // translation ("White House" for Casablanca): only after "in",
        // "at", "near"… (A town's own name of that kind, "Bowling Green",
        // "Park Ridge", is as often a place as not.)
        if is_city
            && self.common_words_only
            && (!self.after_locative || self.sentence_initial)
            && alternate()
        {
            return false;
        }
        // A small town named by ordinary words only ("White House", "Notre
        // Dame") with no word around it that makes it a place.
        if is_city && self.common_words_only && entry.population < 50_000 && !self.has_place_cue() {
            return false;
        }
        // An adjective ("Saharan nations"): a town's alternate name that ends
        // like a demonym, before a lower-case word.
        if is_city && self.single_word && self.adjectival && self.next_lower && alternate() {
            return false;
        }
        // An ordinary word that is also the name of a small town ("Police",
        // "Bar"), or a town's alternate name ("State"): only after "in", "at",
        // "near"…, and not as an adjective before a noun.
        // A village, or a town's alternate name, needs more: no lower-case
        // word at all after it ("in Congress and the Senate").
        if is_city && self.single_word && self.common_word {
            let small = entry.population < 200_000;
            let word_after = if entry.population < 15_000 || alternate() {
                self.next_any_lower
            } else {
                self.next_lower
            };
            if (small || alternate())
                && (!self.after_locative || self.sentence_initial || word_after)
            {
                return false;
            }
        }
        // A compass word or an ordinary word alone is not a region ("South",
        // "Centre", "Mary"), unless a head says so ("Centre region").
        let region_of_country_named = self.region_of_country_after(entry)
            || self.after_region_word
            || entry.kind == EntryKind::Region && self.region_only_by_article();
        if entry.kind == EntryKind::Region
            && self.single_word
            && !self.next_is_head
            && !region_of_country_named
            && (self.leader || self.common_word && alternate())
        {
            return false;
        }
        // Nor a sea, an ocean or a physical region: "Southern" alone is the
        // adjective, not the Southern Ocean.
        if matches!(entry.kind, EntryKind::Sea | EntryKind::Physical)
            && self.single_word
            && self.leader
            && !self.next_is_head
        {
            return false;
        }
        // Never a town or region if the text itself writes the word in lower
        // case, but for a region its head names: "Burkina Faso's east" and
        // "the East region".
        !(matches!(entry.kind, EntryKind::City | EntryKind::Region)
            && self.single_word
            && self.lowercase_in_text
            && !(entry.kind == EntryKind::Region && (self.next_is_head || region_of_country_named)))
    }
}

/// A word of two letters or more, every one a capital: "EU", "MÉNAKA".
fn all_caps(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && letters.all(char::is_uppercase)
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A word of the name has a capital after a lower-case letter: `NoMa`,
/// `DeKalb`, `McAllen`.
fn written_with_inner_capital(name: &str) -> bool {
    name.chars()
        .zip(name.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// Every word a text writes in lower case, folded (as [`word_key`]s): a
/// name that also occurs like this is an ordinary word in this text.
pub struct LowercaseWords(HashSet<u64>);

impl LowercaseWords {
    /// Room for the distinct words of a text of `bytes` bytes. They grow
    /// far slower than the text (a news article of 20 KB has about a
    /// thousand): room for one word in every 16 bytes of a long article,
    /// and the set grows beyond. Room for every word of a long text made a
    /// table of megabytes, and every insert a cache miss.
    #[must_use]
    pub fn for_text_of(bytes: usize) -> Self {
        Self(HashSet::with_capacity_and_hasher(
            (bytes / 16).min(4096),
            rustc_hash::FxBuildHasher,
        ))
    }

    /// Records a folded word (by its [`word_key`]).
    pub fn insert(&mut self, key: u64) {
        self.0.insert(key);
    }
}

#[cfg(test)]
mod tests {
    use super::title_case_line;

    /// The rule as first written: the whole line, counted at once.
    fn whole_line(chars: &[char], start: usize, end: usize) -> bool {
        let mut from = start;
        while from > 0 && start - from < 200 && !matches!(chars[from - 1], '\n' | '\r') {
            from -= 1;
        }
        let mut to = end;
        while to < chars.len() && to - end < 200 && !matches!(chars[to], '\n' | '\r') {
            to += 1;
        }
        let (mut words, mut capitalised) = (0usize, 0usize);
        let mut in_word = false;
        for &c in &chars[from..to] {
            if c.is_alphabetic() {
                if !in_word {
                    words += 1;
                    capitalised += usize::from(c.is_uppercase());
                }
                in_word = true;
            } else if !matches!(c, '\'' | '’' | '-') {
                in_word = false;
            }
        }
        (3..=20).contains(&words) && capitalised * 10 >= words * 7
    }

    #[test]
    fn reading_outwards_agrees_with_reading_the_whole_line() {
        let lines = [
            "Attack Near Gao Kills 12 Soldiers",
            "Mali: Attack Near Gao Kills 12",
            "Fighting resumed near Gao on Monday, officials said.",
            "Florence Parly Visits Troops In Gao\nThe minister arrived on Monday.",
            "Le Nord-Mali Sous Tension Après L'Attaque De Ménaka",
            "G5 Sahel (Niger, Mali, Burkina Faso) Meets",
            "A B C D E F G H I J K L M N O P Q R S T U V",
            "x Gao y",
            "Gao",
            "'-Gao-' Is Here Now",
        ];
        for line in lines {
            let chars: Vec<char> = line.chars().collect();
            for start in 0..chars.len() {
                let starts_word = chars[start].is_alphabetic()
                    && (start == 0 || !chars[start - 1].is_alphabetic());
                if !starts_word {
                    continue;
                }
                let end = (start..chars.len())
                    .find(|&i| !chars[i].is_alphabetic())
                    .unwrap_or(chars.len());
                assert_eq!(
                    title_case_line(&chars, start, end),
                    whole_line(&chars, start, end),
                    "{line:?} at {start}"
                );
            }
        }
    }
}
