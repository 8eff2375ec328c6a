//! The end-of-meeting report: score and parts, behaviour counts, needs journeys,
//! the relationship reached, the top tips and every graded turn. Renderers are pure.

pub mod csv;
pub mod markdown;
mod text;

pub use text::{render_step, render_text};

use crate::lang::Lang;
use crate::lexicon::classify::Label;
use crate::scenario::Scenario;
use crate::scoring::{Finding, Part, RuleName, rules, share};
use crate::session::{Ending, NeedState, Session, Step};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The complete report of one meeting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// Scenario id.
    pub scenario: String,
    /// Scenario title in the report's language.
    pub title: String,
    /// The report's language.
    pub lang: Lang,
    /// The seed that chose reply variants.
    pub seed: u64,
    /// The scenario's difficulty.
    pub difficulty: Cow<'static, str>,
    /// How the meeting ended.
    pub ending: Cow<'static, str>,
    /// What the customer said to open the meeting, before the first turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Opening>,
    /// Every turn with its grade.
    pub turns: Vec<Turn>,
    /// Each need's final state and journey.
    pub needs: Vec<NeedOut>,
    /// Behaviour counts.
    pub counts: Counts,
    /// Total and parts.
    pub score: Score,
    /// The relationship reached.
    pub relationship: Relationship,
    /// Findings made at the end (personal needs, missed needs, no advance).
    pub closing: Vec<Finding<RuleName>>,
    /// The three most useful tips.
    pub tips: Vec<Tip>,
}

/// The customer's opening words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    /// Who said them.
    pub speaker: String,
    /// What was said.
    pub text: String,
}

/// One graded turn.
///
/// Written with the step's details flattened into the turn's object; read through
/// [`TurnFields`], the same object as one flat struct, since serde's `flatten`
/// buffers every field of a turn before reading it (a third of the time it took
/// to read a meeting file).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "TurnFields")]
pub struct Turn {
    /// 1-based turn number.
    pub turn: usize,
    /// `ask`, `present`, `propose` or `end`.
    pub kind: Cow<'static, str>,
    /// The trainee's input: text, or the FFAB parts.
    pub input: serde_json::Value,
    /// The contact addressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The SPIN label for questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Label>,
    /// The points of this turn.
    pub points: i32,
    /// The main rule applied (largest effect).
    pub rule: Option<RuleName>,
    /// Its reason.
    pub reason: Option<String>,
    /// Who answered.
    pub speaker: String,
    /// The customer's reply.
    pub reply: String,
    /// All the step's details.
    #[serde(flatten)]
    pub step: StepDetail,
}

/// The rest of a step, for JSON consumers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepDetail {
    /// The classifier's evidence.
    pub cues: Vec<String>,
    /// Scenario element hit.
    pub matched: Option<String>,
    /// All findings.
    pub findings: Vec<Finding<RuleName>>,
    /// Patience after the turn.
    pub patience: i32,
    /// Need state changes.
    pub changes: Vec<crate::session::NeedChange>,
    /// FFAB parts found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ffab: Option<crate::session::Ffab>,
}

/// A turn as it is read: every field of [`Turn`] and [`StepDetail`] at one level.
#[derive(Deserialize)]
struct TurnFields {
    turn: usize,
    kind: Cow<'static, str>,
    input: serde_json::Value,
    to: Option<String>,
    label: Option<Label>,
    points: i32,
    rule: Option<RuleName>,
    reason: Option<String>,
    speaker: String,
    reply: String,
    cues: Vec<String>,
    matched: Option<String>,
    findings: Vec<Finding<RuleName>>,
    patience: i32,
    changes: Vec<crate::session::NeedChange>,
    ffab: Option<crate::session::Ffab>,
}

impl From<TurnFields> for Turn {
    fn from(t: TurnFields) -> Turn {
        Turn {
            turn: t.turn,
            kind: t.kind,
            input: t.input,
            to: t.to,
            label: t.label,
            points: t.points,
            rule: t.rule,
            reason: t.reason,
            speaker: t.speaker,
            reply: t.reply,
            step: StepDetail {
                cues: t.cues,
                matched: t.matched,
                findings: t.findings,
                patience: t.patience,
                changes: t.changes,
                ffab: t.ffab,
            },
        }
    }
}

/// A need's final state and how it got there.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NeedOut {
    /// Need id.
    pub id: String,
    /// Short label.
    pub summary: String,
    /// Final state.
    pub state: NeedState,
    /// Each change: turn and new state.
    pub journey: Vec<JourneyPoint>,
}

impl NeedOut {
    /// The journey in words: `implied (t3) → developed (t5) → …`, or `hidden`.
    #[must_use]
    pub fn journey_text(&self, lang: Lang) -> String {
        if self.journey.is_empty() {
            return NeedState::Hidden.name(lang).to_string();
        }
        self.journey
            .iter()
            .map(|j| format!("{} (t{})", j.state.name(lang), j.turn))
            .collect::<Vec<_>>()
            .join(" → ")
    }
}

/// One change in a need's journey.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct JourneyPoint {
    /// The turn.
    pub turn: usize,
    /// The state reached.
    pub state: NeedState,
}

/// Huthwaite-style behaviour counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Situation questions.
    pub situation: u32,
    /// Problem questions.
    pub problem: u32,
    /// Implication questions.
    pub implication: u32,
    /// Need-payoff questions.
    pub need_payoff: u32,
    /// Inputs that were not SPIN questions.
    pub other: u32,
    /// Needs uncovered (implied or beyond).
    pub implied_needs: u32,
    /// Needs made explicit (explicit or met).
    pub explicit_needs: u32,
    /// Needs met by a benefit.
    pub met_needs: u32,
    /// Features stated.
    pub features: u32,
    /// Functions stated.
    pub functions: u32,
    /// Advantages stated.
    pub advantages: u32,
    /// Benefits stated.
    pub benefits: u32,
    /// Implication + need-payoff questions as a percentage of all SPIN questions.
    pub in_share: u32,
}

/// The score.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Score {
    /// 0–100.
    pub total: i32,
    /// The four parts.
    pub parts: Parts,
}

/// The four parts of the score.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Parts {
    /// Investigating.
    pub investigating: PartScore,
    /// Developing needs.
    pub developing: PartScore,
    /// Demonstrating capability.
    pub demonstrating: PartScore,
    /// Gaining commitment.
    pub commitment: PartScore,
}

impl Parts {
    /// The parts in report order with their ids.
    #[must_use]
    pub fn list(&self) -> [(Part, &PartScore); 4] {
        [
            (Part::Investigating, &self.investigating),
            (Part::Developing, &self.developing),
            (Part::Demonstrating, &self.demonstrating),
            (Part::Commitment, &self.commitment),
        ]
    }
}

/// One part's score.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct PartScore {
    /// Points counted (raw, clamped to 0..=max).
    pub points: i32,
    /// The most this part gives.
    pub max: i32,
    /// The findings' sum before clamping.
    pub raw: i32,
}

/// The relationship quadrant (METHOD.md §2).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Relationship {
    /// `partner`, `supplier`, `friend` or `outsider`.
    pub quadrant: Cow<'static, str>,
    /// Institutional needs met.
    pub institutional: bool,
    /// Personal needs met.
    pub personal: bool,
    /// Why, in words.
    pub reason: String,
}

/// A tip with where it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tip {
    /// The rule.
    pub rule: RuleName,
    /// The turn, or none for end-of-meeting tips.
    pub turn: Option<usize>,
    /// The advice.
    pub tip: String,
}

/// Builds the report of a session (finished or not).
#[must_use]
pub fn build(session: &Session, seed: u64) -> Report {
    let sc = session.scenario();
    let lang = session.lang();
    let turns: Vec<Turn> = session.steps().iter().map(turn_of).collect();
    let closing = closing_findings(session);
    let needs = needs_out(session);
    let counts = counts(session);
    let score = score(session.steps(), &closing);
    let relationship = relationship(session, lang);
    let tips = top_tips(session.steps(), &closing);
    Report {
        scenario: sc.id.value.clone(),
        title: crate::text::sanitize(sc.title.get(lang)),
        lang,
        seed,
        difficulty: sc.difficulty.code().into(),
        ending: match session.ending() {
            Some(Ending::Trainee) => "trainee",
            Some(Ending::CustomerLeft) => "customer_left",
            None => "unfinished",
        }
        .into(),
        opening: session.opening().map(|(speaker, text)| Opening {
            speaker: crate::text::sanitize(&speaker),
            text: crate::text::sanitize(&text),
        }),
        turns,
        needs,
        counts,
        score,
        relationship,
        closing: closing.iter().map(Finding::recorded).collect(),
        tips,
    }
}

fn turn_of(s: &Step) -> Turn {
    use crate::session::{Input, Pitch};
    let (input, to) = match &s.input {
        Input::Ask { to, text } => (serde_json::Value::String(text.clone()), to.clone()),
        Input::Propose(t) | Input::Present(Pitch::Sentence(t)) => {
            (serde_json::Value::String(t.clone()), None)
        }
        Input::Present(Pitch::Parts(p)) => (
            serde_json::to_value(p).unwrap_or(serde_json::Value::Null),
            None,
        ),
        Input::End => (serde_json::Value::Null, None),
    };
    let main = s
        .findings
        .iter()
        .fold(None::<&Finding>, |acc, f| match acc {
            Some(a) if a.points.abs() >= f.points.abs() => Some(a),
            _ => Some(f),
        });
    Turn {
        turn: s.turn,
        kind: s.input.kind().into(),
        input,
        to,
        label: s.label,
        points: s.points,
        rule: main.map(|f| f.rule.as_str().into()),
        reason: main.map(|f| f.reason.clone()),
        speaker: s.speaker.clone(),
        reply: s.reply.clone(),
        step: StepDetail {
            cues: s.cues.clone(),
            matched: s.matched.clone(),
            findings: s.findings.iter().map(Finding::recorded).collect(),
            patience: s.patience,
            changes: s.changes.clone(),
            ffab: s.ffab,
        },
    }
}

fn needs_out(session: &Session) -> Vec<NeedOut> {
    let sc = session.scenario();
    sc.needs
        .iter()
        .zip(session.needs())
        .map(|(n, p)| NeedOut {
            id: n.id.value.clone(),
            summary: crate::text::sanitize(n.summary.get(session.lang())),
            state: p.state,
            journey: p
                .journey
                .iter()
                .map(|(turn, state)| JourneyPoint {
                    turn: *turn,
                    state: *state,
                })
                .collect(),
        })
        .collect()
}

fn counts(session: &Session) -> Counts {
    let mut c = Counts::default();
    for s in session.steps() {
        match s.label {
            Some(Label::S) => c.situation += 1,
            Some(Label::P) => c.problem += 1,
            Some(Label::I) => c.implication += 1,
            Some(Label::N) => c.need_payoff += 1,
            Some(Label::Other) => c.other += 1,
            None => {}
        }
        if let Some(f) = s.ffab {
            c.features += u32::from(f.feature);
            c.functions += u32::from(f.function);
            c.advantages += u32::from(f.advantage);
            c.benefits += u32::from(f.benefit);
        }
    }
    for n in session.needs() {
        c.implied_needs += u32::from(n.state >= NeedState::Implied);
        c.explicit_needs += u32::from(n.state >= NeedState::Explicit);
        c.met_needs += u32::from(n.state == NeedState::Met);
    }
    let spin = c.situation + c.problem + c.implication + c.need_payoff;
    c.in_share = ((c.implication + c.need_payoff) * 100)
        .checked_div(spin)
        .unwrap_or(0);
    c
}

/// Personal-need links: (need index, contact id, personal need).
fn personal_links(sc: &Scenario) -> Vec<(usize, String, crate::scenario::Personal)> {
    sc.needs
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            n.layers
                .as_ref()?
                .behind
                .as_ref()
                .map(|b| (i, b.contact.value.clone(), b.need))
        })
        .collect()
}

/// The findings made at the end of a meeting: personal needs, no advance, missed needs.
#[must_use]
pub fn closing_findings(session: &Session) -> Vec<Finding> {
    let sc = session.scenario();
    let lang = session.lang();
    let mut out = Vec::new();
    let links = personal_links(sc);
    for (k, (i, contact, need)) in links.iter().enumerate() {
        let met = session.needs()[*i].state == NeedState::Met;
        let who = sc
            .customer
            .contacts
            .iter()
            .find(|c| &c.id.value == contact)
            .map(|c| crate::text::sanitize(c.name.get(lang)))
            .unwrap_or_default();
        let pts = if met {
            share(rules::PERSONAL_NEED_POT, links.len(), k)
        } else {
            0
        };
        out.push(rules::personal_need(
            lang,
            &who,
            personal_name(*need, lang),
            met,
            pts,
        ));
    }
    if let Some(words) = session.open_objection() {
        out.push(rules::objection_unresolved(lang, &words));
    }
    let weight = |a: &usize| sc.advances.get(*a).map(|x| x.weight);
    if session.accepted().is_empty() {
        out.push(rules::no_advance(lang, None));
    } else if session
        .accepted()
        .iter()
        .all(|a| weight(a) == Some(crate::scenario::Weight::Continuation))
    {
        let what = session
            .accepted()
            .first()
            .and_then(|a| sc.advances.get(*a))
            .and_then(|x| x.cues.first().cloned())
            .unwrap_or_default();
        out.push(rules::no_advance(lang, Some(&what)));
    }
    for (n, p) in sc.needs.iter().zip(session.needs()) {
        if p.state == NeedState::Hidden {
            let example = n.problem.cues.first().cloned().unwrap_or_default();
            out.push(rules::missed_need(
                lang,
                &crate::text::sanitize(n.summary.get(lang)),
                &example,
            ));
        }
    }
    out
}

/// A personal need's name in a language.
#[must_use]
pub fn personal_name(p: crate::scenario::Personal, lang: Lang) -> &'static str {
    use crate::scenario::Personal as P;
    lang.pick(
        match p {
            P::Power => "权力",
            P::Achievement => "成就",
            P::Recognition => "被赏识",
            P::Acceptance => "被接纳",
            P::Order => "有条理",
            P::Security => "安全感",
        },
        match p {
            P::Power => "power",
            P::Achievement => "achievement",
            P::Recognition => "recognition",
            P::Acceptance => "acceptance",
            P::Order => "order",
            P::Security => "security",
        },
    )
}

fn score(steps: &[Step], closing: &[Finding]) -> Score {
    let all = steps
        .iter()
        .flat_map(|s| s.findings.iter())
        .chain(closing.iter());
    let mut raw = [0i32; 4];
    for f in all {
        let idx = Part::ALL.iter().position(|p| *p == f.part).unwrap_or(0);
        raw[idx] += f.points;
    }
    let ps = |k: usize| PartScore {
        points: raw[k].clamp(0, Part::ALL[k].max_points()),
        max: Part::ALL[k].max_points(),
        raw: raw[k],
    };
    let parts = Parts {
        investigating: ps(0),
        developing: ps(1),
        demonstrating: ps(2),
        commitment: ps(3),
    };
    let total = parts.list().iter().map(|(_, p)| p.points).sum();
    Score { total, parts }
}

fn relationship(session: &Session, lang: Lang) -> Relationship {
    let sc = session.scenario();
    let total = sc.needs.len();
    let met = session
        .needs()
        .iter()
        .filter(|n| n.state == NeedState::Met)
        .count();
    let institutional = met > 0 && met * 2 >= total;
    let links = personal_links(sc);
    let pmet = links
        .iter()
        .filter(|(i, _, _)| session.needs()[*i].state == NeedState::Met)
        .count();
    let personal = pmet > 0 && pmet * 2 >= links.len();
    let quadrant = match (institutional, personal) {
        (true, true) => "partner",
        (true, false) => "supplier",
        (false, true) => "friend",
        (false, false) => "outsider",
    };
    let reason = match lang {
        Lang::Zh => format!(
            "机构需要:满足了 {met}/{total} 个需求(至少一半才算满足);个人需要:满足了 {pmet}/{} 个(至少一半才算满足)",
            links.len()
        ),
        Lang::En => format!(
            "institutional needs: {met} of {total} needs met (half or more counts as met); personal needs: {pmet} of {} met (half or more counts)",
            links.len()
        ),
    };
    Relationship {
        quadrant: quadrant.into(),
        institutional,
        personal,
        reason,
    }
}

/// A relationship quadrant's name in a language.
#[must_use]
pub fn quadrant_name(q: &str, lang: Lang) -> &'static str {
    match (q, lang) {
        ("partner", Lang::Zh) => "伙伴",
        ("supplier", Lang::Zh) => "供应商",
        ("friend", Lang::Zh) => "朋友",
        (_, Lang::Zh) => "局外人",
        ("partner", Lang::En) => "partner",
        ("supplier", Lang::En) => "supplier",
        ("friend", Lang::En) => "friend",
        (_, Lang::En) => "outsider",
    }
}

fn top_tips(steps: &[Step], closing: &[Finding]) -> Vec<Tip> {
    let mut all: Vec<(i32, u8, usize, Option<usize>, &Finding)> = Vec::new();
    // A turn the coach could not read is never the trainee's top lesson.
    for s in steps.iter().filter(|s| !s.unsure) {
        for f in &s.findings {
            all.push((
                f.points.min(0),
                u8::from(f.points > 0),
                s.turn,
                Some(s.turn),
                f,
            ));
        }
    }
    for f in closing {
        all.push((f.points.min(0), u8::from(f.points > 0), usize::MAX, None, f));
    }
    all.sort_by_key(|(neg, positive, order, _, _)| (*neg, *positive, *order));
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (_, _, _, turn, f) in all {
        let Some(tip) = &f.tip else { continue };
        if seen.contains(&f.rule) {
            continue;
        }
        seen.push(f.rule);
        out.push(Tip {
            rule: f.rule.as_str().into(),
            turn,
            tip: tip.clone(),
        });
        if out.len() == 3 {
            break;
        }
    }
    out
}
