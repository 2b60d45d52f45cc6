//! `dispatch-atlas render -o map.png|map.svg [--bbox W,S,E,N] [--size WxH]`:
//! a map image for a report, as File → Export image makes it.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::commands::workspace::{Inputs, Workspace, load};
use crate::dossier::mention_counts;
use crate::render::{Frame, Scene, write};

/// What the command was asked for.
#[derive(Debug)]
pub struct RenderRequest<'a> {
    pub inputs: Inputs<'a>,
    pub bbox: Option<[f64; 4]>,
    pub size: (u32, u32),
    pub out: &'a Path,
    /// The language of place names and of the legend.
    pub language: crate::i18n::Language,
}

/// "W,S,E,N" in degrees.
pub fn parse_bbox(text: &str) -> Result<[f64; 4]> {
    let values: Vec<f64> = text
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| {
            format!("--bbox {text:?}: four numbers expected, west,south,east,north")
        })?;
    match <[f64; 4]>::try_from(values) {
        Ok(bbox) => Ok(bbox),
        Err(v) => bail!(
            "--bbox {text:?}: four numbers expected (west,south,east,north), found {}",
            v.len()
        ),
    }
}

/// `WIDTHxHEIGHT` in pixels.
pub fn parse_size(text: &str) -> Result<(u32, u32)> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .with_context(|| format!("--size {text:?}: WIDTHxHEIGHT expected, e.g. 1600x1000"))?;
    let number = |v: &str| {
        v.trim()
            .parse::<u32>()
            .with_context(|| format!("--size {text:?}: {v:?} is not a whole number of pixels"))
    };
    Ok((number(w)?, number(h)?))
}

pub fn run(request: &RenderRequest<'_>) -> Result<()> {
    let Workspace {
        atlas,
        corpus,
        annotations,
    } = load(&request.inputs)?;
    // Default: Mali, Niger and Burkina Faso, with a margin.
    let focus = || {
        atlas.focus_bounds().map(|b| {
            [
                b.min().x - 1.0,
                b.min().y - 1.0,
                b.max().x + 1.0,
                b.max().y + 1.0,
            ]
        })
    };
    let bbox = request
        .bbox
        .or_else(focus)
        .context("the atlas has no Mali, Niger or Burkina Faso to frame")?;
    let (width, height) = request.size;
    let frame = Frame::fit(bbox, width, height)?;
    let counts: HashMap<_, _> = mention_counts(&atlas, &corpus);
    let scene = Scene {
        atlas: &atlas,
        annotations: &annotations,
        mention_counts: &counts,
        opacity: &|_| 1.0,
        language: request.language,
        shown: crate::atlas::reference::Shown::ALL,
    };
    write(&scene, &frame, request.out)?;
    eprintln!(
        "dispatch-atlas: {width}×{height} map of {bbox:?} written to {}",
        request.out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_and_sizes_parse_or_say_why() {
        assert_eq!(
            parse_bbox("-6, 10,9,20").ok(),
            Some([-6.0, 10.0, 9.0, 20.0])
        );
        assert!(
            parse_bbox("1,2,3")
                .err()
                .is_some_and(|e| e.to_string().contains("found 3"))
        );
        assert!(parse_bbox("a,2,3,4").is_err());
        assert_eq!(parse_size("1600x1000").ok(), Some((1600, 1000)));
        assert!(parse_size("1600").is_err());
        assert!(parse_size("-5x10").is_err());
    }
}
