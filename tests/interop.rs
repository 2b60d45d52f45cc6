//! Exports read by other tools: GDAL (`ogrinfo`, Debian `gdal-bin`) and the
//! GeoJSON linter `@mapbox/geojsonhint` (npm).
//!
//! `.ci/run` installs both and sets `DISPATCH_ATLAS_INTEROP=required`, so in
//! CI a missing tool fails the test. Elsewhere the test says what it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

fn required() -> bool {
    std::env::var("DISPATCH_ATLAS_INTEROP").is_ok_and(|v| v == "required")
}

/// A tool by environment variable (a path) or by name on the `PATH`.
fn tool(env: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn find_or_skip(env: &str, name: &str) -> Option<PathBuf> {
    let found = tool(env, name);
    assert!(
        found.is_some() || !required(),
        "{name} is required (DISPATCH_ATLAS_INTEROP=required) but not found; set {env} or install it"
    );
    if found.is_none() {
        eprintln!("skipped: {name} not installed (.ci/run installs it)");
    }
    found
}

const NOTES: &str = r##"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "zone:three-borders", "geometry": null,
   "properties": {"note": "Liptako-Gourma: where the three armies operate", "tags": ["zone"], "colour": "#d35400"}},
  {"type": "Feature", "id": "geonames:2453514", "geometry": null,
   "properties": {"note": "Legionnaire killed nearby", "colour": "#aa0000"}},
  {"type": "Feature", "id": "user:marker:1", "geometry": {"type": "Point", "coordinates": [0.5, 14.8]},
   "properties": {"kind": "marker", "name": "Checkpoint"}},
  {"type": "Feature", "id": "user:zone:1", "geometry": {"type": "Polygon", "coordinates": [[[0, 14], [0, 15], [1, 15], [0, 14]]]},
   "properties": {"kind": "user-zone", "name": "Patrol box", "note": "drawn clockwise on purpose", "colour": "#2e86c1"}}
]}"##;

/// Exports (all features, and annotated only) into a scratch folder.
fn exports(dir: &Path) -> Vec<(PathBuf, usize)> {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    let notes = dir.join("notes.geojson");
    std::fs::write(&notes, NOTES).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for (name, only) in [("all.geojson", false), ("annotated.geojson", true)] {
        let path = dir.join(name);
        let mut command = Command::new(env!("CARGO_BIN_EXE_dispatch-atlas"));
        command
            // A data folder of its own: the user's corpus store is never read.
            .env("XDG_DATA_HOME", dir.join("data"))
            .arg("export")
            .arg("--annotations")
            .arg(&notes)
            .arg("-o")
            .arg(&path);
        if only {
            command.arg("--only-annotated");
        }
        let status = command.status().unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let count = value["features"].as_array().map_or(0, Vec::len);
        out.push((path, count));
    }
    out
}

fn scratch(test: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "dispatch-atlas-interop-{}-{test}",
        std::process::id()
    ))
}

#[test]
fn gdal_reads_every_feature_and_the_annotation_fields() {
    let Some(ogrinfo) = find_or_skip("OGRINFO", "ogrinfo") else {
        return;
    };
    let dir = scratch("gdal");
    for (path, count) in exports(&dir) {
        let out = Command::new(&ogrinfo)
            .args(["-ro", "-so", "-al"])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains(&format!("Feature Count: {count}")), "{text}");
        for field in [
            "note: String",
            "marker-color: String",
            "excerpts: String",
            "name: String",
        ] {
            assert!(text.contains(field), "no {field:?} in:\n{text}");
        }
        assert!(text.contains("\"WGS 84\""), "{text}");
    }
    // And one feature in full, as a GIS user would see it.
    let out = Command::new(&ogrinfo)
        .args(["-ro", "-al", "-where", "name = 'Ménaka'"])
        .arg(dir.join("annotated.geojson"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("note (String) = Legionnaire killed nearby"),
        "{text}"
    );
    assert!(text.contains("POINT (2.39609 15.91985)"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exports_pass_the_geojson_linter() {
    let Some(hint) = find_or_skip("GEOJSONHINT", "geojsonhint") else {
        return;
    };
    let dir = scratch("hint");
    for (path, _) in exports(&dir) {
        let out = Command::new(&hint)
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success() && report.trim().is_empty(),
            "{}: {report}",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
