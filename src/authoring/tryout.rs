//! Trying a wording on a scenario: the coach's reading of it and the step it makes
//! (the customer's reply, the points, the needs that changed), as lines an author
//! can read. Used by `spin-coach try` and by the trainer's try box.

use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::session::{Input, Pitch, Session, Step};
use crate::text::sanitize_line;
use crate::understand::{Confidence, Reading, Topic};
use serde::Serialize;

/// What one wording gave.
#[derive(Debug, Clone, Serialize)]
pub struct Tried {
    /// The wording, as typed.
    pub text: String,
    /// The coach's reading, for questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    /// The element the reading is about (`facts.staff`, `needs.costs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The step it made.
    pub step: Step,
}

/// The input a wording stands for: `present: …` and `propose: …` are a
/// presentation (one sentence) and a proposal; anything else is a question.
#[must_use]
pub fn input_of(text: &str, to: Option<&str>) -> Input {
    let t = text.trim();
    for (prefix, present) in [("present:", true), ("propose:", false)] {
        if t.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
        {
            let rest = t[prefix.len()..].trim().to_string();
            return if present {
                Input::Present(Pitch::Sentence(rest))
            } else {
                Input::Propose(rest)
            };
        }
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

/// Plays a wording as the session's next turn; none when the meeting is over or
/// the wording is blank.
pub fn try_one(session: &mut Session, text: &str, to: Option<&str>) -> Option<Tried> {
    let text = sanitize_line(text).trim().to_string();
    if text.is_empty() || session.is_over() {
        return None;
    }
    let input = input_of(&text, to);
    let reading = match &input {
        Input::Ask { to, text } => Some(session.read_question(text, to.as_deref())),
        _ => None,
    };
    let about = reading
        .as_ref()
        .and_then(|r| about(session.scenario(), r.topic));
    let step = session.apply(input).clone();
    Some(Tried {
        text,
        reading,
        about,
        step,
    })
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

/// The result as labelled lines (label, text) in `lang`, sanitized for a terminal.
#[must_use]
pub fn lines(t: &Tried, lang: Lang) -> Vec<(&'static str, String)> {
    let l = |zh, en| lang.pick(zh, en);
    let mut out = Vec::new();
    if let Some(r) = &t.reading {
        let on = t.about.as_deref().map_or_else(
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
        out.push((
            l("判读", "read as "),
            format!(
                "{} · {} · {} · {} ({} {})",
                r.form.code(),
                form_name(r.form.code(), lang),
                sanitize_line(&on),
                sure,
                l("规则", "rule"),
                r.rule
            ),
        ));
        if !r.evidence.is_empty() {
            out.push((l("依据", "evidence"), sanitize_line(&r.evidence.join(", "))));
        }
    }
    let st = &t.step;
    if !st.reply.is_empty() {
        out.push((
            l("客户", "customer"),
            format!(
                "{}: {}",
                sanitize_line(&st.speaker),
                sanitize_line(&st.reply)
            ),
        ));
    }
    for f in &st.findings {
        out.push((
            l("得分", "points  "),
            format!("{:+} {}: {}", f.points, f.rule, sanitize_line(&f.reason)),
        ));
    }
    for c in &st.changes {
        out.push((
            l("需求", "need    "),
            format!(
                "{}: {} → {}",
                sanitize_line(&c.need),
                c.from.name(lang),
                c.to.name(lang)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_pick_the_kind_of_turn() {
        assert!(matches!(
            input_of("Present: Our VPN logs every call.", None),
            Input::Present(Pitch::Sentence(s)) if s == "Our VPN logs every call."
        ));
        assert!(matches!(
            input_of("propose:试用一个月?", None),
            Input::Propose(s) if s == "试用一个月?"
        ));
        assert!(matches!(
            input_of("  How many staff? ", Some("rosa")),
            Input::Ask { to: Some(c), text } if c == "rosa" && text == "How many staff?"
        ));
        // A multi-byte start is a question, never a cut through a character.
        assert!(matches!(
            input_of("展示：我们的方案", None),
            Input::Ask { .. }
        ));
    }
}
