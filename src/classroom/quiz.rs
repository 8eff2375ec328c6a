//! The quick quiz: multiple-choice items built from the scenarios' own content.
//!
//! Three kinds of item: which SPIN type is this question (composed from a scenario's
//! fact topics and need cues with fixed templates); is this customer statement an
//! implied or an explicit need (the needs' problem and payoff replies); which FFAB
//! part is this sentence (the products' features, functions, advantages and
//! benefits). The same scenarios, language and seed always give the same quiz.
//! Results are saved one file per quiz in `<data dir>/learn/`.

use super::{Frame, best_slots, compose, slots};
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::lexicon::classify::{Label, classify};
use crate::scenario::Scenario;
use crate::store::StoreError;
use crate::text::{normalize, sanitize_line};
use rand::{RngExt, SeedableRng, rngs::StdRng};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What an item asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Which SPIN type is this question: S, P, I or N.
    QuestionType,
    /// Is this customer statement an implied or an explicit need.
    NeedType,
    /// Which FFAB part is this sentence: feature, function, advantage or benefit.
    FfabPart,
}

impl Kind {
    /// Every kind, in the order items are dealt.
    pub const ALL: [Kind; 3] = [Kind::QuestionType, Kind::NeedType, Kind::FfabPart];

    /// The question put to the trainee above the prompt, in a language.
    #[must_use]
    pub fn stem(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::QuestionType, Lang::Zh) => "这是哪一类问题？",
            (Kind::QuestionType, Lang::En) => "Which type of question is this?",
            (Kind::NeedType, Lang::Zh) => "客户这句话是隐含需求还是明确需求？",
            (Kind::NeedType, Lang::En) => "Is this statement an implied need or an explicit need?",
            (Kind::FfabPart, Lang::Zh) => "这句话是 FFAB 的哪一部分？",
            (Kind::FfabPart, Lang::En) => "Which FFAB part is this?",
        }
    }
}

/// One multiple-choice item; the prompt comes from a scenario in the quiz language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// What the item asks (see [`Kind::stem`]).
    pub kind: Kind,
    /// The question or statement to judge.
    pub prompt: String,
    /// The possible answers, in the quiz language.
    pub choices: Vec<String>,
    /// Index of the right answer in `choices`.
    pub answer: usize,
    /// Why the right answer is right, in the quiz language (without repeating the
    /// answer itself, which is shown beside it).
    pub explain: String,
}

/// How many items were answered right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// Items answered right.
    pub right: usize,
    /// Items in the quiz.
    pub total: usize,
}

/// True when a scenario's content is in the quiz language. Scenario texts are mostly
/// untagged strings in the scenario's language and `Text::get` falls back to the other
/// language, so only scenarios written in `lang` give prompts in `lang`.
fn compatible(sc: &Scenario, lang: Lang) -> bool {
    sc.language == lang
}

/// Builds a quiz of at most `n` items from the scenarios written in `lang`, mixing the
/// three kinds in turn, with no prompt twice. The seed decides which items are picked
/// and in which order; the same input always gives the same quiz.
#[must_use]
pub fn build(scenarios: &[&Scenario], lang: Lang, seed: u64, n: usize) -> Vec<Item> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut pools: Vec<Vec<Item>> = vec![Vec::new(), Vec::new(), Vec::new()];
    for sc in scenarios.iter().filter(|sc| compatible(sc, lang)) {
        pools[0].extend(question_items(sc, lang, &mut rng));
        pools[1].extend(need_items(sc, lang));
        pools[2].extend(ffab_items(sc, lang));
    }
    for pool in &mut pools {
        shuffle(pool, &mut rng);
    }
    let start = pick(&mut rng, Kind::ALL.len());
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut turn = start;
    while out.len() < n && pools.iter().any(|p| !p.is_empty()) {
        let kinds = pools.len();
        let pool = &mut pools[turn % kinds];
        turn += 1;
        while let Some(item) = pool.pop() {
            if seen.insert(normalize(&item.prompt)) {
                out.push(item);
                break;
            }
        }
    }
    out
}

/// A uniform index below `n` (0 when `n` is 0, so callers never ask for an empty range).
fn pick(rng: &mut StdRng, n: usize) -> usize {
    if n == 0 { 0 } else { rng.random_range(0..n) }
}

/// Fisher–Yates with the seeded generator.
fn shuffle<T>(v: &mut [T], rng: &mut StdRng) {
    for i in (1..v.len()).rev() {
        let j = rng.random_range(0..=i);
        v.swap(i, j);
    }
}

/// The SPIN labels offered as choices, in order.
const LABELS: [Label; 4] = [Label::S, Label::P, Label::I, Label::N];

/// Why a question of this label is that type, in a language.
fn label_reason(label: Label, lang: Lang) -> &'static str {
    match (label, lang) {
        (Label::S, Lang::Zh) => "问客户现状的事实，不涉及困难。",
        (Label::S, Lang::En) => "It asks for facts about the current state, not for difficulties.",
        (Label::P, Lang::Zh) => "问困难、不满或问题，能让客户说出隐含需求。",
        (Label::P, Lang::En) => {
            "It asks about difficulties or dissatisfaction, so the customer voices an implied need."
        }
        (Label::I, Lang::Zh) => "问问题带来的后果和影响，让问题显得更大、更急。",
        (Label::I, Lang::En) => {
            "It asks about the consequences of a problem, which makes it bigger and more urgent."
        }
        (Label::N, Lang::Zh) => "问解决问题的价值或用处，让客户说出明确需求。",
        (Label::N, Lang::En) => {
            "It asks about the value of solving the problem, so the customer states an explicit need."
        }
        (Label::Other, Lang::Zh) => "这不是 SPIN 提问。",
        (Label::Other, Lang::En) => "This is not a SPIN question.",
    }
}

/// The classifier's cue kinds that count as evidence for a label.
fn evidence_kinds(label: Label) -> &'static [&'static str] {
    match label {
        Label::S => &["fact", "situation"],
        Label::P => &["problem"],
        Label::I => &["implication", "negative"],
        Label::N => &["need_payoff"],
        Label::Other => &[],
    }
}

/// The explanation for a question item: the type's reason and the words that mark it.
fn question_explain(label: Label, lang: Lang, cues: &[String]) -> String {
    let kinds = evidence_kinds(label);
    let words: Vec<&str> = cues
        .iter()
        .filter_map(|c| c.split_once(':'))
        .filter(|(k, _)| kinds.contains(k))
        .map(|(_, w)| w)
        .collect();
    let reason = label_reason(label, lang);
    if words.is_empty() {
        return reason.to_string();
    }
    match lang {
        Lang::Zh => format!("{reason}（关键词：{}）", words.join("、")),
        Lang::En => format!("{reason} (cue words: {})", words.join(", ")),
    }
}

/// One question item per fact and per need and frame. Each is composed from a
/// template and a slot (a fact's topic; a need's problem cue), picked by the seed
/// among the slots that read best, and kept only when the built-in classifier labels
/// it as intended, so the quiz never contradicts the coach that grades the same
/// question in a meeting. When no composed question passes, the item is left out.
fn question_items(sc: &Scenario, lang: Lang, rng: &mut StdRng) -> Vec<Item> {
    let mut out = Vec::new();
    // Tries each tier of slots in turn; within a tier, starts at a seeded position.
    let mut one = |frame: Frame, tiers: [Vec<String>; 2], rng: &mut StdRng| {
        let want = frame.label();
        let found = tiers.iter().find_map(|tier| {
            let candidates = compose(frame, lang, tier);
            let start = pick(rng, candidates.len());
            (0..candidates.len())
                .map(|k| &candidates[(start + k) % candidates.len()])
                .find_map(|q| {
                    let c = classify(q, Lexicon::builtin());
                    (c.label == want).then(|| (q.clone(), c.cues))
                })
        });
        if let Some((prompt, cues)) = found {
            out.push(Item {
                kind: Kind::QuestionType,
                prompt,
                choices: LABELS.iter().map(|l| l.name(lang).to_string()).collect(),
                answer: LABELS.iter().position(|l| *l == want).unwrap_or(0),
                explain: question_explain(want, lang, &cues),
            });
        }
    };
    for f in &sc.facts {
        let topic = slots([f.topic.get(lang)], lang);
        let cues = best_slots(f.cues.iter().map(String::as_str), lang);
        one(Frame::Situation, [topic, cues], rng);
    }
    for need in &sc.needs {
        let best = best_slots(need.problem.cues.iter().map(String::as_str), lang);
        let all = slots(need.problem.cues.iter().map(String::as_str), lang);
        for frame in [Frame::Problem, Frame::Consequence, Frame::Payoff] {
            one(frame, [best.clone(), all.clone()], rng);
        }
    }
    out
}

/// Cleans a scenario text for use as a prompt: one line, no control characters.
fn prompt_text(s: &str) -> Option<String> {
    let s = sanitize_line(s).trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Implied-need items from the needs' problem replies and explicit-need items from
/// their payoff replies (variants included).
fn need_items(sc: &Scenario, lang: Lang) -> Vec<Item> {
    let choices: Vec<String> = match lang {
        Lang::Zh => vec!["隐含需求".into(), "明确需求".into()],
        Lang::En => vec!["Implied need".into(), "Explicit need".into()],
    };
    let explain = |answer: usize| {
        match (answer, lang) {
            (0, Lang::Zh) => "客户在陈述问题、困难或不满，还没有说出具体想要什么。",
            (0, Lang::En) => {
                "The customer describes a problem, difficulty or dissatisfaction, but no specific want yet."
            }
            (_, Lang::Zh) => "客户说出了具体的需要或意图（“我需要的是……”）。",
            (_, Lang::En) => {
                "The customer states a specific want or intention (\"what I need is…\")."
            }
        }
        .to_string()
    };
    let mut out = Vec::new();
    for need in &sc.needs {
        for (answer, beat) in [(0, &need.problem), (1, &need.payoff)] {
            for text in std::iter::once(&beat.reply).chain(&beat.variants) {
                if let Some(prompt) = prompt_text(text.get(lang)) {
                    out.push(Item {
                        kind: Kind::NeedType,
                        prompt,
                        choices: choices.clone(),
                        answer,
                        explain: explain(answer),
                    });
                }
            }
        }
    }
    out
}

/// Items from every product part's text: features, functions, advantages, benefits.
fn ffab_items(sc: &Scenario, lang: Lang) -> Vec<Item> {
    let choices: Vec<String> = match lang {
        Lang::Zh => ["特点", "功能", "优点", "利益"],
        Lang::En => ["Feature", "Function", "Advantage", "Benefit"],
    }
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let reason = |answer: usize| match (answer, lang) {
        (0, Lang::Zh) => "产品或方案本身的事实。",
        (0, Lang::En) => "A fact about the product or solution.",
        (1, Lang::Zh) => "特点能做什么。",
        (1, Lang::En) => "What the feature does.",
        (2, Lang::Zh) => "为什么更好、怎样帮到客户。",
        (2, Lang::En) => "Why that is better, how it helps.",
        (_, Lang::Zh) => "这位客户得到什么，对准他说出的需求",
        (_, Lang::En) => "What this customer gains, tied to a need they stated",
    };
    let mut out = Vec::new();
    let mut push = |text: &crate::lang::Text, answer: usize, explain: String| {
        if let Some(prompt) = prompt_text(text.get(lang)) {
            out.push(Item {
                kind: Kind::FfabPart,
                prompt,
                choices: choices.clone(),
                answer,
                explain,
            });
        }
    };
    for p in &sc.products {
        for (answer, parts) in [(0, &p.features), (1, &p.functions), (2, &p.advantages)] {
            for part in parts {
                push(&part.text, answer, reason(answer).to_string());
            }
        }
        for b in &p.benefits {
            let need = sc
                .needs
                .iter()
                .find(|n| n.id.value == b.need.value)
                .map(|n| sanitize_line(n.summary.get(lang)));
            let explain = match (need, lang) {
                (Some(need), Lang::Zh) => format!("{}（这里是：{need}）。", reason(3)),
                (Some(need), Lang::En) => format!("{} (here: {need}).", reason(3)),
                (None, Lang::Zh) => format!("{}。", reason(3)),
                (None, Lang::En) => format!("{}.", reason(3)),
            };
            push(&b.text, 3, explain);
        }
    }
    out
}

/// Grades answers against items: `answers[i]` is the choice for `items[i]` (`None`
/// when skipped); missing answers count as wrong, extra answers are ignored.
#[must_use]
pub fn grade(items: &[Item], answers: &[Option<usize>]) -> Score {
    let right = items
        .iter()
        .zip(answers)
        .filter(|(item, a)| **a == Some(item.answer))
        .count();
    Score {
        right,
        total: items.len(),
    }
}

/// A finished quiz as saved in `<data dir>/learn/<id>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizResult {
    /// Unique id, also the file name.
    pub id: String,
    /// When the quiz was finished (UTC, RFC 3339).
    pub taken_at: String,
    /// The quiz language.
    pub lang: Lang,
    /// The seed the quiz was built with.
    pub seed: u64,
    /// Items answered right.
    pub right: usize,
    /// Items in the quiz.
    pub total: usize,
}

impl QuizResult {
    /// A result for a quiz finished now, with a new unique id.
    #[must_use]
    pub fn new(lang: Lang, seed: u64, score: Score) -> QuizResult {
        QuizResult {
            id: crate::store::new_id(),
            taken_at: crate::store::time::now(),
            lang,
            seed,
            right: score.right,
            total: score.total,
        }
    }
}

/// The folder of quiz results under a data directory.
#[must_use]
pub fn dir(root: &Path) -> PathBuf {
    root.join("learn")
}

/// Saves a quiz result atomically to `<root>/learn/<id>.json`.
///
/// # Errors
/// When the id is not a safe file name or the folder or file cannot be written.
pub fn save(root: &Path, r: &QuizResult) -> Result<PathBuf, StoreError> {
    crate::store::json::save(&dir(root), &r.id, r)
}

/// Every saved quiz result, newest first; files that do not parse are skipped.
#[must_use]
pub fn load_all(root: &Path) -> Vec<QuizResult> {
    let mut all: Vec<QuizResult> = crate::store::json::load_all(&dir(root));
    all.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.id.cmp(&a.id)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Loaded;

    fn bundled() -> Vec<Loaded> {
        crate::scenario::bundled()
            .into_iter()
            .map(|r| r.expect("bundled scenario loads"))
            .collect()
    }

    fn refs(all: &[Loaded]) -> Vec<&Scenario> {
        all.iter().map(|l| &*l.scenario).collect()
    }

    #[test]
    fn quiz_is_deterministic_mixed_and_capped() {
        let all = bundled();
        let scs = refs(&all);
        for lang in [Lang::Zh, Lang::En] {
            let a = build(&scs, lang, 7, 12);
            let b = build(&scs, lang, 7, 12);
            assert_eq!(a, b, "same seed, same quiz");
            assert_eq!(a.len(), 12);
            for k in Kind::ALL {
                assert!(
                    a.iter().filter(|i| i.kind == k).count() >= 3,
                    "{lang}: kinds are mixed"
                );
            }
            let c = build(&scs, lang, 8, 12);
            assert_ne!(a, c, "another seed, another quiz");
            let prompts: HashSet<String> = a.iter().map(|i| normalize(&i.prompt)).collect();
            assert_eq!(prompts.len(), a.len(), "no duplicate prompts");
            assert!(build(&scs, lang, 7, 0).is_empty());
            assert_eq!(build(&scs, lang, 7, 5).len(), 5);
        }
        assert!(build(&[], Lang::Zh, 1, 10).is_empty());
    }

    #[test]
    fn a_large_quiz_uses_every_item_once() {
        let all = bundled();
        let scs = refs(&all);
        let big = build(&scs, Lang::En, 3, 10_000);
        assert!(big.len() > 40, "{}", big.len());
        let prompts: HashSet<String> = big.iter().map(|i| normalize(&i.prompt)).collect();
        assert_eq!(prompts.len(), big.len());
    }

    #[test]
    fn items_are_in_the_quiz_language_and_well_formed() {
        let all = bundled();
        let scs = refs(&all);
        for lang in [Lang::Zh, Lang::En] {
            for item in build(&scs, lang, 11, 500) {
                assert_eq!(Lang::detect(&item.prompt), lang, "{item:?}");
                assert!(item.answer < item.choices.len(), "{item:?}");
                assert!(!item.explain.is_empty());
                for c in &item.choices {
                    assert_eq!(Lang::detect(c), lang, "{c}");
                }
                assert_eq!(Lang::detect(&item.explain), lang, "{}", item.explain);
                // Issue 10, defect 5: shown as "answer: explanation", so the
                // explanation must not open with the answer again.
                let answer = &item.choices[item.answer];
                assert!(
                    !item.explain.starts_with(answer.as_str()),
                    "{answer}: {}",
                    item.explain
                );
                assert_eq!(sanitize_line(&item.prompt), item.prompt);
            }
        }
    }

    #[test]
    fn question_items_agree_with_the_classifier_and_cover_every_type() {
        let all = bundled();
        let scs = refs(&all);
        for lang in [Lang::Zh, Lang::En] {
            let items: Vec<Item> = build(&scs, lang, 5, 10_000)
                .into_iter()
                .filter(|i| i.kind == Kind::QuestionType)
                .collect();
            for item in &items {
                let c = classify(&item.prompt, Lexicon::builtin());
                assert_eq!(
                    item.choices[item.answer],
                    c.label.name(lang),
                    "{}",
                    item.prompt
                );
            }
            for l in LABELS {
                let n = items
                    .iter()
                    .filter(|i| i.choices[i.answer] == l.name(lang))
                    .count();
                assert!(n >= 3, "{lang}: only {n} items of type {}", l.code());
            }
        }
    }

    #[test]
    fn need_and_ffab_items_come_from_the_scenario_content() {
        let all = bundled();
        let bakery = all
            .iter()
            .find(|l| l.scenario.id.value == "bakery-vpn")
            .map(|l| &l.scenario)
            .expect("bakery-vpn is bundled");
        let items = build(&[bakery], Lang::En, 1, 10_000);
        let find = |p: &str| items.iter().find(|i| i.prompt == p);
        let implied = find(
            "Honestly the allowances keep creeping up, and I have no idea which calls are for work.",
        )
        .expect("problem reply is an item");
        assert_eq!((implied.kind, implied.answer), (Kind::NeedType, 0));
        let explicit = find(
            "Yes, what I need is one predictable bill for work calls, so I can stop guessing.",
        )
        .expect("payoff reply is an item");
        assert_eq!((explicit.kind, explicit.answer), (Kind::NeedType, 1));
        let feature = find("Every phone gets a four-digit short number inside the group.")
            .expect("feature is an item");
        assert_eq!((feature.kind, feature.answer), (Kind::FfabPart, 0));
        assert_eq!(feature.choices[feature.answer], "Feature");
        let function = find("A hunt group rings every phone on the night shift at once.")
            .expect("function is an item");
        assert_eq!(function.answer, 1);
        let advantage = find("Someone on the shift always answers.").expect("advantage");
        assert_eq!(advantage.answer, 2);
        let benefit = find("One call reaches whoever is baking tonight.").expect("benefit");
        assert_eq!(benefit.answer, 3);
        assert!(
            benefit.explain.contains("Reach the night bakers quickly"),
            "{}",
            benefit.explain
        );
        // A Chinese quiz takes nothing from an English scenario.
        assert!(build(&[bakery], Lang::Zh, 1, 100).is_empty());
    }

    #[test]
    fn grading_counts_right_answers_only() {
        let all = bundled();
        let scs = refs(&all);
        let items = build(&scs, Lang::Zh, 2, 6);
        let perfect: Vec<Option<usize>> = items.iter().map(|i| Some(i.answer)).collect();
        assert_eq!(grade(&items, &perfect), Score { right: 6, total: 6 });
        let mut some = perfect.clone();
        some[0] = None;
        some[1] = Some((items[1].answer + 1) % items[1].choices.len());
        some.truncate(5);
        assert_eq!(grade(&items, &some), Score { right: 3, total: 6 });
        assert_eq!(grade(&items, &[]), Score { right: 0, total: 6 });
        let mut extra = perfect;
        extra.push(Some(0));
        assert_eq!(grade(&items, &extra).right, 6);
    }

    #[test]
    fn results_save_atomically_and_load_back_newest_first() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        assert!(load_all(root).is_empty(), "no folder yet");
        let mut a = QuizResult::new(Lang::Zh, 1, Score { right: 3, total: 5 });
        a.taken_at = "2026-01-01T00:00:00Z".into();
        let mut b = QuizResult::new(Lang::En, 2, Score { right: 5, total: 5 });
        b.taken_at = "2026-02-01T00:00:00Z".into();
        assert_ne!(a.id, b.id);
        let pa = save(root, &a).expect("save a");
        assert_eq!(pa, root.join("learn").join(format!("{}.json", a.id)));
        save(root, &b).expect("save b");
        std::fs::write(root.join("learn/broken.json"), "{not json").expect("write");
        std::fs::write(root.join("learn/other.json"), r#"{"id":"x","extra":1}"#).expect("write");
        std::fs::write(root.join("learn/notes.txt"), "hello").expect("write");
        assert_eq!(load_all(root), vec![b.clone(), a.clone()]);
        let mut bad = a;
        bad.id = "../../etc/passwd".into();
        assert!(save(root, &bad).is_err());
        let leftovers: Vec<_> = std::fs::read_dir(root.join("learn"))
            .expect("read dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "no temp files left");
    }
}
