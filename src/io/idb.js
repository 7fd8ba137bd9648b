// IndexedDB, promised: the planner keeps its workspace here (a 50 MB
// export does not fit in localStorage). One database, two stores:
// "workspaces" (a workspace's record, JSON text, by workspace id) and
// "files" (an imported file's bytes, as a Blob, by fingerprint; an array
// of bytes before issue 20). Every failure
// rejects with the DOMException's name (QuotaExceededError,
// SecurityError, InvalidStateError, ...), which the Rust side turns into
// what the footer says.
const DB = "kaizala-planner";
const STORES = ["workspaces", "files"];
let opening = null;

function open() {
  if (opening) return opening;
  opening = new Promise((resolve, reject) => {
    let request;
    try {
      if (!globalThis.indexedDB) throw new DOMException("no IndexedDB", "NotSupportedError");
      request = indexedDB.open(DB, 1);
    } catch (e) {
      reject(e && e.name ? e.name : "UnknownError");
      return;
    }
    request.onupgradeneeded = () => {
      for (const s of STORES) {
        if (!request.result.objectStoreNames.contains(s)) request.result.createObjectStore(s);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: let it, and open again next time.
      db.onversionchange = () => { db.close(); opening = null; };
      resolve(db);
    };
    request.onerror = () => reject(request.error ? request.error.name : "UnknownError");
    request.onblocked = () => reject("BlockedError");
  });
  opening.catch(() => { opening = null; });
  return opening;
}

function run(store, mode, act) {
  return open().then((db) => new Promise((resolve, reject) => {
    let tx;
    try {
      tx = db.transaction(store, mode);
    } catch (e) {
      reject(e && e.name ? e.name : "UnknownError");
      return;
    }
    let request;
    try {
      request = act(tx.objectStore(store));
    } catch (e) {
      reject(e && e.name ? e.name : "UnknownError");
      return;
    }
    let result;
    request.onsuccess = () => { result = request.result; };
    tx.oncomplete = () => resolve(result);
    tx.onabort = tx.onerror = () => reject(tx.error ? tx.error.name : (request.error ? request.error.name : "AbortError"));
  }));
}

export function idbGet(store, key) { return run(store, "readonly", (s) => s.get(key)); }
export function idbPut(store, key, value) { return run(store, "readwrite", (s) => s.put(value, key)); }
export function idbDelete(store, key) { return run(store, "readwrite", (s) => s.delete(key)); }
export function idbKeys(store) { return run(store, "readonly", (s) => s.getAllKeys()); }
