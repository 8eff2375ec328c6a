//! The people around the sale (scenario guide §3a): a competitor or incumbent the
//! customer knows, a contact's personal need met on its own, and two contacts whose
//! needs pull against each other. Each rule counts towards the part it names:
//! exploring a competitor is investigating; running it down, meeting a personal
//! need and balancing a conflict are part of demonstrating capability.

use super::{Rule, RuleId, finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// The `competitor-explored` rule.
pub const COMPETITOR_EXPLORED: Rule = Rule {
    id: RuleId::CompetitorExplored,
    name: "competitor-explored",
    part: Part::Investigating,
    what: "a question about what the customer values in a competitor or the incumbent: 1 (once per competitor)",
};

/// Points for the first question about a competitor.
pub const COMPETITOR_EXPLORED_POINTS: i32 = 1;

/// `competitor-explored`: a question about `name`; `first` when it is the first
/// about it (later ones are answered again for nothing).
#[must_use]
pub fn competitor_explored(lang: Lang, name: &str, incumbent: bool, first: bool) -> Finding {
    let (who_zh, who_en) = if incumbent {
        (
            format!("客户现在的供应商{name}"),
            format!("the customer's current supplier, {name}"),
        )
    } else {
        (format!("竞争对手{name}"), format!("the competitor {name}"))
    };
    if first {
        finding(
            &COMPETITOR_EXPLORED,
            COMPETITOR_EXPLORED_POINTS,
            t(
                lang,
                format!("问了客户怎么看{who_zh}:看重什么、不满什么"),
                format!(
                    "asked what the customer thinks of {who_en}: what they value and what they miss"
                ),
            ),
            None,
        )
    } else {
        finding(
            &COMPETITOR_EXPLORED,
            0,
            t(
                lang,
                format!("客户已经说过怎么看{who_zh}"),
                format!("the customer has already said what they think of {who_en}"),
            ),
            Some(t(
                lang,
                "把客户对它的不满接到难点和暗示问题上去".into(),
                "take what they miss in it on into problem and implication questions".into(),
            )),
        )
    }
}

/// The `competitor-knocked` rule.
pub const COMPETITOR_KNOCKED: Rule = Rule {
    id: RuleId::CompetitorKnocked,
    name: "competitor-knocked",
    part: Part::Demonstrating,
    what: "running down a competitor or the incumbent: -3 and patience",
};

/// Points running down a competitor costs.
pub const COMPETITOR_KNOCKED_POINTS: i32 = -3;

/// Patience running down a competitor costs.
pub const COMPETITOR_KNOCKED_PATIENCE: i32 = 1;

/// `competitor-knocked`: the trainee ran down `name` (with `word`).
#[must_use]
pub fn competitor_knocked(lang: Lang, name: &str, word: &str, incumbent: bool) -> Finding {
    let tip = if incumbent {
        t(
            lang,
            format!(
                "不要贬低竞争对手,何况{name}是客户自己选的:问客户看重{name}什么、还缺什么,再用客户要的利益说话"
            ),
            format!(
                "never run down a competitor, least of all the one the customer chose: ask what they value in {name} and what they miss, then answer with the benefits they ask for"
            ),
        )
    } else {
        t(
            lang,
            format!("不要贬低竞争对手:问客户看重{name}什么,再用客户要的利益说话"),
            format!(
                "never run down a competitor: ask what the customer values in {name}, then answer with the benefits they ask for"
            ),
        )
    };
    finding(
        &COMPETITOR_KNOCKED,
        COMPETITOR_KNOCKED_POINTS,
        t(
            lang,
            format!("贬低了{name}(「{word}」)"),
            format!("ran down {name} (\"{word}\")"),
        ),
        Some(tip),
    )
}

/// The `personal-need-met` rule.
pub const PERSONAL_NEED_MET: Rule = Rule {
    id: RuleId::PersonalNeedMet,
    name: "personal-need-met",
    part: Part::Demonstrating,
    what: "a presentation or statement that meets a contact's personal need directly: 2 (once per win)",
};

/// Points for meeting a contact's personal need directly.
pub const PERSONAL_NEED_MET_POINTS: i32 = 2;

/// `personal-need-met`: `who`'s personal need `need` met by words like `cue`.
#[must_use]
pub fn personal_need_met(lang: Lang, who: &str, need: &str, cue: &str) -> Finding {
    finding(
        &PERSONAL_NEED_MET,
        PERSONAL_NEED_MET_POINTS,
        t(
            lang,
            format!("照顾到了{who}的个人需要「{need}」(「{cue}」)"),
            format!("met {who}'s personal need for {need} (\"{cue}\")"),
        ),
        None,
    )
}

/// The `conflict-raised` rule.
pub const CONFLICT_RAISED: Rule = Rule {
    id: RuleId::ConflictRaised,
    name: "conflict-raised",
    part: Part::Demonstrating,
    what: "serving one contact's need while another contact's conflicting need is not met: the other speaks up (no points)",
};

/// `conflict-raised`: a benefit for `served` (`served_by`'s) while `other`
/// (`other_by`'s) is not met.
#[must_use]
pub fn conflict_raised(
    lang: Lang,
    served: &str,
    served_by: &str,
    other: &str,
    other_by: &str,
) -> Finding {
    finding(
        &CONFLICT_RAISED,
        0,
        t(
            lang,
            format!(
                "「{served}」({served_by}要的)和「{other}」({other_by}要的)相互牵制:{other_by}提出了异议"
            ),
            format!(
                "\"{served}\" ({served_by}'s need) pulls against \"{other}\" ({other_by}'s): {other_by} spoke up"
            ),
        ),
        Some(t(
            lang,
            format!("两位联系人要的东西不一样:把「{other}」也满足了,或者找一个同时照顾两边的利益"),
            format!(
                "two contacts want different things: meet \"{other}\" too, or find a benefit that serves both"
            ),
        )),
    )
}

/// The `conflict-balanced` rule.
pub const CONFLICT_BALANCED: Rule = Rule {
    id: RuleId::ConflictBalanced,
    name: "conflict-balanced",
    part: Part::Demonstrating,
    what: "both needs of two contacts that pull against each other met: 3 (once per conflict)",
};

/// Points for meeting both needs of a conflict.
pub const CONFLICT_BALANCED_POINTS: i32 = 3;

/// `conflict-balanced`: `a` (`a_by`'s) and `b` (`b_by`'s) are both met.
#[must_use]
pub fn conflict_balanced(lang: Lang, a: &str, a_by: &str, b: &str, b_by: &str) -> Finding {
    finding(
        &CONFLICT_BALANCED,
        CONFLICT_BALANCED_POINTS,
        t(
            lang,
            format!("相互牵制的两个需求都满足了:「{a}」({a_by})和「{b}」({b_by})"),
            format!(
                "met both needs that pulled against each other: \"{a}\" ({a_by}) and \"{b}\" ({b_by})"
            ),
        ),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The descriptions (and the README's rule table) name the points.
    #[test]
    fn descriptions_name_the_points() {
        for (r, points) in [
            (RuleId::CompetitorExplored, COMPETITOR_EXPLORED_POINTS),
            (RuleId::CompetitorKnocked, COMPETITOR_KNOCKED_POINTS),
            (RuleId::PersonalNeedMet, PERSONAL_NEED_MET_POINTS),
            (RuleId::ConflictBalanced, CONFLICT_BALANCED_POINTS),
        ] {
            let what = r.describe();
            let said = what
                .split(|c: char| !(c.is_ascii_digit() || c == '-'))
                .any(|w| w == points.to_string());
            assert!(said, "{r}: \"{what}\" does not say {points}");
        }
    }
}
