/*!
Rule table for the checklist's waves and purchase steps: subscriptions
ending months apart move in waves, covered seats go to the earliest
waves, a held subscription is raised rather than bought again, the
indirect reseller is named on the order, trials are left out unless
chosen, and an unknown auto-renew flag plans for the end date in the file.
*/

mod plan_support;

use chrono::NaiveDate;
use kaizala_engine::checklist::{self, Step, StepAction};
use kaizala_engine::model::{AutoRenew, Subscription};
use kaizala_engine::plan::*;
use plan_support::*;

/// The only customer's plan as of `as_of`, with `settings` applied to it.
fn plan_one(
    subs: Vec<Subscription>,
    as_of: NaiveDate,
    lang: Lang,
    customer: CustomerSettings,
) -> CustomerPlan {
    let mut settings = Settings::new(as_of);
    settings.lang = lang;
    let key = build_plan(&import(subs.clone()), &settings).customers[0]
        .key
        .clone();
    settings.customers.insert(key, customer);
    let plan = build_plan(&import(subs), &settings);
    assert_eq!(plan.customers.len(), 1);
    plan.customers[0].clone()
}

/// The checklist, checked to carry the ids `step_ids` counts progress on.
fn checklist_of(cp: &CustomerPlan, as_of: NaiveDate, lang: Lang) -> Vec<Step> {
    let steps = checklist::build(cp, as_of, lang).steps;
    let ids: Vec<&str> = steps.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(checklist::step_ids(cp), ids);
    steps
}

fn ids_dues(steps: &[Step]) -> Vec<(&str, Option<NaiveDate>, u32)> {
    steps
        .iter()
        .map(|s| (s.step.as_str(), s.due, s.wave))
        .collect()
}

/// The case from the issue: Kaizala Pro ending on 2020-08-31 and on
/// 2021-04-30. Before waves, every user moved in August, and the April
/// subscription was paid for eight more months.
#[test]
fn august_and_april_move_in_two_waves() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 15);
    let cp = plan_one(
        vec![
            kaizala(&c, "aug", 30, d(2020, 8, 31)),
            kaizala(&c, "apr", 20, d(2021, 4, 30)),
        ],
        as_of,
        Lang::En,
        CustomerSettings::default(),
    );
    let steps = checklist_of(&cp, as_of, Lang::En);
    assert_eq!(
        ids_dues(&steps),
        [
            ("A", Some(d(2020, 8, 16)), 1),
            ("B", Some(d(2020, 8, 23)), 1),
            ("C", Some(d(2020, 8, 30)), 1),
            ("W2A", Some(d(2021, 4, 15)), 2),
            ("W2B", Some(d(2021, 4, 22)), 2),
            ("W2C", Some(d(2021, 4, 29)), 2),
        ]
    );
    // Nobody of the April subscription moves in August.
    assert_eq!(
        steps[1].action,
        StepAction::MoveUsers {
            plan: "Microsoft 365 Business Basic".into(),
            seats: Some(30),
            subscription_ids: vec!["aug".into()],
            stops_on: Some(d(2020, 8, 31)),
            users: None,
        }
    );
    assert!(!steps[..3].iter().any(|s| s.text.contains("apr")));
    assert_eq!(
        steps[0].action,
        StepAction::Buy {
            plan: "Microsoft 365 Business Basic".into(),
            sku: Some("O365_BUSINESS_ESSENTIALS".into()),
            quantity: Some(30),
            reseller_mpn_id: None,
        }
    );
    assert_eq!(
        steps[3].action,
        StepAction::AddSeats {
            plan: "Microsoft 365 Business Basic".into(),
            quantity: Some(20),
            subscription_id: None,
            seats_before: Some(30),
            reseller_mpn_id: None,
        }
    );
    assert!(steps[3].text.contains("from 30 to 50"), "{}", steps[3].text);
    assert!(
        matches!(&steps[5].action, StepAction::Suspend { subscription_id, .. } if &**subscription_id == "apr")
    );
    assert_eq!(steps[4].title, "Wave 2: Move this wave's users");
    // What exports ask of a checklist: a subscription's wave and that
    // wave's own purchase and move steps.
    let list = checklist::build(&cp, as_of, Lang::En);
    assert_eq!(list.waves(), 2);
    assert_eq!(list.wave_of("apr"), Some(2));
    assert_eq!(list.wave_of("aug"), Some(1));
    assert_eq!(list.wave_of("nope"), None);
    let wave2: Vec<&str> = list.wave_steps(2).map(|s| s.step.as_str()).collect();
    assert_eq!(wave2, ["W2A", "W2B", "W2C"]);
    // The later wave's kind in the JSON export.
    let json = serde_json::to_value(&steps[3]).unwrap();
    assert_eq!(json["action"]["kind"], "add-seats");
    assert_eq!(json["wave"], 2);
}

/// Waves start at the first date not yet in one and take 31 days.
#[test]
fn wave_boundaries() {
    let c = customer("Contoso");
    let as_of = d(2020, 1, 1);
    // migrate_by dates: 03-01, 04-01 (31 days on: same wave), 04-02
    // (32 days: a new wave), 05-03 (31 days after 04-02: same wave).
    let cp = plan_one(
        vec![
            kaizala(&c, "a", 1, d(2020, 3, 2)),
            kaizala(&c, "b", 1, d(2020, 4, 2)),
            kaizala(&c, "c", 1, d(2020, 4, 3)),
            kaizala(&c, "d", 1, d(2020, 5, 4)),
        ],
        as_of,
        Lang::En,
        CustomerSettings::default(),
    );
    let ids: Vec<(String, u32)> = checklist_of(&cp, as_of, Lang::En)
        .into_iter()
        .map(|s| (s.step, s.wave))
        .collect();
    let want = [
        ("A", 1),
        ("B", 1),
        ("C1", 1),
        ("C2", 1),
        ("W2A", 2),
        ("W2B", 2),
        ("W2C1", 2),
        ("W2C2", 2),
    ];
    assert_eq!(
        ids,
        want.map(|(id, w)| (id.to_string(), w)).to_vec(),
        "{ids:?}"
    );
}

/// In one wave, a subscription ending a month after the first is
/// suspended no more than 31 days after the move, not on its own last day.
#[test]
fn suspension_at_most_31_days_after_the_move() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 1);
    let cp = plan_one(
        vec![
            kaizala(&c, "first", 5, d(2020, 8, 2)),
            kaizala(&c, "month-later", 5, d(2020, 9, 2)),
        ],
        as_of,
        Lang::En,
        CustomerSettings::default(),
    );
    let steps = checklist_of(&cp, as_of, Lang::En);
    // B is due 2020-07-25; the second's migrate_by is 2020-09-01.
    assert_eq!(
        ids_dues(&steps),
        [
            ("A", Some(d(2020, 7, 18)), 1),
            ("B", Some(d(2020, 7, 25)), 1),
            ("C1", Some(d(2020, 8, 1)), 1),
            ("C2", Some(d(2020, 8, 25)), 1),
        ]
    );
}

/// Seats that plans the customer already has cover go to the earliest
/// waves: a fully covered first wave buys nothing, and the next wave
/// buys the new subscription.
#[test]
fn covered_seats_go_to_the_earliest_waves() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 15);
    let mut e3 = sub(&c, "e3", "Office 365 E3", 30, d(2021, 6, 1));
    e3.sku = Some("ENTERPRISEPACK".into());
    let subs = |first: u32| {
        vec![
            kaizala(&c, "aug", first, d(2020, 8, 31)),
            kaizala(&c, "apr", 25, d(2021, 4, 30)),
            e3.clone(),
        ]
    };
    // 20 + 25 seats, 30 covered: 15 to buy, all in the second wave.
    let cp = plan_one(subs(20), as_of, Lang::En, CustomerSettings::default());
    assert_eq!(cp.recommendation.quantity, Some(15));
    let steps = checklist_of(&cp, as_of, Lang::En);
    let plan = cp.recommendation.plan.to_string();
    assert_eq!(
        steps[0].action,
        StepAction::NoPurchase { plan: plan.clone() }
    );
    assert!(
        steps[0].text.contains("No licenses to buy for this wave"),
        "{}",
        steps[0].text
    );
    assert!(matches!(
        &steps[3].action,
        StepAction::Buy {
            quantity: Some(15),
            ..
        }
    ));
    // 40 + 25 seats, 30 covered: 10 now, 25 added in April.
    let cp = plan_one(subs(40), as_of, Lang::En, CustomerSettings::default());
    assert_eq!(cp.recommendation.quantity, Some(35));
    let steps = checklist_of(&cp, as_of, Lang::En);
    assert!(matches!(
        &steps[0].action,
        StepAction::Buy {
            quantity: Some(10),
            ..
        }
    ));
    assert_eq!(
        steps[3].action,
        StepAction::AddSeats {
            plan,
            quantity: Some(25),
            subscription_id: None,
            seats_before: Some(10),
            reseller_mpn_id: None,
        }
    );
}

/// A subscription of the recommended plan the customer already holds is
/// raised, in step A and in later waves, and its id is given.
#[test]
fn a_held_subscription_is_raised_not_bought_again() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 15);
    let mut cp = plan_one(
        vec![
            kaizala(&c, "aug", 30, d(2020, 8, 31)),
            kaizala(&c, "apr", 20, d(2021, 4, 30)),
        ],
        as_of,
        Lang::En,
        CustomerSettings::default(),
    );
    cp.recommendation.raise = Some(Raise {
        subscription_id: "held-1".into(),
        seats: Some(12),
    });
    let steps = checklist_of(&cp, as_of, Lang::En);
    assert_eq!(
        steps[0].action,
        StepAction::RaiseQuantity {
            plan: "Microsoft 365 Business Basic".into(),
            sku: Some("O365_BUSINESS_ESSENTIALS".into()),
            subscription_id: "held-1".into(),
            seats_before: Some(12),
            quantity: Some(30),
            reseller_mpn_id: None,
        }
    );
    let a = &steps[0].text;
    assert!(
        a.contains("subscription held-1") && a.contains("from 12 to 42"),
        "{a}"
    );
    assert!(!a.contains("Add subscriptions"), "{a}");
    assert_eq!(
        steps[3].action,
        StepAction::AddSeats {
            plan: "Microsoft 365 Business Basic".into(),
            quantity: Some(20),
            subscription_id: Some("held-1".into()),
            seats_before: Some(42),
            reseller_mpn_id: None,
        }
    );
    assert!(steps[3].text.contains("from 42 to 62"), "{}", steps[3].text);
    let zh = checklist::build(&cp, as_of, Lang::ZhTw).steps;
    assert!(
        zh[0].text.contains("held-1") && zh[0].text.contains("從 12 增加為 42"),
        "{}",
        zh[0].text
    );
}

/// A customer sold through an indirect reseller: the purchase steps say
/// to name the reseller (its MPN ID) on the order.
#[test]
fn the_indirect_reseller_is_named_on_the_order() {
    let mut c = customer("Contoso");
    c.reseller_mpn_id = Some("7654321".into());
    let as_of = d(2020, 6, 15);
    let cp = plan_one(
        vec![
            kaizala(&c, "aug", 30, d(2020, 8, 31)),
            kaizala(&c, "apr", 20, d(2021, 4, 30)),
        ],
        as_of,
        Lang::En,
        CustomerSettings::default(),
    );
    let steps = checklist_of(&cp, as_of, Lang::En);
    for i in [0, 3] {
        assert!(
            steps[i]
                .text
                .contains("indirect reseller with MPN ID 7654321"),
            "{}",
            steps[i].text
        );
    }
    assert!(matches!(
        &steps[0].action,
        StepAction::Buy { reseller_mpn_id: Some(id), .. } if &**id == "7654321"
    ));
    assert!(matches!(
        &steps[3].action,
        StepAction::AddSeats { reseller_mpn_id: Some(id), .. } if &**id == "7654321"
    ));
    // Not on the move or the suspension.
    assert!(!steps[1].text.contains("7654321") && !steps[2].text.contains("7654321"));
    let zh = checklist::build(&cp, as_of, Lang::ZhTw).steps;
    assert!(
        zh[0].text.contains("MPN ID 為 7654321 的間接轉銷商"),
        "{}",
        zh[0].text
    );
}

/// Trials get no steps unless the user chose to plan for them.
#[test]
fn trials_move_only_when_chosen() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 15);
    let mut trial = kaizala(&c, "trial", 25, d(2020, 7, 15));
    trial.trial = true;
    let subs = vec![kaizala(&c, "paid", 10, d(2020, 9, 1)), trial];
    let cp = plan_one(subs.clone(), as_of, Lang::En, CustomerSettings::default());
    let steps_without = checklist_of(&cp, as_of, Lang::En);
    assert_eq!(
        ids_dues(&steps_without),
        [
            ("A", Some(d(2020, 8, 17)), 1),
            ("B", Some(d(2020, 8, 24)), 1),
            ("C", Some(d(2020, 8, 31)), 1),
        ]
    );
    assert!(!steps_without.iter().any(|s| s.text.contains("trial")));
    let chosen = CustomerSettings {
        include_trials: true,
        ..CustomerSettings::default()
    };
    let cp = plan_one(subs, as_of, Lang::En, chosen);
    let with: Vec<String> = checklist_of(&cp, as_of, Lang::En)
        .into_iter()
        .map(|s| s.step)
        .collect();
    // The trial ends 2020-07-15, the paid one 48 days later: two waves.
    assert_eq!(with, ["A", "B", "C", "W2A", "W2B", "W2C"]);
}

/// Auto-renew not in the file (the reconciliation file): the steps are
/// due before the end date in the file, not a year later, and the later
/// date is given as "if it was set to renew".
#[test]
fn unknown_auto_renew_plans_for_the_end_date_in_the_file() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 1);
    let mut s = kaizala(&c, "recon", 10, d(2020, 6, 30));
    s.auto_renew = AutoRenew::Unknown;
    s.term_months = None;
    let cp = plan_one(vec![s], as_of, Lang::En, CustomerSettings::default());
    assert_eq!(cp.urgency, Urgency::Within30Days);
    assert_eq!(cp.migrate_by, Some(d(2020, 6, 29)));
    let sub = &cp.subscriptions[0];
    assert_eq!(sub.category, Category::ExpiresBeforeCutoff);
    assert_eq!(sub.if_renewed, Some(d(2021, 6, 30)));
    assert!(sub.notes[0].text.contains("2021-06-30"));
    let steps = checklist_of(&cp, as_of, Lang::En);
    assert_eq!(
        ids_dues(&steps),
        [
            ("A", Some(d(2020, 6, 15)), 1),
            ("B", Some(d(2020, 6, 22)), 1),
            ("C", Some(d(2020, 6, 29)), 1),
        ]
    );
    assert!(matches!(
        steps[2].action,
        StepAction::Suspend { if_renewed: Some(r), .. } if r == d(2021, 6, 30)
    ));
    assert!(
        steps[2]
            .text
            .contains("00:00 UTC on 2020-06-30, or on 2021-06-30 if it was set to renew"),
        "{}",
        steps[2].text
    );
}

/// Auto-renew unknown and the end date already past: it ended unless it
/// renewed, and the step says how to tell in Partner Center.
#[test]
fn unknown_auto_renew_and_a_past_end_date_says_how_to_check() {
    let c = customer("Contoso");
    let as_of = d(2020, 6, 15);
    let mut s = kaizala(&c, "recon", 40, d(2020, 5, 1));
    s.auto_renew = AutoRenew::Unknown;
    let cp = plan_one(vec![s], as_of, Lang::En, CustomerSettings::default());
    assert_eq!(cp.urgency, Urgency::Ended);
    let steps = checklist_of(&cp, as_of, Lang::En);
    assert_eq!(
        steps[2].action,
        StepAction::CheckEnded {
            subscription_id: "recon".into(),
            offer: "Microsoft Kaizala Pro".into(),
            ended_on: Some(d(2020, 5, 1)),
            if_renewed: Some(d(2021, 5, 1)),
        }
    );
    let text = &steps[2].text;
    assert!(
        text.contains("until 00:00 UTC on 2021-05-01")
            && text.contains("\"Auto renews on [date]\"")
            && text.contains("\"Expires on [date]\""),
        "{text}"
    );
    let zh = checklist::build(&cp, as_of, Lang::ZhTw).steps;
    assert!(
        zh[2]
            .text
            .contains("2021年5月1日 00:00 UTC（台灣時間 08:00）")
            && zh[2].text.contains("自動續訂的日期"),
        "{}",
        zh[2].text
    );
    // Auto-renew known to be on keeps the renew-once rule.
    let mut on = kaizala(&c, "api", 40, d(2020, 5, 1));
    on.auto_renew = AutoRenew::On;
    let cp = plan_one(vec![on], as_of, Lang::En, CustomerSettings::default());
    assert_eq!(
        cp.subscriptions[0].category,
        Category::RenewsOnceThenExpires
    );
    assert_eq!(cp.migrate_by, Some(d(2021, 4, 30)));
    assert_eq!(cp.subscriptions[0].if_renewed, None);
}

/// Every text of every step is free of "delete", gives times in UTC and
/// is written in Chinese for zh-TW.
#[test]
fn wording_in_both_languages() {
    let c = customer("康托索");
    let as_of = d(2020, 6, 15);
    let cp = plan_one(
        vec![
            kaizala(&c, "aug", 30, d(2020, 8, 31)),
            kaizala(&c, "apr", 20, d(2021, 4, 30)),
        ],
        as_of,
        Lang::ZhTw,
        CustomerSettings::default(),
    );
    let zh = checklist_of(&cp, as_of, Lang::ZhTw);
    assert_eq!(zh[3].title, "第 2 梯次：為此梯次加購授權");
    assert!(zh[3].text.contains("從 30 增加為 50"), "{}", zh[3].text);
    assert!(
        zh[2].text.contains("取消佈建") && zh[2].text.contains("UTC"),
        "{}",
        zh[2].text
    );
    let en = checklist_of(&cp, as_of, Lang::En);
    for s in en.iter().chain(&zh) {
        assert!(!s.text.to_lowercase().contains("delet"), "{}", s.text);
        assert!(!s.text.contains("刪除"), "{}", s.text);
    }
    for s in &zh {
        assert!(s.text.contains("合作夥伴中心"), "{}", s.text);
    }
}
