//! Command-line interface: no subcommand opens the window; subcommands give a
//! headless view of the same model.

use clap::{Parser, Subcommand};

/// Dispatch Atlas: news reports about the Sahel, on the map.
#[derive(Debug, Parser)]
#[command(name = "dispatch-atlas", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// List every embedded feature (countries, regions, places, zones, tripoint).
    Places {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
}
