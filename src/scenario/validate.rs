//! Semantic validation: every problem in a parsed scenario, not just the first.

use super::model::{Id, Scenario};
use super::params::Params;
use super::problem::Problem;
use crate::lang::Text;
use std::collections::{HashMap, HashSet};

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

impl Checker<'_> {
    fn at(&mut self, id: &Id, message: String, hint: &str) {
        let l = id.referenced;
        self.out.push(Problem::error(
            self.path,
            l.line(),
            l.column(),
            message,
            hint,
        ));
    }

    fn warn(&mut self, id: &Id, message: String, hint: &str) {
        let l = id.referenced;
        self.out.push(Problem::warning(
            self.path,
            l.line(),
            l.column(),
            message,
            hint,
        ));
    }

    fn id(&mut self, id: &Id, kind: &str, seen: &mut HashSet<String>) {
        let v = &id.value;
        let ok = !v.is_empty()
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.at(
                id,
                format!("{kind} id `{v}` is not a valid id"),
                "use lower-case letters, digits, `-` and `_`",
            );
        } else if v.chars().count() > MAX_ID_CHARS {
            self.at(
                id,
                format!("{kind} id `{v}` is longer than {MAX_ID_CHARS} characters"),
                "shorten it",
            );
        }
        if !seen.insert(v.clone()) {
            self.at(
                id,
                format!("duplicate {kind} id `{v}`"),
                "every id of this kind must be unique; rename one",
            );
        }
    }

    fn text(&mut self, owner: &Id, field: &str, t: &Text) {
        if t.is_blank() {
            self.at(
                owner,
                format!("`{}`: `{field}` is empty", owner.value),
                "write the text the trainee will see",
            );
        }
        self.long(owner, field, t);
    }

    /// Only the length limit, for texts that may be empty.
    fn long(&mut self, owner: &Id, field: &str, t: &Text) {
        for s in t.all() {
            let n = s.chars().count();
            if n > MAX_TEXT_CHARS {
                self.at(
                    owner,
                    format!(
                        "`{}`: `{field}` is {n} characters long (limit {MAX_TEXT_CHARS})",
                        owner.value
                    ),
                    "shorten it",
                );
            }
        }
    }

    fn cues(&mut self, owner: &Id, field: &str, cues: &[String]) {
        if cues.iter().all(|c| c.trim().is_empty()) {
            self.at(
                owner,
                format!("`{}`: `{field}` has no cues", owner.value),
                "list a few words a trainee would use, e.g. [延误, delay]",
            );
        }
        if cues.len() > MAX_CUES {
            self.at(
                owner,
                format!(
                    "`{}`: `{field}` has {} cues (limit {MAX_CUES})",
                    owner.value,
                    cues.len()
                ),
                "keep the most telling ones",
            );
        }
        for c in cues {
            if c.trim().is_empty() && cues.len() > 1 {
                self.at(
                    owner,
                    format!("`{}`: `{field}` has a blank cue", owner.value),
                    "remove it",
                );
            }
            if c.chars().count() > MAX_CUE_CHARS {
                self.at(
                    owner,
                    format!("cue `{c}` in `{field}` is longer than {MAX_CUE_CHARS} characters"),
                    "cues are short words or phrases",
                );
            }
        }
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
            self.reference(k, "contact", contacts);
        }
        if let Some(who) = contact
            && !known_by.is_empty()
            && !known_by.iter().any(|k| k.value == who.value)
        {
            self.at(
                who,
                format!(
                    "`{}` answers about `{}` but is not in its `known_by`",
                    who.value, owner.value
                ),
                "add the contact to `known_by`, or answer with one who knows",
            );
        }
    }

    fn reference(&mut self, r: &Id, kind: &str, known: &HashSet<String>) {
        if !known.contains(&r.value) {
            let mut names: Vec<&String> = known.iter().collect();
            names.sort();
            let list = names
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            self.at(
                r,
                format!("unknown {kind} `{}`", r.value),
                &format!("known {kind}s: {list}"),
            );
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
    c.id(&s.id, "scenario", &mut seen);
    for (f, t) in [
        ("title", &s.title),
        ("industry", &s.industry),
        ("briefing", &s.briefing),
        ("objective", &s.objective),
    ] {
        c.text(&s.id, f, t);
    }
    c.long(&s.id, "customer.company", &s.customer.company);
    if let Some(t) = &s.customer.about {
        c.long(&s.id, "customer.about", t);
    }
    for (i, n) in s.customer.institutional_needs.iter().enumerate() {
        c.long(
            &s.id,
            &format!("customer.institutional_needs[{i}].note"),
            &n.note,
        );
    }
    for (k, list) in [
        ("off_topic", &s.fallbacks.off_topic),
        ("unclear", &s.fallbacks.unclear),
        ("repeated", &s.fallbacks.repeated),
        ("not_yet", &s.fallbacks.not_yet),
        ("leave", &s.fallbacks.leave),
    ] {
        for (i, t) in list.iter().enumerate() {
            c.long(&s.id, &format!("fallbacks.{k}[{i}]"), t);
        }
    }
    if let Some(n) = s.customer.employees {
        let (lo, hi) = s.segment.employees();
        if n < lo || n > hi {
            c.warn(
                &s.id,
                format!("{n} employees does not fit segment {}", s.segment.code()),
                "A ≥1000, B 500–999, C 100–499, D 10–99, E 1–9",
            );
        }
    }
    let mut contacts = HashSet::new();
    if s.customer.contacts.is_empty() {
        c.at(
            &s.id,
            "the customer has no contacts".into(),
            "add at least one contact under customer.contacts",
        );
    }
    if s.customer.institutional_needs.is_empty() {
        c.at(
            &s.id,
            "the customer has no institutional needs".into(),
            "list financial, performance or image needs",
        );
    }
    let mut personal: HashMap<String, Vec<super::model::Personal>> = HashMap::new();
    for ct in &s.customer.contacts {
        c.id(&ct.id, "contact", &mut contacts);
        c.text(&ct.id, "name", &ct.name);
        c.long(&ct.id, "title", &ct.title);
        personal.insert(ct.id.value.clone(), ct.personal_needs.clone());
    }
    let mut facts = HashSet::new();
    for f in &s.facts {
        c.id(&f.id, "fact", &mut facts);
        c.long(&f.id, "topic", &f.topic);
        c.cues(&f.id, "cues", &f.cues);
        c.text(&f.id, "reply", &f.reply);
        for v in &f.variants {
            c.text(&f.id, "variants", v);
        }
        if let Some(r) = &f.contact {
            c.reference(r, "contact", &contacts);
        }
        c.knowledge(&f.id, f.contact.as_ref(), &f.known_by, &contacts);
    }
    let mut needs = HashSet::new();
    if s.needs.is_empty() {
        c.at(
            &s.id,
            "the scenario has no needs".into(),
            "add at least one need under `needs`",
        );
    }
    for n in &s.needs {
        c.id(&n.id, "need", &mut needs);
    }
    let mut parts = HashSet::new();
    let mut products = HashSet::new();
    let mut benefited = HashSet::new();
    for p in &s.products {
        c.id(&p.id, "product", &mut products);
        c.text(&p.id, "name", &p.name);
        for part in p.features.iter().chain(&p.functions).chain(&p.advantages) {
            c.id(&part.id, "product part", &mut parts);
            c.text(&part.id, "text", &part.text);
            c.cues(&part.id, "cues", &part.cues);
        }
        for b in &p.benefits {
            c.id(&b.id, "product part", &mut parts);
            c.text(&b.id, "text", &b.text);
            c.cues(&b.id, "cues", &b.cues);
            c.reference(&b.need, "need", &needs);
            benefited.insert(b.need.value.clone());
        }
        if p.features.is_empty()
            && p.functions.is_empty()
            && p.advantages.is_empty()
            && p.benefits.is_empty()
        {
            c.at(
                &p.id,
                format!(
                    "product `{}` has no features, functions, advantages or benefits",
                    p.id.value
                ),
                "describe it in FFAB parts",
            );
        }
    }
    if s.products.is_empty() {
        c.at(
            &s.id,
            "the scenario has no products".into(),
            "add at least one product with benefits",
        );
    }
    for n in &s.needs {
        let id = &n.id;
        c.text(id, "summary", &n.summary);
        if let Some(t) = &n.satisfied {
            c.long(id, "satisfied", t);
        }
        if let Some(l) = &n.layers {
            c.long(id, "layers.stated", &l.stated);
            c.long(id, "layers.actual", &l.actual);
            if let Some(b) = &l.behind {
                c.long(id, "layers.behind.text", &b.text);
            }
        }
        c.cues(id, "problem.cues", &n.problem.cues);
        c.text(id, "problem.reply", &n.problem.reply);
        c.cues(id, "payoff.cues", &n.payoff.cues);
        c.text(id, "payoff.reply", &n.payoff.reply);
        for (i, imp) in n.implications.iter().enumerate() {
            c.cues(id, &format!("implications[{i}].cues"), &imp.cues);
            c.text(id, &format!("implications[{i}].reply"), &imp.reply);
        }
        let need_imps = params.threshold(n);
        if n.implications.len() < usize::from(need_imps) {
            c.at(
                id,
                format!(
                    "need `{}` can never become explicit: it needs {need_imps} implication(s) but has {}",
                    id.value,
                    n.implications.len()
                ),
                "add implications or lower `threshold`",
            );
        }
        if !benefited.contains(&id.value) {
            c.at(
                id,
                format!("need `{}` has no benefit that meets it", id.value),
                "add a benefit with `need: <this id>` to a product",
            );
        }
        if let Some(r) = &n.contact {
            c.reference(r, "contact", &contacts);
        }
        c.knowledge(id, n.contact.as_ref(), &n.known_by, &contacts);
        if let Some(b) = n.layers.as_ref().and_then(|l| l.behind.as_ref()) {
            c.reference(&b.contact, "contact", &contacts);
            if let Some(list) = personal.get(&b.contact.value)
                && !list.contains(&b.need)
            {
                c.at(
                    &b.contact,
                    format!(
                        "contact `{}` does not list the personal need `{}`",
                        b.contact.value,
                        b.need.code()
                    ),
                    "add it to the contact's personal_needs",
                );
            }
        }
    }
    let mut objections = HashSet::new();
    for o in &s.objections {
        c.id(&o.id, "objection", &mut objections);
        c.text(&o.id, "reply", &o.reply);
        if let Some(r) = &o.need {
            c.reference(r, "need", &needs);
        }
        if let Some(h) = &o.handling {
            c.text(&o.id, "handling.clarify", &h.clarify);
            c.text(&o.id, "handling.resolved", &h.resolved);
            if let Some(r) = &h.need {
                c.reference(r, "need", &needs);
            }
        }
    }
    let mut advances = HashSet::new();
    for a in &s.advances {
        c.id(&a.id, "advance", &mut advances);
        c.cues(&a.id, "cues", &a.cues);
        c.text(&a.id, "accept", &a.accept);
        c.text(&a.id, "decline", &a.decline);
        for r in &a.requires.needs {
            c.reference(r, "need", &needs);
        }
        let total = s.needs.len();
        let wanted = usize::from(a.requires.explicit.unwrap_or(0))
            .max(usize::from(a.requires.met.unwrap_or(0)));
        if wanted > total {
            c.at(
                &a.id,
                format!(
                    "advance `{}` wants {wanted} needs but the scenario has {total}",
                    a.id.value
                ),
                "lower `requires`",
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
            format!(
                "need `{}` starts implied but the customer says nothing to open the meeting",
                n.id.value
            ),
            "add `opening:` with the complaint the customer opens with",
        );
    }
    if !s.advances.is_empty()
        && s.advances
            .iter()
            .all(|a| a.weight == super::model::Weight::Continuation)
    {
        c.warn(
            &s.id,
            "every advance is a continuation: the trainee can never gain a real advance".into(),
            "add a next step that moves the sale (a trial, a site visit) with the default `weight: advance`",
        );
    }
    for ct in &s.customer.contacts {
        if let Some(t) = &ct.redirect {
            c.text(&ct.id, "redirect", t);
        }
    }
    if s.advances.is_empty() {
        c.warn(
            &s.id,
            "the scenario has no advances".into(),
            "add next steps the customer may accept, e.g. a trial or a site visit",
        );
    }
    for (k, sg) in s.suggestions.iter().enumerate() {
        let n = sg.options.len();
        if !(2..=4).contains(&n) {
            c.at(
                &s.id,
                format!("suggestions[{k}] has {n} options"),
                "give two to four options, lettered A–D in order",
            );
        }
        for (j, o) in sg.options.iter().enumerate() {
            let kinds = usize::from(o.ask.is_some())
                + usize::from(o.present.is_some())
                + usize::from(o.propose.is_some());
            if kinds != 1 {
                c.at(
                    &s.id,
                    format!(
                        "suggestions[{k}].options[{j}] needs exactly one of ask, present or propose"
                    ),
                    "write e.g. `- ask: 请问……`",
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
            "no need is linked to a contact's personal need".into(),
            "add `layers.behind` to a need so the relationship can reach partner",
        );
    }
    c.out.sort_by_key(|p| (p.line, p.col));
    c.out
}
