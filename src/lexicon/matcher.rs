//! One pass over a text for every cue list of a language (Aho-Corasick), giving the
//! same answer as searching cue by cue with [`super::find_cue`] and
//! [`super::find_cue_fuzzy`]: for each cue, where it first occurs (an English cue only
//! at the start of a word), or, for a single English word of six letters or more,
//! where a word one typo away from it first occurs.

use super::model::FastHash;
use super::{LIST_COUNT, LangLexicon, List};
use aho_corasick::{AhoCorasick, MatchKind};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Every cue list of a language, compiled.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// The automaton over the distinct non-empty cues of all lists.
    ac: Option<AhoCorasick>,
    /// Per list, per cue in list order: its pattern (`None` for an empty cue).
    pattern_of: Vec<Vec<Option<usize>>>,
    /// Per pattern: it starts with an ASCII letter or digit, so it must begin a word.
    ascii_start: Vec<bool>,
    /// Per list: the cues that tolerate a typo, by their first two bytes (the typo
    /// rule never touches both): cue indices in list order.
    fuzzy: Vec<HashMap<[u8; 2], Vec<usize>, FastHash>>,
    /// The question cues by their first word (indices in list order), and those
    /// without one, to test a clause's opening without trying every cue.
    question_by_first: HashMap<String, Vec<usize>, FastHash>,
    question_other: Vec<usize>,
}

/// The first word of a text: letters, digits and apostrophes.
#[must_use]
pub fn first_word(text: &str) -> &str {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("")
}

impl Compiled {
    /// Compiles the lists, in [`List`] order.
    #[must_use]
    pub fn new(lists: &[&Vec<String>]) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut pattern_of = Vec::with_capacity(lists.len());
        let mut fuzzy = Vec::with_capacity(lists.len());
        for cues in lists {
            pattern_of.push(
                cues.iter()
                    .map(|c| {
                        (!c.is_empty()).then(|| {
                            *seen.entry(c.as_str()).or_insert_with(|| {
                                patterns.push(c.as_str());
                                patterns.len() - 1
                            })
                        })
                    })
                    .collect(),
            );
            let mut by_start: HashMap<[u8; 2], Vec<usize>, FastHash> = HashMap::default();
            for (k, c) in cues.iter().enumerate() {
                let b = c.as_bytes();
                if b.len() >= 6 && b.iter().all(u8::is_ascii_lowercase) {
                    by_start.entry([b[0], b[1]]).or_default().push(k);
                }
            }
            fuzzy.push(by_start);
        }
        let ascii_start = patterns
            .iter()
            .map(|p| p.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()))
            .collect();
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        let mut question_by_first: HashMap<String, Vec<usize>, FastHash> = HashMap::default();
        let mut question_other = Vec::new();
        for (k, q) in lists
            .get(List::Question as usize)
            .map_or(&[][..], |l| l.as_slice())
            .iter()
            .enumerate()
        {
            match first_word(q) {
                "" => question_other.push(k),
                w => question_by_first.entry(w.to_string()).or_default().push(k),
            }
        }
        Compiled {
            ac,
            pattern_of,
            ascii_start,
            fuzzy,
            question_by_first,
            question_other,
        }
    }

    /// The question cues that may open a clause starting with `word`, in list order.
    #[must_use]
    pub fn questions_opening_with(&self, word: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .question_by_first
            .get(word)
            .into_iter()
            .flatten()
            .chain(&self.question_other)
            .copied()
            .collect();
        out.sort_unstable();
        out
    }

    /// Finds where each cue first occurs in `text`, in one pass.
    #[must_use]
    pub fn scan<'a>(&'a self, lex: &'a LangLexicon, text: &'a str) -> Scan<'a> {
        let mut first = vec![usize::MAX; self.ascii_start.len()];
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let p = m.pattern().as_usize();
                let at = m.start();
                if at < first[p] && (!self.ascii_start[p] || word_start(text, at)) {
                    first[p] = at;
                }
            }
        }
        Scan {
            compiled: self,
            lex,
            text,
            first,
            words: OnceCell::new(),
            memo: std::array::from_fn(|_| OnceCell::new()),
        }
    }
}

/// Where every cue of a language first occurs in one text.
#[derive(Debug)]
pub struct Scan<'a> {
    compiled: &'a Compiled,
    lex: &'a LangLexicon,
    text: &'a str,
    /// Per pattern: its first valid position, `usize::MAX` when absent.
    first: Vec<usize>,
    /// The text's words (start, end), for typo matching, found on first need.
    words: OnceCell<Vec<(usize, usize)>>,
    /// Each list's hits, exact and with typos, once asked for.
    memo: [OnceCell<Vec<(&'a str, usize)>>; 2 * LIST_COUNT],
}

impl<'a> Scan<'a> {
    /// Every cue of `list` found, with its byte offset, in list order; `fuzzy` lets a
    /// long English word carry one typo.
    #[must_use]
    pub fn hits(&self, list: List, fuzzy: bool) -> Vec<(&'a str, usize)> {
        let slot = list as usize * 2 + usize::from(fuzzy);
        match self.memo.get(slot) {
            Some(cell) => cell.get_or_init(|| self.find(list, fuzzy)).clone(),
            None => self.find(list, fuzzy),
        }
    }

    fn find(&self, list: List, fuzzy: bool) -> Vec<(&'a str, usize)> {
        let k = list as usize;
        let cues = self.lex.list(list);
        let (Some(patterns), Some(by_start)) =
            (self.compiled.pattern_of.get(k), self.compiled.fuzzy.get(k))
        else {
            return Vec::new();
        };
        let mut found: Vec<usize> = patterns
            .iter()
            .map(|p| p.map_or(usize::MAX, |p| self.first[p]))
            .collect();
        if fuzzy && !by_start.is_empty() {
            let bytes = self.text.as_bytes();
            for &(s, e) in self.words() {
                let w = &bytes[s..e];
                let Some(key) = w.get(..2).map(|k| [k[0], k[1]]) else {
                    continue;
                };
                for &c in by_start.get(&key).into_iter().flatten() {
                    if found.get(c) == Some(&usize::MAX)
                        && cues
                            .get(c)
                            .is_some_and(|cue| super::typo_match(w, cue.as_bytes()))
                    {
                        found[c] = s;
                    }
                }
            }
        }
        cues.iter()
            .zip(found)
            .filter(|(_, at)| *at != usize::MAX)
            .map(|(c, at)| (c.as_str(), at))
            .collect()
    }

    fn words(&self) -> &[(usize, usize)] {
        self.words.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut out = Vec::new();
            let mut start = None;
            for i in 0..=bytes.len() {
                let word = bytes
                    .get(i)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'\'');
                match (word, start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        out.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        })
    }
}

const _: () = assert!(LIST_COUNT == List::ALL.len());

/// No letter or digit (other than a Chinese character) right before `at`.
fn word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() || crate::text::is_han(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lex_with(problem: &[&str], implication: &[&str]) -> LangLexicon {
        LangLexicon {
            problem: problem.iter().map(|c| (*c).to_string()).collect(),
            implication: implication.iter().map(|c| (*c).to_string()).collect(),
            ..LangLexicon::default()
        }
    }

    #[test]
    fn finds_each_cue_once_at_its_first_word_start() {
        let l = lex_with(&["cost", "影响", "lost orders", "", "cost"], &["orders"]);
        let text = "accost 影响 the cost, lost orders cost";
        assert_eq!(
            l.hits(List::Problem, text, false),
            vec![("cost", 18), ("影响", 7), ("lost orders", 24), ("cost", 18)]
        );
        assert_eq!(l.hits(List::Implication, text, false), vec![("orders", 29)]);
        assert!(l.hits(List::Pitch, text, false).is_empty());
    }

    #[test]
    fn tolerates_one_typo_in_long_english_words_only_when_asked() {
        let l = lex_with(&["customers", "delays"], &[]);
        assert_eq!(
            l.hits(List::Problem, "our custmers hate delys", true),
            vec![("customers", 4), ("delays", 18)]
        );
        assert!(l.hits(List::Problem, "our custmers", false).is_empty());
    }

    #[test]
    fn a_changed_list_is_compiled_again() {
        let mut lex = super::super::Lexicon::default();
        assert!(
            lex.en
                .hits(List::Situation, "which pos system", false)
                .is_empty()
        );
        lex.extend_scenario(&crate::scenario::LexiconExtra {
            situation: vec!["pos system".into()],
            ..Default::default()
        });
        assert_eq!(
            lex.en.hits(List::Situation, "which pos system", false),
            vec![("pos system", 6)]
        );
    }

    proptest! {
        /// The one-pass scan answers exactly as the cue-by-cue search does.
        #[test]
        fn agrees_with_the_cue_by_cue_search(
            text in "[a-z影响 ,']{0,40}",
            cues in proptest::collection::vec("[a-z影响 ]{0,8}", 0..8),
            fuzzy in any::<bool>(),
        ) {
            let l = LangLexicon { need_payoff: cues.clone(), ..LangLexicon::default() };
            let fast = l.hits(List::NeedPayoff, &text, fuzzy);
            let slow = super::super::hits(&text, &cues, fuzzy);
            prop_assert_eq!(fast, slow);
        }
    }
}
