//! Learn: theory cards in both languages and a quick quiz built from the
//! scenarios' own content, scored and saved.

use crate::classroom::quiz::{self, Item, QuizResult};
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

/// Number of quiz questions.
pub const QUIZ_LEN: usize = 10;

/// Which half of the learn screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The theory cards.
    Cards,
    /// The quiz.
    Quiz,
}

/// State of the learn screen.
#[derive(Debug, Clone)]
pub struct Learn {
    /// Cards or quiz.
    pub tab: Tab,
    /// The card showing.
    pub card: usize,
    /// The quiz questions.
    pub items: Vec<Item>,
    /// The answers given.
    pub answers: Vec<Option<usize>>,
    /// The question showing.
    pub pos: usize,
    /// The result once the quiz is finished (and saved).
    pub result: Option<QuizResult>,
    /// The language the quiz was built in (its questions come from the scenarios
    /// written in it).
    pub lang: crate::lang::Lang,
}

impl Learn {
    /// The cards, and a fresh quiz in the interface language.
    #[must_use]
    pub fn new(sh: &Shared) -> Learn {
        let scenarios: Vec<&crate::scenario::Scenario> = sh
            .scenarios
            .iter()
            .filter_map(|e| e.scenario())
            .map(|s| &**s)
            .collect();
        let items = quiz::build(&scenarios, sh.lang, sh.seed, QUIZ_LEN);
        let n = items.len();
        Learn {
            tab: Tab::Cards,
            card: 0,
            items,
            answers: vec![None; n],
            pos: 0,
            result: None,
            lang: sh.lang,
        }
    }

    /// After the interface language changed: a quiz in the other language is built
    /// anew in this one (its questions come from other scenarios, so answers given so
    /// far do not carry over); the card and tab stay.
    pub fn relang(&mut self, sh: &Shared) {
        if self.lang == sh.lang {
            return;
        }
        let mut fresh = Learn::new(sh);
        fresh.tab = self.tab;
        fresh.card = self.card;
        *self = fresh;
    }

    /// Applies one action: moves between cards and questions, answers, switches tab.
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        let cards = crate::classroom::cards::cards().len();
        match (self.tab, action) {
            (_, Action::Back) => return Nav::Back,
            (_, Action::FocusNext) => {
                self.tab = if self.tab == Tab::Cards {
                    Tab::Quiz
                } else {
                    Tab::Cards
                };
            }
            (Tab::Cards, Action::Next | Action::Enter) => {
                self.card = (self.card + 1).min(cards.saturating_sub(1));
            }
            (Tab::Cards, Action::Prev) => self.card = self.card.saturating_sub(1),
            (Tab::Quiz, Action::Prev) => self.pos = self.pos.saturating_sub(1),
            (Tab::Quiz, Action::Next) => {
                self.pos = (self.pos + 1).min(self.items.len().saturating_sub(1));
            }
            (Tab::Quiz, Action::Enter) => {
                if self.result.is_some() {
                    // A finished quiz: Enter starts a new one.
                    let mut f = Learn::new(sh);
                    f.tab = Tab::Quiz;
                    f.card = self.card;
                    *self = f;
                } else if self.answers.get(self.pos).is_some_and(Option::is_some) {
                    self.pos += 1;
                    if self.pos >= self.items.len() {
                        self.pos = self.items.len().saturating_sub(1);
                        self.finish(sh);
                    }
                }
            }
            (Tab::Quiz, Action::Vote(n)) => self.answer(*n),
            _ => {}
        }
        Nav::Stay
    }

    /// Answers the current quiz question with choice `n` (0 = A).
    fn answer(&mut self, n: usize) {
        if self.result.is_none()
            && self
                .items
                .get(self.pos)
                .is_some_and(|it| n < it.choices.len())
            && let Some(a) = self.answers.get_mut(self.pos)
        {
            *a = Some(n);
        }
    }

    fn finish(&mut self, sh: &mut Shared) {
        let score = quiz::grade(&self.items, &self.answers);
        let result = QuizResult::new(sh.lang, sh.seed, score);
        if let Some(store) = &sh.store
            && let Err(e) = quiz::save(store.root(), &result)
        {
            sh.message = Some(e.to_string());
        }
        self.result = Some(result);
    }

    /// Draws the learn screen.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        let l = self;
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
                        card.title.get(sh.lang)
                    ),
                    true,
                );
                let inner = block.inner(area);
                frame.render_widget(block, area);
                for line in &card.lines {
                    lines.extend(wrap_prefixed(
                        "• ",
                        ctx.theme.title(),
                        line.get(sh.lang),
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
                    &format!("{right}{}{}", sh.lang.pick("：", ": "), it.explain),
                    ctx.theme.dim(),
                    w,
                ));
            }
            lines.push(Line::styled(s.quiz_again, ctx.theme.dim()));
        } else if let Some(it) = l.items.get(l.pos) {
            lines.push(Line::styled(it.kind.stem(sh.lang), ctx.theme.title()));
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
}
