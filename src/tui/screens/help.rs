//! The help overlay: keys and a SPIN / FFAB cheat sheet.

use crate::tui::app::App;
use crate::tui::i18n::strings;
use crate::tui::theme;
use crate::tui::ui::{centered, panel};
use crate::tui::wrap::wrap_prefixed;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

/// Draws the help overlay over everything.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = strings(app.lang);
    let r = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, r);
    let block = panel(s.help, true);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let w = inner.width as usize;
    let kw = s
        .help_keys
        .iter()
        .map(|(k, _)| crate::text::width(k))
        .max()
        .unwrap_or(8)
        + 2;
    let mut lines = Vec::new();
    for (k, d) in s.help_keys {
        lines.extend(wrap_prefixed(
            &crate::text::pad(k, kw),
            theme::you(),
            d,
            Style::default(),
            w,
        ));
    }
    lines.push(Line::from(""));
    for t in s.help_sheet {
        lines.extend(wrap_prefixed("", Style::default(), t, Style::default(), w));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
