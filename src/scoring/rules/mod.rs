//! The scoring rules. Each is a small function with a fixed id and part that
//! returns a [`Finding`] with its points, the reason it saw and a tip, in the
//! trainee's language. Research figures (METHOD.md §3) are cited in tips.
//!
//! The rules live in one file per part of the score ([`investigating`],
//! [`developing`], [`demonstrating`], [`commitment`]); the inputs that earn nothing
//! (`unclear`, `off-topic`, `coach-unsure`, …) sit with the part they count towards,
//! and [`closing`] holds the rules of the meeting's end (`no-advance`,
//! `personal-need`, `missed-need`, `customer-left`, `meeting-over`).

pub mod closing;
pub mod commitment;
pub mod demonstrating;
pub mod developing;
pub mod investigating;

pub use closing::*;
pub use commitment::*;
pub use demonstrating::*;
pub use developing::*;
pub use investigating::*;

use super::{Finding, Part};
use crate::lang::Lang;

/// Every rule: id, part, and a one-line description for documentation.
pub const RULES: &[(&str, Part, &str)] = &[
    (
        "situation-fact",
        Part::Investigating,
        "a situation question that hits a scenario fact earns a point, up to 5",
    ),
    (
        "situation-overuse",
        Part::Investigating,
        "each situation question beyond the difficulty's allowance costs 2 points and patience",
    ),
    (
        "situation-no-problem",
        Part::Investigating,
        "a situation question on a problem area reveals no need",
    ),
    (
        "uncover-implied",
        Part::Investigating,
        "a problem question that uncovers an implied need earns its share of 20",
    ),
    (
        "problem-repeat",
        Part::Investigating,
        "a problem question on a need already uncovered earns nothing",
    ),
    (
        "problem-vague",
        Part::Investigating,
        "a problem question that names no area the customer can answer",
    ),
    (
        "off-topic",
        Part::Investigating,
        "a question that hits nothing in the scenario costs a point and patience",
    ),
    (
        "repeated",
        Part::Investigating,
        "asking what was already answered costs a point and patience",
    ),
    (
        "unclear",
        Part::Investigating,
        "an input the customer cannot read",
    ),
    (
        "not-a-question",
        Part::Investigating,
        "a statement during the investigation earns nothing",
    ),
    (
        "implication-too-early",
        Part::Developing,
        "an implication question on a need not yet uncovered costs a point",
    ),
    (
        "develop-implication",
        Part::Developing,
        "an implication question that develops a need earns its share of 15",
    ),
    (
        "implication-extra",
        Part::Developing,
        "further implications of a developed need add urgency but no points",
    ),
    (
        "make-explicit",
        Part::Developing,
        "a need-payoff question on a developed need makes it explicit: its share of 15",
    ),
    (
        "payoff-too-early",
        Part::Developing,
        "a need-payoff question before enough implication costs a point",
    ),
    (
        "payoff-early",
        Part::Developing,
        "a grounded need-payoff question one implication short still makes the need explicit, for half its share",
    ),
    (
        "payoff-repeat",
        Part::Developing,
        "a need-payoff question on a need already explicit earns nothing",
    ),
    (
        "benefit-explicit",
        Part::Demonstrating,
        "a benefit that meets an explicit need earns its share of 12 and meets the need",
    ),
    (
        "ffab-complete",
        Part::Demonstrating,
        "feature, function, advantage and benefit all present: share of 6 (half for three)",
    ),
    (
        "ffab-order",
        Part::Demonstrating,
        "the parts in the order F, Fn, A, B: share of 4",
    ),
    (
        "acknowledge-need",
        Part::Demonstrating,
        "the need acknowledged before the product: share of 4",
    ),
    (
        "customer-terms",
        Part::Demonstrating,
        "the benefit uses the customer's own words: share of 4",
    ),
    (
        "no-benefit",
        Part::Demonstrating,
        "an answer to an explicit need with no benefit earns nothing",
    ),
    (
        "premature-pitch",
        Part::Demonstrating,
        "an advantage or benefit offered to a need that is not explicit: objection, -3 and patience",
    ),
    (
        "feature-dump",
        Part::Demonstrating,
        "features with no explicit need raise price concerns: -1",
    ),
    (
        "pitch-unfocused",
        Part::Demonstrating,
        "a pitch that meets no need of this customer: -1",
    ),
    (
        "pitch-repeat",
        Part::Demonstrating,
        "presenting again to a need already met earns nothing",
    ),
    (
        "price-talk",
        Part::Demonstrating,
        "talking price before value is established: objection, -1",
    ),
    (
        "advance-accepted",
        Part::Commitment,
        "a concrete next step the customer accepts: 10 (once)",
    ),
    (
        "advance-declined",
        Part::Commitment,
        "a next step the customer is not ready for: -2 and patience",
    ),
    (
        "early-push",
        Part::Commitment,
        "proposing before any need is explicit: -3 and patience",
    ),
    (
        "vague-advance",
        Part::Commitment,
        "a proposal that is not a concrete next step earns nothing",
    ),
    (
        "personal-need",
        Part::Commitment,
        "each contact's personal need met through a need earns its share of 5",
    ),
    (
        "no-advance",
        Part::Commitment,
        "the meeting ended without an agreed next step",
    ),
    (
        "customer-left",
        Part::Commitment,
        "patience ran out and the customer ended the meeting",
    ),
    (
        "missed-need",
        Part::Investigating,
        "a need never uncovered (tip only)",
    ),
    (
        "coach-unsure",
        Part::Investigating,
        "the coach could not tell which need the question is about: the customer asks back, nothing is scored",
    ),
    (
        "question-vague",
        Part::Developing,
        "an implication or need-payoff question about no problem on the table: the customer asks which one",
    ),
    (
        "situation-known",
        Part::Investigating,
        "a situation question on a fact the customer already gave earns nothing",
    ),
    (
        "meeting-over",
        Part::Commitment,
        "input after the meeting ended is ignored",
    ),
];

fn t(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn cue_zh(cue: &str) -> String {
    if cue.is_empty() {
        "接着刚才谈的需求".into()
    } else {
        format!("线索词「{cue}」")
    }
}

fn cue_en(cue: &str) -> String {
    if cue.is_empty() {
        "a follow-up on the need just discussed".into()
    } else {
        format!("cue \"{cue}\"")
    }
}

fn finding(
    rule: &'static str,
    part: Part,
    points: i32,
    reason: String,
    tip: Option<String>,
) -> Finding {
    Finding {
        rule: rule.into(),
        part,
        points,
        reason,
        tip,
    }
}
