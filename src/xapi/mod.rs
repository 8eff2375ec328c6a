//! xAPI statements (the ADL Experience API, valid under 1.0.3 and 2.0) of finished
//! meetings: what `export --format xapi` writes and `sync` sends to a learning
//! record store. Building, checking and reading them back needs no network: the
//! HTTP client lives in `commands/`.
//!
//! A finished meeting gives two statements, `completed` and `passed` or `failed`
//! (against the pass mark), with ids that are UUID v5 of the meeting id, so
//! sending one twice never stores it twice. What the trainee typed is never in
//! them unless both `--detail turns` and the config file ask for it; then each
//! turn adds one statement with the text, linked by the meeting's registration.

pub mod check;
pub mod read;

use crate::lang::Lang;
use crate::scenario::meta::Meta;
use crate::store::{Record, Status};
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// The namespace of every UUID v5 spin-coach makes (statement ids, registrations).
pub const NAMESPACE: Uuid = Uuid::from_u128(0x57ac_616e_1299_49bb_b47e_fa5e_3a93_447d);

/// The ADL verb of a finished meeting.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// The ADL verb of a meeting at or above the pass mark.
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
/// The ADL verb of a meeting below the pass mark.
pub const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
/// The ADL verb of a question (with `--detail turns`).
pub const VERB_ASKED: &str = "http://adlnet.gov/expapi/verbs/asked";
/// The ADL verb of a presentation or a proposal (with `--detail turns`).
pub const VERB_INTERACTED: &str = "http://adlnet.gov/expapi/verbs/interacted";
/// The activity type of a scenario.
pub const ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/simulation";
/// The default start of a scenario's activity id.
pub const DEFAULT_ACTIVITY_BASE: &str = "urn:spin-coach:scenario:";
/// The default pass mark.
pub const DEFAULT_PASS_MARK: i32 = 80;

/// Extension keys (IRIs) of spin-coach's statements.
pub mod ext {
    /// Activity definition: the scenario's company-size segment (A–E).
    pub const SEGMENT: &str = "urn:spin-coach:ext:segment";
    /// Activity definition: `easy`, `medium` or `hard`.
    pub const DIFFICULTY: &str = "urn:spin-coach:ext:difficulty";
    /// Context: the meeting (`id`, `scenario`, `title`, `seed`, `started_at`,
    /// `finished_at`, `turns`, `ending`).
    pub const MEETING: &str = "urn:spin-coach:ext:meeting";
    /// Context: Situation, Problem, Implication and Need-payoff questions (`S`, `P`, `I`, `N`).
    pub const SPIN: &str = "urn:spin-coach:ext:spin-counts";
    /// Context: implication and need-payoff questions as a percentage of SPIN questions.
    pub const IN_SHARE: &str = "urn:spin-coach:ext:in-share";
    /// Context: the relationship quadrant (`partner`, `supplier`, `friend`, `outsider`).
    pub const RELATIONSHIP: &str = "urn:spin-coach:ext:relationship";
    /// Context: each part's `points`, `max` and `raw` sum.
    pub const PARTS: &str = "urn:spin-coach:ext:parts";
    /// Context: the other behaviour counts (needs, FFAB parts, premature pitches, …).
    pub const BEHAVIOUR: &str = "urn:spin-coach:ext:behaviour";
    /// Context: point-losing findings per rule id.
    pub const LOST: &str = "urn:spin-coach:ext:points-lost";
    /// Result of `passed` / `failed`: the pass mark applied.
    pub const PASS_MARK: &str = "urn:spin-coach:ext:pass-mark";
    /// Result of a turn statement: `turn`, `kind`, `label`, `points`, `rule`.
    pub const TURN: &str = "urn:spin-coach:ext:turn";
}

/// Who the statements are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The trainee's name, when known.
    pub name: Option<String>,
    /// The identifier the LRS knows them by.
    pub id: Ifi,
}

/// An xAPI inverse functional identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ifi {
    /// `mailto:` and an e-mail address.
    Mbox(String),
    /// An account at an LMS.
    Account {
        /// The LMS's address.
        home_page: String,
        /// The account name there.
        name: String,
    },
}

/// Why no actor could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorError {
    /// No trainee id.
    Missing,
    /// A `mailto:` id without a proper address.
    BadMail(String),
    /// An account name without the LMS's address.
    NoHome(String),
    /// An LMS address that is not `http(s)://…`.
    BadHome(String),
}

impl ActorError {
    /// The message in a language, saying what to do.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ActorError::Missing, Lang::En) => "xAPI statements need to say who the trainee is: give --trainee-id EMAIL (or an LMS account name), or set `trainee_id:` in the config file".into(),
            (ActorError::Missing, Lang::Zh) => "xAPI 记录需要写明学员是谁：加上 --trainee-id 邮箱（或学习平台的账号名），或在配置文件中设置 `trainee_id:`".into(),
            (ActorError::BadMail(m), Lang::En) => format!("`{m}` is not an e-mail address (write it as name@example.com)"),
            (ActorError::BadMail(m), Lang::Zh) => format!("`{m}` 不是电子邮件地址（应写成 name@example.com）"),
            (ActorError::NoHome(n), Lang::En) => format!("the trainee id `{n}` is an LMS account name, so the LMS's address is needed too: set `account_home: https://lms.example.com` in the config file (or give an e-mail address)"),
            (ActorError::NoHome(n), Lang::Zh) => format!("学员标识 `{n}` 是学习平台账号名，还需要平台地址：在配置文件中设置 `account_home: https://lms.example.com`（或改用电子邮件地址）"),
            (ActorError::BadHome(h), Lang::En) => format!("`account_home: {h}` is not a web address (write it as https://lms.example.com)"),
            (ActorError::BadHome(h), Lang::Zh) => format!("`account_home: {h}` 不是网址（应写成 https://lms.example.com）"),
        }
    }
}

impl Actor {
    /// The actor of a trainee: `id` is an e-mail address (with or without
    /// `mailto:`), or an account name at `home` (an `http(s)` address).
    ///
    /// # Errors
    /// What is missing or malformed.
    pub fn new(
        name: Option<&str>,
        id: Option<&str>,
        home: Option<&str>,
    ) -> Result<Actor, ActorError> {
        let id = id
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .ok_or(ActorError::Missing)?;
        let name = name
            .map(crate::text::sanitize_line)
            .filter(|n| !n.trim().is_empty());
        let mail = id.strip_prefix("mailto:");
        if mail.is_some() || id.contains('@') {
            let addr = mail.unwrap_or(id);
            if !check::is_mail(addr) {
                return Err(ActorError::BadMail(crate::text::sanitize_line(id)));
            }
            return Ok(Actor {
                name,
                id: Ifi::Mbox(format!("mailto:{addr}")),
            });
        }
        let account = crate::text::sanitize_line(id);
        let home = home.map(str::trim).filter(|h| !h.is_empty());
        let Some(home) = home else {
            return Err(ActorError::NoHome(account));
        };
        if !check::is_web_address(home) {
            return Err(ActorError::BadHome(crate::text::sanitize_line(home)));
        }
        Ok(Actor {
            name,
            id: Ifi::Account {
                home_page: home.to_string(),
                name: account,
            },
        })
    }

    /// The actor as a statement holds it.
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("objectType".into(), "Agent".into());
        if let Some(n) = &self.name {
            m.insert("name".into(), n.clone().into());
        }
        match &self.id {
            Ifi::Mbox(mbox) => {
                m.insert("mbox".into(), mbox.clone().into());
            }
            Ifi::Account { home_page, name } => {
                m.insert(
                    "account".into(),
                    json!({"homePage": home_page, "name": name}),
                );
            }
        }
        Value::Object(m)
    }
}

/// What every statement of an export or a sync shares.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The trainee.
    pub actor: Actor,
    /// The score a meeting needs to be `passed` (0–100).
    pub pass_mark: i32,
    /// A scenario's activity id is this followed by the scenario id.
    pub activity_base: String,
    /// Whether each turn's typed text is sent too (`--detail turns` and the config switch).
    pub typed_text: bool,
}

impl Settings {
    /// Settings with the defaults: pass mark 80, `urn:spin-coach:scenario:`, no typed text.
    #[must_use]
    pub fn new(actor: Actor) -> Settings {
        Settings {
            actor,
            pass_mark: DEFAULT_PASS_MARK,
            activity_base: DEFAULT_ACTIVITY_BASE.into(),
            typed_text: false,
        }
    }

    /// The activity id of a scenario.
    #[must_use]
    pub fn activity_id(&self, scenario: &str) -> String {
        format!("{}{}", self.activity_base, iri_segment(scenario))
    }
}

/// The platform every statement names.
#[must_use]
pub fn platform() -> String {
    format!("spin-coach {}", env!("CARGO_PKG_VERSION"))
}

/// The RFC 5646 tag of a language, as language maps and `context.language` hold it.
#[must_use]
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

/// The language of an RFC 5646 tag (`zh-CN` → zh), if spin-coach speaks it.
#[must_use]
pub fn lang_of_tag(tag: &str) -> Option<Lang> {
    Lang::parse(tag)
}

/// A UUID v5 in spin-coach's namespace, as text (lower case, hyphenated).
#[must_use]
pub fn uuid5(name: &str) -> String {
    Uuid::new_v5(&NAMESPACE, name.as_bytes())
        .hyphenated()
        .to_string()
}

/// The id of a meeting's `completed` statement: UUID v5 of the meeting id.
#[must_use]
pub fn completed_id(meeting: &str) -> String {
    uuid5(meeting)
}

/// The id of a meeting's `passed` / `failed` statement.
#[must_use]
pub fn result_id(meeting: &str) -> String {
    uuid5(&format!("{meeting}/result"))
}

/// The registration of a meeting (every statement of it carries this).
#[must_use]
pub fn registration(meeting: &str) -> String {
    uuid5(&format!("{meeting}/registration"))
}

/// The id of one turn's statement (with `--detail turns`).
#[must_use]
pub fn turn_id(meeting: &str, turn: usize) -> String {
    uuid5(&format!("{meeting}/turn/{turn}"))
}

/// A text made safe to follow an IRI's `:` or `/`: unreserved ASCII as it is,
/// every other byte percent-encoded (scenario ids are plain already).
#[must_use]
pub fn iri_segment(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            o.push(char::from(b));
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

/// Seconds between two RFC 3339 times (none when either does not parse or the
/// second is earlier).
#[must_use]
pub fn seconds_between(from: &str, to: &str) -> Option<u64> {
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;
    let a = OffsetDateTime::parse(from, &Rfc3339).ok()?;
    let b = OffsetDateTime::parse(to, &Rfc3339).ok()?;
    u64::try_from((b - a).whole_seconds()).ok()
}

/// An ISO 8601 duration of whole seconds: `PT1H2M3S`, `PT45S`, `PT0S`.
#[must_use]
pub fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut o = String::from("PT");
    if h > 0 {
        o.push_str(&format!("{h}H"));
    }
    if m > 0 {
        o.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        o.push_str(&format!("{s}S"));
    }
    o
}

/// A language map of a scenario's title: both languages when the scenario has
/// both, else its one title in its language.
fn title_map(r: &Record, meta: Option<&Meta>) -> Value {
    let mut m = Map::new();
    if let Some(meta) = meta {
        let t = &meta.title;
        if let Some(zh) = &t.zh {
            m.insert(tag(Lang::Zh).into(), crate::text::sanitize_line(zh).into());
        }
        if let Some(en) = &t.en {
            m.insert(tag(Lang::En).into(), crate::text::sanitize_line(en).into());
        }
        if let Some(plain) = &t.plain {
            m.entry(tag(meta.language))
                .or_insert_with(|| crate::text::sanitize_line(plain).into());
        }
    }
    if m.is_empty() {
        m.insert(
            tag(r.lang).into(),
            crate::text::sanitize_line(&r.title).into(),
        );
    }
    Value::Object(m)
}

/// The Activity of a meeting's scenario.
fn activity(r: &Record, s: &Settings, meta: Option<&Meta>) -> Value {
    let mut exts = Map::new();
    if let Some(meta) = meta {
        exts.insert(ext::SEGMENT.into(), meta.segment.code().into());
    }
    exts.insert(
        ext::DIFFICULTY.into(),
        crate::text::sanitize_line(&r.report.difficulty).into(),
    );
    json!({
        "objectType": "Activity",
        "id": s.activity_id(&r.scenario),
        "definition": {
            "name": title_map(r, meta),
            "type": ACTIVITY_TYPE,
            "extensions": exts,
        }
    })
}

/// A verb with its display in Chinese and English.
fn verb(id: &str) -> Value {
    let (zh, en) = match id {
        VERB_COMPLETED => ("完成", "completed"),
        VERB_PASSED => ("通过", "passed"),
        VERB_FAILED => ("未通过", "failed"),
        VERB_ASKED => ("提问", "asked"),
        _ => ("互动", "interacted"),
    };
    json!({"id": id, "display": {tag(Lang::Zh): zh, tag(Lang::En): en}})
}

/// Point-losing findings of the meeting's turns, per rule.
fn points_lost(r: &Record) -> Map<String, Value> {
    let mut by: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for (rule, n) in r.points_lost() {
        *by.entry(crate::text::sanitize_line(rule)).or_default() += u64::from(n);
    }
    by.into_iter().map(|(k, v)| (k, v.into())).collect()
}

/// The context of a meeting's statements (`full`: with the meeting's figures).
fn context(r: &Record, full: bool) -> Value {
    let mut c = Map::new();
    c.insert("registration".into(), registration(&r.id).into());
    c.insert("language".into(), tag(r.lang).into());
    c.insert("platform".into(), platform().into());
    if full {
        let rep = &r.report;
        let k = &rep.counts;
        let count = |rule: crate::scoring::RuleId| r.rule_count(rule);
        let parts: Map<String, Value> = rep
            .score
            .parts
            .list()
            .into_iter()
            .map(|(p, ps)| {
                (
                    p.code().to_string(),
                    json!({"points": ps.points, "max": ps.max, "raw": ps.raw}),
                )
            })
            .collect();
        let mut e = Map::new();
        e.insert(
            ext::MEETING.into(),
            json!({
                "id": r.id,
                "scenario": crate::text::sanitize_line(&r.scenario),
                "title": crate::text::sanitize_line(&r.title),
                "seed": r.seed,
                "started_at": crate::text::sanitize_line(&r.started_at),
                "finished_at": r.finished_at.as_deref().map(crate::text::sanitize_line),
                "turns": r.inputs.len(),
                "ending": crate::text::sanitize_line(&rep.ending),
            }),
        );
        e.insert(
            ext::SPIN.into(),
            json!({"S": k.situation, "P": k.problem, "I": k.implication, "N": k.need_payoff}),
        );
        e.insert(ext::IN_SHARE.into(), k.in_share.into());
        e.insert(
            ext::RELATIONSHIP.into(),
            crate::text::sanitize_line(&rep.relationship.quadrant).into(),
        );
        e.insert(ext::PARTS.into(), Value::Object(parts));
        e.insert(
            ext::BEHAVIOUR.into(),
            json!({
                "other": k.other,
                "implied_needs": k.implied_needs,
                "explicit_needs": k.explicit_needs,
                "met_needs": k.met_needs,
                "features": k.features,
                "functions": k.functions,
                "advantages": k.advantages,
                "benefits": k.benefits,
                "premature_pitches": count(crate::scoring::RuleId::PrematurePitch),
                "situation_overuse": count(crate::scoring::RuleId::SituationOveruse),
            }),
        );
        e.insert(ext::LOST.into(), Value::Object(points_lost(r)));
        c.insert("extensions".into(), Value::Object(e));
    }
    Value::Object(c)
}

/// The result of a meeting: score, success, completion and duration.
fn result(r: &Record, s: &Settings, with_mark: bool) -> Value {
    let total = r.report.score.total;
    let mut m = Map::new();
    m.insert(
        "score".into(),
        json!({"scaled": f64::from(total) / 100.0, "raw": total, "min": 0, "max": 100}),
    );
    m.insert("success".into(), (total >= s.pass_mark).into());
    m.insert("completion".into(), true.into());
    if let Some(secs) = r
        .finished_at
        .as_deref()
        .and_then(|f| seconds_between(&r.started_at, f))
    {
        m.insert("duration".into(), duration(secs).into());
    }
    if with_mark {
        m.insert("extensions".into(), json!({ ext::PASS_MARK: s.pass_mark }));
    }
    Value::Object(m)
}

/// The statement's timestamp: when the meeting finished, if that reads as RFC 3339.
fn timestamp(r: &Record) -> Option<String> {
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;
    let f = r.finished_at.as_deref()?;
    OffsetDateTime::parse(f, &Rfc3339).ok()?;
    Some(f.to_string())
}

fn statement(
    id: String,
    s: &Settings,
    verb_id: &str,
    object: Value,
    result: Value,
    context: Value,
    ts: Option<&String>,
) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), id.into());
    m.insert("actor".into(), s.actor.to_json());
    m.insert("verb".into(), verb(verb_id));
    m.insert("object".into(), object);
    m.insert("result".into(), result);
    m.insert("context".into(), context);
    if let Some(t) = ts {
        m.insert("timestamp".into(), t.clone().into());
    }
    Value::Object(m)
}

/// What a trainee typed in a turn, as one text (a presentation's parts joined by
/// line breaks); none for a turn without text.
fn typed(input: &Value) -> Option<String> {
    let t = match input {
        Value::String(s) => s.clone(),
        Value::Object(m) => m
            .values()
            .filter_map(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    };
    let t = crate::text::sanitize(&t);
    (!t.trim().is_empty()).then_some(t)
}

/// The statements of one meeting: `completed`, then `passed` or `failed`, then
/// (when `s.typed_text`) one per turn with text. None for an unfinished meeting.
#[must_use]
pub fn statements(r: &Record, s: &Settings, meta: Option<&Meta>) -> Option<Vec<Value>> {
    if r.status != Status::Finished {
        return None;
    }
    let ts = timestamp(r);
    let object = activity(r, s, meta);
    let passed = r.report.score.total >= s.pass_mark;
    let mut out = vec![
        statement(
            completed_id(&r.id),
            s,
            VERB_COMPLETED,
            object.clone(),
            result(r, s, false),
            context(r, true),
            ts.as_ref(),
        ),
        statement(
            result_id(&r.id),
            s,
            if passed { VERB_PASSED } else { VERB_FAILED },
            object.clone(),
            result(r, s, true),
            context(r, false),
            ts.as_ref(),
        ),
    ];
    if s.typed_text {
        let short = json!({"objectType": "Activity", "id": s.activity_id(&r.scenario)});
        for t in &r.report.turns {
            let Some(text) = typed(&t.input) else {
                continue;
            };
            let turn = json!({
                "turn": t.turn,
                "kind": crate::text::sanitize_line(&t.kind),
                "label": t.label.map(crate::lexicon::classify::Label::code),
                "points": t.points,
                "rule": t.rule.as_deref().map(crate::text::sanitize_line),
            });
            out.push(statement(
                turn_id(&r.id, t.turn),
                s,
                if t.kind == "ask" {
                    VERB_ASKED
                } else {
                    VERB_INTERACTED
                },
                short.clone(),
                json!({"response": text, "extensions": {ext::TURN: turn}}),
                context(r, false),
                ts.as_ref(),
            ));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
