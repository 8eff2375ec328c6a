//! The help overlay: keys (in two columns when space is short) and a SPIN / FFAB
//! cheat sheet with the deck's connecting phrases.

use crate::tui::app::App;
use crate::tui::i18n::strings;
use crate::tui::theme;
use crate::tui::ui::{centered, panel};
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the help overlay over everything.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = strings(app.lang);
    let r = centered(
        area,
        area.width.saturating_sub(2).min(110),
        area.height.saturating_sub(1),
    );
    crate::tui::ui::clear(frame, r);
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
    let sheet: Vec<Line> = s
        .help_sheet
        .iter()
        .flat_map(|t| wrap_prefixed("", Style::default(), t, Style::default(), w))
        .collect();
    let one_column = s.help_keys.len() + 1 + sheet.len() <= inner.height as usize;
    let mut lines = Vec::new();
    if one_column {
        for (k, d) in s.help_keys {
            lines.extend(wrap_prefixed(
                &crate::text::pad(k, kw),
                theme::you(),
                d,
                Style::default(),
                w,
            ));
        }
    } else {
        let half = s.help_keys.len().div_ceil(2);
        let col = w / 2;
        let cell = |i: usize| {
            s.help_keys.get(i).map_or_else(
                || (String::new(), String::new()),
                |(k, d)| {
                    (
                        crate::text::pad(k, kw),
                        truncate(d, col.saturating_sub(kw + 1)),
                    )
                },
            )
        };
        for i in 0..half {
            let (k1, d1) = cell(i);
            let (k2, d2) = cell(i + half);
            let left = crate::text::pad(&d1, col.saturating_sub(kw));
            lines.push(Line::from(vec![
                Span::styled(k1, theme::you()),
                Span::raw(left),
                Span::styled(k2, theme::you()),
                Span::raw(d2),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.extend(sheet);
    frame.render_widget(Paragraph::new(lines), inner);
}
