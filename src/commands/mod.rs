//! Headless subcommands, one file each.

pub mod args;
pub mod class_report;
pub mod classify;
pub mod config;
pub mod explore;
pub mod export;
pub mod history;
pub mod list;
pub mod lrs;
pub mod new;
pub mod play;
pub mod schema;
pub mod statements;
pub mod sync;
pub mod test;
pub mod train;
pub mod r#try;
pub mod validate;

use std::process::ExitCode;

/// Longest line read from standard input; the rest of a longer line is skipped.
const MAX_LINE: usize = 64 * 1024;

/// Calls `one` on each text given, or, when none are given, on each line of standard
/// input (at most [`MAX_LINE`] bytes of each; line ends removed). `classify` and
/// `try` read their texts this way.
///
/// # Errors
/// The first error of `one`, or a read error.
pub fn each_text(
    texts: &[String],
    mut one: impl FnMut(&str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::io::{BufRead, Read};
    if !texts.is_empty() {
        return texts.iter().try_for_each(|t| one(t));
    }
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = Read::take(&mut reader, MAX_LINE as u64).read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        if buf.last() != Some(&b'\n') && n == MAX_LINE {
            // Skip the rest of an over-long line.
            let mut rest = Vec::new();
            reader.read_until(b'\n', &mut rest)?;
        }
        let line = String::from_utf8_lossy(&buf);
        one(line.trim_end_matches(['\n', '\r']))?;
    }
}

/// `spin-coach completions <shell>`: the completion script, generated from the
/// clap definitions of the command line (`cli` passes them in).
///
/// # Errors
/// Never in practice (it writes to memory, then to standard output).
pub fn completions(
    shell: clap_complete::Shell,
    mut cli: clap::Command,
) -> anyhow::Result<ExitCode> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cli, "spin-coach", &mut buf);
    crate::out::write_stdout(&buf);
    Ok(ExitCode::SUCCESS)
}

/// `spin-coach man [<command>]`: the manual page in roff, generated from the
/// clap definitions of the command line (`top`, which `cli` passes in):
/// spin-coach(1) with the options and the list of commands, or
/// spin-coach-<command>(1) with that command's arguments and options.
///
/// # Errors
/// When rendering fails.
pub fn man(top: clap::Command, command: Option<&str>) -> anyhow::Result<ExitCode> {
    let page = match command {
        None => top,
        Some(name) => {
            let Some(sub) = top.find_subcommand(name) else {
                let names: Vec<&str> = top.get_subcommands().map(clap::Command::get_name).collect();
                crate::errln!(
                    "spin-coach: error: no command `{}` (commands: {})",
                    crate::text::sanitize_line(name),
                    names.join(", ")
                );
                return Ok(ExitCode::from(2));
            };
            sub.clone()
                .name(format!("spin-coach-{}", sub.get_name()))
                .version(top.get_version().unwrap_or_default().to_string())
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    crate::out::write_stdout(&buf);
    Ok(ExitCode::SUCCESS)
}
