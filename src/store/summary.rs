//! Meeting summaries and their index, so that start-up, `history` and `stats` do
//! not read every meeting file.
//!
//! `<data dir>/index.jsonl` holds one JSON document per line: first a head (the
//! format, a stamp of the `meetings` folder, the best score per scenario, the
//! unfinished meetings and the warnings about files left out), then one line per
//! meeting file (its size and modification time, and its summary or the warning it
//! gave). The trainer's start-up reads only the head; `history`, `stats` and the
//! Progress screen read the summaries. A full record is read only for a debrief
//! (replay), a resume or an export.
//!
//! The index is a cache: it is checked against the folder (the sorted file names
//! and the folder's modification time, which every atomic save changes) and
//! brought up to date when it differs: files whose size and modification time
//! match their line keep their summary, the others are read again. A missing,
//! unreadable, corrupt or older-format index is rebuilt from the meeting files; it
//! never changes or hides a meeting. It is written atomically like the meetings,
//! and a data folder that cannot be written just goes without it.

use super::{Record, Status, Store, StoreError, Unusable, read_record};
use crate::lang::Lang;
use crate::report::{Counts, Score};
use crate::scoring::RuleId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

/// Version of the index file; another version is rebuilt.
pub const INDEX_FORMAT: u32 = 1;

/// File name of the index in the data directory.
pub const INDEX_FILE: &str = "index.jsonl";

/// What the history views need of one meeting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    /// Meeting id (the file name without `.json`).
    pub id: String,
    /// Scenario id.
    pub scenario: String,
    /// Scenario title at the time.
    pub title: String,
    /// Finished or unfinished.
    pub status: Status,
    /// Language of the meeting.
    pub lang: Lang,
    /// Seed used.
    pub seed: u64,
    /// When it started.
    pub started_at: String,
    /// When it finished.
    pub finished_at: Option<String>,
    /// Number of inputs.
    pub turns: usize,
    /// Total and parts.
    pub score: Score,
    /// Question and need counts.
    pub counts: Counts,
    /// Findings of the rule `premature-pitch`.
    pub premature_pitches: u32,
    /// Findings of the rule `situation-overuse`.
    pub situation_overuse: u32,
}

impl Summary {
    /// The summary of a record.
    #[must_use]
    pub fn of(r: &Record) -> Summary {
        let count = |rule: RuleId| {
            let n = r
                .report
                .turns
                .iter()
                .flat_map(|t| &t.step.findings)
                .filter(|f| f.rule == rule.as_str())
                .count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        Summary {
            id: r.id.clone(),
            scenario: r.scenario.clone(),
            title: r.title.clone(),
            status: r.status,
            lang: r.lang,
            seed: r.seed,
            started_at: r.started_at.clone(),
            finished_at: r.finished_at.clone(),
            turns: r.inputs.len(),
            score: r.report.score.clone(),
            counts: r.report.counts.clone(),
            premature_pitches: count(RuleId::PrematurePitch),
            situation_overuse: count(RuleId::SituationOveruse),
        }
    }

    /// The time to sort by: finished, else started.
    #[must_use]
    pub fn when(&self) -> &str {
        self.finished_at.as_deref().unwrap_or(&self.started_at)
    }
}

/// Sorts summaries newest first (as the history lists them).
pub fn sort_newest_first(v: &mut [Summary]) {
    v.sort_by(|a, b| b.when().cmp(a.when()).then_with(|| b.id.cmp(&a.id)));
}

/// What the trainer needs at start-up: the best score per scenario, the meetings it
/// can resume, and the warnings about files left out.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Head {
    /// Index format.
    pub format: u32,
    /// Stamp of the `meetings` folder the index was made from.
    pub stamp: Stamp,
    /// Meetings summarised (finished and unfinished).
    pub meetings: usize,
    /// Best total score of finished meetings, per scenario id.
    pub best: BTreeMap<String, i32>,
    /// Unfinished meetings, newest first.
    pub unfinished: Vec<Summary>,
    /// Files left out (unreadable, links, newer format, wrong id, out of range).
    pub warnings: Vec<String>,
}

/// What identifies the state of the `meetings` folder cheaply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The folder's modification time (nanoseconds since the epoch).
    pub mtime_ns: u128,
    /// Number of `*.json` files.
    pub files: usize,
    /// FNV-1a 64 of the sorted file names.
    pub names: String,
    /// Whether the folder's time was more than [`SETTLED_SECS`] old when the stamp
    /// was taken. File times are coarse (a few milliseconds, a second or two on
    /// some file systems), so a file saved in the same tick as the stamp would not
    /// change the folder's time; only a settled stamp is trusted on the folder's
    /// time alone, without listing the folder.
    #[serde(default)]
    pub settled: bool,
}

/// Age in seconds after which a folder's time is trusted to tell every change.
pub const SETTLED_SECS: u64 = 2;

/// One meeting file's line in the index.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    file: String,
    size: u64,
    mtime_ns: u128,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<Summary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    warning: Option<String>,
}

/// The summaries of every meeting and the warnings about files left out.
#[derive(Debug, Default)]
pub struct Summaries {
    /// Summaries, newest first.
    pub list: Vec<Summary>,
    /// Problems (files left out or moved aside), one line each.
    pub warnings: Vec<String>,
}

fn mtime_ns(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

impl Store {
    /// The index file.
    #[must_use]
    pub fn index_path(&self) -> std::path::PathBuf {
        self.root.join(INDEX_FILE)
    }

    /// The `*.json` names in the meetings folder, sorted, and the folder's stamp;
    /// stale temp files are swept. `None` when there is no meetings folder.
    fn listing(&self) -> Result<Option<(Vec<String>, Stamp)>, StoreError> {
        let dir = self.meetings_dir();
        // The folder's time is taken before it is listed: a save during the listing
        // leaves a newer time, so the next look sees the index as stale.
        let meta = std::fs::metadata(&dir);
        let mtime = meta.as_ref().map(mtime_ns);
        let settled = meta
            .as_ref()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= SETTLED_SECS);
        let Some(entries) = self.read_meetings_dir()? else {
            return Ok(None);
        };
        let mut names = Vec::new();
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(".tmp-") {
                super::sweep_if_stale(&e.path());
            } else if name.ends_with(".json") {
                names.push(name);
            }
        }
        names.sort();
        let stamp = Stamp {
            mtime_ns: mtime.unwrap_or(0),
            files: names.len(),
            names: super::content_hash(&names.join("\n")),
            settled,
        };
        Ok(Some((names, stamp)))
    }

    /// The trainer's start-up view of the history: read from the index's first line
    /// when the index matches the folder, else from [`Store::summaries`] (which
    /// brings the index up to date).
    ///
    /// # Errors
    /// When the data directory or its `meetings` folder exists but is not a
    /// readable folder.
    pub fn head(&self) -> Result<Head, StoreError> {
        let head = read_head(&self.index_path()).filter(|h| h.format == INDEX_FORMAT);
        // The quick path: a settled stamp and a folder time that has not moved since.
        if let Some(h) = &head
            && h.stamp.settled
            && std::fs::metadata(self.meetings_dir())
                .is_ok_and(|m| m.is_dir() && mtime_ns(&m) == h.stamp.mtime_ns)
        {
            return Ok(head.unwrap_or_default());
        }
        let Some((_, stamp)) = self.listing()? else {
            return Ok(Head::default());
        };
        if let Some(h) = head
            && h.stamp == stamp
        {
            return Ok(h);
        }
        let all = self.summaries()?;
        Ok(head_of(&all, stamp_unknown()))
    }

    /// Every meeting's summary, newest first, from the index brought up to date:
    /// files not in the index or changed since are read (and corrupt ones moved
    /// aside to `corrupt/`, as [`Store::load_all`] does); the index is rewritten
    /// when anything changed.
    ///
    /// # Errors
    /// When the data directory or its `meetings` folder exists but is not a
    /// readable folder.
    pub fn summaries(&self) -> Result<Summaries, StoreError> {
        let Some((names, stamp)) = self.listing()? else {
            return Ok(Summaries::default());
        };
        let (old_head, mut old) = read_index(&self.index_path());
        let fresh = old_head
            .as_ref()
            .is_some_and(|h| h.format == INDEX_FORMAT && h.stamp == stamp);
        let dir = self.meetings_dir();
        let mut entries = Vec::with_capacity(names.len());
        let mut moved = Vec::new();
        let mut changed = !fresh;
        // First what each file needs: its line as it is, or a new reading. The index
        // lists the files in the folder's sorted order, so the lines are matched to
        // the names by walking both in step (no map of every line); a line whose file
        // is gone is dropped, and of two lines for one file the later one counts.
        old.sort_by(|a, b| a.file.cmp(&b.file));
        let mut old = old.into_iter().peekable();
        let mut kept: Vec<Option<Entry>> = Vec::with_capacity(names.len());
        let mut stats = Vec::with_capacity(names.len());
        for name in &names {
            let mut line = None;
            while let Some(e) = old.next_if(|e| e.file <= *name) {
                if e.file == *name {
                    changed |= line.is_some();
                    line = Some(e);
                } else {
                    changed = true;
                }
            }
            let meta = std::fs::symlink_metadata(dir.join(name));
            let (size, mtime) = meta.as_ref().map_or((0, 0), |m| (m.len(), mtime_ns(m)));
            let keep = line.filter(|e| {
                meta.is_ok()
                    && e.size == size
                    && e.mtime_ns == mtime
                    && (e.summary.is_some() || e.warning.is_some())
            });
            kept.push(keep);
            stats.push((size, mtime));
        }
        if old.next().is_some() {
            changed = true;
        }
        drop(old);
        // The files to read are read by a thread per core (at most four); what they
        // found is taken in the folder's order below, where corrupt files move aside.
        let to_read: Vec<usize> = (0..names.len()).filter(|&i| kept[i].is_none()).collect();
        let mut read = super::par_map(&to_read, |&i| {
            read_record(&dir.join(&names[i])).map(|r| Summary::of(&r))
        })
        .into_iter();
        for ((name, keep), (size, mtime)) in names.iter().zip(kept).zip(stats) {
            if let Some(e) = keep {
                entries.push(e);
                continue;
            }
            changed = true;
            let p = dir.join(name);
            let shown = crate::text::sanitize_line(&p.display().to_string());
            let Some(result) = read.next() else {
                continue;
            };
            let (summary, warning) = match result {
                Ok(r) if format!("{}.json", r.id) == *name => (Some(r), None),
                Ok(r) => (
                    None,
                    Some(format!(
                        "{shown}: warning: its id `{}` is not its file name; it is skipped (rename the file to `<id>.json` or fix the id)",
                        crate::text::sanitize_line(&r.id)
                    )),
                ),
                Err(Unusable::Skip(why)) => (
                    None,
                    Some(format!(
                        "{shown}: warning: {why}; it is skipped and left in place"
                    )),
                ),
                Err(Unusable::Corrupt(why)) => {
                    let to = self.move_aside(&p);
                    moved.push(format!(
                        "{shown}: warning: {} ({})",
                        crate::text::sanitize_line(&why),
                        match to {
                            Some(to) => format!(
                                "moved aside to {}",
                                crate::text::sanitize_line(&to.display().to_string())
                            ),
                            None => "could not move it aside; it is ignored".into(),
                        }
                    ));
                    continue;
                }
            };
            entries.push(Entry {
                file: name.clone(),
                size,
                mtime_ns: mtime,
                summary,
                warning,
            });
        }
        let mut warnings: Vec<String> = entries.iter().filter_map(|e| e.warning.clone()).collect();
        if changed {
            // A file moved aside changed the folder: stamp it as it is now.
            let stamp = if moved.is_empty() {
                stamp
            } else {
                self.listing()?.map(|(_, s)| s).unwrap_or_default()
            };
            let head = head_from(
                entries.iter().filter_map(|e| e.summary.as_ref()),
                &warnings,
                stamp,
            );
            let _ = write_index(&self.index_path(), &head, &entries);
        }
        // The summaries are moved out of the lines, not copied.
        let mut list: Vec<Summary> = entries.into_iter().filter_map(|e| e.summary).collect();
        sort_newest_first(&mut list);
        warnings.extend(moved);
        Ok(Summaries { list, warnings })
    }
}

/// A stamp that matches no folder (for a head that is not written).
fn stamp_unknown() -> Stamp {
    Stamp::default()
}

/// The head of a set of summaries.
#[must_use]
pub fn head_of(s: &Summaries, stamp: Stamp) -> Head {
    head_from(s.list.iter(), &s.warnings, stamp)
}

/// The head of summaries in any order (the unfinished ones are listed newest first).
fn head_from<'a>(
    list: impl Iterator<Item = &'a Summary>,
    warnings: &[String],
    stamp: Stamp,
) -> Head {
    let mut best: BTreeMap<String, i32> = BTreeMap::new();
    let mut unfinished = Vec::new();
    let mut meetings = 0;
    for r in list {
        meetings += 1;
        match r.status {
            Status::Finished => {
                let b = best.entry(r.scenario.clone()).or_insert(r.score.total);
                *b = (*b).max(r.score.total);
            }
            Status::Unfinished => unfinished.push(r.clone()),
        }
    }
    sort_newest_first(&mut unfinished);
    Head {
        format: INDEX_FORMAT,
        stamp,
        meetings,
        best,
        unfinished,
        warnings: warnings.to_vec(),
    }
}

/// Largest index file read (a bigger one is rebuilt from the meetings).
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// The index's first line, if it parses.
fn read_head(path: &Path) -> Option<Head> {
    use std::io::BufRead;
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    let f = std::fs::File::open(path).ok()?;
    let mut line = Vec::new();
    std::io::BufReader::new(f)
        .take(MAX_INDEX_BYTES)
        .read_until(b'\n', &mut line)
        .ok()?;
    serde_json::from_slice(&line).ok()
}

/// The whole index: its head and entries; nothing when it is missing or any line
/// does not parse (it is then rebuilt). Read a line at a time: the file is never
/// held whole.
fn read_index(path: &Path) -> (Option<Head>, Vec<Entry>) {
    use std::io::BufRead;
    let none = || (None, Vec::new());
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return none();
    };
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return none();
    }
    let Ok(f) = std::fs::File::open(path) else {
        return none();
    };
    let mut r = std::io::BufReader::with_capacity(1 << 16, f).take(MAX_INDEX_BYTES);
    let mut line = Vec::new();
    let mut head = None;
    // About one line per meeting file, each a few hundred bytes.
    let mut entries = Vec::with_capacity(usize::try_from(meta.len() / 640).unwrap_or(0));
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(_) => return none(),
        }
        let l = line.strip_suffix(b"\n").unwrap_or(&line);
        if l.is_empty() {
            continue;
        }
        if head.is_none() {
            match serde_json::from_slice::<Head>(l) {
                Ok(h) if h.format == INDEX_FORMAT => head = Some(h),
                _ => return none(),
            }
            continue;
        }
        match serde_json::from_slice::<Entry>(l) {
            Ok(e) => entries.push(e),
            Err(_) => return none(),
        }
    }
    if head.is_none() {
        return none();
    }
    (head, entries)
}

fn write_index(path: &Path, head: &Head, entries: &[Entry]) -> Result<(), StoreError> {
    let err = |e: serde_json::Error| StoreError::Io {
        path: path.display().to_string(),
        source: e.into(),
    };
    let mut out = serde_json::to_vec(head).map_err(err)?;
    out.push(b'\n');
    for e in entries {
        serde_json::to_writer(&mut out, e).map_err(err)?;
        out.push(b'\n');
    }
    super::atomic_write(path, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, status: Status, total: i32, when: &str) -> Record {
        let loaded = crate::scenario::bundled_by_id("bakery-vpn")
            .expect("bundled")
            .expect("valid");
        let inputs = vec![crate::session::Input::Ask {
            to: None,
            text: "How many staff do you have?".into(),
        }];
        let (s, _) = crate::session::Session::replay(
            std::sync::Arc::clone(&loaded.scenario),
            1,
            None,
            None,
            inputs.iter().cloned(),
        );
        let mut r = super::super::record(id.into(), &loaded, &s, 1, inputs, when.into());
        r.status = status;
        r.finished_at = (status == Status::Finished).then(|| when.to_string());
        r.report.score.total = total;
        r
    }

    fn ids(s: &Summaries) -> Vec<&str> {
        s.list.iter().map(|r| r.id.as_str()).collect()
    }

    fn store() -> (tempfile::TempDir, Store) {
        let d = tempfile::tempdir().expect("tempdir");
        let s = Store::new(d.path().to_path_buf());
        (d, s)
    }

    #[test]
    fn no_folder_is_an_empty_history_and_writes_nothing() {
        let (_d, s) = store();
        assert!(s.summaries().expect("ok").list.is_empty());
        assert_eq!(s.head().expect("ok").meetings, 0);
        assert!(!s.index_path().exists());
    }

    #[test]
    fn a_missing_index_is_built_and_then_used() {
        let (_d, s) = store();
        s.save(&record("a", Status::Finished, 40, "2026-01-01T10:00:00Z"))
            .expect("save");
        s.save(&record("b", Status::Finished, 70, "2026-01-02T10:00:00Z"))
            .expect("save");
        s.save(&record("c", Status::Unfinished, 0, "2026-01-03T10:00:00Z"))
            .expect("save");
        let all = s.summaries().expect("ok");
        assert_eq!(ids(&all), ["c", "b", "a"]);
        assert!(s.index_path().exists(), "built");
        let h = s.head().expect("ok");
        assert_eq!(h.best.get("bakery-vpn"), Some(&70));
        assert_eq!(h.unfinished.len(), 1);
        assert_eq!(h.meetings, 3);
        // The head now comes from the index: a summary there is what is shown.
        let fresh = read_head(&s.index_path()).expect("head");
        assert_eq!(fresh.stamp, s.listing().expect("ok").expect("dir").1);
        // And agrees with reading every file.
        let full = s.load_all().expect("ok");
        let from_files: Vec<&str> = full.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids(&all), from_files);
    }

    #[test]
    fn a_stale_index_is_brought_up_to_date() {
        let (_d, s) = store();
        s.save(&record("a", Status::Unfinished, 10, "2026-01-01T10:00:00Z"))
            .expect("save");
        assert_eq!(s.head().expect("ok").unfinished.len(), 1);
        // The meeting is finished (its file replaced), one is added, none removed.
        std::thread::sleep(std::time::Duration::from_millis(20));
        s.save(&record("a", Status::Finished, 55, "2026-01-01T10:00:00Z"))
            .expect("save");
        s.save(&record("b", Status::Finished, 30, "2026-01-02T10:00:00Z"))
            .expect("save");
        let h = s.head().expect("ok");
        assert!(h.unfinished.is_empty(), "{h:?}");
        assert_eq!(h.best.get("bakery-vpn"), Some(&55));
        assert_eq!(h.meetings, 2);
        // A removed file leaves the index too.
        std::fs::remove_file(s.path_of("b").expect("id")).expect("rm");
        assert_eq!(ids(&s.summaries().expect("ok")), ["a"]);
        assert_eq!(s.head().expect("ok").meetings, 1);
    }

    #[test]
    fn a_corrupt_index_is_rebuilt_and_never_touches_meetings() {
        let (_d, s) = store();
        s.save(&record("a", Status::Finished, 40, "2026-01-01T10:00:00Z"))
            .expect("save");
        s.save(&record("b", Status::Unfinished, 0, "2026-01-02T10:00:00Z"))
            .expect("save");
        s.summaries().expect("ok");
        let before: Vec<Vec<u8>> = ["a", "b"]
            .iter()
            .map(|id| std::fs::read(s.path_of(id).expect("id")).expect("read"))
            .collect();
        let garbage: [&[u8]; 6] = [
            b"",
            b"\x00\xff\xfe not json",
            b"{\"format\":1}\n",
            b"{\"format\":99,\"stamp\":{\"mtime_ns\":0,\"files\":0,\"names\":\"\"}}\n",
            b"[1,2,3]\n{\"file\":\"a.json\"}\n",
            b"{\"format\":1,\"stamp\":{\"mtime_ns\":0,\"files\":2,\"names\":\"x\"},\"meetings\":5,\"best\":{\"bakery-vpn\":-7},\"unfinished\":[],\"warnings\":[]}\n{\"file\":\"a.json\",\"size\":\"big\"}\n",
        ];
        for g in garbage {
            std::fs::write(s.index_path(), g).expect("write");
            let h = s.head().expect("no error");
            assert_eq!(h.meetings, 2, "{g:?}");
            assert_eq!(h.best.get("bakery-vpn"), Some(&40), "{g:?}");
            assert_eq!(h.unfinished.len(), 1, "{g:?}");
            std::fs::write(s.index_path(), g).expect("write");
            assert_eq!(ids(&s.summaries().expect("no error")), ["b", "a"], "{g:?}");
        }
        // The index is a folder: it cannot be read or written; the history still is.
        std::fs::remove_file(s.index_path()).expect("rm");
        std::fs::create_dir(s.index_path()).expect("dir");
        assert_eq!(ids(&s.summaries().expect("no error")), ["b", "a"]);
        let after: Vec<Vec<u8>> = ["a", "b"]
            .iter()
            .map(|id| std::fs::read(s.path_of(id).expect("id")).expect("read"))
            .collect();
        assert_eq!(before, after, "meeting files untouched");
        assert!(!s.root().join("corrupt").exists(), "nothing moved aside");
    }

    #[test]
    fn a_matching_index_line_is_trusted_until_its_file_changes() {
        let (_d, s) = store();
        s.save(&record("a", Status::Finished, 40, "2026-01-01T10:00:00Z"))
            .expect("save");
        s.summaries().expect("ok");
        // An index whose head is stale but whose line for `a` matches the file
        // keeps that line's summary (the file is not read again).
        let text = std::fs::read_to_string(s.index_path()).expect("read");
        let edited = text.replacen("\"total\":40", "\"total\":41", 2);
        let edited = edited.replacen("\"mtime_ns\":", "\"mtime_ns\":1", 1);
        std::fs::write(s.index_path(), edited).expect("write");
        let all = s.summaries().expect("ok");
        assert_eq!(all.list[0].score.total, 41, "the line was used");
        // Once the file changes, it is read again.
        std::thread::sleep(std::time::Duration::from_millis(20));
        s.save(&record("a", Status::Finished, 42, "2026-01-01T10:00:00Z"))
            .expect("save");
        assert_eq!(s.summaries().expect("ok").list[0].score.total, 42);
    }

    #[test]
    fn index_lines_in_any_order_are_matched_to_their_files() {
        let (_d, s) = store();
        for (id, total) in [("a", 10), ("b", 20), ("c", 30)] {
            s.save(&record(id, Status::Finished, total, "2026-01-01T10:00:00Z"))
                .expect("save");
        }
        s.summaries().expect("ok");
        // The lines reversed, one of them twice (the later copy edited), and a line
        // for a file that is gone: each file keeps its own line, the later of two.
        let text = std::fs::read_to_string(s.index_path()).expect("read");
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let head = lines.remove(0);
        lines.reverse();
        let b = lines
            .iter()
            .find(|l| l.contains("\"b.json\""))
            .expect("b")
            .clone();
        lines.push(b.replacen("\"total\":20", "\"total\":21", 2));
        lines.push(b.replace("b.json", "gone.json"));
        let edited = format!("{head}\n{}\n", lines.join("\n"));
        std::fs::write(s.index_path(), edited).expect("write");
        let all = s.summaries().expect("ok");
        let totals: Vec<(&str, i32)> = all
            .list
            .iter()
            .map(|r| (r.id.as_str(), r.score.total))
            .collect();
        assert_eq!(totals, [("c", 30), ("b", 21), ("a", 10)]);
        // The index was written again without the stray lines.
        let again = std::fs::read_to_string(s.index_path()).expect("read");
        assert_eq!(again.lines().count(), 4, "{again}");
        assert!(!again.contains("gone.json"));
    }

    #[test]
    fn bad_files_warn_every_time_and_corrupt_ones_move_aside_once() {
        let (_d, s) = store();
        s.save(&record("a", Status::Finished, 40, "2026-01-01T10:00:00Z"))
            .expect("save");
        let dir = s.meetings_dir();
        std::fs::write(dir.join("broken.json"), b"{ not json").expect("write");
        let mut wrong =
            serde_json::to_value(record("x", Status::Finished, 1, "2026-01-01T10:00:00Z"))
                .expect("json");
        wrong["id"] = "y".into();
        std::fs::write(dir.join("x.json"), wrong.to_string()).expect("write");
        let first = s.summaries().expect("ok");
        assert_eq!(ids(&first), ["a"]);
        assert_eq!(first.warnings.len(), 2, "{:?}", first.warnings);
        assert!(s.root().join("corrupt").exists());
        let again = s.summaries().expect("ok");
        assert_eq!(again.warnings.len(), 1, "{:?}", again.warnings);
        assert!(again.warnings[0].contains("not its file name"));
        assert_eq!(s.head().expect("ok").warnings.len(), 1);
    }

    fn age_folder(s: &Store) {
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::open(s.meetings_dir())
            .and_then(|f| f.set_modified(old))
            .expect("set the folder's time");
    }

    #[test]
    fn a_settled_index_is_trusted_on_the_folder_time_until_it_moves() {
        let (_d, s) = store();
        s.save(&record("a", Status::Unfinished, 0, "2026-01-01T10:00:00Z"))
            .expect("save");
        s.summaries().expect("ok");
        assert!(
            !read_head(&s.index_path()).expect("head").stamp.settled,
            "just saved"
        );
        age_folder(&s);
        // The folder is now old: the next look stamps the index as settled.
        assert_eq!(s.head().expect("ok").unfinished.len(), 1);
        let h = read_head(&s.index_path()).expect("head");
        assert!(h.stamp.settled);
        // A save moves the folder's time: the quick path is not taken, the new
        // meeting is seen.
        s.save(&record("b", Status::Unfinished, 0, "2026-01-02T10:00:00Z"))
            .expect("save");
        assert_eq!(s.head().expect("ok").unfinished.len(), 2);
        assert_eq!(ids(&s.summaries().expect("ok")), ["b", "a"]);
    }

    /// (Store, not the index.) A continuing save skips reading the file back only
    /// while it is the very file this trainer wrote; a file rewritten by someone
    /// else is still caught as a conflict.
    #[test]
    fn a_known_file_is_not_read_back_but_a_changed_one_conflicts() {
        let (_d, s) = store();
        let mut mine = record("m", Status::Unfinished, 0, "2026-01-01T10:00:00Z");
        let (_, known) = s.save_continuing_known(&mine, None).expect("first save");
        assert!(known.is_some());
        mine.inputs
            .push(crate::session::Input::Propose("A trial?".into()));
        let (_, known) = s.save_continuing_known(&mine, known).expect("second save");
        // Another trainer rewrites the file with turns this one has not seen.
        let mut theirs = mine.clone();
        theirs.inputs = vec![crate::session::Input::Propose("Something else".into())];
        s.save(&theirs).expect("their save");
        mine.inputs.push(crate::session::Input::End);
        assert!(matches!(
            s.save_continuing_known(&mine, known),
            Err(super::super::SaveError::Conflict)
        ));
    }
}
