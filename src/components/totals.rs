/*!
A plan's headline figures and its subscriptions and seats per category, on
the overview and on the printed overview: of the whole plan, or of one
reseller's part when the table is filtered to one (then the customers
without Kaizala Pro, which are not known per reseller, are left out).
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{number, tr, Lang};
use kaizala_engine::plan::Plan;

#[derive(Properties, PartialEq)]
pub(crate) struct TotalsProps {
    pub(crate) lang: Lang,
    pub(crate) plan: Rc<Plan>,
    /// One reseller's part of the plan.
    #[prop_or_default]
    pub(crate) one_reseller: bool,
}

/// Headline figures and the seats per category.
#[component(Totals)]
pub(crate) fn totals(props: &TotalsProps) -> Html {
    let lang = props.lang;
    let s = &props.plan.summary;
    let card = |id: &'static str, label: &'static str, value: u64| {
        html! { <div class="card"><dt>{ label }</dt><dd {id}>{ number(value) }</dd></div> }
    };
    html! {
        <section class="panel totals" aria-labelledby="totals-title">
            <h3 id="totals-title">{ tr(lang, "At a glance", "概況") }</h3>
            <dl class="cards">
                { card("total-customers", tr(lang, "Customers with Kaizala Pro", "擁有 Kaizala Pro 的客戶"), s.customers_with_kaizala) }
                { card("total-subscriptions", tr(lang, "Kaizala Pro subscriptions", "Kaizala Pro 訂閱"), s.kaizala_subscriptions) }
                { card("total-seats", tr(lang, "Kaizala Pro seats", "Kaizala Pro 授權數"), s.kaizala_seats) }
                if !props.one_reseller {
                    { card("total-other", tr(lang, "Customers without Kaizala Pro", "沒有 Kaizala Pro 的客戶"), s.customers_without_kaizala) }
                }
            </dl>
            <div class="table-scroll">
                <table id="category-table">
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "What happens to the subscription", "訂閱的情況") }</th>
                            <th scope="col" class="num">{ tr(lang, "Subscriptions", "訂閱數") }</th>
                            <th scope="col" class="num">{ tr(lang, "Seats", "授權數") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for t in s.by_category.iter() {
                            <tr class={classes!(format!("category-{}", t.category.as_str()), (t.subscriptions == 0).then_some("zero"))}>
                                <th scope="row">{ t.category.label(lang) }</th>
                                <td class="num">{ number(t.subscriptions) }</td>
                                <td class="num">{ number(t.seats) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
