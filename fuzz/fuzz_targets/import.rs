//! Any text as a GeoJSON file, and then its features as annotations: the
//! importer and the annotation reader never panic, every imported feature
//! has a box, and what loads exports.
#![no_main]

use dispatch_atlas::annotations::file::from_geojson;
use dispatch_atlas::import::import_str;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(layer) = import_str(text, "fuzz.geojson", "fuzz", "layer:f") {
        for feature in &layer.features {
            assert!(feature.bbox().is_some(), "{} has no box", feature.id);
            let _ = dispatch_atlas::export::geometry::geometry(&feature.geometry, 6);
        }
    }
    let _ = from_geojson(text);
});
