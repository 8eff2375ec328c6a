//! Table tests: each scoring rule fires on a minimal sequence of inputs against
//! the bakery scenario, with its id, points and part, and reasons in both languages.

use spin_coach::lang::Lang;
use spin_coach::scenario;
use spin_coach::scoring::{Part, RuleId};
use spin_coach::session::{FfabParts, Input, NeedState, Pitch, Session};
use std::sync::Arc;

fn bakery() -> scenario::Scenario {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/bakery-vpn.yaml"
    ))
    .expect("read");
    scenario::from_str(&src, "bakery-vpn.yaml")
        .map(|(s, _)| s)
        .expect("valid")
}

fn ask(t: &str) -> Input {
    Input::Ask {
        to: None,
        text: t.into(),
    }
}

const UNCOVER: &str = "Are the phone allowance bills a problem for you?";
const DEVELOP: &str = "What does that add up to over a year, and what does it do to your margin?";
const PAYOFF: &str = "Would it help if work calls came on one predictable bill?";

fn parts() -> Input {
    Input::Present(Pitch::Parts(FfabParts {
        acknowledge: Some("You said you want one predictable bill.".into()),
        feature: Some("Calls inside the group are on one flat monthly fee.".into()),
        function: Some("You get one itemised bill for all work calls.".into()),
        advantage: Some("The cost is fixed in advance, no surprises.".into()),
        benefit: Some("So you will know exactly what work calls cost each month.".into()),
    }))
}

/// Plays `inputs` and returns the findings of the last step as (rule, points, part).
/// Every input is applied, also after the meeting ended (`meeting-over`), so this is
/// not [`Session::replay`].
fn last(inputs: Vec<Input>, lang: Option<Lang>) -> Vec<(RuleId, i32, Part, String)> {
    let mut s = Session::new(Arc::new(bakery()), 1, lang, None);
    let mut out = Vec::new();
    for i in inputs {
        out = s
            .apply(i)
            .findings
            .iter()
            .map(|f| (f.rule, f.points, f.part, f.reason.clone()))
            .collect();
    }
    out
}

fn has(fs: &[(RuleId, i32, Part, String)], rule: RuleId, points: i32, part: Part) {
    assert!(
        fs.iter()
            .any(|f| f.0 == rule && f.1 == points && f.2 == part),
        "want {rule} {points} {part:?} in {fs:?}"
    );
}

#[test]
fn rule_table() {
    let s = |t: &str| ask(t);
    // (name, inputs, rule, points, part)
    let table: Vec<(Vec<Input>, RuleId, i32, Part)> = vec![
        (
            vec![s("How many staff do you have?")],
            RuleId::SituationFact,
            1,
            Part::Investigating,
        ),
        (
            vec![s(UNCOVER)],
            RuleId::UncoverImplied,
            7,
            Part::Investigating,
        ),
        (
            vec![s(UNCOVER), s("Is that allowance a problem?")],
            RuleId::ProblemRepeat,
            0,
            Part::Investigating,
        ),
        (
            vec![s("Do you have any difficulties?")],
            RuleId::ProblemVague,
            0,
            Part::Investigating,
        ),
        (
            vec![s("What colour is your car?")],
            RuleId::OffTopic,
            -1,
            Part::Investigating,
        ),
        (
            vec![
                s("How many staff do you have?"),
                s("How many staff do you have?"),
            ],
            RuleId::Repeated,
            -1,
            Part::Investigating,
        ),
        (vec![s("?")], RuleId::Unclear, 0, Part::Investigating),
        (
            vec![s("The weather is nice today.")],
            RuleId::NotAQuestion,
            0,
            Part::Investigating,
        ),
        (
            vec![s(
                "What effect do the missed orders have on your customers?",
            )],
            RuleId::ImplicationTooEarly,
            -1,
            Part::Developing,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP)],
            RuleId::DevelopImplication,
            5,
            Part::Developing,
        ),
        (
            vec![s(UNCOVER), s(PAYOFF)],
            RuleId::PayoffTooEarly,
            -1,
            Part::Developing,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF)],
            RuleId::MakeExplicit,
            5,
            Part::Developing,
        ),
        (
            vec![
                s(UNCOVER),
                s(DEVELOP),
                s(PAYOFF),
                s("How useful would a predictable bill be to you?"),
            ],
            RuleId::PayoffRepeat,
            0,
            Part::Developing,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF), parts()],
            RuleId::BenefitExplicit,
            4,
            Part::Demonstrating,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF), parts()],
            RuleId::FfabComplete,
            2,
            Part::Demonstrating,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF), parts()],
            RuleId::FfabOrder,
            2,
            Part::Demonstrating,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF), parts()],
            RuleId::AcknowledgeNeed,
            2,
            Part::Demonstrating,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF), parts()],
            RuleId::CustomerTerms,
            2,
            Part::Demonstrating,
        ),
        (
            vec![s(UNCOVER), s(DEVELOP), s(PAYOFF), parts(), parts()],
            RuleId::PitchRepeat,
            0,
            Part::Demonstrating,
        ),
        (
            vec![
                s(UNCOVER),
                s(DEVELOP),
                s(PAYOFF),
                Input::Present(Pitch::Sentence(
                    "Calls inside the group are on one flat monthly fee.".into(),
                )),
            ],
            RuleId::NoBenefit,
            0,
            Part::Demonstrating,
        ),
        (
            vec![
                s(UNCOVER),
                Input::Present(Pitch::Sentence(
                    "Costs are predictable, so you will know exactly what calls cost each month."
                        .into(),
                )),
            ],
            RuleId::PrematurePitch,
            -3,
            Part::Demonstrating,
        ),
        (
            vec![Input::Present(Pitch::Sentence(
                "Our network has the widest coverage in the province.".into(),
            ))],
            RuleId::PitchUnfocused,
            -1,
            Part::Demonstrating,
        ),
        (
            vec![
                s(UNCOVER),
                Input::Present(Pitch::Sentence(
                    "We have a flat fee plan for your phone costs.".into(),
                )),
            ],
            RuleId::FeatureDump,
            -1,
            Part::Demonstrating,
        ),
        (
            vec![Input::Present(Pitch::Sentence(
                "Our price is the cheapest in town.".into(),
            ))],
            RuleId::PriceTalk,
            -1,
            Part::Demonstrating,
        ),
        (
            vec![Input::Propose("Let's start a trial next week.".into())],
            RuleId::EarlyPush,
            -3,
            Part::Commitment,
        ),
        (
            vec![
                s(UNCOVER),
                s(DEVELOP),
                s(PAYOFF),
                Input::Propose("How about a free trial for a month?".into()),
            ],
            RuleId::AdvanceDeclined,
            -2,
            Part::Commitment,
        ),
        (
            vec![
                s(UNCOVER),
                s(DEVELOP),
                s(PAYOFF),
                Input::Propose("Could I come by and visit the kitchen next week?".into()),
            ],
            RuleId::AdvanceAccepted,
            10,
            Part::Commitment,
        ),
        (
            vec![
                s(UNCOVER),
                s(DEVELOP),
                s(PAYOFF),
                Input::Propose("Let's stay in touch.".into()),
            ],
            RuleId::VagueAdvance,
            0,
            Part::Commitment,
        ),
        (
            vec![Input::End, s("Hello?")],
            RuleId::MeetingOver,
            0,
            Part::Commitment,
        ),
    ];
    for (inputs, rule, points, part) in table {
        let fs = last(inputs, None);
        has(&fs, rule, points, part);
    }
}

#[test]
fn situation_overuse_costs_points_and_patience() {
    let mut s = Session::new(Arc::new(bakery()), 1, None, None);
    let qs = [
        "How many staff do you have?",
        "How do the orders reach the kitchen?",
        "How many phones do your people use?",
        "Which employees order the most?",
        "What is the order process at night?",
        "How many mobiles are there in total?",
        "Who takes the orders at the kitchen?",
        "How many people work in each shop?",
    ];
    let mut overuse = 0;
    for q in qs {
        let step = s.apply(ask(q));
        overuse += step
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::SituationOveruse)
            .count();
    }
    assert!(overuse >= 1, "allowance is 7 on easy");
    assert!(s.patience() < s.params().patience);
}

#[test]
fn patience_runs_out_and_the_customer_leaves() {
    let mut s = Session::new(Arc::new(bakery()), 1, None, None);
    for i in 0..30 {
        s.apply(ask(&format!("What colour is car number {i}?")));
        if s.is_over() {
            break;
        }
    }
    assert!(s.is_over());
    assert!(
        s.steps()
            .iter()
            .any(|st| st.findings.iter().any(|f| f.rule == RuleId::CustomerLeft))
    );
    let n = s.steps().len();
    s.apply(ask("Are you still there?"));
    assert_eq!(s.steps()[n].findings[0].rule, RuleId::MeetingOver);
}

#[test]
fn replay_plays_inputs_until_the_customer_leaves() {
    let sc = Arc::new(bakery());
    let inputs: Vec<Input> = (0..30)
        .map(|i| ask(&format!("What colour is car number {i}?")))
        .collect();
    let (s, played) = Session::replay(Arc::clone(&sc), 1, None, None, inputs.clone());
    assert!(s.is_over());
    assert!(played < inputs.len(), "{played}");
    assert_eq!(s.steps().len(), played);
    // The same as applying them one by one up to the end.
    let mut one = Session::new(sc, 1, None, None);
    for i in inputs.into_iter().take(played) {
        one.apply(i);
    }
    assert_eq!(format!("{:?}", one.steps()), format!("{:?}", s.steps()));
}

#[test]
fn needs_move_through_every_state_in_order() {
    let mut s = Session::new(Arc::new(bakery()), 1, None, None);
    let mut states = vec![s.needs()[0].state];
    for i in [ask(UNCOVER), ask(DEVELOP), ask(PAYOFF), parts()] {
        s.apply(i);
        states.push(s.needs()[0].state);
    }
    assert_eq!(
        states,
        [
            NeedState::Hidden,
            NeedState::Implied,
            NeedState::Developed,
            NeedState::Explicit,
            NeedState::Met
        ]
    );
}

#[test]
fn reasons_and_tips_follow_the_language() {
    let zh = last(vec![ask("What colour is your car?")], Some(Lang::Zh));
    assert!(zh[0].3.contains("没有命中"), "{zh:?}");
    let en = last(vec![ask("What colour is your car?")], Some(Lang::En));
    assert!(en[0].3.contains("hit none"), "{en:?}");
}

#[test]
fn every_rule_is_defined_once_and_produced() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/scoring/rules");
    let mut src = String::new();
    for e in std::fs::read_dir(dir).expect("rules folder") {
        src.push_str(&std::fs::read_to_string(e.expect("entry").path()).expect("read"));
    }
    for r in RuleId::ALL {
        let name = format!("name: \"{r}\",");
        assert_eq!(
            src.matches(&name).count(),
            1,
            "rule {r} is not defined once"
        );
        // `pub const NAME: Rule = Rule {` just before its id and name.
        let at = src.find(&name).expect("defined");
        let konst = src[..at]
            .rsplit("pub const ")
            .next()
            .and_then(|d| d.split(':').next())
            .expect("const");
        assert!(
            src.contains(&format!("&{konst},")),
            "rule {r} is defined but never produced"
        );
    }
}

#[test]
fn difficulty_changes_behaviour() {
    let mut sc = bakery();
    let easy = spin_coach::scenario::Params::of(&sc);
    sc.difficulty = spin_coach::scenario::Difficulty::Hard;
    let hard = spin_coach::scenario::Params::of(&sc);
    assert!(hard.patience < easy.patience);
    assert!(hard.threshold > easy.threshold);
    assert!(hard.pitch_penalty > easy.pitch_penalty);
    assert!(hard.situation_allowance < easy.situation_allowance);
}
