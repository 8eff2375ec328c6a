//! Property tests: the loader, the classifier and the session never panic on
//! arbitrary input, and every message they print is free of control characters.

use proptest::prelude::*;
use spin_coach::lexicon::Lexicon;
use spin_coach::lexicon::classify::classify;
use spin_coach::scenario;
use spin_coach::session::{FfabParts, Input, Pitch, Session};
use std::sync::Arc;

fn clean(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && c != '\n')
}

/// Text mixing Chinese, English, full-width forms, punctuation and control characters.
fn messy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z ?,.']{1,8}",
            "[一-龥]{1,6}",
            "[\u{FF01}-\u{FF5E}\u{3000}？，。]{1,4}",
            "[\u{0}-\u{1F}\u{7F}-\u{9F}\u{202A}-\u{202E}]{1,3}",
            Just("如果".to_string()),
            Just("would it help if".to_string()),
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

const BAKERY: &str = include_str!("../scenarios/bakery-vpn.yaml");
const AIRLINE: &str = include_str!("../scenarios/airline-sms.yaml");

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn classifier_never_panics(s in messy()) {
        let c = classify(&s, Lexicon::builtin());
        prop_assert!(c.cues.iter().all(|x| !x.is_empty()));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(ps) = scenario::from_str(&text, "fuzz.yaml") {
            for p in ps {
                prop_assert!(clean(&p.to_string()));
            }
        }
    }

    #[test]
    fn mutated_scenarios_load_or_report(at in 0usize..20_000, cut in 0usize..40, insert in messy(), which in 0usize..2) {
        let src = if which == 0 { BAKERY } else { AIRLINE };
        let mut at = at % src.len();
        while !src.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(src.len());
        while !src.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &src[..at], insert, &src[end.max(at)..]);
        match scenario::from_str(&mutated, "m.yaml") {
            Ok((sc, _)) => {
                let mut s = Session::new(Arc::new(sc), 1, None, None);
                s.apply(Input::Ask { to: None, text: "How many staff do you have?".into() });
            }
            Err(ps) => {
                prop_assert!(!ps.is_empty());
                for p in ps {
                    prop_assert!(clean(&p.to_string()), "{}", p);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn sessions_never_panic(moves in prop::collection::vec((0u8..5, messy()), 0..40), seed in any::<u64>()) {
        let (sc, _) = scenario::from_str(AIRLINE, "airline.yaml").map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let mut s = Session::new(Arc::new(sc), seed, None, None);
        for (kind, text) in moves {
            let input = match kind {
                0 => Input::Ask { to: None, text },
                1 => Input::Ask { to: Some("zhou".into()), text },
                2 => Input::Present(Pitch::Sentence(text)),
                3 => Input::Present(Pitch::Parts(FfabParts { feature: Some(text.clone()), benefit: Some(text), ..FfabParts::default() })),
                _ => Input::Propose(text),
            };
            let step = s.apply(input);
            prop_assert!(step.patience >= 0);
        }
        let r = spin_coach::report::build(&s, seed);
        prop_assert!((0..=100).contains(&r.score.total));
    }
}
