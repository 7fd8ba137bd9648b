/*!
The customer's wording: the page a customer reads ([`CustomerPage`]),
written to them rather than to the partner, in each [`Lang`]: what changes
for their users, what they need to do, what it costs, the caveats in plain
words, and how far the partner has got.

Dates are written as a reader writes them (`3 Aug 2020`, `2020年8月3日`):
a customer does not compare them with Partner Center, as a partner does.

[`CustomerPage`]: crate::handout::CustomerPage
*/

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::checklist::{Step, StepAction};
use crate::handout::{Change, Cost, Intro, Partner, Todo};
use crate::i18n::{date_zh_long, num, plural, tr, utc_midnight_zh, Lang, Render, Text};
use crate::plan::{Assumption, Caveat, Said};

/// `format!` into a [`Text`].
macro_rules! owned {
    ($($arg:tt)*) => {
        Cow::Owned(format!($($arg)*))
    };
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as a reader of `lang` writes it: `3 Aug 2020`, `2020年8月3日`.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN.get(d.month0() as usize).unwrap_or(&"?"),
            d.year()
        ),
        Lang::ZhTw => date_zh_long(d),
    }
}

/// A fixed heading or phrase of the customer's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageLabel {
    /// The page's title, before the customer's name.
    Title,
    /// "Plan as of", before a date.
    AsOf,
    /// The heading of what changes for the users.
    Changes,
    /// The heading of what the customer needs to do.
    Todo,
    /// The heading of the costs.
    Costs,
    /// The heading of the caveats in plain words.
    GoodToKnow,
    /// The heading of the steps and what is done.
    Progress,
    /// The summary of the collapsed section for the partner.
    ForPartner,
    /// What that section holds.
    ForPartnerHint,
    /// That every date is UTC.
    Utc,
    /// The license's SKU id (a GUID), not a Partner Center offer id.
    LicenseSkuId,
    /// The SKU part number (`STANDARDPACK`).
    SkuPartNumber,
    /// The Kaizala service plan inside the plan.
    KaizalaServicePlan,
    /// The heading of the partner's steps.
    PartnerSteps,
    /// The heading of the partner's caveats and assumptions.
    PartnerCaveats,
    /// Before the day a step was done, in the partner's checklist.
    DoneOn,
}

impl PageLabel {
    /// The words in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            PageLabel::Title => ("Moving from Kaizala Pro", "從 Kaizala Pro 移轉"),
            PageLabel::AsOf => ("Plan as of", "規劃基準日"),
            PageLabel::Changes => (
                "What changes for your users, and when",
                "使用者會有哪些變動、何時發生",
            ),
            PageLabel::Todo => ("What you need to do", "您需要做的事"),
            PageLabel::Costs => ("What it costs you", "您的費用"),
            PageLabel::GoodToKnow => ("Good to know", "注意事項"),
            PageLabel::Progress => ("Progress", "進度"),
            PageLabel::ForPartner => ("For your partner", "給合作夥伴的資訊"),
            PageLabel::ForPartnerHint => (
                "The details your partner works from: the plan's license ids, how the numbers were counted, and each step in Partner Center.",
                "合作夥伴作業所需的細節：方案的授權識別碼、數量的計算方式，以及合作夥伴中心內的每個步驟。",
            ),
            PageLabel::Utc => (
                "All dates and times on this page are in UTC (Coordinated Universal Time), as Microsoft gives them. A subscription that ends on a day stops at 00:00 UTC that day.",
                "本頁的日期與時間都以 UTC（世界標準時間）表示，與 Microsoft 相同；台灣時間比 UTC 快 8 小時。訂閱在到期日當天 00:00 UTC（台灣時間 08:00）停止服務。",
            ),
            PageLabel::LicenseSkuId => ("License SKU id", "授權 SKU 識別碼"),
            PageLabel::SkuPartNumber => ("SKU part number", "SKU 產品代碼"),
            PageLabel::KaizalaServicePlan => ("Kaizala service plan", "Kaizala 服務方案"),
            PageLabel::PartnerSteps => ("Steps in Partner Center", "合作夥伴中心的步驟"),
            PageLabel::PartnerCaveats => (
                "Caveats and assumptions",
                "注意事項與假設",
            ),
            PageLabel::DoneOn => ("done on", "完成於"),
        };
        tr(lang, en, zh)
    }
}

/// "Prepared by Fabrikam · help@fabrikam.example": who to ask, at the
/// top of the page.
pub fn prepared_by(partner: &Partner, lang: Lang) -> String {
    let name = partner.name.trim();
    let contact = partner.contact.trim();
    let who = match (name.is_empty(), lang) {
        (false, _) => name,
        (true, Lang::En) => "your partner",
        (true, Lang::ZhTw) => "您的合作夥伴",
    };
    let tail = if contact.is_empty() {
        String::new()
    } else {
        format!(" · {contact}")
    };
    match lang {
        Lang::En => format!("Prepared by {who}{tail}"),
        Lang::ZhTw => format!("製作：{who}{tail}"),
    }
}

/// "Move 2: " when the users move in several waves.
fn wave_prefix(wave: Option<u32>, lang: Lang) -> String {
    match (wave, lang) {
        (None, _) => String::new(),
        (Some(w), Lang::En) => format!("Move {w}: "),
        (Some(w), Lang::ZhTw) => format!("第 {w} 梯次："),
    }
}

fn users_en(n: Option<u32>) -> String {
    match n {
        Some(n) => plural(n, "Kaizala Pro user", "Kaizala Pro users"),
        None => "Kaizala Pro users".to_string(),
    }
}

fn licenses_zh(n: Option<u32>) -> String {
    n.map(|n| format!("（{} 個授權）", num(n)))
        .unwrap_or_default()
}

impl Render for Intro {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (Intro::Move { plan }, Lang::En) => owned!(
                "Kaizala Pro is no longer sold on its own, and its subscriptions do not renew. So that your users keep Kaizala, they move to {plan}, a Microsoft plan that includes it. This page tells you what changes and when, what you need to do, and what it costs."
            ),
            (Intro::Move { plan }, Lang::ZhTw) => owned!(
                "Kaizala Pro 已不再單獨銷售，現有訂閱到期後也不會續訂。為了讓您的使用者繼續使用 Kaizala，他們將改用內含 Kaizala 的 Microsoft 方案 {plan}。本頁說明會有哪些變動、何時發生、您需要做什麼，以及費用。"
            ),
            (Intro::NothingToDo, Lang::En) => "Your Kaizala Pro subscriptions are no longer active, so nothing needs to move.".into(),
            (Intro::NothingToDo, Lang::ZhTw) => "您的 Kaizala Pro 訂閱都已結束或暫停，因此不需要移轉。".into(),
        }
    }
}

impl Render for Change {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (Change::Move { wave, plan, users, by }, Lang::En) => {
                let p = wave_prefix(*wave, lang);
                let who = users_en(*users);
                match by {
                    Some(d) => owned!(
                        "{p}By {}, the Kaizala license of your {who} moves to {plan}. They keep using Kaizala as before.",
                        long_date(*d, lang)
                    ),
                    None => owned!(
                        "{p}Before Kaizala Pro ends, the Kaizala license of your {who} moves to {plan}. They keep using Kaizala as before."
                    ),
                }
            }
            (Change::Move { wave, plan, users, by }, Lang::ZhTw) => {
                let p = wave_prefix(*wave, lang);
                let who = match users {
                    Some(n) => format!("{} 位 Kaizala Pro 使用者", num(*n)),
                    None => "Kaizala Pro 使用者".to_string(),
                };
                let when = match by {
                    Some(d) => format!("{}前", long_date(*d, lang)),
                    None => "在 Kaizala Pro 到期前".to_string(),
                };
                owned!("{p}{when}，您的 {who}的 Kaizala 授權將改為 {plan}，他們可照常使用 Kaizala。")
            }
            (Change::Stops { wave, seats, on }, Lang::En) => {
                let p = wave_prefix(*wave, lang);
                let n = seats
                    .map(|n| format!(" ({})", plural(n, "license", "licenses")))
                    .unwrap_or_default();
                match on {
                    Some(d) => owned!(
                        "{p}Your Kaizala Pro subscription{n} stops at 00:00 UTC on {}; its users have moved before then.",
                        long_date(*d, lang)
                    ),
                    None => owned!("{p}Your Kaizala Pro subscription{n} is stopped once its users have moved."),
                }
            }
            (Change::Stops { wave, seats, on }, Lang::ZhTw) => {
                let p = wave_prefix(*wave, lang);
                let n = licenses_zh(*seats);
                match on {
                    Some(d) => owned!(
                        "{p}您的 Kaizala Pro 訂閱{n}於 {}停止服務，在此之前其使用者都會完成移轉。",
                        utc_midnight_zh(*d)
                    ),
                    None => owned!("{p}您的 Kaizala Pro 訂閱{n}會在其使用者完成移轉後停止。"),
                }
            }
            (Change::Ended { wave, on }, Lang::En) => {
                let p = wave_prefix(*wave, lang);
                let when = on
                    .map(|d| format!(" on {}", long_date(d, lang)))
                    .unwrap_or_default();
                owned!("{p}A Kaizala Pro subscription already ended{when}. If its users still need Kaizala, your partner moves them now.")
            }
            (Change::Ended { wave, on }, Lang::ZhTw) => {
                let p = wave_prefix(*wave, lang);
                let when = on
                    .map(|d| format!("於 {}", long_date(d, lang)))
                    .unwrap_or_default();
                owned!("{p}有一個 Kaizala Pro 訂閱已{when}結束。若其使用者仍需要 Kaizala，合作夥伴會立即為他們移轉。")
            }
            (Change::EndUnknown { wave }, Lang::En) => owned!(
                "{}When one Kaizala Pro subscription ends is not known yet; your partner looks it up and moves its users before then.",
                wave_prefix(*wave, lang)
            ),
            (Change::EndUnknown { wave }, Lang::ZhTw) => owned!(
                "{}有一個 Kaizala Pro 訂閱的到期日尚未確認；合作夥伴會查明，並在到期前移轉其使用者。",
                wave_prefix(*wave, lang)
            ),
        }
    }
}

impl Render for Todo {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (Todo::Nothing, Lang::En) => "Nothing to install or set up: your partner orders the new licenses and moves your users' licenses.".into(),
            (Todo::Nothing, Lang::ZhTw) => "不需要安裝或設定任何東西：合作夥伴會訂購新授權，並移轉使用者的授權。".into(),
            (Todo::TellUsers { by: Some(d) }, Lang::En) => owned!(
                "Let your users know that their Kaizala license changes by {}. They need to do nothing.",
                long_date(*d, lang)
            ),
            (Todo::TellUsers { by: Some(d) }, Lang::ZhTw) => owned!(
                "請告知使用者，他們的 Kaizala 授權將於 {}前變更；使用者不需要做任何事。",
                long_date(*d, lang)
            ),
            (Todo::TellUsers { by: None }, Lang::En) => "Let your users know that their Kaizala license changes. They need to do nothing.".into(),
            (Todo::TellUsers { by: None }, Lang::ZhTw) => "請告知使用者，他們的 Kaizala 授權將會變更；使用者不需要做任何事。".into(),
            (Todo::CountUsers, Lang::En) => "Tell your partner how many people use Kaizala Pro, so that they order the right number of licenses.".into(),
            (Todo::CountUsers, Lang::ZhTw) => "請告知合作夥伴有多少人使用 Kaizala Pro，以便訂購正確數量的授權。".into(),
            (Todo::ConfirmSchool, Lang::En) => "Education plans are only for schools that Microsoft has verified as academic institutions. If yours is not verified yet, ask your partner to start the verification.".into(),
            (Todo::ConfirmSchool, Lang::ZhTw) => "教育方案僅提供給經 Microsoft 驗證的教育機構。若貴校尚未通過驗證，請合作夥伴協助申請驗證。".into(),
            (Todo::ConfirmFrontline, Lang::En) => "Confirm with your partner that these users are frontline staff: they work mainly on a phone or a small tablet, or share a device.".into(),
            (Todo::ConfirmFrontline, Lang::ZhTw) => "請與合作夥伴確認這些使用者是第一線員工：主要使用手機或小型平板工作，或與他人共用裝置。".into(),
            (Todo::Ask { partner: Some(name) }, Lang::En) => owned!("Questions, or users we missed? Ask {name}."),
            (Todo::Ask { partner: Some(name) }, Lang::ZhTw) => owned!("有疑問，或有遺漏的使用者嗎？請洽詢 {name}。"),
            (Todo::Ask { partner: None }, Lang::En) => "Questions, or users we missed? Ask your partner.".into(),
            (Todo::Ask { partner: None }, Lang::ZhTw) => "有疑問，或有遺漏的使用者嗎？請洽詢您的合作夥伴。".into(),
        }
    }
}

impl Render for Cost {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (
                Cost::Licenses {
                    wave,
                    plan,
                    users,
                    from,
                },
                Lang::En,
            ) => {
                let p = wave_prefix(*wave, lang);
                let who = match users {
                    Some(n) => plural(*n, "user", "users"),
                    None => "each of your Kaizala Pro users".to_string(),
                };
                let when = from
                    .map(|d| format!(" from {}", long_date(d, lang)))
                    .unwrap_or_default();
                owned!("{p}A license of {plan} for {who}{when}.")
            }
            (
                Cost::Licenses {
                    wave,
                    plan,
                    users,
                    from,
                },
                Lang::ZhTw,
            ) => {
                let p = wave_prefix(*wave, lang);
                let who = match users {
                    Some(n) => format!("{} 位使用者", num(*n)),
                    None => "每位 Kaizala Pro 使用者".to_string(),
                };
                let when = from
                    .map(|d| format!("，自 {}起", long_date(d, lang)))
                    .unwrap_or_default();
                owned!("{p}{plan} 授權，供 {who}使用{when}。")
            }
            (
                Cost::MoreLicenses {
                    wave,
                    plan,
                    users,
                    from,
                },
                Lang::En,
            ) => {
                let p = wave_prefix(*wave, lang);
                let n = match users {
                    Some(1) => "1 more license".to_string(),
                    Some(n) => format!("{} more licenses", num(*n)),
                    None => "More licenses".to_string(),
                };
                let when = from
                    .map(|d| format!(" from {}", long_date(d, lang)))
                    .unwrap_or_default();
                owned!("{p}{n} of {plan}, added to your subscription{when}.")
            }
            (
                Cost::MoreLicenses {
                    wave,
                    plan,
                    users,
                    from,
                },
                Lang::ZhTw,
            ) => {
                let p = wave_prefix(*wave, lang);
                let n = match users {
                    Some(n) => format!("增加 {} 個授權", num(*n)),
                    None => "增加授權".to_string(),
                };
                let when = from
                    .map(|d| format!("，自 {}起", long_date(d, lang)))
                    .unwrap_or_default();
                owned!("{p}為您的 {plan} 訂閱{n}{when}。")
            }
            (Cost::Covered { plan }, Lang::En) => owned!(
                "Nothing new to buy: {plan}, which you already have, covers your Kaizala Pro users."
            ),
            (Cost::Covered { plan }, Lang::ZhTw) => {
                owned!("不需要購買新方案：您現有的 {plan} 已涵蓋所有 Kaizala Pro 使用者。")
            }
            (Cost::OldEnds { by: Some(d) }, Lang::En) => owned!(
                "Kaizala Pro costs you nothing more once it is stopped, by {} at the latest.",
                long_date(*d, lang)
            ),
            (Cost::OldEnds { by: Some(d) }, Lang::ZhTw) => owned!(
                "Kaizala Pro 停止後（最晚於 {}）就不會再產生費用。",
                long_date(*d, lang)
            ),
            (Cost::OldEnds { by: None }, Lang::En) => {
                "Kaizala Pro costs you nothing more once it is stopped.".into()
            }
            (Cost::OldEnds { by: None }, Lang::ZhTw) => {
                "Kaizala Pro 停止後就不會再產生費用。".into()
            }
        }
    }
}

/// What a step does, as the customer sees it, after "Move 2: " when the
/// users move in several waves (`wave`); a kind of step this page has no
/// words for keeps the partner's title.
pub(crate) fn step_title(step: &Step, wave: Option<u32>, lang: Lang) -> Text {
    let what: Text = match (&step.action, lang) {
        (StepAction::Buy { plan, .. }, Lang::En) => owned!("Your partner orders {plan}"),
        (StepAction::Buy { plan, .. }, Lang::ZhTw) => owned!("合作夥伴訂購 {plan}"),
        (StepAction::RaiseQuantity { plan, .. }, Lang::En) => {
            owned!("Your partner adds licenses to your {plan} subscription")
        }
        (StepAction::RaiseQuantity { plan, .. }, Lang::ZhTw) => {
            owned!("合作夥伴為您現有的 {plan} 訂閱增加授權")
        }
        (StepAction::AddSeats { plan, .. }, Lang::En) => {
            owned!("Your partner adds licenses of {plan} for these users")
        }
        (StepAction::AddSeats { plan, .. }, Lang::ZhTw) => {
            owned!("合作夥伴為這一梯次的使用者增加 {plan} 授權")
        }
        (StepAction::NoPurchase { plan }, Lang::En) => {
            owned!("Your partner checks that your users have {plan}")
        }
        (StepAction::NoPurchase { plan }, Lang::ZhTw) => {
            owned!("合作夥伴確認使用者都已持有 {plan}")
        }
        (StepAction::MoveUsers { plan, .. }, Lang::En) => {
            owned!("Your users' licenses move to {plan}")
        }
        (StepAction::MoveUsers { plan, .. }, Lang::ZhTw) => owned!("使用者的授權改為 {plan}"),
        (StepAction::Suspend { .. }, _) => tr(
            lang,
            "The old Kaizala Pro subscription is stopped",
            "停止舊的 Kaizala Pro 訂閱",
        )
        .into(),
        (StepAction::CheckEnded { .. }, _) => tr(
            lang,
            "Your partner checks the Kaizala Pro subscription that ended",
            "合作夥伴確認已結束的 Kaizala Pro 訂閱",
        )
        .into(),
        (StepAction::FindEndDate { .. }, _) => tr(
            lang,
            "Your partner finds out when Kaizala Pro ends",
            "合作夥伴查明 Kaizala Pro 的到期日",
        )
        .into(),
    };
    match wave {
        Some(_) => owned!("{}{what}", wave_prefix(wave, lang)),
        None => what,
    }
}

/// "Done on 3 Aug 2020", "Done", "Planned by 24 Aug 2020".
pub(crate) fn step_status(
    done: bool,
    done_on: Option<NaiveDate>,
    due: Option<NaiveDate>,
    lang: Lang,
) -> Text {
    match (done, done_on, due, lang) {
        (true, Some(d), _, Lang::En) => owned!("Done on {}", long_date(d, lang)),
        (true, Some(d), _, Lang::ZhTw) => owned!("已於 {}完成", long_date(d, lang)),
        (true, None, _, _) => tr(lang, "Done", "已完成").into(),
        (false, _, Some(d), Lang::En) => owned!("Planned by {}", long_date(d, lang)),
        (false, _, Some(d), Lang::ZhTw) => owned!("預計 {}前完成", long_date(d, lang)),
        (false, _, None, _) => tr(lang, "Date to be set", "日期待定").into(),
    }
}

/// A caveat in the customer's words; a kind this page has no words for
/// keeps the partner's, so that no caveat is left off the page.
pub(crate) fn plain_caveat(caveat: &Said<Caveat>, lang: Lang) -> Text {
    match (&caveat.what, lang) {
        (Caveat::BusinessBasicListing, Lang::En) => "Microsoft's own lists disagree on whether Business Basic includes Kaizala. Before your users move, your partner checks that the new licenses include Kaizala; if you want to be sure up front, ask about Office 365 E1, which lists it.".into(),
        (Caveat::BusinessBasicListing, Lang::ZhTw) => "Microsoft 自己的清單對 Business Basic 是否包含 Kaizala 說法不一。使用者移轉前，合作夥伴會先確認新授權包含 Kaizala；若想事先確定，可詢問明確列有 Kaizala 的 Office 365 E1。".into(),
        (Caveat::EducationEligibility, Lang::En) => "Education plans are only for institutions that Microsoft has verified as academic.".into(),
        (Caveat::EducationEligibility, Lang::ZhTw) => "教育方案僅提供給經 Microsoft 驗證的教育機構。".into(),
        (Caveat::FrontlineEligibility, Lang::En) => "F3 licenses are for staff who work mainly on a phone or a small tablet (one screen under 10.1 inches), or who share a device; they include no Office desktop apps.".into(),
        (Caveat::FrontlineEligibility, Lang::ZhTw) => "F3 授權適用於主要以手機或小型平板（單一螢幕小於 10.1 吋）工作，或與他人共用裝置的員工；不含 Office 桌面版應用程式。".into(),
        (Caveat::BusinessSeatCap { seats, .. }, Lang::En) => owned!("A Business plan holds at most 300 users, and you have {}: your partner splits them across plans or suggests an enterprise plan.", num(*seats)),
        (Caveat::BusinessSeatCap { seats, .. }, Lang::ZhTw) => owned!("商務方案最多 300 位使用者，而您有 {} 位：合作夥伴會將使用者分散到不同方案，或建議改用企業方案。", num(*seats)),
        (Caveat::DeviceLicenseOnly, Lang::En) => "Microsoft 365 A1 is licensed per device and has no Kaizala of its own; each user also gets Office 365 A1, which includes it.".into(),
        (Caveat::DeviceLicenseOnly, Lang::ZhTw) => "Microsoft 365 A1 以裝置計算授權，本身不含 Kaizala；每位使用者需另外搭配內含 Kaizala 的 Office 365 A1。".into(),
        (Caveat::EducationNotVerified { .. }, Lang::En) => "Your organization's name looks like a school's, but it is not registered with Microsoft as an academic institution, so education plans are not offered yet; if you are one, your partner can ask Microsoft to verify you.".into(),
        (Caveat::EducationNotVerified { .. }, Lang::ZhTw) => "貴機構的名稱看似學校，但尚未向 Microsoft 登記為教育機構，因此目前不提供教育方案；若貴機構屬於教育機構，合作夥伴可向 Microsoft 申請驗證。".into(),
        (Caveat::UnassignedSeats { seats, .. }, Lang::En) => owned!("You pay for {} that nobody uses; your partner can lower the number before the subscription ends, where its terms allow.", plural(*seats, "Kaizala Pro license", "Kaizala Pro licenses")),
        (Caveat::UnassignedSeats { seats, .. }, Lang::ZhTw) => owned!("您付費的 Kaizala Pro 授權中有 {} 個無人使用；若訂閱條款允許，合作夥伴可在到期前降低數量。", num(*seats)),
        (Caveat::UnknownLicenses { .. }, Lang::En) => "Some of your users' licenses are not ones we recognise; your partner checks them before buying.".into(),
        (Caveat::UnknownLicenses { .. }, Lang::ZhTw) => "部分使用者的授權我們無法辨識；合作夥伴會在購買前確認。".into(),
    }
}

/// An assumption in the customer's words, or `None` for the seat
/// overlap, which the partner checks (it stays in their section).
pub(crate) fn plain_assumption(assumption: &Said<Assumption>, lang: Lang) -> Option<Text> {
    Some(match (&assumption.what, lang) {
        (Assumption::CoverageOverlap { .. }, _) => return None,
        (Assumption::TrialSeatsLeftOut { seats }, Lang::En) => owned!("No licenses are bought for the {} of your Kaizala Pro trial unless you ask for them.", plural(*seats, "user", "users")),
        (Assumption::TrialSeatsLeftOut { seats }, Lang::ZhTw) => owned!("除非您要求，否則不會為 Kaizala Pro 試用版的 {} 位使用者購買授權。", num(*seats)),
        (Assumption::SeatsOverride { seats }, Lang::En) => owned!("The licenses are counted for {}, as set by your partner.", plural(*seats, "user", "users")),
        (Assumption::SeatsOverride { seats }, Lang::ZhTw) => owned!("授權數以 {} 位使用者計算（依合作夥伴的設定）。", num(*seats)),
        (Assumption::SeatsUnknown, Lang::En) => "Your partner's records do not show how many people use Kaizala Pro; the number of licenses is set once they are counted.".into(),
        (Assumption::SeatsUnknown, Lang::ZhTw) => "合作夥伴的資料中沒有 Kaizala Pro 的使用人數；清點後才會確定授權數。".into(),
        (Assumption::AmbiguousCoverage { offer }, Lang::En) => owned!("It is not clear whether your \"{offer}\" includes Kaizala, so it was not counted; your partner checks it."),
        (Assumption::AmbiguousCoverage { offer }, Lang::ZhTw) => owned!("無法確定您的「{offer}」是否包含 Kaizala，因此未計入；合作夥伴會確認。"),
        (Assumption::FromUsers { to_license, .. }, Lang::En) => owned!("The licenses are counted from your list of users: {} who use Kaizala Pro and have no other plan that includes it.", plural(*to_license, "person", "people")),
        (Assumption::FromUsers { to_license, .. }, Lang::ZhTw) => owned!("授權數依您的使用者名單計算：使用 Kaizala Pro 且沒有其他包含 Kaizala 方案的共 {} 人。", num(*to_license)),

    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2020, 8, 3).unwrap();
        assert_eq!(long_date(d, Lang::En), "3 Aug 2020");
        assert_eq!(long_date(d, Lang::ZhTw), "2020年8月3日");
    }

    #[test]
    fn the_cost_line_names_plan_users_and_day() {
        let c = Cost::Licenses {
            wave: None,
            plan: "Office 365 E1".into(),
            users: Some(370),
            from: NaiveDate::from_ymd_opt(2021, 1, 1),
        };
        assert_eq!(
            c.render(Lang::En),
            "A license of Office 365 E1 for 370 users from 1 Jan 2021."
        );
        assert_eq!(
            c.render(Lang::ZhTw),
            "Office 365 E1 授權，供 370 位使用者使用，自 2021年1月1日起。"
        );
        let later = Cost::MoreLicenses {
            wave: Some(2),
            plan: "Office 365 E1".into(),
            users: Some(1),
            from: None,
        };
        assert_eq!(
            later.render(Lang::En),
            "Move 2: 1 more license of Office 365 E1, added to your subscription."
        );
    }

    #[test]
    fn a_step_of_a_later_wave_says_which_move() {
        let step = Step {
            step: "C2".into(),
            title: "Suspend the old subscription".into(),
            text: String::new(),
            due: None,
            wave: 2,
            action: StepAction::FindEndDate {
                subscription_id: "s2".into(),
                offer: "Microsoft Kaizala Pro".into(),
            },
        };
        assert_eq!(
            step_title(&step, Some(2), Lang::En),
            "Move 2: Your partner finds out when Kaizala Pro ends"
        );
        assert_eq!(
            step_title(&step, Some(2), Lang::ZhTw),
            "第 2 梯次：合作夥伴查明 Kaizala Pro 的到期日"
        );
        assert_eq!(
            step_title(&step, None, Lang::En),
            "Your partner finds out when Kaizala Pro ends"
        );
    }

    #[test]
    fn the_partner_heads_the_page() {
        let p = Partner {
            name: "Fabrikam".into(),
            contact: "help@fabrikam.example".into(),
        };
        assert_eq!(
            prepared_by(&p, Lang::En),
            "Prepared by Fabrikam · help@fabrikam.example"
        );
        assert_eq!(
            prepared_by(&p, Lang::ZhTw),
            "製作：Fabrikam · help@fabrikam.example"
        );
        let nameless = Partner {
            name: String::new(),
            contact: "+886 2 1234 5678".into(),
        };
        assert_eq!(
            prepared_by(&nameless, Lang::En),
            "Prepared by your partner · +886 2 1234 5678"
        );
    }
}
