//! The meeting's inputs: starting, composing and submitting turns, ending. Each
//! turn is applied once to the meeting's live session; the inputs are replayed
//! through a fresh session only when the meeting is resumed, a drill is set up, the
//! scenario is reloaded or the language changes.

use super::app::{App, Focus, Meeting, Mode, editor, placeholder_for};
use super::keymap::Screen;
use crate::report;
use crate::session::{FfabParts, Input, Pitch, Session};
use ratatui_textarea::TextArea;
use std::sync::Arc;

impl App {
    pub(super) fn start_meeting(&mut self) {
        let Some(i) = self.current else { return };
        let s = super::i18n::strings(self.lang);
        let mut editors = vec![editor(s.placeholder_ask)];
        for f in s.fields {
            editors.push(editor(f));
        }
        let Some(sc) = self.scenarios[i].scenario().map(Arc::clone) else {
            return;
        };
        let session = Session::new(sc, self.seed, Some(self.lang), None);
        let max_patience = session.params().patience;
        let report = report::build(&session, self.seed);
        self.meeting = Some(Meeting {
            scenario: i,
            inputs: Vec::new(),
            session,
            max_patience,
            report,
            mode: Mode::Ask,
            contact: None,
            focus: Focus::Input(0),
            editors,
            scroll: 0,
            id: crate::store::new_id(),
            started_at: crate::store::time::now(),
            drill: None,
            lock: None,
            vote: Vec::new(),
            seed: self.seed,
            wrapped: super::wrap::WrapCache::default(),
            saved_file: None,
        });
        let sc = self.scenarios[i].scenario().map(Arc::clone);
        if let (Some(kind), Some(m), Some(sc)) = (self.drill_choice, self.meeting.as_mut(), sc) {
            let sc = &sc;
            let need = crate::classroom::drill::focus_need(sc);
            let setup = crate::classroom::drill::prepare(kind, sc, need);
            m.drill = Some((kind, setup.len()));
            m.inputs = setup;
            self.replay();
        }
        self.class.timer = super::class::Timer::started();
        self.class.revealed = 0;
        self.screen = Screen::Meeting;
    }

    /// Replays the meeting's inputs through a fresh session (resuming, a drill's
    /// setup, a reloaded scenario, another language); a turn does not need this.
    pub(super) fn replay(&mut self) {
        let lang = self.lang;
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        let seed = m.seed;
        let Some(sc) = self.scenarios[m.scenario].scenario().map(Arc::clone) else {
            return;
        };
        let (session, _) = Session::replay(sc, seed, Some(lang), None, m.inputs.iter().cloned());
        m.session = session;
        m.wrapped.clear();
        m.report = report::build(&m.session, seed);
        m.scroll = 0;
        self.refresh_vote();
    }

    /// Plays one input as the next turn of the live session, then saves the meeting.
    /// Costs the same at turn 1,000 as at turn 10, apart from writing the record.
    pub(super) fn play_turn(&mut self, input: Input) {
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        m.inputs.push(input.clone());
        // As a replay would: inputs after the end are kept but not played.
        if !m.session.is_over() {
            m.session.apply(input);
        }
        m.report = report::build(&m.session, m.seed);
        m.scroll = 0;
        self.refresh_vote();
        self.save_meeting();
    }

    /// Submits what is composed as one turn.
    pub fn submit(&mut self) {
        let lang = self.lang;
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        if m.over() {
            self.screen = Screen::Review;
            self.review_scroll = 0;
            return;
        }
        let text = |t: &TextArea| {
            crate::text::sanitize(&t.lines().join("\n"))
                .trim()
                .to_string()
        };
        let input = match m.mode {
            Mode::Ask | Mode::Propose => {
                let t = text(&m.editors[0]);
                if t.is_empty() {
                    return;
                }
                if m.mode == Mode::Ask {
                    let sc = m.session.scenario();
                    let to = m
                        .contact
                        .and_then(|c| sc.customer.contacts.get(c))
                        .map(|c| c.id.value.clone());
                    Input::Ask { to, text: t }
                } else {
                    Input::Propose(t)
                }
            }
            Mode::Present => {
                let fields: Vec<String> = (1..=5).map(|i| text(&m.editors[i])).collect();
                let sentence = text(&m.editors[0]);
                if fields.iter().any(|f| !f.is_empty()) {
                    let opt = |s: &String| (!s.is_empty()).then(|| s.clone());
                    Input::Present(Pitch::Parts(FfabParts {
                        acknowledge: opt(&fields[0]),
                        feature: opt(&fields[1]),
                        function: opt(&fields[2]),
                        advantage: opt(&fields[3]),
                        benefit: opt(&fields[4]),
                    }))
                } else if !sentence.is_empty() {
                    Input::Present(Pitch::Sentence(sentence))
                } else {
                    return;
                }
            }
        };
        let placeholder = super::i18n::strings(lang);
        for (i, e) in m.editors.iter_mut().enumerate() {
            *e = editor(if i == 0 {
                placeholder_for(m.mode, placeholder)
            } else {
                placeholder.fields[i - 1]
            });
        }
        m.focus = Focus::Input(0);
        self.play_turn(input);
    }

    pub(super) fn end_meeting(&mut self) {
        if self.meeting.as_ref().is_some_and(|m| !m.over()) {
            self.play_turn(Input::End);
        } else {
            self.save_meeting();
        }
        self.save_drill();
        self.screen = Screen::Review;
        self.review_scroll = 0;
    }

    pub(super) fn cycle_mode(&mut self) {
        let s = super::i18n::strings(self.lang);
        if let Some(m) = self.meeting.as_mut() {
            m.mode = match m.mode {
                Mode::Ask => Mode::Present,
                Mode::Present => Mode::Propose,
                Mode::Propose => Mode::Ask,
            };
            m.editors[0].set_placeholder_text(placeholder_for(m.mode, s).to_string());
            m.focus = Focus::Input(0);
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let Some(m) = self.meeting.as_mut() else {
            return;
        };
        let order: Vec<Focus> = match m.mode {
            Mode::Present => (0..=5)
                .map(Focus::Input)
                .chain([Focus::Transcript])
                .collect(),
            _ => vec![Focus::Input(0), Focus::Transcript],
        };
        let at = order.iter().position(|f| *f == m.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        m.focus = order[next];
    }

    pub(super) fn focused_editor(&mut self) -> Option<&mut TextArea<'static>> {
        let m = self.meeting.as_mut()?;
        match m.focus {
            Focus::Input(i) if !m.over() => m.editors.get_mut(i),
            _ => None,
        }
    }
}
