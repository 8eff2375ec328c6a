//! The meeting's transcript as wrapped lines: every turn with the trainee's words,
//! the customer's reply and, when shown, the turn's findings. Drawn by the meeting,
//! its projector layout and its review.

use crate::session::Step;
use crate::tui::screens::meeting::Meeting;
use crate::tui::widgets::Ctx;
use crate::tui::wrap::wrap_prefixed;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The transcript as wrapped lines.
#[must_use]
pub fn transcript_lines(
    opening: Option<&(String, String)>,
    steps: &[Step],
    ctx: &Ctx,
    width: usize,
    visible: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    transcript_lines_from(opening, steps, 0, ctx, width, visible, &mut lines);
    lines
}

/// Appends the wrapped lines of `steps[from..]` (numbered from `from`) to `lines`;
/// from the start, the customer's opening words come first.
pub fn transcript_lines_from(
    opening: Option<&(String, String)>,
    steps: &[Step],
    from: usize,
    ctx: &Ctx,
    width: usize,
    visible: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let (lang, s) = (ctx.lang, ctx.strings);
    if let (0, Some((who, text))) = (from, opening) {
        lines.extend(wrap_prefixed(
            &format!(" 0 {}: ", crate::text::sanitize_line(who)),
            ctx.theme.customer(),
            text,
            Style::default(),
            width,
        ));
        lines.push(Line::from(""));
    }
    for (n, st) in steps.iter().enumerate().skip(from) {
        let shown = n < visible;
        let label = st
            .label
            .filter(|_| shown)
            .map_or_else(String::new, |l| format!("[{}] ", l.code()));
        let to = st
            .addressed
            .as_ref()
            .map_or_else(String::new, |n| format!(" → {n}"));
        let kind = match st.input.kind() {
            "present" => lang.pick("(展示) ", "(present) "),
            "propose" => lang.pick("(推进) ", "(propose) "),
            "end" => lang.pick("(结束会谈)", "(end of meeting)"),
            _ => "",
        };
        let prefix = format!("{:>2} {}{to}: ", st.turn, s.you);
        lines.extend(wrap_prefixed(
            &prefix,
            ctx.theme.you(),
            &format!("{label}{kind}{}", st.input.display_text()),
            Style::default(),
            width,
        ));
        if !st.reply.is_empty() {
            lines.extend(wrap_prefixed(
                &format!("   {}: ", st.speaker),
                ctx.theme.customer(),
                &st.reply,
                Style::default(),
                width,
            ));
        }
        if !shown {
            lines.push(Line::styled(format!("   {}", s.hidden), ctx.theme.dim()));
        }
        for f in st.findings.iter().filter(|_| shown) {
            let p = format!("   {:+} ", f.points);
            lines.extend(wrap_prefixed(
                &p,
                ctx.theme.points(f.points),
                &format!("{}: {}", f.rule, f.reason),
                ctx.theme.points(f.points),
                width,
            ));
        }
        lines.push(Line::from(""));
    }
}

/// Draws the meeting's transcript in `inner`, bottom-aligned and scrolled up by
/// `m.scroll` lines, from the meeting's wrap cache: only new steps are wrapped, and
/// only the rows on screen are handed to the paragraph.
pub fn draw_transcript_lines(
    frame: &mut Frame,
    inner: Rect,
    m: &Meeting,
    ctx: &Ctx,
    visible: usize,
) {
    let steps = m.steps();
    let opening = m.session.opening();
    let width = inner.width as usize;
    let key = crate::tui::wrap::WrapKey {
        width,
        lang: ctx.lang,
        theme: *ctx.theme,
        visible,
    };
    m.wrapped.with(
        key,
        steps.len(),
        |from, out| transcript_lines_from(opening.as_ref(), steps, from, ctx, width, visible, out),
        |lines| {
            let total = lines.len();
            let height = usize::from(inner.height);
            let bottom = total.saturating_sub(height);
            let top = bottom.saturating_sub(usize::from(m.scroll));
            let end = (top + height).min(total);
            frame.render_widget(Paragraph::new(lines[top..end].to_vec()), inner);
        },
    );
}
