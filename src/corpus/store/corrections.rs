//! The user's corrections of the geoparser in the store, one row per
//! corrected span of an article, applied whenever analyses are read.

use std::collections::HashMap;

use rusqlite::params;

use super::{Store, StoreError, now_s};
use crate::corpus::ArticleId;
use crate::corpus::corrections::Correction;

impl Store {
    /// Records what the user said of some words of an article (replacing
    /// what they said of the same words before); `false` if there is no such
    /// article.
    pub fn set_correction(
        &mut self,
        article: ArticleId,
        correction: &Correction,
    ) -> Result<bool, StoreError> {
        let place = correction
            .place
            .as_ref()
            .map(|p| serde_json::to_string(p).unwrap_or_default());
        self.connection
            .execute(
                "INSERT OR REPLACE INTO corrections (article, start, end, place, made_at_s)
                 SELECT id, ?2, ?3, ?4, ?5 FROM articles WHERE id = ?1",
                params![
                    article.0,
                    to_i64(correction.start),
                    to_i64(correction.end),
                    place,
                    now_s()
                ],
            )
            .map(|n| n > 0)
            .map_err(|e| self.classify(e))
    }

    /// Forgets what the user said of the words `start..end` of an article
    /// (the parser's reading stands again at the next analysis).
    pub fn clear_correction(
        &mut self,
        article: ArticleId,
        start: usize,
        end: usize,
    ) -> Result<(), StoreError> {
        self.connection
            .execute(
                "DELETE FROM corrections WHERE article = ?1 AND start = ?2 AND end = ?3",
                params![article.0, to_i64(start), to_i64(end)],
            )
            .map(|_| ())
            .map_err(|e| self.classify(e))
    }

    /// Every correction, per article, in text order. A row whose place
    /// cannot be read (a file from a later version) is left out, not
    /// applied as "not a place".
    pub fn corrections(&self) -> Result<HashMap<ArticleId, Vec<Correction>>, StoreError> {
        self.corrections_where("1", [])
    }

    /// The corrections of one article.
    pub fn corrections_of(&self, article: ArticleId) -> Result<Vec<Correction>, StoreError> {
        Ok(self
            .corrections_where("article = ?1", params![article.0])?
            .remove(&article)
            .unwrap_or_default())
    }

    fn corrections_where(
        &self,
        filter: &str,
        parameters: impl rusqlite::Params,
    ) -> Result<HashMap<ArticleId, Vec<Correction>>, StoreError> {
        let mut statement = self
            .connection
            .prepare(&format!(
                "SELECT article, start, end, place FROM corrections WHERE {filter} ORDER BY article, start"
            ))
            .map_err(|e| self.classify(e))?;
        let rows = statement
            .query_map(parameters, |r| {
                Ok((
                    ArticleId(r.get(0)?),
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(|e| self.classify(e))?;
        let mut out: HashMap<ArticleId, Vec<Correction>> = HashMap::new();
        for row in rows {
            let (article, start, end, place) = row.map_err(|e| self.classify(e))?;
            let place = match place.map(|json| serde_json::from_str(&json)) {
                None => None,
                Some(Ok(place)) => Some(place),
                Some(Err(_)) => continue,
            };
            out.entry(article).or_default().push(Correction {
                start: usize::try_from(start).unwrap_or(0),
                end: usize::try_from(end).unwrap_or(0),
                place,
            });
        }
        Ok(out)
    }
}

fn to_i64(offset: usize) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}
