//! Classroom controls: themes, the projector layout, hidden scores revealed turn
//! by turn or all at once, a visible meeting timer with pause.

use super::theme::ThemeName;
use std::time::{Duration, Instant};

/// A stopwatch that can be paused.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timer {
    /// Time counted before the current run.
    pub banked: Duration,
    /// When the current run started; none while paused or stopped.
    pub running_since: Option<Instant>,
}

impl Timer {
    /// A timer that starts now.
    #[must_use]
    pub fn started() -> Timer {
        Timer {
            banked: Duration::ZERO,
            running_since: Some(Instant::now()),
        }
    }

    /// Time counted so far.
    #[must_use]
    pub fn elapsed(&self) -> Duration {
        self.banked + self.running_since.map_or(Duration::ZERO, |s| s.elapsed())
    }

    /// Pauses a running timer or resumes a paused one.
    pub fn toggle(&mut self) {
        match self.running_since.take() {
            Some(s) => self.banked += s.elapsed(),
            None => self.running_since = Some(Instant::now()),
        }
    }

    /// True while counting.
    #[must_use]
    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }
}

/// Classroom state of the trainer.
#[derive(Debug, Clone, Copy)]
pub struct Class {
    /// The colour theme.
    pub theme: ThemeName,
    /// Large figures and fewer panels for a projected screen.
    pub projector: bool,
    /// Scores and feedback hidden until revealed.
    pub hide: bool,
    /// Number of turns whose grades are revealed while hiding.
    pub revealed: usize,
    /// The meeting timer.
    pub timer: Timer,
    /// Vote mode: the scenario's suggestions are shown, lettered A–D.
    pub vote: bool,
}

impl Default for Class {
    fn default() -> Self {
        Class {
            theme: ThemeName::from_env(),
            projector: false,
            hide: false,
            revealed: 0,
            timer: Timer::default(),
            vote: false,
        }
    }
}

/// Formats a duration as `mm:ss` (or `h:mm:ss`).
#[must_use]
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

impl Class {
    /// Whether turn `i` (0-based) shows its grade.
    #[must_use]
    pub fn grade_visible(&self, i: usize) -> bool {
        !self.hide || i < self.revealed
    }

    /// Hides scores from now on (the `turns` so far stay visible), or shows everything.
    pub fn toggle_hide(&mut self, turns: usize) {
        self.hide = !self.hide;
        self.revealed = turns;
    }

    /// Reveals the next hidden grade of a meeting of `turns` turns.
    pub fn reveal_next(&mut self, turns: usize) {
        self.revealed = (self.revealed + 1).min(turns);
    }

    /// Reveals every grade of a meeting of `turns` turns.
    pub fn reveal_all(&mut self, turns: usize) {
        self.revealed = turns;
    }

    /// Whether a meeting shows its clock (hidden scores, projector layout or vote).
    #[must_use]
    pub fn shows_clock(&self) -> bool {
        self.hide || self.projector || self.vote
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_formats() {
        assert_eq!(clock(Duration::from_secs(0)), "00:00");
        assert_eq!(clock(Duration::from_secs(754)), "12:34");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn paused_timer_stands_still() {
        let mut t = Timer {
            banked: Duration::from_secs(5),
            running_since: None,
        };
        assert_eq!(t.elapsed(), Duration::from_secs(5));
        assert!(!t.running());
        t.toggle();
        assert!(t.running());
        t.toggle();
        assert!(!t.running());
        assert!(t.elapsed() >= Duration::from_secs(5));
    }
}
