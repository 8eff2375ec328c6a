//! The command line: clap definitions and dispatch. Headless commands run
//! before any terminal setup.

use crate::commands;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// spin-coach: practise consultative selling (SPIN, FFAB) against scripted customers.
#[derive(Debug, Parser)]
#[command(name = "spin-coach", version, about, long_about = None)]
pub struct Cli {
    /// Extra folder of scenario files (besides the bundled ones and the user folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
}

/// Language choice for classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Detect per utterance.
    Auto,
    /// Chinese.
    Zh,
    /// English.
    En,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a scripted meeting and print the graded transcript and report.
    Play {
        /// A bundled scenario id or a path to a scenario file.
        scenario: String,
        /// The script: a YAML list of turns (ask / present / propose / end).
        #[arg(long, value_name = "FILE")]
        script: PathBuf,
        /// Seed for reply variants; the same seed gives the same report.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of a bilingual scenario's texts and of feedback.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Extra cue lexicon file (same format as data/lexicon.yaml).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Classify questions as S, P, I, N or - (not a SPIN question).
    Classify {
        /// Language to read the text in.
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Extra cue lexicon file.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// Texts to classify; standard input, one per line, when none are given.
        text: Vec<String>,
    },
    /// Check scenario files (or folders of *.yaml) and report every problem.
    Validate {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Open the trainer (the default when no command is given).
    Train {
        /// Open this scenario's briefing (bundled id or path).
        scenario: Option<String>,
        /// Interface language (default: from LANG / LC_ALL).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Seed for reply variants.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Draw the first frame and exit (start-up measurement).
        #[arg(long, hide = true)]
        first_frame: bool,
    },
    /// List bundled and user scenarios.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[cfg(feature = "tui")]
fn train(
    scenario: Option<String>,
    lang: Option<LangArg>,
    seed: u64,
    first_frame_only: bool,
    extra: Vec<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let lang = match lang {
        Some(LangArg::Zh) => Some(crate::lang::Lang::Zh),
        Some(LangArg::En) => Some(crate::lang::Lang::En),
        _ => None,
    };
    crate::tui::run(&crate::tui::Options {
        scenario,
        lang,
        extra,
        seed,
        first_frame_only,
    })
}

#[cfg(not(feature = "tui"))]
fn train(
    _: Option<String>,
    _: Option<LangArg>,
    _: u64,
    _: bool,
    _: Vec<PathBuf>,
) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    eprintln!(
        "spin-coach: this build has no trainer TUI (built without the `tui` feature); use the subcommands below"
    );
    let _ = Cli::command().print_help();
    Ok(ExitCode::from(2))
}

/// Parses the command line and runs it; returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let extra = commands::scenario_dirs(cli.scenarios.as_deref());
    let result = match cli.command {
        Some(Command::Play {
            scenario,
            script,
            seed,
            format,
            lang,
            lexicon,
        }) => commands::play::run(&commands::play::Args {
            scenario,
            script,
            seed,
            format,
            lang,
            lexicon,
            extra,
        }),
        Some(Command::Classify {
            lang,
            format,
            lexicon,
            text,
        }) => commands::classify::run(lang, format, lexicon.as_deref(), &text),
        Some(Command::Validate { paths }) => commands::validate::run(&paths),
        Some(Command::List { format }) => commands::list::run(format, &extra),
        Some(Command::Train {
            scenario,
            lang,
            seed,
            first_frame,
        }) => train(scenario, lang, seed, first_frame, extra),
        None => train(None, None, 1, false, extra),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "spin-coach: error: {}",
                crate::text::sanitize_line(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}
