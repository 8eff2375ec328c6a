//! Script files: a YAML list of turns for headless play and tests.
//!
//! ```yaml
//! - ask: How many staff do you have?
//! - ask: {to: rosa, text: What does that cost you?}
//! - present: Because it has short numbers, ...
//! - present: {feature: .., function: .., advantage: .., benefit: ..}
//! - propose: A one-month trial in two shops?
//! - end: true
//! ```

use crate::scenario::{Problem, Scenario, load};
use crate::session::{Input, Pitch};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
enum TurnDe {
    Ask(AskArg),
    Present(PresentArg),
    Propose(AskArg),
    End(bool),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AskArg {
    Text(String),
    To(AskTo),
}

/// A presentation, optionally addressed: `{to: id, text: ..}` or `{to: id, feature: ..}`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum PresentArg {
    Plain(Pitch),
    To(PresentTo),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresentTo {
    /// Accepted for symmetry with `ask`; the need's owner answers a presentation.
    #[serde(rename = "to")]
    _to: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    acknowledge: Option<String>,
    #[serde(default)]
    feature: Option<String>,
    #[serde(default)]
    function: Option<String>,
    #[serde(default)]
    advantage: Option<String>,
    #[serde(default)]
    benefit: Option<String>,
}

impl PresentTo {
    /// The pitch; whom it was addressed to does not change how it is graded (the
    /// need's owner answers).
    fn pitch(self) -> Pitch {
        match self.text {
            Some(t) => Pitch::Sentence(t),
            None => Pitch::Parts(crate::session::FfabParts {
                acknowledge: self.acknowledge,
                feature: self.feature,
                function: self.function,
                advantage: self.advantage,
                benefit: self.benefit,
            }),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AskTo {
    to: String,
    text: String,
}

/// One scripted turn and the line it was written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptTurn {
    /// The input.
    pub input: Input,
    /// 1-based line in the script file.
    pub line: u64,
}

/// Parses script text; `path` is used in messages.
///
/// # Errors
/// The parse problem, located.
pub fn parse(src: &str, path: &str) -> Result<Vec<ScriptTurn>, Problem> {
    let raw: Vec<Spanned<TurnDe>> =
        load::parse_doc(src, path, load::Doc::Script).map_err(load::first)?;
    let mut out = Vec::new();
    for t in raw {
        let line = t.referenced.line();
        let input = match t.value {
            TurnDe::Ask(AskArg::Text(text)) => Input::Ask { to: None, text },
            TurnDe::Ask(AskArg::To(a)) => Input::Ask {
                to: Some(a.to),
                text: a.text,
            },
            TurnDe::Present(PresentArg::Plain(p)) => Input::Present(p),
            TurnDe::Present(PresentArg::To(p)) => Input::Present(p.pitch()),
            TurnDe::Propose(AskArg::Text(text) | AskArg::To(AskTo { text, .. })) => {
                Input::Propose(text)
            }
            TurnDe::End(true) => Input::End,
            TurnDe::End(false) => continue,
        };
        out.push(ScriptTurn { input, line });
    }
    Ok(out)
}

/// Whether text looks like a script rather than a scenario: a list at the top level
/// whose items start with a turn (`- ask:`, `- present:`, `- propose:`, `- end:`).
/// Used to tell a script left in a scenario folder from a broken scenario.
#[must_use]
pub fn looks_like_script(src: &str) -> bool {
    let mut items = src.lines().filter(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && !t.starts_with("---")
    });
    let Some(first) = items.next() else {
        return false;
    };
    let turn = |l: &str| {
        l.strip_prefix("- ").is_some_and(|r| {
            let r = r.trim_start();
            ["ask", "present", "propose", "end"].iter().any(|k| {
                r.strip_prefix(k)
                    .is_some_and(|after| after.trim_start().starts_with(':'))
            })
        })
    };
    turn(first)
}

/// Reads and parses a script file.
///
/// # Errors
/// The read or parse problem.
pub fn load_file(path: &Path) -> Result<Vec<ScriptTurn>, Problem> {
    let src = load::read_bounded(path, load::MAX_FILE_BYTES)?;
    parse(&src, &load::shown(path))
}

/// Checks a script against a scenario: every `to` names a contact.
#[must_use]
pub fn check(turns: &[ScriptTurn], sc: &Scenario, path: &str) -> Vec<Problem> {
    let ids = sc.customer.contact_ids();
    turns
        .iter()
        .filter_map(|t| match &t.input {
            Input::Ask { to: Some(to), .. } if !ids.contains(&to.as_str()) => Some(Problem::error(
                path,
                t.line,
                1,
                format!("unknown contact `{to}`"),
                format!("contacts in this scenario: {}", ids.join(", ")),
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_turn_form() {
        let src = "- ask: hi?\n- ask: {to: rosa, text: why?}\n- present: one sentence\n- present: {feature: f, benefit: b}\n- propose: trial\n- end: true\n";
        let turns = parse(src, "s.yaml").map_err(|p| p.to_string());
        let turns = turns.unwrap_or_default();
        assert_eq!(turns.len(), 6);
        assert_eq!(
            turns[1].input,
            Input::Ask {
                to: Some("rosa".into()),
                text: "why?".into()
            }
        );
        assert_eq!(turns[1].line, 2);
        assert!(
            matches!(&turns[3].input, Input::Present(Pitch::Parts(p)) if p.benefit.as_deref() == Some("b"))
        );
        assert_eq!(turns[5].input, Input::End);
    }

    #[test]
    fn scripts_are_told_from_scenarios() {
        assert!(looks_like_script("# a script\n\n- ask: hi?\n- end: true\n"));
        assert!(looks_like_script("- present: {feature: a}\n"));
        assert!(!looks_like_script("id: x\ntitle: y\n"));
        assert!(!looks_like_script("- id: x\n"));
        assert!(!looks_like_script(""));
    }

    #[test]
    fn unknown_turn_kind_is_located() {
        let e = parse("- ask: a\n- shout: b\n", "s.yaml")
            .err()
            .map(|p| p.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("s.yaml:2:"), "{e}");
    }
}
