/*!
The plan's wording: the sentences of the [`Render`] impls of the plan's
meanings ([`Reason`], [`Caveat`], [`Assumption`], [`Note`], [`AltWhy`],
[`EducationSignal`], [`NotCountedWhy`]) and the labels of its kinds ([`Category`],
[`Urgency`]), in each [`Lang`].

The plan decides what it means (in [`crate::plan`]); only the words are
here, so the planner's rules and its wording change apart.

Dates are written `YYYY-MM-DD` in English (partners compare them with
Partner Center, which shows dates in many local formats) and as Taiwan
writes them in zh-TW, `2020年7月1日 00:00 UTC（台灣時間 08:00）` where the hour
matters. Counts carry thousands separators in both.
*/

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::i18n::{date, format_name, num, plural, utc_midnight_zh, Lang, Render, Text};
use crate::model::Format;
use crate::plan::{
    AltWhy, Assumption, Category, Caveat, EducationSignal, Family, NotCountedWhy, Note, Reason,
    Urgency, UsersSummary,
};

/// `format!` into a [`Text`].
macro_rules! owned {
    ($($arg:tt)*) => {
        Cow::Owned(format!($($arg)*))
    };
}

impl Category {
    /// A short label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Category::ExpiresAfterCutoff, Lang::En) => "ends after the cutoff",
            (Category::RenewsOnceThenExpires, Lang::En) => "renews once, then ends",
            (Category::ExpiresBeforeCutoff, Lang::En) => "ends before the cutoff",
            (Category::AlreadyEnded, Lang::En) => "already ended",
            (Category::Inactive, Lang::En) => "inactive",
            (Category::UnknownEndDate, Lang::En) => "end date unknown",
            (Category::ExpiresAfterCutoff, Lang::ZhTw) => "於停售日後到期",
            (Category::RenewsOnceThenExpires, Lang::ZhTw) => "再續訂一次後到期",
            (Category::ExpiresBeforeCutoff, Lang::ZhTw) => "於停售日前到期",
            (Category::AlreadyEnded, Lang::ZhTw) => "已結束",
            (Category::Inactive, Lang::ZhTw) => "非使用中",
            (Category::UnknownEndDate, Lang::ZhTw) => "到期日不明",
        }
    }
}

impl Urgency {
    /// A short label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Urgency::Ended, Lang::En) => "ended",
            (Urgency::Within30Days, Lang::En) => "within 30 days",
            (Urgency::Within90Days, Lang::En) => "within 90 days",
            (Urgency::Later, Lang::En) => "later",
            (Urgency::Unknown, Lang::En) => "date unknown",
            (Urgency::NoAction, Lang::En) => "nothing to do",
            (Urgency::Ended, Lang::ZhTw) => "已結束",
            (Urgency::Within30Days, Lang::ZhTw) => "30 天內",
            (Urgency::Within90Days, Lang::ZhTw) => "90 天內",
            (Urgency::Later, Lang::ZhTw) => "較晚",
            (Urgency::Unknown, Lang::ZhTw) => "日期不明",
            (Urgency::NoAction, Lang::ZhTw) => "無需處理",
        }
    }
}

impl Family {
    /// The rule's name for people: its id in English (as `docs/rules.md`
    /// names it), a word in zh-TW.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (f, Lang::En) => f.as_str(),
            (Family::Existing, Lang::ZhTw) => "現有方案",
            (Family::Education, Lang::ZhTw) => "教育方案",
            (Family::Frontline, Lang::ZhTw) => "第一線方案",
            (Family::Enterprise, Lang::ZhTw) => "企業方案",
            (Family::Business, Lang::ZhTw) => "商務方案",
            (Family::Override, Lang::ZhTw) => "自選方案",
        }
    }
}

impl Render for EducationSignal {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (EducationSignal::Domain { domain }, Lang::En) => {
                owned!("its domain {domain} is an education domain")
            }
            (EducationSignal::Domain { domain }, Lang::ZhTw) => {
                owned!("網域 {domain} 屬於教育網域")
            }
            (EducationSignal::Name { word }, Lang::En) => owned!("its name contains \"{word}\""),
            (EducationSignal::Name { word }, Lang::ZhTw) => owned!("名稱含有「{word}」"),
            (EducationSignal::Qualification, Lang::En) => {
                "the export gives it the Education qualification".into()
            }
            (EducationSignal::Qualification, Lang::ZhTw) => "匯出檔中的資格為「教育」".into(),
            (EducationSignal::UserChoice, Lang::En) => {
                "you marked it as an education customer".into()
            }
            (EducationSignal::UserChoice, Lang::ZhTw) => "您已將其標示為教育客戶".into(),
        }
    }
}

impl Render for Reason {
    fn render(&self, lang: Lang) -> Text {
        match lang {
            Lang::En => match self {
                Reason::Existing { plan, covered_seats } => owned!(
                    "The customer's plans that include Kaizala ({plan} and any others, {} in all) already cover every Kaizala Pro user: buy nothing, only take the standalone licenses away.",
                    plural(*covered_seats, "seat", "seats")
                ),
                Reason::Education { signal } => owned!(
                    "The customer looks like a school ({}), and Office 365 A1, free for verified academic institutions, is the lowest-priced plan that includes Kaizala.",
                    signal.render(lang)
                ),
                Reason::Frontline => "You marked the customer as frontline, and Office 365 F3 is the lowest-priced plan that includes Kaizala, for staff who work on phones, tablets or shared devices.".into(),
                Reason::Enterprise { seats } => owned!(
                    "Business Basic would have to hold {} seats, more than the 300 a Business plan allows, so Office 365 E1 is the lowest-priced plan that includes Kaizala and fits.",
                    num(*seats)
                ),
                Reason::Business { seats: Some(seats) } => owned!(
                    "Microsoft 365 Business Basic is the lowest-priced plan that includes Kaizala, and {} stay within the 300-seat limit of a Business plan.",
                    plural(*seats, "seat", "seats")
                ),
                Reason::Business { seats: None } => "The export does not say how many Kaizala Pro seats the customer has, so we suggest the lowest-priced plan that includes Kaizala, Microsoft 365 Business Basic; if it has more than 300 users, choose Office 365 E1 instead.".into(),
                Reason::Override { plan } => owned!("You chose {plan} for this customer."),
            },
            Lang::ZhTw => match self {
                Reason::Existing { plan, covered_seats } => owned!(
                    "此客戶現有包含 Kaizala 的方案（{plan} 等，共 {} 個授權）已涵蓋所有 Kaizala Pro 使用者：不必購買，只要移除獨立授權即可。",
                    num(*covered_seats)
                ),
                Reason::Education { signal } => owned!(
                    "此客戶看起來是教育機構（{}），而對經驗證教育機構免費的 Office 365 A1，是包含 Kaizala 且價格最低的方案。",
                    signal.render(lang)
                ),
                Reason::Frontline => "您已將此客戶標示為第一線員工，而 Office 365 F3 是包含 Kaizala 且價格最低的方案，適合使用手機、平板或共用裝置工作的員工。".into(),
                Reason::Enterprise { seats } => owned!(
                    "Business Basic 需容納 {} 個授權，超過商務方案 300 個授權的上限，因此建議包含 Kaizala 且符合條件、價格最低的 Office 365 E1。",
                    num(*seats)
                ),
                Reason::Business { seats: Some(seats) } => owned!(
                    "Microsoft 365 Business Basic 是包含 Kaizala 且價格最低的方案，{} 個授權也未超過商務方案 300 個授權的上限。",
                    num(*seats)
                ),
                Reason::Business { seats: None } => "匯出檔未提供此客戶的 Kaizala Pro 授權數，因此建議包含 Kaizala 且價格最低的方案 Microsoft 365 Business Basic；若使用者超過 300 位，請改選 Office 365 E1。".into(),
                Reason::Override { plan } => owned!("您為此客戶選擇了 {plan}。"),
            },
        }
    }
}

/// A recommendation's reason: what the users file counted, when it is
/// the quantity's source, then the rule's own sentence.
pub(crate) fn reason_text(basis: &Reason, users: Option<&UsersSummary>, lang: Lang) -> Text {
    let rule = basis.render(lang);
    let Some(u) = users else { return rule };
    let (holders, to_license) = (u.holders, u.to_license);
    let counted: Text = match lang {
        Lang::En if holders == 0 => {
            "No user in the customer's users file holds Kaizala Pro.".into()
        }
        Lang::En if to_license == 0 => owned!(
            "All {} who hold Kaizala Pro already have a plan that includes Kaizala.",
            plural(holders, "user", "users")
        ),
        Lang::En if to_license == holders => owned!(
            "None of the {} who hold Kaizala Pro has a plan that includes Kaizala.",
            plural(holders, "user", "users")
        ),
        Lang::En => owned!(
            "{} of the {} users who hold Kaizala Pro have no plan that includes Kaizala.",
            num(to_license),
            num(holders)
        ),
        Lang::ZhTw if holders == 0 => "此客戶的使用者匯出檔中沒有人持有 Kaizala Pro。".into(),
        Lang::ZhTw if to_license == 0 => owned!(
            "持有 Kaizala Pro 的 {} 位使用者都已有包含 Kaizala 的方案。",
            num(holders)
        ),
        Lang::ZhTw if to_license == holders => owned!(
            "持有 Kaizala Pro 的 {} 位使用者都沒有包含 Kaizala 的方案。",
            num(holders)
        ),
        Lang::ZhTw => owned!(
            "持有 Kaizala Pro 的 {} 位使用者中，有 {} 位沒有包含 Kaizala 的方案。",
            num(holders),
            num(to_license)
        ),
    };
    let sep = if lang == Lang::En { " " } else { "" };
    owned!("{counted}{sep}{rule}")
}

impl Render for Caveat {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (Caveat::UnassignedSeats { seats, holders }, Lang::En) => owned!(
                "The customer pays for {} more than the {} who hold Kaizala Pro: reduce the subscription's quantity before its end date where its terms allow, or assign them first if someone was left out.",
                plural(*seats, "Kaizala Pro seat", "Kaizala Pro seats"),
                plural(*holders, "user", "users")
            ),
            (Caveat::UnassignedSeats { seats, holders }, Lang::ZhTw) => owned!(
                "此客戶付費的 Kaizala Pro 授權比持有的 {} 位使用者多出 {} 個：若訂閱條款允許，請在到期前降低數量；若有人漏未指派，請先指派。",
                num(*holders),
                num(*seats)
            ),
            (Caveat::UnknownLicenses { names }, Lang::En) => owned!(
                "The users file names licenses we do not know ({}); a user who holds Kaizala Pro and only such licenses is counted as needing a new license. Check them in the admin center.",
                names.join(", ")
            ),
            (Caveat::UnknownLicenses { names }, Lang::ZhTw) => owned!(
                "使用者匯出檔中有我們無法辨識的授權（{}）；持有 Kaizala Pro 且只有這類授權的使用者，會算成需要新授權。請在系統管理中心確認。",
                names.join("、")
            ),
            (Caveat::BusinessBasicListing, Lang::En) => "Microsoft's service descriptions list Kaizala in Business Basic, but its licensing SKU data (O365_BUSINESS_ESSENTIALS) shows no Kaizala service plan: check that the new license shows a Kaizala service plan in the customer's tenant before you remove the Kaizala Pro license. Office 365 E1 lists Kaizala in its own SKU data.".into(),
            (Caveat::BusinessBasicListing, Lang::ZhTw) => "Microsoft 的服務描述列出 Business Basic 包含 Kaizala，但其授權 SKU 資料（O365_BUSINESS_ESSENTIALS）沒有 Kaizala 服務方案：移除 Kaizala Pro 授權前，請先在客戶的租用戶中確認新授權含有 Kaizala 服務方案。Office 365 E1 的 SKU 資料本身即列有 Kaizala。".into(),
            (Caveat::EducationEligibility, Lang::En) => "Education plans are sold only to institutions Microsoft has verified as academic; check that the customer has the Education qualification in Partner Center first.".into(),
            (Caveat::EducationEligibility, Lang::ZhTw) => "教育方案僅提供給經 Microsoft 驗證的教育機構；請先在合作夥伴中心確認此客戶具備「教育」資格。".into(),
            (Caveat::FrontlineEligibility, Lang::En) => "F3 licenses are for users whose main work device has a single screen smaller than 10.1 inches, or who share their device with other frontline users; F3 has no Office desktop apps.".into(),
            (Caveat::FrontlineEligibility, Lang::ZhTw) => "F3 授權適用於主要工作裝置為單一螢幕且小於 10.1 吋，或與其他第一線員工共用裝置的使用者；F3 不含 Office 桌面版應用程式。".into(),
            (Caveat::BusinessSeatCap { plan, seats }, Lang::En) => owned!("A customer can hold at most 300 seats of {plan}, and {} is more than that: split the users across Business plans or choose an enterprise plan.", num(*seats)),
            (Caveat::BusinessSeatCap { plan, seats }, Lang::ZhTw) => owned!("每位客戶的 {plan} 最多只能有 300 個授權，{} 個已超過上限：請將使用者分散到不同的商務方案，或改選企業方案。", num(*seats)),
            (Caveat::DeviceLicenseOnly, Lang::En) => "Microsoft 365 A1 has no Kaizala service plan of its own: it is a one-time license per device, meant to be paired with Office 365 A1 for each user.".into(),
            (Caveat::DeviceLicenseOnly, Lang::ZhTw) => "Microsoft 365 A1 本身不含 Kaizala 服務方案：它是以裝置計算的一次性授權，需搭配每位使用者的 Office 365 A1。".into(),
            (Caveat::EducationNotVerified { qualification }, Lang::En) => owned!("The customer's name or domain looks like a school, but its qualification in the export is \"{qualification}\", so no education plan is recommended: A plans are sold only to institutions Microsoft has verified as academic. To apply, set the customer's Special qualifications to Education in Partner Center; Microsoft then verifies the institution, and education offers can be bought once it is approved."),
            (Caveat::EducationNotVerified { qualification }, Lang::ZhTw) => owned!("此客戶的名稱或網域看起來像教育機構，但匯出檔中的資格為「{qualification}」，因此不建議教育方案：A 方案僅提供給經 Microsoft 驗證的教育機構。若要申請，請在合作夥伴中心將此客戶的「特殊資格」設為「教育」；Microsoft 會驗證該機構，核准後即可購買教育方案。"),
        }
    }
}

impl Render for Assumption {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (Assumption::CoverageOverlap { plan, subscription_id, seats }, Lang::En) => owned!(
                "We assumed the {} of {plan} ({subscription_id}) belong to Kaizala Pro users, so they were not bought again; if fewer of those users have Kaizala Pro, set the seats to cover yourself.",
                plural(*seats, "seat", "seats")
            ),
            (Assumption::CoverageOverlap { plan, subscription_id, seats }, Lang::ZhTw) => owned!(
                "我們假設 {plan}（{subscription_id}）的 {} 個授權屬於 Kaizala Pro 使用者，因此不重複購買；若其中持有 Kaizala Pro 的使用者較少，請自行設定要涵蓋的授權數。",
                num(*seats)
            ),
            (Assumption::TrialSeatsLeftOut { seats }, Lang::En) => owned!(
                "The {} of Kaizala Pro trials are not in the seats to buy; include trials if those users should keep Kaizala.",
                plural(*seats, "seat", "seats")
            ),
            (Assumption::TrialSeatsLeftOut { seats }, Lang::ZhTw) => owned!(
                "Kaizala Pro 試用版的 {} 個授權未計入要購買的授權數；若這些使用者需要繼續使用 Kaizala，請將試用版納入計算。",
                num(*seats)
            ),
            (Assumption::SeatsOverride { seats }, Lang::En) => owned!("You set the seats to cover to {}.", num(*seats)),
            (Assumption::SeatsOverride { seats }, Lang::ZhTw) => owned!("您已將要涵蓋的授權數設為 {}。", num(*seats)),
            (Assumption::SeatsUnknown, Lang::En) => "The export does not give the number of seats of every Kaizala Pro subscription; count the users in Users and licenses before you buy.".into(),
            (Assumption::SeatsUnknown, Lang::ZhTw) => "匯出檔未提供每個 Kaizala Pro 訂閱的授權數；購買前請先在「使用者和授權」中清點使用者。".into(),
            (Assumption::FromUsers { file, holders, to_license }, Lang::En) => owned!(
                "The licenses to buy come from the users file{}: {} of the {} who hold Kaizala Pro have no plan that includes Kaizala. The purchased seat count is not used.",
                file.as_deref().map(|f| format!(" \"{f}\"")).unwrap_or_default(),
                num(*to_license),
                plural(*holders, "user", "users")
            ),
            (Assumption::FromUsers { file, holders, to_license }, Lang::ZhTw) => owned!(
                "要購買的授權數來自使用者匯出檔{}：持有 Kaizala Pro 的 {} 位使用者中，有 {} 位沒有包含 Kaizala 的方案。不採用已購買的授權數。",
                file.as_deref().map(|f| format!("「{f}」")).unwrap_or_default(),
                num(*holders),
                num(*to_license)
            ),
            (Assumption::AmbiguousCoverage { offer }, Lang::En) => owned!(
                "\"{offer}\" may be the old name of Microsoft 365 F3 (with Kaizala) or the new Microsoft 365 F1 (without), so we did not count it as covering Kaizala; check its SKU."
            ),
            (Assumption::AmbiguousCoverage { offer }, Lang::ZhTw) => owned!(
                "「{offer}」可能是 Microsoft 365 F3 的舊名（含 Kaizala），也可能是新的 Microsoft 365 F1（不含），因此未將其視為已涵蓋 Kaizala；請確認其 SKU。"
            ),
        }
    }
}

impl Render for Note {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (Note::AutoRenewUnknown { if_renewed }, Lang::En) => owned!(
                "The export does not say whether it renews automatically, so its dates are planned from the end date in the file. If it was set to renew, it renews one last time and serves users until 00:00 UTC on {}. {}",
                date(*if_renewed),
                RENEWAL_CHECK_EN
            ),
            (Note::AutoRenewUnknown { if_renewed }, Lang::ZhTw) => owned!(
                "匯出檔未註明是否自動續訂，因此依檔案中的到期日安排日期。若它設定為自動續訂，會最後再續訂一次，服務到 {} 為止。{}",
                utc_midnight_zh(*if_renewed),
                RENEWAL_CHECK_ZH
            ),
            (Note::EndedUnlessRenewed { if_renewed }, Lang::En) => owned!(
                "Its end date has passed and the export does not say whether it renews automatically: it has ended, unless it was set to renew, in which case it serves users until 00:00 UTC on {}. {}",
                date(*if_renewed),
                RENEWAL_CHECK_EN
            ),
            (Note::EndedUnlessRenewed { if_renewed }, Lang::ZhTw) => owned!(
                "到期日已過，且匯出檔未註明是否自動續訂：除非它設定為自動續訂（那樣服務會持續到 {}），否則此訂閱已結束。{}",
                utc_midnight_zh(*if_renewed),
                RENEWAL_CHECK_ZH
            ),
            (Note::TermAssumed, Lang::En) => "The export has no term length for it; we assumed one year.".into(),
            (Note::TermAssumed, Lang::ZhTw) => "匯出檔沒有此訂閱的期間長度；我們假設為一年。".into(),
            (Note::EndDateMissing { format }, lang) => end_date_missing(*format, lang).into(),
            (Note::EndDateNever, Lang::En) => "The export says it never ends, which no Kaizala Pro subscription can after the cutoff; look up its real end date in Partner Center.".into(),
            (Note::EndDateNever, Lang::ZhTw) => "匯出檔顯示此訂閱永不到期，但停售日之後 Kaizala Pro 訂閱都不會再續訂；請到合作夥伴中心查詢實際的到期日。".into(),
            (Note::ExpiredStatus, Lang::En) => "The export lists it as expired.".into(),
            (Note::ExpiredStatus, Lang::ZhTw) => "匯出檔顯示此訂閱已到期。".into(),
            (Note::TermOverflow, Lang::En) => "Its end date plus its term is beyond the calendar; we used the end date itself.".into(),
            (Note::TermOverflow, Lang::ZhTw) => "到期日加上訂閱期間已超出日曆範圍；我們改用到期日本身。".into(),
        }
    }
}

impl Render for NotCountedWhy {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (NotCountedWhy::Trial, Lang::En) => "a trial, not paid: it may end before the users move".into(),
            (NotCountedWhy::Trial, Lang::ZhTw) => "試用版，並非付費授權：可能在使用者移轉前就結束".into(),
            (NotCountedWhy::Unattended, Lang::En) => "an unattended (RPA) license, for automation rather than a person".into(),
            (NotCountedWhy::Unattended, Lang::ZhTw) => "無人值守（RPA）授權，供自動化流程使用而非個人".into(),
            (NotCountedWhy::StudentUseBenefit, Lang::En) => "a student use benefit, for students rather than the staff who use Kaizala Pro".into(),
            (NotCountedWhy::StudentUseBenefit, Lang::ZhTw) => "學生使用權益授權，供學生使用而非使用 Kaizala Pro 的教職員".into(),
            (NotCountedWhy::Inactive, Lang::En) => "suspended, deleted, disabled or expired".into(),
            (NotCountedWhy::Inactive, Lang::ZhTw) => "已暫停、刪除、停用或到期".into(),
            (NotCountedWhy::Ended, Lang::En) => "its end date has passed".into(),
            (NotCountedWhy::Ended, Lang::ZhTw) => "已過到期日".into(),
            (NotCountedWhy::PartOfBundle, Lang::En) => "the Kaizala service plan of a bundle listed on its own row, already counted with that bundle".into(),
            (NotCountedWhy::PartOfBundle, Lang::ZhTw) => "套裝方案中的 Kaizala 服務方案，該套裝方案已另列並計入".into(),
        }
    }
}
/// Where Partner Center tells whether a subscription renews: the wording
/// of its detail page ("Expires on" / "Auto renews on").
pub(crate) const RENEWAL_CHECK_EN: &str = "To check, in Partner Center open Customers, the customer, Subscriptions, then the subscription: its page says \"Auto renews on [date]\" if it renews and \"Expires on [date]\" if it does not.";
pub(crate) const RENEWAL_CHECK_ZH: &str = "確認方式：在合作夥伴中心依序開啟「客戶」、該客戶、「訂閱」，再開啟該訂閱：頁面寫的若是自動續訂的日期，表示會續訂；若是到期的日期，則不會續訂。";

fn end_date_missing(format: Option<Format>, lang: Lang) -> String {
    let mut s = String::new();
    match (format, lang) {
        (Some(Format::Generic), Lang::En) | (None, Lang::En) => {
            s.push_str("No column of this file was read as the end date; map one (in the CLI: --map end_date=COLUMN), or ")
        }
        (Some(Format::Generic), Lang::ZhTw) | (None, Lang::ZhTw) => {
            s.push_str("此檔案沒有任何欄位被當作到期日；請指定對應欄位（命令列：--map end_date=欄位名稱），或")
        }
        (Some(f), Lang::En) => {
            let _ = write!(s, "This {} has no end dates; ", format_name(f, lang));
        }
        (Some(f), Lang::ZhTw) => {
            let _ = write!(s, "此{}沒有到期日；請", format_name(f, lang));
        }
    }
    s.push_str(match lang {
        Lang::En => "export the subscriptions with the Partner Center PowerShell module or API, or use the reconciliation file, to get them.",
        Lang::ZhTw => "改用合作夥伴中心 PowerShell 模組或 API 匯出訂閱，或使用對帳檔，以取得到期日。",
    });
    s
}

impl Render for AltWhy {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (AltWhy::SkuListsKaizala, Lang::En) => "Its SKU lists Kaizala, so there is no doubt that users keep it.".into(),
            (AltWhy::SkuListsKaizala, Lang::ZhTw) => "其 SKU 明確列有 Kaizala，使用者一定能繼續使用。".into(),
            (AltWhy::FullerSuite, Lang::En) => "The same Kaizala with more of Microsoft 365, for customers who want the extra apps and security.".into(),
            (AltWhy::FullerSuite, Lang::ZhTw) => "同樣包含 Kaizala，並提供更多 Microsoft 365 應用程式與安全性功能。".into(),
            (AltWhy::FrontlineSuite, Lang::En) => "The same Kaizala for frontline users, with Windows and device management added.".into(),
            (AltWhy::FrontlineSuite, Lang::ZhTw) => "為第一線員工提供相同的 Kaizala，並加上 Windows 與裝置管理功能。".into(),
            (AltWhy::CheapestListed, Lang::En) => "The lowest-priced plan whose own SKU data lists a Kaizala service plan, for those who want no doubt.".into(),
            (AltWhy::CheapestListed, Lang::ZhTw) => "SKU 資料本身即列有 Kaizala 服務方案、價格最低的方案，適合想要完全確定的客戶。".into(),
            (AltWhy::TopUp { plan, subscription_id, seats: Some(n) }, Lang::En) => owned!("The customer already has {plan}: add {} to subscription {subscription_id} instead.", plural(*n, "seat", "seats")),
            (AltWhy::TopUp { plan, subscription_id, seats: None }, Lang::En) => owned!("The customer already has {plan}: add the seats to subscription {subscription_id} instead."),
            (AltWhy::TopUp { plan, subscription_id, seats: Some(n) }, Lang::ZhTw) => owned!("此客戶已有 {plan}：也可改為在訂閱 {subscription_id} 加購 {} 個授權。", num(*n)),
            (AltWhy::TopUp { plan, subscription_id, seats: None }, Lang::ZhTw) => owned!("此客戶已有 {plan}：也可改為在訂閱 {subscription_id} 加購所需授權。"),
            (AltWhy::PairedDevice, Lang::En) => "A per-device license to add next to Office 365 A1 when the school also manages shared devices; it does not itself include Kaizala.".into(),
            (AltWhy::PairedDevice, Lang::ZhTw) => "以裝置計算的授權，學校若也管理共用裝置，可搭配 Office 365 A1 使用；它本身不含 Kaizala。".into(),
            (AltWhy::DefaultRule { family }, Lang::En) => owned!("What the default rules would pick (rule: {family})."),
            (AltWhy::DefaultRule { family }, Lang::ZhTw) => owned!(
                "依預設規則會選擇的方案（規則：{}）。",
                Family::ALL
                    .into_iter()
                    .find(|f| f.as_str() == family.as_ref())
                    .map_or(family.as_ref(), |f| f.label(lang))
            ),
        }
    }
}
