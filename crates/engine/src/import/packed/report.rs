/*!
The typed part of a packed result's report: each rejected row's reason and
each note, written after the JSON part.

In JSON a [`RejectReason`] and an [`ImportNote`] are their English sentence
(the JSON export and saved workspaces keep sentences), and read back as
`Text`: the page would then show them in English whatever the user's
language. So the JSON part still holds the report whole, and this section
then puts the typed reasons and notes back in place of those sentences.

Layout, after the JSON part of a result that holds a report (a ready
import or a mapping request; an error holds none):

```text
rejected reason × rejected   (rejected: as many as the JSON's report has)
notes note × notes           (notes: likewise)
```

Each value is a tag byte, then its fields in their declared order:
numbers as varints, `bool` as a byte, `char` as its code, texts as their
UTF-8 length and bytes (not shared: they are few and short). An optional
text is 0 for none, else its length plus 1 and its bytes; any other
optional value is a byte, 0 for none or 1 followed by the value. Every
enum is matched exhaustively (here, and by `report_read` through the
tables below), so a new variant breaks the build until it is written
and read. The counts are written again so that a section that does not
belong to its JSON part is refused rather than misread.
*/

use crate::import::{
    DateOrderHint, DateProblem, Field, Format, ImportError, ImportNote, ImportOutcome,
    ImportReport, LegacyEncoding, RejectReason,
};

/// The report inside a result, if it has one.
pub(super) fn report_of(result: &Result<ImportOutcome, ImportError>) -> Option<&ImportReport> {
    match result {
        Ok(ImportOutcome::Ready(import)) => Some(&import.report),
        Ok(ImportOutcome::NeedsMapping(request)) => Some(&request.report),
        // An error is its kind and position: no note, no rejected row.
        Err(_) => None,
    }
}

pub(super) fn report_of_mut(
    result: &mut Result<ImportOutcome, ImportError>,
) -> Option<&mut ImportReport> {
    match result {
        Ok(ImportOutcome::Ready(import)) => Some(&mut import.report),
        Ok(ImportOutcome::NeedsMapping(request)) => Some(&mut request.report),
        Err(_) => None,
    }
}

/// The names `ImportNote::Utf16WithoutBom` and `InvalidUtf16` are made with
/// (the importer's `Utf16::name`): a note read back borrows its `'static`
/// name from here.
pub(super) const UTF16_NAMES: [&str; 2] = ["UTF-16LE", "UTF-16BE"];

/// Writes the report's reasons and notes; `report_read` reads them.
pub(super) fn put(out: &mut Vec<u8>, report: &ImportReport) {
    let mut w = Writer(out);
    w.num(report.rejected.len() as u64);
    for row in &report.rejected {
        w.reason(&row.reason);
    }
    w.num(report.notes.len() as u64);
    for note in &report.notes {
        w.note(note);
    }
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn num(&mut self, v: u64) {
        super::put_varint(self.0, v);
    }

    fn tag(&mut self, t: u8) {
        self.0.push(t);
    }

    fn flag(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn ch(&mut self, c: char) {
        self.num(u64::from(c));
    }

    fn text(&mut self, s: &str) {
        super::put_blob(self.0, s.as_bytes());
    }

    fn opt_text(&mut self, s: &Option<String>) {
        match s {
            Some(s) => {
                self.num(s.len() as u64 + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
            None => self.num(0),
        }
    }

    fn opt_num(&mut self, v: Option<u64>) {
        self.flag(v.is_some());
        v.into_iter().for_each(|v| self.num(v));
    }

    fn texts(&mut self, v: &[String]) {
        self.num(v.len() as u64);
        v.iter().for_each(|s| self.text(s));
    }

    fn example(&mut self, e: &Option<(u64, String)>) {
        match e {
            Some((line, s)) => {
                self.tag(1);
                self.num(*line);
                self.text(s);
            }
            None => self.tag(0),
        }
    }

    fn reason(&mut self, reason: &RejectReason) {
        match reason {
            RejectReason::FieldTooLong {
                header,
                column,
                size,
                limit,
            } => {
                self.tag(0);
                self.opt_text(header);
                self.num(*column as u64);
                self.num(*size);
                self.num(*limit);
            }
            RejectReason::WrongFieldCount {
                found,
                expected,
                delimiter,
                last_line,
            } => {
                self.tag(1);
                self.num(*found as u64);
                self.num(*expected as u64);
                self.ch(*delimiter);
                self.opt_num(*last_line);
            }
            RejectReason::SwallowedRows { last_line } => {
                self.tag(2);
                self.num(*last_line);
            }
            RejectReason::NoCustomer => self.tag(3),
            RejectReason::EmptySubscriptionId { header } => {
                self.tag(4);
                self.text(header);
            }
            RejectReason::EmptyOffer { header } => {
                self.tag(5);
                self.text(header);
            }
            RejectReason::BadEndDate {
                value,
                header,
                problem,
            } => {
                self.tag(6);
                self.text(value);
                self.text(header);
                self.tag(match problem {
                    DateProblem::Unreadable => 0,
                    DateProblem::NoSuchDay => 1,
                    DateProblem::ExcelLeapBug => 2,
                });
            }
            RejectReason::BadQuantity { value, header } => {
                self.tag(7);
                self.text(value);
                self.text(header);
            }
            RejectReason::NegativeQuantity { quantity, header } => {
                self.tag(8);
                self.num(super::zigzag(*quantity));
                self.text(header);
            }
            RejectReason::ContradictoryEndDate {
                value,
                header,
                read_day_first,
            } => {
                self.tag(9);
                self.text(value);
                self.text(header);
                self.flag(*read_day_first);
            }
            RejectReason::NoUserPrincipalName { header } => {
                self.tag(10);
                self.text(header);
            }
            RejectReason::Text(s) => {
                self.tag(11);
                self.text(s);
            }
        }
    }

    fn note(&mut self, note: &ImportNote) {
        use ImportNote as N;
        match note {
            N::Utf16WithoutBom { encoding } => {
                self.tag(0);
                self.text(encoding);
            }
            N::InvalidUtf16 { encoding } => {
                self.tag(1);
                self.text(encoding);
            }
            N::HalfUtf16Character => self.tag(2),
            N::Big5Unavailable => self.tag(3),
            N::NotUtf8 { line, encoding } => {
                self.tag(4);
                self.num(*line);
                self.tag(match encoding {
                    LegacyEncoding::Big5 => 0,
                    LegacyEncoding::Windows1252 => 1,
                });
            }
            N::NulBytesRemoved { count } => {
                self.tag(5);
                self.num(*count as u64);
            }
            N::ClassicMacLineEnds => self.tag(6),
            N::MixedLineEnds { lone_cr } => {
                self.tag(7);
                self.num(*lone_cr as u64);
            }
            N::SkippedTypeLine { line } => {
                self.tag(8);
                self.text(line);
            }
            N::SepLine { delimiter } => {
                self.tag(9);
                self.ch(*delimiter);
            }
            N::UnknownSepLine => self.tag(10),
            N::SkippedPreamble {
                count,
                first_line,
                last_line,
                previews,
            } => {
                self.tag(11);
                self.num(*count as u64);
                self.num(*first_line);
                self.num(*last_line);
                self.texts(previews);
            }
            N::UnknownFormat => self.tag(12),
            N::Recognised { format } => {
                self.tag(13);
                self.tag(format_tag(*format));
            }
            N::ChosenColumnMissing { field, header } => {
                self.tag(14);
                self.tag(field_tag(*field));
                self.text(header);
            }
            N::ColumnsUsed { columns } => {
                self.tag(15);
                self.num(columns.len() as u64);
                for (field, header) in columns {
                    self.tag(field_tag(*field));
                    self.text(header);
                }
            }
            N::BlankLines { count } => {
                self.tag(16);
                self.num(*count);
            }
            N::MissingColumns { fields } => {
                self.tag(17);
                self.num(fields.len() as u64);
                fields.iter().for_each(|f| self.tag(field_tag(*f)));
            }
            N::CustomersOnly => self.tag(18),
            N::AwaitingDateOrder { rows } => {
                self.tag(19);
                self.num(*rows);
            }
            N::CustomerFromFileName { name } => {
                self.tag(20);
                self.text(name);
            }
            N::NoCustomer => self.tag(21),
            N::CustomerNamedByUser { name } => {
                self.tag(22);
                self.text(name);
            }
            N::RowsNumbered => self.tag(23),
            N::NoSubscriptionIds => self.tag(24),
            N::DateOrderSettled {
                header,
                day_first,
                example,
            } => {
                self.tag(25);
                self.text(header);
                self.flag(*day_first);
                self.example(example);
            }
            N::DateOrderMixed {
                header,
                day_first_example,
                month_first_example,
                day_first,
            } => {
                self.tag(26);
                self.text(header);
                self.example(day_first_example);
                self.example(month_first_example);
                self.flag(*day_first);
            }
            N::DateOrderChosen { header, day_first } => {
                self.tag(27);
                self.text(header);
                self.flag(*day_first);
            }
            N::DateOrderAssumed {
                header,
                example,
                day_first,
                why,
            } => {
                self.tag(28);
                self.text(header);
                self.text(example);
                self.flag(*day_first);
                self.tag(match why {
                    DateOrderHint::Dotted => 0,
                    DateOrderHint::Reconciliation => 1,
                    DateOrderHint::BulkMigration => 2,
                    DateOrderHint::TwelveHourClock => 3,
                });
            }
            N::SeatsUnknown { count } => {
                self.tag(29);
                self.num(*count);
            }
            N::ReconciliationMerged => self.tag(30),
            N::ExactDuplicates { count } => {
                self.tag(31);
                self.num(*count);
            }
            N::DifferingDuplicates { examples } => {
                self.tag(32);
                self.num(examples.len() as u64);
                for (id, first, line) in examples {
                    self.text(id);
                    self.num(*first);
                    self.num(*line);
                }
            }
            N::UnreadValues {
                count,
                field,
                header,
                examples,
            } => {
                self.tag(33);
                self.num(*count);
                self.tag(field_tag(*field));
                self.text(header);
                self.texts(examples);
            }
            N::BlankStatus { count } => {
                self.tag(34);
                self.num(*count);
            }
            N::ExcelSerialDates { count } => {
                self.tag(35);
                self.num(*count);
            }
            N::TwoDigitYears { count } => {
                self.tag(36);
                self.num(*count);
            }
            N::UnknownLicenses { names, more } => {
                self.tag(37);
                self.texts(names);
                self.num(*more);
            }
            N::UserRowsJoined { count } => {
                self.tag(38);
                self.num(*count);
            }
            N::Text(s) => {
                self.tag(39);
                self.text(s);
            }
        }
    }
}

// The tables a tag is read back by, in the order of the writer's matches;
// `every_tag_reads_back` checks that they agree.
pub(super) const DATE_PROBLEMS: [DateProblem; 3] = [
    DateProblem::Unreadable,
    DateProblem::NoSuchDay,
    DateProblem::ExcelLeapBug,
];

pub(super) const LEGACY_ENCODINGS: [LegacyEncoding; 2] =
    [LegacyEncoding::Big5, LegacyEncoding::Windows1252];

pub(super) const DATE_ORDER_HINTS: [DateOrderHint; 4] = [
    DateOrderHint::Dotted,
    DateOrderHint::Reconciliation,
    DateOrderHint::BulkMigration,
    DateOrderHint::TwelveHourClock,
];

fn format_tag(f: Format) -> u8 {
    match f {
        Format::Reconciliation => 0,
        Format::PowerShell => 1,
        Format::RestApi => 2,
        Format::BulkMigration => 3,
        Format::PartnerCenterSubscriptions => 4,
        Format::PartnerCenterCustomers => 5,
        Format::LicenseExpiryReport => 6,
        Format::CippLicenseReport => 7,
        Format::AdminCenterUsers => 8,
        Format::UserLicenseReport => 9,
        Format::Generic => 10,
    }
}

pub(super) const FORMATS: [Format; 11] = [
    Format::Reconciliation,
    Format::PowerShell,
    Format::RestApi,
    Format::BulkMigration,
    Format::PartnerCenterSubscriptions,
    Format::PartnerCenterCustomers,
    Format::LicenseExpiryReport,
    Format::CippLicenseReport,
    Format::AdminCenterUsers,
    Format::UserLicenseReport,
    Format::Generic,
];

fn field_tag(f: Field) -> u8 {
    match f {
        Field::CustomerId => 0,
        Field::CustomerName => 1,
        Field::CustomerDomain => 2,
        Field::Qualification => 3,
        Field::SubscriptionId => 4,
        Field::Offer => 5,
        Field::FriendlyName => 6,
        Field::Sku => 7,
        Field::Seats => 8,
        Field::Status => 9,
        Field::AutoRenew => 10,
        Field::EndDate => 11,
        Field::Term => 12,
        Field::ResellerMpnId => 13,
        Field::Trial => 14,
        Field::UserPrincipalName => 15,
        Field::DisplayName => 16,
        Field::Licenses => 17,
        Field::ProxyAddresses => 18,
        Field::BlockCredential => 19,
    }
}

pub(super) const FIELDS: [Field; 20] = [
    Field::CustomerId,
    Field::CustomerName,
    Field::CustomerDomain,
    Field::Qualification,
    Field::SubscriptionId,
    Field::Offer,
    Field::FriendlyName,
    Field::Sku,
    Field::Seats,
    Field::Status,
    Field::AutoRenew,
    Field::EndDate,
    Field::Term,
    Field::ResellerMpnId,
    Field::Trial,
    Field::UserPrincipalName,
    Field::DisplayName,
    Field::Licenses,
    Field::ProxyAddresses,
    Field::BlockCredential,
];

#[cfg(test)]
mod tests {
    use super::super::{auto_renew_tag, status_tag, AUTO_RENEWS, STATUSES};
    use super::*;

    /// Each table lists its enum in the order its writer tags it.
    #[test]
    fn every_tag_reads_back() {
        fn check<T: Copy + std::fmt::Debug>(table: &[T], tag: impl Fn(T) -> u8) {
            for (i, v) in table.iter().enumerate() {
                assert_eq!(usize::from(tag(*v)), i, "{v:?}");
            }
        }
        check(&STATUSES, status_tag);
        check(&AUTO_RENEWS, auto_renew_tag);
        check(&FORMATS, format_tag);
        check(&FIELDS, field_tag);
        let mut out = Vec::new();
        let mut w = Writer(&mut out);
        for (i, p) in DATE_PROBLEMS.into_iter().enumerate() {
            let value = String::new();
            w.reason(&RejectReason::BadEndDate {
                header: value.clone(),
                value,
                problem: p,
            });
            assert_eq!(w.0.pop(), Some(i as u8), "{p:?}");
        }
        for (i, e) in LEGACY_ENCODINGS.into_iter().enumerate() {
            w.note(&ImportNote::NotUtf8 {
                line: 0,
                encoding: e,
            });
            assert_eq!(w.0.pop(), Some(i as u8), "{e:?}");
        }
        for (i, why) in DATE_ORDER_HINTS.into_iter().enumerate() {
            w.note(&ImportNote::DateOrderAssumed {
                header: String::new(),
                example: String::new(),
                day_first: false,
                why,
            });
            assert_eq!(w.0.pop(), Some(i as u8), "{why:?}");
        }
    }
}
