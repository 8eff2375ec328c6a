//! The scenario format's additions about the people around the sale (issue 12,
//! item 5): a competitor or incumbent, a contact's personal need met on its own, and
//! needs of two contacts that pull against each other. Each is played through a
//! session on the bundled hospital meeting with the addition spliced in, and
//! validated; a meeting that never touches an addition plays exactly as before.

mod common;
use common::*;
use spin_coach::lang::Lang;
use spin_coach::scenario;
use spin_coach::scoring::RuleId;
use spin_coach::session::{FfabParts, Input, Pitch, Session};
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

fn say(t: &str) -> Input {
    Input::Present(Pitch::Sentence(t.into()))
}

fn rules(s: &Session, turn: usize) -> Vec<RuleId> {
    s.steps()[turn].findings.iter().map(|f| f.rule).collect()
}

fn points(s: &Session, turn: usize, rule: RuleId) -> Option<i32> {
    s.steps()[turn]
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .map(|f| f.points)
}

const COMPETITOR: &str = r#"
competitors:
  - id: mednet
    name: {en: MedNet, zh: 医网通}
    incumbent: true
    cues: [mednet, current provider, 医网通, 现在的运营商]
    about:
      en: "MedNet have been fine on price and they answer the phone, but their broadband was never built for a hospital."
      zh: 医网通价格还行，电话也有人接，可他们的宽带本来就不是给医院用的。
    knocked:
      en: "MedNet have looked after us for six years. I'd rather you told me about your own service."
      zh: 医网通跟了我们六年了。您还是说说您自己的服务吧。
"#;

const MENTION: &str = r#"    mention:
      after: 2
      contact: chen
      says:
        en: "For what it's worth, we're with MedNet at the moment."
        zh: 顺便说一句，我们现在用的是医网通。
"#;

/// The hospital with MedNet as the incumbent; `mention` adds David Chen bringing it
/// up on the second turn.
fn with_competitor(mention: bool) -> Arc<scenario::Scenario> {
    let mut extra = COMPETITOR.to_string();
    if mention {
        extra.push_str(MENTION);
    }
    load(&format!("{}{extra}", source("hospital-network")))
}

/// The skilled hospital meeting up to its three presentations (tests/scripts).
fn skilled_questions() -> Vec<Input> {
    vec![
        ask_to(
            "moore",
            "How many beds and staff do you have at the moment?",
        ),
        ask_to(
            "chen",
            "David, what kind of internet connection do you have today, and what runs over it?",
        ),
        ask_to(
            "adeyemi",
            "Grace, how are the wards organised, and how many nurses are on each shift?",
        ),
        ask_to(
            "chen",
            "How reliable has that line been? Have you had problems with it going down?",
        ),
        ask_to(
            "chen",
            "What does an outage like that mean for patients waiting for a scan report?",
        ),
        ask_to(
            "chen",
            "How does it affect the cost of reporting and your contracts with the insurers?",
        ),
        ask_to(
            "chen",
            "How valuable would a second, dedicated line be, so radiology keeps running whatever happens?",
        ),
        ask_to(
            "moore",
            "Dr Moore, are missed appointments a problem in outpatients?",
        ),
        ask_to(
            "moore",
            "What do those empty slots add up to in lost fees over a year?",
        ),
        ask_to(
            "moore",
            "And what does it mean for the patients on your waiting lists?",
        ),
        ask_to(
            "moore",
            "Would it help if every patient got a text reminder they could reply to, so you could fill the slot from the waiting list?",
        ),
    ]
}

fn radiology_pitch(benefit_extra: &str) -> Input {
    Input::Present(Pitch::Parts(FfabParts {
        acknowledge: Some("David, you said you need a dedicated line for the clinical systems with a backup on a separate route.".into()),
        feature: Some("We would install a dedicated fibre leased line, not shared with anyone, plus a second line on a separate route into the building.".into()),
        function: Some("If one line fails, traffic switches to the other within seconds, so PACS and the patient record stay online.".into()),
        advantage: Some("Unlike business broadband, the bandwidth is guaranteed and repairs come with a four-hour service level.".into()),
        benefit: Some(format!("So radiology keeps running even when a line fails, and the images reach the radiologists without calling anyone in at night.{benefit_extra}")),
    }))
}

fn no_shows_pitch() -> Input {
    Input::Present(Pitch::Parts(FfabParts {
        acknowledge: Some("Dr Moore, as you said, you need every patient to get a reminder they can answer.".into()),
        feature: Some("A group SMS platform is linked to your booking system.".into()),
        function: Some("It texts every patient 48 and 24 hours before the appointment, and they reply 1 to confirm or 2 to cancel.".into()),
        advantage: Some("Compared with reception phoning round, it reaches every patient at once, and cancellations come in early enough to rebook.".into()),
        benefit: Some("So you know who's coming and can fill the slot from the waiting list, which protects your outpatient revenue.".into()),
    }))
}

/// Everything a step shows, for comparing two meetings.
fn shown(s: &Session) -> Vec<String> {
    s.steps()
        .iter()
        .map(|st| {
            format!(
                "{:?}|{:?}|{}|{}|{:?}|{}|{}",
                st.label, st.matched, st.speaker, st.reply, st.findings, st.points, st.patience
            )
        })
        .collect()
}

#[test]
fn a_meeting_that_never_names_the_competitor_plays_as_before() {
    let mut inputs = skilled_questions();
    inputs.push(radiology_pitch(""));
    inputs.push(no_shows_pitch());
    inputs.push(Input::End);
    let plain = load(&source("hospital-network"));
    let (a, _) = Session::replay(plain, 1, Some(Lang::En), None, inputs.clone());
    let (b, _) = Session::replay(with_competitor(false), 1, Some(Lang::En), None, inputs);
    assert_eq!(shown(&a), shown(&b));
}

#[test]
fn a_question_about_the_incumbent_is_answered_and_earns_a_point_once() {
    let (s, _) = Session::replay(
        with_competitor(false),
        1,
        Some(Lang::En),
        None,
        [
            ask_to(
                "chen",
                "What do you like about MedNet, your current provider?",
            ),
            ask("How long have you been with MedNet?"),
        ],
    );
    let st = s.steps();
    assert_eq!(rules(&s, 0), vec![RuleId::CompetitorExplored]);
    assert_eq!(st[0].points, 1);
    assert_eq!(st[0].speaker, "David Chen");
    assert_eq!(st[0].matched.as_deref(), Some("competitors.mednet"));
    assert!(
        st[0].reply.contains("never built for a hospital"),
        "{}",
        st[0].reply
    );
    assert!(
        st[0].findings[0].reason.contains("current supplier"),
        "{:?}",
        st[0].findings
    );
    // Asked again: answered again, for nothing.
    assert_eq!(rules(&s, 1), vec![RuleId::CompetitorExplored]);
    assert_eq!(st[1].points, 0);
    assert!(st[1].reply.contains("never built for a hospital"));
    // In Chinese too.
    let (z, _) = Session::replay(
        with_competitor(false),
        1,
        Some(Lang::Zh),
        None,
        [ask("你们现在的运营商用得怎么样?")],
    );
    assert_eq!(rules(&z, 0), vec![RuleId::CompetitorExplored]);
    assert!(
        z.steps()[0].reply.contains("不是给医院用的"),
        "{}",
        z.steps()[0].reply
    );
    assert!(z.steps()[0].findings[0].reason.contains("医网通"));
}

#[test]
fn a_follow_up_problem_question_about_the_incumbent_is_played_as_one() {
    let q = ask_to(
        "chen",
        "How reliable has the MedNet line been? Have you had problems with it going down?",
    );
    // Asked first, it is a question about MedNet.
    let (s, _) = Session::replay(with_competitor(false), 1, Some(Lang::En), None, [q.clone()]);
    assert_eq!(rules(&s, 0), vec![RuleId::CompetitorExplored]);
    // Once the customer has said what they think of MedNet, the follow-up uncovers
    // the network need, as the same question without the name would.
    let (s, _) = Session::replay(
        with_competitor(false),
        1,
        Some(Lang::En),
        None,
        [ask_to("chen", "What do you think of MedNet?"), q],
    );
    assert_eq!(rules(&s, 0), vec![RuleId::CompetitorExplored]);
    assert_eq!(rules(&s, 1), vec![RuleId::UncoverImplied]);
}

#[test]
fn running_the_competitor_down_costs_points_and_patience() {
    let sc = with_competitor(false);
    let (s, _) = Session::replay(
        Arc::clone(&sc),
        1,
        Some(Lang::En),
        None,
        [ask("Isn't MedNet's broadband terrible?")],
    );
    let st = &s.steps()[0];
    assert_eq!(rules(&s, 0), vec![RuleId::CompetitorKnocked]);
    assert_eq!(st.points, -3);
    assert_eq!(st.patience, s.params().patience - 1);
    assert!(
        st.reply.contains("looked after us for six years"),
        "{}",
        st.reply
    );
    let tip = st.findings[0].tip.clone().unwrap_or_default();
    assert!(tip.contains("what they value"), "{tip}");
    // In a presentation: graded as before, and the customer defends MedNet after it.
    let mut inputs = skilled_questions();
    inputs.push(radiology_pitch(
        " MedNet's broadband is outdated and unreliable.",
    ));
    let (s, _) = Session::replay(Arc::clone(&sc), 1, Some(Lang::En), None, inputs);
    let last = s.steps().len() - 1;
    let r = rules(&s, last);
    assert!(r.contains(&RuleId::BenefitExplicit), "{r:?}");
    assert_eq!(points(&s, last, RuleId::CompetitorKnocked), Some(-3));
    assert!(
        s.steps()[last]
            .reply
            .contains("looked after us for six years"),
        "{}",
        s.steps()[last].reply
    );
    // A Chinese statement that runs it down.
    let (z, _) = Session::replay(
        sc,
        1,
        Some(Lang::Zh),
        None,
        [ask("医网通的宽带太差了，早就落后了。")],
    );
    assert!(
        rules(&z, 0).contains(&RuleId::CompetitorKnocked),
        "{:?}",
        rules(&z, 0)
    );
    assert!(
        z.steps()[0].reply.contains("跟了我们六年"),
        "{}",
        z.steps()[0].reply
    );
}

#[test]
fn the_customer_brings_the_incumbent_up_once() {
    let sc = with_competitor(true);
    let (s, _) = Session::replay(
        Arc::clone(&sc),
        1,
        Some(Lang::En),
        None,
        skilled_questions().into_iter().take(4),
    );
    let st = s.steps();
    assert!(!st[0].reply.contains("MedNet"), "{}", st[0].reply);
    // Turn 2 is put to David Chen, who says it himself.
    assert!(
        st[1]
            .reply
            .ends_with("For what it's worth, we're with MedNet at the moment."),
        "{}",
        st[1].reply
    );
    assert!(!st[1].reply.contains("— David Chen:"), "{}", st[1].reply);
    assert!(!st[2].reply.contains("MedNet") && !st[3].reply.contains("MedNet"));
    assert_eq!(st[1].points, 1, "the mention adds no points");
    // Put to someone else, it is attributed to him.
    let (s, _) = Session::replay(
        Arc::clone(&sc),
        1,
        Some(Lang::En),
        None,
        [
            ask_to(
                "moore",
                "How many beds and staff do you have at the moment?",
            ),
            ask_to(
                "moore",
                "How many outpatient appointments do you have a week?",
            ),
        ],
    );
    assert!(
        s.steps()[1]
            .reply
            .contains("— David Chen: For what it's worth, we're with MedNet"),
        "{}",
        s.steps()[1].reply
    );
    // Named by the trainee first: the customer has nothing to bring up.
    let (s, _) = Session::replay(
        sc,
        1,
        Some(Lang::En),
        None,
        [
            ask("What do you like about MedNet?"),
            ask_to(
                "moore",
                "How many beds and staff do you have at the moment?",
            ),
        ],
    );
    assert!(
        !s.steps()[1].reply.contains("MedNet"),
        "{}",
        s.steps()[1].reply
    );
}

const WINS: &str = "      personal_needs: [security, recognition]
      wins:
        - need: recognition
          cues: [your team, credit, 您的团队, 功劳]
          reply:
            en: \"Thank you. My people have kept that line alive with string and tape.\"
            zh: 谢谢。我的人这些年是硬撑着让那条线路不断的。
";

fn with_wins() -> Arc<scenario::Scenario> {
    let src = source("hospital-network").replacen(
        "      personal_needs: [security, recognition]\n",
        WINS,
        1,
    );
    load(&src)
}

#[test]
fn a_personal_need_is_met_by_words_that_serve_it() {
    let mut inputs = skilled_questions();
    inputs.push(radiology_pitch(
        " And the credit for keeping radiology online goes to your team.",
    ));
    inputs.push(say("Honestly, your team deserves the credit for this."));
    let (s, _) = Session::replay(with_wins(), 1, Some(Lang::En), None, inputs);
    let n = s.steps().len();
    let pitch = &s.steps()[n - 2];
    let r = rules(&s, n - 2);
    // Graded as before, plus the finding; the reply comes from David Chen, who
    // owns the network need and says both lines.
    assert!(r.contains(&RuleId::BenefitExplicit), "{r:?}");
    assert_eq!(points(&s, n - 2, RuleId::PersonalNeedMet), Some(2));
    assert!(pitch.reply.ends_with("string and tape."), "{}", pitch.reply);
    let f = pitch
        .findings
        .iter()
        .find(|f| f.rule == RuleId::PersonalNeedMet)
        .expect("finding");
    assert!(
        f.reason.contains("David Chen") && f.reason.contains("recognition"),
        "{}",
        f.reason
    );
    // Once per win.
    assert!(!rules(&s, n - 1).contains(&RuleId::PersonalNeedMet));
    // A statement to a contact who is not its owner: attributed, whatever the
    // institutional needs' states.
    let (s, _) = Session::replay(
        with_wins(),
        1,
        Some(Lang::En),
        None,
        [ask_to(
            "moore",
            "David's team deserves real credit for keeping things running.",
        )],
    );
    assert_eq!(
        points(&s, 0, RuleId::PersonalNeedMet),
        Some(2),
        "{:?}",
        rules(&s, 0)
    );
    assert!(
        s.steps()[0].reply.contains("— David Chen: Thank you."),
        "{}",
        s.steps()[0].reply
    );
    // A question with the words is not a presentation: nothing.
    let (s, _) = Session::replay(
        with_wins(),
        1,
        Some(Lang::En),
        None,
        [ask_to("chen", "Who on your team looks after the network?")],
    );
    assert!(!rules(&s, 0).contains(&RuleId::PersonalNeedMet));
    // In Chinese.
    let (z, _) = Session::replay(
        with_wins(),
        1,
        Some(Lang::Zh),
        None,
        [ask_to(
            "chen",
            "陈经理，这几年网络没出大事，都是您的团队的功劳。",
        )],
    );
    assert_eq!(
        points(&z, 0, RuleId::PersonalNeedMet),
        Some(2),
        "{:?}",
        rules(&z, 0)
    );
    assert!(
        z.steps()[0].reply.contains("硬撑着"),
        "{}",
        z.steps()[0].reply
    );
}

const CONFLICT: &str = "  - id: no-shows
    conflicts_with:
      need: radiology-uptime
      says:
        en: \"A second line is all very well, but I need the clinic to earn that money back first.\"
        zh: 多拉一条线是好，可我得先让门诊把这笔钱挣回来。
";

fn with_conflict() -> Arc<scenario::Scenario> {
    load(&source("hospital-network").replacen("  - id: no-shows\n", CONFLICT, 1))
}

#[test]
fn a_conflict_is_raised_and_balanced() {
    let mut inputs = skilled_questions();
    inputs.push(radiology_pitch(""));
    inputs.push(no_shows_pitch());
    let (s, _) = Session::replay(with_conflict(), 1, Some(Lang::En), None, inputs.clone());
    let n = s.steps().len();
    // Radiology met while the clinic's need is not: Dr Moore speaks up, no points.
    let raised = &s.steps()[n - 2];
    assert_eq!(points(&s, n - 2, RuleId::ConflictRaised), Some(0));
    assert!(
        raised
            .reply
            .contains("— Dr Catherine Moore: A second line is all very well"),
        "{}",
        raised.reply
    );
    let f = raised
        .findings
        .iter()
        .find(|f| f.rule == RuleId::ConflictRaised)
        .expect("finding");
    assert!(f.tip.as_deref().unwrap_or_default().contains("serves both"));
    // Then the clinic's need is met too: balanced, once.
    assert_eq!(points(&s, n - 1, RuleId::ConflictBalanced), Some(3));
    assert!(!rules(&s, n - 1).contains(&RuleId::ConflictRaised));
    // The other order: nothing is raised, and the pair is balanced at the end.
    let mut other = skilled_questions();
    other.push(no_shows_pitch());
    other.push(radiology_pitch(""));
    let (s, _) = Session::replay(with_conflict(), 1, Some(Lang::En), None, other);
    let n = s.steps().len();
    assert!(!rules(&s, n - 2).contains(&RuleId::ConflictRaised));
    assert!(!rules(&s, n - 1).contains(&RuleId::ConflictRaised));
    assert_eq!(points(&s, n - 1, RuleId::ConflictBalanced), Some(3));
    // The parts stay within their maximum.
    inputs.push(Input::End);
    let (s, _) = Session::replay(with_conflict(), 1, Some(Lang::En), None, inputs);
    let rep = spin_coach::report::build(&s, 1);
    assert!(rep.score.total <= 100);
    // In Chinese, the line is attributed the same way.
    let (z, _) = Session::replay(with_conflict(), 1, Some(Lang::Zh), None, {
        let mut v = skilled_questions();
        v.push(radiology_pitch(""));
        v
    });
    let last = z.steps().last().expect("step");
    assert!(
        last.reply.contains("——凯瑟琳·摩尔医生:多拉一条线"),
        "{}",
        last.reply
    );
}

fn problems(src: &str) -> Vec<scenario::Problem> {
    match scenario::from_str(src, "x.yaml") {
        Ok((_, warnings)) => warnings,
        Err(ps) => ps,
    }
}

fn has(ps: &[scenario::Problem], en: &str, zh: &str) -> bool {
    ps.iter()
        .any(|p| p.message_in(Lang::En).contains(en) && p.message_in(Lang::Zh).contains(zh))
}

#[test]
fn the_people_additions_are_validated() {
    let h = source("hospital-network");
    // A mention by an unknown contact, on turn 0.
    let src = format!(
        "{h}{COMPETITOR}{}",
        MENTION
            .replace("after: 2", "after: 0")
            .replace("contact: chen", "contact: ghost")
    );
    let ps = problems(&src);
    assert!(has(&ps, "unknown contact `ghost`", "`ghost`"), "{ps:?}");
    assert!(
        has(&ps, "`mention.after` is 0", "回合从 1 开始数"),
        "{ps:?}"
    );
    let line = src
        .lines()
        .position(|l| l.contains("after: 0"))
        .expect("line")
        + 1;
    assert!(
        ps.iter()
            .any(|p| p.line == line as u64 && p.col == 14 && p.message.contains("after")),
        "{ps:?}"
    );
    // Two competitors with one id, one without cues.
    let twice = format!(
        "{h}{COMPETITOR}{}",
        COMPETITOR.trim_start_matches("\ncompetitors:\n").replace(
            "cues: [mednet, current provider, 医网通, 现在的运营商]",
            "cues: []"
        )
    );
    let ps = problems(&twice);
    assert!(
        has(
            &ps,
            "duplicate competitor id `mednet`",
            "竞争对手 id `mednet` 重复了"
        ),
        "{ps:?}"
    );
    assert!(
        has(&ps, "`mednet`: `cues` has no cues", "没有 cue"),
        "{ps:?}"
    );
    // A win for a personal need the contact does not have, at its line.
    let src = source("hospital-network").replacen(
        "      personal_needs: [security, recognition]\n",
        &WINS.replace("- need: recognition", "- need: power"),
        1,
    );
    let ps = problems(&src);
    assert!(
        has(
            &ps,
            "personal need `power`, which is not among this contact's personal_needs (security, recognition)",
            "不在这个联系人的 personal_needs 里"
        ),
        "{ps:?}"
    );
    let line = src
        .lines()
        .position(|l| l.contains("- need: power"))
        .expect("line")
        + 1;
    assert!(ps.iter().any(|p| p.line == line as u64), "{ps:?}");
    // Conflicts: an unknown need, the need itself, a need of the same owner.
    let ps = problems(&h.replacen(
        "  - id: no-shows\n",
        &CONFLICT.replace("need: radiology-uptime", "need: nowhere"),
        1,
    ));
    assert!(
        has(&ps, "unknown need `nowhere`", "没有 id 为 `nowhere` 的需求"),
        "{ps:?}"
    );
    let ps = problems(&h.replacen(
        "  - id: no-shows\n",
        &CONFLICT.replace("need: radiology-uptime", "need: no-shows"),
        1,
    ));
    assert!(
        has(&ps, "need `no-shows` conflicts with itself", "和它自己冲突"),
        "{ps:?}"
    );
    // radiology-uptime given to Dr Moore, who owns no-shows.
    let same = {
        let src = h.replacen("  - id: no-shows\n", CONFLICT, 1);
        let start = src.find("  - id: radiology-uptime\n").expect("need");
        let (head, tail) = src.split_at(start);
        format!(
            "{head}{}",
            tail.replacen("    contact: chen\n", "    contact: moore\n", 1)
        )
    };
    let ps = problems(&same);
    assert!(
        has(
            &ps,
            "need `no-shows` conflicts with `radiology-uptime`, but both belong to `moore`",
            "两个都属于 `moore`"
        ),
        "{ps:?}"
    );
    // A misspelt key in the new fields is an error with its name.
    let ps = problems(&h.replacen("  - id: no-shows\n", &CONFLICT.replace("says:", "said:"), 1));
    assert!(ps.iter().any(|p| p.message.contains("said")), "{ps:?}");
}

#[test]
fn the_people_additions_validate_and_play_from_the_command_line() {
    // The hospital writes its content in English only: so do the additions here.
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("hospital-people.yaml");
    let src = format!(
        "{}\ncompetitors:\n  - id: mednet\n    name: MedNet\n    incumbent: true\n    \
         cues: [mednet, current provider]\n    about: MedNet are cheap, but their broadband was never built for a hospital.\n    \
         mention:\n      after: 2\n      contact: chen\n      says: \"For what it's worth, we're with MedNet at the moment.\"\n",
        source("hospital-network")
            .replacen("id: hospital-network", "id: hospital-people", 1)
            .replacen(
                "      personal_needs: [security, recognition]\n",
                "      personal_needs: [security, recognition]\n      wins:\n        - need: recognition\n          \
                 cues: [your team, credit]\n          reply: Thank you. My people have kept that line alive.\n",
                1
            )
            .replacen(
                "  - id: no-shows\n",
                "  - id: no-shows\n    conflicts_with:\n      need: radiology-uptime\n      \
                 says: A second line is all very well, but the clinic has to earn it back first.\n",
                1
            )
    );
    std::fs::write(&file, src).expect("write");
    let o = run(&["validate", "--strict", file.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let script = d.path().join("s.yaml");
    std::fs::write(
        &script,
        "- ask: {to: moore, text: How many beds and staff do you have at the moment?}\n\
         - ask: {to: moore, text: How many outpatient appointments do you have a week?}\n\
         - ask: What do you like about MedNet?\n\
         - end: true\n",
    )
    .expect("write");
    let o = run(&[
        "play",
        file.to_str().expect("utf8"),
        "--script",
        script.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("David Chen: For what it's worth"), "{out}");
    assert!(out.contains("competitor-explored"), "{out}");
    // A test file can expect the new rules and name a competitor as the element hit.
    std::fs::write(
        d.path().join("hospital-people.test.yaml"),
        "scenario: hospital-people\nseed: 1\ncases:\n  - name: incumbent\n    turns:\n      \
         - ask: What do you like about MedNet?\n        \
         expect: {rule: competitor-explored, matched: competitors.mednet, points: 1}\n      \
         - present: Honestly, your team deserves the credit for keeping it all running.\n        \
         expect: {rule: personal-need-met}\n",
    )
    .expect("write");
    let o = run(&["test", file.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}
