//! Full-text search (Ctrl+K): the question asked, the answer from the
//! library's worker, and the map filtered to the matching articles.

use crate::tr;
use std::collections::HashSet;

use super::{AppState, Command};
use crate::corpus::search::SearchHit;
use crate::dossier::rollup::RollUp;
use crate::geometry::projection::LonLat;

/// Sentences listed per search at most; every matching article still
/// counts when the map is filtered.
pub const MAX_HITS: usize = 500;

/// What the search window does.
#[derive(Debug)]
pub enum SearchCommand {
    Show(bool),
    /// The words typed (asked of the library after the frame).
    Ask(String),
    /// The library's answer to question `serial`.
    Answer {
        serial: u64,
        query: String,
        hits: Vec<SearchHit>,
        articles: Vec<String>,
    },
    /// Badges count only the articles that match the last answer.
    FilterMap,
    ClearFilter,
    /// Open an article found, and frame the places it names.
    Open(String),
}

/// The last answer.
#[derive(Debug, Default)]
pub struct Answer {
    pub query: String,
    pub hits: Vec<SearchHit>,
    /// Every matching article's short name.
    pub articles: Vec<String>,
}

/// The map's badges counted over some articles only.
#[derive(Debug)]
pub struct MapFilter {
    pub query: String,
    pub articles: usize,
    rollup: RollUp,
}

/// The search window's state.
#[derive(Debug, Default)]
pub struct SearchState {
    open: bool,
    serial: u64,
    /// A question not yet handed to the library: (words, serial).
    request: Option<(String, u64)>,
    /// Asked and not answered yet.
    waiting: bool,
    answer: Option<Answer>,
    filter: Option<MapFilter>,
}

impl SearchState {
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    #[must_use]
    pub fn answer(&self) -> Option<&Answer> {
        self.answer.as_ref()
    }

    #[must_use]
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    #[must_use]
    pub fn filter(&self) -> Option<&MapFilter> {
        self.filter.as_ref()
    }

    /// The question to hand to the library, once.
    pub fn take_request(&mut self) -> Option<(String, u64)> {
        self.request.take()
    }

    /// Badge counts of the filtered map, if it is filtered.
    #[must_use]
    pub fn filtered_counts(
        &self,
    ) -> Option<&std::collections::HashMap<crate::atlas::FeatureId, usize>> {
        self.filter.as_ref().map(|f| f.rollup.counts())
    }
}

impl AppState {
    pub(super) fn apply_search(&mut self, command: SearchCommand) {
        let search = &mut self.search;
        match command {
            SearchCommand::Show(open) => search.open = open,
            SearchCommand::Ask(query) => {
                search.serial += 1;
                search.waiting = !query.trim().is_empty();
                if search.waiting {
                    search.request = Some((query, search.serial));
                } else {
                    search.answer = None;
                }
            }
            SearchCommand::Answer {
                serial,
                query,
                hits,
                articles,
            } => {
                // An answer to an older question is of no use.
                if serial == search.serial {
                    search.waiting = false;
                    search.answer = Some(Answer {
                        query,
                        hits,
                        articles,
                    });
                }
            }
            SearchCommand::FilterMap => {
                let Some(answer) = &search.answer else { return };
                let names: HashSet<&str> = answer.articles.iter().map(String::as_str).collect();
                let mut rollup = RollUp::default();
                for name in &names {
                    if let Some(a) = self.corpus.get(name) {
                        rollup.add_article(&self.atlas, a, false);
                    }
                }
                self.status = Some(tr!(
                    "search-map-filtered",
                    count = names.len(),
                    query = answer.query.as_str()
                ));
                search.filter = Some(MapFilter {
                    query: answer.query.clone(),
                    articles: names.len(),
                    rollup,
                });
            }
            SearchCommand::ClearFilter => {
                search.filter = None;
                self.status = Some(tr!("search-map-all"));
            }
            SearchCommand::Open(name) => {
                use geo::BoundingRect;
                let extent = self.corpus.get(&name).and_then(|a| {
                    let points: geo::MultiPoint<f64> = a
                        .places
                        .iter()
                        .map(|p| geo::Point::new(p.lon, p.lat))
                        .collect();
                    points.bounding_rect()
                });
                self.apply(Command::ShowArticle(Some(name)));
                if let Some(b) = extent {
                    self.apply(Command::FrameBox(
                        LonLat::from_coord(b.min()),
                        LonLat::from_coord(b.max()),
                    ));
                }
            }
        }
    }
}
