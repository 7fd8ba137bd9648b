/*!
Calls into the browser beyond files and storage: the page's clock and its
User Timing marks, Big5 decoding, the service worker, today's date and the
preferred language, `<html lang>`, downloads, printing (and the end of a
print), the reader's time zone, the share link in the address, and the
clipboard. None of them decides anything.
*/

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{lang_from_browser_tag, Lang};
use crate::state::SharedPlan;
use crate::storage;
use crate::view_model::paper::LocalTime;
use kaizala_engine::share;

/// Marks the end of an import's phase on the page's timeline (User
/// Timing: DevTools shows it, and `tests/bench/browser.mjs` reports the
/// phases from it).
pub(super) fn mark(phase: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(phase);
    }
}

/// The browser's own words for why a call failed, when it gave any.
pub(super) fn error_reason(e: &wasm_bindgen::JsValue) -> Option<String> {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
}

/// A User Timing mark with one number in its `detail`.
pub(super) fn mark_with(phase: &str, key: &str, value: f64) {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &key.into(), &value.into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"detail".into(), &detail);
    if let Ok(mark) = js_sys::Reflect::get(&p, &"mark".into()) {
        let mark: js_sys::Function = mark.unchecked_into();
        let _ = mark.call2(&p, &phase.into(), &options);
    }
}

/// Milliseconds on the page's clock.
pub(super) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Big5 through the browser's own decoder (strict: `None` on any byte that
/// is not Big5), so the wasm carries no encoding tables.
pub(super) fn browser_big5(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("big5", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Registers the service worker that lets the app open offline after the
/// first visit. Failure (a browser without service workers, a file://
/// page) only means no offline copy.
pub(crate) fn register_service_worker() {
    let navigator = gloo::utils::window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("sw.js");
    }
}

/// Today in the browser's time zone: the default as-of date.
pub(crate) fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The language to start in: the one chosen before, else the first of the
/// browser's preferences that the app speaks, else English.
pub(crate) fn initial_lang() -> Lang {
    if let Some(lang) = storage::load_pref("lang").and_then(|t| Lang::parse(&t)) {
        return lang;
    }
    let navigator = gloo::utils::window().navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if let Some(l) = navigator.language() {
        tags.push(l);
    }
    tags.iter()
        .find_map(|t| lang_from_browser_tag(t))
        .unwrap_or(Lang::En)
}

pub(crate) fn remember_lang(lang: Lang) {
    storage::save_pref("lang", lang.tag());
}

/// Keeps `<html lang>` in step with the chosen language, for screen readers
/// and for the browser's font choice.
pub(crate) fn set_document_lang(lang: Lang, title: &str, description: &str) {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// Offers `bytes` as a download named `name`. The file is made in the page
/// (a blob URL), never fetched.
pub(crate) fn download(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.set_class_name("visually-hidden");
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Let the download start before the URL is released.
    let url2 = url.clone();
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
}

/// Opens the browser's print dialog once the print layout has rendered.
pub(crate) fn print_soon() {
    gloo::timers::callback::Timeout::new(50, || {
        let _ = gloo::utils::window().print();
    })
    .forget();
}

/// Calls `f` each time the browser has finished (or cancelled) a print,
/// while the returned listener is kept.
pub(crate) fn on_after_print(f: impl FnMut() + 'static) -> gloo::events::EventListener {
    let mut f = f;
    gloo::events::EventListener::new(&gloo::utils::window(), "afterprint", move |_| f())
}

/// 00:00 UTC of `day` on the reader's clock: the local day and time, and
/// the time zone's name when the browser gives one.
pub(crate) fn local_midnight_utc(day: NaiveDate) -> Option<LocalTime> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let ms = (day - epoch).num_days() as f64 * 86_400_000.0;
    let t = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let date = NaiveDate::from_ymd_opt(t.get_full_year() as i32, t.get_month() + 1, t.get_date())?;
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let zone = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|z| z.as_string())
        .filter(|z| !z.is_empty());
    Some(LocalTime {
        date,
        hour: t.get_hours(),
        minute: t.get_minutes(),
        zone,
    })
}

/// The link that opens `shared` read-only in any browser: this page's
/// address with the plan in the fragment, which browsers never send to a
/// server.
pub(crate) fn share_link(shared: &SharedPlan) -> Result<String, String> {
    let code = share::encode(shared).map_err(|e| e.to_string())?;
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    Ok(format!("{origin}{path}#share={code}"))
}

/// The share link in this page's address, if it was opened with one.
pub(crate) fn shared_from_location() -> Option<Result<SharedPlan, String>> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let code = hash.strip_prefix("#share=")?;
    Some(SharedPlan::from_link(code).map_err(|e| e.to_string()))
}

/// Leaves the shared view: drops the fragment without reloading.
pub(crate) fn clear_location_hash() {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_else(|_| "/".into());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Copies text to the clipboard; false when the browser refuses.
pub(crate) async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
