//! The format's additions about the people around the sale (issue 12, item 5): a
//! competitor or incumbent supplier the customer knows, a contact's personal need
//! that the trainee can meet on its own (`wins`), and needs of two contacts that
//! pull against each other (`conflicts_with`). Each is optional; a scenario without
//! them plays as before.

use super::model::{Id, Personal};
use crate::lang::Text;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Another supplier the customer knows: often the incumbent, who supplies them now.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    /// Unique id among the competitors.
    #[schemars(with = "String")]
    pub id: Id,
    /// The competitor's name, as the customer says it.
    pub name: Text,
    /// It already supplies the customer (default false).
    #[serde(default)]
    pub incumbent: bool,
    /// Words that name it in the trainee's turn (its name, "your current provider").
    pub cues: Vec<String>,
    /// What the customer says when the trainee asks about it: what they like and
    /// what they do not.
    pub about: Text,
    /// The customer brings it up without being asked.
    #[serde(default)]
    pub mention: Option<Mention>,
    /// The customer's reaction when the trainee runs it down (default: a built-in line).
    #[serde(default)]
    pub knocked: Option<Text>,
}

/// When and how the customer brings a competitor up by themselves.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The customer says it in reply to the trainee's turn of this number (1 is the
    /// first turn), unless the trainee has already talked about the competitor.
    #[schemars(with = "u32")]
    pub after: Spanned<u32>,
    /// Who says it (default: the first contact).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub contact: Option<Id>,
    /// What they say.
    pub says: Text,
}

/// A contact's personal need that a presentation or statement can meet directly
/// ("the credit goes to your team").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Win {
    /// Which personal need; one of the contact's `personal_needs`.
    #[schemars(with = "Personal")]
    pub need: Spanned<Personal>,
    /// Words in the trainee's turn that meet it.
    pub cues: Vec<String>,
    /// What the contact says when it is met.
    pub reply: Text,
}

/// A need that pulls against another contact's need.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The other need (owned by a different contact).
    #[schemars(with = "String")]
    pub need: Id,
    /// What this need's owner says when the trainee serves the other need while
    /// this one is not met.
    pub says: Text,
}
