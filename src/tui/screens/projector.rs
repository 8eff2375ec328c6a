//! The projector layout (about 100×30): the stage and the SPIN tracker in large
//! figures, the score when not hidden, the last turns and a one-line needs board.
//! Large figures use tui-big-text for digits and Latin letters only; Chinese
//! stays in normal cells. Also the class-vote panel.

use crate::classroom::vote::stage;
use crate::session::NeedState;
use crate::tui::big::BigText;
use crate::tui::screens::meeting::Meeting;
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

fn stage_index(st: crate::scenario::VoteStage) -> usize {
    use crate::scenario::VoteStage as V;
    match st {
        V::Opening => 0,
        V::Problem => 1,
        V::Implication => 2,
        V::NeedPayoff => 3,
        V::Present => 4,
        V::Close => 5,
    }
}

/// Draws the projector layout of a meeting.
pub fn draw(frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx, m: &Meeting, visible: usize) {
    let s = ctx.strings;
    let big_h = if area.height >= 16 { 6 } else { 0 };
    let [top, needs, rest] = Layout::vertical([
        Constraint::Length(big_h),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(area);
    if big_h > 0 {
        let [stage_r, track_r] =
            Layout::horizontal([Constraint::Length(26), Constraint::Min(10)]).areas(top);
        let st = stage(m.needs(), m.steps());
        let sb = ctx.panel(s.tracker, true);
        let si = sb.inner(stage_r);
        frame.render_widget(sb, stage_r);
        let names = ["S", "P", "I", "N", "FFAB", "GO"];
        let idx = stage_index(st);
        frame.render_widget(
            Paragraph::new(vec![Line::styled(
                format!("▶ {}", s.stages[idx]),
                ctx.theme.title(),
            )]),
            si,
        );
        if si.height > 1 {
            let r = Rect {
                y: si.y + 1,
                height: si.height - 1,
                ..si
            };
            frame.render_widget(BigText::new(names[idx], ctx.theme.you()), r);
        }
        let c = &m.report.counts;
        let mut figures = format!(
            "S{} P{} I{} N{}",
            c.situation, c.problem, c.implication, c.need_payoff
        );
        if !sh.class.hide {
            figures.push_str(&format!(" {}", m.report.score.total));
        }
        let tb = ctx.panel(
            &format!(
                "S P I N · I+N {}%{}",
                c.in_share,
                if sh.class.hide {
                    String::new()
                } else {
                    format!(" · {}", s.score)
                }
            ),
            false,
        );
        let ti = tb.inner(track_r);
        frame.render_widget(tb, track_r);
        frame.render_widget(BigText::new(figures, ctx.theme.title()), ti);
    }
    let sc = m.session.scenario();
    let board: Vec<String> = sc
        .needs
        .iter()
        .zip(m.needs())
        .filter(|(_, p)| p.state > NeedState::Hidden)
        .map(|(n, p)| {
            let mark = match p.state {
                NeedState::Implied => "○",
                NeedState::Developed => "◐",
                NeedState::Explicit => "●",
                _ => "✔",
            };
            format!(
                "{mark} {} {}",
                p.state.name(sh.lang),
                n.summary.get(sh.lang)
            )
        })
        .collect();
    let text = if board.is_empty() {
        s.none_yet.to_string()
    } else {
        board.join("   ")
    };
    frame.render_widget(
        Paragraph::new(wrap_prefixed(
            &format!("{}: ", s.needs),
            ctx.theme.title(),
            &text,
            Style::default(),
            needs.width as usize,
        )),
        needs,
    );
    let block = ctx.panel(s.transcript, false);
    let inner = block.inner(rest);
    frame.render_widget(block, rest);
    crate::tui::screens::transcript::draw_transcript_lines(frame, inner, m, ctx, visible);
}

/// Draws the class vote: the suggestions for the current stage, lettered A–D.
pub fn draw_vote(frame: &mut Frame, area: Rect, m: &Meeting, sh: &Shared, ctx: &Ctx) {
    let s = ctx.strings;
    let st = stage(m.needs(), m.steps());
    let block = ctx.panel(&format!("{} · {}", s.vote, s.stages[stage_index(st)]), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let opts = &m.vote;
    let mut lines = Vec::new();
    if opts.is_empty() {
        lines.push(Line::styled(s.no_suggestions, ctx.theme.dim()));
    }
    for (i, (text, input)) in opts.iter().enumerate() {
        let letter = char::from(b'A' + u8::try_from(i).unwrap_or(0));
        let kind = match input.kind() {
            "present" => sh.lang.pick("(展示) ", "(present) "),
            "propose" => sh.lang.pick("(推进) ", "(propose) "),
            _ => "",
        };
        lines.push(Line::from(truncate(&format!("{letter}. {kind}{text}"), w)));
    }
    lines.push(Line::styled(truncate(s.vote_hint, w), ctx.theme.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}
