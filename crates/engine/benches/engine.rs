/*!
Criterion benchmark: the whole engine (bytes → plan: `import` then
`build_plan`) against a baseline that only reads the same bytes with the
csv crate's `read_byte_record` loop, in one run over one generated file
(50,000 subscriptions, 100,000 charge rows, about 45 MB; see
`examples/support/recon.rs`).

```sh
cargo bench --bench engine                 # 50,000 subscriptions
BENCH_SUBSCRIPTIONS=10000 cargo bench --bench engine
```

Criterion prints each side's throughput; at the end a plain summary line
gives MB/s of both and the ratio (target: engine ≥ 0.5 × baseline). The
engine's side ends when the plan is made: freeing the import and the plan
afterwards is timed apart and printed, as `bench-native` does.
*/

#[path = "../examples/support/recon.rs"]
mod recon;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use kaizala_engine::import::{import, Import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{build_plan, Plan, Settings};

/// Bytes to plan; the import is returned too, to be freed after the clock.
fn engine(bytes: &[u8], options: &ImportOptions, settings: &Settings) -> Option<(Import, Plan)> {
    match import(bytes, options) {
        Ok(ImportOutcome::Ready(imported)) => {
            let plan = build_plan(&imported, settings);
            Some((imported, plan))
        }
        _ => None,
    }
}

fn input() -> Vec<u8> {
    let n = std::env::var("BENCH_SUBSCRIPTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    recon::generate(n, 2020)
}

fn bench(c: &mut Criterion) {
    let bytes = input();
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let settings = Settings::new(NaiveDate::from_ymd_opt(2020, 6, 15).unwrap_or_default());
    let mut group = c.benchmark_group("bytes-to-plan");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("csv-read_byte_record", bytes.len()),
        &bytes,
        |b, bytes| b.iter(|| recon::baseline(bytes)),
    );
    group.bench_with_input(
        BenchmarkId::new("engine-import+plan", bytes.len()),
        &bytes,
        // Each result is freed as soon as it is timed (criterion's
        // `iter_with_large_drop` keeps a batch of them alive first, and the
        // heap that leaves behind slowed the runs after it).
        |b, bytes| {
            b.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                for _ in 0..iters {
                    let t = Instant::now();
                    let out = std::hint::black_box(engine(bytes, &options, &settings));
                    timed += t.elapsed();
                    drop(out);
                }
                timed
            })
        },
    );
    group.finish();
}

/// A plain line criterion does not print: both rates and their ratio,
/// from the best of five alternating runs after criterion's own.
fn summary() {
    let bytes = input();
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let settings = Settings::new(NaiveDate::from_ymd_opt(2020, 6, 15).unwrap_or_default());
    let (mut base, mut eng, mut free) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(recon::baseline(&bytes));
        base = base.min(t.elapsed());
        let t = Instant::now();
        let out = std::hint::black_box(engine(&bytes, &options, &settings));
        eng = eng.min(t.elapsed());
        let t = Instant::now();
        drop(out);
        free = free.min(t.elapsed());
    }
    let mb = bytes.len() as f64 / 1e6;
    let (rb, re) = (mb / base.as_secs_f64(), mb / eng.as_secs_f64());
    println!(
        "summary: {mb:.1} MB; baseline {rb:.1} MB/s; engine {re:.1} MB/s; ratio {:.2} (target >= 0.50: {}); \
         freeing the import and plan afterwards: {:.1} ms, not counted",
        re / rb,
        if re / rb >= 0.5 { "met" } else { "NOT met" },
        free.as_secs_f64() * 1e3
    );
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // `cargo test --benches` runs this binary with `--bench` absent; skip
    // the slow summary then.
    if std::env::args().any(|a| a == "--bench") {
        summary();
    }
}
