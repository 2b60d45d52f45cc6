//! `dispatch-atlas corpus …` and `dossier --db`, run as a user would: the
//! same store file seen by each command, as the window sees it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dispatch-atlas"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dispatch-atlas: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

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
