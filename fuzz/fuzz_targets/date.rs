/*!
Fuzz target: the cell parsers (dates above all, then booleans, statuses,
terms and seat counts) on arbitrary text must return, never panic.

Beyond not panicking it checks what the importer relies on: a numeric
date quoted back in a message reads back as the same date, surrounding
whitespace never changes a reading, and an Excel serial number reads the
same as its decimal text.
*/
#![no_main]

use kaizala_engine::import::fuzzing::{
    excel_serial, parse_bool, parse_date, parse_quantity, parse_status, parse_term, Date,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let s = text.as_ref();

    let read = parse_date(s);
    assert_eq!(
        read,
        parse_date(&format!(" \t{s} ")),
        "whitespace changed the reading of {s:?}"
    );
    if let Ok(Date::Numeric { text: quoted, .. }) = &read {
        assert_eq!(
            parse_date(quoted),
            read,
            "{s:?} quoted back as {quoted:?} reads differently"
        );
    }

    if data.len() == 4 {
        let serial = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
        let direct = excel_serial(serial);
        if let Ok(Some(d)) = direct {
            assert_eq!(
                parse_date(&serial.to_string()),
                Ok(Date::Known(d)),
                "serial {serial}"
            );
        }
    }

    let _ = parse_bool(s);
    let _ = parse_status(s);
    let _ = parse_term(s);
    let _ = parse_quantity(s);
});
