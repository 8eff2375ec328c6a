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

/// `advance-declined`: the customer is not ready for `what`.
#[must_use]
pub fn advance_declined(lang: Lang, what: &str, explicit: usize, want: usize) -> Finding {
    finding(
        &ADVANCE_DECLINED,
        ADVANCE_DECLINED_POINTS,
        t(
            lang,
            format!("客户还没准备好接受「{what}」(明确需求 {explicit}/{want})"),
            format!("the customer is not ready for \"{what}\" (explicit needs {explicit}/{want})"),
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
