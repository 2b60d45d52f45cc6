use super::*;
use crate::geoparse::gazetteer::embedded_for_tests as gazetteer;

fn analysed(id: &str, text: &str) -> AnalysedArticle {
    AnalysedArticle::new(gazetteer(), Article::parse(id, text))
}

fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dispatch-atlas-store-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("corpus.sqlite")
}

#[test]
fn an_article_is_stored_once_and_read_back_with_its_analysis() -> Result<(), StoreError> {
    let mut store = Store::in_memory()?;
    let a = analysed(
        "gao.txt",
        "title: Attack\nurl: https://example.org/a\n\nTwo soldiers were killed near Gao on Monday.",
    );
    let first = store.add(&a, None)?;
    assert!(matches!(first, Added::New(_)));
    assert_eq!(
        store.add(&a, None)?,
        Added::Existing(first.id()),
        "same text"
    );
    let same_url = analysed(
        "other.txt",
        "title: Attack, updated\nurl: https://example.org/a\n\nThree soldiers were killed near Gao.",
    );
    assert_eq!(
        store.add(&same_url, None)?,
        Added::Existing(first.id()),
        "same URL"
    );
    assert_eq!(store.count()?, 1);

    let mut loaded = Vec::new();
    store.load_each(|l| loaded.push(l))?;
    assert_eq!(loaded.len(), 1);
    assert!(loaded[0].current);
    let back = &loaded[0].analysed;
    // Read back with the time it entered the store; the rest as given.
    assert!(back.article.added_at_s.is_some_and(|t| t > 1_700_000_000));
    let mut expected = a.article.clone();
    expected.added_at_s = back.article.added_at_s;
    assert_eq!(back.article, expected);
    assert_eq!(back.places.len(), a.places.len());
    assert_eq!(back.places[0].gazetteer, a.places[0].gazetteer);
    assert_eq!(back.places[0].kind, a.places[0].kind);
    assert_eq!(back.figures, a.figures);
    assert_eq!(back.sentences, a.sentences);
    Ok(())
}

#[test]
fn a_name_taken_by_another_text_gets_the_hash() -> Result<(), StoreError> {
    let mut store = Store::in_memory()?;
    store.add(&analysed("a.txt", "Gao."), None)?;
    store.add(&analysed("a.txt", "Ménaka."), None)?;
    let names: Vec<String> = store.list()?.into_iter().map(|r| r.name).collect();
    assert_eq!(names.len(), 2);
    assert_eq!(names[0], "a.txt");
    assert!(names[1].starts_with("a.txt~"), "{names:?}");
    Ok(())
}

#[test]
fn removal_is_undone_by_restore_and_by_adding_again() -> Result<(), StoreError> {
    let mut store = Store::in_memory()?;
    let a = analysed("a.txt", "Soldiers arrived in Kidal.");
    let id = store.add(&a, None)?.id();
    assert!(store.remove(id)?);
    assert_eq!(store.count()?, 0);
    assert!(
        store.search("Kidal", 10)?.is_empty(),
        "removed articles are not found"
    );
    assert!(store.restore(id)?);
    assert_eq!(store.count()?, 1);
    store.remove(id)?;
    assert_eq!(store.add(&a, None)?, Added::Restored(id));
    assert!(!store.remove(ArticleId(999))?);
    Ok(())
}

#[test]
fn search_ignores_case_and_accents_in_both_languages() -> Result<(), StoreError> {
    let mut store = Store::in_memory()?;
    store.add(
        &analysed(
            "fr.txt",
            "title: Attaque\n\nUne attaque a visé les États-Unis. Le camp de Ménaka a été touché.",
        ),
        None,
    )?;
    store.add(&analysed("en.txt", "Troops left MENAKA on Friday."), None)?;
    let hits = store.search("menaka", 10)?;
    assert_eq!(hits.len(), 2, "{hits:?}");
    let fr = hits
        .iter()
        .find(|h| h.name == "fr.txt")
        .unwrap_or_else(|| panic!("{hits:?}"));
    assert_eq!(fr.text, "Le camp de Ménaka a été touché.");
    let body = "Une attaque a visé les États-Unis. Le camp de Ménaka a été touché.";
    let sentence: String = body
        .chars()
        .skip(fr.start)
        .take(fr.end - fr.start)
        .collect();
    assert_eq!(sentence, fr.text, "offsets are chars of the body");
    assert_eq!(store.search("etats unis", 10)?.len(), 1);
    let mut articles = store.search_articles("menaka")?;
    articles.sort();
    assert_eq!(articles, ["en.txt", "fr.txt"]);
    assert_eq!(
        store.search("tou", 10)?.len(),
        1,
        "the last word is a prefix"
    );
    assert!(
        store.search("\"NEAR(", 10)?.is_empty(),
        "syntax is not read as FTS5"
    );
    assert!(store.search("", 10)?.is_empty());
    Ok(())
}

#[test]
fn a_stale_analysis_is_reported_for_redoing() -> Result<(), StoreError> {
    let mut store = Store::in_memory()?;
    let a = analysed("a.txt", "Gao.");
    let id = store.add(&a, None)?.id();
    store
        .connection
        .execute("UPDATE articles SET analyser = 'old'", [])?;
    let mut current = Vec::new();
    store.load_each(|l| current.push(l.current))?;
    assert_eq!(current, [false]);
    store.update_analysis(id, &a)?;
    current.clear();
    store.load_each(|l| current.push(l.current))?;
    assert_eq!(current, [true]);
    assert_eq!(store.search("gao", 10)?.len(), 1, "sentences indexed once");
    // Redoing one article leaves another's sentences alone.
    let b = analysed("b.txt", "Kidal. Gao again.");
    let b_id = store.add(&b, None)?.id();
    store.update_analyses(&[(id, &a), (id, &a)])?;
    assert_eq!(store.search("gao", 10)?.len(), 2);
    assert_eq!(store.search("kidal", 10)?.len(), 1);
    store.update_analyses(&[(b_id, &b)])?;
    assert_eq!(store.search("gao", 10)?.len(), 2);
    Ok(())
}

#[test]
fn an_unchanged_source_file_is_known() -> Result<(), StoreError> {
    let mut store = Store::in_memory()?;
    let source = SourceFile {
        path: "/articles/a.txt".into(),
        mtime_ns: 5,
        size: 10,
    };
    store.add(&analysed("a.txt", "Gao."), Some(&source))?;
    assert!(store.has_unchanged(&source)?);
    assert!(!store.has_unchanged(&SourceFile {
        mtime_ns: 6,
        ..source.clone()
    })?);
    Ok(())
}

#[test]
fn a_damaged_file_is_moved_aside_and_a_fresh_store_started() -> Result<(), StoreError> {
    let path = temp_db("corrupt");
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).map_err(|source| {
        StoreError::Folder {
            path: path.clone(),
            source,
        }
    })?;
    let garbage =
        b"this is not an SQLite database, it is a text file of some length...".repeat(100);
    std::fs::write(&path, &garbage).map_err(|source| StoreError::Folder {
        path: path.clone(),
        source,
    })?;
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::Corrupt { .. })
    ));
    let (mut store, message) = Store::open_or_recover(&path)?;
    let message = message.unwrap_or_default();
    assert!(message.contains("moved to"), "{message}");
    assert_eq!(store.count()?, 0);
    store.add(&analysed("a.txt", "Gao."), None)?;
    let aside: Vec<PathBuf> = std::fs::read_dir(path.parent().unwrap_or(Path::new(".")))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    let kept = aside
        .iter()
        .find(|p| p.to_string_lossy().contains("unreadable"))
        .unwrap_or_else(|| panic!("{aside:?}"));
    assert_eq!(
        std::fs::read(kept).unwrap_or_default(),
        garbage,
        "never deleted"
    );
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

#[test]
fn a_full_disk_is_said_and_loses_nothing_stored() -> Result<(), StoreError> {
    let path = temp_db("full");
    let mut store = Store::open(&path)?;
    store.add(&analysed("a.txt", "Soldiers arrived in Gao."), None)?;
    let pages: i64 = store
        .connection
        .query_row("PRAGMA page_count", [], |r| r.get(0))?;
    store.limit_pages(pages)?;
    let big: String = "Troops moved from Gao to Kidal. ".repeat(3000);
    let err = store
        .add(&analysed("b.txt", &big), None)
        .err()
        .unwrap_or_else(|| panic!("the store is full"));
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().contains("disk is full"));
    drop(store);
    let store = Store::open(&path)?;
    assert_eq!(store.count()?, 1, "what was stored is still there");
    assert_eq!(store.search("gao", 10)?.len(), 1);
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

#[test]
fn a_newer_schema_is_left_untouched() -> Result<(), StoreError> {
    let path = temp_db("newer");
    let store = Store::open(&path)?;
    store
        .connection
        .pragma_update(None, "user_version", schema::CURRENT + 1)?;
    drop(store);
    assert!(matches!(Store::open(&path), Err(StoreError::Newer { .. })));
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

#[test]
fn a_locked_store_is_said_after_waiting() -> Result<(), StoreError> {
    let path = temp_db("locked");
    let mut writer = Store::open(&path)?;
    // Another process holds the write lock for longer than we wait.
    let lock = writer
        .connection
        .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    let mut other = Store::open(&path)?;
    other.connection.busy_timeout(Duration::from_millis(50))?;
    let err = other
        .add(&analysed("a.txt", "Gao."), None)
        .err()
        .unwrap_or_else(|| panic!("locked"));
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    drop(lock);
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

#[test]
fn a_correction_is_kept_apart_and_wins_at_every_reading() -> Result<(), StoreError> {
    use crate::corpus::corrections::Correction;
    let path = temp_db("corrections");
    let a = analysed(
        "chad.txt",
        "title: Talks\n\nChad will send troops to Niger, officials in Niamey said.",
    );
    let niger = a
        .places
        .iter()
        .find(|m| &*m.surface == "Niger")
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", a.places));
    let id = {
        let mut store = Store::open(&path)?;
        let id = store.add(&a, None)?.id();
        // "Niger" placed at Nigeria's Niger State; "Niamey" is not a place.
        let mut state = niger.clone();
        state.gazetteer = "geonames:2328925".into();
        state.name = "Niger State".into();
        assert!(store.set_correction(id, &Correction::of(&niger, Some(state)))?);
        let niamey = a.places.iter().find(|m| &*m.surface == "Niamey").cloned();
        let niamey = niamey.unwrap_or_else(|| panic!("{:?}", a.places));
        assert!(store.set_correction(id, &Correction::of(&niamey, None))?);
        assert!(
            !store.set_correction(ArticleId(id.0 + 99), &Correction::of(&niamey, None))?,
            "no such article"
        );
        id
    };
    // A restart reads the corrected analysis.
    let store = Store::open(&path)?;
    let back = store.load_one(id)?.unwrap_or_else(|| panic!("the article"));
    let surfaces: Vec<(&str, &str)> = back
        .places
        .iter()
        .map(|m| (&*m.surface, &*m.gazetteer))
        .collect();
    assert!(
        surfaces.contains(&("Niger", "geonames:2328925")),
        "{surfaces:?}"
    );
    assert!(surfaces.iter().all(|(s, _)| *s != "Niamey"), "{surfaces:?}");
    assert_eq!(store.corrections_of(id)?.len(), 2);
    // Forgetting one brings the parser's reading back.
    let mut store = store;
    store.clear_correction(id, niger.start, niger.end)?;
    let again = store.load_one(id)?.unwrap_or_else(|| panic!("the article"));
    assert!(
        again
            .places
            .iter()
            .any(|m| &*m.surface == "Niger" && m.gazetteer == niger.gazetteer)
    );
    Ok(())
}
