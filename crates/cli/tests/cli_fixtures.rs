/*!
End-to-end runs of the `kaizala-plan` binary on realistic exports under
`tests/fixtures/plan/`.

They go through the whole engine: importer, planner, exports.
*/

#[path = "../../engine/tests/plan_support/mod.rs"]
mod plan_support;

use std::path::PathBuf;
use std::process::Command;

use kaizala_engine::export::{self, plan_from_json, ExportFormat};
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{build_plan, Category, Family, Lang, Note, Settings};
use plan_support::d;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/plan")
        .join(name)
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

fn plan_json(file: &str, extra: &[&str]) -> kaizala_engine::Plan {
    let path = fixture(file);
    let mut args = vec![path.to_str().unwrap(), "--as-of", "2020-06-01"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    plan_from_json(std::str::from_utf8(&out).unwrap()).unwrap()
}

#[test]

fn rest_api_export() {
    let plan = plan_json("rest-api.csv", &[]);
    assert_eq!(plan.source.rows_read, 8);
    assert_eq!(plan.summary.customers_in_file, 5);
    assert_eq!(plan.summary.customers_with_kaizala, 4);
    let c = |n: &str| plan.customers.iter().find(|c| c.display_name == n).unwrap();
    let contoso = c("Contoso Ltd");
    // The 15 seats its E3 does not cover go to the cheapest plan that
    // fits, not to more E3; topping up the E3 is an alternative.
    assert_eq!(contoso.recommendation.family, Family::Business);
    assert_eq!(contoso.recommendation.quantity, Some(15));
    assert!(contoso
        .alternatives
        .iter()
        .any(|a| matches!(a.why.what, kaizala_engine::plan::AltWhy::TopUp { .. })));
    assert_eq!(
        contoso.subscriptions[0].category,
        Category::ExpiresAfterCutoff
    );
    assert_eq!(contoso.subscriptions[0].migrate_by, Some(d(2020, 8, 14)));
    let fabrikam = c("Fabrikam Inc");
    assert_eq!(fabrikam.recommendation.family, Family::Enterprise);
    assert_eq!(
        fabrikam
            .subscriptions
            .iter()
            .filter(|s| s.category == Category::Inactive)
            .count(),
        1
    );
    let school = c("臺北範例大學");
    assert_eq!(school.recommendation.family, Family::Education);
    assert_eq!(
        school.subscriptions[0].category,
        Category::RenewsOnceThenExpires
    );
    assert_eq!(school.subscriptions[0].expires_on, Some(d(2021, 4, 30)));
    let northwind = c("Northwind Traders");
    assert_eq!(northwind.subscriptions[0].category, Category::AlreadyEnded);
    assert_eq!(northwind.recommendation.family, Family::Existing);
    assert_eq!(northwind.recommendation.quantity, Some(0));
}

#[test]

fn reconciliation_file() {
    let plan = plan_json("reconciliation.csv", &[]);
    let contoso = plan
        .customers
        .iter()
        .find(|c| c.display_name == "Contoso Ltd")
        .unwrap();
    let s = &contoso.subscriptions[0];
    assert_eq!(&*s.id, "a0b1c2d3-1111-4e5f-8a9b-0000000000a1");
    // The file has no auto-renew column: its end date (2020-03-15) is
    // before the as-of date, so it has ended unless it was set to renew.
    assert_eq!(s.category, Category::AlreadyEnded);
    assert_eq!(s.expires_on, Some(d(2020, 3, 15)));
    assert_eq!(s.if_renewed, Some(d(2021, 3, 15)));
    assert!(s.notes.iter().any(|n| n.what
        == Note::EndedUnlessRenewed {
            if_renewed: d(2021, 3, 15)
        }));
    // Its E3 covers part of its Kaizala Pro seats; the rest go to the
    // cheapest plan that fits.
    assert_eq!(contoso.recommendation.family, Family::Business);
    assert!(!contoso.coverage.is_empty());
    let woodgrove = plan
        .customers
        .iter()
        .find(|c| c.display_name == "Woodgrove Bank")
        .unwrap();
    assert_eq!(
        woodgrove.subscriptions[0].category,
        Category::ExpiresAfterCutoff
    );
}

#[test]

fn partner_center_export_has_no_end_dates() {
    let plan = plan_json("Contoso Ltd subscriptions.csv", &[]);
    let c = &plan.customers[0];
    assert_eq!(c.subscriptions[0].category, Category::UnknownEndDate);
    assert!(
        c.subscriptions[0].notes[0]
            .text
            .contains("has no end dates"),
        "{}",
        c.subscriptions[0].notes[0].text
    );
}

#[test]

fn every_format_matches_the_library_byte_for_byte() {
    let path = fixture("rest-api.csv");
    let bytes = std::fs::read(&path).unwrap();
    let options = ImportOptions {
        file_name: Some("rest-api.csv".into()),
        ..ImportOptions::default()
    };
    let ImportOutcome::Ready(imp) = import(&bytes, &options).unwrap() else {
        panic!("needs mapping")
    };
    for lang in [Lang::En, Lang::ZhTw] {
        let mut settings = Settings::new(d(2020, 6, 1));
        settings.lang = lang;
        let plan = build_plan(&imp, &settings);
        for format in ExportFormat::ALL {
            let (code, out, err) = run(&[
                path.to_str().unwrap(),
                "--as-of",
                "2020-06-01",
                "--format",
                format.extension(),
                "--lang",
                lang.tag(),
            ]);
            assert_eq!(code, 0, "{err}");
            assert_eq!(
                out,
                export::render(&plan, format, lang),
                "{format:?} {lang:?}"
            );
        }
    }
}

#[test]

fn unmapped_columns_ask_for_map() {
    let path = fixture("needs-mapping.csv");
    let (code, out, err) = run(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("--map"), "{err}");
}

#[test]

fn out_file() {
    let dir = std::env::temp_dir().join(format!("kaizala-plan-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("plan.ics");
    let path = fixture("rest-api.csv");
    let (code, out, _) = run(&[
        path.to_str().unwrap(),
        "--as-of",
        "2020-06-01",
        "--format",
        "ics",
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.is_empty());
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert!(written.starts_with("BEGIN:VCALENDAR\r\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Nothing is bought for the seats of a Kaizala Pro trial unless the
/// partner asks for it with `--include-trials`.
#[test]
fn trials_are_planned_only_on_request() {
    let adatum = |plan: &kaizala_engine::Plan| plan.customers[0].clone();
    let plan = plan_json("trial.csv", &[]);
    let c = adatum(&plan);
    assert_eq!(c.trial_seats, 25);
    assert_eq!(c.kaizala_seats, 20);
    assert_eq!(c.recommendation.quantity, Some(20));
    let with = plan_json("trial.csv", &["--include-trials", "Adatum Corporation"]);
    let c = adatum(&with);
    assert!(c.settings.include_trials);
    assert_eq!(c.recommendation.quantity, Some(45));
}

#[test]
fn rejected_rows_are_listed_with_their_customer_and_subscription() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad_rows.csv");
    let (code, _, err) = run(&[
        path.to_str().unwrap(),
        "--as-of",
        "2020-06-01",
        "--date-order",
        "month-first",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "line 7: the quantity \"five\" (column \"Seats\") is not a whole number \
             (Tailspin University · subscription 6c5f9d85-a041-4f88-ad93-5e4c9f3a1b44)"
        ),
        "{err}"
    );
    // A row cut short names nothing but its line.
    assert!(err.contains("\n  line 4: has"), "{err}");
}

/// `--reseller` writes one reseller's customers; `direct` those sold
/// without one; an MPN ID the file does not name is an error that lists
/// the ones it does.
#[test]
fn one_resellers_customers() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/sample-export.csv");
    let plan_for = |extra: &[&str]| {
        let mut args = vec![path.to_str().unwrap(), "--as-of", "2020-06-15"];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args);
        (code, out, err)
    };
    let names = |out: &[u8]| {
        let plan = plan_from_json(std::str::from_utf8(out).unwrap()).unwrap();
        let mut n: Vec<String> = plan
            .customers
            .iter()
            .map(|c| c.display_name.clone())
            .collect();
        n.sort();
        n
    };
    let (code, out, err) = plan_for(&["--reseller", "5123456"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(names(&out), ["Fabrikam Logistics", "Wingtip Retail Co."]);
    let (code, out, _) = plan_for(&["--reseller", "direct"]);
    assert_eq!(code, 0);
    assert!(!names(&out).contains(&"Tailspin Toys".to_string()));
    assert_eq!(names(&out).len(), 4);
    let (code, _, err) = plan_for(&["--reseller", "999"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("5123456, 5987654"), "{err}");
}
