//! Problems found in a scenario or script: `path:line:col: error: message (hint)`.
//!
//! A problem carries its message and hint in English and, where one was written,
//! in Chinese. It is shown (and serialised) in the message language of the process,
//! which the command line sets once from `--lang`, the config file or the locale
//! ([`set_message_lang`]); code that needs one language asks for it
//! ([`Problem::message_in`], [`Problem::localized`]).

use crate::lang::Lang;
use crate::text::sanitize_line;
use serde::Serialize;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// The language problems are shown in (0 English, 1 Chinese).
static MESSAGE_LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language problems are shown and serialised in (English until set).
pub fn set_message_lang(lang: Lang) {
    MESSAGE_LANG.store(u8::from(lang == Lang::Zh), Ordering::Relaxed);
}

/// The language problems are shown in.
#[must_use]
pub fn message_lang() -> Lang {
    if MESSAGE_LANG.load(Ordering::Relaxed) == 1 {
        Lang::Zh
    } else {
        Lang::En
    }
}

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The message and hint in Chinese, when written (else the English ones are shown).
    pub zh: Option<Box<(String, String)>>,
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
            zh: None,
        }
    }

    /// The same problem with its Chinese message and hint.
    #[must_use]
    pub fn zh(mut self, message: impl Into<String>, hint: impl Into<String>) -> Self {
        self.zh = Some(Box::new((message.into(), hint.into())));
        self
    }

    /// The message in `lang` (English when no Chinese one was written).
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> &str {
        match (&self.zh, lang) {
            (Some(z), Lang::Zh) => &z.0,
            _ => &self.message,
        }
    }

    /// The hint in `lang` (English when no Chinese one was written).
    #[must_use]
    pub fn hint_in(&self, lang: Lang) -> &str {
        match (&self.zh, lang) {
            (Some(z), Lang::Zh) => &z.1,
            _ => &self.hint,
        }
    }

    /// The problem with its message and hint in `lang` only.
    #[must_use]
    pub fn localized(&self, lang: Lang) -> Problem {
        Problem {
            message: self.message_in(lang).to_string(),
            hint: self.hint_in(lang).to_string(),
            zh: None,
            ..self.clone()
        }
    }

    /// `path:line:col: severity: message (hint)` in `lang`, on one sanitised line.
    #[must_use]
    pub fn display_in(&self, lang: Lang) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = sanitize_line(&self.path);
        let msg = sanitize_line(self.message_in(lang));
        let mut out = format!(
            "{path}:{}:{}: {sev}: {msg}",
            self.line.max(1),
            self.col.max(1)
        );
        let hint = self.hint_in(lang);
        if !hint.is_empty() {
            out.push_str(&format!(" ({})", sanitize_line(hint)));
        }
        out
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
        f.write_str(&self.display_in(message_lang()))
    }
}

/// `{path, line, col, severity, message, hint}`, in the message language.
impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let lang = message_lang();
        let mut st = s.serialize_struct("Problem", 6)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("col", &self.col)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("message", self.message_in(lang))?;
        st.serialize_field("hint", self.hint_in(lang))?;
        st.end()
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

    #[test]
    fn a_translated_problem_shows_either_language() {
        let p = Problem::warning("a.yaml", 2, 1, "bad", "fix it").zh("不对", "改一下");
        assert_eq!(p.display_in(Lang::Zh), "a.yaml:2:1: warning: 不对 (改一下)");
        assert_eq!(p.display_in(Lang::En), "a.yaml:2:1: warning: bad (fix it)");
        assert_eq!(p.localized(Lang::Zh).message, "不对");
        let plain = Problem::error("a.yaml", 1, 1, "bad", "");
        assert_eq!(plain.display_in(Lang::Zh), "a.yaml:1:1: error: bad");
    }
}
