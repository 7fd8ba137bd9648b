/*!
The checklist's wording: each step's title and what it asks for, in each
[`Lang`], with the Partner Center path to follow. The checklist decides
the steps and their dates (in [`crate::checklist`]); only the words are
here.
*/

use crate::checklist::step::StepAction;
use crate::i18n::{date, plural, tr, Lang};

/// A step's title in `lang`.
pub(crate) fn step_title(action: &StepAction, lang: Lang) -> String {
    let (en, zh) = match action {
        StepAction::Buy { .. } => ("Buy the new subscription", "購買新訂閱"),
        StepAction::NoPurchase { .. } => (
            "Check the plan the customer already has",
            "確認客戶現有的方案",
        ),
        StepAction::MoveUsers { .. } => ("Move each user's license", "移轉每位使用者的授權"),
        StepAction::Suspend { .. } => ("Suspend the old subscription", "暫停舊訂閱"),
        StepAction::CheckEnded { .. } => {
            ("Check the subscription that has ended", "確認已結束的訂閱")
        }
        StepAction::FindEndDate { .. } => ("Find the end date, then suspend", "查明到期日後暫停"),
    };
    tr(lang, en, zh).to_string()
}

/// What a step asks for, in `lang`, for the customer named `customer`.
pub(crate) fn step_text(action: &StepAction, lang: Lang, customer: &str) -> String {
    match lang {
        Lang::En => text_en(action, customer),
        Lang::ZhTw => text_zh(action, customer),
    }
}

fn text_en(action: &StepAction, customer: &str) -> String {
    let pc = format!("in Partner Center go to Customers and open {customer}");
    match action {
        StepAction::Buy { plan, sku, quantity } => {
            let what = match sku {
                Some(sku) => format!("{plan} ({sku})"),
                None => plan.clone(),
            };
            match quantity {
                Some(q) => format!(
                    "Buy {} of {what}: {pc}, choose Add subscriptions, pick the plan in the offer catalog, enter {q} as the quantity and submit.",
                    plural(*q, "license", "licenses")
                ),
                None => format!(
                    "Buy {what} for every Kaizala Pro user (the export does not say how many): {pc}, choose Add subscriptions, pick the plan in the offer catalog, enter the number of users and submit."
                ),
            }
        }
        StepAction::NoPurchase { plan } => format!(
            "No purchase needed: {plan} already covers every Kaizala Pro seat. Before step B, {pc}, then Users and licenses, and make sure each Kaizala Pro user also holds {plan}."
        ),
        StepAction::MoveUsers { plan, seats } => {
            let who = match seats {
                Some(n) => format!("each Kaizala Pro user ({})", plural(*n, "seat", "seats")),
                None => "each Kaizala Pro user".to_string(),
            };
            format!(
                "Move {who} to {plan}: {pc}, then Users and licenses; for each user choose Manage licenses, clear Kaizala Pro, tick {plan} if it is not ticked yet, and submit."
            )
        }
        StepAction::Suspend { subscription_id, offer, seats, expires_on, deprovisioned_by } => {
            let mut facts = vec![offer.to_string()];
            if let Some(n) = seats {
                facts.push(plural(*n, "seat", "seats"));
            }
            match expires_on {
                Some(d) => facts.push(format!("service stops at 00:00 UTC on {}", date(*d))),
                None => facts.push("end date not in the export".into()),
            }
            let mut s = format!(
                "Once its users are moved, suspend subscription {subscription_id} ({}): {pc}, then Subscriptions, open the subscription, set its status to Suspended and submit. Microsoft deletes its data automatically no more than 120 days after suspension",
                facts.join(", ")
            );
            if let Some(d) = deprovisioned_by {
                s.push_str(&format!(" (by {} if you suspend it on the due date)", date(*d)));
            }
            s.push_str(", and the customer is not charged for it any more.");
            s
        }
        StepAction::CheckEnded { subscription_id, offer, ended_on } => {
            let when = match ended_on {
                Some(d) => format!(" on {}", date(*d)),
                None => String::new(),
            };
            format!(
                "Subscription {subscription_id} ({offer}) already stopped serving users{when}, so there is nothing to suspend: {pc}, then Subscriptions, and check that it is no longer active. If its users still need Kaizala, do steps A and B for them now."
            )
        }
        StepAction::FindEndDate { subscription_id, offer } => format!(
            "The export has no end date for subscription {subscription_id} ({offer}): {pc}, then Subscriptions, and open it to see when it ends. Move its users before that day, then set its status to Suspended and submit; Microsoft deletes its data no more than 120 days after suspension."
        ),
    }
}

fn text_zh(action: &StepAction, customer: &str) -> String {
    let pc = format!("在合作夥伴中心進入「客戶」，開啟「{customer}」");
    match action {
        StepAction::Buy { plan, sku, quantity } => {
            let what = match sku {
                Some(sku) => format!("{plan}（{sku}）"),
                None => plan.clone(),
            };
            match quantity {
                Some(q) => format!(
                    "購買 {q} 個 {what} 授權：{pc}，選擇「新增訂閱」，從供應項目目錄中挑選此方案，輸入數量 {q} 後送出。"
                ),
                None => format!(
                    "為每位 Kaizala Pro 使用者購買 {what}（匯出檔未提供人數）：{pc}，選擇「新增訂閱」，從供應項目目錄中挑選此方案，輸入使用者人數後送出。"
                ),
            }
        }
        StepAction::NoPurchase { plan } => format!(
            "不需購買：{plan} 已涵蓋所有 Kaizala Pro 授權。進行步驟 B 前，請{pc}，再選擇「使用者和授權」，確認每位 Kaizala Pro 使用者也都持有 {plan}。"
        ),
        StepAction::MoveUsers { plan, seats } => {
            let who = match seats {
                Some(n) => format!("每位 Kaizala Pro 使用者（共 {n} 個授權）"),
                None => "每位 Kaizala Pro 使用者".to_string(),
            };
            format!(
                "將{who}移轉到 {plan}：{pc}，再選擇「使用者和授權」；逐一選取使用者並點選「管理授權」，取消勾選 Kaizala Pro，若尚未勾選 {plan} 請勾選，然後送出。"
            )
        }
        StepAction::Suspend { subscription_id, offer, seats, expires_on, deprovisioned_by } => {
            let mut facts = vec![offer.to_string()];
            if let Some(n) = seats {
                facts.push(format!("{n} 個授權"));
            }
            match expires_on {
                Some(d) => facts.push(format!("服務於 {} 00:00 UTC 停止", date(*d))),
                None => facts.push("匯出檔沒有到期日".into()),
            }
            let mut s = format!(
                "使用者移轉完成後，暫停訂閱 {subscription_id}（{}）：{pc}，再選擇「訂閱」，開啟該訂閱，將狀態設為「已暫停」並送出。暫停後最多 120 天，Microsoft 會自動刪除其資料",
                facts.join("，")
            );
            if let Some(d) = deprovisioned_by {
                s.push_str(&format!("（若於期限當天暫停，最晚在 {}）", date(*d)));
            }
            s.push_str("，客戶也不會再為此訂閱付費。");
            s
        }
        StepAction::CheckEnded { subscription_id, offer, ended_on } => {
            let when = match ended_on {
                Some(d) => format!("已於 {} ", date(*d)),
                None => "已".to_string(),
            };
            format!(
                "訂閱 {subscription_id}（{offer}）{when}停止服務，不需要暫停：{pc}，再選擇「訂閱」，確認它已不再有效。若其使用者仍需要 Kaizala，請立即為他們完成步驟 A 和 B。"
            )
        }
        StepAction::FindEndDate { subscription_id, offer } => format!(
            "匯出檔沒有訂閱 {subscription_id}（{offer}）的到期日：{pc}，再選擇「訂閱」，開啟該訂閱查看到期日。請在那天之前移轉其使用者，然後將狀態設為「已暫停」並送出；暫停後最多 120 天，Microsoft 會刪除其資料。"
        ),
    }
}
