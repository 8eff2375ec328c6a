//! Where scenarios are found: the bundled ones, then the `*.yaml` files of the
//! user's folders (`--scenarios DIR`, then `<config dir>/scenarios`). Shared by the
//! commands that list or check scenarios and by the trainer's picker.

use super::{Loaded, Problem};
use std::path::{Path, PathBuf};

/// The folders searched for user scenarios: `--scenarios DIR`, then the user's
/// `scenarios` folder in the config directory.
#[must_use]
pub fn scenario_dirs(cli: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(d) = cli {
        out.push(d.to_path_buf());
    }
    if let Some(d) = user_scenario_dir() {
        out.push(d);
    }
    out
}

/// The per-user scenario folder (`<config dir>/scenarios`).
#[must_use]
pub fn user_scenario_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "spin-coach").map(|p| p.config_dir().join("scenarios"))
}

/// Every `*.yaml` (not `*.test.yaml`) in a folder, sorted.
#[must_use]
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    yaml_entries(dir).into_iter().map(|e| e.path()).collect()
}

/// Every `*.yaml` (not `*.test.yaml`) in a folder, sorted, with its size and
/// modification time (nanoseconds since the epoch; none when it cannot be read),
/// as a cache of what the files held compares them. The file is looked up in its
/// folder (no walk of the whole path per file); a symbolic link is followed.
#[must_use]
pub fn yaml_files_stat(dir: &Path) -> Vec<(PathBuf, Option<(u64, u128)>)> {
    yaml_entries(dir)
        .into_iter()
        .map(|e| {
            let path = e.path();
            let meta = match e.file_type() {
                Ok(t) if !t.is_symlink() => e.metadata(),
                _ => std::fs::metadata(&path),
            };
            let st = meta.ok().and_then(|m| {
                let t = m
                    .modified()
                    .ok()?
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()?
                    .as_nanos();
                Some((m.len(), t))
            });
            (path, st)
        })
        .collect()
}

/// The scenario files' entries of a folder, sorted by name. The names are
/// compared as bytes: for the files of one folder that is the order of their
/// paths, without comparing the paths component by component.
fn yaml_entries(dir: &Path) -> Vec<std::fs::DirEntry> {
    let mut v: Vec<(std::ffi::OsString, std::fs::DirEntry)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name();
                    let b = name.as_encoded_bytes();
                    ((b.ends_with(b".yaml") || b.ends_with(b".yml")) && !b.ends_with(b".test.yaml"))
                        .then_some((name, e))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    v.into_iter().map(|(_, e)| e).collect()
}

/// Every scenario available: bundled first, then each file of the `extra` folders
/// in order. A file (or bundled scenario) that does not load is left out and its
/// problems are returned, in the same order; a script kept in a folder (see
/// [`crate::script::looks_like_script`]) is left out quietly.
#[must_use]
pub fn discover(extra: &[PathBuf]) -> (Vec<Loaded>, Vec<Problem>) {
    let mut ok = Vec::new();
    let mut problems = Vec::new();
    for r in super::bundled() {
        match r {
            Ok(l) => ok.push(l),
            Err(ps) => problems.extend(ps),
        }
    }
    for d in extra {
        for f in yaml_files(d) {
            let src = match super::load::read_bounded(&f, super::load::MAX_FILE_BYTES) {
                Ok(s) => s,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            // A script kept beside the scenarios is not one of them.
            if crate::script::looks_like_script(&src) {
                continue;
            }
            match super::load_source(&f, src) {
                Ok(l) => ok.push(l),
                Err(ps) => problems.extend(ps),
            }
        }
    }
    (ok, problems)
}
