//! The author's try box: type a wording and see how the coach reads it and what
//! the customer answers, from the meeting as it stands (or a fresh one from the
//! briefing). Nothing is played into the meeting and nothing is scored; each try
//! starts again from the same state. Offered for scenario files only (a trainee
//! practising a bundled scenario should not see the grade before asking).

use crate::authoring::tryout::{Tried, lines, try_one};
use crate::session::{Input, Session};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::screens::meeting::editor;
use crate::tui::shared::Shared;
use crate::tui::widgets::{Ctx, draw_editor};
use crate::tui::wrap::wrap_prefixed;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use std::sync::Arc;

/// The try box's state.
pub struct TryOut {
    /// The scenario (index into the catalogue).
    pub scenario: usize,
    /// The turns played before (the meeting's inputs), replayed for every try.
    pub setup: Vec<Input>,
    /// Seed for reply variants (the meeting's).
    pub seed: u64,
    /// The contact the questions go to, by id (the meeting's choice).
    pub to: Option<String>,
    /// The input.
    pub input: TextArea<'static>,
    /// What was tried, oldest first.
    pub tried: Vec<Tried>,
    /// Lines scrolled up from the end.
    pub scroll: u16,
}

impl TryOut {
    /// A try box on scenario `i` after `setup`; none with a notice when the scenario
    /// is bundled (the box is for authors of scenario files).
    #[must_use]
    pub fn open(
        sh: &mut Shared,
        i: usize,
        setup: Vec<Input>,
        seed: u64,
        to: Option<String>,
    ) -> Option<TryOut> {
        let from_file = sh
            .scenarios
            .get(i)
            .is_some_and(|e| matches!(e.origin, crate::scenario::Origin::File(_)));
        if !from_file {
            sh.message = Some(
                crate::tui::i18n::strings(sh.lang)
                    .try_only_files
                    .to_string(),
            );
            return None;
        }
        Some(TryOut {
            scenario: i,
            setup,
            seed,
            to,
            input: editor(crate::tui::i18n::strings(sh.lang).try_placeholder),
            tried: Vec::new(),
            scroll: 0,
        })
    }

    /// Applies one action.
    pub fn update(&mut self, action: &Action, sh: &mut Shared) -> Nav {
        match action {
            Action::Back => return Nav::Back,
            Action::Enter => self.try_it(sh),
            Action::Edit(key) => {
                self.input.input(*key);
            }
            Action::Paste(text) => {
                self.input.insert_str(crate::text::sanitize_line(text));
            }
            Action::ClearInput => self.clear(sh),
            Action::Up => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_add(10),
            Action::Down => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        Nav::Stay
    }

    fn clear(&mut self, sh: &Shared) {
        self.input = editor(crate::tui::i18n::strings(sh.lang).try_placeholder);
    }

    /// Tries the wording typed, from the state before (replayed afresh each time).
    fn try_it(&mut self, sh: &Shared) {
        let text = self.input.lines().join(" ");
        let Some(sc) = sh.scenario(self.scenario).map(Arc::clone) else {
            return;
        };
        let (mut session, _) = Session::replay(
            sc,
            self.seed,
            Some(sh.lang),
            None,
            self.setup.iter().cloned(),
        );
        if let Some(t) = try_one(&mut session, &text, self.to.as_deref()) {
            self.tried.push(t);
            self.scroll = 0;
            self.clear(sh);
        }
    }

    /// Draws the results above and the input below.
    pub fn draw(&self, frame: &mut Frame, area: Rect, sh: &Shared, ctx: &Ctx) -> Option<Position> {
        let s = ctx.strings;
        let [results, input] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
        let title = sh
            .scenario(self.scenario)
            .map_or_else(String::new, |sc| format!(" · {}", sc.title.get(sh.lang)));
        let block = ctx.panel(&format!("{}{title}", s.try_title), false);
        let inner = block.inner(results);
        frame.render_widget(block, results);
        let w = usize::from(inner.width);
        let mut out: Vec<Line<'static>> = Vec::new();
        if self.tried.is_empty() {
            out.extend(wrap_prefixed(
                "",
                Style::default(),
                s.try_intro,
                ctx.theme.dim(),
                w,
            ));
        }
        for t in &self.tried {
            out.extend(wrap_prefixed(
                "» ",
                ctx.theme.you(),
                &t.text,
                ctx.theme.you(),
                w,
            ));
            for (label, text) in lines(t, sh.lang) {
                let style = if label.trim() == sh.lang.pick("得分", "points") {
                    ctx.theme.points(t.step.points)
                } else {
                    Style::default()
                };
                out.extend(wrap_prefixed(
                    &format!("  {label}  "),
                    ctx.theme.title(),
                    &text,
                    style,
                    w,
                ));
            }
            out.push(Line::from(""));
        }
        let height = usize::from(inner.height);
        let bottom = out.len().saturating_sub(height);
        let top = bottom.saturating_sub(usize::from(self.scroll));
        let end = (top + height).min(out.len());
        frame.render_widget(Paragraph::new(out[top..end].to_vec()), inner);
        let ib = ctx.panel(s.try_title, true);
        let ii = ib.inner(input);
        frame.render_widget(ib, input);
        Some(draw_editor(frame, ii, &self.input))
    }
}
