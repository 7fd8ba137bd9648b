/*!
Fuzz target: `import::import` on arbitrary bytes must return, never panic,
and a ready import must account for every row.

Each input is read twice: as it is, and after a users file's header row
(the admin center's *Export users* columns), so that the users reader
(`import::users`: licenses split at `+`, proxy addresses, grouping by user
principal name) sees every input too, not only the rare one whose first
line names user columns.
*/
#![no_main]

use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
use libfuzzer_sys::fuzz_target;

const USERS_HEADER: &[u8] =
    b"User principal name,Display name,Licenses,Proxy addresses,Block credential\n";

fuzz_target!(|data: &[u8]| {
    if let Ok(ImportOutcome::Ready(i)) = import(data, &ImportOptions::default()) {
        assert!(i.report.is_balanced(), "{:?}", i.report);
    }
    let users = [USERS_HEADER, data].concat();
    if let Ok(ImportOutcome::Ready(i)) = import(&users, &ImportOptions::default()) {
        assert!(i.report.is_balanced(), "{:?}", i.report);
    }
});
