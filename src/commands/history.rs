//! `spin-coach history` and `spin-coach stats`: saved meetings and progress.

use super::args::Format;
use crate::scoring::RuleId;
use crate::store::summary::Summary;
use crate::store::{Record, Status, Store};
use crate::text::{pad, sanitize_line, width};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Loads the history, printing warnings about skipped files to stderr.
///
/// # Errors
/// When the data directory cannot be read as a folder.
pub fn load(store: &Store) -> anyhow::Result<Vec<Record>> {
    let loaded = store.load_all()?;
    for w in &loaded.warnings {
        crate::errln!("{w}");
    }
    Ok(loaded.records)
}

/// Loads the meetings' summaries (through the index), printing warnings about
/// skipped files to stderr.
///
/// # Errors
/// When the data directory cannot be read as a folder.
pub fn load_summaries(store: &Store) -> anyhow::Result<Vec<Summary>> {
    let loaded = store.summaries()?;
    for w in &loaded.warnings {
        crate::errln!("{w}");
    }
    Ok(loaded.list)
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    scenario: &'a str,
    title: &'a str,
    status: Status,
    started_at: &'a str,
    finished_at: Option<&'a str>,
    score: i32,
    in_share: u32,
    turns: usize,
}

/// Runs `history`.
///
/// # Errors
/// When output cannot be written.
pub fn run(store: &Store, format: Format) -> anyhow::Result<ExitCode> {
    let records = load_summaries(store)?;
    match format {
        Format::Json => {
            let rows: Vec<Row> = records
                .iter()
                .map(|r| Row {
                    id: &r.id,
                    scenario: &r.scenario,
                    title: &r.title,
                    status: r.status,
                    started_at: &r.started_at,
                    finished_at: r.finished_at.as_deref(),
                    score: r.score.total,
                    in_share: r.counts.in_share,
                    turns: r.turns,
                })
                .collect();
            crate::outln!("{}", serde_json::to_string_pretty(&rows)?);
        }
        Format::Text => {
            if records.is_empty() {
                crate::outln!(
                    "no saved meetings in {}",
                    sanitize_line(&store.meetings_dir().display().to_string())
                );
            }
            let idw = records.iter().map(|r| width(&r.id)).max().unwrap_or(2);
            let sw = records
                .iter()
                .map(|r| width(&r.scenario))
                .max()
                .unwrap_or(8);
            for r in &records {
                let date = crate::store::time::display(r.when());
                let status = if r.status == Status::Unfinished {
                    " (unfinished)"
                } else {
                    ""
                };
                crate::outln!(
                    "{}  {}  {}  {:>3}/100  I+N {:>3}%{status}",
                    pad(&sanitize_line(&r.id), idw),
                    date,
                    pad(&sanitize_line(&r.scenario), sw),
                    r.score.total,
                    r.counts.in_share
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Behaviours tracked by `stats` and class reports: name and how to read it from a record.
pub type Behaviour = (&'static str, fn(&Record) -> f64);

/// The behaviours averaged in `stats` and `class-report`.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn behaviours() -> Vec<Behaviour> {
    vec![
        ("score", |r| f64::from(r.report.score.total)),
        ("situation questions", |r| {
            f64::from(r.report.counts.situation)
        }),
        ("problem questions", |r| f64::from(r.report.counts.problem)),
        ("implication questions", |r| {
            f64::from(r.report.counts.implication)
        }),
        ("need-payoff questions", |r| {
            f64::from(r.report.counts.need_payoff)
        }),
        ("I+N share %", |r| f64::from(r.report.counts.in_share)),
        ("explicit needs", |r| {
            f64::from(r.report.counts.explicit_needs)
        }),
        ("benefits stated", |r| f64::from(r.report.counts.benefits)),
        ("premature pitches", |r| {
            r.rule_count(RuleId::PrematurePitch) as f64
        }),
        ("situation overuse", |r| {
            r.rule_count(RuleId::SituationOveruse) as f64
        }),
    ]
}

/// Mean of a behaviour over records (0 when empty).
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn mean(rs: &[&Record], f: fn(&Record) -> f64) -> f64 {
    if rs.is_empty() {
        0.0
    } else {
        rs.iter().map(|r| f(r)).sum::<f64>() / rs.len() as f64
    }
}

/// A sparkline of values (oldest first) in block characters.
#[must_use]
pub fn sparkline(values: &[i32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| BARS[usize::try_from(v.clamp(&0, &100) * 7 / 100).unwrap_or(0)])
        .collect()
}

/// `stats --format json`: per scenario and per behaviour.
#[derive(Debug, Default, Serialize)]
pub struct Stats {
    /// Finished meetings counted.
    pub meetings: usize,
    /// Per scenario id, sorted by id.
    pub scenarios: Vec<ScenarioStats>,
    /// How many of the latest meetings `recent` averages (up to 5).
    pub recent_meetings: usize,
    /// How many meetings before those `before` averages (up to 5).
    pub before_meetings: usize,
    /// Per behaviour, in a fixed order.
    pub behaviours: Vec<BehaviourStats>,
}

/// One scenario's progress.
#[derive(Debug, Serialize)]
pub struct ScenarioStats {
    /// Scenario id.
    pub scenario: String,
    /// Finished meetings of it.
    pub meetings: usize,
    /// Best total score.
    pub best: i32,
    /// Latest total score.
    pub latest: i32,
    /// The last (up to) 8 scores, oldest first.
    pub trend: Vec<i32>,
    /// Latest minus the first of `trend`.
    pub change: i32,
}

/// One behaviour's averages per meeting.
#[derive(Debug, Serialize)]
pub struct BehaviourStats {
    /// Behaviour name (as in the text output).
    pub name: &'static str,
    /// Average over all meetings.
    pub all: f64,
    /// Average over the last `recent_meetings`.
    pub recent: f64,
    /// Average over the `before_meetings` before those (none when there are none).
    pub before: Option<f64>,
    /// `up`, `down` or `same` (none without earlier meetings).
    pub trend: Option<&'static str>,
}

/// A behaviour read from a meeting's summary: name and how to read it.
pub type SummaryBehaviour = (&'static str, fn(&Summary) -> f64);

/// The behaviours of `stats`, read from a summary (the same as [`behaviours`]).
#[must_use]
pub fn summary_behaviours() -> Vec<SummaryBehaviour> {
    vec![
        ("score", |r| f64::from(r.score.total)),
        ("situation questions", |r| f64::from(r.counts.situation)),
        ("problem questions", |r| f64::from(r.counts.problem)),
        ("implication questions", |r| f64::from(r.counts.implication)),
        ("need-payoff questions", |r| f64::from(r.counts.need_payoff)),
        ("I+N share %", |r| f64::from(r.counts.in_share)),
        ("explicit needs", |r| f64::from(r.counts.explicit_needs)),
        ("benefits stated", |r| f64::from(r.counts.benefits)),
        ("premature pitches", |r| f64::from(r.premature_pitches)),
        ("situation overuse", |r| f64::from(r.situation_overuse)),
    ]
}

#[allow(clippy::cast_precision_loss)]
fn mean_of(rs: &[&Summary], f: fn(&Summary) -> f64) -> f64 {
    if rs.is_empty() {
        0.0
    } else {
        rs.iter().map(|r| f(r)).sum::<f64>() / rs.len() as f64
    }
}

/// Computes the statistics of finished records (oldest first).
#[must_use]
pub fn compute(records: &[Record]) -> Stats {
    let summaries: Vec<Summary> = records.iter().map(Summary::of).collect();
    compute_summaries(&summaries)
}

/// Computes the statistics of finished meetings' summaries (oldest first).
#[must_use]
pub fn compute_summaries(records: &[Summary]) -> Stats {
    let mut by: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
    for r in records {
        by.entry(r.scenario.as_str()).or_default().push(r);
    }
    let scenarios = by
        .iter()
        .map(|(id, rs)| {
            let scores: Vec<i32> = rs.iter().map(|r| r.score.total).collect();
            let best = scores.iter().max().copied().unwrap_or(0);
            let latest = scores.last().copied().unwrap_or(0);
            let recent = scores[scores.len().saturating_sub(8)..].to_vec();
            let change = latest.saturating_sub(recent.first().copied().unwrap_or(latest));
            ScenarioStats {
                scenario: sanitize_line(id),
                meetings: rs.len(),
                best,
                latest,
                trend: recent,
                change,
            }
        })
        .collect();
    let all: Vec<&Summary> = records.iter().collect();
    let n = all.len();
    let recent = &all[n.saturating_sub(5)..];
    let before = &all[n.saturating_sub(10)..n.saturating_sub(5)];
    let behaviours = summary_behaviours()
        .into_iter()
        .map(|(name, f)| {
            let (a, r, b) = (mean_of(&all, f), mean_of(recent, f), mean_of(before, f));
            let trend = if before.is_empty() {
                None
            } else if r > b + 0.05 {
                Some("up")
            } else if r + 0.05 < b {
                Some("down")
            } else {
                Some("same")
            };
            BehaviourStats {
                name,
                all: a,
                recent: r,
                before: (!before.is_empty()).then_some(b),
                trend,
            }
        })
        .collect();
    Stats {
        meetings: n,
        scenarios,
        recent_meetings: recent.len(),
        before_meetings: before.len(),
        behaviours,
    }
}

/// Runs `stats`.
///
/// # Errors
/// When the history cannot be read.
pub fn stats(store: &Store, format: Format) -> anyhow::Result<ExitCode> {
    let mut records: Vec<Summary> = load_summaries(store)?
        .into_iter()
        .filter(|r| r.status == Status::Finished)
        .collect();
    records.reverse(); // oldest first
    let st = compute_summaries(&records);
    if format == Format::Json {
        crate::outln!("{}", serde_json::to_string_pretty(&st)?);
        return Ok(ExitCode::SUCCESS);
    }
    if records.is_empty() {
        crate::outln!(
            "no finished meetings yet: play one with `spin-coach` or `spin-coach play <scenario> --script FILE --save`"
        );
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!("Per scenario (best, latest, trend over the last 8, change)");
    let w = st
        .scenarios
        .iter()
        .map(|s| width(&s.scenario))
        .max()
        .unwrap_or(8);
    for s in &st.scenarios {
        crate::outln!(
            "  {}  best {:>3}  latest {:>3}  {:<8} {:+}  ({} meetings)",
            pad(&s.scenario, w),
            s.best,
            s.latest,
            sparkline(&s.trend),
            s.change,
            s.meetings
        );
    }
    crate::outln!(
        "\nPer behaviour (average per meeting: all {}, the last {}, the {} before)",
        st.meetings,
        st.recent_meetings,
        st.before_meetings
    );
    for b in &st.behaviours {
        let arrow = match b.trend {
            None => " ",
            Some("up") => "↑",
            Some("down") => "↓",
            Some(_) => "=",
        };
        let prior = b
            .before
            .map_or_else(|| "     -".to_string(), |v| format!("{v:>6.1}"));
        crate::outln!(
            "  {}  {:>6.1}  {:>6.1}  {prior}  {arrow}",
            pad(b.name, 22),
            b.all,
            b.recent
        );
    }
    Ok(ExitCode::SUCCESS)
}
