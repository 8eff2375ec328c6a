//! Built-in replies used when a scenario gives none of its own.

use crate::lang::{Lang, Text};
use crate::scenario::Scenario;

/// Kinds of fallback reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    OffTopic,
    Unclear,
    Repeated,
    NotYet,
    Leave,
    Goodbye,
    Vague,
    Satisfied,
    SoWhat,
    Continuation,
    Statement,
}

/// The scenario's own list for a kind, if it has one.
pub(crate) fn scenario_list(sc: &Scenario, kind: Kind) -> &[Text] {
    let f = &sc.fallbacks;
    match kind {
        Kind::OffTopic => &f.off_topic,
        Kind::Unclear | Kind::Vague => &f.unclear,
        Kind::Repeated => &f.repeated,
        Kind::NotYet => &f.not_yet,
        Kind::Leave => &f.leave,
        _ => &[],
    }
}

/// The built-in reply for a kind.
pub(crate) fn builtin(lang: Lang, kind: Kind) -> &'static str {
    match (kind, lang) {
        (Kind::OffTopic, Lang::Zh) => "这个跟我们今天要谈的好像没什么关系。",
        (Kind::OffTopic, Lang::En) => {
            "I'm not sure how that relates to what we're here to discuss."
        }
        (Kind::Unclear, Lang::Zh) => "不好意思,我没太听明白。",
        (Kind::Unclear, Lang::En) => "Sorry, I didn't quite follow.",
        (Kind::Repeated, Lang::Zh) => "这个我刚才已经说过了。",
        (Kind::Repeated, Lang::En) => "I think I already answered that.",
        (Kind::NotYet, Lang::Zh) => "也许吧,不过这事好像也没那么要紧。",
        (Kind::NotYet, Lang::En) => "Maybe. I'm not sure it's that important, though.",
        (Kind::Leave, Lang::Zh) => "不好意思,我还有别的事,今天就先到这里吧。",
        (Kind::Leave, Lang::En) => "I'm sorry, I have to go. Let's stop here for today.",
        (Kind::Goodbye, Lang::Zh) => "好的,谢谢您今天过来。",
        (Kind::Goodbye, Lang::En) => "All right, thank you for coming in today.",
        (Kind::Vague, Lang::Zh) => "您具体指哪方面?",
        (Kind::Vague, Lang::En) => "Which part of the business do you mean?",
        (Kind::Satisfied, Lang::Zh) => "嗯,这正是我们需要的。",
        (Kind::Satisfied, Lang::En) => "Yes, that is exactly what we need.",
        (Kind::SoWhat, Lang::Zh) => "听起来不错,可这对我们到底意味着什么?",
        (Kind::SoWhat, Lang::En) => "Sounds nice, but what does it actually mean for us?",
        (Kind::Continuation, Lang::Zh) => "好的,有需要我们再联系吧。",
        (Kind::Continuation, Lang::En) => "Sure, let's keep in touch.",
        (Kind::Statement, Lang::Zh) => "嗯,我明白。",
        (Kind::Statement, Lang::En) => "I see.",
    }
}

/// Built-in objection when the scenario has none for a trigger.
pub(crate) fn objection(lang: Lang, trigger: crate::scenario::Trigger) -> &'static str {
    use crate::scenario::Trigger;
    match (trigger, lang) {
        (Trigger::PrematurePitch, Lang::Zh) => "等一下,我还没说我们需要这个。",
        (Trigger::PrematurePitch, Lang::En) => "Hold on, I haven't said we need that.",
        (Trigger::Price, Lang::Zh) => "那价格呢?这种东西一般都不便宜吧。",
        (Trigger::Price, Lang::En) => "And what does that cost? These things are never cheap.",
        (Trigger::EarlyPush, Lang::Zh) => "现在谈这个还太早了。",
        (Trigger::EarlyPush, Lang::En) => "It's far too early to talk about that.",
    }
}
