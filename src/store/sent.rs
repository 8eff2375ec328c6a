//! What a learning record store has accepted, per meeting:
//! `<data dir>/lrs/<endpoint key>.jsonl`, one file per LRS address. Its first line
//! names the address; each further line is one accepted meeting (its id, its
//! statements' ids and when). `sync` rewrites the file atomically after every
//! batch the LRS accepted, so a sync killed at any moment leaves the file as it
//! was before or after that batch, never half-written; a meeting not in it is
//! sent again, and its statements' fixed ids let the LRS recognise them.
//! `lrs/<key>.lock` keeps two syncs to one LRS from running at once.

use super::{Store, StoreError, atomic_write_with, io};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;

/// Version of the record file.
pub const SENT_FORMAT: u32 = 1;

/// One meeting the LRS accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    /// The meeting id.
    pub meeting: String,
    /// The ids of its statements that were sent.
    pub statements: Vec<String>,
    /// When the LRS answered (UTC, RFC 3339).
    pub at: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Head {
    format: u32,
    endpoint: String,
}

/// The record of one LRS.
#[derive(Debug)]
pub struct Sent {
    path: PathBuf,
    endpoint: String,
    accepted: BTreeMap<String, Accepted>,
    lock: Option<std::fs::File>,
}

/// Why the record could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SentError {
    /// Another sync to the same LRS holds the lock.
    #[error("another `spin-coach sync` to this LRS is running")]
    Busy,
    /// The data directory cannot be written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The file name of an LRS address's record: FNV-1a 64 of the address.
#[must_use]
pub fn key(endpoint: &str) -> String {
    super::content_hash(endpoint)
}

impl Sent {
    /// Opens (and locks) the record of `endpoint` in the store's data directory. A
    /// missing file is an empty record; lines that do not read, or a file written
    /// for another address or by a newer spin-coach, count as nothing accepted
    /// (the warning says so): the meetings are then sent again and the LRS
    /// recognises their statements.
    ///
    /// # Errors
    /// [`SentError::Busy`] while another sync to that LRS runs; [`SentError::Store`]
    /// when the data directory cannot be written.
    pub fn open(store: &Store, endpoint: &str) -> Result<(Sent, Vec<String>), SentError> {
        let dir = store.root().join("lrs");
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let lock_path = dir.join(format!("{}.lock", key(endpoint)));
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) | Err(std::fs::TryLockError::Error(_)) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(SentError::Busy),
        }
        Self::read_with(store, endpoint, Some(lock))
    }

    /// Reads the record of `endpoint` without locking or creating anything (for
    /// `sync --dry-run`); it cannot be written.
    ///
    /// # Errors
    /// When the file exists but cannot be read.
    pub fn peek(store: &Store, endpoint: &str) -> Result<(Sent, Vec<String>), SentError> {
        Self::read_with(store, endpoint, None)
    }

    fn read_with(
        store: &Store,
        endpoint: &str,
        lock: Option<std::fs::File>,
    ) -> Result<(Sent, Vec<String>), SentError> {
        let path = store
            .root()
            .join("lrs")
            .join(format!("{}.jsonl", key(endpoint)));
        let mut warnings = Vec::new();
        let mut accepted = BTreeMap::new();
        let shown = crate::text::sanitize_line(&path.display().to_string());
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let mut lines = text.lines();
                let head = lines
                    .next()
                    .and_then(|l| serde_json::from_str::<Head>(l).ok());
                match head {
                    Some(h) if h.format == SENT_FORMAT && h.endpoint == endpoint => {
                        for (i, l) in lines.enumerate() {
                            match serde_json::from_str::<Accepted>(l) {
                                Ok(a) => {
                                    accepted.insert(a.meeting.clone(), a);
                                }
                                Err(e) => warnings.push(format!(
                                    "{shown}:{}: warning: {} (that line is ignored; its meeting is sent again, and the LRS recognises it)",
                                    i + 2,
                                    crate::text::sanitize_line(&e.to_string())
                                )),
                            }
                        }
                    }
                    _ => warnings.push(format!(
                        "{shown}: warning: not a record of what {} accepted (every meeting is sent again, and the LRS recognises those it has)",
                        crate::text::sanitize_line(endpoint)
                    )),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&path)(e).into()),
        }
        Ok((
            Sent {
                path,
                endpoint: endpoint.to_string(),
                accepted,
                lock,
            },
            warnings,
        ))
    }

    /// Whether the LRS accepted this meeting.
    #[must_use]
    pub fn has(&self, meeting: &str) -> bool {
        self.accepted.contains_key(meeting)
    }

    /// How many meetings the LRS accepted.
    #[must_use]
    pub fn len(&self) -> usize {
        self.accepted.len()
    }

    /// Whether nothing was accepted yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty()
    }

    /// The accepted meetings, by id.
    #[must_use]
    pub fn accepted(&self) -> &BTreeMap<String, Accepted> {
        &self.accepted
    }

    /// The record file.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Records meetings the LRS accepted and rewrites the file atomically.
    ///
    /// # Errors
    /// When the file cannot be written; the record in memory is then unchanged.
    pub fn record(&mut self, meetings: Vec<Accepted>) -> Result<(), StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::Io {
                path: self.path.display().to_string(),
                source: std::io::Error::other("opened to look, not to record"),
            });
        }
        let mut next = self.accepted.clone();
        for a in meetings {
            next.insert(a.meeting.clone(), a);
        }
        let head = Head {
            format: SENT_FORMAT,
            endpoint: self.endpoint.clone(),
        };
        atomic_write_with(&self.path, |w| {
            serde_json::to_writer(&mut *w, &head)?;
            w.write_all(b"\n")?;
            for a in next.values() {
                serde_json::to_writer(&mut *w, a)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })?;
        self.accepted = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(id: &str) -> Accepted {
        Accepted {
            meeting: id.into(),
            statements: vec![crate::xapi::completed_id(id)],
            at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn what_is_recorded_is_read_back_and_kept_per_lrs() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path().to_path_buf());
        {
            let (mut s, w) = Sent::open(&store, "http://127.0.0.1:1/xAPI/").expect("open");
            assert!(w.is_empty() && s.is_empty());
            s.record(vec![acc("a"), acc("b")]).expect("record");
            s.record(vec![acc("c")]).expect("record");
            assert!(s.has("a") && s.has("c") && !s.has("d"));
            // A second sync to the same LRS waits its turn.
            assert!(matches!(
                Sent::open(&store, "http://127.0.0.1:1/xAPI/"),
                Err(SentError::Busy)
            ));
        }
        let (s, w) = Sent::open(&store, "http://127.0.0.1:1/xAPI/").expect("open");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.len(), 3);
        assert_eq!(s.accepted().get("b"), Some(&acc("b")));
        let (other, _) = Sent::open(&store, "https://lrs.example.com/xAPI/").expect("open");
        assert!(other.is_empty(), "another LRS has its own record");
    }

    #[test]
    fn a_damaged_record_means_sending_again_not_losing() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path().to_path_buf());
        let ep = "http://127.0.0.1:1/xAPI/";
        {
            let (mut s, _) = Sent::open(&store, ep).expect("open");
            s.record(vec![acc("a"), acc("b")]).expect("record");
        }
        let file = d.path().join("lrs").join(format!("{}.jsonl", key(ep)));
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, text.replace("\"meeting\":\"b\"", "\"meeting\":")).expect("write");
        let (s, w) = Sent::open(&store, ep).expect("open");
        assert!(s.has("a") && !s.has("b"));
        assert_eq!(w.len(), 1, "{w:?}");
        drop(s);
        std::fs::write(&file, "garbage\n").expect("write");
        let (s, w) = Sent::open(&store, ep).expect("open");
        assert!(s.is_empty());
        assert!(w[0].contains("sent again"), "{w:?}");
    }
}
