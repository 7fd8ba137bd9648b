/*!
The first screen: choose a file, or try the bundled sample. Dropping a file
anywhere on the page is handled by the root component.
*/

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::web::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct UploadProps {
    pub lang: Lang,
    pub onfile: Callback<web_sys::File>,
    pub onsample: Callback<()>,
}

#[component(Upload)]
pub fn upload(props: &UploadProps) -> Html {
    let t = props.lang.texts();
    let onchange = {
        let onfile = props.onfile.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                onfile.emit(file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let onsample = {
        let onsample = props.onsample.clone();
        Callback::from(move |_: MouseEvent| onsample.emit(()))
    };
    html! {
        <section class="panel upload">
            <h2>{ t.upload_title }</h2>
            <p class="tagline">{ t.tagline }</p>
            <div class="dropzone">
                <label class="button primary file-button">
                    { t.choose_file }
                    <input id="file-input" class="visually-hidden" type="file"
                           accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
                           {onchange} />
                </label>
                <span class="drop-hint">{ t.drop_here }</span>
            </div>
            <p class="hint">{ t.upload_hint }</p>
            <button class="button secondary" id="try-sample" onclick={onsample}>{ t.try_sample }</button>
        </section>
    }
}
