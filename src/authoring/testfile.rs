//! Scenario test files (`<id>.test.yaml`): cases of scripted turns, each turn with
//! optional expectations about its step, and expectations about the meeting's end.
//!
//! ```yaml
//! cases:
//!   - name: skilled trainee
//!     turns:
//!       - ask: How many vans do you run?
//!         expect: {label: S, rule: situation-fact, matched: facts.vans}
//!       - ask: Is it hard to reach the drivers?
//!         expect: {label: P, needs: {implied: [reach-drivers]}}
//!       - end: true
//!     expect: {score: {min: 60}, relationship: partner, accepted: [trial]}
//! ```
//!
//! Every struct is closed and the file is parsed with the loader's budgets.

use crate::lang::Lang;
use crate::scenario::{Id, Problem, Scenario, load};
use crate::session::{Input, Pitch};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub use super::expect::{
    Bound, EndingArg, LabelArg, NeedStates, Outcome, PartBounds, Quadrant, Range, StepExpect,
};

/// A value with the place it was written (line and column for the report).
pub type At<T> = Spanned<T>;

/// A test file: cases that play the scenario and check what happened.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    /// The id of the scenario under test; checked against the scenario when given.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub scenario: Option<Id>,
    /// Seed for reply variants in every case that sets none (default 1).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Language of replies and feedback in every case that sets none (default: the scenario's).
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The cases; each plays a fresh meeting.
    #[serde(default)]
    pub cases: Vec<Case>,
    /// Phrasing banks: wordings that must be read as a stage of a need, or as a
    /// situation question on a fact (see [`super::phrasings`]).
    #[serde(default)]
    #[schemars(with = "Vec<super::phrasings::Bank>")]
    pub phrasings: Vec<At<super::phrasings::Bank>>,
}

/// One meeting played from the start.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case checks, shown in the report.
    #[schemars(with = "String")]
    pub name: At<String>,
    /// Seed for reply variants (default: the file's, else 1).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Language of replies and feedback (default: the file's, else the scenario's).
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The trainee's turns in order; each may carry expectations about its step.
    #[schemars(with = "Vec<Turn>")]
    pub turns: Vec<At<Turn>>,
    /// Expectations about the end of the meeting, checked after the last turn.
    #[serde(default)]
    #[schemars(with = "Option<Outcome>")]
    pub expect: Option<At<Outcome>>,
}

/// A question: its text, or the text addressed to one contact.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AskArg {
    /// The question.
    Text(String),
    /// A question to one contact.
    To(AskTo),
}

/// A question addressed to one contact.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AskTo {
    /// The contact's id.
    pub to: String,
    /// The question.
    pub text: String,
}

/// One turn: exactly one of `ask`, `present`, `propose` or `end`, and optional expectations.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    /// Ask a question: the text, or `{to: contact id, text: ..}`.
    #[serde(default)]
    pub ask: Option<AskArg>,
    /// Present a capability: one sentence, or the FFAB parts.
    #[serde(default)]
    pub present: Option<Pitch>,
    /// Propose a next step.
    #[serde(default)]
    pub propose: Option<String>,
    /// End the meeting (`end: true`).
    #[serde(default)]
    pub end: Option<bool>,
    /// What this turn's step must show.
    #[serde(default)]
    pub expect: Option<StepExpect>,
}

impl Turn {
    /// The trainee's input, when exactly one action is given.
    #[must_use]
    pub fn input(&self) -> Option<Input> {
        let given = usize::from(self.ask.is_some())
            + usize::from(self.present.is_some())
            + usize::from(self.propose.is_some())
            + usize::from(self.end.is_some());
        if given != 1 {
            return None;
        }
        Some(match (&self.ask, &self.present, &self.propose) {
            (Some(AskArg::Text(text)), _, _) => Input::Ask {
                to: None,
                text: text.clone(),
            },
            (Some(AskArg::To(a)), _, _) => Input::Ask {
                to: Some(a.to.clone()),
                text: a.text.clone(),
            },
            (_, Some(p), _) => Input::Present(p.clone()),
            (_, _, Some(t)) => Input::Propose(t.clone()),
            _ if self.end == Some(true) => Input::End,
            _ => return None,
        })
    }
}

/// Parses test-file text with the loader's budgets; `path` is used in messages.
///
/// # Errors
/// The parse problem, located.
pub fn parse(src: &str, path: &str) -> Result<TestFile, Problem> {
    load::parse_doc(src, path, load::Doc::Test).map_err(load::first)
}

/// Reads and parses a test file.
///
/// # Errors
/// The read or parse problem.
pub fn load_file(path: &std::path::Path) -> Result<TestFile, Problem> {
    let src = load::read_bounded(path, load::MAX_FILE_BYTES)?;
    parse(&src, &path.display().to_string())
}

/// Checks a parsed test file against its scenario: ids, rules, contacts, one action per turn.
#[must_use]
pub fn check(tf: &TestFile, sc: &Scenario, path: &str) -> Vec<Problem> {
    super::testcheck::check(tf, sc, path)
}

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_tests.rs"));
}

/// The bundled scenarios' test files (`scenarios/*.test.yaml`), embedded in the binary.
#[must_use]
pub fn bundled_sources() -> &'static [(&'static str, &'static str)] {
    bundled::BUNDLED_TESTS
}
