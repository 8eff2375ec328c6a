//! `spin-coach validate [--strict] [--format text|json] <path>...`: report every
//! problem and lint warning; exit 0, 1 (invalid, or any warning with `--strict`)
//! or 2 (usage).

use super::args::Format;
use crate::scenario::{self, Problem, Severity};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// `validate --format json`: one document for the whole run.
#[derive(Debug, Default, Serialize)]
pub struct Validation {
    /// One entry per file checked (and per folder without scenario files).
    pub files: Vec<FileResult>,
    /// Number of files checked.
    pub checked: usize,
    /// Number of files (or folders) that are invalid.
    pub invalid: usize,
}

/// One file's result.
#[derive(Debug, Serialize)]
pub struct FileResult {
    /// The path as given (`<stdin>` for `-`).
    pub path: String,
    /// Whether it is valid (with `--strict`, also free of warnings).
    pub valid: bool,
    /// Errors and warnings, located; warnings are errors with `--strict`.
    pub problems: Vec<Problem>,
}

/// The problem in the message language, sanitised for the JSON document.
fn clean(p: &Problem) -> Problem {
    let p = p.localized(crate::scenario::problem::message_lang());
    Problem {
        path: crate::text::sanitize_line(&p.path),
        message: crate::text::sanitize_line(&p.message),
        hint: crate::text::sanitize_line(&p.hint),
        ..p
    }
}

/// What `validate` says about a script found among scenario files: that it is one
/// and is skipped (a warning), or the script's own problems when it does not parse.
fn script_note(src: &str, shown: &str) -> Vec<Problem> {
    match crate::script::parse(src, shown) {
        Ok(_) => vec![
            Problem::warning(
                shown,
                1,
                1,
                "this is a script for `play` (a list of turns), not a scenario: skipped",
                "keep scripts outside the scenario folders, e.g. in a `scripts` folder beside them; `spin-coach play <scenario> --script <file>` plays one; see docs/scenario-format.md §5, “Warnings”",
            )
            .zh(
                "这是给 `play` 用的脚本（一串回合），不是场景：已跳过",
                "脚本不要放在场景文件夹里，比如放到旁边的 `scripts` 文件夹；用 `spin-coach play <场景> --script <文件>` 来运行；见 docs/scenario-format.md 第 5 节“Warnings”",
            ),
        ],
        Err(p) => vec![p],
    }
}

/// Runs the command.
///
/// # Errors
/// Never: problems are printed and reflected in the exit code.
pub fn run(paths: &[PathBuf], strict: bool, format: Format) -> anyhow::Result<ExitCode> {
    let json = format == Format::Json;
    let mut doc = Validation::default();
    // In JSON mode the messages go into the document instead of standard error.
    macro_rules! say {
        ($($t:tt)*) => {
            if !json {
                crate::errln!($($t)*);
            }
        };
    }
    let mut files = Vec::new();
    let mut empty = 0usize;
    for p in paths {
        if p.is_dir() {
            let found = crate::scenario::yaml_files(p);
            if found.is_empty() {
                let problem = Problem::error(
                    &p.display().to_string(),
                    0,
                    0,
                    "no *.yaml files in this folder",
                    "give a folder of scenario files",
                );
                say!(
                    "{}: error: no *.yaml files in this folder (give a folder of scenario files)",
                    crate::text::sanitize_line(&p.display().to_string())
                );
                doc.files.push(FileResult {
                    path: crate::text::sanitize_line(&p.display().to_string()),
                    valid: false,
                    problems: vec![clean(&problem)],
                });
                empty += 1;
            }
            files.extend(found);
        } else if std::fs::symlink_metadata(p).is_err() && !scenario::load::is_std(p) {
            // A usage error: reported on standard error in both formats.
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
        let shown = scenario::load::shown(f);
        let loaded = scenario::load::read_bounded(f, scenario::load::MAX_FILE_BYTES)
            .map_err(|p| vec![p])
            .and_then(|src| {
                if crate::script::looks_like_script(&src) {
                    Err(script_note(&src, &shown))
                } else {
                    scenario::load_source(f, src)
                }
            });
        match loaded {
            Ok(loaded) => {
                let mut warnings = loaded.warnings.clone();
                warnings.extend(crate::authoring::lint::lint(&loaded.scenario, &shown));
                warnings.sort_by_key(|w| (w.line, w.col));
                if strict && !warnings.is_empty() {
                    bad += 1;
                    let errors: Vec<Problem> = warnings
                        .iter()
                        .map(|w| Problem {
                            severity: Severity::Error,
                            ..w.clone()
                        })
                        .collect();
                    for e in &errors {
                        say!("{e}");
                    }
                    say!(
                        "{}: {} error(s) (warnings count as errors with --strict)",
                        crate::text::sanitize_line(&shown),
                        warnings.len()
                    );
                    doc.files.push(FileResult {
                        path: crate::text::sanitize_line(&shown),
                        valid: false,
                        problems: errors.iter().map(clean).collect(),
                    });
                    continue;
                }
                for w in &warnings {
                    say!("{w}");
                }
                if !json {
                    crate::outln!("ok: {}", crate::text::sanitize_line(&shown));
                }
                doc.files.push(FileResult {
                    path: crate::text::sanitize_line(&shown),
                    valid: true,
                    problems: warnings.iter().map(clean).collect(),
                });
            }
            Err(problems) if problems.iter().all(|p| p.severity == Severity::Warning) => {
                // A script, not a scenario: said once, and skipped.
                if strict {
                    bad += 1;
                }
                let problems: Vec<Problem> = problems
                    .iter()
                    .map(|w| Problem {
                        severity: if strict {
                            Severity::Error
                        } else {
                            Severity::Warning
                        },
                        ..w.clone()
                    })
                    .collect();
                for p in &problems {
                    say!("{p}");
                }
                doc.files.push(FileResult {
                    path: crate::text::sanitize_line(&shown),
                    valid: !strict,
                    problems: problems.iter().map(clean).collect(),
                });
            }
            Err(problems) => {
                bad += 1;
                for p in &problems {
                    say!("{p}");
                }
                let errors = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                say!("{}: {errors} error(s)", crate::text::sanitize_line(&shown));
                doc.files.push(FileResult {
                    path: crate::text::sanitize_line(&shown),
                    valid: false,
                    problems: problems.iter().map(clean).collect(),
                });
            }
        }
    }
    say!("{} file(s) checked, {bad} invalid", files.len());
    if json {
        doc.checked = files.len();
        doc.invalid = bad;
        crate::outln!("{}", serde_json::to_string_pretty(&doc)?);
    }
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
