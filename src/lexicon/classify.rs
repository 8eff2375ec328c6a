//! The SPIN question classifier: Situation, Problem, Implication, Need-payoff or
//! not a SPIN question, decided by cue lists and a few ordered rules.

use super::matcher::Scan;
use super::{LangLexicon, Lexicon, List};
use crate::lang::Lang;
use crate::text::normalize;
use serde::Serialize;

/// The SPIN type of an utterance.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, PartialOrd, Ord,
)]
pub enum Label {
    /// Situation: facts about the current state.
    S,
    /// Problem: difficulties and dissatisfaction.
    P,
    /// Implication: consequences of a problem.
    I,
    /// Need-payoff: the value of solving it.
    N,
    /// Not a SPIN question: a statement or a pitch.
    #[serde(rename = "-")]
    Other,
}

impl Label {
    /// One character: `S`, `P`, `I`, `N` or `-`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Label::S => "S",
            Label::P => "P",
            Label::I => "I",
            Label::N => "N",
            Label::Other => "-",
        }
    }

    /// The name in a language.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Label::S, Lang::Zh) => "背景问题",
            (Label::P, Lang::Zh) => "难点问题",
            (Label::I, Lang::Zh) => "暗示问题",
            (Label::N, Lang::Zh) => "需求—效益问题",
            (Label::Other, Lang::Zh) => "非提问",
            (Label::S, Lang::En) => "Situation question",
            (Label::P, Lang::En) => "Problem question",
            (Label::I, Lang::En) => "Implication question",
            (Label::N, Lang::En) => "Need-payoff question",
            (Label::Other, Lang::En) => "not a question",
        }
    }
}

/// A classification with the evidence that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The SPIN type.
    pub label: Label,
    /// The language the utterance was read in.
    pub lang: Lang,
    /// The rule that decided.
    pub rule: &'static str,
    /// The cues that decided, as `kind:cue`.
    pub cues: Vec<String>,
    /// What the ordered cue rules alone decided (the model may overrule them).
    #[serde(skip)]
    pub rules_label: Label,
}

/// Classifies with automatic language detection.
#[must_use]
pub fn classify(text: &str, lex: &Lexicon) -> Classification {
    classify_as(text, lex, Lang::detect(text))
}

struct Found<'a> {
    kind: &'static str,
    hits: Vec<(&'a str, usize)>,
}

impl Found<'_> {
    fn any(&self) -> bool {
        !self.hits.is_empty()
    }
    fn first(&self) -> usize {
        self.hits.iter().map(|h| h.1).min().unwrap_or(usize::MAX)
    }
    fn last(&self) -> usize {
        self.hits.iter().map(|h| h.1).max().unwrap_or(0)
    }
    fn cues(&self) -> impl Iterator<Item = String> + '_ {
        self.hits
            .iter()
            .map(move |(c, _)| format!("{}:{c}", self.kind))
    }
}

fn find<'a>(kind: &'static str, scan: &Scan<'a>, list: List, fuzzy: bool) -> Found<'a> {
    Found {
        kind,
        hits: scan.hits(list, fuzzy),
    }
}

fn is_question(norm: &str, l: &LangLexicon, lang: Lang, scan: &Scan<'_>) -> Option<String> {
    if norm.contains('?') {
        return Some("mark:?".into());
    }
    match lang {
        Lang::Zh => scan
            .hits(List::Question, false)
            .first()
            .map(|(c, _)| format!("question:{c}"))
            .or_else(|| a_not_a(norm).map(|p| format!("question:{p}"))),
        Lang::En => {
            let mut clauses = norm.split([',', ';', ':', '.', '-']).map(clause_start);
            let first = clauses.next().unwrap_or_default();
            let opens_subclause = [
                "if ",
                "when ",
                "once ",
                "with ",
                "suppose ",
                "say ",
                "assuming ",
            ]
            .iter()
            .any(|p| first.starts_with(p));
            let found = starts_with_question(first, l).or_else(|| {
                if opens_subclause {
                    clauses
                        .next()
                        .and_then(|c| starts_with_question(c, l))
                        .or_else(|| inverted_after_if(first, l))
                } else {
                    None
                }
            });
            found.map(|c| format!("question:{c}"))
        }
    }
}

fn clause_start(clause: &str) -> &str {
    let clause = clause
        .trim_start()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    [
        "so ", "and ", "but ", "ok ", "okay ", "well ", "then ", "also ", "and so ", "right ",
    ]
    .iter()
    .find_map(|p| clause.strip_prefix(p))
    .unwrap_or(clause)
}

fn starts_with_question<'a>(clause: &str, l: &'a LangLexicon) -> Option<&'a str> {
    let word = super::matcher::first_word(clause);
    l.compiled()
        .questions_opening_with(word)
        .into_iter()
        .filter_map(|k| l.question.get(k))
        .find(|q| {
            clause.starts_with(q.as_str())
                && clause[q.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(String::as_str)
}

/// "if this keeps happening are your customers going to leave": an auxiliary inside a conditional clause.
fn inverted_after_if<'a>(clause: &str, l: &'a LangLexicon) -> Option<&'a str> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    words
        .iter()
        .skip(3)
        .find_map(|w| {
            if !["are", "is", "will", "would", "does", "do", "can", "could"].contains(w) {
                return None;
            }
            l.compiled()
                .questions_opening_with(w)
                .into_iter()
                .filter_map(|k| l.question.get(k))
                .find(|q| q.as_str() == *w)
        })
        .map(String::as_str)
}

/// The Chinese A-not-A question form: 稳定不稳定, 大不大, 好不好.
fn a_not_a(norm: &str) -> Option<String> {
    let cs: Vec<char> = norm.chars().collect();
    cs.windows(3)
        .find(|w| w[1] == '不' && w[0] == w[2] && crate::text::is_han(w[0]))
        .map(|w| w.iter().collect())
}

/// Number of different FFAB connector kinds in the text: two or more make a pitch.
fn connector_kinds(scan: &Scan<'_>) -> Vec<String> {
    [
        ("feature", List::Feature),
        ("function", List::Function),
        ("advantage", List::Advantage),
        ("benefit", List::Benefit),
    ]
    .iter()
    .filter_map(|(k, list)| {
        scan.hits(*list, false)
            .first()
            .map(|(cue, _)| format!("connector-{k}:{cue}"))
    })
    .collect()
}

/// Byte offset where the main clause starts after a conditional clause at `at`.
fn main_clause(norm: &str, at: usize) -> usize {
    norm[at..].find(',').map_or(0, |i| at + i + 1)
}

/// Classifies `text` read as `lang`: the ordered cue rules, then the form model
/// ([`super::model`]) over their verdict and the question's frame. When the model
/// overrules the cue rules the rule reads `form-model` and the evidence lists the
/// features that decided.
#[must_use]
pub fn classify_as(text: &str, lex: &Lexicon, lang: Lang) -> Classification {
    let l = lex.lang(lang);
    let norm = normalize(text);
    let scan = l.scan(&norm);
    let c = rules_on(&norm, l, lang, &scan);
    let feats = super::model::raw_features(&norm, lang, (c.label, c.rule), &scan);
    // The model may call a question "not a SPIN question" only when something says so:
    // a pitch, price or closing word, or small talk.
    let says_other = feats.iter().any(|f| {
        matches!(
            f.as_str(),
            "sig:close" | "sig:smalltalk" | "cat:pitch" | "cat:price" | "cat:acknowledge"
        )
    });
    match super::model::decide(&feats) {
        Some((Label::Other, _)) if !says_other && c.label != Label::Other => c,
        // Counting something in a problem area ("上个月收到多少起投诉?") with no failure
        // named and nothing tying it to one (no "that", 因此, "because") is a fact
        // question: an implication question needs a problem to develop.
        Some((Label::I, _))
            if c.rule == "fact-about-problem" && !tied_to_a_problem(&norm, &feats) =>
        {
            c
        }
        Some((label, why)) if label != c.label => Classification {
            label,
            lang,
            rule: "form-model",
            rules_label: c.label,
            cues: c.cues.into_iter().chain(why).collect(),
        },
        _ => c,
    }
}

/// Whether a question names a failure or points to one already on the table.
fn tied_to_a_problem(norm: &str, feats: &[String]) -> bool {
    const SIGNS: [&str; 5] = [
        "sig:fail",
        "sig:difficulty",
        "sig:departure",
        "sig:suppose",
        "sig:when",
    ];
    const POINTERS_EN: [&str; 10] = [
        "that", "this", "it", "those", "these", "because", "due", "result", "trace", "cause",
    ];
    feats.iter().any(|f| SIGNS.contains(&f.as_str()))
        || norm.contains(['这', '那', '此', '因'])
        || norm
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| POINTERS_EN.contains(&w))
}

/// The form model's features for a text (for training the model).
#[must_use]
pub fn form_features(text: &str, lex: &Lexicon) -> Vec<String> {
    let lang = Lang::detect(text);
    let l = lex.lang(lang);
    let norm = normalize(text);
    let scan = l.scan(&norm);
    let c = rules_on(&norm, l, lang, &scan);
    super::model::features_on(&norm, lang, (c.label, c.rule), &scan)
}

/// The ordered cue rules alone.
#[must_use]
pub fn classify_rules(text: &str, lex: &Lexicon, lang: Lang) -> Classification {
    let l = lex.lang(lang);
    let norm = normalize(text);
    rules_on(&norm, l, lang, &l.scan(&norm))
}

fn rules_on(norm: &str, l: &LangLexicon, lang: Lang, scan: &Scan<'_>) -> Classification {
    let done = |label, rule, cues: Vec<String>| Classification {
        label,
        rules_label: label,
        lang,
        rule,
        cues,
    };
    let fuzzy = lang == Lang::En;
    let Some(qcue) = is_question(norm, l, lang, scan) else {
        return done(Label::Other, "no-question-form", Vec::new());
    };
    let pitch = find("pitch", scan, List::Pitch, false);
    if pitch.any() {
        return done(Label::Other, "pitch", pitch.cues().collect());
    }
    let connectors = connector_kinds(scan);
    if connectors.len() >= 2 {
        return done(Label::Other, "ffab-statement", connectors);
    }
    let cond = find("conditional", scan, List::Conditional, false);
    let neg = find("negative", scan, List::Negative, false);
    let mut n = find("need_payoff", scan, List::NeedPayoff, fuzzy);
    let mut i = find("implication", scan, List::Implication, fuzzy);
    let p = find("problem", scan, List::Problem, fuzzy);
    let fact = find("fact", scan, List::Fact, false);
    let s = find("situation", scan, List::Situation, false);
    let join = |a: &Found, b: &Found| a.cues().chain(b.cues()).collect::<Vec<_>>();
    if cond.any() {
        if neg.any() {
            return done(Label::I, "conditional-consequence", join(&cond, &neg));
        }
        // "If you could…" / 如果能…: a conditional that supposes the solution asks for its value.
        let supposes_solution = n
            .hits
            .iter()
            .any(|(c, _)| cond.hits.iter().any(|(k, _)| c.starts_with(k)));
        if supposes_solution {
            return done(Label::N, "conditional-solution", join(&cond, &n));
        }
        // The main clause, after the conditional one, carries the question.
        let from = main_clause(norm, cond.first());
        let (mn, mi) = (
            n.hits.iter().any(|h| h.1 >= from),
            i.hits.iter().any(|h| h.1 >= from),
        );
        if mn != mi && from > 0 {
            n.hits.retain(|h| h.1 >= from || mn);
            i.hits.retain(|h| h.1 >= from || mi);
        }
        if n.any() && !i.any() {
            return done(Label::N, "conditional-payoff", join(&cond, &n));
        }
        if i.any() && !n.any() {
            return done(Label::I, "conditional-consequence", join(&cond, &i));
        }
    }
    if n.any() && i.any() {
        // Chinese puts the question's focus at the end, English at the start.
        let n_wins = match lang {
            Lang::Zh => n.last() >= i.last(),
            Lang::En => n.first() <= i.first(),
        };
        return if n_wins {
            done(Label::N, "payoff-focus", join(&n, &i))
        } else {
            done(Label::I, "consequence-focus", join(&i, &n))
        };
    }
    if n.any() {
        return done(Label::N, "payoff-cue", n.cues().collect());
    }
    if i.any() {
        return done(Label::I, "consequence-cue", i.cues().collect());
    }
    if p.any() {
        if fact.any() {
            return done(Label::S, "fact-about-problem", join(&fact, &p));
        }
        return done(Label::P, "problem-cue", p.cues().collect());
    }
    let mut cues: Vec<String> = fact.cues().chain(s.cues()).collect();
    if cues.is_empty() {
        cues.push(qcue);
        return done(Label::S, "plain-question", cues);
    }
    done(Label::S, "situation-cue", cues)
}
