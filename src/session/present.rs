//! Presentations: read the FFAB parts and the need they answer, then grade.
//!
//! A part counts only for substance: the feature or function must name a product
//! element of the scenario, the advantage must compare with content of its own, and
//! the benefit must answer a need's explicit want; connecting phrases alone earn
//! nothing. An opening that restates the need is the acknowledgement, and order is
//! judged after it. The benefit is credited to the need it actually answers.

use super::replies::{self, Kind};
use super::{Ffab, NeedState, Pitch, Session, Step};
use crate::lang::Lang;
use crate::lexicon::List;
use crate::scenario::Trigger;
use crate::scoring::rules;
use crate::text::normalize;
use crate::understand::index::Element;
use crate::understand::terms::{Term, term_set};

/// What was recognised in a presentation.
struct Reading {
    ffab: Ffab,
    in_order: bool,
    acknowledged: bool,
    need: Option<usize>,
    benefit_text: String,
}

/// The least grounding score for a clause to name a product part or a need.
const PART_MIN: f32 = 1.6;

/// What one clause of a presentation does.
#[derive(Debug, Clone, Default)]
struct Clause {
    /// Names a feature (0) or function (1), or an advantage (2).
    part: Option<u8>,
    /// How strongly it names that product part.
    part_score: f32,
    /// Answers this need (its want, its problem or a benefit that meets it).
    need: Option<(usize, f32)>,
    /// Every need it speaks to, with the strongest evidence for each.
    needs: Vec<(usize, f32)>,
    /// Compares with how things are now, with content of its own.
    compares: bool,
    /// Says "you said…": an acknowledgement phrase.
    acknowledges: bool,
    /// Has a benefit connector ("so you", 所以).
    benefit_connector: bool,
    /// Tells the customer what they get ("you reach…", 您就…, 让您…).
    addresses: bool,
}

const COMPARE_ZH: &[&str] = &[
    "比",
    "相比",
    "不像",
    "不用再",
    "不再",
    "更",
    "省",
    "而不是",
    "以前",
    "现在要",
    "不必",
];
const COMPARE_EN: &[&str] = &[
    "unlike",
    "compared",
    "than",
    "instead of",
    "rather than",
    "no more",
    "no longer",
    "faster",
    "cheaper",
    "better",
    "quicker",
    "easier",
    "instead",
    "without",
    "whereas",
    "today you",
];

/// The need with the most evidence summed over several clauses' readings, each
/// list with its weight.
fn strongest(lists: &[(&[(usize, f32)], f32)]) -> Option<usize> {
    let mut total: Vec<(usize, f32)> = Vec::new();
    for &(list, w) in lists {
        for &(n, score) in list {
            let score = score * w;
            match total.iter_mut().find(|x| x.0 == n) {
                Some(x) => x.1 += score,
                None => total.push((n, score)),
            }
        }
    }
    total
        .into_iter()
        .fold(None::<(usize, f32)>, |best, x| match best {
            Some(b) if b.1 >= x.1 => Some(b),
            _ => Some(x),
        })
        .map(|b| b.0)
}

/// Clause openings that announce the benefit ("so the shelves are full",
/// 说白了就是…, 这么一来…), besides the lexicon's connectors, which count anywhere.
const BENEFIT_OPENINGS: &[&str] = &[
    "so ",
    "and so ",
    "which means",
    "that means",
    "this means",
    "meaning ",
    "so that",
    "in other words",
    "the upshot",
    "the result is",
    "这样",
    "这么一来",
    "说白了",
    "换句话说",
    "换言之",
    "结果就是",
    "好处是",
    "从而",
    "于是",
    "到时候",
    "那您",
];

impl Session {
    fn content_terms(&self, text: &str) -> Vec<Term> {
        term_set(&self.without_connectors(text))
    }

    /// The text with its FFAB connecting phrases and acknowledgement words blanked
    /// out: "which means you" is structure, not a scenario's cue "mean".
    fn without_connectors(&self, text: &str) -> String {
        let l = self.lex.lang(Lang::detect(text));
        let mut t = text.to_string();
        let c = &l.connectors;
        for list in [
            &c.feature,
            &c.function,
            &c.advantage,
            &c.benefit,
            &l.acknowledge,
        ] {
            for w in list {
                t = t.replace(w.as_str(), " ");
            }
        }
        t
    }

    fn read_clause(&self, clause: &str) -> Clause {
        let norm = normalize(clause);
        let lang = Lang::detect(&norm);
        let l = self.lex.lang(lang);
        let bare = self.without_connectors(&norm);
        let content = term_set(&bare);
        let hits_ = self.index.score(&content, &bare);
        let mut c = Clause {
            acknowledges: !l.hits(List::Acknowledge, &norm, false).is_empty(),
            benefit_connector: !crate::lexicon::phrase_hits(&norm, &l.connectors.benefit)
                .is_empty(),
            addresses: [
                "您就",
                "您可以",
                "让您",
                "您不用",
                "您再",
                "您能",
                "您随时",
                "你们就",
                "你们可以",
                "你就",
                "你可以",
                "让你",
            ]
            .iter()
            .any(|w| norm.contains(w))
                || norm
                    .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
                    .any(|w| ["you", "you'll", "you're", "you've"].contains(&w)),
            ..Clause::default()
        };
        let content_weight: f32 = content.iter().map(|t| t.weight).sum();
        let compare = match lang {
            Lang::Zh => COMPARE_ZH.iter().any(|w| norm.contains(w)),
            Lang::En => COMPARE_EN
                .iter()
                .any(|w| crate::lexicon::find_phrase(&norm, w).is_some()),
        };
        c.compares = compare && content_weight >= 2.0;

        // A part or a benefit is said in words, not in one keyword.
        if content_weight < 1.5 {
            // 说白了就是，… : the connector alone, passed on to the next clause.
            c.benefit_connector |= BENEFIT_OPENINGS.iter().any(|w| norm.starts_with(w));
            return c;
        }
        for h in &hits_ {
            if h.score < PART_MIN {
                break;
            }
            let need = match h.el {
                Element::Feature(_) | Element::Function(_) | Element::Advantage(_)
                    if c.part.is_none() =>
                {
                    c.part = Some(match h.el {
                        Element::Feature(_) => 0,
                        Element::Function(_) => 1,
                        _ => 2,
                    });
                    c.part_score = h.score;
                    None
                }
                Element::Benefit(k) => self.index.parts.get(k).and_then(|p| p.need),
                Element::Payoff(n)
                | Element::Problem(n)
                | Element::Summary(n)
                | Element::Implication(n, _) => Some(n),
                _ => None,
            };
            if let Some(n) = need {
                c.need.get_or_insert((n, h.score));
                if !c.needs.iter().any(|x| x.0 == n) {
                    c.needs.push((n, h.score));
                }
            }
        }
        // "so the shelves are full at opening" announces a benefit; "so the bills
        // come on one bill" only explains a function. A clause that names a need
        // more strongly than the product part it shares words with ("这样审厂要哪天
        // 的画面都调得出来": the audit, not the playback function) announces one too.
        if BENEFIT_OPENINGS.iter().any(|w| norm.starts_with(w))
            && (c.part.is_none() || c.need.is_some_and(|(_, score)| score > c.part_score))
        {
            c.benefit_connector = true;
        }
        c
    }

    fn read_sentence(&self, s: &str) -> Reading {
        let norm = normalize(s);
        let clauses: Vec<&str> = norm
            .split([',', '.', ';', '!', '?', ':', '—', '–'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let mut read: Vec<Clause> = clauses.iter().map(|c| self.read_clause(c)).collect();
        // A connector said on its own ("也就是说，…", "which means: …") joins the
        // clause that follows it.
        for k in 1..read.len() {
            let prev = &read[k - 1];
            if prev.benefit_connector && prev.part.is_none() && prev.needs.is_empty() {
                read[k].benefit_connector = true;
            }
        }

        // The acknowledgement: leading clauses before the first product part that say
        // "you said…" or restate a need.
        let lead = read
            .iter()
            .take_while(|c| {
                // A clause that restates a need may share a word with an advantage,
                // never name a feature or function.
                let restates = c.need.is_some_and(|(_, score)| {
                    c.part.is_none() || (c.part == Some(2) && score > c.part_score)
                });
                // A name said on its own ("Marta, …") or a bridge ("the way we'd do
                // it") does not end the opening.
                let empty = c.part.is_none() && c.need.is_none() && !c.compares;
                c.acknowledges || restates || empty
            })
            .count();
        let first_part = read
            .iter()
            .enumerate()
            .skip(lead)
            .find(|(_, c)| c.part.is_some() || c.compares)
            .map(|(k, _)| k);
        let ack_need = read[..lead].iter().find_map(|c| c.need.map(|n| n.0));
        let acknowledged = lead > 0
            && read[..lead]
                .iter()
                .any(|c| c.acknowledges || c.need.is_some());
        let mut ffab = Ffab::default();
        let (mut pos_f, mut pos_a, mut pos_b) = (None, None, None);
        let mut benefit: Option<(usize, usize, f32)> = None;
        for (k, c) in read.iter().enumerate().skip(lead) {
            match c.part {
                Some(0) => {
                    ffab.feature = true;
                    pos_f.get_or_insert(k);
                }
                Some(1) => {
                    ffab.function = true;
                    pos_f.get_or_insert(k);
                }
                Some(_) => {
                    ffab.advantage = true;
                    pos_a.get_or_insert(k);
                }
                None => {}
            }
            if c.compares && c.part != Some(2) {
                ffab.advantage = true;
                pos_a.get_or_insert(k);
            }
            // A benefit: after a product part, a clause that answers a need.
            if let Some((n, score)) = c.need
                && first_part.is_some_and(|f| k >= f)
                && (c.part.is_none() || c.benefit_connector)
                && benefit.is_none_or(|b| c.benefit_connector && score >= b.2 * 0.7 || score > b.2)
            {
                benefit = Some((k, n, score));
            }
        }
        // The benefit a connector announces after the product ("…, so the shelves are
        // full at opening", "也就是说，工地上的人随时都找得到，工期不耽误") is the
        // closing stretch from the last such connector on, read as a whole (an
        // earlier "so" usually explains the function).
        let mut tail: Option<usize> = None;
        if let Some(f) = first_part
            && let Some(k) = (f..read.len()).rev().find(|&k| {
                read[k].benefit_connector
                    && read[k..].iter().any(|c| c.need.is_some())
                    // "…, so it lets you reply on the spot. Compared with catching up
                    // at night, you answer the same day": an advantage still to come
                    // means this "so" explained the function.
                    && !read[k + 1..]
                        .iter()
                        .any(|c| c.compares || (c.part == Some(2) && c.need.is_none()))
            })
            && let Some(n) = strongest(
                &read[k..]
                    .iter()
                    .map(|c| (c.needs.as_slice(), 1.0))
                    .collect::<Vec<_>>(),
            )
        {
            benefit = Some((k, n, 0.0));
            tail = Some(k);
        }
        // "Our plan means you reach every rider": the part and the benefit in one clause.
        if benefit.is_none()
            && let Some(f) = first_part
            && let Some((k, (n, score))) = read
                .iter()
                .enumerate()
                .skip(f)
                .filter(|(_, c)| c.addresses)
                .filter_map(|(k, c)| c.need.map(|n| (k, n)))
                .next_back()
        {
            benefit = Some((k, n, score));
        }
        // Two clauses naming product parts cover feature and function between them.
        let product_clauses = read
            .iter()
            .filter(|c| matches!(c.part, Some(0 | 1)))
            .count();
        if product_clauses >= 2 {
            ffab.feature = true;
            ffab.function = true;
        }
        if let Some((k, _, _)) = benefit {
            ffab.benefit = true;
            pos_b = Some(k);
        }
        let order: Vec<usize> = [pos_f, pos_a, pos_b].into_iter().flatten().collect();
        let in_order = order.windows(2).all(|w| w[0] <= w[1]);
        // The need answered: what the benefit speaks to, weighed together with the
        // need the opening restated ("you said the claims are a pain… so you know the
        // figure up front" answers the cost need even if "refund" also names another).
        let need = benefit
            .map(|(k, n, _)| {
                // The benefit counts in full, the opening that restated a need at half
                // weight: the benefit answers a need, the opening says which one the
                // trainee means.
                let end = if tail.is_some() { read.len() } else { k + 1 };
                let mut lists: Vec<(&[(usize, f32)], f32)> = read[k..end]
                    .iter()
                    .map(|c| (c.needs.as_slice(), 1.0))
                    .collect();
                lists.extend(read[..lead].iter().map(|c| (c.needs.as_slice(), 0.5)));
                strongest(&lists).unwrap_or(n)
            })
            .or(ack_need)
            .or_else(|| first_part.and(self.focus));
        let benefit_text = benefit
            .map(|(k, _, _)| clauses[k..].join(" "))
            .unwrap_or_default();
        Reading {
            ffab,
            in_order,
            acknowledged,
            need,
            benefit_text,
        }
    }

    fn read_parts(&self, p: &crate::session::FfabParts) -> Reading {
        let field = |s: &Option<String>| s.as_deref().map(str::trim).unwrap_or("").to_string();
        let ack = field(&p.acknowledge);
        let f = self.read_clause(&field(&p.feature));
        let func = self.read_clause(&field(&p.function));
        let adv_text = field(&p.advantage);
        let adv = self.read_clause(&adv_text);
        let ben_text = field(&p.benefit);
        let ben = self.read_clause(&ben_text);
        let names = |c: &Clause| matches!(c.part, Some(0 | 1));
        let ack_c = self.read_clause(&ack);
        let acknowledged = ack_c.need.is_some()
            || (ack_c.acknowledges && self.content_terms(&normalize(&ack)).len() >= 2);
        let ffab = Ffab {
            feature: names(&f),
            function: names(&func),
            advantage: adv.part == Some(2)
                || adv.compares
                || self
                    .content_terms(&normalize(&adv_text))
                    .iter()
                    .map(|t| t.weight)
                    .sum::<f32>()
                    >= 3.0,
            benefit: ben.need.is_some(),
        };
        let need = ben
            .need
            .map(|(n, _)| strongest(&[(&ben.needs, 1.0), (&ack_c.needs, 0.5)]).unwrap_or(n))
            .or(ack_c.need.map(|n| n.0))
            .or_else(|| {
                (ffab.feature || ffab.function)
                    .then_some(self.focus)
                    .flatten()
            });
        Reading {
            ffab,
            in_order: true,
            acknowledged,
            need,
            benefit_text: normalize(&ben_text),
        }
    }

    fn read_pitch(&self, pitch: &Pitch) -> Reading {
        match pitch {
            Pitch::Sentence(s) => self.read_sentence(s),
            Pitch::Parts(p) => self.read_parts(p),
        }
    }

    fn objection(&mut self, trigger: Trigger, need: Option<usize>) -> String {
        let need_id = need.map(|i| self.sc.needs[i].id.value.clone());
        let specific = self.sc.objections.iter().position(|o| {
            o.trigger == trigger
                && o.need.as_ref().map(|n| &n.value) == need_id.as_ref()
                && o.need.is_some()
        });
        let general = self
            .sc
            .objections
            .iter()
            .position(|o| o.trigger == trigger && o.need.is_none());
        match specific.or(general) {
            Some(k) => self.raise_objection(k),
            None => replies::objection(self.lang, trigger).to_string(),
        }
    }

    pub(super) fn present(&mut self, step: &mut Step, pitch: &Pitch) {
        let lang = self.lang;
        let r = self.read_pitch(pitch);
        step.ffab = Some(r.ffab);
        let norm = normalize(&pitch.joined(" "));
        let price = !self
            .lex
            .lang(Lang::detect(&norm))
            .hits(List::Price, &norm, false)
            .is_empty();
        let substance = r.ffab.count() > 0;
        let target = r.need.filter(|_| substance);
        if target.is_none() && price && !substance {
            step.reply = self.objection(Trigger::Price, None);
            step.speaker = self.decision_maker();
            step.findings.push(rules::price_talk(lang));
            return;
        }
        let Some(i) = target else {
            if price {
                step.findings.push(rules::price_talk(lang));
            }
            // Product talk before the customer has any explicit need is premature
            // whatever it aims at; talk that names nothing of the product is unfocused.
            if self.explicit_count() == 0 && (r.ffab.advantage || r.ffab.benefit) {
                step.reply = self.objection(Trigger::PrematurePitch, None);
                step.findings.push(rules::premature_pitch(lang, None));
                self.lose_patience(self.params.pitch_penalty);
            } else if r.ffab.feature || r.ffab.function {
                step.reply = self.objection(Trigger::Price, None);
                step.speaker = self.decision_maker();
                step.findings.push(rules::feature_dump(lang));
            } else {
                step.reply = replies::builtin(lang, Kind::SoWhat).to_string();
                step.findings.push(rules::pitch_unfocused(lang));
            }
            return;
        };
        let name = self.need_name(i);
        step.matched = Some(format!("needs.{}", self.sc.needs[i].id.value));
        step.speaker = self.need_speaker(i, &step.speaker, false);
        let state = self.needs[i].state;
        if state == NeedState::Met {
            step.reply = self.fallback(Kind::Repeated);
            step.findings.push(rules::pitch_repeat(lang, &name));
            return;
        }
        if state < NeedState::Explicit {
            if price {
                step.findings.push(rules::price_talk(lang));
            }
            if r.ffab.advantage || r.ffab.benefit {
                step.reply = self.objection(Trigger::PrematurePitch, Some(i));
                step.findings.push(rules::premature_pitch(
                    lang,
                    (state > NeedState::Hidden).then_some(name.as_str()),
                ));
                self.lose_patience(self.params.pitch_penalty);
            } else {
                step.reply = self.objection(Trigger::Price, None);
                step.speaker = self.decision_maker();
                step.findings.push(rules::feature_dump(lang));
            }
            return;
        }
        if !r.ffab.benefit {
            let example = self.benefit_example(i);
            step.reply = replies::builtin(lang, Kind::SoWhat).to_string();
            step.findings.push(rules::no_benefit(lang, &name, &example));
            return;
        }
        self.grade_benefit(step, i, &r);
    }

    fn grade_benefit(&mut self, step: &mut Step, i: usize, r: &Reading) {
        let lang = self.lang;
        let nth = self.credits.met;
        self.credits.met += 1;
        let name = self.need_name(i);
        step.findings.push(rules::benefit_explicit(
            lang,
            &name,
            self.pot(rules::BENEFIT_EXPLICIT_POT, nth),
        ));
        let parts = r.ffab.count();
        let present = [
            ("F", r.ffab.feature),
            ("Fn", r.ffab.function),
            ("A", r.ffab.advantage),
            ("B", r.ffab.benefit),
        ]
        .iter()
        .filter(|(_, p)| *p)
        .map(|(s, _)| *s)
        .collect::<Vec<_>>()
        .join("+");
        let complete = match parts {
            4 => self.pot(rules::FFAB_COMPLETE_POT, nth),
            3 => self.pot(rules::FFAB_COMPLETE_POT, nth) / rules::FFAB_THREE_PARTS_DIVISOR,
            _ => 0,
        };
        step.findings
            .push(rules::ffab_complete(lang, &present, parts, complete));
        let order_ok = r.in_order && parts >= 3;
        step.findings.push(rules::ffab_order(
            lang,
            order_ok,
            if order_ok {
                self.pot(rules::FFAB_ORDER_POT, nth)
            } else {
                0
            },
        ));
        step.findings.push(rules::acknowledge_need(
            lang,
            r.acknowledged,
            if r.acknowledged {
                self.pot(rules::ACKNOWLEDGE_NEED_POT, nth)
            } else {
                0
            },
        ));
        // The customer's own words: the explicit-need statement they made.
        let said_text = normalize(&self.text(&self.sc.needs[i].payoff.reply));
        let said = term_set(&said_text);
        let mine = term_set(&r.benefit_text);
        let mut shared: Vec<&Term> = mine
            .iter()
            .filter(|t| t.weight >= 1.0 && said.iter().any(|s| s.text == t.text))
            .collect();
        shared.sort_by(|a, b| self.index.idf(&b.text).total_cmp(&self.index.idf(&a.text)));
        let word = (shared.len() >= 2).then(|| {
            crate::understand::terms::shown_all(
                shared.iter().map(|t| t.text.as_str()),
                &normalize(&r.benefit_text),
                &said_text,
            )
            .into_iter()
            .take(2)
            .collect::<Vec<_>>()
            .join(", ")
        });
        let pts = if word.is_some() {
            self.pot(rules::CUSTOMER_TERMS_POT, nth)
        } else {
            0
        };
        step.findings
            .push(rules::customer_terms(lang, word.as_deref(), pts));
        self.needs[i].acknowledged |= r.acknowledged;
        self.set_state(step, i, NeedState::Met);
        step.reply = match self.sc.needs[i].satisfied.clone() {
            Some(t) => self.text(&t),
            None => replies::builtin(lang, Kind::Satisfied).to_string(),
        };
        step.answered = true;
        self.gain_patience();
    }

    /// The decision maker's name (or the first contact's): who talks money.
    fn decision_maker(&self) -> String {
        let dm = self
            .sc
            .customer
            .contacts
            .iter()
            .find(|c| c.role == crate::scenario::BuyingRole::DecisionMaker);
        self.contact_name(dm.map(|c| c.id.value.as_str()))
    }

    fn benefit_example(&self, i: usize) -> String {
        let id = &self.sc.needs[i].id.value;
        self.sc
            .products
            .iter()
            .flat_map(|p| &p.benefits)
            .find(|b| &b.need.value == id)
            .map(|b| self.text(&b.text))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::scoring::RuleId;
    use crate::session::{Input, Pitch, Session};

    fn shop() -> std::sync::Arc<crate::scenario::Scenario> {
        crate::scenario::bundled_by_id("shop-vpn")
            .and_then(Result::ok)
            .expect("bundled")
            .scenario
    }

    #[test]
    fn an_advantage_before_any_need_is_a_premature_pitch() {
        let mut s = Session::new(shop(), 1, None, None);
        let step = s.apply(Input::Present(Pitch::Sentence(
            "办了集团V网比您现在发补贴省多了，这个月办理资费还打八折。".into(),
        )));
        let rules: Vec<RuleId> = step.findings.iter().map(|f| f.rule).collect();
        assert!(
            rules.contains(&RuleId::PrematurePitch),
            "{rules:?} {:?}",
            step.ffab
        );
    }

    fn bundled(id: &str) -> std::sync::Arc<crate::scenario::Scenario> {
        crate::scenario::bundled_by_id(id)
            .and_then(Result::ok)
            .expect("bundled")
            .scenario
    }

    /// A session on `id` with every need already stated as a want.
    fn all_explicit(id: &str) -> Session {
        let mut s = Session::new(bundled(id), 1, None, None);
        for n in &mut s.needs {
            n.state = crate::session::NeedState::Explicit;
        }
        s
    }

    fn met(s: &Session) -> Vec<usize> {
        (0..s.needs.len())
            .filter(|&i| s.needs[i].state == crate::session::NeedState::Met)
            .collect()
    }

    #[test]
    fn the_opening_that_restates_a_need_helps_credit_the_benefit_to_it() {
        // "refund" in the benefit also names the order-errors need's consequence;
        // the opening says the cost need is meant, and the benefit fits it too.
        let mut s = all_explicit("bakery-vpn");
        s.apply(Input::Present(Pitch::Sentence(
            "You mentioned the claims are a pain and the costs keep going up — here every phone \
             has a four-digit short number and anything dialled inside the group is included in \
             a single flat monthly fee, so instead of refunding whatever people spent you know \
             the figure up front, and it all lands on one itemised bill."
                .into(),
        )));
        assert_eq!(met(&s), vec![0]);
    }

    #[test]
    fn a_benefit_opened_with_so_after_the_advantage_counts() {
        let mut s = all_explicit("bakery-vpn");
        let step = s.apply(Input::Present(Pitch::Sentence(
            "You said the bad mornings are the ones where you can't raise the night bakers — a \
             hunt group rings all the night-shift phones at once off one number, far quicker \
             than working down a list, so the first free baker answers and the shelves are full \
             at opening."
                .into(),
        )));
        assert!(step.ffab.is_some_and(|f| f.benefit), "{:?}", step.findings);
        assert_eq!(met(&s), vec![2]);
    }

    #[test]
    fn a_name_said_first_does_not_hide_the_acknowledgement() {
        let mut s = all_explicit("bakery-vpn");
        let step = s.apply(Input::Present(Pitch::Sentence(
            "Rosa, you told me nobody could say who had phoned the christening order through. \
             Every call inside the group is logged with the time and the number, so you can look \
             up which shop called the kitchen and when an order goes wrong."
                .into(),
        )));
        let ack = step
            .findings
            .iter()
            .find(|f| f.rule == RuleId::AcknowledgeNeed)
            .map(|f| f.points);
        assert!(ack.is_some_and(|p| p > 0), "{:?}", step.findings);
        assert_eq!(met(&s), vec![1]);
    }

    #[test]
    fn a_chinese_benefit_after_a_connector_said_on_its_own() {
        let mut s = all_explicit("shop-vpn");
        let step = s.apply(Input::Present(Pitch::Sentence(
            "您说工地上找不到人最耽误事。集团V网每人一个短号，手机上能直接查全公司的短号通讯录，\
             说白了就是，工地上的人随时都找得到，工期不耽误。"
                .into(),
        )));
        assert!(step.ffab.is_some_and(|f| f.benefit), "{:?}", step.findings);
        assert_eq!(met(&s), vec![1]);
    }

    #[test]
    fn a_trial_in_everyday_words_is_read_as_the_trial() {
        let mut s = all_explicit("bakery-vpn");
        let step = s.apply(Input::Propose(
            "How about I pop over to the kitchen on Tuesday, set up short numbers for the \
             kitchen and a couple of shops, and you run it for a month at no charge?"
                .into(),
        ));
        assert_eq!(step.matched.as_deref(), Some("advances.trial"));
        let rules: Vec<RuleId> = step.findings.iter().map(|f| f.rule).collect();
        assert!(rules.contains(&RuleId::AdvanceAccepted), "{rules:?}");
    }
}
