/*!
Every fixture format, read and checked field by field.

Fixtures live in `tests/fixtures/` (see its README); each holds at least one
Kaizala Pro subscription next to other plans.
*/
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kaizala_engine::i18n::{Lang, Render};
use kaizala_engine::import::{
    import, DateOrder, DateOrderHint, DateProblem, Field, Format, Import, ImportJob, ImportNote,
    ImportOptions, ImportOutcome, ImportProgress, LegacyEncoding, RejectReason,
};
use kaizala_engine::model::{AutoRenew, EndDate, Status, Subscription};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn options(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: Some(name.to_string()),
        ..ImportOptions::default()
    }
}

fn ready_with(name: &str, opts: &ImportOptions) -> Import {
    match import(&fixture(name), opts) {
        Ok(ImportOutcome::Ready(i)) => {
            assert!(
                i.report.is_balanced(),
                "{name}: unbalanced report {:?}",
                i.report
            );
            i
        }
        other => panic!("{name}: expected Ready, got {other:?}"),
    }
}

fn ready(name: &str) -> Import {
    ready_with(name, &options(name))
}

fn on(y: i32, m: u32, d: u32) -> EndDate {
    EndDate::On(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn sub<'a>(i: &'a Import, id: &str) -> &'a Subscription {
    i.subscriptions
        .iter()
        .find(|s| &*s.id == id)
        .unwrap_or_else(|| panic!("no subscription {id}"))
}

fn has_note(i: &Import, is: impl Fn(&ImportNote) -> bool) -> bool {
    i.report.notes.iter().any(is)
}

#[test]
fn recon_legacy_merges_charges_by_syndication_number() {
    let i = ready("recon_legacy.csv");
    let r = &i.report;
    assert_eq!(r.format, Some(Format::Reconciliation));
    assert_eq!(
        (r.encoding.as_str(), r.delimiter, r.header_line),
        ("UTF-8", ',', 1)
    );
    assert_eq!(
        (r.rows_read, r.rows_as_subscriptions, r.rows_merged),
        (8, 4, 3)
    );
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].line, 10);
    assert!(matches!(
        &r.rejected[0].reason,
        RejectReason::EmptySubscriptionId { header } if header == "SyndicationPartnerSubscriptionNumber"
    ));
    assert_eq!(i.subscriptions.len(), 4);

    let kz = sub(&i, "a3c5e7f9-1b2d-4f6a-8c0e-2b4d6f8a0c1e");
    assert_eq!(&*kz.offer, "Microsoft Kaizala Pro");
    assert_eq!(kz.friendly_name.as_deref(), Some("Kaizala Pro"));
    assert_eq!(
        kz.customer.id.as_deref(),
        Some("c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b")
    );
    assert_eq!(kz.customer.name.as_deref(), Some("Contoso Taiwan Ltd."));
    assert_eq!(kz.customer.domain.as_deref(), Some("contoso.com.tw"));
    // Line 5 is blank; lines 2, 3 and 6 are the three charges.
    assert_eq!(kz.lines, vec![2, 3, 6]);
    // The June cycle fee (25) is later than May's (20); the prorated
    // purchase of 5 seats is a change, not a total.
    assert_eq!(kz.seats, Some(25));
    assert_eq!(kz.end_date, on(2020, 7, 1));
    assert_eq!(
        (kz.status, kz.auto_renew, kz.term_months),
        (Status::NotReported, AutoRenew::Unknown, None)
    );

    let school = sub(&i, "c5e7a9b1-3d5f-4b7c-a0e2-4d6f8b0c2e3a");
    assert_eq!(
        school.customer.domain.as_deref(),
        Some("fabrikam-shs.edu.tw")
    );
    assert_eq!(
        school.friendly_name.as_deref(),
        Some("Kaizala for teachers")
    );
    assert_eq!(
        (school.seats, school.lines.clone()),
        (Some(120), vec![7, 8])
    );
    assert_eq!(school.end_date, on(2020, 10, 1));

    let bs = sub(&i, "d6f8b0c2-4e6a-4c8d-b1f3-5e7a9c1d3f4b");
    assert_eq!(bs.customer.domain.as_deref(), Some("tailspin.ac.jp"));
    assert_eq!(bs.seats, None, "only a prorated purchase: no seat total");
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::SeatsUnknown { .. }
    )));
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::DateOrderAssumed { header, why: DateOrderHint::Reconciliation, day_first: false, .. }
            if header == "SubscriptionEndDate"
    )));
    assert!(has_note(&i, |n| *n == ImportNote::BlankLines { count: 1 }));
}

#[test]
fn recon_tier2_variant_and_quoted_names() {
    let i = ready("recon_tier2.csv");
    assert_eq!(i.report.format, Some(Format::Reconciliation));
    assert_eq!(
        (
            i.report.rows_read,
            i.report.rows_as_subscriptions,
            i.report.rows_merged
        ),
        (4, 2, 2)
    );
    let kz = sub(&i, "a3c5e7f9-1b2d-4f6a-8c0e-2b4d6f8a0c1e");
    assert_eq!(&*kz.offer, "KAIZALA PRO (legacy)");
    assert_eq!(
        kz.customer.name.as_deref(),
        Some("Wide World Importers, Inc.")
    );
    assert_eq!(
        kz.seats,
        Some(70),
        "the July cycle charge is the latest standing charge"
    );
    assert_eq!(kz.end_date, on(2020, 9, 14));
    let e3 = sub(&i, "b4d6f8a0-2c4e-4a6b-9d1f-3c5e7a9b1d2f");
    assert_eq!(
        (e3.seats, e3.friendly_name.as_deref()),
        (None, Some("Head office E3"))
    );
    assert_eq!(e3.end_date, on(2021, 1, 1));
}

#[test]
fn powershell_en_us_with_type_line_and_extra_columns() {
    let i = ready("powershell_enus.csv");
    let r = &i.report;
    assert_eq!(
        (r.format, r.header_line, r.rows_read),
        (Some(Format::PowerShell), 2, 3)
    );
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::SkippedTypeLine { line } if line.contains("#TYPE Selected.Microsoft.Store")
    )));
    let kz = sub(&i, "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11");
    assert_eq!(&*kz.offer, "Microsoft Kaizala Pro");
    assert_eq!(kz.friendly_name.as_deref(), Some("Kaizala Pro"));
    assert_eq!(kz.customer.name.as_deref(), Some("Contoso Taiwan Ltd."));
    assert_eq!(kz.customer.domain.as_deref(), Some("contoso.com.tw"));
    assert_eq!(
        kz.customer.id.as_deref(),
        Some("c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b")
    );
    assert_eq!(
        (kz.seats, kz.status, kz.auto_renew),
        (Some(25), Status::Active, AutoRenew::Off)
    );
    assert_eq!(
        (kz.end_date, kz.term_months, kz.lines.clone()),
        (on(2020, 7, 1), Some(12), vec![3])
    );
    let e3 = sub(&i, "4a3d7b63-8e2f-4d66-8b71-3c2a7d1e9f22");
    assert_eq!(
        (e3.auto_renew, e3.end_date, e3.friendly_name.as_deref()),
        (AutoRenew::On, on(2021, 3, 1), None)
    );
    let bs = sub(&i, "5b4e8c74-9f30-4e77-9c82-4d3b8e2f0a33");
    assert_eq!(
        (bs.status, bs.end_date),
        (Status::Suspended, on(2020, 10, 1))
    );
    assert!(
        has_note(&i, |n| matches!(
            n,
            ImportNote::DateOrderAssumed {
                why: DateOrderHint::TwelveHourClock,
                day_first: false,
                ..
            }
        )),
        "AM/PM month-first is an assumption: {:?}",
        r.notes
    );
}

#[test]
fn powershell_de_de_semicolons_and_dotted_dates() {
    let i = ready("powershell_dede.csv");
    let r = &i.report;
    assert_eq!(
        (r.format, r.delimiter, r.encoding.as_str()),
        (Some(Format::PowerShell), ';', "UTF-8 (with BOM)")
    );
    let kz = sub(&i, "6c5f9d85-a041-4f88-ad93-5e4c9f3a1b44");
    assert_eq!(kz.customer.name.as_deref(), Some("Müller & Söhne GmbH"));
    assert_eq!(
        (kz.seats, kz.auto_renew, kz.end_date),
        (Some(8), AutoRenew::Off, on(2020, 7, 1))
    );
    assert_eq!(
        sub(&i, "7d60ae96-b152-4099-bea4-6f5d0a4b2c55").end_date,
        on(2021, 3, 15)
    );
}

#[test]
fn rest_api_camel_case_iso_dates_and_never() {
    let i = ready("rest_api.csv");
    assert_eq!(i.report.format, Some(Format::RestApi));
    let kz = sub(&i, "8e71bf07-c263-40aa-8fb5-7a6e1b5c3d66");
    assert_eq!(
        (&*kz.offer, kz.seats, kz.status),
        ("Microsoft Kaizala Pro", Some(50), Status::Active)
    );
    assert_eq!(
        (kz.auto_renew, kz.end_date, kz.term_months),
        (AutoRenew::Off, on(2020, 8, 15), Some(12))
    );
    assert_eq!(
        kz.customer.name.as_deref(),
        Some("Fabrikam Senior High School")
    );
    let azure = sub(&i, "a093d129-e485-42cc-a1d7-9c803d7e5f88");
    assert_eq!((azure.end_date, azure.term_months), (EndDate::Never, None));
    let expired = sub(&i, "b1a4e23a-e596-43dd-b2e8-ad914e8f6099");
    assert_eq!(
        (expired.status, expired.end_date),
        (Status::Expired, on(2020, 2, 1))
    );
    assert_eq!(expired.customer.domain.as_deref(), Some("tailspin.ac.jp"));
}

#[test]
fn bulk_migration_subscriptions_csv() {
    let i = ready("bam_subscriptions.csv");
    assert_eq!(i.report.format, Some(Format::BulkMigration));
    let kz = sub(&i, "c2b5f34b-f6a7-44ee-83f9-be025f907100");
    assert_eq!(
        (&*kz.offer, kz.friendly_name.as_deref()),
        ("Microsoft Kaizala Pro", Some("Kaizala Pro"))
    );
    assert_eq!(
        (kz.seats, kz.auto_renew, kz.end_date, kz.term_months),
        (Some(25), AutoRenew::Off, on(2020, 7, 1), Some(12))
    );
    assert_eq!(kz.status, Status::NotReported);
    assert_eq!(
        kz.customer.id.as_deref(),
        Some("c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b")
    );
    assert_eq!(
        sub(&i, "d3c6045c-07b8-45ff-9400-cf136a018211").end_date,
        on(2021, 9, 30)
    );
}

#[test]
fn partner_center_subscriptions_export_takes_customer_from_file_name() {
    let opts = options("Contoso Taiwan Ltd.csv");
    let i = ready_with("pc_subscriptions_export.csv", &opts);
    assert_eq!(i.report.format, Some(Format::PartnerCenterSubscriptions));
    assert_eq!(i.subscriptions.len(), 3);
    let kz = sub(&i, "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11");
    assert_eq!(kz.customer.name.as_deref(), Some("Contoso Taiwan Ltd"));
    assert_eq!(
        (&*kz.offer, kz.seats, kz.status),
        ("Microsoft Kaizala Pro", Some(25), Status::Active)
    );
    assert_eq!(
        (kz.end_date, kz.auto_renew),
        (EndDate::Unknown, AutoRenew::Unknown)
    );
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::CustomerFromFileName { name } if name == "Contoso Taiwan Ltd"
    )));
}

#[test]
fn partner_center_customers_export_lists_customers_only() {
    let i = ready("pc_customers.csv");
    let r = &i.report;
    assert_eq!(r.format, Some(Format::PartnerCenterCustomers));
    assert_eq!(
        (r.rows_read, r.rows_as_customers, r.rows_as_subscriptions),
        (3, 3, 0)
    );
    assert!(i.subscriptions.is_empty());
    assert_eq!(
        i.customers[1].name.as_deref(),
        Some("Fabrikam Senior High School")
    );
    assert_eq!(
        i.customers[1].domain.as_deref(),
        Some("fabrikam-shs.edu.tw")
    );
    assert_eq!(
        i.customers[2].id.as_deref(),
        Some("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e")
    );
    assert!(has_note(&i, |n| *n == ImportNote::CustomersOnly));
}

#[test]
fn o365reports_license_expiry_report() {
    let i = ready("o365reports.csv");
    assert_eq!(i.report.format, Some(Format::LicenseExpiryReport));
    let kz = &i.subscriptions[0];
    assert_eq!(
        (&*kz.offer, kz.sku.as_deref()),
        ("Microsoft Kaizala Pro", Some("KAIZALA_STANDALONE"))
    );
    assert_eq!(
        (kz.seats, kz.status, kz.end_date),
        (Some(25), Status::Active, on(2020, 7, 1))
    );
    assert_eq!(i.subscriptions[1].sku.as_deref(), Some("ENTERPRISEPACK"));
    assert_eq!(
        (i.subscriptions[2].status, i.subscriptions[2].end_date),
        (Status::Warning, on(2020, 6, 1))
    );
    assert!(has_note(&i, |n| *n == ImportNote::NoSubscriptionIds));
}

#[test]
fn cipp_license_report() {
    let i = ready("cipp.csv");
    assert_eq!(i.report.format, Some(Format::CippLicenseReport));
    let kz = sub(&i, "c5e7a9b1-3d5f-4b7c-a0e2-4d6f8b0c2e3a");
    assert_eq!(
        (&*kz.offer, kz.sku.as_deref()),
        ("Microsoft Kaizala Pro", Some("KAIZALA_STANDALONE"))
    );
    assert_eq!(
        (kz.seats, kz.status, kz.end_date, kz.term_months),
        (Some(120), Status::Active, on(2020, 10, 1), Some(12))
    );
    assert_eq!(
        kz.customer.domain.as_deref(),
        Some("fabrikamshs.onmicrosoft.com")
    );
    // No CSP id: the commerce subscription id stands in.
    let a1 = sub(&i, "55555555-aaaa-4bbb-8ccc-666666666666");
    assert_eq!((a1.term_months, a1.seats), (Some(1), Some(300)));
    assert_eq!(
        sub(&i, "d6f8b0c2-4e6a-4c8d-b1f3-5e7a9c1d3f4b").status,
        Status::Suspended
    );
}

#[test]
fn excel_semicolon_with_sep_hint_and_day_first_dates() {
    let i = ready("excel_semicolon.csv");
    let r = &i.report;
    assert_eq!(
        (r.format, r.delimiter, r.header_line),
        (Some(Format::Generic), ';', 2)
    );
    assert_eq!((r.rows_read, r.rows_as_subscriptions), (3, 3));
    let kz = sub(&i, "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11");
    assert_eq!(
        (kz.seats, kz.auto_renew, kz.end_date, kz.lines.clone()),
        (Some(25), AutoRenew::Off, on(2020, 7, 1), vec![3])
    );
    assert_eq!(
        sub(&i, "4a3d7b63-8e2f-4d66-8b71-3c2a7d1e9f22").end_date,
        on(2021, 3, 1)
    );
    assert_eq!(
        sub(&i, "5b4e8c74-9f30-4e77-9c82-4d3b8e2f0a33").lines,
        vec![6]
    );
}

#[test]
fn excel_unicode_text_utf16le_tabs() {
    let i = ready("excel_tab_utf16le.txt");
    let r = &i.report;
    assert_eq!((r.encoding.as_str(), r.delimiter), ("UTF-16LE", '\t'));
    let kz = sub(&i, "6c5f9d85-a041-4f88-ad93-5e4c9f3a1b44");
    assert_eq!(kz.customer.name.as_deref(), Some("國立臺灣大學"));
    assert_eq!(kz.customer.domain.as_deref(), Some("ntu.edu.tw"));
    assert_eq!(
        (kz.seats, kz.auto_renew, kz.end_date),
        (Some(300), AutoRenew::Off, on(2020, 7, 1))
    );
    assert_eq!(
        sub(&i, "7d60ae96-b152-4099-bea4-6f5d0a4b2c55").end_date,
        on(2021, 8, 1)
    );
}

#[test]
fn utf16be_with_bom() {
    let i = ready("utf16be.txt");
    assert_eq!(i.report.encoding, "UTF-16BE");
    let kz = sub(&i, "8e71bf07-c263-40aa-8fb5-7a6e1b5c3d66");
    assert_eq!(
        (&*kz.offer, kz.seats, kz.auto_renew, kz.end_date),
        ("Kaizala Pro", Some(25), AutoRenew::Off, on(2020, 7, 1))
    );
}

#[test]
fn windows_1252_is_decoded_and_said_so() {
    let i = ready("windows1252.csv");
    assert_eq!(
        (i.report.encoding.as_str(), i.report.format),
        ("windows-1252", Some(Format::Generic))
    );
    assert_eq!(
        i.subscriptions[0].customer.name.as_deref(),
        Some("Müller & Söhne GmbH")
    );
    assert_eq!(
        i.subscriptions[1].customer.name.as_deref(),
        Some("Café Français SARL")
    );
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::NotUtf8 {
            encoding: LegacyEncoding::Windows1252,
            ..
        }
    )));
}

#[test]
fn zh_tw_headers_booleans_and_dates() {
    let i = ready("zh_tw.csv");
    let kz = sub(&i, "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    assert_eq!(kz.customer.name.as_deref(), Some("國立臺灣師範大學"));
    assert_eq!(kz.customer.domain.as_deref(), Some("ntnu.edu.tw"));
    assert_eq!(
        (&*kz.offer, kz.friendly_name.as_deref()),
        ("Microsoft Kaizala Pro", Some("Kaizala 教職員"))
    );
    assert_eq!(
        (
            kz.seats,
            kz.status,
            kz.auto_renew,
            kz.end_date,
            kz.term_months
        ),
        (
            Some(150),
            Status::Active,
            AutoRenew::Off,
            on(2020, 7, 1),
            Some(12)
        )
    );
    assert_eq!(
        sub(&i, "1d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a").auto_renew,
        AutoRenew::On
    );
    let bs = sub(&i, "2e3f4a5b-6c7d-4e8f-a09b-1c2d3e4f5a6b");
    assert_eq!(
        (bs.status, bs.end_date, bs.term_months),
        (Status::Suspended, on(2020, 12, 31), Some(1))
    );
}

#[test]
fn lone_carriage_returns_give_editor_line_numbers() {
    let i = ready("cr_only.csv");
    assert_eq!(
        i.subscriptions
            .iter()
            .map(|s| s.lines[0])
            .collect::<Vec<_>>(),
        vec![2, 4]
    );
    assert!(has_note(&i, |n| *n == ImportNote::ClassicMacLineEnds));
}

#[test]
fn excel_serial_dates() {
    let i = ready("excel_serial_dates.csv");
    let ends: Vec<EndDate> = i.subscriptions.iter().map(|s| s.end_date).collect();
    assert_eq!(ends, vec![on(2020, 7, 1), on(2021, 3, 1), on(2021, 4, 1)]);
    assert_eq!(i.subscriptions[0].auto_renew, AutoRenew::Off);
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::ExcelSerialDates { .. }
    )));
}

#[test]
fn ambiguous_dates_ask_then_obey() {
    let bytes = fixture("ambiguous_dates.csv");
    let Ok(ImportOutcome::NeedsMapping(m)) = import(&bytes, &ImportOptions::default()) else {
        panic!("expected a question")
    };
    let q = m.ambiguous_dates.expect("a date question");
    assert_eq!(q.column, "End Date");
    assert_eq!(q.examples.first().map(String::as_str), Some("3/4/2020"));
    assert!(q.contradicting.is_none());
    let q = q.render(Lang::En);
    // The words as the importer wrote them when the question was a string.
    assert_eq!(
        q,
        "The dates in \"End Date\" can be read two ways: \"3/4/2020\", \"1/2/2021\". For example \
         \"3/4/2020\" could be day-first (D/M/YYYY) or month-first (M/D/YYYY). No value in the \
         column settles it: every day and month is 12 or less. Which order does the file use?"
    );
    assert!(
        q.contains("\"3/4/2020\"") && q.contains("day-first") && q.contains("month-first"),
        "{q}"
    );
    assert!(m.missing.is_empty());
    assert_eq!(m.preview.len(), 3);
    assert!(m.report.is_balanced());
    for (order, want) in [
        (DateOrder::DayFirst, on(2020, 4, 3)),
        (DateOrder::MonthFirst, on(2020, 3, 4)),
    ] {
        let opts = ImportOptions {
            date_order: Some(order),
            ..ImportOptions::default()
        };
        let i = ready_with("ambiguous_dates.csv", &opts);
        assert_eq!(i.subscriptions[0].end_date, want);
        assert_eq!(i.subscriptions[2].end_date, on(2021, 5, 5));
    }
}

#[test]
fn bad_rows_are_rejected_with_reasons_and_the_rest_kept() {
    let i = ready("bad_rows.csv");
    let r = &i.report;
    let lines: Vec<u64> = r.rejected.iter().map(|x| x.line).collect();
    assert_eq!(lines, vec![3, 4, 6, 7, 8, 10]);
    let row = |l: u64| r.rejected.iter().find(|x| x.line == l).unwrap();
    // The English wording, pinned: what the JSON export and the CLI write.
    let reason = |l: u64| row(l).to_string();
    assert_eq!(
        reason(3),
        "line 3: has 7 fields, the header has 6 — check for an unquoted comma inside a value."
    );
    assert!(reason(4).starts_with("line 4: has 4 fields, the header has 6"));
    assert!(reason(6).contains("subscription id"));
    assert!(reason(7).contains("\"five\"") && reason(7).contains("not a whole number"));
    assert!(reason(8).contains("\"soon\"") && reason(8).contains("not a date"));
    assert!(reason(10).contains("25/7/2020") && reason(10).contains("day-first"));
    assert!(matches!(
        row(8).reason,
        RejectReason::BadEndDate {
            problem: DateProblem::Unreadable,
            ..
        }
    ));
    assert!(matches!(
        &row(10).reason,
        RejectReason::ContradictoryEndDate { value, read_day_first: false, .. } if value == "25/7/2020"
    ));
    assert_eq!((r.rows_read, r.rows_as_subscriptions), (10, 4));
    let ids: Vec<&str> = i.subscriptions.iter().map(|s| &*s.id).collect();
    assert_eq!(
        ids,
        vec![
            "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11",
            "8e71bf07-c263-40aa-8fb5-7a6e1b5c3d66",
            "a093d129-e485-42cc-a1d7-9c803d7e5f88",
            "b1a4e23a-e596-43dd-b2e8-ad914e8f6099"
        ]
    );
    let fab = sub(&i, "8e71bf07-c263-40aa-8fb5-7a6e1b5c3d66");
    assert_eq!(
        fab.customer.name.as_deref(),
        Some("Fabrikam \"Senior\" High School")
    );
    assert_eq!(
        (fab.end_date, fab.auto_renew),
        (on(2020, 7, 15), AutoRenew::Unknown)
    );
    let nw = sub(&i, "a093d129-e485-42cc-a1d7-9c803d7e5f88");
    assert_eq!(
        (nw.customer.name.as_deref(), nw.lines.clone()),
        (Some("Northwind\nTraders"), vec![11])
    );
    assert_eq!(
        sub(&i, "b1a4e23a-e596-43dd-b2e8-ad914e8f6099").lines,
        vec![13]
    );
    assert!(has_note(&i, |n| matches!(
        n,
        ImportNote::UnreadValues { examples, .. } if examples.iter().any(|e| e == "maybe")
    )));
}

#[test]
fn unmapped_fields_ask_for_a_mapping_then_use_it() {
    let csv = "Tenant,Ref,Plan name,Licences\nContoso Taiwan Ltd.,3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11,Microsoft Kaizala Pro,25\n";
    let Ok(ImportOutcome::NeedsMapping(m)) = import(csv.as_bytes(), &ImportOptions::default())
    else {
        panic!("expected a mapping request")
    };
    assert_eq!(m.missing, vec![Field::SubscriptionId]);
    assert_eq!(m.headers, vec!["Tenant", "Ref", "Plan name", "Licences"]);
    let (f, cands) = &m.candidates[0];
    assert_eq!(*f, Field::SubscriptionId);
    assert_eq!(cands[0], "Ref", "the GUID column ranks first: {cands:?}");
    assert_eq!(m.preview[0][1], "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11");
    assert!(m.ambiguous_dates.is_none() && m.report.is_balanced());
    // No column names a customer ("Tenant" is CIPP's, not a generic alias):
    // the file asks whether it holds one customer or several.
    assert!(m.customer_question.is_some());
    let opts = ImportOptions {
        mapping: vec![
            (Field::SubscriptionId, "Ref".into()),
            (Field::CustomerName, "Tenant".into()),
        ],
        ..ImportOptions::default()
    };
    let Ok(ImportOutcome::Ready(i)) = import(csv.as_bytes(), &opts) else {
        panic!()
    };
    assert_eq!(
        i.subscriptions[0].customer.name.as_deref(),
        Some("Contoso Taiwan Ltd.")
    );
    assert_eq!(
        &*i.subscriptions[0].id,
        "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11"
    );
    assert_eq!(&*i.subscriptions[0].offer, "Microsoft Kaizala Pro");
}

/// A file far larger than a step's piece of the byte check: Chinese text
/// (three-byte characters cut by the pieces' ends), CRLF line ends (some
/// cut between `\r` and `\n`), a lone CR and a NUL byte far from the start.
#[test]
fn byte_check_in_pieces_matches_import() {
    let head = "客戶名稱,網域名稱,訂用帳戶識別碼,供應項目名稱,數量,狀態,結束日期\r\n";
    let mut csv = String::from(head);
    for i in 0..10_000 {
        csv.push_str(&format!(
            "國立臺灣範例大學{i},ex{i}.edu.tw,id-{i},Microsoft Kaizala Pro,{},作用中,2020/7/{}\r\n",
            i % 90 + 1,
            i % 28 + 1
        ));
    }
    let mut bytes = csv.into_bytes();
    let at = bytes.len() / 2;
    let at = at + bytes[at..].iter().position(|&b| b == b'\n').unwrap_or(0) + 1;
    bytes.splice(at..at, b"\0x,y".iter().copied());
    bytes.extend_from_slice(
        "國立臺灣範例大學,last.edu.tw,id-last,Microsoft Kaizala Pro,3,作用中,2020/7/9\r".as_bytes(),
    );
    assert!(bytes.len() > 10 * 64 * 1024);
    let opts = options("big.csv");
    let whole = import(&bytes, &opts);
    assert!(matches!(whole, Ok(ImportOutcome::Ready(_))), "{whole:?}");
    let mut job = ImportJob::new(bytes.as_slice(), opts);
    let (mut checks, mut last_done) = (0, 0);
    let result = loop {
        match job.step(1) {
            ImportProgress::Working {
                bytes_done,
                bytes_total,
                rows_read,
            } => {
                assert!(bytes_done <= bytes_total && bytes_done >= last_done);
                last_done = bytes_done;
                checks += usize::from(rows_read == 0);
            }
            ImportProgress::Done(r) => break r,
        }
    };
    assert!(checks >= 10, "the check took {checks} steps");
    assert_eq!(result, whole);
}

#[test]
fn chunked_job_matches_import_and_reports_progress() {
    for name in [
        "recon_legacy.csv",
        "bad_rows.csv",
        "zh_tw.csv",
        "excel_tab_utf16le.txt",
    ] {
        let bytes = fixture(name);
        let opts = options(name);
        let whole = import(&bytes, &opts);
        let mut job = ImportJob::new(bytes.clone(), opts.clone());
        let mut steps = 0;
        let mut last_done = 0;
        let result = loop {
            steps += 1;
            match job.step(1) {
                ImportProgress::Working {
                    bytes_done,
                    bytes_total,
                    ..
                } => {
                    assert!(bytes_done <= bytes_total && bytes_done >= last_done);
                    last_done = bytes_done;
                }
                ImportProgress::Done(r) => break r,
            }
        };
        assert!(steps > 3, "{name}: one row per step takes several steps");
        assert_eq!(result, whole, "{name}");
        assert!(matches!(job.step(1), ImportProgress::Done(Err(_))));
    }
}
