//! The understanding stage: what a trainee's question is about (topic), what kind of
//! question it is in this meeting (form), and how sure the coach is (confidence).
//! The session decides from a [`Reading`], never from raw text.
//!
//! Topic and form are found separately, then combined with the meeting's state:
//! - **topic**: the turn's terms ([`terms`]) scored against the scenario's whole text
//!   ([`index`]): needs' problems, implications, payoffs and summaries, facts, products,
//!   with a boost for the need under discussion when the turn refers back to it
//!   ("that", 这种情况) and for the addressed contact's needs;
//! - **form**: the surface classifier ([`crate::lexicon::classify`]) on the question
//!   the customer will answer (the last one of a compound turn), corrected by context:
//!   asking about an effect of a problem already voiced is an implication question even
//!   when worded like a fact question; asking whether a hidden problem area works is a
//!   problem question;
//! - **confidence**: a small margin between two needs, or a turn that names several
//!   needs at once, is unsure: the customer asks back and no points are given.

pub mod index;
pub mod terms;

use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::lexicon::classify::{Classification, Label, classify};
use crate::scenario::Scenario;
use crate::session::NeedState;
use crate::text::normalize;
use index::{Element, Hit, Index};
use serde::Serialize;
use terms::{Term, term_set};

/// What a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Topic {
    /// Nothing in the scenario.
    Nothing,
    /// A fact.
    Fact {
        /// Index into the scenario's facts.
        fact: usize,
    },
    /// A need.
    Need {
        /// Index into the scenario's needs.
        need: usize,
    },
}

/// How sure the coach is of its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Clear topic and form.
    Sure,
    /// Two readings are close; the customer asks back and nothing is scored.
    Unsure,
}

/// The meeting state the reading depends on.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Every need's state, in scenario order.
    pub states: &'a [NeedState],
    /// The need under discussion (the one the customer last talked about).
    pub focus: Option<usize>,
    /// The contact the question is addressed to, by id.
    pub addressed: Option<&'a str>,
    /// Per need, whether a problem question has already uncovered it; a need the
    /// customer only mentioned in passing (a situation question surfaced it) is
    /// voiced but not uncovered. Empty: every voiced need counts as uncovered.
    pub uncovered: &'a [bool],
}

/// The coach's reading of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// The form in this meeting: S, P, I, N or not a SPIN question.
    pub form: Label,
    /// The rule that decided the form.
    pub rule: &'static str,
    /// The evidence: classifier cues and grounding terms.
    pub cues: Vec<String>,
    /// What the question is about.
    pub topic: Topic,
    /// The best-matching element within the topic, for needs: problem, implication k, payoff.
    #[serde(skip)]
    pub element: Option<Element>,
    /// How sure the coach is.
    pub confidence: Confidence,
    /// The question refers back to something said ("that", 这种情况).
    pub referent: bool,
    /// The question carries words of its own that ground it (not only a referent).
    pub grounded: bool,
    /// The language read.
    pub lang: Lang,
    /// The words that tie the question to its topic, most telling first.
    pub evidence: Vec<String>,
    /// Each need's grounding score (after boosts), in scenario order.
    #[serde(skip)]
    pub need_scores: Vec<f32>,
    /// A problem question that also asks about an effect of the problem it uncovers
    /// ("…分不清吧?一年下来多花多少?"): it develops one implication too.
    #[serde(skip)]
    pub also_effect: bool,
}

/// The least score for a turn to be about an element at all.
const MIN_SCORE: f32 = 1.8;
/// Two needs scoring within this ratio of each other are a tie.
const TIE_RATIO: f32 = 0.93;

const REFERENT_EN: &[&str] = &[
    "that",
    "it",
    "this",
    "those",
    "these",
    "then",
    "there",
    "such",
    "when that",
];
const REFERENT_ZH: &[&str] = &[
    "这种",
    "这样",
    "这个",
    "这些",
    "那个",
    "那些",
    "那样",
    "这块",
    "这事",
    "此",
    "这会",
    "那会",
    "这对",
    "那对",
    "这一",
    "那么",
    "那这",
    "那您",
    "那你",
    "这么",
    "那种",
    "这方面",
    "这件",
    "这类",
    "这批",
    "此类",
    "这部分",
];

/// Demonstratives that are a determiner before a concrete noun ("他原来那个手机": that
/// phone) rather than a pointer back to the subject under discussion; the noun then
/// speaks for itself.
const ZH_DETERMINERS: &[&str] = &["这个", "那个", "这些", "那些"];

/// What may follow a demonstrative that points back: a noun for "the matter", or
/// grammar ("这个会…", "那个对您…").
const ZH_POINTING_NOUNS: &[&str] = &[
    "问题", "情况", "事", "状况", "现象", "麻烦", "毛病", "影响", "后果", "局面", "难题", "损失",
];

fn zh_points_back(norm: &str) -> bool {
    REFERENT_ZH.iter().any(|r| {
        norm.match_indices(r).any(|(at, _)| {
            if !ZH_DETERMINERS.contains(r) {
                return true;
            }
            let rest = &norm[at + r.len()..];
            let Some(next) = rest.chars().next() else {
                return true;
            };
            !crate::text::is_han(next)
                || "会对要能是就也都还有没不让给把被怎多少该呢吗吧啊".contains(next)
                || ZH_POINTING_NOUNS.iter().any(|n| rest.starts_with(n))
        })
    })
}

fn has_referent(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::Zh => zh_points_back(norm),
        Lang::En => {
            // Each word with whether a clause break (punctuation) comes before it.
            let mut words: Vec<(&str, bool)> = Vec::new();
            let mut brk = true;
            for part in norm.split(|c: char| !c.is_ascii_alphanumeric()) {
                if part.is_empty() {
                    continue;
                }
                words.push((part, brk));
                let end = part.as_ptr() as usize - norm.as_ptr() as usize + part.len();
                brk = norm[end..]
                    .chars()
                    .take_while(|c| !c.is_ascii_alphanumeric())
                    .any(|c| ",.?!;:".contains(c));
            }
            words.iter().enumerate().any(|(i, (w, _))| {
                REFERENT_EN.contains(w)
                    // "complaints that they weren't told", "calls that nobody
                    // answers": "that" opening a clause, not pointing back.
                    && !(*w == "that" && opens_clause(&words, i))
                    // "Is there one place where…": an existential "there" points
                    // back at nothing.
                    && !(*w == "there" && existential_there(&words, i))
            })
        }
    }
}

/// "that" followed by the subject of a clause ("that they", "that nobody").
fn opens_clause(words: &[(&str, bool)], i: usize) -> bool {
    // Pronouns only: "is that the main worry?" and "is that your team?" do point back.
    const SUBJECT: &[&str] = &[
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "nobody",
        "no",
        "someone",
        "somebody",
        "everyone",
        "everybody",
    ];
    words
        .get(i + 1)
        .is_some_and(|(w, brk)| !brk && SUBJECT.contains(w))
}

/// "there is", "there's", and "is there" / "are there" opening a question: "there"
/// as a dummy subject, not "in that place" ("the team are there regardless").
fn existential_there(words: &[(&str, bool)], i: usize) -> bool {
    const BE: &[&str] = &["is", "are", "was", "were", "s", "be", "been"];
    const JOIN: &[&str] = &["and", "so", "but", "then", "also", "or"];
    if words.get(i + 1).is_some_and(|(w, _)| BE.contains(w)) {
        return true;
    }
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    let (be, brk) = words[j];
    BE.contains(&be)
        && (brk
            || j == 0
            || words
                .get(j.wrapping_sub(1))
                .is_some_and(|(w, _)| JOIN.contains(w)))
}

/// Words with which a speaker leaves one subject for another.
const NEW_TOPIC_EN: &[&str] = &[
    "turning to",
    "turn to",
    "switch to",
    "switching to",
    "switch gears",
    "moving on",
    "move on to",
    "on a different note",
    "on another note",
    "different topic",
    "another topic",
    "another area",
    "different area",
    "last area",
    "next area",
    "one more area",
    "change of subject",
    "change the subject",
    "changing tack",
    "a separate question",
    "a different question",
    "shifting to",
    "shift to",
    "let's talk about",
    "let me ask about",
    "on the subject of",
];
const NEW_TOPIC_ZH: &[&str] = &[
    "换个话题",
    "换个方向",
    "换一个话题",
    "说说别的",
    "聊聊别的",
    "聊点别的",
    "另一件事",
    "另外一件事",
    "另一个方面",
    "再说说另",
    "转到",
    "最后一个方面",
    "最后一块",
];

/// The question announces that it leaves the subject under discussion.
fn announces_new_topic(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => NEW_TOPIC_EN
            .iter()
            .any(|p| crate::lexicon::find_phrase(norm, p).is_some()),
        Lang::Zh => NEW_TOPIC_ZH.iter().any(|p| norm.contains(p)),
    }
}

/// A negation ("wasn't on the list", 没有): with a consequence asked, a bad event.
fn negated(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => {
            norm.contains("n't")
                || ["not", "never", "nobody", "no one", "without"]
                    .iter()
                    .any(|w| crate::lexicon::find_phrase(norm, w).is_some())
        }
        Lang::Zh => ["没有", "不在", "没人", "不是"]
            .iter()
            .any(|w| norm.contains(w)),
    }
}

/// "What happens to…", "what becomes of…": asks what befalls a thing.
fn asks_fate(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => [
            "what happens to",
            "what happened to",
            "what happens with",
            "what becomes of",
            "what became of",
        ]
        .iter()
        .any(|p| norm.contains(p)),
        Lang::Zh => false,
    }
}

/// Yes/no and "is it easy" forms: asking whether something works is a problem question.
fn yes_no(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::Zh => {
            // 么 as a colloquial 吗 ("好控制么?"), not 什么 / 怎么 / 那么.
            let cs: Vec<char> = norm.chars().collect();
            let colloquial = cs
                .windows(3)
                .any(|w| w[1] == '么' && w[2] == '?' && !"什怎那这多要".contains(w[0]));
            colloquial
                || [
                    "吗",
                    "会不会",
                    "能不能",
                    "有没有",
                    "是不是",
                    "方便",
                    "顺利",
                    "及时",
                    "放心",
                    "满意",
                ]
                .iter()
                .any(|c| norm.contains(c))
        }
        Lang::En => {
            let words: Vec<&str> = norm
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
                .filter(|w| {
                    !w.is_empty() && !["and", "so", "but", "ok", "okay", "well"].contains(w)
                })
                .collect();
            let first = words.first().copied().unwrap_or("");
            // "Could you walk me through…" is a request for facts, not a yes/no question.
            let request = words.get(1) == Some(&"you")
                && words.get(2).is_some_and(|w| {
                    [
                        "walk", "tell", "describe", "explain", "give", "share", "talk", "run",
                        "show",
                    ]
                    .contains(w)
                });
            if request {
                return false;
            }
            [
                "is", "are", "do", "does", "did", "can", "could", "have", "has", "will", "was",
                "were", "any", "ever",
            ]
            .contains(&first)
                || norm.contains(" ever ")
                || norm.contains("easy")
                || norm.contains("reliable")
        }
    }
}

/// Asking the customer's opinion of how something works ("您觉得…好控制吗",
/// "are you happy with…"): a problem question when the area hides a problem.
fn asks_opinion(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::Zh => ["觉得", "满意", "放心", "认为"]
            .iter()
            .any(|w| norm.contains(w)),
        Lang::En => [
            "do you find",
            "are you happy",
            "are you satisfied",
            "happy with",
            "satisfied with",
            "how do you feel",
            "comfortable with",
            "confident",
        ]
        .iter()
        .any(|p| norm.contains(p)),
    }
}

/// The last question of a compound turn: the one the customer will answer.
fn last_question(norm: &str) -> Option<&str> {
    let qs: Vec<usize> = norm.match_indices('?').map(|(i, _)| i).collect();
    if qs.len() < 2 {
        return None;
    }
    let end = *qs.last()?;
    let start = qs[qs.len() - 2] + 1;
    let q = norm[start..=end].trim();
    (q.chars().filter(|c| c.is_alphanumeric()).count() >= 3).then_some(q)
}

/// The surface form, on the question the customer will answer.
fn surface(text: &str, norm: &str, lex: &Lexicon) -> Classification {
    let whole = classify(text, lex);
    if let Some(q) = last_question(norm) {
        let last = classify(q, lex);
        if last.rule != "plain-question" && last.label != Label::Other {
            return last;
        }
    }
    whole
}

/// Per-need best score and element.
fn need_scores(hits: &[Hit], n: usize) -> Vec<(f32, Option<Element>, f32)> {
    // (best score, best element, score of the best implication element)
    let mut out = vec![(0.0_f32, None, 0.0_f32); n];
    for h in hits {
        if let Some(i) = h.el.need()
            && let Some(slot) = out.get_mut(i)
        {
            if h.score > slot.0 {
                slot.0 = h.score;
                slot.1 = Some(h.el);
            }
            if matches!(h.el, Element::Implication(..)) && h.score > slot.2 {
                slot.2 = h.score;
            }
        }
    }
    out
}

/// How many different needs the short items of a list ("话费、工地找人、号码离职")
/// ground to.
fn stuffed_list(sc: &Scenario, idx: &Index, norm: &str) -> usize {
    // A list is a run of short items side by side: short clauses scattered through a
    // sentence ("另外，…，有人离职以后，业主、供货商…") are not one.
    let short = |p: &str| {
        let han = p.chars().filter(|c| crate::text::is_han(*c)).count();
        let words = p.split_whitespace().count();
        (2..=6).contains(&han) || (han == 0 && (1..=3).contains(&words))
    };
    let mut items: Vec<&str> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    // Chinese words side by side with spaces between them are a list too.
    let han = crate::text::has_han(norm);
    for p in norm
        .split(|c: char| [',', '/', ';'].contains(&c) || (han && c == ' '))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if short(p) {
            run.push(p);
        } else {
            if run.len() > items.len() {
                items = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    if run.len() > items.len() {
        items = run;
    }
    // A contact addressed by name ("小郑，…", "Tom, …") is not an item of the list.
    items.retain(|item| !addresses_contact(sc, item));
    if items.len() < 3 {
        return 0;
    }
    let mut needs: Vec<usize> = items
        .iter()
        .filter_map(|item| {
            let hits = idx.score(&term_set(item), item);
            let per = need_scores(&hits, sc.needs.len());
            per.iter()
                .enumerate()
                .filter(|(_, s)| s.0 >= MIN_SCORE)
                .max_by(|a, b| a.1.0.total_cmp(&b.1.0))
                .map(|(i, _)| i)
        })
        .collect();
    needs.sort_unstable();
    needs.dedup();
    needs.len()
}

/// The text is one of the ways to address a contact: the full name, the given or
/// family name, 小/老 + family name, family name + 姐/总/经理…, a title + family
/// name ("Dr Marsh").
fn addresses_contact(sc: &Scenario, text: &str) -> bool {
    const ZH_AFTER: &[&str] = &[
        "姐", "哥", "总", "经理", "主任", "工", "老师", "师傅", "先生", "女士", "老板", "主管",
        "处", "科", "局",
    ];
    const EN_TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "doctor",
        "prof",
        "professor",
    ];
    let t = text.trim().trim_end_matches(['?', '!', '.', ':']).trim();
    if t.is_empty() {
        return false;
    }
    sc.customer.contacts.iter().any(|c| {
        c.name.all().any(|name| {
            let name = normalize(name);
            let name = name.trim();
            if t == name {
                return true;
            }
            if crate::text::has_han(name) {
                let Some(family) = name.chars().next() else {
                    return false;
                };
                let given: String = name.chars().skip(1).collect();
                let rest = |p: char| {
                    t.strip_prefix(p)
                        .is_some_and(|r| r.starts_with(family) && r.chars().count() == 1)
                };
                (!given.is_empty() && t == given)
                    || rest('小')
                    || rest('老')
                    || t.strip_prefix(family)
                        .is_some_and(|r| ZH_AFTER.contains(&r))
            } else {
                let parts: Vec<&str> = name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty() && !EN_TITLES.contains(w))
                    .collect();
                let words: Vec<&str> = t
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty() && !EN_TITLES.contains(w))
                    .collect();
                !words.is_empty() && words.iter().all(|w| parts.contains(w))
            }
        })
    })
}

fn voiced_at(ctx: &Context<'_>, i: usize) -> bool {
    matches!(
        ctx.states.get(i),
        Some(NeedState::Implied | NeedState::Developed)
    )
}

/// Reads a question in the context of the meeting.
#[must_use]
pub fn read_question(
    sc: &Scenario,
    idx: &Index,
    lex: &Lexicon,
    ctx: &Context<'_>,
    text: &str,
) -> Reading {
    let norm = normalize(text);
    let c = surface(text, &norm, lex);
    let lang = c.lang;
    let query: Vec<Term> = crate::understand::terms::query_terms(text);
    let hits = idx.score(&query, &norm);
    let referent = has_referent(&norm, lang);
    let mut scores = need_scores(&hits, sc.needs.len());
    // Each need's best score before the context boosts, to compare with its raw
    // implication score.
    let raw: Vec<f32> = scores.iter().map(|s| s.0).collect();
    // A question with clear words of its own about another need is not pointing back,
    // whatever its "that" or 这 says.
    let raw_focus = ctx.focus.and_then(|f| scores.get(f)).map_or(0.0, |s| s.0);
    let raw_other = scores
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != ctx.focus)
        .map(|(_, s)| s.0)
        .fold(0.0, f32::max);
    // "Turning to the stores: …", "Priya, last area.": the trainee says they are
    // leaving the need under discussion, so it gets no pull of its own.
    let moves_on = announces_new_topic(&norm, lang);
    let referent = referent && !moves_on && raw_other < raw_focus * 1.5 + 2.0;
    // Boosts: the addressed contact's own needs, and the need under discussion when
    // the question points back at it.
    for (i, s) in scores.iter_mut().enumerate() {
        let owner = sc.needs[i].contact.as_ref().map(|c| c.value.as_str());
        if ctx.addressed.is_some() && owner == ctx.addressed {
            s.0 *= 1.15;
        }
        if ctx.focus == Some(i) && !moves_on {
            s.0 *= if referent { 1.6 } else { 1.15 };
            s.0 += if referent { 1.0 } else { 0.0 };
        }
        // What the form can move: an implication or need-payoff question is about a
        // problem on the table, a problem question about one not yet voiced.
        let st = ctx.states.get(i).copied().unwrap_or(NeedState::Hidden);
        s.0 *= match (c.label, st) {
            (Label::I | Label::N, NeedState::Implied | NeedState::Developed) => 1.25,
            (Label::I | Label::N, NeedState::Hidden) => 0.9,
            (Label::P, NeedState::Hidden) => 1.3,
            _ => 1.0,
        };
    }
    let fact = hits.iter().find_map(|h| match h.el {
        Element::Fact(f) => Some((f, h.score)),
        _ => None,
    });
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*b].0.total_cmp(&scores[*a].0).then(a.cmp(b)));
    let best = order.first().copied().filter(|i| scores[*i].0 >= MIN_SCORE);
    let second = order.get(1).map_or(0.0, |i| scores[*i].0);
    let grounded = best.is_some() || fact.is_some_and(|f| f.1 >= MIN_SCORE);
    let mut form = c.label;
    let mut rule = c.rule;
    let sig_all = crate::lexicon::model::signals(&norm, lang);
    // The question names a difficulty (a problem cue: "gone down", 打不通), whatever
    // its fact-question frame ("how often", 多少).
    let difficulty_cue = c.cues.iter().any(|x| x.starts_with("problem:"));
    // Anything in the question that probes for a problem: a difficulty or failure, a
    // consequence, an opinion of how it works, or whether it can be done.
    let ability = match lang {
        Lang::Zh => norm.contains('能') && (norm.contains('吗') || norm.contains("能不能")),
        Lang::En => [
            "can you",
            "can they",
            "can i",
            "are you able",
            "is it easy",
            "how easy",
            "how hard",
        ]
        .iter()
        .any(|p| norm.contains(p)),
    };
    let opinion = asks_opinion(&norm, lang) && (lang == Lang::En || yes_no(&norm, lang));
    // A difficulty, a failure or someone leaving: something a problem question
    // probes for.
    let names_failure = sig_all
        .iter()
        .any(|s| matches!(*s, "difficulty" | "fail" | "departure"));
    let probes = difficulty_cue
        || names_failure
        || sig_all.contains(&"conseq")
        || opinion
        || (yes_no(&norm, lang) && ability);
    // The model reads an implication or need-payoff question where the cue rules read
    // a situation one, but no problem is on the table for it to develop and nothing in
    // it probes for one: a fact question.
    if matches!(form, Label::I | Label::N)
        && c.rule == "form-model"
        && c.rules_label == Label::S
        && !ctx
            .states
            .iter()
            .any(|s| matches!(s, NeedState::Implied | NeedState::Developed))
        && !probes
    {
        form = Label::S;
        rule = "nothing-to-develop-yet";
    }
    // How often a failure happens is a problem question (Rackham), whatever its
    // "how often" / 多久一次 makes it look like.
    let frequency = match lang {
        Lang::Zh => [
            "多久",
            "经常",
            "常常",
            "多不多",
            "频繁",
            "几次",
            "老是",
            "总是",
        ]
        .iter()
        .any(|w| norm.contains(w)),
        Lang::En => [
            "how often",
            "how frequently",
            "how many times",
            "ever",
            "often",
        ]
        .iter()
        .any(|w| crate::lexicon::find_phrase(&norm, w).is_some()),
    };
    if frequency
        && sig_all.contains(&"fail")
        && !sig_all.contains(&"conseq")
        && matches!(form, Label::S | Label::I)
    {
        form = Label::P;
        rule = "how-often-it-fails";
    }
    // The model reads a problem question where the cue rules read a situation one, yet
    // nothing in it speaks of a difficulty and it matches a fact: a fact question.
    if form == Label::P
        && c.rules_label == Label::S
        && c.rule == "form-model"
        && fact.is_some_and(|(_, fs)| {
            fs >= MIN_SCORE && fs >= scores.iter().map(|s| s.0).fold(0.0, f32::max)
        })
        && !names_failure
    {
        form = Label::S;
        rule = "asks-for-a-fact";
    }
    let mut cues = c.cues.clone();
    let mut topic = Topic::Nothing;
    let mut element = None;
    let mut confidence = Confidence::Sure;
    let state = |i: usize| ctx.states.get(i).copied().unwrap_or(NeedState::Hidden);
    let voiced = |i: usize| matches!(state(i), NeedState::Implied | NeedState::Developed);

    // The need under discussion wins a referring question unless another need is
    // far more clearly meant; it also wins any near tie.
    let best = match (best, ctx.focus) {
        (Some(b), Some(f)) if b != f && f < scores.len() => {
            let (bs, fs) = (scores[b].0, scores[f].0);
            // "那员工走的时候…怎么办?": a question that names a failure or someone
            // leaving in a need not yet raised, and fits it better, opens that need;
            // its "那" is "then", not "that".
            let opens_new = names_failure && !voiced_at(ctx, b) && bs > fs;
            let wins = referent && !opens_new && voiced_at(ctx, f) && bs < fs.max(1.0) * 2.5;
            if wins { Some(f) } else { Some(b) }
        }
        (b, _) => b,
    };
    let second = best.map_or(second, |b| {
        order
            .iter()
            .filter(|i| **i != b)
            .map(|i| scores[*i].0)
            .fold(0.0, f32::max)
    });
    // Supposing a change and asking whether it would be better is a need-payoff
    // question about a problem on the table, whatever its yes/no frame ("要是每人都有
    // 短号…协调会不会顺很多?").
    if form == Label::S
        && best.is_some_and(voiced)
        && sig_all.contains(&"suppose")
        && sig_all.contains(&"value")
        && !names_failure
    {
        form = Label::N;
        rule = "value-of-a-solution";
    }
    if let Some(i) = best {
        let tie = second >= scores[i].0 * TIE_RATIO && second >= MIN_SCORE;
        // A situation question is about a fact when one matches about as well; but
        // asking whether something works in a hidden problem area is about the need.
        // So does a question that names the problem in the author's own words ("how
        // many memberships lapse each month?"), whatever its "how many" frame.
        let probing = (state(i) == NeedState::Hidden && probes) || difficulty_cue;
        // "How much of the call centre's load is that?": sizing the problem under
        // discussion is about the need, not a fact.
        let sizing = referent && voiced(i) && ctx.focus == Some(i);
        let ratio = if probing || sizing { 1.2 } else { 0.35 };
        let fact_wins = fact.is_some_and(|(_, fs)| fs >= scores[i].0 * ratio && fs >= MIN_SCORE);
        if form == Label::S && fact_wins {
            // A situation question: a fact, not a need.
        } else {
            topic = Topic::Need { need: i };
            element = scores[i].1;
            // Several needs named at once ("calls, orders, night bakers… any problems?")
            // is not a question about one of them.
            // A need reached mostly through words the leading one shares ("child",
            // "gate" in a school) is overlap in the scenario, not a second subject.
            let others = |ratio: f32| {
                order
                    .iter()
                    .filter(|k| {
                        **k != i
                            && scores[**k].0 >= (scores[i].0 * ratio).max(MIN_SCORE * 1.5)
                            && idx.score_apart(**k, i, &query, &norm) >= raw[**k] * 0.5
                    })
                    .count()
            };
            // A list of short areas ("话费、找人、号码离职", "calls, orders, bakers") that
            // reach into different needs is stuffing, not a question about one of them;
            // so is a question whose words reach strongly into several needs at once.
            // Someone leaving, named in a need not yet raised ("那员工走的时候…怎么办?"),
            // opens that need, even in a near tie with the one under discussion and
            // with words common to several needs.
            let opens_new = sig_all.contains(&"departure") && state(i) == NeedState::Hidden;
            let crowd = ctx.focus != Some(i)
                && ((others(0.6) >= 2 && !opens_new) || stuffed_list(sc, idx, &norm) >= 2);
            let tie = tie && !opens_new;
            if tie
                && ctx
                    .focus
                    .is_some_and(|f| f != i && scores[f].0 >= scores[i].0 * TIE_RATIO)
            {
                // A near tie with the need under discussion: stay with it.
                if let Some(f) = ctx.focus {
                    topic = Topic::Need { need: f };
                    element = scores[f].1;
                }
            } else if tie && !crowd && ctx.focus == Some(i) && voiced(i) && !moves_on {
                // The need under discussion leads a near tie: stay with it.
            } else if tie || crowd {
                confidence = Confidence::Unsure;
            }
            if let Topic::Need { need } = topic {
                cues.push(format!("topic:{}", sc.needs[need].id.value));
            }
        }
    }
    if topic == Topic::Nothing
        && let Some((f, fs)) = fact
        && fs >= MIN_SCORE
        && matches!(form, Label::S | Label::P)
    {
        topic = Topic::Fact { fact: f };
        cues.push(format!("topic:{}", sc.facts[f].id.value));
    }
    // A question that only points back ("what effect does that have?") is about the
    // need under discussion.
    if topic == Topic::Nothing
        && referent
        && matches!(form, Label::I | Label::N | Label::P)
        && let Some(f) = ctx.focus
    {
        topic = Topic::Need { need: f };
        cues.push(format!("referent:{}", sc.needs[f].id.value));
    }
    // A model-only problem or implication reading of a question into an area the
    // customer has not complained of, resting on a single shared word ("杭州最近真热
    // 啊，西湖那边人多不多"): small talk or a situation question, not a probe.
    if let Topic::Need { need } = topic
        && matches!(form, Label::P | Label::I)
        && c.rule == "form-model"
        && !voiced_at(ctx, need)
        && !difficulty_cue
        && idx.need_evidence_count(need, &query, &norm) < 2
    {
        form = Label::S;
        rule = "one-word-in-common";
    }
    // Form in context.
    if let Topic::Need { need } = topic {
        let (_, _, imp_score) = scores[need];
        let best_score = raw.get(need).copied().unwrap_or(0.0);
        let about_effect = imp_score > 0.0 && imp_score >= best_score * 0.85;
        let rules_said = c.rules_label;
        let sig = &sig_all;
        let asks_effect = sig.iter().any(|s| matches!(*s, "qty" | "conseq"));
        // A question to the customer is not a statement because the model says so
        // when the cue rules read a question about this need.
        if form == Label::Other && rules_said != Label::Other && c.rule == "form-model" {
            form = rules_said;
            rule = "question-on-a-need";
        }
        match form {
            // The cue rules and the model disagree between problem and implication:
            // the meeting decides. Consequences of a problem already voiced are I; a
            // question into an area the customer has not complained about is P.
            // An effect asked about in an area the customer has not complained of: the
            // customer can only answer with the problem, so the question uncovered it.
            // But an effect of a failure the customer never mentioned ("what effect do
            // the missed orders have?") presumes the problem: still too early.
            Label::I
                if state(need) == NeedState::Hidden
                    && grounded
                    && (!sig.contains(&"fail")
                        || sig.contains(&"suppose")
                        // A question that asks no effect ("what share of patients
                        // don't show up?", "on a late day, how quickly can you get
                        // back to them?") asks for the problem itself.
                        || !sig.contains(&"conseq")
                        // "How often does a club lose its internet, and what stops
                        // when it does?": how often it fails, then what follows.
                        || frequency
                        // "What happens to the calls nobody picks up?": the fate of
                        // the thing that fails is the problem itself.
                        || asks_fate(&norm, lang)
                        || sig.contains(&"difficulty")
                        || difficulty_cue
                        || yes_no(&norm, lang)) =>
            {
                form = Label::P;
                rule = "probes-unvoiced-area";
            }
            Label::P if voiced(need) && rules_said == Label::I => {
                form = Label::I;
                rule = "effect-of-voiced-problem";
            }
            Label::P
                if voiced(need)
                    && sig.contains(&"value")
                    && !sig.contains(&"difficulty")
                    && (rules_said == Label::N || sig.contains(&"suppose")) =>
            {
                form = Label::N;
                rule = "value-of-solving-voiced-problem";
            }
            // "If this goes on…" (a conditional with a negative) asks for a consequence,
            // whatever value word closes it (意味着什么).
            Label::N
                if voiced(need)
                    && c.rule == "form-model"
                    && c.rules_label == Label::I
                    && sig.contains(&"fail")
                    && !matches!(element, Some(Element::Payoff(_)))
                    && c.cues.iter().any(|x| x.starts_with("negative:")) =>
            {
                form = Label::I;
                rule = "cost-of-a-failure";
            }
            // "If a pupil were picked up by the wrong adult, what would the fallout
            // be?": a bad event supposed and its consequence asked, with no word of
            // value or help: an implication question, not a need-payoff one.
            Label::N
                if voiced(need)
                    && c.rule == "form-model"
                    && sig.contains(&"conseq")
                    && !sig.contains(&"value")
                    && !sig.contains(&"good")
                    && (sig.contains(&"fail")
                        || c.cues.iter().any(|x| x.starts_with("negative:"))
                        || negated(&norm, lang))
                    && !matches!(element, Some(Element::Payoff(_))) =>
            {
                form = Label::I;
                rule = "consequence-of-a-bad-event";
            }
            // Supposing the solution and asking what it would change is a need-payoff
            // question, even when it ends "what would happen?" / 会怎样.
            Label::I
                if voiced(need)
                    && matches!(element, Some(Element::Payoff(_)))
                    && sig.contains(&"suppose")
                    && !sig.contains(&"fail") =>
            {
                form = Label::N;
                rule = "value-of-a-solution";
            }
            Label::N
                if voiced(need)
                    && sig.contains(&"fail")
                    && sig.contains(&"conseq")
                    && !matches!(element, Some(Element::Payoff(_)))
                    && !(sig.contains(&"suppose") && sig.contains(&"good")) =>
            {
                form = Label::I;
                rule = "cost-of-a-failure";
            }
            // A failure with nothing good and no value asked, supposed ("if an outage
            // like that hit during the review, how would that land?") or put in a
            // "how would…" frame the model read ("how would the reviewers view
            // downtime that held up reports?"), asks what the failure leads to.
            Label::N
                if voiced(need)
                    && sig.contains(&"fail")
                    && (sig.contains(&"suppose") || c.rule == "form-model")
                    && !sig.contains(&"good")
                    && !sig.contains(&"value")
                    && !matches!(element, Some(Element::Payoff(_))) =>
            {
                form = Label::I;
                rule = "cost-of-a-failure";
            }
            Label::P
                if voiced(need)
                    && (sig.contains(&"fail")
                        || matches!(element, Some(Element::Implication(..))))
                    && !sig.contains(&"value")
                    && terms::similarity(
                        &query,
                        &term_set(sc.needs[need].problem.reply.get(sc.language)),
                    ) < 0.3 =>
            {
                form = Label::I;
                rule = "new-failure-from-voiced-problem";
            }
            Label::P if voiced(need) && asks_effect && !sig.contains(&"value") => {
                form = Label::I;
                rule = "effect-of-voiced-problem";
            }
            Label::S | Label::P if voiced(need) && about_effect => {
                form = Label::I;
                rule = "effect-of-voiced-problem";
            }
            Label::S if voiced(need) && fact.is_none_or(|(_, fs)| fs < scores[need].0 * 0.9) => {
                form = Label::I;
                rule = "effect-of-voiced-problem";
            }
            Label::S
                if state(need) == NeedState::Hidden
                    && (difficulty_cue
                        || names_failure
                        || (lang == Lang::En && asks_opinion(&norm, lang))) =>
            {
                form = Label::P;
                rule = "asks-about-a-difficulty";
            }
            Label::S
                if state(need) == NeedState::Hidden
                    && yes_no(&norm, lang)
                    && (names_failure
                        || asks_opinion(&norm, lang)
                        || norm.contains('能')
                        || ["can ", "easy", "hard", "ever"]
                            .iter()
                            .any(|p| norm.contains(p))) =>
            {
                form = Label::P;
                rule = "asks-whether-it-works";
            }
            _ => {}
        }
        // The customer only mentioned this problem in passing, answering a situation
        // question: asking about the problem itself ("how many memberships lapse each
        // month?") is still the problem question, not a consequence.
        let in_passing =
            state(need) == NeedState::Implied && ctx.uncovered.get(need).is_some_and(|u| !u);
        if in_passing
            && best == Some(need)
            && (difficulty_cue || names_failure)
            && matches!(c.label, Label::S | Label::P)
            && matches!(form, Label::S | Label::I)
            && !sig.contains(&"conseq")
            && !sig.contains(&"value")
            && !matches!(element, Some(Element::Implication(..) | Element::Payoff(_)))
        {
            form = Label::P;
            rule = "problem-said-in-passing";
        }
    }
    let also_effect = match topic {
        Topic::Need { need } if form == Label::P && state(need) == NeedState::Hidden => {
            let imp = scores[need].2;
            let best_raw = raw.get(need).copied().unwrap_or(0.0);
            imp >= MIN_SCORE && imp >= best_raw * 0.6 && sig_all.contains(&"conseq")
        }
        _ => false,
    };
    Reading {
        also_effect,
        form,
        rule,
        cues,
        topic,
        element,
        confidence,
        referent,
        grounded,
        lang,
        evidence: match (topic, element) {
            (Topic::Fact { fact }, _) => idx.evidence(Element::Fact(fact), &query, &norm),
            (Topic::Need { .. }, Some(el)) => idx.evidence(el, &query, &norm),
            _ => Vec::new(),
        },
        need_scores: scores.iter().map(|s| s.0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(id: &str, states: &[NeedState], focus: Option<usize>, text: &str) -> Reading {
        let sc = crate::scenario::bundled_by_id(id)
            .and_then(Result::ok)
            .expect("bundled scenario")
            .scenario;
        let idx = Index::new(&sc);
        let ctx = Context {
            states,
            focus,
            addressed: None,
            uncovered: &[],
        };
        read_question(&sc, &idx, Lexicon::builtin(), &ctx, text)
    }

    #[test]
    fn a_demonstrative_before_a_concrete_noun_does_not_point_back() {
        let n = |s: &str| normalize(s);
        // "那个手机" is that phone: the noun speaks for itself.
        assert!(!zh_points_back(&n("老客户是不是还打他原来那个手机？")));
        assert!(!zh_points_back(&n("这些工地一般多大？")));
        // Pointing back at the matter under discussion.
        assert!(zh_points_back(&n("这个问题一年下来要花多少钱？")));
        assert!(zh_points_back(&n("那个会影响到客户吗？")));
        assert!(zh_points_back(&n("这种情况多久出现一次？")));
        assert!(zh_points_back(&n("那您觉得呢，是这个吧？")));
    }

    #[test]
    fn a_list_is_short_items_side_by_side_not_short_clauses_apart() {
        let sc = crate::scenario::bundled_by_id("shop-vpn")
            .and_then(Result::ok)
            .expect("bundled scenario")
            .scenario;
        let idx = Index::new(&sc);
        let n = |s: &str| normalize(s);
        // Short clauses scattered through one question about one need.
        assert_eq!(
            stuffed_list(
                &sc,
                &idx,
                &n(
                    "另外，大家用的都是私人号码，有人离职以后，业主、供货商手里存的还是他那个号，这种事您遇到过没有？"
                )
            ),
            0
        );
        // A run of areas from different needs.
        assert!(stuffed_list(&sc, &idx, &n("话费、工地找人、号码离职，这些有没有问题？")) >= 2);
    }

    fn need_of(id: &str, need: &str) -> usize {
        let sc = crate::scenario::bundled_by_id(id)
            .and_then(Result::ok)
            .expect("bundled scenario")
            .scenario;
        sc.needs
            .iter()
            .position(|n| n.id.value == need)
            .expect("need")
    }

    #[test]
    fn a_question_about_reaching_people_on_site_grounds_to_that_need() {
        let h = [NeedState::Hidden; 3];
        let r = read(
            "shop-vpn",
            &h,
            None,
            "工地上要找项目经理或者师傅的时候，一般能马上联系上人吗？",
        );
        assert_eq!(
            r.topic,
            Topic::Need {
                need: need_of("shop-vpn", "reach-site")
            },
            "{r:?}"
        );
        assert_eq!(r.form, Label::P, "{r:?}");
    }

    #[test]
    fn traditional_chinese_reads_like_simplified() {
        let h = [NeedState::Hidden; 3];
        let a = read(
            "shop-vpn",
            &h,
            None,
            "工地上要找專案經理或者師傅的時候，一般能馬上聯繫上人嗎？",
        );
        let b = read(
            "shop-vpn",
            &h,
            None,
            "工地上要找专案经理或者师傅的时候，一般能马上联系上人吗？",
        );
        assert_eq!(a.form, b.form);
        assert_eq!(a.topic, b.topic);
    }

    #[test]
    fn an_existential_there_or_a_clause_opening_that_does_not_point_back() {
        let en = |s: &str| has_referent(&normalize(s), Lang::En);
        assert!(!en(
            "Tom, is there one place where you can see call counts?"
        ));
        assert!(!en("And are there any reports you get?"));
        assert!(!en("Do you get complaints that they weren't told?"));
        // "there" as a place and "that" pointing back still point back.
        assert!(en(
            "Given the clinic team are there regardless, what's the cost?"
        ));
        assert!(en("Is that the main worry?"));
        assert!(en("What does that cost you?"));
    }

    #[test]
    fn announcing_a_new_subject_is_seen() {
        let en = |s: &str| announces_new_topic(&normalize(s), Lang::En);
        assert!(en("Turning to the stores: what happens on a Saturday?"));
        assert!(en("Priya, last area. Can you get decent video?"));
        assert!(en("Let me switch to the shops for a sec."));
        assert!(!en("What does that cost you each month?"));
        let zh = |s: &str| announces_new_topic(&normalize(s), Lang::Zh);
        assert!(zh("换个话题，门店的电话谁来接？"));
        assert!(!zh("这个问题一年下来要花多少钱？"));
    }

    #[test]
    fn the_fate_of_calls_nobody_answers_is_a_problem_question() {
        let id = "retail-hotline";
        let mut st = [NeedState::Hidden; 3];
        let right = need_of(id, "right-team");
        st[right] = NeedState::Explicit;
        let r = read(
            id,
            &st,
            Some(right),
            "Let me switch to the shops for a sec. When a store is slammed on a Saturday, \
             or it's closed for the night, what becomes of the calls on that store's number \
             that no one can answer?",
        );
        assert_eq!(
            r.topic,
            Topic::Need {
                need: need_of(id, "store-calls")
            },
            "{r:?}"
        );
        assert_eq!(r.form, Label::P, "{r:?}");
    }

    #[test]
    fn the_fallout_of_a_bad_event_supposed_is_an_implication_question() {
        let id = "school-safe-campus";
        let mut st = [NeedState::Hidden; 3];
        let gate = need_of(id, "gate-notice");
        st[need_of(id, "night-roll")] = NeedState::Explicit;
        st[gate] = NeedState::Implied;
        let r = read(
            id,
            &st,
            Some(gate),
            "Taking it one step further: if a pupil was ever picked up by a grown-up who \
             wasn't on the family's list, what would the fallout be for the school?",
        );
        assert_eq!(r.topic, Topic::Need { need: gate }, "{r:?}");
        assert_eq!(r.form, Label::I, "{r:?}");
    }

    #[test]
    fn a_contact_addressed_by_name_is_not_an_item_of_a_list() {
        let sc = crate::scenario::bundled_by_id("tea-shop-ringback")
            .and_then(Result::ok)
            .expect("bundled scenario")
            .scenario;
        assert!(addresses_contact(&sc, "小郑"));
        assert!(addresses_contact(&sc, "林姐"));
        assert!(addresses_contact(&sc, "郑宇"));
        assert!(!addresses_contact(&sc, "礼盒"));
        assert!(!addresses_contact(&sc, "小店"));
        let idx = Index::new(&sc);
        assert_eq!(
            stuffed_list(
                &sc,
                &idx,
                &normalize("小郑，每次上了新茶、出了礼盒，老客户一般是怎么知道的？")
            ),
            0
        );
        let en = crate::scenario::bundled_by_id("retail-hotline")
            .and_then(Result::ok)
            .expect("bundled scenario")
            .scenario;
        assert!(addresses_contact(&en, "tom"));
        assert!(addresses_contact(&en, "priya nair"));
        assert!(!addresses_contact(&en, "stores"));
    }
}
