/*!
Every importer message has a Traditional Chinese wording: one of each
[`ImportNote`], [`ImportErrorKind`], [`RejectReason`] and
[`MappingProblem`] (and the date question) rendered in zh-TW holds
Chinese, no English word but product and format names, no half-width
bracket, colon or comma against a Chinese character, and none of the
words the glossary rules out.

The lists are kept whole by `match`es without a wildcard: a new variant
does not compile until it is listed here. (The enums are
`#[non_exhaustive]`, so this can only be checked inside the crate.)
*/

use crate::i18n::{delimiter_name, encoding_name, Lang, Render};
use crate::import::error::{BinaryFormat, ImportErrorKind};
use crate::import::{DateQuestion, Field, MappingProblem};
use crate::model::source::{
    DateOrderHint, DateProblem, Format, ImportNote, LegacyEncoding, RejectReason, RejectedRow,
};

/// ASCII words a zh-TW message may hold: product, format and file-syntax
/// names, and the literal ids the planner writes (`row-2`).
const ALLOWED: &[&str] = &[
    "UTF",
    "BOM",
    "CSV",
    "Excel",
    "SKU",
    "MPN",
    "PowerShell",
    "API",
    "CIPP",
    "Microsoft",
    "Office",
    "Kaizala",
    "Pro",
    "Windows",
    "Big5",
    "Mac",
    "Unicode",
    "PDF",
    "PNG",
    "JPEG",
    "GIF",
    "RTF",
    "xlsx",
    "xls",
    "zip",
    "csv",
    "KiB",
    "MiB",
    "Proxy",
    "sep",
    "row",
    "SyndicationPartnerSubscriptionNumber",
    "16LE",
    "16BE",
    "1252",
    "20xx",
];

/// Words the glossary says our zh-TW text must not use, for the concepts
/// import messages name.
const NOT_THESE: &[&str] = &[
    "訂用帳戶",
    "優惠",
    "被拒絕",
    "未採用",
    "導入",
    "租戶",
    "分隔字元",
    "字元編碼方式",
    "遷移",
    "轉移",
    "期限",
    "席次",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// What is wrong with a zh-TW text, if anything.
fn faults(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.chars().any(is_han) {
        out.push("no Chinese".to_string());
    }
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        if letters >= 3 && !ALLOWED.contains(&word) {
            out.push(format!("English word {word:?}"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for pair in chars.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let half = |c: char| matches!(c, '(' | ')' | ':' | ',' | '"');
        if (half(a) && is_han(b)) || (is_han(a) && half(b)) {
            out.push(format!("half-width {a}{b}"));
        }
    }
    for w in NOT_THESE {
        if text.contains(w) {
            out.push(format!("glossary's \"not this\" {w}"));
        }
    }
    out
}

fn check(what: &str, text: &str) -> Option<String> {
    let f = faults(text);
    (!f.is_empty()).then(|| format!("{what}: {f:?}\n    {text}"))
}

/// Lists every note; a new variant fails to compile here.
fn listed_note(n: &ImportNote) -> bool {
    match n {
        ImportNote::Text(_) => false,
        ImportNote::Utf16WithoutBom { .. }
        | ImportNote::InvalidUtf16 { .. }
        | ImportNote::HalfUtf16Character
        | ImportNote::Big5Unavailable
        | ImportNote::NotUtf8 { .. }
        | ImportNote::NulBytesRemoved { .. }
        | ImportNote::ClassicMacLineEnds
        | ImportNote::MixedLineEnds { .. }
        | ImportNote::SkippedTypeLine { .. }
        | ImportNote::SepLine { .. }
        | ImportNote::UnknownSepLine
        | ImportNote::SkippedPreamble { .. }
        | ImportNote::UnknownFormat
        | ImportNote::Recognised { .. }
        | ImportNote::ChosenColumnMissing { .. }
        | ImportNote::ColumnsUsed { .. }
        | ImportNote::BlankLines { .. }
        | ImportNote::MissingColumns { .. }
        | ImportNote::CustomersOnly
        | ImportNote::AwaitingDateOrder { .. }
        | ImportNote::CustomerFromFileName { .. }
        | ImportNote::NoCustomer
        | ImportNote::CustomerNamedByUser { .. }
        | ImportNote::RowsNumbered
        | ImportNote::NoSubscriptionIds
        | ImportNote::DateOrderSettled { .. }
        | ImportNote::DateOrderMixed { .. }
        | ImportNote::DateOrderChosen { .. }
        | ImportNote::DateOrderAssumed { .. }
        | ImportNote::SeatsUnknown { .. }
        | ImportNote::ReconciliationMerged
        | ImportNote::ExactDuplicates { .. }
        | ImportNote::DifferingDuplicates { .. }
        | ImportNote::UnreadValues { .. }
        | ImportNote::BlankStatus { .. }
        | ImportNote::ExcelSerialDates { .. }
        | ImportNote::TwoDigitYears { .. }
        | ImportNote::UnknownLicenses { .. }
        | ImportNote::UserRowsJoined { .. } => true,
    }
}

fn listed_error(k: &ImportErrorKind) {
    match k {
        ImportErrorKind::TooLarge { .. }
        | ImportErrorKind::Empty
        | ImportErrorKind::Binary(_)
        | ImportErrorKind::OnlyByteOrderMark
        | ImportErrorKind::NoText
        | ImportErrorKind::ControlCharacters
        | ImportErrorKind::OnlyPreamble
        | ImportErrorKind::NoLines
        | ImportErrorKind::TooManyColumns { .. }
        | ImportErrorKind::UnclosedQuote { .. }
        | ImportErrorKind::NoDataRows { .. }
        | ImportErrorKind::AlreadyFinished
        | ImportErrorKind::RowsAlreadyTaken => {}
    }
}

fn listed_binary(b: BinaryFormat) {
    match b {
        BinaryFormat::Zip
        | BinaryFormat::OldOffice
        | BinaryFormat::Pdf
        | BinaryFormat::Png
        | BinaryFormat::Jpeg
        | BinaryFormat::Gif
        | BinaryFormat::Rtf => {}
    }
}

fn listed_reason(r: &RejectReason) -> bool {
    match r {
        RejectReason::Text(_) => false,
        RejectReason::FieldTooLong { .. }
        | RejectReason::WrongFieldCount { .. }
        | RejectReason::SwallowedRows { .. }
        | RejectReason::NoCustomer
        | RejectReason::EmptySubscriptionId { .. }
        | RejectReason::EmptyOffer { .. }
        | RejectReason::BadEndDate { .. }
        | RejectReason::BadQuantity { .. }
        | RejectReason::NegativeQuantity { .. }
        | RejectReason::ContradictoryEndDate { .. }
        | RejectReason::NoUserPrincipalName { .. } => true,
    }
}

fn listed_problem(p: &MappingProblem) {
    match p {
        MappingProblem::SameColumn { .. }
        | MappingProblem::NoSuchColumn { .. }
        | MappingProblem::NotChosen { .. }
        | MappingProblem::DateOrderNotChosen
        | MappingProblem::CustomersNotAnswered
        | MappingProblem::CustomerNotNamed
        | MappingProblem::CustomerColumnNotChosen => {}
    }
}

// Data in the messages is Chinese or digits, so that only our own words
// are judged.
fn h(s: &str) -> String {
    s.to_string()
}

fn notes() -> Vec<ImportNote> {
    let mut notes = vec![
        ImportNote::Utf16WithoutBom {
            encoding: "UTF-16LE",
        },
        ImportNote::InvalidUtf16 {
            encoding: "UTF-16BE",
        },
        ImportNote::HalfUtf16Character,
        ImportNote::Big5Unavailable,
        ImportNote::NulBytesRemoved { count: 3 },
        ImportNote::ClassicMacLineEnds,
        ImportNote::MixedLineEnds { lone_cr: 2 },
        ImportNote::SkippedTypeLine { line: h("#型別") },
        ImportNote::UnknownSepLine,
        ImportNote::SkippedPreamble {
            count: 2,
            first_line: 1,
            last_line: 2,
            previews: vec![h("報表"), h("2020")],
        },
        ImportNote::UnknownFormat,
        ImportNote::ChosenColumnMissing {
            field: Field::EndDate,
            header: h("到期"),
        },
        ImportNote::ColumnsUsed {
            columns: vec![
                (Field::SubscriptionId, h("編號")),
                (Field::Seats, h("數量")),
            ],
        },
        ImportNote::BlankLines { count: 4 },
        ImportNote::MissingColumns {
            fields: vec![Field::EndDate, Field::Offer],
        },
        ImportNote::CustomersOnly,
        ImportNote::AwaitingDateOrder { rows: 12 },
        ImportNote::CustomerFromFileName { name: h("康拓") },
        ImportNote::NoCustomer,
        ImportNote::CustomerNamedByUser { name: h("康拓") },
        ImportNote::RowsNumbered,
        ImportNote::NoSubscriptionIds,
        ImportNote::DateOrderSettled {
            header: h("到期"),
            day_first: true,
            example: Some((5, h("25/7/2020"))),
        },
        ImportNote::DateOrderSettled {
            header: h("到期"),
            day_first: false,
            example: None,
        },
        ImportNote::DateOrderMixed {
            header: h("到期"),
            day_first_example: Some((3, h("25/7/2020"))),
            month_first_example: Some((4, h("7/25/2020"))),
            day_first: true,
        },
        ImportNote::DateOrderChosen {
            header: h("到期"),
            day_first: false,
        },
        ImportNote::SeatsUnknown { count: 2 },
        ImportNote::ReconciliationMerged,
        ImportNote::ExactDuplicates { count: 1 },
        ImportNote::DifferingDuplicates {
            examples: vec![(h("1234"), 2, 9)],
        },
        ImportNote::UnreadValues {
            count: 2,
            field: Field::Status,
            header: h("狀態"),
            examples: vec![h("暫停中"), h("？")],
        },
        ImportNote::UnreadValues {
            count: 1,
            field: Field::AutoRenew,
            header: h("續訂"),
            examples: vec![h("也許")],
        },
        ImportNote::BlankStatus { count: 2 },
        ImportNote::ExcelSerialDates { count: 3 },
        ImportNote::TwoDigitYears { count: 3 },
        ImportNote::UnknownLicenses {
            names: vec![h("路線規劃")],
            more: 2,
        },
        ImportNote::UserRowsJoined { count: 2 },
    ];
    for encoding in [LegacyEncoding::Big5, LegacyEncoding::Windows1252] {
        notes.push(ImportNote::NotUtf8 { line: 7, encoding });
    }
    for delimiter in [',', ';', '\t', '|'] {
        notes.push(ImportNote::SepLine { delimiter });
    }
    for format in [
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
    ] {
        notes.push(ImportNote::Recognised { format });
    }
    for why in [
        DateOrderHint::Dotted,
        DateOrderHint::Reconciliation,
        DateOrderHint::BulkMigration,
        DateOrderHint::TwelveHourClock,
    ] {
        notes.push(ImportNote::DateOrderAssumed {
            header: h("到期"),
            example: h("3/4/2020"),
            day_first: why == DateOrderHint::Dotted,
            why,
        });
    }
    notes
}

fn errors() -> Vec<ImportErrorKind> {
    let mut kinds = vec![
        ImportErrorKind::TooLarge {
            size: 600 * 1024 * 1024,
            limit: 512 * 1024 * 1024,
        },
        ImportErrorKind::TooLarge {
            size: 900,
            limit: 512,
        },
        ImportErrorKind::Empty,
        ImportErrorKind::OnlyByteOrderMark,
        ImportErrorKind::NoText,
        ImportErrorKind::ControlCharacters,
        ImportErrorKind::OnlyPreamble,
        ImportErrorKind::NoLines,
        ImportErrorKind::TooManyColumns { limit: 1000 },
        ImportErrorKind::UnclosedQuote {
            line: 3,
            last_line: 90,
        },
        ImportErrorKind::NoDataRows { header_line: 1 },
        ImportErrorKind::AlreadyFinished,
        ImportErrorKind::RowsAlreadyTaken,
    ];
    for b in [
        BinaryFormat::Zip,
        BinaryFormat::OldOffice,
        BinaryFormat::Pdf,
        BinaryFormat::Png,
        BinaryFormat::Jpeg,
        BinaryFormat::Gif,
        BinaryFormat::Rtf,
    ] {
        listed_binary(b);
        kinds.push(ImportErrorKind::Binary(b));
    }
    kinds
}

fn reasons() -> Vec<RejectReason> {
    let mut reasons = vec![
        RejectReason::FieldTooLong {
            header: Some(h("備註")),
            column: 4,
            size: 70_000,
            limit: 65_536,
        },
        RejectReason::FieldTooLong {
            header: None,
            column: 4,
            size: 900,
            limit: 512,
        },
        RejectReason::SwallowedRows { last_line: 40 },
        RejectReason::NoCustomer,
        RejectReason::EmptySubscriptionId {
            header: h("編號")
        },
        RejectReason::EmptyOffer {
            header: h("產品")
        },
        RejectReason::BadQuantity {
            value: h("五"),
            header: h("數量"),
        },
        RejectReason::NegativeQuantity {
            quantity: -3,
            header: h("數量"),
        },
        RejectReason::ContradictoryEndDate {
            value: h("25/7/2020"),
            header: h("到期"),
            read_day_first: false,
        },
        RejectReason::NoUserPrincipalName {
            header: h("帳號")
        },
    ];
    for problem in [
        DateProblem::Unreadable,
        DateProblem::NoSuchDay,
        DateProblem::ExcelLeapBug,
    ] {
        reasons.push(RejectReason::BadEndDate {
            value: h("2/30/2020"),
            header: h("到期"),
            problem,
        });
    }
    for delimiter in [',', ';', '\t', '|', '#'] {
        for (found, last_line) in [(7, None), (3, Some(12))] {
            reasons.push(RejectReason::WrongFieldCount {
                found,
                expected: 5,
                delimiter,
                last_line,
            });
        }
    }
    reasons
}

fn problems() -> Vec<MappingProblem> {
    let mut problems = vec![
        MappingProblem::SameColumn {
            column: h("產品"),
            first: Field::Offer,
            second: Field::Sku,
        },
        MappingProblem::NoSuchColumn {
            field: Field::EndDate,
            column: h("到期"),
        },
        MappingProblem::DateOrderNotChosen,
        MappingProblem::CustomersNotAnswered,
        MappingProblem::CustomerNotNamed,
        MappingProblem::CustomerColumnNotChosen,
    ];
    // Every field's name, through the problem that names one.
    for field in crate::import::FIELDS
        .iter()
        .chain(&crate::import::USER_FIELDS)
    {
        problems.push(MappingProblem::NotChosen { field: *field });
    }
    problems
}

#[test]
fn every_import_message_is_written_in_traditional_chinese() {
    let mut bad = Vec::new();
    for n in notes() {
        assert!(listed_note(&n));
        bad.extend(check(&format!("{n:?}"), &n.render(Lang::ZhTw)));
    }
    for k in errors() {
        listed_error(&k);
        bad.extend(check(&format!("{k:?}"), &k.render(Lang::ZhTw)));
    }
    for r in reasons() {
        assert!(listed_reason(&r));
        let row = RejectedRow::new(8, r);
        bad.extend(check(&format!("{:?}", row.reason), &row.render(Lang::ZhTw)));
    }
    for p in problems() {
        listed_problem(&p);
        bad.extend(check(&format!("{p:?}"), &p.render(Lang::ZhTw)));
    }
    for contradicting in [
        None,
        Some(crate::import::ContradictingDates {
            day_first: Some((3, h("25/7/2020"))),
            month_first: Some((4, h("7/25/2020"))),
        }),
    ] {
        let q = DateQuestion {
            column: h("到期"),
            examples: vec![h("3/4/2020"), h("5/6/2020")],
            contradicting,
        };
        bad.extend(check("DateQuestion", &q.render(Lang::ZhTw)));
    }
    assert!(bad.is_empty(), "{} texts:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_checks_catch_what_they_look_for() {
    for (text, fault) in [
        ("Recognised the file as 檔案.", "English word"),
        ("No Chinese here", "no Chinese"),
        ("第 3 行:數量", "half-width"),
        ("欄位(到期)", "half-width"),
        ("這個訂用帳戶", "not this"),
        ("授權：\"路線\"", "half-width"),
    ] {
        let f = faults(text);
        assert!(f.iter().any(|f| f.contains(fault)), "{text}: {f:?}");
    }
    assert!(faults("已辨識為合作夥伴中心 PowerShell 匯出檔。").is_empty());
}

#[test]
fn the_excel_help_names_excels_own_menu() {
    let zh = ImportErrorKind::Binary(BinaryFormat::Zip).render(Lang::ZhTw);
    assert!(zh.contains("Excel 活頁簿（.xlsx）"), "{zh}");
    assert!(
        zh.contains("「檔案 > 另存新檔」") && zh.contains("「CSV UTF-8（逗號分隔）(*.csv)」"),
        "{zh}"
    );
}

#[test]
fn encodings_and_delimiters_are_named_in_each_language() {
    for (label, en, zh) in [
        ("UTF-8", "UTF-8", "UTF-8"),
        ("UTF-8 (with BOM)", "UTF-8 (with BOM)", "UTF-8（含 BOM）"),
        ("UTF-16LE", "UTF-16LE", "UTF-16LE"),
        ("Big5", "Big5", "Big5（繁體中文）"),
        ("windows-1252", "windows-1252", "Windows-1252（西歐語系）"),
    ] {
        assert_eq!(encoding_name(label, Lang::En), en);
        assert_eq!(encoding_name(label, Lang::ZhTw), zh);
    }
    for (d, en, zh) in [
        (',', "Comma (,)", "逗號（,）"),
        (';', "Semicolon (;)", "分號（;）"),
        ('\t', "Tab", "定位字元"),
        ('|', "Vertical bar (|)", "直線（|）"),
    ] {
        assert_eq!(delimiter_name(d, Lang::En), en);
        assert_eq!(delimiter_name(d, Lang::ZhTw), zh);
    }
}

#[test]
fn a_note_kept_as_a_sentence_says_itself_in_each_language() {
    let n = ImportNote::Text(h("saved earlier"));
    assert_eq!(n.render(Lang::ZhTw), "saved earlier");
    assert!(!listed_note(&n));
    assert!(!listed_reason(&RejectReason::Text(h("x"))));
}
