//! Helpers shared by the authoring tests: writing templates, reading the guide,
//! YAML as JSON, and the JSON Schemas.
#![allow(dead_code)]

use super::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The path as text (test paths are UTF-8).
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf8 path")
}

/// Writes a template with `new` into a fresh folder and returns (folder, scenario path).
pub fn new_template(id: &str, lang: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(&["new", id, "--lang", lang, "-o", s(dir.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, dir_path(id, &o))
}

/// The scenario path that `new` reports it wrote.
pub fn dir_path(id: &str, o: &std::process::Output) -> PathBuf {
    let out = stdout(o);
    let line = out
        .lines()
        .find(|l| l.starts_with("wrote ") && l.ends_with(&format!("{id}.yaml")))
        .expect("wrote line");
    PathBuf::from(line.trim_start_matches("wrote "))
}

/// The YAML block that follows `marker` in a Markdown file.
pub fn yaml_after(doc: &str, marker: &str) -> String {
    let start = doc
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} missing"));
    let rest = &doc[start..];
    let open = rest.find("```yaml\n").expect("yaml block") + "```yaml\n".len();
    let close = rest[open..].find("```").expect("end of block");
    rest[open..open + close].to_string()
}

/// The guide's text.
pub fn guide() -> String {
    std::fs::read_to_string(root().join("docs/scenario-format.md")).expect("guide")
}

/// YAML read as JSON through the loader, with labels read as YAML 1.2 does.
pub fn yaml_value(src: &str, path: &str) -> Value {
    let mut v = spin_coach::scenario::load::parse_yaml::<Value>(src, path).expect("yaml parses");
    yaml12_labels(&mut v);
    v
}

/// Read untyped, the loader follows YAML 1.1, where a bare `N` is `false`; editors
/// (YAML 1.2) and the typed test-file reader see the label `N`. Undo that for `label`.
pub fn yaml12_labels(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "label" && *x == Value::Bool(false) {
                    *x = Value::String("N".into());
                }
                yaml12_labels(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(yaml12_labels),
        _ => {}
    }
}

/// The JSON Schema that `spin-coach <args>` prints, compiled.
pub fn schema(args: &[&str]) -> jsonschema::Validator {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("schema is JSON");
    jsonschema::validator_for(&v).expect("a valid JSON Schema")
}

/// Fails unless the YAML text matches the schema.
pub fn assert_matches(v: &jsonschema::Validator, src: &str, path: &str) {
    let value = yaml_value(src, path);
    let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{path}: {errors:?}");
}
