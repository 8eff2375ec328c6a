//! Style constants. Meaning is never carried by colour alone: every coloured
//! item also has a symbol or a word.

use ratatui::style::{Color, Modifier, Style};

/// Panel titles.
pub const TITLE: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// Selected row.
pub const SELECTED: Style = Style::new().fg(Color::Black).bg(Color::Cyan);
/// Dim helper text.
pub const DIM: Style = Style::new().fg(Color::DarkGray);
/// The trainee's words.
pub const YOU: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// The customer's words.
pub const CUSTOMER: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
/// Points gained.
pub const GOOD: Style = Style::new().fg(Color::Green);
/// Points lost.
pub const BAD: Style = Style::new().fg(Color::Red);
/// Neutral findings.
pub const NEUTRAL: Style = Style::new().fg(Color::Gray);
/// Footer key help.
pub const FOOTER: Style = Style::new().fg(Color::Black).bg(Color::Gray);
/// Focused border.
pub const FOCUS: Style = Style::new().fg(Color::Yellow);
/// Unfocused border.
pub const BORDER: Style = Style::new().fg(Color::DarkGray);

/// Style for a number of points: gained, lost or zero.
#[must_use]
pub fn points(p: i32) -> Style {
    match p {
        p if p > 0 => GOOD,
        p if p < 0 => BAD,
        _ => NEUTRAL,
    }
}
