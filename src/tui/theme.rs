//! Themes: dark (default), light and dark high-contrast for projectors, and
//! mono (no colour; `NO_COLOR` selects it). Meaning is never carried by colour
//! alone: points carry a sign, needs a symbol and a word, selections a marker.
//! The theme in force is the app's (`app.class.theme`, from the config file, the
//! command line or F7); `ui::draw` turns it into a [`Theme`] once per frame and
//! hands it to every screen in its [`Ctx`](super::ui::Ctx).

use ratatui::style::{Color, Modifier, Style};

/// The available themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// Dark background, soft colours.
    Dark,
    /// High-contrast light theme for projectors.
    Light,
    /// High-contrast dark theme.
    Contrast,
    /// No colour at all, only bold, reverse and underline.
    Mono,
}

impl ThemeName {
    /// Parses `dark`, `light`, `contrast` or `mono`.
    #[must_use]
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "contrast" => Some(ThemeName::Contrast),
            "mono" => Some(ThemeName::Mono),
            _ => None,
        }
    }

    /// The next theme in the cycle.
    #[must_use]
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::Contrast,
            ThemeName::Contrast => ThemeName::Mono,
            ThemeName::Mono => ThemeName::Dark,
        }
    }

    /// The name as typed on the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::Contrast => "contrast",
            ThemeName::Mono => "mono",
        }
    }

    /// The default: mono when `NO_COLOR` is set (to anything non-empty), else dark.
    #[must_use]
    pub fn from_env() -> ThemeName {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            ThemeName::Mono
        } else {
            ThemeName::Dark
        }
    }
}

/// The styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    base: Style,
    title: Style,
    selected: Style,
    dim: Style,
    you: Style,
    customer: Style,
    good: Style,
    bad: Style,
    neutral: Style,
    footer: Style,
    focus: Style,
    border: Style,
}

const B: Modifier = Modifier::BOLD;

impl Theme {
    /// The styles of a theme.
    #[must_use]
    pub const fn of(name: ThemeName) -> Theme {
        let n = Style::new();
        match name {
            ThemeName::Dark => Theme {
                base: n,
                title: n.fg(Color::Cyan).add_modifier(B),
                selected: n.fg(Color::Black).bg(Color::Cyan),
                dim: n.fg(Color::DarkGray),
                you: n.fg(Color::Yellow).add_modifier(B),
                customer: n.fg(Color::Green).add_modifier(B),
                good: n.fg(Color::Green),
                bad: n.fg(Color::Red),
                neutral: n.fg(Color::Gray),
                footer: n.fg(Color::Black).bg(Color::Gray),
                focus: n.fg(Color::Yellow),
                border: n.fg(Color::DarkGray),
            },
            ThemeName::Light => Theme {
                base: n.fg(Color::Black).bg(Color::White),
                title: n.fg(Color::Blue).bg(Color::White).add_modifier(B),
                selected: n.fg(Color::White).bg(Color::Blue).add_modifier(B),
                dim: n.fg(Color::Black).bg(Color::White),
                you: n.fg(Color::Black).bg(Color::White).add_modifier(B),
                customer: n.fg(Color::Blue).bg(Color::White).add_modifier(B),
                good: n.fg(Color::Green).bg(Color::White).add_modifier(B),
                bad: n.fg(Color::Red).bg(Color::White).add_modifier(B),
                neutral: n.fg(Color::Black).bg(Color::White),
                footer: n.fg(Color::White).bg(Color::Black),
                focus: n.fg(Color::Blue).bg(Color::White).add_modifier(B),
                border: n.fg(Color::Black).bg(Color::White),
            },
            ThemeName::Contrast => Theme {
                base: n.fg(Color::White).bg(Color::Black),
                title: n.fg(Color::Yellow).bg(Color::Black).add_modifier(B),
                selected: n.fg(Color::Black).bg(Color::Yellow).add_modifier(B),
                dim: n.fg(Color::White).bg(Color::Black),
                you: n.fg(Color::LightYellow).bg(Color::Black).add_modifier(B),
                customer: n.fg(Color::LightCyan).bg(Color::Black).add_modifier(B),
                good: n.fg(Color::LightGreen).bg(Color::Black).add_modifier(B),
                bad: n.fg(Color::LightRed).bg(Color::Black).add_modifier(B),
                neutral: n.fg(Color::White).bg(Color::Black),
                footer: n.fg(Color::Black).bg(Color::White),
                focus: n.fg(Color::Yellow).bg(Color::Black).add_modifier(B),
                border: n.fg(Color::White).bg(Color::Black),
            },
            ThemeName::Mono => Theme {
                base: n,
                title: n.add_modifier(B),
                selected: n.add_modifier(Modifier::REVERSED),
                dim: n,
                you: n.add_modifier(B),
                customer: n.add_modifier(B),
                good: n,
                bad: n.add_modifier(B),
                neutral: n,
                footer: n.add_modifier(Modifier::REVERSED),
                focus: n.add_modifier(B),
                border: n,
            },
        }
    }
}

impl Theme {
    /// Whole-screen background and text.
    #[must_use]
    pub const fn base(&self) -> Style {
        self.base
    }
    /// Panel titles and headings.
    #[must_use]
    pub const fn title(&self) -> Style {
        self.title
    }
    /// The selected row.
    #[must_use]
    pub const fn selected(&self) -> Style {
        self.selected
    }
    /// Helper text.
    #[must_use]
    pub const fn dim(&self) -> Style {
        self.dim
    }
    /// The trainee's words.
    #[must_use]
    pub const fn you(&self) -> Style {
        self.you
    }
    /// The customer's words.
    #[must_use]
    pub const fn customer(&self) -> Style {
        self.customer
    }
    /// Points gained.
    #[must_use]
    pub const fn good(&self) -> Style {
        self.good
    }
    /// Points lost.
    #[must_use]
    pub const fn bad(&self) -> Style {
        self.bad
    }
    /// Neutral findings.
    #[must_use]
    pub const fn neutral(&self) -> Style {
        self.neutral
    }
    /// The footer of keys.
    #[must_use]
    pub const fn footer(&self) -> Style {
        self.footer
    }
    /// A focused border.
    #[must_use]
    pub const fn focus(&self) -> Style {
        self.focus
    }
    /// An unfocused border.
    #[must_use]
    pub const fn border(&self) -> Style {
        self.border
    }

    /// Style for a number of points: gained, lost or zero (the sign is always printed too).
    #[must_use]
    pub const fn points(&self, p: i32) -> Style {
        if p > 0 {
            self.good
        } else if p < 0 {
            self.bad
        } else {
            self.neutral
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycle_visits_every_theme_and_mono_has_no_colour() {
        let mut t = ThemeName::Dark;
        let mut seen = vec![t];
        for _ in 0..3 {
            t = t.next();
            seen.push(t);
        }
        assert_eq!(t.next(), ThemeName::Dark);
        assert_eq!(seen.len(), 4);
        let m = Theme::of(ThemeName::Mono);
        for s in [
            m.base, m.title, m.selected, m.dim, m.you, m.customer, m.good, m.bad, m.neutral,
            m.footer, m.focus, m.border,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert_eq!(ThemeName::parse("contrast"), Some(ThemeName::Contrast));
        assert_eq!(ThemeName::parse("neon"), None);
    }
}
