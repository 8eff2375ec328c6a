//! Reading files safely and parsing YAML with budgets. The only module that
//! talks to the YAML crate, so it stays swappable.

use super::explain::{RawError, RawKind};
use super::problem::Problem;
use serde::de::DeserializeOwned;

pub use super::explain::Doc;
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
                .zh(format!("读不了标准输入：{e}"), "请改为给出文件")
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
        .zh(format!("读不了文件：{e}"), "检查路径")
    })?;
    if !meta.is_file() {
        return Err(Problem::error(
            &shown,
            0,
            0,
            "not a regular file",
            "give the path of a .yaml file (devices, pipes and directories are refused)",
        )
        .zh(
            "不是普通文件",
            "请给出 .yaml 文件的路径（设备、管道和文件夹都不接受）",
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
        .zh(format!("打不开文件：{e}"), "检查文件权限")
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
        .zh(format!("读不了文件：{e}"), "检查这个文件")
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
        )
        .zh(
            format!("文件大于 {} KiB", cap / 1024),
            "场景和脚本文件都很小：请拆分或删减",
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
        .zh("文件不是有效的 UTF-8 编码", "请把文件另存为 UTF-8 编码")
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

/// Parses YAML text into `T` with tight budgets, turning any error into a located
/// [`Problem`] (the first of [`parse_doc`]'s, in line order).
///
/// # Errors
/// The parser's complaint in plain words, with its line and column and a hint.
pub fn parse_yaml<T: DeserializeOwned>(src: &str, path: &str) -> Result<T, Problem> {
    parse_doc(src, path, Doc::Other).map_err(first)
}

/// The first of several problems (they come in line order).
#[must_use]
pub fn first(mut problems: Vec<Problem>) -> Problem {
    if problems.is_empty() {
        Problem::error("", 0, 0, "cannot read the file", "")
    } else {
        problems.swap_remove(0)
    }
}

/// Parses YAML text of a known format into `T` with tight budgets. Folded Chinese
/// text loses the spaces YAML puts between its lines ([`super::fold`]).
///
/// # Errors
/// When the parser fails: every layout mistake the text shows (tabs, full-width
/// punctuation, keys out of line) and the parser's complaint in plain words, each
/// located, in English and Chinese, in line order.
pub fn parse_doc<T: DeserializeOwned>(src: &str, path: &str, doc: Doc) -> Result<T, Vec<Problem>> {
    super::fold::with_table(src, || {
        serde_saphyr::from_str_with_options::<T>(src, options())
    })
    .map_err(|e| super::explain::explain(&raw_error(&e), src, path, doc))
}

/// The parser's error as the explanation reads it.
fn raw_error(e: &serde_saphyr::Error) -> RawError {
    use serde_saphyr::Error as E;
    let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    let text = || strip_location(&e.without_snippet().to_string());
    let mut inner = e.without_snippet();
    while let E::AliasError { error, .. } = inner {
        inner = error.without_snippet();
    }
    let kind = match inner {
        E::SerdeMissingField { field, .. } => RawKind::MissingField((*field).to_string()),
        E::SerdeUnknownField {
            field, expected, ..
        } => RawKind::UnknownField(
            field.clone(),
            expected.iter().map(|s| (*s).to_string()).collect(),
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => RawKind::UnknownVariant(
            variant.clone(),
            expected.iter().map(|s| (*s).to_string()).collect(),
        ),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => RawKind::InvalidType(unexpected.clone(), expected.clone()),
        E::InvalidScalar { ty, .. } => RawKind::InvalidScalar((*ty).to_string()),
        E::Unexpected { expected, .. } => RawKind::Unexpected((*expected).to_string()),
        E::DuplicateMappingKey { key, .. } => RawKind::Duplicate(key.clone()),
        E::Budget { .. } | E::MultipleDocuments { .. } => RawKind::Budget(text()),
        _ => {
            let t = text();
            if t.contains("budget") {
                RawKind::Budget(t)
            } else {
                RawKind::Other(t)
            }
        }
    };
    RawError { kind, line, col }
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
    fn every_layout_mistake_is_reported_with_the_parse_error() {
        let src = "a: 1\n\tb: 2\nc： 3\n";
        let e = parse_doc::<T>(src, "x.yaml", Doc::Other)
            .err()
            .unwrap_or_default();
        let lines: Vec<String> = e.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("x.yaml:2:1: error: a tab"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("x.yaml:3:2: error: the colon after `c` is a full-width “：”"),
            "{lines:?}"
        );
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("ab\n航空x".as_bytes()), (2, 4));
    }
}
