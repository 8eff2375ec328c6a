//! Drawing the whole frame: the screen on top, the footer with its keys, and the
//! overlays (help, a yes/no question, a notice). Reads the app, never changes it.

use super::app::App;
use super::nav::Confirm;
use super::screens::help;
use super::theme::Theme;
use super::widgets::{Ctx, MIN_HEIGHT, MIN_WIDTH, popup};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Draws the whole screen and places the cursor.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let sh = &app.shared;
    let theme = Theme::of(sh.class.theme);
    let ctx = Ctx::new(sh.lang, &theme);
    frame.render_widget(Block::default().style(theme.base()), area);
    let s = ctx.strings;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!("{} ({MIN_WIDTH}×{MIN_HEIGHT})", s.too_small);
        let lines = vec![Line::from(super::wrap::truncate(&msg, area.width as usize))];
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    debug_assert_eq!(body, super::widgets::body(area));
    let top = app.top();
    let cursor = top.draw(frame, body, sh, &ctx);
    frame.render_widget(
        Paragraph::new(super::wrap::truncate(top.keys(s), footer.width as usize))
            .style(theme.footer()),
        footer,
    );
    if app.help() {
        help::draw(frame, area, top.kind(), &ctx);
    } else if let Some(c) = app.confirm() {
        // Say what happens to the meeting: left resumable, not saved, or closed.
        let (q, what) = match c {
            Confirm::Abandon if app.meeting_resumable() => (s.confirm_leave, s.leave_saved),
            Confirm::Abandon => (s.confirm_abandon, s.abandon_unsaved),
            Confirm::Quit if app.meeting_resumable() => (s.confirm_quit, s.leave_saved),
            Confirm::Quit => (s.confirm_quit, ""),
            Confirm::End => (s.confirm_end, s.end_final),
        };
        let body = if what.is_empty() {
            s.yes_no.to_string()
        } else {
            format!("{what}\n{}", s.yes_no)
        };
        popup(frame, area, &ctx, q, &body);
    } else if let Some(m) = &sh.message {
        popup(frame, area, &ctx, s.notice, m);
    } else if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}
