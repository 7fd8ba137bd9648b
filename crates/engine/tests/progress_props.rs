/*!
Property tests of stored progress: whatever text storage (or a colleague's
file) holds, reading it returns without panicking, and what it returns is
written and read back the same.
*/
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kaizala_engine::progress::{Progress, StepFacts, StepSubject, SubscriptionFacts};
use proptest::prelude::*;

/// Stored progress with a tick of each kind, facts and a note.
fn stored_sample() -> String {
    let facts = StepFacts {
        subscriptions: vec![SubscriptionFacts {
            id: "sub-b".into(),
            end: NaiveDate::from_ymd_opt(2020, 8, 31),
            seats: Some(10),
            status: "active".into(),
        }],
        plan: Some("O365_BUSINESS_ESSENTIALS".into()),
        quantity: Some(10),
    };
    let mut p = Progress::default();
    for key in ["A:sub-b", "B:sub-b", "C:sub-b"] {
        let subject = StepSubject {
            id: key[..1].to_string(),
            key: key.to_string(),
            facts: facts.clone(),
        };
        p.tick(
            "id:x",
            &subject,
            NaiveDate::from_ymd_opt(2020, 6, 1).unwrap(),
        );
    }
    p.set_note("id:x", "note");
    p.to_json()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever the text, reading it returns; what it returns writes and
    /// reads back the same, with notes within the cap.
    #[test]
    fn hostile_text_never_panics(text in any::<String>()) {
        if let Some(p) = Progress::from_json(&text) {
            prop_assert_eq!(Progress::from_json(&p.to_json()), Some(p));
        }
    }

    /// Stored progress with a piece cut out or replaced still reads
    /// without panicking.
    #[test]
    fn damaged_storage_never_panics(at in 0usize..2000, len in 0usize..40, with in "[\\[\\]{}\":,0-9a-zA-Z\\-/ ]{0,12}") {
        let s = stored_sample();
        let at = at.min(s.len());
        let end = (at + len).min(s.len());
        if s.is_char_boundary(at) && s.is_char_boundary(end) {
            let damaged = format!("{}{}{}", &s[..at], with, &s[end..]);
            if let Some(p) = Progress::from_json(&damaged) {
                prop_assert!(p.to_json().len() < damaged.len() * 4 + 200);
                prop_assert_eq!(Progress::from_json(&p.to_json()), Some(p));
            }
        }
    }
}
