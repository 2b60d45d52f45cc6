//! File → Export image: the map as the user sees it now (camera, window
//! size, layers and their opacity, annotations) as PNG or SVG.

use crate::tr;
use std::path::Path;

use super::AppState;
use crate::render::Frame;

/// A side in whole pixels, within what an image may have.
#[allow(
    clippy::cast_sign_loss,
    reason = "clamped to 1..=MAX_SIDE before the cast"
)]
fn whole_pixels(side: f32) -> u32 {
    side.round().clamp(1.0, crate::render::MAX_SIDE as f32) as u32
}

impl AppState {
    pub(super) fn export_image(&mut self, path: &Path) {
        let Some(viewport) = self.viewport else {
            self.messages.push(tr!("image-not-laid-out"));
            return;
        };
        let frame = Frame {
            camera: self.camera,
            width: whole_pixels(viewport.width()),
            height: whole_pixels(viewport.height()),
        };
        // A wrong name is said at once, not after drawing.
        if let Err(e) = crate::render::check_path(path) {
            self.messages
                .push(tr!("image-failed", error = e.to_string()));
            return;
        }
        let layer_opacity = self
            .layers
            .iter()
            .map(|l| (l.id.clone(), l.opacity))
            .collect();
        self.status = Some(tr!("image-drawing", file = path.display().to_string()));
        self.jobs.push(crate::jobs::Job::ExportImage {
            language: self.view_settings().language(),
            shown: self.view_settings().shown_where_drawn(),
            atlas: std::sync::Arc::clone(&self.atlas),
            annotations: self.annotations().clone(),
            mention_counts: self.mention_counts().clone(),
            layer_opacity,
            frame,
            path: path.to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::atlas::Atlas;
    use crate::geometry::projection::{ScreenPoint, ScreenRect};
    use crate::state::{AppState, Command};

    #[test]
    fn the_view_is_written_as_png_or_svg_and_bad_names_are_explained() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut state = AppState::new(atlas, None);
        let dir = std::env::temp_dir().join(format!("da-image-{}", std::process::id()));
        state.apply(Command::ExportImage(dir.join("early.png")));
        assert!(
            state
                .messages
                .iter()
                .any(|m| m.contains("not been laid out"))
        );
        state.apply(Command::SetViewport(ScreenRect {
            min: ScreenPoint { x: 0.0, y: 40.0 },
            max: ScreenPoint { x: 900.0, y: 640.0 },
        }));
        state.apply(Command::ExportImage(dir.join("map.svg")));
        assert!(state.has_jobs_queued(), "drawn in the background");
        state.run_jobs_here();
        let svg = std::fs::read_to_string(dir.join("map.svg")).unwrap_or_default();
        assert!(
            svg.contains(r#"width="900" height="600""#),
            "{}",
            &svg[..svg.len().min(200)]
        );
        state.apply(Command::ExportImage(dir.join("map.png")));
        state.run_jobs_here();
        let png = std::fs::read(dir.join("map.png")).unwrap_or_default();
        assert_eq!(png.get(1..4), Some(&b"PNG"[..]));
        assert!(
            state
                .status
                .as_deref()
                .is_some_and(|s| s.contains("900×600"))
        );
        state.apply(Command::ExportImage(dir.join("map.gif")));
        assert!(state.messages.iter().any(|m| m.contains(".png or .svg")));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
