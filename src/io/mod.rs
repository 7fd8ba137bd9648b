/*!
The app's side effects, kept at the edge: reading a chosen, dropped or
pasted file and fetching the bundled sample (`files`); importing in a
worker thread (`worker`, `handover`), or in the page itself, and planning,
in slices so the page never freezes (`jobs`); the clock,
downloads, printing, the clipboard, the service worker and the share link
in the URL fragment (`browser`). Each ends by dispatching an `Action`;
none of them decides anything: the reducer in `state` does.
*/

mod browser;
mod files;
mod handover;
mod history;
mod idb;
mod jobs;
mod keep;
mod pieces;
mod reopen;
mod worker;

pub(crate) use browser::{
    clear_location_hash, copy_text, download, initial_lang, local_midnight_utc, on_after_print,
    print_soon, register_service_worker, remember_lang, set_document_lang, share_link,
    shared_from_location, today,
};
pub(crate) use files::{load_sample, read_file, read_pasted, reimport};
pub(crate) use history::{
    focus_view_heading, listen as listen_history, location_route, set_fragment,
};
pub(crate) use jobs::cancel_import;
pub(crate) use keep::{forget as forget_workspace, save as keep_workspace};
pub(crate) use reopen::reopen;
