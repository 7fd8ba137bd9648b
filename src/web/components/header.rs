/*!
The page header: product name, the privacy promise and the language switch.
*/

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::web::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub onlang: Callback<Lang>,
}

#[component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let t = props.lang.texts();
    let onchange = {
        let onlang = props.onlang.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
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
                    <h1 class="title">{ t.app_title }</h1>
                    <p class="privacy-badge">{ t.privacy }</p>
                </div>
            </div>
            <label class="lang no-print">
                <span>{ t.language }</span>
                <select {onchange} aria-label={t.language}>
                    <option value="en" selected={props.lang == Lang::En}>{ "English" }</option>
                    <option value="zh-TW" selected={props.lang == Lang::ZhTw}>{ "繁體中文" }</option>
                </select>
            </label>
        </header>
    }
}
