//! Issue 12: the YAML layout mistakes and silent authoring mistakes of a trainer who
//! is not a programmer, each in a fixture (`tests/fixtures/yaml-errors/`), reported in
//! plain words at the right line and column, in English and in Chinese; and the
//! language of the messages chosen like the rest of the command line.

mod common;
use common::*;
use std::process::{Command, Output};

const DIR: &str = "tests/fixtures/yaml-errors";

/// `spin-coach --lang <lang> <args>` from the repository root, without a config file.
fn run_lang(lang: &str, args: &[&str]) -> Output {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    Command::new(bin())
        .args(&all)
        .current_dir(root())
        .env("SPIN_COACH_CONFIG", "/nonexistent/config.yaml")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run spin-coach")
}

/// The problems printed for one file: (line, column, severity, message and hint).
fn problems(out: &str, file: &str) -> Vec<(u64, u64, String, String)> {
    out.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix(&format!("{file}:"))?;
            let mut parts = rest.splitn(3, ':');
            let line = parts.next()?.parse().ok()?;
            let col = parts.next()?.parse().ok()?;
            let rest = parts.next()?.trim_start();
            let (sev, text) = rest.split_once(": ")?;
            Some((line, col, sev.to_string(), text.to_string()))
        })
        .collect()
}

/// One expected problem: line, column, and how its message starts in English and in
/// Chinese; the hint (in parentheses after the message) is checked for a phrase in each.
struct Want {
    line: u64,
    col: u64,
    en: &'static str,
    en_hint: &'static str,
    zh: &'static str,
    zh_hint: &'static str,
}

const fn want(
    line: u64,
    col: u64,
    en: &'static str,
    en_hint: &'static str,
    zh: &'static str,
    zh_hint: &'static str,
) -> Want {
    Want {
        line,
        col,
        en,
        en_hint,
        zh,
        zh_hint,
    }
}

/// Checks a command's report for `file` in both languages: exactly these problems,
/// in this order, with this severity and exit code.
fn check(args: &[&str], file: &str, severity: &str, code: i32, wants: &[Want]) {
    let mut seen: Vec<Vec<String>> = Vec::new();
    for lang in ["en", "zh"] {
        let o = run_lang(lang, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(code), "{file} ({lang}): {err}");
        let got = problems(&err, file);
        assert_eq!(got.len(), wants.len(), "{file} ({lang}): {err}");
        for (g, w) in got.iter().zip(wants) {
            let (start, hint) = if lang == "en" {
                (w.en, w.en_hint)
            } else {
                (w.zh, w.zh_hint)
            };
            assert_eq!((g.0, g.1), (w.line, w.col), "{file} ({lang}): {err}");
            assert_eq!(g.2, severity, "{file} ({lang}): {err}");
            assert!(
                g.3.starts_with(start),
                "{file} ({lang}): want {start:?} in {}",
                g.3
            );
            let (_, h) = g.3.split_once(" (").unwrap_or_default();
            assert!(
                h.contains(hint),
                "{file} ({lang}): want hint {hint:?} in {}",
                g.3
            );
        }
        seen.push(got.into_iter().map(|g| g.3).collect::<Vec<_>>());
    }
    // Each message really is in the language asked for.
    for (en, zh) in seen[0].iter().zip(&seen[1]) {
        assert_ne!(en, zh, "{file}: the same in both languages");
        assert!(spin_coach::text::has_han(zh), "{file}: not Chinese: {zh}");
    }
}

fn validate(name: &str, wants: &[Want]) {
    let file = format!("{DIR}/{name}.yaml");
    check(&["validate", &file], &file, "error", 1, wants);
}

#[test]
fn a_full_width_colon_is_named() {
    validate(
        "fullwidth-colon",
        &[want(
            14,
            12,
            "the colon after `employees` is a full-width “：”",
            "type an ASCII colon and a space: `employees: …`",
            "`employees` 后面的冒号是全角的“：”",
            "改成半角冒号加空格：`employees: …`",
        )],
    );
}

#[test]
fn a_missing_space_after_a_colon_is_named() {
    validate(
        "no-space-after-colon",
        &[want(
            28,
            11,
            "`topic:` has no space after its colon",
            "`topic: …`",
            "`topic:` 的冒号后面缺一个空格",
            "`topic: …`",
        )],
    );
}

#[test]
fn a_full_width_space_is_named() {
    validate(
        "fullwidth-space",
        &[want(
            32,
            11,
            "after `topic:` comes a full-width space “　”",
            "type an ASCII space after the colon",
            "`topic:` 后面是全角空格“　”",
            "冒号后面改用半角空格",
        )],
    );
}

#[test]
fn a_tab_says_replace_it_with_spaces() {
    validate(
        "tab",
        &[want(
            17,
            1,
            "a tab in the indentation: YAML indents with spaces only",
            "replace the tab with spaces",
            "缩进里有制表符（Tab）：YAML 只能用空格缩进",
            "把 Tab 换成空格",
        )],
    );
}

#[test]
fn a_full_width_dash_is_named() {
    validate(
        "fullwidth-dash",
        &[want(
            31,
            3,
            "this list item starts with a full-width dash “－”",
            "`- `",
            "这一条列表项用了全角的“－”开头",
            "`- `",
        )],
    );
}

#[test]
fn full_width_commas_between_pairs_and_values_are_named() {
    validate(
        "fullwidth-comma-pairs",
        &[want(
            56,
            26,
            "a full-width “，” separates `en` from the text before it",
            "ASCII comma",
            "`en` 前面用了全角的“，”来分隔",
            "半角逗号",
        )],
    );
    validate(
        "fullwidth-comma-values",
        &[want(
            25,
            24,
            "unknown variant `order，security` for `personal_needs`: a full-width “，” joins two values into one",
            "[order, security]",
            "`personal_needs` 的值 `order，security` 无效：全角的“，”把两个值连成了一个",
            "[order, security]",
        )],
    );
}

#[test]
fn an_unquoted_comma_in_a_flow_text_is_found() {
    validate(
        "comma-in-flow-text",
        &[want(
            37,
            52,
            "a comma in the text of `en` ended it: YAML read “for the group” as another field",
            "en: \"predictable phone spend, for the group\"",
            "`en` 的文字里有逗号，YAML 把逗号后面的“for the group”当成了另一个字段",
            "en: \"predictable phone spend, for the group\"",
        )],
    );
}

#[test]
fn colons_in_texts_and_chinese_quotes_are_explained() {
    validate(
        "colon-in-text",
        &[want(
            33,
            22,
            "the text of `reply` holds a colon followed by a space",
            "reply: \"Two phones: one landline in the shop, and my own mobile.\"",
            "`reply` 的文字里有“冒号+空格”",
            "英文双引号",
        )],
    );
    validate(
        "chinese-quotes",
        &[want(
            34,
            15,
            "the text of `reply` holds a colon followed by a space, which YAML reads as another key; it starts with a Chinese quotation mark",
            "reply: \"注意: 都是用自己的手机打，话费每人每月补一百。\"",
            "`reply` 的文字里有“冒号+空格”，YAML 把它当成了另一个键。它以中文引号开头",
            "英文双引号",
        )],
    );
}

#[test]
fn an_unclosed_bracket_is_found_where_it_opens() {
    validate(
        "unclosed-bracket",
        &[want(
            33,
            11,
            "the “[” here is never closed",
            "close it with “]”",
            "这里的“[”一直没有闭合",
            "用“]”闭合",
        )],
    );
}

/// Issue 12: "a dedented key reads `missing field cues` though it is there".
#[test]
fn a_key_moved_left_is_reported_where_it_is() {
    validate(
        "key-left-of-mapping",
        &[want(
            42,
            5,
            "`cues` is at column 5, left of the other keys of `needs[0].problem` (column 7), so `needs[0].problem` has no `cues`",
            "move it to column 7",
            "`cues` 在第 5 列，比 `needs[0].problem` 的其他键（第 7 列）靠左，所以 `needs[0].problem` 缺少 `cues`",
            "把它移到第 7 列",
        )],
    );
}

#[test]
fn keys_out_of_line_are_reported_at_the_line_that_moved() {
    validate(
        "key-right-of-previous",
        &[want(
            44,
            10,
            "`reply` is indented further than `cues` on line 43 (column 10 instead of 9)",
            "move it to column 9",
            "`reply` 比第 43 行的 `cues` 缩进得多（在第 10 列，应在第 9 列）",
            "移到第 9 列",
        )],
    );
    // The first key moved one column right: it is blamed, not the key after it.
    validate(
        "first-key-moved",
        &[want(
            40,
            8,
            "`cues` is at column 8, but the next key of `needs[0].problem`, `reply` (line 41), is at column 7",
            "move `cues` to column 7",
            "`cues` 在第 8 列，而 `needs[0].problem` 的下一个键 `reply`（第 41 行）在第 7 列",
            "把 `cues` 移到第 7 列",
        )],
    );
    validate(
        "key-between-levels",
        &[want(
            39,
            4,
            "`problem` is at column 4, in line with neither the keys of `needs[0]` (`missed-orders`), at column 5, nor the `- ` items of `needs`, at column 3",
            "move it to column 5 if it belongs to `needs[0]`",
            "`problem` 在第 4 列，既没有和 `needs[0]`（`missed-orders`）的键（第 5 列）对齐，也没有和 `needs` 的 `- ` 列表项（第 3 列）对齐",
            "就移到第 5 列",
        )],
    );
    validate(
        "key-at-list-dashes",
        &[want(
            44,
            7,
            "`reply` lines up with the dashes `- ` of the list above, not with the keys of `needs[0].implications[0]`",
            "column 9",
            "`reply` 和上面列表的 `- ` 对齐了，没有和 `needs[0].implications[0]` 的键对齐",
            "第 9 列",
        )],
    );
    validate(
        "key-under-its-owner",
        &[want(
            40,
            5,
            "`cues` is in line with `problem` (line 39), so `problem` is empty and `reply` on line 41 lines up with nothing",
            "indent it to column 7",
            "`cues` 和 `problem`（第 39 行）对齐了，所以 `problem` 是空的",
            "缩进到第 7 列",
        )],
    );
}

/// Issue 12: "a missing `objective` points at the last line of the file".
#[test]
fn a_missing_field_is_reported_at_the_mapping_that_lacks_it() {
    validate(
        "missing-field",
        &[want(
            20,
            7,
            "missing field `role` in `customer.contacts[0]` (`maya`), the mapping that starts here",
            "add the field (`role: …`)",
            "`customer.contacts[0]`（`maya`）缺少必填字段 `role`（这一组从这里开始）",
            "加上这个字段（`role: …`）",
        )],
    );
    validate(
        "missing-top-field",
        &[want(
            2,
            1,
            "missing field `objective` at the top level of the file",
            "docs/scenario-format.md §3, “Every field”",
            "文件顶层缺少必填字段 `objective`",
            "docs/scenario-format.md 第 3 节“Every field”",
        )],
    );
}

#[test]
fn a_misspelt_key_gets_a_suggestion() {
    validate(
        "misspelt-key",
        &[want(
            7,
            1,
            "unknown field `industri` at the top level, expected one of",
            "check the spelling (did you mean `industry`?)",
            "文件顶层没有字段 `industri`",
            "是不是 `industry`？",
        )],
    );
}

#[test]
fn a_text_where_a_number_belongs_is_named() {
    validate(
        "text-for-number",
        &[want(
            14,
            14,
            "`employees` must be a whole number (like 45), not the text “约40人”",
            "`employees: 45`",
            "`employees` 应该是整数（比如 45），而不是文字“约40人”",
            "`employees: 45`",
        )],
    );
}

/// Issue 12: "only the first layout error is reported".
#[test]
fn every_layout_mistake_is_reported_in_one_run() {
    let colon = |line, col, key: &'static str, zh: &'static str| {
        want(
            line,
            col,
            key,
            "type an ASCII colon and a space",
            zh,
            "改成半角冒号加空格",
        )
    };
    validate(
        "many-mistakes",
        &[
            colon(
                14,
                12,
                "the colon after `employees` is a full-width “：”",
                "`employees` 后面的冒号是全角的“：”",
            ),
            want(
                19,
                1,
                "a tab in the indentation",
                "replace the tab with spaces",
                "缩进里有制表符（Tab）",
                "把 Tab 换成空格",
            ),
            colon(
                32,
                10,
                "the colon after `topic` is a full-width “：”",
                "`topic` 后面的冒号是全角的“：”",
            ),
            want(
                42,
                5,
                "`cues` is at column 5, left of the other keys of `needs[0].problem`",
                "move it to column 7",
                "`cues` 在第 5 列",
                "把它移到第 7 列",
            ),
        ],
    );
}

/// The classic mistakes that validation (not YAML) finds, in Chinese too.
#[test]
fn unknown_and_duplicate_ids_are_reported_in_both_languages() {
    let f = "tests/fixtures/invalid/dangling_ref.yaml";
    check(
        &["validate", f],
        f,
        "error",
        1,
        &[
            want(
                43,
                9,
                "need `call-costs` has no benefit that meets it",
                "add a benefit",
                "需求 `call-costs` 没有能满足它的利益",
                "利益（benefit）",
            ),
            want(
                122,
                15,
                "unknown need `call-cost`",
                "known needs: call-costs",
                "没有 id 为 `call-cost` 的需求",
                "已有的需求：call-costs",
            ),
        ],
    );
    let f = "tests/fixtures/invalid/duplicate_id.yaml";
    check(
        &["validate", f],
        f,
        "error",
        1,
        &[
            want(
                78,
                9,
                "duplicate need id `order-errors`",
                "rename one",
                "需求 id `order-errors` 重复了",
                "改名",
            ),
            want(
                130,
                15,
                "unknown need `reach-bakers`",
                "known needs",
                "没有 id 为 `reach-bakers` 的需求",
                "已有的需求",
            ),
        ],
    );
}

/// Issue 12: "data did not match any variant of untagged enum AskArg".
#[test]
fn a_script_turn_of_no_known_form_says_which_forms_a_turn_takes() {
    let f = format!("{DIR}/script-ask.yaml");
    check(
        &["play", "bakery-vpn", "--script", &f],
        &f,
        "error",
        1,
        &[want(
            3,
            8,
            "`ask` must be a question, or {to: <contact id>, text: <question>}",
            "`- ask: {to: <contact id>, text: <question>}`",
            "`ask` 只能是一个问题，或 {to: <联系人 id>, text: <问题>}",
            "`- ask: {to: <联系人 id>, text: <问题>}`",
        )],
    );
    let f = format!("{DIR}/script-comma.yaml");
    check(
        &["play", "bakery-vpn", "--script", &f],
        &f,
        "error",
        1,
        &[want(
            3,
            8,
            "a comma in the text of `text` ended it: YAML read “how are the shops?” as another field",
            "text: \"Hi, how are the shops?\"",
            "`text` 的文字里有逗号",
            "text: \"Hi, how are the shops?\"",
        )],
    );
}

fn lint(name: &str, wants: &[Want]) {
    let file = format!("{DIR}/{name}.yaml");
    check(&["validate", &file], &file, "warning", 0, wants);
    check(&["validate", "--strict", &file], &file, "error", 1, wants);
}

/// Issue 12: "[看不清，盲区，死角] becomes one cue that never matches".
#[test]
fn cues_typed_with_chinese_commas_are_a_warning() {
    lint(
        "lint-fullwidth-cues",
        &[want(
            55,
            9,
            "`pickup`: cue `取衣，不来取，积压，忘了取` in `problem.cues` holds a full-width “，”",
            "[取衣, 不来取, 积压, 忘了取]",
            "`pickup`：`problem.cues` 里的 cue `取衣，不来取，积压，忘了取` 含全角的“，”",
            "[取衣, 不来取, 积压, 忘了取]",
        )],
    );
}

#[test]
fn contacts_named_in_lines_any_contact_may_say_are_a_warning() {
    lint(
        "lint-speaks-to-contact",
        &[want(
            36,
            9,
            "`facts.calls.reply` speaks to 王丽 (contact `wang`) by name",
            "leave the name out",
            "`facts.calls.reply` 直接称呼了王丽（联系人 `wang`）",
            "去掉称呼",
        )],
    );
    lint(
        "lint-names-its-speaker",
        &[want(
            26,
            9,
            "`facts.deliveries.reply` is said by Maya Brook (contact `maya`) and names Maya Brook",
            "say “I”",
            "`facts.deliveries.reply` 由 Maya Brook（联系人 `maya`）来说，却提到了 Maya Brook 自己",
            "改用“我”",
        )],
    );
}

/// Issue 12: "script files in a scenario folder make validate fail twice per file".
#[test]
fn a_script_in_a_scenario_folder_is_said_once_and_skipped() {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("tests/fixtures/guide/bike-couriers.yaml"),
        d.path().join("bike-couriers.yaml"),
    )
    .expect("copy");
    std::fs::write(
        d.path().join("skilled.yaml"),
        "- ask: How many riders do you have?\n- end: true\n",
    )
    .expect("write");
    let dir = d.path().display().to_string();
    let script = format!("{dir}/skilled.yaml");
    for lang in ["en", "zh"] {
        let o = run_lang(lang, &["validate", &dir]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{err}");
        let lines: Vec<&str> = err.lines().filter(|l| l.contains("skilled.yaml")).collect();
        assert_eq!(lines.len(), 1, "said once: {err}");
        let want = if lang == "en" {
            "skilled.yaml:1:1: warning: this is a script for `play` (a list of turns), not a scenario: skipped"
        } else {
            "skilled.yaml:1:1: warning: 这是给 `play` 用的脚本（一串回合），不是场景：已跳过"
        };
        assert!(
            lines[0].starts_with(&script) && lines[0].contains(want),
            "{err}"
        );
        assert!(stdout(&o).contains("bike-couriers.yaml"), "{}", stdout(&o));
        let o = run_lang(lang, &["validate", "--strict", &dir]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    }
    // `list` leaves it out quietly, as the trainer's picker does.
    let o = run_lang("en", &["list", "--scenarios", &dir]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("skilled"), "{}", stderr(&o));
    assert!(stdout(&o).contains("bike-couriers"), "{}", stdout(&o));
}

/// Issue 12: "a 10,000-character customer.company or facts[].topic is accepted while
/// title is capped". Every text field of every bundled scenario, set to 801
/// characters, is refused with its field named.
#[test]
fn every_text_field_has_the_length_limit() {
    let keys = [
        "title",
        "industry",
        "briefing",
        "objective",
        "company",
        "about",
        "note",
        "name",
        "topic",
        "reply",
        "summary",
        "stated",
        "actual",
        "text",
        "satisfied",
        "accept",
        "decline",
        "ask",
        "present",
        "propose",
    ];
    let lists = [
        "variants:",
        "off_topic:",
        "unclear:",
        "repeated:",
        "not_yet:",
        "leave:",
    ];
    let long = "字".repeat(801);
    let d = tempfile::tempdir().expect("tempdir");
    let mut seen = std::collections::BTreeSet::new();
    let mut checked = 0;
    for id in bundled_ids() {
        let src =
            std::fs::read_to_string(root().join(format!("scenarios/{id}.yaml"))).expect("read");
        let lines: Vec<&str> = src.lines().collect();
        let mut list_key = "";
        for (i, l) in lines.iter().enumerate() {
            let body = l.trim_start();
            let indent = l.len() - body.len();
            let item = body.strip_prefix("- ").unwrap_or(body);
            if body.ends_with(':') {
                // A key that opens a list or mapping: a list of texts, or something else.
                list_key = if lists.contains(&body) {
                    body.trim_end_matches(':')
                } else {
                    ""
                };
                continue;
            }
            let (key, value) = match item.split_once(": ") {
                Some((k, v)) if keys.contains(&k) => (k.to_string(), v),
                _ if body.starts_with("- ") && !list_key.is_empty() && !item.contains(": ") => {
                    (format!("{list_key}[]"), item)
                }
                _ => continue,
            };
            if value.starts_with(['[', '&', '*']) {
                continue;
            }
            if !seen.insert((key.clone(), indent, body.starts_with("- "))) {
                continue;
            }
            let mut out = lines.clone();
            let prefix = &l[..l.len() - value.len()];
            let replaced = format!("{prefix}\"{long}\"");
            out[i] = &replaced;
            if value.starts_with(['|', '>']) {
                // A block of text: its lines go with it.
                let more = lines[i + 1..]
                    .iter()
                    .take_while(|m| m.trim().is_empty() || m.len() - m.trim_start().len() > indent)
                    .count();
                out.drain(i + 1..i + 1 + more);
            }
            let f = d.path().join(format!("{id}-{checked}.yaml"));
            std::fs::write(&f, out.join("\n")).expect("write");
            let shown = f.display().to_string();
            let o = run_lang("en", &["validate", &shown]);
            let err = stderr(&o);
            assert_eq!(
                o.status.code(),
                Some(1),
                "{id} line {}: {key}: {err}",
                i + 1
            );
            assert!(
                err.contains("is 801 characters long (limit 800)"),
                "{id} line {}: {key}: {err}",
                i + 1
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked} fields checked: {seen:?}");
    // Texts inside `{…}`: a product part's text and an objection's reply.
    let src = std::fs::read_to_string(root().join("tests/fixtures/guide/bike-couriers.yaml"))
        .expect("read");
    for (line_has, from, to) in [
        ("- {id: ", ", text: ", ", cues: "),
        ("trigger: price", ", reply: ", "}"),
    ] {
        let lines: Vec<String> = src
            .lines()
            .map(
                |l| match (l.contains(line_has), l.find(from), l.rfind(to)) {
                    (true, Some(a), Some(b)) if a + from.len() < b => {
                        format!("{}\"{long}\"{}", &l[..a + from.len()], &l[b..])
                    }
                    _ => l.to_string(),
                },
            )
            .collect();
        let f = d.path().join("flow.yaml");
        std::fs::write(&f, lines.join("\n")).expect("write");
        let o = run_lang("en", &["validate", &f.display().to_string()]);
        assert_eq!(o.status.code(), Some(1), "{from}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is 801 characters long (limit 800)"),
            "{from}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn the_language_comes_from_the_flag_the_config_file_or_the_locale() {
    let f = format!("{DIR}/fullwidth-colon.yaml");
    let zh = "`employees` 后面的冒号是全角的“：”";
    let en = "the colon after `employees` is a full-width “：”";
    let d = tempfile::tempdir().expect("tempdir");
    let cfg = d.path().join("config.yaml");
    std::fs::write(&cfg, "lang: zh\n").expect("write");
    let run_env = |args: &[&str], config: &str, lang: &str| {
        Command::new(bin())
            .args(args)
            .current_dir(root())
            .env("SPIN_COACH_CONFIG", config)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .expect("run")
    };
    let none = "/nonexistent/config.yaml";
    let cfg = cfg.display().to_string();
    let cases: [(&[&str], &str, &str, &str); 5] = [
        (&["validate", &f], none, "C.UTF-8", en),
        (&["validate", &f], none, "zh_CN.UTF-8", zh),
        (&["validate", &f], &cfg, "C.UTF-8", zh),
        (&["validate", &f, "--lang", "en"], &cfg, "zh_CN.UTF-8", en),
        (&["--lang", "zh", "validate", &f], none, "en_US.UTF-8", zh),
    ];
    for (args, config, lang, want) in cases {
        let o = run_env(args, config, lang);
        assert!(
            stderr(&o).contains(want),
            "{args:?} {config} {lang}: {}",
            stderr(&o)
        );
    }
    // The JSON document carries the message in the chosen language.
    let o = run_env(&["validate", "--format", "json", &f], &cfg, "C.UTF-8");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(
        v["files"][0]["problems"][0]["message"]
            .as_str()
            .unwrap_or_default(),
        "`employees` 后面的冒号是全角的“：”"
    );
}

/// Issue 12: folded Chinese text (`>-`) had a stray space at each line break.
#[test]
fn folded_chinese_lines_join_without_a_space() {
    let src = std::fs::read_to_string(root().join("tests/fixtures/guide/bike-couriers.yaml"))
        .expect("read");
    let folded = src.replacen(
        "    reply: Twenty riders, about four hundred jobs a day.",
        "    reply: >-\n      二十个骑手，\n      一天四百来单。\n      Most of them\n      ride e-bikes.",
        1,
    );
    assert_ne!(folded, src);
    let (sc, _) = spin_coach::scenario::from_str(&folded, "f.yaml").expect("loads");
    assert_eq!(
        sc.facts[0].reply.get(spin_coach::lang::Lang::En),
        "二十个骑手，一天四百来单。Most of them ride e-bikes."
    );
    // The bundled briefings read as written.
    let r = spin_coach::scenario::bundled_by_id("airline-sms").expect("bundled");
    let sc = r.expect("loads").scenario;
    let briefing = sc.briefing.get(spin_coach::lang::Lang::Zh);
    assert!(
        briefing.contains("个左右航班。它的常旅客计划"),
        "{briefing}"
    );
    for (name, _) in spin_coach::scenario::bundled_sources() {
        let id = name.trim_end_matches(".yaml");
        let l = spin_coach::scenario::bundled_by_id(id)
            .expect("bundled")
            .expect("loads");
        for t in spin_coach::authoring::texts::all(&l.scenario) {
            for s in t.text.all() {
                let cs: Vec<char> = s.chars().collect();
                for w in cs.windows(3) {
                    let wide = |c: char| {
                        spin_coach::text::is_han(c)
                            || ('\u{3000}'..='\u{303f}').contains(&c)
                            || ('\u{ff00}'..='\u{ffef}').contains(&c)
                    };
                    assert!(
                        !(w[1] == ' ' && wide(w[0]) && wide(w[2])),
                        "{id} {}: stray space in {s}",
                        t.field
                    );
                }
            }
        }
    }
}
