//! Geometry that does not depend on the UI: coordinate spaces and tessellation.

pub mod projection;
pub mod simplify;
pub mod spaces;
pub mod tessellate;
pub mod triangle_indices;
pub mod world_vertices;
