//! Presentations: find the FFAB parts and the need they aim at, then grade.

use super::cues::{PartKind, score};
use super::replies::{self, Kind};
use super::{Ffab, NeedState, Pitch, Session, Step};
use crate::lexicon::hits;
use crate::scenario::Trigger;
use crate::scoring::{rules, share};
use crate::text::normalize;

/// What was recognised in a presentation.
struct Reading {
    ffab: Ffab,
    in_order: bool,
    acknowledged: bool,
    need: Option<usize>,
    benefit_text: String,
}

const KINDS: [PartKind; 4] = [
    PartKind::Feature,
    PartKind::Function,
    PartKind::Advantage,
    PartKind::Benefit,
];

impl Session<'_> {
    /// Earliest position of a part kind in `norm`: scenario part cues or connecting phrases.
    fn kind_pos(&self, norm: &str, kind: PartKind) -> Option<usize> {
        let l = self.lex.lang(crate::lang::Lang::detect(norm));
        let connectors = match kind {
            PartKind::Feature => &l.connectors.feature,
            PartKind::Function => &l.connectors.function,
            PartKind::Advantage => &l.connectors.advantage,
            PartKind::Benefit => &l.connectors.benefit,
        };
        let from_parts = self
            .cues
            .parts
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(|p| score(norm, &p.cues))
            .map(|h| h.first);
        let from_connectors = crate::lexicon::phrase_hits(norm, connectors)
            .into_iter()
            .map(|h| h.1);
        from_parts.chain(from_connectors).min()
    }

    /// The need a text aims at: a benefit's need first, then any need cue.
    fn need_of(&self, norm: &str) -> Option<usize> {
        let mut best: Option<(usize, (u8, usize))> = None;
        for p in self
            .cues
            .parts
            .iter()
            .filter(|p| p.kind == PartKind::Benefit)
        {
            if let (Some(n), Some(h)) = (p.need, score(norm, &p.cues)) {
                let key = (
                    u8::from(self.needs[n].state == NeedState::Explicit),
                    h.weight,
                );
                if best.is_none_or(|(_, k)| key > k) {
                    best = Some((n, key));
                }
            }
        }
        best.map(|(n, _)| n).or_else(|| self.need_any_index(norm))
    }

    fn need_any_index(&self, norm: &str) -> Option<usize> {
        let lists = |s: &Self, i: usize| {
            let mut v = s.cues.problem[i].clone();
            v.extend(s.cues.implications[i].iter().flatten().cloned());
            v.extend(s.cues.payoff[i].iter().cloned());
            v
        };
        self.need_ranked(norm, lists, |st| u8::from(st == NeedState::Explicit))
            .map(|h| h.need)
    }

    fn acknowledges(&self, norm: &str) -> Option<usize> {
        let l = self.lex.lang(crate::lang::Lang::detect(norm));
        hits(norm, &l.acknowledge, false)
            .into_iter()
            .map(|h| h.1)
            .min()
    }

    fn read(&self, pitch: &Pitch) -> Reading {
        match pitch {
            Pitch::Sentence(s) => {
                let norm = normalize(s);
                // Parts are looked for after the acknowledgement clause, so echoing the
                // customer's words there does not count as an early benefit.
                let first_any = KINDS
                    .iter()
                    .filter_map(|k| self.kind_pos(&norm, *k))
                    .min()
                    .unwrap_or(usize::MAX);
                let ack = self.acknowledges(&norm).filter(|a| *a <= first_any);
                let body_from = ack.map_or(0, |a| {
                    norm[a..]
                        .find([',', '.', ';', '!'])
                        .map_or(0, |i| a + i + 1)
                });
                let body = &norm[body_from..];
                let pos: Vec<Option<usize>> = KINDS
                    .iter()
                    .map(|k| self.kind_pos(body, *k).map(|p| p + body_from))
                    .collect();
                let present: Vec<usize> = pos.iter().flatten().copied().collect();
                let in_order = present.windows(2).all(|w| w[0] <= w[1]);
                let first_part = present.iter().copied().min().unwrap_or(usize::MAX);
                let acknowledged = ack.is_some_and(|a| a <= first_part);
                let benefit_text = pos[3].map_or_else(String::new, |b| norm[b..].to_string());
                Reading {
                    ffab: Ffab {
                        feature: pos[0].is_some(),
                        function: pos[1].is_some(),
                        advantage: pos[2].is_some(),
                        benefit: pos[3].is_some(),
                    },
                    in_order,
                    acknowledged,
                    need: self
                        .need_of(&norm)
                        .or_else(|| (!present.is_empty()).then_some(self.focus).flatten()),
                    benefit_text,
                }
            }
            Pitch::Parts(p) => {
                let filled =
                    |s: &Option<String>| s.as_deref().is_some_and(|t| !t.trim().is_empty());
                let benefit_text = normalize(p.benefit.as_deref().unwrap_or(""));
                let all = normalize(&pitch.joined(" "));
                let acknowledged = filled(&p.acknowledge)
                    || self.acknowledges(&normalize(p.feature.as_deref().unwrap_or(""))) == Some(0);
                let ffab = Ffab {
                    feature: filled(&p.feature),
                    function: filled(&p.function),
                    advantage: filled(&p.advantage),
                    benefit: filled(&p.benefit),
                };
                let need = self
                    .need_of(&benefit_text)
                    .or_else(|| self.need_of(&all))
                    .or_else(|| (ffab.count() > 0).then_some(self.focus).flatten());
                Reading {
                    ffab,
                    in_order: true,
                    acknowledged,
                    need,
                    benefit_text,
                }
            }
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
        let r = self.read(pitch);
        step.ffab = Some(r.ffab);
        let norm = normalize(&pitch.joined(" "));
        let price = !hits(
            &norm,
            &self.lex.lang(crate::lang::Lang::detect(&norm)).price,
            false,
        )
        .is_empty();
        let Some(i) = r.need else {
            if price {
                step.reply = self.objection(Trigger::Price, None);
                step.speaker = self.decision_maker();
                step.findings.push(rules::price_talk(lang));
                return;
            }
            step.reply = replies::builtin(lang, Kind::SoWhat).to_string();
            step.findings.push(rules::pitch_unfocused(lang));
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
                    -3,
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
        let n = self.sc.needs.len();
        let name = self.need_name(i);
        step.findings
            .push(rules::benefit_explicit(lang, &name, share(12, n, i)));
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
            4 => share(6, n, i),
            3 => share(6, n, i) / 2,
            _ => 0,
        };
        step.findings
            .push(rules::ffab_complete(lang, &present, parts, complete));
        let order_ok = r.in_order && parts >= 3;
        step.findings.push(rules::ffab_order(
            lang,
            order_ok,
            if order_ok { share(4, n, i) } else { 0 },
        ));
        step.findings.push(rules::acknowledge_need(
            lang,
            r.acknowledged,
            if r.acknowledged { share(4, n, i) } else { 0 },
        ));
        let own: Vec<String> = {
            let mut v = self.cues.payoff[i].clone();
            v.extend(self.cues.problem[i].iter().cloned());
            v.extend(self.cues.implications[i].iter().flatten().cloned());
            v
        };
        let word = hits(&r.benefit_text, &own, true)
            .into_iter()
            .map(|h| h.0.to_string())
            .next();
        let pts = if word.is_some() { share(4, n, i) } else { 0 };
        step.findings
            .push(rules::customer_terms(lang, word.as_deref(), pts));
        self.needs[i].acknowledged |= r.acknowledged;
        self.set_state(step, i, NeedState::Met);
        step.reply = match self.sc.needs[i].satisfied.clone() {
            Some(t) => self.text(&t),
            None => replies::builtin(lang, Kind::Satisfied).to_string(),
        };
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
