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
    let clean = plain_emoji(&crate::text::sanitize(text));
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

/// Splits emoji sequences into their single emoji: drops the zero-width joiner
/// (U+200D), the variation selectors (U+FE0E, U+FE0F) and skin-tone modifiers
/// (U+1F3FB–U+1F3FF). A joined sequence such as 👨‍👩‍👧 is one 2-column grapheme to
/// ratatui, 6 columns to the wrapper (which measures characters), and either to a
/// terminal depending on its font; without the joiners every measure agrees (the
/// family becomes 👨👩👧), so no line runs over a border.
#[must_use]
pub fn plain_emoji(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}'
            )
        })
        .collect()
}

/// Truncates to `width` columns, adding `…` when cut.
#[must_use]
pub fn truncate(s: &str, width: usize) -> String {
    let s = plain_emoji(&crate::text::sanitize_line(s));
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

/// What a wrapped transcript depends on besides its steps: the width, the language,
/// the theme's styles and how many turns show their grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrapKey {
    /// Columns wrapped to.
    pub width: usize,
    /// Interface language.
    pub lang: crate::lang::Lang,
    /// The styles the lines carry.
    pub theme: super::theme::Theme,
    /// Turns whose grades are shown (`usize::MAX`: all).
    pub visible: usize,
}

/// Wrapped lines kept between frames, so that a keystroke does not wrap the whole
/// transcript again. Lines are added for new steps only; a change of [`WrapKey`]
/// (width, language, theme, grades shown) or [`WrapCache::clear`] (the steps were
/// replayed) wraps everything again.
#[derive(Debug, Default)]
pub struct WrapCache {
    cell: std::cell::RefCell<Option<Wrapped>>,
}

#[derive(Debug)]
struct Wrapped {
    key: WrapKey,
    steps: usize,
    lines: Vec<Line<'static>>,
}

impl WrapCache {
    /// Forgets the lines (the steps they came from were replaced).
    pub fn clear(&self) {
        self.cell.replace(None);
    }

    /// Calls `f` with the lines of `steps` steps under `key`, wrapping with
    /// `wrap(from, out)` (which appends the lines of steps `from..steps`) only what
    /// the cache does not hold yet.
    pub fn with<R>(
        &self,
        key: WrapKey,
        steps: usize,
        wrap: impl FnOnce(usize, &mut Vec<Line<'static>>),
        f: impl FnOnce(&[Line<'static>]) -> R,
    ) -> R {
        let mut cell = self.cell.borrow_mut();
        let reuse = cell
            .as_ref()
            .is_some_and(|w| w.key == key && w.steps <= steps);
        if !reuse {
            *cell = Some(Wrapped {
                key,
                steps: 0,
                lines: Vec::new(),
            });
        }
        let w = cell.get_or_insert_with(|| Wrapped {
            key,
            steps: 0,
            lines: Vec::new(),
        });
        if w.steps < steps {
            wrap(w.steps, &mut w.lines);
            w.steps = steps;
        }
        f(&w.lines)
    }

    /// How many steps the cache holds lines for, and under which key (for tests).
    #[must_use]
    pub fn held(&self) -> Option<(WrapKey, usize)> {
        self.cell.borrow().as_ref().map(|w| (w.key, w.steps))
    }
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

    /// The width every measure gives: characters (as the wrapper and many
    /// terminals count), graphemes (as ratatui counts) and ratatui's line width.
    fn widths(l: &Line) -> (usize, usize, usize) {
        let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        let chars = text
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        (chars, crate::text::width(&text), l.width())
    }

    /// Issue 10, defect 4: joined emoji (ZWJ families, flags with a variation
    /// selector, skin tones, ❤️) no longer measure differently to the wrapper and to
    /// ratatui, so a wrapped line stays inside its width by every measure.
    #[test]
    fn joined_emoji_stay_inside_the_width() {
        let text = "家庭套餐👨‍👩‍👧‍👦全家共享🏳️‍🌈,点赞👍🏽的客户❤️最多,Family plan 👩‍💻 for everyone ❤️❤️❤️";
        for w in 10..40 {
            for l in wrap_prefixed("客户: ", Style::default(), text, Style::default(), w) {
                let (chars, graphemes, line) = widths(&l);
                assert!(
                    chars <= w && chars == graphemes && graphemes == line,
                    "{w}: {l:?}"
                );
            }
            let t = truncate(text, w);
            let (chars, graphemes, _) = widths(&Line::from(t.clone()));
            assert!(chars <= w && chars == graphemes, "{w}: {t}");
        }
        assert_eq!(plain_emoji("👨‍👩‍👧"), "👨👩👧");
    }

    #[test]
    fn truncate_measures_cjk() {
        assert_eq!(truncate("航空公司短信平台", 7), "航空公…");
        assert_eq!(truncate("abc", 7), "abc");
    }

    /// The wrap cache wraps only new steps, and everything again when the width,
    /// the language, the theme or the grades shown change, or when it is cleared.
    #[test]
    fn wrap_cache_wraps_new_steps_only_and_is_invalidated_by_its_key() {
        use crate::lang::Lang;
        use crate::tui::theme::{Theme, ThemeName};
        let key = WrapKey {
            width: 40,
            lang: Lang::En,
            theme: Theme::of(ThemeName::Dark),
            visible: usize::MAX,
        };
        let cache = WrapCache::default();
        let calls = std::cell::RefCell::new(Vec::new());
        let run = |k: WrapKey, steps: usize| {
            cache.with(
                k,
                steps,
                |from, out| {
                    calls.borrow_mut().push(from);
                    for n in from..steps {
                        out.push(Line::from(format!("{n} {} {:?}", k.width, k.lang)));
                    }
                },
                |lines| lines.iter().map(ToString::to_string).collect::<Vec<_>>(),
            )
        };
        assert_eq!(run(key, 3).len(), 3);
        assert_eq!(run(key, 3).len(), 3, "a keystroke: nothing to wrap");
        assert_eq!(run(key, 5).len(), 5, "two new steps");
        assert_eq!(*calls.borrow(), vec![0, 3]);
        let narrow = WrapKey { width: 30, ..key };
        assert_eq!(run(narrow, 5)[0], "0 30 En", "width change wraps anew");
        let zh = WrapKey {
            lang: Lang::Zh,
            ..narrow
        };
        assert_eq!(run(zh, 5)[4], "4 30 Zh", "language change wraps anew");
        let light = WrapKey {
            theme: Theme::of(ThemeName::Light),
            ..zh
        };
        run(light, 5);
        let hidden = WrapKey {
            visible: 2,
            ..light
        };
        run(hidden, 5);
        assert_eq!(*calls.borrow(), vec![0, 3, 0, 0, 0, 0]);
        cache.clear();
        run(hidden, 5);
        assert_eq!(calls.borrow().last(), Some(&0), "cleared: wrapped anew");
        assert_eq!(run(hidden, 2).len(), 2, "fewer steps (a replay): anew");
        assert_eq!(cache.held().map(|(_, n)| n), Some(2));
    }
}
