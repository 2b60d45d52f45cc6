//! `dispatch-atlas stats [--json] [--picks N] [--frames N] [--zoom-to LON,LAT] [--no-gpu] FILE...`: the
//! files opened on top of the embedded atlas as the app opens layers, each
//! stage timed; then, if asked, picking under N random cursors and N
//! scripted pan/zoom frames of the real map widget; then the peak memory.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use crate::atlas::Atlas;
use crate::geometry::projection::LonLat;
use crate::state::AppState;
use crate::stats::{FileStats, Timings, open_layer, peak_memory_bytes, time_picks};

/// What to measure.
pub struct StatsRequest<'a> {
    pub files: &'a [PathBuf],
    pub json: bool,
    /// Random cursors to pick under (0: none).
    pub picks: usize,
    /// Scripted frames to draw (0: none).
    pub frames: usize,
    /// Draw them as the app does with OpenGL (zoomed-out views from GPU
    /// buffers), else all as egui meshes.
    pub gpu: bool,
    /// Where the frames zoom in: "LON,LAT".
    pub zoom_to: &'a str,
    /// The window's measures (GPU scene, frames).
    pub map: &'a dyn MapMeasures,
}

/// "LON,LAT" in degrees, checked.
fn parse_lonlat(text: &str) -> Result<LonLat> {
    let values: Vec<f64> = text
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--zoom-to {text:?}: two numbers expected, LON,LAT"))?;
    match *values.as_slice() {
        [lon, lat] if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {
            Ok(LonLat { lon, lat })
        }
        [_, _] => bail!("--zoom-to {text:?}: longitude must be within ±180 and latitude ±90"),
        _ => bail!(
            "--zoom-to {text:?}: two numbers expected (LON,LAT), found {}",
            values.len()
        ),
    }
}

/// The GPU scene of the atlas (what the app uploads when its contents
/// change, tier by tier, in parts): its size, the most of it held in memory
/// at once, and the time to build it.
#[derive(serde::Serialize)]
pub struct GpuScene {
    pub bytes: usize,
    pub most_held_bytes: usize,
    pub build_ms: f64,
}

/// What only the window's code can measure: its GPU scene and its map
/// widget's frames. The UI provides it (`ui::frame_bench::UiMeasures`), so
/// this command does not depend on the UI.
pub trait MapMeasures {
    fn gpu_scene(&self, atlas: &Atlas) -> GpuScene;
    /// The CPU time of each of `frames` scripted pan/zoom frames.
    fn scripted_frames(
        &self,
        state: &mut AppState,
        frames: usize,
        gpu: bool,
        zoom_to: LonLat,
    ) -> Vec<std::time::Duration>;
    /// The frames' size in pixels.
    fn frame_size(&self) -> [f32; 2];
}

pub fn run(request: &StatsRequest<'_>) -> Result<()> {
    let zoom_to = parse_lonlat(request.zoom_to)?;
    let mut atlas = Atlas::load_embedded()?;
    let mut files = Vec::new();
    for path in request.files {
        files.push(open_layer(&mut atlas, path)?);
    }
    let picks = (request.picks > 0).then(|| time_picks(&atlas, request.picks));
    let scene = request.gpu.then(|| request.map.gpu_scene(&atlas));
    let frames = (request.frames > 0).then(|| {
        let mut state = AppState::new(atlas, None);
        Timings::of(
            request
                .map
                .scripted_frames(&mut state, request.frames, request.gpu, zoom_to),
            1e3,
        )
    });
    let peak = peak_memory_bytes();
    let mut out = std::io::stdout().lock();
    if request.json {
        let value = serde_json::json!({
            "files": files,
            "picks_us": picks.as_ref().map(|(t, _)| t),
            "picks_found": picks.as_ref().map(|(_, found)| found),
            "frames_ms": frames,
            "frames_gpu": request.gpu,
            "frames_zoom_to": [zoom_to.lon, zoom_to.lat],
            "gpu_scene": scene,
            "frame_size": request.map.frame_size(),
            "peak_memory_bytes": peak,
        });
        writeln!(out, "{value}")?;
        return Ok(());
    }
    table(&mut out, &files)?;
    if let Some((t, found)) = &picks {
        writeln!(
            out,
            "pick (µs), {} random cursors over the world at 1920×1080 ({found} on a feature): p50 {:.2}  p95 {:.2}  p99 {:.2}  max {:.2}",
            t.count, t.p50, t.p95, t.p99, t.max
        )?;
    }
    if let Some(t) = &frames {
        let drawn = if request.gpu {
            "zoomed-out views on the GPU"
        } else {
            "all egui meshes"
        };
        writeln!(
            out,
            "frame CPU (ms), {} scripted pan/zoom frames at 1920×1080 (zooming into {}), {drawn}: p50 {:.2}  p95 {:.2}  p99 {:.2}  max {:.2}",
            t.count,
            zoom_to.display(),
            t.p50,
            t.p95,
            t.p99,
            t.max
        )?;
    }
    #[allow(clippy::cast_precision_loss, reason = "megabytes for display")]
    let mb = |bytes: usize| bytes as f64 / 1e6;
    if let Some(scene) = &scene {
        writeln!(
            out,
            "GPU scene (zoomed-out tiers, uploaded in parts when the contents change): {:.1} MB, at most {:.1} MB held at once, built in {:.1} ms",
            mb(scene.bytes),
            mb(scene.most_held_bytes),
            scene.build_ms
        )?;
    }
    for s in &files {
        writeln!(
            out,
            "{}: coordinates {:.1} MB, drawing (levels of detail) {:.1} MB of which triangle indices {:.1} MB, picking index {:.1} MB",
            s.file,
            mb(s.coordinate_bytes),
            mb(s.drawing_bytes),
            mb(s.triangle_index_bytes),
            mb(s.outline_bytes)
        )?;
    }
    if let Some(bytes) = peak {
        writeln!(
            out,
            "peak memory: {:.1} MB",
            mb(usize::try_from(bytes).unwrap_or(usize::MAX))
        )?;
    }
    Ok(())
}

fn table(out: &mut impl std::io::Write, files: &[FileStats]) -> Result<()> {
    writeln!(
        out,
        "{:<32} {:>8} {:>8} {:>10} {:>10} {:>10} {:>8} {:>10} {:>8} {:>8}",
        "file",
        "features",
        "warnings",
        "vertices",
        "drawn v.",
        "triangles",
        "read ms",
        "prepare ms",
        "index ms",
        "total ms"
    )?;
    for s in files {
        writeln!(
            out,
            "{:<32} {:>8} {:>8} {:>10} {:>10} {:>10} {:>8.1} {:>10.1} {:>8.1} {:>8.1}",
            s.file,
            s.features,
            s.warnings,
            s.vertices,
            s.drawn_vertices,
            s.triangles,
            s.read_ms,
            s.prepare_ms,
            s.index_ms,
            s.total_ms
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_lonlat;

    #[test]
    fn zoom_targets_are_checked() {
        let brussels = parse_lonlat("4.35, 50.85").unwrap_or_else(|e| panic!("{e}"));
        assert!((brussels.lon - 4.35).abs() < 1e-12 && (brussels.lat - 50.85).abs() < 1e-12);
        for bad in ["4.35", "a,b", "200,10", "10,95", "1,2,3", ""] {
            let error = parse_lonlat(bad).err().map(|e| format!("{e:#}"));
            assert!(
                error.as_deref().is_some_and(|e| e.contains("--zoom-to")),
                "{bad}: {error:?}"
            );
        }
    }
}
