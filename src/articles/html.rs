//! A web page to an article: the page's own text as a reader view sees it,
//! and its metadata from the page itself.
//!
//! The text comes from `dom_smoothie`, a close port of Mozilla's
//! Readability.js (Firefox's reader view), over `html5ever`, the HTML5 parser
//! of Servo: scripts, styles, comments, navigation, asides, footers, share
//! bars and related-article lists are dropped, every named entity is decoded
//! and paragraphs are kept. Hand-written heuristics were what we had; they
//! kept menus and script code.
//!
//! Metadata: title (JSON-LD `headline`, `og:title`, `<title>` cleaned of the
//! site's name), outlet (`og:site_name`, JSON-LD `publisher`), date
//! (`article:published_time`, JSON-LD `datePublished`, other date metas,
//! `<time datetime>`), language (`<html lang>`, `og:locale`) and canonical
//! URL (`<link rel=canonical>`, `og:url`).

use dom_smoothie::{Config, Readability, TextMode};

/// What a page says, ready to become an [`super::Article`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// A lower-case ISO 639-1 code ("fr"), from `<html lang="fr-FR">`.
    pub language: Option<String>,
    /// The canonical URL, absolute.
    pub url: Option<String>,
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// The page has too little continuous text to be an article (a home
    /// page, a list, a login wall): the text is whatever could be found.
    pub not_an_article: bool,
}

/// Pages with more elements than this are read as plain text instead: the
/// reader's scoring is quadratic in the worst case.
const MAX_ELEMENTS: usize = 60_000;

/// Fewer words than this in the extracted text: not an article.
const MIN_ARTICLE_WORDS: usize = 60;

/// Reads a page. `page_url` (absolute, http or https) is where it came
/// from: relative canonical links are made absolute against it.
#[must_use]
pub fn read_page(html: &str, page_url: Option<&str>) -> Page {
    let page_url = page_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::new(html, page_url, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
    else {
        return Page::default();
    };
    // Read before parsing: parsing rewrites the document.
    let doc = &reader.doc;
    let canonical = first_attr(doc, "link[rel~=canonical]", "href")
        .or_else(|| meta(doc, "og:url"))
        .and_then(|u| absolute(&u, page_url));
    let date_meta = [
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    ]
    .iter()
    .find_map(|name| meta(doc, name).and_then(|d| date_from_str(&d)));
    let time_element =
        first_attr(doc, "time[datetime]", "datetime").and_then(|d| date_from_str(&d));
    let locale = meta(doc, "og:locale");
    let readable = reader.is_probably_readable();
    let metadata = reader.get_article_metadata(reader.parse_json_ld());

    let (mut text, grabbed) = match reader.parse() {
        Ok(article) => (paragraphs(&article.text_content), true),
        Err(_) => (String::new(), false),
    };
    let words = text.split_whitespace().count();
    if text.trim().is_empty() {
        // Nothing the reader would keep (a list, a form): the page's visible
        // text, so that a file the user chose is never stored empty; the
        // page is marked as not an article all the same.
        text = visible_text(html);
    }
    Page {
        title: non_empty(&metadata.title),
        outlet: metadata.site_name.as_deref().and_then(non_empty),
        date: metadata
            .published_time
            .as_deref()
            .and_then(date_from_str)
            .or(date_meta)
            .or(time_element),
        language: metadata
            .lang
            .as_deref()
            .or(locale.as_deref())
            .and_then(language_code),
        url: canonical.or_else(|| metadata.url.as_deref().and_then(|u| absolute(u, page_url))),
        text,
        not_an_article: !grabbed || !readable || words < MIN_ARTICLE_WORDS,
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn first_attr(doc: &dom_query::Document, selector: &str, attr: &str) -> Option<String> {
    let selection = doc.try_select(selector)?;
    selection.nodes().iter().find_map(|n| {
        n.attr(attr)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// A `<meta property=…>` or `<meta name=…>` content, the name in any case.
fn meta(doc: &dom_query::Document, name: &str) -> Option<String> {
    doc.select("meta[content]").nodes().iter().find_map(|n| {
        let key = n
            .attr("property")
            .or_else(|| n.attr("name"))
            .or_else(|| n.attr("itemprop"))?;
        key.eq_ignore_ascii_case(name)
            .then(|| n.attr("content"))
            .flatten()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// `href` made absolute against the page's URL; `None` if that cannot be
/// done (a relative link on a page of unknown origin) or it is not http(s).
pub(crate) fn absolute(href: &str, page_url: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_owned());
    }
    let base = page_url?;
    let (scheme, rest) = base.split_once("://")?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    if let Some(path) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let dir_end = base
        .rfind('/')
        .filter(|&i| i >= scheme.len() + 3 + host_end)?;
    Some(format!("{}/{href}", &base[..dir_end]))
}

/// `fr` from `fr-FR`, `fr_FR` or `FR`.
fn language_code(lang: &str) -> Option<String> {
    let code = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (code.len() == 2 || code.len() == 3)
        .then_some(code)
        .filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase()))
}

/// `YYYY-MM-DD` from an ISO 8601 or RFC 2822 date ("2024-05-03T09:00:00Z",
/// "2024/05/03", "Fri, 03 May 2024 09:00:00 GMT"); `None` for anything else.
#[must_use]
pub fn date_from_str(s: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let s = s.trim();
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if let (Some(y), Some(m), Some(d)) = (s.get(0..4), s.get(5..7), s.get(8..10)) {
        let seps = s.as_bytes();
        if digits(y)
            && digits(m)
            && digits(d)
            && matches!(seps[4], b'-' | b'/' | b'.')
            && seps[7] == seps[4]
        {
            return valid_date(y, m, d);
        }
    }
    // RFC 2822: "[Day, ]DD Mon YYYY …".
    let words: Vec<&str> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(
        words
            .first()
            .is_some_and(|w| w.chars().all(char::is_alphabetic)),
    );
    let (day, month, year) = (
        words.get(start)?,
        words.get(start + 1)?,
        words.get(start + 2)?,
    );
    let month_lower = month.to_ascii_lowercase();
    let m = MONTHS
        .iter()
        .position(|name| month_lower.starts_with(name))?
        + 1;
    if !digits(day) || !digits(year) || year.len() != 4 {
        return None;
    }
    valid_date(year, &format!("{m:02}"), &format!("{day:0>2}"))
}

fn valid_date(y: &str, m: &str, d: &str) -> Option<String> {
    let (year, month, day): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1800..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The reader's text with lines trimmed, runs of spaces collapsed, and
/// paragraphs separated by exactly one blank line.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// A whole page's visible text, without scripts, styles, navigation,
/// headers, footers and forms.
fn visible_text(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template, nav, header, footer, form, aside, head")
        .remove();
    paragraphs(&doc.formatted_text())
}

/// The whole visible text of a document, without scripts, styles and
/// comments: for HTML that is not a page (a feed item's content, a pasted
/// fragment), where there is nothing to choose between.
#[must_use]
pub fn fragment_text(html: &str) -> String {
    let doc = dom_query::Document::fragment(html);
    doc.select("script, style, noscript, template").remove();
    paragraphs(&doc.formatted_text())
}

#[cfg(test)]
mod tests;
