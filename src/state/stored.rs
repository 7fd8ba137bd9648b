/*!
What this browser keeps of a workspace, besides the files' bytes: the
files' names, fingerprints, days and import options, the dates and
choices (once the user changed them), and the progress. Stored as JSON
text in IndexedDB (see `io`); reading it back treats it as untrusted and
gives `None` for anything that is not a record of ours.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Workspace;
use kaizala_engine::import::ImportOptions;
use kaizala_engine::plan::Settings;
use kaizala_engine::progress::Progress;

/// The record's shape; a newer shape than this version reads is not read.
pub const STORED_VERSION: u32 = 1;

/// One file of a stored workspace; its bytes are stored apart, under its
/// fingerprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredFile {
    pub name: String,
    pub fingerprint: String,
    pub added_on: NaiveDate,
    #[serde(default)]
    pub options: ImportOptions,
}

/// A workspace as this browser keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredWorkspace {
    pub version: u32,
    pub files: Vec<StoredFile>,
    /// The as-of date a file opened with when it was not today (the
    /// bundled sample describes June 2020).
    #[serde(default)]
    pub opened_as_of: Option<NaiveDate>,
    /// The dates and choices, once the user changed them; otherwise the
    /// plan follows today.
    #[serde(default)]
    pub settings: Option<Settings>,
    #[serde(default)]
    pub progress: Progress,
}

impl StoredWorkspace {
    /// The record of `w`, on `today` (the app's date).
    pub fn of(w: &Workspace, today: NaiveDate) -> StoredWorkspace {
        StoredWorkspace {
            version: STORED_VERSION,
            files: w
                .sources
                .iter()
                .map(|s| StoredFile {
                    name: s.name.clone(),
                    fingerprint: s.fingerprint.clone(),
                    added_on: s.added_on,
                    options: s.options.clone(),
                })
                .collect(),
            opened_as_of: (w.default_settings.as_of != today).then_some(w.default_settings.as_of),
            settings: (w.settings_changed || w.settings_restored).then(|| w.settings.clone()),
            progress: w.progress.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The record in `text`; `None` when it is not one this version reads.
    pub fn from_json(text: &str) -> Option<StoredWorkspace> {
        // Read straight from the text (a second pass through a
        // `serde_json::Value` would compile every type's reader twice);
        // the version first, so a newer record is never half-read.
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        if serde_json::from_str::<Version>(text).ok()?.version > STORED_VERSION {
            return None;
        }
        // Progress is read by its own reader, which drops what does not
        // fit and caps notes.
        serde_json::from_str(text).ok()
    }
}
