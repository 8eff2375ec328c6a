//! `spin-coach sync [--lrs URL] [--dry-run] [--batch N] [--trainee NAME]
//! [--trainee-id ID] [--detail meetings|turns]`: sends every finished meeting the
//! LRS has not accepted yet, oldest first, in batches.
//!
//! What the LRS accepted is recorded per meeting in the data directory
//! (`store::sent`), atomically after each batch. A batch that got no answer is
//! tried again with backoff; a sync that stops (the LRS or the network gone, the
//! process killed) loses nothing: the next one sends what was not recorded, and
//! the statements' fixed ids (UUID v5 of the meeting id) let the LRS recognise
//! any it stored without our knowing, so nothing is stored twice. A batch the LRS
//! refuses is sent again meeting by meeting, so one refused meeting does not hold
//! back the others.

use super::args::Detail;
use super::lrs::{Answer, LrsError, Transport, with_retries};
use super::statements::{Catalogue, say};
use crate::store::sent::{Accepted, Sent, SentError};
use crate::store::summary::Summary;
use crate::store::{Status, Store};
use crate::xapi::Settings;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Default statements per request.
pub const DEFAULT_BATCH: usize = 100;

/// Most statements per request.
pub const MAX_BATCH: usize = 500;

/// Tries per request before giving up.
const TRIES: u32 = 5;

/// The first wait before trying again (then doubled: 0.5, 1, 2, 4 s).
#[cfg_attr(not(feature = "lrs"), allow(dead_code))]
const FIRST_WAIT: Duration = Duration::from_millis(500);

/// What `sync` was asked to do.
#[derive(Debug, Default)]
pub struct Args<'a> {
    /// `--lrs URL` (else `lrs.endpoint` in the config file).
    pub lrs: Option<&'a str>,
    /// `--trainee`.
    pub trainee: Option<&'a str>,
    /// `--trainee-id`.
    pub trainee_id: Option<&'a str>,
    /// `--detail`.
    pub detail: Detail,
    /// `--batch N` (else `lrs.batch`, else 100).
    pub batch: Option<usize>,
    /// `--dry-run`: print what would be sent.
    pub dry_run: bool,
    /// The user's scenario folders.
    pub extra: &'a [PathBuf],
}

/// What a sync did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Meetings the LRS accepted in this run.
    pub meetings: usize,
    /// Statements in them.
    pub statements: usize,
    /// Meetings whose statements the LRS already had (stored by a sync that
    /// never heard the answer).
    pub known: usize,
    /// Meetings left out (unreadable, refused); sent again next time.
    pub left_out: usize,
    /// Why the run stopped early, if it did.
    pub stopped: Option<LrsError>,
}

/// One meeting ready to go.
struct Ready {
    id: String,
    statements: Vec<serde_json::Value>,
}

/// Sends the meetings `pending` (oldest first) through `t`, recording each batch
/// the LRS accepts in `sent`.
///
/// # Errors
/// When what the LRS accepted cannot be recorded (the data directory cannot be
/// written): the run stops there.
#[allow(clippy::too_many_arguments)]
pub fn send<T: Transport + ?Sized>(
    t: &T,
    store: &Store,
    sent: &mut Sent,
    pending: &[&Summary],
    s: &Settings,
    catalogue: &Catalogue,
    batch: usize,
    endpoint: &str,
    first_wait: Duration,
) -> Result<Outcome, crate::store::StoreError> {
    let mut out = Outcome::default();
    let mut queue: Vec<Ready> = Vec::new();
    let mut queued = 0;
    let total = pending.len();
    let mut done = 0;
    let mut shown = Instant::now();
    for summary in pending {
        let r = match store.read_listed(&summary.id) {
            Ok(r) => r,
            Err(warning) => {
                crate::errln!("{warning}");
                out.left_out += 1;
                continue;
            }
        };
        let Some(statements) = crate::xapi::statements(&r, s, catalogue.get(&r.scenario)) else {
            continue;
        };
        let broken: Vec<String> = statements
            .iter()
            .flat_map(crate::xapi::check::statement)
            .collect();
        if !broken.is_empty() {
            crate::errln!(
                "spin-coach: error: {}",
                say(
                    &format!(
                        "会谈 `{}` 的 xAPI 记录不合规则：{}；它没有发送",
                        r.id,
                        broken.join("; ")
                    ),
                    &format!(
                        "meeting `{}` gives statements that break the xAPI rules: {}; it is not sent",
                        r.id,
                        broken.join("; ")
                    )
                )
            );
            out.left_out += 1;
            continue;
        }
        queued += statements.len();
        queue.push(Ready {
            id: r.id.clone(),
            statements,
        });
        if queued >= batch {
            done += queue.len();
            flush(
                t,
                sent,
                std::mem::take(&mut queue),
                endpoint,
                first_wait,
                &mut out,
            )?;
            queued = 0;
            if out.stopped.is_some() {
                return Ok(out);
            }
            if shown.elapsed() >= Duration::from_secs(1) {
                crate::errln!(
                    "{}",
                    say(
                        &format!("已发送 {done}/{total} 次会谈"),
                        &format!("sent {done}/{total} meetings")
                    )
                );
                shown = Instant::now();
            }
        }
    }
    if !queue.is_empty() {
        flush(t, sent, queue, endpoint, first_wait, &mut out)?;
    }
    Ok(out)
}

/// The body of a request: the statements of `meetings` as one JSON array.
fn body(meetings: &[Ready]) -> Vec<u8> {
    let all: Vec<&serde_json::Value> = meetings.iter().flat_map(|m| &m.statements).collect();
    serde_json::to_vec(&all).unwrap_or_default()
}

/// Sends one batch and records it; a refused batch of several meetings is sent
/// again one meeting at a time.
fn flush<T: Transport + ?Sized>(
    t: &T,
    sent: &mut Sent,
    meetings: Vec<Ready>,
    endpoint: &str,
    first_wait: Duration,
    out: &mut Outcome,
) -> Result<(), crate::store::StoreError> {
    match post(t, &meetings, endpoint, first_wait) {
        Ok(answer) => accept(sent, meetings, answer, out),
        Err(LrsError::Refused { .. }) if meetings.len() > 1 => {
            for m in meetings {
                let one = vec![m];
                match post(t, &one, endpoint, first_wait) {
                    Ok(answer) => accept(sent, one, answer, out)?,
                    Err(e @ LrsError::Refused { .. }) => {
                        crate::errln!(
                            "spin-coach: error: {} ({})",
                            e.message(endpoint),
                            say(
                                &format!("会谈 `{}` 未发送，下次再试", one[0].id),
                                &format!(
                                    "meeting `{}` is not sent; it is tried again next time",
                                    one[0].id
                                )
                            )
                        );
                        out.left_out += 1;
                    }
                    Err(e) => {
                        out.stopped = Some(e);
                        return Ok(());
                    }
                }
            }
            Ok(())
        }
        Err(e @ LrsError::Refused { .. }) => {
            crate::errln!(
                "spin-coach: error: {} ({})",
                e.message(endpoint),
                say(
                    &format!("会谈 `{}` 未发送，下次再试", meetings[0].id),
                    &format!(
                        "meeting `{}` is not sent; it is tried again next time",
                        meetings[0].id
                    )
                )
            );
            out.left_out += 1;
            Ok(())
        }
        Err(e) => {
            out.stopped = Some(e);
            Ok(())
        }
    }
}

fn post<T: Transport + ?Sized>(
    t: &T,
    meetings: &[Ready],
    endpoint: &str,
    first_wait: Duration,
) -> Result<Answer, LrsError> {
    let body = body(meetings);
    with_retries(TRIES, first_wait, endpoint, || t.post_statements(&body))
}

/// Test hook: a pause around recording a batch, so that a test can kill the LRS
/// or this process between the LRS's answer and the record, or after the record.
fn test_pause() {
    if let Some(ms) = std::env::var("SPIN_COACH_TEST_SYNC_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(Duration::from_millis(ms.min(10_000)));
    }
}

fn accept(
    sent: &mut Sent,
    meetings: Vec<Ready>,
    answer: Answer,
    out: &mut Outcome,
) -> Result<(), crate::store::StoreError> {
    test_pause();
    let at = crate::store::time::now();
    let n = meetings.len();
    let statements: usize = meetings.iter().map(|m| m.statements.len()).sum();
    sent.record(
        meetings
            .into_iter()
            .map(|m| Accepted {
                statements: m
                    .statements
                    .iter()
                    .filter_map(|s| s["id"].as_str().map(str::to_string))
                    .collect(),
                meeting: m.id,
                at: at.clone(),
            })
            .collect(),
    )?;
    test_pause();
    match answer {
        Answer::Stored(_) => {
            out.meetings += n;
            out.statements += statements;
        }
        Answer::Known => out.known += n,
    }
    Ok(())
}

/// Prints an error and gives the exit code.
fn fail(code: u8, why: &str) -> ExitCode {
    crate::errln!("spin-coach: error: {why}");
    ExitCode::from(code)
}

/// The finished meetings of the history, oldest first.
fn finished(store: &Store) -> anyhow::Result<Vec<Summary>> {
    let mut all = super::history::load_summaries(store)?;
    all.retain(|s| s.status == Status::Finished);
    all.sort_by(|a, b| a.when().cmp(b.when()).then_with(|| a.id.cmp(&b.id)));
    Ok(all)
}

/// Runs the command.
///
/// # Errors
/// When the history cannot be read.
pub fn run(store: &Store, a: &Args) -> anyhow::Result<ExitCode> {
    let Some(cfg) = super::config::load_or_report() else {
        return Ok(ExitCode::from(1));
    };
    if let Err(why) = super::lrs::check_private(&cfg, super::config::path().as_deref()) {
        return Ok(fail(1, &why));
    }
    let lrs_cfg = cfg.lrs.clone().unwrap_or_default();
    let endpoint = match a.lrs.or(lrs_cfg.endpoint.as_deref()) {
        Some(u) => match super::lrs::endpoint(u) {
            Ok(e) => Some(e),
            Err(why) => return Ok(fail(2, &why)),
        },
        None => None,
    };
    let settings = match super::statements::settings(&cfg, a.trainee, a.trainee_id, a.detail) {
        Ok(s) => s,
        Err(why) => return Ok(fail(2, &why)),
    };
    let batch = match a.batch.map(i64::try_from) {
        Some(Ok(b)) => Some(b),
        Some(Err(_)) => Some(i64::MAX),
        None => lrs_cfg.batch,
    };
    let batch = match batch {
        None => DEFAULT_BATCH,
        Some(b) => match usize::try_from(b) {
            Ok(b) if (1..=MAX_BATCH).contains(&b) => b,
            _ => {
                return Ok(fail(
                    2,
                    &say(
                        &format!("每批记录数 {b} 不在 1–{MAX_BATCH} 之间（--batch 或 lrs.batch）"),
                        &format!(
                            "a batch of {b} statements is outside 1–{MAX_BATCH} (--batch or lrs.batch)"
                        ),
                    ),
                ));
            }
        },
    };
    let catalogue = super::statements::catalogue(a.extra);
    let finished = finished(store)?;
    if a.dry_run {
        return dry_run(store, endpoint.as_deref(), &finished, &settings, &catalogue);
    }
    let Some(endpoint) = endpoint else {
        return Ok(fail(
            2,
            &say(
                "没有学习记录库地址：加上 --lrs URL，或在配置文件中设置 lrs.endpoint",
                "no LRS address: give --lrs URL, or set lrs.endpoint in the config file",
            ),
        ));
    };
    let credentials = match super::lrs::credentials(&cfg) {
        Ok(c) => c,
        Err(why) => return Ok(fail(2, &why)),
    };
    let (mut sent, warnings) = match Sent::open(store, &endpoint) {
        Ok(x) => x,
        Err(SentError::Busy) => {
            return Ok(fail(
                1,
                &say(
                    "另一个 `spin-coach sync` 正在向这个学习记录库发送，请等它结束",
                    "another `spin-coach sync` to this LRS is running; wait for it to finish",
                ),
            ));
        }
        Err(SentError::Store(e)) => return Ok(fail(1, &e.to_string())),
    };
    for w in &warnings {
        crate::errln!("{w}");
    }
    let pending: Vec<&Summary> = finished.iter().filter(|s| !sent.has(&s.id)).collect();
    let before = finished.len() - pending.len();
    if pending.is_empty() {
        crate::outln!(
            "{}",
            say(
                &format!("没有要发送的会谈：{before} 次已被 {endpoint} 接收"),
                &format!("nothing to send: {endpoint} has accepted all {before} finished meetings")
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    send_to(
        store,
        &mut sent,
        &pending,
        &settings,
        &catalogue,
        batch,
        &endpoint,
        &credentials,
        before,
    )
}

#[cfg(feature = "lrs")]
#[allow(clippy::too_many_arguments)]
fn send_to(
    store: &Store,
    sent: &mut Sent,
    pending: &[&Summary],
    settings: &Settings,
    catalogue: &Catalogue,
    batch: usize,
    endpoint: &str,
    credentials: &super::lrs::Credentials,
    before: usize,
) -> anyhow::Result<ExitCode> {
    if endpoint.starts_with("http://") && !super::lrs::is_loopback(endpoint) {
        crate::errln!(
            "spin-coach: warning: {}",
            say(
                &format!("{endpoint} 用的是 http:// 而不是 https://：密码和成绩将以明文经过网络"),
                &format!(
                    "{endpoint} is http://, not https://: the password and the results cross the network unencrypted"
                )
            )
        );
    }
    let http = super::lrs::http::Http::new(endpoint, credentials);
    let out = match send(
        &http, store, sent, pending, settings, catalogue, batch, endpoint, FIRST_WAIT,
    ) {
        Ok(o) => o,
        Err(e) => {
            return Ok(fail(
                1,
                &say(
                    &format!(
                        "无法记录学习记录库已接收的会谈：{e}。下次同步会重发这些会谈，学习记录库能认出它们"
                    ),
                    &format!(
                        "cannot record what the LRS accepted: {e}. The next sync sends those meetings again, and the LRS recognises them"
                    ),
                ),
            ));
        }
    };
    let summary = say(
        &format!(
            "已向 {endpoint} 发送 {} 次会谈（{} 条记录）；{} 次它已有；{} 次之前已发送",
            out.meetings, out.statements, out.known, before
        ),
        &format!(
            "sent {} meetings ({} statements) to {endpoint}; {} it had already; {} sent before",
            out.meetings, out.statements, out.known, before
        ),
    );
    if out.stopped.is_none() || out.meetings + out.known > 0 {
        crate::outln!("{summary}");
    }
    if let Some(e) = &out.stopped {
        return Ok(fail(1, &e.message(endpoint)));
    }
    Ok(if out.left_out > 0 {
        crate::errln!(
            "spin-coach: error: {}",
            say(
                &format!("{} 次会谈未发送（原因见上），下次同步再试", out.left_out),
                &format!(
                    "{} meetings were not sent (see above); the next sync tries them again",
                    out.left_out
                )
            )
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(not(feature = "lrs"))]
#[allow(clippy::too_many_arguments, clippy::unnecessary_wraps)]
fn send_to(
    _: &Store,
    _: &mut Sent,
    _: &[&Summary],
    _: &Settings,
    _: &Catalogue,
    _: usize,
    _: &str,
    _: &super::lrs::Credentials,
    _: usize,
) -> anyhow::Result<ExitCode> {
    Ok(no_client())
}

/// Without the `lrs` feature there is no HTTP client: say so.
#[must_use]
pub fn no_client() -> ExitCode {
    fail(
        2,
        &say(
            "这个 spin-coach 构建时没有 `lrs` 功能，不能连接学习记录库（`sync --dry-run` 和 `export --format xapi` 仍可用）",
            "this spin-coach was built without the `lrs` feature and cannot reach an LRS (`sync --dry-run` and `export --format xapi` still work)",
        ),
    )
}

/// `--dry-run`: one line per meeting that would be sent, then the totals.
fn dry_run(
    store: &Store,
    endpoint: Option<&str>,
    finished: &[Summary],
    s: &Settings,
    catalogue: &Catalogue,
) -> anyhow::Result<ExitCode> {
    let sent = match endpoint {
        Some(e) => match Sent::peek(store, e) {
            Ok((sent, _)) => Some(sent),
            Err(e) => return Ok(fail(1, &e.to_string())),
        },
        None => None,
    };
    let mut meetings = 0;
    let mut statements = 0;
    for summary in finished
        .iter()
        .filter(|m| !sent.as_ref().is_some_and(|x| x.has(&m.id)))
    {
        let r = match store.read_listed(&summary.id) {
            Ok(r) => r,
            Err(w) => {
                crate::errln!("{w}");
                continue;
            }
        };
        let Some(all) = crate::xapi::statements(&r, s, catalogue.get(&r.scenario)) else {
            continue;
        };
        let verdict = if r.report.score.total >= s.pass_mark {
            "passed"
        } else {
            "failed"
        };
        crate::outln!(
            "{}  {}  {:>3}  {verdict}  {}",
            r.id,
            crate::text::sanitize_line(&r.scenario),
            r.report.score.total,
            say(
                &format!("{} 条记录", all.len()),
                &format!("{} statements", all.len())
            )
        );
        meetings += 1;
        statements += all.len();
    }
    let before = finished
        .iter()
        .filter(|m| sent.as_ref().is_some_and(|x| x.has(&m.id)))
        .count();
    let to = endpoint.map_or_else(
        || say("（未设置学习记录库地址）", "(no LRS address set)"),
        crate::text::sanitize_line,
    );
    crate::outln!(
        "{}",
        say(
            &format!(
                "将向 {to} 发送 {meetings} 次会谈（{statements} 条记录）；{before} 次之前已发送。未联网。`spin-coach export --all --format xapi` 显示记录全文"
            ),
            &format!(
                "would send {meetings} meetings ({statements} statements) to {to}; {before} sent before. Nothing was sent; `spin-coach export --all --format xapi` shows the statements in full"
            )
        )
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests;
