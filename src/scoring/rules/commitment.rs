//! Gaining commitment: proposals of a next step during the meeting.

use super::{Rule, RuleId, finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// The `advance-accepted` rule.
pub const ADVANCE_ACCEPTED: Rule = Rule {
    id: RuleId::AdvanceAccepted,
    name: "advance-accepted",
    part: Part::Commitment,
    what: "a concrete next step the customer accepts: 10 (once)",
};

/// Points for the first advance the customer accepts (later ones earn nothing).
pub const ADVANCE_ACCEPTED_POINTS: i32 = 10;

/// `advance-accepted`: the customer committed to `what`.
#[must_use]
pub fn advance_accepted(lang: Lang, what: &str, points: i32) -> Finding {
    finding(
        &ADVANCE_ACCEPTED,
        points,
        t(
            lang,
            format!("客户接受了具体的下一步:{what}"),
            format!("the customer committed to a concrete next step: {what}"),
        ),
        None,
    )
}

/// The `advance-declined` rule.
pub const ADVANCE_DECLINED: Rule = Rule {
    id: RuleId::AdvanceDeclined,
    name: "advance-declined",
    part: Part::Commitment,
    what: "a next step the customer is not ready for: -2 and patience",
};

/// Points a proposal the customer declines costs.
pub const ADVANCE_DECLINED_POINTS: i32 = -2;

/// What an advance still lacks when the customer declines it: each requirement
/// that is not met, as (has, wants), and the needs it names that are not met yet.
#[derive(Debug, Clone, Default)]
pub struct Short {
    /// Explicit (or met) needs, when fewer than the advance wants.
    pub explicit: Option<(usize, usize)>,
    /// Met needs, when fewer than the advance wants.
    pub met: Option<(usize, usize)>,
    /// Needs the advance names that are not met yet, by summary.
    pub named: Vec<String>,
}

impl Short {
    /// The missing requirements in words, Chinese and English.
    #[must_use]
    pub fn words(&self) -> (String, String) {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if let Some((has, want)) = self.explicit {
            zh.push(format!("明确需求 {has}/{want}"));
            en.push(format!("explicit needs {has}/{want}"));
        }
        if let Some((has, want)) = self.met {
            zh.push(format!("已满足的需求 {has}/{want}"));
            en.push(format!("needs met {has}/{want}"));
        }
        for n in &self.named {
            zh.push(format!("「{n}」还没满足"));
            en.push(format!("\"{n}\" not met yet"));
        }
        (zh.join("，"), en.join(", "))
    }
}

/// `advance-declined`: the customer is not ready for `what`.
#[must_use]
pub fn advance_declined(lang: Lang, what: &str, short: &Short) -> Finding {
    let (zh, en) = short.words();
    finding(
        &ADVANCE_DECLINED,
        ADVANCE_DECLINED_POINTS,
        t(
            lang,
            format!("客户还没准备好接受「{what}」({zh})"),
            format!("the customer is not ready for \"{what}\" ({en})"),
        ),
        Some(t(
            lang,
            "推进太多反而有害:成交尝试最多的拜访成功率约低一半。先让更多需求变得明确".into(),
            "closing pressure hurts: the calls with the most closing attempts succeeded about half as often; make more needs explicit first".into(),
        )),
    )
}

/// The `early-push` rule.
pub const EARLY_PUSH: Rule = Rule {
    id: RuleId::EarlyPush,
    name: "early-push",
    part: Part::Commitment,
    what: "proposing before any need is explicit: -3 and patience",
};

/// Points a proposal before any explicit need costs.
pub const EARLY_PUSH_POINTS: i32 = -3;

/// `early-push`: a proposal before any explicit need.
#[must_use]
pub fn early_push(lang: Lang) -> Finding {
    finding(
        &EARLY_PUSH,
        EARLY_PUSH_POINTS,
        t(lang, "客户还没有任何明确需求就被要求承诺".into(), "asked for commitment before the customer stated any explicit need".into()),
        Some(t(
            lang,
            "大订单里施压成交会降低成功率:先发展需求,再争取推进".into(),
            "closing pressure lowers success in large sales: develop needs first, then seek an advance".into(),
        )),
    )
}

/// The `vague-advance` rule.
pub const VAGUE_ADVANCE: Rule = Rule {
    id: RuleId::VagueAdvance,
    name: "vague-advance",
    part: Part::Commitment,
    what: "a proposal that is not a concrete next step earns nothing",
};

/// `vague-advance`: a proposal that is not a concrete next step.
#[must_use]
pub fn vague_advance(lang: Lang, examples: &str) -> Finding {
    finding(
        &VAGUE_ADVANCE,
        0,
        t(
            lang,
            "这不是具体的下一步,只是保持联系".into(),
            "not a concrete next step, only a continuation".into(),
        ),
        Some(t(
            lang,
            format!("提出客户能马上答应的具体行动,例如:{examples}"),
            format!("propose a concrete action the customer can agree to now, e.g. {examples}"),
        )),
    )
}

/// The `continuation-accepted` rule.
pub const CONTINUATION_ACCEPTED: Rule = Rule {
    id: RuleId::ContinuationAccepted,
    name: "continuation-accepted",
    part: Part::Commitment,
    what: "a continuation the customer agrees to (a brochure, a later call): 3 (once), and no advance yet",
};

/// Points for the first continuation the customer agrees to (before any other next step).
pub const CONTINUATION_ACCEPTED_POINTS: i32 = 3;

/// `continuation-accepted`: the customer agreed to `what`, which keeps the sale
/// alive but does not move it forward.
#[must_use]
pub fn continuation_accepted(lang: Lang, what: &str, points: i32) -> Finding {
    finding(
        &CONTINUATION_ACCEPTED,
        points,
        t(
            lang,
            format!("客户同意了「{what}」,但这只是保持联系,并没有推进销售"),
            format!("the customer agreed to \"{what}\", which keeps the contact going but does not move the sale forward"),
        ),
        Some(t(
            lang,
            "继续争取一个推进:客户承诺的具体行动,例如测试样机、参观考察或与决策者会面".into(),
            "go on to an advance, an action the customer commits to that moves the sale: a trial, a site visit, a meeting with the decision maker".into(),
        )),
    )
}

#[cfg(test)]
mod short_tests {
    use super::*;

    #[test]
    fn a_declined_advance_names_what_is_missing_not_what_is_met() {
        // Enough explicit needs, too few met, one named need not met: the explicit
        // count is not shown, the met count and the named need are.
        let short = Short {
            explicit: None,
            met: Some((0, 2)),
            named: vec!["Store calls answered".into()],
        };
        let f = advance_declined(Lang::En, "pilot", &short);
        assert_eq!(f.points, ADVANCE_DECLINED_POINTS);
        assert!(
            f.reason
                .contains("(needs met 0/2, \"Store calls answered\" not met yet)")
                && !f.reason.contains("explicit"),
            "{}",
            f.reason
        );
        let short = Short {
            explicit: Some((1, 2)),
            met: None,
            named: Vec::new(),
        };
        let f = advance_declined(Lang::Zh, "试点", &short);
        assert!(f.reason.contains("(明确需求 1/2)"), "{}", f.reason);
    }
}
