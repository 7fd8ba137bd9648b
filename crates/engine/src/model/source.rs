/*!
What one read of an export gave: its subscriptions and customers, the
format it was recognised as, and the report that accounts for every row.

These are the model's types, not the importer's: the planner, share links
and exports read them, and only the importer writes them, so no later
stage needs to import an earlier stage's code.
*/

use serde::{Deserialize, Serialize};

use super::{Customer, Subscription};

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
