//! Talking to a learning record store: its address, the credentials, what it can
//! answer, retries with backoff, and (with the default `lrs` feature) the HTTP
//! client itself, `ureq` with rustls. Nothing below `commands/` knows about the
//! network: `sync` and `class-report --lrs` reach it through [`Transport`], which
//! their tests replace.

use super::config::Config;
use super::statements::say;
use std::path::Path;
use std::time::Duration;

/// The xAPI version spoken (Ralph and most LRSs accept 1.0.3; the statements are
/// valid under 2.0 as well).
pub const XAPI_VERSION: &str = "1.0.3";

/// The LRS's answer to a batch of statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// 200: it stored this many of them (the others it had already).
    Stored(usize),
    /// 204: it had every one of them already.
    Known,
}

/// What went wrong talking to the LRS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LrsError {
    /// 401 or 403: the credentials are wrong or may not write (read) statements.
    Unauthorized(u16),
    /// Another 4xx, with the LRS's own reason.
    Refused {
        /// The status.
        status: u16,
        /// What the LRS said.
        reason: String,
    },
    /// A 5xx, 408 or 429: the LRS is in trouble or busy (worth trying again).
    Server {
        /// The status.
        status: u16,
        /// What the LRS said.
        reason: String,
    },
    /// No answer: no network, nothing listening, a timeout, a connection cut.
    Network(String),
    /// An answer that is not what an LRS sends.
    Answer(String),
}

impl LrsError {
    /// Whether trying again later may help.
    #[must_use]
    pub fn retryable(&self) -> bool {
        matches!(self, LrsError::Server { .. } | LrsError::Network(_))
    }

    /// The message for the trainee, in the interface language.
    #[must_use]
    pub fn message(&self, endpoint: &str) -> String {
        let ep = crate::text::sanitize_line(endpoint);
        match self {
            LrsError::Unauthorized(s) => say(
                &format!(
                    "学习记录库 {ep} 拒绝了登录（{s}）：用户名或密码不对，或此账号无权读写 xAPI 记录。请检查 SPIN_COACH_LRS_USER / SPIN_COACH_LRS_PASSWORD 或配置文件中的 lrs.user / lrs.password（向学习平台管理员索取密钥）"
                ),
                &format!(
                    "the LRS at {ep} refused the credentials ({s}): the user or password is wrong, or this key may not read and write statements. Check SPIN_COACH_LRS_USER / SPIN_COACH_LRS_PASSWORD or lrs.user / lrs.password in the config file (your LMS administrator issues the key)"
                ),
            ),
            LrsError::Refused { status, reason } => say(
                &format!("学习记录库 {ep} 拒收（{status}）：{reason}"),
                &format!("the LRS at {ep} refused the statements ({status}): {reason}"),
            ),
            LrsError::Server { status, reason } => say(
                &format!(
                    "学习记录库 {ep} 出错（{status}）：{reason}。稍后再运行 `spin-coach sync`：已被接收的会谈不会重发，其余不会丢失"
                ),
                &format!(
                    "the LRS at {ep} failed ({status}): {reason}. Run `spin-coach sync` again later: meetings it accepted are not sent again, and nothing is lost"
                ),
            ),
            LrsError::Network(why) => say(
                &format!(
                    "连不上学习记录库 {ep}：{why}。请检查地址和网络，稍后再运行 `spin-coach sync`：已被接收的会谈不会重发，其余不会丢失"
                ),
                &format!(
                    "cannot reach the LRS at {ep}: {why}. Check the address and the network, then run `spin-coach sync` again: meetings it accepted are not sent again, and nothing is lost"
                ),
            ),
            LrsError::Answer(why) => say(
                &format!(
                    "{ep} 的回答不像 xAPI 学习记录库：{why}（地址应指向 xAPI 端点，例如 https://lrs.example.com/xAPI/）"
                ),
                &format!(
                    "the answer from {ep} is not an xAPI LRS's: {why} (the address should be the xAPI endpoint, such as https://lrs.example.com/xAPI/)"
                ),
            ),
        }
    }
}

/// The reason in an LRS's error body: `detail` (Ralph), `message` (Learning
/// Locker, SQL LRS) or the text itself, sanitized and cut to 300 characters.
#[must_use]
pub fn reason(body: &str) -> String {
    let from_json = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            let d = v
                .get("detail")
                .or_else(|| v.get("message"))
                .or_else(|| v.get("error"))?;
            Some(match d {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| match (i.get("loc"), i.get("msg")) {
                        (Some(loc), Some(msg)) => format!("{loc}: {}", msg.as_str().unwrap_or("")),
                        _ => i.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                other => other.to_string(),
            })
        });
    let text = from_json.unwrap_or_else(|| body.trim().to_string());
    let text = crate::text::sanitize_line(&text);
    let cut: String = text.chars().take(300).collect();
    if cut.is_empty() {
        "(no reason given)".into()
    } else if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Sorts an HTTP status and body into an answer or an error.
///
/// # Errors
/// Every status but 200 and 204.
pub fn answer(status: u16, body: &str) -> Result<Answer, LrsError> {
    match status {
        200 => {
            let ids: Vec<String> = serde_json::from_str(body)
                .map_err(|_| LrsError::Answer(format!("200 with `{}`", reason(body))))?;
            Ok(Answer::Stored(ids.len()))
        }
        204 => Ok(Answer::Known),
        401 | 403 => Err(LrsError::Unauthorized(status)),
        408 | 429 | 500..=599 => Err(LrsError::Server {
            status,
            reason: reason(body),
        }),
        300..=399 => Err(LrsError::Answer(format!(
            "it redirects ({status}); give the address it redirects to"
        ))),
        _ => Err(LrsError::Refused {
            status,
            reason: reason(body),
        }),
    }
}

/// How `sync` and `class-report --lrs` reach the LRS.
pub trait Transport {
    /// POSTs a JSON array of statements to `<endpoint>/statements`.
    ///
    /// # Errors
    /// What the LRS answered, or why it did not.
    fn post_statements(&self, body: &[u8]) -> Result<Answer, LrsError>;

    /// GETs a statements page: `<endpoint>/statements` with `query`, or a `more`
    /// link (a path on the LRS's host) when `more` is given. Returns the body.
    ///
    /// # Errors
    /// What the LRS answered, or why it did not.
    fn get_statements(
        &self,
        query: &[(&str, String)],
        more: Option<&str>,
    ) -> Result<String, LrsError>;
}

/// Tries `f` up to `tries` times while it fails with a retryable error, waiting
/// `first`, then twice as long each time (at most 8 s), saying so on stderr.
///
/// # Errors
/// The last error, or the first one that is not worth retrying.
pub fn with_retries<T>(
    tries: u32,
    first: Duration,
    endpoint: &str,
    mut f: impl FnMut() -> Result<T, LrsError>,
) -> Result<T, LrsError> {
    let mut wait = first;
    let mut n = 1;
    loop {
        match f() {
            Ok(t) => return Ok(t),
            Err(e) if e.retryable() && n < tries => {
                let why = match &e {
                    LrsError::Network(w) => w.clone(),
                    LrsError::Server { status, reason } => format!("{status} {reason}"),
                    other => format!("{other:?}"),
                };
                crate::errln!(
                    "spin-coach: {}",
                    say(
                        &format!(
                            "学习记录库 {} 没有回应（{why}），{:.1} 秒后重试（第 {n}/{} 次）",
                            crate::text::sanitize_line(endpoint),
                            wait.as_secs_f64(),
                            tries - 1
                        ),
                        &format!(
                            "the LRS at {} did not answer ({why}); trying again in {:.1} s ({n}/{})",
                            crate::text::sanitize_line(endpoint),
                            wait.as_secs_f64(),
                            tries - 1
                        )
                    )
                );
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(8));
                n += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// An LRS address made an xAPI endpoint: `http(s)://…`, ending with `/` (a
/// trailing `statements` is taken off).
///
/// # Errors
/// The message for an address that is not `http(s)://host…`.
pub fn endpoint(url: &str) -> Result<String, String> {
    let u = url.trim();
    if !crate::xapi::check::is_web_address(u) || u.contains(['?', '#']) {
        let shown = crate::text::sanitize_line(u);
        return Err(say(
            &format!(
                "学习记录库地址 `{shown}` 不是 http(s) 网址（应写成 https://lrs.example.com/xAPI/）"
            ),
            &format!(
                "the LRS address `{shown}` is not an http(s) address (write it as https://lrs.example.com/xAPI/)"
            ),
        ));
    }
    let base = u.trim_end_matches('/');
    let base = base.strip_suffix("/statements").unwrap_or(base);
    Ok(format!("{base}/"))
}

/// Whether an endpoint's host is this machine (127.0.0.0/8, `[::1]`, `localhost`).
#[must_use]
pub fn is_loopback(endpoint: &str) -> bool {
    let rest = endpoint
        .strip_prefix("https://")
        .or_else(|| endpoint.strip_prefix("http://"))
        .unwrap_or("");
    let authority = rest.split('/').next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split(']')
            .next()
            .map_or("", |h| h.trim_start_matches('['))
    } else {
        host.split(':').next().unwrap_or("")
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The credentials: the environment (`SPIN_COACH_LRS_USER`,
/// `SPIN_COACH_LRS_PASSWORD`) wins over the config file's `lrs:`.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The user (the LRS's key).
    pub user: String,
    /// The password (the LRS's secret).
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"…")
            .finish()
    }
}

/// The credentials from the environment and the config file.
///
/// # Errors
/// The message when there is no user or no password.
pub fn credentials(cfg: &Config) -> Result<Credentials, String> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let lrs = cfg.lrs.clone().unwrap_or_default();
    let user = env("SPIN_COACH_LRS_USER").or(lrs.user);
    let password = env("SPIN_COACH_LRS_PASSWORD").or(lrs.password);
    match (user, password) {
        (Some(user), Some(password)) => Ok(Credentials { user, password }),
        _ => Err(say(
            "没有学习记录库的账号：设置环境变量 SPIN_COACH_LRS_USER 和 SPIN_COACH_LRS_PASSWORD，或在配置文件中写 lrs.user 和 lrs.password（并 chmod 600 该文件）",
            "no LRS credentials: set SPIN_COACH_LRS_USER and SPIN_COACH_LRS_PASSWORD, or lrs.user and lrs.password in the config file (and chmod 600 it)",
        )),
    }
}

/// Refuses a config file that holds a password and that other users can read.
///
/// # Errors
/// The message saying why and how to fix it (`chmod 600`).
pub fn check_private(cfg: &Config, path: Option<&Path>) -> Result<(), String> {
    let holds_password = cfg.lrs.as_ref().is_some_and(|l| l.password.is_some());
    let Some(path) = path.filter(|_| holds_password) else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let Ok(meta) = std::fs::metadata(path) else {
            return Ok(());
        };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            let shown = crate::text::sanitize_line(&path.display().to_string());
            return Err(say(
                &format!(
                    "配置文件 {shown} 存有学习记录库密码，但其他用户也能读它（权限 {mode:03o}）。请运行 `chmod 600 {shown}`，或把密码移到环境变量 SPIN_COACH_LRS_PASSWORD"
                ),
                &format!(
                    "the config file {shown} holds the LRS password but other users can read it (mode {mode:03o}): run `chmod 600 {shown}`, or move the password to SPIN_COACH_LRS_PASSWORD"
                ),
            ));
        }
    }
    Ok(())
}

/// The HTTP client: ureq with rustls, one connection kept alive.
#[cfg(feature = "lrs")]
pub mod http {
    use super::{Answer, Credentials, LrsError, Transport, XAPI_VERSION, answer};
    use std::time::Duration;

    /// Largest answer read (a page of statements).
    const MAX_BODY: u64 = 256 * 1024 * 1024;

    /// An LRS reached over HTTP(S).
    pub struct Http {
        agent: ureq::Agent,
        endpoint: String,
        auth: String,
    }

    impl Http {
        /// A client of the xAPI `endpoint` (as [`super::endpoint`] makes it).
        #[must_use]
        pub fn new(endpoint: &str, c: &Credentials) -> Http {
            use base64::Engine as _;
            let config = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .timeout_connect(Some(Duration::from_secs(10)))
                .timeout_global(Some(Duration::from_secs(120)))
                .user_agent(format!("spin-coach/{}", env!("CARGO_PKG_VERSION")))
                .build();
            let token = base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{}", c.user, c.password));
            Http {
                agent: config.into(),
                endpoint: endpoint.to_string(),
                auth: format!("Basic {token}"),
            }
        }

        /// The scheme and host of the endpoint (`more` links are paths on it).
        fn origin(&self) -> &str {
            let after = self.endpoint.find("://").map_or(0, |i| i + 3);
            let end = self.endpoint[after..]
                .find('/')
                .map_or(self.endpoint.len(), |i| after + i);
            &self.endpoint[..end]
        }
    }

    fn network(e: &ureq::Error) -> LrsError {
        LrsError::Network(crate::text::sanitize_line(&e.to_string()))
    }

    fn read(mut r: ureq::http::Response<ureq::Body>) -> Result<(u16, String), LrsError> {
        let status = r.status().as_u16();
        let body = r
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
            .map_err(|e| network(&e))?;
        Ok((status, body))
    }

    impl Transport for Http {
        fn post_statements(&self, body: &[u8]) -> Result<Answer, LrsError> {
            let r = self
                .agent
                .post(format!("{}statements", self.endpoint))
                .header("Authorization", &self.auth)
                .header("X-Experience-API-Version", XAPI_VERSION)
                .content_type("application/json")
                .send(body)
                .map_err(|e| network(&e))?;
            let (status, text) = read(r)?;
            answer(status, &text)
        }

        fn get_statements(
            &self,
            query: &[(&str, String)],
            more: Option<&str>,
        ) -> Result<String, LrsError> {
            let url = match more {
                Some(m) if m.starts_with("http://") || m.starts_with("https://") => m.to_string(),
                Some(m) => format!("{}/{}", self.origin(), m.trim_start_matches('/')),
                None => format!("{}statements", self.endpoint),
            };
            let mut req = self
                .agent
                .get(url)
                .header("Authorization", &self.auth)
                .header("X-Experience-API-Version", XAPI_VERSION);
            if more.is_none() {
                for (k, v) in query {
                    req = req.query(*k, v);
                }
            }
            let r = req.call().map_err(|e| network(&e))?;
            let (status, text) = read(r)?;
            match status {
                200 => Ok(text),
                s => answer(s, &text)
                    .and_then(|_| Err(LrsError::Answer(format!("{s} to a statements query")))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_sort_into_stored_known_and_errors() {
        assert_eq!(answer(200, r#"["a","b"]"#), Ok(Answer::Stored(2)));
        assert_eq!(answer(204, ""), Ok(Answer::Known));
        assert_eq!(answer(401, "{}"), Err(LrsError::Unauthorized(401)));
        assert_eq!(answer(403, ""), Err(LrsError::Unauthorized(403)));
        assert_eq!(
            answer(
                409,
                r#"{"detail":"Differing statements already exist with the same ID: x"}"#
            ),
            Err(LrsError::Refused {
                status: 409,
                reason: "Differing statements already exist with the same ID: x".into()
            })
        );
        let e = answer(
            422,
            r#"{"detail":[{"loc":["body",0,"actor"],"msg":"Field required"}]}"#,
        );
        assert!(
            matches!(&e, Err(LrsError::Refused { reason, .. }) if reason.contains("actor") && reason.contains("Field required")),
            "{e:?}"
        );
        assert!(answer(503, "down").is_err_and(|e| e.retryable()));
        assert!(answer(429, "").is_err_and(|e| e.retryable()));
        assert!(answer(400, "bad").is_err_and(|e| !e.retryable()));
        assert!(matches!(answer(200, "<html>"), Err(LrsError::Answer(_))));
        assert!(matches!(answer(301, ""), Err(LrsError::Answer(_))));
        assert_eq!(reason(&"x".repeat(400)).chars().count(), 301);
        assert_eq!(reason("\u{1b}[31mred"), "\u{fffd}[31mred");
    }

    #[test]
    fn endpoints_are_normalised_and_checked() {
        assert_eq!(
            endpoint("http://127.0.0.1:8100/xAPI").as_deref(),
            Ok("http://127.0.0.1:8100/xAPI/")
        );
        assert_eq!(
            endpoint("https://lrs.example.com/xAPI/statements/").as_deref(),
            Ok("https://lrs.example.com/xAPI/")
        );
        assert_eq!(
            endpoint("https://lrs.example.com").as_deref(),
            Ok("https://lrs.example.com/")
        );
        for bad in [
            "lrs.example.com",
            "ftp://x/",
            "http://",
            "https://x/a?b=c",
            "",
        ] {
            assert!(endpoint(bad).is_err(), "{bad}");
        }
        assert!(is_loopback("http://127.0.0.1:8100/xAPI/"));
        assert!(is_loopback("http://127.3.4.5/"));
        assert!(is_loopback("http://localhost:1/"));
        assert!(is_loopback("http://[::1]:8100/xAPI/"));
        assert!(!is_loopback("http://10.0.0.1/"));
        assert!(!is_loopback("https://lrs.example.com/"));
    }

    #[test]
    fn retries_back_off_and_stop_at_what_will_not_get_better() {
        let mut calls = 0;
        let r: Result<(), LrsError> = with_retries(3, Duration::from_millis(1), "x", || {
            calls += 1;
            Err(LrsError::Network("refused".into()))
        });
        assert_eq!(calls, 3);
        assert!(r.is_err());
        let mut calls = 0;
        let r = with_retries(5, Duration::from_millis(1), "x", || {
            calls += 1;
            if calls < 3 {
                Err(LrsError::Server {
                    status: 503,
                    reason: "busy".into(),
                })
            } else {
                Ok(calls)
            }
        });
        assert_eq!(r, Ok(3));
        let mut calls = 0;
        let r: Result<(), LrsError> = with_retries(5, Duration::from_millis(1), "x", || {
            calls += 1;
            Err(LrsError::Unauthorized(401))
        });
        assert_eq!((calls, r), (1, Err(LrsError::Unauthorized(401))));
    }

    #[test]
    fn a_readable_config_file_with_a_password_is_refused() {
        let d = tempfile::tempdir().expect("tempdir");
        let p = d.path().join("config.yaml");
        std::fs::write(&p, "lrs:\n  password: x\n").expect("write");
        let with = Config {
            lrs: Some(super::super::config::LrsConfig {
                password: Some("x".into()),
                ..Default::default()
            }),
            ..Config::default()
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            let e = check_private(&with, Some(&p)).expect_err("refused");
            assert!(e.contains("chmod 600") && e.contains("644"), "{e}");
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
            assert!(check_private(&with, Some(&p)).is_err());
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).expect("chmod");
            assert!(check_private(&with, Some(&p)).is_ok());
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        // No password in the file: nothing to protect.
        assert!(check_private(&Config::default(), Some(&p)).is_ok());
    }
}
