//! `dispatch-atlas stats`: what it costs to open GeoJSON files the way the
//! app opens a layer — read and check every feature, tessellate the areas,
//! build the hit index — stage by stage, with counts and peak memory.
//! Headless, so it can be timed beside other tools (issue 5's comparisons).

use std::path::Path;
use std::time::{Duration, Instant};

use geo::CoordsIter;
use serde::Serialize;

use crate::atlas::hit_index::HitIndex;
use crate::atlas::{AreaShape, FeatureGeometry};
use crate::import::{ImportError, import_file};
use crate::state::layer_id;

/// One file's figures.
#[derive(Debug, Serialize)]
pub struct FileStats {
    pub file: String,
    pub bytes: u64,
    pub features: usize,
    /// Features skipped or repaired while reading.
    pub warnings: usize,
    pub areas: usize,
    pub vertices: usize,
    pub triangles: usize,
    /// Milliseconds: read and check (parse, validate, antimeridian cut).
    pub read_ms: f64,
    /// Milliseconds: triangles and world-space rings for drawing.
    pub tessellate_ms: f64,
    /// Milliseconds: R-tree and prepared outlines for picking.
    pub index_ms: f64,
    pub total_ms: f64,
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// Opens `path` as the app opens a layer, timing each stage.
pub fn file_stats(path: &Path) -> Result<FileStats, ImportError> {
    let start = Instant::now();
    let layer = import_file(path, &layer_id(path))?;
    let read = start.elapsed();
    let t = Instant::now();
    let shapes: Vec<Option<AreaShape>> = layer.features.iter().map(AreaShape::of).collect();
    let tessellate = t.elapsed();
    let t = Instant::now();
    let _index = HitIndex::build(&layer.features);
    let index_time = t.elapsed();
    let vertices = layer
        .features
        .iter()
        .map(|f| match &f.geometry {
            FeatureGeometry::Point(_) => 1,
            FeatureGeometry::Area(a) => a.coords_count(),
            FeatureGeometry::Other(o) => o.coords_count(),
        })
        .sum();
    let stats = FileStats {
        file: path.display().to_string(),
        bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
        features: layer.features.len(),
        warnings: layer.warnings.len(),
        areas: shapes
            .iter()
            .flatten()
            .filter(|s| !s.rings.is_empty())
            .count(),
        vertices,
        triangles: shapes
            .iter()
            .flatten()
            .map(|s| s.fill.indices.len() / 3)
            .sum(),
        read_ms: ms(read),
        tessellate_ms: ms(tessellate),
        index_ms: ms(index_time),
        total_ms: ms(start.elapsed()),
    };
    Ok(stats)
}

/// The process's peak resident memory in bytes (Linux: `VmHWM`), if known.
#[must_use]
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
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
        let stats = file_stats(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((stats.features, stats.warnings, stats.areas), (2, 1, 1));
        assert_eq!((stats.vertices, stats.triangles), (6, 2));
        assert!(stats.total_ms >= stats.read_ms);
        assert!(peak_memory_bytes().is_none_or(|b| b > 0));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
