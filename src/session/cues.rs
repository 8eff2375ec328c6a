//! A scenario's cue lists, normalised once, and scoring of text against them.

use crate::lexicon::find_cue_fuzzy;
use crate::scenario::Scenario;
use crate::text::normalize;

/// Normalised cue list.
pub(crate) type CueList = Vec<String>;

/// One product part's cues.
pub(crate) struct PartCues {
    pub cues: CueList,
}

/// All cue lists of a scenario.
pub(crate) struct Cues {
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
        let mut parts = Vec::new();
        for p in &sc.products {
            for list in [&p.features, &p.functions, &p.advantages] {
                for part in list {
                    parts.push(PartCues {
                        cues: norm(&part.cues),
                    });
                }
            }
            for b in &p.benefits {
                parts.push(PartCues {
                    cues: norm(&b.cues),
                });
            }
        }
        Cues {
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
