//! The article library: loading the gazetteer and analysing articles on a
//! worker thread, so the window stays responsive, with progress reported as
//! events the UI turns into commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::articles::Article;
use crate::articles::html::html_to_text;
use crate::articles::read::read_text_file;
use crate::dossier::analysis::AnalysedArticle;
use crate::geoparse::gazetteer::{Gazetteer, ZoneName};

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    /// Compiled in: `(id, text)`.
    Embedded(&'static str, &'static str),
    File(PathBuf),
}

impl ArticleSource {
    fn label(&self) -> String {
        match self {
            Self::Embedded(id, _) => (*id).to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }
}

/// What the worker reports.
#[derive(Debug)]
pub enum LibraryEvent {
    GazetteerReady(Arc<Gazetteer>),
    Progress {
        done: usize,
        total: usize,
        current: String,
    },
    Analysed(Box<AnalysedArticle>),
    /// Something the user should know; nothing was lost (e.g. invalid UTF-8 replaced).
    Warning(String),
    /// A file that could not be read, or a gazetteer that could not load.
    Failed(String),
    Finished,
}

/// How the worker gets its gazetteer.
pub enum GazetteerSource {
    Load(Vec<ZoneName>),
    Ready(Arc<Gazetteer>),
}

/// Article files in `dir` (`.txt`, `.md`, `.html`, `.htm`), sorted by name;
/// a missing folder is just empty.
#[must_use]
pub fn article_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| crate::folder::has_extension(p, crate::folder::ARTICLE_EXTENSIONS))
        .collect();
    files.sort();
    files
}

/// Reads one source into an article, with warnings.
pub fn load_article(source: &ArticleSource) -> Result<(Article, Vec<String>), String> {
    match source {
        ArticleSource::Embedded(id, text) => Ok((Article::parse(id, text), Vec::new())),
        ArticleSource::File(path) => {
            let file = read_text_file(path).map_err(|e| e.to_string())?;
            let is_html = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            let text = if is_html {
                html_to_text(&file.text)
            } else {
                file.text
            };
            let id = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            Ok((Article::parse(&id, &text), file.warnings))
        }
    }
}

/// A running (or finished) load.
pub struct Loader {
    events: Receiver<LibraryEvent>,
}

impl Loader {
    /// Starts a worker that gets the gazetteer and analyses `sources`;
    /// `wake` is called after every event (to repaint the window).
    pub fn start(
        gazetteer: GazetteerSource,
        sources: Vec<ArticleSource>,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let (tx, events) = channel();
        std::thread::spawn(move || work(gazetteer, &sources, &tx, &wake));
        Self { events }
    }

    /// Events received since the last call.
    #[must_use]
    pub fn poll(&self) -> Vec<LibraryEvent> {
        self.events.try_iter().collect()
    }
}

fn work(
    gazetteer: GazetteerSource,
    sources: &[ArticleSource],
    tx: &Sender<LibraryEvent>,
    wake: &dyn Fn(),
) {
    let send = |event| {
        // The window may have closed; then nobody is listening and that is fine.
        let _ = tx.send(event);
        wake();
    };
    let total = sources.len();
    send(LibraryEvent::Progress {
        done: 0,
        total,
        current: "loading the gazetteer".to_owned(),
    });
    let gazetteer = match gazetteer {
        GazetteerSource::Ready(g) => g,
        GazetteerSource::Load(zones) => match Gazetteer::load_embedded(&zones) {
            Ok(g) => {
                let g = Arc::new(g);
                send(LibraryEvent::GazetteerReady(Arc::clone(&g)));
                g
            }
            Err(e) => {
                send(LibraryEvent::Failed(format!(
                    "Place names are unavailable: {e}"
                )));
                send(LibraryEvent::Finished);
                return;
            }
        },
    };
    for (done, source) in sources.iter().enumerate() {
        send(LibraryEvent::Progress {
            done,
            total,
            current: source.label(),
        });
        match load_article(source) {
            Ok((article, warnings)) => {
                for w in warnings {
                    send(LibraryEvent::Warning(w));
                }
                send(LibraryEvent::Analysed(Box::new(AnalysedArticle::new(
                    &gazetteer, article,
                ))));
            }
            Err(message) => send(LibraryEvent::Failed(message)),
        }
    }
    send(LibraryEvent::Finished);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_has_no_articles() {
        assert!(article_files_in(Path::new("/nonexistent/dispatch-atlas")).is_empty());
    }

    #[test]
    fn a_missing_file_is_a_failure_with_its_name() {
        let err = load_article(&ArticleSource::File("/nonexistent/a.txt".into()))
            .err()
            .unwrap_or_default();
        assert!(err.contains("/nonexistent/a.txt"), "{err}");
    }

    #[test]
    fn html_files_are_turned_into_text() {
        let dir = std::env::temp_dir().join(format!("dispatch-atlas-lib-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join("page.html");
        std::fs::write(&path, "<h1>Gao</h1><p>Two soldiers.</p>").unwrap_or_else(|e| panic!("{e}"));
        let (article, _) =
            load_article(&ArticleSource::File(path)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(article.title, "Gao");
        assert_eq!(article.body, "Gao\n\nTwo soldiers.");
        assert_eq!(article_files_in(&dir).len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
