//! Who is in the room (issue 12, item 4): contacts who join or leave at a point of
//! the meeting, contacts with a mood and a patience of their own, and replies that
//! change once something has happened. Played through sessions on the hospital
//! scenario with the fields added, and validated.

mod common;
use common::*;
use spin_coach::lang::Lang;
use spin_coach::scenario;
use spin_coach::scoring::RuleId;
use spin_coach::session::{Input, Session};
use std::sync::Arc;

fn hospital() -> String {
    std::fs::read_to_string(root().join("scenarios/hospital-network.yaml")).expect("read")
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

/// The hospital with extra lines under a contact (after its `role:` line).
fn with_contact(id: &str, role: &str, extra: &str) -> String {
    let at = format!("    - id: {id}\n");
    let src = hospital();
    let start = src.find(&at).expect("contact");
    let role_line = format!("      role: {role}\n");
    let end = start + src[start..].find(&role_line).expect("role") + role_line.len();
    format!("{}{extra}{}", &src[..end], &src[end..])
}

fn play(src: &str, lang: Lang, inputs: Vec<Input>) -> Session {
    Session::replay(load(src), 1, Some(lang), None, inputs).0
}

#[test]
fn a_contact_who_joins_later_is_not_there_before() {
    let src = with_contact(
        "adeyemi",
        "user",
        "      joins:\n        when: {turn: 2}\n        says: {en: \"Sorry I'm late, the ward needed me.\", zh: 不好意思来晚了，病房那边有点事。}\n",
    );
    let s = play(
        &src,
        Lang::En,
        vec![
            ask_to("adeyemi", "How many nurses work on the wards?"),
            ask("How many beds does the hospital have?"),
            ask_to("adeyemi", "How many nurses work on the wards?"),
        ],
    );
    let st = s.steps();
    assert_eq!(rules(&s, 0), vec![RuleId::ContactAbsent]);
    assert!(st[0].reply.contains("isn't here yet"), "{}", st[0].reply);
    assert_eq!(st[0].points, 0);
    assert!(st[0].matched.is_none());
    // She comes in after turn 2, and says so.
    assert!(
        st[1].reply
            .ends_with("(Grace Adeyemi joins the meeting.) Grace Adeyemi: \"Sorry I'm late, the ward needed me.\""),
        "{}",
        st[1].reply
    );
    assert_eq!(st[2].speaker, "Grace Adeyemi");
    assert!(
        rules(&s, 2).contains(&RuleId::SituationFact),
        "{:?}",
        rules(&s, 2)
    );
    // A room question on what only she knows, before she came in: nobody can answer.
    let s = play(
        &src,
        Lang::Zh,
        vec![ask("How many nurses work on the wards?")],
    );
    assert_eq!(rules(&s, 0), vec![RuleId::ContactAbsent]);
    assert!(
        s.steps()[0].reply.contains("格蕾丝·阿德耶米现在不在"),
        "{}",
        s.steps()[0].reply
    );
}

#[test]
fn a_contact_who_leaves_is_gone_and_the_rest_go_on() {
    let src = with_contact(
        "adeyemi",
        "user",
        "      leaves:\n        when: {turn: 1}\n",
    );
    let s = play(
        &src,
        Lang::En,
        vec![
            ask("How many beds does the hospital have?"),
            ask_to("adeyemi", "How many nurses work on the wards?"),
            ask("How many nurses work on the wards?"),
            ask_to(
                "chen",
                "What internet connection do you have at the moment?",
            ),
        ],
    );
    let st = s.steps();
    assert!(
        st[0].reply.contains("(Grace Adeyemi leaves the meeting.) Grace Adeyemi: \"I have to go to another meeting; carry on without me.\""),
        "{}",
        st[0].reply
    );
    // A planned departure costs nothing.
    assert!(!rules(&s, 0).contains(&RuleId::ContactLeft));
    assert_eq!(rules(&s, 1), vec![RuleId::ContactAbsent]);
    assert!(st[1].reply.contains("has left"), "{}", st[1].reply);
    assert_eq!(rules(&s, 2), vec![RuleId::ContactAbsent]);
    assert!(
        st[2]
            .reply
            .contains("Only Grace Adeyemi could tell you that"),
        "{}",
        st[2].reply
    );
    assert!(rules(&s, 3).contains(&RuleId::SituationFact));
    assert!(!s.is_over());
}

#[test]
fn a_busy_contact_walks_out_after_too_many_situation_questions() {
    let src = with_contact(
        "chen",
        "gatekeeper",
        "      mood: busy\n      patience: 2\n",
    );
    let s = play(
        &src,
        Lang::En,
        vec![
            ask_to(
                "chen",
                "What internet connection do you have at the moment?",
            ),
            ask_to("chen", "How many scans does radiology do a day?"),
            ask_to("chen", "Is there Wi-Fi on the wards?"),
        ],
    );
    let st = s.steps();
    assert!(!rules(&s, 0).contains(&RuleId::ContactLeft));
    let left = st[1]
        .findings
        .iter()
        .find(|f| f.rule == RuleId::ContactLeft)
        .expect("David leaves at his second situation question");
    assert_eq!(left.points, -2);
    let tip = left.tip.clone().unwrap_or_default();
    assert!(tip.contains("busy contact"), "{tip}");
    assert!(
        st[1].reply.contains("(David Chen leaves the meeting.)"),
        "{}",
        st[1].reply
    );
    assert_eq!(rules(&s, 2), vec![RuleId::ContactAbsent]);
    // The room's patience and the rest of the meeting are untouched.
    assert!(!s.is_over());
    // The same questions to a neutral David cost him nothing of his own.
    let s = play(
        &hospital(),
        Lang::En,
        vec![
            ask_to(
                "chen",
                "What internet connection do you have at the moment?",
            ),
            ask_to("chen", "How many scans does radiology do a day?"),
            ask_to("chen", "Is there Wi-Fi on the wards?"),
        ],
    );
    assert!(s.steps().iter().all(|st| {
        st.findings
            .iter()
            .all(|f| f.rule != RuleId::ContactLeft && f.rule != RuleId::ContactAbsent)
    }));
}

#[test]
fn a_hostile_contact_counts_poor_moves_twice() {
    let off = || ask_to("moore", "What is your favourite colour?");
    // Hostile with 3: two off-topic questions cost 2 each, she leaves at the second.
    let src = with_contact("moore", "decision_maker", "      mood: hostile\n");
    let s = play(&src, Lang::En, vec![off(), off()]);
    assert!(
        rules(&s, 0).contains(&RuleId::OffTopic),
        "{:?}",
        rules(&s, 0)
    );
    assert!(!rules(&s, 0).contains(&RuleId::ContactLeft));
    let left = s.steps()[1]
        .findings
        .iter()
        .find(|f| f.rule == RuleId::ContactLeft)
        .expect("she leaves");
    // She is the decision maker: the tip says a next step now needs another meeting.
    assert!(
        left.tip
            .as_deref()
            .unwrap_or("")
            .contains("decision maker gone"),
        "{left:?}"
    );
    assert!(
        s.steps()[1]
            .reply
            .contains("I don't think this is a good use of my time."),
        "{}",
        s.steps()[1].reply
    );
    // Neutral with the same patience: one each, she is still there after two.
    let src = with_contact("moore", "decision_maker", "      patience: 3\n");
    let s = play(&src, Lang::En, vec![off(), off()]);
    assert!(
        s.steps()
            .iter()
            .all(|st| st.findings.iter().all(|f| f.rule != RuleId::ContactLeft))
    );
    // A warm contact has no patience of their own: she never walks out.
    let src = with_contact("moore", "decision_maker", "      mood: warm\n");
    let s = play(&src, Lang::En, vec![off(), off(), off()]);
    assert!(
        s.steps()
            .iter()
            .all(|st| st.findings.iter().all(|f| f.rule != RuleId::ContactLeft))
    );
}

#[test]
fn when_the_last_contact_leaves_the_meeting_ends() {
    let src = std::fs::read_to_string(root().join("scenarios/bakery-vpn.yaml"))
        .expect("read")
        .replacen(
            "      role: decision_maker\n",
            "      role: decision_maker\n      leaves:\n        when: {turn: 1}\n        says: Sorry, a delivery just arrived.\n",
            1,
        );
    let (s, played) = Session::replay(
        load(&src),
        1,
        Some(Lang::En),
        None,
        vec![ask("How many staff do you have?"), ask("And phones?")],
    );
    assert!(s.is_over());
    assert_eq!(played, 1, "the second input comes after the end");
    assert!(
        rules(&s, 0).contains(&RuleId::CustomerLeft),
        "{:?}",
        rules(&s, 0)
    );
    assert!(
        s.steps()[0]
            .reply
            .contains("Sorry, a delivery just arrived.")
    );
}

#[test]
fn a_reply_can_change_once_something_has_happened() {
    // The Wi-Fi fact is answered differently once the connection has been asked about.
    let src = hospital().replacen(
        "    reply: There's Wi-Fi in the offices and the outpatient lobby. Not on the wards; the old building has thick walls.\n",
        "    reply: There's Wi-Fi in the offices and the outpatient lobby. Not on the wards; the old building has thick walls.\n    cases:\n      - when: {fact: connection}\n        reply: Same story as the line, I'm afraid. Offices and lobby only; nothing on the wards.\n",
        1,
    );
    let q = || ask_to("chen", "Is there Wi-Fi on the wards?");
    let s = play(&src, Lang::En, vec![q()]);
    assert!(
        s.steps()[0].reply.starts_with("There's Wi-Fi"),
        "{}",
        s.steps()[0].reply
    );
    let s = play(
        &src,
        Lang::En,
        vec![
            ask_to(
                "chen",
                "What internet connection do you have at the moment?",
            ),
            q(),
        ],
    );
    assert!(
        s.steps()[1].reply.starts_with("Same story as the line"),
        "{}",
        s.steps()[1].reply
    );
    // A condition on a need's state and on a turn count: all given must hold.
    let src = hospital().replacen(
        "    reply: There's Wi-Fi in the offices and the outpatient lobby. Not on the wards; the old building has thick walls.\n",
        "    reply: There's Wi-Fi in the offices and the outpatient lobby. Not on the wards; the old building has thick walls.\n    cases:\n      - when: {turn: 1, need: radiology-uptime, state: implied}\n        reply: As with the line, the wards are where it hurts.\n",
        1,
    );
    let s = play(
        &src,
        Lang::En,
        vec![
            ask_to("chen", "Does the internet connection ever go down?"),
            q(),
        ],
    );
    assert!(
        s.steps()[1].reply.starts_with("As with the line"),
        "{}",
        s.steps()[1].reply
    );
    let s = play(&src, Lang::En, vec![q()]);
    assert!(
        s.steps()[0].reply.starts_with("There's Wi-Fi"),
        "{}",
        s.steps()[0].reply
    );
}

#[test]
fn a_scenario_without_the_fields_plays_as_before() {
    // The same inputs with and without an unrelated contact mood: identical steps
    // while nobody has their own patience, and no stage directions.
    let inputs = vec![
        ask("How many beds does the hospital have?"),
        ask_to("chen", "Does the internet connection ever go down?"),
        ask("What do you think of the weather?"),
    ];
    let a = play(&hospital(), Lang::En, inputs.clone());
    let b = play(
        &with_contact("adeyemi", "user", "      mood: warm\n"),
        Lang::En,
        inputs,
    );
    assert_eq!(a.steps(), b.steps());
    assert!(
        a.steps()
            .iter()
            .all(|s| !s.reply.contains("joins the meeting")
                && !s.reply.contains("leaves the meeting"))
    );
}

fn problems(src: &str) -> Vec<String> {
    match scenario::from_str(src, "x.yaml") {
        Ok((_, warnings)) => warnings.iter().map(ToString::to_string).collect(),
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_room_fields_are_validated() {
    let p = problems(&with_contact(
        "chen",
        "gatekeeper",
        "      joins:\n        when: {}\n",
    ));
    assert!(
        p.iter()
            .any(|m| m.contains("`joins.when` gives no condition")),
        "{p:?}"
    );
    let p = problems(&with_contact(
        "chen",
        "gatekeeper",
        "      leaves:\n        when: {state: met}\n",
    ));
    assert!(
        p.iter().any(|m| m.contains("has a `state` but no `need`")),
        "{p:?}"
    );
    let p = problems(&with_contact(
        "chen",
        "gatekeeper",
        "      leaves:\n        when: {need: ghost}\n",
    ));
    assert!(
        p.iter().any(|m| m.contains("unknown need `ghost`")),
        "{p:?}"
    );
    let p = problems(&with_contact(
        "chen",
        "gatekeeper",
        "      leaves:\n        when: {advance: nowhere}\n",
    ));
    assert!(
        p.iter().any(|m| m.contains("unknown advance `nowhere`")),
        "{p:?}"
    );
    let p = problems(&with_contact("chen", "gatekeeper", "      patience: 0\n"));
    assert!(p.iter().any(|m| m.contains("has a patience of 0")), "{p:?}");
    let p = problems(&with_contact("chen", "gatekeeper", "      mood: grumpy\n"));
    assert!(p.iter().any(|m| m.contains("grumpy")), "{p:?}");
    let all = hospital()
        .replace(
            "      role: decision_maker\n",
            "      role: decision_maker\n      joins: {when: {turn: 1}}\n",
        )
        .replace(
            "      role: gatekeeper\n",
            "      role: gatekeeper\n      joins: {when: {turn: 1}}\n",
        )
        .replace(
            "      role: user\n",
            "      role: user\n      joins: {when: {turn: 1}}\n",
        );
    let p = problems(&all);
    assert!(
        p.iter()
            .any(|m| m.contains("nobody is in the room when the meeting opens")),
        "{p:?}"
    );
    let src = hospital().replacen(
        "    contact: chen\n    known_by: [chen]\n",
        "    contact: chen\n    known_by: [chen]\n    cases:\n      - when: {fact: nothing-here}\n        reply: x\n",
        1,
    );
    let p = problems(&src);
    assert!(
        p.iter().any(|m| m.contains("unknown fact `nothing-here`")),
        "{p:?}"
    );
}

#[test]
fn a_question_about_a_competitor_for_someone_absent_is_answered_by_the_room() {
    let src = format!(
        "{}competitors:\n  - id: mednet\n    name: MedNet\n    incumbent: true\n    cues: [mednet]\n    about: MedNet are cheap but slow to fix anything.\n",
        with_contact("adeyemi", "user", "      joins:\n        when: {turn: 5}\n")
    );
    let s = play(
        &src,
        Lang::En,
        vec![ask_to("adeyemi", "What do you think of MedNet?")],
    );
    assert_eq!(rules(&s, 0), vec![RuleId::ContactAbsent]);
    assert!(
        !s.steps()[0].reply.contains("cheap but slow"),
        "{}",
        s.steps()[0].reply
    );
    // Present, she answers it.
    let s = play(&src, Lang::En, vec![ask("What do you think of MedNet?")]);
    assert!(
        rules(&s, 0).contains(&RuleId::CompetitorExplored),
        "{:?}",
        rules(&s, 0)
    );
}

#[test]
fn the_opening_is_said_by_its_owner_even_after_they_walk_out() {
    // frozen-foods: the busy general manager opens with the cold store and walks out
    // at the second premature pitch; the opening is still his.
    let sc = scenario::bundled_by_id("frozen-foods")
        .expect("bundled")
        .expect("valid")
        .scenario;
    let pitch = |t: &str| Input::Present(spin_coach::session::Pitch::Sentence(t.into()));
    let (s, _) = Session::replay(
        Arc::clone(&sc),
        1,
        Some(Lang::Zh),
        None,
        vec![
            pitch(
                "我们的NB-IoT温度传感器每分钟上报一次温度，比人工抄表可靠得多，冷库温度一高您马上就知道。",
            ),
            pitch("温度一高，系统马上打电话给您，比门卫巡查靠谱多了。"),
        ],
    );
    assert!(
        s.steps()[1]
            .findings
            .iter()
            .any(|f| f.rule == RuleId::ContactLeft),
        "{:?}",
        rules(&s, 1)
    );
    let (speaker, text) = s.opening().expect("an opening");
    assert_eq!(speaker, "钱志刚");
    assert!(text.starts_with("先说好"), "{text}");
}
