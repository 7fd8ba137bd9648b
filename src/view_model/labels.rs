/*!
The names people read for the engine's values: a recommendation's family,
a subscription's status, auto-renewal and end date, in either language,
and the sentences whose engine wording carries a stored machine word
(`business`, `active`), said with the names instead.
*/

use chrono::NaiveDate;

use crate::i18n::{date, number, table_date, tr, Lang};
use kaizala_engine::checklist::FactChange;
use kaizala_engine::model::{AutoRenew, EndDate, Status};
use kaizala_engine::plan::{AltWhy, Family, Said};

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

/// A subscription's end date, or why it has none, in a table cell.
pub fn end_date_label(lang: Lang, e: EndDate) -> String {
    match e {
        EndDate::On(d) => table_date(lang, d),
        EndDate::Never => tr(lang, "does not expire", "不會到期").to_string(),
        EndDate::Unknown => tr(lang, "not in the export", "匯出檔未提供").to_string(),
    }
}

/// The family a rule word of the exports names (`business`, the word
/// [`Family::as_str`] writes), so a person reads the rule's name rather
/// than the machine word.
pub fn family_from_word(word: &str) -> Option<Family> {
    [
        Family::Existing,
        Family::Education,
        Family::Frontline,
        Family::Enterprise,
        Family::Business,
        Family::Override,
    ]
    .into_iter()
    .find(|f| f.as_str() == word)
}

/// The status a stored status word names (`active`, the word
/// [`Status::as_str`] writes).
pub fn status_from_word(word: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| s.as_str() == word)
}

/// A stored status word for a person; a word the planner does not know is
/// shown as the file wrote it.
pub fn status_word_label(lang: Lang, word: &str) -> String {
    status_from_word(word)
        .map(|s| status_label(lang, s).to_string())
        .unwrap_or_else(|| word.to_string())
}

/// Why an alternative plan is worth a look. The engine's words name the
/// default rule by its machine word; here it is the rule's own name.
pub fn alternative_why(lang: Lang, why: &Said<AltWhy>) -> String {
    match &why.what {
        AltWhy::DefaultRule { family } => {
            let rule = family_from_word(family)
                .map(|f| family_label(lang, f).to_string())
                .unwrap_or_else(|| family.to_string());
            match lang {
                Lang::En => format!("What the default rules would pick: {rule}."),
                Lang::ZhTw => format!("預設規則會選「{rule}」。"),
            }
        }
        _ => why.text.to_string(),
    }
}

/// What changed in a ticked step's facts since it was ticked, with dates,
/// numbers and statuses written as everywhere else on screen.
pub fn fact_change(lang: Lang, change: &FactChange) -> String {
    let day = |d: &Option<NaiveDate>| match d {
        Some(d) => date(lang, *d),
        None => tr(lang, "unknown", "不明").to_string(),
    };
    let count = |n: &Option<u32>| match n {
        Some(n) => number(u64::from(*n)),
        None => tr(lang, "unknown", "不明").to_string(),
    };
    let name = |p: &Option<String>| match p {
        Some(p) => p.clone(),
        None => tr(lang, "none", "無").to_string(),
    };
    match (change, lang) {
        (
            FactChange::EndMoved {
                subscription,
                from,
                to,
            },
            Lang::En,
        ) => format!(
            "Subscription {subscription} now ends on {}, no longer on {}.",
            day(to),
            day(from)
        ),
        (
            FactChange::EndMoved {
                subscription,
                from,
                to,
            },
            Lang::ZhTw,
        ) => format!(
            "訂閱 {subscription} 的到期日已由 {} 改為 {}。",
            day(from),
            day(to)
        ),
        (
            FactChange::SeatsChanged {
                subscription,
                from,
                to,
            },
            Lang::En,
        ) => format!(
            "Subscription {subscription} now has {} seats, where it had {}.",
            count(to),
            count(from)
        ),
        (
            FactChange::SeatsChanged {
                subscription,
                from,
                to,
            },
            Lang::ZhTw,
        ) => format!(
            "訂閱 {subscription} 的授權數已由 {} 改為 {}。",
            count(from),
            count(to)
        ),
        (
            FactChange::StatusChanged {
                subscription,
                from,
                to,
            },
            Lang::En,
        ) => format!(
            "Subscription {subscription} is now {}, where it was {}.",
            status_word_label(lang, to),
            status_word_label(lang, from)
        ),
        (
            FactChange::StatusChanged {
                subscription,
                from,
                to,
            },
            Lang::ZhTw,
        ) => format!(
            "訂閱 {subscription} 的狀態已由「{}」改為「{}」。",
            status_word_label(lang, from),
            status_word_label(lang, to)
        ),
        (FactChange::PlanChanged { from, to }, Lang::En) => format!(
            "The plan to buy is now {}, where it was {}.",
            name(to),
            name(from)
        ),
        (FactChange::PlanChanged { from, to }, Lang::ZhTw) => {
            format!("要購買的方案已由 {} 改為 {}。", name(from), name(to))
        }
        (FactChange::QuantityChanged { from, to }, Lang::En) => format!(
            "The licenses to buy are now {}, where they were {}.",
            count(to),
            count(from)
        ),
        (FactChange::QuantityChanged { from, to }, Lang::ZhTw) => {
            format!("要購買的授權數已由 {} 改為 {}。", count(from), count(to))
        }
        (FactChange::Joined { subscription }, Lang::En) => {
            format!("Subscription {subscription} has joined this step.")
        }
        (FactChange::Joined { subscription }, Lang::ZhTw) => {
            format!("訂閱 {subscription} 已併入這個步驟。")
        }
        (FactChange::Left { subscription }, Lang::En) => {
            format!("Subscription {subscription} is no longer part of this step.")
        }
        (FactChange::Left { subscription }, Lang::ZhTw) => {
            format!("訂閱 {subscription} 已不屬於這個步驟。")
        }
    }
}
