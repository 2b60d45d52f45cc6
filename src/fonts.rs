//! The font the app embeds besides egui's: the letters Ubuntu Light (egui's
//! default) lacks that place names use — Vietnamese (Latin Extended
//! Additional), Azerbaijani ə, transliterations with dots below — cut from
//! Noto Sans (OFL 1.1) by `tools/fonts/build-fallback-font.sh`. Both the
//! window and the PNG export fall back to it.

/// Noto Sans Regular, Latin-1 to Latin Extended-D only.
pub const LATIN_EXTENDED: &[u8] = include_bytes!("../assets/fonts/NotoSans-LatinExtended.ttf");
