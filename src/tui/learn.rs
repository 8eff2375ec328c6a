//! Learn: theory cards in both languages and a quick quiz built from the
//! scenarios' own content, scored and saved.

use super::action::Action;
use super::app::App;
use super::keymap::Screen;
use crate::classroom::quiz::{self, Item, QuizResult};

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

impl App {
    fn new_quiz(&self) -> Learn {
        let scenarios: Vec<&crate::scenario::Scenario> = self
            .scenarios
            .iter()
            .filter_map(|e| e.scenario())
            .map(|s| &**s)
            .collect();
        let items = quiz::build(&scenarios, self.lang, self.seed, QUIZ_LEN);
        let n = items.len();
        Learn {
            tab: Tab::Cards,
            card: 0,
            items,
            answers: vec![None; n],
            pos: 0,
            result: None,
            lang: self.lang,
        }
    }

    /// After the interface language changed: a quiz in the other language is built
    /// anew in this one (its questions come from other scenarios, so answers given so
    /// far do not carry over); the card and tab stay.
    pub(super) fn relang_quiz(&mut self) {
        if self.learn.as_ref().is_none_or(|l| l.lang == self.lang) {
            return;
        }
        let mut fresh = self.new_quiz();
        if let Some(old) = &self.learn {
            fresh.tab = old.tab;
            fresh.card = old.card;
        }
        self.learn = Some(fresh);
    }

    /// Opens the learn screen, or moves between cards and questions.
    pub fn learn_action(&mut self, action: &Action) {
        if *action == Action::OpenLearn || self.learn.is_none() {
            self.learn = Some(self.new_quiz());
            self.screen = Screen::Learn;
            return;
        }
        let cards = crate::classroom::cards::cards().len();
        let fresh = (self.learn.as_ref().is_some_and(|l| l.result.is_some())
            && *action == Action::Enter)
            .then(|| self.new_quiz());
        let Some(l) = self.learn.as_mut() else { return };
        match (l.tab, action) {
            (Tab::Cards, Action::Next | Action::Enter) => {
                l.card = (l.card + 1).min(cards.saturating_sub(1))
            }
            (Tab::Cards, Action::Prev) => l.card = l.card.saturating_sub(1),
            (Tab::Quiz, Action::Prev) => l.pos = l.pos.saturating_sub(1),
            (Tab::Quiz, Action::Next) => l.pos = (l.pos + 1).min(l.items.len().saturating_sub(1)),
            (Tab::Quiz, Action::Enter) => {
                if let Some(mut f) = fresh {
                    f.tab = Tab::Quiz;
                    *l = f;
                } else if l.answers.get(l.pos).is_some_and(Option::is_some) {
                    l.pos += 1;
                    if l.pos >= l.items.len() {
                        l.pos = l.items.len().saturating_sub(1);
                        self.finish_quiz();
                    }
                }
            }
            _ => {}
        }
    }

    /// Switches between cards and quiz.
    pub fn learn_tab(&mut self) {
        if let Some(l) = self.learn.as_mut() {
            l.tab = if l.tab == Tab::Cards {
                Tab::Quiz
            } else {
                Tab::Cards
            };
        }
    }

    /// Answers the current quiz question with choice `n` (0 = A).
    pub fn learn_answer(&mut self, n: usize) {
        if let Some(l) = self.learn.as_mut()
            && l.tab == Tab::Quiz
            && l.result.is_none()
            && l.items.get(l.pos).is_some_and(|it| n < it.choices.len())
            && let Some(a) = l.answers.get_mut(l.pos)
        {
            *a = Some(n);
        }
    }

    fn finish_quiz(&mut self) {
        let lang = self.lang;
        let seed = self.seed;
        let Some(l) = self.learn.as_mut() else { return };
        let score = quiz::grade(&l.items, &l.answers);
        let result = QuizResult::new(lang, seed, score);
        if let Some(store) = &self.store
            && let Err(e) = quiz::save(store.root(), &result)
        {
            self.message = Some(e.to_string());
        }
        l.result = Some(result);
    }
}
