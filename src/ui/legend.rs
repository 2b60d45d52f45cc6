//! The legend: one row per kind of feature, drawn with the map's own styles.

use egui::{Color32, Frame, RichText, Sense, Shape, Stroke, Ui, vec2};

use crate::ui::map::discs::Discs;
use crate::ui::map::overlay::marker;
use crate::ui::style;
use crate::view::palette::Symbol;

enum Swatch {
    Area(Color32, Stroke),
    Marker(Symbol),
    /// A river: a line.
    Line(Stroke),
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
            Swatch::Marker(symbol) => {
                let mut discs = Discs::new(painter.ctx());
                marker(&mut discs, rect.center(), *symbol, None);
                discs.paint(painter);
            }
            Swatch::Line(stroke) => {
                let y = rect.center().y;
                painter.line_segment([rect.left_center(), egui::pos2(rect.right(), y)], *stroke);
            }
            Swatch::NewReports => {
                let badge = egui::Rect::from_center_size(rect.center(), vec2(16.0, 12.0));
                painter.rect_filled(badge, 6.0, style::BADGE_FILL);
                let mut discs = Discs::new(painter.ctx());
                crate::ui::map::overlay::new_dot(&mut discs, badge.right_top());
                discs.paint(painter);
            }
        }
        ui.label(RichText::new(text).size(12.0).color(style::LABEL_DARK));
    });
}

/// The legend's contents, for an [`egui::Area`] over the map.
pub fn legend(ui: &mut Ui) {
    use crate::tr;
    Frame::popup(ui.style())
        .fill(Color32::from_rgba_unmultiplied(255, 255, 255, 225))
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            // Folds away (remembered by egui) when the user wants the map.
            egui::CollapsingHeader::new(
                RichText::new(tr!("legend-title"))
                    .strong()
                    .size(12.5)
                    .color(style::LABEL_DARK),
            )
            .id_salt("legend")
            .default_open(true)
            .show(ui, |ui| {
                let rows = [
                    (
                        Swatch::Area(style::FOCUS_FILL, style::FOCUS_STROKE),
                        tr!("legend-focus"),
                    ),
                    (
                        Swatch::Area(style::CONTEXT_FILL, style::CONTEXT_STROKE),
                        tr!("legend-other-countries"),
                    ),
                    (
                        Swatch::Area(style::FOCUS_FILL, style::REGION_STROKE),
                        tr!("legend-region"),
                    ),
                    (
                        Swatch::Area(style::ZONE_FILL, style::ZONE_STROKE),
                        tr!("legend-zone"),
                    ),
                    (
                        Swatch::Area(style::USER_ZONE_FILL, style::USER_ZONE_STROKE),
                        tr!("legend-user-zone"),
                    ),
                    (Swatch::Marker(Symbol::Capital), tr!("legend-capital")),
                    (Swatch::Marker(Symbol::ReferenceTown), tr!("legend-town")),
                    (Swatch::Marker(Symbol::Town), tr!("legend-reported-town")),
                    (Swatch::Line(style::RIVER_STROKE), tr!("legend-river")),
                    (
                        Swatch::Area(style::OCEAN, style::LAKE_STROKE),
                        tr!("legend-lake"),
                    ),
                    (Swatch::Marker(Symbol::Tripoint), tr!("legend-tripoint")),
                    (Swatch::Marker(Symbol::Pin), tr!("legend-marker")),
                    (Swatch::NewReports, tr!("legend-new-reports")),
                ];
                for (swatch, text) in &rows {
                    row(ui, swatch, text);
                }
            });
        });
}
