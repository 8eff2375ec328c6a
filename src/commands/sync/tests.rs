//! `sync` against an LRS in memory that can fail in every way a real one does.

use super::*;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// What the fake LRS does with the next request.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Answer normally.
    Answer,
    /// Nothing listening.
    Down,
    /// Store the statements, then lose the answer (killed mid-answer).
    StoreThenDrop,
    /// Refuse the credentials.
    Unauthorized,
}

#[derive(Default)]
struct Fake {
    stored: RefCell<BTreeMap<String, serde_json::Value>>,
    /// How many times each id was written (must stay 1).
    writes: RefCell<BTreeMap<String, usize>>,
    script: RefCell<Vec<Next>>,
    /// Statements of this meeting are refused (400).
    refuse: Option<String>,
    requests: RefCell<usize>,
}

impl Transport for Fake {
    fn post_statements(&self, body: &[u8]) -> Result<Answer, LrsError> {
        *self.requests.borrow_mut() += 1;
        let next = {
            let mut s = self.script.borrow_mut();
            if s.is_empty() {
                Next::Answer
            } else {
                s.remove(0)
            }
        };
        match next {
            Next::Down => return Err(LrsError::Network("connection refused".into())),
            Next::Unauthorized => return Err(LrsError::Unauthorized(401)),
            Next::Answer | Next::StoreThenDrop => {}
        }
        let all: Vec<serde_json::Value> =
            serde_json::from_slice(body).map_err(|e| LrsError::Answer(e.to_string()))?;
        if let Some(bad) = &self.refuse
            && all
                .iter()
                .any(|s| s["context"]["registration"] == crate::xapi::registration(bad).as_str())
        {
            return Err(LrsError::Refused {
                status: 400,
                reason: "bad statement".into(),
            });
        }
        let mut stored = self.stored.borrow_mut();
        let mut new = 0;
        for st in all {
            let id = st["id"].as_str().unwrap_or_default().to_string();
            match stored.get(&id) {
                Some(old) if *old == st => {}
                Some(_) => {
                    return Err(LrsError::Refused {
                        status: 409,
                        reason: "differing statement".into(),
                    });
                }
                None => {
                    *self.writes.borrow_mut().entry(id.clone()).or_default() += 1;
                    stored.insert(id, st);
                    new += 1;
                }
            }
        }
        if next == Next::StoreThenDrop {
            return Err(LrsError::Network("connection reset".into()));
        }
        Ok(if new == 0 {
            Answer::Known
        } else {
            Answer::Stored(new)
        })
    }

    fn get_statements(&self, _: &[(&str, String)], _: Option<&str>) -> Result<String, LrsError> {
        Err(LrsError::Answer("not used".into()))
    }
}

const EP: &str = "http://127.0.0.1:9/xAPI/";

fn history(n: usize) -> (tempfile::TempDir, Store) {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path().to_path_buf());
    let loaded = crate::scenario::bundled_by_id("bakery-vpn")
        .expect("bundled")
        .expect("valid");
    let inputs = vec![
        crate::session::Input::Ask {
            to: None,
            text: "How many staff do you have?".into(),
        },
        crate::session::Input::End,
    ];
    let (s, _) = crate::session::Session::replay(
        std::sync::Arc::clone(&loaded.scenario),
        1,
        None,
        None,
        inputs.iter().cloned(),
    );
    for i in 0..n {
        let when = format!("2026-01-01T10:{:02}:{:02}Z", i / 60, i % 60);
        let mut r = crate::store::record(
            format!("m{i:03}"),
            &loaded,
            &s,
            1,
            inputs.clone(),
            when.clone(),
        );
        r.finished_at = Some(when);
        store.save(&r).expect("save");
    }
    (d, store)
}

fn settings() -> Settings {
    Settings::new(crate::xapi::Actor::new(Some("A"), Some("a@b.cn"), None).expect("actor"))
}

/// One sync run: what is pending by the record, sent in batches of `batch` statements.
fn sync(fake: &Fake, store: &Store, batch: usize) -> Outcome {
    let (mut sent, _) = Sent::open(store, EP).expect("open");
    let finished = finished(store).expect("history");
    let pending: Vec<&Summary> = finished.iter().filter(|s| !sent.has(&s.id)).collect();
    send(
        fake,
        store,
        &mut sent,
        &pending,
        &settings(),
        &Catalogue::new(),
        batch,
        EP,
        Duration::ZERO,
    )
    .expect("recorded")
}

fn recorded(store: &Store) -> usize {
    Sent::peek(store, EP).expect("peek").0.len()
}

fn no_duplicate(fake: &Fake) {
    assert!(
        fake.writes.borrow().values().all(|n| *n == 1),
        "a statement was stored twice"
    );
}

#[test]
fn everything_is_sent_once_in_batches_and_a_second_sync_sends_nothing() {
    let (_d, store) = history(7);
    let fake = Fake::default();
    let out = sync(&fake, &store, 4);
    assert_eq!(
        out,
        Outcome {
            meetings: 7,
            statements: 14,
            ..Outcome::default()
        }
    );
    assert_eq!(
        *fake.requests.borrow(),
        4,
        "two meetings (four statements) a request"
    );
    assert_eq!(fake.stored.borrow().len(), 14);
    assert_eq!(recorded(&store), 7);
    let again = sync(&fake, &store, 4);
    assert_eq!(again, Outcome::default());
    assert_eq!(*fake.requests.borrow(), 4, "nothing sent the second time");
}

#[test]
fn a_network_gone_mid_sync_loses_nothing_and_the_next_sync_completes() {
    let (_d, store) = history(6);
    let fake = Fake::default();
    // The second batch finds nobody listening, five times over.
    *fake.script.borrow_mut() = vec![
        Next::Answer,
        Next::Down,
        Next::Down,
        Next::Down,
        Next::Down,
        Next::Down,
    ];
    let out = sync(&fake, &store, 4);
    assert_eq!(out.meetings, 2);
    assert!(matches!(out.stopped, Some(LrsError::Network(_))));
    assert_eq!(recorded(&store), 2);
    // It comes back after a few tries within one run too.
    let out = sync(&fake, &store, 4);
    assert_eq!((out.meetings, out.stopped), (4, None));
    assert_eq!(fake.stored.borrow().len(), 12);
    no_duplicate(&fake);
    assert_eq!(recorded(&store), 6);
}

#[test]
fn statements_stored_without_our_knowing_are_recognised_not_stored_twice() {
    let (_d, store) = history(4);
    let fake = Fake::default();
    // The LRS stores the second batch but its answer never arrives, five times.
    *fake.script.borrow_mut() = vec![
        Next::Answer,
        Next::StoreThenDrop,
        Next::Down,
        Next::Down,
        Next::Down,
        Next::Down,
    ];
    let out = sync(&fake, &store, 4);
    assert_eq!(out.meetings, 2);
    assert!(out.stopped.is_some());
    assert_eq!(recorded(&store), 2, "only what was answered is recorded");
    assert_eq!(fake.stored.borrow().len(), 8, "the LRS has all of them");
    let out = sync(&fake, &store, 4);
    assert_eq!((out.meetings, out.known, out.stopped), (0, 2, None));
    no_duplicate(&fake);
    assert_eq!(recorded(&store), 4);
    // Within one run: the answer is lost, the retry finds them stored.
    let (_d, store) = history(3);
    let fake = Fake::default();
    *fake.script.borrow_mut() = vec![Next::StoreThenDrop];
    let out = sync(&fake, &store, 100);
    assert_eq!((out.known, out.stopped), (3, None));
    no_duplicate(&fake);
}

#[test]
fn a_refused_meeting_does_not_hold_back_the_others() {
    let (_d, store) = history(5);
    let fake = Fake {
        refuse: Some("m002".into()),
        ..Fake::default()
    };
    let out = sync(&fake, &store, 100);
    assert_eq!((out.meetings, out.left_out, out.stopped), (4, 1, None));
    let sent = Sent::peek(&store, EP).expect("peek").0;
    assert!(!sent.has("m002") && sent.has("m001") && sent.has("m004"));
}

#[test]
fn wrong_credentials_stop_at_once_and_change_nothing() {
    let (_d, store) = history(3);
    let fake = Fake::default();
    *fake.script.borrow_mut() = vec![Next::Unauthorized];
    let out = sync(&fake, &store, 2);
    assert_eq!(out.stopped, Some(LrsError::Unauthorized(401)));
    assert_eq!(*fake.requests.borrow(), 1, "no retry of a refusal");
    assert_eq!(recorded(&store), 0);
    assert!(fake.stored.borrow().is_empty());
}
