//! Proposals: match an advance and decide whether the customer accepts it now.

use super::cues::best;
use super::replies::{self, Kind};
use super::{NeedState, Session, Step};
use crate::scenario::Trigger;
use crate::scoring::rules;
use crate::text::normalize;

impl Session<'_> {
    pub(super) fn propose(&mut self, step: &mut Step, text: &str) {
        let lang = self.lang;
        let norm = normalize(text);
        let Some((a, _)) = best(&norm, &self.cues.advances) else {
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
        if self.explicit_count() == 0 {
            step.reply = self.objection_or(Trigger::EarlyPush, &adv.decline.clone());
            step.findings.push(rules::early_push(lang));
            self.lose_patience(1);
            return;
        }
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
            let first = self.accepted.is_empty();
            if !self.accepted.contains(&a) {
                self.accepted.push(a);
            }
            step.reply = self.text(&adv.accept.clone());
            step.findings.push(rules::advance_accepted(
                lang,
                &what,
                if first { 10 } else { 0 },
            ));
            self.gain_patience();
        } else {
            step.reply = self.text(&adv.decline.clone());
            step.findings.push(rules::advance_declined(
                lang,
                &what,
                self.explicit_count(),
                want_explicit.max(want_met),
            ));
            self.lose_patience(1);
        }
    }

    fn objection_or(&mut self, trigger: Trigger, fallback: &crate::scenario::Text) -> String {
        if self.sc.objections.iter().any(|o| o.trigger == trigger) {
            let o = self
                .sc
                .objections
                .iter()
                .find(|o| o.trigger == trigger)
                .cloned();
            if let Some(o) = o {
                return self.pick(&o.reply, &o.variants);
            }
        }
        self.text(fallback)
    }
}
