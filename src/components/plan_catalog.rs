/*!
The plan catalog on a customer's page: every replacement plan and the
Kaizala plan it includes, one `CatalogRow` each.
*/

use yew::prelude::*;

use crate::components::catalog_row::CatalogRow;
use crate::i18n::{tr, Lang};
use kaizala_engine::catalog::PlanId;
use kaizala_engine::plan::CustomerPlan;

#[derive(Properties, PartialEq)]
pub(crate) struct PlanCatalogProps {
    pub(crate) lang: Lang,
    pub(crate) customer: CustomerPlan,
}

/// Every replacement plan and the Kaizala plan it includes, with the
/// recommended one and the alternatives marked.
#[component(PlanCatalog)]
pub(crate) fn plan_catalog(props: &PlanCatalogProps) -> Html {
    let lang = props.lang;
    let c = &props.customer;
    html! {
        <section class="panel catalog" aria-labelledby="catalog-title">
            <details>
                <summary id="catalog-title">{ tr(lang, "Alternatives: all replacement plans and the Kaizala they include", "其他選擇：所有替代方案及其內含的 Kaizala") }</summary>
                <div class="table-scroll">
                    <table id="catalog-table">
                        <thead>
                            <tr>
                                <th scope="col">{ tr(lang, "Plan", "方案") }</th>
                                <th scope="col">{ tr(lang, "SKU", "SKU") }</th>
                                <th scope="col">{ tr(lang, "Kaizala service plan", "Kaizala 服務方案") }</th>
                                <th scope="col">{ tr(lang, "Seat limit", "授權上限") }</th>
                                <th scope="col">{ tr(lang, "For this customer", "對這位客戶") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            for id in PlanId::ALL {
                                <CatalogRow {lang} {id} customer={c.clone()} />
                            }
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
