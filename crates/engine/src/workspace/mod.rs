/*!
A partner's workspace: the several exports gathered over a migration (one
customer's export after another, a customers export that names them, a
newer export each week that replaces an older), seen as one.

- [`merge`]: the files' imports as one [`Import`](crate::model::Import),
  later files winning where they disagree, with the disagreements listed
  ([`Conflict`]).
- [`changes`]: what changed between the workspace's data before and after
  a file came or went ([`Changes`]), per customer too.
- [`read`] and [`write`]: the workspace file, the JSON that moves a whole
  workspace elsewhere (`docs/workspace-file.md`).

The words for conflicts, changes and a damaged workspace file are in
`i18n::workspace`. This module reads the model, the import options, the
plan's settings, the partner and the progress; nothing here imports it.
*/

mod changes;
mod file;
mod merge;

pub use changes::{
    changes, ChangeCounts, Changes, ChangesJob, CustomerChanges, CustomerRef, FieldChange,
    SubscriptionChange, SubscriptionRef,
};
pub use file::{
    is_workspace_file, read, write, WorkspaceEntry, WorkspaceFile, WorkspaceFileError,
    MAX_WORKSPACE_BYTES, WORKSPACE_KIND, WORKSPACE_VERSION,
};
pub(crate) use merge::auto_renew_word;
pub use merge::{
    covers_customers, fact_value, merge, Conflict, ConflictField, Merged, SourceImport,
};
