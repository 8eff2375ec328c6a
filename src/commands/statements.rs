//! What `export --format xapi`, `sync` and `class-report --lrs` share: the xAPI
//! settings from the flags and the config file, the scenarios' catalogue data
//! (both titles, the segment), and messages in the interface language.

use super::args::Detail;
use super::config::Config;
use crate::lang::Lang;
use crate::scenario::meta::Meta;
use crate::xapi::{Actor, DEFAULT_ACTIVITY_BASE, DEFAULT_PASS_MARK, Settings};
use std::collections::HashMap;
use std::path::PathBuf;

/// A message in the interface language (`--lang`, the config file, the locale).
#[must_use]
pub fn say(zh: &str, en: &str) -> String {
    match crate::scenario::problem::message_lang() {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The xAPI settings: the actor from `--trainee` / `--trainee-id` or the config
/// file, the pass mark and activity base from the config file, and typed text
/// only when `--detail turns` and the config's `send_typed_text: true` both ask.
///
/// # Errors
/// The message to print (exit 2): a missing or malformed trainee id, a pass
/// mark outside 0–100, an activity base that is not an absolute IRI, or
/// `--detail turns` without the config switch.
pub fn settings(
    cfg: &Config,
    trainee: Option<&str>,
    trainee_id: Option<&str>,
    detail: Detail,
) -> Result<Settings, String> {
    let lang = crate::scenario::problem::message_lang();
    let name = trainee.map(str::to_string).or_else(|| cfg.trainee.clone());
    let actor = Actor::new(
        name.as_deref(),
        trainee_id.or(cfg.trainee_id.as_deref()),
        cfg.account_home.as_deref(),
    )
    .map_err(|e| e.message(lang))?;
    let x = cfg.xapi.clone().unwrap_or_default();
    let pass_mark = match x.pass_mark {
        None => DEFAULT_PASS_MARK,
        Some(m) => match i32::try_from(m) {
            Ok(m) if (0..=100).contains(&m) => m,
            _ => {
                return Err(say(
                    &format!("配置文件中的 `xapi: pass_mark: {m}` 不在 0–100 之间（默认 80）"),
                    &format!(
                        "`xapi: pass_mark: {m}` in the config file is outside 0–100 (the default is 80)"
                    ),
                ));
            }
        },
    };
    let activity_base = x
        .activity_base
        .unwrap_or_else(|| DEFAULT_ACTIVITY_BASE.to_string());
    if !crate::xapi::check::is_absolute_iri(&activity_base) {
        let shown = crate::text::sanitize_line(&activity_base);
        return Err(say(
            &format!(
                "配置文件中的 `xapi: activity_base: {shown}` 不是绝对 IRI（应写成 https://academy.example.com/spin/ 或 urn:spin-coach:scenario:）"
            ),
            &format!(
                "`xapi: activity_base: {shown}` in the config file is not an absolute IRI (write it as https://academy.example.com/spin/ or urn:spin-coach:scenario:)"
            ),
        ));
    }
    let typed_text = match detail {
        Detail::Meetings => false,
        Detail::Turns if x.send_typed_text == Some(true) => true,
        Detail::Turns => {
            return Err(say(
                "--detail turns 会把学员输入的原文发出去；只有配置文件也允许时才会发送（在配置文件中写 `xapi: {send_typed_text: true}`）",
                "--detail turns sends what the trainee typed, so the config file must allow it too (`xapi: {send_typed_text: true}`)",
            ));
        }
    };
    Ok(Settings {
        actor,
        pass_mark,
        activity_base,
        typed_text,
    })
}

/// The catalogue data of every scenario by id: the bundled ones, then the files
/// of the user's folders (the first of an id wins). A file that cannot be read
/// is left out quietly: its meetings' statements then carry the title the
/// meeting saved and no segment.
pub type Catalogue = HashMap<String, Meta>;

/// Builds the [`Catalogue`] (the bundled scenarios and the folders `extra`).
#[must_use]
pub fn catalogue(extra: &[PathBuf]) -> Catalogue {
    let mut out = Catalogue::new();
    let mut add = |m: Meta| {
        out.entry(m.id.clone()).or_insert(m);
    };
    for (name, src) in crate::scenario::bundled_sources() {
        match Meta::peek(src) {
            Some(m) => add(m),
            None => {
                if let Ok((sc, _)) = crate::scenario::from_str(src, name) {
                    add(Meta::of(&sc));
                }
            }
        }
    }
    for d in extra {
        for f in crate::scenario::yaml_files(d) {
            let Ok(src) =
                crate::scenario::load::read_bounded(&f, crate::scenario::load::MAX_FILE_BYTES)
            else {
                continue;
            };
            if let Some(m) = Meta::peek(&src) {
                add(m);
            } else if let Ok(l) = crate::scenario::load_source(&f, src) {
                add(Meta::of(&l.scenario));
            }
        }
    }
    out
}
