//! Scripted pan and zoom over the real map widget, headless: the CPU time of
//! each frame (the widget building its paint list, then egui tessellating it
//! into triangles) as the camera sweeps the world, zooms into one district
//! and out again. `dispatch-atlas stats --frames N` and `bench/compare.sh`
//! report it; nothing here needs a window or a GPU.

use std::time::{Duration, Instant};

use crate::geometry::projection::LonLat;
use crate::state::{AppState, Command};
use crate::ui::map::MapView;

/// The window the frames are drawn for, in logical pixels (1920×1080).
pub const SIZE: [f32; 2] = [1920.0, 1080.0];

/// Where the zoom goes unless told: the Sahel (Ménaka), the app's home.
pub const ZOOM_TARGET: LonLat = LonLat {
    lon: 2.4,
    lat: 15.9,
};

/// Frame `i` of `n` of the script, applied to `state`: at a third, the
/// camera moves to `target`; then the frame's pan or zoom.
pub fn step(state: &mut AppState, i: usize, n: usize, target: LonLat) {
    if i == n.div_ceil(3) {
        state.camera.center = crate::geometry::projection::WorldPoint::from_lonlat(target);
    }
    state.apply(script(i, n));
}

/// The camera move before frame `i` of `n`: a third panning the whole
/// world, a third zooming in to a district (about ×340), then panning
/// there and zooming back out.
fn script(i: usize, n: usize) -> Command {
    let third = n.div_ceil(3).max(1);
    match i / third {
        0 => Command::Pan { dx: -12.0, dy: 0.0 },
        1 => Command::Zoom {
            factor: 1.06,
            anchor_dx: 0.0,
            anchor_dy: 0.0,
        },
        _ if i % third < third / 2 => Command::Pan { dx: 9.0, dy: 6.0 },
        _ => Command::Zoom {
            factor: 1.0 / 1.12,
            anchor_dx: 0.0,
            anchor_dy: 0.0,
        },
    }
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(SIZE[0], SIZE[1]),
        )),
        ..egui::RawInput::default()
    }
}

/// Runs `frames` frames of the map over `state`'s atlas, starting from the
/// whole world and zooming into `target`, and returns each frame's CPU
/// time. `gpu`: as the app draws with OpenGL (zoomed-out tiers kept on the
/// GPU), else all in egui meshes.
pub fn scripted_frames(
    state: &mut AppState,
    frames: usize,
    gpu: bool,
    target: LonLat,
) -> Vec<Duration> {
    let ctx = egui::Context::default();
    // The app's map: zoomed-out views are one paint callback (headless, the
    // GPU never draws it; what is timed is the CPU's part, as in the app).
    let mut map = if gpu {
        MapView::with_gpu()
    } else {
        MapView::default()
    };
    let frame = |map: &mut MapView, state: &mut AppState| {
        let mut commands = Vec::new();
        let start = Instant::now();
        let output = ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| map.show(ui, state, &mut commands));
        });
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        // What the renderer's paint callback would upload.
        map.discard_gpu_uploads();
        // No renderer takes the font atlas's updates here.
        let mut textures = output.textures_delta;
        textures.clear();
        std::hint::black_box(primitives);
        state.apply_all(commands);
        elapsed
    };
    // Fonts and the map's rectangle settle in the first frames; with the
    // GPU path, its scene is built on another thread (a tenth of a second
    // for the world's regions): the frames are timed once it is there.
    for _ in 0..2 {
        frame(&mut map, state);
    }
    let waiting = Instant::now();
    while gpu
        && !map.gpu_scene_ready(state.layer_generation)
        && waiting.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(5));
        frame(&mut map, state);
    }
    if let Some(rect) = state.viewport {
        state.camera.fit_inhabited_world(rect);
    }
    let mut times = Vec::with_capacity(frames);
    for i in 0..frames {
        step(state, i, frames, target);
        times.push(frame(&mut map, state));
    }
    times
}

/// The window's measures for the headless `stats` command.
pub struct UiMeasures;

impl crate::commands::stats::MapMeasures for UiMeasures {
    /// Builds the scene as the app's builder does: tier by tier, in parts,
    /// each part kept until the next is built (the app's builder waits for
    /// the draw that uploads one while it builds the next).
    fn gpu_scene(&self, atlas: &crate::atlas::Atlas) -> crate::commands::stats::GpuScene {
        use crate::ui::map::gpu_scene;
        let start = Instant::now();
        let drawn = gpu_scene::drawn_features(atlas, &|_| 1.0);
        let order = gpu_scene::chunk_order(&drawn);
        let (mut bytes, mut most_held_bytes) = (0, 0);
        let mut waiting = 0;
        for tier in gpu_scene::gpu_tiers() {
            let mut held: Option<dispatch_map_gl::Batch> = None;
            gpu_scene::build_tier_in_parts(
                &drawn,
                &order,
                tier,
                gpu_scene::PART_BYTES,
                &mut |part| {
                    bytes += part.bytes();
                    most_held_bytes = most_held_bytes.max(waiting + part.bytes());
                    waiting = part.bytes();
                    held = Some(part);
                    true
                },
            );
            drop(held);
            waiting = 0;
        }
        crate::commands::stats::GpuScene {
            bytes,
            most_held_bytes,
            build_ms: start.elapsed().as_secs_f64() * 1e3,
        }
    }

    fn scripted_frames(
        &self,
        state: &mut AppState,
        frames: usize,
        gpu: bool,
        zoom_to: LonLat,
    ) -> Vec<Duration> {
        scripted_frames(state, frames, gpu, zoom_to)
    }

    fn frame_size(&self) -> [f32; 2] {
        SIZE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;

    #[test]
    fn the_script_zooms_into_a_district_and_every_frame_is_timed() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut state = AppState::new(atlas, None);
        let mut scales = Vec::new();
        for i in 0..30 {
            if let Command::Zoom { factor, .. } = script(i, 30) {
                scales.push(factor);
            }
        }
        assert_eq!(scales.len(), 15, "a third zooms in, a sixth back out");
        let times = scripted_frames(&mut state, 30, true, ZOOM_TARGET);
        assert_eq!(times.len(), 30);
        assert!(times.iter().all(|t| *t > Duration::ZERO));
        assert!(
            state
                .viewport
                .is_some_and(|r| (r.width() - SIZE[0]).abs() < 1.0)
        );
    }
}
