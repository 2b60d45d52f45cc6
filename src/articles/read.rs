//! Reading a user's text file: refuse what is not text or too large, decode
//! invalid UTF-8 with replacement characters and say so, never panic.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Articles larger than this are refused: no news article is 50 MB, and the
/// whole file is held in memory.
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;

/// How much of the start of a file is checked for NUL bytes.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Text read from a file, with what the user should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextFile {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {bytes} bytes is more than the 50 MB an article may have; split it or trim it", path.display())]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("{}: looks like a binary file (it contains NUL bytes), not text", path.display())]
    Binary { path: PathBuf },
}

/// Decodes bytes as UTF-8, replacing invalid sequences, and refuses binaries.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<TextFile, ReadError> {
    if bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
        return Err(ReadError::Binary {
            path: path.to_owned(),
        });
    }
    let mut warnings = Vec::new();
    let text = if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let replaced = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        warnings.push(format!(
            "{}: not valid UTF-8; {replaced} invalid byte sequence(s) were replaced with U+FFFD",
            path.display()
        ));
        text
    };
    if text.trim().is_empty() {
        warnings.push(format!("{}: the file is empty", path.display()));
    }
    Ok(TextFile { text, warnings })
}

/// Reads `path` as text (see [`decode`]); refuses files over [`MAX_ARTICLE_BYTES`].
pub fn read_text_file(path: &Path) -> Result<TextFile, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let bytes = file.metadata().map_err(io)?.len();
    if bytes > MAX_ARTICLE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    let mut buffer = Vec::with_capacity(usize::try_from(bytes).unwrap_or(0));
    // Read one byte past the limit, in case the file grew since metadata().
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut buffer)
        .map_err(io)?;
    if buffer.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            bytes: buffer.len() as u64,
        });
    }
    decode(path, &buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let file =
            decode(Path::new("a.txt"), b"Gao \xff\xfe Mali").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.text, "Gao \u{fffd}\u{fffd} Mali");
        assert_eq!(file.warnings.len(), 1);
        assert!(
            file.warnings[0].contains("not valid UTF-8; 2 invalid"),
            "{:?}",
            file.warnings
        );
    }

    #[test]
    fn binaries_are_refused() {
        let err = decode(Path::new("x.png"), b"\x89PNG\r\n\x1a\n\0\0\0")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("x.png: looks like a binary file (it contains NUL bytes), not text")
        );
    }

    #[test]
    fn empty_files_are_read_with_a_warning() {
        let file = decode(Path::new("e.txt"), b"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.text, "");
        assert_eq!(file.warnings, vec!["e.txt: the file is empty".to_owned()]);
    }

    #[test]
    fn missing_files_name_the_path() {
        let err = read_text_file(Path::new("/nonexistent/article.txt"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("/nonexistent/article.txt: cannot read"),
            "{err}"
        );
    }
}
