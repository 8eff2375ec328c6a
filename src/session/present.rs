//! Presentations: read the FFAB parts and the need they answer, then grade.
//!
//! A part counts only for substance: the feature or function must name a product
//! element of the scenario, the advantage must compare with content of its own, and
//! the benefit must answer a need's explicit want; connecting phrases alone earn
//! nothing. An opening that restates the need is the acknowledgement, and order is
//! judged after it. The benefit is credited to the need it actually answers.

use super::replies::{self, Kind};
use super::{Ffab, NeedState, Pitch, Session, Step};
use crate::lang::Lang;
use crate::lexicon::List;
use crate::scenario::Trigger;
use crate::scoring::rules;
use crate::text::normalize;
use crate::understand::index::Element;
use crate::understand::terms::{Term, term_set};

/// What was recognised in a presentation.
struct Reading {
    ffab: Ffab,
    in_order: bool,
    acknowledged: bool,
    need: Option<usize>,
    benefit_text: String,
}

/// The least grounding score for a clause to name a product part or a need.
const PART_MIN: f32 = 1.6;

/// What one clause of a presentation does.
#[derive(Debug, Clone, Copy, Default)]
struct Clause {
    /// Names a feature (0) or function (1), or an advantage (2).
    part: Option<u8>,
    /// Answers this need (its want, its problem or a benefit that meets it).
    need: Option<(usize, f32)>,
    /// Compares with how things are now, with content of its own.
    compares: bool,
    /// Says "you said…": an acknowledgement phrase.
    acknowledges: bool,
    /// Has a benefit connector ("so you", 所以).
    benefit_connector: bool,
    /// Tells the customer what they get ("you reach…", 您就…, 让您…).
    addresses: bool,
}

const COMPARE_ZH: &[&str] = &[
    "比",
    "相比",
    "不像",
    "不用再",
    "不再",
    "更",
    "省",
    "而不是",
    "以前",
    "现在要",
    "不必",
];
const COMPARE_EN: &[&str] = &[
    "unlike",
    "compared",
    "than",
    "instead of",
    "rather than",
    "no more",
    "no longer",
    "faster",
    "cheaper",
    "better",
    "quicker",
    "easier",
    "instead",
    "without",
    "whereas",
    "today you",
];

impl Session {
    fn content_terms(&self, text: &str) -> Vec<Term> {
        let l = self.lex.lang(Lang::detect(text));
        let mut t = text.to_string();
        let c = &l.connectors;
        for list in [
            &c.feature,
            &c.function,
            &c.advantage,
            &c.benefit,
            &l.acknowledge,
        ] {
            for w in list {
                t = t.replace(w.as_str(), " ");
            }
        }
        term_set(&t)
    }

    fn read_clause(&self, clause: &str) -> Clause {
        let norm = normalize(clause);
        let lang = Lang::detect(&norm);
        let l = self.lex.lang(lang);
        let content = self.content_terms(&norm);
        let hits_ = self.index.score(&content, &norm);
        let mut c = Clause {
            acknowledges: !l.hits(List::Acknowledge, &norm, false).is_empty(),
            benefit_connector: !crate::lexicon::phrase_hits(&norm, &l.connectors.benefit)
                .is_empty(),
            addresses: [
                "您就",
                "您可以",
                "让您",
                "您不用",
                "您再",
                "您能",
                "您随时",
                "你们就",
                "你们可以",
                "你就",
                "你可以",
                "让你",
            ]
            .iter()
            .any(|w| norm.contains(w))
                || norm
                    .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
                    .any(|w| ["you", "you'll", "you're", "you've"].contains(&w)),
            ..Clause::default()
        };
        let content_weight: f32 = content.iter().map(|t| t.weight).sum();
        let compare = match lang {
            Lang::Zh => COMPARE_ZH.iter().any(|w| norm.contains(w)),
            Lang::En => COMPARE_EN
                .iter()
                .any(|w| crate::lexicon::find_phrase(&norm, w).is_some()),
        };
        c.compares = compare && content_weight >= 2.0;

        // A part or a benefit is said in words, not in one keyword.
        if content_weight < 1.5 {
            return c;
        }
        for h in &hits_ {
            if h.score < PART_MIN {
                break;
            }
            match h.el {
                Element::Feature(_) if c.part.is_none() => c.part = Some(0),
                Element::Function(_) if c.part.is_none() => c.part = Some(1),
                Element::Advantage(_) if c.part.is_none() => c.part = Some(2),
                Element::Benefit(k) => {
                    if c.need.is_none()
                        && let Some(n) = self.index.parts.get(k).and_then(|p| p.need)
                    {
                        c.need = Some((n, h.score));
                    }
                }
                Element::Payoff(n)
                | Element::Problem(n)
                | Element::Summary(n)
                | Element::Implication(n, _)
                    if c.need.is_none() =>
                {
                    c.need = Some((n, h.score));
                }
                _ => {}
            }
        }
        c
    }

    fn read_sentence(&self, s: &str) -> Reading {
        let norm = normalize(s);
        let clauses: Vec<&str> = norm
            .split([',', '.', ';', '!', '?', ':'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let read: Vec<Clause> = clauses.iter().map(|c| self.read_clause(c)).collect();

        // The acknowledgement: leading clauses before the first product part that say
        // "you said…" or restate a need.
        let lead = read
            .iter()
            .take_while(|c| c.acknowledges || (c.need.is_some() && c.part.is_none()))
            .count();
        let first_part = read
            .iter()
            .enumerate()
            .skip(lead)
            .find(|(_, c)| c.part.is_some() || c.compares)
            .map(|(k, _)| k);
        let ack_need = read[..lead].iter().find_map(|c| c.need.map(|n| n.0));
        let acknowledged = lead > 0
            && read[..lead]
                .iter()
                .any(|c| c.acknowledges || c.need.is_some());
        let mut ffab = Ffab::default();
        let (mut pos_f, mut pos_a, mut pos_b) = (None, None, None);
        let mut benefit: Option<(usize, usize, f32)> = None;
        for (k, c) in read.iter().enumerate().skip(lead) {
            match c.part {
                Some(0) => {
                    ffab.feature = true;
                    pos_f.get_or_insert(k);
                }
                Some(1) => {
                    ffab.function = true;
                    pos_f.get_or_insert(k);
                }
                Some(_) => {
                    ffab.advantage = true;
                    pos_a.get_or_insert(k);
                }
                None => {}
            }
            if c.compares && c.part != Some(2) {
                ffab.advantage = true;
                pos_a.get_or_insert(k);
            }
            // A benefit: after a product part, a clause that answers a need.
            if let Some((n, score)) = c.need
                && first_part.is_some_and(|f| k >= f)
                && (c.part.is_none() || c.benefit_connector)
                && benefit.is_none_or(|b| c.benefit_connector && score >= b.2 * 0.7 || score > b.2)
            {
                benefit = Some((k, n, score));
            }
        }
        // "Our plan means you reach every rider": the part and the benefit in one clause.
        if benefit.is_none()
            && let Some(f) = first_part
            && let Some((k, (n, score))) = read
                .iter()
                .enumerate()
                .skip(f)
                .filter(|(_, c)| c.addresses)
                .filter_map(|(k, c)| c.need.map(|n| (k, n)))
                .next_back()
        {
            benefit = Some((k, n, score));
        }
        // Two clauses naming product parts cover feature and function between them.
        let product_clauses = read
            .iter()
            .filter(|c| matches!(c.part, Some(0 | 1)))
            .count();
        if product_clauses >= 2 {
            ffab.feature = true;
            ffab.function = true;
        }
        if let Some((k, _, _)) = benefit {
            ffab.benefit = true;
            pos_b = Some(k);
        }
        let order: Vec<usize> = [pos_f, pos_a, pos_b].into_iter().flatten().collect();
        let in_order = order.windows(2).all(|w| w[0] <= w[1]);
        let need = benefit
            .map(|b| b.1)
            .or(ack_need)
            .or_else(|| first_part.and(self.focus));
        let benefit_text = benefit
            .map(|(k, _, _)| clauses[k..].join(" "))
            .unwrap_or_default();
        Reading {
            ffab,
            in_order,
            acknowledged,
            need,
            benefit_text,
        }
    }

    fn read_parts(&self, p: &crate::session::FfabParts) -> Reading {
        let field = |s: &Option<String>| s.as_deref().map(str::trim).unwrap_or("").to_string();
        let ack = field(&p.acknowledge);
        let f = self.read_clause(&field(&p.feature));
        let func = self.read_clause(&field(&p.function));
        let adv_text = field(&p.advantage);
        let adv = self.read_clause(&adv_text);
        let ben_text = field(&p.benefit);
        let ben = self.read_clause(&ben_text);
        let names = |c: &Clause| matches!(c.part, Some(0 | 1));
        let ack_c = self.read_clause(&ack);
        let acknowledged = ack_c.need.is_some()
            || (ack_c.acknowledges && self.content_terms(&normalize(&ack)).len() >= 2);
        let ffab = Ffab {
            feature: names(&f),
            function: names(&func),
            advantage: adv.part == Some(2)
                || adv.compares
                || self
                    .content_terms(&normalize(&adv_text))
                    .iter()
                    .map(|t| t.weight)
                    .sum::<f32>()
                    >= 3.0,
            benefit: ben.need.is_some(),
        };
        let need = ben
            .need
            .map(|n| n.0)
            .or(ack_c.need.map(|n| n.0))
            .or_else(|| {
                (ffab.feature || ffab.function)
                    .then_some(self.focus)
                    .flatten()
            });
        Reading {
            ffab,
            in_order: true,
            acknowledged,
            need,
            benefit_text: normalize(&ben_text),
        }
    }

    fn read_pitch(&self, pitch: &Pitch) -> Reading {
        match pitch {
            Pitch::Sentence(s) => self.read_sentence(s),
            Pitch::Parts(p) => self.read_parts(p),
        }
    }

    fn objection(&mut self, trigger: Trigger, need: Option<usize>) -> String {
        let need_id = need.map(|i| self.sc.needs[i].id.value.clone());
        let specific = self.sc.objections.iter().find(|o| {
            o.trigger == trigger
                && o.need.as_ref().map(|n| &n.value) == need_id.as_ref()
                && o.need.is_some()
        });
        let general = self
            .sc
            .objections
            .iter()
            .find(|o| o.trigger == trigger && o.need.is_none());
        match specific.or(general) {
            Some(o) => {
                let (r, v) = (o.reply.clone(), o.variants.clone());
                self.pick(&r, &v)
            }
            None => replies::objection(self.lang, trigger).to_string(),
        }
    }

    pub(super) fn present(&mut self, step: &mut Step, pitch: &Pitch) {
        let lang = self.lang;
        let r = self.read_pitch(pitch);
        step.ffab = Some(r.ffab);
        let norm = normalize(&pitch.joined(" "));
        let price = !self
            .lex
            .lang(Lang::detect(&norm))
            .hits(List::Price, &norm, false)
            .is_empty();
        let substance = r.ffab.count() > 0;
        let target = r.need.filter(|_| substance);
        if target.is_none() && price && !substance {
            step.reply = self.objection(Trigger::Price, None);
            step.speaker = self.decision_maker();
            step.findings.push(rules::price_talk(lang));
            return;
        }
        let Some(i) = target else {
            if price {
                step.findings.push(rules::price_talk(lang));
            }
            // Product talk before the customer has any explicit need is premature
            // whatever it aims at; talk that names nothing of the product is unfocused.
            if self.explicit_count() == 0 && (r.ffab.advantage || r.ffab.benefit) {
                step.reply = self.objection(Trigger::PrematurePitch, None);
                step.findings.push(rules::premature_pitch(lang, None));
                self.lose_patience(self.params.pitch_penalty);
            } else if r.ffab.feature || r.ffab.function {
                step.reply = self.objection(Trigger::Price, None);
                step.speaker = self.decision_maker();
                step.findings.push(rules::feature_dump(lang));
            } else {
                step.reply = replies::builtin(lang, Kind::SoWhat).to_string();
                step.findings.push(rules::pitch_unfocused(lang));
            }
            return;
        };
        let name = self.need_name(i);
        step.matched = Some(format!("needs.{}", self.sc.needs[i].id.value));
        step.speaker = self.need_speaker(i, &step.speaker, false);
        let state = self.needs[i].state;
        if state == NeedState::Met {
            step.reply = self.fallback(Kind::Repeated);
            step.findings.push(rules::pitch_repeat(lang, &name));
            return;
        }
        if state < NeedState::Explicit {
            if price {
                step.findings.push(rules::price_talk(lang));
            }
            if r.ffab.advantage || r.ffab.benefit {
                step.reply = self.objection(Trigger::PrematurePitch, Some(i));
                step.findings.push(rules::premature_pitch(
                    lang,
                    (state > NeedState::Hidden).then_some(name.as_str()),
                ));
                self.lose_patience(self.params.pitch_penalty);
            } else {
                step.reply = self.objection(Trigger::Price, None);
                step.speaker = self.decision_maker();
                step.findings.push(rules::feature_dump(lang));
            }
            return;
        }
        if !r.ffab.benefit {
            let example = self.benefit_example(i);
            step.reply = replies::builtin(lang, Kind::SoWhat).to_string();
            step.findings.push(rules::no_benefit(lang, &name, &example));
            return;
        }
        self.grade_benefit(step, i, &r);
    }

    fn grade_benefit(&mut self, step: &mut Step, i: usize, r: &Reading) {
        let lang = self.lang;
        let nth = self.credits.met;
        self.credits.met += 1;
        let name = self.need_name(i);
        step.findings.push(rules::benefit_explicit(
            lang,
            &name,
            self.pot(rules::BENEFIT_EXPLICIT_POT, nth),
        ));
        let parts = r.ffab.count();
        let present = [
            ("F", r.ffab.feature),
            ("Fn", r.ffab.function),
            ("A", r.ffab.advantage),
            ("B", r.ffab.benefit),
        ]
        .iter()
        .filter(|(_, p)| *p)
        .map(|(s, _)| *s)
        .collect::<Vec<_>>()
        .join("+");
        let complete = match parts {
            4 => self.pot(rules::FFAB_COMPLETE_POT, nth),
            3 => self.pot(rules::FFAB_COMPLETE_POT, nth) / rules::FFAB_THREE_PARTS_DIVISOR,
            _ => 0,
        };
        step.findings
            .push(rules::ffab_complete(lang, &present, parts, complete));
        let order_ok = r.in_order && parts >= 3;
        step.findings.push(rules::ffab_order(
            lang,
            order_ok,
            if order_ok {
                self.pot(rules::FFAB_ORDER_POT, nth)
            } else {
                0
            },
        ));
        step.findings.push(rules::acknowledge_need(
            lang,
            r.acknowledged,
            if r.acknowledged {
                self.pot(rules::ACKNOWLEDGE_NEED_POT, nth)
            } else {
                0
            },
        ));
        // The customer's own words: the explicit-need statement they made.
        let said = term_set(&self.text(&self.sc.needs[i].payoff.reply));
        let mine = term_set(&r.benefit_text);
        let mut shared: Vec<&Term> = mine
            .iter()
            .filter(|t| t.weight >= 1.0 && said.iter().any(|s| s.text == t.text))
            .collect();
        shared.sort_by(|a, b| self.index.idf(&b.text).total_cmp(&self.index.idf(&a.text)));
        let word = (shared.len() >= 2).then(|| {
            shared
                .iter()
                .take(2)
                .map(|t| t.text.clone())
                .collect::<Vec<_>>()
                .join(", ")
        });
        let pts = if word.is_some() {
            self.pot(rules::CUSTOMER_TERMS_POT, nth)
        } else {
            0
        };
        step.findings
            .push(rules::customer_terms(lang, word.as_deref(), pts));
        self.needs[i].acknowledged |= r.acknowledged;
        self.set_state(step, i, NeedState::Met);
        step.reply = match self.sc.needs[i].satisfied.clone() {
            Some(t) => self.text(&t),
            None => replies::builtin(lang, Kind::Satisfied).to_string(),
        };
        step.answered = true;
        self.gain_patience();
    }

    /// The decision maker's name (or the first contact's): who talks money.
    fn decision_maker(&self) -> String {
        let dm = self
            .sc
            .customer
            .contacts
            .iter()
            .find(|c| c.role == crate::scenario::BuyingRole::DecisionMaker);
        self.contact_name(dm.map(|c| c.id.value.as_str()))
    }

    fn benefit_example(&self, i: usize) -> String {
        let id = &self.sc.needs[i].id.value;
        self.sc
            .products
            .iter()
            .flat_map(|p| &p.benefits)
            .find(|b| &b.need.value == id)
            .map(|b| self.text(&b.text))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::scoring::RuleId;
    use crate::session::{Input, Pitch, Session};

    fn shop() -> std::sync::Arc<crate::scenario::Scenario> {
        crate::scenario::bundled_by_id("shop-vpn")
            .and_then(Result::ok)
            .expect("bundled")
            .scenario
    }

    #[test]
    fn an_advantage_before_any_need_is_a_premature_pitch() {
        let mut s = Session::new(shop(), 1, None, None);
        let step = s.apply(Input::Present(Pitch::Sentence(
            "办了集团V网比您现在发补贴省多了，这个月办理资费还打八折。".into(),
        )));
        let rules: Vec<RuleId> = step.findings.iter().map(|f| f.rule).collect();
        assert!(
            rules.contains(&RuleId::PrematurePitch),
            "{rules:?} {:?}",
            step.ffab
        );
    }
}
