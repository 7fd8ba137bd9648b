/*!
The page header: product name, the privacy promise, the partner's own
details (not on a customer's shared view) and the language switch.
*/

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::partner_settings::PartnerSettings;
use crate::i18n::{tr, Lang};
use kaizala_engine::handout::Partner;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub onlang: Callback<Lang>,
    /// The partner's details as saved.
    pub partner: Partner,
    /// Saves the partner's details; `None` hides them (a customer's view).
    pub onpartner: Option<Callback<Partner>>,
}

#[component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let onlang = props.onlang.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::parse(&select.value()) {
                onlang.emit(lang);
            }
        })
    };
    html! {
        <header class="header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                    <rect width="32" height="32" rx="7" />
                    <path d="M9 16.5l4.5 4.5L23 11" />
                </svg>
                <div>
                    <h1 class="title">{ tr(lang, "Kaizala Migration Planner", "Kaizala 移轉規劃工具") }</h1>
                    <p class="privacy-badge">{ tr(lang, "Runs in your browser. Nothing is uploaded.", "在您的瀏覽器中執行，不會上傳任何資料。") }</p>
                </div>
            </div>
            <div class="header-tools">
            if let Some(onsave) = props.onpartner.clone() {
                <PartnerSettings {lang} partner={props.partner.clone()} {onsave} />
            }
            <label class="lang no-print">
                <span>{ tr(lang, "Language", "語言") }</span>
                <select {onchange}>
                    <option value="en" lang="en" selected={lang == Lang::En}>{ "English" }</option>
                    <option value="zh-TW" lang="zh-TW" selected={lang == Lang::ZhTw}>{ "繁體中文" }</option>
                </select>
            </label>
            </div>
        </header>
    }
}
