//! Gaining commitment: proposals of a next step during the meeting.

use super::{finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// `advance-accepted`: the customer committed to `what`.
#[must_use]
pub fn advance_accepted(lang: Lang, what: &str, points: i32) -> Finding {
    finding(
        "advance-accepted",
        Part::Commitment,
        points,
        t(
            lang,
            format!("客户接受了具体的下一步:{what}"),
            format!("the customer committed to a concrete next step: {what}"),
        ),
        None,
    )
}

/// `advance-declined`: the customer is not ready for `what`.
#[must_use]
pub fn advance_declined(lang: Lang, what: &str, explicit: usize, want: usize) -> Finding {
    finding(
        "advance-declined",
        Part::Commitment,
        -2,
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

/// `early-push`: a proposal before any explicit need.
#[must_use]
pub fn early_push(lang: Lang) -> Finding {
    finding(
        "early-push",
        Part::Commitment,
        -3,
        t(lang, "客户还没有任何明确需求就被要求承诺".into(), "asked for commitment before the customer stated any explicit need".into()),
        Some(t(
            lang,
            "大订单里施压成交会降低成功率:先发展需求,再争取推进".into(),
            "closing pressure lowers success in large sales: develop needs first, then seek an advance".into(),
        )),
    )
}

/// `vague-advance`: a proposal that is not a concrete next step.
#[must_use]
pub fn vague_advance(lang: Lang, examples: &str) -> Finding {
    finding(
        "vague-advance",
        Part::Commitment,
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
