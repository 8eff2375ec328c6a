//! The random trainee's sentence frames (`data/explore_frames.yaml`) and how a
//! frame, a scenario cue and a lexicon word become an input.

use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::scenario::load;
use rand::RngExt;
use rand::rngs::StdRng;
use serde::Deserialize;
use std::sync::OnceLock;

/// Frames for one language; `{cue}` and `{word}` are filled in.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangFrames {
    /// Situation questions.
    pub situation: Vec<String>,
    /// Problem questions.
    pub problem: Vec<String>,
    /// Implication questions.
    pub implication: Vec<String>,
    /// Need-payoff questions.
    pub need_payoff: Vec<String>,
    /// Acknowledging a need before presenting.
    pub acknowledge: Vec<String>,
    /// Stating a benefit.
    pub benefit: Vec<String>,
    /// Proposing a next step.
    pub propose: Vec<String>,
    /// Talking price (whole sentences).
    pub price: Vec<String>,
    /// Questions about nothing in any scenario (whole sentences).
    pub off_topic: Vec<String>,
    /// Inputs the customer cannot read (whole sentences).
    pub unclear: Vec<String>,
}

/// The frames file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frames {
    /// Chinese frames.
    pub zh: LangFrames,
    /// English frames.
    pub en: LangFrames,
}

const SRC: &str = include_str!("../../data/explore_frames.yaml");

impl Frames {
    /// The built-in frames, parsed once (empty, never a crash, were the file broken;
    /// a unit test keeps it parsing).
    #[must_use]
    pub fn builtin() -> &'static Frames {
        static F: OnceLock<Frames> = OnceLock::new();
        F.get_or_init(|| load::parse_yaml(SRC, "data/explore_frames.yaml").unwrap_or_default())
    }

    /// The frames for a language.
    #[must_use]
    pub fn lang(&self, lang: Lang) -> &LangFrames {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Which lexicon list fills `{word}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Situation words.
    Situation,
    /// Problem words.
    Problem,
    /// Implication words.
    Implication,
    /// Need-payoff words.
    NeedPayoff,
}

/// A random element of a list, or `None` for an empty one.
pub fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> Option<&'a T> {
    if list.is_empty() {
        None
    } else {
        list.get(rng.random_range(0..list.len()))
    }
}

/// Fills a random frame of `frames` with `cue` and a random lexicon word of `kind`.
#[must_use]
pub fn fill(
    rng: &mut StdRng,
    frames: &[String],
    cue: &str,
    lex: &Lexicon,
    lang: Lang,
    kind: WordKind,
) -> String {
    let Some(frame) = pick(rng, frames) else {
        return cue.to_string();
    };
    let l = lex.lang(lang);
    let words = match kind {
        WordKind::Situation => &l.situation,
        WordKind::Problem => &l.problem,
        WordKind::Implication => &l.implication,
        WordKind::NeedPayoff => &l.need_payoff,
    };
    let word = if frame.contains("{word}") {
        pick(rng, words).cloned().unwrap_or_default()
    } else {
        String::new()
    };
    frame.replace("{cue}", cue).replace("{word}", &word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn frames_parse_and_every_list_has_entries() {
        let f: Result<Frames, _> = load::parse_yaml(SRC, "f");
        let f = f.unwrap_or_default();
        for l in [&f.zh, &f.en] {
            for list in [
                &l.situation,
                &l.problem,
                &l.implication,
                &l.need_payoff,
                &l.acknowledge,
                &l.benefit,
                &l.propose,
                &l.price,
                &l.off_topic,
                &l.unclear,
            ] {
                assert!(!list.is_empty());
            }
        }
    }

    #[test]
    fn fill_puts_the_cue_in_and_is_seeded() {
        let lex = Lexicon::builtin();
        let frames = &Frames::builtin().en.problem;
        let mut a = StdRng::seed_from_u64(7);
        let mut b = StdRng::seed_from_u64(7);
        for _ in 0..20 {
            let x = fill(&mut a, frames, "the vans", lex, Lang::En, WordKind::Problem);
            assert!(x.contains("the vans") && !x.contains('{'), "{x}");
            assert_eq!(
                x,
                fill(&mut b, frames, "the vans", lex, Lang::En, WordKind::Problem)
            );
        }
    }
}
