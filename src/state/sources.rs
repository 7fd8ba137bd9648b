/*!
The files of a workspace and what happens when one arrives.

A partner re-exports every week or two and adds one customer's export
after another, so a file that arrives either replaces earlier files or
joins them. It replaces every earlier file whose customers it all holds
(a newer export of the same customers; the same file again); otherwise
it joins, and the engine merges the files by subscription id, the later
file winning where they disagree. What changed in the workspace's data is
kept with the arrival, so the overview and each customer's page can show
it.
*/

use std::rc::Rc;

use chrono::NaiveDate;

use kaizala_engine::import::ImportOptions;
use kaizala_engine::model::Import;
use kaizala_engine::workspace::{
    changes, covers_customers, merge, Changes, Conflict, Merged, SourceImport,
};

/// One imported file of the workspace, with what it takes to import it
/// again (after a reload, or in another browser).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: String,
    /// Fingerprint of the bytes: the key they are stored under.
    pub fingerprint: String,
    /// The day it was added (the app's today).
    pub added_on: NaiveDate,
    /// The import options with the user's answers to the mapping step.
    pub options: ImportOptions,
    pub bytes: Rc<Vec<u8>>,
    pub import: Rc<Import>,
}

/// What the last file (or workspace file) to arrive did to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    /// The files that arrived.
    pub files: Vec<String>,
    /// Earlier files they replaced.
    pub replaced: Vec<String>,
    /// The workspace's data before and after, compared.
    pub changes: Changes,
    /// The day it arrived.
    pub on: NaiveDate,
}

/// Whether `new` replaces `old`: the same bytes, or a file of the same
/// kind (subscriptions, or a customer list) that holds every one of
/// `old`'s customers.
pub(crate) fn replaces(new: &Source, old: &Source) -> bool {
    if new.fingerprint == old.fingerprint {
        return true;
    }
    let (n, o) = (&new.import, &old.import);
    // A users file replaces the earlier users file of the same tenant
    // (one of the same domains, or named for the same customer), and
    // nothing else.
    if !n.users.is_empty() || !o.users.is_empty() {
        return n.users.iter().any(|a| {
            o.users.iter().any(|b| {
                (a.customer.is_some() && a.customer == b.customer)
                    || a.domains.iter().any(|d| b.domains.contains(d))
            })
        });
    }
    if n.subscriptions.is_empty() != o.subscriptions.is_empty() {
        return false;
    }
    covers_customers(n, o)
}

/// The sources as one import, with the conflicts between them.
pub(crate) fn merged(sources: &[Source]) -> (Rc<Import>, Vec<Conflict>) {
    if let [only] = sources {
        // One file: nothing to merge, and no copy of a large import.
        return (only.import.clone(), Vec::new());
    }
    let files: Vec<SourceImport<'_>> = sources
        .iter()
        .map(|s| SourceImport {
            name: &s.name,
            import: &s.import,
        })
        .collect();
    let Merged { import, conflicts } = merge(&files);
    (Rc::new(import), conflicts)
}

/// `sources` with `arriving` added in order, each replacing the earlier
/// files it covers; the names of the files replaced.
pub(crate) fn add_sources(sources: &mut Vec<Source>, arriving: Vec<Source>) -> Vec<String> {
    let mut replaced = Vec::new();
    for new in arriving {
        sources.retain(|old| {
            let gone = replaces(&new, old);
            // The same bytes again replace nothing worth saying.
            if gone && old.fingerprint != new.fingerprint {
                replaced.push(old.name.clone());
            }
            !gone
        });
        sources.push(new);
    }
    replaced
}

/// What changed between two versions of the workspace's data.
pub(crate) fn compare(before: &Import, after: &Import) -> Changes {
    changes(&before.subscriptions, &after.subscriptions)
}
