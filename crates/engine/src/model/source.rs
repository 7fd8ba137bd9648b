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
    /// Microsoft 365 admin center: Active users → *Export users* (the
    /// legacy 32-column and the 2025 28-column layouts).
    AdminCenterUsers,
    /// A users' license report written by a script (MSOnline or Graph:
    /// o365reports, AdminDroid, Office365itpros, or any users list).
    UserLicenseReport,
    /// Headers did not match a known format; columns were mapped by alias
    /// or by the user.
    Generic,
}

/// A field of the typed model that a column can be mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The customer's tenant id.
    CustomerId,
    /// The customer's company name.
    CustomerName,
    /// The customer's primary domain.
    CustomerDomain,
    /// The customer's qualification (`Education`, ...).
    Qualification,
    /// The subscription id.
    SubscriptionId,
    /// The offer or product name.
    Offer,
    /// The subscription's nickname.
    FriendlyName,
    /// The SKU part number.
    Sku,
    /// The licensed seat count.
    Seats,
    /// The lifecycle status.
    Status,
    /// Whether it renews by itself.
    AutoRenew,
    /// When the current term ends.
    EndDate,
    /// The term length (`P1M`, `P1Y`, ...).
    Term,
    /// The MPN ID of the indirect reseller (CSP two-tier): `ResellerMpnId`,
    /// `Tier2MpnId`, `IndirectResellerMpnId`, Partner Center's `Reseller`.
    ResellerMpnId,
    /// Whether the subscription is a trial (`IsTrial`, `isTrial`,
    /// `TermInfo.IsTrial`).
    Trial,
    /// A users file: the user principal name (`alice@contoso.com`).
    UserPrincipalName,
    /// A users file: the user's display name.
    DisplayName,
    /// A users file: the licenses a user holds.
    Licenses,
    /// A users file: the proxy (e-mail) addresses.
    ProxyAddresses,
    /// A users file: whether sign-in is blocked.
    BlockCredential,
}

/// A rejected input row and why. `i18n::import` says the reason in words;
/// serialised, the reason is its English sentence, as it always was.
///
/// Rows are equal when they say the same: a row read back from JSON, whose
/// reason is a sentence, equals the typed row it was written from.
#[derive(Clone, Debug, Deserialize)]
#[serde(from = "RejectedRowText")]
pub struct RejectedRow {
    /// 1-based physical line number where the row starts.
    pub line: u64,
    /// Why it was rejected.
    pub reason: RejectReason,
    /// The row's customer (its name, else domain, else tenant id), when the
    /// row was read far enough to name one: the user finds the row by it.
    pub customer: Option<String>,
    /// The row's subscription id, when it has one.
    pub subscription_id: Option<String>,
}

impl RejectedRow {
    /// A row rejected before its customer or subscription could be read.
    pub fn new(line: u64, reason: RejectReason) -> RejectedRow {
        RejectedRow {
            line,
            reason,
            customer: None,
            subscription_id: None,
        }
    }
}

/// A rejected row as serialised: its reason is a sentence. Rows saved
/// before the customer and subscription id were kept have neither.
#[derive(Deserialize)]
struct RejectedRowText {
    line: u64,
    reason: String,
    #[serde(default)]
    customer: Option<String>,
    #[serde(default)]
    subscription_id: Option<String>,
}

impl From<RejectedRowText> for RejectedRow {
    fn from(r: RejectedRowText) -> RejectedRow {
        RejectedRow {
            line: r.line,
            reason: RejectReason::Text(r.reason),
            customer: r.customer,
            subscription_id: r.subscription_id,
        }
    }
}

/// Why a row was rejected, with what the sentence needs (the row's line is
/// in [`RejectedRow::line`]). Columns are named by their header text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RejectReason {
    /// A cell longer than the importer's limit.
    FieldTooLong {
        /// The column's header, if the header row reaches that far.
        header: Option<String>,
        /// The column's 0-based position.
        column: usize,
        /// The cell's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// More or fewer fields than the header row has.
    WrongFieldCount {
        /// The row's fields (without Excel's empty padding).
        found: usize,
        /// The header row's fields.
        expected: usize,
        /// The file's delimiter.
        delimiter: char,
        /// The last line of the row, when it spans lines.
        last_line: Option<u64>,
    },
    /// A quoted value spanning lines up to `last_line` that holds what
    /// look like whole rows.
    SwallowedRows {
        /// The row's last line.
        last_line: u64,
    },
    /// A customer-list row with no id, name or domain.
    NoCustomer,
    /// The subscription id cell is empty.
    EmptySubscriptionId {
        /// The subscription id column's header.
        header: String,
    },
    /// The offer (and the SKU) cell is empty.
    EmptyOffer {
        /// The offer column's header.
        header: String,
    },
    /// The end date cannot be read.
    BadEndDate {
        /// The cell, cut to 60 characters.
        value: String,
        /// The end-date column's header.
        header: String,
        /// What is wrong with it.
        problem: DateProblem,
    },
    /// The quantity is not a whole number.
    BadQuantity {
        /// The cell, cut to 60 characters.
        value: String,
        /// The quantity column's header.
        header: String,
    },
    /// The quantity is below zero.
    NegativeQuantity {
        /// The quantity.
        quantity: i64,
        /// The quantity column's header.
        header: String,
    },
    /// The end date can only be read in the order the column was not read in.
    ContradictoryEndDate {
        /// The date as written.
        value: String,
        /// The end-date column's header.
        header: String,
        /// The order the column was read in.
        read_day_first: bool,
    },
    /// A users file's row with no user principal name.
    NoUserPrincipalName {
        /// The user principal name column's header.
        header: String,
    },
    /// A reason kept as a sentence: one read back from a saved plan, or
    /// written by hand.
    Text(String),
}

/// What is wrong with a date cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// Not shaped like any date format the importer knows.
    Unreadable,
    /// Shaped like a date but no such day exists (`2/30/2020`, `13/13/2020`).
    NoSuchDay,
    /// Excel's serial 60, the 29 February 1900 that never was.
    ExcelLeapBug,
}

impl From<&str> for RejectReason {
    fn from(s: &str) -> RejectReason {
        RejectReason::Text(s.to_string())
    }
}

impl From<String> for RejectReason {
    fn from(s: String) -> RejectReason {
        RejectReason::Text(s)
    }
}

/// What the importer did with the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The format the headers were recognised as.
    pub format: Option<Format>,
    /// `UTF-8`, `UTF-16LE`, `windows-1252`, ...
    pub encoding: String,
    /// The field delimiter: `,`, `;`, tab or `|`.
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
    /// Rows that describe users (a users export or license report; a
    /// report's second row for a user counts here too).
    #[serde(default)]
    pub rows_as_users: u64,
    /// Rows not imported, with why, in line order.
    pub rejected: Vec<RejectedRow>,
    /// Notes for the user: assumptions, skipped preamble lines, ...
    pub notes: Vec<ImportNote>,
}

/// A successful import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    /// Every subscription read; rows merged into one are listed in its
    /// [`Subscription::lines`].
    pub subscriptions: Vec<Subscription>,
    /// Customers from a customer list export.
    pub customers: Vec<Customer>,
    /// Users of a tenant, from a users export or license report (one list
    /// per file).
    #[serde(default)]
    pub users: Vec<super::users::UsersList>,
    /// How the file was read and what became of every row.
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
            Format::AdminCenterUsers => "a Microsoft 365 admin center users export",
            Format::UserLicenseReport => "a users' license report",
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
                + self.rows_as_users
                + self.rejected.len() as u64
    }
}

/// A note on how a file was read, with what its sentence needs;
/// `i18n::import` says it in words. Serialised, a note is its English
/// sentence, and a sentence read back is a [`ImportNote::Text`], which
/// equals the typed note it was written from.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ImportNote {
    /// UTF-16 recognised by its NUL bytes, with no byte-order mark.
    Utf16WithoutBom {
        /// The encoding it was read in.
        encoding: &'static str,
    },
    /// Some UTF-16 units were not valid and became U+FFFD.
    InvalidUtf16 {
        /// The encoding it was read in.
        encoding: &'static str,
    },
    /// An odd number of bytes in a UTF-16 file.
    HalfUtf16Character,
    /// Big5 by its bytes, but no Big5 decoder here.
    Big5Unavailable,
    /// Not UTF-8 from `line` on: read in `encoding` instead.
    NotUtf8 {
        /// The line (or text) concerned.
        line: u64,
        /// The encoding it was read in.
        encoding: LegacyEncoding,
    },
    /// NUL bytes dropped.
    NulBytesRemoved {
        /// How many.
        count: usize,
    },
    /// Every line ends with a lone `\r`.
    ClassicMacLineEnds,
    /// Lone `\r` among other line ends.
    MixedLineEnds {
        /// How many lone carriage returns.
        lone_cr: usize,
    },
    /// PowerShell's `#TYPE` line, cut to 120 bytes.
    SkippedTypeLine {
        /// The line (or text) concerned.
        line: String,
    },
    /// A `sep=` line named the delimiter.
    SepLine {
        /// The delimiter named.
        delimiter: char,
    },
    /// A `sep=` line named no delimiter the importer knows.
    UnknownSepLine,
    /// Lines before the header row, with the first few as quoted previews.
    SkippedPreamble {
        /// How many.
        count: usize,
        /// The first skipped line.
        first_line: u64,
        /// The last skipped line.
        last_line: u64,
        /// Up to three lines, each cut to 60 characters.
        previews: Vec<String>,
    },
    /// The headers matched no format.
    UnknownFormat,
    /// The headers matched a format.
    Recognised {
        /// The format.
        format: Format,
    },
    /// A column chosen by the user is not in the file.
    ChosenColumnMissing {
        /// The field.
        field: Field,
        /// The column's header.
        header: String,
    },
    /// Which column each field was read from.
    ColumnsUsed {
        /// Each field with its column's header.
        columns: Vec<(Field, String)>,
    },
    /// Blank lines skipped.
    BlankLines {
        /// How many.
        count: u64,
    },
    /// Required fields no column was recognised as.
    MissingColumns {
        /// The fields.
        fields: Vec<Field>,
    },
    /// A customer list: no subscriptions in it.
    CustomersOnly,
    /// Rows read, waiting for the date order to be chosen.
    AwaitingDateOrder {
        /// The data rows read.
        rows: u64,
    },
    /// No customer column: the customer is named after the file.
    CustomerFromFileName {
        /// The customer name given.
        name: String,
    },
    /// No customer column and no file name.
    NoCustomer,
    /// No customer column: every row is the customer the user named.
    CustomerNamedByUser {
        /// The name given.
        name: String,
    },
    /// No subscription id column: each row's id is `row-` and its line.
    RowsNumbered,
    /// A license report without subscription ids.
    NoSubscriptionIds,
    /// The date order follows from a value that can only be read one way.
    DateOrderSettled {
        /// The column's header.
        header: String,
        /// Whether the column was read day-first.
        day_first: bool,
        /// The line and value that settle it.
        example: Option<(u64, String)>,
    },
    /// Dates are written both ways; the column was read `day_first` or not.
    DateOrderMixed {
        /// The column's header.
        header: String,
        /// A day-first value and its line.
        day_first_example: Option<(u64, String)>,
        /// A month-first value and its line.
        month_first_example: Option<(u64, String)>,
        /// Whether the column was read day-first.
        day_first: bool,
    },
    /// The date order the user chose.
    DateOrderChosen {
        /// The column's header.
        header: String,
        /// Whether the column was read day-first.
        day_first: bool,
    },
    /// The date order assumed from the format or the dates' style.
    DateOrderAssumed {
        /// The column's header.
        header: String,
        /// The first ambiguous value, as written.
        example: String,
        /// Whether the column was read day-first.
        day_first: bool,
        /// Why that order.
        why: DateOrderHint,
    },
    /// Reconciliation subscriptions with no charge that states the seats.
    SeatsUnknown {
        /// How many.
        count: u64,
    },
    /// The reconciliation file's rows were merged by subscription.
    ReconciliationMerged,
    /// Rows that repeated an earlier row exactly.
    ExactDuplicates {
        /// How many.
        count: u64,
    },
    /// Ids on several rows with differing values: (id, first line, line).
    DifferingDuplicates {
        /// Examples.
        examples: Vec<(String, u64, u64)>,
    },
    /// Values of a column that could not be read.
    UnreadValues {
        /// How many.
        count: u64,
        /// The field.
        field: Field,
        /// The column's header.
        header: String,
        /// Up to three, each cut to 40 characters.
        examples: Vec<String>,
    },
    /// Rows with an empty status.
    BlankStatus {
        /// How many.
        count: u64,
    },
    /// End dates written as Excel day numbers.
    ExcelSerialDates {
        /// How many.
        count: u64,
    },
    /// End dates with a two-digit year.
    TwoDigitYears {
        /// How many.
        count: u64,
    },
    /// License names in a users file that the catalog does not know.
    UnknownLicenses {
        /// Up to ten of them, as the file writes them.
        names: Vec<String>,
        /// How many more distinct names there are.
        more: u64,
    },
    /// Rows of a user met on an earlier row, whose licenses were added to it.
    UserRowsJoined {
        /// How many.
        count: u64,
    },
    /// A note kept as a sentence (read back from saved data).
    Text(String),
}

/// The legacy encodings a file that is not UTF-8 is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LegacyEncoding {
    /// Big5 (Traditional Chinese).
    Big5,
    /// Windows-1252 (Western European).
    Windows1252,
}

/// Why a date order was assumed when the dates themselves do not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateOrderHint {
    /// Dates written with dots are day-first.
    Dotted,
    /// The reconciliation file is month-first by its documentation.
    Reconciliation,
    /// The bulk migration tool writes MM/dd/yyyy.
    BulkMigration,
    /// AM/PM times come from a US-English Windows.
    TwelveHourClock,
}

impl<'de> Deserialize<'de> for ImportNote {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ImportNote, D::Error> {
        String::deserialize(d).map(ImportNote::Text)
    }
}

impl From<String> for ImportNote {
    fn from(s: String) -> ImportNote {
        ImportNote::Text(s)
    }
}

impl From<&str> for ImportNote {
    fn from(s: &str) -> ImportNote {
        ImportNote::Text(s.to_string())
    }
}
