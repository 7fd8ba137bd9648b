/*!
The import report: what format was recognised and what became of every row.
*/

use yew::prelude::*;

use crate::import::ImportReport;
use crate::web::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    pub lang: Lang,
    pub report: ImportReport,
    pub subscriptions: usize,
}

#[component(ImportReportView)]
pub fn import_report_view(props: &ImportReportProps) -> Html {
    let t = props.lang.texts();
    let r = &props.report;
    let format = r.format.map(|f| format!("{f:?}")).unwrap_or_else(|| "—".into());
    let delimiter = match r.delimiter {
        '\t' => "Tab".to_string(),
        '\0' => "—".to_string(),
        c => c.to_string(),
    };
    html! {
        <div class="import-report">
            <h3>{ t.import_report }</h3>
            <dl class="facts">
                <div><dt>{ t.format }</dt><dd id="report-format">{ format }</dd></div>
                <div><dt>{ t.encoding }</dt><dd>{ &r.encoding }</dd></div>
                <div><dt>{ t.delimiter }</dt><dd>{ delimiter }</dd></div>
                <div><dt>{ t.rows_read }</dt><dd id="report-rows">{ r.rows_read }</dd></div>
                <div><dt>{ t.subscriptions }</dt><dd id="report-subscriptions">{ props.subscriptions }</dd></div>
                <div><dt>{ t.merged_rows }</dt><dd>{ r.rows_merged }</dd></div>
                if r.rows_as_customers > 0 {
                    <div><dt>{ t.customer_rows }</dt><dd>{ r.rows_as_customers }</dd></div>
                }
                <div><dt>{ t.rejected_rows }</dt><dd id="report-rejected">{ r.rejected.len() }</dd></div>
            </dl>
            if !r.rejected.is_empty() {
                <details class="rejected">
                    <summary>{ format!("{} ({})", t.rejected_rows, r.rejected.len()) }</summary>
                    <table>
                        <thead><tr><th scope="col">{ t.line }</th><th scope="col">{ t.reason }</th></tr></thead>
                        <tbody>
                            for row in r.rejected.iter() {
                                <tr><td>{ row.line }</td><td>{ &row.reason }</td></tr>
                            }
                        </tbody>
                    </table>
                </details>
            }
            if !r.notes.is_empty() {
                <div class="notes">
                    <h4>{ t.notes }</h4>
                    <ul>
                        for note in r.notes.iter() { <li>{ note }</li> }
                    </ul>
                </div>
            }
        </div>
    }
}
