//! Geoparser costs: gazetteer load (inflate and read the entries and the name
//! index, set every name's first word) and throughput
//! on several MB of news-like text.
//!
//! `cargo bench --bench geoparse`. The text is the two seed reports repeated to
//! about 4 MB, so that recognition, filtering, resolution and figure extraction
//! all run over realistic copy (names, numbers, quotes, non-breaking spaces):
//! once as one 4 MB document, and once as the few hundred articles it is made
//! of, each parsed on its own as the app does.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dispatch_atlas::articles::Article;
use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::dossier::analysis::analyse_text;
use dispatch_atlas::figures::extract_figures;
use dispatch_atlas::geoparse::gazetteer::Gazetteer;
use dispatch_atlas::geoparse::geoparse;

fn news_text(bytes: usize) -> String {
    let seeds: Vec<String> = Article::embedded().into_iter().map(|a| a.body).collect();
    let mut text = String::with_capacity(bytes + 10_000);
    while text.len() < bytes {
        for body in &seeds {
            text.push_str(body);
            text.push_str("\n\n");
        }
    }
    text
}

/// Articles to parse one by one, repeated to about `bytes` in all: the files
/// of the folder `DISPATCH_ATLAS_BENCH_ARTICLES` names (any news copy you
/// have, e.g. `../shared/eval/geowebnews/articles`), else the seed reports.
fn news_articles(bytes: usize) -> Vec<String> {
    let folder = std::env::var_os("DISPATCH_ATLAS_BENCH_ARTICLES");
    let from_folder: Vec<String> = folder
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .collect();
    let seeds: Vec<String> = if from_folder.is_empty() {
        Article::embedded().into_iter().map(|a| a.body).collect()
    } else {
        eprintln!(
            "benchmarking on {} articles from the folder",
            from_folder.len()
        );
        from_folder
    };
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes && !seeds.is_empty() {
        for body in &seeds {
            total += body.len();
            articles.push(body.clone());
        }
    }
    articles
}

fn benches(c: &mut Criterion) {
    let Ok(atlas) = Atlas::load_embedded() else {
        eprintln!("the embedded atlas does not load; nothing to measure");
        return;
    };
    let zones = atlas.zone_names();
    let mut load = c.benchmark_group("gazetteer");
    load.sample_size(10);
    load.bench_function("load_embedded", |b| {
        b.iter(|| black_box(Gazetteer::load_embedded(&zones).is_ok()));
    });
    load.finish();

    let Ok(gazetteer) = Gazetteer::load_embedded(&zones) else {
        return;
    };
    let text = news_text(4 << 20);
    let mut group = c.benchmark_group("throughput_4MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("geoparse", |b| {
        b.iter(|| black_box(geoparse(&gazetteer, &text).len()));
    });
    group.bench_function("figures", |b| {
        b.iter(|| black_box(extract_figures(&text).len()));
    });
    group.bench_function("places_and_figures", |b| {
        b.iter(|| black_box(analyse_text(&gazetteer, &text).0.len()));
    });
    group.finish();

    // What the app does: every article is its own document (its own country
    // context), so the same 4 MB come as a few hundred articles.
    let articles = news_articles(4 << 20);
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut group = c.benchmark_group("articles_4MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("geoparse", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| black_box(geoparse(&gazetteer, a).len()))
                .sum::<usize>()
        });
    });
    group.bench_function("places_and_figures", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| black_box(analyse_text(&gazetteer, a).0.len()))
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(geoparse_benches, benches);
criterion_main!(geoparse_benches);
