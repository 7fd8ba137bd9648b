/*!
A rejected row says whom it is about: the customer and subscription id the
row names (when it was read far enough to name them), besides its line
and reason, so that the user can find it in the export.
*/
#![cfg(not(target_arch = "wasm32"))]

use kaizala_engine::i18n::{rejected_row_source, Lang};
use kaizala_engine::import::{
    import, DateOrder, Import, ImportOptions, ImportOutcome, RejectReason, RejectedRow,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn ready(bytes: &[u8], opts: &ImportOptions) -> Import {
    match import(bytes, opts) {
        Ok(ImportOutcome::Ready(i)) => i,
        other => panic!("expected Ready, got {other:?}"),
    }
}

fn row(i: &Import, line: u64) -> &RejectedRow {
    i.report
        .rejected
        .iter()
        .find(|r| r.line == line)
        .unwrap_or_else(|| panic!("line {line} not rejected: {:?}", i.report.rejected))
}

#[test]
fn rejected_rows_name_their_customer_and_subscription() {
    let opts = ImportOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..ImportOptions::default()
    };
    let i = ready(&fixture("bad_rows.csv"), &opts);
    // (line, customer, subscription id): rows cut short or too long name
    // nothing, as their cells may be shifted.
    let table: &[(u64, Option<&str>, Option<&str>)] = &[
        (3, None, None),
        (4, None, None),
        (6, Some("Tailspin University"), None),
        (
            7,
            Some("Tailspin University"),
            Some("6c5f9d85-a041-4f88-ad93-5e4c9f3a1b44"),
        ),
        (
            8,
            Some("Tailspin University"),
            Some("7d60ae96-b152-4099-bea4-6f5d0a4b2c55"),
        ),
        // Read month-first, 25/07/2020 can only be day-first: rejected
        // once every row is read, still naming its row.
        (
            10,
            Some("Fabrikam Senior High School"),
            Some("9f82c018-d374-41bb-90c6-8b7f2c6d4e77"),
        ),
    ];
    for (line, customer, id) in table {
        let r = row(&i, *line);
        assert_eq!(r.customer.as_deref(), *customer, "line {line}: {r:?}");
        assert_eq!(r.subscription_id.as_deref(), *id, "line {line}: {r:?}");
    }
    assert!(matches!(
        row(&i, 10).reason,
        RejectReason::ContradictoryEndDate { .. }
    ));
    assert_eq!(
        rejected_row_source(row(&i, 7), Lang::En).as_deref(),
        Some("Tailspin University · subscription 6c5f9d85-a041-4f88-ad93-5e4c9f3a1b44")
    );
    assert_eq!(
        rejected_row_source(row(&i, 7), Lang::ZhTw).as_deref(),
        Some("Tailspin University · 訂閱 6c5f9d85-a041-4f88-ad93-5e4c9f3a1b44")
    );
    assert_eq!(rejected_row_source(row(&i, 3), Lang::En), None);
}

#[test]
fn a_file_named_customer_names_its_rejected_rows() {
    let csv = "Subscription ID,Subscription,Quantity,Status\n\
               s1,Microsoft Kaizala Pro,lots,Active\n";
    let opts = ImportOptions {
        file_name: Some("Contoso Ltd.csv".into()),
        ..ImportOptions::default()
    };
    let i = ready(csv.as_bytes(), &opts);
    let r = row(&i, 2);
    assert_eq!(r.customer.as_deref(), Some("Contoso Ltd"));
    assert_eq!(r.subscription_id.as_deref(), Some("s1"));
}

#[test]
fn rejected_rows_serialise_whom_they_name_and_old_json_still_reads() {
    let r = RejectedRow {
        customer: Some("Contoso".into()),
        subscription_id: Some("s1".into()),
        ..RejectedRow::new(
            7,
            RejectReason::BadQuantity {
                value: "five".into(),
                header: "Quantity".into(),
            },
        )
    };
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["customer"], "Contoso");
    assert_eq!(json["subscription_id"], "s1");
    let back: RejectedRow = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
    // A row that names nothing serialises as rows always did.
    let bare = RejectedRow::new(3, RejectReason::NoCustomer);
    let json = serde_json::to_string(&bare).unwrap();
    assert!(!json.contains("customer\":"), "{json}");
    // JSON saved before these fields existed reads, naming nothing.
    let old: RejectedRow =
        serde_json::from_str(r#"{"line":9,"reason":"line 9: has 3 fields"}"#).unwrap();
    assert_eq!(
        (old.line, old.customer, old.subscription_id),
        (9, None, None)
    );
}
