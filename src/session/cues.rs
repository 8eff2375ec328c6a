//! A scenario's cue lists, normalised once, and scoring of text against them.

use crate::lexicon::find_cue_fuzzy;
use crate::scenario::Scenario;
use crate::text::normalize;

/// Normalised cue list.
pub(crate) type CueList = Vec<String>;

/// Which kind of product part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    Feature,
    Function,
    Advantage,
    Benefit,
}

/// One product part's cues.
pub(crate) struct PartCues {
    pub kind: PartKind,
    /// For benefits: the need index it meets.
    pub need: Option<usize>,
    pub cues: CueList,
}

/// All cue lists of a scenario.
pub(crate) struct Cues {
    pub facts: Vec<CueList>,
    pub problem: Vec<CueList>,
    pub implications: Vec<Vec<CueList>>,
    pub payoff: Vec<CueList>,
    pub parts: Vec<PartCues>,
    pub advances: Vec<CueList>,
}

fn norm(list: &[String]) -> CueList {
    list.iter()
        .map(|c| normalize(c))
        .filter(|c| !c.is_empty())
        .collect()
}

impl Cues {
    pub fn new(sc: &Scenario) -> Cues {
        let need_index = |id: &str| sc.needs.iter().position(|n| n.id.value == id);
        let mut parts = Vec::new();
        for p in &sc.products {
            for (kind, list) in [
                (PartKind::Feature, &p.features),
                (PartKind::Function, &p.functions),
                (PartKind::Advantage, &p.advantages),
            ] {
                for part in list {
                    parts.push(PartCues {
                        kind,
                        need: None,
                        cues: norm(&part.cues),
                    });
                }
            }
            for b in &p.benefits {
                parts.push(PartCues {
                    kind: PartKind::Benefit,
                    need: need_index(&b.need.value),
                    cues: norm(&b.cues),
                });
            }
        }
        Cues {
            facts: sc.facts.iter().map(|f| norm(&f.cues)).collect(),
            problem: sc.needs.iter().map(|n| norm(&n.problem.cues)).collect(),
            implications: sc
                .needs
                .iter()
                .map(|n| n.implications.iter().map(|b| norm(&b.cues)).collect())
                .collect(),
            payoff: sc.needs.iter().map(|n| norm(&n.payoff.cues)).collect(),
            parts,
            advances: sc.advances.iter().map(|a| norm(&a.cues)).collect(),
        }
    }
}

/// A match of text against a cue list: weight (characters of matched cues), the
/// longest cue matched and its position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Hit {
    pub weight: usize,
    pub cue: String,
    pub first: usize,
}

/// Scores normalised text against a cue list; `None` when nothing matched.
pub(crate) fn score(text: &str, cues: &[String]) -> Option<Hit> {
    let mut hit = Hit {
        weight: 0,
        cue: String::new(),
        first: usize::MAX,
    };
    for c in cues {
        if let Some(at) = find_cue_fuzzy(text, c) {
            let w = c.chars().count();
            hit.weight += w;
            if w > hit.cue.chars().count() {
                hit.cue.clone_from(c);
            }
            hit.first = hit.first.min(at);
        }
    }
    (hit.weight > 0).then_some(hit)
}

/// The best-scoring list among `lists` (earliest wins ties), with its index.
pub(crate) fn best<'a, I>(text: &str, lists: I) -> Option<(usize, Hit)>
where
    I: IntoIterator<Item = &'a CueList>,
{
    let mut out: Option<(usize, Hit)> = None;
    for (i, l) in lists.into_iter().enumerate() {
        if let Some(h) = score(text, l)
            && out.as_ref().is_none_or(|(_, b)| h.weight > b.weight)
        {
            out = Some((i, h));
        }
    }
    out
}
