use super::*;
use crate::annotations::file::from_geojson;
use crate::annotations::{Annotation, Colour};
use crate::articles::Article;
use crate::atlas::FeatureId;
use crate::geometry::projection::LonLat;
use crate::geoparse::gazetteer::Gazetteer;

fn fixture() -> (Atlas, Corpus) {
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let gazetteer = Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("{e}"));
    let corpus = Corpus::analyse(&gazetteer, Article::embedded());
    (atlas, corpus)
}

fn options(only_annotated: bool) -> ExportOptions {
    ExportOptions {
        precision: 6,
        only_annotated,
        exported_at: "2026-11-21T00:00:00Z".into(),
    }
}

fn annotations() -> Annotations {
    let mut a = Annotations::default();
    a.set_note(
        FeatureId("geonames:2453514".into()),
        Annotation {
            note: "Where the legionnaire died".into(),
            tags: vec!["casualties".into()],
            colour: Some(Colour([0xff, 0x00, 0x00])),
            ..Annotation::default()
        },
    );
    a.set_note(
        FeatureId("country:NE".into()),
        Annotation {
            note: "private".into(),
            export: false,
            ..Annotation::default()
        },
    );
    a.add_marker(
        "Checkpoint",
        LonLat {
            lon: 1.5,
            lat: 15.2,
        },
    );
    a
}

fn feature<'a>(export: &'a Value, id: &str) -> Option<&'a Value> {
    export["features"]
        .as_array()?
        .iter()
        .find(|f| f["id"] == id)
}

#[test]
fn annotated_features_carry_notes_excerpts_figures_and_provenance() {
    let (atlas, corpus) = fixture();
    let out = export(&atlas, &annotations(), &corpus, &options(true));
    let ids: Vec<&str> = out["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["id"].as_str())
        .collect();
    // Niger's note is private; the marker always goes.
    assert_eq!(ids, ["geonames:2453514", "user:marker:1"]);
    let menaka = feature(&out, "geonames:2453514").unwrap_or(&Value::Null);
    let p = &menaka["properties"];
    assert_eq!(p["name"], "Ménaka");
    assert_eq!(p["note"], "Where the legionnaire died");
    assert_eq!(p["marker-color"], "#ff0000");
    assert!(p["excerpts"].as_array().is_some_and(|e| !e.is_empty()));
    let excerpt = &p["excerpts"][0];
    assert!(
        excerpt["text"]
            .as_str()
            .is_some_and(|t| t.contains("Ménaka") || t.contains("Menaka"))
    );
    assert_eq!(excerpt["outlet"], "International Insider");
    // The seed's date is unknown: said as null, not left out.
    assert!(excerpt["date"].is_null() && excerpt.get("date").is_some());
    assert!(
        p["provenance"]["source"]
            .as_str()
            .is_some_and(|s| s.contains("GeoNames"))
    );
    assert_eq!(
        menaka["geometry"]["coordinates"],
        json!([2.39609, 15.91985])
    );
    assert!(out["bbox"].is_array() && menaka["bbox"].is_array());
    assert!(out.get("crs").is_none());
}

#[test]
fn a_full_export_has_every_feature_and_the_three_countries_figures() {
    let (atlas, corpus) = fixture();
    let out = export(&atlas, &Annotations::default(), &corpus, &options(false));
    let features = out["features"].as_array().cloned().unwrap_or_default();
    assert!(features.len() >= 241 + 62 + 2, "{}", features.len());
    let mali = feature(&out, "country:ML").unwrap_or(&Value::Null);
    let values: Vec<f64> = mali["properties"]["figures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["value"].as_f64())
        .collect();
    assert!(values.contains(&43.0), "{values:?}");
    let mut seen = std::collections::HashSet::new();
    assert!(
        features.iter().all(|f| seen.insert(f["id"].to_string())),
        "ids are unique"
    );
}

#[test]
fn an_export_reads_back_as_the_exported_annotations() {
    let (atlas, corpus) = fixture();
    let original = annotations();
    let out = export(&atlas, &original, &corpus, &options(true));
    let (read, warnings) = from_geojson(&out.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut expected = original.clone();
    expected.notes.remove(&FeatureId("country:NE".into()));
    assert_eq!(read, expected);
    // And exporting what was read gives the same file.
    let again = export(&atlas, &read, &corpus, &options(true));
    assert_eq!(again, out);
}

#[test]
fn heights_of_imported_features_are_kept_and_rings_rewound() {
    let (mut atlas, corpus) = fixture();
    // A clockwise exterior with heights.
    let layer = crate::import::import_str(
        r#"{"type": "Feature", "id": "hill", "properties": {"name": "Hill"},
            "geometry": {"type": "Polygon", "coordinates": [[[1, 15, 300.25], [1, 16, 310], [2, 16, 320], [2, 15, 330], [1, 15, 300.25]]]}}"#,
        "hill.geojson",
        "hill",
        "layer:h",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        layer
            .warnings
            .iter()
            .any(|w| w.contains("heights kept in exports"))
    );
    atlas.add_features(layer.features);
    let out = export(&atlas, &Annotations::default(), &corpus, &options(false));
    let hill = feature(&out, "layer:h/hill").unwrap_or(&Value::Null);
    let ring = &hill["geometry"]["coordinates"][0];
    assert_eq!(ring[0], json!([1.0, 15.0, 300.25]));
    assert_eq!(
        ring[1],
        json!([2.0, 15.0, 330.0]),
        "rewound counter-clockwise, heights along"
    );
    assert!(
        hill.get("bbox").is_none() && out.get("bbox").is_none(),
        "no 2D box for 3D data"
    );
}

/// The reference layers stay out of the user's file, but for the towns the
/// reports name (with their dossier) or the user annotated.
#[test]
fn a_full_export_leaves_the_reference_layers_out_but_named_or_annotated_towns() {
    let (atlas, _) = fixture();
    let gazetteer = Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("{e}"));
    let corpus = Corpus::analyse(
        &gazetteer,
        vec![Article::parse(
            "kidal.txt",
            "title: Tessalit\n\nFighting was reported near Tessalit, where 12 soldiers were wounded.",
        )],
    );
    let town = |name: &str| {
        atlas
            .find(name, crate::atlas::FeatureKind::City)
            .map_or_else(|| panic!("{name}"), |f| f.id.clone())
    };
    let (tessalit, bamako, mopti) = (town("Tessalit"), town("Bamako"), town("Mopti"));
    let mut annotations = Annotations::default();
    annotations.set_note(
        mopti.clone(),
        Annotation {
            note: "check".into(),
            ..Default::default()
        },
    );
    let out = export(&atlas, &annotations, &corpus, &options(false));
    assert!(feature(&out, &tessalit.0).is_some(), "named in a report");
    let mentions = feature(&out, &tessalit.0).map(|f| f["properties"]["mentions"].clone());
    assert_eq!(mentions, Some(Value::from(1)));
    assert!(feature(&out, &mopti.0).is_some(), "annotated");
    assert!(feature(&out, &bamako.0).is_none(), "background");
    let features = out["features"].as_array().cloned().unwrap_or_default();
    assert!(
        features.iter().all(|f| {
            let id = f["id"].as_str().unwrap_or_default();
            !id.starts_with("ne:river") && !id.starts_with("ne:lake") && !id.starts_with("ne:sea")
        }),
        "no water"
    );
}
