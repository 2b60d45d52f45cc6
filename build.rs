//! Sets `DISPATCH_ANALYSER_VERSION`: a hash of every file the article
//! analysis depends on (geoparser, figures, sentences, name folding, the
//! gazetteer). The corpus store keeps the version with each analysis and
//! redoes analyses of another version, so a change to any of these files
//! cannot leave stale results behind, and no one has to remember to bump it.

use std::path::{Path, PathBuf};

const INPUTS: [&str; 11] = [
    "src/geoparse",
    "src/figures",
    "src/text",
    "src/dossier/analysis.rs",
    "src/focus.rs",
    "src/articles",
    "crates/names/src",
    "data/gazetteer.tsv.gz",
    "data/gazetteer-names.fst.gz",
    "data/common-words.txt",
    "data/given-names.txt",
];

fn files_under(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            files_under(&entry.path(), out);
        }
    } else if path.is_file() {
        out.push(path.to_owned());
    }
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike std's hasher.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        files_under(Path::new(input), &mut files);
    }
    files.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for file in &files {
        fnv(&mut hash, file.to_string_lossy().as_bytes());
        fnv(&mut hash, &std::fs::read(file).unwrap_or_default());
    }
    println!("cargo:rustc-env=DISPATCH_ANALYSER_VERSION={hash:016x}");
}
