/*!
The per-customer A/B/C migration checklist.

One checklist covers all of a customer's Kaizala Pro subscriptions:

- **A** buy the recommended plan (or, when a plan the customer already has
  covers everyone, check it instead),
- **B** move each Kaizala Pro user's license to it,
- **C** suspend each old subscription, one step per subscription (`C`, or
  `C1`, `C2`, ... when there are several), each with its own date.

# Due dates

Every due date is on or before the `migrate_by` it serves, never after:

- A is due [`BUY_LEAD_DAYS`] (14) days before the earliest `migrate_by` of
  the subscriptions still running (of the ended ones if none is): a
  purchase may wait for the customer's approval, and the new licenses must
  be active before anyone can be moved;
- B is due [`MOVE_LEAD_DAYS`] (7) days before it: a week to move users in
  batches and to check that each one can sign in to Kaizala with the new
  license while the old one still works;
- each C step is due on its subscription's own `migrate_by`, the last day
  that subscription serves users (its end date is exclusive).

When the lead time no longer fits (the as-of date is already past
`migrate_by − 14`), a step is due on the as-of date itself, but still not
after `migrate_by`; when `migrate_by` has passed, steps are due on it and
show as overdue. Subscriptions whose end date is unknown get a C step
without a date that says how to find it.

C also gives the date by which Microsoft deprovisions the suspended
subscription's data: at most [`DEPROVISION_DAYS`] (120) days after
suspension, counted from C's due date.
*/

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::{date, plural, tr, Lang};
use crate::model::SharedText;
use crate::plan::{Category, Family, KaizalaSubscription, Recommendation};

/// Days before the earliest `migrate_by` that the purchase (A) is due.
pub const BUY_LEAD_DAYS: u64 = 14;
/// Days before the earliest `migrate_by` that moving users (B) is due.
pub const MOVE_LEAD_DAYS: u64 = 7;
/// Days after suspension by which Microsoft deprovisions the data, at most.
pub const DEPROVISION_DAYS: u64 = 120;

/// A customer's migration checklist, in the order to do it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub steps: Vec<Step>,
}

/// One step of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// `A`, `B`, `C`, or `C1`, `C2`, ... for several subscriptions.
    pub step: String,
    /// Short title in the plan's language.
    pub title: String,
    /// What to do and where, in the plan's language.
    pub text: String,
    /// Do it by this date (`None` when no date is known).
    pub due: Option<NaiveDate>,
    /// The step as data.
    pub action: StepAction,
}

/// What a step asks for, as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum StepAction {
    /// A: buy `quantity` licenses of the plan (`None`: as many as users).
    Buy {
        plan: String,
        sku: Option<String>,
        quantity: Option<u32>,
    },
    /// A, when a plan the customer has already covers every seat.
    NoPurchase { plan: String },
    /// B: move the users of `seats` Kaizala Pro seats to the plan.
    MoveUsers { plan: String, seats: Option<u32> },
    /// C: suspend a subscription.
    Suspend {
        subscription_id: SharedText,
        offer: SharedText,
        seats: Option<u32>,
        /// The day the service stops (00:00 UTC).
        expires_on: Option<NaiveDate>,
        /// At most 120 days after suspending on the due date.
        deprovisioned_by: Option<NaiveDate>,
    },
    /// C, for a subscription that has already ended.
    CheckEnded {
        subscription_id: SharedText,
        offer: SharedText,
        ended_on: Option<NaiveDate>,
    },
    /// C, for a subscription without a known end date.
    FindEndDate {
        subscription_id: SharedText,
        offer: SharedText,
    },
}

impl StepAction {
    /// The step's title in `lang`.
    pub fn title(&self, lang: Lang) -> String {
        let (en, zh) = match self {
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
            StepAction::FindEndDate { .. } => {
                ("Find the end date, then suspend", "查明到期日後暫停")
            }
        };
        tr(lang, en, zh).to_string()
    }

    /// What to do, in `lang`, for the customer named `customer`.
    pub fn text(&self, lang: Lang, customer: &str) -> String {
        match lang {
            Lang::En => self.text_en(customer),
            Lang::ZhTw => self.text_zh(customer),
        }
    }

    fn text_en(&self, customer: &str) -> String {
        let pc = format!("in Partner Center go to Customers and open {customer}");
        match self {
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

    fn text_zh(&self, customer: &str) -> String {
        let pc = format!("在合作夥伴中心進入「客戶」，開啟「{customer}」");
        match self {
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
}

impl Step {
    fn new(
        step: String,
        action: StepAction,
        due: Option<NaiveDate>,
        lang: Lang,
        customer: &str,
    ) -> Step {
        Step {
            step,
            title: action.title(lang),
            text: action.text(lang, customer),
            due,
            action,
        }
    }
}

/// `deadline − lead`, but not before `as_of` unless the deadline itself is,
/// and never after the deadline.
fn due_before(deadline: NaiveDate, lead: u64, as_of: NaiveDate) -> NaiveDate {
    let early = deadline
        .checked_sub_days(Days::new(lead))
        .unwrap_or(deadline);
    early.max(as_of.min(deadline))
}

/// The subscriptions that get a C step: all but the inactive ones.
fn live(subscriptions: &[KaizalaSubscription]) -> impl Iterator<Item = &KaizalaSubscription> {
    subscriptions
        .iter()
        .filter(|s| s.category != Category::Inactive)
}

/// The step ids [`build`] gives, in order, without building the steps:
/// none when every subscription is inactive, else `A`, `B` and one `C`
/// (or `C1`, `C2`, ... when there are several).
pub(crate) fn step_ids(subscriptions: &[KaizalaSubscription]) -> Vec<String> {
    let n = live(subscriptions).count();
    if n == 0 {
        return Vec::new();
    }
    let mut ids = vec!["A".to_string(), "B".to_string()];
    ids.extend((1..=n).map(|i| c_id(i, n)));
    ids
}

fn c_id(i: usize, of: usize) -> String {
    if of > 1 {
        format!("C{i}")
    } else {
        "C".to_string()
    }
}

/// Builds a customer's checklist. `subscriptions` are its Kaizala Pro
/// subscriptions in plan order; inactive ones need no step and are left
/// out. `kaizala_seats` is the seat count of the others, if known.
pub(crate) fn build(
    customer: &str,
    rec: &Recommendation,
    subscriptions: &[KaizalaSubscription],
    kaizala_seats: Option<u32>,
    as_of: NaiveDate,
    lang: Lang,
) -> Checklist {
    let live: Vec<&KaizalaSubscription> = live(subscriptions).collect();
    if live.is_empty() {
        return Checklist::default();
    }
    let (_, earliest) = crate::plan::customer_urgency(subscriptions);
    let mut steps = Vec::new();

    let buy = match rec.quantity {
        Some(0) if rec.family == Family::Existing => StepAction::NoPurchase {
            plan: rec.plan.to_string(),
        },
        quantity => StepAction::Buy {
            plan: rec.plan.to_string(),
            sku: rec.sku.as_deref().map(str::to_string),
            quantity,
        },
    };
    let due_a = earliest.map(|d| due_before(d, BUY_LEAD_DAYS, as_of));
    steps.push(Step::new("A".into(), buy, due_a, lang, customer));

    let due_b = earliest.map(|d| due_before(d, MOVE_LEAD_DAYS, as_of));
    let mv = StepAction::MoveUsers {
        plan: rec.plan.to_string(),
        seats: kaizala_seats,
    };
    steps.push(Step::new("B".into(), mv, due_b, lang, customer));

    for (i, s) in live.iter().enumerate() {
        let id = c_id(i + 1, live.len());
        let (action, due) = match (s.category, s.migrate_by) {
            (Category::AlreadyEnded, _) => (
                StepAction::CheckEnded {
                    subscription_id: s.id.clone(),
                    offer: s.offer.clone(),
                    ended_on: s.expires_on,
                },
                None,
            ),
            (_, Some(mb)) => {
                let due = due_before(mb, 0, as_of);
                (
                    StepAction::Suspend {
                        subscription_id: s.id.clone(),
                        offer: s.offer.clone(),
                        seats: s.seats,
                        expires_on: s.expires_on,
                        deprovisioned_by: due.checked_add_days(Days::new(DEPROVISION_DAYS)),
                    },
                    Some(due),
                )
            }
            (_, None) => (
                StepAction::FindEndDate {
                    subscription_id: s.id.clone(),
                    offer: s.offer.clone(),
                },
                None,
            ),
        };
        steps.push(Step::new(id, action, due, lang, customer));
    }
    Checklist { steps }
}
