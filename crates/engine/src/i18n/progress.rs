/*!
The words for progress: what changed in a ticked step's facts since it was
ticked ([`FactChange`]), in each [`Lang`], and the short note the exports
put beside such a step.
*/

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::checklist::FactChange;
use crate::i18n::workspace::status_word_of;
use crate::i18n::{date_text, num, Lang, Render, Text};

macro_rules! owned {
    ($($arg:tt)*) => {
        Cow::Owned(format!($($arg)*))
    };
}

fn day(d: Option<NaiveDate>, lang: Lang) -> String {
    match (d, lang) {
        (Some(d), _) => date_text(d, lang),
        (None, Lang::En) => "unknown".to_string(),
        (None, Lang::ZhTw) => "不明".to_string(),
    }
}

fn count(n: Option<u32>, lang: Lang) -> String {
    match (n, lang) {
        (Some(n), _) => num(n),
        (None, Lang::En) => "unknown".to_string(),
        (None, Lang::ZhTw) => "不明".to_string(),
    }
}

fn name(p: &Option<String>, lang: Lang) -> String {
    match (p, lang) {
        (Some(p), _) => p.clone(),
        (None, Lang::En) => "none".to_string(),
        (None, Lang::ZhTw) => "無".to_string(),
    }
}

impl Render for FactChange {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (
                FactChange::EndMoved {
                    subscription,
                    from,
                    to,
                },
                Lang::En,
            ) => owned!(
                "Subscription {subscription} now ends on {}, no longer on {}.",
                day(*to, lang),
                day(*from, lang)
            ),
            (
                FactChange::EndMoved {
                    subscription,
                    from,
                    to,
                },
                Lang::ZhTw,
            ) => owned!(
                "訂閱 {subscription} 的到期日已由 {} 改為 {}。",
                day(*from, lang),
                day(*to, lang)
            ),
            (
                FactChange::SeatsChanged {
                    subscription,
                    from,
                    to,
                },
                Lang::En,
            ) => owned!(
                "Subscription {subscription} now has {} seats, where it had {}.",
                count(*to, lang),
                count(*from, lang)
            ),
            (
                FactChange::SeatsChanged {
                    subscription,
                    from,
                    to,
                },
                Lang::ZhTw,
            ) => owned!(
                "訂閱 {subscription} 的授權數已由 {} 改為 {}。",
                count(*from, lang),
                count(*to, lang)
            ),
            (
                FactChange::StatusChanged {
                    subscription,
                    from,
                    to,
                },
                Lang::En,
            ) => owned!("Subscription {subscription} is now {to}, where it was {from}."),
            (
                FactChange::StatusChanged {
                    subscription,
                    from,
                    to,
                },
                Lang::ZhTw,
            ) => owned!(
                "訂閱 {subscription} 的狀態已由「{}」改為「{}」。",
                status_word_of(from, lang),
                status_word_of(to, lang)
            ),
            (FactChange::PlanChanged { from, to }, Lang::En) => owned!(
                "The plan to buy is now {}, where it was {}.",
                name(to, lang),
                name(from, lang)
            ),
            (FactChange::PlanChanged { from, to }, Lang::ZhTw) => owned!(
                "要購買的方案已由「{}」改為「{}」。",
                name(from, lang),
                name(to, lang)
            ),
            (FactChange::QuantityChanged { from, to }, Lang::En) => owned!(
                "The licenses to buy are now {}, where they were {}.",
                count(*to, lang),
                count(*from, lang)
            ),
            (FactChange::QuantityChanged { from, to }, Lang::ZhTw) => owned!(
                "要購買的授權數已由 {} 改為 {}。",
                count(*from, lang),
                count(*to, lang)
            ),
            (FactChange::Joined { subscription }, Lang::En) => {
                owned!("Subscription {subscription} has joined this step.")
            }
            (FactChange::Joined { subscription }, Lang::ZhTw) => {
                owned!("訂閱 {subscription} 已併入此步驟。")
            }
            (FactChange::Left { subscription }, Lang::En) => {
                owned!("Subscription {subscription} is no longer part of this step.")
            }
            (FactChange::Left { subscription }, Lang::ZhTw) => {
                owned!("訂閱 {subscription} 已不屬於此步驟。")
            }
        }
    }
}

/// What is said beside a done step whose facts changed since it was
/// ticked: the changes, in a few words; empty when nothing changed.
pub(crate) fn changed_suffix(changes: &[FactChange], lang: Lang) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let said: Vec<Text> = changes.iter().map(|c| c.render(lang)).collect();
    match lang {
        Lang::En => format!(" (changed since ticked: {})", said.join(" ")),
        Lang::ZhTw => format!("（勾選後有變動：{}）", said.join("")),
    }
}
