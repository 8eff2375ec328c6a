//! spin-coach's `completed` statements read back (from an LRS) into what a class
//! report needs of a meeting: the trainee, the meeting's summary and its
//! point-losing rules. Statements come from a store other people write to, so
//! every number is checked against its range as meeting files are.

use super::ext;
use crate::report::{Counts, PartScore, Parts, Score};
use crate::store::summary::Summary;
use crate::store::{MAX_COUNT, Status};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A meeting read back from its `completed` statement.
#[derive(Debug, Clone)]
pub struct ReadBack {
    /// The actor's name (else its e-mail address or account name).
    pub trainee: String,
    /// The meeting's summary.
    pub summary: Summary,
    /// Point-losing findings per rule.
    pub lost: BTreeMap<String, u32>,
}

#[derive(Deserialize)]
struct MeetingExt {
    id: String,
    scenario: String,
    #[serde(default)]
    title: String,
    seed: u64,
    started_at: String,
    finished_at: Option<String>,
    turns: usize,
}

#[derive(Deserialize)]
#[allow(non_snake_case)]
struct SpinExt {
    S: u32,
    P: u32,
    I: u32,
    N: u32,
}

#[derive(Deserialize)]
struct BehaviourExt {
    other: u32,
    implied_needs: u32,
    explicit_needs: u32,
    met_needs: u32,
    features: u32,
    functions: u32,
    advantages: u32,
    benefits: u32,
    premature_pitches: u32,
    situation_overuse: u32,
}

#[derive(Deserialize)]
struct PartsExt {
    investigating: PartScore,
    developing: PartScore,
    demonstrating: PartScore,
    commitment: PartScore,
}

/// Whether a statement is a spin-coach `completed` statement (others in the LRS
/// are left alone).
#[must_use]
pub fn is_ours(st: &Value) -> bool {
    st["verb"]["id"] == super::VERB_COMPLETED
        && st["context"]["extensions"].get(ext::MEETING).is_some()
}

fn field<'a, T: Deserialize<'a>>(st: &'a Value, key: &str) -> Result<T, String> {
    let v = st["context"]["extensions"]
        .get(key)
        .ok_or_else(|| format!("context.extensions.{key} is missing"))?;
    T::deserialize(v).map_err(|e| format!("context.extensions.{key}: {e}"))
}

fn within(what: &str, v: i64, lo: i64, hi: i64) -> Result<(), String> {
    if (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(format!("{what} is {v}, outside {lo}–{hi}"))
    }
}

/// Reads one spin-coach `completed` statement.
///
/// # Errors
/// What is missing or out of range, naming the field.
pub fn meeting(st: &Value) -> Result<ReadBack, String> {
    let m: MeetingExt = field(st, ext::MEETING)?;
    let spin: SpinExt = field(st, ext::SPIN)?;
    let b: BehaviourExt = field(st, ext::BEHAVIOUR)?;
    let in_share: u32 = field(st, ext::IN_SHARE)?;
    let parts: PartsExt = field(st, ext::PARTS)?;
    let lost: BTreeMap<String, u32> = field(st, ext::LOST)?;
    let total = st["result"]["score"]["raw"]
        .as_i64()
        .ok_or("result.score.raw is missing")?;
    let n = i64::from(MAX_COUNT);
    within("result.score.raw", total, 0, 100)?;
    let parts = Parts {
        investigating: parts.investigating,
        developing: parts.developing,
        demonstrating: parts.demonstrating,
        commitment: parts.commitment,
    };
    for (p, ps) in parts.list() {
        within(&format!("parts.{}.max", p.code()), ps.max.into(), 1, 100)?;
        within(
            &format!("parts.{}.points", p.code()),
            ps.points.into(),
            0,
            ps.max.into(),
        )?;
    }
    within("in-share", in_share.into(), 0, 100)?;
    for (k, v) in [
        ("S", spin.S),
        ("P", spin.P),
        ("I", spin.I),
        ("N", spin.N),
        ("other", b.other),
        ("implied_needs", b.implied_needs),
        ("explicit_needs", b.explicit_needs),
        ("met_needs", b.met_needs),
        ("features", b.features),
        ("functions", b.functions),
        ("advantages", b.advantages),
        ("benefits", b.benefits),
        ("premature_pitches", b.premature_pitches),
        ("situation_overuse", b.situation_overuse),
    ]
    .into_iter()
    .chain(lost.iter().map(|(k, v)| (k.as_str(), *v)))
    {
        within(k, v.into(), 0, n)?;
    }
    within("turns", i64::try_from(m.turns).unwrap_or(i64::MAX), 0, n)?;
    if !crate::store::valid_id(&m.id) {
        return Err(format!(
            "meeting id `{}` is not a plain id",
            crate::text::sanitize_line(&m.id)
        ));
    }
    let actor = &st["actor"];
    let trainee = actor["name"]
        .as_str()
        .or_else(|| {
            actor["mbox"]
                .as_str()
                .map(|m| m.trim_start_matches("mailto:"))
        })
        .or_else(|| actor["account"]["name"].as_str())
        .unwrap_or("?");
    let lang = st["context"]["language"]
        .as_str()
        .and_then(super::lang_of_tag)
        .unwrap_or(crate::lang::Lang::En);
    let total = i32::try_from(total).unwrap_or(0);
    Ok(ReadBack {
        trainee: crate::text::sanitize_line(trainee),
        summary: Summary {
            id: m.id,
            scenario: m.scenario,
            title: m.title,
            status: Status::Finished,
            lang,
            seed: m.seed,
            started_at: m.started_at,
            finished_at: m.finished_at,
            turns: m.turns,
            score: Score { total, parts },
            counts: Counts {
                situation: spin.S,
                problem: spin.P,
                implication: spin.I,
                need_payoff: spin.N,
                other: b.other,
                implied_needs: b.implied_needs,
                explicit_needs: b.explicit_needs,
                met_needs: b.met_needs,
                features: b.features,
                functions: b.functions,
                advantages: b.advantages,
                benefits: b.benefits,
                in_share,
            },
            premature_pitches: b.premature_pitches,
            situation_overuse: b.situation_overuse,
        },
        lost,
    })
}
