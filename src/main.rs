//! Entry point: parse the command line, then run the window or a headless command.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::atlas::summary::{PlaceSummary, summarize};
use dispatch_atlas::cli::{Cli, CliCommand};
use dispatch_atlas::commands::workspace::Inputs;

fn print_places(json: bool) -> Result<()> {
    let atlas = Atlas::load_embedded().context("loading the embedded atlas")?;
    let places = summarize(&atlas);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &places)?;
        writeln!(out)?;
        return Ok(());
    }
    for place in places {
        match place {
            PlaceSummary::Point {
                name,
                kind,
                country,
                lon,
                lat,
            } => {
                writeln!(
                    out,
                    "{:<9} {:<34} {:<3} {lat:.5} N {lon:.5} E",
                    kind.as_str(),
                    name,
                    country.unwrap_or_default()
                )?;
            }
            PlaceSummary::Area {
                name,
                kind,
                country,
                bbox,
            } => {
                let [w, s, e, n] = bbox;
                writeln!(
                    out,
                    "{:<9} {:<34} {:<3} bbox W {w:.3} S {s:.3} E {e:.3} N {n:.3}",
                    kind.as_str(),
                    name,
                    country.unwrap_or_default()
                )?;
            }
        }
    }
    Ok(())
}

fn render(
    output: &std::path::Path,
    bbox: Option<&str>,
    size: &str,
    language: &str,
    inputs: Inputs<'_>,
) -> anyhow::Result<()> {
    use dispatch_atlas::commands::render::{RenderRequest, parse_bbox, parse_size, run};
    run(&RenderRequest {
        inputs,
        bbox: bbox.map(parse_bbox).transpose()?,
        size: parse_size(size)?,
        out: output,
        language: dispatch_atlas::i18n::Language::from_locale(language),
    })
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let result = match cli.command {
        None => dispatch_atlas::ui::run(
            cli.files,
            dispatch_atlas::ui::Measure {
                startup_from: cli.startup_timing.then_some(started),
                scripted_frames: cli.scripted_frames,
                gpu: !cli.no_gpu,
                corpus_from: cli.corpus_timing.then_some(started),
            },
        ),
        Some(CliCommand::Places { json }) => print_places(json),
        Some(CliCommand::Read { json: _, inputs }) => dispatch_atlas::commands::read::run(&inputs),
        Some(CliCommand::Feeds { command, db }) => {
            dispatch_atlas::commands::feeds::run(db.as_deref(), command)
        }
        Some(CliCommand::Geoparse {
            json: _,
            timing,
            files,
        }) => dispatch_atlas::commands::geoparse::run(&files, timing),
        Some(CliCommand::Dossier {
            name,
            json,
            mut articles,
            articles_dir,
            db,
        }) => {
            if let Some(dir) = articles_dir {
                articles.extend(dispatch_atlas::library::article_files_in(&dir));
            }
            dispatch_atlas::commands::dossier::run(&name, json, &articles, db.as_deref())
        }
        Some(CliCommand::Corpus { command, db }) => {
            use dispatch_atlas::cli::CorpusCommand;
            use dispatch_atlas::commands::corpus;
            let db = db.as_deref();
            match command {
                CorpusCommand::Add { inputs } => corpus::add(db, &inputs),
                CorpusCommand::List { json } => corpus::list(db, json),
                CorpusCommand::Search { query, json, limit } => {
                    corpus::search(db, &query, limit, json)
                }
                CorpusCommand::Remove { ids } => corpus::remove(db, &ids),
            }
        }
        Some(CliCommand::Export {
            inputs,
            precision,
            only_annotated,
            output,
        }) => dispatch_atlas::commands::export::run(
            &dispatch_atlas::commands::export::ExportRequest {
                inputs: inputs.inputs(),
                precision,
                only_annotated,
                out: &output,
            },
        ),
        Some(CliCommand::Stats {
            json,
            picks,
            frames,
            no_gpu,
            zoom_to,
            files,
        }) => {
            dispatch_atlas::commands::stats::run(&dispatch_atlas::commands::stats::StatsRequest {
                files: &files,
                json,
                picks,
                frames,
                gpu: !no_gpu,
                zoom_to: &zoom_to,
                map: &dispatch_atlas::ui::frame_bench::UiMeasures,
            })
        }
        Some(CliCommand::Render {
            output,
            bbox,
            size,
            language,
            inputs,
        }) => render(&output, bbox.as_deref(), &size, &language, inputs.inputs()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dispatch-atlas: {err:#}");
            ExitCode::FAILURE
        }
    }
}
