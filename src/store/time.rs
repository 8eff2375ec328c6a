//! Timestamps. Stored as UTC RFC 3339 seconds (`2026-11-26T15:30:12Z`), shown in
//! local time with the offset (`2026-11-26 23:30 +08:00`). The conversions are the
//! `time` crate's (already in the tree through ratatui).
//!
//! The local offset is read once, by [`init_local_offset`] at start-up while the
//! program has one thread: `time` refuses to read it later (reading the time zone
//! while another thread may change the environment is unsound on Unix). Where it
//! cannot be read, times are shown in UTC with `+00:00`.

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

static LOCAL: OnceLock<UtcOffset> = OnceLock::new();

/// Reads the local UTC offset (call first thing in `main`, before any thread starts).
pub fn init_local_offset() {
    let _ = LOCAL.get_or_init(|| UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC));
}

/// The local offset read at start-up (UTC when unknown).
#[must_use]
pub fn local_offset() -> UtcOffset {
    LOCAL.get().copied().unwrap_or(UtcOffset::UTC)
}

/// Seconds since the Unix epoch now (0 if the clock is before 1970).
#[must_use]
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Formats seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
#[must_use]
pub fn rfc3339(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

/// The current time, formatted.
#[must_use]
pub fn now() -> String {
    rfc3339(now_secs())
}

/// A stored RFC 3339 time shown in local time with the offset:
/// `2026-11-26 23:30 +08:00`. Text that is not RFC 3339 is shown sanitized, as is.
#[must_use]
pub fn display(stamp: &str) -> String {
    display_in(stamp, local_offset())
}

/// [`display`] in a given offset.
#[must_use]
pub fn display_in(stamp: &str, offset: UtcOffset) -> String {
    let Ok(t) = OffsetDateTime::parse(stamp, &Rfc3339) else {
        return crate::text::sanitize_line(stamp);
    };
    let t = t.to_offset(offset);
    let (h, m, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} {sign}{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        h.unsigned_abs(),
        m.unsigned_abs()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_707_012), "2026-11-26T15:30:12Z");
    }

    #[test]
    fn shows_local_time_with_the_offset() {
        let beijing = UtcOffset::from_hms(8, 0, 0).unwrap_or(UtcOffset::UTC);
        assert_eq!(
            display_in("2026-11-26T15:30:12Z", beijing),
            "2026-11-26 23:30 +08:00"
        );
        let newfoundland = UtcOffset::from_hms(-3, -30, 0).unwrap_or(UtcOffset::UTC);
        assert_eq!(
            display_in("2026-11-27T01:00:00Z", newfoundland),
            "2026-11-26 21:30 -03:30"
        );
        assert_eq!(
            display_in("2026-11-26T15:30:12Z", UtcOffset::UTC),
            "2026-11-26 15:30 +00:00"
        );
        assert_eq!(
            display_in("yesterday\u{1b}[2J", UtcOffset::UTC),
            "yesterday\u{FFFD}[2J"
        );
    }
}
