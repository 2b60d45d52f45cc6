//! The corpus in the window's core: what the UI thread does per article
//! read (markers for new towns, badges, the figure index), and what opening
//! the largest dossier's list costs, over a few thousand articles.
//!
//! `cargo bench --bench corpus`. The articles are the seed reports made
//! distinct (a serial number appended), so places, figures and sentences are
//! real news copy; `bench/corpus.sh` times the whole program at 10,000.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dispatch_atlas::articles::Article;
use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::dossier::analysis::AnalysedArticle;
use dispatch_atlas::geoparse::gazetteer::Gazetteer;
use dispatch_atlas::state::{AppState, Command};

const ARTICLES: usize = 2000;

fn analysed(gazetteer: &Gazetteer) -> Vec<AnalysedArticle> {
    let seeds = Article::embedded();
    (0..ARTICLES)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            let mut a = seed.clone();
            a.id = format!("bench-{i}");
            a.body = format!("{}\n\nReport {i} of the series.", seed.body);
            AnalysedArticle::new(gazetteer, a)
        })
        .collect()
}

fn corpus(c: &mut Criterion) {
    let atlas = || Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
    let gazetteer = Gazetteer::load_embedded(&atlas().zone_names())
        .unwrap_or_else(|e| panic!("gazetteer: {e}"));
    let articles = analysed(&gazetteer);
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function(
        "apply 2,000 analysed articles (per article: ÷2,000)",
        |b| {
            b.iter_batched(
                || (AppState::new(atlas(), None), articles.clone()),
                |(mut state, articles)| {
                    for a in articles {
                        state.apply(Command::ArticleAnalysed(Box::new(a)));
                    }
                    black_box(state.mention_counts().len())
                },
                BatchSize::LargeInput,
            );
        },
    );
    let mut state = AppState::new(atlas(), None);
    for a in articles {
        state.apply(Command::ArticleAnalysed(Box::new(a)));
    }
    let mali = state
        .atlas
        .find_by_name("Mali")
        .unwrap_or_else(|| panic!("Mali"))
        .clone();
    group.bench_function("articles about Mali (the dossier's list)", |b| {
        b.iter(|| black_box(state.articles_about(&mali).len()));
    });
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
