/*!
The import worker's side: one job, read and imported straight through
(this thread draws nothing, so it need not yield), its progress posted as
it goes, and the result packed for the page. The same checks and import
as the page's own (`io::jobs`), and the same answer: only where it runs
differs.
*/

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::message::{field, text, Message, BROKEN, IMPORTED, PROGRESS, UNREADABLE, WORKSPACE};
use crate::io::browser::{browser_big5, error_reason};
use crate::io::pieces::PieceReader;
use kaizala_engine::import::{
    packed, Big5Decoder, ByteCheck, ImportJob, ImportOptions, ImportProgress,
};
use kaizala_engine::progress::Fingerprinter;

/// Rows imported between two looks at the clock.
const ROWS_PER_STEP: usize = 2000;

/// The page's progress bar moves at most this often.
const PROGRESS_EVERY_MS: f64 = 50.0;

/// Runs the job the page sent (see `message`); called by
/// `static/import-worker.js` once this wasm has started in the worker.
#[wasm_bindgen]
pub fn import_in_worker(job: JsValue) {
    wasm_bindgen_futures::spawn_local(run(job));
}

async fn run(job: JsValue) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = |message: Message, transfer: &[&JsValue]| {
        let list = js_sys::Array::new();
        for t in transfer {
            list.push(t);
        }
        let _ = scope.post_message_with_transfer(&message.into_js(), &list);
    };
    let mut last = 0.0;
    let mut progress = |done: f64| {
        let now = js_sys::Date::now();
        if now - last >= PROGRESS_EVERY_MS {
            last = now;
            post(Message::new(PROGRESS).with("done", &done.into()), &[]);
        }
    };
    // Options that do not read back (another build's page) would import
    // the file the wrong way: the page imports it itself instead.
    let options = text(&job, "options").and_then(|json| serde_json::from_str(&json).ok());
    let Some(options): Option<ImportOptions> = options else {
        let reason = "the job's options could not be read";
        return post(Message::new(BROKEN).with("reason", &reason.into()), &[]);
    };
    let read = match field(&job, "file").dyn_into::<web_sys::Blob>() {
        Ok(file) => read_file(&file, &mut progress).await,
        Err(_) => {
            let given = field(&job, "bytes").dyn_into::<js_sys::ArrayBuffer>();
            let bytes = given.map(|b| js_sys::Uint8Array::new(&b).to_vec());
            Ok(Read::of(bytes.unwrap_or_default()))
        }
    };
    let Read {
        bytes,
        fingerprinter,
        check,
    } = match read {
        Ok(read) => read,
        Err(e) => {
            let message = Message::new(UNREADABLE);
            let message = match error_reason(&e) {
                Some(reason) => message.with("reason", &reason.into()),
                None => message,
            };
            return post(message, &[]);
        }
    };
    if kaizala_engine::workspace::is_workspace_file(&bytes) {
        return post(Message::new(WORKSPACE), &[]);
    }
    let options = ImportOptions {
        big5_decoder: Some(Big5Decoder(browser_big5)),
        ..options
    };
    let mut import = ImportJob::checked(bytes.as_slice(), options, check);
    let outcome = loop {
        match import.step(ROWS_PER_STEP) {
            ImportProgress::Working {
                bytes_done,
                bytes_total,
                ..
            } => progress(bytes_done as f64 / bytes_total.max(1) as f64),
            ImportProgress::Done(outcome) => break outcome,
        }
    };
    drop(import);
    let packed = to_buffer(&packed::pack(&outcome));
    // The worker's memory never shrinks, so its size now is its peak; the
    // browser bench counts it beside the page's.
    let memory = js_sys::Reflect::get(&wasm_bindgen::memory(), &"buffer".into())
        .ok()
        .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()));
    let message = Message::new(IMPORTED)
        .with("fingerprint", &fingerprinter.finish().into())
        .with("packed", &packed)
        .with("memory", &memory.into());
    post(message, &[&packed]);
}

/// A file's bytes with what was worked out as they were read.
struct Read {
    bytes: Vec<u8>,
    fingerprinter: Fingerprinter,
    check: ByteCheck,
}

impl Read {
    fn of(bytes: Vec<u8>) -> Read {
        let mut fingerprinter = Fingerprinter::default();
        fingerprinter.update(&bytes);
        let mut check = ByteCheck::default();
        check.update(&bytes);
        Read {
            bytes,
            fingerprinter,
            check,
        }
    }
}

/// Reads a file a piece at a time as the browser hands it over, each
/// piece hashed and checked as it comes. Reading is the first ninth of
/// the progress, as in the page (the check counts an eighth of a byte per
/// byte in the import's).
async fn read_file(file: &web_sys::Blob, progress: &mut impl FnMut(f64)) -> Result<Read, JsValue> {
    let size = file.size();
    // Memory grown once, for the file and then its import, rather than a
    // few pages at a time as they come: each grow is costly in V8 (a new
    // ArrayBuffer for the memory), hundreds of them over a large import.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        (size as usize).saturating_mul(2),
    )));
    let mut bytes = Vec::with_capacity(size as usize);
    let mut fingerprinter = Fingerprinter::default();
    let mut check = ByteCheck::default();
    let mut reader = PieceReader::new(file);
    while let Some(piece) = reader.next().await? {
        let old = bytes.len();
        bytes.extend_from_slice(&piece.to_vec());
        fingerprinter.update(&bytes[old..]);
        check.update(&bytes);
        progress(bytes.len() as f64 / size.max(1.0) / 9.0);
    }
    Ok(Read {
        bytes,
        fingerprinter,
        check,
    })
}

/// A copy of `bytes` in an `ArrayBuffer` of its own, to be transferred.
fn to_buffer(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).buffer().into()
}
