//! `sync` and `class-report --lrs` against a real LRS: Ralph (ralph-malph, from
//! PyPI), started by these tests on a free loopback port with its file-system
//! backend. Ralph is looked for in `$SPIN_COACH_RALPH_VENV` (a virtualenv), else
//! `target/ralph-venv`; `.ci/run` installs it there. Without it the tests say so
//! and pass, unless `SPIN_COACH_REQUIRE_LRS=1` (CI), where they fail.
//!
//! Ralph runs with `tests/ralph/sitecustomize.py` on its PYTHONPATH, which makes
//! its file-system backend append to its statements file (as shipped it stores
//! the first POST only; see that file).
#![cfg(all(unix, feature = "lrs"))]

mod common;
use common::*;
use std::collections::BTreeMap;
use std::io::{Read as _, Write as _};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const USER: &str = "trainer";
const PASSWORD: &str = "ralph-test-secret-1";

fn venv() -> PathBuf {
    std::env::var_os("SPIN_COACH_RALPH_VENV")
        .filter(|v| !v.is_empty())
        .map_or_else(|| root().join("target/ralph-venv"), PathBuf::from)
}

/// The `ralph` program, or None (with a message) when it is not installed.
fn ralph_bin() -> Option<PathBuf> {
    let bin = venv().join("bin/ralph");
    if bin.is_file() {
        return Some(bin);
    }
    let why = format!(
        "Ralph is not installed at {} (python3 -m venv V && V/bin/pip install 'ralph-malph[cli,lrs]' requests; or set SPIN_COACH_RALPH_VENV)",
        venv().display()
    );
    assert!(
        std::env::var("SPIN_COACH_REQUIRE_LRS").as_deref() != Ok("1"),
        "SPIN_COACH_REQUIRE_LRS=1 but {why}"
    );
    eprintln!("skipped: {why}");
    None
}

/// Writes `auth.json` with the test user into Ralph's app folder (`ralph auth`).
fn make_auth(bin: &Path, app: &Path) {
    let o = Command::new(bin)
        .args([
            "auth",
            "-u",
            USER,
            "-p",
            PASSWORD,
            "-s",
            "all",
            "-M",
            "mailto:trainer@example.com",
            "-w",
        ])
        .env("RALPH_APP_DIR", app)
        .env("RALPH_RUNSERVER_BACKEND", "fs")
        .current_dir(app)
        .output()
        .expect("ralph auth");
    assert!(
        o.status.success(),
        "ralph auth: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A Ralph LRS in its own process group (its `runserver` starts a reloader and a
/// worker), killed with the group when dropped.
struct Ralph {
    child: Option<Child>,
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A plain HTTP/1.0 GET on loopback: the status code, if anything answered.
fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut s = std::net::TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_millis(500),
    )
    .ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut head = [0u8; 12];
    s.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

impl Ralph {
    fn start(bin: &Path, dir: &Path) -> Ralph {
        let mut r = Ralph {
            child: None,
            bin: bin.to_path_buf(),
            dir: dir.to_path_buf(),
            port: free_port(),
        };
        r.restart();
        r
    }

    /// Starts (again) on the same port and store.
    fn restart(&mut self) {
        let app = self.dir.join("app");
        if !app.join("auth.json").is_file() {
            std::fs::create_dir_all(&app).expect("app dir");
            make_auth(&self.bin, &app);
        }
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("ralph.log"))
            .expect("log");
        let child = Command::new(&self.bin)
            .args(["runserver", "-b", "fs", "--fs-default-directory-path"])
            .arg(self.dir.join("store"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .env("RALPH_APP_DIR", &app)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env("PYTHONPATH", root().join("tests/ralph"))
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .process_group(0)
            .spawn()
            .expect("start ralph");
        self.child = Some(child);
        let t = Instant::now();
        while http_status(self.port, "/__heartbeat__") != Some(200) {
            assert!(
                t.elapsed() < Duration::from_secs(90),
                "Ralph did not start: {}",
                std::fs::read_to_string(self.dir.join("ralph.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// SIGKILL to the whole group (reloader and worker), and wait for it.
    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", c.id())])
                .status();
            let _ = c.kill();
            let _ = c.wait();
            let t = Instant::now();
            while http_status(self.port, "/__heartbeat__").is_some()
                && t.elapsed() < Duration::from_secs(10)
            {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    /// Every statement the LRS returns, following `more` links.
    fn statements(&self) -> Vec<serde_json::Value> {
        use spin_coach::commands::lrs::{Credentials, Transport, http::Http};
        let http = Http::new(
            &self.endpoint(),
            &Credentials {
                user: USER.into(),
                password: PASSWORD.into(),
            },
        );
        let mut all = Vec::new();
        let mut more: Option<String> = None;
        loop {
            let body = http
                .get_statements(&[], more.as_deref())
                .expect("GET statements");
            let v: serde_json::Value = serde_json::from_str(&body).expect("json");
            let page = v["statements"].as_array().cloned().unwrap_or_default();
            let next = v["more"]
                .as_str()
                .filter(|m| !m.is_empty())
                .map(str::to_string);
            let empty = page.is_empty();
            all.extend(page);
            match next {
                Some(n) if !empty => more = Some(n),
                _ => break,
            }
        }
        all
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A data directory with a config file naming the LRS and the trainee.
struct Trainee {
    dir: tempfile::TempDir,
}

impl Trainee {
    fn new(endpoint: &str) -> Trainee {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("config.yaml"),
            format!(
                "trainee: 王建军\ntrainee_id: wang@example.com\nlrs:\n  endpoint: {endpoint}\n"
            ),
        )
        .expect("config");
        Trainee { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.args(args)
            .current_dir(root())
            .env("SPIN_COACH_DATA", self.path())
            .env("SPIN_COACH_CONFIG", self.path().join("config.yaml"))
            .env("SPIN_COACH_LRS_USER", USER)
            .env("SPIN_COACH_LRS_PASSWORD", PASSWORD)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8");
        for v in [
            "http_proxy",
            "HTTP_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
            "all_proxy",
            "ALL_PROXY",
        ] {
            c.env_remove(v);
        }
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run spin-coach")
    }

    /// Saves `n` finished meetings, alternating scenarios and scripts.
    fn play(&self, n: usize) {
        let games = [
            ("bakery-vpn", "good"),
            ("shop-vpn", "poor"),
            ("frozen-foods", "good"),
            ("airline-sms", "poor"),
        ];
        for i in 0..n {
            let (sc, which) = games[i % games.len()];
            let script = format!("tests/scripts/{sc}/{which}.yaml");
            let o = self.run(&["play", sc, "--script", &script, "--save"]);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
    }

    /// What the LRS accepted, by this data directory's record (meeting ids).
    fn accepted(&self) -> Vec<String> {
        let dir = self.path().join("lrs");
        let Some(file) = std::fs::read_dir(&dir).ok().and_then(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        }) else {
            return Vec::new();
        };
        std::fs::read_to_string(file)
            .unwrap_or_default()
            .lines()
            .skip(1)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["meeting"].as_str().map(str::to_string))
            .collect()
    }

    /// The record file's bytes (none before the first sync).
    fn record_bytes(&self) -> Option<Vec<u8>> {
        let rd = std::fs::read_dir(self.path().join("lrs")).ok()?;
        let file = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "jsonl"))?;
        std::fs::read(file).ok()
    }

    /// The statements `export --format xapi` gives for every meeting.
    fn exported(&self) -> Vec<serde_json::Value> {
        let o = self.run(&["export", "--all", "--format", "xapi"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_str::<Vec<serde_json::Value>>(&stdout(&o)).expect("statements")
    }
}

/// Statements by id, as sent: without what the LRS adds (`stored`, `authority`, `version`).
fn by_id(all: &[serde_json::Value]) -> BTreeMap<String, serde_json::Value> {
    all.iter()
        .map(|s| {
            let mut s = s.clone();
            if let Some(m) = s.as_object_mut() {
                for k in ["stored", "authority", "version"] {
                    m.remove(k);
                }
            }
            (s["id"].as_str().unwrap_or_default().to_string(), s)
        })
        .collect()
}

fn no_duplicates(all: &[serde_json::Value]) {
    let ids = by_id(all);
    assert_eq!(ids.len(), all.len(), "a statement is stored twice");
}

#[test]
fn sync_reads_back_sends_once_refuses_bad_credentials_and_feeds_the_class_report() {
    let Some(bin) = ralph_bin() else { return };
    let lrs_dir = tempfile::tempdir().expect("tempdir");
    let lrs = Ralph::start(&bin, lrs_dir.path());
    let t = Trainee::new(&lrs.endpoint());
    t.play(5);
    // A dry run sends nothing and says what it would send.
    let o = t.run(&["sync", "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("would send 5 meetings (10 statements)"),
        "{}",
        stdout(&o)
    );
    assert!(lrs.statements().is_empty());
    // Sent in batches of two meetings; read back, they are what was sent.
    let o = t.run(&["sync", "--batch", "4"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("sent 5 meetings (10 statements)"),
        "{}",
        stdout(&o)
    );
    let sent = t.exported();
    let back = lrs.statements();
    assert_eq!(by_id(&back), by_id(&sent), "read back equals sent");
    assert_eq!(t.accepted().len(), 5);
    // A second sync sends nothing.
    let o = t.run(&["sync"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("nothing to send"), "{}", stdout(&o));
    assert_eq!(lrs.statements().len(), 10);
    // The class report from the LRS is the one from the files of the same meetings.
    let export = t.path().join("class.json");
    let o = t.run(&[
        "export",
        "--all",
        "--format",
        "json",
        "-o",
        export.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for format in ["md", "json", "csv"] {
        let files = t.run(&[
            "class-report",
            export.to_str().expect("utf-8"),
            "--format",
            format,
        ]);
        let from_lrs = t.run(&["class-report", "--lrs", "--format", format]);
        assert_eq!(from_lrs.status.code(), Some(0), "{}", stderr(&from_lrs));
        assert_eq!(stdout(&from_lrs), stdout(&files), "{format}");
    }
    let files = t.run(&[
        "class-report",
        export.to_str().expect("utf-8"),
        "--scenario",
        "shop-vpn",
        "--since",
        "2000-01-01",
    ]);
    let from_lrs = t.run(&[
        "class-report",
        "--lrs",
        "--scenario",
        "shop-vpn",
        "--since",
        "2000-01-01",
    ]);
    assert_eq!(stdout(&from_lrs), stdout(&files));
    assert!(stdout(&files).contains("shop-vpn"));
    // Wrong credentials: a clear error, and nothing changes on either side.
    t.play(1);
    let record = t.record_bytes();
    assert!(record.is_some());
    let before: Vec<String> = t.accepted();
    let o = t
        .command(&["sync"])
        .env("SPIN_COACH_LRS_PASSWORD", "wrong")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("refused the credentials (401)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(t.accepted(), before);
    assert_eq!(t.record_bytes(), record);
    assert_eq!(lrs.statements().len(), 10);
    let o = t.run(&["class-report", "--lrs"]);
    assert_eq!(o.status.code(), Some(0));
    let o = t
        .command(&["class-report", "--lrs"])
        .env("SPIN_COACH_LRS_USER", "nobody")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("refused the credentials"),
        "{}",
        stderr(&o)
    );
    // A config file holding the password that others can read: refused, nothing sent.
    let cfg = t.path().join("config.yaml");
    let text = std::fs::read_to_string(&cfg).expect("config");
    std::fs::write(
        &cfg,
        format!("{text}  user: {USER}\n  password: {PASSWORD}\n"),
    )
    .expect("config");
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let o = t
        .command(&["sync"])
        .env_remove("SPIN_COACH_LRS_PASSWORD")
        .env_remove("SPIN_COACH_LRS_USER")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("chmod 600"), "{}", stderr(&o));
    assert_eq!(lrs.statements().len(), 10);
    // Fixed, the file's credentials work and the sixth meeting goes.
    std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = t
        .command(&["sync"])
        .env_remove("SPIN_COACH_LRS_PASSWORD")
        .env_remove("SPIN_COACH_LRS_USER")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("sent 1 meetings (2 statements)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(by_id(&lrs.statements()), by_id(&t.exported()));
}

/// Waits until `f` holds (at most `secs` seconds).
fn wait_for(secs: u64, what: &str, mut f: impl FnMut() -> bool) {
    let t = Instant::now();
    while !f() {
        assert!(
            t.elapsed() < Duration::from_secs(secs),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_lrs_killed_mid_sync_or_a_sync_killed_mid_batch_loses_nothing_and_stores_nothing_twice() {
    let Some(bin) = ralph_bin() else { return };
    let lrs_dir = tempfile::tempdir().expect("tempdir");
    let mut lrs = Ralph::start(&bin, lrs_dir.path());
    let t = Trainee::new(&lrs.endpoint());
    t.play(8);
    // One meeting a request, a pause after each answer and after each record.
    let mut sync = t
        .command(&["sync", "--batch", "2"])
        .env("SPIN_COACH_TEST_SYNC_DELAY_MS", "600")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sync");
    // Two meetings recorded: the sync is pausing after the record; kill the LRS.
    wait_for(60, "two meetings accepted", || t.accepted().len() >= 2);
    lrs.kill();
    let status = sync.wait().expect("sync ends");
    let mut err = String::new();
    let _ = sync.stderr.take().map(|mut e| e.read_to_string(&mut err));
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(err.contains("cannot reach the LRS"), "{err}");
    assert!(err.contains("trying again"), "retried with backoff: {err}");
    let accepted = t.accepted().len();
    assert!((2..8).contains(&accepted), "{accepted}");
    // The LRS comes back (same store, same port); the next sync completes.
    lrs.restart();
    let o = t.run(&["sync", "--batch", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = lrs.statements();
    no_duplicates(&back);
    assert_eq!(by_id(&back), by_id(&t.exported()), "nothing lost");
    assert_eq!(t.accepted().len(), 8);

    // Now the sync itself is killed after the LRS stored a batch and before the
    // answer was recorded: the next sync sends it again, the LRS recognises it.
    t.play(4);
    let mut sync = t
        .command(&["sync", "--batch", "2"])
        .env("SPIN_COACH_TEST_SYNC_DELAY_MS", "3000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sync");
    wait_for(60, "the LRS to store the ninth meeting", || {
        lrs.statements().len() >= 18
    });
    assert_eq!(t.accepted().len(), 8, "not recorded yet");
    sync.kill().expect("kill sync");
    let _ = sync.wait();
    let o = t.run(&["sync", "--batch", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("sent 3 meetings (6 statements)"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("1 it had already"), "{}", stdout(&o));
    let back = lrs.statements();
    no_duplicates(&back);
    assert_eq!(back.len(), 24);
    assert_eq!(by_id(&back), by_id(&t.exported()));
    assert_eq!(t.accepted().len(), 12);
}
