/*!
The import worker, the page's side: a dedicated module worker
(`static/import-worker.js`) running a second instance of this wasm, which
reads and imports one file in a thread of its own so that the page's own
thread stays free for the user. One worker per job: it is stopped when
its answer comes, and Cancel or a newer read stops it at once (its
memory goes with it). The page keeps the plan: the views read it
directly, and the result crosses once, packed (`message` lists the
messages, `inside` is the worker's side).
*/

pub(crate) mod inside;
mod message;

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::mpsc::{unbounded, UnboundedReceiver};
use futures_util::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use kaizala_engine::import::ImportOptions;
use message::{field, text, Message, BROKEN, IMPORTED, PROGRESS, UNREADABLE, WORKSPACE};

/// The worker's script, beside index.html.
const SCRIPT_URL: &str = "import-worker.js";

#[wasm_bindgen]
extern "C" {
    /// The URL of this wasm's glue module, which the worker imports too.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// What the worker is given to import.
pub(crate) enum Given {
    /// A file the user chose or dropped: the worker reads it itself.
    File(web_sys::File),
    /// Bytes the page holds already (pasted text, the sample, a file read
    /// again with the user's choices): a copy is sent over.
    Bytes(Rc<Vec<u8>>),
}

/// What the worker says, its bytes still in JavaScript's memory.
pub(crate) enum Reply {
    /// The share of the job done, 0 to 1.
    Progress(f64),
    Imported {
        fingerprint: String,
        packed: js_sys::Uint8Array,
        /// The worker's peak memory in bytes.
        memory: f64,
    },
    /// The file is a saved workspace, which the page opens itself.
    Workspace,
    Unreadable(Option<String>),
    /// Stopped by Cancel or a newer read.
    Stopped,
    /// The worker could not start or stopped short.
    Broken,
}

impl Reply {
    /// The last reply of a job: the worker has nothing more to say.
    fn is_last(&self) -> bool {
        !matches!(self, Reply::Progress(_))
    }
}

/// The worker running now, with the handlers that feed its messages to
/// the job awaiting them. Dropping the handlers ends that job's wait.
struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Stops the running worker, if any, and ends its job's wait.
pub(crate) fn stop() {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.worker.set_onmessage(None);
        running.worker.set_onerror(None);
        running.worker.terminate();
    }
}

/// A job running in the worker, whose replies are awaited one by one.
pub(crate) struct Job {
    replies: Option<UnboundedReceiver<JsValue>>,
}

impl Job {
    /// Imports `given` in a new worker (a running one is stopped first).
    pub(crate) fn start(given: &Given, options: &ImportOptions) -> Job {
        stop();
        Job {
            replies: start(given, options),
        }
    }

    /// The worker's next reply; after the last, [`Reply::Stopped`].
    pub(crate) async fn next(&mut self) -> Reply {
        let Some(replies) = self.replies.as_mut() else {
            return Reply::Broken;
        };
        let reply = match replies.next().await {
            Some(message) => read_reply(&message),
            None => Reply::Stopped,
        };
        if reply.is_last() {
            stop();
            self.replies = None;
        }
        reply
    }
}

fn read_reply(message: &JsValue) -> Reply {
    let bytes = |key| {
        field(message, key)
            .dyn_into::<js_sys::ArrayBuffer>()
            .ok()
            .map(|b| js_sys::Uint8Array::new(&b))
    };
    match text(message, "kind").unwrap_or_default().as_str() {
        PROGRESS => Reply::Progress(field(message, "done").as_f64().unwrap_or(0.0)),
        IMPORTED => match (text(message, "fingerprint"), bytes("packed")) {
            (Some(fingerprint), Some(packed)) => Reply::Imported {
                fingerprint,
                packed,
                memory: field(message, "memory").as_f64().unwrap_or(0.0),
            },
            _ => Reply::Broken,
        },
        WORKSPACE => Reply::Workspace,
        UNREADABLE => Reply::Unreadable(text(message, "reason")),
        _ => Reply::Broken,
    }
}

/// Starts a worker on the job; `None` when the browser would not start
/// one.
fn start(given: &Given, options: &ImportOptions) -> Option<UnboundedReceiver<JsValue>> {
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(SCRIPT_URL, &worker_options).ok()?;
    let (sender, replies) = unbounded::<JsValue>();
    let to_job = sender.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let _ = to_job.unbounded_send(e.data());
        });
    // A script that fails to load or an uncaught error in the worker.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let _ = sender.unbounded_send(Message::new(BROKEN).into_js());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let options = serde_json::to_string(options).unwrap_or_default();
    let job = Message::blank().with("options", &options.into());
    let transfer = js_sys::Array::new();
    let job = match given {
        Given::File(file) => job.with("file", file),
        Given::Bytes(bytes) => {
            let copy = js_sys::Uint8Array::from(bytes.as_slice()).buffer();
            transfer.push(&copy);
            job.with("bytes", &copy)
        }
    };
    let app = GLUE_URL.with(|url| url.clone());
    let message = Message::blank()
        .with("app", &app.into())
        .with("module", &wasm_bindgen::module())
        .with("job", &job.into_js());
    worker
        .post_message_with_transfer(&message.into_js(), &transfer)
        .ok()?;
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    Some(replies)
}
