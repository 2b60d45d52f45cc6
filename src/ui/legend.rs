//! The legend: one row per kind of feature, drawn with the map's own styles.

use egui::{Color32, Frame, RichText, Sense, Shape, Stroke, Ui, vec2};

use crate::atlas::FeatureKind;
use crate::ui::map::overlay::marker;
use crate::ui::style;

enum Swatch {
    Area(Color32, Stroke),
    Marker(FeatureKind),
    NewReports,
}

fn row(ui: &mut Ui, swatch: &Swatch, text: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
        let painter = ui.painter();
        match swatch {
            Swatch::Area(fill, stroke) => {
                painter.add(Shape::rect_filled(rect.shrink(1.0), 2.0, *fill));
                painter.rect_stroke(rect.shrink(1.0), 2.0, *stroke, egui::StrokeKind::Inside);
            }
            Swatch::Marker(kind) => marker(painter, rect.center(), *kind, None),
            Swatch::NewReports => {
                let badge = egui::Rect::from_center_size(rect.center(), vec2(16.0, 12.0));
                painter.rect_filled(badge, 6.0, style::BADGE_FILL);
                crate::ui::map::overlay::new_dot(painter, badge.right_top());
            }
        }
        ui.label(RichText::new(text).size(12.0).color(style::LABEL_DARK));
    });
}

/// The legend's contents, for an [`egui::Area`] over the map.
pub fn legend(ui: &mut Ui) {
    Frame::popup(ui.style())
        .fill(Color32::from_rgba_unmultiplied(255, 255, 255, 225))
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.label(
                RichText::new("Legend")
                    .strong()
                    .size(12.5)
                    .color(style::LABEL_DARK),
            );
            row(
                ui,
                &Swatch::Area(style::FOCUS_FILL, style::FOCUS_STROKE),
                "Mali, Niger, Burkina Faso",
            );
            row(
                ui,
                &Swatch::Area(style::CONTEXT_FILL, style::CONTEXT_STROKE),
                "Other countries",
            );
            row(
                ui,
                &Swatch::Area(style::FOCUS_FILL, style::REGION_STROKE),
                "Region (admin-1)",
            );
            row(
                ui,
                &Swatch::Area(style::ZONE_FILL, style::ZONE_STROKE),
                "Three-borders zone",
            );
            row(
                ui,
                &Swatch::Area(style::USER_ZONE_FILL, style::USER_ZONE_STROKE),
                "Your zone (Ctrl+D to draw)",
            );
            row(ui, &Swatch::Marker(FeatureKind::City), "Town (GeoNames)");
            row(ui, &Swatch::Marker(FeatureKind::Tripoint), "Tripoint");
            row(
                ui,
                &Swatch::Marker(FeatureKind::Marker),
                "Your marker (right-click to add)",
            );
            row(ui, &Swatch::NewReports, "Reports new since your last visit");
        });
}
