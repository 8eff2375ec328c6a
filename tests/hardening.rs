//! Regression tests for issue 11: hostile data and odd environments. Each test
//! names the defect it covers.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn run_data(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .current_dir(root())
        .env("SPIN_COACH_DATA", data)
        .env("SPIN_COACH_CONFIG", data.join("no-config.yaml"))
        .output()
        .expect("run")
}

/// A saved meeting of a bundled scenario, as JSON, with the given id and status.
fn meeting_json(id: &str, turns: usize) -> serde_json::Value {
    let loaded = spin_coach::scenario::bundled_by_id("bakery-vpn")
        .expect("bundled")
        .expect("valid");
    let path = root().join("tests/scripts/bakery-vpn/good.yaml");
    let mut inputs: Vec<_> = spin_coach::script::load_file(&path)
        .expect("script")
        .into_iter()
        .map(|t| t.input)
        .collect();
    inputs.truncate(turns);
    let (s, _) = spin_coach::session::Session::replay(
        std::sync::Arc::clone(&loaded.scenario),
        1,
        None,
        None,
        inputs.iter().cloned(),
    );
    let rec = spin_coach::store::record(
        id.to_string(),
        &loaded,
        &s,
        1,
        inputs,
        "2026-11-20T10:00:00Z".into(),
    );
    serde_json::to_value(&rec).expect("json")
}

fn write_json(path: &Path, v: &serde_json::Value) {
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d).expect("mkdir");
    }
    std::fs::write(path, serde_json::to_vec_pretty(v).expect("json")).expect("write");
}

// Defect 1: a meeting id is a file name; never a path.
#[test]
fn store_refuses_ids_that_are_not_plain_file_names() {
    let d = tempfile::tempdir().expect("tempdir");
    let data = d.path().join("data");
    let store = spin_coach::store::Store::new(data.clone());
    let outside = d.path().join("abs");
    std::fs::create_dir_all(&outside).expect("mkdir");
    let abs = outside.join("y").display().to_string();
    for bad in [
        "../../x", "../x", &abs, "", ".hidden", "a/b", "a\\b", "x\u{0}y",
    ] {
        let rec: spin_coach::store::Record =
            serde_json::from_value(meeting_json(bad, 2)).expect("record");
        let err = store.save(&rec).expect_err(bad);
        assert!(err.to_string().contains("meeting id"), "{bad}: {err}");
    }
    assert!(!d.path().join("x.json").exists());
    assert!(!outside.join("y.json").exists());
    let ok: spin_coach::store::Record =
        serde_json::from_value(meeting_json("20261120T100000-ab12", 2)).expect("record");
    store.save(&ok).expect("a plain id is saved");
}

// Defect 1: a meeting file whose id is not its file name is skipped, not loaded.
#[test]
fn meeting_whose_id_differs_from_its_file_name_is_skipped() {
    let d = tempfile::tempdir().expect("tempdir");
    let data = d.path().join("data");
    let mut v = meeting_json("../../x", 2);
    v["status"] = "unfinished".into();
    write_json(&data.join("meetings/evil.json"), &v);
    let mut w = meeting_json("other-name", 2);
    w["status"] = "unfinished".into();
    write_json(&data.join("meetings/mismatch.json"), &w);
    let loaded = spin_coach::store::Store::new(data.clone())
        .load_all()
        .expect("readable");
    assert!(loaded.records.is_empty(), "{:?}", loaded.records.len());
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings.iter().all(|w| w.contains("id")),
        "{:?}",
        loaded.warnings
    );
    assert!(
        data.join("meetings/evil.json").exists(),
        "left in place, not moved to corrupt/"
    );
}

// Defect 1, end to end in the trainer: resume a hostile unfinished meeting and ask.
#[cfg(feature = "tui")]
#[test]
fn resuming_a_hostile_meeting_never_writes_outside_the_data_directory() {
    use spin_coach::lang::Lang;
    use spin_coach::tui::action::Action;
    let d = tempfile::tempdir().expect("tempdir");
    let outside = d.path().join("abs");
    std::fs::create_dir_all(&outside).expect("mkdir");
    let abs = outside.join("y").display().to_string();
    for (n, id) in [("rel", "../../x"), ("abs", abs.as_str())] {
        let data = d.path().join(n).join("data");
        let mut v = meeting_json(id, 2);
        v["status"] = "unfinished".into();
        write_json(&data.join("meetings/m.json"), &v);
        let opts = spin_coach::tui::Options {
            lang: Some(Lang::En),
            seed: 1,
            data_dir: Some(data.clone()),
            ..Default::default()
        };
        let mut a = spin_coach::tui::build_app(&opts).unwrap_or_else(|ps| panic!("{ps:?}"));
        for x in [
            Action::Enter,
            Action::Paste("How many vans do you run?".into()),
            Action::Enter,
        ] {
            a.update(x);
        }
    }
    assert!(
        !d.path().join("rel/x.json").exists(),
        "wrote outside via ../"
    );
    assert!(
        !outside.join("y.json").exists(),
        "wrote outside via an absolute id"
    );
}

// Defect 3: only files that fail to parse go to corrupt/; the rest stay in place.
#[test]
fn newer_or_unreadable_meeting_files_are_skipped_not_moved() {
    let d = tempfile::tempdir().expect("tempdir");
    let m = d.path().join("meetings");
    let mut newer = meeting_json("newer", 2);
    newer["format"] = 2.into();
    newer["something_new"] = "x".into();
    write_json(&m.join("newer.json"), &newer);
    let mut newer_shape = serde_json::json!({"format": 3, "id": "shape", "inputs": "changed"});
    newer_shape["report"] = serde_json::Value::Null;
    write_json(&m.join("shape.json"), &newer_shape);
    std::fs::create_dir_all(m.join("folder.json")).expect("mkdir");
    std::fs::write(m.join("broken.json"), "{ not json").expect("write");
    write_json(&m.join("fine.json"), &meeting_json("fine", 3));
    let o = run_data(d.path(), &["history", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    let err = stderr(&o);
    assert!(
        err.contains("newer.json") && err.contains("newer spin-coach"),
        "{err}"
    );
    assert!(
        err.contains("shape.json") && err.contains("newer spin-coach"),
        "{err}"
    );
    assert!(err.contains("folder.json"), "{err}");
    for kept in ["newer.json", "shape.json", "folder.json", "fine.json"] {
        assert!(m.join(kept).exists(), "{kept} must stay in meetings/");
    }
    assert!(
        !m.join("broken.json").exists(),
        "a parse failure is moved aside"
    );
    let corrupt: Vec<String> = std::fs::read_dir(d.path().join("corrupt"))
        .expect("corrupt/")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(corrupt.len(), 1, "{corrupt:?}");
    assert!(corrupt[0].starts_with("broken.json"), "{corrupt:?}");
}

// Defect 10: symlinks in meetings/ are not followed (no duplicate records).
#[cfg(unix)]
#[test]
fn symlinked_meeting_files_are_not_followed() {
    let d = tempfile::tempdir().expect("tempdir");
    let m = d.path().join("meetings");
    write_json(&m.join("real.json"), &meeting_json("real", 3));
    std::os::unix::fs::symlink(m.join("real.json"), m.join("link.json")).expect("symlink");
    let o = run_data(d.path(), &["history", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    assert!(stderr(&o).contains("link.json"), "{}", stderr(&o));
    assert!(m.join("link.json").exists(), "left in place");
}

// Defect 10: an exact id wins over ids it is a prefix of.
#[test]
fn export_chooses_an_exact_id_that_prefixes_another() {
    let d = tempfile::tempdir().expect("tempdir");
    let m = d.path().join("meetings");
    write_json(&m.join("abc.json"), &meeting_json("abc", 3));
    write_json(&m.join("abc-2.json"), &meeting_json("abc-2", 2));
    let o = run_data(d.path(), &["export", "abc", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["meetings"][0]["id"], "abc");
    let o = run_data(d.path(), &["export", "ab", "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a prefix of two is still ambiguous"
    );
}

// Defect 10: a data directory that is a file is an error, not an empty history.
#[test]
fn history_on_a_data_directory_that_is_a_file_fails() {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("data");
    std::fs::write(&file, "x").expect("write");
    for cmd in [&["history"][..], &["stats"], &["export", "--all"]] {
        let o = run_data(&file, cmd);
        assert_eq!(o.status.code(), Some(1), "{cmd:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("data"), "{cmd:?}: {}", stderr(&o));
    }
}

#[cfg(feature = "tui")]
fn trainer(data: &Path) -> spin_coach::tui::app::App {
    let opts = spin_coach::tui::Options {
        lang: Some(spin_coach::lang::Lang::En),
        seed: 1,
        data_dir: Some(data.to_path_buf()),
        ..Default::default()
    };
    spin_coach::tui::build_app(&opts).unwrap_or_else(|ps| panic!("{ps:?}"))
}

#[cfg(feature = "tui")]
fn act(a: &mut spin_coach::tui::app::App, actions: Vec<spin_coach::tui::action::Action>) {
    for x in actions {
        a.update(x);
    }
}

#[cfg(feature = "tui")]
fn saved_inputs(path: &Path) -> usize {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    v["inputs"].as_array().map_or(0, Vec::len)
}

// Defect 2: a second trainer cannot resume a meeting another trainer has open.
#[cfg(feature = "tui")]
#[test]
fn second_trainer_cannot_resume_an_open_meeting() {
    use spin_coach::tui::action::Action;
    use spin_coach::tui::keymap::Kind;
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("meetings/m1.json");
    let mut v = meeting_json("m1", 2);
    v["status"] = "unfinished".into();
    write_json(&file, &v);
    let mut first = trainer(d.path());
    let mut second = trainer(d.path());
    act(&mut first, vec![Action::Enter]);
    assert_eq!(first.kind(), Kind::Meeting);
    act(&mut second, vec![Action::Enter]);
    assert_eq!(second.kind(), Kind::Picker, "refused");
    let msg = second.shared.message.clone().unwrap_or_default();
    assert!(msg.contains("another trainer"), "{msg}");
    act(
        &mut first,
        vec![
            Action::Paste("Is it hard to reach the drivers?".into()),
            Action::Enter,
        ],
    );
    assert_eq!(saved_inputs(&file), 3);
    // Once the first trainer leaves the meeting, the second may resume it.
    act(&mut first, vec![Action::Back, Action::ConfirmYes]);
    assert_eq!(first.kind(), Kind::Picker);
    second.shared.refresh_history();
    // The first key dismisses the message; the next opens the meeting.
    act(&mut second, vec![Action::Enter, Action::Enter]);
    assert_eq!(second.kind(), Kind::Meeting, "{:?}", second.shared.message);
    assert_eq!(second.meeting().map(|m| m.inputs.len()), Some(3));
}

// Defect 2: where locks do not reach (another computer on a shared folder), a save
// never overwrites turns it has not seen: the trainer's turns go to a new meeting.
#[cfg(feature = "tui")]
#[test]
fn a_meeting_changed_behind_the_trainers_back_is_not_overwritten() {
    use spin_coach::tui::action::Action;
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("meetings/m1.json");
    let mut v = meeting_json("m1", 2);
    v["status"] = "unfinished".into();
    write_json(&file, &v);
    let mut a = trainer(d.path());
    act(&mut a, vec![Action::Enter]);
    // Someone else, unseen, continues the same meeting with three more turns.
    let mut other = meeting_json("m1", 5);
    other["status"] = "unfinished".into();
    write_json(&file, &other);
    act(
        &mut a,
        vec![
            Action::Paste("How many vans do you run?".into()),
            Action::Enter,
        ],
    );
    assert_eq!(saved_inputs(&file), 5, "the other trainer's turns are kept");
    let files: Vec<_> = std::fs::read_dir(d.path().join("meetings"))
        .expect("meetings")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && *p != file)
        .collect();
    assert_eq!(
        files.len(),
        1,
        "this trainer's turns saved as a new meeting"
    );
    assert_eq!(saved_inputs(&files[0]), 3);
    let msg = a.shared.message.clone().unwrap_or_default();
    assert!(msg.contains("new meeting"), "{msg}");
}

#[cfg(feature = "tui")]
mod terminal {
    use super::common;
    use std::process::Command;
    use std::time::{Duration, Instant};

    pub fn tmux(args: &[&str]) -> String {
        let o = Command::new("tmux").args(args).output().expect("tmux");
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    pub fn have_tmux() -> bool {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            ok || std::env::var_os("SPIN_COACH_REQUIRE_TMUX").is_none(),
            "tmux is required here (SPIN_COACH_REQUIRE_TMUX is set)"
        );
        ok
    }

    pub fn wait_for(what: impl Fn() -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if what() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    pub struct Session(pub String);

    impl Drop for Session {
        fn drop(&mut self) {
            let _ = Command::new("tmux")
                .args(["kill-session", "-t", &self.0])
                .output();
        }
    }

    /// Starts the trainer in a tmux pane; returns the session, its pid and a file
    /// that receives `stty -a` and the exit code after it ends.
    pub fn start(name: &str, dir: &std::path::Path) -> (Session, String, std::path::PathBuf) {
        let pid = dir.join("pid");
        let after = dir.join("after.txt");
        let cmd = format!(
            "sh -c 'echo $$ > {}; exec env SPIN_COACH_CONFIG=/nonexistent/config.yaml SPIN_COACH_DATA={} {} train bakery-vpn --lang en'; echo EXIT=$? > '{}'; stty -a >> '{}'; sleep 30",
            pid.display(),
            dir.join("data").display(),
            common::bin().display(),
            after.display(),
            after.display()
        );
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", name])
            .output();
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "100",
                "-y",
                "30",
                &cmd,
            ])
            .env("LANG", "C.UTF-8")
            .status()
            .expect("tmux new-session");
        assert!(ok.success());
        let s = Session(name.to_string());
        assert!(
            wait_for(|| tmux(&["capture-pane", "-p", "-t", name]).contains("Briefing")),
            "{}",
            tmux(&["capture-pane", "-p", "-t", name])
        );
        let pid = std::fs::read_to_string(&pid)
            .expect("pid")
            .trim()
            .to_string();
        (s, pid, after)
    }

    pub fn alternate(s: &Session) -> String {
        tmux(&["display", "-p", "-t", &s.0, "#{alternate_on}"])
            .trim()
            .to_string()
    }

    pub fn kill(sig: &str, pid: &str) {
        assert!(
            Command::new("kill")
                .args([sig, pid])
                .status()
                .expect("kill")
                .success()
        );
    }

    pub fn pane_modes(s: &Session) -> String {
        let tty = tmux(&["display", "-p", "-t", &s.0, "#{pane_tty}"]);
        let o = Command::new("stty")
            .args(["-a", "-F", tty.trim()])
            .output()
            .expect("stty");
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    pub fn cooked(modes: &str) -> bool {
        !modes.contains("-icanon") && !modes.contains("-echo ")
    }
}

// Defect 4: an outside SIGINT restores the terminal and exits 130.
#[cfg(feature = "tui")]
#[test]
fn sigint_from_outside_restores_the_terminal() {
    use terminal::*;
    if !have_tmux() {
        eprintln!("tmux not installed: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (s, pid, after) = start("spin-hard-int", dir.path());
    assert_eq!(alternate(&s), "1");
    kill("-INT", &pid);
    assert!(wait_for(
        || std::fs::read_to_string(&after).is_ok_and(|t| t.contains("speed"))
    ));
    let text = std::fs::read_to_string(&after).expect("after");
    assert!(text.contains("EXIT=130"), "{text}");
    assert!(cooked(&text), "cooked mode restored: {text}");
    assert_eq!(alternate(&s), "0", "main screen restored");
}

// Defect 4: SIGTSTP restores the terminal while stopped; SIGCONT takes it back and redraws.
#[cfg(feature = "tui")]
#[test]
fn suspend_and_continue_restore_and_retake_the_terminal() {
    use terminal::*;
    if !have_tmux() {
        eprintln!("tmux not installed: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (s, pid, after) = start("spin-hard-tstp", dir.path());
    assert!(!cooked(&pane_modes(&s)), "raw while running");
    kill("-TSTP", &pid);
    let stopped = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|st| {
            st.rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('T'))
        })
    };
    assert!(wait_for(stopped), "the trainer stops on SIGTSTP");
    assert!(
        wait_for(|| alternate(&s) == "0"),
        "main screen while stopped"
    );
    assert!(
        cooked(&pane_modes(&s)),
        "cooked while stopped: {}",
        pane_modes(&s)
    );
    kill("-CONT", &pid);
    assert!(wait_for(|| alternate(&s) == "1"), "alternate screen again");
    assert!(wait_for(|| !cooked(&pane_modes(&s))), "raw again");
    assert!(
        wait_for(|| tmux(&["capture-pane", "-p", "-t", &s.0]).contains("Briefing")),
        "redrawn: {}",
        tmux(&["capture-pane", "-p", "-t", &s.0])
    );
    kill("-TERM", &pid);
    assert!(wait_for(
        || std::fs::read_to_string(&after).is_ok_and(|t| t.contains("speed"))
    ));
}

// Defect 5: without a terminal the trainer says so at once and writes nothing to stdout.
#[cfg(feature = "tui")]
#[test]
fn trainer_without_a_terminal_says_so() {
    for args in [&["train"][..], &[], &["learn"], &["replay", "x"]] {
        let start = std::time::Instant::now();
        let d = tempfile::tempdir().expect("tempdir");
        let o = Command::new(bin())
            .args(args)
            .env("SPIN_COACH_DATA", d.path())
            .env("SPIN_COACH_CONFIG", d.path().join("none.yaml"))
            .env("LANG", "C.UTF-8")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            o.stdout.is_empty(),
            "{args:?}: no escape sequences in the pipe"
        );
        assert!(
            stderr(&o).contains("the trainer needs a terminal; use `spin-coach play` for scripts"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(
            start.elapsed() < std::time::Duration::from_millis(1500),
            "no hang"
        );
    }
}

// Defect 5: TERM=dumb is honoured.
#[cfg(feature = "tui")]
#[test]
fn trainer_refuses_a_dumb_terminal() {
    use terminal::*;
    if !have_tmux() {
        eprintln!("tmux not installed: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.txt");
    let cmd = format!(
        "TERM=dumb SPIN_COACH_CONFIG=/nonexistent/config.yaml {} train bakery-vpn --lang en 2> '{}'; echo EXIT=$? >> '{}'; sleep 30",
        common::bin().display(),
        out.display(),
        out.display()
    );
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", "spin-hard-dumb"])
        .output();
    assert!(
        Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                "spin-hard-dumb",
                "-x",
                "100",
                "-y",
                "30",
                &cmd
            ])
            .status()
            .expect("tmux")
            .success()
    );
    let _s = Session("spin-hard-dumb".into());
    assert!(wait_for(
        || std::fs::read_to_string(&out).is_ok_and(|t| t.contains("EXIT="))
    ));
    let text = std::fs::read_to_string(&out).expect("out");
    assert!(text.contains("EXIT=2"), "{text}");
    assert!(text.contains("TERM=dumb"), "{text}");
}

/// Runs the binary with standard output (or error) going to a pipe nobody reads.
fn run_closed_pipe(data: &Path, args: &[&str], which: &str) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut c = Command::new(bin());
    c.args(args)
        .current_dir(root())
        .env("SPIN_COACH_DATA", data)
        .env("SPIN_COACH_CONFIG", data.join("no-config.yaml"))
        .env("RUST_BACKTRACE", "1");
    if which == "stdout" {
        c.stdout(writer).stderr(std::process::Stdio::piped());
    } else {
        c.stderr(writer).stdout(std::process::Stdio::piped());
    }
    c.output().expect("run")
}

// Defect 6: a reader that goes away (`| head`) never makes a command panic.
#[test]
fn every_command_exits_quietly_on_a_broken_pipe() {
    let d = tempfile::tempdir().expect("tempdir");
    let data = d.path().join("data");
    write_json(&data.join("meetings/m1.json"), &meeting_json("m1", 9));
    let export = d.path().join("export.json");
    let o = run_data(
        &data,
        &[
            "export",
            "--all",
            "--format",
            "json",
            "-o",
            &export.display().to_string(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let newdir = d.path().join("new");
    let export = export.display().to_string();
    let newdir = newdir.display().to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--format", "json"],
        vec!["history"],
        vec!["history", "--format", "json"],
        vec!["stats"],
        vec!["export", "--all"],
        vec!["export", "m1", "--format", "csv"],
        vec!["classify", "How many vans do you run?"],
        vec!["classify", "--format", "json", "How many vans do you run?"],
        vec!["validate", "scenarios"],
        vec!["schema"],
        vec!["test"],
        vec!["explore", "bakery-vpn", "--runs", "2"],
        vec![
            "play",
            "bakery-vpn",
            "--script",
            "tests/scripts/bakery-vpn/good.yaml",
        ],
        vec![
            "play",
            "bakery-vpn",
            "--script",
            "tests/scripts/bakery-vpn/good.yaml",
            "--format",
            "json",
            "--save",
        ],
        vec!["class-report", &export],
        vec!["class-report", &export, "--format", "csv"],
        vec!["new", "pipe-test", "-o", &newdir],
        vec!["--help"],
        vec!["--version"],
        vec!["history", "--bogus"],
    ];
    for args in &commands {
        for which in ["stdout", "stderr"] {
            let o = run_closed_pipe(&data, args, which);
            let err = stderr(&o);
            assert_ne!(
                o.status.code(),
                Some(101),
                "{args:?} ({which} closed): {err}"
            );
            assert!(
                !err.contains("panicked"),
                "{args:?} ({which} closed): {err}"
            );
            assert!(
                !err.contains("Broken pipe"),
                "{args:?} ({which} closed): quiet, not {err}"
            );
            if which == "stdout" && !args.contains(&"--bogus") {
                assert!(
                    o.status.code().is_some_and(|c| c == 0 || c == 1),
                    "{args:?}: {:?} {err}",
                    o.status
                );
            }
        }
        let _ = std::fs::remove_dir_all(&newdir);
    }
}

// Defect 7: a trainee name that becomes a formula after a tab is neutralised in CSV.
#[test]
fn csv_export_neutralises_a_formula_behind_a_tab() {
    let d = tempfile::tempdir().expect("tempdir");
    write_json(&d.path().join("meetings/m1.json"), &meeting_json("m1", 3));
    for name in ["\t=1+1", " =1+1", "\u{a0}=1+1", "\u{200b}=1+1"] {
        let o = run_data(
            d.path(),
            &[
                "export",
                "m1",
                "--format",
                "csv",
                &format!("--trainee={name}"),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        let row = out.lines().nth(1).expect("a row");
        let cell = row.split(',').nth(1).expect("trainee cell");
        assert!(cell.starts_with("\"'"), "{name:?} came out as {cell:?}");
    }
}

const MD_PAYLOAD: &str =
    "![p](http://x/t.png) `code` <b>x</b> [l](http://x) <http://x/a> *e* _u_ &lt; | # \\ ~~s~~ #";

/// Parses Markdown (with GFM tables) and fails on any image, link or HTML; returns the text.
fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut text = String::new();
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Start(Tag::Image { .. } | Tag::Link { .. } | Tag::Strikethrough)
            | Event::Html(_)
            | Event::InlineHtml(_) => panic!("markup from data: {ev:?}\n{md}"),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            _ => {}
        }
    }
    text
}

fn hostile_meeting(id: &str) -> serde_json::Value {
    let mut v = meeting_json(id, 9);
    v["status"] = "finished".into();
    v["finished_at"] = "2026-11-20T10:20:00Z".into();
    v["trainee"] = MD_PAYLOAD.into();
    let r = &mut v["report"];
    for k in ["title", "scenario", "difficulty"] {
        r[k] = MD_PAYLOAD.into();
    }
    r["relationship"]["reason"] = MD_PAYLOAD.into();
    for n in r["needs"].as_array_mut().expect("needs") {
        n["summary"] = MD_PAYLOAD.into();
    }
    for t in r["tips"].as_array_mut().expect("tips") {
        t["rule"] = MD_PAYLOAD.into();
        t["tip"] = MD_PAYLOAD.into();
    }
    for t in r["turns"].as_array_mut().expect("turns") {
        for k in ["kind", "speaker", "reply", "input"] {
            t[k] = MD_PAYLOAD.into();
        }
        for f in t["findings"].as_array_mut().expect("findings") {
            f["rule"] = MD_PAYLOAD.into();
            f["reason"] = MD_PAYLOAD.into();
        }
    }
    v["scenario"] = MD_PAYLOAD.into();
    v
}

// Defect 8: Markdown specials in data are escaped in `export --format md`.
#[test]
fn markdown_export_escapes_every_special() {
    let d = tempfile::tempdir().expect("tempdir");
    write_json(&d.path().join("meetings/m1.json"), &hostile_meeting("m1"));
    let o = run_data(d.path(), &["export", "m1", "--format", "md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = markdown_text(&stdout(&o));
    assert!(
        text.matches(MD_PAYLOAD).count() >= 5,
        "shown as written: {text}"
    );
}

// Defect 8: and in `class-report`, including rule names in code spans.
#[test]
fn class_report_escapes_every_special() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut m = hostile_meeting("m1");
    m["report"]["turns"][0]["findings"] = serde_json::json!([
        {"rule": "a`b ![i](http://x/i.png) `c", "part": "investigating", "points": -2, "reason": "r"}
    ]);
    let export = serde_json::json!({
        "format": 1, "trainee": MD_PAYLOAD, "exported_at": "2026-11-20T10:00:00Z",
        "meetings": [m]
    });
    let f = d.path().join("class.json");
    write_json(&f, &export);
    let o = run_data(d.path(), &["class-report", &f.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = markdown_text(&stdout(&o));
    assert!(text.contains(MD_PAYLOAD), "{text}");
    assert!(text.contains("a`b ![i](http://x/i.png) `c"), "{text}");
}

fn finished(id: &str) -> serde_json::Value {
    let mut v = meeting_json(id, 9);
    v["status"] = "finished".into();
    v["finished_at"] = "2026-11-20T10:20:00Z".into();
    v
}

// Defect 9: class reports reject numbers outside their ranges, naming file and field.
#[test]
fn class_report_rejects_numbers_out_of_range() {
    let d = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[&str], serde_json::Value); 4] = [
        (
            "total",
            &["report", "score", "total"],
            2_147_483_647_i64.into(),
        ),
        (
            "share",
            &["report", "counts", "in_share"],
            4_294_967_295_u64.into(),
        ),
        (
            "count",
            &["report", "counts", "implication"],
            4_294_967_295_u64.into(),
        ),
        (
            "part",
            &["report", "score", "parts", "developing", "points"],
            (-5).into(),
        ),
    ];
    for (name, path, value) in cases {
        let mut m = finished("m1");
        let mut at = &mut m;
        for k in path {
            at = &mut at[*k];
        }
        *at = value;
        let export = serde_json::json!({
            "format": 1, "trainee": "Ann", "exported_at": "2026-11-20T10:00:00Z",
            "meetings": [finished("ok"), m]
        });
        let f = d.path().join(format!("{name}.json"));
        write_json(&f, &export);
        let o = run_data(d.path(), &["class-report", &f.display().to_string()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        let field = format!("meetings[1].{}", path.join("."));
        assert!(
            err.contains(&format!("{name}.json")) && err.contains(&field),
            "{name}: names the file and {field}: {err}"
        );
        let out = stdout(&o);
        assert!(
            out.contains("1 finished meetings"),
            "{name}: the good one is kept: {out}"
        );
        assert!(
            !out.contains("4294967295") && !out.contains("2147483647"),
            "{out}"
        );
    }
}

// Defect 9: `stats` and `history` never wrap or print absurd numbers from meeting files.
#[test]
fn stats_on_extreme_scores_does_not_wrap() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut low = finished("low");
    low["report"]["score"]["total"] = i64::from(i32::MIN).into();
    low["finished_at"] = "2026-11-20T10:20:00Z".into();
    let mut high = finished("high");
    high["report"]["score"]["total"] = i64::from(i32::MAX).into();
    high["finished_at"] = "2026-11-21T10:20:00Z".into();
    write_json(&d.path().join("meetings/low.json"), &low);
    write_json(&d.path().join("meetings/high.json"), &high);
    write_json(&d.path().join("meetings/ok.json"), &finished("ok"));
    for cmd in ["stats", "history"] {
        let o = run_data(d.path(), &[cmd]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{cmd}: {err}");
        assert!(err.contains("score.total"), "{cmd}: {err}");
        let out = stdout(&o);
        assert!(
            !out.contains("2147483647") && !out.contains("-2147483648"),
            "{cmd}: {out}"
        );
    }
}

// Defect 10: a very long script is refused for its length, not as "too deeply nested".
#[test]
fn a_30000_turn_script_is_refused_for_its_length() {
    let d = tempfile::tempdir().expect("tempdir");
    let script = d.path().join("long.yaml");
    std::fs::write(&script, "- ask: How many vans?\n".repeat(30_000)).expect("write");
    let o = run_data(
        d.path(),
        &[
            "play",
            "bakery-vpn",
            "--script",
            &script.display().to_string(),
        ],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("nested"), "{err}");
    assert!(
        err.contains("long.yaml:") && err.contains("too many"),
        "{err}"
    );
}

// Defect 10: `-o -` is standard output, not a file named `-`.
#[test]
fn export_to_dash_writes_standard_output() {
    let d = tempfile::tempdir().expect("tempdir");
    write_json(&d.path().join("meetings/m1.json"), &meeting_json("m1", 3));
    let o = Command::new(bin())
        .args(["export", "m1", "--format", "json", "-o", "-"])
        .current_dir(d.path())
        .env("SPIN_COACH_DATA", d.path())
        .env("SPIN_COACH_CONFIG", d.path().join("none.yaml"))
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!d.path().join("-").exists(), "no file named -");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json on stdout");
    assert_eq!(v["meetings"][0]["id"], "m1");
}

// Defect 10: an `-o` that cannot be written blames the output file, not the data directory.
#[test]
fn export_output_errors_name_the_output_file() {
    let d = tempfile::tempdir().expect("tempdir");
    write_json(&d.path().join("meetings/m1.json"), &meeting_json("m1", 3));
    let target = d.path().join("no/such/folder/out.md");
    let o = run_data(
        d.path(),
        &["export", "m1", "-o", &target.display().to_string()],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&target.display().to_string()), "{err}");
    assert!(
        !err.contains("data directory") && !err.contains(".tmp-"),
        "{err}"
    );
    assert!(err.contains("-o"), "says what to do: {err}");
}

// Defect 10: over-long company names, fact topics and other texts are refused.
#[test]
fn over_long_company_and_topic_are_refused() {
    let d = tempfile::tempdir().expect("tempdir");
    let src = std::fs::read_to_string(root().join("scenarios/bakery-vpn.yaml")).expect("read");
    let long = "x".repeat(10_000);
    for (field, needle) in [("company", "  company: "), ("topic", "    topic: ")] {
        let at = src
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in the scenario"));
        let end = at + src[at..].find('\n').expect("line end");
        let bad = format!("{}{needle}{long}{}", &src[..at], &src[end..]);
        let f = d.path().join(format!("{field}.yaml"));
        std::fs::write(&f, bad).expect("write");
        let o = run_data(d.path(), &["validate", &f.display().to_string()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{field}: {err}");
        assert!(
            err.contains(field) && err.contains("10000 characters"),
            "{field}: {err}"
        );
    }
}

fn run_stdin(data: &Path, args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(root())
        .env("SPIN_COACH_DATA", data)
        .env("SPIN_COACH_CONFIG", data.join("no-config.yaml"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("wait")
}

// Convention: `-` is standard input for --script, validate and class-report.
#[test]
fn dash_reads_standard_input() {
    let d = tempfile::tempdir().expect("tempdir");
    let script = std::fs::read(root().join("tests/scripts/bakery-vpn/good.yaml")).expect("read");
    let by_file = run_data(
        d.path(),
        &[
            "play",
            "bakery-vpn",
            "--script",
            "tests/scripts/bakery-vpn/good.yaml",
        ],
    );
    let by_stdin = run_stdin(d.path(), &["play", "bakery-vpn", "--script", "-"], &script);
    assert_eq!(by_stdin.status.code(), Some(0), "{}", stderr(&by_stdin));
    assert_eq!(stdout(&by_file), stdout(&by_stdin));
    let bad = run_stdin(
        d.path(),
        &["play", "bakery-vpn", "--script", "-"],
        b"- ask: a\n- shout: b\n",
    );
    assert!(stderr(&bad).starts_with("<stdin>:2:"), "{}", stderr(&bad));

    let scenario = std::fs::read(root().join("scenarios/bakery-vpn.yaml")).expect("read");
    let o = run_stdin(d.path(), &["validate", "-"], &scenario);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("ok: <stdin>"), "{}", stdout(&o));

    let export = serde_json::json!({
        "format": 1, "trainee": "Ann", "exported_at": "2026-11-20T10:00:00Z",
        "meetings": [finished("m1")]
    });
    let o = run_stdin(
        d.path(),
        &["class-report", "-"],
        export.to_string().as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("| Ann |"), "{}", stdout(&o));
}

// Convention: `--format json` on stats, validate, test and class-report, one document each.
#[test]
fn json_output_of_stats_validate_test_and_class_report() {
    let d = tempfile::tempdir().expect("tempdir");
    let parse = |o: &std::process::Output| -> serde_json::Value {
        serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
    };
    let o = run_data(d.path(), &["stats", "--format", "json"]);
    assert_eq!(parse(&o)["meetings"], 0);
    write_json(&d.path().join("meetings/m1.json"), &finished("m1"));
    let o = run_data(d.path(), &["stats", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = parse(&o);
    assert_eq!(v["meetings"], 1);
    assert_eq!(v["scenarios"][0]["scenario"], "bakery-vpn");
    assert!(v["scenarios"][0]["best"].is_number());
    assert_eq!(v["behaviours"].as_array().map(Vec::len), Some(10));

    let broken = d.path().join("broken.yaml");
    std::fs::write(&broken, "id: x\nnope: 1\n").expect("write");
    let o = run_data(
        d.path(),
        &[
            "validate",
            "--format",
            "json",
            "scenarios/bakery-vpn.yaml",
            &broken.display().to_string(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let v = parse(&o);
    assert_eq!(v["checked"], 2);
    assert_eq!(v["invalid"], 1);
    assert_eq!(v["files"][0]["valid"], true);
    assert_eq!(v["files"][1]["valid"], false);
    assert_eq!(v["files"][1]["problems"][0]["line"], 2);
    assert!(
        stderr(&o).is_empty(),
        "json mode keeps stderr quiet: {}",
        stderr(&o)
    );

    let o = run_data(d.path(), &["test", "--format", "json", "bakery-vpn"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = parse(&o);
    assert!(v["passed"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(v["failed"], 0);
    assert!(v["files"][0]["cases"][0]["checks"][0]["passed"].is_boolean());

    let export = serde_json::json!({
        "format": 1, "trainee": "Ann", "exported_at": "2026-11-20T10:00:00Z",
        "meetings": [finished("m1")]
    });
    let f = d.path().join("e.json");
    write_json(&f, &export);
    let o = run_data(
        d.path(),
        &["class-report", "--format", "json", &f.display().to_string()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = parse(&o);
    assert_eq!(v["meetings"], 1);
    assert_eq!(v["trainees"][0]["trainee"], "Ann");
    assert_eq!(v["weakest_parts"].as_array().map(Vec::len), Some(4));
}

// Convention: completions and a man page generated from the clap definitions.
#[test]
fn completions_and_man_page() {
    let d = tempfile::tempdir().expect("tempdir");
    for (shell, marker) in [
        ("bash", "complete -F _spin__coach"),
        ("zsh", "#compdef spin-coach"),
        ("fish", "complete -c spin-coach"),
    ] {
        let o = run_data(d.path(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            out.contains(marker),
            "{shell}: {}",
            &out[..out.len().min(300)]
        );
        assert!(
            out.contains("class-report"),
            "{shell}: subcommands complete"
        );
    }
    let o = run_data(d.path(), &["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(".ie") || out.contains(".TH spin-coach 1"),
        "{out}"
    );
    assert!(
        out.contains(".SH SUBCOMMANDS") && out.contains("class\\-report"),
        "{out}"
    );
    let o = run_data(d.path(), &["man", "export"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(".TH spin-coach-export 1"), "{out}");
    assert!(
        out.contains("\\-\\-trainee"),
        "the command's options: {out}"
    );
    let o = run_data(d.path(), &["man", "nope"]);
    assert_eq!(o.status.code(), Some(2));
}

// Convention: a broken config file is an error with line:col, for the commands that use it.
#[test]
fn a_broken_config_file_is_reported_with_line_and_column() {
    let d = tempfile::tempdir().expect("tempdir");
    write_json(&d.path().join("meetings/m1.json"), &meeting_json("m1", 3));
    let cfg = d.path().join("config.yaml");
    std::fs::write(&cfg, "theme: light\ncolour: red\n").expect("write");
    for args in [&["export", "--all"][..], &["train"], &["learn"]] {
        let o = Command::new(bin())
            .args(args)
            .env("SPIN_COACH_DATA", d.path())
            .env("SPIN_COACH_CONFIG", &cfg)
            .output()
            .expect("run");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "{}:2:1: error: unknown field `colour`",
                cfg.display()
            )),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // --trainee makes the config file unnecessary for export.
    let o = run_data(d.path(), &["export", "--all", "--trainee", "Ann"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

// Convention: the config file's language and theme reach the trainer; flags override them.
#[cfg(feature = "tui")]
#[test]
fn config_file_sets_trainer_defaults_and_flags_override() {
    use terminal::*;
    if !have_tmux() {
        eprintln!("tmux not installed: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.yaml");
    std::fs::write(&cfg, "lang: zh\ntheme: mono\nprojector: false\n").expect("write");
    for (name, flag, expect) in [
        ("spin-hard-cfg-zh", "", "会前简报"),
        ("spin-hard-cfg-en", "--lang en", "Briefing"),
    ] {
        let cmd = format!(
            "SPIN_COACH_CONFIG='{}' SPIN_COACH_DATA='{}' {} train bakery-vpn {flag}; sleep 30",
            cfg.display(),
            dir.path().join("data").display(),
            common::bin().display()
        );
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", name])
            .output();
        assert!(
            Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    name,
                    "-x",
                    "100",
                    "-y",
                    "30",
                    &cmd
                ])
                .env("LANG", "C.UTF-8")
                .status()
                .expect("tmux")
                .success()
        );
        let _s = Session(name.into());
        assert!(
            wait_for(|| tmux(&["capture-pane", "-p", "-t", name]).contains(expect)),
            "{name}: {}",
            tmux(&["capture-pane", "-p", "-t", name])
        );
    }
}

// Convention: dates are shown in local time with the offset (stored in UTC).
#[test]
fn history_and_markdown_show_local_time_with_the_offset() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut m = finished("m1");
    m["finished_at"] = "2026-11-20T15:30:00Z".into();
    write_json(&d.path().join("meetings/m1.json"), &m);
    for (tz, shown) in [
        ("UTC0", "2026-11-20 15:30 +00:00"),
        ("CST-8", "2026-11-20 23:30 +08:00"),
        ("NST3:30", "2026-11-20 12:00 -03:30"),
    ] {
        for args in [&["history"][..], &["export", "m1", "--format", "md"]] {
            let o = Command::new(bin())
                .args(args)
                .env("SPIN_COACH_DATA", d.path())
                .env("SPIN_COACH_CONFIG", d.path().join("none.yaml"))
                .env("TZ", tz)
                .output()
                .expect("run");
            assert!(stdout(&o).contains(shown), "{tz} {args:?}: {}", stdout(&o));
        }
    }
    let o = run_data(d.path(), &["export", "m1", "--format", "json"]);
    assert!(
        stdout(&o).contains("\"finished_at\": \"2026-11-20T15:30:00Z\""),
        "stored in UTC"
    );
}

/// `export -o` onto a pipe or a device writes into it: it is never replaced by a
/// file (as root, `-o /dev/null` used to rename a regular file over /dev/null).
#[cfg(unix)]
#[test]
fn export_to_a_pipe_writes_into_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().expect("tempdir");
    let fifo = d.path().join("out.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
    };
    let data = d.path().join("data");
    let o = std::process::Command::new(bin())
        .args(["--data-dir"])
        .arg(&data)
        .args(["export", "--all", "--format", "csv", "-o"])
        .arg(&fifo)
        .env("HOME", d.path())
        .env("XDG_CONFIG_HOME", d.path().join("config"))
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run");
    if !o.status.success() {
        // Let the reader finish before failing, so the test cannot hang.
        drop(std::fs::OpenOptions::new().write(true).open(&fifo));
    }
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Checked before waiting for the reader: a replaced pipe is never written to.
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
    let got = reader.join().expect("reader");
    assert!(got.starts_with("id,"), "{got}");
    let left: Vec<_> = std::fs::read_dir(d.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .collect();
    assert!(left.is_empty(), "no temp file is left behind");
}
