//! The meeting as a deterministic state machine: `Session::apply(Input) -> Step`.
//!
//! Needs move hidden → implied → developed → explicit → met, and only the right
//! questions move them. The customer's patience falls with poor moves and rises
//! with good questions; at zero the customer ends the meeting.

mod ask;
mod competitor;
mod conflict;
mod cues;
pub mod input;
mod objection;
mod people;
mod personal;
mod present;
mod propose;
mod replies;
mod room;

pub use input::{FfabParts, Input, Pitch};

use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::lexicon::classify::Label;
use crate::scenario::{Params, Scenario, Text};
use crate::scoring::Finding;
use cues::Cues;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;

/// Where a need stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NeedState {
    /// Not yet voiced by the customer.
    Hidden,
    /// Voiced as a problem or dissatisfaction.
    Implied,
    /// Its consequences developed enough to make it urgent.
    Developed,
    /// Stated by the customer as a want.
    Explicit,
    /// Met by a benefit the trainee presented.
    Met,
}

impl NeedState {
    /// The state's name in a language.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NeedState::Hidden, Lang::Zh) => "未发现",
            (NeedState::Implied, Lang::Zh) => "隐含",
            (NeedState::Developed, Lang::Zh) => "已扩大",
            (NeedState::Explicit, Lang::Zh) => "明确",
            (NeedState::Met, Lang::Zh) => "已满足",
            (NeedState::Hidden, Lang::En) => "hidden",
            (NeedState::Implied, Lang::En) => "implied",
            (NeedState::Developed, Lang::En) => "developed",
            (NeedState::Explicit, Lang::En) => "explicit",
            (NeedState::Met, Lang::En) => "met",
        }
    }
}

/// A need's change of state during a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedChange {
    /// The need's id.
    pub need: String,
    /// Its state before.
    pub from: NeedState,
    /// Its state after.
    pub to: NeedState,
}

/// FFAB parts found in a presentation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ffab {
    /// A feature was stated.
    pub feature: bool,
    /// A function was stated.
    pub function: bool,
    /// An advantage was stated.
    pub advantage: bool,
    /// A benefit was stated.
    pub benefit: bool,
}

impl Ffab {
    /// How many of the four parts are present.
    #[must_use]
    pub fn count(self) -> u8 {
        u8::from(self.feature)
            + u8::from(self.function)
            + u8::from(self.advantage)
            + u8::from(self.benefit)
    }
}

/// The outcome of one input: the customer's reply and the graded step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// 1-based turn number.
    pub turn: usize,
    /// What the trainee did.
    pub input: Input,
    /// The SPIN label, for questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Label>,
    /// The classifier's evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// The scenario element the input hit (`facts.staff`, `needs.costs.problem`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    /// The contact the trainee addressed, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressed: Option<String>,
    /// Who answered.
    pub speaker: String,
    /// The customer's reply.
    pub reply: String,
    /// Scored observations.
    pub findings: Vec<Finding>,
    /// Sum of the findings' points.
    pub points: i32,
    /// The customer's patience after this step.
    pub patience: i32,
    /// Needs that changed state.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<NeedChange>,
    /// FFAB parts found, for presentations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ffab: Option<Ffab>,
    /// The coach was unsure how to read the turn: the customer asked back and
    /// nothing was scored.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unsure: bool,
    /// The customer gave a substantive answer (not a fallback).
    #[serde(skip)]
    pub answered: bool,
}

/// How far a need has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedProgress {
    /// Current state.
    pub state: NeedState,
    /// Which implications have been developed.
    pub developed: Vec<bool>,
    /// (turn, new state) for each change.
    pub journey: Vec<(usize, NeedState)>,
    /// Whether the trainee acknowledged it when presenting.
    pub acknowledged: bool,
    /// Whether a problem question has earned the credit for uncovering it.
    pub uncovered: bool,
    /// Whether a question that only pointed back ("what does that lead to?") has
    /// already developed it.
    pub generic_used: bool,
}

impl NeedProgress {
    fn developed_count(&self) -> u8 {
        u8::try_from(self.developed.iter().filter(|d| **d).count()).unwrap_or(u8::MAX)
    }
}

/// Why the meeting ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// The trainee ended it.
    Trainee,
    /// The customer ran out of patience.
    CustomerLeft,
}

/// A question asked earlier in the meeting, for near-duplicate detection.
pub(crate) struct Asked {
    norm: String,
    terms: Vec<crate::understand::terms::Term>,
    topic: crate::understand::Topic,
    /// The customer's substantive answer, if there was one.
    answer: Option<String>,
}

/// How many needs, implications, explicit needs and met needs have earned points:
/// each credit takes the next share of its pot.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Credits {
    uncovered: usize,
    implications: usize,
    explicit: usize,
    met: usize,
}

/// A meeting in progress. It shares its scenario, so it can be kept, moved and
/// rebuilt without borrowing from whoever loaded the scenario.
pub struct Session {
    sc: Arc<Scenario>,
    lang: Lang,
    params: Params,
    lex: Lexicon,
    cues: Cues,
    index: crate::understand::index::Index,
    credits: Credits,
    rng: StdRng,
    needs: Vec<NeedProgress>,
    patience: i32,
    situation_count: u32,
    fact_points: i32,
    facts_asked: HashSet<usize>,
    asked: Vec<Asked>,
    focus: Option<usize>,
    accepted: Vec<usize>,
    steps: Vec<Step>,
    ending: Option<Ending>,
    open_objection: Option<objection::Open>,
    seats: Vec<room::Seat>,
    people: people::People,
}

impl Session {
    /// A session with `inputs` played in order, stopping when the meeting ends; also
    /// returns how many inputs were played. Every place that rebuilds a meeting from
    /// its inputs (the trainer after each turn, saving, `play`, drill setups, the
    /// validity benchmark) goes through here.
    #[must_use]
    pub fn replay(
        sc: Arc<Scenario>,
        seed: u64,
        lang: Option<Lang>,
        extra: Option<&Lexicon>,
        inputs: impl IntoIterator<Item = Input>,
    ) -> (Self, usize) {
        let mut s = Session::new(sc, seed, lang, extra);
        let mut played = 0;
        for i in inputs {
            if s.is_over() {
                break;
            }
            s.apply(i);
            played += 1;
        }
        (s, played)
    }

    /// Starts a meeting. `lang` picks the texts of bilingual scenarios; `extra` adds a lexicon file.
    #[must_use]
    pub fn new(sc: Arc<Scenario>, seed: u64, lang: Option<Lang>, extra: Option<&Lexicon>) -> Self {
        let mut lex = Lexicon::builtin().clone();
        if let Some(e) = extra {
            lex.extend(e);
        }
        lex.extend_scenario(&sc.lexicon);
        let params = Params::of(&sc);
        let needs: Vec<NeedProgress> = sc
            .needs
            .iter()
            .map(|n| NeedProgress {
                state: NeedState::Hidden,
                developed: vec![false; n.implications.len()],
                journey: Vec::new(),
                acknowledged: false,
                uncovered: false,
                generic_used: false,
            })
            .collect();
        // A need that starts implied is on the table from the opening (turn 0); the
        // customer is talking about the first of them. A need further on (carried
        // over from an earlier meeting) has its implications behind it.
        let mut needs = needs;
        let mut focus = None;
        for (i, n) in sc.needs.iter().enumerate() {
            use crate::scenario::NeedStart;
            let state = match n.starts {
                NeedStart::Hidden => continue,
                NeedStart::Implied => NeedState::Implied,
                NeedStart::Developed => NeedState::Developed,
                NeedStart::Explicit => NeedState::Explicit,
                NeedStart::Met => NeedState::Met,
            };
            needs[i].state = state;
            needs[i].journey.push((0, state));
            // The customer volunteered it: there is nothing left to uncover.
            needs[i].uncovered = true;
            if state >= NeedState::Developed {
                let want = usize::from(params.threshold(n));
                for d in needs[i].developed.iter_mut().take(want) {
                    *d = true;
                }
            }
            if state < NeedState::Met {
                focus = focus.or(Some(i));
            }
        }
        Session {
            lang: lang.unwrap_or(sc.language),
            params,
            cues: Cues::new(&sc),
            index: crate::understand::index::Index::new(&sc),
            credits: Credits::default(),
            lex,
            rng: StdRng::seed_from_u64(seed),
            needs,
            patience: params.patience,
            situation_count: 0,
            fact_points: 0,
            facts_asked: HashSet::new(),
            asked: Vec::new(),
            focus,
            accepted: Vec::new(),
            steps: Vec::new(),
            ending: None,
            open_objection: None,
            seats: room::seats(&sc),
            people: people::People::new(&sc),
            sc,
        }
    }

    /// The customer's opening words and who says them (the owner of the first need
    /// that starts implied, else the first contact), when the scenario has them. The
    /// speaker is who opened the meeting, even if they have left it since.
    #[must_use]
    pub fn opening(&self) -> Option<(String, String)> {
        let text = self.sc.opening.as_ref()?;
        let owner = self
            .sc
            .needs
            .iter()
            .find(|n| n.starts == crate::scenario::NeedStart::Implied)
            .and_then(|n| n.contact.as_ref())
            .or_else(|| self.sc.customer.contacts.first().map(|c| &c.id))
            .map(|c| c.value.clone())
            .unwrap_or_default();
        Some((self.contact_name_any(&owner), self.text(text)))
    }

    /// The scenario being played.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.sc
    }

    /// The language of replies and feedback.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The behaviour parameters in force.
    #[must_use]
    pub fn params(&self) -> Params {
        self.params
    }

    /// The customer's current patience.
    #[must_use]
    pub fn patience(&self) -> i32 {
        self.patience
    }

    /// Every need's progress, in scenario order.
    #[must_use]
    pub fn needs(&self) -> &[NeedProgress] {
        &self.needs
    }

    /// The steps so far.
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Indices of advances the customer accepted.
    #[must_use]
    pub fn accepted(&self) -> &[usize] {
        &self.accepted
    }

    /// Why the meeting ended, if it has.
    #[must_use]
    pub fn ending(&self) -> Option<Ending> {
        self.ending
    }

    /// True once the trainee ended the meeting or the customer left.
    #[must_use]
    pub fn is_over(&self) -> bool {
        self.ending.is_some()
    }

    /// The lexicon in use (built-in plus extensions).
    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Applies one input and returns the graded step (also kept in [`Session::steps`]).
    pub fn apply(&mut self, input: Input) -> &Step {
        let mut step = Step {
            turn: self.steps.len() + 1,
            input: input.clone(),
            label: None,
            cues: Vec::new(),
            matched: None,
            addressed: None,
            speaker: self.contact_name(None),
            reply: String::new(),
            findings: Vec::new(),
            points: 0,
            patience: self.patience,
            changes: Vec::new(),
            ffab: None,
            unsure: false,
            answered: false,
        };
        if self.is_over() {
            step.findings
                .push(crate::scoring::rules::meeting_over(self.lang));
        } else {
            let before = self.patience;
            // A question for someone not in the room is answered by the room, even
            // when it names a competitor.
            let to_absent = matches!(&input, Input::Ask { to: Some(t), .. } if !self.is_present(t));
            if !self.before_input(&mut step, &input)
                && (to_absent || !self.people_before(&mut step, &input))
            {
                match &input {
                    Input::Ask { to, text } => self.ask(&mut step, to.as_deref(), text),
                    Input::Present(p) => {
                        self.present(&mut step, p);
                        self.after_present(&mut step);
                    }
                    Input::Propose(text) => self.propose(&mut step, text),
                    Input::End => self.end(&mut step),
                }
            }
            self.people_after(&mut step, &input);
            if self.ending.is_none() {
                self.after_step(&mut step, before);
            }
            if self.patience <= 0 && self.ending.is_none() {
                self.patience = 0;
                self.ending = Some(Ending::CustomerLeft);
                step.reply = self.fallback(replies::Kind::Leave);
                step.findings
                    .push(crate::scoring::rules::customer_left(self.lang));
            }
        }
        step.points = step.findings.iter().map(|f| f.points).sum();
        step.patience = self.patience;
        self.steps.push(step);
        let last = self.steps.len() - 1;
        &self.steps[last]
    }

    fn end(&mut self, step: &mut Step) {
        self.ending = Some(Ending::Trainee);
        step.reply = replies::builtin(self.lang, replies::Kind::Goodbye).to_string();
    }

    fn text(&self, t: &Text) -> String {
        crate::text::sanitize(t.get(self.lang))
    }

    /// Picks the reply or one of its variants with the seeded generator.
    fn pick(&mut self, reply: &Text, variants: &[Text]) -> String {
        if variants.is_empty() {
            return self.text(reply);
        }
        let i = self.rng.random_range(0..=variants.len());
        if i == 0 {
            self.text(reply)
        } else {
            self.text(&variants[i - 1])
        }
    }

    fn fallback(&mut self, kind: replies::Kind) -> String {
        let list = replies::scenario_list(&self.sc, kind);
        if list.is_empty() {
            return replies::builtin(self.lang, kind).to_string();
        }
        let i = self.rng.random_range(0..list.len());
        self.text(&list[i])
    }

    /// The name of contact `id` if in the room, else of the first contact in the
    /// room (else the first contact).
    fn contact_name(&self, id: Option<&str>) -> String {
        let contacts = &self.sc.customer.contacts;
        let id = id.filter(|id| self.is_present(id)).or(self.first_present());
        let c = id
            .and_then(|id| contacts.iter().find(|c| c.id.value == id))
            .or_else(|| contacts.first());
        c.map(|c| self.text(&c.name)).unwrap_or_default()
    }

    fn need_name(&self, i: usize) -> String {
        self.sc
            .needs
            .get(i)
            .map(|n| self.text(&n.summary))
            .unwrap_or_default()
    }

    fn set_state(&mut self, step: &mut Step, i: usize, to: NeedState) {
        let Some(p) = self.needs.get_mut(i) else {
            return;
        };
        if p.state == to {
            return;
        }
        step.changes.push(NeedChange {
            need: self.sc.needs[i].id.value.clone(),
            from: p.state,
            to,
        });
        p.state = to;
        p.journey.push((step.turn, to));
    }

    /// How many needs a skilled meeting is expected to carry through: all of them up
    /// to three. Points per need are the pot divided by this, so a skilled meeting of
    /// 15–25 turns can reach the top of the scale on any difficulty; further needs
    /// still earn, up to each part's maximum.
    pub(crate) fn expected_needs(&self) -> usize {
        self.sc.needs.len().clamp(1, 3)
    }

    /// The implications per need the difficulty asks for.
    pub(crate) fn expected_threshold(&self) -> u8 {
        self.params.threshold.max(1)
    }

    /// The `nth` credit's share of a pot spread over the expected needs.
    pub(crate) fn pot(&self, total: i32, nth: usize) -> i32 {
        let k = self.expected_needs();
        crate::scoring::share(total, k, nth % k)
    }

    /// The `nth` uncovering credit's share: spread over the needs there are to
    /// uncover (a need the customer opens with is not one of them), up to three.
    pub(crate) fn uncover_pot(&self, total: i32, nth: usize) -> i32 {
        let k = self
            .sc
            .needs
            .iter()
            .filter(|n| n.starts == crate::scenario::NeedStart::Hidden)
            .count()
            .clamp(1, 3);
        crate::scoring::share(total, k, nth % k)
    }

    fn gain_patience(&mut self) {
        self.patience = (self.patience + 1).min(self.params.patience);
    }

    fn lose_patience(&mut self, n: i32) {
        self.patience -= n;
    }

    /// Needs explicit or met.
    fn explicit_count(&self) -> usize {
        self.needs
            .iter()
            .filter(|n| n.state >= NeedState::Explicit)
            .count()
    }

    fn met_count(&self) -> usize {
        self.needs
            .iter()
            .filter(|n| n.state == NeedState::Met)
            .count()
    }
}
