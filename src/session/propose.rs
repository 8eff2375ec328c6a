//! Proposals: match an advance and decide whether the customer accepts it now.

use super::cues::best;
use super::replies::{self, Kind};
use super::{NeedState, Session, Step};
use crate::scenario::Trigger;
use crate::scoring::rules;
use crate::text::normalize;

impl Session {
    pub(super) fn propose(&mut self, step: &mut Step, text: &str) {
        let lang = self.lang;
        let norm = normalize(text);
        // Naming every kind of next step at once is not proposing one (counted on the
        // author's cues: a real proposal often joins a visit, a demo and a trial).
        let kinds = self
            .cues
            .advances
            .iter()
            .filter(|cues| super::cues::score(&norm, cues).is_some())
            .count();
        // The author's own cues decide between advances; the everyday words of each
        // kind only read a proposal that uses none of them.
        let matched = best(&norm, &self.cues.advances)
            .or_else(|| best(&norm, &self.cues.advances_read))
            .map(|(a, _)| a)
            .filter(|_| kinds < 3);
        if self.explicit_count() == 0 {
            // Pushing for commitment before any explicit need, whatever the proposal.
            step.matched = matched.map(|a| format!("advances.{}", self.sc.advances[a].id.value));
            let fallback = matched.map(|a| self.sc.advances[a].decline.clone());
            step.reply = self.objection_or(Trigger::EarlyPush, fallback.as_ref());
            step.findings.push(rules::early_push(lang));
            self.lose_patience(1);
            return;
        }
        let Some(a) = matched else {
            let examples = self
                .sc
                .advances
                .iter()
                .filter_map(|a| a.cues.first().cloned())
                .take(3)
                .collect::<Vec<_>>()
                .join(" / ");
            step.reply = replies::builtin(lang, Kind::Continuation).to_string();
            step.findings.push(rules::vague_advance(lang, &examples));
            return;
        };
        let adv = &self.sc.advances[a];
        step.matched = Some(format!("advances.{}", adv.id.value));
        let what = adv.cues.first().cloned().unwrap_or_default();
        let req = &adv.requires;
        let want_explicit = usize::from(req.explicit.unwrap_or(1));
        let want_met = usize::from(req.met.unwrap_or(0));
        let named_met = req.needs.iter().all(|id| {
            self.sc
                .needs
                .iter()
                .position(|n| n.id.value == id.value)
                .is_some_and(|i| self.needs[i].state == NeedState::Met)
        });
        let ok =
            self.explicit_count() >= want_explicit && self.met_count() >= want_met && named_met;
        if ok {
            use crate::scenario::Weight;
            let weight = adv.weight;
            let reply = self.text(&adv.accept.clone());
            // The first advance earns its points even after a continuation: a
            // continuation only keeps the sale alive (Rackham).
            let first_of_weight = !self
                .accepted
                .iter()
                .any(|x| self.sc.advances[*x].weight == weight);
            let nothing_yet = self.accepted.is_empty();
            if !self.accepted.contains(&a) {
                self.accepted.push(a);
            }
            step.reply = reply;
            step.findings.push(match weight {
                Weight::Advance => rules::advance_accepted(
                    lang,
                    &what,
                    if first_of_weight {
                        rules::ADVANCE_ACCEPTED_POINTS
                    } else {
                        0
                    },
                ),
                Weight::Continuation => rules::continuation_accepted(
                    lang,
                    &what,
                    if nothing_yet {
                        rules::CONTINUATION_ACCEPTED_POINTS
                    } else {
                        0
                    },
                ),
            });
            self.gain_patience();
        } else {
            step.reply = self.text(&adv.decline.clone());
            let short = rules::Short {
                explicit: (self.explicit_count() < want_explicit)
                    .then(|| (self.explicit_count(), want_explicit)),
                met: (self.met_count() < want_met).then(|| (self.met_count(), want_met)),
                named: req
                    .needs
                    .iter()
                    .filter_map(|id| {
                        let i = self.sc.needs.iter().position(|n| n.id.value == id.value)?;
                        (self.needs[i].state != NeedState::Met).then(|| self.need_name(i))
                    })
                    .collect(),
            };
            step.findings
                .push(rules::advance_declined(lang, &what, &short));
            self.lose_patience(1);
        }
    }

    fn objection_or(
        &mut self,
        trigger: Trigger,
        fallback: Option<&crate::scenario::Text>,
    ) -> String {
        let o = self.sc.objections.iter().position(|o| o.trigger == trigger);
        match (o, fallback) {
            (Some(k), _) => self.raise_objection(k),
            (None, Some(t)) => self.text(t),
            (None, None) => replies::objection(self.lang, trigger).to_string(),
        }
    }
}
