//! The egui layer: draws [`AppState`] and turns what the user does into
//! [`Command`]s, applied once the frame is drawn.

pub mod annotation_editor;
pub mod article_window;
mod clipboard;
pub mod convert;
pub mod dialogs;
pub mod dossier_view;
pub mod file_dialog;
pub mod folder_browser;
pub mod frame_bench;
pub mod layers_panel;
pub mod legend;
pub mod map;
pub mod open_dialog;
pub mod search_window;
pub mod side_panel;
pub mod style;
pub mod web_windows;

use anyhow::anyhow;
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::state::view_settings::{ReferenceLayer, ViewCommand, ViewSettings};
use crate::state::web::WebCommand;
use crate::tr;

use std::path::PathBuf;

use crate::articles;
use crate::atlas::{Atlas, DataError};
use crate::library::{
    ArticleSource, GazetteerSource, Job, Library, LibraryEvent, article_files_in,
};
use crate::state::{
    AnnotationCommand, AppState, Command, FileAction, KEY_ZOOM_FACTOR, LayerCommand, Progress,
    SearchCommand,
};
use crate::ui::convert::screen_point;
use crate::view::camera::Camera;
use map::MapView;

/// Where the camera is kept between runs (eframe's storage).
const CAMERA_KEY: &str = "dispatch-atlas/camera";
/// The UI thread's time per frame that taking in what the library reports
/// may fill (the frame's own work counts against it, and at least
/// `LIBRARY_MIN_PER_FRAME` goes to the library): a large import arrives over
/// several frames instead of stalling one. 4 ms, not 5: a frame whose map
/// takes longer to build (names placed anew) plus an article that takes 2–3
/// ms to count stayed under 8 ms (`bench/corpus.sh`: p99 6.5–7.8 ms, was
/// 6.8–8.8), for a slower intake (10,000 articles ready in 5.5–12 s, was 4–5 s).
const FRAME_TARGET: std::time::Duration = std::time::Duration::from_millis(4);
const LIBRARY_MIN_PER_FRAME: std::time::Duration = std::time::Duration::from_micros(500);
/// Articles listed in the Articles menu (the latest read).
const RECENT_IN_MENU: usize = 15;
/// Where the open layers' paths are kept, to reopen them at the next start.
const LAYERS_KEY: &str = "dispatch-atlas/layers";
/// When the window was last open (seconds since 1970), saved with the rest:
/// reports stored since are marked new.
const LAST_VISIT_KEY: &str = "dispatch-atlas/last-visit-s";
/// Minutes between automatic feed refreshes, as the user set them.
const FEED_MINUTES_KEY: &str = "dispatch-atlas/feed-refresh-minutes";
/// The interface's language and the reference layers shown.
const VIEW_KEY: &str = "dispatch-atlas/view";

const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const DRAW_ZONE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::D);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const PASTE_ARTICLE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);
const ADD_LINK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);

/// The folder of articles read at every start (in the user's data directory).
#[must_use]
pub fn articles_dir() -> Option<PathBuf> {
    eframe::storage_dir("dispatch-atlas").map(|d| d.join("articles"))
}

/// Where annotations are saved after every edit (in the user's data directory).
#[must_use]
pub fn autosave_path() -> Option<PathBuf> {
    eframe::storage_dir("dispatch-atlas").map(|d| d.join("annotations.geojson"))
}

/// Measures the window can take of itself (hidden options, for benchmarks).
#[derive(Clone, Copy, Debug)]
pub struct Measure {
    /// The process's start: print the time to the first frame shown, and close.
    pub startup_from: Option<std::time::Instant>,
    /// Run the frame bench's script for this many frames once the files
    /// are open, print the times between frames, and close.
    pub scripted_frames: Option<usize>,
    /// Draw zoomed-out views from GPU buffers (the default).
    pub gpu: bool,
    /// The process's start: once the library has read everything, print
    /// how long that took, the UI thread's time per frame meanwhile, the
    /// badges and the peak memory, and close (`bench/corpus.sh`).
    pub corpus_from: Option<std::time::Instant>,
}

/// `--corpus-timing`: the UI thread's time in each frame while articles are
/// read. The first frame (the map's meshes built, fonts laid out) is
/// reported apart: it costs the same with no article at all.
struct CorpusRun {
    started: std::time::Instant,
    first: Option<std::time::Duration>,
    frames: Vec<std::time::Duration>,
    /// Once read: the reading's summary, and the frames since the feature
    /// with the most mentions was selected (its dossier's first paint).
    ready: Option<String>,
    dossier_frames: Vec<std::time::Duration>,
    /// The slowest frames while reading, with what filled them.
    slowest: Vec<(std::time::Duration, Intake)>,
}

/// How one frame took in what the library reported: when it began (since
/// the frame's start: the frame's own layout and drawing before it), how
/// long it took and how many events it applied.
#[derive(Clone, Copy, Default)]
struct Intake {
    after: std::time::Duration,
    took: std::time::Duration,
    events: u32,
}

/// `--corpus-timing`: how many of the slowest frames are shown with what
/// filled them.
const SLOWEST_SHOWN: usize = 8;

/// `--scripted-frames`: how far the script has got.
struct ScriptedRun {
    frames: usize,
    done: usize,
    last: Option<std::time::Instant>,
    intervals: Vec<std::time::Duration>,
}

/// Opens the main window, with `files` as extra articles (or layers), and
/// runs until it is closed; `measure` for benchmarks.
pub fn run(files: Vec<PathBuf>, measure: Measure) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dispatch Atlas")
            .with_app_id("dispatch-atlas")
            // The scripted frames are timed at the frame bench's size.
            .with_inner_size(if measure.scripted_frames.is_some() {
                frame_bench::SIZE
            } else {
                [1280.0, 800.0]
            })
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Dispatch Atlas",
        options,
        Box::new(move |cc| {
            let mut app = DispatchAtlasApp::new(cc);
            app.timing_from = measure.startup_from;
            app.corpus_run = measure.corpus_from.map(|started| CorpusRun {
                started,
                first: None,
                frames: Vec::new(),
                ready: None,
                dossier_frames: Vec::new(),
                slowest: Vec::new(),
            });
            if !measure.gpu {
                app.map = MapView::default();
            }
            app.scripted = measure.scripted_frames.map(|frames| ScriptedRun {
                frames,
                done: 0,
                last: None,
                intervals: Vec::with_capacity(frames),
            });
            let reopened = cc
                .storage
                .and_then(|s| eframe::get_value::<Vec<PathBuf>>(s, LAYERS_KEY))
                .unwrap_or_default();
            app.apply(Command::Layer(LayerCommand::Import(reopened)));
            let folder = articles_dir()
                .map(|d| article_files_in(&d))
                .unwrap_or_default();
            let (layers, articles): (Vec<PathBuf>, Vec<PathBuf>) = files
                .into_iter()
                .partition(|p| AppState::is_geojson_path(p));
            app.store_path = crate::corpus::default_db_path();
            app.speaks_for_process = true;
            // The user's markers and zones first: the library counts the
            // stored corpus against a snapshot of the atlas, which a change
            // made while it holds it would copy.
            if let (Ok(state), Some(path)) = (&mut app.state, autosave_path()) {
                state.restore_annotations(path);
            }
            app.start_library(&cc.egui_ctx, folder);
            app.apply(Command::OpenArticles(articles));
            app.apply(Command::Layer(LayerCommand::Import(layers)));
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow!("could not open the window: {e}"))
}

/// The application: its state, or why there is none.
pub struct DispatchAtlasApp {
    state: Result<AppState, String>,
    map: MapView,
    /// The article library's worker, once started.
    library: Option<Library>,
    /// The corpus file the library opens; `None` keeps the corpus in memory
    /// (tests, tools): `run` sets the user's.
    pub store_path: Option<PathBuf>,
    dossier_cache: dossier_view::DossierCache,
    open_articles: open_dialog::OpenArticles,
    search_window: search_window::SearchWindow,
    web_windows: web_windows::WebWindows,
    find_buffer: String,
    find_failed: bool,
    annotation_draft: annotation_editor::Draft,
    /// GeoJSON files being read, each on its own thread: where the result
    /// comes, which file, and how far its reader has got.
    /// Background jobs under way (exports).
    jobs: Vec<crate::jobs::Running>,
    file_dialog: file_dialog::FileDialog,
    /// `--startup-timing`: when the process started, and the frames shown.
    timing_from: Option<std::time::Instant>,
    frames_shown: u32,
    scripted: Option<ScriptedRun>,
    corpus_run: Option<CorpusRun>,
    /// This frame's intake of library events (`--corpus-timing`).
    intake: Intake,
    /// Whether this window's language is the process's (the real window:
    /// its workers' messages follow it; tests run windows side by side).
    speaks_for_process: bool,
}

impl DispatchAtlasApp {
    /// The app as eframe creates it, with the camera of the last run.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        cc.egui_ctx.set_theme(egui::Theme::Light);
        style::install_fonts(&cc.egui_ctx);
        let camera = cc
            .storage
            .and_then(|s| eframe::get_value::<Camera>(s, CAMERA_KEY));
        let mut app = Self::with_camera(camera);
        if let (Some(minutes), Ok(state)) = (
            cc.storage
                .and_then(|s| eframe::get_value::<u32>(s, FEED_MINUTES_KEY)),
            &mut app.state,
        ) {
            state.apply(WebCommand::SetRefreshMinutes(minutes).into());
        }
        if let (Some(at_s), Ok(state)) = (
            cc.storage
                .and_then(|s| eframe::get_value::<i64>(s, LAST_VISIT_KEY)),
            &mut app.state,
        ) {
            state.apply(Command::SetLastVisit(at_s));
        }
        if let Ok(state) = &mut app.state {
            // The language chosen last time, else the system's.
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<ViewSettings>(s, VIEW_KEY))
                .unwrap_or_else(|| ViewSettings::in_language(crate::i18n::Language::of_system()));
            state.restore_view_settings(&settings);
        }
        // With OpenGL (the app's renderer), zoomed-out views are drawn from
        // buffers kept on the GPU.
        if cc.gl.is_some() {
            app.map = MapView::with_gpu();
        }
        app
    }

    /// The app on the embedded atlas; `None` fits the Sahel on the first frame.
    #[must_use]
    pub fn with_camera(camera: Option<Camera>) -> Self {
        Self::from_atlas(Atlas::load_embedded(), camera)
    }

    /// The app on an atlas that may have failed to load; a failure is shown
    /// in the window, naming the file and the reason, instead of the map.
    #[must_use]
    pub fn from_atlas(atlas: Result<Atlas, DataError>, camera: Option<Camera>) -> Self {
        let state = atlas
            .map(|atlas| {
                let errors = atlas.data_errors().to_vec();
                let mut state = AppState::new(atlas, camera);
                // A layer that could not be read is left off the map, and said.
                for error in errors {
                    state.apply(Command::Notify(tr!("data-layer-left-out", error = error)));
                }
                state
            })
            .map_err(|e| format!("{}\n\n{e}", tr!("data-cannot-load")));
        Self {
            state,
            map: MapView::default(),
            library: None,
            store_path: None,
            dossier_cache: dossier_view::DossierCache::default(),
            open_articles: open_dialog::OpenArticles::default(),
            search_window: search_window::SearchWindow::default(),
            web_windows: web_windows::WebWindows::default(),
            find_buffer: String::new(),
            find_failed: false,
            annotation_draft: annotation_editor::Draft::default(),
            jobs: Vec::new(),
            timing_from: None,
            frames_shown: 0,
            scripted: None,
            corpus_run: None,
            intake: Intake::default(),
            file_dialog: file_dialog::FileDialog::default(),
            speaks_for_process: false,
        }
    }

    /// Starts the article library: the stored corpus is read back, then the
    /// embedded seed reports and `folder` (the articles folder) are read
    /// where the store does not have them yet.
    pub fn start_library(&mut self, ctx: &egui::Context, folder: Vec<PathBuf>) {
        let Ok(state) = &self.state else { return };
        let mut sources: Vec<ArticleSource> = articles::EMBEDDED
            .iter()
            .map(|(id, text)| ArticleSource::Embedded(id, text))
            .collect();
        sources.extend(folder.into_iter().map(ArticleSource::File));
        let ctx = ctx.clone();
        let library = Library::start(
            GazetteerSource::Load(state.atlas.zone_names()),
            self.store_path.clone(),
            Some(crate::library::RestoreInto {
                atlas: std::sync::Arc::clone(&state.atlas),
                last_visit_s: state.last_visit_s(),
            }),
            move || ctx.request_repaint(),
        );
        library.submit(Job::Read {
            sources,
            explicit: false,
        });
        self.library = Some(library);
    }

    /// Applies a command as if the UI had emitted it (for tests and tools).
    pub fn apply(&mut self, command: Command) {
        if let Ok(state) = &mut self.state {
            state.apply(command);
        }
    }

    /// Whether articles are still being read (for tests and tools).
    #[must_use]
    pub fn is_reading(&self) -> bool {
        self.library.as_ref().is_some_and(Library::is_busy)
            || self.state.as_ref().is_ok_and(|s| s.progress.is_some())
    }

    /// Library events as commands, applied until this frame's budget is
    /// spent (the rest wait for the next frame, which is asked for).
    fn apply_library_events(&mut self, ctx: &egui::Context, frame_started: std::time::Instant) {
        let (Some(library), Ok(state)) = (&self.library, &mut self.state) else {
            return;
        };
        let started = std::time::Instant::now();
        let budget = FRAME_TARGET
            .saturating_sub(frame_started.elapsed())
            .max(LIBRARY_MIN_PER_FRAME);
        self.intake = Intake {
            after: started - frame_started,
            ..Intake::default()
        };
        while started.elapsed() < budget {
            let Some(event) = library.poll(1).pop() else {
                self.intake.took = started.elapsed();
                return;
            };
            self.intake.events += 1;
            state.apply(match event {
                LibraryEvent::GazetteerReady(g) => Command::GazetteerReady(g),
                LibraryEvent::Progress {
                    done,
                    total,
                    current,
                } => Command::LibraryProgress(Progress {
                    done,
                    total,
                    current,
                }),
                LibraryEvent::Analysed(a) | LibraryEvent::Restored(a) => {
                    Command::ArticleAnalysed(a)
                }
                LibraryEvent::CorpusRestored(restored) => Command::CorpusRestored(restored),
                LibraryEvent::Warning(w) => Command::Notify(w),
                LibraryEvent::Feeds(feeds) => WebCommand::Listed(feeds).into(),
                LibraryEvent::WordsFound {
                    serial,
                    query,
                    words,
                } => crate::state::word_filter::WordFilterCommand::Answer {
                    serial,
                    query,
                    words,
                }
                .into(),
                LibraryEvent::Failed(f) => Command::Notify(f),
                LibraryEvent::Searched {
                    serial,
                    query,
                    hits,
                    articles,
                } => Command::Search(SearchCommand::Answer {
                    serial,
                    query,
                    hits,
                    articles,
                }),
                LibraryEvent::Finished => {
                    if library.is_busy() {
                        continue;
                    }
                    Command::LibraryFinished
                }
            });
        }
        self.intake.took = started.elapsed();
        ctx.request_repaint();
    }

    /// Feeds are refreshed every N minutes while the window is open: the
    /// state says when (a comparison of instants), the window wakes then.
    fn refresh_feeds_when_due(&mut self, ctx: &egui::Context) {
        let (Some(_), Ok(state)) = (&self.library, &mut self.state) else {
            return;
        };
        let now = std::time::Instant::now();
        state.feeds_due(now);
        if let Some(at) = state.web().next_refresh() {
            ctx.request_repaint_after(at.saturating_duration_since(now));
        }
    }

    /// Hands files the user asked for, and searches, to the library.
    fn read_requested_files(&mut self) {
        let (Some(library), Ok(state)) = (&self.library, &mut self.state) else {
            return;
        };
        if state.take_cancel_reading() {
            library.cancel();
        }
        for job in state.take_library_jobs() {
            library.submit(job);
        }
        if let Some((query, serial)) = state.take_word_filter_request() {
            library.submit(Job::FindWords { query, serial });
        }
        if let Some((query, serial)) = state.take_search_request() {
            library.submit(Job::Search {
                query,
                limit: crate::state::MAX_HITS,
                serial,
            });
        }
        if state.requested_files.is_empty() {
            return;
        }
        let sources = state
            .requested_files
            .drain(..)
            .map(ArticleSource::File)
            .collect();
        library.submit(Job::Read {
            sources,
            explicit: true,
        });
    }

    /// Starts the jobs the state queued; applies what finished ones report.
    fn run_jobs(&mut self, ctx: &egui::Context) {
        let Ok(state) = &mut self.state else { return };
        for job in state.take_jobs() {
            let ctx = ctx.clone();
            self.jobs.push(crate::jobs::Running::start(job, move || {
                ctx.request_repaint();
            }));
        }
        self.jobs.retain(|job| match job.poll() {
            None => true,
            Some(Ok(outcome)) => {
                state.apply(Command::JobDone(outcome));
                false
            }
            Some(Err(message)) => {
                state.apply(Command::Notify(message));
                false
            }
        });
    }

    /// Whether background jobs are under way (for tests and tools).
    #[must_use]
    pub fn is_running_jobs(&self) -> bool {
        !self.jobs.is_empty() || self.state.as_ref().is_ok_and(AppState::has_jobs_queued)
    }

    /// Starts a reader thread for every GeoJSON file asked for; collects
    /// what finished as commands.
    fn import_layers(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Ok(state) = &mut self.state else { return };
        for (id, path) in state.take_requested_imports() {
            let ctx = ctx.clone();
            let job = crate::jobs::Job::ImportLayer {
                id,
                path,
                progress: std::sync::Arc::default(),
            };
            self.jobs.push(crate::jobs::Running::start(job, move || {
                ctx.request_repaint();
            }));
        }
        let mut reading = false;
        for job in &self.jobs {
            if let Some((path, progress)) = &job.progress {
                reading = true;
                commands.push(Command::Layer(LayerCommand::Progress {
                    path: path.clone(),
                    progress: progress.snapshot(),
                }));
            }
        }
        if reading {
            // The bar moves while the readers work (they only wake us at the end).
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// `--startup-timing`: the first frame has been shown once the second
    /// begins; say when, and close.
    fn report_startup(&mut self, ctx: &egui::Context) {
        let Some(started) = self.timing_from else {
            return;
        };
        self.frames_shown += 1;
        if self.frames_shown == 2 {
            eprintln!(
                "first frame shown {:.1} ms after start",
                started.elapsed().as_secs_f64() * 1e3
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    /// The hidden measures, if asked for.
    fn measure(&mut self, ctx: &egui::Context) {
        self.report_startup(ctx);
        self.step_script(ctx);
    }

    /// `--corpus-timing`: records this frame's time on the UI thread while
    /// the library works; once it is done, prints the measures and closes.
    fn record_corpus_frame(&mut self, ctx: &egui::Context, frame: std::time::Duration) {
        let reading = self.is_reading();
        let Some(run) = &mut self.corpus_run else {
            return;
        };
        ctx.request_repaint();
        if run.first.is_none() {
            run.first = Some(frame);
            return;
        }
        if reading {
            run.frames.push(frame);
            run.slowest.push((frame, self.intake));
            if run.slowest.len() > 2 * SLOWEST_SHOWN {
                run.slowest.sort_by_key(|(f, _)| std::cmp::Reverse(*f));
                run.slowest.truncate(SLOWEST_SHOWN);
            }
            return;
        }
        if let Some(ready) = &run.ready {
            // The selection was applied after the last frame: this one is
            // the dossier's first paint; the next ones add to its figures
            // summary a slice at a time.
            run.dossier_frames.push(frame);
            if run.dossier_frames.len() < 3 {
                return;
            }
            let (name, mentions) = self
                .state
                .as_ref()
                .ok()
                .and_then(|s| {
                    let id = s.selected.as_ref()?;
                    Some((
                        s.atlas.get(id)?.name.clone(),
                        s.mention_counts().get(id).copied()?,
                    ))
                })
                .unwrap_or_default();
            println!(
                "{ready}; the largest dossier ({name}, {mentions} mentions): first paint {:.2} ms, next frames {:.2} and {:.2} ms",
                run.dossier_frames[0].as_secs_f64() * 1e3,
                run.dossier_frames[1].as_secs_f64() * 1e3,
                run.dossier_frames[2].as_secs_f64() * 1e3,
            );
            self.corpus_run = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        let t = crate::stats::Timings::of(std::mem::take(&mut run.frames), 1e3);
        run.slowest.sort_by_key(|(f, _)| std::cmp::Reverse(*f));
        run.slowest.truncate(SLOWEST_SHOWN);
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        let slowest: Vec<String> = run
            .slowest
            .iter()
            .map(|(f, i)| {
                format!(
                    "{:.2} ({:.2} before the intake, {:.2} for {} events)",
                    ms(*f),
                    ms(i.after),
                    ms(i.took),
                    i.events
                )
            })
            .collect();
        eprintln!("slowest frames while reading (ms): {}", slowest.join(", "));
        #[allow(clippy::cast_precision_loss, reason = "megabytes for display")]
        let peak_mb = crate::stats::peak_memory_bytes().map_or(0.0, |b| b as f64 / 1e6);
        #[allow(clippy::cast_precision_loss, reason = "megabytes for display")]
        let resident_mb = crate::stats::resident_memory_bytes().map_or(0.0, |b| b as f64 / 1e6);
        let (articles, badges) = self
            .state
            .as_ref()
            .map_or((0, 0), |s| (s.corpus.len(), s.mention_counts().len()));
        run.ready = Some(format!(
            "corpus ready: {articles} articles, {badges} features with badges, {:.0} ms after start; UI thread per frame while reading (ms), first frame {:.2}, then {} frames: p50 {:.2}  p99 {:.2}  max {:.2}; peak memory {peak_mb:.0} MB, resident when ready {resident_mb:.0} MB",
            run.started.elapsed().as_secs_f64() * 1e3,
            run.first.unwrap_or_default().as_secs_f64() * 1e3,
            t.count,
            t.p50,
            t.p99,
            t.max
        ));
        // Then the feature with the most mentions is selected: its dossier.
        let largest = self.state.as_ref().ok().and_then(|s| {
            s.mention_counts()
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.0.cmp(&a.0.0)))
                .map(|(id, _)| id.clone())
        });
        self.apply(Command::Select(largest));
    }

    /// `--scripted-frames`: once the files are open, one step of the frame
    /// bench's script per frame; the time between frames is recorded, and
    /// printed (stdout) when the script ends, then the window closes.
    fn step_script(&mut self, ctx: &egui::Context) {
        let importing = self.is_importing();
        let (Some(run), Ok(state)) = (&mut self.scripted, &mut self.state) else {
            return;
        };
        ctx.request_repaint();
        let Some(rect) = state.viewport.filter(|_| !importing) else {
            return;
        };
        let now = std::time::Instant::now();
        if run.done == 0 {
            state.camera.fit_inhabited_world(rect);
        } else if let Some(last) = run.last {
            run.intervals.push(now - last);
        }
        run.last = Some(now);
        if run.done == run.frames {
            let t = crate::stats::Timings::of(std::mem::take(&mut run.intervals), 1e3);
            #[allow(clippy::cast_precision_loss, reason = "megabytes for display")]
            let peak_mb = crate::stats::peak_memory_bytes().map_or(0.0, |b| b as f64 / 1e6);
            println!(
                "window frames (ms), {} scripted pan/zoom frames, {:.0}×{:.0}: p50 {:.2}  p95 {:.2}  p99 {:.2}  max {:.2}; peak memory {peak_mb:.0} MB",
                t.count,
                rect.width(),
                rect.height(),
                t.p50,
                t.p95,
                t.p99,
                t.max
            );
            self.scripted = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        frame_bench::step(state, run.done, run.frames, frame_bench::ZOOM_TARGET);
        run.done += 1;
    }

    /// Whether GeoJSON files are still being read (for tests and tools).
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.jobs.iter().any(|j| j.progress.is_some())
            || self
                .state
                .as_ref()
                .is_ok_and(|s| !s.requested_imports.is_empty() || !s.importing.is_empty())
    }

    /// The state, for tests and tools that drive the app.
    #[must_use]
    pub fn state(&self) -> Option<&AppState> {
        self.state.as_ref().ok()
    }
}

impl eframe::App for DispatchAtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let started = std::time::Instant::now();
        self.frame(ui);
        self.record_corpus_frame(ui.ctx(), started.elapsed());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(state) = &self.state {
            eframe::set_value(storage, CAMERA_KEY, &state.camera);
            eframe::set_value(storage, LAYERS_KEY, &state.layer_paths());
            eframe::set_value(storage, FEED_MINUTES_KEY, &state.web().refresh_minutes());
            eframe::set_value(storage, LAST_VISIT_KEY, &crate::corpus::store::now_s());
            eframe::set_value(storage, VIEW_KEY, state.view_settings());
        }
    }

    /// The window is closing: jobs queued are run and jobs under way
    /// awaited (an autosave must not be lost), 10 s at most in all.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        if let Ok(state) = &mut self.state {
            // A paste waiting to be read is of no use any more.
            for job in state.take_jobs() {
                if !matches!(job, crate::jobs::Job::ReadPasted { .. }) {
                    let _ = job.run();
                }
            }
        }
        for job in &self.jobs {
            let _ = job.wait(deadline.saturating_duration_since(std::time::Instant::now()));
        }
    }
}

impl DispatchAtlasApp {
    /// One frame: lay out and draw, then apply what the user and the workers did.
    fn frame(&mut self, ui: &mut Ui) {
        let frame_started = std::time::Instant::now();
        // This window's language on its thread (tests run windows in both
        // languages side by side; workers speak the process's).
        if let Ok(state) = &self.state {
            let language = state.view_settings().language();
            crate::i18n::set_thread_language(Some(language));
            if self.speaks_for_process {
                crate::i18n::set_language(language);
            }
        }
        self.measure(ui.ctx());
        let state = match &mut self.state {
            Ok(state) => state,
            Err(message) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading(tr!("app-cannot-start"));
                    ui.label(RichText::new(message.as_str()).monospace());
                });
                return;
            }
        };
        let mut commands = Vec::new();
        top_bar(ui, state, &mut commands);
        find_bar(
            ui,
            state,
            &mut self.find_buffer,
            &mut self.find_failed,
            &mut commands,
        );
        // Layers being read show their progress in the Layers panel instead.
        let running: Vec<&str> = self
            .jobs
            .iter()
            .filter(|j| j.progress.is_none())
            .map(|j| j.label.as_str())
            .collect();
        status_bar(ui, state, &running, &mut commands);
        let selected = state.selected.as_ref().and_then(|id| state.atlas.get(id));
        if let Some(feature) = selected {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(360.0)
                .min_size(240.0)
                .max_size(560.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        // A named region, so screen readers (and tests) can
                        // tell the panel's text from the rest of the window.
                        let region = egui::UiBuilder::new()
                            .accessibility_label(side_panel::accessible_name())
                            .accessibility_role(egui::accesskit::Role::Region);
                        ui.scope_builder(region, |ui| {
                            side_panel::show(ui, &state.atlas, feature, &mut commands);
                            annotation_editor::show(
                                ui,
                                state,
                                feature,
                                &mut self.annotation_draft,
                                &mut commands,
                            );
                            dossier_view::show(
                                ui,
                                state,
                                feature,
                                &mut self.dossier_cache,
                                &mut commands,
                            );
                        });
                    });
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.map.show(ui, state, &mut commands));
        dialogs::about(ui.ctx(), state.dialogs.about, &mut commands);
        dialogs::shortcuts(ui.ctx(), state.dialogs.shortcuts, &mut commands);
        article_window::show(ui.ctx(), state, &mut commands);
        self.search_window.show(ui.ctx(), state, &mut commands);
        self.web_windows.show(ui.ctx(), state, &mut commands);
        open_dialog::show(
            ui.ctx(),
            state.dialogs.open_articles,
            &mut self.open_articles,
            articles_dir().as_deref(),
            &mut commands,
        );
        dropped_files(ui.ctx(), &mut commands);
        layers_panel::show(ui.ctx(), state, &mut commands);
        self.file_dialog
            .show(ui.ctx(), state.dialogs.file, &mut commands);
        global_shortcuts(ui, state, &mut commands);
        if !commands.is_empty() {
            ui.ctx().request_repaint();
        }
        state.apply_all(commands);
        self.apply_library_events(ui.ctx(), frame_started);
        self.refresh_feeds_when_due(ui.ctx());
        self.read_requested_files();
        self.run_jobs(ui.ctx());
        let mut imported = Vec::new();
        self.import_layers(ui.ctx(), &mut imported);
        if let Ok(state) = &mut self.state {
            state.apply_all(imported);
        }
    }
}

/// The clipboard's content as a paste command, or why it cannot be read.
fn paste_from_clipboard() -> Command {
    match clipboard::read() {
        Ok((html, text)) => WebCommand::Paste { html, text }.into(),
        Err(why) => Command::Notify(why),
    }
}

/// Files dropped on the window: GeoJSON opens as layers, the rest as articles.
fn dropped_files(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    let (layers, articles): (Vec<PathBuf>, Vec<PathBuf>) = dropped
        .into_iter()
        .partition(|p| AppState::is_geojson_path(p));
    if !articles.is_empty() {
        commands.push(Command::OpenArticles(articles));
    }
    if !layers.is_empty() {
        commands.push(Command::Layer(LayerCommand::Import(layers)));
    }
}

/// Shortcuts that work anywhere in the window.
fn global_shortcuts(ui: &Ui, state: &AppState, commands: &mut Vec<Command>) {
    if ui.input_mut(|i| i.consume_shortcut(&OPEN)) {
        commands.push(Command::ShowOpenArticles(true));
    }
    if ui.input_mut(|i| i.consume_shortcut(&SEARCH)) {
        commands.push(Command::Search(SearchCommand::Show(true)));
    }
    if ui.input_mut(|i| i.consume_shortcut(&ADD_LINK)) {
        commands.push(WebCommand::ShowAddLink(true).into());
    }
    if ui.input_mut(|i| i.consume_shortcut(&PASTE_ARTICLE)) {
        commands.push(paste_from_clipboard());
    }
    for (shortcut, action) in [
        (EXPORT, FileAction::Export),
        (SAVE_AS, FileAction::SaveAnnotations),
    ] {
        if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
            commands.push(Command::ShowFileDialog(Some(action)));
        }
    }
    if ui.input_mut(|i| i.consume_shortcut(&DRAW_ZONE)) {
        commands.push(Command::Annotation(AnnotationCommand::StartZone));
    }
    // A text field being edited has its own undo.
    if !ui.ctx().egui_wants_keyboard_input() {
        // Redo first: Ctrl+Z alone would also match Ctrl+Shift+Z.
        if ui.input_mut(|i| i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_ALT)) {
            commands.push(Command::Annotation(AnnotationCommand::Redo));
        } else if ui.input_mut(|i| i.consume_shortcut(&UNDO)) {
            commands.push(Command::Annotation(AnnotationCommand::Undo));
        }
    }
    if ui.input_mut(|i| i.consume_shortcut(&HELP)) {
        commands.push(Command::ShowShortcuts(!state.dialogs.shortcuts));
    }
    if ui.input_mut(|i| i.consume_shortcut(&QUIT)) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// "Find place": a name (or other name) selects the feature and frames it.
fn find_bar(
    ui: &mut Ui,
    state: &AppState,
    buffer: &mut String,
    failed: &mut bool,
    commands: &mut Vec<Command>,
) {
    egui::Panel::top("find").show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(tr!("find-label"));
            let edit = ui
                .add(
                    egui::TextEdit::singleline(buffer)
                        .hint_text(tr!("find-hint"))
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if ui.input_mut(|i| i.consume_shortcut(&FIND)) {
                edit.request_focus();
            }
            let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (submitted || ui.button(tr!("find-go")).clicked()) && !buffer.trim().is_empty() {
                match state.atlas.find_by_name(buffer) {
                    Some(feature) => {
                        *failed = false;
                        commands.push(Command::Select(Some(feature.id.clone())));
                        commands.push(Command::ZoomTo(feature.id.clone()));
                    }
                    None => *failed = true,
                }
            }
            if *failed {
                ui.label(
                    RichText::new(tr!("find-none", name = buffer.trim()))
                        .color(ui.visuals().warn_fg_color),
                );
            }
        });
    });
}

fn zoom_centre(factor: f64) -> Command {
    Command::Zoom {
        factor,
        anchor_dx: 0.0,
        anchor_dy: 0.0,
    }
}

fn file_menu(ui: &mut Ui, commands: &mut Vec<Command>) {
    if ui
        .add(
            egui::Button::new(tr!("menu-open-articles"))
                .shortcut_text(ui.ctx().format_shortcut(&OPEN)),
        )
        .clicked()
    {
        commands.push(Command::ShowOpenArticles(true));
    }
    if ui.button(tr!("menu-open-layer")).clicked() {
        commands.push(Command::ShowFileDialog(Some(FileAction::ImportLayer)));
    }
    ui.separator();
    let file_actions = [
        (
            tr!("menu-open-annotations"),
            FileAction::OpenAnnotations,
            None,
        ),
        (
            tr!("menu-save-annotations"),
            FileAction::SaveAnnotations,
            Some(&SAVE_AS),
        ),
        (
            tr!("menu-export-geojson"),
            FileAction::Export,
            Some(&EXPORT),
        ),
        (tr!("menu-export-image"), FileAction::ExportImage, None),
    ];
    for (label, action, shortcut) in file_actions {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = shortcut {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui.add(button).clicked() {
            commands.push(Command::ShowFileDialog(Some(action)));
        }
    }
    ui.separator();
    if ui
        .add(egui::Button::new(tr!("menu-quit")).shortcut_text(ui.ctx().format_shortcut(&QUIT)))
        .clicked()
    {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

fn edit_menu(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let undo = state.undo_label().map(|w| tr!("menu-undo-what", what = w));
    let button = egui::Button::new(undo.unwrap_or_else(|| tr!("menu-undo")))
        .shortcut_text(ui.ctx().format_shortcut(&UNDO));
    if ui
        .add_enabled(state.undo_label().is_some(), button)
        .clicked()
    {
        commands.push(Command::Annotation(AnnotationCommand::Undo));
    }
    let redo = state.redo_label().map(|w| tr!("menu-redo-what", what = w));
    let button = egui::Button::new(redo.unwrap_or_else(|| tr!("menu-redo")))
        .shortcut_text(ui.ctx().format_shortcut(&REDO));
    if ui
        .add_enabled(state.redo_label().is_some(), button)
        .clicked()
    {
        commands.push(Command::Annotation(AnnotationCommand::Redo));
    }
    if ui
        .add_enabled(
            state.can_undo_removal(),
            egui::Button::new(tr!("menu-undo-remove")),
        )
        .clicked()
    {
        commands.push(Command::UndoRemoveArticle);
    }
    if ui
        .add_enabled(
            state.can_undo_correction(),
            egui::Button::new(tr!("menu-undo-correction")),
        )
        .clicked()
    {
        commands.push(crate::state::corrections::CorrectionCommand::Undo.into());
    }
    ui.separator();
    let draw = egui::Button::new(tr!("menu-draw-zone"))
        .shortcut_text(ui.ctx().format_shortcut(&DRAW_ZONE));
    if ui.add(draw).clicked() {
        commands.push(Command::Annotation(AnnotationCommand::StartZone));
    }
    ui.label(RichText::new(tr!("menu-right-click-hint")).weak());
}

fn top_bar(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr!("menu-file"), |ui| file_menu(ui, commands));
            ui.menu_button(tr!("menu-edit"), |ui| edit_menu(ui, state, commands));
            ui.menu_button(tr!("menu-view"), |ui| {
                if ui.button(tr!("menu-layers")).clicked() {
                    commands.push(Command::Layer(LayerCommand::ShowPanel(true)));
                }
                if ui
                    .add(egui::Button::new(tr!("menu-fit")).shortcut_text("Home"))
                    .clicked()
                {
                    commands.push(Command::FitFocus);
                }
                if ui
                    .add(egui::Button::new(tr!("menu-zoom-in")).shortcut_text("+"))
                    .clicked()
                {
                    commands.push(zoom_centre(KEY_ZOOM_FACTOR));
                }
                if ui
                    .add(egui::Button::new(tr!("menu-zoom-out")).shortcut_text("-"))
                    .clicked()
                {
                    commands.push(zoom_centre(1.0 / KEY_ZOOM_FACTOR));
                }
                view_layers_and_language(ui, state, commands);
            });
            ui.menu_button(tr!("menu-articles"), |ui| {
                articles_menu(ui, state, commands);
            });
            ui.menu_button(tr!("menu-help"), |ui| {
                if ui
                    .add(egui::Button::new(tr!("shortcuts-title")).shortcut_text("F1"))
                    .clicked()
                {
                    commands.push(Command::ShowShortcuts(true));
                }
                if ui.button(tr!("about-title")).clicked() {
                    commands.push(Command::ShowAbout(true));
                }
            });
            ui.separator();
            if ui
                .button(tr!("menu-fit-sahel"))
                .on_hover_text(tr!("menu-fit-sahel-hint"))
                .clicked()
            {
                commands.push(Command::FitFocus);
            }
        });
    });
}

/// View's toggles of the reference layers and its language menu.
fn view_layers_and_language(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.separator();
    for (layer, name) in [
        (ReferenceLayer::Towns, tr!("view-towns")),
        (ReferenceLayer::Water, tr!("view-water")),
        (ReferenceLayer::Seas, tr!("view-seas")),
        (ReferenceLayer::Physical, tr!("view-physical")),
    ] {
        let mut shown = state.view_settings().shows(layer);
        if ui.checkbox(&mut shown, name).changed() {
            commands.push(ViewCommand::ShowReference(layer, shown).into());
        }
    }
    ui.separator();
    ui.menu_button(tr!("view-language"), |ui| {
        for language in crate::i18n::Language::ALL {
            let chosen = state.view_settings().language() == language;
            if ui.radio(chosen, language.endonym()).clicked() && !chosen {
                commands.push(ViewCommand::SetLanguage(language).into());
            }
        }
    });
}

/// Articles: search, open, links, paste, feeds, and the latest read.
fn articles_menu(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    if ui
        .add(egui::Button::new(tr!("menu-search")).shortcut_text("Ctrl+K"))
        .clicked()
    {
        commands.push(Command::Search(SearchCommand::Show(true)));
    }
    if ui
        .add(egui::Button::new(tr!("menu-open-articles")).shortcut_text("Ctrl+O"))
        .clicked()
    {
        commands.push(Command::ShowOpenArticles(true));
    }
    if ui
        .add(egui::Button::new(tr!("menu-add-link")).shortcut_text("Ctrl+L"))
        .clicked()
    {
        commands.push(WebCommand::ShowAddLink(true).into());
    }
    if ui
        .add(egui::Button::new(tr!("menu-paste")).shortcut_text("Ctrl+Shift+V"))
        .clicked()
    {
        commands.push(paste_from_clipboard());
    }
    if ui.button(tr!("menu-feeds")).clicked() {
        commands.push(WebCommand::ShowFeeds(true).into());
    }
    if let Some(filter) = state.search().filter()
        && ui
            .button(tr!("menu-show-all", query = filter.query.as_str()))
            .clicked()
    {
        commands.push(Command::Search(SearchCommand::ClearFilter));
    }
    ui.separator();
    // The most recent only: a corpus of thousands is searched, not listed.
    let count = state.corpus.len();
    ui.label(RichText::new(tr!("menu-latest", count = count)).weak());
    for a in state.corpus.articles().iter().rev().take(RECENT_IN_MENU) {
        let label = tr!(
            "menu-article-entry",
            title = a.article.title.as_str(),
            places = a.places.len(),
            figures = a.figures.len()
        );
        if ui.button(label).clicked() {
            commands.push(Command::ShowArticle(Some(a.article.id.clone())));
        }
    }
}

fn status_bar(ui: &mut Ui, state: &AppState, running: &[&str], commands: &mut Vec<Command>) {
    egui::Panel::bottom("status").show(ui, |ui| {
        if !state.messages.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for message in &state.messages {
                    ui.label(RichText::new(message).color(ui.visuals().warn_fg_color));
                }
                if ui.small_button(tr!("status-dismiss")).clicked() {
                    commands.push(Command::DismissMessages);
                }
            });
            ui.separator();
        }
        ui.horizontal(|ui| {
            for label in running {
                ui.spinner();
                ui.label(*label);
                ui.separator();
            }
            if let Some(path) = state.importing.first() {
                layers_panel::import_progress(ui, path, state.import_progress.get(path), 160.0);
                ui.separator();
            }
            if let Some(p) = &state.progress {
                ui.spinner();
                ui.label(tr!(
                    "status-reading",
                    done = p.done,
                    total = p.total,
                    current = p.current.as_str()
                ));
                if ui
                    .small_button(tr!("cancel"))
                    .on_hover_text(tr!("status-cancel-reading-hint"))
                    .clicked()
                {
                    commands.push(Command::CancelReading);
                }
                ui.separator();
            } else {
                ui.label(tr!("articles-count", count = state.corpus.len()));
                ui.separator();
            }
            let cursor = ui.ctx().pointer_hover_pos().map(screen_point);
            match (state.projector(), cursor) {
                (Some(projector), Some(p)) if projector.rect().contains(p) => {
                    let world = projector.world_from_screen(p);
                    if (0.0..=1.0).contains(&world.x) && (0.0..=1.0).contains(&world.y) {
                        ui.label(RichText::new(world.to_lonlat().display()).monospace());
                    } else {
                        // Zoomed out past the world's edge: no longitude 298° W.
                        ui.label(RichText::new(tr!("status-outside")).weak());
                    }
                }
                _ => {
                    ui.label(RichText::new(tr!("status-pointer-hint")).weak());
                }
            }
            if let Some(projector) = state.projector() {
                ui.separator();
                ui.label(tr!(
                    "status-km-per-pixel",
                    km = crate::i18n::decimal(projector.metres_per_pixel() / 1000.0, 2)
                ));
            }
            if let Some(feature) = state.hovered.as_ref().and_then(|id| state.atlas.get(id)) {
                ui.separator();
                ui.label(format!(
                    "{} · {}",
                    feature.name_in(crate::i18n::current()),
                    feature.kind.label()
                ));
            }
            if let Some(status) = &state.status {
                ui.separator();
                ui.label(status.as_str());
            }
        });
    });
}
