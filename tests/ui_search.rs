//! Search (Ctrl+K) in the real app: the library's worker answers from its
//! store, a result opens its article, and the map can be filtered to the
//! matching articles.

mod common;

use common::{app_with_articles, wait_while};
use dispatch_atlas::atlas::FeatureId;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

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

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    // The field has the keyboard as the window opens; accents and case do not matter.
    harness.get_by_label("Words").type_text("HELICOPTERE");
    harness.run();
    wait_while(&mut harness, "no answer", |app| {
        app.state().is_some_and(|s| s.search().is_waiting())
    });
    // "helicoptere" is not a word of the seeds; the prefix of the last word is.
    let answer = harness
        .state()
        .state()
        .and_then(|s| s.search().answer().map(|a| a.hits.len()));
    assert_eq!(answer, Some(0), "no sentence has the word 'helicoptere'");

    for _ in 0.."HELICOPTERE".len() {
        harness.key_press(Key::Backspace);
    }
    harness.get_by_label("Words").type_text("Helico");
    harness.run();
    wait_while(&mut harness, "no answer", |app| {
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
