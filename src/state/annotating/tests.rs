use super::*;
use crate::annotations::Colour;
use crate::atlas::Atlas;
use crate::state::Command;

fn state() -> AppState {
    let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("embedded atlas: {e}"));
    AppState::new(atlas, None)
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("da-annotating-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("annotations.geojson")
}

fn note(text: &str) -> Annotation {
    Annotation {
        note: text.into(),
        tags: vec!["verify".into()],
        colour: Some(Colour([0, 0x80, 0])),
        ..Annotation::default()
    }
}

fn apply(state: &mut AppState, command: AnnotationCommand) {
    state.apply(Command::Annotation(command));
}

/// Runs the queued background jobs here and applies what they report, as
/// the UI glue does from their threads.
fn run_jobs(state: &mut AppState) {
    for job in state.take_jobs() {
        state.apply(Command::JobDone(job.run()));
    }
}

#[test]
fn edits_are_autosaved_and_restored() {
    let path = temp("autosave");
    let mut s = state();
    s.restore_annotations(path.clone());
    let mali = FeatureId("country:ML".into());
    apply(
        &mut s,
        AnnotationCommand::SetNote {
            id: mali.clone(),
            annotation: note("Check"),
        },
    );
    apply(
        &mut s,
        AnnotationCommand::AddMarker {
            name: "Camp".into(),
            at: LonLat {
                lon: 1.0,
                lat: 15.0,
            },
        },
    );
    s.run_jobs_here();
    assert!(path.exists());
    // A new process: everything is back, and the marker is on the map.
    let mut again = state();
    again.restore_annotations(path.clone());
    assert_eq!(again.annotations(), s.annotations());
    let marker = FeatureId("user:marker:1".into());
    assert_eq!(
        again.atlas.get(&marker).map(|f| f.name.as_str()),
        Some("Camp")
    );
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(&path));
}

#[test]
fn undo_and_redo_cover_markers_and_notes() {
    let mut s = state();
    let at = LonLat {
        lon: 1.0,
        lat: 15.0,
    };
    apply(
        &mut s,
        AnnotationCommand::AddMarker {
            name: "Camp".into(),
            at,
        },
    );
    let id = FeatureId("user:marker:1".into());
    assert_eq!(s.selected.as_ref(), Some(&id), "a new marker is selected");
    apply(
        &mut s,
        AnnotationCommand::Rename {
            id: id.clone(),
            name: "Base".into(),
        },
    );
    apply(
        &mut s,
        AnnotationCommand::MoveTo {
            id: id.clone(),
            at: LonLat {
                lon: 2.0,
                lat: 16.0,
            },
        },
    );
    apply(
        &mut s,
        AnnotationCommand::SetNote {
            id: id.clone(),
            annotation: note("n"),
        },
    );
    apply(&mut s, AnnotationCommand::Delete(id.clone()));
    assert!(
        s.atlas.get(&id).is_some_and(|f| f.hidden),
        "deleted: hidden from the map"
    );
    assert!(s.annotations().note(&id).is_none());
    apply(&mut s, AnnotationCommand::Undo);
    assert_eq!(s.status.as_deref(), Some("Undone: Delete marker"));
    assert!(
        s.atlas
            .get(&id)
            .is_some_and(|f| !f.hidden && f.name == "Base")
    );
    assert_eq!(
        s.annotations().note(&id).map(|n| n.note.as_str()),
        Some("n")
    );
    for _ in 0..3 {
        apply(&mut s, AnnotationCommand::Undo);
    }
    assert_eq!(s.atlas.get(&id).map(|f| f.name.as_str()), Some("Camp"));
    apply(&mut s, AnnotationCommand::Undo);
    assert!(s.annotations().is_empty());
    apply(&mut s, AnnotationCommand::Undo);
    assert_eq!(s.status.as_deref(), Some("Nothing to undo"));
    apply(&mut s, AnnotationCommand::Redo);
    assert!(s.atlas.get(&id).is_some_and(|f| !f.hidden));
}

#[test]
fn an_unreadable_autosave_is_kept_aside_not_overwritten() {
    let path = temp("unreadable");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&path, "{ not json").unwrap_or_else(|e| panic!("{e}"));
    let mut s = state();
    s.restore_annotations(path.clone());
    assert!(
        s.messages
            .iter()
            .any(|m| m.contains("could not be read") && m.contains("line 1"))
    );
    let aside = path.with_extension("unreadable.geojson");
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap_or_default(),
        "{ not json"
    );
    apply(
        &mut s,
        AnnotationCommand::SetNote {
            id: FeatureId("country:NE".into()),
            annotation: note("x"),
        },
    );
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap_or_default(),
        "{ not json"
    );
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(&path));
}

#[test]
fn save_as_open_and_export_go_through_files() {
    let path = temp("files");
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut s = state();
    let gao = FeatureId("geonames:2457163".into());
    apply(
        &mut s,
        AnnotationCommand::SetNote {
            id: gao.clone(),
            annotation: note("Airport"),
        },
    );
    apply(&mut s, AnnotationCommand::SaveAs(dir.join("mine.geojson")));
    apply(&mut s, AnnotationCommand::Export(dir.join("out.geojson")));
    assert!(s.has_jobs_queued(), "the export runs as a background job");
    run_jobs(&mut s);
    let exported = std::fs::read_to_string(dir.join("out.geojson")).unwrap_or_default();
    assert!(exported.contains("\"note\":\"Airport\""));
    let mut other = state();
    apply(
        &mut other,
        AnnotationCommand::Open(dir.join("mine.geojson")),
    );
    assert_eq!(other.annotations(), s.annotations());
    apply(&mut other, AnnotationCommand::Undo);
    assert!(
        other.annotations().is_empty(),
        "opening a file can be undone"
    );
    apply(
        &mut other,
        AnnotationCommand::Open(dir.join("missing.geojson")),
    );
    assert!(
        other
            .messages
            .iter()
            .any(|m| m.contains("missing.geojson could not be opened"))
    );
    // Writing into a path under a file fails with a message, not a panic.
    apply(
        &mut s,
        AnnotationCommand::Export(dir.join("out.geojson").join("x.geojson")),
    );
    run_jobs(&mut s);
    assert!(
        s.messages
            .iter()
            .any(|m| m.contains("could not be written"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_zone_is_drawn_corner_by_corner_and_collects_the_reports_inside() {
    let mut s = state();
    let c = |lon: f64, lat: f64| LonLat { lon, lat };
    apply(&mut s, AnnotationCommand::StartZone);
    assert_eq!(s.status.as_deref(), Some(drawing_help().as_str()));
    // Around Gao (−0.04, 16.27) and Ménaka (2.40, 15.92).
    for corner in [c(-1.0, 15.0), c(3.5, 15.0), c(9.0, 9.0)] {
        apply(&mut s, AnnotationCommand::AddCorner(corner));
    }
    apply(&mut s, AnnotationCommand::RemoveCorner);
    apply(&mut s, AnnotationCommand::FinishZone);
    assert_eq!(
        s.status.as_deref(),
        Some("A zone needs three corners at least")
    );
    assert!(s.drawing.is_some(), "still drawing");
    apply(&mut s, AnnotationCommand::AddCorner(c(3.5, 17.0)));
    apply(&mut s, AnnotationCommand::AddCorner(c(-1.0, 17.0)));
    apply(&mut s, AnnotationCommand::FinishZone);
    assert!(s.drawing.is_none());
    let id = FeatureId("user:zone:1".into());
    assert_eq!(s.selected.as_ref(), Some(&id), "the new zone is selected");
    let zone = s
        .atlas
        .get(&id)
        .cloned()
        .unwrap_or_else(|| panic!("zone on the map"));
    assert_eq!(zone.name, "Zone 1");
    // Its dossier rolls up the seed reports about Gao and Ménaka.
    let gazetteer = crate::geoparse::gazetteer::Gazetteer::load_embedded(&s.atlas.zone_names())
        .unwrap_or_else(|e| panic!("{e}"));
    let corpus =
        crate::dossier::analysis::Corpus::analyse(&gazetteer, crate::articles::Article::embedded());
    let dossier = crate::dossier::dossier(&zone, &corpus);
    let text: String = dossier
        .articles
        .iter()
        .flat_map(|a| a.excerpts.iter().map(|e| e.text.clone()))
        .collect();
    assert!(
        text.contains("Gao") && (text.contains("Ménaka") || text.contains("Menaka")),
        "{text}"
    );
    // Move, undo, cancel.
    apply(
        &mut s,
        AnnotationCommand::MoveTo {
            id: id.clone(),
            at: c(10.0, 10.0),
        },
    );
    let moved = s
        .annotations()
        .zone(&id)
        .map(crate::annotations::UserZone::centre);
    assert!(moved.is_some_and(|m| (m.lon - 10.0).abs() < 1e-9));
    apply(&mut s, AnnotationCommand::Undo);
    assert_eq!(s.status.as_deref(), Some("Undone: Move zone"));
    apply(&mut s, AnnotationCommand::Delete(id.clone()));
    assert!(s.atlas.get(&id).is_some_and(|f| f.hidden));
    apply(&mut s, AnnotationCommand::Undo);
    assert!(s.atlas.get(&id).is_some_and(|f| !f.hidden));
    apply(&mut s, AnnotationCommand::StartZone);
    apply(&mut s, AnnotationCommand::AddCorner(c(0.0, 0.0)));
    apply(&mut s, AnnotationCommand::CancelZone);
    assert!(s.drawing.is_none() && s.annotations().zones.len() == 1);
}

#[test]
fn a_note_does_not_redraw_the_map_but_a_new_marker_does() {
    let mut s = state();
    let generation = s.layer_generation;
    apply(
        &mut s,
        AnnotationCommand::SetNote {
            id: FeatureId("country:ML".into()),
            annotation: note("Check"),
        },
    );
    assert_eq!(s.layer_generation, generation, "shapes unchanged");
    apply(
        &mut s,
        AnnotationCommand::AddMarker {
            name: "Camp".into(),
            at: LonLat {
                lon: 1.0,
                lat: 15.0,
            },
        },
    );
    assert!(s.layer_generation > generation, "a new marker is drawn");
    let generation = s.layer_generation;
    apply(
        &mut s,
        AnnotationCommand::SetNote {
            id: FeatureId("user:marker:1".into()),
            annotation: note("Seen on Friday"),
        },
    );
    assert_eq!(s.layer_generation, generation, "a note on a marker neither");
}
