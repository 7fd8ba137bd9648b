/*!
A customer's Kaizala Pro subscriptions with their dates and what happens to
each: shown to the partner and, read-only, to the customer.
*/

use yew::prelude::*;

use crate::i18n::{number, opt_table_date, tr, Lang};
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
    // Each column's name, also on its cells (data-label) for the cards a
    // phone shows instead of the table (app.css).
    let l_seats = tr(lang, "Seats", "授權數");
    let l_status = tr(lang, "Status", "狀態");
    let l_renew = tr(lang, "Auto-renew", "自動續訂");
    let l_end = tr(lang, "End date", "到期日");
    let l_happens = tr(lang, "What happens", "情況");
    let l_stops = tr(lang, "Service stops", "服務停止");
    let l_migrate_by = tr(lang, "Migrate by", "移轉期限");
    html! {
        <section class="panel subscriptions" aria-labelledby="subs-title">
            <h3 id="subs-title">{ tr(lang, "Kaizala Pro subscriptions", "Kaizala Pro 訂閱") }</h3>
            <div class="table-scroll">
                <table id="subscription-table">
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "Subscription", "訂閱") }</th>
                            <th scope="col" class="num">{ l_seats }</th>
                            <th scope="col">{ l_status }</th>
                            <th scope="col">{ l_renew }</th>
                            <th scope="col">{ l_end }</th>
                            <th scope="col">{ l_happens }</th>
                            <th scope="col">{ l_stops }</th>
                            <th scope="col">{ l_migrate_by }</th>
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
                                <td data-label={l_seats} class="num">{ s.seats.map(|n| number(u64::from(n))).unwrap_or_else(|| "—".into()) }</td>
                                <td data-label={l_status}>{ status_label(lang, s.status) }</td>
                                <td data-label={l_renew}>{ auto_renew_label(lang, s.auto_renew) }</td>
                                <td data-label={l_end}>{ end_date_label(lang, s.end_date) }</td>
                                <td data-label={l_happens}><span class={classes!("badge", format!("category-{}", s.category.as_str()))}>{ s.category.label(lang) }</span></td>
                                <td data-label={l_stops}>{ opt_table_date(lang, s.expires_on) }</td>
                                <td data-label={l_migrate_by}>{ opt_table_date(lang, s.migrate_by) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
