//! Drawing the meeting: transcript, input (ask, FFAB composer, propose), SPIN
//! tracker, needs board, patience and the last grade. The state and its update
//! are in [`meeting`](super::meeting).

use crate::session::{NeedState, Step};
use crate::tui::i18n::Strings;
use crate::tui::screens::meeting::{Focus, Meeting, Mode};
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::{truncate, wrap_prefixed};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the meeting; the cursor goes to the caret of the focused editor.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    m: &Meeting,
    sh: &Shared,
    ctx: &Ctx,
) -> Option<Position> {
    let sc = m.session.scenario();
    let s = ctx.strings;
    let input_h = if m.over() {
        3
    } else if sh.class.vote {
        7
    } else if m.mode == Mode::Present {
        // Five one-row fields and the sentence, which grows with its text.
        7 + sentence_rows(m, s, area.width)
    } else {
        5
    };
    let [header, middle, input] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(input_h),
    ])
    .areas(area);
    let side_w = (area.width / 3).clamp(26, 36);
    let [transcript, side] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(side_w)]).areas(middle);
    let mode = mode_name(m.mode, s);
    let to = m
        .contact
        .and_then(|c| sc.customer.contacts.get(c))
        .map_or(s.to_anyone, |c| c.name.get(sh.lang));
    let clock = if sh.class.shows_clock() {
        let pause = if sh.class.timer.running() {
            ""
        } else {
            s.paused
        };
        format!(
            "⏱ {}{pause} · ",
            crate::tui::class::clock(sh.class.timer.elapsed())
        )
    } else {
        String::new()
    };
    let head = format!("{clock}{} · {mode} · {}: {to}", sc.title.get(sh.lang), s.to);
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate(&head, header.width as usize),
            ctx.theme.title(),
        )),
        header,
    );
    let visible = if sh.class.hide {
        sh.class.revealed
    } else {
        usize::MAX
    };
    if sh.class.projector {
        super::projector::draw(frame, middle, sh, ctx, m, visible);
    } else {
        draw_transcript(frame, transcript, m, ctx, visible);
        draw_side(frame, side, m, sh, ctx);
    }
    if sh.class.vote && !m.over() {
        super::projector::draw_vote(frame, input, m, sh, ctx);
        return None;
    }
    draw_input(frame, input, m, ctx)
}

/// Most rows the one-sentence answer takes before it scrolls.
const MAX_SENTENCE_ROWS: u16 = 4;

/// Width of the composer's labels column.
fn label_width(s: &Strings) -> u16 {
    let w = std::iter::once(s.sentence)
        .chain(s.fields.iter().copied())
        .map(crate::text::width)
        .max()
        .unwrap_or(8);
    u16::try_from(w).unwrap_or(8) + 2
}

/// Rows the one-sentence answer needs in an input panel `width` columns wide: its
/// wrapped lines and a row to type on, at least 1 and at most [`MAX_SENTENCE_ROWS`].
#[must_use]
pub fn sentence_rows(m: &Meeting, s: &Strings, width: u16) -> u16 {
    let editor_w = usize::from(width.saturating_sub(2 + label_width(s)));
    let text = m
        .editors
        .first()
        .map(|e| e.lines().join("\n"))
        .unwrap_or_default();
    if text.is_empty() || editor_w == 0 {
        return 1;
    }
    let lines: usize = text
        .split('\n')
        .map(|l| {
            textwrap::wrap(l, textwrap::Options::new(editor_w).break_words(true))
                .len()
                .max(1)
        })
        .sum();
    u16::try_from(lines + 1)
        .unwrap_or(u16::MAX)
        .clamp(1, MAX_SENTENCE_ROWS)
}

fn mode_name(mode: Mode, s: &Strings) -> &'static str {
    match mode {
        Mode::Ask => s.mode_ask,
        Mode::Present => s.mode_present,
        Mode::Propose => s.mode_propose,
    }
}

fn draw_transcript(frame: &mut Frame, area: Rect, m: &Meeting, ctx: &Ctx, visible: usize) {
    let block = ctx.panel(ctx.strings.transcript, m.focus == Focus::Transcript);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    super::transcript::draw_transcript_lines(frame, inner, m, ctx, visible);
}

/// Height of the tracker panel: counts, the I+N share with patience, the gauge.
const TRACKER_H: u16 = 5;

fn draw_side(frame: &mut Frame, area: Rect, m: &Meeting, sh: &Shared, ctx: &Ctx) {
    let s = ctx.strings;
    let lang = sh.lang;
    let w = area.width.saturating_sub(2) as usize;
    let c = &m.report.counts;
    // The tracker (with the patience gauge) always keeps its rows; the last-step
    // panel takes what its findings need, leaving the needs board at least 3 rows.
    let rest = area.height.saturating_sub(TRACKER_H);
    let want = u16::try_from(grade_panel(m, sh, ctx, w, usize::MAX).len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .clamp(4, 14);
    let mut grade_h = want.min(rest.saturating_sub(3));
    if grade_h < 3 {
        grade_h = 0;
    }
    let [track, needs, grade] = Layout::vertical([
        Constraint::Length(TRACKER_H),
        Constraint::Min(0),
        Constraint::Length(grade_h),
    ])
    .areas(area);
    let filled = usize::try_from(m.patience().max(0)).unwrap_or(0);
    let empty = usize::try_from((m.max_patience - m.patience()).max(0)).unwrap_or(0);
    let tracker = vec![
        Line::from(format!(
            "S {}  P {}  I {}  N {}",
            c.situation, c.problem, c.implication, c.need_payoff
        )),
        Line::from(format!(
            "I+N {}% · {} {}/{}",
            c.in_share,
            s.patience,
            m.patience().max(0),
            m.max_patience
        )),
        Line::from(vec![
            Span::styled("■".repeat(filled), ctx.theme.good()),
            Span::styled("□".repeat(empty), ctx.theme.dim()),
        ]),
    ];
    let tb = ctx.panel(s.tracker, false);
    let ti = tb.inner(track);
    frame.render_widget(tb, track);
    frame.render_widget(
        Paragraph::new(
            tracker
                .into_iter()
                .map(|l| truncate_line(l, w))
                .collect::<Vec<_>>(),
        ),
        ti,
    );
    let nb = ctx.panel(s.needs, false);
    let ni = nb.inner(needs);
    frame.render_widget(nb, needs);
    let sc = m.session.scenario();
    let mut nl = Vec::new();
    for (n, p) in sc.needs.iter().zip(m.needs()) {
        if p.state == NeedState::Hidden {
            continue;
        }
        let mark = match p.state {
            NeedState::Implied => "○",
            NeedState::Developed => "◐",
            NeedState::Explicit => "●",
            _ => "✔",
        };
        let t = format!("{} {}", p.state.name(lang), n.summary.get(lang));
        nl.extend(wrap_prefixed(
            &format!("{mark} "),
            ctx.theme.title(),
            &t,
            Style::default(),
            w,
        ));
    }
    if nl.is_empty() {
        nl.push(Line::styled(s.none_yet, ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(nl), ni);
    if grade_h == 0 {
        return;
    }
    let gb = ctx.panel(s.last_grade, false);
    let gi = gb.inner(grade);
    frame.render_widget(gb, grade);
    let gl = grade_panel(m, sh, ctx, w, usize::from(gi.height));
    frame.render_widget(Paragraph::new(gl), gi);
}

/// The last-step panel's lines in `room` rows: the drill's tally, then the last
/// step's grade (or a note that it is hidden).
fn grade_panel(m: &Meeting, sh: &Shared, ctx: &Ctx, w: usize, room: usize) -> Vec<Line<'static>> {
    let s = ctx.strings;
    let mut gl = Vec::new();
    if let Some((kind, t)) = m.drill_tally() {
        let text = s
            .drill_tally
            .replace("{hits}", &t.hits.to_string())
            .replace("{target}", &t.target.to_string())
            .replace("{streak}", &t.streak.to_string())
            .replace("{best}", &t.best_streak.to_string())
            .replace("{attempts}", &t.attempts.to_string());
        // The drill's name on a line of its own: as a prefix it left a narrow panel
        // four columns for the tally.
        gl.push(Line::styled(
            truncate(kind.title(sh.lang), w),
            ctx.theme.title(),
        ));
        gl.extend(wrap_prefixed(
            "",
            Style::default(),
            &text,
            Style::default(),
            w,
        ));
        if t.is_done() {
            gl.extend(wrap_prefixed(
                "",
                ctx.theme.good(),
                s.drill_done,
                ctx.theme.good(),
                w,
            ));
        }
    }
    let last_shown = m
        .steps()
        .len()
        .checked_sub(1)
        .is_some_and(|i| sh.class.grade_visible(i));
    if !last_shown && !m.steps().is_empty() {
        gl.push(Line::styled(s.hidden, ctx.theme.dim()));
    }
    if let Some(st) = m.steps().last().filter(|_| last_shown) {
        let left = room.saturating_sub(gl.len());
        gl.extend(grade_lines(st, ctx, w, left));
    }
    gl
}

/// True for a finding worth showing in the last-step panel: it moves the score, or
/// it says what to do better. A zero-point finding with no tip only confirms that
/// something was right and earned nothing ("+0 ffab-order: in order"): noise there.
#[must_use]
pub fn worth_showing(f: &crate::scoring::Finding) -> bool {
    f.points != 0 || f.tip.is_some()
}

/// The last-step panel: the step's total when it has more than one finding, then
/// every finding with its own points and rule. Each finding gets at least one line;
/// its reason is wrapped into whatever `room` is left, cut with `…` when it runs out.
#[must_use]
pub fn grade_lines(st: &Step, ctx: &Ctx, width: usize, room: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let shown: Vec<&crate::scoring::Finding> =
        st.findings.iter().filter(|f| worth_showing(f)).collect();
    let mut out = Vec::new();
    if shown.len() > 1 {
        out.push(Line::styled(
            truncate(
                &format!(
                    "{} {} · {} {:+}",
                    lang.pick("回合", "turn"),
                    st.turn,
                    lang.pick("合计", "total"),
                    st.points
                ),
                width,
            ),
            ctx.theme.points(st.points),
        ));
    }
    for (k, f) in shown.iter().enumerate() {
        let after = shown.len() - k - 1;
        let budget = room.saturating_sub(out.len() + after).max(1);
        let mut lines = wrap_prefixed(
            &format!("{:+} ", f.points),
            ctx.theme.points(f.points),
            &format!("{}: {}", f.rule, f.reason),
            Style::default(),
            width,
        );
        if lines.len() > budget {
            lines.truncate(budget);
            if let Some(last) = lines.last_mut() {
                *last = ellipsis(last, width);
            }
        }
        out.extend(lines);
    }
    out
}

/// A wrapped line marked as cut: its text shortened so that `…` fits in `width`.
fn ellipsis(l: &Line<'static>, width: usize) -> Line<'static> {
    let mut spans = l.spans.clone();
    let Some(last) = spans.pop() else {
        return l.clone();
    };
    let before: usize = spans.iter().map(Span::width).sum();
    let room = width.saturating_sub(before);
    let text = format!("{}…", last.content.trim_end());
    spans.push(Span::styled(truncate(&text, room), last.style));
    Line::from(spans)
}

fn truncate_line(l: Line<'static>, w: usize) -> Line<'static> {
    if l.width() <= w {
        return l;
    }
    let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::from(truncate(&text, w))
}

/// Renders an editor in `r` and returns its caret's screen position.
fn draw_input(frame: &mut Frame, area: Rect, m: &Meeting, ctx: &Ctx) -> Option<Position> {
    let s = ctx.strings;
    let focused = matches!(m.focus, Focus::Input(_));
    let block = ctx.panel(mode_name(m.mode, s), focused && !m.over());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if m.over() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.meeting_over, ctx.theme.title())),
            inner,
        );
        return None;
    }
    if m.mode != Mode::Present {
        let p = crate::tui::widgets::draw_editor(frame, inner, &m.editors[0]);
        return focused.then_some(p);
    }
    let labels: Vec<&str> = std::iter::once(s.sentence)
        .chain(s.fields.iter().copied())
        .collect();
    let lw = label_width(s);
    let rows = sentence_rows(m, s, area.width);
    let mut cursor = None;
    let mut y = inner.y;
    for (i, label) in labels.iter().enumerate() {
        if y >= inner.bottom() {
            break;
        }
        // The one-sentence answer wraps over several rows, so the trainee sees it whole.
        let h = if i == 0 { rows } else { 1 }.min(inner.bottom() - y);
        let lr = Rect {
            x: inner.x,
            y,
            width: lw.min(inner.width),
            height: 1,
        };
        let er = Rect {
            x: inner.x + lr.width,
            y,
            width: inner.width.saturating_sub(lr.width),
            height: h,
        };
        y += h;
        let style = if m.focus == Focus::Input(i) {
            ctx.theme.focus()
        } else {
            ctx.theme.dim()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(crate::text::pad(label, lw as usize), style)),
            lr,
        );
        let p = crate::tui::widgets::draw_editor(frame, er, &m.editors[i]);
        if m.focus == Focus::Input(i) {
            cursor = Some(p);
        }
    }
    cursor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::session::{FfabParts, Input, Pitch, Session};
    use crate::tui::theme::{Theme, ThemeName};

    const DARK: Theme = Theme::of(ThemeName::Dark);

    /// The bakery's call-cost need carried to a full FFAB answer: one step, five findings.
    fn present_step() -> Step {
        let l = crate::scenario::bundled_by_id("bakery-vpn")
            .expect("bundled")
            .expect("valid");
        let ask = |t: &str| Input::Ask {
            to: None,
            text: t.to_string(),
        };
        let inputs = vec![
            ask("Are the phone allowance bills a problem for you?"),
            ask("What does that add up to over a year?"),
            ask("Would a fixed, predictable bill help you?"),
            Input::Present(Pitch::Parts(FfabParts {
                acknowledge: None,
                feature: Some("Every phone gets a four-digit short number inside the group.".into()),
                function: Some("The company gets one itemised bill for all work calls.".into()),
                advantage: Some("Costs are fixed in advance instead of depending on allowances.".into()),
                benefit: Some("You said you want one predictable bill; you will know exactly what work calls cost each month.".into()),
            })),
        ];
        let (s, _) = Session::replay(l.scenario, 1, Some(Lang::En), None, inputs);
        s.steps().last().cloned().expect("a step")
    }

    fn text(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Issue 10, defect 1: every finding with its own points, not the step's sum
    /// under the biggest rule's name; the sum is shown as the step's total.
    #[test]
    fn last_step_lists_every_finding_with_its_own_points() {
        let st = present_step();
        assert!(st.findings.len() >= 4, "{:#?}", st.findings);
        for room in [2, 100] {
            let t = text(&grade_lines(&st, &Ctx::new(Lang::En, &DARK), 34, room));
            for f in st.findings.iter().filter(|f| worth_showing(f)) {
                assert!(
                    t.contains(&format!("{:+} {}", f.points, f.rule)),
                    "{f:?} missing in\n{t}"
                );
            }
            assert!(
                t.starts_with(&format!("turn 4 · total {:+}", st.points)),
                "{t}"
            );
            let benefit = st
                .findings
                .iter()
                .find(|f| f.rule == crate::scoring::RuleId::BenefitExplicit)
                .expect("benefit-explicit");
            assert_ne!(
                benefit.points, st.points,
                "the sum differs from the rule's own"
            );
            assert!(
                !t.contains(&format!("{:+} benefit-explicit", st.points)),
                "{t}"
            );
        }
        // Narrow room: one line per finding (and the total), nothing wider than the panel.
        let lines = grade_lines(&st, &Ctx::new(Lang::En, &DARK), 30, 3);
        assert_eq!(
            lines.len(),
            1 + st.findings.iter().filter(|f| worth_showing(f)).count()
        );
        assert!(lines.iter().all(|l| l.width() <= 30));
    }

    /// "+0 … in order" says nothing the trainee can use: left out of the panel; a
    /// zero-point finding with a tip (a miss) stays.
    #[test]
    fn zero_point_praise_is_left_out_but_zero_point_misses_stay() {
        let mut st = present_step();
        st.findings
            .push(crate::scoring::rules::demonstrating::ffab_order(
                Lang::En,
                true,
                0,
            ));
        let t = text(&grade_lines(&st, &Ctx::new(Lang::Zh, &DARK), 34, 100));
        assert!(!t.contains("+0 ffab-order"), "{t}");
        assert!(t.contains("+0 acknowledge-need"), "{t}");
    }
}
