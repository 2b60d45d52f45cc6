//! Any text through the geoparser: no panic, and every mention's offsets
//! point at its surface.
#![no_main]

use std::sync::OnceLock;

use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::geoparse::gazetteer::Gazetteer;
use dispatch_atlas::geoparse::geoparse;
use libfuzzer_sys::fuzz_target;

fn gazetteer() -> Option<&'static Gazetteer> {
    static G: OnceLock<Option<Gazetteer>> = OnceLock::new();
    G.get_or_init(|| {
        let atlas = Atlas::load_embedded().ok()?;
        Gazetteer::load_embedded(&atlas.zone_names()).ok()
    })
    .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Some(g) = gazetteer() else { return };
    let chars: Vec<char> = text.chars().collect();
    for m in geoparse(g, &text) {
        assert!(m.start < m.end && m.end <= chars.len());
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), &*m.surface);
    }
});
