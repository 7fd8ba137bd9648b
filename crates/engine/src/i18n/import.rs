/*!
The importer's messages in words: every [`ImportErrorKind`], rejected row
([`RejectReason`]) and [`ImportNote`](crate::model::source::ImportNote) said in each [`Lang`], and the sizes
they quote. This is the one place those sentences are written; the
importer only records what happened, as data.

`Display` gives the English text, which the command line prints, and the
serialised report (the JSON export, saved imports) holds the English
sentences, as it did when the importer wrote them. The mapping step's
problems ([`MappingProblem`]), whom a rejected row names and the notes on
numbered rows and the file's customer are written in Traditional Chinese
too; the other texts say the English in zh-TW until they are.
*/

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{Lang, Render, Text};
use crate::import::error::{BinaryFormat, ImportError, ImportErrorKind};
use crate::import::{DateQuestion, MappingProblem};
use crate::model::source::{DateProblem, RejectReason, RejectedRow};

mod notes;
mod users;

use self::notes::{field_label, field_label_zh};

impl Render for ImportError {
    fn render(&self, lang: Lang) -> Text {
        self.kind().render(lang)
    }
}

impl Render for ImportErrorKind {
    fn render(&self, lang: Lang) -> Text {
        match lang {
            // No Traditional Chinese wording yet: the English one is shown.
            Lang::En | Lang::ZhTw => error_en(self),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl fmt::Display for ImportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

const SAVE_AS_CSV: &str = "Open it in Excel and choose File > Save As > \"CSV UTF-8 (Comma \
                           delimited) (*.csv)\", then import the saved file.";

fn error_en(kind: &ImportErrorKind) -> Text {
    match kind {
        ImportErrorKind::TooLarge { size, limit } => format!(
            "This file is {}, larger than the {} the planner reads in one go. Split the \
             export (for example one file per customer), or filter it to the rows you need, \
             and import the parts.",
            human_size(*size),
            human_size(*limit)
        )
        .into(),
        ImportErrorKind::Empty => "The file is empty: it has no bytes at all.".into(),
        ImportErrorKind::Binary(b) => binary_en(*b),
        ImportErrorKind::OnlyByteOrderMark => {
            "The file holds only a byte-order mark (the invisible marker at the start of \
             Unicode files) and no text. Export the data again."
                .into()
        }
        ImportErrorKind::NoText => "The file is empty: it has no text.".into(),
        ImportErrorKind::ControlCharacters => {
            "This file does not look like text: it is full of control characters. \
             It may be a spreadsheet or another binary file renamed to .csv. Open it in \
             the program that made it and save it as CSV (in Excel: File > Save As > \
             \"CSV UTF-8 (Comma delimited)\")."
                .into()
        }
        ImportErrorKind::OnlyPreamble => {
            "The file has no header row and no data: only a preamble line.".into()
        }
        ImportErrorKind::NoLines => "The file has no lines to read.".into(),
        ImportErrorKind::TooManyColumns { limit } => format!(
            "The header row has more than {limit} columns, more than an export can \
             plausibly have. The file is probably not a subscription export, or its lines \
             are not separated as expected."
        )
        .into(),
        ImportErrorKind::UnclosedQuote { line, last_line } => format!(
            "Line {line} opens a quoted value that is never closed, so everything from line \
             {line} to the end of the file (line {last_line}) would be read as one value. Check \
             the quotes on line {line}: a quote inside a value must be doubled (\"\")."
        )
        .into(),
        ImportErrorKind::NoDataRows { header_line } => {
            format!("The file has a header row (line {header_line}) but no data rows under it.")
                .into()
        }
        ImportErrorKind::AlreadyFinished => {
            "This import has already finished; start a new one to read the file again.".into()
        }
        ImportErrorKind::RowsAlreadyTaken => "This import has already finished.".into(),
    }
}

fn binary_en(b: BinaryFormat) -> Text {
    match b {
        BinaryFormat::Zip => format!(
            "This file is an Excel workbook (.xlsx) or another zip archive, not a CSV text \
             file, even if its name ends in .csv. {SAVE_AS_CSV}"
        )
        .into(),
        BinaryFormat::OldOffice => format!(
            "This file is an older Excel workbook (.xls, or another Office document), not a CSV \
             text file. {SAVE_AS_CSV}"
        )
        .into(),
        BinaryFormat::Pdf => {
            "This file is a PDF document, not a CSV file. A PDF cannot be read as a table: export \
             the subscriptions from Partner Center again as CSV (Customers > a customer > \
             Subscriptions > Export), or from the tool that made the PDF."
                .into()
        }
        BinaryFormat::Png => {
            "This file is a PNG image, not a CSV file. Export the subscriptions as CSV instead of \
             taking a screenshot."
                .into()
        }
        BinaryFormat::Jpeg => {
            "This file is a JPEG image, not a CSV file. Export the subscriptions as CSV instead of \
             taking a photo or screenshot."
                .into()
        }
        BinaryFormat::Gif => {
            "This file is a GIF image, not a CSV file. Export the subscriptions as CSV instead."
                .into()
        }
        BinaryFormat::Rtf => {
            format!("This file is a Rich Text (RTF) document, not a CSV file. {SAVE_AS_CSV}").into()
        }
    }
}

impl Render for DateQuestion {
    /// The question, with the values that read both ways and, when the
    /// file contradicts itself, one value of each order with its line.
    fn render(&self, lang: Lang) -> Text {
        match lang {
            Lang::En | Lang::ZhTw => Text::Owned(date_question_en(self)),
        }
    }
}

fn date_question_en(q: &DateQuestion) -> String {
    let quoted = |v: &str| format!("\"{v}\"");
    let on_line = |e: &Option<(u64, String)>| {
        e.as_ref()
            .map(|(line, v)| format!("\"{v}\" on line {line}"))
            .unwrap_or_default()
    };
    let examples = q
        .examples
        .iter()
        .map(|e| quoted(e))
        .collect::<Vec<_>>()
        .join(", ");
    let both = match &q.contradicting {
        Some(c) => format!(
            " Some values are day-first ({}) and as many are month-first ({}).",
            on_line(&c.day_first),
            on_line(&c.month_first)
        ),
        None => {
            " No value in the column settles it: every day and month is 12 or less.".to_string()
        }
    };
    let first = q.examples.first().map_or("", String::as_str);
    format!(
        "The dates in \"{}\" can be read two ways: {examples}. For example \"{first}\" \
         could be day-first (D/M/YYYY) or month-first (M/D/YYYY).{both} Which order does \
         the file use?",
        q.column
    )
}

impl Render for MappingProblem {
    /// What is wrong with a choice in the mapping step, naming the column
    /// and fields concerned, and what to do instead.
    fn render(&self, lang: Lang) -> Text {
        match lang {
            Lang::En => mapping_problem_en(self),
            Lang::ZhTw => mapping_problem_zh(self),
        }
        .into()
    }
}

fn mapping_problem_en(p: &MappingProblem) -> String {
    match p {
        MappingProblem::SameColumn {
            column,
            first,
            second,
        } => format!(
            "The column \"{column}\" is chosen for both the {} and the {}. A column \
             can hold only one of them: choose another column for one of the two.",
            field_label(*first),
            field_label(*second)
        ),
        MappingProblem::NoSuchColumn { field, column } => format!(
            "The file has no column \"{column}\" (chosen for the {}). Choose one of the \
             file's columns.",
            field_label(*field)
        ),
        MappingProblem::NotChosen { field } => match field {
            crate::import::Field::SubscriptionId => "Choose the column that holds the \
                 subscription ID, or say that the file has none (its rows are then numbered)."
                .to_string(),
            f => format!("Choose the column that holds the {}.", field_label(*f)),
        },
        MappingProblem::DateOrderNotChosen => {
            "Say whether the file writes the day or the month first.".to_string()
        }
        MappingProblem::CustomersNotAnswered => "This file has no customer column: say \
             whether it holds one customer (and name them) or several (and choose the \
             column that names them)."
            .to_string(),
        MappingProblem::CustomerNotNamed => {
            "Give the name of the customer this file belongs to.".to_string()
        }
        MappingProblem::CustomerColumnNotChosen => "The file holds several customers: \
             choose the column that names them (customer name, ID or domain)."
            .to_string(),
    }
}

fn mapping_problem_zh(p: &MappingProblem) -> String {
    match p {
        MappingProblem::SameColumn {
            column,
            first,
            second,
        } => format!(
            "欄位「{column}」同時被選為「{}」與「{}」。一個欄位只能對應其中一項：\
             請為其中之一改選其他欄位。",
            field_label_zh(*first),
            field_label_zh(*second)
        ),
        MappingProblem::NoSuchColumn { field, column } => format!(
            "檔案中沒有欄位「{column}」（選為「{}」）。請從檔案的欄位中選擇。",
            field_label_zh(*field)
        ),
        MappingProblem::NotChosen { field } => match field {
            crate::import::Field::SubscriptionId => {
                "請選擇存放訂閱識別碼的欄位，或表明檔案中沒有此欄位（將改以列編號）。".to_string()
            }
            f => format!("請選擇存放「{}」的欄位。", field_label_zh(*f)),
        },
        MappingProblem::DateOrderNotChosen => "請指定檔案的日期是日在前還是月在前。".to_string(),
        MappingProblem::CustomersNotAnswered => "這個檔案沒有客戶欄位：請說明它只屬於一位客戶\
             （並填寫客戶名稱），還是包含多位客戶（並選擇記載客戶的欄位）。"
            .to_string(),
        MappingProblem::CustomerNotNamed => "請填寫這個檔案所屬客戶的名稱。".to_string(),
        MappingProblem::CustomerColumnNotChosen => {
            "這個檔案包含多位客戶：請選擇記載客戶的欄位（客戶名稱、識別碼或網域）。".to_string()
        }
    }
}

impl Render for RejectedRow {
    /// The reason the row was rejected, with its line.
    fn render(&self, lang: Lang) -> Text {
        let zh = lang == Lang::ZhTw;
        users::reason(self.line, &self.reason, zh)
            .unwrap_or_else(|| reason_en(self.line, &self.reason))
    }
}

/// Whom a rejected row is about, for a table or list beside its reason:
/// `Contoso · subscription a1`, or either half alone; `None` when the row
/// named neither.
pub fn rejected_row_source(row: &RejectedRow, lang: Lang) -> Option<String> {
    let id = row.subscription_id.as_deref().map(|id| match lang {
        Lang::En => format!("subscription {id}"),
        Lang::ZhTw => format!("訂閱 {id}"),
    });
    match (row.customer.as_deref(), id) {
        (Some(c), Some(id)) => Some(format!("{c} · {id}")),
        (Some(c), None) => Some(c.to_string()),
        (None, id) => id,
    }
}

impl fmt::Display for RejectedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl Serialize for RejectedRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut row = serializer.serialize_struct("RejectedRow", 4)?;
        row.serialize_field("line", &self.line)?;
        row.serialize_field("reason", &*self.render(Lang::En))?;
        // Left out when unknown, so rows rejected before they named
        // anything serialise as they always did.
        if let Some(c) = &self.customer {
            row.serialize_field("customer", c)?;
        }
        if let Some(id) = &self.subscription_id {
            row.serialize_field("subscription_id", id)?;
        }
        row.end()
    }
}

// A sentence read back from JSON equals the typed message it was written
// from; typed messages compare by their data (their Debug form, which
// holds all of it).
impl PartialEq for RejectedRow {
    fn eq(&self, other: &RejectedRow) -> bool {
        self.line == other.line
            && self.customer == other.customer
            && self.subscription_id == other.subscription_id
            && match (&self.reason, &other.reason) {
                (RejectReason::Text(a), RejectReason::Text(b)) => a == b,
                (RejectReason::Text(_), _) | (_, RejectReason::Text(_)) => {
                    self.render(Lang::En) == other.render(Lang::En)
                }
                (a, b) => a == b,
            }
    }
}

impl Eq for RejectedRow {}

fn delimiter_name(d: char) -> &'static str {
    match d {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "vertical bar (|)",
        _ => "delimiter",
    }
}

fn date_problem_en(p: DateProblem) -> &'static str {
    match p {
        DateProblem::Unreadable => "is not a date format I can read",
        DateProblem::NoSuchDay => "is not a day that exists",
        DateProblem::ExcelLeapBug => {
            "is Excel's day number 60, the 29 February 1900 that Excel counts but never existed"
        }
    }
}

fn reason_en(line: u64, reason: &RejectReason) -> Text {
    let order = |day_first: bool| {
        if day_first {
            "day-first"
        } else {
            "month-first"
        }
    };
    match reason {
        RejectReason::Text(t) => return t.clone().into(),
        RejectReason::NoUserPrincipalName { .. } => {
            return users::reason(line, reason, false).unwrap_or_default()
        }
        RejectReason::FieldTooLong {
            header,
            column,
            size,
            limit,
        } => {
            let name = header
                .as_ref()
                .map_or_else(|| format!("column {}", column + 1), |h| format!("\"{h}\""));
            format!(
                "line {line}: the value in {name} is {}, longer than the {} a cell may hold; the row was skipped",
                human_size(*size),
                human_size(*limit)
            )
        }
        RejectReason::WrongFieldCount {
            found,
            expected,
            delimiter,
            last_line,
        } => {
            let span = match last_line {
                Some(end_line) => format!(
                    " The row runs from line {line} to line {end_line}: a quoted value in it holds line breaks, so a quote may be missing its closing partner."
                ),
                None => String::new(),
            };
            let delimiter = delimiter_name(*delimiter);
            if found > expected {
                format!(
                    "line {line}: has {found} fields, the header has {expected} — check for an unquoted {delimiter} inside a value.{span}"
                )
            } else {
                format!(
                    "line {line}: has {found} fields, the header has {expected} — the row is cut short, or a quote swallowed a {delimiter}.{span}"
                )
            }
        }
        RejectReason::SwallowedRows { last_line } => format!(
            "line {line}: a quoted value runs from line {line} to line {last_line} and holds what look like \
             whole rows, so a quote is probably missing its closing partner; check the quotes on line {line}"
        ),
        RejectReason::NoCustomer => {
            format!("line {line}: no customer id, name or domain in this row")
        }
        RejectReason::EmptySubscriptionId { header } => {
            format!("line {line}: the subscription id (column \"{header}\") is empty")
        }
        RejectReason::EmptyOffer { header } => {
            format!("line {line}: the offer or product name (column \"{header}\") is empty")
        }
        RejectReason::BadEndDate {
            value,
            header,
            problem,
        } => format!(
            "line {line}: the end date \"{value}\" (column \"{header}\") {}",
            date_problem_en(*problem)
        ),
        RejectReason::BadQuantity { value, header } => format!(
            "line {line}: the quantity \"{value}\" (column \"{header}\") is not a whole number"
        ),
        RejectReason::NegativeQuantity { quantity, header } => {
            format!("line {line}: the quantity {quantity} (column \"{header}\") is negative")
        }
        RejectReason::ContradictoryEndDate {
            value,
            header,
            read_day_first,
        } => format!(
            "line {line}: the end date \"{value}\" (column \"{header}\") can only be {}, \
             but the column was read {} from its other dates; check this row",
            order(!read_day_first),
            order(*read_day_first)
        ),
    }
    .into()
}

/// A byte count the way people read file sizes: `512 bytes`, `1.5 KiB`,
/// `512.0 MiB`.
pub(crate) fn human_size(n: u64) -> String {
    // `{:.1}` of n / unit, by integer arithmetic (ties to even, as `{:.1}`
    // rounds): float formatting would link core's float printer into the
    // wasm for this alone.
    let tenths = |unit: u64| {
        let (x, unit) = (u128::from(n) * 10, u128::from(unit));
        let (mut t, rem) = (x / unit, x % unit);
        if rem * 2 > unit || (rem * 2 == unit && t % 2 == 1) {
            t += 1;
        }
        format!("{}.{}", t / 10, t % 10)
    };
    if n >= 1024 * 1024 {
        format!("{} MiB", tenths(1024 * 1024))
    } else if n >= 1024 {
        format!("{} KiB", tenths(1024))
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::error::Position;
    use crate::model::source::ImportNote;

    #[test]
    fn english_texts_are_the_importers_own() {
        let e = ImportError::at(
            ImportErrorKind::UnclosedQuote {
                line: 3,
                last_line: 9,
            },
            Position {
                line: 3,
                byte: 40,
                record: 2,
            },
        );
        assert!(e.to_string().starts_with(
            "Line 3 opens a quoted value that is never closed, so everything from line 3 to the \
             end of the file (line 9) would be read as one value."
        ));
        assert_eq!(e.render(Lang::ZhTw), e.render(Lang::En));
        assert_eq!(
            ImportErrorKind::TooLarge {
                size: 3 * 1024 * 1024 / 2,
                limit: 512 * 1024 * 1024
            }
            .to_string(),
            "This file is 1.5 MiB, larger than the 512.0 MiB the planner reads in one go. Split \
             the export (for example one file per customer), or filter it to the rows you need, \
             and import the parts."
        );
        assert_eq!(
            ImportErrorKind::Binary(BinaryFormat::Gif).to_string(),
            "This file is a GIF image, not a CSV file. Export the subscriptions as CSV instead."
        );
    }

    #[test]
    fn notes_and_reasons_say_what_the_importer_said() {
        let preamble = ImportNote::SkippedPreamble {
            count: 2,
            first_line: 1,
            last_line: 2,
            previews: vec!["Report".into(), "Generated 2020".into()],
        };
        assert_eq!(
            preamble.to_string(),
            "Skipped 2 lines before the header row (lines 1–2): \"Report\", \"Generated 2020\"."
        );
        assert_eq!(
            ImportNote::BlankLines { count: 1 }.to_string(),
            "1 blank line was skipped; blank lines are not rows."
        );
        assert_eq!(
            ImportNote::SepLine { delimiter: '\t' }.to_string(),
            "Used the delimiter named by the file's \"sep=tab\" line."
        );
        let row = RejectedRow::new(
            7,
            RejectReason::BadQuantity {
                value: "five".into(),
                header: "Quantity".into(),
            },
        );
        assert_eq!(
            row.to_string(),
            "line 7: the quantity \"five\" (column \"Quantity\") is not a whole number"
        );
        assert_eq!(row.render(Lang::ZhTw), row.render(Lang::En));
    }

    #[test]
    fn serialised_messages_are_sentences_and_read_back_equal() {
        let row = RejectedRow::new(3, RejectReason::NoCustomer);
        let note = ImportNote::ExactDuplicates { count: 2 };
        let json = serde_json::to_string(&(&row, &note)).unwrap();
        assert_eq!(
            json,
            "[{\"line\":3,\"reason\":\"line 3: no customer id, name or domain in this row\"},\
             \"2 rows repeated an earlier row exactly (same subscription id and values) and were merged into it.\"]"
        );
        let (back_row, back_note): (RejectedRow, ImportNote) = serde_json::from_str(&json).unwrap();
        assert!(matches!(back_row.reason, RejectReason::Text(_)));
        assert_eq!((back_row, back_note), (row, note));
        assert_ne!(
            ImportNote::ExactDuplicates { count: 2 },
            ImportNote::ExactDuplicates { count: 3 }
        );
    }

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(human_size(512 * 1024 * 1024), "512.0 MiB");
        assert_eq!(human_size(2048), "2.0 KiB");
        assert_eq!(human_size(512), "512 bytes");
        // The same text as `{:.1}`, ties included (1280 bytes is 1.25 KiB).
        for n in (1024..300_000).step_by(7).chain([1280, 1_310_720, 1 << 40]) {
            let expect = if n >= 1024 * 1024 {
                format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0))
            } else {
                format!("{:.1} KiB", n as f64 / 1024.0)
            };
            assert_eq!(human_size(n), expect, "{n}");
        }
        assert!(human_size(u64::MAX).ends_with(" MiB"));
    }
}
