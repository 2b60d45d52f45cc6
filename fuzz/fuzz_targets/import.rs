//! Any text as a GeoJSON file, and then its features as annotations: the
//! importer and the annotation reader never panic, every imported feature
//! has a box, what loads exports, and preparing it for the map (levels of
//! detail, triangles, outline index) and picking at its label never panic.
#![no_main]

use dispatch_atlas::annotations::file::from_geojson;
use dispatch_atlas::import::import_str;
use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::geometry::projection::{Projector, ScreenPoint, ScreenRect};
use dispatch_atlas::view::camera::Camera;
use libfuzzer_sys::fuzz_target;

const VIEW: ScreenRect = ScreenRect {
    min: ScreenPoint { x: 0.0, y: 0.0 },
    max: ScreenPoint { x: 800.0, y: 600.0 },
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(layer) = import_str(text, "fuzz.geojson", "fuzz", "layer:f") {
        for feature in &layer.features {
            assert!(feature.bbox().is_some(), "{} has no box", feature.id);
            let _ = dispatch_atlas::export::geometry::geometry(&feature.geometry, 6);
        }
        let labels: Vec<_> = layer.features.iter().map(|f| f.label_at).collect();
        let atlas = Atlas::from_features(layer.features);
        for zoom in [300.0, 3e4, 3e7] {
            for &at in &labels {
                let projector = Projector::new(Camera::looking_at(at, zoom), VIEW);
                let _ = atlas.pick(&projector, projector.screen_from_lonlat(at), 6.0);
            }
        }
    }
    let _ = from_geojson(text);
});
