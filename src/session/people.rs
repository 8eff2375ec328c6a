//! The people around the sale (scenario guide §3a): competitors
//! ([`super::competitor`]), personal needs met on their own ([`super::personal`])
//! and needs of two contacts that pull against each other ([`super::conflict`]).
//!
//! Two hooks around the usual handling of a turn: [`Session::people_before`] takes a
//! question about a competitor (or one that runs it down) before it is played as a
//! SPIN question; [`Session::people_after`] adds what the other contacts say and
//! the findings of the three additions to the graded step. A scenario without
//! `competitors`, `wins` or `conflicts_with` never gets past the first check of
//! either hook, so it plays exactly as before.

use super::{Input, Session, Step};

/// What has happened so far with the scenario's people additions.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    /// Per competitor: a question about it was answered.
    pub explored: Vec<bool>,
    /// Per competitor: a turn of the trainee named it.
    pub named: Vec<bool>,
    /// Per competitor: the customer has brought it up.
    pub mentioned: Vec<bool>,
    /// Per contact, per win: met.
    pub won: Vec<Vec<bool>>,
    /// Unordered pairs of needs (by index) whose conflict was balanced.
    pub balanced: Vec<(usize, usize)>,
    /// The current turn was fully handled before the usual handling.
    pub handled: bool,
}

impl People {
    pub fn new(sc: &crate::scenario::Scenario) -> Self {
        let n = sc.competitors.len();
        People {
            explored: vec![false; n],
            named: vec![false; n],
            mentioned: vec![false; n],
            won: sc
                .customer
                .contacts
                .iter()
                .map(|c| vec![false; c.wins.len()])
                .collect(),
            balanced: Vec::new(),
            handled: false,
        }
    }
}

/// The text of a turn, for cue matching (empty for the end of the meeting).
pub(super) fn turn_text(input: &Input) -> String {
    match input {
        Input::Ask { text, .. } | Input::Propose(text) => text.clone(),
        Input::Present(p) => p.joined(" "),
        Input::End => String::new(),
    }
}

impl Session {
    /// Whether the scenario uses any of the people additions.
    fn has_people(&self) -> bool {
        !self.sc.competitors.is_empty()
            || self.sc.customer.contacts.iter().any(|c| !c.wins.is_empty())
            || self.sc.needs.iter().any(|n| n.conflicts_with.is_some())
    }

    /// Before the usual handling of a turn: a question about a competitor, or one
    /// that runs it down. True when the turn is fully handled here.
    pub(super) fn people_before(&mut self, step: &mut Step, input: &Input) -> bool {
        self.people.handled = false;
        if self.sc.competitors.is_empty() {
            return false;
        }
        let handled = self.competitor_question(step, input);
        self.people.handled = handled;
        handled
    }

    /// After the usual handling of a turn: a competitor run down in a statement,
    /// presentation or proposal, personal needs met, conflicts raised or balanced,
    /// and a competitor the customer brings up.
    pub(super) fn people_after(&mut self, step: &mut Step, input: &Input) {
        let handled = std::mem::take(&mut self.people.handled);
        if !self.has_people() || matches!(input, Input::End) || self.ending.is_some() {
            return;
        }
        if !handled {
            self.competitor_named(step, input);
        }
        self.personal_wins(step, input);
        self.conflicts(step);
        self.competitor_mention(step);
    }

    /// Contact `who` (by id; `None`: the first contact) says `text` too, after the
    /// reply: attributed by name when someone else already spoke.
    pub(super) fn say_also(&self, step: &mut Step, who: Option<&str>, text: &str) {
        let name = self.contact_name(who);
        self.say_also_named(step, &name, text);
    }

    /// `say_also` for a contact given by the name shown.
    pub(super) fn say_also_named(&self, step: &mut Step, name: &str, text: &str) {
        let name = name.to_string();
        if step.reply.is_empty() {
            step.reply = text.to_string();
            step.speaker = name;
            return;
        }
        step.reply = if name == step.speaker {
            format!("{} {text}", step.reply)
        } else {
            match self.lang {
                crate::lang::Lang::Zh => format!("{}——{name}:{text}", step.reply),
                crate::lang::Lang::En => format!("{} — {name}: {text}", step.reply),
            }
        };
    }
}
