//! The SPIN form model: a linear model (multinomial logistic regression) over
//! features of a question, trained on hand-labelled questions (`tools/train_form.py`, weights in
//! `data/form_model.json`).
//!
//! The features are the cue lists' verdicts (which lists hit, where, and what the
//! ordered rules of [`super::classify`] decided) plus the question's frame: Chinese
//! character bigrams, English words and word pairs, the first words, the question
//! mark. Each label's score is the sum of its features' weights; the evidence shown
//! for a decision is the features that pushed it most.

use super::matcher::Scan;
use super::{Lexicon, List};
use crate::lang::Lang;
use crate::lexicon::classify::Label;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The labels in the model's column order.
pub const LABELS: [Label; 5] = [Label::S, Label::P, Label::I, Label::N, Label::Other];

#[derive(Debug, Default, Deserialize)]
struct ModelFile {
    /// Feature → weight per label in [`LABELS`] order.
    weights: HashMap<String, [f32; 5], FastHash>,
}

/// A quick multiplicative hash (as in rustc's FxHash) for the model's feature
/// names: the keys are fixed and ours, so no defence against crafted collisions is
/// needed, and SipHash dominated the lookup cost.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHash;

impl std::hash::BuildHasher for FastHash {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

#[derive(Debug)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(K);
        }
    }
}

const MODEL_SRC: &str = include_str!("../../data/form_model.json");

fn model() -> &'static ModelFile {
    static M: OnceLock<ModelFile> = OnceLock::new();
    M.get_or_init(|| serde_json::from_str(MODEL_SRC).unwrap_or_default())
}

fn push_cats(out: &mut Vec<String>, norm: &str, scan: &Scan<'_>, fuzzy: bool) {
    let len = norm.len().max(1);
    let lists: [(&str, List); 11] = [
        ("question", List::Question),
        ("fact", List::Fact),
        ("situation", List::Situation),
        ("problem", List::Problem),
        ("implication", List::Implication),
        ("need_payoff", List::NeedPayoff),
        ("conditional", List::Conditional),
        ("negative", List::Negative),
        ("pitch", List::Pitch),
        ("acknowledge", List::Acknowledge),
        ("price", List::Price),
    ];
    for (name, list) in lists {
        let h = scan.hits(list, fuzzy && name != "question");
        if h.is_empty() {
            continue;
        }
        out.push(format!("cat:{name}"));
        let last = h.iter().map(|x| x.1).max().unwrap_or(0);
        let first = h.iter().map(|x| x.1).min().unwrap_or(0);
        if last * 3 >= len * 2 {
            out.push(format!("cat:{name}@end"));
        }
        if first * 3 <= len {
            out.push(format!("cat:{name}@start"));
        }
    }
}

/// Signals of what a question asks about, by language: (name, words).
const SIGNALS_ZH: &[(&str, &[&str])] = &[
    (
        "fail",
        &[
            "不上",
            "不到",
            "不住",
            "不来",
            "不清",
            "不过来",
            "不够",
            "没法",
            "搞不定",
            "泄露",
            "泄漏",
            "出事",
            "不了",
            "不通",
            "错",
            "断",
            "掉线",
            "失败",
            "慢",
            "卡",
            "差",
            "漏",
            "丢",
            "延误",
            "晚",
            "复杂",
            "毛病",
            "故障",
            "没信号",
            "不稳",
            "不准",
            "扛不住",
            "撑不住",
            "不及时",
            "出问题",
            "堵",
            "忘",
            "不进",
            "占线",
            "打不",
            "没人接",
            "联系不上",
            "找不着",
            "掉了",
            "掉链子",
            "丢掉",
            "往下掉",
            "下滑",
            "掉点",
            "掉一个点",
            "掉一两个点",
            "掉几个点",
            "脱保",
            "拉走",
            "抢走",
            "流失",
            "没看",
            "没收到",
            "看不到",
            "收不到",
            "没通知",
            "没提醒",
            "多出",
            "多花",
            "多烧",
            "多付",
            "白花",
            "浪费",
            "冤枉",
            "带走",
            "跟着走",
            // 坏事：出了意外、被偷、没人发现。
            "出了事",
            "出意外",
            "事故",
            "被偷",
            "失窃",
            "着火",
            "火灾",
            "晕倒",
            "摔倒",
            "受伤",
            "没人发现",
            "没人知道",
        ],
    ),
    (
        "suppose",
        &[
            "如果", "要是", "假如", "假设", "想像", "想象", "万一", "一旦", "的话", "设想",
        ],
    ),
    (
        "good",
        &[
            "能",
            "都能",
            "可以",
            "不再",
            "再也不",
            "不用",
            "自动",
            "稳定",
            "顺利",
            "随时",
            "马上",
            "及时",
            "一键",
            "有了",
            "稳",
            "看得到",
            "清楚",
        ],
    ),
    (
        "when",
        &[
            "的时候",
            "每次",
            "一旦",
            "遇到",
            "碰到",
            "出现",
            "万一",
            "的话",
        ],
    ),
    (
        "qty",
        &[
            "多少", "多久", "多长", "几个", "几次", "几天", "多大", "占多",
        ],
    ),
    (
        "conseq",
        &[
            "影响",
            "后果",
            "积压",
            "出什么事",
            "出什么岔子",
            "出什么乱子",
            "损失",
            "导致",
            "造成",
            "怎么办",
            "咋办",
            "咋整",
            "怎么弄",
            "投诉",
            "罚",
            "流失",
            "浪费",
            "代价",
            "压力",
            "丢单",
            "少收",
            "白白",
            "因此",
            "因为",
            "所以会",
            "跟着",
            "结果",
            "最后",
            "多花",
            "多出",
            "少了",
            "多掏",
            "多付",
            "多烧",
            "冤枉钱",
            "白搭",
            "换别家",
            "流失",
            "丢客户",
            "出什么问题",
            "会怎样",
            "会怎么样",
            "什么麻烦",
            "不续",
            "走人",
            "亏",
            "赔",
            "观感",
            "评价",
            "连累",
            "耽误",
            "拖",
            "额外",
        ],
    ),
    (
        "value",
        &[
            "帮助",
            "帮上",
            "帮您",
            "有用",
            "实用",
            "价值",
            "值多少",
            "值不值",
            "意味着",
            "好处",
            "方便很多",
            "顺很多",
            "好很多",
            "快很多",
            "顺畅",
            "省事",
            "省心",
            "踏实",
            "改善",
            "提升",
            "节省",
            "省下",
            "省多少",
            "减少",
            "多做",
            "吸引",
            "有帮助",
            "重要",
            "意义",
            "什么改变",
            "改变多少",
            "有改变",
            "什么变化",
            "多大变化",
            "有变化",
            "怎么变",
            "轻松",
        ],
    ),
    (
        "yesno",
        &[
            "吗",
            "会不会",
            "有没有",
            "是不是",
            "能不能",
            "够不够",
            "多不多",
            "稳不稳",
            "准不准",
            "好不好",
            "难不难",
        ],
    ),
    (
        "difficulty",
        &[
            "困难",
            "难",
            "头疼",
            "头痛",
            "麻烦",
            "担心",
            "顾虑",
            "不满",
            "满意",
            "抓狂",
            "烦",
            "不方便",
            "不容易",
            "吃力",
            "棘手",
            "放心",
            "好控制",
            "控制得住",
            "管得住",
            "偏高",
            "太高",
            "太贵",
            "吃不消",
            "没底",
            "不踏实",
            "心里有数",
            "有数吗",
            "说得清",
            "算得清",
            "搞得清",
        ],
    ),
    // Someone leaving: a risk worth probing in an area the customer has not
    // complained of, but not a failure (a solution is often put as "when someone
    // leaves, the number stays").
    (
        "departure",
        &[
            "离职",
            "辞职",
            "跳槽",
            "人走了",
            "人一走",
            "走人",
            "一走",
            "走的时候",
            "走了以后",
            "走了之后",
            "离开公司",
            "不干了",
        ],
    ),
    (
        "current",
        &[
            "现在",
            "目前",
            "平时",
            "一般",
            "通常",
            "主要",
            "怎么",
            "哪家",
            "哪个",
            "什么系统",
        ],
    ),
    (
        "smalltalk",
        &[
            "周末",
            "度假",
            "球赛",
            "天气",
            "咖啡",
            "喝茶",
            "吃饭",
            "路上",
            "堵不堵",
            "假期",
            "孩子",
            "电影",
        ],
    ),
    (
        "close",
        &[
            "签",
            "合同",
            "下单",
            "安装",
            "报价",
            "付款",
            "订金",
            "定金",
            "开通",
            "办理",
            "给您介绍",
            "演示",
            "试用",
        ],
    ),
];
const SIGNALS_EN: &[(&str, &[&str])] = &[
    (
        "fail",
        &[
            "fail",
            "fails",
            "failed",
            "goes down",
            "go down",
            "went down",
            "is down",
            "was down",
            "lost",
            "lose",
            "miss",
            "missed",
            "missing",
            "wrong",
            "late",
            "slow",
            "drop",
            "dropped",
            "crash",
            "outage",
            "error",
            "errors",
            "break",
            "breaks",
            "broke",
            "can't",
            "cannot",
            "couldn't",
            "won't",
            "unreliable",
            "glitch",
            "forget",
            "forgot",
            "delay",
            "delayed",
            "gone down",
            "go wrong",
            "goes wrong",
            "went wrong",
            "turn up",
            "show up",
            "no-show",
            "no-shows",
            "unanswered",
            "overloaded",
            "stuck",
            "left hanging",
            "kept waiting",
            "pile up",
            "piling up",
            "piles up",
            "waiting",
            "juggle",
            "fiddly",
            "waste",
            "wasted",
            "wasting",
            "downtime",
            "outages",
            "held up",
            "holds up",
            "hold up",
            // Bad events: an accident, a break-in, nobody noticing.
            "collapse",
            "collapsed",
            "collapses",
            "collapsing",
            "offline",
            "grind to a halt",
            "grinds to a halt",
            "stop",
            "stops",
            "stopped",
            "stop working",
            "stops working",
            "accident",
            "accidents",
            "incident",
            "incidents",
            "injured",
            "injury",
            "emergency",
            "something serious",
            "something bad",
            "stolen",
            "theft",
            "break-in",
            "broken into",
            "unnoticed",
            "nobody noticed",
            "no one noticed",
            "nobody was watching",
            "no one was watching",
            "nobody knew",
            "no one knew",
            "tampered",
            "tampering",
            "vandalised",
            "vandalized",
            "vandalism",
            "broke in",
            "breaks in",
            "break in",
            "burst",
            "bursts",
            "leaking",
            "flooded",
            "contaminated",
            "hacked",
            "unplanned",
            "without warning",
            "no warning",
            // Nobody there to take it: "calls that no one can answer".
            "no one can",
            "nobody can",
            "no one answers",
            "nobody answers",
            "no one picks up",
            "nobody picks up",
            "no one is free",
            "nobody is free",
            "no one available",
            "nobody available",
            "rings out",
            "ring out",
            "go unanswered",
            "goes unanswered",
        ],
    ),
    (
        "suppose",
        &[
            "if",
            "imagine",
            "suppose",
            "supposing",
            "say",
            "assuming",
            "were",
            "once",
            "what if",
        ],
    ),
    (
        "good",
        &[
            "could",
            "always",
            "never",
            "automatically",
            "instantly",
            "every",
            "no longer",
            "no more",
            "reliable",
            "able",
            "fixed",
            "solved",
            "sorted",
            "in place",
            "had",
        ],
    ),
    (
        "when",
        &["when", "whenever", "every time", "each time", "after", "if"],
    ),
    (
        "qty",
        &[
            "how much",
            "how many",
            "how long",
            "how often",
            "roughly",
            "per",
            "a week",
            "a month",
            "a year",
            "hours",
            "percent",
            "what share",
            "what proportion",
            "what percentage",
            "what fraction",
        ],
    ),
    (
        "conseq",
        &[
            "affect",
            "affects",
            "effect",
            "of your time",
            "eats into",
            "eat into",
            "eats up",
            "eat up",
            "impact",
            "cost",
            "costs",
            "costing",
            "lose",
            "losing",
            "happen",
            "happens",
            "happened",
            "lead",
            "leads",
            "result",
            "mean for",
            "complain",
            "complaints",
            "knock-on",
            "queue",
            "backlog",
            "consequence",
            "consequences",
            "penalty",
            "fine",
            "fines",
            "reputation",
            "morale",
            "risk",
            "waste",
            "wasted",
            "end up",
            "react",
            "hurt",
            "damage",
            "blame",
            "fallout",
            "repercussion",
            "repercussions",
            "ramifications",
            "play out",
            "plays out",
            "how badly",
        ],
    ),
    (
        "value",
        &[
            "help",
            "helpful",
            "useful",
            "of use",
            "use to you",
            "worthwhile",
            "would that change",
            "change things",
            "make life",
            "worth",
            "value",
            "valuable",
            "benefit",
            "save",
            "saving",
            "easier",
            "better",
            "important",
            "mean to you",
            "make a difference",
            "how different",
            "feel different",
            "appeal",
            "ideal",
            "free up",
            "improve",
            "difference",
        ],
    ),
    (
        "difficulty",
        &[
            "difficult",
            "hard",
            "problem",
            "issue",
            "trouble",
            "struggle",
            "challenge",
            "concern",
            "worry",
            "worried",
            "satisfied",
            "happy",
            "unhappy",
            "frustrat",
            "annoy",
            "headache",
            "pain",
            "hassle",
            "tricky",
            "cope",
            "keep you up at night",
            "keeps you up at night",
            "lose sleep",
            "not knowing",
            "actually know",
            "any idea",
            "are you sure",
            "how sure",
            "how confident",
            "keep track",
            "easy",
        ],
    ),
    // Someone leaving: a risk worth probing in an area the customer has not
    // complained of, but not a failure (a solution is often put as "when someone
    // leaves, the number stays").
    (
        "departure",
        &[
            "leaves the company",
            "left the company",
            "quits",
            "resigns",
            "resigned",
            "moves on",
            "walks out",
        ],
    ),
    (
        "current",
        &[
            "currently",
            "at the moment",
            "right now",
            "today",
            "now",
            "use",
            "using",
            "how do you",
            "which",
            "who",
        ],
    ),
    (
        "smalltalk",
        &[
            "weekend", "holiday", "vacation", "weather", "coffee", "tea", "football", "match",
            "traffic", "kids", "movie", "golf",
        ],
    ),
    (
        "close",
        &[
            "sign", "contract", "order", "install", "quote", "deal", "discount", "demo", "trial",
            "brochure", "proposal", "pay", "deposit",
        ],
    ),
];

/// Which signal groups a normalised question shows (`fail`, `qty`, `conseq`, `value`, …).
#[must_use]
pub fn signals(norm: &str, lang: Lang) -> Vec<&'static str> {
    let table = match lang {
        Lang::Zh => SIGNALS_ZH,
        Lang::En => SIGNALS_EN,
    };
    let mut on = [false; 64];
    let owners = signal_owner(lang);
    for m in signal_matcher(lang)
        .iter()
        .flat_map(|ac| ac.find_overlapping_iter(norm))
    {
        let Some(&(k, word)) = owners.get(m.pattern().as_usize()) else {
            continue;
        };
        // English signal words are whole words, as `find_phrase` reads them; Chinese
        // ones any substring.
        let whole = lang == Lang::Zh || {
            let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let starts = !ascii(word.chars().next())
                || norm[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric() || crate::text::is_han(c));
            let ends = !ascii(word.chars().next_back())
                || norm[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            starts && ends
        };
        if whole && let Some(slot) = on.get_mut(k) {
            *slot = true;
        }
    }
    table
        .iter()
        .enumerate()
        .filter(|(k, _)| on.get(*k).copied().unwrap_or(false))
        .map(|(_, (name, _))| *name)
        .collect()
}

/// Per signal word of a language, in automaton order: (signal index, word).
fn signal_owner(lang: Lang) -> &'static [(usize, &'static str)] {
    static ZH: OnceLock<Vec<(usize, &'static str)>> = OnceLock::new();
    static EN: OnceLock<Vec<(usize, &'static str)>> = OnceLock::new();
    let (cell, table) = match lang {
        Lang::Zh => (&ZH, SIGNALS_ZH),
        Lang::En => (&EN, SIGNALS_EN),
    };
    cell.get_or_init(|| {
        table
            .iter()
            .enumerate()
            .flat_map(|(k, (_, words))| words.iter().map(move |w| (k, *w)))
            .collect()
    })
}

/// One automaton over every signal word of a language.
fn signal_matcher(lang: Lang) -> Option<&'static aho_corasick::AhoCorasick> {
    static ZH: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
    static EN: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let words: Vec<&str> = signal_owner(lang).iter().map(|(_, w)| *w).collect();
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(words)
            .ok()
    })
    .as_ref()
}

/// An English yes/no question: the question the customer will answer opens with an
/// auxiliary verb ("Does it ever…", "Is that…"), not a request ("Could you walk me…").
fn en_yes_no(norm: &str) -> bool {
    let last = norm
        .trim_end_matches(['?', ' ', '.'])
        .rsplit(['?', '.', '!', ';', '-'])
        .next()
        .unwrap_or(norm);
    let words: Vec<&str> = last
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| {
            !w.is_empty() && !["and", "so", "but", "ok", "okay", "well", "then"].contains(w)
        })
        .collect();
    let aux = [
        "is", "are", "do", "does", "did", "can", "could", "have", "has", "will", "would", "was",
        "were", "any", "ever", "isn't", "doesn't", "don't",
    ];
    let request = words.get(1) == Some(&"you")
        && words.get(2).is_some_and(|w| {
            [
                "walk", "tell", "describe", "explain", "give", "share", "talk", "run", "show",
            ]
            .contains(w)
        });
    words.first().is_some_and(|w| aux.contains(w)) && !request
}

/// The features of a question, as the model sees them.
#[must_use]
pub fn features(norm: &str, lex: &Lexicon, lang: Lang, rules: (Label, &str)) -> Vec<String> {
    features_on(norm, lang, rules, &lex.lang(lang).scan(norm))
}

/// The features of a question, from a scan of its cues.
#[must_use]
pub fn features_on(norm: &str, lang: Lang, rules: (Label, &str), scan: &Scan<'_>) -> Vec<String> {
    let mut out = raw_features(norm, lang, rules, scan);
    out.sort();
    out.dedup();
    out
}

/// The features, possibly repeated, in no particular order ([`decide`] counts each
/// once).
#[must_use]
pub fn raw_features(norm: &str, lang: Lang, rules: (Label, &str), scan: &Scan<'_>) -> Vec<String> {
    let mut out = Vec::with_capacity(4 * norm.chars().count() + 32);
    out.push("bias".to_string());
    out.push(format!("rules:{}", rules.0.code()));
    out.push(format!("rule:{}", rules.1));
    if norm.contains('?') {
        out.push("mark:?".into());
    }
    push_cats(&mut out, norm, scan, lang == Lang::En);
    let mut sig = signals(norm, lang);
    if lang == Lang::En && en_yes_no(norm) {
        sig.push("yesno");
    }
    for (k, a) in sig.iter().enumerate() {
        out.push(format!("sig:{a}"));
        for b in &sig[k + 1..] {
            out.push(format!("sig:{a}+{b}"));
        }
    }
    // The part the customer will answer: after the last comma or sentence break.
    let tail_from = norm[..norm.trim_end_matches(['?', '.', '!', ' ']).len()]
        .rfind([',', '.', ';', '!', '?'])
        .map_or(0, |i| i + 1);
    let tail = &norm[tail_from..];
    match lang {
        Lang::Zh => {
            let chars: Vec<char> = norm.chars().filter(|c| crate::text::is_han(*c)).collect();
            for w in chars.windows(2) {
                out.push(feat(&["b:"], &[w[0], w[1]]));
            }
            for c in &chars {
                out.push(feat(&["u:"], &[*c]));
            }
            let tchars: Vec<char> = tail.chars().filter(|c| crate::text::is_han(*c)).collect();
            for w in tchars.windows(2) {
                out.push(feat(&["tb:"], &[w[0], w[1]]));
            }
            if let Some(last) = tchars.len().checked_sub(3).map(|i| &tchars[i..]) {
                out.push(format!("end:{}", last.iter().collect::<String>()));
            }
        }
        Lang::En => {
            let words: Vec<&str> = norm
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .collect();
            for w in &words {
                out.push(feat(&["w:", w], &[]));
            }
            for p in words.windows(2) {
                out.push(feat(&["w2:", p[0], "_", p[1]], &[]));
            }
            if let Some(f) = words.first() {
                out.push(format!("first:{f}"));
            }
            if words.len() >= 2 {
                out.push(format!("first2:{}_{}", words[0], words[1]));
            }
            let twords: Vec<&str> = tail
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .collect();
            if let Some(f) = twords.first() {
                out.push(format!("tfirst:{f}"));
            }
            for p in twords.windows(2) {
                out.push(feat(&["tw2:", p[0], "_", p[1]], &[]));
            }
        }
    }
    out
}

/// A feature name from its parts, without the formatting machinery (this runs for
/// every character of every question).
fn feat(parts: &[&str], chars: &[char]) -> String {
    let len = parts.iter().map(|p| p.len()).sum::<usize>() + 4 * chars.len();
    let mut s = String::with_capacity(len);
    for p in parts {
        s.push_str(p);
    }
    s.extend(chars);
    s
}

/// The model's label for a set of features, with the features that decided it most;
/// `None` when no model is loaded.
#[must_use]
pub fn decide(feats: &[String]) -> Option<(Label, Vec<String>)> {
    let m = model();
    if m.weights.is_empty() {
        return None;
    }
    // Each distinct feature counts once: distinct names have distinct weight rows.
    let mut found: Vec<(&[f32; 5], &String)> = feats
        .iter()
        .filter_map(|f| m.weights.get(f.as_str()).map(|w| (w, f)))
        .collect();
    found.sort_unstable_by_key(|(w, _)| std::ptr::from_ref(*w).addr());
    found.dedup_by_key(|(w, _)| std::ptr::from_ref(*w).addr());
    let mut score = [0.0_f32; 5];
    for (w, _) in &found {
        for (s, x) in score.iter_mut().zip(*w) {
            *s += x;
        }
    }
    let best = (0..5).fold(0, |b, k| if score[k] > score[b] { k } else { b });
    let mut why: Vec<(f32, &String)> = found
        .iter()
        .filter_map(|(w, f)| {
            let others = (0..5)
                .filter(|k| *k != best)
                .map(|k| w[k])
                .fold(f32::MIN, f32::max);
            let margin = w[best] - others;
            (margin > 0.0 && f.as_str() != "bias").then_some((margin, *f))
        })
        .collect();
    why.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    Some((
        LABELS[best],
        why.into_iter()
            .take(3)
            .map(|(_, f)| format!("form:{f}"))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn has(text: &str, signal: &str) -> bool {
        let norm = normalize(text);
        signals(&norm, Lang::detect(&norm)).contains(&signal)
    }

    #[test]
    fn failure_words_are_failures_and_their_look_alikes_are_not() {
        // Waste, extra cost and a falling rate are failures.
        assert!(has("每辆车每月多出三五百的油钱", "fail"));
        assert!(has("续保率往下掉一个点", "fail"));
        assert!(has("All that wasted dough in the morning", "fail"));
        // A saving is not.
        assert!(!has("热线电话能减掉多少", "fail"));
        // Someone leaving is a risk of its own, not a failure.
        assert!(has("要是有人离职了，号码怎么办", "departure"));
        assert!(!has("要是有人离职了，号码怎么办", "fail"));
    }

    #[test]
    fn value_consequence_and_difficulty_words_read_what_is_asked() {
        // 变化 asks value only when it asks what changes.
        assert!(has("客户满意度会有什么变化", "value"));
        assert!(!has("条款变化以后营销员没看到怎么办", "value"));
        assert!(has("工地上的协调会不会顺很多", "value"));
        assert!(has("会出什么事", "conseq"));
        assert!(has("How much of your time does that eat up?", "conseq"));
        assert!(has(
            "Do you actually know what the calls cost?",
            "difficulty"
        ));
        assert!(has("这笔开支您心里有数吗", "difficulty"));
        assert!(has("What share of patients don't show up?", "qty"));
    }
}
