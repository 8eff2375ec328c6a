//! The picker's scenarios. A bundled scenario is listed from its catalogue data
//! ([`Meta::peek`], a few lines of its text) and parsed and validated the first
//! time it is opened. A scenario file of the user's folders is loaded and checked
//! once; what that found (its catalogue data, or its problems) is kept in
//! `<data dir>/scenario-index.jsonl` by the file's size and modification time, so
//! later starts list unchanged files from there and parse a file only when it is
//! opened. A scenario named on the command line is parsed once.

use crate::scenario::{Loaded, Meta, Origin, Problem, Scenario};
use std::cell::OnceCell;
use std::sync::Arc;

/// One scenario of the picker.
#[derive(Debug)]
pub struct Entry {
    /// What the picker shows.
    pub meta: Meta,
    /// Where it comes from.
    pub origin: Origin,
    /// A bundled scenario's file name and text, parsed on first use.
    bundled: Option<(&'static str, &'static str)>,
    /// The parsed scenario, or its problems.
    cell: OnceCell<Result<Loaded, Vec<Problem>>>,
}

impl Entry {
    /// An entry for a scenario already loaded.
    #[must_use]
    pub fn loaded(l: Loaded) -> Entry {
        Entry {
            meta: Meta::of(&l.scenario),
            origin: l.origin.clone(),
            bundled: None,
            cell: OnceCell::from(Ok(l)),
        }
    }

    /// An entry for a bundled scenario, parsed when first used (or now, when its
    /// catalogue data cannot be read on its own).
    ///
    /// # Errors
    /// The problems of a bundled file that does not load.
    pub fn bundled(name: &'static str, src: &'static str) -> Result<Entry, Vec<Problem>> {
        match Meta::peek(src) {
            Some(meta) => Ok(Entry {
                meta,
                origin: Origin::Bundled,
                bundled: Some((name, src)),
                cell: OnceCell::new(),
            }),
            None => parse_bundled(name, src).map(Entry::loaded),
        }
    }

    /// The loaded scenario (parsing it now if it was not yet), or `None` when it
    /// does not load (see [`Entry::problems`]).
    #[must_use]
    pub fn get(&self) -> Option<&Loaded> {
        self.load().as_ref().ok()
    }

    /// The scenario itself, as [`Entry::get`].
    #[must_use]
    pub fn scenario(&self) -> Option<&Arc<Scenario>> {
        self.get().map(|l| &l.scenario)
    }

    /// The problems that keep it from loading (empty when it loads).
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        match self.load() {
            Ok(_) => &[],
            Err(ps) => ps,
        }
    }

    /// Whether it has been parsed already.
    #[must_use]
    pub fn is_parsed(&self) -> bool {
        self.cell.get().is_some()
    }

    /// Gives it the scenario loaded elsewhere (the one named on the command line),
    /// so it is not parsed a second time.
    pub fn set(&mut self, l: Loaded) {
        self.meta = Meta::of(&l.scenario);
        self.cell = OnceCell::from(Ok(l));
    }

    fn load(&self) -> &Result<Loaded, Vec<Problem>> {
        self.cell
            .get_or_init(|| match (self.bundled, &self.origin) {
                (Some((name, src)), _) => parse_bundled(name, src),
                (None, Origin::File(p)) => crate::scenario::load_file(p),
                (None, Origin::Bundled) => Err(Vec::new()),
            })
    }
}

/// File name of the user scenarios' index in the data directory.
pub const SCENARIO_INDEX: &str = "scenario-index.jsonl";

/// What loading one scenario file found, by the file's size and time.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Seen {
    path: std::path::PathBuf,
    size: u64,
    mtime_ns: u128,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meta: Option<Meta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    problems: Vec<String>,
}

/// The index's lines in their order (the order the files were listed in).
fn read_seen(path: &std::path::Path) -> Vec<Seen> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Vec::new();
    };
    if !meta.is_file() || meta.len() > 64 * 1024 * 1024 {
        return Vec::new();
    }
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    // One line that does not parse: the whole index is ignored (and rewritten).
    let mut out = Vec::new();
    for l in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        match serde_json::from_slice::<Seen>(l) {
            Ok(s) => out.push(s),
            Err(_) => return Vec::new(),
        }
    }
    out
}

/// The index's lines, taken by path. The files are listed in the order the index
/// was written in, so the next line is tried first; a map of the rest is made only
/// when a file is not where it was (a file added, removed or renamed).
struct SeenLines {
    lines: std::iter::Peekable<std::vec::IntoIter<Seen>>,
    rest: Option<std::collections::HashMap<std::path::PathBuf, Seen>>,
}

impl SeenLines {
    fn new(lines: Vec<Seen>) -> SeenLines {
        SeenLines {
            lines: lines.into_iter().peekable(),
            rest: None,
        }
    }

    /// The line of `path`, taken out.
    fn take(&mut self, path: &std::path::Path) -> Option<Seen> {
        if self.rest.is_none() {
            if let Some(s) = self
                .lines
                .next_if(|s| s.path.as_os_str() == path.as_os_str())
            {
                return Some(s);
            }
            // Of two lines for one path the later one counts, as when they were
            // read into a map.
            let map = self.lines.by_ref().map(|s| (s.path.clone(), s)).collect();
            self.rest = Some(map);
        }
        self.rest.as_mut().and_then(|m| m.remove(path))
    }

    /// Whether lines of files no longer listed are left.
    fn any_left(&mut self) -> bool {
        self.lines.peek().is_some() || self.rest.as_ref().is_some_and(|m| !m.is_empty())
    }
}

fn parse_bundled(name: &str, src: &'static str) -> Result<Loaded, Vec<Problem>> {
    let path = format!("scenarios/{name}");
    crate::scenario::from_str(src, &path).map(|(scenario, warnings)| Loaded {
        scenario: Arc::new(scenario),
        origin: Origin::Bundled,
        source: src.to_string(),
        warnings,
    })
}

/// The picker's scenarios: the bundled ones (not parsed yet), then every file of
/// the `extra` folders; files that do not load are left out and their problems
/// returned. With a data directory, files unchanged since an earlier start are
/// listed from the scenario index without being read.
#[must_use]
pub fn discover(
    extra: &[std::path::PathBuf],
    data_dir: Option<&std::path::Path>,
) -> (Vec<Entry>, Vec<String>) {
    let mut ok = Vec::new();
    let mut problems = Vec::new();
    for (name, src) in crate::scenario::bundled_sources() {
        match Entry::bundled(name, src) {
            Ok(e) => ok.push(e),
            Err(ps) => problems.extend(ps.iter().map(ToString::to_string)),
        }
    }
    let index = data_dir.map(|d| d.join(SCENARIO_INDEX));
    let mut seen = SeenLines::new(index.as_deref().map(read_seen).unwrap_or_default());
    // Each file's line as it will be written, if the index is written again; the
    // catalogue data of a file listed from the index is moved to its entry, and
    // taken back from there (`from`: the entry) only then.
    let mut now: Vec<(Seen, Option<usize>)> = Vec::new();
    let mut changed = false;
    for d in extra {
        for (f, st) in crate::scenario::yaml_files_stat(d) {
            let hit = seen
                .take(&f)
                .filter(|s| st.is_some_and(|(size, t)| s.size == size && s.mtime_ns == t));
            let mut s = if let Some(s) = hit {
                s
            } else {
                changed = true;
                let (size, mtime_ns) = st.unwrap_or_default();
                match crate::scenario::load_file(&f) {
                    Ok(l) => {
                        let meta = Meta::of(&l.scenario);
                        ok.push(Entry::loaded(l));
                        now.push((
                            Seen {
                                path: f,
                                size,
                                mtime_ns,
                                meta: Some(meta),
                                problems: Vec::new(),
                            },
                            None,
                        ));
                        continue;
                    }
                    Err(ps) => Seen {
                        path: f,
                        size,
                        mtime_ns,
                        meta: None,
                        problems: ps.iter().map(ToString::to_string).collect(),
                    },
                }
            };
            match s.meta.take() {
                Some(m) => {
                    now.push((
                        Seen {
                            path: s.path.clone(),
                            ..s
                        },
                        Some(ok.len()),
                    ));
                    ok.push(Entry {
                        meta: m,
                        origin: Origin::File(s.path),
                        bundled: None,
                        cell: OnceCell::new(),
                    });
                }
                None => {
                    problems.extend(s.problems.iter().cloned());
                    now.push((s, None));
                }
            }
        }
    }
    if (changed || seen.any_left())
        && let Some(path) = index
        && path.parent().is_some_and(std::path::Path::is_dir)
    {
        let mut out = Vec::new();
        for (s, from) in &mut now {
            if let Some(i) = *from {
                s.meta = ok.get(i).map(|e| e.meta.clone());
            }
            if serde_json::to_writer(&mut out, &*s).is_ok() {
                out.push(b'\n');
            }
        }
        // A cache: a folder that cannot be written goes without it.
        let _ = crate::store::atomic_write(&path, &out);
    }
    (ok, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_entries_are_parsed_on_first_use_only() {
        let (entries, problems) = discover(&[], None);
        assert!(problems.is_empty());
        assert_eq!(entries.len(), crate::scenario::bundled_sources().len());
        assert!(
            entries.iter().all(|e| !e.is_parsed()),
            "listing parses nothing"
        );
        let e = &entries[0];
        let sc = e.scenario().expect("loads");
        assert_eq!(Meta::of(sc), e.meta);
        assert!(e.is_parsed());
        assert!(e.problems().is_empty());
        assert!(!entries[1].is_parsed());
    }

    #[test]
    fn user_files_are_listed_from_the_index_while_unchanged() {
        let data = tempfile::tempdir().expect("tempdir");
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, src) = crate::scenario::bundled_sources()
            .iter()
            .find(|(n, _)| *n == "bakery-vpn.yaml")
            .copied()
            .expect("bakery");
        let mine = dir.path().join("mine.yaml");
        std::fs::write(&mine, src.replacen("id: bakery-vpn", "id: mine", 1)).expect("write");
        std::fs::write(dir.path().join("broken.yaml"), "id: [").expect("write");
        let extra = vec![dir.path().to_path_buf()];
        let bundled = crate::scenario::bundled_sources().len();
        let look = || discover(&extra, Some(data.path()));
        let (first, p1) = look();
        assert_eq!(first.len(), bundled + 1);
        assert!(first[bundled].is_parsed(), "first start: checked");
        assert_eq!(p1.len(), 1, "{p1:?}");
        assert!(data.path().join(SCENARIO_INDEX).is_file());
        let (second, p2) = look();
        assert_eq!(p2, p1, "the broken file is still reported");
        let e = &second[bundled];
        assert!(!e.is_parsed(), "second start: listed from the index");
        assert_eq!(e.meta.id, "mine");
        assert_eq!(e.scenario().map(|s| s.id.value.as_str()), Some("mine"));
        // A changed file is read again.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&mine, src.replacen("id: bakery-vpn", "id: mine2", 1)).expect("write");
        let (third, _) = look();
        assert_eq!(third[bundled].meta.id, "mine2");
        // A corrupt index is ignored and rewritten; nothing is lost.
        std::fs::write(data.path().join(SCENARIO_INDEX), b"{ nope\n").expect("write");
        let (fourth, p4) = look();
        assert_eq!(fourth[bundled].meta.id, "mine2");
        assert_eq!(p4.len(), 1);
        let (fifth, _) = look();
        assert!(!fifth[bundled].is_parsed());
    }

    #[test]
    fn added_and_removed_user_files_are_seen_through_the_index() {
        let data = tempfile::tempdir().expect("tempdir");
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, src) = crate::scenario::bundled_sources()
            .iter()
            .find(|(n, _)| *n == "bakery-vpn.yaml")
            .copied()
            .expect("bakery");
        let write = |name: &str, id: &str| {
            std::fs::write(
                dir.path().join(format!("{name}.yaml")),
                src.replacen("id: bakery-vpn", &format!("id: {id}"), 1),
            )
            .expect("write");
        };
        write("b", "bee");
        write("d", "dee");
        let extra = vec![dir.path().to_path_buf()];
        let bundled = crate::scenario::bundled_sources().len();
        let ids = |v: &[Entry]| -> Vec<String> {
            v[bundled..].iter().map(|e| e.meta.id.clone()).collect()
        };
        let look = || discover(&extra, Some(data.path()));
        assert_eq!(ids(&look().0), ["bee", "dee"]);
        // A file added before the others, one removed.
        write("a", "ay");
        std::fs::remove_file(dir.path().join("d.yaml")).expect("rm");
        let (now, _) = look();
        assert_eq!(ids(&now), ["ay", "bee"]);
        assert!(now[bundled].is_parsed(), "the new file was read");
        assert!(
            !now[bundled + 1].is_parsed(),
            "the old one came from the index"
        );
        let (again, _) = look();
        assert_eq!(ids(&again), ["ay", "bee"]);
        assert!(again[bundled..].iter().all(|e| !e.is_parsed()));
        let index = std::fs::read_to_string(data.path().join(SCENARIO_INDEX)).expect("index");
        assert_eq!(index.lines().count(), 2, "{index}");
        assert!(index.contains("\"title\""), "catalogue data written back");
    }
}
