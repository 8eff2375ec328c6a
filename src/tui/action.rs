//! Intents the trainer understands, produced by the keymap and by mouse and paste events.

use ratatui::crossterm::event::KeyEvent;

/// Something the user wants to happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the program (from the picker, or after confirming).
    Quit,
    /// Ctrl+C: quit, asking first if a meeting is in progress.
    Interrupt,
    /// Answer yes to the open confirmation.
    ConfirmYes,
    /// Answer no to the open confirmation.
    ConfirmNo,
    /// Move the selection or scroll up.
    Up,
    /// Move the selection or scroll down.
    Down,
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// Enter: open, start, send or continue, depending on the screen.
    Enter,
    /// Insert a new line in the input.
    Newline,
    /// Go back one screen.
    Back,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Move focus to the next field.
    FocusNext,
    /// Move focus to the previous field.
    FocusPrev,
    /// Switch between ask, present and propose.
    CycleMode,
    /// Choose the next contact to address.
    CycleContact,
    /// End the meeting and show the review.
    EndMeeting,
    /// Switch the interface language.
    ToggleLang,
    /// Add a character to the picker filter.
    FilterChar(char),
    /// Remove the last character of the picker filter.
    FilterBackspace,
    /// Pass a key to the focused text editor.
    Edit(KeyEvent),
    /// Insert pasted text (already capped and sanitized).
    Paste(String),
    /// The terminal was resized.
    Resize,
    /// Show the progress screen.
    OpenProgress,
    /// Reload the open scenario from its file and replay the meeting.
    Reload,
    /// Switch to the next colour theme.
    CycleTheme,
    /// Switch the projector layout on or off.
    ToggleProjector,
    /// Hide scores and feedback until revealed, or show them again.
    ToggleHide,
    /// Reveal the next hidden turn's grade.
    RevealNext,
    /// Reveal every hidden grade.
    RevealAll,
    /// Pause or resume the meeting timer.
    TogglePause,
    /// Show or hide the class vote on suggested turns.
    ToggleVote,
    /// Play suggestion `n` (0 = A) chosen by the class.
    Vote(usize),
    /// Next turn (replay), card or question (learn).
    Next,
    /// Previous turn or card.
    Prev,
    /// Show the theory cards and quiz.
    OpenLearn,
    /// Choose the next single-behaviour drill on the briefing.
    CycleDrill,
    /// Ctrl+Z: give the terminal back and stop (the shell's `fg` resumes).
    Suspend,
    /// Ctrl+U: empty the focused input field.
    ClearInput,
    /// Open the try box (a wording's reading and reply, nothing played).
    OpenTry,
    /// A left click at a cell of a terminal of size `area`: selects the list row
    /// under it (and opens it when it was already selected).
    Click {
        /// Column of the click.
        x: u16,
        /// Row of the click.
        y: u16,
        /// The terminal's size when clicked.
        area: ratatui::layout::Rect,
    },
}
