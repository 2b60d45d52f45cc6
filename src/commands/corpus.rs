//! `dispatch-atlas corpus add|list|search|remove`: the store the window
//! uses, from the command line. Adding goes through the same library worker
//! as the window (read, analyse on every core, store in chunks).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use crate::articles::Article;
use crate::corpus::store::Store;
use crate::dossier::analysis::{AnalysedArticle, Corpus};
use crate::geoparse::gazetteer::Gazetteer;
use crate::library::{
    ArticleSource, GazetteerSource, Job, Library, LibraryEvent, article_files_in,
};

/// The store file: `--db`, else the user's (the window's).
pub fn db_path(db: Option<&Path>) -> Result<PathBuf> {
    db.map(Path::to_owned)
        .or_else(crate::corpus::default_db_path)
        .ok_or_else(|| anyhow!("no home folder to keep the corpus in; pass --db PATH"))
}

fn open(db: Option<&Path>) -> Result<Store> {
    let path = db_path(db)?;
    Store::open(&path).with_context(|| format!("cannot open the corpus {}", path.display()))
}

/// Files and folders (their article files) in the order given.
fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    inputs
        .iter()
        .flat_map(|p| {
            if p.is_dir() {
                article_files_in(p)
            } else {
                vec![p.clone()]
            }
        })
        .collect()
}

/// Runs `jobs` on a library over the store at `path`, printing its
/// warnings and failures to stderr (and a live count on a terminal), and
/// calling `each` with every event; returns (articles stored, failures).
pub(crate) fn drive(
    path: &Path,
    jobs: Vec<Job>,
    mut each: impl FnMut(&LibraryEvent),
) -> Result<(usize, usize)> {
    let zones = crate::atlas::Atlas::load_embedded()?.zone_names();
    let library = Library::start(
        GazetteerSource::Load(zones),
        Some(path.to_owned()),
        None,
        || {},
    );
    for job in jobs {
        library.submit(job);
    }
    let (mut stored, mut failed) = (0usize, 0usize);
    let mut err = std::io::stderr().lock();
    // A counter redrawn in place reads well in a terminal, not in a log.
    let live = std::io::IsTerminal::is_terminal(&err);
    loop {
        let events = library.poll(usize::MAX);
        if events.is_empty() {
            if !library.is_busy() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            continue;
        }
        for event in events {
            each(&event);
            match event {
                LibraryEvent::Analysed(_) | LibraryEvent::Restored(_) => stored += 1,
                LibraryEvent::Warning(w) => {
                    writeln!(err, "{}dispatch-atlas: {w}", if live { "\r" } else { "" })?;
                }
                LibraryEvent::Failed(f) => {
                    failed += 1;
                    writeln!(err, "{}dispatch-atlas: {f}", if live { "\r" } else { "" })?;
                }
                LibraryEvent::Progress { done, total, .. } if live && total > 0 => {
                    write!(err, "\r{done} / {total}")?;
                }
                // Not asked for here (no restore).
                LibraryEvent::Progress { .. }
                | LibraryEvent::CorpusRestored(_)
                | LibraryEvent::GazetteerReady(_)
                | LibraryEvent::Searched { .. }
                | LibraryEvent::Feeds(_)
                | LibraryEvent::WordsFound { .. }
                | LibraryEvent::Finished => {}
            }
        }
    }
    if live {
        write!(err, "\r")?;
    }
    Ok((stored, failed))
}

/// Whether an input is a web link rather than a file.
fn is_link(input: &str) -> bool {
    let lower = input.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

pub fn add(db: Option<&Path>, inputs: &[String]) -> Result<()> {
    let path = db_path(db)?;
    let (links, files): (Vec<&String>, Vec<&String>) = inputs.iter().partition(|i| is_link(i));
    let files = expand(&files.iter().map(PathBuf::from).collect::<Vec<_>>());
    if files.is_empty() && links.is_empty() {
        bail!("no article files (.txt, .md, .html, .htm) or links in {inputs:?}");
    }
    let mut jobs = Vec::new();
    if !files.is_empty() {
        jobs.push(Job::Read {
            sources: files.iter().cloned().map(ArticleSource::File).collect(),
            explicit: true,
        });
    }
    if !links.is_empty() {
        jobs.push(Job::Fetch(links.iter().map(|l| (*l).clone()).collect()));
    }
    let (stored, failed) = drive(&path, jobs, |_| {})?;
    let total = open(Some(&path))?.count()?;
    let what = match (files.is_empty(), links.is_empty()) {
        (false, true) => "file(s)",
        (true, false) => "link(s)",
        _ => "file(s) and link(s)",
    };
    eprintln!(
        "{stored} of {} {what} in the corpus {} ({total} article(s) in all)",
        files.len() + links.len(),
        path.display()
    );
    if failed > 0 {
        bail!("{failed} input(s) could not be read or stored (see above)");
    }
    Ok(())
}

pub fn list(db: Option<&Path>, json: bool) -> Result<()> {
    let rows = open(db)?.list()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    for r in rows {
        writeln!(
            out,
            "{:>6}  {:<10}  {:<24}  {}  [{}]",
            r.id,
            r.date.as_deref().unwrap_or("—"),
            r.outlet.as_deref().unwrap_or("unknown outlet"),
            r.title,
            r.name
        )?;
    }
    Ok(())
}

pub fn search(db: Option<&Path>, query: &str, limit: usize, json: bool) -> Result<()> {
    let hits = open(db)?.search(query, limit)?;
    let mut out = std::io::stdout().lock();
    if json {
        for hit in &hits {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
        }
        return Ok(());
    }
    for h in &hits {
        writeln!(
            out,
            "{} — {}, {} [{}]\n  {}",
            h.title,
            h.outlet.as_deref().unwrap_or("unknown outlet"),
            h.date.as_deref().unwrap_or("date unknown"),
            h.name,
            h.text
        )?;
    }
    if hits.is_empty() {
        writeln!(
            std::io::stderr(),
            "dispatch-atlas: no sentence matches {query:?}"
        )?;
    }
    Ok(())
}

pub fn remove(db: Option<&Path>, ids: &[String]) -> Result<()> {
    let mut store = open(db)?;
    for id in ids {
        let Some(found) = store.resolve(id)? else {
            bail!("no article {id:?} in the corpus; `dispatch-atlas corpus list` lists them");
        };
        store.remove(found)?;
        eprintln!("dispatch-atlas: removed article {found} ({id}); adding it again brings it back");
    }
    Ok(())
}

/// The stored articles, for the headless commands: `--db`, else the user's
/// store if there is one (a missing store is an empty corpus, and is not
/// created). Analyses of another analyser version are redone in memory.
pub fn stored_articles(db: Option<&Path>, gazetteer: &Gazetteer) -> Result<Vec<AnalysedArticle>> {
    let path = db_path(db)?;
    if db.is_none() && !path.exists() {
        return Ok(Vec::new());
    }
    let store = open(Some(&path))?;
    let mut out = Vec::new();
    store.load_each(|l| {
        out.push(if l.current {
            l.analysed
        } else {
            AnalysedArticle::new(gazetteer, l.analysed.article)
        });
    })?;
    Ok(out)
}

/// The corpus a headless command sees: the stored articles, the embedded
/// reports and `extra` (files given), each text once.
#[must_use]
pub fn corpus_with(
    stored: Vec<AnalysedArticle>,
    gazetteer: &Gazetteer,
    extra: Vec<Article>,
) -> Corpus {
    let mut seen: std::collections::HashSet<crate::corpus::TextHash> = stored
        .iter()
        .map(|a| crate::corpus::TextHash::of(&a.article.body))
        .collect();
    let mut corpus = Corpus::default();
    for a in stored {
        corpus.insert(a);
    }
    for a in extra {
        if seen.insert(crate::corpus::TextHash::of(&a.body)) {
            corpus.insert(AnalysedArticle::new(gazetteer, a));
        }
    }
    corpus
}
