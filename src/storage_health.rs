/*!
Whether the browser is keeping the user's progress. `storage` reports it
after every read and write; the state holds it so the page can say when
ticks and notes are not being saved. It lives apart from `storage` so that
the state, and its tests, need no browser.
*/

/// Whether progress is being kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageHealth {
    Saving,
    /// The browser gives no storage to this page.
    Unavailable,
    /// A write was refused, most likely for lack of space.
    Full,
    /// What was stored could not be read back; it is left untouched.
    Corrupted,
}
