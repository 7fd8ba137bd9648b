/*!
The bar above a plan: the file, downloads of the whole plan (or of the
reseller the table is filtered to, with the partner and the steps done),
printing (on a customer's page, that customer alone), resetting ticks and
notes, forgetting the workspace, and a notice when it cannot be kept.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::io;
use crate::state::{Action, PrintMode, View, Workspace};
use crate::storage::StorageHealth;
use crate::view_model::paper::{output_file_name, output_plan};
use kaizala_engine::export::{render_with, ExportFormat, Extras};
use kaizala_engine::handout::Partner;

#[derive(Properties, PartialEq)]
pub(crate) struct ToolbarProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
    pub(crate) storage: StorageHealth,
    /// Who prepared the plan, in the downloads people read.
    #[prop_or_default]
    pub(crate) partner: Partner,
    pub(crate) onaction: Callback<Action>,
    pub(crate) onstartover: Callback<()>,
}

#[component(Toolbar)]
pub(crate) fn toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let confirm_reset = use_state_eq(|| false);

    let download = |format: ExportFormat, label: &'static str| {
        let w = w.clone();
        let partner = props.partner.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            // Made on click: a reseller's part of the plan is a copy.
            let plan = output_plan(&w);
            let extras = Extras {
                partner: Some(&partner),
                progress: Some(&w.progress),
            };
            let bytes = render_with(&plan, format, lang, extras);
            io::download(&output_file_name(&w, format), format.mime(), &bytes);
        });
        let id = format!("download-{}", format.extension());
        html! { <button class="button small" {id} {onclick}>{ label }</button> }
    };
    let print = |mode: PrintMode, label: &'static str, id: &'static str| {
        let onaction = props.onaction.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            onaction.emit(Action::SetPrintMode(mode));
            io::print_soon();
        });
        html! { <button class="button small" {id} {onclick}>{ label }</button> }
    };
    let onoverview = props
        .onaction
        .reform(|_: MouseEvent| Action::Open(View::Overview));
    let confirm_forget = use_state_eq(|| false);
    let onforget = {
        let confirm_forget = confirm_forget.clone();
        Callback::from(move |_: MouseEvent| confirm_forget.set(true))
    };
    let onforget_yes = {
        let confirm_forget = confirm_forget.clone();
        let onstartover = props.onstartover.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_forget.set(false);
            onstartover.emit(());
        })
    };
    let onforget_no = {
        let confirm_forget = confirm_forget.clone();
        Callback::from(move |_: MouseEvent| confirm_forget.set(false))
    };
    let onreset = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(true))
    };
    let onreset_yes = {
        let confirm_reset = confirm_reset.clone();
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| {
            onaction.emit(Action::ResetProgress);
            confirm_reset.set(false);
        })
    };
    let onreset_no = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(false))
    };

    let notice = match props.storage {
        StorageHealth::Saving => None,
        StorageHealth::Unavailable => Some(tr(lang,
            "This browser does not let the planner store anything, so this workspace and its ticks and notes are not being saved: they will be gone when you close or reload the page. Save the workspace file, or download the plan, to keep your progress.",
            "這個瀏覽器不允許儲存資料，工作區、勾選與備註都不會保留，關閉或重新整理頁面就會消失。若要保留進度，請儲存工作區檔案或下載規劃。")),
        StorageHealth::Full => Some(tr(lang,
            "The browser's storage is full, so this workspace and its ticks and notes are not being saved. Free some space, or save the workspace file, to keep your progress.",
            "瀏覽器的儲存空間已滿，工作區、勾選與備註都無法保存。若要保留進度，請釋出空間或儲存工作區檔案。")),
        StorageHealth::Corrupted => Some(tr(lang,
            "The workspace kept in this browser could not be read, so the planner starts empty. What you open now is kept again from now on.",
            "這個瀏覽器保存的工作區無法讀取，所以規劃工具從空白開始；接下來開啟的內容會照常保存。")),
    };

    html! {
        <>
            <nav class="toolbar no-print" aria-label={tr(lang, "Plan actions", "規劃操作")}>
                <div class="toolbar-file">
                    if matches!(w.view, View::Customer(_)) {
                        <button class="button small" id="back-to-overview" onclick={onoverview}>{ tr(lang, "← All customers", "← 所有客戶") }</button>
                    }
                    <span class="file-name" title={w.file_name()}>{ w.file_name() }</span>
                </div>
                <div class="toolbar-group" role="group" aria-label={tr(lang, "Download the whole plan", "下載完整規劃")}>
                    <span class="toolbar-label">{ tr(lang, "Download", "下載") }</span>
                    { download(ExportFormat::Json, "JSON") }
                    { download(ExportFormat::Csv, "CSV") }
                    { download(ExportFormat::Markdown, "Markdown") }
                    { download(ExportFormat::Ics, tr(lang, "Calendar (.ics)", "行事曆（.ics）")) }
                </div>
                <div class="toolbar-group" role="group" aria-label={tr(lang, "Print", "列印")}>
                    if matches!(w.view, View::Customer(_)) {
                        { print(PrintMode::Customer, tr(lang, "Print this customer", "列印這位客戶"), "print-customer") }
                    } else {
                        { print(PrintMode::Checklists, tr(lang, "Print checklists", "列印檢查清單"), "print-checklists") }
                        { print(PrintMode::Overview, tr(lang, "Print overview", "列印總覽"), "print-overview") }
                    }
                </div>
                <div class="toolbar-group">
                    <button class="button small" id="reset-progress" onclick={onreset}>{ tr(lang, "Reset ticks and notes", "清除勾選與備註") }</button>
                    <button class="button small" id="start-over" onclick={onforget}>{ tr(lang, "Forget this workspace", "清除這個工作區") }</button>
                </div>
            </nav>
            if *confirm_reset {
                <div class="panel confirm no-print" role="alertdialog" aria-labelledby="reset-q">
                    <p id="reset-q">{ tr(lang, "Clear every tick and every note of every customer in this workspace? The notes are deleted too. This cannot be undone.", "要清除這個工作區中所有客戶的勾選與備註嗎？備註也會一併刪除，且無法復原。") }</p>
                    <button class="button danger" id="reset-yes" onclick={onreset_yes}>{ tr(lang, "Clear ticks and notes", "清除勾選與備註") }</button>
                    <button class="button" onclick={onreset_no}>{ tr(lang, "Keep them", "保留") }</button>
                </div>
            }
            if *confirm_forget {
                <div class="panel confirm no-print" role="alertdialog" aria-labelledby="forget-q">
                    <p id="forget-q">{ tr(lang, "Forget this workspace? Its files, dates, choices, ticks and notes are removed from this browser, and the planner starts empty. Save the workspace file first to keep a copy. This cannot be undone.", "要清除這個工作區嗎？它的檔案、日期、選擇、勾選與備註都會從這個瀏覽器移除，規劃工具將從空白開始。若要保留副本，請先儲存工作區檔案。此動作無法復原。") }</p>
                    <button class="button danger" id="forget-yes" onclick={onforget_yes}>{ tr(lang, "Forget the workspace", "清除工作區") }</button>
                    <button class="button" onclick={onforget_no}>{ tr(lang, "Keep it", "保留") }</button>
                </div>
            }
            if let Some(text) = notice {
                <div class="panel notice storage-notice no-print" role="status" id="storage-notice">{ text }</div>
            }
        </>
    }
}
