//! When outlines are drawn, and how thin: the rules both ways of drawing
//! the base map (egui meshes, `base_layer`; the GPU scene, `gpu_scene` and
//! its shaders) apply at the current zoom.

/// Areas smaller than this on screen (pixels, their box's longer side) are
/// filled but not outlined: their outline would be a blob covering the fill
/// (a world of admin-1 regions seen whole has thousands of them).
pub const MIN_OUTLINED_PX: f64 = 10.0;

/// Areas smaller than this on screen (pixels) are outlined with a hairline.
pub const HAIRLINE_BELOW_PX: f64 = 80.0;

/// A hairline's width (pixels): under egui's feathering width, so drawn as
/// a faint one-pixel line.
pub const HAIRLINE_PX: f32 = 0.8;

/// Rings (islands, lakes) smaller than this on screen are filled but not
/// outlined, for the same reason: an arctic archipelago seen from afar is
/// thousands of specks.
pub const MIN_OUTLINED_RING_PX: f32 = 3.0;
