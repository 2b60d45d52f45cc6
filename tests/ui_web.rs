//! Articles from the web in the window, driven through AccessKit as a user
//! would: a feed subscribed in the Feeds window and a link added, both
//! served from the loopback interface; an article pasted and confirmed.

mod common;

use common::http::{Reply, Server, rss};
use common::{app_with_articles, wait_while};
use dispatch_atlas::state::Command;
use dispatch_atlas::state::web::WebCommand;
use dispatch_atlas::ui::DispatchAtlasApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const FR: &str = include_str!("fixtures/pages/fr-news.html");
const EN: &str = include_str!("fixtures/pages/en-news.html");

fn titles(harness: &Harness<'_, DispatchAtlasApp>) -> Vec<String> {
    harness
        .state()
        .state()
        .map(|s| {
            s.corpus
                .articles()
                .iter()
                .map(|a| a.article.title.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn settle(harness: &mut Harness<'_, DispatchAtlasApp>) {
    wait_while(harness, "web work still under way", |app| {
        app.is_reading() || app.is_running_jobs()
    });
}

#[test]
fn a_feed_subscribed_in_the_feeds_window_brings_its_articles() {
    let server = Server::start();
    server.route("/news/gao", Reply::Ok("text/html", EN.into()));
    let feed = server.route(
        "/feed.xml",
        Reply::Ok(
            "application/rss+xml",
            rss(&[
                r"<item><title>Troops withdraw</title><link>/news/gao</link><guid>1</guid></item>",
            ]),
        ),
    );
    let mut harness = app_with_articles();
    harness.get_by_label("Articles").click();
    harness.run();
    harness.get_by_label("Feeds…").click();
    harness.run();
    harness.get_by_label("No subscriptions yet. Paste a feed's address above, or import an OPML list from a feed reader below.");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Feed address");
    field.focus();
    field.type_text(&feed);
    harness.run();
    harness.get_by_label("Subscribe").click();
    harness.run();
    settle(&mut harness);
    assert!(
        titles(&harness).contains(&"Troops withdraw from base near Gao".to_owned()),
        "{:?}",
        titles(&harness)
    );
    harness.get_by_label("Sahel Monitor");
    harness.get_by_label_contains("1 item taken");
    // Unsubscribing empties the list (the article stays).
    harness.get_by_label("Unsubscribe").click();
    harness.run();
    settle(&mut harness);
    assert!(harness.query_by_label("Sahel Monitor").is_none());
    assert!(titles(&harness).contains(&"Troops withdraw from base near Gao".to_owned()));
}

#[test]
fn a_link_added_with_ctrl_l_is_fetched_and_a_bad_one_explained() {
    let server = Server::start();
    let page = server.route("/fr", Reply::Ok("text/html; charset=utf-8", FR.into()));
    let mut harness = app_with_articles();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Links");
    field.focus();
    field.type_text(&format!("{page}\n{}", server.url("/missing")));
    harness.run();
    harness.get_by_label("Fetch").click();
    harness.run();
    settle(&mut harness);
    assert!(
        titles(&harness)
            .contains(&"Mali : une attaque contre un camp militaire près de Ménaka".to_owned())
    );
    harness.get_by_label_contains("the server answered 404");
}

#[test]
fn a_pasted_page_is_confirmed_in_a_form_then_stored() {
    let mut harness = app_with_articles();
    harness.state_mut().apply(Command::Web(WebCommand::Paste {
        html: Some(EN.to_owned()),
        text: None,
    }));
    harness.run();
    settle(&mut harness);
    let title = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title");
    assert_eq!(
        title.value().as_deref(),
        Some("Troops withdraw from base near Gao")
    );
    let outlet = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Outlet");
    assert_eq!(outlet.value().as_deref(), Some("Sahel Monitor"));
    let date = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date");
    date.focus();
    harness.run();
    for _ in 0..12 {
        harness.key_press(Key::Backspace);
    }
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Date")
        .type_text("2023-11-03");
    harness.run();
    harness.get_by_label("Add article").click();
    harness.run();
    settle(&mut harness);
    let stored = harness.state().state().and_then(|s| {
        s.corpus
            .articles()
            .iter()
            .find(|a| a.article.title == "Troops withdraw from base near Gao")
            .map(|a| a.article.date.clone())
    });
    assert_eq!(stored, Some(Some("2023-11-03".to_owned())));
    assert!(
        harness.query_by_label("Add article").is_none(),
        "the form closed"
    );
}

#[test]
fn an_empty_clipboard_is_said_not_pasted() {
    let mut harness = app_with_articles();
    harness.state_mut().apply(Command::Web(WebCommand::Paste {
        html: None,
        text: Some("  ".into()),
    }));
    harness.run();
    harness.get_by_label_contains("The clipboard holds no text");
}

#[test]
fn reports_stored_since_the_last_visit_are_marked_new_in_the_dossier() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(64)
        .build_eframe(|cc| {
            let mut app = DispatchAtlasApp::new(cc);
            // The last visit was long ago: the reports read now are new.
            app.apply(Command::SetLastVisit(0));
            app.start_library(&cc.egui_ctx, Vec::new());
            app
        });
    common::in_english(&mut harness);
    settle(&mut harness);
    let new_features = harness
        .state()
        .state()
        .map_or(0, |s| s.new_mention_counts().len());
    assert!(new_features > 0, "badges of new reports are marked");
    common::click_place(
        &mut harness,
        dispatch_atlas::geometry::projection::LonLat {
            lon: 2.39609,
            lat: 15.91985,
        },
    );
    assert!(harness.query_all_by_label("NEW").count() >= 1);
}
