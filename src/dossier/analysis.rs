//! Articles analysed once: places, figures and sentences, kept for every
//! dossier and every view of the article.

use std::collections::HashMap;

use crate::articles::Article;
use crate::figures::{Figure, extract_figures};
use crate::geoparse::gazetteer::Gazetteer;
use crate::geoparse::{PlaceMention, geoparse};
use crate::text::sentences::{Sentence, sentences};

use super::OtherValue;

/// Places and figures of one text. Numerals inside a place name ("the three
/// borders region") are not figures.
#[must_use]
pub fn analyse_text(gazetteer: &Gazetteer, text: &str) -> (Vec<PlaceMention>, Vec<Figure>) {
    let places = geoparse(gazetteer, text);
    // Both lists are in text order: one sweep finds the overlaps.
    let mut next_place = 0;
    let figures = extract_figures(text)
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
        Self {
            article,
            places,
            figures,
            sentences,
        }
    }
}

/// Every article the app knows, each once by id.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    articles: Vec<AnalysedArticle>,
    /// Where each article id is in `articles`.
    positions: HashMap<String, usize>,
    /// Bumped by every change (caches of dossiers key on it).
    generation: u64,
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

    /// Adds an article; one with the same id is replaced and returned.
    pub fn insert(&mut self, analysed: AnalysedArticle) -> Option<AnalysedArticle> {
        self.generation += 1;
        if let Some(&i) = self.positions.get(&analysed.article.id) {
            return Some(std::mem::replace(&mut self.articles[i], analysed));
        }
        self.positions
            .insert(analysed.article.id.clone(), self.articles.len());
        self.articles.push(analysed);
        None
    }

    /// Takes the article with this id out.
    pub fn remove(&mut self, id: &str) -> Option<AnalysedArticle> {
        let i = self.positions.remove(id)?;
        self.generation += 1;
        let removed = self.articles.swap_remove(i);
        if let Some(moved) = self.articles.get(i) {
            self.positions.insert(moved.article.id.clone(), i);
        }
        Some(removed)
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&AnalysedArticle> {
        self.positions.get(id).map(|&i| &self.articles[i])
    }

    #[must_use]
    pub fn articles(&self) -> &[AnalysedArticle] {
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

    /// Other articles that give the same number (with the same unit, or one
    /// of them without a unit), and other values they give for the same unit.
    #[must_use]
    pub fn cross_check(&self, article_id: &str, figure: &Figure) -> (Vec<String>, Vec<OtherValue>) {
        let mut corroborated = Vec::new();
        let mut differs = Vec::new();
        for other in self.articles.iter().filter(|a| a.article.id != article_id) {
            let title = &other.article.title;
            let mut agrees = false;
            for f in &other.figures {
                if !figure.same_quantity(f) {
                    continue;
                }
                // The other end of this figure's own change ("from 4,500 to
                // 5,100") is not a differing value.
                let other_end = figure.change.is_some_and(|(from, to)| {
                    (f.value - from).abs() < 1e-9 || (f.value - to).abs() < 1e-9
                });
                if (f.value - figure.value).abs() < 1e-9 {
                    agrees = true;
                } else if figure.unit.is_some() && f.unit.is_some() && !other_end {
                    differs.push(OtherValue {
                        value: f.value,
                        article: title.clone(),
                    });
                }
            }
            if agrees {
                corroborated.push(title.clone());
            }
        }
        // A source that agrees is not also listed as differing.
        differs.retain(|d| !corroborated.contains(&d.article));
        (corroborated, differs)
    }
}
