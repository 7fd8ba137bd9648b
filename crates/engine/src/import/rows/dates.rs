/*!
The end-date column's day/month order: the evidence its values give as the
rows are read ([`DateEvidence`]), and the order settled from it, from the
user's answer or from the format's documented order
([`Builder::date_order`]), or a question when nothing settles it.
*/

use super::{AmbiguousDates, Builder};
use crate::import::values::{numeric_text, DateCell, DateFlags};
use crate::import::{DateOrder, Field, Format};
use crate::model::source::{DateOrderHint, ImportNote};

/// What the end-date column's values say about day/month order.
#[derive(Debug, Default)]
pub(super) struct DateEvidence {
    /// Values whose first number is over 12 (`25/07/2020`).
    pub(super) day_first: u64,
    pub(super) day_first_example: Option<(u64, String)>,
    /// Values whose second number is over 12 (`7/25/2020`).
    pub(super) month_first: u64,
    pub(super) month_first_example: Option<(u64, String)>,
    /// Values with two numbers that differ and are both 12 or less.
    pub(super) undecided: u64,
    /// Up to three distinct undecided values, as written (numbers and separator).
    pub(super) undecided_examples: Vec<(u8, u8, u16, u8)>,
    /// All numeric values, and those written with dots (`01.07.2020`).
    pub(super) numeric: u64,
    pub(super) dotted: u64,
    pub(super) twelve_hour: u64,
    pub(super) excel_serial: u64,
    pub(super) two_digit_year: u64,
}

impl DateEvidence {
    pub(super) fn observe(&mut self, line: u64, cell: &DateCell, flags: DateFlags) {
        self.twelve_hour += u64::from(flags.twelve_hour);
        self.excel_serial += u64::from(flags.excel_serial);
        self.two_digit_year += u64::from(flags.two_digit_year);
        let DateCell::Numeric {
            first,
            second,
            year,
            sep,
        } = *cell
        else {
            return;
        };
        self.numeric += 1;
        self.dotted += u64::from(sep == b'.');
        let text = || numeric_text(first, second, year, sep);
        if first > 12 {
            self.day_first += 1;
            self.day_first_example.get_or_insert_with(|| (line, text()));
        } else if second > 12 {
            self.month_first += 1;
            self.month_first_example
                .get_or_insert_with(|| (line, text()));
        } else if first != second {
            self.undecided += 1;
            let e = (first, second, year, sep);
            if self.undecided_examples.len() < 3 && !self.undecided_examples.contains(&e) {
                self.undecided_examples.push(e);
            }
        }
    }
}

impl Builder {
    /// The day/month order of the end-date column: decided by its values,
    /// else by the user's answer, else by the format's documented order
    /// (said to be an assumption), else a question for the user.
    pub(super) fn date_order(
        &mut self,
        asked: Option<DateOrder>,
    ) -> Result<Option<bool>, AmbiguousDates> {
        let ev = &self.evidence;
        let column = self.header_name(self.map.get(Field::EndDate)).to_string();
        if ev.numeric == 0 {
            return Ok(None);
        }
        let hint: Option<(bool, DateOrderHint)> = if ev.dotted == ev.numeric {
            Some((true, DateOrderHint::Dotted))
        } else if self.format == Format::Reconciliation {
            Some((false, DateOrderHint::Reconciliation))
        } else if self.format == Format::BulkMigration {
            Some((false, DateOrderHint::BulkMigration))
        } else if ev.twelve_hour > 0
            && matches!(
                self.format,
                Format::PowerShell | Format::LicenseExpiryReport | Format::CippLicenseReport
            )
        {
            Some((false, DateOrderHint::TwelveHourClock))
        } else {
            None
        };
        let asked = asked.map(|o| o == DateOrder::DayFirst);
        let example = |e: &Option<(u64, String)>| {
            e.as_ref()
                .map(|(l, v)| format!("\"{v}\" on line {l}"))
                .unwrap_or_default()
        };
        let decided = match (ev.day_first > 0, ev.month_first > 0) {
            (true, false) => {
                self.notes.push(ImportNote::DateOrderSettled {
                    header: column.clone(),
                    day_first: true,
                    example: ev.day_first_example.clone(),
                });
                Some(true)
            }
            (false, true) => {
                if ev.undecided > 0 {
                    self.notes.push(ImportNote::DateOrderSettled {
                        header: column.clone(),
                        day_first: false,
                        example: ev.month_first_example.clone(),
                    });
                }
                Some(false)
            }
            (true, true) => {
                let by_count = match ev.day_first.cmp(&ev.month_first) {
                    std::cmp::Ordering::Greater => Some(true),
                    std::cmp::Ordering::Less => Some(false),
                    std::cmp::Ordering::Equal => None,
                };
                let choice = asked.or(by_count).or(hint.map(|h| h.0));
                if let Some(c) = choice {
                    self.notes.push(ImportNote::DateOrderMixed {
                        header: column.clone(),
                        day_first_example: ev.day_first_example.clone(),
                        month_first_example: ev.month_first_example.clone(),
                        day_first: c,
                    });
                }
                choice
            }
            (false, false) => {
                if ev.undecided == 0 {
                    None
                } else if let Some(c) = asked {
                    self.notes.push(ImportNote::DateOrderChosen {
                        header: column.clone(),
                        day_first: c,
                    });
                    Some(c)
                } else if let Some((c, why)) = hint {
                    self.notes.push(ImportNote::DateOrderAssumed {
                        header: column.clone(),
                        example: ev
                            .undecided_examples
                            .first()
                            .map_or(String::new(), |e| numeric_text(e.0, e.1, e.2, e.3)),
                        day_first: c,
                        why,
                    });
                    Some(c)
                } else {
                    None
                }
            }
        };
        if decided.is_none() && ev.undecided > 0 {
            let examples = ev
                .undecided_examples
                .iter()
                .map(|e| format!("\"{}\"", numeric_text(e.0, e.1, e.2, e.3)))
                .collect::<Vec<_>>()
                .join(", ");
            let both = if ev.day_first > 0 {
                format!(
                    " Some values are day-first ({}) and as many are month-first ({}).",
                    example(&ev.day_first_example),
                    example(&ev.month_first_example)
                )
            } else {
                " No value in the column settles it: every day and month is 12 or less.".to_string()
            };
            let first = ev
                .undecided_examples
                .first()
                .map_or(String::new(), |e| numeric_text(e.0, e.1, e.2, e.3));
            return Err(AmbiguousDates {
                question: format!(
                    "The dates in \"{column}\" can be read two ways: {examples}. For example \"{first}\" \
                     could be day-first (D/M/YYYY) or month-first (M/D/YYYY).{both} Which order does \
                     the file use?"
                ),
            });
        }
        Ok(decided)
    }
}
