/*!
The workspace file: a round trip keeps everything; each way of being
wrong has its own error; the sniff tells a workspace file from an export;
and whatever the bytes, `read` returns (property tests).
*/
#![cfg(not(target_arch = "wasm32"))]

mod plan_support;

use kaizala_engine::handout::Partner;
use kaizala_engine::import::{DateOrder, Field, ImportOptions};
use kaizala_engine::plan::{CustomerSettings, Lang, Settings};
use kaizala_engine::progress::Progress;
use kaizala_engine::workspace::{
    is_workspace_file, read, write, WorkspaceEntry, WorkspaceFile, WorkspaceFileError,
};
use plan_support::d;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn sample() -> WorkspaceFile {
    let mut settings = Settings::new(d(2020, 6, 15));
    settings.lang = Lang::ZhTw;
    settings.customers.insert(
        "id:c1".into(),
        CustomerSettings {
            frontline: true,
            ..CustomerSettings::default()
        },
    );
    // Step A of customer c1 ticked on 10 June (stored by display id, as
    // the first shape did: no plan is needed to build it).
    let mut progress =
        Progress::from_json(r#"{"ticked":["id:c1/A"],"ticked_on":{"id:c1/A":"2020-06-10"}}"#)
            .unwrap();
    progress.set_note("id:c1", "打電話給 IT 主管");
    WorkspaceFile {
        saved_on: d(2020, 6, 15),
        name: "Contoso 與 Fabrikam".into(),
        files: vec![
            WorkspaceEntry::new(
                "rest_api.csv",
                d(2020, 6, 1),
                ImportOptions {
                    file_name: Some("rest_api.csv".into()),
                    mapping: vec![(Field::EndDate, "commitmentEndDate".into())],
                    date_order: Some(DateOrder::DayFirst),
                    ..ImportOptions::default()
                },
                fixture("rest_api.csv"),
            ),
            // Bytes that are not text survive too.
            WorkspaceEntry::new(
                "utf16.txt",
                d(2020, 6, 8),
                ImportOptions::default(),
                fixture("excel_tab_utf16le.txt"),
            ),
        ],
        settings,
        progress,
        partner: Partner {
            name: "Northwind 顧問".into(),
            contact: "help@northwind.example".into(),
        },
    }
}

#[test]
fn round_trip() {
    let ws = sample();
    let bytes = write(&ws);
    assert!(is_workspace_file(&bytes));
    assert_eq!(read(&bytes), Ok(ws.clone()));
    let empty = WorkspaceFile {
        files: vec![],
        progress: Progress::default(),
        partner: Partner::default(),
        ..ws
    };
    assert_eq!(read(&write(&empty)), Ok(empty));
}

#[test]
fn the_format_is_as_documented() {
    let bytes = write(&sample());
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["kind"], "kaizala-planner-workspace");
    assert_eq!(v["version"], 1);
    assert_eq!(v["saved_on"], "2020-06-15");
    assert_eq!(v["files"][0]["added_on"], "2020-06-01");
    assert_eq!(v["files"][0]["options"]["date_order"], "day_first");
    assert_eq!(
        v["files"][0]["fingerprint"],
        kaizala_engine::progress::fingerprint(&fixture("rest_api.csv"))
    );
    assert!(v["files"][0]["data"]
        .as_str()
        .unwrap()
        .starts_with("aWQsb2ZmZXJJZC"));
    assert_eq!(v["settings"]["lang"], "zh-TW");
    assert_eq!(v["partner"]["name"], "Northwind 顧問");
    assert!(v["progress"].is_object());
    // The kind is written first, where the sniff looks.
    assert!(std::str::from_utf8(&bytes)
        .unwrap()
        .trim_start_matches(['{', ' ', '\n'])
        .starts_with("\"kind\""));
}

fn edited(edit: impl Fn(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(&write(&sample())).unwrap();
    edit(&mut v);
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn each_fault_has_its_error() {
    use WorkspaceFileError as E;
    type Expect = fn(&E) -> bool;
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        ("empty", vec![], |e| matches!(e, E::NotJson { .. })),
        ("a CSV", fixture("rest_api.csv"), |e| {
            matches!(e, E::NotJson { .. })
        }),
        ("cut short", write(&sample())[..200].to_vec(), |e| {
            matches!(e, E::NotJson { .. })
        }),
        ("a list", b"[1,2]".to_vec(), |e| *e == E::NotWorkspace),
        ("other JSON", br#"{"schema":1}"#.to_vec(), |e| {
            *e == E::NotWorkspace
        }),
        ("a plan", br#"{"kind":"plan"}"#.to_vec(), |e| {
            *e == E::NotWorkspace
        }),
        ("newer", edited(|v| v["version"] = 2.into()), |e| {
            *e == E::NewerVersion {
                version: 2,
                supported: 1,
            }
        }),
        ("no version", edited(|v| v["version"] = "1".into()), |e| {
            matches!(e, E::Damaged { .. })
        }),
        ("no files", edited(|v| v["files"] = 5.into()), |e| {
            matches!(e, E::Damaged { .. })
        }),
        (
            "bad date",
            edited(|v| v["saved_on"] = "15/06/2020".into()),
            |e| matches!(e, E::Damaged { .. }),
        ),
        (
            "bad progress",
            edited(|v| v["progress"] = "x".into()),
            |e| *e == E::BadProgress,
        ),
        (
            "not base64",
            edited(|v| v["files"][1]["data"] = "not base64!".into()),
            |e| {
                *e == E::DataNotBase64 {
                    file: "utf16.txt".into(),
                }
            },
        ),
        (
            "changed bytes",
            edited(|v| v["files"][0]["data"] = "aGVsbG8=".into()),
            |e| {
                *e == E::FingerprintMismatch {
                    file: "rest_api.csv".into(),
                }
            },
        ),
    ];
    for (what, bytes, ok) in cases {
        match read(&bytes) {
            Err(e) => assert!(ok(&e), "{what}: {e:?}"),
            Ok(_) => panic!("{what}: read"),
        }
    }
}

#[test]
fn what_is_kept_is_tidied() {
    let bytes = edited(|v| {
        v["partner"]["name"] = "  Northwind\n\n顧問  ".into();
        v["progress"] = serde_json::json!({
            "ticked": ["id:c1/A"],
            "ticked_on": {"id:c1/B": "2020-06-01"},
            "notes": {"id:c2": "   "}
        });
        v["extra"] = "ignored".into();
    });
    let ws = read(&bytes).unwrap();
    assert_eq!(ws.partner.name, "Northwind 顧問");
    let kept = ws.progress.to_json();
    assert!(
        !kept.contains("2020-06-01"),
        "a day without its tick: {kept}"
    );
    assert!(ws.progress.note("id:c2").is_empty(), "a blank note");
    // Optional members may be left out.
    let bytes = edited(|v| {
        let o = v.as_object_mut().unwrap();
        o.remove("progress");
        o.remove("partner");
        o.remove("name");
    });
    let ws = read(&bytes).unwrap();
    assert_eq!(ws.progress, Progress::default());
    assert!(ws.partner.is_empty());
}

#[test]
fn the_sniff() {
    let cases: &[(&[u8], bool)] = &[
        (br#"{"kind":"kaizala-planner-workspace"}"#, true),
        (
            b"\xEF\xBB\xBF \n{ \"kind\" : \"kaizala-planner-workspace\", \"version\": 9",
            true,
        ),
        (br#"{"name":"x","kind":"kaizala-planner-workspace"}"#, true),
        (br#"{"kind":"plan"}"#, false),
        (br#"{"schema":1,"customers":[]}"#, false),
        (br#"["kind","kaizala-planner-workspace"]"#, false),
        (b"kind,kaizala-planner-workspace\n", false),
        (b"", false),
        (b"{", false),
    ];
    for (bytes, want) in cases {
        assert_eq!(
            is_workspace_file(bytes),
            *want,
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
    assert!(!is_workspace_file(&fixture("rest_api.csv")));
    assert!(!is_workspace_file(&fixture("excel_tab_utf16le.txt")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn hostile_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read(&bytes);
        let _ = is_workspace_file(&bytes);
    }

    /// A real workspace file with a few bytes changed: read or refused,
    /// never a panic, and a file read back always matches its fingerprint.
    #[test]
    fn mutated_workspace_files(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = write(&sample());
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Ok(ws) = read(&bytes) {
            for f in &ws.files {
                prop_assert_eq!(&kaizala_engine::progress::fingerprint(&f.data), &f.fingerprint);
            }
        }
    }

    /// JSON of the right kind with any members: never a panic.
    #[test]
    fn any_members(members in prop::collection::vec(("[a-z_]{1,10}", "[ -~]{0,20}"), 0..8)) {
        let mut o = serde_json::Map::new();
        o.insert("kind".into(), "kaizala-planner-workspace".into());
        o.insert("version".into(), 1.into());
        for (k, v) in members {
            let value = serde_json::from_str(&v).unwrap_or(serde_json::Value::String(v));
            o.insert(k, value);
        }
        let bytes = serde_json::to_vec(&serde_json::Value::Object(o)).unwrap();
        prop_assert!(is_workspace_file(&bytes));
        let _ = read(&bytes);
    }
}
