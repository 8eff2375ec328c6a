//! CSV with cells safe against formula injection: one row per meeting.

/// Quotes a cell and neutralises a leading `=`, `+`, `-`, `@`, tab or carriage return.
#[must_use]
pub fn cell(s: &str) -> String {
    let s = crate::text::sanitize_line(s);
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        || s.starts_with(['\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}']);
    let s = if risky { format!("'{s}") } else { s };
    if s.contains([',', '"', '\n']) || risky {
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
    fn rows_join_cells() {
        assert_eq!(row(["a", "=b", "c"]), "a,\"'=b\",c");
    }
}
