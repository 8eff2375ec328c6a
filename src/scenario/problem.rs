//! Problems found in a scenario or script: `path:line:col: error: message (hint)`.

use crate::text::sanitize_line;
use serde::Serialize;
use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; the file still loads.
    Warning,
    /// The file cannot be used as it is.
    Error,
}

/// One problem with a file, located as precisely as the parser allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file, as the user named it.
    pub path: String,
    /// 1-based line, 0 when unknown.
    pub line: u64,
    /// 1-based column, 0 when unknown.
    pub col: u64,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Problem {
    /// An error at a location.
    #[must_use]
    pub fn error(
        path: &str,
        line: u64,
        col: u64,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.to_string(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// A warning at a location.
    #[must_use]
    pub fn warning(
        path: &str,
        line: u64,
        col: u64,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, line, col, message, hint)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = sanitize_line(&self.path);
        let msg = sanitize_line(&self.message);
        write!(
            f,
            "{path}:{}:{}: {sev}: {msg}",
            self.line.max(1),
            self.col.max(1)
        )?;
        if !self.hint.is_empty() {
            write!(f, " ({})", sanitize_line(&self.hint))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_one_sanitized_line() {
        let p = Problem::error("a\u{1b}.yaml", 3, 7, "bad\nthing", "fix it");
        assert_eq!(
            p.to_string(),
            "a\u{FFFD}.yaml:3:7: error: bad thing (fix it)"
        );
    }
}
