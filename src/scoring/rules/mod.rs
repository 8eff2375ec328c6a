//! The scoring rules. Each rule is a unit in the file of its part: a [`Rule`]
//! constant (its id, part and one-line description), the named constants of the
//! points it awards or costs, and a small function that returns a [`Finding`] with
//! its points, the reason it saw and a tip, in the trainee's language. Research
//! figures (METHOD.md §3) are cited in tips.
//!
//! One file per part of the score ([`investigating`], [`developing`],
//! [`demonstrating`], [`commitment`]); the inputs that earn nothing (`unclear`,
//! `off-topic`, `coach-unsure`, …) sit with the part they count towards, and
//! [`closing`] holds the rules of the meeting's end (`no-advance`, `personal-need`,
//! `missed-need`, `customer-left`, `meeting-over`), whatever part they count towards.
//!
//! [`RuleId`] names a rule in code; its text form (`uncover-implied`) is what
//! reports, saved meetings and scenario test files use.

pub mod closing;
pub mod commitment;
pub mod demonstrating;
pub mod developing;
pub mod investigating;
pub mod people;

pub use closing::*;
pub use commitment::*;
pub use demonstrating::*;
pub use developing::*;
pub use investigating::*;
pub use people::*;

use super::{Finding, Part};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a rule is: its id, its text form, the part it counts towards and a one-line
/// description for documentation. Each rule's file defines one beside the function
/// that applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The rule's id.
    pub id: RuleId,
    /// The id's text form, as reports and test files write it (`uncover-implied`).
    pub name: &'static str,
    /// The part of the score its findings count towards.
    pub part: Part,
    /// What it rewards or costs, in one line.
    pub what: &'static str,
}

/// Declares [`RuleId`], [`RuleId::ALL`] (in table order) and the rule of each id
/// from one list, so the three cannot disagree.
macro_rules! rule_ids {
    ($($id:ident => $file:ident::$rule:ident,)*) => {
        /// A scoring rule's id. It serializes as the rule's text form
        /// (`uncover-implied`), the same text [`RuleId::as_str`] gives.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum RuleId {
            $(
                #[doc = concat!("See [`", stringify!($file), "::", stringify!($rule), "`].")]
                $id,
            )*
        }

        impl RuleId {
            /// Every rule, in the order of the README's rule table.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id),*];

            /// The rule: id, text form, part and description.
            #[must_use]
            pub fn rule(self) -> &'static Rule {
                match self {
                    $(RuleId::$id => &$file::$rule,)*
                }
            }
        }
    };
}

rule_ids! {
    SituationFact => investigating::SITUATION_FACT,
    SituationOveruse => investigating::SITUATION_OVERUSE,
    SituationNoProblem => investigating::SITUATION_NO_PROBLEM,
    UncoverImplied => investigating::UNCOVER_IMPLIED,
    ProblemRepeat => investigating::PROBLEM_REPEAT,
    ProblemVague => investigating::PROBLEM_VAGUE,
    OffTopic => investigating::OFF_TOPIC,
    Repeated => investigating::REPEATED,
    Unclear => investigating::UNCLEAR,
    NotAQuestion => investigating::NOT_A_QUESTION,
    ImplicationTooEarly => developing::IMPLICATION_TOO_EARLY,
    DevelopImplication => developing::DEVELOP_IMPLICATION,
    ImplicationExtra => developing::IMPLICATION_EXTRA,
    MakeExplicit => developing::MAKE_EXPLICIT,
    PayoffTooEarly => developing::PAYOFF_TOO_EARLY,
    PayoffEarly => developing::PAYOFF_EARLY,
    PayoffRepeat => developing::PAYOFF_REPEAT,
    BenefitExplicit => demonstrating::BENEFIT_EXPLICIT,
    FfabComplete => demonstrating::FFAB_COMPLETE,
    FfabOrder => demonstrating::FFAB_ORDER,
    AcknowledgeNeed => demonstrating::ACKNOWLEDGE_NEED,
    CustomerTerms => demonstrating::CUSTOMER_TERMS,
    NoBenefit => demonstrating::NO_BENEFIT,
    PrematurePitch => demonstrating::PREMATURE_PITCH,
    FeatureDump => demonstrating::FEATURE_DUMP,
    PitchUnfocused => demonstrating::PITCH_UNFOCUSED,
    PitchRepeat => demonstrating::PITCH_REPEAT,
    PriceTalk => demonstrating::PRICE_TALK,
    AdvanceAccepted => commitment::ADVANCE_ACCEPTED,
    AdvanceDeclined => commitment::ADVANCE_DECLINED,
    EarlyPush => commitment::EARLY_PUSH,
    VagueAdvance => commitment::VAGUE_ADVANCE,
    PersonalNeed => closing::PERSONAL_NEED,
    NoAdvance => closing::NO_ADVANCE,
    CustomerLeft => closing::CUSTOMER_LEFT,
    MissedNeed => closing::MISSED_NEED,
    CoachUnsure => investigating::COACH_UNSURE,
    QuestionVague => developing::QUESTION_VAGUE,
    SituationKnown => investigating::SITUATION_KNOWN,
    MeetingOver => closing::MEETING_OVER,
    WrongContact => investigating::WRONG_CONTACT,
    ContinuationAccepted => commitment::CONTINUATION_ACCEPTED,
    ObjectionClarified => demonstrating::OBJECTION_CLARIFIED,
    ObjectionAnswered => demonstrating::OBJECTION_ANSWERED,
    ObjectionIgnored => demonstrating::OBJECTION_IGNORED,
    ObjectionUnresolved => closing::OBJECTION_UNRESOLVED,
    ContactLeft => closing::CONTACT_LEFT,
    ContactAbsent => investigating::CONTACT_ABSENT,
    CompetitorExplored => people::COMPETITOR_EXPLORED,
    CompetitorKnocked => people::COMPETITOR_KNOCKED,
    PersonalNeedMet => people::PERSONAL_NEED_MET,
    ConflictRaised => people::CONFLICT_RAISED,
    ConflictBalanced => people::CONFLICT_BALANCED,
}

impl RuleId {
    /// The id's text form, e.g. `uncover-implied`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.rule().name
    }

    /// The part of the score the rule's findings count towards.
    #[must_use]
    pub fn part(self) -> Part {
        self.rule().part
    }

    /// The one-line description of the rule.
    #[must_use]
    pub fn describe(self) -> &'static str {
        self.rule().what
    }

    /// Every id's text form, comma-separated (for messages about an unknown id).
    #[must_use]
    pub fn valid_ids() -> String {
        Self::ALL
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule id that names no rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule `{given}` (valid rule ids: {})", RuleId::valid_ids())]
pub struct UnknownRule {
    /// The text given.
    pub given: String,
}

impl FromStr for RuleId {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRule {
                given: s.to_string(),
            })
    }
}

fn t(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn cue_zh(cue: &str) -> String {
    if cue.is_empty() {
        "接着刚才谈的需求".into()
    } else {
        format!("线索词「{cue}」")
    }
}

fn cue_en(cue: &str) -> String {
    if cue.is_empty() {
        "a follow-up on the need just discussed".into()
    } else {
        format!("cue \"{cue}\"")
    }
}

fn finding(rule: &Rule, points: i32, reason: String, tip: Option<String>) -> Finding {
    Finding {
        rule: rule.id,
        part: rule.part,
        points,
        reason,
        tip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_names_its_own_rule() {
        for &r in RuleId::ALL {
            assert_eq!(r.rule().id, r, "{r}");
        }
    }

    #[test]
    fn text_form_round_trips_and_matches_serde() {
        for &r in RuleId::ALL {
            assert_eq!(r.as_str().parse::<RuleId>(), Ok(r));
            let json = serde_json::to_string(&r).expect("serialize");
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            let back: RuleId = serde_json::from_str(&json).expect("deserialize");
            assert_eq!(back, r);
            assert_eq!(r.to_string(), r.as_str());
        }
    }

    /// The descriptions (and the README's rule table, which repeats them) name the
    /// point values the constants hold.
    #[test]
    fn descriptions_name_the_point_constants() {
        let table = [
            (RuleId::SituationFact, SITUATION_FACT_MAX),
            (RuleId::SituationOveruse, SITUATION_OVERUSE_POINTS.abs()),
            (RuleId::UncoverImplied, UNCOVER_IMPLIED_POT),
            (RuleId::DevelopImplication, DEVELOP_IMPLICATION_POT),
            (RuleId::MakeExplicit, MAKE_EXPLICIT_POT),
            (RuleId::BenefitExplicit, BENEFIT_EXPLICIT_POT),
            (RuleId::FfabComplete, FFAB_COMPLETE_POT),
            (RuleId::FfabOrder, FFAB_ORDER_POT),
            (RuleId::AcknowledgeNeed, ACKNOWLEDGE_NEED_POT),
            (RuleId::CustomerTerms, CUSTOMER_TERMS_POT),
            (RuleId::PrematurePitch, PREMATURE_PITCH_POINTS),
            (RuleId::FeatureDump, FEATURE_DUMP_POINTS),
            (RuleId::PitchUnfocused, PITCH_UNFOCUSED_POINTS),
            (RuleId::PriceTalk, PRICE_TALK_POINTS),
            (RuleId::AdvanceAccepted, ADVANCE_ACCEPTED_POINTS),
            (RuleId::AdvanceDeclined, ADVANCE_DECLINED_POINTS),
            (RuleId::EarlyPush, EARLY_PUSH_POINTS),
            (RuleId::PersonalNeed, PERSONAL_NEED_POT),
        ];
        for (r, points) in table {
            let what = r.describe();
            let said = what
                .split(|c: char| !(c.is_ascii_digit() || c == '-'))
                .any(|w| w == points.to_string());
            assert!(said, "{r}: \"{what}\" does not say {points}");
        }
        // "earns a point", "costs a point"
        for (r, points) in [
            (RuleId::SituationFact, SITUATION_FACT_POINTS),
            (RuleId::OffTopic, OFF_TOPIC_POINTS),
            (RuleId::Repeated, REPEATED_POINTS),
            (RuleId::ImplicationTooEarly, IMPLICATION_TOO_EARLY_POINTS),
            (RuleId::PayoffTooEarly, PAYOFF_TOO_EARLY_POINTS),
        ] {
            assert!(r.describe().contains(" a point"), "{r}");
            assert_eq!(points.abs(), 1, "{r}");
        }
    }

    #[test]
    fn an_unknown_id_lists_the_known_ones() {
        let e = "early-pushy".parse::<RuleId>().expect_err("unknown");
        let text = e.to_string();
        assert!(text.starts_with("unknown rule `early-pushy`"), "{text}");
        for &r in RuleId::ALL {
            assert!(text.contains(r.as_str()), "{text}");
        }
    }
}
