//! `spin-coach classify`: label each text S, P, I, N or `-`.

use super::args::{Format, LangArg};
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::lexicon::classify::{classify, classify_as};
use crate::text::sanitize_line;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Serialize)]
struct Out<'a> {
    label: &'static str,
    lang: Lang,
    rule: &'static str,
    cues: &'a [String],
    text: String,
}

/// Runs the command.
///
/// # Errors
/// When the lexicon file cannot be read or output cannot be written.
pub fn run(
    lang: LangArg,
    format: Format,
    lexicon: Option<&Path>,
    texts: &[String],
) -> anyhow::Result<ExitCode> {
    let mut lex = Lexicon::builtin().clone();
    if let Some(p) = lexicon {
        match Lexicon::load(p) {
            Ok(extra) => lex.extend(&extra),
            Err(problem) => {
                // A scenario is not a lexicon: its cues only make sense in a meeting.
                if crate::scenario::load_file(p).is_ok() {
                    crate::errln!(
                        "{}: error: this is a scenario, not a cue lexicon (to see how a wording is read in this scenario and what the customer answers, run `spin-coach try {} \"your question\"`)",
                        crate::scenario::load::shown(p),
                        crate::scenario::load::shown(p)
                    );
                } else {
                    crate::errln!("{problem}");
                }
                return Ok(ExitCode::from(1));
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut one = |t: &str| -> anyhow::Result<()> {
        let c = match lang {
            LangArg::Auto => classify(t, &lex),
            LangArg::Zh => classify_as(t, &lex, Lang::Zh),
            LangArg::En => classify_as(t, &lex, Lang::En),
        };
        match format {
            Format::Text => writeln!(out, "{}\t{}", c.label.code(), sanitize_line(t))?,
            Format::Json => {
                let o = Out {
                    label: c.label.code(),
                    lang: c.lang,
                    rule: c.rule,
                    cues: &c.cues,
                    text: sanitize_line(t),
                };
                writeln!(out, "{}", serde_json::to_string(&o)?)?;
            }
        }
        Ok(())
    };
    super::each_text(texts, &mut one)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
