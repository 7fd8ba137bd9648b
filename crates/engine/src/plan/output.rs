/*!
The whole plan: its dates, its language, what was read, one
[`CustomerPlan`] per customer with Kaizala Pro, and the [`Summary`].
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Format, ImportReport, RejectedRow};

use super::customer::CustomerPlan;
use super::summary::Summary;

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

    /// The customer with this key.
    pub fn customer(&self, key: &str) -> Option<&CustomerPlan> {
        self.customers.iter().find(|c| c.key == key)
    }
}
