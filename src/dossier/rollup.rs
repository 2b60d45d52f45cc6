//! The map's badges, kept up to date one article at a time.
//!
//! Whether a mention belongs to a feature depends only on the place it names
//! (its gazetteer id, kind and position), and a corpus names far fewer
//! distinct places than it has mentions. So each distinct place is resolved
//! once, to the feature it names ([`Atlas::named_by`]) and the shown areas
//! it lies in ([`Atlas::areas_containing`]: the R-tree of boxes, then the
//! prepared point-in-area test that picking uses), and an article adds its
//! mentions' counts to those features: work in proportion to the article,
//! never features × mentions.
//!
//! Invariant: `counts` is what [`super::belongs`] would count over every
//! article added and not removed, for the atlas's shown features as of
//! [`Atlas::area_generation`] at the last [`RollUp::sync`].

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::atlas::{Atlas, FeatureId};
use crate::geometry::projection::LonLat;
use crate::geoparse::{MentionKind, PlaceMention};

use super::analysis::AnalysedArticle;
use super::rolls_up_into;

/// One distinct place the articles name.
#[derive(Clone, Debug)]
struct Place {
    kind: MentionKind,
    at: LonLat,
    /// Mentions of it in the articles added.
    mentions: usize,
    /// Of those, mentions in articles new since the user's last visit.
    new_mentions: usize,
    /// The features its mentions count for.
    features: Vec<FeatureId>,
    /// Mentions of it per article (by id): a dossier's articles are these,
    /// over its places, found without a walk over the corpus.
    articles: HashMap<Arc<str>, usize>,
}

/// Mentions per feature, over the articles added so far.
#[derive(Clone, Debug, Default)]
pub struct RollUp {
    places: HashMap<Arc<str>, Place>,
    counts: HashMap<FeatureId, usize>,
    /// Mentions per feature in articles new since the last visit.
    new_counts: HashMap<FeatureId, usize>,
    /// The atlas's area generation the places were resolved against.
    area_generation: u64,
}

/// The features a mention of this place counts for; `pending`: towns the
/// atlas is about to get as points, with their gazetteer id as feature id
/// (`super::places_to_add`), counted as if it had them.
fn features_of(
    atlas: &Atlas,
    gazetteer: &str,
    kind: MentionKind,
    at: LonLat,
    pending: &HashSet<Arc<str>>,
) -> Vec<FeatureId> {
    // Hidden features have no badge (and are not in the hit index either).
    let direct = atlas.named_by(gazetteer).filter(|f| !f.hidden);
    let mut out: Vec<FeatureId> = direct.iter().map(|f| f.id.clone()).collect();
    if direct.is_none() && pending.contains(gazetteer) {
        out.push(FeatureId(gazetteer.to_owned()));
    }
    for area in atlas.areas_containing(at) {
        if rolls_up_into(kind, area.kind) && direct.is_none_or(|d| d.id != area.id) {
            out.push(area.id.clone());
        }
    }
    out
}

impl RollUp {
    /// Mentions per feature (features without any are absent).
    #[must_use]
    pub fn counts(&self) -> &HashMap<FeatureId, usize> {
        &self.counts
    }

    /// Mentions per feature in articles new since the user's last visit
    /// (features without any are absent).
    #[must_use]
    pub fn new_counts(&self) -> &HashMap<FeatureId, usize> {
        &self.new_counts
    }

    /// How many distinct places the articles name.
    #[cfg(test)]
    #[must_use]
    pub fn place_count(&self) -> usize {
        self.places.len()
    }

    /// Counts an article's mentions. Call [`RollUp::sync`] first if the
    /// atlas's areas may have changed.
    /// `new`: the article is new since the user's last visit.
    pub fn add_article(&mut self, atlas: &Atlas, article: &AnalysedArticle, new: bool) {
        self.add_article_pending(atlas, article, new, &HashSet::new());
    }

    /// [`RollUp::add_article`] against an atlas that is about to get the
    /// towns of `pending` as points (the stored corpus counted on the
    /// library's worker, before the window adds them).
    pub fn add_article_pending(
        &mut self,
        atlas: &Atlas,
        article: &AnalysedArticle,
        new: bool,
        pending: &HashSet<Arc<str>>,
    ) {
        if self.places.is_empty() {
            self.area_generation = atlas.area_generation();
        }
        let id: Arc<str> = Arc::from(article.article.id.as_str());
        for m in &article.places {
            self.add_mention(atlas, m, &id, new, pending);
        }
    }

    fn add_mention(
        &mut self,
        atlas: &Atlas,
        m: &PlaceMention,
        article: &Arc<str>,
        new: bool,
        pending: &HashSet<Arc<str>>,
    ) {
        // Lookups before inserts: the window adds thousands of articles, and
        // most places and features are known already (no key is copied then).
        if !self.places.contains_key(&*m.gazetteer) {
            let at = LonLat {
                lon: m.lon,
                lat: m.lat,
            };
            let place = Place {
                kind: m.kind,
                at,
                mentions: 0,
                new_mentions: 0,
                features: features_of(atlas, &m.gazetteer, m.kind, at, pending),
                articles: HashMap::new(),
            };
            self.places.insert(Arc::clone(&m.gazetteer), place);
        }
        let Some(place) = self.places.get_mut(&*m.gazetteer) else {
            return;
        };
        place.mentions += 1;
        if new {
            place.new_mentions += 1;
            for f in &place.features {
                *self.new_counts.entry(f.clone()).or_insert(0) += 1;
            }
        }
        match place.articles.get_mut(article) {
            Some(n) => *n += 1,
            None => {
                place.articles.insert(Arc::clone(article), 1);
            }
        }
        for f in &place.features {
            match self.counts.get_mut(f) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(f.clone(), 1);
                }
            }
        }
    }

    /// Takes an article's mentions back out (the article was removed).
    /// `new` as when it was added.
    pub fn remove_article(&mut self, article: &AnalysedArticle, new: bool) {
        for m in &article.places {
            let Some(place) = self.places.get_mut(&*m.gazetteer) else {
                continue;
            };
            place.mentions = place.mentions.saturating_sub(1);
            if new {
                place.new_mentions = place.new_mentions.saturating_sub(1);
                for f in &place.features {
                    if let Some(n) = self.new_counts.get_mut(f) {
                        *n = n.saturating_sub(1);
                        if *n == 0 {
                            self.new_counts.remove(f);
                        }
                    }
                }
            }
            if let Some(n) = place.articles.get_mut(article.article.id.as_str()) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    place.articles.remove(article.article.id.as_str());
                }
            }
            for f in &place.features {
                if let Some(n) = self.counts.get_mut(f) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        self.counts.remove(f);
                    }
                }
            }
            if place.mentions == 0 {
                self.places.remove(&*m.gazetteer);
            }
        }
    }

    /// Resolves every distinct place again if the atlas's areas changed
    /// since (a layer opened, shown or hidden, a zone drawn): work in
    /// proportion to the distinct places, not to the mentions.
    pub fn sync(&mut self, atlas: &Atlas) {
        if atlas.area_generation() == self.area_generation {
            return;
        }
        self.area_generation = atlas.area_generation();
        self.counts.clear();
        self.new_counts.clear();
        for (gazetteer, place) in &mut self.places {
            place.features = features_of(atlas, gazetteer, place.kind, place.at, &HashSet::new());
            for f in &place.features {
                *self.counts.entry(f.clone()).or_insert(0) += place.mentions;
                if place.new_mentions > 0 {
                    *self.new_counts.entry(f.clone()).or_insert(0) += place.new_mentions;
                }
            }
        }
    }

    /// The articles (ids) whose mentions count for `feature`, each with its
    /// number of such mentions: the work is the distinct places plus the
    /// dossier's own size, not the corpus.
    #[must_use]
    pub fn articles_about(&self, feature: &FeatureId) -> Vec<(Arc<str>, usize)> {
        let mut out: HashMap<Arc<str>, usize> = HashMap::new();
        for place in self
            .places
            .values()
            .filter(|p| p.features.contains(feature))
        {
            for (article, n) in &place.articles {
                *out.entry(Arc::clone(article)).or_insert(0) += n;
            }
        }
        out.into_iter().collect()
    }

    /// The distinct places (gazetteer ids) whose mentions count for `feature`.
    #[cfg(test)]
    #[must_use]
    pub fn places_of(&self, feature: &FeatureId) -> Vec<&str> {
        self.places
            .iter()
            .filter(|(_, p)| p.features.contains(feature))
            .map(|(g, _)| &**g)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::articles::Article;
    use crate::atlas::Feature;
    use crate::dossier::belongs;
    use crate::geoparse::gazetteer::Gazetteer;

    fn setup() -> (Atlas, Gazetteer) {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
        let gazetteer =
            Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("{e}"));
        (atlas, gazetteer)
    }

    /// The counts as the definition says: every feature against every mention.
    fn counted_pairwise(atlas: &Atlas, articles: &[AnalysedArticle]) -> HashMap<FeatureId, usize> {
        atlas
            .features()
            .iter()
            .filter(|f| !f.hidden)
            .filter_map(|f: &Feature| {
                let n = articles
                    .iter()
                    .flat_map(|a| &a.places)
                    .filter(|m| belongs(f, m).is_some())
                    .count();
                (n > 0).then(|| (f.id.clone(), n))
            })
            .collect()
    }

    #[test]
    fn incremental_counts_equal_the_pairwise_definition() {
        let (atlas, gazetteer) = setup();
        let articles: Vec<AnalysedArticle> = [
            "Soldiers were killed near Ménaka and Gao, in Mali.",
            "Niamey and Tillabéri, in Niger; Ouagadougou in Burkina Faso.",
            "The three-borders zone saw fighting near Ansongo and Kidal, and in the Gao region.",
        ]
        .iter()
        .chain(crate::articles::EMBEDDED.iter().map(|(_, t)| t))
        .map(|t| AnalysedArticle::new(&gazetteer, Article::parse("a", t)))
        .collect();
        let mut rollup = RollUp::default();
        for a in &articles {
            rollup.add_article(&atlas, a, false);
        }
        let expected = counted_pairwise(&atlas, &articles);
        assert!(expected.len() > 5, "{expected:?}");
        assert_eq!(rollup.counts(), &expected);
        let menaka = FeatureId("geonames:2453514".into());
        let about: usize = rollup.articles_about(&menaka).iter().map(|(_, n)| n).sum();
        assert_eq!(
            Some(&about),
            expected.get(&menaka),
            "per-article counts add up"
        );

        rollup.remove_article(&articles[0], false);
        assert_eq!(rollup.counts(), &counted_pairwise(&atlas, &articles[1..]));
        for a in &articles[1..] {
            rollup.remove_article(a, false);
        }
        assert!(rollup.counts().is_empty());
        assert_eq!(rollup.place_count(), 0);
    }

    #[test]
    fn hiding_an_area_takes_its_count_away_after_sync() {
        let (mut atlas, gazetteer) = setup();
        let a = AnalysedArticle::new(&gazetteer, Article::parse("a", "Fighting near Ménaka."));
        let mut rollup = RollUp::default();
        rollup.add_article(&atlas, &a, false);
        let mali = atlas
            .find("Mali", crate::atlas::FeatureKind::Country)
            .map_or_else(|| panic!("Mali"), |f| f.id.clone());
        assert_eq!(rollup.counts().get(&mali), Some(&1));
        assert!(rollup.places_of(&mali).contains(&"geonames:2453514"));
        atlas.set_hidden(std::slice::from_ref(&mali), true);
        rollup.sync(&atlas);
        assert_eq!(rollup.counts().get(&mali), None);
        atlas.set_hidden(std::slice::from_ref(&mali), false);
        rollup.sync(&atlas);
        assert_eq!(rollup.counts().get(&mali), Some(&1));
    }

    #[test]
    fn new_articles_are_counted_apart_and_survive_a_sync() {
        let (mut atlas, gazetteer) = setup();
        let old = AnalysedArticle::new(&gazetteer, Article::parse("old", "Fighting near Gao."));
        let new = AnalysedArticle::new(&gazetteer, Article::parse("new", "Fighting near Ménaka."));
        let mut rollup = RollUp::default();
        rollup.add_article(&atlas, &old, false);
        rollup.add_article(&atlas, &new, true);
        let mali = atlas
            .find("Mali", crate::atlas::FeatureKind::Country)
            .map_or_else(|| panic!("Mali"), |f| f.id.clone());
        assert_eq!(rollup.counts().get(&mali), Some(&2));
        assert_eq!(rollup.new_counts().get(&mali), Some(&1));
        atlas.set_hidden(std::slice::from_ref(&mali), true);
        rollup.sync(&atlas);
        atlas.set_hidden(std::slice::from_ref(&mali), false);
        rollup.sync(&atlas);
        assert_eq!(
            rollup.new_counts().get(&mali),
            Some(&1),
            "recounted from the places"
        );
        rollup.remove_article(&new, true);
        assert!(rollup.new_counts().is_empty());
        assert_eq!(rollup.counts().get(&mali), Some(&1));
    }
}
