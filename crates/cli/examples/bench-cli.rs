/*!
The command line end to end against a bare read, in one run: each round
times a `read_byte_record` loop of the csv crate over FILE (in this
process: open, read, every record, nothing kept), then the released
`kaizala-plan FILE --format json --out OUT` as a whole process (start,
read, import, plan, write). Prints each, the ratio (issue 20's target:
the CLI ≤ 3 × the read) and the medians. The file's pages are warmed in
the system's cache first, so neither pays for the disk. Never fails on a
missed target: it only measures and prints.

```sh
cargo build --release -p kaizala-cli
cargo run --release -p kaizala-engine --example gen-recon -- --subscriptions 500000 --out target/bench/recon-500000.csv
cargo run --release -p kaizala-cli --example bench-cli -- target/bench/recon-500000.csv --runs 3
```

`--out` defaults to /dev/null (the export is still made and written, into
nothing); give a file to count the disk too.
*/

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut file = None;
    let mut runs = 3usize;
    let mut out = String::from("/dev/null");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(runs)
                    .max(1)
            }
            "--out" => out = args.next().unwrap_or(out),
            _ => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: bench-cli FILE [--runs R] [--out OUT]");
        std::process::exit(2);
    };
    // Built beside this example: target/release/examples/bench-cli.
    let cli: PathBuf = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("kaizala-plan")))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| {
            eprintln!("kaizala-plan is not built: cargo build --release -p kaizala-cli");
            std::process::exit(2);
        });
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let mb = size as f64 / 1e6;
    // Into the system's cache, both ways the same.
    let mut sink = Vec::new();
    if let Err(e) = File::open(&file).and_then(|mut f| f.read_to_end(&mut sink)) {
        eprintln!("cannot read {file}: {e}");
        std::process::exit(2);
    }
    drop(sink);
    println!(
        "file: {file}, {mb:.1} MB; {runs} round(s); CLI: {} --format json --out {out}",
        cli.display()
    );
    let (mut reads, mut clis) = (Vec::new(), Vec::new());
    let mut records = 0;
    for round in 1..=runs {
        let started = Instant::now();
        records = bare_read(&file);
        let read_ms = started.elapsed().as_secs_f64() * 1e3;
        let started = Instant::now();
        let status = Command::new(&cli)
            .args([file.as_str(), "--format", "json", "--out", out.as_str()])
            .stderr(std::process::Stdio::null())
            .status();
        let cli_ms = started.elapsed().as_secs_f64() * 1e3;
        if !status.as_ref().is_ok_and(|s| s.success()) {
            eprintln!("kaizala-plan failed: {status:?}");
            std::process::exit(1);
        }
        println!(
            "round {round}: bare read {read_ms:.0} ms ({:.1} MB/s, {records} records); CLI {cli_ms:.0} ms ({:.1} MB/s); CLI / read {:.2}",
            mb / read_ms * 1e3,
            mb / cli_ms * 1e3,
            cli_ms / read_ms
        );
        reads.push(read_ms);
        clis.push(cli_ms);
    }
    let (read, cli_ms) = (median(&mut reads), median(&mut clis));
    let ratio = cli_ms / read;
    println!(
        "median: bare read {read:.0} ms, CLI {cli_ms:.0} ms; CLI / read {ratio:.2} (target <= 3: {}); CLI {:.2} s for {records} records (target: 1,000,001 in <= 3 s)",
        if ratio <= 3.0 { "met" } else { "NOT met" },
        cli_ms / 1e3
    );
}

/// The yardstick: every record of the file read, nothing kept.
fn bare_read(file: &str) -> u64 {
    let Ok(f) = File::open(file) else {
        return 0;
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 20, f));
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        n += 1;
    }
    n
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}
