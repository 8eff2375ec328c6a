//! Text helpers shared by every layer: the sanitizer for outside strings and the
//! normaliser used before cue matching.

/// Replaces control characters, bidi overrides and other invisible troublemakers so a
/// string from a scenario file, a script or an error message is safe to print.
///
/// Newlines are kept; tabs become four spaces; other C0 and C1 controls, DEL and
/// bidi controls become U+FFFD so the reader sees that something was there.
#[must_use]
pub fn sanitize(s: &str) -> String {
    sanitize_with(s, "\n")
}

/// Like [`sanitize`] but also folds newlines into spaces, for one-line output.
#[must_use]
pub fn sanitize_line(s: &str) -> String {
    sanitize_with(s, " ")
}

/// [`sanitize_line`], borrowing the text when it needs no change.
#[must_use]
pub fn sanitize_line_cow(s: &str) -> std::borrow::Cow<'_, str> {
    match first_to_change(s, false) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => std::borrow::Cow::Owned(sanitize_with(s, " ")),
    }
}

/// [`sanitize`], writing `newline` for each line break. Most text needs no change,
/// and is found so by looking at its bytes: every character changed is an ASCII
/// control or starts with the byte 0xC2 (C1 controls), 0xD8 (U+061C) or 0xE2 (the
/// bidi controls), and only characters that start with those three are decoded.
fn sanitize_with(s: &str, newline: &str) -> String {
    let keep_newline = newline == "\n";
    let Some(first) = first_to_change(s, keep_newline) else {
        return s.to_owned();
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '\n' => out.push_str(newline),
            '\t' => out.push_str("    "),
            '\r' => {}
            c if is_unsafe_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Where the first character that [`sanitize`] changes starts (a line break
/// counts unless it is kept).
fn first_to_change(s: &str, keep_newline: bool) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut at = 0;
    // Runs of 32 bytes none of which can start a change are passed over with a test
    // the compiler turns into a few vector instructions; a run with such a byte is
    // looked at byte by byte.
    for run in bytes.chunks(32) {
        let suspect = |b: u8| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2;
        if run.len() < 32 || run.iter().fold(false, |any, &b| any | suspect(b)) {
            for (k, &b) in run.iter().enumerate() {
                let i = at + k;
                let change = match b {
                    b'\n' => !keep_newline,
                    0..0x20 | 0x7F => true,
                    // A lead byte, so `i` starts a character.
                    0xC2 | 0xD8 | 0xE2 => s[i..].chars().next().is_some_and(is_unsafe_char),
                    _ => false,
                };
                if change {
                    return Some(i);
                }
            }
        }
        at += run.len();
    }
    None
}

fn is_unsafe_char(c: char) -> bool {
    let u = c as u32;
    c.is_control()
        || (0x202A..=0x202E).contains(&u)
        || (0x2066..=0x2069).contains(&u)
        || u == 0x200E
        || u == 0x200F
        || u == 0x061C
}

/// Normalises text for matching: traditional Chinese becomes simplified, full-width
/// ASCII becomes half-width, Chinese
/// punctuation becomes its ASCII counterpart, letters are lower-cased and runs of
/// whitespace collapse to one space.
#[must_use]
pub fn normalize(s: &str) -> String {
    let converted;
    let s = if has_han(s) {
        converted = fast2s::convert(s);
        converted.as_str()
    } else {
        s
    };
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = fold_char(c);
        if c.is_whitespace() || is_unsafe_char(c) {
            if !out.is_empty() {
                space = true;
            }
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
    out
}

fn fold_char(c: char) -> char {
    let u = c as u32;
    match c {
        '\u{3000}' => ' ',
        '。' | '｡' => '.',
        '、' => ',',
        '“' | '”' | '「' | '」' | '『' | '』' => '"',
        '‘' | '’' => '\'',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        '…' => '.',
        _ if (0xFF01..=0xFF5E).contains(&u) => char::from_u32(u - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// True when the text contains at least one Han ideograph.
#[must_use]
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

/// True for CJK unified ideographs (the common blocks).
#[must_use]
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Counts characters, not bytes, for limits that trainers can reason about.
#[must_use]
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Display width in terminal columns (CJK counts two).
#[must_use]
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Pads `s` with spaces to `w` columns (CJK aware); longer text is left as is.
#[must_use]
pub fn pad(s: &str, w: usize) -> String {
    let have = width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(have)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_width_case_and_punctuation() {
        assert_eq!(normalize("ＡＢＣ？  How   Many"), "abc? how many");
        assert_eq!(normalize("请问，贵公司有多少人？"), "请问,贵公司有多少人?");
        assert_eq!(normalize("\u{3000}x\t y\n"), "x y");
        assert_eq!(normalize("最讓您頭痛的是什麼？"), "最让您头痛的是什么?");
    }

    #[test]
    fn sanitize_replaces_controls_and_bidi() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
        assert_eq!(sanitize("l1\nl2\tz\r"), "l1\nl2    z");
        assert_eq!(sanitize("\u{7f}\u{9b}"), "\u{FFFD}\u{FFFD}");
        assert_eq!(sanitize_line("a\nb"), "a b");
    }

    /// The quick look at the bytes changes exactly what the character by character
    /// rule changes: every character up to U+10000 (and a few beyond), alone and
    /// between other text.
    #[test]
    fn sanitize_agrees_with_the_rule_for_every_character() {
        fn rule(s: &str, newline: &str) -> String {
            let mut out = String::new();
            for c in s.chars() {
                match c {
                    '\n' => out.push_str(newline),
                    '\t' => out.push_str("    "),
                    '\r' => {}
                    c if is_unsafe_char(c) => out.push('\u{FFFD}'),
                    c => out.push(c),
                }
            }
            out
        }
        let chars = (0..0x1_0000u32)
            .chain([0x1_F468, 0x1_F469, 0x2_0000, 0x10_FFFF])
            .filter_map(char::from_u32);
        for c in chars {
            for s in [
                c.to_string(),
                format!("ab{c}cd"),
                format!("中文{c}\u{201C}x\u{201D}{c}"),
            ] {
                assert_eq!(sanitize(&s), rule(&s, "\n"), "{:?}", c as u32);
                assert_eq!(sanitize_line(&s), rule(&s, " "), "{:?}", c as u32);
            }
        }
        // In longer text, where it is looked at 32 bytes at a time: at the edges of
        // those runs, after a suspect byte that changes nothing (U+201C starts with
        // 0xE2), and straddling two runs.
        let filler =
            "abcdefghij\u{201C}klmnop中文字符qrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let chars = (0..0x3000u32)
            .chain(0x2000..0x2100)
            .chain([0xFEFF, 0x1_F468])
            .filter_map(char::from_u32);
        for c in chars {
            for at in [0, 1, 29, 30, 31, 32, 33, 62, 63, 64, 65] {
                let mut s: String = filler.chars().take(at).collect();
                s.push(c);
                s.push_str(filler);
                assert_eq!(sanitize(&s), rule(&s, "\n"), "{:?} at {at}", c as u32);
                assert_eq!(sanitize_line(&s), rule(&s, " "), "{:?} at {at}", c as u32);
            }
        }
    }

    #[test]
    fn han_detection() {
        assert!(has_han("hello 世界"));
        assert!(!has_han("hello?"));
    }
}
