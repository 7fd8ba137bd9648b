/*!
The importer's notes ([`ImportNote`]) in English: how a file was decoded,
which lines were skipped, how its columns and dates were read, and what
was left unknown; their Traditional Chinese is in `notes_zh` (and that of
the notes on users files in `users`). The fields' names in both languages
are here, for the notes and the mapping step alike.
*/

use std::fmt;

use serde::ser::{Serialize, Serializer};

use super::fields::field_label;
use crate::i18n::{Lang, Render, Text};
use crate::model::source::{DateOrderHint, Field, ImportNote, LegacyEncoding};

impl PartialEq for ImportNote {
    fn eq(&self, other: &ImportNote) -> bool {
        match (self, other) {
            (ImportNote::Text(a), ImportNote::Text(b)) => a == b,
            // A sentence read back from a JSON export is in the plan's
            // language, either of them.
            (ImportNote::Text(_), _) | (_, ImportNote::Text(_)) => [Lang::En, Lang::ZhTw]
                .into_iter()
                .any(|l| self.render(l) == other.render(l)),
            (a, b) => format!("{a:?}") == format!("{b:?}"),
        }
    }
}

impl Eq for ImportNote {}

impl Render for ImportNote {
    fn render(&self, lang: Lang) -> Text {
        match lang {
            Lang::En => note_en(self),
            Lang::ZhTw => super::notes_zh::note_zh(self),
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl Serialize for ImportNote {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.render(Lang::En))
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn order_en(day_first: bool) -> &'static str {
    if day_first {
        "day-first (D/M/YYYY)"
    } else {
        "month-first (M/D/YYYY)"
    }
}

fn example_en(e: &Option<(u64, String)>) -> String {
    e.as_ref()
        .map(|(l, v)| format!("\"{v}\" on line {l}"))
        .unwrap_or_default()
}

fn note_en(note: &ImportNote) -> Text {
    match note {
        ImportNote::Text(t) => t.clone().into(),
        ImportNote::Utf16WithoutBom { encoding } => format!(
            "The file has no byte-order mark but its NUL bytes show it is {encoding}; it was read as such."
        )
        .into(),
        ImportNote::InvalidUtf16 { encoding } => format!(
            "Some bytes were not valid {encoding}; they show as \u{FFFD} in the imported values."
        )
        .into(),
        ImportNote::HalfUtf16Character => {
            "The file ends with half a UTF-16 character; it was ignored.".into()
        }
        ImportNote::Big5Unavailable => {
            "The file looks like Big5 (Traditional Chinese), but Big5 cannot be read here; it was read \
             as Windows-1252 instead."
                .into()
        }
        ImportNote::NotUtf8 { line, encoding } => {
            let why = match encoding {
                LegacyEncoding::Big5 => "Big5 (Traditional Chinese), which Excel's plain \"CSV\" uses on Traditional Chinese Windows",
                LegacyEncoding::Windows1252 => "Windows-1252 (Western European), which Excel's plain \"CSV\" uses on Western Windows",
            };
            format!(
                "The file is not UTF-8 (the first byte that is not valid UTF-8 is on line {line}), so it \
                 was read as {why}. If names look wrong, save the file from Excel as \"CSV UTF-8\" and \
                 import it again."
            )
            .into()
        }
        ImportNote::NulBytesRemoved { count } => format!(
            "The file contains {count} NUL byte{} (a sign of a damaged or padded export); they \
             were removed.",
            if *count == 1 { "" } else { "s" }
        )
        .into(),
        ImportNote::ClassicMacLineEnds => {
            "Lines end with a lone carriage return (classic Mac style); that was understood.".into()
        }
        ImportNote::MixedLineEnds { lone_cr } => format!(
            "The file mixes line endings ({lone_cr} lone carriage returns among the others); \
             each was read as a line break."
        )
        .into(),
        ImportNote::SkippedTypeLine { line } => {
            format!("Skipped PowerShell's type line: {line}").into()
        }
        ImportNote::SepLine { delimiter } => {
            let d = match delimiter {
                '\t' => "tab".to_string(),
                d => d.to_string(),
            };
            format!("Used the delimiter named by the file's \"sep={d}\" line.").into()
        }
        ImportNote::UnknownSepLine => {
            "Skipped a \"sep=\" line whose delimiter is not one I know.".into()
        }
        ImportNote::SkippedPreamble {
            count,
            first_line,
            last_line,
            previews,
        } => format!(
            "Skipped {count} line{} before the header row (lines {first_line}–{last_line}): {}.",
            if *count == 1 { "" } else { "s" },
            previews
                .iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .into(),
        ImportNote::UnknownFormat => {
            "The headers match no export format I know; columns were matched by their names.".into()
        }
        ImportNote::Recognised { format } => {
            format!("Recognised the file as {}.", format.name()).into()
        }
        ImportNote::ChosenColumnMissing { field, header } => format!(
            "You chose the column \"{header}\" for the {}, but this file has no such column.",
            field_label(*field)
        )
        .into(),
        ImportNote::ColumnsUsed { columns } => format!(
            "Columns used: {}.",
            columns
                .iter()
                .map(|(f, h)| format!("{} ← \"{h}\"", field_label(*f)))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .into(),
        ImportNote::BlankLines { count } => format!(
            "{count} blank line{} skipped; blank lines are not rows.",
            if *count == 1 { " was" } else { "s were" }
        )
        .into(),
        ImportNote::MissingColumns { fields } => format!(
            "No column was recognised as the {}; choose which column holds it. Nothing was imported yet.",
            fields
                .iter()
                .map(|f| field_label(*f))
                .collect::<Vec<_>>()
                .join(" or the ")
        )
        .into(),
        ImportNote::CustomersOnly => {
            "This file lists customers only, not their subscriptions. Import each \
             customer's subscription export (or a reconciliation file) to plan the migration."
                .into()
        }
        ImportNote::AwaitingDateOrder { rows } => format!(
            "{rows} row{} {} read; {} will be imported once the date order is chosen.",
            if *rows == 1 { "" } else { "s" },
            if *rows == 1 { "was" } else { "were" },
            if *rows == 1 { "it" } else { "they" }
        )
        .into(),
        ImportNote::CustomerFromFileName { name } => format!(
            "This export has no customer column, so its subscriptions were given the \
             customer name \"{name}\" taken from the file name. If that is not the \
             customer, rename the file and import it again."
        )
        .into(),
        ImportNote::CustomerNamedByUser { name } => format!(
            "This file has no customer column; as you answered, every row belongs to the \
             customer \"{name}\"."
        )
        .into(),
        ImportNote::RowsNumbered => {
            "This file has no subscription ID column, so each row was numbered by its line \
             (row-2 for line 2, and so on). The checklist names subscriptions by these numbers; \
             find each in Partner Center by its product and quantity."
                .into()
        }
        ImportNote::NoCustomer => "This export has no customer column and no file name was given, so its subscriptions have no customer.".into(),
        ImportNote::NoSubscriptionIds => {
            "This license report has no Partner Center subscription ids, so its subscriptions are \
             identified by product only; the checklist cannot name the subscription to suspend."
                .into()
        }
        ImportNote::DateOrderSettled {
            header,
            day_first,
            example,
        } => format!(
            "Dates in \"{header}\" were read {} because some cannot be anything else, e.g. {}.",
            order_en(*day_first),
            example_en(example)
        )
        .into(),
        ImportNote::DateOrderMixed {
            header,
            day_first_example,
            month_first_example,
            day_first,
        } => format!(
            "Dates in \"{header}\" are written both ways ({} is day-first, {} month-first); \
             the column was read {} and the rows that contradict it were rejected.",
            example_en(day_first_example),
            example_en(month_first_example),
            order_en(*day_first)
        )
        .into(),
        ImportNote::DateOrderChosen { header, day_first } => format!(
            "Dates in \"{header}\" were read {}, as you chose.",
            order_en(*day_first)
        )
        .into(),
        ImportNote::DateOrderAssumed {
            header,
            example,
            day_first,
            why,
        } => {
            let why = match why {
                DateOrderHint::Dotted => {
                    "dates written with dots (01.07.2020) are day-first wherever that style is used"
                }
                DateOrderHint::Reconciliation => "the reconciliation file writes dates month-first (M/D/YYYY), as its documentation shows",
                DateOrderHint::BulkMigration => {
                    "the bulk migration tool writes dates month-first (MM/dd/yyyy)"
                }
                DateOrderHint::TwelveHourClock => "times with AM/PM come from a US-English Windows, which writes dates month-first (M/D/YYYY)",
            };
            format!(
                "Assumption: dates in \"{header}\" such as \"{example}\" were read {}, because {why}. \
                 Nothing in the file itself confirms it; if it is wrong, import again choosing the other order.",
                order_en(*day_first)
            )
            .into()
        }
        ImportNote::SeatsUnknown { count } => format!(
            "{count} subscription{} in this reconciliation file {} only charges that change the \
             seat count (added, removed or cancelled seats), not one that states it, so {} seat \
             count is left unknown.",
            plural(*count),
            if *count == 1 { "has" } else { "have" },
            if *count == 1 { "its" } else { "their" }
        )
        .into(),
        ImportNote::ReconciliationMerged => {
            "The reconciliation file has one row per charge: rows were merged into subscriptions by \
             SyndicationPartnerSubscriptionNumber (the Partner Center subscription id). It has no \
             status and no auto-renew column, so those are unknown."
                .into()
        }
        ImportNote::ExactDuplicates { count } => format!(
            "{count} row{} repeated an earlier row exactly (same subscription id and values) and {} merged into it.",
            plural(*count),
            if *count == 1 { "was" } else { "were" }
        )
        .into(),
        ImportNote::DifferingDuplicates { examples } => format!(
            "Some subscription ids appear on more than one row with different values; each row was kept: {}.",
            examples
                .iter()
                .map(|(id, first, line)| format!("{id} (lines {first} and {line})"))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .into(),
        ImportNote::UnreadValues {
            count,
            field,
            header,
            examples,
        } => {
            let left = if *field == Field::Status {
                "other"
            } else {
                "unknown"
            };
            format!(
                "{count} value{} in the {} column \"{header}\" could not be read ({}); left as {left}.",
                plural(*count),
                field_label(*field),
                examples
                    .iter()
                    .map(|e| format!("\"{e}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .into()
        }
        ImportNote::BlankStatus { count } => format!(
            "{count} row{} had an empty status; left as other.",
            plural(*count)
        )
        .into(),
        ImportNote::ExcelSerialDates { count } => format!(
            "{count} end date{} were Excel day numbers (like 44013); they were read in Excel's usual 1900 date system.",
            plural(*count)
        )
        .into(),
        ImportNote::UnknownLicenses { .. } | ImportNote::UserRowsJoined { .. } => {
            super::users::note_en(note).unwrap_or_default()
        }
        ImportNote::TwoDigitYears { count } => format!(
            "{count} end date{} had a two-digit year; they were read as 20xx.",
            plural(*count)
        )
        .into(),
    }
}
