//! The camera: what part of the world the map shows. It is plain data, persisted
//! between runs; the map widget is rebuilt from it every frame.

use serde::{Deserialize, Serialize};

use crate::geometry::spaces::{LonLat, ScreenRect, WorldPoint};

/// Smallest scale: the whole world about 300 px wide.
pub const MIN_SCALE: f64 = 300.0;
/// Largest scale: about 1 m per pixel at the equator, enough for a village.
pub const MAX_SCALE: f64 = 4.0e7;

/// Centre and zoom. `scale` is logical pixels per world unit (the world square
/// is one unit wide), always kept within [`MIN_SCALE`, `MAX_SCALE`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    pub center: WorldPoint,
    scale: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Self::looking_at(LonLat { lon: 0.0, lat: 0.0 }, MIN_SCALE)
    }
}

impl Camera {
    #[must_use]
    pub fn looking_at(lonlat: LonLat, scale: f64) -> Self {
        Self {
            center: WorldPoint::from_lonlat(lonlat),
            scale: clamp_scale(scale),
        }
    }

    #[must_use]
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Moves the view by a drag of `dx, dy` pixels (content follows the pointer).
    pub fn pan_by_pixels(&mut self, dx: f32, dy: f32) {
        self.center.x -= f64::from(dx) / self.scale;
        self.center.y -= f64::from(dy) / self.scale;
        self.keep_world_in_reach();
    }

    /// Zooms by `factor`, keeping the world point under `anchor` (pixels from
    /// the view's centre) where it is on screen: zoom around the cursor.
    pub fn zoom_around(&mut self, factor: f64, anchor_right: f32, anchor_down: f32) {
        let (ax, ay) = (f64::from(anchor_right), f64::from(anchor_down));
        let anchor = WorldPoint {
            x: self.center.x + ax / self.scale,
            y: self.center.y + ay / self.scale,
        };
        self.scale = clamp_scale(self.scale * factor);
        self.center = WorldPoint {
            x: anchor.x - ax / self.scale,
            y: anchor.y - ay / self.scale,
        };
        self.keep_world_in_reach();
    }

    /// Fits the inhabited world (every longitude, latitudes −60° to 80°)
    /// edge to edge: the view benchmarks measure the whole world in.
    pub fn fit_inhabited_world(&mut self, rect: ScreenRect) {
        self.fit(
            LonLat {
                lon: -180.0,
                lat: -60.0,
            },
            LonLat {
                lon: 180.0,
                lat: 80.0,
            },
            rect,
            0.0,
        );
    }

    /// Frames the `south_west`–`north_east` box in `rect` with a margin of
    /// `margin` pixels on each side.
    pub fn fit(&mut self, south_west: LonLat, north_east: LonLat, rect: ScreenRect, margin: f32) {
        let a = WorldPoint::from_lonlat(south_west);
        let b = WorldPoint::from_lonlat(north_east);
        let width = (b.x - a.x).abs().max(1e-12);
        let height = (b.y - a.y).abs().max(1e-12);
        let avail_w = f64::from((rect.width() - 2.0 * margin).max(1.0));
        let avail_h = f64::from((rect.height() - 2.0 * margin).max(1.0));
        self.scale = clamp_scale((avail_w / width).min(avail_h / height));
        self.center = WorldPoint {
            x: f64::midpoint(a.x, b.x),
            y: f64::midpoint(a.y, b.y),
        };
    }

    /// A camera restored from disk may hold anything; keep it usable.
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        if !self.center.x.is_finite() || !self.center.y.is_finite() {
            self.center = WorldPoint { x: 0.5, y: 0.5 };
        }
        self.scale = if self.scale.is_finite() {
            clamp_scale(self.scale)
        } else {
            MIN_SCALE
        };
        self.keep_world_in_reach();
        self
    }

    /// The centre never leaves the world square, so the map cannot be lost.
    fn keep_world_in_reach(&mut self) {
        self.center.x = self.center.x.clamp(0.0, 1.0);
        self.center.y = self.center.y.clamp(0.0, 1.0);
    }
}

fn clamp_scale(scale: f64) -> f64 {
    scale.clamp(MIN_SCALE, MAX_SCALE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::projection::{Projector, ScreenPoint};

    fn rect() -> ScreenRect {
        ScreenRect {
            min: ScreenPoint { x: 0.0, y: 0.0 },
            max: ScreenPoint {
                x: 1000.0,
                y: 800.0,
            },
        }
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let mut camera = Camera::looking_at(
            LonLat {
                lon: 0.0,
                lat: 15.0,
            },
            4000.0,
        );
        let cursor = ScreenPoint { x: 700.0, y: 200.0 };
        let before = Projector::new(camera, rect()).lonlat_from_screen(cursor);
        camera.zoom_around(2.5, 200.0, -200.0);
        let after = Projector::new(camera, rect()).lonlat_from_screen(cursor);
        assert!((before.lon - after.lon).abs() < 1e-9 && (before.lat - after.lat).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_limited() {
        let mut camera = Camera::default();
        camera.zoom_around(1e-6, 0.0, 0.0);
        assert!((camera.scale() - MIN_SCALE).abs() < f64::EPSILON);
        camera.zoom_around(1e20, 0.0, 0.0);
        assert!((camera.scale() - MAX_SCALE).abs() < f64::EPSILON);
    }

    #[test]
    fn fit_shows_the_whole_box() {
        let mut camera = Camera::default();
        let sw = LonLat {
            lon: -12.0,
            lat: 9.0,
        };
        let ne = LonLat {
            lon: 16.0,
            lat: 25.0,
        };
        camera.fit(sw, ne, rect(), 20.0);
        let p = Projector::new(camera, rect());
        for corner in [sw, ne] {
            let s = p.screen_from_lonlat(corner);
            assert!(rect().contains(s), "{corner:?} at {s:?}");
        }
    }

    #[test]
    fn a_corrupt_saved_camera_is_repaired() {
        let camera: Camera = serde_json::from_str(r#"{"center":{"x":7.0,"y":-3.0},"scale":1e300}"#)
            .unwrap_or_default();
        let camera = camera.sanitized();
        assert!((0.0..=1.0).contains(&camera.center.x) && (0.0..=1.0).contains(&camera.center.y));
        assert!((camera.scale() - MAX_SCALE).abs() < f64::EPSILON);
    }
}
