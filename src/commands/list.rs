//! `spin-coach list`: bundled and user scenarios.

use super::args::Format;
use crate::scenario::{self, Origin};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// One row of the listing.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// Scenario id.
    pub id: String,
    /// Title in the scenario's language.
    pub title: String,
    /// `zh` or `en`.
    pub language: String,
    /// A–E.
    pub segment: String,
    /// Industry.
    pub industry: String,
    /// easy, medium or hard.
    pub difficulty: String,
    /// `bundled` or the file path.
    pub source: String,
}

/// Every scenario available: bundled first, then user folders. Broken files are reported on stderr.
#[must_use]
pub fn entries(extra: &[PathBuf]) -> Vec<Entry> {
    let (loaded, problems) = scenario::discover(extra);
    problems.iter().for_each(|p| crate::errln!("{p}"));
    loaded
        .iter()
        .map(|l| {
            let s = &l.scenario;
            let lang = s.language;
            Entry {
                id: s.id.value.clone(),
                title: crate::text::sanitize_line(s.title.get(lang)),
                language: lang.code().into(),
                segment: s.segment.code().into(),
                industry: crate::text::sanitize_line(s.industry.get(lang)),
                difficulty: s.difficulty.code().into(),
                source: match &l.origin {
                    Origin::Bundled => "bundled".into(),
                    Origin::File(p) => crate::text::sanitize_line(&p.display().to_string()),
                },
            }
        })
        .collect()
}

/// Runs the command.
///
/// # Errors
/// When JSON cannot be written.
pub fn run(format: Format, extra: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let list = entries(extra);
    match format {
        Format::Json => crate::outln!("{}", serde_json::to_string_pretty(&list)?),
        Format::Text => {
            let idw = list
                .iter()
                .map(|e| crate::text::width(&e.id))
                .max()
                .unwrap_or(2);
            let tw = list
                .iter()
                .map(|e| crate::text::width(&e.title))
                .max()
                .unwrap_or(5)
                .min(48);
            for e in &list {
                crate::outln!(
                    "{}  {}  {}  {}  {:<6}  {}",
                    crate::text::pad(&e.id, idw),
                    crate::text::pad(&e.title, tw),
                    e.language,
                    e.segment,
                    e.difficulty,
                    e.industry
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
