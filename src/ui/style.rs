//! Colours and strokes: one distinct style per kind of feature, shared by the
//! map and its legend so that the two always agree.

use egui::{Color32, Stroke};

use crate::atlas::{Feature, FeatureKind};

pub const OCEAN: Color32 = Color32::from_rgb(0xd4, 0xe4, 0xee);
pub const CONTEXT_FILL: Color32 = Color32::from_rgb(0xee, 0xeb, 0xe4);
pub const CONTEXT_STROKE: Stroke = Stroke {
    width: 0.6,
    color: Color32::from_rgb(0xb5, 0xad, 0x9f),
};
pub const FOCUS_FILL: Color32 = Color32::from_rgb(0xfb, 0xf0, 0xd4);
pub const FOCUS_STROKE: Stroke = Stroke {
    width: 1.8,
    color: Color32::from_rgb(0x4a, 0x3b, 0x2c),
};
pub const REGION_STROKE: Stroke = Stroke {
    width: 0.7,
    color: Color32::from_rgb(0xa3, 0x93, 0x7d),
};
pub const ZONE_FILL: Color32 = Color32::from_rgba_premultiplied(0x5a, 0x12, 0x0c, 0x30);
pub const ZONE_STROKE: Stroke = Stroke {
    width: 2.2,
    color: Color32::from_rgb(0xb0, 0x3a, 0x2e),
};
pub const CITY_FILL: Color32 = Color32::from_rgb(0x1f, 0x4e, 0x79);
pub const TRIPOINT_FILL: Color32 = Color32::from_rgb(0x6a, 0x3d, 0x9a);
pub const MARKER_OUTLINE: Stroke = Stroke {
    width: 1.5,
    color: Color32::WHITE,
};
pub const HOVER_STROKE: Stroke = Stroke {
    width: 2.5,
    color: Color32::from_rgb(0xff, 0x98, 0x00),
};
pub const SELECTED_STROKE: Stroke = Stroke {
    width: 3.0,
    color: Color32::from_rgb(0x00, 0x66, 0xcc),
};
pub const SELECTED_FILL: Color32 = Color32::from_rgba_premultiplied(0x00, 0x1a, 0x33, 0x33);
/// Badges that count a feature's mentions in the articles.
/// Features of opened GeoJSON files (their layer's opacity applies on top).
pub const IMPORTED_FILL: Color32 = Color32::from_rgba_premultiplied(0x12, 0x3c, 0x66, 0x40);
pub const IMPORTED_STROKE: Stroke = Stroke {
    width: 1.6,
    color: Color32::from_rgb(0x1a, 0x5f, 0xa8),
};
/// Zones the user drew.
pub const USER_ZONE_FILL: Color32 = Color32::from_rgba_premultiplied(0x60, 0x16, 0x10, 0x38);
pub const USER_ZONE_STROKE: Stroke = Stroke {
    width: 2.0,
    color: Color32::from_rgb(0xc0, 0x39, 0x2b),
};
/// The user's markers, unless they chose a colour.
pub const USER_MARKER_FILL: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const BADGE_FILL: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
pub const LABEL_DARK: Color32 = Color32::from_rgb(0x2b, 0x22, 0x1a);
pub const LABEL_MUTED: Color32 = Color32::from_rgb(0x7d, 0x74, 0x68);
pub const LABEL_REGION: Color32 = Color32::from_rgb(0x85, 0x70, 0x58);

/// How an area is filled and outlined.
#[derive(Clone, Copy, Debug)]
pub struct AreaStyle {
    pub fill: Color32,
    pub stroke: Stroke,
    /// Outlines are drawn in this order so that country borders stay above
    /// region borders, and the zone above both.
    pub outline_layer: u8,
}

#[must_use]
pub fn area_style(feature: &Feature) -> AreaStyle {
    match feature.kind {
        FeatureKind::Country if feature.context => AreaStyle {
            fill: CONTEXT_FILL,
            stroke: CONTEXT_STROKE,
            outline_layer: 0,
        },
        FeatureKind::Country => AreaStyle {
            fill: FOCUS_FILL,
            stroke: FOCUS_STROKE,
            outline_layer: 2,
        },
        FeatureKind::Region => AreaStyle {
            fill: Color32::TRANSPARENT,
            stroke: REGION_STROKE,
            outline_layer: 1,
        },
        FeatureKind::Zone => AreaStyle {
            fill: ZONE_FILL,
            stroke: ZONE_STROKE,
            outline_layer: 3,
        },
        FeatureKind::UserZone => AreaStyle {
            fill: USER_ZONE_FILL,
            stroke: USER_ZONE_STROKE,
            outline_layer: 6,
        },
        FeatureKind::Imported => AreaStyle {
            fill: IMPORTED_FILL,
            stroke: IMPORTED_STROKE,
            outline_layer: 5,
        },
        FeatureKind::City | FeatureKind::Tripoint | FeatureKind::Marker => AreaStyle {
            fill: CITY_FILL,
            stroke: MARKER_OUTLINE,
            outline_layer: 4,
        },
    }
}

/// Marker radius in pixels, for drawing and for picking.
pub const MARKER_RADIUS: f32 = 5.5;
/// How close (pixels) the pointer must be to a marker to pick it.
pub const PICK_RADIUS: f32 = 8.0;
