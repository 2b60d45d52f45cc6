//! `dispatch-atlas read --json FILE|URL...`: each input read as the app
//! reads it (web pages through the reader view, any text encoding), printed
//! as one JSON object per input, in order (JSON Lines).

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::articles::load::{LoadedArticle, article_from_file};
use crate::web::article_from_response;
use crate::web::fetch::{FetchLimits, fetch};

/// One line of output: what the app would store, and what it would say.
#[derive(Serialize)]
struct ReadLine<'a> {
    file: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<&'a str>,
    language: Option<&'a str>,
    text: &'a str,
    warnings: &'a [String],
}

fn read_one(input: &str) -> Result<LoadedArticle, String> {
    let lower = input.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let fetched = fetch(input, &FetchLimits::default()).map_err(|e| e.to_string())?;
        Ok(article_from_response(&fetched))
    } else {
        article_from_file(std::path::Path::new(input)).map_err(|e| e.to_string())
    }
}

pub fn run(inputs: &[String]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for input in inputs {
        let line = match read_one(input) {
            Ok(loaded) => {
                let a = &loaded.article;
                serde_json::to_string(&ReadLine {
                    file: input,
                    title: Some(&a.title),
                    outlet: a.outlet.as_deref(),
                    url: a.url.as_deref(),
                    date: a.date.as_deref(),
                    language: a.language.as_deref(),
                    text: &a.body,
                    warnings: &loaded.warnings,
                })?
            }
            Err(why) => {
                failed += 1;
                eprintln!("dispatch-atlas: {why}");
                serde_json::to_string(&ReadLine {
                    file: input,
                    title: None,
                    outlet: None,
                    url: None,
                    date: None,
                    language: None,
                    text: "",
                    warnings: &[why],
                })?
            }
        };
        writeln!(out, "{line}")?;
    }
    if failed > 0 {
        bail!(
            "{failed} of {} input(s) could not be read (see their warnings)",
            inputs.len()
        );
    }
    Ok(())
}
