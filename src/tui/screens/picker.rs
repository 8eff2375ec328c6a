//! The scenario picker: filterable list with language, segment, industry, difficulty and best score.

use crate::tui::app::App;
use crate::tui::history::Row;
use crate::tui::ui::Ctx;
use crate::tui::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The list's inner area (a header row, then the rows) and the first row shown.
fn list(area: Rect, app: &App) -> (Rect, usize) {
    let [_, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let inner = crate::tui::ui::panel_inner(list);
    let visible = inner.height.saturating_sub(1) as usize;
    (
        inner,
        app.selected.saturating_sub(visible.saturating_sub(1)),
    )
}

/// The picker row drawn at (`x`, `y`) when the screen is drawn in `area`.
#[must_use]
pub fn row_at(area: Rect, app: &App, x: u16, y: u16) -> Option<usize> {
    let (inner, first) = list(area, app);
    if x < inner.x || x >= inner.right() || y <= inner.y || y >= inner.bottom() {
        return None;
    }
    let n = first + usize::from(y - inner.y - 1);
    (n < app.picker_rows().len()).then_some(n)
}

/// Draws the picker; the cursor sits at the end of the filter.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) -> Option<Position> {
    let s = ctx.strings;
    let [head, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let filter_text = if app.filter.is_empty() {
        Span::styled(s.filter_hint, ctx.theme.dim())
    } else {
        Span::raw(crate::text::sanitize_line(&app.filter))
    };
    let fblock = ctx.panel(&format!("{} · {}", s.app, s.filter), true);
    let finner = fblock.inner(head);
    frame.render_widget(Paragraph::new(Line::from(filter_text)).block(fblock), head);
    let block = ctx.panel(s.picker_title, false);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let rows = app.picker_rows();
    let w = inner.width as usize;
    // Columns: title (flex) · lang 4 · seg 4 (类别 is 4 columns) · level 6 · best 4 · industry (rest when wide)
    let industry_w = if w >= 100 { 24 } else { 0 };
    // marker 2 + gaps 2×4 + lang 4 + seg 4 + level 6 + best 4 (+ gap 2 + industry)
    let fixed = 28 + if industry_w > 0 { industry_w + 2 } else { 0 };
    let title_w = w.saturating_sub(fixed).max(8);
    let header = format!(
        "{}  {}  {}  {}  {}{}",
        crate::text::pad(&truncate(s.col_title, title_w), title_w),
        crate::text::pad(s.col_lang, 4),
        crate::text::pad(s.col_segment, 4),
        crate::text::pad(s.col_difficulty, 6),
        crate::text::pad(s.col_best, 4),
        if industry_w > 0 {
            format!("  {}", s.col_industry)
        } else {
            String::new()
        }
    );
    let mut lines = vec![Line::styled(
        truncate(&format!("  {header}"), w),
        ctx.theme.dim(),
    )];
    if rows.is_empty() {
        lines.push(Line::styled(s.no_match, ctx.theme.dim()));
    }
    let visible = inner.height.saturating_sub(1) as usize;
    let (_, first) = self::list(area, app);
    for (n, row) in rows.iter().enumerate().skip(first).take(visible) {
        let i = match row {
            Row::Scenario(i) => *i,
            Row::Resume(h) => {
                let marker = if n == app.selected { "▶ " } else { "  " };
                let style = if n == app.selected {
                    ctx.theme.selected()
                } else {
                    ctx.theme.you()
                };
                let text = app
                    .history
                    .unfinished
                    .get(*h)
                    .map_or_else(String::new, |r| {
                        format!(
                            "⏸ {}: {} · {} {} · {}",
                            s.resume,
                            r.title,
                            s.turn_n,
                            r.turns,
                            crate::store::time::display(&r.started_at)
                        )
                    });
                lines.push(Line::styled(truncate(&format!("{marker}{text}"), w), style));
                continue;
            }
        };
        let sc = &app.scenarios[i].meta;
        let best = app
            .best
            .get(i)
            .copied()
            .flatten()
            .map_or_else(|| "-".to_string(), |b| b.to_string());
        let row = format!(
            "{}  {}  {}  {}  {}{}",
            crate::text::pad(&truncate(sc.title.get(app.lang), title_w), title_w),
            crate::text::pad(sc.language.code(), 4),
            crate::text::pad(sc.segment.code(), 4),
            crate::text::pad(crate::tui::i18n::difficulty(sc.difficulty, app.lang), 6),
            crate::text::pad(&best, 4),
            if industry_w > 0 {
                format!("  {}", truncate(sc.industry.get(app.lang), industry_w))
            } else {
                String::new()
            }
        );
        let marker = if n == app.selected { "▶ " } else { "  " };
        let style = if n == app.selected {
            ctx.theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::styled(truncate(&format!("{marker}{row}"), w), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = finner.x
        + crate::text::width(&app.filter).min(finner.width.saturating_sub(1) as usize) as u16;
    Some(Position { x, y: finner.y })
}
