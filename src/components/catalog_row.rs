/*!
One replacement plan in the catalog, for one customer: its SKU and Kaizala
plan, and whether it is the recommendation or why it is an alternative.
*/

use yew::prelude::*;

use crate::i18n::{number, tr, Lang};
use kaizala_engine::catalog::PlanId;
use kaizala_engine::plan::CustomerPlan;

#[derive(Properties, PartialEq)]
pub(crate) struct CatalogRowProps {
    pub(crate) lang: Lang,
    pub(crate) id: PlanId,
    pub(crate) customer: CustomerPlan,
}

#[component(CatalogRow)]
pub(crate) fn catalog_row(props: &CatalogRowProps) -> Html {
    let lang = props.lang;
    let p = props.id.plan();
    let c = &props.customer;
    let recommended = c.recommendation.plan_id == Some(props.id);
    let why = c
        .alternatives
        .iter()
        .find(|a| a.plan_id == props.id)
        .map(|a| a.why.text.clone());
    let kaizala = match p.kaizala {
        Some(k) => html! { <code>{ k.name() }</code> },
        None if p.includes_kaizala() => {
            html! { <>{ tr(lang, "none listed in the SKU table (the service description includes Kaizala)", "SKU 表未列出（服務說明列為內含 Kaizala）") }</> }
        }
        None => {
            html! { <>{ tr(lang, "none (device license; pair it with Office 365 A1)", "無（裝置授權；請搭配 Office 365 A1）") }</> }
        }
    };
    html! {
        <tr class={classes!(recommended.then_some("recommended"))}>
            <th scope="row">{ p.name }</th>
            <td><code>{ p.sku }</code></td>
            <td>{ kaizala }</td>
            <td>{ p.seat_cap.map(|n| number(u64::from(n))).unwrap_or_else(|| tr(lang, "no limit", "無上限").into()) }</td>
            <td>
                if recommended { <strong>{ tr(lang, "Recommended", "建議") }</strong> }
                else if let Some(why) = why { { why } }
            </td>
        </tr>
    }
}
