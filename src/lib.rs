//! Dispatch Atlas: a desktop map viewer that puts news reports about the Sahel
//! on the map.
//!
//! The crate is a pure core (no UI types) and a thin egui layer:
//! - [`geometry`]: coordinate spaces ([`geometry::projection`]) and tessellation;
//! - [`atlas`]: the embedded features, the computed zone and tripoint, hit-testing;
//! - [`view`]: camera, label placement, scale bar;
//! - [`state`]: application state and the commands that change it;
//! - [`ui`]: the eframe app, which draws the state and emits commands.
//!
//! `ARCHITECTURE.md` maps the modules and the data flow.

pub mod annotations;
pub mod articles;
pub mod atlas;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod dossier;
pub mod export;
pub mod figures;
pub mod focus;
pub mod folder;
pub mod fonts;
pub mod geometry;
pub mod geoparse;
pub mod i18n;
pub mod import;
pub mod jobs;
pub mod library;
pub mod progress;
pub mod render;
pub mod save;
pub mod state;
pub mod stats;
pub mod text;
pub mod ui;
pub mod view;
pub mod web;
