/*!
The whole plan: its dates, its language, what was read, one
[`CustomerPlan`] per customer with Kaizala Pro, and the [`Summary`].

Two questions about a whole plan are answered here as well: the part of
it sold through one indirect reseller ([`Plan::for_reseller`]), and
whether the file looks older than the as-of date ([`Plan::older_export`]),
with the latest as-of date the file supports.
*/

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{EndDate, Format, ImportReport, RejectedRow, Status};

use super::customer::CustomerPlan;
use super::summary::{Summary, Tally};

/// The whole plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Version of this structure (and of the JSON export).
    pub(crate) schema: u32,
    /// "Today" for the plan.
    pub as_of: NaiveDate,
    /// When sales ended.
    pub cutoff: NaiveDate,
    /// The language of every `text`, `title` and `reason`.
    pub lang: Lang,
    /// What was read.
    pub source: Source,
    /// Customers with at least one Kaizala Pro subscription.
    pub customers: Vec<CustomerPlan>,
    /// Figures for the overview.
    pub summary: Summary,
}

/// The plan's JSON schema version.
pub(crate) const SCHEMA_VERSION: u32 = 1;

/// What was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The export's format, when recognised.
    pub format: Option<Format>,
    /// The file's character encoding (`UTF-8`, `windows-1252`, ...).
    pub encoding: String,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows that could not be read, and why.
    pub rows_rejected: Vec<RejectedRow>,
    /// The importer's notes (assumptions, skipped lines).
    pub notes: Vec<crate::model::source::ImportNote>,
}

impl Source {
    /// What the importer reports of the file it read.
    pub(crate) fn from_report(report: &ImportReport) -> Source {
        Source {
            format: report.format,
            encoding: report.encoding.clone(),
            rows_read: report.rows_read,
            rows_rejected: report.rejected.clone(),
            notes: report.notes.clone(),
        }
    }
}

impl Plan {
    /// Rewrites every text in `lang`; the data is untouched.
    pub(crate) fn relabel(&mut self, lang: Lang) {
        self.lang = lang;
        for c in &mut self.customers {
            c.relabel(lang);
        }
    }

    /// A copy with every text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Plan {
        let mut p = self.clone();
        if p.lang != lang {
            p.relabel(lang);
        }
        p
    }

    /// Each customer with its texts in `lang`, for an export that writes
    /// them one by one: borrowed when the plan is already in `lang`, else
    /// a relabelled copy of that one customer, so no copy of the whole
    /// plan is made.
    pub(crate) fn customers_in(
        &self,
        lang: Lang,
    ) -> impl ExactSizeIterator<Item = Cow<'_, CustomerPlan>> {
        let same = self.lang == lang;
        self.customers.iter().map(move |c| {
            if same {
                Cow::Borrowed(c)
            } else {
                let mut c = c.clone();
                c.relabel(lang);
                Cow::Owned(c)
            }
        })
    }

    /// The customer with this key.
    pub fn customer(&self, key: &str) -> Option<&CustomerPlan> {
        self.customers.iter().find(|c| c.key == key)
    }

    /// The MPN IDs of the indirect resellers of the plan's customers, each
    /// once, in order. Empty when the file names no reseller.
    pub fn resellers(&self) -> Vec<String> {
        let mut ids = BTreeSet::new();
        ids.extend(
            self.customers
                .iter()
                .filter_map(|c| c.customer.reseller_mpn_id.as_deref()),
        );
        ids.into_iter().map(str::to_string).collect()
    }

    /// The part of the plan sold through the reseller with MPN ID
    /// `reseller`; `""` keeps the customers with no reseller (sold
    /// directly). The summary is counted again over those customers; the
    /// file's customers without Kaizala Pro are not known per reseller, so
    /// the subset's `customers_in_file` is its own customer count.
    pub fn for_reseller(&self, reseller: &str) -> Plan {
        let customers: Vec<CustomerPlan> = self
            .customers
            .iter()
            .filter(|c| c.customer.reseller_mpn_id.as_deref().unwrap_or("") == reseller)
            .cloned()
            .collect();
        let mut tally = Tally::new();
        for c in &customers {
            tally.add(c);
        }
        let n = customers.len() as u64;
        Plan {
            schema: self.schema,
            as_of: self.as_of,
            cutoff: self.cutoff,
            lang: self.lang,
            source: self.source.clone(),
            customers,
            summary: tally.summary(n, n),
        }
    }

    /// The latest as-of date the file supports: the day before the
    /// earliest end date of the subscriptions still in service in the
    /// file (active, pending or in their grace period), so that on that
    /// day none of them has ended yet. Without such a subscription, the
    /// day before the earliest end date of any. `None` when the file gives
    /// no end date at all.
    pub fn latest_supported_as_of(&self) -> Option<NaiveDate> {
        let dated = |in_service: bool| {
            self.customers
                .iter()
                .flat_map(|c| &c.subscriptions)
                .filter(move |s| {
                    !in_service
                        || matches!(s.status, Status::Active | Status::Pending | Status::Warning)
                })
                .filter_map(|s| match s.end_date {
                    EndDate::On(d) => Some(d),
                    _ => None,
                })
                .min()
        };
        let earliest = dated(true).or_else(|| dated(false))?;
        earliest.checked_sub_days(Days::new(1))
    }

    /// When every end date in the file has passed by the as-of date (the
    /// service stops at 00:00 UTC on the end date), the file is most
    /// likely an older export planned as of a later day: then the latest
    /// as-of date it supports, to offer instead of showing everything as
    /// ended. `None` when some subscription has not ended yet or none has
    /// an end date.
    pub fn older_export(&self) -> Option<NaiveDate> {
        let mut ends = self
            .customers
            .iter()
            .flat_map(|c| &c.subscriptions)
            .filter_map(|s| match s.end_date {
                EndDate::On(d) => Some(d),
                _ => None,
            })
            .peekable();
        ends.peek()?;
        if ends.any(|d| d > self.as_of) {
            return None;
        }
        self.latest_supported_as_of()
            .filter(|latest| *latest < self.as_of)
    }
}
