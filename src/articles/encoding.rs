//! Bytes to text: a byte-order mark wins, then valid UTF-8, then the
//! encoding a page declares (HTTP `charset`, `<meta charset>`), then a guess
//! from the bytes (`chardetng`, the detector Firefox uses). `encoding_rs`
//! decodes; whatever was not UTF-8 is named in a warning, so a user knows why
//! an accent may look wrong.

use encoding_rs::{Encoding, UTF_8};

/// Decoded text and the encoding that was used.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "windows-1252", "UTF-16LE"…).
    pub encoding: &'static str,
    /// Why it was chosen, and what was lost (empty for plain UTF-8).
    pub warnings: Vec<String>,
}

/// How much of an HTML page is searched for `<meta charset>` (the HTML
/// standard's prescan reads the first 1024 bytes).
const PRESCAN_BYTES: usize = 1024;

/// The encoding declared by a `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` near the start.
fn declared_in_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[at + 8..];
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let rest = rest.strip_prefix(b"'").unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// The encoding named by an HTTP `Content-Type` header's `charset`.
#[must_use]
pub fn declared_in_content_type(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let label = content_type[at + 8..]
        .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
        .split([';', ' ', '"'])
        .next()?;
    Encoding::for_label(label.as_bytes())
}

/// Decodes `bytes`. `declared` is an encoding the transport named (an HTTP
/// header); `html` lets a `<meta charset>` speak. `what` names the input in
/// warnings.
#[must_use]
pub fn decode(
    what: &str,
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    html: bool,
) -> Decoded {
    let mut warnings = Vec::new();
    let (encoding, why) = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        (encoding, "its byte-order mark")
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, "")
    } else if let Some(encoding) = declared {
        (encoding, "the server's Content-Type")
    } else if let Some(encoding) = html.then(|| declared_in_meta(bytes)).flatten() {
        (encoding, "the page's <meta charset>")
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        (
            detector.guess(None, chardetng::Utf8Detection::Allow),
            "a guess from its bytes (it is not valid UTF-8)",
        )
    };
    // `decode` strips a BOM of the encoding it was given and replaces what
    // cannot be decoded.
    let (text, used, had_errors) = encoding.decode(bytes);
    if used != UTF_8 || !why.is_empty() {
        if used == UTF_8 {
            warnings.push(format!("{what}: read as UTF-8 (from {why})"));
        } else {
            warnings.push(format!("{what}: read as {} (from {why})", used.name()));
        }
    }
    if had_errors {
        let replaced = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        warnings.push(format!(
            "{what}: not valid {}; {replaced} invalid byte sequence(s) were replaced with U+FFFD",
            used.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_french_is_detected_and_named() {
        // "Ménaka, à l'est de Gao, a été attaquée." in windows-1252.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Les soldats ont été attaqués près de Ménaka, à l'est de Gao, où l'armée était déployée.");
        let d = decode("a.txt", &bytes, None, false);
        assert!(d.text.contains("Ménaka"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].starts_with("a.txt: read as windows-1252"));
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Ménaka".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let d = decode("b.txt", &bytes, None, false);
        assert_eq!(d.text, "Ménaka");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn a_utf8_bom_is_dropped_quietly_but_said() {
        let d = decode("c.geojson", b"\xEF\xBB\xBF{}", None, false);
        assert_eq!(d.text, "{}");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.warnings,
            ["c.geojson: read as UTF-8 (from its byte-order mark)"]
        );
    }

    #[test]
    fn plain_utf8_has_no_warning() {
        let d = decode("d.txt", "Gao, Ménaka".as_bytes(), None, false);
        assert!(d.warnings.is_empty());
        assert_eq!(d.text, "Gao, Ménaka");
    }

    #[test]
    fn meta_charset_and_content_type_are_honoured() {
        let (body, _, _) = encoding_rs::WINDOWS_1252.encode("Ménaka");
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
        page.extend(body.iter());
        let d = decode("p.html", &page, None, true);
        assert!(d.text.contains("Ménaka"));
        assert!(d.warnings[0].contains("<meta charset>"), "{:?}", d.warnings);
        let header = declared_in_content_type("text/html; charset=\"ISO-8859-15\"");
        assert_eq!(header.map(Encoding::name), Some("ISO-8859-15"));
        assert_eq!(declared_in_content_type("text/html"), None);
    }
}
