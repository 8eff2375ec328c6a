//! The review: total and parts as bars, behaviour counts, needs journey,
//! the relationship quadrant, the top tips and every turn's grade.

use crate::report::Report;
use crate::session::NeedState;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::screens::meeting::Meeting;
use crate::tui::screens::transcript::transcript_lines;
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The review's state: the meeting that ended and the scroll.
pub struct Review {
    /// The meeting, over.
    pub meeting: Meeting,
    /// Lines scrolled.
    pub scroll: u16,
}

impl Review {
    /// Applies one action: Enter or Esc return to the picker, arrows scroll.
    pub fn update(&mut self, action: &Action) -> Nav {
        match action {
            Action::Enter | Action::Back => return Nav::Home,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            _ => {}
        }
        Nav::Stay
    }

    /// Draws the review of the meeting.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        let m = &self.meeting;
        let s = ctx.strings;
        let r = &m.report;
        let [top, rest] = Layout::vertical([Constraint::Length(8), Constraint::Min(3)]).areas(area);
        let [scores, rel] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(30)]).areas(top);
        draw_scores(frame, scores, r, sh, ctx);
        draw_relationship(frame, rel, r, ctx);
        let block = ctx.panel(&format!("{} · {}", s.review, r.title), false);
        let inner = block.inner(rest);
        frame.render_widget(block, rest);
        let w = inner.width as usize;
        let mut lines = Vec::new();
        let c = &r.counts;
        lines.push(Line::styled(s.counts, ctx.theme.title()));
        lines.push(Line::from(format!(
            "  {}: S {} · P {} · I {} · N {} · - {}   I+N {}%",
            s.questions, c.situation, c.problem, c.implication, c.need_payoff, c.other, c.in_share
        )));
        lines.push(Line::from(format!(
            "  {}: {} {} · {} {} · {} {}   FFAB: F {} · Fn {} · A {} · B {}",
            s.needs,
            NeedState::Implied.name(sh.lang),
            c.implied_needs,
            NeedState::Explicit.name(sh.lang),
            c.explicit_needs,
            NeedState::Met.name(sh.lang),
            c.met_needs,
            c.features,
            c.functions,
            c.advantages,
            c.benefits
        )));
        lines.push(Line::styled(s.journey, ctx.theme.title()));
        for n in &r.needs {
            let path = if n.journey.is_empty() {
                NeedState::Hidden.name(sh.lang).to_string()
            } else {
                n.journey
                    .iter()
                    .map(|j| format!("{} t{}", j.state.name(sh.lang), j.turn))
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            lines.extend(wrap_prefixed(
                "  ",
                Style::default(),
                &format!("{}: {path}", n.summary),
                Style::default(),
                w,
            ));
        }
        lines.push(Line::styled(s.tips, ctx.theme.title()));
        for (i, t) in r.tips.iter().enumerate() {
            let at = t.turn.map_or_else(String::new, |n| format!(" t{n}"));
            lines.extend(wrap_prefixed(
                &format!("  {}. ", i + 1),
                ctx.theme.you(),
                &format!("[{}{at}] {}", t.rule, t.tip),
                Style::default(),
                w,
            ));
        }
        lines.push(Line::styled(s.turns, ctx.theme.title()));
        lines.extend(transcript_lines(
            m.session.opening().as_ref(),
            m.steps(),
            ctx,
            w,
            usize::MAX,
        ));
        for f in &r.closing {
            lines.extend(wrap_prefixed(
                &format!("   {:+} ", f.points),
                ctx.theme.points(f.points),
                &format!("{}: {}", f.rule, f.reason),
                ctx.theme.points(f.points),
                w,
            ));
        }
        let max = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_sub(inner.height);
        frame.render_widget(
            Paragraph::new(lines).scroll((self.scroll.min(max), 0)),
            inner,
        );
        None
    }
}

fn draw_scores(frame: &mut Frame, area: Rect, r: &Report, sh: &Shared, ctx: &Ctx) {
    let s = ctx.strings;
    let block = ctx.panel(&format!("{} {}/100", s.score, r.score.total), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let names: Vec<&str> = r
        .score
        .parts
        .list()
        .iter()
        .map(|(p, _)| p.name(sh.lang))
        .collect();
    let nw = names
        .iter()
        .map(|n| crate::text::width(n))
        .max()
        .unwrap_or(10);
    let bar_w = (inner.width as usize).saturating_sub(nw + 9).max(1);
    let mut lines = vec![Line::styled(
        format!("{} {}/100", s.score, r.score.total),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    for ((_, ps), name) in r.score.parts.list().iter().zip(names) {
        let fill = usize::try_from(ps.points).unwrap_or(0) * bar_w
            / usize::try_from(ps.max.max(1)).unwrap_or(1);
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{} {:>2}/{:<2} ",
                crate::text::pad(name, nw),
                ps.points,
                ps.max
            )),
            Span::styled("█".repeat(fill), ctx.theme.good()),
            Span::styled("░".repeat(bar_w - fill), ctx.theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_relationship(frame: &mut Frame, area: Rect, r: &Report, ctx: &Ctx) {
    let s = ctx.strings;
    let block = ctx.panel(s.relationship, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let q = ["partner", "supplier", "friend", "outsider"];
    let cell = |i: usize| {
        let name = s.quadrants[i];
        if r.relationship.quadrant == q[i] {
            format!("[★ {name}]")
        } else {
            format!("  {name}  ")
        }
    };
    let cw = (inner.width as usize / 2).max(6);
    let yes_no = |b: bool| if b { s.met } else { s.not_met };
    let lines = vec![
        Line::from(truncate(
            &format!(
                "{}: {}",
                s.institutional,
                yes_no(r.relationship.institutional)
            ),
            inner.width as usize,
        )),
        Line::from(truncate(
            &format!("{}: {}", s.personal, yes_no(r.relationship.personal)),
            inner.width as usize,
        )),
        Line::from(format!("{}{}", crate::text::pad(&cell(0), cw), cell(1))),
        Line::from(format!("{}{}", crate::text::pad(&cell(2), cw), cell(3))),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
