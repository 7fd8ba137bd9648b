/*!
The app's side effects, kept at the edge: reading a chosen file, fetching
the bundled sample, the browser's language. Each ends by dispatching an
`Action`; none of them decides anything.
*/

use gloo::file::{futures::read_as_bytes, File};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::UseReducerDispatcher;

use crate::import::{import, ImportOptions};
use crate::web::i18n::Lang;
use crate::web::state::{Action, State};

/// The bundled synthetic export behind "Try with sample data".
pub const SAMPLE_URL: &str = "sample-export.csv";
pub const SAMPLE_NAME: &str = "sample-export.csv";

/// Reads a user's file and imports it.
pub fn read_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    let file = File::from(file);
    let file_name = file.name();
    dispatch.dispatch(Action::Reading { file_name: file_name.clone() });
    spawn_local(async move {
        match read_as_bytes(&file).await {
            Ok(bytes) => import_bytes(file_name, bytes, &dispatch),
            Err(e) => dispatch.dispatch(Action::ReadFailed { file_name, message: e.to_string() }),
        }
    });
}

/// Fetches the bundled sample from this site (never elsewhere) and imports it.
pub fn load_sample(dispatch: UseReducerDispatcher<State>) {
    let file_name = SAMPLE_NAME.to_string();
    dispatch.dispatch(Action::Reading { file_name: file_name.clone() });
    spawn_local(async move {
        match fetch_bytes(SAMPLE_URL).await {
            Ok(bytes) => import_bytes(file_name, bytes, &dispatch),
            Err(message) => dispatch.dispatch(Action::ReadFailed { file_name, message }),
        }
    });
}

fn import_bytes(file_name: String, bytes: Vec<u8>, dispatch: &UseReducerDispatcher<State>) {
    let options = ImportOptions { file_name: Some(file_name.clone()), ..Default::default() };
    let outcome = import(&bytes, &options);
    dispatch.dispatch(Action::Imported { file_name, outcome });
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("could not load {url}"))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| format!("could not load {url}"))?;
    if !response.ok() {
        return Err(format!("could not load {url} (HTTP {})", response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| format!("could not load {url}"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| format!("could not load {url}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first language of the browser's preferences that the app speaks.
pub fn browser_lang() -> Lang {
    let navigator = gloo::utils::window().navigator();
    let mut tags: Vec<String> =
        navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if let Some(l) = navigator.language() {
        tags.push(l);
    }
    tags.iter().find_map(|t| Lang::from_tag(t)).unwrap_or(Lang::En)
}

/// Keeps `<html lang>` in step with the chosen language, for screen readers
/// and for the browser's font choice.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
