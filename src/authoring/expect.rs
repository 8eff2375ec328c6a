//! What test files expect: of one step (`StepExpect`) and of the meeting's end
//! (`Outcome`), with the number ranges and named values they use. Every field keeps
//! the place it was written so a failure can point at it.

use super::testfile::At;
use crate::scenario::Id;
use schemars::JsonSchema;
use serde::Deserialize;

/// A SPIN label as written in test files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum LabelArg {
    /// Situation question.
    S,
    /// Problem question.
    P,
    /// Implication question.
    I,
    /// Need-payoff question.
    N,
    /// Not a SPIN question (a statement or a pitch).
    #[serde(rename = "-")]
    Other,
}

/// A number, or a range with an optional lower and upper end (both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Bound {
    /// Exactly this number.
    Exact(i64),
    /// Between `min` and `max`.
    Range(Range),
}

/// An inclusive range; a missing end is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The smallest value allowed.
    #[serde(default)]
    pub min: Option<i64>,
    /// The largest value allowed.
    #[serde(default)]
    pub max: Option<i64>,
}

impl Bound {
    /// True when `v` is allowed.
    #[must_use]
    pub fn holds(self, v: i64) -> bool {
        match self {
            Bound::Exact(x) => v == x,
            Bound::Range(r) => r.min.is_none_or(|m| v >= m) && r.max.is_none_or(|m| v <= m),
        }
    }

    /// The bound in words: `42`, `at least 60`, `60..=100`.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Bound::Exact(x) => x.to_string(),
            Bound::Range(Range {
                min: Some(a),
                max: Some(b),
            }) => format!("{a}..={b}"),
            Bound::Range(Range {
                min: Some(a),
                max: None,
            }) => format!("at least {a}"),
            Bound::Range(Range {
                min: None,
                max: Some(b),
            }) => format!("at most {b}"),
            Bound::Range(_) => "any value".into(),
        }
    }
}

/// Needs listed by the state they must be in.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedStates {
    /// Needs not yet uncovered.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub hidden: Vec<Id>,
    /// Needs uncovered by a problem question.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub implied: Vec<Id>,
    /// Needs whose implications are developed enough.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub developed: Vec<Id>,
    /// Needs the customer stated as wants.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub explicit: Vec<Id>,
    /// Needs met by a benefit.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub met: Vec<Id>,
}

/// What one step must show; every field is optional.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepExpect {
    /// The SPIN label the classifier gives the question: `S`, `P`, `I`, `N` or `-`.
    #[serde(default)]
    #[schemars(with = "Option<LabelArg>")]
    pub label: Option<At<LabelArg>>,
    /// A rule the step's grading applies (any of its findings), e.g. `uncover-implied`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub rule: Option<At<String>>,
    /// A rule the step's grading must not apply.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub not_rule: Option<At<String>>,
    /// The scenario element the input hit: `facts.<id>`, `needs.<id>.problem`,
    /// `needs.<id>.implications[<n>]`, `needs.<id>.payoff`, `needs.<id>` or `advances.<id>`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub matched: Option<At<String>>,
    /// Needs that must be in these states after the step.
    #[serde(default)]
    pub needs: Option<NeedStates>,
    /// The step's points (sum of its findings).
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub points: Option<At<Bound>>,
    /// The customer's patience after the step.
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub patience: Option<At<Bound>>,
    /// Words the customer's reply must contain.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub reply: Option<At<String>>,
}

/// The relationship quadrant as written in test files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Quadrant {
    /// Institutional and personal needs met.
    Partner,
    /// Institutional needs met.
    Supplier,
    /// Personal needs met.
    Friend,
    /// Neither.
    Outsider,
}

/// How a meeting ended, as written in test files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndingArg {
    /// The trainee ended it (`end: true`).
    Trainee,
    /// The customer ran out of patience.
    CustomerLeft,
    /// The turns ran out without an end.
    Unfinished,
}

/// Bounds on the four parts of the score.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartBounds {
    /// Investigating (0–25).
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub investigating: Option<At<Bound>>,
    /// Developing needs (0–30).
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub developing: Option<At<Bound>>,
    /// Demonstrating capability (0–30).
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub demonstrating: Option<At<Bound>>,
    /// Gaining commitment (0–15).
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub commitment: Option<At<Bound>>,
}

/// What the end of the meeting must show; every field is optional.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Needs that must end in these states.
    #[serde(default)]
    pub needs: Option<NeedStates>,
    /// The total score (0–100).
    #[serde(default)]
    #[schemars(with = "Option<Bound>")]
    pub score: Option<At<Bound>>,
    /// The parts of the score.
    #[serde(default)]
    pub parts: Option<PartBounds>,
    /// The relationship reached: `partner`, `supplier`, `friend` or `outsider`.
    #[serde(default)]
    #[schemars(with = "Option<Quadrant>")]
    pub relationship: Option<At<Quadrant>>,
    /// How the meeting ended: `trainee`, `customer_left` or `unfinished`.
    #[serde(default)]
    #[schemars(with = "Option<EndingArg>")]
    pub ending: Option<At<EndingArg>>,
    /// Advances the customer accepted, by id.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub accepted: Vec<Id>,
    /// A rule applied somewhere in the meeting or at its end (e.g. `no-advance`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub rule: Option<At<String>>,
    /// A rule applied nowhere in the meeting or at its end.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub not_rule: Option<At<String>>,
}
