//! Unit tests of progress on hand-made steps: resolution, confirming,
//! unticking, notes, merging and the stored shapes.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sub(id: &str, end: NaiveDate, seats: u32) -> SubscriptionFacts {
    SubscriptionFacts {
        id: id.into(),
        end: Some(end),
        seats: Some(seats),
        status: "active".into(),
    }
}

/// One wave of `subs`, anchored on the first: A, B, then a C per subscription.
fn wave(prefix: &str, subs: &[SubscriptionFacts], plan: &str, quantity: u32) -> Vec<StepSubject> {
    let anchor = &subs[0].id;
    let mut out = vec![
        StepSubject {
            id: format!("{prefix}A"),
            key: format!("A:{anchor}"),
            facts: StepFacts {
                subscriptions: subs.to_vec(),
                plan: Some(plan.into()),
                quantity: Some(quantity),
            },
        },
        StepSubject {
            id: format!("{prefix}B"),
            key: format!("B:{anchor}"),
            facts: StepFacts {
                subscriptions: subs.to_vec(),
                ..StepFacts::default()
            },
        },
    ];
    for (i, s) in subs.iter().enumerate() {
        out.push(StepSubject {
            id: format!("{prefix}C{}", i + 1),
            key: format!("C:{}", s.id),
            facts: StepFacts {
                subscriptions: vec![s.clone()],
                ..StepFacts::default()
            },
        });
    }
    out
}

#[test]
fn a_wave_tick_follows_its_subscriptions_and_flags_what_changed() {
    let (x, y, z) = (
        sub("x", d(2020, 8, 31), 10),
        sub("y", d(2020, 9, 5), 5),
        sub("z", d(2020, 8, 20), 3),
    );
    let before = wave("", &[x.clone(), y.clone()], "SKU1", 15);
    let mut p = Progress::default();
    p.tick("k", &before[0], d(2020, 6, 1));
    p.tick("k", &before[3], d(2020, 6, 2));
    // z ends earlier and joins: the wave is now anchored on z.
    let after = wave("", &[z.clone(), x.clone(), y.clone()], "SKU1", 18);
    assert_eq!(after[0].key, "A:z");
    let a = p.state("k", &after[0], &after).expect("A keeps its tick");
    assert_eq!(a.on, Some(d(2020, 6, 1)));
    assert_eq!(
        a.changes,
        [
            FactChange::Joined {
                subscription: "z".into()
            },
            FactChange::QuantityChanged {
                from: Some(15),
                to: Some(18)
            },
        ]
    );
    assert_eq!(p.state("k", &after[1], &after), None, "B was not ticked");
    // C:y is now C3.
    let c = p.state("k", &after[4], &after).unwrap();
    assert_eq!(
        (after[4].id.as_str(), c.on, c.changes.len()),
        ("C3", Some(d(2020, 6, 2)), 0)
    );
    assert_eq!(p.state("k", &after[2], &after), None);
    // Confirming keeps the first day, rekeys the tick and clears the flag.
    p.tick("k", &after[0], d(2020, 7, 1));
    let a = p.state("k", &after[0], &after).unwrap();
    assert_eq!((a.on, a.changes), (Some(d(2020, 6, 1)), vec![]));
    assert!(p.ticks["k"].contains_key("A:z") && !p.ticks["k"].contains_key("A:x"));
    // Unticking removes every tick that applies to the step.
    p.ticks
        .get_mut("k")
        .unwrap()
        .insert("A:x".into(), Tick::default());
    p.untick("k", &after[0], &after);
    assert_eq!(p.state("k", &after[0], &after), None);
    assert_eq!(p.ticks["k"].len(), 1);
    // y leaves: its C tick is an orphan, kept in storage.
    let gone = wave("", &[z, x], "SKU1", 13);
    assert_eq!(p.state("k", &gone[3], &gone), None);
    let orphans = p.orphans("k", &gone);
    assert_eq!(orphans.len(), 1);
    assert_eq!(
        (orphans[0].step.as_str(), orphans[0].on),
        ("C:y", Some(d(2020, 6, 2)))
    );
    assert_eq!(p.orphans("k", &after), vec![]);
}

#[test]
fn a_wave_whose_anchor_left_keeps_its_tick_through_the_others() {
    let (x, y) = (sub("x", d(2020, 8, 31), 10), sub("y", d(2020, 9, 5), 5));
    let before = wave("", &[x, y.clone()], "SKU1", 15);
    let mut p = Progress::default();
    p.tick("k", &before[1], d(2020, 6, 1));
    let after = wave("", std::slice::from_ref(&y), "SKU1", 5);
    let b = p.state("k", &after[1], &after).unwrap();
    assert_eq!(
        b.changes,
        [FactChange::Left {
            subscription: "x".into()
        }]
    );
    assert!(p.orphans("k", &after).is_empty());
}

#[test]
fn notes_are_capped_on_a_char_boundary() {
    let mut p = Progress::default();
    p.set_note("k", &"臺".repeat(MAX_NOTE_CHARS + 10));
    assert_eq!(p.note("k").chars().count(), MAX_NOTE_CHARS);
    p.set_note("k", "   ");
    assert!(p.is_empty());
}

#[test]
fn storage_round_trips_and_reads_the_first_shape() {
    let steps = wave("", &[sub("x", d(2020, 8, 31), 10)], "SKU1", 10);
    let mut p = Progress::default();
    p.tick("id:1", &steps[0], d(2020, 6, 1));
    p.set_note("id:1", "call Monday");
    p.legacy
        .entry("id:2".into())
        .or_default()
        .insert("B".into(), None);
    assert_eq!(Progress::from_json(&p.to_json()), Some(p));

    let v1 = r#"{"ticked":["id:1/A","a/b/C2","id:1/"],"ticked_on":{"id:1/A":"2020-08-03","a/b/C2":"nope"},"notes":{"id:1":"x","id:2":"  ","id:3":5}}"#;
    let p = Progress::from_json(v1).unwrap();
    assert_eq!(
        p.legacy,
        BTreeMap::from([
            (
                "id:1".to_string(),
                BTreeMap::from([("A".to_string(), Some(d(2020, 8, 3)))])
            ),
            (
                "a/b".to_string(),
                BTreeMap::from([("C2".to_string(), None)])
            ),
        ])
    );
    assert_eq!(p.notes.len(), 1);
    // Before adoption a legacy tick shows on the step with its display id.
    assert_eq!(
        p.state("id:1", &steps[0], &steps).unwrap().on,
        Some(d(2020, 8, 3))
    );
}

#[test]
fn corrupted_storage_is_recognised() {
    for bad in [
        "",
        "{",
        "[1,2]",
        "null",
        "{\"ticked\": 5}",
        "{\"ticks\": []}",
        "{\"notes\": \"x\"}",
        "\u{0}",
    ] {
        assert_eq!(Progress::from_json(bad), None, "{bad:?}");
    }
    for empty in [
        "{}",
        r#"{"ticked":null}"#,
        r#"{"ticked":[],"other":1}"#,
        r#"{"ticks":{"k":{"D:x":{},"A:":{},"C:x":{"on":"bad"}},"j":5}}"#,
        r#"{"ticks":{"k":{"C:x":{"facts":{"quantity":-1}}}}}"#,
        r#"{"legacy":{"k":{"A":"2020-13-01"}}}"#,
    ] {
        assert_eq!(
            Progress::from_json(empty),
            Some(Progress::default()),
            "{empty}"
        );
    }
}

#[test]
fn merging_unites_ticks_and_notes() {
    let steps = wave("", &[sub("x", d(2020, 8, 31), 10)], "SKU1", 10);
    let mut ours = Progress::default();
    ours.tick("k", &steps[0], d(2020, 6, 5));
    ours.set_note("k", "ours");
    ours.set_note("same", "same");
    ours.set_note("has", "a\n\nb");
    let mut theirs = Progress::default();
    let mut older = steps[0].clone();
    older.facts.quantity = Some(9);
    theirs.tick("k", &older, d(2020, 6, 1));
    theirs.tick("k", &steps[1], d(2020, 6, 2));
    theirs.set_note("k", "theirs");
    theirs.set_note("same", "same");
    theirs.set_note("has", "b");
    theirs.set_note("new", "new");
    let m = ours.merge(&theirs);
    assert_eq!(
        m,
        ProgressMerge {
            ticks_added: 1,
            notes_merged: 2
        }
    );
    let a = ours.state("k", &steps[0], &steps).unwrap();
    assert_eq!(a.on, Some(d(2020, 6, 1)), "the earlier day");
    assert_eq!(a.changes.len(), 1, "with the facts of the tick kept");
    assert_eq!(ours.note("k"), "ours\n\ntheirs");
    assert_eq!(
        (ours.note("same"), ours.note("has"), ours.note("new")),
        ("same", "a\n\nb", "new")
    );
    // Merging again brings nothing.
    assert_eq!(ours.merge(&theirs), ProgressMerge::default());
}
