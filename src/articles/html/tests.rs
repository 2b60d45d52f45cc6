use super::*;

const FR: &str = include_str!("../../../tests/fixtures/pages/fr-news.html");
const EN: &str = include_str!("../../../tests/fixtures/pages/en-news.html");
const HOME: &str = include_str!("../../../tests/fixtures/pages/home-page.html");
const LOGIN: &str = include_str!("../../../tests/fixtures/pages/login-wall.html");

#[test]
fn a_french_page_gives_its_own_text_and_metadata() {
    let page = read_page(FR, Some("https://journal.example/afrique/2024/03/14/x"));
    assert_eq!(
        page.title.as_deref(),
        Some("Mali : une attaque contre un camp militaire près de Ménaka")
    );
    assert_eq!(page.outlet.as_deref(), Some("Le Journal du Sahel"));
    assert_eq!(page.date.as_deref(), Some("2024-03-14"));
    assert_eq!(page.language.as_deref(), Some("fr"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://journal.example/afrique/2024/03/14/mali-attaque-menaka")
    );
    assert!(!page.not_an_article);
    let text = &page.text;
    assert!(text.starts_with("Un camp de l’armée malienne"), "{text}");
    assert!(
        text.contains("« trois frontières »"),
        "entities decoded: {text}"
    );
    assert!(text.contains("des opérations de ratissage sont en cours"));
    assert_eq!(text.matches("\n\n").count(), 3, "four paragraphs: {text}");
    for junk in [
        "5100",
        "20170113033838",
        "Ménaka 43",
        "Accueil",
        "Partager",
        "À lire aussi",
        "Tillabéri",
        "Tombouctou",
        "droits réservés",
        "Se connecter",
    ] {
        assert!(!text.contains(junk), "{junk:?} kept in {text}");
    }
}

#[test]
fn an_english_page_without_json_ld_uses_its_metas_and_time_element() {
    let page = read_page(EN, None);
    assert_eq!(
        page.title.as_deref(),
        Some("Troops withdraw from base near Gao")
    );
    assert_eq!(page.outlet.as_deref(), Some("Sahel Monitor"));
    assert_eq!(page.date.as_deref(), Some("2023-11-02"));
    assert_eq!(page.language.as_deref(), Some("en"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.sahelmonitor.example/news/troops-withdraw-gao")
    );
    assert!(
        page.text.starts_with("The last foreign troops"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("“We do not know who will protect the roads now,”")
    );
    for junk in [
        "MILLIS",
        "4408996",
        "Timbuktu 77",
        "cookies",
        "Most read",
        "Mopti",
        "Share this story",
        "Privacy",
    ] {
        assert!(!page.text.contains(junk), "{junk:?} kept in {}", page.text);
    }
}

#[test]
fn home_pages_and_login_walls_are_not_articles() {
    for html in [HOME, LOGIN] {
        let page = read_page(html, None);
        assert!(page.not_an_article, "{page:?}");
    }
    // Their text is still there: a file the user chose is not stored empty.
    let home = read_page(HOME, None);
    assert!(
        home.text
            .contains("Floods in Mopti leave thousands homeless"),
        "{}",
        home.text
    );
    let visible = visible_text(
        "<html><head><title>t</title><script>x=1</script></head><body><nav>Menu</nav><ul><li>Gao: curfew</li></ul><footer>(c)</footer></body></html>",
    );
    assert_eq!(visible, "Gao: curfew");
}

#[test]
fn dates_are_read_in_the_formats_pages_and_feeds_use() {
    for (given, want) in [
        ("2024-05-03T09:00:00Z", Some("2024-05-03")),
        ("2024/05/03", Some("2024-05-03")),
        ("Fri, 03 May 2024 09:00:00 GMT", Some("2024-05-03")),
        ("3 May 2024", Some("2024-05-03")),
        ("2024-13-03", None),
        ("yesterday", None),
        ("", None),
    ] {
        assert_eq!(date_from_str(given).as_deref(), want, "{given}");
    }
}

#[test]
fn relative_links_are_made_absolute_only_against_a_known_page() {
    assert_eq!(
        absolute("/a/b", Some("https://x.example/c/d")).as_deref(),
        Some("https://x.example/a/b")
    );
    assert_eq!(
        absolute("e", Some("https://x.example/c/d")).as_deref(),
        Some("https://x.example/c/e")
    );
    assert_eq!(
        absolute("//y.example/f", Some("http://x.example/")).as_deref(),
        Some("http://y.example/f")
    );
    assert_eq!(absolute("/a", None), None);
    assert_eq!(
        absolute("https://z.example/", None).as_deref(),
        Some("https://z.example/")
    );
}

#[test]
fn fragments_keep_their_text_without_scripts() {
    let text = fragment_text(
        "<p>Attack in <b>Gao</b> &amp; Ménaka.</p><script>var x = 1;</script><p>Second.</p>",
    );
    assert_eq!(text, "Attack in Gao & Ménaka.\n\nSecond.");
}

#[test]
fn broken_markup_does_not_panic() {
    for html in [
        "",
        "<",
        "&",
        "<p",
        "&#xZZ;",
        "<script>",
        "a &amp b",
        "<<>>",
        "&#1114112;",
        "<html lang=\"\"><meta property=\"article:published_time\" content=\"9999\">",
    ] {
        let _ = read_page(html, Some("https://x.example/"));
        let _ = read_page(html, Some("not a url"));
        let _ = fragment_text(html);
    }
}
