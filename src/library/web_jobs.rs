//! The library's work on the web: links and feeds are fetched on a thread
//! of their own (the library keeps answering searches meanwhile), which
//! hands its results back as a [`Job::Fetched`]; reading them into the
//! store then goes the way of any article.

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

impl Worker {
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
        let (tx, wake, back, cancel, limits) = (
            self.tx.clone(),
            std::sync::Arc::clone(&self.wake),
            self.jobs_back.clone(),
            std::sync::Arc::clone(&self.cancel),
            self.fetch_limits,
        );
        let spawned = std::thread::Builder::new()
            .name("fetch".into())
            .spawn(move || {
                let total = valid.len();
                let mut results = Vec::with_capacity(total);
                for (done, url) in valid.iter().enumerate() {
                    if cancel.load(Ordering::SeqCst) {
                        results.push(Err(format!("{url}: not fetched (cancelled)")));
                        continue;
                    }
                    let _ = tx.send(LibraryEvent::Progress {
                        done,
                        total,
                        current: format!("fetching {url}"),
                    });
                    wake();
                    results.push(fetch_article(url, &limits).map_err(|e| e.to_string()));
                }
                let _ = back.send(Job::Fetched(Fetched::Links(results)));
                wake();
            });
        if let Err(e) = spawned {
            self.send(LibraryEvent::Failed(format!("Cannot start fetching: {e}")));
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
                self.read(gazetteer, store, &sources, true, jobs, waiting);
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
                        self.read(gazetteer, store, &sources, false, jobs, waiting);
                        let error = (refresh.left > 0).then(|| {
                            format!(
                                "{} more new item(s) will come at the next refresh",
                                refresh.left
                            )
                        });
                        if let Err(e) = store.record_refresh(
                            id,
                            refresh.title.as_deref(),
                            &refresh.taken,
                            error.as_deref(),
                        ) {
                            self.send(LibraryEvent::Failed(e.to_string()));
                        }
                    }
                    Err(why) => {
                        self.send(LibraryEvent::Warning(format!("Feed not refreshed: {why}")));
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
                if queued.jobs > 0 {
                    self.start_refresh_of(store, Some(&queued.feeds), queued.jobs);
                }
                owed > 0
            }
        }
    }

    pub(super) fn send_feeds(&self, store: &Store) {
        match store.feeds() {
            Ok(feeds) => self.send(LibraryEvent::Feeds(feeds)),
            Err(e) => self.send(LibraryEvent::Failed(format!("Feeds cannot be listed: {e}"))),
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
            Ok(false) => self.send(LibraryEvent::Failed(format!("There is no feed {id}"))),
            Err(e) => self.send(LibraryEvent::Failed(format!(
                "The feed could not be removed: {e}"
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
                self.send(LibraryEvent::Failed(format!("Feeds cannot be read: {e}")));
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
        let (tx, wake, back, cancel, limits) = (
            self.tx.clone(),
            std::sync::Arc::clone(&self.wake),
            self.jobs_back.clone(),
            std::sync::Arc::clone(&self.cancel),
            self.fetch_limits,
        );
        let spawned = std::thread::Builder::new()
            .name("feeds".into())
            .spawn(move || refresh_all(&plan, jobs, &limits, &cancel, &tx, &*wake, &back));
        match spawned {
            Ok(_) => {
                self.refreshing.set(true);
                true
            }
            Err(e) => {
                self.send(LibraryEvent::Failed(format!(
                    "Cannot start refreshing feeds: {e}"
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
            Err(why) => self.send(LibraryEvent::Failed(format!("Feeds not exported: {why}"))),
        }
    }
}

/// The fetch thread of a refresh: each feed in turn, each handed back as
/// soon as it is done, then the end.
fn refresh_all(
    plan: &[(FeedRow, HashSet<String>)],
    jobs: usize,
    limits: &crate::web::fetch::FetchLimits,
    cancel: &std::sync::atomic::AtomicBool,
    tx: &std::sync::mpsc::Sender<LibraryEvent>,
    wake: &(dyn Fn() + Send + Sync),
    back: &std::sync::mpsc::Sender<Job>,
) {
    for (feed, seen) in plan {
        if cancel.load(Ordering::SeqCst) {
            break;
        }
        let name = feed.title.clone().unwrap_or_else(|| feed.url.clone());
        let _ = tx.send(LibraryEvent::Progress {
            done: 0,
            total: 0,
            current: format!("refreshing {name}"),
        });
        wake();
        let result = refresh_feed(
            &feed.url,
            seen,
            limits,
            MAX_NEW_ITEMS_PER_REFRESH,
            cancel,
            |done, total, item| {
                let _ = tx.send(LibraryEvent::Progress {
                    done,
                    total,
                    current: format!("{name}: {item}"),
                });
                wake();
            },
        );
        let _ = back.send(Job::Fetched(Fetched::Feed {
            id: feed.id,
            result,
        }));
        wake();
    }
    let _ = back.send(Job::Fetched(Fetched::FeedsDone { jobs }));
    wake();
}
