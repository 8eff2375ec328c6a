//! Checks a parsed test file against its scenario before anything is played, so a
//! misspelt need, rule or contact is an error with its line, not a puzzling failure.

use super::testfile::{At, Bound, NeedStates, Outcome, StepExpect, TestFile};
use crate::scenario::{Id, Problem, Scenario};
use crate::scoring::RuleId;

struct Checker<'a> {
    sc: &'a Scenario,
    path: &'a str,
    out: Vec<Problem>,
}

impl Checker<'_> {
    fn err<T>(&mut self, at: &At<T>, message: String, hint: impl Into<String>) {
        self.out.push(Problem::error(
            self.path,
            at.referenced.line(),
            at.referenced.column(),
            message,
            hint,
        ));
    }

    fn need(&mut self, id: &Id) {
        if !self.sc.needs.iter().any(|n| n.id.value == id.value) {
            let known: Vec<&str> = self.sc.needs.iter().map(|n| n.id.value.as_str()).collect();
            self.err(
                id,
                format!("unknown need `{}`", id.value),
                format!("needs in this scenario: {}", known.join(", ")),
            );
        }
    }

    fn needs(&mut self, states: &NeedStates) {
        for list in [
            &states.hidden,
            &states.implied,
            &states.developed,
            &states.explicit,
            &states.met,
        ] {
            for id in list {
                self.need(id);
            }
        }
    }

    fn rule(&mut self, r: Option<&At<String>>) {
        // A test may name any scoring rule.
        if let Some(r) = r
            && let Err(e) = r.value.parse::<RuleId>()
        {
            self.err(
                r,
                format!("unknown rule `{}`", e.given),
                format!(
                    "valid rule ids: {}; the README's rule table describes them",
                    RuleId::valid_ids()
                ),
            );
        }
    }

    fn bound(&mut self, b: Option<&At<Bound>>) {
        if let Some(b) = b
            && let Bound::Range(r) = b.value
            && let (Some(lo), Some(hi)) = (r.min, r.max)
            && lo > hi
        {
            self.err(
                b,
                format!("`min` {lo} is larger than `max` {hi}"),
                "swap them",
            );
        }
    }

    fn matched(&mut self, m: Option<&At<String>>) {
        let Some(m) = m else { return };
        if !self.element_exists(&m.value) {
            self.err(
                m,
                format!("`{}` names no element of this scenario", m.value),
                "write facts.<id>, needs.<id>.problem, needs.<id>.implications[<n>], needs.<id>.payoff, needs.<id>, advances.<id> or competitors.<id>",
            );
        }
    }

    fn element_exists(&self, m: &str) -> bool {
        let sc = self.sc;
        if let Some(id) = m.strip_prefix("facts.") {
            return sc.facts.iter().any(|f| f.id.value == id);
        }
        if let Some(id) = m.strip_prefix("advances.") {
            return sc.advances.iter().any(|a| a.id.value == id);
        }
        if let Some(id) = m.strip_prefix("competitors.") {
            return sc.competitors.iter().any(|c| c.id.value == id);
        }
        let Some(rest) = m.strip_prefix("needs.") else {
            return false;
        };
        let (id, tail) = rest.split_once('.').unwrap_or((rest, ""));
        let Some(n) = sc.needs.iter().find(|n| n.id.value == id) else {
            return false;
        };
        match tail {
            "" | "problem" | "payoff" => true,
            t => t
                .strip_prefix("implications[")
                .and_then(|t| t.strip_suffix(']'))
                .and_then(|k| k.parse::<usize>().ok())
                .is_some_and(|k| k < n.implications.len()),
        }
    }

    fn step(&mut self, e: &StepExpect) {
        self.rule(e.rule.as_ref());
        self.rule(e.not_rule.as_ref());
        self.matched(e.matched.as_ref());
        if let Some(n) = &e.needs {
            self.needs(n);
        }
        self.bound(e.points.as_ref());
        self.bound(e.patience.as_ref());
    }

    fn outcome(&mut self, o: &Outcome) {
        if let Some(n) = &o.needs {
            self.needs(n);
        }
        self.bound(o.score.as_ref());
        if let Some(p) = &o.parts {
            for b in [
                &p.investigating,
                &p.developing,
                &p.demonstrating,
                &p.commitment,
            ] {
                self.bound(b.as_ref());
            }
        }
        for a in &o.accepted {
            if !self.sc.advances.iter().any(|x| x.id.value == a.value) {
                let known: Vec<&str> = self
                    .sc
                    .advances
                    .iter()
                    .map(|x| x.id.value.as_str())
                    .collect();
                self.err(
                    a,
                    format!("unknown advance `{}`", a.value),
                    format!("advances in this scenario: {}", known.join(", ")),
                );
            }
        }
        self.rule(o.rule.as_ref());
        self.rule(o.not_rule.as_ref());
    }
}

/// Every problem in a test file relative to its scenario (empty when it can run).
#[must_use]
pub fn check(tf: &TestFile, sc: &Scenario, path: &str) -> Vec<Problem> {
    let mut c = Checker {
        sc,
        path,
        out: Vec::new(),
    };
    if let Some(id) = &tf.scenario
        && id.value != sc.id.value
    {
        c.err(
            id,
            format!(
                "this test file is for `{}` but the scenario is `{}`",
                id.value, sc.id.value
            ),
            "fix `scenario:` or put the test file beside its scenario",
        );
    }
    if tf.cases.is_empty() && tf.phrasings.is_empty() {
        c.out.push(Problem::error(
            path,
            1,
            1,
            "the test file has no cases and no phrasings",
            "add `cases:` with at least one case of turns, or `phrasings:`",
        ));
    }
    c.out
        .extend(super::phrasings::check(&tf.phrasings, sc, path));
    let contacts = sc.customer.contact_ids();
    for case in &tf.cases {
        if case.name.value.trim().is_empty() {
            c.err(
                &case.name,
                "a case has an empty name".into(),
                "name what it checks",
            );
        }
        if case.turns.is_empty() {
            c.err(
                &case.name,
                format!("case `{}` has no turns", case.name.value),
                "add turns",
            );
        }
        for t in &case.turns {
            match t.value.input() {
                None => c.err(
                    t,
                    "a turn needs exactly one of `ask`, `present`, `propose` or `end: true`".into(),
                    "split the turn in two or add the missing action",
                ),
                Some(crate::session::Input::Ask { to: Some(to), .. })
                    if !contacts.contains(&to.as_str()) =>
                {
                    c.err(
                        t,
                        format!("unknown contact `{to}`"),
                        format!("contacts in this scenario: {}", contacts.join(", ")),
                    );
                }
                Some(_) => {}
            }
            if let Some(e) = &t.value.expect {
                c.step(e);
            }
        }
        if let Some(o) = &case.expect {
            c.outcome(&o.value);
        }
    }
    c.out.sort_by_key(|p| (p.line, p.col));
    c.out
}
