/*!
The exports' wording: the fixed words of their headings, tables and
fields ([`Label`]) and the sentences they write around the plan's values,
in each [`Lang`]. The exports decide the layout and the escaping; only the
words are here.
*/

use chrono::NaiveDate;

use crate::i18n::{tr, Lang};

/// A fixed word or phrase of the exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// The HTML page's `lang` attribute.
    HtmlLang,
    AsOf,
    Cutoff,
    PlanTitle,
    MigrationTitle,
    /// A file of no known format.
    File,
    Overview,
    Category,
    Subscriptions,
    Seats,
    Urgency,
    Customers,
    RejectedRows,
    Tenant,
    Domain,
    /// "urgency" in a line of facts.
    UrgencyField,
    /// The separator between a name and what follows.
    Colon,
    /// "migrate by" in a line of facts.
    MigrateByField,
    Recommendation,
    /// Before the family word of a recommendation.
    Rule,
    Caveat,
    Assumption,
    Alternatives,
    AlreadyCovered,
    /// After a number of seats.
    SeatsUnit,
    KaizalaSubscriptions,
    Subscription,
    Offer,
    EndDate,
    ServiceStops,
    MigrateBy,
    /// An end date the export marks as never.
    Never,
    Checklist,
    NothingToDo,
    Due,
    /// Before the partner's name and contact.
    PreparedBy,
    /// "reseller MPN ID" in a line of facts.
    Reseller,
}

impl Label {
    /// The words in `lang`.
    pub(crate) fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Label::HtmlLang => ("en", "zh-Hant-TW"),
            Label::AsOf => ("As of", "基準日"),
            Label::Cutoff => ("cutoff", "截止日"),
            Label::PlanTitle => ("Kaizala Pro migration plan", "Kaizala Pro 移轉計畫"),
            Label::MigrationTitle => ("Kaizala Pro migration", "Kaizala Pro 移轉"),
            Label::File => ("file", "檔案"),
            Label::Overview => ("Overview", "總覽"),
            Label::Category => ("Category", "類別"),
            Label::Subscriptions => ("Subscriptions", "訂閱"),
            Label::Seats => ("Seats", "授權"),
            Label::Urgency => ("Urgency", "急迫程度"),
            Label::Customers => ("Customers", "客戶"),
            Label::RejectedRows => ("Rejected rows", "被拒絕的列"),
            Label::Tenant => ("Tenant", "租用戶"),
            Label::Domain => ("domain", "網域"),
            Label::UrgencyField => ("urgency", "急迫程度"),
            Label::Colon => (": ", "："),
            Label::MigrateByField => ("migrate by", "移轉期限"),
            Label::Recommendation => ("Recommendation", "建議方案"),
            Label::Rule => ("rule: ", "規則："),
            Label::Caveat => ("Caveat:", "注意："),
            Label::Assumption => ("Assumption:", "假設："),
            Label::Alternatives => ("Alternatives:", "其他選擇："),
            Label::AlreadyCovered => (
                "Plans it already has that include Kaizala:",
                "已有且包含 Kaizala 的方案：",
            ),
            Label::SeatsUnit => ("seats", "個授權"),
            Label::KaizalaSubscriptions => ("Kaizala Pro subscriptions", "Kaizala Pro 訂閱"),
            Label::Subscription => ("Subscription", "訂閱"),
            Label::Offer => ("Offer", "供應項目"),
            Label::EndDate => ("End date", "到期日"),
            Label::ServiceStops => ("Service stops (00:00 UTC)", "服務停止（00:00 UTC）"),
            Label::MigrateBy => ("Migrate by", "移轉期限"),
            Label::Never => ("never", "永不"),
            Label::Checklist => ("Checklist", "檢查清單"),
            Label::NothingToDo => (
                "Nothing to do: every Kaizala Pro subscription is already inactive.",
                "無需處理：所有 Kaizala Pro 訂閱都已停用。",
            ),
            Label::Due => ("due", "期限"),
            Label::PreparedBy => ("Prepared by", "規劃提供者"),
            Label::Reseller => ("reseller MPN ID", "經銷商 MPN ID"),
        };
        tr(lang, en, zh)
    }
}

/// What was read: the format's name (as the caller writes it), the rows
/// read and rejected.
pub(crate) fn source_line(format: &str, rows_read: u64, rejected: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Source: {format}, {rows_read} rows read, {rejected} rejected."),
        Lang::ZhTw => format!("來源：{format}，讀取 {rows_read} 列，拒絕 {rejected} 列。"),
    }
}

/// How many customers have Kaizala Pro, with how many subscriptions and
/// seats.
pub(crate) fn overview_line(
    with_kaizala: u64,
    in_file: u64,
    subscriptions: u64,
    seats: u64,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => format!(
            "{with_kaizala} of {in_file} customers have Kaizala Pro: {subscriptions} subscriptions, {seats} seats."
        ),
        Lang::ZhTw => format!(
            "{in_file} 位客戶中有 {with_kaizala} 位使用 Kaizala Pro：共 {subscriptions} 個訂閱、{seats} 個授權。"
        ),
    }
}

/// A rejected row of the file, in a list; `reason` as the caller writes it.
pub(crate) fn rejected_item(line: u64, reason: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("- Line {line}: {reason}"),
        Lang::ZhTw => format!("- 第 {line} 列：{reason}"),
    }
}

/// The quantity to buy, after the plan's name.
pub(crate) fn to_buy(quantity: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(", {quantity} to buy"),
        Lang::ZhTw => format!("，需購買 {quantity} 個"),
    }
}

/// An alternative plan in a list: its name, SKU and why (as the caller
/// writes them).
pub(crate) fn alternative_item(plan: &str, sku: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("- {plan} ({sku}): {why}"),
        Lang::ZhTw => format!("- {plan}（{sku}）：{why}"),
    }
}

/// A step's due date, after its title.
pub(crate) fn due_suffix(due: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" (due {due})"),
        Lang::ZhTw => format!("（期限 {due}）"),
    }
}

/// A calendar event's title: the last day of Kaizala Pro for a customer's
/// subscription.
pub(crate) fn last_day_title(customer: &str, subscription: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Last day of Kaizala Pro for {customer} (subscription {subscription})"),
        Lang::ZhTw => format!("{customer} 的 Kaizala Pro 最後一天（訂閱 {subscription}）"),
    }
}

/// The title of a calendar event for a checklist step: the customer, the
/// step's id and its title.
pub(crate) fn step_event_title(customer: &str, step: &str, title: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{customer}: {step}. {title}"),
        Lang::ZhTw => format!("{customer}：{step}. {title}"),
    }
}

/// A calendar event's first line: when the subscription stops, and its
/// replacement.
pub(crate) fn stops_line(
    subscription: &str,
    offer: &str,
    stops: &str,
    replacement: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => format!(
            "Kaizala Pro subscription {subscription} ({offer}) stops at 00:00 UTC on {stops}. Replacement: {replacement}."
        ),
        Lang::ZhTw => format!(
            "Kaizala Pro 訂閱 {subscription}（{offer}）將於 {stops} 00:00 UTC 停止服務。替代方案：{replacement}。"
        ),
    }
}

/// Who prepared the plan: the partner's name and contact (either may be
/// empty), as the caller escapes them.
pub(crate) fn prepared_by(name: &str, contact: &str, lang: Lang) -> String {
    let who = match (name.trim().is_empty(), contact.trim().is_empty()) {
        (false, false) => format!("{name} · {contact}"),
        (false, true) => name.to_string(),
        _ => contact.to_string(),
    };
    format!(
        "{}{}{who}",
        Label::PreparedBy.text(lang),
        Label::Colon.text(lang)
    )
}

/// After a done step: that it is done, and on which day when known.
pub(crate) fn done_suffix(on: Option<NaiveDate>, lang: Lang) -> String {
    match (lang, on) {
        (Lang::En, Some(d)) => format!(" (done {d})"),
        (Lang::En, None) => " (done)".to_string(),
        (Lang::ZhTw, Some(d)) => format!("（已於 {d} 完成）"),
        (Lang::ZhTw, None) => "（已完成）".to_string(),
    }
}

/// The heading of a wave of steps, when a plan moves in more than one.
pub(crate) fn wave_heading(wave: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Wave {wave}"),
        Lang::ZhTw => format!("第 {wave} 梯次"),
    }
}

/// What changes for one user step B moves: assign the new plan and remove
/// Kaizala Pro, or only remove Kaizala Pro.
pub(crate) fn user_change(needs_license: bool, plan: &str, lang: Lang) -> String {
    match (needs_license, lang) {
        (true, Lang::En) => format!("assign {plan}, remove Kaizala Pro"),
        (true, Lang::ZhTw) => format!("指派 {plan}，移除 Kaizala Pro"),
        (false, Lang::En) => "remove Kaizala Pro".to_string(),
        (false, Lang::ZhTw) => "移除 Kaizala Pro".to_string(),
    }
}
