/*!
A record's cells as the model's values: trimmed text read once per record
([`Cells`]), the customer, nickname, status, auto-renew and term of a row,
and the sharing of texts that repeat from row to row.
*/

use super::Builder;
use crate::import::records::Record;
use crate::import::values::{parse_bool, parse_status, parse_term};
use crate::import::Field;
use crate::model::{AutoRenew, Customer, SharedText, Status};

/// The last few distinct texts of a column made, to share rather than
/// copy (see [`SharedText`]): an export repeats a handful of offers,
/// nicknames and SKUs. A short list compared in turn costs less than a
/// hash of every value, which measured slower than the copies it saved.
#[derive(Debug, Default)]
pub(super) struct RecentTexts {
    texts: Vec<SharedText>,
    /// Where the next new text goes once the list is full.
    next: usize,
}

impl RecentTexts {
    const LEN: usize = 16;

    pub(super) fn share(&mut self, text: &str) -> SharedText {
        if let Some(t) = self.texts.iter().find(|t| ***t == *text) {
            return t.clone();
        }
        let t = SharedText::from(text);
        if self.texts.len() < Self::LEN {
            self.texts.push(t.clone());
        } else {
            self.texts[self.next] = t.clone();
            self.next = (self.next + 1) % Self::LEN;
        }
        t
    }

    /// The shared text, or `None` for an empty cell.
    pub(super) fn non_empty(&mut self, text: &str) -> Option<SharedText> {
        (!text.is_empty()).then(|| self.share(text))
    }
}

/// `text` as the last row had it (shared), else made anew; `None` when empty.
pub(super) fn same_or_new(last: &Option<SharedText>, text: &str) -> Option<SharedText> {
    match last {
        _ if text.is_empty() => None,
        Some(t) if **t == *text => Some(t.clone()),
        _ => Some(text.into()),
    }
}

/// A record's cells as trimmed text.
///
/// The decoded file is valid UTF-8 and [`Records`](super::records::Records)
/// splits it only at ASCII bytes (delimiters, quotes, line ends), so a record's fields are
/// UTF-8 together and each on its own. Checking the record once, rather
/// than each cell asked for, is one call instead of ten on short strings:
/// it was a tenth of the import's time.
#[derive(Clone, Copy)]
pub(super) struct Cells<'r> {
    pub(super) rec: Record<'r>,
    /// The record's fields, end to end, when they are UTF-8.
    pub(super) text: Option<&'r str>,
}

impl<'r> Cells<'r> {
    pub(super) fn new(rec: Record<'r>) -> Cells<'r> {
        Cells {
            rec,
            text: std::str::from_utf8(rec.as_slice()).ok(),
        }
    }

    /// The cell in column `col`, trimmed; empty when the column is not
    /// mapped, the row is too short, or the cell is not UTF-8.
    pub(super) fn cell(self, col: Option<usize>) -> &'r str {
        let Some(c) = col else { return "" };
        let text = match self.text {
            Some(t) => self.rec.range(c).and_then(|r| t.get(r)),
            None => self.rec.get(c).and_then(|b| std::str::from_utf8(b).ok()),
        };
        text.map_or("", trim)
    }
}

/// `str::trim`, which tests each end's characters for Unicode white space;
/// most cells start and end with a visible ASCII byte and need no trim.
pub(super) fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        [only] if only.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

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
