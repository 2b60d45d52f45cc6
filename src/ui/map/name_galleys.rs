//! The map's names, laid out once and kept: a frame lays out at most
//! [`NEW_PER_FRAME`] names it has not laid out before, and the others wait
//! for the next frames.
//!
//! Why: laying out a name the first time (shaping, and rasterising glyphs
//! not yet in the font atlas) costs about 50 µs. When a restored corpus
//! arrives, hundreds of towns become reported and named at once, and the
//! frame that laid them all out took 10–16 ms (`bench/corpus.sh`). Spread
//! over frames, names appear a few frames apart and no frame stalls.
//! egui keeps galleys only for the frame after their last use; this keeps
//! them while they are shown now and then (panning away and back).

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, FontFamily, FontId, Galley, Painter};

/// Names laid out for the first time in one frame, at most.
pub const NEW_PER_FRAME: usize = 40;
/// A name not drawn for this many frames is forgotten (egui lays it out
/// again if it comes back).
const KEPT_FRAMES: u64 = 600;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    text: String,
    size_bits: u32,
    family: FontFamily,
    colour: Color32,
}

/// A name to lay out, with its label priority (higher is more important).
pub struct NameWanted {
    pub text: String,
    pub font: FontId,
    pub colour: Color32,
    pub priority: i32,
}

/// Galleys of names by text, font and colour, with the frame of their last use.
#[derive(Default)]
pub struct NameGalleys {
    by_key: HashMap<Key, (Arc<Galley>, u64)>,
    frame: u64,
    laid_out: usize,
    deferred: bool,
    pixels_per_point: f32,
}

impl NameGalleys {
    /// A new frame: its budget of new names is whole again. Galleys are
    /// dropped when the scale of pixels changed (they are laid out for it)
    /// or when unused for [`KEPT_FRAMES`].
    pub fn begin_frame(&mut self, pixels_per_point: f32) {
        if self.pixels_per_point.to_bits() != pixels_per_point.to_bits() {
            self.by_key.clear();
            self.pixels_per_point = pixels_per_point;
        }
        self.frame += 1;
        self.laid_out = 0;
        self.deferred = false;
        if self.frame.is_multiple_of(KEPT_FRAMES) {
            let frame = self.frame;
            self.by_key
                .retain(|_, (_, used)| frame - *used <= KEPT_FRAMES);
        }
    }

    /// The galley of `text`, or `None` when this frame has laid out its
    /// share of new names already (it is laid out in a later frame).
    pub fn get(
        &mut self,
        painter: &Painter,
        text: String,
        font: FontId,
        colour: Color32,
    ) -> Option<Arc<Galley>> {
        let key = Key {
            text,
            size_bits: font.size.to_bits(),
            family: font.family.clone(),
            colour,
        };
        if let Some((galley, used)) = self.by_key.get_mut(&key) {
            *used = self.frame;
            return Some(Arc::clone(galley));
        }
        if self.laid_out >= NEW_PER_FRAME {
            self.deferred = true;
            return None;
        }
        self.laid_out += 1;
        let galley = painter.layout_no_wrap(key.text.clone(), font, colour);
        self.by_key.insert(key, (Arc::clone(&galley), self.frame));
        Some(galley)
    }

    /// The galleys of many names at once, in their order, laying out the
    /// new ones by `priority` (highest first; ties in the given order), so
    /// that when more are new than a frame lays out, the map's most
    /// important names come first and the lesser ones in later frames.
    pub fn get_by_priority(
        &mut self,
        painter: &Painter,
        wanted: Vec<NameWanted>,
    ) -> Vec<Option<Arc<Galley>>> {
        let mut order: Vec<usize> = (0..wanted.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(wanted[i].priority));
        let mut galleys = vec![None; wanted.len()];
        let mut wanted: Vec<Option<NameWanted>> = wanted.into_iter().map(Some).collect();
        for i in order {
            if let Some(name) = wanted[i].take() {
                galleys[i] = self.get(painter, name.text, name.font, name.colour);
            }
        }
        galleys
    }

    /// Whether names were left for a later frame (which must then be asked for).
    #[must_use]
    pub fn deferred(&self) -> bool {
        self.deferred
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn painter(ctx: &egui::Context) -> Painter {
        Painter::new(
            ctx.clone(),
            egui::LayerId::background(),
            egui::Rect::EVERYTHING,
        )
    }

    /// How many of the names "Town 0" … "Town {count - 1}" are given.
    fn towns_given(names: &mut NameGalleys, painter: &Painter, count: usize) -> usize {
        let font = FontId::proportional(12.0);
        (0..count)
            .filter(|i| {
                names
                    .get(painter, format!("Town {i}"), font.clone(), Color32::BLACK)
                    .is_some()
            })
            .count()
    }

    #[test]
    fn new_names_beyond_the_budget_wait_and_known_names_never_do() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = painter(ui.ctx());
            let font = FontId::proportional(12.0);
            let mut names = NameGalleys::default();
            names.begin_frame(1.0);
            let got = towns_given(&mut names, &painter, NEW_PER_FRAME + 5);
            assert_eq!(got, NEW_PER_FRAME);
            assert!(names.deferred());
            // A known name is given even with the budget spent.
            assert!(
                names
                    .get(&painter, "Town 0".to_owned(), font.clone(), Color32::BLACK)
                    .is_some()
            );
            names.begin_frame(1.0);
            assert!(!names.deferred());
            let later = towns_given(&mut names, &painter, NEW_PER_FRAME + 5);
            assert_eq!(later, NEW_PER_FRAME + 5, "the 5 left over come next frame");
            // Another colour is another galley.
            names.begin_frame(1.0);
            let red = names.get(&painter, "Town 0".to_owned(), font.clone(), Color32::RED);
            assert!(red.is_some());
            assert_eq!(names.by_key.len(), NEW_PER_FRAME + 6);
        });
        output.textures_delta.clear();
    }

    #[test]
    fn the_most_important_new_names_are_laid_out_first() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = painter(ui.ctx());
            let mut names = NameGalleys::default();
            names.begin_frame(1.0);
            // Twice the budget, the important half (odd numbers) second.
            let wanted = |count: usize| -> Vec<NameWanted> {
                (0..count)
                    .map(|i| NameWanted {
                        text: format!("Town {i}"),
                        font: FontId::proportional(12.0),
                        colour: Color32::BLACK,
                        priority: if i % 2 == 1 { 100 } else { 0 },
                    })
                    .collect()
            };
            let galleys = names.get_by_priority(&painter, wanted(2 * NEW_PER_FRAME));
            assert_eq!(galleys.len(), 2 * NEW_PER_FRAME);
            for (i, galley) in galleys.iter().enumerate() {
                assert_eq!(galley.is_some(), i % 2 == 1, "Town {i}");
                if let Some(galley) = galley {
                    assert_eq!(galley.text(), format!("Town {i}"));
                }
            }
            assert!(names.deferred());
            names.begin_frame(1.0);
            let later = names.get_by_priority(&painter, wanted(2 * NEW_PER_FRAME));
            assert!(
                later.iter().all(Option::is_some),
                "the rest come next frame"
            );
        });
        output.textures_delta.clear();
    }

    #[test]
    fn a_new_scale_of_pixels_lays_every_name_out_again() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = painter(ui.ctx());
            let mut names = NameGalleys::default();
            names.begin_frame(1.0);
            let _ = names.get(
                &painter,
                "Gao".to_owned(),
                FontId::proportional(12.0),
                Color32::BLACK,
            );
            assert_eq!(names.by_key.len(), 1);
            names.begin_frame(2.0);
            assert!(names.by_key.is_empty());
        });
        output.textures_delta.clear();
    }
}
