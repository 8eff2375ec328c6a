//! A follow-up meeting (`follows:`): the needs start where an earlier meeting of
//! the followed scenario left them.

use super::model::{NeedStart, Scenario};
use serde::{Deserialize, Serialize};

/// What a follow-up meeting carries over from the earlier one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    /// The earlier meeting's id.
    pub from: String,
    /// The followed scenario's id.
    pub scenario: String,
    /// When the earlier meeting started.
    #[serde(default)]
    pub started_at: String,
    /// Its total score.
    #[serde(default)]
    pub score: i32,
    /// Where each of its needs ended, by id.
    pub needs: Vec<CarriedNeed>,
}

/// One need's state at the end of the earlier meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedNeed {
    /// The need's id (the same id in both scenarios carries it over).
    pub need: String,
    /// Where it ended.
    pub state: NeedStart,
}

/// The scenario with its needs starting where `carried` left them: a need with the
/// same id starts at the further of its own `starts` and the earlier state.
#[must_use]
pub fn continued(sc: &Scenario, carried: &Carried) -> Scenario {
    let mut out = sc.clone();
    for n in &mut out.needs {
        if let Some(c) = carried.needs.iter().find(|c| c.need == n.id.value) {
            n.starts = n.starts.max(c.state);
        }
    }
    out
}

/// How many of the followed meeting's needs this scenario takes over, and of
/// them how many start further than the file says.
#[must_use]
pub fn overlap(sc: &Scenario, carried: &Carried) -> (usize, usize) {
    let mut shared = 0;
    let mut further = 0;
    for n in &sc.needs {
        if let Some(c) = carried.needs.iter().find(|c| c.need == n.id.value) {
            shared += 1;
            if c.state > n.starts {
                further += 1;
            }
        }
    }
    (shared, further)
}
