//! One file per screen; each draws from `&App` and the frame's [`Ctx`](super::ui::Ctx)
//! (language, theme, strings) and returns the cursor position, if any.

pub mod briefing;
pub mod help;
pub mod learn;
pub mod meeting;
pub mod picker;
pub mod progress;
pub mod projector;
pub mod replay;
pub mod review;
