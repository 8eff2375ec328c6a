//! Class vote in the trainer: the options (built by [`crate::classroom::vote::offer`])
//! lettered A–D; the class's choice is played like a typed turn.

use super::app::App;
use crate::session::Input;

impl App {
    /// The suggestions on offer now, with their texts (fitted to the needs after the
    /// last turn; see [`crate::classroom::vote::fit`]).
    #[must_use]
    pub fn vote_options(&self) -> Vec<(String, Input)> {
        self.meeting
            .as_ref()
            .map_or_else(Vec::new, |m| m.vote.clone())
    }

    /// Rebuilds the vote's options for the meeting as it stands (only while the vote
    /// is showing: each option is tried by playing it).
    pub(super) fn refresh_vote(&mut self) {
        self.build_vote(self.class.vote);
    }

    fn build_vote(&mut self, on: bool) {
        let lang = self.lang;
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        let seed = m.seed;
        if !on || m.over() {
            m.vote.clear();
            return;
        }
        let Some(sc) = self.scenarios[m.scenario].scenario() else {
            return;
        };
        m.vote = crate::classroom::vote::offer(sc, seed, lang, &m.inputs, m.needs(), m.steps());
    }

    /// Plays suggestion `n` (0 = A) as the next turn.
    pub fn vote(&mut self, n: usize) {
        if self.meeting.as_ref().is_some_and(|m| m.vote.is_empty()) {
            self.build_vote(true);
        }
        let Some((_, input)) = self.vote_options().into_iter().nth(n) else {
            return;
        };
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        if m.over() {
            return;
        }
        self.play_turn(input);
    }
}
