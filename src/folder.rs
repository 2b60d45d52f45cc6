//! A folder's contents as the file dialogs list them: sub-folders first, then
//! the files a dialog can take, by name; hidden entries left out. Also which
//! folder a half-typed path points into.

use std::path::{Path, PathBuf};

/// The extensions of the article files the app reads (`.txt`, `.md`, `.html`).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// One entry of a listed folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

/// Whether `path` has one of `extensions` (compared without case).
#[must_use]
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The sub-folders of `dir` and its files with one of `extensions`, folders
/// first, each group sorted by name without case. Entries whose names start
/// with a dot are hidden, as file managers do; names that are not UTF-8 are
/// shown with replacement characters.
pub fn list_folder(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<FolderEntry>> {
    let mut entries: Vec<FolderEntry> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let path = entry.path();
            // Follows symbolic links, so a linked folder opens like a folder.
            let is_dir = path.is_dir();
            (is_dir || has_extension(&path, extensions)).then_some(FolderEntry {
                name,
                path,
                is_dir,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(entries)
}

/// The folder a typed path points into: the path itself if it names a folder
/// (or ends with a separator), else its parent; the current folder for a
/// bare file name or nothing.
#[must_use]
pub fn folder_of(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let path = Path::new(typed);
    if typed.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return path.to_path_buf();
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "da-folder-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["b-reports", "A-maps", ".hidden-dir"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap_or_else(|e| panic!("{e}"));
        }
        for file in [
            "z.geojson",
            "Menaka.GeoJSON",
            "notes.txt",
            ".secret.geojson",
        ] {
            std::fs::write(dir.join(file), "{}").unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    }

    #[test]
    fn folders_first_then_matching_files_by_name_hidden_left_out() {
        let dir = scratch();
        let listed = list_folder(&dir, &["geojson", "json"]).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<(&str, bool)> = listed.iter().map(|e| (e.name.as_str(), e.is_dir)).collect();
        assert_eq!(
            names,
            vec![
                ("A-maps", true),
                ("b-reports", true),
                ("Menaka.GeoJSON", false),
                ("z.geojson", false)
            ]
        );
        assert_eq!(listed[2].path, dir.join("Menaka.GeoJSON"));
        let texts = list_folder(&dir, ARTICLE_EXTENSIONS).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(texts.last().map(|e| e.name.as_str()), Some("notes.txt"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let missing = std::env::temp_dir().join("da-folder-that-does-not-exist/deeper");
        assert!(list_folder(&missing, &["txt"]).is_err());
    }

    #[test]
    fn the_folder_of_a_typed_path() {
        let dir = scratch();
        let typed = dir.join("export.geojson");
        assert_eq!(folder_of(&typed.display().to_string()), dir);
        assert_eq!(folder_of(&dir.display().to_string()), dir);
        let with_slash = format!(
            "{}{}",
            dir.join("A-maps").display(),
            std::path::MAIN_SEPARATOR
        );
        assert_eq!(folder_of(&with_slash), PathBuf::from(&with_slash));
        assert_eq!(folder_of("annotations.geojson"), PathBuf::from("."));
        assert_eq!(folder_of("  "), PathBuf::from("."));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
