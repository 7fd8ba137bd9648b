/*!
The state of one file's walk ([`Builder`]) and what it ends with ([`Built`],
or [`AmbiguousDates`] when the user must choose the date order). The walk
itself is in `rows` and its parts.
*/

use super::drafts::{Draft, FxMap, IdIndex};
use super::evidence::DateEvidence;
use super::texts::RecentTexts;
use crate::import::columns::Mapping;
use crate::import::users::UsersReader;
use crate::import::values::DateCell;
use crate::import::{Format, RejectedRow};
use crate::model::source::ImportNote;
use crate::model::{Customer, Subscription};

/// Values the importer could not read and left unknown, for the notes.
#[derive(Debug, Default)]
pub(super) struct Unread {
    pub(super) count: u64,
    pub(super) examples: Vec<String>,
}

impl Unread {
    pub(super) fn add(&mut self, v: &str) {
        self.count += 1;
        if self.examples.len() < 3 && !self.examples.iter().any(|e| e == v) {
            self.examples.push(v.chars().take(40).collect());
        }
    }
}

/// Walks the records of one file.
pub(crate) struct Builder {
    pub(super) format: Format,
    pub(super) map: Mapping,
    pub(super) headers: Vec<String>,
    pub(super) delimiter: u8,
    /// The customer named after the file, for exports with no customer column.
    pub(super) file_customer: Option<Customer>,
    /// The file has no subscription id column: rows get `row-<line>`.
    pub(super) number_rows: bool,
    pub(super) drafts: Vec<Draft>,
    /// End-date cells of rows merged into an earlier draft: (draft, line,
    /// cell), in input order.
    pub(super) more_ends: Vec<(usize, u64, DateCell)>,
    pub(super) by_id: IdIndex,
    /// Drafts by their values, for ids met on more than one row, so that
    /// an exact repeat merges into the earlier row it repeats, not only
    /// into the first row of its id (else the plan depends on row order).
    pub(super) by_values: FxMap<String, usize>,
    pub(crate) customers: Vec<Customer>,
    pub(crate) rejected: Vec<RejectedRow>,
    pub(crate) rows_read: u64,
    pub(crate) blank_lines: u64,
    pub(crate) preview: Vec<Vec<String>>,
    pub(super) evidence: DateEvidence,
    pub(super) unread_status: Unread,
    pub(super) blank_status: u64,
    pub(super) unread_renew: Unread,
    pub(super) unread_term: Unread,
    pub(super) unread_trial: Unread,
    /// (id, first line, this line) of the first few.
    pub(super) differing_duplicates: Vec<(String, u64, u64)>,
    pub(super) exact_duplicates: u64,
    pub(crate) notes: Vec<ImportNote>,
    /// The last charge type ranked, and its rank.
    pub(super) last_charge: Option<(String, u8)>,
    /// Offers, nicknames and SKUs met lately.
    pub(super) products: RecentTexts,
    /// The customer of the last row read from the file's own cells.
    pub(super) last_customer: Customer,
    /// A users file's reader: its rows are users, not subscriptions.
    pub(crate) users: Option<Box<UsersReader>>,
}

/// The settled outcome of a file's rows.
pub(crate) struct Built {
    pub(crate) subscriptions: Vec<Subscription>,
    pub(crate) customers: Vec<Customer>,
    pub(crate) rejected: Vec<RejectedRow>,
    pub(crate) rows_as_subscriptions: u64,
    pub(crate) rows_merged: u64,
    pub(crate) notes: Vec<ImportNote>,
}

/// The end-date column needs the user to say how to read it.
pub(crate) struct AmbiguousDates {
    pub(crate) question: crate::import::DateQuestion,
}
