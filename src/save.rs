//! Saving files so that a crash or a kill never leaves a half-written one:
//! write a temporary file beside the target, flush it to disk, then rename it
//! over the target (atomic on POSIX file systems).

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, creating the parent folder if needed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
        return written;
    }
    // The rename itself is durable once the folder is synced; not every
    // platform can open a folder for that, and the data is safe either way.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = std::env::temp_dir().join(format!("da-save-{}", std::process::id()));
        let path = dir.join("sub").join("notes.geojson");
        write_atomically(&path, b"one").unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&path, b"two").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.join("sub"))
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "{names:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_reports_and_keeps_the_old_file() {
        let dir = std::env::temp_dir().join(format!("da-save-fail-{}", std::process::id()));
        let path = dir.join("notes.geojson");
        write_atomically(&path, b"kept").unwrap_or_else(|e| panic!("{e}"));
        // A folder where the file should go: the rename fails.
        let blocked = dir.join("blocked");
        std::fs::create_dir_all(blocked.join("x")).unwrap_or_else(|e| panic!("{e}"));
        assert!(write_atomically(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"kept");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
