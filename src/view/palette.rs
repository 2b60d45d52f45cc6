//! The map's colours, line widths and label styles, without any UI type: the
//! window (`ui::style`) and the image export (`render`) both draw from here,
//! so a rendered map looks like the window.
//!
//! Colours are premultiplied RGBA, as egui blends them.

use crate::atlas::{Feature, FeatureKind};

/// A premultiplied RGBA colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint(pub [u8; 4]);

impl Paint {
    #[must_use]
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    #[must_use]
    pub const fn premultiplied(r: u8, g: u8, b: u8, a: u8) -> Self {
        Self([r, g, b, a])
    }

    pub const TRANSPARENT: Self = Self([0, 0, 0, 0]);
    pub const WHITE: Self = Self::rgb(255, 255, 255);

    #[must_use]
    pub fn is_transparent(self) -> bool {
        self.0[3] == 0
    }

    /// An SVG colour and opacity that look the same over the map (a
    /// premultiplied colour brighter than its alpha is clamped).
    #[must_use]
    pub fn svg(self) -> (String, f32) {
        let [r, g, b, a] = self.0;
        if a == 0 {
            return ("none".into(), 0.0);
        }
        let alpha = f32::from(a) / 255.0;
        // Integer arithmetic: c · 255 / a, rounded, at most 255.
        let un = |c: u8| {
            let value = (u32::from(c) * 255 + u32::from(a) / 2) / u32::from(a);
            u8::try_from(value.min(255)).unwrap_or(u8::MAX)
        };
        (format!("#{:02x}{:02x}{:02x}", un(r), un(g), un(b)), alpha)
    }
}

/// A line's colour and width in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub width: f32,
    pub paint: Paint,
}

pub const OCEAN: Paint = Paint::rgb(0xd4, 0xe4, 0xee);
pub const CONTEXT_FILL: Paint = Paint::rgb(0xee, 0xeb, 0xe4);
pub const CONTEXT_LINE: Line = Line {
    width: 0.6,
    paint: Paint::rgb(0xb5, 0xad, 0x9f),
};
pub const FOCUS_FILL: Paint = Paint::rgb(0xfb, 0xf0, 0xd4);
pub const FOCUS_LINE: Line = Line {
    width: 1.8,
    paint: Paint::rgb(0x4a, 0x3b, 0x2c),
};
pub const REGION_LINE: Line = Line {
    width: 0.7,
    paint: Paint::rgb(0xa3, 0x93, 0x7d),
};
pub const ZONE_FILL: Paint = Paint::premultiplied(0x5a, 0x12, 0x0c, 0x30);
pub const ZONE_LINE: Line = Line {
    width: 2.2,
    paint: Paint::rgb(0xb0, 0x3a, 0x2e),
};
/// Rivers, lake shores and the names of water (lakes are filled with
/// [`OCEAN`], as seas are).
pub const RIVER_LINE: Line = Line {
    width: 1.5,
    paint: Paint::rgb(0x4f, 0x8c, 0xbf),
};
pub const MINOR_RIVER_LINE: Line = Line {
    width: 0.9,
    paint: Paint::rgb(0x7a, 0xa8, 0xcc),
};
pub const LAKE_LINE: Line = Line {
    width: 0.6,
    paint: Paint::rgb(0x8a, 0xb4, 0xd2),
};
pub const WATER_LABEL: Paint = Paint::rgb(0x3d, 0x6e, 0x96);
/// Rivers of this Natural Earth scalerank or more important are drawn wider.
const MAJOR_RIVER_RANK: u8 = 5;
pub const CITY_FILL: Paint = Paint::rgb(0x1f, 0x4e, 0x79);
pub const TRIPOINT_FILL: Paint = Paint::rgb(0x6a, 0x3d, 0x9a);
pub const MARKER_OUTLINE: Line = Line {
    width: 1.5,
    paint: Paint::WHITE,
};
pub const HOVER_LINE: Line = Line {
    width: 2.5,
    paint: Paint::rgb(0xff, 0x98, 0x00),
};
pub const SELECTED_LINE: Line = Line {
    width: 3.0,
    paint: Paint::rgb(0x00, 0x66, 0xcc),
};
pub const SELECTED_FILL: Paint = Paint::premultiplied(0x00, 0x1a, 0x33, 0x33);
/// Features of opened GeoJSON files (their layer's opacity applies on top).
pub const IMPORTED_FILL: Paint = Paint::premultiplied(0x12, 0x3c, 0x66, 0x40);
pub const IMPORTED_LINE: Line = Line {
    width: 1.6,
    paint: Paint::rgb(0x1a, 0x5f, 0xa8),
};
/// Zones the user drew.
pub const USER_ZONE_FILL: Paint = Paint::premultiplied(0x60, 0x16, 0x10, 0x38);
pub const USER_ZONE_LINE: Line = Line {
    width: 2.0,
    paint: Paint::rgb(0xc0, 0x39, 0x2b),
};
/// The user's markers, unless they chose a colour.
pub const USER_MARKER_FILL: Paint = Paint::rgb(0xc0, 0x39, 0x2b);
/// Badges that count a feature's mentions in the articles.
pub const BADGE_FILL: Paint = Paint::rgb(0xc6, 0x28, 0x28);
pub const LABEL_DARK: Paint = Paint::rgb(0x2b, 0x22, 0x1a);
pub const LABEL_MUTED: Paint = Paint::rgb(0x7d, 0x74, 0x68);
pub const LABEL_REGION: Paint = Paint::rgb(0x85, 0x70, 0x58);
/// Names of physical regions (the Sahel, the Sahara): a sand brown, lighter
/// than the regions' names, as atlases write landforms.
pub const PHYSICAL_LABEL: Paint = Paint::rgb(0xa0, 0x7a, 0x45);
/// The outline of a selected physical region.
pub const PHYSICAL_LINE: Line = Line {
    paint: PHYSICAL_LABEL,
    width: 1.5,
};

/// Marker radius in pixels, for drawing and for picking.
pub const MARKER_RADIUS: f32 = 5.5;

/// How an area is filled and outlined.
#[derive(Clone, Copy, Debug)]
pub struct AreaPaint {
    pub fill: Paint,
    pub line: Line,
    /// Outlines are drawn in this order so that country borders stay above
    /// region borders, and the zone above both.
    pub outline_layer: u8,
}

#[must_use]
pub fn area_paint(feature: &Feature) -> AreaPaint {
    let (fill, line, outline_layer) = match feature.kind {
        // Water under every border.
        FeatureKind::River if feature.reference.is_some_and(|r| r.rank > MAJOR_RIVER_RANK) => {
            (Paint::TRANSPARENT, MINOR_RIVER_LINE, 0)
        }
        FeatureKind::River => (Paint::TRANSPARENT, RIVER_LINE, 0),
        FeatureKind::Lake => (OCEAN, LAKE_LINE, 0),
        FeatureKind::Sea => (Paint::TRANSPARENT, LAKE_LINE, 0),
        FeatureKind::Physical => (Paint::TRANSPARENT, PHYSICAL_LINE, 0),
        FeatureKind::Country if feature.context => (CONTEXT_FILL, CONTEXT_LINE, 1),
        FeatureKind::Country => (FOCUS_FILL, FOCUS_LINE, 3),
        FeatureKind::Region => (Paint::TRANSPARENT, REGION_LINE, 2),
        FeatureKind::Zone => (ZONE_FILL, ZONE_LINE, 4),
        FeatureKind::UserZone => (USER_ZONE_FILL, USER_ZONE_LINE, 7),
        FeatureKind::Imported => (IMPORTED_FILL, IMPORTED_LINE, 6),
        FeatureKind::City | FeatureKind::Tripoint | FeatureKind::Marker => {
            (CITY_FILL, MARKER_OUTLINE, 5)
        }
    };
    AreaPaint {
        fill,
        line,
        outline_layer,
    }
}

/// How a point feature is marked on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    /// A place the reports name, or a marked place: a dot.
    Town,
    /// A town of the reference layers: a smaller dot.
    ReferenceTown,
    /// A country's capital: a ringed dot.
    Capital,
    /// The tripoint: a diamond.
    Tripoint,
    /// The user's marker: a pin.
    Pin,
    /// Named, not marked (seas).
    Unmarked,
}

/// Radius (pixels) of a reference town's dot.
pub const REFERENCE_TOWN_RADIUS: f32 = 3.5;

/// The symbol of a point; `reported`: the reports name it (a reference
/// town then looks like the places they name, a capital stays a capital).
#[must_use]
pub fn symbol(feature: &Feature, reported: bool) -> Symbol {
    use crate::atlas::feature::Capital;
    match feature.kind {
        FeatureKind::Tripoint => Symbol::Tripoint,
        FeatureKind::Marker => Symbol::Pin,
        FeatureKind::Sea => Symbol::Unmarked,
        _ => match feature.reference.map(|r| r.capital) {
            None => Symbol::Town,
            Some(Some(Capital::Country)) => Symbol::Capital,
            Some(_) if reported => Symbol::Town,
            Some(_) => Symbol::ReferenceTown,
        },
    }
}

/// A reference town the reports name is labelled first, as the places
/// they name are.
pub fn as_reported(style: &mut LabelStyle) {
    style.priority = style.priority.max(REPORTED_PRIORITY);
}

/// The label priority of the places the reports name (see [`label_style`]).
const REPORTED_PRIORITY: i32 = 100 * 100 + 100;

/// How a feature's name is written on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelStyle {
    pub text: String,
    /// Font size in pixels.
    pub size: f32,
    pub paint: Paint,
    /// Labels for markers sit beside the marker, not on it.
    pub beside_marker: bool,
    /// Higher is placed first.
    pub priority: i32,
}

/// The label of a feature that spans `screen_width` pixels, if it has room,
/// with its name in `language` where the data has it.
#[must_use]
pub fn label_style(
    feature: &Feature,
    screen_width: f32,
    language: crate::i18n::Language,
) -> Option<LabelStyle> {
    use crate::atlas::feature::Capital;
    let (size, paint, priority) = match feature.kind {
        FeatureKind::City => match feature.reference {
            None => (13.5, LABEL_DARK, 100),
            // Reference towns below the places the reports name and the
            // names of the three countries, above the regions; capitals
            // first, then by importance.
            Some(r) => {
                let rank = i32::from(r.rank.min(10));
                match r.capital {
                    Some(Capital::Country) => (14.0, LABEL_DARK, 66),
                    _ if r.rank <= 4 => (12.5, LABEL_DARK, 60 - rank),
                    _ => (11.5, LABEL_DARK, 52 - rank),
                }
            }
        },
        FeatureKind::Lake => (11.0, WATER_LABEL, 35),
        // The great rivers (the Niger) before the regions they cross.
        FeatureKind::River if feature.reference.is_some_and(|r| r.rank <= 3) => {
            (11.5, WATER_LABEL, 45)
        }
        FeatureKind::River => (11.0, WATER_LABEL, 30),
        FeatureKind::Sea => (12.0, WATER_LABEL, 15),
        // Under the regions' names: the Sahel is the backdrop of the map.
        FeatureKind::Physical => (12.0, PHYSICAL_LABEL, 18),
        // Below the zone: the zone's name matters more than the tripoint's.
        FeatureKind::Tripoint => (11.5, TRIPOINT_FILL, 75),
        FeatureKind::Zone => (13.0, ZONE_LINE.paint, 80),
        FeatureKind::Country if !feature.context => (17.0, LABEL_DARK, 70),
        FeatureKind::Country => (11.5, LABEL_MUTED, 20),
        FeatureKind::Region => (11.0, LABEL_REGION, 40),
        FeatureKind::Marker => (13.0, USER_MARKER_FILL, 110),
        FeatureKind::Imported => (11.5, IMPORTED_LINE.paint, 60),
        FeatureKind::UserZone => (13.0, USER_ZONE_LINE.paint, 105),
    };
    let name = feature.name_in(language);
    // The three countries and the oceans (rank 0) in capitals, as maps write them.
    let ocean = feature.kind == FeatureKind::Sea && feature.reference.is_some_and(|r| r.rank == 0);
    // The great physical regions (the Sahara, the Sahel) in capitals too.
    let great_region =
        feature.kind == FeatureKind::Physical && feature.reference.is_some_and(|r| r.rank <= 2);
    let text =
        if (feature.kind == FeatureKind::Country && !feature.context) || ocean || great_region {
            name.to_uppercase()
        } else {
            name.into_owned()
        };
    // Areas too small on screen for their name go unlabelled.
    if matches!(
        feature.kind,
        FeatureKind::Region | FeatureKind::Country | FeatureKind::Lake | FeatureKind::Physical
    ) && screen_width < approximate_text_width(&text, size)
    {
        return None;
    }
    let bigger_first = (screen_width.min(5000.0) / 50.0) as i32;
    Some(LabelStyle {
        text,
        size,
        paint,
        beside_marker: matches!(
            feature.kind,
            FeatureKind::City | FeatureKind::Tripoint | FeatureKind::Marker
        ),
        priority: priority * 100 + bigger_first,
    })
}

/// About how wide a text is in the map's proportional font.
#[must_use]
pub fn approximate_text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.55
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn premultiplied_colours_become_svg_colours_with_opacity() {
        assert_eq!(OCEAN.svg(), ("#d4e4ee".to_owned(), 1.0));
        let (colour, opacity) = IMPORTED_FILL.svg();
        // 0x12 / 0.25 = 0x48; 0x66 / 0.25 is more than 0xff: clamped.
        assert_eq!(colour, "#48efff");
        assert!((opacity - 0.25).abs() < 0.01);
        assert_eq!(Paint::TRANSPARENT.svg().0, "none");
    }
}
