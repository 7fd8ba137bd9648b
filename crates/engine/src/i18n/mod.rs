/*!
Wording in both languages: the [`Lang`]s the engine writes in, the
[`Render`] trait that turns a typed meaning into a sentence, and the small
helpers every renderer shares (pairs of fixed texts, plurals, dates, format
names).

Every sentence the engine writes is this project's own wording. Facts
(names, SKU part numbers, the 300-seat cap, the 120 days) come from
Microsoft's documents; see `docs/rules.md`.
*/

pub(crate) mod bulk;
pub(crate) mod checklist;
pub(crate) mod export;
pub mod handout;
pub(crate) mod plan;
pub(crate) mod progress;
pub(crate) mod script;
pub(crate) mod workspace;

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::Format;

pub(crate) mod import;

pub use import::rejected_row_source;

/// A language the planner writes in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English (the default of every export).
    #[default]
    #[serde(rename = "en")]
    En,
    /// Traditional Chinese as written in Taiwan.
    #[serde(rename = "zh-TW")]
    ZhTw,
}

impl Lang {
    /// The BCP 47 tag: `en` or `zh-TW`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// Reads `en`, `en-US`, `zh-TW`, `zh_tw`, `zh-Hant`... (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        match s.as_str() {
            "en" | "en-us" | "en-gb" | "english" => Some(Lang::En),
            "zh-tw" | "zh-hant" | "zh-hant-tw" | "tw" => Some(Lang::ZhTw),
            _ => None,
        }
    }
}

/// A text the plan holds: borrowed when it is one of the planner's fixed
/// sentences or a catalog name, owned when it was written for this plan.
/// Thousands of customers share a handful of fixed texts, so most of a
/// large plan's texts cost no allocation.
pub type Text = Cow<'static, str>;

/// Something that can be said in each [`Lang`].
pub trait Render {
    /// The text in `lang`.
    fn render(&self, lang: Lang) -> Text;
}

/// The English or the Traditional Chinese wording, by `lang`. Texts are
/// written in pairs where they are used, so a missing translation is a
/// compile error rather than a blank.
pub fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::ZhTw => zh,
    }
}

/// `1 one` or `n many` (English only: Chinese has no plural), the count
/// with thousands separators (`1,200 seats`).
pub(crate) fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", num(n))
    }
}

/// A date as every text writes it, `YYYY-MM-DD`: partners compare it with
/// Partner Center, which shows dates in many local formats.
pub(crate) fn date(d: NaiveDate) -> String {
    d.to_string()
}

/// A format's name in `lang`, as used in messages.
pub fn format_name(format: Format, lang: Lang) -> &'static str {
    match (format, lang) {
        (Format::Reconciliation, Lang::En) => "license-based reconciliation file",
        (Format::Reconciliation, Lang::ZhTw) => "授權型對帳檔",
        (Format::PowerShell, Lang::En) => "Partner Center PowerShell export",
        (Format::PowerShell, Lang::ZhTw) => "合作夥伴中心 PowerShell 匯出檔",
        (Format::RestApi, Lang::En) => "Partner Center API export",
        (Format::RestApi, Lang::ZhTw) => "合作夥伴中心 API 匯出檔",
        (Format::BulkMigration, Lang::En) => "bulk migration tool export",
        (Format::BulkMigration, Lang::ZhTw) => "大量移轉工具匯出檔",
        (Format::PartnerCenterSubscriptions, Lang::En) => {
            "Partner Center \"Export subscriptions\" file"
        }
        (Format::PartnerCenterSubscriptions, Lang::ZhTw) => "合作夥伴中心「匯出訂閱」檔",
        (Format::PartnerCenterCustomers, Lang::En) => "Partner Center customer list",
        (Format::PartnerCenterCustomers, Lang::ZhTw) => "合作夥伴中心客戶清單",
        (Format::LicenseExpiryReport, Lang::En) => "license expiry report",
        (Format::LicenseExpiryReport, Lang::ZhTw) => "授權到期報表",
        (Format::CippLicenseReport, Lang::En) => "CIPP license report",
        (Format::CippLicenseReport, Lang::ZhTw) => "CIPP 授權報表",
        (Format::AdminCenterUsers, Lang::En) => "Microsoft 365 admin center users export",
        (Format::AdminCenterUsers, Lang::ZhTw) => "Microsoft 365 系統管理中心使用者匯出檔",
        (Format::UserLicenseReport, Lang::En) => "users' license report",
        (Format::UserLicenseReport, Lang::ZhTw) => "使用者授權報表",
        (Format::Generic, Lang::En) => "file",
        (Format::Generic, Lang::ZhTw) => "檔案",
    }
}

/// An encoding as the import report names it (`UTF-8`, `UTF-8 (with BOM)`,
/// `UTF-16LE`, `windows-1252`, `Big5`) said in `lang`: English keeps the
/// importer's label, zh-TW says what a BOM or a legacy code page is.
pub fn encoding_name(encoding: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return encoding.to_string();
    }
    match encoding {
        "UTF-8 (with BOM)" => "UTF-8（含 BOM）".to_string(),
        "Big5" => "Big5（繁體中文）".to_string(),
        "windows-1252" => "Windows-1252（西歐語系）".to_string(),
        "" => "—".to_string(),
        other => other.to_string(),
    }
}

/// A field delimiter's name for people, in `lang`: `Comma (,)` or
/// 「逗號（,）」; a dash when no delimiter was read.
pub fn delimiter_name(delimiter: char, lang: Lang) -> String {
    match delimiter {
        ',' => tr(lang, "Comma (,)", "逗號（,）").to_string(),
        ';' => tr(lang, "Semicolon (;)", "分號（;）").to_string(),
        '\t' => tr(lang, "Tab", "定位字元").to_string(),
        '|' => tr(lang, "Vertical bar (|)", "直線（|）").to_string(),
        '\0' => "—".to_string(),
        c => c.to_string(),
    }
}

/// A field's name in the importer's sentences, in `lang`: `end date`,
/// 「到期日」 (the glossary's terms).
pub fn field_label(field: crate::model::Field, lang: Lang) -> &'static str {
    match lang {
        Lang::En => import::field_label_en(field),
        Lang::ZhTw => import::field_label_zh(field),
    }
}

/// A date in Taiwan's running text, `2020年7月1日`: no leading zeros, no
/// day of the week.
pub(crate) fn date_zh_long(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A date in Taiwan's tables and short labels, `2020/07/01`: fixed width,
/// so a column of dates lines up and sorts as text.
pub(crate) fn date_zh_short(d: NaiveDate) -> String {
    d.format("%Y/%m/%d").to_string()
}

/// A date in a sentence: ISO in English (partners compare it with Partner
/// Center, which writes dates in many local formats), `2020年7月1日` in
/// zh-TW.
pub(crate) fn date_text(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date(d),
        Lang::ZhTw => date_zh_long(d),
    }
}

/// A date in a table cell or a short label: ISO in English, `2020/07/01`
/// in zh-TW.
pub(crate) fn date_cell(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date(d),
        Lang::ZhTw => date_zh_short(d),
    }
}

/// [`date_cell`], written to `out` as an export writes its cells: no
/// string per date. Years of four digits, the only ones a plan meets, are
/// written here; any other is left to chrono, which writes its sign.
pub(crate) fn write_date_cell(out: &mut impl fmt::Write, d: NaiveDate, lang: Lang) -> fmt::Result {
    use chrono::Datelike;
    let sep = match lang {
        Lang::En => '-',
        Lang::ZhTw => '/',
    };
    match d.year() {
        0..=9999 => write!(
            out,
            "{:04}{sep}{:02}{sep}{:02}",
            d.year(),
            d.month(),
            d.day()
        ),
        _ => out.write_str(&date_cell(d, lang)),
    }
}

/// [`date_cell`] as a `Display`, for a date written into a line.
pub(crate) struct DateCell(pub NaiveDate, pub Lang);

impl fmt::Display for DateCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_date_cell(f, self.0, self.1)
    }
}

/// [`date_cell`], or a dash when the date is unknown.
pub(crate) fn date_cell_or_dash(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map_or_else(|| "—".to_string(), |d| date_cell(d, lang))
}

/// Midnight UTC of a day, when Partner Center stops or renews a
/// subscription. A Taiwanese reader also gets the hour on their own clock
/// (UTC+8, no daylight saving): `2020年9月1日 00:00 UTC（台灣時間 08:00）`.
pub(crate) fn utc_midnight_zh(d: NaiveDate) -> String {
    format!("{} 00:00 UTC（台灣時間 08:00）", date_zh_long(d))
}

/// A count as people read it, with thousands separators: `12,220`. Both
/// languages write them alike.
pub(crate) fn num(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod conventions_tests {
    use super::*;

    #[test]
    fn dates_and_numbers_as_taiwan_writes_them() {
        let d = NaiveDate::from_ymd_opt(2020, 7, 1).unwrap();
        let cases = [
            (date_zh_long(d), "2020年7月1日"),
            (date_zh_short(d), "2020/07/01"),
            (date_text(d, Lang::En), "2020-07-01"),
            (date_text(d, Lang::ZhTw), "2020年7月1日"),
            (date_cell(d, Lang::ZhTw), "2020/07/01"),
            (date_cell_or_dash(None, Lang::ZhTw), "—"),
            (
                utc_midnight_zh(d),
                "2020年7月1日 00:00 UTC（台灣時間 08:00）",
            ),
            (num(0u32), "0"),
            (num(999u32), "999"),
            (num(1000u32), "1,000"),
            (num(12220u32), "12,220"),
            (num(1234567u64), "1,234,567"),
            (plural(1, "seat", "seats"), "1 seat"),
            (plural(1200, "seat", "seats"), "1,200 seats"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
