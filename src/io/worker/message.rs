/*!
The messages between the page and the import worker, as plain JavaScript
objects with a `kind`. One job per worker, so no message carries an id:
the page stops the worker when the job ends or is cancelled.

Page → worker, once: `{ app, module, job: { file | bytes, options } }` (see `static/import-worker.js` for `app` and `module`). Every
`ArrayBuffer` is transferred, not copied.

Worker → page:
- `{ kind: "progress", done }`: the share of the job done, 0 to 1;
- `{ kind: "imported", fingerprint, packed, memory }`: the import's result
  packed (`kaizala_engine::import::packed`), and the worker's peak memory
  (for the browser bench);
- `{ kind: "workspace" }`: the file is a saved workspace, which the page
  opens itself from the bytes it holds;
- `{ kind: "unreadable", reason? }`: the browser could not read the file
  (its reason, in its own words);
- `{ kind: "broken", reason }`: the worker could not start or stopped
  short; the page imports the file itself.
*/

use wasm_bindgen::JsValue;

pub(super) const PROGRESS: &str = "progress";
pub(super) const IMPORTED: &str = "imported";
pub(super) const WORKSPACE: &str = "workspace";
pub(super) const UNREADABLE: &str = "unreadable";
pub(super) const BROKEN: &str = "broken";

/// A message under construction.
pub(super) struct Message(js_sys::Object);

impl Message {
    pub(super) fn new(kind: &str) -> Message {
        Message(js_sys::Object::new()).with("kind", &kind.into())
    }

    pub(super) fn blank() -> Message {
        Message(js_sys::Object::new())
    }

    pub(super) fn with(self, key: &str, value: &JsValue) -> Message {
        let _ = js_sys::Reflect::set(&self.0, &key.into(), value);
        self
    }

    pub(super) fn into_js(self) -> JsValue {
        self.0.into()
    }
}

/// A message's field; `undefined` when it has none.
pub(super) fn field(message: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(message, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A string field; `None` when missing or not a string.
pub(super) fn text(message: &JsValue, key: &str) -> Option<String> {
    field(message, key).as_string()
}
