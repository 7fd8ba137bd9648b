/*!
The importer: file bytes → decoded text → records → typed subscriptions,
or, for a users file, a customer's users and their licenses (`users`).

Two stages, as in ripgrep: raw input is first made into text and a dialect
(`text`: size, binary sniffing, encoding, NUL bytes and line endings;
`dialect`: delimiter, preamble and header row), then validated row by row
into the typed model (`columns`: the alias table and format detection;
`values`: dates, booleans, statuses, terms, quantities; `rows`: records
into subscriptions with every row accounted for).

[`import`] reads a whole file at once; [`ImportJob`] does the same work in
slices so that a browser tab never freezes (see `job`).

Nothing is lost: each data row becomes a subscription, is merged into one
(its line listed in [`Subscription::lines`](crate::model::Subscription::lines)), becomes a customer, or is
rejected with its line number and a reason. [`ImportReport::is_balanced`]
checks that the counts add up.

```
use kaizala_engine::import::{import, ImportOptions, ImportOutcome};

let csv = "Subscription ID,Subscription,Quantity,Status,Reseller\n\
           3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11,Microsoft Kaizala Pro,25,Active,\n";
let options = ImportOptions { file_name: Some("Contoso Ltd.csv".into()), ..Default::default() };
let ImportOutcome::Ready(import) = import(csv.as_bytes(), &options).unwrap() else { panic!() };
assert_eq!(&*import.subscriptions[0].offer, "Microsoft Kaizala Pro");
assert_eq!(import.subscriptions[0].customer.name.as_deref(), Some("Contoso Ltd"));
assert!(import.report.is_balanced());
```
*/

mod choices;
mod columns;
mod dialect;
pub(crate) mod error;
mod file_name;
#[doc(hidden)]
pub mod fuzzing;
mod job;
pub mod packed;
mod records;
mod rows;
pub(crate) mod text;
mod users;
mod values;

pub use choices::{check_mapping, CustomerQuestion, FileCustomers, MappingProblem};
/// Every subscription field, in the order fields are listed to a user.
pub use columns::FIELDS;
/// Every field of a users file, in the order fields are listed to a user.
pub use columns::USER_FIELDS;
pub use error::{BinaryFormat, ImportError, ImportErrorKind, Position};
pub use job::{ImportJob, ImportProgress};
pub use text::{size_limit_message, Big5Decoder, ByteCheck};
pub use users::mapping_fields;

/// Files larger than this are refused with a message giving both sizes.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// A cell longer than this rejects its row.
pub const MAX_FIELD_BYTES: usize = 1024 * 1024;
/// A header row with more columns than this is not an export.
pub const MAX_COLUMNS: usize = 10_000;

use serde::{Deserialize, Serialize};

pub use crate::model::source::{
    DateOrderHint, DateProblem, Field, Format, Import, ImportNote, ImportReport, LegacyEncoding,
    RejectReason, RejectedRow,
};

/// How to read a date like `3/4/2020` when the file itself cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `3/4/2020` is the 4th of March.
    MonthFirst,
    /// `3/4/2020` is the 3rd of April.
    DayFirst,
}

/// What the caller can tell the importer beyond the bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// The file's name, used to name the customer of a per-customer export
    /// that has no customer column, and in messages.
    pub file_name: Option<String>,
    /// Columns chosen by the user, by header text, overriding the aliases.
    pub mapping: Vec<(Field, String)>,
    /// The user's answer to an ambiguous-date question.
    pub date_order: Option<DateOrder>,
    /// The file has no subscription id column: its rows are numbered
    /// (`row-<line>`) instead of being asked for one.
    #[serde(default)]
    pub number_rows: bool,
    /// For a file with no customer column: whether it holds one customer
    /// (named by the user) or many (then a customer column is chosen).
    #[serde(default)]
    pub customers: Option<FileCustomers>,
    /// For a users file: the customer ([`Customer::key`](crate::model::Customer::key))
    /// the user said it belongs to, copied into [`UsersList::customer`](crate::model::UsersList::customer).
    #[serde(default)]
    pub users_customer: Option<String>,
    /// Decodes Big5 (see [`Big5Decoder`]); `None` uses the engine's own
    /// where it has one (natively). Not serialised: it is code, not data.
    #[serde(skip)]
    pub big5_decoder: Option<Big5Decoder>,
}

/// The end-date column's values read both ways (day-first and month-first)
/// and nothing in the file settles which: the question a [`DateOrder`]
/// answers. Its words are in `i18n`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateQuestion {
    /// The end-date column's header.
    pub column: String,
    /// Values that read both ways, as the file writes them (`3/4/2020`).
    pub examples: Vec<String>,
    /// Set when some values can only be day-first and as many can only be
    /// month-first: one of each, with its line.
    pub contradicting: Option<ContradictingDates>,
}

/// One value that can only be day-first and one that can only be
/// month-first, each with its 1-based line, when the file has both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContradictingDates {
    /// A value that can only be day-first, and its line.
    pub day_first: Option<(u64, String)>,
    /// A value that can only be month-first, and its line.
    pub month_first: Option<(u64, String)>,
}

/// A column the importer could not map by itself, with what it found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingRequest {
    /// The required fields no column was recognised as.
    pub missing: Vec<Field>,
    /// Every header of the file, in order.
    pub headers: Vec<String>,
    /// Per missing field, the headers that might hold it, best first.
    pub candidates: Vec<(Field, Vec<String>)>,
    /// The first data rows, for a preview.
    pub preview: Vec<Vec<String>>,
    /// Set when a date column is ambiguous and needs a `DateOrder`.
    pub ambiguous_dates: Option<DateQuestion>,
    /// The fields that were recognised, with their column's header, so the
    /// user sees what will be read and can also place optional fields.
    #[serde(default)]
    pub mapped: Vec<(Field, String)>,
    /// What was wrong with the choices this import was given: the step
    /// shows these beside the choices.
    #[serde(default)]
    pub problems: Vec<MappingProblem>,
    /// Set when the file has no customer column and the user has not said
    /// whether it holds one customer or many.
    #[serde(default)]
    pub customer_question: Option<CustomerQuestion>,
    /// What was read so far.
    pub report: ImportReport,
}

/// The importer either produces subscriptions or asks for a mapping.
// One outcome per import, moved a few times: a Box would only make every
// caller unwrap it.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportOutcome {
    /// The file was read.
    Ready(Import),
    /// The user must choose columns or a date order first.
    NeedsMapping(MappingRequest),
}

/// Reads an export. Never panics, whatever the bytes.
///
/// Valid UTF-8 is read in place; [`ImportJob`] does the same work in slices.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<ImportOutcome, ImportError> {
    ImportJob::new(bytes, options.clone()).run()
}
