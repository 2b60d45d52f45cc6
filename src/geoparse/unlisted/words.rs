//! The words that place a name: what introduces a place, what puts it near
//! or in another, what may stand between.

use super::tokens::Token;

/// Words that put a place near another: ", near Timbuktu", ", au sud de
/// Kidal", ", à 30 km de Gao", ", sur l'axe Djibo-Bourzanga".
pub(super) const NEAR_WORDS: &[&str] = &[
    "near",
    "outside",
    "close",
    "around",
    "nearby",
    "pres",
    "loin",
    "environs",
    "abords",
    "autour",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    // Between two places, at the first: ", une commune située entre Kayes
    // et Nioro"; facing one: ", poste frontalier en face de Kidira".
    "between",
    "entre",
    "opposite",
    "facing",
    "face",
    "across",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "nord",
    "sud",
    "est",
    "ouest",
    "nord-est",
    "nord-ouest",
    "sud-est",
    "sud-ouest",
    "road",
    "route",
    "axe",
];

/// Words that put a place in another, given a region's or a town's word:
/// ", in the Tillabéri region", ", dans le cercle de Niono", ", a village in".
pub(super) const IN_WORDS: &[&str] = &["in", "within", "dans"];

/// Heads that make "in" mean "inside": a region's word.
pub(super) const HEADS: &[&str] = &[
    "region",
    "province",
    "state",
    "department",
    "departement",
    "prefecture",
    "county",
    "district",
    "cercle",
];

/// Words that call a place a town or a village: with "in" or "of" they put
/// it inside the place after them ("a village in", "villages of the Tillia
/// department"), and they make it a place whatever word comes before it
/// ("le contrôle de Ber, localité située à…").
pub(super) const TOWN_WORDS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "locality",
    "localities",
    "localite",
    "localites",
    "ville",
    "villes",
    "hamlet",
    "hamlets",
    "bourgade",
    "commune",
    "communes",
    "capital",
    "chef-lieu",
    // Posts are places too: "Diboli, poste frontalier en face de Kidira",
    // "a desert outpost".
    "post",
    "posts",
    "outpost",
    "outposts",
    "poste",
    "postes",
    // Islands of a lake or a river: "l'île de Barkaram, dans la province
    // du Lac".
    "ile",
    "iles",
    "island",
    "islands",
];

/// Other words such a phrase may hold: articles, sizes, directions as
/// adjectives, approximations (its particles, "of", "de", are read apart:
/// with a head they put a place inside another).
pub(super) const FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "to",
    "from",
    "on",
    "la",
    "le",
    "les",
    "l'",
    "au",
    "aux",
    "une",
    "un",
    "some",
    "about",
    "environ",
    "quelque",
    "quelques",
    "trentaine",
    "vingtaine",
    "dizaine",
    "centaine",
    "small",
    "little",
    "remote",
    "petite",
    "petit",
    "desert",
    "border",
    "frontier",
    "frontaliere",
    "frontalier",
    "frontaliers",
    "frontalieres",
    "en",
    "rural",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "centre",
    "center",
    "far",
    "extreme",
    "s",
    "sur",
    "et",
    "and",
    "its",
    "situee",
    "situe",
    "situees",
    "situes",
    "situated",
    "located",
    "lying",
    "roughly",
    "approximately",
    "cinquantaine",
    "soixantaine",
    "quarantaine",
    "quinzaine",
    // What news say a town is, before or after its word: "a river town",
    // "a gold-mining town", "une localité fluviale", "une ville minière".
    "river",
    "riverside",
    "market",
    "farming",
    "fishing",
    "mining",
    "gold-mining",
    "garrison",
    "trading",
    "oasis",
    "isolated",
    "tiny",
    "large",
    "major",
    "key",
    "strategic",
    "historic",
    "ancient",
    "fluviale",
    "miniere",
    "agricole",
    "isolee",
    "isole",
    "strategique",
    "importante",
    "grande",
    "grand",
    // How many, in a phrase after a list: "Tansarga et Logobou, deux
    // localités de la Tapoa", "two villages in the Seno province".
    "two",
    "three",
    "four",
    "five",
    "several",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "plusieurs",
];

/// Words before a name that introduce a place: "at Banibangou", "à
/// Inatès", "near Gao", "autour de Nampala" (particles are read with the
/// word before them: [`CUES_BEFORE_PARTICLE`]).
pub(super) const CUES: &[&str] = &[
    "in", "at", "near", "around", "outside", "from", "vers", "toward", "towards",
];

/// Words before "de" or "of" that make the next name a place: "près de",
/// "the village of", "la commune de".
pub(super) const CUES_BEFORE_PARTICLE: &[&str] = &[
    "pres",
    "autour",
    "loin",
    "environs",
    "abords",
    "alentours",
    "village",
    "villages",
    "ville",
    "villes",
    "localite",
    "localites",
    "commune",
    "communes",
    "town",
    "towns",
    "city",
    "hamlet",
    "locality",
    "localities",
    "camp",
    "ile",
    "iles",
    "island",
    "islands",
    "outskirts",
    "venus",
    "venues",
    "originaires",
];

/// Words before a list of places: "dont Léré, Niono et Diafarabé",
/// "including Gao, Ansongo and Bourem", "to Mopti and Sévaré".
pub(super) const LIST_CUES: &[&str] = &[
    "in",
    "at",
    "near",
    "around",
    "from",
    "including",
    "between",
    "like",
    "as",
    "dont",
    "notamment",
    "comme",
    "entre",
    "vers",
    "among",
    "parmi",
    // Where people go: "fled to Mopti and Sévaré", "ont rejoint Mopti et
    // Sévaré".
    "to",
    "into",
    "towards",
    "toward",
    "through",
    "via",
    "rejoint",
    "rejoindre",
    "rejoignent",
];

pub(super) fn word_in(token: &Token, list: &[&str]) -> bool {
    matches!(token, Token::Word { folded, .. } if list.contains(&folded.as_str()))
}

pub(super) fn is_particle(token: &Token) -> bool {
    word_in(token, &["de", "d'", "du", "of"])
}

/// A word written capitalised inside a name that is no name's word.
pub(super) fn is_connective(folded: &str) -> bool {
    CUES.contains(&folded) || LIST_CUES.contains(&folded) || matches!(folded, "et" | "and" | "a")
}

pub(super) fn is_conjunction(token: &Token) -> bool {
    word_in(token, &["et", "and", "ou", "or"])
}
