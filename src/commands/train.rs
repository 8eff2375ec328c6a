//! `spin-coach` (no command), `train`, `replay` and `learn`: open the trainer TUI
//! (without the `tui` feature, `cli` says there is none).

use super::args::{LangArg, ThemeArg};
use std::path::PathBuf;
#[cfg(feature = "tui")]
use std::process::ExitCode;

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
}

/// Opens the trainer on its `start` screen.
///
/// # Errors
/// Terminal errors.
#[cfg(feature = "tui")]
pub fn run(a: Args, start: crate::tui::Start) -> anyhow::Result<ExitCode> {
    use crate::tui::theme::ThemeName;
    let lang = match a.lang {
        Some(LangArg::Zh) => Some(crate::lang::Lang::Zh),
        Some(LangArg::En) => Some(crate::lang::Lang::En),
        _ => None,
    };
    if let Some(why) = no_terminal(lang.unwrap_or_else(crate::tui::env_lang)) {
        crate::errln!("spin-coach: error: {why}");
        return Ok(ExitCode::from(2));
    }
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
        start,
    })
}

/// Why the trainer cannot run here, if it cannot: standard output is not a
/// terminal (a pipe or a file), or `TERM=dumb` (no cursor control).
#[cfg(feature = "tui")]
fn no_terminal(lang: crate::lang::Lang) -> Option<&'static str> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Some(lang.pick(
            "训练程序需要一个终端；脚本请用 `spin-coach play`",
            "the trainer needs a terminal; use `spin-coach play` for scripts",
        ));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Some(lang.pick(
            "训练程序需要能移动光标的终端（TERM=dumb）；请在普通终端中运行，脚本请用 `spin-coach play`",
            "the trainer needs a terminal with cursor control, and TERM=dumb has none; run it in an ordinary terminal, or use `spin-coach play` for scripts",
        ));
    }
    None
}
