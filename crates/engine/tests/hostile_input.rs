/*!
Hostile files and links, at sizes and shapes no export has: a 100 MB
field, a million columns, deeply nested quotes, a byte-order mark and
nothing else, mixed line endings, and share-link fragments of random
bytes. Each must end in a clear message or a balanced import, never a
panic, in bounded time. (Smaller cousins, such as a field just over the
1 MiB cell limit or a header just over the column limit, are in
`tests/import_hostile.rs`; memory for the 100 MB field is measured in
`tests/hostile_huge.rs`, alone in its process.)
*/
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use kaizala_engine::import::{import, ImportOptions, ImportOutcome, MAX_COLUMNS};
use kaizala_engine::plan::{CustomerPlan, Plan};
use kaizala_engine::share::{self, ShareError};
use proptest::prelude::*;

const HEADER: &str = "Subscription ID,Subscription,Quantity,Status,Reseller\n";

/// Imports with a time limit; the limit is generous for an unoptimised
/// test build on a slow machine, and still catches anything quadratic.
fn timed(bytes: &[u8], limit: Duration) -> Result<ImportOutcome, String> {
    let start = Instant::now();
    let out = import(bytes, &ImportOptions::default()).map_err(|e| e.to_string());
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    if let Ok(ImportOutcome::Ready(i)) = &out {
        assert!(i.report.is_balanced(), "{:?}", i.report);
    }
    out
}

#[test]
fn a_million_columns_in_the_header_is_refused_clearly() {
    let header = vec!["c"; 1_000_000].join(",");
    let csv = format!("{header}\n{header}\n");
    let m = timed(csv.as_bytes(), Duration::from_secs(30)).unwrap_err();
    assert!(
        m.starts_with(&format!(
            "The header row has more than {MAX_COLUMNS} columns"
        )),
        "{m}"
    );
    assert!(m.contains("not a subscription export"), "{m}");
}

#[test]
fn a_million_columns_in_one_row_rejects_that_row() {
    let wide = vec!["x"; 1_000_000].join(",");
    let csv =
        format!("{HEADER}a1,Microsoft Kaizala Pro,5,Active,\n{wide}\na3,Office 365 E3,4,Active,\n");
    let Ok(ImportOutcome::Ready(i)) = timed(csv.as_bytes(), Duration::from_secs(30)) else {
        panic!()
    };
    assert_eq!(i.subscriptions.len(), 2);
    assert_eq!(i.report.rejected.len(), 1);
    assert_eq!(i.report.rejected[0].line, 3);
    assert!(
        matches!(
            i.report.rejected[0].reason,
            kaizala_engine::import::RejectReason::WrongFieldCount {
                found: 1_000_000,
                ..
            }
        ),
        "{:?}",
        i.report.rejected[0].reason
    );
}

#[test]
fn deeply_nested_quotes() {
    // 200 000 quote characters in a row, in one cell and as a whole file.
    let quotes = "\"".repeat(200_000);
    let csv = format!("{HEADER}a1,\"{quotes}\",5,Active,\na2,Microsoft Kaizala Pro,3,Active,\n");
    match timed(csv.as_bytes(), Duration::from_secs(30)) {
        Ok(ImportOutcome::Ready(i)) => assert!(i.subscriptions.iter().any(|s| &*s.id == "a2")),
        Ok(ImportOutcome::NeedsMapping(_)) => panic!("the header is known"),
        Err(m) => assert!(m.contains("quoted"), "{m}"),
    }
    assert!(timed(quotes.as_bytes(), Duration::from_secs(30)).is_err());
    // Quotes inside quotes inside quotes: `"a""b""""c"""""""d..."`.
    let mut nested = String::from("\"");
    for depth in 0..2_000 {
        nested.push_str(&"\"".repeat(2 * depth));
        nested.push('x');
    }
    nested.push('"');
    let csv = format!("{HEADER}a1,{nested},5,Active,\n");
    let _ = timed(csv.as_bytes(), Duration::from_secs(30));
}

#[test]
fn a_byte_order_mark_and_nothing_else() {
    // UTF-8 and UTF-16LE are in import_hostile.rs; UTF-16BE, and a mark
    // followed only by line ends, here.
    for bytes in [
        &b"\xFE\xFF"[..],
        b"\xEF\xBB\xBF\r\n\r\n",
        b"\xFF\xFE\r\0\n\0",
    ] {
        let m = timed(bytes, Duration::from_secs(5)).unwrap_err();
        assert!(
            m.contains("byte-order mark") || m.contains("no header row"),
            "{bytes:?}: {m}"
        );
    }
}

#[test]
fn mixed_line_endings_keep_every_row_and_its_line() {
    let csv = "Subscription ID,Subscription,Quantity,Status,Reseller\r\n\
               a1,Microsoft Kaizala Pro,1,Active,\n\
               a2,Microsoft Kaizala Pro,2,Active,\r\
               a3,Microsoft Kaizala Pro,3,Active,\r\n\
               a4,Microsoft Kaizala Pro,4,Active,\n\r\
               a5,Microsoft Kaizala Pro,5,Active,";
    let Ok(ImportOutcome::Ready(i)) = timed(csv.as_bytes(), Duration::from_secs(5)) else {
        panic!()
    };
    let ids: Vec<&str> = i.subscriptions.iter().map(|s| &*s.id).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4", "a5"]);
    let seats: Vec<Option<u32>> = i.subscriptions.iter().map(|s| s.seats).collect();
    assert_eq!(seats, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    assert!(i.report.rejected.is_empty(), "{:?}", i.report.rejected);
    // Lines rise with the rows, whatever ended each one.
    let lines: Vec<u64> = i.subscriptions.iter().map(|s| s.lines[0]).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
    assert_eq!(lines[0], 2);
}

#[test]
fn fragments_a_person_might_paste() {
    for text in [
        "#share=",
        "share=",
        "#",
        "  ",
        "v1.",
        "#share=v1.",
        "#share=%E0%A4%A",
        "#share=v1.====",
        "#share=v1.\u{0}\u{0}",
    ] {
        let e = share::decode::<Plan>(text).unwrap_err();
        assert!(e.to_string().ends_with('.'), "{text:?}: {e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Random text after `#share=`: an error, with one of the messages.
    #[test]
    fn a_fragment_of_random_text_is_an_error(text in ".{0,400}") {
        let r = share::decode::<Plan>(&format!("#share={text}"));
        prop_assert!(r.is_err());
        prop_assert!(r.unwrap_err().to_string().len() > 20);
    }

    /// Random bytes behind a valid version and alphabet: the base64 or the
    /// checksum refuses them.
    #[test]
    fn a_fragment_of_random_bytes_is_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        use base64::Engine;
        let link = format!("v1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes));
        let r = share::decode::<CustomerPlan>(&link);
        prop_assert!(matches!(r, Err(ShareError::Damaged | ShareError::NotBase64 | ShareError::TooLarge | ShareError::Empty)), "{:?}", r);
    }
}
