/*!
Criterion benchmark: an import's result handed from the Web Worker to the
page, packed by `import::packed` against serde_json, both ways, on the
generated reconciliation file the engine bench reads (50,000
subscriptions, 100,000 charge rows; see `examples/support/recon.rs`),
imported once before the clock.

```sh
cargo bench --bench packed                 # 50,000 subscriptions
BENCH_SUBSCRIPTIONS=10000 cargo bench --bench packed
```

`unpack` runs on the page's main thread, so it is the side that matters
(target: at least twice as fast as `serde_json::from_slice`). Both sides
read the same `Result<ImportOutcome, ImportError>`; before timing, each
is checked to read back as the import. At the end a plain line gives both
sizes and the best time of each side.
*/

#[path = "../examples/support/recon.rs"]
mod recon;

use std::time::{Duration, Instant};

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use kaizala_engine::import::packed::{pack, unpack};
use kaizala_engine::import::{import, ImportError, ImportOptions, ImportOutcome};

type Outcome = Result<ImportOutcome, ImportError>;

fn input() -> Outcome {
    let n = std::env::var("BENCH_SUBSCRIPTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let result = import(&recon::generate(n, 2020), &options);
    assert!(matches!(&result, Ok(ImportOutcome::Ready(i)) if i.subscriptions.len() as u64 == n));
    result
}

fn from_json(bytes: &[u8]) -> Outcome {
    serde_json::from_slice(bytes).expect("the JSON reads back")
}

/// Times `f` alone, freeing what it returns after the clock (as the
/// engine bench does: a batch of results kept alive slows what follows).
fn timed<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let t = Instant::now();
        let out = std::hint::black_box(f());
        total += t.elapsed();
        drop(out);
    }
    total
}

fn bench(c: &mut Criterion) {
    let result = input();
    let packed = pack(&result);
    let json = serde_json::to_vec(&result).expect("the result is JSON");
    assert_eq!(unpack(&packed).as_ref(), Ok(&result));
    assert_eq!(from_json(&json), result);

    let mut group = c.benchmark_group("packed-read");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function(BenchmarkId::new("serde_json-from_slice", json.len()), |b| {
        b.iter_custom(|iters| timed(iters, || from_json(&json)))
    });
    group.throughput(Throughput::Bytes(packed.len() as u64));
    group.bench_function(BenchmarkId::new("unpack", packed.len()), |b| {
        b.iter_custom(|iters| timed(iters, || unpack(&packed)))
    });
    group.finish();

    let mut group = c.benchmark_group("packed-write");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("serde_json-to_vec", |b| {
        b.iter_custom(|iters| timed(iters, || serde_json::to_vec(&result)))
    });
    group.bench_function("pack", |b| {
        b.iter_custom(|iters| timed(iters, || pack(&result)))
    });
    group.finish();
}

/// A plain line criterion does not print: both sizes and each side's
/// best time.
fn summary() {
    let result = input();
    let packed = pack(&result);
    let json = serde_json::to_vec(&result).unwrap_or_default();
    // Each side's best of five, its result freed after the clock.
    fn best<T>(mut f: impl FnMut() -> T) -> f64 {
        (0..5)
            .map(|_| timed(1, &mut f))
            .min()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3
    }
    let to_vec = best(|| serde_json::to_vec(&result));
    let packing = best(|| pack(&result));
    let from_slice = best(|| from_json(&json));
    let unpacking = best(|| unpack(&packed));
    println!(
        "summary: JSON {:.2} MB, packed {:.2} MB ({:.0}%); \
         write: to_vec {to_vec:.1} ms, pack {packing:.1} ms ({:.1}x); \
         read: from_slice {from_slice:.1} ms, unpack {unpacking:.1} ms ({:.1}x, target >= 2x)",
        json.len() as f64 / 1e6,
        packed.len() as f64 / 1e6,
        100.0 * packed.len() as f64 / json.len() as f64,
        to_vec / packing,
        from_slice / unpacking,
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
