//! Articles analysed once: places, figures and sentences, kept for every
//! dossier and every view of the article.

use std::collections::HashMap;
use std::sync::Arc;

use crate::articles::Article;
use crate::figures::{Figure, figures_in};
use crate::geoparse::gazetteer::Gazetteer;
use crate::geoparse::{PlaceMention, places_in};
use crate::text::prepared::PreparedText;
use crate::text::sentences::{Sentence, sentences};

use super::figure_index::{CrossCheck, FigureIndex};

/// Places and figures of one text. Numerals inside a place name ("the three
/// borders region") are not figures.
#[must_use]
pub fn analyse_text(gazetteer: &Gazetteer, text: &str) -> (Vec<PlaceMention>, Vec<Figure>) {
    let text = PreparedText::new(text);
    let places = places_in(gazetteer, &text);
    // Both lists are in text order: one sweep finds the overlaps.
    let mut next_place = 0;
    let figures = figures_in(&text)
        .into_iter()
        .filter(|f| {
            while next_place < places.len() && places[next_place].end <= f.start {
                next_place += 1;
            }
            places.get(next_place).is_none_or(|p| p.start >= f.end)
        })
        .collect();
    (places, figures)
}

/// One article with what was found in it (offsets into `article.body`).
#[derive(Clone, Debug)]
pub struct AnalysedArticle {
    pub article: Article,
    pub places: Vec<PlaceMention>,
    pub figures: Vec<Figure>,
    pub sentences: Vec<Sentence>,
}

impl AnalysedArticle {
    #[must_use]
    pub fn new(gazetteer: &Gazetteer, article: Article) -> Self {
        let (places, figures) = analyse_text(gazetteer, &article.body);
        let sentences = sentences(&article.body);
        Self::from_parts(article, places, figures, sentences)
    }

    /// An article with an analysis made before (the store's), its lists
    /// trimmed to their length: grown by doubling, as collecting and
    /// deserialising grow them, they held a third more than they used, over
    /// a corpus of 10,000 articles several megabytes.
    #[must_use]
    pub fn from_parts(
        mut article: Article,
        mut places: Vec<PlaceMention>,
        mut figures: Vec<Figure>,
        mut sentences: Vec<Sentence>,
    ) -> Self {
        article.body.shrink_to_fit();
        places.shrink_to_fit();
        figures.shrink_to_fit();
        sentences.shrink_to_fit();
        Self {
            article,
            places,
            figures,
            sentences,
        }
    }
}

/// Every article the app knows, each once by id. Cloning it is cheap (the
/// articles and the figure index are shared, copied only on a later change
/// while a clone lives): a background job takes a snapshot.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    articles: Vec<Arc<AnalysedArticle>>,
    /// Where each article id is in `articles`.
    positions: HashMap<Arc<str>, usize>,
    /// Bumped by every change (caches of dossiers key on it).
    generation: u64,
    /// Every article's figures, for cross-checks.
    figures: Arc<FigureIndex>,
}

impl Corpus {
    #[must_use]
    pub fn analyse(gazetteer: &Gazetteer, articles: Vec<Article>) -> Self {
        let mut corpus = Self::default();
        for a in articles {
            corpus.insert(AnalysedArticle::new(gazetteer, a));
        }
        corpus
    }

    /// Becomes `other` (an empty corpus taking a restored one), its
    /// generation past both, so that nothing cached for either is reused.
    pub fn replace_with(&mut self, other: Self) {
        let generation = self.generation.max(other.generation) + 1;
        *self = other;
        self.generation = generation;
    }

    /// Adds an article; one with the same id is replaced and returned.
    pub fn insert(
        &mut self,
        analysed: impl Into<Arc<AnalysedArticle>>,
    ) -> Option<Arc<AnalysedArticle>> {
        let analysed = analysed.into();
        self.generation += 1;
        let figures = Arc::make_mut(&mut self.figures);
        if let Some(&i) = self.positions.get(analysed.article.id.as_str()) {
            figures.remove(&self.articles[i].article.id, &self.articles[i].figures);
            figures.insert(&analysed.article.id, &analysed.figures);
            return Some(std::mem::replace(&mut self.articles[i], analysed));
        }
        figures.insert(&analysed.article.id, &analysed.figures);
        self.positions
            .insert(Arc::from(analysed.article.id.as_str()), self.articles.len());
        self.articles.push(analysed);
        None
    }

    /// Takes the article with this id out.
    pub fn remove(&mut self, id: &str) -> Option<Arc<AnalysedArticle>> {
        let i = self.positions.remove(id)?;
        self.generation += 1;
        let removed = self.articles.swap_remove(i);
        Arc::make_mut(&mut self.figures).remove(&removed.article.id, &removed.figures);
        if let Some(moved) = self.articles.get(i) {
            self.positions
                .insert(Arc::from(moved.article.id.as_str()), i);
        }
        Some(removed)
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&AnalysedArticle> {
        self.positions.get(id).map(|&i| &*self.articles[i])
    }

    #[must_use]
    pub fn articles(&self) -> &[Arc<AnalysedArticle>] {
        &self.articles
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Changes whenever an article is added, replaced or removed.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// What other articles say about `figure` (of article `article_id`):
    /// see [`FigureIndex::cross_check`].
    #[must_use]
    pub fn cross_check(&self, article_id: &str, figure: &Figure, limit: usize) -> CrossCheck {
        self.figures.cross_check(article_id, figure, limit)
    }

    /// An article's title, by id.
    #[must_use]
    pub fn title_of(&self, id: &str) -> Option<&str> {
        self.get(id).map(|a| a.article.title.as_str())
    }
}
