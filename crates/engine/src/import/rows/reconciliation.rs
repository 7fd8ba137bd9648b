/*!
The reconciliation file: one row per *charge*, so several rows make one
subscription; they are merged on `SyndicationPartnerSubscriptionNumber`
(the Partner Center subscription id; its `SubscriptionId` column is
another id). The merged subscription lists every row's line. Its end date
is the latest `SubscriptionEndDate` of its rows (a renewal moves it). Its
seat count is the `Quantity` of the most relevant charge:

1. a *standing* charge, whose quantity is the seats in force: cycle fee /
   cycle charge, renewal, purchase or activation fee (without "prorate",
   "credit", "cancel", "refund" or "remove");
2. else a charge of a type the importer does not know;
3. never a *change* (`addQuantity`, prorated purchases, conversions) or a
   *removal* (`removeQuantity`, `cancel`, credits), whose quantity is only
   the change: a subscription with only those rows gets no seat count, and
   a note says so.

Within the best kind, the charge with the latest `ChargeStartDate` wins
(the file's documented month-first dates), then the later line.
*/

use super::builder::Builder;
use super::drafts::{Draft, Pick};
use super::texts::Cells;
use crate::import::values::{numeric_to_date, parse_date, DateCell};
use crate::model::{AutoRenew, Customer, EndDate, SharedText, Status, Subscription};

/// Ranks a reconciliation `ChargeType` (see the module doc): 3 standing,
/// 2 unknown, 1 change, 0 removal.
pub(super) fn charge_rank(charge_type: &str) -> u8 {
    // Compared without allocating: this runs once per charge row.
    let has = |w: &str| {
        let (h, w) = (charge_type.as_bytes(), w.as_bytes());
        h.len() >= w.len() && h.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w))
    };
    if has("cancel") || has("remove") || has("credit") || has("refund") {
        0
    } else if has("prorate") || has("add") || has("convert") || has("upgrade") {
        1
    } else if has("cycle")
        || has("renew")
        || has("purchase")
        || has("activation")
        || charge_type.trim().eq_ignore_ascii_case("new")
    {
        3
    } else {
        2
    }
}

/// A subscription of which a row says only its customer, id, offer and
/// nickname, as the reconciliation file's rows do: the seats come later
/// from its charges, the end date from its lines; the rest stays unknown.
pub(super) fn bare_subscription(
    customer: Customer,
    id: SharedText,
    (offer, trial): (SharedText, bool),
    friendly_name: Option<SharedText>,
) -> Subscription {
    Subscription {
        customer,
        id,
        trial,
        offer,
        friendly_name,
        sku: None,
        seats: None,
        status: Status::NotReported,
        auto_renew: AutoRenew::Unknown,
        end_date: EndDate::Unknown,
        term_months: None,
        lines: Vec::new(),
    }
}

impl Builder {
    pub(super) fn recon_row(
        &mut self,
        line: u64,
        rec: Cells<'_>,
        id: &str,
        offer: &str,
        quantity: Option<i64>,
        end_cell: DateCell,
    ) {
        // A file has a handful of charge types, mostly one after another.
        let charge = rec.cell(self.map.aux.charge_type);
        let rank = match &self.last_charge {
            Some((c, rank)) if c == charge => *rank,
            _ => {
                let rank = charge_rank(charge);
                self.last_charge = Some((charge.to_string(), rank));
                rank
            }
        };
        let start = match parse_date(rec.cell(self.map.aux.charge_start)) {
            Ok((DateCell::Known(d), _)) => Some(d),
            // The reconciliation file is month-first by its documentation.
            Ok((
                DateCell::Numeric {
                    first,
                    second,
                    year,
                    ..
                },
                _,
            )) => numeric_to_date(first, second, year, false),
            _ => None,
        };
        let pick = Pick {
            rank,
            start,
            line,
            seats: quantity,
        };
        // A subscription's charge rows mostly follow one another, so the
        // last draft is tried before the map.
        let last = self.drafts.len().checked_sub(1);
        let found = match last {
            Some(i) if *self.drafts[i].sub.id == *id => Some(i),
            _ => self.by_id.get(id, &self.drafts),
        };
        if let Some(i) = found {
            self.more_ends.push((i, line, end_cell));
            let d = &mut self.drafts[i];
            if d.pick.is_none_or(|p| pick.better_than(&p)) {
                d.pick = Some(pick);
            }
            return;
        }
        let sub = bare_subscription(
            self.customer(rec),
            id.into(),
            self.products.share_flagged(offer),
            self.friendly_name(rec, offer),
        );
        self.by_id.insert(&sub.id, self.drafts.len(), &self.drafts);
        self.drafts.push(Draft {
            sub,
            first_end: (line, end_cell),
            pick: Some(pick),
        });
    }
}
