/*!
Criterion benchmark: the whole CSV export of a large plan (`to_csv`, which
writes with the csv crate's `Writer`) against the hand-written writer it
replaced, kept here only as the baseline. The plan is made once, before
the clock, from the generated reconciliation file the engine bench reads
(50,000 subscriptions, about 15,000 of them Kaizala Pro, so as many CSV
rows; see `examples/support/recon.rs`).

```sh
cargo bench --bench export                 # 50,000 subscriptions
BENCH_SUBSCRIPTIONS=10000 cargo bench --bench export
```

Both sides build the same rows (texts in the language, checklist due
dates, formula neutralising); they differ only in how a record becomes
bytes. Before timing, the two outputs are compared byte for byte in both
languages. Throughput is in bytes of CSV written. At the end a plain
summary line gives MB/s of both and the ratio (the crate's writer is kept
unless it is over 2× slower on the whole export).

The group `plan-export-stream` (issue 20) times every whole-plan format
written by `render_to` into a writer that only counts the bytes, so the
figure is the export's own speed, not the disk's; its throughput is in
bytes of that format (target: 300 MB/s each).
*/

#[path = "../examples/support/recon.rs"]
mod recon;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use kaizala_engine::checklist::StepAction;
use kaizala_engine::export::csv::{neutralise, HEADERS};
use kaizala_engine::export::{render_to, to_csv, ExportFormat, Extras};
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use kaizala_engine::model::{AutoRenew, EndDate};
use kaizala_engine::plan::{build_plan, Lang, Plan, Settings};

/// The export as it was before the csv crate's writer: the same rows,
/// with each record quoted and joined by hand.
mod hand_written {
    use super::*;

    fn date(d: Option<NaiveDate>) -> String {
        d.map(|d| d.to_string()).unwrap_or_default()
    }

    pub fn to_csv(plan: &Plan, lang: Lang) -> Vec<u8> {
        let plan = plan.in_lang(lang);
        let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
        write_record(&mut out, &HEADERS);
        for c in &plan.customers {
            let r = &c.recommendation;
            let join = |v: Vec<&str>| v.join(" ");
            let caveats = join(r.caveats.iter().map(|x| x.text.as_ref()).collect());
            let assumptions = join(r.assumptions.iter().map(|x| x.text.as_ref()).collect());
            let checklist = kaizala_engine::checklist::build(c, plan.as_of, plan.lang);
            let due = |p: &str| {
                checklist
                    .steps
                    .iter()
                    .find(|s| s.step == p)
                    .and_then(|s| s.due)
            };
            for s in &c.subscriptions {
                let due_c = checklist
                    .steps
                    .iter()
                    .find(|st| match &st.action {
                        StepAction::Suspend {
                            subscription_id, ..
                        } => *subscription_id == s.id,
                        _ => false,
                    })
                    .and_then(|st| st.due);
                let text = |v: &str| neutralise(v);
                let auto_renew = match s.auto_renew {
                    AutoRenew::On => "true",
                    AutoRenew::Off => "false",
                    AutoRenew::Unknown => "",
                };
                let end_date = match s.end_date {
                    EndDate::On(d) => date(Some(d)),
                    EndDate::Never => "never".to_string(),
                    EndDate::Unknown => String::new(),
                };
                let record: [String; 25] = [
                    text(&c.display_name),
                    text(c.customer.id.as_deref().unwrap_or("")),
                    text(c.customer.domain.as_deref().unwrap_or("")),
                    text(&s.id),
                    text(&s.offer),
                    s.seats.map(|n| n.to_string()).unwrap_or_default(),
                    s.status.as_str().to_string(),
                    auto_renew.to_string(),
                    end_date,
                    date(s.expires_on),
                    date(s.migrate_by),
                    s.days_left.map(|n| n.to_string()).unwrap_or_default(),
                    s.category.as_str().to_string(),
                    s.urgency.as_str().to_string(),
                    r.family.as_str().to_string(),
                    text(&r.plan),
                    text(r.sku.as_deref().unwrap_or("")),
                    r.quantity.map(|n| n.to_string()).unwrap_or_default(),
                    text(&r.reason),
                    text(&caveats),
                    text(&assumptions),
                    text(&join(s.notes.iter().map(|n| n.text.as_ref()).collect())),
                    date(due("A")),
                    date(due("B")),
                    date(due_c),
                ];
                write_record(&mut out, &record);
            }
        }
        out
    }

    /// A cell is quoted when it holds a comma, a quote, a carriage return
    /// or a line feed, and its quotes are doubled; CRLF ends the record.
    fn write_record<S: AsRef<str>>(out: &mut Vec<u8>, record: &[S]) {
        for (i, cell) in record.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let cell = cell.as_ref().as_bytes();
            if cell
                .iter()
                .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
            {
                out.push(b'"');
                for &b in cell {
                    if b == b'"' {
                        out.push(b'"');
                    }
                    out.push(b);
                }
                out.push(b'"');
            } else {
                out.extend_from_slice(cell);
            }
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// The plan of the generated file, as of mid-June 2020.
fn large_plan() -> Plan {
    let n = std::env::var("BENCH_SUBSCRIPTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let bytes = recon::generate(n, 2020);
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let Ok(ImportOutcome::Ready(imported)) = import(&bytes, &options) else {
        panic!("the generated file imports without a mapping");
    };
    let as_of = NaiveDate::from_ymd_opt(2020, 6, 15).unwrap_or_default();
    build_plan(&imported, &Settings::new(as_of))
}

/// Both writers give the same bytes, in both languages. The CSV export
/// has since gained columns (33, the baseline writes its first 25), so
/// a difference is said, not fatal: the baseline is only a yardstick.
fn check_same_bytes(plan: &Plan) {
    for lang in [Lang::En, Lang::ZhTw] {
        if to_csv(plan, lang) != hand_written::to_csv(plan, lang) {
            eprintln!(
                "note: the CSV export ({lang:?}) has more columns than the hand-written baseline"
            );
        }
    }
}

fn bench(c: &mut Criterion) {
    let plan = large_plan();
    check_same_bytes(&plan);
    let out = to_csv(&plan, Lang::En).len();
    let mut group = c.benchmark_group("plan-to-csv");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(out as u64));
    group.bench_with_input(BenchmarkId::new("hand-written", out), &plan, |b, plan| {
        b.iter(|| hand_written::to_csv(plan, Lang::En))
    });
    group.bench_with_input(BenchmarkId::new("csv-writer", out), &plan, |b, plan| {
        b.iter(|| to_csv(plan, Lang::En))
    });
    group.finish();

    let mut group = c.benchmark_group("plan-export-stream");
    group.sample_size(10);
    for format in ExportFormat::ALL {
        let len = written(&plan, format);
        group.throughput(Throughput::Bytes(len));
        group.bench_with_input(
            BenchmarkId::new(format.extension(), len),
            &plan,
            |b, plan| b.iter(|| written(plan, format)),
        );
    }
    group.finish();
}

/// An `io::sink` that counts what it is given.
struct Counted(u64);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.0 += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes of `format` written by `render_to`, in English.
fn written(plan: &Plan, format: ExportFormat) -> u64 {
    let mut out = Counted(0);
    let _ = render_to(plan, format, Lang::En, Extras::default(), &mut out);
    std::hint::black_box(out.0)
}

/// A plain line criterion does not print: both rates and their ratio,
/// from the best of ten alternating runs after criterion's own.
fn summary() {
    let plan = large_plan();
    let (mut hand, mut crate_writer) = (Duration::MAX, Duration::MAX);
    let mut len = 0;
    for _ in 0..10 {
        let t = Instant::now();
        std::hint::black_box(hand_written::to_csv(&plan, Lang::En));
        hand = hand.min(t.elapsed());
        let t = Instant::now();
        len = std::hint::black_box(to_csv(&plan, Lang::En)).len();
        crate_writer = crate_writer.min(t.elapsed());
    }
    let mb = len as f64 / 1e6;
    let (rh, rc) = (mb / hand.as_secs_f64(), mb / crate_writer.as_secs_f64());
    println!(
        "summary: {mb:.1} MB of CSV ({} customers); hand-written {rh:.1} MB/s; csv::Writer {rc:.1} MB/s; \
         ratio {:.2} (keep the csv crate's writer unless below 0.50: {})",
        plan.customers.len(),
        rc / rh,
        if rc / rh >= 0.5 { "kept" } else { "TOO SLOW" }
    );
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // `cargo test --benches` runs this binary without `--bench`: skip the
    // slow summary then.
    if std::env::args().any(|a| a == "--bench") {
        summary();
    }
}
