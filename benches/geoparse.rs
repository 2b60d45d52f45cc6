//! Geoparser costs: gazetteer load (inflate and read the entries and the name index) and throughput
//! on several MB of news-like text.
//!
//! `cargo bench --bench geoparse`. The text is the two seed reports repeated to
//! about 4 MB, so that recognition, filtering, resolution and figure extraction
//! all run over realistic copy (names, numbers, quotes, non-breaking spaces).

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
}

criterion_group!(geoparse_benches, benches);
criterion_main!(geoparse_benches);
