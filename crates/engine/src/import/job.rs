/*!
The import as a job that runs in slices, so a browser tab stays responsive.

```
use kaizala_engine::import::{ImportJob, ImportOptions, ImportProgress};

let bytes = b"Subscription ID,Subscription,Quantity,Status\n\
              3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11,Microsoft Kaizala Pro,25,Active\n".to_vec();
let mut job = ImportJob::new(bytes, ImportOptions::default());
let outcome = loop {
    match job.step(10_000) {
        // Update a progress bar, yield to the event loop, then step again.
        ImportProgress::Working { bytes_done, bytes_total, .. } => assert!(bytes_done <= bytes_total),
        ImportProgress::Done(result) => break result,
    }
};
assert!(outcome.is_ok());
```

The first steps check a UTF-8 file's bytes a piece at a time (about a
kilobyte per row asked for: valid UTF-8, NUL bytes, line ends), then
decode it and find its header; other encodings are converted in one step.
Each later step reads at most `max_rows` records; the last one settles
dates and seat counts and yields the same result [`super::import`]
returns, which is this job run to completion.
*/

use std::borrow::Cow;

use super::columns::{candidates, map_headers, Mapping};
use super::dialect::{line_at, sniff, Dialect};
use super::error::{ImportErrorKind, Position};
use super::records::Records;
use super::rows::{Builder, PREVIEW_ROWS};
use super::text::{decode, decoded_utf8, route, ByteCheck, Decoded, Route, ScanStep, Utf8Scan};
use super::{
    Field, Format, Import, ImportError, ImportOptions, ImportOutcome, ImportReport, MappingRequest,
};
use crate::model::source::ImportNote;

/// Where a job stands after a [`ImportJob::step`].
// Returned once per slice, so the size of `Done` costs nothing worth a Box
// that every caller would have to unwrap.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum ImportProgress {
    /// More to do: work in bytes, of which only the fraction matters.
    /// Checking a UTF-8 file's bytes counts an eighth of a byte per byte
    /// (it is that much faster than reading them); reading the decoded
    /// text counts a byte per byte.
    Working {
        /// Bytes checked or read so far.
        bytes_done: u64,
        /// Bytes to check and read in all.
        bytes_total: u64,
        /// Data rows read so far.
        rows_read: u64,
    },
    /// The job is over; this is what [`super::import`] would have returned.
    /// It is yielded once; later steps report that the job has finished.
    Done(Result<ImportOutcome, ImportError>),
}

/// An import that runs a slice at a time. See the module documentation.
///
/// The job borrows the bytes it is given (`&[u8]`) or owns them (`Vec<u8>`,
/// then it is an `ImportJob<'static>`, which a UI can keep in its state);
/// valid UTF-8 input is read in place, without a copy.
pub struct ImportJob<'a> {
    options: ImportOptions,
    state: State<'a>,
    input_len: u64,
    /// Bytes checked while they arrived, if the caller did that.
    check: Option<ByteCheck>,
}

enum State<'a> {
    Start(Cow<'a, [u8]>),
    Scanning(Cow<'a, [u8]>, Utf8Scan),
    Reading(Box<Reading<'a>>),
    Finished,
}

/// How much less checking a byte counts than reading one, in progress.
const SCAN_WEIGHT: u64 = 8;

/// Bytes checked per step for `max_rows` rows asked for.
fn scan_bytes(max_rows: usize) -> usize {
    max_rows.saturating_mul(1024).max(64 * 1024)
}

/// Everything between the header and the end of the file.
struct Reading<'a> {
    text: Cow<'a, [u8]>,
    /// Starts at the header row.
    records: Records,
    /// Work done before reading (the check of the bytes), in progress units.
    checked: u64,
    /// Line counter: `line_no` is the line at byte `line_off`.
    line_off: usize,
    line_no: u64,
    prev_end_line: u64,
    gap_blank_lines: u64,
    header_seen: bool,
    /// The last record: start offset, first and last line.
    last: Option<(usize, u64, u64)>,
    builder: Option<Builder>,
    mapping: Mapping,
    headers: Vec<String>,
    report: ImportReport,
}

impl<'a> ImportJob<'a> {
    /// A job over a whole file's bytes. Nothing is read until [`step`].
    ///
    /// [`step`]: ImportJob::step
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>, options: ImportOptions) -> ImportJob<'a> {
        let bytes = bytes.into();
        ImportJob {
            options,
            input_len: bytes.len() as u64,
            state: State::Start(bytes),
            check: None,
        }
    }

    /// A job over a whole file's bytes that a [`ByteCheck`] has checked as
    /// they arrived (see there): the job's own check starts where that one
    /// stopped. The check must be of these bytes.
    pub fn checked(
        bytes: impl Into<Cow<'a, [u8]>>,
        options: ImportOptions,
        check: ByteCheck,
    ) -> ImportJob<'a> {
        ImportJob {
            check: Some(check),
            ..ImportJob::new(bytes, options)
        }
    }

    /// Does a slice of the work: reads at most `max_rows` records (at
    /// least one), or the preparation on the first call.
    pub fn step(&mut self, max_rows: usize) -> ImportProgress {
        match std::mem::replace(&mut self.state, State::Finished) {
            State::Start(bytes) => match route(&bytes) {
                Err(e) => ImportProgress::Done(Err(e)),
                Ok(Route::Utf8 { start }) => {
                    let scan = self
                        .check
                        .take()
                        .and_then(|c| c.into_scan(start, bytes.len()))
                        .unwrap_or_else(|| Utf8Scan::new(start));
                    self.state = State::Scanning(bytes, scan);
                    self.step(max_rows)
                }
                Ok(Route::Utf16) => {
                    let decoded = decode(bytes, self.options.big5_decoder);
                    self.begin_reading(decoded, 0)
                }
            },
            State::Scanning(bytes, mut scan) => match scan.step(&bytes, scan_bytes(max_rows)) {
                ScanStep::More => {
                    let p = ImportProgress::Working {
                        bytes_done: scan.pos() as u64 / SCAN_WEIGHT,
                        bytes_total: self.input_len / SCAN_WEIGHT + self.input_len,
                        rows_read: 0,
                    };
                    self.state = State::Scanning(bytes, scan);
                    p
                }
                ScanStep::Done => {
                    let decoded = decoded_utf8(bytes, &scan);
                    self.begin_reading(decoded, self.input_len / SCAN_WEIGHT)
                }
                // Not UTF-8 after all: decoded as a whole, from a legacy encoding.
                ScanStep::NotUtf8 => {
                    let decoded = decode(bytes, self.options.big5_decoder);
                    self.begin_reading(decoded, self.input_len / SCAN_WEIGHT)
                }
            },
            State::Reading(mut r) => match r.read(max_rows.max(1), &self.options) {
                Ok(None) => {
                    let p = ImportProgress::Working {
                        bytes_done: r.checked + r.bytes_read(),
                        bytes_total: r.checked + r.text.len() as u64,
                        rows_read: r.builder.as_ref().map_or(0, |b| b.rows_read),
                    };
                    self.state = State::Reading(r);
                    p
                }
                Ok(Some(outcome)) => ImportProgress::Done(Ok(outcome)),
                Err(e) => ImportProgress::Done(Err(e)),
            },
            State::Finished => ImportProgress::Done(Err(ImportErrorKind::AlreadyFinished.into())),
        }
    }

    /// Finds the dialect and header of decoded text and starts reading it.
    fn begin_reading(
        &mut self,
        decoded: Result<Decoded<'a>, ImportError>,
        checked: u64,
    ) -> ImportProgress {
        match decoded.and_then(|d| prepare(d, &self.options, checked)) {
            Ok(r) => {
                let p = ImportProgress::Working {
                    bytes_done: checked + r.bytes_read(),
                    bytes_total: checked + r.text.len() as u64,
                    rows_read: 0,
                };
                self.state = State::Reading(r);
                p
            }
            Err(e) => ImportProgress::Done(Err(e)),
        }
    }

    /// Runs the job to its end.
    pub fn run(mut self) -> Result<ImportOutcome, ImportError> {
        loop {
            if let ImportProgress::Done(result) = self.step(usize::MAX) {
                return result;
            }
        }
    }

    /// The size of the input in bytes.
    pub fn input_len(&self) -> u64 {
        self.input_len
    }
}

fn prepare<'a>(
    decoded: Decoded<'a>,
    options: &ImportOptions,
    checked: u64,
) -> Result<Box<Reading<'a>>, ImportError> {
    let dialect = sniff(&decoded.text, decoded.start)?;
    let mapping = map_headers(&dialect.headers, options, &sample(&decoded.text, &dialect));
    let format = mapping.format.unwrap_or(Format::Generic);
    let mut notes = decoded.notes;
    notes.extend(dialect.notes);
    notes.push(match format {
        Format::Generic => ImportNote::UnknownFormat,
        format => ImportNote::Recognised { format },
    });
    notes.extend(mapping.notes.iter().cloned());
    let columns = mapping.mapped(&dialect.headers);
    if !columns.is_empty() {
        notes.push(ImportNote::ColumnsUsed { columns });
    }
    let report = ImportReport {
        format: Some(format),
        encoding: decoded.encoding.to_string(),
        delimiter: dialect.delimiter as char,
        header_line: dialect.header_line,
        notes,
        ..ImportReport::default()
    };
    let builder = Builder::new(
        mapping.clone(),
        dialect.headers.clone(),
        dialect.delimiter,
        options,
    );
    Ok(Box::new(Reading {
        text: decoded.text,
        records: Records::new(dialect.delimiter, dialect.header_offset),
        checked,
        line_off: dialect.header_offset,
        line_no: dialect.header_line,
        prev_end_line: dialect.header_line,
        gap_blank_lines: 0,
        header_seen: false,
        last: None,
        builder: Some(builder),
        mapping,
        headers: dialect.headers,
        report,
    }))
}

/// The first data rows after the header, as text: what tells a users
/// file with unknown headers by its e-mail addresses.
fn sample(text: &[u8], dialect: &Dialect) -> Vec<Vec<String>> {
    let mut records = Records::new(dialect.delimiter, dialect.header_offset);
    let mut rows = Vec::new();
    let _header = records.next(text);
    while rows.len() < PREVIEW_ROWS {
        let Some(rec) = records.next(text) else { break };
        rows.push(
            rec.iter()
                .take(dialect.headers.len())
                .map(|c| String::from_utf8_lossy(c).chars().take(200).collect())
                .collect(),
        );
    }
    rows
}

impl Reading<'_> {
    /// How far into the text reading is (the header row's offset before
    /// any record is read).
    fn bytes_read(&self) -> u64 {
        self.records.position().min(self.text.len()) as u64
    }

    /// Reads up to `max_rows` records; `Some` when the job is over.
    fn read(
        &mut self,
        max_rows: usize,
        options: &ImportOptions,
    ) -> Result<Option<ImportOutcome>, ImportError> {
        let preview_only = self.mapping.needs_user();
        for _ in 0..max_rows {
            let text: &[u8] = &self.text;
            let Some(rec) = self.records.next(text) else {
                return self.finish(options).map(Some);
            };
            // From the last record's end to this one's start: its line end
            // and any blank lines (mostly one byte or two).
            let line = line_at(text, self.line_off, self.line_no, rec.start);
            let end_line = line + rec.breaks;
            self.line_off = rec.body_end;
            self.line_no = end_line;
            self.gap_blank_lines += line.saturating_sub(self.prev_end_line + 1);
            self.prev_end_line = end_line;
            self.last = Some((rec.start, line, end_line));
            if !self.header_seen {
                self.header_seen = true;
                continue;
            }
            let Some(builder) = self.builder.as_mut() else {
                break;
            };
            builder.row(line, end_line, &rec);
            if preview_only && builder.preview.len() >= PREVIEW_ROWS {
                return self.finish(options).map(Some);
            }
        }
        Ok(None)
    }

    fn finish(&mut self, options: &ImportOptions) -> Result<ImportOutcome, ImportError> {
        let text: &[u8] = &self.text;
        if let Some((start, line, end_line)) = self.last {
            let quotes = text
                .get(start..)
                .map_or(0, |t| t.iter().filter(|c| **c == b'"').count());
            let at_end = self.records.is_done();
            if at_end && end_line > line && quotes % 2 == 1 {
                return Err(ImportError::at(
                    ImportErrorKind::UnclosedQuote {
                        line,
                        last_line: end_line,
                    },
                    Position {
                        line,
                        byte: start as u64,
                        // The record counts data rows, and this one was read.
                        record: self.builder.as_ref().map_or(0, |b| b.rows_read),
                    },
                ));
            }
        }
        let Some(builder) = self.builder.take() else {
            return Err(ImportErrorKind::RowsAlreadyTaken.into());
        };
        if builder.rows_read == 0 {
            return Err(ImportErrorKind::NoDataRows {
                header_line: self.report.header_line,
            }
            .into());
        }
        let mut report = std::mem::take(&mut self.report);
        let blank = self.gap_blank_lines + builder.blank_lines;
        if blank > 0 {
            report.notes.push(ImportNote::BlankLines { count: blank });
        }
        if self.mapping.needs_user() {
            let preview = builder.preview.clone();
            let missing = self.mapping.missing.clone();
            if !missing.is_empty() {
                report.notes.push(ImportNote::MissingColumns {
                    fields: missing.clone(),
                });
            }
            let cands: Vec<(Field, Vec<String>)> = missing
                .iter()
                .map(|f| {
                    (
                        *f,
                        candidates(*f, &self.headers, &preview, &self.mapping.columns),
                    )
                })
                .collect();
            return Ok(ImportOutcome::NeedsMapping(MappingRequest {
                missing,
                headers: self.headers.clone(),
                candidates: cands,
                preview,
                ambiguous_dates: None,
                mapped: self.mapping.mapped(&self.headers),
                problems: self.mapping.problems.clone(),
                customer_question: self.mapping.customer_question.clone(),
                report,
            }));
        }
        let preview = builder.preview.clone();
        let rows = builder.rows_read;
        if let Some(users) = builder.users {
            let read = users.finish(options.file_name.clone(), options.users_customer.clone());
            report.rows_read = rows;
            report.rows_as_users = read.rows_as_users;
            report.rejected = builder.rejected;
            report.rejected.extend(read.rejected);
            report.rejected.sort_by_key(|r| r.line);
            report.notes.extend(read.notes);
            return Ok(ImportOutcome::Ready(Import {
                subscriptions: Vec::new(),
                customers: Vec::new(),
                users: vec![read.list],
                report,
            }));
        }
        match builder.finish(options.date_order) {
            Ok(built) => {
                report.rows_read = rows;
                report.rows_as_subscriptions = built.rows_as_subscriptions;
                report.rows_merged = built.rows_merged;
                report.rows_as_customers = built.customers.len() as u64;
                report.rejected = built.rejected;
                report.notes.extend(built.notes);
                if report.format == Some(Format::PartnerCenterCustomers) {
                    report.notes.push(ImportNote::CustomersOnly);
                }
                Ok(ImportOutcome::Ready(Import {
                    subscriptions: built.subscriptions,
                    customers: built.customers,
                    users: Vec::new(),
                    report,
                }))
            }
            Err(amb) => {
                report.notes.push(ImportNote::AwaitingDateOrder { rows });
                Ok(ImportOutcome::NeedsMapping(MappingRequest {
                    missing: Vec::new(),
                    headers: self.headers.clone(),
                    candidates: Vec::new(),
                    preview,
                    ambiguous_dates: Some(amb.question),
                    mapped: self.mapping.mapped(&self.headers),
                    problems: Vec::new(),
                    customer_question: None,
                    report,
                }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whole files, then the same bytes arriving in pieces of every size
    /// with a [`ByteCheck`] run on each arrival: the same outcome. The
    /// files cover a BOM, characters cut between pieces, lone `\r`, NUL,
    /// and files that are not UTF-8 after a valid start (Windows-1252,
    /// a broken sequence) or are UTF-16.
    #[test]
    fn a_checked_job_imports_as_an_unchecked_one() {
        let csv = "Subscription ID,Subscription,Quantity,Customer\n\
                   a1,Microsoft Kaizala Pro,5,臺北市立大學\r\n\
                   a2,Microsoft Kaizala Pro,3,Café 𝄞\rb3,Office 365 E3,2,x\0y\n";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(csv.as_bytes());
        let latin1 = csv
            .replace("Café 𝄞", "Caf\u{e9}")
            .replace("臺北市立大學", "Z");
        let latin1: Vec<u8> = latin1.chars().map(|c| c as u32 as u8).collect();
        let mut broken = csv.as_bytes().to_vec();
        broken.truncate(broken.len() - 4);
        broken.push(0xE5);
        broken.extend_from_slice(b",1\n");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(csv.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let files = [
            csv.as_bytes().to_vec(),
            bom,
            latin1,
            broken,
            utf16,
            b"ab".to_vec(),
        ];
        for file in files {
            let whole = ImportJob::new(file.as_slice(), ImportOptions::default()).run();
            for piece in 1..=file.len() {
                let mut check = ByteCheck::default();
                let mut arrived = Vec::new();
                for p in file.chunks(piece) {
                    arrived.extend_from_slice(p);
                    check.update(&arrived);
                    assert!(check.checked() <= arrived.len());
                }
                let job = ImportJob::checked(arrived, ImportOptions::default(), check);
                assert_eq!(job.run(), whole, "pieces of {piece} of {file:?}");
            }
        }
    }
}
