//! A per-scenario index of everything the customer knows and says: facts, each need's
//! problem, implications, payoff and summary, the product parts and the advances.
//! Built once when a session starts; a turn is scored against it with BM25 over
//! [`terms`](super::terms), plus a bonus for the author's cue words.

use super::terms::{Term, shown_all, terms};
use crate::lexicon::find_cue_fuzzy;
use crate::scenario::{Scenario, Text};
use crate::text::normalize;
use std::collections::HashMap;

/// One element of a scenario a turn can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    /// A fact (situation topic).
    Fact(usize),
    /// A need's problem: what the customer says when it is uncovered.
    Problem(usize),
    /// A need's implication `k`.
    Implication(usize, usize),
    /// A need's payoff: the explicit want, and the benefits that meet it.
    Payoff(usize),
    /// What the need is, in plain words.
    Summary(usize),
    /// A product feature (index into [`Index::parts`]).
    Feature(usize),
    /// A product function.
    Function(usize),
    /// A product advantage.
    Advantage(usize),
    /// A product benefit.
    Benefit(usize),
}

impl Element {
    /// The need this element belongs to, if any.
    #[must_use]
    pub fn need(self) -> Option<usize> {
        match self {
            Element::Problem(n)
            | Element::Implication(n, _)
            | Element::Payoff(n)
            | Element::Summary(n) => Some(n),
            _ => None,
        }
    }
}

/// A product part's place: which need a benefit meets.
#[derive(Debug, Clone)]
pub struct PartInfo {
    /// The benefit's need, for benefits.
    pub need: Option<usize>,
    /// The part's text in the scenario's language, for feedback.
    pub id: String,
}

struct Doc {
    el: Element,
    tf: HashMap<String, f32>,
    len: f32,
    cues: Vec<String>,
    /// The element's whole text, normalised, to show shared terms as words.
    text: String,
}

/// The index of one scenario.
pub struct Index {
    docs: Vec<Doc>,
    idf: HashMap<String, f32>,
    avg_len: f32,
    /// Product parts in index order (features, functions, advantages, benefits of each product).
    pub parts: Vec<PartInfo>,
}

/// A scored element.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The element.
    pub el: Element,
    /// Its score (BM25 plus cue bonus).
    pub score: f32,
}

const K1: f32 = 1.2;
const B: f32 = 0.5;
/// Bonus for each author cue found in the turn.
const CUE_BONUS: f32 = 1.6;

fn text_all(t: &Text) -> String {
    t.all().collect::<Vec<_>>().join(" ")
}

impl Index {
    /// Indexes a scenario.
    #[must_use]
    pub fn new(sc: &Scenario) -> Index {
        let mut raw: Vec<(Element, String, &[String])> = Vec::new();
        for (i, f) in sc.facts.iter().enumerate() {
            let mut s = text_all(&f.topic);
            s.push(' ');
            s.push_str(&text_all(&f.reply));
            for v in &f.variants {
                s.push(' ');
                s.push_str(&text_all(v));
            }
            raw.push((Element::Fact(i), s, &f.cues));
        }
        let need_index = |id: &str| sc.needs.iter().position(|n| n.id.value == id);
        let mut parts = Vec::new();
        let mut benefit_texts: Vec<String> = vec![String::new(); sc.needs.len()];
        let mut part_docs: Vec<(Element, String, &[String])> = Vec::new();
        for p in &sc.products {
            for (kind, list) in [(0, &p.features), (1, &p.functions), (2, &p.advantages)] {
                for part in list {
                    let k = parts.len();
                    parts.push(PartInfo {
                        need: None,
                        id: part.id.value.clone(),
                    });
                    let el = match kind {
                        0 => Element::Feature(k),
                        1 => Element::Function(k),
                        _ => Element::Advantage(k),
                    };
                    part_docs.push((el, text_all(&part.text), &part.cues));
                }
            }
            for b in &p.benefits {
                let k = parts.len();
                let need = need_index(&b.need.value);
                parts.push(PartInfo {
                    need,
                    id: b.id.value.clone(),
                });
                if let Some(n) = need {
                    benefit_texts[n].push(' ');
                    benefit_texts[n].push_str(&text_all(&b.text));
                }
                part_docs.push((Element::Benefit(k), text_all(&b.text), &b.cues));
            }
        }
        for (i, n) in sc.needs.iter().enumerate() {
            let mut prob = text_all(&n.problem.reply);
            for v in &n.problem.variants {
                prob.push(' ');
                prob.push_str(&text_all(v));
            }
            if let Some(l) = &n.layers {
                prob.push(' ');
                prob.push_str(&text_all(&l.stated));
            }
            raw.push((Element::Problem(i), prob, &n.problem.cues));
            for (k, imp) in n.implications.iter().enumerate() {
                let mut s = text_all(&imp.reply);
                for v in &imp.variants {
                    s.push(' ');
                    s.push_str(&text_all(v));
                }
                raw.push((Element::Implication(i, k), s, &imp.cues));
            }
            let mut pay = text_all(&n.payoff.reply);
            for v in &n.payoff.variants {
                pay.push(' ');
                pay.push_str(&text_all(v));
            }
            pay.push_str(&benefit_texts[i]);
            if let Some(s) = &n.satisfied {
                pay.push(' ');
                pay.push_str(&text_all(s));
            }
            raw.push((Element::Payoff(i), pay, &n.payoff.cues));
            let mut sum = text_all(&n.summary);
            if let Some(l) = &n.layers {
                sum.push(' ');
                sum.push_str(&text_all(&l.actual));
            }
            raw.push((Element::Summary(i), sum, &[]));
        }
        raw.extend(part_docs);
        let mut docs = Vec::with_capacity(raw.len());
        let mut df: HashMap<String, f32> = HashMap::new();
        // A cue that is only a word of question form ("useful", "happen", "impact",
        // 帮助) says how a question is asked, not what about: it would tie any
        // "would that be useful?" to whichever need lists it.
        let lex = crate::lexicon::Lexicon::builtin().lang(sc.language);
        let form_only = |c: &str| {
            let n = normalize(c);
            let scan = lex.scan(&n);
            [
                crate::lexicon::List::NeedPayoff,
                crate::lexicon::List::Implication,
            ]
            .iter()
            .any(|l| scan.hits(*l, false).iter().any(|(h, _)| normalize(h) == n))
        };
        let names: std::collections::HashSet<String> = sc
            .customer
            .contacts
            .iter()
            .flat_map(|c| c.name.all().map(str::to_string).collect::<Vec<_>>())
            .flat_map(|n| terms(n.as_str()))
            .map(|t| t.text)
            .collect();
        for (el, text, cues) in raw {
            let cues: Vec<String> = cues.iter().filter(|c| !form_only(c)).cloned().collect();
            let cues = &cues;
            let mut tf: HashMap<String, f32> = HashMap::new();
            let mut len = 0.0;
            let mut all = text;
            for c in cues {
                all.push(' ');
                all.push_str(c);
            }
            for Term { text, weight } in terms(&all) {
                // A contact's name is how a turn is addressed ("Priya, …"), not what
                // it is about.
                if names.contains(&text) {
                    continue;
                }
                *tf.entry(text).or_default() += weight;
                len += weight;
            }
            let text = normalize(&all);
            for t in tf.keys() {
                *df.entry(t.clone()).or_default() += 1.0;
            }
            docs.push(Doc {
                el,
                tf,
                len,
                cues: cues
                    .iter()
                    .map(|c| normalize(c))
                    .filter(|c| !c.is_empty())
                    .collect(),
                text,
            });
        }
        let n = docs.len().max(1) as f32;
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, (1.0 + (n - d + 0.5) / (d + 0.5)).ln()))
            .collect();
        let avg_len = (docs.iter().map(|d| d.len).sum::<f32>() / n).max(1.0);
        Index {
            docs,
            idf,
            avg_len,
            parts,
        }
    }

    /// One query term's BM25 share of a document's score, if the document has it.
    fn term_score(&self, d: &Doc, q: &Term) -> Option<f32> {
        let tf = d.tf.get(&q.text)?;
        let norm_tf = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * d.len / self.avg_len));
        Some(self.idf(&q.text) * norm_tf * q.weight)
    }

    /// Scores every element against a turn's terms and normalised text; best first.
    #[must_use]
    pub fn score(&self, query: &[Term], norm: &str) -> Vec<Hit> {
        let mut out: Vec<Hit> = self
            .docs
            .iter()
            .filter_map(|d| {
                let mut s: f32 = query.iter().filter_map(|q| self.term_score(d, q)).sum();
                for c in &d.cues {
                    if find_cue_fuzzy(norm, c).is_some() {
                        s += CUE_BONUS;
                    }
                }
                (s > 0.0).then_some(Hit { el: d.el, score: s })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// How many distinct words of a turn (and cues) reach any element of need `need`:
    /// one shared place name is not a question about the need.
    #[must_use]
    pub fn need_evidence_count(&self, need: usize, query: &[Term], norm: &str) -> usize {
        let docs: Vec<&Doc> = self
            .docs
            .iter()
            .filter(|d| d.el.need() == Some(need))
            .collect();
        let words = query
            .iter()
            .filter(|q| q.weight >= 0.5 && docs.iter().any(|d| d.tf.contains_key(&q.text)))
            .count();
        let mut cues: Vec<&String> = docs
            .iter()
            .flat_map(|d| d.cues.iter())
            .filter(|c| find_cue_fuzzy(norm, c).is_some())
            .collect();
        cues.sort();
        cues.dedup();
        words + cues.len()
    }

    /// The best score of an element of need `need` from the words of the turn that
    /// reach no element of need `other`: what the turn says about `need` alone.
    #[must_use]
    pub fn score_apart(&self, need: usize, other: usize, query: &[Term], norm: &str) -> f32 {
        let theirs: Vec<&Doc> = self
            .docs
            .iter()
            .filter(|d| d.el.need() == Some(other))
            .collect();
        let own: Vec<&Term> = query
            .iter()
            .filter(|q| !theirs.iter().any(|d| d.tf.contains_key(&q.text)))
            .collect();
        self.docs
            .iter()
            .filter(|d| d.el.need() == Some(need))
            .map(|d| {
                let mut s: f32 = own.iter().filter_map(|q| self.term_score(d, q)).sum();
                for c in &d.cues {
                    if find_cue_fuzzy(norm, c).is_some()
                        && !theirs.iter().any(|t| t.cues.contains(c))
                    {
                        s += CUE_BONUS;
                    }
                }
                s
            })
            .fold(0.0, f32::max)
    }

    /// Every term's and cue's share of each element's score, largest first: what a
    /// reading rests on, for authors and for debugging a misread.
    #[must_use]
    pub fn contributions(&self, query: &[Term], norm: &str) -> Vec<(Element, Vec<(String, f32)>)> {
        let mut out = Vec::new();
        for d in &self.docs {
            let mut parts: Vec<(String, f32)> = Vec::new();
            for q in query {
                if let Some(v) = self.term_score(d, q) {
                    parts.push((q.text.clone(), v));
                }
            }
            for c in &d.cues {
                if find_cue_fuzzy(norm, c).is_some() {
                    parts.push((format!("cue:{c}"), CUE_BONUS));
                }
            }
            if !parts.is_empty() {
                parts.sort_by(|a, b| b.1.total_cmp(&a.1));
                out.push((d.el, parts));
            }
        }
        out.sort_by(|a, b| {
            let sa: f32 = a.1.iter().map(|p| p.1).sum();
            let sb: f32 = b.1.iter().map(|p| p.1).sum();
            sb.total_cmp(&sa)
        });
        out
    }

    /// The words that tie a turn to an element, most telling first: the author's cue
    /// words found in the turn, then the shared terms by how specific they are.
    #[must_use]
    pub fn evidence(&self, el: Element, query: &[Term], norm: &str) -> Vec<String> {
        let Some(d) = self.docs.iter().find(|d| d.el == el) else {
            return Vec::new();
        };
        let mut out: Vec<String> = d
            .cues
            .iter()
            .filter(|c| find_cue_fuzzy(norm, c).is_some())
            .cloned()
            .collect();
        let mut shared: Vec<&Term> = query
            .iter()
            .filter(|q| q.weight >= 1.0 && d.tf.contains_key(&q.text))
            .collect();
        shared.sort_by(|a, b| {
            self.idf(&b.text)
                .total_cmp(&self.idf(&a.text))
                .then(a.text.cmp(&b.text))
        });
        for t in shown_all(shared.iter().map(|t| t.text.as_str()), norm, &d.text) {
            if !out
                .iter()
                .any(|o| o.contains(t.as_str()) || t.contains(o.as_str()))
            {
                out.push(t);
            }
        }
        out.truncate(3);
        out
    }

    /// The idf of a term (0 when unknown): how specific it is to one element.
    #[must_use]
    pub fn idf(&self, term: &str) -> f32 {
        self.idf.get(term).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::terms::term_set;

    #[test]
    fn a_cue_that_is_only_a_form_word_does_not_ground() {
        // bakery-vpn lists "useful" and "help" among the night bakers' need-payoff
        // cues; a bare "would that be useful?" is about nothing in particular.
        let sc = crate::scenario::bundled_by_id("bakery-vpn")
            .and_then(Result::ok)
            .expect("bundled scenario")
            .scenario;
        let idx = Index::new(&sc);
        let q = "Would that be useful?";
        let hits = idx.score(&term_set(q), &normalize(q));
        assert!(hits.iter().all(|h| h.score < 1.0), "{hits:?}");
        // A topic cue still grounds.
        let q = "Is it hard to reach the night bakers?";
        let hits = idx.score(&term_set(q), &normalize(q));
        assert!(hits.first().is_some_and(|h| h.score >= 1.8), "{hits:?}");
    }
}
