//! Demonstrating capability: FFAB answers to explicit needs, and pitches made too
//! early, without a need or about price.

use super::{Rule, RuleId, finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// The `benefit-explicit` rule.
pub const BENEFIT_EXPLICIT: Rule = Rule {
    id: RuleId::BenefitExplicit,
    name: "benefit-explicit",
    part: Part::Demonstrating,
    what: "a benefit that meets an explicit need earns its share of 12 and meets the need",
};

/// The pot benefits that meet explicit needs share (see `Session::pot`).
pub const BENEFIT_EXPLICIT_POT: i32 = 12;

/// `benefit-explicit`: a benefit met explicit need `need`.
#[must_use]
pub fn benefit_explicit(lang: Lang, need: &str, points: i32) -> Finding {
    finding(
        &BENEFIT_EXPLICIT,
        points,
        t(
            lang,
            format!("利益对准了客户的明确需求「{need}」"),
            format!("the benefit meets the explicit need \"{need}\""),
        ),
        None,
    )
}

/// The `ffab-complete` rule.
pub const FFAB_COMPLETE: Rule = Rule {
    id: RuleId::FfabComplete,
    name: "ffab-complete",
    part: Part::Demonstrating,
    what: "feature, function, advantage and benefit all present: share of 6 (half for three)",
};

/// The pot complete FFAB answers share (see `Session::pot`).
pub const FFAB_COMPLETE_POT: i32 = 6;

/// An answer with three of the four parts earns the share divided by this (half).
pub const FFAB_THREE_PARTS_DIVISOR: i32 = 2;

/// `ffab-complete`: how many of the four parts were present.
#[must_use]
pub fn ffab_complete(lang: Lang, present: &str, parts: u8, points: i32) -> Finding {
    let tip = (parts < 4).then(|| {
        t(
            lang,
            "完整的说法:只要有(特点)…就能(功能)…比方说(优点)…所以(利益)…".into(),
            "the full form: because it has (feature)… it can (function)… unlike… (advantage)… so you (benefit)…".into(),
        )
    });
    finding(
        &FFAB_COMPLETE,
        points,
        t(
            lang,
            format!("FFAB 四部分出现了 {parts} 个:{present}"),
            format!("{parts} of the four FFAB parts present: {present}"),
        ),
        tip,
    )
}

/// The `ffab-order` rule.
pub const FFAB_ORDER: Rule = Rule {
    id: RuleId::FfabOrder,
    name: "ffab-order",
    part: Part::Demonstrating,
    what: "the parts in the order F, Fn, A, B: share of 4",
};

/// The pot answers in FFAB order share (see `Session::pot`).
pub const FFAB_ORDER_POT: i32 = 4;

/// `ffab-order`: whether the parts came in the order F, Fn, A, B.
#[must_use]
pub fn ffab_order(lang: Lang, in_order: bool, points: i32) -> Finding {
    finding(
        &FFAB_ORDER,
        points,
        if in_order {
            t(lang, "顺序正确:特点→功能→优点→利益".into(), "in order: feature, function, advantage, benefit".into())
        } else {
            t(lang, "顺序不对:应以利益收尾".into(), "out of order: close on the benefit".into())
        },
        (!in_order).then(|| {
            t(
                lang,
                "先简单说特点和功能,再说优点,最后落在对客户本身的利益上".into(),
                "state feature and function simply, then the advantage, and end on the benefit to this customer".into(),
            )
        }),
    )
}

/// The `acknowledge-need` rule.
pub const ACKNOWLEDGE_NEED: Rule = Rule {
    id: RuleId::AcknowledgeNeed,
    name: "acknowledge-need",
    part: Part::Demonstrating,
    what: "the need acknowledged before the product: share of 4",
};

/// The pot answers that acknowledge the need first share (see `Session::pot`).
pub const ACKNOWLEDGE_NEED_POT: i32 = 4;

/// `acknowledge-need`: whether the need was acknowledged before the product.
#[must_use]
pub fn acknowledge_need(lang: Lang, done: bool, points: i32) -> Finding {
    finding(
        &ACKNOWLEDGE_NEED,
        points,
        if done {
            t(
                lang,
                "先认同了客户的需求,再介绍产品".into(),
                "acknowledged the customer's need before the product".into(),
            )
        } else {
            t(
                lang,
                "没有先认同客户的需求".into(),
                "did not acknowledge the customer's need first".into(),
            )
        },
        (!done).then(|| {
            t(
                lang,
                "先表示理解和认同:「您说的对……」「您刚才提到……」".into(),
                "first show you understood: \"as you said…\", \"you mentioned…\"".into(),
            )
        }),
    )
}

/// The `customer-terms` rule.
pub const CUSTOMER_TERMS: Rule = Rule {
    id: RuleId::CustomerTerms,
    name: "customer-terms",
    part: Part::Demonstrating,
    what: "the benefit uses the customer's own words: share of 4",
};

/// The pot benefits in the customer's own words share (see `Session::pot`).
pub const CUSTOMER_TERMS_POT: i32 = 4;

/// `customer-terms`: whether the benefit used the customer's own words.
#[must_use]
pub fn customer_terms(lang: Lang, word: Option<&str>, points: i32) -> Finding {
    finding(
        &CUSTOMER_TERMS,
        points,
        match word {
            Some(w) => t(lang, format!("利益用了客户自己的说法(「{w}」)"), format!("the benefit uses the customer's own words (\"{w}\")")),
            None => t(lang, "利益没有用客户自己的说法".into(), "the benefit does not use the customer's own words".into()),
        },
        word.is_none().then(|| {
            t(
                lang,
                "复述客户说出明确需求时用的词,让他看到这正是他要的".into(),
                "echo the words the customer used for the explicit need so they see it is what they asked for".into(),
            )
        }),
    )
}

/// The `no-benefit` rule.
pub const NO_BENEFIT: Rule = Rule {
    id: RuleId::NoBenefit,
    name: "no-benefit",
    part: Part::Demonstrating,
    what: "an answer to an explicit need with no benefit earns nothing",
};

/// `no-benefit`: an answer to an explicit need that never states the benefit.
#[must_use]
pub fn no_benefit(lang: Lang, need: &str, example: &str) -> Finding {
    finding(
        &NO_BENEFIT,
        0,
        t(
            lang,
            format!("讲了产品,但没说它给「{need}」带来的利益"),
            format!("talked about the product but not its benefit for \"{need}\""),
        ),
        Some(t(
            lang,
            format!("以利益收尾,例如:{example}"),
            format!("close on the benefit, e.g. {example}"),
        )),
    )
}

/// The `premature-pitch` rule.
pub const PREMATURE_PITCH: Rule = Rule {
    id: RuleId::PrematurePitch,
    name: "premature-pitch",
    part: Part::Demonstrating,
    what: "an advantage or benefit offered to a need that is not explicit: objection, -3 and patience",
};

/// Points an advantage or benefit offered before the need is explicit costs.
pub const PREMATURE_PITCH_POINTS: i32 = -3;

/// `premature-pitch`: an advantage or benefit offered to need `need` before it is explicit.
#[must_use]
pub fn premature_pitch(lang: Lang, need: Option<&str>) -> Finding {
    let reason = match need {
        Some(n) => t(
            lang,
            format!("在客户说出明确需求之前就推销优点/利益(「{n}」),客户提出了异议"),
            format!("pitched advantages or benefits before \"{n}\" was an explicit need; the customer objects"),
        ),
        None => t(
            lang,
            "客户还没谈到这方面的问题,就推销优点/利益,客户提出了异议".into(),
            "pitched advantages or benefits for a problem the customer has not even mentioned; the customer objects".into(),
        ),
    };
    finding(
        &PREMATURE_PITCH,
        PREMATURE_PITCH_POINTS,
        reason,
        Some(t(
            lang,
            "对隐含需求讲优点,多半换来异议:先用暗示和需求—效益问题让客户说出「我需要……」".into(),
            "advantages offered to implied needs mostly raise objections: first get the customer to say \"what I need is…\"".into(),
        )),
    )
}

/// The `feature-dump` rule.
pub const FEATURE_DUMP: Rule = Rule {
    id: RuleId::FeatureDump,
    name: "feature-dump",
    part: Part::Demonstrating,
    what: "features with no explicit need raise price concerns: -1",
};

/// Points features with no explicit need cost.
pub const FEATURE_DUMP_POINTS: i32 = -1;

/// `feature-dump`: features and functions with no explicit need.
#[must_use]
pub fn feature_dump(lang: Lang) -> Finding {
    finding(
        &FEATURE_DUMP,
        FEATURE_DUMP_POINTS,
        t(
            lang,
            "在没有明确需求时介绍产品特点,客户只会问价格".into(),
            "features with no explicit need behind them: the customer only thinks about price".into(),
        ),
        Some(t(
            lang,
            "大订单里过早讲特点略有负面作用,主要引起价格顾虑".into(),
            "in large sales, features early in the call are slightly negative and mostly raise price concerns".into(),
        )),
    )
}

/// The `pitch-unfocused` rule.
pub const PITCH_UNFOCUSED: Rule = Rule {
    id: RuleId::PitchUnfocused,
    name: "pitch-unfocused",
    part: Part::Demonstrating,
    what: "a pitch that meets no need of this customer: -1",
};

/// Points a pitch that meets no need costs.
pub const PITCH_UNFOCUSED_POINTS: i32 = -1;

/// `pitch-unfocused`: a pitch that meets no need of this customer.
#[must_use]
pub fn pitch_unfocused(lang: Lang) -> Finding {
    finding(
        &PITCH_UNFOCUSED,
        PITCH_UNFOCUSED_POINTS,
        t(
            lang,
            "介绍没有对上客户的任何需求".into(),
            "the pitch meets none of this customer's needs".into(),
        ),
        Some(t(
            lang,
            "每次展示都要对准客户说过的某个明确需求".into(),
            "aim every presentation at an explicit need the customer stated".into(),
        )),
    )
}

/// The `pitch-repeat` rule.
pub const PITCH_REPEAT: Rule = Rule {
    id: RuleId::PitchRepeat,
    name: "pitch-repeat",
    part: Part::Demonstrating,
    what: "presenting again to a need already met earns nothing",
};

/// `pitch-repeat`: presenting again to a met need.
#[must_use]
pub fn pitch_repeat(lang: Lang, need: &str) -> Finding {
    finding(
        &PITCH_REPEAT,
        0,
        t(
            lang,
            format!("「{need}」已经满足了"),
            format!("\"{need}\" is already met"),
        ),
        Some(t(
            lang,
            "转向下一个需求,或提出下一步".into(),
            "move to the next need, or propose a next step".into(),
        )),
    )
}

/// The `price-talk` rule.
pub const PRICE_TALK: Rule = Rule {
    id: RuleId::PriceTalk,
    name: "price-talk",
    part: Part::Demonstrating,
    what: "talking price before value is established: objection, -1",
};

/// Points talking price before value costs.
pub const PRICE_TALK_POINTS: i32 = -1;

/// `price-talk`: price before value.
#[must_use]
pub fn price_talk(lang: Lang) -> Finding {
    finding(
        &PRICE_TALK,
        PRICE_TALK_POINTS,
        t(lang, "价值还没建立就谈价格".into(), "talked price before establishing value".into()),
        Some(t(
            lang,
            "价格只是价值的一部分:商誉、服务、信任和确保成功同样重要".into(),
            "price is only part of value: goodwill, service, trust and the assurance of success count too".into(),
        )),
    )
}

/// The `objection-clarified` rule.
pub const OBJECTION_CLARIFIED: Rule = Rule {
    id: RuleId::ObjectionClarified,
    name: "objection-clarified",
    part: Part::Demonstrating,
    what: "a question that explores an objection before answering it: 2 (once per objection)",
};

/// Points for exploring an objection with a question.
pub const OBJECTION_CLARIFIED_POINTS: i32 = 2;

/// `objection-clarified`: the trainee asked what lies behind `objection`.
#[must_use]
pub fn objection_clarified(lang: Lang, objection: &str) -> Finding {
    finding(
        &OBJECTION_CLARIFIED,
        OBJECTION_CLARIFIED_POINTS,
        t(
            lang,
            format!("先用提问弄清了客户的顾虑(「{objection}」)"),
            format!("asked what lies behind the objection (\"{objection}\") before answering it"),
        ),
        None,
    )
}

/// The `objection-answered` rule.
pub const OBJECTION_ANSWERED: Rule = Rule {
    id: RuleId::ObjectionAnswered,
    name: "objection-answered",
    part: Part::Demonstrating,
    what: "an objection answered with a benefit the customer has asked for: 3",
};

/// Points for answering an objection with a benefit.
pub const OBJECTION_ANSWERED_POINTS: i32 = 3;

/// `objection-answered`: a benefit for `need` answered `objection`.
#[must_use]
pub fn objection_answered(lang: Lang, objection: &str, need: &str) -> Finding {
    finding(
        &OBJECTION_ANSWERED,
        OBJECTION_ANSWERED_POINTS,
        t(
            lang,
            format!("用「{need}」的利益化解了顾虑(「{objection}」)"),
            format!("answered the objection (\"{objection}\") with the benefit for \"{need}\""),
        ),
        None,
    )
}

/// The `objection-ignored` rule.
pub const OBJECTION_IGNORED: Rule = Rule {
    id: RuleId::ObjectionIgnored,
    name: "objection-ignored",
    part: Part::Demonstrating,
    what: "pushing for a next step over an open objection: -2 and patience",
};

/// Points a proposal over an open objection costs.
pub const OBJECTION_IGNORED_POINTS: i32 = -2;

/// `objection-ignored`: a proposal while `objection` is still open.
#[must_use]
pub fn objection_ignored(lang: Lang, objection: &str) -> Finding {
    finding(
        &OBJECTION_IGNORED,
        OBJECTION_IGNORED_POINTS,
        t(
            lang,
            format!("客户的顾虑(「{objection}」)还没解决就要求推进"),
            format!("pushed for a next step while the objection (\"{objection}\") was still open"),
        ),
        Some(t(
            lang,
            "先认同顾虑,用提问弄清它,再用客户要的利益回答它".into(),
            "acknowledge the concern, ask what lies behind it, then answer it with a benefit the customer asked for".into(),
        )),
    )
}
