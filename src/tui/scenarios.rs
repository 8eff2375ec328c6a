//! The picker's scenarios. A bundled scenario is listed from its catalogue data
//! ([`Meta::peek`], a few lines of its text) and parsed and validated the first
//! time it is opened; a scenario from a file is loaded at start-up (its problems
//! are reported in the picker) and, when named on the command line, parsed once.

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
        self.cell.get_or_init(|| match self.bundled {
            Some((name, src)) => parse_bundled(name, src),
            None => Err(Vec::new()),
        })
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
/// the `extra` folders (loaded; those that do not load are left out and their
/// problems returned).
#[must_use]
pub fn discover(extra: &[std::path::PathBuf]) -> (Vec<Entry>, Vec<Problem>) {
    let mut ok = Vec::new();
    let mut problems = Vec::new();
    for (name, src) in crate::scenario::bundled_sources() {
        match Entry::bundled(name, src) {
            Ok(e) => ok.push(e),
            Err(ps) => problems.extend(ps),
        }
    }
    for d in extra {
        for f in crate::scenario::yaml_files(d) {
            match crate::scenario::load_file(&f) {
                Ok(l) => ok.push(Entry::loaded(l)),
                Err(ps) => problems.extend(ps),
            }
        }
    }
    (ok, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_entries_are_parsed_on_first_use_only() {
        let (entries, problems) = discover(&[]);
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
}
