/*!
The workspace kept in this browser, in IndexedDB: one record (the files'
names and options, the dates and choices, the progress) and each file's
bytes under its fingerprint, so a reload or a visit next week reopens
the workspace without choosing a file again. A 50 MB export does not fit
in localStorage, which is why this is not there.

Saves run one at a time, the latest waiting one winning: a save removes
the bytes of files the workspace no longer holds, and two saves that
overlapped could otherwise remove a file the newer one had just written.
*/

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;

use super::idb::{self, health, FILES, WORKSPACES};
use crate::state::{StoredFile, StoredWorkspace};
use crate::storage_health::StorageHealth;

/// The key of the one workspace this browser keeps.
const CURRENT: &str = "current";

/// A save: the record's JSON and the files' bytes by fingerprint.
struct Save {
    record: String,
    files: Vec<(String, Rc<Vec<u8>>)>,
    done: Box<dyn FnOnce(StorageHealth)>,
}

thread_local! {
    static WAITING: RefCell<Option<Save>> = const { RefCell::new(None) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the workspace: `record` is its [`StoredWorkspace`] as JSON;
/// `done` hears how storage did.
pub(crate) fn save(
    record: String,
    files: Vec<(String, Rc<Vec<u8>>)>,
    done: impl FnOnce(StorageHealth) + 'static,
) {
    WAITING.with(|w| {
        *w.borrow_mut() = Some(Save {
            record,
            files,
            done: Box::new(done),
        })
    });
    drain();
}

/// Runs the waiting saves, unless a save or a forget is under way (it
/// runs them when it ends).
fn drain() {
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    spawn_local(async {
        while let Some(job) = WAITING.with(|w| w.borrow_mut().take()) {
            let health = write(&job.record, &job.files).await;
            (job.done)(health);
        }
        RUNNING.with(|r| r.set(false));
    });
}

async fn write(record: &str, files: &[(String, Rc<Vec<u8>>)]) -> StorageHealth {
    let stored = match idb::keys(FILES).await {
        Ok(keys) => keys,
        Err(e) => return health(&e),
    };
    // The bytes first: a record never names a file that is not there.
    for (fingerprint, bytes) in files {
        if !stored.contains(fingerprint) {
            if let Err(e) = idb::put_bytes(fingerprint, bytes).await {
                return health(&e);
            }
        }
    }
    if let Err(e) = idb::put_text(WORKSPACES, CURRENT, record).await {
        return health(&e);
    }
    let wanted: HashSet<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
    for key in stored.iter().filter(|k| !wanted.contains(k.as_str())) {
        let _ = idb::delete(FILES, key).await;
    }
    StorageHealth::Saving
}

/// What was kept, if anything: the record and each file's bytes (a file
/// whose bytes are missing is left out). `Err` when storage refused.
pub(crate) async fn load(
) -> Result<Option<(StoredWorkspace, Vec<(StoredFile, Vec<u8>)>)>, StorageHealth> {
    let text = match idb::get_text(WORKSPACES, CURRENT).await {
        Ok(Some(text)) => text,
        Ok(None) => return Ok(None),
        Err(e) => return Err(health(&e)),
    };
    let Some(record) = StoredWorkspace::from_json(&text) else {
        return Err(StorageHealth::Corrupted);
    };
    let mut files = Vec::with_capacity(record.files.len());
    for file in &record.files {
        match idb::get_bytes(&file.fingerprint).await {
            Ok(Some(bytes)) => files.push((file.clone(), bytes)),
            Ok(None) => {}
            Err(e) => return Err(health(&e)),
        }
    }
    Ok(Some((record, files)))
}

/// Removes every trace of the workspace: its record, every file's bytes,
/// and what earlier versions kept per file in localStorage.
pub(crate) async fn forget() -> StorageHealth {
    // A save waiting is dropped, and one under way is let finish first:
    // it would otherwise write the record back after it was removed.
    WAITING.with(|w| w.borrow_mut().take());
    while RUNNING.with(|r| r.replace(true)) {
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    let result = remove_all().await;
    // A workspace opened meanwhile waited for this: kept now.
    RUNNING.with(|r| r.set(false));
    drain();
    result
}

async fn remove_all() -> StorageHealth {
    crate::storage::forget_files();
    let mut result = StorageHealth::Saving;
    if let Err(e) = idb::delete(WORKSPACES, CURRENT).await {
        result = health(&e);
    }
    match idb::keys(FILES).await {
        Ok(keys) => {
            for key in keys {
                if let Err(e) = idb::delete(FILES, &key).await {
                    result = health(&e);
                }
            }
        }
        Err(e) => result = health(&e),
    }
    result
}
