//! `export --format xapi`: statements of finished meetings that keep the xAPI
//! rules, the actor from the flags or the config file, typed text only when both
//! `--detail turns` and the config file ask, clear errors otherwise.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn run_cfg(data: &Path, config: &str, args: &[&str]) -> std::process::Output {
    let cfg = data.join("config.yaml");
    std::fs::write(&cfg, config).expect("config");
    Command::new(bin())
        .args(args)
        .current_dir(root())
        .env("SPIN_COACH_DATA", data)
        .env("SPIN_COACH_CONFIG", &cfg)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run")
}

fn save(data: &Path, scenario: &str, which: &str) {
    let script = format!("tests/scripts/{scenario}/{which}.yaml");
    let o = run_cfg(data, "", &["play", scenario, "--script", &script, "--save"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

fn statements(o: &std::process::Output) -> Vec<serde_json::Value> {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    let v: serde_json::Value = serde_json::from_str(&stdout(o)).expect("a JSON array");
    v.as_array().expect("array").clone()
}

#[test]
fn every_meeting_becomes_valid_statements() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    save(d.path(), "shop-vpn", "poor");
    let o = run_cfg(
        d.path(),
        "trainee: 王建军\ntrainee_id: wang@example.com\n",
        &["export", "--all", "--format", "xapi"],
    );
    let all = statements(&o);
    assert_eq!(
        all.len(),
        4,
        "completed and passed/failed for each of two meetings"
    );
    for st in &all {
        let problems = spin_coach::xapi::check::statement(st);
        assert!(problems.is_empty(), "{problems:?}\n{st:#}");
        assert_eq!(st["actor"]["name"], "王建军");
        assert_eq!(st["actor"]["mbox"], "mailto:wang@example.com");
    }
    let verbs: Vec<&str> = all
        .iter()
        .filter_map(|s| s["verb"]["id"].as_str())
        .collect();
    assert_eq!(
        verbs.iter().filter(|v| v.ends_with("/completed")).count(),
        2
    );
    assert!(
        verbs.iter().any(|v| v.ends_with("/passed")),
        "the good meeting passes: {verbs:?}"
    );
    assert!(
        verbs.iter().any(|v| v.ends_with("/failed")),
        "the poor one fails: {verbs:?}"
    );
    // The same export twice: the same statements (deterministic ids).
    let again = run_cfg(
        d.path(),
        "trainee: 王建军\ntrainee_id: wang@example.com\n",
        &["export", "--all", "--format", "xapi"],
    );
    assert_eq!(statements(&again), all);
    // Flags win over the file; an account at an LMS; the pass mark and the base from the file.
    let o = run_cfg(
        d.path(),
        "trainee: 王建军\ntrainee_id: wang@example.com\naccount_home: https://lms.example.com\nxapi:\n  pass_mark: 0\n  activity_base: https://academy.example.com/spin/\n",
        &[
            "export",
            "--all",
            "--format",
            "xapi",
            "--trainee",
            "Ann",
            "--trainee-id",
            "ann.lee",
        ],
    );
    let all = statements(&o);
    assert_eq!(
        all[0]["actor"],
        serde_json::json!({"objectType": "Agent", "name": "Ann", "account": {"homePage": "https://lms.example.com", "name": "ann.lee"}})
    );
    assert!(all.iter().all(|s| {
        s["object"]["id"]
            .as_str()
            .is_some_and(|i| i.starts_with("https://academy.example.com/spin/"))
    }));
    assert!(!all.iter().any(|s| {
        s["verb"]["id"]
            .as_str()
            .is_some_and(|v| v.ends_with("/failed"))
    }));
    // Written atomically with -o, like the other formats.
    let file = d.path().join("statements.json");
    let o = run_cfg(
        d.path(),
        "trainee_id: wang@example.com\n",
        &[
            "export",
            "--all",
            "--format",
            "xapi",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 2 meeting(s)"), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("file")).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(4));
}

#[test]
fn typed_text_needs_the_flag_and_the_config_switch() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    let quiet = run_cfg(
        d.path(),
        "trainee_id: a@b.cn\n",
        &["export", "--all", "--format", "xapi"],
    );
    assert!(
        !stdout(&quiet).contains("\"response\""),
        "no typed text by default"
    );
    // The flag alone is refused, saying what the config needs.
    let refused = run_cfg(
        d.path(),
        "trainee_id: a@b.cn\n",
        &["export", "--all", "--format", "xapi", "--detail", "turns"],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("send_typed_text: true"),
        "{}",
        stderr(&refused)
    );
    assert!(stdout(&refused).is_empty());
    // The switch alone sends nothing typed either.
    let switch_only = run_cfg(
        d.path(),
        "trainee_id: a@b.cn\nxapi:\n  send_typed_text: true\n",
        &["export", "--all", "--format", "xapi"],
    );
    assert!(!stdout(&switch_only).contains("\"response\""));
    // Both: one statement per turn with text, linked by the registration.
    let both = run_cfg(
        d.path(),
        "trainee_id: a@b.cn\nxapi:\n  send_typed_text: true\n",
        &["export", "--all", "--format", "xapi", "--detail", "turns"],
    );
    let all = statements(&both);
    assert!(all.len() > 2);
    let reg = &all[0]["context"]["registration"];
    for st in &all[2..] {
        assert!(st["result"]["response"].is_string(), "{st}");
        assert_eq!(&st["context"]["registration"], reg);
        assert!(spin_coach::xapi::check::statement(st).is_empty());
    }
}

#[test]
fn bad_settings_and_unfinished_meetings_are_clear_errors() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    for (config, args, code, phrase) in [
        ("", vec![], 2, "--trainee-id"),
        ("trainee_id: ann\n", vec![], 2, "account_home"),
        (
            "trainee_id: ann\naccount_home: lms\n",
            vec![],
            2,
            "not a web address",
        ),
        (
            "trainee_id: mailto:ann\n",
            vec![],
            2,
            "not an e-mail address",
        ),
        (
            "trainee_id: a@b.cn\nxapi:\n  pass_mark: 120\n",
            vec![],
            2,
            "outside 0–100",
        ),
        (
            "trainee_id: a@b.cn\nxapi:\n  activity_base: scenarios/\n",
            vec![],
            2,
            "not an absolute IRI",
        ),
        (
            "trainee_id: a@b.cn\nxapi:\n  passmark: 70\n",
            vec![],
            1,
            "unknown field `passmark`",
        ),
        (
            "trainee_id: a@b.cn\n",
            vec!["--format", "csv", "--detail", "turns"],
            2,
            "--format xapi only",
        ),
    ] {
        let mut a = vec!["export", "--all"];
        if args.is_empty() {
            a.extend(["--format", "xapi"]);
        }
        a.extend(args.iter().copied());
        let o = run_cfg(d.path(), config, &a);
        assert_eq!(o.status.code(), Some(code), "{config:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(phrase),
            "{config:?}: want {phrase:?} in {}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty(), "{config:?}");
    }
    // In Chinese too.
    let o = run_cfg(
        d.path(),
        "lang: zh\n",
        &["export", "--all", "--format", "xapi"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("学员"), "{}", stderr(&o));
    // An unfinished meeting has no statements: asked for by id, that is said.
    let meetings = d.path().join("meetings");
    let file = std::fs::read_dir(&meetings)
        .expect("meetings")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a meeting");
    let mut rec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    rec["id"] = "unfinished-1".into();
    rec["status"] = "unfinished".into();
    rec["finished_at"] = serde_json::Value::Null;
    std::fs::write(meetings.join("unfinished-1.json"), rec.to_string()).expect("write");
    let o = run_cfg(
        d.path(),
        "trainee_id: a@b.cn\n",
        &["export", "unfinished-1", "--format", "xapi"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unfinished"), "{}", stderr(&o));
    // With --all it is left out quietly: two statements, from the finished meeting.
    let o = run_cfg(
        d.path(),
        "trainee_id: a@b.cn\n",
        &["export", "--all", "--format", "xapi"],
    );
    assert_eq!(statements(&o).len(), 2);
}

#[test]
fn sync_and_class_report_say_what_is_missing_without_touching_the_network() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    let id = "trainee_id: a@b.cn\n";
    for (config, args, code, phrase) in [
        (id.to_string(), vec!["sync"], 2, "no LRS address"),
        (
            id.to_string(),
            vec!["sync", "--lrs", "ftp://lrs.example.com/"],
            2,
            "not an http(s) address",
        ),
        (
            id.to_string(),
            vec!["sync", "--lrs", "http://127.0.0.1:9/", "--batch", "0"],
            2,
            "outside 1–500",
        ),
        (
            format!("{id}lrs:\n  batch: 9000\n"),
            vec!["sync", "--lrs", "http://127.0.0.1:9/"],
            2,
            "outside 1–500",
        ),
        (
            id.to_string(),
            vec!["sync", "--lrs", "http://127.0.0.1:9/"],
            2,
            "no LRS credentials",
        ),
        (
            String::new(),
            vec!["sync", "--lrs", "http://127.0.0.1:9/"],
            2,
            "--trainee-id",
        ),
        (
            id.to_string(),
            vec!["class-report", "--lrs"],
            2,
            "no LRS address",
        ),
        (
            id.to_string(),
            vec!["class-report", "--lrs", "http://127.0.0.1:9/"],
            2,
            "no LRS credentials",
        ),
        (
            id.to_string(),
            vec![
                "class-report",
                "--lrs",
                "http://127.0.0.1:9/",
                "--since",
                "last week",
            ],
            2,
            "is not a date",
        ),
        (
            id.to_string(),
            vec!["class-report", "x.json", "--lrs"],
            2,
            "cannot be used with",
        ),
        (
            "lang: zh\ntrainee_id: a@b.cn\n".to_string(),
            vec!["sync"],
            2,
            "没有学习记录库地址",
        ),
    ] {
        let o = run_cfg(d.path(), &config, &args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(phrase),
            "{args:?}: want {phrase:?} in {}",
            stderr(&o)
        );
    }
    // A config file with the password that others can read is refused, saying how to fix it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let cfg = d.path().join("config.yaml");
        std::fs::write(
            &cfg,
            "trainee_id: a@b.cn\nlrs:\n  endpoint: http://127.0.0.1:9/\n  user: u\n  password: p\n",
        )
        .expect("write");
        std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let o = Command::new(bin())
            .args(["sync", "--dry-run"])
            .env("SPIN_COACH_DATA", d.path())
            .env("SPIN_COACH_CONFIG", &cfg)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("chmod 600"), "{}", stderr(&o));
    }
    // A dry run needs no address and no credentials, and sends nothing.
    let o = run_cfg(d.path(), id, &["sync", "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("bakery-vpn")
            && stdout(&o).contains("would send 1 meetings (2 statements) to (no LRS address set)"),
        "{}",
        stdout(&o)
    );
    assert!(!d.path().join("lrs").exists(), "a dry run writes nothing");
}
