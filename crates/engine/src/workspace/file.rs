/*!
The workspace file: a whole workspace (its files with the options they were
read with, the settings, the progress and the partner) in one JSON
document, to move it to another browser or hand it to a colleague. The
format is described field by field in `docs/workspace-file.md`.

A workspace file comes from outside, so [`read`] takes any bytes: it never
panics and says what is wrong as a [`WorkspaceFileError`] (its words are
in `i18n::workspace`). Each file's bytes travel as standard base64, and
its fingerprint is checked against them, so a damaged copy is refused
rather than planned.
*/

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::handout::Partner;
use crate::import::{ImportOptions, MAX_FILE_BYTES};
use crate::plan::Settings;
use crate::progress::{fingerprint, is_legacy_fingerprint, legacy_fingerprint, Progress};

/// The `kind` of every workspace file.
pub const WORKSPACE_KIND: &str = "kaizala-planner-workspace";

/// The `version` this engine writes, and the newest it reads.
pub const WORKSPACE_VERSION: u32 = 1;

/// The largest workspace file read: the files' base64 takes a third more
/// than their bytes, and a workspace holds several exports.
pub const MAX_WORKSPACE_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// How far into the bytes [`is_workspace_file`] looks for the `kind`.
const SNIFF_BYTES: usize = 4096;

/// A whole workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceFile {
    /// The day it was saved (the caller's today).
    pub saved_on: NaiveDate,
    /// The workspace's name, as the partner calls it.
    pub name: String,
    /// Its files, in the order they were added.
    pub files: Vec<WorkspaceEntry>,
    /// The plan's settings, with the choices made per customer.
    pub settings: Settings,
    /// The ticks, their days and the notes.
    pub progress: Progress,
    /// Who prepared the plan.
    pub partner: Partner,
}

/// One file of a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceEntry {
    /// Its name when it was added.
    pub name: String,
    /// The day it was added.
    pub added_on: NaiveDate,
    /// [`fingerprint`] of its bytes.
    pub fingerprint: String,
    /// What it was imported with (columns chosen, date order, ...).
    pub options: ImportOptions,
    /// Its bytes, as they were read.
    pub data: Vec<u8>,
}

impl WorkspaceEntry {
    /// An entry for `data`, with its fingerprint computed.
    pub fn new(name: &str, added_on: NaiveDate, options: ImportOptions, data: Vec<u8>) -> Self {
        WorkspaceEntry {
            name: name.to_string(),
            added_on,
            fingerprint: fingerprint(&data),
            options,
            data,
        }
    }
}

/// Why bytes could not be read as a workspace file. `i18n::workspace`
/// says each in words; `Display` is the English.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WorkspaceFileError {
    /// Larger than [`MAX_WORKSPACE_BYTES`].
    TooLarge {
        /// The size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Not JSON at all (nor UTF-8 JSON), or cut short.
    NotJson {
        /// The 1-based line where reading stopped.
        line: usize,
        /// The 1-based column where reading stopped.
        column: usize,
    },
    /// JSON, but not a workspace file: no `"kind": "kaizala-planner-workspace"`.
    NotWorkspace,
    /// Written by a newer version of the planner.
    NewerVersion {
        /// The file's version.
        version: u64,
        /// The newest this engine reads.
        supported: u32,
    },
    /// A workspace file whose fields are missing or of the wrong type.
    Damaged {
        /// The 1-based line of the first wrong value.
        line: usize,
        /// The 1-based column of the first wrong value.
        column: usize,
    },
    /// The progress is not progress.
    BadProgress,
    /// A file's data is not base64.
    DataNotBase64 {
        /// The file's name.
        file: String,
    },
    /// A file larger than an export may be.
    FileTooLarge {
        /// The file's name.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A file's bytes do not match its fingerprint: the copy is damaged.
    FingerprintMismatch {
        /// The file's name.
        file: String,
    },
}

impl std::error::Error for WorkspaceFileError {}

/// The document as written: borrowed from the [`WorkspaceFile`], with the
/// kind, the version and each file's bytes in base64.
#[derive(Serialize)]
struct WireOut<'a> {
    kind: &'static str,
    version: u32,
    saved_on: NaiveDate,
    name: &'a str,
    files: Vec<EntryOut<'a>>,
    settings: &'a Settings,
    progress: &'a Progress,
    partner: &'a Partner,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    name: &'a str,
    added_on: NaiveDate,
    fingerprint: &'a str,
    options: &'a ImportOptions,
    data: String,
}

/// What is read first: whether it is ours and which version, before the
/// rest is trusted to have our shape.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    kind: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct WireIn {
    saved_on: NaiveDate,
    #[serde(default)]
    name: String,
    files: Vec<EntryIn>,
    settings: Settings,
    // Read as any JSON and handed to `Progress::from_json`, which drops
    // what does not fit as it does for stored progress.
    #[serde(default)]
    progress: Option<serde_json::Value>,
    #[serde(default)]
    partner: Partner,
}

#[derive(Deserialize)]
struct EntryIn {
    name: String,
    added_on: NaiveDate,
    fingerprint: String,
    #[serde(default)]
    options: ImportOptions,
    data: String,
}

/// The workspace as a workspace file's bytes (UTF-8 JSON).
pub fn write(workspace: &WorkspaceFile) -> Vec<u8> {
    let wire = WireOut {
        kind: WORKSPACE_KIND,
        version: WORKSPACE_VERSION,
        saved_on: workspace.saved_on,
        name: &workspace.name,
        files: workspace
            .files
            .iter()
            .map(|f| EntryOut {
                name: &f.name,
                added_on: f.added_on,
                fingerprint: &f.fingerprint,
                options: &f.options,
                data: STANDARD.encode(&f.data),
            })
            .collect(),
        settings: &workspace.settings,
        progress: &workspace.progress,
        partner: &workspace.partner,
    };
    // Serialising these types cannot fail (string keys, no floats); an
    // empty result would be refused by `read` rather than misread.
    let mut out = serde_json::to_vec(&wire).unwrap_or_default();
    out.push(b'\n');
    out
}

fn json_position(e: &serde_json::Error) -> (usize, usize) {
    (e.line(), e.column())
}

/// Reads a workspace file. Never panics, whatever the bytes.
pub fn read(bytes: &[u8]) -> Result<WorkspaceFile, WorkspaceFileError> {
    let size = bytes.len() as u64;
    if size > MAX_WORKSPACE_BYTES {
        return Err(WorkspaceFileError::TooLarge {
            size,
            limit: MAX_WORKSPACE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head: Head = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) if e.is_data() => return Err(WorkspaceFileError::NotWorkspace),
        Err(e) => {
            let (line, column) = json_position(&e);
            return Err(WorkspaceFileError::NotJson { line, column });
        }
    };
    if head.kind.as_ref().and_then(|k| k.as_str()) != Some(WORKSPACE_KIND) {
        return Err(WorkspaceFileError::NotWorkspace);
    }
    match head.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(WORKSPACE_VERSION) => {
            return Err(WorkspaceFileError::NewerVersion {
                version: v,
                supported: WORKSPACE_VERSION,
            })
        }
        Some(v) if v >= 1 => {}
        _ => return Err(WorkspaceFileError::Damaged { line: 1, column: 1 }),
    }
    let wire: WireIn = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = json_position(&e);
        WorkspaceFileError::Damaged { line, column }
    })?;
    let progress = match wire.progress {
        None | Some(serde_json::Value::Null) => Progress::default(),
        Some(v) => Progress::from_json(&v.to_string()).ok_or(WorkspaceFileError::BadProgress)?,
    };
    let mut files = Vec::with_capacity(wire.files.len());
    for f in wire.files {
        files.push(entry(f)?);
    }
    Ok(WorkspaceFile {
        saved_on: wire.saved_on,
        name: wire.name,
        files,
        settings: wire.settings,
        progress,
        partner: wire.partner.tidy(),
    })
}

fn entry(f: EntryIn) -> Result<WorkspaceEntry, WorkspaceFileError> {
    // base64 is 4 characters per 3 bytes: refuse an oversized file before
    // decoding it.
    let decoded_at_most = (f.data.len() as u64 / 4 + 1) * 3;
    if decoded_at_most > MAX_FILE_BYTES + 3 {
        return Err(WorkspaceFileError::FileTooLarge {
            file: f.name,
            size: decoded_at_most,
            limit: MAX_FILE_BYTES,
        });
    }
    let Ok(data) = STANDARD.decode(f.data.as_bytes()) else {
        return Err(WorkspaceFileError::DataNotBase64 { file: f.name });
    };
    if data.len() as u64 > MAX_FILE_BYTES {
        return Err(WorkspaceFileError::FileTooLarge {
            file: f.name,
            size: data.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let matches = if is_legacy_fingerprint(&f.fingerprint, data.len() as u64) {
        legacy_fingerprint(&data) == f.fingerprint
    } else {
        fingerprint(&data) == f.fingerprint
    };
    if !matches {
        return Err(WorkspaceFileError::FingerprintMismatch { file: f.name });
    }
    Ok(WorkspaceEntry {
        name: f.name,
        added_on: f.added_on,
        fingerprint: f.fingerprint,
        options: f.options,
        data,
    })
}

/// Whether the bytes look like a workspace file rather than an export: a
/// JSON object whose `"kind"` (within its first 4 KiB, where [`write`]
/// puts it first) is `kaizala-planner-workspace`. Cheap: it reads no
/// further, so a damaged workspace file is still told apart from a CSV
/// and [`read`] can say what is wrong with it.
pub fn is_workspace_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let skip_ws = |b: &[u8]| -> usize {
        b.iter()
            .position(|c| !c.is_ascii_whitespace())
            .unwrap_or(b.len())
    };
    let start = skip_ws(head);
    if head.get(start) != Some(&b'{') {
        return false;
    }
    let kind = b"\"kind\"";
    let wanted = format!("\"{WORKSPACE_KIND}\"");
    let mut from = start;
    while let Some(at) = head[from..]
        .windows(kind.len())
        .position(|w| w == kind)
        .map(|p| from + p)
    {
        let mut i = at + kind.len();
        i += skip_ws(&head[i..]);
        if head.get(i) == Some(&b':') {
            i += 1;
            i += skip_ws(&head[i..]);
            if head[i..].starts_with(wanted.as_bytes()) {
                return true;
            }
        }
        from = at + 1;
    }
    false
}
