//! The help overlay: keys (in two columns when space is short) and a SPIN / FFAB
//! cheat sheet with the deck's connecting phrases.

use crate::tui::keymap::Kind;
use crate::tui::widgets::{Ctx, centered};
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the help overlay over everything, the keys of screen `kind` first.
pub fn draw(frame: &mut Frame, area: Rect, kind: Kind, ctx: &Ctx) {
    let s = ctx.strings;
    let r = centered(
        area,
        area.width.saturating_sub(2).min(110),
        area.height.saturating_sub(1),
    );
    crate::tui::widgets::clear(frame, r);
    let block = ctx.panel(s.help, true);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let w = inner.width as usize;
    // This screen's keys first, then the keys that work everywhere.
    let here = crate::tui::i18n::screen_keys(kind, ctx.lang);
    let mut entries: Vec<(&str, &str, bool)> = vec![(s.help_here, "", true)];
    entries.extend(here.iter().map(|(k, d)| (*k, *d, false)));
    entries.push((s.help_everywhere, "", true));
    entries.extend(s.help_keys.iter().map(|(k, d)| (*k, *d, false)));
    let kw = entries
        .iter()
        .filter(|e| !e.2)
        .map(|(k, _, _)| crate::text::width(k))
        .max()
        .unwrap_or(8)
        + 2;
    let sheet: Vec<Line> = s
        .help_sheet
        .iter()
        .flat_map(|t| wrap_prefixed("", Style::default(), t, Style::default(), w))
        .collect();
    let one_column = entries.len() + 1 + sheet.len() <= inner.height as usize;
    let mut lines = Vec::new();
    if one_column {
        for (k, d, heading) in &entries {
            if *heading {
                lines.push(Line::styled(truncate(k, w), ctx.theme.title()));
                continue;
            }
            lines.extend(wrap_prefixed(
                &crate::text::pad(k, kw),
                ctx.theme.you(),
                d,
                Style::default(),
                w,
            ));
        }
    } else {
        let col = w / 2;
        let cell = |i: usize| -> Vec<Span<'static>> {
            let Some((k, d, heading)) = entries.get(i) else {
                return vec![Span::raw(" ".repeat(col))];
            };
            if *heading {
                return vec![Span::styled(
                    crate::text::pad(&truncate(k, col.saturating_sub(1)), col),
                    ctx.theme.title(),
                )];
            }
            let kw = kw.min(col / 2);
            vec![
                Span::styled(crate::text::pad(&truncate(k, kw), kw), ctx.theme.you()),
                Span::raw(crate::text::pad(
                    &truncate(d, col.saturating_sub(kw + 1)),
                    col.saturating_sub(kw),
                )),
            ]
        };
        // This screen's keys on the left, the keys for everywhere on the right.
        let split = here.len() + 1;
        let rows = split.max(entries.len() - split);
        for i in 0..rows {
            let mut spans = if i < split { cell(i) } else { cell(usize::MAX) };
            spans.extend(cell(split + i));
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::from(""));
    lines.extend(sheet);
    frame.render_widget(Paragraph::new(lines), inner);
}
