//! The scenario format's additions for real meetings (issue 12, item 4): a need the
//! customer opens with, who knows what (and sends the trainee on), and advances of
//! different weight. Each is played through a session, and validated.

mod common;
use common::*;
use spin_coach::lang::Lang;
use spin_coach::scenario;
use spin_coach::scoring::RuleId;
use spin_coach::session::{Input, NeedState, Session};
use std::sync::Arc;

fn source(id: &str) -> String {
    std::fs::read_to_string(root().join(format!("scenarios/{id}.yaml"))).expect("read")
}

fn load(src: &str) -> Arc<scenario::Scenario> {
    Arc::new(
        scenario::from_str(src, "test.yaml")
            .map(|(s, _)| s)
            .unwrap_or_else(|ps| panic!("{ps:?}")),
    )
}

fn ask(t: &str) -> Input {
    Input::Ask {
        to: None,
        text: t.into(),
    }
}

fn ask_to(to: &str, t: &str) -> Input {
    Input::Ask {
        to: Some(to.into()),
        text: t.into(),
    }
}

fn rules(s: &Session, turn: usize) -> Vec<RuleId> {
    s.steps()[turn].findings.iter().map(|f| f.rule).collect()
}

/// The bakery, with Rosa opening on the cost of staff calls.
fn opening_bakery() -> Arc<scenario::Scenario> {
    let src = source("bakery-vpn")
        .replacen(
            "briefing:",
            "opening: {en: \"Before we start: my staff phone allowances are out of hand.\", zh: 开始之前先说一句：员工的话费补贴已经失控了。}\nbriefing:",
            1,
        )
        .replacen(
            "  - id: call-costs\n",
            "  - id: call-costs\n    starts: implied\n",
            1,
        );
    load(&src)
}

#[test]
fn a_need_the_customer_opens_with_is_implied_from_the_start() {
    let sc = opening_bakery();
    for (lang, words) in [
        (Lang::En, "my staff phone allowances"),
        (Lang::Zh, "员工的话费补贴"),
    ] {
        let s = Session::new(Arc::clone(&sc), 1, Some(lang), None);
        let (who, text) = s.opening().expect("an opening");
        assert_eq!(who, "Rosa Martins");
        assert!(text.contains(words), "{text}");
        assert_eq!(s.needs()[0].state, NeedState::Implied);
        assert_eq!(s.needs()[0].journey, vec![(0, NeedState::Implied)]);
    }
    // Nothing to uncover: a problem question on it earns nothing; its implications
    // are open at once.
    let (s, _) = Session::replay(
        Arc::clone(&sc),
        1,
        Some(Lang::En),
        None,
        [
            ask("Are the phone allowance bills a problem for you?"),
            ask("What does that add up to over a year, and what does it do to your margin?"),
        ],
    );
    assert!(
        !rules(&s, 0).contains(&RuleId::UncoverImplied),
        "{:?}",
        rules(&s, 0)
    );
    assert!(
        rules(&s, 1).contains(&RuleId::DevelopImplication),
        "{:?}",
        rules(&s, 1)
    );
    // The report and the printed transcript carry the opening.
    let rep = spin_coach::report::build(&s, 1);
    assert_eq!(
        rep.opening.as_ref().map(|o| o.speaker.as_str()),
        Some("Rosa Martins")
    );
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("bakery-open.yaml");
    let src = source("bakery-vpn")
        .replacen("id: bakery-vpn", "id: bakery-open", 1)
        .replacen(
            "briefing:",
            "opening: \"Before we start: my staff phone allowances are out of hand.\"\nbriefing:",
            1,
        )
        .replacen(
            "  - id: call-costs\n",
            "  - id: call-costs\n    starts: implied\n",
            1,
        );
    std::fs::write(&file, src).expect("write");
    let script = d.path().join("s.yaml");
    std::fs::write(&script, "- ask: How many staff do you have?\n- end: true\n").expect("write");
    let o = run(&[
        "play",
        file.to_str().expect("utf8"),
        "--script",
        script.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("  0  Rosa Martins: Before we start"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn uncovering_credit_is_shared_by_the_needs_there_are_to_uncover() {
    // The bakery has three needs; with one volunteered, the other two share the pot.
    let plain = load(&source("bakery-vpn"));
    let opened = opening_bakery();
    let q = "Do orders ever get lost or mixed up on the way to the kitchen?";
    let pts = |sc: &Arc<scenario::Scenario>| {
        let (s, _) = Session::replay(Arc::clone(sc), 1, Some(Lang::En), None, [ask(q)]);
        s.steps()[0]
            .findings
            .iter()
            .find(|f| f.rule == RuleId::UncoverImplied)
            .map(|f| f.points)
            .expect("uncovered")
    };
    assert!(
        pts(&opened) > pts(&plain),
        "{} vs {}",
        pts(&opened),
        pts(&plain)
    );
}

#[test]
fn a_contact_who_does_not_know_passes_the_question_to_one_who_does() {
    let sc = load(&source("hospital-network"));
    let (s, _) = Session::replay(
        Arc::clone(&sc),
        1,
        Some(Lang::En),
        None,
        [
            ask_to(
                "moore",
                "What internet connection do you have at the moment?",
            ),
            ask_to("chen", "How many nurses work on the wards?"),
            ask("How is the Wi-Fi set up on the wards today?"),
            ask_to(
                "chen",
                "What internet connection do you have at the moment?",
            ),
        ],
    );
    let st = s.steps();
    // Dr Moore does not know the line: the built-in redirect names David Chen, who
    // takes the question over; it is graded as if put to him.
    assert_eq!(
        rules(&s, 0),
        vec![RuleId::WrongContact, RuleId::SituationFact]
    );
    assert_eq!(st[0].speaker, "Dr Catherine Moore");
    assert!(
        st[0].reply.starts_with(
            "I'm not the right person for that; David Chen knows it better. — David Chen: "
        ),
        "{}",
        st[0].reply
    );
    assert!(st[0].reply.contains("200 megabit"), "{}", st[0].reply);
    assert_eq!(st[0].points, 1);
    assert_eq!(st[0].matched.as_deref(), Some("facts.connection"));
    let wrong = &st[0].findings[0];
    assert_eq!(wrong.points, 0);
    assert!(
        wrong.reason.contains("David Chen took the question"),
        "{}",
        wrong.reason
    );
    // David's own redirect line, with the name filled in, then Grace answers.
    assert!(
        st[1].reply.starts_with(
            "That's not my side, I'm afraid. Grace Adeyemi would know. — Grace Adeyemi: "
        ),
        "{}",
        st[1].reply
    );
    // Asked of the room, the one who knows answers, with no redirect.
    assert_eq!(st[2].speaker, "David Chen");
    assert_eq!(rules(&s, 2), vec![RuleId::SituationFact]);
    // Answered once, the question put again to the right person is a repeat.
    assert_eq!(rules(&s, 3), vec![RuleId::Repeated]);
    // In Chinese too.
    let (z, _) = Session::replay(
        sc,
        1,
        Some(Lang::Zh),
        None,
        [ask_to(
            "adeyemi",
            "What internet connection do you have at the moment?",
        )],
    );
    let reply = &z.steps()[0].reply;
    assert!(
        reply.starts_with("这个我不太清楚,陈大卫更了解。——陈大卫:"),
        "{reply}"
    );
}

/// The hospital meeting up to one explicit need (radiology kept online).
fn one_explicit() -> Vec<Input> {
    vec![
        ask_to("chen", "Does the internet connection ever go down?"),
        ask_to(
            "chen",
            "When it does, what happens to the scans waiting to be reported?",
        ),
        ask_to(
            "chen",
            "How does it affect the cost of reporting and your contracts with the insurers?",
        ),
        ask_to(
            "chen",
            "How valuable would a second, dedicated line be, so radiology keeps running whatever happens?",
        ),
    ]
}

#[test]
fn a_continuation_is_worth_less_than_an_advance_and_is_not_one() {
    let sc = load(&source("hospital-network"));
    let mut inputs = one_explicit();
    inputs.push(Input::Propose("Can I send you a brochure about it?".into()));
    let (s, _) = Session::replay(Arc::clone(&sc), 1, Some(Lang::En), None, inputs.clone());
    assert_eq!(
        s.needs()[1].state,
        NeedState::Explicit,
        "{:?}",
        s.steps().iter().map(|x| &x.findings).collect::<Vec<_>>()
    );
    let last = s.steps().last().expect("step");
    assert_eq!(
        rules(&s, s.steps().len() - 1),
        vec![RuleId::ContinuationAccepted]
    );
    assert_eq!(last.points, 3);
    let rep = spin_coach::report::build(&s, 1);
    let no_adv = rep
        .closing
        .iter()
        .find(|f| f.rule == "no-advance")
        .expect("a continuation is not an advance");
    assert!(no_adv.reason.contains("continuation"), "{}", no_adv.reason);
    // A real advance afterwards still earns its full points, and no-advance goes.
    inputs.push(Input::Propose(
        "Could we visit another hospital as a reference site?".into(),
    ));
    let (s, _) = Session::replay(sc, 1, Some(Lang::En), None, inputs);
    let last = s.steps().last().expect("step");
    assert_eq!(
        rules(&s, s.steps().len() - 1),
        vec![RuleId::AdvanceAccepted]
    );
    assert_eq!(last.points, 10);
    let rep = spin_coach::report::build(&s, 1);
    assert!(!rep.closing.iter().any(|f| f.rule == "no-advance"));
}

fn problems(src: &str) -> Vec<String> {
    match scenario::from_str(src, "x.yaml") {
        Ok((_, warnings)) => warnings.iter().map(ToString::to_string).collect(),
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_additions_are_validated() {
    let h = source("hospital-network");
    let p = problems(&h.replacen("known_by: [chen]", "known_by: [ghost]", 1));
    assert!(
        p.iter()
            .any(|m| m.contains("unknown contact `ghost`") || m.contains("ghost")),
        "{p:?}"
    );
    let p = problems(&h.replacen("known_by: [chen]", "known_by: [moore]", 1));
    assert!(
        p.iter()
            .any(|m| m.contains("`chen` answers about `connection` but is not in its `known_by`")),
        "{p:?}"
    );
    let b = source("bakery-vpn").replacen(
        "  - id: call-costs\n",
        "  - id: call-costs\n    starts: implied\n",
        1,
    );
    let p = problems(&b);
    assert!(
        p.iter()
            .any(|m| m.contains("starts implied but the customer says nothing")),
        "{p:?}"
    );
    let p = problems(
        &source("bakery-vpn")
            .replace(
                "    kind: trial_unit\n",
                "    kind: trial_unit\n    weight: continuation\n",
            )
            .replace(
                "    kind: visit\n",
                "    kind: visit\n    weight: continuation\n",
            ),
    );
    assert!(
        p.iter()
            .any(|m| m.contains("every advance is a continuation")),
        "{p:?}"
    );
    let p = problems(&h.replacen("weight: continuation", "weight: sideways", 1));
    assert!(p.iter().any(|m| m.contains("sideways")), "{p:?}");
}

fn radiology_pitch() -> Input {
    Input::Present(spin_coach::session::Pitch::Parts(spin_coach::session::FfabParts {
        acknowledge: Some("David, you said you need a dedicated line for the clinical systems with a backup on a separate route.".into()),
        feature: Some("We would install a dedicated fibre leased line, not shared with anyone, plus a second line on a separate route into the building.".into()),
        function: Some("If one line fails, traffic switches to the other within seconds, so PACS and the patient record stay online.".into()),
        advantage: Some("Unlike business broadband, the bandwidth is guaranteed and repairs come with a four-hour service level.".into()),
        benefit: Some("So radiology keeps running even when a line fails, and the images reach the radiologists without calling anyone in at night.".into()),
    }))
}

const FEATURES: &str = "We also offer a group SMS platform linked to your booking system that texts every patient 48 hours before.";

#[test]
fn an_objection_can_be_explored_and_answered() {
    let sc = load(&source("hospital-network"));
    // A feature dump draws the price objection; a question about the budget is not
    // about the concern and is played as usual; one that asks what worries her is.
    let mut inputs = vec![
        Input::Present(spin_coach::session::Pitch::Sentence(FEATURES.into())),
        ask("What's your budget for this?"),
        ask("What exactly worries you about the cost?"),
    ];
    let (s, _) = Session::replay(Arc::clone(&sc), 1, Some(Lang::En), None, inputs.clone());
    assert!(
        rules(&s, 0).contains(&RuleId::FeatureDump),
        "{:?}",
        rules(&s, 0)
    );
    assert!(!rules(&s, 1).contains(&RuleId::ObjectionClarified));
    assert_eq!(rules(&s, 2), vec![RuleId::ObjectionClarified]);
    assert_eq!(s.steps()[2].points, 2);
    assert!(
        s.steps()[2].reply.contains("paying twice"),
        "{}",
        s.steps()[2].reply
    );
    assert!(s.open_objection().is_some(), "explored, not yet answered");
    // Ending now leaves it open.
    let rep = spin_coach::report::build(&s, 1);
    assert!(rep.closing.iter().any(|f| f.rule == "objection-unresolved"));
    // Developing the network need and presenting its benefit answers it.
    inputs.extend(one_explicit());
    inputs.push(radiology_pitch());
    let (s, _) = Session::replay(Arc::clone(&sc), 1, Some(Lang::En), None, inputs);
    let last = s.steps().last().expect("step");
    assert!(
        last.findings
            .iter()
            .any(|f| f.rule == RuleId::ObjectionAnswered && f.points == 3),
        "{:?}",
        last.findings
    );
    assert!(
        last.reply.contains("I can defend that cost"),
        "{}",
        last.reply
    );
    assert!(s.open_objection().is_none());
    let rep = spin_coach::report::build(&s, 1);
    assert!(!rep.closing.iter().any(|f| f.rule == "objection-unresolved"));
}

#[test]
fn pushing_past_an_open_objection_costs_points_and_patience() {
    let sc = load(&source("hospital-network"));
    let mut inputs = one_explicit();
    inputs.push(Input::Present(spin_coach::session::Pitch::Sentence(
        "Our price is very competitive, with a discount if you sign this quarter.".into(),
    )));
    let (before, _) = Session::replay(Arc::clone(&sc), 1, Some(Lang::En), None, inputs.clone());
    assert!(
        before.open_objection().is_some(),
        "{:?}",
        before.steps().last().map(|x| &x.findings)
    );
    inputs.push(Input::Propose(
        "Shall we set up a technical session with your engineers?".into(),
    ));
    let (s, _) = Session::replay(sc, 1, Some(Lang::En), None, inputs);
    let last = s.steps().last().expect("step");
    assert!(
        last.findings
            .iter()
            .any(|f| f.rule == RuleId::ObjectionIgnored && f.points == -2),
        "{:?}",
        last.findings
    );
    assert!(s.patience() < before.patience());
}

#[test]
fn objection_handling_is_validated() {
    let h = source("hospital-network");
    let p = problems(&h.replacen("      need: radiology-uptime\n", "      need: nowhere\n", 1));
    assert!(p.iter().any(|m| m.contains("nowhere")), "{p:?}");
    let p = problems(&h.replacen(
        "    handling:\n      clarify:",
        "    handling:\n      clarified:",
        1,
    ));
    assert!(p.iter().any(|m| m.contains("clarified")), "{p:?}");
}
