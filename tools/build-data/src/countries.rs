//! Country outlines from npm `world-atlas` (Natural Earth admin-0 as TopoJSON):
//! 1:10m for the focus countries and their neighbours, 1:50m for the rest.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Map, Value};
use topojson::{TopoJson, to_geojson};

use crate::geojson_out::{OutFeature, orient_rfc7946};
use crate::{FOCUS, NEIGHBOURS, read_json};

/// ISO 3166-1 numeric → alpha-2, plus French and German names, from npm
/// `i18n-iso-countries` (world-atlas only carries numeric ids and English names).
pub struct IsoTable {
    alpha2_by_numeric: HashMap<String, String>,
    names: HashMap<&'static str, Value>,
}

impl IsoTable {
    pub fn load(package: &Path) -> Result<Self> {
        let codes = read_json(&package.join("codes.json"))?;
        let mut alpha2_by_numeric = HashMap::new();
        for row in codes.as_array().context("codes.json is not an array")? {
            if let (Some(a2), Some(n3)) = (
                row.get(0).and_then(Value::as_str),
                row.get(2).and_then(Value::as_str),
            ) {
                alpha2_by_numeric.insert(n3.to_owned(), a2.to_owned());
            }
        }
        let mut names = HashMap::new();
        for lang in ["fr", "de"] {
            names.insert(
                lang,
                read_json(&package.join(format!("langs/{lang}.json")))?,
            );
        }
        Ok(Self {
            alpha2_by_numeric,
            names,
        })
    }

    fn alpha2(&self, numeric: &str) -> Option<&str> {
        self.alpha2_by_numeric.get(numeric).map(String::as_str)
    }

    /// The first (official) name in `lang`; some entries list several.
    fn name(&self, lang: &str, alpha2: &str) -> Option<String> {
        let entry = self.names.get(lang)?.get("countries")?.get(alpha2)?;
        match entry {
            Value::String(s) => Some(s.clone()),
            Value::Array(items) => items.first().and_then(Value::as_str).map(str::to_owned),
            _ => None,
        }
    }
}

fn load_topology(path: &Path) -> Result<geojson::FeatureCollection> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let topo: TopoJson = text
        .parse()
        .with_context(|| format!("parsing {}", path.display()))?;
    let TopoJson::Topology(topology) = topo else {
        anyhow::bail!("{} is not a TopoJSON Topology", path.display());
    };
    to_geojson(&topology, "countries").with_context(|| format!("decoding {}", path.display()))
}

fn convert(
    feature: geojson::Feature,
    detail: &str,
    iso: &IsoTable,
) -> Result<Option<(Option<String>, OutFeature)>> {
    let numeric = match &feature.id {
        Some(geojson::feature::Id::String(s)) => Some(s.clone()),
        Some(geojson::feature::Id::Number(n)) => Some(format!("{n:03}")),
        None => None,
    };
    let name = feature
        .property("name")
        .and_then(Value::as_str)
        .context("world-atlas country without a name")?
        .to_owned();
    let Some(geometry) = feature.geometry else {
        return Ok(None);
    };
    let geometry: geo::Geometry<f64> = geometry
        .value
        .try_into()
        .with_context(|| format!("geometry of {name}"))?;
    let alpha2 = numeric
        .as_deref()
        .and_then(|n| iso.alpha2(n))
        .map(str::to_owned);

    let mut properties = Map::new();
    properties.insert("name".into(), name.clone().into());
    properties.insert("detail".into(), detail.into());
    properties.insert("iso_a2".into(), alpha2.clone().into());
    properties.insert("iso_n3".into(), numeric.clone().into());
    if let Some(a2) = &alpha2 {
        properties.insert("name_fr".into(), iso.name("fr", a2).into());
        properties.insert("name_de".into(), iso.name("de", a2).into());
    }
    let id = match (&alpha2, &numeric) {
        (Some(a2), _) => format!("country:{a2}"),
        (None, Some(n)) => format!("country:n{n}"),
        (None, None) => format!("country:{}", name.to_lowercase().replace(' ', "-")),
    };
    Ok(Some((
        alpha2,
        OutFeature {
            id,
            properties,
            geometry: orient_rfc7946(geometry),
        },
    )))
}

pub fn build(world_atlas: &Path, iso: &IsoTable) -> Result<Vec<OutFeature>> {
    let detailed: Vec<&str> = FOCUS.iter().chain(NEIGHBOURS.iter()).copied().collect();
    let mut out = Vec::new();
    for feature in load_topology(&world_atlas.join("countries-10m.json"))?.features {
        if let Some((Some(a2), f)) = convert(feature, "10m", iso)?
            && detailed.contains(&a2.as_str())
        {
            out.push(f);
        }
    }
    let found = out.len();
    anyhow::ensure!(
        found == detailed.len(),
        "found {found} of {} detailed countries in countries-10m",
        detailed.len()
    );
    for feature in load_topology(&world_atlas.join("countries-50m.json"))?.features {
        if let Some((alpha2, f)) = convert(feature, "50m", iso)?
            && alpha2.as_deref().is_none_or(|a2| !detailed.contains(&a2))
        {
            out.push(f);
        }
    }
    unique_ids(&mut out);
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// world-atlas gives some territories their sovereign's numeric code
/// (Ashmore and Cartier Is. is 036, like Australia). Ids must be unique: the
/// largest outline keeps `country:CC`; the others get `country:CC-name`, and
/// lose the sovereign's translated names, which are not theirs.
fn unique_ids(features: &mut [OutFeature]) {
    use geo::Area;
    let mut by_id = std::collections::BTreeMap::<String, Vec<usize>>::new();
    for (i, f) in features.iter().enumerate() {
        by_id.entry(f.id.clone()).or_default().push(i);
    }
    for (id, mut indices) in by_id.into_iter().filter(|(_, v)| v.len() > 1) {
        indices.sort_by(|&a, &b| {
            features[b]
                .geometry
                .unsigned_area()
                .total_cmp(&features[a].geometry.unsigned_area())
        });
        for &i in &indices[1..] {
            let f = &mut features[i];
            let name = f
                .properties
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let slug: String = name
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            f.id = format!("{id}-{slug}");
            f.properties.remove("name_fr");
            f.properties.remove("name_de");
        }
    }
}
