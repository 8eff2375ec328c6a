//! Hostile inputs: each is rejected cleanly (exit 1, a located error, no panic)
//! under a 256 MiB address-space limit, and well within a watchdog.
//! The timing figures are measured by `benches/hostile.sh`, not asserted here.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `validate <path>` with `ulimit -v 256 MiB`, killing it after 20 s.
fn validate_limited(path: &Path) -> (Option<i32>, String) {
    let script = format!(
        "ulimit -v 262144; exec '{}' validate \"$1\"",
        bin().display()
    );
    let mut child = Command::new("sh")
        .args(["-c", &script, "sh"])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            use std::io::Read;
            if let Some(mut e) = child.stderr.take() {
                e.read_to_string(&mut err).expect("read stderr");
            }
            return (status.code(), err);
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("validate {} hung", path.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn assert_rejected(path: &Path, phrase: &str) {
    let (code, err) = validate_limited(path);
    assert_eq!(code, Some(1), "{}: {err}", path.display());
    assert!(err.contains(": error: "), "{err}");
    assert!(err.contains(phrase), "want {phrase:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !err.chars().any(|c| c.is_control() && c != '\n'),
        "control char in {err:?}"
    );
}

#[test]
fn alias_bomb_is_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut y = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        y.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let p = dir.path().join("bomb.yaml");
    std::fs::write(&p, y).expect("write");
    assert_rejected(&p, "bomb.yaml:");
}

#[test]
fn alias_flood_hits_the_parse_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let refs = vec!["*a"; 5000].join(", ");
    let p = dir.path().join("flood.yaml");
    std::fs::write(
        &p,
        format!("id: x\nlexicon:\n  situation: [&a lol]\n  problem: [{refs}]\n"),
    )
    .expect("write");
    assert_rejected(&p, "budget");
}

#[test]
fn deep_nesting_is_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let flow = format!("id: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let p = dir.path().join("flow.yaml");
    std::fs::write(&p, flow).expect("write");
    assert_rejected(&p, "flow.yaml:");
    let mut block = String::new();
    for i in 0..10_000 {
        block.push_str(&" ".repeat(i));
        block.push_str("a:\n");
    }
    let p = dir.path().join("block.yaml");
    std::fs::write(&p, block).expect("write");
    assert_rejected(&p, "block.yaml:");
}

#[test]
fn huge_scalar_is_rejected_by_the_read_cap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("huge.yaml");
    let mut s = String::from("id: ");
    s.push_str(&"x".repeat(50 * 1024 * 1024));
    std::fs::write(&p, s).expect("write");
    assert_rejected(&p, "file is larger than 1024 KiB");
}

#[test]
fn invalid_utf8_is_rejected_with_location() {
    assert_rejected(
        &root().join("tests/fixtures/invalid/not_utf8.yaml"),
        "not valid UTF-8",
    );
}

#[test]
fn fifo_and_devices_are_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    assert_rejected(&fifo, "not a regular file");
    assert_rejected(Path::new("/dev/zero"), "not a regular file");
    let empty = tempfile::tempdir().expect("tempdir");
    assert_rejected(empty.path(), "no *.yaml");
}

#[test]
fn hostile_key_bytes_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("esc.yaml");
    std::fs::write(&p, "id: x\n\"\u{1b}]0;pwned\u{7}\u{9b}31m\": 1\n").expect("write");
    assert_rejected(&p, "esc.yaml:");
}
