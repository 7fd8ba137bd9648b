/*!
What every output carries besides the plan (the partner, the steps done,
the caveats), the part of a plan sold through one reseller, and the
older-export check with the latest as-of date a file supports.
*/

mod plan_support;

use kaizala_engine::export::csv::HEADERS;
use kaizala_engine::export::{
    customer_markdown_with, render_with, to_csv_with, to_ics, to_ics_with, to_markdown_with,
    ExportFormat, Extras,
};
use kaizala_engine::handout::Partner;
use kaizala_engine::model::Status;
use kaizala_engine::plan::{build_plan, Category, Lang, Plan, Settings};
use kaizala_engine::progress::Progress;
use plan_support::*;

fn plan() -> Plan {
    build_plan(&sample_import(), &Settings::new(d(2020, 6, 1)))
}

fn contoso(p: &Plan) -> String {
    p.customers
        .iter()
        .find(|c| c.display_name.starts_with("Contoso"))
        .unwrap()
        .key
        .clone()
}

fn partner() -> Partner {
    Partner {
        name: "Fabrikam *Partners*".into(),
        contact: "help@fabrikam.example".into(),
    }
}

#[test]
fn customer_markdown_carries_partner_done_steps_and_caveats() {
    let p = plan();
    let key = contoso(&p);
    let mut progress = Progress::default();
    let c = p.customer(&key).unwrap();
    progress.tick_step(c, "A", d(2020, 6, 3));
    progress.tick_step(c, "B", d(2020, 6, 4));
    let extras = Extras {
        partner: Some(&partner()),
        progress: Some(&progress),
    };
    assert!(!c.recommendation.caveats.is_empty() || !c.recommendation.assumptions.is_empty());
    for lang in [Lang::En, Lang::ZhTw] {
        let md = customer_markdown_with(&p, &key, lang, &extras.handout(c)).unwrap();
        // The partner's name is escaped like every other value.
        assert!(
            md.contains("Fabrikam \\*Partners\\* · help@fabrikam.example"),
            "{md}"
        );
        assert!(md.contains("- [x] **A."), "{md}");
        let done_on = match lang {
            Lang::En => "2020-06-03",
            Lang::ZhTw => "2020年6月3日",
        };
        assert!(md.contains(done_on), "{md}");
        assert!(md.contains("- [x] **B."), "{md}");
        assert!(md.contains("- [ ] **C"), "{md}");
        let planned = p.in_lang(lang);
        let c = planned.customer(&key).unwrap();
        for cv in &c.recommendation.caveats {
            assert!(md.contains(&*kaizala_engine_escape(&cv.text)), "{md}");
        }
    }
    let en = customer_markdown_with(&p, &key, Lang::En, &extras.handout(c)).unwrap();
    assert!(en.contains("Prepared by: "));
    assert!(en.contains("(done 2020-06-03)"));
    let zh = customer_markdown_with(&p, &key, Lang::ZhTw, &extras.handout(c)).unwrap();
    assert!(zh.contains("規劃提供者："));
    assert!(zh.contains("已於 2020年6月3日完成"));
}

/// The Markdown export's escaping of a plain sentence: only its special
/// characters change.
fn kaizala_engine_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => vec!['\\', c],
            '\r' | '\n' => vec![' '],
            c => vec![c],
        })
        .collect()
}

#[test]
fn whole_plan_markdown_without_extras_names_no_partner() {
    let p = plan();
    let md = to_markdown_with(&p, Lang::En, Extras::default());
    assert!(!md.contains("Prepared by"));
    assert!(!md.contains("- [x]"));
    // An empty partner is not shown either.
    let empty = Partner::default();
    let md = to_markdown_with(
        &p,
        Lang::En,
        Extras {
            partner: Some(&empty),
            progress: None,
        },
    );
    assert!(!md.contains("Prepared by"));
}

#[test]
fn calendar_events_carry_caveats_assumptions_partner_and_done_steps() {
    let p = plan();
    let key = contoso(&p);
    let mut progress = Progress::default();
    progress.tick_step(p.customer(&key).unwrap(), "A", d(2020, 6, 3));
    let ics = to_ics_with(
        &p,
        Lang::En,
        Extras {
            partner: Some(&partner()),
            progress: Some(&progress),
        },
    );
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("Prepared by: Fabrikam *Partners* · help@fabrikam.example"));
    assert!(unfolded.contains("[x] A. "), "{unfolded}");
    assert!(unfolded.contains("(done 2020-06-03)"));
    let with_caveat = p
        .customers
        .iter()
        .flat_map(|c| c.recommendation.caveats.iter())
        .next()
        .expect("the sample has a caveat");
    let plain = to_ics(&p, Lang::En).replace("\r\n ", "");
    let first_words: String = with_caveat.text.chars().take(30).collect();
    let escaped = kaizala_engine::export::ics::escape_text(&first_words);
    assert!(plain.contains(&format!("Caveat: {escaped}")), "{plain}");
    assert!(!plain.contains("Prepared by"));
    assert!(!plain.contains("[x]"));
}

#[test]
fn csv_names_the_reseller_and_the_done_steps() {
    let mut imp = sample_import();
    for s in &mut imp.subscriptions {
        if s.customer.name.as_deref() == Some("Woodgrove Bank") {
            s.customer.reseller_mpn_id = Some("7654321".into());
        }
    }
    let p = build_plan(&imp, &Settings::new(d(2020, 6, 1)));
    let woodgrove = p
        .customers
        .iter()
        .find(|c| c.display_name == "Woodgrove Bank")
        .unwrap()
        .key
        .clone();
    let mut progress = Progress::default();
    let w = p.customer(&woodgrove).unwrap();
    progress.tick_step(w, "A", d(2020, 6, 2));
    progress.tick_step(w, "B", d(2020, 6, 2));
    let bytes = to_csv_with(
        &p,
        Lang::En,
        Extras {
            partner: None,
            progress: Some(&progress),
        },
    );
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let col = |name: &str| HEADERS.iter().position(|h| *h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let w = rows.iter().find(|r| &r[0] == "Woodgrove Bank").unwrap();
    assert_eq!(&w[col("reseller_mpn_id")], "7654321");
    assert_eq!(&w[col("steps_done")], "A 2020-06-02; B 2020-06-02");
    let other = rows.iter().find(|r| r[0].starts_with("Contoso")).unwrap();
    assert_eq!(&other[col("reseller_mpn_id")], "");
    assert_eq!(&other[col("steps_done")], "");
    assert_eq!(
        render_with(
            &p,
            ExportFormat::Csv,
            Lang::En,
            Extras {
                partner: None,
                progress: Some(&progress)
            }
        ),
        bytes
    );
}

#[test]
fn a_plan_for_one_reseller_holds_its_customers_only() {
    let mut imp = sample_import();
    for s in &mut imp.subscriptions {
        if s.customer.name.as_deref() == Some("Woodgrove Bank") {
            s.customer.reseller_mpn_id = Some("7654321".into());
        }
    }
    let p = build_plan(&imp, &Settings::new(d(2020, 6, 1)));
    assert_eq!(p.resellers(), vec!["7654321".to_string()]);
    let one = p.for_reseller("7654321");
    assert_eq!(one.customers.len(), 1);
    assert_eq!(one.customers[0].display_name, "Woodgrove Bank");
    assert_eq!(one.summary.customers_with_kaizala, 1);
    assert_eq!(one.summary.kaizala_seats, 350);
    let direct = p.for_reseller("");
    assert_eq!(direct.customers.len(), p.customers.len() - 1);
    assert!(direct
        .customers
        .iter()
        .all(|c| c.customer.reseller_mpn_id.is_none()));
    assert_eq!(
        direct.summary.kaizala_seats + one.summary.kaizala_seats,
        p.summary.kaizala_seats
    );
    assert!(p.for_reseller("no such reseller").customers.is_empty());
    assert!(plan().resellers().is_empty());
}

#[test]
fn an_older_export_is_recognised_and_the_latest_as_of_leaves_nothing_ended() {
    let a = customer("Alpine Ski House");
    let b = customer("Blue Yonder");
    let mut gone = kaizala(&b, "b-gone", 5, d(2019, 1, 1));
    gone.status = Status::Suspended;
    let imp = import(vec![
        kaizala(&a, "a-1", 10, d(2019, 9, 1)),
        kaizala(&a, "a-2", 10, d(2020, 3, 1)),
        kaizala(&b, "b-1", 20, d(2019, 10, 15)),
        gone,
    ]);
    // Planned in 2021, every end date has passed.
    let late = build_plan(&imp, &Settings::new(d(2021, 6, 1)));
    // The suspended subscription does not count: it needs no migration.
    assert_eq!(late.latest_supported_as_of(), Some(d(2019, 8, 31)));
    assert_eq!(late.older_export(), Some(d(2019, 8, 31)));
    // As of that day, nothing to migrate has ended.
    let fixed = build_plan(&imp, &Settings::new(d(2019, 8, 31)));
    assert!(fixed
        .customers
        .iter()
        .flat_map(|c| &c.subscriptions)
        .filter(|s| s.status == Status::Active)
        .all(|s| s.category != Category::AlreadyEnded));
    assert!(late
        .customers
        .iter()
        .flat_map(|c| &c.subscriptions)
        .filter(|s| s.status == Status::Active)
        .all(|s| s.category == Category::AlreadyEnded));
    assert_eq!(fixed.older_export(), None);
    // One subscription still running: not an older export.
    let mid = build_plan(&imp, &Settings::new(d(2020, 1, 1)));
    assert_eq!(mid.older_export(), None);
    // The end date itself counts as ended (service stops at 00:00 UTC).
    let on_last = build_plan(&imp, &Settings::new(d(2020, 3, 1)));
    assert_eq!(on_last.older_export(), Some(d(2019, 8, 31)));
    // A file with no end date at all.
    let mut undated = kaizala(&a, "u", 1, d(2020, 1, 1));
    undated.end_date = kaizala_engine::model::EndDate::Unknown;
    let p = build_plan(&import(vec![undated]), &Settings::new(d(2021, 1, 1)));
    assert_eq!(p.latest_supported_as_of(), None);
    assert_eq!(p.older_export(), None);
    // Only inactive subscriptions: the earliest end date of any.
    let mut s = kaizala(&b, "s", 1, d(2019, 5, 10));
    s.status = Status::Suspended;
    let p = build_plan(&import(vec![s]), &Settings::new(d(2021, 1, 1)));
    assert_eq!(p.latest_supported_as_of(), Some(d(2019, 5, 9)));
}
