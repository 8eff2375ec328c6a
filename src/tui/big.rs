//! Large figures for the projector layout: each character drawn from the 8×8
//! font8x8 glyphs, two by two pixels per terminal cell (quadrant blocks), so a
//! character takes 4×4 cells. Characters without a glyph (Chinese) leave their
//! cells blank but styled; the projector shows those in normal cells elsewhere.
//! (This replaces tui-big-text, whose builder macros brought a second `darling`
//! and `itertools` into the build; the drawing is the same.)

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// One line of large text, left-aligned.
#[derive(Debug, Clone)]
pub struct BigText<'a> {
    line: Line<'a>,
    style: Style,
}

impl<'a> BigText<'a> {
    /// Large text in a style.
    #[must_use]
    pub fn new(line: impl Into<Line<'a>>, style: Style) -> BigText<'a> {
        BigText {
            line: line.into(),
            style,
        }
    }
}

const FONTS: [&dyn UnicodeFonts; 8] = [
    &font8x8::BASIC_FONTS,
    &font8x8::LATIN_FONTS,
    &font8x8::HIRAGANA_FONTS,
    &font8x8::GREEK_FONTS,
    &font8x8::BLOCK_FONTS,
    &font8x8::BOX_FONTS,
    &font8x8::MISC_FONTS,
    &font8x8::SGA_FONTS,
];

/// The quadrant block for the 2×2 pixels at (`row`, `col`) of a glyph.
fn quadrant(glyph: &[u8; 8], row: usize, col: usize) -> char {
    const SYMBOLS: [char; 16] = [
        ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
    ];
    let bit = |r: usize, c: usize| usize::from(glyph[r] & (1 << c) != 0);
    SYMBOLS[bit(row, col)
        | bit(row, col + 1) << 1
        | bit(row + 1, col) << 2
        | bit(row + 1, col + 1) << 3]
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let y = area.top();
        let xs = (area.left()..area.right()).step_by(4);
        for (g, x) in self.line.styled_graphemes(self.style).zip(xs) {
            let cell = Rect::new(x, y, (area.right() - x).min(4), (area.bottom() - y).min(4));
            buf.set_style(cell, g.style);
            let Some(c) = g.symbol.chars().next() else {
                continue;
            };
            let Some(glyph) = FONTS.iter().find_map(|f| f.get(c)) else {
                continue;
            };
            for (dy, row) in (0..cell.height).zip((0..8).step_by(2)) {
                for (dx, col) in (0..cell.width).zip((0..8).step_by(2)) {
                    buf[(cell.x + dx, cell.y + dy)].set_char(quadrant(&glyph, row, col));
                }
            }
        }
    }
}
