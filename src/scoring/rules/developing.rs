//! Developing needs: implication and need-payoff questions that develop a need and
//! make it explicit, and those asked too early, again, or about no problem
//! (`question-vague`).

use super::{Rule, RuleId, cue_en, cue_zh, finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// The `implication-too-early` rule.
pub const IMPLICATION_TOO_EARLY: Rule = Rule {
    id: RuleId::ImplicationTooEarly,
    name: "implication-too-early",
    part: Part::Developing,
    what: "an implication question on a need not yet uncovered costs a point",
};

/// Points an implication question on a hidden need costs.
pub const IMPLICATION_TOO_EARLY_POINTS: i32 = -1;

/// `implication-too-early`: an implication question on a hidden need.
#[must_use]
pub fn implication_too_early(lang: Lang, need: &str) -> Finding {
    finding(
        &IMPLICATION_TOO_EARLY,
        IMPLICATION_TOO_EARLY_POINTS,
        t(
            lang,
            format!("客户还没说出「{need}」这个问题,暗示问题无从谈起"),
            format!("the customer has not voiced the problem behind \"{need}\" yet, so there is nothing to develop"),
        ),
        Some(t(
            lang,
            "先用难点问题让客户自己说出困难,再问后果".into(),
            "first let the customer state the difficulty with a problem question, then ask about consequences".into(),
        )),
    )
}

/// The `develop-implication` rule.
pub const DEVELOP_IMPLICATION: Rule = Rule {
    id: RuleId::DevelopImplication,
    name: "develop-implication",
    part: Part::Developing,
    what: "an implication question that develops a need earns its share of 15",
};

/// The pot developed implications share: spread over the implications a skilled meeting is expected to develop.
pub const DEVELOP_IMPLICATION_POT: i32 = 15;

/// `develop-implication`: an implication question developed need `need` (`have` of `want`).
#[must_use]
pub fn develop_implication(
    lang: Lang,
    need: &str,
    cue: &str,
    have: u8,
    want: u8,
    points: i32,
) -> Finding {
    let tip = (have >= want).then(|| {
        t(
            lang,
            "问题已经够大了:用需求—效益问题让客户说出解决它的价值".into(),
            "the problem is big enough now: ask a need-payoff question so the customer states the value of solving it".into(),
        )
    });
    finding(
        &DEVELOP_IMPLICATION,
        points,
        t(
            lang,
            format!(
                "暗示问题扩大了「{need}」的后果({have}/{want},{})",
                cue_zh(cue)
            ),
            format!(
                "implication question developed \"{need}\" ({have}/{want}, {})",
                cue_en(cue)
            ),
        ),
        tip,
    )
}

/// The `implication-extra` rule.
pub const IMPLICATION_EXTRA: Rule = Rule {
    id: RuleId::ImplicationExtra,
    name: "implication-extra",
    part: Part::Developing,
    what: "further implications of a developed need add urgency but no points",
};

/// `implication-extra`: more implications of a need that is already developed.
#[must_use]
pub fn implication_extra(lang: Lang, need: &str) -> Finding {
    finding(
        &IMPLICATION_EXTRA,
        0,
        t(
            lang,
            format!("「{need}」已经扩大到位:再多的后果让问题更紧迫,但不再加分"),
            format!("\"{need}\" is already developed: more consequences add urgency but no further points"),
        ),
        Some(t(
            lang,
            "暗示问题是大订单成功最强的预测指标,但够了就转向需求—效益问题".into(),
            "implication questions are the strongest predictor of success in large sales, but once enough, turn to need-payoff".into(),
        )),
    )
}

/// The `make-explicit` rule.
pub const MAKE_EXPLICIT: Rule = Rule {
    id: RuleId::MakeExplicit,
    name: "make-explicit",
    part: Part::Developing,
    what: "a need-payoff question on a developed need makes it explicit: its share of 15",
};

/// The pot explicit needs share (see `Session::pot`).
pub const MAKE_EXPLICIT_POT: i32 = 15;

/// `make-explicit`: a need-payoff question made need `need` explicit.
#[must_use]
pub fn make_explicit(lang: Lang, need: &str, cue: &str, points: i32) -> Finding {
    finding(
        &MAKE_EXPLICIT,
        points,
        t(
            lang,
            format!("需求—效益问题让客户说出了明确需求「{need}」({})", cue_zh(cue)),
            format!("need-payoff question turned \"{need}\" into an explicit need ({})", cue_en(cue)),
        ),
        Some(t(
            lang,
            "明确需求在成功的拜访中约多一倍;现在可以用 FFAB 的利益来满足它".into(),
            "explicit needs are about twice as frequent in successful calls; now meet it with an FFAB benefit".into(),
        )),
    )
}

/// The `payoff-too-early` rule.
pub const PAYOFF_TOO_EARLY: Rule = Rule {
    id: RuleId::PayoffTooEarly,
    name: "payoff-too-early",
    part: Part::Developing,
    what: "a need-payoff question before enough implication costs a point",
};

/// Points a need-payoff question before enough implication costs.
pub const PAYOFF_TOO_EARLY_POINTS: i32 = -1;

/// `payoff-too-early`: a need-payoff question before enough implication (`have` of `want`).
#[must_use]
pub fn payoff_too_early(lang: Lang, need: &str, have: u8, want: u8) -> Finding {
    finding(
        &PAYOFF_TOO_EARLY,
        PAYOFF_TOO_EARLY_POINTS,
        t(
            lang,
            format!("「{need}」的后果还不够大({have}/{want}),客户觉得不值得解决"),
            format!("\"{need}\" is not developed enough ({have}/{want}), so the customer does not see the value yet"),
        ),
        Some(t(
            lang,
            "先用暗示问题问清后果(成本、客户流失、影响到谁),再问价值".into(),
            "first ask implication questions about consequences (cost, lost customers, who else is hurt), then ask about value".into(),
        )),
    )
}

/// The `payoff-early` rule.
pub const PAYOFF_EARLY: Rule = Rule {
    id: RuleId::PayoffEarly,
    name: "payoff-early",
    part: Part::Developing,
    what: "a grounded need-payoff question one implication short still makes the need explicit, for half its share",
};

/// `payoff-early` earns the `make-explicit` share divided by this (half).
pub const PAYOFF_EARLY_DIVISOR: i32 = 2;

/// `payoff-early`: a need-payoff question about the need's own payoff one
/// implication short of the difficulty's threshold (`have` of `want`): the customer
/// states the need, for half the credit.
#[must_use]
pub fn payoff_early(lang: Lang, need: &str, cue: &str, have: u8, want: u8, points: i32) -> Finding {
    finding(
        &PAYOFF_EARLY,
        points,
        t(
            lang,
            format!(
                "需求—效益问题让客户说出了明确需求「{need}」,但后果只问了 {have}/{want} 个,只得一半分({})",
                cue_zh(cue)
            ),
            format!(
                "need-payoff question made \"{need}\" explicit, but with only {have} of {want} implications developed it earns half ({})",
                cue_en(cue)
            ),
        ),
        Some(t(
            lang,
            "再多问一个暗示问题(成本、影响到谁、拖下去会怎样),客户的需求会说得更坚决".into(),
            "one more implication question (cost, who else is hurt, what if it goes on) makes the customer's need firmer".into(),
        )),
    )
}

/// The `payoff-repeat` rule.
pub const PAYOFF_REPEAT: Rule = Rule {
    id: RuleId::PayoffRepeat,
    name: "payoff-repeat",
    part: Part::Developing,
    what: "a need-payoff question on a need already explicit earns nothing",
};

/// `payoff-repeat`: a need-payoff question on a need already explicit.
#[must_use]
pub fn payoff_repeat(lang: Lang, need: &str) -> Finding {
    finding(
        &PAYOFF_REPEAT,
        0,
        t(
            lang,
            format!("「{need}」已经是明确需求"),
            format!("\"{need}\" is already explicit"),
        ),
        Some(t(
            lang,
            "用 FFAB 展示你的方案如何满足它".into(),
            "show how your solution meets it, in FFAB form".into(),
        )),
    )
}

/// The `question-vague` rule.
pub const QUESTION_VAGUE: Rule = Rule {
    id: RuleId::QuestionVague,
    name: "question-vague",
    part: Part::Developing,
    what: "an implication or need-payoff question about no problem on the table: the customer asks which one",
};

/// `question-vague`: an implication or need-payoff question with no problem to attach to.
#[must_use]
pub fn question_vague(lang: Lang) -> Finding {
    finding(
        &QUESTION_VAGUE,
        0,
        t(
            lang,
            "这个问题没有指向客户说过的任何问题,客户不知道你指的是哪件事".into(),
            "the question points at no problem the customer has raised, so they cannot tell which one you mean".into(),
        ),
        Some(t(
            lang,
            "先让客户说出具体困难,再针对那个困难问后果或价值".into(),
            "first get the customer to name a concrete difficulty, then ask about its consequences or the value of solving it".into(),
        )),
    )
}
