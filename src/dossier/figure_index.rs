//! The corpus's comparable figures, indexed by value and by quantity, so a
//! dossier cross-checks each of its figures against every other article in
//! time that does not grow with the corpus: the articles that give the same
//! value are looked up, not searched for, and the other values of a
//! quantity are kept per value with their articles.
//!
//! Comparable means what [`Figure::same_quantity`] compares: not a running
//! count, not an order of magnitude. Invariant: every comparable figure of
//! every article inserted and not removed is in both maps, once per figure.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use crate::figures::Figure;

/// A value as a map key: equal values give equal keys (`-0.0` is `0.0`).
fn value_key(value: f64) -> u64 {
    if value == 0.0 { 0 } else { value.to_bits() }
}

/// One figure as the index keeps it.
#[derive(Clone, Debug)]
struct Entry {
    article: Arc<str>,
    /// The quantity its unit counts ([`Figure::quantity`]), if it has a unit.
    quantity: Option<Arc<str>>,
}

/// What other articles say about one figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CrossCheck {
    /// Other articles (ids) that give the same number for the same
    /// quantity: the first `limit` asked for.
    pub same: Vec<Arc<str>>,
    /// How many other articles give the same number in all.
    pub same_count: usize,
    /// Other values of the same quantity, most sources first: the first
    /// `limit`, each with its first article and its number of figures in
    /// other articles.
    pub other_values: Vec<(f64, Arc<str>, usize)>,
    /// How many other values there are in all.
    pub other_value_count: usize,
}

/// The values of one quantity, and their ranking by number of sources
/// (made when first asked for after a change: a dossier asks it of each of
/// its figures, and the corpus changes far less often than that).
#[derive(Clone, Debug, Default)]
struct Values {
    articles: BTreeMap<u64, Vec<Arc<str>>>,
    ranking: OnceLock<Vec<(u64, usize)>>,
}

impl Values {
    fn ranking(&self) -> &[(u64, usize)] {
        self.ranking.get_or_init(|| {
            let mut ranking: Vec<(u64, usize)> =
                self.articles.iter().map(|(&v, a)| (v, a.len())).collect();
            ranking.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(f64::from_bits(a.0).total_cmp(&f64::from_bits(b.0)))
            });
            ranking
        })
    }
}

/// See the module's documentation.
#[derive(Clone, Debug, Default)]
pub struct FigureIndex {
    /// (value, is a toll) → figures.
    by_value: HashMap<(u64, bool), Vec<Entry>>,
    /// (quantity, is a toll) → value → articles (once per figure).
    by_quantity: HashMap<(Arc<str>, bool), Values>,
    /// Each quantity's name once (a corpus has a few dozen, and thousands
    /// of figures of each).
    quantities: std::collections::HashSet<Arc<str>>,
}

fn comparable(f: &Figure) -> bool {
    !(f.ordinal || f.vague)
}

fn quantity_of(f: &Figure) -> Option<Arc<str>> {
    f.quantity().map(Arc::from)
}

impl FigureIndex {
    fn intern(&mut self, f: &Figure) -> Option<Arc<str>> {
        let q = f.quantity()?;
        if let Some(known) = self.quantities.get(q) {
            return Some(Arc::clone(known));
        }
        let new: Arc<str> = Arc::from(q);
        self.quantities.insert(Arc::clone(&new));
        Some(new)
    }

    pub fn insert(&mut self, article: &str, figures: &[Figure]) {
        let article: Arc<str> = Arc::from(article);
        for f in figures.iter().filter(|f| comparable(f)) {
            let quantity = self.intern(f);
            self.by_value
                .entry((value_key(f.value), f.casualties))
                .or_default()
                .push(Entry {
                    article: Arc::clone(&article),
                    quantity: quantity.clone(),
                });
            if let Some(q) = quantity {
                let values = self.by_quantity.entry((q, f.casualties)).or_default();
                values.ranking.take();
                values
                    .articles
                    .entry(value_key(f.value))
                    .or_default()
                    .push(Arc::clone(&article));
            }
        }
    }

    pub fn remove(&mut self, article: &str, figures: &[Figure]) {
        for f in figures.iter().filter(|f| comparable(f)) {
            let key = (value_key(f.value), f.casualties);
            let quantity = quantity_of(f);
            if let Some(entries) = self.by_value.get_mut(&key) {
                if let Some(i) = entries
                    .iter()
                    .position(|e| &*e.article == article && e.quantity == quantity)
                {
                    entries.swap_remove(i);
                }
                if entries.is_empty() {
                    self.by_value.remove(&key);
                }
            }
            let Some(q) = quantity else { continue };
            let qkey = (q, f.casualties);
            if let Some(values) = self.by_quantity.get_mut(&qkey) {
                values.ranking.take();
                if let Some(articles) = values.articles.get_mut(&value_key(f.value)) {
                    if let Some(i) = articles.iter().position(|a| &**a == article) {
                        articles.swap_remove(i);
                    }
                    if articles.is_empty() {
                        values.articles.remove(&value_key(f.value));
                    }
                }
                if values.articles.is_empty() {
                    self.by_quantity.remove(&qkey);
                }
            }
        }
    }

    /// What other articles than `article` say about `figure`, listing at
    /// most `limit` of each: the articles that give the same number (same
    /// quantity, or one of the two without a unit), and, for a figure with a
    /// unit, the other values of its quantity (not the other end of its own
    /// change, "from 4,500 to 5,100"). The work is the number of figures of
    /// the same value plus the values listed, not the corpus.
    #[must_use]
    pub fn cross_check(&self, article: &str, figure: &Figure, limit: usize) -> CrossCheck {
        let mut out = CrossCheck::default();
        if !comparable(figure) {
            return out;
        }
        let quantity = quantity_of(figure);
        if let Some(entries) = self
            .by_value
            .get(&(value_key(figure.value), figure.casualties))
        {
            let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
            for e in entries {
                let unit_matches = match (&quantity, &e.quantity) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                if unit_matches && &*e.article != article && seen.insert(&e.article) {
                    if out.same.len() < limit {
                        out.same.push(Arc::clone(&e.article));
                    }
                    out.same_count += 1;
                }
            }
        }
        let Some(q) = quantity else { return out };
        let Some(values) = self.by_quantity.get(&(q, figure.casualties)) else {
            return out;
        };
        let other_end = |v: f64| {
            figure
                .change
                .is_some_and(|(from, to)| (v - from).abs() < 1e-9 || (v - to).abs() < 1e-9)
        };
        let own = value_key(figure.value);
        for &(key, count) in values.ranking() {
            let value = f64::from_bits(key);
            if key == own || other_end(value) {
                continue;
            }
            let articles = values.articles.get(&key).map_or(&[][..], Vec::as_slice);
            let Some(first) = articles.iter().find(|a| &***a != article) else {
                continue;
            };
            out.other_value_count += 1;
            if out.other_values.len() < limit {
                let own_figures = articles.iter().filter(|a| &***a == article).count();
                out.other_values
                    .push((value, Arc::clone(first), count - own_figures));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(value: f64, unit: Option<&str>) -> Figure {
        Figure {
            surface: Arc::from(value.to_string()),
            start: 0,
            end: 1,
            value,
            unit: unit.map(Arc::from),
            qualifier: None,
            change: None,
            vague: false,
            ordinal: false,
            casualties: false,
        }
    }

    #[test]
    fn the_index_finds_what_comparing_every_pair_finds() {
        let mut index = FigureIndex::default();
        index.insert("a", &[figure(43.0, Some("soldiers")), figure(7.0, None)]);
        index.insert("b", &[figure(43.0, Some("troops"))]);
        index.insert(
            "c",
            &[figure(50.0, Some("soldiers")), figure(43.0, Some("days"))],
        );
        index.insert("d", &[figure(50.0, Some("soldiers"))]);
        let check = index.cross_check("a", &figure(43.0, Some("soldiers")), 8);
        assert_eq!(
            check.same,
            vec![Arc::from("b")],
            "troops are soldiers; days are not"
        );
        assert_eq!(check.same_count, 1);
        assert_eq!(check.other_values, vec![(50.0, Arc::from("c"), 2)]);
        assert_eq!(check.other_value_count, 1);

        // Without a unit, any unit agrees, and nothing differs; only
        // `limit` are listed, all are counted.
        let check = index.cross_check("x", &figure(43.0, None), 2);
        assert_eq!((check.same.len(), check.same_count), (2, 3));
        assert!(check.other_values.is_empty());

        index.remove("b", &[figure(43.0, Some("troops"))]);
        assert!(
            index
                .cross_check("a", &figure(43.0, Some("soldiers")), 8)
                .same
                .is_empty()
        );
        index.remove(
            "c",
            &[figure(50.0, Some("soldiers")), figure(43.0, Some("days"))],
        );
        index.remove("d", &[figure(50.0, Some("soldiers"))]);
        index.remove("a", &[figure(43.0, Some("soldiers")), figure(7.0, None)]);
        assert!(index.by_value.is_empty() && index.by_quantity.is_empty());
    }

    #[test]
    fn running_counts_and_orders_of_magnitude_are_not_compared() {
        let mut index = FigureIndex::default();
        let mut vague = figure(100.0, Some("soldiers"));
        vague.vague = true;
        index.insert("a", &[vague.clone()]);
        index.insert("b", &[figure(100.0, Some("soldiers"))]);
        assert!(
            index
                .cross_check("b", &figure(100.0, Some("soldiers")), 8)
                .same
                .is_empty()
        );
        assert_eq!(index.cross_check("a", &vague, 8), CrossCheck::default());
    }
}
