/*!
The engine compiled to wasm as the app's release build compiles it, with
plain exports that `run.mjs` times in Node's V8 (the engine of Chromium):
the csv crate's `read_byte_record` loop alone, the work the app does on
each piece of a file as it arrives (fingerprint and UTF-8 check), `import`,
and `build_plan`.
It shows where the wasm's time goes without the browser's file reading
and rendering around it.
*/

// The same baseline as the native benches; its generator is not used here.
#[allow(dead_code)]
#[path = "../../../crates/engine/examples/support/recon.rs"]
mod recon;

use kaizala_engine::import::{import, Import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::{build_plan, Settings};

/// A buffer of `n` bytes for the file, which the caller fills.
#[no_mangle]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

fn file(p: *const u8, n: usize) -> &'static [u8] {
    // SAFETY: `p` is a buffer of `n` bytes from `alloc`, filled by the
    // caller and never freed.
    unsafe { std::slice::from_raw_parts(p, n) }
}

/// The baseline: records read with the csv crate alone.
#[no_mangle]
pub extern "C" fn baseline(p: *const u8, n: usize) -> u32 {
    recon::baseline(file(p, n)) as u32
}

/// What the app does to a file's bytes as they arrive, in pieces of 1 MB
/// (its BYOB reader's buffer): the fingerprint and the UTF-8 and NUL/CR
/// check. Returns the fingerprint's length, so that nothing is skipped.
#[no_mangle]
pub extern "C" fn pieces(p: *const u8, n: usize) -> u32 {
    let bytes = file(p, n);
    let mut fingerprinter = kaizala_engine::progress::Fingerprinter::default();
    let mut check = kaizala_engine::import::ByteCheck::default();
    let mut filled = 0;
    for piece in bytes.chunks(1 << 20) {
        fingerprinter.update(piece);
        filled += piece.len();
        check.update(&bytes[..filled]);
    }
    fingerprinter.finish().len() as u32
}

/// Grows memory once by `n` bytes, as the app does before an import.
#[no_mangle]
pub extern "C" fn reserve(n: usize) {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(n)));
}

thread_local! {
    static IMPORTED: std::cell::RefCell<Option<Import>> = const { std::cell::RefCell::new(None) };
}

/// Imports the file and keeps it for `plan`; returns its subscriptions.
#[no_mangle]
pub extern "C" fn import_file(p: *const u8, n: usize) -> u32 {
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    match import(file(p, n), &options) {
        Ok(ImportOutcome::Ready(i)) => {
            let k = i.subscriptions.len() as u32;
            IMPORTED.with(|cell| *cell.borrow_mut() = Some(i));
            k
        }
        _ => 0,
    }
}

/// Plans the kept import (as of 15 June 2020) and keeps the plan, as the
/// app does; returns its customers.
#[no_mangle]
pub extern "C" fn plan() -> u32 {
    let Some(as_of) = chrono::NaiveDate::from_ymd_opt(2020, 6, 15) else {
        return 0;
    };
    let settings = Settings::new(as_of);
    IMPORTED.with(|cell| match &*cell.borrow() {
        Some(i) => {
            let p = build_plan(i, &settings);
            let k = p.customers.len() as u32;
            std::mem::forget(p);
            k
        }
        None => 0,
    })
}
