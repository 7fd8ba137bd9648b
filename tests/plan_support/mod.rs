/*!
Builders shared by the planner's integration tests: subscriptions and
imports made directly, so the tests never depend on the importer.
*/
#![allow(dead_code)]

use chrono::NaiveDate;
use kaizala_planner::import::{Format, Import, ImportReport};
use kaizala_planner::model::{AutoRenew, Customer, EndDate, Status, Subscription};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

pub fn customer(name: &str) -> Customer {
    Customer {
        id: Some(format!("{}-tenant", name.to_lowercase().replace(' ', "-"))),
        name: Some(name.to_string()),
        domain: None,
        qualification: None,
    }
}

/// A subscription with sensible defaults; change fields with struct update.
pub fn sub(customer: &Customer, id: &str, offer: &str, seats: u32, end: NaiveDate) -> Subscription {
    Subscription {
        customer: customer.clone(),
        id: id.to_string(),
        offer: offer.to_string(),
        friendly_name: None,
        sku: None,
        seats: Some(seats),
        status: Status::Active,
        auto_renew: AutoRenew::Off,
        end_date: EndDate::On(end),
        term_months: Some(12),
        lines: vec![2],
    }
}

pub fn kaizala(customer: &Customer, id: &str, seats: u32, end: NaiveDate) -> Subscription {
    sub(customer, id, "Microsoft Kaizala Pro", seats, end)
}

pub fn import(subscriptions: Vec<Subscription>) -> Import {
    let rows = subscriptions.len() as u64;
    Import {
        subscriptions,
        customers: Vec::new(),
        report: ImportReport {
            format: Some(Format::RestApi),
            encoding: "UTF-8".into(),
            delimiter: ',',
            header_line: 1,
            rows_read: rows,
            rows_as_subscriptions: rows,
            ..ImportReport::default()
        },
    }
}
