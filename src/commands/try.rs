//! `spin-coach try <scenario> [TEXT...]`: how the coach reads each wording and what
//! the customer answers, for scenario authors checking a phrasing before a full
//! play. Texts are played in order, each from the state the ones before it left
//! (`--each`: every text from the same state); `--after SCRIPT` plays a script
//! first. A text starting `present:` or `propose:` is played as that kind of turn.

use super::args::{Format, LangArg};
use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::session::{Input, Pitch, Session, Step};
use crate::text::sanitize_line;
use crate::understand::{Confidence, Reading, Topic};
use serde::Serialize;
use std::io::{BufRead, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Longest line read from standard input; the rest of a longer line is ignored.
const MAX_LINE: usize = 64 * 1024;

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

/// What one text gave, as `--format json` prints it.
#[derive(Serialize)]
struct Tried<'a> {
    text: String,
    /// The reading, for questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    reading: Option<&'a Reading>,
    /// The element the reading is about (`facts.staff`, `needs.costs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<String>,
    step: &'a Step,
}

/// The input a text stands for.
fn input_of(text: &str, to: Option<&str>) -> Input {
    let t = text.trim();
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("present:") {
        let start = t.len() - rest.len();
        return Input::Present(Pitch::Sentence(t[start..].trim().to_string()));
    }
    if let Some(rest) = lower.strip_prefix("propose:") {
        let start = t.len() - rest.len();
        return Input::Propose(t[start..].trim().to_string());
    }
    Input::Ask {
        to: to.map(str::to_string),
        text: t.to_string(),
    }
}

fn about(sc: &Scenario, t: Topic) -> Option<String> {
    match t {
        Topic::Nothing => None,
        Topic::Fact { fact } => sc.facts.get(fact).map(|f| format!("facts.{}", f.id.value)),
        Topic::Need { need } => sc.needs.get(need).map(|n| format!("needs.{}", n.id.value)),
    }
}

fn form_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "S" => lang.pick("背景问题", "situation question"),
        "P" => lang.pick("难点问题", "problem question"),
        "I" => lang.pick("暗示问题", "implication question"),
        "N" => lang.pick("需求-效益问题", "need-payoff question"),
        _ => lang.pick("不是SPIN问题", "not a SPIN question"),
    }
}

fn print_text(lang: Lang, tried: &Tried) {
    let l = |zh, en| lang.pick(zh, en);
    crate::outln!("» {}", sanitize_line(&tried.text));
    if let Some(r) = tried.reading {
        let on = tried.about.as_deref().map_or_else(
            || l("场景中没有对应内容", "nothing in the scenario").to_string(),
            str::to_string,
        );
        let sure = if r.confidence == Confidence::Sure {
            l("确定", "sure")
        } else {
            l(
                "不确定:客户会反问,不计分",
                "unsure: the customer asks back, nothing is scored",
            )
        };
        crate::outln!(
            "  {}  {} · {} · {} · {} {}",
            l("判读", "read as "),
            r.form.code(),
            form_name(r.form.code(), lang),
            sanitize_line(&on),
            sure,
            format_args!("({} {})", l("规则", "rule"), r.rule)
        );
        if !r.evidence.is_empty() {
            crate::outln!(
                "  {}  {}",
                l("依据", "evidence"),
                sanitize_line(&r.evidence.join(", "))
            );
        }
    }
    let st = tried.step;
    if !st.reply.is_empty() {
        crate::outln!(
            "  {}  {}: {}",
            l("客户", "customer"),
            sanitize_line(&st.speaker),
            sanitize_line(&st.reply)
        );
    }
    for f in &st.findings {
        crate::outln!(
            "  {}  {:+} {}: {}",
            l("得分", "points  "),
            f.points,
            f.rule,
            sanitize_line(&f.reason)
        );
    }
    for c in &st.changes {
        crate::outln!(
            "  {}  {}: {} → {}",
            l("需求", "need    "),
            sanitize_line(&c.need),
            c.from.name(lang),
            c.to.name(lang)
        );
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
        let known: Vec<&str> = sc
            .customer
            .contacts
            .iter()
            .map(|c| c.id.value.as_str())
            .collect();
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
        let text = sanitize_line(text);
        if text.trim().is_empty() {
            return Ok(());
        }
        if a.each {
            session = fresh();
        }
        if session.is_over() {
            crate::outln!(
                "» {text}\n  {}",
                out_lang.pick(
                    "会谈已结束:不再作答",
                    "the meeting is over: nothing more is answered"
                )
            );
            return Ok(());
        }
        let input = input_of(&text, a.to.as_deref());
        let reading = match &input {
            Input::Ask { to, text } => Some(session.read_question(text, to.as_deref())),
            _ => None,
        };
        let step = session.apply(input).clone();
        let tried = Tried {
            text: text.trim().to_string(),
            about: reading.as_ref().and_then(|r| about(&sc, r.topic)),
            reading: reading.as_ref(),
            step: &step,
        };
        match a.format {
            Format::Text => print_text(out_lang, &tried),
            Format::Json => crate::outln!("{}", serde_json::to_string(&tried)?),
        }
        Ok(())
    };
    if a.text.is_empty() {
        let stdin = std::io::stdin();
        let mut reader = stdin.lock();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = Read::take(&mut reader, MAX_LINE as u64).read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            if buf.last() != Some(&b'\n') && n == MAX_LINE {
                let mut rest = Vec::new();
                reader.read_until(b'\n', &mut rest)?;
            }
            let line = String::from_utf8_lossy(&buf);
            one(line.trim_end_matches(['\n', '\r']))?;
        }
    } else {
        for t in &a.text {
            one(t)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
