//! Folded block scalars (`>` and `>-`) in Chinese: YAML joins the lines of a folded
//! text with a space, which reads as a stray space between two Chinese characters
//! ("盲区。 门卫室"). Before a parse the loader finds every folded text in the source,
//! folds it as YAML does and, where a line break falls between two Chinese
//! characters (or next to Chinese punctuation), also without the space; the texts
//! read from the file are then looked up in that table ([`unfold`]). English folded
//! text keeps its spaces, and a text written on one line is never changed.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// The folded texts of the source being parsed on this thread: YAML's folding → ours.
    static TABLE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Chinese (and Japanese) characters, CJK punctuation and full-width forms.
fn cjk(c: char) -> bool {
    crate::text::is_han(c)
        || matches!(c as u32, 0x3000..=0x30FF | 0xFF00..=0xFFEF | 0xFE30..=0xFE4F)
}

/// Punctuation that carries its own spacing in Chinese text: no space after or before it.
fn wide_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// Quotation marks, dashes and ellipses shared by Chinese and English text.
fn shared(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Whether a line ending in `a` and the next one starting with `b` join without a space.
#[must_use]
pub fn joins_tight(a: char, b: char) -> bool {
    wide_punct(a) || wide_punct(b) || (cjk(a) && (cjk(b) || shared(b))) || (cjk(b) && shared(a))
}

/// A folded block's header: `>` with optional chomping (`-`, `+`) and indentation digit.
fn folded_header(value: &str) -> Option<(char, Option<usize>)> {
    let v = value.trim_end();
    let v = match v.find(" #") {
        Some(i) => v[..i].trim_end(),
        None => v,
    };
    let rest = v.strip_prefix('>')?;
    let mut chomp = ' ';
    let mut indent = None;
    for c in rest.chars() {
        match c {
            '-' | '+' => chomp = c,
            '1'..='9' => indent = c.to_digit(10).map(|d| d as usize),
            _ => return None,
        }
    }
    Some((chomp, indent))
}

/// YAML's folding of a block's content lines (indentation removed), and ours; `None`
/// for blocks with more-indented lines (their breaks are kept by YAML and by us).
fn fold(lines: &[&str], chomp: char) -> Option<(String, String)> {
    let last = lines.iter().rposition(|l| !l.is_empty())?;
    let trailing = lines.len() - 1 - last;
    if lines.iter().any(|l| l.starts_with([' ', '\t'])) {
        return None;
    }
    let mut yaml = String::new();
    let mut ours = String::new();
    let mut empties = 0usize;
    let mut prev: Option<&str> = None;
    for l in &lines[..=last] {
        if l.is_empty() {
            empties += 1;
            continue;
        }
        if let Some(p) = prev {
            if empties == 0 {
                yaml.push(' ');
                let tight = matches!((p.chars().last(), l.chars().next()), (Some(a), Some(b)) if joins_tight(a, b));
                if !tight {
                    ours.push(' ');
                }
            } else {
                for _ in 0..empties {
                    yaml.push('\n');
                    ours.push('\n');
                }
            }
        } else {
            for _ in 0..empties {
                yaml.push('\n');
                ours.push('\n');
            }
        }
        empties = 0;
        yaml.push_str(l);
        ours.push_str(l);
        prev = Some(l);
    }
    let tail = match chomp {
        '-' => String::new(),
        '+' => "\n".repeat(1 + trailing),
        _ => "\n".into(),
    };
    yaml.push_str(&tail);
    ours.push_str(&tail);
    Some((yaml, ours))
}

/// Every folded text of `src` whose Chinese line breaks YAML would fill with a
/// space: YAML's text → the text without those spaces.
#[must_use]
pub fn table(src: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if src.is_ascii() || !src.contains('>') {
        return out;
    }
    let lines: Vec<&str> = src
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let body = line.trim_start();
        if body.starts_with('#') {
            continue;
        }
        // The header: `key: >-` or `- >` at the end of the line, and the parent's
        // indentation (the key's column, or the dash's).
        let lead = line.len() - body.len();
        let (value, parent) = match body.find(": >") {
            Some(k) => {
                let dash = body
                    .strip_prefix("- ")
                    .map_or(0, |v| 2 + v.len() - v.trim_start().len());
                (&body[k + 2..], lead + dash)
            }
            None => match body.strip_prefix("- ") {
                Some(v) if v.trim_start().starts_with('>') => (v.trim_start(), lead),
                _ => continue,
            },
        };
        let Some((chomp, explicit)) = folded_header(value) else {
            continue;
        };
        let start = i;
        while i < lines.len() {
            let l = lines[i];
            let ind = l.len() - l.trim_start_matches(' ').len();
            if !l.trim().is_empty() && ind <= parent {
                break;
            }
            i += 1;
        }
        let block = &lines[start..i];
        let indent = match explicit {
            Some(n) => parent + n,
            None => match block.iter().find(|l| !l.trim().is_empty()) {
                Some(l) => l.len() - l.trim_start_matches(' ').len(),
                None => continue,
            },
        };
        let content: Vec<&str> = block
            .iter()
            .map(|l| {
                if l.trim().is_empty() && l.len() <= indent {
                    ""
                } else {
                    l.get(indent..).unwrap_or("")
                }
            })
            .collect();
        let short =
            |l: &&str| !l.trim().is_empty() && l.len() - l.trim_start_matches(' ').len() < indent;
        if block.iter().any(short) {
            continue;
        }
        if let Some((yaml, ours)) = fold(&content, chomp)
            && yaml != ours
        {
            out.insert(yaml, ours);
        }
    }
    out
}

/// Runs `f` with the folded texts of `src` known to [`unfold`] on this thread.
pub fn with_table<T>(src: &str, f: impl FnOnce() -> T) -> T {
    let t = table(src);
    if t.is_empty() {
        return f();
    }
    let previous = TABLE.with(|cell| cell.replace(t));
    let out = f();
    TABLE.with(|cell| cell.replace(previous));
    out
}

/// A text as read from the file: a folded Chinese text without the spaces YAML put
/// between its lines, anything else unchanged.
#[must_use]
pub fn unfold(text: String) -> String {
    TABLE.with(|cell| {
        let t = cell.borrow();
        if t.is_empty() {
            return text;
        }
        match t.get(&text) {
            Some(ours) => ours.clone(),
            None => text,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_lines_join_without_a_space_english_lines_with_one() {
        let src = "a: >-\n  夜里门卫看不清，有盲区。\n  门卫室的屏幕太小。\nb: >\n  We run six\n  vans.\nc: >-\n  货车，\n  旺季要处理\n  两万多笔 orders\n  every day.\n\n  新段落\n";
        let t = table(src);
        assert_eq!(
            t.get("夜里门卫看不清，有盲区。 门卫室的屏幕太小。")
                .map(String::as_str),
            Some("夜里门卫看不清，有盲区。门卫室的屏幕太小。")
        );
        assert_eq!(
            t.get("货车， 旺季要处理 两万多笔 orders every day.\n新段落")
                .map(String::as_str),
            Some("货车，旺季要处理两万多笔 orders every day.\n新段落")
        );
        assert_eq!(t.len(), 2, "{t:?}");
    }

    #[test]
    fn the_table_applies_only_while_parsing() {
        let src = "a: >-\n  盲区。\n  门卫室\n";
        let inside = with_table(src, || unfold("盲区。 门卫室".into()));
        assert_eq!(inside, "盲区。门卫室");
        assert_eq!(unfold("盲区。 门卫室".into()), "盲区。 门卫室");
    }

    #[test]
    fn tight_joins() {
        for (a, b) in [
            ('区', '门'),
            ('。', 'V'),
            ('，', '旺'),
            ('A', '，'),
            ('说', '“'),
            ('”', '他'),
        ] {
            assert!(joins_tight(a, b), "{a}{b}");
        }
        for (a, b) in [('N', '集'), ('有', '6'), ('s', 'v'), ('”', 'a')] {
            assert!(!joins_tight(a, b), "{a}{b}");
        }
    }
}
