//! The three countries the product is about (ISO 3166-1 alpha-2): the atlas
//! draws them apart, and the geoparser takes a village of theirs for a place
//! even when the article does not name its country.

pub const FOCUS_COUNTRIES: [&str; 3] = ["ML", "NE", "BF"];
