//! The three countries the product is about (ISO 3166-1 alpha-2): the atlas
//! draws them apart, and the geoparser takes a village of theirs for a place
//! even when the article does not name its country.

pub const FOCUS_COUNTRIES: [&str; 3] = ["ML", "NE", "BF"];

/// Whether a country code (ISO 3166-1 alpha-2), if any, is one of them.
#[must_use]
pub fn is_focus_country(code: Option<&str>) -> bool {
    code.is_some_and(|c| FOCUS_COUNTRIES.contains(&c))
}
