/*!
Checklist steps and their due dates: lead times, clamping to the as-of
date, several subscriptions, ended, unknown and inactive ones; every due
date on or before the `migrate_by` it serves.
*/

mod plan_support;

use chrono::{Days, NaiveDate};
use kaizala_engine::checklist::{self, StepAction};
use kaizala_engine::model::{AutoRenew, EndDate, Status};
use kaizala_engine::plan::*;
use plan_support::*;
use proptest::prelude::*;

/// The only customer's plan, with its checklist built.
struct Planned {
    plan: CustomerPlan,
    checklist: Vec<kaizala_engine::checklist::Step>,
}

impl std::ops::Deref for Planned {
    type Target = CustomerPlan;
    fn deref(&self) -> &CustomerPlan {
        &self.plan
    }
}

fn one(subs: Vec<kaizala_engine::model::Subscription>, as_of: NaiveDate) -> Planned {
    let plan = build_plan(&import(subs), &Settings::new(as_of));
    assert_eq!(plan.customers.len(), 1);
    let checklist = checklist::build(&plan.customers[0], plan.as_of, plan.lang).steps;
    // Progress is counted on the ids, which are worked out without the steps.
    let ids: Vec<&str> = checklist.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(checklist::step_ids(&plan.customers[0]), ids);
    Planned {
        plan: plan.customers[0].clone(),
        checklist,
    }
}

#[test]
fn single_subscription_with_time_to_spare() {
    let c = customer("Contoso");
    let cp = one(vec![kaizala(&c, "sub-1", 25, d(2020, 9, 1))], d(2020, 6, 1));
    let steps: Vec<(&str, Option<NaiveDate>)> = cp
        .checklist
        .iter()
        .map(|s| (s.step.as_str(), s.due))
        .collect();
    // migrate_by = 2020-08-31
    assert_eq!(
        steps,
        [
            ("A", Some(d(2020, 8, 17))),
            ("B", Some(d(2020, 8, 24))),
            ("C", Some(d(2020, 8, 31)))
        ]
    );
    assert_eq!(
        cp.checklist[2].action,
        StepAction::Suspend {
            subscription_id: "sub-1".into(),
            offer: "Microsoft Kaizala Pro".into(),
            seats: Some(25),
            expires_on: Some(d(2020, 9, 1)),
            deprovisioned_by: Some(d(2020, 12, 29)),
            if_renewed: None,
        }
    );
    let a = &cp.checklist[0].text;
    assert!(
        a.contains("25 licenses of Microsoft 365 Business Basic (O365_BUSINESS_ESSENTIALS)"),
        "{a}"
    );
    assert!(
        a.contains("Customers") && a.contains("Contoso") && a.contains("Add subscriptions"),
        "{a}"
    );
    let b = &cp.checklist[1].text;
    assert!(
        b.contains("Users and licenses") && b.contains("Manage licenses") && b.contains("25 seats"),
        "{b}"
    );
    let c_text = &cp.checklist[2].text;
    assert!(
        c_text.contains("sub-1") && c_text.contains("Suspended") && c_text.contains("120 days"),
        "{c_text}"
    );
    assert!(c_text.contains("2020-12-29"), "{c_text}");
    // Times are UTC, and a suspended subscription is deprovisioned (the
    // source's word), not "deleted".
    assert!(c_text.contains("00:00 UTC on 2020-09-01"), "{c_text}");
    assert!(c_text.contains("deprovisions"), "{c_text}");
    assert!(!c_text.contains("delet"), "{c_text}");
    assert!(b.contains("before 00:00 UTC on 2020-09-01"), "{b}");
    assert_eq!(cp.migrate_by, Some(d(2020, 8, 31)));
    assert_eq!(cp.urgency, Urgency::Later);
}

#[test]
fn short_notice_steps_are_due_today_but_never_after_migrate_by() {
    let c = customer("Contoso");
    let cp = one(vec![kaizala(&c, "sub-1", 5, d(2020, 6, 6))], d(2020, 6, 1));
    let dues: Vec<Option<NaiveDate>> = cp.checklist.iter().map(|s| s.due).collect();
    assert_eq!(
        dues,
        [
            Some(d(2020, 6, 1)),
            Some(d(2020, 6, 1)),
            Some(d(2020, 6, 5))
        ]
    );
    // Last day: everything is due today.
    let cp = one(vec![kaizala(&c, "sub-1", 5, d(2020, 6, 2))], d(2020, 6, 1));
    let dues: Vec<Option<NaiveDate>> = cp.checklist.iter().map(|s| s.due).collect();
    assert_eq!(dues, [Some(d(2020, 6, 1)); 3]);
}

#[test]
fn ended_subscription_steps_are_overdue() {
    let c = customer("Contoso");
    let cp = one(vec![kaizala(&c, "old", 5, d(2020, 5, 1))], d(2020, 6, 1));
    assert_eq!(cp.urgency, Urgency::Ended);
    assert_eq!(cp.checklist[0].due, Some(d(2020, 4, 30)));
    assert_eq!(cp.checklist[1].due, Some(d(2020, 4, 30)));
    assert_eq!(
        cp.checklist[2].action,
        StepAction::CheckEnded {
            subscription_id: "old".into(),
            offer: "Microsoft Kaizala Pro".into(),
            ended_on: Some(d(2020, 5, 1)),
            if_renewed: None,
        }
    );
    assert_eq!(cp.checklist[2].due, None);
}

#[test]
fn several_subscriptions_within_a_month_one_wave() {
    let c = customer("Contoso");
    let mut unknown = kaizala(&c, "z-unknown", 3, d(2020, 1, 1));
    unknown.end_date = EndDate::Unknown;
    let mut inactive = kaizala(&c, "gone", 9, d(2020, 9, 1));
    inactive.status = Status::Suspended;
    let cp = one(
        vec![
            kaizala(&c, "late", 10, d(2020, 8, 20)),
            unknown,
            inactive,
            kaizala(&c, "early", 5, d(2020, 8, 1)),
        ],
        d(2020, 6, 1),
    );
    let steps: Vec<(&str, Option<NaiveDate>, u32)> = cp
        .checklist
        .iter()
        .map(|s| (s.step.as_str(), s.due, s.wave))
        .collect();
    assert_eq!(
        steps,
        [
            ("A", Some(d(2020, 7, 17)), 1),
            ("B", Some(d(2020, 7, 24)), 1),
            ("C1", Some(d(2020, 7, 31)), 1),
            ("C2", Some(d(2020, 8, 19)), 1),
            ("C3", None, 1),
        ]
    );
    assert!(
        matches!(&cp.checklist[2].action, StepAction::Suspend { subscription_id, .. } if &**subscription_id == "early")
    );
    assert!(
        matches!(&cp.checklist[3].action, StepAction::Suspend { subscription_id, .. } if &**subscription_id == "late")
    );
    assert!(
        matches!(&cp.checklist[4].action, StepAction::FindEndDate { subscription_id, .. } if &**subscription_id == "z-unknown")
    );
    // 5 + 10 + 3 seats to move, the suspended 9 are not.
    assert_eq!(
        cp.checklist[1].action,
        StepAction::MoveUsers {
            plan: "Microsoft 365 Business Basic".into(),
            seats: Some(18),
            subscription_ids: vec!["early".into(), "late".into(), "z-unknown".into()],
            stops_on: Some(d(2020, 8, 1)),
            users: None,
        }
    );
    assert_eq!(cp.subscriptions.len(), 4);
}

/// Ends three months apart: before waves, every user moved in July and
/// the later subscription was paid for until October.
#[test]
fn several_subscriptions_months_apart_two_waves() {
    let c = customer("Contoso");
    let mut unknown = kaizala(&c, "z-unknown", 3, d(2020, 1, 1));
    unknown.end_date = EndDate::Unknown;
    let mut inactive = kaizala(&c, "gone", 9, d(2020, 9, 1));
    inactive.status = Status::Suspended;
    let cp = one(
        vec![
            kaizala(&c, "late", 10, d(2020, 11, 1)),
            unknown,
            inactive,
            kaizala(&c, "early", 5, d(2020, 8, 1)),
        ],
        d(2020, 6, 1),
    );
    let steps: Vec<(&str, Option<NaiveDate>, u32)> = cp
        .checklist
        .iter()
        .map(|s| (s.step.as_str(), s.due, s.wave))
        .collect();
    // The unknown end date moves with the first wave.
    assert_eq!(
        steps,
        [
            ("A", Some(d(2020, 7, 17)), 1),
            ("B", Some(d(2020, 7, 24)), 1),
            ("C1", Some(d(2020, 7, 31)), 1),
            ("C2", None, 1),
            ("W2A", Some(d(2020, 10, 17)), 2),
            ("W2B", Some(d(2020, 10, 24)), 2),
            ("W2C", Some(d(2020, 10, 31)), 2),
        ]
    );
    assert!(
        matches!(&cp.checklist[6].action, StepAction::Suspend { subscription_id, .. } if &**subscription_id == "late")
    );
    assert_eq!(
        cp.checklist[4].action,
        StepAction::AddSeats {
            plan: "Microsoft 365 Business Basic".into(),
            quantity: Some(10),
            subscription_id: None,
            seats_before: Some(8),
            reseller_mpn_id: None,
        }
    );
    assert_eq!(cp.subscriptions.len(), 4);
}
#[test]
fn only_unknown_end_dates_give_no_dates() {
    let c = customer("Contoso");
    let mut s = kaizala(&c, "x", 3, d(2020, 1, 1));
    s.end_date = EndDate::Unknown;
    let cp = one(vec![s], d(2020, 6, 1));
    assert!(cp.checklist.iter().all(|s| s.due.is_none()));
    assert_eq!(cp.urgency, Urgency::Unknown);
    assert_eq!(cp.migrate_by, None);
}

#[test]
fn only_inactive_subscriptions_need_nothing() {
    let c = customer("Contoso");
    let mut s = kaizala(&c, "x", 3, d(2020, 9, 1));
    s.status = Status::Deleted;
    let cp = one(vec![s], d(2020, 6, 1));
    assert!(cp.checklist.is_empty());
    assert_eq!(cp.urgency, Urgency::NoAction);
}

#[test]
fn zh_tw_texts() {
    let c = customer("康托索");
    let mut settings = Settings::new(d(2020, 6, 1));
    settings.lang = Lang::ZhTw;
    let plan = build_plan(
        &import(vec![kaizala(&c, "sub-1", 25, d(2020, 9, 1))]),
        &settings,
    );
    let cp = Planned {
        plan: plan.customers[0].clone(),
        checklist: checklist::build(&plan.customers[0], plan.as_of, plan.lang).steps,
    };
    assert_eq!(cp.checklist[0].title, "購買新訂閱");
    assert!(
        cp.checklist[0].text.contains("合作夥伴中心")
            && cp.checklist[0].text.contains("「康托索」")
    );
    assert!(cp.checklist[0].text.contains("購買 25 個"));
    assert!(cp.checklist[1].text.contains("管理授權"));
    assert!(cp.checklist[2].text.contains("已暫停") && cp.checklist[2].text.contains("120 天"));
    assert!(cp.recommendation.reason.contains("300"));
}

proptest! {
    /// Every due date is on or before the `migrate_by` it serves; no old
    /// subscription is suspended more than 31 days after its wave's
    /// users are due to move; every subscription to move gets one C step;
    /// the waves buy the recommended quantity between them.
    #[test]
    fn due_dates_never_after_migrate_by(
        as_of_days in 0u64..800,
        ends in proptest::collection::vec((0u64..800, 1u32..500, 0u8..3), 1..6),
    ) {
        let base = d(2019, 1, 1);
        let c = customer("Contoso");
        let subs = ends
            .iter()
            .enumerate()
            .map(|(i, (off, seats, renew))| {
                let mut s = kaizala(&c, &format!("s{i}"), *seats, base + Days::new(*off));
                s.auto_renew = [AutoRenew::Off, AutoRenew::On, AutoRenew::Unknown][usize::from(*renew)];
                s
            })
            .collect();
        let cp = one(subs, base + Days::new(as_of_days));
        let waves = cp.checklist.iter().map(|s| s.wave).max().unwrap_or(0);
        let mut bought = 0u32;
        let mut suspended = 0;
        for wave in 1..=waves {
            let steps: Vec<_> = cp.checklist.iter().filter(|s| s.wave == wave).collect();
            let sub = |id: &str| cp.subscriptions.iter().find(|s| &*s.id == id).unwrap();
            let c_ids: Vec<&str> = steps
                .iter()
                .filter_map(|s| match &s.action {
                    StepAction::Suspend { subscription_id, .. }
                    | StepAction::CheckEnded { subscription_id, .. }
                    | StepAction::FindEndDate { subscription_id, .. } => Some(&**subscription_id),
                    _ => None,
                })
                .collect();
            // The wave's deadline: its earliest subscription still
            // running, else its earliest ended one.
            let running: Vec<NaiveDate> = c_ids
                .iter()
                .map(|id| sub(id))
                .filter(|s| s.category != Category::AlreadyEnded)
                .filter_map(|s| s.migrate_by)
                .collect();
            let deadline = running.iter().min().copied().or_else(|| {
                c_ids.iter().filter_map(|id| sub(id).migrate_by).min()
            });
            let due_b = steps[1].due;
            let is_move = matches!(steps[1].action, StepAction::MoveUsers { .. });
            prop_assert!(is_move);
            for step in &steps {
                match &step.action {
                    StepAction::Suspend { subscription_id, .. } => {
                        suspended += 1;
                        let s = sub(subscription_id);
                        prop_assert!(step.due <= s.migrate_by);
                        let gap = (step.due.unwrap() - due_b.unwrap()).num_days();
                        prop_assert!((0..=31).contains(&gap), "suspended {gap} days after the move");
                    }
                    StepAction::Buy { quantity, .. } | StepAction::AddSeats { quantity, .. } => {
                        bought += quantity.unwrap();
                        prop_assert!(step.due <= deadline);
                    }
                    StepAction::CheckEnded { .. } | StepAction::FindEndDate { .. } => {
                        suspended += 1;
                        prop_assert!(step.due.is_none());
                    }
                    _ => prop_assert!(step.due.is_none() || step.due <= deadline),
                }
            }
        }
        prop_assert_eq!(suspended, cp.subscriptions.len());
        prop_assert_eq!(Some(bought), cp.recommendation.quantity);
    }
}
