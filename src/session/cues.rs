//! A scenario's cue lists, normalised once, and scoring of text against them.

use crate::lexicon::find_cue_fuzzy;
use crate::scenario::{AdvanceKind, Scenario};
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
    /// Each advance's own cues, as the author wrote them.
    pub advances: Vec<CueList>,
    /// Each advance's cues plus the everyday words for its kind of next step, so
    /// "pop over on Tuesday" or 先装上试一个月 is read as the visit or the trial
    /// the author meant without listing every wording.
    pub advances_read: Vec<CueList>,
}

/// Everyday words (zh and en, normalised) for proposing each kind of next step.
pub(crate) fn kind_words(kind: AdvanceKind) -> &'static [&'static str] {
    match kind {
        AdvanceKind::TrialUnit => &[
            "trial",
            "try it",
            "try out",
            "pilot",
            "test it",
            "test run",
            "for a month",
            "free for",
            "no charge",
            "free of charge",
            "run it for",
            "试用",
            "试点",
            "试一",
            "先试",
            "试试",
            "免费用",
            "样机",
            "先装",
            "装上",
            "用一个月",
            "跑一个月",
        ],
        AdvanceKind::Visit => &[
            "come by",
            "pop over",
            "pop in",
            "drop by",
            "drop in",
            "stop by",
            "swing by",
            "come over",
            "come round",
            "come and see you",
            "call on you",
            "visit",
            "meet again",
            "拜访",
            "上门",
            "登门",
            "过来",
            "再来",
            "来一趟",
            "见个面",
            "再约",
        ],
        AdvanceKind::SiteVisit => &[
            "site visit",
            "reference visit",
            "see it running",
            "see it in action",
            "reference site",
            "reference customer",
            "tour",
            "参观",
            "考察",
            "去看看",
            "实地看",
            "样板",
            "现场看",
        ],
        AdvanceKind::TechnicalExchange => &[
            "technical workshop",
            "workshop",
            "technical session",
            "technical meeting",
            "demo",
            "demonstration",
            "proof of concept",
            "architecture review",
            "技术交流",
            "交流会",
            "演示",
            "方案交流",
            "方案讲解",
            "技术同事",
            "工程师",
        ],
        AdvanceKind::BusinessEvent => &[
            "event",
            "seminar",
            "breakfast",
            "lunch",
            "dinner",
            "roundtable",
            "活动",
            "沙龙",
            "研讨会",
            "论坛",
            "饭",
        ],
        AdvanceKind::Exhibition => &[
            "expo",
            "exhibition",
            "trade show",
            "展会",
            "展览",
            "展厅",
            "博览会",
        ],
        AdvanceKind::Gift => &[
            "gift",
            "free sample",
            "complimentary",
            "赠品",
            "礼品",
            "送您",
        ],
        AdvanceKind::TelephoneSelling => &[
            "give you a call",
            "call you",
            "phone you",
            "ring you",
            "follow-up call",
            "电话",
            "打给您",
        ],
        AdvanceKind::Other => &[],
    }
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
            advances_read: sc
                .advances
                .iter()
                .map(|a| {
                    let mut l = norm(&a.cues);
                    for w in kind_words(a.kind) {
                        if !l.iter().any(|c| c == w) {
                            l.push((*w).to_string());
                        }
                    }
                    l
                })
                .collect(),
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
