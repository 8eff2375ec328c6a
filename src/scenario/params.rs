//! Behaviour that difficulty sets: patience, allowances, thresholds, penalties.

use super::model::{Difficulty, Need, Scenario};

/// The numbers that shape how a customer behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// Starting (and maximum) patience.
    pub patience: i32,
    /// Situation questions before each further one costs patience and points.
    pub situation_allowance: u32,
    /// Default implications a need takes before a need-payoff question makes it explicit.
    pub threshold: u8,
    /// Patience lost for a premature pitch.
    pub pitch_penalty: i32,
    /// Whether a good S or P question restores patience (only I and N do on hard).
    pub forgiving: bool,
}

impl Params {
    /// The parameters of a scenario: its difficulty, then its `settings` overrides.
    #[must_use]
    pub fn of(s: &Scenario) -> Params {
        let mut p = match s.difficulty {
            Difficulty::Easy => Params {
                patience: 12,
                situation_allowance: 7,
                threshold: 1,
                pitch_penalty: 1,
                forgiving: true,
            },
            Difficulty::Medium => Params {
                patience: 9,
                situation_allowance: 5,
                threshold: 2,
                pitch_penalty: 2,
                forgiving: true,
            },
            Difficulty::Hard => Params {
                patience: 7,
                situation_allowance: 4,
                threshold: 3,
                pitch_penalty: 3,
                forgiving: false,
            },
        };
        if let Some(v) = s.settings.patience {
            p.patience = i32::from(v.max(1));
        }
        if let Some(v) = s.settings.situation_allowance {
            p.situation_allowance = u32::from(v);
        }
        if let Some(v) = s.settings.threshold {
            p.threshold = v;
        }
        p
    }

    /// Implications this need takes before it can become explicit.
    #[must_use]
    pub fn threshold(&self, n: &Need) -> u8 {
        n.threshold.unwrap_or(self.threshold)
    }
}
