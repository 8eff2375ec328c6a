//! The debrief of a saved meeting: step through it turn by turn with its grades
//! (hidden until the trainer reveals them when asked), the needs as they stood,
//! the score at the end.

use crate::session::NeedState;
use crate::store::Record;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// A saved meeting being debriefed.
#[derive(Debug, Clone)]
pub struct Debrief {
    /// The meeting.
    pub record: Record,
    /// Turns shown so far (1 ..= number of turns).
    pub pos: usize,
    /// Scores hidden until revealed.
    pub hide: bool,
    /// Turns whose grades are revealed while hiding.
    pub revealed: usize,
    /// Lines scrolled up from the end.
    pub scroll: u16,
}

/// Finds a meeting for replay: a saved id or prefix, or a meeting or export JSON file.
///
/// # Errors
/// A message saying what was not found and how to find it.
pub fn find(store: Option<&crate::store::Store>, what: &str) -> Result<Record, String> {
    let p = std::path::Path::new(what);
    if p.is_file() {
        let src =
            crate::scenario::load::read_bounded(p, 64 * 1024 * 1024).map_err(|e| e.to_string())?;
        let rec = if let Ok(r) = serde_json::from_str::<Record>(&src) {
            r
        } else {
            // An export file (`spin-coach export --format json`): its first meeting.
            #[derive(serde::Deserialize)]
            struct Exported {
                meetings: Vec<Record>,
            }
            serde_json::from_str::<Exported>(&src)
                .ok()
                .and_then(|e| e.meetings.into_iter().next())
                .ok_or_else(|| format!("{}: error: not a saved meeting or export file (use `spin-coach history` to find ids)", crate::text::sanitize_line(what)))?
        };
        rec.check().map_err(|why| {
            format!(
                "{}: error: {} (export the meeting again)",
                crate::text::sanitize_line(what),
                crate::text::sanitize_line(&why)
            )
        })?;
        return Ok(rec);
    }
    match store {
        Some(s) => s.find(what).map_err(|e| e.to_string()),
        None => Err("no history folder".into()),
    }
}

impl Debrief {
    /// The debrief of a meeting, showing its first turn.
    #[must_use]
    pub fn new(record: Record, hide: bool) -> Debrief {
        Debrief {
            pos: 1.min(record.report.turns.len()),
            record,
            hide,
            revealed: 0,
            scroll: 0,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: &Action) -> Nav {
        let n = self.record.report.turns.len();
        match action {
            Action::Back => return Nav::Back,
            Action::Next | Action::Enter => {
                self.pos = (self.pos + 1).min(n);
                self.scroll = 0;
            }
            Action::Prev => {
                self.pos = self.pos.saturating_sub(1).max(1.min(n));
                self.scroll = 0;
            }
            Action::RevealNext => self.revealed = (self.revealed + 1).min(self.pos),
            Action::RevealAll => self.revealed = n,
            // The scroll counts lines up from the end.
            Action::Up => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_add(10),
            Action::Down => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        Nav::Stay
    }

    /// Draws the debrief.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        let r = self;
        let s = ctx.strings;
        let rep = &r.record.report;
        let n = rep.turns.len();
        let side_w = (area.width / 3).clamp(24, 36);
        let [main, side] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(side_w)]).areas(area);
        let who = r
            .record
            .trainee
            .as_deref()
            .map_or_else(String::new, |t| format!(" · {t}"));
        let block = ctx.panel(
            &format!(
                "{} · {}{who} · {} {}/{n}",
                s.debrief, rep.title, s.turn_n, r.pos
            ),
            true,
        );
        let inner = block.inner(main);
        frame.render_widget(block, main);
        let w = inner.width as usize;
        let mut lines = Vec::new();
        if let Some(o) = &rep.opening {
            lines.extend(wrap_prefixed(
                &format!(" 0 {}: ", o.speaker),
                ctx.theme.customer(),
                &o.text,
                Style::default(),
                w,
            ));
            lines.push(Line::from(""));
        }
        for (i, t) in rep.turns.iter().take(r.pos).enumerate() {
            let shown = !r.hide || i < r.revealed;
            let label = t
                .label
                .filter(|_| shown)
                .map_or_else(String::new, |l| format!("[{}] ", l.code()));
            let input = match &t.input {
                serde_json::Value::String(x) => x.clone(),
                serde_json::Value::Null => {
                    sh.lang.pick("(结束会谈)", "(end of meeting)").to_string()
                }
                other => other.as_object().map_or_else(String::new, |o| {
                    o.values()
                        .filter_map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
            };
            lines.extend(wrap_prefixed(
                &format!("{:>2} {}: ", t.turn, s.you),
                ctx.theme.you(),
                &format!("{label}{input}"),
                Style::default(),
                w,
            ));
            if !t.reply.is_empty() {
                lines.extend(wrap_prefixed(
                    &format!("   {}: ", t.speaker),
                    ctx.theme.customer(),
                    &t.reply,
                    Style::default(),
                    w,
                ));
            }
            if shown {
                for f in &t.step.findings {
                    lines.extend(wrap_prefixed(
                        &format!("   {:+} ", f.points),
                        ctx.theme.points(f.points),
                        &format!("{}: {}", f.rule, f.reason),
                        ctx.theme.points(f.points),
                        w,
                    ));
                }
            } else {
                lines.push(Line::styled(format!("   {}", s.hidden), ctx.theme.dim()));
            }
            lines.push(Line::from(""));
        }
        let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let top = total.saturating_sub(inner.height).saturating_sub(r.scroll);
        frame.render_widget(Paragraph::new(lines).scroll((top, 0)), inner);
        let sb = ctx.panel(s.needs, false);
        let si = sb.inner(side);
        frame.render_widget(sb, side);
        let sw = si.width as usize;
        let mut sl = Vec::new();
        for need in &rep.needs {
            let state = need
                .journey
                .iter()
                .rfind(|j| j.turn <= r.pos)
                .map_or(NeedState::Hidden, |j| j.state);
            sl.extend(wrap_prefixed(
                &format!("{} ", state.name(sh.lang)),
                ctx.theme.title(),
                &need.summary,
                Style::default(),
                sw,
            ));
        }
        sl.push(Line::from(""));
        let all_shown = !r.hide || r.revealed >= n;
        if r.pos >= n && all_shown {
            sl.push(Line::styled(
                format!("{} {}/100", s.score, rep.score.total),
                ctx.theme.title(),
            ));
            for (p, ps) in rep.score.parts.list() {
                sl.push(Line::from(truncate(
                    &format!("{} {}/{}", p.name(sh.lang), ps.points, ps.max),
                    sw,
                )));
            }
        } else if r.hide {
            sl.push(Line::styled(truncate(s.hidden, sw), ctx.theme.dim()));
        }
        frame.render_widget(Paragraph::new(sl), si);
        None
    }
}
