/*!
Golden files for the Markdown exports (whole plan and one customer, in
both languages) and checks of the customer HTML page.

Run with `UPDATE_GOLDEN=1 cargo test --test export_markdown` to rewrite
the files under `tests/golden/` after an intended change; review the diff
before committing.
*/

mod plan_support;

use std::path::PathBuf;

use kaizala_engine::checklist;
use kaizala_engine::export::{customer_html, customer_markdown, to_markdown};
use kaizala_engine::handout::Handout;
use kaizala_engine::plan::{build_plan, Lang, Plan, Settings};
use plan_support::*;

fn plan() -> Plan {
    build_plan(&sample_import(), &Settings::new(d(2020, 6, 1)))
}

fn golden(name: &str, got: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, got).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if want != got {
        let first = want.lines().zip(got.lines()).position(|(a, b)| a != b);
        panic!(
            "{} differs (first differing line: {:?}); run with UPDATE_GOLDEN=1 to accept\n--- got ---\n{got}",
            path.display(),
            first.map(|i| i + 1)
        );
    }
}

#[test]
fn whole_plan_en() {
    golden("plan.en.md", &to_markdown(&plan(), Lang::En));
}

#[test]
fn whole_plan_zh_tw() {
    golden("plan.zh-TW.md", &to_markdown(&plan(), Lang::ZhTw));
}

#[test]
fn one_customer() {
    let p = plan();
    let key = &p
        .customers
        .iter()
        .find(|c| c.display_name.starts_with("Contoso"))
        .unwrap()
        .key;
    golden(
        "customer-contoso.en.md",
        &customer_markdown(&p, key, Lang::En).unwrap(),
    );
    golden(
        "customer-contoso.zh-TW.md",
        &customer_markdown(&p, key, Lang::ZhTw).unwrap(),
    );
    assert!(customer_markdown(&p, "no such key", Lang::En).is_none());
}

#[test]
fn markdown_escapes_export_values() {
    let md = to_markdown(&plan(), Lang::En);
    assert!(md.contains("\\| \\*bold\\* \\<b\\>"));
    assert!(!md.contains("<b>"));
    // One checkbox per step.
    let p = plan();
    let steps: usize = p
        .customers
        .iter()
        .map(|c| checklist::build(c, p.as_of, p.lang).steps.len())
        .sum();
    assert_eq!(md.matches("- [ ] **").count(), steps);
}

#[test]
fn customer_html_is_escaped_and_standalone() {
    let p = plan();
    let evil = p
        .customers
        .iter()
        .find(|c| c.display_name.contains("HYPERLINK"))
        .unwrap();
    let html = customer_html(&p, &evil.key, Lang::En, &Handout::default()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"));
    assert!(html.contains("=HYPERLINK(&quot;http://x&quot;)"));
    assert!(!html.contains("<script"));
    assert_eq!(
        html.matches("type=\"checkbox\"").count(),
        checklist::build(evil, p.as_of, p.lang).steps.len()
    );
    let zh = customer_html(&p, &evil.key, Lang::ZhTw, &Handout::default()).unwrap();
    assert!(zh.contains("<html lang=\"zh-Hant-TW\">") && zh.contains("給合作夥伴的資訊"));
    assert!(customer_html(&p, "missing", Lang::En, &Handout::default()).is_none());
}
