//! `dispatch-atlas feeds add|list|refresh|remove|import|export`: the
//! window's subscriptions, from the command line, through the same library
//! worker (fetching on its thread, reading and storing as the window does).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

use super::corpus::{db_path, drive};
use crate::corpus::store::{FeedId, FeedRow, Store};
use crate::library::{Job, LibraryEvent};

/// `dispatch-atlas feeds …` (the CLI parses it; here so that commands do not
/// depend on the CLI module).
#[derive(Debug, clap::Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to feeds and take their items now.
    Add {
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
    },
    /// List the subscriptions with their last refresh.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Fetch every feed's new items (or only the feeds given, by number or URL).
    Refresh {
        #[arg(value_name = "ID|URL")]
        feeds: Vec<String>,
    },
    /// Unsubscribe (the articles taken stay in the corpus).
    Remove {
        #[arg(required = true, value_name = "ID|URL")]
        feeds: Vec<String>,
    },
    /// Subscribe to every feed an OPML file lists (feed readers export one).
    Import {
        #[arg(value_name = "FILE.opml")]
        file: std::path::PathBuf,
    },
    /// Write the subscriptions as an OPML file.
    Export {
        #[arg(value_name = "FILE.opml")]
        file: std::path::PathBuf,
    },
}

fn store(path: &Path) -> Result<Store> {
    Store::open(path).with_context(|| format!("cannot open the corpus {}", path.display()))
}

fn resolve(store: &Store, given: &[String]) -> Result<Vec<FeedId>> {
    given
        .iter()
        .map(|g| {
            store
                .resolve_feed(g)?
                .ok_or_else(|| anyhow!("no feed {g:?} (see `dispatch-atlas feeds list`)"))
        })
        .collect()
}

/// Runs `jobs`, then prints each feed's state; fails if anything did.
fn run_jobs(path: &Path, jobs: Vec<Job>) -> Result<()> {
    let mut feeds: Vec<FeedRow> = Vec::new();
    let (stored, failed) = drive(path, jobs, |event| {
        if let LibraryEvent::Feeds(list) = event {
            feeds.clone_from(list);
        }
    })?;
    let mut err = std::io::stderr().lock();
    for f in &feeds {
        if let Some(error) = &f.error {
            writeln!(err, "{}: {error}", f.url)?;
        }
    }
    writeln!(err, "{stored} new article(s) stored in {}", path.display())?;
    if failed > 0 {
        bail!("{failed} item(s) or feed(s) failed (see above)");
    }
    Ok(())
}

pub fn run(db: Option<&Path>, command: FeedsCommand) -> Result<()> {
    let path = db_path(db)?;
    match command {
        FeedsCommand::Add { urls } => run_jobs(
            &path,
            vec![Job::AddFeeds(urls.into_iter().map(|u| (u, None)).collect())],
        ),
        FeedsCommand::Refresh { feeds } => {
            let ids = resolve(&store(&path)?, &feeds)?;
            let jobs = if ids.is_empty() {
                vec![Job::RefreshFeeds(None)]
            } else {
                ids.into_iter()
                    .map(|id| Job::RefreshFeeds(Some(id)))
                    .collect()
            };
            run_jobs(&path, jobs)
        }
        FeedsCommand::Remove { feeds } => {
            let mut store = store(&path)?;
            for id in resolve(&store, &feeds)? {
                store.remove_feed(id)?;
            }
            Ok(())
        }
        FeedsCommand::Import { file } => run_jobs(&path, vec![Job::ImportOpml(file)]),
        FeedsCommand::Export { file } => {
            let (_, failed) = drive(&path, vec![Job::ExportOpml(file.clone())], |_| {})?;
            if failed > 0 {
                bail!("{} not written (see above)", file.display());
            }
            Ok(())
        }
        FeedsCommand::List { json } => {
            let rows = store(&path)?.feeds()?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
                return Ok(());
            }
            for f in rows {
                let refreshed = f.refreshed_at_s.map_or_else(
                    || "never refreshed".to_owned(),
                    |s| format!("refreshed {}", utc(s)),
                );
                writeln!(
                    out,
                    "{:>4}  {}  ({} item(s), {} new; {refreshed}){}\n      {}",
                    f.id,
                    f.title.as_deref().unwrap_or("untitled"),
                    f.items,
                    f.new_items,
                    f.error.map(|e| format!(" — {e}")).unwrap_or_default(),
                    f.url
                )?;
            }
            Ok(())
        }
    }
}

/// `YYYY-MM-DD HH:MM UTC` from seconds since 1970.
#[must_use]
pub fn utc(seconds: i64) -> String {
    let (days, rem) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = crate::export::time::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::utc(1_710_403_920), "2024-03-14 08:12 UTC");
    }
}
