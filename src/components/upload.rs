/*!
The first screen: choose a file, or try the bundled sample. Dropping a file
anywhere on the page, or pasting CSV text, is handled by the root component.
*/

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{tr, Lang};

#[derive(Properties, PartialEq)]
pub struct UploadProps {
    pub lang: Lang,
    pub onfile: Callback<web_sys::File>,
    pub onsample: Callback<()>,
}

/// A file input's `change`: the file chosen goes to `onfile` (the upload
/// screen's picker and the workspace's *Add a file…* both use it).
pub(crate) fn file_chosen(onfile: Callback<web_sys::File>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            onfile.emit(file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    })
}

#[component(Upload)]
pub fn upload(props: &UploadProps) -> Html {
    let lang = props.lang;
    let onchange = file_chosen(props.onfile.clone());
    let onsample = {
        let onsample = props.onsample.clone();
        Callback::from(move |_: MouseEvent| onsample.emit(()))
    };
    html! {
        <section class="panel upload" aria-labelledby="upload-title">
            <h2 id="upload-title">{ tr(lang, "Start with your subscription export", "從您的訂閱匯出檔開始") }</h2>
            <p class="tagline">{ tr(lang,
                "Find every Kaizala Pro subscription that ends, pick its Microsoft 365 replacement, and work through the move customer by customer.",
                "找出每個即將到期的 Kaizala Pro 訂閱，選定 Microsoft 365 替代方案，再逐一客戶完成移轉。") }</p>
            <div class="dropzone">
                <label class="button primary file-button" for="file-input">
                    { tr(lang, "Choose a file", "選擇檔案") }
                </label>
                <input id="file-input" class="visually-hidden" type="file"
                       accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
                       aria-label={tr(lang, "Subscription export file", "訂閱匯出檔")}
                       {onchange} />
                <span class="drop-hint">{ tr(lang, "or drop it anywhere on this page, or paste the CSV text (Ctrl+V)", "或將檔案拖放到此頁任何位置，也可以直接貼上 CSV 文字（Ctrl+V）") }</span>
            </div>
            <p class="hint">{ tr(lang,
                "Partner Center, PowerShell and API exports, license-based reconciliation files, and Excel re-saves of any of them (.csv, .txt, .tsv).",
                "支援合作夥伴中心、PowerShell 與 API 匯出檔、授權型對帳檔，以及用 Excel 另存的版本（.csv、.txt、.tsv）。") }</p>
            <button class="button secondary" id="try-sample" onclick={onsample}>{ tr(lang, "Try with sample data", "使用範例資料試用") }</button>
        </section>
    }
}
