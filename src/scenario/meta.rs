//! What a scenario list shows (id, title, language, segment, difficulty, industry),
//! read cheaply: the top-level blocks of those six keys are cut out of the file and
//! parsed alone (by the same YAML loader), so the trainer's picker need not parse
//! and validate whole scenarios at start-up. A file whose head cannot be read this
//! way is parsed in full instead.

use super::model::{Difficulty, Scenario, Segment};
use crate::lang::{Lang, Text};
use serde::{Deserialize, Serialize};

/// A scenario's catalogue data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Scenario id.
    pub id: String,
    /// Title shown in the picker.
    pub title: Text,
    /// The customer's language.
    pub language: Lang,
    /// How demanding the customer is.
    pub difficulty: Difficulty,
    /// Company size segment.
    pub segment: Segment,
    /// The customer's industry.
    pub industry: Text,
}

/// The top-level keys [`Meta`] reads.
const KEYS: [&str; 6] = [
    "id",
    "title",
    "language",
    "difficulty",
    "segment",
    "industry",
];

impl Meta {
    /// The catalogue data of a parsed scenario.
    #[must_use]
    pub fn of(sc: &Scenario) -> Meta {
        Meta {
            id: sc.id.value.clone(),
            title: sc.title.clone(),
            language: sc.language,
            difficulty: sc.difficulty,
            segment: sc.segment,
            industry: sc.industry.clone(),
        }
    }

    /// Reads the catalogue data from a scenario's text without parsing the rest;
    /// `None` when the six keys are not plain top-level blocks (then parse it all).
    /// The text is read up to the end of the last of the six blocks (they come
    /// first in every scenario the template writes); what follows is left to the
    /// full parse when the scenario is opened.
    #[must_use]
    pub fn peek(src: &str) -> Option<Meta> {
        let mut head = String::new();
        let mut keep = false;
        let mut found = 0;
        for line in src.lines() {
            let top = !line.is_empty() && !line.starts_with([' ', '\t', '#']);
            if top {
                if line.starts_with("---") || line.starts_with("...") {
                    return None;
                }
                let key = line.split(':').next().unwrap_or("");
                keep = KEYS.contains(&key) && line[key.len()..].starts_with(':');
                if keep {
                    found += 1;
                } else if found == KEYS.len() {
                    break;
                }
            }
            if keep {
                head.push_str(line);
                head.push('\n');
            }
        }
        if found != KEYS.len() {
            return None;
        }
        super::load::parse_yaml::<Meta>(&head, "").ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick read gives exactly what the full parse gives, for every bundled
    /// scenario (a new bundled file the quick read misreads fails here).
    #[test]
    fn peek_agrees_with_the_full_parse_for_every_bundled_scenario() {
        for (name, src) in super::super::bundled_sources() {
            let (sc, _) = super::super::from_str(src, name).expect("valid");
            assert_eq!(Meta::peek(src), Some(Meta::of(&sc)), "{name}");
        }
    }

    #[test]
    fn odd_heads_are_left_to_the_full_parse() {
        let ok = "id: a\ntitle: {en: \"A: b\", zh: 甲}\nlanguage: en\ndifficulty: easy\nsegment: D\nindustry:\n  en: Food\n  zh: 食品\nbriefing: x\n";
        let m = Meta::peek(ok).expect("plain blocks");
        assert_eq!(m.industry.get(Lang::Zh), "食品");
        assert_eq!(m.title.get(Lang::En), "A: b");
        // A missing key, a document marker, an alias defined elsewhere, a bad value.
        for bad in [
            ok.replace("segment: D\n", ""),
            format!("---\n{ok}"),
            ok.replace("industry:\n  en: Food\n  zh: 食品\n", "industry: *ind\n"),
            ok.replace("segment: D", "segment: Z"),
        ] {
            assert_eq!(Meta::peek(&bad), None, "{bad}");
        }
    }
}
