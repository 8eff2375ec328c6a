//! `spin-coach try <scenario> [TEXT...]`: how the coach reads each wording and what
//! the customer answers, for scenario authors checking a phrasing before a full
//! play. Texts are played in order, each from the state the ones before it left
//! (`--each`: every text from the same state); `--after SCRIPT` plays a script
//! first. A text starting `present:` or `propose:` is played as that kind of turn.

use super::args::{Format, LangArg};
use crate::authoring::tryout::{Tried, lines, try_one};
use crate::lang::Lang;
use crate::session::{Input, Session};
use crate::text::sanitize_line;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// The command's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bundled scenario id or scenario file.
    pub scenario: String,
    /// Texts to try; standard input, one per line, when none are given.
    pub text: Vec<String>,
    /// Play this script first (the state the texts are tried in).
    #[arg(long, value_name = "SCRIPT")]
    pub after: Option<PathBuf>,
    /// Try every text from the same state instead of one after another.
    #[arg(long)]
    pub each: bool,
    /// Address the questions to this contact (by id).
    #[arg(long, value_name = "CONTACT")]
    pub to: Option<String>,
    /// Seed for reply variants.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output format (json: one object per text).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

fn print_text(lang: Lang, tried: &Tried) {
    crate::outln!("» {}", tried.text);
    for (label, text) in lines(tried, lang) {
        crate::outln!("  {label}  {text}");
    }
}

/// Runs the command.
///
/// # Errors
/// When output cannot be written.
pub fn run(a: &Args, lang: Option<LangArg>, extra: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let loaded = match crate::scenario::resolve(&a.scenario, extra) {
        Ok(l) => l,
        Err(ps) => {
            ps.iter().for_each(|p| crate::errln!("{p}"));
            return Ok(ExitCode::from(1));
        }
    };
    let sc = Arc::clone(&loaded.scenario);
    if let Some(to) = &a.to
        && !sc.customer.contacts.iter().any(|c| c.id.value == *to)
    {
        let known = sc.customer.contact_ids();
        crate::errln!(
            "error: unknown contact `{}` (contacts in this scenario: {})",
            sanitize_line(to),
            known.join(", ")
        );
        return Ok(ExitCode::from(2));
    }
    let setup: Vec<Input> = match &a.after {
        None => Vec::new(),
        Some(p) => {
            let turns = match crate::script::load_file(p) {
                Ok(t) => t,
                Err(e) => {
                    crate::errln!("{e}");
                    return Ok(ExitCode::from(1));
                }
            };
            let problems = crate::script::check(&turns, &sc, &crate::scenario::load::shown(p));
            if !problems.is_empty() {
                problems.iter().for_each(|p| crate::errln!("{p}"));
                return Ok(ExitCode::from(1));
            }
            turns.into_iter().map(|t| t.input).collect()
        }
    };
    let lang = match lang {
        Some(LangArg::Zh) => Some(Lang::Zh),
        Some(LangArg::En) => Some(Lang::En),
        _ => None,
    };
    let fresh = || Session::replay(Arc::clone(&sc), a.seed, lang, None, setup.clone()).0;
    let mut session = fresh();
    let out_lang = session.lang();
    let mut one = |text: &str| -> anyhow::Result<()> {
        if text.trim().is_empty() {
            return Ok(());
        }
        if a.each {
            session = fresh();
        }
        let Some(tried) = try_one(&mut session, text, a.to.as_deref()) else {
            crate::outln!(
                "» {}\n  {}",
                sanitize_line(text.trim()),
                out_lang.pick(
                    "会谈已结束:不再作答",
                    "the meeting is over: nothing more is answered"
                )
            );
            return Ok(());
        };
        match a.format {
            Format::Text => print_text(out_lang, &tried),
            Format::Json => crate::outln!("{}", serde_json::to_string(&tried)?),
        }
        Ok(())
    };
    super::each_text(&a.text, &mut one)?;
    Ok(ExitCode::SUCCESS)
}
