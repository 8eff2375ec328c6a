//! `spin-coach class-report <files or dirs>... [--format md|csv]`: a trainer's
//! view of many trainees' exported meetings.

use super::export::Export;
use super::history::{behaviours, mean};
use crate::report::csv::row;
use crate::report::markdown::{code, md};
use crate::scoring::Part;
use crate::store::{Record, Status};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClassFormat {
    /// Markdown tables.
    Md,
    /// CSV: one row per trainee and scenario.
    Csv,
    /// JSON: one document with the same tables as the Markdown.
    Json,
}

/// `class-report --format json`.
#[derive(Debug, serde::Serialize)]
pub struct ClassJson {
    /// Finished meetings counted.
    pub meetings: usize,
    /// Per trainee, sorted by name.
    pub trainees: Vec<TraineeRow>,
    /// Per scenario, sorted by id.
    pub scenarios: Vec<ScenarioRow>,
    /// The class's average per meeting of each behaviour: `{name, average}`.
    pub behaviours: Vec<serde_json::Value>,
    /// Parts of the score by average share of their maximum, lowest first: `{part, share}` (%).
    pub weakest_parts: Vec<serde_json::Value>,
    /// The most frequent point-losing rules: `{rule, per_meeting}`.
    pub weakest_rules: Vec<serde_json::Value>,
    /// Files or meetings left out, one message each.
    pub problems: Vec<String>,
}

/// One trainee's row.
#[derive(Debug, serde::Serialize)]
pub struct TraineeRow {
    /// Name.
    pub trainee: String,
    /// Finished meetings.
    pub meetings: usize,
    /// Average total score.
    pub average: f64,
    /// Best total score.
    pub best: i32,
    /// Average I+N share (%).
    pub in_share: f64,
    /// Number of different scenarios played.
    pub scenarios: usize,
}

/// One scenario's row.
#[derive(Debug, serde::Serialize)]
pub struct ScenarioRow {
    /// Scenario id.
    pub scenario: String,
    /// Finished meetings.
    pub meetings: usize,
    /// Different trainees.
    pub trainees: usize,
    /// Average total score.
    pub average: f64,
    /// Best total score.
    pub best: i32,
}

/// The class report as a JSON document.
#[must_use]
pub fn json(entries: &[Entry], problems: &[String]) -> ClassJson {
    let all: Vec<&Record> = entries.iter().map(|e| &e.record).collect();
    let trainees = group(entries, |e| e.trainee.clone())
        .into_iter()
        .map(|(t, rs)| TraineeRow {
            trainee: crate::text::sanitize_line(&t),
            meetings: rs.len(),
            average: mean(&rs, |r| f64::from(r.report.score.total)),
            best: best(&rs),
            in_share: mean(&rs, |r| f64::from(r.report.counts.in_share)),
            scenarios: rs
                .iter()
                .map(|r| r.scenario.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
        })
        .collect();
    let scenarios = group(entries, |e| e.record.scenario.clone())
        .into_iter()
        .map(|(s, rs)| ScenarioRow {
            trainees: entries
                .iter()
                .filter(|e| e.record.scenario == s)
                .map(|e| e.trainee.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            scenario: crate::text::sanitize_line(&s),
            meetings: rs.len(),
            average: mean(&rs, |r| f64::from(r.report.score.total)),
            best: best(&rs),
        })
        .collect();
    let (parts, rules) = weakest(&all);
    ClassJson {
        meetings: all.len(),
        trainees,
        scenarios,
        behaviours: behaviours()
            .into_iter()
            .map(|(n, f)| serde_json::json!({"name": n, "average": mean(&all, f)}))
            .collect(),
        weakest_parts: parts
            .into_iter()
            .map(|(p, v)| serde_json::json!({"part": p.code(), "share": v}))
            .collect(),
        weakest_rules: rules
            .into_iter()
            .map(|(r, v)| {
                serde_json::json!({"rule": crate::text::sanitize_line(&r), "per_meeting": v})
            })
            .collect(),
        problems: problems.to_vec(),
    }
}

/// A meeting with the trainee it belongs to.
pub struct Entry {
    /// Trainee name (or the file name when none is given).
    pub trainee: String,
    /// The meeting.
    pub record: Record,
}

fn json_files(p: &Path) -> Vec<PathBuf> {
    if p.is_dir() && !crate::scenario::load::is_std(p) {
        let mut v: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    } else {
        vec![p.to_path_buf()]
    }
}

/// Reads exports (or single meeting files); problems are returned as messages.
#[must_use]
pub fn read(paths: &[PathBuf]) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for f in paths.iter().flat_map(|p| json_files(p)) {
        let shown = crate::text::sanitize_line(&crate::scenario::load::shown(&f));
        let src = match crate::scenario::load::read_bounded(&f, 64 * 1024 * 1024) {
            Ok(s) => s,
            Err(p) => {
                problems.push(p.to_string());
                continue;
            }
        };
        let fallback = if crate::scenario::load::is_std(&f) {
            "<stdin>".to_string()
        } else {
            f.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let checked = |i: Option<usize>, r: &Record, problems: &mut Vec<String>| -> bool {
            match r.check() {
                Ok(()) => true,
                Err(why) => {
                    let at = i.map_or_else(String::new, |i| format!("meetings[{i}]."));
                    problems.push(format!(
                        "{shown}: error: {at}{} (that meeting is left out; export it again with `spin-coach export --format json`)",
                        crate::text::sanitize_line(&why)
                    ));
                    false
                }
            }
        };
        if let Ok(doc) = serde_json::from_str::<Export>(&src) {
            for (i, r) in doc.meetings.into_iter().enumerate() {
                if !checked(Some(i), &r, &mut problems) {
                    continue;
                }
                let trainee = r
                    .trainee
                    .clone()
                    .or_else(|| doc.trainee.clone())
                    .unwrap_or_else(|| fallback.clone());
                entries.push(Entry { trainee, record: r });
            }
        } else {
            match serde_json::from_str::<Record>(&src) {
                Ok(r) => {
                    if checked(None, &r, &mut problems) {
                        entries.push(Entry { trainee: r.trainee.clone().unwrap_or(fallback), record: r });
                    }
                }
                Err(e) => problems.push(format!(
                    "{shown}:{}:{}: error: not a spin-coach export or meeting file: {} (give files written by `spin-coach export --format json`)",
                    e.line(),
                    e.column(),
                    crate::text::sanitize_line(&e.to_string())
                )),
            }
        }
    }
    entries.retain(|e| e.record.status == Status::Finished);
    (entries, problems)
}

fn group(entries: &[Entry], key: impl Fn(&Entry) -> String) -> BTreeMap<String, Vec<&Record>> {
    let mut m: BTreeMap<String, Vec<&Record>> = BTreeMap::new();
    for e in entries {
        m.entry(key(e)).or_default().push(&e.record);
    }
    m
}

fn best(rs: &[&Record]) -> i32 {
    rs.iter().map(|r| r.report.score.total).max().unwrap_or(0)
}

/// Parts with their average share of the maximum (%), and rules with their count per meeting.
pub type Weakest = (Vec<(Part, f64)>, Vec<(String, f64)>);

/// Class weaknesses: parts by average share of their maximum (lowest first), and
/// the most frequent point-losing rules per meeting.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn weakest(all: &[&Record]) -> Weakest {
    let mut parts: Vec<(Part, f64)> = Part::ALL
        .iter()
        .map(|p| {
            let pts = |r: &Record| -> f64 {
                let ps = r
                    .report
                    .score
                    .parts
                    .list()
                    .into_iter()
                    .find(|(q, _)| q == p)
                    .map_or(0, |(_, s)| s.points);
                f64::from(ps) / f64::from(p.max_points())
            };
            let avg = if all.is_empty() {
                0.0
            } else {
                all.iter().map(|r| pts(r)).sum::<f64>() / all.len() as f64
            };
            (*p, avg * 100.0)
        })
        .collect();
    parts.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut rules: BTreeMap<String, usize> = BTreeMap::new();
    for r in all {
        for f in r
            .report
            .turns
            .iter()
            .flat_map(|t| &t.step.findings)
            .filter(|f| f.points < 0)
        {
            *rules.entry(f.rule.to_string()).or_default() += 1;
        }
    }
    let n = all.len().max(1) as f64;
    let mut rules: Vec<(String, f64)> = rules.into_iter().map(|(k, v)| (k, v as f64 / n)).collect();
    rules.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rules.truncate(5);
    (parts, rules)
}

/// Renders the class report as Markdown.
#[must_use]
pub fn markdown(entries: &[Entry]) -> String {
    let mut o = String::from("# Class report\n\n");
    let all: Vec<&Record> = entries.iter().map(|e| &e.record).collect();
    let _ = writeln!(
        o,
        "{} finished meetings by {} trainees.\n",
        all.len(),
        group(entries, |e| e.trainee.clone()).len()
    );
    let _ = writeln!(
        o,
        "## Per trainee\n\n| trainee | meetings | average | best | I+N share | scenarios |\n|---|---|---|---|---|---|"
    );
    for (t, rs) in group(entries, |e| e.trainee.clone()) {
        let scenarios: std::collections::BTreeSet<&str> =
            rs.iter().map(|r| r.scenario.as_str()).collect();
        let _ = writeln!(
            o,
            "| {} | {} | {:.1} | {} | {:.0}% | {} |",
            md(&t),
            rs.len(),
            mean(&rs, |r| f64::from(r.report.score.total)),
            best(&rs),
            mean(&rs, |r| f64::from(r.report.counts.in_share)),
            scenarios.len()
        );
    }
    let _ = writeln!(
        o,
        "\n## Per scenario\n\n| scenario | meetings | trainees | average | best |\n|---|---|---|---|---|"
    );
    for (s, rs) in group(entries, |e| e.record.scenario.clone()) {
        let trainees = entries
            .iter()
            .filter(|e| e.record.scenario == s)
            .map(|e| e.trainee.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let _ = writeln!(
            o,
            "| {} | {} | {trainees} | {:.1} | {} |",
            md(&s),
            rs.len(),
            mean(&rs, |r| f64::from(r.report.score.total)),
            best(&rs)
        );
    }
    let _ = writeln!(
        o,
        "\n## Behaviour averages (per meeting)\n\n| behaviour | class average |\n|---|---|"
    );
    for (name, f) in behaviours() {
        let _ = writeln!(o, "| {name} | {:.1} |", mean(&all, f));
    }
    let (parts, rules) = weakest(&all);
    let _ = writeln!(
        o,
        "\n## Weakest behaviours\n\nParts of the score, lowest share of their maximum first:\n"
    );
    for (p, pct) in &parts {
        let _ = writeln!(o, "- {}: {pct:.0}%", p.name(crate::lang::Lang::En));
    }
    let _ = writeln!(o, "\nMost frequent point-losing rules (per meeting):\n");
    for (rule, per) in &rules {
        let what = rule
            .parse::<crate::scoring::RuleId>()
            .map_or("", crate::scoring::RuleId::describe);
        let _ = writeln!(o, "- {} {per:.2} per meeting: {what}", code(rule));
    }
    o
}

/// Renders the class report as CSV: one row per trainee and scenario.
#[must_use]
pub fn csv(entries: &[Entry]) -> String {
    let mut o = row([
        "trainee",
        "scenario",
        "meetings",
        "average_score",
        "best_score",
        "average_in_share",
        "average_explicit_needs",
    ]) + "\n";
    for (key, rs) in group(entries, |e| {
        format!("{}\u{0}{}", e.trainee, e.record.scenario)
    }) {
        let (t, s) = key.split_once('\u{0}').unwrap_or((&key, ""));
        o.push_str(&row([
            t.to_string(),
            s.to_string(),
            rs.len().to_string(),
            format!("{:.1}", mean(&rs, |r| f64::from(r.report.score.total))),
            best(&rs).to_string(),
            format!("{:.1}", mean(&rs, |r| f64::from(r.report.counts.in_share))),
            format!(
                "{:.1}",
                mean(&rs, |r| f64::from(r.report.counts.explicit_needs))
            ),
        ]));
        o.push('\n');
    }
    o
}

/// Runs the command.
///
/// # Errors
/// Never; problems are printed and reflected in the exit code.
pub fn run(paths: &[PathBuf], format: ClassFormat) -> anyhow::Result<ExitCode> {
    let (entries, problems) = read(paths);
    for p in &problems {
        crate::errln!("{p}");
    }
    if entries.is_empty() {
        crate::errln!(
            "spin-coach: error: no finished meetings found in the given files (export them with `spin-coach export --all --format json`)"
        );
        return Ok(ExitCode::from(1));
    }
    match format {
        ClassFormat::Md => crate::out!("{}", markdown(&entries)),
        ClassFormat::Csv => crate::out!("{}", csv(&entries)),
        ClassFormat::Json => crate::outln!(
            "{}",
            serde_json::to_string_pretty(&json(&entries, &problems))?
        ),
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
