//! `spin-coach explore <scenario> [--runs N] [--seed S]`: seeded random meetings and
//! what they never reach. The same seed gives the same report.

use super::args::Format;
use crate::authoring::explore::{Coverage, Options, explore};
use crate::text::sanitize_line;
use std::path::PathBuf;
use std::process::ExitCode;

/// Most meetings one exploration may play.
pub const MAX_RUNS: u32 = 100_000;

/// The command's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a bundled id.
    pub scenario: String,
    /// Number of random meetings.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_RUNS)))]
    pub runs: u32,
    /// Seed of the walks; the same seed gives the same report.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Most turns per meeting.
    #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u16).range(1..=400))]
    pub turns: u16,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

fn list(title: &str, items: &[String]) {
    if items.is_empty() {
        crate::outln!("{title}: none");
        return;
    }
    crate::outln!("{title} ({}):", items.len());
    for i in items {
        crate::outln!("  {}", sanitize_line(i));
    }
}

fn render(c: &Coverage) {
    crate::outln!(
        "explore {}: {} random meeting(s) of up to {} turns, seed {}",
        sanitize_line(&c.scenario),
        c.runs,
        c.turns,
        c.seed
    );
    crate::outln!(
        "replies reached: {} of {}; customer left {} time(s); score min {} / mean {} / max {}",
        c.replies_reached,
        c.replies_total,
        c.customer_left,
        c.score[0],
        c.score[1],
        c.score[2]
    );
    crate::outln!("needs (furthest state, runs explicit, runs met):");
    let w = c
        .needs
        .iter()
        .map(|n| crate::text::width(&n.id))
        .max()
        .unwrap_or(0);
    for n in &c.needs {
        crate::outln!(
            "  {}  {:<9} {:>5} {:>5}",
            crate::text::pad(&sanitize_line(&n.id), w),
            n.best,
            n.explicit_runs,
            n.met_runs
        );
    }
    crate::outln!("advances (accepted, declined):");
    for a in &c.advances {
        crate::outln!("  {}  {} {}", sanitize_line(&a.id), a.accepted, a.declined);
    }
    list("replies never reached", &c.replies_never);
    list("needs never explicit", &c.needs_never_explicit);
    list("benefits never usable", &c.benefits_never_usable);
    list("objections never triggered", &c.objections_never_triggered);
    list("advances never accepted", &c.advances_never_accepted);
}

/// Runs the command: exit 0 with a report, 1 when the scenario does not load.
///
/// # Errors
/// When JSON cannot be written.
pub fn run(a: &Args, extra: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let loaded = match crate::scenario::resolve(&a.scenario, extra) {
        Ok(l) => l,
        Err(ps) => {
            ps.iter().for_each(|p| crate::errln!("{p}"));
            return Ok(ExitCode::from(1));
        }
    };
    let c = explore(
        &loaded.scenario,
        Options {
            runs: a.runs,
            seed: a.seed,
            turns: usize::from(a.turns),
        },
    );
    match a.format {
        Format::Json => crate::outln!("{}", serde_json::to_string_pretty(&c)?),
        Format::Text => render(&c),
    }
    Ok(ExitCode::SUCCESS)
}
