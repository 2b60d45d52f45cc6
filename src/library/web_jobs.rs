//! The library's work on the web: links and feeds are fetched on a thread
//! of their own (the library keeps answering searches meanwhile), which
//! hands its results back as a [`Job::Fetched`]; reading them into the
//! store then goes the way of any article.

use crate::tr;
use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::{ArticleSource, Job, LibraryEvent, Worker};
use crate::corpus::store::{FeedId, FeedRow, Store};
use crate::geoparse::gazetteer::Gazetteer;
use crate::web::fetch::check_url;
use crate::web::opml::{OpmlFeed, feeds_from_opml, opml_from_feeds};
use crate::web::{FeedRefresh, fetch_article, refresh_feed};

/// New items taken from one feed at one refresh, at most: a feed of 500
/// old items subscribed to today does not fetch 500 pages at once (the rest
/// come at the next refreshes).
pub const MAX_NEW_ITEMS_PER_REFRESH: usize = 50;

/// What a fetch thread brings back.
#[derive(Debug)]
pub enum Fetched {
    /// Pages of links the user gave: each one's article or what went wrong.
    Links(Vec<Result<crate::articles::load::LoadedArticle, String>>),
    /// One feed refreshed.
    Feed {
        id: FeedId,
        result: Result<FeedRefresh, String>,
    },
    /// A refresh is over; it stands for `jobs` jobs.
    FeedsDone { jobs: usize },
}

/// Feeds waiting for the refresh under way to end, and how many jobs asked.
#[derive(Default)]
pub(super) struct Queued {
    feeds: Vec<FeedId>,
    jobs: usize,
}

/// What a fetch thread needs of the worker: where to report progress, how
/// to hand its results back, whether to stop, and its limits.
struct FetchThread {
    tx: std::sync::mpsc::Sender<LibraryEvent>,
    wake: std::sync::Arc<dyn Fn() + Send + Sync>,
    back: std::sync::mpsc::Sender<Job>,
    cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    limits: crate::web::fetch::FetchLimits,
}

impl FetchThread {
    fn progress(&self, done: usize, total: usize, current: String) {
        let _ = self.tx.send(LibraryEvent::Progress {
            done,
            total,
            current,
        });
        (self.wake)();
    }

    fn hand_back(&self, fetched: Fetched) {
        // The worker may be gone (the window closed): then nobody waits.
        let _ = self.back.send(Job::Fetched(fetched));
        (self.wake)();
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}

impl Worker {
    fn fetch_thread(&self) -> FetchThread {
        FetchThread {
            tx: self.tx.clone(),
            wake: std::sync::Arc::clone(&self.wake),
            back: self.jobs_back.clone(),
            cancel: std::sync::Arc::clone(&self.cancel),
            limits: self.fetch_limits,
        }
    }

    /// Starts fetching `urls`; `false` if there was nothing to fetch (the
    /// job is then finished at once).
    pub(super) fn start_fetch(&self, urls: Vec<String>) -> bool {
        let mut valid = Vec::new();
        for url in urls {
            match check_url(&url) {
                Ok(()) => valid.push(url.trim().to_owned()),
                Err(e) => self.send(LibraryEvent::Failed(e.to_string())),
            }
        }
        if valid.is_empty() {
            return false;
        }
        let thread = self.fetch_thread();
        let spawned = std::thread::Builder::new()
            .name("fetch".into())
            .spawn(move || {
                let total = valid.len();
                let mut results = Vec::with_capacity(total);
                for (done, url) in valid.iter().enumerate() {
                    if thread.cancelled() {
                        results.push(Err(format!("{url}: not fetched (cancelled)")));
                        continue;
                    }
                    thread.progress(done, total, tr!("progress-fetching", url = url.as_str()));
                    results.push(fetch_article(url, &thread.limits).map_err(|e| e.to_string()));
                }
                thread.hand_back(Fetched::Links(results));
            });
        if let Err(e) = spawned {
            self.send(LibraryEvent::Failed(tr!(
                "fetch-cannot-start",
                error = e.to_string()
            )));
            return false;
        }
        true
    }

    /// Takes back what a fetch thread brought; whether the job it stands
    /// for is finished.
    pub(super) fn take_fetched(
        &self,
        gazetteer: &Gazetteer,
        store: &mut Store,
        fetched: Fetched,
        jobs: &std::sync::mpsc::Receiver<Job>,
        waiting: &mut std::collections::VecDeque<Job>,
    ) -> bool {
        match fetched {
            Fetched::Links(results) => {
                let mut sources = Vec::new();
                for result in results {
                    match result {
                        Ok(loaded) => sources.push(ArticleSource::Loaded(Box::new(loaded))),
                        Err(why) => self.send(LibraryEvent::Failed(why)),
                    }
                }
                let _ = self.read(gazetteer, store, &sources, true, jobs, waiting);
                true
            }
            Fetched::Feed { id, result } => {
                match result {
                    Ok(refresh) => {
                        for w in &refresh.warnings {
                            self.send(LibraryEvent::Warning(w.clone()));
                        }
                        let sources: Vec<ArticleSource> = refresh
                            .articles
                            .into_iter()
                            .map(|mut loaded| {
                                // Said once above, not again by `read`.
                                loaded.warnings.clear();
                                ArticleSource::Loaded(Box::new(loaded))
                            })
                            .collect();
                        let stored = self.read(gazetteer, store, &sources, false, jobs, waiting);
                        // Items whose articles were not stored (a full disk, a
                        // cancel) are not marked taken: the next refresh tries again.
                        let (taken, error) = if stored {
                            let more = (refresh.left > 0).then(|| {
                                format!(
                                    "{} more new item(s) will come at the next refresh",
                                    refresh.left
                                )
                            });
                            (refresh.taken.as_slice(), more)
                        } else {
                            let why = "the new items were not stored; they will be fetched again";
                            (&[][..], Some(why.to_owned()))
                        };
                        if let Err(e) = store.record_refresh(
                            id,
                            refresh.title.as_deref(),
                            taken,
                            error.as_deref(),
                        ) {
                            self.send(LibraryEvent::Failed(e.to_string()));
                        }
                    }
                    Err(why) => {
                        self.send(LibraryEvent::Warning(tr!(
                            "feed-not-refreshed",
                            error = why.as_str()
                        )));
                        if let Err(e) = store.record_refresh(id, None, &[], Some(&why)) {
                            self.send(LibraryEvent::Failed(e.to_string()));
                        }
                    }
                }
                self.send_feeds(store);
                false
            }
            Fetched::FeedsDone { jobs: owed } => {
                self.refreshing.set(false);
                // The job that started this refresh is finished by the
                // caller; the others merged into it here.
                for _ in 1..owed {
                    self.finish();
                }
                let queued = std::mem::take(&mut *self.queued.borrow_mut());
                // The jobs that waited finish with their refresh, or now if
                // there is nothing left to refresh (their feeds were removed).
                if queued.jobs > 0
                    && !self.start_refresh_of(store, Some(&queued.feeds), queued.jobs)
                {
                    for _ in 0..queued.jobs {
                        self.finish();
                    }
                }
                owed > 0
            }
        }
    }

    pub(super) fn send_feeds(&self, store: &Store) {
        match store.feeds() {
            Ok(feeds) => self.send(LibraryEvent::Feeds(feeds)),
            Err(e) => self.send(LibraryEvent::Failed(tr!(
                "feeds-unlisted",
                error = e.to_string()
            ))),
        }
    }

    /// Subscribes; the new feeds are refreshed at once. Whether a refresh
    /// was started (the job finishes with it).
    pub(super) fn add_feeds(
        &self,
        store: &mut Store,
        feeds: Vec<(String, Option<String>)>,
    ) -> bool {
        let mut new = Vec::new();
        for (url, title) in feeds {
            if let Err(e) = check_url(&url) {
                self.send(LibraryEvent::Failed(e.to_string()));
                continue;
            }
            match store.add_feed(&url, title.as_deref()) {
                Ok((id, true)) => new.push(id),
                Ok((_, false)) => self.send(LibraryEvent::Warning(format!(
                    "{}: already subscribed",
                    url.trim()
                ))),
                Err(e) => self.send(LibraryEvent::Failed(format!(
                    "{}: not subscribed: {e}",
                    url.trim()
                ))),
            }
        }
        self.send_feeds(store);
        !new.is_empty() && self.start_refresh_of(store, Some(&new), 1)
    }

    pub(super) fn remove_feed(&self, store: &mut Store, id: FeedId) {
        match store.remove_feed(id) {
            Ok(true) => {}
            Ok(false) => self.send(LibraryEvent::Failed(tr!(
                "feed-missing",
                id = id.to_string()
            ))),
            Err(e) => self.send(LibraryEvent::Failed(tr!(
                "feed-not-removed",
                error = e.to_string()
            ))),
        }
        self.send_feeds(store);
    }

    pub(super) fn start_refresh(&self, store: &Store, only: Option<FeedId>) -> bool {
        let only = only.map(|id| vec![id]);
        self.start_refresh_of(store, only.as_deref(), 1)
    }

    /// Refreshes `only` these feeds (`None`: all) on a fetch thread,
    /// standing for `jobs` jobs; if a refresh is under way, they wait for
    /// it. Whether the jobs finish later (`false`: nothing to do).
    fn start_refresh_of(&self, store: &Store, only: Option<&[FeedId]>, jobs: usize) -> bool {
        let feeds = match store.feeds() {
            Ok(feeds) => feeds,
            Err(e) => {
                self.send(LibraryEvent::Failed(tr!(
                    "feeds-unreadable",
                    error = e.to_string()
                )));
                return false;
            }
        };
        let targets: Vec<FeedRow> = feeds
            .into_iter()
            .filter(|f| only.is_none_or(|ids| ids.contains(&f.id)))
            .collect();
        if targets.is_empty() {
            return false;
        }
        if self.refreshing.get() {
            let mut queued = self.queued.borrow_mut();
            queued.feeds.extend(targets.iter().map(|f| f.id));
            queued.jobs += jobs;
            return true;
        }
        let mut plan = Vec::with_capacity(targets.len());
        for feed in targets {
            match store.seen_items(feed.id) {
                Ok(seen) => plan.push((feed, seen)),
                Err(e) => self.send(LibraryEvent::Failed(format!("{}: {e}", feed.url))),
            }
        }
        let thread = self.fetch_thread();
        let spawned = std::thread::Builder::new()
            .name("feeds".into())
            .spawn(move || refresh_all(&plan, jobs, &thread));
        match spawned {
            Ok(_) => {
                self.refreshing.set(true);
                true
            }
            Err(e) => {
                self.send(LibraryEvent::Failed(tr!(
                    "feeds-cannot-refresh",
                    error = e.to_string()
                )));
                false
            }
        }
    }

    pub(super) fn import_opml(&self, store: &mut Store, path: &Path) -> bool {
        let feeds = std::fs::read(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))
            .and_then(|bytes| {
                let text = crate::articles::encoding::decode(
                    &path.display().to_string(),
                    &bytes,
                    None,
                    false,
                )
                .text;
                feeds_from_opml(&text).map_err(|e| format!("{}: {e}", path.display()))
            });
        match feeds {
            Ok(feeds) if feeds.is_empty() => {
                self.send(LibraryEvent::Warning(format!(
                    "{}: lists no feeds",
                    path.display()
                )));
                false
            }
            Ok(feeds) => {
                self.add_feeds(store, feeds.into_iter().map(|f| (f.url, f.title)).collect())
            }
            Err(why) => {
                self.send(LibraryEvent::Failed(why));
                false
            }
        }
    }

    pub(super) fn export_opml(&self, store: &Store, path: &Path) {
        let written = store.feeds().map_err(|e| e.to_string()).and_then(|feeds| {
            let list: Vec<OpmlFeed> = feeds
                .into_iter()
                .map(|f| OpmlFeed {
                    url: f.url,
                    title: f.title,
                })
                .collect();
            let xml = opml_from_feeds(&list).map_err(|e| e.to_string())?;
            crate::save::write_atomically(path, xml.as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))
                .map(|()| list.len())
        });
        match written {
            Ok(n) => self.send(LibraryEvent::Warning(format!(
                "{n} feed(s) written to {}",
                path.display()
            ))),
            Err(why) => self.send(LibraryEvent::Failed(tr!(
                "feeds-not-exported",
                error = why.as_str()
            ))),
        }
    }
}

/// The fetch thread of a refresh: each feed in turn, each handed back as
/// soon as it is done, then the end.
fn refresh_all(plan: &[(FeedRow, HashSet<String>)], jobs: usize, thread: &FetchThread) {
    for (feed, seen) in plan {
        if thread.cancelled() {
            break;
        }
        let name = feed.title.clone().unwrap_or_else(|| feed.url.clone());
        thread.progress(0, 0, tr!("progress-refreshing", name = name.as_str()));
        let result = refresh_feed(
            &feed.url,
            seen,
            &thread.limits,
            MAX_NEW_ITEMS_PER_REFRESH,
            &thread.cancel,
            |done, total, item| thread.progress(done, total, format!("{name}: {item}")),
        );
        thread.hand_back(Fetched::Feed {
            id: feed.id,
            result,
        });
    }
    thread.hand_back(Fetched::FeedsDone { jobs });
}
