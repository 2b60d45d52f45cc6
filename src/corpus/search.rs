//! Full-text search over the corpus's sentences: what a user types becomes
//! an FTS5 query (every word must appear; the last word may be the start of
//! one, so results come while typing), and each match is a sentence with its
//! article.

use serde::Serialize;

use super::ArticleId;

/// One sentence that matches a search.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    pub article: ArticleId,
    /// The article's short name (its id in the app).
    pub name: String,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    /// The sentence, and its char offsets in the article's body.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The words of a filter as the index splits them (letters and digits).
#[must_use]
pub fn filter_words(typed: &str) -> Vec<&str> {
    typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The FTS5 query for what the user typed, or `None` if it has no word.
///
/// Words are taken as letters and digits only and quoted, so nothing the
/// user types is read as FTS5 syntax (`-`, `"`, `*`, `NEAR`, `AND`…); case and
/// accents are the tokenizer's business.
///
/// ```
/// use dispatch_atlas::corpus::search::fts_query;
/// assert_eq!(fts_query("Ménaka attaque").as_deref(), Some(r#""Ménaka" "attaque"*"#));
/// assert_eq!(fts_query("  \"NEAR\" -* ").as_deref(), Some(r#""NEAR"*"#));
/// assert_eq!(fts_query("- * ()"), None);
/// ```
#[must_use]
pub fn fts_query(typed: &str) -> Option<String> {
    let words = filter_words(typed);
    let (last, rest) = words.split_last()?;
    let mut query: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    query.push(format!("\"{last}\"*"));
    Some(query.join(" "))
}
