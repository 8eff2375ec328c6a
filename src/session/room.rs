//! Who is in the room: contacts who come in or go out at a point of the meeting
//! (`joins`, `leaves`), contacts with a mood and a patience of their own (`mood`,
//! `patience`), and replies that change once something has happened (`cases`).
//!
//! A meeting without any of these behaves exactly as before: everyone is in the
//! room from the first turn to the last and only the room's patience counts.

use super::{NeedState, Session, Step};
use crate::lang::Lang;
use crate::scenario::{Case, Mood, StateName, Text, When};
use crate::scoring::rules;

/// One contact's place in the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seat {
    /// In the room now.
    pub(crate) present: bool,
    /// Has been in the room and gone (as opposed to not arrived yet).
    pub(crate) gone: bool,
    /// Own patience, for a contact who has one.
    pub(crate) patience: Option<i32>,
    /// The most that patience can be.
    max: Option<i32>,
}

/// Everyone's seat, in the order of `customer.contacts`.
pub(crate) fn seats(sc: &crate::scenario::Scenario) -> Vec<Seat> {
    sc.customer
        .contacts
        .iter()
        .map(|c| {
            let own = c.patience.or(c.mood.default_patience()).map(i32::from);
            Seat {
                present: c.joins.is_none(),
                gone: false,
                patience: own,
                max: own,
            }
        })
        .collect()
}

/// Why a contact goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Going {
    /// Their own patience ran out.
    OutOfPatience,
    /// Their `leaves` condition came true.
    Planned,
}

impl Session {
    /// Whether a condition holds now, `turns` turns into the meeting.
    pub(crate) fn holds(&self, w: &When, turns: usize) -> bool {
        if w.is_empty() {
            return false;
        }
        if let Some(t) = w.turn
            && turns < usize::from(t)
        {
            return false;
        }
        if let Some(id) = &w.need {
            let want = match w.state.unwrap_or(StateName::Explicit) {
                StateName::Implied => NeedState::Implied,
                StateName::Developed => NeedState::Developed,
                StateName::Explicit => NeedState::Explicit,
                StateName::Met => NeedState::Met,
            };
            let reached = self
                .sc
                .needs
                .iter()
                .position(|n| n.id.value == id.value)
                .and_then(|i| self.needs.get(i))
                // Explicit counts as developed: a need can skip a state.
                .is_some_and(|p| p.state >= want);
            if !reached {
                return false;
            }
        }
        if let Some(id) = &w.fact {
            let asked = self
                .sc
                .facts
                .iter()
                .position(|f| f.id.value == id.value)
                .is_some_and(|i| self.facts_asked.contains(&i));
            if !asked {
                return false;
            }
        }
        if let Some(id) = &w.advance {
            let agreed = self
                .sc
                .advances
                .iter()
                .position(|a| a.id.value == id.value)
                .is_some_and(|i| self.accepted.contains(&i));
            if !agreed {
                return false;
            }
        }
        true
    }

    /// The reply for a beat or a fact: the last case whose condition holds, else
    /// the reply or one of its variants (a case draws nothing from the generator).
    pub(crate) fn pick_case(&mut self, reply: &Text, variants: &[Text], cases: &[Case]) -> String {
        let turns = self.steps.len();
        if let Some(c) = cases.iter().rev().find(|c| self.holds(&c.when, turns)) {
            return self.text(&c.reply);
        }
        self.pick(reply, variants)
    }

    /// Whether contact `id` is in the room (unknown ids count as present).
    pub(crate) fn is_present(&self, id: &str) -> bool {
        self.contact_index(id)
            .is_none_or(|i| self.seats.get(i).is_none_or(|s| s.present))
    }

    fn contact_index(&self, id: &str) -> Option<usize> {
        self.sc
            .customer
            .contacts
            .iter()
            .position(|c| c.id.value == id)
    }

    /// The first contact in the room, by id.
    pub(crate) fn first_present(&self) -> Option<&str> {
        self.sc
            .customer
            .contacts
            .iter()
            .zip(&self.seats)
            .find(|(_, s)| s.present)
            .map(|(c, _)| c.id.value.as_str())
    }

    /// A question put to someone who is not in the room: they cannot answer.
    /// Returns true when that was the case (the step is then complete).
    pub(crate) fn absent(&mut self, step: &mut Step, to: &str) -> bool {
        let Some(i) = self.contact_index(to) else {
            return false;
        };
        let seat = &self.seats[i];
        if seat.present {
            return false;
        }
        let name = self.contact_name_any(to);
        let gone = seat.gone;
        step.speaker = self.contact_name(None);
        step.reply = not_here(self.lang, &name, gone);
        step.findings
            .push(rules::contact_absent(self.lang, &name, gone));
        true
    }

    /// The topic is known only by people who are not in the room: the trainee
    /// is told so. Returns true when that was the case.
    pub(crate) fn knowers_absent(
        &mut self,
        step: &mut Step,
        known: &[crate::scenario::Id],
    ) -> bool {
        if known.is_empty() || known.iter().any(|k| self.is_present(&k.value)) {
            return false;
        }
        let who = known[0].value.clone();
        let name = self.contact_name_any(&who);
        let gone = self.contact_index(&who).is_some_and(|i| self.seats[i].gone);
        step.reply = match self.lang {
            Lang::Zh => format!(
                "这个得问{name},可{name}{}。",
                if gone { "已经走了" } else { "现在不在" }
            ),
            Lang::En => format!(
                "Only {name} could tell you that, and {name} {}.",
                if gone { "has left" } else { "isn't here" }
            ),
        };
        step.findings
            .push(rules::contact_absent(self.lang, &name, gone));
        true
    }

    /// After a step: the speaker's own patience moves with the room's, then
    /// contacts come and go as their conditions say. What they say is added to
    /// the step's reply, each line with its speaker's name.
    pub(crate) fn after_step(&mut self, step: &mut Step, before: i32) {
        if self.seats.iter().all(|s| s.patience.is_none())
            && self
                .sc
                .customer
                .contacts
                .iter()
                .all(|c| c.joins.is_none() && c.leaves.is_none())
        {
            return;
        }
        let sc = std::sync::Arc::clone(&self.sc);
        let delta = self.patience - before;
        if let Some(i) = self.speaker_index(&step.speaker) {
            let mood = sc.customer.contacts[i].mood;
            let situation = step.label == Some(crate::lexicon::classify::Label::S) && step.answered;
            let seat = &mut self.seats[i];
            if let (Some(p), Some(max)) = (seat.patience.as_mut(), seat.max) {
                let mut loss = 0;
                if delta < 0 {
                    loss += -delta * if mood == Mood::Hostile { 2 } else { 1 };
                }
                if mood == Mood::Busy && situation {
                    loss += 1;
                }
                if loss > 0 {
                    *p -= loss;
                } else if delta > 0 {
                    *p = (*p + 1).min(max);
                }
            }
            if seat.present && seat.patience.is_some_and(|p| p <= 0) {
                self.go(step, i, Going::OutOfPatience);
            }
        }
        let turns = step.turn;
        for i in 0..self.seats.len() {
            let c = &sc.customer.contacts[i];
            if self.seats[i].present
                && c.leaves
                    .as_ref()
                    .is_some_and(|m| self.holds(&m.when, turns))
            {
                self.go(step, i, Going::Planned);
            }
        }
        for i in 0..self.seats.len() {
            let c = &sc.customer.contacts[i];
            let seat = &self.seats[i];
            if !seat.present
                && !seat.gone
                && c.joins.as_ref().is_some_and(|m| self.holds(&m.when, turns))
            {
                self.seats[i].present = true;
                let name = self.text(&c.name);
                let says = c
                    .joins
                    .as_ref()
                    .and_then(|m| m.says.as_ref())
                    .map(|t| self.text(t));
                let line = match self.lang {
                    Lang::Zh => format!("({name}走进了会议室)"),
                    Lang::En => format!("({name} joins the meeting.)"),
                };
                push_aside(step, &line, &name, says.as_deref(), self.lang);
            }
        }
        if self.first_present().is_none() && self.ending.is_none() {
            self.ending = Some(super::Ending::CustomerLeft);
            step.findings.push(rules::customer_left(self.lang));
        }
    }

    /// Contact `i` leaves the room.
    fn go(&mut self, step: &mut Step, i: usize, why: Going) {
        let sc = std::sync::Arc::clone(&self.sc);
        let c = &sc.customer.contacts[i];
        let name = self.text(&c.name);
        let mood = c.mood;
        let says = c
            .leaves
            .as_ref()
            .and_then(|m| m.says.as_ref())
            .map(|t| self.text(t))
            .unwrap_or_else(|| default_goodbye(self.lang, mood, why).to_string());
        self.seats[i].present = false;
        self.seats[i].gone = true;
        let line = match self.lang {
            Lang::Zh => format!("({name}离开了会议室)"),
            Lang::En => format!("({name} leaves the meeting.)"),
        };
        push_aside(step, &line, &name, Some(&says), self.lang);
        if why == Going::OutOfPatience {
            let role = c.role;
            step.findings.push(rules::contact_left(
                self.lang,
                &name,
                mood.code(),
                role.code(),
            ));
        }
    }

    /// The contact whose name the step's speaker is.
    fn speaker_index(&self, speaker: &str) -> Option<usize> {
        self.sc
            .customer
            .contacts
            .iter()
            .position(|c| self.text(&c.name) == speaker)
    }

    /// A contact's name whether or not they are in the room.
    pub(crate) fn contact_name_any(&self, id: &str) -> String {
        self.sc
            .customer
            .contacts
            .iter()
            .find(|c| c.id.value == id)
            .map(|c| self.text(&c.name))
            .unwrap_or_default()
    }
}

/// Adds a stage direction and, if any, the words of the contact it is about.
fn push_aside(step: &mut Step, line: &str, name: &str, says: Option<&str>, lang: Lang) {
    let sep = if step.reply.is_empty() || lang == Lang::Zh {
        ""
    } else {
        " "
    };
    step.reply.push_str(sep);
    step.reply.push_str(line);
    if let Some(says) = says {
        match lang {
            Lang::Zh => step.reply.push_str(&format!("{name}:「{says}」")),
            Lang::En => step.reply.push_str(&format!(" {name}: \"{says}\"")),
        }
    }
}

/// What is said to a question for someone not in the room.
fn not_here(lang: Lang, name: &str, gone: bool) -> String {
    match (lang, gone) {
        (Lang::Zh, true) => format!("{name}已经离开了,这个问题您得问在座的人。"),
        (Lang::Zh, false) => format!("{name}还没到,这个问题您先问在座的人吧。"),
        (Lang::En, true) => format!("{name} has left the meeting; you'll have to ask one of us."),
        (Lang::En, false) => format!("{name} isn't here yet; ask one of us in the meantime."),
    }
}

/// What a contact says on going, when the scenario gives no line.
fn default_goodbye(lang: Lang, mood: Mood, why: Going) -> &'static str {
    match (lang, why, mood) {
        (Lang::Zh, Going::OutOfPatience, Mood::Hostile) => "我看这样谈下去没什么意义,我先走了。",
        (Lang::Zh, Going::OutOfPatience, _) => "不好意思,我还有别的事,先失陪了。",
        (Lang::Zh, Going::Planned, _) => "我得去开另一个会了,你们接着谈。",
        (Lang::En, Going::OutOfPatience, Mood::Hostile) => {
            "I don't think this is a good use of my time. Excuse me."
        }
        (Lang::En, Going::OutOfPatience, _) => "Sorry, I have other things to get to. Excuse me.",
        (Lang::En, Going::Planned, _) => "I have to go to another meeting; carry on without me.",
    }
}
