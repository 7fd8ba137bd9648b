/*!
`kaizala-plan --lang zh-TW` answers in Traditional Chinese: usage errors
(even a line clap refuses), files it cannot read, a file whose columns
need mapping, a customer it does not know, and the summary of a run that
succeeds. The same lines in English are held by the other CLI tests.
*/

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A file of its own for this test, written once.
fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("kaizala-cli-zh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kaizala-plan"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// English sentence words that would show a message left untranslated.
const ENGLISH: &[&str] = &[
    "cannot",
    " the ",
    " rows ",
    " customer ",
    " read ",
    "perhaps",
    " column",
];

fn chinese(what: &str, text: &str) {
    assert!(has_han(text), "{what}: {text}");
    for w in ENGLISH {
        assert!(!text.contains(w), "{what}: {w:?} in {text}");
    }
}

#[test]
fn failures_are_said_in_chinese() {
    let xlsx = scratch(
        "book.csv",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    );
    let unmapped = scratch(
        "unmapped.csv",
        b"Kunde,Produkt,Ablauf\nContoso,Microsoft Kaizala Pro,2020-09-30\n",
    );
    let missing = scratch("gone.csv", b"").replace("gone.csv", "missing.csv");
    let subs = fixture("pc_subscriptions_export.csv");
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["a.csv", "--as-of", "1/6/2020", "--lang", "zh-TW"],
            2,
            "需要 YYYY-MM-DD",
        ),
        (
            &["--lang=zh-TW", "a.csv", "--format", "xml"],
            2,
            "--format 可用",
        ),
        (
            &["--lang", "zh-TW", "a.csv", "--verbose"],
            2,
            "不認得的選項：--verbose",
        ),
        (&["--lang", "zh-TW"], 2, "缺少要讀取的檔案"),
        (
            &["--lang", "zh-TW", "a.csv", "--out"],
            2,
            "--out 需要一個值",
        ),
        (
            &["--lang", "zh-TW", "a.csv", "--seats", "contoso=many"],
            2,
            "不是整數的授權數量",
        ),
        (&[&missing, "--lang", "zh-TW"], 1, "找不到這個檔案"),
        (&[&xlsx, "--lang", "zh-TW"], 1, "另存新檔"),
        (&[&unmapped, "--lang", "zh-TW"], 1, "檔案的欄位無法全部對應"),
        (
            &[&subs, "--lang", "zh-TW", "--frontline", "Nobody Ltd"],
            1,
            "沒有名為「Nobody Ltd」的客戶",
        ),
        (
            &[&subs, "--lang", "zh-TW", "--format", "ps1"],
            1,
            "請加上 --customer CUSTOMER",
        ),
    ];
    for (args, code, want) in cases {
        let (got, out, err) = run(args);
        assert_eq!(got, *code, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(want), "{args:?}: {err}");
        chinese(&format!("{args:?}"), &err);
        if *code == 2 {
            assert!(err.contains("kaizala-plan --help"), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_run_summarises_in_chinese_and_in_english_as_before() {
    let subs = fixture("pc_subscriptions_export.csv");
    let (code, out, err) = run(&[&subs, "--lang", "zh-TW", "--as-of", "2020-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    assert!(
        err.starts_with("已讀取 ") && err.contains("位客戶中有"),
        "{err}"
    );
    chinese("summary", &err);
    let (code, _, err) = run(&[&subs, "--as-of", "2020-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(" rows read, ") && err.contains("customers have Kaizala Pro"),
        "{err}"
    );
}

#[test]
fn an_unknown_lang_falls_back_to_english_words() {
    let (code, _, err) = run(&["a.csv", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--lang is en or zh-TW") && !has_han(&err),
        "{err}"
    );
}

#[test]
fn help_in_traditional_chinese() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kaizala-plan"))
        .args(["--lang", "zh-TW", "--help"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("用法：kaizala-plan"), "{text}");
    assert!(text.contains("--users FILE"));
    let en = std::process::Command::new(env!("CARGO_BIN_EXE_kaizala-plan"))
        .arg("--help")
        .output()
        .expect("runs");
    assert!(String::from_utf8(en.stdout)
        .unwrap()
        .starts_with("usage: kaizala-plan"));
}
