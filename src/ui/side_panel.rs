//! The side panel: what the selected feature is, where it lies, and where its
//! data came from.

use crate::tr;
use egui::{Grid, RichText, Ui};
use serde_json::Value;

use crate::atlas::{Atlas, Feature, FeatureGeometry};
use crate::geometry::projection::LonLat;
use crate::state::Command;

/// The panel's name in the accessibility tree.
#[must_use]
pub fn accessible_name() -> String {
    tr!("panel-details")
}

/// The feature's country (or countries), each a link that selects it.
fn country_links(ui: &mut Ui, atlas: &Atlas, feature: &Feature, commands: &mut Vec<Command>) {
    let codes: Vec<&String> = feature.country.iter().chain(&feature.countries).collect();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for (i, code) in codes.iter().enumerate() {
            if i > 0 {
                ui.label(", ");
            }
            match atlas.country(code) {
                Some(country) if country.id != feature.id => {
                    let link = ui
                        .link(format!("{} ({code})", country.name))
                        .on_hover_text(tr!("panel-select-country"));
                    if link.clicked() {
                        commands.push(Command::Select(Some(country.id.clone())));
                    }
                }
                Some(country) => {
                    ui.label(format!("{} ({code})", country.name));
                }
                None => {
                    ui.label(code.as_str());
                }
            }
        }
    });
}

/// Identifiers worth showing, with a label, from the source attributes.
fn identifiers(properties: &serde_json::Map<String, Value>) -> Vec<(String, String)> {
    let keys = [
        ("ISO 3166-2", "iso_3166_2"),
        ("ISO 3166-1", "iso_a2"),
        ("panel-geonames-id", "geonameid"),
        ("panel-geonames-id", "gn_id"),
        ("Wikidata", "wikidataid"),
        ("panel-type", "type_en"),
        ("panel-population", "population"),
        ("panel-source-scale", "detail"),
    ];
    keys.iter()
        .filter_map(|(label, key)| {
            let value = properties.get(*key)?;
            let text = match value {
                Value::String(s) if !s.is_empty() => s.clone(),
                Value::Number(n) if *key == "population" => n.as_f64().map(group_thousands)?,
                Value::Number(n) if n.as_i64().is_some_and(|v| v > 0) => n.to_string(),
                _ => return None,
            };
            // Labels that are words come from the catalogue.
            let label = if label.starts_with("panel-") {
                crate::i18n::text(label, &[])
            } else {
                (*label).to_owned()
            };
            Some((label, text))
        })
        .collect()
}

/// A zone's description, in French where the data has it.
fn description(properties: &serde_json::Map<String, Value>) -> Option<&str> {
    let french = (crate::i18n::current() == crate::i18n::Language::French)
        .then(|| properties.get("description_fr").and_then(Value::as_str))
        .flatten();
    french.or_else(|| properties.get("description").and_then(Value::as_str))
}

pub fn show(ui: &mut Ui, atlas: &Atlas, feature: &Feature, commands: &mut Vec<Command>) {
    // Once per frame: an imported feature keeps its properties as text.
    let properties = feature.properties.to_map();
    ui.horizontal(|ui| {
        ui.heading(RichText::new(feature.name_in(crate::i18n::current())).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(tr!("close"))
                .on_hover_text(tr!("panel-close-hint"))
                .clicked()
            {
                commands.push(Command::Select(None));
            }
        });
    });
    ui.label(RichText::new(feature.kind.label()).italics());
    ui.add_space(6.0);
    // Values wrap within a bounded column: a long list of other names must not
    // make the panel wider than the window.
    let value_width = (ui.available_width() - 110.0).max(120.0);
    Grid::new("feature-facts")
        .num_columns(2)
        .striped(true)
        .max_col_width(value_width)
        .show(ui, |ui| {
            if feature.country.is_some() || !feature.countries.is_empty() {
                ui.label(tr!(
                    "panel-countries",
                    count = feature.countries.len().max(1)
                ));
                country_links(ui, atlas, feature, commands);
                ui.end_row();
            }
            match &feature.geometry {
                FeatureGeometry::Point(at) => {
                    ui.label(tr!("panel-coordinates"));
                    ui.label(at.display());
                    ui.end_row();
                }
                FeatureGeometry::Area(_) | FeatureGeometry::Other(_) => {
                    if let Some(km2) = feature.area_km2() {
                        ui.label(tr!("panel-area"));
                        ui.label(format!("{} km²", group_thousands(km2.round())));
                        ui.end_row();
                    }
                    if let Some(b) = feature.bbox() {
                        ui.label(tr!("panel-extent"));
                        ui.label(format!(
                            "{}\n{}",
                            LonLat::from_coord(b.max()).display(),
                            LonLat::from_coord(b.min()).display()
                        ));
                        ui.end_row();
                    }
                }
            }
            if !feature.aliases.is_empty() {
                ui.label(tr!("panel-also-called"));
                ui.add(egui::Label::new(feature.aliases.join(", ")).wrap());
                ui.end_row();
            }
            for (label, value) in identifiers(&properties) {
                ui.label(label);
                ui.label(value);
                ui.end_row();
            }
        });
    if feature.kind == crate::atlas::FeatureKind::Imported {
        properties_table(ui, &properties);
    } else if let Some(description) = description(&properties) {
        ui.add_space(6.0);
        ui.label(description);
    }
    ui.add_space(8.0);
    if ui
        .button(tr!("panel-zoom-to"))
        .on_hover_text(tr!("panel-zoom-to-hint"))
        .clicked()
    {
        commands.push(Command::ZoomTo(feature.id.clone()));
    }
}

/// An imported feature's properties as the file has them, like a GIS's
/// identify tool: one row per property, long values wrapped.
fn properties_table(ui: &mut Ui, properties: &serde_json::Map<String, Value>) {
    ui.add_space(6.0);
    ui.label(RichText::new(tr!("panel-properties", count = properties.len())).strong());
    if properties.is_empty() {
        ui.label(RichText::new(tr!("panel-no-properties")).weak());
        return;
    }
    Grid::new("imported-properties")
        .num_columns(2)
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for (key, value) in properties {
                ui.label(RichText::new(key).monospace());
                // An empty text is said, not left as a blank cell that reads
                // like a missing value.
                if value.as_str() == Some("") {
                    ui.label(RichText::new(tr!("panel-empty-text")).weak().italics());
                    ui.end_row();
                    continue;
                }
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Null => "null".to_owned(),
                    other => other.to_string(),
                };
                let text: String = if text.chars().count() > 400 {
                    text.chars().take(400).chain("…".chars()).collect()
                } else {
                    text
                };
                ui.add(egui::Label::new(text).wrap());
                ui.end_row();
            }
        });
}

/// 1234567 → "1 234 567": thin spaces read well in English and French alike.
#[must_use]
pub fn group_thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(ch);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn groups_digits_by_three() {
        assert_eq!(group_thousands(1_240_192.0), "1\u{202f}240\u{202f}192");
        assert_eq!(group_thousands(999.0), "999");
    }
}
