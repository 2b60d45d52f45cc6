//! When the reference layers (Natural Earth's towns, rivers, lakes, seas)
//! show: by Natural Earth's own zoom ranks, read as web-map zooms, so that
//! zooming in brings more towns without cluttering the view zoomed out.

use super::feature::Feature;

/// Camera scale (logical pixels per world width) of web-map zoom 0: the
/// world one 256-pixel tile wide.
const SCALE_AT_ZOOM_0: f64 = 256.0;

/// The web-map zoom of a camera scale (pixels per world width).
///
/// ```
/// use dispatch_atlas::atlas::reference::web_zoom_from_scale;
/// assert_eq!(web_zoom_from_scale(256.0), 0.0);
/// assert_eq!(web_zoom_from_scale(1024.0), 2.0);
/// ```
#[must_use]
#[allow(clippy::cast_possible_truncation, reason = "zooms are small")]
pub fn web_zoom_from_scale(scale: f64) -> f32 {
    (scale / SCALE_AT_ZOOM_0).log2() as f32
}

/// Whether `feature` is drawn at `scale`: always, unless it belongs to the
/// reference layers and the map is zoomed out past its rank.
#[must_use]
pub fn drawn_at(feature: &Feature, scale: f64) -> bool {
    feature
        .reference
        .is_none_or(|r| web_zoom_from_scale(scale) >= r.min_zoom)
}

/// The reference layers the View menu shows or hides where the map is
/// drawn (each frame), rather than by leaving the atlas: towns, which a
/// report may name, and the physical regions' names, whose outlines gather
/// their dossiers whether named or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    pub towns: bool,
    pub physical: bool,
}

impl Shown {
    /// Every layer shown.
    pub const ALL: Self = Self {
        towns: true,
        physical: true,
    };
}

/// What of the reference layers the map shows: towns and physical regions
/// (the View menu's toggles) by zoom, and always the features the reports
/// name, which are the map's subject whatever the zoom or the toggle (their
/// badges sit on them, and a click on them opens their dossier).
#[derive(Clone, Copy)]
pub struct Visibility<'a> {
    pub scale: f64,
    pub shown: Shown,
    /// Mentions per feature (the map's badges): a key is named by the reports.
    pub mentioned: &'a std::collections::HashMap<super::FeatureId, usize>,
}

impl Visibility<'_> {
    /// Whether the reports name it (and it is of the reference layers).
    #[must_use]
    pub fn reported(&self, feature: &Feature) -> bool {
        feature.reference.is_some() && self.mentioned.contains_key(&feature.id)
    }

    /// Whether `feature` is drawn (and can be clicked).
    #[must_use]
    pub fn drawn(&self, feature: &Feature) -> bool {
        self.shows(feature, drawn_at)
    }

    /// Whether `feature`'s name is written.
    #[must_use]
    pub fn named(&self, feature: &Feature) -> bool {
        self.shows(feature, named_at)
    }

    /// The atlas's own features and those the reports name always; towns
    /// and physical regions when their layer is on; then `at_zoom` decides.
    fn shows(&self, feature: &Feature, at_zoom: fn(&Feature, f64) -> bool) -> bool {
        use super::FeatureKind;
        let layer_on = match feature.kind {
            FeatureKind::City => self.shown.towns,
            FeatureKind::Physical => self.shown.physical,
            _ => true,
        };
        // The look-up in the mentions last: it hashes the id, and runs for
        // every feature of the atlas in every frame.
        feature.reference.is_none()
            || (layer_on && at_zoom(feature, self.scale))
            || self.reported(feature)
    }
}

/// Whether `feature`'s name is written at `scale` (see [`drawn_at`]).
#[must_use]
pub fn named_at(feature: &Feature, scale: f64) -> bool {
    feature
        .reference
        .is_none_or(|r| web_zoom_from_scale(scale) >= r.min_label_zoom)
}

use geo::Geometry;
use serde_json::{Map, Value};

use super::error::DataError;
use super::feature::{Capital, FeatureGeometry, FeatureId, FeatureKind, Reference, label_point};
use super::load::{DataFile, RawFeature, into_areas, read_collection, required_str};
use crate::geometry::projection::LonLat;

fn number(properties: &Map<String, Value>, key: &str) -> Option<f32> {
    #[allow(clippy::cast_possible_truncation, reason = "zooms and ranks are small")]
    properties.get(key)?.as_f64().map(|v| v as f32)
}

/// The reference part of a feature: `min_zoom` and `min_label` (a layer
/// without `min_label` names from `min_zoom`), and the rank.
fn reference(properties: &Map<String, Value>, capital: Option<Capital>) -> Reference {
    // Capitals of countries show at every zoom.
    let min_zoom = if capital == Some(Capital::Country) {
        0.0
    } else {
        number(properties, "min_zoom").unwrap_or(0.0)
    };
    let min_label_zoom = number(properties, "min_label").map_or(min_zoom, |l| l.max(min_zoom));
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "0 to 10"
    )]
    let rank = number(properties, "scalerank")
        .unwrap_or(10.0)
        .clamp(0.0, 10.0) as u8;
    Reference {
        min_zoom,
        min_label_zoom,
        rank,
        capital,
    }
}

fn fail(file: &DataFile, id: &str, reason: &str) -> DataError {
    DataError::Feature {
        file: file.name.to_owned(),
        feature: id.to_owned(),
        reason: reason.to_owned(),
    }
}

fn feature(
    id: String,
    name: String,
    kind: FeatureKind,
    geometry: FeatureGeometry,
    label_at: LonLat,
    properties: Map<String, Value>,
    reference: Reference,
) -> Feature {
    let aliases = properties
        .get("name_fr")
        .and_then(Value::as_str)
        .filter(|fr| *fr != name)
        .map(|fr| vec![fr.to_owned()])
        .unwrap_or_default();
    Feature {
        id: FeatureId(id),
        name,
        kind,
        country: properties
            .get("iso_a2")
            .and_then(Value::as_str)
            .filter(|c| c.len() == 2)
            .map(str::to_owned),
        countries: Vec::new(),
        geometry,
        context: false,
        hidden: false,
        label_at,
        aliases,
        properties: properties.into(),
        source_geometry: None,
        reference: Some(reference),
    }
}

/// A named point's name and place, or an error naming file and feature.
fn named_point(
    file: &DataFile,
    id: &str,
    properties: &Map<String, Value>,
    geometry: &Geometry<f64>,
) -> Result<(String, LonLat), DataError> {
    let name = required_str(file, id, properties, "name")?;
    let Geometry::Point(point) = geometry else {
        return Err(fail(file, id, "expected a Point"));
    };
    Ok((name, LonLat::from_coord(point.0)))
}

/// Towns and capitals (`data/towns.geojson`): points, picked and named
/// like any town, shown by rank.
pub fn towns(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let (name, at) = named_point(file, &id, &properties, &geometry)?;
                let capital = match properties.get("capital").and_then(Value::as_str) {
                    Some("country") => Some(Capital::Country),
                    Some("region") => Some(Capital::Region),
                    _ => None,
                };
                let reference = reference(&properties, capital);
                Ok(feature(
                    id,
                    name,
                    FeatureKind::City,
                    FeatureGeometry::Point(at),
                    at,
                    properties,
                    reference,
                ))
            },
        )
        .collect()
}

/// Rivers (`data/rivers.geojson`): lines, named along themselves.
pub fn rivers(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let lines: Vec<geo::LineString<f64>> = match geometry {
                    Geometry::LineString(l) => vec![l],
                    Geometry::MultiLineString(ml) => ml.0,
                    _ => return Err(fail(file, &id, "expected a LineString or MultiLineString")),
                };
                // The label's anchor: the middle of the longest line.
                let label_at = lines
                    .iter()
                    .max_by_key(|l| l.0.len())
                    .and_then(|l| l.0.get(l.0.len() / 2))
                    .map(|c| LonLat::from_coord(*c))
                    .ok_or_else(|| fail(file, &id, "has no points"))?;
                let name = properties
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let reference = reference(&properties, None);
                let geometry = FeatureGeometry::Other(geo::GeometryCollection(
                    lines.into_iter().map(Geometry::LineString).collect(),
                ));
                Ok(feature(
                    id,
                    name,
                    FeatureKind::River,
                    geometry,
                    label_at,
                    properties,
                    reference,
                ))
            },
        )
        .collect()
}

/// Lakes (`data/lakes.geojson`): filled areas, named in their middle.
pub fn lakes(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let areas = into_areas(file, &id, geometry)?;
                let label_at =
                    label_point(&areas).ok_or_else(|| fail(file, &id, "has an empty outline"))?;
                let name = properties
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let reference = reference(&properties, None);
                Ok(feature(
                    id,
                    name,
                    FeatureKind::Lake,
                    FeatureGeometry::Area(areas),
                    label_at,
                    properties,
                    reference,
                ))
            },
        )
        .collect()
}

/// Seas and oceans (`data/seas.geojson`): names at their label points,
/// shown from the zoom at which Natural Earth names them.
pub fn seas(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let (name, at) = named_point(file, &id, &properties, &geometry)?;
                let mut reference = reference(&properties, None);
                reference.min_zoom = reference.min_label_zoom;
                Ok(feature(
                    id,
                    name,
                    FeatureKind::Sea,
                    FeatureGeometry::Point(at),
                    at,
                    properties,
                    reference,
                ))
            },
        )
        .collect()
}

/// Named physical regions (`data/physical.geojson`): outlines drawn only
/// for the selected one, whose dossier and badge are the reports that name
/// them (nothing rolls up into them: [`FeatureKind::is_picked`]); named at
/// their label point (made by the data build by the rule of
/// [`label_point`]) from the zoom at which Natural Earth names them.
pub fn physical(file: &DataFile) -> Result<Vec<Feature>, DataError> {
    read_collection(file)?
        .into_iter()
        .map(
            |RawFeature {
                 id,
                 properties,
                 geometry,
             }| {
                let name = required_str(file, &id, &properties, "name")?;
                let areas = into_areas(file, &id, geometry)?;
                let given = properties.get("label").and_then(|l| {
                    Some(LonLat {
                        lon: l.get(0)?.as_f64()?,
                        lat: l.get(1)?.as_f64()?,
                    })
                });
                let label_at = given
                    .or_else(|| label_point(&areas))
                    .ok_or_else(|| fail(file, &id, "has an empty outline"))?;
                let mut reference = reference(&properties, None);
                reference.min_zoom = reference.min_label_zoom;
                Ok(feature(
                    id,
                    name,
                    FeatureKind::Physical,
                    FeatureGeometry::Area(areas),
                    label_at,
                    properties,
                    reference,
                ))
            },
        )
        .collect()
}

/// Reads one reference layer's file.
type Loader = fn(&DataFile) -> Result<Vec<Feature>, DataError>;

/// The reference layers, each read from its file; a file that cannot be
/// read leaves its layer out and says why (the map opens without it).
#[must_use]
pub fn layers(files: &Layers) -> (Vec<Feature>, Vec<DataError>) {
    let mut features = Vec::new();
    let mut errors = Vec::new();
    let loaders: [(&DataFile, Loader); 5] = [
        (&files.lakes, lakes),
        (&files.rivers, rivers),
        (&files.towns, towns),
        (&files.seas, seas),
        (&files.physical, physical),
    ];
    // Each file on a core of its own, kept in this order.
    let read: Vec<Result<Vec<Feature>, DataError>> = {
        use rayon::prelude::*;
        loaders.par_iter().map(|(file, load)| load(file)).collect()
    };
    for layer in read {
        match layer {
            Ok(layer) => features.extend(layer),
            Err(e) => errors.push(e),
        }
    }
    (features, errors)
}

/// The reference layers' files.
pub struct Layers {
    pub towns: DataFile,
    pub rivers: DataFile,
    pub lakes: DataFile,
    pub seas: DataFile,
    pub physical: DataFile,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{Atlas, embedded};

    fn damaged(name: &'static str) -> DataFile {
        DataFile {
            name,
            text: r#"{"type":"FeatureCollection","features":[{"type":"Feat"#,
        }
    }

    #[test]
    fn a_damaged_layer_is_left_out_named_and_the_map_still_opens() {
        let files = Layers {
            rivers: damaged("data/rivers.geojson"),
            ..embedded::REFERENCE
        };
        let atlas = Atlas::load_with_reference(&files).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(atlas.data_errors().len(), 1);
        assert!(
            atlas.data_errors()[0].starts_with("data/rivers.geojson: not valid GeoJSON"),
            "{:?}",
            atlas.data_errors()
        );
        let count = |kind| atlas.features().iter().filter(|f| f.kind == kind).count();
        assert_eq!(count(FeatureKind::River), 0);
        assert!(count(FeatureKind::Lake) > 10 && count(FeatureKind::Sea) > 100);
        assert!(
            atlas.find("Bamako", FeatureKind::City).is_some(),
            "towns still read"
        );
    }

    #[test]
    fn a_feature_of_the_wrong_geometry_names_itself() {
        let file = DataFile {
            name: "data/towns.geojson",
            text: r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"x","properties":{"name":"X"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#,
        };
        let error = towns(&file)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(error, "data/towns.geojson: feature x: expected a Point");
    }

    #[test]
    fn towns_show_from_their_zoom_capitals_always() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let town = |name| {
            atlas
                .find(name, FeatureKind::City)
                .unwrap_or_else(|| panic!("{name}"))
        };
        // The scale of the Sahel seen whole (zoom ~5.8) and of the world.
        let (sahel, world) = (14_000.0, 300.0);
        let (bamako, mopti, aguelhok) = (town("Bamako"), town("Mopti"), town("Aguelhok"));
        assert_eq!(
            bamako.reference.and_then(|r| r.capital),
            Some(Capital::Country)
        );
        assert!(drawn_at(bamako, world) && drawn_at(bamako, sahel));
        assert!(!drawn_at(mopti, world) && drawn_at(mopti, 2.0 * sahel));
        assert!(!drawn_at(aguelhok, sahel) && drawn_at(aguelhok, 8.0 * sahel));
        // Names come with the dots, or later (seas, rivers).
        let niger = atlas
            .features()
            .iter()
            .find(|f| f.kind == FeatureKind::River && f.name == "Niger")
            .unwrap_or_else(|| panic!("the Niger"));
        assert!(drawn_at(niger, 2_048.0) && !named_at(niger, 2_048.0) && named_at(niger, 4_096.0));
    }

    #[test]
    fn towns_carry_the_gazetteers_ids_so_reports_find_them() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        // Bamako's GeoNames id, as the geoparser resolves it.
        let bamako = atlas.named_by("geonames:2460596").map(|f| f.name.as_str());
        assert_eq!(bamako, Some("Bamako"));
        // Gao is the atlas's marked place, not a second Gao.
        let gaos = atlas
            .features()
            .iter()
            .filter(|f| f.kind == FeatureKind::City && f.name == "Gao")
            .filter(|f| f.country.as_deref() == Some("ML"))
            .count();
        assert_eq!(gaos, 1, "one Gao in Mali (Burkina Faso has another)");
        // A town Natural Earth lacks comes from GeoNames, a step closer.
        let kidal = atlas.find("Kidal", FeatureKind::City);
        assert!(
            kidal.is_some_and(|k| k.reference.is_some_and(|r| (r.min_zoom - 7.0).abs() < 1e-6))
        );
    }
}
