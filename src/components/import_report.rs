/*!
The import report: what format was recognised and what became of every row.
*/

use yew::prelude::*;

use crate::i18n::{number, tr, Lang};
use kaizala_engine::i18n::{delimiter_name, encoding_name, format_name, Render};
use kaizala_engine::import::ImportReport;

#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    pub lang: Lang,
    pub report: ImportReport,
    pub subscriptions: usize,
}

#[component(ImportReportView)]
pub fn import_report_view(props: &ImportReportProps) -> Html {
    let lang = props.lang;
    let r = &props.report;
    let format = r
        .format
        .map(|f| format_name(f, lang).to_string())
        .unwrap_or_else(|| "—".into());
    let delimiter = delimiter_name(r.delimiter, lang);
    let rejected_summary = match lang {
        Lang::En => format!(
            "Show the rejected rows and why ({})",
            number(r.rejected.len() as u64)
        ),
        Lang::ZhTw => format!(
            "顯示未匯入的列及原因（{}）",
            number(r.rejected.len() as u64)
        ),
    };
    html! {
        <div class="import-report">
            <h3>{ tr(lang, "Import report", "匯入報告") }</h3>
            <dl class="facts">
                <div><dt>{ tr(lang, "Format", "格式") }</dt><dd id="report-format">{ format }</dd></div>
                <div><dt>{ tr(lang, "Encoding", "編碼") }</dt><dd>{ encoding_name(&r.encoding, lang) }</dd></div>
                <div><dt>{ tr(lang, "Delimiter", "分隔符號") }</dt><dd>{ delimiter }</dd></div>
                <div><dt>{ tr(lang, "Rows read", "讀取列數") }</dt><dd id="report-rows">{ number(r.rows_read) }</dd></div>
                <div><dt>{ tr(lang, "Subscriptions", "訂閱") }</dt><dd id="report-subscriptions">{ number(props.subscriptions as u64) }</dd></div>
                <div><dt>{ tr(lang, "Rows merged into one", "合併的列") }</dt><dd>{ number(r.rows_merged) }</dd></div>
                if r.rows_as_customers > 0 {
                    <div><dt>{ tr(lang, "Customer rows", "客戶資料列") }</dt><dd>{ number(r.rows_as_customers) }</dd></div>
                }
                <div class={classes!((!r.rejected.is_empty()).then_some("bad"))}>
                    <dt>{ tr(lang, "Rejected rows", "未匯入的列") }</dt><dd id="report-rejected">{ number(r.rejected.len() as u64) }</dd>
                </div>
            </dl>
            if !r.rejected.is_empty() {
                <details class="rejected">
                    <summary>{ rejected_summary }</summary>
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col" class="num">{ tr(lang, "Line", "行") }</th>
                                <th scope="col">{ tr(lang, "Customer", "客戶") }</th>
                                <th scope="col">{ tr(lang, "Subscription ID", "訂閱識別碼") }</th>
                                <th scope="col">{ tr(lang, "Reason", "原因") }</th>
                            </tr></thead>
                            <tbody>
                                // A file can reject thousands of rows; the first 500 are listed.
                                for row in r.rejected.iter().take(500) {
                                    <tr>
                                        <td class="num">{ row.line }</td>
                                        <td class="rejected-customer">{ row.customer.as_deref().unwrap_or("—") }</td>
                                        <td class="rejected-subscription"><code>{ row.subscription_id.as_deref().unwrap_or("—") }</code></td>
                                        <td>{ row.render(lang) }</td>
                                    </tr>
                                }
                            </tbody>
                        </table>
                    </div>
                    if r.rejected.len() > 500 {
                        <p class="hint">{ format!("{} {}", number(r.rejected.len() as u64 - 500), tr(lang, "more rows are in the JSON download.", "列未列出，請見 JSON 下載檔。")) }</p>
                    }
                </details>
            }
            if !r.notes.is_empty() {
                <div class="notes">
                    <h4>{ tr(lang, "Notes", "說明") }</h4>
                    <ul>
                        for note in r.notes.iter() { <li>{ note.render(lang) }</li> }
                    </ul>
                </div>
            }
        </div>
    }
}
