/*!
Builders shared by the planner's integration tests: subscriptions and
imports made directly, so the tests never depend on the importer.
*/
#![allow(dead_code)]

use chrono::NaiveDate;
use kaizala_engine::import::{Format, Import, ImportReport};
use kaizala_engine::model::{AutoRenew, Customer, EndDate, Status, Subscription};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

pub fn customer(name: &str) -> Customer {
    Customer {
        id: Some(format!("{}-tenant", name.to_lowercase().replace(' ', "-")).into()),
        name: Some(name.into()),
        domain: None,
        qualification: None,
        reseller_mpn_id: None,
    }
}

/// A subscription with sensible defaults; change fields with struct update.
pub fn sub(customer: &Customer, id: &str, offer: &str, seats: u32, end: NaiveDate) -> Subscription {
    Subscription {
        customer: customer.clone(),
        id: id.into(),
        offer: offer.into(),
        friendly_name: None,
        sku: None,
        seats: Some(seats),
        status: Status::Active,
        auto_renew: AutoRenew::Off,
        end_date: EndDate::On(end),
        term_months: Some(12),
        trial: false,
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
        users: Vec::new(),
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

/// A plan exercising every category, several families, Chinese names and
/// characters that exports must escape.
pub fn sample_import() -> Import {
    use kaizala_engine::import::RejectedRow;
    let contoso = customer("Contoso, Ltd; \"HQ\"");
    let mut school = customer("國立臺灣範例大學");
    school.domain = Some("example.edu.tw".into());
    let mut evil = customer("=HYPERLINK(\"http://x\") | *bold* <b>");
    evil.domain = Some("evil.example".into());
    let woodgrove = customer("Woodgrove Bank");

    // Auto-renew on (an API export): it renews once, before the cutoff.
    let mut renews = kaizala(&contoso, "c-renews", 40, d(2020, 2, 29));
    renews.auto_renew = AutoRenew::On;
    renews.term_months = None;
    let mut unknown = kaizala(&contoso, "c-unknown", 3, d(2020, 1, 1));
    unknown.end_date = EndDate::Unknown;
    let mut inactive = kaizala(&contoso, "c-suspended", 9, d(2020, 9, 1));
    inactive.status = Status::Suspended;
    let mut never = kaizala(&evil, "-1+2", 2, d(2020, 1, 1));
    never.end_date = EndDate::Never;

    let mut imp = import(vec![
        kaizala(&contoso, "c-after", 12, d(2020, 7, 1)),
        renews,
        unknown,
        inactive,
        kaizala(&contoso, "c-ended", 1, d(2020, 5, 1)),
        kaizala(&school, "s-1", 1200, d(2020, 8, 15)),
        never,
        kaizala(&evil, "e-2", 7, d(2020, 6, 20)),
        kaizala(&woodgrove, "w-1", 350, d(2020, 10, 1)),
        sub(&woodgrove, "w-e3", "Office 365 E3", 300, d(2021, 3, 1)),
    ]);
    imp.report.rows_read = 12;
    imp.report.rejected = vec![
        RejectedRow::new(7, "The quantity \"ten\" is not a number.".into()),
        RejectedRow::new(11, "The row has 3 fields, the header has 12.".into()),
    ];
    imp
}
