//! `spin-coach new <id> [--lang zh|en] [-o DIR]`: write a commented scenario template
//! and its test file, never overwriting an existing file.

use crate::authoring::{check_id, template};
use crate::lang::Lang;
use crate::text::sanitize_line;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Languages a template comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateLang {
    /// Chinese comments and content.
    Zh,
    /// English comments and content.
    En,
}

/// The command's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario id, also the file name: lower-case letters, digits, `-` and `_`.
    pub id: String,
    /// Language of the template's comments and content (default: from LC_ALL /
    /// LC_MESSAGES / LANG, else English); set from the global `--lang`.
    #[arg(skip)]
    pub lang: Option<TemplateLang>,
    /// Folder to write into, created if missing.
    #[arg(short = 'o', long = "out", value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

fn env_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or(Lang::En)
}

fn shown(p: &Path) -> String {
    sanitize_line(&p.display().to_string())
}

/// Creates a file that must not exist yet (atomically refused if it does).
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Runs the command: exit 0 when both files were written, 1 when a file exists or
/// cannot be written (nothing is left half-written), 2 for an invalid id.
///
/// # Errors
/// Never: problems are printed and reflected in the exit code.
pub fn run(a: &Args) -> anyhow::Result<ExitCode> {
    if let Err(why) = check_id(&a.id) {
        crate::errln!(
            "{}: error: invalid scenario id: {why} (use lower-case letters, digits, `-` and `_`, e.g. flower-shop)",
            sanitize_line(&a.id)
        );
        return Ok(ExitCode::from(2));
    }
    let lang = match a.lang {
        Some(TemplateLang::Zh) => Lang::Zh,
        Some(TemplateLang::En) => Lang::En,
        None => env_lang(),
    };
    let scenario = a.dir.join(format!("{}.yaml", a.id));
    let test = a.dir.join(format!("{}.test.yaml", a.id));
    let existing: Vec<&PathBuf> = [&scenario, &test]
        .into_iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    if !existing.is_empty() {
        for p in existing {
            crate::errln!(
                "{}: error: file already exists; nothing was written (choose another id, another folder with -o, or move the file away)",
                shown(p)
            );
        }
        return Ok(ExitCode::from(1));
    }
    if let Err(e) = std::fs::create_dir_all(&a.dir) {
        crate::errln!(
            "{}: error: cannot create folder: {e} (check the path and permissions)",
            shown(&a.dir)
        );
        return Ok(ExitCode::from(1));
    }
    let (src, tests) = template::render(&a.id, lang);
    if let Err(e) = create_new(&scenario, &src) {
        crate::errln!(
            "{}: error: cannot write: {e} (check the folder and permissions)",
            shown(&scenario)
        );
        return Ok(ExitCode::from(1));
    }
    if let Err(e) = create_new(&test, &tests) {
        // Leave nothing half-done: the scenario we just wrote goes again.
        let _ = std::fs::remove_file(&scenario);
        crate::errln!(
            "{}: error: cannot write: {e} (check the folder and permissions)",
            shown(&test)
        );
        return Ok(ExitCode::from(1));
    }
    if crate::scenario::bundled_by_id(&a.id).is_some() {
        crate::errln!(
            "{}: warning: `{}` is also a bundled scenario's id; `spin-coach play {}` picks the bundled one (give the file path instead)",
            shown(&scenario),
            a.id,
            a.id
        );
    }
    crate::outln!("wrote {}", shown(&scenario));
    crate::outln!("wrote {}", shown(&test));
    crate::outln!("next: spin-coach validate --strict {}", shown(&scenario));
    crate::outln!("      spin-coach test {}", shown(&scenario));
    crate::outln!("      spin-coach explore {}", shown(&scenario));
    Ok(ExitCode::SUCCESS)
}
