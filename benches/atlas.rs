//! Start-up and picking costs of the embedded atlas.
//!
//! `cargo bench --bench atlas` — loading (parse, zone union, tripoint,
//! tessellation, R-tree) is what stands between launch and the first frame;
//! picking runs on every pointer move.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::geometry::projection::{LonLat, Projector, ScreenPoint, ScreenRect};
use dispatch_atlas::view::camera::Camera;

fn load(c: &mut Criterion) {
    c.bench_function("atlas/load_embedded", |b| {
        b.iter(|| black_box(Atlas::load_embedded().map_or(0, |a| a.features().len())));
    });
}

/// A deterministic spread of pointer positions (no rand dependency needed).
fn pointer_positions(count: usize, rect: ScreenRect) -> Vec<ScreenPoint> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f32 / (1u64 << 53) as f32
    };
    (0..count)
        .map(|_| ScreenPoint {
            x: rect.min.x + next() * rect.width(),
            y: rect.min.y + next() * rect.height(),
        })
        .collect()
}

fn pick(c: &mut Criterion) {
    let Ok(atlas) = Atlas::load_embedded() else {
        eprintln!("the embedded atlas does not load; nothing to measure");
        return;
    };
    let rect = ScreenRect {
        min: ScreenPoint { x: 0.0, y: 0.0 },
        max: ScreenPoint {
            x: 1280.0,
            y: 760.0,
        },
    };
    for (name, scale) in [("sahel", 2500.0), ("world", 400.0), ("town", 2.0e6)] {
        let projector = Projector::new(
            Camera::looking_at(
                LonLat {
                    lon: 1.5,
                    lat: 16.0,
                },
                scale,
            ),
            rect,
        );
        let positions = pointer_positions(1000, rect);
        c.bench_function(&format!("pick/1000_pointer_moves/{name}"), |b| {
            b.iter(|| {
                positions
                    .iter()
                    .filter(|&&p| atlas.pick(&projector, p, 8.0).is_some())
                    .count()
            });
        });
    }
}

criterion_group!(benches, load, pick);
criterion_main!(benches);
