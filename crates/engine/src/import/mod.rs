/*!
The importer: file bytes → decoded text → records → typed subscriptions.

Two stages, as in ripgrep: raw input is first made into text and a dialect
(`text`: size, binary sniffing, encoding, NUL bytes and line endings;
`dialect`: delimiter, preamble and header row), then validated row by row
into the typed model (`columns`: the alias table and format detection;
`values`: dates, booleans, statuses, terms, quantities; `rows`: records
into subscriptions with every row accounted for).

[`import`] reads a whole file at once; [`ImportJob`] does the same work in
slices so that a browser tab never freezes (see `job`).

Nothing is lost: each data row becomes a subscription, is merged into one
(its line listed in [`Subscription::lines`]), becomes a customer, or is
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

mod columns;
mod dialect;
#[doc(hidden)]
pub mod fuzzing;
mod job;
mod records;
mod rows;
pub(crate) mod text;
mod values;

/// Every field, in the order fields are listed to a user.
pub use columns::FIELDS;
pub use job::{ImportJob, ImportProgress};
pub use text::{size_limit_message, Big5Decoder, ByteCheck};

/// Files larger than this are refused with a message giving both sizes.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// A cell longer than this rejects its row.
pub const MAX_FIELD_BYTES: usize = 1024 * 1024;
/// A header row with more columns than this is not an export.
pub const MAX_COLUMNS: usize = 10_000;

use serde::{Deserialize, Serialize};

use crate::model::{Customer, Subscription};

/// The export formats the importer recognises by their headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Legacy license-based reconciliation file (one row per charge).
    Reconciliation,
    /// `Get-PartnerCustomerSubscription | Export-Csv`.
    PowerShell,
    /// Partner Center REST API subscription resources flattened to CSV.
    RestApi,
    /// New-commerce bulk migration tool `subscriptions.csv`.
    BulkMigration,
    /// Partner Center UI: a customer's "Export subscriptions".
    PartnerCenterSubscriptions,
    /// Partner Center UI: "Export customers" (no subscriptions in it).
    PartnerCenterCustomers,
    /// o365reports license expiry report (Graph).
    LicenseExpiryReport,
    /// CIPP license report.
    CippLicenseReport,
    /// Headers did not match a known format; columns were mapped by alias
    /// or by the user.
    Generic,
}

/// A field of the typed model that a column can be mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    CustomerId,
    CustomerName,
    CustomerDomain,
    Qualification,
    SubscriptionId,
    Offer,
    FriendlyName,
    Sku,
    Seats,
    Status,
    AutoRenew,
    EndDate,
    Term,
}

/// How to read a date like `3/4/2020` when the file itself cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    MonthFirst,
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
    /// Decodes Big5 (see [`Big5Decoder`]); `None` uses the engine's own
    /// where it has one (natively). Not serialised: it is code, not data.
    #[serde(skip)]
    pub big5_decoder: Option<Big5Decoder>,
}

/// A rejected input row and why, in words a person understands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    /// 1-based physical line number where the row starts.
    pub line: u64,
    pub reason: String,
}

/// What the importer did with the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub format: Option<Format>,
    /// `UTF-8`, `UTF-16LE`, `windows-1252`, ...
    pub encoding: String,
    pub delimiter: char,
    /// 1-based line of the header row.
    pub header_line: u64,
    /// Data rows after the header (blank lines not counted).
    pub rows_read: u64,
    /// Rows that became subscriptions of their own.
    pub rows_as_subscriptions: u64,
    /// Rows merged into a subscription started by an earlier row.
    pub rows_merged: u64,
    /// Rows that describe customers (the customer list).
    pub rows_as_customers: u64,
    pub rejected: Vec<RejectedRow>,
    /// Notes for the user: assumptions, skipped preamble lines, ...
    pub notes: Vec<String>,
}

/// A successful import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    pub subscriptions: Vec<Subscription>,
    /// Customers from a customer list export.
    pub customers: Vec<Customer>,
    pub report: ImportReport,
}

/// A column the importer could not map by itself, with what it found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingRequest {
    pub missing: Vec<Field>,
    /// Every header of the file, in order.
    pub headers: Vec<String>,
    /// Per missing field, the headers that might hold it, best first.
    pub candidates: Vec<(Field, Vec<String>)>,
    /// The first data rows, for a preview.
    pub preview: Vec<Vec<String>>,
    /// Set when a date column is ambiguous and needs a `DateOrder`.
    pub ambiguous_dates: Option<String>,
    /// The fields that were recognised, with their column's header, so the
    /// user sees what will be read and can also place optional fields.
    #[serde(default)]
    pub mapped: Vec<(Field, String)>,
    pub report: ImportReport,
}

/// The importer either produces subscriptions or asks for a mapping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportOutcome {
    Ready(Import),
    NeedsMapping(MappingRequest),
}

/// A file the importer cannot read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// Reads an export. Never panics, whatever the bytes.
///
/// Valid UTF-8 is read in place; [`ImportJob`] does the same work in slices.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<ImportOutcome, ImportError> {
    ImportJob::new(bytes, options.clone()).run()
}

impl Format {
    /// The format's name for people.
    pub fn name(self) -> &'static str {
        match self {
            Format::Reconciliation => "a legacy license-based reconciliation file",
            Format::PowerShell => {
                "a Partner Center PowerShell export (Get-PartnerCustomerSubscription)"
            }
            Format::RestApi => "Partner Center API subscriptions saved as CSV",
            Format::BulkMigration => "the new-commerce bulk migration tool's subscriptions.csv",
            Format::PartnerCenterSubscriptions => "a Partner Center \"Export subscriptions\" file",
            Format::PartnerCenterCustomers => "a Partner Center \"Export customers\" file",
            Format::LicenseExpiryReport => "an o365reports license expiry report",
            Format::CippLicenseReport => "a CIPP license report",
            Format::Generic => "a subscription list in no known format",
        }
    }
}

impl ImportReport {
    /// Every data row is accounted for exactly once:
    /// `rows_read == rows_as_subscriptions + rows_merged + rows_as_customers + rejected`.
    pub fn is_balanced(&self) -> bool {
        self.rows_read
            == self.rows_as_subscriptions
                + self.rows_merged
                + self.rows_as_customers
                + self.rejected.len() as u64
    }
}
