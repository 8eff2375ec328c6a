//! `spin-coach test [<scenario file or dir>...]`: run each scenario's `<id>.test.yaml`
//! and report every expectation as ok or FAIL with expected and actual.
//!
//! With no argument it tests `./scenarios` when that folder holds test files, and
//! otherwise the bundled scenarios with the test files embedded in the binary.

use crate::authoring::runner::{self, CaseRun, Check};
use crate::authoring::{test_path_for, testfile};
use crate::scenario::{self, Problem, Scenario};
use crate::text::sanitize_line;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The command's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files, their test files, folders of scenarios, or bundled ids
    /// (default: ./scenarios, else the bundled scenarios).
    pub paths: Vec<PathBuf>,
    /// Print only failures and the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Output format (json: one document with every case and check).
    #[arg(long, value_enum, default_value_t = super::args::Format::Text)]
    pub format: super::args::Format,
}

/// `test --format json`: one document for the whole run.
#[derive(Debug, Default, serde::Serialize)]
pub struct TestRun {
    /// One entry per test file.
    pub files: Vec<TestFileResult>,
    /// Expectations that held.
    pub passed: usize,
    /// Expectations that failed.
    pub failed: usize,
    /// Test files that could not run (problems in the scenario or test file).
    pub broken: usize,
}

/// One test file's result.
#[derive(Debug, serde::Serialize)]
pub struct TestFileResult {
    /// The test file (or the scenario, when it could not be loaded).
    pub path: String,
    /// The scenario id, when it loaded.
    pub scenario: Option<String>,
    /// Why the file could not run; empty when it ran.
    pub problems: Vec<Problem>,
    /// Each case with its checks (`line`, `col`, `turn`, `what`, `expected`,
    /// `actual`, `passed`, `context`).
    pub cases: Vec<CaseRun>,
}

/// What to test: a scenario file on disk, or a bundled scenario by file name.
enum Target {
    File(PathBuf),
    Bundled(&'static str, &'static str),
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    broken: usize,
    files: usize,
}

fn bundled_targets() -> Vec<Target> {
    scenario::bundled_sources()
        .iter()
        .map(|(name, src)| Target::Bundled(name, src))
        .collect()
}

fn has_tests(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".test.yaml"))
    })
}

/// Resolves the arguments; `Err` carries the argument that names nothing.
fn targets(paths: &[PathBuf], announce: bool) -> Result<Vec<Target>, PathBuf> {
    if paths.is_empty() {
        let local = Path::new("scenarios");
        if local.is_dir() && has_tests(local) {
            if announce {
                crate::outln!("testing the scenarios in ./scenarios");
            }
            return Ok(crate::scenario::yaml_files(local)
                .into_iter()
                .map(Target::File)
                .collect());
        }
        if announce {
            crate::outln!("testing the bundled scenarios (test files embedded in this build)");
        }
        return Ok(bundled_targets());
    }
    let mut out = Vec::new();
    for p in paths {
        let name = p.to_string_lossy();
        if p.is_dir() {
            let found = crate::scenario::yaml_files(p);
            if found.is_empty() {
                crate::errln!(
                    "{}: error: no *.yaml files in this folder (give a folder of scenario files)",
                    sanitize_line(&p.display().to_string())
                );
            }
            out.extend(found.into_iter().map(Target::File));
        } else if let Some(stem) = name.strip_suffix(".test.yaml") {
            out.push(Target::File(PathBuf::from(format!("{stem}.yaml"))));
        } else if p.exists() {
            out.push(Target::File(p.clone()));
        } else if let Some((n, s)) = scenario::bundled_sources()
            .iter()
            .find(|(n, _)| n.strip_suffix(".yaml") == Some(&*name))
        {
            out.push(Target::Bundled(n, s));
        } else {
            return Err(p.clone());
        }
    }
    Ok(out)
}

fn print_problems(ps: &[Problem]) {
    for p in ps {
        crate::errln!("{p}");
    }
}

/// The scenario and its test file's text, with the test file's shown path.
fn load(t: &Target) -> Result<(Arc<Scenario>, String, String), Vec<Problem>> {
    match t {
        Target::File(path) => {
            let loaded = scenario::load_file(path)?;
            let tp = test_path_for(path);
            let shown = tp.display().to_string();
            if !tp.is_file() {
                return Err(vec![Problem::error(
                    &shown,
                    0,
                    0,
                    "no test file for this scenario",
                    "write one beside the scenario (docs/scenario-format.md, \"Test files\"); `spin-coach new` writes an example",
                )]);
            }
            let src = scenario::load::read_bounded(&tp, scenario::load::MAX_FILE_BYTES)
                .map_err(|p| vec![p])?;
            Ok((loaded.scenario, shown, src))
        }
        Target::Bundled(name, src) => {
            let (sc, _) = scenario::from_str(src, &format!("scenarios/{name}"))?;
            let stem = name.trim_end_matches(".yaml");
            let test_name = format!("{stem}.test.yaml");
            let shown = format!("scenarios/{test_name}");
            let found = testfile::bundled_sources()
                .iter()
                .find(|(n, _)| *n == test_name);
            match found {
                Some((_, t)) => Ok((Arc::new(sc), shown, (*t).to_string())),
                None => Err(vec![Problem::error(
                    &shown,
                    0,
                    0,
                    "this bundled scenario has no test file",
                    "add scenarios/<id>.test.yaml and rebuild",
                )]),
            }
        }
    }
}

fn print_check(path: &str, c: &Check, quiet: bool) {
    let at = format!("{}:{}:{}", sanitize_line(path), c.line.max(1), c.col.max(1));
    let turn = match c.turn {
        Some(t) => format!("turn {t}"),
        // A phrasing is read, not played: it has no turn.
        None if c.what.starts_with("phrasing") => String::new(),
        None => "end".to_string(),
    };
    if c.passed {
        if !quiet {
            crate::outln!(
                "    ok   {at}: {turn}{}{}: {}",
                if turn.is_empty() { "" } else { " " },
                sanitize_line(&c.what),
                sanitize_line(&c.expected)
            );
        }
        return;
    }
    crate::outln!(
        "    FAIL {at}: {turn}{}{}",
        if turn.is_empty() { "" } else { " " },
        sanitize_line(&c.what)
    );
    crate::outln!("         expected: {}", sanitize_line(&c.expected));
    crate::outln!("         actual:   {}", sanitize_line(&c.actual));
    if !c.context.is_empty() {
        let label = if c.turn.is_some() {
            "step"
        } else if c.what.starts_with("phrasing") {
            "reading"
        } else {
            "meeting"
        };
        crate::outln!(
            "         {label}:{}{}",
            " ".repeat(9 - label.len()),
            sanitize_line(&c.context)
        );
    }
}

fn report(path: &str, sc: &Scenario, runs: &[CaseRun], quiet: bool, tally: &mut Tally) {
    crate::outln!(
        "{} (scenario {})",
        sanitize_line(path),
        sanitize_line(&sc.id.value)
    );
    for run in runs {
        let failed = run.checks.iter().filter(|c| !c.passed).count();
        let passed = run.checks.len() - failed;
        if !quiet || failed > 0 {
            crate::outln!(
                "  case \"{}\" (seed {})",
                sanitize_line(&run.name),
                run.seed
            );
        }
        for c in &run.checks {
            print_check(path, c, quiet);
        }
        if !quiet || failed > 0 {
            crate::outln!("  {passed} passed, {failed} failed");
        }
        tally.passed += passed;
        tally.failed += failed;
    }
}

/// A test file that ran: its shown path, the scenario and the runs of its cases.
type Ran = (String, Arc<Scenario>, Vec<CaseRun>);

/// A test file that could not run: its shown path and why.
type Broken = (String, Vec<Problem>);

/// Loads and runs one test file.
fn run_one(t: &Target) -> Result<Ran, Broken> {
    let fallback = match t {
        Target::File(p) => p.display().to_string(),
        Target::Bundled(n, _) => format!("scenarios/{n}"),
    };
    let (sc, path, src) = load(t).map_err(|ps| (fallback, ps))?;
    let tf = testfile::parse(&src, &path).map_err(|p| (path.clone(), vec![p]))?;
    let problems = testfile::check(&tf, &sc, &path);
    if !problems.is_empty() {
        return Err((path, problems));
    }
    let runs = runner::run(&tf, &sc);
    Ok((path, sc, runs))
}

fn one(t: &Target, quiet: bool, tally: &mut Tally, json: Option<&mut TestRun>) {
    tally.files += 1;
    let result = run_one(t);
    if let Some(doc) = json {
        match result {
            Ok((path, scenario, cases)) => {
                for c in cases.iter().flat_map(|c| &c.checks) {
                    if c.passed {
                        tally.passed += 1;
                    } else {
                        tally.failed += 1;
                    }
                }
                doc.files.push(TestFileResult {
                    path: sanitize_line(&path),
                    scenario: Some(sanitize_line(&scenario.id.value)),
                    problems: Vec::new(),
                    cases,
                });
            }
            Err((path, problems)) => {
                tally.broken += 1;
                doc.files.push(TestFileResult {
                    path: sanitize_line(&path),
                    scenario: None,
                    problems,
                    cases: Vec::new(),
                });
            }
        }
        return;
    }
    match result {
        Ok((path, sc, runs)) => report(&path, &sc, &runs, quiet, tally),
        Err((_, ps)) => {
            print_problems(&ps);
            tally.broken += 1;
        }
    }
}

/// Runs the command: exit 0 when every expectation held, 1 on any failure or broken
/// file, 2 when an argument names nothing.
///
/// # Errors
/// Never: problems are printed and reflected in the exit code.
pub fn run(a: &Args) -> anyhow::Result<ExitCode> {
    let json = a.format == super::args::Format::Json;
    let list = match targets(&a.paths, !json) {
        Ok(l) => l,
        Err(p) => {
            crate::errln!(
                "{}: error: no such scenario file, folder or bundled id (give scenario files, their .test.yaml, or folders)",
                sanitize_line(&p.display().to_string())
            );
            return Ok(ExitCode::from(2));
        }
    };
    let mut tally = Tally::default();
    let mut doc = TestRun::default();
    for t in &list {
        one(t, a.quiet, &mut tally, json.then_some(&mut doc));
    }
    if json {
        doc.passed = tally.passed;
        doc.failed = tally.failed;
        doc.broken = tally.broken;
        crate::outln!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        crate::outln!(
            "{} test file(s), {} could not run: {} passed, {} failed",
            tally.files,
            tally.broken,
            tally.passed,
            tally.failed
        );
    }
    Ok(
        if tally.failed == 0 && tally.broken == 0 && tally.files > 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}
