//! What the map shows: named features with a kind, a country and a geometry.

use geo::{BoundingRect, GeodesicArea, InteriorPoint, MultiPolygon, Rect};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::geometry::projection::LonLat;

/// Feature kinds, in the words `places --json` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeatureKind {
    Country,
    Region,
    Zone,
    City,
    Tripoint,
    /// A place the user marked.
    Marker,
    /// A feature of a GeoJSON file the user opened.
    Imported,
    /// An area the user drew.
    UserZone,
    /// A river of the reference layers (Natural Earth).
    River,
    /// A lake of the reference layers (Natural Earth).
    Lake,
    /// A sea, ocean, gulf or bay of the reference layers: a named point.
    Sea,
    /// A named physical region of the reference layers (the Sahel, the
    /// Sahara): an area named, outlined only when selected; its dossier is
    /// the reports that name it (nothing rolls up into it: `is_picked`).
    Physical,
}

impl FeatureKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Region => "region",
            Self::Zone => "zone",
            Self::City => "city",
            Self::Tripoint => "tripoint",
            Self::Marker => "marker",
            Self::Imported => "imported",
            Self::UserZone => "user-zone",
            Self::River => "river",
            Self::Lake => "lake",
            Self::Sea => "sea",
            Self::Physical => "physical",
        }
    }

    /// What the side panel calls it, in the interface's language.
    #[must_use]
    pub fn label(self) -> String {
        use crate::tr;
        match self {
            Self::Country => tr!("kind-country"),
            Self::Region => tr!("kind-region"),
            Self::Zone => tr!("kind-zone"),
            Self::City => tr!("kind-city"),
            Self::Tripoint => tr!("kind-tripoint"),
            Self::Marker => tr!("kind-marker"),
            Self::Imported => tr!("kind-imported"),
            Self::UserZone => tr!("kind-user-zone"),
            Self::River => tr!("kind-river"),
            Self::Lake => tr!("kind-lake"),
            Self::Sea => tr!("kind-sea"),
            Self::Physical => tr!("kind-physical"),
        }
    }

    /// Whether a click can pick it and roll-up count what lies in it: not
    /// water, which is drawn under the map's subjects and has no dossier;
    /// nor a physical region, whose Natural Earth outline is drawn to place
    /// a name (it puts N'Djamena, Tillabéri and Ménaka in the Sahara and
    /// none of the war's towns in the Sahel): it gathers the reports that
    /// name it, and is selected from its badge or a search.
    #[must_use]
    pub fn is_picked(self) -> bool {
        !matches!(self, Self::River | Self::Lake | Self::Sea | Self::Physical)
    }

    /// Whether the base map draws it: not a physical region, whose outline
    /// would cross every border (the selected one is outlined on top).
    #[must_use]
    pub fn in_base_map(self) -> bool {
        self != Self::Physical
    }

    /// Which feature a click picks when several are under the cursor: points
    /// first, then zones, regions and countries (lower wins).
    #[must_use]
    pub fn pick_rank(self) -> u8 {
        match self {
            Self::City | Self::Tripoint | Self::Marker => 0,
            Self::Zone | Self::Imported | Self::UserZone => 1,
            Self::River | Self::Lake | Self::Sea | Self::Physical => 2,
            Self::Region => 3,
            Self::Country => 4,
        }
    }
}

/// A stable identifier: `country:ML`, `region:ML-7`, `geonames:2453514`, …
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FeatureId(pub String);

impl std::fmt::Display for FeatureId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a reference town is a capital, which the map marks distinctly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capital {
    Country,
    Region,
}

/// What the map needs of a feature of the reference layers (Natural
/// Earth's towns, rivers, lakes and seas): from which zoom it shows and is
/// named, so that zooming in brings more of them without clutter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reference {
    /// The web-map zoom (256 px world at 0) from which it is drawn: Natural
    /// Earth's own `min_zoom`; capitals of countries from the start.
    pub min_zoom: f32,
    /// The zoom from which its name is written (`min_label`, or `min_zoom`).
    pub min_label_zoom: f32,
    /// Natural Earth's `scalerank` (0 most important): orders labels.
    pub rank: u8,
    pub capital: Option<Capital>,
}

/// A feature is a point, an area, or (imported) lines and points.
#[derive(Clone, Debug)]
pub enum FeatureGeometry {
    Point(LonLat),
    Area(MultiPolygon<f64>),
    /// Lines, several points, or a mixed collection (its polygons drawn as
    /// outlines); antimeridian jumps already split.
    Other(geo::GeometryCollection<f64>),
}

/// One thing on the map.
#[derive(Clone, Debug)]
pub struct Feature {
    pub id: FeatureId,
    pub name: String,
    pub kind: FeatureKind,
    /// ISO 3166-1 alpha-2 code; `None` for zones and points shared by several.
    pub country: Option<String>,
    /// Member countries of a zone or tripoint.
    pub countries: Vec<String>,
    pub geometry: FeatureGeometry,
    /// Drawn as muted background (the world around the Sahel).
    pub context: bool,
    /// Not drawn nor picked on the map (the Sahel, which covers five
    /// countries), but still a feature with a dossier.
    pub hidden: bool,
    /// Where the name goes on the map.
    pub label_at: LonLat,
    /// Other names (French, aliases), for display and later for search.
    pub aliases: Vec<String>,
    /// The source's attributes as read, kept for display and round trips.
    pub properties: super::Properties,
    /// The GeoJSON geometry as read, kept when it has heights (3D
    /// positions), which the map's 2D geometry drops: exports write it back.
    pub source_geometry: Option<std::sync::Arc<Value>>,
    /// Set for the reference layers' features, which show by zoom.
    pub reference: Option<Reference>,
}

impl Feature {
    /// A populated place: a point, labelled where it stands.
    #[must_use]
    pub fn town(
        id: String,
        name: String,
        country: Option<String>,
        at: LonLat,
        properties: Map<String, Value>,
    ) -> Self {
        Self {
            id: FeatureId(id),
            name,
            kind: FeatureKind::City,
            country,
            countries: Vec::new(),
            geometry: FeatureGeometry::Point(at),
            context: false,
            hidden: false,
            label_at: at,
            aliases: Vec::new(),
            properties: properties.into(),
            source_geometry: None,
            reference: None,
        }
    }

    /// Bounding box in lon/lat.
    #[must_use]
    pub fn bbox(&self) -> Option<Rect<f64>> {
        match &self.geometry {
            FeatureGeometry::Point(p) => Some(Rect::new(p.to_coord(), p.to_coord())),
            FeatureGeometry::Area(mp) => mp.bounding_rect(),
            FeatureGeometry::Other(collection) => collection.bounding_rect(),
        }
    }

    /// Geodesic area in km² (WGS84 ellipsoid), for areas.
    #[must_use]
    pub fn area_km2(&self) -> Option<f64> {
        match &self.geometry {
            FeatureGeometry::Area(mp) => Some(mp.geodesic_area_unsigned() / 1e6),
            FeatureGeometry::Point(_) | FeatureGeometry::Other(_) => None,
        }
    }

    /// The gazetteer id of a mention that names this feature itself:
    /// `iso:CC` for a country, `geonames:ID` for a region (its source's
    /// `gn_id`), the feature's own id for a town or zone; `None` for kinds
    /// that articles do not name (markers, imported features, the tripoint).
    #[must_use]
    pub fn gazetteer_key(&self) -> Option<String> {
        match self.kind {
            FeatureKind::Country => self.country.as_ref().map(|c| format!("iso:{c}")),
            FeatureKind::Region => {
                let id = self
                    .properties
                    .get("gn_id")
                    .or_else(|| self.properties.get("geonameid"))?;
                match &*id {
                    Value::Number(n) => n
                        .as_i64()
                        .filter(|&v| v > 0)
                        .map(|g| format!("geonames:{g}")),
                    _ => None,
                }
            }
            FeatureKind::City | FeatureKind::Zone | FeatureKind::Sea | FeatureKind::Physical => {
                Some(self.id.0.clone())
            }
            FeatureKind::Tripoint
            | FeatureKind::Marker
            | FeatureKind::Imported
            | FeatureKind::UserZone
            | FeatureKind::River
            | FeatureKind::Lake => None,
        }
    }

    /// The feature's name in `language`: its `name_fr` property in French
    /// where the data has one (Natural Earth and the country list carry
    /// French names), else its name.
    #[must_use]
    pub fn name_in(&self, language: crate::i18n::Language) -> std::borrow::Cow<'_, str> {
        // An imported feature's attributes are text, parsed when asked:
        // not once per label per frame. Its name is the file's.
        if language == crate::i18n::Language::French
            && self.kind != FeatureKind::Imported
            && let Some(name) = self.properties.get_str("name_fr").filter(|n| !n.is_empty())
        {
            return name;
        }
        std::borrow::Cow::Borrowed(&self.name)
    }

    #[must_use]
    pub fn point(&self) -> Option<LonLat> {
        match self.geometry {
            FeatureGeometry::Point(p) => Some(p),
            FeatureGeometry::Area(_) | FeatureGeometry::Other(_) => None,
        }
    }
}

/// Label tolerance as a share of the area's size: a label a 25th of a
/// region's size away from the exact pole looks the same at any zoom, and
/// polylabel's work grows quickly as the tolerance shrinks.
const LABEL_TOLERANCE_OF_SIZE: f64 = 1.0 / 25.0;

/// Corners of the simplified outline polylabel works on, at most.
const LABEL_MAX_CORNERS: usize = 64;

/// Where the area's name reads best: the pole of inaccessibility (the inside
/// point farthest from the edges) of its largest polygon, so that concave
/// countries are labelled in their visual middle and archipelagos on the
/// mainland. Falls back to any interior point if polylabel cannot decide.
#[must_use]
pub fn label_point(areas: &MultiPolygon<f64>) -> Option<LonLat> {
    use crate::geometry::simplify::simplify_polygon;
    use geo::{Area, Contains};
    let largest = areas
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let size = largest
        .bounding_rect()
        .map_or(0.0, |b| b.width().max(b.height()));
    let tolerance = (size * LABEL_TOLERANCE_OF_SIZE).max(f64::EPSILON);
    // polylabel measures every edge for every cell: on the outline simplified
    // to the tolerance (detail finer than it cannot move the label) it does
    // the same job with a fraction of the edges. The point must still fall
    // inside the real outline.
    let mut epsilon = tolerance / 2.0;
    let simplify =
        |p: &geo::Polygon<f64>, e: f64| simplify_polygon(p, e).unwrap_or_else(|| p.clone());
    let mut outline = simplify(largest, epsilon);
    // A fractal coastline keeps thousands of corners at that scale: coarser
    // until a few hundred are left (the label only needs the broad shape).
    while outline.exterior().0.len() + outline.interiors().iter().map(|r| r.0.len()).sum::<usize>()
        > LABEL_MAX_CORNERS
        && epsilon < size
    {
        epsilon *= 2.0;
        outline = simplify(&outline, epsilon);
    }
    polylabel::polylabel(&outline, &tolerance)
        .ok()
        .filter(|p| largest.contains(p))
        .or_else(|| largest.interior_point())
        .map(|p| LonLat::from_coord(p.0))
}
