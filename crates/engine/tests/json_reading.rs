/*!
JSON the planner reads back: what the web app stored (settings, column
choices, progress) and the `TermInfo` JSON cells of CIPP's all-tenants
report. Stored text outlives versions of the planner, so what an earlier
version wrote must still load, with the members it did not write taking
their defaults.
*/
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kaizala_engine::import::{import, Field, ImportOptions, ImportOutcome};
use kaizala_engine::model::{EndDate, Status, Subscription};
use kaizala_engine::plan::{CustomerSettings, Lang, Settings};
use kaizala_engine::progress::Progress;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The subscriptions of a CIPP all-tenants report of one row whose
/// `TermInfo` cell is `term_info`.
fn cipp(term_info: &str) -> Vec<Subscription> {
    let cell = format!("\"{}\"", term_info.replace('"', "\"\""));
    let csv = format!(
        "Tenant,License,CountUsed,CountAvailable,TotalLicenses,skuId,skuPartNumber,availableUnits,TermInfo\n\
         contoso.onmicrosoft.com,Microsoft Kaizala Pro,5,5,10,0898bdbb-73b0-471a-81e5-20f1fe4dd66e,KAIZALA_STANDALONE,5,{cell}\n"
    );
    match import(csv.as_bytes(), &ImportOptions::default()) {
        Ok(ImportOutcome::Ready(i)) => i.subscriptions,
        other => panic!("{term_info}: {other:?}"),
    }
}

/// Id, seats, status, term and end date of a subscription.
type Summary = (String, Option<u32>, Status, Option<u16>, EndDate);

fn summary(subs: &[Subscription]) -> Vec<Summary> {
    subs.iter()
        .map(|s| {
            (
                s.id.to_string(),
                s.seats,
                s.status,
                s.term_months,
                s.end_date,
            )
        })
        .collect()
}

#[test]
fn cipp_term_info_entries_become_subscriptions() {
    let subs = cipp(concat!(
        r#"[{"CSPSubscriptionId":"a-1","Status":"Enabled","TotalLicenses":12,"Term":"P1Y","#,
        r#""NextLifecycle":"2020-10-01T00:00:00Z","IsTrial":false},"#,
        r#"{"CSPSubscriptionId":"","SubscriptionId":" b-2 ","TotalLicenses":"7","Term":1,"#,
        r#""Status":"Suspended"}]"#,
    ));
    assert_eq!(
        summary(&subs),
        [
            (
                "a-1".to_string(),
                Some(12),
                Status::Active,
                Some(12),
                EndDate::On(date(2020, 10, 1))
            ),
            (
                "b-2".to_string(),
                Some(7),
                Status::Suspended,
                Some(1),
                EndDate::Unknown
            ),
        ]
    );
    assert!(subs.iter().all(|s| &*s.offer == "Microsoft Kaizala Pro"));
}

#[test]
fn cipp_term_info_values_of_each_json_kind() {
    // Escapes are decoded; numbers read as written when whole; an entry
    // that is not an object, or a member of another kind, leaves the row's
    // own values (10 seats from `TotalLicenses`, no id).
    let subs = cipp(concat!(
        r#"[1, "x", {"CSPSubscriptionId": "\u00e9\ud83d\ude00", "TotalLicenses": 2.0}, "#,
        r#"{"CSPSubscriptionId": 42, "TotalLicenses": 2.5, "Term": null, "Status": ["Enabled"]}, "#,
        r#"{"CSPSubscriptionId": true, "TotalLicenses": -0}]"#,
    ));
    let row = (
        String::new(),
        Some(10),
        Status::NotReported,
        None,
        EndDate::Unknown,
    );
    assert_eq!(
        summary(&subs),
        [
            row.clone(),
            row.clone(),
            (
                "é😀".to_string(),
                Some(2),
                Status::NotReported,
                None,
                EndDate::Unknown
            ),
            (
                "42".to_string(),
                Some(10),
                Status::NotReported,
                None,
                EndDate::Unknown
            ),
            (
                "true".to_string(),
                Some(0),
                Status::NotReported,
                None,
                EndDate::Unknown
            ),
        ]
    );
}

#[test]
fn a_cipp_term_info_cell_without_entries_leaves_the_row() {
    let row = vec![(
        String::new(),
        Some(10),
        Status::NotReported,
        None,
        EndDate::Unknown,
    )];
    for cell in [
        "",
        "[]",
        r#"{"CSPSubscriptionId": "x"}"#,
        r#"[{"CSPSubscriptionId": "x",}]"#,
        r#"[{"CSPSubscriptionId": "\ud83d"}]"#,
        r#"[{"CSPSubscriptionId": "x"}] x"#,
        "[{'CSPSubscriptionId': 'x'}]",
    ] {
        assert_eq!(summary(&cipp(cell)), row, "{cell}");
    }
}

/// Settings as the first versions stored them, without the language or
/// any customer's choices, and with only some of a customer's choices.
#[test]
fn stored_settings_of_earlier_versions_load() {
    let read = |text: &str| serde_json::from_str::<Settings>(text).ok();
    let mut expected = Settings::new(date(2020, 6, 1));
    expected.cutoff = date(2020, 7, 1);
    expected.lang = Lang::En;
    assert_eq!(
        read(r#"{"as_of":"2020-06-01","cutoff":"2020-07-01"}"#),
        Some(expected.clone())
    );
    expected.customers.insert(
        "id:t-1".into(),
        CustomerSettings {
            frontline: true,
            ..CustomerSettings::default()
        },
    );
    assert_eq!(
        read(
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","lang":"en","customers":{"id:t-1":{"frontline":true}},"later":1}"#
        ),
        Some(expected.clone())
    );
    expected.lang = Lang::ZhTw;
    assert_eq!(
        read(&serde_json::to_string(&expected).unwrap()),
        Some(expected)
    );
    for bad in [
        "",
        "null",
        "[]",
        r#"{"as_of":"2020-06-01"}"#,
        r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","lang":"fr"}"#,
        r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","customers":[]}"#,
    ] {
        assert_eq!(read(bad), None, "{bad}");
    }
}

/// Column choices are stored with serde's names of the fields, which
/// must therefore never change.
#[test]
fn stored_column_choices_use_the_field_names() {
    let names = [
        (Field::CustomerId, "customer_id"),
        (Field::CustomerName, "customer_name"),
        (Field::CustomerDomain, "customer_domain"),
        (Field::Qualification, "qualification"),
        (Field::SubscriptionId, "subscription_id"),
        (Field::Offer, "offer"),
        (Field::FriendlyName, "friendly_name"),
        (Field::Sku, "sku"),
        (Field::Seats, "seats"),
        (Field::Status, "status"),
        (Field::AutoRenew, "auto_renew"),
        (Field::EndDate, "end_date"),
        (Field::Term, "term"),
    ];
    for (field, name) in names {
        assert_eq!(
            serde_json::to_string(&field).unwrap(),
            format!("\"{name}\"")
        );
    }
    let read = |text: &str| serde_json::from_str::<Vec<(Field, String)>>(text).ok();
    assert_eq!(
        read(r#"[["sku","SKU Id"],["seats","Qty"]]"#),
        Some(vec![
            (Field::Sku, "SKU Id".to_string()),
            (Field::Seats, "Qty".to_string())
        ])
    );
    for bad in [
        r#"[["Sku","x"]]"#,
        r#"[["sku"]]"#,
        r#"[["sku","x","y"]]"#,
        "{}",
    ] {
        assert_eq!(read(bad), None, "{bad}");
    }
}

#[test]
fn stored_progress_loads_and_drops_what_does_not_fit() {
    let p = Progress::from_json(
        r#"{"ticked":["id:1/A","id:1/A"],"notes":{"id:1":"call","id:2":"  "},"later":[]}"#,
    )
    .unwrap();
    assert!(p.has_legacy());
    assert_eq!((p.note("id:1"), p.note("id:2")), ("call", ""));
    // Members of the right kind whose entries do not fit read as nothing.
    for empty in [
        r#"{"notes":{}}"#,
        r#"{"ticked":null}"#,
        r#"{"notes":{"k":5}}"#,
    ] {
        assert_eq!(
            Progress::from_json(empty),
            Some(Progress::default()),
            "{empty}"
        );
    }
    for bad in [r#"{"ticked":{}}"#, r#"{"notes":[]}"#, "[]", "{} {}"] {
        assert_eq!(Progress::from_json(bad), None, "{bad}");
    }
}
