//! `dispatch-atlas stats`: what it costs to open GeoJSON files the way the
//! app opens a layer — read and check every feature (on every core), prepare
//! drawing and picking (levels of detail, tessellation, outline indexes),
//! index the boxes — stage by stage, with counts and peak memory; and, on
//! request, what picking the feature under a cursor costs. Headless, so it
//! can be timed beside other tools (`bench/compare.sh`).

use std::path::Path;
use std::time::{Duration, Instant};

use geo::CoordsIter;
use serde::Serialize;

use crate::atlas::{AreaLevel, Atlas, FeatureGeometry, Prepared};
use crate::geometry::projection::{Projector, ScreenPoint, ScreenRect};
use crate::import::{ImportError, import_file};
use crate::state::layer_id;
use crate::view::camera::Camera;

/// One file's figures.
#[derive(Debug, Serialize)]
pub struct FileStats {
    pub file: String,
    pub bytes: u64,
    pub features: usize,
    /// Features skipped or repaired while reading.
    pub warnings: usize,
    pub areas: usize,
    /// Positions read (the source's vertices).
    pub vertices: usize,
    /// Bytes of the source's coordinates as two f64 each: the yardstick for memory.
    pub coordinate_bytes: usize,
    /// Vertices kept for drawing, all levels of detail together.
    pub drawn_vertices: usize,
    /// Triangles of the areas at full detail.
    pub triangles: usize,
    /// Bytes of the drawing's levels of detail (vertices, triangles, rings).
    pub drawing_bytes: usize,
    /// Of those, the triangles' vertex indices (an index, like the picking
    /// one: issue 5's memory target counts indexes besides the coordinates).
    pub triangle_index_bytes: usize,
    /// Bytes of the picking indexes over the areas' edges.
    pub outline_bytes: usize,
    /// Milliseconds: read and check (parse, validate, antimeridian cut, labels).
    pub read_ms: f64,
    /// Milliseconds: levels of detail, triangles and outline indexes.
    pub prepare_ms: f64,
    /// Milliseconds: the boxes' R-tree.
    pub index_ms: f64,
    pub total_ms: f64,
}

/// Percentiles of timed samples (picks in microseconds, frames in milliseconds).
#[derive(Debug, Serialize)]
pub struct Timings {
    pub count: usize,
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Timings {
    /// Percentiles of `samples`, in `unit`s per second (1e6: microseconds).
    #[must_use]
    pub fn of(mut samples: Vec<Duration>, unit: f64) -> Self {
        samples.sort_unstable();
        let at = |q: f64| {
            if samples.is_empty() {
                return 0.0;
            }
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss,
                reason = "an index into the samples"
            )]
            let i = ((samples.len() - 1) as f64 * q).round() as usize;
            (samples[i].as_secs_f64() * unit * 1e3).round() / 1e3
        };
        #[allow(clippy::cast_precision_loss, reason = "a sample count")]
        let mean = if samples.is_empty() {
            0.0
        } else {
            let total: f64 = samples.iter().map(Duration::as_secs_f64).sum();
            (total / samples.len() as f64 * unit * 1e3).round() / 1e3
        };
        Self {
            count: samples.len(),
            mean,
            p50: at(0.5),
            p95: at(0.95),
            p99: at(0.99),
            max: at(1.0),
        }
    }
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// Opens `path` as the app opens a layer, on top of `atlas`, timing each stage.
pub fn open_layer(atlas: &mut Atlas, path: &Path) -> Result<FileStats, ImportError> {
    let start = Instant::now();
    let layer = import_file(path, &layer_id(path))?;
    let read = start.elapsed();
    let vertices = layer
        .features
        .iter()
        .map(|f| match &f.geometry {
            FeatureGeometry::Point(_) => 1,
            FeatureGeometry::Area(a) => a.coords_count(),
            FeatureGeometry::Other(o) => o.coords_count(),
        })
        .sum();
    let (features, warnings) = (layer.features.len(), layer.warnings.len());
    let t = Instant::now();
    let prepared = Prepared::all(layer.features);
    let prepare = t.elapsed();
    let outline_bytes = prepared.iter().map(Prepared::outline_bytes).sum();
    let shapes = prepared.iter().filter_map(Prepared::shape);
    let (mut areas, mut drawn_vertices, mut triangles, mut drawing_bytes) = (0, 0, 0, 0);
    let mut triangle_index_bytes = 0;
    for shape in shapes {
        areas += usize::from(!shape.levels.is_empty());
        drawn_vertices += shape.vertex_count();
        triangles += shape.source().map_or(0, |l| l.mesh.triangle_count());
        drawing_bytes += shape
            .levels
            .iter()
            .map(AreaLevel::heap_bytes)
            .sum::<usize>();
        triangle_index_bytes += shape
            .levels
            .iter()
            .map(|l| l.mesh.indices.heap_bytes())
            .sum::<usize>();
    }
    let t = Instant::now();
    atlas.add_prepared(prepared);
    let index_time = t.elapsed();
    Ok(FileStats {
        file: path.display().to_string(),
        bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
        features,
        warnings,
        areas,
        vertices,
        coordinate_bytes: vertices * 16,
        drawn_vertices,
        triangles,
        drawing_bytes,
        triangle_index_bytes,
        outline_bytes,
        read_ms: ms(read),
        prepare_ms: ms(prepare),
        index_ms: ms(index_time),
        total_ms: ms(start.elapsed()),
    })
}

/// A small deterministic generator (xorshift64*): the same points every run.
struct Random(u64);

impl Random {
    /// A number in [0, 1).
    #[allow(clippy::cast_precision_loss, reason = "53 random bits")]
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The map as the app shows the whole world in a 1920×1080 window.
#[must_use]
pub fn world_view() -> Projector {
    let rect = ScreenRect {
        min: ScreenPoint { x: 0.0, y: 0.0 },
        max: ScreenPoint {
            x: 1920.0,
            y: 1080.0,
        },
    };
    let mut camera = Camera::default();
    camera.fit_inhabited_world(rect);
    Projector::new(camera, rect)
}

/// Picks the feature under `count` random cursors over the whole-world view
/// (as hovering does), timing each pick; also says how many found one.
#[must_use]
pub fn time_picks(atlas: &Atlas, count: usize) -> (Timings, usize) {
    let projector = world_view();
    let rect = projector.rect();
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut samples = Vec::with_capacity(count);
    let mut found = 0;
    for _ in 0..count {
        #[allow(clippy::cast_possible_truncation, reason = "pixels")]
        let at = ScreenPoint {
            x: rect.min.x + (random.next() * f64::from(rect.width())) as f32,
            y: rect.min.y + (random.next() * f64::from(rect.height())) as f32,
        };
        let start = Instant::now();
        let hit = atlas.pick(&projector, at, 6.0);
        samples.push(start.elapsed());
        found += usize::from(hit.is_some());
    }
    (Timings::of(samples, 1e6), found)
}

/// The process's peak resident memory in bytes (Linux: `VmHWM`), if known.
#[must_use]
pub fn peak_memory_bytes() -> Option<u64> {
    status_bytes("VmHWM:")
}

/// The process's resident memory now in bytes (Linux: `VmRSS`), if known.
#[must_use]
pub fn resident_memory_bytes() -> Option<u64> {
    status_bytes("VmRSS:")
}

fn status_bytes(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_times_a_small_file() {
        let dir = std::env::temp_dir().join(format!("da-stats-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join("two.geojson");
        std::fs::write(
            &path,
            r#"{"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [5, 5]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [500, 5]}}
            ]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut atlas = Atlas::from_features(Vec::new());
        let stats = open_layer(&mut atlas, &path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((stats.features, stats.warnings, stats.areas), (2, 1, 1));
        assert_eq!((stats.vertices, stats.triangles), (6, 2));
        assert_eq!(stats.coordinate_bytes, 96);
        assert_eq!(
            stats.drawn_vertices, 4,
            "rings drawn without their closing repeat"
        );
        assert!(stats.total_ms >= stats.read_ms);
        assert_eq!(atlas.features().len(), 2);
        assert!(peak_memory_bytes().is_none_or(|b| b > 0));
        let (timings, found) = time_picks(&atlas, 1_000);
        assert_eq!(timings.count, 1_000);
        assert!(timings.p50 <= timings.p99 && timings.p99 <= timings.max);
        // The square is 1° of a 360° world 1920 px wide: about 5×5 px.
        assert!(
            found < 10,
            "{found} of 1000 random cursors over a 5 px square"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn percentiles_are_read_from_the_sorted_samples() {
        let samples = (1..=100).rev().map(Duration::from_micros).collect();
        let t = Timings::of(samples, 1e6);
        assert_eq!((t.count, t.p50, t.p99, t.max), (100, 51.0, 99.0, 100.0));
    }
}
