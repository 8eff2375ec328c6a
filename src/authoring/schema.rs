//! JSON Schemas of the file formats, generated from the Rust types with schemars so
//! they cannot drift: closed structs become `additionalProperties: false` and doc
//! comments become descriptions. Editors use them through the YAML language server.

use crate::lang::Text;
use crate::scenario::Scenario;
use crate::session::Pitch;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};
use std::borrow::Cow;

/// Turns a JSON object into a schema (anything else becomes the empty, permissive schema).
fn schema_of(v: Value) -> Schema {
    match v {
        Value::Object(m) => Schema::from(m),
        _ => Schema::default(),
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema_of(json!({
            "description": "Text a trainee may see: one string in the scenario's language, or a pair {zh: .., en: ..} (at least one of the two).",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "zh": {"type": "string", "description": "The Chinese text."},
                        "en": {"type": "string", "description": "The English text."}
                    },
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        }))
    }
}

impl JsonSchema for Pitch {
    fn schema_name() -> Cow<'static, str> {
        "Pitch".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let part = |d: &str| json!({"type": "string", "description": d});
        schema_of(json!({
            "description": "An FFAB presentation: one sentence using the connecting phrases, or the labelled parts.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "acknowledge": part("Showing you understood the need (\"you said …\", \"您说的对…\")."),
                        "feature": part("Feature (特点): a fact about the product."),
                        "function": part("Function (功能): what the feature does."),
                        "advantage": part("Advantage (优点): why that is better."),
                        "benefit": part("Benefit (利益): what the customer gains, in the customer's words.")
                    },
                    "additionalProperties": false
                }
            ]
        }))
    }
}

/// One turn of a script file: exactly one of `ask`, `present`, `propose` or `end`.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "only its schema is used; script.rs parses scripts"
)]
enum ScriptTurn {
    /// Ask a question: the text, or `{to: contact id, text: ..}`.
    Ask(super::testfile::AskArg),
    /// Present a capability: one sentence, or the FFAB parts.
    Present(Pitch),
    /// Propose a next step.
    Propose(String),
    /// End the meeting (`end: true`).
    End(bool),
}

fn finish(mut s: Schema, title: &str) -> Value {
    s.insert("title".into(), Value::String(title.into()));
    s.to_value()
}

/// The JSON Schema (draft 2020-12) of a scenario file.
#[must_use]
pub fn scenario() -> Value {
    finish(schemars::schema_for!(Scenario), "spin-coach scenario")
}

/// The JSON Schema of a script file for `spin-coach play --script`: a list of turns.
#[must_use]
pub fn script() -> Value {
    finish(
        schemars::schema_for!(Vec<ScriptTurn>),
        "spin-coach script (a list of turns)",
    )
}

/// The JSON Schema of a scenario test file (`<id>.test.yaml`).
#[must_use]
pub fn test_file() -> Value {
    finish(
        schemars::schema_for!(super::testfile::TestFile),
        "spin-coach scenario tests",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_structs_and_descriptions_reach_the_schema() {
        let s = scenario();
        assert_eq!(s["additionalProperties"], json!(false), "{s}");
        let need = &s["$defs"]["Need"];
        assert_eq!(need["additionalProperties"], json!(false));
        assert!(
            need["properties"]["summary"]["description"]
                .as_str()
                .is_some_and(|d| d.contains("needs board")),
            "{need}"
        );
        assert_eq!(need["properties"]["id"]["type"], "string");
        assert!(s["$defs"]["Text"]["anyOf"].is_array());
        let req = s["required"].as_array().cloned().unwrap_or_default();
        assert!(req.contains(&json!("needs")) && !req.contains(&json!("facts")));
    }

    #[test]
    fn script_schema_lists_the_turn_kinds() {
        let s = script().to_string();
        for k in ["\"ask\"", "\"present\"", "\"propose\"", "\"end\""] {
            assert!(s.contains(k), "{k} missing: {s}");
        }
    }
}
