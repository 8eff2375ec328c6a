//! `spin-coach schema [--script | --test]`: print a JSON Schema for editors.

use std::process::ExitCode;

/// The command's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schema of script files for `play --script` instead.
    #[arg(long, conflicts_with = "test")]
    pub script: bool,
    /// The schema of scenario test files (`<id>.test.yaml`) instead.
    #[arg(long)]
    pub test: bool,
}

/// Runs the command.
///
/// # Errors
/// When the schema cannot be serialised.
pub fn run(a: &Args) -> anyhow::Result<ExitCode> {
    let schema = if a.script {
        crate::authoring::schema::script()
    } else if a.test {
        crate::authoring::schema::test_file()
    } else {
        crate::authoring::schema::scenario()
    };
    crate::outln!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(ExitCode::SUCCESS)
}
