//! Classifier accuracy on hand-labelled examples.
//!
//! `classify_*.tsv` is the tuning set: the lexicon was adjusted after looking at
//! its misses. `holdout_*.tsv` was written independently afterwards and never
//! used for tuning, so its figure is the honest estimate. The floors below are
//! regression guards a little under the measured accuracy (see README).

use spin_coach::lang::Lang;
use spin_coach::lexicon::Lexicon;
use spin_coach::lexicon::classify::{Label, classify_as};

fn load(name: &str) -> Vec<(Label, String)> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).expect("read examples");
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (label, text) = l.split_once('\t').expect("LABEL<TAB>text");
            let label = match label {
                "S" => Label::S,
                "P" => Label::P,
                "I" => Label::I,
                "N" => Label::N,
                "-" => Label::Other,
                other => panic!("bad label {other}"),
            };
            (label, text.to_string())
        })
        .collect()
}

fn accuracy(name: &str, lang: Lang) -> (f64, usize) {
    let lex = Lexicon::builtin();
    let ex = load(name);
    let right = ex
        .iter()
        .filter(|(l, t)| classify_as(t, lex, lang).label == *l)
        .count();
    #[allow(clippy::cast_precision_loss)]
    let acc = right as f64 / ex.len() as f64;
    println!("{name}: {right}/{} = {:.1}%", ex.len(), acc * 100.0);
    (acc, ex.len())
}

#[test]
fn example_sets_are_large_and_cover_every_label() {
    for name in [
        "classify_zh.tsv",
        "classify_en.tsv",
        "holdout_zh.tsv",
        "holdout_en.tsv",
    ] {
        let ex = load(name);
        assert!(ex.len() >= 100, "{name}");
        for l in [Label::S, Label::P, Label::I, Label::N, Label::Other] {
            assert!(ex.iter().filter(|e| e.0 == l).count() >= 10, "{name} {l:?}");
        }
    }
}

#[test]
fn tuning_set_accuracy() {
    assert!(accuracy("classify_zh.tsv", Lang::Zh).0 >= 0.88);
    assert!(accuracy("classify_en.tsv", Lang::En).0 >= 0.93);
}

#[test]
fn holdout_accuracy() {
    assert!(accuracy("holdout_zh.tsv", Lang::Zh).0 >= 0.77);
    assert!(accuracy("holdout_en.tsv", Lang::En).0 >= 0.70);
}

#[test]
fn hard_cases() {
    let lex = Lexicon::builtin();
    let cases = [
        ("这些延误问题会给您带来什么影响?", Label::I),
        ("如果一直这样下去，会不会影响客户续约？", Label::I),
        ("如果能提前十分钟通知到每位旅客，对您有帮助吗？", Label::N),
        ("上个月大概收到多少起投诉？", Label::S),
        ("这样对您的团队有什么价值？", Label::N),
        ("我们的平台每分钟能发5000条短信。", Label::Other),
        (
            "ＨＯＷ　ＭＡＮＹ　ｔｒｕｃｋｓ　ｄｏ　ｙｏｕ　ｈａｖｅ？",
            Label::S,
        ),
        ("If this keeps happening, what will it cost you?", Label::I),
        (
            "If you could reach everyone in one call, would that help?",
            Label::N,
        ),
        ("how many complaints did you get last month", Label::S),
        ("Are you happy with the current line?", Label::P),
        ("any dificulties with the current setup?", Label::P),
    ];
    for (text, want) in cases {
        let lang = Lang::detect(text);
        assert_eq!(classify_as(text, lex, lang).label, want, "{text}");
    }
}
