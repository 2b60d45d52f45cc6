//! Articles from the web, against a server on the loopback interface: pages,
//! feeds and every failure the user must have explained.

mod common;

use std::time::Duration;

use common::http::{Reply, Server, rss};
use dispatch_atlas::library::{GazetteerSource, Job, Library, LibraryEvent};
use dispatch_atlas::web::fetch::{FetchError, FetchLimits, fetch};
use dispatch_atlas::web::fetch_article;

const FR: &str = include_str!("fixtures/pages/fr-news.html");
const EN: &str = include_str!("fixtures/pages/en-news.html");
const HOME: &str = include_str!("fixtures/pages/home-page.html");

fn quick() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
        max_bytes: 1024 * 1024,
        max_redirects: 5,
    }
}

#[test]
fn a_page_is_read_with_its_metadata_and_relative_canonical_link() {
    let server = Server::start();
    let url = server.route(
        "/afrique/x.html",
        Reply::Ok("text/html; charset=utf-8", FR.into()),
    );
    let loaded = fetch_article(&url, &quick()).unwrap_or_else(|e| panic!("{e}"));
    let a = &loaded.article;
    assert_eq!(a.outlet.as_deref(), Some("Le Journal du Sahel"));
    assert_eq!(a.date.as_deref(), Some("2024-03-14"));
    assert_eq!(
        a.url.as_deref(),
        Some(
            server
                .url("/afrique/2024/03/14/mali-attaque-menaka")
                .as_str()
        )
    );
    assert!(a.body.contains("trois frontières"));
    assert!(!a.body.contains("5100"));
}

#[test]
fn a_latin1_page_is_decoded_by_its_header() {
    let server = Server::start();
    let body = encoding_rs::WINDOWS_1252
        .encode(&FR.replace("<meta charset=\"utf-8\">", ""))
        .0
        .into_owned();
    let url = server.route("/latin1", Reply::Ok("text/html; charset=ISO-8859-1", body));
    let loaded = fetch_article(&url, &quick()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        loaded.article.body.contains("Ménaka"),
        "{}",
        loaded.article.body
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.contains("windows-1252") && w.contains("Content-Type")),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn every_failure_is_explained_in_words() {
    let server = Server::start();
    server.route("/loop", Reply::Redirect("/loop".into()));
    server.route("/hang", Reply::Hang);
    server.route("/huge", Reply::Huge(3 * 1024 * 1024));
    server.route(
        "/image",
        Reply::Ok("image/png", vec![0x89, b'P', b'N', b'G']),
    );
    server.route("/home", Reply::Ok("text/html", HOME.into()));
    server.route("/gone", Reply::Status(410));
    server.route("/to-file", Reply::Redirect("file:///etc/passwd".into()));
    let limits = quick();
    let error = |path: &str| {
        fetch_article(&server.url(path), &limits)
            .err()
            .unwrap_or_else(|| panic!("{path} fetched"))
    };
    assert!(matches!(
        error("/missing"),
        FetchError::Status { status: 404, .. }
    ));
    assert!(error("/missing").to_string().contains("404 (not found"));
    assert!(matches!(
        error("/gone"),
        FetchError::Status { status: 410, .. }
    ));
    assert!(matches!(
        error("/loop"),
        FetchError::TooManyRedirects { limit: 5, .. }
    ));
    let started = std::time::Instant::now();
    assert!(
        matches!(error("/hang"), FetchError::Timeout { .. }),
        "{}",
        error("/hang")
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(matches!(
        error("/huge"),
        FetchError::TooLarge { limit_mb: 1, .. }
    ));
    assert!(matches!(error("/image"), FetchError::WrongType { .. }));
    assert!(matches!(error("/home"), FetchError::NotAnArticle { .. }));
    assert!(
        error("/to-file")
            .to_string()
            .contains(&server.url("/to-file"))
    );
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap_or_else(|e| panic!("{e}"));
    let refused = fetch(&format!("http://{closed}/"), &limits).err();
    assert!(
        matches!(refused, Some(FetchError::NoConnection { .. })),
        "{refused:?}"
    );
    assert!(matches!(
        fetch("ftp://127.0.0.1/", &limits),
        Err(FetchError::NotHttp { .. })
    ));
}

/// Runs jobs on a library with its store in memory until all are done.
fn run(jobs: Vec<Job>) -> (Library, Vec<LibraryEvent>) {
    let zones = dispatch_atlas::atlas::Atlas::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .zone_names();
    let library = Library::start(GazetteerSource::Load(zones), None, None, || {});
    for job in jobs {
        library.submit(job);
    }
    let events = drain(&library);
    (library, events)
}

fn drain(library: &Library) -> Vec<LibraryEvent> {
    let mut events = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_mins(1);
    while library.is_busy() && std::time::Instant::now() < deadline {
        events.extend(library.poll(usize::MAX));
        std::thread::sleep(Duration::from_millis(5));
    }
    events.extend(library.poll(usize::MAX));
    assert!(!library.is_busy(), "the library did not finish");
    events
}

fn titles(events: &[LibraryEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            LibraryEvent::Analysed(a) => Some(a.article.title.clone()),
            _ => None,
        })
        .collect()
}

fn messages(events: &[LibraryEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            LibraryEvent::Warning(m) | LibraryEvent::Failed(m) => Some(m.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn links_are_fetched_analysed_and_stored_once() {
    let server = Server::start();
    let en = server.route("/news/gao", Reply::Ok("text/html", EN.into()));
    let missing = server.url("/nope");
    let (library, events) = run(vec![Job::Fetch(vec![
        en.clone(),
        missing,
        "not a link".into(),
    ])]);
    assert_eq!(titles(&events), ["Troops withdraw from base near Gao"]);
    let said = messages(&events);
    assert!(
        said.iter()
            .any(|m| m.contains("/nope: the server answered 404")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|m| m.contains("not a link: not a valid link")),
        "{said:?}"
    );
    // The same page again (its canonical URL is stored): one article.
    library.submit(Job::Fetch(vec![en]));
    let again = drain(&library);
    assert!(titles(&again).len() <= 1);
}

#[test]
fn feeds_bring_new_items_once_and_say_what_went_wrong() {
    let server = Server::start();
    server.route("/news/gao", Reply::Ok("text/html", EN.into()));
    // Item 2's page is gone: the feed's own text is kept. Item 3 has no link.
    let item1 = r"<item><title>Troops withdraw</title><link>/news/gao</link><guid>1</guid><pubDate>Thu, 02 Nov 2023 10:00:00 GMT</pubDate></item>";
    let item2 = r"<item><title>Attack near Ménaka</title><link>/news/gone</link><guid>2</guid><description>&lt;p&gt;Twelve soldiers were killed near Ménaka on Tuesday, the army said.&lt;/p&gt;</description></item>";
    let item3 = r"<item><title>Flooding in Niamey</title><guid>3</guid><description>Floods in Niamey left 3,000 people homeless.</description></item>";
    let feed = server.route(
        "/feed.xml",
        Reply::Ok("application/rss+xml", rss(&[item1, item2, item3])),
    );
    let broken = server.route(
        "/broken.xml",
        Reply::Ok(
            "application/rss+xml",
            b"<rss><channel><item><title>x".to_vec(),
        ),
    );
    let (library, events) = run(vec![Job::AddFeeds(vec![
        (feed.clone(), None),
        (broken, None),
    ])]);
    let mut got = titles(&events);
    got.sort();
    assert_eq!(
        got,
        [
            "Attack near Ménaka",
            "Flooding in Niamey",
            "Troops withdraw from base near Gao"
        ]
    );
    let said = messages(&events);
    assert!(
        said.iter()
            .any(|m| m.contains("/news/gone") && m.contains("feed's own text")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|m| m.contains("broken.xml") && m.contains("not a feed")),
        "{said:?}"
    );
    let feeds = events
        .iter()
        .rev()
        .find_map(|e| match e {
            LibraryEvent::Feeds(f) => Some(f.clone()),
            _ => None,
        })
        .unwrap_or_default();
    assert_eq!(feeds.len(), 2);
    assert_eq!(feeds[0].title.as_deref(), Some("Sahel Monitor"));
    assert_eq!(
        (feeds[0].items, feeds[0].new_items, feeds[0].error.clone()),
        (3, 3, None)
    );
    assert!(
        feeds[1]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("not a feed"))
    );
    let gao_fetches = server.hits("/news/gao");

    // A new item appears: only it is fetched at the next refresh.
    let item4 =
        r"<item><title>Convoy attacked</title><link>/news/convoy</link><guid>4</guid></item>";
    server.route("/news/convoy", Reply::Ok("text/html", FR.into()));
    server.route(
        "/feed.xml",
        Reply::Ok("application/rss+xml", rss(&[item4, item1, item2, item3])),
    );
    library.submit(Job::RefreshFeeds(None));
    let events = drain(&library);
    assert_eq!(
        titles(&events),
        ["Mali : une attaque contre un camp militaire près de Ménaka"]
    );
    assert_eq!(
        server.hits("/news/gao"),
        gao_fetches,
        "old items are not fetched again"
    );
}

#[test]
fn a_page_or_a_file_link_given_as_a_feed_is_refused_in_words() {
    let server = Server::start();
    let page = server.route("/page", Reply::Ok("text/html", EN.into()));
    let (_library, events) = run(vec![Job::AddFeeds(vec![
        (page, None),
        ("file:///x".into(), None),
    ])]);
    let said = messages(&events);
    assert!(said.iter().any(|m| m.contains("not a feed")), "{said:?}");
    assert!(
        said.iter().any(|m| m.contains("only http:// and https://")),
        "{said:?}"
    );
}

use common::cli::run_with_data as cli;

struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("dispatch-atlas-web-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        Self(dir)
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn read_json_prints_one_object_per_input_as_the_app_would_store_it() {
    let server = Server::start();
    let url = server.route("/a", Reply::Ok("text/html", FR.into()));
    let scratch = Scratch::new("read");
    let latin1 = scratch.path("latin1.txt");
    std::fs::write(
        &latin1,
        encoding_rs::WINDOWS_1252
            .encode("title: Près de Ménaka\n\nDes soldats ont été tués près de Ménaka.")
            .0,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let missing = server.url("/missing");
    let (ok, stdout, stderr) = cli(&scratch.0, &["read", "--json", &url, &latin1, &missing]);
    assert!(!ok, "a failed input makes the exit status an error");
    assert!(stderr.contains("404"), "{stderr}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["file"], url.as_str());
    assert_eq!(
        lines[0]["title"],
        "Mali : une attaque contre un camp militaire près de Ménaka"
    );
    assert_eq!(lines[0]["outlet"], "Le Journal du Sahel");
    assert_eq!(lines[0]["date"], "2024-03-14");
    assert_eq!(lines[0]["language"], "fr");
    assert!(
        lines[0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Un camp de l’armée"))
    );
    assert_eq!(lines[0]["warnings"], serde_json::json!([]));
    assert_eq!(lines[1]["title"], "Près de Ménaka");
    assert_eq!(lines[1]["date"], serde_json::Value::Null);
    assert!(
        lines[1]["text"]
            .as_str()
            .is_some_and(|t| t.contains("tués près de Ménaka"))
    );
    assert!(
        lines[1]["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("windows-1252"))
    );
    assert_eq!(lines[2]["text"], "");
    assert!(
        lines[2]["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("404"))
    );
}

#[test]
fn corpus_add_url_and_feeds_commands_share_the_store() {
    let server = Server::start();
    let page = server.route("/news/gao", Reply::Ok("text/html", EN.into()));
    let item = r"<item><title>Attack</title><link>/news/fr</link><guid>fr</guid></item>";
    server.route("/news/fr", Reply::Ok("text/html", FR.into()));
    let feed = server.route("/feed.xml", Reply::Ok("application/rss+xml", rss(&[item])));
    let scratch = Scratch::new("feeds");
    let db = scratch.path("corpus.sqlite");
    let (ok, _, stderr) = cli(&scratch.0, &["corpus", "add", "--db", &db, &page]);
    assert!(ok, "{stderr}");
    let (ok, stdout, _) = cli(&scratch.0, &["corpus", "list", "--json", "--db", &db]);
    assert!(
        ok && stdout.contains("Troops withdraw from base near Gao"),
        "{stdout}"
    );

    let (ok, _, stderr) = cli(&scratch.0, &["feeds", "add", "--db", &db, &feed]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("1 new article(s)"), "{stderr}");
    let (ok, stdout, _) = cli(&scratch.0, &["feeds", "list", "--json", "--db", &db]);
    assert!(ok, "{stdout}");
    let list: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(list[0]["url"], feed.as_str());
    assert_eq!(list[0]["title"], "Sahel Monitor");
    assert_eq!(list[0]["items"], 1);
    let (ok, _, stderr) = cli(&scratch.0, &["feeds", "refresh", "--db", &db]);
    assert!(ok && stderr.contains("0 new article(s)"), "{stderr}");

    let opml = scratch.path("feeds.opml");
    let (ok, _, stderr) = cli(&scratch.0, &["feeds", "export", "--db", &db, &opml]);
    assert!(ok, "{stderr}");
    let (ok, _, stderr) = cli(&scratch.0, &["feeds", "remove", "--db", &db, "1"]);
    assert!(ok, "{stderr}");
    let (_, stdout, _) = cli(&scratch.0, &["feeds", "list", "--db", &db]);
    assert!(stdout.trim().is_empty(), "{stdout}");
    let (ok, _, stderr) = cli(&scratch.0, &["feeds", "import", "--db", &db, &opml]);
    assert!(ok, "{stderr}");
    let (_, stdout, _) = cli(&scratch.0, &["feeds", "list", "--db", &db]);
    assert!(stdout.contains(&feed), "{stdout}");
    let (ok, _, stderr) = cli(&scratch.0, &["feeds", "remove", "--db", &db, "99"]);
    assert!(!ok && stderr.contains("no feed \"99\""), "{stderr}");
}

#[test]
fn refreshes_asked_for_during_a_refresh_wait_for_it_and_all_finish() {
    let server = Server::start();
    server.route("/news/gao", Reply::Ok("text/html", EN.into()));
    let feed = server.route(
        "/feed.xml",
        Reply::Ok(
            "application/rss+xml",
            rss(&[r"<item><title>T</title><link>/news/gao</link><guid>1</guid></item>"]),
        ),
    );
    // Three jobs at once: the two refreshes queue behind the subscription's.
    let (library, events) = run(vec![
        Job::AddFeeds(vec![(feed, None)]),
        Job::RefreshFeeds(None),
        Job::RefreshFeeds(None),
    ]);
    assert!(!library.is_busy());
    assert_eq!(titles(&events), ["Troops withdraw from base near Gao"]);
}
