/*!
The exports written for people, in zh-TW, for the sample plan: the CSV,
the Markdown (whole plan and each customer), each customer's HTML page and
the iCalendar events say nothing in English but the plan's own data and
product names, write dates as Taiwan does (`2020年7月1日`, `2020/07/01`,
never `2020-07-01`) and put no half-width bracket, colon or comma next to
a Chinese character. The JSON keeps its machine words but its texts follow
`lang`, and reads back in both languages.
*/

mod plan_support;

use std::collections::BTreeSet;

use kaizala_engine::export::{
    customer_html, customer_markdown, plan_from_json, to_csv, to_ics, to_json, to_markdown,
};
use kaizala_engine::handout::Handout;
use kaizala_engine::i18n::Render;
use kaizala_engine::import::{ImportNote, RejectedRow};
use kaizala_engine::plan::{build_plan, Lang, Plan, Settings};
use plan_support::*;
use serde_json::Value;

/// Product and brand names, and the abbreviations Taiwanese partners read
/// as they are; everything else English must be the plan's own data.
const ALLOWED: &[&str] = &[
    "Kaizala",
    "Pro",
    "Microsoft",
    "Office",
    "Business",
    "Basic",
    "Standard",
    "Premium",
    "PowerShell",
    "Windows",
    "SKU",
    "UTC",
    "MPN",
    "API",
];

fn plan() -> Plan {
    build_plan(&sample_import(), &Settings::new(d(2020, 6, 1)))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Runs of three or more ASCII letters.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            word.push(c);
        } else {
            if word.len() >= 3 {
                out.push(word.clone());
            }
            word.clear();
        }
    }
    out
}

/// The words of the plan's data: names, ids, domains, offers, plans and
/// SKUs as exported, and the rejected rows' reasons (sentences the
/// importer wrote, carried as data).
fn data_words(plan: &Plan) -> BTreeSet<String> {
    let mut texts: Vec<String> = Vec::new();
    for c in &plan.customers {
        texts.push(c.display_name.clone());
        texts.extend(c.customer.id.as_deref().map(str::to_string));
        texts.extend(c.customer.domain.as_deref().map(str::to_string));
        let r = &c.recommendation;
        texts.push(r.plan.to_string());
        texts.extend(r.sku.as_deref().map(str::to_string));
        texts.extend(r.guid.as_deref().map(str::to_string));
        texts.extend(r.kaizala_plan.map(|k| k.name().to_string()));
        for a in &c.alternatives {
            texts.push(a.plan.to_string());
            texts.push(a.sku.to_string());
        }
        for cv in &c.coverage {
            texts.push(cv.product.to_string());
            texts.push(cv.id.to_string());
        }
        for s in &c.subscriptions {
            texts.push(s.id.to_string());
            texts.push(s.offer.to_string());
        }
    }
    for r in &plan.source.rows_rejected {
        texts.push(r.render(Lang::ZhTw).to_string());
    }
    texts.iter().flat_map(|t| words(t)).collect()
}

/// What a Taiwanese reader would object to in `text`.
fn problems(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for w in words(text) {
        if !ALLOWED.contains(&w.as_str()) && !allowed.contains(&w) {
            found.push(format!("English word {w:?}"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, win) in chars.windows(10).enumerate() {
        let iso = win[..10].iter().enumerate().all(|(j, c)| match j {
            4 | 7 => *c == '-',
            _ => c.is_ascii_digit(),
        });
        if iso {
            found.push(format!(
                "ISO date at {i}: {}",
                win.iter().collect::<String>()
            ));
        }
    }
    for pair in chars.windows(2) {
        let half = |c: char| matches!(c, '(' | ')' | ':' | ',');
        if (is_han(pair[0]) && half(pair[1])) || (half(pair[0]) && is_han(pair[1])) {
            found.push(format!(
                "half-width punctuation in {:?}",
                pair.iter().collect::<String>()
            ));
        }
    }
    found
}

/// The visible text of an HTML page: no style sheet, no tags, entities
/// decoded.
fn visible(html: &str) -> String {
    let body = match (html.find("</style>"), html.find("<body>")) {
        (Some(_), Some(b)) => &html[b..],
        _ => html,
    };
    let title = html
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("");
    let mut out = String::from(title);
    out.push('\n');
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The SUMMARY and DESCRIPTION texts of a calendar, unfolded and
/// unescaped.
fn calendar_texts(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .lines()
        .filter_map(|l| {
            l.strip_prefix("SUMMARY:")
                .or_else(|| l.strip_prefix("DESCRIPTION:"))
        })
        .map(|v| {
            v.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\\\", "\\")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_exports_for_people_are_in_taiwan_chinese() {
    let p = plan();
    let allowed = data_words(&p);
    // The CSV's cells, one a line: its own commas separate cells.
    let bytes = to_csv(&p, Lang::ZhTw);
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let mut cells: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    for record in reader.records() {
        cells.extend(record.unwrap().iter().map(str::to_string));
    }
    let csv = cells.join("\n");
    let mut docs = vec![
        ("csv".to_string(), csv),
        ("markdown".to_string(), to_markdown(&p, Lang::ZhTw)),
        ("ics".to_string(), calendar_texts(&to_ics(&p, Lang::ZhTw))),
    ];
    for c in &p.customers {
        docs.push((
            format!("markdown {}", c.key),
            customer_markdown(&p, &c.key, Lang::ZhTw).unwrap(),
        ));
        let html = customer_html(&p, &c.key, Lang::ZhTw, &Handout::default()).unwrap();
        docs.push((format!("html {}", c.key), visible(&html)));
    }
    for (name, text) in &docs {
        assert!(text.chars().any(is_han), "{name}: no Chinese");
        let found = problems(text, &allowed);
        assert!(found.is_empty(), "{name}: {found:#?}\n{text}");
    }
    // Taiwan's forms are there: a long date in text, a short one in
    // tables, the Taiwan time beside UTC, thousands separators.
    let md = &docs[1].1;
    for want in [
        "2020/06/30",
        "2020年6月16日",
        "（台灣時間 08:00）",
        "1,624",
        "1,200",
    ] {
        assert!(md.contains(want), "{want}");
    }
    assert!(docs[2]
        .1
        .contains("2020年7月1日 00:00 UTC（台灣時間 08:00）"));
}

/// The check above finds what it looks for.
#[test]
fn the_check_catches_english_iso_dates_and_half_width_punctuation() {
    let allowed = BTreeSet::from(["Contoso".to_string(), "Ltd".to_string()]);
    let cases = [
        ("Contoso 的 Kaizala Pro 訂閱", 0),
        ("到期日 2020-07-01", 1),
        ("訂閱 due 2020/07/01", 1),
        ("期限(2020年7月1日)", 2),
        ("注意: 內容", 1),
        ("注意:內容", 2),
        ("08:00 UTC", 0),
        ("甲,乙", 2),
        ("Contoso, Ltd", 0),
    ];
    for (text, want) in cases {
        assert_eq!(problems(text, &allowed).len(), want, "{text}");
    }
}

fn has_han(v: &Value) -> bool {
    v.as_str().is_some_and(|s| s.chars().any(is_han))
}

#[test]
fn the_json_texts_follow_lang_and_read_back() {
    let mut imp = sample_import();
    imp.report.notes = vec![
        ImportNote::RowsNumbered,
        ImportNote::CustomerFromFileName {
            name: "Contoso".into(),
        },
    ];
    let p = build_plan(&imp, &Settings::new(d(2020, 6, 1)));
    let zh = to_json(&p, Lang::ZhTw);
    let v: Value = serde_json::from_str(&zh).unwrap();
    // Machine words stay as they are.
    assert_eq!(v["lang"], "zh-TW");
    assert_eq!(v["source"]["format"], "rest-api");
    let notes = v["source"]["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().all(has_han), "{notes:?}");
    for (i, r) in p.source.rows_rejected.iter().enumerate() {
        assert_eq!(
            v["source"]["rows_rejected"][i]["reason"],
            *r.render(Lang::ZhTw),
            "rejected row {i}"
        );
    }
    for c in v["customers"].as_array().unwrap() {
        let r = &c["recommendation"];
        assert!(has_han(&r["reason"]), "{}", r["reason"]);
        assert!(r["family"].as_str().unwrap().is_ascii());
        for t in r["caveats"].as_array().into_iter().flatten() {
            assert!(has_han(&t["text"]), "{t}");
        }
        for t in r["assumptions"].as_array().into_iter().flatten() {
            assert!(has_han(&t["text"]), "{t}");
        }
        for s in c["subscriptions"].as_array().unwrap() {
            assert!(s["category"].as_str().unwrap().is_ascii());
            for n in s["notes"].as_array().into_iter().flatten() {
                assert!(has_han(&n["text"]), "{n}");
            }
        }
        for step in c["checklist"].as_array().unwrap() {
            assert!(has_han(&step["title"]) && has_han(&step["text"]), "{step}");
        }
    }
    // English says the same in English.
    let en: Value = serde_json::from_str(&to_json(&p, Lang::En)).unwrap();
    assert!(!has_han(&en["source"]["notes"][0]));

    // Both read back; what was a typed note or reason comes back as its
    // sentence in the language it was written in, and writes the same
    // bytes again.
    for lang in [Lang::En, Lang::ZhTw] {
        let json = to_json(&p, lang);
        let back = plan_from_json(&json).expect("reads back");
        let mut want = p.in_lang(lang);
        want.source.notes = want
            .source
            .notes
            .iter()
            .map(|n| ImportNote::Text(n.render(lang).to_string()))
            .collect();
        want.source.rows_rejected = want
            .source
            .rows_rejected
            .iter()
            .map(|r| RejectedRow {
                reason: r.render(lang).to_string().into(),
                ..r.clone()
            })
            .collect();
        assert_eq!(back, want, "{lang:?}");
        assert_eq!(to_json(&back, lang), json, "{lang:?}");
    }
}
