//! Markdown rendering of a saved meeting, for trainers to read.

use super::{Report, quadrant_name};
use crate::lang::Lang;
use crate::session::NeedState;
use crate::text::sanitize_line;
use std::fmt::Write as _;

fn l(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// Escapes text for a Markdown line (never the start of a line, never inside a
/// code span): no control characters or newlines; `<`, `>` and `&` as entities
/// (no HTML, no autolinks, no entity tricks); and a backslash before each other
/// character that can open inline markup or break a table: `` \ ` * _ [ ] ! | ~ # ``.
/// Escaping `[` and `!` is enough to stop links and images.
#[must_use]
pub fn md(s: &str) -> String {
    let s = sanitize_line(s);
    // Every character escaped is ASCII, so the text is cut only where one is.
    let escape = |b: u8| match b {
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'&' => Some("&amp;"),
        b'\\' => Some("\\\\"),
        b'`' => Some("\\`"),
        b'*' => Some("\\*"),
        b'_' => Some("\\_"),
        b'[' => Some("\\["),
        b']' => Some("\\]"),
        b'!' => Some("\\!"),
        b'|' => Some("\\|"),
        b'~' => Some("\\~"),
        b'#' => Some("\\#"),
        _ => None,
    };
    if !s.bytes().any(|b| escape(b).is_some()) {
        return s;
    }
    let mut o = String::with_capacity(s.len() + 8);
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        if let Some(e) = escape(b) {
            o.push_str(&s[from..i]);
            o.push_str(e);
            from = i + 1;
        }
    }
    o.push_str(&s[from..]);
    o
}

/// A Markdown code span holding `s` literally: the fence is one backtick longer
/// than the longest run of backticks inside, with a space inside the fence when
/// `s` starts or ends with a backtick. Not for table cells (a `|` would end the cell).
#[must_use]
pub fn code(s: &str) -> String {
    let s = sanitize_line(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// One meeting as Markdown: header, score, counts, needs, relationship, tips, transcript.
#[must_use]
pub fn render(r: &Report, trainee: Option<&str>, when: &str, id: &str) -> String {
    let lang = r.lang;
    let mut o = String::new();
    let _ = writeln!(o, "# {} · {}\n", md(&r.title), md(&r.scenario));
    if let Some(t) = trainee {
        let _ = writeln!(o, "- {}: {}", l(lang, "学员", "Trainee"), md(t));
    }
    let _ = writeln!(
        o,
        "- {}: {}",
        l(lang, "时间", "Date"),
        md(&crate::store::time::display(when))
    );
    let _ = writeln!(
        o,
        "- {}: {} · seed {} · {} {}",
        l(lang, "会谈", "Meeting"),
        code(id),
        r.seed,
        l(lang, "难度", "difficulty"),
        md(&r.difficulty)
    );
    let _ = writeln!(
        o,
        "- {}: **{}/100**\n",
        l(lang, "总分", "Score"),
        r.score.total
    );
    let _ = writeln!(
        o,
        "| {} | {} |\n|---|---|",
        l(lang, "部分", "Part"),
        l(lang, "得分", "Points")
    );
    for (p, ps) in r.score.parts.list() {
        let _ = writeln!(o, "| {} | {}/{} |", p.name(lang), ps.points, ps.max);
    }
    let c = &r.counts;
    let _ = writeln!(
        o,
        "\n**{}**: S {} · P {} · I {} · N {} · {} {} · I+N {}%  \n**{}**: {} {} · {} {} · {} {}  \n**FFAB**: F {} · Fn {} · A {} · B {}\n",
        l(lang, "提问", "Questions"),
        c.situation,
        c.problem,
        c.implication,
        c.need_payoff,
        l(lang, "其他", "other"),
        c.other,
        c.in_share,
        l(lang, "需求", "Needs"),
        NeedState::Implied.name(lang),
        c.implied_needs,
        NeedState::Explicit.name(lang),
        c.explicit_needs,
        NeedState::Met.name(lang),
        c.met_needs,
        c.features,
        c.functions,
        c.advantages,
        c.benefits
    );
    let _ = writeln!(o, "## {}\n", l(lang, "需求历程", "Needs journey"));
    for n in &r.needs {
        let path = n.journey_text(lang);
        let _ = writeln!(o, "- **{}**: {path}", md(&n.summary));
    }
    let _ = writeln!(
        o,
        "\n## {}\n\n{}: {}\n",
        l(lang, "客户关系", "Relationship"),
        quadrant_name(&r.relationship.quadrant, lang),
        md(&r.relationship.reason)
    );
    let _ = writeln!(o, "## {}\n", l(lang, "最有用的建议", "Top tips"));
    for (i, t) in r.tips.iter().enumerate() {
        let at = t.turn.map_or_else(String::new, |n| format!(", t{n}"));
        let _ = writeln!(o, "{}. {} ({}{at})", i + 1, md(&t.tip), code(&t.rule));
    }
    let _ = writeln!(o, "\n## {}\n", l(lang, "逐回合记录", "Transcript"));
    for t in &r.turns {
        let label = t
            .label
            .map_or_else(String::new, |lb| format!(" [{}]", lb.code()));
        let input = match &t.input {
            serde_json::Value::String(s) => md(s),
            serde_json::Value::Null => String::new(),
            other => md(&other.to_string()),
        };
        let _ = writeln!(
            o,
            "### {} {} ({}{label}) {:+}\n",
            l(lang, "回合", "Turn"),
            t.turn,
            md(&t.kind),
            t.points
        );
        if !input.is_empty() {
            let _ = writeln!(o, "> **{}**: {input}  ", l(lang, "学员", "Trainee"));
        }
        if !t.reply.is_empty() {
            let _ = writeln!(o, "> **{}**: {}\n", md(&t.speaker), md(&t.reply));
        }
        for f in &t.step.findings {
            let _ = writeln!(o, "- {:+} {}: {}", f.points, code(&f.rule), md(&f.reason));
        }
        o.push('\n');
    }
    if !r.closing.is_empty() {
        let _ = writeln!(o, "## {}\n", l(lang, "结束时", "At the end"));
        for f in &r.closing {
            let _ = writeln!(o, "- {:+} {}: {}", f.points, code(&f.rule), md(&f.reason));
        }
        o.push('\n');
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md_escapes_markup_and_entities_and_leaves_the_rest() {
        assert_eq!(
            md("a<b>&c\\d`e*f_g[h]i!j|k~l#m"),
            "a&lt;b&gt;&amp;c\\\\d\\`e\\*f\\_g\\[h\\]i\\!j\\|k\\~l\\#m"
        );
        assert_eq!(md("中文，没有标记"), "中文，没有标记");
        assert_eq!(md("![p](http://x/t.png)\n"), "\\!\\[p\\](http://x/t.png) ");
        assert_eq!(md("tab\there\u{202E}"), "tab    here\u{FFFD}");
        assert_eq!(md(""), "");
    }
}
