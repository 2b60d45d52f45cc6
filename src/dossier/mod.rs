//! Dossiers: for any feature of the map, every sentence of every article that
//! mentions it, with the figures in that sentence.
//!
//! A mention belongs to a feature directly (the geoparser resolved it to that
//! feature's gazetteer entry) or because it lies inside it: an area's dossier
//! rolls up the towns and regions inside its outline (point-in-polygon), so the
//! three-borders zone collects Ménaka and Gao, and Mali everything in Mali.
//! Countries, zones and continents are not rolled up into smaller areas.

pub mod analysis;
pub mod figure_index;
pub mod rollup;

use std::collections::HashMap;

use geo::{Contains, Intersects};
use serde::Serialize;

use crate::atlas::{Feature, FeatureGeometry, FeatureKind};
use crate::figures::Figure;
use crate::geoparse::{MentionKind, PlaceMention};
use analysis::{AnalysedArticle, Corpus};

/// How a mention belongs to a feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The mention names the feature itself.
    Direct,
    /// The mention names a place inside the feature.
    Inside,
    /// The mention names a place the gazetteer lacks, put at the feature
    /// or inside it because the text puts it there
    /// ([`crate::geoparse::unlisted`]).
    Near,
}

/// A mention inside an excerpt (offsets relative to the excerpt text).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionSpan {
    pub surface: String,
    pub start: usize,
    pub end: usize,
    /// The place the mention was resolved to.
    pub place: String,
    pub via: Via,
}

/// Sources and values listed per figure at most: a dossier stays readable
/// when a thousand articles give a number; the rest are counted.
pub const MAX_LISTED: usize = 8;

/// A figure inside an excerpt, with what other sources say about it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureSpan {
    /// The figure, its offsets made relative to the excerpt text.
    #[serde(flatten)]
    pub figure: Figure,
    /// Titles of other articles that report the same number (the first
    /// [`MAX_LISTED`]).
    pub corroborated_by: Vec<String>,
    /// Other articles that report it, beyond those listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_corroborating: usize,
    /// Other values of the same quantity in other articles, most sources
    /// first (the first [`MAX_LISTED`]).
    pub differs_from: Vec<OtherValue>,
    /// Other values beyond those listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_values: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref, reason = "serde's signature")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A value other articles give for the same quantity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OtherValue {
    pub value: f64,
    /// The first article (title) that gives it.
    pub article: String,
    /// How many articles give it.
    pub sources: usize,
}

/// One sentence that mentions the feature.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excerpt {
    pub text: String,
    /// Char offsets of the sentence in the article body.
    pub start: usize,
    pub end: usize,
    pub mentions: Vec<MentionSpan>,
    pub figures: Vec<FigureSpan>,
}

/// An article's excerpts about the feature.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleExcerpts {
    pub article: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub excerpts: Vec<Excerpt>,
}

/// What the articles say about one feature.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dossier {
    pub id: String,
    pub name: String,
    pub kind: FeatureKind,
    pub country: Option<String>,
    pub mentions: usize,
    pub articles: Vec<ArticleExcerpts>,
}

impl Dossier {
    /// Every figure of every excerpt, with its article's title.
    pub fn figures(&self) -> impl Iterator<Item = (&str, &FigureSpan)> {
        self.articles.iter().flat_map(|a| {
            a.excerpts
                .iter()
                .flat_map(move |e| e.figures.iter().map(move |f| (a.title.as_str(), f)))
        })
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.mentions == 0
    }
}

/// Whether `mention` names `feature` itself (the same gazetteer entry).
#[must_use]
pub fn names_directly(feature: &Feature, mention: &PlaceMention) -> bool {
    feature
        .gazetteer_key()
        .is_some_and(|key| *key == *mention.gazetteer)
}

/// Whether (and how) `mention` belongs to `feature`.
#[must_use]
pub fn belongs(feature: &Feature, mention: &PlaceMention) -> Option<Via> {
    belongs_keyed(feature, feature.gazetteer_key().as_deref(), mention)
}

/// [`belongs`], with the feature's [`Feature::gazetteer_key`] computed once
/// by the caller (a dossier asks it of every mention of the corpus).
fn belongs_keyed(feature: &Feature, key: Option<&str>, mention: &PlaceMention) -> Option<Via> {
    let via = belongs_at(feature, key, mention)?;
    Some(if mention.unlisted { Via::Near } else { via })
}

fn belongs_at(feature: &Feature, key: Option<&str>, mention: &PlaceMention) -> Option<Via> {
    if key == Some(&*mention.gazetteer) {
        return Some(Via::Direct);
    }
    let FeatureGeometry::Area(areas) = &feature.geometry else {
        return None;
    };
    if !rolls_up_into(mention.kind, feature.kind) {
        return None;
    }
    let point = geo::Point::new(mention.lon, mention.lat);
    areas.contains(&point).then_some(Via::Inside)
}

/// Whether a place of `kind` inside an area of `area` is part of its
/// dossier: towns roll up into any area, regions into anything but other
/// regions; countries and zones into nothing. Nothing rolls up into water
/// nor physical regions ([`FeatureKind::is_picked`]).
#[must_use]
pub fn rolls_up_into(kind: MentionKind, area: FeatureKind) -> bool {
    if !area.is_picked() {
        return false;
    }
    match kind {
        MentionKind::City | MentionKind::Facility => true,
        MentionKind::Region => area != FeatureKind::Region,
        MentionKind::Country | MentionKind::Zone | MentionKind::Other => false,
    }
}

/// The sentence at `index`, continued by the next one when that one names no
/// place but gives figures: it goes on about the same thing ("…in the Sahel.
/// Operation Barkhane has grown from 4,500 to 5,100 soldiers.").
fn excerpt_span(analysed: &AnalysedArticle, index: usize) -> (usize, usize) {
    let sentence = analysed.sentences[index];
    let Some(next) = analysed.sentences.get(index + 1) else {
        return (sentence.start, sentence.end);
    };
    let within = |start: usize, end: usize| start >= next.start && end <= next.end;
    let names_a_place = analysed.places.iter().any(|p| within(p.start, p.end));
    let has_figures = analysed.figures.iter().any(|f| within(f.start, f.end));
    if !names_a_place && has_figures {
        (sentence.start, next.end)
    } else {
        (sentence.start, sentence.end)
    }
}

/// What a dossier compares each mention with, computed once per feature (an
/// area's box walks all its vertices).
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureMatch {
    key: Option<String>,
    bbox: Option<geo::Rect<f64>>,
}

impl FeatureMatch {
    #[must_use]
    pub fn new(feature: &Feature) -> Self {
        let bbox = match feature.geometry {
            FeatureGeometry::Area(_) => feature.bbox(),
            FeatureGeometry::Point(_) | FeatureGeometry::Other(_) => None,
        };
        Self {
            key: feature.gazetteer_key(),
            bbox,
        }
    }
}

/// An article's excerpts about the feature, with the number of mentions in
/// them; `None` if it says nothing of it.
#[must_use]
pub fn article_excerpts(
    feature: &Feature,
    target: &FeatureMatch,
    analysed: &AnalysedArticle,
    corpus: &Corpus,
) -> Option<(ArticleExcerpts, usize)> {
    let (excerpts, count) = excerpts_of(feature, target, analysed, corpus);
    let a = &analysed.article;
    (!excerpts.is_empty()).then(|| {
        (
            ArticleExcerpts {
                article: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                url: a.url.clone(),
                date: a.date.clone(),
                excerpts,
            },
            count,
        )
    })
}

/// The figures of an article's excerpts about the feature, as the article
/// gives them (no cross-checks: for summaries over many articles).
#[must_use]
pub fn excerpt_figures<'a>(
    feature: &Feature,
    target: &FeatureMatch,
    analysed: &'a AnalysedArticle,
) -> Vec<&'a Figure> {
    let (key, bbox) = (target.key.as_deref(), target.bbox);
    let may_belong = |m: &PlaceMention| {
        key == Some(&*m.gazetteer)
            || bbox.is_some_and(|b| b.intersects(&geo::Point::new(m.lon, m.lat)))
    };
    let mut out = Vec::new();
    for (index, sentence) in analysed.sentences.iter().enumerate() {
        let named = analysed.places.iter().any(|m| {
            m.start >= sentence.start
                && m.end <= sentence.end
                && may_belong(m)
                && belongs_keyed(feature, key, m).is_some()
        });
        if !named {
            continue;
        }
        let (start, end) = excerpt_span(analysed, index);
        out.extend(
            analysed
                .figures
                .iter()
                .filter(|f| f.start >= start && f.end <= end),
        );
    }
    out
}

fn excerpts_of(
    feature: &Feature,
    target: &FeatureMatch,
    analysed: &AnalysedArticle,
    corpus: &Corpus,
) -> (Vec<Excerpt>, usize) {
    let (key, bbox) = (target.key.as_deref(), target.bbox);
    // Most articles say nothing of most features: find that out before
    // splitting the body into chars. The box first: most mentions are far
    // from most areas, and the exact point-in-area test is the costly part.
    let may_belong = |m: &PlaceMention| {
        key == Some(&*m.gazetteer)
            || bbox.is_some_and(|b| b.intersects(&geo::Point::new(m.lon, m.lat)))
    };
    if !analysed.places.iter().any(may_belong) {
        return (Vec::new(), 0);
    }
    let chars: Vec<char> = analysed.article.body.chars().collect();
    let mut excerpts = Vec::new();
    let mut count = 0;
    for (index, sentence) in analysed.sentences.iter().enumerate() {
        let in_sentence = |start: usize, end: usize| start >= sentence.start && end <= sentence.end;
        let (start, end) = excerpt_span(analysed, index);
        let mentions: Vec<MentionSpan> = analysed
            .places
            .iter()
            .filter(|m| in_sentence(m.start, m.end) && may_belong(m))
            .filter_map(|m| {
                belongs_keyed(feature, key, m).map(|via| MentionSpan {
                    surface: m.surface.to_string(),
                    start: m.start - start,
                    end: m.end - start,
                    place: m.name.to_string(),
                    via,
                })
            })
            .collect();
        if mentions.is_empty() {
            continue;
        }
        count += mentions.len();
        let figures = analysed
            .figures
            .iter()
            .filter(|f| f.start >= start && f.end <= end)
            .map(|f| {
                let check = corpus.cross_check(&analysed.article.id, f, MAX_LISTED);
                let title = |id: &str| corpus.title_of(id).unwrap_or(id).to_owned();
                FigureSpan {
                    figure: Figure {
                        start: f.start - start,
                        end: f.end - start,
                        ..f.clone()
                    },
                    corroborated_by: check.same.iter().map(|a| title(a)).collect(),
                    more_corroborating: check.same_count - check.same.len(),
                    differs_from: check
                        .other_values
                        .iter()
                        .map(|(value, first, sources)| OtherValue {
                            value: *value,
                            article: title(first),
                            sources: *sources,
                        })
                        .collect(),
                    more_values: check.other_value_count - check.other_values.len(),
                }
            })
            .collect();
        excerpts.push(Excerpt {
            text: chars[start..end].iter().collect(),
            start,
            end,
            mentions,
            figures,
        });
    }
    (excerpts, count)
}

/// The dossier of `feature` over every article of `corpus`.
#[must_use]
pub fn dossier(feature: &Feature, corpus: &Corpus) -> Dossier {
    let mut mentions = 0;
    let target = FeatureMatch::new(feature);
    let articles = corpus
        .articles()
        .iter()
        .filter_map(|analysed| {
            let (excerpts, count) = article_excerpts(feature, &target, analysed, corpus)?;
            mentions += count;
            Some(excerpts)
        })
        .collect();
    Dossier {
        id: feature.id.0.clone(),
        name: feature.name.clone(),
        kind: feature.kind,
        country: feature.country.clone(),
        mentions,
        articles,
    }
}

/// How many mentions each feature's dossier has (features without any are
/// left out): the numbers on the map's badges, counted once over the whole
/// corpus (the window keeps a [`rollup::RollUp`] up to date instead).
#[must_use]
pub fn mention_counts(
    atlas: &crate::atlas::Atlas,
    corpus: &Corpus,
) -> HashMap<crate::atlas::FeatureId, usize> {
    let mut rollup = rollup::RollUp::default();
    for article in corpus.articles() {
        rollup.add_article(atlas, article, false);
    }
    rollup.counts().clone()
}

/// Towns that articles name but the map does not have yet, as point features.
#[must_use]
pub fn places_to_add(
    atlas: &crate::atlas::Atlas,
    article: &analysis::AnalysedArticle,
) -> Vec<Feature> {
    let mut out: Vec<Feature> = Vec::new();
    for m in article
        .places
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::City | MentionKind::Facility))
    {
        if atlas.named_by(&m.gazetteer).is_some() || out.iter().any(|f| *f.id.0 == *m.gazetteer) {
            continue;
        }
        let at = crate::geometry::projection::LonLat {
            lon: m.lon,
            lat: m.lat,
        };
        let mut properties = serde_json::Map::new();
        properties.insert("found_in_articles".into(), true.into());
        properties.insert("gazetteer".into(), (*m.gazetteer).into());
        out.push(Feature::town(
            m.gazetteer.to_string(),
            m.name.to_string(),
            m.country.as_deref().map(str::to_owned),
            at,
            properties,
        ));
    }
    out
}
