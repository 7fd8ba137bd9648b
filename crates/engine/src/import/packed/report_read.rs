/*!
Reading back the typed section `report` writes: each rejected row's reason
and each note, put over the English sentences the JSON part read back.

Apart from `report` only to keep files short. Each tag is read by the
match that mirrors the writer's, field by field in the same order; a tag,
enum value, count or `'static` name this build does not write is
`BadValue`, and bytes that end inside a value are `Truncated`.
*/

use super::report::{
    DATE_ORDER_HINTS, DATE_PROBLEMS, FIELDS, FORMATS, LEGACY_ENCODINGS, UTF16_NAMES,
};
use super::{err, PackError, PackErrorKind::*, Reader};
use crate::import::{Field, ImportNote, ImportReport, RejectReason};

/// Reads what `report::put` wrote over the sentences the JSON part gave.
pub(super) fn read(r: &mut Reader, report: &mut ImportReport) -> Result<(), PackError> {
    r.count(report.rejected.len())?;
    for row in &mut report.rejected {
        row.reason = r.reason()?;
    }
    r.count(report.notes.len())?;
    for note in &mut report.notes {
        *note = r.note()?;
    }
    Ok(())
}

impl Reader<'_> {
    /// A count that must be `expected`, the JSON part's.
    fn count(&mut self, expected: usize) -> Result<(), PackError> {
        let at = self.pos;
        let n: u64 = self.number()?;
        (n == expected as u64)
            .then_some(())
            .ok_or(err(BadValue, at))
    }

    /// A tag byte, and where it was.
    fn tag(&mut self) -> Result<(usize, u8), PackError> {
        Ok((self.pos, self.byte()?))
    }

    /// One of `table`, by a tag byte.
    fn pick<T: Copy>(&mut self, table: &[T]) -> Result<T, PackError> {
        let (at, t) = self.tag()?;
        table.get(usize::from(t)).copied().ok_or(err(BadValue, at))
    }

    fn flag(&mut self) -> Result<bool, PackError> {
        self.pick(&[false, true])
    }

    fn ch(&mut self) -> Result<char, PackError> {
        let at = self.pos;
        char::from_u32(self.number()?).ok_or(err(BadValue, at))
    }

    fn string_of(&mut self, len: u64, at: usize) -> Result<String, PackError> {
        let n = usize::try_from(len).unwrap_or(usize::MAX);
        let bytes = self.take(n).map_err(|_| err(Truncated, at))?;
        let s = std::str::from_utf8(bytes).map_err(|_| err(BadText, at))?;
        Ok(s.to_owned())
    }

    fn string(&mut self) -> Result<String, PackError> {
        let at = self.pos;
        let len = self.varint()?;
        self.string_of(len, at)
    }

    fn opt_string(&mut self) -> Result<Option<String>, PackError> {
        let at = self.pos;
        match self.varint()? {
            0 => Ok(None),
            len => self.string_of(len - 1, at).map(Some),
        }
    }

    /// `n` items read by `item`; what a hostile `n` preallocates is capped
    /// by the bytes left, as each item takes one at least.
    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, PackError>,
    ) -> Result<Vec<T>, PackError> {
        let n: usize = self.number()?;
        let mut v = Vec::with_capacity(n.min(self.bytes.len().saturating_sub(self.pos)));
        for _ in 0..n {
            v.push(item(self)?);
        }
        Ok(v)
    }

    fn strings(&mut self) -> Result<Vec<String>, PackError> {
        self.list(Self::string)
    }

    /// Unlike `opt_number`, a flag first: `u64::MAX` has no successor.
    fn opt_u64(&mut self) -> Result<Option<u64>, PackError> {
        Ok(match self.flag()? {
            true => Some(self.number()?),
            false => None,
        })
    }

    fn example(&mut self) -> Result<Option<(u64, String)>, PackError> {
        Ok(match self.flag()? {
            true => Some((self.number()?, self.string()?)),
            false => None,
        })
    }

    fn field(&mut self) -> Result<Field, PackError> {
        self.pick(&FIELDS)
    }

    pub(super) fn reason(&mut self) -> Result<RejectReason, PackError> {
        use RejectReason as R;
        let (at, tag) = self.tag()?;
        Ok(match tag {
            0 => R::FieldTooLong {
                header: self.opt_string()?,
                column: self.number()?,
                size: self.number()?,
                limit: self.number()?,
            },
            1 => R::WrongFieldCount {
                found: self.number()?,
                expected: self.number()?,
                delimiter: self.ch()?,
                last_line: self.opt_u64()?,
            },
            2 => R::SwallowedRows {
                last_line: self.number()?,
            },
            3 => R::NoCustomer,
            4 => R::EmptySubscriptionId {
                header: self.string()?,
            },
            5 => R::EmptyOffer {
                header: self.string()?,
            },
            6 => R::BadEndDate {
                value: self.string()?,
                header: self.string()?,
                problem: self.pick(&DATE_PROBLEMS)?,
            },
            7 => R::BadQuantity {
                value: self.string()?,
                header: self.string()?,
            },
            8 => R::NegativeQuantity {
                quantity: super::unzigzag(self.number()?),
                header: self.string()?,
            },
            9 => R::ContradictoryEndDate {
                value: self.string()?,
                header: self.string()?,
                read_day_first: self.flag()?,
            },
            10 => R::NoUserPrincipalName {
                header: self.string()?,
            },
            11 => R::Text(self.string()?),
            _ => return Err(err(BadValue, at)),
        })
    }

    fn utf16_name(&mut self) -> Result<&'static str, PackError> {
        let at = self.pos;
        let name = self.string()?;
        let known = UTF16_NAMES.into_iter().find(|n| *n == name);
        known.ok_or(err(BadValue, at))
    }

    pub(super) fn note(&mut self) -> Result<ImportNote, PackError> {
        use ImportNote as N;
        let (at, tag) = self.tag()?;
        Ok(match tag {
            0 => N::Utf16WithoutBom {
                encoding: self.utf16_name()?,
            },
            1 => N::InvalidUtf16 {
                encoding: self.utf16_name()?,
            },
            2 => N::HalfUtf16Character,
            3 => N::Big5Unavailable,
            4 => N::NotUtf8 {
                line: self.number()?,
                encoding: self.pick(&LEGACY_ENCODINGS)?,
            },
            5 => N::NulBytesRemoved {
                count: self.number()?,
            },
            6 => N::ClassicMacLineEnds,
            7 => N::MixedLineEnds {
                lone_cr: self.number()?,
            },
            8 => N::SkippedTypeLine {
                line: self.string()?,
            },
            9 => N::SepLine {
                delimiter: self.ch()?,
            },
            10 => N::UnknownSepLine,
            11 => N::SkippedPreamble {
                count: self.number()?,
                first_line: self.number()?,
                last_line: self.number()?,
                previews: self.strings()?,
            },
            12 => N::UnknownFormat,
            13 => N::Recognised {
                format: self.pick(&FORMATS)?,
            },
            14 => N::ChosenColumnMissing {
                field: self.field()?,
                header: self.string()?,
            },
            15 => N::ColumnsUsed {
                columns: self.list(|r| Ok((r.field()?, r.string()?)))?,
            },
            16 => N::BlankLines {
                count: self.number()?,
            },
            17 => N::MissingColumns {
                fields: self.list(Self::field)?,
            },
            18 => N::CustomersOnly,
            19 => N::AwaitingDateOrder {
                rows: self.number()?,
            },
            20 => N::CustomerFromFileName {
                name: self.string()?,
            },
            21 => N::NoCustomer,
            22 => N::CustomerNamedByUser {
                name: self.string()?,
            },
            23 => N::RowsNumbered,
            24 => N::NoSubscriptionIds,
            25 => N::DateOrderSettled {
                header: self.string()?,
                day_first: self.flag()?,
                example: self.example()?,
            },
            26 => N::DateOrderMixed {
                header: self.string()?,
                day_first_example: self.example()?,
                month_first_example: self.example()?,
                day_first: self.flag()?,
            },
            27 => N::DateOrderChosen {
                header: self.string()?,
                day_first: self.flag()?,
            },
            28 => N::DateOrderAssumed {
                header: self.string()?,
                example: self.string()?,
                day_first: self.flag()?,
                why: self.pick(&DATE_ORDER_HINTS)?,
            },
            29 => N::SeatsUnknown {
                count: self.number()?,
            },
            30 => N::ReconciliationMerged,
            31 => N::ExactDuplicates {
                count: self.number()?,
            },
            32 => N::DifferingDuplicates {
                examples: self.list(|r| Ok((r.string()?, r.number()?, r.number()?)))?,
            },
            33 => N::UnreadValues {
                count: self.number()?,
                field: self.field()?,
                header: self.string()?,
                examples: self.strings()?,
            },
            34 => N::BlankStatus {
                count: self.number()?,
            },
            35 => N::ExcelSerialDates {
                count: self.number()?,
            },
            36 => N::TwoDigitYears {
                count: self.number()?,
            },
            37 => N::UnknownLicenses {
                names: self.strings()?,
                more: self.number()?,
            },
            38 => N::UserRowsJoined {
                count: self.number()?,
            },
            39 => N::Text(self.string()?),
            _ => return Err(err(BadValue, at)),
        })
    }
}
