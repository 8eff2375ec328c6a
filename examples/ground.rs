//! Debug aid: prints how each question of a script is read in its meeting
//! (form, rule, topic, evidence), for a scenario id or path.
//! usage: cargo run --release --example ground -- <scenario> <script.yaml>
use spin_coach::scenario;
use spin_coach::script;
use spin_coach::session::{Input, Session};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(sc), Some(sp)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: ground <scenario> <script>");
        return;
    };
    let Ok(loaded) = scenario::resolve(sc, &[]) else {
        eprintln!("cannot load {sc}");
        return;
    };
    let Ok(turns) = script::load_file(std::path::Path::new(sp)) else {
        eprintln!("cannot load {sp}");
        return;
    };
    let mut s = Session::new(loaded.scenario, 1, None, None);
    for t in turns {
        if let Input::Ask { to, text } = &t.input {
            let r = s.read_question(text, to.as_deref());
            println!(
                "{:?} {} {:?} {:?} {:?} {:?} {:?}\n   {}",
                r.form, r.rule, r.topic, r.element, r.confidence, r.need_scores, r.cues, text
            );
        }
        s.apply(t.input);
    }
}
