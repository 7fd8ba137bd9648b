/*!
The overview of a plan: the import report, the plan's dates, the totals,
the timeline of seats ending, and the customer table.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::customer_table::CustomerTable;
use crate::components::import_report::ImportReportView;
use crate::components::settings_bar::SettingsBar;
use crate::components::timeline::Timeline;
use crate::components::totals::Totals;
use crate::i18n::Lang;
use crate::state::{Action, Workspace};

#[derive(Properties, PartialEq)]
pub(crate) struct OverviewProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
    /// The browser's date, for "Use today".
    pub(crate) today: chrono::NaiveDate,
    pub(crate) onaction: Callback<Action>,
}

#[component(Overview)]
pub(crate) fn overview(props: &OverviewProps) -> Html {
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
