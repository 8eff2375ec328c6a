//! The trainer's link to the history store: saving after every turn, the
//! picker's rows (unfinished meetings to resume, then scenarios) and best scores.

use super::app::App;
use super::keymap::Screen;
use crate::store::summary::{Summary, sort_newest_first};
use crate::store::{Record, Status};
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// A row of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An unfinished meeting (index into `App::history.unfinished`).
    Resume(usize),
    /// A scenario (index into `App::scenarios`).
    Scenario(usize),
}

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

impl App {
    /// Reads the history's head (the best score per scenario, the meetings to
    /// resume) from the index, which is rebuilt if it is missing or stale; problems
    /// become a message.
    pub fn refresh_history(&mut self) {
        let Some(store) = &self.store else { return };
        let head = match store.head() {
            Ok(h) => h,
            Err(e) => {
                self.message = Some(e.to_string());
                crate::store::summary::Head::default()
            }
        };
        if !head.warnings.is_empty() {
            self.message = Some(head.warnings.join("; "));
        }
        self.history = History {
            unfinished: head.unfinished,
            best: head.best,
            all: OnceCell::new(),
            dirty: false,
        };
        self.refresh_best();
    }

    /// The best score per scenario of the picker, from the history.
    fn refresh_best(&mut self) {
        self.best = self
            .scenarios
            .iter()
            .map(|e| self.history.best.get(&e.meta.id).copied())
            .collect();
    }

    /// Every saved meeting's summary, newest first (read from the index on first use).
    #[must_use]
    pub fn meetings(&self) -> &[Summary] {
        self.history.all.get_or_init(|| {
            self.store
                .as_ref()
                .and_then(|s| s.summaries().ok())
                .map(|s| s.list)
                .unwrap_or_default()
        })
    }

    /// Brings the index up to date with the meetings this trainer saved (when it quits).
    pub fn flush_history(&mut self) {
        if self.history.dirty
            && let Some(store) = &self.store
        {
            let _ = store.summaries();
            self.history.dirty = false;
        }
    }

    /// The picker's rows: unfinished meetings matching the filter, then scenarios.
    #[must_use]
    pub fn picker_rows(&self) -> Vec<Row> {
        let shown = self.filtered();
        let resumable = self.history.unfinished.iter().enumerate().filter(|(_, r)| {
            r.status == Status::Unfinished
                && shown
                    .iter()
                    .any(|i| self.scenarios[*i].meta.id == r.scenario)
        });
        let mut rows: Vec<Row> = resumable.map(|(i, _)| Row::Resume(i)).collect();
        rows.extend(shown.into_iter().map(Row::Scenario));
        rows
    }

    pub(super) fn open_selected(&mut self) {
        match self.picker_rows().get(self.selected).copied() {
            Some(Row::Scenario(i)) => self.open(i),
            Some(Row::Resume(h)) => self.resume(h),
            None => {}
        }
    }

    fn resume(&mut self, h: usize) {
        let Some(id) = self.history.unfinished.get(h).map(|s| s.id.clone()) else {
            return;
        };
        // The full record (its inputs) is read only now, to resume it.
        let rec = match self.store.as_ref().map(|s| s.find(&id)) {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                self.message = Some(e.to_string());
                return;
            }
            None => return,
        };
        let Some(i) = self
            .scenarios
            .iter()
            .position(|e| e.meta.id == rec.scenario)
        else {
            return;
        };
        let Some(source_hash) = self.scenarios[i]
            .get()
            .map(|l| crate::store::content_hash(&l.source))
        else {
            self.show_problems(i);
            return;
        };
        let lock = match self.store.as_ref().map(|s| s.lock(&rec.id)) {
            Some(Err(crate::store::LockError::Busy)) => {
                self.message = Some(self.lang.pick(
                    "这个会谈正在另一个训练程序中进行：请在那里继续，或重新开始这个场景",
                    "this meeting is open in another trainer: continue it there, or start the scenario anew",
                ).to_string());
                return;
            }
            Some(Err(e)) => {
                self.message = Some(e.to_string());
                None
            }
            Some(Ok(l)) => {
                if !l.held() {
                    self.message = Some(no_lock_message(self.lang).to_string());
                }
                Some(l)
            }
            None => None,
        };
        self.current = Some(i);
        // The meeting goes on as it was played: its seed picks the same replies, and
        // its language (customer, feedback and interface) is the one it was saved in.
        self.lang = rec.lang;
        self.start_meeting();
        if let Some(m) = self.meeting.as_mut() {
            m.id = rec.id.clone();
            m.started_at = rec.started_at.clone();
            m.inputs = rec.inputs.clone();
            m.lock = lock;
            m.seed = rec.seed;
        }
        self.replay();
        if source_hash != rec.scenario_hash {
            self.message = Some(self.lang.pick("场景文件已修改:已按新版本重放之前的回合", "the scenario file changed since: the earlier turns were replayed on the new version").to_string());
        }
        self.screen = Screen::Meeting;
    }

    /// Saves the current meeting (unfinished or finished); a failure becomes a message.
    pub(super) fn save_meeting(&mut self) {
        let lang = self.lang;
        let (Some(store), Some(m)) = (&self.store, &mut self.meeting) else {
            return;
        };
        if m.inputs.is_empty() || m.drill.is_some() {
            // Drills are saved as drill results, not as meetings (they would skew the stats).
            return;
        }
        // The record is what the live session already computed: no replay here.
        let Some(loaded) = self.scenarios[m.scenario].get() else {
            return;
        };
        let mut rec: Record = crate::store::record_with(
            m.id.clone(),
            loaded,
            &m.session,
            m.seed,
            m.inputs.clone(),
            m.started_at.clone(),
            m.report.clone(),
        );
        rec.trainee = None;
        if m.lock.is_none() {
            match store.lock(&m.id) {
                Ok(l) => {
                    if !l.held() {
                        self.message = Some(no_lock_message(lang).to_string());
                    }
                    m.lock = Some(l);
                }
                Err(e) => self.message = Some(e.to_string()),
            }
        }
        match store.save_continuing_known(&rec, m.saved_file) {
            Ok((_, file)) => m.saved_file = file,
            Err(crate::store::SaveError::Conflict) => {
                // Someone else continued this meeting unseen: keep their file and
                // save this trainer's turns as a new meeting.
                m.id = crate::store::new_id();
                m.saved_file = None;
                m.lock = store.lock(&m.id).ok();
                rec.id.clone_from(&m.id);
                if let Err(e) = store.save(&rec) {
                    self.message = Some(e.to_string());
                    return;
                }
                self.message = Some(lang.pick(
                    "这个会谈已被另一个训练程序修改：你的回合已另存为新会谈",
                    "this meeting was changed by another trainer: your turns were saved as a new meeting",
                ).to_string());
            }
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        }
        if rec.status == Status::Finished
            && let Some(l) = m.lock.take()
        {
            l.release_finished();
        }
        self.history.saved(&rec);
        self.refresh_best();
    }
}

fn no_lock_message(lang: crate::lang::Lang) -> &'static str {
    lang.pick(
        "数据文件夹不支持文件锁：另一个训练程序可能同时打开这个会谈；每次保存前会核对，被改动时你的回合另存为新会谈",
        "the data folder does not support file locks: another trainer could open this meeting too; each save checks first and, if it changed, saves your turns as a new meeting",
    )
}
