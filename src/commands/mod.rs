//! Headless commands: each loads what it needs from the core and prints.

pub mod dossier;
pub mod geoparse;
