//! A follow-up meeting (issue 12, item 4): `follows:` names the scenario of an
//! earlier meeting and the needs start where the trainee's last finished meeting of
//! it left them; `starts:` may say where a need stands when there is none.

mod common;
use common::*;
use spin_coach::lang::Lang;
use spin_coach::scenario::{self, NeedStart, carry};
use spin_coach::scoring::RuleId;
use spin_coach::session::{Input, NeedState, Session};
use std::sync::Arc;

fn bakery() -> String {
    std::fs::read_to_string(root().join("scenarios/bakery-vpn.yaml")).expect("read")
}

/// The bakery's follow-up: the same needs, a later stage of the sale.
fn follow_up() -> String {
    bakery()
        .replacen("id: bakery-vpn", "id: bakery-again\nfollows: bakery-vpn", 1)
        .replacen("stage: potential", "stage: sales", 1)
}

fn load(src: &str) -> Arc<scenario::Scenario> {
    Arc::new(
        scenario::from_str(src, "test.yaml")
            .map(|(s, _)| s)
            .unwrap_or_else(|ps| panic!("{ps:?}")),
    )
}

fn script(n: usize) -> Vec<Input> {
    let path = root().join("tests/scripts/bakery-vpn/good.yaml");
    let turns = spin_coach::script::load_file(&path).expect("script");
    let mut inputs: Vec<Input> = turns.into_iter().map(|t| t.input).take(n).collect();
    inputs.push(Input::End);
    inputs
}

/// The first five turns of the good script make `call-costs` explicit; the
/// other two needs stay hidden.
fn first_meeting() -> (scenario::Loaded, Session, Vec<Input>) {
    let loaded = scenario::bundled_by_id("bakery-vpn")
        .expect("bundled")
        .expect("valid");
    let inputs = script(5);
    let (s, _) = Session::replay(
        Arc::clone(&loaded.scenario),
        1,
        Some(Lang::En),
        None,
        inputs.iter().cloned(),
    );
    (loaded, s, inputs)
}

#[test]
fn a_need_can_start_further_along() {
    let sc = load(&bakery().replacen(
        "  - id: call-costs\n",
        "  - id: call-costs\n    starts: explicit\n",
        1,
    ));
    let s = Session::new(Arc::clone(&sc), 1, Some(Lang::En), None);
    assert_eq!(s.needs()[0].state, NeedState::Explicit);
    assert_eq!(s.needs()[0].journey, vec![(0, NeedState::Explicit)]);
    assert_eq!(s.needs()[1].state, NeedState::Hidden);
    // A benefit for it is welcome at once.
    let pitch = Input::Present(spin_coach::session::Pitch::Sentence(
        "With one flat monthly fee for work calls you will know exactly what they cost each month and can stop guessing.".into(),
    ));
    let (s, _) = Session::replay(Arc::clone(&sc), 1, Some(Lang::En), None, [pitch]);
    let rules: Vec<RuleId> = s.steps()[0].findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&RuleId::BenefitExplicit), "{rules:?}");
    assert!(!rules.contains(&RuleId::PrematurePitch), "{rules:?}");
    assert_eq!(s.needs()[0].state, NeedState::Met);
    // Developed: a need-payoff question makes it explicit straight away.
    let sc = load(&bakery().replacen(
        "  - id: call-costs\n",
        "  - id: call-costs\n    starts: developed\n",
        1,
    ));
    let (s, _) = Session::replay(
        sc,
        1,
        Some(Lang::En),
        None,
        [Input::Ask {
            to: None,
            text: "Would it help if work calls came on one predictable bill?".into(),
        }],
    );
    assert_eq!(
        s.needs()[0].state,
        NeedState::Explicit,
        "{:?}",
        s.steps()[0].findings
    );
}

#[test]
fn the_carried_state_is_the_further_of_the_file_and_the_earlier_meeting() {
    let sc = load(&follow_up().replacen(
        "  - id: order-errors\n",
        "  - id: order-errors\n    starts: implied\n",
        1,
    ));
    let (_, first, inputs) = first_meeting();
    let rec = spin_coach::store::record(
        "20261201T100000-a".into(),
        &scenario::bundled_by_id("bakery-vpn")
            .expect("b")
            .expect("v"),
        &first,
        1,
        inputs,
        "2026-12-01T10:00:00Z".into(),
    );
    let c = spin_coach::store::carried_of(&rec);
    assert_eq!(c.from, "20261201T100000-a");
    assert_eq!(c.scenario, "bakery-vpn");
    let states: Vec<(&str, NeedStart)> =
        c.needs.iter().map(|n| (n.need.as_str(), n.state)).collect();
    assert_eq!(
        states,
        vec![
            ("call-costs", NeedStart::Explicit),
            ("order-errors", NeedStart::Hidden),
            ("reach-bakers", NeedStart::Hidden)
        ]
    );
    let played = carry::continued(&sc, &c);
    let starts: Vec<NeedStart> = played.needs.iter().map(|n| n.starts).collect();
    // call-costs from the meeting; order-errors from the file (further than hidden).
    assert_eq!(
        starts,
        vec![NeedStart::Explicit, NeedStart::Implied, NeedStart::Hidden]
    );
    assert_eq!(carry::overlap(&sc, &c), (3, 1));
    let s = Session::new(Arc::new(played), 1, Some(Lang::En), None);
    assert_eq!(s.needs()[0].state, NeedState::Explicit);
    assert_eq!(s.needs()[1].state, NeedState::Implied);
}

#[test]
fn the_newest_finished_meeting_of_the_followed_scenario_is_carried() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = spin_coach::store::Store::new(d.path().to_path_buf());
    assert!(store.carried_from("bakery-vpn").is_none(), "no history yet");
    let loaded = scenario::bundled_by_id("bakery-vpn")
        .expect("b")
        .expect("v");
    let save = |id: &str, when: &str, n: usize, finish: bool| {
        let mut inputs = script(n);
        if !finish {
            inputs.pop();
        }
        let (s, _) = Session::replay(
            Arc::clone(&loaded.scenario),
            1,
            Some(Lang::En),
            None,
            inputs.iter().cloned(),
        );
        let rec = spin_coach::store::record(id.into(), &loaded, &s, 1, inputs, when.into());
        store.save(&rec).expect("save");
    };
    save("20261201T100000-old", "2026-12-01T10:00:00Z", 5, true);
    save("20261202T100000-new", "2026-12-02T10:00:00Z", 8, true);
    // Newer but unfinished: not a meeting to follow up yet.
    save("20261203T100000-open", "2026-12-03T10:00:00Z", 11, false);
    let c = store.carried_from("bakery-vpn").expect("carried");
    assert_eq!(c.from, "20261202T100000-new");
    assert_eq!(c.needs[1].state, NeedStart::Explicit, "{c:?}");
    assert!(store.carried_from("shop-vpn").is_none());
}

#[test]
fn follows_is_validated() {
    let p = match scenario::from_str(
        &bakery().replacen("id: bakery-vpn", "id: bakery-vpn\nfollows: bakery-vpn", 1),
        "x.yaml",
    ) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    };
    assert!(p.iter().any(|m| m.contains("follows itself")), "{p:?}");
    let p = match scenario::from_str(
        &bakery().replacen("id: bakery-vpn", "id: bakery-vpn\nfollows: Bakery VPN", 1),
        "x.yaml",
    ) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    };
    assert!(p.iter().any(|m| m.contains("not a valid id")), "{p:?}");
    let p = match scenario::from_str(
        &bakery().replacen(
            "  - id: call-costs\n",
            "  - id: call-costs\n    starts: halfway\n",
            1,
        ),
        "x.yaml",
    ) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    };
    assert!(p.iter().any(|m| m.contains("halfway")), "{p:?}");
}

#[cfg(feature = "tui")]
#[test]
fn the_trainer_starts_a_follow_up_where_the_last_meeting_ended_and_saves_what_it_carried() {
    use spin_coach::tui::action::Action;
    use spin_coach::tui::{Options, build_app};
    let d = tempfile::tempdir().expect("tempdir");
    let data = d.path().join("data");
    let store = spin_coach::store::Store::new(data.clone());
    let (loaded, first, inputs) = first_meeting();
    let rec = spin_coach::store::record(
        "20261201T100000-first".into(),
        &loaded,
        &first,
        1,
        inputs,
        "2026-12-01T10:00:00Z".into(),
    );
    store.save(&rec).expect("save");
    let file = d.path().join("bakery-again.yaml");
    std::fs::write(&file, follow_up()).expect("write");
    let opts = Options {
        scenario: Some(file.to_string_lossy().into_owned()),
        lang: Some(Lang::En),
        extra: Vec::new(),
        seed: 1,
        first_frame_only: false,
        data_dir: Some(data.clone()),
        theme: Some(spin_coach::tui::theme::ThemeName::Dark),
        projector: false,
        start: Default::default(),
    };
    let mut a = build_app(&opts).unwrap_or_else(|ps| panic!("{ps:?}"));
    // The briefing says which meeting it continues.
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("t");
    t.draw(|f| spin_coach::tui::ui::draw(f, &a)).expect("draw");
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        screen.contains("continues your meeting of 2026-12-01"),
        "{screen}"
    );
    a.update(Action::Enter);
    let m = a.meeting().expect("meeting");
    assert_eq!(m.needs()[0].state, NeedState::Explicit);
    assert_eq!(m.needs()[1].state, NeedState::Hidden);
    a.update(Action::Paste("How are the orders going?".into()));
    a.update(Action::Enter);
    let saved = store.load_all().expect("history").records;
    let follow = saved
        .iter()
        .find(|r| r.scenario == "bakery-again")
        .expect("the follow-up is saved");
    let c = follow.continues.as_ref().expect("carried state saved");
    assert_eq!(c.from, "20261201T100000-first");
    assert_eq!(c.needs[0].state, NeedStart::Explicit);
}
