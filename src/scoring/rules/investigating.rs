//! Investigating: situation and problem questions, uncovering implied needs, and
//! the inputs that earn nothing while investigating (`off-topic`, `repeated`,
//! `unclear`, `not-a-question`, `coach-unsure`), which count towards this part.

use super::{Rule, RuleId, finding, t};
use crate::lang::Lang;
use crate::scoring::{Finding, Part};

/// The `situation-fact` rule.
pub const SITUATION_FACT: Rule = Rule {
    id: RuleId::SituationFact,
    name: "situation-fact",
    part: Part::Investigating,
    what: "a situation question that hits a scenario fact earns a point, up to 5",
};

/// Points for a situation question that hits a fact not asked before.
pub const SITUATION_FACT_POINTS: i32 = 1;

/// The most points situation questions earn in one meeting.
pub const SITUATION_FACT_MAX: i32 = 5;

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
    finding(&SITUATION_FACT, points, reason, tip)
}

/// The `situation-overuse` rule.
pub const SITUATION_OVERUSE: Rule = Rule {
    id: RuleId::SituationOveruse,
    name: "situation-overuse",
    part: Part::Investigating,
    what: "each situation question beyond the difficulty's allowance costs 2 points and patience",
};

/// Points each situation question beyond the allowance costs.
pub const SITUATION_OVERUSE_POINTS: i32 = -2;

/// `situation-overuse`: the `count`-th situation question, over an allowance of `allowance`.
#[must_use]
pub fn situation_overuse(lang: Lang, count: u32, allowance: u32) -> Finding {
    finding(
        &SITUATION_OVERUSE,
        SITUATION_OVERUSE_POINTS,
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

/// The `situation-no-problem` rule.
pub const SITUATION_NO_PROBLEM: Rule = Rule {
    id: RuleId::SituationNoProblem,
    name: "situation-no-problem",
    part: Part::Investigating,
    what: "a situation question on a problem area reveals no need",
};

/// `situation-no-problem`: a situation question on a problem area of need `need`.
#[must_use]
pub fn situation_no_problem(lang: Lang, need: &str, example: &str) -> Finding {
    finding(
        &SITUATION_NO_PROBLEM,
        0,
        t(
            lang,
            format!("问的是事实(「{need}」这一块):问事实不算发现难点,要问困难本身"),
            format!(
                "a question about facts (area: \"{need}\"): a fact question does not count as uncovering a difficulty; ask about the difficulty itself"
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

/// The `uncover-implied` rule.
pub const UNCOVER_IMPLIED: Rule = Rule {
    id: RuleId::UncoverImplied,
    name: "uncover-implied",
    part: Part::Investigating,
    what: "a problem question that uncovers an implied need earns its share of 20",
};

/// The pot uncovered needs share (see `Session::pot`).
pub const UNCOVER_IMPLIED_POT: i32 = 20;

/// `uncover-implied`: a problem question uncovered need `need`.
#[must_use]
pub fn uncover_implied(lang: Lang, need: &str, cue: &str, points: i32) -> Finding {
    finding(
        &UNCOVER_IMPLIED,
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

/// The `problem-repeat` rule.
pub const PROBLEM_REPEAT: Rule = Rule {
    id: RuleId::ProblemRepeat,
    name: "problem-repeat",
    part: Part::Investigating,
    what: "a problem question on a need already uncovered earns nothing",
};

/// `problem-repeat`: a problem question on a need already uncovered.
#[must_use]
pub fn problem_repeat(lang: Lang, need: &str) -> Finding {
    finding(
        &PROBLEM_REPEAT,
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

/// The `problem-vague` rule.
pub const PROBLEM_VAGUE: Rule = Rule {
    id: RuleId::ProblemVague,
    name: "problem-vague",
    part: Part::Investigating,
    what: "a problem question that names no area the customer can answer",
};

/// `problem-vague`: a problem question that names no area.
#[must_use]
pub fn problem_vague(lang: Lang, example: &str) -> Finding {
    finding(
        &PROBLEM_VAGUE,
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

/// The `off-topic` rule.
pub const OFF_TOPIC: Rule = Rule {
    id: RuleId::OffTopic,
    name: "off-topic",
    part: Part::Investigating,
    what: "a question that hits nothing in the scenario costs a point and patience",
};

/// Points a question that hits nothing costs.
pub const OFF_TOPIC_POINTS: i32 = -1;

/// `off-topic`: nothing in the scenario matched.
#[must_use]
pub fn off_topic(lang: Lang) -> Finding {
    finding(
        &OFF_TOPIC,
        OFF_TOPIC_POINTS,
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

/// The `repeated` rule.
pub const REPEATED: Rule = Rule {
    id: RuleId::Repeated,
    name: "repeated",
    part: Part::Investigating,
    what: "asking what was already answered costs a point and patience",
};

/// Points a question already asked and answered costs.
pub const REPEATED_POINTS: i32 = -1;

/// `repeated`: the question was asked and answered before.
#[must_use]
pub fn repeated(lang: Lang) -> Finding {
    finding(
        &REPEATED,
        REPEATED_POINTS,
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

/// The `unclear` rule.
pub const UNCLEAR: Rule = Rule {
    id: RuleId::Unclear,
    name: "unclear",
    part: Part::Investigating,
    what: "an input the customer cannot read",
};

/// `unclear`: the input could not be read.
#[must_use]
pub fn unclear(lang: Lang) -> Finding {
    finding(
        &UNCLEAR,
        0,
        t(
            lang,
            "输入太短或无法理解".into(),
            "the input is too short or cannot be understood".into(),
        ),
        None,
    )
}

/// The `not-a-question` rule.
pub const NOT_A_QUESTION: Rule = Rule {
    id: RuleId::NotAQuestion,
    name: "not-a-question",
    part: Part::Investigating,
    what: "a statement during the investigation earns nothing",
};

/// `not-a-question`: a statement while investigating.
#[must_use]
pub fn not_a_question(lang: Lang) -> Finding {
    finding(
        &NOT_A_QUESTION,
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

/// The `coach-unsure` rule.
pub const COACH_UNSURE: Rule = Rule {
    id: RuleId::CoachUnsure,
    name: "coach-unsure",
    part: Part::Investigating,
    what: "the coach could not tell which need the question is about: the customer asks back, nothing is scored",
};

/// `coach-unsure`: the question could be about several needs; nothing is scored.
#[must_use]
pub fn coach_unsure(lang: Lang, candidates: &str) -> Finding {
    finding(
        &COACH_UNSURE,
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

/// The `situation-known` rule.
pub const SITUATION_KNOWN: Rule = Rule {
    id: RuleId::SituationKnown,
    name: "situation-known",
    part: Part::Investigating,
    what: "a situation question on a fact the customer already gave earns nothing",
};

/// `situation-known`: a situation question on a fact already given.
#[must_use]
pub fn situation_known(lang: Lang, topic: &str) -> Finding {
    finding(
        &SITUATION_KNOWN,
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

/// The `wrong-contact` rule.
pub const WRONG_CONTACT: Rule = Rule {
    id: RuleId::WrongContact,
    name: "wrong-contact",
    part: Part::Investigating,
    what: "a question put to a contact who does not know: they pass it to one who does, who answers (graded as usual); no points of its own, the tip names whom to ask",
};

/// `wrong-contact`: `asked` does not know about `topic`; `knower` does.
#[must_use]
pub fn wrong_contact(lang: Lang, asked: &str, topic: &str, knower: &str) -> Finding {
    finding(
        &WRONG_CONTACT,
        0,
        t(
            lang,
            format!("{asked}不了解「{topic}」,{knower}接过了问题"),
            format!("{asked} does not know about \"{topic}\"; {knower} took the question"),
        ),
        Some(t(
            lang,
            format!("把这个问题问{knower}:先弄清在座每个人负责什么、了解什么"),
            format!("put the question to {knower}: find out who in the room owns and knows what"),
        )),
    )
}

/// The `contact-absent` rule.
pub const CONTACT_ABSENT: Rule = Rule {
    id: RuleId::ContactAbsent,
    name: "contact-absent",
    part: Part::Investigating,
    what: "a question for someone who is not in the room (not arrived yet, or gone) earns nothing",
};

/// `contact-absent`: `name` is not in the room (`gone`: has left).
#[must_use]
pub fn contact_absent(lang: Lang, name: &str, gone: bool) -> Finding {
    finding(
        &CONTACT_ABSENT,
        0,
        t(
            lang,
            format!("{name}{},这个问题没人能回答", if gone { "已经离开" } else { "还不在场" }),
            format!(
                "{name} {}, so nobody could answer",
                if gone { "has left" } else { "is not in the room yet" }
            ),
        ),
        Some(t(
            lang,
            "问在场的人他们了解的事;需要不在场的人时,可以把约见他作为下一步".into(),
            "ask the people in the room what they know; when you need someone who is not here, make meeting them the next step".into(),
        )),
    )
}
