//! The command line: clap definitions and dispatch. Headless commands run
//! before any terminal setup.

use crate::commands;
use crate::commands::args::{Format, LangArg, ThemeArg};
use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// The help heading of the trainer's display options (they apply to every command
/// that opens the trainer, and only there).
const TRAINER_DISPLAY: &str = "Trainer display (train, replay, learn)";

/// spin-coach: practise consultative selling (SPIN, FFAB) against scripted customers.
#[derive(Debug, Parser)]
#[command(name = "spin-coach", version, about, long_about = None)]
pub struct Cli {
    /// Extra folder of scenario files (besides the bundled ones and the user folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Language: of the trainer's interface (default: from LANG / LC_ALL), of a
    /// bilingual scenario's texts and feedback (`play`), or to read text in
    /// (`classify`, where the default `auto` detects each text).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour theme of the trainer (default: dark, or mono when NO_COLOR is set).
    #[arg(long, global = true, value_enum, help_heading = TRAINER_DISPLAY)]
    pub theme: Option<ThemeArg>,
    /// Projector layout: large figures, fewer panels (about 100×30).
    #[arg(long, global = true, help_heading = TRAINER_DISPLAY)]
    pub projector: bool,
    /// Not the projector layout, even when the config file asks for it.
    #[arg(long, global = true, overrides_with = "projector", help_heading = TRAINER_DISPLAY)]
    pub no_projector: bool,
    /// Folder for saved meetings (default: $SPIN_COACH_DATA, else the per-user data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
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
        /// Extra cue lexicon file (same format as data/lexicon.yaml).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// Save the meeting in the history (see `history`).
        #[arg(long)]
        save: bool,
    },
    /// Saved meetings, newest first.
    History {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Progress: best and latest score per scenario, behaviour averages and trends.
    Stats {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Export saved meetings as Markdown, JSON, CSV or xAPI statements.
    Export {
        /// The meeting id (or a unique prefix); see `history`.
        id: Option<String>,
        /// Export every saved meeting.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = commands::export::ExportFormat::Md)]
        format: commands::export::ExportFormat,
        /// Trainee name carried in the export (default: `trainee` in the config file).
        #[arg(long)]
        trainee: Option<String>,
        /// xapi: who the trainee is, an e-mail address or an LMS account name (default:
        /// `trainee_id` in the config file).
        #[arg(long, value_name = "ID")]
        trainee_id: Option<String>,
        /// xapi: `turns` adds one statement per turn with what the trainee typed
        /// (only when the config file has `xapi: {send_typed_text: true}` too).
        #[arg(long, value_enum)]
        detail: Option<commands::args::Detail>,
        /// Write to this file (atomically) instead of standard output (`-`: standard output).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Send finished meetings to a learning record store (xAPI), each once.
    Sync {
        /// The LRS's xAPI endpoint (default: `lrs.endpoint` in the config file).
        #[arg(long, value_name = "URL")]
        lrs: Option<String>,
        /// Print what would be sent, and send nothing.
        #[arg(long)]
        dry_run: bool,
        /// Statements per request (default: `lrs.batch` in the config file, else 100).
        #[arg(long, value_name = "N")]
        batch: Option<usize>,
        /// Trainee name in the statements (default: `trainee` in the config file).
        #[arg(long)]
        trainee: Option<String>,
        /// Who the trainee is, an e-mail address or an LMS account name (default:
        /// `trainee_id` in the config file).
        #[arg(long, value_name = "ID")]
        trainee_id: Option<String>,
        /// `turns` adds one statement per turn with what the trainee typed (only when
        /// the config file has `xapi: {send_typed_text: true}` too).
        #[arg(long, value_enum, default_value_t = commands::args::Detail::Meetings)]
        detail: commands::args::Detail,
    },
    /// Summarise a class's meetings: trainees' exported JSON files, or the LRS (--lrs).
    ClassReport {
        /// Export files or folders of them.
        #[arg(required_unless_present = "lrs", conflicts_with = "lrs")]
        paths: Vec<PathBuf>,
        /// Read the meetings back from the LRS (default address: `lrs.endpoint` in the
        /// config file; credentials as for `sync`).
        #[arg(long, value_name = "URL", num_args = 0..=1, default_missing_value = "")]
        lrs: Option<String>,
        /// Only meetings finished on or after this date (2026-11-01 or an RFC 3339 time).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only meetings of this scenario.
        #[arg(long, value_name = "ID")]
        scenario: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = commands::class_report::ClassFormat::Md)]
        format: commands::class_report::ClassFormat,
    },
    /// Classify questions as S, P, I, N or - (not a SPIN question).
    Classify {
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
        /// Treat warnings as errors (exit 1 when there are any).
        #[arg(long)]
        strict: bool,
        /// Output format (json: one document with every file and problem).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a commented scenario template DIR/<id>.yaml and its test file.
    New(commands::new::Args),
    /// Print the JSON Schema of scenario files (or of script or test files).
    Schema(commands::schema::Args),
    /// Run scenario test files (<id>.test.yaml beside each scenario).
    Test(commands::test::Args),
    /// Try wordings on a scenario: how each is read and what the customer answers.
    Try(commands::r#try::Args),
    /// Explore a scenario with seeded random meetings and report what is never reached.
    Explore(commands::explore::Args),
    /// Open the trainer (the default when no command is given).
    Train {
        /// Open this scenario's briefing (bundled id or path).
        scenario: Option<String>,
        /// Seed for reply variants.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Draw the first frame and exit (start-up measurement).
        #[arg(long, hide = true)]
        first_frame: bool,
    },
    /// Step through a saved meeting turn by turn for a debrief.
    Replay {
        /// A saved meeting id (or unique prefix), or a meeting / export JSON file.
        meeting: String,
        /// Hide scores until revealed (Ctrl+R one turn, Ctrl+G all).
        #[arg(long)]
        hide_scores: bool,
    },
    /// Theory cards and a quick quiz built from the scenarios.
    Learn,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `spin-coach man > spin-coach.1`, or one command's page.
    Man {
        /// A command (its page is spin-coach-<command>(1)).
        command: Option<String>,
    },
    /// List bundled and user scenarios.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Parses the command line and runs it; returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    // While there is one thread: `time` reads the local offset only then.
    crate::store::time::init_local_offset();
    let cli = Cli::parse();
    let extra = crate::scenario::scenario_dirs(cli.scenarios.as_deref());
    let data_dir = crate::store::data_dir(cli.data_dir.as_deref());
    let store = crate::store::Store::new(data_dir.clone());
    let trainer = matches!(
        cli.command,
        None | Some(Command::Train { .. } | Command::Replay { .. } | Command::Learn)
    );
    // Problems are shown in the interface language: `--lang`, else the config
    // file's `lang`, else the locale, else English.
    let flag_lang = match cli.lang {
        Some(LangArg::Zh) => Some(crate::lang::Lang::Zh),
        Some(LangArg::En) => Some(crate::lang::Lang::En),
        Some(LangArg::Auto) | None => None,
    };
    let env_lang = || crate::lang::Lang::from_env().unwrap_or(crate::lang::Lang::En);
    crate::scenario::problem::set_message_lang(flag_lang.unwrap_or_else(env_lang));
    let cfg = if trainer {
        match commands::config::load_or_report() {
            Some(c) => c,
            None => return ExitCode::from(1),
        }
    } else {
        commands::config::Config::default()
    };
    if flag_lang.is_none() {
        // Other commands read the config file only for its language, quietly: a
        // broken one is reported by the commands that depend on it.
        let file_lang = if trainer {
            cfg.lang
        } else {
            commands::config::load().ok().and_then(|c| c.lang)
        };
        if let Some(l) = file_lang {
            crate::scenario::problem::set_message_lang(l);
        }
    }
    // Flags first, then the config file (theme, projector, interface language).
    let settings = |lang: Option<LangArg>| {
        let flag = match lang {
            Some(LangArg::Zh) => Some(crate::lang::Lang::Zh),
            Some(LangArg::En) => Some(crate::lang::Lang::En),
            _ => None,
        };
        let s = commands::config::trainer_settings(
            &cfg,
            cli.theme,
            flag,
            cli.projector,
            cli.no_projector,
        );
        let lang = s.lang.map(|l| match l {
            crate::lang::Lang::Zh => LangArg::Zh,
            crate::lang::Lang::En => LangArg::En,
        });
        (lang, s.theme, s.projector)
    };
    let result = match cli.command {
        Some(Command::Play {
            scenario,
            script,
            seed,
            format,
            lexicon,
            save,
        }) => commands::play::run(&commands::play::Args {
            scenario,
            script,
            seed,
            format,
            lang: cli.lang,
            lexicon,
            extra,
            save: save.then(|| store.clone()),
        }),
        Some(Command::History { format }) => commands::history::run(&store, format),
        Some(Command::Stats { format }) => commands::history::stats(&store, format),
        Some(Command::Export {
            id,
            all,
            format,
            trainee,
            trainee_id,
            detail,
            output,
        }) => commands::export::run(
            &store,
            &commands::export::Args {
                id: id.as_deref(),
                all,
                format: Some(format),
                trainee: trainee.as_deref(),
                trainee_id: trainee_id.as_deref(),
                detail,
                out: output.as_deref(),
                extra: &extra,
            },
        ),
        Some(Command::Sync {
            lrs,
            dry_run,
            batch,
            trainee,
            trainee_id,
            detail,
        }) => commands::sync::run(
            &store,
            &commands::sync::Args {
                lrs: lrs.as_deref(),
                trainee: trainee.as_deref(),
                trainee_id: trainee_id.as_deref(),
                detail,
                batch,
                dry_run,
                extra: &extra,
            },
        ),
        Some(Command::ClassReport {
            paths,
            lrs,
            since,
            scenario,
            format,
        }) => commands::class_report::run(&commands::class_report::Args {
            paths: &paths,
            lrs: lrs.as_deref(),
            since: since.as_deref(),
            scenario: scenario.as_deref(),
            format: Some(format),
        }),
        Some(Command::Classify {
            format,
            lexicon,
            text,
        }) => commands::classify::run(
            cli.lang.unwrap_or(LangArg::Auto),
            format,
            lexicon.as_deref(),
            &text,
        ),
        Some(Command::Validate {
            paths,
            strict,
            format,
        }) => commands::validate::run(&paths, strict, format),
        Some(Command::New(mut a)) => {
            a.lang = match cli.lang {
                Some(LangArg::Zh) => Some(commands::new::TemplateLang::Zh),
                Some(LangArg::En) => Some(commands::new::TemplateLang::En),
                Some(LangArg::Auto) | None => None,
            };
            commands::new::run(&a)
        }
        Some(Command::Schema(a)) => commands::schema::run(&a),
        Some(Command::Test(a)) => commands::test::run(&a),
        Some(Command::Try(a)) => commands::r#try::run(&a, cli.lang, &extra),
        Some(Command::Explore(a)) => commands::explore::run(&a, &extra),
        Some(Command::List { format }) => commands::list::run(format, &extra),
        Some(Command::Completions { shell }) => commands::completions(shell, Cli::command()),
        Some(Command::Man { command }) => commands::man(Cli::command(), command.as_deref()),
        command
        @ (Some(Command::Train { .. } | Command::Replay { .. } | Command::Learn) | None) => {
            let (lang, theme, projector) = settings(cli.lang);
            open_trainer(
                command,
                commands::train::Args {
                    lang,
                    extra,
                    data_dir,
                    theme,
                    projector,
                    ..commands::train::Args::default()
                },
            )
        }
    };
    match result {
        Ok(code) => code,
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            // The reader went away (`| head`): it has what it wanted.
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::errln!(
                "spin-coach: error: {}",
                crate::text::sanitize_line(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}

/// Opens the trainer for a command that asks for it (none, `train`, `replay`,
/// `learn`) on the screen that command names.
#[cfg(feature = "tui")]
fn open_trainer(command: Option<Command>, a: commands::train::Args) -> anyhow::Result<ExitCode> {
    use crate::tui::Start;
    match command {
        Some(Command::Train {
            scenario,
            seed,
            first_frame,
        }) => commands::train::run(
            commands::train::Args {
                scenario,
                seed,
                first_frame_only: first_frame,
                ..a
            },
            Start::Picker,
        ),
        Some(Command::Replay {
            meeting,
            hide_scores,
        }) => commands::train::run(
            a,
            Start::Replay {
                meeting,
                hide_scores,
            },
        ),
        Some(Command::Learn) => commands::train::run(a, Start::Learn),
        _ => commands::train::run(a, Start::Picker),
    }
}

/// Without the `tui` feature there is no trainer: say so and show the commands.
#[cfg(not(feature = "tui"))]
#[allow(clippy::unnecessary_wraps, clippy::needless_pass_by_value)]
fn open_trainer(_: Option<Command>, _: commands::train::Args) -> anyhow::Result<ExitCode> {
    crate::errln!(
        "spin-coach: this build has no trainer TUI (built without the `tui` feature); use the subcommands below"
    );
    let _ = Cli::command().print_help();
    Ok(ExitCode::from(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand's arguments are consistent (no clash with a global such as
    /// `--lang`); clap checks a subcommand only when it is parsed, so parse each.
    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        assert!(names.len() > 10);
        for name in names {
            let e = Cli::try_parse_from(["spin-coach", name.as_str(), "--help"])
                .err()
                .map(|e| e.kind());
            assert_eq!(e, Some(clap::error::ErrorKind::DisplayHelp), "{name}");
        }
    }

    /// Issue 10, defect 10: `--lang` is global, before or after the command, and no
    /// command keeps a `--lang` of its own (a clash only shows when the value is read).
    #[test]
    fn lang_is_global() {
        let lines: [&[&str]; 8] = [
            &["--lang", "zh"],
            &["--lang", "zh", "train"],
            &["train", "bakery-vpn", "--lang", "zh"],
            &["learn", "--lang", "zh"],
            &["replay", "x", "--lang", "zh"],
            &["play", "bakery-vpn", "--script", "s.yaml", "--lang", "zh"],
            &["--lang", "zh", "classify", "text"],
            &["new", "x", "--lang", "zh"],
        ];
        for args in lines {
            let cli =
                Cli::try_parse_from(std::iter::once("spin-coach").chain(args.iter().copied()))
                    .unwrap_or_else(|e| panic!("{args:?}: {e}"));
            assert_eq!(cli.lang, Some(LangArg::Zh), "{args:?}");
            if let Some(Command::New(a)) = &cli.command {
                assert!(a.lang.is_none(), "filled from the global at dispatch");
            }
        }
    }
}
