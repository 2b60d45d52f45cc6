//! Issue 5's world-scale costs on the whole world's admin-1 regions
//! (`bench/fetch-world.sh` fetches them; without the file this says so and
//! measures nothing).
//!
//! `cargo bench --bench world` — opening the file as the app opens a layer
//! (read, check, levels of detail, tessellation, indexes), picking under
//! 1,000 random cursors over the whole world, and 30 scripted pan/zoom
//! frames of the map widget at 1920×1080, and a copy of the atlas (what a
//! change to the map costs while an image export holds it). `bench/compare.sh` times the same
//! things beside GDAL and Python.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use dispatch_atlas::atlas::{Atlas, Prepared};
use dispatch_atlas::geometry::projection::ScreenPoint;
use dispatch_atlas::import::import_file;
use dispatch_atlas::state::AppState;
use dispatch_atlas::stats::world_view;
use dispatch_atlas::ui::frame_bench::{ZOOM_TARGET, scripted_frames};

const WORLD: &str = "bench/data/admin1-world.geojson";

fn world_atlas() -> Option<Atlas> {
    let path = Path::new(WORLD);
    if !path.exists() {
        eprintln!("{WORLD} is missing: run bench/fetch-world.sh first");
        return None;
    }
    let layer = import_file(path, "layer:world").ok()?;
    let mut atlas = Atlas::load_embedded().ok()?;
    atlas.add_prepared(Prepared::all(layer.features));
    Some(atlas)
}

fn open(c: &mut Criterion) {
    let path = Path::new(WORLD);
    if !path.exists() {
        return;
    }
    let mut group = c.benchmark_group("world");
    group.sample_size(10);
    group.bench_function("open_admin1", |b| {
        b.iter(|| {
            let layer = import_file(path, "layer:world").map(|l| Prepared::all(l.features));
            black_box(layer.map_or(0, |p| p.len()))
        });
    });
    group.finish();
}

fn pick_and_draw(c: &mut Criterion) {
    let Some(atlas) = world_atlas() else {
        return;
    };
    let projector = world_view();
    let rect = projector.rect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let cursors: Vec<ScreenPoint> = (0..1000)
        .map(|_| {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                #[allow(clippy::cast_precision_loss)]
                let unit = (seed >> 11) as f32 / (1u64 << 53) as f32;
                unit
            };
            ScreenPoint {
                x: rect.min.x + next() * rect.width(),
                y: rect.min.y + next() * rect.height(),
            }
        })
        .collect();
    c.bench_function("world/pick_1000_cursors", |b| {
        b.iter(|| {
            cursors
                .iter()
                .filter(|&&p| atlas.pick(&projector, p, 6.0).is_some())
                .count()
        });
    });
    let mut state = AppState::new(atlas, None);
    let mut group = c.benchmark_group("world");
    group.sample_size(10);
    // Only the frames are timed: each run first settles fonts and waits for
    // the GPU scene, which the app builds once per change of contents.
    group.bench_function("30_scripted_frames_1920x1080", |b| {
        b.iter_custom(|runs| {
            (0..runs)
                .map(|_| {
                    black_box(scripted_frames(&mut state, 30, true, ZOOM_TARGET))
                        .iter()
                        .sum::<std::time::Duration>()
                })
                .sum()
        });
    });
    group.finish();
}

/// What a change to the map costs while a background job (a map image
/// export) still holds the state's `Arc<Atlas>`: the whole atlas is copied
/// on the UI thread, once.
fn copy(c: &mut Criterion) {
    let Some(atlas) = world_atlas() else {
        return;
    };
    let mut group = c.benchmark_group("world");
    group.sample_size(10);
    group.bench_function("atlas_copy", |b| b.iter(|| black_box(atlas.clone())));
    group.finish();
}

criterion_group!(benches, open, pick_and_draw, copy);
criterion_main!(benches);
