/*!
The overview of a plan: the import report, the plan's dates, totals per
category, the timeline of seats ending, and the customer table.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::customer_table::CustomerTable;
use crate::components::import_report::ImportReportView;
use crate::components::settings_bar::SettingsBar;
use crate::components::timeline::Timeline;
use crate::i18n::{number, tr, Lang};
use crate::state::{Action, Workspace};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub lang: Lang,
    pub workspace: Rc<Workspace>,
    /// The browser's date, for "Use today".
    pub today: chrono::NaiveDate,
    pub onaction: Callback<Action>,
}

#[component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let s = &w.plan.summary;
    html! {
        <div class="overview">
            <div class="two-col">
                <section class="panel">
                    <ImportReportView {lang} report={w.import.report.clone()} subscriptions={w.import.subscriptions.len()} />
                </section>
                <SettingsBar {lang} as_of={w.settings.as_of} cutoff={w.settings.cutoff} today={props.today}
                             customised={w.settings != w.default_settings} restored={w.settings_restored}
                             onaction={props.onaction.clone()} />
            </div>
            <Totals {lang} workspace={w.clone()} />
            <Timeline {lang} months={s.ending_by_month.clone()} as_of={w.settings.as_of} cutoff={w.settings.cutoff} />
            <CustomerTable {lang} workspace={w.clone()} onaction={props.onaction.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TotalsProps {
    pub lang: Lang,
    pub workspace: Rc<Workspace>,
}

/// Headline figures and the seats per category.
#[component(Totals)]
pub fn totals(props: &TotalsProps) -> Html {
    let lang = props.lang;
    let s = &props.workspace.plan.summary;
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
                { card("total-other", tr(lang, "Customers without Kaizala Pro", "沒有 Kaizala Pro 的客戶"), s.customers_without_kaizala) }
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
