//! CSV with cells safe against formula injection: one row per meeting.

/// Characters a spreadsheet reads as the start of a formula (ASCII and full-width).
const FORMULA_START: [char; 8] = [
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether a spreadsheet could read the cell as a formula: it starts with a tab
/// or carriage return, or its first character after any leading blanks
/// (whitespace, no-break and zero-width spaces, word joiners, byte-order marks)
/// starts a formula. Checked on the raw cell, before sanitising.
fn risky(raw: &str) -> bool {
    raw.starts_with(['\t', '\r'])
        || raw
            .chars()
            .find(|c| {
                !(c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}'))
            })
            .is_some_and(|c| FORMULA_START.contains(&c))
}

/// Quotes a cell and neutralises a possible formula (see [`risky`]) by prefixing `'`.
#[must_use]
pub fn cell(raw: &str) -> String {
    let risky = risky(raw);
    let s = crate::text::sanitize_line(raw);
    let s = if risky { format!("'{s}") } else { s };
    if s.contains([',', '"', '\n', '\r']) || risky {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Joins cells into one CSV line (without the newline).
#[must_use]
pub fn row<I, S>(cells: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    cells
        .into_iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("-3"), "\"'-3\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("王建军"), "王建军");
    }

    #[test]
    fn formula_check_runs_on_the_raw_cell_and_after_leading_blanks() {
        for raw in [
            "\t=1+1",
            "\r=1+1",
            " =1+1",
            "   +1",
            "\u{a0}=1+1",
            "\u{200b}=1+1",
            "\u{feff}@SUM(A1)",
            "\u{2060}-2",
            "\u{3000}=1",
            " \u{200b} \u{a0}=1",
            "\u{FF1D}1+1",
        ] {
            let c = cell(raw);
            assert!(c.starts_with("\"'"), "{raw:?} came out as {c:?}");
            assert!(c.ends_with('"'), "{raw:?} came out as {c:?}");
        }
        assert_eq!(cell(" plain"), " plain");
        assert_eq!(cell("a=b"), "a=b");
    }

    #[test]
    fn rows_join_cells() {
        assert_eq!(row(["a", "=b", "c"]), "a,\"'=b\",c");
    }
}
