/*!
Tests that `import::packed` carries a report's rejected rows and notes
typed. Their JSON is an English sentence that reads back as `Text`, and
`PartialEq` compares sentences, so these compare `Debug` forms (which show
the variant and its data) and the zh-TW rendering: after a round trip the
page must say each reason and note in the user's language, as the worker
could. Every variant is written and read here, with edge values and random
ones, in a ready import's report and a mapping request's; so are the real
fixtures; and bytes that spoil the typed section are refused, not misread.
*/
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use kaizala_engine::i18n::{Lang, Render};
use kaizala_engine::import::packed::{pack, unpack, PackErrorKind, Unpacker};
use kaizala_engine::import::{
    import, DateOrderHint, DateProblem, Field, Format, Import, ImportError, ImportNote,
    ImportOptions, ImportOutcome, ImportReport, LegacyEncoding, MappingRequest, RejectReason,
    RejectedRow, FIELDS, USER_FIELDS,
};
use proptest::prelude::*;

type Outcome = Result<ImportOutcome, ImportError>;

const FORMATS: [Format; 11] = [
    Format::Reconciliation,
    Format::PowerShell,
    Format::RestApi,
    Format::BulkMigration,
    Format::PartnerCenterSubscriptions,
    Format::PartnerCenterCustomers,
    Format::LicenseExpiryReport,
    Format::CippLicenseReport,
    Format::AdminCenterUsers,
    Format::UserLicenseReport,
    Format::Generic,
];

/// The values every variant is built from, so that one set of edges (or
/// one draw of a property test) reaches every field of every variant.
#[derive(Clone, Debug)]
struct Values {
    text: String,
    n: u64,
    c: char,
    yes: bool,
    /// How many items each list gets.
    items: usize,
}

fn fields() -> Vec<Field> {
    FIELDS.into_iter().chain(USER_FIELDS).collect()
}

fn reasons(v: &Values) -> Vec<RejectReason> {
    let (t, n) = (|| v.text.clone(), v.n);
    let some = |x: u64| v.yes.then_some(x);
    let mut out = vec![
        RejectReason::FieldTooLong {
            header: v.yes.then(t),
            column: n as usize,
            size: n,
            limit: !n,
        },
        RejectReason::WrongFieldCount {
            found: n as usize,
            expected: !n as usize,
            delimiter: v.c,
            last_line: some(n),
        },
        RejectReason::SwallowedRows { last_line: n },
        RejectReason::NoCustomer,
        RejectReason::EmptySubscriptionId { header: t() },
        RejectReason::EmptyOffer { header: t() },
        RejectReason::BadQuantity {
            value: t(),
            header: format!("{}#", v.text),
        },
        RejectReason::NegativeQuantity {
            quantity: n as i64,
            header: t(),
        },
        RejectReason::NegativeQuantity {
            quantity: i64::MIN,
            header: t(),
        },
        RejectReason::ContradictoryEndDate {
            value: t(),
            header: t(),
            read_day_first: v.yes,
        },
        RejectReason::NoUserPrincipalName { header: t() },
        RejectReason::Text(t()),
    ];
    for problem in [
        DateProblem::Unreadable,
        DateProblem::NoSuchDay,
        DateProblem::ExcelLeapBug,
    ] {
        out.push(RejectReason::BadEndDate {
            value: t(),
            header: t(),
            problem,
        });
    }
    out
}

fn notes(v: &Values) -> Vec<ImportNote> {
    use ImportNote as N;
    let (t, n, k) = (|| v.text.clone(), v.n, v.items);
    let texts = || vec![v.text.clone(); k];
    let example = || v.yes.then(|| (n, t()));
    let field = fields()[n as usize % fields().len()];
    let mut out = vec![
        N::Utf16WithoutBom {
            encoding: "UTF-16LE",
        },
        N::Utf16WithoutBom {
            encoding: "UTF-16BE",
        },
        N::InvalidUtf16 {
            encoding: "UTF-16BE",
        },
        N::HalfUtf16Character,
        N::Big5Unavailable,
        N::NulBytesRemoved { count: n as usize },
        N::ClassicMacLineEnds,
        N::MixedLineEnds {
            lone_cr: !n as usize,
        },
        N::SkippedTypeLine { line: t() },
        N::SepLine { delimiter: v.c },
        N::UnknownSepLine,
        N::SkippedPreamble {
            count: n as usize,
            first_line: n,
            last_line: !n,
            previews: texts(),
        },
        N::UnknownFormat,
        N::ChosenColumnMissing { field, header: t() },
        N::ColumnsUsed {
            columns: fields().into_iter().take(k * 7).map(|f| (f, t())).collect(),
        },
        N::BlankLines { count: n },
        N::MissingColumns {
            fields: fields().into_iter().rev().take(k * 7).collect(),
        },
        N::CustomersOnly,
        N::AwaitingDateOrder { rows: n },
        N::CustomerFromFileName { name: t() },
        N::NoCustomer,
        N::CustomerNamedByUser { name: t() },
        N::RowsNumbered,
        N::NoSubscriptionIds,
        N::DateOrderSettled {
            header: t(),
            day_first: v.yes,
            example: example(),
        },
        N::DateOrderMixed {
            header: t(),
            day_first_example: example(),
            month_first_example: (!v.yes).then(|| (!n, t())),
            day_first: !v.yes,
        },
        N::DateOrderChosen {
            header: t(),
            day_first: v.yes,
        },
        N::SeatsUnknown { count: n },
        N::ReconciliationMerged,
        N::ExactDuplicates { count: n },
        N::DifferingDuplicates {
            examples: (0..k).map(|i| (t(), n, i as u64)).collect(),
        },
        N::UnreadValues {
            count: n,
            field,
            header: t(),
            examples: texts(),
        },
        N::BlankStatus { count: n },
        N::ExcelSerialDates { count: n },
        N::TwoDigitYears { count: n },
        N::UnknownLicenses {
            names: texts(),
            more: n,
        },
        N::UserRowsJoined { count: n },
        N::Text(t()),
    ];
    for encoding in [LegacyEncoding::Big5, LegacyEncoding::Windows1252] {
        out.push(N::NotUtf8 { line: n, encoding });
    }
    out.extend(FORMATS.map(|format| N::Recognised { format }));
    for why in [
        DateOrderHint::Dotted,
        DateOrderHint::Reconciliation,
        DateOrderHint::BulkMigration,
        DateOrderHint::TwelveHourClock,
    ] {
        out.push(N::DateOrderAssumed {
            header: t(),
            example: t(),
            day_first: v.yes,
            why,
        });
    }
    out
}

fn report(v: &Values) -> ImportReport {
    let rejected = reasons(v)
        .into_iter()
        .enumerate()
        .map(|(i, reason)| RejectedRow {
            customer: (i % 2 == 0).then(|| v.text.clone()),
            subscription_id: (i % 3 == 0).then(|| format!("{}-{i}", v.text)),
            ..RejectedRow::new(v.n ^ i as u64, reason)
        });
    ImportReport {
        format: Some(Format::Generic),
        encoding: "UTF-8".into(),
        delimiter: ',',
        rejected: rejected.collect(),
        notes: notes(v),
        ..ImportReport::default()
    }
}

/// The report in a ready import and in a mapping request.
fn outcomes(report: ImportReport) -> [Outcome; 2] {
    let request = MappingRequest {
        missing: vec![Field::SubscriptionId],
        headers: vec!["Tenant".into(), "計畫".into()],
        candidates: vec![(Field::Offer, vec!["計畫".into()])],
        preview: vec![vec!["Contoso".into(), "Kaizala".into()]],
        ambiguous_dates: None,
        mapped: vec![(Field::CustomerName, "Tenant".into())],
        problems: Vec::new(),
        customer_question: None,
        report: report.clone(),
    };
    [
        Ok(ImportOutcome::Ready(Import {
            report,
            ..Import::default()
        })),
        Ok(ImportOutcome::NeedsMapping(request)),
    ]
}

fn report_in(result: &Outcome) -> Option<&ImportReport> {
    match result {
        Ok(ImportOutcome::Ready(i)) => Some(&i.report),
        Ok(ImportOutcome::NeedsMapping(m)) => Some(&m.report),
        Err(_) => None,
    }
}

/// Packs and reads back, at once and in steps: the same in every `Debug`
/// detail, no typed value turned into a sentence, and each reason and note
/// said the same in both languages.
fn check_typed_round_trip(result: &Outcome) -> Vec<u8> {
    let bytes = pack(result);
    let back = unpack(&bytes).expect("reads back");
    assert_eq!(format!("{back:?}"), format!("{result:?}"));
    for budget in [1, 3, 1000] {
        let mut u = Unpacker::new(&bytes);
        let stepped = loop {
            if let Some(out) = u.step(budget) {
                break out.expect("reads back in steps");
            }
        };
        assert_eq!(format!("{stepped:?}"), format!("{result:?}"), "{budget}");
    }
    if let (Some(before), Some(after)) = (report_in(result), report_in(&back)) {
        for (a, b) in before.rejected.iter().zip(&after.rejected) {
            let text = |r: &RejectedRow| matches!(r.reason, RejectReason::Text(_));
            assert_eq!(text(a), text(b), "{a:?} became {b:?}");
            for lang in [Lang::ZhTw, Lang::En] {
                assert_eq!(a.render(lang), b.render(lang));
            }
        }
        for (a, b) in before.notes.iter().zip(&after.notes) {
            let text = |n: &ImportNote| matches!(n, ImportNote::Text(_));
            assert_eq!(text(a), text(b), "{a:?} became {b:?}");
            for lang in [Lang::ZhTw, Lang::En] {
                assert_eq!(a.render(lang), b.render(lang));
            }
        }
    }
    bytes
}

/// The variant's name, as `Debug` starts with it.
fn variant(debug: String) -> String {
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string()
}

fn edge_values() -> Vec<Values> {
    let v = |text: &str, n, c, yes, items| Values {
        text: text.into(),
        n,
        c,
        yes,
        items,
    };
    vec![
        v("", 0, '\0', false, 0),
        v(
            "臺北市立實驗國小 😀 \u{10FFFF}",
            u64::MAX,
            '\u{10FFFF}',
            true,
            3,
        ),
        v("\"q\", \\b\\ \n\t\u{0}<b>", 1 << 63, ';', true, 1),
        v("Contoso", 127, '\t', false, 2),
        v("é", 128, '|', true, 4),
    ]
}

#[test]
fn every_variant_round_trips_typed() {
    let (mut reasons_seen, mut notes_seen) = (BTreeSet::new(), BTreeSet::new());
    for v in edge_values() {
        let report = report(&v);
        reasons_seen.extend(
            report
                .rejected
                .iter()
                .map(|r| variant(format!("{:?}", r.reason))),
        );
        notes_seen.extend(report.notes.iter().map(|n| variant(format!("{n:?}"))));
        for result in outcomes(report) {
            check_typed_round_trip(&result);
        }
    }
    // Every variant of each (the enums are `non_exhaustive`, so a match
    // here cannot check it; the codec's own matches are exhaustive).
    assert_eq!(reasons_seen.len(), 12, "{reasons_seen:?}");
    assert_eq!(notes_seen.len(), 40, "{notes_seen:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_values_round_trip_typed(
        text in any::<String>(),
        n in prop_oneof![any::<u64>(), 0u64..300],
        c in any::<char>(),
        yes in any::<bool>(),
        items in 0usize..4,
    ) {
        let v = Values { text, n, c, yes, items };
        for result in outcomes(report(&v)) {
            check_typed_round_trip(&result);
        }
    }
}

// ---- Real files -----------------------------------------------------------

fn fixtures(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "csv" || e == "txt") {
            out.push(path);
        }
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let unit = |u: u16| {
        if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        }
    };
    text.encode_utf16().flat_map(unit).collect()
}

/// Files made here for the notes no fixture gives: UTF-16 without a byte
/// order mark, with a lone surrogate, with an odd byte; NUL bytes.
fn made_files() -> Vec<Vec<u8>> {
    let csv = "Subscription ID,Offer,Quantity,Customer\n3f2c,Kaizala Pro,5,Contoso\n";
    let mut bad_utf16 = vec![0xff, 0xfe];
    bad_utf16.extend(utf16(csv, false));
    bad_utf16.extend([0x00, 0xd8, b'\n', 0]);
    let mut odd = [&[0xfe, 0xff][..], &utf16(csv, true)].concat();
    odd.push(b'x');
    vec![
        utf16(csv, false),
        utf16(csv, true),
        bad_utf16,
        odd,
        csv.replace("Contoso", "Con\0toso").into_bytes(),
        format!("Report of 2024\n\n{csv}").into_bytes(),
    ]
}

#[test]
fn real_imports_keep_their_reasons_and_notes_typed() {
    let mut paths = Vec::new();
    fixtures(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures")),
        &mut paths,
    );
    paths.sort();
    assert!(paths.len() > 20, "{paths:?}");
    let files = paths.iter().map(|p| std::fs::read(p).unwrap());
    let (mut rejected, mut notes, mut mapping) = (0, BTreeSet::new(), 0);
    for bytes in files.chain(made_files()) {
        let result = import(&bytes, &ImportOptions::default());
        check_typed_round_trip(&result);
        if let Some(report) = report_in(&result) {
            rejected += report.rejected.len();
            notes.extend(report.notes.iter().map(|n| variant(format!("{n:?}"))));
            let typed = |n: &ImportNote| !matches!(n, ImportNote::Text(_));
            assert!(report.notes.iter().all(typed));
        }
        if let Ok(ImportOutcome::NeedsMapping(m)) = &result {
            mapping += usize::from(!m.report.notes.is_empty());
        }
    }
    // The files reach the notes and reasons that matter most to a reader
    // in zh-TW: the encoding, skipped lines, rows refused.
    assert!(rejected >= 5, "{rejected}");
    assert!(mapping >= 1);
    for expected in [
        "NotUtf8",
        "Utf16WithoutBom",
        "InvalidUtf16",
        "HalfUtf16Character",
        "NulBytesRemoved",
        "SkippedTypeLine",
        "SepLine",
        "SkippedPreamble",
        "Recognised",
    ] {
        assert!(notes.contains(expected), "{expected} not in {notes:?}");
    }
}

// ---- Hostile bytes ---------------------------------------------------------

fn typed_sample() -> Vec<u8> {
    let v = &edge_values()[1];
    let [ready, _] = outcomes(report(v));
    pack(&ready)
}

#[test]
fn every_truncation_of_the_typed_section_is_truncated() {
    let v = &edge_values()[2];
    for result in outcomes(report(v)) {
        let bytes = pack(&result);
        for n in 0..bytes.len() {
            let err = unpack(&bytes[..n]).unwrap_err();
            assert_eq!(err.kind, PackErrorKind::Truncated, "cut at {n}: {err:?}");
            assert!(err.offset <= n, "cut at {n}: {err:?}");
        }
    }
}

#[test]
fn corrupted_typed_sections_never_panic() {
    let bytes = typed_sample();
    for i in 0..bytes.len() {
        for xor in [0x01, 0x02, 0x10, 0x40, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= xor;
            let _ = unpack(&b);
        }
    }
}

/// A ready import whose report has just `notes`, and where its typed
/// section starts: after the JSON, which ends with the report.
fn just_notes(notes: Vec<ImportNote>) -> (Vec<u8>, usize) {
    let result = Ok(ImportOutcome::Ready(Import {
        report: ImportReport {
            notes,
            ..ImportReport::default()
        },
        ..Import::default()
    }));
    let bytes = pack(&result);
    let json_end = bytes.iter().rposition(|&b| b == b'}').unwrap() + 1;
    (bytes, json_end)
}

#[test]
fn spoilt_typed_sections_are_refused() {
    use PackErrorKind::*;
    let (bytes, at) = just_notes(vec![ImportNote::BlankStatus { count: 5 }]);
    assert_eq!(&bytes[at..], &[0, 1, 34, 5]);
    let with = |section: &[u8]| unpack(&[&bytes[..at], section].concat()).map_err(|e| e.kind);
    assert!(with(&[0, 1, 34, 5]).is_ok());
    for (name, section, kind) in [
        (
            "a rejected row the JSON has not",
            &[1, 1, 34, 5][..],
            BadValue,
        ),
        ("a note fewer", &[0, 0], BadValue),
        ("a note more", &[0, 2, 34, 5, 34, 5], BadValue),
        ("unknown note", &[0, 1, 40, 5], BadValue),
        ("no section", &[], Truncated),
        ("trailing byte", &[0, 1, 34, 5, 0], BadValue),
    ] {
        assert_eq!(with(section).map(drop), Err(kind), "{name}");
    }
    // The other enums' tags, a bool and a char past their range, and an
    // encoding name the importer does not make: each in place of the
    // note's last byte.
    let cases: [(ImportNote, &[u8]); 6] = [
        (
            ImportNote::Recognised {
                format: Format::Generic,
            },
            &[11],
        ),
        (
            ImportNote::NotUtf8 {
                line: 1,
                encoding: LegacyEncoding::Big5,
            },
            &[2],
        ),
        (
            ImportNote::MissingColumns {
                fields: vec![Field::Sku],
            },
            &[20],
        ),
        (
            ImportNote::DateOrderChosen {
                header: String::new(),
                day_first: true,
            },
            &[2],
        ),
        // U+D800, a surrogate.
        (ImportNote::SepLine { delimiter: ';' }, &[0x80, 0xb0, 0x03]),
        (
            ImportNote::Utf16WithoutBom {
                encoding: "UTF-16LE",
            },
            b"X",
        ),
    ];
    for (note, last) in cases {
        let (mut b, _) = just_notes(vec![note.clone()]);
        assert!(unpack(&b).is_ok(), "{note:?}");
        b.pop();
        b.extend_from_slice(last);
        assert_eq!(
            unpack(&b).map(drop).map_err(|e| e.kind),
            Err(BadValue),
            "{note:?}"
        );
    }
    // A `'static` encoding name this build does not make is refused.
    let (b, _) = just_notes(vec![ImportNote::InvalidUtf16 { encoding: "UTF-32" }]);
    assert_eq!(unpack(&b).map(drop).map_err(|e| e.kind), Err(BadValue));
}

#[test]
fn an_error_has_no_typed_section() {
    let err = import(b"", &ImportOptions::default());
    let bytes = check_typed_round_trip(&err);
    assert_eq!(bytes.last(), Some(&b'}'));
}
