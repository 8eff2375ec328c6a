//! Plain-text rendering of steps and reports, aligned for CJK text.

use super::{Report, quadrant_name};
use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::session::Step;
use crate::text::{pad, sanitize_line};
use std::fmt::Write as _;

fn l(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// One step of the transcript: the trainee's input, the reply and each finding.
#[must_use]
pub fn render_step(step: &Step, lang: Lang) -> String {
    let mut out = String::new();
    let label = step
        .label
        .map_or_else(String::new, |lb| format!("[{}] ", lb.code()));
    let who = match &step.addressed {
        Some(name) => format!("{} → {}", l(lang, "学员", "You"), sanitize_line(name)),
        None => l(lang, "学员", "You").to_string(),
    };
    let kind = match step.input.kind() {
        "ask" => "",
        "present" => l(lang, "(展示) ", "(present) "),
        "propose" => l(lang, "(推进) ", "(propose) "),
        _ => l(lang, "(结束)", "(end)"),
    };
    let _ = writeln!(
        out,
        "{:>3}  {who}: {label}{kind}{}",
        step.turn,
        sanitize_line(&step.input.display_text())
    );
    if !step.reply.is_empty() {
        let _ = writeln!(
            out,
            "     {}: {}",
            sanitize_line(&step.speaker),
            sanitize_line(&step.reply)
        );
    }
    for f in &step.findings {
        let _ = writeln!(
            out,
            "     {:+} {}: {}",
            f.points,
            f.rule,
            sanitize_line(&f.reason)
        );
    }
    for c in &step.changes {
        let _ = writeln!(
            out,
            "     {} {}: {} → {}",
            l(lang, "需求", "need"),
            c.need,
            c.from.name(lang),
            c.to.name(lang)
        );
    }
    let _ = writeln!(
        out,
        "     {} {}",
        l(lang, "耐心", "patience"),
        step.patience
    );
    out
}

/// The full text report: transcript, then the summary.
#[must_use]
pub fn render_text(report: &Report, steps: &[Step], sc: &Scenario) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "spin-coach · {} · {} · {} {} · seed {}",
        report.scenario,
        sanitize_line(&report.title),
        l(lang, "难度", "difficulty"),
        report.difficulty,
        report.seed
    );
    let _ = writeln!(
        out,
        "{}: {}\n",
        l(lang, "客户", "customer"),
        sanitize_line(sc.customer.company.get(lang))
    );
    if let Some(o) = &report.opening {
        let _ = writeln!(
            out,
            "  0  {}: {}",
            sanitize_line(&o.speaker),
            sanitize_line(&o.text)
        );
    }
    for s in steps {
        out.push_str(&render_step(s, lang));
    }
    out.push('\n');
    let _ = writeln!(out, "== {} ==", l(lang, "总结", "Report"));
    let _ = writeln!(
        out,
        "{} {}/100",
        l(lang, "总分", "Score"),
        report.score.total
    );
    for (part, ps) in report.score.parts.list() {
        let bar = "█".repeat(usize::try_from(ps.points).unwrap_or(0));
        let _ = writeln!(
            out,
            "  {} {:>2}/{:<2} {bar}",
            pad(part.name(lang), 26),
            ps.points,
            ps.max
        );
    }
    let c = &report.counts;
    let _ = writeln!(
        out,
        "{}  S {} · P {} · I {} · N {} · {} {}   I+N {}%",
        l(lang, "提问", "Questions"),
        c.situation,
        c.problem,
        c.implication,
        c.need_payoff,
        l(lang, "其他", "other"),
        c.other,
        c.in_share
    );
    let _ = writeln!(
        out,
        "{}  {} {} · {} {} · {} {}",
        l(lang, "需求", "Needs"),
        l(lang, "隐含", "implied"),
        c.implied_needs,
        l(lang, "明确", "explicit"),
        c.explicit_needs,
        l(lang, "满足", "met"),
        c.met_needs
    );
    let _ = writeln!(
        out,
        "FFAB  F {} · Fn {} · A {} · B {}",
        c.features, c.functions, c.advantages, c.benefits
    );
    let _ = writeln!(out, "{}", l(lang, "需求历程", "Needs journey"));
    let idw = report
        .needs
        .iter()
        .map(|n| crate::text::width(&n.id))
        .max()
        .unwrap_or(0);
    for n in &report.needs {
        let path = n.journey_text(lang);
        let _ = writeln!(
            out,
            "  {} {}: {path}",
            pad(&n.id, idw),
            sanitize_line(&n.summary)
        );
    }
    let r = &report.relationship;
    let _ = writeln!(
        out,
        "{}: {} ({})",
        l(lang, "客户关系", "Relationship"),
        quadrant_name(&r.quadrant, lang),
        sanitize_line(&r.reason)
    );
    if !report.closing.is_empty() {
        let _ = writeln!(out, "{}", l(lang, "结束时", "At the end"));
        for f in &report.closing {
            let _ = writeln!(
                out,
                "  {:+} {}: {}",
                f.points,
                f.rule,
                sanitize_line(&f.reason)
            );
        }
    }
    let _ = writeln!(out, "{}", l(lang, "最有用的建议", "Top tips"));
    for (i, t) in report.tips.iter().enumerate() {
        let at = t.turn.map_or_else(String::new, |n| format!(" (t{n})"));
        let _ = writeln!(
            out,
            "  {}. [{}{at}] {}",
            i + 1,
            t.rule,
            sanitize_line(&t.tip)
        );
    }
    out
}
