/*!
The overview of a plan: the import report, the plan's dates, the totals,
the timeline of seats ending, and the customer table (the totals and the
timeline of one reseller when the table is filtered to one). When every
end date in the file has passed by the as-of date, a notice above it all
asks whether the file is an older export and offers the latest as-of date
the file supports, instead of showing everything as ended.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::customer_table::CustomerTable;
use crate::components::import_report::ImportReportView;
use crate::components::settings_bar::SettingsBar;
use crate::components::timeline::Timeline;
use crate::components::totals::Totals;
use crate::components::workspace_panel::WorkspacePanel;
use crate::i18n::{date, tr, Lang};
use crate::state::{Action, Workspace};
use crate::view_model::paper::output_plan;

#[derive(Properties, PartialEq)]
pub(crate) struct OverviewProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
    /// The browser's date, for "Use today".
    pub(crate) today: chrono::NaiveDate,
    pub(crate) partner: kaizala_engine::handout::Partner,
    pub(crate) onaction: Callback<Action>,
    /// A file chosen to join the workspace.
    pub(crate) onfile: Callback<web_sys::File>,
}

#[component(Overview)]
pub(crate) fn overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let plan = output_plan(w);
    let older = w.plan.older_export().map(|latest| {
        let onuse = props.onaction.reform(move |_: MouseEvent| Action::SetAsOf(latest));
        html! {
            <section class="panel notice older-export" id="older-export" role="status">
                <p>
                    <strong>{ tr(lang, "Is this an older export? ", "這是較舊的匯出檔嗎？") }</strong>
                    { match lang {
                        Lang::En => format!("Planned as of {}, every subscription in the file has already ended. The file supports planning as of {} at the latest, the day before its first subscription still in service ends.", date(lang, w.plan.as_of), date(lang, latest)),
                        Lang::ZhTw => format!("以 {} 為規劃基準日時，檔案中的所有訂閱都已結束。這個檔案最晚可用 {} 作為規劃基準日，也就是仍在服務中的第一個訂閱到期的前一天。", date(lang, w.plan.as_of), date(lang, latest)),
                    } }
                </p>
                <button class="button primary small" id="use-latest-as-of" onclick={onuse}>
                    { format!("{}{}", tr(lang, "Plan as of ", "改以此日規劃："), date(lang, latest)) }
                </button>
            </section>
        }
    });
    html! {
        <div class="overview">
            <WorkspacePanel {lang} workspace={w.clone()} today={props.today} partner={props.partner.clone()}
                            onaction={props.onaction.clone()} onfile={props.onfile.clone()} />
            { older }
            <div class="two-col">
                <section class="panel import-reports">
                    { for w.sources.iter().map(|s| html! {
                        <div key={s.fingerprint.clone()} class="import-report-of">
                            if w.sources.len() > 1 {
                                <p class="file-name">{ &s.name }</p>
                            }
                            <ImportReportView {lang} report={s.import.report.clone()} subscriptions={s.import.subscriptions.len()} />
                        </div>
                    }) }
                </section>
                <SettingsBar {lang} as_of={w.settings.as_of} cutoff={w.settings.cutoff} today={props.today}
                             customised={w.settings != w.default_settings} restored={w.settings_restored}
                             onaction={props.onaction.clone()} />
            </div>
            <Totals {lang} plan={plan.clone()} one_reseller={w.table.reseller.is_some()} />
            <Timeline {lang} months={plan.summary.ending_by_month.clone()} as_of={w.settings.as_of} cutoff={w.settings.cutoff} later=true />
            <CustomerTable {lang} workspace={w.clone()} onaction={props.onaction.clone()} />
        </div>
    }
}
