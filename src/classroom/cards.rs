//! Theory cards: the method in short bilingual lines, for `spin-coach learn`.
//!
//! The content lives in `data/cards.yaml`, embedded in the binary and parsed once
//! through the same budgeted YAML loader as scenarios, into closed structs. A unit
//! test guarantees the embedded file parses and that every card has both languages.

use crate::lang::Text;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The embedded card file.
const CARDS_SRC: &str = include_str!("../../data/cards.yaml");

/// One theory card: a title and a few short lines, each in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id (`spin-flow`, `ffab`, …), for links and tests.
    pub id: String,
    /// The card's heading.
    pub title: Text,
    /// The card's body, one short statement per line.
    pub lines: Vec<Text>,
}

/// Parses card text; `path` names it in the error.
fn parse(src: &str, path: &str) -> Result<Vec<Card>, crate::scenario::Problem> {
    crate::scenario::load::parse_yaml(src, path)
}

/// Every theory card in teaching order, parsed once; empty (never a panic) were the
/// embedded file ever broken, which the unit test rules out.
#[must_use]
pub fn cards() -> &'static [Card] {
    static CARDS: OnceLock<Vec<Card>> = OnceLock::new();
    CARDS.get_or_init(|| parse(CARDS_SRC, "data/cards.yaml").unwrap_or_default())
}

/// The card with this id, if there is one.
#[must_use]
pub fn card(id: &str) -> Option<&'static Card> {
    cards().iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn both(t: &Text, what: &str) {
        let zh = t.zh.as_deref().unwrap_or("");
        let en = t.en.as_deref().unwrap_or("");
        assert!(!zh.trim().is_empty(), "{what}: no Chinese");
        assert!(!en.trim().is_empty(), "{what}: no English");
        assert!(t.plain.is_none(), "{what}: untagged text");
        assert!(
            crate::text::has_han(zh),
            "{what}: Chinese form has no Chinese"
        );
        assert!(
            !crate::text::has_han(en),
            "{what}: English form has Chinese"
        );
        for s in [zh, en] {
            assert_eq!(crate::text::sanitize(s), s, "{what}: control characters");
            assert!(
                crate::text::width(s) <= 96,
                "{what}: line too long for a projector: {s}"
            );
        }
    }

    #[test]
    fn embedded_cards_parse_and_every_card_has_both_languages() {
        let parsed = parse(CARDS_SRC, "data/cards.yaml");
        assert!(parsed.is_ok(), "{parsed:?}");
        let all = cards();
        let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "spin-flow",
                "implied-explicit",
                "ffab",
                "needs-kinds",
                "relationship",
                "layers",
                "segments",
                "weapons"
            ]
        );
        for c in all {
            both(&c.title, &c.id);
            assert!(
                (6..=12).contains(&c.lines.len()),
                "{}: {} lines",
                c.id,
                c.lines.len()
            );
            for (i, l) in c.lines.iter().enumerate() {
                both(l, &format!("{} line {}", c.id, i + 1));
            }
        }
    }

    #[test]
    fn cards_carry_the_method_content() {
        let text = |id: &str, lang: Lang| {
            card(id)
                .map(|c| {
                    c.lines
                        .iter()
                        .map(|l| l.get(lang))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default()
        };
        let ffab = text("ffab", Lang::Zh);
        for phrase in ["只要有", "就能", "比方说", "所以", "也就是说", "您说的对"]
        {
            assert!(ffab.contains(phrase), "ffab card lacks {phrase}");
        }
        let ffab_en = text("ffab", Lang::En);
        for phrase in [
            "Because it has",
            "it can",
            "for example",
            "so you",
            "which means you",
        ] {
            assert!(ffab_en.contains(phrase), "ffab card lacks {phrase}");
        }
        let rel = text("relationship", Lang::Zh);
        for q in ["伙伴", "供应商", "朋友", "局外人"] {
            assert!(rel.contains(q), "relationship card lacks {q}");
        }
        let seg = text("segments", Lang::En);
        for s in [
            "1,000",
            "500–999",
            "100–499",
            "10–99",
            "1–9",
            "shop-in-shop",
        ] {
            assert!(seg.contains(s), "segments card lacks {s}");
        }
        let weapons = text("weapons", Lang::Zh);
        for w in [
            "电话销售",
            "参观考察",
            "赠品",
            "测试样机",
            "登门拜访",
            "商务活动",
            "技术交流",
            "展会",
        ] {
            assert!(weapons.contains(w), "weapons card lacks {w}");
        }
        let layers = text("layers", Lang::Zh);
        for l in ["外在需求", "实际需求", "需求背后的需求"] {
            assert!(layers.contains(l), "layers card lacks {l}");
        }
        assert!(card("no-such-card").is_none());
    }

    #[test]
    fn a_broken_card_file_is_an_error_not_a_panic() {
        assert!(parse("- id: x\n  title: t\n  lines: []\n  colour: red\n", "x").is_err());
        assert!(parse("- id: x\n  title: {fr: t}\n  lines: []\n", "x").is_err());
        assert!(parse(":::", "x").is_err());
    }
}
