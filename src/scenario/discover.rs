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
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    (name.ends_with(".yaml") || name.ends_with(".yml"))
                        && !name.ends_with(".test.yaml")
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
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
