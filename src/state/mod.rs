//! Application state and the commands that change it.
//!
//! The UI never mutates state while it draws: it pushes [`Command`]s, and
//! [`AppState::apply`] runs them after the frame. Every state change can so be
//! tested without a window.

mod annotating;
pub mod corrections;
mod image;
mod layers;
mod search;
pub mod view_settings;
pub mod web;
pub mod word_filter;

pub use annotating::AnnotationCommand;
pub use layers::{ImportedLayerData, Layer, LayerCommand, layer_id};
pub use search::{MAX_HITS, SearchCommand, SearchState};

use crate::tr;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::annotations::history::History;
use crate::atlas::{Atlas, FeatureId};
use crate::dossier::analysis::{AnalysedArticle, Corpus};
use crate::dossier::places_to_add;
use crate::dossier::rollup::RollUp;
use crate::geometry::projection::{LonLat, Projector, ScreenRect};
use crate::geoparse::gazetteer::Gazetteer;
use crate::view::camera::Camera;

/// Pixels between the fitted Sahel and the map's edge.
const FIT_MARGIN_PX: f32 = 24.0;
/// How far one arrow-key press moves the map.
pub const KEY_PAN_PX: f32 = 80.0;
/// How much one `+`/`-` press zooms.
pub const KEY_ZOOM_FACTOR: f64 = 1.5;

/// Articles being read in the background.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub current: String,
}

/// The file dialogs of annotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    SaveAnnotations,
    OpenAnnotations,
    Export,
    /// Open a GeoJSON file as a layer.
    ImportLayer,
    /// Write the current view as a PNG or SVG image.
    ExportImage,
}

/// Which dialog windows are open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each window opens and closes on its own; no two are one state"
)]
pub struct Dialogs {
    pub about: bool,
    pub shortcuts: bool,
    pub open_articles: bool,
    pub file: Option<FileAction>,
    /// The layers panel.
    pub layers: bool,
}

/// Everything the user (or the article library) can do to the state.
#[derive(Debug)]
pub enum Command {
    /// The map's rectangle this frame (it changes when the window or panels resize).
    SetViewport(ScreenRect),
    Select(Option<FeatureId>),
    Hover(Option<FeatureId>),
    /// A drag of `dx, dy` pixels.
    Pan {
        dx: f32,
        dy: f32,
    },
    /// Zoom by `factor` around a point `anchor_dx, anchor_dy` pixels from the map's centre.
    Zoom {
        factor: f64,
        anchor_dx: f32,
        anchor_dy: f32,
    },
    /// Frame Mali, Niger and Burkina Faso.
    FitFocus,
    /// Frame one feature (double-click, or "Zoom to" in the side panel).
    ZoomTo(FeatureId),
    /// Frame a lon/lat box, south-west and north-east corners (a click on
    /// a cluster of badges).
    FrameBox(LonLat, LonLat),
    ShowAbout(bool),
    ShowShortcuts(bool),
    /// Read these article files (File → Open articles, drag and drop).
    OpenArticles(Vec<PathBuf>),
    ShowOpenArticles(bool),
    /// Open (or close) the dialog of an annotation file action.
    ShowFileDialog(Option<FileAction>),
    /// Show an article in full (by article id), or close it.
    ShowArticle(Option<String>),
    /// From the library worker:
    GazetteerReady(Arc<Gazetteer>),
    LibraryProgress(Progress),
    ArticleAnalysed(Box<AnalysedArticle>),
    /// The stored corpus, read back and counted by the library at start.
    CorpusRestored(Box<crate::library::RestoredCorpus>),
    LibraryFinished,
    /// A message for the user (a file that could not be read…).
    Notify(String),
    DismissMessages,
    /// Notes, markers, undo/redo, annotation files and export.
    Annotation(AnnotationCommand),
    /// Imported GeoJSON layers.
    Layer(LayerCommand),
    /// File → Export image: the current view as PNG or SVG.
    ExportImage(PathBuf),
    /// Full-text search and the map filtered to its results.
    Search(SearchCommand),
    /// Take an article (by id) out of the corpus: the map, the dossiers
    /// and the store (marked removed, so undo can bring it back).
    RemoveArticle(String),
    /// Bring back the article removed last.
    UndoRemoveArticle,
    /// Stop reading articles after the chunk being read (what was read is kept).
    CancelReading,
    /// A background job ([`crate::jobs`]) is done.
    JobDone(crate::jobs::Outcome),
    /// Links, feeds and pasted articles.
    Web(web::WebCommand),
    /// The dossier's word filter and the library's answer.
    WordFilter(word_filter::WordFilterCommand),
    /// When the user last had the window open (seconds since 1970): articles
    /// stored after it are marked new on the map and in dossiers.
    SetLastVisit(i64),
    /// The interface's language and the reference layers shown.
    View(view_settings::ViewCommand),
    /// The user's corrections of the geoparser (another place, not a place).
    Correction(corrections::CorrectionCommand),
}

/// The state of one window of Dispatch Atlas.
#[derive(Debug)]
pub struct AppState {
    /// Shared with background jobs (image export, autosave): changed through
    /// [`AppState::atlas_mut`], which copies it only if a job still holds it.
    pub atlas: Arc<Atlas>,
    pub camera: Camera,
    pub viewport: Option<ScreenRect>,
    pub selected: Option<FeatureId>,
    pub hovered: Option<FeatureId>,
    pub dialogs: Dialogs,
    /// The articles read so far, analysed.
    pub corpus: Corpus,
    /// Set once loaded; needed to read more articles.
    pub gazetteer: Option<Arc<Gazetteer>>,
    /// `Some` while articles are being read.
    pub progress: Option<Progress>,
    /// Messages for the user, newest last.
    pub messages: Vec<String>,
    /// Mentions per feature (the map's badges), kept up to date per article.
    rollup: RollUp,
    /// Full-text search (Ctrl+K) and the map filtered to its results.
    search: SearchState,
    /// Feeds, links and pastes.
    web: web::WebState,
    /// The dossier's word filter, answered by the library.
    word_filter: word_filter::WordFilter,
    /// See [`Command::SetLastVisit`].
    last_visit_s: Option<i64>,
    /// The language and the reference layers shown (persisted).
    view_settings: view_settings::ViewSettings,
    /// The corrections made in this window (undo).
    corrections: corrections::Corrections,
    /// Articles removed this session, the last one last (for undo).
    removed_articles: Vec<Arc<AnalysedArticle>>,
    /// Store changes for the library to make (the UI glue takes them).
    library_jobs: Vec<crate::library::Job>,
    /// The user asked to stop the reading under way (the UI glue tells the library).
    cancel_reading: bool,
    /// Background jobs to start (the UI glue takes them).
    jobs: Vec<crate::jobs::Job>,
    /// The article shown in full, by id.
    pub article_shown: Option<String>,
    /// Files asked for and not yet handed to a worker (the UI glue takes them).
    pub requested_files: Vec<PathBuf>,
    /// A fit asked for before the map's size was known (first frame).
    pending_fit: bool,
    /// The user's annotations and their undo history.
    history: History,
    /// Whether an autosave job is under way (and edits wait for the next).
    autosave_job: annotating::AutosaveJob,
    /// Where annotations are saved after every edit; `None` until restored
    /// (and in tests), or when the saved file could not be read.
    autosave: Option<PathBuf>,
    /// What the last action did ("Undone: Add marker"), for the status bar.
    pub status: Option<String>,
    /// Imported GeoJSON files, in the order opened.
    pub layers: Vec<Layer>,
    /// Bumped whenever what the base map draws changes (layers added, shown,
    /// hidden, faded), so cached meshes are rebuilt.
    pub layer_generation: u64,
    /// GeoJSON files asked for and not yet handed to a reader (the UI glue takes them).
    pub requested_imports: Vec<PathBuf>,
    /// GeoJSON files being read.
    pub importing: Vec<PathBuf>,
    /// How far each file being read has got.
    pub import_progress: HashMap<PathBuf, crate::progress::Snapshot>,
    /// The corners of a zone being drawn, while the user draws one.
    pub drawing: Option<Vec<LonLat>>,
}

impl AppState {
    /// A new state; without a saved camera the first frame fits the Sahel.
    #[must_use]
    pub fn new(atlas: Atlas, saved_camera: Option<Camera>) -> Self {
        Self {
            atlas: Arc::new(atlas),
            camera: saved_camera.map(Camera::sanitized).unwrap_or_default(),
            viewport: None,
            selected: None,
            hovered: None,
            dialogs: Dialogs::default(),
            corpus: Corpus::default(),
            gazetteer: None,
            progress: None,
            messages: Vec::new(),
            rollup: RollUp::default(),
            search: SearchState::default(),
            removed_articles: Vec::new(),
            library_jobs: Vec::new(),
            web: web::WebState::default(),
            word_filter: word_filter::WordFilter::default(),
            corrections: corrections::Corrections::default(),
            last_visit_s: None,
            view_settings: view_settings::ViewSettings::default(),
            autosave_job: annotating::AutosaveJob::Idle,
            cancel_reading: false,
            jobs: Vec::new(),
            article_shown: None,
            requested_files: Vec::new(),
            pending_fit: saved_camera.is_none(),
            history: History::default(),
            autosave: None,
            status: None,
            layers: Vec::new(),
            layer_generation: 0,
            requested_imports: Vec::new(),
            importing: Vec::new(),
            import_progress: HashMap::new(),
            drawing: None,
        }
    }

    /// The projector for the current camera and map rectangle, once known.
    #[must_use]
    pub fn projector(&self) -> Option<Projector> {
        self.viewport.map(|rect| Projector::new(self.camera, rect))
    }

    pub fn apply_all(&mut self, commands: impl IntoIterator<Item = Command>) {
        for command in commands {
            self.apply(command);
        }
    }

    pub fn apply(&mut self, command: Command) {
        match command {
            Command::SetViewport(rect) => {
                // When a panel opens or the window resizes, what was at the
                // map's top-left corner stays there: the map does not jump.
                if let Some(old) = self.viewport {
                    let dx = (old.width() - rect.width()) / 2.0;
                    let dy = (old.height() - rect.height()) / 2.0;
                    self.camera.pan_by_pixels(dx, dy);
                }
                self.viewport = Some(rect);
                if self.pending_fit {
                    self.fit_focus();
                }
            }
            Command::Select(id) => self.selected = id.filter(|id| self.atlas.get(id).is_some()),
            Command::Hover(id) => self.hovered = id,
            Command::Pan { dx, dy } => self.camera.pan_by_pixels(dx, dy),
            Command::Zoom {
                factor,
                anchor_dx,
                anchor_dy,
            } => {
                if factor.is_finite() && factor > 0.0 {
                    self.camera.zoom_around(factor, anchor_dx, anchor_dy);
                }
            }
            Command::FitFocus => self.fit_focus(),
            Command::ZoomTo(id) => self.zoom_to(&id),
            Command::FrameBox(sw, ne) => {
                if [sw.lon, sw.lat, ne.lon, ne.lat]
                    .iter()
                    .all(|v| v.is_finite())
                {
                    self.fit_box(geo::Rect::new(sw.to_coord(), ne.to_coord()));
                }
            }
            Command::ShowAbout(open) => self.dialogs.about = open,
            Command::ShowShortcuts(open) => self.dialogs.shortcuts = open,
            Command::OpenArticles(paths) => {
                self.requested_files.extend(paths);
                self.dialogs.open_articles = false;
            }
            Command::ShowOpenArticles(open) => self.dialogs.open_articles = open,
            Command::ShowFileDialog(action) => self.dialogs.file = action,
            Command::ShowArticle(id) => {
                self.article_shown = id.filter(|id| self.corpus.get(id).is_some());
            }
            Command::GazetteerReady(gazetteer) => self.gazetteer = Some(gazetteer),
            Command::LibraryProgress(progress) => self.progress = Some(progress),
            Command::ArticleAnalysed(analysed) => self.add_article(*analysed),
            Command::CorpusRestored(restored) => self.take_restored(*restored),
            Command::LibraryFinished => {
                self.progress = None;
                if let Some(done) = self.web.take_done_status() {
                    self.status = Some(done);
                }
            }
            Command::Notify(message) => self.messages.push(message),
            Command::DismissMessages => self.messages.clear(),
            Command::Annotation(command) => {
                self.apply_annotation(command);
                self.recount_areas();
            }
            Command::Layer(command) => {
                self.apply_layer(command);
                // A layer shown, hidden or opened changes what lies in which area.
                self.recount_areas();
            }
            Command::ExportImage(path) => self.export_image(&path),
            Command::Search(command) => self.apply_search(command),
            Command::RemoveArticle(id) => self.remove_article(&id),
            Command::JobDone(outcome) => self.job_done(outcome),
            Command::Web(command) => self.apply_web(command),
            Command::View(command) => self.apply_view(command),
            Command::Correction(command) => self.apply_correction(command),
            Command::SetLastVisit(at_s) => self.last_visit_s = Some(at_s),
            Command::WordFilter(command) => self.apply_word_filter(command),
            Command::CancelReading => {
                self.cancel_reading = true;
                self.status = Some(tr!("reading-stopping"));
            }
            Command::UndoRemoveArticle => {
                if let Some(article) = self.removed_articles.pop() {
                    self.status = Some(tr!(
                        "article-restored",
                        title = article.article.title.as_str()
                    ));
                    self.library_jobs
                        .push(crate::library::Job::Restore(article.article.id.clone()));
                    self.add_article(article);
                }
            }
        }
    }

    /// Adds an analysed article: its towns that the map lacks become markers,
    /// and the badges are counted again. An article read twice (same id) is
    /// replaced, not doubled.
    fn add_article(&mut self, analysed: impl Into<Arc<AnalysedArticle>>) {
        let analysed = analysed.into();
        // Work in proportion to this article only (see `dossier::rollup`).
        let new_places = places_to_add(&self.atlas, &analysed);
        if !new_places.is_empty() {
            self.atlas_mut().add_points(new_places);
        }
        self.rollup.sync(&self.atlas);
        self.rollup
            .add_article(&self.atlas, &analysed, self.is_new(&analysed.article));
        if let Some(replaced) = self.corpus.insert(analysed) {
            self.rollup
                .remove_article(&replaced, self.is_new(&replaced.article));
        }
    }

    /// Takes the stored corpus the library read back and counted: the towns
    /// it names that the map lacks are added, the corpus and its badges are
    /// swapped in (work bounded by those towns, not by the articles). Should
    /// articles have come first, the restored ones are added one by one.
    fn take_restored(&mut self, restored: crate::library::RestoredCorpus) {
        let crate::library::RestoredCorpus {
            corpus,
            rollup,
            new_places,
        } = restored;
        if !self.corpus.is_empty() {
            for article in corpus.articles() {
                self.add_article(Arc::clone(article));
            }
            return;
        }
        if !new_places.is_empty() {
            self.atlas_mut().add_points(new_places);
        }
        self.corpus.replace_with(corpus);
        self.rollup = rollup;
        // Areas opened or drawn while the library counted: counted again.
        self.rollup.sync(&self.atlas);
    }

    /// Mentions per feature: the numbers on the map's badges (over the
    /// articles of a search only, while the map is filtered to them).
    #[must_use]
    pub fn mention_counts(&self) -> &HashMap<FeatureId, usize> {
        self.search
            .filtered_counts()
            .unwrap_or_else(|| self.rollup.counts())
    }

    /// The atlas, to change it (a copy is made only while a background job
    /// still holds the previous one).
    pub fn atlas_mut(&mut self) -> &mut Atlas {
        Arc::make_mut(&mut self.atlas)
    }

    /// Whether an article entered the store after the user's last visit.
    #[must_use]
    pub fn is_new(&self, article: &crate::articles::Article) -> bool {
        article.is_new_since(self.last_visit_s)
    }

    /// The user's last visit (seconds since 1970), if known.
    #[must_use]
    pub fn last_visit_s(&self) -> Option<i64> {
        self.last_visit_s
    }

    /// Mentions per feature in articles new since the last visit (the map
    /// marks their badges).
    #[must_use]
    pub fn new_mention_counts(&self) -> &HashMap<FeatureId, usize> {
        self.rollup.new_counts()
    }

    #[must_use]
    pub fn search(&self) -> &SearchState {
        &self.search
    }

    /// Whether an article removal can be undone.
    #[must_use]
    pub fn can_undo_removal(&self) -> bool {
        !self.removed_articles.is_empty()
    }

    /// Store changes for the library (UI glue).
    pub fn take_library_jobs(&mut self) -> Vec<crate::library::Job> {
        std::mem::take(&mut self.library_jobs)
    }

    /// Whether jobs wait to be started.
    #[must_use]
    pub fn has_jobs_queued(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Runs the queued jobs here, one after the other, and applies what they
    /// report, until none is left (tests: what the UI glue does on threads).
    #[cfg(test)]
    pub(crate) fn run_jobs_here(&mut self) {
        while !self.jobs.is_empty() {
            for job in self.take_jobs() {
                self.apply(Command::JobDone(job.run()));
            }
        }
    }

    /// Background jobs to start (UI glue).
    pub fn take_jobs(&mut self) -> Vec<crate::jobs::Job> {
        std::mem::take(&mut self.jobs)
    }

    /// Takes an article out of the map, the dossiers and the store (undo
    /// brings it back).
    fn remove_article(&mut self, id: &str) {
        if let Some(removed) = self.corpus.remove(id) {
            self.rollup
                .remove_article(&removed, self.is_new(&removed.article));
            if self.article_shown.as_deref() == Some(id) {
                self.article_shown = None;
            }
            self.status = Some(tr!(
                "article-removed",
                title = removed.article.title.as_str()
            ));
            self.library_jobs
                .push(crate::library::Job::Remove(id.to_owned()));
            self.removed_articles.push(removed);
        }
    }

    fn job_done(&mut self, outcome: crate::jobs::Outcome) {
        match outcome {
            crate::jobs::Outcome::Exported { path, result } => match result {
                Ok(count) => {
                    self.status = Some(tr!(
                        "exported",
                        count = count,
                        file = path.display().to_string()
                    ));
                }
                Err(e) => self.messages.push(tr!(
                    "export-failed",
                    file = path.display().to_string(),
                    error = e
                )),
            },
            crate::jobs::Outcome::Pasted(loaded) => self.apply_web(web::WebCommand::Pasted(loaded)),
            crate::jobs::Outcome::Autosaved { path, result } => self.autosaved(&path, result),
            crate::jobs::Outcome::LayerRead { id, path, result } => {
                self.apply(Command::Layer(match result {
                    Ok(data) => LayerCommand::Imported { id, path, data },
                    Err(message) => LayerCommand::Failed { path, message },
                }));
            }
            crate::jobs::Outcome::ImageWritten {
                path,
                frame,
                result,
            } => match result {
                Ok(()) => {
                    self.status = Some(tr!(
                        "image-written",
                        size = format!("{}×{}", frame.width, frame.height),
                        file = path.display().to_string()
                    ));
                }
                Err(e) => self.messages.push(tr!("image-failed", error = e)),
            },
        }
    }

    /// Whether the user asked to stop the reading, once (UI glue).
    pub fn take_cancel_reading(&mut self) -> bool {
        std::mem::take(&mut self.cancel_reading)
    }

    /// The question the search window asked, for the library (UI glue).
    pub fn take_search_request(&mut self) -> Option<(String, u64)> {
        self.search.take_request()
    }

    /// The articles whose mentions count for `feature`, with how many: from
    /// the roll-up's index for shown features; a hidden one (the Sahel,
    /// which covers five countries and is not on the map) is looked for in
    /// every article.
    #[must_use]
    pub fn articles_about(&self, feature: &crate::atlas::Feature) -> Vec<(Arc<str>, usize)> {
        if !feature.hidden {
            return self.rollup.articles_about(&feature.id);
        }
        let target = crate::dossier::FeatureMatch::new(feature);
        self.corpus
            .articles()
            .iter()
            .filter_map(|a| {
                let (_, n) = crate::dossier::article_excerpts(feature, &target, a, &self.corpus)?;
                Some((Arc::from(a.article.id.as_str()), n))
            })
            .collect()
    }

    /// The counts again where the atlas's areas changed (a layer, a zone).
    fn recount_areas(&mut self) {
        self.rollup.sync(&self.atlas);
    }

    fn fit_focus(&mut self) {
        let (Some(rect), Some(bounds)) = (self.viewport, self.atlas.focus_bounds()) else {
            self.pending_fit = true;
            return;
        };
        self.pending_fit = false;
        self.camera.fit(
            LonLat::from_coord(bounds.min()),
            LonLat::from_coord(bounds.max()),
            rect,
            FIT_MARGIN_PX,
        );
    }

    fn zoom_to(&mut self, id: &FeatureId) {
        if let Some(bbox) = self.atlas.get(id).and_then(crate::atlas::Feature::bbox) {
            self.fit_box(bbox);
        }
    }

    /// Frames a lon/lat box (a point's empty box: about 50 km around it).
    fn fit_box(&mut self, bbox: geo::Rect<f64>) {
        let Some(rect) = self.viewport else {
            return;
        };
        // A point has an empty box: show about 50 km around it.
        let pad = if bbox.width() < 0.01 && bbox.height() < 0.01 {
            0.25
        } else {
            0.0
        };
        let sw = LonLat {
            lon: bbox.min().x - pad,
            lat: bbox.min().y - pad,
        };
        let ne = LonLat {
            lon: bbox.max().x + pad,
            lat: bbox.max().y + pad,
        };
        self.camera.fit(sw, ne, rect, FIT_MARGIN_PX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::FeatureKind;
    use crate::geometry::projection::ScreenPoint;

    fn rect(width: f32, height: f32) -> ScreenRect {
        ScreenRect {
            min: ScreenPoint { x: 0.0, y: 30.0 },
            max: ScreenPoint {
                x: width,
                y: 30.0 + height,
            },
        }
    }

    fn state() -> AppState {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("embedded atlas: {e}"));
        let mut state = AppState::new(atlas, None);
        state.apply(Command::SetViewport(rect(1200.0, 700.0)));
        state
    }

    /// A window with its gazetteer and the embedded reports analysed.
    pub(crate) fn state_with_seeds() -> AppState {
        let mut state = state();
        let gazetteer = Arc::new(
            Gazetteer::load_embedded(&state.atlas.zone_names()).unwrap_or_else(|e| panic!("{e}")),
        );
        for article in crate::articles::Article::embedded() {
            let analysed = AnalysedArticle::new(&gazetteer, article);
            state.apply(Command::ArticleAnalysed(Box::new(analysed)));
        }
        state.apply(Command::GazetteerReady(gazetteer));
        state
    }

    #[test]
    fn first_frame_fits_the_three_countries() {
        let state = state();
        let projector = state.projector().unwrap_or_else(|| panic!("viewport set"));
        for name in ["Mali", "Niger", "Burkina Faso"] {
            let country = state
                .atlas
                .find(name, FeatureKind::Country)
                .unwrap_or_else(|| panic!("{name}"));
            let b = country.bbox().unwrap_or_else(|| panic!("{name} bbox"));
            for corner in [b.min(), b.max()] {
                let p = projector.screen_from_lonlat(LonLat::from_coord(corner));
                assert!(
                    projector.rect().contains(p),
                    "{name} corner {corner:?} off screen at {p:?}"
                );
            }
        }
    }

    #[test]
    fn a_saved_camera_is_kept_rather_than_refitted() {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("embedded atlas: {e}"));
        let saved = Camera::looking_at(
            LonLat {
                lon: 30.0,
                lat: 40.0,
            },
            2000.0,
        );
        let mut state = AppState::new(atlas, Some(saved));
        state.apply(Command::SetViewport(rect(800.0, 600.0)));
        assert_eq!(state.camera, saved);
    }

    #[test]
    fn opening_a_side_panel_keeps_the_top_left_of_the_map_in_place() {
        let mut state = state();
        let corner = ScreenPoint { x: 0.0, y: 30.0 };
        let before = state.projector().map(|p| p.lonlat_from_screen(corner));
        state.apply(Command::SetViewport(rect(880.0, 700.0)));
        let after = state.projector().map(|p| p.lonlat_from_screen(corner));
        let (Some(before), Some(after)) = (before, after) else {
            panic!("viewport set")
        };
        assert!((before.lon - after.lon).abs() < 1e-9 && (before.lat - after.lat).abs() < 1e-9);
    }

    #[test]
    fn selection_follows_commands_and_ignores_unknown_ids() {
        let mut state = state();
        let menaka = FeatureId("geonames:2453514".into());
        state.apply(Command::Select(Some(menaka.clone())));
        assert_eq!(state.selected.as_ref(), Some(&menaka));
        state.apply(Command::Select(Some(FeatureId("nowhere".into()))));
        assert_eq!(state.selected, None, "an unknown id selects nothing");
        state.apply(Command::Select(Some(menaka)));
        state.apply(Command::Select(None));
        assert_eq!(state.selected, None);
    }

    #[test]
    fn nonsense_zoom_factors_are_ignored() {
        let mut state = state();
        let camera = state.camera;
        for factor in [f64::NAN, 0.0, -2.0, f64::INFINITY] {
            state.apply(Command::Zoom {
                factor,
                anchor_dx: 0.0,
                anchor_dy: 0.0,
            });
        }
        assert_eq!(state.camera, camera);
    }

    #[test]
    fn a_box_is_framed_and_nonsense_is_ignored() {
        let mut state = state();
        let (sw, ne) = (
            LonLat {
                lon: 0.0,
                lat: 15.0,
            },
            LonLat {
                lon: 2.0,
                lat: 16.0,
            },
        );
        state.apply(Command::FrameBox(sw, ne));
        let projector = state.projector().unwrap_or_else(|| panic!("viewport set"));
        for corner in [sw, ne] {
            assert!(
                projector
                    .rect()
                    .contains(projector.screen_from_lonlat(corner))
            );
        }
        let camera = state.camera;
        state.apply(Command::FrameBox(
            LonLat {
                lon: f64::NAN,
                lat: 0.0,
            },
            ne,
        ));
        assert_eq!(state.camera, camera);
    }

    #[test]
    fn zoom_to_a_place_frames_it() {
        let mut state = state();
        let gao = FeatureId("geonames:2457163".into());
        state.apply(Command::ZoomTo(gao.clone()));
        let projector = state.projector().unwrap_or_else(|| panic!("viewport set"));
        let at = state
            .atlas
            .get(&gao)
            .and_then(crate::atlas::Feature::point)
            .unwrap_or_else(|| panic!("Gao"));
        let p = projector.screen_from_lonlat(at);
        let c = projector.rect().center();
        assert!(
            (p.x - c.x).abs() < 1.0 && (p.y - c.y).abs() < 1.0,
            "Gao centred: {p:?} vs {c:?}"
        );
        assert!(
            projector.metres_per_pixel() < 200.0,
            "zoomed in to town level"
        );
    }
}
