//! Warnings on top of validation: cues shared by two needs or two facts, cues so
//! generic they match most questions, cues written as one with full-width commas,
//! implication cues that repeat the problem cues, benefits that can never be told
//! apart, contacts named in lines any contact may say, missing translations, and
//! cues no plain question reaches (`reach.rs`).
//!
//! The loader does not run these (they cost time at start-up and never stop a file
//! from loading); `spin-coach validate` does, and `--strict` makes them errors.

use crate::scenario::{Id, Problem, Scenario, load};
use crate::text::normalize;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The generic-cue list, as written in `data/generic_cues.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenericCues {
    zh: Vec<String>,
    en: Vec<String>,
}

const GENERIC_SRC: &str = include_str!("../../data/generic_cues.yaml");

fn generic_list() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let g: GenericCues =
            load::parse_yaml(GENERIC_SRC, "data/generic_cues.yaml").unwrap_or_default();
        g.zh.iter().chain(&g.en).map(|c| normalize(c)).collect()
    })
}

/// True when a (normalised) cue is so common that it matches most questions.
#[must_use]
pub fn is_generic(cue: &str) -> bool {
    let mut chars = cue.chars();
    let single = chars.next().is_some() && chars.next().is_none();
    single || generic_list().iter().any(|g| g == cue)
}

/// True for a word the built-in classifier already reads as an implication or
/// need-payoff word (`影响`, `help`): it tells the question's type, and the session
/// picks the need by its state and the conversation's focus, so several needs may share it.
pub(super) fn type_word(cue: &str) -> bool {
    let lex = crate::lexicon::Lexicon::builtin();
    [&lex.zh, &lex.en]
        .iter()
        .any(|l| l.implication.iter().chain(&l.need_payoff).any(|w| w == cue))
}

struct Out<'a> {
    path: &'a str,
    list: Vec<Problem>,
}

impl Out<'_> {
    /// A warning at an id's line: (message, hint) in English, then in Chinese.
    fn warn(&mut self, at: &Id, en: (String, &str), zh: (String, &str)) {
        let l = at.referenced;
        self.list
            .push(Problem::warning(self.path, l.line(), l.column(), en.0, en.1).zh(zh.0, zh.1));
    }
}

/// Normalised, non-empty cues of a list, without repeats.
fn norm(list: &[String]) -> Vec<String> {
    let mut v: Vec<String> = list
        .iter()
        .map(|c| normalize(c))
        .filter(|c| !c.is_empty())
        .collect();
    v.dedup();
    v
}

/// Every cue list of the scenario with its owner and field.
fn cue_lists(s: &Scenario) -> Vec<(&Id, String, &[String])> {
    let mut v: Vec<(&Id, String, &[String])> = Vec::new();
    for f in &s.facts {
        v.push((&f.id, "cues".into(), &f.cues));
    }
    for n in &s.needs {
        v.push((&n.id, "problem.cues".into(), &n.problem.cues));
        for (i, b) in n.implications.iter().enumerate() {
            v.push((&n.id, format!("implications[{i}].cues"), &b.cues));
        }
        v.push((&n.id, "payoff.cues".into(), &n.payoff.cues));
    }
    for p in &s.products {
        for part in p.features.iter().chain(&p.functions).chain(&p.advantages) {
            v.push((&part.id, "cues".into(), &part.cues));
        }
        for b in &p.benefits {
            v.push((&b.id, "cues".into(), &b.cues));
        }
    }
    for a in &s.advances {
        v.push((&a.id, "cues".into(), &a.cues));
    }
    let lx = &s.lexicon;
    for (f, l) in [
        ("lexicon.situation", &lx.situation),
        ("lexicon.problem", &lx.problem),
        ("lexicon.implication", &lx.implication),
        ("lexicon.need_payoff", &lx.need_payoff),
    ] {
        v.push((&s.id, f.into(), l));
    }
    v
}

fn generic(s: &Scenario, out: &mut Out<'_>) {
    for (owner, field, list) in cue_lists(s) {
        for c in norm(list).iter().filter(|c| is_generic(c)) {
            let o = &owner.value;
            if c.chars().count() == 1 {
                out.warn(
                    owner,
                    (
                        format!("`{o}`: cue `{c}` in `{field}` is a single character and matches inside many unrelated words"),
                        "keep cues two characters or longer",
                    ),
                    (
                        format!("`{o}`：`{field}` 里的 cue `{c}` 只有一个字，会出现在很多不相干的词里"),
                        "cue 至少写两个字",
                    ),
                );
            } else {
                out.warn(
                    owner,
                    (
                        format!("`{o}`: cue `{c}` in `{field}` is so generic it matches most questions"),
                        "use words specific to this topic; the classifier already knows question words",
                    ),
                    (
                        format!("`{o}`：`{field}` 里的 cue `{c}` 太常见，几乎每个问题都会命中"),
                        "用这个话题特有的词；问句类型的词教练自己认得",
                    ),
                );
            }
        }
    }
}

/// Separators an author types by habit in Chinese: a cue that holds one is a list
/// written as one cue, which a question matches only word for word.
const WIDE_SEPARATORS: [char; 4] = ['，', '、', '；', '｜'];

fn wide_commas(s: &Scenario, out: &mut Out<'_>) {
    for (owner, field, list) in cue_lists(s) {
        for c in list {
            let Some(sep) = c.chars().find(|ch| WIDE_SEPARATORS.contains(ch)) else {
                continue;
            };
            let parts: Vec<&str> = c
                .split(|ch| WIDE_SEPARATORS.contains(&ch))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let fixed = parts.join(", ");
            let o = &owner.value;
            out.warn(
                owner,
                (
                    format!("`{o}`: cue `{c}` in `{field}` holds a full-width “{sep}”, so it is one cue that a question matches only word for word"),
                    &format!("separate cues with ASCII commas: [{fixed}]; see docs/scenario-format.md §5, “Warnings”"),
                ),
                (
                    format!("`{o}`：`{field}` 里的 cue `{c}` 含全角的“{sep}”，整段算作一个 cue，只有一字不差的问题才会命中"),
                    &format!("cue 之间用半角逗号分开：[{fixed}]；见 docs/scenario-format.md 第 5 节“Warnings”"),
                ),
            );
        }
    }
}

/// A cue used by more than one owner of the same kind: (cue, owners in file order).
fn shared<'a>(owners: impl Iterator<Item = (&'a Id, Vec<String>)>) -> Vec<(String, Vec<&'a Id>)> {
    let mut by_cue: BTreeMap<String, Vec<&'a Id>> = BTreeMap::new();
    for (id, cues) in owners {
        for c in cues {
            let e = by_cue.entry(c).or_default();
            if !e.iter().any(|x| x.value == id.value) {
                e.push(id);
            }
        }
    }
    by_cue
        .into_iter()
        .filter(|(c, ids)| ids.len() > 1 && !is_generic(c))
        .collect()
}

/// The cues that tell this need from the others: its problem cues, and its
/// implication and payoff cues other than the classifier's own type words.
fn need_cues(n: &crate::scenario::Need) -> Vec<String> {
    let mut v = norm(&n.problem.cues);
    let development = n.implications.iter().flat_map(|b| norm(&b.cues));
    v.extend(
        development
            .chain(norm(&n.payoff.cues))
            .filter(|c| !type_word(c)),
    );
    v
}

fn overlaps(s: &Scenario, out: &mut Out<'_>) {
    let groups = [
        (
            "needs",
            shared(s.needs.iter().map(|n| (&n.id, need_cues(n)))),
        ),
        (
            "facts",
            shared(s.facts.iter().map(|f| (&f.id, norm(&f.cues)))),
        ),
    ];
    for (kind, list) in groups {
        let kind_zh = if kind == "needs" {
            "需求"
        } else {
            "背景事实"
        };
        for (cue, ids) in list {
            let names: Vec<String> = ids.iter().map(|i| format!("`{}`", i.value)).collect();
            out.warn(
                ids[1],
                (
                    format!("cue `{cue}` matches {kind} {}", names.join(" and ")),
                    "a question with it may reach the wrong one; keep each cue to one of them",
                ),
                (
                    format!("cue `{cue}` 同时属于{kind_zh} {}", names.join(" 和 ")),
                    "带这个词的问题可能落到错的那一个上：每个 cue 只放在一处",
                ),
            );
        }
    }
    for n in &s.needs {
        let problem = norm(&n.problem.cues);
        for (i, b) in n.implications.iter().enumerate() {
            for c in norm(&b.cues).iter().filter(|c| problem.contains(c)) {
                let v = &n.id.value;
                out.warn(
                    &n.id,
                    (
                        format!("need `{v}`: cue `{c}` is in both `problem.cues` and `implications[{i}].cues`"),
                        "implication cues name consequences (cost, customers lost), problem cues name the difficulty",
                    ),
                    (
                        format!("需求 `{v}`：cue `{c}` 同时在 `problem.cues` 和 `implications[{i}].cues` 里"),
                        "暗示的 cue 写后果（成本、流失的客户），难点的 cue 写困难本身",
                    ),
                );
            }
        }
    }
}

fn benefits(s: &Scenario, out: &mut Out<'_>) {
    for p in &s.products {
        if p.benefits.is_empty() {
            let v = &p.id.value;
            out.warn(
                &p.id,
                (
                    format!("product `{v}` has no benefits: presenting it can never meet a need"),
                    "add benefits with `need: <need id>`",
                ),
                (
                    format!("产品 `{v}` 没有利益（benefits）：介绍它永远满足不了需求"),
                    "加上带 `need: <需求 id>` 的利益",
                ),
            );
        }
    }
    let all: Vec<&crate::scenario::Benefit> = s.products.iter().flat_map(|p| &p.benefits).collect();
    for b in &all {
        let own: Vec<String> = norm(&b.cues)
            .into_iter()
            .filter(|c| !is_generic(c))
            .collect();
        let others: Vec<String> = all
            .iter()
            .filter(|o| o.need.value != b.need.value)
            .flat_map(|o| norm(&o.cues))
            .collect();
        if !own.is_empty() && own.iter().all(|c| others.contains(c)) {
            let v = &b.id.value;
            out.warn(
                &b.id,
                (
                    format!("benefit `{v}` cannot be told apart: each of its cues also names a benefit of another need"),
                    "give it at least one cue of its own, in the customer's words for this need",
                ),
                (
                    format!("利益 `{v}` 无法区分：它的每个 cue 都也是别的需求的利益的 cue"),
                    "至少给它一个自己的 cue，用客户谈这个需求时的说法",
                ),
            );
        }
    }
}

/// Every lint warning for a scenario that passed validation, sorted by place.
#[must_use]
pub fn lint(s: &Scenario, path: &str) -> Vec<Problem> {
    let mut out = Out {
        path,
        list: Vec::new(),
    };
    generic(s, &mut out);
    wide_commas(s, &mut out);
    overlaps(s, &mut out);
    benefits(s, &mut out);
    out.list
        .extend(super::names::named_in_shared_lines(s, path));
    out.list.extend(super::texts::translations(s, path));
    out.list.extend(super::reach::unreachable(s, path));
    out.list.sort_by_key(|p| (p.line, p.col));
    out.list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_list_parses_and_knows_the_obvious() {
        let parsed: Result<GenericCues, _> = load::parse_yaml(GENERIC_SRC, "g");
        assert!(parsed.is_ok_and(|g| g.zh.len() > 20 && g.en.len() > 20));
        for c in ["的", "吗", "what", "the", "x", "请问", "催"] {
            assert!(is_generic(c), "{c}");
        }
        for c in ["话费", "delivery", "短号", "vans", "4g", "oa"] {
            assert!(!is_generic(c), "{c}");
        }
    }
}
