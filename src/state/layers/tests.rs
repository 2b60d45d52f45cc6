use super::*;
use crate::atlas::{Atlas, FeatureKind};
use crate::geometry::projection::{LonLat, ScreenPoint, ScreenRect};
use crate::import::import_str;
use crate::state::{AnnotationCommand, Command};

const FILE: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "z1", "properties": {"name": "Patrol sector", "kind": "sector", "unit": {"id": 12}},
   "geometry": {"type": "Polygon", "coordinates": [[[1.0, 15.0], [2.0, 15.0], [2.0, 16.0], [1.0, 16.0], [1.0, 15.0]]]}},
  {"type": "Feature", "id": "r1", "properties": {"name": "Supply road"},
   "geometry": {"type": "LineString", "coordinates": [[0.0, 14.0], [3.0, 17.0]]}}
]}"#;

fn state_with_layer() -> (AppState, String) {
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut state = AppState::new(atlas, None);
    state.apply(Command::SetViewport(ScreenRect {
        min: ScreenPoint { x: 0.0, y: 0.0 },
        max: ScreenPoint {
            x: 1000.0,
            y: 700.0,
        },
    }));
    let path = PathBuf::from("/tmp/sectors.geojson");
    state.apply(Command::Layer(LayerCommand::Import(vec![path.clone()])));
    let handed = state.take_requested_imports();
    assert_eq!(handed.len(), 1);
    let (id, path) = handed[0].clone();
    let layer =
        import_str(FILE, "sectors.geojson", "sectors", &id).unwrap_or_else(|e| panic!("{e}"));
    state.apply(Command::Layer(LayerCommand::Imported {
        id: id.clone(),
        path,
        data: Box::new(layer.into()),
    }));
    (state, id)
}

fn pick(state: &AppState, at: LonLat) -> Option<String> {
    let projector = state.projector()?;
    let p = projector.screen_from_lonlat(at);
    state
        .atlas
        .pick(&projector, p, 8.0)
        .map(|i| state.atlas.features()[i].id.0.clone())
}

#[test]
fn an_imported_layer_is_drawn_picked_and_framed() {
    let (state, id) = state_with_layer();
    assert!(state.importing.is_empty());
    assert_eq!(state.layers.len(), 1);
    assert!(state.dialogs.layers, "the layers panel opens");
    let sector = format!("{id}/z1");
    assert_eq!(
        pick(
            &state,
            LonLat {
                lon: 1.2,
                lat: 15.8
            }
        )
        .as_deref(),
        Some(sector.as_str())
    );
    // The road is picked near the line, not far from it.
    assert_eq!(
        pick(
            &state,
            LonLat {
                lon: 2.7,
                lat: 16.7
            }
        )
        .as_deref(),
        Some(format!("{id}/r1").as_str())
    );
    let projector = state.projector().unwrap_or_else(|| panic!("viewport"));
    let corner = projector.screen_from_lonlat(LonLat {
        lon: 3.0,
        lat: 17.0,
    });
    assert!(projector.rect().contains(corner), "the layer is framed");
    let feature = state
        .atlas
        .get(&FeatureId(sector))
        .unwrap_or_else(|| panic!("sector"));
    assert_eq!(feature.kind, FeatureKind::Imported);
    assert_eq!(
        feature
            .properties
            .get("unit")
            .map(|unit| unit["id"].clone()),
        Some(12.into())
    );
}

#[test]
fn visibility_opacity_and_close() {
    let (mut state, id) = state_with_layer();
    let inside = LonLat {
        lon: 1.2,
        lat: 15.8,
    };
    state.apply(Command::Select(Some(FeatureId(format!("{id}/z1")))));
    let generation = state.layer_generation;
    state.apply(Command::Layer(LayerCommand::SetVisible(id.clone(), false)));
    assert!(state.layer_generation > generation, "the map redraws");
    assert_eq!(state.selected, None, "a hidden feature is not selected");
    assert_ne!(pick(&state, inside), Some(format!("{id}/z1")));
    state.apply(Command::Layer(LayerCommand::SetVisible(id.clone(), true)));
    assert_eq!(pick(&state, inside), Some(format!("{id}/z1")));
    state.apply(Command::Layer(LayerCommand::SetOpacity(id.clone(), 3.0)));
    assert!((state.layers[0].opacity - 1.0).abs() < f32::EPSILON);
    state.apply(Command::Layer(LayerCommand::SetOpacity(id.clone(), 0.25)));
    let feature = state.atlas.get(&FeatureId(format!("{id}/z1"))).cloned();
    assert_eq!(feature.map(|f| state.layer_opacity(&f)), Some(0.25));
    state.apply(Command::Layer(LayerCommand::Remove(id.clone())));
    assert!(state.layers.is_empty());
    assert_ne!(pick(&state, inside), Some(format!("{id}/z1")));
}

#[test]
fn the_same_file_is_not_opened_twice() {
    let (mut state, _) = state_with_layer();
    state.apply(Command::Layer(LayerCommand::Import(vec![PathBuf::from(
        "/tmp/sectors.geojson",
    )])));
    assert!(state.take_requested_imports().is_empty());
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("already open"))
    );
    assert_eq!(
        layer_id(std::path::Path::new("/tmp/sectors.geojson")),
        state.layers[0].id
    );
}

#[test]
fn imported_features_are_annotated_and_exported_with_their_properties() {
    let (mut state, id) = state_with_layer();
    let sector = FeatureId(format!("{id}/z1"));
    state.apply(Command::Annotation(AnnotationCommand::SetNote {
        id: sector.clone(),
        annotation: crate::annotations::Annotation {
            note: "Patrols weekly".into(),
            ..Default::default()
        },
    }));
    let out = crate::export::export(
        &state.atlas,
        state.annotations(),
        &state.corpus,
        &crate::export::ExportOptions {
            precision: 6,
            only_annotated: true,
            exported_at: "t".into(),
        },
    );
    let feature = &out["features"][0];
    assert_eq!(feature["id"], sector.0);
    let p = &feature["properties"];
    assert_eq!(p["note"], "Patrols weekly");
    assert_eq!(
        p["kind"], "sector",
        "the file's own \"kind\" wins over ours"
    );
    assert_eq!(p["unit"]["id"], 12);
}

#[test]
fn a_failed_import_is_reported() {
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut state = AppState::new(atlas, None);
    state.apply(Command::Layer(LayerCommand::Import(vec![PathBuf::from(
        "/nope.geojson",
    )])));
    let handed = state.take_requested_imports();
    assert_eq!(state.importing.len(), 1);
    state.apply(Command::Layer(LayerCommand::Failed {
        path: handed[0].1.clone(),
        message: "nope.geojson: cannot read".into(),
    }));
    assert!(state.importing.is_empty());
    assert_eq!(state.messages, ["nope.geojson: cannot read"]);
}

#[test]
fn open_layers_are_saved_with_the_annotations_and_reopened_after_a_crash() {
    let dir = std::env::temp_dir().join(format!("da-layers-autosave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let autosave = dir.join("annotations.geojson");
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut state = AppState::new(atlas, None);
    state.restore_annotations(autosave.clone());
    let layer_file = PathBuf::from("/data/sectors.geojson");
    state.apply(Command::Layer(LayerCommand::Import(vec![
        layer_file.clone(),
    ])));
    let (id, path) = state.take_requested_imports().remove(0);
    let layer =
        import_str(FILE, "sectors.geojson", "sectors", &id).unwrap_or_else(|e| panic!("{e}"));
    state.apply(Command::Layer(LayerCommand::Imported {
        id,
        path,
        data: Box::new(layer.into()),
    }));
    // No edit since: the layer alone made the autosave write.
    state.run_jobs_here();
    let saved = std::fs::read_to_string(&autosave).unwrap_or_default();
    assert!(saved.contains("/data/sectors.geojson"), "{saved}");
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut restarted = AppState::new(atlas, None);
    restarted.restore_annotations(autosave);
    assert_eq!(restarted.requested_imports, vec![layer_file]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reading_progress_is_shown_until_the_layer_arrives_and_redraws_nothing() {
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut state = AppState::new(atlas, None);
    let path = PathBuf::from("/tmp/progress.geojson");
    state.apply(Command::Layer(LayerCommand::Import(vec![path.clone()])));
    let (id, path) = state.take_requested_imports().remove(0);
    let generation = state.layer_generation;
    let progress = crate::import::Progress::default();
    progress.start(crate::import::Stage::Checking, 10);
    progress.advance();
    state.apply(Command::Layer(LayerCommand::Progress {
        path: path.clone(),
        progress: progress.snapshot(),
    }));
    assert_eq!(state.import_progress.get(&path).map(|p| p.done), Some(1));
    assert_eq!(state.layer_generation, generation, "no redraw for a bar");
    let layer =
        import_str(FILE, "progress.geojson", "progress", &id).unwrap_or_else(|e| panic!("{e}"));
    state.apply(Command::Layer(LayerCommand::Imported {
        id,
        path: path.clone(),
        data: Box::new(ImportedLayerData::prepare(layer, &progress)),
    }));
    assert!(state.import_progress.is_empty() && state.importing.is_empty());
    let done = progress.snapshot();
    assert_eq!(
        (done.stage, done.done, done.total),
        (crate::import::Stage::Preparing, 2, 2)
    );
}
