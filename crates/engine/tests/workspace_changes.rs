/*!
What changed between the workspace's data before and after: table tests
for facts that changed, subscriptions and customers added and removed,
reordered rows (no change), one customer's part, a comparison made a part
at a time, and a large workspace.
*/

mod plan_support;

use kaizala_engine::model::{AutoRenew, EndDate, Status, Subscription};
use kaizala_engine::workspace::{changes, ChangeCounts, ChangesJob, FieldChange};
use plan_support::*;

fn counts(
    customers_added: usize,
    customers_removed: usize,
    subscriptions_added: usize,
    subscriptions_removed: usize,
    subscriptions_changed: usize,
) -> ChangeCounts {
    ChangeCounts {
        customers_added,
        customers_removed,
        subscriptions_added,
        subscriptions_removed,
        subscriptions_changed,
    }
}

#[test]
fn table() {
    let c = customer("Contoso");
    let f = customer("Fabrikam");
    let base = vec![
        kaizala(&c, "k1", 25, d(2020, 8, 31)),
        sub(&c, "e3", "Office 365 E3", 40, d(2020, 12, 31)),
        kaizala(&f, "f1", 10, d(2020, 9, 30)),
    ];
    let edit = |i: usize, how: &dyn Fn(&mut Subscription)| {
        let mut v = base.clone();
        how(&mut v[i]);
        v
    };
    let cases: Vec<(&str, Vec<Subscription>, ChangeCounts, Vec<FieldChange>)> = vec![
        ("same", base.clone(), counts(0, 0, 0, 0, 0), vec![]),
        (
            "reordered",
            vec![base[2].clone(), base[0].clone(), base[1].clone()],
            counts(0, 0, 0, 0, 0),
            vec![],
        ),
        (
            "end date",
            edit(0, &|s| s.end_date = EndDate::On(d(2020, 9, 30))),
            counts(0, 0, 0, 0, 1),
            vec![FieldChange::EndDate {
                from: EndDate::On(d(2020, 8, 31)),
                to: EndDate::On(d(2020, 9, 30)),
            }],
        ),
        (
            "seats, status, auto-renew and offer at once",
            edit(0, &|s| {
                s.seats = None;
                s.status = Status::Suspended;
                s.auto_renew = AutoRenew::On;
                s.offer = "Kaizala Pro".into();
            }),
            counts(0, 0, 0, 0, 1),
            vec![
                FieldChange::Seats {
                    from: Some(25),
                    to: None,
                },
                FieldChange::Status {
                    from: Status::Active,
                    to: Status::Suspended,
                },
                FieldChange::AutoRenew {
                    from: AutoRenew::Off,
                    to: AutoRenew::On,
                },
                FieldChange::Offer {
                    from: "Microsoft Kaizala Pro".into(),
                    to: "Kaizala Pro".into(),
                },
            ],
        ),
        (
            "other facts are not tracked",
            edit(0, &|s| {
                s.lines = vec![9];
                s.friendly_name = Some("renamed".into());
            }),
            counts(0, 0, 0, 0, 0),
            vec![],
        ),
        (
            "a subscription removed",
            vec![base[0].clone(), base[2].clone()],
            counts(0, 0, 0, 1, 0),
            vec![],
        ),
        (
            "a customer removed",
            base[..2].to_vec(),
            counts(0, 1, 0, 1, 0),
            vec![],
        ),
        (
            "a customer added",
            {
                let mut v = base.clone();
                v.push(kaizala(&customer("Tailspin"), "t1", 3, d(2020, 8, 1)));
                v
            },
            counts(1, 0, 1, 0, 0),
            vec![],
        ),
        (
            "a subscription moved to another customer",
            edit(1, &|s| s.customer = f.clone()),
            counts(0, 0, 1, 1, 0),
            vec![],
        ),
        ("everything gone", vec![], counts(0, 2, 0, 3, 0), vec![]),
    ];
    for (what, new, want, fields) in cases {
        let ch = changes(&base, &new);
        // A part at a time (as the browser compares), the same changes,
        // either way round.
        for max in 1..4 {
            for (a, b) in [(&base, &new), (&new, &base)] {
                let mut job = ChangesJob::new(a, b);
                let stepped = loop {
                    if let Some(ch) = job.step(max) {
                        break ch;
                    }
                };
                assert_eq!(stepped, changes(a, b), "{what}, {max} at a time");
            }
        }
        assert_eq!(ch.counts(), want, "{what}");
        assert_eq!(ch.is_empty(), want.is_empty(), "{what}");
        let got: Vec<FieldChange> = ch
            .subscriptions_changed
            .iter()
            .flat_map(|c| c.changes.clone())
            .collect();
        assert_eq!(got, fields, "{what}");
    }
}

#[test]
fn lists_name_what_came_and_went() {
    let c = customer("Contoso");
    let t = customer("Tailspin");
    let old = vec![
        kaizala(&c, "k1", 5, d(2020, 8, 1)),
        kaizala(&c, "k2", 5, d(2020, 8, 1)),
    ];
    let new = vec![
        kaizala(&t, "t1", 3, d(2020, 8, 1)),
        kaizala(&c, "k2", 6, d(2020, 8, 1)),
    ];
    let ch = changes(&old, &new);
    assert_eq!(ch.customers_added.len(), 1);
    assert_eq!(ch.customers_added[0].key, t.key());
    assert_eq!(ch.customers_added[0].name, "Tailspin");
    assert!(ch.customers_removed.is_empty());
    let added = &ch.subscriptions_added[0];
    assert_eq!(
        (added.id.as_str(), added.customer.as_str()),
        ("t1", t.key().as_str())
    );
    assert_eq!(added.offer, "Microsoft Kaizala Pro");
    assert_eq!(ch.subscriptions_removed[0].id, "k1");
    assert_eq!(ch.subscriptions_changed[0].subscription.id, "k2");

    let contoso = ch.for_customer(&c.key());
    assert!(!contoso.added && !contoso.removed);
    assert_eq!(contoso.subscriptions_removed.len(), 1);
    assert_eq!(contoso.subscriptions_changed.len(), 1);
    assert!(contoso.subscriptions_added.is_empty());
    let tailspin = ch.for_customer(&t.key());
    assert!(tailspin.added);
    assert_eq!(tailspin.subscriptions_added.len(), 1);
    assert!(ch.for_customer("id:nobody").is_empty());
}

#[test]
fn repeated_ids_are_matched_in_turn() {
    // A file whose ids repeat (a license report without subscription
    // ids): the n-th matches the n-th, so only the real difference shows.
    let c = customer("Contoso");
    let old = vec![
        kaizala(&c, "x", 1, d(2020, 8, 1)),
        kaizala(&c, "x", 2, d(2020, 8, 1)),
    ];
    let new = vec![
        kaizala(&c, "x", 1, d(2020, 8, 1)),
        kaizala(&c, "x", 3, d(2020, 8, 1)),
        kaizala(&c, "x", 4, d(2020, 8, 1)),
    ];
    let ch = changes(&old, &new);
    assert_eq!(ch.counts(), counts(0, 0, 1, 0, 1));
}

#[test]
fn a_large_workspace_compares_quickly() {
    let customers: Vec<_> = (0..2_000)
        .map(|i| customer(&format!("Customer {i}")))
        .collect();
    let old: Vec<Subscription> = (0..120_000)
        .map(|i| {
            kaizala(
                &customers[i % customers.len()],
                &format!("s{i}"),
                5,
                d(2020, 8, 1),
            )
        })
        .collect();
    let mut new = old.clone();
    new.reverse();
    new[0].seats = Some(6);
    new.pop();
    let started = std::time::Instant::now();
    let ch = changes(&old, &new);
    let took = started.elapsed();
    assert_eq!(ch.counts(), counts(0, 0, 0, 1, 1));
    // Generous for a debug build on a busy machine; quadratic would take
    // minutes.
    assert!(took.as_secs() < 10, "{took:?}");
}
