//! Phrasing banks in a test file: wordings a trainee might use, each of which must
//! be read as one stage of one need (or as a situation question on one fact). Each
//! wording is read from the state that stage needs: a problem question in a fresh
//! meeting, an implication question once the need is implied, a need-payoff
//! question once it is developed. The setup turns are made from the scenario's own
//! cues (as a drill's are), so a bank stays valid when the cues change.
//!
//! ```yaml
//! phrasings:
//!   - need: reach-drivers
//!     stage: problem
//!     texts:
//!       - Do you ever struggle to get hold of a driver on the road?
//!       - 司机在路上的时候，联系他们难不难？
//!   - fact: vans
//!     texts: [How big is the fleet these days?]
//! ```

use super::runner::{CaseRun, Check};
use super::testfile::At;
use crate::classroom::drill;
use crate::lexicon::classify::Label;
use crate::scenario::{Id, Problem, Scenario};
use crate::session::{Input, Session};
use crate::text::sanitize_line;
use crate::understand::{Confidence, Topic};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

/// The stage of a need a wording must be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// A problem question that uncovers the need (read in a fresh meeting).
    Problem,
    /// An implication question on it (read once the need is implied).
    Implication,
    /// A need-payoff question on it (read once it is developed).
    NeedPayoff,
}

impl Stage {
    fn label(self) -> Label {
        match self {
            Stage::Problem => Label::P,
            Stage::Implication => Label::I,
            Stage::NeedPayoff => Label::N,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Stage::Problem => "problem",
            Stage::Implication => "implication",
            Stage::NeedPayoff => "need-payoff",
        }
    }
}

/// One bank: a need and stage (or a fact), and the wordings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// The need the wordings are about (with `stage`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub need: Option<Id>,
    /// The stage they must be read as: problem, implication or need-payoff.
    #[serde(default)]
    pub stage: Option<Stage>,
    /// Or: the fact they ask about, as situation questions.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub fact: Option<Id>,
    /// The contact they are addressed to, by id (default: the room).
    #[serde(default)]
    pub to: Option<String>,
    /// The wordings.
    #[schemars(with = "Vec<String>")]
    pub texts: Vec<At<String>>,
}

fn err<T>(out: &mut Vec<Problem>, path: &str, at: &At<T>, msg: String, hint: &str) {
    out.push(Problem::error(
        path,
        at.referenced.line(),
        at.referenced.column(),
        msg,
        hint,
    ));
}

/// Checks the banks against the scenario before anything is read.
#[must_use]
pub fn check(banks: &[At<Bank>], sc: &Scenario, path: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    for b in banks {
        let v = &b.value;
        match (&v.need, &v.fact) {
            (Some(_), Some(_)) | (None, None) => err(
                &mut out,
                path,
                b,
                "a phrasing bank names either `need:` (with `stage:`) or `fact:`".into(),
                "e.g. {need: reach-drivers, stage: problem, texts: [...]}",
            ),
            (Some(n), None) => {
                if !sc.needs.iter().any(|x| x.id.value == n.value) {
                    let known: Vec<&str> = sc.needs.iter().map(|x| x.id.value.as_str()).collect();
                    err(
                        &mut out,
                        path,
                        n,
                        format!("unknown need `{}`", n.value),
                        &format!("needs in this scenario: {}", known.join(", ")),
                    );
                }
                if v.stage.is_none() {
                    err(
                        &mut out,
                        path,
                        b,
                        "a need's phrasing bank needs `stage:`".into(),
                        "stage: problem, implication or need-payoff",
                    );
                }
            }
            (None, Some(f)) => {
                if !sc.facts.iter().any(|x| x.id.value == f.value) {
                    let known: Vec<&str> = sc.facts.iter().map(|x| x.id.value.as_str()).collect();
                    err(
                        &mut out,
                        path,
                        f,
                        format!("unknown fact `{}`", f.value),
                        &format!("facts in this scenario: {}", known.join(", ")),
                    );
                }
                if v.stage.is_some() {
                    err(
                        &mut out,
                        path,
                        b,
                        "a fact's phrasings are situation questions: leave out `stage:`".into(),
                        "remove `stage:`",
                    );
                }
            }
        }
        if let Some(to) = &v.to
            && !sc.customer.contacts.iter().any(|c| c.id.value == *to)
        {
            let known = sc.customer.contact_ids();
            err(
                &mut out,
                path,
                b,
                format!("unknown contact `{to}`"),
                &format!("contacts in this scenario: {}", known.join(", ")),
            );
        }
        if v.texts.is_empty() {
            err(
                &mut out,
                path,
                b,
                "the bank has no `texts:`".into(),
                "list the wordings under `texts:`",
            );
        }
    }
    out
}

/// The turns that bring a fresh meeting to where `stage` of need `i` is asked.
fn setup(sc: &Arc<Scenario>, i: usize, stage: Stage) -> Vec<Input> {
    match stage {
        Stage::Problem => Vec::new(),
        Stage::Implication => drill::prepare_need(sc, i, false),
        Stage::NeedPayoff => drill::prepare_need(sc, i, true),
    }
}

fn topic_name(sc: &Scenario, t: Topic) -> String {
    match t {
        Topic::Nothing => "nothing in the scenario".into(),
        Topic::Fact { fact } => sc
            .facts
            .get(fact)
            .map_or_else(String::new, |f| format!("fact {}", f.id.value)),
        Topic::Need { need } => sc
            .needs
            .get(need)
            .map_or_else(String::new, |n| format!("need {}", n.id.value)),
    }
}

/// Reads every wording of every bank; one run named "phrasings" with a check per wording.
#[must_use]
pub fn run(banks: &[At<Bank>], sc: &Arc<Scenario>, seed: u64) -> Option<CaseRun> {
    if banks.is_empty() {
        return None;
    }
    let mut checks = Vec::new();
    for b in banks {
        let v = &b.value;
        let (want_label, want_topic, what, inputs) = match (&v.need, &v.fact, v.stage) {
            (Some(n), None, Some(stage)) => {
                let Some(i) = sc.needs.iter().position(|x| x.id.value == n.value) else {
                    continue;
                };
                (
                    stage.label(),
                    Topic::Need { need: i },
                    format!("phrasing, {} of need {}", stage.name(), n.value),
                    setup(sc, i, stage),
                )
            }
            (None, Some(f), None) => {
                let Some(i) = sc.facts.iter().position(|x| x.id.value == f.value) else {
                    continue;
                };
                (
                    Label::S,
                    Topic::Fact { fact: i },
                    format!("phrasing, situation on fact {}", f.value),
                    Vec::new(),
                )
            }
            _ => continue,
        };
        let (session, _) = Session::replay(Arc::clone(sc), seed, None, None, inputs);
        for t in &v.texts {
            let r = session.read_question(&t.value, v.to.as_deref());
            let passed =
                r.form == want_label && r.topic == want_topic && r.confidence == Confidence::Sure;
            let unsure = if r.confidence == Confidence::Sure {
                ""
            } else {
                ", unsure (the customer would ask back)"
            };
            checks.push(Check {
                line: t.referenced.line(),
                col: t.referenced.column(),
                turn: None,
                what: format!("{what}: \"{}\"", sanitize_line(&t.value)),
                expected: format!("{} on {}", want_label.code(), topic_name(sc, want_topic)),
                actual: format!(
                    "{} on {}{unsure} (rule {})",
                    r.form.code(),
                    topic_name(sc, r.topic),
                    r.rule
                ),
                passed,
                context: if r.evidence.is_empty() {
                    String::new()
                } else {
                    format!("evidence: {}", r.evidence.join(", "))
                },
            });
        }
    }
    Some(CaseRun {
        name: "phrasings".into(),
        seed,
        checks,
    })
}
