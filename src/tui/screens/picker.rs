//! The scenario picker: filterable list with language, segment, industry, difficulty
//! and best score, unfinished meetings to resume first. Always at the bottom of the
//! trainer's screens.

use crate::store::Status;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A row of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An unfinished meeting (index into the history's unfinished meetings).
    Resume(usize),
    /// A scenario (index into the catalogue).
    Scenario(usize),
}

/// The picker's state: the filter and the selected row.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// Filter text.
    pub filter: String,
    /// Selected row among the rows shown.
    pub selected: usize,
}

impl Picker {
    /// Indices of the scenarios that match the filter.
    #[must_use]
    pub fn filtered(&self, sh: &Shared) -> Vec<usize> {
        let f = crate::text::normalize(&self.filter);
        (0..sh.scenarios.len())
            .filter(|i| {
                if f.is_empty() {
                    return true;
                }
                let s = &sh.scenarios[*i].meta;
                let hay = format!(
                    "{} {} {} {} {} {}",
                    s.id,
                    s.title.get(sh.lang),
                    s.industry.get(sh.lang),
                    s.segment.code(),
                    s.difficulty.code(),
                    crate::tui::i18n::difficulty(s.difficulty, sh.lang)
                );
                crate::text::normalize(&hay).contains(&f)
            })
            .collect()
    }

    /// The rows: unfinished meetings of the scenarios shown, then the scenarios.
    #[must_use]
    pub fn rows(&self, sh: &Shared) -> Vec<Row> {
        let shown = self.filtered(sh);
        let resumable = sh.history.unfinished.iter().enumerate().filter(|(_, r)| {
            r.status == Status::Unfinished
                && shown.iter().any(|i| sh.scenarios[*i].meta.id == r.scenario)
        });
        let mut rows: Vec<Row> = resumable.map(|(i, _)| Row::Resume(i)).collect();
        rows.extend(shown.into_iter().map(Row::Scenario));
        rows
    }

    /// Applies one action; `area` is where the screen is drawn (for clicks).
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        match action {
            Action::Enter => {
                return match self.rows(sh).get(self.selected).copied() {
                    Some(Row::Scenario(i)) => Nav::Brief(i),
                    Some(Row::Resume(h)) => Nav::Resume(h),
                    None => Nav::Stay,
                };
            }
            Action::OpenProgress => return Nav::Progress,
            Action::OpenLearn => return Nav::Learn,
            Action::Back => {
                self.filter.clear();
                self.selected = 0;
            }
            Action::FilterChar(c) => {
                self.filter.push(*c);
                self.selected = 0;
            }
            Action::FilterBackspace => {
                self.filter.pop();
                self.selected = 0;
            }
            Action::Paste(text) => {
                self.filter.push_str(&crate::text::sanitize_line(text));
                self.selected = 0;
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let len = self.rows(sh).len();
                if len == 0 {
                    return Nav::Stay;
                }
                let (up, n) = match action {
                    Action::Up => (true, 1),
                    Action::Down => (false, 1),
                    Action::PageUp => (true, 10),
                    _ => (false, 10),
                };
                self.selected = if up {
                    self.selected.saturating_sub(n)
                } else {
                    (self.selected + n).min(len - 1)
                };
            }
            Action::Click { x, y, area } => {
                if let Some(row) = self.row_at(*area, sh, *x, *y) {
                    if row == self.selected {
                        return self.update(&Action::Enter, sh);
                    }
                    self.selected = row;
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    /// The list's inner area (a header row, then the rows) and the first row shown.
    fn list(&self, area: Rect) -> (Rect, usize) {
        let [_, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        let inner = crate::tui::widgets::panel_inner(list);
        let visible = inner.height.saturating_sub(1) as usize;
        (
            inner,
            self.selected.saturating_sub(visible.saturating_sub(1)),
        )
    }

    /// The row drawn at (`x`, `y`) when the screen is drawn in `area`.
    #[must_use]
    pub fn row_at(&self, area: Rect, sh: &Shared, x: u16, y: u16) -> Option<usize> {
        let (inner, first) = self.list(area);
        if x < inner.x || x >= inner.right() || y <= inner.y || y >= inner.bottom() {
            return None;
        }
        let n = first + usize::from(y - inner.y - 1);
        (n < self.rows(sh).len()).then_some(n)
    }

    /// Draws the picker; the cursor sits at the end of the filter.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        let s = ctx.strings;
        let [head, list] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        let filter_text = if self.filter.is_empty() {
            Span::styled(s.filter_hint, ctx.theme.dim())
        } else {
            Span::raw(crate::text::sanitize_line(&self.filter))
        };
        let fblock = ctx.panel(&format!("{} · {}", s.app, s.filter), true);
        let finner = fblock.inner(head);
        frame.render_widget(Paragraph::new(Line::from(filter_text)).block(fblock), head);
        let block = ctx.panel(s.picker_title, false);
        let inner = block.inner(list);
        frame.render_widget(block, list);
        let rows = self.rows(sh);
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
        let (_, first) = self.list(area);
        for (n, row) in rows.iter().enumerate().skip(first).take(visible) {
            let i = match row {
                Row::Scenario(i) => *i,
                Row::Resume(h) => {
                    let marker = if n == self.selected { "▶ " } else { "  " };
                    let style = if n == self.selected {
                        ctx.theme.selected()
                    } else {
                        ctx.theme.you()
                    };
                    let text = sh.history.unfinished.get(*h).map_or_else(String::new, |r| {
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
            let sc = &sh.scenarios[i].meta;
            let best = sh
                .best
                .get(i)
                .copied()
                .flatten()
                .map_or_else(|| "-".to_string(), |b| b.to_string());
            let row = format!(
                "{}  {}  {}  {}  {}{}",
                crate::text::pad(&truncate(sc.title.get(sh.lang), title_w), title_w),
                crate::text::pad(sc.language.code(), 4),
                crate::text::pad(sc.segment.code(), 4),
                crate::text::pad(crate::tui::i18n::difficulty(sc.difficulty, sh.lang), 6),
                crate::text::pad(&best, 4),
                if industry_w > 0 {
                    format!("  {}", truncate(sc.industry.get(sh.lang), industry_w))
                } else {
                    String::new()
                }
            );
            let marker = if n == self.selected { "▶ " } else { "  " };
            let style = if n == self.selected {
                ctx.theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::styled(truncate(&format!("{marker}{row}"), w), style));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        let x = finner.x
            + crate::text::width(&self.filter).min(finner.width.saturating_sub(1) as usize) as u16;
        Some(Position { x, y: finner.y })
    }
}
