/*!
The reads a user starts: a file they chose or dropped, text pasted onto
the page, the bundled sample fetched from this site, or the same bytes
again with the user's column mapping. Each read starts a new generation
and is imported in the import worker (`handover`); where the browser
gives no worker, the page reads the file itself (streamed a piece at a
time) and imports it in slices (`jobs`). A read that fails ends in
`ReadFailed`.
*/

use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::UseReducerDispatcher;

use super::browser::{error_reason, mark};
use super::handover::{through_worker, Through};
use super::jobs::{after_import, begin_reading, run_import, Early, Read};
use super::pieces::read_all;
use super::reopen::open_workspace_file;
use super::worker::Given;
use crate::i18n::Lang;
use crate::state::{Action, PlanDefaults, State, Workspace};
use kaizala_engine::import::{ByteCheck, ImportOptions};
use kaizala_engine::progress::Fingerprinter;
use kaizala_engine::workspace::is_workspace_file;

/// The bundled synthetic export behind "Try with sample data".
const SAMPLE_URL: &str = "sample-export.csv";
const SAMPLE_NAME: &str = "sample-export.csv";

/// The sample describes a partner's customers in mid-June 2020, two weeks
/// before sales ended; planning it as of today would show only history.
fn sample_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 6, 15).unwrap_or_default()
}

/// Reads a user's file and imports it, in the import worker, or in the
/// page when the browser gives no worker.
pub(crate) fn read_file(
    file: web_sys::File,
    defaults: PlanDefaults,
    into: Option<Rc<Workspace>>,
    dispatch: UseReducerDispatcher<State>,
) {
    let file_name = file.name();
    let generation = begin_reading(&file_name, &dispatch);
    let read = Read {
        generation,
        file_name,
        defaults,
        into,
    };
    spawn_local(import_given(read, Given::File(file), None, None, dispatch));
}

/// Imports what was given in the import worker, with the default options
/// (the file's name included: an export without a customer column names
/// the customer in its file name) or `options`. When no worker can do it,
/// the page imports the file itself, in slices.
async fn import_given(
    read: Read,
    given: Given,
    options: Option<ImportOptions>,
    as_of: Option<NaiveDate>,
    dispatch: UseReducerDispatcher<State>,
) {
    let generation = read.generation;
    let options = options.unwrap_or_else(|| ImportOptions {
        file_name: Some(read.file_name.clone()),
        ..Default::default()
    });
    match through_worker(generation, &given, &options, &dispatch).await {
        Through::Imported(imported) => after_import(read, *imported, as_of, dispatch).await,
        Through::Workspace(bytes) => {
            let Read {
                file_name,
                defaults,
                ..
            } = read;
            open_workspace_file(generation, file_name, bytes, defaults, dispatch).await
        }
        Through::Unreadable(reason) => dispatch.dispatch(Action::ReadFailed {
            message: unreadable(reason, read.defaults.lang),
            file_name: read.file_name,
        }),
        Through::Stopped => {}
        Through::NoWorker(read_already) => match (given, read_already) {
            (Given::Bytes(bytes), _) => {
                run_import(read, bytes, None, options, as_of, dispatch).await
            }
            (Given::File(_), Some(bytes)) if is_workspace_file(&bytes) => {
                let bytes = Rc::unwrap_or_clone(bytes);
                open_workspace_file(generation, read.file_name, bytes, read.defaults, dispatch)
                    .await
            }
            (Given::File(_), Some(bytes)) => {
                run_import(read, bytes, None, options, as_of, dispatch).await
            }
            (Given::File(file), None) => read_in_page(read, &file, dispatch).await,
        },
    }
}

/// The page's own read of a user's file, when no worker can do it.
async fn read_in_page(read: Read, file: &web_sys::File, dispatch: UseReducerDispatcher<State>) {
    let lang = read.defaults.lang;
    match read_streamed(file, read.generation, &dispatch).await {
        Ok(Some((bytes, _))) if is_workspace_file(&bytes) => {
            let Read {
                generation,
                file_name,
                defaults,
                ..
            } = read;
            open_workspace_file(generation, file_name, bytes, defaults, dispatch).await
        }
        Ok(Some((bytes, early))) => import_named(read, bytes, Some(early), None, dispatch).await,
        Ok(None) => {}
        Err(e) => dispatch.dispatch(Action::ReadFailed {
            file_name: read.file_name,
            message: unreadable(error_reason(&e), lang),
        }),
    }
}

/// Why a file could not be read; the browser's reason is its own words,
/// in its own language.
fn unreadable(reason: Option<String>, lang: Lang) -> String {
    match (reason, lang) {
        (Some(why), Lang::En) => format!("The browser could not read the file: {why}."),
        (None, Lang::En) => "The browser could not read the file and gave no reason.".to_string(),
        (Some(why), Lang::ZhTw) => format!("瀏覽器無法讀取這個檔案：{why}"),
        (None, Lang::ZhTw) => "瀏覽器無法讀取這個檔案，也沒有說明原因。".to_string(),
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
) -> Result<Option<(Vec<u8>, Early)>, JsValue> {
    let mut fingerprinter = Fingerprinter::default();
    let mut check = ByteCheck::default();
    let arrived = |bytes: &[u8], old: usize| {
        fingerprinter.update(&bytes[old..]);
        check.update(bytes);
    };
    // The check counts an eighth of a byte per byte in the import's
    // progress, so reading is its first ninth.
    let progress = |read: f64| dispatch.dispatch(Action::ReadProgress(read / 9.0));
    let Some(bytes) = read_all(file, generation, arrived, progress).await? else {
        return Ok(None);
    };
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
    read: Read,
    bytes: Vec<u8>,
    early: Option<Early>,
    as_of: Option<NaiveDate>,
    dispatch: UseReducerDispatcher<State>,
) {
    let options = ImportOptions {
        file_name: Some(read.file_name.clone()),
        ..Default::default()
    };
    run_import(read, Rc::new(bytes), early, options, as_of, dispatch).await
}

/// Imports text pasted onto the page.
pub(crate) fn read_pasted(
    text: String,
    defaults: PlanDefaults,
    into: Option<Rc<Workspace>>,
    dispatch: UseReducerDispatcher<State>,
) {
    let file_name = "pasted.csv".to_string();
    let generation = begin_reading(&file_name, &dispatch);
    let options = ImportOptions {
        file_name: None,
        ..Default::default()
    };
    let read = Read {
        generation,
        file_name,
        defaults,
        into,
    };
    let given = Given::Bytes(Rc::new(text.into_bytes()));
    spawn_local(import_given(read, given, Some(options), None, dispatch));
}

/// Imports the same bytes again with the user's column mapping or date order.
pub(crate) fn reimport(
    file_name: String,
    bytes: Rc<Vec<u8>>,
    options: ImportOptions,
    defaults: PlanDefaults,
    into: Option<Rc<Workspace>>,
    dispatch: UseReducerDispatcher<State>,
) {
    let generation = begin_reading(&file_name, &dispatch);
    let read = Read {
        generation,
        file_name,
        defaults,
        into,
    };
    spawn_local(import_given(
        read,
        Given::Bytes(bytes),
        Some(options),
        None,
        dispatch,
    ));
}

/// Fetches the bundled sample from this site (never elsewhere) and imports it.
pub(crate) fn load_sample(
    defaults: PlanDefaults,
    into: Option<Rc<Workspace>>,
    dispatch: UseReducerDispatcher<State>,
) {
    let file_name = SAMPLE_NAME.to_string();
    let generation = begin_reading(&file_name, &dispatch);
    spawn_local(async move {
        match fetch_bytes(SAMPLE_URL, defaults.lang).await {
            Ok(bytes) => {
                let read = Read {
                    generation,
                    file_name,
                    defaults,
                    into,
                };
                let given = Given::Bytes(Rc::new(bytes));
                import_given(read, given, None, Some(sample_as_of()), dispatch).await
            }
            Err(message) => dispatch.dispatch(Action::ReadFailed { file_name, message }),
        }
    });
}

async fn fetch_bytes(url: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let failed = || match lang {
        Lang::En => format!("The sample data could not be loaded ({url})."),
        Lang::ZhTw => format!("無法載入範例資料（{url}）。"),
    };
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
