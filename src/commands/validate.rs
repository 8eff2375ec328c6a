//! `spin-coach validate [--strict] <path>...`: report every problem and lint warning;
//! exit 0, 1 (invalid, or any warning with `--strict`) or 2 (usage).

use crate::scenario::{self, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs the command.
///
/// # Errors
/// Never: problems are printed and reflected in the exit code.
pub fn run(paths: &[PathBuf], strict: bool) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut empty = 0usize;
    for p in paths {
        if p.is_dir() {
            let found = super::yaml_files(p);
            if found.is_empty() {
                crate::errln!(
                    "{}: error: no *.yaml files in this folder (give a folder of scenario files)",
                    crate::text::sanitize_line(&p.display().to_string())
                );
                empty += 1;
            }
            files.extend(found);
        } else if std::fs::symlink_metadata(p).is_err() && !scenario::load::is_std(p) {
            crate::errln!(
                "{}: error: no such file or folder (give scenario files or folders of *.yaml)",
                crate::text::sanitize_line(&p.display().to_string())
            );
            return Ok(ExitCode::from(2));
        } else {
            files.push(p.clone());
        }
    }
    let mut bad = empty;
    for f in &files {
        match scenario::load_file(f) {
            Ok(loaded) => {
                let shown = scenario::load::shown(f);
                let mut warnings = loaded.warnings.clone();
                warnings.extend(crate::authoring::lint::lint(&loaded.scenario, &shown));
                warnings.sort_by_key(|w| (w.line, w.col));
                if strict && !warnings.is_empty() {
                    bad += 1;
                    for w in &warnings {
                        let e = scenario::Problem {
                            severity: Severity::Error,
                            ..w.clone()
                        };
                        crate::errln!("{e}");
                    }
                    crate::errln!(
                        "{}: {} error(s) (warnings count as errors with --strict)",
                        crate::text::sanitize_line(&shown),
                        warnings.len()
                    );
                    continue;
                }
                for w in &warnings {
                    crate::errln!("{w}");
                }
                crate::outln!("ok: {}", crate::text::sanitize_line(&shown));
            }
            Err(problems) => {
                bad += 1;
                for p in &problems {
                    crate::errln!("{p}");
                }
                let errors = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                crate::errln!(
                    "{}: {errors} error(s)",
                    crate::text::sanitize_line(&scenario::load::shown(f))
                );
            }
        }
    }
    crate::errln!("{} file(s) checked, {bad} invalid", files.len());
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
