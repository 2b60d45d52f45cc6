//! The About window (with data credits) and the keyboard shortcuts window.

use egui::{Context, RichText};

use crate::state::Command;
use crate::tr;

/// The keys (by message id where they are words) and what they do.
pub const SHORTCUTS: [(&str, &str); 21] = [
    ("keys-drag", "shortcut-pan"),
    ("keys-wheel", "shortcut-zoom"),
    ("Home", "shortcut-fit"),
    ("keys-click", "shortcut-select"),
    ("keys-double-click", "shortcut-zoom-to"),
    ("Esc", "shortcut-clear"),
    ("Ctrl+F", "shortcut-find"),
    ("Ctrl+O", "shortcut-open"),
    ("Ctrl+K", "shortcut-search"),
    ("Ctrl+L", "shortcut-links"),
    ("Ctrl+Shift+V", "shortcut-paste"),
    ("keys-right-click", "shortcut-marker"),
    ("Ctrl+D", "shortcut-draw"),
    ("keys-esc-backspace", "shortcut-drawing"),
    ("Ctrl+Z", "shortcut-undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "shortcut-redo"),
    ("Ctrl+Shift+S", "shortcut-save-as"),
    ("Ctrl+E", "shortcut-export"),
    ("F1", "shortcut-help"),
    ("Ctrl+Q", "shortcut-quit"),
    ("", "shortcut-pick-order"),
];

/// A key's name: words from the catalogue, key names as they are.
fn keys_text(keys: &str) -> String {
    if keys.starts_with("keys-") {
        crate::i18n::text(keys, &[])
    } else {
        keys.to_owned()
    }
}

/// The About window's data credits, by message id.
const ABOUT_CREDITS: [&str; 6] = [
    "about-outlines",
    "about-reference",
    "about-places",
    "about-names",
    "about-gazetteer",
    "about-zone",
];

pub fn about(ctx: &Context, open: bool, commands: &mut Vec<Command>) {
    let mut still_open = open;
    egui::Window::new(tr!("about-title"))
        .id(egui::Id::unique("about"))
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(format!("Dispatch Atlas {}", env!("CARGO_PKG_VERSION"))).strong(),
            );
            ui.label(tr!("about-tagline"));
            ui.separator();
            ui.label(RichText::new(tr!("about-data")).strong());
            for id in ABOUT_CREDITS {
                ui.label(crate::i18n::text(id, &[]));
            }
            ui.label(RichText::new(tr!("about-fonts")).strong());
            ui.label(tr!("about-fonts-text"));
            ui.separator();
            ui.label(tr!("about-licence"));
        });
    if still_open != open {
        commands.push(Command::ShowAbout(still_open));
    }
}

pub fn shortcuts(ctx: &Context, open: bool, commands: &mut Vec<Command>) {
    let mut still_open = open;
    egui::Window::new(tr!("shortcuts-title"))
        .id(egui::Id::unique("shortcuts"))
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (keys, action) in SHORTCUTS {
                        ui.label(RichText::new(keys_text(keys)).monospace());
                        ui.label(crate::i18n::text(action, &[]));
                        ui.end_row();
                    }
                });
        });
    if still_open != open {
        commands.push(Command::ShowShortcuts(still_open));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, has_message};

    /// The ids this window looks up by name (not through `tr!`, which a
    /// test of the catalogue checks) exist in both languages.
    #[test]
    fn every_shortcut_and_credit_has_its_words() {
        let ids = SHORTCUTS
            .iter()
            .flat_map(|(keys, action)| [*keys, *action])
            .filter(|id| id.contains('-') && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .chain(ABOUT_CREDITS);
        for id in ids {
            for language in Language::ALL {
                assert!(has_message(language, id), "{id} in {language:?}");
            }
        }
    }
}
