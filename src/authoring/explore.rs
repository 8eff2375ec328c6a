//! Seeded random meetings that show which parts of a scenario a trainee can never
//! reach. A walk mixes a trainee who follows the method (problem, implication,
//! need-payoff, benefit, proposal, chosen from the needs' states) with random moves
//! (wrong order, premature pitches, price talk, off-topic, repeats). Every input is
//! built from the scenario's own cues, the built-in lexicon and sentence frames, so
//! what the walks reach is what the scenario's cues make reachable.

pub use super::coverage::{AdvanceReach, Coverage, NeedReach};
use super::frames::{Frames, LangFrames, WordKind, fill, pick};
use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::session::{FfabParts, Input, NeedState, Pitch, Session, Step};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use std::sync::Arc;

/// How much to explore.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Number of meetings.
    pub runs: u32,
    /// Seed of the walks (and, plus the run number, of the reply variants).
    pub seed: u64,
    /// Most turns per meeting.
    pub turns: usize,
}

/// Percent of moves that follow the method, cycled over the runs.
const SKILL: [u32; 4] = [85, 65, 45, 25];

/// A move of the random trainee.
#[derive(Debug, Clone, Copy)]
enum Move {
    Situation(usize),
    Problem(usize),
    Implication(usize, usize),
    Payoff(usize),
    /// (product, benefit, which FFAB parts, acknowledge first)
    Present(usize, usize, [bool; 4], bool),
    Price,
    Propose(usize),
    OffTopic,
    Unclear,
    Repeat,
}

struct Walker<'a> {
    sc: &'a Scenario,
    lang: Lang,
    frames: &'a LangFrames,
    rng: StdRng,
    asked: Vec<String>,
    /// (product, benefit) indices of every benefit, per need index.
    benefits: Vec<Vec<(usize, usize)>>,
}

fn count(n: usize) -> usize {
    n.max(1)
}

impl Walker<'_> {
    fn roll(&mut self, percent: u32) -> bool {
        self.rng.random_range(0..100u32) < percent
    }

    fn any(&mut self, n: usize) -> usize {
        self.rng.random_range(0..count(n))
    }

    fn random_move(&mut self) -> Move {
        let sc = self.sc;
        let needs = sc.needs.len();
        match self.rng.random_range(0..10u32) {
            0 if !sc.facts.is_empty() => Move::Situation(self.any(sc.facts.len())),
            1 => Move::Problem(self.any(needs)),
            2 => {
                let i = self.any(needs);
                let k = self.any(sc.needs.get(i).map_or(0, |n| n.implications.len()));
                Move::Implication(i, k)
            }
            3 => Move::Payoff(self.any(needs)),
            4 | 5 => {
                let i = self.any(needs);
                let list = self.benefits.get(i).cloned().unwrap_or_default();
                let Some((p, b)) = pick(&mut self.rng, &list).copied() else {
                    return Move::Price;
                };
                let mask = [self.roll(50), self.roll(50), self.roll(50), self.roll(50)];
                let ack = self.roll(50);
                Move::Present(p, b, mask, ack)
            }
            6 => Move::Price,
            7 if !sc.advances.is_empty() => Move::Propose(self.any(sc.advances.len())),
            8 => {
                if self.roll(50) {
                    Move::OffTopic
                } else {
                    Move::Unclear
                }
            }
            _ => Move::Repeat,
        }
    }

    fn guided_move(&mut self, session: &Session) -> Move {
        let progress = session.needs();
        let open: Vec<usize> = (0..progress.len())
            .filter(|i| progress[*i].state != NeedState::Met)
            .collect();
        let explicit = progress.iter().any(|p| p.state >= NeedState::Explicit);
        let advances = self.sc.advances.len();
        if advances > 0 && (open.is_empty() || (explicit && self.roll(15))) {
            return Move::Propose(self.any(advances));
        }
        let Some(&i) = pick(&mut self.rng, &open) else {
            return Move::Repeat;
        };
        let p = &progress[i];
        match p.state {
            NeedState::Hidden if !self.sc.facts.is_empty() && self.roll(25) => {
                Move::Situation(self.any(self.sc.facts.len()))
            }
            NeedState::Hidden => Move::Problem(i),
            NeedState::Implied => {
                let open_k: Vec<usize> = (0..p.developed.len())
                    .filter(|k| !p.developed[*k])
                    .collect();
                let k = pick(&mut self.rng, &open_k).copied().unwrap_or(0);
                Move::Implication(i, k)
            }
            NeedState::Developed => Move::Payoff(i),
            NeedState::Explicit | NeedState::Met => {
                let list = self.benefits.get(i).cloned().unwrap_or_default();
                match pick(&mut self.rng, &list).copied() {
                    Some((p, b)) => Move::Present(p, b, [true; 4], true),
                    None => Move::Price,
                }
            }
        }
    }

    fn cue(&mut self, cues: &[String]) -> String {
        pick(&mut self.rng, cues).cloned().unwrap_or_default()
    }

    fn ask(
        &mut self,
        frames: &[String],
        cues: &[String],
        kind: WordKind,
        lex: &crate::lexicon::Lexicon,
    ) -> Input {
        let cue = self.cue(cues);
        let text = fill(&mut self.rng, frames, &cue, lex, self.lang, kind);
        self.asked.push(text.clone());
        Input::Ask { to: None, text }
    }

    fn input(&mut self, m: Move, lex: &crate::lexicon::Lexicon) -> Input {
        let (sc, f) = (self.sc, self.frames);
        let need = |i: usize| &sc.needs[i.min(sc.needs.len().saturating_sub(1))];
        match m {
            Move::Situation(x) => {
                // A trainee asks about a fact in the words of its cues or of its topic
                // ("how appointments are booked"), which the coach also grounds on.
                let fact = &sc.facts[x];
                let mut cues = fact.cues.clone();
                cues.push(fact.topic.get(sc.language).to_string());
                self.ask(&f.situation, &cues, WordKind::Situation, lex)
            }
            Move::Problem(i) => self.ask(&f.problem, &need(i).problem.cues, WordKind::Problem, lex),
            Move::Implication(i, k) => {
                let cues = need(i)
                    .implications
                    .get(k)
                    .map(|b| b.cues.clone())
                    .unwrap_or_default();
                self.ask(&f.implication, &cues, WordKind::Implication, lex)
            }
            Move::Payoff(i) => self.ask(
                &f.need_payoff,
                &need(i).payoff.cues,
                WordKind::NeedPayoff,
                lex,
            ),
            Move::Present(p, b, mask, ack) => {
                Input::Present(Pitch::Parts(self.parts(p, b, mask, ack, lex)))
            }
            Move::Price => Input::Present(Pitch::Sentence(
                pick(&mut self.rng, &f.price).cloned().unwrap_or_default(),
            )),
            Move::Propose(a) => {
                let cue = self.cue(&sc.advances[a].cues);
                Input::Propose(fill(
                    &mut self.rng,
                    &f.propose,
                    &cue,
                    lex,
                    self.lang,
                    WordKind::Situation,
                ))
            }
            Move::OffTopic => Input::Ask {
                to: None,
                text: pick(&mut self.rng, &f.off_topic)
                    .cloned()
                    .unwrap_or_default(),
            },
            Move::Unclear => Input::Ask {
                to: None,
                text: pick(&mut self.rng, &f.unclear).cloned().unwrap_or_default(),
            },
            Move::Repeat => match pick(&mut self.rng, &self.asked).cloned() {
                Some(text) => Input::Ask { to: None, text },
                None => Input::Ask {
                    to: None,
                    text: pick(&mut self.rng, &f.off_topic)
                        .cloned()
                        .unwrap_or_default(),
                },
            },
        }
    }

    fn parts(
        &mut self,
        p: usize,
        b: usize,
        mask: [bool; 4],
        ack: bool,
        lex: &crate::lexicon::Lexicon,
    ) -> FfabParts {
        let product = &self.sc.products[p];
        let benefit = &product.benefits[b];
        let need = self
            .sc
            .needs
            .iter()
            .find(|n| n.id.value == benefit.need.value);
        let part = |list: &[crate::scenario::Part], on: bool, rng: &mut StdRng| {
            if !on {
                return None;
            }
            pick(rng, list).map(|x| crate::text::sanitize_line(x.text.get(self.lang)))
        };
        let feature = part(&product.features, mask[0], &mut self.rng);
        let function = part(&product.functions, mask[1], &mut self.rng);
        let advantage = part(&product.advantages, mask[2], &mut self.rng);
        let benefit_text = if mask[3] {
            let cue = self.cue(&benefit.cues);
            Some(fill(
                &mut self.rng,
                &self.frames.benefit,
                &cue,
                lex,
                self.lang,
                WordKind::NeedPayoff,
            ))
        } else {
            None
        };
        let acknowledge = match (ack, need) {
            (true, Some(n)) => {
                let cue = self.cue(&n.problem.cues);
                Some(fill(
                    &mut self.rng,
                    &self.frames.acknowledge,
                    &cue,
                    lex,
                    self.lang,
                    WordKind::Problem,
                ))
            }
            _ => None,
        };
        FfabParts {
            acknowledge,
            feature,
            function,
            advantage,
            benefit: benefit_text,
        }
    }
}

/// Plays `opt.runs` seeded random meetings and reports what they reached.
#[must_use]
pub fn explore(sc: &Arc<Scenario>, opt: Options) -> Coverage {
    let lang = sc.language;
    let benefits = sc
        .needs
        .iter()
        .map(|n| {
            let mut v = Vec::new();
            for (p, product) in sc.products.iter().enumerate() {
                for (b, x) in product.benefits.iter().enumerate() {
                    if x.need.value == n.id.value {
                        v.push((p, b));
                    }
                }
            }
            v
        })
        .collect();
    let mut w = Walker {
        sc,
        lang,
        frames: Frames::builtin().lang(lang),
        rng: StdRng::seed_from_u64(opt.seed),
        asked: Vec::new(),
        benefits,
    };
    let mut t = super::coverage::Tracker::new(sc, lang);
    for run in 0..opt.runs {
        let mut session = Session::new(
            Arc::clone(sc),
            opt.seed.wrapping_add(u64::from(run)),
            None,
            None,
        );
        // Trainees of every skill: the share of moves that follow the method.
        let skill = SKILL[usize::try_from(run).unwrap_or(0) % SKILL.len()];
        w.asked.clear();
        for _ in 0..opt.turns {
            if session.is_over() {
                break;
            }
            let m = if w.roll(skill) {
                w.guided_move(&session)
            } else {
                w.random_move()
            };
            let input = w.input(m, session.lexicon());
            let step: Step = session.apply(input).clone();
            let presented = match m {
                Move::Present(p, b, ..) => Some((p, b)),
                _ => None,
            };
            t.step(&step, presented);
            let done = session.needs().iter().all(|n| n.state == NeedState::Met)
                && !session.accepted().is_empty();
            if done {
                break;
            }
        }
        if !session.is_over() {
            session.apply(Input::End);
        }
        t.finish(&session, opt.seed);
    }
    t.coverage(opt)
}
