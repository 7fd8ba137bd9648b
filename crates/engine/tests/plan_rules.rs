/*!
One table test per recommendation rule of `docs/rules.md`, each with the
case that broke it: the cheapest plan for the seats not covered, what
counts as coverage, an explicit qualification over a guess, the service
plan named "Microsoft Kaizala Pro", trials; and that every rule anchor the
app links to exists in `docs/rules.md`.
*/

mod plan_support;

use kaizala_engine::catalog::PlanId;
use kaizala_engine::import::Import;
use kaizala_engine::model::{Customer, Status, Subscription};
use kaizala_engine::plan::*;
use plan_support::*;

fn settings() -> Settings {
    Settings::new(d(2020, 6, 1))
}

fn plan_one(subs: Vec<Subscription>, cs: Option<(&Customer, CustomerSettings)>) -> CustomerPlan {
    let imp: Import = import(subs);
    let mut s = settings();
    if let Some((c, cs)) = cs {
        s.customers.insert(c.key(), cs);
    }
    let plan = build_plan(&imp, &s);
    assert_eq!(plan.customers.len(), 1, "{:#?}", plan.customers);
    plan.customers[0].clone()
}

fn with_sku(mut s: Subscription, sku: &str) -> Subscription {
    s.sku = Some(sku.into());
    s
}

fn top_up(cp: &CustomerPlan) -> Option<&Alternative> {
    cp.alternatives
        .iter()
        .find(|a| matches!(a.why.what, AltWhy::TopUp { .. }))
}

/// The case of the issue: 20 × Microsoft 365 E5 and 100 Kaizala Pro seats
/// was told to buy 80 more E5.
#[test]
fn held_e5_does_not_make_the_uncovered_seats_e5() {
    let c = customer("Contoso");
    let cp = plan_one(
        vec![
            kaizala(&c, "k1", 100, d(2020, 9, 1)),
            with_sku(sub(&c, "e5", "", 20, d(2021, 1, 1)), "SPE_E5"),
        ],
        None,
    );
    let r = &cp.recommendation;
    assert_eq!(r.family, Family::Business);
    assert_eq!(r.plan_id, Some(PlanId::BusinessBasic));
    assert_eq!(r.quantity, Some(80));
    assert_eq!(r.raise, None);
    assert!(r.assumptions.iter().any(|a| a.what
        == Assumption::CoverageOverlap {
            plan: "Microsoft 365 E5".into(),
            subscription_id: "e5".into(),
            seats: 20
        }));
    let alt = top_up(&cp).expect("topping up the E5 is offered");
    assert_eq!(alt.plan_id, PlanId::M365E5);
    assert_eq!(
        alt.why.what,
        AltWhy::TopUp {
            plan: "Microsoft 365 E5".into(),
            subscription_id: "e5".into(),
            seats: Some(80)
        }
    );
    assert!(alt.why.text.contains("add 80 seats to subscription e5"));
}

/// Which plan is the cheapest that fits, rule by rule.
#[test]
fn the_lowest_priced_plan_that_fits() {
    struct Case {
        what: &'static str,
        subs: fn(&Customer) -> Vec<Subscription>,
        frontline: bool,
        family: Family,
        plan: PlanId,
        quantity: u32,
        raise: Option<&'static str>,
    }
    let cases = [
        Case {
            what: "default: Business Basic",
            subs: |c| vec![kaizala(c, "k1", 40, d(2020, 9, 1))],
            frontline: false,
            family: Family::Business,
            plan: PlanId::BusinessBasic,
            quantity: 40,
            raise: None,
        },
        Case {
            what: "more than 300: Office 365 E1",
            subs: |c| vec![kaizala(c, "k1", 301, d(2020, 9, 1))],
            frontline: false,
            family: Family::Enterprise,
            plan: PlanId::O365E1,
            quantity: 301,
            raise: None,
        },
        Case {
            what: "frontline: Office 365 F3, cheaper than Microsoft 365 F3",
            subs: |c| vec![kaizala(c, "k1", 500, d(2020, 9, 1))],
            frontline: true,
            family: Family::Frontline,
            plan: PlanId::O365F3,
            quantity: 500,
            raise: None,
        },
        Case {
            what: "held Business Basic is raised",
            subs: |c| {
                vec![
                    kaizala(c, "k1", 30, d(2020, 9, 1)),
                    with_sku(
                        sub(c, "bb", "", 10, d(2021, 1, 1)),
                        "O365_BUSINESS_ESSENTIALS",
                    ),
                ]
            },
            frontline: false,
            family: Family::Business,
            plan: PlanId::BusinessBasic,
            quantity: 20,
            raise: Some("bb"),
        },
        Case {
            what: "the Business cap counts held seats: 290 + 20 pushes to E1",
            subs: |c| {
                vec![
                    kaizala(c, "k1", 310, d(2020, 9, 1)),
                    with_sku(
                        sub(c, "bb", "", 290, d(2021, 1, 1)),
                        "O365_BUSINESS_ESSENTIALS",
                    ),
                ]
            },
            frontline: false,
            family: Family::Enterprise,
            plan: PlanId::O365E1,
            quantity: 20,
            raise: None,
        },
        Case {
            what: "held E1 is the cheapest that fits past the cap: raised",
            subs: |c| {
                vec![
                    kaizala(c, "k1", 500, d(2020, 9, 1)),
                    sub(c, "e1", "Office 365 E1", 100, d(2021, 1, 1)),
                ]
            },
            frontline: false,
            family: Family::Enterprise,
            plan: PlanId::O365E1,
            quantity: 400,
            raise: Some("e1"),
        },
    ];
    for case in cases {
        let c = customer("Northwind");
        let cs = CustomerSettings {
            frontline: case.frontline,
            ..Default::default()
        };
        let cp = plan_one((case.subs)(&c), Some((&c, cs)));
        let r = &cp.recommendation;
        assert_eq!(r.family, case.family, "{}", case.what);
        assert_eq!(r.plan_id, Some(case.plan), "{}", case.what);
        assert_eq!(r.quantity, Some(case.quantity), "{}", case.what);
        assert_eq!(
            r.raise.as_ref().map(|x| &*x.subscription_id),
            case.raise,
            "{}",
            case.what
        );
    }
}

#[test]
fn business_cap_case_names_the_seats_and_offers_no_top_up_past_it() {
    let c = customer("Northwind");
    let cp = plan_one(
        vec![
            kaizala(&c, "k1", 310, d(2020, 9, 1)),
            with_sku(
                sub(&c, "bb", "", 290, d(2021, 1, 1)),
                "O365_BUSINESS_ESSENTIALS",
            ),
        ],
        None,
    );
    assert_eq!(cp.recommendation.basis, Reason::Enterprise { seats: 310 });
    assert!(top_up(&cp).is_none(), "{:?}", cp.alternatives);
}

#[test]
fn frontline_offers_microsoft_365_f3_as_the_alternative() {
    let c = customer("Tailspin Retail");
    let cs = CustomerSettings {
        frontline: true,
        ..Default::default()
    };
    let cp = plan_one(vec![kaizala(&c, "k1", 40, d(2020, 9, 1))], Some((&c, cs)));
    assert_eq!(cp.recommendation.plan_id, Some(PlanId::O365F3));
    assert_eq!(cp.alternatives[0].plan_id, PlanId::M365F3);
    assert_eq!(cp.alternatives[0].why.what, AltWhy::FrontlineSuite);
}

/// Business Basic stays the default, with its caveat, and Office 365 E1
/// is named as the cheapest plan whose own SKU data lists Kaizala.
#[test]
fn business_basic_carries_its_caveat_and_the_listed_alternative() {
    let c = customer("Tailspin Toys");
    let cp = plan_one(vec![kaizala(&c, "k1", 20, d(2020, 9, 1))], None);
    let r = &cp.recommendation;
    let caveat = r
        .caveats
        .iter()
        .find(|c| c.what == Caveat::BusinessBasicListing)
        .expect("the caveat travels with Business Basic");
    assert!(caveat.text.contains("before you remove"), "{}", caveat.text);
    assert_eq!(cp.alternatives[0].plan_id, PlanId::O365E1);
    assert_eq!(cp.alternatives[0].why.what, AltWhy::CheapestListed);
}

/// Only active, paid licenses for people count; the others are listed
/// with why.
#[test]
fn what_counts_as_coverage() {
    type Make = fn(&Customer) -> Subscription;
    let cases: &[(&str, Make, NotCountedWhy)] = &[
        (
            "trial E3",
            |c| Subscription {
                trial: true,
                ..sub(c, "x", "Office 365 E3", 50, d(2021, 1, 1))
            },
            NotCountedWhy::Trial,
        ),
        (
            "\"Trial\" in the offer",
            |c| sub(c, "x", "Office 365 E3 Trial", 50, d(2021, 1, 1)),
            NotCountedWhy::Trial,
        ),
        (
            "RPA SKU",
            |c| with_sku(sub(c, "x", "", 50, d(2021, 1, 1)), "SPE_E3_RPA1"),
            NotCountedWhy::Unattended,
        ),
        (
            "unattended by name",
            |c| {
                sub(
                    c,
                    "x",
                    "Microsoft 365 E3 - Unattended License",
                    50,
                    d(2021, 1, 1),
                )
            },
            NotCountedWhy::Unattended,
        ),
        (
            "student use benefit",
            |c| with_sku(sub(c, "x", "", 50, d(2021, 1, 1)), "M365EDU_A3_STUUSEBNFT"),
            NotCountedWhy::StudentUseBenefit,
        ),
        (
            "suspended",
            |c| Subscription {
                status: Status::Suspended,
                ..sub(c, "x", "Office 365 E3", 50, d(2021, 1, 1))
            },
            NotCountedWhy::Inactive,
        ),
        (
            "ended",
            |c| sub(c, "x", "Office 365 E3", 50, d(2020, 5, 1)),
            NotCountedWhy::Ended,
        ),
    ];
    for (what, make, why) in cases {
        let c = customer("Woodgrove");
        let cp = plan_one(vec![kaizala(&c, "k1", 80, d(2020, 9, 1)), make(&c)], None);
        assert!(cp.coverage.is_empty(), "{what}: {:?}", cp.coverage);
        assert_eq!(cp.recommendation.quantity, Some(80), "{what}");
        assert_eq!(cp.not_counted.len(), 1, "{what}");
        assert_eq!(cp.not_counted[0].why.what, *why, "{what}");
        assert_eq!(&*cp.not_counted[0].id, "x", "{what}");
        assert!(!cp.not_counted[0].why.text.is_empty());
    }
}

/// "Microsoft Kaizala Pro" is also the friendly name of the service plans
/// inside E3/E5/A3/A5: a row with a bundle's SKU, or a service plan's name
/// or id, is coverage and never a standalone subscription to suspend.
#[test]
fn the_bundles_service_plan_is_coverage() {
    let c = customer("Fabrikam");
    let rows: &[(&str, Option<&str>)] = &[
        ("Microsoft Kaizala Pro", Some("SPE_E5")),
        (
            "Microsoft Kaizala Pro",
            Some("06ebc4ee-1bb5-47dd-8120-11324bc54e06"),
        ),
        ("Microsoft Kaizala Pro", Some("M365EDU_A5_FACULTY")),
        ("Microsoft Kaizala Pro", Some("KAIZALA_STANDALONE")),
        (
            "Microsoft Kaizala Pro",
            Some("0898bdbb-73b0-471a-81e5-20f1fe4dd66e"),
        ),
        ("Microsoft Kaizala Pro", Some("KAIZALA_O365_P3")),
        ("KAIZALA_STANDALONE", None),
    ];
    for (offer, sku) in rows {
        let mut row = sub(&c, "bundle", offer, 30, d(2021, 1, 1));
        row.sku = sku.map(Into::into);
        let cp = plan_one(vec![kaizala(&c, "k1", 50, d(2020, 9, 1)), row], None);
        assert_eq!(cp.subscriptions.len(), 1, "{offer} {sku:?}");
        assert_eq!(&*cp.subscriptions[0].id, "k1");
        assert_eq!(cp.coverage.len(), 1, "{offer} {sku:?}");
        assert_eq!(cp.recommendation.quantity, Some(20), "{offer} {sku:?}");
    }
    // Beside the bundle's own row, the service plan's row is not counted
    // twice.
    let e5 = with_sku(sub(&c, "e5", "", 30, d(2021, 1, 1)), "SPE_E5");
    let part = with_sku(
        sub(&c, "sp", "Microsoft Kaizala Pro", 30, d(2021, 1, 1)),
        "KAIZALA_STANDALONE",
    );
    let cp = plan_one(vec![kaizala(&c, "k1", 50, d(2020, 9, 1)), e5, part], None);
    assert_eq!(cp.coverage.len(), 1);
    assert_eq!(&*cp.coverage[0].id, "e5");
    assert_eq!(cp.not_counted[0].why.what, NotCountedWhy::PartOfBundle);
    assert_eq!(cp.recommendation.quantity, Some(20));
}

/// Kaizala Pro trials are listed apart; nothing is bought for them unless
/// the partner includes them.
#[test]
fn kaizala_pro_trials_are_apart() {
    let c = customer("Litware");
    let trial = Subscription {
        trial: true,
        ..kaizala(&c, "t1", 25, d(2020, 9, 1))
    };
    let subs = || vec![kaizala(&c, "k1", 40, d(2020, 9, 1)), trial.clone()];
    let cp = plan_one(subs(), None);
    assert_eq!(cp.subscriptions.len(), 2);
    assert!(cp.subscriptions.iter().any(|s| s.trial && &*s.id == "t1"));
    assert_eq!(cp.kaizala_seats, 40);
    assert_eq!(cp.trial_seats, 25);
    assert_eq!(cp.recommendation.quantity, Some(40));
    assert!(cp
        .recommendation
        .assumptions
        .iter()
        .any(|a| a.what == Assumption::TrialSeatsLeftOut { seats: 25 }));
    let cs = CustomerSettings {
        include_trials: true,
        ..Default::default()
    };
    let cp = plan_one(subs(), Some((&c, cs)));
    assert_eq!(cp.kaizala_seats, 65);
    assert_eq!(cp.trial_seats, 25);
    assert_eq!(cp.recommendation.quantity, Some(65));
    // "Trial" in the offer marks a trial too.
    let named = kaizala_engine::model::Subscription {
        offer: "Microsoft Kaizala Pro Trial".into(),
        ..kaizala(&c, "t2", 5, d(2020, 9, 1))
    };
    let cp = plan_one(vec![kaizala(&c, "k1", 40, d(2020, 9, 1)), named], None);
    assert_eq!((cp.kaizala_seats, cp.trial_seats), (40, 5));
}

/// An explicit qualification other than Education wins over a school
/// name or domain; the user's own choice still wins over both.
#[test]
fn an_explicit_qualification_wins_over_a_guess() {
    let qualifications = [
        "Commercial",
        "None",
        "Nonprofit",
        "Not an education customer",
        "In review",
    ];
    for q in qualifications {
        let mut c = customer("Contoso University");
        c.domain = Some("contoso.edu".into());
        c.qualification = Some(q.into());
        let cp = plan_one(vec![kaizala(&c, "k1", 40, d(2020, 9, 1))], None);
        let r = &cp.recommendation;
        assert_eq!(r.family, Family::Business, "{q}");
        assert!(
            cp.alternatives
                .iter()
                .all(|a| !matches!(a.plan_id, PlanId::O365A1 | PlanId::M365A1)),
            "{q}"
        );
        // Still shown as detected, for the partner to see.
        assert!(cp.education_detected.is_some(), "{q}");
        let caveat = r
            .caveats
            .iter()
            .find(|c| {
                c.what
                    == Caveat::EducationNotVerified {
                        qualification: q.into(),
                    }
            })
            .unwrap_or_else(|| panic!("{q}: {:?}", r.caveats));
        assert!(caveat.text.contains("Special qualifications"), "{q}");
        // The user's choice wins.
        let cs = CustomerSettings {
            education: Some(true),
            ..Default::default()
        };
        let cp = plan_one(vec![kaizala(&c, "k1", 40, d(2020, 9, 1))], Some((&c, cs)));
        assert_eq!(cp.recommendation.family, Family::Education, "{q}");
    }
    // Without the column, or with Education in it, the school gets A1.
    for q in [None, Some("Education")] {
        let mut c = customer("Contoso University");
        c.qualification = q.map(Into::into);
        let cp = plan_one(vec![kaizala(&c, "k1", 40, d(2020, 9, 1))], None);
        assert_eq!(cp.recommendation.plan_id, Some(PlanId::O365A1), "{q:?}");
        assert!(cp
            .recommendation
            .caveats
            .iter()
            .all(|c| !matches!(c.what, Caveat::EducationNotVerified { .. })));
    }
    // A plain commercial customer gets no school caveat.
    let mut c = customer("Contoso");
    c.qualification = Some("Commercial".into());
    let cp = plan_one(vec![kaizala(&c, "k1", 40, d(2020, 9, 1))], None);
    assert!(cp
        .recommendation
        .caveats
        .iter()
        .all(|c| !matches!(c.what, Caveat::EducationNotVerified { .. })));
}

/// Held plans that cover every seat: buy nothing, raise nothing.
#[test]
fn existing_means_buy_nothing() {
    let c = customer("Woodgrove");
    let cp = plan_one(
        vec![
            kaizala(&c, "k1", 20, d(2020, 9, 1)),
            sub(&c, "e3", "Office 365 E3", 50, d(2021, 1, 1)),
        ],
        None,
    );
    let r = &cp.recommendation;
    assert_eq!(r.family, Family::Existing);
    assert_eq!(r.quantity, Some(0));
    assert_eq!(r.raise, None);
    // Overridden, the default shown beside the choice is "existing".
    let cs = CustomerSettings {
        plan_override: Some(PlanId::O365E1),
        ..Default::default()
    };
    let cp = plan_one(
        vec![
            kaizala(&c, "k1", 20, d(2020, 9, 1)),
            sub(&c, "e3", "Office 365 E3", 50, d(2021, 1, 1)),
        ],
        Some((&c, cs)),
    );
    assert_eq!(cp.recommendation.family, Family::Override);
    assert_eq!(cp.alternatives[0].plan_id, PlanId::O365E3);
    assert_eq!(
        cp.alternatives[0].why.what,
        AltWhy::DefaultRule {
            family: "existing".into()
        }
    );
}

/// Every anchor the app can link to is in docs/rules.md.
#[test]
fn rule_anchors_are_in_the_rules_document() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let doc = std::fs::read_to_string(&path).expect("docs/rules.md");
    let families = [
        Family::Existing,
        Family::Education,
        Family::Frontline,
        Family::Enterprise,
        Family::Business,
        Family::Override,
    ];
    let caveats = [
        Caveat::BusinessBasicListing,
        Caveat::EducationEligibility,
        Caveat::FrontlineEligibility,
        Caveat::BusinessSeatCap {
            plan: "x".into(),
            seats: 1,
        },
        Caveat::DeviceLicenseOnly,
        Caveat::EducationNotVerified {
            qualification: "x".into(),
        },
        Caveat::UnassignedSeats {
            seats: 1,
            holders: 1,
        },
        Caveat::UnknownLicenses {
            names: vec!["x".into()],
        },
    ];
    let assumptions = [
        Assumption::CoverageOverlap {
            plan: "x".into(),
            subscription_id: "x".into(),
            seats: 1,
        },
        Assumption::TrialSeatsLeftOut { seats: 1 },
        Assumption::SeatsOverride { seats: 1 },
        Assumption::SeatsUnknown,
        Assumption::AmbiguousCoverage { offer: "x".into() },
        Assumption::FromUsers {
            file: None,
            holders: 1,
            to_license: 1,
        },
    ];
    let anchors: Vec<&str> = families
        .iter()
        .map(|f| f.rule_anchor())
        .chain(caveats.iter().map(Caveat::rule_anchor))
        .chain(assumptions.iter().map(Assumption::rule_anchor))
        .collect();
    let mut unique = anchors.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), anchors.len(), "anchors are unique");
    for a in anchors {
        assert!(
            doc.contains(&format!("<a id=\"{a}\"></a>")),
            "docs/rules.md lacks the anchor {a}"
        );
    }
}
