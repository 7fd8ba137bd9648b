/*!
The root component: owns the reducer, wires side effects to actions, and
accepts a file dropped anywhere on the page.
*/

use yew::prelude::*;

use crate::web::components::{header::Header, import_report::ImportReportView, upload::Upload};
use crate::web::i18n::Lang;
use crate::web::io;
use crate::web::state::{Action, Phase, State};

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(io::browser_lang()));
    let dragging = use_state_eq(|| false);

    use_effect_with(state.lang, |lang| io::set_document_lang(*lang));

    let dispatcher = state.dispatcher();
    let onfile = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: web_sys::File| io::read_file(file, dispatcher.clone()))
    };
    let onsample = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| io::load_sample(dispatcher.clone()))
    };
    let onlang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |lang: Lang| dispatcher.dispatch(Action::SetLang(lang)))
    };
    let onstartover = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::StartOver))
    };

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child element fires too; only the page edge counts.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let onfile = onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0)) {
                onfile.emit(file);
            }
        })
    };

    let t = state.lang.texts();
    let body = match &state.phase {
        Phase::Start => html! {
            <Upload lang={state.lang} onfile={onfile.clone()} onsample={onsample.clone()} />
        },
        Phase::Reading { file_name } => html! {
            <section class="panel" aria-live="polite" aria-busy="true">
                <p class="status">{ format!("{} {file_name}…", t.reading) }</p>
                <progress class="progress" aria-label={t.reading}></progress>
            </section>
        },
        Phase::Failed { file_name, message } => html! {
            <section class="panel error" role="alert">
                <h2>{ t.could_not_read }</h2>
                <p class="file-name">{ file_name }</p>
                <p>{ message }</p>
                <button class="button" onclick={onstartover.clone()}>{ t.start_over }</button>
            </section>
        },
        Phase::NeedsMapping { file_name, request } => html! {
            <section class="panel" role="alert">
                <h2>{ t.needs_mapping }</h2>
                <p class="file-name">{ file_name }</p>
                <ImportReportView lang={state.lang} report={request.report.clone()} subscriptions={0} />
                <button class="button" onclick={onstartover.clone()}>{ t.start_over }</button>
            </section>
        },
        Phase::Imported { file_name, import } => html! {
            <>
                <section class="panel">
                    <div class="panel-head">
                        <h2 class="file-name">{ file_name }</h2>
                        <button class="button secondary no-print" onclick={onstartover.clone()}>{ t.start_over }</button>
                    </div>
                    <ImportReportView lang={state.lang} report={import.report.clone()} subscriptions={import.subscriptions.len()} />
                </section>
            </>
        },
    };

    html! {
        <div class={classes!("page", dragging.then_some("dragging"))}
             {ondragover} {ondragleave} {ondrop}>
            <Header lang={state.lang} {onlang} />
            <main id="main" class="main">{ body }</main>
            <footer class="footer no-print"><p>{ t.privacy }</p></footer>
        </div>
    }
}
