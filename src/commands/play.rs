//! `spin-coach play <scenario> --script FILE`: run a scripted meeting.

use super::args::{Format, LangArg};
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::report;
use crate::session::Session;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// The command's arguments.
#[derive(Debug)]
pub struct Args {
    /// Bundled id or path.
    pub scenario: String,
    /// Script file.
    pub script: PathBuf,
    /// Seed.
    pub seed: u64,
    /// Output format.
    pub format: Format,
    /// Language override.
    pub lang: Option<LangArg>,
    /// Extra lexicon.
    pub lexicon: Option<PathBuf>,
    /// Extra scenario folders.
    pub extra: Vec<PathBuf>,
    /// Save the meeting in this history store.
    pub save: Option<crate::store::Store>,
}

/// Runs the command.
///
/// # Errors
/// When output cannot be written.
pub fn run(a: &Args) -> anyhow::Result<ExitCode> {
    let loaded = match crate::scenario::resolve(&a.scenario, &a.extra) {
        Ok(l) => l,
        Err(ps) => {
            ps.iter().for_each(|p| crate::errln!("{p}"));
            return Ok(ExitCode::from(1));
        }
    };
    let turns = match crate::script::load_file(&a.script) {
        Ok(t) => t,
        Err(p) => {
            crate::errln!("{p}");
            return Ok(ExitCode::from(1));
        }
    };
    let problems = crate::script::check(
        &turns,
        &loaded.scenario,
        &crate::scenario::load::shown(&a.script),
    );
    if !problems.is_empty() {
        problems.iter().for_each(|p| crate::errln!("{p}"));
        return Ok(ExitCode::from(1));
    }
    let extra = match &a.lexicon {
        Some(p) => match Lexicon::load(p) {
            Ok(l) => Some(l),
            Err(p) => {
                crate::errln!("{p}");
                return Ok(ExitCode::from(1));
            }
        },
        None => None,
    };
    let lang = match a.lang {
        Some(LangArg::Zh) => Some(Lang::Zh),
        Some(LangArg::En) => Some(Lang::En),
        _ => None,
    };
    let sc = &loaded.scenario;
    let started_at = crate::store::time::now();
    let inputs: Vec<crate::session::Input> = turns.iter().map(|t| t.input.clone()).collect();
    let (session, played) =
        Session::replay(Arc::clone(sc), a.seed, lang, extra.as_ref(), inputs.clone());
    let skipped = inputs.len() - played;
    let rep = report::build(&session, a.seed);
    if let Some(store) = &a.save {
        let mut rec = crate::store::record(
            crate::store::new_id(),
            &loaded,
            &session,
            a.seed,
            inputs[..played].to_vec(),
            started_at,
        );
        rec.trainee = super::config::trainee(None);
        match store.save(&rec) {
            Ok(path) => crate::errln!(
                "saved meeting {} to {}",
                rec.id,
                crate::text::sanitize_line(&path.display().to_string())
            ),
            Err(e) => {
                crate::errln!("spin-coach: error: {e}");
                return Ok(ExitCode::from(1));
            }
        }
    }
    match a.format {
        Format::Json => crate::outln!("{}", serde_json::to_string_pretty(&rep)?),
        Format::Text => {
            crate::out!("{}", report::render_text(&rep, session.steps(), sc));
            if skipped > 0 {
                let l = session.lang();
                crate::outln!(
                    "{}",
                    l.pick(
                        &format!("(客户已离开,剩余 {skipped} 个回合未执行)"),
                        &format!("(the customer left; {skipped} remaining turn(s) not played)")
                    )
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
