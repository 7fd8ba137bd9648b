/*!
The workspace's merge: several exports as one import. Same ids with
changed facts (the later file wins, and the conflict names each file's
value), two customers' exports side by side, a customers export naming
subscriptions whose export has only tenant ids, and a report that still
accounts for every row.
*/

mod plan_support;

use kaizala_engine::import::{import as read_bytes, Format, Import, ImportOptions, ImportOutcome};
use kaizala_engine::model::{AutoRenew, Customer, EndDate, Status, Subscription};
use kaizala_engine::workspace::{covers_customers, merge, ConflictField, Merged, SourceImport};
use plan_support::*;

fn merged(files: &[(&str, &Import)]) -> Merged {
    let files: Vec<SourceImport<'_>> = files
        .iter()
        .map(|(name, import)| SourceImport { name, import })
        .collect();
    merge(&files)
}

fn ids(i: &Import) -> Vec<&str> {
    i.subscriptions.iter().map(|s| &*s.id).collect()
}

fn read(csv: &str, options: ImportOptions) -> Import {
    match read_bytes(csv.as_bytes(), &options).expect("reads") {
        ImportOutcome::Ready(i) => i,
        ImportOutcome::NeedsMapping(m) => panic!("needs mapping: {m:?}"),
    }
}

#[test]
fn one_file_is_itself() {
    let i = sample_import();
    let m = merged(&[("a.csv", &i)]);
    assert_eq!(m.import, i);
    assert!(m.conflicts.is_empty());
}

#[test]
fn same_ids_with_changed_facts_take_the_later_file() {
    let c = customer("Contoso");
    let june = import(vec![
        kaizala(&c, "k1", 25, d(2020, 8, 31)),
        sub(&c, "e3", "Office 365 E3", 40, d(2020, 12, 31)),
    ]);
    let mut k1 = kaizala(&c, "k1", 30, d(2020, 9, 30));
    k1.status = Status::Suspended;
    k1.auto_renew = AutoRenew::On;
    // July's export lists the rows in another order and drops nothing.
    let july = import(vec![
        sub(&c, "e3", "Office 365 E3", 40, d(2020, 12, 31)),
        k1.clone(),
    ]);
    let m = merged(&[("june.csv", &june), ("july.csv", &july)]);
    assert_eq!(ids(&m.import), ["k1", "e3"], "first-seen order");
    assert_eq!(m.import.subscriptions[0], k1, "the later file's facts");
    let cases = [
        (ConflictField::EndDate, "2020-08-31", "2020-09-30"),
        (ConflictField::Seats, "25", "30"),
        (ConflictField::Status, "active", "suspended"),
        (ConflictField::AutoRenew, "off", "on"),
    ];
    assert_eq!(m.conflicts.len(), cases.len(), "{:?}", m.conflicts);
    for ((field, was, now), conflict) in cases.iter().zip(&m.conflicts) {
        assert_eq!(conflict.field, *field);
        assert_eq!(conflict.subscription, "k1");
        assert_eq!(conflict.customer, c.key());
        assert_eq!(
            conflict.values,
            [
                ("june.csv".to_string(), was.to_string()),
                ("july.csv".to_string(), now.to_string())
            ]
        );
    }
    // In the other order, June wins.
    let m = merged(&[("july.csv", &july), ("june.csv", &june)]);
    assert_eq!(ids(&m.import), ["e3", "k1"]);
    assert_eq!(m.import.subscriptions[1].seats, Some(25));
}

#[test]
fn conflicts_list_every_file_that_has_the_subscription() {
    let c = customer("Contoso");
    let other = customer("Fabrikam");
    let a = import(vec![kaizala(&c, "k1", 25, d(2020, 8, 31))]);
    let b = import(vec![kaizala(&c, "k1", 25, d(2020, 8, 31))]);
    let mut moved = kaizala(&other, "k1", 25, d(2020, 8, 31));
    moved.offer = "Kaizala Pro".into();
    moved.end_date = EndDate::Never;
    let c3 = import(vec![moved]);
    let m = merged(&[("a.csv", &a), ("b.csv", &b), ("c.csv", &c3)]);
    let fields: Vec<ConflictField> = m.conflicts.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            ConflictField::EndDate,
            ConflictField::Offer,
            ConflictField::Customer
        ]
    );
    let end = &m.conflicts[0];
    assert_eq!(
        end.customer,
        other.key(),
        "the merged subscription's customer"
    );
    let said: Vec<(&str, &str)> = end
        .values
        .iter()
        .map(|(f, v)| (f.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("a.csv", "2020-08-31"),
            ("b.csv", "2020-08-31"),
            ("c.csv", "never")
        ]
    );
    assert_eq!(
        m.conflicts[2].values.last().map(|(_, v)| v.as_str()),
        Some(other.key().as_str())
    );
}

#[test]
fn added_and_removed_subscriptions_are_all_kept() {
    // A newer export that lacks a subscription does not remove it: the
    // workspace keeps what any file says (removing the older file does).
    let c = customer("Contoso");
    let old = import(vec![
        kaizala(&c, "k1", 5, d(2020, 8, 1)),
        kaizala(&c, "k2", 5, d(2020, 8, 1)),
    ]);
    let new = import(vec![
        kaizala(&c, "k2", 5, d(2020, 8, 1)),
        kaizala(&c, "k3", 5, d(2020, 8, 1)),
    ]);
    let m = merged(&[("old", &old), ("new", &new)]);
    assert_eq!(ids(&m.import), ["k1", "k2", "k3"]);
    assert!(m.conflicts.is_empty());
}

#[test]
fn two_customers_exports_side_by_side() {
    let contoso = customer("Contoso");
    let fabrikam = customer("Fabrikam");
    let a = import(vec![kaizala(&contoso, "c1", 10, d(2020, 8, 1))]);
    let b = import(vec![
        kaizala(&fabrikam, "f1", 20, d(2020, 9, 1)),
        sub(&fabrikam, "f2", "Office 365 A1", 300, d(2020, 9, 1)),
    ]);
    let m = merged(&[("contoso.csv", &a), ("fabrikam.csv", &b)]);
    assert_eq!(ids(&m.import), ["c1", "f1", "f2"]);
    assert!(m.conflicts.is_empty());
    let r = &m.import.report;
    assert_eq!(
        (r.rows_read, r.rows_as_subscriptions, r.rows_merged),
        (3, 3, 0)
    );
    assert!(r.is_balanced());
}

#[test]
fn numbered_rows_of_two_customers_do_not_collide() {
    let csv = "Offer,Seats,End date\nMicrosoft Kaizala Pro,5,2020-08-01\n";
    let one = |name: &str| {
        read(
            csv,
            ImportOptions {
                number_rows: true,
                customers: Some(kaizala_engine::import::FileCustomers::One { name: name.into() }),
                ..ImportOptions::default()
            },
        )
    };
    let (a, b) = (one("Contoso"), one("Fabrikam"));
    assert_eq!(ids(&a), ids(&b), "both row-2");
    let m = merged(&[("a.csv", &a), ("b.csv", &b)]);
    assert_eq!(m.import.subscriptions.len(), 2);
    // A newer copy of the same customer's file still replaces it.
    let m = merged(&[("a.csv", &a), ("a2.csv", &a)]);
    assert_eq!(m.import.subscriptions.len(), 1);
    assert!(m.import.report.is_balanced());
}

#[test]
fn a_customers_export_names_subscriptions_by_tenant_id() {
    let subs = read(
        "Customer ID,Subscription ID,Offer,Quantity,End date,Status\n\
         C1A2B3C4-D5E6-47F8-9A0B-1C2D3E4F5A6B,s1,Microsoft Kaizala Pro,25,2020-08-31,Active\n\
         0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e,s2,Microsoft Kaizala Pro,5,2020-08-31,Active\n\
         99999999-0000-0000-0000-000000000000,s3,Microsoft Kaizala Pro,5,2020-08-31,Active\n",
        ImportOptions::default(),
    );
    let list = read(
        &std::fs::read_to_string(format!(
            "{}/../../tests/fixtures/pc_customers.csv",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
        ImportOptions::default(),
    );
    assert_eq!(list.report.format, Some(Format::PartnerCenterCustomers));
    let keys_before: Vec<String> = subs
        .subscriptions
        .iter()
        .map(|s| s.customer.key())
        .collect();
    for order in [[&list, &subs], [&subs, &list]] {
        let m = merged(&[("first", order[0]), ("second", order[1])]);
        let names: Vec<Option<&str>> = m
            .import
            .subscriptions
            .iter()
            .map(|s| s.customer.name.as_deref())
            .collect();
        assert_eq!(
            names,
            [
                Some("Contoso Taiwan Ltd."),
                Some("Tailspin University"),
                None
            ]
        );
        assert_eq!(
            m.import.subscriptions[0].customer.domain.as_deref(),
            Some("contoso.com.tw")
        );
        let keys: Vec<String> = m
            .import
            .subscriptions
            .iter()
            .map(|s| s.customer.key())
            .collect();
        assert_eq!(keys, keys_before, "keys never change");
        assert_eq!(m.import.customers, list.customers);
        let r = &m.import.report;
        assert_eq!(
            r.format, subs.report.format,
            "the subscriptions file's format"
        );
        assert_eq!(r.rows_read, subs.report.rows_read + list.report.rows_read);
        assert_eq!(r.rows_as_customers, list.report.rows_as_customers);
        assert_eq!(
            r.rejected.len(),
            list.report.rejected.len() + subs.report.rejected.len()
        );
        assert!(r.is_balanced(), "{r:?}");
    }
}

#[test]
fn names_are_only_filled_where_missing() {
    let mut known = customer("Contoso");
    known.domain = None;
    let list = Import {
        customers: vec![Customer {
            name: Some("Contoso from the list".into()),
            domain: Some("contoso.com".into()),
            ..known.clone()
        }],
        ..import(Vec::new())
    };
    let subs = import(vec![kaizala(&known, "k1", 5, d(2020, 8, 1))]);
    let m = merged(&[("subs", &subs), ("list", &list)]);
    let c = &m.import.subscriptions[0].customer;
    assert_eq!(c.name.as_deref(), Some("Contoso"), "its own name stays");
    assert_eq!(
        c.domain.as_deref(),
        Some("contoso.com"),
        "the missing domain is filled"
    );
}

#[test]
fn the_report_stays_balanced_when_files_overlap() {
    let c = customer("Contoso");
    let week: Vec<Subscription> = (0..10)
        .map(|i| kaizala(&c, &format!("k{i}"), i, d(2020, 8, 1)))
        .collect();
    let w1 = import(week.clone());
    let w2 = import(week[3..].to_vec());
    let w3 = import(week[..5].to_vec());
    let m = merged(&[("w1", &w1), ("w2", &w2), ("w3", &w3)]);
    let r = &m.import.report;
    assert_eq!(m.import.subscriptions.len(), 10);
    assert_eq!(r.rows_read, 10 + 7 + 5);
    assert_eq!(r.rows_as_subscriptions, 10);
    assert_eq!(r.rows_merged, 12);
    assert!(r.is_balanced());
    let empty = merge(&[]);
    assert_eq!(empty, Merged::default());
    assert!(empty.import.report.is_balanced());
}

/// Which file replaces which: a newer export holds every customer of the
/// older (by tenant id, else domain, else name, case folded), whatever its
/// row order and whatever it adds; another customer's export does not.
#[test]
fn a_file_covers_another_when_it_holds_all_its_customers() {
    let head = "id,offerName,quantity,status,customerTenantId,customerCompanyName,customerDomain\n";
    let file = |rows: &[&str]| {
        read(
            &format!("{head}{}\n", rows.join("\n")),
            ImportOptions::default(),
        )
    };
    let a1 = "s1,Microsoft Kaizala Pro,5,active,t1,Contoso,contoso.com";
    let a2 = "s2,Office 365 E3,5,active,t1,Contoso,contoso.com";
    let b = "s3,Microsoft Kaizala Pro,5,active,t2,Fabrikam,fabrikam.com";
    let by_domain = "s4,Microsoft Kaizala Pro,5,active,,Adatum,ADATUM.COM";
    let by_domain_lower = "s5,Microsoft Kaizala Pro,5,active,,Adatum Corp,adatum.com";
    let cases: [(&[&str], &[&str], bool); 6] = [
        (&[a1, a2, b], &[a1, b], true),
        (&[b, a2, a1], &[a1, a2, b], true),
        (&[a1, a2], &[a1, b], false),
        (&[b], &[a1], false),
        (&[by_domain_lower], &[by_domain], true),
        (&[a1, b, by_domain], &[by_domain_lower, a1], true),
    ];
    for (new, old, covers) in cases {
        assert_eq!(
            covers_customers(&file(new), &file(old)),
            covers,
            "{new:?} covers {old:?}"
        );
    }
    // A file about no customer at all is covered by nothing.
    assert!(!covers_customers(&file(&[a1]), &Import::default()));
}
