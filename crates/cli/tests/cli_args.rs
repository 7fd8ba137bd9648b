/*!
The `kaizala-plan` binary's usage errors and help, and the CLI library's
run from an import outcome (mapping request, customer options) — none of
which needs the importer.
*/

#[path = "../../engine/tests/plan_support/mod.rs"]
mod plan_support;

use std::process::Command;

use kaizala_cli::{self as cli, parse_args, plan_outcome, Command as Cmd, UsageErrorKind};
use kaizala_engine::catalog::PlanId;
use kaizala_engine::export::{self, ExportFormat};
use kaizala_engine::import::{
    DateOrder, DateQuestion, Field, ImportOutcome, ImportReport, MappingRequest,
};
use kaizala_engine::plan::{build_plan, Family, Lang, Settings};
use plan_support::*;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kaizala-plan"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn help_and_version() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: kaizala-plan FILE"));
    assert!(out.contains("--map FIELD=COLUMN"));
    let (code, out, _) = run(&["-V"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("kaizala-plan "));
}

#[test]
fn usage_errors_exit_2() {
    // Values the CLI's own parsers refuse, in its words.
    let refused: &[(&[&str], &str)] = &[
        (&["a.csv", "--as-of", "1/6/2020"], "YYYY-MM-DD"),
        (&["a.csv", "--cutoff=2020-02-30"], "YYYY-MM-DD"),
        (
            &["a.csv", "--format", "xml"],
            "json, csv, md, ics, ps1 or users-csv",
        ),
        (&["a.csv", "--lang", "fr"], "en or zh-TW"),
        (&["a.csv", "--map", "enddate"], "FIELD=COLUMN"),
        (&["a.csv", "--map", "expiry=End"], "not a field"),
        (&["a.csv", "--plan", "contoso=E7"], "not a replacement plan"),
        (&["a.csv", "--seats", "contoso=many"], "whole number"),
        (
            &["a.csv", "--date-order", "ymd"],
            "month-first or day-first",
        ),
    ];
    // The shape of the line, as clap reads it.
    let misshapen: &[(&[&str], UsageErrorKind)] = &[
        (&[], UsageErrorKind::MissingRequiredArgument),
        (&["a.csv", "b.csv"], UsageErrorKind::UnknownArgument),
        (&["a.csv", "--verbose"], UsageErrorKind::UnknownArgument),
        (&["a.csv", "--out"], UsageErrorKind::InvalidValue),
    ];
    let cases = refused
        .iter()
        .map(|(args, want)| (*args, UsageErrorKind::ValueValidation, Some(*want)))
        .chain(misshapen.iter().map(|(args, kind)| (*args, *kind, None)));
    for (args, kind, want) in cases {
        let err = parse_args(args.iter().map(|a| a.to_string())).unwrap_err();
        assert_eq!(err.code, 2, "{args:?}");
        assert_eq!(err.usage, Some(kind), "{args:?}: {}", err.message);
        let (code, out, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(out.is_empty(), "{args:?}");
        assert!(stderr.contains(&err.message), "{args:?}: {stderr}");
        if let Some(want) = want {
            assert!(stderr.contains(want), "{args:?}: {stderr}");
        }
        assert!(stderr.contains("--help"), "{args:?}: {stderr}");
    }
}

#[test]
fn unknown_field_lists_the_fields() {
    let err = parse_args(["a.csv", "--map", "expiry=End"].map(String::from)).unwrap_err();
    for name in cli::field_names() {
        assert!(err.message.contains(name), "{name}: {}", err.message);
    }
    assert!(err.message.contains("end_date"), "{}", err.message);
}

/// Values may start with `-`, a repeated option keeps its last value, and
/// the last of `--education` and `--not-education` about a customer wins.
#[test]
fn values_repeats_and_order() {
    let Cmd::Run(a) = parse_args(
        [
            "f.csv",
            "--out",
            "-",
            "--frontline",
            "-Contoso",
            "--as-of",
            "2020-01-01",
            "--as-of=2020-06-01",
            "--not-education",
            "school.edu",
            "--education",
            "school.edu",
            "--not-education",
            "academy.com",
        ]
        .map(String::from),
    )
    .unwrap() else {
        panic!("not a run")
    };
    assert_eq!(a.out.as_deref(), Some("-"));
    assert_eq!(a.frontline, vec!["-Contoso".to_string()]);
    assert_eq!(a.as_of, Some(d(2020, 6, 1)));
    assert_eq!(
        a.education,
        vec![
            ("school.edu".into(), false),
            ("school.edu".into(), true),
            ("academy.com".into(), false)
        ]
    );
    assert_eq!(a.format, ExportFormat::Json);
    assert_eq!(a.lang, Lang::En);
    assert_eq!(parse_args(["--version".to_string()]).unwrap(), Cmd::Version);
    assert_eq!(
        parse_args(["f.csv", "-h"].map(String::from)).unwrap(),
        Cmd::Help
    );
}

#[test]
fn unreadable_file_exits_1() {
    let (code, out, err) = run(&["/no/such/dir/subscriptions.csv"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("cannot read /no/such/dir/subscriptions.csv"),
        "{err}"
    );
}

#[test]
fn parses_every_option() {
    let args = [
        "--as-of=2020-06-01",
        "file.csv",
        "--cutoff",
        "2020-07-01",
        "--format",
        "ics",
        "--out",
        "plan.ics",
        "--lang",
        "zh-tw",
        "--map",
        "end_date=Expiry Date",
        "--map=seats = Licences",
        "--date-order",
        "day-first",
        "--frontline",
        "Contoso",
        "--education",
        "school.edu",
        "--not-education",
        "academy.com",
        "--plan",
        "contoso.com=Office 365 E1",
        "--seats",
        "contoso.com=25",
    ]
    .map(String::from);
    let Cmd::Run(a) = parse_args(args).unwrap() else {
        panic!("not a run")
    };
    assert_eq!(a.file, "file.csv");
    assert_eq!(a.as_of, Some(d(2020, 6, 1)));
    assert_eq!(a.cutoff, Some(d(2020, 7, 1)));
    assert_eq!(a.format, ExportFormat::Ics);
    assert_eq!(a.out.as_deref(), Some("plan.ics"));
    assert_eq!(a.lang, Lang::ZhTw);
    assert_eq!(
        a.mapping,
        vec![
            (Field::EndDate, "Expiry Date".into()),
            (Field::Seats, "Licences".into())
        ]
    );
    assert_eq!(a.date_order, Some(DateOrder::DayFirst));
    assert_eq!(a.frontline, vec!["Contoso".to_string()]);
    assert_eq!(
        a.education,
        vec![("school.edu".into(), true), ("academy.com".into(), false)]
    );
    assert_eq!(a.plans, vec![("contoso.com".into(), PlanId::O365E1)]);
    assert_eq!(a.seats, vec![("contoso.com".into(), 25)]);
    // "--" ends the options, "-" is standard input.
    let Cmd::Run(a) = parse_args(["--", "--odd-name.csv"].map(String::from)).unwrap() else {
        panic!()
    };
    assert_eq!(a.file, "--odd-name.csv");
    let Cmd::Run(a) = parse_args(["-"].map(String::from)).unwrap() else {
        panic!()
    };
    assert_eq!(a.file, "-");
}

fn args(extra: &[&str]) -> cli::Args {
    let mut v = vec!["f.csv".to_string(), "--as-of".into(), "2020-06-01".into()];
    v.extend(extra.iter().map(|s| s.to_string()));
    match parse_args(v).unwrap() {
        Cmd::Run(a) => a,
        other => panic!("{other:?}"),
    }
}

#[test]
fn needs_mapping_says_what_to_map() {
    let req = MappingRequest {
        missing: vec![Field::EndDate, Field::Seats],
        headers: vec![
            "Kunde".into(),
            "Produkt".into(),
            "Anzahl".into(),
            "Ablauf".into(),
        ],
        candidates: vec![(Field::EndDate, vec!["Ablauf".into()])],
        preview: vec![],
        ambiguous_dates: Some(DateQuestion {
            column: "Ablauf".into(),
            examples: vec!["3/4/2020".into()],
            contradicting: None,
        }),
        mapped: vec![],
        problems: vec![],
        customer_question: None,
        report: ImportReport::default(),
    };
    let err =
        plan_outcome(&args(&[]), ImportOutcome::NeedsMapping(req), d(2030, 1, 1)).unwrap_err();
    assert_eq!(err.code, 1);
    assert!(
        err.message.contains("end_date: perhaps \"Ablauf\""),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("seats: no column looks like it"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("--map end_date=\"Ablauf\""),
        "{}",
        err.message
    );
    assert!(
        err.message
            .contains("\"Kunde\", \"Produkt\", \"Anzahl\", \"Ablauf\""),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("--date-order month-first"),
        "{}",
        err.message
    );
}

#[test]
fn same_bytes_as_the_app_and_customer_options() {
    let imp = sample_import();
    // The as-of date comes from --as-of, not from "today".
    let out = plan_outcome(
        &args(&["--format", "md"]),
        ImportOutcome::Ready(imp.clone()),
        d(2030, 1, 1),
    )
    .unwrap();
    let plan = build_plan(&imp, &Settings::new(d(2020, 6, 1)));
    assert_eq!(
        out.bytes,
        export::render(&plan, ExportFormat::Markdown, Lang::En)
    );
    assert!(
        out.summary.contains("4 of 4 customers have Kaizala Pro"),
        "{}",
        out.summary
    );
    // Without --as-of, today is used.
    let Cmd::Run(no_date) = parse_args(["f.csv".to_string()]).unwrap() else {
        panic!()
    };
    let out = plan_outcome(&no_date, ImportOutcome::Ready(imp.clone()), d(2020, 6, 1)).unwrap();
    assert_eq!(
        out.bytes,
        export::render(&plan, ExportFormat::Json, Lang::En)
    );

    // Customers named by name, domain or tenant id.
    let a = args(&[
        "--plan",
        "woodgrove bank=m365-e3",
        "--frontline",
        "evil.example",
        "--seats",
        "example.edu.tw=100",
    ]);
    let out = plan_outcome(&a, ImportOutcome::Ready(imp.clone()), d(2030, 1, 1)).unwrap();
    let plan = export::plan_from_json(std::str::from_utf8(&out.bytes).unwrap()).unwrap();
    let by_name = |n: &str| {
        plan.customers
            .iter()
            .find(|c| c.display_name.starts_with(n))
            .unwrap()
    };
    assert_eq!(by_name("Woodgrove").recommendation.family, Family::Override);
    assert_eq!(
        by_name("Woodgrove").recommendation.plan_id,
        Some(PlanId::M365E3)
    );
    assert_eq!(
        by_name("=HYPERLINK").recommendation.family,
        Family::Frontline
    );
    assert_eq!(by_name("國立").recommendation.quantity, Some(100));

    let err = plan_outcome(
        &args(&["--frontline", "Nobody Inc"]),
        ImportOutcome::Ready(imp),
        d(2030, 1, 1),
    )
    .unwrap_err();
    assert_eq!(err.code, 1);
    assert!(err
        .message
        .contains("no customer in the file is called \"Nobody Inc\""));
}

#[test]
fn ambiguous_customer_name() {
    let mut a = customer("Contoso");
    a.id = Some("tenant-a".into());
    let mut b = customer("Contoso");
    b.id = Some("tenant-b".into());
    let imp = import(vec![
        kaizala(&a, "1", 1, d(2020, 9, 1)),
        kaizala(&b, "2", 1, d(2020, 9, 1)),
    ]);
    let err = plan_outcome(
        &args(&["--frontline", "contoso"]),
        ImportOutcome::Ready(imp.clone()),
        d(2030, 1, 1),
    )
    .unwrap_err();
    assert!(err.message.contains("names 2 customers"), "{}", err.message);
    assert!(plan_outcome(
        &args(&["--frontline", "tenant-b"]),
        ImportOutcome::Ready(imp),
        d(2030, 1, 1)
    )
    .is_ok());
}

#[test]
fn a_date_order_question_names_the_column_and_the_flag() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/ambiguous_dates.csv"
    );
    let (code, out, err) = run(&[file, "--as-of", "2020-06-15"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    // The column's header, not the app's whole question, goes in the
    // sentence (it once held the question, quoted inside itself).
    assert!(
        err.contains("The dates in column \"End Date\" could be month-first or day-first"),
        "{err}"
    );
    assert!(!err.contains("can be read two ways"), "{err}");
    let (code, out, _) = run(&[file, "--as-of", "2020-06-15", "--date-order", "day-first"]);
    assert_eq!(code, 0);
    assert!(!out.is_empty());
}

#[test]
fn a_file_without_ids_or_customer_column_says_which_options_answer_it() {
    let dir = std::env::temp_dir().join(format!("kaizala-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("Contoso Ltd.csv");
    std::fs::write(
        &path,
        "Product,Count,Ends\nMicrosoft Kaizala Pro,20,2020-08-31\nOffice 365 E1,5,2021-01-31\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let (code, _, err) = run(&[file, "--as-of", "2020-06-01"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--number-rows"), "{err}");
    let (code, _, err) = run(&[file, "--as-of", "2020-06-01", "--number-rows"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--customer-name \"Contoso Ltd\""), "{err}");
    assert!(err.contains("--map customer_name=COLUMN"), "{err}");
    let (code, out, err) = run(&[
        file,
        "--as-of",
        "2020-06-01",
        "--number-rows",
        "--customer-name",
        "Contoso Taiwan",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"Contoso Taiwan\"") && out.contains("row-2"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
