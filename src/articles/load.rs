//! A file's or a page's bytes to an [`Article`] with what the user should
//! know: text files keep their header format; HTML goes through the reader
//! view (`html::read_page`), its metadata filling what a header would.

use std::path::Path;

use super::Article;
use super::html::{Page, read_page};
use super::read::{ReadError, read_text_file};

/// An article read, and the warnings to show (nothing was dropped silently).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedArticle {
    pub article: Article,
    pub warnings: Vec<String>,
    /// A web page with too little continuous text to be an article (a home
    /// page, a list, a login wall): kept from a file, refused from a link.
    pub not_an_article: bool,
}

/// What the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, with the optional `key: value` header.
    Text,
    Html,
}

impl Format {
    /// From a file name's extension: `.html`, `.htm`, `.xhtml` are HTML.
    #[must_use]
    pub fn of_path(path: &Path) -> Self {
        if crate::folder::has_extension(path, super::HTML_EXTENSIONS) {
            Self::Html
        } else {
            Self::Text
        }
    }

    /// From an HTTP `Content-Type`, else by sniffing the start of the text.
    #[must_use]
    pub fn of_content(content_type: Option<&str>, text: &str) -> Self {
        let ct = content_type.unwrap_or_default().to_ascii_lowercase();
        if ct.contains("html") {
            return Self::Html;
        }
        let head: String = text
            .trim_start()
            .chars()
            .take(256)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
        {
            Self::Html
        } else {
            Self::Text
        }
    }
}

/// A short name for an article from `url`: its host and last path segment
/// ("rfi.fr-mali-attaque"); the store makes it unique.
#[must_use]
pub fn id_from_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or("page").trim_start_matches("www.");
    let last = parts
        .next_back()
        .map(|p| p.trim_end_matches(".html").trim_end_matches(".htm"));
    let mut id = match last {
        Some(last) if !last.is_empty() => format!("{host}-{last}"),
        _ => host.to_owned(),
    };
    id.retain(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    id.chars().take(80).collect()
}

/// An article from a page read by the reader view. `id` names it; `url` is
/// where it was fetched from (the page's canonical URL wins).
#[must_use]
pub fn article_from_page(id: &str, page: Page, url: Option<&str>, what: &str) -> LoadedArticle {
    let mut warnings = Vec::new();
    let not_an_article = page.not_an_article;
    if not_an_article {
        warnings.push(format!(
            "{what}: this page does not look like an article (too little continuous text: a home page, a list or a login wall?)"
        ));
    }
    if page.text.trim().is_empty() {
        warnings.push(format!("{what}: no text found on the page"));
    }
    let title = page.title.unwrap_or_else(|| {
        page.text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or(id)
            .chars()
            .take(120)
            .collect()
    });
    LoadedArticle {
        article: Article {
            id: id.to_owned(),
            title,
            outlet: page.outlet,
            url: page.url.or_else(|| url.map(str::to_owned)),
            date: page.date,
            language: page.language,
            body: page.text,
            added_at_s: None,
        },
        warnings,
        not_an_article,
    }
}

/// An article from decoded text of either format.
#[must_use]
pub fn article_from_text(
    id: &str,
    text: &str,
    format: Format,
    url: Option<&str>,
    what: &str,
) -> LoadedArticle {
    match format {
        Format::Html => article_from_page(id, read_page(text, url), url, what),
        Format::Text => {
            let mut article = Article::parse(id, text);
            if article.url.is_none() {
                article.url = url.map(str::to_owned);
            }
            LoadedArticle {
                article,
                warnings: Vec::new(),
                not_an_article: false,
            }
        }
    }
}

/// Reads an article file (text or HTML, any encoding).
pub fn article_from_file(path: &Path) -> Result<LoadedArticle, ReadError> {
    let file = read_text_file(path)?;
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut loaded = article_from_text(
        &id,
        &file.text,
        Format::of_path(path),
        None,
        &path.display().to_string(),
    );
    let mut warnings = file.warnings;
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    Ok(loaded)
}

/// An article from the clipboard: its HTML if it has some (a whole page
/// through the reader view, a selection as it is), else its text (with the
/// text-file header if it has one).
#[must_use]
pub fn article_from_clipboard(html: Option<&str>, text: Option<&str>) -> LoadedArticle {
    const ID: &str = "pasted";
    if let Some(html) = html.filter(|h| !h.trim().is_empty()) {
        let page = super::html::read_page(html, None);
        // A browser's selection is a fragment: the reader would call it
        // "not an article" and keep little; its own text is what was chosen.
        if page.not_an_article {
            let body = super::html::fragment_text(html);
            let plain = text.map(str::trim).filter(|t| !t.is_empty());
            let body = if body.trim().is_empty() {
                plain.unwrap_or_default().to_owned()
            } else {
                body
            };
            let mut loaded = article_from_text(ID, &body, Format::Text, None, "the clipboard");
            loaded.article.title = page.title.unwrap_or(loaded.article.title);
            loaded.article.outlet = page.outlet;
            loaded.article.date = page.date;
            loaded.article.language = page.language;
            loaded.article.url = page.url;
            return loaded;
        }
        return article_from_page(ID, page, None, "the clipboard");
    }
    article_from_text(
        ID,
        text.unwrap_or_default(),
        Format::Text,
        None,
        "the clipboard",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_gives_a_page_a_selection_or_text() {
        let page = include_str!("../../tests/fixtures/pages/en-news.html");
        let a = article_from_clipboard(Some(page), Some("ignored")).article;
        assert_eq!(a.title, "Troops withdraw from base near Gao");
        assert!(a.body.starts_with("The last foreign troops"));
        let selection = article_from_clipboard(
            Some("<p>Fighting near <b>Gao</b>.</p><p>Ten killed.</p>"),
            None,
        )
        .article;
        assert_eq!(selection.body, "Fighting near Gao.\n\nTen killed.");
        assert_eq!(selection.title, "Fighting near Gao.");
        let text = article_from_clipboard(
            None,
            Some("title: Attack\noutlet: RFI\n\nGao was attacked."),
        )
        .article;
        assert_eq!(
            (text.title.as_str(), text.outlet.as_deref()),
            ("Attack", Some("RFI"))
        );
    }

    #[test]
    fn ids_from_urls_are_short_and_plain() {
        assert_eq!(
            id_from_url("https://www.rfi.fr/fr/afrique/20240314-mali-attaque?x=1#top"),
            "rfi.fr-20240314-mali-attaque"
        );
        assert_eq!(id_from_url("http://example.org/"), "example.org");
        assert_eq!(
            id_from_url("https://a.example/news/story.html"),
            "a.example-story"
        );
    }

    #[test]
    fn html_is_recognised_by_type_or_by_its_start() {
        assert_eq!(
            Format::of_content(Some("text/html; charset=utf-8"), ""),
            Format::Html
        );
        assert_eq!(
            Format::of_content(None, "  <!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(
            Format::of_content(Some("text/plain"), "title: x\n\nGao"),
            Format::Text
        );
    }

    #[test]
    fn a_page_that_is_not_an_article_is_kept_with_a_warning() {
        let page = Page {
            text: "Home\n\nWorld".into(),
            not_an_article: true,
            ..Page::default()
        };
        let loaded = article_from_page("p", page, Some("https://x.example/"), "https://x.example/");
        assert_eq!(loaded.article.title, "Home");
        assert_eq!(loaded.article.url.as_deref(), Some("https://x.example/"));
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].contains("does not look like an article"));
    }
}
