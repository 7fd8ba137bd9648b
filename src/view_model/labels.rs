/*!
The names people read for the engine's values: a recommendation's family,
a subscription's status, auto-renewal and end date, in either language.
*/

use crate::i18n::{date, tr, Lang};
use kaizala_engine::model::{AutoRenew, EndDate, Status};
use kaizala_engine::plan::Family;

/// A recommendation family's name for a person.
pub fn family_label(lang: Lang, f: Family) -> &'static str {
    match f {
        Family::Existing => tr(lang, "Already covered: nothing to buy", "已涵蓋：不需購買"),
        Family::Education => tr(lang, "Education", "教育版"),
        Family::Frontline => tr(lang, "Frontline workers", "第一線員工"),
        Family::Enterprise => tr(
            lang,
            "Enterprise (over 300 seats)",
            "企業版（超過 300 個授權）",
        ),
        Family::Business => tr(
            lang,
            "Business (up to 300 seats)",
            "商務版（最多 300 個授權）",
        ),
        Family::Override => tr(lang, "Chosen by you", "您自行選擇"),
    }
}

/// A subscription status for a person.
pub fn status_label(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Active => tr(lang, "active", "使用中"),
        Status::Pending => tr(lang, "pending", "處理中"),
        Status::Warning => tr(lang, "expired, in grace period", "已到期（寬限期）"),
        Status::Expired => tr(lang, "expired", "已到期"),
        Status::Suspended => tr(lang, "suspended", "已暫停"),
        Status::Disabled => tr(lang, "disabled", "已停用"),
        Status::Deleted => tr(lang, "deleted", "已刪除"),
        Status::LockedOut => tr(lang, "locked out", "已鎖定"),
        Status::NotReported => tr(lang, "not in the export", "匯出檔未提供"),
        Status::Other => tr(lang, "other", "其他"),
    }
}

/// Whether a subscription renews by itself, for a person.
pub fn auto_renew_label(lang: Lang, a: AutoRenew) -> &'static str {
    match a {
        AutoRenew::On => tr(lang, "on", "開啟"),
        AutoRenew::Off => tr(lang, "off", "關閉"),
        AutoRenew::Unknown => tr(lang, "not in the export", "匯出檔未提供"),
    }
}

/// A subscription's end date, or why it has none, for a person.
pub fn end_date_label(lang: Lang, e: EndDate) -> String {
    match e {
        EndDate::On(d) => date(lang, d),
        EndDate::Never => tr(lang, "does not expire", "不會到期").to_string(),
        EndDate::Unknown => tr(lang, "not in the export", "匯出檔未提供").to_string(),
    }
}
