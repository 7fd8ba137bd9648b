/*!
What the CLI reads besides an export: a workspace file given as FILE (its
exports read with their saved options and merged into one import) and the
`--progress` file (the app's progress JSON or a workspace file), with what
they carry into the plan's outputs.
*/

use std::collections::BTreeMap;

use chrono::NaiveDate;

use kaizala_engine::handout::Partner;
use kaizala_engine::i18n::Render;
use kaizala_engine::import::{self, Import, ImportOutcome};
use kaizala_engine::plan::{CustomerSettings, Lang};
use kaizala_engine::progress::Progress;
use kaizala_engine::workspace::{self, merge, Conflict, SourceImport, WorkspaceFile};

use crate::words;
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

fn read_workspace(path: &str, bytes: &[u8], lang: Lang) -> Result<WorkspaceFile, Failure> {
    workspace::read(bytes)
        .map_err(|e| Failure::input(words::cannot_read(lang, path, &e.render(lang))))
}

/// Reads the `--progress` file: a workspace file, else the app's
/// progress JSON.
pub(crate) fn read_progress(path: &str, bytes: &[u8], lang: Lang) -> Result<Carried, Failure> {
    if workspace::is_workspace_file(bytes) {
        let ws = read_workspace(path, bytes, lang)?;
        return Ok(Carried::from_workspace(&ws));
    }
    let progress = std::str::from_utf8(bytes)
        .ok()
        .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t))
        .and_then(Progress::from_json)
        .ok_or_else(|| Failure::input(words::not_progress(lang, path)))?;
    Ok(Carried {
        progress: Some(progress),
        ..Carried::default()
    })
}

/// Reads a workspace file given as FILE: each export with the options it
/// was saved with, merged in the order they were added.
pub(crate) fn import_workspace(
    path: &str,
    bytes: &[u8],
    lang: Lang,
) -> Result<(Import, Carried), Failure> {
    let ws = read_workspace(path, bytes, lang)?;
    if ws.files.is_empty() {
        return Err(Failure::input(words::empty_workspace(lang, path)));
    }
    let mut imports = Vec::with_capacity(ws.files.len());
    for file in &ws.files {
        let outcome = import::import(&file.data, &file.options).map_err(|e| {
            Failure::input(words::cannot_read_in(
                lang,
                &file.name,
                path,
                &e.render(lang),
            ))
        })?;
        match outcome {
            ImportOutcome::Ready(i) => imports.push(i),
            // The app saves a file's choices with it, so only a file saved
            // before they were made (or a hand-edited one) lands here.
            ImportOutcome::NeedsMapping(_) => {
                return Err(Failure::input(words::unmapped_in_workspace(
                    lang, &file.name, path,
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

/// A users file given with `--users`: the customer named for it, if any,
/// its path (for messages) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsersFile {
    pub customer: Option<String>,
    pub path: String,
    pub bytes: Vec<u8>,
}

impl UsersFile {
    /// Reads a `--users` value: `FILE`, or `CUSTOMER=FILE` when the whole
    /// value is no file (`is_file` says; a file name may hold `=`).
    pub fn split(value: &str, is_file: impl Fn(&str) -> bool) -> (Option<String>, String) {
        if is_file(value) {
            return (None, value.to_string());
        }
        match value.split_once('=') {
            Some((who, path)) if !who.trim().is_empty() && !path.trim().is_empty() => {
                (Some(who.trim().to_string()), path.trim().to_string())
            }
            _ => (None, value.to_string()),
        }
    }
}

/// The customers of an import, each once, by key.
fn customers_of(import: &Import) -> Vec<(String, &kaizala_engine::model::Customer)> {
    let mut seen: BTreeMap<String, &kaizala_engine::model::Customer> = BTreeMap::new();
    for c in import
        .subscriptions
        .iter()
        .map(|s| &s.customer)
        .chain(import.customers.iter())
    {
        seen.entry(c.key()).or_insert(c);
    }
    seen.into_iter().collect()
}

/// Reads each users file and gives it to its customer: the one named for
/// it, else the one whose domain it shows. A file that is no users export,
/// or that no single customer's domain matches, stops the run with the
/// candidates listed.
pub(crate) fn attach_users(
    import: &mut Import,
    files: &[UsersFile],
    lang: Lang,
    find_customer: impl Fn(&Import, &str) -> Result<String, Failure>,
) -> Result<(), Failure> {
    for file in files {
        let name = std::path::Path::new(&file.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let options = import::ImportOptions {
            file_name: name,
            ..Default::default()
        };
        let outcome = import::import(&file.bytes, &options)
            .map_err(|e| Failure::input(words::cannot_read(lang, &file.path, &e.render(lang))))?;
        let mut lists = match outcome {
            ImportOutcome::Ready(i) if !i.users.is_empty() => i.users,
            ImportOutcome::Ready(_) => {
                return Err(Failure::input(words::not_users_export(lang, &file.path)))
            }
            ImportOutcome::NeedsMapping(req) => {
                return Err(Failure::input(words::users_need_mapping(
                    lang,
                    &file.path,
                    crate::mapping::describe_mapping(&req, lang).trim_end(),
                )))
            }
        };
        for list in &mut lists {
            let key = match &file.customer {
                Some(who) => find_customer(import, who)?,
                None => {
                    let customers = customers_of(import);
                    let found = kaizala_engine::plan::matching_customers(
                        list,
                        customers.iter().map(|(k, c)| (k.as_str(), *c)),
                    );
                    match found.as_slice() {
                        [one] => one.clone(),
                        _ => return Err(no_single_customer(file, list, &customers, &found, lang)),
                    }
                }
            };
            list.customer = Some(key);
        }
        import.users.extend(lists);
    }
    Ok(())
}

/// Why a users file found no single customer, with what to do.
fn no_single_customer(
    file: &UsersFile,
    list: &kaizala_engine::model::UsersList,
    customers: &[(String, &kaizala_engine::model::Customer)],
    found: &[String],
    lang: Lang,
) -> Failure {
    let domains: Vec<&str> = list.domains.iter().map(|d| &**d).take(5).collect();
    let named = |c: &kaizala_engine::model::Customer| {
        let name = c.name.as_deref().or(c.id.as_deref()).unwrap_or("?");
        match c.domain.as_deref() {
            Some(d) => words::customer_with_domain(lang, name, d),
            None => name.to_string(),
        }
    };
    let listed: Vec<String> = customers
        .iter()
        .filter(|(k, _)| found.is_empty() || found.contains(k))
        .take(20)
        .map(|(_, c)| named(c))
        .collect();
    Failure::input(words::no_single_customer(
        lang,
        &file.path,
        found.is_empty(),
        &domains,
        &listed,
    ))
}
