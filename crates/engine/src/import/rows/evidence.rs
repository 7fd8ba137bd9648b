/*!
What the end-date column's values say about its day/month order, gathered
as the rows are read ([`DateEvidence`]); `dates` settles the order from it.
*/

use crate::import::values::{numeric_text, DateCell, DateFlags};

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
