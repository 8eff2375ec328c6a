//! History: saving, listing, stats, exports, class reports, and the store's
//! reliability (kill -9 mid-save, corrupt files, concurrent instances, stale temps).

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};

fn run_data(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .current_dir(root())
        .env("SPIN_COACH_DATA", data)
        .env("SPIN_COACH_CONFIG", data.join("no-config.yaml"))
        .output()
        .expect("run")
}

fn save(data: &Path, id: &str, which: &str) {
    let script = format!("tests/scripts/{id}/{which}.yaml");
    let o = run_data(data, &["play", id, "--script", &script, "--save"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("saved meeting"), "{}", stderr(&o));
}

fn json_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "json"));
    v.sort();
    v
}

#[test]
fn save_then_history_newest_first() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    save(d.path(), "shop-vpn", "poor");
    let o = run_data(d.path(), &["history", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let rows = v.as_array().expect("list");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["scenario"], "shop-vpn", "newest first: {v}");
    assert_eq!(rows[1]["scenario"], "bakery-vpn");
    for r in rows {
        for k in ["id", "scenario", "finished_at", "score"] {
            assert!(!r[k].is_null(), "{k} in {r}");
        }
    }
    assert!(rows[1]["score"].as_i64().expect("score") >= 80);
    let text = stdout(&run_data(d.path(), &["history"]));
    assert!(
        text.lines().next().is_some_and(|l| l.contains("shop-vpn")),
        "{text}"
    );
    let file = json_files(&d.path().join("meetings"));
    let rec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file[0]).expect("read")).expect("json");
    for k in [
        "id",
        "scenario",
        "scenario_hash",
        "seed",
        "lang",
        "inputs",
        "report",
        "started_at",
        "finished_at",
        "status",
    ] {
        assert!(rec.get(k).is_some(), "{k} missing in the meeting file");
    }
}

#[test]
fn data_dir_flag_overrides_the_environment() {
    let env_dir = tempfile::tempdir().expect("tempdir");
    let flag_dir = tempfile::tempdir().expect("tempdir");
    let o = run_data(
        env_dir.path(),
        &[
            "--data-dir",
            flag_dir.path().to_str().expect("utf8"),
            "play",
            "bakery-vpn",
            "--script",
            "tests/scripts/bakery-vpn/poor.yaml",
            "--save",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json_files(&flag_dir.path().join("meetings")).len(), 1);
    assert!(json_files(&env_dir.path().join("meetings")).is_empty());
}

#[test]
fn stats_shows_scenarios_and_behaviours() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "poor");
    save(d.path(), "bakery-vpn", "good");
    let out = stdout(&run_data(d.path(), &["stats"]));
    assert!(
        out.contains("bakery-vpn") && out.contains("best  96") && out.contains("latest  96"),
        "{out}"
    );
    assert!(
        out.contains("I+N share %") && out.contains("premature pitches"),
        "{out}"
    );
}

#[test]
fn exports_md_json_csv() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    let id = json_files(&d.path().join("meetings"))[0]
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let md = stdout(&run_data(
        d.path(),
        &["export", &id, "--format", "md", "--trainee", "Ana"],
    ));
    for phrase in [
        "# ",
        "Trainee: Ana",
        "## Transcript",
        "uncover-implied",
        "## Top tips",
        "Relationship",
    ] {
        assert!(md.contains(phrase), "{phrase} missing in {md}");
    }
    let out = d.path().join("ana.json");
    let o = run_data(
        d.path(),
        &[
            "export",
            "--all",
            "--format",
            "json",
            "--trainee",
            "Ana",
            "-o",
            out.to_str().expect("utf8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(v["trainee"], "Ana");
    assert_eq!(v["meetings"][0]["trainee"], "Ana");
    let csv = stdout(&run_data(
        d.path(),
        &[
            "export",
            "--all",
            "--format",
            "csv",
            "--trainee",
            "=HYPERLINK(\"http://x\")",
        ],
    ));
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("id,trainee,scenario"), "{csv}");
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1].contains("\"'=HYPERLINK("),
        "formula neutralised: {csv}"
    );
    let bad = run_data(d.path(), &["export", "nope", "--format", "md"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("no saved meeting"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn trainee_name_from_the_config_file() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "poor");
    let cfg = d.path().join("config.yaml");
    std::fs::write(&cfg, "trainee: 李明\n").expect("write");
    let o = Command::new(bin())
        .args(["export", "--all", "--format", "csv"])
        .current_dir(root())
        .env("SPIN_COACH_DATA", d.path())
        .env("SPIN_COACH_CONFIG", &cfg)
        .output()
        .expect("run");
    assert!(stdout(&o).contains(",李明,"), "{}", stdout(&o));
}

#[test]
fn class_report_over_two_trainees() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    save(a.path(), "bakery-vpn", "good");
    save(a.path(), "shop-vpn", "poor");
    save(b.path(), "bakery-vpn", "poor");
    let out = tempfile::tempdir().expect("tempdir");
    for (d, name) in [(a.path(), "Ana"), (b.path(), "Ben")] {
        let f = out.path().join(format!("{name}.json"));
        let o = run_data(
            d,
            &[
                "export",
                "--all",
                "--format",
                "json",
                "--trainee",
                name,
                "-o",
                f.to_str().expect("utf8"),
            ],
        );
        assert_eq!(o.status.code(), Some(0));
    }
    let o = run(&["class-report", out.path().to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    for phrase in [
        "| Ana | 2 |",
        "| Ben | 1 |",
        "| bakery-vpn | 2 | 2 |",
        "## Weakest behaviours",
        "## Behaviour averages",
    ] {
        assert!(md.contains(phrase), "{phrase} missing in {md}");
    }
    let csv = stdout(&run(&[
        "class-report",
        "--format",
        "csv",
        out.path().to_str().expect("utf8"),
    ]));
    assert!(csv.starts_with("trainee,scenario,meetings"), "{csv}");
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let junk = out.path().join("junk.json");
    std::fs::write(&junk, "{not json").expect("write");
    let o = run(&["class-report", out.path().to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("junk.json:1:"), "{}", stderr(&o));
}

#[test]
fn corrupt_file_is_reported_moved_aside_and_others_still_listed() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "good");
    let bad = d.path().join("meetings").join("20200101T000000-bad.json");
    std::fs::write(&bad, "{\"format\": 1, \"id\": \"trunc").expect("write");
    let o = run_data(d.path(), &["history", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("20200101T000000-bad.json: warning:")
            && stderr(&o).contains("moved aside"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert!(!bad.exists());
    let aside: Vec<_> = std::fs::read_dir(d.path().join("corrupt"))
        .expect("corrupt dir")
        .collect();
    assert_eq!(aside.len(), 1);
}

/// The names of the save's temporary files in a folder.
fn temp_names(dir: &std::path::Path) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.starts_with(".tmp-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn kill_9_during_save_loses_nothing_and_corrupts_nothing() {
    let d = tempfile::tempdir().expect("tempdir");
    for _ in 0..3 {
        save(d.path(), "bakery-vpn", "good");
    }
    let meetings = d.path().join("meetings");
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = json_files(&meetings)
        .into_iter()
        .map(|p| {
            let b = std::fs::read(&p).expect("read");
            (p, b)
        })
        .collect();
    let mut killed = 0;
    for i in 0..12u64 {
        let mut child = Command::new(bin())
            .args([
                "play",
                "bakery-vpn",
                "--script",
                "tests/scripts/bakery-vpn/good.yaml",
                "--save",
            ])
            .current_dir(root())
            .env("SPIN_COACH_DATA", d.path())
            .env("SPIN_COACH_CONFIG", d.path().join("none.yaml"))
            .env("SPIN_COACH_TEST_SAVE_DELAY_MS", "400")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // The save sleeps 400 ms between writing the temp file and renaming it. Even
        // runs wait for the temp file to appear (so the kill lands mid-save however
        // slow the machine is); odd runs kill at a time that varies from run to run.
        if i % 2 == 0 {
            let seen = temp_names(&meetings);
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
            while std::time::Instant::now() < deadline
                && child.try_wait().expect("wait").is_none()
                && temp_names(&meetings).is_subset(&seen)
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        } else {
            std::thread::sleep(std::time::Duration::from_millis(150 + (i * 37) % 200));
        }
        if child.try_wait().expect("wait").is_none() {
            let _ = child.kill();
            killed += 1;
        }
        let _ = child.wait();
    }
    assert!(killed >= 6, "only {killed} kills landed");
    let temps = std::fs::read_dir(&meetings)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .count();
    assert!(temps > 0, "no kill landed mid-save");
    for (p, bytes) in &before {
        assert_eq!(
            &std::fs::read(p).expect("earlier meeting still there"),
            bytes,
            "earlier meeting unchanged"
        );
    }
    for p in json_files(&meetings) {
        let v: Result<serde_json::Value, _> =
            serde_json::from_slice(&std::fs::read(&p).expect("read"));
        assert!(v.is_ok(), "{} is corrupt", p.display());
    }
    let o = run_data(d.path(), &["history", "--format", "json"]);
    assert!(stderr(&o).is_empty(), "no corrupt files: {}", stderr(&o));
    let listed = serde_json::from_str::<serde_json::Value>(&stdout(&o))
        .expect("json")
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(listed, json_files(&meetings).len());
    assert!(listed >= 3);
}

#[test]
fn stale_temp_files_are_swept() {
    let d = tempfile::tempdir().expect("tempdir");
    save(d.path(), "bakery-vpn", "poor");
    let meetings = d.path().join("meetings");
    let stale = meetings.join(".tmp-1-old");
    let fresh = meetings.join(".tmp-2-new");
    std::fs::write(&stale, "partial").expect("write");
    std::fs::write(&fresh, "partial").expect("write");
    assert!(
        Command::new("touch")
            .args(["-d", "2 hours ago"])
            .arg(&stale)
            .status()
            .expect("touch")
            .success()
    );
    let _ = run_data(d.path(), &["history"]);
    assert!(!stale.exists(), "stale temp swept");
    assert!(fresh.exists(), "a fresh temp may belong to a running save");
}

#[test]
fn concurrent_instances_lose_nothing() {
    let d = tempfile::tempdir().expect("tempdir");
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(bin())
                .args([
                    "play",
                    "shop-vpn",
                    "--script",
                    "tests/scripts/shop-vpn/good.yaml",
                    "--save",
                ])
                .current_dir(root())
                .env("SPIN_COACH_DATA", d.path())
                .env("SPIN_COACH_CONFIG", d.path().join("none.yaml"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    assert_eq!(json_files(&d.path().join("meetings")).len(), 8);
}

/// Copies the export fixtures (four meetings, a record from a newer version, one
/// whose id is not its file name, one corrupt file) into a fresh data folder.
fn export_fixtures() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    let from = root().join("tests/fixtures/export/meetings");
    let to = d.path().join("meetings");
    std::fs::create_dir_all(&to).expect("mkdir");
    for f in json_files(&from) {
        std::fs::copy(&f, to.join(f.file_name().expect("name"))).expect("copy");
    }
    d
}

/// `export` output with the export time (the one thing that changes between
/// runs) replaced by `<exported_at>`.
fn export_out(data: &Path, args: &[&str]) -> (String, String) {
    let o = Command::new(bin())
        .args(args)
        .current_dir(root())
        .env("SPIN_COACH_DATA", data)
        .env("SPIN_COACH_CONFIG", data.join("no-config.yaml"))
        .env("TZ", "UTC")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    let text = stdout(&o)
        .lines()
        .map(|l| {
            if l.starts_with("  \"exported_at\": \"") {
                "  \"exported_at\": \"<exported_at>\",".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let text = if stdout(&o).ends_with('\n') {
        text + "\n"
    } else {
        text
    };
    (text, stderr(&o))
}

/// The export formats stay byte for byte what they were: the expected files in
/// `tests/fixtures/export/expected` were written by `export` before it streamed its
/// output (commit 08004cd) from the meetings in `tests/fixtures/export/meetings`
/// (two English and two Chinese meetings, one unfinished, two finished at the same
/// time, one with a trainee name and texts that need escaping: tabs, carriage
/// returns, bidi and C1 controls, a ZWJ sequence, Markdown and CSV formula
/// characters). Each command runs twice: once building the summary index (and
/// moving the corrupt file aside), once with it.
#[test]
fn export_output_is_unchanged_in_every_format() {
    let d = export_fixtures();
    let cases: [(&[&str], &str); 8] = [
        (&["export", "--all"], "all.md"),
        (
            &["export", "--all", "--trainee", "Ana <x>"],
            "all-trainee.md",
        ),
        (&["export", "--all", "--format", "json"], "all.json"),
        (
            &["export", "--all", "--format", "json", "--trainee", "Ana"],
            "all-trainee.json",
        ),
        (&["export", "--all", "--format", "csv"], "all.csv"),
        (
            &["export", "--all", "--format", "csv", "--trainee", "=Ana"],
            "all-trainee.csv",
        ),
        (&["export", "exp-c"], "one.md"),
        (&["export", "exp-c", "--format", "json"], "one.json"),
    ];
    for round in 0..2 {
        for (args, file) in cases {
            let want =
                std::fs::read_to_string(root().join("tests/fixtures/export/expected").join(file))
                    .expect("expected file");
            let (got, err) = export_out(d.path(), args);
            assert!(got == want, "round {round}: {args:?} differs from {file}");
            if args[1] == "--all" {
                assert!(
                    err.contains("exp-future.json: warning: written by a newer spin-coach")
                        && err.contains(
                            "exp-wrong.json: warning: its id `exp-other` is not its file name"
                        ),
                    "{err}"
                );
            }
        }
    }
    assert!(
        d.path().join("corrupt").exists(),
        "the corrupt file moved aside"
    );
    // To a file (-o) it is the same text.
    let f = d.path().join("out.json");
    let f = f.to_str().expect("utf8");
    let (_, err) = export_out(d.path(), &["export", "--all", "--format", "json", "-o", f]);
    assert!(err.contains("wrote 4 meeting(s)"), "{err}");
    let (want, _) = export_out(d.path(), &["export", "--all", "--format", "json"]);
    let got = std::fs::read_to_string(f).expect("read");
    let got = got
        .lines()
        .map(|l| {
            if l.starts_with("  \"exported_at\": \"") {
                "  \"exported_at\": \"<exported_at>\","
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    assert!(got == want, "-o writes what standard output shows");
    // No meetings: an empty document, a header, nothing.
    let e = tempfile::tempdir().expect("tempdir");
    let (json, _) = export_out(e.path(), &["export", "--all", "--format", "json"]);
    assert_eq!(
        json,
        "{\n  \"format\": 1,\n  \"trainee\": null,\n  \"exported_at\": \"<exported_at>\",\n  \"meetings\": []\n}\n"
    );
    let (csv, _) = export_out(e.path(), &["export", "--all", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1);
    assert!(
        csv.starts_with("id,trainee,") && csv.ends_with(",seed\n"),
        "{csv}"
    );
    let (md, _) = export_out(e.path(), &["export", "--all"]);
    assert_eq!(md, "");
}

/// Over many meetings (more than one batch of work), `export --all` is the
/// meetings' single exports in the history's order: Markdown joined by rules, CSV
/// rows under one header, JSON records in one `meetings` list.
#[test]
fn export_all_is_every_single_export_in_history_order() {
    let d = tempfile::tempdir().expect("tempdir");
    let to = d.path().join("meetings");
    std::fs::create_dir_all(&to).expect("mkdir");
    let from = root().join("tests/fixtures/export/meetings");
    let seeds: Vec<serde_json::Value> = ["exp-a", "exp-b", "exp-c", "exp-d"]
        .iter()
        .map(|id| {
            serde_json::from_str(
                &std::fs::read_to_string(from.join(format!("{id}.json"))).expect("read"),
            )
            .expect("json")
        })
        .collect();
    let n = 150;
    for i in 0..n {
        let mut r = seeds[i % seeds.len()].clone();
        let id = format!("m{i:03}");
        r["id"] = id.clone().into();
        // Some share a time, so the id breaks the tie.
        let t = format!("2026-02-{:02}T10:00:00Z", 1 + (i * 7) % 27);
        r["started_at"] = t.clone().into();
        if !r["finished_at"].is_null() {
            r["finished_at"] = t.into();
        }
        std::fs::write(
            to.join(format!("{id}.json")),
            serde_json::to_string_pretty(&r).expect("json"),
        )
        .expect("write");
    }
    let h = run_data(d.path(), &["history", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&h)).expect("json");
    let ids: Vec<&str> = rows
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids.len(), n);
    let one = |id: &str, format: &str| export_out(d.path(), &["export", id, "--format", format]).0;
    // Markdown.
    let (all, _) = export_out(d.path(), &["export", "--all"]);
    let want = ids
        .iter()
        .map(|id| one(id, "md"))
        .collect::<Vec<_>>()
        .join("\n---\n\n");
    assert!(
        all == want,
        "Markdown: --all is not the single exports joined"
    );
    // CSV.
    let (all, _) = export_out(d.path(), &["export", "--all", "--format", "csv"]);
    let mut want = String::new();
    for (k, id) in ids.iter().enumerate() {
        let o = one(id, "csv");
        let mut lines = o.lines();
        let header = lines.next().expect("header");
        if k == 0 {
            want.push_str(header);
            want.push('\n');
        }
        for l in lines {
            want.push_str(l);
            want.push('\n');
        }
    }
    assert!(all == want, "CSV: --all is not the single rows");
    // JSON: the record block of each single export, joined.
    let (all, _) = export_out(d.path(), &["export", "--all", "--format", "json"]);
    let blocks: Vec<String> = ids
        .iter()
        .map(|id| {
            let o = one(id, "json");
            let start = o.find("  \"meetings\": [\n").expect("list") + "  \"meetings\": [\n".len();
            let end = o.rfind("\n  ]\n}").expect("end");
            o[start..end].to_string()
        })
        .collect();
    let want = format!(
        "{{\n  \"format\": 1,\n  \"trainee\": null,\n  \"exported_at\": \"<exported_at>\",\n  \"meetings\": [\n{}\n  ]\n}}\n",
        blocks.join(",\n")
    );
    assert!(
        all == want,
        "JSON: --all is not the single records in order"
    );
}
