//! Single-behaviour drills, after Rackham's advice for learning SPIN: practise one
//! behaviour at a time, many times, before worrying about quality.
//!
//! A drill is an ordinary [`Session`] that starts from a prepared state: [`prepare`]
//! returns setup inputs that are replayed first (a problem question that uncovers the
//! chosen need for an Implication drill; every need uncovered and developed for a
//! Need-payoff drill; nothing for a Problem drill). Each setup question is checked by
//! replaying it, so it really moves the session as intended. [`tally`] then counts
//! only the trainee's own turns: attempts, hits, the current and best streak.
//! Results are saved one file per drill in `<data dir>/drills/`.

use super::{Frame, compose, slots};
use crate::lang::Lang;
use crate::lexicon::classify::Label;
use crate::scenario::{NeedStart, Params, Scenario};
use crate::scoring::RuleId;
use crate::session::{Input, NeedState, Session, Step};
use crate::store::StoreError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which behaviour a drill practises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillKind {
    /// Implication questions on a need the customer has just voiced.
    Implication,
    /// Need-payoff questions that make every developed need explicit.
    NeedPayoff,
    /// Problem questions that uncover every hidden need.
    Problem,
}

impl DrillKind {
    /// Every drill kind, in the order a picker lists them.
    pub const ALL: [DrillKind; 3] = [
        DrillKind::Implication,
        DrillKind::NeedPayoff,
        DrillKind::Problem,
    ];

    /// The word used in files and on the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            DrillKind::Implication => "implication",
            DrillKind::NeedPayoff => "need-payoff",
            DrillKind::Problem => "problem",
        }
    }

    /// Parses [`DrillKind::code`].
    #[must_use]
    pub fn parse(s: &str) -> Option<DrillKind> {
        DrillKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    /// The drill's name in a language.
    #[must_use]
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DrillKind::Implication, Lang::Zh) => "暗示问题专项练习",
            (DrillKind::Implication, Lang::En) => "Implication drill",
            (DrillKind::NeedPayoff, Lang::Zh) => "需求—效益问题专项练习",
            (DrillKind::NeedPayoff, Lang::En) => "Need-payoff drill",
            (DrillKind::Problem, Lang::Zh) => "难点问题专项练习",
            (DrillKind::Problem, Lang::En) => "Problem drill",
        }
    }

    /// What the trainee is asked to do, in a language.
    #[must_use]
    pub fn instructions(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DrillKind::Implication, Lang::Zh) => {
                "客户刚说出一个问题。只问暗示问题：它会导致什么？一年下来损失多少？还影响到谁？目标：把客户能说出的每一个后果都问出来（目标数随场景而定），越连贯越好。一次只练一种行为，多练几遍。"
            }
            (DrillKind::Implication, Lang::En) => {
                "The customer has just voiced a problem. Ask only Implication questions: what does it lead to, what does it cost over a year, who else does it hurt? Aim to draw out every consequence the customer has (the goal counts them), in an unbroken run. Practise one behaviour at a time, many times."
            }
            (DrillKind::NeedPayoff, Lang::Zh) => {
                "每个需求都已发现并扩大。只问需求—效益问题：解决了对您有什么帮助？能省下多少？直到客户把每个需求都明确说出来。一次只练一种行为，多练几遍。"
            }
            (DrillKind::NeedPayoff, Lang::En) => {
                "Every need has been uncovered and developed. Ask only Need-payoff questions: how would it help, what would it save? Keep going until the customer states every need as an explicit need. Practise one behaviour at a time, many times."
            }
            (DrillKind::Problem, Lang::Zh) => {
                "一场新的会谈。只问难点问题：哪里有困难、有什么不满、什么地方老出错？直到客户把隐藏的需求都说出来。一次只练一种行为，多练几遍。"
            }
            (DrillKind::Problem, Lang::En) => {
                "A fresh meeting. Ask only Problem questions: where are the difficulties, what are they unhappy with, what keeps going wrong? Keep going until the customer has voiced every hidden need. Practise one behaviour at a time, many times."
            }
        }
    }

    /// The question type the drill practises.
    #[must_use]
    pub fn label(self) -> Label {
        match self {
            DrillKind::Implication => Label::I,
            DrillKind::NeedPayoff => Label::N,
            DrillKind::Problem => Label::P,
        }
    }

    /// The scoring rules that show a drilled question moved the session.
    #[must_use]
    pub fn hit_rules(self) -> &'static [RuleId] {
        match self {
            DrillKind::Implication => &[RuleId::DevelopImplication, RuleId::ImplicationExtra],
            DrillKind::NeedPayoff => &[RuleId::MakeExplicit],
            DrillKind::Problem => &[RuleId::UncoverImplied],
        }
    }
}

/// The need an Implication drill works on: the one with the most implications, so
/// the trainee has the most consequences to draw out (the first one on a tie), among
/// the needs that start hidden or implied. A need a follow-up meeting starts
/// developed or further (`starts:`) has its consequences behind it, so it is chosen
/// only when every need does.
#[must_use]
pub fn focus_need(sc: &Scenario) -> usize {
    let open = |n: &crate::scenario::Need| n.starts <= NeedStart::Implied;
    let any_open = sc.needs.iter().any(open);
    sc.needs
        .iter()
        .enumerate()
        .filter(|(_, n)| !any_open || open(n))
        .max_by_key(|(i, n)| (n.implications.len(), std::cmp::Reverse(*i)))
        .map_or(0, |(i, _)| i)
}

/// The number of hits a drill aims for, sized to what the scenario can answer after
/// the setup steps: for Implication, the implications of the needs the setup uncovered
/// and of those the customer opened with (`starts: implied`; the customer tells each
/// once, after that he only repeats himself); for Need-payoff, the needs the setup
/// developed and those that start developed; for Problem, every need there is to
/// uncover (those that start hidden).
#[must_use]
pub fn target(kind: DrillKind, sc: &Scenario, setup: &[Step]) -> u32 {
    let reached = |state: NeedState| -> Vec<&crate::scenario::Need> {
        sc.needs
            .iter()
            .filter(|n| {
                start_state(n) == state
                    || setup
                        .iter()
                        .flat_map(|st| &st.changes)
                        .any(|c| c.to == state && c.need == n.id.value)
            })
            .collect()
    };
    let n = match kind {
        DrillKind::Implication => reached(NeedState::Implied)
            .iter()
            .map(|n| n.implications.len())
            .sum(),
        DrillKind::NeedPayoff => reached(NeedState::Developed).len(),
        DrillKind::Problem => sc
            .needs
            .iter()
            .filter(|n| n.starts == NeedStart::Hidden)
            .count(),
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where a need stands when the meeting opens (`starts:`).
fn start_state(n: &crate::scenario::Need) -> NeedState {
    match n.starts {
        NeedStart::Hidden => NeedState::Hidden,
        NeedStart::Implied => NeedState::Implied,
        NeedStart::Developed => NeedState::Developed,
        NeedStart::Explicit => NeedState::Explicit,
        NeedStart::Met => NeedState::Met,
    }
}

/// Replays inputs through a fresh session. Need states do not depend on the seed
/// (it only picks reply variants), so any seed gives the same states.
fn replay(sc: &Arc<Scenario>, inputs: &[Input]) -> Session {
    Session::replay(Arc::clone(sc), 0, None, None, inputs.iter().cloned()).0
}

/// A question input.
fn ask(text: String) -> Input {
    Input::Ask { to: None, text }
}

/// Appends the first of `candidates` that, replayed after `inputs`, earns `rule` on
/// need `need`, changes no other need and leaves the meeting running. Returns whether
/// one was found.
fn push_first(
    sc: &Arc<Scenario>,
    inputs: &mut Vec<Input>,
    candidates: Vec<String>,
    need: usize,
    rule: RuleId,
) -> bool {
    let Some(id) = sc.needs.get(need).map(|n| n.id.value.as_str()) else {
        return false;
    };
    for q in candidates {
        inputs.push(ask(q));
        let s = replay(sc, inputs);
        let ok = !s.is_over()
            && s.steps().last().is_some_and(|st| {
                st.findings.iter().any(|f| f.rule == rule)
                    && st.changes.iter().all(|c| c.need == id)
            });
        if ok {
            return true;
        }
        inputs.pop();
    }
    false
}

/// Adds a problem question on need `i`'s problem cues that uncovers it; nothing for
/// a need that does not start hidden (the customer opens with it, or a follow-up
/// meeting carries it further), which is uncovered already.
fn uncover(sc: &Arc<Scenario>, inputs: &mut Vec<Input>, i: usize) -> bool {
    let Some(need) = sc.needs.get(i) else {
        return false;
    };
    if need.starts != NeedStart::Hidden {
        return true;
    }
    let lang = sc.language;
    let cues = slots(need.problem.cues.iter().map(String::as_str), lang);
    push_first(
        sc,
        inputs,
        compose(Frame::Problem, lang, &cues),
        i,
        RuleId::UncoverImplied,
    )
}

/// Adds implication questions on need `i`, one per implication (by its cues), until
/// the need is developed: as many as its threshold asks for. Nothing for a need that
/// is developed or further already (a follow-up meeting may start it there).
fn develop(sc: &Arc<Scenario>, inputs: &mut Vec<Input>, i: usize) -> bool {
    let Some(need) = sc.needs.get(i) else {
        return false;
    };
    let lang = sc.language;
    let want = usize::from(Params::of(sc).threshold(need));
    let developed_now = |inputs: &[Input]| {
        replay(sc, inputs).needs().get(i).map(|p| p.state) >= Some(NeedState::Developed)
    };
    for _ in 0..want.min(need.implications.len()) {
        if developed_now(inputs) {
            return true;
        }
        let developed = replay(sc, inputs)
            .needs()
            .get(i)
            .map(|p| p.developed.clone())
            .unwrap_or_default();
        // Cues of implications not yet developed first, so each question develops a new one.
        let mut candidates = Vec::new();
        for (k, imp) in need.implications.iter().enumerate() {
            if !developed.get(k).copied().unwrap_or(false) {
                let cues = slots(imp.cues.iter().map(String::as_str), lang);
                candidates.extend(compose(Frame::Affects, lang, &cues));
            }
        }
        if !push_first(sc, inputs, candidates, i, RuleId::DevelopImplication) {
            return false;
        }
    }
    developed_now(inputs)
}

/// The setup inputs to replay before a drill so the session starts in the right state:
/// for Implication, a problem question on need `need`'s problem cues that uncovers it
/// (nothing when there is no such need, or it does not start hidden); for
/// Need-payoff, a problem question and enough implication questions (the need's
/// difficulty threshold) for every need, so every need is developed (a need that
/// starts implied needs no problem question, one that starts developed or further
/// nothing); for Problem, nothing. The questions are in the scenario's
/// language and each was checked by replaying it; if a scenario's cues allow no
/// working question for some step, the setup stops there (best effort, no panic).
#[must_use]
pub fn prepare(kind: DrillKind, sc: &Arc<Scenario>, need: usize) -> Vec<Input> {
    let mut inputs = Vec::new();
    match kind {
        DrillKind::Problem => {}
        DrillKind::Implication => {
            uncover(sc, &mut inputs, need);
        }
        DrillKind::NeedPayoff => {
            for i in 0..sc.needs.len() {
                if !(uncover(sc, &mut inputs, i) && develop(sc, &mut inputs, i)) {
                    break;
                }
            }
        }
    }
    inputs
}

/// The turns that bring a fresh meeting to need `i` implied (uncovered by a problem
/// question made from its cues), and with `develop` on to it developed (implication
/// questions made from its implications' cues). Stops early when a step cannot be
/// reached; phrasing banks then read from wherever it got to.
#[must_use]
pub fn prepare_need(sc: &Arc<Scenario>, i: usize, develop_too: bool) -> Vec<Input> {
    let mut inputs = Vec::new();
    if uncover(sc, &mut inputs, i) && develop_too {
        develop(sc, &mut inputs, i);
    }
    inputs
}

/// Counts of a drill so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The trainee's drill turns (setup turns and ending the meeting not counted).
    pub attempts: u32,
    /// Turns that were a question of the drilled type and moved the session.
    pub hits: u32,
    /// Hits in a row up to now.
    pub streak: u32,
    /// The longest run of hits.
    pub best_streak: u32,
    /// Hits the drill aims for (see [`target`]).
    pub target: u32,
}

impl Tally {
    /// True once the hits reach a non-zero target.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.target > 0 && self.hits >= self.target
    }
}

/// True when a step is a question of the drilled type that moved the session: for
/// Implication a `develop-implication` or `implication-extra` finding on an
/// implication the customer had not told yet (a question that only gets "as I
/// said…" is no hit), for Need-payoff `make-explicit`, for Problem `uncover-implied`.
#[must_use]
pub fn is_hit(kind: DrillKind, step: &Step) -> bool {
    let new_answer = kind != DrillKind::Implication
        || step
            .matched
            .as_deref()
            .is_some_and(|m| m.contains(".implications["));
    step.label == Some(kind.label())
        && new_answer
        && step
            .findings
            .iter()
            .any(|f| kind.hit_rules().contains(&f.rule))
}

/// Tallies a drill from the session's steps: the first `setup_len` steps (the replayed
/// [`prepare`] inputs) are skipped, and so is ending the meeting; every other turn is
/// an attempt, and a turn that is not a hit breaks the streak. The target comes from
/// the scenario and what the setup did (see [`target`]).
#[must_use]
pub fn tally(kind: DrillKind, sc: &Scenario, steps: &[Step], setup_len: usize) -> Tally {
    let setup = &steps[..setup_len.min(steps.len())];
    let mut t = Tally {
        target: target(kind, sc, setup),
        ..Tally::default()
    };
    for step in steps.iter().skip(setup_len) {
        if matches!(step.input, Input::End) {
            continue;
        }
        t.attempts = t.attempts.saturating_add(1);
        if is_hit(kind, step) {
            t.hits = t.hits.saturating_add(1);
            t.streak = t.streak.saturating_add(1);
            t.best_streak = t.best_streak.max(t.streak);
        } else {
            t.streak = 0;
        }
    }
    t
}

/// A finished drill as saved in `<data dir>/drills/<id>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillResult {
    /// Unique id, also the file name.
    pub id: String,
    /// The scenario's id.
    pub scenario: String,
    /// Which behaviour was drilled.
    pub kind: DrillKind,
    /// When the drill started (UTC, RFC 3339).
    pub started_at: String,
    /// When it finished (UTC, RFC 3339).
    pub finished_at: String,
    /// The trainee's drill turns.
    pub attempts: u32,
    /// Turns that hit.
    pub hits: u32,
    /// The longest run of hits.
    pub best_streak: u32,
    /// Hits the drill aimed for.
    pub target: u32,
}

impl DrillResult {
    /// A result for a drill finishing now, with a new unique id.
    #[must_use]
    pub fn new(scenario: &str, kind: DrillKind, started_at: String, t: &Tally) -> DrillResult {
        DrillResult {
            id: crate::store::new_id(),
            scenario: scenario.to_string(),
            kind,
            started_at,
            finished_at: crate::store::time::now(),
            attempts: t.attempts,
            hits: t.hits,
            best_streak: t.best_streak,
            target: t.target,
        }
    }
}

/// The folder of drill results under a data directory.
#[must_use]
pub fn dir(root: &Path) -> PathBuf {
    root.join("drills")
}

/// Saves a drill result atomically to `<root>/drills/<id>.json`.
///
/// # Errors
/// When the id is not a safe file name or the folder or file cannot be written.
pub fn save(root: &Path, r: &DrillResult) -> Result<PathBuf, StoreError> {
    crate::store::json::save(&dir(root), &r.id, r)
}

/// Every saved drill result, newest first; files that do not parse are skipped.
#[must_use]
pub fn load_all(root: &Path) -> Vec<DrillResult> {
    let mut all: Vec<DrillResult> = crate::store::json::load_all(&dir(root));
    all.sort_by(|a, b| {
        b.finished_at
            .cmp(&a.finished_at)
            .then_with(|| b.id.cmp(&a.id))
    });
    all
}

/// The best streak saved for a scenario and drill kind, if it was ever drilled.
#[must_use]
pub fn best(results: &[DrillResult], scenario: &str, kind: DrillKind) -> Option<u32> {
    results
        .iter()
        .filter(|r| r.scenario == scenario && r.kind == kind)
        .map(|r| r.best_streak)
        .max()
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

    fn states(sc: &Arc<Scenario>, inputs: &[Input]) -> Vec<NeedState> {
        let s = play(sc, inputs);
        assert!(!s.is_over(), "{}: setup ended the meeting", sc.id.value);
        s.needs().iter().map(|p| p.state).collect()
    }

    #[test]
    fn implication_setup_uncovers_exactly_the_chosen_need_in_every_bundled_scenario() {
        for l in bundled() {
            let sc = &l.scenario;
            for need in 0..sc.needs.len() {
                let setup = prepare(DrillKind::Implication, sc, need);
                // A need the customer opens with (or a follow-up carries further)
                // needs no problem question.
                let hidden = sc.needs[need].starts == NeedStart::Hidden;
                assert_eq!(
                    setup.len(),
                    usize::from(hidden),
                    "{} need {need}",
                    sc.id.value
                );
                let got = states(sc, &setup);
                for (i, st) in got.iter().enumerate() {
                    // The chosen need is uncovered; every other need stays where it
                    // starts.
                    let want = if i == need && hidden {
                        NeedState::Implied
                    } else {
                        start_state(&sc.needs[i])
                    };
                    assert_eq!(*st, want, "{} need {i}: {setup:?}", sc.id.value);
                }
                if let Some(first) = setup.first() {
                    let text = first.display_text();
                    assert_eq!(Lang::detect(&text), sc.language, "{text}");
                }
            }
            assert!(prepare(DrillKind::Implication, sc, sc.needs.len()).is_empty());
        }
    }

    #[test]
    fn need_payoff_setup_develops_every_need_in_every_bundled_scenario() {
        for l in bundled() {
            let sc = &l.scenario;
            let setup = prepare(DrillKind::NeedPayoff, sc, 0);
            let got = states(sc, &setup);
            // Developed, or where a follow-up starts a need further on.
            let want: Vec<NeedState> = sc
                .needs
                .iter()
                .map(|n| start_state(n).max(NeedState::Developed))
                .collect();
            assert_eq!(got, want, "{}: after {setup:?}", sc.id.value);
            let p = Params::of(sc);
            let wanted: usize = sc
                .needs
                .iter()
                .map(|n| match n.starts {
                    NeedStart::Hidden => 1 + usize::from(p.threshold(n)),
                    NeedStart::Implied => usize::from(p.threshold(n)),
                    _ => 0,
                })
                .sum();
            assert_eq!(
                setup.len(),
                wanted,
                "{}: one P (unless the need starts implied) and threshold I per need, nothing for a need that starts developed or further",
                sc.id.value
            );
        }
    }

    #[test]
    fn problem_setup_is_empty_and_leaves_every_need_hidden() {
        for l in bundled() {
            let sc = &l.scenario;
            let setup = prepare(DrillKind::Problem, sc, 0);
            assert!(setup.is_empty());
            // Except a need the customer opens with, which is implied from the start,
            // or one a follow-up starts further on: not part of the goal.
            for (n, s) in sc.needs.iter().zip(states(sc, &setup)) {
                assert_eq!(s, start_state(n), "{}", sc.id.value);
            }
            let open = sc
                .needs
                .iter()
                .filter(|n| n.starts == NeedStart::Hidden)
                .count();
            let t = target(DrillKind::Problem, sc, &[]);
            assert_eq!(t, u32::try_from(open).expect("small"), "{}", sc.id.value);
        }
    }

    fn bakery() -> Loaded {
        bundled()
            .into_iter()
            .find(|l| l.scenario.id.value == "bakery-vpn")
            .expect("bakery-vpn is bundled")
    }

    fn play(sc: &Arc<Scenario>, inputs: &[Input]) -> Session {
        Session::replay(Arc::clone(sc), 1, None, None, inputs.iter().cloned()).0
    }

    fn q(s: &str) -> Input {
        ask(s.to_string())
    }

    #[test]
    fn implication_drill_counts_hits_and_streaks_after_the_setup() {
        let l = bakery();
        let sc = &l.scenario;
        let setup = prepare(DrillKind::Implication, sc, 0);
        let mut inputs = setup.clone();
        inputs.extend([
            q("What does that add up to over a year?"),
            q("How does that affect your margin?"),
            q("How many staff do you have?"),
            q("What impact does that have on your profit?"),
            q("What does that add up to over a year?"),
            q("What effect does it have on the budget for next year?"),
            Input::End,
        ]);
        let s = play(sc, &inputs);
        let t = tally(DrillKind::Implication, sc, s.steps(), setup.len());
        assert_eq!(t.attempts, 6, "{:#?}", s.steps());
        // The need has one implication: the first question draws it out; every later
        // implication question only gets "as I said…", which is no hit (issue 10,
        // defect 2: those answers had counted towards a goal of 10).
        assert_eq!(t.hits, 1, "{:#?}", s.steps());
        assert!(s.steps()[setup.len() + 1].reply.starts_with("As I said"));
        assert_eq!(t.best_streak, 1);
        assert_eq!(t.streak, 0);
        assert_eq!(t.target, 1, "call costs has one implication to tell");
        assert!(t.is_done());
        // Without skipping the setup, the problem question counts as a miss.
        assert_eq!(tally(DrillKind::Implication, sc, s.steps(), 0).attempts, 7);
    }

    /// Issue 10, defect 2: in every bundled scenario the Implication drill's goal is
    /// what the customer can answer: one composed question per implication of the
    /// drilled need reaches it, and a question after that is no hit.
    #[test]
    fn implication_goal_is_reachable_in_every_bundled_scenario() {
        for l in bundled() {
            let sc = &l.scenario;
            let need = focus_need(sc);
            // Among the needs whose consequences are still to be told (not carried
            // over developed or further by a follow-up).
            assert!(
                sc.needs[need].starts <= NeedStart::Implied,
                "{}",
                sc.id.value
            );
            let most = sc
                .needs
                .iter()
                .filter(|n| n.starts <= NeedStart::Implied)
                .map(|n| n.implications.len())
                .max();
            assert_eq!(Some(sc.needs[need].implications.len()), most);
            let setup = prepare(DrillKind::Implication, sc, need);
            let mut inputs = setup.clone();
            let lang = sc.language;
            for imp in &sc.needs[need].implications {
                let cues = slots(imp.cues.iter().map(String::as_str), lang);
                for q in compose(Frame::Affects, lang, &cues)
                    .into_iter()
                    .chain(compose(Frame::Consequence, lang, &cues))
                {
                    inputs.push(ask(q));
                    let s = play(sc, &inputs);
                    if s.steps()
                        .last()
                        .is_some_and(|st| is_hit(DrillKind::Implication, st))
                    {
                        break;
                    }
                    inputs.pop();
                }
            }
            let s = play(sc, &inputs);
            let t = tally(DrillKind::Implication, sc, s.steps(), setup.len());
            let want = u32::try_from(sc.needs[need].implications.len()).expect("small");
            assert_eq!(t.target, want, "{}", sc.id.value);
            assert_eq!(t.hits, want, "{}: {:#?}", sc.id.value, s.steps());
            assert!(t.is_done());
            let again = inputs
                .iter()
                .rev()
                .find(|i| matches!(i, Input::Ask { .. }))
                .cloned();
            inputs.extend(again);
            let s = play(sc, &inputs);
            let t = tally(DrillKind::Implication, sc, s.steps(), setup.len());
            assert_eq!(t.hits, want, "{}: nothing left to tell", sc.id.value);
        }
    }

    #[test]
    fn need_payoff_target_counts_the_needs_the_setup_developed() {
        for l in bundled() {
            let sc = &l.scenario;
            let setup = prepare(DrillKind::NeedPayoff, sc, 0);
            let s = play(sc, &setup);
            let developed = s
                .needs()
                .iter()
                .filter(|n| n.state == NeedState::Developed)
                .count();
            let t = tally(DrillKind::NeedPayoff, sc, s.steps(), setup.len());
            assert_eq!(
                usize::try_from(t.target).ok(),
                Some(developed),
                "{}",
                sc.id.value
            );
        }
    }

    #[test]
    fn problem_and_need_payoff_drills_hit_on_their_own_rule_only() {
        let l = bakery();
        let sc = &l.scenario;
        let s = play(
            sc,
            &[
                q("Do you have any problems with the allowance bills?"),
                q("What does that add up to over a year?"),
                q("Is it hard to reach the night bakers?"),
                q("Have there been mistakes with orders?"),
            ],
        );
        let t = tally(DrillKind::Problem, sc, s.steps(), 0);
        assert_eq!((t.attempts, t.hits, t.best_streak, t.streak), (4, 3, 2, 2));
        assert_eq!(t.target, 3);
        assert!(t.is_done());

        let setup = prepare(DrillKind::NeedPayoff, sc, 0);
        let mut inputs = setup.clone();
        inputs.extend([
            q("Would a fixed, predictable bill help you?"),
            q("Would a fixed, predictable bill help you?"),
            q("How useful would it be to be sure every order is confirmed?"),
            q("Would a quick way to reach the night shift with a short number help?"),
        ]);
        let s = play(sc, &inputs);
        let t = tally(DrillKind::NeedPayoff, sc, s.steps(), setup.len());
        assert_eq!(t.attempts, 4, "{:#?}", s.steps());
        assert_eq!(t.hits, 3, "{:#?}", s.steps());
        assert_eq!(
            (t.best_streak, t.streak),
            (2, 2),
            "a repeated question breaks the run"
        );
        assert!(t.is_done());
        assert!(s.needs().iter().all(|n| n.state == NeedState::Explicit));
    }

    #[test]
    fn kinds_have_names_in_both_languages_and_round_trip() {
        for k in DrillKind::ALL {
            assert_eq!(DrillKind::parse(k.code()), Some(k));
            let json = serde_json::to_string(&k).expect("json");
            assert_eq!(json, format!("\"{}\"", k.code()));
            for lang in [Lang::Zh, Lang::En] {
                assert_eq!(Lang::detect(k.title(lang)), lang);
                assert_eq!(Lang::detect(k.instructions(lang)), lang);
            }
        }
        assert_eq!(DrillKind::parse("closing"), None);
    }

    #[test]
    fn results_save_load_and_give_the_best_streak() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        let t = Tally {
            attempts: 12,
            hits: 9,
            streak: 3,
            best_streak: 6,
            target: 10,
        };
        let mut a = DrillResult::new(
            "bakery-vpn",
            DrillKind::Implication,
            "2026-01-01T00:00:00Z".into(),
            &t,
        );
        a.finished_at = "2026-01-01T00:10:00Z".into();
        let mut b = a.clone();
        b.id = "b".into();
        b.best_streak = 8;
        b.finished_at = "2026-01-02T00:10:00Z".into();
        let mut c = a.clone();
        c.id = "c".into();
        c.kind = DrillKind::Problem;
        c.best_streak = 2;
        for r in [&a, &b, &c] {
            let p = save(root, r).expect("save");
            assert_eq!(p, root.join("drills").join(format!("{}.json", r.id)));
        }
        std::fs::write(root.join("drills/junk.json"), b"\xff\xfe").expect("write");
        let all = load_all(root);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0], b, "newest first");
        assert_eq!(best(&all, "bakery-vpn", DrillKind::Implication), Some(8));
        assert_eq!(best(&all, "bakery-vpn", DrillKind::Problem), Some(2));
        assert_eq!(best(&all, "bakery-vpn", DrillKind::NeedPayoff), None);
        assert_eq!(best(&all, "shop-vpn", DrillKind::Implication), None);
        assert_eq!(
            (a.attempts, a.hits, a.best_streak, a.target),
            (12, 9, 6, 10)
        );
    }
}
