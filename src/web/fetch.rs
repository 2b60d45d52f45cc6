//! HTTP(S) GET with the limits a desktop app needs: http and https only,
//! timeouts, a redirect limit, a body cap; every failure said in words.
//!
//! `ureq` (blocking, small, rustls with webpki roots: no OpenSSL to install)
//! runs on the library's fetch thread; nothing here touches the UI.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::ResponseExt;

/// Limits of one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    pub connect_timeout: Duration,
    /// For the whole exchange, body included.
    pub total_timeout: Duration,
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: crate::articles::read::MAX_ARTICLE_BYTES,
            max_redirects: 5,
        }
    }
}

/// A response's body and what it says about itself.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Where the body came from, after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a fetch failed, in the user's words.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("{url}: only http:// and https:// links can be fetched")]
    NotHttp { url: String },
    #[error("{url}: not a valid link ({reason})")]
    BadUrl { url: String, reason: String },
    #[error("{url}: the server's name was not found (check the link, or the network)")]
    NameNotFound { url: String },
    #[error("{url}: could not connect (no network, or the server is down)")]
    NoConnection { url: String },
    #[error("{url}: the server did not answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url}: secure connection failed ({reason})")]
    Tls { url: String, reason: String },
    #[error("{url}: the server answered {status}{}", status_words(*status))]
    Status { url: String, status: u16 },
    #[error("{url}: more than {limit} redirects (a redirect loop?)")]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{url}: the page is larger than {limit_mb} MB")]
    TooLarge { url: String, limit_mb: u64 },
    #[error("{url}: not a page or a feed but {content_type}")]
    WrongType { url: String, content_type: String },
    #[error("{url}: the page does not look like an article (a home page, a list or a login wall?)")]
    NotAnArticle { url: String },
    #[error("{url}: {reason}")]
    Other { url: String, reason: String },
}

fn status_words(status: u16) -> &'static str {
    match status {
        401 | 403 => " (access refused: a paywall or a login?)",
        404 | 410 => " (not found: the page was moved or removed)",
        429 => " (too many requests: try again later)",
        500..=599 => " (a server error: try again later)",
        _ => "",
    }
}

/// What a body may be: pages, plain text and feeds; not images, PDFs…
fn acceptable(content_type: &str) -> bool {
    let ct = content_type.to_ascii_lowercase();
    ct.starts_with("text/") || ct.contains("html") || ct.contains("xml") || ct.contains("json")
}

/// Checks a link before any network use: http or https, with a host.
pub fn check_url(url: &str) -> Result<(), FetchError> {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
    else {
        return Err(if lower.contains("://") || lower.starts_with("file:") {
            FetchError::NotHttp {
                url: trimmed.to_owned(),
            }
        } else {
            FetchError::BadUrl {
                url: trimmed.to_owned(),
                reason: "it should start with https://".into(),
            }
        });
    };
    if rest.split(['/', '?', '#']).next().is_none_or(str::is_empty)
        || trimmed.contains(char::is_whitespace)
    {
        return Err(FetchError::BadUrl {
            url: trimmed.to_owned(),
            reason: "no server name, or spaces in it".into(),
        });
    }
    Ok(())
}

/// GETs `url` within `limits`.
pub fn fetch(url: &str, limits: &FetchLimits) -> Result<Fetched, FetchError> {
    check_url(url)?;
    let url = url.trim();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect_timeout))
        .timeout_global(Some(limits.total_timeout))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("DispatchAtlas/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/*;q=0.8")
        .call()
        .map_err(|e| explain(url, limits, e))?;
    let status = response.status().as_u16();
    let final_url = response.get_uri().to_string();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status,
        });
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(ct) = &content_type
        && !acceptable(ct)
    {
        return Err(FetchError::WrongType {
            url: url.to_owned(),
            content_type: ct.clone(),
        });
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| explain(url, limits, e))?;
    Ok(Fetched {
        url: final_url,
        content_type,
        bytes,
    })
}

fn explain(url: &str, limits: &FetchLimits, error: ureq::Error) -> FetchError {
    let url = url.to_owned();
    match error {
        ureq::Error::HostNotFound => FetchError::NameNotFound { url },
        ureq::Error::ConnectionFailed => FetchError::NoConnection { url },
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            seconds: limits.total_timeout.as_secs().max(1),
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url,
            limit: limits.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            limit_mb: limits.max_bytes / (1024 * 1024),
        },
        ureq::Error::StatusCode(status) => FetchError::Status { url, status },
        ureq::Error::BadUri(reason) => FetchError::BadUrl { url, reason },
        ureq::Error::Tls(reason) => FetchError::Tls {
            url,
            reason: reason.to_owned(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            reason: e.to_string(),
        },
        ureq::Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::NetworkUnreachable
            | ErrorKind::HostUnreachable
            | ErrorKind::NetworkDown => FetchError::NoConnection { url },
            ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout {
                url,
                seconds: limits.total_timeout.as_secs().max(1),
            },
            _ => FetchError::Other {
                url,
                reason: format!("the connection failed ({e})"),
            },
        },
        ureq::Error::RedirectFailed => FetchError::Other {
            url,
            reason: "a redirect pointed somewhere that cannot be fetched".into(),
        },
        other => FetchError::Other {
            url,
            reason: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_links_with_a_host_are_fetched() {
        assert!(check_url("https://rfi.fr/x").is_ok());
        assert!(check_url("  http://a.example ").is_ok());
        assert!(matches!(
            check_url("file:///etc/passwd"),
            Err(FetchError::NotHttp { .. })
        ));
        assert!(matches!(
            check_url("ftp://a.example/"),
            Err(FetchError::NotHttp { .. })
        ));
        assert!(matches!(
            check_url("rfi.fr/x"),
            Err(FetchError::BadUrl { .. })
        ));
        assert!(matches!(
            check_url("https:///x"),
            Err(FetchError::BadUrl { .. })
        ));
        assert!(matches!(
            check_url("https://a b/"),
            Err(FetchError::BadUrl { .. })
        ));
    }

    #[test]
    fn statuses_are_said_in_words() {
        let e = FetchError::Status {
            url: "u".into(),
            status: 404,
        };
        assert_eq!(
            e.to_string(),
            "u: the server answered 404 (not found: the page was moved or removed)"
        );
    }
}
