//! Single-behaviour drills in the trainer (Rackham: practise one behaviour at a
//! time, many times): chosen on the briefing with `d`, tallied live, best run saved.

use super::app::App;
use crate::classroom::drill::{self, DrillKind, DrillResult, Tally};

impl App {
    /// Cycles the drill chosen on the briefing: none → implication → need-payoff → problem → none.
    pub fn cycle_drill(&mut self) {
        self.drill_choice = match self.drill_choice {
            None => Some(DrillKind::ALL[0]),
            Some(k) => DrillKind::ALL
                .iter()
                .position(|x| *x == k)
                .and_then(|i| DrillKind::ALL.get(i + 1))
                .copied(),
        };
    }

    /// The running drill's tally, if the meeting is a drill.
    #[must_use]
    pub fn drill_tally(&self) -> Option<(DrillKind, Tally)> {
        let m = self.meeting.as_ref()?;
        let (kind, setup) = m.drill?;
        Some((
            kind,
            drill::tally(kind, m.session.scenario(), m.steps(), setup),
        ))
    }

    /// The best saved streak for a scenario and drill.
    #[must_use]
    pub fn drill_best(&self, scenario: &str, kind: DrillKind) -> Option<u32> {
        let store = self.store.as_ref()?;
        drill::best(&drill::load_all(store.root()), scenario, kind)
    }

    /// Saves the finished drill's result; a failure becomes a message.
    pub(super) fn save_drill(&mut self) {
        let (Some(store), Some(m), Some((kind, t))) =
            (&self.store, &self.meeting, self.drill_tally())
        else {
            return;
        };
        if t.attempts == 0 {
            return;
        }
        let r = DrillResult::new(
            &m.session.scenario().id.value,
            kind,
            m.started_at.clone(),
            &t,
        );
        if let Err(e) = drill::save(store.root(), &r) {
            self.message = Some(e.to_string());
        }
    }
}
