//! The commented scenario templates that `spin-coach new` writes, one per language,
//! each with a matching test file. They are data files (`data/templates/`) with
//! `__ID__` where the new scenario's id goes.

use crate::lang::Lang;

const ZH: &str = include_str!("../../data/templates/zh.yaml");
const ZH_TEST: &str = include_str!("../../data/templates/zh.test.yaml");
const EN: &str = include_str!("../../data/templates/en.yaml");
const EN_TEST: &str = include_str!("../../data/templates/en.test.yaml");

/// The placeholder replaced by the scenario id.
pub const PLACEHOLDER: &str = "__ID__";

/// The scenario template and its test file for `id` (already checked) in `lang`.
#[must_use]
pub fn render(id: &str, lang: Lang) -> (String, String) {
    let (s, t) = match lang {
        Lang::Zh => (ZH, ZH_TEST),
        Lang::En => (EN, EN_TEST),
    };
    (s.replace(PLACEHOLDER, id), t.replace(PLACEHOLDER, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::{lint, runner, testfile};

    /// Each template validates with no warning at all and passes its own tests.
    #[test]
    fn templates_are_clean_and_pass_their_tests() {
        for lang in [Lang::Zh, Lang::En] {
            let (src, test) = render("my-shop", lang);
            assert!(!src.contains(PLACEHOLDER) && !test.contains(PLACEHOLDER));
            let (sc, warnings) = match crate::scenario::from_str(&src, "t.yaml") {
                Ok(x) => x,
                Err(ps) => panic!("{lang}: {ps:?}"),
            };
            assert!(warnings.is_empty(), "{lang}: {warnings:?}");
            let sc = std::sync::Arc::new(sc);
            assert_eq!(sc.language, lang);
            let lints = lint::lint(&sc, "t.yaml");
            assert!(lints.is_empty(), "{lang}: {lints:?}");
            let tf = match testfile::parse(&test, "t.test.yaml") {
                Ok(tf) => tf,
                Err(p) => panic!("{lang}: {p}"),
            };
            assert!(testfile::check(&tf, &sc, "t.test.yaml").is_empty());
            let runs = runner::run(&tf, &sc);
            assert_eq!(runs.len(), 2);
            for r in &runs {
                let failed: Vec<_> = r.checks.iter().filter(|c| !c.passed).collect();
                assert!(failed.is_empty(), "{lang} {}: {failed:?}", r.name);
                assert!(r.checks.len() >= 5);
            }
        }
    }
}
