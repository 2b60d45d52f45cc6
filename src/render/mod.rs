//! Map images for reports: the current view (or any lon/lat box) as SVG, or
//! as PNG by rasterising that SVG with resvg, text set in the app's own font
//! so an image looks the same on every machine. Annotations (the user's
//! markers, zones and colours), the legend, the scale bar and the data
//! attribution are drawn in.

pub mod svg;

use std::collections::HashMap;
use std::path::Path;

use crate::annotations::Annotations;
use crate::atlas::{Atlas, Feature, FeatureId};
use crate::geometry::projection::{LonLat, Projector, ScreenPoint, ScreenRect};
use crate::view::camera::Camera;

/// What every map image credits.
pub const ATTRIBUTION: &str = "Made with Natural Earth · GeoNames (CC BY 4.0) · Dispatch Atlas";

/// Largest side of an image, in pixels (a 16k PNG is already 1 GB of pixels).
pub const MAX_SIDE: u32 = 8192;

/// What to draw.
pub struct Scene<'a> {
    pub atlas: &'a Atlas,
    pub annotations: &'a Annotations,
    pub mention_counts: &'a HashMap<FeatureId, usize>,
    /// A feature's layer opacity (1 for the atlas's own features).
    pub opacity: &'a dyn Fn(&Feature) -> f32,
    /// The language of names and of the legend.
    pub language: crate::i18n::Language,
    /// The reference layers shown (View → Towns and capitals, Physical regions).
    pub shown: crate::atlas::reference::Shown,
}

impl<'a> Scene<'a> {
    /// What of the reference layers the image shows (as the window does).
    #[must_use]
    pub fn visibility(&self, projector: &Projector) -> crate::atlas::reference::Visibility<'a> {
        crate::atlas::reference::Visibility {
            scale: projector.camera().scale(),
            shown: self.shown,
            mentioned: self.mention_counts,
        }
    }
}

/// Where to look, and how big the image is.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub camera: Camera,
    pub width: u32,
    pub height: u32,
}

/// Why an image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("an image of {0}×{1} pixels: each side must be 1 to 8192")]
    Size(u32, u32),
    #[error(
        "the box {0:?} is not west, south, east, north within −180..180 and −85..85 with west < east and south < north"
    )]
    BadBox([f64; 4]),
    #[error("{0}: the image format follows the file name, .png or .svg")]
    Format(String),
    #[error("the SVG could not be rasterised: {0}")]
    Raster(String),
    #[error("{path}: cannot write: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl Frame {
    pub(crate) fn rect(&self) -> ScreenRect {
        ScreenRect {
            min: ScreenPoint { x: 0.0, y: 0.0 },
            max: ScreenPoint {
                x: self.width as f32,
                y: self.height as f32,
            },
        }
    }

    #[must_use]
    pub fn projector(&self) -> Projector {
        Projector::new(self.camera, self.rect())
    }

    /// Whether `p` is inside the image, or within `margin` pixels of it.
    #[must_use]
    pub fn contains(&self, p: ScreenPoint, margin: f32) -> bool {
        p.x >= -margin
            && p.y >= -margin
            && p.x <= self.width as f32 + margin
            && p.y <= self.height as f32 + margin
    }

    /// A frame of `width`×`height` pixels showing the box `[west, south,
    /// east, north]`.
    pub fn fit(bbox: [f64; 4], width: u32, height: u32) -> Result<Self, RenderError> {
        check_size(width, height)?;
        let [west, south, east, north] = bbox;
        let ok = bbox.iter().all(|v| v.is_finite())
            && (-180.0..=180.0).contains(&west)
            && (-180.0..=180.0).contains(&east)
            && (-85.0..=85.0).contains(&south)
            && (-85.0..=85.0).contains(&north)
            && west < east
            && south < north;
        if !ok {
            return Err(RenderError::BadBox(bbox));
        }
        let mut frame = Self {
            camera: Camera::default(),
            width,
            height,
        };
        frame.camera.fit(
            LonLat {
                lon: west,
                lat: south,
            },
            LonLat {
                lon: east,
                lat: north,
            },
            frame.rect(),
            0.0,
        );
        Ok(frame)
    }
}

fn check_size(width: u32, height: u32) -> Result<(), RenderError> {
    if (1..=MAX_SIDE).contains(&width) && (1..=MAX_SIDE).contains(&height) {
        Ok(())
    } else {
        Err(RenderError::Size(width, height))
    }
}

/// The image formats, chosen by file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    pub fn of(path: &Path) -> Result<Self, RenderError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("png") => Ok(Self::Png),
            Some("svg") => Ok(Self::Svg),
            _ => Err(RenderError::Format(path.display().to_string())),
        }
    }
}

/// The SVG rasterised to PNG bytes.
pub fn png(svg: &str) -> Result<Vec<u8>, RenderError> {
    use resvg::{tiny_skia, usvg};
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    let family = fonts
        .faces()
        .next()
        .and_then(|face| face.families.first())
        .map(|(name, _)| name.clone());
    if let Some(family) = family {
        fonts.set_sans_serif_family(family);
    }
    // Letters Ubuntu Light lacks (Vietnamese, ə…): usvg falls back to it.
    fonts.load_font_data(crate::fonts::LATIN_EXTENDED.to_vec());
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Raster(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| RenderError::Raster("no memory for the image".into()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Raster(e.to_string()))
}

/// Draws the scene into `path` (PNG or SVG by its name), atomically.
/// Whether `path` names an image this can write (`.png` or `.svg`).
pub fn check_path(path: &Path) -> Result<(), RenderError> {
    Format::of(path).map(|_| ())
}

pub fn write(scene: &Scene<'_>, frame: &Frame, path: &Path) -> Result<(), RenderError> {
    check_size(frame.width, frame.height)?;
    let format = Format::of(path)?;
    let document = svg::svg(scene, frame);
    let bytes = match format {
        Format::Svg => document.into_bytes(),
        Format::Png => png(&document)?,
    };
    crate::save::write_atomically(path, &bytes).map_err(|source| RenderError::Write {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests;
