//! Prints the form model's features for labelled questions (`LABEL<TAB>text` lines on
//! standard input), one JSON object per line; `tools/train_form.py` trains on them.
use spin_coach::lexicon::Lexicon;
use spin_coach::lexicon::classify::form_features;
use std::io::BufRead;

fn main() {
    let lex = Lexicon::builtin();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if line.starts_with('#') {
            continue;
        }
        let Some((label, text)) = line.split_once('\t') else {
            continue;
        };
        let feats = form_features(text, lex);
        let row = serde_json::json!({"label": label.trim(), "features": feats});
        println!("{row}");
    }
}
