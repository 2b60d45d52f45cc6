//! Articles from the web in the window: the Feeds window and its list, the
//! Add-from-link dialog, the paste form, and when feeds are next due.
//! Network work is the library's; this part only queues its jobs.

use crate::tr;
use std::time::{Duration, Instant};

use super::{AppState, Command};
use crate::articles::Article;
use crate::articles::load::LoadedArticle;
use crate::corpus::store::{FeedId, FeedRow};
use crate::library::{ArticleSource, Job};

/// Refresh interval when the user has not chosen one.
pub const DEFAULT_REFRESH_MINUTES: u32 = 30;

/// What the web windows do.
#[derive(Debug)]
pub enum WebCommand {
    ShowFeeds(bool),
    ShowAddLink(bool),
    /// Fetch these links as articles.
    AddLinks(Vec<String>),
    Subscribe(String),
    Unsubscribe(FeedId),
    /// Refresh all feeds (`None`) or one.
    Refresh(Option<FeedId>),
    ImportOpml(std::path::PathBuf),
    ExportOpml(std::path::PathBuf),
    /// The library's list of subscriptions.
    Listed(Vec<FeedRow>),
    /// Minutes between automatic refreshes; 0 turns them off.
    SetRefreshMinutes(u32),
    /// The clipboard's content (Ctrl+Shift+V): read in the background, then
    /// shown in a form to confirm.
    Paste {
        html: Option<String>,
        text: Option<String>,
    },
    /// What the background reading of a paste found.
    Pasted(LoadedArticle),
    /// The paste form confirmed (its fields edited): store the article.
    ConfirmPaste(Box<Article>),
    CancelPaste,
}

/// The web windows' state.
#[derive(Debug)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each window opens and closes on its own; no two are one state"
)]
pub struct WebState {
    feeds_open: bool,
    add_link_open: bool,
    feeds: Vec<FeedRow>,
    /// Listed once the library said so (the first Feeds window asks).
    listed: bool,
    refresh_minutes: u32,
    next_refresh: Option<Instant>,
    /// A paste being read in the background.
    paste_reading: bool,
    /// A paste read, waiting for the user to confirm it.
    paste_draft: Option<LoadedArticle>,
    /// What the status bar says once the library's work is done
    /// ("Feeds refreshed"); the work's own messages say what failed.
    done_status: Option<String>,
}

impl Default for WebState {
    fn default() -> Self {
        Self {
            feeds_open: false,
            add_link_open: false,
            feeds: Vec::new(),
            listed: false,
            refresh_minutes: DEFAULT_REFRESH_MINUTES,
            next_refresh: None,
            paste_reading: false,
            paste_draft: None,
            done_status: None,
        }
    }
}

impl WebState {
    #[must_use]
    pub fn feeds_open(&self) -> bool {
        self.feeds_open
    }

    #[must_use]
    pub fn add_link_open(&self) -> bool {
        self.add_link_open
    }

    #[must_use]
    pub fn feeds(&self) -> &[FeedRow] {
        &self.feeds
    }

    #[must_use]
    pub fn refresh_minutes(&self) -> u32 {
        self.refresh_minutes
    }

    #[must_use]
    pub fn paste_draft(&self) -> Option<&LoadedArticle> {
        self.paste_draft.as_ref()
    }

    #[must_use]
    pub fn is_reading_paste(&self) -> bool {
        self.paste_reading
    }

    /// Whether feeds are due for their automatic refresh at `now` (then the
    /// next one is planned). The first call only plans: a start does not
    /// refresh at once (the user may be offline; "Refresh" is one click).
    pub fn refresh_due(&mut self, now: Instant) -> bool {
        if self.refresh_minutes == 0 || (self.listed && self.feeds.is_empty()) {
            return false;
        }
        let period = Duration::from_secs(u64::from(self.refresh_minutes) * 60);
        match self.next_refresh {
            Some(at) if now >= at => {
                self.next_refresh = Some(now + period);
                true
            }
            Some(_) => false,
            None => {
                self.next_refresh = Some(now + period);
                false
            }
        }
    }

    /// The status for the end of the web work asked for, once.
    pub fn take_done_status(&mut self) -> Option<String> {
        self.done_status.take()
    }

    /// When the next automatic refresh is (for the window to wake then).
    #[must_use]
    pub fn next_refresh(&self) -> Option<Instant> {
        self.next_refresh.filter(|_| self.refresh_minutes > 0)
    }
}

impl AppState {
    #[must_use]
    pub fn web(&self) -> &WebState {
        &self.web
    }

    /// Whether feeds are due now (UI glue, once a frame: constant time).
    pub fn feeds_due(&mut self, now: Instant) -> bool {
        if self.web.refresh_due(now) {
            self.library_jobs.push(Job::RefreshFeeds(None));
            true
        } else {
            false
        }
    }

    pub(super) fn apply_web(&mut self, command: WebCommand) {
        let web = &mut self.web;
        match command {
            WebCommand::ShowFeeds(open) => {
                web.feeds_open = open;
                if open && !web.listed {
                    self.library_jobs.push(Job::ListFeeds);
                }
            }
            WebCommand::ShowAddLink(open) => web.add_link_open = open,
            WebCommand::AddLinks(urls) => {
                let urls: Vec<String> = urls
                    .iter()
                    .flat_map(|u| u.split_whitespace())
                    .map(str::to_owned)
                    .collect();
                if urls.is_empty() {
                    self.messages.push(tr!("links-none"));
                    return;
                }
                self.status = Some(tr!("links-fetching", count = urls.len()));
                web.done_status = Some(tr!("links-done", count = urls.len()));
                web.add_link_open = false;
                self.library_jobs.push(Job::Fetch(urls));
            }
            WebCommand::Subscribe(url) => {
                let url = url.trim().to_owned();
                if url.is_empty() {
                    self.messages.push(tr!("feeds-no-address"));
                    return;
                }
                self.status = Some(tr!("feeds-subscribing", url = url.as_str()));
                web.done_status = Some(tr!("feeds-subscribed", url = url.as_str()));
                self.library_jobs.push(Job::AddFeeds(vec![(url, None)]));
            }
            WebCommand::Unsubscribe(id) => self.library_jobs.push(Job::RemoveFeed(id)),
            WebCommand::Refresh(only) => {
                self.status = Some(tr!("feeds-refreshing"));
                web.done_status = Some(tr!("feeds-refreshed-all"));
                self.library_jobs.push(Job::RefreshFeeds(only));
            }
            WebCommand::ImportOpml(path) => self.library_jobs.push(Job::ImportOpml(path)),
            WebCommand::ExportOpml(path) => self.library_jobs.push(Job::ExportOpml(path)),
            WebCommand::Listed(feeds) => {
                web.feeds = feeds;
                web.listed = true;
            }
            WebCommand::SetRefreshMinutes(minutes) => {
                web.refresh_minutes = minutes;
                web.next_refresh = None;
            }
            WebCommand::Paste { html, text } => {
                if html.as_deref().is_none_or(|h| h.trim().is_empty())
                    && text.as_deref().is_none_or(|t| t.trim().is_empty())
                {
                    self.messages.push(tr!("paste-empty"));
                    return;
                }
                web.paste_reading = true;
                self.jobs.push(crate::jobs::Job::ReadPasted { html, text });
            }
            WebCommand::Pasted(loaded) => {
                web.paste_reading = false;
                web.paste_draft = Some(loaded);
            }
            WebCommand::ConfirmPaste(article) => {
                let warnings = web
                    .paste_draft
                    .take()
                    .map(|d| d.warnings)
                    .unwrap_or_default();
                self.status = Some(tr!("paste-adding", title = article.title.as_str()));
                web.done_status = Some(tr!("paste-added", title = article.title.as_str()));
                self.library_jobs.push(Job::Read {
                    sources: vec![ArticleSource::Loaded(Box::new(LoadedArticle {
                        article: *article,
                        warnings,
                        // The user read the text in the form and chose to add it.
                        not_an_article: false,
                    }))],
                    explicit: true,
                });
            }
            WebCommand::CancelPaste => {
                web.paste_draft = None;
                web.paste_reading = false;
            }
        }
    }
}

impl From<WebCommand> for Command {
    fn from(command: WebCommand) -> Self {
        Self::Web(command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_due_every_period_and_not_at_start() {
        let mut web = WebState::default();
        let t0 = Instant::now();
        assert!(!web.refresh_due(t0), "the first call plans");
        assert!(!web.refresh_due(t0 + Duration::from_mins(1)));
        assert!(web.refresh_due(t0 + Duration::from_mins(30)));
        assert!(!web.refresh_due(t0 + Duration::from_mins(31)));
        web.refresh_minutes = 0;
        assert!(!web.refresh_due(t0 + Duration::from_mins(100)));
    }

    #[test]
    fn no_feeds_no_refresh() {
        let mut web = WebState {
            listed: true,
            ..WebState::default()
        };
        let t0 = Instant::now();
        assert!(!web.refresh_due(t0));
        assert!(!web.refresh_due(t0 + Duration::from_hours(1)));
    }
}
