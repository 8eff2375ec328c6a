//! Prints the validity benchmark (see `spin_coach::validity`): scores of the scripts
//! of every kind on every scenario, question-type agreement and non-answer rates.
//!
//! `cargo run --release --example validity` prints the tables;
//! `-- --record` also writes the figures reached to `tests/validity/figures.json`,
//! which `tests/validity.rs` holds (no figure may slide back).
use spin_coach::validity::{Recorded, all_figures, regressions};
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (figures, text) = match all_figures(root) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    print!("{text}");
    let path = root.join("tests/validity/figures.json");
    let recorded: Recorded = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let worse = regressions(&figures, &recorded);
    for (name, was, now) in &worse {
        println!("slid back: {name} {was:.1} -> {now:.1}");
    }
    if std::env::args().any(|a| a == "--record") {
        let out = Recorded {
            figures: figures
                .iter()
                .map(|(k, (v, _))| (k.clone(), (v * 10.0).round() / 10.0))
                .collect(),
        };
        match serde_json::to_string_pretty(&out) {
            Ok(s) => {
                if let Err(e) = std::fs::write(&path, s + "\n") {
                    eprintln!("error: {}: {e}", path.display());
                    std::process::exit(1);
                }
                println!(
                    "recorded {} figures in {}",
                    out.figures.len(),
                    path.display()
                );
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
}
