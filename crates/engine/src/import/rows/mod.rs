/*!
Stage two: CSV records → typed subscriptions (or customers), with every
row accounted for.

[`Builder::row`] takes one record at a time, so the whole file is walked
once and only the mapped cells are looked at; [`Builder::finish`] then
settles what needs all rows first: the day/month order of the end-date
column, and the seat count of reconciliation subscriptions.

The work is split by subject: `cells` reads a record's cells into values,
`index` finds a subscription's first row by id, `reconciliation` merges
the reconciliation file's charge rows, `cipp` reads CIPP's `TermInfo`
JSON, `dates` settles the end-date column's day/month order, and `settle`
finishes the subscriptions once every row is read. A users file's rows,
once checked here, are read by `import::users`.
*/

mod builder;
mod cells;
mod cipp;
mod dates;
mod drafts;
mod evidence;
mod reconciliation;
mod settle;
mod texts;

pub(crate) use self::builder::Builder;
use self::builder::Unread;
use self::drafts::{Draft, FxMap, IdIndex};
use self::evidence::DateEvidence;
use self::texts::{Cells, RecentTexts};
use super::columns::Mapping;
use super::file_name::file_stem;
use super::records::Record;
use super::users::UsersReader;
use super::values::{parse_date, parse_quantity, DateCell};
use super::{Field, FileCustomers, Format, ImportOptions, RejectedRow, MAX_FIELD_BYTES};
use crate::model::source::{ImportNote, RejectReason};
use crate::model::{Customer, EndDate, Subscription};

/// How many rows a mapping request previews.
pub(crate) const PREVIEW_ROWS: usize = 5;

impl Builder {
    pub(crate) fn new(
        map: Mapping,
        headers: Vec<String>,
        delimiter: u8,
        options: &ImportOptions,
    ) -> Builder {
        let format = map.format.unwrap_or(Format::Generic);
        let mut notes = Vec::new();
        let has_customer = [
            Field::CustomerId,
            Field::CustomerName,
            Field::CustomerDomain,
        ]
        .iter()
        .any(|f| map.get(*f).is_some())
            // A users file's customer is found by its domains, or named by
            // the user: never after the file.
            || map.is_users();
        let named = match &options.customers {
            Some(FileCustomers::One { name }) => Some(name.trim()).filter(|n| !n.is_empty()),
            _ => None,
        };
        let file_customer = if has_customer || format == Format::PartnerCenterCustomers {
            None
        } else if let Some(name) = named {
            notes.push(ImportNote::CustomerNamedByUser {
                name: name.to_string(),
            });
            Some(Customer {
                name: Some(name.into()),
                ..Customer::default()
            })
        } else {
            match options
                .file_name
                .as_deref()
                .map(file_stem)
                .filter(|s| !s.is_empty())
            {
                Some(stem) => {
                    notes.push(ImportNote::CustomerFromFileName {
                        name: stem.to_string(),
                    });
                    Some(Customer {
                        name: Some(stem.into()),
                        ..Customer::default()
                    })
                }
                None => {
                    notes.push(ImportNote::NoCustomer);
                    None
                }
            }
        };
        let number_rows = options.number_rows && map.get(Field::SubscriptionId).is_none();
        if number_rows {
            notes.push(ImportNote::RowsNumbered);
        }
        if matches!(
            format,
            Format::LicenseExpiryReport | Format::CippLicenseReport
        ) && map.get(Field::SubscriptionId).is_none()
        {
            notes.push(ImportNote::NoSubscriptionIds);
        }
        let users = map
            .is_users()
            .then(|| Box::new(UsersReader::new(&map, &headers)));
        Builder {
            format,
            map,
            headers,
            delimiter,
            file_customer,
            number_rows,
            drafts: Vec::new(),
            more_ends: Vec::new(),
            by_id: IdIndex::default(),
            by_values: FxMap::default(),
            products: RecentTexts::default(),
            last_customer: Customer::default(),
            customers: Vec::new(),
            rejected: Vec::new(),
            rows_read: 0,
            blank_lines: 0,
            preview: Vec::new(),
            evidence: DateEvidence::default(),
            unread_status: Unread::default(),
            blank_status: 0,
            unread_renew: Unread::default(),
            unread_term: Unread::default(),
            unread_trial: Unread::default(),
            differing_duplicates: Vec::new(),
            exact_duplicates: 0,
            notes,
            last_charge: None,
            users,
        }
    }

    fn header_name(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.headers.get(c))
            .map_or("?", String::as_str)
    }

    fn reject(&mut self, line: u64, reason: RejectReason) {
        self.rejected.push(RejectedRow::new(line, reason));
    }

    /// Rejects a subscription row whose cells could be read, naming its
    /// customer and subscription id so that the user can find it.
    fn reject_row(&mut self, line: u64, rec: Cells<'_>, id: &str, reason: RejectReason) {
        let customer = match &self.file_customer {
            Some(c) => customer_label(c),
            None => [
                Field::CustomerName,
                Field::CustomerDomain,
                Field::CustomerId,
            ]
            .iter()
            .map(|f| rec.cell(self.map.get(*f)))
            .find(|v| !v.is_empty())
            .map(str::to_string),
        };
        self.rejected.push(RejectedRow {
            line,
            reason,
            customer,
            subscription_id: (!id.is_empty()).then(|| id.to_string()),
        });
    }

    /// Takes one record that starts on `line` and ends on `end_line`.
    /// Returns whether it was a data row (not blank).
    pub(crate) fn row(&mut self, line: u64, end_line: u64, rec: &Record<'_>) -> bool {
        let width = rec
            .iter()
            .rposition(|c| !c.iter().all(u8::is_ascii_whitespace))
            .map_or(0, |i| i + 1);
        if width == 0 {
            self.blank_lines += 1 + end_line.saturating_sub(line);
            return false;
        }
        self.rows_read += 1;
        if self.preview.len() < PREVIEW_ROWS {
            self.preview.push(
                rec.iter()
                    .take(self.headers.len().max(1) + 4)
                    .map(|c| String::from_utf8_lossy(c).chars().take(200).collect())
                    .collect(),
            );
        }
        // No field is longer than the whole record: most rows skip the search.
        let long_field = if rec.as_slice().len() > MAX_FIELD_BYTES {
            rec.iter()
                .enumerate()
                .find(|(_, c)| c.len() > MAX_FIELD_BYTES)
        } else {
            None
        };
        if let Some((i, c)) = long_field {
            self.reject(
                line,
                RejectReason::FieldTooLong {
                    header: self.headers.get(i).cloned(),
                    column: i,
                    size: c.len() as u64,
                    limit: MAX_FIELD_BYTES as u64,
                },
            );
            return true;
        }
        let expected = self.headers.len();
        let n = rec.len();
        // Extra trailing empty fields are Excel's padding, not data.
        let extra = n > expected
            && rec
                .iter()
                .skip(expected)
                .any(|c| !c.iter().all(u8::is_ascii_whitespace));
        if n < expected || extra {
            let found = if n < expected { n } else { width };
            self.reject(
                line,
                RejectReason::WrongFieldCount {
                    found,
                    expected,
                    delimiter: char::from(self.delimiter),
                    last_line: (end_line > line).then_some(end_line),
                },
            );
            return true;
        }
        if end_line > line && self.swallowed_rows(rec) {
            self.reject(
                line,
                RejectReason::SwallowedRows {
                    last_line: end_line,
                },
            );
            return true;
        }
        if let Some(users) = self.users.as_mut() {
            let cells = Cells::new(*rec);
            users.row(line, |col| cells.cell(col));
        } else if self.format == Format::PartnerCenterCustomers {
            self.customer_row(line, Cells::new(*rec));
        } else {
            self.subscription_row(line, Cells::new(*rec));
        }
        true
    }

    /// A value with a line break and two or more delimiters: rows swallowed
    /// by a stray quote, not a name written on two lines. (Exports have no
    /// address columns, where such values would be legitimate.)
    fn swallowed_rows(&self, rec: &Record<'_>) -> bool {
        let d = self.delimiter;
        rec.iter()
            .any(|c| c.contains(&b'\n') && c.iter().filter(|b| **b == d).count() >= 2)
    }

    fn customer_row(&mut self, line: u64, rec: Cells<'_>) {
        let c = self.row_customer(rec);
        if c.id.is_none() && c.name.is_none() && c.domain.is_none() {
            self.reject(line, RejectReason::NoCustomer);
            return;
        }
        self.customers.push(c);
    }

    fn subscription_row(&mut self, line: u64, rec: Cells<'_>) {
        let m = &self.map;
        let graph = matches!(
            self.format,
            Format::LicenseExpiryReport | Format::CippLicenseReport
        );
        let id_col = m.get(Field::SubscriptionId);
        let mut id = rec.cell(id_col);
        if id.is_empty() {
            id = rec.cell(m.aux.fallback_id);
        }
        // Only files the user said have no id column: one string per row.
        let numbered;
        if self.number_rows && id.is_empty() {
            numbered = format!("row-{line}");
            id = &numbered;
        }
        let offer_col = m.get(Field::Offer);
        let sku = rec.cell(m.get(Field::Sku));
        let mut offer = rec.cell(offer_col);
        if offer.is_empty() {
            offer = sku;
        }
        if id.is_empty() && !graph && m.aux.term_info_json.is_none() {
            let header = self.header_name(id_col).to_string();
            self.reject_row(line, rec, id, RejectReason::EmptySubscriptionId { header });
            return;
        }
        if offer.is_empty() {
            let header = self.header_name(offer_col).to_string();
            self.reject_row(line, rec, id, RejectReason::EmptyOffer { header });
            return;
        }

        // The end date first: an unreadable one rejects the row.
        let end_col = m.get(Field::EndDate);
        let raw_end = rec.cell(end_col);
        let end_cell = match parse_date(raw_end) {
            Ok((c, flags)) => {
                self.evidence.observe(line, &c, flags);
                c
            }
            Err(e) => {
                let header = self.header_name(end_col).to_string();
                self.reject_row(
                    line,
                    rec,
                    id,
                    RejectReason::BadEndDate {
                        value: clip(raw_end),
                        header,
                        problem: e,
                    },
                );
                return;
            }
        };
        let seats_col = m.get(Field::Seats);
        let mut raw_seats = rec.cell(seats_col);
        if raw_seats.is_empty() {
            raw_seats = rec.cell(m.aux.fallback_seats);
        }
        let quantity = match parse_quantity(raw_seats) {
            Some(q) => q,
            None => {
                let header = self.header_name(seats_col).to_string();
                self.reject_row(
                    line,
                    rec,
                    id,
                    RejectReason::BadQuantity {
                        value: clip(raw_seats),
                        header,
                    },
                );
                return;
            }
        };

        if self.format == Format::Reconciliation {
            self.recon_row(line, rec, id, offer, quantity, end_cell);
            return;
        }
        let seats = match quantity {
            Some(q) if q < 0 => {
                let header = self.header_name(seats_col).to_string();
                self.reject_row(
                    line,
                    rec,
                    id,
                    RejectReason::NegativeQuantity {
                        quantity: q,
                        header,
                    },
                );
                return;
            }
            Some(q) => Some(u32::try_from(q).unwrap_or(u32::MAX)),
            None => None,
        };
        let status = self.status(rec);
        let auto_renew = self.auto_renew(rec);
        let term_months = self.term(rec);
        let (offer_text, offer_trial) = self.products.share_flagged(offer);
        let (sku_text, sku_trial) = match sku {
            "" => (None, false),
            sku => {
                let (t, trial) = self.products.share_flagged(sku);
                (Some(t), trial)
            }
        };
        let trial = self.trial(rec, offer_trial || sku_trial);
        let sub = Subscription {
            customer: self.customer(rec),
            id: id.into(),
            offer: offer_text,
            friendly_name: self.friendly_name(rec, offer),
            sku: sku_text,
            seats,
            status,
            auto_renew,
            end_date: EndDate::Unknown,
            term_months,
            trial,
            // Filled in by `finish` from the draft's `ends`.
            lines: Vec::new(),
        };
        if let Some(col) = self.map.aux.term_info_json {
            let json = rec.cell(Some(col)).to_string();
            if self.cipp_terms(line, &sub, &json) {
                return;
            }
        }
        self.push_draft(sub, line, end_cell);
    }

    /// Adds a non-reconciliation subscription; an exact repeat of an earlier
    /// row (same id and values) is merged into it, a differing one kept.
    fn push_draft(&mut self, sub: Subscription, line: u64, end_cell: DateCell) {
        if !sub.id.is_empty() {
            if let Some(first) = self.by_id.get(&sub.id, &self.drafts) {
                // The first row of an id is keyed only once its id repeats.
                let d = &self.drafts[first];
                let first_key = values_key(&d.sub, Some(d.first_end.1));
                let first_line = d.first_end.0;
                self.by_values.entry(first_key).or_insert(first);
                let key = values_key(&sub, Some(end_cell));
                if let Some(&i) = self.by_values.get(&key) {
                    self.more_ends.push((i, line, end_cell));
                    self.exact_duplicates += 1;
                    return;
                }
                if self.differing_duplicates.len() < 5 {
                    self.differing_duplicates
                        .push((sub.id.to_string(), first_line, line));
                }
                self.by_values.insert(key, self.drafts.len());
            } else {
                self.by_id.insert(&sub.id, self.drafts.len(), &self.drafts);
            }
        }
        self.drafts.push(Draft {
            sub,
            first_end: (line, end_cell),
            pick: None,
        });
    }
}

/// What makes two rows of one id the same row: every value but the lines
/// and the end date (not settled yet), with the end date cell as written.
fn values_key(sub: &Subscription, end_cell: Option<DateCell>) -> String {
    let values = Subscription {
        lines: Vec::new(),
        end_date: EndDate::Unknown,
        ..sub.clone()
    };
    format!("{values:?}|{end_cell:?}")
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// A customer as a rejected row names it: its name, else its domain,
/// else its tenant id.
pub(super) fn customer_label(c: &Customer) -> Option<String> {
    [&c.name, &c.domain, &c.id]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .map(|v| v.to_string())
}

#[cfg(test)]
mod tests;
