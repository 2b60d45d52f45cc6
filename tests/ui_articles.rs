//! The app with its articles read (on the background worker, as in real use):
//! dossiers in the side panel, the article window, places clicked in the text.

use std::time::{Duration, Instant};

mod common;

use common::{app_with_articles, click_place};
use dispatch_atlas::atlas::FeatureId;
use dispatch_atlas::geometry::projection::LonLat;
use dispatch_atlas::ui::side_panel;
use egui_kittest::kittest::Queryable;

#[test]
fn clicking_menaka_shows_its_reports_with_source_and_excerpts() {
    let mut harness = app_with_articles();
    assert_eq!(harness.state().state().map(|s| s.corpus.len()), Some(2));
    click_place(
        &mut harness,
        LonLat {
            lon: 2.39609,
            lat: 15.91985,
        },
    );
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label("Reports (3 mentions in 2 articles)");
    // The title heads its excerpts and names the article in the figures table.
    assert!(
        panel
            .query_all_by_label("French Foreign legion soldier killed in action in Mali")
            .count()
            >= 1
    );
    panel.get_by_label_contains("International Insider");
    panel.get_by_label_contains(
        "Ménaka is a key strategic region bordering with Niger and Burkina Faso.",
    );
}

#[test]
fn the_zone_shows_menaka_and_gao_reports_and_corroborated_figures() {
    let mut harness = app_with_articles();
    click_place(
        &mut harness,
        LonLat {
            lon: 1.0,
            lat: 14.0,
        },
    );
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label("Three-borders zone");
    // Both reports, further down the panel.
    common::scroll_panel_to(&mut harness, "so-called three borders region");
    common::scroll_panel_to(
        &mut harness,
        "evacuated by helicopter to Gao in northern Mali",
    );
}

#[test]
fn a_place_clicked_in_an_article_is_selected_on_the_map() {
    let mut harness = app_with_articles();
    click_place(
        &mut harness,
        LonLat {
            lon: 2.39609,
            lat: 15.91985,
        },
    );
    harness
        .get_all_by_label("Open article")
        .next()
        .unwrap_or_else(|| panic!("an Open article button"))
        .click();
    harness.run();
    // The article window lists places as links; Niger is one of them.
    harness
        .get_all_by_label("Niger")
        .next()
        .unwrap_or_else(|| panic!("Niger in the article"))
        .click();
    harness.run();
    let selected = harness.state().state().and_then(|s| s.selected.clone());
    assert_eq!(selected, Some(FeatureId("country:NE".into())));
}

#[test]
fn articles_name_towns_that_become_markers() {
    let harness = app_with_articles();
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    let paris = state
        .atlas
        .get(&FeatureId("geonames:2988507".into()))
        .unwrap_or_else(|| panic!("Paris was added"));
    assert_eq!(paris.country.as_deref(), Some("FR"));
    assert!(
        state
            .mention_counts()
            .get(&FeatureId("country:ML".into()))
            .is_some_and(|&n| n >= 10)
    );
}

#[test]
fn articles_opened_later_are_read_and_counted() {
    let mut harness = app_with_articles();
    let dir = std::env::temp_dir().join(format!("dispatch-atlas-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("rfi-menaka.txt");
    std::fs::write(&path, "title: Attaque près de Ménaka\noutlet: RFI\n\nPlus de 20 soldats ont été tués près de Ménaka, au Mali.")
        .unwrap_or_else(|e| panic!("{e}"));
    let before = harness.state().state().and_then(|s| {
        s.mention_counts()
            .get(&FeatureId("geonames:2453514".into()))
            .copied()
    });
    harness
        .state_mut()
        .apply(dispatch_atlas::state::Command::OpenArticles(vec![path]));
    let deadline = Instant::now() + Duration::from_mins(1);
    loop {
        harness.step();
        let state = harness.state().state().unwrap_or_else(|| panic!("state"));
        if state.corpus.len() == 3 && !harness.state().is_reading() {
            break;
        }
        assert!(Instant::now() < deadline, "the opened article was not read");
        std::thread::sleep(Duration::from_millis(20));
    }
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    let after = state
        .mention_counts()
        .get(&FeatureId("geonames:2453514".into()))
        .copied();
    assert_eq!(
        after,
        before.map(|n| n + 1),
        "Ménaka's badge counts the new report"
    );
    let added = state
        .corpus
        .articles()
        .iter()
        .find(|a| a.article.id == "rfi-menaka.txt")
        .unwrap_or_else(|| panic!("read"));
    assert_eq!(added.article.outlet.as_deref(), Some("RFI"));
    assert_eq!(
        added
            .figures
            .first()
            .map(|f| (f.value, f.qualifier.clone())),
        Some((20.0, Some("plus de".to_owned())))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_restart_reads_the_store_and_only_new_files_of_the_folder() {
    let dir = std::env::temp_dir().join(format!("dispatch-atlas-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let db = dir.join("corpus.sqlite");
    let first = dir.join("kidal.txt");
    std::fs::write(&first, "title: Kidal\n\nFighting was reported near Kidal.")
        .unwrap_or_else(|e| panic!("{e}"));
    let kidal = FeatureId("geonames:2455290".into());
    {
        let harness = common::app_with_store(&db, vec![first.clone()]);
        let state = harness.state().state().unwrap_or_else(|| panic!("state"));
        assert_eq!(state.corpus.len(), 3, "the seeds and the folder's file");
    }
    let stored = dispatch_atlas::corpus::store::Store::open(&db)
        .and_then(|s| s.count())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stored, 3);

    // The file's text changed: read again as a new article; the old stays.
    let second = dir.join("menaka.txt");
    std::fs::write(&second, "title: Ménaka\n\nA convoy reached Ménaka.")
        .unwrap_or_else(|e| panic!("{e}"));
    let harness = common::app_with_store(&db, vec![first, second]);
    let state = harness.state().state().unwrap_or_else(|| panic!("state"));
    assert_eq!(state.corpus.len(), 4, "the stored three and the new file");
    assert!(state.corpus.get("kidal.txt").is_some());
    assert!(
        state.mention_counts().get(&kidal).is_some_and(|&n| n >= 1),
        "badges come back with the stored articles"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_dossier_is_filtered_by_words() {
    let mut harness = app_with_articles();
    let mali = harness
        .state()
        .state()
        .and_then(|s| s.atlas.find_by_name("Mali").map(|f| f.id.clone()))
        .unwrap_or_else(|| panic!("Mali"));
    harness
        .state_mut()
        .apply(dispatch_atlas::state::Command::Select(Some(mali)));
    harness.run();
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label_contains("in 2 articles)");
    harness.get_by_label("filter").click();
    harness.run();
    harness
        .get_by_label("filter")
        .type_text("internationalinsider nothing-like-this");
    harness.run();
    harness
        .get_by_label(&side_panel::accessible_name())
        .get_by_label("0 of 2 articles");
    for _ in 0.."internationalinsider nothing-like-this".len() {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run();
    // Words are matched without case or accents, in the title, outlet or text.
    harness.get_by_label("filter").type_text("TAKUBA élysée");
    harness.run();
    let name = side_panel::accessible_name();
    let panel = harness.get_by_label(&name);
    panel.get_by_label("1 of 2 articles");
    panel.get_by_label_contains("Second French soldier killed in Mali in three days");
}

#[test]
fn an_article_removed_leaves_the_map_and_the_store_and_undo_brings_it_back() {
    let dir = std::env::temp_dir().join(format!("dispatch-atlas-remove-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let db = dir.join("corpus.sqlite");
    let mut harness = common::app_with_store(&db, Vec::new());
    let menaka = FeatureId("geonames:2453514".into());
    let count = |h: &egui_kittest::Harness<'_, dispatch_atlas::ui::DispatchAtlasApp>| {
        h.state()
            .state()
            .and_then(|s| s.mention_counts().get(&menaka).copied())
            .unwrap_or_default()
    };
    let before = count(&harness);
    harness
        .state_mut()
        .apply(dispatch_atlas::state::Command::ShowArticle(Some(
            "001_second-soldier.txt".into(),
        )));
    harness.run();
    harness.get_by_label("Remove from the corpus").click();
    harness.run();
    common::wait_while(
        &mut harness,
        "removal not stored",
        dispatch_atlas::ui::DispatchAtlasApp::is_reading,
    );
    assert!(count(&harness) < before, "its mentions left the badges");
    let stored = || {
        dispatch_atlas::corpus::store::Store::open(&db)
            .and_then(|s| s.count())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(stored(), 1, "marked removed in the store");

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Undo remove article").click();
    harness.run();
    common::wait_while(
        &mut harness,
        "restore not stored",
        dispatch_atlas::ui::DispatchAtlasApp::is_reading,
    );
    assert_eq!(count(&harness), before);
    assert_eq!(stored(), 2);
    drop(harness);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Search (Ctrl+K): the library answers from its store; a result opens its
/// article; the map can be filtered to the matching articles.
#[test]
fn ctrl_k_finds_a_sentence_opens_its_article_and_filters_the_map() {
    let mut harness = app_with_articles();
    let menaka = FeatureId("geonames:2453514".into());
    let before = harness
        .state()
        .state()
        .and_then(|s| s.mention_counts().get(&menaka).copied())
        .unwrap_or_default();
    assert!(before >= 2, "both seeds name Ménaka: {before}");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    // The field has the keyboard as the window opens; accents and case do not matter.
    harness.get_by_label("Words").type_text("HELICOPTERE");
    harness.run();
    common::wait_while(&mut harness, "no answer", |app| {
        app.state().is_some_and(|s| s.search().is_waiting())
    });
    // "helicoptere" is not a word of the seeds; the prefix of the last word is.
    let answer = harness
        .state()
        .state()
        .and_then(|s| s.search().answer().map(|a| a.hits.len()));
    assert_eq!(answer, Some(0), "no sentence has the word 'helicoptere'");

    for _ in 0.."HELICOPTERE".len() {
        harness.key_press(egui::Key::Backspace);
    }
    harness.get_by_label("Words").type_text("Helico");
    harness.run();
    common::wait_while(&mut harness, "no answer", |app| {
        app.state().is_some_and(|s| s.search().is_waiting())
    });
    let sentence = harness.get_by_label_contains("evacuated by helicopter to Gao");
    sentence.click();
    harness.run();
    let shown = harness
        .state()
        .state()
        .and_then(|s| s.article_shown.clone());
    assert_eq!(shown.as_deref(), Some("001_second-soldier.txt"));

    harness
        .get_by_label("Filter the map to these articles")
        .click();
    harness.run();
    let filtered = harness
        .state()
        .state()
        .and_then(|s| s.mention_counts().get(&menaka).copied())
        .unwrap_or_default();
    assert!(
        filtered > 0 && filtered < before,
        "only the matching article counts: {filtered} of {before}"
    );
    harness.get_by_label("Show all articles").click();
    harness.run();
    let all = harness
        .state()
        .state()
        .and_then(|s| s.mention_counts().get(&menaka).copied())
        .unwrap_or_default();
    assert_eq!(all, before);
}

#[test]
fn an_export_runs_in_the_background_and_says_when_it_is_written() {
    let mut harness = app_with_articles();
    let dir = std::env::temp_dir().join(format!("dispatch-atlas-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("annotated.geojson");
    harness
        .state_mut()
        .apply(dispatch_atlas::state::Command::Annotation(
            dispatch_atlas::state::AnnotationCommand::Export(path.clone()),
        ));
    // One frame: the job starts; the status bar spins while it runs.
    harness.step();
    common::wait_while(
        &mut harness,
        "the export never finished",
        dispatch_atlas::ui::DispatchAtlasApp::is_running_jobs,
    );
    let status = harness.state().state().and_then(|s| s.status.clone());
    assert!(
        status
            .as_deref()
            .is_some_and(|s| s.starts_with("Exported ")),
        "{status:?}"
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains("evacuated by helicopter"),
        "the excerpts are in it"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A mention corrected from the article window: "not a place" takes it off
/// the badges and is stored, so a restart keeps it; undo brings it back.
#[test]
fn a_mention_corrected_in_the_article_is_stored_and_wins_after_a_restart() {
    let dir = std::env::temp_dir().join(format!("dispatch-atlas-correct-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let db = dir.join("corpus.sqlite");
    let niger = FeatureId("country:NE".into());
    let count = |h: &egui_kittest::Harness<'_, dispatch_atlas::ui::DispatchAtlasApp>| {
        h.state()
            .state()
            .and_then(|s| s.mention_counts().get(&niger).copied())
            .unwrap_or_default()
    };
    let mut harness = common::app_with_store(&db, Vec::new());
    let before = count(&harness);
    assert!(before > 0, "the reports name Niger");
    harness
        .state_mut()
        .apply(dispatch_atlas::state::Command::ShowArticle(Some(
            "001_second-soldier.txt".into(),
        )));
    harness.run();
    harness
        .get_all_by_label("Niger")
        .next()
        .unwrap_or_else(|| panic!("Niger in the article"))
        .click_secondary();
    harness.run();
    // The menu offers the other places of the name, and "not a place".
    harness.get_by_label("Niger — Region (admin-1), NG");
    harness.get_by_label("Not a place").click();
    harness.run();
    common::wait_while(
        &mut harness,
        "correction not stored",
        dispatch_atlas::ui::DispatchAtlasApp::is_reading,
    );
    assert_eq!(count(&harness), before - 1);
    drop(harness);

    // A restart reads the stored corpus with the correction applied.
    let mut harness = common::app_with_store(&db, Vec::new());
    assert_eq!(
        count(&harness),
        before - 1,
        "the correction wins after a restart"
    );
    harness
        .state_mut()
        .apply(dispatch_atlas::state::Command::Correction(
            dispatch_atlas::state::corrections::CorrectionCommand::Undo,
        ));
    harness.run();
    assert_eq!(
        count(&harness),
        before - 1,
        "undo is of this window's corrections only"
    );
    drop(harness);
    let _ = std::fs::remove_dir_all(&dir);
}
