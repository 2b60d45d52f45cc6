//! The three coordinate spaces as types, so that a latitude can never be
//! passed where a longitude (or a pixel) is expected: [`LonLat`] (WGS84
//! degrees), [`WorldPoint`] (Web Mercator in the unit square, y south) and
//! [`ScreenPoint`] (logical pixels). The conversions that need a camera are
//! in `projection`; these types need nothing (the camera uses them too).

use serde::{Deserialize, Serialize};

/// Web Mercator stops at the latitude where the map becomes square.
pub const MAX_MERCATOR_LAT: f64 = 85.051_128_779_806_59;

/// Earth's equatorial circumference in metres (WGS84), the width of the world square.
pub const EQUATOR_METRES: f64 = 40_075_016.685_578_5;

/// A WGS84 position in degrees. Fields are named, never positional.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    /// GeoJSON and geo order coordinates `x = lon, y = lat`; this is the one
    /// place that knows it.
    #[must_use]
    pub fn from_coord(coord: geo::Coord<f64>) -> Self {
        Self {
            lon: coord.x,
            lat: coord.y,
        }
    }

    #[must_use]
    pub fn to_coord(self) -> geo::Coord<f64> {
        geo::Coord {
            x: self.lon,
            y: self.lat,
        }
    }

    #[must_use]
    pub fn to_point(self) -> geo::Point<f64> {
        geo::Point(self.to_coord())
    }

    /// "15.91985° N, 2.39609° E", the way the status bar and side panel show it.
    #[must_use]
    pub fn display(self) -> String {
        let ns = if self.lat >= 0.0 { 'N' } else { 'S' };
        let ew = if self.lon >= 0.0 { 'E' } else { 'W' };
        format!("{:.5}° {ns}, {:.5}° {ew}", self.lat.abs(), self.lon.abs())
    }
}

/// A point in Web Mercator world space: the whole world is `[0, 1] × [0, 1]`,
/// x grows east, y grows south.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorldPoint {
    pub x: f64,
    pub y: f64,
}

impl WorldPoint {
    #[must_use]
    pub fn from_lonlat(lonlat: LonLat) -> Self {
        let lat = lonlat
            .lat
            .clamp(-MAX_MERCATOR_LAT, MAX_MERCATOR_LAT)
            .to_radians();
        let x = (lonlat.lon + 180.0) / 360.0;
        let y = 0.5 - (lat.tan() + 1.0 / lat.cos()).ln() / (2.0 * std::f64::consts::PI);
        Self { x, y }
    }

    #[must_use]
    pub fn to_lonlat(self) -> LonLat {
        let lon = self.x * 360.0 - 180.0;
        let n = std::f64::consts::PI * (1.0 - 2.0 * self.y);
        let lat = n.sinh().atan().to_degrees();
        LonLat { lon, lat }
    }
}

/// A position in the window, in logical pixels (egui points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenPoint {
    pub x: f32,
    pub y: f32,
}

/// The map's rectangle in the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenRect {
    pub min: ScreenPoint,
    pub max: ScreenPoint,
}

impl ScreenRect {
    #[must_use]
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    #[must_use]
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    #[must_use]
    pub fn center(&self) -> ScreenPoint {
        ScreenPoint {
            x: f32::midpoint(self.min.x, self.max.x),
            y: f32::midpoint(self.min.y, self.max.y),
        }
    }

    #[must_use]
    pub fn contains(&self, p: ScreenPoint) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }
}
