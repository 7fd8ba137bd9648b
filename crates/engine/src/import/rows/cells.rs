/*!
A row's cells as the model's values: its customer, nickname, status,
auto-renew and term, with the values that cannot be read counted for the
notes.
*/

use super::builder::Builder;
use super::texts::{same_or_new, Cells};
use crate::import::values::{parse_bool, parse_status, parse_term};
use crate::import::Field;
use crate::model::{AutoRenew, Customer, SharedText, Status};

impl Builder {
    /// The row's nickname, unless it is empty or the offer again.
    pub(super) fn friendly_name(&mut self, rec: Cells<'_>, offer: &str) -> Option<SharedText> {
        let f = rec.cell(self.map.get(Field::FriendlyName));
        (!f.is_empty() && f != offer).then(|| self.products.share(f))
    }

    pub(super) fn customer(&mut self, rec: Cells<'_>) -> Customer {
        if let Some(c) = &self.file_customer {
            return c.clone();
        }
        self.row_customer(rec)
    }

    /// The customer the row's own cells name. A customer's rows mostly
    /// follow one another, so each value the last row had is shared.
    pub(super) fn row_customer(&mut self, rec: Cells<'_>) -> Customer {
        let last = &self.last_customer;
        let c = Customer {
            id: same_or_new(&last.id, rec.cell(self.map.get(Field::CustomerId))),
            name: same_or_new(&last.name, rec.cell(self.map.get(Field::CustomerName))),
            domain: same_or_new(&last.domain, rec.cell(self.map.get(Field::CustomerDomain))),
            qualification: same_or_new(
                &last.qualification,
                rec.cell(self.map.get(Field::Qualification)),
            ),
            reseller_mpn_id: None,
        };
        self.last_customer = c.clone();
        c
    }

    pub(super) fn status(&mut self, rec: Cells<'_>) -> Status {
        let col = self.map.get(Field::Status);
        if col.is_none() && self.map.aux.friendly_status.is_none() {
            return Status::NotReported;
        }
        let mut raw = rec.cell(col);
        if raw.is_empty() {
            raw = rec.cell(self.map.aux.friendly_status);
        }
        if raw.is_empty() {
            self.blank_status += 1;
            return Status::Other;
        }
        match parse_status(raw) {
            Some(s) => s,
            None => {
                self.unread_status.add(raw);
                Status::Other
            }
        }
    }

    pub(super) fn auto_renew(&mut self, rec: Cells<'_>) -> AutoRenew {
        let Some(col) = self.map.get(Field::AutoRenew) else {
            return AutoRenew::Unknown;
        };
        let raw = rec.cell(Some(col));
        match parse_bool(raw) {
            Some(Some(true)) => AutoRenew::On,
            Some(Some(false)) => AutoRenew::Off,
            Some(None) => AutoRenew::Unknown,
            None => {
                self.unread_renew.add(raw);
                AutoRenew::Unknown
            }
        }
    }

    pub(super) fn term(&mut self, rec: Cells<'_>) -> Option<u16> {
        let col = self.map.get(Field::Term)?;
        let raw = rec.cell(Some(col));
        match parse_term(raw) {
            Some(t) => t,
            None => {
                self.unread_term.add(raw);
                None
            }
        }
    }
}
