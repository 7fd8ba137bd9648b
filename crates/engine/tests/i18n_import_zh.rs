//! What a partner with a zh-TW browser reads when a file is imported: the
//! fixtures of every kind imported end to end, and each error, rejected
//! row and note the importer reports rendered in Traditional Chinese,
//! with no English sentence left (the variant-by-variant check is a unit
//! test in `i18n/import/zh_tests.rs`, where the enums can be matched
//! whole).

use kaizala_engine::i18n::{encoding_name, Lang, Render};
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// English words that would show an untranslated sentence.
const ENGLISH: &[&str] = &[
    " the ", " file ", " was ", " were ", " row", " line ", "column", " not ",
];

fn chinese(what: &str, text: &str) {
    assert!(has_han(text), "{what}: {text}");
    let lower = format!(" {} ", text.to_lowercase());
    for w in ENGLISH {
        assert!(!lower.contains(w), "{what}: {w:?} in {text}");
    }
}

fn opts(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: Some(name.into()),
        ..Default::default()
    }
}

#[test]
fn every_fixture_reports_in_chinese() {
    let mut seen_notes = 0;
    let mut seen_rejected = 0;
    for name in [
        "ambiguous_dates.csv",
        "bad_rows.csv",
        "bam_subscriptions.csv",
        "cipp.csv",
        "cr_only.csv",
        "excel_semicolon.csv",
        "excel_serial_dates.csv",
        "excel_tab_utf16le.txt",
        "o365reports.csv",
        "pc_customers.csv",
        "pc_subscriptions_export.csv",
        "powershell_dede.csv",
        "powershell_enus.csv",
        "recon_legacy.csv",
        "recon_tier2.csv",
        "rest_api.csv",
        "utf16be.txt",
        "windows1252.csv",
        "zh_tw.csv",
    ] {
        let report = match import(&fixture(name), &opts(name)) {
            Ok(ImportOutcome::Ready(i)) => i.report,
            Ok(ImportOutcome::NeedsMapping(req)) => {
                for p in &req.problems {
                    chinese(name, &p.render(Lang::ZhTw));
                }
                if let Some(q) = &req.ambiguous_dates {
                    chinese(name, &q.render(Lang::ZhTw));
                }
                req.report
            }
            Err(e) => panic!("{name}: {e}"),
        };
        for n in &report.notes {
            chinese(name, &n.render(Lang::ZhTw));
            seen_notes += 1;
        }
        for r in &report.rejected {
            chinese(name, &r.render(Lang::ZhTw));
            seen_rejected += 1;
        }
        let enc = encoding_name(&report.encoding, Lang::ZhTw);
        assert!(!enc.contains("with BOM"), "{name}: {enc}");
    }
    assert!(
        seen_notes > 20 && seen_rejected > 0,
        "{seen_notes} {seen_rejected}"
    );
}

#[test]
fn files_that_cannot_be_read_say_why_in_chinese() {
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("book.xlsx", xlsx, "另存新檔"),
        ("empty.csv", Vec::new(), "空的"),
        ("header.csv", b"Customer,Subscription ID,Offer,Seats,End date\n".to_vec(), "標題列"),
        ("shot.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "PNG 圖片"),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(), "合作夥伴中心"),
        (
            "quote.csv",
            b"Customer,Subscription ID,Offer,Seats,End date\nContoso,\"s1,Kaizala,3,2020-08-01\nA,b,c,1,2020-08-01\n"
                .to_vec(),
            "引號",
        ),
    ];
    for (name, bytes, want) in cases {
        let err = match import(&bytes, &opts(name)) {
            Err(e) => e,
            Ok(_) => panic!("{name} was read"),
        };
        let zh = err.render(Lang::ZhTw);
        chinese(name, &zh);
        assert!(zh.contains(want), "{name}: {zh}");
        assert_ne!(zh, err.render(Lang::En), "{name}");
    }
}

#[test]
fn a_bom_reads_as_words_in_each_language() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&fixture("pc_subscriptions_export.csv"));
    let Ok(ImportOutcome::Ready(i)) = import(&bytes, &opts("bom.csv")) else {
        panic!("not read")
    };
    assert_eq!(
        encoding_name(&i.report.encoding, Lang::En),
        "UTF-8 (with BOM)"
    );
    assert_eq!(
        encoding_name(&i.report.encoding, Lang::ZhTw),
        "UTF-8（含 BOM）"
    );
}
