//! What every screen draws with: the frame's [`Ctx`] (language, theme, strings),
//! panels, pop-ups, centring and the overlay clear.

use super::i18n::{Strings, strings};
use super::theme::Theme;
use crate::lang::Lang;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 60;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 18;

/// What every draw function reads besides its screen's state, fixed for one frame:
/// the interface language, the theme's styles and the interface strings. Built once
/// per frame by [`ui::draw`](super::ui::draw) and passed down to every screen.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The interface language.
    pub lang: Lang,
    /// The styles of the theme in force.
    pub theme: &'a Theme,
    /// The interface strings in `lang`.
    pub strings: &'static Strings,
}

impl<'a> Ctx<'a> {
    /// The context for drawing in `lang` with `theme`.
    #[must_use]
    pub fn new(lang: Lang, theme: &'a Theme) -> Ctx<'a> {
        Ctx {
            lang,
            theme,
            strings: strings(lang),
        }
    }

    /// A bordered block with a title; highlighted when focused.
    #[must_use]
    pub fn panel(&self, title: &str, focused: bool) -> Block<'static> {
        Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                self.theme.focus()
            } else {
                self.theme.border()
            })
            .title(Line::styled(
                format!(" {} ", crate::text::sanitize_line(title)),
                self.theme.title(),
            ))
    }
}

/// A bordered pop-up centred in `area`, with `title` and `body` wrapped inside.
pub fn popup(frame: &mut Frame, area: Rect, ctx: &Ctx, title: &str, body: &str) {
    let longest = body
        .lines()
        .map(crate::text::width)
        .max()
        .unwrap_or(0)
        .max(crate::text::width(title));
    let w = u16::try_from(longest + 6)
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(2).min(100))
        .max(20);
    let inner_w = usize::from(w.saturating_sub(4));
    let mut lines = vec![Line::from("")];
    for l in body.lines() {
        lines.extend(super::wrap::wrap_prefixed(
            " ",
            ratatui::style::Style::default(),
            l,
            ratatui::style::Style::default(),
            inner_w,
        ));
    }
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let r = centered(area, w, h.max(4));
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.focus())
        .title(Line::styled(format!(" {title} "), ctx.theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// The area screens draw in: the terminal less the footer's row.
#[must_use]
pub fn body(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1).max(1).min(area.height),
        ..area
    }
}

/// Clears `r` for an overlay. A wide character (Chinese, an emoji) just left of `r`
/// would spill its second half into the overlay's first column, and the terminal
/// update skips the cell behind a wide character: the overlay's left border and
/// corners would never be drawn. Such a character is blanked too.
pub fn clear(frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let buf = frame.buffer_mut();
    if r.x <= buf.area.x {
        return;
    }
    for y in r.top()..r.bottom() {
        if let Some(cell) = buf.cell_mut(Position { x: r.x - 1, y })
            && crate::text::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// A rectangle of at most `w`×`h` centered in `area`.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The inside of a panel drawn in `area` (what [`Ctx::panel`]'s block leaves).
#[must_use]
pub fn panel_inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

/// Clamps a cursor position into an area.
#[must_use]
pub fn clamp(p: Position, r: Rect) -> Position {
    Position {
        x: p.x.clamp(r.x, r.right().saturating_sub(1)),
        y: p.y.clamp(r.y, r.bottom().saturating_sub(1)),
    }
}

/// Draws an editor in `r`; returns where its caret is on screen.
pub fn draw_editor(
    frame: &mut Frame,
    r: Rect,
    t: &ratatui_textarea::TextArea<'static>,
) -> Position {
    frame.render_widget(t, r);
    let c = t.screen_cursor();
    let (top, left) = t.scroll_offset();
    let row = u16::try_from(c.row).unwrap_or(0).saturating_sub(top);
    let col = u16::try_from(c.col).unwrap_or(0).saturating_sub(left);
    clamp(
        Position {
            x: r.x.saturating_add(col),
            y: r.y.saturating_add(row),
        },
        r,
    )
}
