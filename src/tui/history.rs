//! The trainer's view of the history store: the meetings to resume, the best
//! scores, every meeting's summary once a screen needs them.

use crate::store::summary::{Head, Summary, sort_newest_first};
use crate::store::{Record, Status, Store};
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// The trainer's view of the saved meetings. Start-up reads only the index's head
/// (the best score per scenario and the meetings to resume); every meeting's
/// summary is read when a screen first needs it (Progress). A save updates what
/// is in memory in place; nothing is read back from disk.
#[derive(Debug, Default)]
pub struct History {
    /// Unfinished meetings, newest first (the picker's resume rows).
    pub unfinished: Vec<Summary>,
    /// Best total score of the finished meetings, per scenario id.
    pub best: BTreeMap<String, i32>,
    /// Every meeting's summary, newest first, once read.
    all: OnceCell<Vec<Summary>>,
    /// Whether this trainer saved meetings since the index was read (it is then
    /// brought up to date when the trainer quits).
    pub dirty: bool,
}

impl History {
    /// The history as the index's head gives it (start-up reads nothing more).
    #[must_use]
    pub fn from_head(head: Head) -> History {
        History {
            unfinished: head.unfinished,
            best: head.best,
            all: OnceCell::new(),
            dirty: false,
        }
    }

    /// Every saved meeting's summary, newest first (read from the index on first use).
    #[must_use]
    pub fn all(&self, store: Option<&Store>) -> &[Summary] {
        self.all.get_or_init(|| {
            store
                .and_then(|s| s.summaries().ok())
                .map(|s| s.list)
                .unwrap_or_default()
        })
    }

    /// Brings the index up to date with the meetings this trainer saved (when it quits).
    pub fn flush(&mut self, store: Option<&Store>) {
        if self.dirty
            && let Some(store) = store
        {
            let _ = store.summaries();
            self.dirty = false;
        }
    }

    /// Notes a meeting just saved: its summary replaces the old one in place.
    pub fn saved(&mut self, rec: &Record) {
        let s = Summary::of(rec);
        self.unfinished.retain(|u| u.id != s.id);
        if s.status == Status::Unfinished {
            self.unfinished.push(s.clone());
            sort_newest_first(&mut self.unfinished);
        } else {
            let b = self.best.entry(s.scenario.clone()).or_insert(s.score.total);
            *b = (*b).max(s.score.total);
        }
        if let Some(all) = self.all.get_mut() {
            match all.iter_mut().find(|r| r.id == s.id) {
                Some(r) if r.when() == s.when() => *r = s,
                _ => {
                    all.retain(|r| r.id != s.id);
                    all.push(s);
                    sort_newest_first(all);
                }
            }
        }
        self.dirty = true;
    }
}

/// Said when the data folder cannot lock a meeting file.
pub(crate) fn no_lock_message(lang: crate::lang::Lang) -> &'static str {
    lang.pick(
        "数据文件夹不支持文件锁：另一个训练程序可能同时打开这个会谈；每次保存前会核对，被改动时你的回合另存为新会谈",
        "the data folder does not support file locks: another trainer could open this meeting too; each save checks first and, if it changed, saves your turns as a new meeting",
    )
}
