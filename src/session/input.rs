//! What a trainee can do in a meeting.

use serde::{Deserialize, Serialize};

/// One move by the trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Input {
    /// Ask a question, optionally of a named contact.
    Ask {
        /// Contact id, if the question is addressed to someone.
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        /// The question.
        text: String,
    },
    /// Present a capability: four FFAB parts or one sentence.
    Present(Pitch),
    /// Propose a next step.
    Propose(String),
    /// End the meeting.
    End,
}

impl Input {
    /// `ask`, `present`, `propose` or `end`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Input::Ask { .. } => "ask",
            Input::Present(_) => "present",
            Input::Propose(_) => "propose",
            Input::End => "end",
        }
    }

    /// The input as one line of text, for transcripts.
    #[must_use]
    pub fn display_text(&self) -> String {
        match self {
            Input::Ask { text, .. } | Input::Propose(text) => text.clone(),
            Input::Present(p) => p.joined(" "),
            Input::End => String::new(),
        }
    }
}

/// An FFAB presentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Pitch {
    /// One sentence, using connecting phrases.
    Sentence(String),
    /// Four labelled parts.
    Parts(FfabParts),
}

/// The four labelled parts of an FFAB answer, with an optional acknowledgement first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FfabParts {
    /// Showing you understood the need ("您说的对…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge: Option<String>,
    /// Feature 特点.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    /// Function 功能.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Advantage 优点.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advantage: Option<String>,
    /// Benefit 利益.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit: Option<String>,
}

impl Pitch {
    /// All the text, joined with `sep`.
    #[must_use]
    pub fn joined(&self, sep: &str) -> String {
        match self {
            Pitch::Sentence(s) => s.clone(),
            Pitch::Parts(p) => [
                &p.acknowledge,
                &p.feature,
                &p.function,
                &p.advantage,
                &p.benefit,
            ]
            .into_iter()
            .filter_map(|s| s.as_deref())
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(sep),
        }
    }
}
