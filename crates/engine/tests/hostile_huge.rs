/*!
A 100 MB single field: the importer rejects its row (or, when the field is
the whole file, the file) with a clear message, in bounded time and memory,
without a panic. Alone in its test binary so that the process's peak memory
(Linux `VmHWM`) measures this import and nothing else.
*/
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use kaizala_engine::import::{import, ImportOptions, ImportOutcome};

const HUNDRED_MB: usize = 100 * 1024 * 1024;

/// Peak resident memory of this process so far, in bytes (Linux only).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?;
    kb.parse::<u64>().ok().map(|k| k * 1024)
}

#[test]
fn a_hundred_megabyte_field() {
    let header = "Subscription ID,Subscription,Quantity,Status,Reseller\n";
    let mut row_file = Vec::with_capacity(HUNDRED_MB + 200);
    row_file.extend_from_slice(header.as_bytes());
    row_file.extend_from_slice(b"a1,Microsoft Kaizala Pro,5,Active,\na2,\"");
    row_file.resize(row_file.len() + HUNDRED_MB, b'x');
    row_file.extend_from_slice(b"\",5,Active,\na3,Microsoft Kaizala Pro,4,Active,\n");
    // The whole file one field: no delimiter, no line end.
    let one_field = vec![b'y'; HUNDRED_MB];
    let before = peak_rss();

    let start = Instant::now();
    match import(&row_file, &ImportOptions::default()) {
        Ok(ImportOutcome::Ready(i)) => {
            assert!(i.report.is_balanced());
            assert_eq!(i.subscriptions.len(), 2, "the rows around it are kept");
            assert_eq!(i.report.rejected.len(), 1);
            assert_eq!(i.report.rejected[0].line, 3);
            assert!(
                matches!(
                    i.report.rejected[0].reason,
                    kaizala_engine::import::RejectReason::FieldTooLong { size, .. }
                        if size == HUNDRED_MB as u64
                ),
                "{:?}",
                i.report.rejected[0].reason
            );
        }
        other => panic!("{other:?}"),
    }
    // The inputs (200 MB) are already counted in `before`. A data cell
    // may cost the csv reader's record buffer (it doubles: 128 MiB), not
    // several copies.
    let after_rows = peak_rss();
    if let (Some(before), Some(after)) = (before, after_rows) {
        let added = after.saturating_sub(before);
        assert!(
            added < 2 * HUNDRED_MB as u64,
            "the data-cell import added {} MiB at peak",
            added >> 20
        );
    }
    match import(&one_field, &ImportOptions::default()) {
        Err(e) => assert!(e.to_string().len() > 20, "{e}"),
        Ok(o) => panic!("a file of one 100 MB field is not an export: {o:?}"),
    }
    // An unoptimised build reads 200 MB in a few seconds; a minute means
    // something went quadratic.
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );

    // A 100 MB header cell costs more (about 3.8 times the field, measured:
    // the header record is read while the sampled header is held); the
    // bound keeps that from growing.
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let added = after.saturating_sub(before);
        assert!(
            added < 4 * HUNDRED_MB as u64,
            "the imports added {} MiB at peak",
            added >> 20
        );
    }
}
