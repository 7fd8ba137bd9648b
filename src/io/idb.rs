/*!
IndexedDB, through the small promise-based module beside this file
(`idb.js`): text and bytes by key, in the stores "workspaces" and
"files". A failure comes back as the browser's error name, which
[`health`] turns into what the footer says: full, or not available
(blocked storage, a private window that refuses it).
*/

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::storage_health::StorageHealth;

#[wasm_bindgen(module = "/src/io/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbGet)]
    fn idb_get(store: &str, key: &str) -> Promise;
    #[wasm_bindgen(js_name = idbPut)]
    fn idb_put(store: &str, key: &str, value: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = idbDelete)]
    fn idb_delete(store: &str, key: &str) -> Promise;
    #[wasm_bindgen(js_name = idbKeys)]
    fn idb_keys(store: &str) -> Promise;
}

pub(crate) const WORKSPACES: &str = "workspaces";
pub(crate) const FILES: &str = "files";

/// A refused storage call: the browser's error name.
#[derive(Debug)]
pub(crate) struct Refused(pub(crate) String);

/// What a refusal means for the user.
pub(crate) fn health(e: &Refused) -> StorageHealth {
    if e.0 == "QuotaExceededError" {
        StorageHealth::Full
    } else {
        StorageHealth::Unavailable
    }
}

async fn call(p: Promise) -> Result<JsValue, Refused> {
    JsFuture::from(p)
        .await
        .map_err(|e| Refused(e.as_string().unwrap_or_else(|| "UnknownError".into())))
}

pub(crate) async fn get_text(store: &str, key: &str) -> Result<Option<String>, Refused> {
    Ok(call(idb_get(store, key)).await?.as_string())
}

pub(crate) async fn get_bytes(key: &str) -> Result<Option<Vec<u8>>, Refused> {
    let v = call(idb_get(FILES, key)).await?;
    // A Blob since issue 20; an array of bytes before it.
    let array = match v.dyn_into::<web_sys::Blob>() {
        Ok(blob) => match JsFuture::from(blob.array_buffer()).await {
            Ok(buffer) => Uint8Array::new(&buffer),
            Err(_) => return Err(Refused("NotReadableError".into())),
        },
        Err(v) => match v.dyn_into::<Uint8Array>() {
            Ok(array) => array,
            Err(_) => return Ok(None),
        },
    };
    Ok(Some(array.to_vec()))
}

pub(crate) async fn put_text(store: &str, key: &str, text: &str) -> Result<(), Refused> {
    call(idb_put(store, key, &JsValue::from_str(text)))
        .await
        .map(drop)
}

/// Bytes copied out of wasm memory per task while a file is stored.
const COPY_BYTES_PER_TASK: usize = 4 * 1024 * 1024;

pub(crate) async fn put_bytes(key: &str, bytes: &[u8]) -> Result<(), Refused> {
    // The store keeps a Blob made of copies (a view into wasm memory would
    // move when it grows), copied a piece per task: as one array, the copy
    // and the store's clone of it were one task of 150 ms for a 49 MB
    // file, and a Blob is handed to the store without a clone of its bytes.
    // Each piece becomes a Blob of its own in its task, and the whole is a
    // Blob of those, which refers to them: made of the arrays, the whole
    // was one more copy of the file, a task of 40 ms at the end.
    let refused = |_| Refused("UnknownError".into());
    let parts = Array::new();
    for (i, chunk) in bytes.chunks(COPY_BYTES_PER_TASK).enumerate() {
        if i > 0 {
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
        let piece = Array::of1(&Uint8Array::from(chunk));
        let blob = web_sys::Blob::new_with_u8_array_sequence(&piece).map_err(refused)?;
        parts.push(&blob);
    }
    let blob = web_sys::Blob::new_with_blob_sequence(&parts).map_err(refused)?;
    call(idb_put(FILES, key, &blob)).await.map(drop)
}

pub(crate) async fn delete(store: &str, key: &str) -> Result<(), Refused> {
    call(idb_delete(store, key)).await.map(drop)
}

pub(crate) async fn keys(store: &str) -> Result<Vec<String>, Refused> {
    let v = call(idb_keys(store)).await?;
    Ok(v.dyn_into::<Array>()
        .map(|a| a.iter().filter_map(|k| k.as_string()).collect())
        .unwrap_or_default())
}
