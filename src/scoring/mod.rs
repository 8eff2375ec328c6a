//! Scoring: every point is a [`Finding`] that names its rule, its points, the
//! reason and a tip, in the trainee's language. The rules live in [`rules`], each
//! one unit (id, part, point constants, function); the session decides which one
//! applies.

pub mod rules;

pub use rules::RuleId;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The four parts of the total score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Asking situation and problem questions, uncovering implied needs.
    Investigating,
    /// Implication and need-payoff questions, making needs explicit.
    Developing,
    /// FFAB answers that meet explicit needs.
    Demonstrating,
    /// Getting an advance the customer commits to.
    Commitment,
}

impl Part {
    /// All parts in report order.
    pub const ALL: [Part; 4] = [
        Part::Investigating,
        Part::Developing,
        Part::Demonstrating,
        Part::Commitment,
    ];

    /// The most points this part contributes to the total.
    #[must_use]
    pub fn max_points(self) -> i32 {
        match self {
            Part::Investigating => 25,
            Part::Developing => 30,
            Part::Demonstrating => 30,
            Part::Commitment => 15,
        }
    }

    /// The id used in JSON.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Part::Investigating => "investigating",
            Part::Developing => "developing",
            Part::Demonstrating => "demonstrating",
            Part::Commitment => "commitment",
        }
    }

    /// The name in a language.
    #[must_use]
    pub fn name(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(
            match self {
                Part::Investigating => "调查需求",
                Part::Developing => "发展需求",
                Part::Demonstrating => "展示能力",
                Part::Commitment => "获得承诺",
            },
            match self {
                Part::Investigating => "Investigating",
                Part::Developing => "Developing needs",
                Part::Demonstrating => "Demonstrating capability",
                Part::Commitment => "Gaining commitment",
            },
        )
    }
}

/// One scored observation: a rule, its points and why.
///
/// `R` names the rule: a [`RuleId`] as the rules make it, or its text ([`RuleName`])
/// in a [`crate::report::Report`], which keeps whatever rule a saved or imported
/// meeting file names. Both serialize the same way (`"rule": "uncover-implied"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding<R = RuleId> {
    /// The rule, e.g. `uncover-implied`.
    pub rule: R,
    /// The part of the score it counts towards.
    pub part: Part,
    /// Points added (or taken away).
    pub points: i32,
    /// What the rule saw.
    pub reason: String,
    /// What to do better, when there is something.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<String>,
}

/// A rule named by its text, as reports keep it.
pub type RuleName = Cow<'static, str>;

impl Finding {
    /// The finding as a report records it: the rule by its text form.
    #[must_use]
    pub fn recorded(&self) -> Finding<RuleName> {
        Finding {
            rule: Cow::Borrowed(self.rule.as_str()),
            part: self.part,
            points: self.points,
            reason: self.reason.clone(),
            tip: self.tip.clone(),
        }
    }
}

/// Splits `total` points over `n` items so that they add up exactly; returns item `i`'s share.
#[must_use]
pub fn share(total: i32, n: usize, i: usize) -> i32 {
    let Ok(n32) = i32::try_from(n) else { return 0 };
    if n32 == 0 {
        return 0;
    }
    let base = total / n32;
    let rest = total % n32;
    let i32i = i32::try_from(i).unwrap_or(i32::MAX);
    base + i32::from(i32i < rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up() {
        for n in 1..9 {
            for total in [4, 5, 12, 15, 20] {
                let sum: i32 = (0..n).map(|i| share(total, n, i)).sum();
                assert_eq!(sum, total, "n={n} total={total}");
            }
        }
        assert_eq!(share(10, 0, 0), 0);
    }

    #[test]
    fn parts_add_to_one_hundred() {
        assert_eq!(Part::ALL.iter().map(|p| p.max_points()).sum::<i32>(), 100);
    }
}
