/*!
The CSV export read back with the csv crate: BOM, CRLF, one row per
Kaizala Pro subscription, formula neutralising on text cells only.
*/

mod plan_support;

use kaizala_engine::export::csv::{headers, neutralise, HEADERS};
use kaizala_engine::export::to_csv;
use kaizala_engine::plan::{build_plan, Lang, Settings};
use plan_support::*;

fn bytes(lang: Lang) -> Vec<u8> {
    to_csv(
        &build_plan(&sample_import(), &Settings::new(d(2020, 6, 1))),
        lang,
    )
}

#[test]
fn bom_crlf_and_rows() {
    let b = bytes(Lang::En);
    assert!(b.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&b).unwrap();
    // Every line break is CRLF (quoted cells hold no raw newlines here).
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let mut r = csv::Reader::from_reader(&b[3..]);
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(headers, HEADERS);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // 10 subscriptions, of which 9 are Kaizala Pro.
    assert_eq!(rows.len(), 9);
    let col = |name: &str| HEADERS.iter().position(|h| *h == name).unwrap();
    let renews = rows
        .iter()
        .find(|r| &r[col("subscription_id")] == "c-renews")
        .unwrap();
    assert_eq!(&renews[col("customer_name")], "Contoso, Ltd; \"HQ\"");
    assert_eq!(&renews[col("end_date")], "2020-02-29");
    assert_eq!(&renews[col("expires_on")], "2021-02-28");
    assert_eq!(&renews[col("migrate_by")], "2021-02-27");
    assert_eq!(&renews[col("auto_renew")], "true");
    assert_eq!(&renews[col("category")], "renews-once-then-expires");
    assert_eq!(&renews[col("seats")], "40");
    assert!(renews[col("notes")].contains("one year"));
    // It moves in the customer's second wave: its purchase and move are
    // that wave's (W2A, W2B), not the first wave's months earlier.
    assert_eq!(&renews[col("due_a")], "2021-02-13");
    assert_eq!(&renews[col("due_b")], "2021-02-20");
    assert_eq!(&renews[col("due_c")], "2021-02-27");
    let after = rows
        .iter()
        .find(|r| &r[col("subscription_id")] == "c-after")
        .unwrap();
    assert_eq!(&after[col("due_a")], "2020-06-16");
    assert_eq!(&after[col("due_b")], "2020-06-23");
    let ended = rows
        .iter()
        .find(|r| &r[col("subscription_id")] == "c-ended")
        .unwrap();
    assert_eq!(
        &ended[col("days_left")],
        "-32",
        "negative numbers stay numbers"
    );
    let woodgrove = rows
        .iter()
        .find(|r| &r[col("subscription_id")] == "w-1")
        .unwrap();
    // The 50 seats its E3 does not cover go to the cheapest plan.
    assert_eq!(&woodgrove[col("recommendation_family")], "business");
    assert_eq!(
        &woodgrove[col("recommended_sku")],
        "O365_BUSINESS_ESSENTIALS"
    );
    assert_eq!(&woodgrove[col("quantity_to_buy")], "50");
    assert_eq!(&woodgrove[col("due_a")], "2020-09-16");
    assert_eq!(&woodgrove[col("due_c")], "2020-09-30");
}

#[test]
fn formula_cells_are_neutralised() {
    let b = bytes(Lang::En);
    let mut r = csv::Reader::from_reader(&b[3..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let evil: Vec<&csv::StringRecord> =
        rows.iter().filter(|r| r[0].contains("HYPERLINK")).collect();
    assert_eq!(evil.len(), 2);
    for row in evil {
        assert!(row[0].starts_with("'=HYPERLINK"), "{}", &row[0]);
    }
    assert!(rows.iter().any(|r| &r[3] == "'-1+2"));
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if HEADERS[i] == "days_left" {
                continue;
            }
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{}: {cell}",
                HEADERS[i]
            );
        }
    }
    let cases = [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
    ];
    for (input, want) in cases {
        assert_eq!(neutralise(input), want);
    }
}

#[test]
fn zh_tw_headers_and_words() {
    let b = bytes(Lang::ZhTw);
    let mut r = csv::Reader::from_reader(&b[3..]);
    // The same columns in the same order, named in Chinese.
    let zh = headers(Lang::ZhTw);
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), zh);
    assert_eq!(headers(Lang::En), HEADERS);
    assert_eq!(zh.len(), HEADERS.len());
    assert_eq!(
        zh[HEADERS.iter().position(|h| *h == "urgency").unwrap()],
        "緊急程度"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| r[0].contains("國立臺灣範例大學")));
    let row = |id: &str| rows.iter().find(|r| &r[3] == id).unwrap();
    let col = |name: &str| HEADERS.iter().position(|h| *h == name).unwrap();
    let cases = [
        ("c-suspended", "status", "已暫停"),
        ("c-after", "status", "使用中"),
        ("c-renews", "auto_renew", "是"),
        ("c-after", "auto_renew", "否"),
        ("c-after", "end_date", "2020/07/01"),
        ("c-after", "migrate_by", "2020/06/30"),
        ("'-1+2", "end_date", "永不到期"),
        ("c-after", "category", "於停售日後到期"),
        ("c-after", "urgency", "30 天內"),
        ("c-after", "recommendation_family", "商務方案"),
        ("c-after", "a_done", "否"),
    ];
    for (id, column, want) in cases {
        assert_eq!(&row(id)[col(column)], want, "{id} {column}");
    }
    assert!(rows.iter().all(|r| r[18]
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
}

/// The raw bytes: a cell is quoted only when it holds a comma, a quote or
/// a line break, with its quotes doubled; every record ends in CRLF.
#[test]
fn quotes_only_what_needs_it() {
    let b = bytes(Lang::En);
    let text = std::str::from_utf8(&b[3..]).unwrap();
    let header = format!("{}\r\n", HEADERS.join(","));
    assert!(text.starts_with(&header), "{}", &text[..header.len()]);
    assert!(text.ends_with("\r\n"));
    assert!(text.contains("\"Contoso, Ltd; \"\"HQ\"\"\","), "{text}");
    assert!(text.contains(",c-renews,"), "{text}");
    assert!(text.contains(",'-1+2,"), "{text}");
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        // Unquoted cells hold no quote: every quote is in a quoted cell.
        let mut cells = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let record = cells.records().next().unwrap().unwrap();
        let plain: usize = record.iter().map(str::len).sum::<usize>() + record.len() - 1;
        let quoted = record
            .iter()
            .filter(|c| c.contains([',', '"', '\r', '\n']))
            .map(|c| 2 + c.matches('"').count())
            .sum::<usize>();
        assert_eq!(line.len(), plain + quoted, "{line}");
    }
}
