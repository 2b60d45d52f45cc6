//! The scale bar's length: a round distance (1, 2 or 5 × 10ⁿ metres) that
//! fits in the space given.

/// A scale bar: `pixels` long on screen, standing for `metres` on the ground.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleBar {
    pub metres: f64,
    pub pixels: f32,
    pub label: String,
}

/// The longest round distance that is at most `max_pixels` long, or `None`
/// when the scale is not usable (zero, negative or not finite).
#[must_use]
pub fn scale_bar(metres_per_pixel: f64, max_pixels: f32) -> Option<ScaleBar> {
    if !(metres_per_pixel.is_finite() && metres_per_pixel > 0.0 && max_pixels > 0.0) {
        return None;
    }
    let max_metres = metres_per_pixel * f64::from(max_pixels);
    let magnitude = 10f64.powf(max_metres.log10().floor());
    let metres = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&m| m <= max_metres)
        .unwrap_or(magnitude);
    let label = if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    };
    Some(ScaleBar {
        metres,
        pixels: (metres / metres_per_pixel) as f32,
        label,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_a_round_distance_that_fits() {
        let bar = scale_bar(1234.0, 120.0).unwrap_or_else(|| panic!("usable scale"));
        assert_eq!(bar.label, "100 km");
        assert!(bar.pixels <= 120.0 && bar.pixels > 120.0 / 2.5);
        let bar = scale_bar(0.9, 100.0).unwrap_or_else(|| panic!("usable scale"));
        assert_eq!(bar.label, "50 m");
    }

    #[test]
    fn refuses_nonsense() {
        assert!(scale_bar(0.0, 100.0).is_none());
        assert!(scale_bar(f64::NAN, 100.0).is_none());
    }
}
