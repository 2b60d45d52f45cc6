//! Coordinate spaces and the conversions between them.
//!
//! Three spaces, three types, so that a latitude can never be passed where a
//! longitude (or a pixel) is expected:
//! - [`LonLat`]: WGS84 degrees, as stored in GeoJSON;
//! - [`WorldPoint`]: Web Mercator scaled to the unit square, y pointing south
//!   (what the camera moves over);
//! - [`ScreenPoint`]: logical pixels in the window.
//!
//! [`Projector`] is built each frame from the persisted [`Camera`] and the map's
//! rectangle, and converts between them with functions named `x_from_y`.

pub use super::spaces::{
    EQUATOR_METRES, LonLat, MAX_MERCATOR_LAT, ScreenPoint, ScreenRect, WorldPoint,
};
use crate::view::camera::Camera;

/// Converts between the three spaces for one frame's camera and map rectangle.
///
/// ```
/// use dispatch_atlas::geometry::projection::{LonLat, Projector, ScreenPoint, ScreenRect};
/// use dispatch_atlas::view::camera::Camera;
///
/// let gao = LonLat { lon: -0.04472, lat: 16.27167 };
/// let map = ScreenRect { min: ScreenPoint { x: 0.0, y: 0.0 }, max: ScreenPoint { x: 800.0, y: 600.0 } };
/// let projector = Projector::new(Camera::looking_at(gao, 5000.0), map);
///
/// // The camera looks at Gao, so Gao is drawn in the middle of the map…
/// let pos_in_screen = projector.screen_from_lonlat(gao);
/// assert!((pos_in_screen.x - 400.0).abs() < 1e-3 && (pos_in_screen.y - 300.0).abs() < 1e-3);
/// // …and the pixel there is Gao again.
/// let back = projector.lonlat_from_screen(pos_in_screen);
/// assert!((back.lat - gao.lat).abs() < 1e-6 && (back.lon - gao.lon).abs() < 1e-6);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Projector {
    camera: Camera,
    rect: ScreenRect,
}

impl Projector {
    #[must_use]
    pub fn new(camera: Camera, rect: ScreenRect) -> Self {
        Self { camera, rect }
    }

    #[must_use]
    pub fn rect(&self) -> ScreenRect {
        self.rect
    }

    #[must_use]
    pub fn camera(&self) -> Camera {
        self.camera
    }

    #[must_use]
    pub fn screen_from_world(&self, world: WorldPoint) -> ScreenPoint {
        let c = self.rect.center();
        let s = self.camera.scale();
        ScreenPoint {
            x: c.x + ((world.x - self.camera.center.x) * s) as f32,
            y: c.y + ((world.y - self.camera.center.y) * s) as f32,
        }
    }

    #[must_use]
    pub fn world_from_screen(&self, pos_in_screen: ScreenPoint) -> WorldPoint {
        let c = self.rect.center();
        let s = self.camera.scale();
        WorldPoint {
            x: self.camera.center.x + f64::from(pos_in_screen.x - c.x) / s,
            y: self.camera.center.y + f64::from(pos_in_screen.y - c.y) / s,
        }
    }

    #[must_use]
    pub fn screen_from_lonlat(&self, lonlat: LonLat) -> ScreenPoint {
        self.screen_from_world(WorldPoint::from_lonlat(lonlat))
    }

    #[must_use]
    pub fn lonlat_from_screen(&self, pos_in_screen: ScreenPoint) -> LonLat {
        self.world_from_screen(pos_in_screen).to_lonlat()
    }

    /// The visible part of the world, for culling.
    #[must_use]
    pub fn visible_world(&self) -> (WorldPoint, WorldPoint) {
        (
            self.world_from_screen(self.rect.min),
            self.world_from_screen(self.rect.max),
        )
    }

    /// Ground metres per logical pixel at the centre of the view (Mercator
    /// stretches distances by 1/cos(lat)).
    #[must_use]
    pub fn metres_per_pixel(&self) -> f64 {
        let lat = self.camera.center.to_lonlat().lat.to_radians();
        EQUATOR_METRES * lat.cos() / self.camera.scale()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect() -> ScreenRect {
        ScreenRect {
            min: ScreenPoint { x: 10.0, y: 20.0 },
            max: ScreenPoint { x: 810.0, y: 620.0 },
        }
    }

    #[test]
    fn world_round_trip_keeps_lon_and_lat() {
        for &(lon, lat) in &[
            (2.39609, 15.91985),
            (-0.04472, 16.27167),
            (-179.9, -84.0),
            (179.9, 84.0),
            (0.0, 0.0),
        ] {
            let back = WorldPoint::from_lonlat(LonLat { lon, lat }).to_lonlat();
            assert!((back.lon - lon).abs() < 1e-9, "lon {lon} -> {}", back.lon);
            assert!((back.lat - lat).abs() < 1e-9, "lat {lat} -> {}", back.lat);
        }
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let projector = Projector::new(
            Camera::looking_at(
                LonLat {
                    lon: 0.0,
                    lat: 15.0,
                },
                5000.0,
            ),
            rect(),
        );
        let gao = projector.screen_from_lonlat(LonLat {
            lon: -0.04472,
            lat: 16.27167,
        });
        let menaka = projector.screen_from_lonlat(LonLat {
            lon: 2.39609,
            lat: 15.91985,
        });
        assert!(menaka.x > gao.x, "Ménaka lies east of Gao");
        assert!(
            menaka.y > gao.y,
            "Ménaka lies south of Gao, so lower on screen"
        );
    }

    #[test]
    fn screen_round_trip_is_sub_pixel_at_every_zoom_inside_the_world() {
        for scale in [300.0, 5_000.0, 1e6, 1e8] {
            let projector = Projector::new(
                Camera::looking_at(
                    LonLat {
                        lon: 1.0,
                        lat: 15.0,
                    },
                    scale,
                ),
                rect(),
            );
            for &(x, y) in &[(10.0_f32, 20.0_f32), (400.0, 300.0), (809.0, 619.0)] {
                let p = ScreenPoint { x, y };
                let w = projector.world_from_screen(p);
                if !(0.0..=1.0).contains(&w.x) || !(0.0..=1.0).contains(&w.y) {
                    continue; // beyond the poles' clamp there is no round trip to make
                }
                let back = projector.screen_from_lonlat(projector.lonlat_from_screen(p));
                assert!(
                    (back.x - x).abs() < 0.01 && (back.y - y).abs() < 0.01,
                    "{p:?} -> {back:?} at {scale}"
                );
            }
        }
    }

    #[test]
    fn mercator_clamps_poles_instead_of_overflowing() {
        let north = WorldPoint::from_lonlat(LonLat {
            lon: 0.0,
            lat: 90.0,
        });
        assert!(north.y.is_finite() && north.y.abs() < 1e-9);
        let south = WorldPoint::from_lonlat(LonLat {
            lon: 0.0,
            lat: -90.0,
        });
        assert!((south.y - 1.0).abs() < 1e-9);
    }

    #[test]
    fn display_names_hemispheres() {
        assert_eq!(
            LonLat {
                lon: -0.04472,
                lat: 16.27167
            }
            .display(),
            "16.27167° N, 0.04472° W"
        );
    }
}
