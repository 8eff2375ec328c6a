//! The YAML parser's complaints in an author's words, in English and Chinese, at the
//! line that needs the change: which mapping lacks a field, which key moved out of
//! line, which comma split a text, which full-width mark stands where YAML wants an
//! ASCII one. With them, every layout mistake the text scan finds
//! ([`super::layout`]), so one run reports them all.
//!
//! The parser's error arrives as a [`RawError`] (built by [`super::load`], the only
//! module that knows the YAML crate).

use super::layout::{self, DOC_LAYOUT_EN, DOC_LAYOUT_ZH, Kind, Layout};
use super::problem::Problem;
use serde_json::Value;
use std::sync::OnceLock;

/// Which format a file is read as, for the hints' pointers into the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// A scenario file.
    Scenario,
    /// A script for `play`.
    Script,
    /// A scenario's test file.
    Test,
    /// Anything else (config, lexicon, data files).
    Other,
}

/// What the parser reported, without its wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawKind {
    /// A required key is missing.
    MissingField(String),
    /// A key no field has.
    UnknownField(String, Vec<String>),
    /// A value none of the allowed words.
    UnknownVariant(String, Vec<String>),
    /// A value of the wrong shape: (what was found, what was expected).
    InvalidType(String, String),
    /// A scalar that cannot be read as the expected type (a number).
    InvalidScalar(String),
    /// The parser expected another kind of node (`mapping start`, `sequence start`).
    Unexpected(String),
    /// A key given twice.
    Duplicate(Option<String>),
    /// A parse budget was exceeded.
    Budget(String),
    /// Anything else: the parser's message.
    Other(String),
}

/// The parser's error: what and where (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawError {
    /// What.
    pub kind: RawKind,
    /// Line.
    pub line: u64,
    /// Column.
    pub col: u64,
}

fn fields_doc(doc: Doc) -> (&'static str, &'static str) {
    match doc {
        Doc::Scenario => (
            "docs/scenario-format.md §3, “Every field”",
            "docs/scenario-format.md 第 3 节“Every field”",
        ),
        Doc::Script | Doc::Test => (
            "docs/scenario-format.md §6, “Test files”",
            "docs/scenario-format.md 第 6 节“Test files”",
        ),
        Doc::Other => ("the format's description", "格式说明"),
    }
}

const DOC_QUOTES_EN: &str = "docs/scenario-format.md §3, “YAML tip”";
const DOC_QUOTES_ZH: &str = "docs/scenario-format.md 第 3 节“YAML tip”";

/// A problem built from both languages.
struct Said {
    line: u64,
    col: u64,
    en: (String, String),
    zh: (String, String),
    /// Lines a layout finding may cover instead (the parser's line ± 1 for syntax).
    covers: (u64, u64),
}

impl Said {
    fn problem(self, path: &str) -> Problem {
        Problem::error(path, self.line, self.col, self.en.0, self.en.1).zh(self.zh.0, self.zh.1)
    }
}

fn said(line: u64, col: u64, en: (String, String), zh: (String, String)) -> Said {
    Said {
        line,
        col,
        en,
        zh,
        covers: (line, line),
    }
}

/// Every problem to report for a parse that failed: the layout findings and the
/// parser's error in plain words (left out when a finding at its place explains it),
/// in line order.
#[must_use]
pub fn explain(raw: &RawError, src: &str, path: &str, doc: Doc) -> Vec<Problem> {
    let layout = layout::scan(src);
    let mut findings = layout.findings.clone();
    if let Some(schema) = schema_of(doc) {
        let lines: Vec<u64> = findings.iter().map(|f| f.line).collect();
        findings.extend(
            key_findings(&layout, schema, doc)
                .into_iter()
                .filter(|f| !lines.contains(&f.line)),
        );
    }
    let s = describe(raw, &layout, doc);
    let covered = findings
        .iter()
        .any(|f| f.line >= s.covers.0 && f.line <= s.covers.1);
    let mut out: Vec<Problem> = findings.iter().map(|f| f.problem(path)).collect();
    if !covered {
        out.push(s.problem(path));
    }
    out.sort_by_key(|p| (p.line, p.col));
    out
}

/// The format's JSON Schema, for the keys each mapping may hold.
fn schema_of(doc: Doc) -> Option<&'static Value> {
    static SCENARIO: OnceLock<Value> = OnceLock::new();
    static TEST: OnceLock<Value> = OnceLock::new();
    match doc {
        Doc::Scenario => Some(SCENARIO.get_or_init(crate::authoring::schema::scenario)),
        Doc::Test => Some(TEST.get_or_init(crate::authoring::schema::test_file)),
        Doc::Script | Doc::Other => None,
    }
}

/// A schema node with `$ref` followed and `anyOf` narrowed to its object (or array) form.
fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> Option<&'a Value> {
    for _ in 0..8 {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/")?;
            node = root.get("$defs")?.get(name)?;
            continue;
        }
        if let Some(any) = node.get("anyOf").and_then(Value::as_array) {
            node = any.iter().find(|v| {
                v.get("$ref").is_some() || v.get("properties").is_some() || v.get("items").is_some()
            })?;
            continue;
        }
        return Some(node);
    }
    None
}

/// The keys a mapping at `path` (`needs[0].problem`) may hold, when its schema is closed.
fn keys_at<'a>(root: &'a Value, path: &str) -> Option<Vec<&'a str>> {
    let mut node = resolve(root, root)?;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, items) = match part.find('[') {
            Some(i) => (&part[..i], part[i..].matches('[').count()),
            None => (part, 0),
        };
        node = resolve(root, node.get("properties")?.get(name)?)?;
        for _ in 0..items {
            node = resolve(root, node.get("items")?)?;
        }
    }
    if node.get("additionalProperties") != Some(&Value::Bool(false)) {
        return None;
    }
    Some(
        node.get("properties")?
            .as_object()?
            .keys()
            .map(String::as_str)
            .collect(),
    )
}

/// The path of the mapping around `path`: `needs[0].problem` → `needs[0]`.
fn parent_path(path: &str) -> Option<&str> {
    let dot = path.rfind('.');
    let bracket = path.rfind('[');
    match (dot, bracket) {
        (Some(d), Some(b)) if b > d => path[..b].rfind('.').map(|d2| &path[..d2]).or(Some("")),
        (Some(d), _) => Some(&path[..d]),
        (None, Some(b)) if b > 0 => Some(""),
        _ => None,
    }
}

/// Keys the format does not allow where they are: a key that moved out of (or into)
/// the mapping it belongs to, or a misspelt one. Every one in the file, not just the
/// first the parser meets.
fn key_findings(layout: &Layout<'_>, root: &Value, doc: Doc) -> Vec<layout::Finding> {
    let (fdoc, fdoc_zh) = fields_doc(doc);
    let mut out = Vec::new();
    let mut prev: Option<usize> = None;
    for (i, l) in layout.lines.iter().enumerate() {
        if l.kind != Kind::Node {
            continue;
        }
        let before = prev;
        prev = Some(i);
        let Some(key) = l.key else { continue };
        if l.tab.is_some() {
            continue;
        }
        let lv = &layout.levels[l.level];
        let Some(allowed) = keys_at(root, &lv.path) else {
            continue;
        };
        if allowed.contains(&key) {
            continue;
        }
        let name = layout.name_of(l.level, false);
        let name_zh = layout.name_of(l.level, true);
        // Left of the mapping it belongs to: the one the line above is in.
        let moved_left = before.and_then(|p| {
            let mut cur = layout.lines[p].level;
            for _ in 0..8 {
                let c = &layout.levels[cur];
                if cur == l.level || !c.path.starts_with(&lv.path) || c.path == lv.path {
                    return None;
                }
                if !c.seq && keys_at(root, &c.path).is_some_and(|k| k.contains(&key)) {
                    return Some(cur);
                }
                let up = parent_path(&c.path)?;
                cur = layout
                    .levels
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.path == up && x.start <= c.start)
                    .max_by_key(|(_, x)| x.start)?
                    .0;
            }
            None
        });
        if let Some(m) = moved_left {
            let (mc, want) = (l.node_col + 1, layout.levels[m].col + 1);
            let (en, zh) = (layout.name_of(m, false), layout.name_of(m, true));
            out.push(layout::Finding {
                line: l.no,
                col: mc as u64,
                en: (
                    format!("`{key}` is at column {mc}, left of the other keys of {en} (column {want}), so {en} has no `{key}`"),
                    format!("move it to column {want}, in line with them; see {DOC_LAYOUT_EN}"),
                ),
                zh: (
                    format!("`{key}` 在第 {mc} 列，比 {zh} 的其他键（第 {want} 列）靠左，所以 {zh} 缺少 `{key}`"),
                    format!("把它移到第 {want} 列，和它们对齐；见 {DOC_LAYOUT_ZH}"),
                ),
            });
            continue;
        }
        // Indented into a mapping it does not belong to: it belongs to the one around.
        let outer = parent_path(&lv.path).and_then(|up| {
            let up = if lv.path.ends_with(']') {
                parent_path(up).unwrap_or(up)
            } else {
                up
            };
            let k = keys_at(root, up)?;
            k.contains(&key).then_some(up)
        });
        if let Some(up) = outer
            && let Some((oi, o)) = layout
                .levels
                .iter()
                .enumerate()
                .filter(|(_, x)| x.path == up && x.start <= lv.start && !x.seq)
                .max_by_key(|(_, x)| x.start)
        {
            let (mc, want) = (l.node_col + 1, o.col + 1);
            let (en, zh) = (layout.name_of(oi, false), layout.name_of(oi, true));
            out.push(layout::Finding {
                line: l.no,
                col: mc as u64,
                en: (
                    format!("`{key}` belongs to {en}, not to {name}: it is indented too far (column {mc})"),
                    format!("move it to column {want}, in line with the keys of {en}; see {DOC_LAYOUT_EN}"),
                ),
                zh: (
                    format!("`{key}` 属于 {zh}，不属于 {name_zh}：它缩进得太多了（第 {mc} 列）"),
                    format!("把它移到第 {want} 列，和 {zh} 的键对齐；见 {DOC_LAYOUT_ZH}"),
                ),
            });
            continue;
        }
        let list: Vec<String> = allowed.iter().map(|k| (*k).to_string()).collect();
        let guess = nearest(key, &list);
        let (mean, mean_zh) = guess.map_or((String::new(), String::new()), |g| {
            (
                format!(" (did you mean `{g}`?)"),
                format!("（是不是 `{g}`？）"),
            )
        });
        let list = quoted_list(&list);
        let place = if lv.path.is_empty() {
            "at the top level".to_string()
        } else {
            format!("in {name}")
        };
        out.push(layout::Finding {
            line: l.no,
            col: l.key_col as u64 + 1,
            en: (
                format!("unknown field `{key}` {place}, expected one of {list}"),
                format!("check the spelling{mean}; keys are written in English exactly as listed; {fdoc} lists the fields"),
            ),
            zh: (
                if lv.path.is_empty() {
                    format!("文件顶层没有字段 `{key}`，这里可用的字段：{list}")
                } else {
                    format!("{}里没有字段 `{key}`，这里可用的字段：{list}", layout::zh_space(&name_zh))
                },
                format!("检查拼写{mean_zh}；字段名要按列出的英文原样书写；字段见 {fdoc_zh}"),
            ),
        });
    }
    out
}

/// The text of a line, if any.
fn line_text<'a>(layout: &Layout<'a>, no: u64) -> &'a str {
    usize::try_from(no)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| layout.lines.get(i))
        .map_or("", |l| l.text)
}

/// The text from a 1-based column on.
fn from_col(text: &str, col: u64) -> &str {
    let skip = usize::try_from(col.saturating_sub(1)).unwrap_or(usize::MAX);
    text.char_indices()
        .nth(skip)
        .map_or("", |(i, _)| &text[i..])
}

/// The first full-width mark in a line's value (outside quotes), where YAML wants ASCII.
fn wide_mark(text: &str) -> Option<(&'static str, &'static str)> {
    let mut quote = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {
                if matches!(
                    c,
                    '：' | '［' | '］' | '【' | '】' | '｛' | '｝' | '“' | '”'
                ) {
                    return layout::wide_name(c);
                }
            }
        }
    }
    None
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut prev = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let cur = row[j];
            row[j] = (row[j] + 1)
                .min(row[j - 1] + 1)
                .min(prev + usize::from(a[i - 1] != b[j - 1]));
            prev = cur;
        }
    }
    row[b.len()]
}

fn nearest<'a>(word: &str, list: &'a [String]) -> Option<&'a str> {
    let w = word.to_ascii_lowercase().replace('-', "_");
    list.iter()
        .map(|c| (distance(&w, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.as_str())
}

fn quoted_list(list: &[String]) -> String {
    list.join(", ")
}

/// A comma that split a text in a flow mapping (`{en: a, b}`): the key whose text
/// it split and the whole text, when the unknown "field" at `col` is the words after
/// a comma, not a key.
fn split_text(text: &str, col: u64, field: &str) -> Option<(String, String)> {
    let rest = from_col(text, col);
    let after = rest.strip_prefix(field)?.trim_start();
    if !(after.is_empty() || after.starts_with([',', '}'])) {
        return None;
    }
    let head = &text[..text.len() - rest.len()];
    // The last `key: ` before the split, after the mapping's `{`.
    let open = head.rfind('{')?;
    let inside = &head[open + 1..];
    let mut best = None;
    let mut search = 0;
    while let Some(k) = inside[search..].find(": ") {
        let at = search + k;
        let before = inside[..at].trim_end();
        let start = before.rfind([',', '{', ' ']).map_or(0, |i| i + 1);
        let key = &before[start..];
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            best = Some((key.to_string(), at + 2));
        }
        search = at + 2;
    }
    let (key, value_at) = best?;
    let whole = format!("{}{}", &inside[value_at..], field);
    Some((key, whole.trim().to_string()))
}

/// A flow mapping on a line (`{to: a, text: b, c}`) whose pieces between commas
/// include one without a colon: the key before it and the text it split.
fn split_in_flow(text: &str, from_col: u64) -> Option<(String, String, String)> {
    let rest = self::from_col(text, from_col);
    let open = rest.find('{')?;
    let inner = &rest[open + 1..];
    let close = inner.rfind('}').unwrap_or(inner.len());
    let inner = &inner[..close];
    let mut pieces = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == ',' => {
                pieces.push(&inner[start..i]);
                start = i + 1;
            }
            None => {}
        }
    }
    pieces.push(&inner[start..]);
    let mut last_key: Option<(String, String)> = None;
    for p in pieces {
        let t = p.trim();
        if let Some(k) = t
            .find(": ")
            .or_else(|| t.ends_with(':').then(|| t.len() - 1))
        {
            last_key = Some((t[..k].trim().to_string(), t[k + 1..].trim().to_string()));
        } else if !t.is_empty() {
            let (k, v) = last_key?;
            return Some((k, format!("{v}, {t}"), t.to_string()));
        }
    }
    None
}

/// What a Rust/serde type description means to an author, in both languages.
fn shape(expected: &str) -> (String, String) {
    let e = expected.to_ascii_lowercase();
    if [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "integer", "usize",
    ]
    .iter()
    .any(|t| e == *t || e.contains(&format!("{t} ")) || e.ends_with(t))
    {
        ("a whole number (like 45)".into(), "整数（比如 45）".into())
    } else if e.contains("f32") || e.contains("f64") || e.contains("float") {
        ("a number".into(), "数字".into())
    } else if e.contains("bool") {
        ("`true` or `false`".into(), "`true` 或 `false`".into())
    } else if e.contains("zh") || e.contains("a string, or a map") {
        (
            "a text, or a pair {zh: .., en: ..}".into(),
            "一段文字，或 {zh: .., en: ..}".into(),
        )
    } else if e.contains("seq") || e.contains("vec") || e.contains("list") {
        (
            "a list: [a, b] or lines starting with `- `".into(),
            "列表：[a, b]，或以 `- ` 开头的几行".into(),
        )
    } else if e.contains("map") || e.contains("struct") {
        (
            "a group of `key: value` lines indented under it".into(),
            "缩进在它下面的一组 `键: 值`".into(),
        )
    } else if e.contains("scalar") {
        ("a single value".into(), "单个的值".into())
    } else if e.contains("string") || e.contains("str") || e.contains("char") {
        ("a single text".into(), "一段文字".into())
    } else if e.contains("enum") || e.contains("variant") {
        ("one of the listed words".into(), "列出的词之一".into())
    } else {
        (expected.to_string(), expected.to_string())
    }
}

/// What was found instead, from serde's description.
fn found(unexpected: &str) -> Option<(String, String)> {
    let u = unexpected.trim();
    Some(if u.starts_with("sequence") {
        ("a list".into(), "列表".into())
    } else if u.starts_with("map") {
        ("a group of keys".into(), "一组键".into())
    } else if let Some(v) = u.strip_prefix("string ") {
        (format!("the text {v}"), format!("文字 {v}"))
    } else if let Some(v) = u.strip_prefix("integer ") {
        (format!("the number {v}"), format!("数字 {v}"))
    } else if let Some(v) = u.strip_prefix("floating point ") {
        (format!("the number {v}"), format!("数字 {v}"))
    } else if u.starts_with("boolean") {
        ("true/false".into(), "true/false".into())
    } else if u.starts_with("unit") || u == "null" {
        ("nothing".into(), "空值".into())
    } else {
        return None;
    })
}

fn describe(raw: &RawError, layout: &Layout<'_>, doc: Doc) -> Said {
    let (line, col) = (raw.line, raw.col);
    let text = line_text(layout, line);
    let (fdoc, fdoc_zh) = fields_doc(doc);
    match &raw.kind {
        RawKind::MissingField(field) => missing(layout, line, col, field, doc),
        RawKind::UnknownField(field, expected) => {
            if let Some((key, whole)) = split_text(text, col, field) {
                return said(
                    line,
                    col,
                    (
                        format!(
                            "a comma in the text of `{key}` ended it: YAML read “{field}” as another field"
                        ),
                        format!(
                            "put the whole text in double quotes: {key}: \"{whole}\"; see {DOC_QUOTES_EN}"
                        ),
                    ),
                    (
                        format!(
                            "`{key}` 的文字里有逗号，YAML 把逗号后面的“{field}”当成了另一个字段"
                        ),
                        format!("把整段文字放进英文双引号：{key}: \"{whole}\"；见 {DOC_QUOTES_ZH}"),
                    ),
                );
            }
            let guess = nearest(field, expected);
            let list = quoted_list(expected);
            let (mean, mean_zh) = guess.map_or((String::new(), String::new()), |g| {
                (
                    format!(" (did you mean `{g}`?)"),
                    format!("（是不是 `{g}`？）"),
                )
            });
            // A key that left the mapping above it (dedented): say so.
            let dedented = layout.node_at(line).and_then(|i| {
                let prev = (0..i).rev().find(|&j| layout.lines[j].kind == Kind::Node)?;
                (layout.lines[prev].node_col > layout.lines[i].node_col && guess.is_none())
                    .then_some(prev)
            });
            let (indent, indent_zh) = match dedented {
                Some(p) => (
                    format!(
                        "; if it belongs to the mapping above it (line {}), indent it like that mapping's keys",
                        layout.lines[p].no
                    ),
                    format!(
                        "；如果它属于上面那一组（第 {} 行），就和那一组的键一样缩进",
                        layout.lines[p].no
                    ),
                ),
                None => (String::new(), String::new()),
            };
            let mut s = said(
                line,
                col,
                (
                    format!("unknown field `{field}`, expected one of {list}"),
                    format!(
                        "check the spelling{mean}; keys are written in English exactly as listed{indent}; {fdoc} lists the fields"
                    ),
                ),
                (
                    format!("未知字段 `{field}`，这里可用的字段：{list}"),
                    format!(
                        "检查拼写{mean_zh}；字段名要按列出的英文原样书写{indent_zh}；字段见 {fdoc_zh}"
                    ),
                ),
            );
            if let Some((wide, ascii)) = wide_mark(text) {
                s.en.0.push_str(&format!(
                    " (this line holds a full-width “{wide}”, where YAML needs “{ascii}”)"
                ));
                s.zh.0
                    .push_str(&format!("（这一行有全角的“{wide}”，YAML 要的是“{ascii}”）"));
            }
            s
        }
        RawKind::UnknownVariant(variant, expected) => {
            let key = layout.key_for(line);
            let of = key
                .as_ref()
                .map_or(String::new(), |k| format!(" for `{k}`"));
            let of_zh = key.as_ref().map_or(String::new(), |k| format!("`{k}` 的"));
            let list = quoted_list(expected);
            if let Some(w) = ['，', '、'].into_iter().find(|w| variant.contains(*w)) {
                let fixed = variant.replace(w, ", ");
                return said(
                    line,
                    col,
                    (
                        format!(
                            "unknown variant `{variant}`{of}: a full-width “{w}” joins two values into one"
                        ),
                        format!(
                            "separate the values with an ASCII comma and a space: [{fixed}]; see {DOC_LAYOUT_EN}"
                        ),
                    ),
                    (
                        format!("{of_zh}值 `{variant}` 无效：全角的“{w}”把两个值连成了一个"),
                        format!("值之间用半角逗号加空格分开：[{fixed}]；见 {DOC_LAYOUT_ZH}"),
                    ),
                );
            }
            let turns = ["ask", "present", "propose", "end"];
            if expected.iter().all(|e| turns.contains(&e.as_str())) && !expected.is_empty() {
                return said(
                    line,
                    col,
                    (
                        format!(
                            "unknown variant `{variant}`: a turn is `ask`, `present`, `propose` or `end`"
                        ),
                        format!(
                            "use one of the listed values: `- ask: <question>`, `- present: <sentence>`, `- propose: <next step>`, `- end: true`; see {fdoc}"
                        ),
                    ),
                    (
                        format!(
                            "`{variant}` 不是一种回合：回合只能是 `ask`、`present`、`propose` 或 `end`"
                        ),
                        format!(
                            "写成 `- ask: <问题>`、`- present: <陈述>`、`- propose: <下一步>` 或 `- end: true`；见 {fdoc_zh}"
                        ),
                    ),
                );
            }
            said(
                line,
                col,
                (
                    format!("unknown variant `{variant}`{of}, expected one of {list}"),
                    "use one of the listed values, spelt exactly so".into(),
                ),
                (
                    format!("{of_zh}值 `{variant}` 无效，可用的值：{list}"),
                    "从列出的值里选一个，按原样书写".into(),
                ),
            )
        }
        RawKind::InvalidType(unexpected, expected) => {
            wrong_shape(layout, line, col, expected, found(unexpected))
        }
        RawKind::InvalidScalar(ty) => {
            let key = layout.key_for(line);
            let value = layout
                .node_at(line)
                .and_then(|i| layout.lines[i].scalar)
                .map(|v| (format!("the text “{v}”"), format!("文字“{v}”")));
            let mut s = wrong_shape(layout, line, col, ty, value);
            if let Some(k) = key
                && shape(ty).0.contains("whole number")
            {
                s.en.1 = format!("write the number alone, in ASCII digits: `{k}: 45`");
                s.zh.1 = format!("只写数字，用半角数字：`{k}: 45`");
            }
            s
        }
        RawKind::Unexpected(expected) => {
            let value = layout
                .node_at(line)
                .map(|i| &layout.lines[i])
                .and_then(|l| {
                    let v = from_col(l.text, col).trim_start();
                    if v.starts_with('[') {
                        Some(("a list".to_string(), "列表".to_string()))
                    } else if v.starts_with('{') {
                        Some(("a group of keys".to_string(), "一组键".to_string()))
                    } else {
                        None
                    }
                });
            let mut s = wrong_shape(layout, line, col, expected, value);
            // `problem:` with nothing indented under it.
            if (expected.contains("mapping") || expected.contains("sequence"))
                && let Some(i) = layout.node_at(line)
                && layout.lines[i].value == layout::Value::None
                && let Some(next) =
                    (i + 1..layout.lines.len()).find(|&j| layout.lines[j].kind == Kind::Node)
                && layout.lines[i].key.is_some()
                && layout.lines[next].node_col <= layout.lines[i].key_col
            {
                let k = layout.lines[i].key.unwrap_or_default();
                let want = layout.lines[i].key_col + 3;
                s.en.1 = format!(
                    "the line below `{k}` is not indented under it, so `{k}` is empty: indent its content (to column {want}); see {DOC_LAYOUT_EN}"
                );
                s.zh.1 = format!(
                    "`{k}` 下面一行没有缩进到它下面，所以 `{k}` 是空的：把它的内容缩进（到第 {want} 列）；见 {DOC_LAYOUT_ZH}"
                );
            }
            s.covers = (line.saturating_sub(1), line + 1);
            s
        }
        RawKind::Duplicate(key) => {
            let k = key.clone().unwrap_or_default();
            said(
                line,
                col,
                (
                    format!("duplicate mapping key: {k}"),
                    "each key may appear once in a mapping; remove or rename one".into(),
                ),
                (
                    format!("同一组里 `{k}` 出现了两次"),
                    "同一组里每个键只能出现一次：删掉或改名其中一个".into(),
                ),
            )
        }
        RawKind::Budget(message) => budget(line, col, message),
        RawKind::Other(message) => other(layout, line, col, message, doc),
    }
}

fn missing(layout: &Layout<'_>, line: u64, col: u64, field: &str, doc: Doc) -> Said {
    let (fdoc, fdoc_zh) = fields_doc(doc);
    let lv = layout.mapping_at(line);
    let name = layout.name_of(lv, false);
    let name_zh = layout.name_of(lv, true);
    let level = &layout.levels.get(lv);
    let (sl, sc) = if level.is_some() {
        layout.start_of(lv)
    } else {
        (line, col)
    };
    let end = level.map_or(line, |l| layout.lines[l.end].no);
    if let Some(m) = layout.moved_key(lv, field) {
        let ml = &layout.lines[m];
        let (mc, want) = (ml.node_col + 1, sc);
        return Said {
            line: ml.no,
            col: mc as u64,
            en: (
                format!(
                    "`{field}` is at column {mc}, left of the other keys of {name} (column {want}), so {name} has no `{field}`"
                ),
                format!("move it to column {want}, in line with them; see {DOC_LAYOUT_EN}"),
            ),
            zh: (
                format!(
                    "`{field}` 在第 {mc} 列，比 {name_zh} 的其他键（第 {want} 列）靠左，所以 {name_zh} 缺少 `{field}`"
                ),
                format!("把它移到第 {want} 列，和它们对齐；见 {DOC_LAYOUT_ZH}"),
            ),
            covers: (sl, ml.no),
        };
    }
    let top = layout.levels.get(lv).is_none_or(|l| l.path.is_empty());
    let (en, zh) = if top {
        (
            format!("missing field `{field}` at the top level of the file"),
            format!("文件顶层缺少必填字段 `{field}`"),
        )
    } else {
        (
            format!("missing field `{field}` in {name}, the mapping that starts here"),
            format!(
                "{}缺少必填字段 `{field}`（这一组从这里开始）",
                layout::zh_space(&name_zh)
            ),
        )
    };
    Said {
        line: sl,
        col: sc,
        en: (
            en,
            format!(
                "add the field (`{field}: …`) in line with its other keys, at column {sc}; {fdoc} lists the required fields"
            ),
        ),
        zh: (
            zh,
            format!(
                "加上这个字段（`{field}: …`），和同组的其他键对齐，在第 {sc} 列；必填字段见 {fdoc_zh}"
            ),
        ),
        covers: (sl, end + 1),
    }
}

fn wrong_shape(
    layout: &Layout<'_>,
    line: u64,
    col: u64,
    expected: &str,
    found: Option<(String, String)>,
) -> Said {
    let key = layout.key_for(line);
    let (want, want_zh) = shape(expected);
    let (what, what_zh) = key.as_ref().map_or_else(
        || ("this value".to_string(), "这个值".to_string()),
        |k| (format!("`{k}`"), format!("`{k}`")),
    );
    let (not, not_zh) = found.map_or((String::new(), String::new()), |(f, fz)| {
        (format!(", not {f}"), format!("，而不是{fz}"))
    });
    let (how, how_zh) = if not.contains("list") || not.contains("group") {
        (
            "write one value after the colon, without [ ] or { }",
            "冒号后面只写一个值，不要 [ ] 或 { }",
        )
    } else {
        ("write it in that form", "按这个格式写")
    };
    let mut s = said(
        line,
        col,
        (
            format!("{what} must be {want}{not}"),
            format!("{how}; see {DOC_LAYOUT_EN}"),
        ),
        (
            format!("{what_zh} 应该是{want_zh}{not_zh}"),
            format!("{how_zh}；见 {DOC_LAYOUT_ZH}"),
        ),
    );
    if let Some((wide, ascii)) = wide_mark(line_text(layout, line)) {
        s.en.1 = format!(
            "this line holds a full-width “{wide}”, where YAML needs an ASCII “{ascii}”; see {DOC_LAYOUT_EN}"
        );
        s.zh.1 = format!("这一行有全角的“{wide}”，YAML 要的是半角的“{ascii}”；见 {DOC_LAYOUT_ZH}");
    }
    s
}

fn budget(line: u64, col: u64, message: &str) -> Said {
    let m = message.to_ascii_lowercase();
    let (en, zh) = if m.contains("nodes") || m.contains("events") {
        (
            "the file has too many values (at most 60,000; a script of about 20,000 turns), not too deep: shorten it, a meeting ends long before",
            "文件里的值太多（最多 60,000 个，约 20,000 个回合的脚本）：请缩短，一场会谈远用不了这么多",
        )
    } else if m.contains("scalar") {
        (
            "the file's texts add up to too many bytes (at most 2 MiB): shorten them",
            "文件里的文字总量太大（最多 2 MiB）：请缩短",
        )
    } else if m.contains("document") {
        (
            "the file holds more than one YAML document (`---`): keep one",
            "文件里有不止一个 YAML 文档（`---`）：只保留一个",
        )
    } else if m.contains("alias") || m.contains("anchor") || m.contains("merge") {
        (
            "the file uses too many aliases, anchors or merge keys (at most 64); write it out plainly",
            "文件用了太多别名、锚点或合并键（最多 64 个）：请直接写出内容",
        )
    } else {
        (
            "the file is too deeply nested (at most 24 levels); write it out plainly",
            "文件嵌套太深（最多 24 层）：请直接写出内容",
        )
    };
    said(
        line,
        col,
        (message.to_string(), en.to_string()),
        ("文件超出了读取限制".to_string(), zh.to_string()),
    )
}

/// The parser's own complaints (syntax), recognised by their words.
fn other(layout: &Layout<'_>, line: u64, col: u64, message: &str, doc: Doc) -> Said {
    let m = message.to_ascii_lowercase();
    let text = line_text(layout, line);
    let mut s = if let Some(which) = ["AskArg", "PresentArg", "Pitch", "Bound"]
        .into_iter()
        .find(|w| message.contains(&format!("untagged enum {w}")))
    {
        return turn_forms(layout, line, col, which, doc);
    } else if m.contains("externally tagged enum") {
        let value = layout
            .node_at(line)
            .map(|i| &layout.lines[i])
            .and_then(|l| {
                let v = from_col(l.text, col).trim_start();
                if v.starts_with('[') {
                    Some(("a list".to_string(), "列表".to_string()))
                } else if v.starts_with('{') {
                    Some(("a group of keys".to_string(), "一组键".to_string()))
                } else {
                    None
                }
            });
        wrong_shape(layout, line, col, "enum", value)
    } else if m.contains("tab") {
        said(
            line,
            col,
            (
                "a tab here: YAML indents with spaces only".into(),
                format!("replace the tab with spaces; see {DOC_LAYOUT_EN}"),
            ),
            (
                "这里有制表符（Tab）：YAML 只能用空格缩进".into(),
                format!("把 Tab 换成空格；见 {DOC_LAYOUT_ZH}"),
            ),
        )
    } else if m.contains("mapping values are not allowed") {
        let value = layout
            .node_at(line)
            .map(|i| &layout.lines[i])
            .and_then(|l| l.key.map(|k| (k, from_col(l.text, l.key_col as u64 + 1))));
        match value {
            Some((k, rest)) if rest.get(k.len() + 1..).is_some_and(|v| v.contains(": ")) => {
                let v = rest[k.len() + 1..].trim();
                let cn = v.starts_with(['“', '”', '‘']);
                let (q, qz) = if cn {
                    (
                        "; it starts with a Chinese quotation mark, which YAML does not take for a quote",
                        "它以中文引号开头，YAML 不把中文引号当作引号。",
                    )
                } else {
                    ("", "")
                };
                let v = v.trim_matches(['“', '”', '‘', '’']);
                said(
                    line,
                    col,
                    (
                        format!("the text of `{k}` holds a colon followed by a space, which YAML reads as another key{q}"),
                        format!("put the text in ASCII double quotes: {k}: \"{v}\"; see {DOC_QUOTES_EN}"),
                    ),
                    (
                        format!("`{k}` 的文字里有“冒号+空格”，YAML 把它当成了另一个键。{qz}"),
                        format!("把文字放进英文双引号：{k}: \"{v}\"；见 {DOC_QUOTES_ZH}"),
                    ),
                )
            }
            _ => said(
                line,
                col,
                (
                    "this line is indented further than the key above it, which already has its value".into(),
                    format!("keys of one mapping start in the same column; a text that goes on must be in quotes; see {DOC_LAYOUT_EN}"),
                ),
                (
                    "这一行比上面的键缩进得多，而上面的键已经有值了".into(),
                    format!("同一组里的键要左对齐；要接着写的文字请放进引号里；见 {DOC_LAYOUT_ZH}"),
                ),
            ),
        }
    } else if m.contains("could not find expected ':'") || m.contains("simple key") {
        said(
            line,
            col,
            (
                "this line is neither `key: value` nor a list item `- …`".into(),
                format!(
                    "a key needs an ASCII colon and a space after it (`key: value`); text that goes on from the line above must be indented further or put in quotes; see {DOC_LAYOUT_EN}"
                ),
            ),
            (
                "这一行既不是 `键: 值`，也不是列表项 `- …`".into(),
                format!(
                    "键后面要有半角冒号和一个空格（`键: 值`）；接着上一行写的文字要缩进得更多，或者放进引号里；见 {DOC_LAYOUT_ZH}"
                ),
            ),
        )
    } else if m.contains("unclosed") || m.contains("quoted scalar") || m.contains("end of stream") {
        said(
            line,
            col,
            (
                "a text opened with a quote here is never closed".into(),
                format!(
                    "close it with the same ASCII quote, or remove the opening one; see {DOC_QUOTES_EN}"
                ),
            ),
            (
                "这里用引号开头的文字一直没有结束".into(),
                format!("用同样的英文引号把它结束，或者删掉开头的引号；见 {DOC_QUOTES_ZH}"),
            ),
        )
    } else if m.contains("flow sequence")
        || m.contains("flow mapping")
        || m.contains("expected ',' or")
    {
        said(
            line,
            col,
            (
                "the list [ ] or group { } on this line is not closed properly".into(),
                format!(
                    "close it with ] or }}; a text with a comma, a colon, # or a bracket inside [ ] or {{ }} must be in double quotes; see {DOC_QUOTES_EN}"
                ),
            ),
            (
                "这一行的列表 [ ] 或 { } 没有正确结束".into(),
                format!(
                    "用 ] 或 }} 结束；[ ] 或 {{ }} 里带逗号、冒号、# 或括号的文字要放进英文双引号；见 {DOC_QUOTES_ZH}"
                ),
            ),
        )
    } else if m.contains("cannot start any token") {
        let c = from_col(text, col).chars().next().unwrap_or('?');
        said(
            line,
            col,
            (
                format!("a value cannot start with “{c}”"),
                format!("put the value in double quotes; see {DOC_QUOTES_EN}"),
            ),
            (
                format!("值不能以“{c}”开头"),
                format!("把这个值放进英文双引号；见 {DOC_QUOTES_ZH}"),
            ),
        )
    } else if m.contains("expected key")
        || m.contains("block mapping")
        || m.contains("block sequence")
        || m.contains("expected '-'")
        || m.contains("indent")
    {
        said(
            line,
            col,
            (
                "this line does not line up with the lines above it".into(),
                format!(
                    "keys of one mapping start in the same column and list items with `- ` in the same column; indent with spaces; see {DOC_LAYOUT_EN}"
                ),
            ),
            (
                "这一行和上面几行没有对齐".into(),
                format!(
                    "同一组的键要左对齐，同一个列表的 `- ` 也要对齐；只用空格缩进；见 {DOC_LAYOUT_ZH}"
                ),
            ),
        )
    } else {
        said(
            line,
            col,
            (
                format!("YAML cannot read this: {message}"),
                format!(
                    "check the indentation (spaces only), the colons (`key: value`) and the quotes near here; see {DOC_LAYOUT_EN}"
                ),
            ),
            (
                format!("YAML 读不懂这里：{message}"),
                format!(
                    "检查这附近的缩进（只能用空格）、冒号（`键: 值`）和引号；见 {DOC_LAYOUT_ZH}"
                ),
            ),
        )
    };
    if let Some((wide, ascii)) = wide_mark(text)
        && !s.en.0.contains("quotation mark")
    {
        s.en.0.push_str(&format!(
            " (this line holds a full-width “{wide}”, where YAML needs “{ascii}”)"
        ));
        s.zh.0
            .push_str(&format!("（这一行有全角的“{wide}”，YAML 要的是“{ascii}”）"));
    }
    s.covers = (line.saturating_sub(1), line + 1);
    s
}

/// A turn (or a range) that matches none of its forms.
fn turn_forms(layout: &Layout<'_>, line: u64, col: u64, which: &str, doc: Doc) -> Said {
    let (fdoc, fdoc_zh) = fields_doc(doc);
    let text = line_text(layout, line);
    if which != "Bound"
        && let Some((key, whole, tail)) = split_in_flow(text, col)
    {
        return said(
            line,
            col,
            (
                format!(
                    "a comma in the text of `{key}` ended it: YAML read “{tail}” as another field"
                ),
                format!(
                    "put the whole text in double quotes: {key}: \"{whole}\"; see {DOC_QUOTES_EN}"
                ),
            ),
            (
                format!("`{key}` 的文字里有逗号，YAML 把逗号后面的“{tail}”当成了另一个字段"),
                format!("把整段文字放进英文双引号：{key}: \"{whole}\"；见 {DOC_QUOTES_ZH}"),
            ),
        );
    }
    let (en, zh) = match which {
        "AskArg" => (
            (
                "`ask` must be a question, or {to: <contact id>, text: <question>}; this turn matches neither form".to_string(),
                format!("write `- ask: <question>` or `- ask: {{to: <contact id>, text: <question>}}`; a text with a comma, colon or # goes in double quotes: text: \"Yes, and then?\"; see {fdoc}"),
            ),
            (
                "`ask` 只能是一个问题，或 {to: <联系人 id>, text: <问题>}；这一回合两种都不是".to_string(),
                format!("写成 `- ask: <问题>` 或 `- ask: {{to: <联系人 id>, text: <问题>}}`；带逗号、冒号或 # 的文字要放进英文双引号：text: \"好的，然后呢？\"；见 {fdoc_zh}"),
            ),
        ),
        "PresentArg" | "Pitch" => (
            (
                "`present` must be one sentence, or its parts {acknowledge, feature, function, advantage, benefit} (each optional), or either with `to: <contact id>`; this turn matches none of these forms".to_string(),
                format!("write `- present: <sentence>` or `- present: {{feature: .., benefit: ..}}`; a text with a comma, colon or # goes in double quotes; see {fdoc}"),
            ),
            (
                "`present` 只能是一句话，或按部分写 {acknowledge, feature, function, advantage, benefit}（各部分可选），也可以再加 `to: <联系人 id>`；这一回合都不是".to_string(),
                format!("写成 `- present: <一句话>` 或 `- present: {{feature: .., benefit: ..}}`；带逗号、冒号或 # 的文字要放进英文双引号；见 {fdoc_zh}"),
            ),
        ),
        _ => (
            (
                "a range must be a number, or {min: <number>, max: <number>}".to_string(),
                format!("either end may be left out: {{min: 60}}; see {fdoc}"),
            ),
            (
                "范围只能是一个数字，或 {min: <数字>, max: <数字>}".to_string(),
                format!("两端都可以省略一端：{{min: 60}}；见 {fdoc_zh}"),
            ),
        ),
    };
    said(line, col, en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(kind: RawKind, line: u64, col: u64, src: &str) -> Vec<String> {
        let raw = RawError { kind, line, col };
        explain(&raw, src, "f.yaml", Doc::Scenario)
            .iter()
            .flat_map(|p| {
                [
                    p.display_in(crate::lang::Lang::En),
                    p.display_in(crate::lang::Lang::Zh),
                ]
            })
            .collect()
    }

    #[test]
    fn a_split_text_is_named_with_its_quoted_fix() {
        let src = "needs:\n  - id: a\n    summary: {zh: 话费, en: predictable phone spend, for the group}\n";
        let out = one(
            RawKind::UnknownField("for the group".into(), vec!["zh".into(), "en".into()]),
            3,
            52,
            src,
        );
        assert_eq!(
            out[0],
            "f.yaml:3:52: error: a comma in the text of `en` ended it: YAML read “for the group” as another field (put the whole text in double quotes: en: \"predictable phone spend, for the group\"; see docs/scenario-format.md §3, “YAML tip”)"
        );
        assert!(out[1].contains("把整段文字放进英文双引号"), "{}", out[1]);
    }

    #[test]
    fn a_missing_field_is_reported_where_its_mapping_starts() {
        let src = "customer:\n  contacts:\n    - id: rosa\n      name: Rosa\n      title: Owner\n";
        let out = one(RawKind::MissingField("role".into()), 5, 7, src);
        assert!(
            out[0].starts_with(
                "f.yaml:3:7: error: missing field `role` in `customer.contacts[0]` (`rosa`)"
            ),
            "{}",
            out[0]
        );
        let src = "needs:\n  - id: a\n    problem:\n      reply: x\n    cues: [a]\n    payoff: y\n";
        let out = one(RawKind::MissingField("cues".into()), 4, 7, src);
        assert!(
            out[0].starts_with("f.yaml:5:5: error: `cues` is at column 5, left of the other keys of `needs[0].problem` (column 7)"),
            "{}",
            out[0]
        );
    }

    #[test]
    fn nearest_suggests_a_close_spelling() {
        let list: Vec<String> = ["industry", "id", "title"]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        assert_eq!(nearest("industri", &list), Some("industry"));
        assert_eq!(nearest("colour", &list), None);
    }
}
