/*!
The parts of a customer's plan shown both to the partner and, read-only, to
the customer: the recommendation with its reason and caveats, and the
Kaizala Pro subscriptions with their dates.
*/

use yew::prelude::*;

use crate::i18n::{date, number, opt_date, tr, Lang};
use kaizala_engine::model::{AutoRenew, EndDate, Status};
use kaizala_engine::plan::{CustomerPlan, Family};

/// A recommendation family's name for a person.
pub fn family_label(lang: Lang, f: Family) -> &'static str {
    match f {
        Family::Existing => tr(lang, "A plan the customer already has", "客戶現有的方案"),
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

#[derive(Properties, PartialEq)]
pub struct PlanDetailsProps {
    pub lang: Lang,
    pub customer: CustomerPlan,
}

#[component(RecommendationCard)]
pub fn recommendation_card(props: &PlanDetailsProps) -> Html {
    let lang = props.lang;
    let r = &props.customer.recommendation;
    html! {
        <section class="panel recommendation" aria-labelledby="rec-title">
            <p class="eyebrow">{ tr(lang, "Recommended replacement", "建議的替代方案") }{ " · " }{ family_label(lang, r.family) }</p>
            <h3 id="rec-title" class="rec-plan">{ &*r.plan }</h3>
            <p class="rec-ids">
                if let Some(sku) = &r.sku { <code>{ &**sku }</code> }
                if let Some(guid) = &r.guid { { " " }<code class="guid">{ &**guid }</code> }
                if let Some(k) = r.kaizala_plan { { " · " }{ tr(lang, "includes ", "內含 ") }<code>{ k.name() }</code> }
            </p>
            <p class="rec-reason" id="rec-reason">{ &*r.reason }</p>
            if let Some(q) = r.quantity {
                <p class="rec-quantity">{ tr(lang, "Licenses to buy: ", "需購買授權數：") }<strong id="rec-quantity">{ number(u64::from(q)) }</strong></p>
            }
            if !r.caveats.is_empty() {
                <ul class="caveats">
                    for c in r.caveats.iter() { <li class="caveat">{ &*c.text }</li> }
                </ul>
            }
            if !r.assumptions.is_empty() {
                <ul class="assumptions">
                    for a in r.assumptions.iter() { <li>{ &*a.text }</li> }
                </ul>
            }
        </section>
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

fn auto_renew_label(lang: Lang, a: AutoRenew) -> &'static str {
    match a {
        AutoRenew::On => tr(lang, "on", "開啟"),
        AutoRenew::Off => tr(lang, "off", "關閉"),
        AutoRenew::Unknown => tr(lang, "not in the export", "匯出檔未提供"),
    }
}

fn end_date_label(lang: Lang, e: EndDate) -> String {
    match e {
        EndDate::On(d) => date(lang, d),
        EndDate::Never => tr(lang, "does not expire", "不會到期").to_string(),
        EndDate::Unknown => tr(lang, "not in the export", "匯出檔未提供").to_string(),
    }
}

#[component(SubscriptionTable)]
pub fn subscription_table(props: &PlanDetailsProps) -> Html {
    let lang = props.lang;
    let c = &props.customer;
    html! {
        <section class="panel subscriptions" aria-labelledby="subs-title">
            <h3 id="subs-title">{ tr(lang, "Kaizala Pro subscriptions", "Kaizala Pro 訂閱") }</h3>
            <div class="table-scroll">
                <table id="subscription-table">
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "Subscription", "訂閱") }</th>
                            <th scope="col" class="num">{ tr(lang, "Seats", "授權數") }</th>
                            <th scope="col">{ tr(lang, "Status", "狀態") }</th>
                            <th scope="col">{ tr(lang, "Auto-renew", "自動續訂") }</th>
                            <th scope="col">{ tr(lang, "End date", "到期日") }</th>
                            <th scope="col">{ tr(lang, "What happens", "情況") }</th>
                            <th scope="col">{ tr(lang, "Service stops", "服務停止") }</th>
                            <th scope="col">{ tr(lang, "Migrate by", "移轉期限") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for s in c.subscriptions.iter() {
                            <tr>
                                <th scope="row">
                                    <div>{ s.friendly_name.as_deref().unwrap_or(&s.offer) }</div>
                                    <div class="sub"><code>{ &s.id }</code></div>
                                    for n in s.notes.iter() { <div class="sub note">{ &*n.text }</div> }
                                </th>
                                <td class="num">{ s.seats.map(|n| number(u64::from(n))).unwrap_or_else(|| "—".into()) }</td>
                                <td>{ status_label(lang, s.status) }</td>
                                <td>{ auto_renew_label(lang, s.auto_renew) }</td>
                                <td>{ end_date_label(lang, s.end_date) }</td>
                                <td><span class={classes!("badge", format!("category-{}", s.category.as_str()))}>{ s.category.label(lang) }</span></td>
                                <td>{ opt_date(lang, s.expires_on) }</td>
                                <td>{ opt_date(lang, s.migrate_by) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
