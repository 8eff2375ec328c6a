//! Markdown rendering of a saved meeting, for trainers to read.

use super::{Report, quadrant_name};
use crate::lang::Lang;
use crate::session::NeedState;
use crate::text::sanitize_line_cow;
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
    let mut o = String::with_capacity(s.len() + 8);
    push_md(&mut o, s);
    o
}

/// [`md`], written at the end of `o`.
pub fn push_md(o: &mut String, s: &str) {
    let s = sanitize_line_cow(s);
    let special = |b: u8| {
        matches!(
            b,
            b'<' | b'>'
                | b'&'
                | b'\\'
                | b'`'
                | b'*'
                | b'_'
                | b'['
                | b']'
                | b'!'
                | b'|'
                | b'~'
                | b'#'
        )
    };
    // Runs of 32 bytes with nothing to escape are copied whole (a test the
    // compiler vectorises); every character escaped is ASCII, so the text is cut
    // only where one is.
    let mut from = 0;
    let mut at = 0;
    for run in s.as_bytes().chunks(32) {
        let start = at;
        at += run.len();
        if run.len() == 32 && !run.iter().fold(false, |any, &b| any | special(b)) {
            continue;
        }
        for (k, &b) in run.iter().enumerate() {
            let i = start + k;
            let e = match b {
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'&' => "&amp;",
                b'\\' => "\\\\",
                b'`' => "\\`",
                b'*' => "\\*",
                b'_' => "\\_",
                b'[' => "\\[",
                b']' => "\\]",
                b'!' => "\\!",
                b'|' => "\\|",
                b'~' => "\\~",
                b'#' => "\\#",
                _ => continue,
            };
            o.push_str(&s[from..i]);
            o.push_str(e);
            from = i + 1;
        }
    }
    o.push_str(&s[from..]);
}

/// A Markdown code span holding `s` literally: the fence is one backtick longer
/// than the longest run of backticks inside, with a space inside the fence when
/// `s` starts or ends with a backtick. Not for table cells (a `|` would end the cell).
#[must_use]
pub fn code(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    push_code(&mut o, s);
    o
}

/// [`code`], written at the end of `o`.
pub fn push_code(o: &mut String, s: &str) {
    let s = sanitize_line_cow(s);
    let mut longest = 0;
    let mut run = 0;
    for b in s.bytes() {
        if b == b'`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() {
        " "
    } else {
        ""
    };
    let fence = |o: &mut String| (0..=longest).for_each(|_| o.push('`'));
    fence(o);
    o.push_str(pad);
    o.push_str(&s);
    o.push_str(pad);
    fence(o);
}

/// One meeting as Markdown: header, score, counts, needs, relationship, tips, transcript.
#[must_use]
pub fn render(r: &Report, trainee: Option<&str>, when: &str, id: &str) -> String {
    let lang = r.lang;
    let mut o = String::with_capacity(4096 + 512 * r.turns.len());
    o.push_str("# ");
    push_md(&mut o, &r.title);
    o.push_str(" · ");
    push_md(&mut o, &r.scenario);
    o.push_str("\n\n");
    if let Some(t) = trainee {
        let _ = write!(o, "- {}: ", l(lang, "学员", "Trainee"));
        push_md(&mut o, t);
        o.push('\n');
    }
    let _ = write!(o, "- {}: ", l(lang, "时间", "Date"));
    push_md(&mut o, &crate::store::time::display(when));
    let _ = write!(o, "\n- {}: ", l(lang, "会谈", "Meeting"));
    push_code(&mut o, id);
    let _ = write!(o, " · seed {} · {} ", r.seed, l(lang, "难度", "difficulty"));
    push_md(&mut o, &r.difficulty);
    let _ = writeln!(
        o,
        "\n- {}: **{}/100**\n",
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
        o.push_str("- **");
        push_md(&mut o, &n.summary);
        let _ = writeln!(o, "**: {}", n.journey_text(lang));
    }
    let _ = write!(
        o,
        "\n## {}\n\n{}: ",
        l(lang, "客户关系", "Relationship"),
        quadrant_name(&r.relationship.quadrant, lang),
    );
    push_md(&mut o, &r.relationship.reason);
    o.push_str("\n\n");
    let _ = writeln!(o, "## {}\n", l(lang, "最有用的建议", "Top tips"));
    for (i, t) in r.tips.iter().enumerate() {
        let _ = write!(o, "{}. ", i + 1);
        push_md(&mut o, &t.tip);
        o.push_str(" (");
        push_code(&mut o, &t.rule);
        if let Some(n) = t.turn {
            let _ = write!(o, ", t{n}");
        }
        o.push_str(")\n");
    }
    let _ = writeln!(o, "\n## {}\n", l(lang, "逐回合记录", "Transcript"));
    if let Some(op) = &r.opening {
        let _ = writeln!(o, "0. **{}**: {}\n", md(&op.speaker), md(&op.text));
    }
    for t in &r.turns {
        let _ = write!(o, "### {} {} (", l(lang, "回合", "Turn"), t.turn);
        push_md(&mut o, &t.kind);
        if let Some(lb) = t.label {
            let _ = write!(o, " [{}]", lb.code());
        }
        let _ = writeln!(o, ") {:+}\n", t.points);
        let input_at = o.len();
        let _ = write!(o, "> **{}**: ", l(lang, "学员", "Trainee"));
        let text_at = o.len();
        match &t.input {
            serde_json::Value::String(s) => push_md(&mut o, s),
            serde_json::Value::Null => {}
            other => push_md(&mut o, &other.to_string()),
        }
        if o.len() == text_at {
            // No input text: no trainee line.
            o.truncate(input_at);
        } else {
            o.push_str("  \n");
        }
        if !t.reply.is_empty() {
            o.push_str("> **");
            push_md(&mut o, &t.speaker);
            o.push_str("**: ");
            push_md(&mut o, &t.reply);
            o.push_str("\n\n");
        }
        for f in &t.step.findings {
            push_finding(&mut o, f);
        }
        o.push('\n');
    }
    if !r.closing.is_empty() {
        let _ = writeln!(o, "## {}\n", l(lang, "结束时", "At the end"));
        for f in &r.closing {
            push_finding(&mut o, f);
        }
        o.push('\n');
    }
    o
}

/// `- +3 `rule`: reason` and a line break.
fn push_finding(o: &mut String, f: &crate::scoring::Finding<crate::scoring::RuleName>) {
    let _ = write!(o, "- {:+} ", f.points);
    push_code(o, &f.rule);
    o.push_str(": ");
    push_md(o, &f.reason);
    o.push('\n');
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
        // Past the first 32 bytes, at the edges of the runs looked at whole.
        let long = "x".repeat(70);
        for at in [0, 31, 32, 33, 63, 64, 65, 69] {
            for (c, e) in [('<', "&lt;"), ('#', "\\#"), ('\\', "\\\\"), ('\n', " ")] {
                let mut s = long.clone();
                s.insert(at, c);
                let want = format!("{}{e}{}", &long[..at], &long[at..]);
                assert_eq!(md(&s), want, "{c:?} at {at}");
            }
        }
    }
}
