/*!
Why a file could not be read at all, as data: what went wrong
([`ImportErrorKind`], with the numbers and names each case needs) and, when
it happened at a place in the file, where ([`Position`]). The shape is the
csv crate's `Error`, `ErrorKind` and `Position`.

No sentence is written here: `i18n::import` says each kind in each
language, and `Display` gives the English one, so a front end can show the
error in the user's language and tests can check the kind.
*/

use serde::{Deserialize, Serialize};

/// A file the importer cannot read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    kind: ImportErrorKind,
    position: Option<Position>,
}

/// Where in the decoded text an error was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Position {
    /// 1-based physical line.
    pub line: u64,
    /// Byte offset in the decoded text.
    pub byte: u64,
    /// The record: 0 for the header row, then the data rows counted
    /// from 1 (blank lines are not records).
    pub record: u64,
}

/// What kind of file or mistake stopped the import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The file is larger than the importer reads in one go.
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES).
        limit: u64,
    },
    /// Zero bytes.
    Empty,
    /// A binary format renamed to `.csv`, recognised by its first bytes.
    Binary(BinaryFormat),
    /// Nothing but a byte-order mark.
    OnlyByteOrderMark,
    /// Bytes, but no text once decoded.
    NoText,
    /// Full of control characters: binary, of an unknown kind.
    ControlCharacters,
    /// Only a preamble line (`#TYPE`, `sep=`), no header row.
    OnlyPreamble,
    /// No line to read a header from.
    NoLines,
    /// A header row wider than [`MAX_COLUMNS`](super::MAX_COLUMNS).
    TooManyColumns {
        /// The limit (sampling stops counting one past it).
        limit: usize,
    },
    /// A quote opened on `line` is never closed before the end of the file
    /// (on `last_line`).
    UnclosedQuote {
        /// The line the quote opens on.
        line: u64,
        /// The file's last line.
        last_line: u64,
    },
    /// A header row (on `header_line`) and no data rows under it.
    NoDataRows {
        /// The header row's line.
        header_line: u64,
    },
    /// [`ImportJob::step`](super::ImportJob::step) was called after the job was done.
    AlreadyFinished,
    /// The job's rows were already taken by an earlier finish.
    RowsAlreadyTaken,
}

/// The binary formats recognised by their magic numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryFormat {
    /// `.xlsx` or another zip archive.
    Zip,
    /// `.xls` or another OLE2 Office document.
    OldOffice,
    /// A PDF document.
    Pdf,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A Rich Text document.
    Rtf,
}

impl ImportError {
    /// An error that belongs to no one place in the file.
    pub(crate) fn new(kind: ImportErrorKind) -> ImportError {
        ImportError {
            kind,
            position: None,
        }
    }

    /// An error found at `position`.
    pub(crate) fn at(kind: ImportErrorKind, position: Position) -> ImportError {
        ImportError {
            kind,
            position: Some(position),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ImportErrorKind {
        &self.kind
    }

    /// Where, when it happened at a place in the file.
    pub fn position(&self) -> Option<&Position> {
        self.position.as_ref()
    }

    /// What went wrong, by value.
    pub fn into_kind(self) -> ImportErrorKind {
        self.kind
    }
}

impl From<ImportErrorKind> for ImportError {
    fn from(kind: ImportErrorKind) -> ImportError {
        ImportError::new(kind)
    }
}

impl std::error::Error for ImportError {}
