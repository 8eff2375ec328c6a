//! The meeting screen's state and behaviour: starting or resuming a meeting,
//! composing and submitting turns, the class vote, hidden grades, saving after
//! every turn, ending. Each turn is applied once to the meeting's live session;
//! the inputs are replayed through a fresh session only when the meeting is
//! resumed, a drill is set up, the scenario is reloaded or the language changes.
//! Drawing is in [`meeting_view`](super::meeting_view).

use crate::classroom::drill::{self, DrillKind, DrillResult, Tally};
use crate::report::{self, Report};
use crate::session::{FfabParts, Input, NeedProgress, Pitch, Session, Step};
use crate::store::{Record, Status};
use crate::tui::action::Action;
use crate::tui::class::Timer;
use crate::tui::history::no_lock_message;
use crate::tui::i18n::{Strings, strings};
use crate::tui::nav::{Confirm, Nav};
use crate::tui::shared::Shared;
use ratatui_textarea::TextArea;
use std::sync::Arc;

/// Which kind of turn the input makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Ask a question.
    Ask,
    /// Present an FFAB answer.
    Present,
    /// Propose a next step.
    Propose,
}

/// Where keys go in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The main input (or, when presenting, FFAB field `n` with 0 = one sentence).
    Input(usize),
    /// The transcript, for scrolling.
    Transcript,
}

/// A meeting in progress: the inputs so far, the live session they were played
/// through, and the screen's own view state.
pub struct Meeting {
    /// Index of the scenario in the catalogue.
    pub scenario: usize,
    /// The trainee's inputs, in order (what the saved record replays).
    pub inputs: Vec<Input>,
    /// The session the inputs were played through.
    pub session: Session,
    /// Starting patience.
    pub max_patience: i32,
    /// The report of the session as it stands (rebuilt once per turn).
    pub report: Report,
    /// Kind of turn being composed.
    pub mode: Mode,
    /// Contact addressed (index), or everyone.
    pub contact: Option<usize>,
    /// Keyboard focus.
    pub focus: Focus,
    /// Editors: 0 the main input, 1–5 acknowledge, feature, function, advantage, benefit.
    pub editors: Vec<TextArea<'static>>,
    /// Lines scrolled up from the end of the transcript.
    pub scroll: u16,
    /// The drill being run and how many setup turns precede it.
    pub drill: Option<(DrillKind, usize)>,
    /// Id of the saved meeting file.
    pub id: String,
    /// When the meeting started.
    pub started_at: String,
    /// This trainer's hold on the meeting file (taken on resume or first save).
    pub lock: Option<crate::store::MeetingLock>,
    /// Seed for reply variants: the trainer's for a new meeting, the saved record's
    /// for a resumed one (so its turns replay as they were played).
    pub seed: u64,
    /// The class vote's options after the last turn (empty while the vote is hidden).
    pub vote: Vec<(String, Input)>,
    /// The transcript's wrapped lines, kept between frames (cleared when the
    /// session is replayed).
    pub wrapped: crate::tui::wrap::WrapCache,
    /// The meeting file as this trainer last wrote it (so the next save need not
    /// read it back to check that nobody else changed it).
    pub saved_file: Option<crate::store::FileId>,
    /// For a follow-up meeting: what it carries over from the earlier one.
    pub carried: Option<crate::scenario::carry::Carried>,
}

/// The scenario as played: a follow-up's needs start where `carried` left them.
fn continued(
    sc: &Arc<crate::scenario::Scenario>,
    carried: Option<&crate::scenario::carry::Carried>,
) -> Arc<crate::scenario::Scenario> {
    match carried {
        Some(c) => Arc::new(crate::scenario::carry::continued(sc, c)),
        None => Arc::clone(sc),
    }
}

/// An empty editor with a placeholder.
pub(crate) fn editor(placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder.to_string());
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t.set_cursor_line_style(ratatui::style::Style::default());
    // Colourless styles so every theme (and NO_COLOR) holds; dim and reverse carry the meaning.
    t.set_placeholder_style(
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::DIM),
    );
    t.set_selection_style(
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
    );
    t
}

/// The main input's placeholder for a mode.
pub(crate) fn placeholder_for(mode: Mode, s: &Strings) -> &'static str {
    match mode {
        Mode::Ask => s.placeholder_ask,
        Mode::Present => s.placeholder_present,
        Mode::Propose => s.placeholder_propose,
    }
}

fn step(v: &mut u16, up: bool, n: u16) {
    *v = if up {
        v.saturating_sub(n)
    } else {
        v.saturating_add(n)
    };
}

impl Meeting {
    /// A new meeting on scenario `i` (a drill's setup turns already played); none
    /// if the scenario does not load. Starts the classroom timer.
    #[must_use]
    pub fn start(sh: &mut Shared, i: usize, drill_kind: Option<DrillKind>) -> Option<Meeting> {
        let sc = Arc::clone(sh.scenario(i)?);
        let s = strings(sh.lang);
        let mut editors = vec![editor(s.placeholder_ask)];
        for f in s.fields {
            editors.push(editor(f));
        }
        // A follow-up starts where the trainee's last meeting of the followed
        // scenario ended (not in a drill, which sets up its own state).
        let carried = sc
            .follows
            .as_ref()
            .filter(|_| drill_kind.is_none())
            .and_then(|f| sh.store.as_ref()?.carried_from(&f.value));
        let played = continued(&sc, carried.as_ref());
        let session = Session::new(played, sh.seed, Some(sh.lang), None);
        let max_patience = session.params().patience;
        let report = report::build(&session, sh.seed);
        let mut m = Meeting {
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
            seed: sh.seed,
            wrapped: crate::tui::wrap::WrapCache::default(),
            saved_file: None,
            carried,
        };
        if let Some(kind) = drill_kind {
            let need = drill::focus_need(&sc);
            let setup = drill::prepare(kind, &sc, need);
            m.drill = Some((kind, setup.len()));
            m.inputs = setup;
            m.replay(sh);
        }
        sh.class.timer = Timer::started();
        sh.class.revealed = 0;
        Some(m)
    }

    /// The unfinished saved meeting `h` of the history, continued as it was played:
    /// its seed picks the same replies, and its language (customer, feedback and
    /// interface) becomes the trainer's. Problems become the notice.
    #[must_use]
    pub fn resume(sh: &mut Shared, h: usize) -> Option<Meeting> {
        let id = sh.history.unfinished.get(h).map(|s| s.id.clone())?;
        // The full record (its inputs) is read only now, to resume it.
        let rec = match sh.store.as_ref()?.find(&id) {
            Ok(r) => r,
            Err(e) => {
                sh.message = Some(e.to_string());
                return None;
            }
        };
        let i = sh
            .scenarios
            .iter()
            .position(|e| e.meta.id == rec.scenario)?;
        let Some(source_hash) = sh.scenarios[i]
            .get()
            .map(|l| crate::store::content_hash(&l.source))
        else {
            sh.show_problems(i);
            return None;
        };
        let lock = match sh.store.as_ref().map(|s| s.lock(&rec.id)) {
            Some(Err(crate::store::LockError::Busy)) => {
                sh.message = Some(sh.lang.pick(
                    "这个会谈正在另一个训练程序中进行：请在那里继续，或重新开始这个场景",
                    "this meeting is open in another trainer: continue it there, or start the scenario anew",
                ).to_string());
                return None;
            }
            Some(Err(e)) => {
                sh.message = Some(e.to_string());
                None
            }
            Some(Ok(l)) => {
                if !l.held() {
                    sh.message = Some(no_lock_message(sh.lang).to_string());
                }
                Some(l)
            }
            None => None,
        };
        sh.lang = rec.lang;
        let mut m = Meeting::start(sh, i, None)?;
        m.id.clone_from(&rec.id);
        m.started_at.clone_from(&rec.started_at);
        m.inputs.clone_from(&rec.inputs);
        m.lock = lock;
        m.seed = rec.seed;
        // The state it carried over when it started, not the history's newest.
        m.carried.clone_from(&rec.continues);
        m.replay(sh);
        if source_hash != rec.scenario_hash {
            sh.message = Some(sh.lang.pick("场景文件已修改:已按新版本重放之前的回合", "the scenario file changed since: the earlier turns were replayed on the new version").to_string());
        }
        Some(m)
    }

    /// The steps played so far.
    #[must_use]
    pub fn steps(&self) -> &[Step] {
        self.session.steps()
    }

    /// Where each need stands.
    #[must_use]
    pub fn needs(&self) -> &[NeedProgress] {
        self.session.needs()
    }

    /// The customer's patience now.
    #[must_use]
    pub fn patience(&self) -> i32 {
        self.session.patience()
    }

    /// Whether the meeting has ended.
    #[must_use]
    pub fn over(&self) -> bool {
        self.session.is_over()
    }

    /// Whether leaving the meeting now keeps it resumable from the picker: it is
    /// saved after every turn when there is a data folder (drills are not).
    #[must_use]
    pub fn resumable(&self, sh: &Shared) -> bool {
        sh.store.is_some() && self.drill.is_none() && !self.inputs.is_empty()
    }

    /// The running drill's tally, if the meeting is a drill.
    #[must_use]
    pub fn drill_tally(&self) -> Option<(DrillKind, Tally)> {
        let (kind, setup) = self.drill?;
        Some((
            kind,
            drill::tally(kind, self.session.scenario(), self.steps(), setup),
        ))
    }

    /// Applies one action.
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        match action {
            Action::Enter => return self.submit(sh),
            Action::Back if self.inputs.is_empty() => return Nav::Back,
            Action::Back => return Nav::Ask(Confirm::Abandon),
            // Ending cannot be undone (a 40-minute meeting is closed for good): ask first.
            Action::EndMeeting if !self.over() => return Nav::Ask(Confirm::End),
            Action::EndMeeting => {
                self.end(sh);
                return Nav::Review;
            }
            Action::CycleMode => self.cycle_mode(sh),
            Action::CycleContact => {
                let n = self.session.scenario().customer.contacts.len();
                self.contact = match self.contact {
                    None if n > 0 => Some(0),
                    Some(c) if c + 1 < n => Some(c + 1),
                    _ => None,
                };
            }
            Action::FocusNext | Action::FocusPrev => {
                self.cycle_focus(*action == Action::FocusNext);
            }
            Action::Newline => {
                if let Some(e) = self.focused_editor() {
                    e.insert_newline();
                }
            }
            Action::Edit(key) => {
                if let Some(e) = self.focused_editor() {
                    e.input(*key);
                }
            }
            Action::Paste(text) => {
                if let Some(e) = self.focused_editor() {
                    e.insert_str(text);
                }
            }
            Action::ClearInput => self.clear_input(sh),
            Action::OpenTry => {
                let to = self
                    .contact
                    .and_then(|c| self.session.scenario().customer.contacts.get(c))
                    .map(|c| c.id.value.clone());
                return Nav::Try(self.scenario, self.inputs.clone(), self.seed, to);
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let (up, n) = match action {
                    Action::Up => (true, 1),
                    Action::Down => (false, 1),
                    Action::PageUp => (true, 10),
                    _ => (false, 10),
                };
                // Meeting scroll counts lines up from the end.
                step(&mut self.scroll, !up, n);
            }
            Action::ToggleHide => sh.class.toggle_hide(self.steps().len()),
            Action::RevealNext => sh.class.reveal_next(self.steps().len()),
            Action::RevealAll => sh.class.reveal_all(self.steps().len()),
            Action::ToggleVote => {
                sh.class.vote = !sh.class.vote;
                self.refresh_vote(sh);
            }
            Action::Vote(n) => self.vote(*n, sh),
            _ => {}
        }
        Nav::Stay
    }

    /// After the interface language changed: placeholders and the whole meeting
    /// (customer's replies and feedback) in the new language.
    pub fn relang(&mut self, sh: &mut Shared) {
        let s = strings(sh.lang);
        self.editors[0].set_placeholder_text(placeholder_for(self.mode, s).to_string());
        for (i, f) in s.fields.iter().enumerate() {
            self.editors[i + 1].set_placeholder_text((*f).to_string());
        }
        self.replay(sh);
    }

    /// Replays the meeting's inputs through a fresh session (resuming, a drill's
    /// setup, a reloaded scenario, another language); a turn does not need this.
    pub fn replay(&mut self, sh: &Shared) {
        let Some(sc) = sh.scenario(self.scenario) else {
            return;
        };
        let (session, _) = Session::replay(
            continued(sc, self.carried.as_ref()),
            self.seed,
            Some(sh.lang),
            None,
            self.inputs.iter().cloned(),
        );
        self.session = session;
        self.wrapped.clear();
        self.report = report::build(&self.session, self.seed);
        self.scroll = 0;
        self.refresh_vote(sh);
    }

    /// Plays one input as the next turn of the live session, then saves the meeting.
    /// Costs the same at turn 1,000 as at turn 10, apart from writing the record.
    fn play_turn(&mut self, input: Input, sh: &mut Shared) {
        self.inputs.push(input.clone());
        // As a replay would: inputs after the end are kept but not played.
        if !self.session.is_over() {
            self.session.apply(input);
        }
        self.report = report::build(&self.session, self.seed);
        self.scroll = 0;
        self.refresh_vote(sh);
        self.save(sh);
    }

    /// Submits what is composed as one turn; on a meeting that is over, goes to the review.
    fn submit(&mut self, sh: &mut Shared) -> Nav {
        if self.over() {
            return Nav::Review;
        }
        let text = |t: &TextArea| {
            crate::text::sanitize(&t.lines().join("\n"))
                .trim()
                .to_string()
        };
        let input = match self.mode {
            Mode::Ask | Mode::Propose => {
                let t = text(&self.editors[0]);
                if t.is_empty() {
                    return Nav::Stay;
                }
                if self.mode == Mode::Ask {
                    let sc = self.session.scenario();
                    let to = self
                        .contact
                        .and_then(|c| sc.customer.contacts.get(c))
                        .map(|c| c.id.value.clone());
                    Input::Ask { to, text: t }
                } else {
                    Input::Propose(t)
                }
            }
            Mode::Present => {
                let fields: Vec<String> = (1..=5).map(|i| text(&self.editors[i])).collect();
                let sentence = text(&self.editors[0]);
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
                    return Nav::Stay;
                }
            }
        };
        let s = strings(sh.lang);
        for (i, e) in self.editors.iter_mut().enumerate() {
            *e = editor(if i == 0 {
                placeholder_for(self.mode, s)
            } else {
                s.fields[i - 1]
            });
        }
        self.focus = Focus::Input(0);
        self.play_turn(input, sh);
        Nav::Stay
    }

    /// Ends the meeting (the customer closes it if it is still going), saves it and
    /// a drill's result.
    pub fn end(&mut self, sh: &mut Shared) {
        if self.over() {
            self.save(sh);
        } else {
            self.play_turn(Input::End, sh);
        }
        self.save_drill(sh);
    }

    fn cycle_mode(&mut self, sh: &Shared) {
        self.mode = match self.mode {
            Mode::Ask => Mode::Present,
            Mode::Present => Mode::Propose,
            Mode::Propose => Mode::Ask,
        };
        self.editors[0]
            .set_placeholder_text(placeholder_for(self.mode, strings(sh.lang)).to_string());
        self.focus = Focus::Input(0);
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order: Vec<Focus> = match self.mode {
            Mode::Present => (0..=5)
                .map(Focus::Input)
                .chain([Focus::Transcript])
                .collect(),
            _ => vec![Focus::Input(0), Focus::Transcript],
        };
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
    }

    fn focused_editor(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Focus::Input(i) if !self.over() => self.editors.get_mut(i),
            _ => None,
        }
    }

    /// Empties the focused input field (Ctrl+U).
    fn clear_input(&mut self, sh: &Shared) {
        let s = strings(sh.lang);
        let mode = self.mode;
        if !self.over()
            && let Focus::Input(i) = self.focus
            && let Some(e) = self.editors.get_mut(i)
        {
            *e = editor(if i == 0 {
                placeholder_for(mode, s)
            } else {
                s.fields[i - 1]
            });
        }
    }

    /// Rebuilds the vote's options for the meeting as it stands (only while the vote
    /// is showing: each option is tried by playing it).
    fn refresh_vote(&mut self, sh: &Shared) {
        self.build_vote(sh.class.vote, sh);
    }

    fn build_vote(&mut self, on: bool, sh: &Shared) {
        if !on || self.over() {
            self.vote.clear();
            return;
        }
        let Some(sc) = sh.scenario(self.scenario) else {
            return;
        };
        self.vote = crate::classroom::vote::offer(
            &continued(sc, self.carried.as_ref()),
            self.seed,
            sh.lang,
            &self.inputs,
            self.needs(),
            self.steps(),
        );
    }

    /// Plays the class vote's suggestion `n` (0 = A) as the next turn.
    fn vote(&mut self, n: usize, sh: &mut Shared) {
        if self.vote.is_empty() {
            self.build_vote(true, sh);
        }
        let Some((_, input)) = self.vote.get(n).cloned() else {
            return;
        };
        if !self.over() {
            self.play_turn(input, sh);
        }
    }

    /// Saves the meeting (unfinished or finished); a failure becomes the notice.
    fn save(&mut self, sh: &mut Shared) {
        let lang = sh.lang;
        let Some(store) = &sh.store else {
            return;
        };
        if self.inputs.is_empty() || self.drill.is_some() {
            // Drills are saved as drill results, not as meetings (they would skew the stats).
            return;
        }
        // The record is what the live session already computed: no replay here.
        let Some(loaded) = sh.scenarios[self.scenario].get() else {
            return;
        };
        let mut rec: Record = crate::store::record_with(
            self.id.clone(),
            loaded,
            &self.session,
            self.seed,
            self.inputs.clone(),
            self.started_at.clone(),
            self.report.clone(),
        );
        rec.trainee = None;
        rec.continues.clone_from(&self.carried);
        if self.lock.is_none() {
            match store.lock(&self.id) {
                Ok(l) => {
                    if !l.held() {
                        sh.message = Some(no_lock_message(lang).to_string());
                    }
                    self.lock = Some(l);
                }
                Err(e) => sh.message = Some(e.to_string()),
            }
        }
        match store.save_continuing_known(&rec, self.saved_file) {
            Ok((_, file)) => self.saved_file = file,
            Err(crate::store::SaveError::Conflict) => {
                // Someone else continued this meeting unseen: keep their file and
                // save this trainer's turns as a new meeting.
                self.id = crate::store::new_id();
                self.saved_file = None;
                self.lock = store.lock(&self.id).ok();
                rec.id.clone_from(&self.id);
                if let Err(e) = store.save(&rec) {
                    sh.message = Some(e.to_string());
                    return;
                }
                sh.message = Some(lang.pick(
                    "这个会谈已被另一个训练程序修改：你的回合已另存为新会谈",
                    "this meeting was changed by another trainer: your turns were saved as a new meeting",
                ).to_string());
            }
            Err(e) => {
                sh.message = Some(e.to_string());
                return;
            }
        }
        if rec.status == Status::Finished
            && let Some(l) = self.lock.take()
        {
            l.release_finished();
        }
        sh.history.saved(&rec);
        sh.refresh_best();
    }

    /// Saves a finished drill's result; a failure becomes the notice.
    fn save_drill(&self, sh: &mut Shared) {
        let (Some(store), Some((kind, t))) = (&sh.store, self.drill_tally()) else {
            return;
        };
        if t.attempts == 0 {
            return;
        }
        let r = DrillResult::new(
            &self.session.scenario().id.value,
            kind,
            self.started_at.clone(),
            &t,
        );
        if let Err(e) = drill::save(store.root(), &r) {
            sh.message = Some(e.to_string());
        }
    }
}
