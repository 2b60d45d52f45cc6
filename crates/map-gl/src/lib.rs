//! The map's fills and outlines on the GPU.
//!
//! The UI builds each level-of-detail tier when the map's contents change
//! and hands it over in parts ([`MapGl::begin_tier`], [`Batch`]es to
//! [`MapGl::add_to_tier`], [`MapGl::finish_tier`]); the next draw uploads
//! what waits and the CPU copies are dropped, so a tier is never held in
//! memory whole. Every frame the UI adds [`MapGl::callback`] to egui's paint
//! list: `egui_glow` calls it at that point of the painting, and it draws
//! one tier with the camera as uniforms. Panning and zooming upload nothing
//! and tessellate nothing on the CPU.
//!
//! The first draw compiles the shaders and uploads what is waiting; if the
//! context cannot (no instancing, an old GLSL, a driver error),
//! [`MapGl::failure`] says why and the UI goes on drawing through egui's
//! own meshes.

mod gl;
mod scene;
mod shaders;

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

pub use scene::{ALWAYS, Batch, OutlineRules, POINT_BYTES, PointStyle, extent_code, width_16ths};

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

/// What waits for the next draw to upload it.
#[derive(Debug)]
enum Upload {
    /// A new version of a tier, of this many points and fill indices.
    Begin {
        points: usize,
        indices: usize,
    },
    Part(Batch),
    Finish,
}

#[derive(Default)]
struct Shared {
    /// Uploads waiting for the next draw, of `generation`, in order.
    pending: VecDeque<(usize, Upload)>,
    /// Bytes of the parts in `pending`.
    pending_bytes: usize,
    /// What is on the GPU.
    uploaded: Option<gl::Uploaded>,
    /// The latest generation (the caller's count of content changes) a
    /// tier was begun for.
    generation: Option<u64>,
    /// The generation each tier was last finished for (waiting or uploaded).
    tier_generations: Vec<Option<u64>>,
    failure: Option<String>,
}

impl Shared {
    /// Uploads what waits, in order (the programs first, on the first call).
    fn upload(&mut self, context: &egui_glow::glow::Context) -> Result<(), String> {
        if self.pending.is_empty() {
            return Ok(());
        }
        if self.uploaded.is_none() {
            self.uploaded = Some(gl::Uploaded::new(context)?);
        }
        let pending = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let Some(uploaded) = &mut self.uploaded else {
            return Ok(());
        };
        for (tier, upload) in pending {
            match upload {
                Upload::Begin { points, indices } => {
                    uploaded.begin_tier(context, tier, points, indices)?;
                }
                Upload::Part(part) => uploaded.add_part(context, tier, &part)?,
                Upload::Finish => uploaded.finish_tier(context, tier),
            }
        }
        Ok(())
    }
}

struct Inner {
    shared: Mutex<Shared>,
    /// Signalled when the waiting uploads are done (or have failed).
    uploaded: Condvar,
}

/// The GPU side of the map, shared between the UI (which sets scenes) and
/// `egui_glow`'s painting (which draws them). Cheap to clone.
#[derive(Clone)]
pub struct MapGl {
    inner: Arc<Inner>,
}

impl Default for MapGl {
    fn default() -> Self {
        Self {
            inner: Arc::new(Inner {
                shared: Mutex::default(),
                uploaded: Condvar::new(),
            }),
        }
    }
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
        self.inner
            .shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a new version of tier `tier`, for contents `generation`, of
    /// `points` points and `indices` fill indices in all, whose parts follow.
    /// False (and nothing done) if a later generation's tiers are already
    /// being set: scenes may be built on other threads and finish out of
    /// order. A newer generation drops the uploads of older ones still
    /// waiting.
    #[must_use]
    pub fn begin_tier(&self, generation: u64, tier: usize, points: usize, indices: usize) -> bool {
        let mut shared = self.lock();
        match shared.generation {
            Some(g) if g > generation => return false,
            Some(g) if g == generation => {}
            _ => {
                shared.pending.clear();
                shared.pending_bytes = 0;
                shared.generation = Some(generation);
                self.inner.uploaded.notify_all();
            }
        }
        shared
            .pending
            .push_back((tier, Upload::Begin { points, indices }));
        true
    }

    /// The next part of the tier begun last for `tier`; false if its
    /// generation is no longer the latest (the part is dropped).
    #[must_use]
    pub fn add_to_tier(&self, generation: u64, tier: usize, part: Batch) -> bool {
        let mut shared = self.lock();
        if shared.generation != Some(generation) {
            return false;
        }
        shared.pending_bytes += part.bytes();
        shared.pending.push_back((tier, Upload::Part(part)));
        true
    }

    /// Every part of tier `tier` has been added: from the next draw on, it
    /// shows contents `generation` ([`MapGl::tier_generation`]). False if
    /// that generation is no longer the latest.
    #[must_use]
    pub fn finish_tier(&self, generation: u64, tier: usize) -> bool {
        let mut shared = self.lock();
        if shared.generation != Some(generation) {
            return false;
        }
        shared.pending.push_back((tier, Upload::Finish));
        if shared.tier_generations.len() <= tier {
            shared.tier_generations.resize(tier + 1, None);
        }
        shared.tier_generations[tier] = Some(generation);
        true
    }

    /// Sets tier `tier` to `batch` (a whole tier, in one part): for tests.
    #[cfg(test)]
    #[must_use]
    fn set_tier(&self, generation: u64, tier: usize, batch: Batch) -> bool {
        let (points, indices) = (batch.point_count() as usize, batch.index_count());
        self.begin_tier(generation, tier, points, indices)
            && self.add_to_tier(generation, tier, batch)
            && self.finish_tier(generation, tier)
    }

    /// The generation tier `tier` was last finished for: drawing it shows
    /// that state of the contents.
    #[must_use]
    pub fn tier_generation(&self, tier: usize) -> Option<u64> {
        self.lock().tier_generations.get(tier).copied().flatten()
    }

    /// Waits up to `timeout` for the next draw to upload the parts waiting,
    /// so that whoever builds a scene holds at most one part besides the one
    /// it is building. True if nothing waits any more; false on timeout or
    /// if the GPU path gave up.
    #[must_use]
    pub fn wait_for_uploads(&self, timeout: Duration) -> bool {
        let shared = self.lock();
        let (shared, _) = self
            .inner
            .uploaded
            .wait_timeout_while(shared, timeout, |s| {
                s.pending_bytes > 0 && s.failure.is_none()
            })
            .unwrap_or_else(PoisonError::into_inner);
        shared.pending_bytes == 0 && shared.failure.is_none()
    }

    /// Whether uploads wait for a draw: the UI then adds
    /// [`MapGl::upload_callback`] even to frames the GPU does not draw.
    #[must_use]
    pub fn has_pending(&self) -> bool {
        !self.lock().pending.is_empty()
    }

    /// Drops the uploads waiting as if a draw had made them: for headless
    /// runs, where no draw ever comes.
    pub fn discard_uploads(&self) {
        let mut shared = self.lock();
        shared.pending.clear();
        shared.pending_bytes = 0;
        self.inner.uploaded.notify_all();
    }

    /// Bytes of parts waiting to be uploaded (held in memory until the next
    /// draw): for tests.
    #[cfg(test)]
    #[must_use]
    fn pending_bytes(&self) -> usize {
        self.lock().pending_bytes
    }

    /// Why the GPU path gave up, if it did.
    #[must_use]
    pub fn failure(&self) -> Option<String> {
        self.lock().failure.clone()
    }

    /// The paint callback drawing `view` over `rect` (logical pixels),
    /// after uploading what waits.
    #[must_use]
    pub fn callback(&self, rect: egui::Rect, view: View) -> egui::PaintCallback {
        self.paint_callback(rect, Some(view))
    }

    /// A paint callback that only uploads what waits, for frames drawn
    /// without the GPU (while the tier in view is still being built).
    #[must_use]
    pub fn upload_callback(&self, rect: egui::Rect) -> egui::PaintCallback {
        self.paint_callback(rect, None)
    }

    fn paint_callback(&self, rect: egui::Rect, view: Option<View>) -> egui::PaintCallback {
        let inner = Arc::clone(&self.inner);
        egui::PaintCallback {
            rect,
            callback: Arc::new(egui_glow::CallbackFn::new(move |info, painter| {
                let mut shared = inner.shared.lock().unwrap_or_else(PoisonError::into_inner);
                if shared.failure.is_some() {
                    return;
                }
                let context = painter.gl();
                let uploaded = shared.upload(context);
                inner.uploaded.notify_all();
                if let Err(e) = uploaded {
                    shared.failure = Some(e);
                    return;
                }
                if let (Some(uploaded), Some(view)) = (&shared.uploaded, &view) {
                    let viewport = info.viewport_in_pixels();
                    uploaded.draw(
                        context,
                        view,
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
        assert!(gpu.set_tier(3, 1, Batch::default()));
        assert!(!gpu.set_tier(2, 1, Batch::default()), "older");
        assert!(!gpu.set_tier(2, 2, Batch::default()), "older");
        assert_eq!(gpu.tier_generation(1), Some(3));
        assert_eq!(
            gpu.tier_generation(2),
            None,
            "an older generation's tier is not set"
        );
        for tier in 0..3 {
            assert!(gpu.set_tier(4, tier, Batch::default()));
        }
        assert_eq!(
            (0..3).map(|t| gpu.tier_generation(t)).collect::<Vec<_>>(),
            [Some(4); 3]
        );
        assert_eq!(gpu.failure(), None);
    }

    fn one_point_batch() -> Batch {
        let mut batch = Batch::default();
        batch.begin_chunk();
        batch.push_point([0.0, 0.0], &scene::tests::PLAIN, false);
        batch.end_chunk([0.0; 2], [0.0; 2]);
        batch
    }

    #[test]
    fn a_newer_generation_drops_the_uploads_still_waiting() {
        let gpu = MapGl::new();
        let batch = one_point_batch();
        assert!(gpu.set_tier(1, 1, batch.clone()));
        assert!(gpu.set_tier(1, 2, batch.clone()));
        assert_eq!(gpu.pending_bytes(), 2 * batch.bytes());
        assert!(gpu.set_tier(2, 1, batch.clone()));
        assert_eq!(gpu.pending_bytes(), batch.bytes());
        assert_eq!(
            gpu.tier_generation(2),
            Some(1),
            "set, but stale: the UI checks"
        );
    }

    #[test]
    fn a_tier_is_shown_once_its_parts_are_finished() {
        let gpu = MapGl::new();
        assert!(gpu.begin_tier(5, 3, 2, 0));
        assert!(gpu.add_to_tier(5, 3, one_point_batch()));
        assert_eq!(gpu.tier_generation(3), None, "not finished yet");
        assert!(gpu.has_pending());
        assert!(gpu.begin_tier(6, 3, 1, 0), "a newer generation");
        assert!(
            !gpu.add_to_tier(5, 3, one_point_batch()),
            "stale parts are refused"
        );
        assert!(!gpu.finish_tier(5, 3));
        assert_eq!(gpu.pending_bytes(), 0, "the older parts were dropped");
        assert!(gpu.add_to_tier(6, 3, one_point_batch()));
        assert!(gpu.finish_tier(6, 3));
        assert_eq!(gpu.tier_generation(3), Some(6));
    }

    #[test]
    fn waiting_for_uploads_ends_when_they_are_made_or_on_timeout() {
        let gpu = MapGl::new();
        assert!(gpu.wait_for_uploads(Duration::ZERO), "nothing waits");
        assert!(gpu.set_tier(1, 1, one_point_batch()));
        assert!(!gpu.wait_for_uploads(Duration::from_millis(1)));
        let drawer = gpu.clone();
        let draw = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            drawer.discard_uploads();
        });
        assert!(gpu.wait_for_uploads(Duration::from_secs(10)));
        assert!(!gpu.has_pending());
        draw.join().unwrap_or_else(|_| panic!("the drawing thread"));
    }
}
