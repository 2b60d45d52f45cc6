//! The map's fills and outlines on the GPU.
//!
//! The UI builds a [`Scene`] (world-space fills and outline segments for each
//! level-of-detail tier) when the map's contents change, and hands it to
//! [`MapGl::set_scene`]. Every frame it adds [`MapGl::callback`] to egui's
//! paint list: `egui_glow` calls it at that point of the painting, and it draws
//! one tier with the camera as uniforms. Panning and zooming upload nothing
//! and tessellate nothing on the CPU.
//!
//! The first draw compiles the shaders and uploads the scene; if the context
//! cannot (no instancing, an old GLSL, a driver error), [`MapGl::failure`]
//! says why and the UI goes on drawing through egui's own meshes.

mod gl;
mod scene;
mod shaders;

use std::sync::{Arc, Mutex, PoisonError};

pub use scene::{ALWAYS, Batch, OutlineRules, PointStyle, extent_code, width_16ths};

/// Every tier's batch, in tier order.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub tiers: Vec<Batch>,
}

impl Scene {
    /// Bytes the scene holds (and the GPU will, once uploaded).
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.tiers.iter().map(Batch::bytes).sum()
    }
}

/// Where the camera is, for one frame's draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Which batch of the scene to draw.
    pub tier: usize,
    /// The part of the world in view (world units): chunks outside it are
    /// not drawn.
    pub visible_min: [f32; 2],
    pub visible_max: [f32; 2],
    /// Logical pixels per world unit.
    pub scale: f32,
    /// Logical pixels added after scaling, so that the camera's centre lands
    /// at the middle of the map's rectangle (relative to its top-left).
    pub offset: [f32; 2],
    pub rules: OutlineRules,
}

#[derive(Default)]
struct Shared {
    /// A scene waiting for the next draw to upload it.
    pending: Option<Scene>,
    /// What is on the GPU.
    uploaded: Option<gl::Uploaded>,
    /// The generation (the caller's count of content changes) of the
    /// latest scene set.
    generation: Option<u64>,
    failure: Option<String>,
}

/// The GPU side of the map, shared between the UI (which sets scenes) and
/// `egui_glow`'s painting (which draws them). Cheap to clone.
#[derive(Clone, Default)]
pub struct MapGl {
    shared: Arc<Mutex<Shared>>,
}

impl std::fmt::Debug for MapGl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapGl")
            .field("failure", &self.failure())
            .finish_non_exhaustive()
    }
}

impl MapGl {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        // A panic while drawing leaves nothing half-written that matters:
        // the next scene replaces it.
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Replaces the scene with the one of `generation`, unless a later
    /// generation's is already set (scenes may be built on other threads and
    /// finish out of order); the next draw uploads it.
    pub fn set_scene(&self, generation: u64, scene: Scene) {
        let mut shared = self.lock();
        if shared.generation.is_some_and(|g| g > generation) {
            return;
        }
        shared.pending = Some(scene);
        shared.generation = Some(generation);
    }

    /// The generation of the latest scene set: drawing with it shows that
    /// state of the contents.
    #[must_use]
    pub fn scene_generation(&self) -> Option<u64> {
        self.lock().generation
    }

    /// Why the GPU path gave up, if it did.
    #[must_use]
    pub fn failure(&self) -> Option<String> {
        self.lock().failure.clone()
    }

    /// The paint callback drawing `view` over `rect` (logical pixels).
    #[must_use]
    pub fn callback(&self, rect: egui::Rect, view: View) -> egui::PaintCallback {
        let shared = Arc::clone(&self.shared);
        egui::PaintCallback {
            rect,
            callback: Arc::new(egui_glow::CallbackFn::new(move |info, painter| {
                let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
                if shared.failure.is_some() {
                    return;
                }
                let context = painter.gl();
                if let Some(scene) = shared.pending.take() {
                    let previous = shared.uploaded.take();
                    match gl::Uploaded::new(context, &scene, previous) {
                        Ok(uploaded) => shared.uploaded = Some(uploaded),
                        Err(e) => {
                            shared.failure = Some(e);
                            return;
                        }
                    }
                }
                if let Some(uploaded) = &shared.uploaded {
                    let viewport = info.viewport_in_pixels();
                    uploaded.draw(
                        context,
                        &view,
                        info.pixels_per_point,
                        [viewport.width_px as f32, viewport.height_px as f32],
                    );
                }
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_generation_is_never_replaced_by_an_earlier_one() {
        let gpu = MapGl::new();
        assert_eq!(gpu.scene_generation(), None);
        gpu.set_scene(3, Scene::default());
        gpu.set_scene(2, Scene::default());
        assert_eq!(gpu.scene_generation(), Some(3));
        gpu.set_scene(4, Scene::default());
        assert_eq!(gpu.scene_generation(), Some(4));
        assert_eq!(gpu.failure(), None);
    }
}
