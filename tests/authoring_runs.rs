//! `spin-coach test` and `spin-coach explore` end to end: bundled and template test
//! files, failures with their place, expected and actual, located test-file errors,
//! and seeded exploration reports.

mod authoring_support;
mod common;
use authoring_support::*;
use common::*;
use serde_json::Value;

#[test]
fn test_runs_the_bundled_scenarios_from_any_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run_in(dir.path(), &["test", "-q"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    assert!(out.contains("bundled scenarios"), "{out}");
    assert!(
        out.contains(&format!(
            "{} test file(s), 0 could not run",
            bundled_ids().len()
        )),
        "{out}"
    );
    let o = run(&["test"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("./scenarios"), "{out}");
    for id in bundled_ids() {
        assert!(
            out.contains(&format!("scenarios/{id}.test.yaml (scenario {id})")),
            "{id}"
        );
    }
    assert!(
        out.lines()
            .filter(|l| l.trim_start().starts_with("ok "))
            .count()
            > 100
    );
    let o = run(&["test", "shop-vpn", "scenarios/bakery-vpn.test.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 test file(s)"));
}

#[test]
fn test_failure_shows_location_expected_and_actual() {
    let (dir, file) = new_template("fails", "en");
    let tp = dir.path().join("fails.test.yaml");
    let t = std::fs::read_to_string(&tp).expect("read");
    let from = "expect: {label: S, matched: facts.booking}";
    assert!(t.contains(from));
    std::fs::write(
        &tp,
        t.replacen(from, "expect: {label: P, matched: facts.booking}", 1),
    )
    .expect("write");
    let line = t.lines().position(|l| l.contains(from)).expect("line") + 1;
    let o = run(&["test", s(&file)]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(&format!("FAIL {}:{line}:25: turn 2 label", s(&tp))),
        "{out}"
    );
    assert!(
        out.contains("expected: P") && out.contains("actual:   S"),
        "{out}"
    );
    assert!(out.contains("step:     label S"), "{out}");
    assert!(
        out.contains(&format!("ok   {}:{line}:", s(&tp))),
        "the other expectation passes: {out}"
    );
    assert!(out.contains(" 1 failed"), "{out}");
}

#[test]
fn test_file_problems_are_located_errors() {
    let (dir, file) = new_template("broken", "en");
    let tp = dir.path().join("broken.test.yaml");
    let t = std::fs::read_to_string(&tp).expect("read");
    let table: &[(&str, &str, &str)] = &[
        (
            "needs: {implied: [no-shows]}",
            "needs: {implied: [no-showz]}",
            "error: unknown need `no-showz` (needs in this scenario: no-shows, front-desk)",
        ),
        (
            "rule: early-push",
            "rule: early-pushy",
            "error: unknown rule `early-pushy` (valid rule ids: situation-fact, situation-overuse,",
        ),
        (
            "matched: facts.patients",
            "matched: facts.patient",
            "error: `facts.patient` names no element",
        ),
        (
            "accepted: [trial]",
            "accepted: [trail]",
            "error: unknown advance `trail`",
        ),
        (
            "seed: 1\n",
            "seed: 1\nsede: 2\n",
            "error: unknown field `sede`",
        ),
        (
            "- end: true\n    # What",
            "- end: true\n        propose: now\n    # What",
            "a turn needs exactly one of",
        ),
        (
            "score: {min: 85, max: 100}",
            "score: {min: 85, max: 10}",
            "`min` 85 is larger than `max` 10",
        ),
        (
            "score: {min: 85, max: 100}",
            "score: {low: 85}",
            "a range must be a number, or {min",
        ),
    ];
    for (from, to, phrase) in table {
        assert!(t.contains(from), "template test changed: {from}");
        std::fs::write(&tp, t.replacen(from, to, 1)).expect("write");
        let o = run(&["test", s(&file)]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{phrase}: {err}");
        assert!(err.contains(phrase), "{phrase} missing in {err}");
        assert!(err.starts_with(&format!("{}:", s(&tp))), "{err}");
        assert!(stdout(&o).contains("1 could not run"), "{}", stdout(&o));
    }
}

#[test]
fn test_without_a_test_file_or_target_fails() {
    let (dir, file) = new_template("alone", "en");
    std::fs::remove_file(dir.path().join("alone.test.yaml")).expect("remove");
    let o = run(&["test", s(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("alone.test.yaml:1:1: error: no test file for this scenario"),
        "{}",
        stderr(&o)
    );
    let empty = tempfile::tempdir().expect("tempdir");
    let o = run(&["test", s(empty.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: no *.yaml files in this folder"),
        "{}",
        stderr(&o)
    );
    let o = run(&["test", "no/such/scenario.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error: no such scenario file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn explore_is_deterministic_and_reports_coverage() {
    let a = run(&["explore", "shop-vpn", "--runs", "60", "--seed", "5"]);
    let b = run(&["explore", "shop-vpn", "--runs", "60", "--seed", "5"]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(stdout(&a), stdout(&b), "same seed, same output");
    let out = stdout(&a);
    for phrase in [
        "replies reached:",
        "replies never reached",
        "needs never explicit",
        "benefits never usable",
        "objections never triggered",
        "advances never accepted",
    ] {
        assert!(out.contains(phrase), "{phrase} in {out}");
    }
    let runs: Vec<String> = (1..=4)
        .map(|seed| {
            stdout(&run(&[
                "explore",
                "shop-vpn",
                "--runs",
                "20",
                "--seed",
                &seed.to_string(),
                "--format",
                "json",
            ]))
        })
        .collect();
    assert!(
        runs.windows(2).any(|w| w[0] != w[1]),
        "different seeds explore differently"
    );
    let v: Value = serde_json::from_str(&runs[0]).expect("json");
    assert_eq!(v["runs"], 20);
    assert!(v["replies_total"].as_u64().is_some_and(|n| n > 20), "{v}");
    assert!(v["needs"].as_array().is_some_and(|n| n.len() == 3));
    assert_eq!(
        run(&["explore", "shop-vpn", "--runs", "0"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["explore", "no-such-scenario"]).status.code(), Some(1));
}

/// A fact whose cues repeat an earlier fact's can never answer, and the decline of an
/// advance that needs one explicit need is always pre-empted: explore names both,
/// and not what it did reach.
#[test]
fn explore_names_what_cannot_be_reached() {
    let (src, _) = spin_coach::authoring::template::render("shadow", spin_coach::lang::Lang::En);
    let shadowed = src.replacen(
        "cues: [book, booking, diary, calendar]",
        "cues: [patients a day, appointments a day, chairs, dentists]",
        1,
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("shadow.yaml");
    std::fs::write(&f, shadowed).expect("write");
    let o = run(&["explore", s(&f), "--runs", "80", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let never: Vec<&str> = v["replies_never"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    // Shadowing a fact's cue words no longer hides it: the coach grounds questions in
    // the fact's own text (its topic and reply), so the explorer still reaches it.
    assert!(!never.contains(&"facts.booking.reply"), "{never:?}");
    assert!(!never.contains(&"facts.patients.reply"), "{never:?}");
    assert!(!never.contains(&"needs.no-shows.payoff.reply"), "{never:?}");
    // The decline of an advance that needs one explicit need is always pre-empted.
    assert!(never.contains(&"advances.trial.decline"), "{never:?}");
}
