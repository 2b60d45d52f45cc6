//! Natural Earth's features as the data build reads them: the cached files
//! (their hash checked), a feature's properties and geometry, names set in
//! capitals, ids from names, and the two rules of detail every layer built
//! from them follows (Africa in full, the world simplified). Shared by
//! `reference` (towns, rivers, lakes, seas) and `physical` (named regions).

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// Africa, its seas and islands: (west, south, east, north) in degrees.
pub const AFRICA_BOX: (f64, f64, f64, f64) = (-26.0, -40.0, 64.0, 38.0);
/// Outside Africa, lines and outlines simplified to this tolerance (degrees,
/// about 2 km): the world is seen from afar.
pub(crate) const WORLD_SIMPLIFY_DEG: f64 = 0.02;
/// Reads one cached file, checks its hash, parses it.
pub(crate) fn read_checked(folder: &Path, name: &str, sha256: &str) -> Result<Vec<Value>> {
    use sha2::{Digest, Sha256};
    let path = folder.join(name);
    let mut text = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?,
    )
    .read_to_string(&mut text)
    .with_context(|| format!("reading {}", path.display()))?;
    let digest = Sha256::digest(text.as_bytes());
    let hex = digest.iter().fold(String::new(), |mut hex, b| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{b:02x}");
        hex
    });
    if hex != sha256 {
        bail!(
            "{}: SHA-256 of the uncompressed text is {hex}, expected {sha256}",
            path.display()
        );
    }
    let mut json: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    match json.get_mut("features").map(Value::take) {
        Some(Value::Array(features)) => Ok(features),
        _ => bail!("{}: not a FeatureCollection", path.display()),
    }
}

pub(crate) fn geometry_of(feature: &Value) -> Option<geo::Geometry<f64>> {
    let geometry: geojson::Geometry =
        serde_json::from_value(feature.get("geometry")?.clone()).ok()?;
    geo::Geometry::try_from(geometry).ok()
}

pub(crate) fn in_africa(rect: geo::Rect<f64>) -> bool {
    let (west, south, east, north) = AFRICA_BOX;
    rect.max().x >= west && rect.min().x <= east && rect.max().y >= south && rect.min().y <= north
}

pub(crate) fn text(properties: &Value, key: &str) -> Option<String> {
    let s = properties.get(key)?.as_str()?;
    // Natural Earth has a few doubled spaces ("Denmark  Strait").
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

pub(crate) fn number(properties: &Value, key: &str) -> Option<f64> {
    properties.get(key)?.as_f64()
}

/// A name as a gazetteer and a dossier write it: Natural Earth sets the
/// oceans in capitals ("NORTH ATLANTIC OCEAN"); a name without a lower-case
/// letter gets a capital per word, small words (of, the, de…) in lower case
/// but the first. Other names are kept as they are.
///
/// ```text
/// NORTH ATLANTIC OCEAN -> North Atlantic Ocean; OCEAN GLACIAL ARCTIQUE -> Ocean Glacial Arctique
/// ```
pub fn title_case(name: &str) -> String {
    const SMALL: [&str; 9] = ["of", "the", "and", "de", "du", "des", "la", "le", "et"];
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An id's last part from a name: folded, words joined by hyphens.
///
/// ```text
/// Aïr Mts. -> air-mts; Plat. du Tademaït -> plat-du-tademait
/// ```
pub(crate) fn slug(name: &str) -> String {
    dispatch_names::fold::fold_str(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_get_a_capital_per_word() {
        assert_eq!(title_case("NORTH ATLANTIC OCEAN"), "North Atlantic Ocean");
        assert_eq!(title_case("GULF OF THE LIONS"), "Gulf of the Lions");
        assert_eq!(
            title_case("OCEAN GLACIAL ARCTIQUE"),
            "Ocean Glacial Arctique"
        );
        assert_eq!(title_case("Golfe de Guinée"), "Golfe de Guinée");
    }
}
