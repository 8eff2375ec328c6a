//! Keys become intents in one pure function, tested as a table.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Which kind of screen is showing (each [`Screen`](super::screens::Screen) has one):
/// what the keymap, the footer and the help need to know of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Scenario list.
    Picker,
    /// Briefing before the meeting.
    Briefing,
    /// The meeting itself.
    Meeting,
    /// The review after it.
    Review,
    /// Progress over saved meetings.
    Progress,
    /// A saved meeting stepped through turn by turn for a debrief.
    Debrief,
    /// Theory cards and the quiz.
    Learn,
    /// The author's try box: a wording's reading and reply, nothing played.
    Try,
}

/// What the keymap needs to know about the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// The kind of screen.
    pub kind: Kind,
    /// Help overlay open.
    pub help: bool,
    /// A yes/no question is open.
    pub confirm: bool,
    /// The picker filter is empty (so `q` and `?` are commands, not text).
    pub filter_empty: bool,
    /// The meeting's transcript has focus (so arrows scroll).
    pub transcript_focus: bool,
    /// The meeting is over (input is closed).
    pub meeting_over: bool,
    /// The class vote is showing (letters choose a suggestion).
    pub vote: bool,
}

/// Maps a key press to an action; releases and repeats of non-editing keys are ignored.
#[must_use]
pub fn keymap(key: KeyEvent, v: &View) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Interrupt);
    }
    // In raw mode Ctrl+Z reaches us as a key, not as SIGTSTP: suspend by hand.
    if ctrl && key.code == KeyCode::Char('z') {
        return Some(Action::Suspend);
    }
    if v.confirm {
        return match key.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Action::ConfirmYes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::ConfirmNo),
            _ => None,
        };
    }
    if v.help {
        return match key.code {
            KeyCode::F(1) | KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => {
                Some(Action::ToggleHelp)
            }
            _ => None,
        };
    }
    // Every F-key action has a Ctrl or letter alias: desktop terminals take F1, F10
    // and F11 for themselves, and macOS hides the F-keys behind fn.
    if ctrl && key.code == KeyCode::Char('l') {
        return Some(Action::ToggleLang);
    }
    match key.code {
        KeyCode::F(1) => return Some(Action::ToggleHelp),
        KeyCode::F(9) => return Some(Action::ToggleLang),
        KeyCode::F(5) => return Some(Action::Reload),
        KeyCode::F(7) => return Some(Action::CycleTheme),
        KeyCode::F(8) => return Some(Action::ToggleProjector),
        KeyCode::Esc => return Some(Action::Back),
        _ => {}
    }
    match v.kind {
        Kind::Picker => match key.code {
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') if v.filter_empty && !ctrl => Some(Action::Up),
            KeyCode::Char('j') if v.filter_empty && !ctrl => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Backspace => Some(Action::FilterBackspace),
            KeyCode::Char('q') if v.filter_empty => Some(Action::Quit),
            KeyCode::Char('p') if v.filter_empty => Some(Action::OpenProgress),
            KeyCode::Char('l') if v.filter_empty => Some(Action::OpenLearn),
            KeyCode::F(4) => Some(Action::OpenProgress),
            KeyCode::Char('?') if v.filter_empty => Some(Action::ToggleHelp),
            KeyCode::Char(c) if !ctrl && !alt => Some(Action::FilterChar(c)),
            _ => None,
        },
        Kind::Briefing => match key.code {
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Char('d') => Some(Action::CycleDrill),
            KeyCode::Char('t') => Some(Action::OpenTry),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            _ => None,
        },
        Kind::Review => match key.code {
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        },
        Kind::Debrief => match key.code {
            KeyCode::Right | KeyCode::Enter | KeyCode::Char(' ' | 'n') => Some(Action::Next),
            KeyCode::Left | KeyCode::Backspace => Some(Action::Prev),
            KeyCode::Char('r') => Some(Action::RevealNext),
            KeyCode::Char('g') => Some(Action::RevealAll),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Char('q') => Some(Action::Back),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Kind::Learn => match key.code {
            KeyCode::Right | KeyCode::Char('n') => Some(Action::Next),
            KeyCode::Left => Some(Action::Prev),
            KeyCode::Tab => Some(Action::FocusNext),
            KeyCode::Char(c @ ('a'..='d' | 'A'..='D')) => Some(Action::Vote(usize::from(
                c.to_ascii_lowercase() as u8 - b'a',
            ))),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Char('q') => Some(Action::Back),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Kind::Progress => match key.code {
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Char('q' | 'p') | KeyCode::F(4) => Some(Action::Back),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Kind::Meeting => meeting_key(key, v, ctrl, alt),
        Kind::Try => match key.code {
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Char('u') if ctrl => Some(Action::ClearInput),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            _ => Some(Action::Edit(key)),
        },
    }
}

fn meeting_key(key: KeyEvent, v: &View, ctrl: bool, alt: bool) -> Option<Action> {
    if v.vote
        && !v.meeting_over
        && let KeyCode::Char(c @ ('a'..='d' | 'A'..='D')) = key.code
    {
        return Some(Action::Vote(usize::from(
            c.to_ascii_lowercase() as u8 - b'a',
        )));
    }
    // While typing, letters are text: every meeting action also has a Ctrl alias
    // (none that the terminal or the shell keeps: not C, Z, I = Tab, M = Enter).
    let browsing = v.meeting_over || v.transcript_focus;
    match key.code {
        KeyCode::F(6) => Some(Action::ToggleHide),
        KeyCode::Char('s') if ctrl => Some(Action::ToggleHide),
        KeyCode::F(12) => Some(Action::ToggleVote),
        KeyCode::Char('v') if ctrl => Some(Action::ToggleVote),
        KeyCode::Char('r') if ctrl => Some(Action::RevealNext),
        KeyCode::Char('g') if ctrl => Some(Action::RevealAll),
        KeyCode::Char('p') if ctrl => Some(Action::TogglePause),
        KeyCode::F(2) => Some(Action::CycleMode),
        KeyCode::Char('t') if ctrl => Some(Action::CycleMode),
        KeyCode::F(3) => Some(Action::CycleContact),
        KeyCode::Char('o') if ctrl => Some(Action::CycleContact),
        KeyCode::Char('y') if ctrl => Some(Action::OpenTry),
        KeyCode::F(10) => Some(Action::EndMeeting),
        KeyCode::Char('q') if ctrl => Some(Action::EndMeeting),
        KeyCode::Char('u') if ctrl && !browsing => Some(Action::ClearInput),
        KeyCode::Char('k') if browsing && !ctrl => Some(Action::Up),
        KeyCode::Char('j') if browsing && !ctrl => Some(Action::Down),
        KeyCode::Char('?') if browsing => Some(Action::ToggleHelp),
        KeyCode::Tab => Some(Action::FocusNext),
        KeyCode::BackTab => Some(Action::FocusPrev),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Enter if alt => Some(Action::Newline),
        KeyCode::Char('j') if ctrl => Some(Action::Newline),
        KeyCode::Enter => Some(Action::Enter),
        KeyCode::Up if v.transcript_focus || v.meeting_over => Some(Action::Up),
        KeyCode::Down if v.transcript_focus || v.meeting_over => Some(Action::Down),
        _ if v.meeting_over || v.transcript_focus => None,
        _ => Some(Action::Edit(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn km(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    fn view(kind: Kind) -> View {
        View {
            kind,
            help: false,
            confirm: false,
            filter_empty: true,
            transcript_focus: false,
            meeting_over: false,
            vote: false,
        }
    }

    #[test]
    fn key_table() {
        let picker = view(Kind::Picker);
        let typing = View {
            filter_empty: false,
            ..picker
        };
        let brief = view(Kind::Briefing);
        let meet = view(Kind::Meeting);
        let scroll = View {
            transcript_focus: true,
            ..meet
        };
        let over = View {
            meeting_over: true,
            ..meet
        };
        let review = view(Kind::Review);
        let help = View { help: true, ..meet };
        let confirm = View {
            confirm: true,
            ..meet
        };
        let a = KeyModifiers::ALT;
        let c = KeyModifiers::CONTROL;
        let table: Vec<(KeyEvent, View, Option<Action>)> = vec![
            (k(KeyCode::Char('q')), picker, Some(Action::Quit)),
            (k(KeyCode::Char('q')), typing, Some(Action::FilterChar('q'))),
            (
                k(KeyCode::Char('航')),
                picker,
                Some(Action::FilterChar('航')),
            ),
            (k(KeyCode::Backspace), typing, Some(Action::FilterBackspace)),
            (k(KeyCode::Enter), picker, Some(Action::Enter)),
            (k(KeyCode::Down), picker, Some(Action::Down)),
            (k(KeyCode::Char('?')), picker, Some(Action::ToggleHelp)),
            (k(KeyCode::Enter), brief, Some(Action::Enter)),
            (k(KeyCode::Esc), brief, Some(Action::Back)),
            (k(KeyCode::Enter), meet, Some(Action::Enter)),
            (km(KeyCode::Enter, a), meet, Some(Action::Newline)),
            (km(KeyCode::Char('j'), c), meet, Some(Action::Newline)),
            (k(KeyCode::Tab), meet, Some(Action::FocusNext)),
            (k(KeyCode::BackTab), meet, Some(Action::FocusPrev)),
            (k(KeyCode::F(2)), meet, Some(Action::CycleMode)),
            (k(KeyCode::F(3)), meet, Some(Action::CycleContact)),
            (k(KeyCode::F(10)), meet, Some(Action::EndMeeting)),
            (
                k(KeyCode::Char('q')),
                meet,
                Some(Action::Edit(k(KeyCode::Char('q')))),
            ),
            (
                k(KeyCode::Char('?')),
                meet,
                Some(Action::Edit(k(KeyCode::Char('?')))),
            ),
            (k(KeyCode::Up), meet, Some(Action::Edit(k(KeyCode::Up)))),
            (k(KeyCode::Up), scroll, Some(Action::Up)),
            (k(KeyCode::Char('x')), scroll, None),
            (k(KeyCode::Char('x')), over, None),
            (k(KeyCode::PageUp), meet, Some(Action::PageUp)),
            (k(KeyCode::Esc), meet, Some(Action::Back)),
            (k(KeyCode::F(1)), meet, Some(Action::ToggleHelp)),
            (k(KeyCode::F(9)), meet, Some(Action::ToggleLang)),
            (k(KeyCode::Esc), help, Some(Action::ToggleHelp)),
            (k(KeyCode::Char('a')), help, None),
            (k(KeyCode::Char('y')), confirm, Some(Action::ConfirmYes)),
            (k(KeyCode::Char('n')), confirm, Some(Action::ConfirmNo)),
            (k(KeyCode::Esc), confirm, Some(Action::ConfirmNo)),
            (k(KeyCode::Char('x')), confirm, None),
            (km(KeyCode::Char('c'), c), confirm, Some(Action::Interrupt)),
            (km(KeyCode::Char('c'), c), meet, Some(Action::Interrupt)),
            (k(KeyCode::Enter), review, Some(Action::Enter)),
            (k(KeyCode::Char('q')), review, Some(Action::Quit)),
            (k(KeyCode::PageDown), review, Some(Action::PageDown)),
            (k(KeyCode::Char('p')), picker, Some(Action::OpenProgress)),
            (k(KeyCode::Char('p')), typing, Some(Action::FilterChar('p'))),
            (k(KeyCode::F(4)), typing, Some(Action::OpenProgress)),
            (
                k(KeyCode::Char('q')),
                view(Kind::Progress),
                Some(Action::Back),
            ),
            (k(KeyCode::Down), view(Kind::Progress), Some(Action::Down)),
            (k(KeyCode::Enter), view(Kind::Progress), Some(Action::Enter)),
            (k(KeyCode::Right), view(Kind::Debrief), Some(Action::Next)),
            (k(KeyCode::Left), view(Kind::Debrief), Some(Action::Prev)),
            (
                k(KeyCode::Char('r')),
                view(Kind::Debrief),
                Some(Action::RevealNext),
            ),
            (
                k(KeyCode::Char('c')),
                view(Kind::Learn),
                Some(Action::Vote(2)),
            ),
            (k(KeyCode::Tab), view(Kind::Learn), Some(Action::FocusNext)),
            (k(KeyCode::Char('l')), picker, Some(Action::OpenLearn)),
            (k(KeyCode::F(6)), meet, Some(Action::ToggleHide)),
            (km(KeyCode::Char('r'), c), meet, Some(Action::RevealNext)),
            (km(KeyCode::Char('g'), c), meet, Some(Action::RevealAll)),
            (km(KeyCode::Char('p'), c), meet, Some(Action::TogglePause)),
            (k(KeyCode::F(7)), picker, Some(Action::CycleTheme)),
            (k(KeyCode::F(8)), meet, Some(Action::ToggleProjector)),
            (k(KeyCode::F(12)), meet, Some(Action::ToggleVote)),
            (
                k(KeyCode::Char('b')),
                View { vote: true, ..meet },
                Some(Action::Vote(1)),
            ),
            (
                k(KeyCode::Char('b')),
                meet,
                Some(Action::Edit(k(KeyCode::Char('b')))),
            ),
            // Issue 10, defect 9: every meeting action has a Ctrl alias that typing
            // never produces, lists and scrolling views take j/k, Ctrl+U clears the
            // input, Ctrl+Z suspends, Ctrl+L switches the language everywhere.
            (km(KeyCode::Char('t'), c), meet, Some(Action::CycleMode)),
            (km(KeyCode::Char('o'), c), meet, Some(Action::CycleContact)),
            (km(KeyCode::Char('s'), c), meet, Some(Action::ToggleHide)),
            (km(KeyCode::Char('q'), c), meet, Some(Action::EndMeeting)),
            (km(KeyCode::Char('v'), c), meet, Some(Action::ToggleVote)),
            (km(KeyCode::Char('u'), c), meet, Some(Action::ClearInput)),
            (km(KeyCode::Char('z'), c), meet, Some(Action::Suspend)),
            (km(KeyCode::Char('z'), c), picker, Some(Action::Suspend)),
            (km(KeyCode::Char('z'), c), confirm, Some(Action::Suspend)),
            (km(KeyCode::Char('l'), c), meet, Some(Action::ToggleLang)),
            (km(KeyCode::Char('l'), c), picker, Some(Action::ToggleLang)),
            (km(KeyCode::Char('l'), c), review, Some(Action::ToggleLang)),
            (
                k(KeyCode::Char('j')),
                meet,
                Some(Action::Edit(k(KeyCode::Char('j')))),
            ),
            (
                k(KeyCode::Char('t')),
                meet,
                Some(Action::Edit(k(KeyCode::Char('t')))),
            ),
            (k(KeyCode::Char('j')), scroll, Some(Action::Down)),
            (k(KeyCode::Char('k')), over, Some(Action::Up)),
            (k(KeyCode::Char('?')), scroll, Some(Action::ToggleHelp)),
            (km(KeyCode::Char('u'), c), scroll, None),
            (k(KeyCode::Char('j')), picker, Some(Action::Down)),
            (k(KeyCode::Char('k')), picker, Some(Action::Up)),
            (k(KeyCode::Char('j')), typing, Some(Action::FilterChar('j'))),
            (k(KeyCode::Char('j')), brief, Some(Action::Down)),
            (k(KeyCode::Char('k')), review, Some(Action::Up)),
            (
                k(KeyCode::Char('j')),
                view(Kind::Progress),
                Some(Action::Down),
            ),
            (k(KeyCode::Char('k')), view(Kind::Debrief), Some(Action::Up)),
        ];
        for (key, v, want) in table {
            assert_eq!(keymap(key, &v), want, "{key:?} on {v:?}");
        }
    }

    #[test]
    fn releases_are_ignored() {
        let mut key = k(KeyCode::Enter);
        key.kind = KeyEventKind::Release;
        assert_eq!(keymap(key, &view(Kind::Picker)), None);
    }
}
