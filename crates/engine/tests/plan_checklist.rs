/*!
Checklist steps and their due dates: lead times, clamping to the as-of
date, several subscriptions, ended, unknown and inactive ones; every due
date on or before the `migrate_by` it serves.
*/

mod plan_support;

use chrono::{Days, NaiveDate};
use kaizala_engine::checklist::{self, StepAction};
use kaizala_engine::model::{EndDate, Status};
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
            ended_on: Some(d(2020, 5, 1))
        }
    );
    assert_eq!(cp.checklist[2].due, None);
}

#[test]
fn several_subscriptions_one_checklist() {
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
    let steps: Vec<(&str, Option<NaiveDate>)> = cp
        .checklist
        .iter()
        .map(|s| (s.step.as_str(), s.due))
        .collect();
    assert_eq!(
        steps,
        [
            ("A", Some(d(2020, 7, 17))),
            ("B", Some(d(2020, 7, 24))),
            ("C1", Some(d(2020, 7, 31))),
            ("C2", Some(d(2020, 10, 31))),
            ("C3", None),
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
            seats: Some(18)
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
    #[test]
    fn due_dates_never_after_migrate_by(
        as_of_days in 0u64..800,
        ends in proptest::collection::vec((0u64..800, 1u32..500), 1..5),
    ) {
        let base = d(2019, 1, 1);
        let c = customer("Contoso");
        let subs = ends
            .iter()
            .enumerate()
            .map(|(i, (off, seats))| kaizala(&c, &format!("s{i}"), *seats, base + Days::new(*off)))
            .collect();
        let cp = one(subs, base + Days::new(as_of_days));
        let earliest = cp.migrate_by;
        for step in &cp.checklist {
            match &step.action {
                StepAction::Suspend { subscription_id, .. } => {
                    let sub = cp.subscriptions.iter().find(|s| &s.id == subscription_id).unwrap();
                    prop_assert!(step.due <= sub.migrate_by);
                }
                _ => prop_assert!(step.due.is_none() || step.due <= earliest),
            }
        }
    }
}
