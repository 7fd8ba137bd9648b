/*!
Every recommendation rule, in order, with its boundaries; coverage and the
quantity to buy; plan-level guarantees (row-order independence, customers
without Kaizala Pro, settings, re-rendering in another language).
*/

mod plan_support;

use kaizala_engine::catalog::PlanId;
use kaizala_engine::import::Import;
use kaizala_engine::model::{Customer, EndDate, Status};
use kaizala_engine::plan::*;
use plan_support::*;

fn settings() -> Settings {
    Settings::new(d(2020, 6, 1))
}

fn plan_of(import: &Import, settings: &Settings) -> Plan {
    build_plan(import, settings)
}

fn only(plan: &Plan) -> &CustomerPlan {
    assert_eq!(plan.customers.len(), 1, "{:#?}", plan.customers);
    &plan.customers[0]
}

fn with(settings: &Settings, c: &Customer, cs: CustomerSettings) -> Settings {
    let mut s = settings.clone();
    s.customers.insert(c.key(), cs);
    s
}

#[test]
fn business_is_the_default_up_to_300_seats() {
    let c = customer("Fabrikam");
    let plan = plan_of(
        &import(vec![kaizala(&c, "k1", 300, d(2020, 9, 1))]),
        &settings(),
    );
    let r = &only(&plan).recommendation;
    assert_eq!(r.family, Family::Business);
    assert_eq!(r.plan_id, Some(PlanId::BusinessBasic));
    assert_eq!(r.plan, "Microsoft 365 Business Basic");
    assert_eq!(r.sku.as_deref(), Some("O365_BUSINESS_ESSENTIALS"));
    assert_eq!(
        r.guid.as_deref(),
        Some("3b555118-da6a-4418-894f-7df1e2096870")
    );
    assert_eq!(r.kaizala_plan, None);
    assert_eq!(r.quantity, Some(300));
    assert_eq!(r.basis, Reason::Business { seats: Some(300) });
    assert!(r
        .caveats
        .iter()
        .any(|c| c.what == Caveat::BusinessBasicListing));
    // Office 365 E1 is the cheapest plan whose own SKU data lists
    // Kaizala, then Business Standard.
    let alts = &only(&plan).alternatives;
    assert_eq!(alts[0].plan_id, PlanId::O365E1);
    assert_eq!(alts[0].sku, "STANDARDPACK");
    assert_eq!(alts[0].why.what, AltWhy::CheapestListed);
    assert_eq!(alts[1].plan_id, PlanId::BusinessStandard);
    assert_eq!(alts[1].why.what, AltWhy::SkuListsKaizala);
    assert_eq!(r.raise, None);
}

#[test]
fn enterprise_above_300_seats_summed_over_subscriptions() {
    let c = customer("Northwind");
    let plan = plan_of(
        &import(vec![
            kaizala(&c, "k1", 200, d(2020, 9, 1)),
            kaizala(&c, "k2", 101, d(2020, 10, 1)),
        ]),
        &settings(),
    );
    let r = &only(&plan).recommendation;
    assert_eq!(r.family, Family::Enterprise);
    assert_eq!(r.plan_id, Some(PlanId::O365E1));
    assert_eq!(r.sku.as_deref(), Some("STANDARDPACK"));
    assert_eq!(r.quantity, Some(301));
    assert_eq!(r.basis, Reason::Enterprise { seats: 301 });
    assert!(r.caveats.is_empty());
}

#[test]
fn inactive_seats_do_not_count() {
    let c = customer("Northwind");
    let mut old = kaizala(&c, "k0", 500, d(2020, 9, 1));
    old.status = Status::Suspended;
    let plan = plan_of(
        &import(vec![old, kaizala(&c, "k1", 20, d(2020, 9, 1))]),
        &settings(),
    );
    let cp = only(&plan);
    assert_eq!(cp.kaizala_seats, 20);
    assert_eq!(cp.recommendation.family, Family::Business);
    assert_eq!(cp.recommendation.quantity, Some(20));
}

#[test]
fn frontline_when_marked() {
    let c = customer("Tailspin Retail");
    let imp = import(vec![kaizala(&c, "k1", 500, d(2020, 9, 1))]);
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            frontline: true,
            ..Default::default()
        },
    );
    let cp = only(&plan_of(&imp, &s)).clone();
    // Office 365 F3 is cheaper than Microsoft 365 F3; both carry
    // KAIZALA_O365_P1.
    assert_eq!(cp.recommendation.family, Family::Frontline);
    assert_eq!(cp.recommendation.plan_id, Some(PlanId::O365F3));
    assert_eq!(cp.recommendation.sku.as_deref(), Some("DESKLESSPACK"));
    assert!(cp
        .recommendation
        .caveats
        .iter()
        .any(|c| c.what == Caveat::FrontlineEligibility));
    assert_eq!(cp.alternatives[0].plan_id, PlanId::M365F3);
    assert_eq!(cp.alternatives[0].why.what, AltWhy::FrontlineSuite);
}

#[test]
fn education_detection() {
    // (name, domain, qualification, expected signal)
    type Case<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<EducationSignal>,
    );
    let cases: &[Case] = &[
        (
            Some("Contoso"),
            Some("contoso.edu"),
            None,
            Some(EducationSignal::Domain {
                domain: "contoso.edu".into(),
            }),
        ),
        (
            Some("Contoso"),
            Some("ntu.edu.tw"),
            None,
            Some(EducationSignal::Domain {
                domain: "ntu.edu.tw".into(),
            }),
        ),
        (
            Some("Contoso"),
            Some("cs.ox.ac.uk"),
            None,
            Some(EducationSignal::Domain {
                domain: "cs.ox.ac.uk".into(),
            }),
        ),
        (
            Some("Contoso"),
            Some("NTHU.EDU.TW."),
            None,
            Some(EducationSignal::Domain {
                domain: "NTHU.EDU.TW.".into(),
            }),
        ),
        (Some("Contoso"), Some("edu.contoso.com"), None, None),
        (Some("Contoso"), Some("education.com"), None, None),
        (Some("Contoso"), Some("ac.com"), None, None),
        (
            Some("Riverside High School"),
            None,
            None,
            Some(EducationSignal::Name {
                word: "school".into(),
            }),
        ),
        (
            Some("UNIVERSITY OF CONTOSO"),
            None,
            None,
            Some(EducationSignal::Name {
                word: "university".into(),
            }),
        ),
        (
            Some("Contoso Institute of Technology"),
            None,
            None,
            Some(EducationSignal::Name {
                word: "institute of technology".into(),
            }),
        ),
        (Some("Contoso Institute"), None, None, None),
        (Some("Schoolhouse Rock Ltd"), None, None, None),
        (
            Some("國立臺灣大學"),
            None,
            None,
            Some(EducationSignal::Name {
                word: "大學".into(),
            }),
        ),
        (
            Some("臺北市立建國高級中學"),
            None,
            None,
            Some(EducationSignal::Name {
                word: "中學".into(),
            }),
        ),
        (
            Some("新北市立板橋國小"),
            None,
            None,
            Some(EducationSignal::Name {
                word: "國小".into(),
            }),
        ),
        (
            Some("Contoso"),
            None,
            Some("Education"),
            Some(EducationSignal::Qualification),
        ),
        (
            Some("Contoso"),
            None,
            Some("Not an education customer"),
            None,
        ),
        (Some("Contoso"), None, Some("In review"), None),
    ];
    for (name, domain, qual, want) in cases {
        let c = Customer {
            id: None,
            name: name.map(Into::into),
            domain: domain.map(Into::into),
            qualification: qual.map(Into::into),
            reseller_mpn_id: None,
        };
        assert_eq!(detect_education(&c), *want, "{name:?} {domain:?} {qual:?}");
    }
}

#[test]
fn education_recommends_office_365_a1_and_can_be_overridden() {
    let mut c = customer("National Contoso University");
    c.domain = Some("contoso.edu.tw".into());
    let imp = import(vec![kaizala(&c, "k1", 900, d(2020, 9, 1))]);
    let cp = only(&plan_of(&imp, &settings())).clone();
    let r = &cp.recommendation;
    assert_eq!(r.family, Family::Education);
    assert_eq!(r.plan_id, Some(PlanId::O365A1));
    assert_eq!(r.plan, "Office 365 A1 for faculty");
    assert_eq!(r.sku.as_deref(), Some("STANDARDWOFFPACK_FACULTY"));
    assert_eq!(
        r.guid.as_deref(),
        Some("94763226-9b3c-4e75-a931-5c89701abe66")
    );
    assert!(r
        .caveats
        .iter()
        .any(|c| c.what == Caveat::EducationEligibility));
    assert_eq!(cp.alternatives[0].plan_id, PlanId::M365A1);
    // Education comes before frontline and enterprise.
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            frontline: true,
            ..Default::default()
        },
    );
    assert_eq!(
        only(&plan_of(&imp, &s)).recommendation.family,
        Family::Education
    );
    // The user can say it is not a school.
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            education: Some(false),
            ..Default::default()
        },
    );
    assert_eq!(
        only(&plan_of(&imp, &s)).recommendation.family,
        Family::Enterprise
    );
    // Or that it is one, without any sign in the export.
    let plain = customer("Contoso");
    let imp = import(vec![kaizala(&plain, "k1", 10, d(2020, 9, 1))]);
    let s = with(
        &settings(),
        &plain,
        CustomerSettings {
            education: Some(true),
            ..Default::default()
        },
    );
    let r = only(&plan_of(&imp, &s)).recommendation.clone();
    assert_eq!(
        r.basis,
        Reason::Education {
            signal: EducationSignal::UserChoice
        }
    );
}

#[test]
fn uncovered_seats_get_the_cheapest_plan_not_more_of_the_held_one() {
    let c = customer("Woodgrove");
    let e3 = sub(&c, "e3", "Office 365 E3", 50, d(2021, 1, 1));
    let imp = import(vec![kaizala(&c, "k1", 80, d(2020, 9, 1)), e3]);
    let cp = only(&plan_of(&imp, &settings())).clone();
    let r = &cp.recommendation;
    assert_eq!(r.family, Family::Business);
    assert_eq!(r.plan_id, Some(PlanId::BusinessBasic));
    assert_eq!(r.quantity, Some(30));
    assert_eq!(r.raise, None);
    assert!(r.assumptions.iter().any(|a| a.what
        == Assumption::CoverageOverlap {
            plan: "Office 365 E3".into(),
            subscription_id: "e3".into(),
            seats: 50
        }));
    assert_eq!(cp.coverage.len(), 1);
    assert_eq!(cp.coverage[0].seats, Some(50));
    // Topping up the held E3 is the first alternative.
    assert_eq!(cp.alternatives[0].plan_id, PlanId::O365E3);
    assert_eq!(
        cp.alternatives[0].why.what,
        AltWhy::TopUp {
            plan: "Office 365 E3".into(),
            subscription_id: "e3".into(),
            seats: Some(30)
        }
    );
    assert_eq!(
        kaizala_engine::checklist::build(&cp, settings().as_of, Lang::En).steps[0].action,
        kaizala_engine::checklist::StepAction::Buy {
            plan: "Microsoft 365 Business Basic".into(),
            sku: Some("O365_BUSINESS_ESSENTIALS".into()),
            quantity: Some(30),
            reseller_mpn_id: None,
        }
    );
}

#[test]
fn existing_plan_covering_everyone_needs_no_purchase() {
    let c = customer("Woodgrove");
    let mut f3 = sub(&c, "f3", "", 100, d(2021, 1, 1));
    f3.sku = Some("SPE_F1".into());
    let imp = import(vec![kaizala(&c, "k1", 80, d(2020, 9, 1)), f3]);
    let cp = only(&plan_of(&imp, &settings())).clone();
    assert_eq!(cp.recommendation.family, Family::Existing);
    assert_eq!(cp.recommendation.plan, "Microsoft 365 F3");
    assert_eq!(cp.recommendation.quantity, Some(0));
    assert_eq!(cp.recommendation.raise, None);
    assert_eq!(
        cp.recommendation.basis,
        Reason::Existing {
            plan: "Microsoft 365 F3".into(),
            covered_seats: 100
        }
    );
    assert!(cp.alternatives.is_empty());
    assert_eq!(
        kaizala_engine::checklist::build(&cp, settings().as_of, Lang::En).steps[0].action,
        kaizala_engine::checklist::StepAction::NoPurchase {
            plan: "Microsoft 365 F3".into()
        }
    );
}

#[test]
fn what_is_not_coverage() {
    let c = customer("Woodgrove");
    let mut suspended = sub(&c, "e3", "Office 365 E3", 50, d(2021, 1, 1));
    suspended.status = Status::Suspended;
    let ended = sub(&c, "e5", "Office 365 E5", 50, d(2020, 5, 1));
    let ends_today = sub(&c, "e1", "Office 365 E1", 50, d(2020, 6, 1));
    let mut new_f1 = sub(&c, "f1", "", 50, d(2021, 1, 1));
    new_f1.sku = Some("M365_F1".into());
    let apps = sub(
        &c,
        "apps",
        "Microsoft 365 Apps for business",
        50,
        d(2021, 1, 1),
    );
    let ambiguous = sub(&c, "old-f1", "Microsoft 365 F1", 50, d(2021, 1, 1));
    let imp = import(vec![
        kaizala(&c, "k1", 10, d(2020, 9, 1)),
        suspended,
        ended,
        ends_today,
        new_f1,
        apps,
        ambiguous,
    ]);
    let cp = only(&plan_of(&imp, &settings())).clone();
    assert!(cp.coverage.is_empty(), "{:?}", cp.coverage);
    assert_eq!(cp.recommendation.family, Family::Business);
    assert!(cp.recommendation.assumptions.iter().any(|a| a.what
        == Assumption::AmbiguousCoverage {
            offer: "Microsoft 365 F1".into()
        }));
}

#[test]
fn held_business_basic_is_raised() {
    let c = customer("Woodgrove");
    let basic = sub(&c, "bb", "Office 365 Business Essentials", 5, d(2021, 1, 1));
    let cp = only(&plan_of(
        &import(vec![kaizala(&c, "k1", 10, d(2020, 9, 1)), basic]),
        &settings(),
    ))
    .clone();
    let r = &cp.recommendation;
    assert_eq!(r.family, Family::Business);
    assert_eq!(r.plan, "Microsoft 365 Business Basic");
    assert_eq!(r.quantity, Some(5));
    assert_eq!(
        r.raise,
        Some(Raise {
            subscription_id: "bb".into(),
            seats: Some(5)
        })
    );
    // The cap counts the held seats with the added ones.
    assert_eq!(r.basis, Reason::Business { seats: Some(10) });
    assert!(r
        .caveats
        .iter()
        .any(|c| c.what == Caveat::BusinessBasicListing));
}

#[test]
fn override_beats_every_rule() {
    let c = customer("Woodgrove");
    let e3 = sub(&c, "e3", "Office 365 E3", 50, d(2021, 1, 1));
    let imp = import(vec![kaizala(&c, "k1", 80, d(2020, 9, 1)), e3]);
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            plan_override: Some(PlanId::M365E5),
            ..Default::default()
        },
    );
    let cp = only(&plan_of(&imp, &s)).clone();
    let r = &cp.recommendation;
    assert_eq!(r.family, Family::Override);
    assert_eq!(r.plan, "Microsoft 365 E5");
    assert_eq!(r.sku.as_deref(), Some("SPE_E5"));
    assert_eq!(
        r.basis,
        Reason::Override {
            plan: "Microsoft 365 E5".into()
        }
    );
    assert_eq!(
        cp.alternatives[0].why.what,
        AltWhy::DefaultRule {
            family: "business".into()
        }
    );
    assert_eq!(cp.settings.plan_override, Some(PlanId::M365E5));
}

#[test]
fn override_to_business_over_the_cap_warns() {
    let c = customer("Big Co");
    let imp = import(vec![kaizala(&c, "k1", 450, d(2020, 9, 1))]);
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            plan_override: Some(PlanId::BusinessStandard),
            ..Default::default()
        },
    );
    let r = only(&plan_of(&imp, &s)).recommendation.clone();
    assert!(r.caveats.iter().any(|c| c.what
        == Caveat::BusinessSeatCap {
            plan: "Microsoft 365 Business Standard".into(),
            seats: 450
        }));
    // Microsoft 365 A1 carries no Kaizala: say so.
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            plan_override: Some(PlanId::M365A1),
            ..Default::default()
        },
    );
    let r = only(&plan_of(&imp, &s)).recommendation.clone();
    assert!(r
        .caveats
        .iter()
        .any(|c| c.what == Caveat::DeviceLicenseOnly));
}

#[test]
fn seats_to_cover_and_unknown_seats() {
    let c = customer("Contoso");
    let imp = import(vec![kaizala(&c, "k1", 40, d(2020, 9, 1))]);
    let s = with(
        &settings(),
        &c,
        CustomerSettings {
            seats_to_cover: Some(12),
            ..Default::default()
        },
    );
    let r = only(&plan_of(&imp, &s)).recommendation.clone();
    assert_eq!(r.quantity, Some(12));
    assert!(r
        .assumptions
        .iter()
        .any(|a| a.what == Assumption::SeatsOverride { seats: 12 }));

    let mut unknown = kaizala(&c, "k2", 0, d(2020, 9, 1));
    unknown.seats = None;
    let cp = only(&plan_of(&import(vec![unknown]), &settings())).clone();
    assert_eq!(cp.recommendation.quantity, None);
    assert!(!cp.seats_known);
    assert_eq!(cp.recommendation.basis, Reason::Business { seats: None });
    assert!(cp
        .recommendation
        .assumptions
        .iter()
        .any(|a| a.what == Assumption::SeatsUnknown));
}

#[test]
fn customers_without_kaizala_are_counted_not_planned() {
    let a = customer("Alpha");
    let b = customer("Beta");
    let mut imp = import(vec![
        kaizala(&a, "k1", 3, d(2020, 9, 1)),
        sub(&b, "e3", "Office 365 E3", 5, d(2021, 1, 1)),
    ]);
    imp.customers.push(customer("Gamma"));
    imp.customers.push(a.clone());
    let plan = plan_of(&imp, &settings());
    assert_eq!(plan.customers.len(), 1);
    assert_eq!(plan.summary.customers_in_file, 3);
    assert_eq!(plan.summary.customers_with_kaizala, 1);
    assert_eq!(plan.summary.customers_without_kaizala, 2);
}

#[test]
fn row_order_does_not_matter() {
    let a = customer("Alpha");
    let b = customer("beta");
    let mut a2 = a.clone();
    a2.domain = Some("alpha.example".into());
    let rows = vec![
        kaizala(&a, "k1", 3, d(2020, 9, 1)),
        kaizala(&b, "k2", 7, d(2020, 8, 1)),
        kaizala(&a2, "k3", 4, d(2020, 7, 15)),
        sub(&b, "e3", "Office 365 E3", 2, d(2021, 1, 1)),
        sub(
            &a,
            "bs",
            "Microsoft 365 Business Standard",
            1,
            d(2021, 1, 1),
        ),
    ];
    let forward = plan_of(&import(rows.clone()), &settings());
    let mut reversed = rows;
    reversed.reverse();
    assert_eq!(forward, plan_of(&import(reversed), &settings()));
    // Sorted by name, case-insensitively; subscriptions by end date.
    assert_eq!(forward.customers[0].display_name, "Alpha");
    assert_eq!(
        forward.customers[0].customer.domain.as_deref(),
        Some("alpha.example")
    );
    let ids: Vec<&str> = forward.customers[0]
        .subscriptions
        .iter()
        .map(|s| &*s.id)
        .collect();
    assert_eq!(ids, ["k3", "k1"]);
}

#[test]
fn summary_totals() {
    let a = customer("Alpha");
    let mut ended = kaizala(&a, "k0", 2, d(2020, 5, 1));
    ended.auto_renew = kaizala_engine::model::AutoRenew::Off;
    let mut unknown = kaizala(&a, "k9", 4, d(2020, 1, 1));
    unknown.end_date = EndDate::Unknown;
    let imp = import(vec![
        kaizala(&a, "k1", 3, d(2020, 9, 1)),
        kaizala(&a, "k2", 5, d(2020, 9, 20)),
        kaizala(&a, "k3", 7, d(2020, 10, 1)),
        ended,
        unknown,
    ]);
    let s = plan_of(&imp, &settings()).summary;
    assert_eq!(s.kaizala_subscriptions, 5);
    assert_eq!(s.kaizala_seats, 21);
    let cat = |c: Category| {
        s.by_category
            .iter()
            .find(|t| t.category == c)
            .map(|t| (t.subscriptions, t.seats))
    };
    assert_eq!(cat(Category::ExpiresAfterCutoff), Some((3, 15)));
    assert_eq!(cat(Category::AlreadyEnded), Some((1, 2)));
    assert_eq!(cat(Category::UnknownEndDate), Some((1, 4)));
    assert_eq!(cat(Category::Inactive), Some((0, 0)));
    assert_eq!(s.by_category.len(), 6);
    let months: Vec<(&str, u64)> = s
        .ending_by_month
        .iter()
        .map(|m| (m.month.as_str(), m.seats))
        .collect();
    // Ended subscriptions are charted too (before the as-of marker);
    // undated ones cannot be.
    assert_eq!(months, [("2020-05", 2), ("2020-09", 8), ("2020-10", 7)]);
    // The ended subscription is counted, but the customer's urgency comes
    // from its subscriptions still running.
    let ended = s
        .by_urgency
        .iter()
        .find(|u| u.urgency == Urgency::Ended)
        .unwrap();
    assert_eq!((ended.customers, ended.subscriptions), (0, 1));
    let later = s
        .by_urgency
        .iter()
        .find(|u| u.urgency == Urgency::Later)
        .unwrap();
    assert_eq!((later.customers, later.subscriptions), (1, 3));
}

#[test]
fn relabel_equals_building_in_that_language() {
    let c = customer("Woodgrove");
    let imp = import(vec![
        kaizala(&c, "k1", 80, d(2020, 9, 1)),
        kaizala(&c, "k2", 8, d(2020, 3, 1)),
        sub(&c, "e3", "Office 365 E3", 50, d(2021, 1, 1)),
    ]);
    let en = plan_of(&imp, &settings());
    let mut zh_settings = settings();
    zh_settings.lang = Lang::ZhTw;
    let zh = plan_of(&imp, &zh_settings);
    assert_ne!(en, zh);
    assert_eq!(en.in_lang(Lang::ZhTw), zh);
    assert_eq!(zh.in_lang(Lang::En), en);
    let cp = only(&zh);
    assert!(
        cp.recommendation
            .reason
            .contains("Microsoft 365 Business Basic 是包含 Kaizala 且價格最低的方案"),
        "{}",
        cp.recommendation.reason
    );
    let checklist = kaizala_engine::checklist::build(cp, zh.as_of, zh.lang).steps;
    assert!(checklist[1].text.contains("使用者和授權"));
    assert!(checklist.iter().any(|s| s.text.contains("已暫停")));
}
