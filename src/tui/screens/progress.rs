//! Progress over saved meetings: total score over time, the S/P/I/N counts per
//! meeting as one sparkline each (labelled, not colour alone), the I+N share trend,
//! the best score per scenario and the recent meetings. Every chart column is one
//! meeting, and all charts start at the same column.

use crate::store::Status;
use crate::store::summary::Summary as Record;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Sparkline};

/// The progress screen's state: the meeting selected in the recent list (0 = newest).
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Selected meeting in the recent list.
    pub selected: usize,
}

impl Progress {
    /// Applies one action.
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        match action {
            Action::Back => return Nav::Back,
            Action::Enter => return self.open_selected(sh),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let (up, n) = match action {
                    Action::Up => (true, 1),
                    Action::Down => (false, 1),
                    Action::PageUp => (true, 10),
                    _ => (false, 10),
                };
                let total = finished(sh).len();
                self.selected = if up {
                    self.selected.saturating_sub(n)
                } else {
                    (self.selected + n).min(total.saturating_sub(1))
                };
            }
            Action::Click { x, y, area } => {
                if let Some(row) = row_at(*area, self, sh, *x, *y) {
                    if row == self.selected {
                        return self.open_selected(sh);
                    }
                    self.selected = row;
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    /// The selected meeting's debrief (its full record is read only now).
    fn open_selected(&self, sh: &mut Shared) -> Nav {
        let id = sh
            .meetings()
            .iter()
            .filter(|r| r.status == Status::Finished)
            .nth(self.selected)
            .map(|r| r.id.clone());
        let (Some(id), Some(store)) = (id, sh.store.as_ref()) else {
            return Nav::Stay;
        };
        match store.find(&id) {
            Ok(r) => Nav::Debrief(Box::new(r), sh.class.hide),
            Err(e) => {
                sh.message = Some(e.to_string());
                Nav::Stay
            }
        }
    }

    /// Draws the progress screen from the history.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        draw(frame, area, self, sh, ctx)
    }
}

/// Columns before the charts' first meeting (the row labels).
const LABEL_W: u16 = 4;

/// Where the progress screen puts its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Score over time: a title row and the bars.
    pub score: Rect,
    /// S/P/I/N counts and the I+N share: a title row, four sparklines and the share.
    pub mix: Rect,
    /// Best score per scenario: a title row and the scenarios.
    pub best: Rect,
    /// Recent meetings: a title row and the list (one meeting per row).
    pub recent: Rect,
}

/// The layout of the progress screen's inner area. Short screens get shorter score
/// bars; the best scores and the recent meetings share what is left (side by side
/// from 100 columns), each keeping its title row.
#[must_use]
pub fn areas(inner: Rect, best_rows: usize) -> Areas {
    let bars = if inner.height >= 30 { 5 } else { 3 };
    let [score, mix, rest] = Layout::vertical([
        Constraint::Length(1 + bars),
        Constraint::Length(6),
        Constraint::Min(0),
    ])
    .areas(inner);
    let (best, recent) = if rest.width >= 100 {
        let [b, r] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(rest);
        (b, r)
    } else {
        let fit = u16::try_from(best_rows)
            .unwrap_or(u16::MAX)
            .saturating_add(1);
        let half = (rest.height / 2).max(2);
        let [b, r] =
            Layout::vertical([Constraint::Length(fit.min(half)), Constraint::Min(0)]).areas(rest);
        (b, r)
    };
    Areas {
        score,
        mix,
        best,
        recent,
    }
}

/// The finished meetings, oldest first.
fn finished(sh: &Shared) -> Vec<&Record> {
    let mut done: Vec<&Record> = sh
        .meetings()
        .iter()
        .filter(|r| r.status == Status::Finished)
        .collect();
    done.reverse();
    done
}

/// The scenarios with a best score: (title, best, meetings).
fn bests(sh: &Shared, done: &[&Record]) -> Vec<(String, i32, usize)> {
    sh.scenarios
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let b = sh.best.get(i).copied().flatten()?;
            let n = done.iter().filter(|r| r.scenario == l.meta.id).count();
            Some((l.meta.title.get(sh.lang).to_string(), b, n))
        })
        .collect()
}

/// The progress screen's inner area and its parts, as drawn for `area`.
#[must_use]
pub fn layout(area: Rect, sh: &Shared) -> Areas {
    let inner = crate::tui::widgets::panel_inner(area);
    let done = finished(sh);
    areas(inner, bests(sh, &done).len())
}

/// The recent meeting drawn at (`x`, `y`) (0 = newest) when the screen is drawn in `area`.
#[must_use]
pub fn row_at(area: Rect, p: &Progress, sh: &Shared, x: u16, y: u16) -> Option<usize> {
    let done = finished(sh);
    if done.is_empty() {
        return None;
    }
    let list = below(layout(area, sh).recent, 1);
    if x < list.x || x >= list.right() || y < list.y || y >= list.bottom() {
        return None;
    }
    let n = first_shown(p.selected, usize::from(list.height)) + usize::from(y - list.y);
    (n < done.len()).then_some(n)
}

fn draw(frame: &mut Frame, area: Rect, p: &Progress, sh: &Shared, ctx: &Ctx) -> Option<Position> {
    let s = ctx.strings;
    let block = ctx.panel(s.progress, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let done = finished(sh);
    if done.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.no_history, ctx.theme.dim())),
            inner,
        );
        return None;
    }
    let best = bests(sh, &done);
    let a = areas(inner, best.len());
    let cols = usize::from(inner.width.saturating_sub(LABEL_W + 1)).clamp(1, 60);
    let recent = &done[done.len().saturating_sub(cols)..];
    draw_score(frame, a.score, recent, ctx);
    draw_mix(frame, a.mix, recent, ctx);
    draw_best(frame, a.best, &best, ctx);
    draw_recent(frame, a.recent, &done, p, ctx);
    None
}

/// A chart row: its label, then `data` as a sparkline of `height` rows.
fn chart(frame: &mut Frame, ctx: &Ctx, r: Rect, label: &str, data: &[u64], max: u64, style: Style) {
    frame.render_widget(
        Paragraph::new(Line::styled(
            crate::text::pad(label, usize::from(LABEL_W)),
            ctx.theme.dim(),
        )),
        Rect {
            width: LABEL_W.min(r.width),
            ..r
        },
    );
    let bars = Rect {
        x: r.x + LABEL_W.min(r.width),
        width: r.width.saturating_sub(LABEL_W),
        ..r
    };
    frame.render_widget(
        Sparkline::default().data(data).max(max.max(1)).style(style),
        bars,
    );
}

fn title(frame: &mut Frame, ctx: &Ctx, r: Rect, text: &str) {
    let row = Rect {
        height: 1.min(r.height),
        ..r
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate(text, usize::from(r.width)),
            ctx.theme.title(),
        )),
        row,
    );
}

fn below(r: Rect, rows: u16) -> Rect {
    let rows = rows.min(r.height);
    Rect {
        y: r.y + rows,
        height: r.height - rows,
        ..r
    }
}

fn draw_score(frame: &mut Frame, r: Rect, recent: &[&Record], ctx: &Ctx) {
    let s = ctx.strings;
    let first = recent.first().map_or(0, |r| r.score.total);
    let last = recent.last().map_or(0, |r| r.score.total);
    title(
        frame,
        ctx,
        r,
        &format!("{} ({first} → {last})", s.score_over_time),
    );
    let bars = below(r, 1);
    let data: Vec<u64> = recent
        .iter()
        .map(|r| u64::try_from(r.score.total.clamp(0, 100)).unwrap_or(0))
        .collect();
    chart(frame, ctx, bars, "100", &data, 100, ctx.theme.good());
    if bars.height > 1 {
        let zero = Rect {
            y: bars.bottom() - 1,
            height: 1,
            width: LABEL_W.min(bars.width),
            ..bars
        };
        frame.render_widget(Paragraph::new(Line::styled("  0", ctx.theme.dim())), zero);
    }
}

fn draw_mix(frame: &mut Frame, r: Rect, recent: &[&Record], ctx: &Ctx) {
    let s = ctx.strings;
    title(frame, ctx, r, s.mix);
    let counts = |f: fn(&crate::report::Counts) -> u32| -> Vec<u64> {
        recent.iter().map(|r| u64::from(f(&r.counts))).collect()
    };
    let rows: [(&str, Vec<u64>, Style); 4] = [
        ("  S", counts(|c| c.situation), ctx.theme.dim()),
        ("  P", counts(|c| c.problem), ctx.theme.neutral()),
        ("  I", counts(|c| c.implication), ctx.theme.you()),
        ("  N", counts(|c| c.need_payoff), ctx.theme.good()),
    ];
    // One scale for the four rows, so their heights compare.
    let max = rows
        .iter()
        .flat_map(|(_, d, _)| d.iter().copied())
        .max()
        .unwrap_or(1);
    for (k, (label, data, style)) in rows.iter().enumerate() {
        let row = below(r, 1 + u16::try_from(k).unwrap_or(0));
        chart(
            frame,
            ctx,
            Rect {
                height: 1.min(row.height),
                ..row
            },
            label,
            data,
            max,
            *style,
        );
    }
    let share: Vec<u64> = recent
        .iter()
        .map(|r| u64::from(r.counts.in_share.min(100)))
        .collect();
    let row = below(r, 5);
    chart(
        frame,
        ctx,
        Rect {
            height: 1.min(row.height),
            ..row
        },
        "I+N",
        &share,
        100,
        ctx.theme.title(),
    );
}

fn draw_best(frame: &mut Frame, r: Rect, best: &[(String, i32, usize)], ctx: &Ctx) {
    let s = ctx.strings;
    title(frame, ctx, r, s.best_per_scenario);
    let list = below(r, 1);
    let rows = usize::from(list.height);
    let w = usize::from(list.width);
    let tw = w.saturating_sub(12).max(4);
    let mut lines: Vec<Line> = best
        .iter()
        .map(|(t, b, n)| {
            Line::from(format!(
                "  {} {b:>3}  ×{n}",
                crate::text::pad(&truncate(t, tw), tw)
            ))
        })
        .collect();
    if lines.len() > rows && rows > 0 {
        let more = lines.len() - (rows - 1);
        lines.truncate(rows - 1);
        lines.push(Line::styled(format!("  … +{more}"), ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// The first meeting shown in the recent list so that the selected one is visible.
#[must_use]
pub fn first_shown(selected: usize, rows: usize) -> usize {
    (selected + 1).saturating_sub(rows.max(1))
}

fn draw_recent(frame: &mut Frame, r: Rect, done: &[&Record], p: &Progress, ctx: &Ctx) {
    let s = ctx.strings;
    title(frame, ctx, r, s.recent);
    let list = below(r, 1);
    let w = usize::from(list.width);
    let rows = usize::from(list.height);
    let first = first_shown(p.selected, rows);
    let lines: Vec<Line> = done
        .iter()
        .rev()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, r)| {
            let sel = i == p.selected;
            let row = format!(
                "{} {} {:>3}  {}",
                if sel { "▶" } else { " " },
                crate::store::time::display(r.when()),
                r.score.total,
                r.title
            );
            Line::styled(
                truncate(&row, w),
                if sel {
                    ctx.theme.selected()
                } else {
                    Style::default()
                },
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
