//! The trainer's screens. Each is one unit that owns its state: it applies an
//! action to itself (with the [`Shared`] state lent to it) and says where to go
//! next as a [`Nav`]; it draws from its own state, the shared state and the frame's
//! [`Ctx`]. A new screen is its file plus one arm of [`Screen`].

pub mod briefing;
pub mod debrief;
pub mod help;
pub mod learn;
pub mod meeting;
pub mod meeting_view;
pub mod picker;
pub mod progress;
pub mod projector;
pub mod review;
pub mod transcript;
pub mod tryout;

use super::action::Action;
use super::i18n::Strings;
use super::keymap::Kind;
use super::nav::Nav;
use super::shared::Shared;
use super::widgets::Ctx;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// A screen with its state.
pub enum Screen {
    /// The scenario list (always at the bottom).
    Picker(picker::Picker),
    /// A scenario's briefing.
    Briefing(briefing::Briefing),
    /// A meeting in progress.
    Meeting(Box<meeting::Meeting>),
    /// The review of a meeting that ended.
    Review(Box<review::Review>),
    /// Progress over the saved meetings.
    Progress(progress::Progress),
    /// A saved meeting stepped through for a debrief.
    Debrief(Box<debrief::Debrief>),
    /// Theory cards and the quiz.
    Learn(Box<learn::Learn>),
    /// The author's try box.
    Try(Box<tryout::TryOut>),
}

impl Screen {
    /// Which kind of screen this is.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Screen::Picker(_) => Kind::Picker,
            Screen::Briefing(_) => Kind::Briefing,
            Screen::Meeting(_) => Kind::Meeting,
            Screen::Review(_) => Kind::Review,
            Screen::Progress(_) => Kind::Progress,
            Screen::Debrief(_) => Kind::Debrief,
            Screen::Learn(_) => Kind::Learn,
            Screen::Try(_) => Kind::Try,
        }
    }

    /// Applies one action; says where to go next.
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        match self {
            Screen::Picker(p) => p.update(action, sh),
            Screen::Briefing(b) => b.update(action, sh),
            Screen::Meeting(m) => m.update(action, sh),
            Screen::Review(r) => r.update(action),
            Screen::Progress(p) => p.update(action, sh),
            Screen::Debrief(d) => d.update(action),
            Screen::Learn(l) => l.update(action, sh),
            Screen::Try(t) => t.update(action, sh),
        }
    }

    /// After the interface language changed.
    pub fn relang(&mut self, sh: &mut Shared) {
        match self {
            Screen::Meeting(m) => m.relang(sh),
            Screen::Review(r) => r.meeting.relang(sh),
            Screen::Learn(l) => l.relang(sh),
            _ => {}
        }
    }

    /// The meeting this screen shows (a live one, or the one under review).
    #[must_use]
    pub fn meeting(&self) -> Option<&meeting::Meeting> {
        match self {
            Screen::Meeting(m) => Some(m),
            Screen::Review(r) => Some(&r.meeting),
            _ => None,
        }
    }

    /// The meeting this screen shows, to change it.
    pub fn meeting_mut(&mut self) -> Option<&mut meeting::Meeting> {
        match self {
            Screen::Meeting(m) => Some(m),
            Screen::Review(r) => Some(&mut r.meeting),
            _ => None,
        }
    }

    /// The scenario this screen is about (index into the catalogue), if any.
    #[must_use]
    pub fn scenario(&self) -> Option<usize> {
        match self {
            Screen::Briefing(b) => Some(b.scenario),
            Screen::Try(t) => Some(t.scenario),
            _ => self.meeting().map(|m| m.scenario),
        }
    }

    /// The footer's keys.
    #[must_use]
    pub fn keys(&self, s: &'static Strings) -> &'static str {
        match self.kind() {
            Kind::Picker => s.keys_picker,
            Kind::Briefing => s.keys_briefing,
            Kind::Meeting => s.keys_meeting,
            Kind::Review => s.keys_review,
            Kind::Progress => s.keys_progress,
            Kind::Debrief => s.keys_debrief,
            Kind::Learn => s.keys_learn,
            Kind::Try => s.keys_try,
        }
    }

    /// Draws the screen in `area`; returns where the cursor goes, if anywhere.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        match self {
            Screen::Picker(p) => p.draw(frame, area, sh, ctx),
            Screen::Briefing(b) => b.draw(frame, area, sh, ctx),
            Screen::Meeting(m) => meeting_view::draw(frame, area, m, sh, ctx),
            Screen::Review(r) => r.draw(frame, area, sh, ctx),
            Screen::Progress(p) => p.draw(frame, area, sh, ctx),
            Screen::Debrief(d) => d.draw(frame, area, sh, ctx),
            Screen::Learn(l) => l.draw(frame, area, sh, ctx),
            Screen::Try(t) => t.draw(frame, area, sh, ctx),
        }
    }
}
