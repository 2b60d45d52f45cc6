//! Property: any annotations, written as a GeoJSON file (autosave, Save As)
//! or as an export, read back as the same annotations; unknown properties of
//! a feature survive both.

use dispatch_atlas::annotations::file::{from_geojson, to_geojson};
use dispatch_atlas::annotations::{Annotation, Annotations, Colour};
use dispatch_atlas::atlas::{Atlas, FeatureId};
use dispatch_atlas::dossier::analysis::Corpus;
use dispatch_atlas::export::{ExportOptions, export};
use dispatch_atlas::geometry::projection::LonLat;
use proptest::prelude::*;
use serde_json::{Map, Value};

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ]
}

fn extra() -> impl Strategy<Value = Map<String, Value>> {
    let value = json_leaf().prop_recursive(2, 8, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Value::Array)
    });
    prop::collection::btree_map("x_[a-z]{1,6}", value, 0..3).prop_map(|m| m.into_iter().collect())
}

fn annotation() -> impl Strategy<Value = Annotation> {
    (
        "\\PC{0,40}",
        prop::collection::btree_set("[a-z][a-z0-9 ]{0,8}[a-z]", 0..4),
        prop::option::of(any::<[u8; 3]>()),
        any::<bool>(),
        extra(),
    )
        .prop_map(|(note, tags, colour, export, extra)| Annotation {
            note,
            tags: tags.into_iter().collect(),
            colour: colour.map(Colour),
            export,
            extra,
        })
}

fn position() -> impl Strategy<Value = LonLat> {
    // Micro-degrees: what 6 decimals can write exactly.
    (-180_000_000i64..=180_000_000, -90_000_000i64..=90_000_000).prop_map(|(x, y)| LonLat {
        lon: x as f64 / 1e6,
        lat: y as f64 / 1e6,
    })
}

/// A small triangle somewhere, drawn either way round (drawn zones are
/// simple polygons).
fn zone_corners() -> impl Strategy<Value = Vec<LonLat>> {
    (
        -170_000_000i64..=170_000_000,
        -80_000_000i64..=80_000_000,
        any::<bool>(),
    )
        .prop_map(|(x, y, clockwise)| {
            let at = |dx: i64, dy: i64| LonLat {
                lon: (x + dx) as f64 / 1e6,
                lat: (y + dy) as f64 / 1e6,
            };
            let mut corners = vec![at(0, 0), at(1_500_000, 0), at(700_000, 1_200_000)];
            if clockwise {
                corners.reverse();
            }
            corners
        })
}

const ATLAS_IDS: [&str; 5] = [
    "country:ML",
    "region:ML-7",
    "geonames:2453514",
    "zone:three-borders",
    "imported:42",
];

fn annotations() -> impl Strategy<Value = Annotations> {
    (
        prop::collection::vec((0..ATLAS_IDS.len(), annotation()), 0..5),
        prop::collection::vec(
            (
                "[A-Za-z][A-Za-z ]{0,10}[a-z]",
                position(),
                prop::option::of(annotation()),
            ),
            0..4,
        ),
        prop::collection::vec(
            (
                "[A-Za-z][A-Za-z ]{0,10}[a-z]",
                zone_corners(),
                prop::option::of(annotation()),
            ),
            0..3,
        ),
    )
        .prop_map(|(notes, markers, zones)| {
            let mut a = Annotations::default();
            for (i, note) in notes {
                a.set_note(FeatureId(ATLAS_IDS[i].into()), note);
            }
            for (name, at, note) in markers {
                let id = a.add_marker(&name, at);
                if let Some(note) = note {
                    a.set_note(id, note);
                }
            }
            for (name, corners, note) in zones {
                if let (Some(id), Some(note)) = (a.add_zone(&name, corners), note) {
                    a.set_note(id, note);
                }
            }
            a
        })
}

fn atlas() -> &'static Atlas {
    static ATLAS: std::sync::OnceLock<Atlas> = std::sync::OnceLock::new();
    ATLAS.get_or_init(|| Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn annotation_files_round_trip(original in annotations()) {
        let text = to_geojson(&original, atlas(), 6).to_string();
        let (read, warnings) = from_geojson(&text).unwrap_or_else(|e| panic!("{e}"));
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(read, original);
    }

    #[test]
    fn exports_round_trip_what_they_export(original in annotations()) {
        let options = ExportOptions { precision: 6, only_annotated: true, exported_at: "t".into() };
        let corpus = Corpus::default();
        let out = export(atlas(), &original, &corpus, &options);
        let (read, warnings) = from_geojson(&out.to_string()).unwrap_or_else(|e| panic!("{e}"));
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        // Exports leave out private notes and notes on features the atlas lacks.
        let mut expected = original.clone();
        expected.notes.retain(|id, a| {
            a.export && (atlas().get(id).is_some() || original.is_user_feature(id))
        });
        prop_assert_eq!(&read.notes, &expected.notes);
        prop_assert_eq!(&read.markers, &original.markers);
        prop_assert_eq!(&read.zones, &original.zones);
        // And exporting what was read gives the same document.
        prop_assert_eq!(export(atlas(), &read, &corpus, &options), out);
    }
}
