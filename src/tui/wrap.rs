//! Wrapping that measures CJK correctly (ratatui's own `Wrap` strands Chinese runs).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Wraps `text` to `width` columns; the first line starts with `prefix` (styled),
/// following lines are indented by the prefix's width.
#[must_use]
pub fn wrap_prefixed(
    prefix: &str,
    prefix_style: Style,
    text: &str,
    style: Style,
    width: usize,
) -> Vec<Line<'static>> {
    let pw = crate::text::width(prefix);
    let avail = width.saturating_sub(pw).max(4);
    let clean = crate::text::sanitize(text);
    let mut out = Vec::new();
    let mut first = true;
    for para in clean.split('\n') {
        let pieces = textwrap::wrap(para, textwrap::Options::new(avail).break_words(true));
        let pieces: Vec<String> = if pieces.is_empty() {
            vec![String::new()]
        } else {
            pieces.into_iter().map(|c| c.into_owned()).collect()
        };
        for p in pieces {
            let lead = if first {
                Span::styled(prefix.to_string(), prefix_style)
            } else {
                Span::raw(" ".repeat(pw))
            };
            first = false;
            out.push(Line::from(vec![lead, Span::styled(p, style)]));
        }
    }
    out
}

/// Truncates to `width` columns, adding `…` when cut.
#[must_use]
pub fn truncate(s: &str, width: usize) -> String {
    let s = crate::text::sanitize_line(s);
    if crate::text::width(&s) <= width {
        return s;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_wraps_within_width() {
        let lines = wrap_prefixed(
            "客户: ",
            Style::default(),
            "说实话这是我们最头疼的。航班一延误或者取消,客服中心只能按旅客名单一个个打电话。",
            Style::default(),
            20,
        );
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width() <= 20, "{l:?}");
        }
    }

    #[test]
    fn truncate_measures_cjk() {
        assert_eq!(truncate("航空公司短信平台", 7), "航空公…");
        assert_eq!(truncate("abc", 7), "abc");
    }
}
