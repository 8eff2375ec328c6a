//! spin-coach: a terminal trainer for consultative selling.
//!
//! The core is terminal-free and deterministic:
//! - [`scenario`]: the YAML format trainers write, loaded with budgets and validated.
//! - [`lexicon`]: bilingual cue lists and the SPIN question classifier.
//! - [`session`]: the meeting as a state machine, `Session::apply(Input) -> Step`.
//! - [`scoring`]: one small function per rule; every finding names its rule and reason.
//! - [`report`]: the end-of-meeting report and its text and JSON renderers.
//! - [`script`]: scripted turns for headless play.
//! - [`authoring`]: tools for scenario writers: template, JSON Schema, lint, tests, exploration.
//! - [`store`]: per-user history of meetings, written atomically.
//! - [`xapi`]: xAPI statements of finished meetings for a learning record store (no network).
//!
//! The front ends are the CLI ([`cli`], [`commands`]) and, with the default `tui`
//! feature, the trainer TUI (`tui`).

pub mod out;

pub mod authoring;
pub mod classroom;
pub mod cli;
pub mod commands;
pub mod lang;
pub mod lexicon;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod script;
pub mod session;
pub mod store;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
pub mod understand;
pub mod validity;
pub mod xapi;
