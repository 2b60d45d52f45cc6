//! Names as Dispatch Atlas matches them.
//!
//! Shared by the app and its data build so that both fold names the same way
//! and agree on the name index's format:
//! - [`fold`]: case and accent folding with a map back to the original text;
//! - [`index`]: the gazetteer's name index, an FST from folded names to the
//!   gazetteer entries that bear them.

pub mod fold;
pub mod index;
