/*!
Hostile and broken input: each gets a specific message, never a panic, and
rows that can be kept are kept.
*/
#![cfg(not(target_arch = "wasm32"))]

use kaizala_engine::import::{
    import, ImportError, ImportOptions, ImportOutcome, MAX_COLUMNS, MAX_FIELD_BYTES,
};

fn err(bytes: &[u8]) -> String {
    match import(bytes, &ImportOptions::default()) {
        Err(ImportError { message }) => message,
        other => panic!("expected an error, got {other:?}"),
    }
}

fn ready(bytes: &[u8]) -> kaizala_engine::import::Import {
    match import(bytes, &ImportOptions::default()) {
        Ok(ImportOutcome::Ready(i)) => {
            assert!(i.report.is_balanced(), "{:?}", i.report);
            i
        }
        other => panic!("expected Ready, got {other:?}"),
    }
}

const HEADER: &str = "Subscription ID,Subscription,Quantity,Status,Reseller\n";

#[test]
fn empty_and_bom_only() {
    assert!(err(b"").contains("empty"));
    assert!(err(b"\xEF\xBB\xBF").contains("only a byte-order mark"));
    assert!(err(b"\xFF\xFE").contains("only a byte-order mark"));
    assert!(err(b"\n\r\n\n").contains("no header row"));
}

#[test]
fn header_without_rows() {
    let m = err(HEADER.as_bytes());
    assert!(m.contains("header row (line 1) but no data rows"), "{m}");
    let m = err(format!("#TYPE X\n{HEADER}\n\n").as_bytes());
    assert!(m.contains("line 2"), "{m}");
}

#[test]
fn binary_files_renamed_to_csv() {
    assert!(err(b"PK\x03\x04\x14\x00\x06\x00").contains("Excel workbook (.xlsx)"));
    assert!(err(b"PK\x03\x04\x14\x00\x06\x00").contains("File > Save As"));
    assert!(err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00").contains("older Excel workbook (.xls"));
    assert!(err(b"%PDF-1.4\n%\xE2\xE3").contains("PDF"));
    assert!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("PNG image"));
    assert!(err(b"\xFF\xD8\xFF\xE0\0\x10JFIF").contains("JPEG image"));
    assert!(err(b"GIF89a\x01\0\x01\0").contains("GIF image"));
}

#[test]
fn unbalanced_quote_names_the_line_it_opened_on() {
    let csv = format!("{HEADER}a1,Kaizala Pro,5,Active,\n\"a2,Office 365 E3,4,Active,\na3,Office 365 E1,3,Active,\n");
    let m = err(csv.as_bytes());
    assert!(
        m.starts_with("Line 3 opens a quoted value that is never closed"),
        "{m}"
    );
    assert!(m.contains("line 4"), "{m}");
}

#[test]
fn stray_quote_that_closes_later_rejects_one_row_and_says_why() {
    let csv = format!("{HEADER}a1,\"Kaizala Pro,5,Active,\na2,Office 365 E3\",4,Active,\na3,Office 365 E1,3,Active,\n");
    let i = ready(csv.as_bytes());
    assert_eq!(i.report.rejected.len(), 1);
    let r = &i.report.rejected[0];
    assert_eq!(r.line, 2);
    assert!(
        r.reason.contains("runs from line 2 to line 3") && r.reason.contains("whole rows"),
        "{}",
        r.reason
    );
    assert_eq!(i.subscriptions.len(), 1);
    assert_eq!(i.subscriptions[0].lines, vec![4]);
    // When the swallowed rows also break the field count, that is said too.
    let csv = format!("{HEADER}a1,\"Kaizala Pro,5,Active,\na2,Office 365 E3\",4,Active,,9\n");
    let i = ready(csv.as_bytes());
    assert_eq!(i.report.rejected[0].line, 2);
}

#[test]
fn nul_bytes_and_invalid_utf8() {
    let mut csv = HEADER.as_bytes().to_vec();
    csv.extend_from_slice(b"a1,Kaizala\0 Pro,5,Active,\n");
    let i = ready(&csv);
    assert_eq!(&*i.subscriptions[0].offer, "Kaizala Pro");
    assert!(i.report.notes.iter().any(|n| n.contains("NUL byte")));

    let mut csv = HEADER.as_bytes().to_vec();
    csv.extend_from_slice(b"a1,Kaizala Pro \x96 legacy,5,Active,\n");
    let i = ready(&csv);
    assert_eq!(i.report.encoding, "windows-1252");
    assert_eq!(&*i.subscriptions[0].offer, "Kaizala Pro – legacy");
}

#[test]
fn absurdly_long_field_rejects_only_its_row() {
    let mut csv = String::from(HEADER);
    csv.push_str("a1,Kaizala Pro,5,Active,\n");
    csv.push_str("a2,");
    csv.push_str(&"x".repeat(MAX_FIELD_BYTES + 1));
    csv.push_str(",5,Active,\na3,Office 365 E3,5,Active,\n");
    let i = ready(csv.as_bytes());
    assert_eq!(i.subscriptions.len(), 2);
    assert_eq!(i.report.rejected[0].line, 3);
    assert!(
        i.report.rejected[0]
            .reason
            .contains("\"Subscription\" is 1.0 MiB"),
        "{}",
        i.report.rejected[0].reason
    );
}

#[test]
fn too_many_header_columns() {
    let header: Vec<String> = (0..=MAX_COLUMNS).map(|i| format!("c{i}")).collect();
    let csv = format!("{}\n{}\n", header.join(","), header.join(","));
    let m = err(csv.as_bytes());
    assert!(
        m.contains(&format!("more than {MAX_COLUMNS} columns")),
        "{m}"
    );
}

#[test]
fn rows_with_wrong_field_counts_but_excel_padding_is_fine() {
    let csv = format!(
        "{HEADER}a1,Kaizala Pro,5,Active,,,,\na2,Kaizala Pro,5,Active,,,x\na3,Kaizala Pro\n"
    );
    let i = ready(csv.as_bytes());
    assert_eq!(i.subscriptions.len(), 1);
    let reasons: Vec<&str> = i
        .report
        .rejected
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(
        reasons[0],
        "line 3: has 7 fields, the header has 5 — check for an unquoted comma inside a value."
    );
    assert!(reasons[1].starts_with("line 4: has 2 fields, the header has 5 — the row is cut short"));
}

#[test]
fn file_size_limit_message_states_both_sizes() {
    // Building a 512 MiB buffer in a test is wasteful; the limit check runs
    // before anything else, so its message is checked through the job's
    // own helper on a size just over the limit.
    let m = kaizala_engine::import::size_limit_message(kaizala_engine::import::MAX_FILE_BYTES + 1);
    assert!(m.contains("512.0 MiB") && m.contains("larger than"), "{m}");
}

#[test]
fn random_binary_is_called_binary() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    match import(&bytes, &ImportOptions::default()) {
        Err(e) => assert!(!e.message.is_empty()),
        Ok(ImportOutcome::Ready(i)) => assert!(i.report.is_balanced()),
        Ok(ImportOutcome::NeedsMapping(m)) => assert!(m.report.is_balanced()),
    }
}
