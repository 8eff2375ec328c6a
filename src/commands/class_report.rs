//! `spin-coach class-report <files or dirs>... | --lrs [URL] [--since DATE]
//! [--scenario ID] [--format md|csv|json]`: a trainer's view of many trainees'
//! meetings, from their exported files or read back from a learning record
//! store. Both give each meeting as a [`Meeting`] (its summary and its
//! point-losing rules), so the same meetings give the same report.

use super::export::Export;
use super::history::summary_behaviours;
use crate::report::csv::row;
use crate::report::markdown::{code, md};
use crate::scoring::Part;
use crate::store::summary::Summary;
use crate::store::{Record, Status};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClassFormat {
    /// Markdown tables.
    Md,
    /// CSV: one row per trainee and scenario.
    Csv,
    /// JSON: one document with the same tables as the Markdown.
    Json,
}

/// `class-report --format json`.
#[derive(Debug, serde::Serialize)]
pub struct ClassJson {
    /// Finished meetings counted.
    pub meetings: usize,
    /// Per trainee, sorted by name.
    pub trainees: Vec<TraineeRow>,
    /// Per scenario, sorted by id.
    pub scenarios: Vec<ScenarioRow>,
    /// The class's average per meeting of each behaviour: `{name, average}`.
    pub behaviours: Vec<serde_json::Value>,
    /// Parts of the score by average share of their maximum, lowest first: `{part, share}` (%).
    pub weakest_parts: Vec<serde_json::Value>,
    /// The most frequent point-losing rules: `{rule, per_meeting}`.
    pub weakest_rules: Vec<serde_json::Value>,
    /// Files or meetings left out, one message each.
    pub problems: Vec<String>,
}

/// One trainee's row.
#[derive(Debug, serde::Serialize)]
pub struct TraineeRow {
    /// Name.
    pub trainee: String,
    /// Finished meetings.
    pub meetings: usize,
    /// Average total score.
    pub average: f64,
    /// Best total score.
    pub best: i32,
    /// Average I+N share (%).
    pub in_share: f64,
    /// Number of different scenarios played.
    pub scenarios: usize,
}

/// One scenario's row.
#[derive(Debug, serde::Serialize)]
pub struct ScenarioRow {
    /// Scenario id.
    pub scenario: String,
    /// Finished meetings.
    pub meetings: usize,
    /// Different trainees.
    pub trainees: usize,
    /// Average total score.
    pub average: f64,
    /// Best total score.
    pub best: i32,
}

/// The class report as a JSON document.
#[must_use]
pub fn json(entries: &[Entry], problems: &[String]) -> ClassJson {
    let all: Vec<&Meeting> = entries.iter().map(|e| &e.meeting).collect();
    let trainees = group(entries, |e| e.trainee.clone())
        .into_iter()
        .map(|(t, rs)| TraineeRow {
            trainee: crate::text::sanitize_line(&t),
            meetings: rs.len(),
            average: mean(&rs, |r| f64::from(r.score.total)),
            best: best(&rs),
            in_share: mean(&rs, |r| f64::from(r.counts.in_share)),
            scenarios: rs
                .iter()
                .map(|r| r.summary.scenario.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
        })
        .collect();
    let scenarios = group(entries, |e| e.meeting.summary.scenario.clone())
        .into_iter()
        .map(|(s, rs)| ScenarioRow {
            trainees: entries
                .iter()
                .filter(|e| e.meeting.summary.scenario == s)
                .map(|e| e.trainee.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            scenario: crate::text::sanitize_line(&s),
            meetings: rs.len(),
            average: mean(&rs, |r| f64::from(r.score.total)),
            best: best(&rs),
        })
        .collect();
    let (parts, rules) = weakest(&all);
    ClassJson {
        meetings: all.len(),
        trainees,
        scenarios,
        behaviours: summary_behaviours()
            .into_iter()
            .map(|(n, f)| serde_json::json!({"name": n, "average": mean(&all, f)}))
            .collect(),
        weakest_parts: parts
            .into_iter()
            .map(|(p, v)| serde_json::json!({"part": p.code(), "share": v}))
            .collect(),
        weakest_rules: rules
            .into_iter()
            .map(|(r, v)| {
                serde_json::json!({"rule": crate::text::sanitize_line(&r), "per_meeting": v})
            })
            .collect(),
        problems: problems.to_vec(),
    }
}

/// What a class report reads of one meeting.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// The meeting's summary (scenario, score and parts, counts, premature
    /// pitches, situation overuse).
    pub summary: Summary,
    /// Point-losing findings of its turns, per rule.
    pub lost: BTreeMap<String, u32>,
}

impl Meeting {
    /// What a class report reads of a record.
    #[must_use]
    pub fn of(r: &Record) -> Meeting {
        let lost: BTreeMap<String, u32> = r
            .points_lost()
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        Meeting {
            summary: Summary::of(r),
            lost,
        }
    }
}

/// A meeting with the trainee it belongs to.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Trainee name (or the file name when none is given).
    pub trainee: String,
    /// The meeting.
    pub meeting: Meeting,
}

/// Which meetings a report covers: those finished at or after `since`, of `scenario`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Seconds since the epoch (UTC).
    pub since: Option<i64>,
    /// A scenario id.
    pub scenario: Option<String>,
}

impl Filter {
    /// Whether a meeting is in the report.
    #[must_use]
    pub fn keeps(&self, m: &Summary) -> bool {
        let when_ok = self
            .since
            .is_none_or(|since| epoch(m.when()).is_some_and(|t| t >= since));
        when_ok && self.scenario.as_ref().is_none_or(|s| *s == m.scenario)
    }
}

/// Seconds since the epoch of an RFC 3339 time.
fn epoch(t: &str) -> Option<i64> {
    time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(time::OffsetDateTime::unix_timestamp)
}

/// `--since`: a date (`2026-11-01`, midnight UTC) or an RFC 3339 time.
///
/// # Errors
/// The message for anything else.
pub fn parse_since(s: &str) -> Result<i64, String> {
    let t = s.trim();
    if let Some(e) = epoch(t) {
        return Ok(e);
    }
    let date = (t.len() == 10)
        .then(|| epoch(&format!("{t}T00:00:00Z")))
        .flatten();
    date.ok_or_else(|| {
        super::statements::say(
            &format!(
                "--since `{}` 不是日期（应写成 2026-11-01 或 2026-11-01T08:00:00Z）",
                crate::text::sanitize_line(t)
            ),
            &format!(
                "--since `{}` is not a date (write it as 2026-11-01 or 2026-11-01T08:00:00Z)",
                crate::text::sanitize_line(t)
            ),
        )
    })
}

/// Mean of a behaviour over meetings (0 when empty).
#[allow(clippy::cast_precision_loss)]
fn mean(ms: &[&Meeting], f: fn(&Summary) -> f64) -> f64 {
    if ms.is_empty() {
        0.0
    } else {
        ms.iter().map(|m| f(&m.summary)).sum::<f64>() / ms.len() as f64
    }
}

fn json_files(p: &Path) -> Vec<PathBuf> {
    if p.is_dir() && !crate::scenario::load::is_std(p) {
        let mut v: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    } else {
        vec![p.to_path_buf()]
    }
}

/// Reads exports (or single meeting files); problems are returned as messages.
#[must_use]
pub fn read(paths: &[PathBuf]) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for f in paths.iter().flat_map(|p| json_files(p)) {
        let shown = crate::text::sanitize_line(&crate::scenario::load::shown(&f));
        let src = match crate::scenario::load::read_bounded(&f, 64 * 1024 * 1024) {
            Ok(s) => s,
            Err(p) => {
                problems.push(p.to_string());
                continue;
            }
        };
        let fallback = if crate::scenario::load::is_std(&f) {
            "<stdin>".to_string()
        } else {
            f.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let checked = |i: Option<usize>, r: &Record, problems: &mut Vec<String>| -> bool {
            match r.check() {
                Ok(()) => true,
                Err(why) => {
                    let at = i.map_or_else(String::new, |i| format!("meetings[{i}]."));
                    problems.push(format!(
                        "{shown}: error: {at}{} (that meeting is left out; export it again with `spin-coach export --format json`)",
                        crate::text::sanitize_line(&why)
                    ));
                    false
                }
            }
        };
        if let Ok(doc) = serde_json::from_str::<Export>(&src) {
            for (i, r) in doc.meetings.into_iter().enumerate() {
                if !checked(Some(i), &r, &mut problems) {
                    continue;
                }
                let trainee = r
                    .trainee
                    .clone()
                    .or_else(|| doc.trainee.clone())
                    .unwrap_or_else(|| fallback.clone());
                entries.push(Entry {
                    trainee,
                    meeting: Meeting::of(&r),
                });
            }
        } else {
            match serde_json::from_str::<Record>(&src) {
                Ok(r) => {
                    if checked(None, &r, &mut problems) {
                        entries.push(Entry {
                            meeting: Meeting::of(&r),
                            trainee: r.trainee.unwrap_or(fallback),
                        });
                    }
                }
                Err(e) => problems.push(format!(
                    "{shown}:{}:{}: error: not a spin-coach export or meeting file: {} (give files written by `spin-coach export --format json`)",
                    e.line(),
                    e.column(),
                    crate::text::sanitize_line(&e.to_string())
                )),
            }
        }
    }
    entries.retain(|e| e.meeting.summary.status == Status::Finished);
    (entries, problems)
}

fn group(entries: &[Entry], key: impl Fn(&Entry) -> String) -> BTreeMap<String, Vec<&Meeting>> {
    let mut m: BTreeMap<String, Vec<&Meeting>> = BTreeMap::new();
    for e in entries {
        m.entry(key(e)).or_default().push(&e.meeting);
    }
    m
}

fn best(rs: &[&Meeting]) -> i32 {
    rs.iter().map(|r| r.summary.score.total).max().unwrap_or(0)
}

/// Parts with their average share of the maximum (%), and rules with their count per meeting.
pub type Weakest = (Vec<(Part, f64)>, Vec<(String, f64)>);

/// Class weaknesses: parts by average share of their maximum (lowest first), and
/// the most frequent point-losing rules per meeting.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn weakest(all: &[&Meeting]) -> Weakest {
    let mut parts: Vec<(Part, f64)> = Part::ALL
        .iter()
        .map(|p| {
            let pts = |r: &Meeting| -> f64 {
                let ps = r
                    .summary
                    .score
                    .parts
                    .list()
                    .into_iter()
                    .find(|(q, _)| q == p)
                    .map_or(0, |(_, s)| s.points);
                f64::from(ps) / f64::from(p.max_points())
            };
            let avg = if all.is_empty() {
                0.0
            } else {
                all.iter().map(|r| pts(r)).sum::<f64>() / all.len() as f64
            };
            (*p, avg * 100.0)
        })
        .collect();
    parts.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut rules: BTreeMap<String, usize> = BTreeMap::new();
    for r in all {
        for (rule, n) in &r.lost {
            *rules.entry(rule.clone()).or_default() += *n as usize;
        }
    }
    let n = all.len().max(1) as f64;
    let mut rules: Vec<(String, f64)> = rules.into_iter().map(|(k, v)| (k, v as f64 / n)).collect();
    rules.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rules.truncate(5);
    (parts, rules)
}

/// Renders the class report as Markdown.
#[must_use]
pub fn markdown(entries: &[Entry]) -> String {
    let mut o = String::from("# Class report\n\n");
    let all: Vec<&Meeting> = entries.iter().map(|e| &e.meeting).collect();
    let _ = writeln!(
        o,
        "{} finished meetings by {} trainees.\n",
        all.len(),
        group(entries, |e| e.trainee.clone()).len()
    );
    let _ = writeln!(
        o,
        "## Per trainee\n\n| trainee | meetings | average | best | I+N share | scenarios |\n|---|---|---|---|---|---|"
    );
    for (t, rs) in group(entries, |e| e.trainee.clone()) {
        let scenarios: std::collections::BTreeSet<&str> =
            rs.iter().map(|r| r.summary.scenario.as_str()).collect();
        let _ = writeln!(
            o,
            "| {} | {} | {:.1} | {} | {:.0}% | {} |",
            md(&t),
            rs.len(),
            mean(&rs, |r| f64::from(r.score.total)),
            best(&rs),
            mean(&rs, |r| f64::from(r.counts.in_share)),
            scenarios.len()
        );
    }
    let _ = writeln!(
        o,
        "\n## Per scenario\n\n| scenario | meetings | trainees | average | best |\n|---|---|---|---|---|"
    );
    for (s, rs) in group(entries, |e| e.meeting.summary.scenario.clone()) {
        let trainees = entries
            .iter()
            .filter(|e| e.meeting.summary.scenario == s)
            .map(|e| e.trainee.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let _ = writeln!(
            o,
            "| {} | {} | {trainees} | {:.1} | {} |",
            md(&s),
            rs.len(),
            mean(&rs, |r| f64::from(r.score.total)),
            best(&rs)
        );
    }
    let _ = writeln!(
        o,
        "\n## Behaviour averages (per meeting)\n\n| behaviour | class average |\n|---|---|"
    );
    for (name, f) in summary_behaviours() {
        let _ = writeln!(o, "| {name} | {:.1} |", mean(&all, f));
    }
    let (parts, rules) = weakest(&all);
    let _ = writeln!(
        o,
        "\n## Weakest behaviours\n\nParts of the score, lowest share of their maximum first:\n"
    );
    for (p, pct) in &parts {
        let _ = writeln!(o, "- {}: {pct:.0}%", p.name(crate::lang::Lang::En));
    }
    let _ = writeln!(o, "\nMost frequent point-losing rules (per meeting):\n");
    for (rule, per) in &rules {
        let what = rule
            .parse::<crate::scoring::RuleId>()
            .map_or("", crate::scoring::RuleId::describe);
        let _ = writeln!(o, "- {} {per:.2} per meeting: {what}", code(rule));
    }
    o
}

/// Renders the class report as CSV: one row per trainee and scenario.
#[must_use]
pub fn csv(entries: &[Entry]) -> String {
    let mut o = row([
        "trainee",
        "scenario",
        "meetings",
        "average_score",
        "best_score",
        "average_in_share",
        "average_explicit_needs",
    ]) + "\n";
    for (key, rs) in group(entries, |e| {
        format!("{}\u{0}{}", e.trainee, e.meeting.summary.scenario)
    }) {
        let (t, s) = key.split_once('\u{0}').unwrap_or((&key, ""));
        o.push_str(&row([
            t.to_string(),
            s.to_string(),
            rs.len().to_string(),
            format!("{:.1}", mean(&rs, |r| f64::from(r.score.total))),
            best(&rs).to_string(),
            format!("{:.1}", mean(&rs, |r| f64::from(r.counts.in_share))),
            format!("{:.1}", mean(&rs, |r| f64::from(r.counts.explicit_needs))),
        ]));
        o.push('\n');
    }
    o
}

/// What `class-report` was asked to do.
#[derive(Debug, Default)]
pub struct Args<'a> {
    /// Export files or folders of them.
    pub paths: &'a [PathBuf],
    /// `--lrs [URL]`: read the statements back from the LRS (`Some("")`: the
    /// config file's `lrs.endpoint`).
    pub lrs: Option<&'a str>,
    /// `--since DATE`.
    pub since: Option<&'a str>,
    /// `--scenario ID`.
    pub scenario: Option<&'a str>,
    /// The format.
    pub format: Option<ClassFormat>,
}

/// Reads spin-coach's `completed` statements back from an LRS (following `more`
/// links), keeping the meetings `filter` keeps; each meeting once.
///
/// # Errors
/// What the LRS answered, or why it did not.
pub fn from_lrs<T: super::lrs::Transport + ?Sized>(
    t: &T,
    filter: &Filter,
    endpoint: &str,
) -> Result<(Vec<Entry>, Vec<String>), super::lrs::LrsError> {
    use super::lrs::LrsError;
    // Not `verb`: every statement is read and spin-coach's `completed` ones are
    // picked here (Ralph's file-system LRS compares `verb` wrongly and finds none).
    let mut query: Vec<(&str, String)> = Vec::new();
    if let Some(since) = filter.since {
        // The LRS filters on when it stored a statement, which is after the
        // meeting finished; a day earlier allows for laptops' clocks. The exact
        // cut is made here, on the meeting's own time.
        query.push((
            "since",
            crate::store::time::rfc3339(u64::try_from(since - 86_400).unwrap_or(0)),
        ));
    }
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut more: Option<String> = None;
    let mut pages = 0;
    loop {
        let body =
            super::lrs::with_retries(5, std::time::Duration::from_millis(500), endpoint, || {
                t.get_statements(&query, more.as_deref())
            })?;
        #[derive(serde::Deserialize)]
        struct Page {
            statements: Vec<serde_json::Value>,
            #[serde(default)]
            more: Option<String>,
        }
        let page: Page = serde_json::from_str(&body)
            .map_err(|e| LrsError::Answer(format!("not a statements page: {e}")))?;
        for st in &page.statements {
            if !crate::xapi::read::is_ours(st) {
                continue;
            }
            match crate::xapi::read::meeting(st) {
                Ok(m) => {
                    if filter.keeps(&m.summary) && seen.insert(m.summary.id.clone()) {
                        entries.push(Entry {
                            trainee: m.trainee,
                            meeting: Meeting {
                                summary: m.summary,
                                lost: m.lost,
                            },
                        });
                    }
                }
                Err(why) => problems.push(format!(
                    "{}: error: statement {}: {} (that meeting is left out)",
                    crate::text::sanitize_line(endpoint),
                    crate::text::sanitize_line(st["id"].as_str().unwrap_or("?")),
                    crate::text::sanitize_line(&why)
                )),
            }
        }
        pages += 1;
        match page.more.filter(|m| !m.is_empty()) {
            Some(next)
                if !page.statements.is_empty()
                    && pages < 1_000_000
                    && more.as_deref() != Some(next.as_str()) =>
            {
                more = Some(next);
            }
            _ => break,
        }
    }
    Ok((entries, problems))
}

/// Sorts meetings by when they finished (then id), so that any two sources of
/// the same meetings sum them in the same order.
fn canonical(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        let (a, b) = (&a.meeting.summary, &b.meeting.summary);
        a.when().cmp(b.when()).then_with(|| a.id.cmp(&b.id))
    });
}

/// Runs the command.
///
/// # Errors
/// When JSON cannot be written.
pub fn run(a: &Args) -> anyhow::Result<ExitCode> {
    let format = a.format.unwrap_or(ClassFormat::Md);
    let fail = |code: u8, why: &str| {
        crate::errln!("spin-coach: error: {why}");
        Ok(ExitCode::from(code))
    };
    let since = match a.since.map(parse_since).transpose() {
        Ok(s) => s,
        Err(why) => return fail(2, &why),
    };
    let filter = Filter {
        since,
        scenario: a.scenario.map(str::to_string),
    };
    let (mut entries, problems) = match a.lrs {
        None => {
            let (mut entries, problems) = read(a.paths);
            entries.retain(|e| filter.keeps(&e.meeting.summary));
            (entries, problems)
        }
        Some(url) => match lrs_entries(url, &filter) {
            Ok(x) => x,
            Err((code, why)) => return fail(code, &why),
        },
    };
    canonical(&mut entries);
    for p in &problems {
        crate::errln!("{p}");
    }
    if entries.is_empty() {
        let why = if a.lrs.is_some() {
            super::statements::say(
                "学习记录库中没有符合条件的已结束会谈（学员用 `spin-coach sync` 发送）",
                "no finished meetings in the LRS match (trainees send them with `spin-coach sync`)",
            )
        } else {
            "no finished meetings found in the given files (export them with `spin-coach export --all --format json`)".to_string()
        };
        return fail(1, &why);
    }
    match format {
        ClassFormat::Md => crate::out!("{}", markdown(&entries)),
        ClassFormat::Csv => crate::out!("{}", csv(&entries)),
        ClassFormat::Json => crate::outln!(
            "{}",
            serde_json::to_string_pretty(&json(&entries, &problems))?
        ),
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The meetings in the LRS: the address from `--lrs URL` or the config file, the
/// credentials from the environment or the config file.
fn lrs_entries(url: &str, filter: &Filter) -> Result<(Vec<Entry>, Vec<String>), (u8, String)> {
    let cfg = super::config::load().map_err(|p| (1, p.to_string()))?;
    super::lrs::check_private(&cfg, super::config::path().as_deref()).map_err(|w| (1, w))?;
    let url = Some(url)
        .filter(|u| !u.is_empty())
        .or(cfg.lrs.as_ref().and_then(|l| l.endpoint.as_deref()))
        .ok_or_else(|| {
            (
                2,
                super::statements::say(
                    "没有学习记录库地址：写成 --lrs URL，或在配置文件中设置 lrs.endpoint",
                    "no LRS address: give --lrs URL, or set lrs.endpoint in the config file",
                ),
            )
        })?;
    let endpoint = super::lrs::endpoint(url).map_err(|w| (2, w))?;
    let credentials = super::lrs::credentials(&cfg).map_err(|w| (2, w))?;
    read_lrs(&endpoint, &credentials, filter)
}

#[cfg(feature = "lrs")]
fn read_lrs(
    endpoint: &str,
    credentials: &super::lrs::Credentials,
    filter: &Filter,
) -> Result<(Vec<Entry>, Vec<String>), (u8, String)> {
    let http = super::lrs::http::Http::new(endpoint, credentials);
    from_lrs(&http, filter, endpoint).map_err(|e| (1, e.message(endpoint)))
}

#[cfg(not(feature = "lrs"))]
fn read_lrs(
    _: &str,
    _: &super::lrs::Credentials,
    _: &Filter,
) -> Result<(Vec<Entry>, Vec<String>), (u8, String)> {
    Err((
        2,
        super::statements::say(
            "这个 spin-coach 构建时没有 `lrs` 功能，不能连接学习记录库",
            "this spin-coach was built without the `lrs` feature and cannot reach an LRS",
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::lrs::{Answer, LrsError, Transport};

    /// An LRS in memory that answers queries in pages of two, with `more` links.
    struct Pages(Vec<serde_json::Value>);

    impl Transport for Pages {
        fn post_statements(&self, _: &[u8]) -> Result<Answer, LrsError> {
            Err(LrsError::Answer("read only".into()))
        }

        fn get_statements(
            &self,
            _: &[(&str, String)],
            more: Option<&str>,
        ) -> Result<String, LrsError> {
            let from: usize = more
                .and_then(|m| m.rsplit('=').next()?.parse().ok())
                .unwrap_or(0);
            let page: Vec<&serde_json::Value> = self.0.iter().skip(from).take(2).collect();
            let mut doc = serde_json::json!({ "statements": page });
            if from + 2 < self.0.len() {
                doc["more"] = format!("/xAPI/statements?from={}", from + 2).into();
            }
            Ok(doc.to_string())
        }
    }

    fn records() -> Vec<Record> {
        let loaded = crate::scenario::bundled_by_id("bakery-vpn")
            .expect("bundled")
            .expect("valid");
        let texts = [
            "How many staff do you have?",
            "Do the tills ever go down?",
            "What happens to orders then?",
        ];
        (0..5)
            .map(|i| {
                let inputs: Vec<crate::session::Input> = texts[..=(i % 3)]
                    .iter()
                    .map(|t| crate::session::Input::Ask {
                        to: None,
                        text: (*t).into(),
                    })
                    .chain([crate::session::Input::End])
                    .collect();
                let (s, _) = crate::session::Session::replay(
                    std::sync::Arc::clone(&loaded.scenario),
                    1,
                    None,
                    None,
                    inputs.iter().cloned(),
                );
                let when = format!("2026-11-0{}T10:00:00Z", i + 1);
                let mut r =
                    crate::store::record(format!("m{i}"), &loaded, &s, 1, inputs, when.clone());
                r.finished_at = Some(when);
                r
            })
            .collect()
    }

    #[test]
    fn the_lrs_report_is_the_file_report_of_the_same_meetings() {
        let recs = records();
        let s = crate::xapi::Settings::new(
            crate::xapi::Actor::new(Some("Ann"), Some("ann@example.com"), None).expect("actor"),
        );
        let mut statements: Vec<serde_json::Value> = recs
            .iter()
            .rev()
            .flat_map(|r| crate::xapi::statements(r, &s, None).expect("finished"))
            .collect();
        // Someone else's statement, and one of ours stored twice.
        statements.insert(1, serde_json::json!({"verb": {"id": crate::xapi::VERB_COMPLETED}, "actor": {}, "object": {}}));
        statements.push(statements[0].clone());
        let (mut read_back, problems) = from_lrs(
            &Pages(statements.clone()),
            &Filter::default(),
            "http://127.0.0.1:9/",
        )
        .expect("read");
        assert!(problems.is_empty(), "{problems:?}");
        let mut from_files: Vec<Entry> = recs
            .iter()
            .map(|r| Entry {
                trainee: "Ann".into(),
                meeting: Meeting::of(r),
            })
            .collect();
        canonical(&mut read_back);
        canonical(&mut from_files);
        assert_eq!(read_back.len(), 5);
        assert_eq!(markdown(&read_back), markdown(&from_files));
        assert_eq!(csv(&read_back), csv(&from_files));
        assert_eq!(
            serde_json::to_string(&json(&read_back, &[])).expect("json"),
            serde_json::to_string(&json(&from_files, &[])).expect("json")
        );
        // --since and --scenario pick the same meetings from both.
        let f = Filter {
            since: parse_since("2026-11-03").ok(),
            scenario: Some("bakery-vpn".into()),
        };
        let (picked, _) = from_lrs(&Pages(statements), &f, "http://127.0.0.1:9/").expect("read");
        assert_eq!(picked.len(), 3);
        from_files.retain(|e| f.keeps(&e.meeting.summary));
        assert_eq!(markdown(&picked), markdown(&from_files));
        assert!(parse_since("2026-13-45").is_err() && parse_since("soon").is_err());
        assert!(parse_since("2026-11-03T08:00:00+08:00").is_ok());
    }
}
