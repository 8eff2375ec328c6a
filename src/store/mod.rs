//! Per-user history: one JSON file per meeting in `<data dir>/meetings/`,
//! written atomically (temp file, fsync, rename, fsync the folder). Nothing is
//! ever rewritten except an unfinished meeting by the instance that owns it, so
//! concurrent instances cannot lose each other's work. Files that fail to parse
//! are moved aside to `<data dir>/corrupt/`, never overwritten.

pub mod json;
pub mod sent;
pub mod summary;
pub mod time;

use crate::lang::Lang;
use crate::report::Report;
use crate::session::Input;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Version of the meeting file format.
pub const FORMAT: u32 = 1;

/// Temp files older than this are swept at start (seconds).
const STALE_TEMP_SECS: u64 = 600;

/// One saved meeting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// File format version.
    pub format: u32,
    /// Unique id (also the file name).
    pub id: String,
    /// Scenario id.
    pub scenario: String,
    /// Scenario title at the time.
    #[serde(default)]
    pub title: String,
    /// FNV-1a 64 hash of the scenario file's text, in hex.
    pub scenario_hash: String,
    /// Seed used.
    pub seed: u64,
    /// Language of the meeting.
    pub lang: Lang,
    /// Trainee name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainee: Option<String>,
    /// `finished` or `unfinished`.
    pub status: Status,
    /// When it started.
    pub started_at: String,
    /// When it finished (none while unfinished).
    #[serde(default)]
    pub finished_at: Option<String>,
    /// The trainee's inputs, in order.
    pub inputs: Vec<Input>,
    /// The full graded report.
    pub report: Report,
    /// For a follow-up meeting: what it carried over from the earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<crate::scenario::carry::Carried>,
}

/// Whether a meeting ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The meeting ended (by the trainee or the customer).
    Finished,
    /// Left mid-way; can be resumed.
    Unfinished,
}

/// Largest number of turns, inputs or findings, and largest behaviour count, accepted in a record.
pub const MAX_COUNT: u32 = 100_000;

/// Largest points (either sign) accepted for one turn or finding.
pub const MAX_POINTS: i32 = 1_000;

impl Record {
    /// Checks that the numbers of a record read from a file are within their
    /// ranges (score 0–100, each part's maximum 1–100 and its points 0 to that
    /// maximum, I+N share 0–100, counts
    /// and lengths at most [`MAX_COUNT`], points at most [`MAX_POINTS`] either way).
    ///
    /// # Errors
    /// The first field out of range, as `field.path is V, outside A–B`.
    pub fn check(&self) -> Result<(), String> {
        // The field is named only when its value is out of range (no text is made for
        // the fields that are fine).
        fn within(field: std::fmt::Arguments, v: i64, lo: i64, hi: i64) -> Result<(), String> {
            if (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err(format!("{field} is {v}, outside {lo}–{hi}"))
            }
        }
        let r = &self.report;
        let n = i64::from(MAX_COUNT);
        let pts = i64::from(MAX_POINTS);
        within(
            format_args!("report.score.total"),
            r.score.total.into(),
            0,
            100,
        )?;
        for (part, ps) in r.score.parts.list() {
            let field = part.code();
            // Not pinned to today's maximum: a rebalanced scoring must not hide older meetings.
            within(
                format_args!("report.score.parts.{field}.max"),
                ps.max.into(),
                1,
                100,
            )?;
            within(
                format_args!("report.score.parts.{field}.points"),
                ps.points.into(),
                0,
                ps.max.into(),
            )?;
            within(
                format_args!("report.score.parts.{field}.raw"),
                ps.raw.into(),
                -n * pts,
                n * pts,
            )?;
        }
        let c = &r.counts;
        for (k, v) in [
            ("situation", c.situation),
            ("problem", c.problem),
            ("implication", c.implication),
            ("need_payoff", c.need_payoff),
            ("other", c.other),
            ("implied_needs", c.implied_needs),
            ("explicit_needs", c.explicit_needs),
            ("met_needs", c.met_needs),
            ("features", c.features),
            ("functions", c.functions),
            ("advantages", c.advantages),
            ("benefits", c.benefits),
        ] {
            within(format_args!("report.counts.{k}"), v.into(), 0, n)?;
        }
        within(
            format_args!("report.counts.in_share"),
            c.in_share.into(),
            0,
            100,
        )?;
        let len = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        within(
            format_args!("inputs (number of)"),
            len(self.inputs.len()),
            0,
            n,
        )?;
        within(
            format_args!("report.turns (number of)"),
            len(r.turns.len()),
            0,
            n,
        )?;
        for (i, t) in r.turns.iter().enumerate() {
            within(
                format_args!("report.turns[{i}].points"),
                t.points.into(),
                -pts,
                pts,
            )?;
            within(
                format_args!("report.turns[{i}].findings (number of)"),
                len(t.step.findings.len()),
                0,
                n,
            )?;
            for (j, f) in t.step.findings.iter().enumerate() {
                within(
                    format_args!("report.turns[{i}].findings[{j}].points"),
                    f.points.into(),
                    -pts,
                    pts,
                )?;
            }
        }
        for (j, f) in r.closing.iter().enumerate() {
            within(
                format_args!("report.closing[{j}].points"),
                f.points.into(),
                -pts,
                pts,
            )?;
        }
        Ok(())
    }

    /// Number of findings of a rule in the meeting's turns.
    #[must_use]
    pub fn rule_count(&self, rule: crate::scoring::RuleId) -> usize {
        self.findings().filter(|f| f.rule == rule.as_str()).count()
    }

    /// How many point-losing findings each rule gave in the meeting's turns.
    #[must_use]
    pub fn points_lost(&self) -> std::collections::BTreeMap<&str, u32> {
        let mut lost = std::collections::BTreeMap::new();
        for f in self.findings().filter(|f| f.points < 0) {
            let n: &mut u32 = lost.entry(f.rule.as_ref()).or_default();
            *n = n.saturating_add(1);
        }
        lost
    }

    fn findings(&self) -> impl Iterator<Item = &crate::scoring::Finding<crate::scoring::RuleName>> {
        self.report.turns.iter().flat_map(|t| &t.step.findings)
    }

    /// The time to sort by: finished, else started.
    #[must_use]
    pub fn when(&self) -> &str {
        self.finished_at.as_deref().unwrap_or(&self.started_at)
    }
}

/// Errors of the history store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file system operation failed.
    #[error("{path}: {source} (check that the data directory is writable)")]
    Io {
        /// The path involved.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// No meeting with that id.
    #[error("no saved meeting `{0}` (see `spin-coach history`)")]
    NotFound(String),
    /// A meeting id that is not a plain file name.
    #[error(
        "`{0}` is not a valid meeting id (ids are letters, digits, `-`, `_` and `.`, at most {MAX_ID} characters, not starting with `.`)"
    )]
    BadId(String),
    /// The data directory (or its `meetings` folder) exists but cannot be read as a folder.
    #[error(
        "{path}: cannot read the history: {source} (choose another folder with --data-dir or $SPIN_COACH_DATA)"
    )]
    Unreadable {
        /// The folder.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Why a meeting could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another trainer holds the lock.
    #[error("the meeting is open in another trainer")]
    Busy,
    /// The lock file could not be made.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a continuing save was refused.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file holds turns this trainer has not seen.
    #[error("the meeting file was changed by another trainer")]
    Conflict,
    /// Writing failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An exclusive hold on one meeting; released when dropped.
#[derive(Debug)]
pub struct MeetingLock {
    file: Option<std::fs::File>,
    path: PathBuf,
}

impl MeetingLock {
    /// Whether the folder supports locks (false: only the check before each save protects the meeting).
    #[must_use]
    pub fn held(&self) -> bool {
        self.file.is_some()
    }

    /// Releases the lock and removes its file (for a finished meeting, which is never resumed).
    pub fn release_finished(mut self) {
        if let Some(f) = self.file.take() {
            let _ = std::fs::remove_file(&self.path);
            drop(f);
        }
    }
}

/// Longest meeting id accepted.
pub const MAX_ID: usize = 128;

/// Whether an id is a plain file name: ASCII letters, digits, `-`, `_` and `.`,
/// not starting with `.`, at most [`MAX_ID`] characters. Ids become file names,
/// so anything else (`..`, `/`, an absolute path) is refused.
#[must_use]
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The data directory: `--data-dir`, else `$SPIN_COACH_DATA`, else the per-user data dir.
#[must_use]
pub fn data_dir(cli: Option<&Path>) -> PathBuf {
    if let Some(p) = cli {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("SPIN_COACH_DATA").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("", "", "spin-coach").map_or_else(
        || PathBuf::from(".spin-coach"),
        |d| d.data_dir().to_path_buf(),
    )
}

/// FNV-1a 64-bit hash of a text, as 16 hex digits.
#[must_use]
pub fn content_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A new unique meeting id: UTC time, process id and a nanosecond counter.
#[must_use]
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let stamp = time::rfc3339(now.as_secs()).replace(['-', ':'], "");
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "{}-{:x}{:05x}{:x}",
        stamp.trim_end_matches('Z'),
        std::process::id(),
        now.subsec_nanos() >> 12,
        n
    )
}

/// A history store rooted at a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// What loading the history found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Records, newest first.
    pub records: Vec<Record>,
    /// Problems (corrupt files moved aside), one line each.
    pub warnings: Vec<String>,
}

impl Store {
    /// A store in `root` (created on first save).
    #[must_use]
    pub fn new(root: PathBuf) -> Store {
        Store { root }
    }

    /// The data directory this store lives in.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of meeting files.
    #[must_use]
    pub fn meetings_dir(&self) -> PathBuf {
        self.root.join("meetings")
    }

    /// The file of a meeting; refuses ids that are not plain file names.
    ///
    /// # Errors
    /// [`StoreError::BadId`] for an id with a path separator, `..`, a leading `.`, etc.
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !valid_id(id) {
            return Err(StoreError::BadId(crate::text::sanitize_line(id)));
        }
        Ok(self.meetings_dir().join(format!("{id}.json")))
    }

    /// Saves a record atomically; an unfinished meeting's file is replaced in place.
    ///
    /// # Errors
    /// When the directory or file cannot be written.
    pub fn save(&self, rec: &Record) -> Result<PathBuf, StoreError> {
        let path = self.path_of(&rec.id)?;
        let dir = self.meetings_dir();
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let json = serde_json::to_vec_pretty(rec).map_err(|e| StoreError::Io {
            path: rec.id.clone(),
            source: e.into(),
        })?;
        atomic_write(&path, &json)?;
        Ok(path)
    }

    /// The meetings folder's entries; `None` when it does not exist.
    ///
    /// # Errors
    /// When the data directory or its `meetings` folder exists but is not a
    /// readable folder.
    pub(crate) fn read_meetings_dir(&self) -> Result<Option<std::fs::ReadDir>, StoreError> {
        let dir = self.meetings_dir();
        match std::fs::read_dir(&dir) {
            Ok(e) => Ok(Some(e)),
            Err(_) if self.root.exists() && !self.root.is_dir() => Err(StoreError::Unreadable {
                path: crate::text::sanitize_line(&self.root.display().to_string()),
                source: std::io::Error::other("the data directory is not a folder"),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StoreError::Unreadable {
                path: crate::text::sanitize_line(&dir.display().to_string()),
                source,
            }),
        }
    }

    /// Loads every record, newest first. Files that fail to parse are moved
    /// aside to `corrupt/`; files that cannot be read, symbolic links, records
    /// written by a newer spin-coach and records whose id is not their file name
    /// are skipped with a warning and left in place.
    ///
    /// # Errors
    /// When the data directory or its `meetings` folder exists but is not a
    /// readable folder (a missing one is an empty history).
    pub fn load_all(&self) -> Result<Loaded, StoreError> {
        let mut out = Loaded::default();
        let Some(entries) = self.read_meetings_dir()? else {
            return Ok(out);
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with(".tmp-") {
                sweep_if_stale(&p);
                continue;
            }
            if !name.ends_with(".json") {
                continue;
            }
            let shown = crate::text::sanitize_line(&p.display().to_string());
            match read_record(&p) {
                Ok(r) if format!("{}.json", r.id) == name => out.records.push(r),
                Ok(r) => out.warnings.push(format!(
                    "{shown}: warning: its id `{}` is not its file name; it is skipped (rename the file to `<id>.json` or fix the id)",
                    crate::text::sanitize_line(&r.id)
                )),
                Err(Unusable::Skip(why)) => out
                    .warnings
                    .push(format!("{shown}: warning: {why}; it is skipped and left in place")),
                Err(Unusable::Corrupt(why)) => {
                    let moved = self.move_aside(&p);
                    out.warnings.push(format!(
                        "{shown}: warning: {} ({})",
                        crate::text::sanitize_line(&why),
                        match moved {
                            Some(to) => format!(
                                "moved aside to {}",
                                crate::text::sanitize_line(&to.display().to_string())
                            ),
                            None => "could not move it aside; it is ignored".into(),
                        }
                    ));
                }
            }
        }
        out.records
            .sort_by(|a, b| b.when().cmp(a.when()).then_with(|| b.id.cmp(&a.id)));
        Ok(out)
    }

    /// Finds one record by id, else by a unique id prefix.
    ///
    /// # Errors
    /// When no record (or more than one by prefix) matches, or the history cannot be read.
    pub fn find(&self, id: &str) -> Result<Record, StoreError> {
        // An exact id is one file: read just that one.
        if let Ok(p) = self.path_of(id)
            && let Ok(r) = read_record(&p)
            && r.id == id
        {
            return Ok(r);
        }
        // A prefix: the summaries say which meetings it names; only that one is read.
        let all = self.summaries()?.list;
        let mut hits = all.iter().filter(|r| r.id.starts_with(id));
        match (hits.next(), hits.next()) {
            (Some(r), None) => match self.path_of(&r.id).ok().map(|p| read_record(&p)) {
                Some(Ok(rec)) if rec.id == r.id => Ok(rec),
                _ => Err(StoreError::NotFound(crate::text::sanitize_line(id))),
            },
            _ => Err(StoreError::NotFound(crate::text::sanitize_line(id))),
        }
    }

    /// Reads the meeting a summary names, for an export that goes through the
    /// history in the summaries' order. The file is read as [`Store::load_all`]
    /// reads it; one that changed since its summary was made into something that
    /// cannot be exported (removed, corrupt, another id) is left as it is.
    ///
    /// # Errors
    /// The warning to show when the file can no longer be read as that meeting.
    pub fn read_listed(&self, id: &str) -> Result<Record, String> {
        let p = self.path_of(id).map_err(|e| e.to_string())?;
        let shown = crate::text::sanitize_line(&p.display().to_string());
        match read_record(&p) {
            Ok(r) if r.id == id => Ok(r),
            Ok(r) => Err(format!(
                "{shown}: warning: its id `{}` is not its file name; it is skipped (rename the file to `<id>.json` or fix the id)",
                crate::text::sanitize_line(&r.id)
            )),
            Err(Unusable::Skip(why)) => Err(format!(
                "{shown}: warning: {why}; it is skipped and left in place"
            )),
            Err(Unusable::Corrupt(why)) => Err(format!(
                "{shown}: warning: {}; it is skipped",
                crate::text::sanitize_line(&why)
            )),
        }
    }

    /// What a follow-up of `scenario` carries over: the newest finished meeting of
    /// that scenario in this history, if there is one that reads.
    #[must_use]
    pub fn carried_from(&self, scenario: &str) -> Option<crate::scenario::carry::Carried> {
        let list = self.summaries().ok()?.list;
        let newest = list
            .iter()
            .filter(|s| s.scenario == scenario && s.status == Status::Finished)
            .max_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)))?;
        let r = self.find(&newest.id).ok()?;
        Some(carried_of(&r))
    }

    /// Takes the exclusive lock on one meeting (`<data dir>/locks/<id>.lock`),
    /// held until the returned [`MeetingLock`] is dropped. The lock is
    /// `std::fs::File::try_lock` (flock on Unix, `LockFileEx` on Windows).
    ///
    /// # Errors
    /// [`LockError::Busy`] when another trainer holds it; [`LockError::Store`] for
    /// a bad id or a data directory that cannot be written. A folder that does not
    /// support locks is not an error: the lock then reports `held() == false`.
    pub fn lock(&self, id: &str) -> Result<MeetingLock, LockError> {
        self.path_of(id)?;
        let dir = self.root.join("locks");
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let path = dir.join(format!("{id}.lock"));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(MeetingLock {
                file: Some(file),
                path,
            }),
            Err(std::fs::TryLockError::WouldBlock) => Err(LockError::Busy),
            Err(std::fs::TryLockError::Error(_)) => Ok(MeetingLock { file: None, path }),
        }
    }

    /// Saves an unfinished or finished meeting that this trainer continues, but
    /// only if the file on disk holds no turns this trainer has not seen (its
    /// inputs are a prefix of `rec.inputs`). This catches a second trainer that
    /// the lock did not stop (a shared folder without working locks).
    ///
    /// # Errors
    /// [`SaveError::Conflict`] when the file was changed by someone else; the
    /// file is then left untouched. [`SaveError::Store`] when writing fails.
    pub fn save_continuing(&self, rec: &Record) -> Result<PathBuf, SaveError> {
        self.save_continuing_known(rec, None).map(|(p, _)| p)
    }

    /// As [`Store::save_continuing`], but when the file on disk is still the one
    /// this trainer wrote last (`known`: its size, time and inode, as returned by
    /// the previous save), it is not read back and parsed: a turn then costs no
    /// more at turn 1,000 than at turn 10. Returns the new file's identity.
    ///
    /// # Errors
    /// As [`Store::save_continuing`].
    pub fn save_continuing_known(
        &self,
        rec: &Record,
        known: Option<FileId>,
    ) -> Result<(PathBuf, Option<FileId>), SaveError> {
        let path = self.path_of(&rec.id)?;
        let unchanged = known.is_some() && FileId::of(&path) == known;
        if unchanged {
            let p = self.save(rec)?;
            let id = FileId::of(&p);
            return Ok((p, id));
        }
        if let Ok(bytes) = std::fs::read(&path) {
            #[derive(Deserialize)]
            struct Inputs {
                inputs: Vec<Input>,
            }
            let seen = serde_json::from_slice::<Inputs>(&bytes)
                .is_ok_and(|on_disk| rec.inputs.starts_with(&on_disk.inputs));
            if !seen {
                return Err(SaveError::Conflict);
            }
        }
        let p = self.save(rec)?;
        let id = FileId::of(&p);
        Ok((p, id))
    }

    fn move_aside(&self, p: &Path) -> Option<PathBuf> {
        let dir = self.root.join("corrupt");
        std::fs::create_dir_all(&dir).ok()?;
        let name = p.file_name()?.to_string_lossy().into_owned();
        let to = dir.join(format!("{name}.{}", time::now_secs()));
        std::fs::rename(p, &to).ok()?;
        Some(to)
    }
}

/// What tells one version of a file from another cheaply: its size, modification
/// time and (on Unix) inode; every atomic save makes a new inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    size: u64,
    mtime: Option<std::time::SystemTime>,
    inode: u64,
}

impl FileId {
    /// The identity of the file at `p` now (none when it cannot be read).
    #[must_use]
    pub fn of(p: &Path) -> Option<FileId> {
        let m = std::fs::symlink_metadata(p).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Some(FileId {
            size: m.len(),
            mtime: m.modified().ok(),
            inode,
        })
    }
}

/// Why a meeting file was not loaded.
enum Unusable {
    /// Not a meeting file this version can parse: moved aside.
    Corrupt(String),
    /// Unreadable, a link, or from a newer version: left in place.
    Skip(String),
}

fn read_record(p: &Path) -> Result<Record, Unusable> {
    let meta = std::fs::symlink_metadata(p).map_err(|e| Unusable::Skip(e.to_string()))?;
    if meta.file_type().is_symlink() {
        return Err(Unusable::Skip("a symbolic link, not followed".into()));
    }
    if !meta.is_file() {
        return Err(Unusable::Skip("not a regular file".into()));
    }
    if meta.len() > 16 * 1024 * 1024 {
        return Err(Unusable::Skip("larger than 16 MiB".into()));
    }
    let bytes = std::fs::read(p).map_err(|e| Unusable::Skip(format!("cannot be read: {e}")))?;
    #[derive(Deserialize)]
    struct Version {
        format: u32,
    }
    let newer = |format: u32| {
        Unusable::Skip(format!(
            "written by a newer spin-coach (format {format}; this one reads format {FORMAT}): update spin-coach to see it"
        ))
    };
    // One parse: the version is looked at on its own only when the record does not
    // read (a newer format may have changed it), to tell "newer" from "corrupt".
    // Text that is valid UTF-8 is checked once as a whole rather than string by
    // string; invalid UTF-8 goes through the byte parser for its located error.
    let parsed: Result<Record, serde_json::Error> = match std::str::from_utf8(&bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(&bytes),
    };
    let rec = match parsed {
        Ok(rec) if rec.format > FORMAT => return Err(newer(rec.format)),
        Ok(rec) => rec,
        Err(e) => {
            if let Ok(v) = serde_json::from_slice::<Version>(&bytes)
                && v.format > FORMAT
            {
                return Err(newer(v.format));
            }
            return Err(Unusable::Corrupt(format!("not a valid meeting file: {e}")));
        }
    };
    rec.check().map_err(|why| {
        Unusable::Skip(format!(
            "{} (the file was edited or damaged; fix the value or remove the file)",
            crate::text::sanitize_line(&why)
        ))
    })?;
    Ok(rec)
}

fn sweep_if_stale(p: &Path) {
    let old = std::fs::metadata(p)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() >= STALE_TEMP_SECS);
    if old {
        let _ = std::fs::remove_file(p);
    }
}

/// `f` of every item, in order, worked out by one thread per core (at most four)
/// when there are enough items to be worth the threads, each taking a run of them.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4);
    if threads == 1 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let per = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let mut runs = items.chunks(per);
        let first = runs.next().unwrap_or_default();
        let others: Vec<_> = runs
            .map(|run| s.spawn(move || run.iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out: Vec<R> = first.iter().map(f).collect();
        for h in others {
            out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        out
    })
}

/// Writes a file atomically: a uniquely named temp file in the same folder,
/// fsync, rename over the target, fsync the folder.
///
/// # Errors
/// When any step fails; the target is then untouched.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    atomic_write_with(path, |f| f.write_all(bytes))
}

/// Writes a file atomically as [`atomic_write`] does, its content written by
/// `fill` as it goes (through a buffer), so a large file is never held in memory.
///
/// # Errors
/// When any step fails, `fill` included; the target is then untouched.
pub fn atomic_write_with<T>(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<T>,
) -> Result<T, StoreError> {
    if let Ok(m) = std::fs::metadata(path)
        && !m.is_file()
        && !m.is_dir()
    {
        // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO): written to
        // as it is. Renaming a file over it would replace the device itself.
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(io(path))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
        let t = fill(&mut w).map_err(io(path))?;
        std::io::Write::flush(&mut w).map_err(io(path))?;
        return Ok(t);
    }
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), new_id()));
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(io(&tmp))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
    let res = fill(&mut w).and_then(|t| {
        let f = w
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        Ok(t)
    });
    let value = match res {
        Ok(t) => t,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&tmp)(e));
        }
    };
    if let Some(ms) = std::env::var("SPIN_COACH_TEST_SAVE_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        // Test hook: widens the window between writing and renaming so kill -9 tests land mid-save.
        std::thread::sleep(std::time::Duration::from_millis(ms.min(5000)));
    }
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(path)(e));
    }
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(value)
}

/// Builds a record from a finished or unfinished session.
#[must_use]
pub fn record(
    id: String,
    loaded: &crate::scenario::Loaded,
    session: &crate::session::Session,
    seed: u64,
    inputs: Vec<Input>,
    started_at: String,
) -> Record {
    let report = crate::report::build(session, seed);
    record_with(id, loaded, session, seed, inputs, started_at, report)
}

/// Builds a record from a session and the report already built from it (the
/// trainer keeps one up to date after every turn).
#[must_use]
pub fn record_with(
    id: String,
    loaded: &crate::scenario::Loaded,
    session: &crate::session::Session,
    seed: u64,
    inputs: Vec<Input>,
    started_at: String,
    report: Report,
) -> Record {
    let finished = session.is_over();
    Record {
        format: FORMAT,
        id,
        scenario: loaded.scenario.id.value.clone(),
        title: report.title.clone(),
        scenario_hash: content_hash(&loaded.source),
        seed,
        lang: session.lang(),
        trainee: None,
        status: if finished {
            Status::Finished
        } else {
            Status::Unfinished
        },
        started_at,
        finished_at: finished.then(time::now),
        inputs,
        report,
        continues: None,
    }
}

/// What a follow-up meeting carries over from record `r`: where each need ended.
#[must_use]
pub fn carried_of(r: &Record) -> crate::scenario::carry::Carried {
    use crate::scenario::NeedStart;
    use crate::session::NeedState;
    crate::scenario::carry::Carried {
        from: r.id.clone(),
        scenario: r.scenario.clone(),
        started_at: r.started_at.clone(),
        score: r.report.score.total,
        needs: r
            .report
            .needs
            .iter()
            .map(|n| crate::scenario::carry::CarriedNeed {
                need: n.id.clone(),
                state: match n.state {
                    NeedState::Hidden => NeedStart::Hidden,
                    NeedState::Implied => NeedStart::Implied,
                    NeedState::Developed => NeedStart::Developed,
                    NeedState::Explicit => NeedStart::Explicit,
                    NeedState::Met => NeedStart::Met,
                },
            })
            .collect(),
    }
}
