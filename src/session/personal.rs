//! A contact's personal need met on its own (`wins:` on a contact, guide §3a).
//!
//! A presentation or a statement (a turn read as no question, or one without a
//! question mark) whose words match a win's cues (the same cue matching as product
//! parts) earns `personal-need-met` once per win, and the
//! contact says the win's `reply` after the customer's reply. It does not depend on
//! the institutional needs' states, and the turn is graded as usual besides.

use super::{Input, Session, Step};
use crate::lexicon::classify::Label;
use crate::scoring::rules;
use crate::text::normalize;

impl Session {
    pub(super) fn personal_wins(&mut self, step: &mut Step, input: &Input) {
        // Presentations, and statements: a turn read as no question, or one without
        // a question mark (a question is not where a need is met).
        let said = match input {
            Input::Present(_) => true,
            Input::Ask { text, .. } => {
                step.label.is_some()
                    && !step.unsure
                    && (step.label == Some(Label::Other) || !text.contains(['?', '？']))
            }
            _ => false,
        };
        if !said {
            return;
        }
        let norm = normalize(&super::people::turn_text(input));
        for ci in 0..self.sc.customer.contacts.len() {
            for wi in 0..self.sc.customer.contacts[ci].wins.len() {
                if self.people.won[ci][wi] {
                    continue;
                }
                let contact = &self.sc.customer.contacts[ci];
                let win = &contact.wins[wi];
                let cues: Vec<String> = win
                    .cues
                    .iter()
                    .map(|c| normalize(c))
                    .filter(|c| !c.is_empty())
                    .collect();
                let Some(hit) = super::cues::score(&norm, &cues) else {
                    continue;
                };
                let (id, need, reply) =
                    (contact.id.value.clone(), win.need.value, win.reply.clone());
                self.people.won[ci][wi] = true;
                let who = self.contact_name(Some(&id));
                let need_name = crate::report::personal_name(need, self.lang);
                step.findings.push(rules::personal_need_met(
                    self.lang, &who, need_name, &hit.cue,
                ));
                let reply = self.text(&reply);
                self.say_also(step, Some(&id), &reply);
            }
        }
    }
}
