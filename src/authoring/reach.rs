//! The lint "cues no natural question can reach": for every cue of a fact and of a
//! need's problem, implications and payoff, the plain questions a trainee would ask
//! with it (the random trainee's frames without lexicon words, e.g. "Can you tell
//! me about {cue}?") are read by the coach's own understanding stage at the point
//! of the meeting where that question belongs. A cue none of whose questions is
//! read, with confidence, as being about its element never steers the customer: the
//! words go to another element or to nothing.

use super::frames::Frames;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::scenario::{Id, Problem, Scenario};
use crate::session::NeedState;
use crate::text::normalize;
use crate::understand::index::Index;
use crate::understand::terms::term_set;
use crate::understand::{Confidence, Context, Reading, Topic, read_question};

/// Where in the meeting a cue is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// A fact: situation questions at the start.
    Fact,
    /// A need's problem: problem questions while it is hidden.
    Problem,
    /// An implication: implication questions once the need is implied.
    Implication,
    /// The payoff: need-payoff questions once the need is developed.
    Payoff,
}

/// One cue to try: its owner's place, the field it sits in and what it must reach.
struct Try<'a> {
    owner: &'a Id,
    field: String,
    cue: &'a str,
    stage: Stage,
    want: Topic,
}

/// The frames a plain question of this stage is built from: those that take only
/// the cue (a `{word}` frame would add a lexicon word the trainee did not choose),
/// and the cue alone as a question, for cues that are a question's own words
/// (`how often`, `谁看着`).
fn frames(stage: Stage, lang: Lang) -> Vec<&'static str> {
    let f = Frames::builtin().lang(lang);
    let list = match stage {
        Stage::Fact => &f.situation,
        Stage::Problem => &f.problem,
        Stage::Implication => &f.implication,
        Stage::Payoff => &f.need_payoff,
    };
    let bare = match lang {
        Lang::Zh => "{cue}？",
        Lang::En => "{cue}?",
    };
    list.iter()
        .map(String::as_str)
        .filter(|x| x.contains("{cue}") && !x.contains("{word}"))
        .chain([bare])
        .collect()
}

fn tries(s: &Scenario) -> Vec<Try<'_>> {
    let mut v = Vec::new();
    for (i, f) in s.facts.iter().enumerate() {
        for c in &f.cues {
            v.push(Try {
                owner: &f.id,
                field: "cues".into(),
                cue: c,
                stage: Stage::Fact,
                want: Topic::Fact { fact: i },
            });
        }
    }
    for (i, n) in s.needs.iter().enumerate() {
        let want = Topic::Need { need: i };
        // A need that starts implied or further on has no problem to uncover.
        if n.starts == crate::scenario::NeedStart::Hidden {
            for c in &n.problem.cues {
                v.push(Try {
                    owner: &n.id,
                    field: "problem.cues".into(),
                    cue: c,
                    stage: Stage::Problem,
                    want,
                });
            }
        }
        for (k, b) in n.implications.iter().enumerate() {
            for c in &b.cues {
                v.push(Try {
                    owner: &n.id,
                    field: format!("implications[{k}].cues"),
                    cue: c,
                    stage: Stage::Implication,
                    want,
                });
            }
        }
        for c in &n.payoff.cues {
            v.push(Try {
                owner: &n.id,
                field: "payoff.cues".into(),
                cue: c,
                stage: Stage::Payoff,
                want,
            });
        }
    }
    v
}

/// The meeting state a stage's question belongs to: every need where the scenario
/// starts it, and for implication and payoff questions the cue's need on the table
/// and under discussion.
fn states_for(s: &Scenario, t: &Try<'_>) -> (Vec<NeedState>, Option<usize>) {
    let mut states: Vec<NeedState> = s
        .needs
        .iter()
        .map(|n| match n.starts {
            crate::scenario::NeedStart::Hidden => NeedState::Hidden,
            crate::scenario::NeedStart::Implied => NeedState::Implied,
            crate::scenario::NeedStart::Developed => NeedState::Developed,
            crate::scenario::NeedStart::Explicit => NeedState::Explicit,
            crate::scenario::NeedStart::Met => NeedState::Met,
        })
        .collect();
    let Topic::Need { need } = t.want else {
        return (states, None);
    };
    let at = match t.stage {
        Stage::Implication => NeedState::Implied,
        Stage::Payoff => NeedState::Developed,
        Stage::Fact | Stage::Problem => return (states, None),
    };
    if let Some(st) = states.get_mut(need) {
        *st = at;
    }
    (states, Some(need))
}

fn reaches(r: &Reading, want: Topic) -> bool {
    r.topic == want && r.confidence == Confidence::Sure
}

/// Where a reading went, for the message.
fn went(s: &Scenario, r: &Reading) -> (String, String) {
    let unsure = r.confidence == Confidence::Unsure;
    let el = match r.topic {
        Topic::Nothing => None,
        Topic::Fact { fact } => s.facts.get(fact).map(|f| format!("facts.{}", f.id.value)),
        Topic::Need { need } => s.needs.get(need).map(|n| format!("needs.{}", n.id.value)),
    };
    match (el, unsure) {
        (Some(e), false) => (
            format!("is read as about `{e}`"),
            format!("被读成在问 `{e}`"),
        ),
        (Some(e), true) => (
            format!("is read as about `{e}` but too unsure to answer"),
            format!("勉强读成在问 `{e}`，把握不够，客户会反问"),
        ),
        (None, _) => (
            "is read as about nothing in the scenario".into(),
            "读不出在问场景里的哪件事".into(),
        ),
    }
}

/// Warnings for cues no plain question reaches.
pub(super) fn unreachable(s: &Scenario, path: &str) -> Vec<Problem> {
    let idx = Index::new(s);
    let mut lex = Lexicon::builtin().clone();
    lex.extend_scenario(&s.lexicon);
    let mut out = Vec::new();
    for t in tries(s) {
        let cue = normalize(t.cue);
        // Single characters and generic words have their own warning; type words
        // (`影响`, `help`) tell the form, not the topic; a cue of question words only
        // (`how often`, `谁看着`) has no term of its own: it adds weight to a question
        // that also says what it is about, and is not meant to ground one alone.
        if cue.is_empty()
            || super::lint::is_generic(&cue)
            || super::lint::type_word(&cue)
            || term_set(&cue).is_empty()
        {
            continue;
        }
        let lang = Lang::detect(t.cue);
        let (states, focus) = states_for(s, &t);
        let ctx = Context {
            states: &states,
            focus,
            addressed: None,
            uncovered: &[],
        };
        let mut first: Option<(String, Reading)> = None;
        let mut ok = false;
        let frames = frames(t.stage, lang);
        for f in &frames {
            let q = f.replace("{cue}", t.cue.trim());
            let r = read_question(s, &idx, &lex, &ctx, &q);
            if reaches(&r, t.want) {
                ok = true;
                break;
            }
            first.get_or_insert((q, r));
        }
        let Some((q, r)) = first.filter(|_| !ok) else {
            continue;
        };
        let (en_went, zh_went) = went(s, &r);
        let others = frames.len() - 1;
        let o = &t.owner.value;
        let (field, cue) = (&t.field, t.cue.trim());
        let l = t.owner.referenced;
        out.push(
            Problem::warning(
                path,
                l.line(),
                l.column(),
                format!(
                    "`{o}`: cue `{cue}` in `{field}` is reached by no plain question: \"{q}\" {en_went}, and {others} other wordings miss it too"
                ),
                "a trainee using this word is not understood as asking about it: use the words a customer or trainee would say for this topic, or drop the cue",
            )
            .zh(
                format!("`{o}`：`{field}` 里的 cue `{cue}` 没有一个平常的问法能问到：“{q}”{zh_went}，另外 {others} 种问法也问不到"),
                "学员用这个词提问时，教练读不出他问的是这件事：换成客户或学员谈这件事时会说的词，或者删掉这个 cue",
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::template;

    fn warnings(src: &str) -> Vec<Problem> {
        match crate::scenario::from_str(src, "t.yaml") {
            Ok((sc, _)) => unreachable(&sc, "t.yaml"),
            Err(ps) => panic!("{ps:?}"),
        }
    }

    #[test]
    fn a_stolen_chinese_cue_is_named_in_both_languages_and_question_words_are_not() {
        let (src, _) = template::render("t", Lang::Zh);
        let from = "cues: [椅位, 几位医生, 预约量, 每天多少]";
        assert!(src.contains(from));
        assert!(warnings(&src).is_empty());
        // `空着` is also an implication cue of the no-show need, which takes every
        // plain question with it; `多大` is question words only, not meant to
        // ground a question alone.
        let src = src.replacen(
            from,
            "cues: [椅位, 几位医生, 预约量, 每天多少, 多大, 空着]",
            1,
        );
        let w = warnings(&src);
        assert_eq!(w.len(), 1, "{w:?}");
        let p = &w[0];
        assert!(p.line > 0 && p.severity == crate::scenario::Severity::Warning);
        assert!(
            p.message
                .contains("cue `空着` in `cues` is reached by no plain question")
                && p.message.contains("is read as about `needs.no-shows`"),
            "{}",
            p.message
        );
        let zh = p.zh.as_ref().map(|z| z.0.clone()).unwrap_or_default();
        assert!(
            zh.contains("cue `空着`") && zh.contains("被读成在问 `needs.no-shows`"),
            "{zh}"
        );
    }
}
