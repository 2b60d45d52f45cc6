//! The command line, run as a user would run it.

mod common;

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    // A data folder of its own: the user's corpus store is never read.
    let data = std::env::temp_dir().join(format!("dispatch-atlas-cli-data-{}", std::process::id()));
    common::cli::run_with_data(&data, args)
}

/// A scratch folder for one test, removed when the test ends.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("dispatch-atlas-cli-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        Self(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn places_json_has_the_required_features() {
    let (ok, stdout, _) = run(&["places", "--json"]);
    assert!(ok);
    let places: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
    let find = |name: &str| {
        places
            .as_array()
            .and_then(|a| a.iter().find(|p| p["name"] == name).cloned())
            .unwrap_or_default()
    };
    assert_eq!(find("Ménaka")["kind"], "city");
    assert!((find("Ménaka")["lat"].as_f64().unwrap_or_default() - 15.92).abs() < 0.01);
    assert_eq!(find("Three-borders zone")["kind"], "zone");
    assert_eq!(find("Niger")["bbox"].as_array().map(Vec::len), Some(4));
}

#[test]
fn geoparse_prints_one_json_line_per_file_with_char_offsets() {
    let text = "À Ménaka, 43 soldats. Gao is in Mali.";
    let scratch = Scratch::new("geoparse");
    let a = scratch.file("a.txt", text.as_bytes());
    let b = scratch.file("b.txt", b"Nothing here.");
    let (ok, stdout, _) = run(&[
        "geoparse",
        "--json",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
    ]);
    assert!(ok);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    assert_eq!(lines.len(), 2);
    let places = lines[0]["places"].as_array().cloned().unwrap_or_default();
    for p in &places {
        let (s, e) = (
            p["start"].as_u64().unwrap_or(0) as usize,
            p["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            text.chars().skip(s).take(e - s).collect::<String>(),
            p["surface"].as_str().unwrap_or_default()
        );
    }
    let names: Vec<&str> = places.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Ménaka", "Gao", "Mali"]);
    assert_eq!(lines[0]["figures"][0]["value"], 43.0);
    assert_eq!(lines[0]["figures"][0]["unit"], "soldats");
}

#[test]
fn geoparse_timing_goes_to_stderr_and_leaves_the_json_alone() {
    let text = "À Ménaka, 43 soldats. Gao is in Mali.";
    let scratch = Scratch::new("geoparse-timing");
    let a = scratch.file("a.txt", text.as_bytes());
    let path = a.to_str().unwrap_or_default();
    let (ok, plain, _) = run(&["geoparse", "--json", path]);
    let (timed_ok, timed, stderr) = run(&["geoparse", "--json", "--timing", path]);
    assert!(ok && timed_ok);
    assert_eq!(plain, timed, "the JSON is the same with --timing");
    let bytes = text.len().to_string();
    assert!(
        stderr.starts_with(&format!("analysed {bytes} bytes in ")) && stderr.contains(" MB/s"),
        "{stderr}"
    );
}

#[test]
fn bad_files_get_a_message_and_the_good_ones_still_print() {
    let scratch = Scratch::new("bad-files");
    let good = scratch.file("good.txt", b"Gao");
    let binary = scratch.file("x.bin", b"\x89PNG\0\0\0\0");
    let latin1 = scratch.file("latin1.txt", b"M\xe9naka et Gao");
    let missing = "/nonexistent/dispatch-atlas/article.txt";
    let (ok, stdout, stderr) = run(&[
        "geoparse",
        "--json",
        good.to_str().unwrap_or_default(),
        binary.to_str().unwrap_or_default(),
        latin1.to_str().unwrap_or_default(),
        missing,
    ]);
    assert!(!ok, "a failed file makes the exit status non-zero");
    assert_eq!(
        stdout.lines().count(),
        2,
        "the good and the decodable files are printed: {stdout}"
    );
    assert!(stderr.contains("looks like a binary file"), "{stderr}");
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("cannot read"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn dossier_menaka_json_lists_the_seed_sentences() {
    let (ok, stdout, _) = run(&["dossier", "Ménaka", "--json"]);
    assert!(ok);
    let d: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
    assert_eq!(d["name"], "Ménaka");
    assert_eq!(d["articles"].as_array().map(Vec::len), Some(2));
    assert!(
        d["articles"][0]["excerpts"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains("Ménaka region")
    );
}

#[test]
fn dossier_of_an_unknown_name_says_so() {
    let (ok, _, stderr) = run(&["dossier", "Atlantis"]);
    assert!(!ok);
    assert!(
        stderr.contains("no feature of the atlas is called \"Atlantis\""),
        "{stderr}"
    );
}

const NOTES: &str = r##"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "geonames:2453514", "geometry": null,
   "properties": {"note": "Legionnaire killed nearby", "tags": ["casualties"], "colour": "#aa0000",
                  "source_ref": {"desk": "Africa", "n": 3}}},
  {"type": "Feature", "id": "user:marker:1", "geometry": {"type": "Point", "coordinates": [0.5, 14.8]},
   "properties": {"kind": "marker", "name": "Checkpoint"}}
]}"##;

#[test]
fn export_then_reimport_gives_the_same_file() {
    let scratch = Scratch::new("export");
    let notes = scratch.file("notes.geojson", NOTES.as_bytes());
    let first = scratch.0.join("first.geojson");
    let second = scratch.0.join("second.geojson");
    let export = |annotations: &std::path::Path, out: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_dispatch-atlas"))
            .env("SOURCE_DATE_EPOCH", "1600000000")
            .env("XDG_DATA_HOME", scratch.0.join("data"))
            .args(["export", "--only-annotated", "--annotations"])
            .arg(annotations)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let out = export(&notes, &first);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&first).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(value["type"], "FeatureCollection");
    assert_eq!(value["features"].as_array().map(Vec::len), Some(2));
    let menaka = &value["features"][0];
    assert_eq!(menaka["properties"]["note"], "Legionnaire killed nearby");
    assert_eq!(
        menaka["properties"]["source_ref"]["desk"], "Africa",
        "unknown properties survive"
    );
    assert_eq!(
        menaka["properties"]["provenance"]["exported"],
        "2020-09-13T12:26:40Z"
    );
    assert!(
        menaka["properties"]["excerpts"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
    );
    // The export, read back as annotations, exports to the same bytes.
    let out = export(&first, &second);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap_or_default(), text);
}

#[test]
fn export_precision_and_errors() {
    let scratch = Scratch::new("export-errors");
    let out = scratch.0.join("all.geojson");
    let (ok, _, stderr) = run(&[
        "export",
        "--precision",
        "2",
        "-o",
        out.to_str().unwrap_or(""),
    ]);
    assert!(ok, "{stderr}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_default())
            .unwrap_or_default();
    let features = value["features"].as_array().cloned().unwrap_or_default();
    assert!(features.len() > 300);
    let gao = features.iter().find(|f| f["id"] == "geonames:2457163");
    assert_eq!(
        gao.map(|g| g["geometry"]["coordinates"].clone()),
        Some(serde_json::json!([-0.04, 16.27]))
    );

    let bad = scratch.file(
        "bad.geojson",
        b"{\"type\": \"FeatureCollection\",\n \"features\": [}",
    );
    let (ok, _, stderr) = run(&[
        "export",
        "--annotations",
        bad.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("bad.geojson") && stderr.contains("line 2, column"),
        "{stderr}"
    );
    let (ok, _, stderr) = run(&["export", "--precision", "40", "-o", "x.geojson"]);
    assert!(!ok && stderr.contains("40"), "{stderr}");
}

#[test]
fn render_writes_png_and_svg_and_explains_bad_requests() {
    let scratch = Scratch::new("render");
    let png = scratch.0.join("map.png");
    let (ok, _, stderr) = run(&[
        "render",
        "-o",
        png.to_str().unwrap_or(""),
        "--size",
        "640x400",
    ]);
    assert!(ok, "{stderr}");
    let bytes = std::fs::read(&png).unwrap_or_default();
    assert_eq!(bytes.get(1..4), Some(&b"PNG"[..]));
    let svg = scratch.0.join("zoomed.svg");
    let (ok, _, stderr) = run(&[
        "render",
        "-o",
        svg.to_str().unwrap_or(""),
        "--bbox",
        "-1,14,4,17",
        "--size",
        "800x600",
    ]);
    assert!(ok, "{stderr}");
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    assert!(
        text.contains("Ménaka") && text.contains("Gao"),
        "zoomed on the two towns"
    );
    // In French: the legend and the names in French.
    let french = scratch.0.join("fr.svg");
    let (ok, _, stderr) = run(&[
        "render",
        "-o",
        french.to_str().unwrap_or(""),
        "--bbox",
        "-8,10,6,20",
        "--language",
        "fr",
    ]);
    assert!(ok, "{stderr}");
    let text = std::fs::read_to_string(&french).unwrap_or_default();
    assert!(text.contains(">Légende</text>"), "a French legend");
    assert!(text.contains("Tombouctou"), "Timbuktu's French name");
    for (args, expected) in [
        (vec!["render", "-o", "x.gif"], ".png or .svg"),
        (
            vec!["render", "-o", "x.svg", "--language", "de"],
            "possible values: en, fr",
        ),
        (
            vec!["render", "-o", "x.png", "--bbox", "5,10,1,12"],
            "west < east",
        ),
        (vec!["render", "-o", "x.png", "--bbox", "1,2,3"], "found 3"),
        (
            vec!["render", "-o", "x.png", "--size", "big"],
            "WIDTHxHEIGHT",
        ),
        (
            vec!["render", "-o", "x.png", "--size", "99999x10"],
            "1 to 8192",
        ),
    ] {
        let (ok, _, stderr) = run(&args);
        assert!(!ok && stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn export_includes_layers_with_their_own_properties() {
    let scratch = Scratch::new("export-layer");
    let layer = scratch.file(
        "sectors.geojson",
        br#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "s1", "properties": {"name": "Sector A", "unit": "GTD"},
           "geometry": {"type": "Polygon", "coordinates": [[[1, 15], [2, 15], [2, 16], [1, 16], [1, 15]]]}}]}"#,
    );
    let out = scratch.0.join("out.geojson");
    let (ok, _, stderr) = run(&[
        "export",
        "--layer",
        layer.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
    ]);
    assert!(ok, "{stderr}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_default())
            .unwrap_or_default();
    let sector = value["features"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["properties"]["name"] == "Sector A");
    assert_eq!(
        sector.map(|s| s["properties"]["unit"].clone()),
        Some(serde_json::json!("GTD"))
    );
}

#[test]
fn stats_reports_counts_and_stage_times() {
    let (ok, stdout, stderr) = run(&[
        "stats",
        "--json",
        "--picks",
        "500",
        "--frames",
        "6",
        "data/regions.geojson",
    ]);
    assert!(ok, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
    let file = &value["files"][0];
    assert_eq!(file["features"], 62);
    assert!(file["vertices"].as_u64().is_some_and(|v| v > 1000));
    assert!(file["triangles"].as_u64().is_some_and(|t| t > 1000));
    assert_eq!(
        file["coordinate_bytes"],
        file["vertices"].as_u64().unwrap_or(0) * 16
    );
    for stage in ["read_ms", "prepare_ms", "index_ms", "total_ms"] {
        assert!(file[stage].as_f64().is_some(), "{stage}");
    }
    assert_eq!(value["picks_us"]["count"], 500);
    assert!(
        value["picks_found"].as_u64().is_some_and(|n| n > 0),
        "regions of the Sahel under some cursors"
    );
    assert_eq!(value["frames_ms"]["count"], 6);
    assert!(
        value["frames_ms"]["p99"]
            .as_f64()
            .is_some_and(|ms| ms > 0.0)
    );
    assert!(value["peak_memory_bytes"].as_u64().is_some_and(|b| b > 0));
    let (ok, _, stderr) = run(&["stats", "missing.geojson"]);
    assert!(
        !ok && stderr.contains("missing.geojson: cannot read"),
        "{stderr}"
    );
}

/// `corpus add|list|search|remove` and `dossier --db`: the same store file
/// seen by each command, as the window sees it.
mod corpus {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use super::run;

    struct Scratch(PathBuf);

    impl Scratch {
        fn new(test: &str) -> Self {
            let dir = std::env::temp_dir().join(format!(
                "dispatch-atlas-corpus-{}-{test}",
                std::process::id()
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("articles")).unwrap_or_else(|e| panic!("{e}"));
            Self(dir)
        }

        fn article(&self, name: &str, text: &str) -> PathBuf {
            let path = self.0.join("articles").join(name);
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
            path
        }

        fn db(&self) -> String {
            self.0.join("corpus.sqlite").display().to_string()
        }

        fn dir(&self) -> String {
            self.0.join("articles").display().to_string()
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn list(db: &str) -> Vec<serde_json::Value> {
        let (ok, stdout, stderr) = run(&["corpus", "--db", db, "list", "--json"]);
        assert!(ok, "{stderr}");
        serde_json::from_str::<Vec<serde_json::Value>>(&stdout)
            .unwrap_or_else(|e| panic!("{e}: {stdout}"))
    }

    #[test]
    fn add_list_search_remove_and_add_again() {
        let s = Scratch::new("cycle");
        s.article(
            "rfi.txt",
            "title: Attaque près de Ménaka\noutlet: RFI\ndate: 2024-03-02\n\nPlus de 20 soldats ont été tués près de Ménaka, au Mali.",
        );
        s.article(
            "wire.txt",
            "title: Convoy reaches Gao\noutlet: Wire\n\nA convoy of 40 trucks reached Gao on Friday.",
        );
        let (ok, _, stderr) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(ok, "{stderr}");
        assert!(stderr.contains("2 of 2 file(s)"), "{stderr}");
        let rows = list(&s.db());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["outlet"], "RFI");

        // Case and accents do not matter; the sentence comes with its source.
        let (ok, stdout, _) = run(&["corpus", "--db", &s.db(), "search", "MENAKA tues", "--json"]);
        assert!(ok);
        let hit: serde_json::Value =
            serde_json::from_str(stdout.lines().next().unwrap_or("")).unwrap_or_default();
        assert_eq!(
            hit["text"],
            "Plus de 20 soldats ont été tués près de Ménaka, au Mali."
        );
        assert_eq!(hit["outlet"], "RFI");
        assert_eq!(hit["date"], "2024-03-02");

        // The same file again is the same article.
        let (ok, _, _) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(ok);
        assert_eq!(list(&s.db()).len(), 2);

        let (ok, _, stderr) = run(&["corpus", "--db", &s.db(), "remove", "rfi.txt"]);
        assert!(ok, "{stderr}");
        assert_eq!(list(&s.db()).len(), 1);
        let (_, stdout, _) = run(&["corpus", "--db", &s.db(), "search", "menaka"]);
        assert!(
            stdout.is_empty(),
            "removed articles are not found: {stdout}"
        );
        let (ok, _, stderr) = run(&["corpus", "--db", &s.db(), "remove", "nothing.txt"]);
        assert!(
            !ok && stderr.contains("no article \"nothing.txt\""),
            "{stderr}"
        );

        // Adding it explicitly brings it back.
        let (ok, _, _) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(ok);
        assert_eq!(list(&s.db()).len(), 2);
    }

    #[test]
    fn export_includes_the_stored_articles() {
        let s = Scratch::new("export-store");
        s.article(
            "kidal.txt",
            "title: Kidal\noutlet: Wire\n\nFighting was reported near Kidal, where 12 soldiers were wounded.",
        );
        let (ok, _, stderr) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(ok, "{stderr}");
        let out = s.0.join("out.geojson");
        let (ok, _, stderr) = run(&["export", "--db", &s.db(), "-o", &out.display().to_string()]);
        assert!(ok, "{stderr}");
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        assert!(
            text.contains("Fighting was reported near Kidal"),
            "the stored article's excerpt is exported"
        );
    }

    #[test]
    fn the_dossier_reads_the_store() {
        let s = Scratch::new("dossier");
        s.article(
            "kidal.txt",
            "title: Kidal\noutlet: Wire\n\nFighting was reported near Kidal, where 12 soldiers were wounded.",
        );
        let (ok, _, stderr) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(ok, "{stderr}");
        let (ok, stdout, stderr) = run(&["dossier", "Mali", "--db", &s.db(), "--json"]);
        assert!(ok, "{stderr}");
        let d: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
        let titles: Vec<&str> = d["articles"]
            .as_array()
            .map(|a| a.iter().filter_map(|a| a["title"].as_str()).collect())
            .unwrap_or_default();
        assert!(titles.contains(&"Kidal"), "{titles:?}");
        assert!(titles.len() >= 2, "the embedded reports too: {titles:?}");

        // Without a store, the same articles from a folder.
        let (ok, stdout, _) = run(&[
            "dossier",
            "Mali",
            "--db",
            &Scratch::new("none").db(),
            "--articles",
            &s.dir(),
            "--json",
        ]);
        assert!(ok);
        assert!(stdout.contains("\"Kidal\""));
    }

    #[test]
    fn bad_input_is_said_and_the_rest_is_stored() {
        let s = Scratch::new("bad");
        s.article("good.txt", "Soldiers arrived in Timbuktu.");
        std::fs::write(s.0.join("articles").join("binary.txt"), b"\0\0\0ELF")
            .unwrap_or_else(|e| panic!("{e}"));
        let (ok, _, stderr) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(!ok, "a failure is an error status");
        assert!(
            stderr.contains("binary.txt") && stderr.contains("binary"),
            "{stderr}"
        );
        assert_eq!(list(&s.db()).len(), 1, "the good file is stored");

        // A file that is not a database is refused by name, and left alone.
        let junk = s.0.join("junk.sqlite");
        std::fs::write(&junk, "not a database at all, just text".repeat(200))
            .unwrap_or_else(|e| panic!("{e}"));
        let (ok, _, stderr) = run(&["corpus", "--db", &junk.display().to_string(), "list"]);
        assert!(!ok);
        assert!(
            stderr.contains("junk.sqlite") && stderr.contains("damaged"),
            "{stderr}"
        );
        assert!(Path::new(&junk).exists());
    }

    #[test]
    fn killing_an_import_loses_at_most_the_articles_in_flight() {
        let s = Scratch::new("kill");
        for i in 0..600 {
            s.article(
                &format!("a{i:04}.txt"),
                &format!(
                    "title: Report {i}\n\nFighting was reported near Gao and Kidal; {i} soldiers were deployed to Ménaka. {}",
                    "The convoy reached Ansongo on Friday. ".repeat(40)
                ),
            );
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_dispatch-atlas"))
            .args(["corpus", "add", "--db", &s.db(), &s.dir()])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        // Kill it once some articles are stored, before it is done.
        let deadline = std::time::Instant::now() + std::time::Duration::from_mins(2);
        loop {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let stored = dispatch_atlas::corpus::store::Store::open(Path::new(&s.db()))
                .and_then(|store| store.count())
                .unwrap_or(0);
            if stored > 0 || std::time::Instant::now() > deadline {
                break;
            }
        }
        let _ = child.kill(); // SIGKILL: no clean-up in the process
        let _ = child.wait();
        let before = list(&s.db()).len();
        assert!(before > 0, "some articles were stored before the kill");
        assert!(before < 600, "the import was killed before its end");
        // The store opens, and what was stored is whole: every listed article is
        // searchable, and adding the folder again completes it.
        let (ok, stdout, _) = run(&[
            "corpus",
            "--db",
            &s.db(),
            "search",
            "Ansongo",
            "--json",
            "--limit",
            "100000",
        ]);
        assert!(ok);
        let articles: std::collections::HashSet<String> = stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["name"].as_str().map(str::to_owned))
            .collect();
        assert_eq!(
            articles.len(),
            before,
            "each stored article has its sentences"
        );
        let (ok, _, stderr) = run(&["corpus", "add", "--db", &s.db(), &s.dir()]);
        assert!(ok, "{stderr}");
        assert_eq!(list(&s.db()).len(), 600);
    }
}
