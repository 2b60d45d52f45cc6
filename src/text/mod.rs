//! Text handling shared by the geoparser, the figure extractor and the dossier:
//! folding for matching, a text prepared once for both analysers, and
//! sentences.

pub mod calendar;
/// Folding lives in `dispatch-names`, shared with the data build.
pub use dispatch_names::fold;
pub mod prepared;
pub mod sentences;
