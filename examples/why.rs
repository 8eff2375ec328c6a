//! Debug aid: which words tie a question to which scenario element, and how much
//! each contributes (the grounding index only, before the meeting's context).
//! usage: cargo run --release --example why -- <scenario> "question" ...
use spin_coach::scenario;
use spin_coach::text::normalize;
use spin_coach::understand::index::Index;
use spin_coach::understand::terms::term_set;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(sc) = args.get(1) else {
        eprintln!("usage: why <scenario> <question>...");
        return;
    };
    let Ok(loaded) = scenario::resolve(sc, &[]) else {
        eprintln!("cannot load {sc}");
        return;
    };
    let idx = Index::new(&loaded.scenario);
    for q in &args[2..] {
        println!("{q}");
        let terms = term_set(q);
        println!(
            "  terms: {}",
            terms
                .iter()
                .map(|t| format!("{}({:.1})", t.text, t.weight))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (el, parts) in idx.contributions(&terms, &normalize(q)).iter().take(6) {
            let total: f32 = parts.iter().map(|p| p.1).sum();
            let list: Vec<String> = parts.iter().map(|(t, s)| format!("{t} {s:.2}")).collect();
            println!("  {total:6.2} {el:?}: {}", list.join(", "));
        }
    }
}
