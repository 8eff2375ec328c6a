//! `spin-coach export <id> | --all --format md|json|csv [--trainee NAME] [-o FILE]`.

use crate::report::csv::row;
use crate::store::{Record, Store, atomic_write};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::process::ExitCode;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A Markdown report a trainer can read.
    Md,
    /// JSON: the full records, with the trainee's name.
    Json,
    /// CSV: one row per meeting.
    Csv,
}

/// The JSON export document, also read by `class-report`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    /// Export format version.
    pub format: u32,
    /// Trainee name, if known.
    #[serde(default)]
    pub trainee: Option<String>,
    /// When exported.
    pub exported_at: String,
    /// The meetings.
    pub meetings: Vec<Record>,
}

/// The CSV header.
pub const CSV_HEADER: [&str; 25] = [
    "id",
    "trainee",
    "scenario",
    "status",
    "started_at",
    "finished_at",
    "score",
    "investigating",
    "developing",
    "demonstrating",
    "commitment",
    "situation",
    "problem",
    "implication",
    "need_payoff",
    "in_share",
    "implied_needs",
    "explicit_needs",
    "met_needs",
    "features",
    "functions",
    "advantages",
    "benefits",
    "relationship",
    "seed",
];

/// One CSV row for a record.
#[must_use]
pub fn csv_row(r: &Record, trainee: Option<&str>) -> String {
    let p = &r.report.score.parts;
    let c = &r.report.counts;
    let status = match r.status {
        crate::store::Status::Finished => "finished",
        crate::store::Status::Unfinished => "unfinished",
    };
    row([
        r.id.clone(),
        trainee.or(r.trainee.as_deref()).unwrap_or("").to_string(),
        r.scenario.clone(),
        status.to_string(),
        r.started_at.clone(),
        r.finished_at.clone().unwrap_or_default(),
        r.report.score.total.to_string(),
        p.investigating.points.to_string(),
        p.developing.points.to_string(),
        p.demonstrating.points.to_string(),
        p.commitment.points.to_string(),
        c.situation.to_string(),
        c.problem.to_string(),
        c.implication.to_string(),
        c.need_payoff.to_string(),
        c.in_share.to_string(),
        c.implied_needs.to_string(),
        c.explicit_needs.to_string(),
        c.met_needs.to_string(),
        c.features.to_string(),
        c.functions.to_string(),
        c.advantages.to_string(),
        c.benefits.to_string(),
        r.report.relationship.quadrant.to_string(),
        r.seed.to_string(),
    ])
}

/// Renders records in a format.
///
/// # Errors
/// When JSON serialisation fails.
pub fn render(
    records: &[Record],
    format: ExportFormat,
    trainee: Option<&str>,
) -> anyhow::Result<String> {
    Ok(match format {
        ExportFormat::Md => records
            .iter()
            .map(|r| {
                crate::report::markdown::render(
                    &r.report,
                    trainee.or(r.trainee.as_deref()),
                    r.when(),
                    &r.id,
                )
            })
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        ExportFormat::Json => {
            let meetings = records
                .iter()
                .cloned()
                .map(|mut r| {
                    if let Some(t) = trainee {
                        r.trainee = Some(t.to_string());
                    }
                    r
                })
                .collect();
            let doc = Export {
                format: 1,
                trainee: trainee.map(str::to_string),
                exported_at: crate::store::time::now(),
                meetings,
            };
            serde_json::to_string_pretty(&doc)? + "\n"
        }
        ExportFormat::Csv => {
            let mut out = row(CSV_HEADER) + "\n";
            for r in records {
                out.push_str(&csv_row(r, trainee));
                out.push('\n');
            }
            out
        }
    })
}

/// Runs the command.
///
/// # Errors
/// When the output cannot be written.
pub fn run(
    store: &Store,
    id: Option<&str>,
    all: bool,
    format: ExportFormat,
    trainee: Option<&str>,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let records = match (id, all) {
        (Some(id), false) => match store.find(id) {
            Ok(r) => vec![r],
            Err(e) => {
                crate::errln!("spin-coach: error: {e}");
                return Ok(ExitCode::from(1));
            }
        },
        (None, true) => super::history::load(store)?,
        _ => {
            crate::errln!("spin-coach: error: give a meeting id or --all (not both)");
            return Ok(ExitCode::from(2));
        }
    };
    let trainee = match trainee {
        Some(t) => Some(crate::text::sanitize_line(t)),
        None => match super::config::load_or_report() {
            Some(c) => c.trainee.map(|t| crate::text::sanitize_line(&t)),
            None => return Ok(ExitCode::from(1)),
        },
    };
    let text = render(&records, format, trainee.as_deref())?;
    match out.filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            if let Err(e) = atomic_write(p, text.as_bytes()) {
                let why = match e {
                    crate::store::StoreError::Io { source, .. } => source.to_string(),
                    other => other.to_string(),
                };
                crate::errln!(
                    "spin-coach: error: cannot write {}: {} (check that its folder exists and is writable, or choose another file with -o; `-o -` writes to standard output)",
                    crate::text::sanitize_line(&p.display().to_string()),
                    crate::text::sanitize_line(&why)
                );
                return Ok(ExitCode::from(1));
            }
            crate::errln!(
                "wrote {} meeting(s) to {}",
                records.len(),
                crate::text::sanitize_line(&p.display().to_string())
            );
        }
        None => crate::out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
