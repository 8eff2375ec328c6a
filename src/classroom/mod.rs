//! Classroom mode's terminal-free logic: theory cards, the quiz and single-behaviour drills.
//!
//! - [`cards`](mod@cards): the method in short bilingual cards (SPIN flow, implied and explicit
//!   needs, FFAB with the connecting phrases, institutional and personal needs, the
//!   relationship matrix, needs layers, segments A–E, the eight weapons).
//! - [`quiz`]: a seeded quiz built from the scenarios' own content (which SPIN type is
//!   this question; is this an implied or an explicit need; which FFAB part is this),
//!   graded and saved in `<data dir>/learn/`.
//! - [`drill`]: Rackham's advice to practise one behaviour at a time: the setup that
//!   puts a session in the right state, the tally of hits and streaks, and results
//!   saved in `<data dir>/drills/`.
//!
//! Everything here is deterministic and free of terminal code; the TUI draws it.

pub mod cards;
pub mod drill;
pub mod quiz;
pub mod vote;

pub use cards::{Card, cards};
pub use drill::{DrillKind, DrillResult, Tally};
pub use quiz::{Item, Kind, QuizResult, Score};

use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::lexicon::classify::Label;
use crate::text::{normalize, sanitize_line};

/// Longest cue or topic used to fill a question template, in characters.
const MAX_SLOT_CHARS: usize = 40;

/// Which template family a composed question uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Situation: asks about a fact's topic.
    Situation,
    /// Problem: asks about dissatisfaction with a problem cue.
    Problem,
    /// Implication: asks about the consequences of a problem cue.
    Consequence,
    /// Implication: asks how the problem affects an implication cue (a consequence area).
    Affects,
    /// Need-payoff: asks about the value of solving a problem cue.
    Payoff,
}

impl Frame {
    /// The SPIN label a question in this frame is meant to have.
    pub(crate) fn label(self) -> Label {
        match self {
            Frame::Situation => Label::S,
            Frame::Problem => Label::P,
            Frame::Consequence | Frame::Affects => Label::I,
            Frame::Payoff => Label::N,
        }
    }

    /// The templates of this frame in a language; `{x}` is the slot.
    fn templates(self, lang: Lang) -> &'static [&'static str] {
        match (self, lang) {
            (Frame::Situation, Lang::Zh) => &[
                "能介绍一下{x}吗？",
                "想了解一下{x}，目前是什么情况？",
                "请您讲讲{x}，现在是怎么做的？",
            ],
            (Frame::Situation, Lang::En) => &[
                "Could you tell me about {x}?",
                "Can you walk me through {x} as things are today?",
                "What can you tell me about {x} at the moment?",
            ],
            (Frame::Problem, Lang::Zh) => &[
                "{x}这方面，有没有遇到什么困难？",
                "您对{x}这块满意吗？",
                "在{x}上，有没有让您头疼的地方？",
            ],
            (Frame::Problem, Lang::En) => &[
                "Do you have any problems with {the x}?",
                "How satisfied are you with {the x} at the moment?",
                "Are there any difficulties around {the x}?",
            ],
            (Frame::Consequence, Lang::Zh) => &[
                "{x}的问题会对公司造成什么影响？",
                "{x}这种情况，会带来多大的损失？",
                "{x}的事长此以往，会导致什么后果？",
            ],
            (Frame::Consequence, Lang::En) => &[
                "How does the trouble with {the x} affect the rest of the business?",
                "What do problems with {the x} end up costing you over a year?",
                "What is the knock-on effect of trouble with {the x} on your customers?",
            ],
            (Frame::Affects, Lang::Zh) => &[
                "这对{x}会有什么影响？",
                "这会给{x}带来什么后果？",
                "时间长了，{x}方面会造成多大损失？",
            ],
            (Frame::Affects, Lang::En) => &[
                "How does that affect {the x}?",
                "What does that mean for {x}?",
                "What is the knock-on effect on {the x}?",
            ],
            (Frame::Payoff, Lang::Zh) => &[
                "如果{x}的问题解决了，对您有什么帮助？",
                "要是能解决{x}的问题，能帮您省下多少？",
                "{x}的问题解决了，对您来说有多大价值？",
            ],
            (Frame::Payoff, Lang::En) => &[
                "How much would it help if {the x} were no longer a problem?",
                "Would it be valuable to you to have {the x} sorted out?",
                "If you could solve the trouble with {the x} for good, what would that be worth to you?",
            ],
        }
    }
}

/// English words that read badly after "about", "with" or "for" in a template.
const AWKWARD_EN_STARTS: &[&str] = &[
    "get",
    "go",
    "goes",
    "going",
    "gone",
    "went",
    "turn",
    "find",
    "reach",
    "looking",
    "forget",
    "miss",
    "keep",
    "answer",
    "reply",
    "respond",
    "drive",
    "come",
    "see",
    "visit",
    "try",
    "stop",
    "hard",
    "out",
    "on",
    "waiting",
    "how",
    "what",
    "who",
    "where",
    "which",
    "wrong",
    "late",
    "expensive",
    "offline",
    "tired",
    "never",
    "always",
    "can't",
    "cannot",
    "don't",
];

/// English words after which no "the" is added.
const EN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "your", "our", "their", "his", "her", "its", "this", "that", "these",
    "those", "every", "each", "all", "any", "some",
];

/// The slot with "the" in front, unless it already starts with a determiner.
fn with_article(x: &str) -> String {
    let first = x
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if EN_DETERMINERS.contains(&first.as_str()) {
        x.to_string()
    } else {
        format!("the {x}")
    }
}

/// Cues (or a topic) cleaned up to fill a template slot: trimmed, short, free of
/// control characters (others are dropped), deduplicated, with domain words first and
/// words that are themselves SPIN cues (or read badly in a template) last, so the
/// template decides the question type.
pub(crate) fn slots<'a>(items: impl IntoIterator<Item = &'a str>, lang: Lang) -> Vec<String> {
    ranked_slots(items, lang)
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

/// Like [`slots`], but only the best-ranked ones: the slots most likely to read well.
pub(crate) fn best_slots<'a>(items: impl IntoIterator<Item = &'a str>, lang: Lang) -> Vec<String> {
    let ranked = ranked_slots(items, lang);
    let top = ranked.first().map(|(r, _)| *r);
    ranked
        .into_iter()
        .filter(|(r, _)| Some(*r) == top)
        .map(|(_, s)| s)
        .collect()
}

/// Slots with their rank (lower reads better), sorted by rank, stable.
fn ranked_slots<'a>(items: impl IntoIterator<Item = &'a str>, lang: Lang) -> Vec<(u8, String)> {
    let l = Lexicon::builtin().lang(lang);
    let generic = |s: &str| {
        let n = normalize(s);
        [
            &l.fact,
            &l.problem,
            &l.implication,
            &l.need_payoff,
            &l.conditional,
            &l.negative,
        ]
        .iter()
        .any(|list| !crate::lexicon::hits(&n, list, false).is_empty())
    };
    let awkward = |s: &str| {
        lang == Lang::En
            && s.split_whitespace()
                .next()
                .is_some_and(|w| AWKWARD_EN_STARTS.contains(&w.to_ascii_lowercase().as_str()))
    };
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(u8, String)> = Vec::new();
    for raw in items {
        let s = raw.trim().to_string();
        let chars = s.chars().count();
        if !(2..=MAX_SLOT_CHARS).contains(&chars)
            || sanitize_line(&s) != s
            || !seen.insert(normalize(&s))
        {
            continue;
        }
        let single_word = lang == Lang::En && !s.contains(' ');
        let rank = u8::from(generic(&s)) * 4 + u8::from(awkward(&s)) * 2 + u8::from(single_word);
        out.push((rank, s));
    }
    out.sort_by_key(|(rank, _)| *rank);
    out
}

/// Every question of `frame` in `lang` for these slots: slot by slot, each template
/// in turn. Questions not read as `lang` by the language detector are left out.
pub(crate) fn compose(frame: Frame, lang: Lang, slots: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for x in slots {
        for t in frame.templates(lang) {
            let q = t.replace("{the x}", &with_article(x)).replace("{x}", x);
            if Lang::detect(&q) == lang {
                out.push(q);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::classify::classify;

    #[test]
    fn templates_classify_as_their_frame_with_plain_slots() {
        for (lang, x) in [(Lang::Zh, "话费"), (Lang::En, "the phone bill")] {
            for frame in [
                Frame::Situation,
                Frame::Problem,
                Frame::Consequence,
                Frame::Affects,
                Frame::Payoff,
            ] {
                for q in compose(frame, lang, &[x.to_string()]) {
                    let c = classify(&q, Lexicon::builtin());
                    assert_eq!(c.label, frame.label(), "{q}: {c:?}");
                }
            }
        }
    }

    #[test]
    fn slots_put_domain_words_first_and_drop_junk() {
        let s = slots(
            [
                "impact",
                "wedding",
                "",
                "x",
                "wedding",
                "get lost",
                "bill\u{7}",
            ],
            Lang::En,
        );
        assert_eq!(s, ["wedding", "get lost", "impact"]);
    }
}
