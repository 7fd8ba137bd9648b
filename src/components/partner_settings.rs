/*!
The partner's own details, entered once: their name and how customers
reach them. A small panel that opens from the header; what is saved goes
on shared links, printed checklists and the customer's page, and is kept
in this browser only.
*/

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use kaizala_engine::handout::Partner;

#[derive(Properties, PartialEq)]
pub struct PartnerSettingsProps {
    pub lang: Lang,
    /// What is saved now.
    pub partner: Partner,
    /// Called with the details to keep when the partner saves.
    pub onsave: Callback<Partner>,
}

#[component(PartnerSettings)]
pub fn partner_settings(props: &PartnerSettingsProps) -> Html {
    let lang = props.lang;
    let draft = use_state_eq(|| props.partner.clone());
    let saved = use_state_eq(|| false);
    // A partner restored or saved elsewhere replaces the draft.
    {
        let draft = draft.clone();
        use_effect_with(props.partner.clone(), move |p| draft.set(p.clone()));
    }
    let field = |set: fn(&mut Partner, String)| {
        let draft = draft.clone();
        let saved = saved.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            set(&mut next, input.value());
            draft.set(next);
            saved.set(false);
        })
    };
    let onname = field(|p, v| p.name = v);
    let oncontact = field(|p, v| p.contact = v);
    let onsubmit = {
        let draft = draft.clone();
        let saved = saved.clone();
        let onsave = props.onsave.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            onsave.emit(draft.tidy());
            saved.set(true);
        })
    };
    let name = props.partner.tidy().name;
    html! {
        <details class="partner-settings no-print" id="partner-settings">
            <summary id="partner-settings-toggle" title={tr(lang, "Your name and contact, as customers see them", "客戶看到的名稱與聯絡方式")}>
                { tr(lang, "Your details", "您的資料") }
                if !name.is_empty() { <span class="partner-name">{ " · " }{ name }</span> }
            </summary>
            <form class="partner-form" {onsubmit}>
                <p class="hint">{ tr(lang,
                    "Shown as \"Prepared by\" on shared links, printed checklists and the customer's page. Kept in this browser only.",
                    "會以「製作：」顯示在分享連結、列印的檢查清單和客戶頁面上，只保存在這個瀏覽器。") }</p>
                <label for="partner-name">{ tr(lang, "Your name or company", "您的名稱或公司") }</label>
                <input id="partner-name" type="text" autocomplete="organization" maxlength="200"
                       value={draft.name.clone()} oninput={onname} />
                <label for="partner-contact">{ tr(lang, "How customers reach you (e-mail, phone)", "客戶聯絡您的方式（電子郵件、電話）") }</label>
                <input id="partner-contact" type="text" autocomplete="email" maxlength="200"
                       value={draft.contact.clone()} oninput={oncontact} />
                <div class="actions">
                    <button class="button primary" type="submit" id="partner-save">{ tr(lang, "Save", "儲存") }</button>
                    if *saved { <span class="saved" role="status">{ tr(lang, "Saved in this browser.", "已儲存在這個瀏覽器。") }</span> }
                </div>
            </form>
        </details>
    }
}
