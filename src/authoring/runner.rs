//! Runs a checked test file: plays each case through a fresh [`Session`] and compares
//! every expectation with what happened, keeping the place it was written.

use super::testfile::{
    At, Bound, Case, EndingArg, LabelArg, NeedStates, Outcome, Quadrant, StepExpect, TestFile,
};
use crate::report;
use crate::scenario::Scenario;
use crate::scoring::RuleId;
use crate::session::{NeedState, Session, Step};
use crate::text::{normalize, sanitize_line};
use std::sync::Arc;

/// One expectation and whether it held.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    /// 1-based line of the expectation in the test file.
    pub line: u64,
    /// 1-based column.
    pub col: u64,
    /// The turn it is about (1-based), or none for the meeting's end.
    pub turn: Option<usize>,
    /// What was checked: `label`, `rule`, `need reach-drivers`, `score`, …
    pub what: String,
    /// What the test file asked for.
    pub expected: String,
    /// What happened.
    pub actual: String,
    /// Whether it held.
    pub passed: bool,
    /// More of what happened, to help read a failure.
    pub context: String,
}

/// The checks of one case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CaseRun {
    /// The case's name.
    pub name: String,
    /// The seed it was played with.
    pub seed: u64,
    /// Every expectation, in file order.
    pub checks: Vec<Check>,
}

struct Collector {
    turn: Option<usize>,
    context: String,
    checks: Vec<Check>,
}

impl Collector {
    fn push<T>(&mut self, at: &At<T>, what: &str, expected: String, actual: String, passed: bool) {
        self.checks.push(Check {
            line: at.referenced.line(),
            col: at.referenced.column(),
            turn: self.turn,
            what: what.to_string(),
            expected,
            actual,
            passed,
            context: self.context.clone(),
        });
    }

    fn bound(&mut self, b: Option<&At<Bound>>, what: &str, v: i64) {
        if let Some(b) = b {
            self.push(b, what, b.value.describe(), v.to_string(), b.value.holds(v));
        }
    }

    fn needs(&mut self, want: &NeedStates, sc: &Scenario, session: &Session) {
        let lists = [
            (NeedState::Hidden, &want.hidden),
            (NeedState::Implied, &want.implied),
            (NeedState::Developed, &want.developed),
            (NeedState::Explicit, &want.explicit),
            (NeedState::Met, &want.met),
        ];
        for (state, ids) in lists {
            for id in ids {
                let got = sc
                    .needs
                    .iter()
                    .position(|n| n.id.value == id.value)
                    .and_then(|i| session.needs().get(i))
                    .map(|p| p.state);
                let actual = got.map_or("unknown need", |s| state_code(s)).to_string();
                let what = format!("need {}", id.value);
                self.push(
                    id,
                    &what,
                    state_code(state).into(),
                    actual,
                    got == Some(state),
                );
            }
        }
    }

    fn rules(
        &mut self,
        want: Option<&At<String>>,
        not: Option<&At<String>>,
        mut applied: impl Iterator<Item = RuleId> + Clone,
    ) {
        let list = applied
            .clone()
            .map(RuleId::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let list = if list.is_empty() {
            "none".to_string()
        } else {
            list
        };
        // The ids were checked before the run; one that names no rule never matches.
        if let Some(r) = want {
            let id = r.value.parse::<RuleId>().ok();
            let ok = applied.clone().any(|x| Some(x) == id);
            self.push(r, "rule", r.value.clone(), list.clone(), ok);
        }
        if let Some(r) = not {
            let id = r.value.parse::<RuleId>().ok();
            let ok = !applied.any(|x| Some(x) == id);
            self.push(r, "not_rule", format!("not {}", r.value), list, ok);
        }
    }
}

/// `hidden`, `implied`, `developed`, `explicit` or `met`.
#[must_use]
pub fn state_code(s: NeedState) -> &'static str {
    match s {
        NeedState::Hidden => "hidden",
        NeedState::Implied => "implied",
        NeedState::Developed => "developed",
        NeedState::Explicit => "explicit",
        NeedState::Met => "met",
    }
}

fn label_code(l: LabelArg) -> &'static str {
    match l {
        LabelArg::S => "S",
        LabelArg::P => "P",
        LabelArg::I => "I",
        LabelArg::N => "N",
        LabelArg::Other => "-",
    }
}

fn step_context(step: &Step) -> String {
    let mut parts = Vec::new();
    if let Some(l) = step.label {
        parts.push(format!("label {}", l.code()));
    }
    let rules: Vec<String> = step
        .findings
        .iter()
        .map(|f| format!("{} ({:+})", f.rule, f.points))
        .collect();
    if !rules.is_empty() {
        parts.push(format!("rules {}", rules.join(", ")));
    }
    if let Some(m) = &step.matched {
        parts.push(format!("matched {m}"));
    }
    let reply: String = step.reply.chars().take(60).collect();
    let more = if step.reply.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    parts.push(format!("reply \"{}{more}\"", sanitize_line(&reply)));
    parts.join("; ")
}

fn check_step(c: &mut Collector, e: &StepExpect, step: &Step, sc: &Scenario, session: &Session) {
    if let Some(l) = &e.label {
        let actual = step.label.map_or("none (not a question)", |x| x.code());
        c.push(
            l,
            "label",
            label_code(l.value).into(),
            actual.into(),
            actual == label_code(l.value),
        );
    }
    c.rules(
        e.rule.as_ref(),
        e.not_rule.as_ref(),
        step.findings.iter().map(|f| f.rule),
    );
    if let Some(m) = &e.matched {
        let actual = step.matched.clone().unwrap_or_else(|| "nothing".into());
        c.push(
            m,
            "matched",
            m.value.clone(),
            actual.clone(),
            actual == m.value,
        );
    }
    if let Some(n) = &e.needs {
        c.needs(n, sc, session);
    }
    c.bound(e.points.as_ref(), "points", i64::from(step.points));
    c.bound(e.patience.as_ref(), "patience", i64::from(step.patience));
    if let Some(r) = &e.reply {
        let ok = normalize(&step.reply).contains(&normalize(&r.value));
        c.push(
            r,
            "reply",
            format!("contains \"{}\"", r.value),
            sanitize_line(&step.reply),
            ok,
        );
    }
}

fn check_outcome(c: &mut Collector, o: &Outcome, sc: &Scenario, session: &Session, seed: u64) {
    let rep = report::build(session, seed);
    c.context = format!(
        "score {}, relationship {}, ending {}",
        rep.score.total, &*rep.relationship.quadrant, &*rep.ending
    );
    if let Some(n) = &o.needs {
        c.needs(n, sc, session);
    }
    c.bound(o.score.as_ref(), "score", i64::from(rep.score.total));
    if let Some(p) = &o.parts {
        let parts = &rep.score.parts;
        c.bound(
            p.investigating.as_ref(),
            "investigating",
            i64::from(parts.investigating.points),
        );
        c.bound(
            p.developing.as_ref(),
            "developing",
            i64::from(parts.developing.points),
        );
        c.bound(
            p.demonstrating.as_ref(),
            "demonstrating",
            i64::from(parts.demonstrating.points),
        );
        c.bound(
            p.commitment.as_ref(),
            "commitment",
            i64::from(parts.commitment.points),
        );
    }
    if let Some(q) = &o.relationship {
        let want = match q.value {
            Quadrant::Partner => "partner",
            Quadrant::Supplier => "supplier",
            Quadrant::Friend => "friend",
            Quadrant::Outsider => "outsider",
        };
        let got: &str = &rep.relationship.quadrant;
        c.push(q, "relationship", want.into(), got.into(), got == want);
    }
    if let Some(e) = &o.ending {
        let want = match e.value {
            EndingArg::Trainee => "trainee",
            EndingArg::CustomerLeft => "customer_left",
            EndingArg::Unfinished => "unfinished",
        };
        let got: &str = &rep.ending;
        c.push(e, "ending", want.into(), got.into(), got == want);
    }
    let accepted: Vec<&str> = session
        .accepted()
        .iter()
        .filter_map(|i| sc.advances.get(*i))
        .map(|a| a.id.value.as_str())
        .collect();
    let shown = if accepted.is_empty() {
        "none".to_string()
    } else {
        accepted.join(", ")
    };
    for a in &o.accepted {
        let ok = accepted.contains(&a.value.as_str());
        c.push(a, "accepted", a.value.clone(), shown.clone(), ok);
    }
    let closing = report::closing_findings(session);
    let all = session
        .steps()
        .iter()
        .flat_map(|s| s.findings.iter())
        .chain(closing.iter())
        .map(|f| f.rule);
    c.rules(o.rule.as_ref(), o.not_rule.as_ref(), all);
}

fn run_case(tf: &TestFile, case: &Case, sc: &Arc<Scenario>) -> CaseRun {
    let seed = case.seed.or(tf.seed).unwrap_or(1);
    let lang = case.lang.or(tf.lang);
    let mut session = Session::new(Arc::clone(sc), seed, lang, None);
    let mut c = Collector {
        turn: None,
        context: String::new(),
        checks: Vec::new(),
    };
    for t in &case.turns {
        let Some(input) = t.value.input() else {
            continue;
        };
        let step = session.apply(input).clone();
        if let Some(e) = &t.value.expect {
            c.turn = Some(step.turn);
            c.context = step_context(&step);
            check_step(&mut c, e, &step, sc, &session);
        }
    }
    if let Some(o) = &case.expect {
        c.turn = None;
        check_outcome(&mut c, &o.value, sc, &session, seed);
    }
    // Report in file order, whatever order the checks were made in.
    c.checks.sort_by_key(|k| (k.line, k.col));
    CaseRun {
        name: case.name.value.clone(),
        seed,
        checks: c.checks,
    }
}

/// Plays every case of a test file (already checked with [`super::testfile::check`]).
#[must_use]
pub fn run(tf: &TestFile, sc: &Arc<Scenario>) -> Vec<CaseRun> {
    let mut runs: Vec<CaseRun> = tf.cases.iter().map(|case| run_case(tf, case, sc)).collect();
    runs.extend(super::phrasings::run(
        &tf.phrasings,
        sc,
        tf.seed.unwrap_or(1),
    ));
    runs
}
