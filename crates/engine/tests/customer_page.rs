/*!
The page a customer reads (the share view and the HTML page): written for
the customer, with the partner at the top, the steps done with their days,
the caveats in plain words, and the partner's details kept in a collapsed
"For your partner" section.
*/

mod plan_support;

use std::collections::BTreeMap;

use kaizala_engine::checklist::{self, StepAction};
use kaizala_engine::export::customer_html;
use kaizala_engine::handout::{customer_page, Change, Cost, Handout, Intro, Partner, Todo};
use kaizala_engine::i18n::handout::long_date;
use kaizala_engine::plan::{build_plan, Assumption, CustomerSettings, Lang, Plan, Settings};
use plan_support::*;

fn plan(settings: Settings) -> Plan {
    let big = customer("Northwind Traders");
    let overlap = customer("Contoso");
    let floor = customer("Tailspin Shops");
    let mut unknown_seats = kaizala(&customer("Litware"), "l-kp", 1, d(2020, 10, 1));
    unknown_seats.seats = None;
    build_plan(
        &import(vec![
            kaizala(&big, "n-kp", 370, d(2021, 1, 16)),
            kaizala(&overlap, "c-kp", 20, d(2020, 9, 1)),
            sub(&overlap, "c-e3", "Office 365 E3", 5, d(2021, 3, 1)),
            kaizala(&floor, "t-kp", 40, d(2020, 11, 1)),
            unknown_seats,
        ]),
        &settings,
    )
}

fn settings() -> Settings {
    let mut s = Settings::new(d(2020, 6, 15));
    s.customers.insert(
        "id:tailspin-shops-tenant".into(),
        CustomerSettings {
            frontline: true,
            ..CustomerSettings::default()
        },
    );
    s
}

fn key(p: &Plan, name: &str) -> String {
    p.customers
        .iter()
        .find(|c| c.display_name == name)
        .unwrap_or_else(|| panic!("{name} is in the plan"))
        .key
        .clone()
}

fn fabrikam() -> Handout {
    Handout {
        partner: Some(Partner {
            name: "Fabrikam Cloud".into(),
            contact: "help@fabrikam.example".into(),
        }),
        done: BTreeMap::from([("A".to_string(), Some(d(2020, 8, 3)))]),
        users_done: BTreeMap::new(),
    }
}

/// The part of the page the customer reads, before the partner's section.
fn customer_part(html: &str) -> &str {
    let at = html.find("<details").expect("a section for the partner");
    &html[..at]
}

fn partner_part(html: &str) -> &str {
    let at = html.find("<details").expect("a section for the partner");
    &html[at..html.find("</details>").unwrap()]
}

#[test]
fn the_cost_names_plan_users_and_the_day_it_starts() {
    let p = plan(settings());
    let c = p.customer(&key(&p, "Northwind Traders")).unwrap();
    let page = customer_page(c, p.as_of, Lang::En, &Handout::default());
    let a = &checklist::build(c, p.as_of, Lang::En).steps[0];
    let StepAction::Buy { plan, quantity, .. } = &a.action else {
        panic!("step A buys: {:?}", a.action)
    };
    assert_eq!(quantity, &Some(370));
    assert_eq!(
        page.costs[0].what,
        Cost::Licenses {
            wave: None,
            plan: plan.clone(),
            users: Some(370),
            from: a.due,
        }
    );
    let line = format!(
        "A license of {plan} for 370 users from {}.",
        long_date(a.due.unwrap(), Lang::En)
    );
    assert_eq!(page.costs[0].text, line);
    assert!(
        matches!(
            page.costs.last().unwrap().what,
            Cost::OldEnds { by: Some(_) }
        ),
        "and what stops costing"
    );
    let html = customer_html(&p, &c.key, Lang::En, &Handout::default()).unwrap();
    assert!(customer_part(&html).contains(&line), "{html}");
}

#[test]
fn the_page_speaks_to_the_customer() {
    let p = plan(settings());
    let c = p.customer(&key(&p, "Northwind Traders")).unwrap();
    let page = customer_page(c, p.as_of, Lang::En, &fabrikam());
    assert!(matches!(page.intro.what, Intro::Move { .. }));
    assert!(page.changes.iter().any(|ch| matches!(
        ch.what,
        Change::Move {
            users: Some(370),
            by: Some(_),
            ..
        }
    )));
    assert!(page
        .changes
        .iter()
        .any(|ch| matches!(ch.what, Change::Stops { on: Some(_), .. })));
    let todo: Vec<&Todo> = page.todo.iter().map(|t| &t.what).collect();
    assert_eq!(todo[0], &Todo::Nothing);
    assert!(matches!(todo[1], Todo::TellUsers { by: Some(_) }));
    assert_eq!(
        todo.last().unwrap(),
        &&Todo::Ask {
            partner: Some("Fabrikam Cloud".into())
        }
    );
    let html = customer_html(&p, &c.key, Lang::En, &fabrikam()).unwrap();
    let top = customer_part(&html);
    for heading in [
        "What changes for your users, and when",
        "What you need to do",
        "What it costs you",
        "Progress",
    ] {
        assert!(top.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    assert!(top.contains("They need to do nothing."));
    assert!(top.contains("Ask Fabrikam Cloud."));
    assert!(top.contains("stops at 00:00 UTC on 16 Jan 2021"), "{top}");
    assert!(html.contains("in UTC (Coordinated Universal Time)"));
    // The partner's words stay in their section: Partner Center paths and
    // the plan's ids.
    assert!(!top.contains("Partner Center"), "{top}");
    assert!(!top.contains("STANDARDPACK"));
    let partner = partner_part(&html);
    assert!(partner.contains("<summary>For your partner</summary>"));
    assert!(partner.contains("in Partner Center go to Customers"));
    assert!(partner.contains("License SKU id: <code>"));
    assert!(partner.contains("SKU part number: <code>STANDARDPACK</code>"));
}

#[test]
fn the_partner_heads_the_page_and_done_steps_carry_their_day() {
    let p = plan(settings());
    let k = key(&p, "Northwind Traders");
    let html = customer_html(&p, &k, Lang::En, &fabrikam()).unwrap();
    let prepared = html
        .find("<p class=\"prepared\">Prepared by Fabrikam Cloud · help@fabrikam.example</p>")
        .expect("the partner at the top");
    assert!(prepared < html.find("class=\"intro\"").unwrap());
    assert!(customer_part(&html).contains("Done on 3 Aug 2020"));
    assert!(customer_part(&html).contains("Planned by "));
    assert_eq!(html.matches("<li class=\"done\">").count(), 1);
    assert_eq!(html.matches(" checked>").count(), 1);
    assert!(partner_part(&html).contains("done on 2020-08-03"));

    let zh = customer_html(&p, &k, Lang::ZhTw, &fabrikam()).unwrap();
    assert!(zh.contains("製作：Fabrikam Cloud · help@fabrikam.example"));
    assert!(zh.contains("已於 2020年8月3日完成"));
    assert!(zh.contains("<summary>給合作夥伴的資訊</summary>"));
    assert!(zh.contains("UTC（世界標準時間）"));
    assert!(zh.contains("完成於 2020年8月3日"));
    assert!(zh.contains("規劃基準日：2020年"));

    // Without a partner, nothing claims to have prepared it.
    let bare = customer_html(&p, &k, Lang::En, &Handout::default()).unwrap();
    assert!(!bare.contains("Prepared by"));
    assert!(!bare.contains("Done on"));
    assert!(bare.contains("Ask your partner."));
}

#[test]
fn caveats_travel_in_plain_words_and_the_partners() {
    let p = plan(settings());
    let c = p.customer(&key(&p, "Tailspin Shops")).unwrap();
    assert!(
        !c.recommendation.caveats.is_empty(),
        "frontline has caveats"
    );
    let page = customer_page(c, p.as_of, Lang::En, &Handout::default());
    assert!(page.todo.iter().any(|t| t.what == Todo::ConfirmFrontline));
    let html = customer_html(&p, &c.key, Lang::En, &Handout::default()).unwrap();
    assert!(customer_part(&html).contains("<h2>Good to know</h2>"));
    for plain in &page.good_to_know {
        assert!(customer_part(&html).contains(&**plain), "{plain}");
    }
    for cv in &c.recommendation.caveats {
        assert!(partner_part(&html).contains(&*cv.text), "{}", cv.text);
    }
}

#[test]
fn the_seat_overlap_is_the_partners_to_check() {
    let p = plan(settings());
    let c = p.customer(&key(&p, "Contoso")).unwrap();
    let overlap = c
        .recommendation
        .assumptions
        .iter()
        .find(|a| matches!(a.what, Assumption::CoverageOverlap { .. }))
        .expect("the E3 seats are assumed to be Kaizala Pro users'");
    for lang in [Lang::En, Lang::ZhTw] {
        let p = p.in_lang(lang);
        let c = p.customer(&c.key).unwrap();
        let text = &c
            .recommendation
            .assumptions
            .iter()
            .find(|a| a.what == overlap.what)
            .unwrap()
            .text;
        let html = customer_html(&p, &c.key, lang, &Handout::default()).unwrap();
        assert!(!customer_part(&html).contains(&**text));
        assert!(partner_part(&html).contains(&**text));
    }
}

#[test]
fn an_unknown_head_count_asks_the_customer_to_count() {
    let p = plan(settings());
    let c = p.customer(&key(&p, "Litware")).unwrap();
    let page = customer_page(c, p.as_of, Lang::ZhTw, &Handout::default());
    assert!(page.todo.iter().any(|t| t.what == Todo::CountUsers));
    assert!(page
        .costs
        .iter()
        .any(|t| matches!(t.what, Cost::Licenses { users: None, .. })));
    assert!(page.todo.iter().all(|t| !t.text.is_empty()));
}

#[test]
fn a_hostile_partner_stays_text() {
    let p = plan(settings());
    let k = key(&p, "Contoso");
    let handout = Handout {
        partner: Some(Partner {
            name: "<script>alert(1)</script>".into(),
            contact: "\"><img src=x onerror=alert(1)>".into(),
        }),
        done: BTreeMap::from([("<b>".to_string(), None)]),
        users_done: BTreeMap::new(),
    };
    let html = customer_html(&p, &k, Lang::En, &handout).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img"));
}
