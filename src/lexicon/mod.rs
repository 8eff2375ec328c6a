//! Bilingual cue lexicons and the matcher that finds cues in normalised text.
//!
//! The built-in lexicon lives in `data/lexicon.yaml`; scenarios and lexicon files
//! add to it. Matching is substring search on normalised text; English cues must
//! start at a word boundary and tolerate one typo in words of six letters or more.

pub mod classify;
pub mod matcher;
pub mod model;

use crate::lang::Lang;
use crate::scenario::LexiconExtra;
use crate::scenario::Problem;
use crate::text::normalize;
use serde::Deserialize;
use std::sync::OnceLock;

/// Cue lists for one language, as written in a lexicon file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LangLexicon {
    /// Words that make an utterance a question.
    pub question: Vec<String>,
    /// Openers that ask for facts or figures.
    pub fact: Vec<String>,
    /// Situation cues.
    pub situation: Vec<String>,
    /// Problem cues.
    pub problem: Vec<String>,
    /// Implication (consequence) cues.
    pub implication: Vec<String>,
    /// Need-payoff (value) cues.
    pub need_payoff: Vec<String>,
    /// Conditional openers (如果, if).
    pub conditional: Vec<String>,
    /// Phrases that make a conditional negative ("if this goes on").
    pub negative: Vec<String>,
    /// Signs of a pitch rather than a question.
    pub pitch: Vec<String>,
    /// Phrases that acknowledge the customer's need.
    pub acknowledge: Vec<String>,
    /// Price talk.
    pub price: Vec<String>,
    /// FFAB connecting phrases.
    pub connectors: Connectors,
    /// Every list compiled into one automaton for one-pass matching, built on first
    /// use and dropped when a list changes.
    #[serde(skip)]
    compiled: OnceLock<Box<matcher::Compiled>>,
}

/// The cue lists of a [`LangLexicon`], for [`LangLexicon::hits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// [`LangLexicon::question`].
    Question,
    /// [`LangLexicon::fact`].
    Fact,
    /// [`LangLexicon::situation`].
    Situation,
    /// [`LangLexicon::problem`].
    Problem,
    /// [`LangLexicon::implication`].
    Implication,
    /// [`LangLexicon::need_payoff`].
    NeedPayoff,
    /// [`LangLexicon::conditional`].
    Conditional,
    /// [`LangLexicon::negative`].
    Negative,
    /// [`LangLexicon::pitch`].
    Pitch,
    /// [`LangLexicon::acknowledge`].
    Acknowledge,
    /// [`LangLexicon::price`].
    Price,
    /// [`Connectors::feature`].
    Feature,
    /// [`Connectors::function`].
    Function,
    /// [`Connectors::advantage`].
    Advantage,
    /// [`Connectors::benefit`].
    Benefit,
}

/// How many lists [`List`] names.
pub const LIST_COUNT: usize = 15;

impl List {
    /// Every list, in [`LangLexicon`] order.
    pub const ALL: [List; LIST_COUNT] = [
        List::Question,
        List::Fact,
        List::Situation,
        List::Problem,
        List::Implication,
        List::NeedPayoff,
        List::Conditional,
        List::Negative,
        List::Pitch,
        List::Acknowledge,
        List::Price,
        List::Feature,
        List::Function,
        List::Advantage,
        List::Benefit,
    ];
}

/// The deck's FFAB connecting phrases.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Connectors {
    /// Introduces a feature (只要有).
    pub feature: Vec<String>,
    /// Introduces a function (就能).
    pub function: Vec<String>,
    /// Introduces an advantage (比方说).
    pub advantage: Vec<String>,
    /// Introduces a benefit (所以, 也就是说).
    pub benefit: Vec<String>,
}

/// A lexicon file: cue lists per language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Lexicon {
    /// Chinese cues.
    pub zh: LangLexicon,
    /// English cues.
    pub en: LangLexicon,
}

const BUILTIN_SRC: &str = include_str!("../../data/lexicon.yaml");

impl Lexicon {
    /// The built-in lexicon, parsed once. Tests guarantee it parses; were it ever
    /// broken the classifier would see no cues rather than crash.
    #[must_use]
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(BUILTIN_SRC, "data/lexicon.yaml").unwrap_or_default())
    }

    /// Parses a lexicon file's text and normalises its cues.
    ///
    /// # Errors
    /// The parse problem, located.
    pub fn parse(src: &str, path: &str) -> Result<Lexicon, Problem> {
        let mut lex: Lexicon = crate::scenario::load::parse_yaml(src, path)?;
        lex.normalize_all();
        Ok(lex)
    }

    /// Reads a lexicon file from disk.
    ///
    /// # Errors
    /// The read or parse problem.
    pub fn load(path: &std::path::Path) -> Result<Lexicon, Problem> {
        let src = crate::scenario::load::read_bounded(path, crate::scenario::load::MAX_FILE_BYTES)?;
        Lexicon::parse(&src, &path.display().to_string())
    }

    fn normalize_all(&mut self) {
        for l in [&mut self.zh, &mut self.en] {
            for list in l.lists_mut() {
                for c in list.iter_mut() {
                    *c = normalize(c);
                }
                list.retain(|c| !c.is_empty());
            }
        }
    }

    /// The cue lists for a language.
    #[must_use]
    pub fn lang(&self, lang: Lang) -> &LangLexicon {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Adds another lexicon's cues to this one.
    pub fn extend(&mut self, other: &Lexicon) {
        for (mine, theirs) in [(&mut self.zh, &other.zh), (&mut self.en, &other.en)] {
            for (a, b) in mine.lists_mut().into_iter().zip(theirs.lists()) {
                a.extend(b.iter().map(|c| normalize(c)).filter(|c| !c.is_empty()));
            }
        }
    }

    /// Adds a scenario's extra cues; each cue goes to the language its script shows.
    pub fn extend_scenario(&mut self, extra: &LexiconExtra) {
        for c in &extra.situation {
            self.for_cue(c).situation.push(normalize(c));
        }
        for c in &extra.problem {
            self.for_cue(c).problem.push(normalize(c));
        }
        for c in &extra.implication {
            self.for_cue(c).implication.push(normalize(c));
        }
        for c in &extra.need_payoff {
            self.for_cue(c).need_payoff.push(normalize(c));
        }
    }

    fn for_cue(&mut self, cue: &str) -> &mut LangLexicon {
        let l = match Lang::detect(cue) {
            Lang::Zh => &mut self.zh,
            Lang::En => &mut self.en,
        };
        l.compiled = OnceLock::new();
        l
    }
}

impl LangLexicon {
    /// Every cue of a list found in normalised `text`, with its byte offset, in list
    /// order; `fuzzy` lets long English words carry one typo.
    #[must_use]
    pub fn hits<'a>(&'a self, list: List, text: &'a str, fuzzy: bool) -> Vec<(&'a str, usize)> {
        self.scan(text).hits(list, fuzzy)
    }

    /// Finds every cue of every list in normalised `text` in one pass; ask the
    /// result for each list's hits.
    #[must_use]
    pub fn scan<'a>(&'a self, text: &'a str) -> matcher::Scan<'a> {
        self.compiled().scan(self, text)
    }

    /// The lists compiled, built on first use.
    fn compiled(&self) -> &matcher::Compiled {
        self.compiled
            .get_or_init(|| Box::new(matcher::Compiled::new(&self.lists())))
    }

    /// The cues of a list.
    #[must_use]
    pub fn list(&self, list: List) -> &[String] {
        match list {
            List::Question => &self.question,
            List::Fact => &self.fact,
            List::Situation => &self.situation,
            List::Problem => &self.problem,
            List::Implication => &self.implication,
            List::NeedPayoff => &self.need_payoff,
            List::Conditional => &self.conditional,
            List::Negative => &self.negative,
            List::Pitch => &self.pitch,
            List::Acknowledge => &self.acknowledge,
            List::Price => &self.price,
            List::Feature => &self.connectors.feature,
            List::Function => &self.connectors.function,
            List::Advantage => &self.connectors.advantage,
            List::Benefit => &self.connectors.benefit,
        }
    }

    fn lists_mut(&mut self) -> Vec<&mut Vec<String>> {
        self.compiled = OnceLock::new();
        vec![
            &mut self.question,
            &mut self.fact,
            &mut self.situation,
            &mut self.problem,
            &mut self.implication,
            &mut self.need_payoff,
            &mut self.conditional,
            &mut self.negative,
            &mut self.pitch,
            &mut self.acknowledge,
            &mut self.price,
            &mut self.connectors.feature,
            &mut self.connectors.function,
            &mut self.connectors.advantage,
            &mut self.connectors.benefit,
        ]
    }

    fn lists(&self) -> Vec<&Vec<String>> {
        vec![
            &self.question,
            &self.fact,
            &self.situation,
            &self.problem,
            &self.implication,
            &self.need_payoff,
            &self.conditional,
            &self.negative,
            &self.pitch,
            &self.acknowledge,
            &self.price,
            &self.connectors.feature,
            &self.connectors.function,
            &self.connectors.advantage,
            &self.connectors.benefit,
        ]
    }
}

/// Where a cue was found in normalised text (byte offset).
#[must_use]
pub fn find_cue(text: &str, cue: &str) -> Option<usize> {
    if cue.is_empty() {
        return None;
    }
    let ascii_start = cue
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !ascii_start {
        return text.find(cue);
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(cue) {
        let at = from + i;
        let boundary = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() || crate::text::is_han(c));
        if boundary {
            return Some(at);
        }
        // The next occurrence may overlap this one.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Finds a cue exactly or, for a single English word of six letters or more,
/// with one typo (insertion, deletion, substitution or swap).
#[must_use]
pub fn find_cue_fuzzy(text: &str, cue: &str) -> Option<usize> {
    if let Some(i) = find_cue(text, cue) {
        return Some(i);
    }
    let n = cue.len();
    if n < 6 || !cue.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let cb = cue.as_bytes();
    let mut start = None;
    for (i, b) in text.bytes().enumerate() {
        let word = b.is_ascii_alphanumeric() || b == b'\'';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if typo_match(&text.as_bytes()[s..i], cb) {
                    return Some(s);
                }
                start = None;
            }
            _ => {}
        }
    }
    let s = start?;
    typo_match(&text.as_bytes()[s..], cb).then_some(s)
}

fn typo_match(word: &[u8], cue: &[u8]) -> bool {
    if word.len() + 1 < cue.len() || word.get(..2) != cue.get(..2) {
        return false;
    }
    let n = cue.len();
    (n.saturating_sub(1)..=n + 1).any(|k| k <= word.len() && edit_distance_le1(&word[..k], cue))
}

fn edit_distance_le1(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if la == lb {
        // substitution, or a swap of two neighbours
        a[p + 1..] == b[p + 1..]
            || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
    } else if la > lb {
        a[p + 1..] == b[p..]
    } else {
        a[p..] == b[p + 1..]
    }
}

/// Where a phrase occurs as whole words (English) or as a substring (Chinese).
#[must_use]
pub fn find_phrase(text: &str, cue: &str) -> Option<usize> {
    let ascii_end = cue
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let mut from = 0;
    while let Some(i) = find_cue(&text[from..], cue) {
        let at = from + i;
        let end = at + cue.len();
        if !ascii_end
            || text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(at);
        }
        from = at + cue.len().max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Every phrase of `cues` found in `text` as whole words, with its position.
#[must_use]
pub fn phrase_hits<'c>(text: &str, cues: &'c [String]) -> Vec<(&'c str, usize)> {
    cues.iter()
        .filter_map(|c| find_phrase(text, c).map(|i| (c.as_str(), i)))
        .collect()
}

/// Every cue of `cues` found in `text`, with its position.
#[must_use]
pub fn hits<'c>(text: &str, cues: &'c [String], fuzzy: bool) -> Vec<(&'c str, usize)> {
    cues.iter()
        .filter_map(|c| {
            let at = if fuzzy {
                find_cue_fuzzy(text, c)
            } else {
                find_cue(text, c)
            };
            at.map(|i| (c.as_str(), i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_with_cues_in_both_languages() {
        let parsed = Lexicon::parse(BUILTIN_SRC, "data/lexicon.yaml");
        assert!(parsed.is_ok(), "{parsed:?}");
        let lex = Lexicon::builtin();
        for l in [&lex.zh, &lex.en] {
            assert!(
                l.question.len() > 10
                    && l.problem.len() > 10
                    && l.implication.len() > 10
                    && l.need_payoff.len() > 10
            );
        }
    }

    #[test]
    fn english_cues_need_a_word_start() {
        assert_eq!(find_cue("what does it cost", "cost"), Some(13));
        assert_eq!(find_cue("accost", "cost"), None);
        assert_eq!(find_cue("costs a lot", "cost"), Some(0));
        assert_eq!(find_cue("影响cost", "cost"), Some(6));
        assert_eq!(find_cue("会有什么影响", "影响"), Some(12));
    }

    #[test]
    fn one_typo_is_tolerated_in_long_words() {
        assert!(find_cue_fuzzy("any dificulties?", "difficult").is_some());
        assert!(find_cue_fuzzy("what efect does it have", "effect").is_some());
        assert!(find_cue_fuzzy("the impcat", "impact").is_some());
        assert!(find_cue_fuzzy("what costs", "cots").is_none());
        assert!(find_cue_fuzzy("a different thing", "difficult").is_none());
    }
}
