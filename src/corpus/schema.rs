//! The store's schema and its migrations: `PRAGMA user_version` says which
//! migrations a file has had; each runs once, in its own transaction.

use rusqlite::Connection;

/// Migration `i` brings a file from version `i` to `i + 1`.
const MIGRATIONS: [&str; 4] = [
    // 1: articles, their analysis, and the full-text index of their sentences.
    "CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        -- The short name the user sees (the file name), unique.
        name TEXT NOT NULL UNIQUE,
        -- corpus::TextHash of the body.
        text_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        date TEXT,
        language TEXT,
        body TEXT NOT NULL,
        -- The file it was read from, its modification time (ns) and size,
        -- so the articles folder is read again only where it changed.
        source_path TEXT,
        source_mtime_ns INTEGER,
        source_size INTEGER,
        -- corpus::ANALYSER_VERSION that made `analysis` (JSON).
        analyser TEXT NOT NULL,
        analysis TEXT NOT NULL,
        added_at_s INTEGER NOT NULL,
        -- Removed articles are kept (undo; a removed file is not re-read).
        removed INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    CREATE INDEX articles_source ON articles(source_path);
    -- Sentences for search: case- and accent-insensitive words (unicode61
    -- with diacritics removed reads English and French alike).
    CREATE VIRTUAL TABLE sentences USING fts5(
        text,
        article UNINDEXED,
        start UNINDEXED,
        end UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    );",
    // 2: feed subscriptions, and the items of each already taken (so a
    // refresh fetches only new ones).
    "CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added_at_s INTEGER NOT NULL,
        refreshed_at_s INTEGER,
        -- What went wrong at the last refresh, in words; NULL if it worked.
        error TEXT,
        -- Items new at the last refresh.
        new_items INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_items (
        feed INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        -- The item's id in the feed, else its link.
        item TEXT NOT NULL,
        seen_at_s INTEGER NOT NULL,
        PRIMARY KEY (feed, item)
    ) WITHOUT ROWID;",
    // 3: the user's corrections of the geoparser (corpus::corrections),
    // kept apart from the analysis so a re-analysis does not lose them.
    "CREATE TABLE corrections (
        article INTEGER NOT NULL REFERENCES articles(id),
        -- Char offsets of the words in the article's text.
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        -- The place (a PlaceMention as JSON), or NULL: not a place.
        place TEXT,
        made_at_s INTEGER NOT NULL,
        PRIMARY KEY (article, start, end)
    ) WITHOUT ROWID;",
    // 4: each sentence's rowid says its article (store::sentence_rowid:
    // article << 20 | index), so an article's sentences are deleted by a
    // rowid range; `article` is UNINDEXED, and deleting by it scanned the
    // whole index once per article (a re-analysis of 10,000 took minutes).
    "CREATE VIRTUAL TABLE sentences_by_article USING fts5(
        text,
        article UNINDEXED,
        start UNINDEXED,
        end UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO sentences_by_article (rowid, text, article, start, end)
        SELECT (article << 20)
                   + (row_number() OVER (PARTITION BY article ORDER BY rowid) - 1),
               text, article, start, end
        FROM sentences;
    DROP TABLE sentences;
    ALTER TABLE sentences_by_article RENAME TO sentences;",
];

/// The schema version this build writes.
#[allow(clippy::cast_possible_wrap, reason = "a handful of migrations")]
pub const CURRENT: i64 = MIGRATIONS.len() as i64;

/// What a file's version says.
#[derive(Debug, PartialEq, Eq)]
pub enum Migrated {
    /// Up to date (after running the migrations it lacked).
    Current,
    /// Written by a newer Dispatch Atlas: left untouched.
    Newer(i64),
}

/// Runs the migrations `connection` lacks.
pub fn migrate(connection: &mut Connection) -> rusqlite::Result<Migrated> {
    let version: i64 = connection.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > CURRENT {
        return Ok(Migrated::Newer(version));
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        let tx = connection.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(i + 1).unwrap_or(i64::MAX),
        )?;
        tx.commit()?;
    }
    Ok(Migrated::Current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_a_newer_file_is_left_alone() -> rusqlite::Result<()> {
        let mut c = Connection::open_in_memory()?;
        assert_eq!(migrate(&mut c)?, Migrated::Current);
        assert_eq!(migrate(&mut c)?, Migrated::Current, "second run is a no-op");
        let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        assert_eq!(v, CURRENT);
        c.pragma_update(None, "user_version", CURRENT + 1)?;
        assert_eq!(migrate(&mut c)?, Migrated::Newer(CURRENT + 1));
        Ok(())
    }

    #[test]
    fn sentences_indexed_before_version_4_get_their_articles_rowids() -> rusqlite::Result<()> {
        let mut c = Connection::open_in_memory()?;
        for sql in &MIGRATIONS[..3] {
            c.execute_batch(sql)?;
        }
        c.pragma_update(None, "user_version", 3)?;
        // Rowids as SQLite gave them: interleaved between articles.
        for (rowid, text, article) in [
            (7, "Troops left Gao.", 1),
            (8, "Fighting near Ménaka.", 2),
            (9, "Convoy reached Kidal.", 1),
        ] {
            c.execute(
                "INSERT INTO sentences (rowid, text, article, start, end) VALUES (?1, ?2, ?3, 0, 1)",
                rusqlite::params![rowid, text, article],
            )?;
        }
        assert_eq!(migrate(&mut c)?, Migrated::Current);
        let rows: Vec<(i64, i64)> = c
            .prepare("SELECT rowid, article FROM sentences ORDER BY rowid")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        assert_eq!(rows, [(1 << 20, 1), ((1 << 20) + 1, 1), (2 << 20, 2)]);
        let found: i64 = c.query_row(
            "SELECT article FROM sentences WHERE sentences MATCH 'menaka'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(found, 2, "still searchable, accents folded");
        Ok(())
    }
}
