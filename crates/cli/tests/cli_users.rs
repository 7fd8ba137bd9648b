/*!
`kaizala-plan` with `--users`: users files matched to their customer by
the tenant's domains or named for one, the plan counted from them, the
error that lists the candidates when no customer matches, and the move
script and users CSV written for one customer.
*/

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn path(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kaizala-plan"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn customer<'a>(plan: &'a Value, name: &str) -> &'a Value {
    plan["customers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["display_name"] == name)
        .unwrap_or_else(|| panic!("{name} is planned"))
}

#[test]
fn two_users_files_one_by_domain_one_named() {
    let sample = path("static/sample-export.csv");
    let by_domain = path("tests/fixtures/users/admin_center_legacy.csv");
    let named = format!(
        "Fabrikam Logistics={}",
        path("tests/fixtures/users/office365itpros.csv")
    );
    let (code, out, err) = run(&[
        &sample,
        "--as-of",
        "2020-06-15",
        "--users",
        &by_domain,
        "--users",
        &named,
    ]);
    assert_eq!(code, 0, "{err}");
    let plan: Value = serde_json::from_slice(&out).unwrap();
    let contoso = customer(&plan, "Contoso Taiwan Ltd.");
    let u = &contoso["users_summary"];
    assert_eq!(u["holders"], 4, "{u}");
    assert_eq!(u["to_license"], 3);
    assert_eq!(contoso["recommendation"]["quantity"], 3);
    assert!(contoso["recommendation"]["reason"]
        .as_str()
        .unwrap()
        .starts_with("3 of the 4 users who hold Kaizala Pro"));
    let b = contoso["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["action"]["kind"] == "move-users")
        .unwrap();
    assert_eq!(b["action"]["users"].as_array().unwrap().len(), 4);
    let fabrikam = customer(&plan, "Fabrikam Logistics");
    assert!(
        fabrikam["users_summary"]["holders"].as_u64().unwrap() > 0,
        "{fabrikam}"
    );
    // The others have no users file and keep the seat count.
    let northwind = customer(&plan, "Northwind Traders");
    assert!(northwind.get("users_summary").is_none());
}

#[test]
fn a_users_file_no_customer_matches_lists_the_candidates() {
    let sample = path("static/sample-export.csv");
    let users = path("tests/fixtures/users/office365itpros.csv");
    let (code, out, err) = run(&[&sample, "--as-of", "2020-06-15", "--users", &users]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("no customer of the export has one of its domains"),
        "{err}"
    );
    assert!(err.contains("--users \"CUSTOMER="), "{err}");
    assert!(
        err.contains("Contoso Taiwan Ltd. (contosotw.onmicrosoft.com)"),
        "{err}"
    );
    assert!(err.contains("Fabrikam Logistics"), "{err}");
    // A name that is no customer says so.
    let named = format!("Nobody Ltd={users}");
    let (code, _, err) = run(&[&sample, "--users", &named]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no customer in the file is called \"Nobody Ltd\""),
        "{err}"
    );
    // A subscription export is not a users export.
    let (code, _, err) = run(&[&sample, "--users", &sample]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a users export"), "{err}");
}

#[test]
fn the_move_script_and_users_csv_for_one_customer() {
    let sample = path("static/sample-export.csv");
    let users = path("tests/fixtures/users/admin_center_legacy.csv");
    let base = [
        sample.as_str(),
        "--as-of",
        "2020-06-15",
        "--users",
        users.as_str(),
    ];
    let script = [
        &base[..],
        &["--format", "ps1", "--customer", "Contoso Taiwan Ltd."],
    ]
    .concat();
    let (code, out, err) = run(&script);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Set-MgUserLicense"));
    assert!(text.contains("Get-MgSubscribedSku"));
    assert!(
        err.contains("4 users hold Kaizala Pro; 3 need a license"),
        "{err}"
    );
    let csv = [
        &base[..],
        &[
            "--format",
            "users-csv",
            "--customer",
            "contosotw.onmicrosoft.com",
            "--lang",
            "zh-TW",
        ],
    ]
    .concat();
    let (code, out, err) = run(&csv);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text.trim_start_matches('\u{feff}').lines().count(),
        5,
        "{text}"
    );
    // Without --customer, or for a customer without users, a clear error.
    let (code, _, err) = run(&[&base[..], &["--format", "ps1"]].concat());
    assert_eq!(code, 1);
    assert!(err.contains("add --customer CUSTOMER"), "{err}");
    let (code, _, err) = run(&[
        &base[..],
        &["--format", "ps1", "--customer", "Northwind Traders"],
    ]
    .concat());
    assert_eq!(code, 1);
    assert!(
        err.contains("no users file for \"Northwind Traders\""),
        "{err}"
    );
}
