//! Articles from the web: a page fetched and read by the reader view, and
//! feeds refreshed item by item. Blocking code for worker threads (the
//! library's fetch thread); nothing here knows about the UI.

pub mod feed;
pub mod fetch;
pub mod opml;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::articles::Article;
use crate::articles::encoding::{declared_in_content_type, decode};
use crate::articles::html::fragment_text;
use crate::articles::load::{Format, LoadedArticle, article_from_text, id_from_url};
use feed::{FeedItem, ParsedFeed, parse_feed};
use fetch::{FetchError, FetchLimits, Fetched, fetch};

/// The text of a response, decoded (header charset, BOM, meta, guess).
fn text_of(fetched: &Fetched, html: bool) -> (String, Vec<String>) {
    let declared = fetched
        .content_type
        .as_deref()
        .and_then(declared_in_content_type);
    let decoded = decode(&fetched.url, &fetched.bytes, declared, html);
    (decoded.text, decoded.warnings)
}

/// An article from a response's body (page or plain text).
#[must_use]
pub fn article_from_response(fetched: &Fetched) -> LoadedArticle {
    let sniff =
        String::from_utf8_lossy(&fetched.bytes[..fetched.bytes.len().min(512)]).into_owned();
    let format = Format::of_content(fetched.content_type.as_deref(), &sniff);
    let (text, mut warnings) = text_of(fetched, format == Format::Html);
    let mut loaded = article_from_text(
        &id_from_url(&fetched.url),
        &text,
        format,
        Some(&fetched.url),
        &fetched.url,
    );
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    loaded
}

/// Fetches the page at `url` as an article; a page that is not an article
/// is an error (the user asked for an article).
pub fn fetch_article(url: &str, limits: &FetchLimits) -> Result<LoadedArticle, FetchError> {
    let fetched = fetch(url, limits)?;
    let loaded = article_from_response(&fetched);
    if loaded.not_an_article || loaded.article.body.split_whitespace().count() < 20 {
        return Err(FetchError::NotAnArticle {
            url: url.trim().to_owned(),
        });
    }
    Ok(loaded)
}

/// What a refresh of one feed brought.
#[derive(Debug, Default)]
pub struct FeedRefresh {
    pub title: Option<String>,
    /// New items' articles.
    pub articles: Vec<LoadedArticle>,
    /// Keys of the items dealt with (their article is in `articles`);
    /// items that could not be read at all are left out, to be tried again.
    pub taken: Vec<String>,
    /// Items that fell back to the feed's own text, or were skipped.
    pub warnings: Vec<String>,
    /// New items left for the next refresh (more than `max_new`).
    pub left: usize,
}

/// Fetches the feed at `url` and each item not in `seen` (at most
/// `max_new`): its page through the reader view, else the feed's own text.
pub fn refresh_feed<S: std::hash::BuildHasher>(
    url: &str,
    seen: &HashSet<String, S>,
    limits: &FetchLimits,
    max_new: usize,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize, &str),
) -> Result<FeedRefresh, String> {
    let fetched = fetch(url, limits).map_err(|e| e.to_string())?;
    let feed = parse_feed(&fetched.bytes, Some(&fetched.url)).map_err(|e| format!("{url}: {e}"))?;
    let ParsedFeed { title, items, .. } = feed;
    let new: Vec<FeedItem> = items
        .into_iter()
        .filter(|i| !seen.contains(&i.key))
        .collect();
    let mut out = FeedRefresh {
        title: title.clone(),
        left: new.len().saturating_sub(max_new),
        ..FeedRefresh::default()
    };
    let total = new.len().min(max_new);
    for (done, item) in new.into_iter().take(max_new).enumerate() {
        if cancel.load(Ordering::SeqCst) {
            out.left += total - done;
            break;
        }
        progress(done, total, item.title.as_deref().unwrap_or(&item.key));
        match item_article(&item, title.as_deref(), limits) {
            Ok(loaded) => {
                out.warnings.extend(loaded.warnings.iter().cloned());
                out.articles.push(loaded);
                out.taken.push(item.key);
            }
            Err(why) => out.warnings.push(why),
        }
    }
    Ok(out)
}

/// An item's article: its page if that reads as an article, else the
/// feed's own text (said in a warning), else an error (tried again later).
fn item_article(
    item: &FeedItem,
    outlet: Option<&str>,
    limits: &FetchLimits,
) -> Result<LoadedArticle, String> {
    let page_failure = match &item.link {
        Some(link) => match fetch_article(link, limits) {
            Ok(mut loaded) => {
                let a = &mut loaded.article;
                if a.date.is_none() {
                    a.date.clone_from(&item.date);
                }
                if a.outlet.is_none() {
                    a.outlet = outlet.map(str::to_owned);
                }
                if a.language.is_none() {
                    a.language.clone_from(&item.language);
                }
                return Ok(loaded);
            }
            Err(e) => Some(e.to_string()),
        },
        None => None,
    };
    let Some(body) = item
        .content_html
        .as_deref()
        .map(fragment_text)
        .filter(|t| !t.trim().is_empty())
    else {
        return Err(match page_failure {
            Some(why) => format!(
                "{why}; the feed has no text for it either (tried again at the next refresh)"
            ),
            None => format!(
                "a feed item without link or text was skipped: {}",
                item.title.as_deref().unwrap_or(&item.key)
            ),
        });
    };
    let label = item.link.as_deref().unwrap_or(&item.key);
    let warning = match page_failure {
        Some(why) => format!("{why}; the feed's own text was kept instead"),
        None => format!("{label}: the feed gives no link; its own text was kept"),
    };
    let title = item.title.clone().unwrap_or_else(|| {
        body.lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(120)
            .collect()
    });
    Ok(LoadedArticle {
        article: Article {
            id: id_from_url(label),
            title,
            outlet: outlet.map(str::to_owned),
            url: item.link.clone(),
            date: item.date.clone(),
            language: item
                .language
                .as_deref()
                .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase()),
            body,
            added_at_s: None,
        },
        warnings: vec![warning],
        not_an_article: false,
    })
}
