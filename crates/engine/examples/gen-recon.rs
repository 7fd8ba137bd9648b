/*!
Writes a synthetic reconciliation export for benchmarks (see
`examples/support/recon.rs` for what is in it).

```sh
cargo run --release --example gen-recon -- --subscriptions 50000 --out target/bench/recon-50k.csv
```

Options: `--subscriptions N` (default 50,000; two charge rows each),
`--seed S` (default 2020), `--out PATH` (default `target/bench/recon-<N>.csv`).
The same options always write the same bytes.
*/

#[path = "support/recon.rs"]
mod recon;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut subscriptions = 50_000u64;
    let mut seed = 2020u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match (arg.as_str(), value) {
            ("--subscriptions", Some(v)) => v
                .replace('_', "")
                .parse()
                .map(|n| subscriptions = n)
                .is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| seed = n).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!("usage: gen-recon [--subscriptions N] [--seed S] [--out PATH]");
            return ExitCode::from(2);
        }
    }
    let out =
        out.unwrap_or_else(|| PathBuf::from(format!("target/bench/recon-{subscriptions}.csv")));
    let bytes = recon::generate(subscriptions, seed);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} subscriptions, {} rows, {:.1} MB, seed {seed})",
        out.display(),
        subscriptions,
        subscriptions * 2,
        bytes.len() as f64 / 1e6
    );
    ExitCode::SUCCESS
}
