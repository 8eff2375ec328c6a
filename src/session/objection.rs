//! Objections the trainee can handle (an objection with `handling`): once raised it
//! stays open; a question explores it (the customer says what lies behind it), a
//! presentation of a benefit the customer asked for answers it, a proposal over it
//! costs points, and a meeting that ends with it open says so.

use super::{Input, Session, Step};
use crate::scoring::{RuleId, rules};

/// An objection raised and not yet answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Open {
    /// Index into the scenario's objections.
    pub index: usize,
    /// Whether a question has already explored it.
    pub clarified: bool,
}

impl Session {
    /// The customer raises objection `k`: its words, and it stays open when the
    /// trainee can handle it.
    pub(super) fn raise_objection(&mut self, k: usize) -> String {
        let o = &self.sc.objections[k];
        let (r, v) = (o.reply.clone(), o.variants.clone());
        if o.handling.is_some() && self.open_objection.is_none_or(|x| x.index != k) {
            self.open_objection = Some(Open {
                index: k,
                clarified: false,
            });
        }
        self.pick(&r, &v)
    }

    /// The objection still open, by its words (for the report's closing findings).
    #[must_use]
    pub fn open_objection(&self) -> Option<String> {
        self.open_objection
            .map(|o| self.text(&self.sc.objections[o.index].reply))
    }

    /// Before an input is played while an objection is open: a first question
    /// explores it (and is not played as a SPIN question); a proposal pushes past it.
    /// True when the input is fully handled here.
    pub(super) fn before_input(&mut self, step: &mut Step, input: &Input) -> bool {
        let Some(open) = self.open_objection else {
            return false;
        };
        let o = &self.sc.objections[open.index];
        let Some(h) = o.handling.clone() else {
            return false;
        };
        let words = self.text(&o.reply);
        match input {
            Input::Ask { to, text }
                if !open.clarified && self.explores(&h, text, to.as_deref()) =>
            {
                step.reply = self.text(&h.clarify);
                step.answered = true;
                step.findings
                    .push(rules::objection_clarified(self.lang, &words));
                self.open_objection = Some(Open {
                    clarified: true,
                    ..open
                });
                true
            }
            // Before any explicit need a proposal is an early push, graded as such.
            Input::Propose(_) if self.explicit_count() > 0 => {
                step.findings
                    .push(rules::objection_ignored(self.lang, &words));
                self.lose_patience(1);
                false
            }
            _ => false,
        }
    }

    /// Whether a question explores the objection: it asks about the concern itself
    /// ("what worries you about it?", "您的顾虑是什么?") or about the need the objection
    /// touches. A question about anything else is played as usual.
    fn explores(&self, h: &crate::scenario::Handling, text: &str, to: Option<&str>) -> bool {
        const ASKS_WHY: &[&str] = &[
            "concern",
            "worr",
            "what do you mean",
            "why do you say",
            "what makes you",
            "hesita",
            "reservation",
            "what exactly",
            "顾虑",
            "担心",
            "担忧",
            "疑虑",
            "为什么这么说",
            "具体指",
            "什么意思",
            "哪方面",
        ];
        let norm = crate::text::normalize(text);
        if ASKS_WHY.iter().any(|w| norm.contains(w)) {
            return true;
        }
        let Some(need) = &h.need else {
            return false;
        };
        let Some(i) = self.sc.needs.iter().position(|n| n.id.value == need.value) else {
            return false;
        };
        let r = self.read_question(text, to);
        r.topic == crate::understand::Topic::Need { need: i }
            && r.form != crate::lexicon::classify::Label::Other
    }

    /// After a presentation was graded while an objection is open: a benefit the
    /// customer asked for (for the objection's need, when it names one) answers it.
    pub(super) fn after_present(&mut self, step: &mut Step) {
        let Some(open) = self.open_objection else {
            return;
        };
        let o = &self.sc.objections[open.index];
        let Some(h) = o.handling.clone() else {
            return;
        };
        let delivered = step
            .findings
            .iter()
            .any(|f| f.rule == RuleId::BenefitExplicit && f.points >= 0);
        let need = step
            .matched
            .as_deref()
            .and_then(|m| m.strip_prefix("needs."))
            .map(str::to_string);
        let fits = match (&h.need, &need) {
            (Some(want), Some(got)) => want.value == *got,
            (None, Some(_)) => true,
            _ => false,
        };
        if !(delivered && fits) {
            return;
        }
        let words = self.text(&o.reply);
        let need_name = need
            .as_deref()
            .and_then(|id| self.sc.needs.iter().position(|n| n.id.value == id))
            .map(|i| self.need_name(i))
            .unwrap_or_default();
        let resolved = self.text(&h.resolved);
        step.reply = if step.reply.is_empty() {
            resolved
        } else {
            format!("{} {resolved}", step.reply)
        };
        step.findings
            .push(rules::objection_answered(self.lang, &words, &need_name));
        self.open_objection = None;
    }
}
