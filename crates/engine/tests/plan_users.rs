//! Planning from a customer's users (docs/rules.md#users): which users
//! file belongs to which customer, the quantity to buy, the reason, the
//! seats nobody holds, and the users step B moves, wave by wave.

mod plan_support;

use kaizala_engine::checklist::{self, StepAction};
use kaizala_engine::model::{License, LicenseKind, User, UsersList};
use kaizala_engine::plan::{matching_customers, Assumption, Caveat, Family};
use kaizala_engine::{build_plan, Lang, Settings};
use plan_support::*;

fn license(name: &str, kind: LicenseKind) -> License {
    License {
        name: name.into(),
        kind,
    }
}

fn pro() -> License {
    license("Microsoft Kaizala Pro", LicenseKind::KaizalaPro)
}

fn e1() -> License {
    license(
        "Office 365 E1",
        LicenseKind::IncludesKaizala(Some(kaizala_engine::catalog::KaizalaPlan::P2)),
    )
}

fn user(upn: &str, licenses: Vec<License>) -> User {
    User {
        upn: upn.into(),
        display_name: Some(upn.split('@').next().unwrap_or(upn).into()),
        licenses,
        blocked: false,
        lines: vec![2],
    }
}

/// `n` users `u<i>@<domain>`, each holding `licenses()`.
fn users(prefix: &str, n: usize, domain: &str, licenses: fn() -> Vec<License>) -> Vec<User> {
    (0..n)
        .map(|i| user(&format!("{prefix}{i:03}@{domain}"), licenses()))
        .collect()
}

fn list(domains: &[&str], users: Vec<User>) -> UsersList {
    UsersList {
        file_name: Some("users.csv".into()),
        customer: None,
        domains: domains.iter().map(|d| (*d).into()).collect(),
        users,
    }
}

fn settings() -> Settings {
    Settings::new(d(2020, 6, 1))
}

/// Contoso (domain contoso.com.tw) with `seats` Kaizala Pro seats ending
/// on 2020-08-01, and `lists` as the workspace's users files.
fn contoso_plan(seats: u32, lists: Vec<UsersList>) -> kaizala_engine::Plan {
    let mut c = customer("Contoso");
    c.domain = Some("contoso.com.tw".into());
    let mut imp = import(vec![kaizala(&c, "k-1", seats, d(2020, 8, 1))]);
    imp.users = lists;
    build_plan(&imp, &settings())
}

#[test]
fn the_quantity_is_the_holders_without_a_kaizala_plan() {
    // (holders without Kaizala, holders with E1, others, seats) → quantity
    let cases = [
        (370, 60, 20, 450, 370),
        (0, 12, 0, 12, 0),
        (5, 0, 3, 5, 5),
        (0, 0, 4, 10, 0),
    ];
    for (alone, covered, others, seats, quantity) in cases {
        let mut all = users("a", alone, "contoso.com.tw", || vec![pro()]);
        all.extend(users("b", covered, "contoso.com.tw", || vec![e1(), pro()]));
        all.extend(users("c", others, "contoso.com.tw", || vec![e1()]));
        let plan = contoso_plan(seats, vec![list(&["contoso.com.tw"], all)]);
        let c = &plan.customers[0];
        let r = &c.recommendation;
        assert_eq!(r.quantity, Some(quantity), "{alone}/{covered}/{others}");
        let u = c.users.as_ref().expect("users planned").summary;
        assert_eq!(u.holders, (alone + covered) as u32);
        assert_eq!(u.covered, covered as u32);
        assert_eq!(u.to_license, quantity);
        assert_eq!(u.users, (alone + covered + others) as u32);
        assert!(r
            .assumptions
            .iter()
            .any(|a| matches!(a.what, Assumption::FromUsers { .. })));
        assert!(!r
            .assumptions
            .iter()
            .any(|a| matches!(a.what, Assumption::CoverageOverlap { .. })));
    }
}

#[test]
fn the_reason_says_what_the_users_file_counted() {
    let mut all = users("a", 370, "contoso.com.tw", || vec![pro()]);
    all.extend(users("b", 60, "contoso.com.tw", || vec![e1(), pro()]));
    let plan = contoso_plan(450, vec![list(&["contoso.com.tw"], all)]);
    let r = &plan.customers[0].recommendation;
    assert!(
        r.reason.starts_with(
            "370 of the 430 users who hold Kaizala Pro have no plan that includes Kaizala."
        ),
        "{}",
        r.reason
    );
    let zh = plan.in_lang(Lang::ZhTw);
    assert!(
        zh.customers[0]
            .recommendation
            .reason
            .contains("430 位使用者中，有 370 位"),
        "{}",
        zh.customers[0].recommendation.reason
    );
}

#[test]
fn seats_nobody_holds_are_reported() {
    let plan = contoso_plan(
        450,
        vec![list(
            &["contoso.com.tw"],
            users("a", 400, "contoso.com.tw", || vec![pro()]),
        )],
    );
    let c = &plan.customers[0];
    assert_eq!(c.users.as_ref().unwrap().summary.unassigned_seats, Some(50));
    assert!(c.recommendation.caveats.iter().any(|x| matches!(
        x.what,
        Caveat::UnassignedSeats {
            seats: 50,
            holders: 400
        }
    )));
    // All seats held: no caveat.
    let plan = contoso_plan(
        3,
        vec![list(
            &["contoso.com.tw"],
            users("a", 3, "contoso.com.tw", || vec![pro()]),
        )],
    );
    assert!(!plan.customers[0]
        .recommendation
        .caveats
        .iter()
        .any(|x| matches!(x.what, Caveat::UnassignedSeats { .. })));
}

#[test]
fn a_users_file_belongs_by_domain_or_by_name() {
    let mut c = customer("Contoso");
    c.domain = Some("contoso.onmicrosoft.com".into());
    let fabrikam = customer("Fabrikam");
    let key_c = c.key();
    let key_f = fabrikam.key();
    let by_proxy = list(
        &["contoso.onmicrosoft.com", "contoso.com.tw"],
        users("a", 2, "contoso.com.tw", || vec![pro()]),
    );
    let mut named = list(
        &["elsewhere.example"],
        users("b", 1, "elsewhere.example", || vec![pro()]),
    );
    named.customer = Some(key_f.clone());
    let stranger = list(
        &["nobody.example"],
        users("c", 1, "nobody.example", || vec![pro()]),
    );
    let customers = [(key_c.as_str(), &c), (key_f.as_str(), &fabrikam)];
    assert_eq!(
        matching_customers(&by_proxy, customers),
        vec![key_c.clone()]
    );
    assert_eq!(matching_customers(&named, customers), vec![key_f.clone()]);
    assert!(matching_customers(&stranger, customers).is_empty());

    let mut imp = import(vec![
        kaizala(&c, "k-c", 5, d(2020, 8, 1)),
        kaizala(&fabrikam, "k-f", 5, d(2020, 8, 1)),
    ]);
    imp.users = vec![by_proxy, named, stranger];
    let plan = build_plan(&imp, &settings());
    let holders = |key: &str| {
        plan.customer(key)
            .and_then(|p| p.users.as_ref())
            .map(|u| u.summary.holders)
    };
    assert_eq!(holders(&key_c), Some(2));
    assert_eq!(holders(&key_f), Some(1));
}

#[test]
fn the_latest_users_file_of_a_customer_wins() {
    let old = list(
        &["contoso.com.tw"],
        users("a", 10, "contoso.com.tw", || vec![pro()]),
    );
    let new = list(
        &["contoso.com.tw"],
        users("a", 4, "contoso.com.tw", || vec![pro()]),
    );
    let plan = contoso_plan(10, vec![old, new]);
    assert_eq!(plan.customers[0].recommendation.quantity, Some(4));
}

#[test]
fn seats_to_cover_set_by_the_partner_still_win() {
    let mut c = customer("Contoso");
    c.domain = Some("contoso.com.tw".into());
    let mut imp = import(vec![kaizala(&c, "k-1", 10, d(2020, 8, 1))]);
    imp.users = vec![list(
        &["contoso.com.tw"],
        users("a", 4, "contoso.com.tw", || vec![pro()]),
    )];
    let mut s = settings();
    s.customers.entry(c.key()).or_default().seats_to_cover = Some(7);
    let plan = build_plan(&imp, &s);
    let r = &plan.customers[0].recommendation;
    assert_eq!(r.quantity, Some(7));
    assert!(r.users.is_none());
    // Step B still lists who moves.
    let list = checklist::build(&plan.customers[0], plan.as_of, Lang::En);
    let moved = list.steps.iter().find_map(|s| match &s.action {
        StepAction::MoveUsers { users, .. } => users.clone(),
        _ => None,
    });
    assert_eq!(moved.map(|u| u.len()), Some(4));
}

#[test]
fn step_b_lists_every_user_and_what_changes() {
    let mut all = users("a", 2, "contoso.com.tw", || vec![pro()]);
    all.extend(users("b", 1, "contoso.com.tw", || vec![e1(), pro()]));
    all.extend(users("c", 3, "contoso.com.tw", || vec![e1()]));
    let plan = contoso_plan(3, vec![list(&["contoso.com.tw"], all)]);
    let c = &plan.customers[0];
    let moves = &c.users.as_ref().unwrap().moves;
    let shown: Vec<(&str, bool, Option<&str>)> = moves
        .iter()
        .map(|m| (&*m.upn, m.needs_license, m.covered_by.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            ("a000@contoso.com.tw", true, None),
            ("a001@contoso.com.tw", true, None),
            ("b000@contoso.com.tw", false, Some("Office 365 E1")),
        ]
    );
    let list = checklist::build(c, plan.as_of, Lang::En);
    let b = list.steps.iter().find(|s| s.step == "B").expect("B");
    let StepAction::MoveUsers {
        users: Some(moved), ..
    } = &b.action
    else {
        panic!("B lists its users: {:?}", b.action)
    };
    assert_eq!(moved.len(), 3);
    assert!(b.text.contains("3 users"), "{}", b.text);
    assert!(b.text.contains("2 need a license"), "{}", b.text);
    assert!(b.text.contains("Replace"), "{}", b.text);
    let a = list.steps.iter().find(|s| s.step == "A").expect("A");
    assert!(
        matches!(
            a.action,
            StepAction::Buy {
                quantity: Some(2),
                ..
            }
        ),
        "{:?}",
        a.action
    );
}

#[test]
fn nobody_to_license_buys_nothing() {
    let plan = contoso_plan(
        3,
        vec![list(
            &["contoso.com.tw"],
            users("b", 3, "contoso.com.tw", || vec![e1(), pro()]),
        )],
    );
    let c = &plan.customers[0];
    assert_eq!(c.recommendation.quantity, Some(0));
    assert_ne!(c.recommendation.family, Family::Override);
    let list = checklist::build(c, plan.as_of, Lang::En);
    assert!(
        matches!(list.steps[0].action, StepAction::NoPurchase { .. }),
        "{:?}",
        list.steps[0].action
    );
}

#[test]
fn waves_share_the_users_out_by_their_seats() {
    let mut c = customer("Contoso");
    c.domain = Some("contoso.com.tw".into());
    let mut imp = import(vec![
        kaizala(&c, "early", 3, d(2020, 8, 1)),
        kaizala(&c, "late", 4, d(2021, 2, 1)),
    ]);
    let mut all = users("a", 5, "contoso.com.tw", || vec![pro()]);
    all.extend(users("b", 2, "contoso.com.tw", || vec![e1(), pro()]));
    imp.users = vec![list(&["contoso.com.tw"], all)];
    let plan = build_plan(&imp, &settings());
    let cl = checklist::build(&plan.customers[0], plan.as_of, Lang::En);
    assert_eq!(cl.waves(), 2);
    let per_wave: Vec<(usize, usize)> = cl
        .steps
        .iter()
        .filter_map(|s| match &s.action {
            StepAction::MoveUsers { users: Some(u), .. } => {
                Some((u.len(), u.iter().filter(|u| u.needs_license).count()))
            }
            _ => None,
        })
        .collect();
    // The first wave's 3 seats go to users who need a license first.
    assert_eq!(per_wave, [(3, 3), (4, 2)]);
    let buys: Vec<Option<u32>> = cl
        .steps
        .iter()
        .filter_map(|s| match &s.action {
            StepAction::Buy { quantity, .. } | StepAction::AddSeats { quantity, .. } => {
                Some(*quantity)
            }
            _ => None,
        })
        .collect();
    assert_eq!(buys, [Some(3), Some(2)]);
}

#[test]
fn unknown_licenses_are_listed_not_guessed() {
    let odd = || {
        vec![
            pro(),
            license("Contoso Special Bundle", LicenseKind::Unknown),
        ]
    };
    let plan = contoso_plan(
        2,
        vec![list(
            &["contoso.com.tw"],
            users("a", 2, "contoso.com.tw", odd),
        )],
    );
    let c = &plan.customers[0];
    let u = c.users.as_ref().unwrap();
    assert_eq!(u.unknown_licenses, [("Contoso Special Bundle".into(), 2)]);
    assert_eq!(c.recommendation.quantity, Some(2));
    assert!(c
        .recommendation
        .caveats
        .iter()
        .any(|x| matches!(&x.what, Caveat::UnknownLicenses { names } if names == &["Contoso Special Bundle"])));
}

#[test]
fn without_a_users_file_nothing_changes() {
    let plan = contoso_plan(
        10,
        vec![list(
            &["other.example"],
            users("a", 2, "other.example", || vec![pro()]),
        )],
    );
    let c = &plan.customers[0];
    assert!(c.users.is_none());
    assert_eq!(c.recommendation.quantity, Some(10));
    let list = checklist::build(c, plan.as_of, Lang::En);
    assert!(list
        .steps
        .iter()
        .all(|s| !matches!(s.action, StepAction::MoveUsers { users: Some(_), .. })));
}

#[test]
fn the_json_carries_the_users_summary_and_each_moves_users() {
    let mut all = users("a", 2, "contoso.com.tw", || vec![pro()]);
    all.extend(users("b", 1, "contoso.com.tw", || vec![e1(), pro()]));
    let plan = contoso_plan(4, vec![list(&["contoso.com.tw"], all)]);
    let json = kaizala_engine::export::to_json(&plan, Lang::En);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c = &v["customers"][0];
    assert_eq!(
        c["users_summary"],
        serde_json::json!({"users": 3, "holders": 3, "covered": 1, "to_license": 2, "unassigned_seats": 1})
    );
    let b = c["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["action"]["kind"] == "move-users")
        .unwrap();
    assert_eq!(
        b["action"]["users"][2],
        serde_json::json!({"upn": "b000@contoso.com.tw", "display_name": "b000", "needs_license": false})
    );
    // Read back, the plan is the same.
    let back = kaizala_engine::export::plan_from_json(&json).unwrap();
    assert_eq!(back.customers[0].users, plan.customers[0].users);
    // Without users, no such fields.
    let plain = contoso_plan(4, Vec::new());
    let json = kaizala_engine::export::to_json(&plain, Lang::En);
    assert!(!json.contains("users_summary") && !json.contains("\"users\""));
}

#[test]
fn users_ticked_as_moved_are_kept_by_upn_and_exported() {
    use kaizala_engine::progress::Progress;
    let mut all = users("a", 2, "contoso.com.tw", || vec![pro()]);
    all.extend(users("b", 1, "contoso.com.tw", || vec![e1(), pro()]));
    let plan = contoso_plan(3, vec![list(&["contoso.com.tw"], all)]);
    let key = plan.customers[0].key.clone();
    let mut p = Progress::default();
    p.tick_user(&key, "A001@Contoso.com.tw", d(2020, 7, 20));
    p.tick_user(&key, "a001@contoso.com.tw", d(2020, 7, 25));
    assert_eq!(
        p.user_done(&key, "a001@contoso.com.tw"),
        Some(Some(d(2020, 7, 20)))
    );
    assert_eq!(
        p.users_done(&key, ["a000@contoso.com.tw", "A001@CONTOSO.COM.TW"]),
        1
    );
    // Stored and read back.
    let back = Progress::from_json(&p.to_json()).unwrap();
    assert_eq!(back, p);
    // A colleague's marks merge in.
    let mut theirs = Progress::default();
    theirs.tick_user(&key, "b000@contoso.com.tw", d(2020, 7, 21));
    let mut ours = p.clone();
    assert_eq!(ours.merge(&theirs).ticks_added, 1);
    assert!(ours.user_done(&key, "b000@contoso.com.tw").is_some());
    // The Markdown lists each user under B, ticked or not.
    let extras = kaizala_engine::export::Extras {
        progress: Some(&p),
        ..Default::default()
    };
    let md = kaizala_engine::export::to_markdown_with(&plan, Lang::En, extras);
    assert!(
        md.contains("  - [x] a001 (`a001@contoso.com.tw`): assign "),
        "{md}"
    );
    assert!(
        md.contains("  - [ ] b000 (`b000@contoso.com.tw`): remove Kaizala Pro"),
        "{md}"
    );
    p.untick_user(&key, "a001@contoso.com.tw");
    assert!(p.is_empty());
}

#[test]
fn the_customers_web_page_lists_the_users_to_move() {
    use kaizala_engine::handout::Handout;
    let mut all = users("a", 1, "contoso.com.tw", || vec![pro()]);
    all.push(user("o'brien@contoso.com.tw", vec![e1(), pro()]));
    all[1].display_name = Some("<b>O'Brien</b>".into());
    let plan = contoso_plan(2, vec![list(&["contoso.com.tw"], all)]);
    let key = plan.customers[0].key.clone();
    let handout = Handout {
        users_done: [("a000@contoso.com.tw".to_string(), Some(d(2020, 7, 1)))].into(),
        ..Handout::default()
    };
    let page = kaizala_engine::export::customer_html(&plan, &key, Lang::ZhTw, &handout).unwrap();
    assert!(page.contains("<ul class=\"checklist users\">"), "{page}");
    assert!(
        page.contains(
            "<input type=\"checkbox\" checked> a000 (<code>a000@contoso.com.tw</code>)："
        ),
        "{page}"
    );
    assert!(
        page.contains("&lt;b&gt;O&#39;Brien&lt;/b&gt;")
            || page.contains("&lt;b&gt;O'Brien&lt;/b&gt;"),
        "{page}"
    );
    assert!(page.contains("移除 Kaizala Pro"));
    // Without users, no list.
    let plain = contoso_plan(2, Vec::new());
    let page =
        kaizala_engine::export::customer_html(&plain, &key, Lang::En, &Handout::default()).unwrap();
    assert!(!page.contains("checklist users"));
}
