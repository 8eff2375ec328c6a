//! The command-line argument enums the commands take (output format, language,
//! theme). They live here, below `cli.rs`, so that the commands never import the
//! command line that dispatches to them.

use clap::ValueEnum;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
}

/// Colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeArg {
    /// Dark background (default).
    Dark,
    /// High-contrast light theme for projectors.
    Light,
    /// High-contrast dark theme.
    Contrast,
    /// No colour.
    Mono,
}

/// Language choice for classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Detect per utterance.
    Auto,
    /// Chinese.
    Zh,
    /// English.
    En,
}

/// How much of each meeting xAPI statements carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Detail {
    /// The meeting's result and figures only (never what the trainee typed).
    #[default]
    Meetings,
    /// Also one statement per turn with the typed text (the config file must allow it too).
    Turns,
}
