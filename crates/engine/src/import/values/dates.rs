/*!
Date cells: ISO and year-first dates, month names, Excel serial numbers,
"never" markers, and the `a/b/year` values whose day/month order only the
whole column can decide ([`DateCell::Numeric`]).
*/

use chrono::{Datelike, Duration, NaiveDate};

use super::lexical::{is_placeholder, read_digits};

/// One date cell, read as far as the cell alone allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateCell {
    /// An empty cell or a placeholder such as `n/a`.
    Blank,
    /// A "does not expire" marker: a `9999-…` date or the word `never`.
    Never,
    /// A date the cell fixes by itself (ISO, year first, month name, Excel
    /// serial number).
    Known(NaiveDate),
    /// `a/b/year` where either `a` or `b` may be the month. `sep` is the
    /// separator as written, kept to quote the value back in messages.
    Numeric {
        first: u8,
        second: u8,
        year: u16,
        sep: u8,
    },
}

/// What a date cell said beyond its value, as hints for the column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct DateFlags {
    /// A 12-hour clock (`AM`/`PM`, `上午`/`下午`) followed the date.
    pub(crate) twelve_hour: bool,
    /// The value was an Excel serial day number.
    pub(crate) excel_serial: bool,
    /// The year was written with two digits.
    pub(crate) two_digit_year: bool,
}

/// What is wrong with a date cell (the model's type: rejected rows carry it).
pub(crate) use crate::model::source::DateProblem as DateError;

/// Years from here on mean "does not expire" (`9999-12-10T00:00:00Z`).
const NEVER_YEAR: i32 = 9000;

/// Reads one date cell. `s` need not be trimmed.
pub(crate) fn parse_date(s: &str) -> Result<(DateCell, DateFlags), DateError> {
    let s = s.trim();
    let mut flags = DateFlags::default();
    if s.is_empty() {
        return Ok((DateCell::Blank, flags));
    }
    // Most cells start with a digit; words are checked only for the rest.
    let digit_first = s.as_bytes()[0].is_ascii_digit();
    if !digit_first && is_placeholder(s) {
        return Ok((DateCell::Blank, flags));
    }
    if !digit_first && s.eq_ignore_ascii_case("never") || s.eq_ignore_ascii_case("never expires") {
        return Ok((DateCell::Never, flags));
    }
    let b = s.as_bytes();
    if b[0].is_ascii_alphabetic() {
        return parse_named(s, &mut flags).map(|c| (c, flags));
    }
    // A bare number: an Excel serial day, or a compact `yyyymmdd`.
    if b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && b.iter().filter(|c| **c == b'.').count() <= 1
    {
        return parse_bare_number(s, &mut flags).map(|c| (c, flags));
    }
    let (n1, len1, i) = read_digits(b, 0);
    if len1 == 0 {
        return Err(DateError::Unreadable);
    }
    let rest = &s[i..];
    let Some(sep) = rest.chars().next() else {
        return Err(DateError::Unreadable);
    };
    let after_sep = &rest[sep.len_utf8()..];
    if sep == ' ' {
        return parse_named(s, &mut flags).map(|c| (c, flags));
    }
    if sep == '年' {
        // `2020年7月1日`, written by zh-TW and ja-JP long date formats.
        let ab = after_sep.as_bytes();
        let (m, lm, j) = read_digits(ab, 0);
        let Some(r) = after_sep[j..].strip_prefix('月') else {
            return Err(DateError::Unreadable);
        };
        let rb = r.as_bytes();
        let (d, ld, k) = read_digits(rb, 0);
        let Some(tail) = r[k..].strip_prefix('日') else {
            return Err(DateError::Unreadable);
        };
        if len1 != 4 || lm == 0 || ld == 0 {
            return Err(DateError::Unreadable);
        }
        check_time(tail, &mut flags)?;
        return ymd(n1, m, d).map(|c| (c, flags));
    }
    if !matches!(sep, '/' | '-' | '.') {
        return Err(DateError::Unreadable);
    }
    let sep = sep as u8;
    let ab = after_sep.as_bytes();
    if ab.first().is_some_and(|c| c.is_ascii_alphabetic()) {
        // `1-Jul-2020`, `01 Jul 2020` is handled by `parse_named` via spaces.
        return parse_day_month_name(s, &mut flags).map(|c| (c, flags));
    }
    let (n2, len2, j) = read_digits(ab, 0);
    if len2 == 0 || len2 > 2 || ab.get(j) != Some(&sep) {
        return Err(DateError::Unreadable);
    }
    let (n3, len3, k) = read_digits(ab, j + 1);
    if len3 == 0 {
        return Err(DateError::Unreadable);
    }
    let mut tail = &after_sep[k..];
    if sep == b'.' {
        // `01.07.2020.` is how some locales end a date.
        tail = tail.strip_prefix('.').unwrap_or(tail);
    }
    check_time(tail, &mut flags)?;
    if len1 == 4 {
        if len3 > 2 {
            return Err(DateError::Unreadable);
        }
        return ymd(n1, n2, n3).map(|c| (c, flags));
    }
    if len1 > 2 {
        return Err(DateError::Unreadable);
    }
    let year = match len3 {
        4 => n3,
        2 => {
            flags.two_digit_year = true;
            2000 + n3
        }
        _ => return Err(DateError::Unreadable),
    };
    if n1 == 0 || n2 == 0 || n1 > 31 || n2 > 31 || (n1 > 12 && n2 > 12) {
        return Err(DateError::NoSuchDay);
    }
    if year as i32 >= NEVER_YEAR {
        return Ok((DateCell::Never, flags));
    }
    if n1 == n2 || n1 > 12 || n2 > 12 {
        // The order is either irrelevant or fixed by the value itself, but
        // the column still needs to see it as evidence; the day must exist
        // in the order the value allows.
        let (d, m) = if n1 > 12 { (n1, n2) } else { (n2, n1) };
        if NaiveDate::from_ymd_opt(year as i32, m, d).is_none() {
            return Err(DateError::NoSuchDay);
        }
    }
    Ok((
        DateCell::Numeric {
            first: n1 as u8,
            second: n2 as u8,
            year: year as u16,
            sep,
        },
        flags,
    ))
}

/// Resolves a [`DateCell::Numeric`] in the given order.
pub(crate) fn numeric_to_date(
    first: u8,
    second: u8,
    year: u16,
    day_first: bool,
) -> Option<NaiveDate> {
    let (d, m) = if day_first {
        (first, second)
    } else {
        (second, first)
    };
    NaiveDate::from_ymd_opt(i32::from(year), u32::from(m), u32::from(d))
}

/// Quotes a numeric date back the way it was written (no leading zeros on
/// day and month; the year in four digits, as the parser requires, so that
/// `1/2/0312` is not quoted as the unreadable `1/2/312`).
pub(crate) fn numeric_text(first: u8, second: u8, year: u16, sep: u8) -> String {
    let sep = sep as char;
    format!("{first}{sep}{second}{sep}{year:04}")
}

fn ymd(y: u32, m: u32, d: u32) -> Result<DateCell, DateError> {
    if y as i32 >= NEVER_YEAR {
        // `9999-12-10`: Partner Center's "not expiring" marker. The month
        // and day are noise, so they are not validated.
        return Ok(DateCell::Never);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .map(DateCell::Known)
        .ok_or(DateError::NoSuchDay)
}

/// Checks that what follows a date is a time of day and nothing else:
/// `T00:00:00Z`, ` 0:00`, ` 12:00:00 AM`, ` 上午 12:00:00`, `.693Z`,
/// `+08:00`. The time itself is not needed: legacy end dates are at 00:00.
fn check_time(tail: &str, flags: &mut DateFlags) -> Result<(), DateError> {
    let mut t = tail.strip_prefix('T').unwrap_or(tail);
    // Nearly every time is ASCII digits and separators ("0:00",
    // "00:00:00"): those bytes are skipped at once (they end on a character
    // boundary), and only what follows is read character by character.
    let plain = |b: u8| b.is_ascii_digit() || matches!(b, b':' | b'.' | b',' | b' ' | b'+' | b'-');
    t = &t[t.bytes().position(|b| !plain(b)).unwrap_or(t.len())..];
    while let Some(c) = t.chars().next() {
        if c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | ' ' | '+' | '-' | '\u{a0}') {
            t = &t[c.len_utf8()..];
            continue;
        }
        let mut matched = false;
        for word in [
            "上午", "下午", "午前", "午後", "AM", "PM", "am", "pm", "A.M.", "P.M.", "a.m.", "p.m.",
        ] {
            if let Some(r) = t.strip_prefix(word) {
                t = r;
                flags.twelve_hour = true;
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        if let Some(r) = t.strip_prefix('Z').or_else(|| t.strip_prefix("UTC")) {
            t = r;
            continue;
        }
        return Err(DateError::Unreadable);
    }
    Ok(())
}

/// An Excel serial day in the 1900 date system, or `yyyymmdd`.
fn parse_bare_number(s: &str, flags: &mut DateFlags) -> Result<DateCell, DateError> {
    let int_part = s.split('.').next().unwrap_or("");
    if s.matches('.').count() > 1 || int_part.is_empty() {
        return Err(DateError::Unreadable);
    }
    let b = int_part.as_bytes();
    if b.len() == 8 && !s.contains('.') {
        let (v, _, _) = read_digits(b, 0);
        return ymd(v / 10_000, v / 100 % 100, v % 100);
    }
    if b.len() > 7 {
        return Err(DateError::Unreadable);
    }
    let (serial, _, _) = read_digits(b, 0);
    flags.excel_serial = true;
    excel_serial(serial)
}

/// Excel's 1900 date system: day 1 is 1900-01-01, and day 60 is the
/// non-existent 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so
/// every later serial is one day ahead of a plain count.
pub(crate) fn excel_serial(serial: u32) -> Result<DateCell, DateError> {
    const MAX_SERIAL: u32 = 2_958_465; // 9999-12-31
    let base = NaiveDate::from_ymd_opt(1899, 12, 31).ok_or(DateError::Unreadable)?;
    let days = match serial {
        0 => return Err(DateError::Unreadable),
        60 => return Err(DateError::ExcelLeapBug),
        1..=59 => serial,
        61..=MAX_SERIAL => serial - 1,
        _ => return Err(DateError::Unreadable),
    };
    let date = base
        .checked_add_signed(Duration::days(i64::from(days)))
        .ok_or(DateError::Unreadable)?;
    if date.year() >= NEVER_YEAR {
        return Ok(DateCell::Never);
    }
    Ok(DateCell::Known(date))
}

fn month_from_name(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    let head = w.get(..3)?;
    let idx = MONTHS.iter().position(|m| head.eq_ignore_ascii_case(m))?;
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL.get(idx)?;
    // `Sept` is common; otherwise the word must be a prefix of the full name.
    let ok = w.len() <= full.len()
        && full
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
        || w.eq_ignore_ascii_case("sept");
    ok.then_some(idx as u32 + 1)
}

/// `Jul 1, 2020`, `July 1 2020 12:00 AM`, `1 Jul 2020`.
fn parse_named(s: &str, flags: &mut DateFlags) -> Result<DateCell, DateError> {
    let mut words = s.split([' ', ',', '-']).filter(|w| !w.is_empty());
    let (a, b, c) = (words.next(), words.next(), words.next());
    let (Some(a), Some(b), Some(c)) = (a, b, c) else {
        return Err(DateError::Unreadable);
    };
    let (month, day, year) = if let Some(m) = month_from_name(a) {
        (m, b, c)
    } else if let Some(m) = month_from_name(b) {
        (m, a, c)
    } else {
        return Err(DateError::Unreadable);
    };
    let rest: Vec<&str> = words.collect();
    check_time(&rest.join(" "), flags)?;
    named_ymd(year, month, day, flags)
}

/// `1-Jul-2020`, `01-Jul-20` (Excel's `d-mmm-yy`).
fn parse_day_month_name(s: &str, flags: &mut DateFlags) -> Result<DateCell, DateError> {
    let date_part = s.split(' ').next().unwrap_or("");
    let tail = &s[date_part.len()..];
    let mut parts = date_part.split(['-', '/', '.']);
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateError::Unreadable);
    };
    let month = month_from_name(m).ok_or(DateError::Unreadable)?;
    check_time(tail, flags)?;
    named_ymd(y, month, d, flags)
}

fn named_ymd(
    year: &str,
    month: u32,
    day: &str,
    flags: &mut DateFlags,
) -> Result<DateCell, DateError> {
    let yb = year.as_bytes();
    let db = day.as_bytes();
    let (y, ly, yi) = read_digits(yb, 0);
    let (d, ld, di) = read_digits(db, 0);
    if yi != yb.len() || di != db.len() || ld == 0 || ld > 2 {
        return Err(DateError::Unreadable);
    }
    let y = match ly {
        4 => y,
        2 => {
            flags.two_digit_year = true;
            2000 + y
        }
        _ => return Err(DateError::Unreadable),
    };
    ymd(y, month, d)
}
