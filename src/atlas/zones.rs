//! Zones are not drawn by hand: each is the union of admin-1 regions listed in
//! `data/zones.json`, computed with geo's boolean operations when the atlas loads.

use geo::{Area, MultiPolygon, Polygon, unary_union};
use serde::Deserialize;
use serde_json::Map;

use super::error::DataError;
use super::feature::{Feature, FeatureGeometry, FeatureId, FeatureKind, label_point};
use super::load::DataFile;

/// Holes smaller than this (in degrees², about 1 km² here) are slivers where
/// neighbouring outlines do not meet exactly, not real gaps in a zone.
const SLIVER_DEG2: f64 = 1e-4;

/// One entry of `data/zones.json`.
#[derive(Debug, Deserialize)]
struct ZoneDefinition {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    countries: Vec<String>,
    /// ISO 3166-2 codes of the admin-1 regions whose union is the zone.
    #[serde(default)]
    members: Vec<String>,
    /// ISO 3166-1 codes of whole countries in the union.
    #[serde(default)]
    member_countries: Vec<String>,
    /// Whether the map draws it (a zone as large as the Sahel would hide the map).
    #[serde(default = "drawn_by_default")]
    drawn: bool,
    #[serde(default)]
    description: String,
    /// The name and description in French, for the French interface.
    #[serde(default)]
    name_fr: Option<String>,
    #[serde(default)]
    description_fr: Option<String>,
}

fn drawn_by_default() -> bool {
    true
}

fn zone_error(file: &DataFile, zone: &str, reason: impl Into<String>) -> DataError {
    DataError::Zone {
        file: file.name.to_owned(),
        zone: zone.to_owned(),
        reason: reason.into(),
    }
}

fn drop_slivers(areas: MultiPolygon<f64>) -> MultiPolygon<f64> {
    areas
        .into_iter()
        .filter(|p| p.unsigned_area() >= SLIVER_DEG2)
        .map(|p| {
            let (exterior, holes) = p.into_inner();
            let holes = holes
                .into_iter()
                .filter(|h| Polygon::new(h.clone(), vec![]).unsigned_area() >= SLIVER_DEG2)
                .collect();
            Polygon::new(exterior, holes)
        })
        .collect()
}

/// Builds every zone of `file` from `regions`.
pub fn zones(
    file: &DataFile,
    regions: &[Feature],
    countries: &[Feature],
) -> Result<Vec<Feature>, DataError> {
    let definitions: Vec<ZoneDefinition> =
        serde_json::from_str(file.text).map_err(|source| DataError::Json {
            file: file.name.to_owned(),
            source,
        })?;
    definitions
        .into_iter()
        .map(|def| {
            let mut parts: Vec<&Polygon<f64>> = Vec::new();
            for code in &def.members {
                let region = regions
                    .iter()
                    .find(|r| r.properties.get_str("iso_3166_2").as_deref() == Some(code.as_str()))
                    .ok_or_else(|| {
                        zone_error(
                            file,
                            &def.id,
                            format!("member region {code} is not in the atlas"),
                        )
                    })?;
                if let FeatureGeometry::Area(areas) = &region.geometry {
                    parts.extend(areas.iter());
                }
            }
            for code in &def.member_countries {
                let country = countries
                    .iter()
                    .find(|c| c.country.as_deref() == Some(code.as_str()))
                    .ok_or_else(|| {
                        zone_error(
                            file,
                            &def.id,
                            format!("member country {code} is not in the atlas"),
                        )
                    })?;
                if let FeatureGeometry::Area(areas) = &country.geometry {
                    parts.extend(areas.iter());
                }
            }
            let union = drop_slivers(unary_union(parts));
            let label_at = label_point(&union)
                .ok_or_else(|| zone_error(file, &def.id, "the union of its members is empty"))?;
            let mut properties = Map::new();
            properties.insert("members".into(), def.members.clone().into());
            properties.insert("description".into(), def.description.clone().into());
            if let Some(fr) = &def.name_fr {
                properties.insert("name_fr".into(), fr.clone().into());
            }
            if let Some(fr) = &def.description_fr {
                properties.insert("description_fr".into(), fr.clone().into());
            }
            Ok(Feature {
                id: FeatureId(def.id),
                name: def.name,
                kind: FeatureKind::Zone,
                country: None,
                countries: def.countries,
                geometry: FeatureGeometry::Area(union),
                context: false,
                hidden: !def.drawn,
                label_at,
                aliases: def.aliases,
                properties: properties.into(),
                source_geometry: None,
                reference: None,
            })
        })
        .collect()
}
