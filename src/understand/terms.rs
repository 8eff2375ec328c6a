//! Terms for grounding: what a piece of text is about, independent of its wording.
//!
//! Text is first normalised ([`crate::text::normalize`]: traditional → simplified
//! Chinese, full-width → half-width, lower case). Chinese runs become character
//! bigrams (and, with a small weight, content characters); English words become
//! Snowball stems after stop words are dropped. A curated bilingual synonym list
//! (`data/synonyms.yaml`) maps words that mean the same to one form first, so
//! "staff" and "employees", or 联系不上 and 找不到人, ground alike.

use crate::text::{is_han, normalize};
use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One term and its weight in the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The term: a Chinese bigram or character, or an English stem.
    pub text: String,
    /// 1.0 for bigrams and stems, less for single characters.
    pub weight: f32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymFile {
    zh: Vec<Vec<String>>,
    en: Vec<Vec<String>>,
}

/// The synonym tables, built once from `data/synonyms.yaml`.
struct Synonyms {
    /// Chinese phrase → canonical phrase, longest first.
    zh: Vec<(String, String)>,
    /// English word → canonical word.
    en: HashMap<String, String>,
}

const SYNONYMS_SRC: &str = include_str!("../../data/synonyms.yaml");

fn synonyms() -> &'static Synonyms {
    static SYN: OnceLock<Synonyms> = OnceLock::new();
    SYN.get_or_init(|| {
        let file: SynonymFile =
            crate::scenario::load::parse_yaml(SYNONYMS_SRC, "data/synonyms.yaml")
                .unwrap_or_default();
        let mut zh = Vec::new();
        for group in &file.zh {
            let Some(canon) = group.first().map(|c| normalize(c)) else {
                continue;
            };
            for w in group.iter().skip(1) {
                zh.push((normalize(w), canon.clone()));
            }
        }
        zh.sort_by_key(|a| std::cmp::Reverse(a.0.chars().count()));
        let mut en = HashMap::new();
        for group in &file.en {
            let Some(canon) = group.first().map(|c| normalize(c)) else {
                continue;
            };
            for w in group {
                en.insert(normalize(w), canon.clone());
            }
        }
        Synonyms { zh, en }
    })
}

fn stemmer() -> &'static Stemmer {
    static STEM: OnceLock<Stemmer> = OnceLock::new();
    STEM.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// English words that say nothing about the topic.
const EN_STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "each",
    "either",
    "else",
    "ever",
    "every",
    "for",
    "from",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "it's",
    "just",
    "kind",
    "let",
    "like",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "really",
    "right",
    "s",
    "say",
    "said",
    "see",
    "she",
    "should",
    "so",
    "some",
    "something",
    "sort",
    "still",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "to",
    "too",
    "up",
    "us",
    "very",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yes",
    "yet",
    "you",
    "your",
    "you're",
    "yours",
    "ok",
    "okay",
    "hi",
    "hello",
    "thanks",
    "thank",
    "please",
    "mr",
    "mrs",
    "ms",
    "dr",
    "lot",
    "lots",
    "bit",
    "quite",
    "maybe",
    "perhaps",
    "often",
    "usually",
    "sometimes",
    "currently",
    "today",
    "moment",
    "guys",
    "go",
    "going",
    "make",
    "makes",
    "made",
    "tell",
    "mean",
    "means",
    "happen",
    "happens",
    "happened",
    "many",
    "long",
    "time",
    "times",
    // Everyday words of any question's frame ("talk me through how it normally gets
    // to your attention"). Not "take" or "come": who takes the orders and patients
    // who don't come are topics.
    "through",
    "normally",
    "generally",
    "typically",
    "actually",
    "basically",
    "attention",
    "start",
    "starts",
    "started",
    "starting",
    // Words of the question's form, not its topic: they say what kind of question it
    // is (see the form model), never what it is about.
    "problem",
    "problems",
    "issue",
    "issues",
    "difficult",
    "difficulty",
    "difficulties",
    "hard",
    "trouble",
    "troubles",
    "headache",
    "headaches",
    "challenge",
    "challenges",
    "help",
    "helpful",
    "useful",
    "worth",
    "value",
    "valuable",
    "benefit",
    "benefits",
    "impact",
    "impacts",
    "effect",
    "effects",
    "consequence",
    "consequences",
    "implication",
    "implications",
    "affect",
    "affects",
    "suffer",
    "suffers",
    "solve",
    "solving",
    "solved",
    "fix",
    "fixing",
    "fixed",
    "business",
    "company",
    "situation",
    "currently",
    "current",
];

/// Chinese bigrams that carry a question's form, not its topic.
const ZH_FORM_BIGRAMS: &[&str] = &[
    "问题", "困难", "麻烦", "头疼", "头痛", "影响", "后果", "帮助", "好处", "价值", "意义", "意味",
    "解决", "情况", "方面", "公司", "业务", "带来", "造成", "导致", "有用", "用处", "难点", "需求",
    "目前", "现在", "平时", "觉得", "是否",
];

/// Chinese bigrams too common in any talk to tie a question to one element: a word
/// that happens to be rare in one scenario's text ("大家", "有人", "另外") says
/// nothing about what the trainee asks.
const ZH_GENERIC_BIGRAMS: &[&str] = &[
    "大家", "有人", "另外", "其实", "还是", "这种", "那种", "时候", "以后", "之前", "以前", "后来",
    "一下", "一个", "遇到", "碰到", "平常", "比如", "比方", "一般", "东西", "事情", "这边", "那边",
    "这块", "一直", "其他", "别的", "然后", "所以", "因为", "不过", "自己", "一起", "所有", "每个",
    "每次", "一次", "经常", "有时", "有点", "一点", "需要", "应该", "可能", "能够", "时间", "地方",
    "办法", "现象", "发生", "出现",
];

/// Chinese characters too common to say anything on their own.
const ZH_STOP: &str = "的了吗呢吧么啊呀哦嘛着过是在有和与及对把被给让请问一些这那个哪什怎谁您你我他她它们会不能要就都也还又很太更最吧多少几么样种下上里中为以及于而且或者如果但是可以没有已经现在平时一般大概主要之后时候方面情况问题觉得看说想知道困难麻烦影响帮助好处价值意义解决带来造成导致头疼痛";

fn zh_stop(c: char) -> bool {
    ZH_STOP.contains(c)
}

/// Characters that make a bigram pure grammar.
fn zh_function(c: char) -> bool {
    "的了吗呢吧么啊呀哦嘛着得您你我他她它们这那哪什怎谁".contains(c)
}

/// The terms of a text, with repeats (term frequency matters for documents).
#[must_use]
pub fn terms(text: &str) -> Vec<Term> {
    let norm = normalize(text);
    let mut out = Vec::new();
    let syn = synonyms();
    // Chinese: replace synonyms, then bigrams of Han runs.
    let mut zh = norm.clone();
    if crate::text::has_han(&zh) {
        for (from, to) in &syn.zh {
            if zh.contains(from.as_str()) {
                zh = zh.replace(from.as_str(), to);
            }
        }
        let chars: Vec<char> = zh.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !is_han(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && is_han(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            for w in run.windows(2) {
                if zh_function(w[0]) || zh_function(w[1]) || (zh_stop(w[0]) && zh_stop(w[1])) {
                    continue;
                }
                let bigram: String = w.iter().collect();
                if ZH_FORM_BIGRAMS.contains(&bigram.as_str())
                    || ZH_GENERIC_BIGRAMS.contains(&bigram.as_str())
                {
                    continue;
                }
                out.push(Term {
                    text: bigram,
                    weight: 1.0,
                });
            }
            for c in run {
                if !zh_stop(*c) {
                    out.push(Term {
                        text: c.to_string(),
                        weight: 0.25,
                    });
                }
            }
        }
    }
    // English (and Latin words in Chinese text): stems of content words.
    let mut prev = "";
    for word in norm
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
    {
        let word = word.trim_matches('\'');
        let before = std::mem::replace(&mut prev, word);
        if word.len() < 2 || EN_STOP.contains(&word) || word.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // "down" is an outage ("the line is down", "went down", "with the link
        // down"), not in "track her down" or "up and down".
        if word == "down" && !down_means_outage(before) {
            continue;
        }
        let canon = syn.en.get(word).map_or(word, String::as_str);
        out.push(Term {
            text: stemmer().stem(canon).into_owned(),
            weight: 1.0,
        });
    }
    out
}

/// Whether "down" after `before` means out of service: it does unless it ends a
/// phrase that means something else ("track her down", "up and down", "write it
/// down", "bring costs down", "sit down").
fn down_means_outage(before: &str) -> bool {
    ![
        "her", "him", "them", "me", "us", "and", "track", "tracking", "tracked", "hunt", "hunting",
        "hunted", "write", "writing", "wrote", "written", "jot", "note", "sit", "sat", "sitting",
        "calm", "settle", "narrow", "cut", "cutting", "bring", "bringing", "brought", "costs",
        "cost", "scale", "turn", "turned", "upside", "pin", "nail",
    ]
    .contains(&before)
}

/// The distinct terms of a text with their largest weight, for queries and overlap.
#[must_use]
pub fn term_set(text: &str) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for t in terms(text) {
        match out.iter_mut().find(|o| o.text == t.text) {
            Some(o) => o.weight = o.weight.max(t.weight),
            None => out.push(t),
        }
    }
    out
}

/// How much a premise sentence counts beside the sentence that asks ("I'm guessing
/// it's personal phones. Do you cover the cost?": the question is about the cost).
const PREMISE_WEIGHT: f32 = 0.6;

/// The sentences of a turn: split after `.`, `!`, `?`, `;`, a dash and their
/// full-width forms (not at commas: a Chinese question's clauses share its topic).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|(_, n)| *n);
        let end = match c {
            '?' | '!' | ';' | '。' | '？' | '！' | '；' | '—' => true,
            // A full stop ends a sentence only before a space or the end ("2.5" does not).
            '.' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if end {
            let j = i + c.len_utf8();
            out.push(&text[start..j]);
            start = j;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

/// The distinct terms of a question turn for grounding: as [`term_set`], but when
/// the turn mixes sentences that ask with sentences that do not, the words of the
/// premise count [`PREMISE_WEIGHT`] of the words of the question.
#[must_use]
pub fn query_terms(text: &str) -> Vec<Term> {
    let parts = sentences(text);
    let asks = |s: &str| s.contains('?') || s.contains('？');
    let asking: Vec<bool> = parts.iter().map(|s| asks(s)).collect();
    if !asking.iter().any(|a| *a) || asking.iter().all(|a| *a) {
        return term_set(text);
    }
    let asked: Vec<Term> = parts
        .iter()
        .zip(&asking)
        .filter(|(_, a)| **a)
        .flat_map(|(s, _)| terms(s))
        .collect();
    if asked.is_empty() {
        return term_set(text);
    }
    let mut out = term_set(text);
    for t in &mut out {
        if !asked.iter().any(|a| a.text == t.text) {
            t.weight *= PREMISE_WEIGHT;
        }
    }
    out
}

/// Weighted overlap of two texts' terms (Jaccard over weights), 0.0–1.0.
#[must_use]
pub fn similarity(a: &[Term], b: &[Term]) -> f32 {
    let total: f32 =
        a.iter().map(|t| t.weight).sum::<f32>() + b.iter().map(|t| t.weight).sum::<f32>();
    if total <= 0.0 {
        return 0.0;
    }
    let shared: f32 = a
        .iter()
        .filter(|t| b.iter().any(|u| u.text == t.text))
        .map(|t| t.weight)
        .sum();
    (2.0 * shared / total).min(1.0)
}

/// How a shared term reads to a person: the whole word for an English stem
/// ("wherev" → "wherever"), and for a Chinese character pair the longest run of
/// characters both texts share around it ("线半" → "新航线半年"). Falls back to the
/// term itself (a synonym's canonical form, a stem that is not a prefix).
#[must_use]
pub fn shown(term: &str, mine: &str, theirs: &str) -> String {
    if term.is_ascii() {
        return mine
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .find(|w| {
                w.len() >= term.len()
                    && w.is_char_boundary(term.len())
                    && w[..term.len()].eq_ignore_ascii_case(term)
            })
            .map_or_else(|| term.to_string(), str::to_lowercase);
    }
    let m: Vec<char> = mine.chars().collect();
    let t: Vec<char> = term.chars().collect();
    let han = |c: char| crate::text::is_han(c);
    let run = |a: usize, b: usize| m[a..b].iter().collect::<String>();
    let mut best: Option<(usize, usize)> = None;
    for i in 0..m.len().saturating_sub(t.len() - 1) {
        if m[i..i + t.len()] != t[..] {
            continue;
        }
        let (mut a, mut b) = (i, i + t.len());
        while a > 0 && han(m[a - 1]) && b - a < 12 && theirs.contains(&run(a - 1, b)) {
            a -= 1;
        }
        while b < m.len() && han(m[b]) && b - a < 12 && theirs.contains(&run(a, b + 1)) {
            b += 1;
        }
        if best.is_none_or(|(x, y)| b - a > y - x) {
            best = Some((a, b));
        }
    }
    best.map_or_else(|| term.to_string(), |(a, b)| run(a, b))
}

/// Shared terms as a person reads them ([`shown`]), without one inside another.
#[must_use]
pub fn shown_all<'a>(
    terms: impl IntoIterator<Item = &'a str>,
    mine: &str,
    theirs: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in terms {
        let s = shown(t, mine, theirs);
        if !out
            .iter()
            .any(|o| o.contains(s.as_str()) || s.contains(o.as_str()))
        {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_terms_show_as_words() {
        assert_eq!(
            shown(
                "线半",
                "如果新航线半年还达不到目标",
                "新航线半年内达不到目标客座率"
            ),
            "新航线半年"
        );
        assert_eq!(
            shown("wherev", "from wherever you are", "anywhere"),
            "wherever"
        );
        // Not in the text (a synonym's canonical form): the term itself.
        assert_eq!(shown("cost", "the bill", "cost"), "cost");
        assert_eq!(
            shown_all(
                ["条短", "信就"],
                "登机发条短信就能入账",
                "登机发条短信就能入账了"
            ),
            vec!["登机发条短信就能入账".to_string()]
        );
    }

    fn texts(s: &str) -> Vec<String> {
        term_set(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn common_chinese_words_do_not_become_terms() {
        let texts: Vec<String> = terms("另外，大家有人离职以后遇到过吗")
            .into_iter()
            .map(|t| t.text)
            .collect();
        for generic in ["另外", "大家", "有人", "以后", "遇到"] {
            assert!(!texts.iter().any(|t| t == generic), "{generic}: {texts:?}");
        }
        assert!(texts.iter().any(|t| t == "离职"), "{texts:?}");
        // 得 after a verb is grammar: "收得回来" is not about fees collected (收费).
        let texts: Vec<String> = terms("卡收得回来吗").into_iter().map(|t| t.text).collect();
        assert!(!texts.iter().any(|t| t == "收得"), "{texts:?}");
    }

    #[test]
    fn english_words_are_stemmed_and_stop_words_dropped() {
        let t = texts("How do the orders get lost?");
        assert!(t.contains(&"order".to_string()), "{t:?}");
        assert!(!t.iter().any(|w| w == "how" || w == "the"));
    }

    #[test]
    fn premise_words_count_less_than_the_words_asked() {
        let q = query_terms("I'm guessing it's personal phones. Do you cover the cost?");
        let w = |t: &str| q.iter().find(|x| x.text == t).map(|x| x.weight);
        assert_eq!(w("cost"), Some(1.0));
        assert_eq!(w("phone"), Some(PREMISE_WEIGHT));
        // One sentence, or every sentence asking: plain term weights.
        assert_eq!(
            query_terms("Do you cover the cost?"),
            term_set("Do you cover the cost?")
        );
        let both = "Who pays? Is it personal phones?";
        assert_eq!(query_terms(both), term_set(both));
        // Numbers keep their decimal point; Chinese splits at its full stop.
        assert_eq!(sentences("It costs 2.5 a minute. Is that a lot?").len(), 2);
        assert_eq!(sentences("晚上的面包师很难找。那早上怎么办？").len(), 2);
    }

    #[test]
    fn down_is_an_outage_unless_a_phrase_means_otherwise() {
        let has = |t: &str| terms(t).iter().any(|x| x.text == "outag");
        assert!(has("The line went down twice"));
        assert!(has("how often is the network down?"));
        assert!(has("it's down again"));
        assert!(!has("how quickly can you track her down?"));
        assert!(!has("all that walking up and down"));
        assert!(has("with the link down, what happens to the reports?"));
        assert!(!has("can we bring costs down?"));
    }

    #[test]
    fn english_synonyms_share_a_term() {
        let a = texts("our employees");
        let b = texts("your staff");
        assert!(a.iter().any(|x| b.contains(x)), "{a:?} {b:?}");
    }

    #[test]
    fn chinese_becomes_bigrams_and_traditional_matches_simplified() {
        let s = texts("联系不上司机");
        assert!(s.contains(&"司机".to_string()), "{s:?}");
        assert_eq!(texts("聯繫不上司機"), s);
    }

    #[test]
    fn similarity_is_one_for_the_same_text_and_zero_for_unrelated() {
        let a = term_set("员工话费怎么报销");
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-6);
        assert!(similarity(&a, &term_set("weather in Peru")) < 0.01);
    }
}
