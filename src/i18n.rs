/*!
The app's words in English and Traditional Chinese (Taiwan), and dates and
numbers formatted for each.

Texts are written in pairs where they are used, `tr(lang, "English",
"中文")`, so a missing translation is a compile error rather than a blank
on screen, and no central table has to be kept in step with the views.
The language type itself is the engine's (`kaizala_engine::plan::Lang`), which the
plan's own texts (reasons, checklist steps) are written in.
*/

use chrono::{Datelike, NaiveDate};

pub use kaizala_engine::plan::Lang;

pub use kaizala_engine::i18n::tr;

/// The language for a browser preference like `zh-TW`, `zh-Hant-HK` or
/// `en-GB`. Chinese other than Simplified is served Traditional; other
/// languages get nothing, so the next preference is tried.
pub fn lang_from_browser_tag(tag: &str) -> Option<Lang> {
    let t = tag.to_ascii_lowercase();
    if t == "en" || t.starts_with("en-") {
        Some(Lang::En)
    } else if t == "zh" || t.starts_with("zh-") {
        let simplified = t.contains("hans") || t == "zh-cn" || t == "zh-sg";
        (!simplified).then_some(Lang::ZhTw)
    } else {
        None
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as a reader of `lang` writes it: `1 Sep 2020`, `2020年9月1日`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[d.month0() as usize],
            d.year()
        ),
        Lang::ZhTw => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// An optional date, with a dash for none.
pub fn opt_date(lang: Lang, d: Option<NaiveDate>) -> String {
    d.map(|d| date(lang, d)).unwrap_or_else(|| "—".to_string())
}

/// A date in a table cell, where columns of dates are read down:
/// `1 Sep 2020`, `2020/09/01` (Taiwan's tables pad month and day).
pub fn table_date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => date(lang, d),
        Lang::ZhTw => format!("{}/{:02}/{:02}", d.year(), d.month(), d.day()),
    }
}

/// An optional date in a table cell, with a dash for none.
pub fn opt_table_date(lang: Lang, d: Option<NaiveDate>) -> String {
    d.map(|d| table_date(lang, d))
        .unwrap_or_else(|| "—".to_string())
}

/// Words in brackets after others: ` (in 12 days)`, `（12 天後）`, with
/// the full-width brackets Chinese text takes.
pub fn aside(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!(" ({text})"),
        Lang::ZhTw => format!("（{text}）"),
    }
}

/// A month label for charts: `Sep 2020`, `2020年9月`.
pub fn month(lang: Lang, year: i32, month: u32) -> String {
    match lang {
        Lang::En => format!(
            "{} {year}",
            MONTHS_EN
                .get(month.saturating_sub(1) as usize)
                .unwrap_or(&"?")
        ),
        Lang::ZhTw => format!("{year}年{month}月"),
    }
}

/// A whole number with thousands separators (both languages use `,`).
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "in 12 days", "3 days ago", "today".
pub fn days(lang: Lang, n: i64) -> String {
    match (lang, n) {
        (Lang::En, 0) => "today".into(),
        (Lang::En, 1) => "tomorrow".into(),
        (Lang::En, -1) => "yesterday".into(),
        (Lang::En, n) if n > 0 => format!("in {} days", number(n as u64)),
        (Lang::En, n) => format!("{} days ago", number(n.unsigned_abs())),
        (Lang::ZhTw, 0) => "今天".into(),
        (Lang::ZhTw, n) if n > 0 => format!("{} 天後", number(n as u64)),
        (Lang::ZhTw, n) => format!("{} 天前", number(n.unsigned_abs())),
    }
}
