/*!
A customer's Kaizala Pro subscriptions with their dates and what happens to
each: shown to the partner and, read-only, to the customer.
*/

use yew::prelude::*;

use crate::i18n::{number, opt_date, tr, Lang};
use crate::view_model::labels::{auto_renew_label, end_date_label, status_label};
use kaizala_engine::plan::CustomerPlan;

#[derive(Properties, PartialEq)]
pub(crate) struct SubscriptionTableProps {
    pub(crate) lang: Lang,
    pub(crate) customer: CustomerPlan,
}

#[component(SubscriptionTable)]
pub(crate) fn subscription_table(props: &SubscriptionTableProps) -> Html {
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
                                    <div>{ s.friendly_name.as_deref().unwrap_or(&s.offer) }
                                        if s.trial { { " " }<span class="badge trial">{ tr(lang, "trial", "試用") }</span> }
                                    </div>
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
