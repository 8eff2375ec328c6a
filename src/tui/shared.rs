//! What every screen may read and change: the interface language, the scenario
//! catalogue with best scores, the history store, the classroom controls, the
//! seed, and the notice to show. Owned by the router and lent to the screen on top.

use super::class::Class;
use super::history::History;
use super::scenarios::Entry;
use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::store::Store;
use crate::store::summary::Summary;
use std::sync::Arc;

/// The state the screens share.
pub struct Shared {
    /// Interface language (also the customer's and the feedback's).
    pub lang: Lang,
    /// Scenarios available (the picker's catalogue).
    pub scenarios: Vec<Entry>,
    /// Best score per scenario of the catalogue, when history exists.
    pub best: Vec<Option<i32>>,
    /// Seed for reply variants of new meetings.
    pub seed: u64,
    /// Where meetings are saved (none: not saved).
    pub store: Option<Store>,
    /// Saved meetings: the ones to resume, best scores, summaries once read.
    pub history: History,
    /// Classroom controls: theme, projector layout, hidden scores, timer, vote.
    pub class: Class,
    /// A notice to show (an error, or what just happened).
    pub message: Option<String>,
}

impl Shared {
    /// The shared state over this catalogue, with no history yet.
    #[must_use]
    pub fn new(scenarios: Vec<Entry>, lang: Lang, seed: u64) -> Shared {
        let best = vec![None; scenarios.len()];
        Shared {
            lang,
            scenarios,
            best,
            seed,
            store: None,
            history: History::default(),
            class: Class::default(),
            message: None,
        }
    }

    /// Scenario `i` of the catalogue, parsed on first use; none if it does not load.
    #[must_use]
    pub fn scenario(&self, i: usize) -> Option<&Arc<Scenario>> {
        self.scenarios.get(i).and_then(Entry::scenario)
    }

    /// Shows why scenario `i` does not load (its first problems) as the notice.
    pub fn show_problems(&mut self, i: usize) {
        let Some(e) = self.scenarios.get(i) else {
            return;
        };
        let list: Vec<String> = e
            .problems()
            .iter()
            .take(6)
            .map(ToString::to_string)
            .collect();
        self.message = Some(list.join("\n"));
    }

    /// Reads the history's head (the best score per scenario, the meetings to
    /// resume) from the index, which is rebuilt if it is missing or stale; problems
    /// become the notice.
    pub fn refresh_history(&mut self) {
        let Some(store) = &self.store else { return };
        let head = match store.head() {
            Ok(h) => h,
            Err(e) => {
                self.message = Some(e.to_string());
                crate::store::summary::Head::default()
            }
        };
        if !head.warnings.is_empty() {
            self.message = Some(head.warnings.join("; "));
        }
        self.history = History::from_head(head);
        self.refresh_best();
    }

    /// The best score per scenario of the catalogue, from the history.
    pub fn refresh_best(&mut self) {
        self.best = self
            .scenarios
            .iter()
            .map(|e| self.history.best.get(&e.meta.id).copied())
            .collect();
    }

    /// Every saved meeting's summary, newest first (read from the index on first use).
    #[must_use]
    pub fn meetings(&self) -> &[Summary] {
        self.history.all(self.store.as_ref())
    }

    /// Brings the index up to date with the meetings this trainer saved (when it quits).
    pub fn flush_history(&mut self) {
        self.history.flush(self.store.as_ref());
    }
}
