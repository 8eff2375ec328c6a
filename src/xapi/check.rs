//! The xAPI statement rules (1.0.3 and 2.0, "Data" part) that spin-coach's
//! statements must keep: required properties and no others, absolute IRIs, UUIDs,
//! language maps with RFC 5646 tags, an Agent with exactly one identifier, a
//! scaled score in [−1, 1] with raw between min and max, ISO 8601 durations and
//! timestamps with a time zone. The unit tests run every statement spin-coach
//! makes through [`statement`]; `sync` runs each one through it before sending.

use serde_json::{Map, Value};

/// Problems of one statement, each `path: what is wrong`; empty when it keeps the rules.
#[must_use]
pub fn statement(v: &Value) -> Vec<String> {
    let mut p = Problems::default();
    let Some(m) = v.as_object() else {
        p.add("", "a statement is a JSON object");
        return p.0;
    };
    p.only(
        "",
        m,
        &[
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        ],
    );
    for k in ["actor", "verb", "object"] {
        if !m.contains_key(k) {
            p.add(k, "is required");
        }
    }
    if let Some(id) = m.get("id") {
        p.uuid("id", id);
    }
    if let Some(a) = m.get("actor") {
        p.agent("actor", a);
    }
    if let Some(vb) = m.get("verb") {
        p.verb(vb);
    }
    let activity = m
        .get("object")
        .and_then(|o| o.get("objectType"))
        .is_none_or(|t| t == "Activity");
    if let Some(o) = m.get("object") {
        p.object(o);
    }
    if let Some(r) = m.get("result") {
        p.result(r);
    }
    if let Some(c) = m.get("context") {
        p.context(c, activity);
    }
    if let Some(t) = m.get("timestamp")
        && !t.as_str().is_some_and(is_timestamp)
    {
        p.add("timestamp", "is not an ISO 8601 time with a time zone");
    }
    p.0
}

#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, path: &str, what: &str) {
        self.0.push(if path.is_empty() {
            what.to_string()
        } else {
            format!("{path}: {what}")
        });
    }

    /// Properties other than `allowed` are not allowed.
    fn only(&mut self, path: &str, m: &Map<String, Value>, allowed: &[&str]) {
        for k in m.keys() {
            if !allowed.contains(&k.as_str()) {
                let at = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                self.add(&at, "is not an xAPI property here");
            }
        }
    }

    fn object_at<'a>(&mut self, path: &str, v: &'a Value) -> Option<&'a Map<String, Value>> {
        let m = v.as_object();
        if m.is_none() {
            self.add(path, "must be a JSON object");
        }
        m
    }

    fn uuid(&mut self, path: &str, v: &Value) {
        if !v.as_str().is_some_and(is_uuid) {
            self.add(path, "is not a UUID (8-4-4-4-12 hexadecimal digits)");
        }
    }

    fn iri(&mut self, path: &str, v: &Value) {
        if !v.as_str().is_some_and(is_absolute_iri) {
            self.add(path, "is not an absolute IRI");
        }
    }

    fn string(&mut self, path: &str, v: &Value) {
        if !v.is_string() {
            self.add(path, "must be a string");
        }
    }

    fn boolean(&mut self, path: &str, v: &Value) {
        if !v.is_boolean() {
            self.add(path, "must be true or false");
        }
    }

    fn language_map(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object_at(path, v) else {
            return;
        };
        for (k, v) in m {
            if !is_language_tag(k) {
                self.add(&format!("{path}.{k}"), "is not an RFC 5646 language tag");
            }
            self.string(&format!("{path}.{k}"), v);
        }
    }

    fn extensions(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object_at(path, v) else {
            return;
        };
        for k in m.keys() {
            if !is_absolute_iri(k) {
                self.add(
                    &format!("{path}.{k}"),
                    "an extension's key must be an absolute IRI",
                );
            }
        }
    }

    fn agent(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object_at(path, v) else {
            return;
        };
        self.only(
            path,
            m,
            &[
                "objectType",
                "name",
                "mbox",
                "mbox_sha1sum",
                "openid",
                "account",
            ],
        );
        if let Some(t) = m.get("objectType")
            && t != "Agent"
        {
            self.add(&format!("{path}.objectType"), "must be `Agent`");
        }
        if let Some(n) = m.get("name") {
            self.string(&format!("{path}.name"), n);
        }
        let ifis = ["mbox", "mbox_sha1sum", "openid", "account"]
            .iter()
            .filter(|k| m.contains_key(**k))
            .count();
        if ifis != 1 {
            self.add(
                path,
                "an Agent needs exactly one of mbox, mbox_sha1sum, openid and account",
            );
        }
        if let Some(mb) = m.get("mbox") {
            let ok = mb
                .as_str()
                .and_then(|s| s.strip_prefix("mailto:"))
                .is_some_and(is_mail);
            if !ok {
                self.add(
                    &format!("{path}.mbox"),
                    "must be `mailto:` and an e-mail address",
                );
            }
        }
        if let Some(a) = m.get("account") {
            let at = format!("{path}.account");
            if let Some(a) = self.object_at(&at, a) {
                self.only(&at, a, &["homePage", "name"]);
                match a.get("homePage") {
                    Some(h) if h.as_str().is_some_and(is_absolute_iri) => {}
                    _ => self.add(&format!("{at}.homePage"), "is required and must be an IRL"),
                }
                match a.get("name") {
                    Some(Value::String(n)) if !n.is_empty() => {}
                    _ => self.add(&format!("{at}.name"), "is required and must be a string"),
                }
            }
        }
    }

    fn verb(&mut self, v: &Value) {
        let Some(m) = self.object_at("verb", v) else {
            return;
        };
        self.only("verb", m, &["id", "display"]);
        match m.get("id") {
            Some(id) => self.iri("verb.id", id),
            None => self.add("verb.id", "is required"),
        }
        if let Some(d) = m.get("display") {
            self.language_map("verb.display", d);
        }
    }

    fn object(&mut self, v: &Value) {
        let Some(m) = self.object_at("object", v) else {
            return;
        };
        if m.get("objectType").is_some_and(|t| t != "Activity") {
            self.add(
                "object.objectType",
                "spin-coach's statements are about an Activity",
            );
            return;
        }
        self.only("object", m, &["objectType", "id", "definition"]);
        match m.get("id") {
            Some(id) => self.iri("object.id", id),
            None => self.add("object.id", "is required"),
        }
        let Some(d) = m.get("definition") else {
            return;
        };
        let Some(d) = self.object_at("object.definition", d) else {
            return;
        };
        self.only(
            "object.definition",
            d,
            &[
                "name",
                "description",
                "type",
                "moreInfo",
                "extensions",
                "interactionType",
                "correctResponsesPattern",
                "choices",
                "scale",
                "source",
                "target",
                "steps",
            ],
        );
        for k in ["name", "description"] {
            if let Some(x) = d.get(k) {
                self.language_map(&format!("object.definition.{k}"), x);
            }
        }
        for k in ["type", "moreInfo"] {
            if let Some(x) = d.get(k) {
                self.iri(&format!("object.definition.{k}"), x);
            }
        }
        if let Some(x) = d.get("extensions") {
            self.extensions("object.definition.extensions", x);
        }
    }

    fn result(&mut self, v: &Value) {
        let Some(m) = self.object_at("result", v) else {
            return;
        };
        self.only(
            "result",
            m,
            &[
                "score",
                "success",
                "completion",
                "response",
                "duration",
                "extensions",
            ],
        );
        if let Some(s) = m.get("score") {
            self.score(s);
        }
        for k in ["success", "completion"] {
            if let Some(b) = m.get(k) {
                self.boolean(&format!("result.{k}"), b);
            }
        }
        if let Some(r) = m.get("response") {
            self.string("result.response", r);
        }
        if let Some(d) = m.get("duration")
            && !d.as_str().is_some_and(is_duration)
        {
            self.add(
                "result.duration",
                "is not an ISO 8601 duration (such as PT12M30S)",
            );
        }
        if let Some(x) = m.get("extensions") {
            self.extensions("result.extensions", x);
        }
    }

    fn score(&mut self, v: &Value) {
        let Some(m) = self.object_at("result.score", v) else {
            return;
        };
        self.only("result.score", m, &["scaled", "raw", "min", "max"]);
        let num = |p: &mut Problems, k: &str| -> Option<f64> {
            let x = m.get(k)?;
            let n = x.as_f64();
            if n.is_none() {
                p.add(&format!("result.score.{k}"), "must be a number");
            }
            n
        };
        let scaled = num(self, "scaled");
        let raw = num(self, "raw");
        let min = num(self, "min");
        let max = num(self, "max");
        if let Some(s) = scaled
            && !(-1.0..=1.0).contains(&s)
        {
            self.add("result.score.scaled", "must be between -1 and 1");
        }
        if let (Some(lo), Some(hi)) = (min, max)
            && lo >= hi
        {
            self.add("result.score", "min must be less than max");
        }
        if let Some(r) = raw
            && (min.is_some_and(|lo| r < lo) || max.is_some_and(|hi| r > hi))
        {
            self.add("result.score.raw", "must be between min and max");
        }
    }

    fn context(&mut self, v: &Value, activity: bool) {
        let Some(m) = self.object_at("context", v) else {
            return;
        };
        self.only(
            "context",
            m,
            &[
                "registration",
                "instructor",
                "team",
                "contextActivities",
                "contextAgents",
                "contextGroups",
                "revision",
                "platform",
                "language",
                "statement",
                "extensions",
            ],
        );
        if let Some(r) = m.get("registration") {
            self.uuid("context.registration", r);
        }
        if let Some(l) = m.get("language")
            && !l.as_str().is_some_and(is_language_tag)
        {
            self.add("context.language", "is not an RFC 5646 language tag");
        }
        for k in ["platform", "revision"] {
            if let Some(x) = m.get(k) {
                self.string(&format!("context.{k}"), x);
                if !activity {
                    self.add(
                        &format!("context.{k}"),
                        "is only allowed when the object is an Activity",
                    );
                }
            }
        }
        if let Some(x) = m.get("extensions") {
            self.extensions("context.extensions", x);
        }
    }
}

/// Whether `s` is a UUID in its text form (8-4-4-4-12 hexadecimal digits, a
/// known version and the RFC 4122 variant).
#[must_use]
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    parts.len() == 5
        && parts
            .iter()
            .zip(lens)
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
        && s.as_bytes()
            .get(14)
            .is_some_and(|v| (b'1'..=b'8').contains(v))
        && s.as_bytes()
            .get(19)
            .is_some_and(|v| matches!(v.to_ascii_lowercase(), b'8' | b'9' | b'a' | b'b'))
}

/// Whether `s` is an absolute IRI: a scheme (a letter, then letters, digits, `+`,
/// `-`, `.`), a colon, and a non-empty rest with no spaces, controls or the
/// characters IRIs exclude (`<>"{}|\^` and the backtick).
#[must_use]
pub fn is_absolute_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut sc = scheme.bytes();
    sc.next().is_some_and(|b| b.is_ascii_alphabetic())
        && sc.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        && !rest.is_empty()
        && !rest.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
}

/// Whether `s` is a web address (`http://` or `https://` and a host).
#[must_use]
pub fn is_web_address(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
    }) && is_absolute_iri(s)
}

/// Whether `s` looks like an e-mail address: one `@` with text on both sides, a
/// dot in the domain, no spaces or controls.
#[must_use]
pub fn is_mail(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
}

/// Whether `s` is an RFC 5646 language tag in the simple form xAPI uses: a 2–3
/// letter (or 4–8 letter) language, then subtags of 1–8 letters or digits.
#[must_use]
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=8).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `s` is an ISO 8601 duration: `P`, then years, months, weeks and days,
/// then `T` with hours, minutes and seconds (the last number may have a
/// fraction); at least one part, and `T` only before a time part.
#[must_use]
pub fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => {
            if t.is_empty() {
                return false;
            }
            (d, Some(t))
        }
        None => (rest, None),
    };
    let parts = |text: &str, units: &[char]| -> Option<usize> {
        let mut n = 0;
        let mut at = 0;
        let mut num = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let i = units.iter().position(|u| *u == c)?;
            if i < at
                || num.is_empty()
                || num.starts_with('.')
                || num.ends_with('.')
                || num.matches('.').count() > 1
            {
                return None;
            }
            at = i + 1;
            n += 1;
            num.clear();
        }
        num.is_empty().then_some(n)
    };
    let Some(d) = parts(date, &['Y', 'M', 'W', 'D']) else {
        return false;
    };
    let t = match time {
        Some(t) => match parts(t, &['H', 'M', 'S']) {
            Some(n) if n > 0 => n,
            _ => return false,
        },
        None => 0,
    };
    // A fraction only on the last part given.
    let fraction_ok = {
        let last_unit = s.len() - 1;
        s.char_indices().filter(|(_, c)| *c == '.').all(|(i, _)| {
            s[i..]
                .find(|c: char| c.is_ascii_alphabetic())
                .map(|j| i + j)
                == Some(last_unit)
        })
    };
    d + t > 0 && fraction_ok
}

/// Whether `s` is an ISO 8601 date and time with a time zone (RFC 3339).
#[must_use]
pub fn is_timestamp(s: &str) -> bool {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
}
