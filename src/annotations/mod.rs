//! What the user adds to the map: notes, tags and colours on any feature, and
//! markers of their own.
//!
//! Pure data with no UI: the state applies edits through [`history::History`]
//! (undo/redo), [`file`](mod@file) reads and writes it as GeoJSON (autosave, Save As,
//! Open), and `export` puts it into annotated GeoJSON. Features are referred to
//! by their stable [`FeatureId`], so a note on `region:ML-7` survives a
//! rebuild of the atlas data.

pub mod file;
pub mod history;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::atlas::{Feature, FeatureId};
use crate::geometry::projection::LonLat;

/// An sRGB colour, written `#rrggbb` (simplestyle's form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// The default for new markers: a red that reads on the map's beige land.
    pub const MARKER: Self = Self([0xc0, 0x39, 0x2b]);

    /// Parses `#rrggbb` or `#rgb` (case-insensitive).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.trim().strip_prefix('#')?;
        let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
        let b = hex.as_bytes();
        match b.len() {
            6 => {
                let byte = |i: usize| Some(digit(b[i])? * 16 + digit(b[i + 1])?);
                Some(Self([byte(0)?, byte(2)?, byte(4)?]))
            }
            3 => {
                let short = |i: usize| digit(b[i]).map(|d| d * 17);
                Some(Self([short(0)?, short(1)?, short(2)?]))
            }
            _ => None,
        }
    }

    #[must_use]
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// The user's note on one feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// Free text, several lines.
    pub note: String,
    /// Short labels ("verify", "casualties"), without duplicates, in the order given.
    pub tags: Vec<String>,
    pub colour: Option<Colour>,
    /// Whether the annotation goes into exports.
    pub export: bool,
    /// Properties of an imported feature that Dispatch Atlas does not know:
    /// kept as they were and written back on save and export.
    pub extra: Map<String, Value>,
}

impl Default for Annotation {
    fn default() -> Self {
        Self {
            note: String::new(),
            tags: Vec::new(),
            colour: None,
            export: true,
            extra: Map::new(),
        }
    }
}

impl Annotation {
    /// Nothing the user wrote: such an annotation need not be kept.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.note.trim().is_empty()
            && self.tags.is_empty()
            && self.colour.is_none()
            && self.export
            && self.extra.is_empty()
    }
}

/// Splits "a, b,, c" into tags, trimmed, without empties or repeats.
#[must_use]
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// A place the user marked on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// `user:marker:N`, never reused within one atlas file.
    pub id: FeatureId,
    pub name: String,
    pub at: LonLat,
}

impl Marker {
    /// The marker as a map feature, drawn, picked and given a dossier like
    /// any other place.
    #[must_use]
    pub fn to_feature(&self) -> Feature {
        let mut feature = Feature::town(
            self.id.0.clone(),
            self.name.clone(),
            None,
            self.at,
            Map::new(),
        );
        feature.kind = crate::atlas::FeatureKind::Marker;
        feature
    }
}

/// An area the user drew: one ring of corners (closed implicitly).
#[derive(Clone, Debug, PartialEq)]
pub struct UserZone {
    /// `user:zone:N`, never reused within one atlas file.
    pub id: FeatureId,
    pub name: String,
    /// At least three corners, in the order drawn; the first is not repeated.
    pub corners: Vec<LonLat>,
}

impl UserZone {
    /// The zone as a map feature: drawn, picked, annotated, and given a
    /// dossier of what lies inside it, like the curated zones.
    #[must_use]
    pub fn to_feature(&self) -> Option<Feature> {
        let mut ring: Vec<geo::Coord<f64>> = self.corners.iter().map(|c| c.to_coord()).collect();
        ring.push(*ring.first()?);
        let areas =
            geo::MultiPolygon::new(vec![geo::Polygon::new(geo::LineString::new(ring), vec![])]);
        let label_at = crate::atlas::feature::label_point(&areas)?;
        Some(Feature {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: crate::atlas::FeatureKind::UserZone,
            country: None,
            countries: Vec::new(),
            geometry: crate::atlas::FeatureGeometry::Area(areas),
            context: false,
            hidden: false,
            label_at,
            aliases: Vec::new(),
            properties: crate::atlas::Properties::default(),
            source_geometry: None,
            reference: None,
        })
    }

    /// The mean of the corners (where "move here" puts the zone).
    #[must_use]
    pub fn centre(&self) -> LonLat {
        let n = self.corners.len().max(1) as f64;
        LonLat {
            lon: self.corners.iter().map(|c| c.lon).sum::<f64>() / n,
            lat: self.corners.iter().map(|c| c.lat).sum::<f64>() / n,
        }
    }
}

/// A new id `prefix:N` (N never used before, counted by `next`) and the
/// name to give: the one typed, trimmed, or "Marker N" / "Zone N".
fn fresh(
    next: &mut u64,
    count: usize,
    taken: &[&FeatureId],
    prefix: &str,
    default_name: &str,
    name: &str,
) -> (FeatureId, String) {
    *next = (*next).max(count as u64).saturating_add(1);
    let mut id = FeatureId(format!("{prefix}:{next}"));
    while taken.contains(&&id) {
        *next = next.saturating_add(1);
        id = FeatureId(format!("{prefix}:{next}"));
    }
    let name = match name.trim() {
        "" => format!("{default_name} {next}"),
        typed => typed.to_owned(),
    };
    (id, name)
}

/// Everything the user added, as saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotations {
    pub notes: BTreeMap<FeatureId, Annotation>,
    pub markers: Vec<Marker>,
    pub zones: Vec<UserZone>,
    /// The next marker number (ids are not reused after a delete, so an undo
    /// brings a marker back under its old id).
    pub next_marker: u64,
    /// The same for zones.
    pub next_zone: u64,
}

impl Annotations {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.markers.is_empty() && self.zones.is_empty()
    }

    /// Adds a zone with these corners (three at least, in range); returns its
    /// id. Corners are kept counter-clockwise (RFC 7946's winding), so a zone
    /// drawn either way round is written and read back the same.
    pub fn add_zone(&mut self, name: &str, mut corners: Vec<LonLat>) -> Option<FeatureId> {
        let twice_area: f64 = corners
            .iter()
            .zip(corners.iter().cycle().skip(1))
            .map(|(a, b)| a.lon * b.lat - b.lon * a.lat)
            .sum();
        if twice_area < 0.0 {
            // Reversed, keeping the first corner first.
            corners[1..].reverse();
        }
        let valid = corners.len() >= 3
            && corners
                .iter()
                .all(|c| (-180.0..=180.0).contains(&c.lon) && (-90.0..=90.0).contains(&c.lat));
        if !valid {
            return None;
        }
        let taken: Vec<&FeatureId> = self.zones.iter().map(|z| &z.id).collect();
        let (id, name) = fresh(
            &mut self.next_zone,
            taken.len(),
            &taken,
            "user:zone",
            "Zone",
            name,
        );
        self.zones.push(UserZone {
            id: id.clone(),
            name,
            corners,
        });
        Some(id)
    }

    /// The user's markers and zones as map features.
    #[must_use]
    pub fn user_features(&self) -> Vec<Feature> {
        self.markers
            .iter()
            .map(Marker::to_feature)
            .chain(self.zones.iter().filter_map(UserZone::to_feature))
            .collect()
    }

    /// Whether `id` is one of the user's markers or zones.
    #[must_use]
    pub fn is_user_feature(&self, id: &FeatureId) -> bool {
        self.markers.iter().any(|m| &m.id == id) || self.zones.iter().any(|z| &z.id == id)
    }

    #[must_use]
    pub fn zone(&self, id: &FeatureId) -> Option<&UserZone> {
        self.zones.iter().find(|z| &z.id == id)
    }

    /// Moves a zone so that its centre is `to` (its shape unchanged).
    pub fn move_zone(&mut self, id: &FeatureId, to: LonLat) -> bool {
        let Some(zone) = self.zones.iter_mut().find(|z| &z.id == id) else {
            return false;
        };
        let centre = zone.centre();
        let (dx, dy) = (to.lon - centre.lon, to.lat - centre.lat);
        let moved: Vec<LonLat> = zone
            .corners
            .iter()
            .map(|c| LonLat {
                lon: c.lon + dx,
                lat: c.lat + dy,
            })
            .collect();
        if moved
            .iter()
            .any(|c| !(-180.0..=180.0).contains(&c.lon) || !(-90.0..=90.0).contains(&c.lat))
        {
            return false;
        }
        zone.corners = moved;
        true
    }

    #[must_use]
    pub fn note(&self, id: &FeatureId) -> Option<&Annotation> {
        self.notes.get(id)
    }

    /// Sets (or, when blank, removes) the annotation of `id`.
    pub fn set_note(&mut self, id: FeatureId, annotation: Annotation) {
        if annotation.is_blank() {
            self.notes.remove(&id);
        } else {
            self.notes.insert(id, annotation);
        }
    }

    /// Adds a marker; returns its id.
    pub fn add_marker(&mut self, name: &str, at: LonLat) -> FeatureId {
        let taken: Vec<&FeatureId> = self.markers.iter().map(|m| &m.id).collect();
        let (id, name) = fresh(
            &mut self.next_marker,
            taken.len(),
            &taken,
            "user:marker",
            "Marker",
            name,
        );
        self.markers.push(Marker {
            id: id.clone(),
            name,
            at,
        });
        id
    }

    #[must_use]
    pub fn marker(&self, id: &FeatureId) -> Option<&Marker> {
        self.markers.iter().find(|m| &m.id == id)
    }

    /// Renames a marker or a zone; false if there is none or the name is blank.
    pub fn rename(&mut self, id: &FeatureId, name: &str) -> bool {
        let name_of = self
            .markers
            .iter_mut()
            .find(|m| &m.id == id)
            .map(|m| &mut m.name)
            .or_else(|| {
                self.zones
                    .iter_mut()
                    .find(|z| &z.id == id)
                    .map(|z| &mut z.name)
            });
        match name_of {
            Some(current) if !name.trim().is_empty() => {
                name.trim().clone_into(current);
                true
            }
            _ => false,
        }
    }

    /// Moves a marker; false if there is no such marker.
    pub fn move_marker(&mut self, id: &FeatureId, at: LonLat) -> bool {
        match self.markers.iter_mut().find(|m| &m.id == id) {
            Some(m) => {
                m.at = at;
                true
            }
            None => false,
        }
    }

    /// Deletes a marker or a zone and its note; false if there is none.
    pub fn delete(&mut self, id: &FeatureId) -> bool {
        let before = self.markers.len() + self.zones.len();
        self.markers.retain(|m| &m.id != id);
        self.zones.retain(|z| &z.id != id);
        let deleted = self.markers.len() + self.zones.len() != before;
        if deleted {
            self.notes.remove(id);
        }
        deleted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_print_as_hex() {
        assert_eq!(Colour::parse("#C0392B"), Some(Colour([0xc0, 0x39, 0x2b])));
        assert_eq!(Colour::parse("#f00"), Some(Colour([255, 0, 0])));
        assert_eq!(Colour::parse("red"), None);
        assert_eq!(Colour::parse("#12345"), None);
        assert_eq!(Colour::parse("#gg0000"), None);
        assert_eq!(Colour([1, 2, 255]).hex(), "#0102ff");
    }

    #[test]
    fn tags_are_trimmed_and_unique() {
        assert_eq!(
            parse_tags(" verify, casualties,,verify , "),
            ["verify", "casualties"]
        );
        assert!(parse_tags(" , ").is_empty());
    }

    #[test]
    fn a_blank_note_is_removed() {
        let mut a = Annotations::default();
        let id = FeatureId("country:ML".into());
        a.set_note(
            id.clone(),
            Annotation {
                note: "Check the figures".into(),
                ..Annotation::default()
            },
        );
        assert!(a.note(&id).is_some());
        a.set_note(id.clone(), Annotation::default());
        assert!(a.note(&id).is_none() && a.is_empty());
    }

    #[test]
    fn markers_keep_unique_ids_after_deletes() {
        let mut a = Annotations::default();
        let at = LonLat {
            lon: 2.4,
            lat: 15.9,
        };
        let first = a.add_marker("Camp", at);
        let second = a.add_marker("  ", at);
        assert_eq!(a.marker(&second).map(|m| m.name.as_str()), Some("Marker 2"));
        assert!(a.delete(&first));
        let third = a.add_marker("Well", at);
        assert!(third != first && third != second);
        assert!(a.rename(&third, " Water point "));
        assert!(!a.rename(&third, "  "));
        assert_eq!(
            a.marker(&third).map(|m| m.name.as_str()),
            Some("Water point")
        );
        assert!(a.move_marker(
            &third,
            LonLat {
                lon: 0.0,
                lat: 14.0
            }
        ));
        assert!(!a.delete(&first));
    }

    #[test]
    fn zones_need_three_corners_and_move_whole() {
        let mut a = Annotations::default();
        let c = |lon: f64, lat: f64| LonLat { lon, lat };
        assert!(
            a.add_zone("Too thin", vec![c(0.0, 14.0), c(1.0, 14.0)])
                .is_none()
        );
        assert!(
            a.add_zone(
                "Off the map",
                vec![c(0.0, 14.0), c(1.0, 95.0), c(1.0, 15.0)]
            )
            .is_none()
        );
        let id = a
            .add_zone(" ", vec![c(0.0, 14.0), c(2.0, 14.0), c(1.0, 16.0)])
            .unwrap_or_else(|| panic!("a zone"));
        assert_eq!(a.zone(&id).map(|z| z.name.as_str()), Some("Zone 1"));
        assert!(a.move_zone(&id, c(10.0, 20.0)));
        let centre = a.zone(&id).map_or(c(0.0, 0.0), UserZone::centre);
        assert!((centre.lon - 10.0).abs() < 1e-9 && (centre.lat - 20.0).abs() < 1e-9);
        assert!(
            !a.move_zone(&id, c(179.5, 20.0)),
            "a move off the map is refused"
        );
        let feature = a.zone(&id).and_then(UserZone::to_feature);
        assert!(feature.is_some_and(|f| f.kind == crate::atlas::FeatureKind::UserZone));
        assert!(a.rename(&id, "Patrol box"));
        assert!(a.delete(&id) && a.is_empty());
    }
}
