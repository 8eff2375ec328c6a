//! The meeting's end: the findings made when it ends (`personal-need`,
//! `no-advance`, and `missed-need`, which counts towards investigating), the
//! customer leaving and input after the end. Each counts towards the part it names.

use super::{Rule, RuleId, finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// The `personal-need` rule.
pub const PERSONAL_NEED: Rule = Rule {
    id: RuleId::PersonalNeed,
    name: "personal-need",
    part: Part::Commitment,
    what: "each contact's personal need met through a need earns its share of 5",
};

/// The pot the contacts' personal needs met share, one share per contact's need.
pub const PERSONAL_NEED_POT: i32 = 5;

/// `personal-need`: contact `who`'s personal need `need` met through a need.
#[must_use]
pub fn personal_need(lang: Lang, who: &str, need: &str, met: bool, points: i32) -> Finding {
    finding(
        &PERSONAL_NEED,
        points,
        if met {
            t(
                lang,
                format!("满足了{who}的个人需要「{need}」"),
                format!("met {who}'s personal need for {need}"),
            )
        } else {
            t(
                lang,
                format!("没有满足{who}的个人需要「{need}」"),
                format!("did not meet {who}'s personal need for {need}"),
            )
        },
        (!met).then(|| {
            t(
                lang,
                "客户关系 = 机构需要 × 个人需要:两者都满足才是伙伴".into(),
                "relationship = institutional × personal needs: meet both to become a partner"
                    .into(),
            )
        }),
    )
}

/// The `no-advance` rule.
pub const NO_ADVANCE: Rule = Rule {
    id: RuleId::NoAdvance,
    name: "no-advance",
    part: Part::Commitment,
    what: "the meeting ended without an agreed next step",
};

/// `no-advance`: the meeting ended with no agreed next step, or (`continuation`)
/// with only a continuation agreed.
#[must_use]
pub fn no_advance(lang: Lang, continuation: Option<&str>) -> Finding {
    finding(
        &NO_ADVANCE,
        0,
        match continuation {
            None => t(lang, "会谈结束时没有约定下一步".into(), "the meeting ended with no agreed next step".into()),
            Some(what) => t(
                lang,
                format!("会谈结束时只约定了「{what}」:这是保持联系,不是推进"),
                format!("the meeting ended with only \"{what}\" agreed: a continuation, not an advance"),
            ),
        },
        Some(t(
            lang,
            "目标是推进(客户承诺的具体行动),例如测试样机、参观考察、技术交流".into(),
            "aim for an advance, a concrete action the customer commits to: a trial unit, a site visit, a technical exchange".into(),
        )),
    )
}

/// The `customer-left` rule.
pub const CUSTOMER_LEFT: Rule = Rule {
    id: RuleId::CustomerLeft,
    name: "customer-left",
    part: Part::Commitment,
    what: "patience ran out and the customer ended the meeting",
};

/// `customer-left`: patience ran out.
#[must_use]
pub fn customer_left(lang: Lang) -> Finding {
    finding(
        &CUSTOMER_LEFT,
        0,
        t(lang, "客户失去耐心,结束了会谈".into(), "the customer ran out of patience and ended the meeting".into()),
        Some(t(
            lang,
            "跑题、重复、过多背景问题和过早推销都会消耗耐心;好的难点和暗示问题能让客户投入".into(),
            "off-topic, repeated and excess situation questions and early pitching cost patience; good problem and implication questions keep the customer engaged".into(),
        )),
    )
}

/// The `missed-need` rule.
pub const MISSED_NEED: Rule = Rule {
    id: RuleId::MissedNeed,
    name: "missed-need",
    part: Part::Investigating,
    what: "a need never uncovered (tip only)",
};

/// `missed-need`: a need never uncovered.
#[must_use]
pub fn missed_need(lang: Lang, need: &str, example: &str) -> Finding {
    finding(
        &MISSED_NEED,
        0,
        t(
            lang,
            format!("需求「{need}」始终没有被发现"),
            format!("the need \"{need}\" was never uncovered"),
        ),
        Some(t(
            lang,
            format!("问问客户在「{example}」方面有没有困难"),
            format!("ask whether they have difficulties with \"{example}\""),
        )),
    )
}

/// The `meeting-over` rule.
pub const MEETING_OVER: Rule = Rule {
    id: RuleId::MeetingOver,
    name: "meeting-over",
    part: Part::Commitment,
    what: "input after the meeting ended is ignored",
};

/// `meeting-over`: input after the end.
#[must_use]
pub fn meeting_over(lang: Lang) -> Finding {
    finding(
        &MEETING_OVER,
        0,
        t(lang, "会谈已经结束".into(), "the meeting is over".into()),
        None,
    )
}

/// The `objection-unresolved` rule.
pub const OBJECTION_UNRESOLVED: Rule = Rule {
    id: RuleId::ObjectionUnresolved,
    name: "objection-unresolved",
    part: Part::Demonstrating,
    what: "the meeting ended with an objection the trainee could have answered still open",
};

/// `objection-unresolved`: the meeting ended with `objection` open.
#[must_use]
pub fn objection_unresolved(lang: Lang, objection: &str) -> Finding {
    finding(
        &OBJECTION_UNRESOLVED,
        0,
        t(
            lang,
            format!("会谈结束时客户的顾虑(「{objection}」)仍未解决"),
            format!("the meeting ended with the objection (\"{objection}\") still open"),
        ),
        Some(t(
            lang,
            "顾虑不会自己消失:问清它背后是什么,再用对应需求的利益回答".into(),
            "objections do not go away by themselves: ask what lies behind one, then answer it with the benefit for the need it touches".into(),
        )),
    )
}

/// The `contact-left` rule.
pub const CONTACT_LEFT: Rule = Rule {
    id: RuleId::ContactLeft,
    name: "contact-left",
    part: Part::Investigating,
    what: "a contact with a patience of their own ran out of it and left the room: -2",
};

/// Points a contact walking out costs.
pub const CONTACT_LEFT_POINTS: i32 = -2;

/// `contact-left`: `name` (of `mood`, in buying role `role`) lost patience and left.
#[must_use]
pub fn contact_left(lang: Lang, name: &str, mood: &str, role: &str) -> Finding {
    let (why_zh, why_en) = match mood {
        "busy" => (
            "时间紧的人最受不了一个接一个的背景问题",
            "a busy contact has no time for one situation question after another",
        ),
        "hostile" => (
            "戒备心重的人对每一个失误都加倍在意",
            "a guarded contact counts every poor move twice",
        ),
        _ => ("", ""),
    };
    let dm = role == "decision_maker";
    finding(
        &CONTACT_LEFT,
        CONTACT_LEFT_POINTS,
        t(
            lang,
            format!("{name}失去耐心,离开了会议室"),
            format!("{name} ran out of patience and left the room"),
        ),
        Some(t(
            lang,
            format!(
                "{why_zh}{}先看清在座每个人关心什么,问他们在意的难点,背景信息提前做好功课{}",
                if why_zh.is_empty() { "" } else { ":" },
                if dm {
                    ";决策者走了,下一步只能另约"
                } else {
                    ""
                }
            ),
            format!(
                "{why_en}{}read what each person in the room cares about, ask about the problems they own and do the background homework beforehand{}",
                if why_en.is_empty() { "" } else { ": " },
                if dm {
                    "; with the decision maker gone, any next step needs another meeting"
                } else {
                    ""
                }
            ),
        )),
    )
}
