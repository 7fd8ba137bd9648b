/*!
Hostile values in every text field of an export, through the whole engine
(import → plan → every export): script and markup stay inert text in HTML,
Markdown, iCalendar and JSON, and spreadsheet formulas never start a cell
of the CSV export.

The payloads go into every column the planner reads as text (subscription
id, offer, friendly name, tenant id, company name, domain), into the file
name (which names the customer of a per-customer export), and into a cell
the importer rejects (its reason quotes the value). The page itself is
covered by `tests/e2e/app.test.mjs` ("script and markup in every text
field stay inert text").
*/
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use kaizala_engine::build_plan;
use kaizala_engine::export::{
    csv::HEADERS, customer_html, customer_markdown, plan_from_json, to_csv, to_ics, to_json,
    to_markdown,
};
use kaizala_engine::handout::Handout;
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{Lang, Plan, Settings};

const MARKUP: &[&str] = &[
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=2\">",
    "<svg onload=window.__pwned=3>",
    "<iframe src=\"javascript:window.__pwned=4\"></iframe>",
    "[click](javascript:window.__pwned=5)",
    "\"><a href=x onclick=alert(6)>",
    "*bold* | pipe # heading `code`",
    "line\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
];

const FORMULAS: &[&str] = &[
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
];

const HEADER: &str = "id,offerName,friendlyName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain";

fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// One Kaizala Pro row per payload, the payload in every text column (the
/// offer keeps "Kaizala Pro" so the row is planned), plus a row whose
/// date the importer rejects with the payload in the reason.
fn hostile_export(payloads: &[&str]) -> Vec<u8> {
    let mut out = String::from(HEADER);
    for (i, p) in payloads.iter().enumerate() {
        out.push_str(&format!(
            "\r\n{},{},{},{},active,false,2020-09-{:02}T00:00:00Z,P1Y,{},{},{}",
            q(&format!("{p}{i}")),
            q(&format!("Microsoft Kaizala Pro {p}")),
            q(p),
            10 + i,
            i + 1,
            q(&format!("{p}-tenant-{i}")),
            q(&format!("{p} Co {i}")),
            q(&format!("{p}.example")),
        ));
    }
    out.push_str(&format!(
        "\r\nbad-date,Microsoft Kaizala Pro,x,5,active,false,{},P1Y,t-bad,Bad Date Co,bad.example\r\n",
        q(payloads[0])
    ));
    out.into_bytes()
}

fn plan_of(bytes: &[u8], options: &ImportOptions, lang: Lang) -> Plan {
    let import = match import(bytes, options) {
        Ok(ImportOutcome::Ready(i)) => i,
        other => panic!("expected Ready, got {other:?}"),
    };
    assert!(import.report.is_balanced());
    build_plan(
        &import,
        &Settings {
            lang,
            ..Settings::new(NaiveDate::from_ymd_opt(2020, 6, 15).unwrap())
        },
    )
}

/// The names of the HTML tags in a document.
fn tags(html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
            .collect::<String>()
            .trim_start_matches('/')
            .to_ascii_lowercase();
        out.insert(name);
    }
    out
}

#[test]
fn markup_in_every_field_stays_text_in_every_export() {
    for lang in [Lang::En, Lang::ZhTw] {
        let plan = plan_of(&hostile_export(MARKUP), &ImportOptions::default(), lang);
        assert_eq!(
            plan.customers.len(),
            MARKUP.len(),
            "every hostile row is planned"
        );
        assert_eq!(plan.source.rows_rejected.len(), 1);
        assert!(
            plan.source.rows_rejected[0]
                .to_string()
                .contains("<script>"),
            "the reason quotes the value"
        );

        // The tags a benign plan of the same shape writes are all an
        // export may contain.
        let benign = plan_of(
            &hostile_export(&["plain"; 8]),
            &ImportOptions::default(),
            lang,
        );
        let allowed = tags(
            &customer_html(&benign, &benign.customers[0].key, lang, &Handout::default()).unwrap(),
        );
        for c in &plan.customers {
            let html = customer_html(&plan, &c.key, lang, &Handout::default()).unwrap();
            let found = tags(&html);
            assert!(
                found.is_subset(&allowed),
                "tags from data: {:?}",
                found.difference(&allowed)
            );
            for raw in ["<script", "<img", "<svg", "<iframe", "<a "] {
                assert!(
                    !html.contains(raw),
                    "{raw} in the HTML of {}",
                    c.display_name
                );
            }
            let md = customer_markdown(&plan, &c.key, lang).unwrap();
            assert_markdown_inert(&md);
        }
        assert_markdown_inert(&to_markdown(&plan, lang));

        // iCalendar: one event per subscription, whatever the texts hold.
        let ics = to_ics(&plan, lang);
        let benign_ics = to_ics(&benign, lang);
        let events = |ics: &str| {
            ics.replace("\r\n ", "")
                .split("\r\n")
                .filter(|l| *l == "BEGIN:VEVENT")
                .count()
        };
        assert_eq!(events(&ics), events(&benign_ics));
        assert!(events(&ics) >= MARKUP.len());
        assert!(!ics.contains("\r\nSUMMARY:injected"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "folded");

        // JSON: the values come back exactly as they were.
        let back = plan_from_json(&to_json(&plan, lang)).unwrap();
        assert_eq!(back, plan);
        assert!(back
            .customers
            .iter()
            .any(|c| c.display_name.starts_with("<script>")));
    }
}

/// Every `<` and every `[` that could open a tag or a link is escaped.
fn assert_markdown_inert(md: &str) {
    let b = md.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'<' {
            assert!(
                i > 0 && b[i - 1] == b'\\',
                "raw < at {i}: {}",
                &md[i.saturating_sub(40)..(i + 40).min(md.len())]
            );
        }
    }
    for (i, _) in md.match_indices("](") {
        assert!(
            i > 0 && b[i - 1] == b'\\',
            "a link from data: {}",
            &md[i.saturating_sub(40)..]
        );
    }
    assert!(!md.contains("\nBEGIN:VEVENT"), "a newline from data");
}

#[test]
fn formulas_never_start_a_csv_cell() {
    let plan = plan_of(
        &hostile_export(FORMULAS),
        &ImportOptions::default(),
        Lang::En,
    );
    assert_eq!(plan.customers.len(), FORMULAS.len());
    let bytes = to_csv(&plan, Lang::En);
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let numeric = ["seats", "days_left", "quantity_to_buy"];
    let mut cells = 0;
    for record in reader.records() {
        let record = record.unwrap();
        for (i, cell) in record.iter().enumerate() {
            cells += 1;
            let Some(first) = cell.chars().next() else {
                continue;
            };
            if numeric.contains(&HEADERS[i]) {
                assert!(cell.parse::<i64>().is_ok(), "{}: {cell:?}", HEADERS[i]);
            } else {
                assert!(
                    !"=+-@\t\r".contains(first),
                    "{}: {cell:?} starts a formula",
                    HEADERS[i]
                );
            }
        }
    }
    assert!(cells > FORMULAS.len() * HEADERS.len() / 2);
    // The payloads are kept, behind the apostrophe, not dropped.
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("'=HYPERLINK(\"\"http://evil.example\"\""));
    assert!(text.contains("'@SUM(1+1)"));
    assert!(text.contains("'+1+cmd"));
    assert!(text.contains("'-2+3+cmd"));
}

#[test]
fn a_hostile_file_name_stays_text() {
    // A per-customer export without a customer column: the file name
    // names the customer.
    let csv = "Subscription ID,Subscription,Quantity,Status,Reseller\na1,Microsoft Kaizala Pro,25,Active,\n";
    let name = "=cmd|' -C calc'!A0 <img src=x onerror=alert(1)>.csv";
    let options = ImportOptions {
        file_name: Some(name.into()),
        ..Default::default()
    };
    let plan = plan_of(csv.as_bytes(), &options, Lang::En);
    let c = &plan.customers[0];
    assert!(c.display_name.contains("<img"), "{}", c.display_name);
    let html = customer_html(&plan, &c.key, Lang::En, &Handout::default()).unwrap();
    assert!(!html.contains("<img") && html.contains("&lt;img"));
    assert_markdown_inert(&customer_markdown(&plan, &c.key, Lang::En).unwrap());
    let csv_out = String::from_utf8(to_csv(&plan, Lang::En)).unwrap();
    assert!(csv_out.contains("\r\n'=cmd|"), "{csv_out}");
    assert!(!csv_out.contains("\n=cmd") && !csv_out.contains(",=cmd"));
}
