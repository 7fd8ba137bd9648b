/*!
Entry points for the fuzz targets in `fuzz/`, not part of the API.

The cell parsers in `values` are crate-private; the fuzz crate is another
crate, so it reaches them through these thin wrappers. They add no logic:
each returns what the parser returned, in public types the targets can
check invariants on.
*/

use chrono::NaiveDate;

use super::values::{self, DateCell};
use crate::model::source::DateProblem;
use crate::model::Status;

/// A date cell as `values::parse_date` read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Date {
    Blank,
    Never,
    Known(NaiveDate),
    /// `a/b/year`, with both readings resolved and the value quoted back.
    Numeric {
        month_first: Option<NaiveDate>,
        day_first: Option<NaiveDate>,
        text: String,
    },
}

/// Reads one date cell; the error is what the importer would reject it for.
pub fn parse_date(s: &str) -> Result<Date, DateProblem> {
    let (cell, _flags) = values::parse_date(s)?;
    Ok(match cell {
        DateCell::Blank => Date::Blank,
        DateCell::Never => Date::Never,
        DateCell::Known(d) => Date::Known(d),
        DateCell::Numeric {
            first,
            second,
            year,
            sep,
        } => Date::Numeric {
            month_first: values::numeric_to_date(first, second, year, false),
            day_first: values::numeric_to_date(first, second, year, true),
            text: values::numeric_text(first, second, year, sep),
        },
    })
}

/// An Excel serial day number, as the importer reads it.
pub fn excel_serial(serial: u32) -> Result<Option<NaiveDate>, DateProblem> {
    match values::excel_serial(serial)? {
        DateCell::Known(d) => Ok(Some(d)),
        _ => Ok(None),
    }
}

/// A yes/no cell (auto-renew), as the importer reads it: `None` when the
/// text is not a yes/no, `Some(None)` when the cell is blank.
pub fn parse_bool(s: &str) -> Option<Option<bool>> {
    values::parse_bool(s)
}

/// A status cell, as the importer reads it; `None` when unknown.
pub fn parse_status(s: &str) -> Option<Status> {
    values::parse_status(s)
}

/// A term cell (`P1M`, `P1Y`, `1 Year`...) in months, as the importer
/// reads it: `None` when not a term, `Some(None)` when blank.
pub fn parse_term(s: &str) -> Option<Option<u16>> {
    values::parse_term(s)
}

/// A quantity cell, as the importer reads it: `None` when not a number,
/// `Some(None)` when blank.
pub fn parse_quantity(s: &str) -> Option<Option<i64>> {
    values::parse_quantity(s)
}
