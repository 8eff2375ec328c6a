//! Semantic validation: every problem in a parsed scenario, not just the first.

use super::model::{Id, Scenario};
use super::params::Params;
use super::problem::Problem;
use crate::lang::Text;
use std::collections::{HashMap, HashSet};

mod people;

/// Longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 800;
/// Longest cue, in characters.
pub const MAX_CUE_CHARS: usize = 40;
/// Longest id.
pub const MAX_ID_CHARS: usize = 48;
/// Most cues in one list.
pub const MAX_CUES: usize = 80;

struct Checker<'a> {
    path: &'a str,
    out: Vec<Problem>,
}

/// A kind of id in both languages: (English, Chinese).
type Kind = (&'static str, &'static str);

const SCENARIO: Kind = ("scenario", "场景");
const CONTACT: Kind = ("contact", "联系人");
const FACT: Kind = ("fact", "背景事实");
const NEED: Kind = ("need", "需求");
const PRODUCT: Kind = ("product", "产品");
const PART: Kind = ("product part", "产品要点");
const OBJECTION: Kind = ("objection", "异议");
const ADVANCE: Kind = ("advance", "下一步");

impl Checker<'_> {
    /// An error at an id's line, in English and Chinese: (message, hint) each.
    fn at(&mut self, id: &Id, en: (String, String), zh: (String, String)) {
        let l = id.referenced;
        self.out
            .push(Problem::error(self.path, l.line(), l.column(), en.0, en.1).zh(zh.0, zh.1));
    }

    /// A warning at an id's line, in English and Chinese.
    fn warn(&mut self, id: &Id, en: (String, String), zh: (String, String)) {
        let l = id.referenced;
        self.out
            .push(Problem::warning(self.path, l.line(), l.column(), en.0, en.1).zh(zh.0, zh.1));
    }

    fn id(&mut self, id: &Id, kind: Kind, seen: &mut HashSet<String>) {
        let v = &id.value;
        let (k, kz) = kind;
        let ok = !v.is_empty()
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.at(
                id,
                (
                    format!("{k} id `{v}` is not a valid id"),
                    "use lower-case letters, digits, `-` and `_`".into(),
                ),
                (
                    format!("{kz} id `{v}` 不是有效的 id"),
                    "id 只能用小写英文字母、数字、`-` 和 `_`".into(),
                ),
            );
        } else if v.chars().count() > MAX_ID_CHARS {
            self.at(
                id,
                (
                    format!("{k} id `{v}` is longer than {MAX_ID_CHARS} characters"),
                    "shorten it".into(),
                ),
                (
                    format!("{kz} id `{v}` 超过 {MAX_ID_CHARS} 个字符"),
                    "把它改短".into(),
                ),
            );
        }
        if !seen.insert(v.clone()) {
            self.at(
                id,
                (
                    format!("duplicate {k} id `{v}`"),
                    "every id of this kind must be unique; rename one".into(),
                ),
                (
                    format!("{kz} id `{v}` 重复了"),
                    format!("每个{kz}的 id 都不能重复：把其中一个改名"),
                ),
            );
        }
    }

    fn text(&mut self, owner: &Id, field: &str, t: &Text) {
        if t.is_blank() {
            self.at(
                owner,
                (
                    format!("`{}`: `{field}` is empty", owner.value),
                    "write the text the trainee will see".into(),
                ),
                (
                    format!("`{}`：`{field}` 是空的", owner.value),
                    "写上学员会看到的文字".into(),
                ),
            );
        }
    }

    /// The length limit, for every text of the scenario.
    fn long(&mut self, owner: &Id, field: &str, t: &Text) {
        for s in t.all() {
            let n = s.chars().count();
            if n > MAX_TEXT_CHARS {
                self.at(
                    owner,
                    (
                        format!("`{field}` is {n} characters long (limit {MAX_TEXT_CHARS})"),
                        "shorten it".into(),
                    ),
                    (
                        format!("`{field}` 有 {n} 个字符（上限 {MAX_TEXT_CHARS}）"),
                        "把它改短".into(),
                    ),
                );
            }
        }
    }

    /// Length limits of a word list: each word, and how many.
    fn words(&mut self, owner: &Id, field: &str, cues: &[String]) {
        if cues.len() > MAX_CUES {
            self.at(
                owner,
                (
                    format!(
                        "`{}`: `{field}` has {} cues (limit {MAX_CUES})",
                        owner.value,
                        cues.len()
                    ),
                    "keep the most telling ones".into(),
                ),
                (
                    format!(
                        "`{}`：`{field}` 有 {} 个 cue（上限 {MAX_CUES}）",
                        owner.value,
                        cues.len()
                    ),
                    "只留最有区分度的".into(),
                ),
            );
        }
        for c in cues {
            if c.chars().count() > MAX_CUE_CHARS {
                self.at(
                    owner,
                    (
                        format!("cue `{c}` in `{field}` is longer than {MAX_CUE_CHARS} characters"),
                        "cues are short words or phrases".into(),
                    ),
                    (
                        format!("`{field}` 里的 cue `{c}` 超过 {MAX_CUE_CHARS} 个字符"),
                        "cue 是短词或短语".into(),
                    ),
                );
            }
        }
    }

    fn cues(&mut self, owner: &Id, field: &str, cues: &[String]) {
        if cues.iter().all(|c| c.trim().is_empty()) {
            self.at(
                owner,
                (
                    format!("`{}`: `{field}` has no cues", owner.value),
                    "list a few words a trainee would use, e.g. [延误, delay]".into(),
                ),
                (
                    format!("`{}`：`{field}` 没有 cue", owner.value),
                    "列几个学员会用的词，如 [延误, delay]".into(),
                ),
            );
        }
        if cues.len() > 1 && cues.iter().any(|c| c.trim().is_empty()) {
            self.at(
                owner,
                (
                    format!("`{}`: `{field}` has a blank cue", owner.value),
                    "remove it".into(),
                ),
                (
                    format!("`{}`：`{field}` 里有一个空的 cue", owner.value),
                    "删掉它".into(),
                ),
            );
        }
        self.words(owner, field, cues);
    }

    /// `known_by` names contacts, and includes the one who answers when both are given.
    fn knowledge(
        &mut self,
        owner: &Id,
        contact: Option<&Id>,
        known_by: &[Id],
        contacts: &HashSet<String>,
    ) {
        for k in known_by {
            self.reference(k, CONTACT, contacts);
        }
        if let Some(who) = contact
            && !known_by.is_empty()
            && !known_by.iter().any(|k| k.value == who.value)
        {
            self.at(
                who,
                (
                    format!(
                        "`{}` answers about `{}` but is not in its `known_by`",
                        who.value, owner.value
                    ),
                    "add the contact to `known_by`, or answer with one who knows".into(),
                ),
                (
                    format!(
                        "`{}` 回答关于 `{}` 的问题，却不在它的 `known_by` 里",
                        who.value, owner.value
                    ),
                    "把这个联系人加进 `known_by`，或改由知道的人回答".into(),
                ),
            );
        }
    }

    fn reference(&mut self, r: &Id, kind: Kind, known: &HashSet<String>) {
        if !known.contains(&r.value) {
            let mut names: Vec<&String> = known.iter().collect();
            names.sort();
            let list = names
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let (k, kz) = kind;
            self.at(
                r,
                (
                    format!("unknown {k} `{}`", r.value),
                    format!("known {k}s: {list}"),
                ),
                (
                    format!("没有 id 为 `{}` 的{kz}", r.value),
                    format!("已有的{kz}：{list}（id 要和定义处一字不差）"),
                ),
            );
        }
    }
}

/// The ids a condition (`when`) may name.
struct Known<'a> {
    needs: &'a HashSet<String>,
    facts: &'a HashSet<String>,
    advances: &'a HashSet<String>,
}

impl Checker<'_> {
    /// A condition names what exists and says something.
    fn when(&mut self, owner: &Id, field: &str, w: &super::model::When, k: &Known<'_>) {
        if w.is_empty() {
            self.at(
                owner,
                (
                    format!("`{}`: `{field}` gives no condition", owner.value),
                    "give one or more of `turn`, `need` (with `state`), `fact`, `advance` (guide §3a)".into(),
                ),
                (
                    format!("`{}`：`{field}` 没有写条件", owner.value),
                    "写上 `turn`、`need`（可加 `state`）、`fact`、`advance` 中的一个或几个（指南 §3a）".into(),
                ),
            );
        }
        if w.state.is_some() && w.need.is_none() {
            self.at(
                owner,
                (
                    format!("`{}`: `{field}` has a `state` but no `need`", owner.value),
                    "name the need whose state it waits for: `need: <id>`".into(),
                ),
                (
                    format!("`{}`：`{field}` 写了 `state` 却没写 `need`", owner.value),
                    "写上要等哪个需求到这个状态：`need: <id>`".into(),
                ),
            );
        }
        if let Some(r) = &w.need {
            self.reference(r, NEED, k.needs);
        }
        if let Some(r) = &w.fact {
            self.reference(r, FACT, k.facts);
        }
        if let Some(r) = &w.advance {
            self.reference(r, ADVANCE, k.advances);
        }
    }

    /// Who is in the room: moods, comings and goings, and replies that change;
    /// and the scenario a follow-up continues.
    fn room(&mut self, s: &Scenario, k: &Known<'_>) {
        if let Some(f) = &s.follows {
            if f.value == s.id.value {
                self.at(
                    f,
                    (
                        format!("scenario `{}` follows itself", f.value),
                        "`follows` names the scenario of the earlier meeting".into(),
                    ),
                    (
                        format!("场景 `{}` 的 `follows` 指向了自己", f.value),
                        "`follows` 写前一次会谈所用场景的 id".into(),
                    ),
                );
            } else {
                let mut seen = HashSet::new();
                self.id(f, SCENARIO, &mut seen);
            }
        }
        for ct in &s.customer.contacts {
            for (name, m) in [("joins", &ct.joins), ("leaves", &ct.leaves)] {
                if let Some(m) = m {
                    self.when(&ct.id, &format!("{name}.when"), &m.when, k);
                    if let Some(t) = &m.says {
                        self.text(&ct.id, &format!("{name}.says"), t);
                    }
                }
            }
            if ct.patience == Some(0) {
                self.at(
                    &ct.id,
                    (
                        format!("contact `{}` has a patience of 0: they would leave before the meeting starts", ct.id.value),
                        "give 1 or more, or leave `patience` out".into(),
                    ),
                    (
                        format!("联系人 `{}` 的耐心是 0：会谈还没开始就会离开", ct.id.value),
                        "写 1 或更大的数，或者不写 `patience`".into(),
                    ),
                );
            }
        }
        if !s.customer.contacts.is_empty() && s.customer.contacts.iter().all(|c| c.joins.is_some())
        {
            self.at(
                &s.id,
                (
                    "every contact `joins` later: nobody is in the room when the meeting opens"
                        .into(),
                    "leave `joins` out for at least one contact".into(),
                ),
                (
                    "每个联系人都是后来才加入（`joins`）：会谈开始时屋里没有人".into(),
                    "至少有一个联系人不写 `joins`".into(),
                ),
            );
        }
        for f in &s.facts {
            for (i, cs) in f.cases.iter().enumerate() {
                self.when(&f.id, &format!("cases[{i}].when"), &cs.when, k);
                self.text(&f.id, &format!("cases[{i}].reply"), &cs.reply);
            }
        }
        for n in &s.needs {
            let beats = std::iter::once(("problem".to_string(), &n.problem))
                .chain(
                    n.implications
                        .iter()
                        .enumerate()
                        .map(|(i, b)| (format!("implications[{i}]"), b)),
                )
                .chain(std::iter::once(("payoff".to_string(), &n.payoff)));
            for (name, b) in beats {
                for (i, cs) in b.cases.iter().enumerate() {
                    self.when(&n.id, &format!("{name}.cases[{i}].when"), &cs.when, k);
                    self.text(&n.id, &format!("{name}.cases[{i}].reply"), &cs.reply);
                }
            }
        }
    }
}

/// Checks a parsed scenario and returns every problem found (errors and warnings).
#[must_use]
pub fn validate(s: &Scenario, path: &str) -> Vec<Problem> {
    let mut c = Checker {
        path,
        out: Vec::new(),
    };
    let params = Params::of(s);
    let mut seen = HashSet::new();
    c.id(&s.id, SCENARIO, &mut seen);
    for (f, t) in [
        ("title", &s.title),
        ("industry", &s.industry),
        ("briefing", &s.briefing),
        ("objective", &s.objective),
    ] {
        c.text(&s.id, f, t);
    }
    // Every text the trainee may see has the same length limit.
    for r in crate::authoring::texts::all(s) {
        c.long(r.owner, &r.field, r.text);
    }
    let lx = &s.lexicon;
    for (f, list) in [
        ("lexicon.situation", &lx.situation),
        ("lexicon.problem", &lx.problem),
        ("lexicon.implication", &lx.implication),
        ("lexicon.need_payoff", &lx.need_payoff),
    ] {
        c.words(&s.id, f, list);
    }
    if let Some(n) = s.customer.employees {
        let (lo, hi) = s.segment.employees();
        if n < lo || n > hi {
            let seg = s.segment.code();
            c.warn(
                &s.id,
                (
                    format!("{n} employees does not fit segment {seg}"),
                    "A ≥1000, B 500–999, C 100–499, D 10–99, E 1–9".into(),
                ),
                (
                    format!("{n} 名员工和客户分群 {seg} 对不上"),
                    "A ≥1000，B 500–999，C 100–499，D 10–99，E 1–9".into(),
                ),
            );
        }
    }
    let mut contacts = HashSet::new();
    if s.customer.contacts.is_empty() {
        c.at(
            &s.id,
            (
                "the customer has no contacts".into(),
                "add at least one contact under customer.contacts".into(),
            ),
            (
                "客户没有联系人".into(),
                "在 customer.contacts 下至少加一个联系人".into(),
            ),
        );
    }
    if s.customer.institutional_needs.is_empty() {
        c.at(
            &s.id,
            (
                "the customer has no institutional needs".into(),
                "list financial, performance or image needs".into(),
            ),
            (
                "客户没有组织需求".into(),
                "列出 financial、performance 或 image 需求".into(),
            ),
        );
    }
    let mut personal: HashMap<String, Vec<super::model::Personal>> = HashMap::new();
    for ct in &s.customer.contacts {
        c.id(&ct.id, CONTACT, &mut contacts);
        c.text(&ct.id, "name", &ct.name);
        personal.insert(ct.id.value.clone(), ct.personal_needs.clone());
    }
    let mut facts = HashSet::new();
    for f in &s.facts {
        c.id(&f.id, FACT, &mut facts);
        c.cues(&f.id, "cues", &f.cues);
        c.text(&f.id, "reply", &f.reply);
        for v in &f.variants {
            c.text(&f.id, "variants", v);
        }
        if let Some(r) = &f.contact {
            c.reference(r, CONTACT, &contacts);
        }
        c.knowledge(&f.id, f.contact.as_ref(), &f.known_by, &contacts);
    }
    let mut needs = HashSet::new();
    if s.needs.is_empty() {
        c.at(
            &s.id,
            (
                "the scenario has no needs".into(),
                "add at least one need under `needs`".into(),
            ),
            ("场景没有需求".into(), "在 `needs` 下至少加一个需求".into()),
        );
    }
    for n in &s.needs {
        c.id(&n.id, NEED, &mut needs);
    }
    let mut parts = HashSet::new();
    let mut products = HashSet::new();
    let mut benefited = HashSet::new();
    for p in &s.products {
        c.id(&p.id, PRODUCT, &mut products);
        c.text(&p.id, "name", &p.name);
        for part in p.features.iter().chain(&p.functions).chain(&p.advantages) {
            c.id(&part.id, PART, &mut parts);
            c.text(&part.id, "text", &part.text);
            c.cues(&part.id, "cues", &part.cues);
        }
        for b in &p.benefits {
            c.id(&b.id, PART, &mut parts);
            c.text(&b.id, "text", &b.text);
            c.cues(&b.id, "cues", &b.cues);
            c.reference(&b.need, NEED, &needs);
            benefited.insert(b.need.value.clone());
        }
        if p.features.is_empty()
            && p.functions.is_empty()
            && p.advantages.is_empty()
            && p.benefits.is_empty()
        {
            let id = &p.id.value;
            c.at(
                &p.id,
                (
                    format!("product `{id}` has no features, functions, advantages or benefits"),
                    "describe it in FFAB parts".into(),
                ),
                (
                    format!("产品 `{id}` 没有特点、功能、优势或利益"),
                    "按 FFAB 分部分描述它".into(),
                ),
            );
        }
    }
    if s.products.is_empty() {
        c.at(
            &s.id,
            (
                "the scenario has no products".into(),
                "add at least one product with benefits".into(),
            ),
            (
                "场景没有产品".into(),
                "至少加一个带利益（benefits）的产品".into(),
            ),
        );
    }
    for n in &s.needs {
        let id = &n.id;
        c.text(id, "summary", &n.summary);
        c.cues(id, "problem.cues", &n.problem.cues);
        c.text(id, "problem.reply", &n.problem.reply);
        c.cues(id, "payoff.cues", &n.payoff.cues);
        c.text(id, "payoff.reply", &n.payoff.reply);
        for (i, imp) in n.implications.iter().enumerate() {
            c.cues(id, &format!("implications[{i}].cues"), &imp.cues);
            c.text(id, &format!("implications[{i}].reply"), &imp.reply);
        }
        let need_imps = params.threshold(n);
        let has = n.implications.len();
        if has < usize::from(need_imps) {
            let v = &id.value;
            c.at(
                id,
                (
                    format!("need `{v}` can never become explicit: it needs {need_imps} implication(s) but has {has}"),
                    "add implications or lower `threshold`".into(),
                ),
                (
                    format!("需求 `{v}` 永远无法变成明确需求：需要 {need_imps} 个暗示（implications），却只有 {has} 个"),
                    "增加暗示，或调低 `threshold`".into(),
                ),
            );
        }
        if !benefited.contains(&id.value) {
            let v = &id.value;
            c.at(
                id,
                (
                    format!("need `{v}` has no benefit that meets it"),
                    "add a benefit with `need: <this id>` to a product".into(),
                ),
                (
                    format!("需求 `{v}` 没有能满足它的利益"),
                    "给某个产品加一条带 `need: <这个 id>` 的利益（benefit）".into(),
                ),
            );
        }
        if let Some(r) = &n.contact {
            c.reference(r, CONTACT, &contacts);
        }
        c.knowledge(id, n.contact.as_ref(), &n.known_by, &contacts);
        if let Some(b) = n.layers.as_ref().and_then(|l| l.behind.as_ref()) {
            c.reference(&b.contact, CONTACT, &contacts);
            if let Some(list) = personal.get(&b.contact.value)
                && !list.contains(&b.need)
            {
                let (who, need) = (&b.contact.value, b.need.code());
                c.at(
                    &b.contact,
                    (
                        format!("contact `{who}` does not list the personal need `{need}`"),
                        "add it to the contact's personal_needs".into(),
                    ),
                    (
                        format!("联系人 `{who}` 的个人需求里没有 `{need}`"),
                        "把它加到这个联系人的 personal_needs 里".into(),
                    ),
                );
            }
        }
    }
    let mut objections = HashSet::new();
    for o in &s.objections {
        c.id(&o.id, OBJECTION, &mut objections);
        c.text(&o.id, "reply", &o.reply);
        if let Some(r) = &o.need {
            c.reference(r, NEED, &needs);
        }
        if let Some(h) = &o.handling {
            c.text(&o.id, "handling.clarify", &h.clarify);
            c.text(&o.id, "handling.resolved", &h.resolved);
            if let Some(r) = &h.need {
                c.reference(r, NEED, &needs);
            }
        }
    }
    let mut advances = HashSet::new();
    for a in &s.advances {
        c.id(&a.id, ADVANCE, &mut advances);
        c.cues(&a.id, "cues", &a.cues);
        c.text(&a.id, "accept", &a.accept);
        c.text(&a.id, "decline", &a.decline);
        for r in &a.requires.needs {
            c.reference(r, NEED, &needs);
        }
        let total = s.needs.len();
        let wanted = usize::from(a.requires.explicit.unwrap_or(0))
            .max(usize::from(a.requires.met.unwrap_or(0)));
        if wanted > total {
            let v = &a.id.value;
            c.at(
                &a.id,
                (
                    format!("advance `{v}` wants {wanted} needs but the scenario has {total}"),
                    "lower `requires`".into(),
                ),
                (
                    format!("下一步 `{v}` 要求 {wanted} 个需求，场景却只有 {total} 个"),
                    "调低 `requires`".into(),
                ),
            );
        }
    }
    if let Some(t) = &s.opening {
        c.text(&s.id, "opening", t);
    }
    if let Some(n) = s
        .needs
        .iter()
        .find(|n| n.starts == super::model::NeedStart::Implied)
        && s.opening.is_none()
    {
        c.warn(
            &n.id,
            (
                format!(
                    "need `{}` starts implied but the customer says nothing to open the meeting",
                    n.id.value
                ),
                "add `opening:` with the complaint the customer opens with".into(),
            ),
            (
                format!("需求 `{}` 一开始就是隐含需求，但客户没有开场白", n.id.value),
                "加上 `opening:`，写客户一开口的抱怨".into(),
            ),
        );
    }
    if !s.advances.is_empty()
        && s.advances
            .iter()
            .all(|a| a.weight == super::model::Weight::Continuation)
    {
        c.warn(
            &s.id,
            (
                "every advance is a continuation: the trainee can never gain a real advance".into(),
                "add a next step that moves the sale (a trial, a site visit) with the default `weight: advance`".into(),
            ),
            (
                "所有下一步都只是保持联系：学员永远得不到真正的推进".into(),
                "加一个真正推进销售的下一步（试用、参观考察），`weight` 用默认的 `advance`".into(),
            ),
        );
    }
    for ct in &s.customer.contacts {
        if let Some(t) = &ct.redirect {
            c.text(&ct.id, "redirect", t);
        }
    }
    let known = Known {
        needs: &needs,
        facts: &facts,
        advances: &advances,
    };
    c.room(s, &known);
    if s.advances.is_empty() {
        c.warn(
            &s.id,
            (
                "the scenario has no advances".into(),
                "add next steps the customer may accept, e.g. a trial or a site visit".into(),
            ),
            (
                "场景没有下一步（advances）".into(),
                "加上客户可能接受的下一步，比如试用或上门考察".into(),
            ),
        );
    }
    for (k, sg) in s.suggestions.iter().enumerate() {
        let n = sg.options.len();
        if !(2..=4).contains(&n) {
            c.at(
                &s.id,
                (
                    format!("suggestions[{k}] has {n} options"),
                    "give two to four options, lettered A–D in order".into(),
                ),
                (
                    format!("suggestions[{k}] 有 {n} 个选项"),
                    "给两到四个选项，依次标为 A–D".into(),
                ),
            );
        }
        for (j, o) in sg.options.iter().enumerate() {
            let kinds = usize::from(o.ask.is_some())
                + usize::from(o.present.is_some())
                + usize::from(o.propose.is_some());
            if kinds != 1 {
                c.at(
                    &s.id,
                    (
                        format!("suggestions[{k}].options[{j}] needs exactly one of ask, present or propose"),
                        "write e.g. `- ask: 请问……`".into(),
                    ),
                    (
                        format!("suggestions[{k}].options[{j}] 只能写 ask、present、propose 中的一个"),
                        "例如写 `- ask: 请问……`".into(),
                    ),
                );
            }
            for t in [&o.ask, &o.present, &o.propose].into_iter().flatten() {
                c.text(&s.id, &format!("suggestions[{k}].options[{j}]"), t);
            }
        }
    }
    let linked = s
        .needs
        .iter()
        .any(|n| n.layers.as_ref().is_some_and(|l| l.behind.is_some()));
    if !linked {
        c.warn(
            &s.id,
            (
                "no need is linked to a contact's personal need".into(),
                "add `layers.behind` to a need so the relationship can reach partner".into(),
            ),
            (
                "没有哪个需求关联到联系人的个人需求".into(),
                "给某个需求加上 `layers.behind`，关系才可能达到“伙伴”".into(),
            ),
        );
    }
    people::check(&mut c, s, &contacts, &needs);
    c.out.sort_by_key(|p| (p.line, p.col));
    c.out
}
