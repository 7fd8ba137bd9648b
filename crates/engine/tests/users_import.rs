/*!
Users files (issue 18): every layout in `tests/fixtures/users/` read into
one `UsersList` with its format, users, licenses and what the catalog
makes of them, the tenant's domains, and every row accounted for; the
zh-TW file through the mapping step; and no panic on any bytes.
*/
#![cfg(not(target_arch = "wasm32"))]

use kaizala_engine::catalog::{license_kind, KaizalaPlan};
use kaizala_engine::i18n::{Lang, Render};
use kaizala_engine::import::{
    check_mapping, import, mapping_fields, Field, Format, Import, ImportNote, ImportOptions,
    ImportOutcome, RejectReason, FIELDS, USER_FIELDS,
};
use kaizala_engine::model::{LicenseKind, UsersList};
use proptest::prelude::*;

const PRO: LicenseKind = LicenseKind::KaizalaPro;
const NO: LicenseKind = LicenseKind::NoKaizala;
const UNKNOWN: LicenseKind = LicenseKind::Unknown;
const P2: LicenseKind = LicenseKind::IncludesKaizala(Some(KaizalaPlan::P2));
const P3: LicenseKind = LicenseKind::IncludesKaizala(Some(KaizalaPlan::P3));

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/users/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ready(bytes: &[u8], options: &ImportOptions) -> Import {
    match import(bytes, options).expect("readable") {
        ImportOutcome::Ready(i) => {
            assert!(i.report.is_balanced(), "{:?}", i.report);
            i
        }
        ImportOutcome::NeedsMapping(m) => panic!("expected Ready, got {m:?}"),
    }
}

fn list(i: &Import) -> &UsersList {
    assert!(i.subscriptions.is_empty() && i.customers.is_empty());
    assert_eq!(i.users.len(), 1);
    &i.users[0]
}

/// A user of a fixture and the licenses (name, kind) it must hold.
type Expect<'a> = (&'a str, &'a [(&'a str, LicenseKind)]);

struct Case<'a> {
    file: &'a str,
    format: Format,
    delimiter: char,
    users: usize,
    rows: u64,
    rejected: usize,
    domains: &'a [&'a str],
    expect: &'a [Expect<'a>],
    blocked: &'a [&'a str],
    unknown: &'a [&'a str],
}

#[test]
fn every_layout_reads_its_users() {
    let cases = [
        Case {
            file: "admin_center_legacy.csv",
            format: Format::AdminCenterUsers,
            delimiter: ',',
            users: 7,
            rows: 8,
            rejected: 1,
            domains: &["contosotw.onmicrosoft.com", "contoso.com.tw"],
            expect: &[
                (
                    "ming.wang@contoso.com.tw",
                    &[("Office 365 E1", P2), ("Microsoft Kaizala Pro", PRO)],
                ),
                ("mei.lin@contoso.com.tw", &[("Microsoft Kaizala Pro", PRO)]),
                (
                    "jiahao.chen@contoso.com.tw",
                    &[
                        ("Enterprise Mobility + Security E5", NO),
                        ("Microsoft Kaizala Pro", PRO),
                    ],
                ),
                ("yating.lee@contoso.com.tw", &[]),
                ("wei.huang@contoso.com.tw", &[("Office 365 E3", P3)]),
                (
                    "shufen.tsai@contoso.com.tw",
                    &[
                        ("Microsoft Kaizala Pro", PRO),
                        ("Fabrikam Route Planner", UNKNOWN),
                    ],
                ),
            ],
            blocked: &["wei.huang@contoso.com.tw"],
            unknown: &["Fabrikam Route Planner"],
        },
        Case {
            file: "admin_center_2025.csv",
            format: Format::AdminCenterUsers,
            delimiter: ';',
            users: 7,
            rows: 7,
            rejected: 0,
            // contoso.com.tw has six users, sales.contoso.com.tw one.
            domains: &[
                "contosotw.onmicrosoft.com",
                "contoso.com.tw",
                "sales.contoso.com.tw",
            ],
            expect: &[
                (
                    "chihwei.hsu@contoso.com.tw",
                    &[("Microsoft Kaizala Pro", PRO)],
                ),
                (
                    "jiahao.chen@contoso.com.tw",
                    &[
                        ("Office 365 E1", P2),
                        ("Enterprise Mobility + Security E5", NO),
                    ],
                ),
                (
                    "wei.huang@contoso.com.tw",
                    &[
                        (
                            "Microsoft 365 Business Basic",
                            LicenseKind::IncludesKaizala(None),
                        ),
                        ("Microsoft Power Automate Free", NO),
                    ],
                ),
            ],
            blocked: &["wei.huang@contoso.com.tw"],
            unknown: &[],
        },
        Case {
            file: "o365reports_detailed.csv",
            format: Format::UserLicenseReport,
            delimiter: ',',
            users: 3,
            rows: 8,
            rejected: 0,
            domains: &["tailspintoys.com.tw"],
            expect: &[
                (
                    "huimin.lo@tailspintoys.com.tw",
                    &[("Office 365 E1", P2), ("Microsoft Kaizala Pro", PRO)],
                ),
                (
                    "chunhung.yeh@tailspintoys.com.tw",
                    &[
                        ("Microsoft Kaizala Pro", PRO),
                        ("Microsoft Power Automate Free", NO),
                    ],
                ),
                ("ling.kuo@tailspintoys.com.tw", &[("Office 365 E3", P3)]),
            ],
            blocked: &[],
            unknown: &[],
        },
        Case {
            file: "o365reports_simple.csv",
            format: Format::UserLicenseReport,
            delimiter: ',',
            users: 4,
            rows: 4,
            rejected: 0,
            domains: &["tailspintoys.com.tw"],
            expect: &[
                (
                    "huimin.lo@tailspintoys.com.tw",
                    &[("Office 365 E1", P2), ("Microsoft Kaizala Pro", PRO)],
                ),
                (
                    "ling.kuo@tailspintoys.com.tw",
                    &[
                        ("Office 365 E3", P3),
                        ("Enterprise Mobility + Security E5", NO),
                    ],
                ),
                ("reviewer@tailspintoys.com.tw", &[]),
            ],
            blocked: &[],
            unknown: &[],
        },
        Case {
            file: "admindroid.csv",
            format: Format::UserLicenseReport,
            delimiter: ',',
            users: 4,
            rows: 4,
            rejected: 0,
            domains: &["woodgrove.com.tw"],
            expect: &[
                (
                    "yichen.chang@woodgrove.com.tw",
                    &[("Office 365 E1", P2), ("Microsoft Kaizala Pro", PRO)],
                ),
                (
                    "tsunghan.liu@woodgrove.com.tw",
                    &[("Microsoft Kaizala Pro", PRO)],
                ),
                (
                    "hsinyi.cheng@woodgrove.com.tw",
                    &[
                        ("Microsoft 365 E3", P3),
                        ("Enterprise Mobility + Security E5", NO),
                    ],
                ),
                ("room3f@woodgrove.com.tw", &[]),
            ],
            blocked: &[],
            unknown: &[],
        },
        Case {
            file: "office365itpros.csv",
            format: Format::UserLicenseReport,
            delimiter: ',',
            users: 3,
            rows: 3,
            rejected: 0,
            domains: &["woodgrove.com.tw"],
            expect: &[
                (
                    "yichen.chang@woodgrove.com.tw",
                    &[("Office 365 E1", P2), ("Microsoft Kaizala Pro", PRO)],
                ),
                (
                    "hsinyi.cheng@woodgrove.com.tw",
                    &[
                        ("Microsoft 365 E3", P3),
                        ("Enterprise Mobility + Security E5", NO),
                        ("Woodgrove Fleet Tracker", UNKNOWN),
                    ],
                ),
            ],
            blocked: &[],
            unknown: &["Woodgrove Fleet Tracker"],
        },
        Case {
            file: "msonline_tenant_sku.csv",
            format: Format::UserLicenseReport,
            delimiter: ',',
            users: 4,
            rows: 4,
            rejected: 0,
            domains: &["contoso.com.tw"],
            expect: &[
                (
                    "ming.wang@contoso.com.tw",
                    &[
                        ("contosotw:STANDARDPACK", P2),
                        ("contosotw:KAIZALA_PRO", PRO),
                    ],
                ),
                (
                    "wei.huang@contoso.com.tw",
                    &[("contosotw:ENTERPRISEPACK", P3)],
                ),
                ("yating.lee@contoso.com.tw", &[]),
            ],
            blocked: &["wei.huang@contoso.com.tw"],
            unknown: &[],
        },
    ];
    for case in cases {
        let file = case.file;
        let options = ImportOptions {
            file_name: Some(file.into()),
            users_customer: Some("Contoso Taiwan Ltd.".into()),
            ..ImportOptions::default()
        };
        let i = ready(&fixture(file), &options);
        let r = &i.report;
        assert_eq!(r.format, Some(case.format), "{file}");
        assert_eq!(r.delimiter, case.delimiter, "{file}");
        assert_eq!(r.rows_read, case.rows, "{file}");
        assert_eq!(r.rejected.len(), case.rejected, "{file}");
        assert_eq!(r.rows_as_users + case.rejected as u64, case.rows, "{file}");
        assert!(
            r.notes
                .iter()
                .any(|n| matches!(n, ImportNote::Recognised { format } if *format == case.format)),
            "{file}: {:?}",
            r.notes
        );
        let l = list(&i);
        assert_eq!(l.file_name.as_deref(), Some(file));
        assert_eq!(l.customer.as_deref(), Some("Contoso Taiwan Ltd."), "{file}");
        assert_eq!(l.users.len(), case.users, "{file}");
        let domains: Vec<&str> = l.domains.iter().map(|d| &**d).collect();
        assert_eq!(domains, case.domains, "{file}");
        for (upn, want) in case.expect {
            let user = l
                .users
                .iter()
                .find(|u| &*u.upn == *upn)
                .unwrap_or_else(|| panic!("{file}: no {upn}"));
            let got: Vec<(&str, LicenseKind)> =
                user.licenses.iter().map(|l| (&*l.name, l.kind)).collect();
            assert_eq!(got, *want, "{file}: {upn}");
            assert_eq!(user.blocked, case.blocked.contains(upn), "{file}: {upn}");
            assert!(user.display_name.is_some(), "{file}: {upn}");
        }
        let unknown: Vec<String> = r
            .notes
            .iter()
            .filter_map(|n| match n {
                ImportNote::UnknownLicenses { names, .. } => Some(names.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(unknown, case.unknown, "{file}");
    }
}

#[test]
fn a_row_without_a_user_principal_name_is_rejected_in_both_languages() {
    let i = ready(
        &fixture("admin_center_legacy.csv"),
        &ImportOptions::default(),
    );
    let row = &i.report.rejected[0];
    assert_eq!(row.line, 9);
    assert!(
        matches!(&row.reason, RejectReason::NoUserPrincipalName { header } if header == "User principal name")
    );
    assert!(row.render(Lang::En).contains("user principal name"));
    assert!(row.render(Lang::ZhTw).contains("使用者主體名稱"));
    // A users file names no customer by itself, and says nothing of one.
    assert!(list(&i).customer.is_none());
    assert!(!i.report.notes.iter().any(|n| matches!(
        n,
        ImportNote::NoCustomer | ImportNote::CustomerFromFileName { .. }
    )));
}

#[test]
fn the_detailed_report_gives_one_user_per_principal_name() {
    let i = ready(
        &fixture("o365reports_detailed.csv"),
        &ImportOptions::default(),
    );
    let l = list(&i);
    let lines: Vec<&[u64]> = l.users.iter().map(|u| u.lines.as_slice()).collect();
    assert_eq!(lines, [&[2, 3, 4][..], &[5, 6], &[7, 8, 9]]);
    assert!(i
        .report
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::UserRowsJoined { count: 5 })));
}

#[test]
fn the_zh_tw_file_goes_through_the_mapping_step() {
    let bytes = fixture("zh_tw_users.csv");
    let first = match import(&bytes, &ImportOptions::default()).expect("readable") {
        ImportOutcome::NeedsMapping(m) => m,
        ImportOutcome::Ready(i) => panic!("expected a question, got {i:?}"),
    };
    assert_eq!(first.missing, vec![Field::Licenses]);
    assert_eq!(first.report.format, Some(Format::AdminCenterUsers));
    assert_eq!(mapping_fields(&first), &USER_FIELDS);
    assert!(first
        .mapped
        .contains(&(Field::UserPrincipalName, "使用者主體名稱".to_string())));
    let (_, candidates) = &first.candidates[0];
    assert_eq!(candidates[0], "已指派的產品");
    let options = ImportOptions {
        mapping: vec![(Field::Licenses, "已指派的產品".into())],
        users_customer: Some("Contoso Taiwan Ltd.".into()),
        ..ImportOptions::default()
    };
    assert!(check_mapping(&first, &options).is_empty());
    let i = ready(&bytes, &options);
    let l = list(&i);
    assert_eq!(l.users.len(), 4);
    assert_eq!(l.customer.as_deref(), Some("Contoso Taiwan Ltd."));
    assert_eq!(&*l.domains[0], "contosotw.onmicrosoft.com");
    let ming = &l.users[0];
    assert_eq!(ming.display_name.as_deref(), Some("王小明"));
    assert!(ming.holds_kaizala_pro());
    assert_eq!(ming.kaizala_plans().count(), 1);
    assert!(l.users[2].blocked);
    assert!(l.users[3].licenses.is_empty());
}

#[test]
fn headers_nobody_names_are_told_by_their_e_mail_addresses() {
    let csv = "Nom,Courriel,Produits\n\
               Ming,ming@contoso.com.tw,Office 365 E1+Microsoft Kaizala Pro\n\
               Mei,mei@contoso.com.tw,Microsoft Kaizala Pro\n";
    let m = match import(csv.as_bytes(), &ImportOptions::default()).expect("readable") {
        ImportOutcome::NeedsMapping(m) => m,
        ImportOutcome::Ready(i) => panic!("{i:?}"),
    };
    assert_eq!(m.missing, vec![Field::UserPrincipalName, Field::Licenses]);
    assert_eq!(mapping_fields(&m), &USER_FIELDS);
    assert_eq!(m.candidates[0].1[0], "Courriel");
    assert_eq!(m.candidates[1].1[0], "Produits");
    let options = ImportOptions {
        mapping: vec![
            (Field::UserPrincipalName, "Courriel".into()),
            (Field::Licenses, "Produits".into()),
        ],
        ..ImportOptions::default()
    };
    let i = ready(csv.as_bytes(), &options);
    assert_eq!(list(&i).users.len(), 2);
    // A subscription export is never taken for users.
    let subs = "Customer,Subscription ID,Offer,Quantity,Contact\n\
                Contoso,a1,Microsoft Kaizala Pro,5,ming@contoso.com.tw\n";
    let ImportOutcome::Ready(i) = import(subs.as_bytes(), &ImportOptions::default()).unwrap()
    else {
        panic!()
    };
    assert!(i.users.is_empty());
    assert_eq!(i.subscriptions.len(), 1);
}

#[test]
fn subscription_files_keep_the_subscription_fields() {
    let csv = "Client,Ref,Product,Count\nContoso,KZ-1,Microsoft Kaizala Pro,20\n";
    let ImportOutcome::NeedsMapping(m) = import(csv.as_bytes(), &ImportOptions::default()).unwrap()
    else {
        panic!()
    };
    assert_eq!(mapping_fields(&m), &FIELDS);
}

#[test]
fn license_names_read_as_the_catalog_says() {
    let table: &[(&str, LicenseKind)] = &[
        ("Microsoft Kaizala Pro", PRO),
        ("Office 365 E1", P2),
        ("contoso:STANDARDPACK", P2),
        ("Office 365 E3", P3),
        (
            "Microsoft 365 Business Basic",
            LicenseKind::IncludesKaizala(None),
        ),
        (
            "Office 365 E5",
            LicenseKind::IncludesKaizala(Some(KaizalaPlan::Standalone)),
        ),
        ("Enterprise Mobility + Security E5", NO),
        ("Microsoft 365 F1", NO),
        ("KAIZALA_STANDALONE", UNKNOWN),
        ("Fabrikam Route Planner", UNKNOWN),
    ];
    for (name, kind) in table {
        assert_eq!(license_kind(name), *kind, "{name}");
    }
}

#[test]
fn plus_signs_inside_product_names_stay_inside() {
    let table: &[(&str, &[&str])] = &[
        (
            "Enterprise Mobility + Security E5+Microsoft Kaizala Pro",
            &["Enterprise Mobility + Security E5", "Microsoft Kaizala Pro"],
        ),
        (
            "Microsoft Kaizala Pro+Enterprise Mobility + Security E3",
            &["Microsoft Kaizala Pro", "Enterprise Mobility + Security E3"],
        ),
        ("Fabrikam Sales + Service", &["Fabrikam Sales + Service"]),
        (
            "Office 365 E1 + Microsoft Kaizala Pro",
            &["Office 365 E1", "Microsoft Kaizala Pro"],
        ),
        ("Unlicensed", &[]),
    ];
    for (cell, want) in table {
        let csv = format!("User principal name,Licenses\na@contoso.com,\"{cell}\"\n");
        let i = ready(csv.as_bytes(), &ImportOptions::default());
        let got: Vec<&str> = list(&i).users[0]
            .licenses
            .iter()
            .map(|l| &*l.name)
            .collect();
        assert_eq!(got, *want, "{cell}");
    }
}

#[test]
fn users_notes_are_said_in_both_languages() {
    let notes = [
        ImportNote::UnknownLicenses {
            names: vec!["Fabrikam Route Planner".into()],
            more: 2,
        },
        ImportNote::UserRowsJoined { count: 3 },
    ];
    for n in notes {
        let en = n.render(Lang::En);
        let zh = n.render(Lang::ZhTw);
        assert_ne!(en, zh);
        assert!(!zh.is_empty() && !en.is_empty());
    }
}

fn users_csv() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::sample::select(vec![
        "User principal name,Display name,Licenses,Proxy addresses,Block credential\n",
        "DisplayName,UserPrinciPalName,LicensePlan,FriendlyNameofLicensePlan\n",
        "User,UPN,Licenses,Disabled Plans\n",
        "顯示名稱;使用者主體名稱;授權\n",
        "",
    ]);
    (header, prop::collection::vec(any::<u8>(), 0..400)).prop_map(|(h, body)| {
        let mut b = h.as_bytes().to_vec();
        b.extend(body);
        b
    })
}

fn cell_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "+",
            " + ",
            ",",
            ";",
            "[",
            "]",
            "Office 365 E1",
            "Enterprise Mobility",
            "Security E5",
            "Microsoft Kaizala Pro",
            "Unlicensed",
            "x",
            "臺",
            ":",
            "\"",
        ]),
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn users_files_never_panic_and_balance(bytes in users_csv()) {
        for options in [ImportOptions::default(), ImportOptions {
            mapping: vec![(Field::Licenses, "授權".into())],
            ..ImportOptions::default()
        }] {
            if let Ok(ImportOutcome::Ready(i)) = import(&bytes, &options) {
                prop_assert!(i.report.is_balanced(), "{:?}", i.report);
            }
        }
    }

    #[test]
    fn any_licenses_cell_reads_without_panic(cell in cell_text()) {
        let csv = format!(
            "User principal name,Licenses\na@contoso.com,\"{}\"\n",
            cell.replace('"', "\"\"")
        );
        let i = ready(csv.as_bytes(), &ImportOptions::default());
        for l in &list(&i).users[0].licenses {
            prop_assert!(!l.name.trim().is_empty());
            prop_assert!(!l.name.eq_ignore_ascii_case("unlicensed"));
        }
    }
}
