//! Benchmarks: classify one question, play a 40-turn script, load every bundled scenario.
//! Run with `cargo bench --bench coach`; figures go in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use spin_coach::lexicon::Lexicon;
use spin_coach::lexicon::classify::classify;
use spin_coach::scenario;
use spin_coach::session::{Input, Session};
use std::hint::black_box;
use std::sync::Arc;

fn bench_classify(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let zh = "请问如果航班延误的通知一直发不及时，会给常旅客会员的续约带来多大影响？";
    let en = "If the late delay notices keep happening, what effect will that have on your frequent flyers?";
    c.bench_function("classify zh", |b| b.iter(|| classify(black_box(zh), lex)));
    c.bench_function("classify en", |b| b.iter(|| classify(black_box(en), lex)));
}

/// The bakery's good script with further implication questions after its needs are
/// developed, to 40 inputs; the meeting lasts all 40 (checked in [`bench_play`]).
fn forty_turns() -> Vec<Input> {
    let src = include_str!("../tests/scripts/bakery-vpn/good.yaml");
    let turns: Vec<Input> = spin_coach::script::parse(src, "good.yaml")
        .map(|t| t.into_iter().map(|t| t.input).collect())
        .unwrap_or_default();
    let filler = [
        "And what else does that cost you over a month?",
        "How does that affect the staff who deal with it?",
        "What does that mean for your customers in the morning?",
        "How much time does that take away from baking?",
        "What happens to your margin when that goes on all year?",
        "How do the shop managers feel about that?",
        "What does it mean for the weekend rush?",
        "Who ends up fixing it when it goes wrong?",
    ];
    let split = 11.min(turns.len());
    let mut out: Vec<Input> = turns[..split].to_vec();
    let mut k = 0;
    while out.len() + turns.len() - split < 40 {
        out.push(Input::Ask {
            to: None,
            text: format!("{} ({k})", filler[k % filler.len()]),
        });
        k += 1;
    }
    out.extend_from_slice(&turns[split..]);
    out
}

fn bench_play(c: &mut Criterion) {
    let loaded = scenario::bundled_by_id("bakery-vpn").and_then(Result::ok);
    let Some(loaded) = loaded else { return };
    let inputs = forty_turns();
    assert_eq!(inputs.len(), 40);
    // Every turn is a turn of the meeting: the customer is still there for the last.
    let (s, played) = Session::replay(Arc::clone(&loaded.scenario), 1, None, None, inputs.clone());
    assert_eq!(
        played, 40,
        "the benchmark meeting ended after {played} turns"
    );
    assert_eq!(s.steps().len(), 40);
    c.bench_function("play 40 turns + report", |b| {
        b.iter(|| {
            let (s, _) =
                Session::replay(Arc::clone(&loaded.scenario), 1, None, None, inputs.clone());
            black_box(spin_coach::report::build(&s, 1))
        });
    });
}

fn bench_load(c: &mut Criterion) {
    c.bench_function("load + validate all bundled scenarios", |b| {
        b.iter(|| black_box(scenario::bundled()))
    });
}

criterion_group!(benches, bench_classify, bench_play, bench_load);
criterion_main!(benches);
