//! Command-line interface: no subcommand opens the window; subcommands give a
//! headless view of the same model.

use clap::{Parser, Subcommand};

/// Dispatch Atlas: news reports about the Sahel, on the map.
#[derive(Debug, Parser)]
#[command(
    name = "dispatch-atlas",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// Article files to open in the window, besides the embedded reports.
    pub files: Vec<std::path::PathBuf>,
    /// Print how long the window took to show its first frame, then quit
    /// (`bench/first-frame.sh` runs it under Xvfb).
    #[arg(long, hide = true)]
    pub startup_timing: bool,
    /// Once the files given are open, run the frame bench's camera script
    /// for this many frames in the window, print the time between frames
    /// (the whole frame: UI, drawing, the GPU, the swap), then quit
    /// (`bench/window-frames.sh` runs it under Xvfb).
    #[arg(long, hide = true)]
    pub scripted_frames: Option<usize>,
    /// Once the article library has read everything (stored corpus, articles
    /// folder), print how long it took, the UI thread's time per frame
    /// meanwhile and the peak memory, then quit (`bench/corpus.sh`).
    #[arg(long, hide = true)]
    pub corpus_timing: bool,
    /// Draw every view as egui meshes, without the map's GPU buffers.
    #[arg(long, hide = true)]
    pub no_gpu: bool,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// What the articles say about a feature: the side panel's content.
    Dossier {
        /// The feature's name (or one of its other names), e.g. "Ménaka", "Mali",
        /// "three-borders zone".
        name: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// More article files to read besides the embedded ones and the corpus.
        #[arg(long = "article", value_name = "FILE")]
        articles: Vec<std::path::PathBuf>,
        /// A folder of article files to read as well.
        #[arg(long = "articles", value_name = "DIR")]
        articles_dir: Option<std::path::PathBuf>,
        /// The corpus store (default: the window's, if there is one).
        #[arg(long, value_name = "PATH")]
        db: Option<std::path::PathBuf>,
    },
    /// The stored corpus the window reads at every start: add, list, search
    /// and remove articles.
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
        /// The corpus store (default: the window's, in the user's data folder).
        #[arg(long, value_name = "PATH", global = true)]
        db: Option<std::path::PathBuf>,
    },
    /// Read files or links as the app would store them (web pages through
    /// the reader view) and print one JSON object per input (JSON Lines):
    /// file, title, outlet, url, date, language, text, warnings.
    Read {
        /// Print JSON Lines (the only format; kept for scripts that pass it).
        #[arg(long)]
        json: bool,
        #[arg(required = true, value_name = "FILE|URL")]
        inputs: Vec<String>,
    },
    /// Feed subscriptions (RSS, Atom, JSON Feed): their new items are
    /// fetched, analysed and stored in the corpus.
    Feeds {
        #[command(subcommand)]
        command: FeedsCommand,
        /// The corpus store (default: the window's, in the user's data folder).
        #[arg(long, value_name = "PATH", global = true)]
        db: Option<std::path::PathBuf>,
    },
    /// Find the places (and figures) each text file names. Prints one JSON
    /// object per file (JSON Lines); offsets are in Unicode scalar values.
    Geoparse {
        /// Print JSON Lines (the only format for now; kept for scripts that pass it).
        #[arg(long)]
        json: bool,
        /// Also print to stderr how long the analysis took (places and
        /// figures, on one core), apart from reading the files and writing
        /// the JSON.
        #[arg(long)]
        timing: bool,
        /// Text files to read.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Write annotated GeoJSON: every feature (or only annotated ones) with
    /// your notes, tags and colours, and the article excerpts and figures
    /// about it (RFC 7946).
    Export {
        #[command(flatten)]
        inputs: InputArgs,
        /// Decimals of every coordinate (6 is about 0.1 m).
        #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(0..=15))]
        precision: u32,
        /// Only features with an exported annotation, and your markers.
        #[arg(long)]
        only_annotated: bool,
        /// Where to write the GeoJSON.
        #[arg(short, long, value_name = "OUT.geojson")]
        output: std::path::PathBuf,
    },
    /// Draw the map as an image for a report (PNG or SVG, by the file name),
    /// with your markers and zones, the mention badges, a legend, a scale
    /// bar and the data attribution.
    Render {
        /// Where to write: `map.png` or `map.svg`.
        #[arg(short, long, value_name = "OUT.png|OUT.svg")]
        output: std::path::PathBuf,
        /// The area to show, in degrees: west,south,east,north (default: Mali,
        /// Niger and Burkina Faso).
        #[arg(long, value_name = "W,S,E,N", allow_hyphen_values = true)]
        bbox: Option<String>,
        /// Image size in pixels.
        #[arg(long, default_value = "1600x1000", value_name = "WxH")]
        size: String,
        /// The language of place names and of the legend: en or fr.
        #[arg(long, default_value = "en", value_parser = ["en", "fr"])]
        language: String,
        #[command(flatten)]
        inputs: InputArgs,
    },
    /// Open GeoJSON files as the app opens a layer (read and check, levels of
    /// detail, tessellation, indexes) and print, per file, feature and vertex
    /// counts and each stage's time; optionally time picking and drawing;
    /// then the peak memory.
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Also time picking the feature under this many random cursors.
        #[arg(long, default_value_t = 0)]
        picks: usize,
        /// Also time this many scripted pan/zoom frames of the map at 1920×1080.
        #[arg(long, default_value_t = 0)]
        frames: usize,
        /// Time the frames with every view drawn as egui meshes, as without
        /// OpenGL (the app keeps zoomed-out views on the GPU).
        #[arg(long)]
        no_gpu: bool,
        /// Where the scripted frames zoom in, as LON,LAT (default: Ménaka).
        #[arg(long, value_name = "LON,LAT", default_value = "2.4,15.9")]
        zoom_to: String,
        /// GeoJSON files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// List every embedded feature (countries, regions, places, zones, tripoint).
    Places {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CorpusCommand {
    /// Read, analyse and store article files, every article file of a
    /// folder, or web pages (http:// or https:// links).
    Add {
        #[arg(required = true, value_name = "FILE|DIR|URL")]
        inputs: Vec<String>,
    },
    /// List the stored articles.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Sentences that contain every word of QUERY (case and accents
    /// ignored; the last word may be the start of one), best first.
    Search {
        query: String,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Remove articles by number or name (as `list` shows them); adding
    /// the same text again brings one back.
    Remove {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
}

pub use crate::commands::feeds::FeedsCommand;

/// What `export` and `render` read besides the embedded data.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// A folder of article files to read besides the embedded reports.
    #[arg(long = "articles", value_name = "DIR")]
    pub articles: Option<std::path::PathBuf>,
    /// Annotations: a file saved by the app (File → Save annotations as, or
    /// its autosave) or a previous export.
    #[arg(long, value_name = "FILE")]
    pub annotations: Option<std::path::PathBuf>,
    /// GeoJSON files to include as layers (their features, with their own
    /// properties and your notes on them).
    #[arg(long = "layer", value_name = "FILE")]
    pub layers: Vec<std::path::PathBuf>,
    /// The corpus store whose articles to include (default: the window's,
    /// if there is one).
    #[arg(long, value_name = "PATH")]
    pub db: Option<std::path::PathBuf>,
}

impl InputArgs {
    /// The inputs as the headless commands take them.
    #[must_use]
    pub fn inputs(&self) -> crate::commands::workspace::Inputs<'_> {
        crate::commands::workspace::Inputs {
            articles_dir: self.articles.as_deref(),
            annotations: self.annotations.as_deref(),
            layers: &self.layers,
            db: self.db.as_deref(),
        }
    }
}
