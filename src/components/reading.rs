/*!
The import under way: a progress bar and a Cancel button.
*/

use yew::prelude::*;

use crate::i18n::{tr, Lang};

#[derive(Properties, PartialEq)]
pub(crate) struct ReadingProps {
    pub(crate) lang: Lang,
    pub(crate) file_name: String,
    /// 0.0..=1.0 once known.
    pub(crate) done: Option<f64>,
    pub(crate) oncancel: Callback<()>,
}

#[component(ReadingView)]
pub(crate) fn reading_view(props: &ReadingProps) -> Html {
    let lang = props.lang;
    let oncancel = props.oncancel.reform(|_: MouseEvent| ());
    let percent = props.done.map(|d| (d * 100.0).round() as u32);
    html! {
        <section class="panel reading" aria-busy="true">
            <h2>{ tr(lang, "Reading your export", "正在讀取匯出檔") }</h2>
            <p class="file-name">{ &props.file_name }</p>
            <progress id="import-progress" class="progress" max="100"
                      value={percent.map(|p| p.to_string())}
                      aria-label={tr(lang, "Import progress", "匯入進度")}></progress>
            <p class="status" aria-live="polite">{
                match percent {
                    Some(p) => format!("{p}%"),
                    None => tr(lang, "Starting…", "準備中…").to_string(),
                }
            }</p>
            <button class="button secondary" id="cancel-import" onclick={oncancel}>{ tr(lang, "Cancel", "取消") }</button>
        </section>
    }
}
