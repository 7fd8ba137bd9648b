/*!
What needs every row first: [`Builder::finish`] settles each
subscription's end date once the column's day/month order is known,
rejects the dates that contradict it, picks the reconciliation seat
counts, counts what became of every row and adds the notes.
*/

use super::builder::{AmbiguousDates, Builder, Built};
use super::customer_label;
use crate::import::values::{numeric_text, numeric_to_date, DateCell};
use crate::import::{DateOrder, Field, Format, RejectedRow};
use crate::model::source::{ImportNote, RejectReason};
use crate::model::EndDate;

impl Builder {
    /// Settles dates and seats and counts what became of every row.
    pub(crate) fn finish(mut self, asked: Option<DateOrder>) -> Result<Built, AmbiguousDates> {
        let day_first = self.date_order(asked)?;
        let column = self.header_name(self.map.get(Field::EndDate)).to_string();
        let mut rejected = std::mem::take(&mut self.rejected);
        let mut rejected_lines: Vec<u64> = Vec::new();
        // The merged rows' cells by draft, each draft's in input order.
        // Stable, so each draft's merged cells stay in input order.
        self.more_ends.sort_by_key(|&(draft, _, _)| draft);
        let mut more_ends = self.more_ends.as_slice();
        for (i, d) in self.drafts.iter_mut().enumerate() {
            let mut end = EndDate::Unknown;
            let n = more_ends
                .iter()
                .take_while(|&&(draft, _, _)| draft == i)
                .count();
            let (mine, rest) = more_ends.split_at(n);
            more_ends = rest;
            let merged = mine.iter().map(|&(_, line, c)| (line, c));
            let mut kept = Vec::with_capacity(1 + n);
            for (line, c) in std::iter::once(d.first_end).chain(merged) {
                let resolved = match c {
                    DateCell::Blank => Some(EndDate::Unknown),
                    DateCell::Never => Some(EndDate::Never),
                    DateCell::Known(date) => Some(EndDate::On(date)),
                    DateCell::Numeric {
                        first,
                        second,
                        year,
                        ..
                    } if first == second => {
                        numeric_to_date(first, second, year, true).map(EndDate::On)
                    }
                    DateCell::Numeric {
                        first,
                        second,
                        year,
                        ..
                    } => match day_first {
                        Some(df) => numeric_to_date(first, second, year, df).map(EndDate::On),
                        None => None,
                    },
                };
                match resolved {
                    Some(e) => {
                        end = later(end, e);
                        kept.push(line);
                    }
                    None => {
                        if let DateCell::Numeric {
                            first,
                            second,
                            year,
                            sep,
                        } = c
                        {
                            rejected.push(RejectedRow {
                                line,
                                customer: customer_label(&d.sub.customer),
                                subscription_id: (!d.sub.id.is_empty())
                                    .then(|| d.sub.id.to_string()),
                                reason: RejectReason::ContradictoryEndDate {
                                    value: numeric_text(first, second, year, sep),
                                    header: column.clone(),
                                    read_day_first: day_first == Some(true),
                                },
                            });
                        }
                        rejected_lines.push(line);
                    }
                }
            }
            d.sub.lines = kept;
            d.sub.end_date = end;
        }
        // A line rejected in one draft is rejected in all (CIPP rows can
        // make several subscriptions).
        rejected_lines.sort_unstable();
        rejected_lines.dedup();
        let mut no_seats = 0u64;
        let mut subscriptions = Vec::with_capacity(self.drafts.len());
        for mut d in self.drafts {
            if !rejected_lines.is_empty() {
                d.sub
                    .lines
                    .retain(|l| rejected_lines.binary_search(l).is_err());
            }
            if d.sub.lines.is_empty() {
                continue;
            }
            if let Some(p) = d.pick {
                if p.rank >= 2 {
                    d.sub.seats = p.seats.and_then(|q| u32::try_from(q).ok());
                } else {
                    no_seats += 1;
                }
            }
            subscriptions.push(d.sub);
        }
        let mut firsts: Vec<u64> = subscriptions
            .iter()
            .filter_map(|s| s.lines.first().copied())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut rest: Vec<u64> = subscriptions
            .iter()
            .flat_map(|s| s.lines.iter().skip(1).copied())
            .collect();
        rest.sort_unstable();
        rest.dedup();
        rest.retain(|l| firsts.binary_search(l).is_err());
        // Stable: a line's rejections keep the order they were found in.
        rejected.sort_by_key(|r| r.line);

        let mut notes = std::mem::take(&mut self.notes);
        if no_seats > 0 {
            notes.push(ImportNote::SeatsUnknown { count: no_seats });
        }
        if self.format == Format::Reconciliation && !subscriptions.is_empty() {
            notes.push(ImportNote::ReconciliationMerged);
        }
        if self.exact_duplicates > 0 {
            notes.push(ImportNote::ExactDuplicates {
                count: self.exact_duplicates,
            });
        }
        if !self.differing_duplicates.is_empty() {
            notes.push(ImportNote::DifferingDuplicates {
                examples: std::mem::take(&mut self.differing_duplicates),
            });
        }
        let unread = [
            (&mut self.unread_status, Field::Status),
            (&mut self.unread_renew, Field::AutoRenew),
            (&mut self.unread_term, Field::Term),
            (&mut self.unread_trial, Field::Trial),
        ];
        for (u, field) in unread {
            if u.count > 0 {
                notes.push(ImportNote::UnreadValues {
                    count: u.count,
                    field,
                    header: self
                        .headers
                        .get(self.map.get(field).unwrap_or(usize::MAX))
                        .map_or("?", String::as_str)
                        .to_string(),
                    examples: std::mem::take(&mut u.examples),
                });
            }
        }
        if self.blank_status > 0 {
            notes.push(ImportNote::BlankStatus {
                count: self.blank_status,
            });
        }
        if self.evidence.excel_serial > 0 {
            notes.push(ImportNote::ExcelSerialDates {
                count: self.evidence.excel_serial,
            });
        }
        if self.evidence.two_digit_year > 0 {
            notes.push(ImportNote::TwoDigitYears {
                count: self.evidence.two_digit_year,
            });
        }
        Ok(Built {
            rows_as_subscriptions: firsts.len() as u64,
            rows_merged: rest.len() as u64,
            subscriptions,
            customers: self.customers,
            rejected,
            notes,
        })
    }
}

pub(super) fn later(a: EndDate, b: EndDate) -> EndDate {
    match (a, b) {
        (EndDate::Never, _) | (_, EndDate::Never) => EndDate::Never,
        (EndDate::On(x), EndDate::On(y)) => EndDate::On(x.max(y)),
        (EndDate::On(x), EndDate::Unknown) | (EndDate::Unknown, EndDate::On(x)) => EndDate::On(x),
        (EndDate::Unknown, EndDate::Unknown) => EndDate::Unknown,
    }
}
