/*!
The root component: owns the reducer, turns the phase into a screen, runs
the side effects that follow state (language, saving progress, a share
link in the address), and accepts a file dropped or pasted anywhere on the
page.
*/

use yew::prelude::*;

use crate::components::{
    customer_view::CustomerView, header::Header, mapping::MappingView, overview::Overview,
    print_area::PrintArea, reading::ReadingView, shared_view::SharedView, toolbar::Toolbar,
    upload::Upload,
};
use crate::i18n::tr;
use crate::io;
use crate::state::route::Route;
use crate::state::{Action, Phase, State, StoredWorkspace, View};
use crate::storage::{self, StorageHealth};

#[component(App)]
pub(crate) fn app() -> Html {
    // The partner's details are the browser's, read once at start.
    let state = use_reducer(|| State {
        partner: storage::load_partner(),
        ..State::new(io::initial_lang(), io::today())
    });
    let dragging = use_state_eq(|| false);
    let dispatcher = state.dispatcher();

    // A share link opens the read-only customer view; a view's address
    // (a reload, a link copied from another tab) opens that view once
    // there is a workspace. Back, Forward and a fragment pasted into the
    // address come back the same way.
    {
        let dispatcher = dispatcher.clone();
        let opening = dispatcher.clone();
        use_effect_with((), move |_| {
            let follow = move |_fragment: String| {
                if let Some(shared) = io::shared_from_location() {
                    dispatcher.dispatch(Action::OpenShared(shared));
                } else if let Some(route) = io::location_route() {
                    dispatcher.dispatch(Action::Navigate(route));
                }
            };
            // A share link is decoded once: it opens alone, without the
            // kept workspace.
            match io::shared_from_location() {
                Some(shared) => opening.dispatch(Action::OpenShared(shared)),
                None => {
                    io::reopen(opening.clone());
                    if let Some(route) = io::location_route() {
                        opening.dispatch(Action::Navigate(route));
                    }
                }
            }
            let listeners = io::listen_history(follow);
            move || drop(listeners)
        });
    }
    // The address follows the view: a new history entry for a new view,
    // the same entry rewritten for a new search, filter, sort or page.
    {
        let route = state.workspace().map(|w| Route {
            view: w.view.clone(),
            table: w.table.clone(),
        });
        let written = use_mut_ref(|| None::<View>);
        use_effect_with(route, move |route| {
            if let Some(route) = route {
                let mut last = written.borrow_mut();
                let push = last.as_ref().is_some_and(|v| *v != route.view);
                io::set_fragment(&route.to_fragment(), push);
                if last.as_ref() != Some(&route.view) {
                    io::focus_view_heading();
                }
                *last = Some(route.view.clone());
            } else {
                *written.borrow_mut() = None;
            }
        });
    }
    // The page's language, title and description follow the chosen
    // language (index.html holds the English ones for a page without
    // scripts); screen readers, tabs and bookmarks read them.
    use_effect_with(state.lang, |lang| {
        let lang = *lang;
        io::set_document_lang(
            lang,
            tr(lang, "Kaizala Migration Planner", "Kaizala 移轉規劃工具"),
            tr(
                lang,
                "Plan the move of Kaizala Pro standalone subscriptions to Microsoft 365 or Office 365, customer by customer. Runs entirely in your browser.",
                "逐一為客戶規劃，將 Kaizala Pro 獨立版訂閱移轉到 Microsoft 365 或 Office 365。完全在您的瀏覽器中執行。",
            ),
        )
    });

    // The workspace is kept in this browser whenever its files, dates,
    // choices or progress change; a refusal is shown, never fatal.
    {
        let dispatcher = dispatcher.clone();
        let today = state.today;
        let key = state.workspace().map(|w| {
            let files: Vec<String> = w.sources.iter().map(|s| s.fingerprint.clone()).collect();
            (files, w.revision)
        });
        // The workspace's `Rc`, not a copy of it: this runs on every render.
        let workspace = match &state.phase {
            Phase::Ready(w) => Some(w.clone()),
            _ => None,
        };
        use_effect_with(key, move |key| {
            if let (Some(_), Some(w)) = (key, workspace) {
                let record = StoredWorkspace::of(&w, today).to_json();
                let files = w
                    .sources
                    .iter()
                    .map(|s| (s.fingerprint.clone(), s.bytes.clone()))
                    .collect();
                io::keep_workspace(record, files, move |health| {
                    dispatcher.dispatch(Action::Storage(health))
                });
            }
        });
    }

    let onaction = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |action: Action| {
            if let Action::SetLang(lang) = &action {
                io::remember_lang(*lang);
            }
            dispatcher.dispatch(action)
        })
    };
    let onfile = {
        let dispatcher = dispatcher.clone();
        let defaults = state.plan_defaults();
        let into = state.open_workspace();
        Callback::from(move |file: web_sys::File| {
            io::read_file(file, defaults, into.clone(), dispatcher.clone())
        })
    };
    let onsample = {
        let dispatcher = dispatcher.clone();
        let defaults = state.plan_defaults();
        let into = state.open_workspace();
        Callback::from(move |_| io::load_sample(defaults, into.clone(), dispatcher.clone()))
    };
    let onlang = onaction.reform(Action::SetLang);
    let onpartner = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |partner: kaizala_engine::handout::Partner| {
            storage::save_partner(&partner.tidy());
            dispatcher.dispatch(Action::SetPartner(partner))
        })
    };
    let oncancel = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| {
            io::cancel_import();
            dispatcher.dispatch(Action::CancelRead)
        })
    };

    let onforget = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| {
            io::cancel_import();
            io::clear_location_hash();
            // The screen empties at once; storage is cleared behind it (after
            // any save already under way, which must not bring it back).
            dispatcher.dispatch(Action::Forget);
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let health = io::forget_workspace().await;
                dispatcher.dispatch(Action::Storage(health));
            });
        })
    };

    let accepts_files = matches!(
        state.phase,
        Phase::Start | Phase::Failed { .. } | Phase::Ready(_) | Phase::Mapping(_)
    );
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if accepts_files {
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Moving onto a child element fires too; only leaving the page counts.
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
            if !accepts_files {
                return;
            }
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0))
            {
                onfile.emit(file);
            }
        })
    };
    // Pasting CSV text (Ctrl+V) on the first screen imports it; pasting into
    // a field of the app stays a normal paste.
    {
        let dispatcher = dispatcher.clone();
        let on_start = matches!(state.phase, Phase::Start | Phase::Failed { .. });
        use_effect_with(
            (on_start, state.plan_defaults()),
            move |(on_start, defaults)| {
                let defaults = *defaults;
                let listener = on_start.then(|| {
                    let options = gloo::events::EventListenerOptions::enable_prevent_default();
                    gloo::events::EventListener::new_with_options(
                        &gloo::utils::document(),
                        "paste",
                        options,
                        move |e| {
                            let Some(e) =
                                wasm_bindgen::JsCast::dyn_ref::<web_sys::ClipboardEvent>(e)
                            else {
                                return;
                            };
                            let in_field = e
                                .target()
                                .and_then(|t| {
                                    wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()
                                })
                                .map(|el| {
                                    matches!(
                                        el.tag_name().as_str(),
                                        "INPUT" | "TEXTAREA" | "SELECT"
                                    )
                                })
                                .unwrap_or(false);
                            if in_field {
                                return;
                            }
                            if let Some(text) =
                                e.clipboard_data().and_then(|d| d.get_data("text").ok())
                            {
                                if !text.trim().is_empty() {
                                    e.prevent_default();
                                    // Only on the first screen: no workspace to join.
                                    io::read_pasted(text, defaults, None, dispatcher.clone());
                                }
                            }
                        },
                    )
                });
                move || drop(listener)
            },
        );
    }

    let lang = state.lang;
    let body = match &state.phase {
        Phase::Start => html! {
            <Upload {lang} onfile={onfile.clone()} onsample={onsample.clone()} />
        },
        Phase::Reading { file_name, done } => html! {
            <ReadingView {lang} file_name={file_name.clone()} done={*done} oncancel={oncancel.clone()} />
        },
        Phase::Failed { file_name, message } => html! {
            <>
                <section class="panel error" role="alert">
                    <h2>{ tr(lang, "This file could not be read", "無法讀取這個檔案") }</h2>
                    <p class="file-name">{ file_name }</p>
                    <p class="message">{ message }</p>
                    if state.held.is_some() {
                        <button class="button" id="back-to-workspace" onclick={oncancel.reform(|_: MouseEvent| ())}>{ tr(lang, "Back to your workspace", "回到您的工作區") }</button>
                    }
                </section>
                <Upload {lang} onfile={onfile.clone()} onsample={onsample.clone()} />
            </>
        },
        Phase::Mapping(step) => {
            let step = step.clone();
            let onapply = {
                let dispatcher = dispatcher.clone();
                let step = step.clone();
                let defaults = state.plan_defaults();
                let into = state.open_workspace();
                Callback::from(move |options| {
                    io::reimport(
                        step.file_name.clone(),
                        step.bytes.clone(),
                        options,
                        defaults,
                        into.clone(),
                        dispatcher.clone(),
                    )
                })
            };
            html! { <MappingView {lang} {step} {onapply} oncancel={oncancel.clone()} /> }
        }
        Phase::Ready(workspace) => {
            let main = match &workspace.view {
                View::Overview => html! {
                    <Overview {lang} workspace={workspace.clone()} today={state.today} partner={state.partner.clone()} onaction={onaction.clone()} onfile={onfile.clone()} />
                },
                View::Customer(key) => html! {
                    <CustomerView {lang} workspace={workspace.clone()} customer={key.clone()} partner={state.partner.clone()} onaction={onaction.clone()} onfile={onfile.clone()} />
                },
            };
            html! {
                <div class={classes!("workspace", workspace.print_prepared.then_some("print-prepared"))}>
                    <Toolbar {lang} workspace={workspace.clone()} storage={state.storage} partner={state.partner.clone()} onaction={onaction.clone()} onstartover={onforget.clone()} />
                    <div class="screen-only">{ main }</div>
                    if workspace.print_prepared {
                        <PrintArea {lang} workspace={workspace.clone()} partner={state.partner.clone()} onaction={onaction.clone()} />
                    }
                </div>
            }
        }
        Phase::Shared(shared) => html! { <SharedView {lang} shared={shared.clone()} /> },
        Phase::SharedFailed { message } => {
            let onleave = {
                let dispatcher = dispatcher.clone();
                Callback::from(move |_: MouseEvent| {
                    io::clear_location_hash();
                    dispatcher.dispatch(Action::StartOver)
                })
            };
            html! {
                <section class="panel error" role="alert">
                    <h2>{ tr(lang, "This shared plan could not be opened", "無法開啟這份分享的規劃") }</h2>
                    <p class="message">{ message }</p>
                    <button class="button" onclick={onleave}>{ tr(lang, "Open the planner", "開啟規劃工具") }</button>
                </section>
            }
        }
    };

    let footer = match state.storage {
        StorageHealth::Saving => tr(lang, "Your files are read in this browser and never uploaded. The workspace, with its ticks and notes, is kept in this browser only.", "檔案只在這個瀏覽器中讀取，絕不會上傳。工作區及其勾選與備註只保存在這個瀏覽器。"),
        _ => tr(lang, "Your files are read in this browser and never uploaded.", "檔案只在這個瀏覽器中讀取，絕不會上傳。"),
    };
    let shared = matches!(state.phase, Phase::Shared(_));
    html! {
        <div class={classes!("page", dragging.then_some("dragging"), shared.then_some("shared"))}
             {ondragover} {ondragleave} {ondrop}>
            <a class="skip-link" href="#main">{ tr(lang, "Skip to content", "跳至主要內容") }</a>
            <Header {lang} {onlang} partner={state.partner.clone()} onpartner={(!shared).then_some(onpartner)} />
            <main id="main" class="main" tabindex="-1">{ body }</main>
            <footer class="footer no-print"><p>{ footer }</p></footer>
        </div>
    }
}
