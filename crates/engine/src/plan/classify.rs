/*!
Classification of one Kaizala Pro subscription against the as-of date and
the cutoff.

The rules, in the order they are applied:

1. **inactive**: the status is suspended, deleted, disabled or locked out.
   The subscription serves nobody and needs no step of its own.
2. **already-ended** when the export's status is `expired`, whatever the
   dates say.
3. **unknown-end-date**: the export has no end date, or marks it as never
   ending (the API's `9999-…` dates). No Kaizala Pro subscription can run
   forever once sales stopped, so "never" is not trusted: the user is asked
   to look the real date up.
4. Otherwise, with `end` the export's end date, `expires_on` (the day the
   service stops) is:
   - `end`, category **expires-after-cutoff**, when `end >= cutoff`: it
     reaches its end after sales stopped and cannot renew, whatever its
     auto-renew flag says (Microsoft turned the flag off on the cutoff);
   - `end + term`, category **renews-once-then-expires**, when
     `end < cutoff` and the export says auto-renew is on: it renews one
     last time at `end`, before sales stop. An unknown term counts as one
     year, and is noted. Months are added calendar-wise and clamp to the
     month's last day: 2020-02-29 + 12 months = 2021-02-28;
   - `end`, category **expires-before-cutoff**, when `end < cutoff` and
     auto-renew is off;
   - `end`, category **expires-before-cutoff** too, when `end < cutoff`
     and the export does not say whether it auto-renews (the legacy
     reconciliation file has no such column). Planning for the later
     date would leave users without Kaizala if it was not set to renew,
     so every date and the urgency come from the end date in the file;
     the day it would stop if it renewed (`end + term`) is kept as
     `if_renewed` and noted ([`Note::AutoRenewUnknown`]), to be checked
     in Partner Center.
5. **already-ended** overrides 4 when `expires_on <= as_of`. Legacy end
   dates are exclusive: the service stops at 00:00 UTC *on* that date, so
   on the as-of day itself a subscription ending that day no longer
   serves anyone. "Its end date is before the as-of date" is read with
   the end as the first day without service: `end == as_of` counts as
   ended. When auto-renew is unknown it ended unless it was set to renew,
   in which case it serves users until `if_renewed`: the note says so
   ([`Note::EndedUnlessRenewed`]) while that day is still to come.

`migrate_by = expires_on − 1 day`, the last day users still have Kaizala
Pro. `days_left = migrate_by − as_of`, bucketed into [`Urgency`]:
`ended` (< 0, i.e. exactly the already-ended ones), `within-30-days`
(0..=30), `within-90-days` (31..=90), `later`.
*/

use chrono::{Months, NaiveDate};

use crate::model::Format;
use crate::model::{AutoRenew, EndDate, Status, Subscription};

use super::kinds::{Category, Urgency};
use super::meaning::Note;

/// What classification found for one subscription.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classification {
    /// The subscription's category.
    pub category: Category,
    /// The day the service stops (00:00 UTC), when known.
    pub expires_on: Option<NaiveDate>,
    /// The last day users still have the service.
    pub migrate_by: Option<NaiveDate>,
    /// `migrate_by − as_of` in days.
    pub days_left: Option<i64>,
    /// How soon it must be migrated.
    pub urgency: Urgency,
    /// Auto-renew unknown and the end before the cutoff: the day the
    /// service would stop if it was set to renew (`end + term`). Only
    /// shown beside the dates above, which come from the end date.
    pub if_renewed: Option<NaiveDate>,
    /// Assumptions made and dates missing.
    pub notes: Vec<Note>,
}

/// Months in a term when the export does not say: a year, the usual
/// legacy CSP term.
pub(crate) const DEFAULT_TERM_MONTHS: u32 = 12;

/// Classifies a Kaizala Pro subscription (see the module documentation).
/// `format` names the export in the note for a missing end date.
///
/// ```
/// use chrono::NaiveDate;
/// use kaizala_engine::model::*;
/// use kaizala_engine::plan::{classify, Category};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let sub = Subscription {
///     customer: Customer::default(),
///     id: "s1".into(),
///     offer: "Microsoft Kaizala Pro".into(),
///     friendly_name: None,
///     sku: None,
///     seats: Some(10),
///     status: Status::Active,
///     auto_renew: AutoRenew::On,
///     end_date: EndDate::On(d(2020, 3, 15)),
///     term_months: Some(12),
///     trial: false,
///     lines: vec![2],
/// };
/// let c = classify(&sub, d(2020, 6, 1), d(2020, 7, 1), None);
/// assert_eq!(c.category, Category::RenewsOnceThenExpires);
/// assert_eq!(c.expires_on, Some(d(2021, 3, 15)));
/// assert_eq!(c.migrate_by, Some(d(2021, 3, 14)));
/// ```
pub fn classify(
    sub: &Subscription,
    as_of: NaiveDate,
    cutoff: NaiveDate,
    format: Option<Format>,
) -> Classification {
    let none = |category, urgency, notes| Classification {
        category,
        expires_on: None,
        migrate_by: None,
        days_left: None,
        urgency,
        if_renewed: None,
        notes,
    };
    if sub.status.is_inactive() {
        return none(Category::Inactive, Urgency::NoAction, Vec::new());
    }
    let expired = sub.status == Status::Expired;
    let end = match sub.end_date {
        EndDate::On(d) => d,
        EndDate::Unknown if expired => {
            return none(
                Category::AlreadyEnded,
                Urgency::Ended,
                vec![Note::ExpiredStatus],
            )
        }
        EndDate::Never if expired => {
            return none(
                Category::AlreadyEnded,
                Urgency::Ended,
                vec![Note::ExpiredStatus],
            )
        }
        EndDate::Unknown => {
            return none(
                Category::UnknownEndDate,
                Urgency::Unknown,
                vec![Note::EndDateMissing { format }],
            )
        }
        EndDate::Never => {
            return none(
                Category::UnknownEndDate,
                Urgency::Unknown,
                vec![Note::EndDateNever],
            )
        }
    };

    let mut notes = Vec::new();
    let mut if_renewed = None;
    let (mut category, expires_on) = if end >= cutoff {
        (Category::ExpiresAfterCutoff, end)
    } else {
        match sub.auto_renew {
            AutoRenew::Off => (Category::ExpiresBeforeCutoff, end),
            AutoRenew::On => (
                Category::RenewsOnceThenExpires,
                renewed(end, sub.term_months, &mut notes),
            ),
            // Not the expired status: that one says it did not renew.
            AutoRenew::Unknown if !expired => {
                let mut term_notes = Vec::new();
                let later = renewed(end, sub.term_months, &mut term_notes);
                if later > end {
                    if_renewed = Some(later);
                    if end > as_of {
                        notes.push(Note::AutoRenewUnknown { if_renewed: later });
                        notes.append(&mut term_notes);
                    } else if later > as_of {
                        notes.push(Note::EndedUnlessRenewed { if_renewed: later });
                        notes.append(&mut term_notes);
                    }
                }
                (Category::ExpiresBeforeCutoff, end)
            }
            AutoRenew::Unknown => (Category::ExpiresBeforeCutoff, end),
        }
    };
    if expired {
        notes.push(Note::ExpiredStatus);
    }
    if expired || expires_on <= as_of {
        category = Category::AlreadyEnded;
    }
    // The calendar's first day has no day before it; such a date can only
    // come from a broken export, and is long past anyway.
    let migrate_by = expires_on.pred_opt().unwrap_or(expires_on);
    let days_left = (migrate_by - as_of).num_days();
    let urgency = if category == Category::AlreadyEnded {
        Urgency::Ended
    } else {
        Urgency::from_days(days_left)
    };
    Classification {
        category,
        expires_on: Some(expires_on),
        migrate_by: Some(migrate_by),
        days_left: Some(days_left),
        urgency,
        if_renewed,
        notes,
    }
}

/// `end + term` (one year when the term is unknown, which is noted), or
/// `end` itself when that is past the calendar's last day (noted too).
fn renewed(end: NaiveDate, term_months: Option<u16>, notes: &mut Vec<Note>) -> NaiveDate {
    let months = match term_months.filter(|&m| m > 0) {
        Some(m) => u32::from(m),
        None => {
            notes.push(Note::TermAssumed);
            DEFAULT_TERM_MONTHS
        }
    };
    end.checked_add_months(Months::new(months))
        .unwrap_or_else(|| {
            notes.push(Note::TermOverflow);
            end
        })
}
