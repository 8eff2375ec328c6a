//! The debrief replay of a saved meeting: turns so far with their grades
//! (hidden until revealed when asked), the needs as they stood, the score at the end.

use crate::session::NeedState;
use crate::tui::app::App;
use crate::tui::ui::Ctx;
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws the replay screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) -> Option<Position> {
    let r = app.replay_state.as_ref()?;
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
            s.replay, rep.title, s.turn_n, r.pos
        ),
        true,
    );
    let inner = block.inner(main);
    frame.render_widget(block, main);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (i, t) in rep.turns.iter().take(r.pos).enumerate() {
        let shown = !r.hide || i < r.revealed;
        let label = t
            .label
            .filter(|_| shown)
            .map_or_else(String::new, |l| format!("[{}] ", l.code()));
        let input = match &t.input {
            serde_json::Value::String(x) => x.clone(),
            serde_json::Value::Null => app.lang.pick("(结束会谈)", "(end of meeting)").to_string(),
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
            &format!("{} ", state.name(app.lang)),
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
                &format!("{} {}/{}", p.name(app.lang), ps.points, ps.max),
                sw,
            )));
        }
    } else if r.hide {
        sl.push(Line::styled(truncate(s.hidden, sw), ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(sl), si);
    None
}
