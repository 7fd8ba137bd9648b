/*!
The exports' wording: the fixed words of their headings, tables and
fields ([`Label`]) and the sentences they write around the plan's values,
in each [`Lang`]. The exports decide the layout and the escaping; only the
words are here.
*/

use chrono::NaiveDate;

use crate::i18n::{date, date_zh_long, num, tr, utc_midnight_zh, Lang};

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
            Label::AsOf => ("As of", "規劃基準日"),
            Label::Cutoff => ("cutoff", "停售日"),
            Label::PlanTitle => ("Kaizala Pro migration plan", "Kaizala Pro 移轉規劃"),
            Label::MigrationTitle => ("Kaizala Pro migration", "Kaizala Pro 移轉"),
            Label::File => ("file", "檔案"),
            Label::Overview => ("Overview", "總覽"),
            Label::Category => ("Category", "類別"),
            Label::Subscriptions => ("Subscriptions", "訂閱"),
            Label::Seats => ("Seats", "授權"),
            Label::Urgency => ("Urgency", "緊急程度"),
            Label::Customers => ("Customers", "客戶"),
            Label::RejectedRows => ("Rejected rows", "未匯入的列"),
            Label::Tenant => ("Tenant", "租用戶"),
            Label::Domain => ("domain", "網域"),
            Label::UrgencyField => ("urgency", "緊急程度"),
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
            Label::Never => ("never", "永不到期"),
            Label::Checklist => ("Checklist", "檢查清單"),
            Label::NothingToDo => (
                "Nothing to do: every Kaizala Pro subscription is already inactive.",
                "無需處理：所有 Kaizala Pro 訂閱都已不再使用。",
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
        Lang::En => format!(
            "Source: {format}, {} rows read, {} rejected.",
            num(rows_read),
            num(rejected as u64)
        ),
        Lang::ZhTw => format!(
            "來源：{format}，讀取 {} 列，{} 列未匯入。",
            num(rows_read),
            num(rejected as u64)
        ),
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
            "{} of {} customers have Kaizala Pro: {} subscriptions, {} seats.",
            num(with_kaizala),
            num(in_file),
            num(subscriptions),
            num(seats)
        ),
        Lang::ZhTw => format!(
            "{} 位客戶中有 {} 位使用 Kaizala Pro：共 {} 個訂閱、{} 個授權。",
            num(in_file),
            num(with_kaizala),
            num(subscriptions),
            num(seats)
        ),
    }
}

/// A rejected row of the file, in a list; `reason` as the caller writes it.
/// The number is the file's line (a row may span several), so zh-TW says
/// 行, not 列.
pub(crate) fn rejected_item(line: u64, reason: &str, lang: Lang) -> String {
    // A typed reason says its line already; the list says it once.
    let reason = [format!("line {line}: "), format!("第 {line} 行：")]
        .iter()
        .find_map(|p| reason.strip_prefix(p.as_str()))
        .unwrap_or(reason);
    match lang {
        Lang::En => format!("- Line {line}: {reason}"),
        Lang::ZhTw => format!("- 第 {line} 行：{reason}"),
    }
}

/// The quantity to buy, after the plan's name.
pub(crate) fn to_buy(quantity: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(", {} to buy", num(quantity)),
        Lang::ZhTw => format!("，需購買 {} 個", num(quantity)),
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
        Lang::ZhTw => format!("（期限：{}）", date_zh_long(due)),
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

/// A calendar event's first line: when the subscription stops (at its
/// end date when the day is not known), and its replacement.
pub(crate) fn stops_line(
    subscription: &str,
    offer: &str,
    stops: Option<NaiveDate>,
    replacement: &str,
    lang: Lang,
) -> String {
    match (lang, stops) {
        (Lang::En, Some(d)) => format!(
            "Kaizala Pro subscription {subscription} ({offer}) stops at 00:00 UTC on {}. Replacement: {replacement}.",
            date(d)
        ),
        (Lang::En, None) => format!(
            "Kaizala Pro subscription {subscription} ({offer}) stops at 00:00 UTC on its end date. Replacement: {replacement}."
        ),
        (Lang::ZhTw, Some(d)) => format!(
            "Kaizala Pro 訂閱 {subscription}（{offer}）將於 {}停止服務。替代方案：{replacement}。",
            utc_midnight_zh(d)
        ),
        (Lang::ZhTw, None) => format!(
            "Kaizala Pro 訂閱 {subscription}（{offer}）將於到期日當天 00:00 UTC（台灣時間 08:00）停止服務。替代方案：{replacement}。"
        ),
    }
}

/// A label before its text (`Caveat: ...`): English leaves a space after
/// the label's colon, Chinese after its full-width colon none.
pub(crate) fn labelled(label: Label, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {text}", label.text(lang)),
        Lang::ZhTw => format!("{}{text}", label.text(lang)),
    }
}

/// A checklist step on one line: its id, title, what follows the title
/// (due date, done), then its text.
pub(crate) fn step_line(step: &str, title: &str, after: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{step}. {title}{after}: {text}"),
        Lang::ZhTw => format!("{step}. {title}{after}：{text}"),
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
        (Lang::ZhTw, Some(d)) => format!("（已於 {}完成）", date_zh_long(d)),
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

/// The CSV export's column headers in zh-TW, in the order of
/// [`crate::export::csv::HEADERS`] (the English ones, which programs read).
pub(crate) const CSV_HEADERS_ZH: [&str; 33] = [
    "客戶名稱",
    "租用戶識別碼",
    "客戶網域",
    "訂閱識別碼",
    "供應項目",
    "授權數",
    "狀態",
    "自動續訂",
    "到期日",
    "服務停止日",
    "移轉期限",
    "剩餘天數",
    "類別",
    "緊急程度",
    "建議規則",
    "建議方案",
    "建議方案 SKU",
    "需購買數量",
    "建議理由",
    "注意事項",
    "假設",
    "備註",
    "步驟 A 期限",
    "步驟 B 期限",
    "步驟 C 期限",
    "經銷商 MPN ID",
    "已完成步驟",
    "步驟 A 已完成",
    "步驟 A 完成日",
    "步驟 B 已完成",
    "步驟 B 完成日",
    "步驟 C 已完成",
    "步驟 C 完成日",
];

/// Whether a subscription renews by itself, in a cell: the plan's
/// `true`/`false` in English (programs read them), yes or no in zh-TW;
/// empty when the export does not say.
pub(crate) fn auto_renew_cell(a: crate::model::AutoRenew, lang: Lang) -> &'static str {
    use crate::model::AutoRenew;
    match (a, lang) {
        (AutoRenew::On, Lang::En) => "true",
        (AutoRenew::Off, Lang::En) => "false",
        (AutoRenew::On, Lang::ZhTw) => "是",
        (AutoRenew::Off, Lang::ZhTw) => "否",
        (AutoRenew::Unknown, _) => "",
    }
}
