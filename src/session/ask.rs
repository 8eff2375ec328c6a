//! Questions: classify, find what they hit, move the needs and grade.

use super::cues::{Hit, best, score};
use super::replies::Kind;
use super::{NeedState, Session, Step};
use crate::lexicon::classify::{Label, classify};
use crate::scoring::{rules, share};
use crate::text::normalize;

/// Which need a question is about, and through which cue list.
pub(super) struct NeedHit {
    pub(super) need: usize,
    pub(super) hit: Hit,
}

impl Session<'_> {
    pub(super) fn ask(&mut self, step: &mut Step, to: Option<&str>, text: &str) {
        let lang = self.lang;
        let norm = normalize(text);
        if norm.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            step.reply = self.fallback(Kind::Unclear);
            step.findings.push(rules::unclear(lang));
            return;
        }
        let c = classify(text, &self.lex);
        step.label = Some(c.label);
        step.cues.clone_from(&c.cues);
        if to.is_some() {
            step.speaker = self.contact_name(to);
            step.addressed = Some(step.speaker.clone());
        }
        if !self.asked.insert(norm.clone()) {
            step.reply = self.fallback(Kind::Repeated);
            step.findings.push(rules::repeated(lang));
            self.lose_patience(1);
            return;
        }
        match c.label {
            Label::S => self.situation(step, &norm),
            Label::P => self.problem(step, &norm),
            Label::I => self.implication(step, &norm),
            Label::N => self.payoff(step, &norm),
            Label::Other => self.statement(step, text, &norm),
        }
    }

    fn count_situation(&mut self, step: &mut Step) {
        self.situation_count += 1;
        if self.situation_count > self.params.situation_allowance {
            step.findings.push(rules::situation_overuse(
                self.lang,
                self.situation_count,
                self.params.situation_allowance,
            ));
            self.lose_patience(1);
        }
    }

    fn situation(&mut self, step: &mut Step, norm: &str) {
        if let Some((f, hit)) = best(norm, &self.cues.facts) {
            self.answer_fact(step, f, &hit);
            self.count_situation(step);
            return;
        }
        if let Some(nh) = self.need_by(norm, |s, i| s.cues.problem[i].clone()) {
            let need = self.need_name(nh.need);
            step.matched = Some(format!("needs.{}.problem", self.sc.needs[nh.need].id.value));
            step.speaker = self.need_speaker(nh.need, &step.speaker, step.addressed.is_some());
            step.reply = super::replies::builtin(self.lang, Kind::Neutral).to_string();
            step.findings
                .push(rules::situation_no_problem(self.lang, &need, &nh.hit.cue));
            self.count_situation(step);
            return;
        }
        step.reply = self.fallback(Kind::OffTopic);
        step.findings.push(rules::off_topic(self.lang));
        self.lose_patience(1);
        self.situation_count += 1;
    }

    fn answer_fact(&mut self, step: &mut Step, f: usize, hit: &Hit) {
        let fact = &self.sc.facts[f];
        step.matched = Some(format!("facts.{}", fact.id.value));
        if let (Some(c), None) = (&fact.contact, &step.addressed) {
            step.speaker = self.contact_name(Some(&c.value));
        }
        if !self.facts_asked.insert(f) {
            step.reply = self.fallback(Kind::Repeated);
            step.findings.push(rules::repeated(self.lang));
            self.lose_patience(1);
            return;
        }
        let (reply, variants, topic) = (
            fact.reply.clone(),
            fact.variants.clone(),
            self.text(&fact.topic),
        );
        step.reply = self.pick(&reply, &variants);
        let points = i32::from(self.fact_points < 5);
        self.fact_points += points;
        step.findings
            .push(rules::situation_fact(self.lang, &topic, &hit.cue, points));
    }

    /// The need whose cue list (chosen by `lists`) best matches. Needs in a state
    /// where this question type moves them forward win over better-matching others,
    /// then the heavier match, then the need in focus, then scenario order.
    fn need_by(&self, norm: &str, lists: impl Fn(&Self, usize) -> Vec<String>) -> Option<NeedHit> {
        self.need_ranked(norm, lists, |_| 0)
    }

    pub(super) fn need_ranked(
        &self,
        norm: &str,
        lists: impl Fn(&Self, usize) -> Vec<String>,
        pref: impl Fn(NeedState) -> u8,
    ) -> Option<NeedHit> {
        let mut out: Option<(u8, usize, bool, NeedHit)> = None;
        for i in 0..self.sc.needs.len() {
            let Some(hit) = score(norm, &lists(self, i)) else {
                continue;
            };
            let key = (pref(self.needs[i].state), hit.weight, self.focus == Some(i));
            if out.as_ref().is_none_or(|(p, w, f, _)| key > (*p, *w, *f)) {
                out = Some((key.0, key.1, key.2, NeedHit { need: i, hit }));
            }
        }
        out.map(|(_, _, _, h)| h)
    }

    /// The need a development question is about, by any of its cues.
    fn need_any(&self, norm: &str, pref: impl Fn(NeedState) -> u8) -> Option<NeedHit> {
        self.need_ranked(
            norm,
            |s, i| {
                let mut v = s.cues.problem[i].clone();
                v.extend(s.cues.implications[i].iter().flatten().cloned());
                v.extend(s.cues.payoff[i].iter().cloned());
                v
            },
            pref,
        )
    }

    /// Who answers about need `i`: the contact addressed, else the need's owner.
    pub(super) fn need_speaker(&self, i: usize, current: &str, addressed: bool) -> String {
        if addressed {
            return current.to_string();
        }
        match &self.sc.needs[i].contact {
            Some(c) => self.contact_name(Some(&c.value)),
            None => current.to_string(),
        }
    }

    fn problem(&mut self, step: &mut Step, norm: &str) {
        let found = self
            .need_ranked(
                norm,
                |s, i| s.cues.problem[i].clone(),
                |st| u8::from(st == NeedState::Hidden),
            )
            .or_else(|| {
                self.need_any(norm, |_| 0)
                    .filter(|h| self.needs[h.need].state == NeedState::Hidden)
            });
        let Some(nh) = found else {
            // A problem question that digs into a need already on the table
            // ("do families complain about it?") develops it like an implication.
            if let Some(h) = self
                .need_any(norm, |_| 0)
                .filter(|h| self.needs[h.need].state > NeedState::Hidden)
            {
                self.focus = Some(h.need);
                self.implication(step, norm);
                return;
            }
            if let Some((f, hit)) = best(norm, &self.cues.facts) {
                self.answer_fact(step, f, &hit);
                self.count_situation(step);
                return;
            }
            let example = self.example_problem_cue();
            step.reply = self.fallback(Kind::Vague);
            step.findings
                .push(rules::problem_vague(self.lang, &example));
            return;
        };
        let i = nh.need;
        self.focus = Some(i);
        step.speaker = self.need_speaker(i, &step.speaker, step.addressed.is_some());
        let need = &self.sc.needs[i];
        step.matched = Some(format!("needs.{}.problem", need.id.value));
        let (reply, variants) = (need.problem.reply.clone(), need.problem.variants.clone());
        let name = self.need_name(i);
        if self.needs[i].state == NeedState::Hidden {
            step.reply = self.pick(&reply, &variants);
            self.set_state(step, i, NeedState::Implied);
            let pts = share(20, self.sc.needs.len(), i);
            step.findings
                .push(rules::uncover_implied(self.lang, &name, &nh.hit.cue, pts));
            if self.params.forgiving {
                self.gain_patience();
            }
        } else {
            step.reply = self.fallback(Kind::Repeated);
            step.findings.push(rules::problem_repeat(self.lang, &name));
        }
    }

    fn example_problem_cue(&self) -> String {
        let hidden = self
            .needs
            .iter()
            .position(|n| n.state == NeedState::Hidden)
            .unwrap_or(0);
        self.sc
            .needs
            .get(hidden)
            .and_then(|n| n.problem.cues.first())
            .cloned()
            .unwrap_or_default()
    }

    fn implication(&mut self, step: &mut Step, norm: &str) {
        let developing = |st: NeedState| {
            u8::from(st == NeedState::Implied) * 2 + u8::from(st == NeedState::Developed)
        };
        let target = self
            .need_any(norm, developing)
            .map(|h| (h.need, h.hit.cue))
            .or_else(|| self.focus.map(|f| (f, String::new())));
        let Some((i, cue)) = target else {
            step.reply = self.fallback(Kind::OffTopic);
            step.findings.push(rules::off_topic(self.lang));
            self.lose_patience(1);
            return;
        };
        let name = self.need_name(i);
        step.speaker = self.need_speaker(i, &step.speaker, step.addressed.is_some());
        if self.needs[i].state == NeedState::Hidden {
            step.reply = self.fallback(Kind::Vague);
            step.findings
                .push(rules::implication_too_early(self.lang, &name));
            return;
        }
        self.focus = Some(i);
        let want = self.params.threshold(&self.sc.needs[i]);
        let undeveloped: Vec<usize> = (0..self.needs[i].developed.len())
            .filter(|k| !self.needs[i].developed[*k])
            .collect();
        let lists: Vec<Vec<String>> = undeveloped
            .iter()
            .map(|k| self.cues.implications[i][*k].clone())
            .collect();
        let pick = best(norm, &lists)
            .map(|(j, h)| (undeveloped[j], h.cue))
            .or_else(|| undeveloped.first().map(|k| (*k, cue.clone())));
        let Some((k, cue)) = pick else {
            step.reply = self.fallback(Kind::Repeated);
            step.findings
                .push(rules::implication_extra(self.lang, &name));
            return;
        };
        let need = &self.sc.needs[i];
        step.matched = Some(format!("needs.{}.implications[{k}]", need.id.value));
        let (reply, variants) = (
            need.implications[k].reply.clone(),
            need.implications[k].variants.clone(),
        );
        step.reply = self.pick(&reply, &variants);
        self.needs[i].developed[k] = true;
        let have = self.needs[i].developed_count();
        if have <= want && self.needs[i].state < NeedState::Explicit {
            let offset: usize = self.sc.needs[..i]
                .iter()
                .map(|n| usize::from(self.params.threshold(n)))
                .sum();
            let total: usize = self
                .sc
                .needs
                .iter()
                .map(|n| usize::from(self.params.threshold(n)))
                .sum();
            let pts = share(15, total, offset + usize::from(have) - 1);
            step.findings.push(rules::develop_implication(
                self.lang, &name, &cue, have, want, pts,
            ));
            if have == want && self.needs[i].state == NeedState::Implied {
                self.set_state(step, i, NeedState::Developed);
            }
        } else {
            step.findings
                .push(rules::implication_extra(self.lang, &name));
        }
        self.gain_patience();
    }

    fn payoff(&mut self, step: &mut Step, norm: &str) {
        let ready = |st: NeedState| {
            u8::from(st == NeedState::Developed) * 2 + u8::from(st == NeedState::Implied)
        };
        let target = self
            .need_ranked(norm, |s, i| s.cues.payoff[i].clone(), ready)
            .or_else(|| self.need_any(norm, ready))
            .map(|h| (h.need, h.hit.cue))
            .or_else(|| self.focus.map(|f| (f, String::new())));
        let Some((i, cue)) = target else {
            step.reply = self.fallback(Kind::Unclear);
            step.findings.push(rules::off_topic(self.lang));
            self.lose_patience(1);
            return;
        };
        let name = self.need_name(i);
        step.speaker = self.need_speaker(i, &step.speaker, step.addressed.is_some());
        let need = &self.sc.needs[i];
        let want = self.params.threshold(need);
        let have = self.needs[i].developed_count();
        match self.needs[i].state {
            NeedState::Hidden => {
                step.reply = self.fallback(Kind::Vague);
                step.findings
                    .push(rules::payoff_too_early(self.lang, &name, 0, want));
            }
            NeedState::Implied => {
                step.reply = self.fallback(Kind::NotYet);
                step.findings
                    .push(rules::payoff_too_early(self.lang, &name, have, want));
                if !self.params.forgiving {
                    self.lose_patience(1);
                }
            }
            NeedState::Developed => {
                self.focus = Some(i);
                step.matched = Some(format!("needs.{}.payoff", need.id.value));
                let (reply, variants) = (need.payoff.reply.clone(), need.payoff.variants.clone());
                step.reply = self.pick(&reply, &variants);
                self.set_state(step, i, NeedState::Explicit);
                let pts = share(15, self.sc.needs.len(), i);
                step.findings
                    .push(rules::make_explicit(self.lang, &name, &cue, pts));
                self.gain_patience();
            }
            NeedState::Explicit | NeedState::Met => {
                step.reply = self.fallback(Kind::Repeated);
                step.findings.push(rules::payoff_repeat(self.lang, &name));
            }
        }
    }

    fn statement(&mut self, step: &mut Step, text: &str, norm: &str) {
        let pitches = self
            .cues
            .parts
            .iter()
            .any(|p| score(norm, &p.cues).is_some());
        if pitches || step.cues.iter().any(|c| c.starts_with("pitch:")) {
            self.present(step, &super::Pitch::Sentence(text.to_string()));
            return;
        }
        step.reply = super::replies::builtin(self.lang, Kind::Statement).to_string();
        step.findings.push(rules::not_a_question(self.lang));
    }
}
