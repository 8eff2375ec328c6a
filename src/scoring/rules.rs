//! The scoring rules. Each is a small function with a fixed id and part that
//! returns a [`Finding`] with its points, the reason it saw and a tip, in the
//! trainee's language. Research figures (METHOD.md §3) are cited in tips.

use super::{Finding, Part};
use crate::lang::Lang;

/// Every rule: id, part, and a one-line description for documentation.
pub const RULES: &[(&str, Part, &str)] = &[
    (
        "situation-fact",
        Part::Investigating,
        "a situation question that hits a scenario fact earns a point, up to 5",
    ),
    (
        "situation-overuse",
        Part::Investigating,
        "each situation question beyond the difficulty's allowance costs 2 points and patience",
    ),
    (
        "situation-no-problem",
        Part::Investigating,
        "a situation question on a problem area reveals no need",
    ),
    (
        "uncover-implied",
        Part::Investigating,
        "a problem question that uncovers an implied need earns its share of 20",
    ),
    (
        "problem-repeat",
        Part::Investigating,
        "a problem question on a need already uncovered earns nothing",
    ),
    (
        "problem-vague",
        Part::Investigating,
        "a problem question that names no area the customer can answer",
    ),
    (
        "off-topic",
        Part::Investigating,
        "a question that hits nothing in the scenario costs a point and patience",
    ),
    (
        "repeated",
        Part::Investigating,
        "asking what was already answered costs a point and patience",
    ),
    (
        "unclear",
        Part::Investigating,
        "an input the customer cannot read",
    ),
    (
        "not-a-question",
        Part::Investigating,
        "a statement during the investigation earns nothing",
    ),
    (
        "implication-too-early",
        Part::Developing,
        "an implication question on a need not yet uncovered costs a point",
    ),
    (
        "develop-implication",
        Part::Developing,
        "an implication question that develops a need earns its share of 15",
    ),
    (
        "implication-extra",
        Part::Developing,
        "further implications of a developed need add urgency but no points",
    ),
    (
        "make-explicit",
        Part::Developing,
        "a need-payoff question on a developed need makes it explicit: its share of 15",
    ),
    (
        "payoff-too-early",
        Part::Developing,
        "a need-payoff question before enough implication costs a point",
    ),
    (
        "payoff-early",
        Part::Developing,
        "a grounded need-payoff question one implication short still makes the need explicit, for half its share",
    ),
    (
        "payoff-repeat",
        Part::Developing,
        "a need-payoff question on a need already explicit earns nothing",
    ),
    (
        "benefit-explicit",
        Part::Demonstrating,
        "a benefit that meets an explicit need earns its share of 12 and meets the need",
    ),
    (
        "ffab-complete",
        Part::Demonstrating,
        "feature, function, advantage and benefit all present: share of 6 (half for three)",
    ),
    (
        "ffab-order",
        Part::Demonstrating,
        "the parts in the order F, Fn, A, B: share of 4",
    ),
    (
        "acknowledge-need",
        Part::Demonstrating,
        "the need acknowledged before the product: share of 4",
    ),
    (
        "customer-terms",
        Part::Demonstrating,
        "the benefit uses the customer's own words: share of 4",
    ),
    (
        "no-benefit",
        Part::Demonstrating,
        "an answer to an explicit need with no benefit earns nothing",
    ),
    (
        "premature-pitch",
        Part::Demonstrating,
        "an advantage or benefit offered to a need that is not explicit: objection, -3 and patience",
    ),
    (
        "feature-dump",
        Part::Demonstrating,
        "features with no explicit need raise price concerns: -1",
    ),
    (
        "pitch-unfocused",
        Part::Demonstrating,
        "a pitch that meets no need of this customer: -1",
    ),
    (
        "pitch-repeat",
        Part::Demonstrating,
        "presenting again to a need already met earns nothing",
    ),
    (
        "price-talk",
        Part::Demonstrating,
        "talking price before value is established: objection, -1",
    ),
    (
        "advance-accepted",
        Part::Commitment,
        "a concrete next step the customer accepts: 10 (once)",
    ),
    (
        "advance-declined",
        Part::Commitment,
        "a next step the customer is not ready for: -2 and patience",
    ),
    (
        "early-push",
        Part::Commitment,
        "proposing before any need is explicit: -3 and patience",
    ),
    (
        "vague-advance",
        Part::Commitment,
        "a proposal that is not a concrete next step earns nothing",
    ),
    (
        "personal-need",
        Part::Commitment,
        "each contact's personal need met through a need earns its share of 5",
    ),
    (
        "no-advance",
        Part::Commitment,
        "the meeting ended without an agreed next step",
    ),
    (
        "customer-left",
        Part::Commitment,
        "patience ran out and the customer ended the meeting",
    ),
    (
        "missed-need",
        Part::Investigating,
        "a need never uncovered (tip only)",
    ),
    (
        "coach-unsure",
        Part::Investigating,
        "the coach could not tell which need the question is about: the customer asks back, nothing is scored",
    ),
    (
        "question-vague",
        Part::Developing,
        "an implication or need-payoff question about no problem on the table: the customer asks which one",
    ),
    (
        "situation-known",
        Part::Investigating,
        "a situation question on a fact the customer already gave earns nothing",
    ),
    (
        "meeting-over",
        Part::Commitment,
        "input after the meeting ended is ignored",
    ),
];

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

fn finding(
    rule: &'static str,
    part: Part,
    points: i32,
    reason: String,
    tip: Option<String>,
) -> Finding {
    Finding {
        rule: rule.into(),
        part,
        points,
        reason,
        tip,
    }
}

/// `situation-fact`: a situation question hit a fact; `points` is 1 within the first five, else 0.
#[must_use]
pub fn situation_fact(lang: Lang, topic: &str, cue: &str, points: i32) -> Finding {
    let reason = t(
        lang,
        format!("背景问题问到了「{topic}」(线索词「{cue}」)"),
        format!("situation question on \"{topic}\" (cue \"{cue}\")"),
    );
    let tip = (points == 0).then(|| {
        t(
            lang,
            "背景已经够了:用难点问题去找客户的困难和不满".into(),
            "you have enough background: ask problem questions to find difficulties".into(),
        )
    });
    finding("situation-fact", Part::Investigating, points, reason, tip)
}

/// `situation-overuse`: the `count`-th situation question, over an allowance of `allowance`.
#[must_use]
pub fn situation_overuse(lang: Lang, count: u32, allowance: u32) -> Finding {
    finding(
        "situation-overuse",
        Part::Investigating,
        -2,
        t(
            lang,
            format!("第 {count} 个背景问题,超过本场景的 {allowance} 个;客户开始不耐烦"),
            format!("situation question number {count}, over this scenario's allowance of {allowance}; the customer grows impatient"),
        ),
        Some(t(
            lang,
            "背景问题让买方厌烦:研究发现失败的拜访问得更多。问清必要事实后,转向难点问题".into(),
            "buyers find situation questions tiresome, and unsuccessful calls ask more of them (Rackham); move on to problem questions".into(),
        )),
    )
}

/// `situation-no-problem`: a situation question on a problem area of need `need`.
#[must_use]
pub fn situation_no_problem(lang: Lang, need: &str, example: &str) -> Finding {
    finding(
        "situation-no-problem",
        Part::Investigating,
        0,
        t(
            lang,
            format!("问的是事实,客户没有谈到困难(「{need}」这一块)"),
            format!(
                "a question about facts: the customer mentions no difficulty (area: \"{need}\")"
            ),
        ),
        Some(t(
            lang,
            format!("问客户是否满意、有何困难,例如围绕「{example}」提难点问题"),
            format!(
                "ask whether they are satisfied or have difficulties, e.g. a problem question about \"{example}\""
            ),
        )),
    )
}

/// `uncover-implied`: a problem question uncovered need `need`.
#[must_use]
pub fn uncover_implied(lang: Lang, need: &str, cue: &str, points: i32) -> Finding {
    finding(
        "uncover-implied",
        Part::Investigating,
        points,
        t(
            lang,
            format!("难点问题揭示了隐含需求「{need}」(线索词「{cue}」)"),
            format!("problem question uncovered the implied need \"{need}\" (cue \"{cue}\")"),
        ),
        Some(t(
            lang,
            "隐含需求本身与大订单成功无关:接着用暗示问题扩大它的后果".into(),
            "implied needs alone do not predict success in large sales: develop this one with implication questions".into(),
        )),
    )
}

/// `problem-repeat`: a problem question on a need already uncovered.
#[must_use]
pub fn problem_repeat(lang: Lang, need: &str) -> Finding {
    finding(
        "problem-repeat",
        Part::Investigating,
        0,
        t(
            lang,
            format!("「{need}」已经揭示过了"),
            format!("\"{need}\" was already uncovered"),
        ),
        Some(t(
            lang,
            "问题已经摆出来了:问它带来什么影响(暗示问题)".into(),
            "the problem is on the table: ask what it leads to (an implication question)".into(),
        )),
    )
}

/// `problem-vague`: a problem question that names no area.
#[must_use]
pub fn problem_vague(lang: Lang, example: &str) -> Finding {
    finding(
        "problem-vague",
        Part::Investigating,
        0,
        t(
            lang,
            "难点问题没有指向具体领域,客户不知从何说起".into(),
            "the problem question names no area, so the customer does not know where to start"
                .into(),
        ),
        Some(t(
            lang,
            format!("把问题落在具体业务上,例如「{example}」"),
            format!("tie the question to a concrete area, e.g. \"{example}\""),
        )),
    )
}

/// `off-topic`: nothing in the scenario matched.
#[must_use]
pub fn off_topic(lang: Lang) -> Finding {
    finding(
        "off-topic",
        Part::Investigating,
        -1,
        t(
            lang,
            "这个问题没有命中客户的任何事实或需求线索".into(),
            "the question hit none of the customer's facts or needs".into(),
        ),
        Some(t(
            lang,
            "围绕简报里的业务提问:客户的流程、系统和他们关心的结果".into(),
            "ask about the business in the briefing: their processes, systems and the results they care about".into(),
        )),
    )
}

/// `repeated`: the question was asked and answered before.
#[must_use]
pub fn repeated(lang: Lang) -> Finding {
    finding(
        "repeated",
        Part::Investigating,
        -1,
        t(
            lang,
            "这个问题之前已经问过、客户也答过了".into(),
            "this was already asked and answered".into(),
        ),
        Some(t(
            lang,
            "认真听回答,在客户的话上追问".into(),
            "listen to the answers and build on what the customer said".into(),
        )),
    )
}

/// `unclear`: the input could not be read.
#[must_use]
pub fn unclear(lang: Lang) -> Finding {
    finding(
        "unclear",
        Part::Investigating,
        0,
        t(
            lang,
            "输入太短或无法理解".into(),
            "the input is too short or cannot be understood".into(),
        ),
        None,
    )
}

/// `not-a-question`: a statement while investigating.
#[must_use]
pub fn not_a_question(lang: Lang) -> Finding {
    finding(
        "not-a-question",
        Part::Investigating,
        0,
        t(
            lang,
            "这是陈述,不是提问(没有问号或疑问词)".into(),
            "this is a statement, not a question (no question mark or question word)".into(),
        ),
        Some(t(
            lang,
            "调查阶段多问少说".into(),
            "while investigating, ask rather than tell".into(),
        )),
    )
}

/// `implication-too-early`: an implication question on a hidden need.
#[must_use]
pub fn implication_too_early(lang: Lang, need: &str) -> Finding {
    finding(
        "implication-too-early",
        Part::Developing,
        -1,
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
        "develop-implication",
        Part::Developing,
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

/// `implication-extra`: more implications of a need that is already developed.
#[must_use]
pub fn implication_extra(lang: Lang, need: &str) -> Finding {
    finding(
        "implication-extra",
        Part::Developing,
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

/// `make-explicit`: a need-payoff question made need `need` explicit.
#[must_use]
pub fn make_explicit(lang: Lang, need: &str, cue: &str, points: i32) -> Finding {
    finding(
        "make-explicit",
        Part::Developing,
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

/// `payoff-too-early`: a need-payoff question before enough implication (`have` of `want`).
#[must_use]
pub fn payoff_too_early(lang: Lang, need: &str, have: u8, want: u8) -> Finding {
    finding(
        "payoff-too-early",
        Part::Developing,
        -1,
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

/// `payoff-early`: a need-payoff question about the need's own payoff one
/// implication short of the difficulty's threshold (`have` of `want`): the customer
/// states the need, for half the credit.
#[must_use]
pub fn payoff_early(lang: Lang, need: &str, cue: &str, have: u8, want: u8, points: i32) -> Finding {
    finding(
        "payoff-early",
        Part::Developing,
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

/// `payoff-repeat`: a need-payoff question on a need already explicit.
#[must_use]
pub fn payoff_repeat(lang: Lang, need: &str) -> Finding {
    finding(
        "payoff-repeat",
        Part::Developing,
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

/// `benefit-explicit`: a benefit met explicit need `need`.
#[must_use]
pub fn benefit_explicit(lang: Lang, need: &str, points: i32) -> Finding {
    finding(
        "benefit-explicit",
        Part::Demonstrating,
        points,
        t(
            lang,
            format!("利益对准了客户的明确需求「{need}」"),
            format!("the benefit meets the explicit need \"{need}\""),
        ),
        None,
    )
}

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
        "ffab-complete",
        Part::Demonstrating,
        points,
        t(
            lang,
            format!("FFAB 四部分出现了 {parts} 个:{present}"),
            format!("{parts} of the four FFAB parts present: {present}"),
        ),
        tip,
    )
}

/// `ffab-order`: whether the parts came in the order F, Fn, A, B.
#[must_use]
pub fn ffab_order(lang: Lang, in_order: bool, points: i32) -> Finding {
    finding(
        "ffab-order",
        Part::Demonstrating,
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

/// `acknowledge-need`: whether the need was acknowledged before the product.
#[must_use]
pub fn acknowledge_need(lang: Lang, done: bool, points: i32) -> Finding {
    finding(
        "acknowledge-need",
        Part::Demonstrating,
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

/// `customer-terms`: whether the benefit used the customer's own words.
#[must_use]
pub fn customer_terms(lang: Lang, word: Option<&str>, points: i32) -> Finding {
    finding(
        "customer-terms",
        Part::Demonstrating,
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

/// `no-benefit`: an answer to an explicit need that never states the benefit.
#[must_use]
pub fn no_benefit(lang: Lang, need: &str, example: &str) -> Finding {
    finding(
        "no-benefit",
        Part::Demonstrating,
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

/// `premature-pitch`: an advantage or benefit offered to need `need` before it is explicit.
#[must_use]
pub fn premature_pitch(lang: Lang, need: Option<&str>, points: i32) -> Finding {
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
        "premature-pitch",
        Part::Demonstrating,
        points,
        reason,
        Some(t(
            lang,
            "对隐含需求讲优点,多半换来异议:先用暗示和需求—效益问题让客户说出「我需要……」".into(),
            "advantages offered to implied needs mostly raise objections: first get the customer to say \"what I need is…\"".into(),
        )),
    )
}

/// `feature-dump`: features and functions with no explicit need.
#[must_use]
pub fn feature_dump(lang: Lang) -> Finding {
    finding(
        "feature-dump",
        Part::Demonstrating,
        -1,
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

/// `pitch-unfocused`: a pitch that meets no need of this customer.
#[must_use]
pub fn pitch_unfocused(lang: Lang) -> Finding {
    finding(
        "pitch-unfocused",
        Part::Demonstrating,
        -1,
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

/// `pitch-repeat`: presenting again to a met need.
#[must_use]
pub fn pitch_repeat(lang: Lang, need: &str) -> Finding {
    finding(
        "pitch-repeat",
        Part::Demonstrating,
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

/// `price-talk`: price before value.
#[must_use]
pub fn price_talk(lang: Lang) -> Finding {
    finding(
        "price-talk",
        Part::Demonstrating,
        -1,
        t(lang, "价值还没建立就谈价格".into(), "talked price before establishing value".into()),
        Some(t(
            lang,
            "价格只是价值的一部分:商誉、服务、信任和确保成功同样重要".into(),
            "price is only part of value: goodwill, service, trust and the assurance of success count too".into(),
        )),
    )
}

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

/// `personal-need`: contact `who`'s personal need `need` met through a need.
#[must_use]
pub fn personal_need(lang: Lang, who: &str, need: &str, met: bool, points: i32) -> Finding {
    finding(
        "personal-need",
        Part::Commitment,
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

/// `no-advance`: the meeting ended with no agreed next step.
#[must_use]
pub fn no_advance(lang: Lang) -> Finding {
    finding(
        "no-advance",
        Part::Commitment,
        0,
        t(lang, "会谈结束时没有约定下一步".into(), "the meeting ended with no agreed next step".into()),
        Some(t(
            lang,
            "目标是推进(客户承诺的具体行动),例如测试样机、参观考察、技术交流".into(),
            "aim for an advance, a concrete action the customer commits to: a trial unit, a site visit, a technical exchange".into(),
        )),
    )
}

/// `customer-left`: patience ran out.
#[must_use]
pub fn customer_left(lang: Lang) -> Finding {
    finding(
        "customer-left",
        Part::Commitment,
        0,
        t(lang, "客户失去耐心,结束了会谈".into(), "the customer ran out of patience and ended the meeting".into()),
        Some(t(
            lang,
            "跑题、重复、过多背景问题和过早推销都会消耗耐心;好的难点和暗示问题能让客户投入".into(),
            "off-topic, repeated and excess situation questions and early pitching cost patience; good problem and implication questions keep the customer engaged".into(),
        )),
    )
}

/// `missed-need`: a need never uncovered.
#[must_use]
pub fn missed_need(lang: Lang, need: &str, example: &str) -> Finding {
    finding(
        "missed-need",
        Part::Investigating,
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

/// `meeting-over`: input after the end.
#[must_use]
pub fn meeting_over(lang: Lang) -> Finding {
    finding(
        "meeting-over",
        Part::Commitment,
        0,
        t(lang, "会谈已经结束".into(), "the meeting is over".into()),
        None,
    )
}

/// `coach-unsure`: the question could be about several needs; nothing is scored.
#[must_use]
pub fn coach_unsure(lang: Lang, candidates: &str) -> Finding {
    finding(
        "coach-unsure",
        Part::Investigating,
        0,
        t(
            lang,
            format!("教练不确定这个问题问的是哪一项需求({candidates}),客户反问,不计分"),
            format!(
                "the coach is unsure which need this question is about ({candidates}); the customer asks back and nothing is scored"
            ),
        ),
        Some(t(
            lang,
            "一次只问一件事,用客户业务里的具体说法".into(),
            "ask about one thing at a time, in the customer's concrete terms".into(),
        )),
    )
}

/// `question-vague`: an implication or need-payoff question with no problem to attach to.
#[must_use]
pub fn question_vague(lang: Lang) -> Finding {
    finding(
        "question-vague",
        Part::Developing,
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

/// `situation-known`: a situation question on a fact already given.
#[must_use]
pub fn situation_known(lang: Lang, topic: &str) -> Finding {
    finding(
        "situation-known",
        Part::Investigating,
        0,
        t(
            lang,
            format!("「{topic}」客户刚才已经讲过了"),
            format!("the customer already told you about \"{topic}\""),
        ),
        Some(t(
            lang,
            "在已知的事实上追问困难,而不是再问一遍事实".into(),
            "build on the facts you have: ask about difficulties instead of the same facts again"
                .into(),
        )),
    )
}
