//! Questions: read them (the understanding stage), move the needs and grade.
//!
//! Every decision here comes from a [`Reading`]: its form in this meeting, the need
//! or fact it is grounded to, and how sure the coach is. The customer answers the
//! element asked about, in its current state; "already told you" only follows a
//! near-duplicate of a question that was really answered, and then the customer
//! restates the answer.

use super::replies::Kind;
use super::{Asked, NeedState, Session, Step};
use crate::lexicon::classify::Label;
use crate::scoring::rules;
use crate::text::normalize;
use crate::understand::index::Element;
use crate::understand::terms::{similarity, term_set};
use crate::understand::{Confidence, Context, Reading, Topic, read_question};

/// Two questions this similar (weighted term overlap) are the same question.
const NEAR_DUPLICATE: f32 = 0.8;

impl Session {
    /// The understanding stage's reading of a question in this meeting.
    #[must_use]
    pub fn read_question(&self, text: &str, to: Option<&str>) -> Reading {
        let states: Vec<NeedState> = self.needs.iter().map(|n| n.state).collect();
        let uncovered: Vec<bool> = self.needs.iter().map(|n| n.uncovered).collect();
        let ctx = Context {
            states: &states,
            focus: self.focus,
            addressed: to,
            uncovered: &uncovered,
        };
        read_question(&self.sc, &self.index, &self.lex, &ctx, text)
    }

    pub(super) fn ask(&mut self, step: &mut Step, to: Option<&str>, text: &str) {
        let lang = self.lang;
        let norm = normalize(text);
        if norm.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            step.reply = self.fallback(Kind::Unclear);
            step.findings.push(rules::unclear(lang));
            return;
        }
        let to = to.filter(|id| self.sc.customer.contacts.iter().any(|c| c.id.value == *id));
        if let Some(id) = to
            && self.absent(step, id)
        {
            return;
        }
        let r = self.read_question(text, to);
        step.label = Some(r.form);
        step.cues.clone_from(&r.cues);
        if to.is_some() {
            step.speaker = self.contact_name(to);
            step.addressed = Some(step.speaker.clone());
        }
        let terms = term_set(text);
        // Only people who are not in the room know this.
        if r.form != Label::Other {
            let known = self.known_by(r.topic).to_vec();
            if self.knowers_absent(step, &known) {
                self.record(norm, terms, r.topic, None);
                return;
            }
        }
        // Only some contacts know this: asked of another, they pass it on and the one
        // who knows, in the room (`knowers_absent` above handles the rest), answers.
        let mut passed_on = None;
        if let Some(asked) = to
            && r.form != Label::Other
            && let Some((topic, knower)) = self.knower_elsewhere(r.topic, asked)
        {
            passed_on = Some((step.speaker.clone(), self.redirect(asked, &knower)));
            step.findings
                .push(rules::wrong_contact(lang, &step.speaker, &topic, &knower));
            step.speaker = knower;
        }
        // A near-duplicate of a question that was answered: restate, cost patience.
        // Similarity needs words to compare: two questions with one topic word each
        // ("affect your margin?", "impact on your profit?") are not the same question.
        let weight = |t: &[crate::understand::terms::Term]| t.iter().map(|x| x.weight).sum::<f32>();
        let dup = self.asked.iter().rev().find(|a| {
            a.norm == norm
                || (a.topic == r.topic
                    && weight(&a.terms) >= 2.0
                    && weight(&terms) >= 2.0
                    && similarity(&a.terms, &terms) >= NEAR_DUPLICATE)
        });
        if let Some(answer) = dup.and_then(|prev| prev.answer.clone()) {
            {
                let again = self.fallback(Kind::Repeated);
                step.reply = format!("{again} {answer}");
                step.findings.push(rules::repeated(lang));
                self.lose_patience(1);
                self.record(norm, terms, r.topic, None);
                return;
            }
        }
        if r.confidence == Confidence::Unsure && r.form != Label::Other {
            self.clarify(step, &r);
            self.record(norm, terms, r.topic, None);
            return;
        }
        let before = step.reply.len();
        match r.form {
            Label::S => self.situation(step, &r),
            Label::P => self.problem(step, &r),
            Label::I => self.implication(step, &r),
            Label::N => self.payoff(step, &r),
            Label::Other => self.statement(step, text, &norm),
        }
        let answered = step.answered.then(|| step.reply.clone());
        let _ = before;
        if let Some((asked, redirect)) = passed_on {
            let who = std::mem::replace(&mut step.speaker, asked);
            let said = std::mem::replace(&mut step.reply, redirect);
            if !said.is_empty() {
                self.say_also_named(step, &who, &said);
            }
        }
        self.record(norm, terms, r.topic, answered);
    }

    /// The contacts who know about a topic, by id (empty: everyone).
    fn known_by(&self, topic: Topic) -> &[crate::scenario::Id] {
        match topic {
            Topic::Fact { fact } => &self.sc.facts[fact].known_by,
            Topic::Need { need } => &self.sc.needs[need].known_by,
            Topic::Nothing => &[],
        }
    }

    /// When contact `asked` does not know about `topic`: the topic's name and the
    /// name of a contact who does.
    fn knower_elsewhere(&self, topic: Topic, asked: &str) -> Option<(String, String)> {
        let known = self.known_by(topic);
        if known.is_empty() || known.iter().any(|k| k.value == asked) {
            return None;
        }
        let name = match topic {
            Topic::Fact { fact } => self.text(&self.sc.facts[fact].topic),
            Topic::Need { need } => self.need_name(need),
            Topic::Nothing => return None,
        };
        let knower = known
            .iter()
            .find(|k| self.is_present(&k.value))
            .unwrap_or(&known[0]);
        Some((name, self.contact_name(Some(&knower.value))))
    }

    /// What contact `asked` says to send the trainee to `knower`.
    fn redirect(&self, asked: &str, knower: &str) -> String {
        let own = self
            .sc
            .customer
            .contacts
            .iter()
            .find(|c| c.id.value == asked)
            .and_then(|c| c.redirect.as_ref())
            .map(|t| self.text(t));
        match own {
            Some(t) => t.replace("{name}", knower),
            None => match self.lang {
                crate::lang::Lang::Zh => {
                    format!("这个我不太清楚,{knower}更了解。")
                }
                crate::lang::Lang::En => {
                    format!("I'm not the right person for that; {knower} knows it better.")
                }
            },
        }
    }

    fn record(
        &mut self,
        norm: String,
        terms: Vec<crate::understand::terms::Term>,
        topic: Topic,
        answer: Option<String>,
    ) {
        self.asked.push(Asked {
            norm,
            terms,
            topic,
            answer,
        });
    }

    /// The customer asks back which need was meant; nothing is scored.
    fn clarify(&mut self, step: &mut Step, r: &Reading) {
        let Topic::Need { need } = r.topic else {
            step.reply = self.fallback(Kind::Vague);
            return;
        };
        let name = self.need_name(need);
        step.unsure = true;
        step.reply = match self.lang {
            crate::lang::Lang::Zh => format!("您是想问「{name}」这方面吗?能具体说说吗?"),
            crate::lang::Lang::En => {
                format!("Do you mean the question of \"{name}\"? Could you be more specific?")
            }
        };
        step.findings.push(rules::coach_unsure(self.lang, &name));
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

    /// Words of the question that ground it in its topic, for the reason text.
    fn evidence(&self, r: &Reading) -> String {
        r.evidence.join(", ")
    }

    fn situation(&mut self, step: &mut Step, r: &Reading) {
        match r.topic {
            Topic::Fact { fact } => {
                self.answer_fact(step, fact, r);
                self.count_situation(step);
            }
            Topic::Need { need } => {
                step.speaker = self.need_speaker(need, &step.speaker, step.addressed.is_some());
                let name = self.need_name(need);
                let example = self.example_problem_cue();
                step.matched = Some(format!("needs.{}.problem", self.sc.needs[need].id.value));
                if self.needs[need].state == NeedState::Hidden {
                    // The customer mentions the difficulty in passing: the need is on the
                    // table, but a problem question is still needed for the credit.
                    step.reply = self.problem_reply(need);
                    self.set_state(step, need, NeedState::Implied);
                } else {
                    step.reply = self.restate(&self.problem_text(need));
                }
                step.answered = true;
                self.focus = Some(need);
                step.findings
                    .push(rules::situation_no_problem(self.lang, &name, &example));
                self.count_situation(step);
            }
            Topic::Nothing => {
                step.reply = self.fallback(Kind::OffTopic);
                step.findings.push(rules::off_topic(self.lang));
                self.lose_patience(1);
                self.situation_count += 1;
            }
        }
    }

    fn answer_fact(&mut self, step: &mut Step, f: usize, r: &Reading) {
        let fact = &self.sc.facts[f];
        step.matched = Some(format!("facts.{}", fact.id.value));
        if let (Some(c), None) = (
            fact.contact.as_ref().or(fact.known_by.first()),
            &step.addressed,
        ) {
            step.speaker = self.contact_name(Some(&c.value));
        }
        let (reply, variants, cases, topic) = (
            fact.reply.clone(),
            fact.variants.clone(),
            fact.cases.clone(),
            self.text(&fact.topic),
        );
        step.reply = self.pick_case(&reply, &variants, &cases);
        step.answered = true;
        if !self.facts_asked.insert(f) {
            step.findings
                .push(rules::situation_known(self.lang, &topic));
            return;
        }
        let points = if self.fact_points < rules::SITUATION_FACT_MAX {
            rules::SITUATION_FACT_POINTS
        } else {
            0
        };
        self.fact_points += points;
        let cue = self.evidence(r);
        step.findings
            .push(rules::situation_fact(self.lang, &topic, &cue, points));
    }

    /// Who answers about need `i`: the contact addressed, else the need's owner.
    pub(super) fn need_speaker(&self, i: usize, current: &str, addressed: bool) -> String {
        if addressed {
            return current.to_string();
        }
        let n = &self.sc.needs[i];
        match n.contact.as_ref().or(n.known_by.first()) {
            Some(c) => self.contact_name(Some(&c.value)),
            None => current.to_string(),
        }
    }

    fn problem_text(&self, i: usize) -> String {
        self.text(&self.sc.needs[i].problem.reply)
    }

    fn problem_reply(&mut self, i: usize) -> String {
        let b = self.sc.needs[i].problem.clone();
        self.pick_case(&b.reply, &b.variants, &b.cases)
    }

    /// The customer repeats the gist of what they said before.
    pub(super) fn restate(&self, said: &str) -> String {
        match self.lang {
            crate::lang::Lang::Zh => format!("就像我刚才说的,{said}"),
            crate::lang::Lang::En => format!("As I said, {said}"),
        }
    }

    fn problem(&mut self, step: &mut Step, r: &Reading) {
        let lang = self.lang;
        let i = match r.topic {
            Topic::Need { need } => need,
            Topic::Fact { fact } => {
                self.answer_fact(step, fact, r);
                self.count_situation(step);
                return;
            }
            Topic::Nothing => {
                let example = self.example_problem_cue();
                step.reply = self.fallback(Kind::Vague);
                step.findings.push(rules::problem_vague(lang, &example));
                return;
            }
        };
        self.focus = Some(i);
        step.speaker = self.need_speaker(i, &step.speaker, step.addressed.is_some());
        let need = &self.sc.needs[i];
        step.matched = Some(format!("needs.{}.problem", need.id.value));
        let name = self.need_name(i);
        step.answered = true;
        let state = self.needs[i].state;
        if state == NeedState::Hidden {
            step.reply = self.problem_reply(i);
            self.set_state(step, i, NeedState::Implied);
        } else {
            step.reply = self.restate(&self.problem_text(i));
        }
        if self.needs[i].uncovered {
            step.findings.push(rules::problem_repeat(lang, &name));
            return;
        }
        self.needs[i].uncovered = true;
        let pts = self.uncover_pot(rules::UNCOVER_IMPLIED_POT, self.credits.uncovered);
        self.credits.uncovered += 1;
        let cue = self.evidence(r);
        step.findings
            .push(rules::uncover_implied(lang, &name, &cue, pts));
        if self.params.forgiving {
            self.gain_patience();
        }
        if state == NeedState::Hidden && r.also_effect {
            self.develop_too(step, i, r);
        }
    }

    /// A problem question that also asked about an effect: the customer goes on to
    /// tell one implication, credited as an implication question would be.
    fn develop_too(&mut self, step: &mut Step, i: usize, r: &Reading) {
        let Some(k) = self.pick_implication(i, r) else {
            return;
        };
        let want = self.params.threshold(&self.sc.needs[i]);
        let b = self.sc.needs[i].implications[k].clone();
        let more = self.pick_case(&b.reply, &b.variants, &b.cases);
        step.reply = format!("{} {more}", step.reply);
        self.needs[i].developed[k] = true;
        let have = self.needs[i].developed_count();
        let pts = self.implication_share();
        let name = self.need_name(i);
        let cue = self.evidence(r);
        step.findings.push(rules::develop_implication(
            self.lang, &name, &cue, have, want, pts,
        ));
        if have >= want {
            self.set_state(step, i, NeedState::Developed);
        }
    }

    /// The next implication credit: the pot spread over the implications a skilled
    /// meeting is expected to develop.
    fn implication_share(&mut self) -> i32 {
        let slots = self.expected_needs() * usize::from(self.expected_threshold());
        let pts = crate::scoring::share(
            rules::DEVELOP_IMPLICATION_POT,
            slots,
            self.credits.implications % slots,
        );
        self.credits.implications += 1;
        pts
    }

    /// The customer states need `i` as explicit; returns the next explicit-need
    /// credit (the `make-explicit` pot spread over the expected needs).
    fn state_explicit(&mut self, step: &mut Step, i: usize) -> i32 {
        self.focus = Some(i);
        let need = &self.sc.needs[i];
        step.matched = Some(format!("needs.{}.payoff", need.id.value));
        let b = need.payoff.clone();
        step.reply = self.pick_case(&b.reply, &b.variants, &b.cases);
        step.answered = true;
        self.set_state(step, i, NeedState::Explicit);
        let pts = self.pot(rules::MAKE_EXPLICIT_POT, self.credits.explicit);
        self.credits.explicit += 1;
        pts
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

    /// The implication a question asks about: the one it grounds to if not yet
    /// developed, else the next undeveloped one.
    fn pick_implication(&self, i: usize, r: &Reading) -> Option<usize> {
        let open = |k: usize| !self.needs[i].developed.get(k).copied().unwrap_or(true);
        if let Some(Element::Implication(n, k)) = r.element
            && n == i
            && open(k)
        {
            return Some(k);
        }
        (0..self.needs[i].developed.len()).find(|k| open(*k))
    }

    fn implication(&mut self, step: &mut Step, r: &Reading) {
        let lang = self.lang;
        let Topic::Need { need: i } = r.topic else {
            step.reply = self.which_problem();
            step.findings.push(rules::question_vague(lang));
            return;
        };
        let name = self.need_name(i);
        step.speaker = self.need_speaker(i, &step.speaker, step.addressed.is_some());
        if self.needs[i].state == NeedState::Hidden {
            self.reveal(step, i);
            step.findings
                .push(rules::implication_too_early(lang, &name));
            return;
        }
        self.focus = Some(i);
        // A question that only points back ("what effect does that have?") develops
        // one implication per need; after that the customer needs a concrete question.
        let generic = !r.grounded;
        if generic && self.needs[i].generic_used {
            step.reply = self.which_effect();
            step.findings.push(rules::question_vague(lang));
            return;
        }
        let want = self.params.threshold(&self.sc.needs[i]);
        let Some(k) = self.pick_implication(i, r) else {
            // Every implication told: the customer repeats the one asked about.
            let k = match r.element {
                Some(Element::Implication(n, k)) if n == i => k,
                _ => 0,
            };
            step.reply = self.sc.needs[i]
                .implications
                .get(k)
                .map(|b| self.restate(&self.text(&b.reply)))
                .unwrap_or_else(|| self.fallback(Kind::Repeated));
            step.answered = true;
            step.findings.push(rules::implication_extra(lang, &name));
            return;
        };
        let need = &self.sc.needs[i];
        step.matched = Some(format!("needs.{}.implications[{k}]", need.id.value));
        let b = need.implications[k].clone();
        step.reply = self.pick_case(&b.reply, &b.variants, &b.cases);
        step.answered = true;
        self.needs[i].developed[k] = true;
        if generic {
            self.needs[i].generic_used = true;
        }
        let have = self.needs[i].developed_count();
        if have <= want && self.needs[i].state < NeedState::Explicit {
            let pts = self.implication_share();
            let cue = self.evidence(r);
            step.findings.push(rules::develop_implication(
                lang, &name, &cue, have, want, pts,
            ));
            if have == want && self.needs[i].state == NeedState::Implied {
                self.set_state(step, i, NeedState::Developed);
            }
            self.gain_patience();
        } else {
            step.findings.push(rules::implication_extra(lang, &name));
        }
    }

    fn payoff(&mut self, step: &mut Step, r: &Reading) {
        let lang = self.lang;
        let Topic::Need { need: i } = r.topic else {
            step.reply = self.which_problem();
            step.findings.push(rules::question_vague(lang));
            return;
        };
        let name = self.need_name(i);
        step.speaker = self.need_speaker(i, &step.speaker, step.addressed.is_some());
        let need = &self.sc.needs[i];
        let want = self.params.threshold(need);
        let have = self.needs[i].developed_count();
        match self.needs[i].state {
            NeedState::Hidden => {
                self.reveal(step, i);
                step.findings
                    .push(rules::payoff_too_early(lang, &name, 0, want));
            }
            // One implication short on a medium or hard need, asked with words of its
            // own about this need's payoff or what the need is: the customer states
            // the need, for half the credit (one missed reading must not break the
            // whole chain).
            NeedState::Implied
                if want >= 2
                    && have >= 1
                    && have + 1 >= want
                    && r.grounded
                    && matches!(r.element, Some(Element::Payoff(n) | Element::Summary(n)) if n == i) =>
            {
                let pts = self.state_explicit(step, i) / rules::PAYOFF_EARLY_DIVISOR;
                let cue = self.evidence(r);
                step.findings
                    .push(rules::payoff_early(lang, &name, &cue, have, want, pts));
            }
            NeedState::Implied => {
                step.reply = self.fallback(Kind::NotYet);
                step.answered = true;
                step.findings
                    .push(rules::payoff_too_early(lang, &name, have, want));
                if !self.params.forgiving {
                    self.lose_patience(1);
                }
            }
            NeedState::Developed => {
                let pts = self.state_explicit(step, i);
                let cue = self.evidence(r);
                step.findings
                    .push(rules::make_explicit(lang, &name, &cue, pts));
                self.gain_patience();
            }
            NeedState::Explicit | NeedState::Met => {
                step.reply = self.restate(&self.text(&need.payoff.reply));
                step.answered = true;
                step.findings.push(rules::payoff_repeat(lang, &name));
            }
        }
    }

    /// A question that presumes a problem the customer has not voiced: they answer by
    /// stating the problem (the need becomes implied, with no credit for uncovering it).
    fn reveal(&mut self, step: &mut Step, i: usize) {
        step.matched = Some(format!("needs.{}.problem", self.sc.needs[i].id.value));
        step.reply = self.problem_reply(i);
        step.answered = true;
        self.set_state(step, i, NeedState::Implied);
        self.focus = Some(i);
    }

    fn which_problem(&self) -> String {
        self.lang
            .pick(
                "您是指哪个问题?我们刚才好像还没谈到具体的事。",
                "Which problem do you mean? I'm not sure what we're talking about.",
            )
            .to_string()
    }

    fn which_effect(&self) -> String {
        self.lang
            .pick("您具体是指哪方面的影响?", "Effect on what, exactly?")
            .to_string()
    }

    fn statement(&mut self, step: &mut Step, text: &str, norm: &str) {
        let pitches = self
            .cues
            .parts
            .iter()
            .any(|p| super::cues::score(norm, &p.cues).is_some());
        if pitches || step.cues.iter().any(|c| c.starts_with("pitch:")) {
            self.present(step, &super::Pitch::Sentence(text.to_string()));
            return;
        }
        step.reply = super::replies::builtin(self.lang, Kind::Statement).to_string();
        step.findings.push(rules::not_a_question(self.lang));
    }
}
