/*!
Cell values: dates, booleans, statuses, terms and seat counts as exports
write them.

Every parser here takes one trimmed cell and returns a typed value or says
it cannot read it; none of them allocates on the happy path or uses a
regular expression, because they run once per mapped cell of files with
hundreds of thousands of rows.

Dates are the subtle part. `3/4/2020` is the 3rd of April in Taipei and
Berlin and the 4th of March in Redmond, so a cell alone cannot decide it:
[`parse_date`] returns [`DateCell::Numeric`] for such values and the
importer decides the order per column from all its values (see
`rows::dates`). The date parsers are in `dates`.
*/

mod dates;
mod lexical;

pub(crate) use self::dates::{
    excel_serial, numeric_text, numeric_to_date, parse_date, DateCell, DateFlags,
};
pub(crate) use self::lexical::is_placeholder;
use self::lexical::read_digits;
use crate::model::Status;

/// Reads a yes/no cell. `Some(None)` is a blank cell (unknown), `None` a
/// value that is not a boolean at all.
pub(crate) fn parse_bool(s: &str) -> Option<Option<bool>> {
    let s = s.trim();
    if s.is_empty() || is_placeholder(s) {
        return Some(None);
    }
    const TRUE: [&str; 14] = [
        "true",
        "yes",
        "y",
        "1",
        "on",
        "t",
        "enabled",
        "wahr",
        "vrai",
        "是",
        "真",
        "開啟",
        "开启",
        "已啟用",
    ];
    const FALSE: [&str; 14] = [
        "false",
        "no",
        "n",
        "0",
        "off",
        "f",
        "disabled",
        "falsch",
        "faux",
        "否",
        "假",
        "關閉",
        "关闭",
        "未啟用",
    ];
    if TRUE.iter().any(|w| s.eq_ignore_ascii_case(w)) {
        Some(Some(true))
    } else if FALSE.iter().any(|w| s.eq_ignore_ascii_case(w)) {
        Some(Some(false))
    } else {
        None
    }
}

/// Reads a status cell: Partner Center (`active`, `Suspended`), Graph
/// (`Enabled`, `Warning`, `LockedOut`), o365reports' sentences and the zh-TW
/// and zh-CN UI words. `None` for words the model does not know.
pub(crate) fn parse_status(s: &str) -> Option<Status> {
    let s = s.trim();
    let lower_ascii = |w: &str| s.eq_ignore_ascii_case(w);
    let table: [(&[&str], Status); 8] = [
        (
            &[
                "active",
                "enabled",
                "作用中",
                "使用中",
                "已啟用",
                "啟用",
                "有效",
                "活动",
                "活動",
                "已启用",
            ],
            Status::Active,
        ),
        (
            &[
                "pending",
                "擱置中",
                "擱置",
                "待定",
                "等待中",
                "待处理",
                "挂起",
            ],
            Status::Pending,
        ),
        (
            &["warning", "inGracePeriod", "警告", "寬限期"],
            Status::Warning,
        ),
        (
            &["expired", "已過期", "已到期", "過期", "已过期", "过期"],
            Status::Expired,
        ),
        (
            &["suspended", "已暫停", "暫停", "已停權", "已暂停", "暂停"],
            Status::Suspended,
        ),
        (
            &["disabled", "已停用", "停用", "已禁用", "禁用"],
            Status::Disabled,
        ),
        (
            &["deleted", "已刪除", "刪除", "已删除", "删除"],
            Status::Deleted,
        ),
        (
            &[
                "lockedout",
                "locked out",
                "locked",
                "已鎖定",
                "鎖定",
                "已锁定",
            ],
            Status::LockedOut,
        ),
    ];
    for (words, status) in table {
        if words.iter().any(|w| lower_ascii(w)) {
            return Some(status);
        }
    }
    // o365reports' "Friendly Expiry Date" sentences.
    let l = s.to_ascii_lowercase();
    if l.starts_with("will expire") {
        return Some(Status::Active);
    }
    if l.starts_with("expired.will suspend") || l.starts_with("expired. will suspend") {
        return Some(Status::Warning);
    }
    if l.starts_with("expired.will delete") || l.starts_with("expired. will delete") {
        return Some(Status::Suspended);
    }
    if l.starts_with("subscription is locked") {
        return Some(Status::LockedOut);
    }
    None
}

/// Reads a term: ISO 8601 (`P1M`, `P1Y`, `P3Y`), words (`Monthly`,
/// `Annual`, `Yearly`, `1 Year`, `每年`) or a month count. `Some(None)` is
/// a blank cell, `None` a value the importer cannot read.
pub(crate) fn parse_term(s: &str) -> Option<Option<u16>> {
    let s = s.trim();
    if s.is_empty() || is_placeholder(s) {
        return Some(None);
    }
    let b = s.as_bytes();
    if (b[0] == b'P' || b[0] == b'p') && b.len() >= 3 {
        let (n, len, i) = read_digits(b, 1);
        if len > 0 && i + 1 == b.len() && n <= 1200 {
            return match b[i].to_ascii_uppercase() {
                b'M' => Some(Some(n as u16)),
                b'Y' => Some(Some((n * 12) as u16)),
                _ => None,
            };
        }
        return None;
    }
    let l = s.to_ascii_lowercase();
    let words: [(&[&str], u16); 3] = [
        (
            &[
                "monthly",
                "month",
                "1 month",
                "one month",
                "每月",
                "月",
                "1 個月",
                "1个月",
                "按月",
            ],
            1,
        ),
        (
            &[
                "annual",
                "yearly",
                "year",
                "1 year",
                "one year",
                "12 months",
                "每年",
                "年",
                "1 年",
                "1年",
                "按年",
            ],
            12,
        ),
        (
            &[
                "triennial",
                "3 years",
                "three years",
                "36 months",
                "3 年",
                "3年",
            ],
            36,
        ),
    ];
    for (ws, months) in words {
        if ws.iter().any(|w| l == *w) {
            return Some(Some(months));
        }
    }
    let (n, len, i) = read_digits(b, 0);
    if len > 0 && i == b.len() && (1..=1200).contains(&n) {
        return Some(Some(n as u16));
    }
    None
}

/// Reads a seat count: `25`, `25.0` (Excel), `1,000` or `1.000` (thousands
/// grouped), `-3` for the recon file's removals. `Some(None)` is blank.
pub(crate) fn parse_quantity(s: &str) -> Option<Option<i64>> {
    let s = s.trim();
    if s.is_empty() || is_placeholder(s) {
        return Some(None);
    }
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let b = digits.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let mut value: i64 = 0;
    let mut i = 0;
    // Integer part, allowing groups of three after `,`, `.`, `'` or a space.
    let mut group_sep: Option<u8> = None;
    let mut digits_since_sep = 0usize;
    let mut seen_sep = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            value = value.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
            digits_since_sep += 1;
            i += 1;
            continue;
        }
        if matches!(c, b',' | b'.' | b'\'' | b' ') {
            // Is this a thousands separator (exactly three digits follow,
            // then another separator of the same kind or the end)?
            let next3 = b.get(i + 1..i + 4);
            let after = b.get(i + 4).copied();
            let grouped = next3.is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && (after.is_none() || after == Some(c))
                && (!seen_sep || digits_since_sep == 3)
                && group_sep.is_none_or(|g| g == c);
            if grouped && !(c == b'.' && after.is_none() && value == 0) {
                group_sep = Some(c);
                seen_sep = true;
                digits_since_sep = 0;
                i += 1;
                continue;
            }
            if c == b'.' || c == b',' {
                // A decimal fraction: allowed only if it is all zeros.
                let frac = &b[i + 1..];
                if !frac.is_empty() && frac.iter().all(|d| *d == b'0') {
                    break;
                }
            }
            return None;
        }
        return None;
    }
    Some(Some(if neg { -value } else { value }))
}

#[cfg(test)]
mod tests {
    use super::dates::DateError;
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> DateCell {
        DateCell::Known(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    fn num(first: u8, second: u8, year: u16, sep: u8) -> DateCell {
        DateCell::Numeric {
            first,
            second,
            year,
            sep,
        }
    }

    #[test]
    fn dates_table() {
        let table: &[(&str, Result<DateCell, DateError>)] = &[
            ("", Ok(DateCell::Blank)),
            ("  ", Ok(DateCell::Blank)),
            ("n/a", Ok(DateCell::Blank)),
            ("Never", Ok(DateCell::Never)),
            ("2020-07-01", Ok(d(2020, 7, 1))),
            ("2018-02-10T00:00:00Z", Ok(d(2018, 2, 10))),
            ("2017-01-25T23:01:08.693Z", Ok(d(2017, 1, 25))),
            ("2020-07-01T00:00:00+08:00", Ok(d(2020, 7, 1))),
            ("2020-07-01 00:00:00", Ok(d(2020, 7, 1))),
            ("9999-12-10T00:00:00Z", Ok(DateCell::Never)),
            ("12/31/9999", Ok(DateCell::Never)),
            ("2020/7/1", Ok(d(2020, 7, 1))),
            ("2020/7/1 上午 12:00:00", Ok(d(2020, 7, 1))),
            ("2021/1/31 下午 11:59:00", Ok(d(2021, 1, 31))),
            ("2020年7月1日", Ok(d(2020, 7, 1))),
            ("2/1/2019 0:00", Ok(num(2, 1, 2019, b'/'))),
            ("2/28/2019 23:59", Ok(num(2, 28, 2019, b'/'))),
            ("7/1/2020 12:00:00 AM", Ok(num(7, 1, 2020, b'/'))),
            ("01.07.2020 00:00:00", Ok(num(1, 7, 2020, b'.'))),
            ("25.12.2020", Ok(num(25, 12, 2020, b'.'))),
            ("01-07-2020", Ok(num(1, 7, 2020, b'-'))),
            ("07/01/2020 00:00:00", Ok(num(7, 1, 2020, b'/'))),
            ("7/1/20", Ok(num(7, 1, 2020, b'/'))),
            ("44013", Ok(d(2020, 7, 1))),
            ("44013.5", Ok(d(2020, 7, 1))),
            ("1", Ok(d(1900, 1, 1))),
            ("59", Ok(d(1900, 2, 28))),
            ("61", Ok(d(1900, 3, 1))),
            ("60", Err(DateError::ExcelLeapBug)),
            ("20200701", Ok(d(2020, 7, 1))),
            ("1-Jul-2020", Ok(d(2020, 7, 1))),
            ("01-Jul-20", Ok(d(2020, 7, 1))),
            ("Jul 1, 2020", Ok(d(2020, 7, 1))),
            ("July 1 2020 12:00 AM", Ok(d(2020, 7, 1))),
            ("1 Sept 2020", Ok(d(2020, 9, 1))),
            ("2/30/2020", Err(DateError::NoSuchDay)),
            ("12/25/2020", Ok(num(12, 25, 2020, b'/'))),
            ("31/2/2020", Err(DateError::NoSuchDay)),
            ("13/13/2020", Err(DateError::NoSuchDay)),
            ("2020-02-30", Err(DateError::NoSuchDay)),
            ("0/1/2020", Err(DateError::NoSuchDay)),
            ("soon", Err(DateError::Unreadable)),
            ("7/1/2020 lunchtime", Err(DateError::Unreadable)),
            ("7/1", Err(DateError::Unreadable)),
            ("7//2020", Err(DateError::Unreadable)),
            ("1.2.3.4", Err(DateError::Unreadable)),
            ("99999999999999999999", Err(DateError::Unreadable)),
            ("3000000", Err(DateError::Unreadable)),
        ];
        for (input, want) in table {
            let got = parse_date(input).map(|(c, _)| c);
            assert_eq!(&got, want, "parse_date({input:?})");
        }
    }

    #[test]
    fn date_flags() {
        assert!(parse_date("7/1/2020 12:00:00 AM").unwrap().1.twelve_hour);
        assert!(parse_date("2020/7/1 下午 01:00:00").unwrap().1.twelve_hour);
        assert!(!parse_date("2/1/2019 0:00").unwrap().1.twelve_hour);
        assert!(parse_date("44013").unwrap().1.excel_serial);
        assert!(parse_date("7/1/20").unwrap().1.two_digit_year);
    }

    #[test]
    fn numeric_orders() {
        assert_eq!(
            numeric_to_date(3, 4, 2020, true),
            NaiveDate::from_ymd_opt(2020, 4, 3)
        );
        assert_eq!(
            numeric_to_date(3, 4, 2020, false),
            NaiveDate::from_ymd_opt(2020, 3, 4)
        );
        assert_eq!(numeric_to_date(2, 30, 2020, false), None);
        assert_eq!(numeric_text(1, 7, 2020, b'.'), "1.7.2020");
        assert_eq!(numeric_text(8, 13, 312, b'/'), "8/13/0312");
    }

    #[test]
    fn booleans_table() {
        let table: &[(&str, Option<Option<bool>>)] = &[
            ("True", Some(Some(true))),
            ("FALSE", Some(Some(false))),
            ("yes", Some(Some(true))),
            ("No", Some(Some(false))),
            ("y", Some(Some(true))),
            ("N", Some(Some(false))),
            ("1", Some(Some(true))),
            ("0", Some(Some(false))),
            ("on", Some(Some(true))),
            ("Off", Some(Some(false))),
            ("是", Some(Some(true))),
            ("否", Some(Some(false))),
            ("真", Some(Some(true))),
            ("假", Some(Some(false))),
            ("WAHR", Some(Some(true))),
            ("", Some(None)),
            (" ", Some(None)),
            ("maybe", None),
            ("2", None),
        ];
        for (input, want) in table {
            assert_eq!(&parse_bool(input), want, "parse_bool({input:?})");
        }
    }

    #[test]
    fn statuses_table() {
        let table: &[(&str, Option<Status>)] = &[
            ("active", Some(Status::Active)),
            ("Active", Some(Status::Active)),
            ("Enabled", Some(Status::Active)),
            ("suspended", Some(Status::Suspended)),
            ("Deleted", Some(Status::Deleted)),
            ("expired", Some(Status::Expired)),
            ("pending", Some(Status::Pending)),
            ("disabled", Some(Status::Disabled)),
            ("Warning", Some(Status::Warning)),
            ("LockedOut", Some(Status::LockedOut)),
            ("作用中", Some(Status::Active)),
            ("已暫停", Some(Status::Suspended)),
            ("已刪除", Some(Status::Deleted)),
            ("Will expire in 45 days", Some(Status::Active)),
            ("Expired.Will suspend in 10 days", Some(Status::Warning)),
            ("Expired.Will delete in 20 days", Some(Status::Suspended)),
            ("None", None),
            ("", None),
        ];
        for (input, want) in table {
            assert_eq!(&parse_status(input), want, "parse_status({input:?})");
        }
    }

    #[test]
    fn terms_table() {
        let table: &[(&str, Option<Option<u16>>)] = &[
            ("P1M", Some(Some(1))),
            ("P1Y", Some(Some(12))),
            ("P3Y", Some(Some(36))),
            ("p1y", Some(Some(12))),
            ("Monthly", Some(Some(1))),
            ("Annual", Some(Some(12))),
            ("Yearly", Some(Some(12))),
            ("每年", Some(Some(12))),
            ("12", Some(Some(12))),
            ("", Some(None)),
            ("P1D", None),
            ("P", None),
            ("forever", None),
        ];
        for (input, want) in table {
            assert_eq!(&parse_term(input), want, "parse_term({input:?})");
        }
    }

    #[test]
    fn quantities_table() {
        let table: &[(&str, Option<Option<i64>>)] = &[
            ("25", Some(Some(25))),
            (" 25 ", Some(Some(25))),
            ("25.0", Some(Some(25))),
            ("25,00", Some(Some(25))),
            ("1,000", Some(Some(1000))),
            ("1.000", Some(Some(1000))),
            ("1,234,567", Some(Some(1_234_567))),
            ("-3", Some(Some(-3))),
            ("", Some(None)),
            ("2.5", None),
            ("12 seats", None),
            ("1,00,0", None),
            ("abc", None),
            ("99999999999999999999999", None),
        ];
        for (input, want) in table {
            assert_eq!(&parse_quantity(input), want, "parse_quantity({input:?})");
        }
    }
}
