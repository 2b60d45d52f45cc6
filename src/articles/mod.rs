//! Articles: a text with its metadata.
//!
//! The file format is plain text with an optional header of `key: value`
//! lines (`title`, `outlet`, `url`, `date`, `language`) ended by a blank line;
//! `unknown` means not known. Without a header the first line is the title.
//! The two seed reports ship in `data/articles/` and are compiled in.

pub mod encoding;
pub mod html;
pub mod load;
pub mod read;

/// File extensions read as web pages (through the reader view).
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// One article: metadata and body. Offsets elsewhere are into `body`, in chars.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// A short stable name (the file name).
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub body: String,
    /// When it entered the corpus store (seconds since 1970); `None` for an
    /// article not read from or into the store.
    pub added_at_s: Option<i64>,
}

const HEADER_KEYS: [&str; 6] = ["title", "outlet", "url", "date", "language", "excerpt"];

/// The seed reports, compiled into the binary.
pub const EMBEDDED: [(&str, &str); 2] = [
    (
        "000_international-insider.txt",
        include_str!("../../data/articles/000_international-insider.txt"),
    ),
    (
        "001_second-soldier.txt",
        include_str!("../../data/articles/001_second-soldier.txt"),
    ),
];

fn known(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && !value.eq_ignore_ascii_case("unknown")).then(|| value.to_owned())
}

/// Splits a header of `key: value` lines from the body, if the text has one.
fn split_header(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(blank) = text.find("\n\n") else {
        return (Vec::new(), text);
    };
    let header = &text[..blank];
    let pairs: Option<Vec<(String, String)>> = header
        .lines()
        .map(|line| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim().to_lowercase();
            HEADER_KEYS
                .contains(&key.as_str())
                .then(|| (key, value.trim().to_owned()))
        })
        .collect();
    match pairs {
        Some(pairs) if !pairs.is_empty() => (pairs, &text[blank + 2..]),
        _ => (Vec::new(), text),
    }
}

impl Article {
    /// Whether it entered the store after `last_visit_s` (the user's last
    /// visit, seconds since 1970; `None`: a first visit, nothing is new).
    #[must_use]
    pub fn is_new_since(&self, last_visit_s: Option<i64>) -> bool {
        matches!((last_visit_s, self.added_at_s), (Some(visit), Some(added)) if added > visit)
    }

    /// Parses an article file's text; `id` names it (usually the file name).
    #[must_use]
    pub fn parse(id: &str, text: &str) -> Self {
        let (header, body) = split_header(text);
        let field = |key: &str| {
            header
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| known(v))
        };
        let title = field("title").unwrap_or_else(|| {
            let first = body
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or(id);
            first.chars().take(120).collect()
        });
        Self {
            id: id.to_owned(),
            title,
            outlet: field("outlet"),
            url: field("url"),
            date: field("date"),
            language: field("language"),
            body: body.to_owned(),
            added_at_s: None,
        }
    }

    /// The seed articles compiled into the binary.
    #[must_use]
    pub fn embedded() -> Vec<Self> {
        EMBEDDED
            .iter()
            .map(|(id, text)| Self::parse(id, text))
            .collect()
    }

    /// "International Insider", or "unknown outlet".
    #[must_use]
    pub fn outlet_or_unknown(&self) -> String {
        self.outlet
            .clone()
            .unwrap_or_else(|| crate::tr!("outlet-unknown"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_are_read_and_unknown_is_none() {
        let a = Article::parse(
            "a.txt",
            "title: Gao attacked\noutlet: RFI\ndate: unknown\n\nBody text.\nMore.",
        );
        assert_eq!(a.title, "Gao attacked");
        assert_eq!(a.outlet.as_deref(), Some("RFI"));
        assert_eq!(a.date, None);
        assert_eq!(a.body, "Body text.\nMore.");
    }

    #[test]
    fn a_text_without_header_is_all_body_titled_by_its_first_line() {
        let text = "Attack near Ménaka\n\nTwo soldiers: killed.";
        let a = Article::parse("b.txt", text);
        assert_eq!(a.title, "Attack near Ménaka");
        assert_eq!(a.body, text);
    }

    #[test]
    fn the_seed_articles_are_embedded_with_their_metadata() {
        let seeds = Article::embedded();
        assert_eq!(seeds.len(), 2);
        assert_eq!(seeds[0].outlet.as_deref(), Some("International Insider"));
        assert!(
            seeds[0]
                .body
                .starts_with("French Foreign legion soldier killed in action in Mali")
        );
        assert!(seeds[1].body.contains("three borders region"));
    }
}
