//! The validity benchmark holds its ground: every figure in
//! `tests/validity/figures.json` (script scores by kind, question-type agreement,
//! non-answer rates, on the tuning, check and unseen sets) must stay at least as good
//! as recorded. A submission may improve some figures and not others; none may slide
//! back. `cargo run --release --example validity` prints the tables, and `-- --record`
//! records new levels after an improvement.

use spin_coach::validity::{Recorded, all_figures, regressions};
use std::path::Path;

#[test]
fn no_validity_figure_slides_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (figures, text) = all_figures(root).expect("validity material loads");
    let recorded: Recorded = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/validity/figures.json")).expect("figures.json"),
    )
    .expect("figures.json parses");
    assert!(
        recorded.figures.len() >= 100,
        "too few recorded figures: {}",
        recorded.figures.len()
    );
    for name in recorded.figures.keys() {
        assert!(
            figures.contains_key(name),
            "recorded figure {name} is no longer measured"
        );
    }
    let worse = regressions(&figures, &recorded);
    assert!(worse.is_empty(), "slid back: {worse:?}\n{text}");
}

#[test]
fn the_check_sets_were_never_trained_on() {
    // The form model's training script refuses check sets; make sure nobody copied
    // check questions into a tuning file either.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validity/questions");
    let read = |name: &str| -> Vec<String> {
        std::fs::read_to_string(dir.join(name))
            .expect("question file")
            .lines()
            .filter_map(|l| l.split_once('\t').map(|(_, t)| t.trim().to_string()))
            .collect()
    };
    for lang in ["zh", "en"] {
        let check = read(&format!("check-{lang}.tsv"));
        assert!(check.len() >= 200, "check-{lang}: {}", check.len());
        let mut tune = read(&format!("tune-{lang}.tsv"));
        tune.extend(read(&format!("tune2-{lang}.tsv")));
        tune.extend(read(&format!("tune3-{lang}.tsv")));
        tune.extend(read(&format!("tune4-{lang}.tsv")));
        assert!(tune.len() + check.len() >= 400);
        let shared: Vec<&String> = check.iter().filter(|q| tune.contains(q)).collect();
        assert!(
            shared.is_empty(),
            "check questions in the tuning set: {shared:?}"
        );
    }
}
