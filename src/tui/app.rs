//! The trainer's state and its update function. Domain state lives in the
//! session (replayed from the trainee's inputs); this holds only view state.

use super::action::Action;
use super::keymap::{Screen, View};
use crate::lang::Lang;
use crate::report::Report;
use crate::scenario::Scenario;
use crate::session::{Input, NeedProgress, Session, Step};
use ratatui_textarea::TextArea;

/// Largest paste accepted, in bytes.
pub const MAX_PASTE: usize = 64 * 1024;

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

/// A yes/no question on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Leave the meeting for the picker.
    Abandon,
    /// Quit the program.
    Quit,
    /// End the meeting and show the review (it cannot be continued afterwards).
    End,
}

/// Where keys go in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The main input (or, when presenting, FFAB field `n` with 0 = one sentence).
    Input(usize),
    /// The transcript, for scrolling.
    Transcript,
}

/// A meeting in progress: the inputs so far and the live session they were played
/// through. Each turn is applied to the session once; the whole meeting is replayed
/// from its inputs only when it must be (resuming, a drill's setup, a reloaded
/// scenario, another language).
pub struct Meeting {
    /// Index of the scenario in the picker list.
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
    pub drill: Option<(crate::classroom::drill::DrillKind, usize)>,
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
    pub wrapped: super::wrap::WrapCache,
    /// The meeting file as this trainer last wrote it (so the next save need not
    /// read it back to check that nobody else changed it).
    pub saved_file: Option<crate::store::FileId>,
}

impl Meeting {
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
}

/// The whole trainer.
pub struct App {
    /// Interface language.
    pub lang: Lang,
    /// Scenarios available.
    pub scenarios: Vec<super::scenarios::Entry>,
    /// Best score per scenario id, when history exists.
    pub best: Vec<Option<i32>>,
    /// Picker filter text.
    pub filter: String,
    /// Selected row among the filtered scenarios.
    pub selected: usize,
    /// Current screen.
    pub screen: Screen,
    /// Scenario shown in the briefing.
    pub current: Option<usize>,
    /// The meeting, once started.
    pub meeting: Option<Meeting>,
    /// Help overlay open.
    pub help: bool,
    /// Open confirmation.
    pub confirm: Option<Confirm>,
    /// An error to show.
    pub message: Option<String>,
    /// Review scroll offset.
    pub review_scroll: u16,
    /// Briefing scroll offset.
    pub brief_scroll: u16,
    /// Seed for reply variants.
    pub seed: u64,
    /// Set when the program should exit.
    pub quit: bool,
    /// Where meetings are saved (none: not saved).
    pub store: Option<crate::store::Store>,
    /// Saved meetings, newest first.
    pub history: super::history::History,
    /// Progress screen scroll offset.
    pub progress_scroll: u16,
    /// The drill chosen on the briefing.
    pub drill_choice: Option<crate::classroom::drill::DrillKind>,
    /// The learn screen's cards and quiz.
    pub learn: Option<super::learn::Learn>,
    /// A saved meeting being replayed.
    pub replay_state: Option<super::replay::Replay>,
    /// Selected meeting in the progress screen's list.
    pub progress_selected: usize,
    /// Classroom controls: theme, projector layout, hidden scores, timer, vote.
    pub class: super::class::Class,
    /// The scenario file watched for hot reload, and its last seen modification time.
    pub watch: Option<(std::path::PathBuf, Option<std::time::SystemTime>)>,
}

pub(super) fn editor(placeholder: &str) -> TextArea<'static> {
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

impl App {
    /// A trainer over these scenarios, on the picker.
    #[must_use]
    pub fn new(scenarios: Vec<super::scenarios::Entry>, lang: Lang, seed: u64) -> App {
        let best = vec![None; scenarios.len()];
        App {
            lang,
            scenarios,
            best,
            filter: String::new(),
            selected: 0,
            screen: Screen::Picker,
            current: None,
            meeting: None,
            help: false,
            confirm: None,
            message: None,
            review_scroll: 0,
            brief_scroll: 0,
            seed,
            quit: false,
            store: None,
            history: super::history::History::default(),
            progress_scroll: 0,
            watch: None,
            class: super::class::Class::default(),
            replay_state: None,
            learn: None,
            drill_choice: None,
            progress_selected: 0,
        }
    }

    /// Whether leaving the meeting now keeps it resumable from the picker: it is
    /// saved after every turn when there is a data folder (drills are not).
    #[must_use]
    pub fn meeting_resumable(&self) -> bool {
        self.store.is_some()
            && self
                .meeting
                .as_ref()
                .is_some_and(|m| m.drill.is_none() && !m.inputs.is_empty())
    }

    /// What the keymap needs to know.
    #[must_use]
    pub fn view(&self) -> View {
        View {
            screen: self.screen,
            help: self.help,
            confirm: self.confirm.is_some() || self.message.is_some(),
            filter_empty: self.filter.is_empty(),
            transcript_focus: self
                .meeting
                .as_ref()
                .is_some_and(|m| m.focus == Focus::Transcript),
            meeting_over: self.meeting.as_ref().is_some_and(|m| m.over()),
            vote: self.class.vote,
        }
    }

    /// Indices of the scenarios that match the filter.
    #[must_use]
    pub fn filtered(&self) -> Vec<usize> {
        let f = crate::text::normalize(&self.filter);
        (0..self.scenarios.len())
            .filter(|i| {
                if f.is_empty() {
                    return true;
                }
                let s = &self.scenarios[*i].meta;
                let hay = format!(
                    "{} {} {} {} {} {}",
                    s.id,
                    s.title.get(self.lang),
                    s.industry.get(self.lang),
                    s.segment.code(),
                    s.difficulty.code(),
                    super::i18n::difficulty(s.difficulty, self.lang)
                );
                crate::text::normalize(&hay).contains(&f)
            })
            .collect()
    }

    /// Shows why scenario `i` does not load (its first problems) as a message.
    pub(crate) fn show_problems(&mut self, i: usize) {
        let Some(e) = self.scenarios.get(i) else {
            return;
        };
        let list: Vec<String> = e
            .problems()
            .iter()
            .take(6)
            .map(ToString::to_string)
            .collect();
        self.message = Some(list.join("\n"));
    }

    /// Opens the briefing of scenario `i` (parsing it if it was not yet); a
    /// scenario that does not load stays in the picker with its problems shown.
    pub fn open(&mut self, i: usize) {
        let Some(e) = self.scenarios.get(i) else {
            return;
        };
        if e.get().is_none() {
            self.show_problems(i);
            return;
        }
        self.current = Some(i);
        self.brief_scroll = 0;
        self.screen = Screen::Briefing;
    }

    /// The scenario in the briefing or meeting.
    #[must_use]
    pub fn scenario(&self) -> Option<&Scenario> {
        self.current
            .and_then(|i| self.scenarios.get(i))
            .and_then(|e| e.scenario())
            .map(|s| &**s)
    }

    /// Applies one action; returns a follow-up action when there is one.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        if self.message.is_some() {
            if matches!(
                action,
                Action::ConfirmYes | Action::ConfirmNo | Action::Back | Action::Enter
            ) {
                self.message = None;
            }
            return None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Interrupt => {
                if self.confirm.is_some()
                    || self
                        .meeting
                        .as_ref()
                        .is_none_or(|m| m.over() || m.inputs.is_empty())
                {
                    self.quit = true;
                } else {
                    self.confirm = Some(Confirm::Quit);
                }
            }
            Action::ConfirmYes => match self.confirm.take() {
                Some(Confirm::Quit) => self.quit = true,
                Some(Confirm::Abandon) => {
                    self.meeting = None;
                    self.screen = Screen::Picker;
                }
                Some(Confirm::End) => self.end_meeting(),
                None => {}
            },
            Action::ConfirmNo => self.confirm = None,
            Action::ToggleHelp => self.help = !self.help,
            Action::ToggleLang => self.toggle_lang(),
            Action::Resize => {}
            Action::Reload => self.reload(),
            Action::CycleTheme => self.class.theme = self.class.theme.next(),
            Action::ToggleProjector => self.class.projector = !self.class.projector,
            Action::ToggleHide => self.toggle_hide(),
            Action::RevealNext if self.screen == Screen::Replay => self.replay_reveal(false),
            Action::RevealAll if self.screen == Screen::Replay => self.replay_reveal(true),
            Action::Next if self.screen == Screen::Replay => self.replay_step(true),
            Action::Prev if self.screen == Screen::Replay => self.replay_step(false),
            Action::Next | Action::Prev | Action::OpenLearn => self.learn_action(&action),
            Action::Vote(n) if self.screen == Screen::Learn => self.learn_answer(n),
            Action::RevealNext => self.reveal_next(),
            Action::RevealAll => self.reveal_all(),
            Action::TogglePause => self.class.timer.toggle(),
            Action::ToggleVote => {
                self.class.vote = !self.class.vote;
                self.refresh_vote();
            }
            Action::Vote(n) => self.vote(n),
            Action::CycleDrill => self.cycle_drill(),
            Action::OpenProgress => {
                self.progress_scroll = 0;
                self.screen = Screen::Progress;
            }
            Action::Back => self.back(),
            Action::Enter => match self.screen {
                Screen::Picker => self.open_selected(),
                Screen::Progress => self.replay_selected(),
                Screen::Replay => self.replay_step(true),
                Screen::Learn => self.learn_action(&Action::Enter),
                Screen::Briefing => self.start_meeting(),
                Screen::Meeting => self.submit(),
                Screen::Review => {
                    self.meeting = None;
                    self.screen = Screen::Picker;
                }
            },
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => self.scroll(&action),
            Action::FilterChar(c) => {
                self.filter.push(c);
                self.selected = 0;
            }
            Action::FilterBackspace => {
                self.filter.pop();
                self.selected = 0;
            }
            // Ending cannot be undone (a 40-minute meeting is closed for good): ask first.
            Action::EndMeeting if self.meeting.as_ref().is_some_and(|m| !m.over()) => {
                self.confirm = Some(Confirm::End);
            }
            Action::EndMeeting => self.end_meeting(),
            Action::CycleMode => self.cycle_mode(),
            Action::CycleContact => {
                let n = self.scenario().map_or(0, |s| s.customer.contacts.len());
                if let Some(m) = self.meeting.as_mut() {
                    m.contact = match m.contact {
                        None if n > 0 => Some(0),
                        Some(c) if c + 1 < n => Some(c + 1),
                        _ => None,
                    };
                }
            }
            Action::FocusNext if self.screen == Screen::Learn => self.learn_tab(),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::Newline => {
                if let Some(e) = self.focused_editor() {
                    e.insert_newline();
                }
            }
            Action::Edit(key) => {
                if let Some(e) = self.focused_editor() {
                    e.input(key);
                }
            }
            // The event loop suspends (it owns the terminal); nothing changes here.
            Action::Suspend => {}
            Action::ClearInput => self.clear_input(),
            Action::Click { x, y, area } => self.click(x, y, area),
            Action::Paste(text) => {
                if self.screen == Screen::Picker {
                    self.filter.push_str(&crate::text::sanitize_line(&text));
                } else if let Some(e) = self.focused_editor() {
                    e.insert_str(text);
                }
            }
        }
        None
    }

    /// Empties the focused input field (Ctrl+U).
    fn clear_input(&mut self) {
        let s = super::i18n::strings(self.lang);
        if let Some(m) = self.meeting.as_mut()
            && !m.over()
            && let Focus::Input(i) = m.focus
            && let Some(e) = m.editors.get_mut(i)
        {
            *e = editor(if i == 0 {
                placeholder_for(m.mode, s)
            } else {
                s.fields[i - 1]
            });
        }
    }

    /// A left click: selects the picker or progress row under it; a click on the
    /// row already selected opens it.
    fn click(&mut self, x: u16, y: u16, area: ratatui::layout::Rect) {
        if self.help || self.confirm.is_some() {
            return;
        }
        let body = super::ui::body(area);
        let row = match self.screen {
            Screen::Picker => super::screens::picker::row_at(body, self, x, y),
            Screen::Progress => super::screens::progress::row_at(body, self, x, y),
            _ => None,
        };
        let Some(row) = row else { return };
        let selected = match self.screen {
            Screen::Picker => &mut self.selected,
            _ => &mut self.progress_selected,
        };
        if *selected == row {
            self.update(Action::Enter);
        } else {
            *selected = row;
        }
    }

    fn back(&mut self) {
        match self.screen {
            Screen::Picker => {
                if !self.filter.is_empty() {
                    self.filter.clear();
                    self.selected = 0;
                }
            }
            Screen::Briefing | Screen::Progress | Screen::Learn => self.screen = Screen::Picker,
            Screen::Replay => {
                self.screen = self.replay_state.take().map_or(Screen::Picker, |r| r.back);
            }
            Screen::Meeting => {
                if self.meeting.as_ref().is_some_and(|m| m.inputs.is_empty()) {
                    self.meeting = None;
                    self.screen = Screen::Briefing;
                } else {
                    self.confirm = Some(Confirm::Abandon);
                }
            }
            Screen::Review => {
                self.meeting = None;
                self.screen = Screen::Picker;
            }
        }
    }

    fn scroll(&mut self, a: &Action) {
        let (up, n) = match a {
            Action::Up => (true, 1),
            Action::Down => (false, 1),
            Action::PageUp => (true, 10),
            _ => (false, 10),
        };
        let n16 = u16::try_from(n).unwrap_or(1);
        match self.screen {
            Screen::Progress => {
                let total = self
                    .meetings()
                    .iter()
                    .filter(|r| r.status == crate::store::Status::Finished)
                    .count();
                self.progress_selected = if up {
                    self.progress_selected.saturating_sub(n)
                } else {
                    (self.progress_selected + n).min(total.saturating_sub(1))
                };
            }
            Screen::Replay => {
                if let Some(r) = self.replay_state.as_mut() {
                    step(&mut r.scroll, !up, n16);
                }
            }
            Screen::Learn => {}
            Screen::Picker => {
                let len = self.picker_rows().len();
                if len == 0 {
                    return;
                }
                self.selected = if up {
                    self.selected.saturating_sub(n)
                } else {
                    (self.selected + n).min(len - 1)
                };
            }
            Screen::Briefing => step(&mut self.brief_scroll, up, n16),
            Screen::Review => step(&mut self.review_scroll, up, n16),
            Screen::Meeting => {
                if let Some(m) = self.meeting.as_mut() {
                    // Meeting scroll counts lines up from the end.
                    step(&mut m.scroll, !up, n16);
                }
            }
        }
    }

    fn toggle_lang(&mut self) {
        self.lang = match self.lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        let s = super::i18n::strings(self.lang);
        if let Some(m) = self.meeting.as_mut() {
            m.editors[0].set_placeholder_text(placeholder_for(m.mode, s).to_string());
            for (i, f) in s.fields.iter().enumerate() {
                m.editors[i + 1].set_placeholder_text((*f).to_string());
            }
        }
        self.relang_quiz();
        self.replay();
    }
}

pub(super) fn placeholder_for(mode: Mode, s: &super::i18n::Strings) -> &'static str {
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

/// Caps and sanitizes pasted text: `\r` becomes `\n`, controls are removed.
#[must_use]
pub fn clean_paste(s: &str) -> String {
    let mut end = s.len().min(MAX_PASTE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    crate::text::sanitize(&s[..end].replace("\r\n", "\n").replace('\r', "\n"))
}
