/*!
The app's side effects, kept at the edge: reading a chosen, dropped or
pasted file; running the import in slices so the page never freezes;
fetching the bundled sample; the clock; downloads; printing; the share
link in the URL fragment. Each ends by dispatching an `Action`; none of
them decides anything.
*/

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::UseReducerDispatcher;

use crate::i18n::{lang_from_browser_tag, Lang};
use crate::state::{Action, PlanDefaults, Planned, SharedPlan, State};
use crate::storage;
use kaizala_engine::import::{
    Big5Decoder, ByteCheck, ImportJob, ImportOptions, ImportOutcome, ImportProgress,
};
use kaizala_engine::plan::{PlanJob, PlanProgress};
use kaizala_engine::progress::{legacy_fingerprint, Fingerprinter};
use kaizala_engine::share;

/// The bundled synthetic export behind "Try with sample data".
pub const SAMPLE_URL: &str = "sample-export.csv";
pub const SAMPLE_NAME: &str = "sample-export.csv";

/// The sample describes a partner's customers in mid-June 2020, two weeks
/// before sales ended; planning it as of today would show only history.
pub fn sample_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 6, 15).unwrap_or_default()
}

/// Rows the job reads between two looks at the clock.
const ROWS_PER_STEP: usize = 1000;

/// How long a slice of the import may run before it yields to the
/// browser. Each yield costs a few milliseconds of idle time, so slices
/// are as long as stays comfortably under the 200 ms a user starts to
/// notice (and that issue 6 allows a task), on a slower laptop too.
const SLICE_MS: f64 = 60.0;

/// Customers planned between two looks at the clock (most have no Kaizala
/// Pro and cost next to nothing).
const CUSTOMERS_PER_STEP: usize = 500;

/// Bytes of the file fingerprinted per step, beside the import's rows.
const HASH_BYTES_PER_STEP: usize = 1024 * 1024;

thread_local! {
    /// Bumped by every new read and by Cancel; a running import stops
    /// when the number it started with is no longer current.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

fn next_generation() -> u64 {
    GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}

fn is_current(generation: u64) -> bool {
    GENERATION.with(|g| g.get() == generation)
}

/// Starts a new read: any running import stops, and the page shows the
/// progress of this one. Returns the read's generation.
fn begin_reading(file_name: &str, dispatch: &UseReducerDispatcher<State>) -> u64 {
    let generation = next_generation();
    dispatch.dispatch(Action::Reading {
        file_name: file_name.to_string(),
    });
    generation
}

/// Stops a running import.
pub fn cancel_import() {
    next_generation();
}

/// Reads a user's file and imports it.
pub fn read_file(
    file: web_sys::File,
    defaults: PlanDefaults,
    dispatch: UseReducerDispatcher<State>,
) {
    let file_name = file.name();
    let generation = begin_reading(&file_name, &dispatch);
    spawn_local(async move {
        match read_streamed(&file, generation, &dispatch).await {
            Ok(Some((bytes, early))) => {
                import_named(
                    generation,
                    file_name,
                    bytes,
                    Some(early),
                    None,
                    defaults,
                    dispatch,
                )
                .await
            }
            Ok(None) => {}
            Err(message) => dispatch.dispatch(Action::ReadFailed { file_name, message }),
        }
    });
}

/// What was done to a file's bytes while they arrived: their fingerprint
/// (of all of them, to be finished) and their check as UTF-8.
struct Early {
    fingerprinter: Fingerprinter,
    check: ByteCheck,
}

/// How a file's stream is read: into one buffer of ours, used again for
/// every piece, where the browser can (a "BYOB" reader of a byte stream);
/// otherwise in pieces the browser allocates.
enum PieceReader {
    /// The browser writes each piece into `buffer`, which it hands back
    /// with the piece.
    Own {
        reader: web_sys::ReadableStreamByobReader,
        buffer: js_sys::ArrayBuffer,
    },
    Browser(web_sys::ReadableStreamDefaultReader),
}

/// The size of [`PieceReader::Own`]'s buffer: larger than the pieces the
/// browser reads a file in (a few hundred kilobytes in Chromium).
const PIECE_BUFFER_BYTES: u32 = 1024 * 1024;

impl PieceReader {
    fn new(file: &web_sys::File) -> PieceReader {
        let stream = file.stream();
        match web_sys::ReadableStreamByobReader::new(&stream) {
            Ok(reader) => PieceReader::Own {
                reader,
                buffer: js_sys::ArrayBuffer::new(PIECE_BUFFER_BYTES),
            },
            // A browser whose file streams are not byte streams.
            Err(_) => PieceReader::Browser(stream.get_reader().unchecked_into()),
        }
    }

    /// The next piece; `None` at the end of the file.
    async fn next(&mut self) -> Result<Option<js_sys::Uint8Array>, JsValue> {
        let read = match self {
            PieceReader::Own { reader, buffer } => {
                reader.read_with_array_buffer_view(&js_sys::Uint8Array::new(buffer))
            }
            PieceReader::Browser(reader) => reader.read(),
        };
        let result: web_sys::ReadableStreamReadResult =
            JsFuture::from(read).await?.unchecked_into();
        if result.get_done().unwrap_or(true) {
            return Ok(None);
        }
        let piece: js_sys::Uint8Array = result.get_value().unchecked_into();
        if let PieceReader::Own { buffer, .. } = self {
            // The buffer passed in is detached; the piece's is the same
            // memory, to be passed in again.
            *buffer = piece.buffer();
        }
        Ok(Some(piece))
    }

    fn cancel(&self) {
        let _ = match self {
            PieceReader::Own { reader, .. } => reader.cancel(),
            PieceReader::Browser(reader) => reader.cancel(),
        };
    }
}

/// Reads a file as a stream. The browser hands it over in pieces (a few
/// hundred kilobytes each, over 60-120 ms for 50 MB on the machine of
/// docs/performance.md), with the page idle in between; each piece is
/// copied into wasm memory, fingerprinted and checked as UTF-8 as it comes,
/// so that none of that is left for after the last one. Pieces that are
/// buffered already come one after another in the same task, so it yields
/// to the browser every [`SLICE_MS`] and moves the progress bar. `None`
/// when the read was cancelled or replaced meanwhile.
async fn read_streamed(
    file: &web_sys::File,
    generation: u64,
    dispatch: &UseReducerDispatcher<State>,
) -> Result<Option<(Vec<u8>, Early)>, String> {
    let failed = |e: JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the browser gave no reason".into());
        format!("The file could not be read: {why}.")
    };
    // Grown as the pieces come, not zeroed at the file's size up front:
    // zeroing is the first touch of all that memory (about 50 ms for
    // 50 MB), in one task before the progress bar can show.
    let mut bytes: Vec<u8> = Vec::with_capacity(file.size() as usize);
    let mut fingerprinter = Fingerprinter::default();
    let mut check = ByteCheck::default();
    let mut reader = PieceReader::new(file);
    let mut slice_started = now_ms();
    loop {
        let piece = reader.next().await.map_err(failed)?;
        if now_ms() - slice_started > SLICE_MS {
            // The check counts an eighth of a byte per byte in the
            // import's progress, so reading is its first ninth.
            let done = bytes.len() as f64 / bytes.capacity().max(1) as f64 / 9.0;
            dispatch.dispatch(Action::ReadProgress(done));
            TimeoutFuture::new(0).await;
            slice_started = now_ms();
        }
        if !is_current(generation) {
            reader.cancel();
            return Ok(None);
        }
        let Some(piece) = piece else {
            break;
        };
        let old = bytes.len();
        bytes.resize(old + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[old..]);
        fingerprinter.update(&bytes[old..]);
        check.update(&bytes);
    }
    mark("kaizala:read");
    Ok(Some((
        bytes,
        Early {
            fingerprinter,
            check,
        },
    )))
}

/// Imports a file's bytes with the default options, its name included (an
/// export without a customer column names the customer in its file name).
async fn import_named(
    generation: u64,
    file_name: String,
    bytes: Vec<u8>,
    early: Option<Early>,
    as_of: Option<NaiveDate>,
    defaults: PlanDefaults,
    dispatch: UseReducerDispatcher<State>,
) {
    let options = ImportOptions {
        file_name: Some(file_name.clone()),
        ..Default::default()
    };
    let bytes = Rc::new(bytes);
    run_import(
        generation, file_name, bytes, early, options, as_of, defaults, dispatch,
    )
    .await
}

/// Imports text pasted onto the page.
pub fn read_pasted(text: String, defaults: PlanDefaults, dispatch: UseReducerDispatcher<State>) {
    let file_name = "pasted.csv".to_string();
    let generation = begin_reading(&file_name, &dispatch);
    let options = ImportOptions {
        file_name: None,
        ..Default::default()
    };
    spawn_local(run_import(
        generation,
        file_name,
        Rc::new(text.into_bytes()),
        None,
        options,
        None,
        defaults,
        dispatch,
    ));
}

/// Imports the same bytes again with the user's column mapping or date order.
pub fn reimport(
    file_name: String,
    bytes: Rc<Vec<u8>>,
    options: ImportOptions,
    defaults: PlanDefaults,
    dispatch: UseReducerDispatcher<State>,
) {
    let generation = begin_reading(&file_name, &dispatch);
    spawn_local(run_import(
        generation, file_name, bytes, None, options, None, defaults, dispatch,
    ));
}

/// Big5 through the browser's own decoder (strict: `None` on any byte that
/// is not Big5), so the wasm carries no encoding tables.
fn browser_big5(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("big5", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Fetches the bundled sample from this site (never elsewhere) and imports it.
pub fn load_sample(defaults: PlanDefaults, dispatch: UseReducerDispatcher<State>) {
    let file_name = SAMPLE_NAME.to_string();
    let generation = begin_reading(&file_name, &dispatch);
    spawn_local(async move {
        match fetch_bytes(SAMPLE_URL).await {
            Ok(bytes) => {
                let as_of = Some(sample_as_of());
                import_named(
                    generation, file_name, bytes, None, as_of, defaults, dispatch,
                )
                .await
            }
            Err(message) => dispatch.dispatch(Action::ReadFailed { file_name, message }),
        }
    });
}

/// Runs the import a slice at a time, yielding to the browser between
/// slices so the progress bar moves and Cancel stays clickable.
/// Hashes the next piece of the file into the fingerprint.
fn hash_slice(fingerprinter: &mut Fingerprinter, bytes: &[u8], hashed: &mut usize) {
    let upto = (*hashed + HASH_BYTES_PER_STEP).min(bytes.len());
    fingerprinter.update(bytes.get(*hashed..upto).unwrap_or_default());
    *hashed = upto;
}

/// Marks the end of an import's phase on the page's timeline (User
/// Timing: DevTools shows it, and `tests/bench/browser.mjs` reports the
/// phases from it).
fn mark(phase: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(phase);
    }
}

/// Milliseconds on the page's clock.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Yields to the browser; false when the read this belongs to was
/// cancelled or replaced meanwhile.
async fn still_current(generation: u64) -> bool {
    TimeoutFuture::new(0).await;
    is_current(generation)
}

/// Calls `step` until it gives a result, in slices of about [`SLICE_MS`]
/// with a yield to the browser before each; `after_slice` runs at the end
/// of each slice that did not finish. `None` when the read stopped being
/// current.
async fn in_slices<T>(
    generation: u64,
    mut step: impl FnMut() -> Option<T>,
    mut after_slice: impl FnMut(),
) -> Option<T> {
    loop {
        if !still_current(generation).await {
            return None;
        }
        let started = now_ms();
        while now_ms() - started < SLICE_MS {
            if let Some(result) = step() {
                return Some(result);
            }
        }
        after_slice();
    }
}

// One argument per thing an import needs; a struct would only name them again.
#[allow(clippy::too_many_arguments)]
async fn run_import(
    generation: u64,
    file_name: String,
    bytes: Rc<Vec<u8>>,
    early: Option<Early>,
    options: ImportOptions,
    as_of: Option<NaiveDate>,
    defaults: PlanDefaults,
    dispatch: UseReducerDispatcher<State>,
) {
    let options = ImportOptions {
        big5_decoder: Some(Big5Decoder(browser_big5)),
        ..options
    };
    // The allocator grows wasm memory a few pages at a time as it runs
    // out, and V8 makes each grow costly (a new ArrayBuffer for the
    // memory): hundreds of grows over a large import and plan. They need
    // about the file's size again, so memory grows once, here, and the
    // freed block serves them (49 MB file: build_plan in wasm 113-134 ms
    // -> 69-79 ms).
    drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes.len())));
    // Unless it was hashed as the file arrived, the fingerprint is hashed a
    // piece per slice too: over a 50 MB file it is a task of its own of
    // about 100 ms in wasm.
    let (mut fingerprinter, mut hashed, check) = match early {
        Some(Early {
            fingerprinter,
            check,
        }) => (fingerprinter, bytes.len(), check),
        None => (Fingerprinter::default(), 0, ByteCheck::default()),
    };
    // The job borrows the bytes (valid UTF-8 is read in place), so a large
    // file is not copied a second time in wasm memory.
    let mut job = ImportJob::checked(bytes.as_slice(), options.clone(), check);
    let done = Cell::new(0.0);
    let step = || {
        hash_slice(&mut fingerprinter, &bytes, &mut hashed);
        match job.step(ROWS_PER_STEP) {
            ImportProgress::Working {
                bytes_done,
                bytes_total,
                ..
            } => {
                if bytes_total > 0 {
                    done.set(bytes_done as f64 / bytes_total as f64);
                }
                None
            }
            ImportProgress::Done(result) => Some(result),
        }
    };
    let progress = || dispatch.dispatch(Action::ReadProgress(done.get()));
    let Some(outcome) = in_slices(generation, step, progress).await else {
        return;
    };
    mark("kaizala:imported");
    drop(job);
    if hashed < bytes.len() {
        let rest = || {
            hash_slice(&mut fingerprinter, &bytes, &mut hashed);
            (hashed >= bytes.len()).then_some(())
        };
        if in_slices(generation, rest, || {}).await.is_none() {
            return;
        }
    }
    let fingerprint = fingerprinter.finish();
    if !still_current(generation).await {
        return;
    }
    storage::adopt_legacy(&fingerprint, bytes.len() as u64, || {
        legacy_fingerprint(&bytes)
    });
    let (progress, storage) = storage::load_progress(&fingerprint);
    let settings = storage::load_settings(&fingerprint);
    // The plan is built here, in slices like the import, rather than by
    // the reducer in the task that also renders it: with thousands of
    // customers either would be a long task, and both together longer.
    let planned = match &outcome {
        Ok(ImportOutcome::Ready(import)) => {
            let settings = defaults.settings(as_of, settings.clone()).current;
            let mut job = PlanJob::new(import, &settings);
            let step = || match job.step(CUSTOMERS_PER_STEP) {
                PlanProgress::Working { .. } => None,
                PlanProgress::Done(plan) => Some(Some(plan)),
                // `Done` ends the slices, so a spent job is not met.
                PlanProgress::Spent => Some(None),
            };
            let Some(Some(plan)) = in_slices(generation, step, || {}).await else {
                return;
            };
            mark("kaizala:planned");
            if !still_current(generation).await {
                return;
            }
            Some(Planned {
                plan: Rc::new(plan),
                settings,
            })
        }
        _ => None,
    };
    dispatch.dispatch(Action::Imported {
        file_name,
        bytes,
        fingerprint,
        options,
        outcome: Box::new(outcome),
        as_of,
        progress,
        settings,
        storage,
        planned,
    });
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let failed = || format!("The sample data could not be loaded ({url}).");
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Registers the service worker that lets the app open offline after the
/// first visit. Failure (a browser without service workers, a file://
/// page) only means no offline copy.
pub fn register_service_worker() {
    let navigator = gloo::utils::window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("sw.js");
    }
}

/// Today in the browser's time zone: the default as-of date.
pub fn today() -> NaiveDate {
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
pub fn initial_lang() -> Lang {
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

pub fn remember_lang(lang: Lang) {
    storage::save_pref("lang", lang.tag());
}

/// Keeps `<html lang>` in step with the chosen language, for screen readers
/// and for the browser's font choice.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Offers `bytes` as a download named `name`. The file is made in the page
/// (a blob URL), never fetched.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
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
pub fn print_soon() {
    gloo::timers::callback::Timeout::new(50, || {
        let _ = gloo::utils::window().print();
    })
    .forget();
}

/// The link that opens `shared` read-only in any browser: this page's
/// address with the plan in the fragment, which browsers never send to a
/// server.
pub fn share_link(shared: &SharedPlan) -> Result<String, String> {
    let code = share::encode(shared).map_err(|e| e.to_string())?;
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    Ok(format!("{origin}{path}#share={code}"))
}

/// The share link in this page's address, if it was opened with one.
pub fn shared_from_location() -> Option<Result<SharedPlan, String>> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let code = hash.strip_prefix("#share=")?;
    Some(SharedPlan::from_link(code).map_err(|e| e.to_string()))
}

/// Leaves the shared view: drops the fragment without reloading.
pub fn clear_location_hash() {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_else(|_| "/".into());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
