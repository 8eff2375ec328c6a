//! Small JSON results kept beside the history (quiz results in `learn/`, drill
//! results in `drills/`): written through the same atomic write as meetings, and
//! read back leniently. The one way such files are saved.

use super::{StoreError, atomic_write, valid_id};
use crate::text::sanitize_line;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Largest result file read back: results are a few hundred bytes.
const MAX_RESULT_BYTES: u64 = 64 * 1024;

/// Writes `value` as pretty JSON to `<dir>/<id>.json` atomically, creating `dir`.
///
/// # Errors
/// When `id` is not a plain file name (see [`valid_id`]) or the folder or file
/// cannot be written.
pub fn save<T: Serialize>(dir: &Path, id: &str, value: &T) -> Result<PathBuf, StoreError> {
    if !valid_id(id) {
        return Err(StoreError::Io {
            path: sanitize_line(id),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a valid result id: use letters, digits, - _ and .",
            ),
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let json = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Io {
        path: id.to_string(),
        source: e.into(),
    })?;
    let path = dir.join(format!("{id}.json"));
    atomic_write(&path, &json)?;
    Ok(path)
}

/// Reads every `*.json` file in `dir` that parses as `T`; missing folders, temp and
/// hidden files, non-regular or oversized files and unparsable files are skipped.
#[must_use]
pub fn load_all<T: DeserializeOwned>(dir: &Path) -> Vec<T> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| !n.starts_with('.') && n.ends_with(".json"))
        })
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() <= MAX_RESULT_BYTES))
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        for bad in [
            "",
            "../x",
            "a/b",
            ".hidden",
            "a\\b",
            "x\n",
            &"a".repeat(129),
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
        for good in ["20260101T000000-1a2b", "quiz_1.v2"] {
            assert!(valid_id(good), "{good:?}");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(save(dir.path(), "../escape", &1).is_err());
        assert!(!dir.path().join("../escape.json").exists());
    }

    #[test]
    fn saved_values_load_back_and_strays_are_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sub = dir.path().join("results");
        save(&sub, "b", &2).expect("save");
        save(&sub, "a", &1).expect("save");
        std::fs::write(sub.join("c.json"), "not json").expect("write");
        std::fs::write(sub.join(".tmp-1-x.json"), "3").expect("write");
        let back: Vec<i32> = load_all(&sub);
        assert_eq!(back, vec![1, 2]);
        assert!(load_all::<i32>(&dir.path().join("missing")).is_empty());
    }
}
