//! The briefing: company, segment and stage, contacts and roles, the objective.

use crate::lang::Lang;
use crate::tui::app::App;
use crate::tui::ui::Ctx;
use crate::tui::wrap::wrap_prefixed;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// A buying role's name.
#[must_use]
pub fn role_name(r: crate::scenario::BuyingRole, lang: Lang) -> &'static str {
    use crate::scenario::BuyingRole as R;
    match (r, lang) {
        (R::DecisionMaker, Lang::Zh) => "决策者",
        (R::Influencer, Lang::Zh) => "影响者",
        (R::User, Lang::Zh) => "使用者",
        (R::Gatekeeper, Lang::Zh) => "把关者",
        (R::DecisionMaker, Lang::En) => "decision maker",
        (R::Influencer, Lang::En) => "influencer",
        (R::User, Lang::En) => "user",
        (R::Gatekeeper, Lang::En) => "gatekeeper",
    }
}

fn stage_name(s: crate::scenario::Stage, lang: Lang) -> &'static str {
    use crate::scenario::Stage as S;
    let (zh, en) = match s {
        S::Potential => ("潜在客户", "potential customer"),
        S::Sales => ("销售阶段", "in the sales phase"),
        S::New => ("新客户", "new customer"),
        S::Growth => ("成长客户", "growing customer"),
        S::Stable => ("稳定客户", "stable customer"),
        S::Declining => ("衰退客户", "declining customer"),
        S::Problem => ("问题客户", "problem customer"),
        S::NoValue => ("无价值客户", "no-value customer"),
        S::Lost => ("流失客户", "lost customer"),
    };
    lang.pick(zh, en)
}

/// Draws the briefing.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) -> Option<Position> {
    let s = ctx.strings;
    let sc = app.scenario()?;
    let l = app.lang;
    let block = ctx.panel(&format!("{} · {}", s.briefing, sc.title.get(l)), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let head = |t: &str| Line::styled(t.to_string(), ctx.theme.title());
    let company = match sc.customer.employees {
        Some(n) => format!(
            "{} ({n} {})",
            sc.customer.company.get(l),
            l.pick("人", "staff")
        ),
        None => sc.customer.company.get(l).to_string(),
    };
    lines.extend(wrap_prefixed(
        &format!("{}: ", s.company),
        ctx.theme.title(),
        &company,
        Style::default(),
        w,
    ));
    let seg = format!(
        "{} · {} · {} · {}",
        sc.segment.code(),
        sc.industry.get(l),
        stage_name(sc.stage, l),
        crate::tui::i18n::difficulty(sc.difficulty, l)
    );
    lines.extend(wrap_prefixed(
        &format!("{}: ", s.segment),
        ctx.theme.title(),
        &seg,
        Style::default(),
        w,
    ));
    if let Some(a) = &sc.customer.about {
        lines.extend(wrap_prefixed(
            "",
            Style::default(),
            a.get(l),
            ctx.theme.dim(),
            w,
        ));
    }
    lines.push(Line::from(""));
    lines.extend(wrap_prefixed(
        "",
        Style::default(),
        sc.briefing.get(l),
        Style::default(),
        w,
    ));
    lines.push(Line::from(""));
    lines.push(head(s.contacts));
    for c in &sc.customer.contacts {
        let t = format!(
            "{} · {} · {}",
            c.name.get(l),
            c.title.get(l),
            role_name(c.role, l)
        );
        lines.extend(wrap_prefixed(
            "  • ",
            ctx.theme.customer(),
            &t,
            Style::default(),
            w,
        ));
    }
    lines.push(Line::from(""));
    lines.push(head(s.objective));
    lines.extend(wrap_prefixed(
        "  ",
        Style::default(),
        sc.objective.get(l),
        Style::default(),
        w,
    ));
    lines.push(Line::from(""));
    match app.drill_choice {
        None => lines.push(Line::styled(s.drill_none, ctx.theme.dim())),
        Some(k) => {
            let best = app
                .drill_best(&sc.id.value, k)
                .map_or_else(String::new, |b| format!(" · {} {b}", s.drill_best));
            lines.push(Line::styled(
                format!("{}: {}{best}", s.drill, k.title(l)),
                ctx.theme.title(),
            ));
            lines.extend(wrap_prefixed(
                "  ",
                Style::default(),
                k.instructions(l),
                Style::default(),
                w,
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines).scroll((app.brief_scroll, 0)), inner);
    None
}
