//! One GeoJSON geometry object to a map geometry, read straight from its text
//! into geo's coordinate vectors (no JSON tree, no vector per position) and
//! checked position by position: what cannot be drawn is an error naming the
//! reason; what can be repaired (an unclosed ring, a third coordinate) is
//! repaired and noted.

use std::fmt;
use std::marker::PhantomData;

use geo::{
    Coord, Geometry, GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon,
    Point, Polygon,
};
use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::atlas::feature::FeatureGeometry;
use crate::geometry::projection::LonLat;

/// What was repaired or dropped in a geometry that still loads.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// Positions had a third coordinate (height): kept in the source, drawn in 2D.
    pub three_d: bool,
    /// Rings whose last position did not repeat the first: closed.
    pub closed_rings: usize,
}

type Result<T> = std::result::Result<T, String>;

/// Collections inside collections deeper than this are refused (a fuzzer's
/// thousand nested collections would otherwise overflow the stack).
const MAX_COLLECTION_DEPTH: usize = 8;

/// Visitor methods that turn a JSON value of the wrong kind into a message
/// saying what was expected and what was found.
macro_rules! found_instead {
    ($expected:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found a boolean", $expected)))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found a number", $expected)))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found a number", $expected)))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found a number", $expected)))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found a string", $expected)))
        }
        fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found null", $expected)))
        }
        fn visit_none<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Err(E::custom(format!("{}, found null", $expected)))
        }
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> std::result::Result<Self::Value, A::Error> {
            Err(de::Error::custom(format!("{}, found an object", $expected)))
        }
    };
}

/// One coordinate: a JSON number, or a message naming what was there instead.
struct Number;

impl<'de> Visitor<'de> for Number {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    #[allow(clippy::cast_precision_loss, reason = "coordinates are read as f64")]
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<f64, E> {
        Ok(v as f64)
    }

    #[allow(clippy::cast_precision_loss, reason = "coordinates are read as f64")]
    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<f64, E> {
        Ok(v)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<f64, E> {
        Err(E::custom("a coordinate must be a number, found a boolean"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<f64, E> {
        Err(E::custom("a coordinate must be a number, found a string"))
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<f64, E> {
        Err(E::custom("a coordinate must be a number, found null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<f64, A::Error> {
        Err(de::Error::custom(
            "a coordinate must be a number, found an array",
        ))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> std::result::Result<f64, A::Error> {
        Err(de::Error::custom(
            "a coordinate must be a number, found an object",
        ))
    }
}

impl<'de> DeserializeSeed<'de> for Number {
    type Value = f64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<f64, D::Error> {
        d.deserialize_any(self)
    }
}

/// A level of nested coordinate arrays: a position, or an array of a lower level.
trait Nested: Sized {
    fn read<'de, D: Deserializer<'de>>(
        d: D,
        notes: &mut Notes,
    ) -> std::result::Result<Self, D::Error>;
}

/// Reads one `T` with the notes at hand.
struct Seed<'n, T>(&'n mut Notes, PhantomData<T>);

impl<'de, T: Nested> DeserializeSeed<'de> for Seed<'_, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<T, D::Error> {
        T::read(d, self.0)
    }
}

struct PositionVisitor<'n>(&'n mut Notes);

impl<'de> Visitor<'de> for PositionVisitor<'_> {
    type Value = Coord<f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a position (an array of numbers)")
    }

    found_instead!("a position must be an array of numbers");

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Coord<f64>, A::Error> {
        let missing = || de::Error::custom("a position needs a longitude and a latitude");
        let lon = seq.next_element_seed(Number)?.ok_or_else(missing)?;
        let lat = seq.next_element_seed(Number)?.ok_or_else(missing)?;
        if seq.next_element_seed(Number)?.is_some() {
            self.0.three_d = true;
            // Positions may carry more than a height (measures): not drawn.
            while seq.next_element::<IgnoredAny>()?.is_some() {}
        }
        if !lon.is_finite() || !lat.is_finite() {
            return Err(de::Error::custom("a coordinate is not a finite number"));
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(de::Error::custom(format!(
                "longitude {lon} is outside −180..180 (not WGS84 lon/lat?)"
            )));
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(de::Error::custom(format!(
                "latitude {lat} is outside −90..90 (lat/lon swapped?)"
            )));
        }
        Ok(Coord { x: lon, y: lat })
    }
}

impl Nested for Coord<f64> {
    fn read<'de, D: Deserializer<'de>>(
        d: D,
        notes: &mut Notes,
    ) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(PositionVisitor(notes))
    }
}

struct ListVisitor<'n, T>(&'n mut Notes, PhantomData<T>);

impl<'de, T: Nested> Visitor<'de> for ListVisitor<'_, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    found_instead!("coordinates must be an array");

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(Seed::<T>(&mut *self.0, PhantomData))? {
            out.push(item);
        }
        // Kept all session (the source coordinates): no room for positions
        // that never came, which doubling would leave (a third on average).
        out.shrink_to_fit();
        Ok(out)
    }
}

impl<T: Nested> Nested for Vec<T> {
    fn read<'de, D: Deserializer<'de>>(
        d: D,
        notes: &mut Notes,
    ) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(ListVisitor::<T>(notes, PhantomData))
    }
}

type Positions = Vec<Coord<f64>>;

/// The `coordinates` member as read, at the depth its type has.
enum Coordinates {
    Point(Coord<f64>),
    Positions(Positions),
    Lines(Vec<Positions>),
    Polygons(Vec<Vec<Positions>>),
}

/// Reads `coordinates` for a geometry of type `kind`.
struct CoordinatesSeed<'n> {
    kind: &'n str,
    notes: &'n mut Notes,
}

impl<'de> DeserializeSeed<'de> for CoordinatesSeed<'_> {
    type Value = Coordinates;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Coordinates, D::Error> {
        let notes = self.notes;
        Ok(match self.kind {
            "Point" => Coordinates::Point(Coord::read(d, notes)?),
            "MultiPoint" | "LineString" => Coordinates::Positions(Vec::read(d, notes)?),
            "MultiLineString" | "Polygon" => Coordinates::Lines(Vec::read(d, notes)?),
            "MultiPolygon" => Coordinates::Polygons(Vec::read(d, notes)?),
            // Checked before reading; skipped here to report the type afterwards.
            _ => {
                IgnoredAny::deserialize(d)?;
                Coordinates::Positions(Vec::new())
            }
        })
    }
}

/// A geometry object's members as read (coordinates that came before the
/// type are kept as raw text and read once the type is known).
struct GeometryVisitor<'n> {
    notes: &'n mut Notes,
    depth: usize,
}

enum Member<'de, T> {
    Absent,
    Raw(&'de RawValue),
    Read(T),
}

impl<'de> Visitor<'de> for GeometryVisitor<'_> {
    type Value = Geometry<f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a geometry object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<Self::Value, A::Error> {
        Err(de::Error::custom(
            "a geometry must be an object, found an array",
        ))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Self::Value, E> {
        Err(E::custom("a geometry must be an object, found a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Self::Value, E> {
        Err(E::custom("a geometry must be an object, found a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Self::Value, E> {
        Err(E::custom("a geometry must be an object, found a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Self::Value, E> {
        Err(E::custom("a geometry must be an object, found a number"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Self::Value, E> {
        Err(E::custom("a geometry must be an object, found a string"))
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
        Err(E::custom("a geometry must be an object, found null"))
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut kind: Option<String> = None;
        let mut coordinates: Member<'de, Coordinates> = Member::Absent;
        let mut geometries: Member<'de, Vec<Geometry<f64>>> = Member::Absent;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => kind = Some(map.next_value()?),
                "coordinates" => {
                    coordinates = match kind.as_deref() {
                        Some(k) if is_simple(k) => {
                            Member::Read(map.next_value_seed(CoordinatesSeed {
                                kind: k,
                                notes: &mut *self.notes,
                            })?)
                        }
                        _ => Member::Raw(map.next_value()?),
                    };
                }
                "geometries" => {
                    geometries = if kind.as_deref() == Some("GeometryCollection") {
                        Member::Read(map.next_value_seed(MembersSeed {
                            notes: &mut *self.notes,
                            depth: self.depth,
                        })?)
                    } else {
                        Member::Raw(map.next_value()?)
                    };
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let kind = kind.ok_or_else(|| de::Error::custom("a geometry needs a \"type\""))?;
        if kind == "GeometryCollection" {
            let members = match geometries {
                Member::Read(members) => members,
                Member::Raw(raw) => MembersSeed {
                    notes: self.notes,
                    depth: self.depth,
                }
                .deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
                .map_err(|e| de::Error::custom(reason(&e)))?,
                Member::Absent => {
                    return Err(de::Error::custom(
                        "\"geometries\" must be an array, found null",
                    ));
                }
            };
            return collection(members).map_err(de::Error::custom);
        }
        if !is_simple(&kind) {
            return Err(de::Error::custom(format!("unknown geometry type {kind:?}")));
        }
        let coordinates = match coordinates {
            Member::Read(c) => c,
            Member::Raw(raw) => CoordinatesSeed {
                kind: &kind,
                notes: &mut *self.notes,
            }
            .deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
            .map_err(|e| de::Error::custom(reason(&e)))?,
            Member::Absent => {
                return Err(de::Error::custom(format!("a {kind} needs \"coordinates\"")));
            }
        };
        simple(&kind, coordinates, self.notes).map_err(de::Error::custom)
    }
}

/// The member geometries of a collection.
struct MembersSeed<'n> {
    notes: &'n mut Notes,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for MembersSeed<'_> {
    type Value = Vec<Geometry<f64>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MembersSeed<'_> {
    type Value = Vec<Geometry<f64>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of geometries")
    }

    found_instead!("\"geometries\" must be an array");

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        if self.depth >= MAX_COLLECTION_DEPTH {
            return Err(de::Error::custom("geometry collections nested too deeply"));
        }
        let mut out = Vec::new();
        while let Some(g) = seq.next_element_seed(GeometrySeed {
            notes: &mut *self.notes,
            depth: self.depth + 1,
        })? {
            out.push(g);
        }
        Ok(out)
    }
}

struct GeometrySeed<'n> {
    notes: &'n mut Notes,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for GeometrySeed<'_> {
    type Value = Geometry<f64>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_any(GeometryVisitor {
            notes: self.notes,
            depth: self.depth,
        })
    }
}

fn is_simple(kind: &str) -> bool {
    matches!(
        kind,
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
    )
}

/// The reason of a serde error, without the position `serde_json` adds (the
/// position within one feature's text would mislead).
fn reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&suffix) {
        Some(reason) if error.is_data() => reason.to_owned(),
        _ => text,
    }
}

fn line(coords: Positions) -> Result<LineString<f64>> {
    if coords.len() < 2 {
        return Err("a line needs at least two positions".into());
    }
    Ok(LineString::new(coords))
}

fn ring(mut coords: Positions, notes: &mut Notes) -> Result<LineString<f64>> {
    if coords.first() != coords.last() {
        if let Some(&first) = coords.first() {
            coords.push(first);
        }
        notes.closed_rings += 1;
    }
    if coords.len() < 4 {
        return Err("a polygon ring needs at least four positions (three corners)".into());
    }
    Ok(LineString::new(coords))
}

fn polygon(rings: Vec<Positions>, notes: &mut Notes) -> Result<Polygon<f64>> {
    let mut rings = rings.into_iter();
    let exterior = rings.next().ok_or("empty polygon")?;
    let exterior = ring(exterior, notes)?;
    let holes = rings.map(|h| ring(h, notes)).collect::<Result<Vec<_>>>()?;
    Ok(Polygon::new(exterior, holes))
}

/// A geometry of one of the six simple types from its coordinates.
fn simple(kind: &str, coordinates: Coordinates, notes: &mut Notes) -> Result<Geometry<f64>> {
    let empty = || format!("empty {kind}");
    let depth_error = || format!("the coordinates of a {kind} are not nested as its type needs");
    Ok(match (kind, coordinates) {
        ("Point", Coordinates::Point(c)) => Geometry::Point(Point(c)),
        ("MultiPoint", Coordinates::Positions(points)) => {
            if points.is_empty() {
                return Err(empty());
            }
            Geometry::MultiPoint(MultiPoint::new(points.into_iter().map(Point).collect()))
        }
        ("LineString", Coordinates::Positions(positions)) => Geometry::LineString(line(positions)?),
        ("MultiLineString", Coordinates::Lines(lines)) => {
            if lines.is_empty() {
                return Err(empty());
            }
            Geometry::MultiLineString(MultiLineString::new(
                lines.into_iter().map(line).collect::<Result<_>>()?,
            ))
        }
        ("Polygon", Coordinates::Lines(rings)) => Geometry::Polygon(polygon(rings, notes)?),
        ("MultiPolygon", Coordinates::Polygons(polygons)) => {
            if polygons.is_empty() {
                return Err(empty());
            }
            Geometry::MultiPolygon(MultiPolygon::new(
                polygons
                    .into_iter()
                    .map(|p| polygon(p, notes))
                    .collect::<Result<_>>()?,
            ))
        }
        _ => return Err(depth_error()),
    })
}

fn collection(members: Vec<Geometry<f64>>) -> Result<Geometry<f64>> {
    if members.is_empty() {
        return Err("empty geometry collection".into());
    }
    Ok(Geometry::GeometryCollection(GeometryCollection::new_from(
        members,
    )))
}

/// Parses a geometry object's text into geo's types.
fn geo_geometry(text: &str, notes: &mut Notes) -> Result<Geometry<f64>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let geometry = GeometrySeed { notes, depth: 0 }
        .deserialize(&mut deserializer)
        .map_err(|e| reason(&e))?;
    deserializer.end().map_err(|e| reason(&e))?;
    Ok(geometry)
}

/// Lines cut where they jump across the antimeridian, so they are not drawn
/// across the whole map.
fn split_at_antimeridian(line: &LineString<f64>) -> Vec<LineString<f64>> {
    let mut parts = vec![Vec::new()];
    for pair in line.0.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if let Some(part) = parts.last_mut()
            && part.is_empty()
        {
            part.push(a);
        }
        if (b.x - a.x).abs() > 180.0 {
            let edge = if a.x > 0.0 { 180.0 } else { -180.0 };
            let b_unwrapped = b.x + 2.0 * edge;
            let t = (edge - a.x) / (b_unwrapped - a.x);
            let lat = a.y + t * (b.y - a.y);
            if let Some(part) = parts.last_mut() {
                part.push(Coord { x: edge, y: lat });
            }
            parts.push(vec![Coord { x: -edge, y: lat }, b]);
        } else if let Some(part) = parts.last_mut() {
            part.push(b);
        }
    }
    parts
        .into_iter()
        .filter(|p| p.len() >= 2)
        .map(LineString::new)
        .collect()
}

/// Every polygon, and everything else, of a geometry (collections flattened).
fn flatten(
    geometry: Geometry<f64>,
    polygons: &mut Vec<Polygon<f64>>,
    others: &mut Vec<Geometry<f64>>,
) {
    match geometry {
        Geometry::Polygon(p) => polygons.push(p),
        Geometry::MultiPolygon(mp) => polygons.extend(mp),
        Geometry::GeometryCollection(gc) => {
            for g in gc {
                flatten(g, polygons, others);
            }
        }
        Geometry::LineString(l) => {
            others.extend(
                split_at_antimeridian(&l)
                    .into_iter()
                    .map(Geometry::LineString),
            );
        }
        Geometry::MultiLineString(ml) => others.extend(
            ml.iter()
                .flat_map(split_at_antimeridian)
                .map(Geometry::LineString),
        ),
        other => others.push(other),
    }
}

/// A GeoJSON geometry object as the map draws it: one point, areas (cut at
/// the antimeridian), or lines and points (with any polygons of a mixed
/// collection drawn as their outlines).
pub fn feature_geometry(text: &str, notes: &mut Notes) -> Result<FeatureGeometry> {
    let geometry = geo_geometry(text, notes)?;
    if let Geometry::Point(p) = geometry {
        return Ok(FeatureGeometry::Point(LonLat::from_coord(p.0)));
    }
    let (mut polygons, mut others) = (Vec::new(), Vec::new());
    flatten(geometry, &mut polygons, &mut others);
    let areas = MultiPolygon::new(polygons);
    let areas = if dispatch_antimeridian::crosses(&areas) {
        dispatch_antimeridian::cut_at_antimeridian(&areas)
    } else {
        areas
    };
    if others.is_empty() {
        return Ok(FeatureGeometry::Area(areas));
    }
    others.extend(areas.into_iter().map(Geometry::Polygon));
    Ok(FeatureGeometry::Other(GeometryCollection::new_from(others)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn parse(value: &Value) -> (Result<FeatureGeometry>, Notes) {
        let mut notes = Notes::default();
        (feature_geometry(&value.to_string(), &mut notes), notes)
    }

    #[test]
    fn every_geometry_type_loads() {
        let cases = [
            json!({"type": "Point", "coordinates": [2.4, 15.9]}),
            json!({"type": "MultiPoint", "coordinates": [[2.4, 15.9], [0.0, 16.0]]}),
            json!({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}),
            json!({"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]}),
            json!({"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [1, 1]]]}),
            json!({"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}),
            json!({"type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": [0, 0]},
                {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
            ]}),
        ];
        for case in &cases {
            let (result, notes) = parse(case);
            assert!(result.is_ok(), "{case}: {result:?}");
            assert_eq!(notes, Notes::default());
        }
    }

    #[test]
    fn repairs_are_noted() {
        let (result, notes) = parse(
            &json!({"type": "Polygon", "coordinates": [[[0, 0, 100], [4, 0, 120], [4, 4, 90]]]}),
        );
        assert!(matches!(result, Ok(FeatureGeometry::Area(_))));
        assert_eq!(
            notes,
            Notes {
                three_d: true,
                closed_rings: 1
            }
        );
    }

    #[test]
    fn bad_geometries_say_why() {
        let error = |v: Value| parse(&v).0.err().unwrap_or_default();
        assert!(error(json!({"type": "Point", "coordinates": [200, 0]})).contains("longitude 200"));
        assert!(
            error(json!({"type": "Point", "coordinates": [0, 95]})).contains("lat/lon swapped")
        );
        assert!(
            error(json!({"type": "Point", "coordinates": ["a", 0]})).contains("found a string")
        );
        assert!(
            error(json!({"type": "Point", "coordinates": [1]}))
                .contains("longitude and a latitude")
        );
        assert!(
            error(json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}))
                .contains("four positions")
        );
        assert!(
            error(json!({"type": "MultiPolygon", "coordinates": []}))
                .contains("empty MultiPolygon")
        );
        assert!(error(json!({"type": "Polygon", "coordinates": []})).contains("empty polygon"));
        assert!(
            error(json!({"type": "Circle", "coordinates": [0, 0]}))
                .contains("unknown geometry type")
        );
        assert!(error(json!({"coordinates": [0, 0]})).contains("\"type\""));
        assert!(
            error(json!({"type": "LineString", "coordinates": 5})).contains("must be an array")
        );
    }

    #[test]
    fn members_in_any_order_read_the_same() {
        let orders = [
            r#"{"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 0]]], "bbox": [0, 0, 4, 4]}"#,
            r#"{"bbox": [0, 0, 4, 4], "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 0]]], "type": "Polygon"}"#,
        ];
        let areas: Vec<String> = orders
            .iter()
            .map(|text| format!("{:?}", feature_geometry(text, &mut Notes::default())))
            .collect();
        assert!(areas[0].starts_with("Ok(Area"), "{}", areas[0]);
        assert_eq!(areas[0], areas[1]);
        for text in [
            r#"{"type": "Point", "coordinates": [0, 100]}"#,
            r#"{"coordinates": [0, 100], "type": "Point"}"#,
        ] {
            let error = feature_geometry(text, &mut Notes::default()).err();
            assert_eq!(
                error.as_deref(),
                Some("latitude 100 is outside −90..90 (lat/lon swapped?)"),
                "{text}"
            );
        }
        let nested = (0..20).fold(
            r#"{"type": "Point", "coordinates": [0, 0]}"#.to_owned(),
            |inner, _| format!(r#"{{"type": "GeometryCollection", "geometries": [{inner}]}}"#),
        );
        let error = feature_geometry(&nested, &mut Notes::default()).err();
        assert!(error.is_some_and(|e| e.contains("nested too deeply")));
    }

    #[test]
    fn lines_across_the_antimeridian_are_split() {
        let (result, _) =
            parse(&json!({"type": "LineString", "coordinates": [[170, 0], [-170, 10]]}));
        let Ok(FeatureGeometry::Other(collection)) = result else {
            panic!("lines expected")
        };
        assert_eq!(collection.0.len(), 2);
        let Geometry::LineString(first) = &collection.0[0] else {
            panic!("a line")
        };
        assert_eq!(first.0.last().map(|c| (c.x, c.y)), Some((180.0, 5.0)));
    }
}
