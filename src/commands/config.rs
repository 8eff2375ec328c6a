//! The optional config file `<config dir>/config.yaml` (or `$SPIN_COACH_CONFIG`):
//! `trainee: <name>` is carried into exports.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default)]
    trainee: Option<String>,
}

fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SPIN_COACH_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "spin-coach").map(|p| p.config_dir().join("config.yaml"))
}

/// The trainee's name: `--trainee`, else the config file's `trainee`; a broken
/// config file is reported on stderr and ignored.
#[must_use]
pub fn trainee(cli: Option<&str>) -> Option<String> {
    if let Some(t) = cli {
        return Some(crate::text::sanitize_line(t));
    }
    let p = path().filter(|p| p.is_file())?;
    let src = match crate::scenario::load::read_bounded(&p, 64 * 1024) {
        Ok(s) => s,
        Err(problem) => {
            crate::errln!("{problem}");
            return None;
        }
    };
    match crate::scenario::load::parse_yaml::<Config>(&src, &p.display().to_string()) {
        Ok(c) => c.trainee.map(|t| crate::text::sanitize_line(&t)),
        Err(problem) => {
            crate::errln!("{problem}");
            None
        }
    }
}
