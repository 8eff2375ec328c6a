//! Learn: the theory cards and the quiz.

use crate::tui::app::App;
use crate::tui::learn::Tab;
use crate::tui::ui::Ctx;
use crate::tui::wrap::wrap_prefixed;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws the learn screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) -> Option<Position> {
    let l = app.learn.as_ref()?;
    let s = ctx.strings;
    let cards = crate::classroom::cards::cards();
    let mut lines = Vec::new();
    let title = match l.tab {
        Tab::Cards => {
            let card = cards.get(l.card)?;
            let block = ctx.panel(
                &format!(
                    "{} · {} {}/{} · {}",
                    s.learn,
                    s.card,
                    l.card + 1,
                    cards.len(),
                    card.title.get(app.lang)
                ),
                true,
            );
            let inner = block.inner(area);
            frame.render_widget(block, area);
            for line in &card.lines {
                lines.extend(wrap_prefixed(
                    "• ",
                    ctx.theme.title(),
                    line.get(app.lang),
                    Style::default(),
                    inner.width as usize,
                ));
            }
            frame.render_widget(Paragraph::new(lines), inner);
            return None;
        }
        Tab::Quiz => format!(
            "{} · {} {}/{}",
            s.learn,
            s.quiz,
            (l.pos + 1).min(l.items.len()),
            l.items.len()
        ),
    };
    let block = ctx.panel(&title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    if let Some(r) = &l.result {
        lines.push(Line::styled(
            format!("{} {}/{}", s.quiz_done, r.right, r.total),
            ctx.theme.title(),
        ));
        lines.push(Line::from(""));
        for (i, it) in l.items.iter().enumerate() {
            let given = l.answers.get(i).copied().flatten();
            let ok = given == Some(it.answer);
            let mark = if ok { "✔" } else { "✘" };
            lines.extend(wrap_prefixed(
                &format!("{mark} {}. ", i + 1),
                if ok {
                    ctx.theme.good()
                } else {
                    ctx.theme.bad()
                },
                &it.prompt,
                Style::default(),
                w,
            ));
            let right = it.choices.get(it.answer).cloned().unwrap_or_default();
            lines.extend(wrap_prefixed(
                "     → ",
                ctx.theme.dim(),
                &format!("{right}{}{}", app.lang.pick("：", ": "), it.explain),
                ctx.theme.dim(),
                w,
            ));
        }
        lines.push(Line::styled(s.quiz_again, ctx.theme.dim()));
    } else if let Some(it) = l.items.get(l.pos) {
        lines.push(Line::styled(it.kind.stem(app.lang), ctx.theme.title()));
        lines.extend(wrap_prefixed(
            "",
            Style::default(),
            &it.prompt,
            Style::default().add_modifier(ratatui::style::Modifier::BOLD),
            w,
        ));
        lines.push(Line::from(""));
        let given = l.answers.get(l.pos).copied().flatten();
        for (i, c) in it.choices.iter().enumerate() {
            let letter = char::from(b'A' + u8::try_from(i).unwrap_or(0));
            let chosen = given == Some(i);
            let style = if chosen {
                ctx.theme.selected()
            } else {
                Style::default()
            };
            let mark = if chosen { "▶" } else { " " };
            lines.push(Line::styled(format!("{mark} {letter}. {c}"), style));
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(s.quiz_hint, ctx.theme.dim()));
    } else {
        lines.push(Line::styled(s.quiz_empty, ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    None
}
