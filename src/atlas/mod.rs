//! The atlas: every feature the map shows, loaded from the data embedded in the
//! binary, with what drawing and picking need precomputed once.

pub mod error;
pub mod feature;
pub mod hit_index;
pub mod load;
pub mod outline;
pub mod properties;
pub mod reference;
pub mod shape;
pub mod summary;
pub mod tripoint;
pub mod zones;

use geo::{BoundingRect, Rect};

use crate::geometry::projection::LonLat;

pub use error::DataError;
pub use feature::{Feature, FeatureGeometry, FeatureId, FeatureKind};
use hit_index::HitIndex;
use load::DataFile;
pub use properties::Properties;
pub use shape::{AreaLevel, AreaShape};

pub use crate::focus::FOCUS_COUNTRIES;

/// The data files compiled into the binary, so the app runs from anywhere.
pub mod embedded {
    use super::DataFile;

    pub const COUNTRIES: DataFile = DataFile {
        name: "data/countries.geojson",
        text: include_str!("../../data/countries.geojson"),
    };
    pub const REGIONS: DataFile = DataFile {
        name: "data/regions.geojson",
        text: include_str!("../../data/regions.geojson"),
    };
    pub const PLACES: DataFile = DataFile {
        name: "data/places.geojson",
        text: include_str!("../../data/places.geojson"),
    };
    pub const ZONES: DataFile = DataFile {
        name: "data/zones.json",
        text: include_str!("../../data/zones.json"),
    };
    /// The reference layers (Natural Earth: towns, rivers, lakes, seas).
    pub const REFERENCE: super::reference::Layers = super::reference::Layers {
        towns: DataFile {
            name: "data/towns.geojson",
            text: include_str!("../../data/towns.geojson"),
        },
        rivers: DataFile {
            name: "data/rivers.geojson",
            text: include_str!("../../data/rivers.geojson"),
        },
        lakes: DataFile {
            name: "data/lakes.geojson",
            text: include_str!("../../data/lakes.geojson"),
        },
        seas: DataFile {
            name: "data/seas.geojson",
            text: include_str!("../../data/seas.geojson"),
        },
        physical: DataFile {
            name: "data/physical.geojson",
            text: include_str!("../../data/physical.geojson"),
        },
    };
}

/// A feature with what drawing and picking need, computed where it is
/// cheapest to wait for (an import's worker threads, not the UI thread).
#[derive(Clone, Debug)]
pub struct Prepared {
    pub feature: Feature,
    /// Shared: the map's GPU scene is built from it on another thread.
    shape: Option<std::sync::Arc<AreaShape>>,
    outline: Option<std::sync::Arc<outline::Outline>>,
}

impl Prepared {
    #[must_use]
    pub fn new(feature: Feature) -> Self {
        let shape = AreaShape::of(&feature).map(std::sync::Arc::new);
        let outline = match feature.geometry {
            // Never picked nor counted in (lakes): no picking index.
            FeatureGeometry::Area(_) if !feature.kind.is_picked() => None,
            FeatureGeometry::Area(_) => shape
                .as_deref()
                .and_then(AreaShape::source)
                .map(|level| std::sync::Arc::new(outline::Outline::new(level))),
            FeatureGeometry::Point(_) | FeatureGeometry::Other(_) => None,
        };
        Self {
            feature,
            shape,
            outline,
        }
    }

    /// Prepares features on every core.
    #[must_use]
    pub fn all(features: Vec<Feature>) -> Vec<Self> {
        Self::all_with_progress(features, &crate::progress::Progress::default())
    }

    /// [`Prepared::all`], counting each feature done in `progress`.
    #[must_use]
    pub fn all_with_progress(
        features: Vec<Feature>,
        progress: &crate::progress::Progress,
    ) -> Vec<Self> {
        use rayon::prelude::*;
        progress.start(crate::progress::Stage::Preparing, features.len());
        features
            .into_par_iter()
            .map(|f| {
                let prepared = Self::new(f);
                progress.advance();
                prepared
            })
            .collect()
    }

    #[must_use]
    pub fn shape(&self) -> Option<&AreaShape> {
        self.shape.as_deref()
    }

    /// Bytes of the picking index over the area's edges (for `stats`).
    #[must_use]
    pub fn outline_bytes(&self) -> usize {
        self.outline.as_ref().map_or(0, |o| o.heap_bytes())
    }
}

/// All features, in drawing order (context countries, focus countries,
/// regions, zones, then points on top), with their shapes and a hit index.
/// Cloned only when a background job holds it while the map changes (the
/// state keeps it in an `Arc`).
#[derive(Clone, Debug)]
pub struct Atlas {
    features: Vec<Feature>,
    shapes: Vec<Option<std::sync::Arc<AreaShape>>>,
    hit_index: HitIndex,
    /// Where each id is in `features` (lookups happen per feature of an
    /// imported layer and per frame).
    positions: std::collections::HashMap<FeatureId, usize>,
    /// The feature each gazetteer id names ([`Feature::gazetteer_key`]; the
    /// first one when several answer to it), so a mention finds its feature
    /// without a walk over all of them.
    named: std::collections::HashMap<String, usize>,
    /// Bumped whenever an area is added, reshaped, shown or hidden: what
    /// lies inside which area may have changed (see `dossier::rollup`).
    area_generation: u64,
    /// Data files that could not be read, and so are not on the map.
    data_errors: Vec<String>,
}

impl Atlas {
    /// Loads the atlas compiled into the binary. The outlines it is about
    /// must read; a reference layer that does not is left out and named in
    /// [`Atlas::data_errors`].
    pub fn load_embedded() -> Result<Self, DataError> {
        Self::load_with_reference(&embedded::REFERENCE)
    }

    /// [`Atlas::load_embedded`] with the reference layers read from `reference`.
    pub fn load_with_reference(reference: &reference::Layers) -> Result<Self, DataError> {
        // The reference layers are read on another core meanwhile: the
        // first frame waits for the slower of the two, not their sum.
        let (own, (water_and_towns, errors)) = rayon::join(
            || -> Result<_, DataError> {
                let countries = load::countries(&embedded::COUNTRIES, &FOCUS_COUNTRIES)?;
                let regions = load::regions(&embedded::REGIONS)?;
                let zones = zones::zones(&embedded::ZONES, &regions, &countries)?;
                let places = load::places(&embedded::PLACES)?;
                let tripoint =
                    tripoint::tripoint(embedded::COUNTRIES.name, &countries, FOCUS_COUNTRIES)?;
                Ok((countries, regions, zones, places, tripoint))
            },
            || reference::layers(reference),
        );
        let (countries, regions, zones, places, tripoint) = own?;
        // Water over the land's fill, under every border; towns and the
        // names of seas over the areas.
        let (water, towns): (Vec<Feature>, Vec<Feature>) = water_and_towns
            .into_iter()
            .partition(|f| matches!(f.kind, FeatureKind::Lake | FeatureKind::River));

        let (context, focus): (Vec<Feature>, Vec<Feature>) =
            countries.into_iter().partition(|c| c.context);
        let features: Vec<Feature> = context
            .into_iter()
            .chain(focus)
            .chain(water)
            .chain(regions)
            .chain(zones)
            .chain(places)
            .chain(towns)
            .chain(std::iter::once(tripoint))
            .collect();
        let mut atlas = Self::from_features(features);
        atlas.data_errors = errors.iter().map(ToString::to_string).collect();
        Ok(atlas)
    }

    /// An atlas of the given features, in the given drawing order.
    #[must_use]
    pub fn from_features(features: Vec<Feature>) -> Self {
        let mut atlas = Self {
            features: Vec::new(),
            shapes: Vec::new(),
            hit_index: HitIndex::default(),
            positions: std::collections::HashMap::new(),
            named: std::collections::HashMap::new(),
            area_generation: 0,
            data_errors: Vec::new(),
        };
        atlas.add_prepared(Prepared::all(features));
        atlas
    }

    /// Adds places (points) found in articles, drawn and picked like the others.
    pub fn add_points(&mut self, points: Vec<Feature>) {
        let points = points
            .into_iter()
            .filter(|f| matches!(f.geometry, FeatureGeometry::Point(_)))
            .map(Prepared::new)
            .collect();
        self.add_prepared(points);
    }

    /// Adds features of any geometry (an imported layer) on top of the others.
    pub fn add_features(&mut self, features: Vec<Feature>) {
        self.add_prepared(Prepared::all(features));
    }

    /// Adds prepared features on top of the others; an id already there is
    /// skipped.
    pub fn add_prepared(&mut self, prepared: Vec<Prepared>) {
        let mut added = Vec::new();
        for p in prepared {
            if self.positions.contains_key(&p.feature.id) {
                continue;
            }
            let index = self.features.len();
            self.positions.insert(p.feature.id.clone(), index);
            if let Some(key) = p.feature.gazetteer_key() {
                self.named.entry(key).or_insert(index);
            }
            if matches!(p.feature.geometry, FeatureGeometry::Area(_)) {
                self.area_generation += 1;
            }
            added.push((index, p.outline));
            self.features.push(p.feature);
            self.shapes.push(p.shape);
        }
        self.hit_index.insert_all(&self.features, added);
    }

    /// Shows or hides features (a layer's visibility): hidden ones are not
    /// drawn nor picked, and keep their place and index.
    pub fn set_hidden(&mut self, ids: &[FeatureId], hidden: bool) {
        for id in ids {
            let Some(index) = self.index_of(id) else {
                continue;
            };
            if self.features[index].hidden == hidden {
                continue;
            }
            if matches!(self.features[index].geometry, FeatureGeometry::Area(_)) {
                self.area_generation += 1;
            }
            if hidden {
                self.hit_index.remove(index, &self.features[index]);
                self.features[index].hidden = true;
            } else {
                self.features[index].hidden = false;
                self.hit_index.insert(index, &self.features[index]);
            }
        }
    }

    /// Adds a feature, or replaces (moves, renames, reshapes, shows again)
    /// the one with the same id: the user's markers and zones come and go
    /// with edits and undo.
    pub fn upsert(&mut self, feature: Feature) {
        match self.index_of(&feature.id) {
            Some(index) => {
                let prepared = Prepared::new(feature);
                if matches!(prepared.feature.geometry, FeatureGeometry::Area(_))
                    || matches!(self.features[index].geometry, FeatureGeometry::Area(_))
                {
                    self.area_generation += 1;
                }
                self.hit_index.replace(
                    index,
                    &self.features[index],
                    &prepared.feature,
                    prepared.outline,
                );
                self.shapes[index] = prepared.shape;
                self.features[index] = prepared.feature;
            }
            None => self.add_features(vec![feature]),
        }
    }

    /// The data files that could not be read (each message names its file).
    #[must_use]
    pub fn data_errors(&self) -> &[String] {
        &self.data_errors
    }

    #[must_use]
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    #[must_use]
    pub fn shape(&self, index: usize) -> Option<&AreaShape> {
        self.shapes.get(index).and_then(Option::as_deref)
    }

    /// The shape of feature `index`, shared (for work on another thread).
    #[must_use]
    pub fn shared_shape(&self, index: usize) -> Option<std::sync::Arc<AreaShape>> {
        self.shapes.get(index).and_then(Clone::clone)
    }

    #[must_use]
    pub fn hit_index(&self) -> &HitIndex {
        &self.hit_index
    }

    /// The feature under `pos_in_screen`: a point within `radius_px`
    /// pixels, else the area of highest rank there ([`HitIndex::pick`]).
    #[must_use]
    pub fn pick(
        &self,
        projector: &crate::geometry::projection::Projector,
        pos_in_screen: crate::geometry::projection::ScreenPoint,
        radius_px: f32,
    ) -> Option<usize> {
        let scale = projector.camera().scale();
        self.pick_where(projector, pos_in_screen, radius_px, &|f| {
            reference::drawn_at(f, scale)
        })
    }

    /// [`Atlas::pick`] among the features `shown` says the map draws (the
    /// window's [`reference::Visibility`]).
    #[must_use]
    pub fn pick_where(
        &self,
        projector: &crate::geometry::projection::Projector,
        pos_in_screen: crate::geometry::projection::ScreenPoint,
        radius_px: f32,
        shown: &dyn Fn(&Feature) -> bool,
    ) -> Option<usize> {
        self.hit_index.pick(
            &self.features,
            &self.shapes,
            projector,
            pos_in_screen,
            radius_px,
            shown,
        )
    }

    #[must_use]
    pub fn index_of(&self, id: &FeatureId) -> Option<usize> {
        self.positions.get(id).copied()
    }

    #[must_use]
    pub fn get(&self, id: &FeatureId) -> Option<&Feature> {
        self.index_of(id).map(|i| &self.features[i])
    }

    /// The feature whose [`Feature::gazetteer_key`] is `gazetteer` (the
    /// place a mention names), if the map has it.
    #[must_use]
    pub fn named_by(&self, gazetteer: &str) -> Option<&Feature> {
        self.named.get(gazetteer).map(|&i| &self.features[i])
    }

    /// Shown areas that contain `at`, found through the hit index (boxes,
    /// then the prepared point-in-area test that picking uses).
    #[must_use]
    pub fn areas_containing(&self, at: LonLat) -> Vec<&Feature> {
        self.hit_index
            .areas_containing(&self.shapes, at)
            .into_iter()
            .map(|i| &self.features[i])
            .collect()
    }

    /// Changes whenever which areas exist, or are shown, changes.
    #[must_use]
    pub fn area_generation(&self) -> u64 {
        self.area_generation
    }

    /// The zones, as the geoparser's gazetteer needs them: names, aliases and
    /// a representative point (the centroid of the outline).
    #[must_use]
    pub fn zone_names(&self) -> Vec<crate::geoparse::gazetteer::ZoneName> {
        use geo::Centroid;
        self.features
            .iter()
            .filter(|f| f.kind == FeatureKind::Zone)
            .filter_map(|f| {
                let FeatureGeometry::Area(areas) = &f.geometry else {
                    return None;
                };
                let c = areas.centroid()?;
                Some(crate::geoparse::gazetteer::ZoneName {
                    id: f.id.0.clone(),
                    name: f.name.clone(),
                    aliases: f.aliases.clone(),
                    lat: c.y(),
                    lon: c.x(),
                })
            })
            .collect()
    }

    /// The features a name designates: their name or one of their other
    /// names, compared without case, accents or hyphens.
    fn named<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Feature> + 'a {
        let key = |s: &str| crate::text::fold::fold_str(s.trim()).replace('-', " ");
        let wanted = key(name);
        self.features.iter().filter(move |f| {
            !wanted.is_empty()
                && std::iter::once(&f.name)
                    .chain(&f.aliases)
                    .any(|n| key(n) == wanted)
        })
    }

    /// The feature a name designates: the atlas's own and the user's
    /// before the reference layers' ("Niger" is the country before the
    /// river, "Mali" the country before a town of Guinea); among those,
    /// points first (as a click would pick), then zones, regions, countries.
    #[must_use]
    pub fn find_by_name(&self, name: &str) -> Option<&Feature> {
        self.named(name).min_by_key(|f| {
            (
                f.reference.is_some(),
                f.kind.pick_rank(),
                f.kind == FeatureKind::Tripoint,
            )
        })
    }

    /// The first feature of `kind` that `name` designates, if any.
    #[must_use]
    pub fn find(&self, name: &str, kind: FeatureKind) -> Option<&Feature> {
        self.named(name).find(|f| f.kind == kind)
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    #[must_use]
    pub fn country(&self, code: &str) -> Option<&Feature> {
        self.features
            .iter()
            .find(|f| f.kind == FeatureKind::Country && f.country.as_deref() == Some(code))
    }

    /// The bounding box of the focus countries: what `Home` shows.
    #[must_use]
    pub fn focus_bounds(&self) -> Option<Rect<f64>> {
        let rects: Vec<Rect<f64>> = self
            .features
            .iter()
            .filter(|f| f.kind == FeatureKind::Country && !f.context)
            .filter_map(Feature::bbox)
            .collect();
        let polys: geo::MultiPolygon<f64> = rects.into_iter().map(Rect::to_polygon).collect();
        polys.bounding_rect()
    }
}
