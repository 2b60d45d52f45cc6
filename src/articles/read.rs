//! Reading a user's text file: refuse what is not text or too large, decode
//! it whatever its encoding and say which was used, never panic.

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

/// Decodes a file's bytes (see [`super::encoding::decode`]: BOM, UTF-8,
/// `<meta charset>` for HTML, else a guess, each named in a warning) and
/// refuses binaries.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<TextFile, ReadError> {
    // UTF-16 is full of NULs: only a file without a BOM is sniffed.
    let has_bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    if !has_bom && bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
        return Err(ReadError::Binary {
            path: path.to_owned(),
        });
    }
    let html = crate::folder::has_extension(path, super::HTML_EXTENSIONS);
    let decoded = super::encoding::decode(&path.display().to_string(), bytes, None, html);
    let mut warnings = decoded.warnings;
    let text = decoded.text;
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
    fn legacy_8_bit_text_is_decoded_and_the_encoding_named() {
        let file = decode(
            Path::new("a.txt"),
            b"Attaque pr\xe8s de M\xe9naka, \xe0 Gao.",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.text, "Attaque près de Ménaka, à Gao.");
        assert_eq!(file.warnings.len(), 1);
        assert!(
            file.warnings[0].starts_with("a.txt: read as windows-1252"),
            "{:?}",
            file.warnings
        );
    }

    #[test]
    fn undecodable_bytes_are_replaced_and_reported() {
        // Declared UTF-8 by a BOM, then a broken sequence.
        let file = decode(Path::new("b.txt"), b"\xef\xbb\xbfGao \xff Mali")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.text, "Gao \u{fffd} Mali");
        assert!(
            file.warnings
                .iter()
                .any(|w| w.contains("not valid UTF-8; 1 invalid")),
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
