//! Progress over saved meetings: total score over time, the S/P/I/N mix per
//! meeting as stacked bars (letters, not colour alone), the I+N share trend and
//! the best score per scenario.

use crate::store::Status;
use crate::tui::app::App;
use crate::tui::i18n::strings;
use crate::tui::theme;
use crate::tui::ui::panel;
use crate::tui::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws the progress screen from the app's history.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) -> Option<Position> {
    let s = strings(app.lang);
    let block = panel(s.progress, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut done: Vec<&crate::store::Record> = app
        .history
        .iter()
        .filter(|r| r.status == Status::Finished)
        .collect();
    done.reverse(); // oldest first
    if done.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.no_history, theme::dim())),
            inner,
        );
        return None;
    }
    let w = inner.width as usize;
    let cols = w.saturating_sub(6).clamp(1, 60);
    let recent = &done[done.len().saturating_sub(cols)..];
    let [chart, mix, rest] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(9),
        Constraint::Min(1),
    ])
    .areas(inner);
    // Score over time: 5 rows of bars, each column one meeting.
    let mut lines = vec![Line::styled(s.score_over_time, theme::title())];
    for row in (0..5).rev() {
        let label = if row == 4 {
            "100 "
        } else if row == 0 {
            "  0 "
        } else {
            "    "
        };
        let cells: String = recent
            .iter()
            .map(|r| {
                let v = r.report.score.total.clamp(0, 100) * 40 / 100; // 0..=40 eighths over 5 rows
                let here = (v - row * 8).clamp(0, 8);
                if here == 0 {
                    ' '
                } else {
                    BARS[usize::try_from(here - 1).unwrap_or(0)]
                }
            })
            .collect();
        lines.push(Line::from(vec![
            Span::styled(label, theme::dim()),
            Span::styled(cells, theme::good()),
        ]));
    }
    let last = recent.last().map_or(0, |r| r.report.score.total);
    lines.push(Line::styled(
        format!(
            "    {} → {last}",
            recent.first().map_or(0, |r| r.report.score.total)
        ),
        theme::dim(),
    ));
    frame.render_widget(Paragraph::new(lines), chart);
    // S/P/I/N mix: stacked letters, bottom S, then P, I, N, scaled to 7 rows.
    let mut ml = vec![Line::styled(format!("{} (S P I N)", s.mix), theme::title())];
    let stacks: Vec<Vec<char>> = recent
        .iter()
        .map(|r| {
            let c = &r.report.counts;
            let total = (c.situation + c.problem + c.implication + c.need_payoff).max(1);
            let mut col = Vec::new();
            for (n, ch) in [
                (c.situation, 'S'),
                (c.problem, 'P'),
                (c.implication, 'I'),
                (c.need_payoff, 'N'),
            ] {
                let cells = (n * 7 + total / 2) / total;
                col.extend(std::iter::repeat_n(ch, usize::try_from(cells).unwrap_or(0)));
            }
            col.truncate(7);
            col
        })
        .collect();
    for row in (0..7).rev() {
        let spans: Vec<Span> = stacks
            .iter()
            .map(|col| {
                let ch = col.get(row).copied().unwrap_or(' ');
                let style = match ch {
                    'S' => theme::dim(),
                    'P' => theme::neutral(),
                    'I' => theme::you(),
                    'N' => theme::good(),
                    _ => Style::default(),
                };
                Span::styled(ch.to_string(), style)
            })
            .collect();
        let mut all = vec![Span::raw("    ")];
        all.extend(spans);
        ml.push(Line::from(all));
    }
    let shares: String = recent
        .iter()
        .map(|r| BARS[usize::try_from(r.report.counts.in_share.min(100) * 7 / 100).unwrap_or(0)])
        .collect();
    ml.push(Line::from(vec![
        Span::styled(format!("{} ", s.in_trend), theme::title()),
        Span::raw(shares),
    ]));
    frame.render_widget(Paragraph::new(ml), mix);
    // Best per scenario.
    let mut bl = vec![Line::styled(s.best_per_scenario, theme::title())];
    let tw = w.saturating_sub(16).max(8);
    for (i, l) in app.scenarios.iter().enumerate() {
        if let Some(Some(b)) = app.best.get(i) {
            let n = done
                .iter()
                .filter(|r| r.scenario == l.scenario.id.value)
                .count();
            let title = truncate(l.scenario.title.get(app.lang), tw);
            bl.push(Line::from(format!(
                "  {} {b:>3}  ×{n}",
                crate::text::pad(&title, tw)
            )));
        }
    }
    bl.push(Line::styled(s.recent, theme::title()));
    let first_row = bl.len();
    for (i, r) in done.iter().rev().enumerate() {
        let sel = i == app.progress_selected;
        let date = crate::store::time::display(r.when());
        let row = format!(
            "{} {} {:>3}  {}",
            if sel { "▶" } else { " " },
            date,
            r.report.score.total,
            r.title
        );
        bl.push(Line::styled(
            truncate(&row, w),
            if sel {
                theme::selected()
            } else {
                Style::default()
            },
        ));
    }
    let want = u16::try_from(first_row + app.progress_selected + 1).unwrap_or(u16::MAX);
    let scroll = want.saturating_sub(rest.height);
    frame.render_widget(Paragraph::new(bl).scroll((scroll, 0)), rest);
    None
}
