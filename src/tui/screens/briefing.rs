//! The briefing: company, segment and stage, contacts and roles, the objective,
//! and the drill chosen with `d` (single-behaviour practice, Rackham: one
//! behaviour at a time, many times).

use crate::classroom::drill::{self, DrillKind};
use crate::lang::Lang;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::shared::Shared;
use crate::tui::widgets::Ctx;
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

/// A contact's mood as the briefing shows it (nothing for neutral).
fn mood_name(m: crate::scenario::Mood, lang: Lang) -> Option<&'static str> {
    use crate::scenario::Mood as M;
    match m {
        M::Neutral => None,
        M::Warm => Some(lang.pick("态度友好", "friendly")),
        M::Busy => Some(lang.pick("时间很紧", "short of time")),
        M::Hostile => Some(lang.pick("有戒心", "guarded")),
    }
}

/// What the briefing says about a follow-up: the meeting it continues, or that
/// there is none yet.
fn follow_text(
    title: &str,
    carried: Option<&crate::scenario::carry::Carried>,
    sc: &crate::scenario::Scenario,
    lang: Lang,
) -> String {
    let Some(c) = carried else {
        return match lang {
            Lang::Zh => format!(
                "后续会谈:接着「{title}」那次会谈。您还没有完成过那个场景,需求按本场景写的状态开始。"
            ),
            Lang::En => format!(
                "Follow-up of \"{title}\": you have no finished meeting of it yet, so the needs start as this scenario sets them."
            ),
        };
    };
    let date = c.started_at.get(..10).unwrap_or(&c.started_at);
    let (shared, further) = crate::scenario::carry::overlap(sc, c);
    match lang {
        Lang::Zh => format!(
            "后续会谈:接着您 {date} 的「{title}」会谈({} 分)。带过来 {shared} 个需求,其中 {further} 个比本场景默认的进展更远。",
            c.score
        ),
        Lang::En => format!(
            "Follow-up of \"{title}\": continues your meeting of {date} ({} points). {shared} needs carry over, {further} of them further along than this scenario starts them.",
            c.score
        ),
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

/// The briefing's state: the scenario, the scroll, the drill chosen and its best
/// saved streak (read from disk when the drill is chosen, not at every frame).
#[derive(Debug, Clone)]
pub struct Briefing {
    /// The scenario (index into the catalogue).
    pub scenario: usize,
    /// Lines scrolled.
    pub scroll: u16,
    /// The drill chosen, if any.
    pub drill: Option<DrillKind>,
    /// The best saved streak of that drill on this scenario.
    best: Option<u32>,
    /// For a follow-up: the earlier meeting it continues, if one was found.
    follow: Option<Option<crate::scenario::carry::Carried>>,
}

impl Briefing {
    /// The briefing of scenario `i`; a scenario that does not load gives none and
    /// its problems become the notice.
    #[must_use]
    pub fn open(sh: &mut Shared, i: usize) -> Option<Briefing> {
        let Some(sc) = sh.scenario(i) else {
            sh.show_problems(i);
            return None;
        };
        let follow = sc
            .follows
            .as_ref()
            .map(|f| sh.store.as_ref().and_then(|st| st.carried_from(&f.value)));
        Some(Briefing {
            scenario: i,
            scroll: 0,
            drill: None,
            best: None,
            follow,
        })
    }

    /// Applies one action.
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        match action {
            Action::Enter => return Nav::Start(self.scenario, self.drill),
            Action::Back => return Nav::Back,
            Action::CycleDrill => self.cycle_drill(sh),
            Action::OpenTry => return Nav::Try(self.scenario, Vec::new(), sh.seed, None),
            Action::Up | Action::PageUp => {
                let n = if *action == Action::Up { 1 } else { 10 };
                self.scroll = self.scroll.saturating_sub(n);
            }
            Action::Down | Action::PageDown => {
                let n = if *action == Action::Down { 1 } else { 10 };
                self.scroll = self.scroll.saturating_add(n);
            }
            _ => {}
        }
        Nav::Stay
    }

    /// Cycles the drill: none → implication → need-payoff → problem → none.
    fn cycle_drill(&mut self, sh: &Shared) {
        self.drill = match self.drill {
            None => Some(DrillKind::ALL[0]),
            Some(k) => DrillKind::ALL
                .iter()
                .position(|x| *x == k)
                .and_then(|i| DrillKind::ALL.get(i + 1))
                .copied(),
        };
        self.best = match (self.drill, &sh.store, sh.scenarios.get(self.scenario)) {
            (Some(k), Some(store), Some(e)) => {
                drill::best(&drill::load_all(store.root()), &e.meta.id, k)
            }
            _ => None,
        };
    }

    /// Draws the briefing.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        let s = ctx.strings;
        let sc = sh.scenario(self.scenario)?;
        let l = sh.lang;
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
            let mut t = format!(
                "{} · {} · {}",
                c.name.get(l),
                c.title.get(l),
                role_name(c.role, l)
            );
            if let Some(m) = mood_name(c.mood, l) {
                t.push_str(" · ");
                t.push_str(m);
            }
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
        if let (Some(follow), Some(of)) = (&self.follow, &sc.follows) {
            lines.push(Line::from(""));
            let title = sh
                .scenarios
                .iter()
                .find(|e| e.meta.id == of.value)
                .map_or_else(|| of.value.clone(), |e| e.meta.title.get(l).to_string());
            lines.extend(wrap_prefixed(
                "",
                Style::default(),
                &follow_text(&title, follow.as_ref(), sc, l),
                ctx.theme.title(),
                w,
            ));
        }
        lines.push(Line::from(""));
        match self.drill {
            None => lines.push(Line::styled(s.drill_none, ctx.theme.dim())),
            Some(k) => {
                let best = self
                    .best
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
        if sh
            .scenarios
            .get(self.scenario)
            .is_some_and(|e| matches!(e.origin, crate::scenario::Origin::File(_)))
        {
            lines.push(Line::from(""));
            lines.extend(wrap_prefixed(
                "",
                Style::default(),
                s.try_briefing,
                ctx.theme.dim(),
                w,
            ));
        }
        frame.render_widget(Paragraph::new(lines).scroll((self.scroll, 0)), inner);
        None
    }
}
