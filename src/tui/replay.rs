//! Debrief: step through a saved meeting turn by turn with its grades, scores
//! optionally hidden until the trainer reveals them.

use super::app::App;
use super::keymap::Screen;
use crate::store::Record;

/// A saved meeting being replayed.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The meeting.
    pub record: Record,
    /// Turns shown so far (1 ..= number of turns).
    pub pos: usize,
    /// Scores hidden until revealed.
    pub hide: bool,
    /// Turns whose grades are revealed while hiding.
    pub revealed: usize,
    /// Lines scrolled up from the end.
    pub scroll: u16,
    /// Where Esc returns to.
    pub back: Screen,
}

/// Finds a meeting for replay: a saved id or prefix, or a meeting or export JSON file.
///
/// # Errors
/// A message saying what was not found and how to find it.
pub fn find(store: Option<&crate::store::Store>, what: &str) -> Result<Record, String> {
    let p = std::path::Path::new(what);
    if p.is_file() {
        let src =
            crate::scenario::load::read_bounded(p, 64 * 1024 * 1024).map_err(|e| e.to_string())?;
        let rec = if let Ok(r) = serde_json::from_str::<Record>(&src) {
            r
        } else {
            serde_json::from_str::<crate::commands::export::Export>(&src)
                .ok()
                .and_then(|e| e.meetings.into_iter().next())
                .ok_or_else(|| format!("{}: error: not a saved meeting or export file (use `spin-coach history` to find ids)", crate::text::sanitize_line(what)))?
        };
        rec.check().map_err(|why| {
            format!(
                "{}: error: {} (export the meeting again)",
                crate::text::sanitize_line(what),
                crate::text::sanitize_line(&why)
            )
        })?;
        return Ok(rec);
    }
    match store {
        Some(s) => s.find(what).map_err(|e| e.to_string()),
        None => Err("no history folder".into()),
    }
}

impl App {
    /// Opens a meeting for replay, showing its first turn.
    pub fn open_replay(&mut self, record: Record, hide: bool) {
        let back = self.screen;
        self.replay_state = Some(Replay {
            pos: 1.min(record.report.turns.len()),
            record,
            hide,
            revealed: 0,
            scroll: 0,
            back,
        });
        self.screen = Screen::Replay;
    }

    /// Shows one more turn (or one fewer).
    pub fn replay_step(&mut self, forward: bool) {
        if let Some(r) = self.replay_state.as_mut() {
            let n = r.record.report.turns.len();
            r.pos = if forward {
                (r.pos + 1).min(n)
            } else {
                r.pos.saturating_sub(1).max(1.min(n))
            };
            r.scroll = 0;
        }
    }

    /// Reveals the next hidden grade in the replay (or all of them).
    pub fn replay_reveal(&mut self, all: bool) {
        if let Some(r) = self.replay_state.as_mut() {
            r.revealed = if all {
                r.record.report.turns.len()
            } else {
                (r.revealed + 1).min(r.pos)
            };
        }
    }
}

impl App {
    /// Opens the meeting selected in the progress screen's list for replay.
    pub fn replay_selected(&mut self) {
        let id = self
            .meetings()
            .iter()
            .filter(|r| r.status == crate::store::Status::Finished)
            .nth(self.progress_selected)
            .map(|r| r.id.clone());
        // The full record is read only for the debrief.
        let rec = match (id, self.store.as_ref()) {
            (Some(id), Some(store)) => match store.find(&id) {
                Ok(r) => Some(r),
                Err(e) => {
                    self.message = Some(e.to_string());
                    None
                }
            },
            _ => None,
        };
        if let Some(r) = rec {
            let hide = self.class.hide;
            self.open_replay(r, hide);
        }
    }
}
