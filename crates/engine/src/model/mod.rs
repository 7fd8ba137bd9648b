/*!
The typed subscription model that every export format is read into.

The importer (`crate::import`) validates raw CSV records into these types;
the planner (`crate::plan`) reads nothing else. Keeping the model free of
any format's quirks is what lets one planner serve eight export formats:
a value that an export does not carry is said to be unknown here, never
guessed.
*/

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) mod source;
pub mod users;

pub use source::{Field, Format, Import, ImportReport, RejectedRow};
pub use users::{License, LicenseKind, User, UsersList};

/// Text that many values hold: an export repeats a handful of offers and
/// each customer's id, name and domain over many rows, and a plan repeats
/// them again. The importer makes each distinct value once and every row
/// and plan shares it, so a large export is not tens of thousands of
/// copies of the same few strings (allocation is slow in wasm).
pub(crate) type SharedText = Arc<str>;

/// The customer (tenant) a subscription belongs to, as far as the export
/// tells it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Customer {
    /// Tenant id (Microsoft ID, CustomerId, CustomerTenantId, ...).
    pub id: Option<SharedText>,
    /// Company name.
    pub name: Option<SharedText>,
    /// Primary domain (DomainName, CustomerDomainName, ...).
    pub domain: Option<SharedText>,
    /// A "special qualification" the export states, such as `Education`.
    pub qualification: Option<SharedText>,
    /// The MPN ID of the indirect reseller who sells to this customer
    /// through a distributor (CSP two-tier), when the export names one.
    #[serde(default)]
    pub reseller_mpn_id: Option<SharedText>,
}

impl Customer {
    /// A stable key for grouping subscriptions of one customer: the tenant
    /// id when known, else the domain, else the name (case-folded).
    pub fn key(&self) -> String {
        match self.key_parts() {
            Some((kind, folded)) => format!("{kind}:{folded}"),
            None => "unknown".to_string(),
        }
    }

    /// What [`Customer::key`] is made of: the kind of field (`id`,
    /// `domain` or `name`) and its case-folded value, borrowed when the
    /// value is folded already (as ids nearly always are), so that grouping
    /// thousands of rows allocates nothing per row.
    pub(crate) fn key_parts(&self) -> Option<(&'static str, Cow<'_, str>)> {
        fn non_empty(v: &Option<SharedText>) -> Option<&str> {
            v.as_deref().filter(|s| !s.is_empty())
        }
        let (kind, raw) = if let Some(id) = non_empty(&self.id) {
            ("id", id)
        } else if let Some(d) = non_empty(&self.domain) {
            ("domain", d)
        } else {
            ("name", non_empty(&self.name)?)
        };
        let folded = if raw.is_ascii() && !raw.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(raw.to_lowercase())
        };
        Some((kind, folded))
    }

    /// The best name to show a person.
    pub(crate) fn display_name(&self) -> &str {
        self.name
            .as_deref()
            .or(self.domain.as_deref())
            .or(self.id.as_deref())
            .unwrap_or("(customer not named in the export)")
    }
}

/// A subscription's lifecycle status as exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In service.
    Active,
    /// Ordered, not yet provisioned.
    Pending,
    /// Expired but within its grace period (Graph `Warning`).
    Warning,
    /// Past its end date (and any grace period).
    Expired,
    /// Suspended: serves no users while it stays so.
    Suspended,
    /// Disabled: serves no users.
    Disabled,
    /// Deleted: serves no users.
    Deleted,
    /// Locked out (Graph `LockedOut`).
    LockedOut,
    /// The export has no status column (the reconciliation file).
    NotReported,
    /// The export has a status the model does not know (`None`, blank, ...).
    Other,
}

impl Status {
    /// Every status, in declaration order: for reading a status back from
    /// its word or a number.
    pub const ALL: [Status; 10] = [
        Status::Active,
        Status::Pending,
        Status::Warning,
        Status::Expired,
        Status::Suspended,
        Status::Disabled,
        Status::Deleted,
        Status::LockedOut,
        Status::NotReported,
        Status::Other,
    ];

    /// Suspended, deleted, disabled or locked: the subscription no longer
    /// serves users and needs no migration of its own.
    pub(crate) fn is_inactive(self) -> bool {
        matches!(
            self,
            Status::Suspended | Status::Disabled | Status::Deleted | Status::LockedOut
        )
    }

    /// The word used in exports and the JSON plan.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Pending => "pending",
            Status::Warning => "warning",
            Status::Expired => "expired",
            Status::Suspended => "suspended",
            Status::Disabled => "disabled",
            Status::Deleted => "deleted",
            Status::LockedOut => "locked-out",
            Status::NotReported => "not-reported",
            Status::Other => "other",
        }
    }
}

/// Whether the subscription renews by itself at its end date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AutoRenew {
    /// Renews at the end date.
    On,
    /// Ends at the end date.
    Off,
    /// The export does not say (the reconciliation file, UI exports).
    Unknown,
}

/// When the subscription's current term ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "date")]
pub enum EndDate {
    /// The term ends on this date. Legacy CSP end dates are exclusive: the
    /// service stops at 00:00 UTC that day.
    On(NaiveDate),
    /// The export marks it as not expiring (the API's `9999-...` dates).
    Never,
    /// The export has no end date for it.
    Unknown,
}

impl EndDate {
    /// The end date, when the term has one.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            EndDate::On(d) => Some(d),
            _ => None,
        }
    }
}

/// One subscription, typed and validated, with the lines it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// The customer the subscription belongs to.
    pub customer: Customer,
    /// The Partner Center subscription id (for the reconciliation file:
    /// `SyndicationPartnerSubscriptionNumber`).
    pub id: SharedText,
    /// Offer or product name (`OfferName`, `offerName`, `LegacyProductName`,
    /// `Subscription`, Graph `License`...).
    pub offer: SharedText,
    /// The nickname, when it differs from the offer.
    pub friendly_name: Option<SharedText>,
    /// SKU part number, when the export has one (Graph reports).
    pub sku: Option<SharedText>,
    /// Licensed seats; `None` when the export has no quantity.
    pub seats: Option<u32>,
    /// Active, suspended, deleted... as the export says.
    pub status: Status,
    /// Whether the subscription renews at the end of its term.
    pub auto_renew: AutoRenew,
    /// When the current term ends.
    pub end_date: EndDate,
    /// Term length in months (P1M = 1, P1Y = 12, P3Y = 36), when known.
    pub term_months: Option<u16>,
    /// A trial (`IsTrial`, or "Trial" in the offer): it is never counted
    /// as paid coverage, and nothing is bought for it unless the user
    /// chooses.
    #[serde(default)]
    pub trial: bool,
    /// 1-based physical line numbers of the input rows merged into this
    /// subscription, in input order.
    pub lines: Vec<u64>,
}

/// "Trial" as a word (not inside "Industrial"), in any case, or 試用/试用.
/// Compared without allocating; the importer runs it once per distinct name.
pub(crate) fn names_a_trial(name: &str) -> bool {
    let b = name.as_bytes();
    let word = b"trial";
    let ascii_word = (0..b.len().saturating_sub(word.len() - 1)).any(|i| {
        b[i..i + word.len()].eq_ignore_ascii_case(word)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + word.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    });
    ascii_word || (!name.is_ascii() && (name.contains("試用") || name.contains("试用")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(id: Option<&str>, domain: Option<&str>, name: Option<&str>) -> Customer {
        Customer {
            id: id.map(SharedText::from),
            domain: domain.map(SharedText::from),
            name: name.map(SharedText::from),
            qualification: None,
            reseller_mpn_id: None,
        }
    }

    #[test]
    fn key_parts_fold_like_key() {
        let cases = [
            (named(Some("3F2C-AB"), None, None), "id:3f2c-ab"),
            (named(Some("3f2c-ab"), Some("X.com"), None), "id:3f2c-ab"),
            (
                named(Some(""), Some("Contoso.COM"), Some("C")),
                "domain:contoso.com",
            ),
            (named(None, None, Some("ΣΟΦΙΑ Ltd")), "name:σοφια ltd"),
            (named(None, None, Some("İstanbul")), "name:i\u{307}stanbul"),
            (named(None, None, Some("康托索")), "name:康托索"),
            (named(None, Some(""), Some("")), "unknown"),
        ];
        for (c, key) in cases {
            assert_eq!(c.key(), key, "{c:?}");
            // Borrowed only when folding would change nothing.
            if let Some((_, Cow::Borrowed(raw))) = c.key_parts() {
                assert!(key.ends_with(raw) && raw.to_lowercase() == raw, "{c:?}");
            }
        }
    }
}
