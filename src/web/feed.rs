//! RSS, Atom and JSON Feed to a list of items, through `feed-rs` (it reads
//! all three and the RSS 0.9x/1.0 variants, and resolves relative links
//! against the feed's address).

use crate::articles::html::date_from_str;

/// A feed as read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub language: Option<String>,
    pub items: Vec<FeedItem>,
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeedItem {
    /// What identifies the item across refreshes: its id, else its link.
    pub key: String,
    pub title: Option<String>,
    /// The article's page, absolute.
    pub link: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The item's own text, as HTML (`content`, else `summary`).
    pub content_html: Option<String>,
    pub language: Option<String>,
}

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a feed that can be read (RSS, Atom or JSON Feed): {0}")]
pub struct FeedError(pub String);

/// Reads a feed's bytes; `feed_url` resolves relative links.
pub fn parse_feed(bytes: &[u8], feed_url: Option<&str>) -> Result<ParsedFeed, FeedError> {
    let parser = feed_rs::parser::Builder::new().base_uri(feed_url).build();
    let feed = parser.parse(bytes).map_err(|e| FeedError(e.to_string()))?;
    let language = feed.language.clone();
    let items = feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .and_then(|l| absolute_link(&l.href, feed_url));
            let key = if entry.id.trim().is_empty() {
                link.clone()?
            } else {
                entry.id.trim().to_owned()
            };
            let content_html = entry
                .content
                .and_then(|c| c.body)
                .or_else(|| entry.summary.map(|s| s.content))
                .filter(|c| !c.trim().is_empty());
            Some(FeedItem {
                key,
                title: entry
                    .title
                    .map(|t| t.content.trim().to_owned())
                    .filter(|t| !t.is_empty()),
                link,
                date: entry
                    .published
                    .or(entry.updated)
                    .and_then(|d| date_from_str(&d.to_rfc3339())),
                content_html,
                language: entry.language.or_else(|| language.clone()),
            })
        })
        .collect();
    Ok(ParsedFeed {
        title: feed
            .title
            .map(|t| t.content.trim().to_owned())
            .filter(|t| !t.is_empty()),
        language,
        items,
    })
}

/// `href` absolute (feed-rs resolves against `xml:base` and the feed's
/// address where it can; a path left relative is resolved here).
fn absolute_link(href: &str, feed_url: Option<&str>) -> Option<String> {
    crate::articles::html::absolute(href, feed_url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Monitor</title><language>en</language>
<item><title>Troops withdraw from Gao</title><link>/news/gao</link><guid>g-1</guid>
<pubDate>Thu, 02 Nov 2023 10:00:00 GMT</pubDate><description>&lt;p&gt;Troops left Gao.&lt;/p&gt;</description></item>
<item><title>No link, no id</title><description>Text only.</description></item>
<item><title>Link only</title><link>https://sahel.example/news/2</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_relative_links_dates_and_content() -> Result<(), FeedError> {
        let feed = parse_feed(RSS.as_bytes(), Some("https://sahel.example/feed.xml"))?;
        assert_eq!(feed.title.as_deref(), Some("Sahel Monitor"));
        assert_eq!(
            feed.items[0].link.as_deref(),
            Some("https://sahel.example/news/gao")
        );
        assert_eq!(feed.items[0].key, "g-1");
        assert_eq!(feed.items[0].date.as_deref(), Some("2023-11-02"));
        assert_eq!(
            feed.items[0].content_html.as_deref(),
            Some("<p>Troops left Gao.</p>")
        );
        assert_eq!(feed.items[0].language.as_deref(), Some("en"));
        // feed-rs gives every item an id (a hash when the feed has none).
        assert!(feed.items.iter().all(|i| !i.key.is_empty()));
        assert_eq!(feed.items.len(), 3);
        Ok(())
    }

    #[test]
    fn atom_and_json_feed() -> Result<(), FeedError> {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Journal</title><id>j</id><updated>2024-03-14T08:00:00Z</updated>
<entry><id>tag:j,2024:1</id><title>Ménaka</title><link href="https://j.example/1"/><updated>2024-03-14T08:00:00Z</updated><content type="html">&lt;p&gt;Un camp attaqué.&lt;/p&gt;</content></entry></feed>"#;
        let feed = parse_feed(atom.as_bytes(), None)?;
        assert_eq!(feed.items[0].title.as_deref(), Some("Ménaka"));
        assert_eq!(feed.items[0].date.as_deref(), Some("2024-03-14"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/a","content_html":"<p>Gao</p>","date_published":"2024-01-02T00:00:00Z"}]}"#;
        let feed = parse_feed(json.as_bytes(), None)?;
        assert_eq!(feed.items[0].link.as_deref(), Some("https://j.example/a"));
        assert_eq!(feed.items[0].date.as_deref(), Some("2024-01-02"));
        Ok(())
    }

    #[test]
    fn broken_feeds_are_errors_not_panics() {
        for bytes in [
            &b""[..],
            b"<rss><channel><item>",
            b"{\"version\":1}",
            b"\xff\xfe\x00",
            b"<html><body>Not a feed</body></html>",
        ] {
            assert!(
                parse_feed(bytes, None).is_err(),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
