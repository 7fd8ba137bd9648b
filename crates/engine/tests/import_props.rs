/*!
Property tests: whatever the bytes, the importer returns (never panics),
and every data row is accounted for exactly once.
*/
#![cfg(not(target_arch = "wasm32"))]

use kaizala_engine::import::{import, ImportJob, ImportOptions, ImportOutcome, ImportProgress};
use proptest::prelude::*;

const FIXTURES: &[&str] = &[
    "recon_legacy.csv",
    "recon_tier2.csv",
    "powershell_enus.csv",
    "powershell_dede.csv",
    "rest_api.csv",
    "bam_subscriptions.csv",
    "pc_subscriptions_export.csv",
    "pc_customers.csv",
    "o365reports.csv",
    "cipp.csv",
    "excel_semicolon.csv",
    "excel_tab_utf16le.txt",
    "utf16be.txt",
    "windows1252.csv",
    "zh_tw.csv",
    "cr_only.csv",
    "excel_serial_dates.csv",
    "ambiguous_dates.csv",
    "bad_rows.csv",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The invariant, plus: every line listed in a subscription or rejected is
/// listed once, and lies inside the file.
fn check(bytes: &[u8]) {
    match import(bytes, &ImportOptions::default()) {
        Ok(ImportOutcome::Ready(i)) => {
            let r = &i.report;
            assert!(r.is_balanced(), "{r:?}");
            let mut lines: Vec<u64> = i
                .subscriptions
                .iter()
                .flat_map(|s| s.lines.iter().copied())
                .collect();
            lines.extend(r.rejected.iter().map(|x| x.line));
            let before = lines.len();
            lines.sort_unstable();
            lines.dedup();
            assert_eq!(before, lines.len(), "a line is counted twice: {r:?}");
            assert!(lines.iter().all(|l| *l > r.header_line));
            assert!(r.rejected.iter().all(|x| !x.to_string().is_empty()));
        }
        Ok(ImportOutcome::NeedsMapping(m)) => {
            assert!(m.report.is_balanced());
            // It asks something: a column, the date order, or whose the
            // rows are when no column names a customer.
            assert!(
                !m.missing.is_empty()
                    || m.ambiguous_dates.is_some()
                    || !m.problems.is_empty()
                    || m.customer_question.is_some()
            );
            assert!(m.preview.len() <= 5);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// A CSV-ish alphabet, so random inputs reach the row logic often.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let atoms = prop_oneof![
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"Subscription ID".to_vec()),
        Just(b"Offer Name".to_vec()),
        Just(b"End Date".to_vec()),
        Just(b"Quantity".to_vec()),
        Just(b"Kaizala Pro".to_vec()),
        Just(b"7/1/2020".to_vec()),
        Just(b"25/7/2020".to_vec()),
        Just(b"44013".to_vec()),
        Just(b"True".to_vec()),
        Just("是".as_bytes().to_vec()),
        Just(b"\0".to_vec()),
        Just(b"\xff".to_vec()),
        Just(b"#TYPE x".to_vec()),
        Just(b"sep=;".to_vec()),
        any::<u8>().prop_map(|b| vec![b]),
    ];
    prop::collection::vec(atoms, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes);
    }

    #[test]
    fn csv_like_bytes(bytes in csvish()) {
        check(&bytes);
    }

    #[test]
    fn mutated_fixtures(which in 0..FIXTURES.len(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
        let mut bytes = fixture(FIXTURES[which]);
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        check(&bytes);
    }

    #[test]
    fn job_in_slices_equals_import(which in 0..FIXTURES.len(), slice in 1usize..4) {
        let bytes = fixture(FIXTURES[which]);
        let whole = import(&bytes, &ImportOptions::default());
        let mut job = ImportJob::new(bytes, ImportOptions::default());
        let sliced = loop {
            if let ImportProgress::Done(r) = job.step(slice) { break r; }
        };
        prop_assert_eq!(whole, sliced);
    }
}

/// One data row of a generated file: what ends it, how many blank lines
/// follow it, and how many line breaks its quoted note holds.
#[derive(Clone, Debug)]
struct Shape {
    end: &'static str,
    blanks: Vec<&'static str>,
    breaks_inside: usize,
}

fn shapes() -> impl Strategy<Value = Vec<Shape>> {
    let end = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    let blank = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    let shape = (end, prop::collection::vec(blank, 0..3), 0usize..3).prop_map(
        |(end, blanks, breaks_inside)| Shape {
            end,
            blanks,
            breaks_inside,
        },
    );
    prop::collection::vec(shape, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every subscription names the physical line its row starts on, as an
    /// editor counts them, whatever ends the lines, with blank lines and
    /// quoted values that hold line breaks. (The reader skips recounting
    /// most rows; this is what that shortcut must agree with.)
    #[test]
    fn rows_keep_their_editor_line_numbers(rows in shapes(), last_ends in any::<bool>()) {
        let mut csv = String::from("Subscription ID,Subscription,Quantity,Status,Reseller\r\n");
        let mut starts = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            starts.push(csv.len());
            let breaks = ["\n", "\r\n", "\r"];
            let note: String = (0..r.breaks_inside).map(|k| format!("part {k}{}", breaks[k % 3])).collect();
            csv.push_str(&format!("s{i},Microsoft Kaizala Pro,{i},Active,\"{note}end\""));
            if i + 1 < rows.len() || last_ends {
                csv.push_str(r.end);
                for b in &r.blanks {
                    csv.push_str(b);
                }
            }
        }
        // An editor's line of a byte: one more than the breaks before it,
        // where `\r\n`, a lone `\r` and a lone `\n` each break a line.
        let editor_line = |at: usize| {
            let b = &csv.as_bytes()[..at];
            1 + b.iter().enumerate().filter(|&(k, &c)| c == b'\n' || (c == b'\r' && b.get(k + 1) != Some(&b'\n') && !(k + 1 == at && csv.as_bytes().get(at) == Some(&b'\n')))).count() as u64
        };
        let expected: Vec<u64> = starts.iter().map(|&at| editor_line(at)).collect();
        let Ok(ImportOutcome::Ready(imp)) = import(csv.as_bytes(), &ImportOptions::default()) else {
            return Err(TestCaseError::fail(format!("not imported: {csv:?}")));
        };
        let lines: Vec<u64> = imp.subscriptions.iter().map(|s| s.lines[0]).collect();
        prop_assert_eq!(lines, expected, "{:?}", csv);
    }
}
