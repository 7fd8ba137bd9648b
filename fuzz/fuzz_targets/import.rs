/*!
Fuzz target: `import::import` on arbitrary bytes must return, never panic,
and a ready import must account for every row.
*/
#![no_main]

use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(ImportOutcome::Ready(i)) = import(data, &ImportOptions::default()) {
        assert!(i.report.is_balanced(), "{:?}", i.report);
    }
});
