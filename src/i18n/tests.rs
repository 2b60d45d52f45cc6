use super::*;

/// The ids a catalogue defines, and its syntax errors.
fn ids(text: &str) -> (Vec<String>, usize) {
    let (resource, errors) = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => (r, 0),
        Err((r, e)) => (r, e.len()),
    };
    let ids = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    (ids, errors)
}

#[test]
fn both_catalogues_parse_and_have_the_same_unique_ids() {
    let (english, english_errors) = ids(ENGLISH_FTL);
    let (french, french_errors) = ids(FRENCH_FTL);
    assert_eq!((english_errors, french_errors), (0, 0), "syntax errors");
    for (name, list) in [("en", &english), ("fr", &french)] {
        let mut sorted = list.clone();
        sorted.sort();
        let before = sorted.len();
        sorted.dedup();
        assert_eq!(before, sorted.len(), "{name}.ftl repeats an id");
    }
    let missing_fr: Vec<_> = english.iter().filter(|id| !french.contains(id)).collect();
    let missing_en: Vec<_> = french.iter().filter(|id| !english.contains(id)).collect();
    assert!(missing_fr.is_empty(), "not in fr.ftl: {missing_fr:?}");
    assert!(missing_en.is_empty(), "not in en.ftl: {missing_en:?}");
}

/// Every `tr!("id"…)` in the sources names a
/// message of the catalogue.
#[test]
fn every_id_the_code_uses_exists() {
    let (english, _) = ids(ENGLISH_FTL);
    let mut missing = Vec::new();
    let mut used = 0;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let here = root.join("i18n");
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            // This folder names the macros in its own code and tests.
            if path.extension().is_none_or(|e| e != "rs") || path.starts_with(&here) {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            for (at, _) in source.match_indices("tr!(") {
                let rest = &source[at..];
                // The first string literal after the macro's name.
                let Some(open) = rest.find('"') else { continue };
                let rest = &rest[open + 1..];
                let Some(close) = rest.find('"') else {
                    continue;
                };
                let id = &rest[..close];
                if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    continue;
                }
                used += 1;
                if !english.iter().any(|e| e == id) {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
    }
    assert!(used > 0);
    assert!(missing.is_empty(), "ids not in the catalogue: {missing:#?}");
}

#[test]
fn plurals_follow_each_language() {
    let en = |n: usize| text_in(Language::English, "articles-count", &[("count", arg(n))]);
    let fr = |n: usize| text_in(Language::French, "articles-count", &[("count", arg(n))]);
    assert_eq!(en(1), "1 article");
    assert_eq!(en(0), "0 articles");
    assert_eq!(fr(0), "0 article");
    assert_eq!(fr(1), "1 article");
    assert_eq!(fr(2), "2 articles");
}

#[test]
fn a_missing_message_falls_back_to_english_then_to_its_id() {
    assert_eq!(
        text_in(Language::French, "no-such-message", &[]),
        "no-such-message"
    );
}

#[test]
fn a_thread_can_speak_its_own_language() {
    let speaker = std::thread::spawn(|| {
        set_thread_language(Some(Language::French));
        assert_eq!(current(), Language::French);
        assert_eq!(tr!("menu-file"), "Fichier");
        set_thread_language(Some(Language::English));
        assert_eq!(tr!("menu-file"), "File");
    });
    assert!(speaker.join().is_ok(), "the thread's assertions failed");
}

#[test]
fn locales_map_to_languages() {
    assert_eq!(Language::from_locale("fr_FR.UTF-8"), Language::French);
    assert_eq!(Language::from_locale("fr-CA"), Language::French);
    assert_eq!(Language::from_locale("en_GB"), Language::English);
    assert_eq!(Language::from_locale("de_DE"), Language::English);
    assert_eq!(Language::from_locale(""), Language::English);
}
