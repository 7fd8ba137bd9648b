/*!
Progress keyed by what each step is about: ticks made on one export land on
the same steps of a newer export of the same customers, whatever the new
step numbers, and a tick whose facts changed says what changed.

Each case imports a REST API export, ticks steps, imports the newer
export and reads the ticks back through the plan built from it.
*/
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kaizala_engine::build_plan;
use kaizala_engine::checklist::{self, subjects, StepSubject};
use kaizala_engine::export::{to_csv_with, to_json_with, to_markdown_with, Extras};
use kaizala_engine::i18n::{Lang, Render};
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{CustomerPlan, Plan, Settings};
use kaizala_engine::progress::{FactChange, Progress, ProgressMerge, TickState};

const HEADER: &str = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A Kaizala Pro subscription row of Contoso: id, seats, end date.
fn row(id: &str, seats: u32, end: &str) -> String {
    format!("{id},Microsoft Kaizala Pro,{seats},active,false,{end}T00:00:00Z,P1Y,c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b,Contoso Ltd,contoso.com")
}

/// The plan of an export of `rows`, as of 2020-06-15.
fn plan(rows: &[String]) -> Plan {
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let Ok(ImportOutcome::Ready(i)) = import(text.as_bytes(), &ImportOptions::default()) else {
        panic!("the export does not read")
    };
    assert!(i.report.is_balanced());
    build_plan(&i, &Settings::new(d(2020, 6, 15)))
}

fn contoso(p: &Plan) -> &CustomerPlan {
    assert_eq!(p.customers.len(), 1);
    &p.customers[0]
}

/// This week's export: two subscriptions ending ten days apart, one wave.
fn this_week() -> Vec<String> {
    vec![
        row("sub-b", 10, "2020-08-31"),
        row("sub-c", 20, "2020-09-10"),
    ]
}

/// The customer's steps, checked against the ids the checklist shows.
fn steps(c: &CustomerPlan) -> Vec<StepSubject> {
    let all = subjects(c);
    let ids: Vec<String> = all.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids, checklist::step_ids(c));
    all
}

fn step<'a>(all: &'a [StepSubject], id: &str) -> &'a StepSubject {
    all.iter().find(|s| s.id == id).unwrap()
}

/// A, C1 (sub-b) and C2 (sub-c) ticked on this week's export.
fn ticked() -> Progress {
    let p = plan(&this_week());
    let c = contoso(&p);
    let all = steps(c);
    assert_eq!(
        all.iter()
            .map(|s| (s.id.as_str(), s.key.as_str()))
            .collect::<Vec<_>>(),
        [
            ("A", "A:sub-b"),
            ("B", "B:sub-b"),
            ("C1", "C:sub-b"),
            ("C2", "C:sub-c")
        ]
    );
    let mut progress = Progress::default();
    for (id, day) in [
        ("A", d(2020, 6, 1)),
        ("C1", d(2020, 6, 2)),
        ("C2", d(2020, 6, 3)),
    ] {
        progress.tick(&c.key, step(&all, id), day);
    }
    progress
}

/// Each step of the newer export with its state.
fn states(progress: &Progress, rows: &[String]) -> Vec<(String, Option<TickState>)> {
    let p = plan(rows);
    let c = contoso(&p);
    let all = steps(c);
    all.iter()
        .map(|s| (s.id.clone(), progress.state(&c.key, s, &all)))
        .collect()
}

fn on(day: NaiveDate, changes: Vec<FactChange>) -> Option<TickState> {
    Some(TickState {
        on: Some(day),
        changes,
    })
}

fn sub(id: &str) -> String {
    id.to_string()
}

/// Each step's display id and state, as a case expects them.
type Want = Vec<(&'static str, Option<TickState>)>;

#[test]
fn ticks_follow_their_steps_into_a_newer_export() {
    let progress = ticked();
    let cases: Vec<(&str, Vec<String>, Want)> = vec![
        (
            "unchanged",
            this_week(),
            vec![
                ("A", on(d(2020, 6, 1), vec![])),
                ("B", None),
                ("C1", on(d(2020, 6, 2), vec![])),
                ("C2", on(d(2020, 6, 3), vec![])),
            ],
        ),
        (
            "(a) a subscription ending earlier joins: C1, C2 become C2, C3",
            vec![
                row("sub-a", 5, "2020-08-25"),
                row("sub-b", 10, "2020-08-31"),
                row("sub-c", 20, "2020-09-10"),
            ],
            vec![
                (
                    "A",
                    on(
                        d(2020, 6, 1),
                        vec![
                            FactChange::Joined {
                                subscription: sub("sub-a"),
                            },
                            FactChange::QuantityChanged {
                                from: Some(30),
                                to: Some(35),
                            },
                        ],
                    ),
                ),
                ("B", None),
                ("C1", None),
                ("C2", on(d(2020, 6, 2), vec![])),
                ("C3", on(d(2020, 6, 3), vec![])),
            ],
        ),
        (
            "(b) rows reordered",
            vec![
                row("sub-c", 20, "2020-09-10"),
                row("sub-b", 10, "2020-08-31"),
            ],
            vec![
                ("A", on(d(2020, 6, 1), vec![])),
                ("B", None),
                ("C1", on(d(2020, 6, 2), vec![])),
                ("C2", on(d(2020, 6, 3), vec![])),
            ],
        ),
        (
            "(c) an end date moved: sub-b now ends after sub-c",
            vec![
                row("sub-b", 10, "2020-09-30"),
                row("sub-c", 20, "2020-09-10"),
            ],
            vec![
                (
                    "A",
                    on(
                        d(2020, 6, 1),
                        vec![FactChange::EndMoved {
                            subscription: sub("sub-b"),
                            from: Some(d(2020, 8, 31)),
                            to: Some(d(2020, 9, 30)),
                        }],
                    ),
                ),
                ("B", None),
                ("C1", on(d(2020, 6, 3), vec![])),
                (
                    "C2",
                    on(
                        d(2020, 6, 2),
                        vec![FactChange::EndMoved {
                            subscription: sub("sub-b"),
                            from: Some(d(2020, 8, 31)),
                            to: Some(d(2020, 9, 30)),
                        }],
                    ),
                ),
            ],
        ),
        (
            "(d) seats changed",
            vec![
                row("sub-b", 10, "2020-08-31"),
                row("sub-c", 25, "2020-09-10"),
            ],
            vec![
                (
                    "A",
                    on(
                        d(2020, 6, 1),
                        vec![
                            FactChange::SeatsChanged {
                                subscription: sub("sub-c"),
                                from: Some(20),
                                to: Some(25),
                            },
                            FactChange::QuantityChanged {
                                from: Some(30),
                                to: Some(35),
                            },
                        ],
                    ),
                ),
                ("B", None),
                ("C1", on(d(2020, 6, 2), vec![])),
                (
                    "C2",
                    on(
                        d(2020, 6, 3),
                        vec![FactChange::SeatsChanged {
                            subscription: sub("sub-c"),
                            from: Some(20),
                            to: Some(25),
                        }],
                    ),
                ),
            ],
        ),
        (
            "(e) a subscription removed: its tick is an orphan",
            vec![row("sub-b", 10, "2020-08-31")],
            vec![
                (
                    "A",
                    on(
                        d(2020, 6, 1),
                        vec![
                            FactChange::Left {
                                subscription: sub("sub-c"),
                            },
                            FactChange::QuantityChanged {
                                from: Some(30),
                                to: Some(10),
                            },
                        ],
                    ),
                ),
                ("B", None),
                ("C", on(d(2020, 6, 2), vec![])),
            ],
        ),
        (
            "the anchor removed: the wave keeps its tick through sub-c",
            vec![row("sub-c", 20, "2020-09-10")],
            vec![
                (
                    "A",
                    on(
                        d(2020, 6, 1),
                        vec![
                            FactChange::Left {
                                subscription: sub("sub-b"),
                            },
                            FactChange::QuantityChanged {
                                from: Some(30),
                                to: Some(20),
                            },
                        ],
                    ),
                ),
                ("B", None),
                ("C", on(d(2020, 6, 3), vec![])),
            ],
        ),
    ];
    for (name, rows, want) in cases {
        let got = states(&progress, &rows);
        let want: Vec<(String, Option<TickState>)> = want
            .into_iter()
            .map(|(id, s)| (id.to_string(), s))
            .collect();
        assert_eq!(got, want, "{name}");
    }

    // (e) The tick of the removed subscription is kept and reported.
    let p = plan(&[row("sub-b", 10, "2020-08-31")]);
    let c = contoso(&p);
    let orphans = progress.orphans(&c.key, &steps(c));
    assert_eq!(orphans.len(), 1);
    assert_eq!(
        (orphans[0].step.as_str(), orphans[0].on),
        ("C:sub-c", Some(d(2020, 6, 3)))
    );
    let p = plan(&this_week());
    let c = contoso(&p);
    assert_eq!(progress.orphans(&c.key, &steps(c)), vec![]);
    assert_eq!(progress.done(c), (3, 4));
}

/// (f) A customer past the Business plans' 300 seats gets another plan:
/// the purchase step says so.
#[test]
fn a_new_recommended_plan_flags_the_purchase_step() {
    let progress = ticked();
    let p = plan(&[
        row("sub-b", 10, "2020-08-31"),
        row("sub-c", 400, "2020-09-10"),
    ]);
    let c = contoso(&p);
    let all = steps(c);
    let a = progress.state(&c.key, step(&all, "A"), &all).unwrap();
    let before = plan(&this_week());
    let was = subjects(contoso(&before))[0].facts.plan.clone();
    assert_ne!(was, all[0].facts.plan, "the recommendation changed");
    assert!(
        a.changes.contains(&FactChange::PlanChanged {
            from: was,
            to: all[0].facts.plan.clone()
        }),
        "{:?}",
        a.changes
    );
    // The move step holds no plan: only its seats are flagged.
    let mut progress = progress;
    progress.tick(&c.key, step(&all, "A"), d(2020, 7, 1));
    let a = progress.state(&c.key, step(&all, "A"), &all).unwrap();
    assert_eq!(
        (a.on, a.changes),
        (Some(d(2020, 6, 1)), vec![]),
        "confirmed"
    );
}

#[test]
fn first_shape_is_read_and_adopted() {
    let p = plan(&this_week());
    let key = contoso(&p).key.clone();
    let v1 = format!(
        r#"{{"ticked":["{key}/A","{key}/C2","{key}/C9","other/A"],"ticked_on":{{"{key}/A":"2020-06-01"}},"notes":{{"{key}":"PO sent"}}}}"#
    );
    let mut progress = Progress::from_json(&v1).unwrap();
    assert!(progress.has_legacy());
    assert_eq!(progress.adopt_legacy(&p), 2);
    let c = contoso(&p);
    assert_eq!(
        progress.done_steps(c),
        [
            ("A".to_string(), Some(d(2020, 6, 1))),
            ("C2".to_string(), None)
        ]
        .into()
    );
    // C9 names no step; the other customer is not in this plan.
    let orphans = progress.orphans(&key, &steps(c));
    assert_eq!(
        orphans.iter().map(|o| o.step.as_str()).collect::<Vec<_>>(),
        ["C9"]
    );
    assert!(progress.has_legacy());
    assert_eq!(progress.note(&key), "PO sent");
    // Adopted ticks are keyed: a newer export renumbers, they follow.
    let newer = [
        row("sub-a", 5, "2020-08-25"),
        row("sub-b", 10, "2020-08-31"),
        row("sub-c", 20, "2020-09-10"),
    ];
    let got = states(&progress, &newer);
    assert_eq!(
        got[4],
        (
            "C3".to_string(),
            Some(TickState {
                on: None,
                changes: vec![]
            })
        )
    );
    // And it all survives storage.
    assert_eq!(Progress::from_json(&progress.to_json()), Some(progress));
}

#[test]
fn a_colleagues_progress_merges_in() {
    let p = plan(&this_week());
    let c = contoso(&p);
    let all = steps(c);
    let mut ours = Progress::default();
    ours.tick(&c.key, step(&all, "A"), d(2020, 6, 5));
    ours.set_note(&c.key, "Called Ann.");
    let mut theirs = Progress::default();
    theirs.tick(&c.key, step(&all, "A"), d(2020, 6, 1));
    theirs.tick(&c.key, step(&all, "B"), d(2020, 6, 8));
    theirs.set_note(&c.key, "PO 4711.");
    let merged = ours.merge(&theirs);
    assert_eq!(
        merged,
        ProgressMerge {
            ticks_added: 1,
            notes_merged: 1
        }
    );
    assert_eq!(
        ours.done_steps(c),
        [
            ("A".to_string(), Some(d(2020, 6, 1))),
            ("B".to_string(), Some(d(2020, 6, 8)))
        ]
        .into()
    );
    assert_eq!(ours.note(&c.key), "Called Ann.\n\nPO 4711.");
    assert_eq!(ours.merge(&theirs), ProgressMerge::default());
}

#[test]
fn exports_carry_the_ticks_and_the_changes() {
    let progress = ticked();
    let p = plan(&[
        row("sub-a", 5, "2020-08-25"),
        row("sub-b", 10, "2020-08-31"),
        row("sub-c", 20, "2020-09-10"),
    ]);
    let extras = Extras {
        partner: None,
        progress: Some(&progress),
    };

    let md = to_markdown_with(&p, Lang::En, extras);
    let a = md.lines().find(|l| l.contains("**A.")).unwrap();
    assert!(
        a.starts_with("- [x]") && a.contains("(done 2020-06-01) (changed since ticked: "),
        "{a}"
    );
    assert!(
        a.contains("Subscription sub-a has joined this step."),
        "{a}"
    );
    assert!(md.lines().any(|l| l.starts_with("- [ ] **C1.")), "{md}");
    assert!(
        md.lines()
            .any(|l| l.starts_with("- [x] **C2.") && !l.contains("changed")),
        "{md}"
    );
    let zh = to_markdown_with(&p, Lang::ZhTw, extras);
    assert!(
        zh.contains("勾選後有變動：訂閱 sub-a 已併入此步驟。"),
        "{zh}"
    );

    let bytes = to_csv_with(&p, Lang::En, extras);
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let headers = r.headers().unwrap().clone();
    let tail: Vec<&str> = headers.iter().skip(headers.len() - 6).collect();
    assert_eq!(
        tail,
        [
            "a_done",
            "a_done_on",
            "b_done",
            "b_done_on",
            "c_done",
            "c_done_on"
        ]
    );
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let done: Vec<(&str, Vec<&str>)> = rows
        .iter()
        .map(|r| {
            (
                r[3].as_str(),
                r[r.len() - 6..].iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        done,
        [
            ("sub-a", vec!["yes", "2020-06-01", "no", "", "no", ""]),
            (
                "sub-b",
                vec!["yes", "2020-06-01", "no", "", "yes", "2020-06-02"]
            ),
            (
                "sub-c",
                vec!["yes", "2020-06-01", "no", "", "yes", "2020-06-03"]
            ),
        ]
    );

    let v: serde_json::Value = serde_json::from_str(&to_json_with(&p, Lang::En, extras)).unwrap();
    let done: Vec<(String, bool, serde_json::Value)> = v["customers"][0]["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_string(),
                s["done"].as_bool().unwrap(),
                s["done_on"].clone(),
            )
        })
        .collect();
    assert_eq!(
        done,
        [
            ("A".to_string(), true, "2020-06-01".into()),
            ("B".to_string(), false, serde_json::Value::Null),
            ("C1".to_string(), false, serde_json::Value::Null),
            ("C2".to_string(), true, "2020-06-02".into()),
            ("C3".to_string(), true, "2020-06-03".into()),
        ]
    );
}

#[test]
fn every_change_is_said_in_both_languages() {
    let changes = [
        FactChange::EndMoved {
            subscription: sub("s"),
            from: Some(d(2020, 8, 31)),
            to: None,
        },
        FactChange::SeatsChanged {
            subscription: sub("s"),
            from: None,
            to: Some(3),
        },
        FactChange::StatusChanged {
            subscription: sub("s"),
            from: sub("active"),
            to: sub("suspended"),
        },
        FactChange::PlanChanged {
            from: Some(sub("O365_BUSINESS_ESSENTIALS")),
            to: Some(sub("STANDARDPACK")),
        },
        FactChange::QuantityChanged {
            from: Some(1),
            to: Some(2),
        },
        FactChange::Joined {
            subscription: sub("s"),
        },
        FactChange::Left {
            subscription: sub("s"),
        },
    ];
    let mut seen = std::collections::BTreeSet::new();
    for c in &changes {
        for lang in [Lang::En, Lang::ZhTw] {
            let text = c.render(lang);
            assert!(
                !text.is_empty() && seen.insert(text.to_string()),
                "{c:?} {lang:?}"
            );
        }
    }
    assert!(changes[0].render(Lang::En).contains("2020-08-31"));
    assert!(changes[0].render(Lang::ZhTw).contains("不明"));
}
