//! The trainer as a router: a stack of screens (the picker at the bottom), the
//! state they share, and the overlays that belong to no screen (help, a yes/no
//! question, a notice). An action goes to the overlay that is open, to the
//! router when it concerns the whole trainer (language, theme, quitting), and
//! otherwise to the screen on top, which answers with where to go next.

use super::action::Action;
use super::keymap::{Kind, View};
use super::nav::{Confirm, Nav};
use super::scenarios::Entry;
use super::screens::Screen;
use super::screens::briefing::Briefing;
use super::screens::debrief::Debrief;
use super::screens::learn::Learn;
use super::screens::meeting::{Focus, Meeting};
use super::screens::picker::{Picker, Row};
use super::screens::progress::Progress;
use super::screens::review::Review;
use super::screens::tryout::TryOut;
use super::shared::Shared;
use crate::lang::Lang;
use crate::scenario::Origin;
use crate::store::Record;
use std::path::PathBuf;
use std::time::SystemTime;

/// Largest paste accepted, in bytes.
pub const MAX_PASTE: usize = 64 * 1024;

/// The whole trainer.
pub struct App {
    /// What every screen shares (language, catalogue, history, classroom controls,
    /// the notice).
    pub shared: Shared,
    /// The screens, the picker at the bottom and the one showing on top.
    stack: Vec<Screen>,
    /// Help overlay open.
    help: bool,
    /// Open yes/no question.
    confirm: Option<Confirm>,
    /// Set when the program should exit.
    quit: bool,
    /// The scenario file watched for hot reload, and its last seen modification time.
    watch: Option<(PathBuf, Option<SystemTime>)>,
}

impl App {
    /// A trainer over these scenarios, on the picker.
    #[must_use]
    pub fn new(scenarios: Vec<Entry>, lang: Lang, seed: u64) -> App {
        App {
            shared: Shared::new(scenarios, lang, seed),
            stack: vec![Screen::Picker(Picker::default())],
            help: false,
            confirm: None,
            quit: false,
            watch: None,
        }
    }

    /// The screen showing.
    #[must_use]
    pub fn top(&self) -> &Screen {
        // Never empty: `go` never takes the picker away.
        &self.stack[self.stack.len() - 1]
    }

    /// Which kind of screen is showing.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.top().kind()
    }

    /// The picker (always at the bottom, showing or not).
    #[must_use]
    pub fn picker(&self) -> &Picker {
        match &self.stack[0] {
            Screen::Picker(p) => p,
            _ => unreachable!("the picker is always at the bottom"),
        }
    }

    /// The picker, to change it.
    pub fn picker_mut(&mut self) -> &mut Picker {
        match &mut self.stack[0] {
            Screen::Picker(p) => p,
            _ => unreachable!("the picker is always at the bottom"),
        }
    }

    /// Indices of the scenarios that match the picker's filter.
    #[must_use]
    pub fn filtered(&self) -> Vec<usize> {
        self.picker().filtered(&self.shared)
    }

    /// The picker's rows: unfinished meetings matching the filter, then scenarios.
    #[must_use]
    pub fn picker_rows(&self) -> Vec<Row> {
        self.picker().rows(&self.shared)
    }

    /// The meeting showing (in progress, or under review).
    #[must_use]
    pub fn meeting(&self) -> Option<&Meeting> {
        self.top().meeting()
    }

    /// The briefing showing.
    #[must_use]
    pub fn briefing(&self) -> Option<&Briefing> {
        match self.top() {
            Screen::Briefing(b) => Some(b),
            _ => None,
        }
    }

    /// The progress screen showing.
    #[must_use]
    pub fn progress(&self) -> Option<&Progress> {
        match self.top() {
            Screen::Progress(p) => Some(p),
            _ => None,
        }
    }

    /// The debrief showing.
    #[must_use]
    pub fn debrief(&self) -> Option<&Debrief> {
        match self.top() {
            Screen::Debrief(d) => Some(d),
            _ => None,
        }
    }

    /// The learn screen showing.
    #[must_use]
    pub fn learn(&self) -> Option<&Learn> {
        match self.top() {
            Screen::Learn(l) => Some(l),
            _ => None,
        }
    }

    /// The open yes/no question.
    #[must_use]
    pub fn confirm(&self) -> Option<Confirm> {
        self.confirm
    }

    /// Whether the help overlay is open.
    #[must_use]
    pub fn help(&self) -> bool {
        self.help
    }

    /// Whether the trainer is to exit.
    #[must_use]
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The meeting in progress (not one under review).
    fn live_meeting(&self) -> Option<&Meeting> {
        match self.top() {
            Screen::Meeting(m) => Some(m),
            _ => None,
        }
    }

    /// Whether leaving the meeting now keeps it resumable from the picker.
    #[must_use]
    pub fn meeting_resumable(&self) -> bool {
        self.live_meeting()
            .is_some_and(|m| m.resumable(&self.shared))
    }

    /// Whether the meeting's clock is on screen and running (the event loop then
    /// redraws once a second).
    #[must_use]
    pub fn ticking(&self) -> bool {
        self.live_meeting().is_some()
            && self.shared.class.shows_clock()
            && self.shared.class.timer.running()
    }

    /// What the keymap needs to know.
    #[must_use]
    pub fn view(&self) -> View {
        let m = self.live_meeting();
        View {
            kind: self.kind(),
            help: self.help,
            confirm: self.confirm.is_some() || self.shared.message.is_some(),
            filter_empty: self.picker().filter.is_empty(),
            transcript_focus: m.is_some_and(|m| m.focus == Focus::Transcript),
            meeting_over: self.meeting().is_some_and(Meeting::over),
            vote: self.shared.class.vote,
        }
    }

    /// Opens the briefing of scenario `i` over the picker; a scenario that does not
    /// load stays in the picker with its problems shown.
    pub fn open(&mut self, i: usize) {
        self.stack.truncate(1);
        self.go(Nav::Brief(i));
    }

    /// Opens a saved meeting's debrief over the screen showing.
    pub fn open_debrief(&mut self, record: Record, hide: bool) {
        self.go(Nav::Debrief(Box::new(record), hide));
    }

    /// Opens the theory cards and the quiz over the screen showing.
    pub fn open_learn(&mut self) {
        self.go(Nav::Learn);
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        // A change of the scenario file goes through while a notice shows: the
        // notice of the last reload would otherwise swallow the next save.
        if action == Action::Reload {
            self.reload();
            return;
        }
        if self.shared.message.is_some() {
            if matches!(
                action,
                Action::ConfirmYes | Action::ConfirmNo | Action::Back | Action::Enter
            ) {
                self.shared.message = None;
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Interrupt => {
                if self.confirm.is_some()
                    || self
                        .live_meeting()
                        .is_none_or(|m| m.over() || m.inputs.is_empty())
                {
                    self.quit = true;
                } else {
                    self.confirm = Some(Confirm::Quit);
                }
            }
            Action::ConfirmYes => match self.confirm.take() {
                Some(Confirm::Quit) => self.quit = true,
                Some(Confirm::Abandon) => self.go(Nav::Home),
                Some(Confirm::End) => {
                    let n = self.stack.len() - 1;
                    if let Screen::Meeting(m) = &mut self.stack[n] {
                        m.end(&mut self.shared);
                        self.go(Nav::Review);
                    }
                }
                None => {}
            },
            Action::ConfirmNo => self.confirm = None,
            Action::ToggleHelp => self.help = !self.help,
            Action::ToggleLang => self.toggle_lang(),
            Action::Resize | Action::Suspend | Action::Reload => {}
            Action::CycleTheme => self.shared.class.theme = self.shared.class.theme.next(),
            Action::ToggleProjector => {
                self.shared.class.projector = !self.shared.class.projector;
            }
            Action::TogglePause => self.shared.class.timer.toggle(),
            Action::Click { x, y, area } => {
                if self.help || self.confirm.is_some() {
                    return;
                }
                let area = super::widgets::body(area);
                self.dispatch(&Action::Click { x, y, area });
            }
            other => self.dispatch(&other),
        }
    }

    /// Gives an action to the screen on top and goes where it says.
    fn dispatch(&mut self, action: &Action) {
        let n = self.stack.len() - 1;
        let nav = self.stack[n].update(action, &mut self.shared);
        self.go(nav);
    }

    /// Goes where a screen said.
    fn go(&mut self, nav: Nav) {
        match nav {
            Nav::Stay => {}
            Nav::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
            }
            Nav::Home => self.stack.truncate(1),
            Nav::Brief(i) => {
                if let Some(b) = Briefing::open(&mut self.shared, i) {
                    self.stack.push(Screen::Briefing(b));
                }
            }
            Nav::Start(i, drill) => {
                if let Some(m) = Meeting::start(&mut self.shared, i, drill) {
                    self.stack.push(Screen::Meeting(Box::new(m)));
                }
            }
            Nav::Resume(h) => {
                if let Some(m) = Meeting::resume(&mut self.shared, h) {
                    self.stack.push(Screen::Meeting(Box::new(m)));
                }
            }
            Nav::Review => {
                if matches!(self.top(), Screen::Meeting(_))
                    && let Some(Screen::Meeting(m)) = self.stack.pop()
                {
                    self.stack.push(Screen::Review(Box::new(Review {
                        meeting: *m,
                        scroll: 0,
                    })));
                }
            }
            Nav::Progress => self.stack.push(Screen::Progress(Progress::default())),
            Nav::Debrief(r, hide) => {
                self.stack
                    .push(Screen::Debrief(Box::new(Debrief::new(*r, hide))));
            }
            Nav::Learn => {
                let l = Learn::new(&self.shared);
                self.stack.push(Screen::Learn(Box::new(l)));
            }
            Nav::Try(i, setup, seed, to) => {
                if let Some(t) = TryOut::open(&mut self.shared, i, setup, seed, to) {
                    self.stack.push(Screen::Try(Box::new(t)));
                }
            }
            Nav::Ask(c) => self.confirm = Some(c),
        }
    }

    fn toggle_lang(&mut self) {
        self.shared.lang = match self.shared.lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        for s in &mut self.stack {
            s.relang(&mut self.shared);
        }
    }

    /// The file behind the scenario showing, if it came from one.
    #[must_use]
    pub fn scenario_file(&self) -> Option<PathBuf> {
        let i = self.top().scenario()?;
        match &self.shared.scenarios.get(i)?.origin {
            Origin::File(p) => Some(p.clone()),
            Origin::Bundled => None,
        }
    }

    fn mtime(p: &std::path::Path) -> Option<SystemTime> {
        std::fs::metadata(p).and_then(|m| m.modified()).ok()
    }

    /// True when the scenario file showing changed since it was loaded or last checked.
    pub fn file_changed(&mut self) -> bool {
        let Some(p) = self.scenario_file() else {
            return false;
        };
        let now = Self::mtime(&p);
        match &self.watch {
            Some((q, seen)) if *q == p => {
                if now != *seen {
                    self.watch = Some((p, now));
                    return true;
                }
                false
            }
            _ => {
                self.watch = Some((p, now));
                false
            }
        }
    }

    /// Hot reload: reloads the scenario showing from its file and replays the
    /// meeting on the new version; problems become the notice and the previous
    /// version stays in use.
    fn reload(&mut self) {
        let lang = self.shared.lang;
        let (Some(p), Some(i)) = (self.scenario_file(), self.top().scenario()) else {
            self.shared.message = Some(
                lang.pick(
                    "内置场景不能重新加载;请用 --scenarios 或文件路径打开",
                    "bundled scenarios do not reload; open a scenario file to edit it live",
                )
                .to_string(),
            );
            return;
        };
        self.watch = Some((p.clone(), Self::mtime(&p)));
        match crate::scenario::load_file(&p) {
            Ok(loaded) => {
                self.shared.scenarios[i] = Entry::loaded(loaded);
                for s in &mut self.stack {
                    if let Some(m) = s.meeting_mut().filter(|m| m.scenario == i) {
                        m.replay(&self.shared);
                    }
                }
                self.shared.message = Some(
                    lang.pick(
                        "已重新加载场景,并重放了之前的回合",
                        "scenario reloaded; your turns were replayed on the new version",
                    )
                    .to_string(),
                );
            }
            Err(problems) => {
                let list: Vec<String> = problems.iter().take(6).map(ToString::to_string).collect();
                self.shared.message = Some(list.join("\n"));
            }
        }
    }
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
