use super::*;

fn import(text: &str) -> Result<ImportedLayer, ImportError> {
    import_str(text, "test.geojson", "test", "layer:t")
}

fn ok(text: &str) -> ImportedLayer {
    import(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_partly_bad_collection_loads_its_good_features_and_names_the_bad_ones() {
    let layer = ok(r#"{"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "camp", "properties": {"name": "Camp A", "kind": "base"},
         "geometry": {"type": "Point", "coordinates": [1.5, 15.2]}},
        {"type": "Feature", "id": "far", "properties": {}, "geometry": {"type": "Point", "coordinates": [300, 15]}},
        {"type": "Feature", "properties": {"name": "no geometry"}, "geometry": null},
        {"type": "Feature", "properties": null,
         "geometry": {"type": "Polygon", "coordinates": [[[0, 14], [1, 14], [1, 15], [0, 14]]]}},
        {"type": "Feature", "properties": [1, 2],
         "geometry": {"type": "LineString", "coordinates": [[0, 14, 250.5], [1, 15, 260]]}},
        {"type": "Point", "coordinates": [0, 0]},
        {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": []}}
    ]}"#);
    let names: Vec<&str> = layer.features.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Camp A", "Feature 4", "Feature 5"]);
    assert_eq!(layer.features[0].id.0, "layer:t/camp");
    assert_eq!(layer.features[1].id.0, "layer:t/#4");
    assert_eq!(
        layer.features[0].properties.get_str("kind").as_deref(),
        Some("base"),
        "the file's properties are kept"
    );
    let all = layer.warnings.join("\n");
    for expected in [
        "feature 2 (far) skipped: longitude 300",
        "feature 3 skipped: no geometry",
        "feature 5: \"properties\" is an array",
        "feature 6 skipped: not a Feature",
        "feature 7 skipped: empty MultiPolygon",
        "1 feature(s) have 3D positions",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
}

#[test]
fn a_single_feature_or_a_bare_geometry_is_a_layer_of_one() {
    let layer = ok(r#"{"type": "Feature", "properties": {"name": "Route"},
        "geometry": {"type": "MultiLineString", "coordinates": [[[0, 14], [1, 15]], [[2, 15], [3, 16]]]}}"#);
    assert_eq!(layer.features.len(), 1);
    assert!(matches!(
        layer.features[0].geometry,
        FeatureGeometry::Other(_)
    ));
    let layer = ok(r#"{"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]]},
        {"type": "MultiPolygon", "coordinates": [[[[5, 5], [6, 5], [6, 6], [5, 5]]]]}
    ]}"#);
    let FeatureGeometry::Area(areas) = &layer.features[0].geometry else {
        panic!("polygons only: an area")
    };
    assert_eq!(areas.0.len(), 2);
    assert_eq!(areas.0[0].interiors().len(), 1, "holes are kept");
}

#[test]
fn a_shape_across_the_antimeridian_is_cut() {
    let layer = ok(
        r#"{"type": "Polygon", "coordinates": [[[170, 10], [-170, 10], [-170, -10], [170, -10], [170, 10]]]}"#,
    );
    let FeatureGeometry::Area(areas) = &layer.features[0].geometry else {
        panic!("an area")
    };
    assert_eq!(areas.0.len(), 2);
    let b = layer.features[0].bbox().unwrap_or_else(|| panic!("bbox"));
    assert_eq!((b.min().x, b.max().x), (-180.0, 180.0));
}

#[test]
fn file_level_problems_are_errors_with_a_place() {
    let error = |text: &str| {
        import(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(
        error("{\"type\": \"FeatureCollection\",\n \"features\": [\n {,}]}")
            .contains("line 3, column 3")
    );
    assert!(error("[1, 2]").contains("not valid JSON"));
    assert!(
        error(r#"{"type": "Topology", "objects": {}}"#).contains("unknown \"type\" \"Topology\"")
    );
    assert!(error(r#"{"features": []}"#).contains("no \"type\""));
    assert!(error(r#"{"type": "FeatureCollection"}"#).contains("without \"features\""));
    assert!(error(r#"{"type": "FeatureCollection", "features": 5}"#).contains("invalid type"));
    assert!(error("").contains("line 1, column 0"));
    assert!(error("{\"type\": \"Point\", \"coordinates\": [NaN, 1]}").contains("not valid JSON"));
}

#[test]
fn crs_is_warned_about_and_ids_stay_unique() {
    let layer = ok(r#"{"type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [
          {"type": "Feature", "id": 7, "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}},
          {"type": "Feature", "id": 7, "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 1]}}
        ]}"#);
    assert!(layer.warnings[0].contains("\"crs\""));
    assert!(
        layer
            .warnings
            .iter()
            .any(|w| w.contains("id \"7\" is used twice"))
    );
    assert_eq!(layer.features[1].id.0, "layer:t/7#2");
}

#[test]
fn files_too_large_or_unreadable_are_refused() {
    let dir = std::env::temp_dir().join(format!("da-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("big.geojson");
    std::fs::write(&path, r#"{"type": "FeatureCollection", "features": []}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let error = import_file_up_to(&path, "layer:t", 10, &Progress::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(error.contains("over the 1 GB limit"), "{error}");
    assert!(import_file(&path, "layer:t").is_ok());
    let error = import_file(&dir.join("missing.geojson"), "layer:t")
        .err()
        .map(|e| e.to_string());
    assert!(error.is_some_and(|e| e.contains("cannot read")));
    std::fs::write(&path, [b'"', 0xff, 0xfe, b'"']).unwrap_or_else(|e| panic!("{e}"));
    let error = import_file(&path, "layer:t")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(error.contains("not valid JSON at line 1"), "{error}");
    // A file read from disk gives the same layer as its text.
    let text = r#"{"type": "Feature", "id": 3, "properties": {"name": "Well"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#;
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let from_file = import_file(&path, "layer:t").unwrap_or_else(|e| panic!("{e}"));
    let from_text = import(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_file.features[0].id, from_text.features[0].id);
    assert_eq!(from_file.features[0].name, "Well");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The features and warnings of a layer, to compare two readings.
fn summary(layer: &ImportedLayer) -> (String, Vec<String>) {
    (format!("{:?}", layer.features), layer.warnings.clone())
}

fn streamed(text: &str, window: usize) -> stream::Streamed {
    let progress = Progress::default();
    stream::import_in_windows(
        &mut text.as_bytes(),
        text.len() as u64,
        "test",
        "layer:t",
        &progress,
        window,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_collection_read_window_by_window_is_the_collection_read_whole() {
    let texts = [
        // Members before and after the features, a crs, escapes and
        // brackets inside strings, a nested foreign member, white space of
        // every kind, non-ASCII names.
        "{\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\r\n\t\"features\" : [\n\
         {\"type\": \"Feature\", \"id\": 7, \"properties\": {\"name\": \"M\u{e9}naka \\\"}]{[\\\\\", \"n\": [1, {\"a\": null}]},\n\
          \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 14], [1, 14], [1, 15], [0, 14]]]}} ,\n\
         {\"type\": \"Feature\", \"id\": 7, \"properties\": null, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1.5, 15.25, 300]}},\n\
         {\"type\": \"Feature\", \"properties\": {\"name\": 5}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [300, 15]}},\n\
         {\"type\": \"Point\", \"coordinates\": [0, 0]},\n\
         {\"type\": \"Feature\", \"properties\": [], \"properties\": {}, \"geometry\": null}\n\
         ], \"bbox\": [0, 14, 1.5, 15.25], \"x-note\": \"a } b\", \"count\": 5, \"ok\": true,\n\
         \"type\": \"FeatureCollection\"}\n",
        r#"{"type":"FeatureCollection","features":[]}"#,
        r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Gao"}, "geometry": {"type": "Point", "coordinates": [-0.04, 16.27]}}], "name": null}"#,
    ];
    for text in texts {
        let whole = summary(&ok(text));
        for window in (1..=48).chain([1 << 20]) {
            match streamed(text, window) {
                stream::Streamed::Layer(layer) => {
                    assert_eq!(summary(&layer), whole, "window of {window} bytes:\n{text}");
                }
                stream::Streamed::ReadWhole => panic!("read whole, window {window}:\n{text}"),
            }
        }
    }
}

#[test]
fn what_the_window_reader_cannot_split_or_check_is_read_whole() {
    let feature = r#"{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#;
    let texts = [
        // Not valid JSON: explained by the whole-file reader, line and column.
        format!(
            r#"{{"type": "FeatureCollection", "features": [{feature}, {{"type": "Feature", "a": tru}}]}}"#
        ),
        format!(r#"{{"type": "FeatureCollection", "features": [{feature},]}}"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{feature}]}} trailing"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{feature}], "x": [1, 2}}"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{feature}]"#),
        // A duplicate member stops serde before it reaches the bad JSON
        // after it (found by the import_stream fuzz target).
        r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 1, "id": 2, "geometry": {"type": ,"Point"}}]}"#.to_owned(),
        format!("\u{feff}{{\"type\": \"FeatureCollection\", \"features\": [{feature}]}}"),
        // Valid, but not for this reader: a second "features", a feature
        // that is not an object, no "features", another type at the top.
        format!(r#"{{"type": "FeatureCollection", "features": [], "features": [{feature}]}}"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{feature}, null]}}"#),
        r#"{"type": "FeatureCollection", "features": null}"#.to_owned(),
        r#"{"type": "FeatureCollection"}"#.to_owned(),
        feature.to_owned(),
        r#"{"type": "Point", "coordinates": [1, 2]}"#.to_owned(),
        r#"{"type": "Feature\u0043ollection", "features": []}"#.to_owned(),
        String::new(),
        "[]".to_owned(),
    ];
    for text in &texts {
        for window in [1, 5, 1 << 20] {
            assert!(
                matches!(streamed(text, window), stream::Streamed::ReadWhole),
                "window {window}: {text}"
            );
        }
    }
}

#[test]
fn a_file_is_read_window_by_window_with_the_same_errors_as_before() {
    let dir = std::env::temp_dir().join(format!("dispatch-atlas-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let good = dir.join("good.geojson");
    let text = r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Gao"}, "geometry": {"type": "Point", "coordinates": [-0.04, 16.27]}}]}"#;
    std::fs::write(&good, text).unwrap_or_else(|e| panic!("{e}"));
    let progress = Progress::default();
    let layer =
        import_file_with_progress(&good, "layer:t", &progress).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary(&layer), summary(&ok(text)));
    let snapshot = progress.snapshot();
    assert_eq!(
        (snapshot.stage, snapshot.done, snapshot.total),
        (Stage::Reading, 1, 1)
    );
    let broken = dir.join("broken.geojson");
    std::fs::write(
        &broken,
        "{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\", \"a\": tru}]}",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let error = import_file(&broken, "layer:t").map(|_| ());
    assert!(
        matches!(error, Err(ImportError::Json { line: 2, .. })),
        "{error:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn whatever_the_window_reader_takes_the_whole_file_reader_takes_alike() {
    // Mutations of a small collection: bytes dropped, doubled or replaced
    // by JSON's structural characters, read in windows of 1 to 16 bytes.
    let text = r#"{"type": "FeatureCollection", "x": {"a": [1, "]"]}, "features": [
        {"type": "Feature", "id": "a", "properties": {"name": "Gao \"x\""}, "geometry": {"type": "Point", "coordinates": [-0.04, 16.27]}},
        {"type": "Feature", "properties": null, "geometry": {"type": "LineString", "coordinates": [[0, 14], [1, 15]]}}
    ], "crs": null}"#
        .as_bytes();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or(0)
    };
    let (mut taken, mut left) = (0, 0);
    for _ in 0..3_000 {
        let mut bytes = text.to_vec();
        for _ in 0..=next(3) {
            let at = next(bytes.len());
            match next(3) {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, bytes[at]),
                _ => bytes[at] = b"{}[]\",: \\n"[next(10)],
            }
        }
        let window = next(16) + 1;
        let streamed = stream::import_in_windows(
            &mut bytes.as_slice(),
            bytes.len() as u64,
            "test",
            "layer:t",
            &Progress::default(),
            window,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let stream::Streamed::Layer(layer) = streamed else {
            left += 1;
            continue;
        };
        taken += 1;
        let text = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let whole = import(text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(summary(&layer), summary(&whole), "window {window}: {text}");
    }
    assert!(taken > 100 && left > 100, "{taken} taken, {left} left");
}

#[test]
fn a_utf8_byte_order_mark_is_skipped_with_a_warning_and_utf16_refused() {
    let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Gao"},"geometry":{"type":"Point","coordinates":[-0.04,16.27]}}]}"#;
    let dir = std::env::temp_dir().join(format!("bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("bom.geojson");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let layer = import_file(&path, "layer:1").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(layer.features.len(), 1);
    assert!(
        layer.warnings[0].contains("byte-order mark"),
        "{:?}",
        layer.warnings
    );
    let whole = import_bytes(
        &bytes,
        "bom.geojson",
        "bom",
        "layer:1",
        &Progress::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(whole.features.len(), 1);
    assert!(whole.warnings[0].contains("byte-order mark"));

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &utf16).unwrap_or_else(|e| panic!("{e}"));
    let err = import_file(&path, "layer:1")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("UTF-16LE; GeoJSON is UTF-8"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
