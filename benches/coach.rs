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

fn forty_turns() -> Vec<Input> {
    let src = include_str!("../tests/scripts/bakery-vpn/good.yaml");
    let turns = spin_coach::script::parse(src, "good.yaml")
        .map(|t| t.into_iter().map(|t| t.input).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut out: Vec<Input> = turns
        .iter()
        .filter(|i| !matches!(i, Input::End))
        .cloned()
        .collect();
    let filler = [
        "How many shops do you run?",
        "What is the order process at night?",
        "Who takes the orders?",
    ];
    let mut k = 0;
    while out.len() < 39 {
        out.insert(
            out.len() / 2,
            Input::Ask {
                to: None,
                text: format!("{} ({k})", filler[k % filler.len()]),
            },
        );
        k += 1;
    }
    out.push(Input::End);
    out
}

fn bench_play(c: &mut Criterion) {
    let loaded = scenario::bundled_by_id("bakery-vpn").and_then(Result::ok);
    let Some(loaded) = loaded else { return };
    let inputs = forty_turns();
    assert_eq!(inputs.len(), 40);
    c.bench_function("play 40 turns + report", |b| {
        b.iter(|| {
            // Every input is applied, also after the meeting ends (not `Session::replay`).
            let mut s = Session::new(Arc::clone(&loaded.scenario), 1, None, None);
            for i in &inputs {
                s.apply(i.clone());
            }
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
