//! Calendar words (English and French, folded), shared by the figure
//! extractor (a number next to a month is a date) and the geoparser (towns
//! called "March" or "May" are rarely what news means).

/// Month names in full.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Abbreviated month names.
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Days of the week.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// A month, full or abbreviated.
#[must_use]
pub fn is_month(folded: &str) -> bool {
    MONTHS.contains(&folded) || MONTH_ABBREVIATIONS.contains(&folded)
}

/// A month or a day of the week, written in full.
#[must_use]
pub fn is_calendar_word(folded: &str) -> bool {
    MONTHS.contains(&folded) || WEEKDAYS.contains(&folded)
}
