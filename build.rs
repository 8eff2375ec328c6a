//! Embeds the bundled scenarios into the binary: every `scenarios/*.yaml` (except
//! `*.test.yaml`) as `BUNDLED`, and every `scenarios/*.test.yaml` as `BUNDLED_TESTS`
//! so `spin-coach test` can test the bundled scenarios from any folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    let dir = PathBuf::from("scenarios");
    embed(
        &dir,
        "bundled.rs",
        "BUNDLED",
        "Bundled scenario files",
        |n| n.ends_with(".yaml") && !n.ends_with(".test.yaml"),
    );
    embed(
        &dir,
        "bundled_tests.rs",
        "BUNDLED_TESTS",
        "Bundled scenario test files",
        |n| n.ends_with(".test.yaml"),
    );
}

/// Writes `OUT_DIR/<file>` with a `const <name>: &[(file name, contents)]` of the chosen files.
fn embed(dir: &Path, file: &str, name: &str, doc: &str, keep: fn(&str) -> bool) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| keep(n))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out =
        format!("/// {doc}: (file name, contents).\npub const {name}: &[(&str, &str)] = &[\n");
    for n in &names {
        println!("cargo:rerun-if-changed=scenarios/{n}");
        let _ = writeln!(
            out,
            "    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/scenarios/{n}\"))),"
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join(file);
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}
