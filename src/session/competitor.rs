//! A competitor or incumbent the customer knows (`competitors:`, guide §3a).
//!
//! A question that names it (its cues) and does not run it down is answered with
//! what the customer thinks of it (`about`): `competitor-explored`, a point the first
//! time, nothing after. Once they have said it, a follow-up that is a problem,
//! implication or need-payoff question about one of the customer's needs is played
//! as that question (exploring what the customer misses in the incumbent through
//! their needs is investigating). A turn
//! that names it together with a disparaging word runs it down: the customer
//! defends it (`knocked`, the whole reply to a question, added after the reply of a
//! statement, presentation or proposal) and the step costs points and patience
//! (`competitor-knocked`). A `mention` is said once, in reply to the trainee's turn
//! of its number, unless the trainee has already named the competitor.

use super::cues::{CueList, Hit, best};
use super::{Input, Session, Step};
use crate::lang::Lang;
use crate::lexicon::classify::Label;
use crate::scoring::rules;
use crate::text::normalize;
use crate::understand::Topic;

/// English words that run a competitor down (matched as whole words).
const KNOCK_EN: &[&str] = &[
    "bad",
    "worse",
    "worst",
    "poor",
    "poorly",
    "unreliable",
    "outdated",
    "out of date",
    "old-fashioned",
    "behind the times",
    "terrible",
    "awful",
    "horrible",
    "dreadful",
    "rip-off",
    "ripoff",
    "rip off",
    "ripping you off",
    "overpriced",
    "useless",
    "rubbish",
    "junk",
    "garbage",
    "crap",
    "crappy",
    "lousy",
    "shoddy",
    "hopeless",
    "incompetent",
    "amateurs",
    "cowboys",
    "second-rate",
    "can't compete",
    "cannot compete",
    "not as good as us",
    "no match for us",
    "nowhere near as good",
];

/// Chinese words that run a competitor down (matched as substrings).
const KNOCK_ZH: &[&str] = &[
    "很差",
    "太差",
    "真差",
    "挺差",
    "比较差",
    "特别差",
    "那么差",
    "差劲",
    "差远了",
    "服务差",
    "信号差",
    "质量差",
    "网络差",
    "口碑差",
    "不行",
    "落后",
    "过时",
    "烂",
    "坑人",
    "坑钱",
    "被坑",
    "很坑",
    "太坑",
    "坑爹",
    "不靠谱",
    "不如我们",
    "比不上我们",
    "没法跟我们比",
    "垃圾",
    "糟糕",
    "骗人",
    "骗子",
    "忽悠",
    "不专业",
    "宰客",
];

/// The disparaging word in normalised text, if any. "行不行" (does it work?) is a
/// question, not a verdict.
pub(crate) fn knock_word(norm: &str) -> Option<&'static str> {
    if let Some(w) = KNOCK_EN
        .iter()
        .find(|w| crate::lexicon::find_phrase(norm, w).is_some())
    {
        return Some(w);
    }
    KNOCK_ZH.iter().copied().find(|w| {
        if *w == "不行" {
            norm.match_indices(w)
                .any(|(i, _)| !norm[..i].ends_with('行'))
        } else {
            norm.contains(w)
        }
    })
}

impl Session {
    /// The competitors' cue lists, normalised.
    fn competitor_cues(&self) -> Vec<CueList> {
        self.sc
            .competitors
            .iter()
            .map(|c| {
                c.cues
                    .iter()
                    .map(|x| normalize(x))
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .collect()
    }

    /// The competitor a text names (the best match), if any.
    fn competitor_named_in(&self, norm: &str) -> Option<(usize, Hit)> {
        best(norm, &self.competitor_cues())
    }

    fn competitor_name(&self, k: usize) -> String {
        self.text(&self.sc.competitors[k].name)
    }

    /// What the customer says when competitor `k` is run down.
    fn knocked_reply(&self, k: usize) -> String {
        let c = &self.sc.competitors[k];
        match &c.knocked {
            Some(t) => self.text(t),
            None => {
                let name = self.competitor_name(k);
                match (self.lang, c.incumbent) {
                    (Lang::Zh, true) => format!("{name}我们用了这么多年,没您说的那么差。"),
                    (Lang::Zh, false) => format!("{name}口碑还可以,您不用这么说人家。"),
                    (Lang::En, true) => {
                        format!(
                            "We've been with {name} for years. They're not as bad as you make out."
                        )
                    }
                    (Lang::En, false) => {
                        format!("{name} have a decent name, I'd rather you didn't talk them down.")
                    }
                }
            }
        }
    }

    fn knock(&mut self, step: &mut Step, k: usize, word: &str) {
        let name = self.competitor_name(k);
        let incumbent = self.sc.competitors[k].incumbent;
        step.findings
            .push(rules::competitor_knocked(self.lang, &name, word, incumbent));
        self.lose_patience(rules::COMPETITOR_KNOCKED_PATIENCE);
    }

    /// A question that names a competitor: answered here unless it is a problem,
    /// implication or need-payoff question about one of the needs. True when
    /// handled.
    pub(super) fn competitor_question(&mut self, step: &mut Step, input: &Input) -> bool {
        let Input::Ask { to, text } = input else {
            return false;
        };
        let norm = normalize(text);
        let Some((k, _)) = self.competitor_named_in(&norm) else {
            return false;
        };
        let to = to
            .as_deref()
            .filter(|id| self.sc.customer.contacts.iter().any(|c| c.id.value == *id));
        let r = self.read_question(text, to);
        if r.form == Label::Other {
            // A statement: played as usual, and judged afterwards.
            return false;
        }
        let knock = knock_word(&norm);
        // Once the customer has said what they think of it, a follow-up that is a
        // problem, implication or need-payoff question about a need is that question.
        if knock.is_none()
            && self.people.explored[k]
            && matches!(r.topic, Topic::Need { .. })
            && matches!(r.form, Label::P | Label::I | Label::N)
            && r.grounded
            && r.confidence == crate::understand::Confidence::Sure
        {
            return false;
        }
        self.people.named[k] = true;
        step.label = Some(r.form);
        step.cues.clone_from(&r.cues);
        step.matched = Some(format!("competitors.{}", self.sc.competitors[k].id.value));
        let who = match to {
            Some(id) => Some(id.to_string()),
            None => self.sc.competitors[k]
                .mention
                .as_ref()
                .and_then(|m| m.contact.as_ref())
                .map(|c| c.value.clone()),
        };
        step.speaker = self.contact_name(who.as_deref());
        if to.is_some() {
            step.addressed = Some(step.speaker.clone());
        }
        if let Some(word) = knock {
            step.reply = self.knocked_reply(k);
            self.knock(step, k, word);
            return true;
        }
        let c = &self.sc.competitors[k];
        let (about, incumbent) = (c.about.clone(), c.incumbent);
        step.reply = self.text(&about);
        step.answered = true;
        let first = !self.people.explored[k];
        self.people.explored[k] = true;
        let name = self.competitor_name(k);
        step.findings.push(rules::competitor_explored(
            self.lang, &name, incumbent, first,
        ));
        true
    }

    /// After the usual handling: a statement, presentation or proposal that names a
    /// competitor, and runs it down if it says a disparaging word with it.
    pub(super) fn competitor_named(&mut self, step: &mut Step, input: &Input) {
        if self.sc.competitors.is_empty() {
            return;
        }
        let norm = normalize(&super::people::turn_text(input));
        let Some((k, _)) = self.competitor_named_in(&norm) else {
            return;
        };
        self.people.named[k] = true;
        if let Some(word) = knock_word(&norm) {
            let said = self.knocked_reply(k);
            let who = self.sc.competitors[k]
                .mention
                .as_ref()
                .and_then(|m| m.contact.as_ref())
                .map(|c| c.value.clone());
            self.say_also(step, who.as_deref(), &said);
            self.knock(step, k, word);
        }
    }

    /// A competitor the customer brings up by themselves, on the turn its `mention`
    /// names, unless the trainee has named it already.
    pub(super) fn competitor_mention(&mut self, step: &mut Step) {
        for k in 0..self.sc.competitors.len() {
            let Some(m) = &self.sc.competitors[k].mention else {
                continue;
            };
            if self.people.mentioned[k]
                || self.people.named[k]
                || step.turn < usize::try_from(m.after.value).unwrap_or(usize::MAX)
            {
                continue;
            }
            let (who, says) = (m.contact.as_ref().map(|c| c.value.clone()), m.says.clone());
            let says = self.text(&says);
            self.say_also(step, who.as_deref(), &says);
            self.people.mentioned[k] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::knock_word;

    #[test]
    fn disparaging_words_are_found_in_both_languages() {
        assert_eq!(knock_word("telcoone is unreliable"), Some("unreliable"));
        assert_eq!(knock_word("their network is bad"), Some("bad"));
        assert_eq!(knock_word("a badge for each driver"), None);
        assert_eq!(knock_word("通达的网络太差了"), Some("太差"));
        assert_eq!(knock_word("通达那套东西早就落后了"), Some("落后"));
        assert_eq!(knock_word("通达的网络行不行?"), None);
        assert_eq!(knock_word("通达肯定不行"), Some("不行"));
        assert_eq!(knock_word("how long have you been with telcoone?"), None);
    }
}
