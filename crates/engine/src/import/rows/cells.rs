/*!
A row's cells as the model's values: its customer, nickname, status,
auto-renew and term, with the values that cannot be read counted for the
notes.
*/

use super::builder::Builder;
use super::texts::{same_or_new, Cells};
use crate::import::values::{is_placeholder, parse_bool, parse_status, parse_term};
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
            let mut c = c.clone();
            if self.map.get(Field::ResellerMpnId).is_some() {
                let reseller = self.reseller(rec);
                self.last_customer.reseller_mpn_id = reseller.clone();
                c.reseller_mpn_id = reseller;
            }
            return c;
        }
        self.row_customer(rec)
    }

    /// The row's reseller MPN ID, shared with the last row's when the
    /// same. Blank and `0` (what exports write for "sold directly") are
    /// no reseller.
    fn reseller(&self, rec: Cells<'_>) -> Option<SharedText> {
        let raw = rec.cell(self.map.get(Field::ResellerMpnId));
        let last = &self.last_customer.reseller_mpn_id;
        // Most rows repeat the last row's reseller: no other test then.
        if let Some(t) = last.as_ref().filter(|t| ***t == *raw) {
            return Some(t.clone());
        }
        let none = raw.bytes().all(|b| b == b'0') || is_placeholder(raw);
        same_or_new(last, if none { "" } else { raw })
    }

    /// Whether the row is a trial: its trial column says so, or its offer
    /// or SKU has "Trial" as a word (試用 in Chinese names), which the
    /// caller found when it shared them (`named`).
    pub(super) fn trial(&mut self, rec: Cells<'_>, named: bool) -> bool {
        if let Some(col) = self.map.get(Field::Trial) {
            let raw = rec.cell(Some(col));
            match parse_bool(raw) {
                Some(Some(true)) => return true,
                Some(_) => {}
                None => self.unread_trial.add(raw),
            }
        }
        named
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
            reseller_mpn_id: self.reseller(rec),
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
