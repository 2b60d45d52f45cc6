//! The atlas: every feature the map shows, loaded from the data embedded in the
//! binary, with what drawing and picking need precomputed once.

pub mod error;
pub mod feature;
pub mod hit_index;
pub mod load;
pub mod summary;
pub mod tripoint;
pub mod zones;

use geo::{BoundingRect, Rect};

pub use error::DataError;
pub use feature::{Feature, FeatureGeometry, FeatureId, FeatureKind};
use hit_index::HitIndex;
use load::DataFile;

use crate::geometry::projection::{LonLat, WorldPoint};
use crate::geometry::tessellate::{WorldMesh, tessellate};

/// The three countries the atlas is about (ISO 3166-1 alpha-2).
pub const FOCUS_COUNTRIES: [&str; 3] = ["ML", "NE", "BF"];

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
}

/// What the map needs to draw an area (or imported lines and points), in
/// world space, computed once.
#[derive(Clone, Debug)]
pub struct AreaShape {
    pub fill: WorldMesh,
    /// Every ring (exteriors and holes), each closed.
    pub rings: Vec<Vec<WorldPoint>>,
    /// Open polylines (imported lines).
    pub lines: Vec<Vec<WorldPoint>>,
    /// Single positions (imported multi-points).
    pub dots: Vec<WorldPoint>,
    pub world_min: WorldPoint,
    pub world_max: WorldPoint,
}

fn world_line(line: &geo::LineString<f64>) -> Vec<WorldPoint> {
    line.coords()
        .map(|&c| WorldPoint::from_lonlat(LonLat::from_coord(c)))
        .collect()
}

impl AreaShape {
    fn with_bounds(
        fill: WorldMesh,
        rings: Vec<Vec<WorldPoint>>,
        lines: Vec<Vec<WorldPoint>>,
        dots: Vec<WorldPoint>,
    ) -> Self {
        let (mut world_min, mut world_max) = (
            WorldPoint {
                x: f64::MAX,
                y: f64::MAX,
            },
            WorldPoint {
                x: f64::MIN,
                y: f64::MIN,
            },
        );
        for p in rings
            .iter()
            .flatten()
            .chain(lines.iter().flatten())
            .chain(&dots)
        {
            world_min = WorldPoint {
                x: world_min.x.min(p.x),
                y: world_min.y.min(p.y),
            };
            world_max = WorldPoint {
                x: world_max.x.max(p.x),
                y: world_max.y.max(p.y),
            };
        }
        Self {
            fill,
            rings,
            lines,
            dots,
            world_min,
            world_max,
        }
    }

    fn new(areas: &geo::MultiPolygon<f64>) -> Self {
        let rings: Vec<Vec<WorldPoint>> = areas
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .map(world_line)
            .collect();
        Self::with_bounds(tessellate(areas), rings, Vec::new(), Vec::new())
    }

    /// Lines and points (and a mixed collection's polygons, as outlines).
    fn from_other(collection: &geo::GeometryCollection<f64>) -> Self {
        let (mut lines, mut dots) = (Vec::new(), Vec::new());
        let mut add = |g: &geo::Geometry<f64>| match g {
            geo::Geometry::LineString(l) => lines.push(world_line(l)),
            geo::Geometry::MultiLineString(ml) => lines.extend(ml.iter().map(world_line)),
            geo::Geometry::Polygon(p) => {
                lines.extend(
                    std::iter::once(p.exterior())
                        .chain(p.interiors())
                        .map(world_line),
                );
            }
            geo::Geometry::MultiPolygon(mp) => lines.extend(
                mp.iter()
                    .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                    .map(world_line),
            ),
            geo::Geometry::Point(p) => dots.push(WorldPoint::from_lonlat(LonLat::from_coord(p.0))),
            geo::Geometry::MultiPoint(mp) => dots.extend(
                mp.iter()
                    .map(|p| WorldPoint::from_lonlat(LonLat::from_coord(p.0))),
            ),
            _ => {}
        };
        for g in collection {
            add(g);
        }
        Self::with_bounds(WorldMesh::default(), Vec::new(), lines, dots)
    }

    /// The shape of a feature; points have none (they are drawn as markers).
    #[must_use]
    pub fn of(feature: &Feature) -> Option<Self> {
        match &feature.geometry {
            FeatureGeometry::Area(areas) => Some(Self::new(areas)),
            FeatureGeometry::Other(collection) => Some(Self::from_other(collection)),
            FeatureGeometry::Point(_) => None,
        }
    }
}

/// All features, in drawing order (context countries, focus countries,
/// regions, zones, then points on top), with their shapes and a hit index.
#[derive(Debug)]
pub struct Atlas {
    features: Vec<Feature>,
    shapes: Vec<Option<AreaShape>>,
    hit_index: HitIndex,
}

impl Atlas {
    /// Loads the atlas compiled into the binary.
    pub fn load_embedded() -> Result<Self, DataError> {
        let countries = load::countries(&embedded::COUNTRIES, &FOCUS_COUNTRIES)?;
        let regions = load::regions(&embedded::REGIONS)?;
        let zones = zones::zones(&embedded::ZONES, &regions, &countries)?;
        let places = load::places(&embedded::PLACES)?;
        let tripoint = tripoint::tripoint(embedded::COUNTRIES.name, &countries, FOCUS_COUNTRIES)?;

        let (context, focus): (Vec<Feature>, Vec<Feature>) =
            countries.into_iter().partition(|c| c.context);
        let features: Vec<Feature> = context
            .into_iter()
            .chain(focus)
            .chain(regions)
            .chain(zones)
            .chain(places)
            .chain(std::iter::once(tripoint))
            .collect();
        Ok(Self::from_features(features))
    }

    /// An atlas of the given features, in the given drawing order.
    #[must_use]
    pub fn from_features(features: Vec<Feature>) -> Self {
        let shapes = features.iter().map(AreaShape::of).collect();
        let hit_index = HitIndex::build(&features);
        Self {
            features,
            shapes,
            hit_index,
        }
    }

    /// Adds places (points) found in articles, drawn and picked like the others.
    pub fn add_points(&mut self, points: Vec<Feature>) {
        for feature in points {
            if !matches!(feature.geometry, FeatureGeometry::Point(_))
                || self.index_of(&feature.id).is_some()
            {
                continue;
            }
            let index = self.features.len();
            self.hit_index.insert(index, &feature);
            self.features.push(feature);
            self.shapes.push(None);
        }
    }

    /// Adds features of any geometry (an imported layer) on top of the others.
    pub fn add_features(&mut self, features: Vec<Feature>) {
        for feature in features {
            if self.index_of(&feature.id).is_some() {
                continue;
            }
            let index = self.features.len();
            self.hit_index.insert(index, &feature);
            self.shapes.push(AreaShape::of(&feature));
            self.features.push(feature);
        }
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
                self.hit_index
                    .replace(index, &self.features[index], &feature);
                self.shapes[index] = AreaShape::of(&feature);
                self.features[index] = feature;
            }
            None => self.add_features(vec![feature]),
        }
    }

    #[must_use]
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    #[must_use]
    pub fn shape(&self, index: usize) -> Option<&AreaShape> {
        self.shapes.get(index).and_then(Option::as_ref)
    }

    #[must_use]
    pub fn hit_index(&self) -> &HitIndex {
        &self.hit_index
    }

    #[must_use]
    pub fn index_of(&self, id: &FeatureId) -> Option<usize> {
        self.features.iter().position(|f| &f.id == id)
    }

    #[must_use]
    pub fn get(&self, id: &FeatureId) -> Option<&Feature> {
        self.index_of(id).map(|i| &self.features[i])
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

    /// The feature a name designates; points first (as a click would pick),
    /// then zones, regions and countries.
    #[must_use]
    pub fn find_by_name(&self, name: &str) -> Option<&Feature> {
        self.named(name)
            .min_by_key(|f| (f.kind.pick_rank(), f.kind == FeatureKind::Tripoint))
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
