//! Where a screen's update asks the trainer to go next. Screens never build one
//! another: they name a destination and the router ([`App`](super::app::App))
//! builds it, so no screen depends on another screen or on the router.

use crate::classroom::drill::DrillKind;
use crate::store::Record;

/// A yes/no question the router puts on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Leave the meeting for the picker.
    Abandon,
    /// Quit the program.
    Quit,
    /// End the meeting and show the review (it cannot be continued afterwards).
    End,
}

/// A destination.
#[derive(Debug, Clone, Default)]
pub enum Nav {
    /// Stay on this screen.
    #[default]
    Stay,
    /// Back to the screen underneath.
    Back,
    /// Back to the picker (everything above it closes).
    Home,
    /// The briefing of scenario `i` (index into the catalogue).
    Brief(usize),
    /// A new meeting on scenario `i`, optionally as a drill.
    Start(usize, Option<DrillKind>),
    /// An unfinished saved meeting (index into the history's unfinished list).
    Resume(usize),
    /// The meeting on top is over: show its review in its place.
    Review,
    /// Progress over the saved meetings.
    Progress,
    /// A saved meeting stepped through for a debrief, scores hidden or not.
    Debrief(Box<Record>, bool),
    /// Theory cards and the quiz.
    Learn,
    /// The try box on scenario `i`, from the state these turns reach, with this
    /// seed, questions to this contact.
    Try(usize, Vec<crate::session::Input>, u64, Option<String>),
    /// Ask this question first.
    Ask(Confirm),
}
