//! Class vote: the scenario's suggested turns for the current stage of the
//! meeting, lettered A–D; the class's choice is played like a typed turn.

use super::app::App;
use crate::scenario::{Scenario, SuggestedTurn, VoteStage};
use crate::session::{Input, NeedProgress, NeedState, Pitch, Step};

/// The stage of a meeting, from its needs and the questions asked so far.
#[must_use]
pub fn stage(needs: &[NeedProgress], steps: &[Step]) -> VoteStage {
    let any = |s: NeedState| needs.iter().any(|n| n.state == s);
    if !needs.is_empty() && needs.iter().all(|n| n.state == NeedState::Met) {
        return VoteStage::Close;
    }
    if any(NeedState::Explicit) {
        return VoteStage::Present;
    }
    if any(NeedState::Developed) {
        return VoteStage::NeedPayoff;
    }
    if any(NeedState::Implied) {
        return VoteStage::Implication;
    }
    if any(NeedState::Met) {
        return VoteStage::Close;
    }
    let asked = steps.iter().filter(|s| s.label.is_some()).count();
    if asked < 2 {
        VoteStage::Opening
    } else {
        VoteStage::Problem
    }
}

/// The suggestions offered at a stage (the first set for it in the scenario).
#[must_use]
pub fn options(sc: &Scenario, stage: VoteStage) -> &[SuggestedTurn] {
    sc.suggestions
        .iter()
        .find(|s| s.stage == stage)
        .map_or(&[], |s| s.options.as_slice())
}

/// A suggestion's text in a language and the input it makes.
#[must_use]
pub fn turn(t: &SuggestedTurn, lang: crate::lang::Lang) -> Option<(String, Input)> {
    if let Some(x) = &t.ask {
        let s = crate::text::sanitize(x.get(lang));
        return Some((s.clone(), Input::Ask { to: None, text: s }));
    }
    if let Some(x) = &t.present {
        let s = crate::text::sanitize(x.get(lang));
        return Some((s.clone(), Input::Present(Pitch::Sentence(s))));
    }
    t.propose.as_ref().map(|x| {
        let s = crate::text::sanitize(x.get(lang));
        (s.clone(), Input::Propose(s))
    })
}

impl App {
    /// The suggestions on offer now, with their texts.
    #[must_use]
    pub fn vote_options(&self) -> Vec<(String, Input)> {
        let Some(m) = &self.meeting else {
            return Vec::new();
        };
        let sc = &self.scenarios[m.scenario].scenario;
        options(sc, stage(&m.needs, &m.steps))
            .iter()
            .filter_map(|t| turn(t, self.lang))
            .take(4)
            .collect()
    }

    /// Plays suggestion `n` (0 = A) as the next turn.
    pub fn vote(&mut self, n: usize) {
        let Some((_, input)) = self.vote_options().into_iter().nth(n) else {
            return;
        };
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        if m.over {
            return;
        }
        m.inputs.push(input);
        self.replay();
        self.save_meeting();
    }
}
