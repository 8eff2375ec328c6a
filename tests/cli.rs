//! The CLI: every command, its exit codes and output forms.

mod common;
use common::*;

#[test]
fn validate_bundled_scenarios_folder_passes() {
    let o = run(&["validate", "scenarios"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for id in bundled_ids() {
        assert!(
            stdout(&o).contains(&format!("ok: scenarios/{id}.yaml")),
            "{id} missing from {}",
            stdout(&o)
        );
    }
}

#[test]
fn validate_usage_errors_exit_2() {
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    let o = run(&["validate", "no/such/file.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
}

/// Each invalid fixture fails with exit 1 and a located message containing a phrase.
#[test]
fn validate_invalid_fixtures() {
    let table: &[(&str, &str, &str)] = &[
        (
            "unknown_field",
            ":8:1: error: unknown field `industri`",
            "check the spelling",
        ),
        (
            "duplicate_key",
            ":7:1: error: duplicate mapping key: segment",
            "each key may appear once",
        ),
        (
            "bad_enum",
            ":5:13: error: unknown variant `impossible`",
            "one of the listed values",
        ),
        (
            "dangling_ref",
            ": error: unknown need `call-cost`",
            "known needs: call-costs",
        ),
        (
            "duplicate_id",
            ": error: duplicate need id `order-errors`",
            "rename one",
        ),
        (
            "never_explicit",
            ": error: need `call-costs` can never become explicit",
            "lower `threshold`",
        ),
        (
            "no_benefit",
            ": error: need `reach-bakers` has no benefit",
            "add a benefit",
        ),
        (
            "empty_cues",
            ": error: `staff`: `cues` has no cues",
            "list a few words",
        ),
        ("overlong", "characters long (limit 800)", "shorten it"),
        ("syntax", ":6:10: error:", "("),
        ("control_chars", "unknown field `bad", "check the spelling"),
        ("wrong_type", ":18:14: error:", "("),
        (
            "missing_field",
            "missing field `objective`",
            "add the field",
        ),
        (
            "bad_contact_ref",
            ": error: unknown contact `rossa`",
            "known contacts: rosa",
        ),
        (
            "not_utf8",
            ":4:11: error: file is not valid UTF-8",
            "save the file as UTF-8",
        ),
    ];
    for (name, phrase, hint) in table {
        let path = format!("tests/fixtures/invalid/{name}.yaml");
        let o = run(&["validate", &path]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(&format!("{path}{phrase}")) || err.contains(phrase),
            "{name}: want {phrase:?} in {err}"
        );
        assert!(err.contains(hint), "{name}: want hint {hint:?} in {err}");
        assert!(!err.contains('\u{1b}'), "{name}: raw escape in {err:?}");
    }
}

#[test]
fn validate_reports_every_problem_not_just_the_first() {
    let o = run(&["validate", "tests/fixtures/invalid/many_problems.yaml"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    let errors = err.lines().filter(|l| l.contains(": error: ")).count();
    assert!(errors >= 4, "{err}");
    for phrase in [
        "has no cues",
        "unknown need `nope`",
        "duplicate need id",
        "has no benefit",
    ] {
        assert!(err.contains(phrase), "{phrase} missing in {err}");
    }
}

#[test]
fn classify_text_args_and_stdin() {
    let o = run(&[
        "classify",
        "请问贵公司现在有多少员工?",
        "What does that cost you over a year?",
        "我们的平台很好。",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "S\t请问贵公司现在有多少员工?",
            "I\tWhat does that cost you over a year?",
            "-\t我们的平台很好。"
        ]
    );

    let mut child = std::process::Command::new(bin())
        .arg("classify")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let stdin = child.stdin.as_mut().expect("stdin");
        stdin.write_all("Would it help if every order were on record?\n如果一直这样下去，会不会影响客户续约？\n".as_bytes()).expect("write");
    }
    let o = child.wait_with_output().expect("wait");
    assert_eq!(
        stdout(&o),
        "N\tWould it help if every order were on record?\nI\t如果一直这样下去，会不会影响客户续约？\n"
    );
}

#[test]
fn classify_json_names_the_deciding_cues() {
    let o = run(&[
        "classify",
        "--format",
        "json",
        "这些延误会给您带来什么影响?",
    ]);
    let line = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("json");
    assert_eq!(v["label"], "I");
    assert_eq!(v["lang"], "zh");
    assert!(
        v["cues"]
            .as_array()
            .expect("cues")
            .iter()
            .any(|c| c == "implication:影响"),
        "{v}"
    );
}

#[test]
fn classify_forced_language_and_sanitized_echo() {
    let o = run(&["classify", "--lang", "en", "how many\u{1b}[31m trucks?"]);
    let out = stdout(&o);
    assert!(out.starts_with("S\t"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn list_text_and_json() {
    let o = run(&["list"]);
    assert_eq!(o.status.code(), Some(0));
    for id in bundled_ids() {
        assert!(stdout(&o).contains(&id), "{id}");
    }
    let o = run(&["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), bundled_ids().len());
    for e in arr {
        for k in [
            "id",
            "title",
            "language",
            "segment",
            "industry",
            "difficulty",
        ] {
            assert!(e.get(k).is_some(), "{k} missing in {e}");
        }
    }
}

#[test]
fn list_includes_scenarios_from_an_extra_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = std::fs::read_to_string(root().join("scenarios/bakery-vpn.yaml")).expect("read");
    std::fs::write(
        dir.path().join("my-bakery.yaml"),
        src.replace("id: bakery-vpn", "id: my-bakery"),
    )
    .expect("write");
    let o = run(&[
        "list",
        "--scenarios",
        dir.path().to_str().expect("utf8"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .any(|e| e["id"] == "my-bakery"),
        "{v}"
    );
}

#[test]
fn play_text_shows_transcript_grades_and_report() {
    let o = run(&[
        "play",
        "bakery-vpn",
        "--script",
        "tests/scripts/bakery-vpn/good.yaml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for phrase in [
        "uncover-implied",
        "develop-implication",
        "make-explicit",
        "benefit-explicit",
        "advance-accepted",
        "Score ",
        "Relationship: partner",
        "Top tips",
    ] {
        assert!(out.contains(phrase), "{phrase} missing in {out}");
    }
}

#[test]
fn play_json_has_the_documented_fields() {
    let o = run(&[
        "play",
        "bakery-vpn",
        "--script",
        "tests/scripts/bakery-vpn/good.yaml",
        "--format",
        "json",
        "--seed",
        "7",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["scenario"], "bakery-vpn");
    assert_eq!(v["seed"], 7);
    let turns = v["turns"].as_array().expect("turns");
    assert!(turns.len() > 10);
    for t in turns {
        for k in ["input", "kind", "points", "rule", "reason", "reply"] {
            assert!(t.get(k).is_some(), "{k} missing in {t}");
        }
    }
    assert_eq!(turns[0]["label"], "S");
    for n in v["needs"].as_array().expect("needs") {
        assert!(n["id"].is_string() && n["state"].is_string());
    }
    let total = v["score"]["total"].as_i64().expect("total");
    assert!((0..=100).contains(&total));
    for p in ["investigating", "developing", "demonstrating", "commitment"] {
        assert!(v["score"]["parts"][p]["points"].is_i64(), "{p}");
    }
    assert!(v["counts"]["in_share"].is_u64());
    assert!(v["relationship"]["quadrant"].is_string());
}

#[test]
fn play_is_byte_identical_for_same_seed() {
    for fmt in ["text", "json"] {
        let args = [
            "play",
            "bakery-vpn",
            "--script",
            "tests/scripts/bakery-vpn/good.yaml",
            "--seed",
            "42",
            "--format",
            fmt,
        ];
        let a = run(&args);
        let b = run(&args);
        assert_eq!(a.stdout, b.stdout, "{fmt}");
        assert!(!a.stdout.is_empty());
    }
}

#[test]
fn play_reports_script_problems_with_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("s.yaml");
    std::fs::write(&script, "- ask: hello?\n- ask: {to: nobody, text: why?}\n").expect("write");
    let o = run(&[
        "play",
        "bakery-vpn",
        "--script",
        script.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("s.yaml:2:1: error: unknown contact `nobody`"),
        "{}",
        stderr(&o)
    );
    std::fs::write(&script, "- ask: hello?\n- shout: x\n").expect("write");
    let o = run(&[
        "play",
        "bakery-vpn",
        "--script",
        script.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("s.yaml:2:"), "{}", stderr(&o));
}

#[test]
fn play_unknown_scenario_lists_bundled_ids() {
    let o = run(&[
        "play",
        "nope",
        "--script",
        "tests/scripts/bakery-vpn/good.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bakery-vpn"), "{}", stderr(&o));
}

/// The README's complete small example validates and plays.
#[test]
fn readme_example_validates_and_plays() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let start = readme
        .find("### A complete small example")
        .expect("section");
    let rest = &readme[start..];
    let open = rest.find("```yaml\n").expect("yaml block") + "```yaml\n".len();
    let close = rest[open..].find("```").expect("end of block");
    let yaml = &rest[open..open + close];
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("print-shop.yaml");
    std::fs::write(&file, yaml).expect("write");
    let o = run(&["validate", file.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let script = dir.path().join("s.yaml");
    std::fs::write(
        &script,
        "- ask: How many vans do you run?\n- ask: Is it hard to reach the drivers on the road?\n- ask: What does a wasted trip cost you?\n- ask: Would it help to reach both with one call?\n- present: You said you need to reach them at once. With short numbers, one call rings both vans, calls inside are free, so you reach both drivers with one call.\n- end: true\n",
    )
    .expect("write");
    let o = run(&[
        "play",
        file.to_str().expect("utf8"),
        "--script",
        script.to_str().expect("utf8"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["needs"][0]["state"], "met", "{v}");
}

/// Every scoring rule is listed in the README.
#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    for id in spin_coach::scoring::RuleId::ALL {
        assert!(
            readme.contains(&format!("`{id}`")),
            "{id} missing from README"
        );
    }
}

/// Issue 10, defect 10: `--lang` is global like `--theme` (`spin-coach --lang zh` was
/// rejected), and the trainer's display options sit under their own help heading.
#[test]
fn lang_is_global_and_display_options_have_a_heading() {
    // No terminal here: the trainer refuses, in the language asked for, instead of
    // clap refusing the option.
    let o = run(&["--lang", "zh"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let refusal = if cfg!(feature = "tui") {
        "终端"
    } else {
        "no trainer TUI"
    };
    assert!(stderr(&o).contains(refusal), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains("unexpected argument"),
        "{}",
        stderr(&o)
    );
    let script = "tests/scripts/bakery-vpn/good.yaml";
    let before = run(&["--lang", "zh", "play", "bakery-vpn", "--script", script]);
    let after = run(&["play", "bakery-vpn", "--script", script, "--lang", "zh"]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert_eq!(stdout(&before), stdout(&after));
    assert!(stdout(&before).contains("客户"), "{}", stdout(&before));
    for cmd in ["validate", "play", "train"] {
        let help = stdout(&run(&[cmd, "--help"]));
        let heading = help
            .find("Trainer display")
            .unwrap_or_else(|| panic!("{cmd}: {help}"));
        let theme = help
            .find("--theme")
            .unwrap_or_else(|| panic!("{cmd}: {help}"));
        let projector = help
            .find("--projector")
            .unwrap_or_else(|| panic!("{cmd}: {help}"));
        assert!(heading < theme && heading < projector, "{cmd}: {help}");
        assert!(help.contains("--lang"), "{cmd}: {help}");
    }
}
