//! The map's fills and outlines on the GPU.
//!
//! The UI builds a [`Batch`] of world-space fills and outline segments for
//! each level-of-detail tier when the map's contents change, and hands each
//! to [`MapGl::set_tier`] as it is built; the next draw uploads it and the
//! CPU copy is dropped, so the whole scene is never held in memory at once.
//! Every frame the UI adds [`MapGl::callback`] to egui's paint list:
//! `egui_glow` calls it at that point of the painting, and it draws one tier
//! with the camera as uniforms. Panning and zooming upload nothing and
//! tessellate nothing on the CPU.
//!
//! The first draw compiles the shaders and uploads the tiers set; if the context
//! cannot (no instancing, an old GLSL, a driver error), [`MapGl::failure`]
//! says why and the UI goes on drawing through egui's own meshes.

mod gl;
mod scene;
mod shaders;

use std::sync::{Arc, Mutex, PoisonError};

pub use scene::{ALWAYS, Batch, OutlineRules, PointStyle, extent_code, width_16ths};

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
    /// Tiers waiting for the next draw to upload them, of `generation`.
    pending: std::collections::BTreeMap<usize, Batch>,
    /// What is on the GPU.
    uploaded: Option<gl::Uploaded>,
    /// The latest generation (the caller's count of content changes) a
    /// tier was set for.
    generation: Option<u64>,
    /// The generation each tier was last set for (waiting or uploaded).
    tier_generations: Vec<Option<u64>>,
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

    /// Sets tier `tier` to `batch`, of contents `generation`, unless a later
    /// generation's tiers are already being set (scenes may be built on other
    /// threads and finish out of order); the next draw uploads it. A newer
    /// generation drops the tiers of older ones still waiting.
    pub fn set_tier(&self, generation: u64, tier: usize, batch: Batch) {
        let mut shared = self.lock();
        match shared.generation {
            Some(g) if g > generation => return,
            Some(g) if g == generation => {}
            _ => {
                shared.pending.clear();
                shared.generation = Some(generation);
            }
        }
        shared.pending.insert(tier, batch);
        if shared.tier_generations.len() <= tier {
            shared.tier_generations.resize(tier + 1, None);
        }
        shared.tier_generations[tier] = Some(generation);
    }

    /// The generation tier `tier` was last set for: drawing it shows that
    /// state of the contents.
    #[must_use]
    pub fn tier_generation(&self, tier: usize) -> Option<u64> {
        self.lock().tier_generations.get(tier).copied().flatten()
    }

    /// Bytes of tiers set but not uploaded yet (held in memory until the
    /// next draw).
    #[cfg(test)]
    fn pending_bytes(&self) -> usize {
        self.lock().pending.values().map(Batch::bytes).sum()
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
                if !shared.pending.is_empty() && shared.uploaded.is_none() {
                    match gl::Uploaded::new(context) {
                        Ok(uploaded) => shared.uploaded = Some(uploaded),
                        Err(e) => {
                            shared.failure = Some(e);
                            return;
                        }
                    }
                }
                let pending = std::mem::take(&mut shared.pending);
                if let Some(uploaded) = &mut shared.uploaded {
                    for (tier, batch) in pending {
                        if let Err(e) = uploaded.set_tier(context, tier, &batch) {
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
        assert_eq!(gpu.tier_generation(1), None);
        gpu.set_tier(3, 1, Batch::default());
        gpu.set_tier(2, 1, Batch::default());
        gpu.set_tier(2, 2, Batch::default());
        assert_eq!(gpu.tier_generation(1), Some(3));
        assert_eq!(
            gpu.tier_generation(2),
            None,
            "an older generation's tier is not set"
        );
        for tier in 0..3 {
            gpu.set_tier(4, tier, Batch::default());
        }
        assert_eq!(
            (0..3).map(|t| gpu.tier_generation(t)).collect::<Vec<_>>(),
            [Some(4); 3]
        );
        assert_eq!(gpu.failure(), None);
    }

    #[test]
    fn a_newer_generation_drops_the_tiers_still_waiting() {
        let gpu = MapGl::new();
        let mut batch = Batch::default();
        batch.begin_chunk();
        let style = PointStyle {
            fill: [0; 4],
            line: [0; 4],
            width_16ths: 16,
            feature_extent: ALWAYS,
            ring_extent: ALWAYS,
        };
        batch.push_point([0.0, 0.0], &style, false);
        batch.end_chunk([0.0; 2], [0.0; 2]);
        gpu.set_tier(1, 1, batch.clone());
        gpu.set_tier(1, 2, batch.clone());
        assert_eq!(gpu.pending_bytes(), 2 * batch.bytes());
        gpu.set_tier(2, 1, batch.clone());
        assert_eq!(gpu.pending_bytes(), batch.bytes());
        assert_eq!(
            gpu.tier_generation(2),
            Some(1),
            "set, but stale: the UI checks"
        );
    }
}
