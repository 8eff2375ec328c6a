//! Contacts named in lines that any contact may say. A question addressed to a
//! contact (`ask: {to: wang, text: ..}`, or Ctrl+O in the trainer) is answered by that
//! contact, whatever the answer: a fact, a need's problem, implication or payoff, a
//! fallback. Two kinds of line then go wrong:
//!
//! * a line that speaks to a contact by name ("王主任，您看呢？", "Sam, tell him."):
//!   when the question was addressed to 王主任 or Sam, they speak to themselves;
//! * a line that names the contact who says it when nobody is addressed (the fact's
//!   or need's `contact`, else the first contact): "Maya delivers the orders herself"
//!   said by Maya.
//!
//! A line that mentions another contact in passing ("with David's recommendation")
//! is not reported: it only goes wrong when that contact is asked, and the guide says so.

use crate::lang::Text;
use crate::scenario::{Id, Problem, Scenario};

/// Words that follow a Chinese surname to address someone: 王主任, 李总, 张工.
const HONORIFICS: [&str; 18] = [
    "总", "主任", "经理", "工", "老师", "姐", "哥", "师傅", "科长", "处长", "院长", "校长", "局长",
    "部长", "老板", "医生", "书记", "主管",
];

fn all_han(s: &str) -> bool {
    !s.is_empty() && s.chars().all(crate::text::is_han)
}

/// The ways a line may name a contact: the full name in each language, a Chinese
/// surname with a title (王主任, 老王), a given name, an English first or last name.
fn forms(name: &Text, title: &Text) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in name.all().map(str::trim).filter(|n| !n.is_empty()) {
        out.push(n.to_string());
        if all_han(n) && (2..=4).contains(&n.chars().count()) {
            let surname: String = n.chars().take(1).collect();
            let given: String = n.chars().skip(1).collect();
            for h in HONORIFICS
                .iter()
                .map(|h| (*h).to_string())
                .chain(title.all().filter(|t| all_han(t)).map(str::to_string))
            {
                out.push(format!("{surname}{h}"));
            }
            out.push(format!("老{surname}"));
            out.push(format!("小{surname}"));
            if given.chars().count() >= 2 {
                out.push(given);
            }
        } else if !crate::text::has_han(n) {
            for w in n.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.chars().count() >= 3 && w.starts_with(|c: char| c.is_uppercase()) {
                    out.push(w.to_string());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `form` occurs in `text`: Chinese anywhere, English as a whole word.
fn occurs(text: &str, form: &str) -> bool {
    if crate::text::has_han(form) {
        return text.contains(form);
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(form) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        if !word(before) && !word(after) {
            return true;
        }
        from = at + form.len();
    }
    false
}

/// Sentence ends, and the start of a text.
fn sentence_start(before: Option<char>) -> bool {
    before.is_none_or(|c| {
        matches!(
            c,
            '。' | '！' | '？' | '!' | '?' | '.' | '\n' | '“' | '"' | '…' | '；' | ';'
        )
    })
}

/// Whether `form` is used in `text` to speak to someone: at a sentence's start
/// before a comma or colon ("王主任，…", "Sam, …"), before 您 / 你, or after a comma
/// at a sentence's end ("…吧，王总？", "…, Sam?").
fn addresses(text: &str, form: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(form) {
        let at = from + i;
        let end = at + form.len();
        from = end;
        let before_str = text[..at].trim_end();
        let before = before_str.chars().next_back();
        let after_str = &text[end..];
        let after = after_str.chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if !crate::text::has_han(form) && (word(text[..at].chars().next_back()) || word(after)) {
            continue;
        }
        if sentence_start(before) && matches!(after, Some('，' | ',' | '：' | ':' | '、')) {
            return true;
        }
        if matches!(after, Some('您' | '你')) {
            return true;
        }
        let ends =
            after_str.trim_start().chars().next().is_none_or(|c| {
                matches!(c, '。' | '！' | '？' | '!' | '?' | '.' | '…' | '”' | '"')
            });
        if matches!(before, Some('，' | ',')) && ends {
            return true;
        }
    }
    false
}

/// A shared line: its owner, field, text and who says it when nobody is addressed.
struct Shared<'a> {
    owner: &'a Id,
    field: String,
    text: &'a Text,
    speaker: Option<&'a str>,
}

/// Every line any contact may say.
fn shared_lines(s: &Scenario) -> Vec<Shared<'_>> {
    let first = s.customer.contacts.first().map(|c| c.id.value.as_str());
    let mut out: Vec<Shared<'_>> = Vec::new();
    let mut push = |owner, field, text, speaker| {
        out.push(Shared {
            owner,
            field,
            text,
            speaker,
        });
    };
    for f in &s.facts {
        let base = format!("facts.{}", f.id.value);
        let who = f.contact.as_ref().map(|c| c.value.as_str()).or(first);
        push(&f.id, format!("{base}.reply"), &f.reply, who);
        for (i, v) in f.variants.iter().enumerate() {
            push(&f.id, format!("{base}.variants[{i}]"), v, who);
        }
    }
    for n in &s.needs {
        let base = format!("needs.{}", n.id.value);
        let who = n.contact.as_ref().map(|c| c.value.as_str()).or(first);
        let beats = std::iter::once(("problem".to_string(), &n.problem))
            .chain(
                n.implications
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (format!("implications[{i}]"), b)),
            )
            .chain(std::iter::once(("payoff".to_string(), &n.payoff)));
        for (name, b) in beats {
            push(&n.id, format!("{base}.{name}.reply"), &b.reply, who);
            for (i, v) in b.variants.iter().enumerate() {
                push(&n.id, format!("{base}.{name}.variants[{i}]"), v, who);
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
            push(&s.id, format!("fallbacks.{name}[{i}]"), t, None);
        }
    }
    out
}

/// Warnings for lines any contact may say that speak to a contact by name, or that
/// name the contact who says them (the company's name, which may hold a person's,
/// does not count).
#[must_use]
pub fn named_in_shared_lines(s: &Scenario, path: &str) -> Vec<Problem> {
    let contacts: Vec<(&str, String, Vec<String>)> = s
        .customer
        .contacts
        .iter()
        .map(|c| {
            let shown = c.name.get(s.language).to_string();
            (c.id.value.as_str(), shown, forms(&c.name, &c.title))
        })
        .collect();
    let company: Vec<&str> = s.customer.company.all().filter(|c| !c.is_empty()).collect();
    // In Chinese messages a Latin name stands between spaces.
    let zh_name = |n: &str| {
        if crate::text::has_han(n) {
            n.to_string()
        } else {
            format!(" {n} ")
        }
    };
    let mut out = Vec::new();
    for line in shared_lines(s) {
        let texts: Vec<String> = line
            .text
            .all()
            .map(|t| company.iter().fold(t.to_string(), |t, c| t.replace(c, " ")))
            .collect();
        let l = line.owner.referenced;
        let field = &line.field;
        for (id, shown, names) in &contacts {
            let spoken_to = texts.iter().any(|t| names.iter().any(|n| addresses(t, n)));
            let own = line.speaker == Some(*id)
                && texts.iter().any(|t| names.iter().any(|n| occurs(t, n)));
            if spoken_to {
                out.push(
                    Problem::warning(
                        path,
                        l.line(),
                        l.column(),
                        format!("`{field}` speaks to {shown} (contact `{id}`) by name, but whoever a question is addressed to says this line, {shown} too"),
                        "leave the name out, or speak to nobody in particular, so the line suits any contact; see docs/scenario-format.md §5, “Warnings”",
                    )
                    .zh(
                        format!("`{field}` 直接称呼了{}（联系人 `{id}`），可学员向谁提问就由谁说这句话，也可能是{}自己", zh_name(shown).trim_end(), zh_name(shown)),
                        "去掉称呼，让哪个联系人说都通顺；见 docs/scenario-format.md 第 5 节“Warnings”",
                    ),
                );
            } else if own {
                out.push(
                    Problem::warning(
                        path,
                        l.line(),
                        l.column(),
                        format!("`{field}` is said by {shown} (contact `{id}`) and names {shown}"),
                        "say “I” in the line, or give it to another contact with `contact:`; see docs/scenario-format.md §5, “Warnings”",
                    )
                    .zh(
                        format!("`{field}` 由{}（联系人 `{id}`）来说，却提到了{}自己", zh_name(shown).trim_end(), zh_name(shown)),
                        "改用“我”，或用 `contact:` 交给另一位联系人来说；见 docs/scenario-format.md 第 5 节“Warnings”",
                    ),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms_and_matching() {
        let f = forms(
            &Text {
                zh: Some("王建国".into()),
                en: Some("Wang Jianguo".into()),
                plain: None,
            },
            &Text::plain("主任"),
        );
        for w in [
            "王建国",
            "王主任",
            "王总",
            "老王",
            "建国",
            "Wang",
            "Jianguo",
        ] {
            assert!(f.contains(&w.to_string()), "{w}: {f:?}");
        }
        assert!(occurs("这个你问王主任吧", "王主任"));
        assert!(occurs("Ask Sam about it.", "Sam"));
        assert!(!occurs("the same vans", "Sam"));
        assert!(!occurs("Samples", "Sam"));
        assert!(addresses("王主任，您看呢？", "王主任"));
        assert!(addresses("这事您定吧，王总。", "王总"));
        assert!(addresses("Sam, tell him about the vans.", "Sam"));
        assert!(addresses("What do you say, Sam?", "Sam"));
        assert!(!addresses("我得听刘主管他们的意见。", "刘主管"));
        assert!(!addresses(
            "Anything over that I take to the board, with David's recommendation.",
            "David"
        ));
        assert!(!addresses(
            "Two partners, three architects and Tom. The partners are out.",
            "Tom"
        ));
    }
}
