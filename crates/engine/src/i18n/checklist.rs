/*!
The checklist's wording: each step's title and what it asks for, in each
[`Lang`], with the Partner Center path to follow. The checklist decides
the steps, their waves and their dates (in [`crate::checklist`]); only
the words are here.

Times are UTC, as everywhere in Partner Center, and the texts say so; in
zh-TW the Taiwan time follows (`00:00 UTC（台灣時間 08:00）`) and dates are
written `2020年7月1日`.
What happens to a suspended subscription is said in the source's word:
Microsoft *deprovisions* it after up to 120 days.
*/

use chrono::NaiveDate;

use crate::checklist::step::StepAction;
use crate::i18n::plan::{RENEWAL_CHECK_EN, RENEWAL_CHECK_ZH};
use crate::i18n::{date, date_zh_long, num, plural, tr, utc_midnight_zh, Lang};
use crate::model::SharedText;

/// What a step's words depend on besides its action.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StepContext<'a> {
    /// The customer's name, as shown.
    pub(crate) customer: &'a str,
    /// The step's wave, from 1.
    pub(crate) wave: u32,
    /// How many waves the customer moves in.
    pub(crate) waves: u32,
}

/// A step's title in `lang`.
pub(crate) fn step_title(action: &StepAction, ctx: StepContext<'_>, lang: Lang) -> String {
    let several = ctx.waves > 1;
    let (en, zh) = match action {
        StepAction::Buy { .. } => ("Buy the new subscription", "購買新訂閱"),
        StepAction::RaiseQuantity { .. } => (
            "Raise the quantity of the customer's subscription",
            "增加客戶現有訂閱的數量",
        ),
        StepAction::AddSeats { .. } => ("Add this wave's licenses", "為此梯次加購授權"),
        StepAction::NoPurchase { .. } if several => (
            "Check the plans that cover this wave",
            "確認涵蓋此梯次的方案",
        ),
        StepAction::NoPurchase { .. } => (
            "Check the plan the customer already has",
            "確認客戶現有的方案",
        ),
        StepAction::MoveUsers { .. } if several => {
            ("Move this wave's users", "移轉此梯次使用者的授權")
        }
        StepAction::MoveUsers { .. } => ("Move each user's license", "移轉每位使用者的授權"),
        StepAction::Suspend { .. } => ("Suspend the old subscription", "暫停舊訂閱"),
        StepAction::CheckEnded { .. } => {
            ("Check the subscription that has ended", "確認已結束的訂閱")
        }
        StepAction::FindEndDate { .. } => ("Find the end date, then suspend", "查明到期日後暫停"),
    };
    let title = tr(lang, en, zh);
    if !several {
        return title.to_string();
    }
    match lang {
        Lang::En => format!("Wave {}: {title}", ctx.wave),
        Lang::ZhTw => format!("第 {} 梯次：{title}", ctx.wave),
    }
}

/// What a step asks for, in `lang`.
pub(crate) fn step_text(action: &StepAction, ctx: StepContext<'_>, lang: Lang) -> String {
    match lang {
        Lang::En => text_en(action, ctx),
        Lang::ZhTw => text_zh(action, ctx),
    }
}

/// `1 needs ...` / `2 need ...`: a count with its verb phrase.
fn plural_verb(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", num(n))
    }
}

/// The ids joined for a sentence.
fn ids(subscription_ids: &[SharedText], sep: &str) -> String {
    subscription_ids
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

fn reseller_en(mpn: &Option<SharedText>) -> String {
    match mpn {
        Some(id) => format!(", choose the indirect reseller with MPN ID {id} on the order"),
        None => String::new(),
    }
}

fn stop_en(on: NaiveDate, if_renewed: Option<NaiveDate>) -> String {
    match if_renewed {
        Some(r) => format!(
            "service stops at 00:00 UTC on {}, or on {} if it was set to renew",
            date(on),
            date(r)
        ),
        None => format!("service stops at 00:00 UTC on {}", date(on)),
    }
}

fn text_en(action: &StepAction, ctx: StepContext<'_>) -> String {
    let pc = format!(
        "in Partner Center go to Customers and open {}",
        ctx.customer
    );
    let several = ctx.waves > 1;
    match action {
        StepAction::Buy { plan, sku, quantity, reseller_mpn_id } => {
            let what = match sku {
                Some(sku) => format!("{plan} ({sku})"),
                None => plan.clone(),
            };
            let whom = if several { " for this wave's users" } else { "" };
            let reseller = reseller_en(reseller_mpn_id);
            match quantity {
                Some(q) => format!(
                    "Buy {} of {what}{whom}: {pc}, choose Add subscriptions, pick the plan in the offer catalog, enter {q} as the quantity{reseller} and submit.",
                    plural(*q, "license", "licenses")
                ),
                None => format!(
                    "Buy {what} for every Kaizala Pro user{whom} (the export does not say how many): {pc}, choose Add subscriptions, pick the plan in the offer catalog, enter the number of users as the quantity{reseller} and submit."
                ),
            }
        }
        StepAction::RaiseQuantity { plan, subscription_id, seats_before, quantity, reseller_mpn_id, .. } => {
            let reseller = reseller_en(reseller_mpn_id);
            let change = match (seats_before, quantity) {
                (Some(n), Some(q)) => format!(
                    "raise its quantity from {n} to {} ({} more)",
                    n.saturating_add(*q),
                    plural(*q, "license", "licenses")
                ),
                (None, Some(q)) => format!("add {} to its quantity", plural(*q, "license", "licenses")),
                (_, None) => "add one license to its quantity for each Kaizala Pro user it does not cover yet (the export does not say how many)".to_string(),
            };
            format!(
                "The customer already has {plan}, so add licenses to its subscription {subscription_id} instead of buying a new one: {pc}, then Subscriptions, open subscription {subscription_id}, {change}{reseller} and submit."
            )
        }
        StepAction::AddSeats { plan, quantity, subscription_id, seats_before, reseller_mpn_id } => {
            let target = match subscription_id {
                Some(id) => format!("subscription {id} of {plan}"),
                None => format!("the {plan} subscription bought in an earlier wave"),
            };
            let reseller = reseller_en(reseller_mpn_id);
            let change = match (seats_before, quantity) {
                (Some(n), Some(q)) => format!("raise its quantity from {n} to {}", n.saturating_add(*q)),
                (None, Some(q)) => format!("add {} to its quantity", plural(*q, "license", "licenses")),
                (_, None) => "add one license for each of this wave's Kaizala Pro users (the export does not say how many)".to_string(),
            };
            let how_many = match quantity {
                Some(q) => plural(*q, "license", "licenses"),
                None => "licenses".to_string(),
            };
            format!(
                "Before this wave's users move, add {how_many} to {target}: {pc}, then Subscriptions, open it, {change}{reseller} and submit."
            )
        }
        StepAction::NoPurchase { plan } if several => format!(
            "No licenses to buy for this wave: by the plan's count, plans the customer already has that include Kaizala, such as {plan}, cover its users. Before moving them, {pc}, then Users and licenses, and make sure each of this wave's users holds one of those plans."
        ),
        StepAction::NoPurchase { plan } => format!(
            "No purchase needed: {plan} already covers every Kaizala Pro seat. Before step B, {pc}, then Users and licenses, and make sure each Kaizala Pro user also holds {plan}."
        ),
        StepAction::MoveUsers { plan, stops_on, users: Some(users), .. } => {
            let by = match stops_on {
                Some(d) => format!(" before 00:00 UTC on {}, when their service stops", date(*d)),
                None => String::new(),
            };
            let need = users.iter().filter(|u| u.needs_license).count() as u32;
            let only_remove = users.len() as u32 - need;
            let whose = if several { "this wave's " } else { "" };
            format!(
                "Move {whose}{} listed here{by}: {} of {plan} (assign it, then remove Kaizala Pro), {} a plan that includes Kaizala (only remove Kaizala Pro). In bulk, in the Microsoft 365 admin center as the customer's delegated admin: Users, Active users, select the users whose only license is Kaizala Pro, then Manage product licenses, Replace, with {plan} ticked; for the others choose Assign more to add {plan}, then remove Kaizala Pro. Or run this customer's PowerShell script. One at a time: {pc}, then Users and licenses, Manage licenses.",
                plural(users.len() as u32, "user", "users"),
                plural_verb(need, "needs a license", "need a license"),
                plural_verb(only_remove, "already has", "already have"),
            )
        }
        StepAction::MoveUsers { plan, seats, subscription_ids, stops_on, .. } => {
            let by = match stops_on {
                Some(d) => format!(" before 00:00 UTC on {}, when their service stops", date(*d)),
                None => String::new(),
            };
            let how = format!(
                "{pc}, then Users and licenses; for each user choose Manage licenses, clear Kaizala Pro, tick {plan} if it is not ticked yet, and submit."
            );
            if several {
                let (subs, has) = if subscription_ids.len() == 1 {
                    ("subscription", "has")
                } else {
                    ("subscriptions", "have")
                };
                let list = ids(subscription_ids, ", ");
                let (who, any) = match seats {
                    Some(n) => (
                        format!("{}, one for each seat of {subs} {list},", plural(*n, "Kaizala Pro user", "Kaizala Pro users")),
                        format!("any {} of them", num(*n)),
                    ),
                    None => (
                        format!("as many Kaizala Pro users as {subs} {list} {has} seats"),
                        "any of them".to_string(),
                    ),
                };
                let rest = if ctx.wave < ctx.waves {
                    "; the others keep Kaizala Pro until their own wave"
                } else {
                    ""
                };
                format!(
                    "Move {who} to {plan}{by}: {how} Licenses are counted per product, not per subscription, so {any} will do{rest}."
                )
            } else {
                let who = match seats {
                    Some(n) => format!("each Kaizala Pro user ({})", plural(*n, "seat", "seats")),
                    None => "each Kaizala Pro user".to_string(),
                };
                format!("Move {who} to {plan}{by}: {how}")
            }
        }
        StepAction::Suspend { subscription_id, offer, seats, expires_on, deprovisioned_by, if_renewed } => {
            let mut facts = vec![offer.to_string()];
            if let Some(n) = seats {
                facts.push(plural(*n, "seat", "seats"));
            }
            match expires_on {
                Some(d) => facts.push(stop_en(*d, *if_renewed)),
                None => facts.push("end date not in the export".into()),
            }
            let whose = if several { "this wave's" } else { "its" };
            let mut s = format!(
                "Once {whose} users are moved, suspend subscription {subscription_id} ({}): {pc}, then Subscriptions, open the subscription, set its status to Suspended and submit. Microsoft deprovisions a suspended subscription automatically after up to 120 days",
                facts.join(", ")
            );
            if let Some(d) = deprovisioned_by {
                s.push_str(&format!(" (by {} if you suspend it on the due date)", date(*d)));
            }
            s.push_str(", and the customer is not charged for it any more.");
            s
        }
        StepAction::CheckEnded { subscription_id, offer, ended_on, if_renewed } => {
            let when = match ended_on {
                Some(d) => format!(" at 00:00 UTC on {}", date(*d)),
                None => String::new(),
            };
            let mut s = format!(
                "Subscription {subscription_id} ({offer}) stopped serving users{when}, so there is nothing to suspend: {pc}, then Subscriptions, and check that it is no longer active. If its users still need Kaizala, do steps A and B for them now."
            );
            if let Some(r) = if_renewed {
                s.push_str(&format!(
                    " The export does not say whether it renewed: if it did, it serves users until 00:00 UTC on {}, and you suspend it once its users are moved. {RENEWAL_CHECK_EN}",
                    date(*r)
                ));
            }
            s
        }
        StepAction::FindEndDate { subscription_id, offer } => format!(
            "The export has no end date for subscription {subscription_id} ({offer}): {pc}, then Subscriptions, and open it to see when it ends (00:00 UTC on that day). Move its users before then, then set its status to Suspended and submit; Microsoft deprovisions a suspended subscription automatically after up to 120 days."
        ),
    }
}

fn reseller_zh(mpn: &Option<SharedText>) -> String {
    match mpn {
        Some(id) => format!("，並在訂單上選擇 MPN ID 為 {id} 的間接轉銷商"),
        None => String::new(),
    }
}

fn stop_zh(on: NaiveDate, if_renewed: Option<NaiveDate>) -> String {
    match if_renewed {
        Some(r) => format!(
            "服務於 {}停止；若設定為自動續訂，則於 {}停止",
            utc_midnight_zh(on),
            utc_midnight_zh(r)
        ),
        None => format!("服務於 {}停止", utc_midnight_zh(on)),
    }
}

fn text_zh(action: &StepAction, ctx: StepContext<'_>) -> String {
    let pc = format!("在合作夥伴中心進入「客戶」，開啟「{}」", ctx.customer);
    let several = ctx.waves > 1;
    match action {
        StepAction::Buy { plan, sku, quantity, reseller_mpn_id } => {
            let what = match sku {
                Some(sku) => format!("{plan}（{sku}）"),
                None => plan.clone(),
            };
            // No space after a full-width bracket, one after a Latin name.
            let licenses = match sku {
                Some(_) => format!("{what}授權"),
                None => format!("{what} 授權"),
            };
            let whom = if several { "為此梯次的使用者" } else { "" };
            let reseller = reseller_zh(reseller_mpn_id);
            match quantity {
                // The quantity to type stays without separators.
                Some(q) => format!(
                    "{whom}購買 {} 個 {licenses}：{pc}，選擇「新增訂閱」，從供應項目目錄中挑選此方案，輸入數量 {q}{reseller}，然後提交。",
                    num(*q)
                ),
                None => format!(
                    "為{}每位 Kaizala Pro 使用者購買 {what}（匯出檔未提供人數）：{pc}，選擇「新增訂閱」，從供應項目目錄中挑選此方案，以使用者人數作為數量{reseller}，然後提交。",
                    if several { "此梯次的" } else { "" }
                ),
            }
        }
        StepAction::RaiseQuantity { plan, subscription_id, seats_before, quantity, reseller_mpn_id, .. } => {
            let reseller = reseller_zh(reseller_mpn_id);
            let change = match (seats_before, quantity) {
                (Some(n), Some(q)) => format!(
                    "將數量從 {} 增加為 {}（多 {} 個授權）",
                    num(*n),
                    num(n.saturating_add(*q)),
                    num(*q)
                ),
                (None, Some(q)) => format!("將數量增加 {} 個授權", num(*q)),
                (_, None) => "依尚未涵蓋的 Kaizala Pro 使用者人數增加數量（匯出檔未提供人數）".to_string(),
            };
            format!(
                "客戶已有 {plan}，因此請在其訂閱 {subscription_id} 加購授權，不必購買新訂閱：{pc}，再選擇「訂閱」，開啟訂閱 {subscription_id}，{change}{reseller}，然後提交。"
            )
        }
        StepAction::AddSeats { plan, quantity, subscription_id, seats_before, reseller_mpn_id } => {
            let target = match subscription_id {
                Some(id) => format!("{plan} 的訂閱 {id}"),
                None => format!("先前梯次購買的 {plan} 訂閱"),
            };
            let reseller = reseller_zh(reseller_mpn_id);
            let change = match (seats_before, quantity) {
                (Some(n), Some(q)) => {
                    format!("將數量從 {} 增加為 {}", num(*n), num(n.saturating_add(*q)))
                }
                (None, Some(q)) => format!("將數量增加 {} 個授權", num(*q)),
                (_, None) => "依此梯次的 Kaizala Pro 使用者人數增加授權（匯出檔未提供人數）".to_string(),
            };
            let how_many = match quantity {
                Some(q) => format!(" {} 個", num(*q)),
                None => String::new(),
            };
            format!(
                "此梯次的使用者移轉前，先為{target}加購{how_many}授權：{pc}，再選擇「訂閱」，開啟該訂閱，{change}{reseller}，然後提交。"
            )
        }
        StepAction::NoPurchase { plan } if several => format!(
            "此梯次不必購買授權：依規劃的計算，客戶現有且包含 Kaizala 的方案（例如 {plan}）已涵蓋此梯次的使用者。移轉前，請{pc}，再選擇「使用者和授權」，確認此梯次的每位使用者都有其中一個方案。"
        ),
        StepAction::NoPurchase { plan } => format!(
            "不必購買：{plan} 已涵蓋所有 Kaizala Pro 授權。進行步驟 B 前，請{pc}，再選擇「使用者和授權」，確認每位 Kaizala Pro 使用者也都有 {plan}。"
        ),
        StepAction::MoveUsers { plan, stops_on, users: Some(users), .. } => {
            let by = match stops_on {
                Some(d) => format!("，並在 {}服務停止前完成", utc_midnight_zh(*d)),
                None => String::new(),
            };
            let need = users.iter().filter(|u| u.needs_license).count() as u64;
            let only_remove = users.len() as u64 - need;
            let whose = if several { "此梯次" } else { "" };
            format!(
                "將{whose}下列 {} 位使用者移轉到 {plan}{by}：{} 位需要 {plan} 授權（先指派，再移除 Kaizala Pro），{} 位已有包含 Kaizala 的方案（只要移除 Kaizala Pro）。大量處理：以客戶的委派系統管理員身分進入 Microsoft 365 系統管理中心，在「使用者」>「作用中的使用者」選取只有 Kaizala Pro 授權的使用者，點選「管理產品授權」>「取代」並勾選 {plan}；其他使用者請用「指派更多」加上 {plan}，再移除 Kaizala Pro。也可以執行此客戶的 PowerShell 指令碼。逐一處理：{pc}，再選擇「使用者和授權」>「管理授權」。",
                num(users.len() as u64),
                num(need),
                num(only_remove)
            )
        }
        StepAction::MoveUsers { plan, seats, subscription_ids, stops_on, .. } => {
            let by = match stops_on {
                Some(d) => format!("，並在 {}服務停止前完成", utc_midnight_zh(*d)),
                None => String::new(),
            };
            let how = format!(
                "{pc}，再選擇「使用者和授權」；逐一選取使用者並點選「管理授權」，取消勾選 Kaizala Pro，若尚未勾選 {plan} 請勾選，然後提交。"
            );
            if several {
                let who = match seats {
                    Some(n) => format!(" {} 位 Kaizala Pro 使用者", num(*n)),
                    None => "此梯次的 Kaizala Pro 使用者".to_string(),
                };
                let rest = if ctx.wave < ctx.waves {
                    "；其他使用者保留 Kaizala Pro，等各自的梯次再移轉"
                } else {
                    ""
                };
                format!(
                    "將{who}（人數等於訂閱 {} 的授權數）移轉到 {plan}{by}：{how}授權是依產品計算，不是依訂閱，因此任選這麼多位即可{rest}。",
                    ids(subscription_ids, "、")
                )
            } else {
                let who = match seats {
                    Some(n) => format!("每位 Kaizala Pro 使用者（共 {} 個授權）", num(*n)),
                    None => "每位 Kaizala Pro 使用者".to_string(),
                };
                format!("將{who}移轉到 {plan}{by}：{how}")
            }
        }
        StepAction::Suspend { subscription_id, offer, seats, expires_on, deprovisioned_by, if_renewed } => {
            let mut facts = vec![offer.to_string()];
            if let Some(n) = seats {
                facts.push(format!("{} 個授權", num(*n)));
            }
            match expires_on {
                Some(d) => facts.push(stop_zh(*d, *if_renewed)),
                None => facts.push("匯出檔沒有到期日".into()),
            }
            let whose = if several { "此梯次的" } else { "" };
            let mut s = format!(
                "{whose}使用者移轉完成後，暫停訂閱 {subscription_id}（{}）：{pc}，再選擇「訂閱」，開啟該訂閱，將狀態設為「已暫停」並提交。Microsoft 會在暫停後最多 120 天內自動取消佈建該訂閱",
                facts.join("，")
            );
            if let Some(d) = deprovisioned_by {
                s.push_str(&format!("（若在期限當天暫停，最晚於 {}）", date_zh_long(*d)));
            }
            s.push_str("，客戶也不會再為此訂閱付費。");
            s
        }
        StepAction::CheckEnded { subscription_id, offer, ended_on, if_renewed } => {
            let when = match ended_on {
                Some(d) => format!("已於 {}", utc_midnight_zh(*d)),
                None => "已".to_string(),
            };
            let mut s = format!(
                "訂閱 {subscription_id}（{offer}）{when}停止服務，不必暫停：{pc}，再選擇「訂閱」，確認它已不再有效。若其使用者仍需要 Kaizala，請立即為他們完成步驟 A 和 B。"
            );
            if let Some(r) = if_renewed {
                s.push_str(&format!(
                    "匯出檔未註明它是否已續訂：若已續訂，服務會持續到 {}，請在其使用者移轉後將它暫停。{RENEWAL_CHECK_ZH}",
                    utc_midnight_zh(*r)
                ));
            }
            s
        }
        StepAction::FindEndDate { subscription_id, offer } => format!(
            "匯出檔沒有訂閱 {subscription_id}（{offer}）的到期日：{pc}，再選擇「訂閱」，開啟該訂閱查看到期日（服務在當天 00:00 UTC，即台灣時間 08:00 停止）。請在那之前移轉其使用者，再將狀態設為「已暫停」並提交；Microsoft 會在暫停後最多 120 天內自動取消佈建該訂閱。"
        ),
    }
}
