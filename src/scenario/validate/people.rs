//! Validation of the people additions (guide §3a): competitors, a contact's `wins`
//! and a need's `conflicts_with`. Every message in English and Chinese, at the line
//! of the element it is about.

use super::{CONTACT, Checker, Kind, NEED};
use crate::scenario::model::Scenario;
use crate::scenario::problem::Problem;
use serde_saphyr::Location;
use std::collections::HashSet;

const COMPETITOR: Kind = ("competitor", "竞争对手");

impl Checker<'_> {
    /// An error at a location, in English and Chinese: (message, hint) each.
    fn at_loc(&mut self, l: Location, en: (String, String), zh: (String, String)) {
        self.out
            .push(Problem::error(self.path, l.line(), l.column(), en.0, en.1).zh(zh.0, zh.1));
    }
}

/// The contact who owns need `n`: its `contact`, else the first who knows it, else
/// the first contact (as the session decides who speaks).
fn owner<'a>(s: &'a Scenario, n: &'a crate::scenario::Need) -> Option<&'a str> {
    n.contact
        .as_ref()
        .or(n.known_by.first())
        .map(|c| c.value.as_str())
        .or_else(|| s.customer.contacts.first().map(|c| c.id.value.as_str()))
}

/// Checks competitors, wins and conflicts; `contacts` and `needs` are the ids defined.
pub(super) fn check(
    c: &mut Checker<'_>,
    s: &Scenario,
    contacts: &HashSet<String>,
    needs: &HashSet<String>,
) {
    let mut seen = HashSet::new();
    for k in &s.competitors {
        c.id(&k.id, COMPETITOR, &mut seen);
        c.text(&k.id, "name", &k.name);
        c.cues(&k.id, "cues", &k.cues);
        c.text(&k.id, "about", &k.about);
        if let Some(t) = &k.knocked {
            c.text(&k.id, "knocked", t);
        }
        if let Some(m) = &k.mention {
            c.text(&k.id, "mention.says", &m.says);
            if let Some(r) = &m.contact {
                c.reference(r, CONTACT, contacts);
            }
            if m.after.value == 0 {
                let v = &k.id.value;
                c.at_loc(
                    m.after.referenced,
                    (
                        format!("competitor `{v}`: `mention.after` is 0, but turns count from 1"),
                        "write the number of the trainee's turn after which the customer brings it up, e.g. `after: 3`".into(),
                    ),
                    (
                        format!("竞争对手 `{v}`：`mention.after` 是 0，但回合从 1 开始数"),
                        "写学员第几个回合之后客户主动提起它，例如 `after: 3`".into(),
                    ),
                );
            }
        }
    }
    for ct in &s.customer.contacts {
        for (i, w) in ct.wins.iter().enumerate() {
            let field = format!("wins[{i}]");
            c.cues(&ct.id, &format!("{field}.cues"), &w.cues);
            c.text(&ct.id, &format!("{field}.reply"), &w.reply);
            if !ct.personal_needs.contains(&w.need.value) {
                let (who, need) = (&ct.id.value, w.need.value.code());
                let listed = if ct.personal_needs.is_empty() {
                    "none".to_string()
                } else {
                    ct.personal_needs
                        .iter()
                        .map(|p| p.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let listed_zh = if ct.personal_needs.is_empty() {
                    "没有".to_string()
                } else {
                    listed.clone()
                };
                c.at_loc(
                    w.need.referenced,
                    (
                        format!("`{who}`: `{field}` is for the personal need `{need}`, which is not among this contact's personal_needs ({listed})"),
                        format!("add `{need}` to the contact's personal_needs, or name one of them"),
                    ),
                    (
                        format!("`{who}`：`{field}` 针对的个人需要 `{need}` 不在这个联系人的 personal_needs 里（现有：{listed_zh}）"),
                        format!("把 `{need}` 加进这个联系人的 personal_needs，或改成其中的一个"),
                    ),
                );
            }
        }
    }
    for n in &s.needs {
        let Some(cw) = &n.conflicts_with else {
            continue;
        };
        c.text(&n.id, "conflicts_with.says", &cw.says);
        let (me, other) = (&n.id.value, &cw.need.value);
        if other == me {
            c.at(
                &cw.need,
                (
                    format!("need `{me}` conflicts with itself"),
                    "name another contact's need in `conflicts_with.need`".into(),
                ),
                (
                    format!("需求 `{me}` 和它自己冲突"),
                    "`conflicts_with.need` 要写另一个联系人的需求".into(),
                ),
            );
            continue;
        }
        if !needs.contains(other) {
            c.reference(&cw.need, NEED, needs);
            continue;
        }
        let Some(o) = s.needs.iter().find(|x| &x.id.value == other) else {
            continue;
        };
        let (mine, theirs) = (owner(s, n), owner(s, o));
        if mine == theirs {
            let who = mine.unwrap_or_default();
            c.at(
                &cw.need,
                (
                    format!("need `{me}` conflicts with `{other}`, but both belong to `{who}`"),
                    "a conflict is between two contacts: give one of the needs another `contact`, or remove `conflicts_with`".into(),
                ),
                (
                    format!("需求 `{me}` 和 `{other}` 冲突，但两个都属于 `{who}`"),
                    "冲突发生在两个联系人之间：给其中一个需求换一个 `contact`，或去掉 `conflicts_with`".into(),
                ),
            );
        }
    }
}
