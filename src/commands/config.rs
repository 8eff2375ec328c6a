//! The optional config file `<config dir>/config.yaml` (or `$SPIN_COACH_CONFIG`):
//! defaults for the trainer and for exports. Command-line flags override it.
//!
//! ```yaml
//! trainee: 王建军      # carried into exports (`--trainee` overrides)
//! theme: light        # dark | light | contrast | mono (`--theme` overrides; beats NO_COLOR)
//! lang: zh            # interface language: zh | en (`--lang` overrides; beats LANG)
//! projector: true     # projector layout (`--projector` / `--no-projector` override)
//! trainee_id: wang@example.com  # who the trainee is in xAPI statements (`--trainee-id` overrides)
//! account_home: https://lms.example.com  # with a trainee_id that is an LMS account, not an e-mail
//! xapi:
//!   pass_mark: 80                  # passed / failed (default 80)
//!   activity_base: "urn:spin-coach:scenario:"  # a scenario's activity id is this + its id
//!   send_typed_text: false         # `--detail turns` sends typed text only when this is true
//! lrs:
//!   endpoint: https://lrs.example.com/xAPI/   # `--lrs` overrides
//!   user: key                      # $SPIN_COACH_LRS_USER overrides
//!   password: secret               # $SPIN_COACH_LRS_PASSWORD overrides; chmod 600 this file
//!   batch: 100                     # statements per request (1–500)
//! ```

use super::args::ThemeArg;
use crate::lang::Lang;
use crate::scenario::Problem;
use serde::Deserialize;
use std::path::PathBuf;

/// The settings of the config file; every one is optional.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Trainee name for exports.
    #[serde(default)]
    pub trainee: Option<String>,
    /// Colour theme of the trainer.
    #[serde(default)]
    pub theme: Option<ThemeArg>,
    /// Interface language of the trainer.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Start the trainer in the projector layout.
    #[serde(default)]
    pub projector: Option<bool>,
    /// Who the trainee is in xAPI statements: an e-mail address (`mbox`) or an
    /// account name at `account_home`.
    #[serde(default)]
    pub trainee_id: Option<String>,
    /// The LMS whose account `trainee_id` names (an `http(s)` address).
    #[serde(default)]
    pub account_home: Option<String>,
    /// xAPI statements: pass mark, activity ids, whether typed text may be sent.
    #[serde(default)]
    pub xapi: Option<XapiConfig>,
    /// The learning record store `sync` and `class-report --lrs` talk to.
    #[serde(default)]
    pub lrs: Option<LrsConfig>,
}

/// The `xapi:` settings.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XapiConfig {
    /// The score (0–100) a meeting needs to be `passed` (default 80).
    #[serde(default)]
    pub pass_mark: Option<i64>,
    /// A scenario's activity id is this followed by the scenario id (default
    /// `urn:spin-coach:scenario:`).
    #[serde(default)]
    pub activity_base: Option<String>,
    /// Whether `--detail turns` may send what the trainee typed (default false).
    #[serde(default)]
    pub send_typed_text: Option<bool>,
}

/// The `lrs:` settings.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsConfig {
    /// The xAPI endpoint (statements are at `<endpoint>/statements`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Basic-auth user (the LRS's key).
    #[serde(default)]
    pub user: Option<String>,
    /// Basic-auth password (the LRS's secret).
    #[serde(default)]
    pub password: Option<String>,
    /// Statements per request.
    #[serde(default)]
    pub batch: Option<i64>,
}

/// Where the config file is: `$SPIN_COACH_CONFIG`, else `<config dir>/config.yaml`.
#[must_use]
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SPIN_COACH_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "spin-coach").map(|p| p.config_dir().join("config.yaml"))
}

/// Parses config text; `shown` names the file in messages.
///
/// # Errors
/// The parse problem with its line and column.
pub fn parse(src: &str, shown: &str) -> Result<Config, Problem> {
    if src.trim().is_empty() {
        return Ok(Config::default());
    }
    crate::scenario::load::parse_yaml::<Config>(src, shown)
}

/// Loads the config file; a missing file is an empty config.
///
/// # Errors
/// A file that cannot be read or parsed, located (`path:line:col: error: ...`).
pub fn load() -> Result<Config, Problem> {
    let Some(p) = path() else {
        return Ok(Config::default());
    };
    if std::fs::symlink_metadata(&p).is_err() {
        return Ok(Config::default());
    }
    let src = crate::scenario::load::read_bounded(&p, 64 * 1024)?;
    parse(&src, &p.display().to_string())
}

/// Loads the config file for a command that depends on it; a broken one is
/// printed with what to do.
///
/// None when the file is broken (the problem is then already printed).
#[must_use]
pub fn load_or_report() -> Option<Config> {
    load()
        .map_err(|p| {
            crate::errln!("{p}");
            crate::errln!(
                "spin-coach: error: the config file is broken: fix it (fields: trainee, theme, lang, projector, trainee_id, account_home, xapi, lrs) or remove it"
            );
        })
        .ok()
}

/// The trainee's name: `--trainee`, else the config file's `trainee`; a broken
/// config file is reported on stderr and ignored (used where the work must not
/// be lost, as by `play --save`).
#[must_use]
pub fn trainee(cli: Option<&str>) -> Option<String> {
    if let Some(t) = cli {
        return Some(crate::text::sanitize_line(t));
    }
    match load() {
        Ok(c) => c.trainee.map(|t| crate::text::sanitize_line(&t)),
        Err(problem) => {
            crate::errln!("{problem}");
            None
        }
    }
}

/// The trainer's settings after flags override the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainerSettings {
    /// Theme (none: the default, or mono under NO_COLOR).
    pub theme: Option<ThemeArg>,
    /// Interface language (none: from LANG / LC_ALL).
    pub lang: Option<Lang>,
    /// Projector layout.
    pub projector: bool,
}

/// Flags first, then the config file.
#[must_use]
pub fn trainer_settings(
    cfg: &Config,
    theme: Option<ThemeArg>,
    lang: Option<Lang>,
    projector: bool,
    no_projector: bool,
) -> TrainerSettings {
    TrainerSettings {
        theme: theme.or(cfg.theme),
        lang: lang.or(cfg.lang),
        projector: if no_projector {
            false
        } else {
            projector || cfg.projector.unwrap_or(false)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_parses_and_flags_override() {
        let cfg = parse(
            "trainee: 王建军\ntheme: light\nlang: zh\nprojector: true\n",
            "c.yaml",
        )
        .map_err(|p| p.to_string());
        assert_eq!(
            cfg,
            Ok(Config {
                trainee: Some("王建军".into()),
                theme: Some(ThemeArg::Light),
                lang: Some(Lang::Zh),
                projector: Some(true),
                ..Config::default()
            })
        );
        let cfg = cfg.unwrap_or_default();
        let from_file = trainer_settings(&cfg, None, None, false, false);
        assert_eq!(
            from_file,
            TrainerSettings {
                theme: Some(ThemeArg::Light),
                lang: Some(Lang::Zh),
                projector: true
            }
        );
        let flags = trainer_settings(&cfg, Some(ThemeArg::Mono), Some(Lang::En), false, true);
        assert_eq!(
            flags,
            TrainerSettings {
                theme: Some(ThemeArg::Mono),
                lang: Some(Lang::En),
                projector: false
            }
        );
        assert_eq!(
            parse("", "c.yaml").map_err(|p| p.to_string()),
            Ok(Config::default())
        );
    }

    #[test]
    fn a_bad_config_is_located() {
        let e = parse("theme: light\ncolour: red\n", "c.yaml")
            .err()
            .map(|p| p.to_string())
            .unwrap_or_default();
        assert!(
            e.starts_with("c.yaml:2:1: error: unknown field `colour`"),
            "{e}"
        );
        let e = parse("theme: purple\n", "c.yaml")
            .err()
            .map(|p| p.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("c.yaml:1:"), "{e}");
    }
}
