//! The layout of YAML text as its author sees it: lines, indentation and keys, and
//! the layout mistakes a YAML parser reports badly or one at a time: tabs,
//! full-width punctuation where YAML wants ASCII, and keys that moved out of line.
//!
//! This is a plain scan of the text, not a YAML parser. The loader runs it when the
//! parser has failed, to report every such mistake at the line that holds it and to
//! put the parser's complaint in an author's words (which mapping lacks a field, which
//! line moved, which comma split a text).

use super::problem::Problem;

/// Where the guide explains layout mistakes.
pub(crate) const DOC_LAYOUT_EN: &str = "docs/scenario-format.md §5, “Layout errors”";
/// The same, for Chinese messages.
pub(crate) const DOC_LAYOUT_ZH: &str = "docs/scenario-format.md 第 5 节“Layout errors”";

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Empty or only spaces.
    Blank,
    /// A comment or a document marker.
    Comment,
    /// A key, a list item or a value of the document's structure.
    Node,
    /// Inside a text: a block scalar, a multi-line quoted or plain scalar, or a
    /// flow collection that spans lines.
    Text,
}

/// What follows a key (or a list dash) on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    /// Nothing: the value is on the lines below.
    None,
    /// A plain text.
    Plain,
    /// A quoted text.
    Quoted,
    /// `[..]` or `{..}`.
    Flow,
    /// `|` or `>`: a block of text below.
    Block,
}

/// One line of the text.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u64,
    /// The line without its line break.
    pub text: &'a str,
    /// What the line is.
    pub kind: Kind,
    /// 0-based column of the first tab in the indentation.
    pub tab: Option<usize>,
    /// 0-based column where the node starts (its first dash, else its key).
    pub node_col: usize,
    /// How many `- ` start the line.
    pub dashes: usize,
    /// 0-based column of the key (or of the value after the dashes).
    pub key_col: usize,
    /// The key, if the line has one.
    pub key: Option<&'a str>,
    /// What follows the key.
    pub value: Value,
    /// The inline plain value, without a comment.
    pub scalar: Option<&'a str>,
    /// Index of the level (mapping or list) the line belongs to.
    pub level: usize,
}

/// A mapping or a list of the document, as its indentation shows it.
#[derive(Debug, Clone)]
pub(crate) struct Level {
    /// 0-based column of its keys (or dashes).
    pub col: usize,
    /// A list (dashes), not a mapping.
    pub seq: bool,
    /// Index of its first line.
    pub start: usize,
    /// Index of its last line (nested lines included).
    pub end: usize,
    /// Where it is: `needs[0].problem`; empty for the top level.
    pub path: String,
    /// The line whose key (or dash) opened it.
    pub owner: Option<usize>,
    /// Items seen so far (lists).
    pub items: usize,
    /// The `id` of a list item, when its first key is `id`.
    pub id: Option<String>,
}

/// A layout mistake found by the scan, before it becomes a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub col: u64,
    /// English message and hint.
    pub en: (String, String),
    /// Chinese message and hint.
    pub zh: (String, String),
}

impl Finding {
    pub(crate) fn problem(&self, path: &str) -> Problem {
        Problem::error(path, self.line, self.col, &self.en.0, &self.en.1).zh(&self.zh.0, &self.zh.1)
    }
}

/// The scanned text.
#[derive(Debug)]
pub(crate) struct Layout<'a> {
    /// Every line.
    pub lines: Vec<Line<'a>>,
    /// Every level, the top level first.
    pub levels: Vec<Level>,
    /// The mistakes found, in line order.
    pub findings: Vec<Finding>,
    /// The usual indentation step (2 unless the file mostly uses another).
    pub step: usize,
    /// A level opened while resyncing after a finding, to push next.
    pending: Option<usize>,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// True for full-width dashes an author may type for a list's `-`.
fn wide_dash(c: char) -> bool {
    matches!(c, '－' | '—' | '–' | '−' | '一')
}

/// Counts the indentation: (columns, first tab, first full-width space).
fn leading(text: &str) -> (usize, Option<usize>, Option<usize>) {
    let mut n = 0;
    let mut tab = None;
    let mut wide = None;
    for c in text.chars() {
        match c {
            ' ' => {}
            '\t' => {
                tab.get_or_insert(n);
            }
            '\u{3000}' => {
                wide.get_or_insert(n);
            }
            _ => break,
        }
        n += 1;
    }
    (n, tab, wide)
}

/// Byte index where a comment starts (` #` outside quotes), or the end.
fn comment_start(s: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'')
                && (prev == ' ' || prev == '[' || prev == '{' || prev == ',' || i == 0) =>
            {
                quote = Some(c);
            }
            None if c == '#' && (prev == ' ' || prev == '\t' || i == 0) => return i,
            None => {}
        }
        prev = c;
    }
    s.len()
}

/// The change in flow depth over a piece of text (brackets outside quotes; a quote
/// opens a text only where a value starts: after `[`, `{`, `,`, `:` or at the start).
fn flow_delta(s: &str) -> i32 {
    let s = &s[..comment_start(s)];
    let mut d = 0;
    let mut quote: Option<char> = None;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' if prev.is_none_or(|p| matches!(p, '[' | '{' | ',' | ':')) => {
                    quote = Some(c);
                }
                '[' | '{' => d += 1,
                ']' | '}' => d -= 1,
                _ => {}
            },
        }
        if !c.is_whitespace() {
            prev = Some(c);
        }
    }
    d
}

/// The quote left open at the end of a value that starts with a quote, if any.
fn open_quote(v: &str) -> Option<char> {
    let mut it = v.chars();
    let q = it.next()?;
    let rest: String = it.collect();
    if closes(&rest, q) { None } else { Some(q) }
}

/// True when `s` holds the closing quote `q` (`\"` and `''` are escapes).
fn closes(s: &str, q: char) -> bool {
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if q == '"' && c == '\\' {
            i += 2;
            continue;
        }
        if c == q {
            if q == '\'' && cs.get(i + 1) == Some(&'\'') {
                i += 2;
                continue;
            }
            return true;
        }
        i += 1;
    }
    false
}

/// A key's name at the start of `s`: ASCII letters, digits, `_`, `-`.
fn ident(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_alphanumeric() || *c == '_' || (*c == '-' && *i > 0)))
        .map_or(s.len(), |(i, _)| i);
    let id = &s[..end];
    if id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        id
    } else {
        ""
    }
}

/// Full-width punctuation an author may type where YAML wants ASCII.
pub(crate) fn wide_name(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '：' => ("：", ":"),
        '，' => ("，", ","),
        '、' => ("、", ","),
        '“' => ("“", "\""),
        '”' => ("”", "\""),
        '‘' => ("‘", "'"),
        '’' => ("’", "'"),
        '［' => ("［", "["),
        '］' => ("］", "]"),
        '【' => ("【", "["),
        '】' => ("】", "]"),
        '｛' => ("｛", "{"),
        '｝' => ("｝", "}"),
        '＃' => ("＃", "#"),
        '－' => ("－", "-"),
        '\u{3000}' => ("full-width space", " "),
        _ => return None,
    })
}

/// What the text after the indentation of a structural line holds.
struct Parsed<'a> {
    dashes: usize,
    key_col: usize,
    key: Option<&'a str>,
    value: Value,
    scalar: Option<&'a str>,
    /// The byte offset in the line where the value starts.
    value_at: usize,
    findings: Vec<Finding>,
}

fn finding(line: u64, col: usize, en: (String, String), zh: (String, String)) -> Finding {
    Finding {
        line,
        col: col as u64 + 1,
        en,
        zh,
    }
}

/// Reads the dashes, key and value of a line that is part of the structure.
fn parse_node(text: &str, no: u64, indent: usize) -> Parsed<'_> {
    let mut out = Parsed {
        dashes: 0,
        key_col: indent,
        key: None,
        value: Value::None,
        scalar: None,
        value_at: text.len(),
        findings: Vec::new(),
    };
    // Byte offset of the indentation's end.
    let mut at = text
        .char_indices()
        .nth(indent)
        .map_or(text.len(), |(i, _)| i);
    let mut col = indent;
    loop {
        let rest = &text[at..];
        let mut cs = rest.chars();
        let first = cs.next();
        let second = cs.next();
        let is_dash = first == Some('-') && matches!(second, None | Some(' ' | '\t'));
        let is_wide =
            first.is_some_and(wide_dash) && matches!(second, None | Some(' ' | '\t' | '\u{3000}'));
        if !(is_dash || is_wide) {
            break;
        }
        if is_wide {
            let c = first.unwrap_or('-');
            out.findings.push(finding(
                no,
                col,
                (
                    format!("this list item starts with a full-width dash “{c}”"),
                    format!("type an ASCII hyphen “-” and a space: `- `; see {DOC_LAYOUT_EN}"),
                ),
                (
                    format!("这一条列表项用了全角的“{c}”开头"),
                    format!("改成半角减号“-”加一个空格：`- `；见 {DOC_LAYOUT_ZH}"),
                ),
            ));
        }
        out.dashes += 1;
        let dash_len = first.map_or(1, char::len_utf8);
        at += dash_len;
        col += 1;
        let spaces = text[at..]
            .chars()
            .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
            .count();
        at += text[at..]
            .chars()
            .take(spaces)
            .map(char::len_utf8)
            .sum::<usize>();
        col += spaces;
    }
    out.key_col = col;
    let rest = &text[at..];
    let id = ident(rest);
    let after_id = &rest[id.len()..];
    let after_trim = after_id.trim_start_matches(' ');
    let mut value_at = None;
    if !id.is_empty() {
        let gap = after_id.len() - after_trim.len();
        let colon_col = col + chars(id) + gap;
        if let Some(v) = after_trim.strip_prefix(':') {
            match v.chars().next() {
                None | Some(' ' | '\t') => {
                    out.key = Some(id);
                    value_at = Some(text.len() - v.len());
                }
                Some('\u{3000}') => {
                    out.key = Some(id);
                    value_at = Some(text.len() - v.len() + '\u{3000}'.len_utf8());
                    out.findings.push(finding(
                        no,
                        colon_col + 1,
                        (
                            format!("after `{id}:` comes a full-width space “　”"),
                            format!("type an ASCII space after the colon: `{id}: …`; see {DOC_LAYOUT_EN}"),
                        ),
                        (
                            format!("`{id}:` 后面是全角空格“　”"),
                            format!("冒号后面改用半角空格：`{id}: …`；见 {DOC_LAYOUT_ZH}"),
                        ),
                    ));
                }
                Some(':' | '/') => {}
                Some(_) if gap == 0 => {
                    out.key = Some(id);
                    value_at = Some(text.len() - v.len());
                    out.findings.push(finding(
                        no,
                        colon_col + 1,
                        (
                            format!("`{id}:` has no space after its colon"),
                            format!("YAML needs a space after the colon of a key: `{id}: …`; see {DOC_LAYOUT_EN}"),
                        ),
                        (
                            format!("`{id}:` 的冒号后面缺一个空格"),
                            format!("键的冒号后面要有一个半角空格：`{id}: …`；见 {DOC_LAYOUT_ZH}"),
                        ),
                    ));
                }
                Some(_) => {}
            }
        } else if let Some(v) = after_trim.strip_prefix('：') {
            out.key = Some(id);
            value_at = Some(text.len() - v.len());
            out.findings.push(finding(
                no,
                colon_col,
                (
                    format!("the colon after `{id}` is a full-width “：”"),
                    format!("type an ASCII colon and a space: `{id}: …`; see {DOC_LAYOUT_EN}"),
                ),
                (
                    format!("`{id}` 后面的冒号是全角的“：”"),
                    format!("改成半角冒号加空格：`{id}: …`；见 {DOC_LAYOUT_ZH}"),
                ),
            ));
        }
    }
    if out.key.is_none() && !rest.starts_with(['"', '\'', '[', '{', '|', '>', '#', '&', '*', '!']) {
        // Any other key, as YAML reads it: text up to `: `.
        let body = &rest[..comment_start(rest)];
        let found = body.char_indices().find(|(i, c)| {
            *c == ':' && matches!(body[i + 1..].chars().next(), None | Some(' ' | '\t'))
        });
        if let Some((i, _)) = found {
            let k = body[..i].trim_end();
            if !k.is_empty() {
                out.key = Some(k);
                value_at = Some(at + i + 1);
            }
        }
    }
    let value_at = value_at.unwrap_or(at);
    let v = &text[value_at..];
    let v_trim = v.trim_start_matches([' ', '\t', '\u{3000}']);
    out.value_at = text.len() - v_trim.len();
    let body = v_trim[..comment_start(v_trim)].trim_end();
    out.value = match body.chars().next() {
        None => Value::None,
        Some('|' | '>') => {
            let ind = &body[1..];
            if ind.chars().all(|c| matches!(c, '-' | '+' | '0'..='9')) {
                Value::Block
            } else {
                Value::Plain
            }
        }
        Some('[' | '{') => Value::Flow,
        Some('"' | '\'') => Value::Quoted,
        Some('&' | '!') if !body.contains(' ') => Value::None,
        Some(_) => Value::Plain,
    };
    if out.value == Value::Plain {
        out.scalar = Some(body);
    }
    out
}

/// The column of a byte offset in a line.
fn col_of(text: &str, byte: usize) -> usize {
    chars(&text[..byte.min(text.len())])
}

/// Full-width colons and commas inside a flow mapping on one line: `{zh： 话费，en: x}`.
fn flow_findings(text: &str, from: usize, no: u64, out: &mut Vec<Finding>) {
    let s = &text[from..];
    let s = &s[..comment_start(s)];
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut map = Vec::new();
    let mut prev_sep = true;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' if prev_sep => quote = Some(c),
            '{' => {
                depth += 1;
                map.push(true);
            }
            '[' => {
                depth += 1;
                map.push(false);
            }
            '}' | ']' => {
                depth -= 1;
                map.pop();
            }
            '：' | '，' | '、' if depth > 0 && map.last() == Some(&true) => {
                let before = s[..i].trim_end();
                let after = s[i + c.len_utf8()..].trim_start();
                let col = col_of(text, from + i);
                if c == '：' {
                    // A key of the mapping: ASCII letters right before it, after `{` or a comma.
                    let key_start = before
                        .char_indices()
                        .rev()
                        .take_while(|(_, k)| k.is_ascii_alphanumeric() || *k == '_')
                        .last()
                        .map(|(j, _)| j);
                    if let Some(j) = key_start {
                        let k = &before[j..];
                        let lead = before[..j].trim_end();
                        if lead.ends_with(['{', ',', '，', '、']) {
                            out.push(finding(
                                no,
                                col,
                                (
                                    format!("the colon after `{k}` is a full-width “：”"),
                                    format!("type an ASCII colon and a space: `{k}: …`; see {DOC_LAYOUT_EN}"),
                                ),
                                (
                                    format!("`{k}` 后面的冒号是全角的“：”"),
                                    format!("改成半角冒号加空格：`{k}: …`；见 {DOC_LAYOUT_ZH}"),
                                ),
                            ));
                        }
                    }
                } else {
                    // A separator: the next pair's key follows.
                    let k = ident(after);
                    let next = after[k.len()..].trim_start();
                    if !k.is_empty()
                        && (next.starts_with(": ") || next.starts_with('：') || next == ":")
                    {
                        let wide = if c == '，' { "，" } else { "、" };
                        out.push(finding(
                            no,
                            col,
                            (
                                format!("a full-width “{wide}” separates `{k}` from the text before it"),
                                format!("type an ASCII comma “,” between the pairs of `{{…}}`; see {DOC_LAYOUT_EN}"),
                            ),
                            (
                                format!("`{k}` 前面用了全角的“{wide}”来分隔"),
                                format!("`{{…}}` 里的各项之间要用半角逗号“,”；见 {DOC_LAYOUT_ZH}"),
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
        prev_sep = matches!(c, ' ' | '{' | '[' | ',' | ':');
    }
}

/// Scans text into lines, levels and layout findings.
#[must_use]
pub(crate) fn scan(src: &str) -> Layout<'_> {
    let mut lines = Vec::new();
    let mut findings = Vec::new();
    let mut block: Option<usize> = None;
    let mut quote: Option<char> = None;
    let mut depth = 0i32;
    // The `[` or `{` that opened a flow collection still open: (line, column, mark).
    let mut opened: Option<(u64, usize, char)> = None;
    for (i, raw) in src.split('\n').enumerate() {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let no = i as u64 + 1;
        let mut line = Line {
            no,
            text,
            kind: Kind::Text,
            tab: None,
            node_col: 0,
            dashes: 0,
            key_col: 0,
            key: None,
            value: Value::None,
            scalar: None,
            level: 0,
        };
        let (indent, tab, wide) = leading(text);
        if let Some(parent) = block {
            if text.trim().is_empty() || (indent > parent && tab.is_none_or(|t| t > parent)) {
                lines.push(line);
                continue;
            }
            block = None;
        }
        if let Some(q) = quote {
            if closes(text, q) {
                quote = None;
                depth = 0;
            }
            lines.push(line);
            continue;
        }
        if depth > 0 {
            depth += flow_delta(text);
            flow_findings(text, 0, no, &mut findings);
            lines.push(line);
            continue;
        }
        opened = None;
        let body = text.trim_start_matches([' ', '\t', '\u{3000}']);
        if body.is_empty() {
            line.kind = Kind::Blank;
            lines.push(line);
            continue;
        }
        if body.starts_with('#') || text.starts_with("---") || text.starts_with("...") {
            line.kind = Kind::Comment;
            lines.push(line);
            continue;
        }
        line.kind = Kind::Node;
        line.tab = tab;
        if let Some(t) = tab {
            findings.push(finding(
                no,
                t,
                (
                    "a tab in the indentation: YAML indents with spaces only".into(),
                    format!("replace the tab with spaces (most editors can show tabs); see {DOC_LAYOUT_EN}"),
                ),
                (
                    "缩进里有制表符（Tab）：YAML 只能用空格缩进".into(),
                    format!("把 Tab 换成空格（编辑器一般可以显示 Tab）；见 {DOC_LAYOUT_ZH}"),
                ),
            ));
        } else if let Some(w) = wide {
            findings.push(finding(
                no,
                w,
                (
                    "a full-width space “　” in the indentation".into(),
                    format!("indent with ASCII spaces (switch the input method to half-width); see {DOC_LAYOUT_EN}"),
                ),
                (
                    "缩进里有全角空格“　”".into(),
                    format!("用半角空格缩进（输入法切换到半角）；见 {DOC_LAYOUT_ZH}"),
                ),
            ));
        }
        let p = parse_node(text, no, indent);
        line.node_col = indent;
        line.dashes = p.dashes;
        line.key_col = p.key_col;
        line.key = p.key;
        line.value = p.value;
        line.scalar = p.scalar;
        findings.extend(p.findings);
        match p.value {
            Value::Block => {
                block = Some(if p.key.is_some() || p.dashes == 0 {
                    p.key_col
                } else {
                    indent
                });
            }
            Value::Flow => {
                depth = flow_delta(&text[p.value_at..]).max(0);
                flow_findings(text, p.value_at, no, &mut findings);
                if depth > 0 {
                    opened = Some((
                        no,
                        col_of(text, p.value_at),
                        text[p.value_at..].chars().next().unwrap_or('['),
                    ));
                }
            }
            Value::Quoted => quote = open_quote(&text[p.value_at..]),
            _ => {}
        }
        lines.push(line);
    }
    if depth > 0
        && let Some((no, col, mark)) = opened
    {
        let close = if mark == '{' { '}' } else { ']' };
        findings.push(finding(
            no,
            col,
            (
                format!("the “{mark}” here is never closed"),
                format!("close it with “{close}” on this line; a text with a comma, colon or # inside it must be in double quotes; see {DOC_LAYOUT_EN}"),
            ),
            (
                format!("这里的“{mark}”一直没有闭合"),
                format!("在这一行用“{close}”闭合；里面带逗号、冒号或 # 的文字要放进英文双引号；见 {DOC_LAYOUT_ZH}"),
            ),
        ));
    }
    let mut layout = Layout {
        lines,
        levels: Vec::new(),
        findings,
        step: 2,
        pending: None,
    };
    layout.structure();
    layout.findings.sort_by_key(|f| (f.line, f.col));
    layout
        .findings
        .dedup_by(|a, b| a.line == b.line && a.col == b.col);
    layout
}

/// A name followed by Chinese text: a space after a code span, none after `）`.
pub(crate) fn zh_space(name: &str) -> String {
    if name.ends_with('）')
        || crate::text::has_han(
            name.chars()
                .last()
                .map(String::from)
                .as_deref()
                .unwrap_or(""),
        )
    {
        name.to_string()
    } else {
        format!("{name} ")
    }
}

/// `needs[0].problem`, or a word for the top level.
pub(crate) fn shown_path(path: &str, zh: bool) -> String {
    match (path.is_empty(), zh) {
        (true, false) => "the top level".into(),
        (true, true) => "顶层".into(),
        _ => format!("`{path}`"),
    }
}

impl Layout<'_> {
    fn key_name(&self, i: usize) -> String {
        let l = &self.lines[i];
        l.key.map_or_else(
            || {
                let t = l.text.trim();
                let short: String = t.chars().take(24).collect();
                if short.len() < t.len() {
                    format!("{short}…")
                } else {
                    short
                }
            },
            str::to_string,
        )
    }

    fn level_name(&self, lv: usize, zh: bool) -> String {
        let l = &self.levels[lv];
        let path = shown_path(&l.path, zh);
        match (&l.id, zh) {
            (Some(id), false) => format!("{path} (`{id}`)"),
            (Some(id), true) => format!("{path}（`{id}`）"),
            (None, _) => path,
        }
    }

    /// "the keys of `x`, at column 5" or "the `- ` items of `x`, at column 3".
    fn level_cols(&self, lv: usize) -> (String, String) {
        let l = &self.levels[lv];
        let (en, zh) = (self.level_name(lv, false), self.level_name(lv, true));
        if l.seq {
            (
                format!("the `- ` items of {en}, at column {}", l.col + 1),
                format!("{}的 `- ` 列表项（第 {} 列）", zh_space(&zh), l.col + 1),
            )
        } else {
            (
                format!("the keys of {en}, at column {}", l.col + 1),
                format!("{}的键（第 {} 列）", zh_space(&zh), l.col + 1),
            )
        }
    }

    fn push_level(
        &mut self,
        col: usize,
        seq: bool,
        start: usize,
        owner: Option<usize>,
        path: String,
    ) -> usize {
        self.levels.push(Level {
            col,
            seq,
            start,
            end: start,
            path,
            owner,
            items: 0,
            id: None,
        });
        self.levels.len() - 1
    }

    /// The path of the level a key (or a bare dash) opens.
    fn child_path(&self, owner: usize) -> String {
        let l = &self.lines[owner];
        let lv = &self.levels[l.level];
        match l.key {
            Some(k) if lv.path.is_empty() => k.to_string(),
            Some(k) => format!("{}.{k}", lv.path),
            None if l.dashes > 0 && lv.seq => {
                format!("{}[{}]", lv.path, lv.items.saturating_sub(1))
            }
            None => lv.path.clone(),
        }
    }

    /// The column a level's owner asks its children to pass.
    fn owner_col(&self, lv: usize) -> Option<usize> {
        self.levels[lv].owner.map(|o| {
            let l = &self.lines[o];
            if l.key.is_some() {
                l.key_col
            } else {
                l.node_col
            }
        })
    }

    /// Builds the levels from the indentation and records lines out of line.
    fn structure(&mut self) {
        let nodes: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.lines[i].kind == Kind::Node && self.lines[i].tab.is_none())
            .collect();
        // The usual step: how far a key's children are indented (2 on a tie).
        let mut steps = [0usize; 9];
        for w in nodes.windows(2) {
            let (a, b) = (&self.lines[w[0]], &self.lines[w[1]]);
            if a.value == Value::None && a.key.is_some() && b.node_col > a.key_col {
                let d = b.node_col - a.key_col;
                if d < steps.len() {
                    steps[d] += 1;
                }
            }
        }
        let most = steps.iter().copied().max().unwrap_or(0);
        if most > 0 && steps[2] < most {
            self.step = steps.iter().position(|&n| n == most).unwrap_or(2);
        }
        let mut stack: Vec<usize> = Vec::new();
        let mut prev: Option<usize> = None;
        for &i in &nodes {
            let c = self.lines[i].node_col;
            let dashes = self.lines[i].dashes;
            if stack.is_empty() {
                let root = self.push_level(c, dashes > 0, i, None, String::new());
                stack.push(root);
            }
            let mut placed = false;
            if let Some(p) = prev
                && self.lines[p].value == Value::None
            {
                let pl = &self.lines[p];
                let pc = if pl.key.is_some() {
                    pl.key_col
                } else {
                    pl.node_col
                };
                if c > pc || (c == pc && dashes > 0 && pl.key.is_some()) {
                    let path = self.child_path(p);
                    let lv = self.push_level(c, dashes > 0, i, Some(p), path);
                    stack.push(lv);
                    placed = true;
                }
            }
            if !placed {
                let top = *stack.last().unwrap_or(&0);
                if c > self.levels[top].col {
                    let continues = prev.is_some_and(|p| self.lines[p].value == Value::Plain)
                        && self.lines[i].key.is_none()
                        && dashes == 0;
                    if continues {
                        self.lines[i].kind = Kind::Text;
                        continue;
                    }
                    self.over_indented(i, prev, top);
                    if let Some(lv) = self.pending.take() {
                        stack.push(lv);
                    }
                } else {
                    let mut popped = Vec::new();
                    while let Some(&t) = stack.last() {
                        if self.levels[t].col > c && stack.len() > 1 {
                            self.levels[t].end = prev.unwrap_or(i);
                            popped.push(t);
                            stack.pop();
                        } else {
                            break;
                        }
                    }
                    // A list at its owner's column ends at the next key there.
                    while let Some(&t) = stack.last() {
                        let indentless = self.levels[t].seq
                            && self.owner_col(t) == Some(self.levels[t].col)
                            && dashes == 0;
                        if indentless && stack.len() > 1 {
                            self.levels[t].end = prev.unwrap_or(i);
                            popped.push(t);
                            stack.pop();
                        } else {
                            break;
                        }
                    }
                    let top = *stack.last().unwrap_or(&0);
                    if self.levels[top].col < c {
                        if let Some(lv) = self.between(i, top, popped.last().copied()) {
                            stack.push(lv);
                        }
                    } else if self.levels[top].seq
                        && dashes == 0
                        && let Some(&item) = popped.last()
                    {
                        self.at_dashes(i, item);
                        stack.push(item);
                    }
                }
            }
            let top = *stack.last().unwrap_or(&0);
            if dashes > 0 && self.levels[top].seq {
                self.levels[top].items += 1;
                let n = self.levels[top].items - 1;
                let path = format!("{}[{n}]", self.levels[top].path);
                self.lines[i].level = top;
                if self.lines[i].key.is_some() {
                    let kc = self.lines[i].key_col;
                    let lv = self.push_level(kc, false, i, Some(i), path);
                    if self.lines[i].key == Some("id") {
                        self.levels[lv].id = self.lines[i].scalar.map(str::to_string);
                    }
                    stack.push(lv);
                    self.lines[i].level = lv;
                }
            } else {
                self.lines[i].level = top;
            }
            prev = Some(i);
        }
        let last = nodes.last().copied().unwrap_or(0);
        for &t in &stack {
            self.levels[t].end = last;
        }
    }

    /// A line indented further than the lines of its level, though the line above
    /// opened nothing. Blames the line above when it was the first of its level, off
    /// the file's step, and this one is on it.
    fn over_indented(&mut self, i: usize, prev: Option<usize>, top: usize) {
        let Some(p) = prev else { return };
        let (c, pc) = (self.lines[i].node_col, self.lines[p].node_col);
        let level_col = self.levels[top].col;
        let on_step = |col: usize| self.owner_col(top).is_some_and(|o| col == o + self.step);
        let name = self.key_name(i);
        let pname = self.key_name(p);
        let (no, pno) = (self.lines[i].no, self.lines[p].no);
        // The line above is in line with the key before it, which so opened nothing,
        // and this line is where that key's content belongs.
        let opener = (0..p)
            .rev()
            .find(|&j| self.lines[j].kind == Kind::Node && self.lines[j].tab.is_none());
        if let Some(o) = opener
            && self.lines[o].value == Value::None
            && self.lines[o].key.is_some()
            && self.lines[o].node_col == pc
            && c == self.lines[o].key_col + self.step
        {
            let oname = self.key_name(o);
            let ono = self.lines[o].no;
            self.findings.push(finding(
                pno,
                pc,
                (
                    format!("`{pname}` is in line with `{oname}` (line {ono}), so `{oname}` is empty and `{name}` on line {no} lines up with nothing"),
                    format!("if `{pname}` belongs to `{oname}`, indent it to column {} like `{name}`; see {DOC_LAYOUT_EN}", c + 1),
                ),
                (
                    format!("`{pname}` 和 `{oname}`（第 {ono} 行）对齐了，所以 `{oname}` 是空的，第 {no} 行的 `{name}` 也就对不上任何一级"),
                    format!("如果 `{pname}` 属于 `{oname}`，就像 `{name}` 一样缩进到第 {} 列；见 {DOC_LAYOUT_ZH}", c + 1),
                ),
            ));
            let path = self.child_path(o);
            let lv = self.push_level(c, false, p, Some(o), path);
            self.lines[p].level = lv;
            self.pending = Some(lv);
            return;
        }
        if self.levels[top].start == p && !on_step(pc) && on_step(c) {
            let lv = self.level_name(top, false);
            let lvz = self.level_name(top, true);
            self.findings.push(finding(
                pno,
                pc,
                (
                    format!("`{pname}` is at column {}, but the next key of {lv}, `{name}` (line {no}), is at column {}", pc + 1, c + 1),
                    format!("the keys of one mapping start in the same column: move `{pname}` to column {}; see {DOC_LAYOUT_EN}", c + 1),
                ),
                (
                    format!("`{pname}` 在第 {} 列，而 {lvz} 的下一个键 `{name}`（第 {no} 行）在第 {} 列", pc + 1, c + 1),
                    format!("同一组里的键要左对齐：把 `{pname}` 移到第 {} 列；见 {DOC_LAYOUT_ZH}", c + 1),
                ),
            ));
            self.levels[top].col = c;
            return;
        }
        let what = if self.lines[i].key.is_some() {
            format!("`{name}`")
        } else {
            "this line".to_string()
        };
        let whatz = if self.lines[i].key.is_some() {
            format!("`{name}`")
        } else {
            "这一行".to_string()
        };
        self.findings.push(finding(
            no,
            c,
            (
                format!("{what} is indented further than `{pname}` on line {pno} (column {} instead of {}), but `{pname}` already has its value", c + 1, level_col + 1),
                format!("keys of one mapping start in the same column: move it to column {}; a text that goes on must be in quotes; see {DOC_LAYOUT_EN}", level_col + 1),
            ),
            (
                format!("{whatz} 比第 {pno} 行的 `{pname}` 缩进得多（在第 {} 列，应在第 {} 列），而 `{pname}` 已经有值了", c + 1, level_col + 1),
                format!("同一组里的键要左对齐：移到第 {} 列；要接着写的文字请放进引号里；见 {DOC_LAYOUT_ZH}", level_col + 1),
            ),
        ));
    }

    /// A line that goes back to a column no open level has. Returns the level it
    /// joins (pushed back) when it is nearer the inner one.
    fn between(&mut self, i: usize, top: usize, inner: Option<usize>) -> Option<usize> {
        let c = self.lines[i].node_col;
        let name = self.key_name(i);
        let no = self.lines[i].no;
        let Some(inner) = inner else {
            self.findings.push(finding(
                no,
                c,
                (
                    format!(
                        "`{name}` is at column {}, which lines up with nothing above",
                        c + 1
                    ),
                    format!(
                        "the keys of {} start at column {}; see {DOC_LAYOUT_EN}",
                        self.level_name(top, false),
                        self.levels[top].col + 1
                    ),
                ),
                (
                    format!("`{name}` 在第 {} 列，和上面哪一级都对不齐", c + 1),
                    format!(
                        "{} 的键从第 {} 列开始；见 {DOC_LAYOUT_ZH}",
                        self.level_name(top, true),
                        self.levels[top].col + 1
                    ),
                ),
            ));
            return None;
        };
        let ic = self.levels[inner].col;
        let first = self.levels[inner].start;
        let owner = self.owner_col(inner);
        let on_step = |col: usize| owner.is_some_and(|o| col == o + self.step);
        let only_first = self.levels[inner].end == first;
        if only_first
            && !on_step(ic)
            && on_step(c)
            && self.levels[inner].seq == (self.lines[i].dashes > 0)
        {
            // The first line of the inner level moved; this one is where it belongs.
            let fname = self.key_name(first);
            let fno = self.lines[first].no;
            let lv = self.level_name(inner, false);
            let lvz = self.level_name(inner, true);
            self.findings.push(finding(
                fno,
                ic,
                (
                    format!("`{fname}` is at column {}, but the next key of {lv}, `{name}` (line {no}), is at column {}", ic + 1, c + 1),
                    format!("the keys of one mapping start in the same column: move `{fname}` to column {}; see {DOC_LAYOUT_EN}", c + 1),
                ),
                (
                    format!("`{fname}` 在第 {} 列，而 {lvz} 的下一个键 `{name}`（第 {no} 行）在第 {} 列", ic + 1, c + 1),
                    format!("同一组里的键要左对齐：把 `{fname}` 移到第 {} 列；见 {DOC_LAYOUT_ZH}", c + 1),
                ),
            ));
            self.levels[inner].col = c;
            return Some(inner);
        }
        let tc = self.levels[top].col;
        let (en_lv, zh_lv) = self.level_cols(inner);
        let (en_top, zh_top) = self.level_cols(top);
        let (path_lv, path_lv_zh) = (self.level_name(inner, false), self.level_name(inner, true));
        let (path_top, path_top_zh) = (self.level_name(top, false), self.level_name(top, true));
        self.findings.push(finding(
            no,
            c,
            (
                format!("`{name}` is at column {}, in line with neither {en_lv}, nor {en_top}", c + 1),
                format!("move it to column {} if it belongs to {path_lv}, or to column {} if it belongs to {path_top}; see {DOC_LAYOUT_EN}", ic + 1, tc + 1),
            ),
            (
                format!("`{name}` 在第 {} 列，既没有和 {zh_lv}对齐，也没有和 {zh_top}对齐", c + 1),
                format!("属于 {}就移到第 {} 列，属于 {}就移到第 {} 列；见 {DOC_LAYOUT_ZH}", zh_space(&path_lv_zh), ic + 1, zh_space(&path_top_zh), tc + 1),
            ),
        ));
        (c - tc >= ic - c).then_some(inner)
    }

    /// A key at the column of a list's dashes, right after one of its items.
    fn at_dashes(&mut self, i: usize, item: usize) {
        let c = self.lines[i].node_col;
        let name = self.key_name(i);
        let no = self.lines[i].no;
        let ic = self.levels[item].col;
        let (en, zh) = (self.level_name(item, false), self.level_name(item, true));
        self.findings.push(finding(
            no,
            c,
            (
                format!("`{name}` lines up with the dashes `- ` of the list above, not with the keys of {en}"),
                format!("a key of that item goes at column {} (under the key after the dash); a new item starts with `- `; see {DOC_LAYOUT_EN}", ic + 1),
            ),
            (
                format!("`{name}` 和上面列表的 `- ` 对齐了，没有和 {zh} 的键对齐"),
                format!("属于这一项的键放在第 {} 列（和短横后面的键对齐）；新的一项以 `- ` 开头；见 {DOC_LAYOUT_ZH}", ic + 1),
            ),
        ));
    }

    /// The index of the structural line numbered `no`.
    pub(crate) fn node_at(&self, no: u64) -> Option<usize> {
        let i = usize::try_from(no.checked_sub(1)?).ok()?;
        (self.lines.get(i)?.kind == Kind::Node).then_some(i)
    }

    /// The level (mapping) of the key on line `no`; the top level when that line
    /// holds no key (the end of the file).
    pub(crate) fn mapping_at(&self, no: u64) -> usize {
        self.node_at(no).map_or(0, |i| self.lines[i].level)
    }

    /// The key a value on line `no` belongs to: the key on that line (or on the line
    /// that opened a flow collection spanning lines), else the key of the list it is
    /// an item of.
    pub(crate) fn key_for(&self, no: u64) -> Option<String> {
        let last = usize::try_from(no.checked_sub(1)?).ok()?;
        let i = (0..=last.min(self.lines.len().checked_sub(1)?))
            .rev()
            .find(|&j| self.lines[j].kind == Kind::Node)?;
        let l = &self.lines[i];
        if let Some(k) = l.key {
            return Some(k.to_string());
        }
        let owner = self.levels.get(l.level)?.owner?;
        self.lines[owner].key.map(str::to_string)
    }

    /// The first structural line after a level's lines, if it holds `key` at a
    /// column other than the level's: a key that moved out of its mapping.
    pub(crate) fn moved_key(&self, lv: usize, key: &str) -> Option<usize> {
        let l = &self.levels[lv];
        let next = (l.end + 1..self.lines.len()).find(|&j| self.lines[j].kind == Kind::Node)?;
        let n = &self.lines[next];
        (n.key == Some(key) && n.node_col != l.col && n.node_col < l.col).then_some(next)
    }

    /// Where a level starts: (line, 1-based column of its first key).
    pub(crate) fn start_of(&self, lv: usize) -> (u64, u64) {
        let l = &self.levels[lv];
        let first = &self.lines[l.start];
        let col = if l.seq { first.node_col } else { first.key_col };
        (first.no, col as u64 + 1)
    }

    /// The level's name in messages: its path and id.
    pub(crate) fn name_of(&self, lv: usize, zh: bool) -> String {
        self.level_name(lv, zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(u64, u64, String)> {
        scan(src)
            .findings
            .iter()
            .map(|f| (f.line, f.col, f.en.0.clone()))
            .collect()
    }

    /// Every YAML file in the repository that parses has no layout findings (a
    /// finding there would be a false alarm next to a real error).
    #[test]
    fn no_finding_in_any_file_of_the_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stack = vec![
            root.join("scenarios"),
            root.join("data"),
            root.join("tests"),
        ];
        let mut seen = 0;
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let name = p.display().to_string();
                if !(name.ends_with(".yaml") || name.ends_with(".yml"))
                    || name.contains("invalid")
                    || name.contains("yaml-errors")
                {
                    continue;
                }
                let Ok(src) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let parses = serde_saphyr::from_str::<serde_json::Value>(&src).is_ok();
                if !parses {
                    continue;
                }
                seen += 1;
                let f = scan(&src).findings;
                assert!(f.is_empty(), "{name}: {f:?}");
            }
        }
        assert!(seen > 50, "{seen}");
    }

    #[test]
    fn a_clean_file_has_no_findings() {
        let src = "id: a\ntitle: {en: \"A: b\", zh: 甲}\nbriefing: >-\n  第一行：\n  \tsecond\nneeds:\n  - id: x\n    problem:\n      cues: [a, b]\n      reply: text\n        goes on\n    implications:\n    - cues: [c]\n      reply: d\n  - id: y\n";
        assert_eq!(found(src), Vec::<(u64, u64, String)>::new());
        let l = scan(src);
        let lv = l.mapping_at(10);
        assert_eq!(l.levels[lv].path, "needs[0].problem");
        assert_eq!(l.name_of(l.lines[6].level, false), "`needs[0]` (`x`)");
    }

    #[test]
    fn tabs_and_wide_punctuation_are_found_where_they_are() {
        let src = "customer:\n  company: A\n\temployees: 3\n  about：Four\ntitle: {zh： 话费，en: x}\nfacts:\n  － id: a\n";
        let f = found(src);
        assert_eq!(f.len(), 5, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (3, 1));
        assert!(f[0].2.contains("tab"));
        assert_eq!((f[1].0, f[1].1), (4, 8));
        assert!(f[1].2.contains("`about` is a full-width"));
        assert_eq!((f[2].0, f[2].1), (5, 11));
        assert_eq!((f[3].0, f[3].1), (5, 15));
        assert!(f[3].2.contains("`en`"), "{}", f[3].2);
        assert_eq!((f[4].0, f[4].1), (7, 3));
    }

    #[test]
    fn the_line_that_moved_is_blamed() {
        // `cues` one column too far right, `reply` on the file's step.
        let src = "needs:\n  - id: x\n    problem:\n       cues: [a]\n      reply: b\n";
        let f = found(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (4, 8));
        // `reply` one column too far right after a complete `cues`.
        let src = "needs:\n  - id: x\n    problem:\n      cues: [a]\n       reply: b\n";
        let f = found(src);
        assert_eq!((f[0].0, f[0].1), (5, 8), "{f:?}");
        // A key back at the dashes of a list.
        let src = "imps:\n  - cues: [a]\n  reply: b\n";
        let f = found(src);
        assert_eq!((f[0].0, f[0].1), (3, 3), "{f:?}");
        assert!(f[0].2.contains("dashes"));
    }
}
