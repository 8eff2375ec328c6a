//! `spin-coach` (no command), `train`, `replay` and `learn`: open the trainer TUI.

use crate::cli::{LangArg, ThemeArg};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which screen the trainer opens on.
#[derive(Debug, Clone, Default)]
pub enum Start {
    /// The scenario picker (or a scenario's briefing when one is named).
    #[default]
    Picker,
    /// A saved meeting for a debrief.
    Replay {
        /// Meeting id, prefix or file.
        meeting: String,
        /// Hide scores until revealed.
        hide_scores: bool,
    },
    /// Theory cards and the quiz.
    Learn,
}

/// Everything the trainer needs to start.
#[derive(Debug, Clone, Default)]
pub struct Args {
    /// Scenario to brief (bundled id or path).
    pub scenario: Option<String>,
    /// Interface language.
    pub lang: Option<LangArg>,
    /// Seed for reply variants.
    pub seed: u64,
    /// Draw one frame and exit.
    pub first_frame_only: bool,
    /// Extra scenario folders.
    pub extra: Vec<PathBuf>,
    /// History folder.
    pub data_dir: PathBuf,
    /// Colour theme.
    pub theme: Option<ThemeArg>,
    /// Projector layout.
    pub projector: bool,
    /// The first screen.
    pub start: Start,
}

/// Opens the trainer.
///
/// # Errors
/// Terminal errors.
#[cfg(feature = "tui")]
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    use crate::tui::theme::ThemeName;
    let lang = match a.lang {
        Some(LangArg::Zh) => Some(crate::lang::Lang::Zh),
        Some(LangArg::En) => Some(crate::lang::Lang::En),
        _ => None,
    };
    let theme = a.theme.map(|t| match t {
        ThemeArg::Dark => ThemeName::Dark,
        ThemeArg::Light => ThemeName::Light,
        ThemeArg::Contrast => ThemeName::Contrast,
        ThemeArg::Mono => ThemeName::Mono,
    });
    crate::tui::run(&crate::tui::Options {
        scenario: a.scenario,
        lang,
        extra: a.extra,
        seed: if a.seed == 0 { 1 } else { a.seed },
        first_frame_only: a.first_frame_only,
        data_dir: Some(a.data_dir),
        theme,
        projector: a.projector,
        start: a.start,
    })
}

/// Without the `tui` feature there is no trainer: say so and show the commands.
///
/// # Errors
/// Never.
#[cfg(not(feature = "tui"))]
pub fn run(_: Args) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    eprintln!(
        "spin-coach: this build has no trainer TUI (built without the `tui` feature); use the subcommands below"
    );
    let _ = crate::cli::Cli::command().print_help();
    Ok(ExitCode::from(2))
}
