/*!
Tests of `import::packed`, the bytes an import's result travels in from the
Web Worker to the page: whatever the import, reading the bytes back gives
what a serde_json round trip gives (the JSON is what the copy is held to),
step by step as at once; and whatever the bytes, reading them returns an
error rather than panicking.
*/
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use chrono::NaiveDate;
use kaizala_engine::catalog::KaizalaPlan;
use kaizala_engine::import::packed::{pack, unpack, PackError, PackErrorKind, Unpacker};
use kaizala_engine::import::{
    import, Format, Import, ImportError, ImportNote, ImportOptions, ImportOutcome, ImportReport,
    RejectReason, RejectedRow,
};
use kaizala_engine::model::{
    AutoRenew, Customer, EndDate, License, LicenseKind, Status, Subscription, User, UsersList,
};
use proptest::prelude::*;

type Outcome = Result<ImportOutcome, ImportError>;

fn json_round_trip(result: &Outcome) -> Outcome {
    serde_json::from_slice(&serde_json::to_vec(result).unwrap()).unwrap()
}

/// Every budget reads the same as `unpack`, with `done` rising to 1.
fn stepped(bytes: &[u8], budget: usize) -> Result<Outcome, PackError> {
    let mut u = Unpacker::new(bytes);
    let mut last = u.done();
    assert_eq!(last, 0.0);
    for _ in 0..=bytes.len() + 2 {
        let out = u.step(budget);
        let now = u.done();
        assert!((last..=1.0).contains(&now), "{last} then {now}");
        last = now;
        if let Some(out) = out {
            assert_eq!(now, 1.0);
            assert!(u.step(budget).is_some_and(|again| again.is_err()));
            return out;
        }
    }
    panic!("no result after as many steps as bytes")
}

/// The round trip every result must survive, at once and in steps.
fn check_round_trip(result: &Outcome) -> Vec<u8> {
    let bytes = pack(result);
    let back = unpack(&bytes);
    assert_eq!(back.as_ref(), Ok(result));
    assert_eq!(back.as_ref(), Ok(&json_round_trip(result)));
    for budget in [1, 2, 7, 100] {
        assert_eq!(stepped(&bytes, budget), back, "budget {budget}");
    }
    bytes
}

// ---- Generated imports -------------------------------------------------

/// Texts many values share, among them the empty one, Unicode and JSON's
/// special characters.
const POOL: &[&str] = &[
    "",
    "Contoso Taiwan Ltd.",
    "contoso.com.tw",
    "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11",
    "Microsoft Kaizala Pro",
    "臺北市立 <b>實驗</b> 國小",
    "\"quoted\", \\back\\ \n\t\u{0}",
    "😀 emoji \u{10FFFF}",
    "Education",
];

fn text() -> impl Strategy<Value = Arc<str>> {
    prop_oneof![
        4 => prop::sample::select(POOL).prop_map(Arc::from),
        1 => "\\PC{0,16}".prop_map(|s| Arc::from(s.as_str())),
        1 => any::<String>().prop_map(|s| Arc::from(s.as_str())),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<Arc<str>>> {
    prop::option::of(text())
}

fn customer() -> impl Strategy<Value = Customer> {
    (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()).prop_map(
        |(id, name, domain, qualification, reseller_mpn_id)| Customer {
            id,
            name,
            domain,
            qualification,
            reseller_mpn_id,
        },
    )
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn end_date() -> impl Strategy<Value = EndDate> {
    use chrono::Datelike;
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    let day = prop_oneof![
        Just(min),
        Just(max),
        Just(0),
        Just(1),
        min..=max,
        730_000..740_000
    ];
    prop_oneof![
        day.prop_map(|d| EndDate::On(NaiveDate::from_num_days_from_ce_opt(d).unwrap())),
        Just(EndDate::Never),
        Just(EndDate::Unknown),
    ]
}

fn lines() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![
        Just(vec![]),
        prop::collection::vec(0u64..200_000, 1..4),
        prop::collection::vec(any::<u64>(), 0..4),
    ]
}

fn subscription() -> impl Strategy<Value = Subscription> {
    (
        (customer(), text(), text(), opt_text(), opt_text()),
        (
            prop::option::of(prop_oneof![Just(u32::MAX), Just(0), any::<u32>()]),
            status(),
            prop::sample::select(vec![AutoRenew::On, AutoRenew::Off, AutoRenew::Unknown]),
            end_date(),
            prop::option::of(any::<u16>()),
            any::<bool>(),
            lines(),
        ),
    )
        .prop_map(
            |(
                (customer, id, offer, friendly_name, sku),
                (seats, status, auto_renew, end_date, term_months, trial, lines),
            )| Subscription {
                customer,
                id,
                offer,
                friendly_name,
                sku,
                seats,
                status,
                auto_renew,
                end_date,
                term_months,
                trial,
                lines,
            },
        )
}

fn license() -> impl Strategy<Value = License> {
    let kind = prop::sample::select(vec![
        LicenseKind::KaizalaPro,
        LicenseKind::IncludesKaizala(None),
        LicenseKind::IncludesKaizala(Some(KaizalaPlan::P2)),
        LicenseKind::NoKaizala,
        LicenseKind::Unknown,
    ]);
    (text(), kind).prop_map(|(name, kind)| License { name, kind })
}

fn users_list() -> impl Strategy<Value = UsersList> {
    let user = (
        text(),
        opt_text(),
        prop::collection::vec(license(), 0..3),
        any::<bool>(),
        lines(),
    )
        .prop_map(|(upn, display_name, licenses, blocked, lines)| User {
            upn,
            display_name,
            licenses,
            blocked,
            lines,
        });
    (
        prop::option::of("\\PC{0,10}"),
        prop::option::of("\\PC{0,10}"),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(user, 0..4),
    )
        .prop_map(|(file_name, customer, domains, users)| UsersList {
            file_name,
            customer,
            domains,
            users,
        })
}

fn report() -> impl Strategy<Value = ImportReport> {
    let rejected = (any::<u64>(), "\\PC{0,12}", prop::option::of("\\PC{0,8}")).prop_map(
        |(line, reason, customer)| RejectedRow {
            customer,
            ..RejectedRow::new(
                line,
                if reason.is_empty() {
                    RejectReason::NoCustomer
                } else {
                    RejectReason::Text(reason)
                },
            )
        },
    );
    let note = prop_oneof![
        Just(ImportNote::UnknownFormat),
        (0u64..99).prop_map(|count| ImportNote::BlankStatus { count }),
        "\\PC{0,12}".prop_map(ImportNote::Text),
    ];
    (
        prop::option::of(Just(Format::Reconciliation)),
        "\\PC{0,8}",
        any::<char>(),
        prop::array::uniform4(any::<u64>()),
        prop::collection::vec(rejected, 0..3),
        prop::collection::vec(note, 0..3),
    )
        .prop_map(
            |(format, encoding, delimiter, n, rejected, notes)| ImportReport {
                format,
                encoding,
                delimiter,
                header_line: n[0],
                rows_read: n[1],
                rows_as_subscriptions: n[2],
                rows_merged: n[3],
                rows_as_customers: 0,
                rows_as_users: 1,
                rejected,
                notes,
            },
        )
}

fn an_import() -> impl Strategy<Value = Import> {
    (
        prop::collection::vec(subscription(), 0..24),
        prop::collection::vec(customer(), 0..6),
        prop::collection::vec(users_list(), 0..3),
        report(),
    )
        .prop_map(|(subscriptions, customers, users, report)| Import {
            subscriptions,
            customers,
            users,
            report,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_imports_round_trip(x in an_import(), budget in 1usize..40) {
        let result = Ok(ImportOutcome::Ready(x));
        let bytes = check_round_trip(&result);
        prop_assert_eq!(stepped(&bytes, budget), Ok(result));
    }

    #[test]
    fn arbitrary_bytes_never_panic(tail in prop::collection::vec(any::<u8>(), 0..256), x in an_import()) {
        let valid = pack(&Ok(ImportOutcome::Ready(x)));
        // Raw, and behind a valid header so that reading gets past it.
        let _ = unpack(&tail);
        for keep in [6, 9, valid.len() / 2] {
            let mut bytes = valid[..keep.min(valid.len())].to_vec();
            bytes.extend_from_slice(&tail);
            let _ = unpack(&bytes);
            let _ = stepped(&bytes, 3);
        }
    }

    #[test]
    fn corrupted_generated_bytes_never_panic(x in an_import(), at in any::<prop::sample::Index>(), xor in 1u8..=255) {
        let mut bytes = pack(&Ok(ImportOutcome::Ready(x)));
        let i = at.index(bytes.len());
        bytes[i] ^= xor;
        let _ = unpack(&bytes);
    }
}

#[test]
fn equal_texts_are_one_shared_text() {
    let sub = |id: &str| Subscription {
        customer: Customer {
            name: Some(Arc::from("Contoso")),
            ..Customer::default()
        },
        id: Arc::from(id),
        offer: Arc::from("Contoso"),
        friendly_name: None,
        sku: None,
        seats: None,
        status: Status::Active,
        auto_renew: AutoRenew::Unknown,
        end_date: EndDate::Unknown,
        term_months: None,
        trial: false,
        lines: vec![2],
    };
    let x = Import {
        subscriptions: vec![sub("a"), sub("b")],
        ..Import::default()
    };
    let Ok(Ok(ImportOutcome::Ready(back))) = unpack(&pack(&Ok(ImportOutcome::Ready(x)))) else {
        panic!("reads back")
    };
    let (a, b) = (&back.subscriptions[0], &back.subscriptions[1]);
    let name = a.customer.name.as_ref().unwrap();
    assert!(Arc::ptr_eq(name, b.customer.name.as_ref().unwrap()));
    assert!(Arc::ptr_eq(name, &a.offer) && Arc::ptr_eq(&a.offer, &b.offer));
}

// ---- Real imports --------------------------------------------------------

fn repo_file(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn imported(path: &str) -> Outcome {
    import(&repo_file(path), &ImportOptions::default())
}

const FIXTURES: &[&str] = &[
    "tests/fixtures/recon_legacy.csv",
    "tests/fixtures/recon_tier2.csv",
    "tests/fixtures/powershell_dede.csv",
    "tests/fixtures/rest_api.csv",
    "tests/fixtures/pc_customers.csv",
    "tests/fixtures/cipp.csv",
    "tests/fixtures/zh_tw.csv",
    "tests/fixtures/bad_rows.csv",
    "tests/fixtures/users/admin_center_2025.csv",
    "tests/fixtures/users/zh_tw_users.csv",
];

#[test]
fn real_imports_round_trip() {
    let sample = imported("static/sample-export.csv");
    assert!(matches!(&sample, Ok(ImportOutcome::Ready(i)) if i.subscriptions.len() > 5));
    check_round_trip(&sample);
    for path in FIXTURES {
        check_round_trip(&imported(path));
    }
    let customers = imported("tests/fixtures/pc_customers.csv");
    assert!(matches!(&customers, Ok(ImportOutcome::Ready(i)) if !i.customers.is_empty()));
    let users = imported("tests/fixtures/users/admin_center_2025.csv");
    assert!(matches!(&users, Ok(ImportOutcome::Ready(i)) if !i.users.is_empty()));
}

#[test]
fn questions_and_errors_round_trip() {
    let dates = imported("tests/fixtures/ambiguous_dates.csv");
    assert!(matches!(&dates, Ok(ImportOutcome::NeedsMapping(m)) if m.ambiguous_dates.is_some()));
    check_round_trip(&dates);
    let csv = "Tenant,Ref,Plan name,Licences\nContoso,3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11,Microsoft Kaizala Pro,25\n";
    let columns = import(csv.as_bytes(), &ImportOptions::default());
    assert!(matches!(&columns, Ok(ImportOutcome::NeedsMapping(m)) if !m.missing.is_empty()));
    check_round_trip(&columns);
    for bytes in [&b""[..], b"%PDF-1.7\n", b"Subscription ID,Offer\n"] {
        let err = import(bytes, &ImportOptions::default());
        assert!(err.is_err(), "{err:?}");
        check_round_trip(&err);
    }
}

// ---- Hostile bytes -------------------------------------------------------

fn packed_sample() -> Vec<u8> {
    pack(&imported("static/sample-export.csv"))
}

#[test]
fn every_truncation_is_truncated() {
    for bytes in [
        packed_sample(),
        pack(&imported("tests/fixtures/pc_customers.csv")),
        pack(&imported("tests/fixtures/ambiguous_dates.csv")),
    ] {
        for n in 0..bytes.len() {
            let err = unpack(&bytes[..n]).unwrap_err();
            assert_eq!(err.kind, PackErrorKind::Truncated, "cut at {n}: {err:?}");
            assert!(err.offset <= n, "cut at {n}: {err:?}");
            assert_eq!(stepped(&bytes[..n], 3), Err(err));
        }
    }
}

#[test]
fn single_byte_corruptions_never_panic() {
    let bytes = packed_sample();
    let mut refused = 0;
    for i in 0..bytes.len() {
        for xor in [0x01, 0x02, 0x10, 0x40, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= xor;
            refused += usize::from(unpack(&b).is_err());
        }
    }
    // Most flips land in texts and numbers, which read as other values;
    // the checked ones (header, tags, indices, JSON) must show up.
    assert!(refused > 0);
}

// ---- Error kinds ---------------------------------------------------------

/// A ready import's header with these counts of subscriptions and
/// customers (as varints), and an empty users list and report as JSON.
fn ready_header(subs: &[u8], customers: &[u8]) -> Vec<u8> {
    let empty = pack(&Ok(ImportOutcome::Ready(Import::default())));
    assert_eq!(&empty[6..8], &[0; 2]);
    [&empty[..6], subs, customers, &empty[8..]].concat()
}

/// One subscription whose id is the new text `x` and whose offer is that
/// text again (its first 15 bytes), with `flags` and no lines.
fn record(flags: u8) -> Vec<u8> {
    let mut r = vec![0, 0, 0, 0, 0, 3, b'x', 2, 0, 0, 0, flags, 0, 0, 0];
    if flags >> 6 == 0 {
        // Days 2**31 - 1: beyond chrono's last date.
        r.splice(12..12, [0xfe, 0xff, 0xff, 0xff, 0x0f]);
    }
    r
}

#[test]
fn error_kinds() {
    use PackErrorKind::*;
    let valid = packed_sample();
    let json_ok = pack(&import(b"", &ImportOptions::default()));
    let one = |edit: &dyn Fn(&mut Vec<u8>)| {
        let mut r = record(0xa0);
        edit(&mut r);
        [ready_header(&[1], &[0]), r].concat()
    };
    let at = ready_header(&[1], &[0]).len();
    let cases: Vec<(&str, Vec<u8>, PackErrorKind, usize)> = vec![
        ("empty", vec![], Truncated, 0),
        ("short magic", b"KZP".to_vec(), Truncated, 0),
        ("json", br#"{"Ok":1}"#.to_vec(), NotPacked, 0),
        (
            "other version",
            [&valid[..4], &[0xee], &valid[5..]].concat(),
            NotPacked,
            4,
        ),
        ("unknown kind", [&valid[..5], &[7]].concat(), BadValue, 5),
        (
            "bad json",
            [&json_ok[..6], &[2], b"{}"].concat(),
            BadValue,
            6,
        ),
        (
            "json cut",
            json_ok[..json_ok.len() - 1].to_vec(),
            Truncated,
            6,
        ),
        (
            "trailing byte",
            [&valid[..], &[0]].concat(),
            BadValue,
            valid.len(),
        ),
        ("text not utf-8", one(&|r| r[6] = 0xff), BadText, at + 5),
        ("text cut", one(&|r| r.truncate(7)), Truncated, at + 7),
        (
            "text longer than the bytes",
            one(&|r| r[5] = 0x7f),
            Truncated,
            at + 5,
        ),
        (
            "no id",
            one(&|r| r[5..7].copy_from_slice(&[0, 0])),
            BadValue,
            at + 5,
        ),
        ("index past table", one(&|r| r[7] = 4), BadIndex, at + 7),
        (
            "seats past u32",
            one(&|r| {
                r.splice(10..11, [0x81, 0x80, 0x80, 0x80, 0x10]);
            }),
            BadValue,
            at + 10,
        ),
        ("status 10", one(&|r| r[11] = 0xaa), BadValue, at + 11),
        ("end kind 3", one(&|r| r[11] = 0xe0), BadValue, at + 11),
        (
            "no such day",
            [ready_header(&[1], &[0]), record(0x20)].concat(),
            BadValue,
            at + 12,
        ),
        ("trial 2", one(&|r| r[13] = 2), BadValue, at + 13),
        (
            "overlong varint",
            one(&|r| {
                r.splice(0..0, [0x80; 10]);
            }),
            BadValue,
            at,
        ),
        (
            "a record more than counted",
            [one(&|_| ()), record(0xa0)].concat(),
            BadValue,
            at + 15,
        ),
    ];
    for (name, bytes, kind, offset) in cases {
        assert_eq!(unpack(&bytes), Err(PackError { kind, offset }), "{name}");
    }
    // The well-formed record those cases spoil reads.
    let ok = one(&|_| ());
    let Ok(Ok(ImportOutcome::Ready(i))) = unpack(&ok) else {
        panic!("{:?}", unpack(&ok))
    };
    let s = &i.subscriptions[0];
    assert_eq!(
        (&*s.id, &*s.offer, s.end_date),
        ("x", "x", EndDate::Unknown)
    );
    assert!(Arc::ptr_eq(&s.id, &s.offer));
}

#[test]
fn hostile_counts_are_not_preallocated() {
    // 2**62 - 1 of each: preallocated, that overflows or aborts.
    let huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f];
    let bytes = ready_header(&huge, &huge);
    let mut u = Unpacker::new(&bytes);
    assert_eq!(u.step(1), None);
    assert!(u.done() > 0.0 && u.done() < 1e-9);
    let end = PackError {
        kind: PackErrorKind::Truncated,
        offset: bytes.len(),
    };
    assert_eq!(u.step(1), Some(Err(end.clone())));
    assert_eq!(u.step(1), Some(Err(end)));
}
