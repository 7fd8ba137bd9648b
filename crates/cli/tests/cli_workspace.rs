/*!
`kaizala-plan` with a workspace file as FILE (its exports merged, with
their progress, partner and choices) and with `--progress` (the app's
progress JSON or a workspace file), and the messages for damaged ones.
*/

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use kaizala_engine::handout::Partner;
use kaizala_engine::import::ImportOptions;
use kaizala_engine::plan::{CustomerSettings, Settings};
use kaizala_engine::progress::Progress;
use kaizala_engine::workspace::{write, WorkspaceEntry, WorkspaceFile};
use serde_json::Value;

const CONTOSO: &str = "id:2f1e0c9b-1111-4d2c-8e3f-aaaaaaaaaa01";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// A file under the test's own scratch directory.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_workspace");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
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

fn entry(name: &str, data: Vec<u8>) -> WorkspaceEntry {
    let options = ImportOptions {
        file_name: Some(name.into()),
        ..ImportOptions::default()
    };
    WorkspaceEntry::new(name, d(2020, 6, 1), options, data)
}

/// Contoso's step A ticked on 10 June (against the plan of
/// `plan/rest-api.csv`, as the app ticks it) and a note.
fn progress() -> Progress {
    use kaizala_engine::import::{import, ImportOutcome};
    use kaizala_engine::plan::build_plan;
    let Ok(ImportOutcome::Ready(imported)) =
        import(&fixture("plan/rest-api.csv"), &ImportOptions::default())
    else {
        panic!("the fixture imports");
    };
    let plan = build_plan(&imported, &Settings::new(d(2020, 6, 1)));
    let contoso = plan.customer(CONTOSO).expect("Contoso is planned");
    let mut p = Progress::default();
    assert!(p.tick_step(contoso, "A", d(2020, 6, 10)));
    p.set_note(CONTOSO, "call the IT lead on Monday");
    p
}

fn workspace(files: Vec<WorkspaceEntry>) -> WorkspaceFile {
    let mut settings = Settings::new(d(2020, 6, 15));
    settings.customers.insert(
        CONTOSO.into(),
        CustomerSettings {
            frontline: true,
            ..CustomerSettings::default()
        },
    );
    WorkspaceFile {
        saved_on: d(2020, 6, 15),
        name: "Spring accounts".into(),
        files,
        settings,
        progress: progress(),
        partner: Partner {
            name: "Northwind Advisors".into(),
            contact: "help@northwind.example".into(),
        },
    }
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("a JSON plan")
}

fn customer<'a>(plan: &'a Value, key: &str) -> &'a Value {
    plan["customers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .unwrap_or_else(|| panic!("no customer {key}"))
}

fn step<'a>(customer: &'a Value, id: &str) -> &'a Value {
    customer["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == id)
        .unwrap()
}

#[test]
fn a_workspace_file_is_planned_as_its_exports_merged() {
    let ws = workspace(vec![
        entry("rest-api.csv", fixture("plan/rest-api.csv")),
        entry("reconciliation.csv", fixture("plan/reconciliation.csv")),
    ]);
    let path = scratch("two-exports.kaizala.json", &write(&ws));
    let path = path.to_str().unwrap();
    let (code, out, err) = run(&[path, "--as-of", "2020-06-15"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with("Workspace \"Spring accounts\", 2 files: "),
        "{err}"
    );
    let plan = json(&out);
    // Both exports' rows, every one accounted for.
    let (_, alone, _) = run(&[
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/plan/rest-api.csv")
            .to_str()
            .unwrap(),
        "--as-of",
        "2020-06-15",
    ]);
    let alone = json(&alone);
    assert!(
        plan["source"]["rows_read"].as_u64() > alone["source"]["rows_read"].as_u64(),
        "{}",
        plan["source"]
    );
    assert!(
        plan["customers"].as_array().unwrap().len() > alone["customers"].as_array().unwrap().len()
    );
    // The workspace's progress and choices come along.
    let contoso = customer(&plan, CONTOSO);
    assert_eq!(contoso["notes"], "call the IT lead on Monday");
    assert_eq!(step(contoso, "A")["done"], true);
    assert_eq!(step(contoso, "A")["done_on"], "2020-06-10");
    assert_eq!(step(contoso, "B")["done"], false);
    assert_eq!(
        contoso["recommendation"]["family"], "frontline",
        "{}",
        contoso["recommendation"]
    );
    // The partner reaches the formats people read.
    let (code, md, err) = run(&[path, "--as-of", "2020-06-15", "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(md)
        .unwrap()
        .contains("Northwind Advisors"));
}

#[test]
fn a_newer_export_replaces_the_older_and_the_summary_says_where_they_differ() {
    let june = fixture("plan/rest-api.csv");
    let july = String::from_utf8(june.clone()).unwrap().replacen(
        "Kaizala for field sales,25,",
        "Kaizala for field sales,30,",
        1,
    );
    assert_ne!(july.as_bytes(), &june[..]);
    let ws = workspace(vec![
        entry("june.csv", june),
        entry("july.csv", july.into_bytes()),
    ]);
    let path = scratch("weekly.kaizala.json", &write(&ws));
    let (code, out, err) = run(&[path.to_str().unwrap(), "--as-of", "2020-06-15"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("the files differ on the seats: june.csv says 25, july.csv says 30"),
        "{err}"
    );
    let plan = json(&out);
    let (_, alone, _) = run(&[
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/plan/rest-api.csv")
            .to_str()
            .unwrap(),
        "--as-of",
        "2020-06-15",
    ]);
    let alone = json(&alone);
    assert_eq!(
        plan["customers"].as_array().unwrap().len(),
        alone["customers"].as_array().unwrap().len(),
        "the same subscriptions once"
    );
    assert_eq!(
        customer(&plan, CONTOSO)["subscriptions"][0]["seats"],
        30,
        "{}",
        customer(&plan, CONTOSO)["subscriptions"]
    );
}

#[test]
fn progress_from_a_progress_json_or_a_workspace_file() {
    let export =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/plan/rest-api.csv");
    let export = export.to_str().unwrap();
    let p = scratch("progress.json", progress().to_json().as_bytes());
    let (code, out, err) = run(&[
        export,
        "--as-of",
        "2020-06-15",
        "--progress",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let plan = json(&out);
    let contoso = customer(&plan, CONTOSO);
    assert_eq!(step(contoso, "A")["done"], true);
    assert_eq!(contoso["notes"], "call the IT lead on Monday");
    assert_ne!(
        contoso["recommendation"]["family"], "frontline",
        "a progress JSON has no choices"
    );

    // A workspace file as --progress also gives the partner and choices;
    // options on the line still win.
    let ws = scratch("for-progress.kaizala.json", &write(&workspace(vec![])));
    let ws = ws.to_str().unwrap();
    let (code, out, err) = run(&[export, "--as-of", "2020-06-15", "--progress", ws]);
    assert_eq!(code, 0, "{err}");
    let plan = json(&out);
    let contoso = customer(&plan, CONTOSO);
    assert_eq!(step(contoso, "A")["done"], true);
    assert_eq!(contoso["recommendation"]["family"], "frontline");
    let (code, out, err) = run(&[
        export,
        "--as-of",
        "2020-06-15",
        "--progress",
        ws,
        "--plan",
        "Contoso Ltd=o365-e1",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        customer(&json(&out), CONTOSO)["recommendation"]["plan_id"],
        "o365-e1"
    );
    let (_, md, _) = run(&[
        export,
        "--as-of",
        "2020-06-15",
        "--progress",
        ws,
        "--format",
        "md",
    ]);
    assert!(String::from_utf8(md)
        .unwrap()
        .contains("Northwind Advisors"));
}

#[test]
fn damaged_files_are_refused_with_what_is_wrong() {
    let good = write(&workspace(vec![entry(
        "rest-api.csv",
        fixture("plan/rest-api.csv"),
    )]));
    let mut v: Value = serde_json::from_slice(&good).unwrap();
    v["files"][0]["data"] = "%%%".into();
    let not_base64 = serde_json::to_vec(&v).unwrap();
    v["version"] = 7.into();
    let newer = serde_json::to_vec(&v).unwrap();
    let empty = write(&workspace(vec![]));
    let export =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/plan/rest-api.csv");
    let export = export.to_str().unwrap();
    let cases: &[(&str, &[u8], bool, &str)] = &[
        ("cut.json", &good[..good.len() / 2], false, "not valid JSON"),
        (
            "b64.json",
            &not_base64,
            false,
            "\"rest-api.csv\" are not valid base64",
        ),
        ("newer.json", &newer, false, "version 7"),
        ("empty.json", &empty, false, "no exports in it"),
        (
            "cut-progress.json",
            &good[..good.len() / 2],
            true,
            "not valid JSON",
        ),
        (
            "list.json",
            b"[1,2]",
            true,
            "neither progress saved by the app",
        ),
        (
            "csv-progress.csv",
            b"a,b\n1,2\n",
            true,
            "neither progress saved by the app",
        ),
    ];
    for (name, bytes, as_progress, want) in cases {
        let path = scratch(name, bytes);
        let path = path.to_str().unwrap();
        let args: Vec<&str> = if *as_progress {
            vec![export, "--progress", path]
        } else {
            vec![path]
        };
        let (code, out, err) = run(&args);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(out.is_empty(), "{name}");
        assert!(err.contains(want), "{name}: {err}");
        assert!(err.contains(path), "{name} names the file: {err}");
    }
    let (code, _, err) = run(&[export, "--progress", "/no/such/progress.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /no/such/progress.json"), "{err}");
}
