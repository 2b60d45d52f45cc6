//! The corpus store: every article the user added, its metadata and what the
//! analysis found in it, in one `SQLite` file in the user's data folder.
//!
//! An article is analysed once: the store keeps the analysis with the
//! version of the analyser that made it ([`ANALYSER_VERSION`]), keyed by a
//! hash of the article's text, so a restart reads the analysis back instead of
//! geoparsing again. The same text, or the same URL, added twice is one
//! article. Removal is a mark (undoable, and a removed article's file in the
//! articles folder is not read back at the next start).
//!
//! Everything SQL is behind [`store::Store`]: a shared server database for
//! teams would be a second implementation of that one type.

pub mod corrections;
mod schema;
pub mod search;
pub mod store;

use std::fmt::Write as _;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// Changes whenever the analyser's code or data changes (computed by
/// `build.rs` from their files): stored analyses of another version are
/// redone in the background.
pub const ANALYSER_VERSION: &str = env!("DISPATCH_ANALYSER_VERSION");

/// An article's row in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct ArticleId(pub i64);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The hash that identifies an article's text: SHA-256 of the body with
/// surrounding white space trimmed, the first 16 bytes in hex.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextHash(pub String);

impl TextHash {
    #[must_use]
    pub fn of(body: &str) -> Self {
        let digest = Sha256::digest(body.trim().as_bytes());
        let mut hex = String::with_capacity(32);
        for b in &digest[..16] {
            let _ = write!(hex, "{b:02x}");
        }
        Self(hex)
    }
}

/// The corpus file in the user's data folder (the folder the window keeps
/// its annotations in): `$XDG_DATA_HOME/dispatch-atlas/corpus.sqlite`, or
/// `~/.local/share/dispatch-atlas/corpus.sqlite`.
#[must_use]
pub fn default_db_path() -> Option<PathBuf> {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data_home.join("dispatch-atlas").join("corpus.sqlite"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_ignores_surrounding_space_and_nothing_else() {
        assert_eq!(TextHash::of("Gao.\n"), TextHash::of("  Gao."));
        assert_ne!(TextHash::of("Gao."), TextHash::of("Gao!"));
        assert_eq!(TextHash::of("x").0.len(), 32);
    }

    #[test]
    fn the_analyser_version_is_set_by_the_build() {
        assert_eq!(ANALYSER_VERSION.len(), 16, "{ANALYSER_VERSION}");
    }
}
