//! The article library: one worker thread that owns the corpus store, loads
//! the gazetteer, reads stored articles back, and reads and analyses new ones,
//! so the window stays responsive. It takes [`Job`]s and reports
//! [`LibraryEvent`]s, which the UI turns into commands.
//!
//! Articles are analysed in chunks on every core and each chunk is stored in
//! one transaction before it is reported: killing the app loses at most the
//! chunk in flight.

use crate::tr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};

use rayon::prelude::*;

use crate::articles::Article;
use crate::articles::load::{LoadedArticle, article_from_file};
use crate::corpus::ArticleId;
use crate::corpus::store::{Added, SourceFile, Store};
use crate::corpus::store::{FeedId, FeedRow};
use crate::dossier::analysis::AnalysedArticle;
use crate::geoparse::gazetteer::{Gazetteer, ZoneName};

mod web_jobs;

/// Articles analysed (then stored) together: small enough that a kill loses
/// little and progress moves often, large enough to keep both cores busy.
const CHUNK: usize = 64;

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    /// Compiled in: `(id, text)`.
    Embedded(&'static str, &'static str),
    File(PathBuf),
    /// Already read (pasted, or fetched from a link or a feed).
    Loaded(Box<LoadedArticle>),
}

impl ArticleSource {
    fn label(&self) -> String {
        match self {
            Self::Embedded(id, _) => (*id).to_owned(),
            Self::File(path) => path.display().to_string(),
            Self::Loaded(loaded) => loaded
                .article
                .url
                .clone()
                .unwrap_or_else(|| loaded.article.title.clone()),
        }
    }
}

/// Work for the library.
#[derive(Debug)]
pub enum Job {
    /// Read and analyse these sources; `explicit` when the user asked for
    /// them (a removed article comes back), not when they are the articles
    /// folder or the embedded reports seen again at a start.
    Read {
        sources: Vec<ArticleSource>,
        explicit: bool,
    },
    /// Mark an article removed in the store (by its short name).
    Remove(String),
    /// Bring a removed article back (undo of a removal).
    Restore(String),
    /// Store what the user said of some words of an article (by its short
    /// name): another place, or not a place.
    Correct {
        article: String,
        correction: crate::corpus::corrections::Correction,
    },
    /// Forget what the user said of the words `start..end` of an article.
    Uncorrect {
        article: String,
        start: usize,
        end: usize,
    },
    /// Full-text search: answered between the chunks of a long reading,
    /// not after it. `serial` tells the answer to the newest question.
    Search {
        query: String,
        limit: usize,
        serial: u64,
    },
    /// For each word of `query`, the articles whose text has a word
    /// starting with it (the dossier's filter); answered between chunks.
    FindWords {
        query: String,
        serial: u64,
    },
    /// Fetch these links (on a thread of their own), read each page as an
    /// article, analyse and store it.
    Fetch(Vec<String>),
    /// Subscribe to feeds: `(url, title)`; then refresh the new ones.
    AddFeeds(Vec<(String, Option<String>)>),
    RemoveFeed(FeedId),
    /// Refresh every feed (`None`) or one: new items' pages fetched,
    /// analysed and stored.
    RefreshFeeds(Option<FeedId>),
    /// Subscribe to the feeds an OPML file lists.
    ImportOpml(PathBuf),
    /// Write the subscriptions to an OPML file.
    ExportOpml(PathBuf),
    /// Report the subscriptions ([`LibraryEvent::Feeds`]).
    ListFeeds,
    /// From the fetch thread (not for callers): what it fetched.
    #[doc(hidden)]
    Fetched(web_jobs::Fetched),
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
    /// The stored corpus, read back at start ([`RestoreInto`]).
    CorpusRestored(Box<RestoredCorpus>),
    /// Something the user should know; nothing was lost (e.g. invalid UTF-8 replaced).
    Warning(String),
    /// A file that could not be read, or a gazetteer that could not load.
    Failed(String),
    /// An article brought back by [`Job::Restore`].
    Restored(Box<AnalysedArticle>),
    /// The answer to [`Job::Search`]: the best sentences, and every
    /// matching article's short name.
    Searched {
        serial: u64,
        query: String,
        hits: Vec<crate::corpus::search::SearchHit>,
        articles: Vec<String>,
    },
    /// The answer to [`Job::FindWords`].
    WordsFound {
        serial: u64,
        query: String,
        words: Vec<(String, Vec<String>)>,
    },
    /// The subscriptions, after any change to them or a refresh.
    Feeds(Vec<FeedRow>),
    /// A job is done (or was cancelled).
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
            let loaded = article_from_file(path).map_err(|e| e.to_string())?;
            Ok((loaded.article, loaded.warnings))
        }
        ArticleSource::Loaded(loaded) => Ok((loaded.article.clone(), loaded.warnings.clone())),
    }
}

/// Where the stored corpus is restored to: the window's atlas (a snapshot:
/// the badges are counted against it on the worker) and the user's last
/// visit (which articles are new).
pub struct RestoreInto {
    pub atlas: Arc<crate::atlas::Atlas>,
    pub last_visit_s: Option<i64>,
}

/// The stored corpus read back and counted on the worker, for the window to
/// take in one step ([`LibraryEvent::CorpusRestored`]): its articles, their
/// badges, and the towns they name that the map lacks.
#[derive(Debug)]
pub struct RestoredCorpus {
    pub corpus: crate::dossier::analysis::Corpus,
    pub rollup: crate::dossier::rollup::RollUp,
    pub new_places: Vec<crate::atlas::Feature>,
}

/// The running library: send it jobs, poll its events.
pub struct Library {
    /// `None` once dropped (the worker then ends).
    jobs: Option<Sender<Job>>,
    worker: Option<std::thread::JoinHandle<()>>,
    events: Receiver<LibraryEvent>,
    /// Jobs submitted whose `Finished` has not been polled yet (the start-up
    /// restore counts as one): a job is done for the caller only once it has
    /// taken every event the job sent.
    pending: AtomicUsize,
    cancel: Arc<AtomicBool>,
    /// Set when the window closes: the worker ends once its queue is empty,
    /// without waiting for fetches under way (they hold a job sender).
    closing: Arc<AtomicBool>,
}

impl Library {
    /// Starts the worker: it gets the gazetteer, opens the store at `store`
    /// (`None`: a store in memory), and, given `restore`, reads the stored
    /// corpus back first (one [`LibraryEvent::CorpusRestored`]). `wake` is
    /// called after every event (to repaint).
    pub fn start(
        gazetteer: GazetteerSource,
        store: Option<PathBuf>,
        restore: Option<RestoreInto>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (jobs, job_rx) = channel();
        let (tx, events) = channel();
        let pending = AtomicUsize::new(1);
        let cancel = Arc::new(AtomicBool::new(false));
        let closing = Arc::new(AtomicBool::new(false));
        let worker = Worker {
            tx,
            wake: Arc::new(wake),
            cancel: Arc::clone(&cancel),
            closing: Arc::clone(&closing),
            jobs_back: jobs.clone(),
            fetch_limits: crate::web::fetch::FetchLimits::default(),
            refreshing: std::cell::Cell::new(false),
            queued: std::cell::RefCell::default(),
            shared: std::cell::RefCell::default(),
            analysers: crate::jobs::priority::background_pool("analyse", None),
        };
        let worker = std::thread::Builder::new()
            .name("library".into())
            .spawn(move || {
                crate::jobs::priority::lower_current_thread();
                worker.run(gazetteer, store.as_deref(), restore, &job_rx);
            })
            .map_err(|e| {
                pending.store(0, Ordering::SeqCst);
                eprintln!("dispatch-atlas: cannot start the article library: {e}");
            })
            .ok();
        Self {
            jobs: Some(jobs),
            worker,
            events,
            pending,
            cancel,
            closing,
        }
    }

    pub fn submit(&self, job: Job) {
        // A new reading is not cancelled by an earlier request to stop.
        if matches!(job, Job::Read { .. } | Job::Fetch(_) | Job::RefreshFeeds(_)) {
            self.cancel.store(false, Ordering::SeqCst);
        }
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self
            .jobs
            .as_ref()
            .is_none_or(|jobs| jobs.send(job).is_err())
        {
            self.pending.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Stops the reading under way after its current chunk (what was read
    /// so far is kept); jobs submitted later run as usual.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// Whether jobs are under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.pending.load(Ordering::SeqCst) > 0
    }

    /// At most `max` events received since the last call (the UI applies a
    /// bounded number per frame, so a large import never stalls a frame).
    #[must_use]
    pub fn poll(&self, max: usize) -> Vec<LibraryEvent> {
        let mut out = Vec::new();
        while out.len() < max {
            match self.events.try_recv() {
                Ok(event) => {
                    if matches!(event, LibraryEvent::Finished) {
                        let _ =
                            self.pending
                                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                                    n.checked_sub(1)
                                });
                    }
                    out.push(event);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                // The worker is gone (it could not start, or failed): no
                // job will finish any more.
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.pending.store(0, Ordering::SeqCst);
                    break;
                }
            }
        }
        out
    }
}

impl Drop for Library {
    /// Stops the worker after the chunk it is reading and waits for it, so
    /// that the store is closed properly (its write-ahead log folded into the
    /// file) before the process ends.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::SeqCst);
        self.closing.store(true, Ordering::SeqCst);
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// One copy of each place's strings, each figure's surface and unit, across
/// the articles the library reports (stored or fresh; their lists come
/// trimmed, see `AnalysedArticle::from_parts`): a corpus of 10,000 articles names a few thousand places over
/// a hundred thousand times, and gives as many figures.
#[derive(Default)]
struct Interner(std::collections::HashSet<Arc<str>>);

impl Interner {
    fn get(&mut self, s: &Arc<str>) -> Arc<str> {
        if let Some(known) = self.0.get(&**s) {
            return Arc::clone(known);
        }
        self.0.insert(Arc::clone(s));
        Arc::clone(s)
    }

    fn share(&mut self, analysed: &mut AnalysedArticle) {
        for p in &mut analysed.places {
            p.surface = self.get(&p.surface);
            p.name = self.get(&p.name);
            p.gazetteer = self.get(&p.gazetteer);
            if let Some(c) = &p.country {
                p.country = Some(self.get(c));
            }
        }
        for f in &mut analysed.figures {
            f.surface = self.get(&f.surface);
            if let Some(u) = &f.unit {
                f.unit = Some(self.get(u));
            }
        }
    }
}

struct Worker {
    tx: Sender<LibraryEvent>,
    wake: Arc<dyn Fn() + Send + Sync>,
    cancel: Arc<AtomicBool>,
    closing: Arc<AtomicBool>,
    /// For the fetch threads to hand their results back as jobs.
    jobs_back: Sender<Job>,
    fetch_limits: crate::web::fetch::FetchLimits,
    /// A feed refresh is under way (a second one is not started).
    refreshing: std::cell::Cell<bool>,
    queued: std::cell::RefCell<web_jobs::Queued>,
    shared: std::cell::RefCell<Interner>,
    /// Analysis on every core, below the window's priority
    /// ([`crate::jobs::priority`]); `None`: rayon's shared pool.
    analysers: Option<rayon::ThreadPool>,
}

impl Worker {
    /// Runs `work` (its parallel iterators) on the analysis threads.
    fn in_background<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match &self.analysers {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    fn send(&self, event: LibraryEvent) {
        // The window may have closed; then nobody is listening and that is fine.
        let _ = self.tx.send(event);
        (self.wake)();
    }

    fn finish(&self) {
        self.send(LibraryEvent::Finished);
    }

    /// Reports an analysed article, its strings shared with the others'.
    fn send_analysed(&self, mut analysed: AnalysedArticle) {
        self.shared.borrow_mut().share(&mut analysed);
        self.send(LibraryEvent::Analysed(Box::new(analysed)));
    }

    fn run(
        self,
        gazetteer: GazetteerSource,
        store_path: Option<&Path>,
        restore: Option<RestoreInto>,
        jobs: &Receiver<Job>,
    ) {
        self.send(LibraryEvent::Progress {
            done: 0,
            total: 0,
            current: tr!("progress-gazetteer"),
        });
        let gazetteer = match gazetteer {
            GazetteerSource::Ready(g) => g,
            GazetteerSource::Load(zones) => match Gazetteer::load_embedded(&zones) {
                Ok(g) => {
                    let g = Arc::new(g);
                    self.send(LibraryEvent::GazetteerReady(Arc::clone(&g)));
                    g
                }
                Err(e) => {
                    self.send(LibraryEvent::Failed(tr!(
                        "library-no-gazetteer",
                        error = e.to_string()
                    )));
                    self.finish();
                    // Jobs cannot be done without place names: say so for each.
                    for _ in jobs {
                        self.send(LibraryEvent::Failed(tr!("library-no-gazetteer-read")));
                        self.finish();
                    }
                    return;
                }
            },
        };
        let Some(mut store) = self.open_store(store_path) else {
            self.finish();
            return;
        };
        if let Some(into) = restore {
            self.restore_stored(&gazetteer, &mut store, into);
        }
        self.finish();
        let mut waiting = std::collections::VecDeque::new();
        loop {
            let job = match waiting.pop_front() {
                Some(job) => job,
                None => match jobs.recv_timeout(std::time::Duration::from_millis(200)) {
                    Ok(job) => job,
                    Err(RecvTimeoutError::Timeout) if self.closing.load(Ordering::SeqCst) => return,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return, // the window closed
                },
            };
            // Jobs whose work goes on elsewhere finish later (Fetch → Fetched).
            let mut finished = true;
            match job {
                Job::Read { sources, explicit } => {
                    let _ = self.read(
                        &gazetteer,
                        &mut store,
                        &sources,
                        explicit,
                        jobs,
                        &mut waiting,
                    );
                }
                Job::Remove(name) => self.set_removed(&mut store, &name, true),
                Job::Restore(name) => self.set_removed(&mut store, &name, false),
                Job::Correct {
                    article,
                    correction,
                } => self.correct(&mut store, &article, Some(&correction), (0, 0)),
                Job::Uncorrect {
                    article,
                    start,
                    end,
                } => self.correct(&mut store, &article, None, (start, end)),
                Job::Search {
                    query,
                    limit,
                    serial,
                } => self.search(&store, query, limit, serial),
                Job::FindWords { query, serial } => self.find_words(&store, query, serial),
                Job::Fetch(urls) => finished = !self.start_fetch(urls),
                Job::AddFeeds(feeds) => finished = !self.add_feeds(&mut store, feeds),
                Job::RemoveFeed(id) => self.remove_feed(&mut store, id),
                Job::RefreshFeeds(only) => finished = !self.start_refresh(&store, only),
                Job::ImportOpml(path) => finished = !self.import_opml(&mut store, &path),
                Job::ExportOpml(path) => self.export_opml(&store, &path),
                Job::ListFeeds => self.send_feeds(&store),
                Job::Fetched(fetched) => {
                    finished =
                        self.take_fetched(&gazetteer, &mut store, fetched, jobs, &mut waiting);
                }
            }
            if finished {
                self.finish();
            }
        }
    }

    fn search(&self, store: &Store, query: String, limit: usize, serial: u64) {
        let found = store
            .search(&query, limit)
            .and_then(|hits| Ok((hits, store.search_articles(&query)?)));
        match found {
            Ok((hits, articles)) => self.send(LibraryEvent::Searched {
                serial,
                query,
                hits,
                articles,
            }),
            Err(e) => self.send(LibraryEvent::Failed(tr!(
                "library-search-failed",
                error = e.to_string()
            ))),
        }
    }

    fn find_words(&self, store: &Store, query: String, serial: u64) {
        let words: Result<Vec<(String, Vec<String>)>, _> =
            crate::corpus::search::filter_words(&query)
                .into_iter()
                .map(|w| store.search_articles(w).map(|names| (w.to_owned(), names)))
                .collect();
        match words {
            Ok(words) => self.send(LibraryEvent::WordsFound {
                serial,
                query,
                words,
            }),
            Err(e) => self.send(LibraryEvent::Failed(tr!(
                "library-filter-failed",
                error = e.to_string()
            ))),
        }
    }

    /// Answers the searches asked for meanwhile; other jobs wait their turn.
    fn answer_searches(
        &self,
        store: &Store,
        jobs: &Receiver<Job>,
        waiting: &mut std::collections::VecDeque<Job>,
    ) {
        for job in jobs.try_iter() {
            match job {
                Job::Search {
                    query,
                    limit,
                    serial,
                } => {
                    self.search(store, query, limit, serial);
                    self.finish();
                }
                Job::FindWords { query, serial } => {
                    self.find_words(store, query, serial);
                    self.finish();
                }
                other => waiting.push_back(other),
            }
        }
    }

    /// The store at `path`, or one in memory (with a message) if that file
    /// cannot be used; `None` only if not even that works.
    fn open_store(&self, path: Option<&Path>) -> Option<Store> {
        let opened = match path {
            Some(path) => Store::open_or_recover(path),
            None => Store::in_memory().map(|s| (s, None)),
        };
        match opened {
            Ok((store, warning)) => {
                if let Some(w) = warning {
                    self.send(LibraryEvent::Warning(w));
                }
                Some(store)
            }
            Err(e) => {
                self.send(LibraryEvent::Failed(format!(
                    "{e}. Articles read now will not be kept after this session."
                )));
                match Store::in_memory() {
                    Ok(store) => Some(store),
                    Err(e) => {
                        self.send(LibraryEvent::Failed(tr!(
                            "library-cannot-read",
                            error = e.to_string()
                        )));
                        None
                    }
                }
            }
        }
    }

    /// Reads the stored corpus back and counts its badges here, then hands
    /// it to the window in one event (applying 10,000 articles one per
    /// command took the window dozens of frames); analyses made by another
    /// version of the analyser are redone (and stored) after, one by one.
    fn restore_stored(&self, gazetteer: &Gazetteer, store: &mut Store, into: RestoreInto) {
        let total = store.count().unwrap_or(0);
        let mut stale: Vec<(ArticleId, Article)> = Vec::new();
        let mut done = 0;
        let mut restored = RestoredCorpus {
            corpus: crate::dossier::analysis::Corpus::default(),
            rollup: crate::dossier::rollup::RollUp::default(),
            new_places: Vec::new(),
        };
        let mut pending: std::collections::HashSet<Arc<str>> = std::collections::HashSet::new();
        let loaded = store.load_each(|loaded| {
            done += 1;
            if loaded.current {
                let mut analysed = loaded.analysed;
                self.shared.borrow_mut().share(&mut analysed);
                for town in crate::dossier::places_to_add(&into.atlas, &analysed) {
                    if pending.insert(Arc::from(town.id.0.as_str())) {
                        restored.new_places.push(town);
                    }
                }
                let new = analysed.article.is_new_since(into.last_visit_s);
                restored
                    .rollup
                    .add_article_pending(&into.atlas, &analysed, new, &pending);
                restored.corpus.insert(analysed);
            } else {
                stale.push((loaded.id, loaded.analysed.article));
            }
            if done % CHUNK == 0 {
                self.send(LibraryEvent::Progress {
                    done,
                    total,
                    current: tr!("progress-opening-store"),
                });
            }
        });
        if let Err(e) = loaded {
            self.send(LibraryEvent::Failed(tr!(
                "library-stored-unreadable",
                error = e.to_string()
            )));
        }
        // The atlas is let go first: the window adds the new towns to it, and
        // a copy would be made were it still shared.
        drop(into);
        self.send(LibraryEvent::CorpusRestored(Box::new(restored)));
        // Re-analysed articles keep what the user corrected.
        let corrections = if stale.is_empty() {
            std::collections::HashMap::new()
        } else {
            store.corrections().unwrap_or_default()
        };
        let total = stale.len();
        for (done, chunk) in stale.chunks(CHUNK).enumerate() {
            if self.cancel.load(Ordering::SeqCst) {
                return;
            }
            self.send(LibraryEvent::Progress {
                done: done * CHUNK,
                total,
                current: tr!("progress-reanalysing"),
            });
            let analysed: Vec<(ArticleId, AnalysedArticle)> = self.in_background(|| {
                chunk
                    .par_iter()
                    .map(|(id, a)| (*id, AnalysedArticle::new(gazetteer, a.clone())))
                    .collect()
            });
            let items: Vec<(ArticleId, &AnalysedArticle)> =
                analysed.iter().map(|(id, a)| (*id, a)).collect();
            if let Err(e) = store.update_analyses(&items) {
                self.send(LibraryEvent::Failed(format!("{e}")));
            }
            for (id, mut a) in analysed {
                if let Some(corrections) = corrections.get(&id) {
                    crate::corpus::corrections::apply(&mut a.places, corrections);
                }
                self.send_analysed(a);
            }
        }
    }

    /// Reads, analyses and stores `sources`; whether every one was read
    /// and stored (not cancelled, no store failure).
    fn read(
        &self,
        gazetteer: &Gazetteer,
        store: &mut Store,
        sources: &[ArticleSource],
        explicit: bool,
        jobs: &Receiver<Job>,
        waiting: &mut std::collections::VecDeque<Job>,
    ) -> bool {
        let total = sources.len();
        let mut all_stored = true;
        for (chunk_index, chunk) in sources.chunks(CHUNK).enumerate() {
            self.answer_searches(store, jobs, waiting);
            if self.cancel.load(Ordering::SeqCst) {
                self.send(LibraryEvent::Warning(tr!(
                    "library-cancelled",
                    left = total - chunk_index * CHUNK,
                    total = total
                )));
                return false;
            }
            self.send(LibraryEvent::Progress {
                done: chunk_index * CHUNK,
                total,
                current: chunk[0].label(),
            });
            // Read (and skip what the store already has) here, analyse on
            // every core, then store the chunk in one transaction.
            let mut to_analyse: Vec<(Article, Option<SourceFile>)> = Vec::new();
            for source in chunk {
                let file = match source {
                    ArticleSource::File(path) => SourceFile::of(path),
                    ArticleSource::Embedded(..) | ArticleSource::Loaded(_) => None,
                };
                if !explicit
                    && let Some(f) = &file
                    && store.has_unchanged(f).unwrap_or(false)
                {
                    continue;
                }
                match load_article(source) {
                    Ok((article, warnings)) => {
                        for w in warnings {
                            self.send(LibraryEvent::Warning(w));
                        }
                        // Text already stored: at a start it was reported
                        // with the stored articles (or was removed).
                        if !explicit && store.id_of_text(&article.body).ok().flatten().is_some() {
                            continue;
                        }
                        to_analyse.push((article, file));
                    }
                    Err(message) => self.send(LibraryEvent::Failed(message)),
                }
            }
            let mut analysed: Vec<(AnalysedArticle, Option<SourceFile>)> =
                self.in_background(|| {
                    to_analyse
                        .into_par_iter()
                        .map(|(a, f)| (AnalysedArticle::new(gazetteer, a), f))
                        .collect()
                });
            let items: Vec<(&AnalysedArticle, Option<&SourceFile>)> =
                analysed.iter().map(|(a, f)| (a, f.as_ref())).collect();
            match store.add_all(&items) {
                Ok(added) => {
                    for ((mut a, _), added) in analysed.drain(..).zip(added) {
                        // The store's name wins: a second "a.txt" is "a.txt~hash".
                        if let Ok(Some(name)) = store.name_of(added.id()) {
                            a.article.id = name;
                        }
                        if matches!(added, Added::New(_)) {
                            a.article.added_at_s = Some(crate::corpus::store::now_s());
                        }
                        if matches!(added, Added::Existing(_)) && !explicit {
                            continue;
                        }
                        // An article read again keeps what the user corrected.
                        if !matches!(added, Added::New(_))
                            && let Ok(corrections) = store.corrections_of(added.id())
                        {
                            crate::corpus::corrections::apply(&mut a.places, &corrections);
                        }
                        self.send_analysed(a);
                    }
                }
                Err(e) => {
                    all_stored = false;
                    self.send(LibraryEvent::Failed(format!(
                        "{e} ({} article(s) shown but not stored)",
                        analysed.len()
                    )));
                    for (a, _) in analysed {
                        self.send_analysed(a);
                    }
                }
            }
        }
        all_stored
    }

    /// Stores a correction (`Some`), or forgets the one of the words at
    /// `span` (`None`); a failure is reported, the window keeps it meanwhile.
    fn correct(
        &self,
        store: &mut Store,
        name: &str,
        correction: Option<&crate::corpus::corrections::Correction>,
        span: (usize, usize),
    ) {
        let result = store
            .resolve_any(name)
            .and_then(|id| match (id, correction) {
                (Some(id), Some(c)) => store.set_correction(id, c).map(|_| ()),
                (Some(id), None) => store.clear_correction(id, span.0, span.1),
                (None, _) => Ok(()),
            });
        if let Err(e) = result {
            self.send(LibraryEvent::Failed(tr!(
                "library-correction-unsaved",
                error = e.to_string()
            )));
        }
    }

    fn set_removed(&self, store: &mut Store, name: &str, removed: bool) {
        let result = store.resolve_any(name).and_then(|id| match id {
            Some(id) if removed => store.remove(id).map(|_| None),
            Some(id) => {
                store.restore(id)?;
                store.load_one(id)
            }
            None => Ok(None),
        });
        match result {
            Ok(Some(analysed)) => self.send(LibraryEvent::Restored(Box::new(analysed))),
            Ok(None) => {}
            Err(e) => self.send(LibraryEvent::Failed(tr!(
                "library-store-unchanged",
                error = e.to_string()
            ))),
        }
    }
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
    fn a_cancelled_reading_stops_and_says_what_was_not_read() {
        let dir =
            std::env::temp_dir().join(format!("dispatch-atlas-cancel-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let sources: Vec<ArticleSource> = (0..200)
            .map(|i| {
                let path = dir.join(format!("{i}.txt"));
                std::fs::write(&path, format!("Report {i}: fighting near Gao."))
                    .unwrap_or_else(|e| panic!("{e}"));
                ArticleSource::File(path)
            })
            .collect();
        let zones = crate::atlas::Atlas::load_embedded()
            .unwrap_or_else(|e| panic!("{e}"))
            .zone_names();
        let library = Library::start(GazetteerSource::Load(zones), None, None, || {});
        library.submit(Job::Read {
            sources,
            explicit: true,
        });
        // The worker is still loading the gazetteer: the stop comes first.
        library.cancel();
        let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
        let (mut analysed, mut said) = (0, String::new());
        while library.is_busy() || !said.contains("cancelled") {
            assert!(
                std::time::Instant::now() < deadline,
                "the library never finished"
            );
            for event in library.poll(usize::MAX) {
                match event {
                    LibraryEvent::Analysed(_) => analysed += 1,
                    LibraryEvent::Warning(w) => said = w,
                    _ => {}
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(analysed < 200, "{analysed} read");
        assert!(said.contains("of 200 articles were not read"), "{said}");
        let _ = std::fs::remove_dir_all(&dir);
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

#[cfg(test)]
mod restore_tests {
    use super::*;
    use crate::state::{AppState, Command};

    /// The stored corpus, counted on the worker and swapped in at once,
    /// gives the window the badges it gets adding the articles one by one,
    /// towns the map lacks included.
    #[test]
    fn a_restored_corpus_counts_as_the_articles_added_one_by_one() {
        let dir =
            std::env::temp_dir().join(format!("dispatch-atlas-restore-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let db = dir.join("corpus.sqlite");
        let atlas = crate::atlas::Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let gazetteer = Arc::new(
            Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("{e}")),
        );
        let mut articles = Article::embedded();
        articles.push(Article::parse(
            "towns.txt",
            "title: Towns\n\nClashes were reported in Ténenkou, Niafunké and Inékar, in Mali.",
        ));
        let analysed: Vec<AnalysedArticle> = articles
            .into_iter()
            .map(|a| AnalysedArticle::new(&gazetteer, a))
            .collect();
        {
            let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
            for a in &analysed {
                store.add(a, None).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        // One by one, as articles read from files are added.
        let mut one_by_one = AppState::new(atlas.clone(), None);
        for a in &analysed {
            let mut a = a.clone();
            a.article.added_at_s = None;
            one_by_one.apply(Command::ArticleAnalysed(Box::new(a)));
        }
        // Restored by the library.
        let mut restored_state = AppState::new(atlas, None);
        let library = Library::start(
            GazetteerSource::Ready(Arc::clone(&gazetteer)),
            Some(db.clone()),
            Some(RestoreInto {
                atlas: Arc::clone(&restored_state.atlas),
                last_visit_s: None,
            }),
            || {},
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
        let mut restored = None;
        while restored.is_none() {
            assert!(std::time::Instant::now() < deadline, "never restored");
            for event in library.poll(usize::MAX) {
                if let LibraryEvent::CorpusRestored(r) = event {
                    restored = Some(r);
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let restored = restored.unwrap_or_else(|| panic!("never restored"));
        assert!(
            !restored.new_places.is_empty(),
            "some town the map lacks, to be added"
        );
        restored_state.apply(Command::CorpusRestored(restored));
        assert_eq!(restored_state.corpus.len(), one_by_one.corpus.len());
        assert_eq!(restored_state.mention_counts(), one_by_one.mention_counts());
        drop(library);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
