//! Every trainee-visible text of a scenario with its owner and field path, and the
//! missing-translation check built on it.

use crate::lang::Text;
use crate::scenario::{Id, Problem, Scenario};

/// How a text is used, which decides whether it must be translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Shown by the interface in its own language: the title and need summaries.
    Label,
    /// A proper name (person, company, product): a translation is welcome, not required.
    Name,
    /// What the customer says and the briefing: in the scenario's language, or all paired.
    Content,
}

/// One text with where it lives.
pub struct TextRef<'a> {
    /// The id whose line the text is reported at.
    pub owner: &'a Id,
    /// The field path, e.g. `needs.reach.implications[0].reply`.
    pub field: String,
    /// How it is used.
    pub kind: Kind,
    /// The text.
    pub text: &'a Text,
}

fn push<'a>(out: &mut Vec<TextRef<'a>>, owner: &'a Id, field: String, kind: Kind, text: &'a Text) {
    out.push(TextRef {
        owner,
        field,
        kind,
        text,
    });
}

fn variants<'a>(out: &mut Vec<TextRef<'a>>, owner: &'a Id, base: &str, list: &'a [Text]) {
    for (i, t) in list.iter().enumerate() {
        push(
            out,
            owner,
            format!("{base}.variants[{i}]"),
            Kind::Content,
            t,
        );
    }
}

fn cases<'a>(
    out: &mut Vec<TextRef<'a>>,
    owner: &'a Id,
    base: &str,
    list: &'a [crate::scenario::Case],
) {
    for (i, c) in list.iter().enumerate() {
        push(
            out,
            owner,
            format!("{base}.cases[{i}].reply"),
            Kind::Content,
            &c.reply,
        );
    }
}

/// Every text in the scenario, in file order.
#[must_use]
pub fn all(s: &Scenario) -> Vec<TextRef<'_>> {
    use Kind::{Content, Label, Name};
    let mut out = Vec::new();
    let top = &s.id;
    push(&mut out, top, "title".into(), Label, &s.title);
    for (f, t) in [
        ("industry", &s.industry),
        ("briefing", &s.briefing),
        ("objective", &s.objective),
    ] {
        push(&mut out, top, f.into(), Content, t);
    }
    let cu = &s.customer;
    push(&mut out, top, "customer.company".into(), Name, &cu.company);
    if let Some(a) = &cu.about {
        push(&mut out, top, "customer.about".into(), Content, a);
    }
    for (i, n) in cu.institutional_needs.iter().enumerate() {
        push(
            &mut out,
            top,
            format!("customer.institutional_needs[{i}].note"),
            Content,
            &n.note,
        );
    }
    for c in &cu.contacts {
        let base = format!("contacts.{}", c.id.value);
        push(&mut out, &c.id, format!("{base}.name"), Name, &c.name);
        push(&mut out, &c.id, format!("{base}.title"), Content, &c.title);
        for (name, m) in [("joins", &c.joins), ("leaves", &c.leaves)] {
            if let Some(t) = m.as_ref().and_then(|m| m.says.as_ref()) {
                push(&mut out, &c.id, format!("{base}.{name}.says"), Content, t);
            }
        }
    }
    for f in &s.facts {
        let base = format!("facts.{}", f.id.value);
        push(&mut out, &f.id, format!("{base}.topic"), Content, &f.topic);
        push(&mut out, &f.id, format!("{base}.reply"), Content, &f.reply);
        variants(&mut out, &f.id, &base, &f.variants);
        cases(&mut out, &f.id, &base, &f.cases);
    }
    for n in &s.needs {
        let id = &n.id;
        let base = format!("needs.{}", id.value);
        push(&mut out, id, format!("{base}.summary"), Label, &n.summary);
        let beats = std::iter::once(("problem".to_string(), &n.problem))
            .chain(
                n.implications
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (format!("implications[{i}]"), b)),
            )
            .chain(std::iter::once(("payoff".to_string(), &n.payoff)));
        for (name, b) in beats {
            push(
                &mut out,
                id,
                format!("{base}.{name}.reply"),
                Content,
                &b.reply,
            );
            variants(&mut out, id, &format!("{base}.{name}"), &b.variants);
            cases(&mut out, id, &format!("{base}.{name}"), &b.cases);
        }
        if let Some(l) = &n.layers {
            push(
                &mut out,
                id,
                format!("{base}.layers.stated"),
                Content,
                &l.stated,
            );
            push(
                &mut out,
                id,
                format!("{base}.layers.actual"),
                Content,
                &l.actual,
            );
            if let Some(b) = &l.behind {
                push(
                    &mut out,
                    id,
                    format!("{base}.layers.behind.text"),
                    Content,
                    &b.text,
                );
            }
        }
        if let Some(t) = &n.satisfied {
            push(&mut out, id, format!("{base}.satisfied"), Content, t);
        }
    }
    for p in &s.products {
        push(
            &mut out,
            &p.id,
            format!("products.{}.name", p.id.value),
            Name,
            &p.name,
        );
        for part in p.features.iter().chain(&p.functions).chain(&p.advantages) {
            push(
                &mut out,
                &part.id,
                format!("products.{}.{}.text", p.id.value, part.id.value),
                Content,
                &part.text,
            );
        }
        for b in &p.benefits {
            push(
                &mut out,
                &b.id,
                format!("products.{}.{}.text", p.id.value, b.id.value),
                Content,
                &b.text,
            );
        }
    }
    for o in &s.objections {
        let base = format!("objections.{}", o.id.value);
        push(&mut out, &o.id, format!("{base}.reply"), Content, &o.reply);
        variants(&mut out, &o.id, &base, &o.variants);
    }
    for a in &s.advances {
        let base = format!("advances.{}", a.id.value);
        push(
            &mut out,
            &a.id,
            format!("{base}.accept"),
            Content,
            &a.accept,
        );
        push(
            &mut out,
            &a.id,
            format!("{base}.decline"),
            Content,
            &a.decline,
        );
    }
    for (k, sg) in s.suggestions.iter().enumerate() {
        for (j, o) in sg.options.iter().enumerate() {
            for (name, t) in [
                ("ask", &o.ask),
                ("present", &o.present),
                ("propose", &o.propose),
            ] {
                if let Some(t) = t {
                    push(
                        &mut out,
                        top,
                        format!("suggestions[{k}].options[{j}].{name}"),
                        Content,
                        t,
                    );
                }
            }
        }
    }
    let f = &s.fallbacks;
    for (name, list) in [
        ("off_topic", &f.off_topic),
        ("unclear", &f.unclear),
        ("repeated", &f.repeated),
        ("not_yet", &f.not_yet),
        ("leave", &f.leave),
    ] {
        for (i, t) in list.iter().enumerate() {
            push(&mut out, top, format!("fallbacks.{name}[{i}]"), Content, t);
        }
    }
    people(s, &mut out);
    out
}

/// The texts of the people additions (guide §3a): competitors, contacts' wins and
/// needs' conflicts.
fn people<'a>(s: &'a Scenario, out: &mut Vec<TextRef<'a>>) {
    use Kind::{Content, Name};
    for k in &s.competitors {
        let base = format!("competitors.{}", k.id.value);
        push(out, &k.id, format!("{base}.name"), Name, &k.name);
        push(out, &k.id, format!("{base}.about"), Content, &k.about);
        if let Some(m) = &k.mention {
            push(out, &k.id, format!("{base}.mention.says"), Content, &m.says);
        }
        if let Some(t) = &k.knocked {
            push(out, &k.id, format!("{base}.knocked"), Content, t);
        }
    }
    for c in &s.customer.contacts {
        for (i, w) in c.wins.iter().enumerate() {
            let field = format!("contacts.{}.wins[{i}].reply", c.id.value);
            push(out, &c.id, field, Content, &w.reply);
        }
    }
    for n in &s.needs {
        if let Some(cw) = &n.conflicts_with {
            let field = format!("needs.{}.conflicts_with.says", n.id.value);
            push(out, &n.id, field, Content, &cw.says);
        }
    }
}

fn paired(t: &Text) -> bool {
    t.zh.is_some() && t.en.is_some()
}

/// Most untranslated texts reported one by one; the rest are counted in one warning.
const MAX_LISTED: usize = 8;

/// Warnings for missing translations: a pair with one side only; in a file that pairs
/// any label or text, a title or need summary given in one language; in a file that
/// pairs any content text, a content text given in one language; an English side
/// that holds Chinese.
#[must_use]
pub fn translations(s: &Scenario, path: &str) -> Vec<Problem> {
    let texts = all(s);
    let mut out = Vec::new();
    let warn = |out: &mut Vec<Problem>, r: &TextRef<'_>, en: (String, &str), zh: (String, &str)| {
        let l = r.owner.referenced;
        out.push(Problem::warning(path, l.line(), l.column(), en.0, en.1).zh(zh.0, zh.1));
    };
    for r in &texts {
        let f = &r.field;
        match (&r.text.zh, &r.text.en) {
            (Some(_), None) => warn(
                &mut out,
                r,
                (
                    format!("`{f}` gives only `zh`"),
                    "add `en`, or write it as a plain string",
                ),
                (
                    format!("`{f}` 只写了 `zh`"),
                    "补上 `en`，或者写成不分语言的一段文字",
                ),
            ),
            (None, Some(_)) => warn(
                &mut out,
                r,
                (
                    format!("`{f}` gives only `en`"),
                    "add `zh`, or write it as a plain string",
                ),
                (
                    format!("`{f}` 只写了 `en`"),
                    "补上 `zh`，或者写成不分语言的一段文字",
                ),
            ),
            (Some(_), Some(en)) if r.kind != Kind::Name && crate::text::has_han(en) => warn(
                &mut out,
                r,
                (
                    format!("the `en` side of `{f}` holds Chinese"),
                    "translate it into English",
                ),
                (format!("`{f}` 的 `en` 里写的是中文"), "把它翻译成英文"),
            ),
            _ => {}
        }
    }
    let any_pair = |k: &[Kind]| texts.iter().any(|r| k.contains(&r.kind) && paired(r.text));
    let mut missing: Vec<&TextRef<'_>> = Vec::new();
    if any_pair(&[Kind::Label, Kind::Content]) {
        missing.extend(
            texts
                .iter()
                .filter(|r| r.kind == Kind::Label && r.text.plain.is_some()),
        );
    }
    if any_pair(&[Kind::Content]) {
        missing.extend(
            texts
                .iter()
                .filter(|r| r.kind == Kind::Content && r.text.plain.is_some()),
        );
    }
    for r in missing.iter().take(MAX_LISTED) {
        let (hint, hint_zh) = if r.kind == Kind::Label {
            (
                "the interface shows titles and need summaries in both languages: write {zh: .., en: ..}",
                "界面会用两种语言显示标题和需求摘要：写成 {zh: .., en: ..}",
            )
        } else {
            (
                "this file pairs other texts in {zh: .., en: ..}: pair this one too, or write every text in the scenario's language",
                "这个文件的其他文字写成了 {zh: .., en: ..}：这一段也配上，或者所有文字都只用场景的语言写",
            )
        };
        let f = &r.field;
        warn(
            &mut out,
            r,
            (format!("`{f}` is not translated"), hint),
            (format!("`{f}` 没有翻译"), hint_zh),
        );
    }
    if missing.len() > MAX_LISTED {
        let rest = missing.len() - MAX_LISTED;
        out.push(
            Problem::warning(
                path,
                s.id.referenced.line(),
                s.id.referenced.column(),
                format!("{rest} more text(s) are not translated"),
                "fix the ones listed first, then validate again",
            )
            .zh(
                format!("还有 {rest} 段文字没有翻译"),
                "先改好上面列出的，再验证一次",
            ),
        );
    }
    out
}
