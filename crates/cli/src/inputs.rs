/*!
What the CLI reads besides an export: a workspace file given as FILE (its
exports read with their saved options and merged into one import) and the
`--progress` file (the app's progress JSON or a workspace file), with what
they carry into the plan's outputs.
*/

use std::collections::BTreeMap;

use chrono::NaiveDate;

use kaizala_engine::handout::Partner;
use kaizala_engine::import::{self, Import, ImportOutcome};
use kaizala_engine::plan::CustomerSettings;
use kaizala_engine::progress::Progress;
use kaizala_engine::workspace::{self, merge, Conflict, SourceImport, WorkspaceFile};

use crate::Failure;

/// What a workspace or progress file brings to the run besides
/// subscriptions. Options on the command line win over all of it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Carried {
    pub progress: Option<Progress>,
    pub partner: Option<Partner>,
    pub customers: BTreeMap<String, CustomerSettings>,
    pub cutoff: Option<NaiveDate>,
    /// Where the workspace's files disagreed (empty for one export).
    pub conflicts: Vec<Conflict>,
    /// For the summary: the workspace's name and how many files.
    pub workspace: Option<(String, usize)>,
}

impl Carried {
    fn from_workspace(ws: &WorkspaceFile) -> Carried {
        Carried {
            progress: Some(ws.progress.clone()),
            partner: Some(ws.partner.clone()).filter(|p| !p.is_empty()),
            customers: ws.settings.customers.clone(),
            cutoff: Some(ws.settings.cutoff),
            conflicts: Vec::new(),
            workspace: Some((ws.name.clone(), ws.files.len())),
        }
    }

    /// Adds what the `--progress` file carries: its progress replaces
    /// this one's; a workspace's per-customer choices are added over
    /// these, and its partner is taken when there is none yet.
    pub(crate) fn with_progress_file(mut self, other: Carried) -> Carried {
        if other.progress.is_some() {
            self.progress = other.progress;
        }
        if self.partner.is_none() {
            self.partner = other.partner;
        }
        self.customers.extend(other.customers);
        self
    }
}

fn read_workspace(path: &str, bytes: &[u8]) -> Result<WorkspaceFile, Failure> {
    workspace::read(bytes).map_err(|e| Failure::input(format!("cannot read {path}: {e}")))
}

/// Reads the `--progress` file: a workspace file, else the app's
/// progress JSON.
pub(crate) fn read_progress(path: &str, bytes: &[u8]) -> Result<Carried, Failure> {
    if workspace::is_workspace_file(bytes) {
        let ws = read_workspace(path, bytes)?;
        return Ok(Carried::from_workspace(&ws));
    }
    let progress = std::str::from_utf8(bytes)
        .ok()
        .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t))
        .and_then(Progress::from_json)
        .ok_or_else(|| {
            Failure::input(format!(
                "cannot read {path}: it is neither progress saved by the app (a JSON object \
                 with \"ticked\" and \"notes\") nor a workspace file"
            ))
        })?;
    Ok(Carried {
        progress: Some(progress),
        ..Carried::default()
    })
}

/// Reads a workspace file given as FILE: each export with the options it
/// was saved with, merged in the order they were added.
pub(crate) fn import_workspace(path: &str, bytes: &[u8]) -> Result<(Import, Carried), Failure> {
    let ws = read_workspace(path, bytes)?;
    if ws.files.is_empty() {
        return Err(Failure::input(format!(
            "{path} is a workspace file with no exports in it: add an export in the app first"
        )));
    }
    let mut imports = Vec::with_capacity(ws.files.len());
    for file in &ws.files {
        let outcome = import::import(&file.data, &file.options)
            .map_err(|e| Failure::input(format!("cannot read \"{}\" in {path}: {e}", file.name)))?;
        match outcome {
            ImportOutcome::Ready(i) => imports.push(i),
            // The app saves a file's choices with it, so only a file saved
            // before they were made (or a hand-edited one) lands here.
            ImportOutcome::NeedsMapping(_) => {
                return Err(Failure::input(format!(
                    "\"{}\" in {path} cannot be read with the options saved with it \
                     (its columns or date order were not chosen); open the workspace in the \
                     app and finish importing that file",
                    file.name
                )))
            }
        }
    }
    let sources: Vec<SourceImport<'_>> = ws
        .files
        .iter()
        .zip(&imports)
        .map(|(f, import)| SourceImport {
            name: &f.name,
            import,
        })
        .collect();
    let merged = merge(&sources);
    let mut carried = Carried::from_workspace(&ws);
    carried.conflicts = merged.conflicts;
    Ok((merged.import, carried))
}
