/*!
The importer: file bytes → decoded text → records → typed subscriptions.

SKELETON: the public types below are the contract between the importer and
the rest of the crate (planner, CLI, web app). The implementation may add
fields and variants, and submodules, but must keep these names.
*/

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
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<ImportOutcome, ImportError> {
    let _ = (bytes, options);
    todo!("import engine (issue 3)")
}

// SKELETON shim until the chunked job lands (issue 3): same API.
pub enum ImportProgress {
    Working { bytes_done: u64, bytes_total: u64, rows_read: u64 },
    Done(Result<ImportOutcome, ImportError>),
}

pub struct ImportJob(Option<(Vec<u8>, ImportOptions)>);

impl ImportJob {
    pub fn new(bytes: Vec<u8>, options: ImportOptions) -> ImportJob {
        ImportJob(Some((bytes, options)))
    }
    pub fn step(&mut self, _max_rows: usize) -> ImportProgress {
        match self.0.take() {
            Some((b, o)) => ImportProgress::Done(import(&b, &o)),
            None => ImportProgress::Done(Err(ImportError { message: "finished".into() })),
        }
    }
}
