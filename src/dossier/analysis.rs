//! Articles analysed once: places, figures and sentences, kept for every
//! dossier and every view of the article.

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

/// Every article the app knows.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<AnalysedArticle>,
}

impl Corpus {
    #[must_use]
    pub fn analyse(gazetteer: &Gazetteer, articles: Vec<Article>) -> Self {
        Self {
            articles: articles
                .into_iter()
                .map(|a| AnalysedArticle::new(gazetteer, a))
                .collect(),
        }
    }

    pub fn push(&mut self, analysed: AnalysedArticle) {
        self.articles.push(analysed);
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
