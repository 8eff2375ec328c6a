//! The authoring commands end to end: `new`, `schema` and `validate --strict`, the
//! guide's examples and the scenario written only from the guide. `test` and
//! `explore` are in `authoring_runs.rs`.

mod authoring_support;
mod common;
use authoring_support::*;
use common::*;
use serde_json::Value;

#[test]
fn new_writes_templates_that_validate_strictly_and_pass_their_tests() {
    for lang in ["zh", "en"] {
        let (dir, file) = new_template("my-shop", lang);
        let text = std::fs::read_to_string(&file).expect("scenario written");
        assert!(
            text.contains("id: my-shop") && text.contains("# "),
            "{text}"
        );
        let han = text
            .lines()
            .filter(|l| l.starts_with('#'))
            .any(spin_coach::text::has_han);
        assert_eq!(han, lang == "zh", "comment language for {lang}");
        assert!(dir.path().join("my-shop.test.yaml").is_file());
        let o = run(&["validate", "--strict", s(&file)]);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", stderr(&o));
        assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
        let o = run(&["test", s(&file)]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{lang}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert!(stdout(&o).contains(" 0 failed"), "{}", stdout(&o));
        let script = dir.path().join("s.yaml");
        std::fs::write(&script, "- ask: hello there?\n- end: true\n").expect("write");
        let o = run(&["play", s(&file), "--script", s(&script)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
}

#[test]
fn new_refuses_to_overwrite_and_writes_nothing() {
    let (dir, file) = new_template("clinic", "en");
    std::fs::write(&file, "mine").expect("write");
    std::fs::remove_file(dir.path().join("clinic.test.yaml")).expect("remove");
    let o = run(&["new", "clinic", "--lang", "zh", "-o", s(dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("clinic.yaml: error: file already exists"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine");
    assert!(
        !dir.path().join("clinic.test.yaml").exists(),
        "nothing may be written"
    );
}

#[test]
fn new_rejects_bad_ids_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    for bad in ["Shop", "a/b", "花店", "_x", "a b", &"x".repeat(49)] {
        let o = run(&["new", bad, "-o", s(dir.path())]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&o).contains("error: invalid scenario id"),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn new_defaults_to_the_current_folder_and_the_locale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = std::process::Command::new(bin())
        .args(["new", "here"])
        .current_dir(dir.path())
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("here.yaml")).expect("written here");
    assert!(text.contains("language: zh"), "locale picks Chinese");
}

#[test]
fn schema_is_json_with_closed_objects_and_descriptions() {
    let o = run(&["schema"]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert!(
        v["$schema"].as_str().is_some_and(|u| u.contains("2020-12")),
        "{v}"
    );
    assert_eq!(v["additionalProperties"], Value::Bool(false));
    let defs = v["$defs"].as_object().expect("$defs");
    for (name, def) in defs {
        if def["type"] == "object" && def.get("properties").is_some() {
            assert_eq!(
                def["additionalProperties"],
                Value::Bool(false),
                "{name} is open"
            );
        }
    }
    assert!(v["properties"]["briefing"]["description"].is_string());
    let text = &defs["Text"]["anyOf"];
    assert_eq!(text[0]["type"], "string");
    assert_eq!(text[1]["additionalProperties"], Value::Bool(false));
    let script: Value = serde_json::from_str(&stdout(&run(&["schema", "--script"]))).expect("JSON");
    assert_eq!(script["type"], "array");
    let test: Value = serde_json::from_str(&stdout(&run(&["schema", "--test"]))).expect("JSON");
    assert!(test["properties"]["cases"].is_object(), "{test}");
}

#[test]
fn bundled_scenarios_and_examples_match_the_schema() {
    let v = schema(&["schema"]);
    for (name, src) in spin_coach::scenario::bundled_sources() {
        assert_matches(&v, src, name);
    }
    let g = guide();
    for marker in ["## 9. Full example in English", "## 10. 完整示例（中文）"] {
        assert_matches(&v, &yaml_after(&g, marker), marker);
    }
    for lang in [spin_coach::lang::Lang::Zh, spin_coach::lang::Lang::En] {
        let (src, _) = spin_coach::authoring::template::render("t", lang);
        assert_matches(&v, &src, "template");
    }
    let fixture = std::fs::read_to_string(root().join("tests/fixtures/guide/bike-couriers.yaml"))
        .expect("fixture");
    assert_matches(&v, &fixture, "guide fixture");
    // The schema is closed: a misspelt key or a one-sided text of the wrong shape fails.
    let (src, _) = spin_coach::authoring::template::render("t", spin_coach::lang::Lang::En);
    let bad = yaml_value(&src.replacen("industry:", "industri:", 1), "bad");
    assert!(!v.is_valid(&bad), "a misspelt key must fail");
    let bad = yaml_value(&src.replacen("title: {en:", "title: {fr:", 1), "bad");
    assert!(
        !v.is_valid(&bad),
        "a text with an unknown language must fail"
    );
}

#[test]
fn script_and_test_schemas_match_the_shipped_files() {
    let scripts = schema(&["schema", "--script"]);
    let mut n = 0;
    for id in bundled_ids() {
        for which in ["good", "poor"] {
            let p = root().join(format!("tests/scripts/{id}/{which}.yaml"));
            assert_matches(
                &scripts,
                &std::fs::read_to_string(&p).expect("script"),
                s(&p),
            );
            n += 1;
        }
    }
    assert!(n >= 14);
    assert!(!scripts.is_valid(&yaml_value("- shout: hello\n", "x")));
    assert!(!scripts.is_valid(&yaml_value("- present: {feature: a, benfit: b}\n", "x")));
    let tests = schema(&["schema", "--test"]);
    for id in bundled_ids() {
        let p = root().join(format!("scenarios/{id}.test.yaml"));
        assert_matches(
            &tests,
            &std::fs::read_to_string(&p).expect("test file"),
            s(&p),
        );
    }
    let p = root().join("tests/fixtures/guide/bike-couriers.test.yaml");
    assert_matches(
        &tests,
        &std::fs::read_to_string(&p).expect("test file"),
        s(&p),
    );
    assert!(!tests.is_valid(&yaml_value(
        "cases: [{name: x, turns: [], expekt: {}}]\n",
        "x"
    )));
}

/// Each lint fires on a small change to the English template, as a warning by
/// default and as an error with `--strict`, located at a line of the file.
#[test]
fn validate_warns_and_strict_fails() {
    let (src, _) = spin_coach::authoring::template::render("lint", spin_coach::lang::Lang::En);
    let table: &[(&str, &str, &str)] = &[
        (
            "cues: [no-show, missed appointment, turn up, forget]",
            "cues: [no-show, missed appointment, turn up, forget, ringing]",
            "cue `ringing` matches needs `no-shows` and `front-desk`",
        ),
        (
            "cues: [book, booking, diary, calendar]",
            "cues: [book, booking, diary, calendar, what]",
            "cue `what` in `cues` is so generic it matches most questions",
        ),
        (
            "cues: [book, booking, diary, calendar]",
            "cues: [book, booking, diary, calendar, 约]",
            "is a single character",
        ),
        (
            "cues: [book, booking, diary, calendar]",
            "cues: [book, booking, diary, calendar, missed appointment]",
            "cue `missed appointment` in `cues` is reached by no plain question: \"Can you tell me about missed appointment?\" is read as about `needs.no-shows`",
        ),
        (
            "cues: [empty chair, income, revenue, per week]",
            "cues: [empty chair, income, revenue, per week, forget]",
            "cue `forget` is in both `problem.cues` and `implications[0].cues`",
        ),
        (
            "cues: [desk gets its time back, patients at the counter]",
            "cues: [fewer chairs, chairs stand empty]",
            "benefit `b-front-desk` cannot be told apart",
        ),
        (
            "summary: {en: Free the front desk from the phone, zh: 让前台不再被电话占满}",
            "summary: Free the front desk from the phone",
            "`needs.front-desk.summary` is not translated",
        ),
        (
            "summary: {en: Fewer missed appointments, zh: 减少患者爽约}",
            "summary: {en: Fewer missed appointments}",
            "`needs.no-shows.summary` gives only `en`",
        ),
        (
            "reply: Patients phone the front desk and we write it in the diary software.",
            "reply: {en: Patients phone the front desk., zh: 患者打电话到前台。}",
            "is not translated (this file pairs other texts",
        ),
        (
            "industry: Healthcare",
            "industry: {en: 医疗, zh: 医疗}",
            "the `en` side of `industry` holds Chinese",
        ),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, (from, to, phrase)) in table.iter().enumerate() {
        assert!(src.contains(from), "template changed: {from}");
        let f = dir.path().join(format!("lint{i}.yaml"));
        std::fs::write(&f, src.replacen(from, to, 1)).expect("write");
        let o = run(&["validate", s(&f)]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{phrase}: {err}");
        let line = err
            .lines()
            .find(|l| l.contains(phrase))
            .unwrap_or_else(|| panic!("{phrase} missing in {err}"));
        let prefix = format!("{}:", s(&f));
        let rest = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{line}"));
        let mut parts = rest.splitn(3, ':');
        let l: u64 = parts
            .next()
            .and_then(|x| x.parse().ok())
            .expect("line number");
        let c: u64 = parts.next().and_then(|x| x.parse().ok()).expect("column");
        assert!(l > 1 && c >= 1, "{line}");
        assert!(
            rest.contains(": warning: ") && line.ends_with(')'),
            "{line}"
        );
        let o = run(&["validate", "--strict", s(&f)]);
        assert_eq!(o.status.code(), Some(1), "{phrase}");
        assert!(stderr(&o).contains(&format!(
            ": error: {}",
            line.split(": warning: ").nth(1).unwrap_or("")
        )));
    }
    let clean = dir.path().join("clean.yaml");
    std::fs::write(&clean, &src).expect("write");
    assert_eq!(
        run(&["validate", "--strict", s(&clean)]).status.code(),
        Some(0)
    );
}

#[test]
fn validate_strict_passes_the_bundled_scenarios() {
    let o = run(&["validate", "--strict", "scenarios"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().filter(|l| l.starts_with("ok: ")).count(),
        bundled_ids().len()
    );
}

#[test]
fn guide_scenario_validates_strictly_and_passes_its_tests() {
    let f = "tests/fixtures/guide/bike-couriers.yaml";
    let o = run(&["validate", "--strict", f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["test", f]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    assert!(
        out.contains("case \"skilled trainee\"") && out.contains("case \"pitching before asking\"")
    );
    assert!(out.contains(", 0 failed"), "{out}");
}

#[test]
fn guide_examples_validate_strictly_and_the_example_tests_pass() {
    let g = guide();
    let dir = tempfile::tempdir().expect("tempdir");
    let en = dir.path().join("florist.yaml");
    std::fs::write(&en, yaml_after(&g, "## 9. Full example in English")).expect("write");
    std::fs::write(
        dir.path().join("florist.test.yaml"),
        yaml_after(&g, "### Example test file"),
    )
    .expect("write");
    let zh = dir.path().join("laundry.yaml");
    std::fs::write(&zh, yaml_after(&g, "## 10. 完整示例（中文）")).expect("write");
    let o = run(&["validate", "--strict", s(&en), s(&zh)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["test", s(&en)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

/// Every field of every format appears in the guide, so it describes them all.
#[test]
fn guide_names_every_field() {
    let g = guide();
    for args in [vec!["schema"], vec!["schema", "--test"]] {
        let v: Value = serde_json::from_str(&stdout(&run(&args))).expect("json");
        let mut objects = vec![&v];
        objects.extend(v["$defs"].as_object().expect("defs").values());
        for o in objects {
            for key in o["properties"]
                .as_object()
                .into_iter()
                .flat_map(|p| p.keys())
            {
                let named = [format!("`{key}`"), format!(".{key}`"), format!("`{key}:")]
                    .iter()
                    .any(|form| g.contains(form.as_str()));
                assert!(named, "{key} is not described in the guide");
            }
        }
    }
}

#[test]
fn readme_points_to_the_guide_and_lists_the_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    assert!(readme.contains("(docs/scenario-format.md)"));
    for c in [
        "spin-coach new <id>",
        "spin-coach schema",
        "spin-coach test",
        "spin-coach explore",
        "validate --strict",
    ] {
        assert!(readme.contains(c), "{c} missing from README");
    }
}

/// The guide's phrasing bank passes on the guide's florist scenario, and its `try`
/// example reads as the problem question the guide says it is.
#[test]
fn guide_phrasing_bank_and_try_example_hold() {
    let g = guide();
    let dir = tempfile::tempdir().expect("tempdir");
    let en = dir.path().join("florist.yaml");
    std::fs::write(&en, yaml_after(&g, "## 9. Full example in English")).expect("write");
    let t = dir.path().join("florist.test.yaml");
    std::fs::write(&t, yaml_after(&g, "### Phrasing banks")).expect("write");
    let o = run(&["test", s(&t)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("4 passed, 0 failed"), "{}", stdout(&o));
    let o = run(&[
        "try",
        s(&en),
        "When you're out, do calls to the shop ever go unanswered?",
    ]);
    assert!(
        stdout(&o).contains("P · problem question · needs.missed-orders · sure"),
        "{}",
        stdout(&o)
    );
}
