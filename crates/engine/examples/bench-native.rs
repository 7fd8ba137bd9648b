/*!
The quick native benchmark (about 20 s): the whole engine, bytes → plan
(`import` then `build_plan`), against a baseline that only reads the same
bytes with the csv crate's `read_byte_record` loop. Prints MB/s of each,
the ratio (target: engine ≥ 0.5 × baseline), and where the engine's time
goes (import vs plan).

```sh
cargo run --release --example bench-native                     # 50,000 subscriptions, generated in memory
cargo run --release --example bench-native -- --file target/bench/recon-50k.csv --runs 7
```

The criterion version is `cargo bench --bench engine`. Never fails: it
only measures and prints.
*/

#[path = "support/recon.rs"]
mod recon;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{build_plan, Settings};

fn main() {
    let mut subscriptions = 50_000u64;
    let mut file = None;
    let mut runs = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--subscriptions", Some(v)) => subscriptions = v.parse().unwrap_or(subscriptions),
            ("--file", Some(v)) => file = Some(v),
            ("--runs", Some(v)) => runs = v.parse().unwrap_or(runs).max(1),
            _ => {
                eprintln!("usage: bench-native [--subscriptions N | --file PATH] [--runs R]");
                return;
            }
        }
    }
    let bytes = match &file {
        Some(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return;
            }
        },
        None => recon::generate(subscriptions, 2020),
    };
    let mb = bytes.len() as f64 / 1e6;
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let settings = Settings::new(NaiveDate::from_ymd_opt(2020, 6, 15).unwrap_or_default());

    // Runs alternate, so a slow spell on the machine hits both sides.
    let (mut base, mut imp, mut plan, mut free) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut records = 0;
    let mut customers = 0;
    for _ in 0..runs {
        let t = Instant::now();
        records = std::hint::black_box(recon::baseline(&bytes));
        base.push(t.elapsed());

        let t = Instant::now();
        let outcome = import(&bytes, &options);
        let t_import = t.elapsed();
        let Ok(ImportOutcome::Ready(imported)) = outcome else {
            eprintln!("the engine did not plan the file: {outcome:?}");
            return;
        };
        let t = Instant::now();
        let p = std::hint::black_box(build_plan(&imported, &settings));
        plan.push(t.elapsed());
        imp.push(t_import);
        customers = p.customers.len();
        // Freeing is not part of bytes -> plan, but a user who imports
        // again pays it: timed apart.
        let t = Instant::now();
        drop((p, imported));
        free.push(t.elapsed());
    }
    // The best run of each: on a shared machine the slow runs measure the
    // neighbours, not the code.
    let best = |v: &[Duration]| v.iter().copied().min().unwrap_or_default();
    let (b, i, p) = (best(&base), best(&imp), best(&plan));
    let e = i + p;
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!(
        "input: {mb:.1} MB, {records} records, {customers} customers planned; best of {runs} runs"
    );
    println!(
        "baseline csv read_byte_record: {:>8.1} ms {:>7.1} MB/s",
        b.as_secs_f64() * 1e3,
        rate(b)
    );
    println!(
        "engine import + build_plan:    {:>8.1} ms {:>7.1} MB/s",
        e.as_secs_f64() * 1e3,
        rate(e)
    );
    println!(
        "  of which import:             {:>8.1} ms",
        i.as_secs_f64() * 1e3
    );
    println!(
        "  of which build_plan:         {:>8.1} ms",
        p.as_secs_f64() * 1e3
    );
    let ratio = rate(e) / rate(b);
    println!(
        "ratio engine/baseline: {ratio:.2} (target >= 0.50: {})",
        if ratio >= 0.5 { "met" } else { "NOT met" }
    );
    println!(
        "freeing the import and plan afterwards: {:.1} ms (not counted)",
        best(&free).as_secs_f64() * 1e3
    );
}
