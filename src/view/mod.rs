//! View state that the UI draws from but that has no UI types in it.

pub mod badges;
pub mod camera;
pub mod labels;
pub mod line_label;
pub mod palette;
pub mod scale_bar;
