//! [`Store`]: the corpus in one `SQLite` file (WAL, so the window and the
//! command line can use it at once). Every write is one transaction: a crash
//! or a full disk loses at most the articles being written, never what was
//! stored before.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::schema::{self, Migrated};
use super::search::{SearchHit, fts_query};
use super::{ANALYSER_VERSION, ArticleId, TextHash};
use crate::articles::Article;
use crate::dossier::analysis::AnalysedArticle;
use crate::figures::Figure;
use crate::geoparse::PlaceMention;
use crate::text::sentences::Sentence;

/// The article with this text hash (?1) or URL (?2), and whether it was removed.
const FIND_BY_TEXT_OR_URL: &str = "SELECT id, removed FROM articles WHERE text_hash = ?1 OR (?2 IS NOT NULL AND url = ?2) LIMIT 1";

/// How long a write waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a Dispatch Atlas corpus, or damaged ({source})", path.display())]
    Corrupt {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{}: in use by another program (another Dispatch Atlas?) for more than {} s; try again when it is done", path.display(), BUSY_TIMEOUT.as_secs())]
    Locked { path: PathBuf },
    #[error("{}: written by a newer Dispatch Atlas (schema {found}, this one knows {known}); left untouched", path.display())]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "the disk is full: the article(s) being added were not stored; nothing stored before is lost"
    )]
    DiskFull,
    #[error("cannot create the corpus folder {}: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot move the damaged corpus {} aside: {source}", path.display())]
    MoveAside {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("stored analysis of article {id} is unreadable: {source}")]
    Analysis {
        id: ArticleId,
        #[source]
        source: serde_json::Error,
    },
    #[error("corpus database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// The error for `e` met on the file at `path`, sorted into what the
    /// user can act on.
    fn classify(path: &Path, e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                path: path.to_owned(),
                source: e,
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked {
                path: path.to_owned(),
            },
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            _ => Self::Sqlite(e),
        }
    }
}

/// The analysis as stored (JSON): what [`AnalysedArticle`] has besides the article.
#[derive(Serialize, Deserialize)]
struct StoredAnalysis {
    places: Vec<PlaceMention>,
    figures: Vec<Figure>,
    sentences: Vec<Sentence>,
}

/// Where an article was read from, to skip it next time if unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub mtime_ns: i64,
    pub size: i64,
}

impl SourceFile {
    /// The file's identity now, or `None` if it cannot be read.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Some(Self {
            path: path.to_owned(),
            mtime_ns,
            size: i64::try_from(meta.len()).unwrap_or(i64::MAX),
        })
    }
}

/// What adding an article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    New(ArticleId),
    /// The same text (or URL) was there already.
    Existing(ArticleId),
    /// The same text was there, removed; it is back.
    Restored(ArticleId),
}

impl Added {
    #[must_use]
    pub fn id(self) -> ArticleId {
        match self {
            Self::New(id) | Self::Existing(id) | Self::Restored(id) => id,
        }
    }
}

/// One line of `corpus list`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub name: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub source: Option<String>,
    /// Characters of text.
    pub chars: usize,
}

/// A stored article with its analysis, and whether that analysis is of
/// this build's analyser (else it should be redone).
pub struct Loaded {
    pub id: ArticleId,
    pub analysed: AnalysedArticle,
    pub current: bool,
}

/// The corpus store.
pub struct Store {
    connection: Connection,
    /// The file, or `None` in memory.
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

pub(crate) fn now_s() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

impl Store {
    /// Opens (or creates) the store at `path`, creating its folder.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                path: folder.to_owned(),
                source,
            })?;
        }
        let classify = |e| StoreError::classify(path, e);
        let mut connection = Connection::open(path).map_err(classify)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(classify)?;
        // WAL: readers (the command line) never block the window's writes;
        // NORMAL sync in WAL mode keeps every commit through a crash of the
        // app (only a power loss may take the last ones).
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(classify)?;
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(classify)?;
        match schema::migrate(&mut connection).map_err(classify)? {
            Migrated::Current => {}
            Migrated::Newer(found) => {
                return Err(StoreError::Newer {
                    path: path.to_owned(),
                    found,
                    known: schema::CURRENT,
                });
            }
        }
        Ok(Self {
            connection,
            path: Some(path.to_owned()),
        })
    }

    /// Opens the store at `path`; a damaged file is moved aside (never
    /// deleted) and a fresh store started, with a message saying where the
    /// old file went.
    pub fn open_or_recover(path: &Path) -> Result<(Self, Option<String>), StoreError> {
        match Self::open(path) {
            Err(StoreError::Corrupt { source, .. }) => {
                let aside = aside_path(path);
                std::fs::rename(path, &aside).map_err(|source| StoreError::MoveAside {
                    path: path.to_owned(),
                    source,
                })?;
                // The damaged file's journal belongs with it, not with the new store.
                for suffix in ["-wal", "-shm"] {
                    let mut from = path.as_os_str().to_owned();
                    from.push(suffix);
                    let mut to = aside.as_os_str().to_owned();
                    to.push(suffix);
                    let _ = std::fs::rename(&from, &to);
                }
                let store = Self::open(path)?;
                Ok((
                    store,
                    Some(format!(
                        "The article store {} could not be read ({source}); it was moved to {} and a new, empty store started.",
                        path.display(),
                        aside.display()
                    )),
                ))
            }
            other => other.map(|s| (s, None)),
        }
    }

    /// A store in memory (tests, or when the file cannot be opened).
    pub fn in_memory() -> Result<Self, StoreError> {
        let mut connection = Connection::open_in_memory()?;
        schema::migrate(&mut connection)?;
        Ok(Self {
            connection,
            path: None,
        })
    }

    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn classify(&self, e: rusqlite::Error) -> StoreError {
        StoreError::classify(self.path.as_deref().unwrap_or(Path::new(":memory:")), e)
    }

    /// The article with this text or URL, and whether it was removed.
    fn find(
        &self,
        hash: &TextHash,
        url: Option<&str>,
    ) -> Result<Option<(ArticleId, bool)>, StoreError> {
        self.connection
            .query_row(FIND_BY_TEXT_OR_URL, params![hash.0, url], |r| {
                Ok((ArticleId(r.get(0)?), r.get::<_, bool>(1)?))
            })
            .optional()
            .map_err(|e| self.classify(e))
    }

    /// Whether `source` is stored as read, unchanged since (the articles
    /// folder is not read again where this is true).
    pub fn has_unchanged(&self, source: &SourceFile) -> Result<bool, StoreError> {
        self.connection
            .query_row(
                "SELECT 1 FROM articles WHERE source_path = ?1 AND source_mtime_ns = ?2 AND source_size = ?3 LIMIT 1",
                params![source.path.to_string_lossy(), source.mtime_ns, source.size],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.classify(e))
    }

    /// Adds analysed articles in one transaction (all or none).
    pub fn add_all(
        &mut self,
        items: &[(&AnalysedArticle, Option<&SourceFile>)],
    ) -> Result<Vec<Added>, StoreError> {
        let path = self.path.clone();
        let classify =
            |e| StoreError::classify(path.as_deref().unwrap_or(Path::new(":memory:")), e);
        let tx = self.connection.transaction().map_err(classify)?;
        let mut out = Vec::with_capacity(items.len());
        for (analysed, source) in items {
            out.push(add_in(&tx, analysed, *source).map_err(classify)?);
        }
        tx.commit().map_err(classify)?;
        Ok(out)
    }

    /// Adds one analysed article.
    pub fn add(
        &mut self,
        analysed: &AnalysedArticle,
        source: Option<&SourceFile>,
    ) -> Result<Added, StoreError> {
        let added = self.add_all(&[(analysed, source)])?;
        Ok(added[0])
    }

    /// The stored id of the article with this text, if any (removed or not).
    pub fn id_of_text(&self, body: &str) -> Result<Option<ArticleId>, StoreError> {
        Ok(self.find(&TextHash::of(body), None)?.map(|(id, _)| id))
    }

    /// Marks an article removed; `false` if there is no such article.
    pub fn remove(&mut self, id: ArticleId) -> Result<bool, StoreError> {
        self.set_removed(id, true)
    }

    /// Brings a removed article back; `false` if there is no such article.
    pub fn restore(&mut self, id: ArticleId) -> Result<bool, StoreError> {
        self.set_removed(id, false)
    }

    fn set_removed(&mut self, id: ArticleId, removed: bool) -> Result<bool, StoreError> {
        self.connection
            .execute(
                "UPDATE articles SET removed = ?2 WHERE id = ?1",
                params![id.0, removed],
            )
            .map(|n| n > 0)
            .map_err(|e| self.classify(e))
    }

    /// The id of the article (not removed) with this short name or number.
    pub fn resolve(&self, name_or_id: &str) -> Result<Option<ArticleId>, StoreError> {
        self.resolve_where(name_or_id, "removed = 0 AND")
    }

    /// [`Store::resolve`], removed articles included (to restore one).
    pub fn resolve_any(&self, name_or_id: &str) -> Result<Option<ArticleId>, StoreError> {
        self.resolve_where(name_or_id, "")
    }

    fn resolve_where(
        &self,
        name_or_id: &str,
        filter: &str,
    ) -> Result<Option<ArticleId>, StoreError> {
        self.connection
            .query_row(
                &format!(
                    "SELECT id FROM articles WHERE {filter} (name = ?1 OR CAST(id AS TEXT) = ?1)
                     ORDER BY name = ?1 DESC LIMIT 1"
                ),
                params![name_or_id],
                |r| Ok(ArticleId(r.get(0)?)),
            )
            .optional()
            .map_err(|e| self.classify(e))
    }

    /// The short name of an article.
    pub fn name_of(&self, id: ArticleId) -> Result<Option<String>, StoreError> {
        self.connection
            .query_row(
                "SELECT name FROM articles WHERE id = ?1",
                params![id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.classify(e))
    }

    /// One article with its analysis (removed or not).
    pub fn load_one(&self, id: ArticleId) -> Result<Option<AnalysedArticle>, StoreError> {
        let mut found = None;
        self.load_where("id = ?1", params![id.0], |l| found = Some(l.analysed))?;
        Ok(found)
    }

    /// Every article not removed, oldest first.
    pub fn list(&self) -> Result<Vec<ArticleRow>, StoreError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT id, name, title, outlet, url, date, language, source_path, length(body)
                 FROM articles WHERE removed = 0 ORDER BY id",
            )
            .map_err(|e| self.classify(e))?;
        statement
            .query_map([], |r| {
                Ok(ArticleRow {
                    id: ArticleId(r.get(0)?),
                    name: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    url: r.get(4)?,
                    date: r.get(5)?,
                    language: r.get(6)?,
                    source: r.get(7)?,
                    chars: r.get::<_, i64>(8)?.try_into().unwrap_or(0),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.classify(e))
    }

    /// How many articles are stored (not removed).
    pub fn count(&self) -> Result<usize, StoreError> {
        self.connection
            .query_row("SELECT count(*) FROM articles WHERE removed = 0", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.classify(e))
    }

    /// Every article not removed with its analysis, oldest first, handed to
    /// `each` one at a time (the whole corpus is never built here twice).
    /// An unreadable analysis is reported as stale, to be redone.
    pub fn load_each(&self, each: impl FnMut(Loaded)) -> Result<(), StoreError> {
        self.load_where("removed = 0", [], each)
    }

    fn load_where(
        &self,
        filter: &str,
        parameters: impl rusqlite::Params,
        mut each: impl FnMut(Loaded),
    ) -> Result<(), StoreError> {
        let mut statement = self
            .connection
            .prepare(&format!(
                "SELECT id, name, title, outlet, url, date, language, body, analyser, analysis, added_at_s
                 FROM articles WHERE {filter} ORDER BY id"
            ))
            .map_err(|e| self.classify(e))?;
        // The user's corrections win over the stored analysis (a few rows:
        // read once, not per article).
        let corrections = self.corrections()?;
        let mut rows = statement.query(parameters).map_err(|e| self.classify(e))?;
        while let Some(r) = rows.next().map_err(|e| self.classify(e))? {
            let read = || -> rusqlite::Result<(ArticleId, Article, String, String)> {
                Ok((
                    ArticleId(r.get(0)?),
                    Article {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        outlet: r.get(3)?,
                        url: r.get(4)?,
                        date: r.get(5)?,
                        language: r.get(6)?,
                        body: r.get(7)?,
                        added_at_s: r.get(10)?,
                    },
                    r.get(8)?,
                    r.get(9)?,
                ))
            };
            let (id, article, analyser, analysis) = read().map_err(|e| self.classify(e))?;
            let stored: Option<StoredAnalysis> = serde_json::from_str(&analysis).ok();
            let current = analyser == ANALYSER_VERSION && stored.is_some();
            let mut stored = stored.unwrap_or(StoredAnalysis {
                places: Vec::new(),
                figures: Vec::new(),
                sentences: Vec::new(),
            });
            if let Some(corrections) = corrections.get(&id) {
                super::corrections::apply(&mut stored.places, corrections);
            }
            each(Loaded {
                id,
                analysed: AnalysedArticle::from_parts(
                    article,
                    stored.places,
                    stored.figures,
                    stored.sentences,
                ),
                current,
            });
        }
        Ok(())
    }

    /// Replaces an article's analysis with one redone by this build.
    pub fn update_analysis(
        &mut self,
        id: ArticleId,
        analysed: &AnalysedArticle,
    ) -> Result<(), StoreError> {
        self.update_analyses(&[(id, analysed)])
    }

    /// [`Store::update_analysis`] for many articles in one transaction (all
    /// or none): one commit, not one per article (10,000 commits, each
    /// waiting for the disk, took minutes).
    pub fn update_analyses(
        &mut self,
        items: &[(ArticleId, &AnalysedArticle)],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let classify =
            |e| StoreError::classify(path.as_deref().unwrap_or(Path::new(":memory:")), e);
        let tx = self.connection.transaction().map_err(classify)?;
        for (id, analysed) in items {
            tx.execute(
                "UPDATE articles SET analyser = ?2, analysis = ?3 WHERE id = ?1",
                params![id.0, ANALYSER_VERSION, analysis_json(analysed)],
            )
            .map_err(classify)?;
            let (first, last) = sentence_rowids(*id);
            tx.execute(
                "DELETE FROM sentences WHERE rowid BETWEEN ?1 AND ?2",
                params![first, last],
            )
            .map_err(classify)?;
            index_sentences(&tx, *id, analysed).map_err(classify)?;
        }
        tx.commit().map_err(classify)
    }

    /// Sentences that match what the user typed, best first.
    pub fn search(&self, typed: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT s.article, a.name, a.title, a.outlet, a.date, s.text, s.start, s.end
                 FROM sentences s JOIN articles a ON a.id = s.article
                 WHERE sentences MATCH ?1 AND a.removed = 0
                 ORDER BY s.rank LIMIT ?2",
            )
            .map_err(|e| self.classify(e))?;
        statement
            .query_map(
                params![query, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    Ok(SearchHit {
                        article: ArticleId(r.get(0)?),
                        name: r.get(1)?,
                        title: r.get(2)?,
                        outlet: r.get(3)?,
                        date: r.get(4)?,
                        text: r.get(5)?,
                        start: r.get::<_, i64>(6)?.try_into().unwrap_or(0),
                        end: r.get::<_, i64>(7)?.try_into().unwrap_or(0),
                    })
                },
            )
            .and_then(Iterator::collect)
            .map_err(|e| self.classify(e))
    }

    /// The short names of every article (not removed) with a sentence that
    /// matches what the user typed (to filter the map to them).
    pub fn search_articles(&self, typed: &str) -> Result<Vec<String>, StoreError> {
        let Some(query) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT DISTINCT a.name FROM sentences s JOIN articles a ON a.id = s.article
                 WHERE sentences MATCH ?1 AND a.removed = 0",
            )
            .map_err(|e| self.classify(e))?;
        statement
            .query_map(params![query], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.classify(e))
    }

    /// Limits the file's size (tests of a full disk).
    #[cfg(test)]
    fn limit_pages(&self, pages: i64) -> rusqlite::Result<()> {
        self.connection.pragma_update(None, "max_page_count", pages)
    }
}

/// `corpus.sqlite` → `corpus.unreadable-<seconds>.sqlite`, beside it.
fn aside_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "corpus".into(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    let mut n = now_s();
    loop {
        let candidate = path.with_file_name(format!("{stem}.unreadable-{n}{ext}"));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

fn analysis_json(analysed: &AnalysedArticle) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        places: &'a [PlaceMention],
        figures: &'a [Figure],
        sentences: &'a [Sentence],
    }
    // Plain data (strings, numbers): serialising it cannot fail.
    serde_json::to_string(&Borrowed {
        places: &analysed.places,
        figures: &analysed.figures,
        sentences: &analysed.sentences,
    })
    .unwrap_or_default()
}

/// Sentences an article may index: the rest of a longer text is not
/// searchable (a million sentences is far beyond any news article).
const SENTENCE_BITS: u32 = 20;

/// The first and last rowid of an article's sentences in the full-text index.
fn sentence_rowids(id: ArticleId) -> (i64, i64) {
    let first = id.0 << SENTENCE_BITS;
    (first, first + (1 << SENTENCE_BITS) - 1)
}

fn index_sentences(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    analysed: &AnalysedArticle,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO sentences (rowid, text, article, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let body = &analysed.article.body;
    // Byte offset of every char (and of the end): sentences are char ranges.
    let byte_at: Vec<usize> = body
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(body.len()))
        .collect();
    let (first, last) = sentence_rowids(id);
    for (rowid, s) in (first..=last).zip(&analysed.sentences) {
        let (Some(&from), Some(&to)) = (byte_at.get(s.start), byte_at.get(s.end)) else {
            continue; // not from this body's sentence splitter
        };
        if from > to {
            continue;
        }
        insert.execute(params![
            rowid,
            &body[from..to],
            id.0,
            i64::try_from(s.start).unwrap_or(i64::MAX),
            i64::try_from(s.end).unwrap_or(i64::MAX)
        ])?;
    }
    Ok(())
}

/// A short name not yet taken: the article's own, else with its hash.
fn free_name(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    hash: &TextHash,
) -> rusqlite::Result<String> {
    let taken = |n: &str| -> rusqlite::Result<bool> {
        tx.query_row("SELECT 1 FROM articles WHERE name = ?1", params![n], |_| {
            Ok(())
        })
        .optional()
        .map(|f| f.is_some())
    };
    if !taken(name)? {
        return Ok(name.to_owned());
    }
    let mut candidate = format!("{name}~{}", &hash.0[..8]);
    let mut n = 2;
    while taken(&candidate)? {
        candidate = format!("{name}~{}-{n}", &hash.0[..8]);
        n += 1;
    }
    Ok(candidate)
}

fn add_in(
    tx: &rusqlite::Transaction<'_>,
    analysed: &AnalysedArticle,
    source: Option<&SourceFile>,
) -> rusqlite::Result<Added> {
    let a = &analysed.article;
    let hash = TextHash::of(&a.body);
    let existing = tx
        .query_row(FIND_BY_TEXT_OR_URL, params![hash.0, a.url], |r| {
            Ok((ArticleId(r.get(0)?), r.get::<_, bool>(1)?))
        })
        .optional()?;
    if let Some((id, removed)) = existing {
        // Remember where it was read from, so the folder is not read again.
        if let Some(s) = source {
            tx.execute(
                "UPDATE articles SET source_path = ?2, source_mtime_ns = ?3, source_size = ?4 WHERE id = ?1",
                params![id.0, s.path.to_string_lossy(), s.mtime_ns, s.size],
            )?;
        }
        return Ok(if removed {
            // Only an explicit add brings a removed article back; a file
            // of the articles folder seen again does not (see `has_unchanged`).
            tx.execute(
                "UPDATE articles SET removed = 0 WHERE id = ?1",
                params![id.0],
            )?;
            Added::Restored(id)
        } else {
            Added::Existing(id)
        });
    }
    let name = free_name(tx, &a.id, &hash)?;
    tx.execute(
        "INSERT INTO articles (name, text_hash, title, outlet, url, date, language, body,
            source_path, source_mtime_ns, source_size, analyser, analysis, added_at_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            name,
            hash.0,
            a.title,
            a.outlet,
            a.url,
            a.date,
            a.language,
            a.body,
            source.map(|s| s.path.to_string_lossy().into_owned()),
            source.map(|s| s.mtime_ns),
            source.map(|s| s.size),
            ANALYSER_VERSION,
            analysis_json(analysed),
            now_s(),
        ],
    )?;
    let id = ArticleId(tx.last_insert_rowid());
    index_sentences(tx, id, analysed)?;
    Ok(Added::New(id))
}

mod corrections;
mod feeds;
pub use feeds::{FeedId, FeedRow};

#[cfg(test)]
mod tests;
