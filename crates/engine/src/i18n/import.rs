/*!
The importer's messages in words: every [`ImportErrorKind`] said in each
[`Lang`], and the sizes they quote. This is the one place those sentences
are written; the importer only records what happened, as data.

`Display` on [`ImportError`] gives the English text, which the command
line prints. The Traditional Chinese texts are not written yet: zh-TW says
the English sentences until they are.
*/

use std::fmt;

use super::{Lang, Render, Text};
use crate::import::{BinaryFormat, ImportError, ImportErrorKind};

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

/// A byte count the way people read file sizes: `512 bytes`, `1.5 KiB`,
/// `512.0 MiB`.
pub fn human_size(n: u64) -> String {
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
    use crate::import::Position;

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
    fn sizes_read_as_people_read_them() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(1024 * 1024), "1.0 MiB");
    }
}
