//! Text handling shared by the geoparser, the figure extractor and the dossier:
//! folding for matching, and sentences.

pub mod calendar;
pub mod fold;
pub mod sentences;
