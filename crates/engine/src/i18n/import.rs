/*!
The importer's messages in words: every [`ImportErrorKind`], rejected row
([`RejectReason`]) and [`ImportNote`](crate::model::source::ImportNote) said in each [`Lang`], and the sizes
they quote. This is the one place those sentences are written; the
importer only records what happened, as data. The sentences themselves
are in the files of `import/`: `errors`, `reasons`, `mapping` (the
mapping step's problems and date question), `notes` and `notes_zh`, and
`users`.

`Display` gives the English text, and the serialised report (the JSON
export, saved imports) holds the English sentences, as it did when the
importer wrote them; a front end renders the typed message in the
user's language.
*/

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{Lang, Render, Text};
use crate::import::error::{ImportError, ImportErrorKind};
use crate::import::{DateQuestion, MappingProblem};
use crate::model::source::{RejectReason, RejectedRow};

mod errors;
mod fields;
mod mapping;
mod notes;
mod notes_zh;
mod reasons;
mod users;
#[cfg(test)]
mod zh_tests;

pub(crate) use self::fields::{field_label as field_label_en, field_label_zh};

impl Render for ImportError {
    fn render(&self, lang: Lang) -> Text {
        self.kind().render(lang)
    }
}

impl Render for ImportErrorKind {
    fn render(&self, lang: Lang) -> Text {
        errors::error(self, lang)
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

impl Render for DateQuestion {
    /// The question, with the values that read both ways and, when the
    /// file contradicts itself, one value of each order with its line.
    fn render(&self, lang: Lang) -> Text {
        Text::Owned(match lang {
            Lang::En => mapping::date_question_en(self),
            Lang::ZhTw => mapping::date_question_zh(self),
        })
    }
}

impl Render for MappingProblem {
    /// What is wrong with a choice in the mapping step, naming the column
    /// and fields concerned, and what to do instead.
    fn render(&self, lang: Lang) -> Text {
        match lang {
            Lang::En => mapping::mapping_problem_en(self),
            Lang::ZhTw => mapping::mapping_problem_zh(self),
        }
        .into()
    }
}

impl Render for RejectedRow {
    /// The reason the row was rejected, with its line.
    fn render(&self, lang: Lang) -> Text {
        reasons::reason(self.line, &self.reason, lang)
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
                // Read back from a JSON export in either language.
                (RejectReason::Text(_), _) | (_, RejectReason::Text(_)) => [Lang::En, Lang::ZhTw]
                    .into_iter()
                    .any(|l| self.render(l) == other.render(l)),
                (a, b) => a == b,
            }
    }
}

impl Eq for RejectedRow {}

/// A byte count the way people read file sizes: `512 bytes`, `1.5 KiB`,
/// `512.0 MiB`.
pub(crate) fn human_size(n: u64) -> String {
    human_size_in(n, Lang::En)
}

/// [`human_size`] in `lang`: zh-TW says 「512 位元組」, and KiB and MiB as
/// they are.
pub(crate) fn human_size_in(n: u64, lang: Lang) -> String {
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
        match lang {
            Lang::En => format!("{n} bytes"),
            Lang::ZhTw => format!("{n} 位元組"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::error::{BinaryFormat, Position};
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
        assert!(e
            .render(Lang::ZhTw)
            .starts_with("第 3 行有一個引號一直沒有結束"));
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
        assert_eq!(
            row.render(Lang::ZhTw),
            "第 7 行：數量「five」（欄位「Quantity」）不是整數"
        );
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
