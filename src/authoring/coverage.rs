//! Keeps count of what exploration reached: replies, need states, benefits,
//! objections and advances, and turns the counts into a [`Coverage`].

use super::explore::Options;
use super::runner::state_code;
use super::texts;
use crate::lang::Lang;
use crate::report;
use crate::scenario::Scenario;
use crate::scoring::RuleId;
use crate::session::{Ending, NeedState, Session, Step};
use crate::text::sanitize;
use serde::Serialize;
use std::collections::HashMap;

/// How far one need got over all runs.
#[derive(Debug, Clone, Serialize)]
pub struct NeedReach {
    /// Need id.
    pub id: String,
    /// The furthest state reached in any run.
    pub best: &'static str,
    /// Runs in which it became explicit (or met).
    pub explicit_runs: u32,
    /// Runs in which a benefit met it.
    pub met_runs: u32,
}

/// How often an advance was proposed and how it went.
#[derive(Debug, Clone, Serialize)]
pub struct AdvanceReach {
    /// Advance id.
    pub id: String,
    /// Times the customer accepted it.
    pub accepted: u32,
    /// Times the customer declined it.
    pub declined: u32,
}

/// What the walks reached and what they never did.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Scenario id.
    pub scenario: String,
    /// Meetings played.
    pub runs: u32,
    /// The seed.
    pub seed: u64,
    /// Most turns per meeting.
    pub turns: usize,
    /// Customer replies written in the scenario.
    pub replies_total: usize,
    /// Of those, how many some walk reached.
    pub replies_reached: usize,
    /// Replies never reached, by field path.
    pub replies_never: Vec<String>,
    /// Each need's progress.
    pub needs: Vec<NeedReach>,
    /// Needs that never became explicit.
    pub needs_never_explicit: Vec<String>,
    /// Benefits never presented to their need once it was explicit.
    pub benefits_never_usable: Vec<String>,
    /// Objections never raised.
    pub objections_never_triggered: Vec<String>,
    /// Each advance's outcomes.
    pub advances: Vec<AdvanceReach>,
    /// Advances never accepted.
    pub advances_never_accepted: Vec<String>,
    /// Meetings the customer ended by leaving.
    pub customer_left: u32,
    /// Lowest, mean and highest total score over the runs.
    pub score: [i32; 3],
}

/// True for a field that the customer says (a reply, not a label or briefing).
/// The lines the people additions add after a reply (a contact's win) are not
/// counted: exploration does not play them.
fn is_reply(field: &str) -> bool {
    (field.ends_with(".reply") && !field.contains(".wins["))
        || field.contains(".variants[")
        || field.ends_with(".satisfied")
        || field.ends_with(".accept")
        || field.ends_with(".decline")
        || field.starts_with("fallbacks.")
}

/// Running counts over the explored meetings.
pub struct Tracker<'a> {
    sc: &'a Scenario,
    keys: Vec<String>,
    by_text: HashMap<String, Vec<usize>>,
    reached: Vec<bool>,
    objection_texts: HashMap<String, Vec<usize>>,
    objections: Vec<bool>,
    best: Vec<NeedState>,
    explicit_runs: Vec<u32>,
    met_runs: Vec<u32>,
    usable: Vec<Vec<bool>>,
    accepted: Vec<u32>,
    declined: Vec<u32>,
    left: u32,
    scores: Vec<i32>,
}

impl<'a> Tracker<'a> {
    /// Starts counting for a scenario played in `lang`.
    #[must_use]
    pub fn new(sc: &'a Scenario, lang: Lang) -> Self {
        let mut keys = Vec::new();
        let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
        for r in texts::all(sc).into_iter().filter(|r| is_reply(&r.field)) {
            by_text
                .entry(sanitize(r.text.get(lang)))
                .or_default()
                .push(keys.len());
            keys.push(r.field);
        }
        let mut objection_texts: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in sc.objections.iter().enumerate() {
            for t in std::iter::once(&o.reply).chain(&o.variants) {
                objection_texts
                    .entry(sanitize(t.get(lang)))
                    .or_default()
                    .push(i);
            }
        }
        let n = sc.needs.len();
        Tracker {
            sc,
            reached: vec![false; keys.len()],
            keys,
            by_text,
            objection_texts,
            objections: vec![false; sc.objections.len()],
            best: vec![NeedState::Hidden; n],
            explicit_runs: vec![0; n],
            met_runs: vec![0; n],
            usable: sc
                .products
                .iter()
                .map(|p| vec![false; p.benefits.len()])
                .collect(),
            accepted: vec![0; sc.advances.len()],
            declined: vec![0; sc.advances.len()],
            left: 0,
            scores: Vec::new(),
        }
    }

    /// Records one step; `presented` is the (product, benefit) the move aimed at.
    pub fn step(&mut self, step: &Step, presented: Option<(usize, usize)>) {
        for k in self.by_text.get(&step.reply).into_iter().flatten() {
            if let Some(r) = self.reached.get_mut(*k) {
                *r = true;
            }
        }
        for o in self.objection_texts.get(&step.reply).into_iter().flatten() {
            if let Some(r) = self.objections.get_mut(*o) {
                *r = true;
            }
        }
        let has = |rule: RuleId| step.findings.iter().any(|f| f.rule == rule);
        if let Some(m) = step
            .matched
            .as_deref()
            .and_then(|m| m.strip_prefix("advances."))
            && let Some(a) = self.sc.advances.iter().position(|x| x.id.value == m)
        {
            if has(RuleId::AdvanceAccepted) {
                self.accepted[a] += 1;
            } else if has(RuleId::AdvanceDeclined) {
                self.declined[a] += 1;
            }
        }
        if let Some((p, b)) = presented
            && has(RuleId::BenefitExplicit)
            && let Some(benefit) = self.sc.products.get(p).and_then(|x| x.benefits.get(b))
            && step.matched.as_deref() == Some(format!("needs.{}", benefit.need.value).as_str())
            && let Some(u) = self.usable.get_mut(p).and_then(|x| x.get_mut(b))
        {
            *u = true;
        }
    }

    /// Records the end of one meeting.
    pub fn finish(&mut self, session: &Session, seed: u64) {
        for (i, p) in session.needs().iter().enumerate() {
            self.best[i] = self.best[i].max(p.state);
            self.explicit_runs[i] += u32::from(p.state >= NeedState::Explicit);
            self.met_runs[i] += u32::from(p.state == NeedState::Met);
        }
        self.left += u32::from(session.ending() == Some(Ending::CustomerLeft));
        self.scores.push(report::build(session, seed).score.total);
    }

    /// The coverage so far.
    #[must_use]
    pub fn coverage(&self, opt: Options) -> Coverage {
        let sc = self.sc;
        let never = |hit: &[bool], ids: Vec<String>| -> Vec<String> {
            ids.into_iter()
                .zip(hit)
                .filter(|(_, h)| !**h)
                .map(|(id, _)| id)
                .collect()
        };
        let needs: Vec<NeedReach> = sc
            .needs
            .iter()
            .enumerate()
            .map(|(i, n)| NeedReach {
                id: n.id.value.clone(),
                best: state_code(self.best[i]),
                explicit_runs: self.explicit_runs[i],
                met_runs: self.met_runs[i],
            })
            .collect();
        let benefit_ids: Vec<String> = sc
            .products
            .iter()
            .flat_map(|p| p.benefits.iter().map(|b| b.id.value.clone()))
            .collect();
        let usable: Vec<bool> = self.usable.iter().flatten().copied().collect();
        let advances: Vec<AdvanceReach> = sc
            .advances
            .iter()
            .enumerate()
            .map(|(a, x)| AdvanceReach {
                id: x.id.value.clone(),
                accepted: self.accepted[a],
                declined: self.declined[a],
            })
            .collect();
        let sum: i64 = self.scores.iter().map(|s| i64::from(*s)).sum();
        let mean =
            i32::try_from(sum / i64::try_from(self.scores.len().max(1)).unwrap_or(1)).unwrap_or(0);
        Coverage {
            scenario: sc.id.value.clone(),
            runs: opt.runs,
            seed: opt.seed,
            turns: opt.turns,
            replies_total: self.keys.len(),
            replies_reached: self.reached.iter().filter(|r| **r).count(),
            replies_never: never(&self.reached, self.keys.clone()),
            needs_never_explicit: needs
                .iter()
                .filter(|n| n.explicit_runs == 0)
                .map(|n| n.id.clone())
                .collect(),
            needs,
            benefits_never_usable: never(&usable, benefit_ids),
            objections_never_triggered: never(
                &self.objections,
                sc.objections.iter().map(|o| o.id.value.clone()).collect(),
            ),
            advances_never_accepted: advances
                .iter()
                .filter(|a| a.accepted == 0)
                .map(|a| a.id.clone())
                .collect(),
            advances,
            customer_left: self.left,
            score: [
                self.scores.iter().copied().min().unwrap_or(0),
                mean,
                self.scores.iter().copied().max().unwrap_or(0),
            ],
        }
    }
}
