//! Headless commands: each loads what it needs from the core and prints.

pub mod corpus;
pub mod dossier;
pub mod export;
pub mod feeds;
pub mod geoparse;
pub mod read;
pub mod render;
pub mod stats;
pub mod workspace;

use std::path::PathBuf;

use anyhow::Result;

use crate::articles::Article;
use crate::articles::load::article_from_file;

/// The embedded reports and the article files given; a file's decoding
/// warnings (invalid UTF-8…) go to stderr, a file that cannot be read at all
/// is an error naming it.
pub fn embedded_and(files: &[PathBuf]) -> Result<Vec<Article>> {
    let mut articles = Article::embedded();
    for path in files {
        let loaded = article_from_file(path)?;
        for warning in &loaded.warnings {
            eprintln!("dispatch-atlas: {warning}");
        }
        articles.push(loaded.article);
    }
    Ok(articles)
}
