//! Scenarios: the model trainers write, loading with budgets, and validation.

pub mod carry;
pub mod discover;
pub mod explain;
pub mod fold;
pub(crate) mod layout;
pub mod load;
pub mod meta;
pub mod model;
pub mod params;
pub mod people;
pub mod problem;
pub mod validate;

pub use crate::lang::Text;
pub use discover::{discover, scenario_dirs, user_scenario_dir, yaml_files, yaml_files_stat};
pub use meta::Meta;
pub use model::*;
pub use params::Params;
pub use people::{Competitor, Conflict, Mention, Win};
pub use problem::{Problem, Severity};

use std::path::{Path, PathBuf};
use std::sync::Arc;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Where a scenario came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary.
    Bundled,
    /// Read from a file.
    File(PathBuf),
}

/// A scenario that parsed and passed validation, with any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The scenario, shared with the sessions that play it.
    pub scenario: Arc<Scenario>,
    /// Where it came from.
    pub origin: Origin,
    /// Its source text (for hashing and hot reload).
    pub source: String,
    /// Warnings found by validation.
    pub warnings: Vec<Problem>,
}

/// Parses and validates scenario text; `path` is used in messages.
///
/// # Errors
/// Every error found. A file YAML cannot read gives every layout mistake its text
/// shows and the parser's complaint, in plain words (see [`explain`]).
pub fn from_str(src: &str, path: &str) -> Result<(Scenario, Vec<Problem>), Vec<Problem>> {
    let scenario: Scenario = load::parse_doc(src, path, load::Doc::Scenario)?;
    let problems = validate::validate(&scenario, path);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(problems);
    }
    Ok((scenario, problems))
}

/// Reads, parses and validates a scenario file.
///
/// # Errors
/// Every problem found.
pub fn load_file(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let src = load::read_bounded(path, load::MAX_FILE_BYTES).map_err(|p| vec![p])?;
    load_source(path, src)
}

/// Parses and validates a scenario file's text, already read.
///
/// # Errors
/// Every problem found.
pub fn load_source(path: &Path, src: String) -> Result<Loaded, Vec<Problem>> {
    let (scenario, warnings) = from_str(&src, &load::shown(path))?;
    Ok(Loaded {
        scenario: Arc::new(scenario),
        origin: Origin::File(path.to_path_buf()),
        source: src,
        warnings,
    })
}

/// The bundled scenarios' file names and texts.
#[must_use]
pub fn bundled_sources() -> &'static [(&'static str, &'static str)] {
    bundled::BUNDLED
}

/// Loads every bundled scenario; a broken one is reported, not fatal.
#[must_use]
pub fn bundled() -> Vec<Result<Loaded, Vec<Problem>>> {
    bundled::BUNDLED
        .iter()
        .map(|(name, src)| {
            let path = format!("scenarios/{name}");
            from_str(src, &path).map(|(scenario, warnings)| Loaded {
                scenario: Arc::new(scenario),
                origin: Origin::Bundled,
                source: (*src).to_string(),
                warnings,
            })
        })
        .collect()
}

/// Finds a bundled scenario by id.
///
/// # Errors
/// The problems of the bundled file, or none when no bundled scenario has that id.
pub fn bundled_by_id(id: &str) -> Option<Result<Loaded, Vec<Problem>>> {
    bundled::BUNDLED.iter().find_map(|(name, src)| {
        let stem = name.trim_end_matches(".yaml");
        if stem != id {
            return None;
        }
        let path = format!("scenarios/{name}");
        Some(from_str(src, &path).map(|(scenario, warnings)| Loaded {
            scenario: Arc::new(scenario),
            origin: Origin::Bundled,
            source: (*src).to_string(),
            warnings,
        }))
    })
}

/// Resolves `<scenario>` on the command line: a path if it names a file, else a bundled id,
/// else a `<id>.yaml` in one of the extra folders.
///
/// # Errors
/// The problems found, or a not-found problem listing the bundled ids.
pub fn resolve(arg: &str, extra_dirs: &[PathBuf]) -> Result<Loaded, Vec<Problem>> {
    let p = Path::new(arg);
    if p.exists() {
        return load_file(p);
    }
    if let Some(r) = bundled_by_id(arg) {
        return r;
    }
    for d in extra_dirs {
        let f = d.join(format!("{arg}.yaml"));
        if f.is_file() {
            return load_file(&f);
        }
    }
    let ids: Vec<&str> = bundled::BUNDLED
        .iter()
        .map(|(n, _)| n.trim_end_matches(".yaml"))
        .collect();
    Err(vec![Problem::error(
        arg,
        0,
        0,
        "no such scenario file or bundled scenario",
        format!(
            "bundled ids: {}; `spin-coach list` shows all",
            ids.join(", ")
        ),
    )])
}
