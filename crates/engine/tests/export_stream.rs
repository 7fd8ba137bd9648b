/*!
The whole-plan exports keep their bytes when they stream (issue 20,
point 5). Every format, in both languages, with and without a partner, on
the sample plan, a generated plan and a plan of hostile values, is held by
a fingerprint (length and FNV-1a hash) of the bytes the in-memory exports
wrote before `render_to` existed (commit cdf057c); `render_to` writes
the same bytes into a writer that takes a few bytes at a time, and stops
with the writer's error when it refuses. A change of any byte
fails here; when an export's text changes on purpose, print the new table
with `KAIZALA_PRINT_FINGERPRINTS=1 cargo test -p kaizala-engine --test
export_stream -- --nocapture` and paste it.
*/

mod plan_support;

#[path = "../examples/support/recon.rs"]
#[allow(dead_code)]
mod recon;

use kaizala_engine::build_plan;
use std::io;

use kaizala_engine::export::{render_to, render_with, ExportFormat, Extras};
use kaizala_engine::handout::Partner;
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{Lang, Plan, Settings};
use plan_support::*;

/// FNV-1a, 64 bits: enough to notice any changed byte.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn imported(bytes: &[u8]) -> kaizala_engine::import::Import {
    match import(bytes, &ImportOptions::default()) {
        Ok(ImportOutcome::Ready(i)) => i,
        other => panic!("expected Ready, got {other:?}"),
    }
}

/// Markup, formula starts, quotes, separators and line breaks in every
/// text column, and a rejected row quoting one of them.
fn hostile_csv() -> Vec<u8> {
    let payloads = [
        "<script>x</script> \"q\", {a} [b] \\ 臺北",
        "=HYPERLINK(\"http://x\")",
        "line\r\nBEGIN:VEVENT;a,b",
        "*bold* | # `c`",
    ];
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from(
        "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,customerTenantId,customerCompanyName,customerDomain",
    );
    for (i, p) in payloads.iter().enumerate() {
        out.push_str(&format!(
            "\r\n{},{},{},active,false,2020-09-{:02}T00:00:00Z,{},{},{}",
            q(&format!("{p}{i}")),
            q(&format!("Microsoft Kaizala Pro {p}")),
            10 + i,
            i + 1,
            q(&format!("{p}-t{i}")),
            q(&format!("{p} Co")),
            q(&format!("{p}.example")),
        ));
    }
    out.push_str(&format!(
        "\r\nbad,Microsoft Kaizala Pro,5,active,false,{},t-bad,Bad Co,bad.example\r\n",
        q(payloads[0])
    ));
    out.into_bytes()
}

fn plans() -> Vec<(&'static str, Plan)> {
    let as_of = d(2020, 6, 15);
    vec![
        (
            "sample",
            build_plan(&sample_import(), &Settings::new(d(2020, 6, 1))),
        ),
        (
            "generated",
            build_plan(&imported(&recon::generate(400, 7)), &Settings::new(as_of)),
        ),
        (
            "hostile",
            build_plan(&imported(&hostile_csv()), &Settings::new(as_of)),
        ),
    ]
}

/// (plan, format, language, with partner): length and hash of the bytes.
const EXPECTED: &[(&str, &str, &str, bool, usize, u64)] = &[
    ("sample", "json", "en", false, 37343, 0x6bd3724a569ac340),
    ("sample", "json", "en", true, 37343, 0x6bd3724a569ac340),
    ("sample", "json", "zh-TW", false, 38051, 0x87357fde34363fa2),
    ("sample", "json", "zh-TW", true, 38051, 0x87357fde34363fa2),
    ("sample", "csv", "en", false, 7500, 0xf93f298446fbf3d6),
    ("sample", "csv", "en", true, 7500, 0xf93f298446fbf3d6),
    ("sample", "csv", "zh-TW", false, 7494, 0x90407419bb83b32d),
    ("sample", "csv", "zh-TW", true, 7494, 0x90407419bb83b32d),
    ("sample", "md", "en", false, 15254, 0xfb518a6a1a9b431d),
    ("sample", "md", "en", true, 15327, 0xf7e3356644324a06),
    ("sample", "md", "zh-TW", false, 16394, 0x9ce167103fc119e6),
    ("sample", "md", "zh-TW", true, 16472, 0xb4d43f089d19fb66),
    ("sample", "ics", "en", false, 27124, 0x6fbaaf22cfb50422),
    ("sample", "ics", "en", true, 28264, 0x918bad5e6417b64a),
    ("sample", "ics", "zh-TW", false, 29099, 0x72d0f17e3b7916a3),
    ("sample", "ics", "zh-TW", true, 30317, 0xa06a1da5bbdc195d),
    ("generated", "json", "en", false, 678716, 0xbd7a89c7d120a99a),
    ("generated", "json", "en", true, 678716, 0xbd7a89c7d120a99a),
    (
        "generated",
        "json",
        "zh-TW",
        false,
        693164,
        0xe99be11a62928923,
    ),
    (
        "generated",
        "json",
        "zh-TW",
        true,
        693164,
        0xe99be11a62928923,
    ),
    ("generated", "csv", "en", false, 101485, 0x9b351ac76d73cbf8),
    ("generated", "csv", "en", true, 101485, 0x9b351ac76d73cbf8),
    (
        "generated",
        "csv",
        "zh-TW",
        false,
        101771,
        0xfc29f02e74db4234,
    ),
    (
        "generated",
        "csv",
        "zh-TW",
        true,
        101771,
        0xfc29f02e74db4234,
    ),
    ("generated", "md", "en", false, 291563, 0x9f976ce941d020eb),
    ("generated", "md", "en", true, 291636, 0x879b6932e4b2c40c),
    (
        "generated",
        "md",
        "zh-TW",
        false,
        313996,
        0xd337d6c5140a9144,
    ),
    ("generated", "md", "zh-TW", true, 314074, 0x905d29bc74ddfd04),
    ("generated", "ics", "en", false, 585415, 0xfc354455cc77bbce),
    ("generated", "ics", "en", true, 610100, 0xcba8d473b860a9ef),
    (
        "generated",
        "ics",
        "zh-TW",
        false,
        627795,
        0xec6cd4095f9adb7e,
    ),
    (
        "generated",
        "ics",
        "zh-TW",
        true,
        654162,
        0xca9563d7327aa3e9,
    ),
    ("hostile", "json", "en", false, 28401, 0xbeac63c8e93f10ba),
    ("hostile", "json", "en", true, 28401, 0xbeac63c8e93f10ba),
    ("hostile", "json", "zh-TW", false, 28847, 0x537503ab4c41dc9b),
    ("hostile", "json", "zh-TW", true, 28847, 0x537503ab4c41dc9b),
    ("hostile", "csv", "en", false, 3754, 0x19082125cb1e78e3),
    ("hostile", "csv", "en", true, 3754, 0x19082125cb1e78e3),
    ("hostile", "csv", "zh-TW", false, 3798, 0x13fde30b1fc90036),
    ("hostile", "csv", "zh-TW", true, 3798, 0x13fde30b1fc90036),
    ("hostile", "md", "en", false, 12018, 0x6b0dd922b3350eb4),
    ("hostile", "md", "en", true, 12091, 0x15f3554991d62a39),
    ("hostile", "md", "zh-TW", false, 12809, 0x0311fb5fe40faab1),
    ("hostile", "md", "zh-TW", true, 12887, 0x0bd8c1dc3d95ccf1),
    ("hostile", "ics", "en", false, 17894, 0xa74b8c58fa0cedda),
    ("hostile", "ics", "en", true, 18803, 0xce00fa5d0e43588d),
    ("hostile", "ics", "zh-TW", false, 18954, 0xb8b6258d64cc4b35),
    ("hostile", "ics", "zh-TW", true, 19932, 0x0ea36b4336279fc7),
];

#[test]
fn every_export_keeps_its_bytes() {
    let partner = Partner {
        name: "Fabrikam <IT>, \"Ltd\"".into(),
        contact: "it@fabrikam.example; +886 2 1234".into(),
    };
    let print = std::env::var_os("KAIZALA_PRINT_FINGERPRINTS").is_some();
    let mut seen = 0;
    for (name, plan) in plans() {
        for format in ExportFormat::ALL {
            for lang in [Lang::En, Lang::ZhTw] {
                for with_partner in [false, true] {
                    let extras = Extras {
                        partner: with_partner.then_some(&partner),
                        progress: None,
                    };
                    let bytes = render_with(&plan, format, lang, extras);
                    let (ext, tag) = (format.extension(), lang.tag());
                    let got = (bytes.len(), fnv(&bytes));
                    if print {
                        println!(
                            "    (\"{name}\", \"{ext}\", \"{tag}\", {with_partner}, {}, 0x{:016x}),",
                            got.0, got.1
                        );
                        continue;
                    }
                    let want = EXPECTED
                        .iter()
                        .find(|e| (e.0, e.1, e.2, e.3) == (name, ext, tag, with_partner))
                        .map(|e| (e.4, e.5));
                    assert_eq!(
                        Some(got),
                        want,
                        "{name} plan, {ext}, {tag}, partner {with_partner}"
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(print || seen == EXPECTED.len());
}

/// Takes at most `step` bytes per write, and refuses every write once
/// `room` bytes are taken.
struct Trickle {
    bytes: Vec<u8>,
    step: usize,
    room: usize,
}

impl io::Write for Trickle {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(self.step).min(self.room - self.bytes.len());
        if n == 0 && !buf.is_empty() {
            return Err(io::ErrorKind::WriteZero.into());
        }
        self.bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_writer_gets_the_same_bytes_and_its_error() {
    let partner = Partner {
        name: "Fabrikam".into(),
        contact: "it@fabrikam.example".into(),
    };
    let extras = Extras {
        partner: Some(&partner),
        progress: None,
    };
    for (name, plan) in plans() {
        for format in ExportFormat::ALL {
            for lang in [Lang::En, Lang::ZhTw] {
                let whole = render_with(&plan, format, lang, extras);
                for step in [1, 3, 4096] {
                    let mut out = Trickle {
                        bytes: Vec::new(),
                        step,
                        room: usize::MAX,
                    };
                    let written = render_to(&plan, format, lang, extras, &mut out);
                    assert!(written.is_ok(), "{name} {format:?} {lang:?}");
                    assert!(out.bytes == whole, "{name} {format:?} {lang:?} by {step}");
                }
                // A full disk halfway: the error comes back, what was
                // written is the export's beginning.
                let room = whole.len() / 2;
                let mut out = Trickle {
                    bytes: Vec::new(),
                    step: 4096,
                    room,
                };
                let written = render_to(&plan, format, lang, extras, &mut out);
                assert_eq!(
                    written.map_err(|e| e.kind()),
                    Err(io::ErrorKind::WriteZero),
                    "{name} {format:?} {lang:?}"
                );
                assert!(whole.starts_with(&out.bytes));
            }
        }
    }
}
