//! Feed subscriptions in the store: the list, each one's last refresh, and
//! the items already taken from each.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, now_s};

/// A subscription's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct FeedId(pub i64);

impl std::fmt::Display for FeedId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A subscription as listed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FeedRow {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    pub added_at_s: i64,
    pub refreshed_at_s: Option<i64>,
    pub error: Option<String>,
    pub new_items: usize,
    /// Items taken from it so far.
    pub items: usize,
}

impl Store {
    /// Subscribes to `url` (once: the same URL again is the same feed).
    pub fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
    ) -> Result<(FeedId, bool), StoreError> {
        let url = url.trim();
        let existing = self
            .connection
            .query_row("SELECT id FROM feeds WHERE url = ?1", params![url], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.classify(e))?;
        if let Some(id) = existing {
            return Ok((FeedId(id), false));
        }
        self.connection
            .execute(
                "INSERT INTO feeds (url, title, added_at_s) VALUES (?1, ?2, ?3)",
                params![url, title, now_s()],
            )
            .map_err(|e| self.classify(e))?;
        Ok((FeedId(self.connection.last_insert_rowid()), true))
    }

    /// Unsubscribes (the articles taken from the feed stay); `false` if
    /// there was no such feed.
    pub fn remove_feed(&mut self, id: FeedId) -> Result<bool, StoreError> {
        let tx = self.connection.transaction().map_err(StoreError::Sqlite)?;
        tx.execute("DELETE FROM feed_items WHERE feed = ?1", params![id.0])?;
        let n = tx.execute("DELETE FROM feeds WHERE id = ?1", params![id.0])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// The feed with this id (as text) or URL.
    pub fn resolve_feed(&self, id_or_url: &str) -> Result<Option<FeedId>, StoreError> {
        let id: i64 = id_or_url.trim().parse().unwrap_or(-1);
        self.connection
            .query_row(
                "SELECT id FROM feeds WHERE id = ?1 OR url = ?2",
                params![id, id_or_url.trim()],
                |r| r.get(0),
            )
            .optional()
            .map(|found| found.map(FeedId))
            .map_err(|e| self.classify(e))
    }

    /// Every subscription, oldest first.
    pub fn feeds(&self) -> Result<Vec<FeedRow>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT f.id, f.url, f.title, f.added_at_s, f.refreshed_at_s, f.error, f.new_items,
                        (SELECT COUNT(*) FROM feed_items i WHERE i.feed = f.id)
                 FROM feeds f ORDER BY f.id",
            )
            .map_err(|e| self.classify(e))?;
        statement
            .query_map([], |r| {
                Ok(FeedRow {
                    id: FeedId(r.get(0)?),
                    url: r.get(1)?,
                    title: r.get(2)?,
                    added_at_s: r.get(3)?,
                    refreshed_at_s: r.get(4)?,
                    error: r.get(5)?,
                    new_items: usize::try_from(r.get::<_, i64>(6)?).unwrap_or(0),
                    items: usize::try_from(r.get::<_, i64>(7)?).unwrap_or(0),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.classify(e))
    }

    /// The items already taken from a feed.
    pub fn seen_items(&self, id: FeedId) -> Result<HashSet<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT item FROM feed_items WHERE feed = ?1")
            .map_err(|e| self.classify(e))?;
        statement
            .query_map(params![id.0], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.classify(e))
    }

    /// Records a refresh: the items taken (now seen), the feed's title, and
    /// what went wrong (`None`: it worked). A feed removed meanwhile is left
    /// removed.
    pub fn record_refresh(
        &mut self,
        id: FeedId,
        title: Option<&str>,
        taken: &[String],
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        let now = now_s();
        let path = self.path.clone();
        let classify = |e| {
            StoreError::classify(
                path.as_deref().unwrap_or(std::path::Path::new(":memory:")),
                e,
            )
        };
        let tx = self.connection.transaction().map_err(classify)?;
        let exists = tx
            .query_row("SELECT 1 FROM feeds WHERE id = ?1", params![id.0], |_| {
                Ok(())
            })
            .optional()
            .map_err(classify)?
            .is_some();
        if exists {
            for item in taken {
                tx.execute(
                    "INSERT OR IGNORE INTO feed_items (feed, item, seen_at_s) VALUES (?1, ?2, ?3)",
                    params![id.0, item, now],
                )
                .map_err(classify)?;
            }
            tx.execute(
                "UPDATE feeds SET refreshed_at_s = ?2, error = ?3, new_items = ?4,
                    title = COALESCE(?5, title) WHERE id = ?1",
                params![
                    id.0,
                    now,
                    error,
                    i64::try_from(taken.len()).unwrap_or(i64::MAX),
                    title
                ],
            )
            .map_err(classify)?;
        }
        tx.commit().map_err(classify)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_are_kept_once_with_their_items_and_last_refresh() -> Result<(), StoreError> {
        let mut store = Store::in_memory()?;
        let (a, new) = store.add_feed("https://a.example/rss", None)?;
        assert!(new);
        assert_eq!(store.add_feed(" https://a.example/rss ", None)?, (a, false));
        let (b, _) = store.add_feed("https://b.example/atom", Some("B"))?;
        assert_eq!(store.resolve_feed("https://b.example/atom")?, Some(b));
        assert_eq!(store.resolve_feed(&a.to_string())?, Some(a));
        assert_eq!(store.resolve_feed("nope")?, None);

        store.record_refresh(a, Some("Feed A"), &["1".into(), "2".into()], None)?;
        store.record_refresh(a, None, &["2".into()], Some("timeout"))?;
        assert_eq!(
            store.seen_items(a)?,
            HashSet::from(["1".to_owned(), "2".to_owned()])
        );
        let rows = store.feeds()?;
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].title.as_deref(),
            Some("Feed A"),
            "a refresh without a title keeps the old one"
        );
        assert_eq!(rows[0].error.as_deref(), Some("timeout"));
        assert_eq!(rows[0].items, 2);
        assert_eq!(rows[0].new_items, 1);
        assert!(rows[0].refreshed_at_s.is_some());
        assert_eq!(rows[1].refreshed_at_s, None);

        assert!(store.remove_feed(a)?);
        assert!(!store.remove_feed(a)?);
        assert!(store.seen_items(a)?.is_empty());
        store.record_refresh(a, None, &["3".into()], None)?;
        assert!(
            store.seen_items(a)?.is_empty(),
            "a removed feed is not brought back"
        );
        Ok(())
    }
}
