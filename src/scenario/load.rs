//! Reading files safely and parsing YAML with budgets. The only module that
//! talks to the YAML crate, so it stays swappable.

use super::problem::Problem;
use serde::de::DeserializeOwned;
use std::io::Read;
use std::path::Path;

/// Largest scenario or script file accepted: far above any real scenario.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Whether a path means standard input (or output): exactly `-`.
#[must_use]
pub fn is_std(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// A path as messages show it: `<stdin>` for `-`.
#[must_use]
pub fn shown(path: &Path) -> String {
    if is_std(path) {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// Reads a regular file of at most `cap` bytes as UTF-8; `-` reads standard
/// input, with the same cap.
///
/// FIFOs, devices and directories are refused before they are opened for reading,
/// so `/dev/zero` or a named pipe can never block or exhaust memory.
///
/// # Errors
/// A [`Problem`] naming the file, what is wrong and what to do.
pub fn read_bounded(path: &Path, cap: u64) -> Result<String, Problem> {
    let shown = shown(path);
    if is_std(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Problem::error(
                    &shown,
                    0,
                    0,
                    format!("cannot read standard input: {e}"),
                    "give a file instead of -",
                )
            })?;
        return checked_text(bytes, cap, &shown);
    }
    let meta = std::fs::metadata(path).map_err(|e| {
        Problem::error(
            &shown,
            0,
            0,
            format!("cannot read file: {e}"),
            "check the path",
        )
    })?;
    if !meta.is_file() {
        return Err(Problem::error(
            &shown,
            0,
            0,
            "not a regular file",
            "give the path of a .yaml file (devices, pipes and directories are refused)",
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| {
        Problem::error(
            &shown,
            0,
            0,
            format!("cannot open file: {e}"),
            "check the permissions",
        )
    })?;
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|e| {
        Problem::error(
            &shown,
            0,
            0,
            format!("cannot read file: {e}"),
            "check the file",
        )
    })?;
    checked_text(bytes, cap, &shown)
}

/// The bytes read as UTF-8 text, if within the cap.
fn checked_text(bytes: Vec<u8>, cap: u64, shown: &str) -> Result<String, Problem> {
    if bytes.len() as u64 > cap {
        return Err(Problem::error(
            shown,
            0,
            0,
            format!("file is larger than {} KiB", cap / 1024),
            "scenario and script files are small; split or trim this one",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let (line, col) = line_col(&e.as_bytes()[..valid]);
        Problem::error(
            shown,
            line,
            col,
            "file is not valid UTF-8",
            "save the file as UTF-8",
        )
    })
}

fn line_col(prefix: &[u8]) -> (u64, u64) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() as u64 + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, col)
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 24;
    budget.max_documents = 1;
    budget.max_nodes = 60_000;
    budget.max_events = 200_000;
    budget.max_aliases = 64;
    budget.max_anchors = 64;
    budget.max_total_scalar_bytes = 2 * 1024 * 1024;
    budget.max_merge_keys = 64;
    budget.max_reader_input_bytes = Some(2 * 1024 * 1024);
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // YAML 1.2 booleans only: a customer line `No` or `Yes` stays text.
    options.strict_booleans = true;
    options
}

/// Parses YAML text into `T` with tight budgets, turning any error into a located [`Problem`].
///
/// # Errors
/// The parser's complaint with its line and column and a hint.
pub fn parse_yaml<T: DeserializeOwned>(src: &str, path: &str) -> Result<T, Problem> {
    serde_saphyr::from_str_with_options::<T>(src, options()).map_err(|e| {
        let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let raw = e.without_snippet().to_string();
        let message = strip_location(&raw);
        let hint = hint_for(&message);
        Problem::error(path, line, col, message, hint)
    })
}

fn strip_location(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw);
    let msg = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    let msg = msg.trim_start_matches("error: ");
    msg.replace(", set DuplicateKeyPolicy in Options if acceptable", "")
}

fn hint_for(message: &str) -> String {
    let m = message.to_ascii_lowercase();
    let hint = if m.contains("unknown field") {
        "check the spelling; the README's scenario format section lists the fields"
    } else if m.contains("missing field") {
        "add the field; the README example shows every required one"
    } else if m.contains("duplicate") {
        "each key may appear once in a mapping; remove or rename one"
    } else if m.contains("unknown variant") {
        "use one of the listed values"
    } else if m.contains("budget") && (m.contains("nodes") || m.contains("events")) {
        "the file has too many values (at most 60,000; a script of about 20,000 turns), not too deep: shorten it, a meeting ends long before"
    } else if m.contains("budget") && m.contains("scalar") {
        "the file's texts add up to too many bytes (at most 2 MiB): shorten them"
    } else if m.contains("budget") && m.contains("document") {
        "the file holds more than one YAML document (`---`): keep one"
    } else if m.contains("alias") || m.contains("anchor") || m.contains("merge") {
        "the file uses too many aliases, anchors or merge keys (at most 64); write it out plainly"
    } else if m.contains("budget") || m.contains("depth") || m.contains("limit") {
        "the file is too deeply nested (at most 24 levels); write it out plainly"
    } else if m.contains("invalid type") {
        "this value has the wrong shape: a text, list or mapping was expected"
    } else {
        "check the YAML syntax near this place (indentation, quotes, colons)"
    };
    hint.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct T {
        #[allow(dead_code)]
        a: u32,
    }

    #[test]
    fn unknown_field_is_located_with_hint() {
        let e = parse_yaml::<T>("a: 1\nb: 2\n", "x.yaml").err();
        let e = e.map(|p| p.to_string()).unwrap_or_default();
        assert!(e.starts_with("x.yaml:2:1: error: unknown field `b`"), "{e}");
        assert!(e.contains("(check the spelling"), "{e}");
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("ab\n航空x".as_bytes()), (2, 4));
    }
}
