//! Needs of two contacts that pull against each other (`conflicts_with:` on a need,
//! guide §3a).
//!
//! When a benefit meets the other need while this one is not met, this need's owner
//! speaks up (`says`, after the reply) and the step gets `conflict-raised` (no
//! points: a finding that explains the tension). The step that meets the second of
//! the two, in either order, earns `conflict-balanced`, once per pair of needs.

use super::{NeedState, Session, Step};
use crate::scoring::rules;

impl Session {
    /// The id of the contact who owns need `i` (its `contact`, else the first who
    /// knows it; `None`: the first contact).
    pub(crate) fn need_owner(&self, i: usize) -> Option<String> {
        let n = &self.sc.needs[i];
        n.contact
            .as_ref()
            .or(n.known_by.first())
            .map(|c| c.value.clone())
    }

    pub(super) fn conflicts(&mut self, step: &mut Step) {
        for a in 0..self.sc.needs.len() {
            let Some(cw) = &self.sc.needs[a].conflicts_with else {
                continue;
            };
            let Some(b) = self
                .sc
                .needs
                .iter()
                .position(|n| n.id.value == cw.need.value)
            else {
                continue;
            };
            if a == b {
                continue;
            }
            let says = cw.says.clone();
            let (owner_a, owner_b) = (self.need_owner(a), self.need_owner(b));
            let (name_a, name_b) = (self.need_name(a), self.need_name(b));
            let (who_a, who_b) = (
                self.contact_name(owner_a.as_deref()),
                self.contact_name(owner_b.as_deref()),
            );
            let met_now = |k: usize| {
                step.changes
                    .iter()
                    .any(|c| c.need == self.sc.needs[k].id.value && c.to == NeedState::Met)
            };
            let (a_met_now, b_met_now) = (met_now(a), met_now(b));
            let a_met = self.needs[a].state == NeedState::Met;
            if b_met_now && !a_met {
                let says = self.text(&says);
                self.say_also(step, owner_a.as_deref(), &says);
                step.findings.push(rules::conflict_raised(
                    self.lang, &name_b, &who_b, &name_a, &who_a,
                ));
            }
            // Earned by the step that meets the second of the two: not by any turn
            // of a meeting whose needs started met (`starts: met`, or carried over
            // by a follow-up), where the trainee balanced nothing.
            let pair = (a.min(b), a.max(b));
            if a_met
                && self.needs[b].state == NeedState::Met
                && (a_met_now || b_met_now)
                && !self.people.balanced.contains(&pair)
            {
                self.people.balanced.push(pair);
                step.findings.push(rules::conflict_balanced(
                    self.lang, &name_a, &who_a, &name_b, &who_b,
                ));
            }
        }
    }
}
