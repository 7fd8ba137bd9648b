/*!
The iCalendar export checked against what RFC 5545 requires: calendar
and event properties, CRLF, 75-octet folding without splitting a UTF-8
character, text escaping, stable UIDs and no clock.
*/

mod plan_support;

use kaizala_engine::export::ics::{escape_text, fold};
use kaizala_engine::export::to_ics;
use kaizala_engine::plan::{build_plan, Lang, Settings};
use plan_support::*;

fn ics(lang: Lang) -> String {
    to_ics(
        &build_plan(&sample_import(), &Settings::new(d(2020, 6, 1))),
        lang,
    )
}

/// Undoes folding: a CRLF followed by a space joins two lines.
fn unfold(s: &str) -> Vec<String> {
    s.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn lines_are_crlf_and_folded() {
    for lang in [Lang::En, Lang::ZhTw] {
        let s = ics(lang);
        assert!(s.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(
            s.matches('\n').count(),
            s.matches("\r\n").count(),
            "bare LF"
        );
        assert_eq!(
            s.matches('\r').count(),
            s.matches("\r\n").count(),
            "bare CR"
        );
        for line in s.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Splitting on CRLF gave valid str slices, so no character was cut.
        assert!(
            s.split("\r\n").any(|l| l.starts_with(' ')),
            "something was folded"
        );
    }
}

#[test]
fn required_properties() {
    let lines = unfold(&ics(Lang::En));
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert!(lines.contains(&"CALSCALE:GREGORIAN".to_string()));
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    // Events: one per subscription still to migrate with a known date:
    // c-after, c-renews, s-1, e-2, w-1.
    let events: Vec<&[String]> = lines
        .split(|l| l == "BEGIN:VEVENT")
        .skip(1)
        .map(|chunk| {
            let end = chunk
                .iter()
                .position(|l| l == "END:VEVENT")
                .expect("END:VEVENT");
            &chunk[..end]
        })
        .collect();
    let is_step = |e: &&[String]| {
        e.iter()
            .any(|l| l.starts_with("UID:") && l.contains("-step-"))
    };
    let last_days = events.iter().filter(|e| !is_step(e)).count();
    assert_eq!(last_days, 5);
    // And one per purchase or move step due on or after the as-of date.
    let step_events: Vec<&&[String]> = events.iter().filter(|e| is_step(e)).collect();
    assert!(!step_events.is_empty());
    let mut uids = std::collections::BTreeSet::new();
    for e in &events {
        let prop = |name: &str| {
            e.iter()
                .find(|l| l.starts_with(name))
                .unwrap_or_else(|| panic!("{name} in {e:?}"))
        };
        let uid = prop("UID:");
        assert!(uids.insert(uid.clone()), "duplicate {uid}");
        assert_eq!(prop("DTSTAMP:"), "DTSTAMP:20200601T000000Z");
        assert!(prop("DTSTART;VALUE=DATE:").len() == "DTSTART;VALUE=DATE:".len() + 8);
        prop("DTEND;VALUE=DATE:");
        prop("SUMMARY:");
        prop("DESCRIPTION:");
        let alarm = e.iter().position(|l| l == "BEGIN:VALARM").expect("VALARM");
        let alarm = &e[alarm..];
        assert!(alarm.contains(&"ACTION:DISPLAY".to_string()));
        let trigger = if is_step(e) {
            "TRIGGER:-P3D"
        } else {
            "TRIGGER:-P14D"
        };
        assert!(alarm.contains(&trigger.to_string()));
        assert!(alarm.iter().any(|l| l.starts_with("DESCRIPTION:")));
        assert!(alarm.contains(&"END:VALARM".to_string()));
    }
    let renews = events
        .iter()
        .find(|e| {
            e.iter()
                .any(|l| l.starts_with("UID:") && l.ends_with("-c-renews@kaizala-planner"))
        })
        .unwrap();
    assert!(renews.contains(&"DTSTART;VALUE=DATE:20210227".to_string()));
    assert!(renews.contains(&"DTEND;VALUE=DATE:20210228".to_string()));
    // Contoso's second wave adds its licenses on 2021-02-13 and moves its
    // users on 2021-02-20: both days are in the calendar, with the step.
    let step_on = |id: &str| {
        step_events
            .iter()
            .find(|e| {
                e.iter().any(|l| {
                    l.starts_with("UID:")
                        && l.contains("contoso")
                        && l.ends_with(&format!("-step-{id}@kaizala-planner"))
                })
            })
            .unwrap_or_else(|| panic!("an event for Contoso's step {id}"))
    };
    assert!(step_on("W2A").contains(&"DTSTART;VALUE=DATE:20210213".to_string()));
    assert!(step_on("W2B").contains(&"DTSTART;VALUE=DATE:20210220".to_string()));
    let w2a = step_on("W2A")
        .iter()
        .find(|l| l.starts_with("SUMMARY:"))
        .unwrap();
    assert!(w2a.contains("W2A. Wave 2"), "{w2a}");
    // Commas and semicolons in the customer name are escaped.
    let summary = renews.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
    assert!(summary.contains("Contoso\\, Ltd\\; \"HQ\""), "{summary}");
}

#[test]
fn deterministic_and_stable_uids() {
    assert_eq!(ics(Lang::En), ics(Lang::En));
    let en: Vec<String> = unfold(&ics(Lang::En))
        .into_iter()
        .filter(|l| l.starts_with("UID:"))
        .collect();
    let zh: Vec<String> = unfold(&ics(Lang::ZhTw))
        .into_iter()
        .filter(|l| l.starts_with("UID:"))
        .collect();
    assert_eq!(en, zh);
    assert!(en.iter().all(|u| u.is_ascii()));
}

#[test]
fn escaping_and_folding_units() {
    assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    let long = "DESCRIPTION:".to_string() + &"臺".repeat(40);
    let folded = fold(&long);
    for l in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(l.len() <= 75);
    }
    assert_eq!(folded.replace("\r\n ", ""), long.clone() + "\r\n");
    assert_eq!(fold("SHORT"), "SHORT\r\n");
    let exact = "X".repeat(75);
    assert_eq!(fold(&exact), exact.clone() + "\r\n");
    assert_eq!(fold(&(exact.clone() + "Y")), exact + "\r\n Y\r\n");
}
