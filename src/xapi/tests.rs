//! Every statement spin-coach makes keeps the xAPI rules; the rules themselves
//! catch what they should.

use super::*;
use serde_json::json;

/// A finished meeting of a bundled scenario played from its golden script.
fn played(scenario: &str, script: &str, id: &str) -> Record {
    let loaded = crate::scenario::bundled_by_id(scenario)
        .expect("bundled")
        .expect("valid");
    let path = format!(
        "{}/tests/scripts/{scenario}/{script}.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let turns = crate::script::load_file(std::path::Path::new(&path)).expect("script");
    let inputs: Vec<crate::session::Input> = turns.iter().map(|t| t.input.clone()).collect();
    let (mut s, _) = crate::session::Session::replay(
        std::sync::Arc::clone(&loaded.scenario),
        1,
        None,
        None,
        inputs.iter().cloned(),
    );
    if !s.is_over() {
        s.apply(crate::session::Input::End);
    }
    let mut r = crate::store::record(
        id.into(),
        &loaded,
        &s,
        1,
        inputs,
        "2026-11-20T09:00:00Z".into(),
    );
    r.finished_at = Some("2026-11-20T09:12:34Z".into());
    r
}

fn meta(scenario: &str) -> Meta {
    let (_, src) = crate::scenario::bundled_sources()
        .iter()
        .find(|(n, _)| n.trim_end_matches(".yaml") == scenario)
        .expect("bundled");
    Meta::peek(src).expect("meta")
}

fn mail_actor() -> Actor {
    Actor::new(Some("王建军"), Some("wang@example.com"), None).expect("actor")
}

fn account_actor() -> Actor {
    Actor::new(
        Some("Ann Lee"),
        Some("ann.lee"),
        Some("https://lms.example.com"),
    )
    .expect("actor")
}

fn scenarios() -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(format!("{}/tests/scripts", env!("CARGO_MANIFEST_DIR")))
            .expect("scripts")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
    v.sort();
    v
}

#[test]
fn every_statement_keeps_the_xapi_rules() {
    let mut checked = 0;
    for sc in scenarios() {
        for (script, actor) in [("good", mail_actor()), ("poor", account_actor())] {
            let r = played(&sc, script, &format!("m-{sc}-{script}"));
            for typed_text in [false, true] {
                let s = Settings {
                    typed_text,
                    ..Settings::new(actor.clone())
                };
                for m in [Some(meta(&sc)), None] {
                    let all = statements(&r, &s, m.as_ref()).expect("finished");
                    assert!(all.len() >= 2);
                    if typed_text {
                        assert!(all.len() > 2, "{sc} {script}: one per turn with text");
                    }
                    for st in &all {
                        let problems = check::statement(st);
                        assert!(problems.is_empty(), "{sc} {script}: {problems:?}\n{st:#}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn a_meeting_gives_completed_and_passed_or_failed_with_its_figures() {
    let r = played("bakery-vpn", "good", "20261120T090000-abc");
    let total = r.report.score.total;
    let s = Settings::new(mail_actor());
    let all = statements(&r, &s, Some(&meta("bakery-vpn"))).expect("finished");
    assert_eq!(all.len(), 2);
    let (c, p) = (&all[0], &all[1]);
    assert_eq!(c["verb"]["id"], VERB_COMPLETED);
    assert_eq!(
        p["verb"]["id"],
        if total >= 80 {
            VERB_PASSED
        } else {
            VERB_FAILED
        }
    );
    assert_eq!(c["id"], completed_id("20261120T090000-abc"));
    assert_eq!(
        c["actor"],
        json!({"objectType": "Agent", "name": "王建军", "mbox": "mailto:wang@example.com"})
    );
    assert_eq!(c["object"]["id"], "urn:spin-coach:scenario:bakery-vpn");
    assert_eq!(c["object"]["definition"]["type"], ACTIVITY_TYPE);
    assert_eq!(
        c["object"]["definition"]["extensions"][ext::DIFFICULTY],
        r.report.difficulty.as_ref()
    );
    assert!(c["object"]["definition"]["extensions"][ext::SEGMENT].is_string());
    let score = &c["result"]["score"];
    assert_eq!(score["raw"], total);
    assert_eq!(score["min"], 0);
    assert_eq!(score["max"], 100);
    assert_eq!(score["scaled"].as_f64(), Some(f64::from(total) / 100.0));
    assert_eq!(c["result"]["completion"], true);
    assert_eq!(c["result"]["duration"], "PT12M34S");
    assert_eq!(c["timestamp"], "2026-11-20T09:12:34Z");
    let ctx = &c["context"];
    assert_eq!(ctx["registration"], registration("20261120T090000-abc"));
    assert_eq!(p["context"]["registration"], ctx["registration"]);
    assert_eq!(ctx["platform"], platform());
    assert_eq!(ctx["language"], tag(r.lang));
    let e = &ctx["extensions"];
    let k = &r.report.counts;
    assert_eq!(
        e[ext::SPIN],
        json!({"S": k.situation, "P": k.problem, "I": k.implication, "N": k.need_payoff})
    );
    assert_eq!(e[ext::IN_SHARE], k.in_share);
    assert_eq!(
        e[ext::RELATIONSHIP],
        r.report.relationship.quadrant.as_ref()
    );
    for (part, ps) in r.report.score.parts.list() {
        assert_eq!(e[ext::PARTS][part.code()]["points"], ps.points, "{part:?}");
    }
    assert_eq!(e[ext::MEETING]["id"], "20261120T090000-abc");
    assert_eq!(p["result"]["extensions"][ext::PASS_MARK], 80);
}

#[test]
fn the_pass_mark_decides_passed_or_failed() {
    let mut r = played("bakery-vpn", "poor", "m1");
    for (total, mark, verb, success) in [
        (79, 80, VERB_FAILED, false),
        (80, 80, VERB_PASSED, true),
        (81, 80, VERB_PASSED, true),
        (50, 50, VERB_PASSED, true),
        (0, 1, VERB_FAILED, false),
    ] {
        r.report.score.total = total;
        let s = Settings {
            pass_mark: mark,
            ..Settings::new(mail_actor())
        };
        let all = statements(&r, &s, None).expect("finished");
        assert_eq!(all[1]["verb"]["id"], verb, "{total} against {mark}");
        assert_eq!(all[0]["result"]["success"], success);
        assert_eq!(all[1]["result"]["success"], success);
        assert!(check::statement(&all[1]).is_empty());
    }
}

#[test]
fn ids_are_deterministic_uuid_v5_and_distinct() {
    let r = played("shop-vpn", "good", "20261101T101010-1f2e3d");
    let s = Settings {
        typed_text: true,
        ..Settings::new(mail_actor())
    };
    let a = statements(&r, &s, None).expect("finished");
    let b = statements(&r, &s, None).expect("finished");
    assert_eq!(a, b, "the same meeting gives the same statements");
    let mut ids: Vec<&str> = a.iter().filter_map(|st| st["id"].as_str()).collect();
    for id in &ids {
        assert!(check::is_uuid(id), "{id}");
        assert_eq!(id.as_bytes()[14], b'5', "version 5: {id}");
    }
    assert_eq!(Uuid::parse_str(ids[0]).map(|u| u.get_version_num()), Ok(5));
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "every statement has its own id");
    assert_ne!(completed_id("a"), completed_id("b"));
    assert_eq!(completed_id("a"), uuid5("a"));
}

#[test]
fn typed_text_is_sent_only_when_asked() {
    let r = played("bakery-vpn", "good", "m2");
    let texts: Vec<String> = r
        .report
        .turns
        .iter()
        .filter_map(|t| t.input.as_str().map(str::to_string))
        .filter(|t| t.chars().count() > 8)
        .collect();
    assert!(!texts.is_empty());
    let quiet =
        serde_json::to_string(&statements(&r, &Settings::new(mail_actor()), None)).expect("json");
    for t in &texts {
        let escaped = serde_json::to_string(t).expect("json");
        assert!(
            !quiet.contains(escaped.trim_matches('"')),
            "typed text leaked: {t}"
        );
    }
    let s = Settings {
        typed_text: true,
        ..Settings::new(mail_actor())
    };
    let loud = statements(&r, &s, None).expect("finished");
    let responses: Vec<&str> = loud
        .iter()
        .filter_map(|st| st["result"]["response"].as_str())
        .collect();
    for t in &texts {
        assert!(responses.contains(&t.as_str()), "{t} missing");
    }
    let reg = registration("m2");
    for st in &loud[2..] {
        assert_eq!(st["context"]["registration"], reg.as_str());
        assert!(st["result"]["extensions"][ext::TURN]["turn"].is_u64());
    }
}

#[test]
fn unfinished_meetings_give_no_statement() {
    let mut r = played("bakery-vpn", "good", "m3");
    r.status = Status::Unfinished;
    assert!(statements(&r, &Settings::new(mail_actor()), None).is_none());
}

#[test]
fn the_activity_id_and_title_follow_the_settings_and_the_scenario() {
    let r = played("frozen-foods", "good", "m4");
    let s = Settings {
        activity_base: "https://academy.example.com/spin/".into(),
        ..Settings::new(account_actor())
    };
    let all = statements(&r, &s, Some(&meta("frozen-foods"))).expect("finished");
    assert_eq!(
        all[0]["object"]["id"],
        "https://academy.example.com/spin/frozen-foods"
    );
    let name = &all[0]["object"]["definition"]["name"];
    assert!(
        name["zh-CN"].is_string() && name["en-US"].is_string(),
        "{name}"
    );
    assert_eq!(
        all[0]["actor"]["account"],
        json!({"homePage": "https://lms.example.com", "name": "ann.lee"})
    );
    assert_eq!(iri_segment("a b/é"), "a%20b%2F%C3%A9");
}

#[test]
fn actors_need_a_proper_identifier() {
    assert_eq!(Actor::new(Some("x"), None, None), Err(ActorError::Missing));
    assert_eq!(
        Actor::new(Some("x"), Some("  "), None),
        Err(ActorError::Missing)
    );
    assert!(matches!(
        Actor::new(None, Some("mailto:nobody"), None),
        Err(ActorError::BadMail(_))
    ));
    assert!(matches!(
        Actor::new(None, Some("a@b"), None),
        Err(ActorError::BadMail(_))
    ));
    assert!(matches!(
        Actor::new(None, Some("ann"), None),
        Err(ActorError::NoHome(_))
    ));
    assert!(matches!(
        Actor::new(None, Some("ann"), Some("lms.example.com")),
        Err(ActorError::BadHome(_))
    ));
    let a = Actor::new(None, Some("mailto:a@b.cn"), None).expect("mail");
    assert_eq!(a.id, Ifi::Mbox("mailto:a@b.cn".into()));
    assert_eq!(
        a.to_json(),
        json!({"objectType": "Agent", "mbox": "mailto:a@b.cn"})
    );
    for e in [ActorError::Missing, ActorError::NoHome("x".into())] {
        assert!(!e.message(Lang::En).is_empty() && crate::text::has_han(&e.message(Lang::Zh)));
    }
}

#[test]
fn durations_are_iso_8601() {
    for (secs, text) in [
        (0, "PT0S"),
        (59, "PT59S"),
        (60, "PT1M"),
        (754, "PT12M34S"),
        (3600, "PT1H"),
        (3661, "PT1H1M1S"),
        (90_000, "PT25H"),
    ] {
        assert_eq!(duration(secs), text);
        assert!(check::is_duration(text), "{text}");
    }
    for ok in ["P1D", "P1Y2M3DT4H5M6S", "PT1.5S", "P2W", "PT0.25S"] {
        assert!(check::is_duration(ok), "{ok}");
    }
    for bad in [
        "", "P", "PT", "12M", "PT1S2M", "P1DT", "PT1.5M2S", "PTS", "P1.2.3D", "pt1s", "PT-1S",
    ] {
        assert!(!check::is_duration(bad), "{bad}");
    }
    assert_eq!(
        seconds_between("2026-01-01T10:00:00Z", "2026-01-01T10:01:05Z"),
        Some(65)
    );
    assert_eq!(
        seconds_between("2026-01-01T10:00:00Z", "2025-01-01T10:00:00Z"),
        None
    );
    assert_eq!(seconds_between("yesterday", "2025-01-01T10:00:00Z"), None);
}

#[test]
fn the_rules_reject_broken_statements() {
    let r = played("bakery-vpn", "good", "m5");
    let good = statements(&r, &Settings::new(mail_actor()), None).expect("finished")[0].clone();
    assert!(check::statement(&good).is_empty());
    type Break = Box<dyn Fn(&mut Value)>;
    let broken: Vec<(&str, Break)> = vec![
        (
            "actor: is required",
            Box::new(|v| {
                v.as_object_mut().map(|m| m.remove("actor"));
            }),
        ),
        (
            "verb.id: is not an absolute IRI",
            Box::new(|v| v["verb"]["id"] = "completed".into()),
        ),
        (
            "object.id: is not an absolute IRI",
            Box::new(|v| v["object"]["id"] = "scenario bakery".into()),
        ),
        (
            "result.score.scaled: must be between -1 and 1",
            Box::new(|v| v["result"]["score"]["scaled"] = json!(1.5)),
        ),
        (
            "result.score.raw: must be between min and max",
            Box::new(|v| v["result"]["score"]["raw"] = json!(101)),
        ),
        (
            "result.score: min must be less than max",
            Box::new(|v| v["result"]["score"]["min"] = json!(100)),
        ),
        (
            "result.duration: is not an ISO 8601 duration",
            Box::new(|v| v["result"]["duration"] = "12 minutes".into()),
        ),
        ("id: is not a UUID", Box::new(|v| v["id"] = "1234".into())),
        (
            "context.registration: is not a UUID",
            Box::new(|v| v["context"]["registration"] = "m5".into()),
        ),
        (
            "exactly one of mbox",
            Box::new(|v| v["actor"]["openid"] = "https://id.example.com/a".into()),
        ),
        (
            "exactly one of mbox",
            Box::new(|v| {
                v["actor"].as_object_mut().map(|m| m.remove("mbox"));
            }),
        ),
        (
            "actor.mbox: must be `mailto:`",
            Box::new(|v| v["actor"]["mbox"] = "wang@example.com".into()),
        ),
        (
            "is not an RFC 5646 language tag",
            Box::new(|v| v["verb"]["display"]["chinese simplified"] = "完成".into()),
        ),
        (
            "verb.display.en-US: must be a string",
            Box::new(|v| v["verb"]["display"]["en-US"] = json!(1)),
        ),
        (
            "context.language: is not an RFC 5646",
            Box::new(|v| v["context"]["language"] = "中文".into()),
        ),
        (
            "an extension's key must be an absolute IRI",
            Box::new(|v| v["context"]["extensions"]["score"] = json!(1)),
        ),
        (
            "trainee: is not an xAPI property here",
            Box::new(|v| v["trainee"] = "x".into()),
        ),
        (
            "timestamp: is not an ISO 8601 time",
            Box::new(|v| v["timestamp"] = "2026-11-20 09:12".into()),
        ),
        (
            "result.success: must be true or false",
            Box::new(|v| v["result"]["success"] = "yes".into()),
        ),
    ];
    for (want, f) in broken {
        let mut v = good.clone();
        f(&mut v);
        let problems = check::statement(&v);
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{want}: {problems:?}"
        );
    }
    assert!(!check::statement(&json!([])).is_empty());
}

#[test]
fn the_small_checks() {
    for ok in [
        "urn:spin-coach:scenario:a",
        "http://adlnet.gov/expapi/verbs/completed",
        "https://x.example/a?b=c#d",
        "mailto:a@b.cn",
    ] {
        assert!(check::is_absolute_iri(ok), "{ok}");
    }
    for bad in [
        "",
        "bakery",
        ":x",
        "1http://x",
        "http:",
        "http://a b",
        "urn:x\u{7}",
    ] {
        assert!(!check::is_absolute_iri(bad), "{bad:?}");
    }
    for ok in ["zh-CN", "en-US", "en", "zh-Hans-CN", "es-419"] {
        assert!(check::is_language_tag(ok), "{ok}");
    }
    for bad in ["", "e", "en_US", "zh-", "123", "en-toolongsubtag"] {
        assert!(!check::is_language_tag(bad), "{bad}");
    }
    assert!(check::is_uuid(&uuid5("x")));
    for bad in [
        "",
        "x",
        "00000000-0000-0000-0000-000000000000",
        "6fbd600fd17c4c74801a2ec2e53231c7",
        "6fbd600f-d17c-4c74-c01a-2ec2e53231c7",
    ] {
        assert!(!check::is_uuid(bad), "{bad}");
    }
    assert!(check::is_web_address("https://lms.example.com"));
    assert!(!check::is_web_address("https://"));
    assert!(!check::is_web_address("ftp://lms.example.com"));
    assert!(check::is_timestamp("2026-11-20T09:12:34Z"));
    assert!(check::is_timestamp("2026-11-20T09:12:34.5+08:00"));
    assert!(!check::is_timestamp("2026-11-20T09:12:34"));
}

#[test]
fn a_completed_statement_reads_back_as_the_meeting_s_summary() {
    for (sc, script) in [
        ("bakery-vpn", "good"),
        ("frozen-foods", "poor"),
        ("shop-vpn", "poor"),
    ] {
        let r = played(sc, script, &format!("m-{sc}"));
        let all = statements(&r, &Settings::new(mail_actor()), Some(&meta(sc))).expect("finished");
        assert!(read::is_ours(&all[0]) && !read::is_ours(&all[1]));
        let back = read::meeting(&all[0]).expect("reads");
        assert_eq!(back.trainee, "王建军");
        let want = serde_json::to_value(crate::store::summary::Summary::of(&r)).expect("json");
        assert_eq!(
            serde_json::to_value(&back.summary).expect("json"),
            want,
            "{sc}"
        );
        let lost: u32 = back.lost.values().sum();
        let negative = r
            .report
            .turns
            .iter()
            .flat_map(|t| &t.step.findings)
            .filter(|f| f.points < 0)
            .count();
        assert_eq!(lost as usize, negative);
    }
    // Numbers out of range are refused, naming the field.
    let r = played("bakery-vpn", "good", "m-range");
    let mut st = statements(&r, &Settings::new(mail_actor()), None).expect("finished")[0].clone();
    st["context"]["extensions"][ext::IN_SHARE] = json!(400);
    assert!(read::meeting(&st).is_err_and(|e| e.contains("in-share is 400")));
    st["context"]["extensions"]
        .as_object_mut()
        .map(|m| m.remove(ext::PARTS));
    assert!(read::meeting(&st).is_err_and(|e| e.contains("parts is missing")));
}
