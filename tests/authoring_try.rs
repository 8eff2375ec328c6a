//! Phrasing checks for authors: `spin-coach try` and the `phrasings:` banks of test
//! files (issue 12, item 1).

mod common;
use common::*;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn try_reads_each_wording_and_plays_it_from_the_state_before() {
    let o = run(&[
        "try",
        "bakery-vpn",
        "How many staff do you have?",
        "Do the phone bills ever get out of hand?",
        "What does that cost you over a year?",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("read as   S · situation question · facts.staff · sure"),
        "{out}"
    );
    assert!(
        out.contains("P · problem question · needs.call-costs"),
        "{out}"
    );
    assert!(out.contains("call-costs: hidden → implied"), "{out}");
    // Played in order: the implication question finds the need already implied.
    assert!(
        out.contains("I · implication question · needs.call-costs"),
        "{out}"
    );
    assert!(out.contains("develop-implication"), "{out}");
}

#[test]
fn try_each_reads_every_wording_from_the_same_state_and_speaks_chinese() {
    let o = run(&[
        "--lang",
        "zh",
        "try",
        "shop-vpn",
        "--each",
        "员工话费报销这块有没有什么麻烦？",
        "员工话费报销这块有没有什么麻烦？",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // From the same (fresh) state, the same question uncovers the need both times.
    assert_eq!(out.matches("uncover-implied").count(), 2, "{out}");
    assert!(
        out.contains("判读  P · 难点问题 · needs.call-costs"),
        "{out}"
    );
    assert!(out.contains("客户  "), "{out}");
}

#[test]
fn try_reads_stdin_as_json_lines_and_plays_proposals() {
    let mut child = Command::new(bin())
        .args(["try", "bakery-vpn", "--format", "json"])
        .env("SPIN_COACH_CONFIG", "/nonexistent/config.yaml")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"How many staff do you have?\n\npropose: Could we set up a month's trial?\n")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2, "the empty line is skipped");
    assert_eq!(lines[0]["reading"]["form"], "S");
    assert_eq!(lines[0]["about"], "facts.staff");
    assert!(
        lines[1].get("reading").is_none(),
        "a proposal is not read as a question"
    );
    assert!(
        lines[1]["step"]["input"].get("propose").is_some(),
        "{}",
        lines[1]
    );
}

#[test]
fn try_refuses_an_unknown_contact_and_a_broken_after_script() {
    let o = run(&["try", "bakery-vpn", "--to", "nobody", "hello?"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown contact `nobody`"),
        "{}",
        stderr(&o)
    );
    let d = tempfile::tempdir().expect("tempdir");
    let script = d.path().join("s.yaml");
    std::fs::write(&script, "- ask: {to: ghost, text: hi?}\n").expect("write");
    let o = run(&["try", "bakery-vpn", "--after", s(&script), "hello?"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("s.yaml"), "{}", stderr(&o));
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().expect("utf8 path")
}

/// A test file beside a copy of the bakery scenario.
fn bank(yaml: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let d = tempfile::tempdir().expect("tempdir");
    let src = std::fs::read_to_string(root().join("scenarios/bakery-vpn.yaml")).expect("read");
    std::fs::write(d.path().join("bakery-vpn.yaml"), src).expect("write");
    let t = d.path().join("bakery-vpn.test.yaml");
    std::fs::write(&t, yaml).expect("write");
    (d, t)
}

#[test]
fn phrasing_banks_pass_and_fail_with_their_line() {
    let (_d, t) = bank(
        "phrasings:\n  - need: call-costs\n    stage: problem\n    texts:\n      - Do the phone allowances ever get out of hand?\n  - need: reach-bakers\n    stage: problem\n    texts:\n      - Are you happy with what the staff phone bills come to each month?\n  - fact: staff\n    texts: [How many people work here?]\n",
    );
    let o = run(&["test", s(&t)]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(
        out.contains("ok   ") && out.contains(":5:9: phrasing, problem of need call-costs"),
        "{out}"
    );
    assert!(
        out.contains("FAIL ") && out.contains(":9:9: phrasing, problem of need reach-bakers"),
        "{out}"
    );
    assert!(out.contains("expected: P on need reach-bakers"), "{out}");
    assert!(out.contains("actual:   P on need call-costs"), "{out}");
    assert!(out.contains("situation on fact staff"), "{out}");
    assert!(out.contains("2 passed, 1 failed"), "{out}");
}

#[test]
fn phrasing_banks_read_implication_and_payoff_from_the_state_they_need() {
    // An implication wording is read once the need is implied, a need-payoff wording
    // once it is developed: the setup is made from the scenario's own cues.
    let (_d, t) = bank(
        "phrasings:\n  - need: call-costs\n    stage: implication\n    texts: [What does that overspend add up to over a year?]\n  - need: order-errors\n    stage: need-payoff\n    texts: ['If every order reached the kitchen exactly as the customer gave it, what would that be worth to you?']\n",
    );
    let o = run(&["test", s(&t)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("2 passed, 0 failed"), "{}", stdout(&o));
}

#[test]
fn phrasing_banks_with_unknown_names_do_not_run() {
    let (_d, t) = bank(
        "phrasings:\n  - need: nope\n    stage: problem\n    texts: [x?]\n  - fact: staff\n    stage: problem\n    texts: [y?]\n  - need: call-costs\n    texts: [z?]\n",
    );
    let o = run(&["test", s(&t)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(":2:11: error: unknown need `nope`"), "{err}");
    assert!(err.contains("leave out `stage:`"), "{err}");
    assert!(err.contains("needs `stage:`"), "{err}");
}

#[test]
fn classify_with_a_scenario_as_lexicon_points_at_try() {
    let o = run(&[
        "classify",
        "--lexicon",
        "scenarios/bakery-vpn.yaml",
        "hello?",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("this is a scenario, not a cue lexicon") && err.contains("spin-coach try"),
        "{err}"
    );
}
